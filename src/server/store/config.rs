//! The whole workspace configuration at once: read as one snapshot with its
//! revision (export, plan), and changed to match a desired document in one
//! write transaction guarded by the revision it was planned against (apply).
//!
//! The per-table SQL stays in its own module; this one orders the calls so
//! references hold at every step (teams before members, rules before the
//! teams they stop naming are removed).

use std::collections::BTreeSet;

use sqlx::SqliteConnection;

use super::operators::NewOperator;
use super::rules::NewRule;
use super::settings::Section as Setting;
use super::teams::NewTeam;
use super::{Store, StoreError, StoreResult};
use crate::api::{
    Availability, ChangeAction, DeskDocument, OperatorUpdate, Plan, RuleKind, SecretForm,
    SecretValue, Section, TeamUpdate, TicketFieldCreate, TicketFieldUpdate,
};
use crate::domain::workspace::SmtpConfig;
use crate::domain::workspace::Snapshot;
use crate::domain::workspace::WebhookConfig;
use crate::server::document::{connection, memberships};

/// The workspace's configuration revision: every configuration change moves it
/// on (triggers in migrations 0008 and 0009), nothing else does.
pub(crate) async fn revision(conn: &mut SqliteConnection) -> StoreResult<u64> {
    let revision: i64 = sqlx::query_scalar("SELECT revision FROM workspace_revision WHERE id = 1")
        .fetch_one(&mut *conn)
        .await?;
    u64::try_from(revision).map_err(|_| StoreError::Corrupt(format!("revision {revision}")))
}

async fn snapshot(conn: &mut SqliteConnection) -> StoreResult<Snapshot> {
    Ok(Snapshot {
        revision: revision(conn).await?,
        operators: super::operators::all(conn).await?,
        teams: super::teams::all(conn).await?,
        fields: super::fields::all(conn).await?,
        assignment: super::settings::get(conn, Setting::Assignment).await?,
        business_hours: super::settings::get(conn, Setting::BusinessHours).await?,
        notifications: super::settings::get(conn, Setting::Notifications).await?,
        handoff: super::settings::get(conn, Setting::Handoff).await?,
        email: super::settings::get(conn, Setting::Email).await?,
        delivery: super::settings::get(conn, Setting::Delivery).await?,
        priority_rules: super::rules::fetch_rules(conn, RuleKind::Priority).await?,
        assignment_rules: super::rules::fetch_rules(conn, RuleKind::Assignment).await?,
        agents: super::agents::all(conn).await?,
        integrations: super::integrations::connections(conn).await?,
    })
}

/// What [`Store::apply_config`] did.
#[derive(Debug, Clone)]
pub struct Applied {
    pub plan: Plan,
    /// The revision after the transaction.
    pub revision: u64,
}

impl Store {
    /// The current configuration revision.
    pub async fn revision(&self) -> StoreResult<u64> {
        let mut conn = self.pool().acquire().await?;
        revision(&mut conn).await
    }

    /// The whole configuration, as one consistent snapshot.
    pub async fn config_snapshot(&self) -> StoreResult<Snapshot> {
        let mut tx = self.pool().begin().await?;
        let snapshot = snapshot(&mut tx).await?;
        tx.commit().await?;
        Ok(snapshot)
    }

    /// Makes the workspace match a desired document in one transaction, if its
    /// revision is still `expected`: `decide` turns the workspace as the
    /// transaction sees it into the desired document and the plan to get
    /// there, and exactly the plan's changes are made, each resource taken
    /// whole from the document. On any error nothing is written.
    pub async fn apply_config<E: From<StoreError>>(
        &self,
        expected: u64,
        decide: impl FnOnce(&Snapshot) -> Result<(DeskDocument, Plan), E>,
    ) -> Result<Applied, E> {
        let mut tx = self.write().await?;
        let current = snapshot(&mut tx).await?;
        if current.revision != expected {
            return Err(StoreError::StaleRevision {
                expected,
                current: current.revision,
            }
            .into());
        }
        let (desired, plan) = decide(&current)?;
        if plan.has_changes() {
            carry_out(&mut tx, &current, &desired, &plan).await?;
        }
        let revision = revision(&mut tx).await?;
        tx.commit().await?;
        Ok(Applied { plan, revision })
    }
}

