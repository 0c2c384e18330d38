//! `/v1/tokens`: API credentials. Owners only; secrets are shown once, at creation.

use super::{ApiRoutes, routes};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;

use super::{into_page, page_limit};
use crate::api::{
    Page, PageQuery, Problem, Role, Token, TokenCreate, TokenCreated, TokenKind, cursor_problem,
};
use crate::domain::validate::Checks;
use crate::server::AppState;
use crate::server::auth::{self, Principal, generate_id, generate_secret, hash_secret};
use crate::server::error::ApiResult;
use crate::server::json::{ApiJson, ApiPath, ApiQuery, JsonBody};
use crate::server::store::{NewToken, stored_time};

pub fn add(routes: ApiRoutes) -> ApiRoutes {
    routes.with(routes!(list, create)).with(routes!(revoke))
}

/// List tokens, without their secrets.
#[utoipa::path(get, path = "/v1/tokens", tag = "tokens", params(PageQuery),
    responses((status = 200, body = Page<Token>), (status = 403, body = Problem)))]
async fn list(
    State(state): State<AppState>,
    _caller: auth::Owner,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> ApiResult<JsonBody<Page<Token>>> {
    let limit = page_limit(&query)?;
    let after = match query.cursor.as_deref() {
        None => None,
        Some(cursor) => Some(read_token_cursor(cursor).ok_or_else(super::bad_cursor)?),
    };
    let items = state.store.list_tokens(after, limit + 1).await?;
    Ok(JsonBody(into_page(items, limit, token_cursor)))
}

/// The cursor to the tokens created after `token`: its creation time (as
/// stored) and its id, which together order tokens as they were made.
fn token_cursor(token: &Token) -> String {
    format!("{}|{}", stored_time(token.created_at), token.id)
}

/// What [`token_cursor`] wrote, read back; none for any other text.
fn read_token_cursor(cursor: &str) -> Option<(jiff::Timestamp, &str)> {
    if cursor_problem(cursor).is_some() {
        return None;
    }
    let (time, id) = cursor.split_once('|')?;
    let time = time.parse().ok()?;
    id.starts_with("tok_").then_some((time, id))
}

/// Create a token. The answer holds the secret: it is never shown again.
#[utoipa::path(post, path = "/v1/tokens", tag = "tokens", request_body = TokenCreate,
    responses((status = 201, body = TokenCreated), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn create(
    State(state): State<AppState>,
    _caller: auth::Owner,
    ApiJson(body): ApiJson<TokenCreate>,
) -> ApiResult<(StatusCode, Json<TokenCreated>)> {
    let mut checks = Checks::new();
    let name = match (body.kind, &body.operator, &body.name) {
        (TokenKind::Operator, Some(handle), name) => {
            checks.slug("operator", handle);
            name.clone().unwrap_or_else(|| handle.clone())
        }
        (TokenKind::Operator, None, _) => {
            checks.push("operator", "an operator token needs the operator's handle");
            String::new()
        }
        (TokenKind::Ingest, Some(_), _) => {
            checks.push(
                "operator",
                "ingest tokens act for no operator: leave it out",
            );
            String::new()
        }
        (TokenKind::Ingest, None, name) => name.clone().unwrap_or_default(),
    };
    checks.name("name", &name).finish()?;
    let secret = generate_secret();
    let token = state
        .store
        .create_token(NewToken {
            id: generate_id("tok"),
            name: name.trim().to_string(),
            kind: body.kind,
            operator: body.operator,
            secret_sha256: hash_secret(&secret),
            hint: secret[secret.len() - 4..].to_string(),
        })
        .await?;
    Ok((StatusCode::CREATED, Json(TokenCreated { token, secret })))
}

/// Revoke a token: requests with it fail from now on.
#[utoipa::path(delete, path = "/v1/tokens/{id}", tag = "tokens",
    params(("id" = String, Path, description = "The token's id")),
    responses((status = 204), (status = 404, body = Problem)))]
async fn revoke(
    State(state): State<AppState>,
    principal: Principal,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<StatusCode> {
    principal.require(Role::Owner)?;
    state.store.delete_token(&id).await?;
    Ok(StatusCode::NO_CONTENT)
}
