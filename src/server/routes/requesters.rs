//! The customer's own view: `POST /v1/requesters/tokens` mints a
//! requester-scoped credential (an ingest token asks, for one customer), and
//! `GET /v1/requesters/me/tickets` lists that customer's open and closed
//! tickets with it, those that ingest token's handoffs opened, and no one
//! else's.
//!
//! The credential is signed, not stored: `dkr_<payload>.<mac>`, the payload
//! naming the minting ingest token, the customer and the expiry, the MAC an
//! HMAC-SHA256 of the payload and that ingest token's stored hash, keyed from
//! the service's secret key ([`Keys::signing_key`]). The key is kept outside
//! the database, so a copy of the database cannot mint one (the hash alone,
//! the key before, could); revoking the ingest token revokes every credential
//! it minted; a key rotation keeps them valid until the old key is dropped.
//! It is no API token: every other route refuses it as unknown.

use super::{ApiRoutes, routes};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::request::Parts;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use hmac::{Hmac, KeyInit, Mac};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::api::{
    FieldError, Page, PageQuery, Problem, RequesterTicket, RequesterToken, RequesterTokenRequest,
    Ticket,
};
use crate::server::AppState;
use crate::server::auth::Principal;
use crate::server::error::{ApiError, ApiResult};
use crate::server::json::{ApiJson, ApiQuery, JsonBody};
use crate::server::sealing::Keys;
use crate::server::store::{Store, StoreError};

pub fn add(routes: ApiRoutes) -> ApiRoutes {
    routes.with(routes!(mint)).with(routes!(my_tickets))
}

const PREFIX: &str = "dkr_";
const DEFAULT_TTL: u32 = 3600;
const MIN_TTL: u32 = 60;
const MAX_TTL: u32 = 86_400;
const MAX_REQUESTER_CHARS: usize = 254;

/// What a requester credential says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Claims {
    /// The ingest token that minted it.
    t: String,
    /// The customer: external id or email.
    sub: String,
    /// Expiry, in seconds since the Unix epoch.
    exp: i64,
}

/// What the keys requester tokens are signed with are derived for.
const PURPOSE: &[u8] = b"deskctl requester tokens";

/// The MAC of `payload` under `key`, bound to the minting ingest token's
/// stored hash: a credential it minted stops verifying if the token is made
/// again under the same id.
fn mac(key: &[u8; 32], token_hash: &str, payload: &str) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key");
    mac.update(b"deskctl requester token v2\n");
    mac.update(token_hash.as_bytes());
    mac.update(b"\n");
    mac.update(payload.as_bytes());
    mac
}

fn sign(claims: &Claims, key: &[u8; 32], token_hash: &str) -> String {
    let payload = B64.encode(serde_json::to_vec(claims).expect("claims serialize"));
    let signature = B64.encode(mac(key, token_hash, &payload).finalize().into_bytes());
    format!("{PREFIX}{payload}.{signature}")
}

/// The claims of `token` before its signature is checked (to find the key).
fn unverified(token: &str) -> Option<(Claims, &str, &str)> {
    let (payload, signature) = token.strip_prefix(PREFIX)?.split_once('.')?;
    let claims = serde_json::from_slice(&B64.decode(payload).ok()?).ok()?;
    Some((claims, payload, signature))
}

/// Whether `signature` is the MAC of `payload` under one of `keys`, each
/// compared in constant time; checked again once the key file is read again
/// if it changed, as when another replica minted it under a key rotated to
/// since this one read the file.
fn verified(payload: &str, signature: &str, keys: &Keys, token_hash: &str) -> bool {
    let Ok(bytes) = B64.decode(signature) else {
        return false;
    };
    let under_a_key = || {
        keys.verifying_keys(PURPOSE)
            .iter()
            .any(|key| mac(key, token_hash, payload).verify_slice(&bytes).is_ok())
    };
    under_a_key() || (keys.reload_if_changed() && under_a_key())
}

fn refused() -> ApiError {
    ApiError::unauthenticated(
        "invalid_requester_token",
        "the requester token is not valid: it is malformed, expired, or its ingest token was revoked",
    )
}

/// What the request's requester credential says (verified), or 401.
async fn requester_of(parts: &Parts, state: &AppState) -> ApiResult<Claims> {
    let token = crate::server::auth::bearer(&parts.headers)?.ok_or_else(|| {
        ApiError::unauthenticated(
            "unauthenticated",
            "this request needs a requester token: send `Authorization: Bearer dkr_…` \
                 (POST /v1/requesters/tokens mints one)",
        )
    })?;
    let (claims, payload, signature) = unverified(token).ok_or_else(refused)?;
    let token_hash = state
        .store
        .ingest_token_hash(&claims.t)
        .await?
        .ok_or_else(refused)?;
    if !verified(payload, signature, state.store.keys(), &token_hash)
        || claims.exp <= Timestamp::now().as_second()
    {
        return Err(refused());
    }
    Ok(claims)
}

