use http::Method;

use super::{ApiRequest, Client, ClientResult, encode_query};
use crate::api::{
    Handoff, HandoffDecision, HandoffQuery, HandoffRequest, InboundEmail, InboundResult, Page,
    TicketDetail,
};
use crate::net::segment;

impl Client {
    /// Sends a handoff. The idempotency key makes it safe to retry; the flag says
    /// whether the service had accepted that key before (nothing new was created).
    /// Sends a handoff; with `wait_seconds` above 0, the service waits up to that
    /// long for an external delivery's outcome before answering.
    pub async fn send_handoff(
        &self,
        request: &HandoffRequest,
        idempotency_key: &str,
        wait_seconds: u32,
    ) -> ClientResult<(Handoff, bool)> {
        let path = match wait_seconds {
            0 => "/v1/handoffs".to_string(),
            n => format!("/v1/handoffs?wait={n}"),
        };
        let response = self
            .send(ApiRequest {
                method: Method::POST,
                path,
                body: Some(serde_json::to_vec(request).expect("requests serialize")),
                idempotency_key: Some(idempotency_key.to_string()),
                if_match: None,
                accept: None,
            })
            .await?;
        let replayed = response.status == http::StatusCode::OK;
        Ok((self.decode(&response)?, replayed))
    }

    pub async fn preview_handoff(&self, request: &HandoffRequest) -> ClientResult<HandoffDecision> {
        self.write(Method::POST, "/v1/handoffs/preview".into(), request)
            .await
    }

    /// One page of recorded handoffs, newest first.
    pub async fn list_handoffs(&self, query: &HandoffQuery) -> ClientResult<Page<Handoff>> {
        self.get(format!("/v1/handoffs?{}", encode_query(query)))
            .await
    }

    pub async fn get_handoff(&self, id: &str) -> ClientResult<Handoff> {
        self.get(format!("/v1/handoffs/{}", segment(id))).await
    }

    /// Hands one email to the support inbox's pipeline.
    pub async fn receive_email(&self, email: &InboundEmail) -> ClientResult<InboundResult> {
        self.write(Method::POST, "/v1/inbound/email".into(), email)
            .await
    }

    pub async fn get_ticket(&self, number: u64) -> ClientResult<TicketDetail> {
        self.get(format!("/v1/tickets/{number}")).await
    }
}
