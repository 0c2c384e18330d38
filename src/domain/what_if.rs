//! What-if: the workspace as it would be with a document applied (without
//! prune), and how a handoff's decision there differs from today's. Pure: the
//! handler loads the workspace once and runs the one handoff pipeline on both.

use std::collections::{BTreeMap, BTreeSet};

use crate::api::{
    Availability, DecisionDifference, DeskDocument, HandoffDecision, Priority, WhatIfOutcome,
};
use crate::domain::Refusal;
use crate::domain::assignment::Candidate;
use crate::domain::assignment::Loads;
use crate::domain::workspace::document::after;
use crate::domain::workspace::{SmtpConfig, Snapshot, WebhookConfig};

/// `current` with `document` laid over it as `apply` without prune would
/// leave it (the one [`after`]), without a single secret: secrets never decide
/// a handoff, and a preview needs none. Rules the document adds are named
/// `document-rule-N`.
pub fn overlay(
    current: &Snapshot,
    document: &DeskDocument,
    at: jiff::Timestamp,
) -> Result<Snapshot, Refusal> {
    let mut added = 0;
    let mut next = after(current, document, false, at, &mut || {
        added += 1;
        format!("document-rule-{added}")
    })?;
    next.email = SmtpConfig::default();
    next.delivery = WebhookConfig::default();
    for integration in &mut next.integrations {
        integration.connection.secrets.clear();
    }
    Ok(next)
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
