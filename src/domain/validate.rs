//! Field rules the service enforces on every write, as pure functions.

use crate::api::{AssignmentSettings, Condition, FieldError, FieldType, HandoverAction};
use crate::domain::platform::check_platform;
use crate::domain::rules::validate_condition;

/// The longest handle or key.
pub const MAX_SLUG_LEN: usize = 40;
/// The longest display name.
pub const MAX_NAME_LEN: usize = 100;

/// The longest `when-to-use` guidance.
pub const MAX_GUIDANCE_CHARS: usize = 4000;
/// The longest label or auto-reply.
pub const MAX_TEXT_CHARS: usize = 1000;

/// [`check_slug`]'s rule as a regular expression, for the document's JSON
/// Schema (a property test holds the two to the same answers).
pub const SLUG_PATTERN: &str = "^[a-z0-9][a-z0-9-]{0,39}$";

/// [`check_email`]'s rule as a regular expression, for the JSON Schema: one
/// `@`, no white space, a local part of dot-separated non-empty pieces (no
/// dot first, last or twice in a row), a dotted domain of non-empty labels.
/// The lengths ([`MAX_EMAIL_LEN`], [`MAX_LOCAL_PART_LEN`]) are the check's.
pub const EMAIL_PATTERN: &str = r"^[^@\s.]+(\.[^@\s.]+)*@[^@.\s]+(\.[^@.\s]+)+$";

/// The longest email address [`check_email`] accepts, in bytes (RFC 5321 4.5.3.1.3).
pub const MAX_EMAIL_LEN: usize = 254;
/// The longest part of an address before its `@`, quotes included, in bytes
/// (RFC 5321 4.5.3.1.1): the desk's mail library sends to no longer one.
pub const MAX_LOCAL_PART_LEN: usize = 64;

/// [`check_handover_action`]'s rule for an action's name, as a regular expression.
pub const ACTION_NAME_PATTERN: &str = "^[A-Za-z0-9_-]{1,64}$";

/// [`ACTION_NAME_PATTERN`] as a document or a request may write the name:
/// white space around it is trimmed ([`normalize_action`]) before the check,
/// as the CLI's `--name` is.
pub const ACTION_NAME_UNTRIMMED_PATTERN: &str = r"^\s*[A-Za-z0-9_-]{1,64}\s*$";

/// A text that is not blank (some character is not white space), as a
/// regular expression for the JSON Schema: what [`check_name`] asks of a
/// name, and the service of the texts it trims before it checks them (a
/// handover's labels and auto-reply, a dropdown's options).
pub const NOT_BLANK_PATTERN: &str = r"\S";

/// The scheme [`check_outbound_url`] asks of a URL, as a regular expression
/// for the JSON Schema (`http` or `https`, in any case, after the spaces and
/// control characters a URL reader skips); the rest of its rules (http only
/// to this machine, no forbidden address) are the check's alone.
pub const HTTP_URL_PATTERN: &str = r"^[\x00-\x20]*[Hh][Tt][Tt][Pp][Ss]?://";

/// The rule stated in every error about a slug, so users learn it from the message.
pub const SLUG_RULE: &str = "use 1 to 40 lowercase letters (a-z), digits and dashes, \
                             starting with a letter or digit";

/// Collects every invalid field of a request, so all are reported at once.
#[derive(Debug, Default)]
pub struct Checks {
    errors: Vec<FieldError>,
}

impl Checks {
    pub fn new() -> Self {
        Self::default()
    }

    /// Handles and keys: `alice`, `tier-2`.
    pub fn slug(&mut self, field: &str, value: &str) -> &mut Self {
        if let Err(message) = check_slug(value) {
            self.errors.push(FieldError::new(field, message));
        }
        self
    }

    pub fn name(&mut self, field: &str, value: &str) -> &mut Self {
        if let Err(message) = check_name(value) {
            self.errors.push(FieldError::new(field, message));
        }
        self
    }

    pub fn email(&mut self, field: &str, value: &str) -> &mut Self {
        if let Err(message) = check_email(value) {
            self.errors.push(FieldError::new(field, message));
        }
        self
    }

    pub fn slugs<'a>(
        &mut self,
        field: &str,
        values: impl IntoIterator<Item = &'a String>,
    ) -> &mut Self {
        for value in values {
            if let Err(message) = check_slug(value) {
                self.errors.push(FieldError::new(
                    field,
                    format!("'{}': {message}", crate::api::echoed(value)),
                ));
            }
        }
        self
    }

    pub fn push(&mut self, field: &str, message: impl Into<String>) -> &mut Self {
        self.errors.push(FieldError::new(field, message));
        self
    }

    /// Every collected problem.
    pub fn into_errors(self) -> Vec<FieldError> {
        self.errors
    }

    /// `Err` with every collected problem, or `Ok` when there were none.
    pub fn finish(&mut self) -> Result<(), Invalid> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(Invalid(std::mem::take(&mut self.errors)))
        }
    }
}

