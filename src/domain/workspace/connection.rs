//! A connection to an external platform as the service keeps it, and the one
//! check every way of saving one goes through.

use std::collections::BTreeMap;
use std::fmt;

use crate::api::{FieldError, IntegrationKind, IntegrationPut, Priority, SettingSpec};

/// A connection as the service keeps it: settings and secrets in clear.
#[derive(Clone, PartialEq)]
pub struct Connection {
    pub kind: IntegrationKind,
    pub settings: BTreeMap<String, String>,
    pub secrets: BTreeMap<String, String>,
    pub base_url: Option<String>,
    /// Context key (or one of [`DESK_VALUES`]) → the platform's custom field.
    pub fields: BTreeMap<String, String>,
    /// Desk priority → the platform's value, overriding the connector's mapping.
    pub priorities: BTreeMap<Priority, String>,
}

impl fmt::Debug for Connection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Connection")
            .field("kind", &self.kind)
            .field("settings", &self.settings)
            .field("secrets", &self.secrets.keys().collect::<Vec<_>>())
            .field("base_url", &self.base_url)
            .field("fields", &self.fields)
            .field("priorities", &self.priorities)
            .finish()
    }
}

/// The names a connection's `fields` may map besides context keys: Desk's
/// own values of a handoff, e.g. `desk.team: 360000123` sends the team the
/// rules chose to that Zendesk field.
pub const DESK_VALUES: &[&str] = &[
    "desk.handoff",
    "desk.agent",
    "desk.channel",
    "desk.environment",
    "desk.reason",
    "desk.priority",
    "desk.team",
];

/// Why `key` cannot be given as a setting (`secret` false) or a secret
/// (`secret` true) of `kind`: the one check of names the service makes and
/// the CLI makes first, each in its own words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Misnamed {
    /// `kind` has no such name; `nearest` is the name of the same sort it is
    /// likely a misspelling of; `known` lists the names of that sort.
    Unknown {
        nearest: Option<&'static str>,
        known: Vec<&'static str>,
    },
    /// A secret given as a setting.
    Secret,
    /// A setting given as a secret.
    NotSecret,
}

/// Checks that `key` names one of `kind`'s settings (`secret` false) or
/// secrets (`secret` true).
pub fn check_name(
    kind: IntegrationKind,
    key: &str,
    secret: bool,
) -> Result<&'static SettingSpec, Misnamed> {
    match kind.setting(key) {
        Some(spec) if spec.secret == secret => Ok(spec),
        Some(_) if secret => Err(Misnamed::NotSecret),
        Some(_) => Err(Misnamed::Secret),
        None => {
            let known: Vec<&'static str> = kind
                .settings()
                .iter()
                .filter(|spec| spec.secret == secret)
                .map(|spec| spec.key)
                .collect();
            Err(Misnamed::Unknown {
                nearest: crate::domain::suggest::did_you_mean(key, known.iter().copied()),
                known,
            })
        }
    }
}

impl Misnamed {
    /// The message the API answers with, for `settings.{key}` or `secrets.{key}`.
    fn api_message(&self, kind: IntegrationKind, key: &str, secret: bool) -> String {
        let sort = if secret { "secret" } else { "setting" };
        match self {
            Misnamed::Secret => "is a secret: send it in `secrets`, never with the settings".into(),
            Misnamed::NotSecret => "is not a secret: send it in `settings`".into(),
            Misnamed::Unknown { nearest, known } => {
                let guess = nearest
                    .map(|nearest| format!(" (did you mean '{nearest}'?)"))
                    .unwrap_or_default();
                format!(
                    "{kind} has no {sort} '{key}'{guess}; its {sort}s: {}",
                    known.join(", ")
                )
            }
        }
    }
}

