//! The desired-state document on the service's side, as pure functions: the
//! live workspace as a document, the checks a document passes before it is
//! planned (the same ones single-resource writes pass, named by document path),
//! the normalization those writes apply, secrets (fingerprints inside the
//! service, `${env:…}` references outside it), and [`after`]: the one
//! definition of the workspace a document leaves, which plans, what-if
//! previews and apply all use.

use std::collections::{BTreeMap, BTreeSet};

use super::{
    Connection, DELIVERY_SECRET, EMAIL_PASSWORD, Fingerprints, SealedAway, SmtpConfig, Snapshot,
    WebhookConfig,
};
use crate::api::{
    AgentSpec, AssignmentRuleSpec, DeliverySpec, DeskDocument, EmailSpec, FieldError,
    IntegrationKind, IntegrationPut, IntegrationSpec, OperatorSpec, Priority, PriorityRuleSpec,
    Rule, RulesSpec, SecretForm, SecretValue, TeamSpec, TicketFieldSpec,
};
use crate::domain::hours::Schedule;
use crate::domain::suggest::did_you_mean_question;
use crate::domain::urls::without_credentials;
use crate::domain::validate::{self, Checks, Invalid, check_field_options};

/// The environment variable an exported document names for the email password.
pub const EMAIL_PASSWORD_ENV: &str = "DESKCTL_EMAIL_PASSWORD";
/// The environment variable an exported document names for the delivery secret.
pub const DELIVERY_SECRET_ENV: &str = "DESKCTL_DELIVERY_SECRET";

/// The environment variable an exported document names for an integration's
/// secret: `DESKCTL_ZENDESK_API_TOKEN` for zendesk's `api-token`.
pub fn integration_secret_env(kind: IntegrationKind, secret: &str) -> String {
    format!("DESKCTL_{kind}_{secret}")
        .to_ascii_uppercase()
        .replace('-', "_")
}

/// Which sections a caller may read and write: email, delivery and
/// integrations are the owners'.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Owner,
    Manager,
}

/// The live workspace as a document: every section, stored secrets as their
/// `${hmac:…}` fingerprints (what plans compare against, never the values).
pub fn current_document(snapshot: &Snapshot, audience: Audience) -> DeskDocument {
    let owner = audience == Audience::Owner;
    DeskDocument {
        operators: Some(
            snapshot
                .operators
                .iter()
                .map(|o| OperatorSpec {
                    handle: o.handle.clone(),
                    name: o.name.clone(),
                    email: o.email.clone(),
                    signature: o.signature.clone(),
                    role: o.role,
                    // Membership is stated once, by the teams.
                    teams: None,
                    capacity: o.capacity,
                })
                .collect(),
        ),
        teams: Some(
            snapshot
                .teams
                .iter()
                .map(|t| TeamSpec {
                    key: t.key.clone(),
                    name: t.name.clone(),
                    default: t.default,
                    // Stated even when empty: the document holds every team's
                    // members, and a team left without `members` keeps its own.
                    members: Some(t.members.clone()),
                })
                .collect(),
        ),
        ticket_fields: Some(
            snapshot
                .fields
                .iter()
                .map(|f| TicketFieldSpec {
                    key: f.key.clone(),
                    name: f.name.clone(),
                    field_type: f.field_type,
                    options: f.options.clone(),
                })
                .collect(),
        ),
        assignment: Some(snapshot.assignment.clone()),
        business_hours: Some(snapshot.business_hours.clone()),
        notifications: Some(snapshot.notifications.clone()),
        handoff: Some(snapshot.handoff.clone()),
        email: owner.then(|| email_spec(&snapshot.email, &snapshot.fingerprints)),
        delivery: owner.then(|| delivery_spec(&snapshot.delivery, &snapshot.fingerprints)),
        rules: Some(RulesSpec {
            priority: Some(snapshot.priority_rules.iter().map(priority_rule).collect()),
            assignment: Some(
                snapshot
                    .assignment_rules
                    .iter()
                    .map(assignment_rule)
                    .collect(),
            ),
        }),
        integrations: owner.then(|| {
            snapshot
                .integrations
                .iter()
                .map(|i| integration_spec(&i.connection, &snapshot.fingerprints))
                .collect()
        }),
        agents: Some(
            snapshot
                .agents
                .iter()
                .map(|a| AgentSpec {
                    key: a.key.clone(),
                    name: a.name.clone(),
                    handover: a.handover.clone(),
                })
                .collect(),
        ),
        ..DeskDocument::empty()
    }
}

/// A stored secret as plans see it: its `${hmac:…}` fingerprint.
fn fingerprinted(secret: &str, fingerprints: &Fingerprints) -> SecretValue {
    SecretValue::from_fingerprint(&fingerprints.of(secret))
}

fn stored_secret(secret: Option<&str>, fingerprints: &Fingerprints) -> Option<SecretValue> {
    secret.map(|s| fingerprinted(s, fingerprints))
}

fn email_spec(config: &SmtpConfig, fingerprints: &Fingerprints) -> EmailSpec {
    EmailSpec {
        host: config.host.clone(),
        port: config.port,
        username: config.username.clone(),
        tls: config.tls,
        from: config.from.clone(),
        password: stored_secret(config.password.as_deref(), fingerprints),
    }
}

fn delivery_spec(config: &WebhookConfig, fingerprints: &Fingerprints) -> DeliverySpec {
    DeliverySpec {
        url: config.url.as_deref().map(without_credentials),
        secret: stored_secret(config.secret.as_deref(), fingerprints),
    }
}

fn integration_spec(connection: &Connection, fingerprints: &Fingerprints) -> IntegrationSpec {
    IntegrationSpec {
        kind: connection.kind,
        settings: connection.settings.clone(),
        secrets: connection
            .secrets
            .iter()
            .map(|(name, value)| (name.clone(), fingerprinted(value, fingerprints)))
            .collect(),
        base_url: connection.base_url.as_deref().map(without_credentials),
        fields: connection.fields.clone(),
        priorities: connection.priorities.clone(),
    }
}

fn priority_rule(rule: &Rule) -> PriorityRuleSpec {
    PriorityRuleSpec {
        name: rule.name.clone(),
        match_mode: rule.match_mode,
        conditions: rule.conditions.clone(),
        // Stored priority rules always have one (a CHECK constraint).
        priority: rule.priority.unwrap_or(Priority::Medium),
    }
}

fn assignment_rule(rule: &Rule) -> AssignmentRuleSpec {
    AssignmentRuleSpec {
        name: rule.name.clone(),
        match_mode: rule.match_mode,
        conditions: rule.conditions.clone(),
        team: rule.team.clone().unwrap_or_default(),
    }
}

/// Where a secret sits in a document, as stored references are keyed:
/// `email.password`, `delivery.secret`, `integrations.<kind>.<name>`.
fn secret_keys(document: &mut DeskDocument) -> Vec<(String, &mut SecretValue)> {
    let mut found = Vec::new();
    if let Some(secret) = document.email.as_mut().and_then(|e| e.password.as_mut()) {
        found.push(("email.password".to_string(), secret));
    }
    if let Some(secret) = document.delivery.as_mut().and_then(|d| d.secret.as_mut()) {
        found.push(("delivery.secret".to_string(), secret));
    }
    for integration in document.integrations.iter_mut().flatten() {
        let kind = integration.kind;
        for (name, secret) in &mut integration.secrets {
            found.push((secret_key(kind, name), secret));
        }
    }
    found
}

/// The key of integration `kind`'s secret `name` among stored references.
pub fn secret_key(kind: crate::api::IntegrationKind, name: &str) -> String {
    format!("integrations.{kind}.{name}")
}

/// The `${env:…}` and `${file:…}` references a document names its secrets
/// by, before they are resolved: what `apply` sends along so that `export`
/// writes the same references back.
pub fn secret_references(document: &DeskDocument) -> BTreeMap<String, String> {
    use crate::api::SecretForm;
    let mut document = document.clone();
    secret_keys(&mut document)
        .into_iter()
        .filter(|(_, secret)| matches!(secret.form(), SecretForm::Env(_) | SecretForm::File(_)))
        .map(|(key, secret)| (key, secret.0.clone()))
        .collect()
}

