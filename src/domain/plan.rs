//! What applying a document would change: a pure comparison of the desired
//! document with the current workspace (as the service exports it, secrets as
//! `${hmac:…}` fingerprints), and the workspace that applying it yields.
//!
//! Lists whose order means nothing (operators, teams and their members,
//! fields, integrations, agents, channels, days, holidays) compare as sets
//! keyed by handle, key or kind, so reordering a file changes nothing. Rule
//! order is meaningful: rules compare by position, or by name where each
//! has its own (a rule moved is a change of its position). An absent section is left
//! alone; with `prune`, resources a present section does not list are
//! removed, without it they are reported as unmanaged and kept. Secrets
//! compare by fingerprint, so an unchanged secret is never a change.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::Value;

use crate::api::{
    Change, ChangeAction, DeskDocument, FieldChange, Plan, PlanSummary, RemovalEffects, SecretForm,
    SecretValue, Section, SectionPlan,
};
use crate::domain::workspace::Fingerprints;

/// The plan of changes that turns `current` into `desired`'s sections; a
/// secret shows as its fingerprint under `fingerprints`.
pub fn plan(
    desired: &DeskDocument,
    current: &DeskDocument,
    prune: bool,
    fingerprints: &Fingerprints,
) -> Plan {
    let current_pairs = memberships(current);
    let after_pairs = memberships_after(current_pairs.clone(), desired);
    let desired = comparable(
        &with_memberships(desired.clone(), &after_pairs),
        fingerprints,
    );
    let current = comparable(
        &with_memberships(current.clone(), &current_pairs),
        fingerprints,
    );
    let mut sections = Vec::new();
    let mut add = |section: Section, changes: Vec<Change>| {
        if !changes.is_empty() {
            sections.push(SectionPlan { section, changes });
        }
    };
    add(
        Section::Operators,
        keyed(
            &desired.operators,
            &current.operators,
            |o| o.handle.clone(),
            prune,
            Section::Operators,
        ),
    );
    add(
        Section::Teams,
        keyed(
            &desired.teams,
            &current.teams,
            |t| t.key.clone(),
            prune,
            Section::Teams,
        ),
    );
    add(
        Section::TicketFields,
        keyed(
            &desired.ticket_fields,
            &current.ticket_fields,
            |f| f.key.clone(),
            prune,
            Section::TicketFields,
        ),
    );
    add(
        Section::Assignment,
        single(
            &desired.assignment,
            &current.assignment,
            Section::Assignment,
        ),
    );
    add(
        Section::BusinessHours,
        single(
            &desired.business_hours,
            &current.business_hours,
            Section::BusinessHours,
        ),
    );
    add(
        Section::Notifications,
        single(
            &desired.notifications,
            &current.notifications,
            Section::Notifications,
        ),
    );
    add(
        Section::Handoff,
        single(&desired.handoff, &current.handoff, Section::Handoff),
    );
    add(
        Section::Email,
        single(&desired.email, &current.email, Section::Email),
    );
    add(
        Section::Delivery,
        single(&desired.delivery, &current.delivery, Section::Delivery),
    );
    let (desired_rules, current_rules) = (
        desired.rules.clone().unwrap_or_default(),
        current.rules.clone().unwrap_or_default(),
    );
    if desired.rules.is_some() {
        add(
            Section::PriorityRules,
            ordered(
                &desired_rules.priority,
                &current_rules.priority,
                |r| r.name.clone(),
                prune,
                Section::PriorityRules,
            ),
        );
        add(
            Section::AssignmentRules,
            ordered(
                &desired_rules.assignment,
                &current_rules.assignment,
                |r| r.name.clone(),
                prune,
                Section::AssignmentRules,
            ),
        );
    }
    add(
        Section::Integrations,
        keyed(
            &desired.integrations,
            &current.integrations,
            |i| i.kind.to_string(),
            prune,
            Section::Integrations,
        ),
    );
    add(
        Section::Agents,
        keyed(
            &desired.agents,
            &current.agents,
            |a| a.key.clone(),
            prune,
            Section::Agents,
        ),
    );
    let mut summary = PlanSummary::default();
    for change in sections.iter().flat_map(|s| &s.changes) {
        match change.action {
            ChangeAction::Add => summary.add += 1,
            ChangeAction::Change => summary.change += 1,
            ChangeAction::Remove => summary.remove += 1,
            ChangeAction::Unmanaged => summary.unmanaged += 1,
        }
    }
    Plan {
        revision: None,
        sections,
        summary,
        warnings: Vec::new(),
    }
}

/// Who is in which team, as (operator, team), once `desired` is applied to a
/// workspace whose memberships are `current`. A membership is the document's
/// to decide when it lists the operator with `teams` or the team with
/// `members`: it is kept when either side names it, and removed when neither
/// does. Every other membership stays as it is, so an operator or a team
/// listed without those keys keeps its memberships.
pub fn memberships_after(
    current: impl IntoIterator<Item = (String, String)>,
    desired: &DeskDocument,
) -> BTreeSet<(String, String)> {
    let operators_stating: BTreeSet<&str> = desired
        .operators
        .iter()
        .flatten()
        .filter(|o| o.teams.is_some())
        .map(|o| o.handle.as_str())
        .collect();
    let teams_stating: BTreeSet<&str> = desired
        .teams
        .iter()
        .flatten()
        .filter(|t| t.members.is_some())
        .map(|t| t.key.as_str())
        .collect();
    let mut pairs = memberships(desired);
    pairs.extend(current.into_iter().filter(|(handle, team)| {
        !operators_stating.contains(handle.as_str()) && !teams_stating.contains(team.as_str())
    }));
    pairs
}

