//! Every single-resource change to the workspace, as a function from one
//! [`Snapshot`] to the next: the rules each change must keep (one default
//! team, an owner left, references that hold, a platform no action uses) are
//! decided here, so the store only writes the difference, and a change made
//! through the API and the same change made by a document behave alike.
//!
//! Each function changes `workspace` in place or refuses, leaving it as it
//! was. Fields are checked before (see [`crate::domain::validate`]).

use std::collections::{BTreeMap, BTreeSet};

use jiff::Timestamp;

use super::{Connection, IntegrationRecord, Snapshot};
use crate::api::{
    Agent, Availability, Condition, HandoverAction, IntegrationKind, IntegrationStatus, MatchMode,
    Operator, OperatorUpdate, Priority, Role, Rule, RuleKind, Team, TeamUpdate, TicketField,
    TicketFieldCreate, TicketFieldUpdate,
};
use crate::domain::Refusal;

/// A validated operator to add.
#[derive(Debug, Clone)]
pub struct NewOperator {
    pub handle: String,
    pub name: String,
    pub email: String,
    pub signature: Option<String>,
    pub role: Role,
    pub availability: Availability,
    pub teams: Vec<String>,
    pub capacity: Option<u32>,
}

/// A validated team to add.
#[derive(Debug, Clone)]
pub struct NewTeam {
    pub key: String,
    pub name: String,
    pub default: bool,
    pub members: Vec<String>,
}

/// A validated rule to add.
#[derive(Debug, Clone)]
pub struct NewRule {
    pub id: String,
    pub kind: RuleKind,
    pub name: Option<String>,
    pub match_mode: MatchMode,
    pub conditions: Vec<Condition>,
    pub priority: Option<Priority>,
    pub team: Option<String>,
    /// 1-based; `None` or past the end appends.
    pub position: Option<u32>,
}

/// Inserts `item` keeping `list` sorted by `key`.
fn insert_sorted<T, K: Ord>(list: &mut Vec<T>, item: T, key: impl Fn(&T) -> K) {
    let at = list.partition_point(|existing| key(existing) < key(&item));
    list.insert(at, item);
}

fn operator_mut<'a>(
    workspace: &'a mut Snapshot,
    handle: &str,
) -> Result<&'a mut Operator, Refusal> {
    workspace
        .operators
        .iter_mut()
        .find(|o| o.handle == handle)
        .ok_or_else(|| Refusal::not_found("operator", handle))
}

fn team_mut<'a>(workspace: &'a mut Snapshot, key: &str) -> Result<&'a mut Team, Refusal> {
    workspace
        .teams
        .iter_mut()
        .find(|t| t.key == key)
        .ok_or_else(|| Refusal::not_found("team", key))
}

fn field_mut<'a>(workspace: &'a mut Snapshot, key: &str) -> Result<&'a mut TicketField, Refusal> {
    workspace
        .fields
        .iter_mut()
        .find(|f| f.key == key)
        .ok_or_else(|| Refusal::not_found("ticket field", key))
}

fn agent_mut<'a>(workspace: &'a mut Snapshot, key: &str) -> Result<&'a mut Agent, Refusal> {
    workspace
        .agents
        .iter_mut()
        .find(|a| a.key == key)
        .ok_or_else(|| Refusal::not_found("agent", key))
}

/// Every (operator, team) membership of the workspace.
pub fn memberships(workspace: &Snapshot) -> BTreeSet<(String, String)> {
    workspace
        .teams
        .iter()
        .flat_map(|team| {
            team.members
                .iter()
                .map(|handle| (handle.clone(), team.key.clone()))
        })
        .collect()
}

/// Makes every team's members and every operator's teams read `pairs`.
pub fn set_memberships(workspace: &mut Snapshot, pairs: &BTreeSet<(String, String)>) {
    let grouped = Memberships::of(pairs);
    for team in &mut workspace.teams {
        team.members = grouped.members(&team.key).map(str::to_string).collect();
    }
    for operator in &mut workspace.operators {
        operator.teams = grouped
            .teams(&operator.handle)
            .map(str::to_string)
            .collect();
    }
}

/// [`set_memberships`], stamping `at` on every operator and team whose
/// memberships it changed: joining or leaving a team changes both ends.
pub fn set_memberships_at(
    workspace: &mut Snapshot,
    pairs: &BTreeSet<(String, String)>,
    at: Timestamp,
) {
    let teams_before: Vec<Vec<String>> = workspace
        .operators
        .iter()
        .map(|o| o.teams.clone())
        .collect();
    let members_before: Vec<Vec<String>> =
        workspace.teams.iter().map(|t| t.members.clone()).collect();
    set_memberships(workspace, pairs);
    for (operator, was) in workspace.operators.iter_mut().zip(&teams_before) {
        if operator.teams != *was {
            operator.updated_at = at;
        }
    }
    for (team, was) in workspace.teams.iter_mut().zip(&members_before) {
        if team.members != *was {
            team.updated_at = at;
        }
    }
}

