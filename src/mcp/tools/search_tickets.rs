//! `search_tickets`: words in subjects and messages, or a ticket's number.

use schemars::JsonSchema;
use serde::Deserialize;

use super::{CopilotTool, ToolError, cursor, limit, page_text, search_text};
use crate::api::{Page, Ticket, TicketQuery, TicketStatus, TicketView};
use crate::client::{Client, ClientError};

pub struct SearchTickets;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SearchTicketsArgs {
    /// Text to find in subjects and messages, as one substring (A-Z in
    /// either case, every other character exactly), or a ticket number such
    /// as `10042` or `#10042`.
    #[schemars(length(max = crate::api::MAX_SEARCH_CHARS))]
    pub query: String,
    /// Only tickets with this status.
    #[serde(default)]
    pub status: Option<TicketStatus>,
    /// `mine`, `unassigned`, `resolved`, or `all` (the default).
    #[serde(default)]
    pub view: Option<TicketView>,
    /// How many tickets to return: 1 to 100, 20 when not given.
    #[serde(default)]
    #[schemars(range(min = 1, max = super::MAX_LIMIT))]
    pub limit: Option<u32>,
    /// The `next_cursor` of the previous page.
    #[serde(default)]
    #[schemars(length(max = crate::api::MAX_CURSOR_CHARS))]
    pub cursor: Option<String>,
}

/// The number a query names, as `10042` or `#10042`.
fn ticket_number(query: &str) -> Option<u64> {
    query.trim().trim_start_matches('#').parse().ok()
}

impl CopilotTool for SearchTickets {
    const NAME: &'static str = "search_tickets";
    const TITLE: &'static str = "Search tickets";
    const DESCRIPTION: &'static str = "Search the tickets you may see for words in their \
        subjects and messages (internal notes are not searched), newest activity first. A \
        ticket number (10042 or #10042) also finds that ticket when no status or view is \
        given.";
    type Args = SearchTicketsArgs;
    type Output = Page<Ticket>;

    async fn run(client: &Client, args: SearchTicketsArgs) -> Result<Page<Ticket>, ToolError> {
        let Some(words) = search_text("query", Some(args.query))? else {
            return Err(ToolError::argument(
                "query",
                "is empty: give words to find, or a ticket number",
            ));
        };
        let words = words.trim().to_string();
        let after = cursor(args.cursor)?;
        let query = TicketQuery {
            view: args.view,
            status: args.status,
            q: Some(words.clone()),
            limit: Some(limit(args.limit)?),
            cursor: after.clone(),
            ..TicketQuery::default()
        };
        let mut page = client.list_tickets(&query).await?;
        // A number is looked up through the same role check as get_ticket (a
        // ticket the caller may not see is not found), on an unfiltered first page.
        let unfiltered = args.status.is_none() && args.view.is_none() && after.is_none();
        if let Some(number) = ticket_number(&words).filter(|_| unfiltered) {
            match client.get_ticket(number).await {
                Ok(detail) if !page.items.iter().any(|t| t.number == number) => {
                    page.items.insert(0, detail.ticket);
                }
                Ok(_) => {}
                Err(ClientError::Api { status, .. }) if status.is_client_error() => {}
                Err(other) => return Err(other.into()),
            }
        }
        Ok(page)
    }

    fn text(output: &Page<Ticket>) -> String {
        page_text(output, Self::NAME)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_found_with_or_without_a_hash() {
        assert_eq!(ticket_number("10042"), Some(10042));
        assert_eq!(ticket_number(" #10042 "), Some(10042));
        assert_eq!(ticket_number("refund 10042"), None);
    }
}
