//! `get_handoff`: a recorded handoff and its decision — why a ticket got its
//! priority, team and operator.

use std::collections::BTreeMap;

use jiff::Timestamp;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{CopilotTool, ToolError, flat, indented, quoted, requester};
use crate::api::{
    AssignmentMethod, Channel, Environment, ExternalStatus, Handoff, HandoffOutcome,
    IntegrationKind, Priority,
};
use crate::client::Client;

pub struct GetHandoff;

/// Which handoff: its id, or the ticket it created. Give exactly one.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GetHandoffArgs {
    /// The handoff's id, e.g. `hof_1kbp3sm803f9a0c1b2d4e`.
    #[serde(default)]
    #[schemars(length(max = crate::api::MAX_NAME_CHARS))]
    pub id: Option<String>,
    /// The number of the ticket the handoff created, e.g. 10042.
    #[serde(default)]
    pub ticket: Option<u64>,
}

/// A handoff: what the AI agent sent and what Desk decided, with the reasons.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct HandoffOutput {
    pub id: String,
    pub agent: String,
    /// The agent's handover action.
    pub action: String,
    pub environment: Environment,
    pub channel: Channel,
    /// `ticket` (in the inbox), `external` (on a connected platform) or
    /// `preview` (recorded only).
    pub outcome: HandoffOutcome,
    /// The inbox ticket it created.
    pub ticket: Option<u64>,
    /// The ticket on a connected platform, and where its delivery stands.
    pub external: Option<ExternalOutput>,
    #[serde(serialize_with = "crate::api::instant::serialize")]
    pub created_at: Timestamp,
    /// Why the customer was handed over: `explicit-request`, `failed-resolution`
    /// or the agent's own words.
    pub reason: Option<String>,
    /// The customer, as one phrase.
    pub requester: String,
    pub subject: String,
    pub priority: Decision<Priority>,
    pub team: Decision<Option<String>>,
    pub assignee: AssigneeOutput,
    /// Ticket fields set from context keys, by key.
    pub fields: BTreeMap<String, serde_json::Value>,
    /// Context values that matched a field but did not convert: not applied.
    pub field_mismatches: Vec<String>,
    pub unmatched_context_keys: Vec<String>,
    pub invalid_context_keys: Vec<String>,
    pub warnings: Vec<String>,
    /// What the customer was shown: the waiting label, or the auto-reply.
    pub customer_saw: String,
    pub summary: String,
    /// The facts the AI agent sent, as received.
    pub context: BTreeMap<String, serde_json::Value>,
    /// Messages in the conversation before the handoff.
    pub transcript_messages: usize,
}

/// A decided value and why.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Decision<T> {
    pub value: T,
    pub why: String,
}

/// Who got the ticket, how and why.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct AssigneeOutput {
    /// The operator's handle; none when nobody was assigned.
    pub value: Option<String>,
    pub method: AssignmentMethod,
    pub why: String,
}

/// A ticket delivered to a connected platform.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ExternalOutput {
    pub platform: IntegrationKind,
    pub status: ExternalStatus,
    /// The platform's id of the ticket, once delivered.
    pub id: Option<String>,
    pub url: Option<String>,
}

impl From<Handoff> for HandoffOutput {
    fn from(handoff: Handoff) -> Self {
        let decision = handoff.decision;
        HandoffOutput {
            id: handoff.id,
            agent: decision.agent,
            action: decision.action,
            environment: decision.environment,
            channel: decision.channel,
            outcome: decision.outcome,
            ticket: handoff.ticket,
            external: handoff.external.map(|external| ExternalOutput {
                platform: external.kind,
                status: external.status,
                id: external.id,
                url: external.url,
            }),
            created_at: handoff.created_at,
            reason: handoff.request.reason,
            requester: requester(&handoff.request.requester.unwrap_or_default()),
            subject: decision.subject,
            priority: Decision {
                value: decision.priority.value,
                why: decision.priority.source.explain(),
            },
            team: Decision {
                value: decision.team.value,
                why: decision.team.source.explain(),
            },
            assignee: AssigneeOutput {
                value: decision.assignee.value,
                method: decision.assignee.method,
                why: decision.assignee.reason,
            },
            fields: decision
                .fields
                .into_iter()
                .map(|field| (field.key, field.value))
                .collect(),
            field_mismatches: decision
                .field_mismatches
                .into_iter()
                .map(|m| format!("{} = {}: {}", m.key, m.value, m.message))
                .collect(),
            unmatched_context_keys: decision.unmatched_context_keys,
            invalid_context_keys: decision.invalid_context_keys,
            warnings: decision.warnings,
            customer_saw: format!(
                "{}: {}",
                decision.customer_sees.kind, decision.customer_sees.text
            ),
            summary: decision.summary,
            context: handoff.request.context,
            transcript_messages: handoff.request.transcript.len(),
        }
    }
}

