//! Offline checks of a parsed document: the service's own field rules (reused
//! from `server::validate` and friends, never restated), key conventions,
//! repeated keys within a list, and references between sections — each
//! problem at its place in the file.
//!
//! A reference into a section the document leaves out cannot be checked
//! offline: it is a warning, and the service checks it when applying.

use std::collections::HashMap;

use super::diagnostic::{Diagnostic, Pos};
use super::tree::{Misspelt, Node};
use crate::api::{
    DeliverySettings, DeskDocument, EmailSettings, FieldError, IntegrationPut, SecretForm,
    SecretValue,
};
use crate::domain::hours::Schedule;
use crate::domain::platform::{INBOX, INTEGRATION_KINDS};
use crate::domain::rules::validate_condition;
use crate::domain::suggest::did_you_mean;
use crate::domain::validate::{
    Checks, check_assignment, check_email, check_field_options, check_handover_action, check_name,
    check_slug, normalize_assignment,
};
use crate::domain::workspace::SmtpConfig;
use crate::domain::workspace::WebhookConfig;
use crate::domain::workspace::connection;

/// Every problem of the document, errors and warnings, in file order.
pub fn validate(document: &DeskDocument, tree: &Node) -> Vec<Diagnostic> {
    let mut found = validate_files(document, &[tree], &[]);
    found.pop().expect("one file's problems")
}

/// Every problem of a document combined from several files, each holding
/// some of its sections (`trees`, one per file): for each file, the problems
/// of the sections it holds, in file order. A reference from one file's
/// section into another's is checked like one within a file.
///
/// `misspelt` are the keys each file misspelt (none when empty): checks of
/// them say nothing, their unknown key having said "did you mean" already.
pub fn validate_files(
    document: &DeskDocument,
    trees: &[&Node],
    misspelt: &[&Misspelt],
) -> Vec<Vec<Diagnostic>> {
    report(document, trees, misspelt).by_file()
}

/// The problems of the first of `trees` in its `sections` alone, with
/// `document` combined from that file's sections before the others': the
/// sections it writes that an earlier file writes too, which
/// [`validate_files`] checks in that earlier file only, so that a section
/// written twice does not hide its own problems.
pub fn validate_own_sections(
    document: &DeskDocument,
    trees: &[&Node],
    misspelt: &[&Misspelt],
    sections: &[&str],
) -> Vec<Diagnostic> {
    let mut found: Vec<Diagnostic> = report(document, trees, misspelt)
        .found
        .into_iter()
        .filter(|(file, section, _)| *file == 0 && sections.contains(&section.as_str()))
        .map(|(_, _, diagnostic)| diagnostic)
        .collect();
    super::diagnostic::sort(&mut found);
    found
}

/// Every check of `document`, each problem in the file of `trees` holding it.
fn report<'a>(
    document: &DeskDocument,
    trees: &'a [&'a Node],
    misspelt: &'a [&'a Misspelt],
) -> Report<'a> {
    let mut report = Report::new(trees, misspelt);
    report.operators(document);
    report.teams(document);
    report.ticket_fields(document);
    report.assignment(document);
    report.business_hours(document);
    report.rules(document);
    report.email(document);
    report.delivery(document);
    report.integrations(document);
    report.agents(document);
    report
}

struct Report<'a> {
    /// Each file's tree; a path is in the file whose tree holds its section.
    trees: &'a [&'a Node],
    /// The keys each file misspelt, as [`validate_files`] takes them.
    misspelt: &'a [&'a Misspelt],
    /// Each problem with the index of the file it is in and its section.
    found: Vec<(usize, String, Diagnostic)>,
}

/// The keys a section lists, for references into it; `None` when the document
/// leaves the section out.
fn keys<T>(list: &Option<Vec<T>>, key: impl Fn(&T) -> &str) -> Option<Vec<&str>> {
    list.as_ref().map(|items| items.iter().map(key).collect())
}

