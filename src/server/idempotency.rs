//! `Idempotency-Key`: what makes a write that creates safe to send again
//! (a handoff, a conversation append). The header as the routes read it, and
//! what tells a replay from a key reused for something else; the store keeps
//! each key with that hash and answers a replay with the first result.

use axum::http::HeaderMap;
use serde::Serialize;

use super::auth::hash_secret;
use super::error::{ApiError, ApiResult};
use crate::api::FieldError;

/// The header that makes a write safe to send again.
pub const IDEMPOTENCY_KEY: &str = "idempotency-key";
const MAX_IDEMPOTENCY_KEY_LEN: usize = 200;

/// The request's idempotency key, if it sent one.
pub fn key(headers: &HeaderMap) -> ApiResult<Option<String>> {
    let Some(value) = headers.get(IDEMPOTENCY_KEY) else {
        return Ok(None);
    };
    let key = value.to_str().ok().map(str::trim).unwrap_or_default();
    if key.is_empty() || key.len() > MAX_IDEMPOTENCY_KEY_LEN {
        return Err(ApiError::validation(vec![FieldError::new(
            "Idempotency-Key",
            format!("must be 1 to {MAX_IDEMPOTENCY_KEY_LEN} visible ASCII characters"),
        )]));
    }
    Ok(Some(key.to_string()))
}

/// What tells a replay from a reused idempotency key: the request, and for an
/// ingest token the token. A key sent again by another platform's token is
/// then a reused key (409), never an answer with the first platform's write.
/// A person's writes hash the request alone, as every handoff did before.
pub fn request_hash(request: &impl Serialize, sent_by: Option<&str>) -> String {
    let request = serde_json::to_string(request).expect("requests serialize");
    match sent_by {
        Some(token) => hash_secret(&format!("ingest token {token}\n{request}")),
        None => hash_secret(&request),
    }
}
