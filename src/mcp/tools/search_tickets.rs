//! `search_tickets`: words in subjects and messages, or a ticket's number.

use jiff::Timestamp;
use schemars::JsonSchema;
use serde::Deserialize;

use super::{CopilotTool, ToolError, cursor, limit, page_text, search_text};

use crate::api::instant::Micros;
use crate::api::{
    Page, Ticket, TicketQuery, TicketSort, TicketStatus, TicketView, ticket_cursor,
    write_ticket_cursor,
};
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

/// `ticket` first on a page of at most `limit` text matches: the last match
/// it pushes off leads the next page, which starts after the match now last
/// (or, with a page of one, from the first match).
fn first_of(page: &mut Page<Ticket>, ticket: Ticket, limit: u32) {
    page.items.insert(0, ticket);
    if page.items.len() <= limit as usize {
        return;
    }
    page.items.truncate(limit as usize);
    let sort = TicketSort::default();
    page.next_cursor = Some(match &page.items[1..] {
        [.., last] => ticket_cursor(sort, last),
        // After a ticket later than any: every match follows it.
        [] => write_ticket_cursor(sort, &Micros(Timestamp::MAX).to_string(), 0),
    });
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
        let limit = limit(args.limit)?;
        let query = TicketQuery {
            view: args.view,
            status: args.status,
            q: Some(words.clone()),
            limit: Some(limit),
            cursor: after.clone(),
            ..TicketQuery::default()
        };
        let mut page = client
            .list_tickets(&query)
            .await
            .map_err(ToolError::of_view)?;
        let Some(number) =
            ticket_number(&words).filter(|_| args.status.is_none() && args.view.is_none())
        else {
            return Ok(page);
        };
        if after.is_some() {
            // The first page showed it already, whatever its text.
            page.items.retain(|ticket| ticket.number != number);
            return Ok(page);
        }
        // A number is looked up through the same role check as get_ticket (a
        // ticket the caller may not see is not found).
        match client.get_ticket(number).await {
            Ok(detail) if !page.items.iter().any(|t| t.number == number) => {
                first_of(&mut page, detail.ticket, limit);
            }
            Ok(_) => {}
            Err(ClientError::Api { status, .. }) if status.is_client_error() => {}
            Err(other) => return Err(other.into()),
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
