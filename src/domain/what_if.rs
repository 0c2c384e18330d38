//! What-if: the workspace as it would be with a document applied (without
//! prune), and how a handoff's decision there differs from today's. Pure: the
//! handler loads the workspace once and runs the one handoff pipeline on both.

use std::collections::{BTreeMap, BTreeSet};

use crate::api::{
    Agent, Availability, DecisionDifference, DeskDocument, HandoffDecision, Operator, Priority,
    Rule, RuleKind, Team, TicketField, WhatIfOutcome,
};
use crate::domain::assignment::Candidate;
use crate::domain::assignment::Loads;
use crate::domain::plan::memberships_after;
use crate::domain::workspace::SmtpConfig;
use crate::domain::workspace::Snapshot;
use crate::domain::workspace::WebhookConfig;

/// Replaces the entry with the same key, or adds it.
fn upsert<T>(list: &mut Vec<T>, item: T, same: impl Fn(&T) -> bool) {
    match list.iter_mut().find(|existing| same(existing)) {
        Some(existing) => *existing = item,
        None => list.push(item),
    }
}

/// `current` with `document` laid over it as `apply` without prune would
/// leave it: listed resources replaced, unlisted ones kept, present settings
/// and rule lists replaced. Timestamps and ids of new things are made up;
/// decisions never depend on them.
pub fn overlay(current: &Snapshot, document: &DeskDocument) -> Snapshot {
    let mut next = current.clone();
    let stamp = jiff::Timestamp::UNIX_EPOCH;
    for spec in document.operators.iter().flatten() {
        let availability = current
            .operators
            .iter()
            .find(|o| o.handle == spec.handle)
            .map_or(Availability::Offline, |o| o.availability);
        let operator = Operator {
            handle: spec.handle.clone(),
            name: spec.name.clone(),
            email: spec.email.clone(),
            signature: spec.signature.clone(),
            role: spec.role,
            availability,
            teams: Vec::new(),
            capacity: spec.capacity,
            created_at: stamp,
            updated_at: stamp,
        };
        upsert(&mut next.operators, operator, |o| o.handle == spec.handle);
    }
    let listed_default = document.teams.iter().flatten().any(|t| t.default);
    for spec in document.teams.iter().flatten() {
        let team = Team {
            key: spec.key.clone(),
            name: spec.name.clone(),
            default: spec.default,
            members: Vec::new(),
            created_at: stamp,
            updated_at: stamp,
        };
        upsert(&mut next.teams, team, |t| t.key == spec.key);
    }
    if listed_default {
        let default = document.teams.iter().flatten().find(|t| t.default);
        for team in &mut next.teams {
            team.default = default.is_some_and(|d| d.key == team.key);
        }
    }
    let current_pairs = current.teams.iter().flat_map(|team| {
        team.members
            .iter()
            .map(|handle| (handle.clone(), team.key.clone()))
    });
    let pairs = memberships_after(current_pairs, document);
    for team in &mut next.teams {
        team.members = pairs
            .iter()
            .filter(|(_, key)| *key == team.key)
            .map(|(handle, _)| handle.clone())
            .collect();
    }
    for operator in &mut next.operators {
        operator.teams = pairs
            .iter()
            .filter(|(handle, _)| *handle == operator.handle)
            .map(|(_, key)| key.clone())
            .collect();
    }
    for spec in document.ticket_fields.iter().flatten() {
        let field = TicketField {
            key: spec.key.clone(),
            name: spec.name.clone(),
            field_type: spec.field_type,
            options: spec.options.clone(),
            created_at: stamp,
            updated_at: stamp,
        };
        upsert(&mut next.fields, field, |f| f.key == spec.key);
    }
    if let Some(value) = &document.assignment {
        next.assignment = value.clone();
    }
    if let Some(value) = &document.business_hours {
        next.business_hours = value.clone();
    }
    if let Some(value) = &document.notifications {
        next.notifications = value.clone();
    }
    if let Some(value) = &document.handoff {
        next.handoff = value.clone();
    }
    // Secrets never decide a handoff: a preview needs none of them.
    next.email = SmtpConfig::default();
    next.delivery = WebhookConfig::default();
    if let Some(rules) = &document.rules {
        let rule = |kind: RuleKind, index: usize| Rule {
            id: format!("document-{kind}-{}", index + 1),
            kind,
            position: index as u32 + 1,
            name: None,
            match_mode: crate::api::MatchMode::All,
            conditions: Vec::new(),
            priority: None,
            team: None,
        };
        if let Some(list) = &rules.priority {
            next.priority_rules = list
                .iter()
                .enumerate()
                .map(|(index, spec)| Rule {
                    name: spec.name.clone(),
                    match_mode: spec.match_mode,
                    conditions: spec.conditions.clone(),
                    priority: Some(spec.priority),
                    ..rule(RuleKind::Priority, index)
                })
                .collect();
        }
        if let Some(list) = &rules.assignment {
            next.assignment_rules = list
                .iter()
                .enumerate()
                .map(|(index, spec)| Rule {
                    name: spec.name.clone(),
                    match_mode: spec.match_mode,
                    conditions: spec.conditions.clone(),
                    team: Some(spec.team.clone()),
                    ..rule(RuleKind::Assignment, index)
                })
                .collect();
        }
    }
    for spec in document.agents.iter().flatten() {
        let agent = Agent {
            key: spec.key.clone(),
            name: spec.name.clone(),
            handover: spec.handover.clone(),
            created_at: stamp,
            updated_at: stamp,
        };
        upsert(&mut next.agents, agent, |a| a.key == spec.key);
    }
    next
}

