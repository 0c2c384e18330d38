//! The desired-state document on the service's side, as pure functions: the
//! live workspace as a document, the checks a document passes before it is
//! planned (the same ones single-resource writes pass, named by document path),
//! the normalization those writes apply, and secrets (fingerprints inside the
//! service, `${env:…}` references outside it).

use std::collections::{BTreeMap, BTreeSet};

use crate::api::{
    AgentSpec, AssignmentRuleSpec, DeliverySpec, DeskDocument, EmailSpec, FieldError,
    IntegrationKind, IntegrationPut, IntegrationSpec, OperatorSpec, Priority, PriorityRuleSpec,
    Rule, RulesSpec, SecretForm, SecretValue, TeamSpec, TicketFieldSpec,
};
use crate::domain::hours::Schedule;
use crate::domain::validate;
use crate::domain::validate::{Checks, check_field_options};
use crate::domain::workspace::Connection;
use crate::domain::workspace::SmtpConfig;
use crate::domain::workspace::Snapshot;
use crate::domain::workspace::WebhookConfig;
use crate::server::connectors;
use crate::server::delivery::fingerprint;
use crate::server::error::{ApiError, ApiResult};

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
/// `${sha256:…}` fingerprints (what plans compare against, never the values).
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
                    teams: Vec::new(),
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
                    members: t.members.clone(),
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
        email: owner.then(|| email_spec(&snapshot.email)),
        delivery: owner.then(|| delivery_spec(&snapshot.delivery)),
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
        integrations: owner.then(|| snapshot.integrations.iter().map(integration_spec).collect()),
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

/// A stored secret as plans see it: its `${sha256:…}` fingerprint.
fn fingerprinted(secret: &str) -> SecretValue {
    SecretValue::from_fingerprint(&fingerprint(secret))
}

fn stored_secret(secret: Option<&str>) -> Option<SecretValue> {
    secret.map(fingerprinted)
}

fn email_spec(config: &SmtpConfig) -> EmailSpec {
    EmailSpec {
        host: config.host.clone(),
        port: config.port,
        username: config.username.clone(),
        tls: config.tls,
        from: config.from.clone(),
        password: stored_secret(config.password.as_deref()),
    }
}

fn delivery_spec(config: &WebhookConfig) -> DeliverySpec {
    DeliverySpec {
        url: config.url.clone(),
        secret: stored_secret(config.secret.as_deref()),
    }
}