impl CopilotTool for GetHandoff {
    const NAME: &'static str = "get_handoff";
    const TITLE: &'static str = "Show a handoff and its decision";
    const DESCRIPTION: &'static str = "Show a handoff — an AI agent escalating a conversation \
        to people — by its id or by the ticket it created, with Desk's decision and the \
        reason for each part: priority, team and operator (which rule, or which default), \
        the ticket fields set from the context, and what the customer was shown. Needs the \
        manager or owner role.";
    type Args = GetHandoffArgs;
    type Output = HandoffOutput;

    async fn run(client: &Client, args: GetHandoffArgs) -> Result<HandoffOutput, ToolError> {
        let id = match (super::id("id", args.id)?, args.ticket) {
            (Some(id), None) => id,
            (None, Some(number)) => {
                let ticket = client.get_ticket(number).await?.ticket;
                ticket.handoff.ok_or_else(|| ToolError::Unanswerable {
                    code: "no_handoff",
                    message: format!(
                        "Ticket #{number} was not created by a handoff: it came to the \
                         support inbox by email."
                    ),
                })?
            }
            (Some(_), Some(_)) => {
                return Err(ToolError::argument(
                    "ticket",
                    "give either id or ticket, not both",
                ));
            }
            (None, None) => {
                return Err(ToolError::argument(
                    "id",
                    "is required unless ticket is given: give the handoff's id or its ticket's number",
                ));
            }
        };
        Ok(client.get_handoff(&id).await?.into())
    }

    fn text(output: &HandoffOutput) -> String {
        let became = match (output.ticket, &output.external) {
            (Some(number), _) => format!("ticket #{number}"),
            (None, Some(external)) => format!(
                "a ticket on {} ({}{})",
                external.platform,
                external.status,
                external
                    .id
                    .as_ref()
                    .map(|id| format!(", id {id}"))
                    .unwrap_or_default()
            ),
            (None, None) => "a preview (no ticket)".into(),
        };
        let mut lines = vec![
            format!(
                "Handoff {} → {became}, from agent {} (action {}) · {} · {} · {}",
                output.id,
                output.agent,
                output.action,
                output.environment,
                output.channel,
                output.created_at
            ),
            format!(
                "Customer: {} · reason: {}",
                output.requester,
                output.reason.as_deref().map_or("none given".into(), flat)
            ),
            format!("Subject: {}", quoted(&output.subject)),
            format!(
                "Priority {}: {}",
                output.priority.value, output.priority.why
            ),
            format!(
                "Team {}: {}",
                output.team.value.as_deref().unwrap_or("none"),
                output.team.why
            ),
            format!(
                "Operator {} ({}): {}",
                output.assignee.value.as_deref().unwrap_or("nobody"),
                output.assignee.method,
                output.assignee.why
            ),
        ];
        if !output.fields.is_empty() {
            let fields: Vec<String> = output
                .fields
                .iter()
                .map(|(key, value)| format!("{} = {value}", flat(key)))
                .collect();
            lines.push(format!("Fields set: {}", fields.join(", ")));
        }
        let mut list = |label: &str, items: &[String]| {
            if !items.is_empty() {
                let items: Vec<String> = items.iter().map(|item| flat(item)).collect();
                lines.push(format!("{label}: {}", items.join("; ")));
            }
        };
        list("Not applied", &output.field_mismatches);
        list(
            "Context keys without a field",
            &output.unmatched_context_keys,
        );
        list("Invalid context keys", &output.invalid_context_keys);
        list("Warnings", &output.warnings);
        lines.push(format!("The customer saw {}", flat(&output.customer_saw)));
        lines.push(format!("Summary: {}", indented(&output.summary)));
        lines.join("\n")
    }
}
