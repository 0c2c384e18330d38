use bytes::Bytes;
use http::Method;
use http::header::CONTENT_TYPE;
use serde_json::value::RawValue;

use super::{Client, ClientError, ClientResult, encode_query};
use crate::api::{
    AssignRequest, ConversationAppend, ConversationState, JSON_LINES, NEXT_CURSOR_HEADER,
    NoteRequest, Page, Priority, PriorityRequest, ReplyRequest, RequesterTicket, TakeQuery, Ticket,
    TicketQuery,
};
use crate::net::segment;

impl Client {
    /// One page of tickets.
    pub async fn list_tickets(&self, query: &TicketQuery) -> ClientResult<Page<Ticket>> {
        self.get(format!("/v1/tickets?{}", encode_query(query)))
            .await
    }

    /// One page of tickets as JSON lines, each as the service wrote it and
    /// ending in `\n`: printed as they are, without decoding and encoding
    /// every ticket again. A service that answers a JSON page instead (one
    /// from before JSON lines) is read into the same lines.
    pub async fn list_ticket_lines(&self, query: &TicketQuery) -> ClientResult<Page<Bytes>> {
        let mut request = super::request(
            Method::GET,
            format!("/v1/tickets?{}", encode_query(query)),
            None,
        );
        request.accept = Some(JSON_LINES);
        let response = self.send(request).await?;
        let media = response
            .headers
            .get(CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.split(';').next())
            .unwrap_or_default()
            .trim();
        if !media.eq_ignore_ascii_case(JSON_LINES) {
            let page: Page<Box<RawValue>> = self.decode(&response)?;
            return Ok(Page {
                items: page
                    .items
                    .into_iter()
                    .map(|ticket| Bytes::from(format!("{}\n", ticket.get())))
                    .collect(),
                next_cursor: page.next_cursor,
            });
        }
        let invalid = |detail: &str| ClientError::InvalidResponse {
            target: self.target(),
            status: response.status,
            detail: detail.to_string(),
        };
        let next_cursor = match response.headers.get(NEXT_CURSOR_HEADER) {
            None => None,
            Some(cursor) => Some(
                cursor
                    .to_str()
                    .map_err(|_| invalid("the next page's cursor is not text"))?
                    .to_string(),
            ),
        };
        let body = &response.body;
        let mut items = Vec::new();
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', body) {
            items.push(body.slice(start..=end));
            start = end + 1;
        }
        if start != body.len() {
            return Err(invalid("the page's last line is cut short"));
        }
        Ok(Page { items, next_cursor })
    }

    async fn ticket_action<B: serde::Serialize>(
        &self,
        number: u64,
        action: &str,
        body: &B,
    ) -> ClientResult<Ticket> {
        self.write(Method::POST, format!("/v1/tickets/{number}/{action}"), body)
            .await
    }

    pub async fn assign_ticket(&self, number: u64, body: &AssignRequest) -> ClientResult<Ticket> {
        self.ticket_action(number, "assign", body).await
    }

    pub async fn unassign_ticket(&self, number: u64) -> ClientResult<Ticket> {
        self.ticket_action(number, "unassign", &serde_json::json!({}))
            .await
    }

    /// Assigns ticket `number` to the token's operator; `query.force` even
    /// when the guard of assignment by hand refuses them.
    pub async fn take_ticket(&self, number: u64, query: &TakeQuery) -> ClientResult<Ticket> {
        let action = match encode_query(query) {
            query if query.is_empty() => "take".to_string(),
            query => format!("take?{query}"),
        };
        self.ticket_action(number, &action, &serde_json::json!({}))
            .await
    }

    pub async fn set_ticket_priority(
        &self,
        number: u64,
        priority: Priority,
    ) -> ClientResult<Ticket> {
        self.ticket_action(number, "priority", &PriorityRequest { priority })
            .await
    }

    pub async fn note_ticket(&self, number: u64, body: &str) -> ClientResult<Ticket> {
        let note = NoteRequest {
            body: body.to_string(),
        };
        self.ticket_action(number, "notes", &note).await
    }

    pub async fn reply_ticket(&self, number: u64, reply: &ReplyRequest) -> ClientResult<Ticket> {
        self.ticket_action(number, "messages", reply).await
    }

    pub async fn takeover_ticket(&self, number: u64) -> ClientResult<Ticket> {
        self.ticket_action(number, "takeover", &serde_json::json!({}))
            .await
    }

    pub async fn resolve_ticket(&self, number: u64) -> ClientResult<Ticket> {
        self.ticket_action(number, "resolve", &serde_json::json!({}))
            .await
    }

    pub async fn reopen_ticket(&self, number: u64) -> ClientResult<Ticket> {
        self.ticket_action(number, "reopen", &serde_json::json!({}))
            .await
    }

    pub async fn append_conversation(
        &self,
        number: u64,
        body: &ConversationAppend,
    ) -> ClientResult<ConversationState> {
        self.write(
            Method::POST,
            format!("/v1/tickets/{number}/conversation"),
            body,
        )
        .await
    }

    /// Every ticket of customer `id`'s, newest first, page by page.
    pub async fn requester_tickets(&self, id: &str) -> ClientResult<Vec<RequesterTicket>> {
        self.get_all(&format!("/v1/requesters/{}/tickets", segment(id)))
            .await
    }
}

