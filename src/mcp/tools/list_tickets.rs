//! `list_tickets`: the inbox's views and filters, a page at a time.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::Value;

use super::{
    CopilotTool, ToolError, cursor, field_conditions, limit, name, page_text, search_text,
    sendable, since, unknown_filter,
};
use crate::api::{Channel, Page, Priority, Ticket, TicketQuery, TicketStatus, TicketView};
use crate::client::Client;

pub struct ListTickets;

/// Which tickets, as the inbox filters them. Every filter is optional.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListTicketsArgs {
    /// `mine` (open and pending tickets assigned to you), `unassigned` (open
    /// and pending, nobody assigned), `resolved`, or `all` (the default).
    /// A `status` takes the place of `mine`'s and `unassigned`'s open and
    /// pending.
    #[serde(default)]
    pub view: Option<TicketView>,
    #[serde(default)]
    pub status: Option<TicketStatus>,
    #[serde(default)]
    pub priority: Option<Priority>,
    /// An operator's handle, e.g. `alice`.
    #[serde(default)]
    #[schemars(length(max = crate::api::MAX_NAME_CHARS))]
    pub assignee: Option<String>,
    /// A team's key, e.g. `billing`.
    #[serde(default)]
    #[schemars(length(max = crate::api::MAX_NAME_CHARS))]
    pub team: Option<String>,
    /// Where the customer wrote from.
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
    /// Tickets created at or after this: an instant like `2026-03-29T07:30:00Z`,
    /// a date like `2026-03-29`, or a span back from now like `24h` or `7d`.
    #[serde(default)]
    pub since: Option<String>,
    /// Tickets with activity (a message, note or change) at or after this, in
    /// the same forms as `since`.
    #[serde(default)]
    pub active_since: Option<String>,
    /// Ticket field values by key, as a ticket's `fields` shows them, e.g.
    /// `{"plan": "enterprise", "seats": 12}`: tickets holding every one.
    /// Each value is read as its field's type (`12` and `"12"` are the same
    /// number, `true` a checked box).
    #[serde(default)]
    #[schemars(schema_with = "super::field_values_schema")]
    pub field: Option<BTreeMap<String, Value>>,
    /// How many tickets to return: 1 to 100, 20 when not given.
    #[serde(default)]
    #[schemars(range(min = 1, max = super::MAX_LIMIT))]
    pub limit: Option<u32>,
    /// The `next_cursor` of the previous page.
    #[serde(default)]
    #[schemars(length(max = crate::api::MAX_CURSOR_CHARS))]
    pub cursor: Option<String>,
}

impl ListTicketsArgs {
    /// The API's query for these arguments.
    pub fn query(self) -> Result<TicketQuery, ToolError> {
        sendable(TicketQuery {
            view: self.view,
            status: self.status,
            priority: self.priority,
            assignee: name("assignee", self.assignee)?,
            team: name("team", self.team)?,
            channel: self.channel,
            agent: None,
            requester: search_text("requester", self.requester)?,
            q: search_text("text", self.text)?,
            created_since: since("since", self.since.as_deref())?,
            updated_since: since("active_since", self.active_since.as_deref())?,
            limit: Some(limit(self.limit)?),
            field: field_conditions(self.field)?,
            cursor: cursor(self.cursor)?,
            ..TicketQuery::default()
        })
    }
}

impl CopilotTool for ListTickets {
    const NAME: &'static str = "list_tickets";
    const TITLE: &'static str = "List tickets";
    const DESCRIPTION: &'static str = "List the help desk tickets you may see, newest activity \
        first, filtered like the inbox: by view (mine, unassigned, resolved, all), status, \
        priority, assignee, team, channel, requester, text, since when, and ticket field \
        values. Owners and \
        managers see every ticket; operators see the tickets assigned to them and the \
        unassigned tickets of their teams. Each ticket has its number for get_ticket.";
    type Args = ListTicketsArgs;
    type Output = Page<Ticket>;

    async fn run(client: &Client, args: ListTicketsArgs) -> Result<Page<Ticket>, ToolError> {
        let query = args.query()?;
        let page = client
            .list_tickets(&query)
            .await
            .map_err(ToolError::of_view)?;
        if page.items.is_empty() && query.cursor.is_none() {
            unknown_filter(client, &query).await?;
        }
        Ok(page)
    }

    fn text(output: &Page<Ticket>) -> String {
        page_text(output, Self::NAME)
    }
}