/// The keys each action touches in one section of a plan.
#[derive(Debug, Default)]
struct Touched<'a> {
    add: BTreeSet<&'a str>,
    change: BTreeSet<&'a str>,
    remove: BTreeSet<&'a str>,
}

impl<'a> Touched<'a> {
    fn of(plan: &'a Plan, section: Section) -> Self {
        let mut touched = Touched::default();
        for change in plan
            .sections
            .iter()
            .filter(|s| s.section == section)
            .flat_map(|s| &s.changes)
        {
            let key = change.resource.as_str();
            match change.action {
                ChangeAction::Add => touched.add.insert(key),
                ChangeAction::Change => touched.change.insert(key),
                ChangeAction::Remove => touched.remove.insert(key),
                ChangeAction::Unmanaged => false,
            };
        }
        touched
    }

    fn any(&self) -> bool {
        !(self.add.is_empty() && self.change.is_empty() && self.remove.is_empty())
    }
}

/// Names the document path of the resource a store error is about.
fn at(path: String) -> impl FnOnce(StoreError) -> StoreError {
    move |error| StoreError::AtPath {
        path,
        source: Box::new(error),
    }
}

/// Writes the changes `plan` lists, taking each resource whole from `desired`.
async fn carry_out(
    conn: &mut SqliteConnection,
    current: &Snapshot,
    desired: &DeskDocument,
    plan: &Plan,
) -> StoreResult<()> {
    let members = memberships(desired);
    let teams = Touched::of(plan, Section::Teams);
    let operators = Touched::of(plan, Section::Operators);

    // Teams first, empty: operators and rules refer to them.
    for (index, team) in desired.teams.iter().flatten().enumerate() {
        let key = team.key.as_str();
        let path = || format!("teams[{index}]");
        if teams.add.contains(key) {
            let new = NewTeam {
                key: team.key.clone(),
                name: team.name.clone(),
                default: false,
                members: Vec::new(),
            };
            super::teams::insert(conn, &new).await.map_err(at(path()))?;
        } else if teams.change.contains(key) {
            let update = TeamUpdate {
                name: Some(team.name.clone()),
                ..TeamUpdate::default()
            };
            super::teams::update(conn, key, &update)
                .await
                .map_err(at(path()))?;
        }
    }

    for (index, operator) in desired.operators.iter().flatten().enumerate() {
        let handle = operator.handle.as_str();
        let path = || format!("operators[{index}]");
        if operators.add.contains(handle) {
            let new = NewOperator {
                handle: operator.handle.clone(),
                name: operator.name.clone(),
                email: operator.email.clone(),
                signature: operator.signature.clone(),
                role: operator.role,
                availability: Availability::Offline,
                teams: Vec::new(),
                capacity: operator.capacity,
            };
            super::operators::insert(conn, &new)
                .await
                .map_err(at(path()))?;
        } else if operators.change.contains(handle) {
            let update = OperatorUpdate {
                name: Some(operator.name.clone()),
                email: Some(operator.email.clone()),
                signature: Some(operator.signature.clone()),
                role: Some(operator.role),
                capacity: Some(operator.capacity),
                ..OperatorUpdate::default()
            };
            super::operators::update(conn, handle, &update)
                .await
                .map_err(at(path()))?;
        }
    }

    // Memberships once both ends exist: a team's members, then an operator's
    // teams among the teams the document does not list.
    for (index, team) in desired.teams.iter().flatten().enumerate() {
        let key = team.key.as_str();
        if !(teams.add.contains(key) || teams.change.contains(key)) {
            continue;
        }
        let update = TeamUpdate {
            members: Some(
                members
                    .get(key)
                    .into_iter()
                    .flatten()
                    .map(|h| h.to_string())
                    .collect(),
            ),
            ..TeamUpdate::default()
        };
        super::teams::update(conn, key, &update)
            .await
            .map_err(at(format!("teams[{index}].members")))?;
    }
    let listed_teams: BTreeSet<&str> = desired
        .teams
        .iter()
        .flatten()
        .map(|t| t.key.as_str())
        .collect();
    for (index, operator) in desired.operators.iter().flatten().enumerate() {
        let handle = operator.handle.as_str();
        if !(operators.add.contains(handle) || operators.change.contains(handle)) {
            continue;
        }
        let now_in: Vec<String> = current
            .operators
            .iter()
            .find(|o| o.handle == handle)
            .map(|o| o.teams.clone())
            .unwrap_or_default();
        // Teams the document lists already hold their desired members.
        let mut wanted: BTreeSet<String> = now_in
            .into_iter()
            .filter(|t| listed_teams.contains(t.as_str()))
            .collect();
        for team in &listed_teams {
            let is_member = members.get(*team).is_some_and(|m| m.contains(handle));
            if is_member {
                wanted.insert(team.to_string());
            } else {
                wanted.remove(*team);
            }
        }
        wanted.extend(
            operator
                .teams
                .iter()
                .filter(|t| !listed_teams.contains(t.as_str()))
                .cloned(),
        );
        let update = OperatorUpdate {
            teams: Some(wanted.into_iter().collect()),
            ..OperatorUpdate::default()
        };
        super::operators::update(conn, handle, &update)
            .await
            .map_err(at(format!("operators[{index}].teams")))?;
    }

    // The default team moves before any team is removed.
    if teams.any()
        && let Some((index, team)) = desired
            .teams
            .iter()
            .flatten()
            .enumerate()
            .find(|(_, t)| t.default)
        && !current.teams.iter().any(|t| t.key == team.key && t.default)
    {
        let update = TeamUpdate {
            default: Some(true),
            ..TeamUpdate::default()
        };
        super::teams::update(conn, &team.key, &update)
            .await
            .map_err(at(format!("teams[{index}].default")))?;
    }

    let fields = Touched::of(plan, Section::TicketFields);
    for (index, field) in desired.ticket_fields.iter().flatten().enumerate() {
        let key = field.key.as_str();
        let path = || format!("ticket-fields[{index}]");
        if fields.add.contains(key) {
            let new = TicketFieldCreate {
                key: field.key.clone(),
                name: field.name.clone(),
                field_type: field.field_type,
                options: field.options.clone(),
            };
            super::fields::insert(conn, &new)
                .await
                .map_err(at(path()))?;
        } else if fields.change.contains(key) {
            let existing = current.fields.iter().find(|f| f.key == key);
            if existing.is_some_and(|f| f.field_type != field.field_type) {
                // A field's type never changes in place: values already on
                // tickets were converted to the old one.
                return Err(at(format!("ticket-fields[{index}].type"))(
                    StoreError::Conflict {
                        code: "field_type_change",
                        detail: format!(
                            "ticket field '{key}' cannot change its type; remove it and add it again \
                             under a new key"
                        ),
                    },
                ));
            }
            let update = TicketFieldUpdate {
                name: Some(field.name.clone()),
                options: Some(field.options.clone()),
            };
            super::fields::update(conn, key, &update)
                .await
                .map_err(at(path()))?;
        }
    }

    write_settings(conn, current, desired, plan).await?;

    // Integrations before agents: a handover action may send tickets to a
    // platform the same document connects.
    let integrations = Touched::of(plan, Section::Integrations);
    for (index, spec) in desired.integrations.iter().flatten().enumerate() {
        let kind = spec.kind.as_str();
        if integrations.add.contains(kind) || integrations.change.contains(kind) {
            let stored = current.integrations.iter().find(|c| c.kind == spec.kind);
            super::integrations::save(conn, &connection(spec, stored))
                .await
                .map_err(at(format!("integrations[{index}]")))?;
        }
    }

    let agents = Touched::of(plan, Section::Agents);
    for (index, agent) in desired.agents.iter().flatten().enumerate() {
        let key = agent.key.as_str();
        let path = || format!("agents[{index}]");
        let existing = current.agents.iter().find(|a| a.key == key);
        if agents.add.contains(key) {
            super::agents::insert(conn, key, &agent.name)
                .await
                .map_err(at(path()))?;
        } else if agents.change.contains(key) && existing.is_some_and(|a| a.name != agent.name) {
            super::agents::rename(conn, key, &agent.name)
                .await
                .map_err(at(path()))?;
        }
        let action_differs = existing.map(|a| &a.handover) != Some(&agent.handover);
        if (agents.add.contains(key) || agents.change.contains(key)) && action_differs {
            super::agents::set_action(conn, key, agent.handover.as_ref())
                .await
                .map_err(at(path()))?;
        }
    }

    if let Some(rules) = &desired.rules {
        if let Some(priority) = &rules.priority
            && Touched::of(plan, Section::PriorityRules).any()
        {
            let new = priority
                .iter()
                .map(|rule| NewRule {
                    id: String::new(),
                    kind: RuleKind::Priority,
                    name: rule.name.clone(),
                    match_mode: rule.match_mode,
                    conditions: rule.conditions.clone(),
                    priority: Some(rule.priority),
                    team: None,
                    position: None,
                })
                .collect();
            super::rules::replace(conn, RuleKind::Priority, new, "rules.priority").await?;
        }
        if let Some(assignment) = &rules.assignment
            && Touched::of(plan, Section::AssignmentRules).any()
        {
            let new = assignment
                .iter()
                .map(|rule| NewRule {
                    id: String::new(),
                    kind: RuleKind::Assignment,
                    name: rule.name.clone(),
                    match_mode: rule.match_mode,
                    conditions: rule.conditions.clone(),
                    priority: None,
                    team: Some(rule.team.clone()),
                    position: None,
                })
                .collect();
            super::rules::replace(conn, RuleKind::Assignment, new, "rules.assignment").await?;
        }
    }

    // Removals last, dependents first: agents and fields, then the
    // integrations no action sends tickets to any more, operators, then teams
    // (no rule names them any more, and the default has moved).
    for key in &agents.remove {
        super::agents::delete(conn, key)
            .await
            .map_err(at(format!("agents: {key}")))?;
    }
    let unplugged = current
        .integrations
        .iter()
        .map(|c| c.kind)
        .filter(|kind| integrations.remove.contains(kind.as_str()));
    for kind in unplugged {
        super::integrations::delete(conn, kind)
            .await
            .map_err(at(format!("integrations: {kind}")))?;
    }
    for key in &fields.remove {
        super::fields::delete(conn, key)
            .await
            .map_err(at(format!("ticket-fields: {key}")))?;
    }
    for handle in &operators.remove {
        super::operators::delete(conn, handle)
            .await
            .map_err(at(format!("operators: {handle}")))?;
    }
    for key in &teams.remove {
        super::teams::delete(conn, key)
            .await
            .map_err(at(format!("teams: {key}")))?;
    }
    Ok(())
}