/// A request or document that breaks field rules: every problem, each naming
/// its field. The service answers it with 422 and the list.
#[derive(Debug, Clone, PartialEq)]
pub struct Invalid(pub Vec<FieldError>);

/// What is wrong with a text holding a NUL character (U+0000): no text the
/// desk keeps may hold one. PostgreSQL refuses it in a `text` column (the
/// write fails whole), and SQLite's search reads a text only up to it.
pub const NUL_MESSAGE: &str =
    "contains a NUL character (\\u0000), which no text may hold: remove it";

/// How many fields holding a NUL [`nul_problems`] names one by one; one more
/// problem counts the rest.
pub const MAX_NUL_FIELDS: usize = 10;

/// A problem for every text of a JSON request that holds a NUL character,
/// strings and object keys alike, each named by its path as other field
/// errors are (`requester.name`, `transcript[2].text`, `context.a.b`), so
/// one check covers every text a request can write, however deeply nested.
pub fn nul_problems(value: &serde_json::Value) -> Vec<FieldError> {
    let mut found = NulFields::default();
    found.walk(value, String::new());
    if found.more > 0 {
        found.fields.push(FieldError::new(
            "body",
            format!(
                "{} more texts contain a NUL character; only the first \
                 {MAX_NUL_FIELDS} are listed",
                found.more
            ),
        ));
    }
    found.fields
}

/// What is wrong with a whole number that no 64-bit integer holds: JSON
/// readers (serde_json's, JavaScript's) round it to a float, so an account
/// number `123456789012345678901234567890` would be kept as
/// `1.2345678901234568e+29` and silently name another account.
pub const INEXACT_NUMBER_MESSAGE: &str = "number out of range: whole numbers are kept exactly \
     from -9223372036854775808 to 18446744073709551615; send a larger one as a string";

/// Whether `text`, a number as JSON or YAML writes it, is a whole number
/// (digits, an optional sign, no fraction or exponent) that neither `i64`
/// nor `u64` holds.
pub fn is_inexact_whole_number(text: &str) -> bool {
    is_decimal_integer(text) && text.parse::<i64>().is_err() && text.parse::<u64>().is_err()
}

/// Whether `text` writes a whole number in decimal: digits, with an optional
/// sign (`04417`, `-7`, `+3`).
pub fn is_decimal_integer(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// A problem for every whole number in a JSON request body that
/// [`is_inexact_whole_number`], each named by its path as
/// [`nul_problems`] names texts. `body` must be valid JSON (it has been read
/// already): what is not is left to the reader's own error.
pub fn inexact_number_problems(body: &[u8]) -> Vec<FieldError> {
    // The smallest such number has 19 digits: most bodies have no run that
    // long and are not read again.
    let longest_digit_run = body
        .split(|b| !b.is_ascii_digit())
        .map(<[u8]>::len)
        .max()
        .unwrap_or(0);
    if longest_digit_run < 19 {
        return Vec::new();
    }
    let mut problems = Vec::new();
    if let Ok(value) = serde_json::from_slice::<&serde_json::value::RawValue>(body) {
        find_inexact_numbers(value, String::new(), &mut problems);
    }
    problems
}

fn find_inexact_numbers(
    value: &serde_json::value::RawValue,
    path: String,
    problems: &mut Vec<FieldError>,
) {
    let text = value.get();
    match text.as_bytes().first() {
        Some(b'{') => {
            let members: Vec<(String, &serde_json::value::RawValue)> =
                serde_json::from_str::<std::collections::BTreeMap<_, _>>(text)
                    .map(|members| members.into_iter().collect())
                    .unwrap_or_default();
            for (key, member) in members {
                let field = if path.is_empty() {
                    key
                } else {
                    format!("{path}.{key}")
                };
                find_inexact_numbers(member, field, problems);
            }
        }
        Some(b'[') => {
            let items: Vec<&serde_json::value::RawValue> =
                serde_json::from_str(text).unwrap_or_default();
            for (index, item) in items.into_iter().enumerate() {
                find_inexact_numbers(item, format!("{path}[{index}]"), problems);
            }
        }
        _ if is_inexact_whole_number(text) => {
            let field = if path.is_empty() { "body".into() } else { path };
            problems.push(FieldError::new(field, INEXACT_NUMBER_MESSAGE));
        }
        _ => {}
    }
}

/// What [`nul_problems`] has found so far.
#[derive(Default)]
struct NulFields {
    fields: Vec<FieldError>,
    more: usize,
}

impl NulFields {
    fn report(&mut self, field: String, message: &str) {
        if self.fields.len() < MAX_NUL_FIELDS {
            self.fields.push(FieldError::new(field, message));
        } else {
            self.more += 1;
        }
    }

    fn walk(&mut self, value: &serde_json::Value, path: String) {
        match value {
            serde_json::Value::String(text) if text.contains('\0') => {
                self.report(path, NUL_MESSAGE)
            }
            serde_json::Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    self.walk(item, format!("{path}[{index}]"));
                }
            }
            serde_json::Value::Object(members) => {
                for (key, member) in members {
                    // The field's name carries the key's NUL written out: the
                    // character itself shows as nothing on a terminal.
                    let shown = key.replace('\0', "\\u0000");
                    let field = if path.is_empty() {
                        shown
                    } else {
                        format!("{path}.{shown}")
                    };
                    if key.contains('\0') {
                        self.report(
                            field.clone(),
                            "this key contains a NUL character (\\u0000), which no text \
                             may hold: remove it",
                        );
                    }
                    self.walk(member, field);
                }
            }
            _ => {}
        }
    }
}

