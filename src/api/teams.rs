use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A group of operators tickets are routed to. Exactly one team is the default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Team {
    /// Unique slug: lowercase letters, digits and dashes, e.g. `billing`.
    pub key: String,
    pub name: String,
    /// Whether tickets no assignment rule routes go to this team.
    pub default: bool,
    /// Handles of the members, sorted.
    pub members: Vec<String>,
    #[schema(value_type = String, format = DateTime)]
    #[serde(serialize_with = "crate::api::instant::serialize")]
    pub created_at: Timestamp,
    #[schema(value_type = String, format = DateTime)]
    #[serde(serialize_with = "crate::api::instant::serialize")]
    pub updated_at: Timestamp,
}

/// `POST /v1/teams`. The first team becomes the default whatever `default` says.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TeamCreate {
    pub key: String,
    pub name: String,
    /// Make this the default team; refused while another team is the default.
    #[serde(default)]
    pub default: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
}

/// `PATCH /v1/teams/{key}`: absent fields are left alone; none may be `null`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TeamUpdate {
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::api::not_null::deserialize"
    )]
    #[schema(nullable = false)]
    pub name: Option<String>,
    /// `true` makes this the default team (the previous default stops being it).
    /// `false` on the default team is refused: make another team the default instead.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::api::not_null::deserialize"
    )]
    #[schema(nullable = false)]
    pub default: Option<bool>,
    /// Replaces the members.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::api::not_null::deserialize"
    )]
    #[schema(nullable = false)]
    pub members: Option<Vec<String>>,
}

impl TeamUpdate {
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.default.is_none() && self.members.is_none()
    }
}

/// Query of `DELETE /v1/teams/{key}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RemoveTeamQuery {
    /// Move the team's open and pending tickets to this team: needed when it
    /// has any, unless it is the last team (they are then left without one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub move_to: Option<String>,
}

/// The answer to removing a team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub struct TeamRemoved {
    pub key: String,
    /// Its open and pending tickets, each moved to `moved-to` (a
    /// `team-changed` event on its timeline), or, with none, left without a
    /// team (`team-removed`). Their assignees keep them.
    pub open_tickets: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moved_to: Option<String>,
}
