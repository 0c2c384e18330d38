//! `get_ticket`: one ticket and its whole timeline, as the inbox shows it to
//! the caller.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use super::{CopilotTool, ToolError, requester};
use crate::api::{AuthorKind, TicketDetail, TimelineEntry, TimelineKind};
use crate::client::Client;

pub struct GetTicket;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GetTicketArgs {
    /// The ticket's number, e.g. 10042.
    pub number: u64,
}

/// One timeline entry on one line: `3. 2026-03-29T07:30:00Z customer Dana (web): text`.
fn entry_line(entry: &TimelineEntry) -> String {
    let author = entry.author.as_deref().unwrap_or("system");
    let channel = entry
        .channel
        .map(|channel| format!(" ({channel})"))
        .unwrap_or_default();
    let who = match (entry.kind, entry.author_kind) {
        (TimelineKind::Note, _) => format!("internal note by {author}"),
        (TimelineKind::Event, _) => {
            format!("{} by {author}", entry.event.as_deref().unwrap_or("event"))
        }
        (TimelineKind::Message, AuthorKind::Customer) => format!("customer {author}{channel}"),
        (TimelineKind::Message, AuthorKind::Ai) => format!("AI agent {author}{channel}"),
        (TimelineKind::Message, _) => format!("operator {author}{channel}"),
    };
    let body = entry.body.as_deref().unwrap_or("");
    format!("{}. {} {who}: {body}", entry.seq, entry.at)
}

impl CopilotTool for GetTicket {
    const NAME: &'static str = "get_ticket";
    const TITLE: &'static str = "Show a ticket";
    const DESCRIPTION: &'static str = "Open one ticket by its number: its status, priority, \
        requester, assignee, team, channel, fields and context, and its whole timeline in \
        order: the conversation with the customer (AI and human replies), the internal notes \
        your team wrote, and what happened to it (assignments, takeovers, status changes).";
    type Args = GetTicketArgs;
    type Output = TicketDetail;

    async fn run(client: &Client, args: GetTicketArgs) -> Result<TicketDetail, ToolError> {
        Ok(client.get_ticket(args.number).await?)
    }

    fn text(output: &TicketDetail) -> String {
        let ticket = &output.ticket;
        let assignee = match &ticket.assignee {
            Some(handle) => format!("assigned to {handle}"),
            None => "unassigned".into(),
        };
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
            format!("Requester: {}", requester(&ticket.requester)),
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
        if !ticket.fields.is_empty() {
            lines.push(format!("Fields: {}", pairs(&ticket.fields)));
        }
        if !ticket.context.is_empty() {
            lines.push(format!("Context: {}", pairs(&ticket.context)));
        }
        if ticket.ai_paused {
            lines.push("Taken over: the AI no longer answers the customer.".into());
        }
        lines.push("Timeline:".into());
        lines.extend(output.timeline.iter().map(entry_line));
        lines.join("\n")
    }
}