/// Whether `host` is this machine: `localhost` or a loopback address.
pub fn is_loopback_host(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Why the service must never call `ip`, if it must not: link-local (cloud
/// metadata services live there), unspecified, multicast or broadcast.
/// Checked on a URL's text when it is set, and on every address a name
/// resolves to when it is called.
pub fn forbidden_address(ip: std::net::IpAddr) -> Option<&'static str> {
    let ip = match ip {
        std::net::IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, Into::into),
        v4 => v4,
    };
    let link_local = match ip {
        std::net::IpAddr::V4(v4) => v4.is_link_local(),
        std::net::IpAddr::V6(v6) => (v6.segments()[0] & 0xffc0) == 0xfe80,
    };
    let broadcast = matches!(ip, std::net::IpAddr::V4(v4) if v4.is_broadcast());
    if link_local {
        Some("a link-local address, where cloud metadata services answer")
    } else if ip.is_unspecified() {
        Some("the unspecified address (\"any\"), not a host to call")
    } else if ip.is_multicast() {
        Some("a multicast address, not a host to call")
    } else if broadcast {
        Some("the broadcast address, not a host to call")
    } else {
        None
    }
}

/// Why a URL the service calls may not hold `user:password@`: it would be
/// sent as Basic authorization, and stored and shown with the URL.
pub const CARRIES_USER_INFO: &str = "carries a user name or password, which would be stored \
     and shown with the URL";

/// The names cloud providers serve instance metadata (and credentials) on.
const METADATA_NAMES: [&str; 2] = ["metadata.google.internal", "metadata"];

