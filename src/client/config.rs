use http::Method;

use super::{ApiRequest, Client, ClientResult};
use crate::api::{
    ConfigApplied, ConfigRequest, Plan, WhatIfReport, WhatIfRequest, WorkspaceConfig,
};

impl Client {
    /// The workspace as a document, with its revision.
    pub async fn export_config(&self) -> ClientResult<WorkspaceConfig> {
        self.get("/v1/config".into()).await
    }

    /// What applying `request` would change; changes nothing.
    pub async fn plan_config(&self, request: &ConfigRequest) -> ClientResult<Plan> {
        self.write(Method::POST, "/v1/config/plan".into(), request)
            .await
    }

    /// Applies `request` if the workspace is still at `revision`.
    pub async fn apply_config(
        &self,
        request: &ConfigRequest,
        revision: &str,
    ) -> ClientResult<ConfigApplied> {
        let response = self
            .send(ApiRequest {
                method: Method::PUT,
                path: "/v1/config".into(),
                body: Some(serde_json::to_vec(request).expect("requests serialize")),
                idempotency_key: None,
                if_match: Some(format!("\"{revision}\"")),
                accept: None,
            })
            .await?;
        self.decode(&response)
    }

    /// Each handoff's decision today and under a document; changes nothing.
    pub async fn what_if(&self, request: &WhatIfRequest) -> ClientResult<WhatIfReport> {
        self.write(Method::POST, "/v1/handoffs/what-if".into(), request)
            .await
    }
}
