use http::Method;

use super::{Client, ClientResult};
use crate::api::{Team, TeamCreate, TeamUpdate};
use crate::net::segment;

impl Client {
    pub async fn list_teams(&self) -> ClientResult<Vec<Team>> {
        self.get_all("/v1/teams").await
    }

    pub async fn get_team(&self, key: &str) -> ClientResult<Team> {
        self.get(format!("/v1/teams/{}", segment(key))).await
    }

    pub async fn create_team(&self, body: &TeamCreate) -> ClientResult<Team> {
        self.write(Method::POST, "/v1/teams".into(), body).await
    }

    pub async fn update_team(&self, key: &str, body: &TeamUpdate) -> ClientResult<Team> {
        self.write(Method::PATCH, format!("/v1/teams/{}", segment(key)), body)
            .await
    }

    /// Removes a team; its open tickets go to `query.move_to`.
    pub async fn delete_team(
        &self,
        key: &str,
        query: &crate::api::RemoveTeamQuery,
    ) -> ClientResult<crate::api::TeamRemoved> {
        self.delete_answered(format!("/v1/teams/{}", segment(key)), query)
            .await
    }
}