/// Checks a URL the service will call with secrets or customer data (a
/// delivery webhook, a platform's API): `https://`, or `http://` only to this
/// machine (for tests and local relays), and never a link-local, unspecified
/// or multicast address nor a cloud metadata name, where a request would read
/// the host's own credentials (`http://169.254.169.254/…`); never with a
/// `user:password@` either. Messages show the URL as
/// [`shown_url`](crate::domain::urls::shown_url) does.
///
/// ```
/// use deskctl::domain::validate::check_outbound_url;
///
/// assert!(check_outbound_url("https://ai.example.com/desk").is_ok());
/// assert!(check_outbound_url("http://127.0.0.1:8080/hook").is_ok());
/// assert!(check_outbound_url("http://ai.example.com/desk").is_err());
/// assert!(check_outbound_url("https://169.254.169.254/latest").is_err());
/// assert!(check_outbound_url("https://metadata.google.internal./").is_err());
/// let refused = check_outbound_url("https://u:pw@ai.example.com/?k=v").unwrap_err();
/// assert!(refused.starts_with("'https://u:***@ai.example.com/?k=***' carries a user name"));
/// ```
pub fn check_outbound_url(url: &str) -> Result<(), String> {
    let shown = crate::domain::urls::shown_url(url);
    // Before anything else, so that no message echoes the password.
    if crate::domain::urls::user_info(url).is_some() {
        return Err(format!("'{shown}' {CARRIES_USER_INFO}"));
    }
    let parsed = url::Url::parse(url).map_err(|e| format!("'{shown}' is not a URL: {e}"))?;
    let host = match parsed.host() {
        Some(host) => host,
        None => return Err(format!("'{shown}' has no host")),
    };
    let ip: Option<std::net::IpAddr> = match &host {
        url::Host::Ipv4(ip) => Some((*ip).into()),
        url::Host::Ipv6(ip) => Some((*ip).into()),
        url::Host::Domain(_) => None,
    };
    // A name is the same with its root's trailing dot, in any case:
    // `Metadata.Google.Internal.` reaches what `metadata.google.internal` does.
    let name = match &host {
        url::Host::Domain(name) => Some(name.trim_end_matches('.').to_ascii_lowercase()),
        _ => None,
    };
    let loopback = match &name {
        Some(name) => name == "localhost",
        None => ip.is_some_and(|ip| ip.is_loopback()),
    };
    if let Some(why) = ip.and_then(forbidden_address) {
        return Err(format!(
            "'{shown}' points at {why}: the service never calls it"
        ));
    }
    if name
        .as_deref()
        .is_some_and(|name| METADATA_NAMES.contains(&name))
    {
        return Err(format!(
            "'{shown}' names a cloud metadata service, which the service never calls"
        ));
    }
    match parsed.scheme() {
        "https" => Ok(()),
        "http" if loopback => Ok(()),
        "http" => Err(format!(
            "'{shown}' must be https:// (http:// only to this machine): what is sent \
             is signed customer data"
        )),
        _ => Err(format!("'{shown}' is not an http(s) URL")),
    }
}

/// Checks a handle or key against the slug rule, naming what breaks it.
///
/// ```
/// use deskctl::domain::validate::check_slug;
///
/// assert!(check_slug("tier-2").is_ok());
/// let error = check_slug("Tier 2").unwrap_err();
/// assert!(error.contains("contains 'T'"));
/// ```
pub fn check_slug(value: &str) -> Result<(), String> {
    if value.is_empty() {
        return Err(format!("must not be empty; {SLUG_RULE}"));
    }
    if value.len() > MAX_SLUG_LEN {
        return Err(format!("'{value}' is too long; {SLUG_RULE}"));
    }
    if let Some(bad) = value
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
    {
        return Err(format!("'{value}' contains '{bad}'; {SLUG_RULE}"));
    }
    if value.starts_with('-') {
        return Err(format!("'{value}' starts with a dash; {SLUG_RULE}"));
    }
    Ok(())
}

/// A display name: not blank, at most [`MAX_NAME_LEN`] characters.
pub fn check_name(value: &str) -> Result<(), String> {
    if value.trim().is_empty() {
        Err("must not be empty".into())
    } else if value.chars().count() > MAX_NAME_LEN {
        Err(format!("must be at most {MAX_NAME_LEN} characters"))
    } else {
        Ok(())
    }
}

/// Dropdowns need distinct, non-empty options; other types take none.
pub fn check_field_options(checks: &mut Checks, field_type: FieldType, options: &[String]) {
    if field_type != FieldType::Dropdown {
        if !options.is_empty() {
            checks.push(
                "options",
                format!("only dropdown fields have options, not {field_type} fields"),
            );
        }
        return;
    }
    if options.is_empty() {
        checks.push("options", "a dropdown needs at least one option");
    }
    let mut seen = std::collections::HashSet::new();
    for (index, option) in options.iter().enumerate() {
        let field = format!("options[{index}]");
        if option.is_empty() {
            checks.push(&field, "options must not be empty");
        } else if !seen.insert(option) {
            checks.push(&field, format!("'{option}' is listed twice"));
        }
    }
}

/// The rules of a handover action's own fields; whether its platform may be
/// named is [`crate::domain::platform::check_platform`]'s to say.
pub fn check_handover_action(checks: &mut Checks, action: &HandoverAction) {
    // ACTION_NAME_PATTERN states the same rule.
    if action.name.is_empty()
        || action.name.len() > 64
        || !action
            .name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        checks.push(
            "name",
            format!(
                "'{}' is not a valid action name: use 1 to 64 letters, digits, underscores \
                 and dashes, e.g. Escalate_To_Human",
                action.name
            ),
        );
    }
    if action.enabled && action.channels.is_empty() {
        checks.push(
            "channels",
            "an enabled action needs at least one channel (web, help-page, telegram, whatsapp, email)",
        );
    }
    if action.when_to_use.chars().count() > MAX_GUIDANCE_CHARS {
        checks.push(
            "when-to-use",
            format!("must be at most {MAX_GUIDANCE_CHARS} characters"),
        );
    }
    for (field, text) in [
        ("labels.waiting", &action.labels.waiting),
        ("labels.connected", &action.labels.connected),
        ("auto-reply", &action.auto_reply),
    ] {
        if text.is_empty() {
            checks.push(field, "must not be empty: the customer sees it");
        } else if text.chars().count() > MAX_TEXT_CHARS {
            checks.push(
                field,
                format!("must be at most {MAX_TEXT_CHARS} characters"),
            );
        }
    }
}

