use http::Method;

use super::{Client, ClientResult};
use crate::api::{Token, TokenCreate, TokenCreated};
use crate::net::segment;

impl Client {
    pub async fn list_tokens(&self) -> ClientResult<Vec<Token>> {
        self.get_all("/v1/tokens").await
    }

    pub async fn create_token(&self, body: &TokenCreate) -> ClientResult<TokenCreated> {
        self.write(Method::POST, "/v1/tokens".into(), body).await
    }

    pub async fn revoke_token(&self, id: &str) -> ClientResult<()> {
        self.delete(format!("/v1/tokens/{}", segment(id))).await
    }
}
