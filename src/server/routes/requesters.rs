//! The customer's own view: `POST /v1/requesters/tokens` mints a
//! requester-scoped credential (an ingest token asks, for one customer), and
//! `GET /v1/requesters/me/tickets` lists that customer's open and closed
//! tickets with it, and no one else's.
//!
//! The credential is signed, not stored: `dkr_<payload>.<mac>`, the payload
//! naming the minting ingest token, the customer and the expiry, the MAC an
//! HMAC-SHA256 keyed with that ingest token's stored hash. So no new secret is
//! kept, and revoking the ingest token revokes every credential it minted. It
//! is no API token: every other route refuses it as unknown.

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
    FieldError, Problem, RequesterTicket, RequesterToken, RequesterTokenRequest, Ticket,
};
use crate::server::AppState;
use crate::server::auth::Principal;
use crate::server::error::{ApiError, ApiResult};
use crate::server::json::ApiJson;

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

fn mac(key: &str, payload: &str) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).expect("HMAC takes any key");
    mac.update(b"deskctl requester token v1\n");
    mac.update(payload.as_bytes());
    mac
}

fn sign(claims: &Claims, key: &str) -> String {
    let payload = B64.encode(serde_json::to_vec(claims).expect("claims serialize"));
    let signature = B64.encode(mac(key, &payload).finalize().into_bytes());
    format!("{PREFIX}{payload}.{signature}")
}

/// The claims of `token` before its signature is checked (to find the key).
fn unverified(token: &str) -> Option<(Claims, &str, &str)> {
    let (payload, signature) = token.strip_prefix(PREFIX)?.split_once('.')?;
    let claims = serde_json::from_slice(&B64.decode(payload).ok()?).ok()?;
    Some((claims, payload, signature))
}

/// Whether `signature` is the MAC of `payload` under `key`, in constant time.
fn verified(payload: &str, signature: &str, key: &str) -> bool {
    B64.decode(signature)
        .is_ok_and(|bytes| mac(key, payload).verify_slice(&bytes).is_ok())
}

fn refused() -> ApiError {
    ApiError::unauthenticated(
        "invalid_requester_token",
        "the requester token is not valid: it is malformed, expired, or its ingest token was revoked",
    )
}

/// The customer the request's requester credential names, or 401.
async fn requester_of(parts: &Parts, state: &AppState) -> ApiResult<String> {
    let token = parts
        .headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim())
        .ok_or_else(|| {
            ApiError::unauthenticated(
                "unauthenticated",
                "this request needs a requester token: send `Authorization: Bearer dkr_…` \
                 (POST /v1/requesters/tokens mints one)",
            )
        })?;
    let (claims, payload, signature) = unverified(token).ok_or_else(refused)?;
    let key = state
        .store
        .ingest_token_key(&claims.t)
        .await?
        .ok_or_else(refused)?;
    if !verified(payload, signature, &key) || claims.exp <= Timestamp::now().as_second() {
        return Err(refused());
    }
    Ok(claims.sub)
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
    let key = state
        .store
        .ingest_token_key(token_id)
        .await?
        .ok_or_else(|| ApiError::forbidden("the ingest token was revoked"))?;
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
            token: sign(&claims, &key),
            requester,
            expires_at,
        }),
    ))
}

/// What the chat widget's "View tickets" lists of a ticket.
pub(crate) fn listed(tickets: Vec<Ticket>) -> Vec<RequesterTicket> {
    tickets
        .into_iter()
        .map(|t| RequesterTicket {
            number: t.number,
            subject: t.subject,
            status: t.status,
            created_at: t.created_at,
            last_activity_at: t.last_activity_at,
        })
        .collect()
}

/// The open and closed tickets of the customer the requester token names,
/// newest first: the chat widget's "View tickets".
#[utoipa::path(get, path = "/v1/requesters/me/tickets", tag = "tickets",
    responses((status = 200, body = Vec<RequesterTicket>), (status = 401, body = Problem)))]
async fn my_tickets(
    State(state): State<AppState>,
    parts: Parts,
) -> ApiResult<Json<Vec<RequesterTicket>>> {
    let requester = requester_of(&parts, &state).await?;
    Ok(Json(listed(
        state.store.requester_tickets(&requester).await?,
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims() -> Claims {
        Claims {
            t: "tok_1".into(),
            sub: "dana@example.com".into(),
            exp: 2_000_000_000,
        }
    }

    #[test]
    fn a_signed_token_verifies_only_under_its_key_and_unchanged() {
        let token = sign(&claims(), "key-a");
        assert!(token.starts_with("dkr_"));
        let (read, payload, signature) = unverified(&token).unwrap();
        assert_eq!(read, claims());
        assert!(verified(payload, signature, "key-a"));
        assert!(!verified(payload, signature, "key-b"));

        // Another customer's name in the payload, the signature kept: refused.
        let mut forged = claims();
        forged.sub = "eve@example.com".into();
        let other = sign(&forged, "key-b");
        let (_, forged_payload, _) = unverified(&other).unwrap();
        assert!(!verified(forged_payload, signature, "key-a"));

        assert!(unverified("dkr_nonsense").is_none());
        assert!(unverified("tok_abc.def").is_none());
        assert!(unverified("dkr_!!!.x").is_none());
    }
}
