use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The media type of every error body.
pub const PROBLEM_CONTENT_TYPE: &str = "application/problem+json";

/// The problem code (422) of a request that needs an operator from a caller
/// who is none: the local desk, which acts as its owner, taking a ticket or
/// asking for the `mine` view. The CLI reads it as a usage error (exit 2):
/// other arguments do it.
pub const NOT_AN_OPERATOR: &str = "not_an_operator";

/// The problem code (409) of an email to the support inbox while it is off:
/// the assignment settings' `support-inbox` turns it on.
pub const SUPPORT_INBOX_DISABLED: &str = "support_inbox_disabled";

/// The problem code (503) of a request that arrived while the service was
/// stopping (a restart, a deploy): sent again, to another replica or once it
/// is back, it is answered.
pub const SHUTTING_DOWN: &str = "shutting_down";

/// An error body as RFC 9457 describes it, with a stable machine `code`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem: `urn:deskctl:problem:<code>`.
    #[serde(rename = "type")]
    pub kind: String,
    /// A short summary of the kind of problem.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong this time, for a person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// A stable identifier scripts can match on, e.g. `operator_not_found`.
    pub code: String,
    /// One entry per invalid field, for validation errors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

/// One invalid field of a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct FieldError {
    /// Where the invalid value is: its JSON path in the request body (`email`,
    /// `requester.name`, `transcript[2].role`; `body` for the body as a
    /// whole), or the query parameter's name.
    pub field: String,
    /// What is wrong with it and what is expected.
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}