/// Every (operator, team) membership a document states, on either side.
pub fn memberships(document: &DeskDocument) -> BTreeSet<(String, String)> {
    let mut pairs = BTreeSet::new();
    for operator in document.operators.iter().flatten() {
        pairs.extend(
            operator
                .teams
                .iter()
                .flatten()
                .map(|t| (operator.handle.clone(), t.clone())),
        );
    }
    for team in document.teams.iter().flatten() {
        pairs.extend(
            team.members
                .iter()
                .flatten()
                .map(|m| (m.clone(), team.key.clone())),
        );
    }
    pairs
}

/// `document` with each listed operator's `teams` and each listed team's
/// `members` stating `pairs` in full, sorted (left out when empty): an operator's `teams` and a
/// team's `members` are one relation, and a key left out means "as it is",
/// so plans compare the memberships each side ends with.
pub fn with_memberships(
    mut document: DeskDocument,
    pairs: &BTreeSet<(String, String)>,
) -> DeskDocument {
    // None for none, as the service's own document says it: no membership
    // is no field to compare.
    fn listed<'a>(names: impl Iterator<Item = &'a str>) -> Option<Vec<String>> {
        Some(names.map(str::to_string).collect::<Vec<_>>()).filter(|l| !l.is_empty())
    }
    let grouped = crate::domain::workspace::change::Memberships::of(pairs);
    for operator in document.operators.iter_mut().flatten() {
        operator.teams = listed(grouped.teams(&operator.handle));
    }
    for team in document.teams.iter_mut().flatten() {
        team.members = listed(grouped.members(&team.key));
    }
    document
}

/// The document in the form plans compare: set-like lists sorted and without
/// repeats.
pub fn normalized(document: &DeskDocument) -> DeskDocument {
    let mut document = document.clone();
    fn tidy<T: Ord>(list: &mut Vec<T>) {
        list.sort();
        list.dedup();
    }
    for operator in document.operators.iter_mut().flatten() {
        operator.teams.as_mut().map(tidy);
    }
    for team in document.teams.iter_mut().flatten() {
        team.members.as_mut().map(tidy);
    }
    if let Some(hours) = &mut document.business_hours {
        tidy(&mut hours.days);
        tidy(&mut hours.holidays);
    }
    for agent in document.agents.iter_mut().flatten() {
        if let Some(action) = &mut agent.handover {
            tidy(&mut action.channels);
        }
    }
    document
}

/// Normalized, with every secret as its fingerprint: equal secrets compare
/// equal, and no secret value can reach a plan.
fn comparable(document: &DeskDocument, fingerprints: &Fingerprints) -> DeskDocument {
    let mut document = normalized(document);
    for (_, secret) in secrets_mut(&mut document) {
        if !matches!(secret.form(), SecretForm::Fingerprint(_)) {
            *secret = SecretValue::from_fingerprint(&fingerprints.of(secret.expose()));
        }
    }
    document
}

fn is_sensitive(section: Section, field: &str) -> bool {
    matches!(
        (section, field),
        (Section::Email, "password") | (Section::Delivery, "secret")
    ) || (section == Section::Integrations && field.starts_with("secrets."))
}