/// The operators of `team` as assignment sees them in `snapshot`: today's
/// availability and open tickets, the snapshot's membership and capacity.
pub fn team_candidates(snapshot: &Snapshot, loads: &Loads, team: Option<&str>) -> Vec<Candidate> {
    let Some(members) = team.and_then(|key| snapshot.teams.iter().find(|t| t.key == key)) else {
        return Vec::new();
    };
    let capacity: BTreeMap<&str, Option<u32>> = snapshot
        .operators
        .iter()
        .map(|o| (o.handle.as_str(), o.capacity))
        .collect();
    loads
        .operators
        .iter()
        .filter(|c| members.members.contains(&c.handle))
        .map(|c| Candidate {
            capacity: capacity.get(c.handle.as_str()).copied().flatten(),
            ..c.clone()
        })
        .chain(
            // Operators the document adds: offline, so never assigned, but listed.
            members
                .members
                .iter()
                .filter(|h| !loads.operators.iter().any(|c| &c.handle == *h))
                .map(|handle| Candidate {
                    handle: handle.clone(),
                    availability: Availability::Offline,
                    capacity: capacity.get(handle.as_str()).copied().flatten(),
                    open_tickets: 0,
                    last_assigned_at: None,
                }),
        )
        .collect()
}

fn json<T: serde::Serialize>(value: &T) -> Option<serde_json::Value> {
    Some(serde_json::to_value(value).expect("decisions serialize"))
}

/// How the decision under the document differs from today's: priority, team,
/// assignee, each ticket field, outcome and platform; or that one of them
/// refuses the handoff. Empty when the handoff is routed the same way.
pub fn differences(current: &WhatIfOutcome, proposed: &WhatIfOutcome) -> Vec<DecisionDifference> {
    let (today, next) = match (current, proposed) {
        (WhatIfOutcome::Decision(today), WhatIfOutcome::Decision(next)) => (today, next),
        (WhatIfOutcome::Rejected(today), WhatIfOutcome::Rejected(next))
            if today.code == next.code =>
        {
            return Vec::new();
        }
        _ => {
            let describe = |outcome: &WhatIfOutcome| match outcome {
                WhatIfOutcome::Decision(_) => serde_json::json!("accepted"),
                WhatIfOutcome::Rejected(problem) => serde_json::json!(problem.code),
            };
            return vec![DecisionDifference {
                field: "error".into(),
                current: Some(describe(current)),
                proposed: Some(describe(proposed)),
            }];
        }
    };
    let mut differences = Vec::new();
    let mut compare =
        |field: String, a: Option<serde_json::Value>, b: Option<serde_json::Value>| {
            if a != b {
                differences.push(DecisionDifference {
                    field,
                    current: a,
                    proposed: b,
                });
            }
        };
    compare(
        "priority".into(),
        json::<Priority>(&today.priority.value),
        json(&next.priority.value),
    );
    compare(
        "team".into(),
        today.team.value.as_ref().and_then(json),
        next.team.value.as_ref().and_then(json),
    );
    compare(
        "assignee".into(),
        today.assignee.value.as_ref().and_then(json),
        next.assignee.value.as_ref().and_then(json),
    );
    let fields = |decision: &HandoffDecision| -> BTreeMap<String, serde_json::Value> {
        decision
            .fields
            .iter()
            .map(|f| (f.key.clone(), f.value.clone()))
            .collect()
    };
    let (mut before, mut after) = (fields(today), fields(next));
    let keys: BTreeSet<String> = before.keys().chain(after.keys()).cloned().collect();
    for key in keys {
        compare(
            format!("fields.{key}"),
            before.remove(&key),
            after.remove(&key),
        );
    }
    compare("outcome".into(), json(&today.outcome), json(&next.outcome));
    compare(
        "platform".into(),
        json(&today.platform),
        json(&next.platform),
    );
    differences
}