impl<'a> Report<'a> {
    fn new(trees: &'a [&'a Node], misspelt: &'a [&'a Misspelt]) -> Self {
        assert!(
            !trees.is_empty(),
            "a document is read from at least one file"
        );
        assert!(
            misspelt.is_empty() || misspelt.len() == trees.len(),
            "misspelt keys for each file or for none"
        );
        Self {
            trees,
            misspelt,
            found: Vec::new(),
        }
    }

    /// Whether the key `path` ends with was misspelt in its mapping: the
    /// unknown key's error is the one to show.
    fn misspelt(&self, path: &str) -> bool {
        let Some((parent, key)) = path.rsplit_once('.') else {
            return false;
        };
        let file = self.file(path);
        let Some(misspelt) = self.misspelt.get(file) else {
            return false;
        };
        let (map, _, whole) = self.trees[file].reach(parent.split('.'));
        whole && misspelt.contains(map.pos, key)
    }

    /// The index of the file `path` is in: the one holding its section, or
    /// the first file for a path into no file's section (the whole document).
    fn file(&self, path: &str) -> usize {
        let section = path.split('.').next().unwrap_or_default();
        self.trees
            .iter()
            .position(|tree| tree.get(section).is_some())
            .unwrap_or(0)
    }

    /// Where `path` (dot-separated keys and list indexes) is; the nearest
    /// existing ancestor when the path is not in the file.
    fn pos(&self, path: &str) -> Pos {
        self.trees[self.file(path)].locate(path.split('.'))
    }

    /// Whether the file holds `path` itself, not only an ancestor of it.
    fn holds(&self, path: &str) -> bool {
        self.trees[self.file(path)].holds(path.split('.'))
    }

    fn push(&mut self, path: &str, diagnostic: Diagnostic) -> &mut Diagnostic {
        let section = path.split('.').next().unwrap_or_default().to_string();
        self.found.push((self.file(path), section, diagnostic));
        &mut self.found.last_mut().expect("just pushed").2
    }

    fn error(&mut self, path: &str, message: impl Into<String>) -> &mut Diagnostic {
        self.push(path, Diagnostic::error(self.pos(path), message))
    }

    fn warning(&mut self, path: &str, message: impl Into<String>) -> &mut Diagnostic {
        self.push(path, Diagnostic::warning(self.pos(path), message))
    }

    /// The problems found, for each file in order, each file's in its order.
    fn by_file(self) -> Vec<Vec<Diagnostic>> {
        let mut files = vec![Vec::new(); self.trees.len()];
        for (file, _, diagnostic) in self.found {
            files[file].push(diagnostic);
        }
        for found in &mut files {
            super::diagnostic::sort(found);
        }
        files
    }

    /// Reports the service's field errors for the resource at `base` (the
    /// whole document when empty).
    fn field_errors(&mut self, base: &str, errors: Vec<FieldError>) {
        self.field_errors_naming(base, errors, |_| false);
    }

    /// Reports the service's field errors for the resource at `base`;
    /// `names_key` tells the errors about a mapping's key itself (a misnamed
    /// setting), shown at the key rather than at its value.
    fn field_errors_naming(
        &mut self,
        base: &str,
        errors: Vec<FieldError>,
        names_key: impl Fn(&str) -> bool,
    ) {
        for error in errors {
            // `holidays[2]` in a field error is `holidays.2` in a path.
            let field = error.field.replace('[', ".").replace(']', "");
            let path = match base {
                "" => field,
                base => format!("{base}.{field}"),
            };
            if self.misspelt(&path) {
                continue;
            }
            // What the service says about a whole section (`operators`) is
            // about all of it, shown at its key rather than at its first entry.
            let at_key = names_key(&error.field) || !path.contains('.');
            // Shown at an ancestor, the message must name what it is about.
            let message = if self.holds(&path) {
                error.message
            } else {
                format!("`{}` {}", error.field, error.message)
            };
            match at_key.then(|| self.key_pos(&path)).flatten() {
                Some(pos) => {
                    self.push(&path, Diagnostic::error(pos, message));
                }
                None => {
                    self.error(&path, message);
                }
            }
        }
    }

    /// Where the key of the mapping entry at `path` is written.
    fn key_pos(&self, path: &str) -> Option<Pos> {
        self.trees[self.file(path)]
            .key_of(path.split('.'))
            .map(|key| key.pos)
    }

    fn check(&mut self, path: &str, result: Result<(), String>) {
        if let Err(message) = result {
            self.error(path, message);
        }
    }

    /// Reports keys listed more than once in one list.
    fn unique<'k>(&mut self, section: &str, field: &str, keys: impl IntoIterator<Item = &'k str>) {
        let mut first: HashMap<&str, usize> = HashMap::new();
        for (index, key) in keys.into_iter().enumerate() {
            if let Some(earlier) = first.get(key) {
                let line = self.pos(&format!("{section}.{earlier}.{field}")).line;
                self.error(
                    &format!("{section}.{index}.{field}"),
                    format!("`{key}` is listed twice in {section}"),
                )
                .help = Some(format!("first listed at line {line}"));
            } else {
                first.insert(key, index);
            }
        }
    }

    /// Checks that `key` (at `path`) is one of `known`, the keys of `section`.
    fn reference(
        &mut self,
        path: &str,
        key: &str,
        what: &str,
        section: &str,
        known: Option<&[&str]>,
    ) {
        match known {
            Some(known) if !known.contains(&key) => {
                let help = match did_you_mean(key, known.iter().copied()) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None if known.is_empty() => format!("{section} lists none"),
                    None => format!("{section} lists {}", list(known)),
                };
                self.error(path, format!("no {what} `{key}` in {section}"))
                    .help = Some(help);
            }
            Some(_) => {}
            None => {
                let warning = self.warning(
                    path,
                    format!(
                        "{what} `{key}` cannot be checked offline: the document has no {section} section"
                    ),
                );
                warning.help = Some("the service checks it when the document is applied".into());
                warning.unchecked = Some(format!("{what} `{key}`"));
            }
        }
    }

    fn secret(&mut self, path: &str, secret: &SecretValue) {
        match secret_error(secret) {
            Some((message, help)) => self.error(path, message).help = Some(help),
            None if matches!(secret.form(), SecretForm::Literal(_)) => {
                self.warning(
                    path,
                    "a secret is written in the document: whoever reads the file reads it",
                )
                .help = Some("use ${env:NAME} or ${file:PATH} instead".into());
            }
            None => {}
        }
    }

    fn operators(&mut self, document: &DeskDocument) {
        let Some(operators) = &document.operators else {
            return;
        };
        let teams = keys(&document.teams, |t| t.key.as_str());
        for (index, operator) in operators.iter().enumerate() {
            let base = format!("operators.{index}");
            self.check(&format!("{base}.handle"), check_slug(&operator.handle));
            self.check(&format!("{base}.name"), check_name(&operator.name));
            self.check(&format!("{base}.email"), check_email(&operator.email));
            for (position, team) in operator.teams.iter().flatten().enumerate() {
                let path = format!("{base}.teams.{position}");
                self.reference(&path, team, "team", "teams", teams.as_deref());
            }
        }
        self.unique(
            "operators",
            "handle",
            operators.iter().map(|o| o.handle.as_str()),
        );
    }

    fn teams(&mut self, document: &DeskDocument) {
        let Some(teams) = &document.teams else {
            return;
        };
        let operators = keys(&document.operators, |o| o.handle.as_str());
        for (index, team) in teams.iter().enumerate() {
            let base = format!("teams.{index}");
            self.check(&format!("{base}.key"), check_slug(&team.key));
            self.check(&format!("{base}.name"), check_name(&team.name));
            for (position, member) in team.members.iter().flatten().enumerate() {
                let path = format!("{base}.members.{position}");
                self.reference(&path, member, "operator", "operators", operators.as_deref());
            }
        }
        self.unique("teams", "key", teams.iter().map(|t| t.key.as_str()));
        let defaults: Vec<usize> = (0..teams.len()).filter(|&i| teams[i].default).collect();
        let default_misspelt =
            (0..teams.len()).any(|i| self.misspelt(&format!("teams.{i}.default")));
        match defaults.as_slice() {
            [] if !teams.is_empty() && !default_misspelt => {
                self.error("teams", "no team is the default")
                    .help = Some("mark exactly one team with `default: true`: tickets no assignment rule routes go there".into());
            }
            [_first, rest @ ..] => {
                for index in rest {
                    self.error(
                        &format!("teams.{index}.default"),
                        format!("`{}` is a second default team", teams[*index].key),
                    )
                    .help = Some(format!(
                        "`{}` is already the default: exactly one team is",
                        teams[defaults[0]].key
                    ));
                }
            }
            [] => {}
        }
    }

    fn ticket_fields(&mut self, document: &DeskDocument) {
        let Some(fields) = &document.ticket_fields else {
            return;
        };
        for (index, field) in fields.iter().enumerate() {
            let base = format!("ticket-fields.{index}");
            self.check(&format!("{base}.key"), check_slug(&field.key));
            self.check(&format!("{base}.name"), check_name(&field.name));
            let mut checks = Checks::new();
            // Checked as the service stores them: trimmed.
            let options = crate::domain::validate::trimmed(field.options.clone());
            check_field_options(&mut checks, field.field_type, &options);
            self.field_errors(&base, checks.into_errors());
        }
        self.unique(
            "ticket-fields",
            "key",
            fields.iter().map(|f| f.key.as_str()),
        );
    }

    /// The support inbox's address, as the service checks it.
    fn assignment(&mut self, document: &DeskDocument) {
        let Some(assignment) = &document.assignment else {
            return;
        };
        let mut assignment = assignment.clone();
        normalize_assignment(&mut assignment);
        if let Err(invalid) = check_assignment(&assignment) {
            self.field_errors("assignment", invalid.0);
        }
    }

    fn business_hours(&mut self, document: &DeskDocument) {
        if let Some(hours) = &document.business_hours
            && let Err(errors) = Schedule::from_settings(hours)
        {
            self.field_errors("business-hours", errors);
        }
    }

    fn rules(&mut self, document: &DeskDocument) {
        let Some(rules) = &document.rules else {
            return;
        };
        let teams = keys(&document.teams, |t| t.key.as_str());
        let lists = [
            (
                "priority",
                rules
                    .priority
                    .iter()
                    .flatten()
                    .map(|r| (&r.name, &r.conditions, None))
                    .collect::<Vec<_>>(),
            ),
            (
                "assignment",
                rules
                    .assignment
                    .iter()
                    .flatten()
                    .map(|r| (&r.name, &r.conditions, Some(r.team.as_str())))
                    .collect(),
            ),
        ];
        for (kind, list) in lists {
            for (index, (name, conditions, team)) in list.into_iter().enumerate() {
                let base = format!("rules.{kind}.{index}");
                if let Some(name) = name {
                    self.check(&format!("{base}.name"), check_name(name));
                }
                for (position, condition) in conditions.iter().enumerate() {
                    if let Err(error) = validate_condition(condition) {
                        self.field_errors(
                            &format!("{base}.conditions.{position}"),
                            vec![FieldError::new(error.key, error.message)],
                        );
                    }
                }
                if let Some(team) = team {
                    let path = format!("{base}.team");
                    self.reference(&path, team, "team", "teams", teams.as_deref());
                }
            }
        }
    }

    fn email(&mut self, document: &DeskDocument) {
        let Some(email) = &document.email else {
            return;
        };
        if let Some(password) = &email.password {
            self.secret("email.password", password);
        }
        let settings = EmailSettings {
            host: email.host.clone(),
            port: email.port,
            username: email.username.clone(),
            tls: email.tls,
            from: email.from.clone(),
            password: Some(email.password.as_ref().map(offline_secret)),
            password_set: false,
            password_fingerprint: None,
            password_unusable: None,
        };
        self.field_errors("email", SmtpConfig::default().updated(settings).check());
    }

    fn delivery(&mut self, document: &DeskDocument) {
        let Some(delivery) = &document.delivery else {
            return;
        };
        if let Some(secret) = &delivery.secret {
            self.secret("delivery.secret", secret);
        }
        let settings = DeliverySettings {
            url: delivery.url.clone(),
            secret: Some(delivery.secret.as_ref().map(offline_secret)),
            secret_set: false,
            secret_fingerprint: None,
            secret_unusable: None,
        };
        self.field_errors(
            "delivery",
            WebhookConfig::default().updated(settings).check(),
        );
    }

    fn integrations(&mut self, document: &DeskDocument) {
        let Some(integrations) = &document.integrations else {
            return;
        };
        let fields = keys(&document.ticket_fields, |f| f.key.as_str());
        for (index, integration) in integrations.iter().enumerate() {
            let base = format!("integrations.{index}");
            let put = IntegrationPut {
                settings: integration.settings.clone(),
                secrets: integration
                    .secrets
                    .iter()
                    .map(|(name, secret)| (name.clone(), Some(offline_secret(secret))))
                    .collect(),
                base_url: integration.base_url.clone(),
                fields: integration.fields.clone(),
                priorities: integration.priorities.clone(),
            };
            if let Err(errors) = connection::merge(integration.kind, &put, None) {
                let kind = integration.kind;
                let misnamed = |field: &str| {
                    let named = |prefix, secret| {
                        field
                            .strip_prefix(prefix)
                            .is_some_and(|key| connection::check_name(kind, key, secret).is_err())
                    };
                    named("settings.", false) || named("secrets.", true)
                };
                self.field_errors_naming(&base, errors, misnamed);
            }
            for (name, secret) in &integration.secrets {
                self.secret(&format!("{base}.secrets.{name}"), secret);
            }
            // A mapping names a context key (converted when a ticket field has
            // that key) or one of Desk's own `desk.*` values.
            for field in integration.fields.keys() {
                let path = format!("{base}.fields.{field}");
                if let Some(known) = fields.as_deref()
                    && !field.starts_with("desk.")
                    && !known.contains(&field.as_str())
                {
                    self.warning(
                        &path,
                        format!(
                            "`{field}` is no ticket field: the context key `{field}` is sent as \
                             received"
                        ),
                    );
                }
            }
        }
        self.unique(
            "integrations",
            "kind",
            integrations.iter().map(|i| i.kind.as_str()),
        );
    }

    fn agents(&mut self, document: &DeskDocument) {
        let Some(agents) = &document.agents else {
            return;
        };
        let connected = keys(&document.integrations, |i| i.kind.as_str());
        for (index, agent) in agents.iter().enumerate() {
            let base = format!("agents.{index}");
            self.check(&format!("{base}.key"), check_slug(&agent.key));
            self.check(&format!("{base}.name"), check_name(&agent.name));
            let Some(action) = &agent.handover else {
                continue;
            };
            let mut checks = Checks::new();
            // Checked as the service stores it: its texts trimmed.
            let action = crate::domain::validate::normalize_action(action.clone());
            check_handover_action(&mut checks, &action);
            self.field_errors(&format!("{base}.handover"), checks.into_errors());
            let path = format!("{base}.handover.platform");
            let platform = action.platform.as_str();
            if platform == INBOX {
                continue;
            }
            if !INTEGRATION_KINDS.contains(&platform) {
                let mut known = vec![INBOX];
                known.extend(INTEGRATION_KINDS);
                let help = match did_you_mean(platform, known.iter().copied()) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => format!("use `inbox` or an integration: {}", list(INTEGRATION_KINDS)),
                };
                self.error(&path, format!("unknown platform `{platform}`"))
                    .help = Some(help);
                continue;
            }
            self.reference(
                &path,
                platform,
                "integration",
                "integrations",
                connected.as_deref(),
            );
        }
        self.unique("agents", "key", agents.iter().map(|a| a.key.as_str()));
    }
}