/// An address of the workspace's own (an operator's, the support inbox's):
/// one `@`, no white space, a local part of at most [`MAX_LOCAL_PART_LEN`]
/// bytes that neither starts nor ends with a dot nor has two in a row, and a
/// dotted domain. A customer's address may also be quoted:
/// [`check_customer_email`].
pub fn check_email(value: &str) -> Result<(), String> {
    let invalid = |why: &str| Err(format!("'{value}' is not an email address: {why}"));
    if value.len() > MAX_EMAIL_LEN {
        return invalid("longer than 254 bytes");
    }
    if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return invalid("it contains white space");
    }
    let Some((local, domain)) = value.split_once('@') else {
        return invalid("there is no '@'");
    };
    if local.is_empty() {
        return invalid("nothing before the '@'");
    }
    if local.len() > MAX_LOCAL_PART_LEN {
        return invalid("more than 64 bytes before the '@'");
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return invalid("a dot before the '@' must stand between two other characters");
    }
    domain_problem(domain).map_or(Ok(()), invalid)
}

/// What is wrong with the part of an address after its (first) `@`.
fn domain_problem(domain: &str) -> Option<&'static str> {
    if domain.contains('@') {
        return Some("more than one '@'");
    }
    let labels: Vec<&str> = domain.split('.').collect();
    (labels.len() < 2 || labels.iter().any(|label| label.is_empty()))
        .then_some("the domain after '@' must look like example.com")
}

/// A customer's address, the one rule for a handoff's `requester.email` and
/// the sender of an inbound email: [`check_email`], or a quoted local part
/// (`"John Doe"@example.com`, RFC 5321 4.1.2): inside the quotes, spaces and
/// any printable character, a quote or a backslash only escaped by a
/// backslash. The desk can answer such an address (lettre sends to it), so
/// the customer is taken. White space around the address is the caller's to
/// trim: it is not part of it.
pub fn check_customer_email(value: &str) -> Result<(), String> {
    let Some(quoted) = value.strip_prefix('"') else {
        return check_email(value);
    };
    let invalid = |why: &str| Err(format!("'{value}' is not an email address: {why}"));
    if value.len() > MAX_EMAIL_LEN {
        return invalid("longer than 254 bytes");
    }
    let mut chars = quoted.char_indices();
    let close = loop {
        match chars.next() {
            None => return invalid("its quoted part has no closing quote"),
            Some((i, '"')) => break i,
            Some((_, '\\')) if chars.next().is_some_and(|(_, c)| !c.is_control()) => {}
            Some((_, c)) if c == '\\' || c.is_control() => {
                return invalid("its quoted part holds a control character or a lone backslash");
            }
            Some(_) => {}
        }
    };
    let (inner, rest) = (&quoted[..close], &quoted[close + 1..]);
    if inner.trim().is_empty() {
        return invalid("nothing between the quotes");
    }
    // The quotes count: they are part of the local part sent.
    if inner.len() + 2 > MAX_LOCAL_PART_LEN {
        return invalid("more than 64 bytes before the '@'");
    }
    let Some(domain) = rest.strip_prefix('@') else {
        return invalid("the quoted part must be followed by '@'");
    };
    if domain.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return invalid("its domain contains white space");
    }
    domain_problem(domain).map_or(Ok(()), invalid)
}

/// Trims texts and drops repeated channels, so equal actions compare equal.
pub fn normalize_action(mut action: HandoverAction) -> HandoverAction {
    action.name = action.name.trim().to_string();
    action.when_to_use = action.when_to_use.trim().to_string();
    action.labels.waiting = action.labels.waiting.trim().to_string();
    action.labels.connected = action.labels.connected.trim().to_string();
    action.auto_reply = action.auto_reply.trim().to_string();
    let mut seen = std::collections::HashSet::new();
    action.channels.retain(|c| seen.insert(*c));
    action
}

pub fn validate_action(action: &HandoverAction, connected: &[String]) -> Result<(), Invalid> {
    let mut checks = Checks::new();
    check_handover_action(&mut checks, action);
    if let Err(error) = check_platform(&action.platform, connected) {
        checks.push(&error.field, error.message);
    }
    checks.finish()
}