/// Records, in the workspace `desired` leaves, which reference each secret
/// the document sets came from (`references`, from [`secret_references`]):
/// a secret set without one forgets its old reference, and references of
/// secrets no longer stored are dropped.
pub fn remember_references(
    next: &mut Snapshot,
    desired: &DeskDocument,
    references: &BTreeMap<String, String>,
) {
    let mut desired = desired.clone();
    for (key, _) in secret_keys(&mut desired) {
        match references.get(&key) {
            Some(reference) => next.secret_references.insert(key, reference.clone()),
            None => next.secret_references.remove(&key),
        };
    }
    let mut stored = current_document(next, Audience::Owner);
    let stored: BTreeSet<String> = secret_keys(&mut stored)
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    next.secret_references.retain(|key, _| stored.contains(key));
}

/// The values of the workspace's stored secrets by key, to tell afterwards
/// which ones a change replaced ([`forget_replaced_references`]).
pub fn secret_values(workspace: &mut Snapshot) -> BTreeMap<String, String> {
    workspace
        .secrets_mut()
        .into_iter()
        .map(|(key, value)| (key, value.clone()))
        .collect()
}

/// Forgets the reference each secret was applied from when a change other
/// than a document's (`delivery set`, `email set`, `integrations connect`)
/// gave it a new value: `export` would name the old reference, whose value
/// is no longer the secret, and applying that export would set it back.
/// `before` is [`secret_values`] of the workspace before the change.
pub fn forget_replaced_references(before: &BTreeMap<String, String>, next: &mut Snapshot) {
    let replaced: Vec<String> = next
        .secrets_mut()
        .into_iter()
        .filter(|(key, value)| before.get(key) != Some(&**value))
        .map(|(key, _)| key)
        .collect();
    for key in replaced {
        next.secret_references.remove(&key);
    }
}

/// The reference `export` writes each stored secret of `document` (a
/// [`current_document`]) as, by where it sits: the one it was applied from,
/// or a `${env:DESKCTL_…}` one. `GET /v1/config` sends them beside its
/// document, whose secrets stay `${hmac:…}` so that it plans back unchanged.
pub fn export_references(snapshot: &Snapshot, document: &DeskDocument) -> BTreeMap<String, String> {
    // Where each secret sits, and the variable named when it was applied
    // from none.
    let mut variables = BTreeMap::new();
    if document
        .email
        .as_ref()
        .is_some_and(|e| e.password.is_some())
    {
        variables.insert("email.password".to_string(), EMAIL_PASSWORD_ENV.to_string());
    }
    if document
        .delivery
        .as_ref()
        .is_some_and(|d| d.secret.is_some())
    {
        variables.insert(
            "delivery.secret".to_string(),
            DELIVERY_SECRET_ENV.to_string(),
        );
    }
    for integration in document.integrations.iter().flatten() {
        for name in integration.secrets.keys() {
            variables.insert(
                secret_key(integration.kind, name),
                integration_secret_env(integration.kind, name),
            );
        }
    }
    variables
        .into_iter()
        .map(|(key, variable)| {
            let reference = snapshot
                .secret_references
                .get(&key)
                .cloned()
                .unwrap_or_else(|| format!("${{env:{variable}}}"));
            (key, reference)
        })
        .collect()
}

/// `document` with each secret that `references` names (by where it sits,
/// as [`export_references`] keys them) written as that reference: what
/// `deskctl export` prints, a document holding no secret that `apply` takes
/// back unchanged once the references hold the secrets.
pub fn with_references(
    mut document: DeskDocument,
    references: &BTreeMap<String, String>,
) -> DeskDocument {
    for (key, secret) in secret_keys(&mut document) {
        if let Some(reference) = references.get(&key) {
            *secret = SecretValue::new(reference.clone());
        }
    }
    document
}

fn trim(text: &str) -> String {
    text.trim().to_string()
}

/// The document as single-resource writes would store it: names and options
/// trimmed, repeated keys dropped, handover actions and business hours
/// normalized. Comparing a normalized document with the live one shows
/// only real changes.
pub fn normalize(mut document: DeskDocument) -> DeskDocument {
    for operator in document.operators.iter_mut().flatten() {
        operator.name = trim(&operator.name);
        operator.teams = operator.teams.take().map(validate::dedup);
    }
    for team in document.teams.iter_mut().flatten() {
        team.name = trim(&team.name);
        team.members = team.members.take().map(validate::dedup);
    }
    for field in document.ticket_fields.iter_mut().flatten() {
        field.name = trim(&field.name);
        field.options = validate::trimmed(std::mem::take(&mut field.options));
    }
    if let Some(assignment) = document.assignment.as_mut() {
        validate::normalize_assignment(assignment);
    }
    if let Some(hours) = document.business_hours.as_mut() {
        crate::domain::hours::normalize(hours);
    }
    let rule_name = |name: &mut Option<String>| {
        *name = name.take().map(|n| trim(&n)).filter(|n| !n.is_empty());
    };
    if let Some(rules) = document.rules.as_mut() {
        rules
            .priority
            .iter_mut()
            .flatten()
            .for_each(|r| rule_name(&mut r.name));
        rules
            .assignment
            .iter_mut()
            .flatten()
            .for_each(|r| rule_name(&mut r.name));
    }
    for agent in document.agents.iter_mut().flatten() {
        agent.name = trim(&agent.name);
        agent.handover = agent.handover.take().map(validate::normalize_action);
    }
    // As `email set` stores them, so a document applies what the command takes.
    if let Some(email) = document.email.as_mut() {
        for text in [&mut email.host, &mut email.username, &mut email.from] {
            *text = super::trimmed(text.take());
        }
    }
    document
}

/// The membership a document states: a pair (operator, team) is desired when
/// the operator's `teams` or the team's `members` names it. Only pairs whose
/// operator or team the document lists are managed; others are left alone.
pub fn memberships(desired: &DeskDocument) -> BTreeMap<String, BTreeSet<String>> {
    let mut members: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (handle, team) in crate::domain::plan::memberships(desired) {
        members.entry(team).or_default().insert(handle);
    }
    members
}

/// Collects the problems of each resource under its document path.
#[derive(Default)]
struct Problems(Vec<FieldError>);

impl Problems {
    fn check(&mut self, path: &str, result: Result<(), Invalid>) {
        if let Err(Invalid(errors)) = result {
            self.0.extend(
                errors
                    .into_iter()
                    .map(|e| FieldError::new(format!("{path}.{}", e.field), e.message)),
            );
        }
    }

    fn finish(self) -> Result<(), Invalid> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(Invalid(self.0))
        }
    }

    fn push(&mut self, path: String, message: impl Into<String>) {
        self.0.push(FieldError::new(path, message));
    }

    /// Reports each key listed more than once in a section.
    fn unique<'a>(&mut self, section: &str, keys: impl IntoIterator<Item = &'a str>) {
        let mut seen = BTreeSet::new();
        for (index, key) in keys.into_iter().enumerate() {
            if !seen.insert(key) {
                self.push(
                    format!("{section}[{index}]"),
                    format!("'{key}' is listed twice in {section}"),
                );
            }
        }
    }
}

/// The platforms handover actions may name once the document is applied.
fn connected_after<'a>(
    document: &'a DeskDocument,
    current: &'a Snapshot,
    prune: bool,
) -> BTreeSet<&'a str> {
    surviving(
        document
            .integrations
            .as_ref()
            .map(|i| i.iter().map(|i| i.kind.as_str())),
        current.integrations.iter().map(|c| c.kind().as_str()),
        prune,
    )
}