/// A secret as the document states it: absent removes it, the stored secret's
/// fingerprint keeps it, a value replaces it.
fn kept_or_new(desired: Option<&SecretValue>, stored: &Option<String>) -> Option<String> {
    let desired = desired?;
    match desired.form() {
        SecretForm::Fingerprint(_) => stored.clone(),
        _ => Some(desired.expose().to_string()),
    }
}

/// Replaces each settings section the plan changes, whole.
async fn write_settings(
    conn: &mut SqliteConnection,
    current: &Snapshot,
    desired: &DeskDocument,
    plan: &Plan,
) -> StoreResult<()> {
    let changed = |section| Touched::of(plan, section).any();
    if let Some(value) = desired
        .assignment
        .as_ref()
        .filter(|_| changed(Section::Assignment))
    {
        super::settings::put(conn, Setting::Assignment, value).await?;
    }
    if let Some(value) = desired
        .business_hours
        .as_ref()
        .filter(|_| changed(Section::BusinessHours))
    {
        let mut value = value.clone();
        // Week order and date order, as `PUT /v1/settings/business-hours` stores them.
        value.days.sort();
        value.holidays.sort();
        super::settings::put(conn, Setting::BusinessHours, &value).await?;
    }
    if let Some(value) = desired
        .notifications
        .as_ref()
        .filter(|_| changed(Section::Notifications))
    {
        super::settings::put(conn, Setting::Notifications, value).await?;
    }
    if let Some(value) = desired
        .handoff
        .as_ref()
        .filter(|_| changed(Section::Handoff))
    {
        super::settings::put(conn, Setting::Handoff, value).await?;
    }
    if let Some(email) = desired.email.as_ref().filter(|_| changed(Section::Email)) {
        let value = SmtpConfig {
            host: email.host.clone(),
            port: email.port,
            username: email.username.clone(),
            password: kept_or_new(email.password.as_ref(), &current.email.password),
            tls: email.tls,
            from: email.from.clone(),
        };
        super::settings::put(conn, Setting::Email, &value).await?;
    }
    if let Some(delivery) = desired
        .delivery
        .as_ref()
        .filter(|_| changed(Section::Delivery))
    {
        let value = WebhookConfig {
            url: delivery.url.clone(),
            secret: kept_or_new(delivery.secret.as_ref(), &current.delivery.secret),
        };
        super::settings::put(conn, Setting::Delivery, &value).await?;
    }
    Ok(())
}
