use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::double_option;

wire_enum! {
    /// What an operator may do. Owners manage roles, tokens and integrations;
    /// managers configure the workspace and see every ticket; operators work tickets.
    Role {
        Owner = "owner",
        Manager = "manager",
        Operator = "operator",
    }
}

impl Role {
    /// Whether this role includes everything `required` may do.
    pub fn includes(self, required: Role) -> bool {
        // Declaration order is most to least powerful.
        self <= required
    }
}

wire_enum! {
    /// Whether an operator takes new tickets: only `online` operators are assigned.
    Availability {
        Online = "online",
        Away = "away",
        Busy = "busy",
        Offline = "offline",
    }
}

/// A person who works tickets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, schemars::JsonSchema)]
pub struct Operator {
    /// Unique slug: lowercase letters, digits and dashes, e.g. `alice`.
    pub handle: String,
    /// The name customers see.
    pub name: String,
    /// The address replies are sent from.
    pub email: String,
    /// Appended to email replies.
    #[serde(default)]
    pub signature: Option<String>,
    pub role: Role,
    pub availability: Availability,
    /// Keys of the teams the operator belongs to, sorted.
    pub teams: Vec<String>,
    /// The most open tickets the operator takes; none means no limit.
    #[serde(default)]
    pub capacity: Option<u32>,
    #[schema(value_type = String, format = DateTime)]
    #[serde(serialize_with = "crate::api::instant::serialize")]
    pub created_at: Timestamp,
    #[schema(value_type = String, format = DateTime)]
    #[serde(serialize_with = "crate::api::instant::serialize")]
    pub updated_at: Timestamp,
}

/// `POST /v1/operators`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OperatorCreate {
    pub handle: String,
    pub name: String,
    pub email: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
    /// Defaults to `operator`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// Defaults to `offline`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability: Option<Availability>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub teams: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<u32>,
}

/// `PATCH /v1/operators/{handle}`: absent fields are left alone; `null` clears
/// `signature` and `capacity`, and is refused for any other field.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OperatorUpdate {
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::api::not_null::deserialize"
    )]
    #[schema(nullable = false)]
    pub name: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::api::not_null::deserialize"
    )]
    #[schema(nullable = false)]
    pub email: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "double_option"
    )]
    #[schema(value_type = Option<String>)]
    pub signature: Option<Option<String>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::api::not_null::deserialize"
    )]
    #[schema(nullable = false)]
    pub role: Option<Role>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::api::not_null::deserialize"
    )]
    #[schema(nullable = false)]
    pub availability: Option<Availability>,
    /// Replaces the operator's teams.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::api::not_null::deserialize"
    )]
    #[schema(nullable = false)]
    pub teams: Option<Vec<String>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "double_option"
    )]
    #[schema(value_type = Option<u32>)]
    pub capacity: Option<Option<u32>>,
}

impl OperatorUpdate {
    pub fn is_empty(&self) -> bool {
        self.name.is_none()
            && self.email.is_none()
            && self.signature.is_none()
            && self.role.is_none()
            && self.availability.is_none()
            && self.teams.is_none()
            && self.capacity.is_none()
    }
}

/// `PUT /v1/operators/{handle}/availability`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AvailabilityUpdate {
    pub availability: Availability,
}

/// Query of `DELETE /v1/operators/{handle}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RemoveOperatorQuery {
    /// Hand the operator's open and pending tickets to this operator instead
    /// of leaving them unassigned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reassign_to: Option<String>,
    /// Hand them over even when that operator is not online, has no room
    /// under their capacity, or is not in the tickets' teams.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub force: bool,
}

/// The answer to removing an operator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub struct OperatorRemoved {
    pub handle: String,
    /// Their open and pending tickets, each unassigned (an `unassigned` event
    /// on its timeline) and, with `reassign-to`, assigned to that operator.
    pub open_tickets: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reassigned_to: Option<String>,
}