/// Refuses a `prune` that disconnects a platform the handover action of an
/// agent the document leaves alone sends tickets to: a workspace rule, as
/// `integrations disconnect` refuses it (409 `integration_in_use`), at
/// `integrations`.
pub fn check_pruned_platforms(
    document: &DeskDocument,
    current: &Snapshot,
    prune: bool,
) -> Result<(), crate::domain::Refusal> {
    let connected = connected_after(document, current, prune);
    // Agents the document does not list keep their actions: pruning the
    // platform one of them sends tickets to would strand it.
    let agent_keys = surviving(
        document
            .agents
            .as_ref()
            .map(|a| a.iter().map(|a| a.key.as_str())),
        current.agents.iter().map(|a| a.key.as_str()),
        prune,
    );
    let unlisted_agents = current.agents.iter().filter(|agent| {
        agent_keys.contains(agent.key.as_str())
            && !document.agents.iter().flatten().any(|a| a.key == agent.key)
    });
    for agent in unlisted_agents {
        let Some(platform) = agent.handover.as_ref().map(|a| a.platform.as_str()) else {
            continue;
        };
        let connected_now = current
            .integrations
            .iter()
            .any(|c| c.kind().as_str() == platform);
        if connected_now && !connected.contains(platform) {
            return Err(crate::domain::Refusal::conflict(
                "integration_in_use",
                format!(
                    "pruning would disconnect {platform}, but the handover action of agent '{}' \
                     sends tickets there: list {platform} in `integrations`, or give the agent \
                     another platform in `agents`",
                    agent.key
                ),
            )
            .at("integrations"));
        }
    }
    Ok(())
}

/// The keys a section leaves in the workspace after applying: those it lists,
/// and with `prune` off those that exist now.
fn surviving<'a>(
    listed: Option<impl Iterator<Item = &'a str>>,
    existing: impl Iterator<Item = &'a str>,
    prune: bool,
) -> BTreeSet<&'a str> {
    match listed {
        Some(listed) if prune => listed.collect(),
        Some(listed) => listed.chain(existing).collect(),
        None => existing.collect(),
    }
}

/// `what 'key' does not exist and the document does not add it`, naming the
/// closest of the keys that will exist when one is close: the service finds
/// these where the document leaves the section out, so offline checks could not.
fn unknown_reference(what: &str, key: &str, pronoun: &str, known: &BTreeSet<&str>) -> String {
    let mut message =
        format!("{what} '{key}' does not exist and the document does not add {pronoun}");
    if let Some(question) = did_you_mean_question(key, known.iter().copied()) {
        message.push_str(&format!("; {question}"));
    }
    message
}

/// Every problem with a normalized document whose secrets are prepared, each named by its path (e.g.
/// `teams[1].members`): the checks of single-resource writes, keys listed
/// twice, one default team, and references that would not hold after
/// applying it over `current`.
pub fn check(document: &DeskDocument, current: &Snapshot, prune: bool) -> Result<(), Invalid> {
    let mut problems = Problems::default();
    let team_keys = surviving(
        document
            .teams
            .as_ref()
            .map(|t| t.iter().map(|t| t.key.as_str())),
        current.teams.iter().map(|t| t.key.as_str()),
        prune,
    );
    let handles = surviving(
        document
            .operators
            .as_ref()
            .map(|o| o.iter().map(|o| o.handle.as_str())),
        current.operators.iter().map(|o| o.handle.as_str()),
        prune,
    );

    if let Some(list) = &document.operators {
        problems.unique("operators", list.iter().map(|o| o.handle.as_str()));
        for (index, operator) in list.iter().enumerate() {
            let path = format!("operators[{index}]");
            problems.check(
                &path,
                validate::check_new_operator(
                    &operator.handle,
                    &operator.name,
                    &operator.email,
                    operator.teams.as_deref().unwrap_or_default(),
                ),
            );
            for (at, team) in operator.teams.iter().flatten().enumerate() {
                if !team_keys.contains(team.as_str()) {
                    problems.push(
                        format!("{path}.teams[{at}]"),
                        unknown_reference("team", team, "it", &team_keys),
                    );
                }
            }
        }
    }

    if let Some(list) = &document.teams {
        problems.unique("teams", list.iter().map(|t| t.key.as_str()));
        for (index, team) in list.iter().enumerate() {
            let path = format!("teams[{index}]");
            problems.check(
                &path,
                validate::check_new_team(
                    &team.key,
                    &team.name,
                    team.members.as_deref().unwrap_or_default(),
                ),
            );
            for (at, handle) in team.members.iter().flatten().enumerate() {
                if !handles.contains(handle.as_str()) {
                    problems.push(
                        format!("{path}.members[{at}]"),
                        unknown_reference("operator", handle, "them", &handles),
                    );
                }
            }
        }
        let defaults = list.iter().filter(|t| t.default).count();
        if !list.is_empty() && defaults != 1 {
            problems.push(
                "teams".into(),
                format!("exactly one team must be the default (`default: true`); {defaults} are"),
            );
        }
    }

    if let Some(list) = &document.ticket_fields {
        problems.unique("ticket-fields", list.iter().map(|f| f.key.as_str()));
        for (index, field) in list.iter().enumerate() {
            let mut checks = Checks::new();
            checks.slug("key", &field.key).name("name", &field.name);
            check_field_options(&mut checks, field.field_type, &field.options);
            problems.check(&format!("ticket-fields[{index}]"), checks.finish());
        }
    }

    if let Some(assignment) = &document.assignment {
        problems.check("assignment", validate::check_assignment(assignment));
    }
    if let Some(hours) = &document.business_hours {
        problems.check(
            "business-hours",
            Schedule::from_settings(hours).map(|_| ()).map_err(Invalid),
        );
    }
    if let Some(email) = &document.email {
        let config = SmtpConfig {
            host: email.host.clone(),
            port: email.port,
            username: email.username.clone(),
            password: email
                .password
                .as_ref()
                .map(|s| value_of(s, current.email.password.as_deref())),
            tls: email.tls,
            from: email.from.clone(),
        };
        problems.check("email", as_result(config.check()));
    }
    if let Some(delivery) = &document.delivery {
        let config = WebhookConfig {
            url: delivery.url.clone(),
            secret: delivery
                .secret
                .as_ref()
                .map(|s| value_of(s, current.delivery.secret.as_deref())),
        };
        problems.check("delivery", as_result(config.check()));
    }

    if let Some(spec) = &document.rules {
        for (index, rule) in spec.priority.iter().flatten().enumerate() {
            let mut checks = Checks::new();
            validate::check_rule(&mut checks, rule.name.as_deref(), &rule.conditions);
            problems.check(&format!("rules.priority[{index}]"), checks.finish());
        }
        for (index, rule) in spec.assignment.iter().flatten().enumerate() {
            let path = format!("rules.assignment[{index}]");
            let mut checks = Checks::new();
            validate::check_rule(&mut checks, rule.name.as_deref(), &rule.conditions);
            checks.slug("team", &rule.team);
            problems.check(&path, checks.finish());
            if !team_keys.contains(rule.team.as_str()) {
                problems.push(
                    format!("{path}.team"),
                    unknown_reference("team", &rule.team, "it", &team_keys),
                );
            }
        }
    }

    if let Some(list) = &document.integrations {
        problems.unique("integrations", list.iter().map(|i| i.kind.as_str()));
        for (index, spec) in list.iter().enumerate() {
            let stored = current.connection(spec.kind);
            problems.check(
                &format!("integrations[{index}]"),
                check_connection(&connection(spec, stored)),
            );
        }
    }

    let connected = connected_after(document, current, prune);
    let connected: Vec<String> = connected.into_iter().map(str::to_string).collect();
    if let Some(list) = &document.agents {
        problems.unique("agents", list.iter().map(|a| a.key.as_str()));
        for (index, agent) in list.iter().enumerate() {
            let path = format!("agents[{index}]");
            let mut checks = Checks::new();
            checks.slug("key", &agent.key).name("name", &agent.name);
            problems.check(&path, checks.finish());
            if let Some(action) = &agent.handover {
                problems.check(
                    &format!("{path}.handover"),
                    validate::validate_action(action, &connected),
                );
            }
        }
    }

    problems.finish()
}

/// The connection an integration of a prepared document stands for, taken
/// whole from it (a secret it leaves out is removed), a fingerprint standing
/// for the stored secret of that name.
pub fn connection(spec: &IntegrationSpec, stored: Option<&Connection>) -> Connection {
    Connection {
        kind: spec.kind,
        settings: spec.settings.clone(),
        secrets: spec
            .secrets
            .iter()
            .map(|(name, secret)| {
                let stored = stored.and_then(|c| c.secrets.get(name)).map(String::as_str);
                (name.clone(), value_of(secret, stored))
            })
            .collect(),
        base_url: spec.base_url.clone(),
        fields: spec.fields.clone(),
        priorities: spec.priorities.clone(),
    }
}