/// Only an owner changes an owner: an owner's address receives the owners'
/// alerts and replies go out under their name, and taking them off a team or
/// off new tickets is as much a change to them as editing their profile.
/// Unless `by_owner`, refuses a change that leaves an owner of `before`
/// different in `after` (in anything but when they were last changed) or
/// gone, whichever path it came by: an operator's own page, a team's
/// members, a removed team, a document.
pub fn only_owners_change_owners(
    by_owner: bool,
    before: &Snapshot,
    after: &Snapshot,
) -> Result<(), Refusal> {
    if by_owner {
        return Ok(());
    }
    let changed = before
        .operators
        .iter()
        .filter(|operator| operator.role == Role::Owner)
        .find(|owner| {
            after.operator(&owner.handle).is_none_or(|now| {
                let restamped = Operator {
                    updated_at: owner.updated_at,
                    ..now.clone()
                };
                restamped != **owner
            })
        });
    match changed {
        Some(owner) => Err(owner_refused(&owner.handle)),
        None => Ok(()),
    }
}

/// Unless `by_owner`, refuses a change asked of operator `handle` when
/// `workspace` has them as an owner, whatever it would change: one that would
/// change nothing is refused as one that would change something is
/// ([`only_owners_change_owners`]), so that the answer does not depend on
/// whether the caller guessed the owner's current details.
pub fn only_owners_change_owner(
    by_owner: bool,
    workspace: &Snapshot,
    handle: &str,
) -> Result<(), Refusal> {
    match workspace.operator(handle) {
        Some(operator) if !by_owner && operator.role == Role::Owner => Err(owner_refused(handle)),
        _ => Ok(()),
    }
}

fn owner_refused(handle: &str) -> Refusal {
    Refusal::Forbidden(format!(
        "'{handle}' is an owner: only an owner may change an owner"
    ))
}

/// (operator, team) pairs grouped both ways, so that each team and each
/// operator finds its own without going through every pair (thousands of
/// operators would make that quadratic).
pub struct Memberships<'a> {
    members_by_team: BTreeMap<&'a str, Vec<&'a str>>,
    teams_by_operator: BTreeMap<&'a str, Vec<&'a str>>,
}

impl<'a> Memberships<'a> {
    pub fn of(pairs: &'a BTreeSet<(String, String)>) -> Self {
        let mut grouped = Self {
            members_by_team: BTreeMap::new(),
            teams_by_operator: BTreeMap::new(),
        };
        // In the set's order, so each list comes out sorted and without repeats.
        for (handle, team) in pairs {
            grouped
                .members_by_team
                .entry(team)
                .or_default()
                .push(handle);
            grouped
                .teams_by_operator
                .entry(handle)
                .or_default()
                .push(team);
        }
        grouped
    }

    /// A team's members, sorted.
    pub fn members(&self, team: &str) -> impl Iterator<Item = &'a str> + '_ {
        self.members_by_team
            .get(team)
            .into_iter()
            .flatten()
            .copied()
    }

    /// An operator's teams, sorted.
    pub fn teams(&self, handle: &str) -> impl Iterator<Item = &'a str> + '_ {
        self.teams_by_operator
            .get(handle)
            .into_iter()
            .flatten()
            .copied()
    }
}

fn require_team(workspace: &Snapshot, field: &str, key: &str) -> Result<(), Refusal> {
    match workspace.team(key) {
        Some(_) => Ok(()),
        None => Err(Refusal::UnknownReference {
            field: field.to_string(),
            what: "team",
            key: key.to_string(),
        }),
    }
}

fn require_operator(workspace: &Snapshot, field: &str, handle: &str) -> Result<(), Refusal> {
    match workspace.operator(handle) {
        Some(_) => Ok(()),
        None => Err(Refusal::UnknownReference {
            field: field.to_string(),
            what: "operator",
            key: handle.to_string(),
        }),
    }
}

/// Refuses to leave the workspace without an owner.
fn ensure_another_owner(workspace: &Snapshot, handle: &str, action: &str) -> Result<(), Refusal> {
    let others = workspace
        .operators
        .iter()
        .filter(|o| o.role == Role::Owner && o.handle != handle)
        .count();
    if others == 0 {
        return Err(Refusal::conflict(
            "last_owner",
            format!(
                "cannot {action} '{handle}': they are the only owner; make another operator an owner first"
            ),
        ));
    }
    Ok(())
}