pub fn trimmed(options: Vec<String>) -> Vec<String> {
    options.into_iter().map(|o| o.trim().to_string()).collect()
}

/// The checks a new operator passes, also when a document states it.
pub fn check_new_operator(
    handle: &str,
    name: &str,
    email: &str,
    teams: &[String],
) -> Result<(), Invalid> {
    Checks::new()
        .slug("handle", handle)
        .name("name", name)
        .email("email", email)
        .slugs("teams", teams)
        .finish()
}

/// Drops repeated keys, keeping the first of each.
pub fn dedup(mut keys: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    keys.retain(|k| seen.insert(k.clone()));
    keys
}

/// The checks every rule passes, also when a document states it: its name and
/// each condition.
pub fn check_rule(checks: &mut Checks, name: Option<&str>, conditions: &[Condition]) {
    if let Some(name) = name {
        checks.name("name", name);
    }
    for (index, condition) in conditions.iter().enumerate() {
        if let Err(error) = validate_condition(condition) {
            checks.push(&format!("conditions[{index}].{}", error.key), error.message);
        }
    }
}

/// A blank support inbox address counts as none.
pub fn normalize_assignment(settings: &mut AssignmentSettings) {
    settings.support_inbox.address = settings
        .support_inbox
        .address
        .take()
        .map(|a| a.trim().to_string())
        .filter(|a| !a.is_empty());
}

/// An enabled support inbox needs a valid address.
pub fn check_assignment(settings: &AssignmentSettings) -> Result<(), Invalid> {
    let mut checks = Checks::new();
    match &settings.support_inbox.address {
        Some(address) => {
            checks.email("support-inbox.address", address);
        }
        None if settings.support_inbox.enabled => {
            checks.push(
                "support-inbox.address",
                "an enabled support inbox needs the address customers write to",
            );
        }
        None => {}
    }
    checks.finish()
}