/// The checks `PUT /v1/integrations/{kind}` makes of a whole connection.
fn check_connection(connection: &Connection) -> Result<(), Invalid> {
    let put = IntegrationPut {
        settings: connection.settings.clone(),
        secrets: connection
            .secrets
            .iter()
            .map(|(name, value)| (name.clone(), Some(value.clone())))
            .collect(),
        base_url: connection.base_url.as_deref().map(without_credentials),
        fields: connection.fields.clone(),
        priorities: connection.priorities.clone(),
    };
    super::connection::merge(connection.kind, &put, None)
        .map(|_| ())
        .map_err(Invalid)
}

/// The value a prepared secret stands for: a fingerprint stands for the
/// stored secret.
fn value_of(secret: &SecretValue, stored: Option<&str>) -> String {
    match (secret.form(), stored) {
        (SecretForm::Fingerprint(_), Some(stored)) => stored.to_string(),
        _ => secret.expose().to_string(),
    }
}

fn as_result(errors: Vec<FieldError>) -> Result<(), Invalid> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Invalid(errors))
    }
}

/// What sealing a secret a document sets does where it is applied: the
/// store's keys and database decide it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sealing {
    /// It is sealed under the key at hand, on a desk no other service shares
    /// (SQLite): entering again a secret no key opens mends it.
    Alone,
    /// It is sealed under `key` on a database replicas share (PostgreSQL):
    /// a replica without that key cannot open it.
    Shared { key: String },
    /// It cannot be: no key at hand, and none may be made here; why, and
    /// what to set.
    NoKey(String),
}

impl Sealing {
    /// Whether a new value for the secret `away` must not be sealed here:
    /// its key is elsewhere, with replicas sharing the database, so sealed
    /// under this replica's key it would break on every replica that works.
    pub fn breaks_elsewhere(&self, away: &SealedAway) -> bool {
        away.key_elsewhere && matches!(self, Sealing::Shared { .. })
    }
}

/// Refuses a single-resource change (`email set`, `delivery set`,
/// `integrations connect`) that gives a new value to a secret `apply` would
/// refuse to seal here ([`Sealing::breaks_elsewhere`]), naming each such
/// secret and why. Removing one seals nothing, so it is never refused: that
/// is the way to enter it again once no replica holds its key any more.
/// `before` is [`secret_values`] of `next` before the change.
pub fn refuse_sealing_elsewhere_keys(
    before: &BTreeMap<String, String>,
    next: &Snapshot,
    sealing: &Sealing,
) -> Result<(), crate::domain::Refusal> {
    let refused: Vec<String> = next
        .secret_values()
        .into_iter()
        .filter(|(place, value)| before.get(place) != Some(value))
        .filter_map(|(place, _)| {
            let away = next.sealed_away.get(&place)?;
            sealing
                .breaks_elsewhere(away)
                .then(|| format!("{place} cannot be set here: {}", away.why))
        })
        .collect();
    if refused.is_empty() {
        return Ok(());
    }
    Err(crate::domain::Refusal::conflict(
        "secret_key_elsewhere",
        refused.join("\n"),
    ))
}

/// A document's secrets readied for planning ([`prepare_secrets`]), and
/// what the plan must say about them.
#[derive(Debug)]
pub struct PreparedSecrets {
    pub document: DeskDocument,
    /// Secrets that could not be compared and are kept as stored, or that
    /// applying here will not seal as the admin may expect; never a value.
    pub warnings: Vec<String>,
    /// Secrets the document replaces that this service must not seal, each
    /// with why and what to do instead (also among `warnings`, so a plan
    /// shows them); never a value. Apply refuses while there is one.
    pub not_here: Vec<String>,
}

impl PreparedSecrets {
    /// Refused, naming every secret that must not be sealed here, if any.
    pub fn applicable_here(&self) -> Result<(), crate::domain::Refusal> {
        if self.not_here.is_empty() {
            return Ok(());
        }
        Err(crate::domain::Refusal::conflict(
            "secret_key_elsewhere",
            self.not_here.join("\n"),
        ))
    }
}

/// How a document's `${env:…}` and `${file:…}` secret references reach the
/// service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretsGiven {
    /// Resolved to their values by the client: a reference left is refused.
    Values,
    /// Left as written, for a plan made where the secrets are not at hand
    /// (`deskctl diff --skip-secrets`): each is planned by its reference.
    References,
}

/// Readies the document's secrets for planning against `current`: a value
/// equal to the stored secret becomes its fingerprint (no change to plan); a
/// fingerprint must be the stored secret's; an unresolved `${env:…}` or
/// `${file:…}` reference is refused (the client resolves them), unless
/// `given` says they are left as written: then one naming the reference the
/// stored secret was applied from is planned as unchanged, any other as a
/// change, with one warning naming every secret whose value was not compared.
///
/// A stored secret no key at hand opens (`current.sealed_away`) cannot be
/// compared. It is kept as stored, with a warning, when the document names
/// it by fingerprint, or by the reference it was applied from
/// (`references`, what the client resolved) where entering it again is not
/// safe (`sealing`: replicas share the database) or not possible (no key):
/// re-applying the same document is then no change, rather than a change
/// that fails or seals the secret under a key the other replicas lack. Any
/// other value replaces it, as on a desk of its own entering it again mends
/// it; except where other replicas may hold its key (a replica given the
/// wrong key, as one given none): there it goes to `not_here`, since sealed
/// under this replica's key it would break on every replica that works.
pub fn prepare_secrets(
    mut document: DeskDocument,
    current: &Snapshot,
    references: &BTreeMap<String, String>,
    sealing: &Sealing,
    given: SecretsGiven,
) -> Result<PreparedSecrets, Invalid> {
    let mut found = Vec::new();
    if let Some(secret) = document.email.as_mut().and_then(|e| e.password.as_mut()) {
        let stored = current.email.password.as_deref();
        found.push((
            "email.password".to_string(),
            EMAIL_PASSWORD.to_string(),
            stored,
            secret,
        ));
    }
    if let Some(secret) = document.delivery.as_mut().and_then(|d| d.secret.as_mut()) {
        let stored = current.delivery.secret.as_deref();
        found.push((
            "delivery.secret".to_string(),
            DELIVERY_SECRET.to_string(),
            stored,
            secret,
        ));
    }
    for (index, integration) in document.integrations.iter_mut().flatten().enumerate() {
        let connection = current.connection(integration.kind);
        for (name, secret) in &mut integration.secrets {
            let stored = connection
                .and_then(|c| c.secrets.get(name))
                .map(String::as_str);
            let path = format!("integrations[{index}].secrets.{name}");
            found.push((path, secret_key(integration.kind, name), stored, secret));
        }
    }
    let mut problems = Problems::default();
    let mut prepared = PreparedSecrets {
        document: DeskDocument::empty(),
        warnings: Vec::new(),
        not_here: Vec::new(),
    };
    let mut skipped = Skipped::default();
    for (path, place, stored, secret) in found {
        let at = SecretAt {
            path: &path,
            stored,
            reference: references.get(&place).map(String::as_str),
            applied_from: current.secret_references.get(&place).map(String::as_str),
            sealed_away: current.sealed_away.get(&place),
            given,
        };
        at.prepare(
            secret,
            &current.fingerprints,
            sealing,
            &mut problems,
            &mut prepared,
            &mut skipped,
        );
    }
    prepared.warnings.extend(skipped.warnings());
    problems.finish()?;
    prepared.document = document;
    Ok(prepared)
}

/// The secrets planned by their reference, not their value (`diff
/// --skip-secrets`), told in one warning for each way they were planned
/// rather than one for each secret: a document with many secrets would
/// otherwise bury the plan. Paths and references only, never a value.
#[derive(Default)]
struct Skipped {
    /// Each applied from the reference the document names: no change.
    unchanged: Vec<(String, String)>,
    /// Each with why it is a change: the stored secret was applied from
    /// another reference, or from none.
    changed: Vec<(String, String)>,
}