/// Adds an operator with their team memberships; every team must exist.
pub fn add_operator(
    workspace: &mut Snapshot,
    new: NewOperator,
    at: Timestamp,
) -> Result<(), Refusal> {
    if workspace.operator(&new.handle).is_some() {
        return Err(Refusal::AlreadyExists {
            what: "operator",
            key: new.handle,
        });
    }
    for team in &new.teams {
        require_team(workspace, "teams", team)?;
    }
    let mut pairs = memberships(workspace);
    pairs.extend(new.teams.iter().map(|t| (new.handle.clone(), t.clone())));
    let operator = Operator {
        handle: new.handle,
        name: new.name,
        email: new.email,
        signature: new.signature,
        role: new.role,
        availability: new.availability,
        teams: Vec::new(),
        capacity: new.capacity,
        created_at: at,
        updated_at: at,
    };
    insert_sorted(&mut workspace.operators, operator, |o| o.handle.clone());
    set_memberships_at(workspace, &pairs, at);
    Ok(())
}

/// Changes the fields `update` names; the last owner keeps the owner role.
/// `teams`, when given, replaces the operator's teams.
pub fn update_operator(
    workspace: &mut Snapshot,
    handle: &str,
    update: &OperatorUpdate,
    at: Timestamp,
) -> Result<(), Refusal> {
    let current = operator_mut(workspace, handle)?.clone();
    if current.role == Role::Owner && update.role.is_some_and(|r| r != Role::Owner) {
        ensure_another_owner(workspace, handle, "change the role of")?;
    }
    if let Some(teams) = &update.teams {
        for team in teams {
            require_team(workspace, "teams", team)?;
        }
    }
    let operator = operator_mut(workspace, handle)?;
    if let Some(name) = &update.name {
        operator.name = name.clone();
    }
    if let Some(email) = &update.email {
        operator.email = email.clone();
    }
    if let Some(signature) = &update.signature {
        operator.signature = signature.clone();
    }
    if let Some(role) = update.role {
        operator.role = role;
    }
    if let Some(availability) = update.availability {
        operator.availability = availability;
    }
    if let Some(capacity) = update.capacity {
        operator.capacity = capacity;
    }
    if *operator != current {
        operator.updated_at = at;
    }
    if let Some(teams) = &update.teams {
        let mut pairs = memberships(workspace);
        pairs.retain(|(h, _)| h != handle);
        pairs.extend(teams.iter().map(|t| (handle.to_string(), t.clone())));
        set_memberships_at(workspace, &pairs, at);
    }
    Ok(())
}

/// Sets whether an operator takes new tickets: not configuration, but part of
/// what handoffs are decided against.
pub fn set_availability(
    workspace: &mut Snapshot,
    handle: &str,
    availability: Availability,
    at: Timestamp,
) -> Result<(), Refusal> {
    let operator = operator_mut(workspace, handle)?;
    if operator.availability != availability {
        operator.availability = availability;
        operator.updated_at = at;
    }
    Ok(())
}

/// Removes an operator with their memberships, unless they are the last owner.
pub fn remove_operator(
    workspace: &mut Snapshot,
    handle: &str,
    at: Timestamp,
) -> Result<(), Refusal> {
    let current = operator_mut(workspace, handle)?;
    if current.role == Role::Owner {
        ensure_another_owner(workspace, handle, "remove")?;
    }
    let mut pairs = memberships(workspace);
    pairs.retain(|(h, _)| h != handle);
    workspace.operators.retain(|o| o.handle != handle);
    set_memberships_at(workspace, &pairs, at);
    Ok(())
}

/// Adds a team with its members. The first team becomes the default; asking
/// for the default while another team is it is refused.
pub fn add_team(workspace: &mut Snapshot, new: NewTeam, at: Timestamp) -> Result<(), Refusal> {
    if workspace.team(&new.key).is_some() {
        return Err(Refusal::AlreadyExists {
            what: "team",
            key: new.key,
        });
    }
    if new.default
        && let Some(existing) = workspace.default_team()
    {
        return Err(Refusal::conflict(
            "default_team_exists",
            format!(
                "team '{existing}' is already the default team; there can be only one: \
                 create team {} as another, then make it the default",
                new.key
            ),
        ));
    }
    for handle in &new.members {
        require_operator(workspace, "members", handle)?;
    }
    // A workspace with teams always has a default: the first team is it.
    let first = workspace.default_team().is_none();
    let mut pairs = memberships(workspace);
    pairs.extend(new.members.iter().map(|h| (h.clone(), new.key.clone())));
    let team = Team {
        key: new.key,
        name: new.name,
        default: new.default || first,
        members: Vec::new(),
        created_at: at,
        updated_at: at,
    };
    insert_sorted(&mut workspace.teams, team, |t| t.key.clone());
    set_memberships_at(workspace, &pairs, at);
    Ok(())
}

