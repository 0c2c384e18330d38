//! `get_ticket`: one ticket and its whole timeline, as the inbox shows it to
//! the caller.

use std::collections::BTreeMap;

use jiff::Timestamp;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{CopilotTool, TicketSummary, ToolError, requester};
use crate::api::{AuthorKind, Channel, TicketDetail, TimelineEntry, TimelineKind};
use crate::client::Client;

pub struct GetTicket;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GetTicketArgs {
    /// The ticket's number, e.g. 10042.
    pub number: u64,
}

/// A ticket with everything the inbox shows of it.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct TicketOutput {
    #[serde(flatten)]
    pub summary: TicketSummary,
    /// The customer's id on the AI agent platform.
    pub requester_external_id: Option<String>,
    /// Ticket field values by key.
    pub fields: BTreeMap<String, serde_json::Value>,
    /// The facts the AI agent sent with the handoff, as received.
    pub context: BTreeMap<String, serde_json::Value>,
    /// A person took the conversation over: the AI no longer answers.
    pub ai_paused: bool,
    /// The handoff that created the ticket: `get_handoff` explains its routing.
    pub handoff: Option<String>,
    /// In order: messages with the customer, internal notes, and events.
    pub timeline: Vec<TimelineOutput>,
}

/// One entry of a ticket's timeline.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct TimelineOutput {
    pub seq: u32,
    /// `message` (to or from the customer), `note` (internal, never shown to
    /// the customer) or `event` (assigned, resolved, ...).
    pub kind: TimelineKind,
    pub author_kind: AuthorKind,
    /// An operator's handle, the customer's name, or the AI agent.
    pub author: Option<String>,
    /// For events: `created`, `summary`, `assigned`, ...
    pub event: Option<String>,
    pub body: Option<String>,
    pub channel: Option<Channel>,
    pub at: Timestamp,
}

impl From<&TimelineEntry> for TimelineOutput {
    fn from(entry: &TimelineEntry) -> Self {
        TimelineOutput {
            seq: entry.seq,
            kind: entry.kind,
            author_kind: entry.author_kind,
            author: entry.author.clone(),
            event: entry.event.clone(),
            body: entry.body.clone(),
            channel: entry.channel,
            at: entry.at,
        }
    }
}

impl From<TicketDetail> for TicketOutput {
    fn from(detail: TicketDetail) -> Self {
        let ticket = detail.ticket;
        TicketOutput {
            summary: TicketSummary::from(&ticket),
            requester_external_id: ticket.requester.external_id,
            fields: ticket.fields,
            context: ticket.context,
            ai_paused: ticket.ai_paused,
            handoff: ticket.handoff,
            timeline: detail.timeline.iter().map(TimelineOutput::from).collect(),
        }
    }
}

impl TimelineOutput {
    fn line(&self) -> String {
        let author = self.author.as_deref().unwrap_or("system");
        let channel = self
            .channel
            .map(|channel| format!(" ({channel})"))
            .unwrap_or_default();
        let body = self.body.as_deref().unwrap_or("");
        let who = match (self.kind, self.author_kind) {
            (TimelineKind::Note, _) => format!("internal note by {author}"),
            (TimelineKind::Event, _) => {
                format!("{} by {author}", self.event.as_deref().unwrap_or("event"))
            }
            (TimelineKind::Message, AuthorKind::Customer) => format!("customer {author}{channel}"),
            (TimelineKind::Message, AuthorKind::Ai) => format!("AI agent {author}{channel}"),
            (TimelineKind::Message, _) => format!("operator {author}{channel}"),
        };
        format!("{}. {} {who}: {body}", self.seq, self.at)
    }
}

impl CopilotTool for GetTicket {
    const NAME: &'static str = "get_ticket";
    const TITLE: &'static str = "Show a ticket";
    const DESCRIPTION: &'static str = "Open one ticket by its number: its status, priority, \
        requester, assignee, team, channel, fields and context, and its whole timeline in \
        order: the conversation with the customer (AI and human replies), the internal notes \
        your team wrote, and what happened to it (assignments, takeovers, status changes).";
    type Args = GetTicketArgs;
    type Output = TicketOutput;

    async fn run(client: &Client, args: GetTicketArgs) -> Result<TicketOutput, ToolError> {
        Ok(client.get_ticket(args.number).await?.into())
    }

    fn text(output: &TicketOutput) -> String {
        let ticket = &output.summary;
        let assignee = match &ticket.assignee {
            Some(handle) => format!("assigned to {handle}"),
            None => "unassigned".into(),
        };
        let requester = requester(&crate::api::Requester {
            name: ticket.requester_name.clone(),
            email: ticket.requester_email.clone(),
            external_id: output.requester_external_id.clone(),
        });
        let mut lines = vec![
            format!("Ticket #{}: \"{}\"", ticket.number, ticket.subject),
            format!(
                "Status {} · priority {} · {assignee} · team {} · channel {} · agent {}",
                ticket.status,
                ticket.priority,
                ticket.team.as_deref().unwrap_or("none"),
                ticket.channel,
                ticket.agent.as_deref().unwrap_or("none (support inbox)"),
            ),
            format!("Requester: {requester}"),
            format!(
                "Created {} · last activity {}",
                ticket.created_at, ticket.last_activity_at
            ),
        ];
        let pairs = |map: &BTreeMap<String, serde_json::Value>| {
            map.iter()
                .map(|(key, value)| format!("{key} = {value}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if !output.fields.is_empty() {
            lines.push(format!("Fields: {}", pairs(&output.fields)));
        }
        if !output.context.is_empty() {
            lines.push(format!("Context: {}", pairs(&output.context)));
        }
        if output.ai_paused {
            lines.push("Taken over: the AI no longer answers the customer.".into());
        }
        lines.push("Timeline:".into());
        lines.extend(output.timeline.iter().map(TimelineOutput::line));
        lines.join("\n")
    }
}
