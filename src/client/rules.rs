use http::Method;

use super::{Client, ClientResult};
use crate::api::{Rule, RuleCreate, RuleKind, RuleMove};
use crate::net::segment;

impl Client {
    pub async fn list_rules(&self, kind: RuleKind) -> ClientResult<Vec<Rule>> {
        self.get(format!("/v1/rules/{kind}")).await
    }

    pub async fn create_rule(&self, kind: RuleKind, body: &RuleCreate) -> ClientResult<Rule> {
        self.write(Method::POST, format!("/v1/rules/{kind}"), body)
            .await
    }

    pub async fn move_rule(&self, kind: RuleKind, id: &str, position: u32) -> ClientResult<Rule> {
        let path = format!("/v1/rules/{kind}/{}/move", segment(id));
        self.write(Method::POST, path, &RuleMove { position }).await
    }

    pub async fn delete_rule(&self, kind: RuleKind, id: &str) -> ClientResult<()> {
        self.delete(format!("/v1/rules/{kind}/{}", segment(id)))
            .await
    }
}