/// The fields of a value, nested mappings flattened to dotted names.
fn fields(value: &impl Serialize) -> BTreeMap<String, Value> {
    fn walk(value: Value, prefix: String, out: &mut BTreeMap<String, Value>) {
        match value {
            // An empty value as a whole (a section never set) has no fields;
            // an empty map inside one is a field's value.
            Value::Object(map) if !map.is_empty() || prefix.is_empty() => {
                for (key, value) in map {
                    let name = if prefix.is_empty() {
                        key
                    } else {
                        format!("{prefix}.{key}")
                    };
                    walk(value, name, out);
                }
            }
            Value::Null => {}
            other => {
                out.insert(prefix, other);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(
        serde_json::to_value(value).expect("documents serialize"),
        String::new(),
        &mut out,
    );
    out
}

/// Field by field, what changes from `old` to `new` (either may be absent).
fn field_changes<T: Serialize>(
    section: Section,
    old: Option<&T>,
    new: Option<&T>,
) -> Vec<FieldChange> {
    let old = old.map(fields).unwrap_or_default();
    let new = new.map(fields).unwrap_or_default();
    let names: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    names
        .into_iter()
        .filter(|name| old.get(*name) != new.get(*name))
        .map(|name| {
            let sensitive = is_sensitive(section, name);
            FieldChange {
                field: name.clone(),
                old: if sensitive {
                    None
                } else {
                    old.get(name).cloned()
                },
                new: if sensitive {
                    None
                } else {
                    new.get(name).cloned()
                },
                sensitive,
            }
        })
        .collect()
}

fn change<T: Serialize>(
    section: Section,
    action: ChangeAction,
    resource: String,
    old: Option<&T>,
    new: Option<&T>,
) -> Change {
    let fields = match action {
        ChangeAction::Add | ChangeAction::Change => field_changes(section, old, new),
        ChangeAction::Remove | ChangeAction::Unmanaged => Vec::new(),
    };
    Change {
        action,
        resource,
        fields,
        effects: None,
    }
}

/// Says on each operator `plan` removes what applying it does beyond the
/// document, as apply does it: their open and pending tickets are left
/// unassigned and their tokens revoked. `open_tickets` and `tokens` are
/// counted by operator handle.
pub fn note_operator_removals(
    plan: &mut Plan,
    open_tickets: &BTreeMap<String, u64>,
    tokens: &BTreeMap<String, u64>,
) {
    let removed = plan
        .sections
        .iter_mut()
        .filter(|section| section.section == Section::Operators)
        .flat_map(|section| section.changes.iter_mut())
        .filter(|change| change.action == ChangeAction::Remove);
    for change in removed {
        let effects = RemovalEffects {
            unassigned_tickets: open_tickets.get(&change.resource).copied().unwrap_or(0),
            revoked_tokens: tokens.get(&change.resource).copied().unwrap_or(0),
        };
        change.effects = (effects != RemovalEffects::default()).then_some(effects);
    }
}

fn unlisted(prune: bool) -> ChangeAction {
    if prune {
        ChangeAction::Remove
    } else {
        ChangeAction::Unmanaged
    }
}

/// A list compared as a set keyed by `key`.
fn keyed<T: Serialize + PartialEq>(
    desired: &Option<Vec<T>>,
    current: &Option<Vec<T>>,
    key: impl Fn(&T) -> String,
    prune: bool,
    section: Section,
) -> Vec<Change> {
    let Some(desired) = desired else {
        return Vec::new();
    };
    let current: BTreeMap<String, &T> = current
        .iter()
        .flatten()
        .map(|item| (key(item), item))
        .collect();
    let mut wanted: BTreeMap<String, &T> = BTreeMap::new();
    for item in desired {
        wanted.insert(key(item), item);
    }
    let mut changes = Vec::new();
    for (name, item) in &wanted {
        match current.get(name) {
            None => changes.push(change(
                section,
                ChangeAction::Add,
                name.clone(),
                None,
                Some(*item),
            )),
            Some(now) if now != item => changes.push(change(
                section,
                ChangeAction::Change,
                name.clone(),
                Some(*now),
                Some(*item),
            )),
            Some(_) => {}
        }
    }
    for (name, now) in &current {
        if !wanted.contains_key(name) {
            changes.push(change(
                section,
                unlisted(prune),
                name.clone(),
                Some(*now),
                None,
            ));
        }
    }
    changes
}

/// A settings section: one resource, changed field by field.
fn single<T: Serialize + PartialEq>(
    desired: &Option<T>,
    current: &Option<T>,
    section: Section,
) -> Vec<Change> {
    match (desired, current) {
        (Some(wanted), now) if now.as_ref() != Some(wanted) => {
            vec![change(
                section,
                ChangeAction::Change,
                String::new(),
                now.as_ref(),
                Some(wanted),
            )]
        }
        _ => Vec::new(),
    }
}

/// A rule list compared by position: `#2 (name)` is the second rule. Where
/// every rule compared has a name of its own, rules are matched by name
/// instead ([`ordered_by_name`]), so that a rule inserted or moved shows as
/// itself rather than as every rule after it changed.
fn ordered<T: Serialize + PartialEq>(
    desired: &Option<Vec<T>>,
    current: &Option<Vec<T>>,
    name: impl Fn(&T) -> Option<String>,
    prune: bool,
    section: Section,
) -> Vec<Change> {
    let Some(desired) = desired else {
        return Vec::new();
    };
    let current: &[T] = current.as_deref().unwrap_or_default();
    if let Some(changes) = ordered_by_name(desired, current, &name, prune, section) {
        return changes;
    }
    let label = |index: usize, item: &T| match name(item) {
        Some(name) => format!("#{} ({name})", index + 1),
        None => format!("#{}", index + 1),
    };
    let mut changes = Vec::new();
    for (index, item) in desired.iter().enumerate() {
        match current.get(index) {
            None => changes.push(change(
                section,
                ChangeAction::Add,
                label(index, item),
                None,
                Some(item),
            )),
            Some(now) if now != item => changes.push(change(
                section,
                ChangeAction::Change,
                label(index, item),
                Some(now),
                Some(item),
            )),
            Some(_) => {}
        }
    }
    for (index, now) in current.iter().enumerate().skip(desired.len()) {
        changes.push(change(
            section,
            unlisted(prune),
            label(index, now),
            Some(now),
            None,
        ));
    }
    changes
}

/// [`ordered`] with rules matched by name: a listed rule whose name a rule
/// it replaces has is that rule, changed where its fields differ and moved
/// (`position`) where its place does; one whose name none has is added; a
/// replaced rule whose name the list does not give is removed. Applying lays
/// the list out as given, in place of as many rules as it lists (all of them
/// with `prune`); the ones after those stay, unmanaged. `None` (compare by
/// position) unless every listed and every replaced rule has a name, each
/// its own, and no rule that stays has one the list gives.
fn ordered_by_name<T: Serialize + PartialEq>(
    desired: &[T],
    current: &[T],
    name: &impl Fn(&T) -> Option<String>,
    prune: bool,
    section: Section,
) -> Option<Vec<Change>> {
    let replaced = if prune {
        current.len()
    } else {
        current.len().min(desired.len())
    };
    let (now, staying) = current.split_at(replaced);
    let wanted: Vec<String> = desired.iter().map(name).collect::<Option<_>>()?;
    let named: Vec<String> = now.iter().map(name).collect::<Option<_>>()?;
    let distinct = |names: &[String]| names.iter().collect::<BTreeSet<_>>().len() == names.len();
    if !distinct(&wanted) || !distinct(&named) {
        return None;
    }
    if staying
        .iter()
        .filter_map(name)
        .any(|stays| wanted.contains(&stays))
    {
        return None;
    }
    let mut changes = Vec::new();
    for (index, (item, rule)) in desired.iter().zip(&wanted).enumerate() {
        let resource = format!("#{} ({rule})", index + 1);
        let Some(at) = named.iter().position(|other| other == rule) else {
            changes.push(change(
                section,
                ChangeAction::Add,
                resource,
                None,
                Some(item),
            ));
            continue;
        };
        let mut fields = field_changes(section, Some(&now[at]), Some(item));
        if at != index {
            fields.push(FieldChange {
                field: "position".into(),
                old: Some((at + 1).into()),
                new: Some((index + 1).into()),
                sensitive: false,
            });
            fields.sort_by(|a, b| a.field.cmp(&b.field));
        }
        if !fields.is_empty() {
            changes.push(Change {
                action: ChangeAction::Change,
                resource,
                fields,
                effects: None,
            });
        }
    }
    for (at, (item, rule)) in now.iter().zip(&named).enumerate() {
        if !wanted.contains(rule) {
            changes.push(change(
                section,
                ChangeAction::Remove,
                format!("#{} ({rule})", at + 1),
                Some(item),
                None,
            ));
        }
    }
    for (offset, item) in staying.iter().enumerate() {
        let index = replaced + offset + 1;
        let resource = match name(item) {
            Some(name) => format!("#{index} ({name})"),
            None => format!("#{index}"),
        };
        changes.push(change(
            section,
            ChangeAction::Unmanaged,
            resource,
            Some(item),
            None,
        ));
    }
    Some(changes)
}

/// Every secret of a document with its path in the file.
pub fn secrets_mut(document: &mut DeskDocument) -> Vec<(String, &mut SecretValue)> {
    let mut found = Vec::new();
    if let Some(secret) = document.email.as_mut().and_then(|e| e.password.as_mut()) {
        found.push(("email.password".to_string(), secret));
    }
    if let Some(secret) = document.delivery.as_mut().and_then(|d| d.secret.as_mut()) {
        found.push(("delivery.secret".to_string(), secret));
    }
    for (index, integration) in document.integrations.iter_mut().flatten().enumerate() {
        for (name, secret) in &mut integration.secrets {
            found.push((format!("integrations.{index}.secrets.{name}"), secret));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Plans with the fixed fingerprint key of snapshots no store read.
    fn plan(desired: &DeskDocument, current: &DeskDocument, prune: bool) -> Plan {
        super::plan(desired, current, prune, &Fingerprints::unkeyed())
    }
    use crate::api::{
        AgentSpec, AssignmentRuleSpec, BusinessHours, Channel, Condition, ConditionOp, EmailSpec,
        HandoverAction, IntegrationSpec, OperatorSpec, Priority, PriorityRuleSpec, Role, RulesSpec,
        TeamSpec, Weekday,
    };

    fn operator(handle: &str, teams: &[&str]) -> OperatorSpec {
        OperatorSpec {
            handle: handle.into(),
            name: handle.to_uppercase(),
            email: format!("{handle}@example.com"),
            signature: None,
            role: Role::Operator,
            teams: Some(teams.iter().map(|t| t.to_string()).collect()),
            capacity: None,
        }
    }

    fn team(key: &str, default: bool, members: &[&str]) -> TeamSpec {
        TeamSpec {
            key: key.into(),
            name: key.into(),
            default,
            members: Some(members.iter().map(|m| m.to_string()).collect()),
        }
    }

    fn doc() -> DeskDocument {
        DeskDocument {
            operators: Some(vec![operator("alice", &["support"]), operator("bob", &[])]),
            teams: Some(vec![
                team("support", true, &["bob"]),
                team("billing", false, &[]),
            ]),
            email: Some(EmailSpec {
                host: Some("smtp.example.com".into()),
                port: None,
                username: Some("desk".into()),
                tls: crate::api::SmtpTls::Starttls,
                from: None,
                password: Some(SecretValue::new("hunter2")),
            }),
            ..DeskDocument::empty()
        }
    }

    #[test]
    fn reordering_lists_is_not_a_change() {
        let mut reordered = doc();
        reordered.operators.as_mut().unwrap().reverse();
        reordered.teams.as_mut().unwrap().reverse();
        reordered.operators.as_mut().unwrap()[0].teams = Some(vec!["support".into()]);
        assert_eq!(plan(&reordered, &doc(), true), Plan::default());
    }

    #[test]
    fn a_section_set_for_the_first_time_lists_only_its_fields() {
        let current = DeskDocument {
            delivery: Some(crate::api::DeliverySpec::default()),
            ..DeskDocument::empty()
        };
        let desired = DeskDocument {
            delivery: Some(crate::api::DeliverySpec {
                url: Some("https://ai.example.com/hook".into()),
                secret: Some(SecretValue::new("whsec-0123456789abcdef")),
            }),
            ..DeskDocument::empty()
        };
        let found = plan(&desired, &current, false);
        let fields: Vec<&str> = found.sections[0].changes[0]
            .fields
            .iter()
            .map(|f| f.field.as_str())
            .collect();
        assert_eq!(fields, ["secret", "url"]);
    }

    #[test]
    fn membership_stated_on_either_side_is_the_same() {
        // bob is in support through the team's members; alice through her teams.
        let mut other = doc();
        other.operators.as_mut().unwrap()[1].teams = Some(vec!["support".into()]);
        other.teams.as_mut().unwrap()[0].members = Some(vec!["alice".into()]);
        other.operators.as_mut().unwrap()[0].teams = Some(Vec::new());
        let found = plan(&other, &doc(), false);
        assert!(!found.has_changes(), "{found:?}");
    }

    #[test]
    fn memberships_left_out_are_left_alone_and_an_empty_list_clears() {
        let current: BTreeSet<(String, String)> = [("alice", "support"), ("bob", "billing")]
            .map(|(h, t)| (h.to_string(), t.to_string()))
            .into();
        let pairs = |document: &DeskDocument| -> Vec<(String, String)> {
            memberships_after(current.clone(), document)
                .into_iter()
                .collect()
        };
        let unstated = DeskDocument {
            operators: Some(vec![OperatorSpec {
                teams: None,
                ..operator("alice", &[])
            }]),
            teams: Some(vec![TeamSpec {
                members: None,
                ..team("billing", true, &[])
            }]),
            ..DeskDocument::empty()
        };
        assert_eq!(
            pairs(&unstated),
            current.iter().cloned().collect::<Vec<_>>()
        );
        let alice_in_none = DeskDocument {
            operators: Some(vec![operator("alice", &[])]),
            ..DeskDocument::empty()
        };
        assert_eq!(pairs(&alice_in_none), [("bob".into(), "billing".into())]);
        let billing_empty = DeskDocument {
            teams: Some(vec![team("billing", true, &[])]),
            ..DeskDocument::empty()
        };
        assert_eq!(pairs(&billing_empty), [("alice".into(), "support".into())]);
        // Both sides state it: either one naming a membership keeps it.
        let one_side = DeskDocument {
            operators: Some(vec![operator("bob", &[])]),
            teams: Some(vec![team("billing", true, &["bob"])]),
            ..DeskDocument::empty()
        };
        assert_eq!(
            pairs(&one_side),
            current.iter().cloned().collect::<Vec<_>>()
        );
    }

    #[test]
    fn operators_without_teams_plan_no_membership_change() {
        let mut operators_only = doc();
        operators_only.teams = None;
        for operator in operators_only.operators.iter_mut().flatten() {
            operator.teams = None;
        }
        operators_only.email = None;
        let found = plan(&operators_only, &doc(), false);
        assert!(!found.has_changes(), "{found:#?}");
        operators_only.operators.as_mut().unwrap()[0].teams = Some(Vec::new());
        let found = plan(&operators_only, &doc(), false);
        let changes = &found.sections[0].changes;
        assert_eq!(
            (changes.len(), changes[0].resource.as_str()),
            (1, "alice"),
            "{found:#?}"
        );
        assert_eq!(changes[0].fields[0].field, "teams");
    }

    #[test]
    fn changes_are_field_by_field_and_secrets_are_never_shown() {
        let current = DeskDocument {
            email: Some(EmailSpec {
                password: Some(SecretValue::from_fingerprint(
                    &Fingerprints::unkeyed().of("old-password"),
                )),
                ..doc().email.unwrap()
            }),
            ..doc()
        };
        let mut desired = doc();
        desired.operators.as_mut().unwrap()[1].email = "robert@example.com".into();
        let found = plan(&desired, &current, false);
        assert_eq!(
            found.summary,
            PlanSummary {
                add: 0,
                change: 2,
                remove: 0,
                unmanaged: 0
            }
        );
        let operators = &found.sections[0];
        assert_eq!(operators.section, Section::Operators);
        assert_eq!(operators.changes[0].resource, "bob");
        assert_eq!(
            operators.changes[0].fields,
            vec![FieldChange {
                field: "email".into(),
                old: Some("bob@example.com".into()),
                new: Some("robert@example.com".into()),
                sensitive: false,
            }]
        );
        let email = &found.sections[1].changes[0];
        assert_eq!(
            email.fields,
            vec![FieldChange {
                field: "password".into(),
                old: None,
                new: None,
                sensitive: true
            }]
        );
        let text = serde_json::to_string(&found).unwrap();
        assert!(
            !text.contains("hunter2") && !text.contains("old-password"),
            "{text}"
        );
    }

    #[test]
    fn an_unchanged_secret_compares_by_fingerprint() {
        let current = DeskDocument {
            email: Some(EmailSpec {
                password: Some(SecretValue::from_fingerprint(
                    &Fingerprints::unkeyed().of("hunter2"),
                )),
                ..doc().email.unwrap()
            }),
            ..doc()
        };
        assert_eq!(plan(&doc(), &current, false), Plan::default());
    }

    #[test]
    fn unlisted_resources_are_unmanaged_or_pruned_and_absent_sections_left_alone() {
        let desired = DeskDocument {
            operators: Some(vec![operator("alice", &["support"])]),
            ..DeskDocument::empty()
        };
        let kept = plan(&desired, &doc(), false);
        assert_eq!(
            kept.summary,
            PlanSummary {
                add: 0,
                change: 0,
                remove: 0,
                unmanaged: 1
            }
        );
        assert_eq!(
            kept.sections.len(),
            1,
            "teams and email are left alone: {kept:?}"
        );
        assert_eq!(kept.sections[0].changes[0].action, ChangeAction::Unmanaged);
        let pruned = plan(&desired, &doc(), true);
        assert_eq!(
            pruned.summary,
            PlanSummary {
                add: 0,
                change: 0,
                remove: 1,
                unmanaged: 0
            }
        );
        assert_eq!(pruned.sections[0].changes[0].resource, "bob");
    }

    #[test]
    fn a_removed_operator_says_their_open_tickets_are_unassigned_and_tokens_revoked() {
        let desired = DeskDocument {
            operators: Some(vec![operator("alice", &["support"])]),
            ..DeskDocument::empty()
        };
        let counts = |pairs: &[(&str, u64)]| -> BTreeMap<String, u64> {
            pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
        };
        // Alice, kept, holds tickets too: only a removal says what it does.
        let open = counts(&[("alice", 5), ("bob", 3)]);
        let tokens = counts(&[("bob", 1)]);
        let mut pruned = plan(&desired, &doc(), true);
        note_operator_removals(&mut pruned, &open, &tokens);
        let bob = &pruned.sections[0].changes[0];
        assert_eq!(
            bob.effects,
            Some(RemovalEffects {
                unassigned_tickets: 3,
                revoked_tokens: 1
            })
        );
        let mut kept = plan(&desired, &doc(), false);
        note_operator_removals(&mut kept, &open, &tokens);
        assert_eq!(kept.sections[0].changes[0].effects, None, "unmanaged");
        let mut idle = plan(&desired, &doc(), true);
        note_operator_removals(&mut idle, &counts(&[("alice", 5)]), &BTreeMap::new());
        assert_eq!(idle.sections[0].changes[0].effects, None, "nothing held");
    }

    #[test]
    fn rule_order_is_meaningful() {
        let rule = |name: &str, priority| PriorityRuleSpec {
            name: Some(name.into()),
            match_mode: crate::api::MatchMode::All,
            conditions: vec![],
            priority,
        };
        let current = DeskDocument {
            rules: Some(RulesSpec {
                priority: Some(vec![
                    rule("vip", Priority::High),
                    rule("spam", Priority::Low),
                ]),
                assignment: None,
            }),
            ..DeskDocument::empty()
        };
        let mut desired = current.clone();
        desired
            .rules
            .as_mut()
            .unwrap()
            .priority
            .as_mut()
            .unwrap()
            .reverse();
        let found = plan(&desired, &current, false);
        assert_eq!(found.summary.change, 2);
        assert_eq!(found.sections[0].changes[0].resource, "#1 (spam)");
    }

    /// Priority rules of `names` (`None`: no name), each its own priority.
    fn rules(names: &[Option<&str>]) -> DeskDocument {
        let priorities = [
            Priority::Urgent,
            Priority::High,
            Priority::Medium,
            Priority::Low,
        ];
        DeskDocument {
            rules: Some(RulesSpec {
                priority: Some(
                    names
                        .iter()
                        .enumerate()
                        .map(|(index, name)| PriorityRuleSpec {
                            name: name.map(String::from),
                            match_mode: crate::api::MatchMode::All,
                            conditions: vec![],
                            priority: priorities[index % 4],
                        })
                        .collect(),
                ),
                assignment: None,
            }),
            ..DeskDocument::empty()
        }
    }

    /// Each change of a plan as `action resource: field old → new, …`.
    fn described(plan: &Plan) -> Vec<String> {
        plan.sections
            .iter()
            .flat_map(|section| &section.changes)
            .map(|change| {
                let fields: Vec<String> = change
                    .fields
                    .iter()
                    .map(|f| {
                        let shown =
                            |v: &Option<Value>| v.as_ref().map_or("-".into(), Value::to_string);
                        format!("{} {} → {}", f.field, shown(&f.old), shown(&f.new))
                    })
                    .collect();
                format!(
                    "{} {}: {}",
                    change.action,
                    change.resource,
                    fields.join(", ")
                )
            })
            .collect()
    }

    #[test]
    fn named_rules_are_matched_by_name_so_one_inserted_is_one_added_and_the_rest_moved() {
        let current = rules(&[Some("enterprise"), Some("refunds")]);
        let mut desired = rules(&[Some("vip"), Some("enterprise"), Some("refunds")]);
        // Each keeps its own priority: only the places change.
        let listed = desired.rules.as_mut().unwrap().priority.as_mut().unwrap();
        listed[0].priority = Priority::Low;
        listed[1].priority = Priority::Urgent;
        listed[2].priority = Priority::High;
        let found = plan(&desired, &current, false);
        assert_eq!(
            described(&found),
            [
                "add #1 (vip): conditions - → [], name - → \"vip\", priority - → \"low\"",
                "change #2 (enterprise): position 1 → 2",
                "change #3 (refunds): position 2 → 3",
            ]
        );
        // A rule renamed, and one the list drops, in the rules it replaces.
        let desired = rules(&[Some("refunds"), Some("spam")]);
        let found = plan(&desired, &current, false);
        assert_eq!(
            described(&found),
            [
                "change #1 (refunds): position 2 → 1, priority \"high\" → \"urgent\"",
                "add #2 (spam): conditions - → [], name - → \"spam\", priority - → \"high\"",
                "remove #1 (enterprise): ",
            ]
        );
        // Applied, the plan is empty.
        assert!(described(&plan(&current, &current, true)).is_empty());
    }

    #[test]
    fn rules_stay_compared_by_position_unless_each_has_a_name_of_its_own() {
        let current = rules(&[Some("a"), None]);
        let desired = rules(&[Some("b"), Some("a"), None]);
        assert_eq!(
            described(&plan(&desired, &current, false))[0],
            "change #1 (b): name \"a\" → \"b\""
        );
        let twice = rules(&[Some("a"), Some("a")]);
        assert_eq!(
            described(&plan(&twice, &rules(&[Some("a"), Some("b")]), false)),
            ["change #2 (a): name \"b\" → \"a\""]
        );
        // Past the rules the list replaces, rules stay (unmanaged) unless
        // pruned; one that stays and is named in the list makes names
        // ambiguous, so places are compared.
        let current = rules(&[Some("a"), Some("b"), Some("c")]);
        let desired = rules(&[Some("x"), Some("a")]);
        assert_eq!(
            described(&plan(&desired, &current, false)),
            [
                "add #1 (x): conditions - → [], name - → \"x\", priority - → \"urgent\"",
                "change #2 (a): position 1 → 2, priority \"urgent\" → \"high\"",
                "remove #2 (b): ",
                "unmanaged #3 (c): ",
            ]
        );
        assert_eq!(
            described(&plan(&desired, &current, true)).last().unwrap(),
            "remove #3 (c): "
        );
        let desired = rules(&[Some("c")]);
        assert_eq!(
            described(&plan(&desired, &current, false))[0],
            "change #1 (c): name \"a\" → \"c\""
        );
    }

    fn slug() -> impl Strategy<Value = String> {
        prop::sample::select(vec!["a", "b", "c", "d"]).prop_map(String::from)
    }

    fn arb_document() -> impl Strategy<Value = DeskDocument> {
        let operators = prop::option::of(prop::collection::vec(
            (
                slug(),
                prop::option::of(prop::collection::vec(slug(), 0..3)),
                any::<bool>(),
                prop::option::of(0u32..5),
            ),
            0..4,
        ));
        let teams = prop::option::of(prop::collection::vec(
            (
                slug(),
                any::<bool>(),
                prop::option::of(prop::collection::vec(slug(), 0..3)),
            ),
            0..4,
        ));
        let hours = prop::option::of((
            prop::collection::vec(prop::sample::select(Weekday::NAMES.to_vec()), 0..4),
            any::<bool>(),
        ));
        let rules = prop::option::of((
            prop::option::of(prop::collection::vec(
                (slug(), prop::sample::select(Priority::NAMES.to_vec())),
                0..3,
            )),
            prop::option::of(prop::collection::vec((slug(), slug()), 0..3)),
        ));
        let secret = prop::option::of(prop::sample::select(vec!["s1", "s2"]));
        let agents = prop::option::of(prop::collection::vec(
            (
                slug(),
                prop::option::of((
                    any::<bool>(),
                    prop::collection::vec(prop::sample::select(Channel::NAMES.to_vec()), 0..3),
                )),
            ),
            0..3,
        ));
        let integrations = prop::option::of(prop::collection::vec(
            (
                prop::sample::select(vec![
                    crate::api::IntegrationKind::Zendesk,
                    crate::api::IntegrationKind::Freshdesk,
                ]),
                secret.clone(),
            ),
            0..2,
        ));
        (operators, teams, hours, rules, secret, agents, integrations).prop_map(
            |(operators, teams, hours, rules, secret, agents, integrations)| DeskDocument {
                operators: operators.map(|list| {
                    list.into_iter()
                        .map(|(handle, teams, owner, capacity)| OperatorSpec {
                            role: if owner { Role::Owner } else { Role::Operator },
                            capacity,
                            teams,
                            ..operator(&handle, &[])
                        })
                        .collect()
                }),
                teams: teams.map(|list| {
                    list.into_iter()
                        .map(|(key, default, members)| TeamSpec {
                            members,
                            ..team(&key, default, &[])
                        })
                        .collect()
                }),
                business_hours: hours.map(|(days, enabled)| BusinessHours {
                    enabled,
                    days: days.iter().map(|d| d.parse().unwrap()).collect(),
                    ..BusinessHours::default()
                }),
                rules: rules.map(|(priority, assignment)| RulesSpec {
                    priority: priority.map(|list| {
                        list.into_iter()
                            .map(|(name, priority)| PriorityRuleSpec {
                                name: Some(name),
                                match_mode: crate::api::MatchMode::Any,
                                conditions: vec![Condition {
                                    field: "channel".into(),
                                    op: ConditionOp::Equals,
                                    value: Some("web".into()),
                                    values: vec![],
                                }],
                                priority: priority.parse().unwrap(),
                            })
                            .collect()
                    }),
                    assignment: assignment.map(|list| {
                        list.into_iter()
                            .map(|(name, team)| AssignmentRuleSpec {
                                name: Some(name),
                                match_mode: crate::api::MatchMode::All,
                                conditions: vec![],
                                team,
                            })
                            .collect()
                    }),
                }),
                email: secret.map(|s| EmailSpec {
                    password: Some(SecretValue::new(s)),
                    ..doc().email.unwrap()
                }),
                agents: agents.map(|list| {
                    list.into_iter()
                        .map(|(key, action)| AgentSpec {
                            name: key.to_uppercase(),
                            key,
                            handover: action.map(|(enabled, channels)| HandoverAction {
                                enabled,
                                channels: channels.iter().map(|c| c.parse().unwrap()).collect(),
                                ..HandoverAction::default()
                            }),
                        })
                        .collect()
                }),
                integrations: integrations.map(|list| {
                    list.into_iter()
                        .map(|(kind, secret)| IntegrationSpec {
                            kind,
                            base_url: None,
                            settings: BTreeMap::from([("subdomain".into(), "acme".into())]),
                            secrets: secret
                                .map(|s| {
                                    BTreeMap::from([("api-token".into(), SecretValue::new(s))])
                                })
                                .unwrap_or_default(),
                            fields: BTreeMap::new(),
                            priorities: BTreeMap::new(),
                        })
                        .collect()
                }),
                ..DeskDocument::empty()
            },
        )
    }

    /// Lists keyed by handle or key hold each key once, as validation demands.
    fn unique_keys(mut document: DeskDocument) -> DeskDocument {
        fn dedup<T>(list: &mut Option<Vec<T>>, key: impl Fn(&T) -> String) {
            if let Some(list) = list {
                let mut seen = BTreeSet::new();
                list.retain(|item| seen.insert(key(item)));
            }
        }
        dedup(&mut document.operators, |o| o.handle.clone());
        dedup(&mut document.teams, |t| t.key.clone());
        dedup(&mut document.agents, |a| a.key.clone());
        dedup(&mut document.integrations, |i| i.kind.to_string());
        document
    }

    /// `document` with its references made to hold within it, as validation
    /// demands of a document applied to an empty desk: memberships, rule
    /// teams and one default team among those it lists; no integrations
    /// (whose settings depend on the kind), and enabled actions with a channel.
    fn consistent(mut document: DeskDocument) -> DeskDocument {
        let handles: BTreeSet<String> = document
            .operators
            .iter()
            .flatten()
            .map(|o| o.handle.clone())
            .collect();
        let keys: BTreeSet<String> = document
            .teams
            .iter()
            .flatten()
            .map(|t| t.key.clone())
            .collect();
        for operator in document.operators.iter_mut().flatten() {
            if let Some(teams) = &mut operator.teams {
                teams.retain(|t| keys.contains(t));
            }
        }
        for (index, team) in document.teams.iter_mut().flatten().enumerate() {
            if let Some(members) = &mut team.members {
                members.retain(|m| handles.contains(m));
            }
            team.default = index == 0;
        }
        if let Some(rules) = document.rules.as_mut().and_then(|r| r.assignment.as_mut()) {
            rules.retain(|r| keys.contains(&r.team));
        }
        document.integrations = None;
        for agent in document.agents.iter_mut().flatten() {
            if let Some(action) = agent
                .handover
                .as_mut()
                .filter(|a| a.enabled && a.channels.is_empty())
            {
                action.channels.push(crate::api::Channel::Web);
            }
        }
        document
    }

    proptest! {
        #[test]
        fn a_document_planned_against_itself_changes_nothing(document in arb_document(), prune in any::<bool>()) {
            let document = unique_keys(document);
            prop_assert_eq!(plan(&document, &document, prune), Plan::default());
        }

        #[test]
        fn applying_a_plan_yields_the_desired_document(
            desired in arb_document(),
            current in arb_document(),
            prune in any::<bool>(),
        ) {
            use crate::domain::workspace::Snapshot;
            use crate::domain::workspace::document::{Audience, after, check, current_document};
            let (desired, current) = (unique_keys(desired), unique_keys(current));
            let at = jiff::Timestamp::from_second(1_800_000_000).unwrap();
            let mut ids = 0..;
            let mut new_id = || format!("rule_{}", ids.next().unwrap());
            // The one function that says what a document leaves, as apply
            // stores it, for documents apply accepts: checked against the
            // workspace, and not refused (e.g. for leaving no owner).
            let (desired, current) = (consistent(desired), consistent(current));
            let empty = Snapshot::empty();
            prop_assume!(check(&current, &empty, true).is_ok());
            let stored = after(&empty, &current, true, at, &mut new_id);
            prop_assume!(stored.is_ok());
            let stored = stored.unwrap();
            prop_assume!(check(&desired, &stored, prune).is_ok());
            let applied = after(&stored, &desired, prune, at, &mut new_id);
            prop_assume!(applied.is_ok());
            let applied = applied.unwrap();
            let live = current_document(&applied, Audience::Owner);
            // Nothing is left to change once the document is applied...
            let again = plan(&desired, &live, prune);
            prop_assert!(!again.has_changes(), "{:#?}", again);
            // ...and with prune every present section is exactly the document's.
            if prune {
                let mut only_desired = live.clone();
                if desired.operators.is_none() { only_desired.operators = None; }
                if desired.teams.is_none() { only_desired.teams = None; }
                if desired.business_hours.is_none() { only_desired.business_hours = None; }
                if desired.rules.is_none() { only_desired.rules = None; }
                if desired.email.is_none() { only_desired.email = None; }
                if desired.agents.is_none() { only_desired.agents = None; }
                if desired.integrations.is_none() { only_desired.integrations = None; }
                let exact = plan(&desired, &only_desired, true);
                prop_assert!(!exact.has_changes(), "{:#?}", exact);
            }
        }

        #[test]
        fn the_summary_counts_every_change(desired in arb_document(), current in arb_document(), prune in any::<bool>()) {
            let found = plan(&unique_keys(desired), &unique_keys(current), prune);
            let total = found.sections.iter().map(|s| s.changes.len() as u32).sum::<u32>();
            let summary = found.summary;
            prop_assert_eq!(total, summary.add + summary.change + summary.remove + summary.unmanaged);
            if prune { prop_assert_eq!(summary.unmanaged, 0); }
        }
    }
}
