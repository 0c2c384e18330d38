use http::Method;

use super::{Client, ClientResult, encode_query};
use crate::api::{DeliverySettings, EmailSettings, OutboxMessage, OutboxQuery, OutboxRef, Page};
use crate::net::segment;

impl Client {
    pub async fn get_email_settings(&self) -> ClientResult<EmailSettings> {
        self.get("/v1/settings/email".into()).await
    }

    /// Replaces the email settings; a `password` of `None` keeps the stored one.
    pub async fn put_email_settings(&self, body: &EmailSettings) -> ClientResult<EmailSettings> {
        self.write(Method::PUT, "/v1/settings/email".into(), body)
            .await
    }

    pub async fn get_delivery_settings(&self) -> ClientResult<DeliverySettings> {
        self.get("/v1/settings/delivery".into()).await
    }

    /// Replaces the delivery settings; a `secret` of `None` keeps the stored one.
    pub async fn put_delivery_settings(
        &self,
        body: &DeliverySettings,
    ) -> ClientResult<DeliverySettings> {
        self.write(Method::PUT, "/v1/settings/delivery".into(), body)
            .await
    }

    pub async fn list_outbox(&self, query: &OutboxQuery) -> ClientResult<Page<OutboxMessage>> {
        self.get(format!("/v1/outbox?{}", encode_query(query)))
            .await
    }

    pub async fn get_outbound(&self, id: &OutboxRef) -> ClientResult<OutboxMessage> {
        self.get(format!("/v1/outbox/{}", segment(&id.to_string())))
            .await
    }

    pub async fn retry_outbound(&self, id: &OutboxRef) -> ClientResult<OutboxMessage> {
        self.write(
            Method::POST,
            format!("/v1/outbox/{}/retry", segment(&id.to_string())),
            &serde_json::json!({}),
        )
        .await
    }
}