/// The connection `put` asks for, on top of the stored one (whose secrets a
/// PUT that does not name them keeps), checked against the kind's settings:
/// unknown names, missing required settings, values outside the choices, a
/// base URL that is not `https://` (or `http://` on loopback, for tests).
pub fn merge(
    kind: IntegrationKind,
    put: &IntegrationPut,
    stored: Option<&Connection>,
) -> Result<Connection, Vec<FieldError>> {
    let mut errors = Vec::new();
    for (key, value) in &put.settings {
        let spec = match check_name(kind, key, false) {
            Ok(spec) => spec,
            Err(misnamed) => {
                errors.push(FieldError::new(
                    format!("settings.{key}"),
                    misnamed.api_message(kind, key, false),
                ));
                continue;
            }
        };
        if value.trim().is_empty() {
            errors.push(FieldError::new(
                format!("settings.{key}"),
                "is empty: leave it out instead",
            ));
        } else if ADDRESS_SETTINGS.contains(&spec.key)
            && crate::domain::urls::user_info(value.trim()).is_some()
        {
            errors.push(FieldError::new(
                format!("settings.{key}"),
                format!(
                    "'{}' {}: give the address alone; the platform's credentials go \
                     in `secrets`",
                    crate::domain::urls::shown_url(value),
                    crate::domain::validate::CARRIES_USER_INFO
                ),
            ));
        } else if !spec.choices.is_empty() && !spec.choices.contains(&value.as_str()) {
            errors.push(FieldError::new(
                format!("settings.{key}"),
                format!(
                    "'{}' is not one of: {}",
                    crate::api::echoed(value),
                    spec.choices.join(", ")
                ),
            ));
        }
    }
    let mut secrets = stored.map(|c| c.secrets.clone()).unwrap_or_default();
    for (key, value) in &put.secrets {
        if let Err(misnamed) = check_name(kind, key, true) {
            errors.push(FieldError::new(
                format!("secrets.{key}"),
                misnamed.api_message(kind, key, true),
            ));
            continue;
        }
        match value {
            Some(value) if value.is_empty() => errors.push(FieldError::new(
                format!("secrets.{key}"),
                "is empty: send null to remove it",
            )),
            Some(value) => {
                secrets.insert(key.clone(), value.clone());
            }
            None => {
                secrets.remove(key);
            }
        }
    }
    for spec in kind.settings().iter().filter(|spec| spec.required) {
        let present = if spec.secret {
            secrets.contains_key(spec.key)
        } else {
            put.settings.contains_key(spec.key)
        };
        if !present {
            let place = if spec.secret { "secrets" } else { "settings" };
            errors.push(FieldError::new(
                format!("{place}.{}", spec.key),
                format!("is required: {}", spec.help),
            ));
        }
    }
    if let Some(url) = &put.base_url
        && let Err(message) = check_base_url(url)
    {
        errors.push(FieldError::new("base-url", message));
    }
    for (key, target) in &put.fields {
        let desk_value = key.starts_with("desk.");
        if desk_value && !DESK_VALUES.contains(&key.as_str()) {
            errors.push(FieldError::new(
                format!("fields.{key}"),
                format!("is not one of Desk's values: {}", DESK_VALUES.join(", ")),
            ));
        } else if !desk_value && crate::domain::validate::check_slug(key).is_err() {
            errors.push(FieldError::new(
                format!("fields.{key}"),
                "is not a context key (lowercase letters, digits and dashes) or one of \
                 Desk's values (desk.team, desk.priority, …)",
            ));
        }
        if target.trim().is_empty() {
            errors.push(FieldError::new(
                format!("fields.{key}"),
                "names no platform field",
            ));
        } else if kind == IntegrationKind::Zendesk && target.trim().parse::<u64>().is_err() {
            errors.push(FieldError::new(
                format!("fields.{key}"),
                format!(
                    "'{target}' is not a Zendesk custom field id: Zendesk names its fields by \
                     number (Admin Center > Objects and rules > Fields)"
                ),
            ));
        }
    }
    for (priority, value) in &put.priorities {
        if value.trim().is_empty() {
            errors.push(FieldError::new(
                format!("priorities.{priority}"),
                "names no platform value",
            ));
        } else if let Some(values) = kind.priority_values()
            && !values.contains(&value.as_str())
        {
            errors.push(FieldError::new(
                format!("priorities.{priority}"),
                format!(
                    "'{}' is not a {} priority: it takes {}",
                    crate::api::echoed(value),
                    kind.title(),
                    values.join(", ")
                ),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Connection {
        kind,
        settings: put.settings.clone(),
        secrets,
        base_url: put.base_url.clone(),
        fields: put.fields.clone(),
        priorities: put.priorities.clone(),
    })
}

/// The settings a platform's address is made of (`https://{subdomain}.zendesk.com`):
/// a `user:password@` in one would ride in every call's URL, as in a base URL.
const ADDRESS_SETTINGS: [&str; 5] = [
    "subdomain",
    "domain",
    "chat-url",
    "my-domain",
    "application-id",
];

fn check_base_url(url: &str) -> Result<(), String> {
    crate::domain::validate::check_outbound_url(url)?;
    let shown = crate::domain::urls::shown_url(url);
    let parsed = reqwest::Url::parse(url).map_err(|e| format!("'{shown}' is not a URL: {e}"))?;
    let loopback = match parsed.host() {
        Some(url::Host::Domain(name)) => name == "localhost",
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    };
    match parsed.scheme() {
        "https" => {}
        "http" if loopback => {}
        _ => {
            return Err(format!(
                "'{shown}' must be https:// (http:// only on this machine, for tests): secrets \
                 travel with every call"
            ));
        }
    }
    if !parsed.username().is_empty() || parsed.password().is_some() || parsed.query().is_some() {
        return Err("must not carry credentials or a query: set them as settings".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields_of(errors: Vec<FieldError>) -> Vec<String> {
        errors.into_iter().map(|e| e.field).collect()
    }

    fn zendesk_put() -> IntegrationPut {
        IntegrationPut {
            settings: [
                ("subdomain".to_string(), "acme".to_string()),
                ("email".to_string(), "admin@acme.example".to_string()),
            ]
            .into(),
            secrets: [("api-token".to_string(), Some("tok-1".to_string()))].into(),
            ..IntegrationPut::default()
        }
    }

    #[test]
    fn a_misnamed_setting_or_secret_says_which_it_is_or_what_was_meant() {
        let kind = IntegrationKind::Zendesk;
        assert_eq!(
            check_name(kind, "subdomain", false).unwrap().key,
            "subdomain"
        );
        assert_eq!(
            check_name(kind, "api-token", true).unwrap().key,
            "api-token"
        );
        assert_eq!(check_name(kind, "api-token", false), Err(Misnamed::Secret));
        assert_eq!(
            check_name(kind, "subdomain", true),
            Err(Misnamed::NotSecret)
        );
        let Err(Misnamed::Unknown { nearest, known }) = check_name(kind, "subdomian", false) else {
            panic!("subdomian is no setting");
        };
        assert_eq!(nearest, Some("subdomain"));
        assert!(known.contains(&"email") && !known.contains(&"api-token"));
        let Err(Misnamed::Unknown { nearest, .. }) = check_name(kind, "api-tokn", true) else {
            panic!("api-tokn is no secret");
        };
        assert_eq!(nearest, Some("api-token"));

        let mut put = zendesk_put();
        put.settings.insert("subdomian".into(), "acme".into());
        put.settings
            .insert("api-token".into(), "abc123literal".into());
        let errors = merge(kind, &put, None).unwrap_err();
        let messages: Vec<String> = errors
            .iter()
            .map(|e| format!("{}: {}", e.field, e.message))
            .collect();
        assert!(
            messages.contains(
                &"settings.api-token: is a secret: send it in `secrets`, never with the settings"
                    .to_string()
            ),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.starts_with(
                "settings.subdomian: zendesk has no setting 'subdomian' (did you mean 'subdomain'?)"
            )),
            "{messages:?}"
        );
        assert!(
            !messages.iter().any(|m| m.contains("abc123literal")),
            "{messages:?}"
        );
    }

    #[test]
    fn a_connection_keeps_stored_secrets_it_does_not_name() {
        let first = merge(IntegrationKind::Zendesk, &zendesk_put(), None).unwrap();
        let mut again = zendesk_put();
        again.secrets.clear();
        again
            .secrets
            .insert("webhook-secret".into(), Some("whsec".into()));
        let second = merge(IntegrationKind::Zendesk, &again, Some(&first)).unwrap();
        assert_eq!(second.secret("api-token"), Some("tok-1"));
        assert_eq!(second.secret("webhook-secret"), Some("whsec"));
        let mut removal = zendesk_put();
        removal.secrets = [("webhook-secret".to_string(), None)].into();
        let third = merge(IntegrationKind::Zendesk, &removal, Some(&second)).unwrap();
        assert_eq!(third.secret("webhook-secret"), None);
    }

    #[test]
    fn every_problem_with_a_connection_is_reported_at_once() {
        let mut put = zendesk_put();
        put.settings.remove("email");
        put.settings.insert("domain".into(), "acme".into());
        put.settings.insert("api-token".into(), "leak".into());
        put.secrets.insert("subdomain".into(), Some("x".into()));
        put.base_url = Some("http://zendesk.example".into());
        put.fields.insert("Order ID".into(), "360".into());
        let errors = fields_of(merge(IntegrationKind::Zendesk, &put, None).unwrap_err());
        assert_eq!(
            errors,
            [
                "settings.api-token",
                "settings.domain",
                "secrets.subdomain",
                "settings.email",
                "base-url",
                "fields.Order ID"
            ]
        );
    }

    #[test]
    fn mappings_name_context_keys_or_desks_values_and_zendesk_fields_by_number() {
        let mut put = zendesk_put();
        put.fields = [
            ("loyalty-tier", "360001"),
            ("desk.team", "360002"),
            ("desk.mood", "360003"),
            ("order-id", "cf_order"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let errors = merge(IntegrationKind::Zendesk, &put, None).unwrap_err();
        assert_eq!(fields_of(errors), ["fields.desk.mood", "fields.order-id"]);
        let freshdesk = IntegrationPut {
            settings: [("domain".to_string(), "acme".to_string())].into(),
            secrets: [("api-key".to_string(), Some("k".to_string()))].into(),
            fields: [("order-id".to_string(), "cf_order".to_string())].into(),
            ..IntegrationPut::default()
        };
        assert!(merge(IntegrationKind::Freshdesk, &freshdesk, None).is_ok());
    }

    #[test]
    fn a_required_secret_must_be_given_or_stored() {
        let mut put = zendesk_put();
        put.secrets.clear();
        assert_eq!(
            fields_of(merge(IntegrationKind::Zendesk, &put, None).unwrap_err()),
            ["secrets.api-token"]
        );
    }

    #[test]
    fn base_urls_are_https_or_loopback() {
        assert!(check_base_url("https://sandbox.example.com/").is_ok());
        assert!(check_base_url("http://127.0.0.1:8080").is_ok());
        assert!(check_base_url("http://localhost:8080").is_ok());
        assert!(check_base_url("http://example.com").is_err());
        assert!(check_base_url("https://user:pw@example.com").is_err());
        assert!(check_base_url("not a url").is_err());
    }

    #[test]
    fn credentials_in_a_base_url_or_an_address_setting_are_refused_masked() {
        let refused = check_base_url("https://user:HUNTER2@example.com/?key=QS3CRET").unwrap_err();
        assert!(
            refused.starts_with("'https://user:***@example.com/?key=***' carries a user name"),
            "{refused}"
        );
        let mut put = zendesk_put();
        put.settings
            .insert("subdomain".into(), "user:HUNTER2@evil.example/#".into());
        let errors = merge(IntegrationKind::Zendesk, &put, None).unwrap_err();
        assert_eq!(errors[0].field, "settings.subdomain");
        assert!(
            errors[0]
                .message
                .contains("'user:***@evil.example/#***' carries a user name"),
            "{}",
            errors[0].message
        );
        // An email setting holds an @ of its own.
        assert!(merge(IntegrationKind::Zendesk, &zendesk_put(), None).is_ok());
    }

    #[test]
    fn choices_are_enforced() {
        let put = IntegrationPut {
            settings: [("region".to_string(), "mars".to_string())].into(),
            secrets: [("access-token".to_string(), Some("t".to_string()))].into(),
            ..IntegrationPut::default()
        };
        let errors = merge(IntegrationKind::Intercom, &put, None).unwrap_err();
        assert!(errors[0].message.contains("us, eu, au"), "{:?}", errors);
    }

    #[test]
    fn priorities_map_only_to_values_a_platform_with_a_fixed_set_takes() {
        let mut put = zendesk_put();
        put.priorities = [
            (Priority::Urgent, "URGENT!!".to_string()),
            (Priority::Low, "low".to_string()),
        ]
        .into();
        let errors = merge(IntegrationKind::Zendesk, &put, None).unwrap_err();
        assert_eq!(fields_of(errors.clone()), ["priorities.urgent"]);
        assert_eq!(
            errors[0].message,
            "'URGENT!!' is not a Zendesk priority: it takes low, normal, high, urgent"
        );
        put.priorities = [(Priority::Urgent, "high".to_string())].into();
        assert!(merge(IntegrationKind::Zendesk, &put, None).is_ok());
        // Picklists are the workspace's own: any name goes.
        let salesforce = IntegrationPut {
            settings: [
                ("my-domain".to_string(), "acme".to_string()),
                ("client-id".to_string(), "id".to_string()),
            ]
            .into(),
            secrets: [("client-secret".to_string(), Some("s".to_string()))].into(),
            priorities: [(Priority::Urgent, "Critical".to_string())].into(),
            ..IntegrationPut::default()
        };
        let merged = merge(IntegrationKind::Salesforce, &salesforce, None).unwrap();
        assert_eq!(merged.priorities[&Priority::Urgent], "Critical");
    }

    #[test]
    fn a_connection_never_shows_its_secrets() {
        let connection = Connection {
            kind: IntegrationKind::Zendesk,
            settings: [("subdomain".to_string(), "acme".to_string())].into(),
            secrets: [("api-token".to_string(), "tok-secret-1".to_string())].into(),
            base_url: None,
            fields: BTreeMap::new(),
            priorities: BTreeMap::new(),
        };
        let shown = format!("{connection:?}");
        assert!(
            !shown.contains("tok-secret-1") && shown.contains("api-token"),
            "{shown}"
        );
    }
}
