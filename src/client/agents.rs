use http::Method;

use super::{Client, ClientResult, encode_query};
use crate::api::{
    Agent, AgentCreate, AgentUpdate, HandoverAction, HandoverStatus, HandoverStatusQuery,
};
use crate::net::segment;

impl Client {
    pub async fn list_agents(&self) -> ClientResult<Vec<Agent>> {
        self.get_all("/v1/agents").await
    }

    pub async fn get_agent(&self, key: &str) -> ClientResult<Agent> {
        self.get(format!("/v1/agents/{}", segment(key))).await
    }

    pub async fn create_agent(&self, body: &AgentCreate) -> ClientResult<Agent> {
        self.write(Method::POST, "/v1/agents".into(), body).await
    }

    pub async fn update_agent(&self, key: &str, body: &AgentUpdate) -> ClientResult<Agent> {
        self.write(Method::PATCH, format!("/v1/agents/{}", segment(key)), body)
            .await
    }

    pub async fn delete_agent(&self, key: &str) -> ClientResult<()> {
        self.delete(format!("/v1/agents/{}", segment(key))).await
    }

    pub async fn get_handover(&self, key: &str) -> ClientResult<HandoverAction> {
        self.get(format!("/v1/agents/{}/handover", segment(key)))
            .await
    }

    /// Sets an agent's handover action; `force` points it at an integration whose
    /// last connection test failed.
    pub async fn put_handover(
        &self,
        key: &str,
        action: &HandoverAction,
        force: bool,
    ) -> ClientResult<HandoverAction> {
        let mut path = format!("/v1/agents/{}/handover", segment(key));
        if force {
            path.push_str("?force=true");
        }
        self.write(Method::PUT, path, action).await
    }

    pub async fn delete_handover(&self, key: &str) -> ClientResult<()> {
        self.delete(format!("/v1/agents/{}/handover", segment(key)))
            .await
    }

    pub async fn handover_status(
        &self,
        key: &str,
        query: &HandoverStatusQuery,
    ) -> ClientResult<HandoverStatus> {
        self.get(format!(
            "/v1/agents/{}/handover/status?{}",
            segment(key),
            encode_query(query)
        ))
        .await
    }
}