/// The service's field errors about a whole document (`operators[0].teams[0]`),
/// each at its place in the file it was read from: for each of the files
/// holding the document's sections (`trees`), the errors about its sections.
pub fn service_errors(trees: &[&Node], errors: &[FieldError]) -> Vec<Vec<Diagnostic>> {
    let mut report = Report::new(trees, &[]);
    report.field_errors("", errors.to_vec());
    report.by_file()
}

/// What the service's checks see for a secret offline: a reference stands for
/// a well-formed secret (its value is checked once resolved), a literal is itself.
/// What a secret's value must be, checked once its references are resolved:
/// before that, [`validate`] sees only the reference. `referenced` holds the
/// places of the secrets the document gave as references.
pub fn resolved_secrets(
    document: &DeskDocument,
    tree: &Node,
    referenced: &std::collections::BTreeMap<String, String>,
) -> Vec<Diagnostic> {
    let trees = [tree];
    let mut report = Report::new(&trees, &[]);
    if referenced.contains_key("delivery.secret")
        && let Some(secret) = document.delivery.as_ref().and_then(|d| d.secret.as_ref())
    {
        let config = WebhookConfig {
            url: None,
            secret: Some(secret.expose().to_string()),
        };
        let errors = config
            .check()
            .into_iter()
            .filter(|error| error.field == "secret")
            .collect();
        report.field_errors("delivery", errors);
    }
    report.by_file().pop().expect("one file's problems")
}