/// The checks a new team passes, also when a document states it.
pub fn check_new_team(key: &str, name: &str, members: &[String]) -> Result<(), Invalid> {
    Checks::new()
        .slug("key", key)
        .name("name", name)
        .slugs("members", members)
        .finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn whole_numbers_beyond_64_bits_are_found_by_their_path() {
        let fields = |body: &str| -> Vec<String> {
            inexact_number_problems(body.as_bytes())
                .into_iter()
                .map(|problem| {
                    assert_eq!(problem.message, INEXACT_NUMBER_MESSAGE);
                    problem.field
                })
                .collect()
        };
        let body = r#"{"context": {"account": 123456789012345678901234567890,
            "max": 18446744073709551615, "min": -9223372036854775808,
            "float": 1.2345678901234567890123e29, "text": "123456789012345678901234567890"},
            "fields": {"a-b": [1, -9223372036854775809]}, "n": 18446744073709551616}"#;
        assert_eq!(
            fields(body),
            ["context.account", "fields.a-b[1]", "n"],
            "a float, a text and the extremes are kept"
        );
        assert_eq!(fields("123456789012345678901234567890"), ["body"]);
        assert!(fields(r#"{"a": 1234567890123456789, "b": "x"}"#).is_empty());
        assert!(is_inexact_whole_number("+18446744073709551616"));
        assert!(!is_inexact_whole_number("1e400"));
        assert!(!is_inexact_whole_number("-"));
    }

    #[test]
    fn an_outbound_url_is_refused_for_what_its_host_is() {
        let refused = |url: &str| check_outbound_url(url).unwrap_err();
        // A metadata name in any case, with or without the root's dot.
        for url in [
            "https://metadata.google.internal/computeMetadata/v1/",
            "https://metadata.google.internal./computeMetadata/v1/",
            "https://METADATA.Google.Internal./",
            "https://metadata./",
        ] {
            assert!(refused(url).contains("cloud metadata service"), "{url}");
        }
        for (url, why) in [
            ("https://169.254.169.254/latest", "link-local"),
            ("https://[fe80::1]/hook", "link-local"),
            ("https://[::ffff:169.254.169.254]/", "link-local"),
            ("http://0.0.0.0/", "unspecified"),
            ("https://[::]/hook", "unspecified"),
            ("https://224.0.0.1/", "multicast"),
            ("https://255.255.255.255/", "broadcast"),
        ] {
            let message = refused(url);
            assert!(message.contains(why), "{url}: {message}");
            assert!(!message.contains("metadata address"), "{url}: {message}");
        }
        // The machine itself, named with its dot too, may take clear text.
        assert!(check_outbound_url("http://localhost./hook").is_ok());
        assert!(check_outbound_url("https://metadata.example.com/").is_ok());
    }

    #[test]
    fn slugs_accept_lowercase_digits_and_dashes() {
        for ok in ["alice", "tier-2", "a", "0day", "x-y-z"] {
            assert_eq!(check_slug(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn slugs_name_the_offending_character_and_the_rule() {
        let error = check_slug("Alice").unwrap_err();
        assert!(error.contains("'A'"), "{error}");
        assert!(error.contains(SLUG_RULE), "{error}");
        assert!(check_slug("bob smith").unwrap_err().contains("' '"));
        assert!(check_slug("under_score").is_err());
        assert!(check_slug("-flag").unwrap_err().contains("dash"));
        assert!(check_slug("").is_err());
        assert!(
            check_slug(&"a".repeat(41))
                .unwrap_err()
                .contains("too long")
        );
    }

    #[test]
    fn emails_need_one_at_and_a_dotted_domain() {
        assert_eq!(check_email("alice@example.com"), Ok(()));
        assert_eq!(check_email("a.b+tag@mail.example.co.uk"), Ok(()));
        assert_eq!(
            check_email(&format!("{}@example.com", "a".repeat(64))),
            Ok(())
        );
        for bad in [
            "alice",
            "@example.com",
            "alice@",
            "alice@localhost",
            "a@b@c.com",
            "alice @example.com",
            "alice@example..com",
            ".alice@example.com",
            "alice.@example.com",
            "al..ice@example.com",
            " alice@example.com",
            "alice@example.com ",
        ] {
            assert!(check_email(bad).is_err(), "{bad} should be rejected");
        }
        let long = format!("{}@example.com", "a".repeat(65));
        assert!(
            check_email(&long)
                .unwrap_err()
                .contains("more than 64 bytes before the '@'"),
            "{long}"
        );
        // Lengths are counted as mail counts them: 134 characters, 256 bytes.
        let wide = format!("{}@example.com", "é".repeat(122));
        assert_eq!(wide.chars().count(), 134);
        for check in [check_email, check_customer_email] {
            let error = check(&wide).unwrap_err();
            assert!(error.ends_with(": longer than 254 bytes"), "{error}");
        }
        let wide_local = format!("{}@example.com", "é".repeat(33));
        assert!(
            check_email(&wide_local)
                .unwrap_err()
                .ends_with(": more than 64 bytes before the '@'")
        );
        assert!(
            check_email(".a@example.com")
                .unwrap_err()
                .contains("a dot before the '@'")
        );
    }

    #[test]
    fn a_sender_may_write_from_a_quoted_local_part() {
        for good in [
            "\"John Doe\"@cust.test",
            "\"john\\\"jd\\\"\"@cust.test",
            "\"a@b\"@cust.test",
            "dana@example.com",
            &format!("\"{}\"@cust.test", "j".repeat(62)),
        ] {
            assert_eq!(check_customer_email(good), Ok(()), "{good}");
        }
        for (bad, why) in [
            (
                "\"John Doe\"@localhost",
                "the domain after '@' must look like example.com",
            ),
            (
                "\"John Doe@cust.test",
                "its quoted part has no closing quote",
            ),
            ("\"\"@cust.test", "nothing between the quotes"),
            (
                "\"John\"x@cust.test",
                "the quoted part must be followed by '@'",
            ),
            ("\"John\u{1}\"@cust.test", "control character"),
            ("\"John\"@cust .test", "its domain contains white space"),
            ("\"John\"@a@cust.test", "more than one '@'"),
            ("John Doe@cust.test", "it contains white space"),
            (".john@cust.test", "a dot before the '@'"),
            (
                &format!("\"{}\"@cust.test", "j".repeat(63)),
                "more than 64 bytes before the '@'",
            ),
        ] {
            let error = check_customer_email(bad).unwrap_err();
            assert!(
                error.starts_with(&format!("'{bad}' is not an email address: "))
                    && error.contains(why),
                "{bad}: {error}"
            );
        }
    }

    #[test]
    fn every_text_holding_a_nul_is_named_by_its_path() {
        let request = serde_json::json!({
            "requester": {"name": "x\u{0}y", "email": "dana@example.com"},
            "transcript": [{"text": "fine"}, {"text": "a\u{0}b"}],
            "context": {"deep": {"list": [1, "\u{0}"]}, "k\u{0}": true},
            "reason": "no NUL here",
        });
        let mut problems = nul_problems(&request);
        problems.sort_by(|a, b| a.field.cmp(&b.field));
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "context.deep.list[1]",
                "context.k\\u0000",
                "requester.name",
                "transcript[1].text"
            ]
        );
        assert!(problems.iter().all(|p| p.message.contains("NUL character")));
        assert!(problems.iter().all(|p| !p.field.contains('\0')));
        assert_eq!(nul_problems(&serde_json::json!("\u{0}"))[0].field, "");
        assert_eq!(
            nul_problems(&serde_json::json!(["a", "b\u{0}"]))[0].field,
            "[1]"
        );
    }

    #[test]
    fn text_without_nul_has_no_problem_and_many_nuls_are_counted() {
        let clean = serde_json::json!({"a": ["\\u0000 written out", "caf\u{e9}"], "b": null});
        assert_eq!(nul_problems(&clean), []);

        let many = serde_json::Value::Array(vec![serde_json::json!("\u{0}"); MAX_NUL_FIELDS + 5]);
        let problems = nul_problems(&many);
        assert_eq!(problems.len(), MAX_NUL_FIELDS + 1);
        assert_eq!(problems[MAX_NUL_FIELDS].field, "body");
        assert!(
            problems[MAX_NUL_FIELDS].message.starts_with("5 more texts"),
            "{:?}",
            problems[MAX_NUL_FIELDS]
        );
    }

    #[test]
    fn checks_report_every_problem_at_once() {
        let error = Checks::new()
            .slug("handle", "Bad Handle")
            .name("name", " ")
            .email("email", "nope")
            .finish()
            .unwrap_err();
        let fields: Vec<_> = error.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["handle", "name", "email"]);
    }

    proptest! {
        #[test]
        fn every_generated_slug_is_accepted(
            slug in SLUG_PATTERN.trim_start_matches('^').trim_end_matches('$')
        ) {
            prop_assert_eq!(check_slug(&slug), Ok(()));
        }

        /// The schema's patterns say exactly what the checks say.
        #[test]
        fn the_slug_pattern_is_the_slug_check(value in "[a-zA-Z0-9 _-]{0,42}") {
            let pattern = regex::Regex::new(SLUG_PATTERN).unwrap();
            prop_assert_eq!(pattern.is_match(&value), check_slug(&value).is_ok(), "{:?}", value);
        }

        #[test]
        fn the_email_pattern_is_the_email_check(value in "[a-z@. \t+-]{0,12}") {
            let pattern = regex::Regex::new(EMAIL_PATTERN).unwrap();
            prop_assert_eq!(pattern.is_match(&value), check_email(&value).is_ok(), "{:?}", value);
        }

        #[test]
        fn the_not_blank_pattern_is_the_name_check(value in "[a-z \t\u{a0}\u{3000}]{0,3}") {
            let pattern = regex::Regex::new(NOT_BLANK_PATTERN).unwrap();
            prop_assert_eq!(pattern.is_match(&value), check_name(&value).is_ok(), "{:?}", value);
        }

        #[test]
        fn the_action_name_pattern_is_the_action_name_check(value in "[a-zA-Z0-9 _.-]{0,66}") {
            let pattern = regex::Regex::new(ACTION_NAME_PATTERN).unwrap();
            let action = HandoverAction { name: value.clone(), ..HandoverAction::default() };
            let mut checks = Checks::new();
            check_handover_action(&mut checks, &action);
            let name_ok = !checks.into_errors().iter().any(|e| e.field == "name");
            prop_assert_eq!(pattern.is_match(&value), name_ok, "{:?}", value);
        }

        #[test]
        fn the_untrimmed_action_name_pattern_is_the_check_after_trimming(
            value in "[a-zA-Z0-9 \t_.-]{0,66}"
        ) {
            let pattern = regex::Regex::new(ACTION_NAME_UNTRIMMED_PATTERN).unwrap();
            let action = normalize_action(HandoverAction { name: value.clone(), ..HandoverAction::default() });
            let mut checks = Checks::new();
            check_handover_action(&mut checks, &action);
            let name_ok = !checks.into_errors().iter().any(|e| e.field == "name");
            prop_assert_eq!(pattern.is_match(&value), name_ok, "{:?}", value);
        }

        #[test]
        fn any_character_outside_the_rule_is_rejected(
            prefix in "[a-z]{1,5}",
            bad in "[^a-z0-9-]",
        ) {
            let candidate = prefix + &bad;
            prop_assert!(check_slug(&candidate).is_err());
        }
    }
}