/// Changes the fields `update` names; `default: true` moves the default here.
/// `members`, when given, replaces the team's members.
pub fn update_team(
    workspace: &mut Snapshot,
    key: &str,
    update: &TeamUpdate,
    at: Timestamp,
) -> Result<(), Refusal> {
    let current = team_mut(workspace, key)?.clone();
    if update.default == Some(false) && current.default {
        return Err(Refusal::conflict(
            "default_team_required",
            format!(
                "team '{key}' is the default team and one team must be; \
                 make another team the default instead"
            ),
        ));
    }
    if let Some(members) = &update.members {
        for handle in members {
            require_operator(workspace, "members", handle)?;
        }
    }
    if update.default == Some(true) && !current.default {
        for team in &mut workspace.teams {
            if team.default {
                team.default = false;
                team.updated_at = at;
            }
        }
    }
    let team = team_mut(workspace, key)?;
    if update.default == Some(true) {
        team.default = true;
    }
    if let Some(name) = &update.name {
        team.name = name.clone();
    }
    if *team != current {
        team.updated_at = at;
    }
    if let Some(members) = &update.members {
        let mut pairs = memberships(workspace);
        pairs.retain(|(_, t)| t != key);
        pairs.extend(members.iter().map(|h| (h.clone(), key.to_string())));
        set_memberships_at(workspace, &pairs, at);
    }
    Ok(())
}

/// Removes a team, unless it is the default while other teams remain, or an
/// assignment rule routes to it.
pub fn remove_team(workspace: &mut Snapshot, key: &str, at: Timestamp) -> Result<(), Refusal> {
    let current = team_mut(workspace, key)?;
    if current.default && workspace.teams.len() > 1 {
        return Err(Refusal::conflict(
            "default_team_required",
            format!(
                "team '{key}' is the default team; make another team the default before \
                 removing it"
            ),
        ));
    }
    let positions: Vec<String> = workspace
        .assignment_rules
        .iter()
        .filter(|rule| rule.team.as_deref() == Some(key))
        .map(|rule| rule.position.to_string())
        .collect();
    if !positions.is_empty() {
        return Err(Refusal::conflict(
            "team_in_use",
            format!(
                "team '{key}' is the target of assignment rule {}; remove or change the rule first",
                positions.join(", ")
            ),
        ));
    }
    let mut pairs = memberships(workspace);
    pairs.retain(|(_, t)| t != key);
    workspace.teams.retain(|t| t.key != key);
    set_memberships_at(workspace, &pairs, at);
    Ok(())
}

pub fn add_field(
    workspace: &mut Snapshot,
    new: &TicketFieldCreate,
    at: Timestamp,
) -> Result<(), Refusal> {
    if workspace.field(&new.key).is_some() {
        return Err(Refusal::AlreadyExists {
            what: "ticket field",
            key: new.key.clone(),
        });
    }
    let field = TicketField {
        key: new.key.clone(),
        name: new.name.clone(),
        field_type: new.field_type,
        options: new.options.clone(),
        created_at: at,
        updated_at: at,
    };
    insert_sorted(&mut workspace.fields, field, |f| f.key.clone());
    Ok(())
}

/// Renames a field or replaces its options; its type never changes.
pub fn update_field(
    workspace: &mut Snapshot,
    key: &str,
    update: &TicketFieldUpdate,
    at: Timestamp,
) -> Result<(), Refusal> {
    let field = field_mut(workspace, key)?;
    let before = field.clone();
    if let Some(name) = &update.name {
        field.name = name.clone();
    }
    if let Some(options) = &update.options {
        field.options = options.clone();
    }
    if *field != before {
        field.updated_at = at;
    }
    Ok(())
}

pub fn remove_field(workspace: &mut Snapshot, key: &str) -> Result<(), Refusal> {
    field_mut(workspace, key)?;
    workspace.fields.retain(|f| f.key != key);
    Ok(())
}

/// Where a 1-based position lands in a list of `len` items.
fn insertion_index(position: Option<u32>, len: usize) -> usize {
    position
        .map(|p| (p.max(1) as usize - 1).min(len))
        .unwrap_or(len)
}

/// Numbers a rule list 1..n in its order.
fn renumber(rules: &mut [Rule]) {
    for (index, rule) in rules.iter_mut().enumerate() {
        rule.position = index as u32 + 1;
    }
}

