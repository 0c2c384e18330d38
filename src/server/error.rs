//! The service's one error type: every failure leaves a handler as an `ApiError`
//! and reaches the caller as `application/problem+json` with a stable `code`.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::store::StoreError;
use crate::api::{FieldError, PROBLEM_CONTENT_TYPE, Problem};
use crate::domain::Refusal;

#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub detail: String,
    pub errors: Vec<FieldError>,
}

pub type ApiResult<T> = Result<T, ApiError>;

/// The problem code of an error answer, kept on the response for the request
/// log's line, so that a replica's log tells a `database_unavailable` from a
/// `shutting_down` or a `disk_full` without the client's side.
#[derive(Debug, Clone, Copy)]
pub(crate) struct AnsweredCode(pub &'static str);

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, detail: impl Into<String>) -> Self {
        Self {
            status,
            code,
            detail: detail.into(),
            errors: Vec::new(),
        }
    }

    /// 422 with one entry per invalid field.
    pub fn validation(errors: Vec<FieldError>) -> Self {
        let detail = match errors.as_slice() {
            [one] => format!("{}: {}", one.field, one.message),
            many => format!("{} fields are invalid", many.len()),
        };
        Self {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            code: "validation_failed",
            detail,
            errors,
        }
    }

    pub fn unauthenticated(code: &'static str, detail: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, code, detail)
    }

    pub fn forbidden(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden", detail)
    }

    pub fn internal(error: impl std::fmt::Display) -> Self {
        tracing::error!(%error, "internal error");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal_error",
            "the service failed to handle the request; see its log",
        )
    }

    /// This error, about the resource at `path` of a desired-state document:
    /// validation problems name the document path of each field; others keep
    /// their status and code and say which resource they are about.
    pub fn at_path(self, path: &str) -> Self {
        if self.status == StatusCode::UNPROCESSABLE_ENTITY {
            let errors = self
                .errors
                .into_iter()
                .map(|e| FieldError::new(format!("{path}.{}", e.field), e.message))
                .collect();
            return Self::validation(errors);
        }
        ApiError {
            detail: format!("{path}: {}", self.detail),
            errors: vec![FieldError::new(path, self.detail.clone())],
            ..self
        }
    }

    pub fn to_problem(&self) -> Problem {
        Problem {
            kind: format!("urn:deskctl:problem:{}", self.code),
            title: self
                .status
                .canonical_reason()
                .unwrap_or("Error")
                .to_string(),
            status: self.status.as_u16(),
            detail: Some(self.detail.clone()),
            code: self.code.to_string(),
            errors: self.errors.clone(),
        }
    }
}

/// The challenge every 401 carries (RFC 9110 §11.6.1 requires one): the API
/// takes bearer tokens only.
const BEARER_CHALLENGE: &str = "Bearer realm=\"deskctl\"";

/// The challenge when the caller sent a token the service refuses: RFC 6750
/// §3.1 names the error, so a client knows to get a new token rather than
/// to add one.
const INVALID_TOKEN_CHALLENGE: &str = "Bearer realm=\"deskctl\", error=\"invalid_token\"";

/// The `WWW-Authenticate` value for a 401 with problem `code`.
fn challenge(code: &str) -> &'static str {
    match code {
        "invalid_token" | "invalid_requester_token" => INVALID_TOKEN_CHALLENGE,
        _ => BEARER_CHALLENGE,
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::to_vec(&self.to_problem()).unwrap_or_default();
        let mut response = (self.status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(PROBLEM_CONTENT_TYPE),
        );
        if self.status == StatusCode::UNAUTHORIZED {
            headers.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static(challenge(self.code)),
            );
        }
        if let Some(seconds) = retry_after(self.status, self.code) {
            headers.insert(header::RETRY_AFTER, HeaderValue::from_static(seconds));
        }
        response.extensions_mut().insert(AnsweredCode(self.code));
        response
    }
}

/// The `Retry-After` a 503 carries (the OpenAPI document promises one): a
/// database busy or out of reach, a request that ran out of time, are worth
/// asking again shortly, as a stopping service or one at its connection cap
/// says ([`super::listen`]). A secret key missing needs an administrator,
/// so a platform sending a webhook is told to wait longer.
fn retry_after(status: StatusCode, code: &str) -> Option<&'static str> {
    match (status, code) {
        (StatusCode::SERVICE_UNAVAILABLE, "secret_key_unavailable") => Some("60"),
        (StatusCode::SERVICE_UNAVAILABLE, _) => Some("1"),
        _ => None,
    }
}