/// What is wrong with a secret as written, with how to fix it; `None` when
/// it can be used (a secret written out is warned about, not refused).
/// `SecretValue::REFERENCE_PATTERN` and `MISTYPED_REFERENCE_PATTERN` say the
/// same for the JSON Schema.
fn secret_error(secret: &SecretValue) -> Option<(String, String)> {
    match secret.form() {
        SecretForm::Env(name) if !super::secrets::is_variable_name(name) => Some((
            format!("`{name}` is not an environment variable name"),
            "use letters, digits and underscores, e.g. ${env:SMTP_PASSWORD}".into(),
        )),
        SecretForm::File(file) if file.trim().is_empty() => Some((
            "the secret's file is not named".into(),
            "e.g. ${file:secrets/smtp-password}".into(),
        )),
        SecretForm::Env(_) | SecretForm::File(_) | SecretForm::Fingerprint(_) => None,
        SecretForm::Malformed => Some((
            "not a secret reference".into(),
            "use ${env:NAME} or ${file:PATH}".into(),
        )),
        // A reference mistyped (`${env:NAME` without its brace, a space
        // after it) would otherwise be applied as the secret itself.
        SecretForm::Literal(text) if reads_as_reference(text) => Some((
            "a mistyped secret reference: it would be applied as the secret itself".into(),
            "write ${env:NAME} or ${file:PATH} alone in the value (a secret that truly \
             starts with `${` goes in a file, named by ${file:PATH})"
                .into(),
        )),
        SecretForm::Literal(_) => None,
    }
}

