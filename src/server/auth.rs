//! Who is calling: bearer tokens over HTTP, or the owner of the desk file in-process.

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use jiff::Timestamp;
use sha2::{Digest, Sha256};

use super::AppState;
use super::error::{ApiError, ApiResult};
use super::store::TokenIdentity;
use crate::api::{Role, TOKEN_PREFIX, TokenKind};

/// Marks a request sent by the in-process transport. It cannot arrive over HTTP
/// (extensions are not headers): whoever can open the desk file owns the desk.
#[derive(Debug, Clone, Copy)]
pub struct LocalCaller;

/// The authenticated caller of a request.
#[derive(Debug, Clone)]
pub enum Principal {
    /// The in-process caller of a local desk: acts as an owner.
    LocalOwner,
    Operator {
        token_id: String,
        handle: String,
        role: Role,
    },
    Ingest {
        token_id: String,
    },
}

impl Principal {
    /// Refuses callers whose role does not include `role`.
    pub fn require(&self, role: Role) -> ApiResult<()> {
        match self {
            Principal::LocalOwner => Ok(()),
            Principal::Operator {
                handle, role: has, ..
            } => {
                if has.includes(role) {
                    Ok(())
                } else {
                    Err(ApiError::forbidden(format!(
                        "this needs the {role} role or higher; the token acts as '{handle}' ({has})"
                    )))
                }
            }
            Principal::Ingest { .. } => Err(ApiError::forbidden(
                crate::domain::tickets::INGEST_TOKENS_MAY_NOT,
            )),
        }
    }

    /// Refuses ingest tokens: any operator (or the local owner) may pass.
    pub fn require_operator(&self) -> ApiResult<()> {
        self.require(Role::Operator)
    }

    /// The operator's handle, when the caller is an operator token.
    pub fn handle(&self) -> Option<&str> {
        match self {
            Principal::Operator { handle, .. } => Some(handle),
            _ => None,
        }
    }

    /// The token's id, when the caller is an ingest token.
    pub fn ingest_token(&self) -> Option<&str> {
        match self {
            Principal::Ingest { token_id } => Some(token_id),
            _ => None,
        }
    }
}

/// The hex SHA-256 of a token secret: the only form in which secrets are stored.
pub fn hash_secret(secret: &str) -> String {
    hex(&Sha256::digest(secret.as_bytes()))
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A new secret: the prefix and 32 random bytes, hex encoded.
pub fn generate_secret() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system's random source failed");
    format!("{TOKEN_PREFIX}{}", hex(&bytes))
}

/// A short random identifier with a prefix, e.g. `tok_3f9a0c1b2d4e`.
pub fn generate_id(prefix: &str) -> String {
    format!("{prefix}_{}", hex(&random_bytes::<6>()))
}

/// An identifier with a prefix that sorts by when it was made, e.g.
/// `hof_1kbp3sm803f9a0c1b2d4e`: the milliseconds since the Unix epoch in 9
/// base-32 digits (enough until the year 3084), then 60 random bits in 12
/// ([`ordered_id`]). For the ids of rows written by the thousand: the store's
/// unique index on such an id grows at its end, where a random id would dirty
/// a page of its own for each row (docs/performance.md), and two ids collide
/// only if made in the same millisecond with the same 60 bits. Base 32 keeps
/// it short enough for where a platform keeps it in a tag (Freshdesk's
/// `desk-<id>`, at most 32 characters).
pub fn generate_ordered_id(prefix: &str) -> String {
    ordered_id(prefix, Timestamp::now(), u64::from_be_bytes(random_bytes()))
}

/// Crockford's base-32 digits, lowercase: in ASCII order, so ids of one
/// width sort as their values; no `i`, `l`, `o` or `u` to misread.
const BASE32: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// [`generate_ordered_id`] at `at` with the low 60 bits of `random`.
fn ordered_id(prefix: &str, at: Timestamp, random: u64) -> String {
    // Before 1970 (a clock set wrong) counts as 1970: the id stays well formed.
    let millis = u64::try_from(at.as_millisecond()).unwrap_or(0);
    let digits = |value: u64, count: u32| {
        (0..count)
            .rev()
            .map(move |place| char::from(BASE32[(value >> (5 * place)) as usize & 31]))
    };
    let mut id = format!("{prefix}_");
    id.extend(digits(millis, 9).chain(digits(random, 12)));
    id
}

fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).expect("the operating system's random source failed");
    bytes
}

/// The secret of an `Authorization: Bearer <secret>` header.
pub fn bearer_secret(header: &axum::http::HeaderValue) -> Option<&str> {
    header
        .to_str()
        .ok()
        .and_then(|value| value.split_once(' '))
        // The scheme is case-insensitive (RFC 9110 §11.1).
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, secret)| secret.trim())
        .filter(|secret| !secret.is_empty())
}

/// The secret the request's `Authorization` header carries: `None` when it
/// sent none, refused (`401 invalid_authorization`) when the header is not
/// `Bearer <secret>`. What every route that takes a bearer credential reads,
/// API tokens and requester tokens alike.
pub fn bearer(headers: &axum::http::HeaderMap) -> ApiResult<Option<&str>> {
    let Some(header) = headers.get(AUTHORIZATION) else {
        return Ok(None);
    };
    bearer_secret(header).map(Some).ok_or_else(|| {
        ApiError::unauthenticated(
            "invalid_authorization",
            "the Authorization header must be `Bearer <token>`",
        )
    })
}