/// Mint a requester-scoped credential for one customer (ingest tokens only):
/// with it the chat widget lists that customer's tickets, and nothing else.
#[utoipa::path(post, path = "/v1/requesters/tokens", tag = "tickets",
    request_body = RequesterTokenRequest,
    responses((status = 201, body = RequesterToken), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn mint(
    State(state): State<AppState>,
    principal: Principal,
    ApiJson(request): ApiJson<RequesterTokenRequest>,
) -> ApiResult<(StatusCode, Json<RequesterToken>)> {
    let Principal::Ingest { token_id } = &principal else {
        return Err(ApiError::forbidden(
            "requester tokens are minted by an ingest token (the AI agent platform's)",
        ));
    };
    let requester = request.requester.trim().to_string();
    let ttl = request.ttl_seconds.unwrap_or(DEFAULT_TTL);
    let mut errors = Vec::new();
    if requester.is_empty() {
        errors.push(FieldError::new("requester", "must not be empty"));
    } else if requester.chars().count() > MAX_REQUESTER_CHARS {
        errors.push(FieldError::new(
            "requester",
            format!("must be at most {MAX_REQUESTER_CHARS} characters"),
        ));
    }
    if !(MIN_TTL..=MAX_TTL).contains(&ttl) {
        errors.push(FieldError::new(
            "ttl-seconds",
            format!("must be between {MIN_TTL} and {MAX_TTL}"),
        ));
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let token_hash = state
        .store
        .ingest_token_hash(token_id)
        .await?
        .ok_or_else(|| ApiError::forbidden("the ingest token was revoked"))?;
    let key =
        state.store.keys().signing_key(PURPOSE).map_err(|error| {
            StoreError::Sealing(format!("cannot sign a requester token: {error}"))
        })?;
    let expires_at = Timestamp::from_second(Timestamp::now().as_second() + i64::from(ttl))
        .map_err(ApiError::internal)?;
    let claims = Claims {
        t: token_id.clone(),
        sub: requester.clone(),
        exp: expires_at.as_second(),
    };
    Ok((
        StatusCode::CREATED,
        Json(RequesterToken {
            token: sign(&claims, &key, &token_hash),
            requester,
            expires_at,
        }),
    ))
}

/// What the chat widget's "View tickets" lists of a ticket.
fn listed(ticket: Ticket) -> RequesterTicket {
    RequesterTicket {
        number: ticket.number,
        subject: ticket.subject,
        status: ticket.status,
        created_at: ticket.created_at,
        last_activity_at: ticket.last_activity_at,
    }
}

/// One page of customer `id`'s tickets, newest first, as `query` asks; with
/// `sent_by`, only those that ingest token's handoffs opened. The cursor is
/// the number of the last ticket of the previous page.
pub(crate) async fn requester_page(
    store: &Store,
    id: &str,
    sent_by: Option<&str>,
    query: &PageQuery,
) -> ApiResult<Page<RequesterTicket>> {
    let limit = super::page_limit(query)?;
    let before = match query.cursor.as_deref() {
        None => None,
        // A number no ticket has (or padded past any cursor's length) is no
        // cursor this list gave out.
        Some(cursor) => Some(
            cursor
                .parse::<u64>()
                .ok()
                .filter(|_| crate::api::cursor_problem(cursor).is_none())
                .ok_or_else(super::bad_cursor)?,
        ),
    };
    let tickets = store
        .requester_tickets(id, sent_by, before, limit + 1)
        .await?;
    let page = super::into_page(tickets, limit, |t| t.number.to_string());
    Ok(Page {
        items: page.items.into_iter().map(listed).collect(),
        next_cursor: page.next_cursor,
    })
}

/// The open and closed tickets of the customer the requester token names,
/// newest first, a page at a time: the chat widget's "View tickets".
///
/// Only the tickets that handoffs sent with the ingest token that minted it
/// opened: the platform names the customer itself, so it lists what it
/// handed over, never another platform's tickets or the support inbox's.
#[utoipa::path(get, path = "/v1/requesters/me/tickets", tag = "tickets", params(PageQuery),
    responses((status = 200, body = Page<RequesterTicket>), (status = 401, body = Problem)))]