impl From<crate::domain::validate::Invalid> for ApiError {
    fn from(invalid: crate::domain::validate::Invalid) -> Self {
        Self::validation(invalid.0)
    }
}

/// The stable code of a missing thing.
fn not_found_code(what: &str) -> &'static str {
    match what {
        "operator" => "operator_not_found",
        "team" => "team_not_found",
        "token" => "token_not_found",
        "agent" => "agent_not_found",
        "ticket field" => "field_not_found",
        "rule" => "rule_not_found",
        "handoff" => "handoff_not_found",
        "ticket" => "ticket_not_found",
        "integration" => "integration_not_found",
        _ => "not_found",
    }
}

impl From<Refusal> for ApiError {
    fn from(refusal: Refusal) -> Self {
        match refusal {
            Refusal::AtPath { path, source } => Self::from(*source).at_path(&path),
            Refusal::NotFound { what, .. } => Self::new(
                StatusCode::NOT_FOUND,
                not_found_code(what),
                refusal.to_string(),
            ),
            Refusal::AlreadyExists { what, .. } => {
                let code = match what {
                    "operator" => "operator_exists",
                    "team" => "team_exists",
                    "agent" => "agent_exists",
                    "ticket field" => "field_exists",
                    _ => "already_exists",
                };
                Self::new(StatusCode::CONFLICT, code, refusal.to_string())
            }
            Refusal::UnknownReference { field, what, key } => {
                Self::validation(vec![FieldError::new(
                    field,
                    format!("{what} '{key}' does not exist"),
                )])
            }
            Refusal::Conflict { code, detail } => Self::new(StatusCode::CONFLICT, code, detail),
            Refusal::Forbidden(detail) => Self::forbidden(detail),
            Refusal::ForbiddenAs { code, detail } => Self::new(StatusCode::FORBIDDEN, code, detail),
            Refusal::NotAnOperator(detail) => Self::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                crate::api::NOT_AN_OPERATOR,
                detail,
            ),
            Refusal::Invalid(errors) => Self::validation(errors),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Refused(refusal) => Self::from(refusal),
            StoreError::NotFound { what, .. } => Self::new(
                StatusCode::NOT_FOUND,
                not_found_code(what),
                error.to_string(),
            ),
            StoreError::AlreadyExists { .. } => {
                Self::new(StatusCode::CONFLICT, "already_exists", error.to_string())
            }
            StoreError::UnknownReference { field, what, key } => {
                Self::validation(vec![FieldError::new(
                    field,
                    format!("{what} '{key}' does not exist"),
                )])
            }
            StoreError::StaleRevision { .. } => Self::new(
                StatusCode::PRECONDITION_FAILED,
                "revision_mismatch",
                format!("{error}: plan again against the current workspace"),
            ),
            StoreError::Conflict { code, ref detail } => {
                Self::new(StatusCode::CONFLICT, code, detail.clone())
            }
            StoreError::Unavailable(ref detail) => Self::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "database_unavailable",
                detail.clone(),
            ),
            // Writes fail until an administrator frees space; reads still
            // answer. The detail names the desk's path, not a secret.
            StoreError::DiskFull(ref detail) => {
                Self::new(StatusCode::SERVICE_UNAVAILABLE, "disk_full", detail.clone())
            }
            // Until the service is restarted on a desk file at its path.
            StoreError::DeskReplaced(ref detail) => Self::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "desk_file_replaced",
                detail.clone(),
            ),
            // The desk's permissions are at fault, which waiting does not
            // mend: the detail names the path and what to change.
            StoreError::ReadOnly(ref detail) => {
                tracing::error!(%detail, "cannot write the desk");
                Self::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "desk_read_only",
                    detail.clone(),
                )
            }
            // The service's own configuration is at fault, and the message
            // names only a key id and what to set: the admin needs it.
            StoreError::Sealing(ref detail) => {
                tracing::error!(%detail, "cannot seal or open a stored secret");
                Self::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "secret_key_unavailable",
                    detail.clone(),
                )
            }
            StoreError::Missing(_)
            | StoreError::Incompatible(_)
            | StoreError::Connect(_)
            | StoreError::Database(_)
            | StoreError::Corrupt(_) => Self::internal(error),
        }
    }
}