#[cfg(test)]
mod tests {
    use axum::http::{HeaderMap, StatusCode, header};
    use axum::response::IntoResponse;
    use secrecy::SecretString;

    use super::*;

    /// A client of a service whose `GET /v1/tickets` answers `body` as
    /// `content_type` (with `cursor` in the cursor header), and a 406 to a
    /// request that does not accept JSON lines.
    fn client_of(
        content_type: &'static str,
        body: &'static str,
        cursor: Option<&'static str>,
    ) -> Client {
        let answer = move |headers: HeaderMap| async move {
            if headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()) != Some(JSON_LINES) {
                return StatusCode::NOT_ACCEPTABLE.into_response();
            }
            let mut response = ([(header::CONTENT_TYPE, content_type)], body).into_response();
            if let Some(cursor) = cursor {
                response
                    .headers_mut()
                    .insert(NEXT_CURSOR_HEADER, cursor.parse().unwrap());
            }
            response
        };
        let router = axum::Router::new().route("/v1/tickets", axum::routing::get(answer));
        Client::in_process(router, SecretString::from("desk_test"))
    }

    fn lines(page: &Page<Bytes>) -> Vec<&str> {
        page.items
            .iter()
            .map(|line| std::str::from_utf8(line).unwrap())
            .collect()
    }

    #[tokio::test]
    async fn ticket_lines_are_read_from_json_lines_and_from_a_json_page() {
        let query = TicketQuery::default();
        let client = client_of(
            "application/x-ndjson",
            "{\"number\":2,\"subject\":\"a\\nb\"}\n{\"number\":1}\n",
            Some("2026-11-20T00:00:00.000000Z|1"),
        );
        let page = client.list_ticket_lines(&query).await.unwrap();
        assert_eq!(
            lines(&page),
            ["{\"number\":2,\"subject\":\"a\\nb\"}\n", "{\"number\":1}\n"]
        );
        assert_eq!(
            page.next_cursor.as_deref(),
            Some("2026-11-20T00:00:00.000000Z|1")
        );

        let last = client_of("application/x-ndjson; charset=utf-8", "", None);
        let page = last.list_ticket_lines(&query).await.unwrap();
        assert_eq!((page.items.len(), page.next_cursor), (0, None));

        // A service from before JSON lines answers its JSON page.
        let older = client_of(
            "application/json",
            "{\"items\":[{\"number\":2, \"fields\":{}},{\"number\":1}],\"next_cursor\":\"c|1\"}",
            None,
        );
        let page = older.list_ticket_lines(&query).await.unwrap();
        assert_eq!(
            lines(&page),
            ["{\"number\":2, \"fields\":{}}\n", "{\"number\":1}\n"]
        );
        assert_eq!(page.next_cursor.as_deref(), Some("c|1"));
    }

    #[tokio::test]
    async fn a_page_of_lines_cut_short_is_an_invalid_answer() {
        let client = client_of("application/x-ndjson", "{\"number\":2}\n{\"numb", None);
        match client.list_ticket_lines(&TicketQuery::default()).await {
            Err(ClientError::InvalidResponse { detail, .. }) => {
                assert!(detail.contains("cut short"), "{detail}")
            }
            other => panic!("{other:?}"),
        }
    }
}
