//! `/v1/mcp`: the copilot's tools over MCP's streamable HTTP transport, served
//! by `deskctl serve` beside the API.
//!
//! Every request needs a bearer token, checked as the API checks it (401
//! otherwise). The tools then call the service's own router in-process with
//! that same token — not as the desk's owner — so a caller sees through the
//! copilot exactly what the API shows them, and the stdio copilot and this one
//! cannot drift. The transport is stateless (JSON answers, no sessions), so any
//! replica can answer any request.

use std::sync::Arc;

use axum::Router;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::HeaderValue;
use axum::http::header::{AUTHORIZATION, WWW_AUTHENTICATE};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use rmcp::transport::streamable_http_server::session::never::NeverSessionManager;
use rmcp::transport::streamable_http_server::{StreamableHttpServerConfig, StreamableHttpService};
use secrecy::SecretString;

use super::Copilot;
use crate::server::auth::Principal;
use crate::server::{AppState, MAX_BODY_BYTES, Store};

/// Where the copilot answers.
pub const PATH: &str = "/v1/mcp";

/// The token a request was authenticated with, for the tools to act with.
#[derive(Clone)]
pub struct CallerToken(pub SecretString);

/// The `/v1/mcp` route over `store`, for [`crate::server::serve`].
pub fn routes(store: Store) -> Router {
    let state = AppState { store };
    let api = crate::server::router(state.clone());
    let config = StreamableHttpServerConfig::default()
        .with_legacy_session_mode(false)
        .with_json_response(true)
        .with_sse_keep_alive(None)
        .with_max_request_body_bytes(MAX_BODY_BYTES)
        // DNS rebinding tricks a browser into calling a local server that
        // trusts whoever reaches it; this one trusts only bearer tokens, and
        // must answer at whatever host name it is deployed under.
        .disable_allowed_hosts();
    let service = StreamableHttpService::new(
        move || Ok(Copilot::over_router(api.clone())),
        Arc::new(NeverSessionManager::default()),
        config,
    );
    Router::new()
        .route_service(PATH, service)
        .layer(axum::middleware::from_fn_with_state(state, authenticate))
}

/// Lets through only requests whose bearer token the API accepts, and hands
/// the token on to the tools.
async fn authenticate(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let (mut parts, body) = request.into_parts();
    if let Err(error) = Principal::from_request_parts(&mut parts, &state).await {
        let mut response = error.into_response();
        response.headers_mut().insert(
            WWW_AUTHENTICATE,
            HeaderValue::from_static("Bearer realm=\"deskctl\""),
        );
        return response;
    }
    // The header parsed as `Bearer <token>` for the check above.
    let token = parts
        .headers
        .get(AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split_once(' '))
        .map(|(_, secret)| SecretString::from(secret.trim().to_string()));
    if let Some(token) = token {
        parts.extensions.insert(CallerToken(token));
    }
    next.run(Request::from_parts(parts, body)).await
}