async fn my_tickets(
    State(state): State<AppState>,
    parts: Parts,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> ApiResult<JsonBody<Page<RequesterTicket>>> {
    let claims = requester_of(&parts, &state).await?;
    let page = requester_page(&state.store, &claims.sub, Some(&claims.t), &query).await?;
    Ok(JsonBody(page))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::sealing::Key;

    fn claims() -> Claims {
        Claims {
            t: "tok_1".into(),
            sub: "dana@example.com".into(),
            exp: 2_000_000_000,
        }
    }

    /// A signing key of another service's.
    fn another_key() -> zeroize::Zeroizing<[u8; 32]> {
        Keys::given(vec![Key::generate()])
            .signing_key(PURPOSE)
            .unwrap()
    }

    const HASH: &str = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";

    #[test]
    fn a_signed_token_verifies_only_under_its_key_and_unchanged() {
        let keys = Keys::given(vec![Key::generate()]);
        let key = keys.signing_key(PURPOSE).unwrap();
        let token = sign(&claims(), &key, HASH);
        assert!(token.starts_with("dkr_"));
        let (read, payload, signature) = unverified(&token).unwrap();
        assert_eq!(read, claims());
        assert!(verified(payload, signature, &keys, HASH));
        assert!(!verified(
            payload,
            signature,
            &Keys::given(vec![Key::generate()]),
            HASH
        ));
        // Bound to the ingest token as stored: one made again under its id
        // does not take over what the old one minted.
        assert!(!verified(
            payload,
            signature,
            &keys,
            &HASH.replace('5', "6")
        ));

        // Another customer's name in the payload, the signature kept: refused.
        let mut forged = claims();
        forged.sub = "eve@example.com".into();
        let other = sign(&forged, &another_key(), HASH);
        let (_, forged_payload, _) = unverified(&other).unwrap();
        assert!(!verified(forged_payload, signature, &keys, HASH));

        assert!(unverified("dkr_nonsense").is_none());
        assert!(unverified("tok_abc.def").is_none());
        assert!(unverified("dkr_!!!.x").is_none());
    }

    #[test]
    fn what_the_database_holds_signs_no_token() {
        // Before, the ingest token's stored hash was the key: anyone with a
        // copy of the database could sign for any customer.
        let keys = Keys::given(vec![Key::generate()]);
        let mut forged = Hmac::<Sha256>::new_from_slice(HASH.as_bytes()).unwrap();
        forged.update(b"deskctl requester token v1\n");
        let payload = B64.encode(serde_json::to_vec(&claims()).unwrap());
        forged.update(payload.as_bytes());
        let signature = B64.encode(forged.finalize().into_bytes());
        assert!(!verified(&payload, &signature, &keys, HASH));
    }

    #[test]
    fn a_token_holds_through_a_key_rotation_until_its_key_is_dropped() {
        let old = Key::generate();
        let new = Key::generate();
        let before = Keys::given(vec![old.clone()]);
        let token = sign(&claims(), &before.signing_key(PURPOSE).unwrap(), HASH);
        let (_, payload, signature) = unverified(&token).unwrap();
        let rotating = Keys::given(vec![new.clone(), old]);
        assert!(verified(payload, signature, &rotating, HASH));
        let minted = sign(&claims(), &rotating.signing_key(PURPOSE).unwrap(), HASH);
        let (_, new_payload, new_signature) = unverified(&minted).unwrap();
        let rotated = Keys::given(vec![new]);
        assert!(verified(new_payload, new_signature, &rotated, HASH));
        assert!(!verified(payload, signature, &rotated, HASH));
    }

    #[test]
    fn a_token_minted_under_a_key_rotated_to_elsewhere_verifies_once_the_file_is_read_again() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("secret.key");
        let here = Keys::load(None, &file, true).unwrap();
        here.signing_key(PURPOSE).unwrap();
        // Another replica with the same key file rotates and mints.
        let there = Keys::load(None, &file, false).unwrap();
        there.start_rotation().unwrap();
        there.finish_rotation().unwrap();
        let token = sign(&claims(), &there.signing_key(PURPOSE).unwrap(), HASH);
        let (_, payload, signature) = unverified(&token).unwrap();
        assert!(verified(payload, signature, &here, HASH));
    }

    #[test]
    fn without_a_key_no_token_is_signed_and_none_verifies() {
        let keys = Keys::given(Vec::new());
        let error = keys.signing_key(PURPOSE).unwrap_err();
        assert!(error.0.contains("DESKCTL_SECRET_KEY"), "{error}");
        let token = sign(&claims(), &another_key(), HASH);
        let (_, payload, signature) = unverified(&token).unwrap();
        assert!(!verified(payload, signature, &keys, HASH));
    }
}
