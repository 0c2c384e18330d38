use http::Method;

use super::{Client, ClientResult};
use crate::api::{Integration, IntegrationKind, IntegrationPut, TestReport};

impl Client {
    pub async fn list_integrations(&self) -> ClientResult<Vec<Integration>> {
        self.get("/v1/integrations".into()).await
    }

    pub async fn get_integration(&self, kind: IntegrationKind) -> ClientResult<Integration> {
        self.get(format!("/v1/integrations/{kind}")).await
    }

    /// Connects, or changes a connection; secrets not named are kept.
    pub async fn put_integration(
        &self,
        kind: IntegrationKind,
        body: &IntegrationPut,
    ) -> ClientResult<Integration> {
        self.write(Method::PUT, format!("/v1/integrations/{kind}"), body)
            .await
    }

    pub async fn test_integration(&self, kind: IntegrationKind) -> ClientResult<TestReport> {
        self.write(
            Method::POST,
            format!("/v1/integrations/{kind}/test"),
            &serde_json::json!({}),
        )
        .await
    }

    pub async fn delete_integration(&self, kind: IntegrationKind) -> ClientResult<()> {
        self.delete(format!("/v1/integrations/{kind}")).await
    }
}