fn rule_index(workspace: &Snapshot, kind: RuleKind, id: &str) -> Result<usize, Refusal> {
    workspace
        .rules(kind)
        .iter()
        .position(|r| r.id == id)
        .ok_or_else(|| Refusal::not_found("rule", id))
}

/// Adds a rule, last or at its position; an assignment rule's team must exist.
pub fn add_rule(workspace: &mut Snapshot, new: NewRule) -> Result<(), Refusal> {
    if let Some(team) = &new.team {
        require_team(workspace, "team", team)?;
    }
    let rules = workspace.rules_mut(new.kind);
    let at = insertion_index(new.position, rules.len());
    rules.insert(
        at,
        Rule {
            id: new.id,
            kind: new.kind,
            position: 0,
            name: new.name,
            match_mode: new.match_mode,
            conditions: new.conditions,
            priority: new.priority,
            team: new.team,
        },
    );
    renumber(rules);
    Ok(())
}

/// Moves a rule; positions past the end move it last.
pub fn move_rule(
    workspace: &mut Snapshot,
    kind: RuleKind,
    id: &str,
    position: u32,
) -> Result<(), Refusal> {
    let from = rule_index(workspace, kind, id)?;
    let rules = workspace.rules_mut(kind);
    let moved = rules.remove(from);
    let to = insertion_index(Some(position), rules.len());
    rules.insert(to, moved);
    renumber(rules);
    Ok(())
}

/// Removes a rule; the rules after it move up.
pub fn remove_rule(workspace: &mut Snapshot, kind: RuleKind, id: &str) -> Result<(), Refusal> {
    let index = rule_index(workspace, kind, id)?;
    let rules = workspace.rules_mut(kind);
    rules.remove(index);
    renumber(rules);
    Ok(())
}

pub fn add_agent(
    workspace: &mut Snapshot,
    key: &str,
    name: &str,
    at: Timestamp,
) -> Result<(), Refusal> {
    if workspace.agent(key).is_some() {
        return Err(Refusal::AlreadyExists {
            what: "agent",
            key: key.to_string(),
        });
    }
    let agent = Agent {
        key: key.to_string(),
        name: name.to_string(),
        handover: None,
        created_at: at,
        updated_at: at,
    };
    insert_sorted(&mut workspace.agents, agent, |a| a.key.clone());
    Ok(())
}

pub fn rename_agent(
    workspace: &mut Snapshot,
    key: &str,
    name: &str,
    at: Timestamp,
) -> Result<(), Refusal> {
    let agent = agent_mut(workspace, key)?;
    if agent.name != name {
        agent.name = name.to_string();
        agent.updated_at = at;
    }
    Ok(())
}

pub fn remove_agent(workspace: &mut Snapshot, key: &str) -> Result<(), Refusal> {
    agent_mut(workspace, key)?;
    workspace.agents.retain(|a| a.key != key);
    Ok(())
}

/// Sets (or, with `None`, removes) an agent's handover action.
pub fn set_handover(
    workspace: &mut Snapshot,
    key: &str,
    action: Option<HandoverAction>,
    at: Timestamp,
) -> Result<(), Refusal> {
    let agent = agent_mut(workspace, key)?;
    if agent.handover != action {
        agent.handover = action;
        agent.updated_at = at;
    }
    Ok(())
}

/// Connects, or replaces a connection; a connection that changed is
/// untested again. Returns whether it is new.
pub fn save_integration(workspace: &mut Snapshot, connection: Connection, at: Timestamp) -> bool {
    match workspace
        .integrations
        .iter_mut()
        .find(|i| i.kind() == connection.kind)
    {
        Some(record) => {
            if record.connection != connection {
                record.connection = connection;
                record.status = IntegrationStatus::Untested;
                record.updated_at = at;
            }
            false
        }
        None => {
            let record = IntegrationRecord {
                connection,
                status: IntegrationStatus::Untested,
                last_test: None,
                created_at: at,
                updated_at: at,
            };
            insert_sorted(&mut workspace.integrations, record, |i| i.kind().as_str());
            true
        }
    }
}

/// Records a connection test: its report, and the status it implies.
pub fn record_test(
    workspace: &mut Snapshot,
    kind: IntegrationKind,
    report: crate::api::TestReport,
) -> Result<(), Refusal> {
    let record = workspace
        .integrations
        .iter_mut()
        .find(|i| i.kind() == kind)
        .ok_or_else(|| Refusal::not_found("integration", kind.as_str()))?;
    record.status = if report.ok {
        IntegrationStatus::Connected
    } else {
        IntegrationStatus::Error
    };
    record.last_test = Some(report);
    Ok(())
}