impl Skipped {
    fn warnings(self) -> Vec<String> {
        let mut warnings = Vec::new();
        match self.unchanged.as_slice() {
            [] => {}
            [(path, reference)] => warnings.push(format!(
                "{path}: secrets skipped: planned as unchanged, as it was applied from \
                 {reference} too, but its value was not compared"
            )),
            several => warnings.push(format!(
                "secrets skipped: {} planned as unchanged, as each was applied from the \
                 reference the document names, but their values were not compared: {}",
                several.len(),
                several
                    .iter()
                    .map(|(path, _)| path.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
        match self.changed.as_slice() {
            [] => {}
            [(path, why)] => warnings.push(format!(
                "{path}: secrets skipped: planned as changed, as {why}; its value was not \
                 compared"
            )),
            several => warnings.push(format!(
                "secrets skipped: {} planned as changed, as each stored secret was not \
                 applied from the reference the document names; their values were not \
                 compared: {}",
                several.len(),
                several
                    .iter()
                    .map(|(path, why)| format!("{path} ({why})"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
        warnings
    }
}

/// One secret of a document, where it sits and what is stored there.
struct SecretAt<'a> {
    /// Its document path, for problems and warnings.
    path: &'a str,
    /// The stored secret: open, or still sealed when `sealed_away`.
    stored: Option<&'a str>,
    /// The reference the document names it by, if any.
    reference: Option<&'a str>,
    /// The reference the stored secret was applied from, if any.
    applied_from: Option<&'a str>,
    /// Why no key at hand opens the stored secret, if none does.
    sealed_away: Option<&'a SealedAway>,
    /// Whether references come resolved.
    given: SecretsGiven,
}

impl SecretAt<'_> {
    /// A reference left unresolved (`${env:NAME}` or `${file:PATH}` as
    /// written in `secret`, anchored as `self.reference`), planned without its value:
    /// unchanged when the stored secret was applied from the same reference,
    /// else a change (or an addition); warned of either way, since the value
    /// behind the reference is not compared.
    fn plan_by_reference(
        &self,
        secret: &mut SecretValue,
        fingerprints: &Fingerprints,
        skipped: &mut Skipped,
    ) {
        let path = self.path.to_string();
        let written = secret.0.clone();
        let reference = self.reference.unwrap_or(&written).to_string();
        let Some(stored) = self.stored else {
            return;
        };
        if self.applied_from == Some(reference.as_str()) {
            *secret = fingerprinted(stored, fingerprints);
            skipped.unchanged.push((path, reference));
        } else {
            let before = match self.applied_from {
                Some(applied) => format!("applied from {applied}"),
                None => "not applied from a reference".to_string(),
            };
            skipped.changed.push((
                path,
                format!("the stored secret was {before} and the document names {written}"),
            ));
        }
    }

    fn prepare(
        &self,
        secret: &mut SecretValue,
        fingerprints: &Fingerprints,
        sealing: &Sealing,
        problems: &mut Problems,
        prepared: &mut PreparedSecrets,
        skipped: &mut Skipped,
    ) {
        let path = self.path;
        let warnings = &mut prepared.warnings;
        if let (Some(away), Some(stored)) = (self.sealed_away, self.stored) {
            let why = &away.why;
            let by_fingerprint = matches!(secret.form(), SecretForm::Fingerprint(_));
            let as_applied = self.reference.is_some() && self.reference == self.applied_from;
            if by_fingerprint || (as_applied && *sealing != Sealing::Alone) {
                *secret = fingerprinted(stored, fingerprints);
                warnings.push(format!(
                    "{path}: kept as stored, not compared with the document's value: {why}"
                ));
                return;
            }
            if sealing.breaks_elsewhere(away) {
                let refused = format!("{path} cannot be applied here: {why}");
                warnings.push(refused.clone());
                prepared.not_here.push(refused);
            } else if let Sealing::Shared { key } = sealing {
                warnings.push(format!(
                    "{path}: no key at hand opens the stored secret, so the document's value \
                     replaces it, sealed under key {key}: replicas without that key cannot open it"
                ));
            }
        }
        match secret.form() {
            SecretForm::Literal(text) => {
                if self.stored == Some(text) {
                    *secret = fingerprinted(text, fingerprints);
                } else if let Sealing::NoKey(why) = sealing {
                    warnings.push(format!("{path} cannot be applied here: {why}"));
                }
            }
            SecretForm::Fingerprint(print) => {
                if let Some(stored) = self.stored.filter(|s| fingerprints.matches(print, s)) {
                    // An old plain-hash fingerprint, or one of a key being
                    // rotated out, stands for the stored secret as its own does.
                    *secret = fingerprinted(stored, fingerprints);
                } else {
                    problems.push(
                        path.into(),
                        "the fingerprint does not match the stored secret: give the secret itself",
                    );
                }
            }
            SecretForm::Env(_) | SecretForm::File(_) if self.given == SecretsGiven::References => {
                self.plan_by_reference(secret, fingerprints, skipped);
            }
            SecretForm::Env(_) | SecretForm::File(_) | SecretForm::Malformed => problems.push(
                path.into(),
                "an unresolved secret reference: send the secret's value (deskctl resolves \
                 ${env:…} and ${file:…} before sending)",
            ),
        }
    }
}

/// The workspace a normalized, prepared and checked `desired` document leaves
/// when applied to `current`: each present section replaces what it lists
/// (with `prune`, also removes what it does not list; without, keeps it),
/// absent sections are left alone. Plans describe the difference, what-if
/// previews decide handoffs against it, and apply stores exactly it.
///
/// Refused, naming the document path, when the result would break a rule the
/// document cannot express: a field changing its type, or no owner left.
/// `new_id` names rules the document adds; `at` stamps what changes.
pub fn after(
    current: &Snapshot,
    desired: &DeskDocument,
    prune: bool,
    at: jiff::Timestamp,
    new_id: &mut dyn FnMut() -> String,
) -> Result<Snapshot, crate::domain::Refusal> {
    use crate::api::{Availability, Operator, Role, RuleKind, Team, TicketField};
    use crate::domain::Refusal;

    let mut next = current.clone();

    /// `current`'s items with `listed` laid over them by key: listed ones
    /// replaced (`merge` sees the stored one, if any), unlisted ones kept
    /// unless `prune`. Sorted by key.
    fn lay_over<T: Clone, S>(
        current: &[T],
        listed: &[S],
        prune: bool,
        key: impl Fn(&T) -> String,
        spec_key: impl Fn(&S) -> String,
        mut merge: impl FnMut(usize, &S, Option<&T>) -> Result<T, crate::domain::Refusal>,
    ) -> Result<Vec<T>, crate::domain::Refusal> {
        let stored_by_key: BTreeMap<String, &T> =
            current.iter().rev().map(|item| (key(item), item)).collect();
        let mut result: BTreeMap<String, T> = BTreeMap::new();
        if !prune {
            result.extend(current.iter().map(|item| (key(item), item.clone())));
        }
        for (index, spec) in listed.iter().enumerate() {
            let name = spec_key(spec);
            let stored = stored_by_key.get(&name).copied();
            result.insert(name, merge(index, spec, stored)?);
        }
        Ok(result.into_values().collect())
    }

    fn stamped<T: PartialEq>(new: T, stored: Option<&T>, touch: impl FnOnce(&mut T)) -> T {
        let mut new = new;
        if stored != Some(&new) {
            touch(&mut new);
        }
        new
    }

    if let Some(listed) = &desired.operators {
        next.operators = lay_over(
            &current.operators,
            listed,
            prune,
            |o| o.handle.clone(),
            |s| s.handle.clone(),
            |_, spec, stored| {
                let operator = Operator {
                    handle: spec.handle.clone(),
                    name: spec.name.clone(),
                    email: spec.email.clone(),
                    signature: spec.signature.clone(),
                    role: spec.role,
                    availability: stored.map_or(Availability::Offline, |o| o.availability),
                    teams: stored.map(|o| o.teams.clone()).unwrap_or_default(),
                    capacity: spec.capacity,
                    created_at: stored.map_or(at, |o| o.created_at),
                    updated_at: stored.map_or(at, |o| o.updated_at),
                };
                Ok(stamped(operator, stored, |o| o.updated_at = at))
            },
        )?;
        let owners_before = current.operators.iter().any(|o| o.role == Role::Owner);
        if owners_before && !next.operators.iter().any(|o| o.role == Role::Owner) {
            return Err(Refusal::conflict(
                "last_owner",
                "the document leaves the workspace without an owner; keep at least one operator \
                 with `role: owner`",
            )
            .at("operators"));
        }
    }

    if let Some(listed) = &desired.teams {
        next.teams = lay_over(
            &current.teams,
            listed,
            prune,
            |t| t.key.clone(),
            |s| s.key.clone(),
            |_, spec, stored| {
                let team = Team {
                    key: spec.key.clone(),
                    name: spec.name.clone(),
                    default: spec.default,
                    members: stored.map(|t| t.members.clone()).unwrap_or_default(),
                    created_at: stored.map_or(at, |t| t.created_at),
                    updated_at: stored.map_or(at, |t| t.updated_at),
                };
                Ok(stamped(team, stored, |t| t.updated_at = at))
            },
        )?;
        if let Some(default) = listed.iter().find(|t| t.default) {
            for team in &mut next.teams {
                let is_default = team.key == default.key;
                if team.default != is_default {
                    team.default = is_default;
                    team.updated_at = at;
                }
            }
        }
    }

    // Membership: the document decides for the operators and teams it lists;
    // the rest keep theirs, as long as both ends remain.
    let pairs: BTreeSet<(String, String)> =
        crate::domain::plan::memberships_after(super::change::memberships(current), desired)
            .into_iter()
            .filter(|(handle, team)| next.operator(handle).is_some() && next.team(team).is_some())
            .collect();
    super::change::set_memberships_at(&mut next, &pairs, at);

    if let Some(listed) = &desired.ticket_fields {
        next.fields = lay_over(
            &current.fields,
            listed,
            prune,
            |f| f.key.clone(),
            |s| s.key.clone(),
            |index, spec, stored| {
                if let Some(stored) = stored
                    && stored.field_type != spec.field_type
                {
                    // Values already on tickets were converted to the old type.
                    return Err(Refusal::conflict(
                        "field_type_change",
                        format!(
                            "ticket field '{}' cannot change its type; remove it and add it \
                             again under a new key",
                            spec.key
                        ),
                    )
                    .at(format!("ticket-fields[{index}].type")));
                }
                let field = TicketField {
                    key: spec.key.clone(),
                    name: spec.name.clone(),
                    field_type: spec.field_type,
                    options: spec.options.clone(),
                    created_at: stored.map_or(at, |f| f.created_at),
                    updated_at: stored.map_or(at, |f| f.updated_at),
                };
                Ok(stamped(field, stored, |f| f.updated_at = at))
            },
        )?;
    }

    if let Some(value) = &desired.assignment {
        next.assignment = value.clone();
    }
    if let Some(value) = &desired.business_hours {
        next.business_hours = value.clone();
    }
    if let Some(value) = &desired.notifications {
        next.notifications = value.clone();
    }
    if let Some(value) = &desired.handoff {
        next.handoff = value.clone();
    }
    if let Some(email) = &desired.email {
        next.email = SmtpConfig {
            host: email.host.clone(),
            port: email.port,
            username: email.username.clone(),
            password: email
                .password
                .as_ref()
                .map(|s| value_of(s, current.email.password.as_deref())),
            tls: email.tls,
            from: email.from.clone(),
        };
    }
    if let Some(delivery) = &desired.delivery {
        next.delivery = WebhookConfig {
            url: delivery.url.clone(),
            secret: delivery
                .secret
                .as_ref()
                .map(|s| value_of(s, current.delivery.secret.as_deref())),
        };
    }

    if let Some(rules) = &desired.rules {
        let mut lay_rules = |kind: RuleKind, listed: Vec<Rule>| {
            let existing = current.rules(kind);
            let mut result: Vec<Rule> = listed
                .into_iter()
                .enumerate()
                .map(|(index, mut rule)| {
                    // Rules keep their ids by position.
                    rule.id = existing
                        .get(index)
                        .map_or_else(&mut *new_id, |r| r.id.clone());
                    rule
                })
                .collect();
            if !prune {
                result.extend(existing.iter().skip(result.len()).cloned());
            }
            for (index, rule) in result.iter_mut().enumerate() {
                rule.position = index as u32 + 1;
            }
            *next.rules_mut(kind) = result;
        };
        if let Some(listed) = &rules.priority {
            let listed = listed
                .iter()
                .map(|spec| Rule {
                    id: String::new(),
                    kind: RuleKind::Priority,
                    position: 0,
                    name: spec.name.clone(),
                    match_mode: spec.match_mode,
                    conditions: spec.conditions.clone(),
                    priority: Some(spec.priority),
                    team: None,
                })
                .collect();
            lay_rules(RuleKind::Priority, listed);
        }
        if let Some(listed) = &rules.assignment {
            let listed = listed
                .iter()
                .map(|spec| Rule {
                    id: String::new(),
                    kind: RuleKind::Assignment,
                    position: 0,
                    name: spec.name.clone(),
                    match_mode: spec.match_mode,
                    conditions: spec.conditions.clone(),
                    priority: None,
                    team: Some(spec.team.clone()),
                })
                .collect();
            lay_rules(RuleKind::Assignment, listed);
        }
    }

    if let Some(listed) = &desired.integrations {
        next.integrations = lay_over(
            &current.integrations,
            listed,
            prune,
            |i| i.kind().to_string(),
            |s| s.kind.to_string(),
            |_, spec, stored| {
                let connection = connection(spec, stored.map(|i| &i.connection));
                Ok(match stored {
                    Some(record) if record.connection == connection => record.clone(),
                    Some(record) => super::IntegrationRecord {
                        connection,
                        status: crate::api::IntegrationStatus::Untested,
                        last_test: record.last_test.clone(),
                        created_at: record.created_at,
                        updated_at: at,
                    },
                    None => super::IntegrationRecord {
                        connection,
                        status: crate::api::IntegrationStatus::Untested,
                        last_test: None,
                        created_at: at,
                        updated_at: at,
                    },
                })
            },
        )?;
    }

    if let Some(listed) = &desired.agents {
        next.agents = lay_over(
            &current.agents,
            listed,
            prune,
            |a| a.key.clone(),
            |s| s.key.clone(),
            |_, spec, stored| {
                let agent = crate::api::Agent {
                    key: spec.key.clone(),
                    name: spec.name.clone(),
                    handover: spec.handover.clone(),
                    created_at: stored.map_or(at, |a| a.created_at),
                    updated_at: stored.map_or(at, |a| a.updated_at),
                };
                Ok(stamped(agent, stored, |a| a.updated_at = at))
            },
        )?;
    }
    references_hold(&next)?;
    Ok(next)
}

/// Refuses a workspace whose references broke on the way (a pruned team that a
/// rule the document leaves alone still routes to, a pruned integration an
/// action still sends to), with the message the single-resource command gives,
/// so a plan already shows what apply would refuse.
fn references_hold(next: &Snapshot) -> Result<(), crate::domain::Refusal> {
    use crate::domain::Refusal;
    let teams: Vec<&str> = next.teams.iter().map(|t| t.key.as_str()).collect();
    let mut orphaned: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for rule in &next.assignment_rules {
        if let Some(team) = rule.team.as_deref()
            && !teams.contains(&team)
        {
            orphaned
                .entry(team)
                .or_default()
                .push(rule.position.to_string());
        }
    }
    if let Some((key, positions)) = orphaned.into_iter().next() {
        return Err(Refusal::conflict(
            "team_in_use",
            format!(
                "team '{key}' is the target of assignment rule {}; remove or change the rule first",
                positions.join(", ")
            ),
        )
        .at("teams"));
    }
    let connected = next.connected_kinds();
    for agent in &next.agents {
        if let Some(action) = &agent.handover
            && action.platform != crate::domain::platform::INBOX
            && !connected.contains(&action.platform)
        {
            return Err(Refusal::conflict(
                "integration_in_use",
                format!(
                    "the handover actions of {} send tickets to {}: set their platform to \
                     another one first (such as `inbox`)",
                    agent.key, action.platform
                ),
            )
            .at("integrations"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEALED: &str = "sealed:v1:0badc0de:AAAA";
    const REFERENCE: &str = "${env:SMTP_PASSWORD}";
    const WHY: &str = "the secret email.password is sealed with key 0badc0de, which is not at hand";

    /// A document setting the email password to `value`, resolved.
    fn setting_password(value: &str) -> DeskDocument {
        serde_json::from_value(serde_json::json!({
            "apiVersion": "deskctl/v1",
            "kind": "Desk",
            "email": {"host": "smtp.example.com", "password": value},
        }))
        .unwrap()
    }

    /// A workspace whose password no key at hand opens, applied from
    /// [`REFERENCE`], on a desk of its own or where replicas hold its key
    /// (`key_elsewhere`).
    fn sealed_away_with(key_elsewhere: bool) -> Snapshot {
        let mut current = Snapshot::empty();
        current.email.host = Some("smtp.example.com".into());
        current.email.password = Some(SEALED.into());
        current
            .secret_references
            .insert(EMAIL_PASSWORD.into(), REFERENCE.into());
        let away = SealedAway {
            why: WHY.into(),
            key_elsewhere,
        };
        current.sealed_away.insert(EMAIL_PASSWORD.into(), away);
        current
    }

    fn sealed_away() -> Snapshot {
        sealed_away_with(false)
    }

    #[test]
    fn the_email_section_is_trimmed_as_email_set_trims_it() {
        let document: DeskDocument = serde_json::from_value(serde_json::json!({
            "apiVersion": "deskctl/v1",
            "kind": "Desk",
            "email": {"host": " smtp.example.com ", "username": "  ", "from": " Desk <desk@example.com>\n"},
        }))
        .unwrap();
        assert!(check(&document, &Snapshot::empty(), false).is_err());
        let document = normalize(document);
        let email = document.email.as_ref().unwrap();
        assert_eq!(email.host.as_deref(), Some("smtp.example.com"));
        assert_eq!(email.username, None);
        assert_eq!(email.from.as_deref(), Some("Desk <desk@example.com>"));
        check(&document, &Snapshot::empty(), false).unwrap();
    }

    #[test]
    fn a_change_sealing_over_a_key_other_replicas_hold_is_refused_as_apply_is() {
        let refusal = |key_elsewhere: bool, sealing: &Sealing, password: Option<&str>| {
            let mut next = sealed_away_with(key_elsewhere);
            let before = secret_values(&mut next);
            next.email.password = password.map(str::to_string);
            next.email.host = Some("smtp2.example.com".into());
            refuse_sealing_elsewhere_keys(&before, &next, sealing)
        };
        match refusal(true, &shared(), Some("new")) {
            Err(crate::domain::Refusal::Conflict { code, detail }) => {
                assert_eq!(code, "secret_key_elsewhere");
                assert_eq!(detail, format!("email.password cannot be set here: {WHY}"));
            }
            other => panic!("{other:?}"),
        }
        // Kept, or removed: nothing is sealed.
        assert!(refusal(true, &shared(), Some(SEALED)).is_ok());
        assert!(refusal(true, &shared(), None).is_ok());
        // A desk of its own, or a key lost everywhere: entering it again mends it.
        assert!(refusal(false, &shared(), Some("new")).is_ok());
        assert!(refusal(true, &Sealing::Alone, Some("new")).is_ok());
    }

    #[test]
    fn a_secret_a_change_replaces_forgets_its_reference_and_no_other_does() {
        let mut workspace = Snapshot::empty();
        workspace.email.password = Some("old".into());
        workspace.delivery.secret = Some("kept".into());
        for key in [EMAIL_PASSWORD, DELIVERY_SECRET] {
            workspace
                .secret_references
                .insert(key.into(), format!("${{env:{key}}}"));
        }
        let before = secret_values(&mut workspace);
        workspace.email.password = Some("new".into());
        forget_replaced_references(&before, &mut workspace);
        assert_eq!(
            workspace.secret_references.keys().collect::<Vec<_>>(),
            [DELIVERY_SECRET]
        );
        // A secret set where none was has no reference to keep either.
        workspace.delivery.secret = None;
        let before = secret_values(&mut workspace);
        workspace.delivery.secret = Some("new".into());
        workspace
            .secret_references
            .insert(DELIVERY_SECRET.into(), "${env:STALE}".into());
        forget_replaced_references(&before, &mut workspace);
        assert!(workspace.secret_references.is_empty());
    }

    /// [`prepare_secrets`] with the references resolved, as `apply` sends them.
    fn prepare(
        document: DeskDocument,
        current: &Snapshot,
        references: &BTreeMap<String, String>,
        sealing: &Sealing,
    ) -> Result<PreparedSecrets, Invalid> {
        prepare_secrets(document, current, references, sealing, SecretsGiven::Values)
    }

    fn referenced(reference: &str) -> BTreeMap<String, String> {
        BTreeMap::from([(EMAIL_PASSWORD.to_string(), reference.to_string())])
    }

    fn password(prepared: &PreparedSecrets) -> &SecretValue {
        prepared
            .document
            .email
            .as_ref()
            .unwrap()
            .password
            .as_ref()
            .unwrap()
    }

    fn shared() -> Sealing {
        Sealing::Shared {
            key: "5ca1ab1e".into(),
        }
    }

    #[test]
    fn a_secret_no_key_opens_named_as_applied_is_kept_where_entering_it_again_is_not_safe() {
        let current = sealed_away();
        for sealing in [
            shared(),
            Sealing::NoKey("no key to seal secrets with".into()),
        ] {
            let prepared = prepare(
                setting_password("new-or-old-who-knows"),
                &current,
                &referenced(REFERENCE),
                &sealing,
            )
            .unwrap();
            // The stored one's fingerprint: no change to plan, kept on apply.
            assert_eq!(
                password(&prepared),
                &fingerprinted(SEALED, &current.fingerprints),
                "{sealing:?}"
            );
            let [warning] = prepared.warnings.as_slice() else {
                panic!("{:?}", prepared.warnings)
            };
            assert!(
                warning.starts_with("email.password: kept as stored, not compared")
                    && warning.ends_with(WHY),
                "{warning}"
            );
            assert!(!warning.contains("new-or-old"), "{warning}");
        }
    }

    /// `diff --skip-secrets`: references come as written. One naming the
    /// reference the stored secret was applied from plans no change; another,
    /// or one for a secret stored without a reference, plans a change; none
    /// stored plans an addition. Each stored one is warned of, never valued.
    #[test]
    fn references_left_as_written_are_planned_by_their_reference() {
        let mut current = Snapshot::empty();
        current.email.host = Some("smtp.example.com".into());
        current.email.password = Some("the-stored-password".into());
        current
            .secret_references
            .insert(EMAIL_PASSWORD.into(), REFERENCE.into());
        let by_reference = |current: &Snapshot, written: &str| {
            prepare_secrets(
                setting_password(written),
                current,
                &referenced(written),
                &shared(),
                SecretsGiven::References,
            )
            .unwrap()
        };

        let same = by_reference(&current, REFERENCE);
        assert_eq!(
            password(&same),
            &fingerprinted("the-stored-password", &current.fingerprints)
        );
        let [warning] = same.warnings.as_slice() else {
            panic!("{:?}", same.warnings)
        };
        assert!(
            warning.starts_with("email.password: secrets skipped: planned as unchanged"),
            "{warning}"
        );

        let other = by_reference(&current, "${env:NEW_SMTP_PASSWORD}");
        assert_eq!(password(&other).expose(), "${env:NEW_SMTP_PASSWORD}");
        let [warning] = other.warnings.as_slice() else {
            panic!("{:?}", other.warnings)
        };
        assert!(
            warning.contains("planned as changed")
                && warning.contains(&format!("applied from {REFERENCE}"))
                && warning.contains("${env:NEW_SMTP_PASSWORD}"),
            "{warning}"
        );

        let mut unreferenced = current.clone();
        unreferenced.secret_references.clear();
        let set_directly = by_reference(&unreferenced, REFERENCE);
        assert!(
            set_directly.warnings[0].contains("not applied from a reference"),
            "{:?}",
            set_directly.warnings
        );

        let mut nothing_stored = current.clone();
        nothing_stored.email.password = None;
        let added = by_reference(&nothing_stored, REFERENCE);
        assert!(added.warnings.is_empty(), "{:?}", added.warnings);
        for prepared in [same, other, set_directly, added] {
            assert!(
                !format!("{:?}", prepared.warnings).contains("the-stored-password"),
                "{:?}",
                prepared.warnings
            );
        }

        // Resolved is the default: a reference left is refused there.
        let refused = prepare(
            setting_password(REFERENCE),
            &current,
            &referenced(REFERENCE),
            &shared(),
        )
        .unwrap_err();
        assert!(refused.0[0].message.contains("unresolved"), "{refused:?}");
    }

    /// `diff --skip-secrets` on a document of several secrets: one warning for
    /// those planned as unchanged, one for those planned as changed, each
    /// naming every secret it is about and no value.
    #[test]
    fn secrets_planned_by_their_reference_are_warned_of_together() {
        const HOOK: &str = "${env:HOOK}";
        let mut current = Snapshot::empty();
        current.email.host = Some("smtp.example.com".into());
        current.email.password = Some("the-stored-password".into());
        current.delivery.url = Some("https://hooks.example.com/desk".into());
        current.delivery.secret = Some("the-stored-hook-secret".into());
        let mut document = setting_password(REFERENCE);
        document.delivery = Some(
            serde_json::from_value(serde_json::json!({
                "url": "https://hooks.example.com/desk", "secret": HOOK,
            }))
            .unwrap(),
        );
        let references = BTreeMap::from([
            (EMAIL_PASSWORD.to_string(), REFERENCE.to_string()),
            (DELIVERY_SECRET.to_string(), HOOK.to_string()),
        ]);
        let plan = |current: &Snapshot| {
            prepare_secrets(
                document.clone(),
                current,
                &references,
                &shared(),
                SecretsGiven::References,
            )
            .unwrap()
            .warnings
        };

        let mut applied = current.clone();
        applied.secret_references = references.clone();
        let [warning] = plan(&applied)
            .try_into()
            .unwrap_or_else(|w| panic!("{w:?}"));
        assert_eq!(
            warning,
            "secrets skipped: 2 planned as unchanged, as each was applied from the reference \
             the document names, but their values were not compared: email.password, \
             delivery.secret"
        );

        let [warning] = plan(&current)
            .try_into()
            .unwrap_or_else(|w| panic!("{w:?}"));
        assert!(
            warning.starts_with("secrets skipped: 2 planned as changed")
                && warning.contains("email.password (the stored secret was not applied")
                && warning.contains("delivery.secret (the stored secret was not applied")
                && warning.contains(HOOK),
            "{warning}"
        );
        assert!(!warning.contains("the-stored"), "{warning}");
    }

    #[test]
    fn on_a_desk_of_its_own_the_document_enters_a_secret_no_key_opens_again() {
        let prepared = prepare(
            setting_password("entered-again"),
            &sealed_away(),
            &referenced(REFERENCE),
            &Sealing::Alone,
        )
        .unwrap();
        assert_eq!(password(&prepared).expose(), "entered-again");
        assert!(prepared.warnings.is_empty(), "{:?}", prepared.warnings);
    }

    /// A replica given the wrong key, like one given none: the secret named
    /// as applied is kept; a new value is planned with why it cannot be
    /// applied here and refused, since sealed under this replica's key it
    /// would stop working on every replica holding the right one.
    #[test]
    fn where_replicas_hold_its_key_a_new_value_for_a_secret_no_key_opens_is_refused() {
        let current = sealed_away_with(true);
        let kept = prepare(
            setting_password("new-or-old-who-knows"),
            &current,
            &referenced(REFERENCE),
            &shared(),
        )
        .unwrap();
        assert_eq!(
            password(&kept),
            &fingerprinted(SEALED, &current.fingerprints)
        );
        assert!(kept.not_here.is_empty(), "{:?}", kept.not_here);
        assert!(kept.applicable_here().is_ok());

        for (references, value) in [
            // Another reference, as an export names a secret set by
            // `delivery set`: none recorded.
            (referenced("${env:NEW_SMTP_PASSWORD}"), "a-new-password"),
            (BTreeMap::new(), "a-new-password"),
        ] {
            let prepared =
                prepare(setting_password(value), &current, &references, &shared()).unwrap();
            // Planned as the change it is, with why it is refused.
            assert_eq!(password(&prepared).expose(), value);
            let refused = format!("email.password cannot be applied here: {WHY}");
            assert_eq!(prepared.warnings, std::slice::from_ref(&refused));
            assert_eq!(prepared.not_here, std::slice::from_ref(&refused));
            match prepared.applicable_here() {
                Err(crate::domain::Refusal::Conflict { code, detail }) => {
                    assert_eq!(code, "secret_key_elsewhere");
                    assert_eq!(detail, refused);
                }
                other => panic!("{other:?}"),
            }
        }

        // A reference left unresolved is still an error in the document.
        let unresolved = prepare(
            setting_password("${env:NEW_SMTP_PASSWORD}"),
            &current,
            &BTreeMap::new(),
            &shared(),
        )
        .unwrap_err();
        assert!(
            unresolved.0[0].message.contains("unresolved"),
            "{unresolved:?}"
        );
    }

    /// One no replica's key opens (altered, or failing under the key at
    /// hand): the document's value replaces it, with a warning.
    #[test]
    fn another_reference_replaces_a_secret_no_key_opens_saying_under_which_key() {
        let prepared = prepare(
            setting_password("a-new-password"),
            &sealed_away(),
            &referenced("${env:NEW_SMTP_PASSWORD}"),
            &shared(),
        )
        .unwrap();
        assert_eq!(password(&prepared).expose(), "a-new-password");
        let [warning] = prepared.warnings.as_slice() else {
            panic!("{:?}", prepared.warnings)
        };
        assert!(
            warning.contains("sealed under key 5ca1ab1e")
                && warning.contains("replicas without that key"),
            "{warning}"
        );

        // A secret given in the document itself has no reference to match.
        let literal = prepare(
            setting_password("a-new-password"),
            &sealed_away(),
            &BTreeMap::new(),
            &shared(),
        )
        .unwrap();
        assert_eq!(password(&literal).expose(), "a-new-password");
    }

    #[test]
    fn without_a_key_a_secret_to_seal_is_warned_of_with_what_to_set() {
        let why = "no key to seal secrets with: set DESKCTL_SECRET_KEY";
        let no_key = Sealing::NoKey(why.into());
        let prepared = prepare(
            setting_password("a-new-password"),
            &sealed_away(),
            &referenced("${env:NEW_SMTP_PASSWORD}"),
            &no_key,
        )
        .unwrap();
        assert_eq!(
            prepared.warnings,
            [format!("email.password cannot be applied here: {why}")]
        );
        let mut nothing_stored = Snapshot::empty();
        nothing_stored.email.host = Some("smtp.example.com".into());
        let prepared = prepare(
            setting_password("a-new-password"),
            &nothing_stored,
            &referenced(REFERENCE),
            &no_key,
        )
        .unwrap();
        assert_eq!(prepared.warnings.len(), 1, "{:?}", prepared.warnings);

        // One stored open (from before sealing) still compares.
        let mut open = nothing_stored.clone();
        open.email.password = Some("the-password".into());
        let prepared = prepare(
            setting_password("the-password"),
            &open,
            &referenced(REFERENCE),
            &no_key,
        )
        .unwrap();
        assert!(prepared.warnings.is_empty(), "{:?}", prepared.warnings);
        assert_eq!(
            password(&prepared),
            &fingerprinted("the-password", &open.fingerprints)
        );
    }

    #[test]
    fn a_fingerprint_of_a_secret_no_key_opens_keeps_it_and_a_wrong_one_elsewhere_is_refused() {
        let current = sealed_away();
        let document = setting_password("${hmac:0123456789ab}");
        let prepared = prepare(
            document.clone(),
            &current,
            &BTreeMap::new(),
            &Sealing::Alone,
        )
        .unwrap();
        assert_eq!(
            password(&prepared),
            &fingerprinted(SEALED, &current.fingerprints)
        );
        assert_eq!(prepared.warnings.len(), 1);

        let mut opened = current.clone();
        opened.sealed_away.clear();
        opened.email.password = Some("the-password".into());
        let refused = prepare(document, &opened, &BTreeMap::new(), &Sealing::Alone).unwrap_err();
        assert!(
            refused.0[0].message.contains("does not match"),
            "{refused:?}"
        );
    }
}
