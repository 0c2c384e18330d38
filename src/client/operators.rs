use http::Method;

use super::{Client, ClientResult};
use crate::api::{AvailabilityUpdate, Operator, OperatorCreate, OperatorUpdate};
use crate::net::segment;

impl Client {
    pub async fn list_operators(&self) -> ClientResult<Vec<Operator>> {
        self.get_all("/v1/operators").await
    }

    pub async fn get_operator(&self, handle: &str) -> ClientResult<Operator> {
        self.get(format!("/v1/operators/{}", segment(handle))).await
    }

    pub async fn create_operator(&self, body: &OperatorCreate) -> ClientResult<Operator> {
        self.write(Method::POST, "/v1/operators".into(), body).await
    }

    pub async fn update_operator(
        &self,
        handle: &str,
        body: &OperatorUpdate,
    ) -> ClientResult<Operator> {
        self.write(
            Method::PATCH,
            format!("/v1/operators/{}", segment(handle)),
            body,
        )
        .await
    }

    pub async fn set_operator_availability(
        &self,
        handle: &str,
        body: &AvailabilityUpdate,
    ) -> ClientResult<Operator> {
        let path = format!("/v1/operators/{}/availability", segment(handle));
        self.write(Method::PUT, path, body).await
    }

    /// Removes an operator; their open tickets are unassigned, or handed to
    /// `query.reassign_to`.
    pub async fn delete_operator(
        &self,
        handle: &str,
        query: &crate::api::RemoveOperatorQuery,
    ) -> ClientResult<crate::api::OperatorRemoved> {
        self.delete_answered(format!("/v1/operators/{}", segment(handle)), query)
            .await
    }
}
