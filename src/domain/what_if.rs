//! What-if: the workspace as it would be with a document applied (without
//! prune), and how a handoff's decision there differs from today's. Pure: the
//! handler loads the workspace once and runs the one handoff pipeline on both.

use std::collections::{BTreeMap, BTreeSet};

use crate::api::{
    Availability, DecisionDifference, DeskDocument, FieldMismatch, FieldValue, HandoffDecision,
    Priority, WhatIfOutcome,
};
use crate::domain::Refusal;
use crate::domain::assignment::Candidate;
use crate::domain::assignment::{Loads, TeamState};
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

/// `team` as assignment sees it in `snapshot`: its operators with today's
/// availability and open tickets and the snapshot's membership and capacity,
/// and today's round-robin position.
pub fn team_state(snapshot: &Snapshot, loads: &Loads, team: Option<&str>) -> TeamState {
    TeamState {
        candidates: team_candidates(snapshot, loads, team),
        last_assigned: team.and_then(|team| loads.last_assigned.get(team)).cloned(),
    }
}

fn team_candidates(snapshot: &Snapshot, loads: &Loads, team: Option<&str>) -> Vec<Candidate> {
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

/// How the decision under the document differs from today's: every value the
/// decision carries — priority, team, assignee, each ticket field, the fields
/// whose value does not convert, outcome, platform, action, what the customer
/// sees (`customer_sees`, and `customer_sees.text` when only its text changes)
/// and the summary — or that one of them refuses the handoff. Empty when the
/// handoff is decided the same way.
///
/// Why a value was chosen (rule sources, reasons) is not compared: a different
/// reason for the same outcome changes nothing for the customer or the
/// operators. Nor are warnings: each is about a value compared here or about
/// the request itself.
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
    // Every field named, none with `..`: a field added to the decision does
    // not compile here until it is compared or said to need no comparison.
    let HandoffDecision {
        // From the request alone: the same on both sides.
        agent: _,
        environment: _,
        channel: _,
        subject: _,
        invalid_context_keys: _,
        // Follow from the fields and mismatches compared below.
        unmatched_context_keys: _,
        // Each about a value compared here, or about the request.
        warnings: _,
        action,
        platform,
        outcome,
        priority,
        team,
        assignee,
        fields,
        field_mismatches,
        customer_sees,
        summary,
    } = &**today;
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
        json::<Priority>(&priority.value),
        json(&next.priority.value),
    );
    compare(
        "team".into(),
        team.value.as_ref().and_then(json),
        next.team.value.as_ref().and_then(json),
    );
    compare(
        "assignee".into(),
        assignee.value.as_ref().and_then(json),
        next.assignee.value.as_ref().and_then(json),
    );
    let by_key = |fields: &[FieldValue]| -> BTreeMap<String, serde_json::Value> {
        fields
            .iter()
            .map(|f| (f.key.clone(), f.value.clone()))
            .collect()
    };
    let (mut before, mut after) = (by_key(fields), by_key(&next.fields));
    let keys: BTreeSet<String> = before.keys().chain(after.keys()).cloned().collect();
    for key in keys {
        compare(
            format!("fields.{key}"),
            before.remove(&key),
            after.remove(&key),
        );
    }
    let mismatched = |mismatches: &[FieldMismatch]| -> Vec<String> {
        mismatches.iter().map(|m| m.key.clone()).collect()
    };
    compare(
        "field_mismatches".into(),
        json(&mismatched(field_mismatches)),
        json(&mismatched(&next.field_mismatches)),
    );
    compare("outcome".into(), json(outcome), json(&next.outcome));
    compare("platform".into(), json(platform), json(&next.platform));
    compare("action".into(), json(action), json(&next.action));
    compare(
        "customer_sees".into(),
        json(&customer_sees.kind),
        json(&next.customer_sees.kind),
    );
    // The same kind with other words (a new label or auto-reply) is a change
    // too; a new kind already says the text changes with it.
    if customer_sees.kind == next.customer_sees.kind {
        compare(
            "customer_sees.text".into(),
            json(&customer_sees.text),
            json(&next.customer_sees.text),
        );
    }
    compare("summary".into(), json(summary), json(&next.summary));
    differences
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn decision() -> HandoffDecision {
        serde_json::from_value(json!({
            "agent": "shop",
            "action": "Escalate",
            "platform": "inbox",
            "environment": "production",
            "channel": "web",
            "outcome": "ticket",
            "subject": "Where is my order?",
            "priority": {"value": "medium", "source": "fallback"},
            "team": {"value": "support", "source": "default-team"},
            "assignee": {"value": "alice", "method": "balanced", "reason": "balanced: alice"},
            "fields": [{"key": "plan", "name": "Plan", "type": "text", "value": "gold"}],
            "field_mismatches": [],
            "unmatched_context_keys": [],
            "invalid_context_keys": [],
            "warnings": [],
            "customer_sees": {"kind": "waiting-label", "text": "One moment", "reason": "1 of 1"},
            "summary": "Alice talked to shop on web.\nFields set: plan = gold."
        }))
        .unwrap()
    }

    fn compared(change: impl FnOnce(&mut HandoffDecision)) -> Vec<DecisionDifference> {
        let mut next = decision();
        change(&mut next);
        differences(
            &WhatIfOutcome::Decision(Box::new(decision())),
            &WhatIfOutcome::Decision(Box::new(next)),
        )
    }

    fn fields(differences: &[DecisionDifference]) -> Vec<&str> {
        differences.iter().map(|d| d.field.as_str()).collect()
    }

    #[test]
    fn what_the_customer_sees_is_a_difference() {
        let differences = compared(|next| {
            next.customer_sees.kind = "auto-reply".into();
            next.customer_sees.text = "We are closed".into();
            next.customer_sees.reason = "outside business hours".into();
            next.warnings.push("nobody is available".into());
        });
        assert_eq!(
            differences,
            [DecisionDifference {
                field: "customer_sees".into(),
                current: Some(json!("waiting-label")),
                proposed: Some(json!("auto-reply")),
            }]
        );
        // The same kind in other words.
        let differences = compared(|next| next.customer_sees.text = "Hold on".into());
        assert_eq!(
            differences,
            [DecisionDifference {
                field: "customer_sees.text".into(),
                current: Some(json!("One moment")),
                proposed: Some(json!("Hold on")),
            }]
        );
    }

    #[test]
    fn every_value_the_decision_carries_is_compared_but_not_why() {
        let differences = compared(|next| {
            next.action = "Handover".into();
            next.summary = "Someone else.".into();
            next.fields.clear();
            next.field_mismatches.push(FieldMismatch {
                key: "plan".into(),
                value: json!(7),
                message: "not an option".into(),
            });
        });
        assert_eq!(
            fields(&differences),
            ["fields.plan", "field_mismatches", "action", "summary"]
        );
        // Reasons alone change nothing.
        let differences = compared(|next| {
            next.assignee.reason = "balanced: alice again".into();
            next.customer_sees.reason = "2 of 2".into();
            next.team.source = crate::api::DecisionSource::NoTeam;
        });
        assert!(differences.is_empty(), "{differences:?}");
    }
}
