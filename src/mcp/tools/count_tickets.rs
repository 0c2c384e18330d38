//! `count_tickets`: how many tickets, grouped, counted by the service (never by
//! paging through every ticket).

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::Value;

use super::list_tickets::ListTicketsArgs;
use super::{CopilotTool, ToolError, unknown_filter};
use crate::api::{
    Channel, Priority, TicketCountBy, TicketCountQuery, TicketCounts, TicketStatus, TicketView,
};
use crate::client::Client;

pub struct CountTickets;

/// The grouping, and which tickets to count (the filters of `list_tickets`).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CountTicketsArgs {
    /// Count by `status`, `priority`, `assignee`, `team` or `channel`.
    pub by: TicketCountBy,
    /// `mine`, `unassigned`, `resolved`, or `all` (the default).
    #[serde(default)]
    pub view: Option<TicketView>,
    #[serde(default)]
    pub status: Option<TicketStatus>,
    #[serde(default)]
    pub priority: Option<Priority>,
    /// An operator's handle.
    #[serde(default)]
    #[schemars(length(max = crate::api::MAX_NAME_CHARS))]
    pub assignee: Option<String>,
    /// A team's key.
    #[serde(default)]
    #[schemars(length(max = crate::api::MAX_NAME_CHARS))]
    pub team: Option<String>,
    #[serde(default)]
    pub channel: Option<Channel>,
    /// The customer: their email (whole), their external id (whole, exact),
    /// their phone (whole, spaces and `+-()./#*,;` aside: `+49 151 1234-5678`
    /// finds `+4915112345678`) or any part of their name; in the email, the
    /// phone and the name A-Z in either case, every other character exactly.
    #[serde(default)]
    #[schemars(length(max = crate::api::MAX_SEARCH_CHARS))]
    pub requester: Option<String>,
    /// Text searched in subjects and messages, as one substring: A-Z in
    /// either case, every other character exactly.
    #[serde(default)]
    #[schemars(length(max = crate::api::MAX_SEARCH_CHARS))]
    pub text: Option<String>,
    /// Tickets created at or after this (an instant, a date, or a span like `7d`).
    #[serde(default)]
    pub since: Option<String>,
    /// Tickets with activity at or after this (same forms as `since`).
    #[serde(default)]
    pub active_since: Option<String>,
    /// Ticket field values by key, e.g. `{"plan": "enterprise"}`: tickets
    /// holding every one, each value read as its field's type.
    #[serde(default)]
    #[schemars(schema_with = "super::field_values_schema")]
    pub field: Option<BTreeMap<String, Value>>,
}

impl CopilotTool for CountTickets {
    const NAME: &'static str = "count_tickets";
    const TITLE: &'static str = "Count tickets";
    const DESCRIPTION: &'static str = "Count the tickets you may see, grouped by status, \
        priority, assignee, team or channel, with the same filters as list_tickets: \
        \"how many tickets are open?\", \"who has the most urgent tickets?\".";
    type Args = CountTicketsArgs;
    type Output = TicketCounts;

    async fn run(client: &Client, args: CountTicketsArgs) -> Result<TicketCounts, ToolError> {
        let filters = ListTicketsArgs {
            view: args.view,
            status: args.status,
            priority: args.priority,
            assignee: args.assignee,
            team: args.team,
            channel: args.channel,
            requester: args.requester,
            text: args.text,
            since: args.since,
            active_since: args.active_since,
            field: args.field,
            limit: None,
            cursor: None,
        }
        .query()?;
        let query = TicketCountQuery::filtered(args.by, filters);
        let counts = client
            .count_tickets(&query)
            .await
            .map_err(ToolError::of_view)?;
        if counts.total == 0 {
            unknown_filter(client, &query.filters()).await?;
        }
        Ok(counts)
    }

    fn text(output: &TicketCounts) -> String {
        let none = match output.by {
            TicketCountBy::Assignee => "unassigned",
            TicketCountBy::Team => "no team",
            _ => "none",
        };
        let groups: Vec<String> = output
            .groups
            .iter()
            .map(|group| format!("{} {}", group.value.as_deref().unwrap_or(none), group.count))
            .collect();
        let ticket_s = if output.total == 1 { "" } else { "s" };
        if groups.is_empty() {
            return format!("No tickets match (by {}).", output.by);
        }
        format!(
            "{} ticket{ticket_s} by {}: {}.",
            output.total,
            output.by,
            groups.join(", ")
        )
    }
}