impl Principal {
    /// Whether `identity`, the caller's token as the store has it now, still
    /// makes this principal: not revoked, the same operator in the same role.
    /// A long-lived answer (an event stream) asks this as it goes on.
    pub fn still_is(&self, identity: Option<&TokenIdentity>) -> bool {
        match (self, identity) {
            (Principal::LocalOwner, _) => true,
            (Principal::Ingest { token_id }, Some(identity)) => identity.id == *token_id,
            (
                Principal::Operator {
                    token_id,
                    handle,
                    role,
                },
                Some(identity),
            ) => {
                identity.id == *token_id
                    && identity.operator.as_deref() == Some(handle.as_str())
                    && identity.role == Some(*role)
            }
            (_, None) => false,
        }
    }
}

impl FromRequestParts<AppState> for Principal {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> ApiResult<Self> {
        let secret = bearer(&parts.headers)?;
        if secret.is_none() && parts.extensions.get::<LocalCaller>().is_some() {
            return Ok(Principal::LocalOwner);
        }
        let secret = secret.ok_or_else(|| {
            ApiError::unauthenticated(
                "unauthenticated",
                "this request needs a token: send `Authorization: Bearer <token>`",
            )
        })?;
        // The hash is looked up through a unique index: comparing hashes of
        // high-entropy secrets leaks nothing useful through timing.
        let identity = state
            .store
            .find_token(&hash_secret(secret))
            .await?
            .ok_or_else(|| {
                ApiError::unauthenticated(
                    "invalid_token",
                    "the token is not valid: it may have been revoked or mistyped",
                )
            })?;
        // A failure to record use must not fail the request.
        if let Err(error) = state.store.record_token_use(&identity).await {
            tracing::warn!(%error, "could not record token use");
        }
        match (identity.kind, identity.operator, identity.role) {
            (TokenKind::Ingest, _, _) => Ok(Principal::Ingest {
                token_id: identity.id,
            }),
            (TokenKind::Operator, Some(handle), Some(role)) => Ok(Principal::Operator {
                token_id: identity.id,
                handle,
                role,
            }),
            _ => Err(ApiError::unauthenticated(
                "invalid_token",
                "the token's operator no longer exists",
            )),
        }
    }
}

/// A caller with at least the role `ROLE` stands for (see [`role_of`]),
/// checked when the request's parts are read: before its body, so a caller
/// without the role hears 403 whatever they sent, never a 422 about a body
/// they may not send at all.
#[derive(Debug, Clone)]
pub struct AtLeast<const ROLE: u8>(pub Principal);

/// Any operator (not an ingest token).
pub type AnyOperator = AtLeast<0>;
/// A manager or an owner.
pub type Manager = AtLeast<1>;
/// An owner.
pub type Owner = AtLeast<2>;

/// The role an [`AtLeast`] parameter stands for.
const fn role_of(role: u8) -> Role {
    match role {
        0 => Role::Operator,
        1 => Role::Manager,
        _ => Role::Owner,
    }
}

impl<const ROLE: u8> FromRequestParts<AppState> for AtLeast<ROLE> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> ApiResult<Self> {
        let principal = Principal::from_request_parts(parts, state).await?;
        principal.require(role_of(ROLE))?;
        Ok(AtLeast(principal))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ordered_id_sorts_by_the_millisecond_it_was_made_in_before_its_random_bits() {
        let at = |ms: i64| Timestamp::from_millisecond(ms).unwrap();
        let earlier = ordered_id("hof", at(1_764_900_000_000), u64::MAX);
        let later = ordered_id("hof", at(1_764_900_000_001), 0);
        assert_eq!(earlier, "hof_1kbp3sm80zzzzzzzzzzzz");
        assert_eq!(later, "hof_1kbp3sm81000000000000");
        assert!(earlier < later, "{earlier} should sort before {later}");
        // Digits sort as their values only at a fixed width: today's
        // millisecond is zero-padded, so it sorts before the last one of 3084.
        let last = ordered_id("hof", at((1 << 45) - 1), 0);
        assert_eq!(last, "hof_zzzzzzzzz000000000000");
        assert!(later < last, "{later} should sort before {last}");
        assert_eq!(ordered_id("hof", at(-1), 31), "hof_00000000000000000000z");
    }

    #[test]
    fn ordered_ids_made_now_carry_the_time_and_differ() {
        let before = Timestamp::now().as_millisecond();
        let ids: Vec<String> = (0..64).map(|_| generate_ordered_id("hof")).collect();
        let after = Timestamp::now().as_millisecond();
        for id in &ids {
            let digits = id.strip_prefix("hof_").expect(id);
            assert_eq!(digits.len(), 21, "{id}");
            let millis = digits[..9]
                .bytes()
                .map(|d| BASE32.iter().position(|&b| b == d).expect(id) as i64)
                .fold(0, |value, digit| value * 32 + digit);
            assert!(
                (before..=after).contains(&millis),
                "{id} not made between {before} and {after}"
            );
        }
        let distinct: std::collections::HashSet<&String> = ids.iter().collect();
        assert_eq!(distinct.len(), ids.len(), "{ids:?}");
    }
}