/// The most of a plain-text error body kept as the problem's detail.
const MAX_DETAIL: usize = 1024;

/// Turns an error that did not come from a handler (axum's own rejections: a
/// path segment of the wrong type, a body over the limit) into problem+json,
/// so every error the router answers has one shape. Bodies of other types
/// (a problem already, the copilot's JSON-RPC) pass untouched.
pub(crate) async fn problem_for_plain_errors(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let response = next.run(request).await;
    let status = response.status();
    let plain = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_none_or(|value| value.starts_with("text/plain"));
    if !(status.is_client_error() || status.is_server_error()) || !plain {
        return response;
    }
    let (parts, body) = response.into_parts();
    let text = match axum::body::to_bytes(body, MAX_DETAIL * 4).await {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(_) => String::new(),
    };
    let mut detail: String = text.trim().chars().take(MAX_DETAIL).collect();
    if detail.is_empty() {
        detail = status.canonical_reason().unwrap_or("error").to_lowercase();
    }
    let code = match status {
        StatusCode::BAD_REQUEST => "bad_request",
        StatusCode::NOT_FOUND => "not_found",
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        StatusCode::NOT_ACCEPTABLE => "not_acceptable",
        StatusCode::PAYLOAD_TOO_LARGE => "body_too_large",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
        StatusCode::UNPROCESSABLE_ENTITY => "invalid_body",
        StatusCode::REQUEST_TIMEOUT => "request_timeout",
        s if s.is_server_error() => "internal_error",
        _ => "error",
    };
    let mut answer = ApiError::new(status, code, detail).into_response();
    // Keep what the original said about the connection and retrying.
    for name in [header::RETRY_AFTER, header::CONNECTION, header::ALLOW] {
        if let Some(value) = parts.headers.get(&name) {
            answer.headers_mut().insert(name, value.clone());
        }
    }
    answer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_out_of_reach_is_a_503_with_retry_after() {
        let response =
            ApiError::from(StoreError::Unavailable("the database is down".into())).into_response();
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(response.headers()[header::RETRY_AFTER], "1");
    }

    #[test]
    fn a_full_disk_or_a_desk_file_replaced_is_a_503_with_retry_after_naming_it() {
        let path = std::path::Path::new("/srv/desk/desk.sqlite");
        for (error, code, says) in [
            (
                StoreError::disk_full(Some(path)),
                "disk_full",
                "the disk holding the desk at /srv/desk/desk.sqlite is full",
            ),
            (
                StoreError::DeskReplaced("the desk file /srv/desk/desk.sqlite was removed".into()),
                "desk_file_replaced",
                "/srv/desk/desk.sqlite was removed",
            ),
        ] {
            let api = ApiError::from(error);
            let problem = api.to_problem();
            assert_eq!(problem.kind, format!("urn:deskctl:problem:{code}"));
            assert!(problem.detail.unwrap().contains(says));
            let response = api.into_response();
            assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
            assert_eq!(response.headers()[header::RETRY_AFTER], "1");
        }
    }

    #[test]
    fn a_read_only_desk_is_a_500_naming_it_that_is_not_tried_again() {
        let path = std::path::Path::new("/srv/desk/desk.sqlite");
        let api = ApiError::from(StoreError::read_only(Some(path)));
        let problem = api.to_problem();
        assert_eq!(problem.code, "desk_read_only");
        assert!(
            problem
                .detail
                .unwrap()
                .starts_with("the desk at /srv/desk/desk.sqlite is read-only to this user")
        );
        let response = api.into_response();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert!(response.headers().get(header::RETRY_AFTER).is_none());
    }

    #[test]
    fn only_503s_carry_retry_after() {
        let missing = ApiError::new(StatusCode::NOT_FOUND, "not_found", "no").into_response();
        assert!(missing.headers().get(header::RETRY_AFTER).is_none());
        let sealed = ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "secret_key_unavailable",
            "no key",
        )
        .into_response();
        assert_eq!(sealed.headers()[header::RETRY_AFTER], "60");
    }
}
