use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Every token starts with this, so a leaked one is recognisable (and scannable).
pub const TOKEN_PREFIX: &str = "desk_";

wire_enum! {
    /// Operator tokens act with their operator's role; ingest tokens only send
    /// handoffs and inbound email and read handover status.
    TokenKind {
        Operator = "operator",
        Ingest = "ingest",
    }
}

/// An API token as listed: never its secret.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Token {
    /// Stable identifier, e.g. `tok_3f9a0c1b2d4e`, used to revoke it.
    pub id: String,
    pub name: String,
    pub kind: TokenKind,
    /// The operator an operator token acts as.
    #[serde(default)]
    pub operator: Option<String>,
    /// The last four characters of the secret, to tell tokens apart.
    pub hint: String,
    #[schema(value_type = String, format = DateTime)]
    #[serde(serialize_with = "crate::api::instant::serialize")]
    pub created_at: Timestamp,
    #[serde(default)]
    #[schema(value_type = Option<String>, format = DateTime)]
    #[serde(serialize_with = "crate::api::instant::serialize_option")]
    pub last_used_at: Option<Timestamp>,
}

/// `POST /v1/tokens`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenCreate {
    pub kind: TokenKind,
    /// Required for operator tokens, refused for ingest tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// A label; defaults to the operator's handle, required for ingest tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// The answer to `POST /v1/tokens`: the only time the secret is shown.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct TokenCreated {
    pub token: Token,
    /// The bearer token. It is stored only as a SHA-256 hash and cannot be shown again.
    pub secret: String,
}