/// Disconnects an integration no handover action sends tickets to.
pub fn remove_integration(workspace: &mut Snapshot, kind: IntegrationKind) -> Result<(), Refusal> {
    let users: Vec<&str> = workspace
        .agents
        .iter()
        .filter(|a| {
            a.handover
                .as_ref()
                .is_some_and(|h| h.platform == kind.as_str())
        })
        .map(|a| a.key.as_str())
        .collect();
    if !users.is_empty() {
        return Err(Refusal::conflict(
            "integration_in_use",
            format!(
                "the handover actions of {} send tickets to {kind}: set their platform to \
                 another one first (such as `inbox`)",
                users.join(", ")
            ),
        ));
    }
    if workspace.integration(kind).is_none() {
        return Err(Refusal::not_found("integration", kind.as_str()));
    }
    workspace.integrations.retain(|i| i.kind() != kind);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at() -> Timestamp {
        Timestamp::from_second(1_800_000_000).unwrap()
    }

    fn operator(handle: &str, role: Role, teams: &[&str]) -> NewOperator {
        NewOperator {
            handle: handle.into(),
            name: handle.to_uppercase(),
            email: format!("{handle}@example.com"),
            signature: None,
            role,
            availability: Availability::Online,
            teams: teams.iter().map(|t| t.to_string()).collect(),
            capacity: None,
        }
    }

    fn team(key: &str, default: bool, members: &[&str]) -> NewTeam {
        NewTeam {
            key: key.into(),
            name: key.into(),
            default,
            members: members.iter().map(|m| m.to_string()).collect(),
        }
    }

    fn desk() -> Snapshot {
        let mut ws = Snapshot::empty();
        add_team(&mut ws, team("support", false, &[]), at()).unwrap();
        add_team(&mut ws, team("billing", false, &[]), at()).unwrap();
        add_operator(&mut ws, operator("alice", Role::Owner, &["support"]), at()).unwrap();
        add_operator(
            &mut ws,
            operator("bob", Role::Operator, &["support", "billing"]),
            at(),
        )
        .unwrap();
        ws
    }

    #[test]
    fn memberships_read_the_same_from_either_side_sorted() {
        let mut ws = desk();
        let pairs: BTreeSet<(String, String)> = [("carol", "billing"), ("alice", "billing")]
            .into_iter()
            .map(|(h, t)| (h.to_string(), t.to_string()))
            .chain(memberships(&ws))
            .collect();
        set_memberships(&mut ws, &pairs);
        let billing = ws.team("billing").unwrap();
        assert_eq!(billing.members, ["alice", "bob", "carol"]);
        assert_eq!(ws.operator("alice").unwrap().teams, ["billing", "support"]);
        assert_eq!(ws.operator("bob").unwrap().teams, ["billing", "support"]);
        set_memberships(&mut ws, &BTreeSet::new());
        assert!(ws.teams.iter().all(|t| t.members.is_empty()));
        assert!(ws.operators.iter().all(|o| o.teams.is_empty()));
    }

    #[test]
    fn the_first_team_is_the_default_and_only_one_team_is() {
        let ws = desk();
        assert_eq!(ws.default_team(), Some("support"));
        let mut next = ws.clone();
        let refused = add_team(&mut next, team("vip", true, &[]), at()).unwrap_err();
        assert!(matches!(
            refused,
            Refusal::Conflict {
                code: "default_team_exists",
                ..
            }
        ));
        let mut moved = ws.clone();
        let update = TeamUpdate {
            default: Some(true),
            ..TeamUpdate::default()
        };
        update_team(&mut moved, "billing", &update, at()).unwrap();
        assert_eq!(moved.default_team(), Some("billing"));
        assert_eq!(moved.teams.iter().filter(|t| t.default).count(), 1);
    }

    #[test]
    fn membership_reads_the_same_from_both_sides() {
        let mut ws = desk();
        assert_eq!(ws.team("billing").unwrap().members, ["bob"]);
        assert_eq!(ws.operator("bob").unwrap().teams, ["billing", "support"]);
        let update = TeamUpdate {
            members: Some(vec!["alice".into()]),
            ..TeamUpdate::default()
        };
        update_team(&mut ws, "billing", &update, at()).unwrap();
        assert_eq!(ws.operator("bob").unwrap().teams, ["support"]);
        assert_eq!(ws.operator("alice").unwrap().teams, ["billing", "support"]);
        remove_operator(&mut ws, "bob", at()).unwrap();
        assert_eq!(ws.team("support").unwrap().members, ["alice"]);
    }

    #[test]
    fn the_last_owner_stays_an_owner() {
        let mut ws = desk();
        let demote = OperatorUpdate {
            role: Some(Role::Manager),
            ..OperatorUpdate::default()
        };
        let refused = update_operator(&mut ws, "alice", &demote, at()).unwrap_err();
        assert!(matches!(
            refused,
            Refusal::Conflict {
                code: "last_owner",
                ..
            }
        ));
        assert!(matches!(
            remove_operator(&mut ws, "alice", at()).unwrap_err(),
            Refusal::Conflict {
                code: "last_owner",
                ..
            }
        ));
        let promote = OperatorUpdate {
            role: Some(Role::Owner),
            ..OperatorUpdate::default()
        };
        update_operator(&mut ws, "bob", &promote, at()).unwrap();
        remove_operator(&mut ws, "alice", at()).unwrap();
    }

    #[test]
    fn references_must_hold() {
        let mut ws = desk();
        let refused = add_operator(&mut ws, operator("carol", Role::Operator, &["vip"]), at());
        assert!(matches!(
            refused,
            Err(Refusal::UnknownReference { what: "team", .. })
        ));
        let rule = NewRule {
            id: "rule_1".into(),
            kind: RuleKind::Assignment,
            name: None,
            match_mode: MatchMode::All,
            conditions: Vec::new(),
            priority: None,
            team: Some("billing".into()),
            position: None,
        };
        add_rule(&mut ws, rule).unwrap();
        let refused = remove_team(&mut ws, "billing", at()).unwrap_err();
        assert!(matches!(
            refused,
            Refusal::Conflict {
                code: "team_in_use",
                ..
            }
        ));
        let refused = remove_team(&mut ws, "support", at()).unwrap_err();
        assert!(matches!(
            refused,
            Refusal::Conflict {
                code: "default_team_required",
                ..
            }
        ));
    }

    #[test]
    fn rules_stay_numbered_one_to_n() {
        let mut ws = desk();
        for (id, position) in [("a", None), ("b", None), ("c", Some(1))] {
            let rule = NewRule {
                id: id.into(),
                kind: RuleKind::Priority,
                name: None,
                match_mode: MatchMode::All,
                conditions: Vec::new(),
                priority: Some(Priority::High),
                team: None,
                position,
            };
            add_rule(&mut ws, rule).unwrap();
        }
        let order = |ws: &Snapshot| {
            ws.priority_rules
                .iter()
                .map(|r| (r.id.clone(), r.position))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            order(&ws),
            [("c".into(), 1), ("a".into(), 2), ("b".into(), 3)]
        );
        move_rule(&mut ws, RuleKind::Priority, "c", 99).unwrap();
        remove_rule(&mut ws, RuleKind::Priority, "a").unwrap();
        assert_eq!(order(&ws), [("b".into(), 1), ("c".into(), 2)]);
    }

    #[test]
    fn positions_clamp_into_the_list() {
        assert_eq!(insertion_index(None, 3), 3);
        assert_eq!(insertion_index(Some(1), 3), 0);
        assert_eq!(insertion_index(Some(0), 3), 0);
        assert_eq!(insertion_index(Some(2), 3), 1);
        assert_eq!(insertion_index(Some(99), 3), 3);
    }

    #[test]
    fn a_changed_connection_is_untested_and_an_action_keeps_its_platform() {
        let mut ws = desk();
        let connection = Connection {
            kind: IntegrationKind::Zendesk,
            settings: [("subdomain".to_string(), "acme".to_string())].into(),
            secrets: Default::default(),
            base_url: None,
            fields: Default::default(),
            priorities: Default::default(),
        };
        assert!(save_integration(&mut ws, connection.clone(), at()));
        let report = crate::api::TestReport::new(Vec::new(), at());
        record_test(&mut ws, IntegrationKind::Zendesk, report).unwrap();
        assert_eq!(ws.integrations[0].status, IntegrationStatus::Connected);
        assert!(!save_integration(&mut ws, connection.clone(), at()));
        assert_eq!(ws.integrations[0].status, IntegrationStatus::Connected);
        let mut changed = connection;
        changed.base_url = Some("https://acme.example".into());
        save_integration(&mut ws, changed, at());
        assert_eq!(ws.integrations[0].status, IntegrationStatus::Untested);
        add_agent(&mut ws, "shop", "Shop", at()).unwrap();
        let action = HandoverAction {
            platform: "zendesk".into(),
            ..HandoverAction::default()
        };
        set_handover(&mut ws, "shop", Some(action), at()).unwrap();
        let refused = remove_integration(&mut ws, IntegrationKind::Zendesk).unwrap_err();
        assert!(matches!(
            refused,
            Refusal::Conflict {
                code: "integration_in_use",
                ..
            }
        ));
    }

    #[test]
    fn a_change_asked_of_an_owner_is_an_owners_even_when_it_changes_nothing() {
        let ws = desk();
        assert_eq!(
            only_owners_change_owner(false, &ws, "alice"),
            Err(Refusal::Forbidden(
                "'alice' is an owner: only an owner may change an owner".into()
            ))
        );
        assert_eq!(only_owners_change_owner(true, &ws, "alice"), Ok(()));
        assert_eq!(only_owners_change_owner(false, &ws, "bob"), Ok(()));
        // Someone who is not there is the change's own to refuse (404).
        assert_eq!(only_owners_change_owner(false, &ws, "ghost"), Ok(()));
    }

    #[test]
    fn only_an_owner_changes_an_owner_in_anything_but_the_stamp() {
        let before = desk();
        let later = Timestamp::from_second(1_900_000_000).unwrap();
        let refused = |after: &Snapshot| only_owners_change_owners(false, &before, after);
        let forbidden = Err(Refusal::Forbidden(
            "'alice' is an owner: only an owner may change an owner".into(),
        ));

        let mut off_support = before.clone();
        let members = TeamUpdate {
            members: Some(vec!["bob".into()]),
            ..TeamUpdate::default()
        };
        update_team(&mut off_support, "support", &members, later).unwrap();
        assert_eq!(refused(&off_support), forbidden);
        assert_eq!(
            only_owners_change_owners(true, &before, &off_support),
            Ok(())
        );

        let mut into_billing = before.clone();
        let members = TeamUpdate {
            members: Some(vec!["alice".into(), "bob".into()]),
            ..TeamUpdate::default()
        };
        update_team(&mut into_billing, "billing", &members, later).unwrap();
        assert_eq!(refused(&into_billing), forbidden);

        let mut away = before.clone();
        set_availability(&mut away, "alice", Availability::Away, later).unwrap();
        assert_eq!(refused(&away), forbidden);

        let mut gone = before.clone();
        let other_owner = operator("olga", Role::Owner, &[]);
        add_operator(&mut gone, other_owner, later).unwrap();
        let before_gone = gone.clone();
        remove_operator(&mut gone, "alice", at()).unwrap();
        assert_eq!(
            only_owners_change_owners(false, &before_gone, &gone),
            forbidden
        );

        // Restamped but otherwise the same, and others changed: no change to her.
        let mut others = before.clone();
        others.operators[0].updated_at = later;
        set_availability(&mut others, "bob", Availability::Away, later).unwrap();
        let members = TeamUpdate {
            members: Some(vec![]),
            ..TeamUpdate::default()
        };
        update_team(&mut others, "billing", &members, later).unwrap();
        assert_eq!(refused(&others), Ok(()));
    }

    #[test]
    fn joining_or_leaving_a_team_is_a_change_to_both_ends() {
        let mut ws = desk();
        let later = Timestamp::from_second(1_900_000_000).unwrap();
        let members = TeamUpdate {
            members: Some(vec!["alice".into(), "bob".into()]),
            ..TeamUpdate::default()
        };
        update_team(&mut ws, "billing", &members, later).unwrap();
        let stamp = |ws: &Snapshot, handle: &str| ws.operator(handle).unwrap().updated_at;
        assert_eq!(stamp(&ws, "alice"), later, "alice joined billing");
        assert_eq!(stamp(&ws, "bob"), at(), "bob was in billing already");
        assert_eq!(ws.team("billing").unwrap().updated_at, later);
        assert_eq!(ws.team("support").unwrap().updated_at, at());

        let even_later = Timestamp::from_second(2_000_000_000).unwrap();
        remove_team(&mut ws, "billing", even_later).unwrap();
        assert_eq!(stamp(&ws, "alice"), even_later);
        assert_eq!(stamp(&ws, "bob"), even_later);

        let teams = OperatorUpdate {
            teams: Some(vec![]),
            ..OperatorUpdate::default()
        };
        let latest = Timestamp::from_second(2_100_000_000).unwrap();
        update_operator(&mut ws, "bob", &teams, latest).unwrap();
        assert_eq!(stamp(&ws, "bob"), latest, "a change of teams alone");

        // An operator removed leaves their teams: the teams changed.
        let mut ws = desk();
        remove_operator(&mut ws, "bob", later).unwrap();
        assert_eq!(ws.team("billing").unwrap().updated_at, later);
        assert_eq!(ws.team("support").unwrap().updated_at, later);
    }
}