fn integration_spec(connection: &Connection) -> IntegrationSpec {
    IntegrationSpec {
        kind: connection.kind,
        settings: connection.settings.clone(),
        secrets: connection
            .secrets
            .iter()
            .map(|(name, value)| (name.clone(), fingerprinted(value)))
            .collect(),
        base_url: connection.base_url.clone(),
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

/// The live workspace as `export` writes it: stored secrets become
/// `${env:…}` references, so the document holds no secret and `apply` takes it
/// back unchanged once those variables hold the secrets.
pub fn exported_document(snapshot: &Snapshot, audience: Audience) -> DeskDocument {
    let mut document = current_document(snapshot, audience);
    let reference = |name: &str| SecretValue::new(format!("${{env:{name}}}"));
    if let Some(email) = document.email.as_mut()
        && email.password.is_some()
    {
        email.password = Some(reference(EMAIL_PASSWORD_ENV));
    }
    if let Some(delivery) = document.delivery.as_mut()
        && delivery.secret.is_some()
    {
        delivery.secret = Some(reference(DELIVERY_SECRET_ENV));
    }
    for integration in document.integrations.iter_mut().flatten() {
        let kind = integration.kind;
        for (name, secret) in &mut integration.secrets {
            *secret = reference(&integration_secret_env(kind, name));
        }
    }
    document
}

fn trim(text: &str) -> String {
    text.trim().to_string()
}

/// The document as single-resource writes would store it: names and options
/// trimmed, repeated keys dropped, handover actions normalized, days and
/// holidays in order. Comparing a normalized document with the live one shows
/// only real changes.
pub fn normalize(mut document: DeskDocument) -> DeskDocument {
    for operator in document.operators.iter_mut().flatten() {
        operator.name = trim(&operator.name);
        operator.teams = validate::dedup(std::mem::take(&mut operator.teams));
    }
    for team in document.teams.iter_mut().flatten() {
        team.name = trim(&team.name);
        team.members = validate::dedup(std::mem::take(&mut team.members));
    }
    for field in document.ticket_fields.iter_mut().flatten() {
        field.name = trim(&field.name);
        field.options = validate::trimmed(std::mem::take(&mut field.options));
    }
    if let Some(assignment) = document.assignment.as_mut() {
        validate::normalize_assignment(assignment);
    }
    if let Some(hours) = document.business_hours.as_mut() {
        hours.days.sort();
        hours.days.dedup();
        hours.holidays.sort();
        hours.holidays.dedup();
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
    fn check(&mut self, path: &str, result: Result<(), impl Into<ApiError>>) {
        if let Err(error) = result {
            self.0.extend(error.into().at_path(path).errors);
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

/// Every problem with a normalized document whose secrets are prepared, each named by its path (e.g.
/// `teams[1].members`): the checks of single-resource writes, keys listed
/// twice, one default team, and references that would not hold after
/// applying it over `current`.
pub fn check(document: &DeskDocument, current: &Snapshot, prune: bool) -> ApiResult<()> {
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
                    &operator.teams,
                ),
            );
            for (at, team) in operator.teams.iter().enumerate() {
                if !team_keys.contains(team.as_str()) {
                    problems.push(
                        format!("{path}.teams[{at}]"),
                        format!("team '{team}' does not exist and the document does not add it"),
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
                validate::check_new_team(&team.key, &team.name, &team.members),
            );
            for (at, handle) in team.members.iter().enumerate() {
                if !handles.contains(handle.as_str()) {
                    problems.push(
                        format!("{path}.members[{at}]"),
                        format!(
                            "operator '{handle}' does not exist and the document does not add them"
                        ),
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
            Schedule::from_settings(hours)
                .map(|_| ())
                .map_err(ApiError::validation),
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
                    format!(
                        "team '{}' does not exist and the document does not add it",
                        rule.team
                    ),
                );
            }
        }
    }

    if let Some(list) = &document.integrations {
        problems.unique("integrations", list.iter().map(|i| i.kind.as_str()));
        for (index, spec) in list.iter().enumerate() {
            let stored = current.integrations.iter().find(|c| c.kind == spec.kind);
            problems.check(
                &format!("integrations[{index}]"),
                check_connection(&connection(spec, stored)),
            );
        }
    }

    // The platforms handover actions may name once the document is applied.
    let connected = surviving(
        document
            .integrations
            .as_ref()
            .map(|i| i.iter().map(|i| i.kind.as_str())),
        current.integrations.iter().map(|c| c.kind.as_str()),
        prune,
    );
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
            .any(|c| c.kind.as_str() == platform);
        if connected_now && !connected.contains(platform) {
            problems.push(
                "integrations".into(),
                format!(
                    "--prune would disconnect {platform}, but the handover action of agent '{}' \
                     sends tickets there: list {platform} in `integrations`, or give the agent \
                     another platform in `agents`",
                    agent.key
                ),
            );
        }
    }
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

    if problems.0.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(problems.0))
    }
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
fn check_connection(connection: &Connection) -> ApiResult<()> {
    let put = IntegrationPut {
        settings: connection.settings.clone(),
        secrets: connection
            .secrets
            .iter()
            .map(|(name, value)| (name.clone(), Some(value.clone())))
            .collect(),
        base_url: connection.base_url.clone(),
        fields: connection.fields.clone(),
        priorities: connection.priorities.clone(),
    };
    connectors::merge(connection.kind, &put, None)
        .map(|_| ())
        .map_err(ApiError::validation)
}

/// The value a prepared secret stands for: a fingerprint stands for the
/// stored secret.
fn value_of(secret: &SecretValue, stored: Option<&str>) -> String {
    match (secret.form(), stored) {
        (SecretForm::Fingerprint(_), Some(stored)) => stored.to_string(),
        _ => secret.expose().to_string(),
    }
}

fn as_result(errors: Vec<FieldError>) -> ApiResult<()> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(errors))
    }
}

/// Readies the document's secrets for planning against `current`: a value
/// equal to the stored secret becomes its fingerprint (no change to plan); a
/// fingerprint must be the stored secret's; an unresolved `${env:…}` or
/// `${file:…}` reference is refused (the client resolves them).
pub fn prepare_secrets(mut document: DeskDocument, current: &Snapshot) -> ApiResult<DeskDocument> {
    let mut problems = Problems::default();
    if let Some(secret) = document.email.as_mut().and_then(|e| e.password.as_mut()) {
        let stored = current.email.password.as_deref();
        prepare_secret(secret, stored, "email.password", &mut problems);
    }
    if let Some(secret) = document.delivery.as_mut().and_then(|d| d.secret.as_mut()) {
        let stored = current.delivery.secret.as_deref();
        prepare_secret(secret, stored, "delivery.secret", &mut problems);
    }
    for (index, integration) in document.integrations.iter_mut().flatten().enumerate() {
        let connection = current
            .integrations
            .iter()
            .find(|c| c.kind == integration.kind);
        for (name, secret) in &mut integration.secrets {
            let stored = connection
                .and_then(|c| c.secrets.get(name))
                .map(String::as_str);
            let path = format!("integrations[{index}].secrets.{name}");
            prepare_secret(secret, stored, &path, &mut problems);
        }
    }
    if problems.0.is_empty() {
        Ok(document)
    } else {
        Err(ApiError::validation(problems.0))
    }
}

fn prepare_secret(
    secret: &mut SecretValue,
    stored: Option<&str>,
    path: &str,
    problems: &mut Problems,
) {
    let stored_print = stored.map(fingerprint);
    match secret.form() {
        SecretForm::Literal(text) => {
            if stored == Some(text) {
                *secret = fingerprinted(text);
            }
        }
        SecretForm::Fingerprint(print) => {
            if stored_print.as_deref() != Some(print) {
                problems.push(
                    path.into(),
                    "the fingerprint does not match the stored secret: give the secret itself",
                );
            }
        }
        SecretForm::Env(_) | SecretForm::File(_) | SecretForm::Malformed => problems.push(
            path.into(),
            "an unresolved secret reference: send the secret's value (deskctl resolves \
             ${env:…} and ${file:…} before sending)",
        ),
    }
}
