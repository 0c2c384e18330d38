use http::Method;

use super::{Client, ClientResult, encode_query};
use crate::api::{
    AssignRequest, ConversationAppend, ConversationState, NoteRequest, Page, Priority,
    PriorityRequest, ReplyRequest, RequesterTicket, Ticket, TicketQuery,
};
use crate::net::segment;

impl Client {
    /// One page of tickets.
    pub async fn list_tickets(&self, query: &TicketQuery) -> ClientResult<Page<Ticket>> {
        self.get(format!("/v1/tickets?{}", encode_query(query)))
            .await
    }

    /// One page of tickets, each as the service wrote it: JSON lines print
    /// them as they are, without decoding and encoding every ticket again.
    pub async fn list_tickets_raw(
        &self,
        query: &TicketQuery,
    ) -> ClientResult<Page<Box<serde_json::value::RawValue>>> {
        self.get(format!("/v1/tickets?{}", encode_query(query)))
            .await
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

    pub async fn assign_ticket(&self, number: u64, to: &str, force: bool) -> ClientResult<Ticket> {
        let body = AssignRequest {
            to: to.to_string(),
            force,
        };
        self.ticket_action(number, "assign", &body).await
    }

    pub async fn unassign_ticket(&self, number: u64) -> ClientResult<Ticket> {
        self.ticket_action(number, "unassign", &serde_json::json!({}))
            .await
    }

    pub async fn take_ticket(&self, number: u64) -> ClientResult<Ticket> {
        self.ticket_action(number, "take", &serde_json::json!({}))
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

    pub async fn requester_tickets(&self, id: &str) -> ClientResult<Vec<RequesterTicket>> {
        self.get(format!("/v1/requesters/{}/tickets", segment(id)))
            .await
    }
}
