use http::Method;

use super::{Client, ClientResult};
use crate::api::{TicketField, TicketFieldCreate, TicketFieldUpdate};
use crate::net::segment;

impl Client {
    pub async fn list_fields(&self) -> ClientResult<Vec<TicketField>> {
        self.get_all("/v1/ticket-fields").await
    }

    pub async fn get_field(&self, key: &str) -> ClientResult<TicketField> {
        self.get(format!("/v1/ticket-fields/{}", segment(key)))
            .await
    }

    pub async fn create_field(&self, body: &TicketFieldCreate) -> ClientResult<TicketField> {
        self.write(Method::POST, "/v1/ticket-fields".into(), body)
            .await
    }

    pub async fn update_field(
        &self,
        key: &str,
        body: &TicketFieldUpdate,
    ) -> ClientResult<TicketField> {
        let path = format!("/v1/ticket-fields/{}", segment(key));
        self.write(Method::PATCH, path, body).await
    }

    pub async fn delete_field(&self, key: &str) -> ClientResult<()> {
        self.delete(format!("/v1/ticket-fields/{}", segment(key)))
            .await
    }
}
