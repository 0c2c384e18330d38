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
    if !is_idempotency_key(key) {
        return Err(ApiError::validation(vec![FieldError::new(
            "Idempotency-Key",
            format!("must be 1 to {MAX_IDEMPOTENCY_KEY_LEN} visible ASCII characters"),
        )]));
    }
    Ok(Some(key.to_string()))
}

/// Whether `key` is 1 to [`MAX_IDEMPOTENCY_KEY_LEN`] visible ASCII
/// characters, as the refusal says: a space or tab inside would be stored and
/// matched as sent, though a client's logs and shells rarely keep it so.
fn is_idempotency_key(key: &str) -> bool {
    (1..=MAX_IDEMPOTENCY_KEY_LEN).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_graphic())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(value: &[u8]) -> ApiResult<Option<String>> {
        let mut headers = HeaderMap::new();
        headers.insert(
            IDEMPOTENCY_KEY,
            axum::http::HeaderValue::from_bytes(value).unwrap(),
        );
        key(&headers)
    }

    #[test]
    fn a_key_is_one_to_two_hundred_visible_ascii_characters() {
        assert_eq!(
            sent(b"order-1/retry~2").unwrap().as_deref(),
            Some("order-1/retry~2")
        );
        // Around it is the header's padding, not the key.
        assert_eq!(sent(b" k1\t").unwrap().as_deref(), Some("k1"));
        assert_eq!(sent(&[b'k'; 200]).unwrap().map(|k| k.len()), Some(200));
        assert_eq!(key(&HeaderMap::new()).unwrap(), None);
        for refused in [
            &b"a\tb c"[..],
            b"a b",
            b"a\tb",
            b"",
            b"  ",
            "\u{fc}".as_bytes(),
            &[b'k'; 201],
        ] {
            let error = sent(refused).expect_err("refused");
            assert_eq!(error.status, axum::http::StatusCode::UNPROCESSABLE_ENTITY);
            assert_eq!(error.errors[0].field, "Idempotency-Key", "{refused:?}");
            assert!(error.errors[0].message.contains("visible ASCII"));
        }
    }
}