/// Whether a value written as a secret itself reads as a reference meant for
/// one: it starts with `${`, or names `${env:` or `${file:` in it.
fn reads_as_reference(text: &str) -> bool {
    text.trim_start().starts_with("${") || text.contains("${env:") || text.contains("${file:")
}

fn offline_secret(secret: &SecretValue) -> String {
    match secret.form() {
        SecretForm::Literal(text) => text.to_string(),
        _ => "resolved-when-applied".to_string(),
    }
}

fn list(names: &[&str]) -> String {
    names
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::Source;
    use crate::manifest::parse::parse;

    #[test]
    fn the_services_field_paths_are_placed_in_the_file_or_at_the_nearest_ancestor() {
        let text = "apiVersion: deskctl/v1\nkind: Desk\noperators:\n  - handle: al\n    name: Al\n    email: al@x.com\n    teams: [a, suport]\n";
        let tree = parse(&Source::new("d", text, ".")).unwrap().tree;
        let errors = [
            FieldError::new("operators[0].teams[1]", "team 'suport' does not exist"),
            FieldError::new("operators[0].capacity", "too many"),
        ];
        let found: Vec<_> = service_errors(&[&tree], &errors)
            .concat()
            .into_iter()
            .map(|d| (d.pos.line, d.pos.column, d.message))
            .collect();
        assert_eq!(
            found,
            [
                (4, 5, "`operators[0].capacity` too many".to_string()),
                (7, 16, "team 'suport' does not exist".to_string()),
            ]
        );
    }

    /// The problems of a document combined from `texts`, one file each: for
    /// each file, its problems as (line, column, message).
    fn problems_of_files(texts: &[&str]) -> Vec<Vec<(u32, u32, String)>> {
        let parsed: Vec<_> = texts
            .iter()
            .map(|text| parse(&Source::new("d", *text, ".")).unwrap())
            .collect();
        let mut document = DeskDocument::empty();
        document.operators = parsed.iter().find_map(|p| p.document.operators.clone());
        document.teams = parsed.iter().find_map(|p| p.document.teams.clone());
        let trees: Vec<&Node> = parsed.iter().map(|p| &p.tree).collect();
        validate_files(&document, &trees, &[])
            .into_iter()
            .map(|found| {
                found
                    .into_iter()
                    .map(|d| (d.pos.line, d.pos.column, d.message))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_reference_into_another_files_section_is_checked_and_shown_in_the_file_that_makes_it() {
        let head = "apiVersion: deskctl/v1\nkind: Desk\n";
        let operators = format!(
            "{head}operators:\n  - handle: al\n    name: Al\n    email: al@x.com\n    teams: [suport]\n"
        );
        let teams = format!(
            "{head}teams:\n  - key: support\n    name: Support\n    default: true\n    members: [bo]\n"
        );
        let found = problems_of_files(&[&teams, &operators]);
        assert_eq!(
            found,
            [
                vec![(7, 15, "no operator `bo` in operators".to_string())],
                vec![(7, 13, "no team `suport` in teams".to_string())],
            ]
        );
    }

    #[test]
    fn the_services_field_errors_are_placed_in_the_file_holding_their_section() {
        let head = "apiVersion: deskctl/v1\nkind: Desk\n";
        let operators = format!(
            "{head}operators:\n  - handle: al\n    name: Al\n    email: al@x.com\n    teams: [vip]\n"
        );
        let teams = format!("{head}teams: []\n");
        let trees: Vec<Node> = [teams, operators]
            .iter()
            .map(|text| parse(&Source::new("d", text.as_str(), ".")).unwrap().tree)
            .collect();
        let errors = [
            FieldError::new("operators[0].teams[0]", "team 'vip' does not exist"),
            FieldError::new("teams", "no team is the default"),
        ];
        let found: Vec<Vec<_>> = service_errors(&trees.iter().collect::<Vec<_>>(), &errors)
            .into_iter()
            .map(|found| found.into_iter().map(|d| (d.pos.line, d.message)).collect())
            .collect();
        assert_eq!(
            found,
            [
                vec![(3, "no team is the default".to_string())],
                vec![(7, "team 'vip' does not exist".to_string())],
            ]
        );
    }

    proptest::proptest! {
        /// The schema's patterns take exactly the secrets `validate` does.
        #[test]
        fn the_secret_patterns_are_the_secret_checks(
            text in r"(\$\{|\$\{env:|\$\{file:|\$\{hmac:| |\n)?[a-zA-Z0-9_ \n${}:]{0,6}"
        ) {
            let reference = regex::Regex::new(SecretValue::REFERENCE_PATTERN).unwrap();
            let mistyped = regex::Regex::new(SecretValue::MISTYPED_REFERENCE_PATTERN).unwrap();
            let schema_takes = reference.is_match(&text) || !mistyped.is_match(&text);
            let validate_takes = secret_error(&SecretValue::new(text.clone())).is_none();
            proptest::prop_assert_eq!(schema_takes, validate_takes, "{:?}", text);
        }
    }
}
