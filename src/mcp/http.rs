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
use axum::body::{Body, Bytes};
use axum::extract::{FromRequestParts, Request, State};
use axum::http::header::{ACCEPT, CONTENT_LENGTH, CONTENT_TYPE};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use rmcp::transport::streamable_http_server::session::never::NeverSessionManager;
use rmcp::transport::streamable_http_server::{StreamableHttpServerConfig, StreamableHttpService};
use secrecy::SecretString;

use super::Copilot;
use crate::server::auth::{Principal, bearer};
use crate::server::error::ApiError;
use crate::server::{AppState, MAX_BODY_BYTES, Store};

/// Where the copilot answers.
pub const PATH: &str = "/v1/mcp";

/// The token a request was authenticated with, for the tools to act with.
#[derive(Clone)]
pub struct CallerToken {
    pub secret: SecretString,
    /// Whether it is an ingest token, which the copilot refuses every tool.
    pub is_ingest: bool,
}

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
        .layer(axum::middleware::from_fn(explain_refusals))
        .layer(axum::middleware::from_fn_with_state(state, authenticate))
}

/// Lets through only requests whose bearer token the API accepts, and hands
/// the token on to the tools.
async fn authenticate(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let (mut parts, body) = request.into_parts();
    // A 401 carries its `WWW-Authenticate` challenge as every API route's does.
    let principal = match Principal::from_request_parts(&mut parts, &state).await {
        Ok(principal) => principal,
        Err(error) => return error.into_response(),
    };
    // The header parsed as `Bearer <token>` for the check above.
    let token = bearer(&parts.headers)
        .ok()
        .flatten()
        .map(|secret| SecretString::from(secret.to_string()));
    if let Some(secret) = token {
        parts.extensions.insert(CallerToken {
            secret,
            is_ingest: matches!(principal, Principal::Ingest { .. }),
        });
    }
    next.run(Request::from_parts(parts, body)).await
}

/// What MCP's streamable HTTP transport asks a client to accept, and the
/// transport (rmcp) requires to the letter before it serves a `POST`.
const ACCEPT_BOTH: &str = "application/json, text/event-stream";

/// What a `GET` (an event stream) must accept.
const EVENT_STREAM: &str = "text/event-stream";

/// `request` with the `Accept` rmcp requires when the one sent takes what
/// the copilot answers with: every `POST` is answered with JSON (this
/// transport never streams one), and a `GET` would be an event stream. So
/// `*/*` (curl's and most HTTP libraries' default), `application/*`, a bare
/// `application/json` or no `Accept` at all is served, as HTTP reads them
/// (RFC 9110); rmcp alone takes only the two types spelt out, and refuses
/// `*/*` though it takes both.
fn with_accept_served(mut request: Request) -> Request {
    let takes = |media| crate::server::json::accepts(request.headers(), media);
    let served = if request.method() == Method::POST {
        takes("application/json").then_some(ACCEPT_BOTH)
    } else if request.method() == Method::GET {
        takes(EVENT_STREAM).then_some(EVENT_STREAM)
    } else {
        None
    };
    if let Some(served) = served {
        request
            .headers_mut()
            .insert(ACCEPT, axum::http::HeaderValue::from_static(served));
    }
    request
}

/// Answers the transport's own refusals as the API answers the same faults,
/// with a problem code that says which: rmcp answers a body that is not one
/// JSON-RPC message `415` (as if its media type were wrong, though
/// `Content-Type` was JSON) and an `Accept` it cannot serve with a plain-text
/// `406`. The spec asks for `400` for input the server cannot accept; its
/// body may be any, so it is a problem, like every other error here.
async fn explain_refusals(request: Request, next: Next) -> Response {
    let accept = request.headers().get(ACCEPT).cloned();
    let request = with_accept_served(request);
    // Only a JSON POST reaches rmcp's parser; kept to tell what it refused.
    if request.method() != Method::POST || !is_json(request.headers()) {
        return explain_not_acceptable(next.run(request).await, accept.as_ref());
    }
    let (parts, body) = request.into_parts();
    let body = match axum::body::to_bytes(body, MAX_BODY_BYTES).await {
        Ok(body) => body,
        Err(error) if over_limit(&error) => {
            return crate::server::json::too_large(MAX_BODY_BYTES).into_response();
        }
        Err(error) => {
            return ApiError::new(
                StatusCode::BAD_REQUEST,
                "bad_request",
                format!("the request body could not be read: {error}"),
            )
            .into_response();
        }
    };
    let response = next
        .run(Request::from_parts(parts, Body::from(body.clone())))
        .await;
    if response.status() == StatusCode::UNSUPPORTED_MEDIA_TYPE {
        return not_one_message(&body).into_response();
    }
    let method = serde_json::from_slice::<serde_json::Value>(&body)
        .ok()
        .and_then(|message| Some(message.get("method")?.as_str()?.to_string()));
    let response = match method {
        Some(method) => reword_method_not_found(response, &method).await,
        None => response,
    };
    explain_not_acceptable(response, accept.as_ref())
}

/// rmcp's JSON answer to a request for `method`, with its bare "method not
/// found" worded as JSON-RPC words it ([`super::jsonrpc::reword_method_not_found`]).
async fn reword_method_not_found(response: Response, method: &str) -> Response {
    if !is_json(response.headers()) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    // The copilot's own answer, whole already: a request's limit is no
    // limit for it (a ticket with a long conversation is well over 1 MiB).
    let Ok(body) = axum::body::to_bytes(body, usize::MAX).await else {
        return ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "the copilot's answer could not be read",
        )
        .into_response();
    };
    let Ok(mut message) = serde_json::from_slice::<serde_json::Value>(&body) else {
        return Response::from_parts(parts, Body::from(body));
    };
    if !super::jsonrpc::reword_method_not_found(&mut message, method) {
        return Response::from_parts(parts, Body::from(body));
    }
    let body = message.to_string();
    parts.headers.remove(CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(body))
}

/// Whether `headers` declare a JSON body, as rmcp reads `Content-Type`.
fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("application/json"))
}

/// Whether reading a body failed because it is longer than the limit.
fn over_limit(error: &axum::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(error) = source {
        if error.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        source = error.source();
    }
    false
}

/// Why `body`, sent as JSON, is not one JSON-RPC message.
fn not_one_message(body: &Bytes) -> ApiError {
    let refused = |code, detail: String| ApiError::new(StatusCode::BAD_REQUEST, code, detail);
    match serde_json::from_slice::<serde_json::Value>(body) {
        Err(error) => refused(
            "malformed_json",
            format!("the request body is not valid JSON: {error}"),
        ),
        Ok(serde_json::Value::Array(_)) => refused(
            "batch_not_supported",
            "a JSON-RPC batch is not supported (MCP dropped batches in protocol 2025-06-18): \
             send each message in a request of its own"
                .into(),
        ),
        Ok(value) => {
            let why = serde_json::from_value::<rmcp::model::ClientJsonRpcMessage>(value)
                .err()
                .map_or_else(String::new, |error| format!(": {error}"));
            refused(
                "invalid_jsonrpc",
                format!(
                    "the request body is not a JSON-RPC 2.0 request, notification or response{why}"
                ),
            )
        }
    }
}

/// rmcp's plain `406` (an `Accept` that takes nothing the copilot answers
/// with: see [`with_accept_served`]) as a problem naming the values to send.
fn explain_not_acceptable(
    response: Response,
    accept: Option<&axum::http::HeaderValue>,
) -> Response {
    if response.status() != StatusCode::NOT_ACCEPTABLE {
        return response;
    }
    let sent = match accept.and_then(|value| value.to_str().ok()) {
        Some(value) => format!("`Accept: {value}` was sent"),
        None => "no `Accept` header was sent".into(),
    };
    ApiError::new(
        StatusCode::NOT_ACCEPTABLE,
        "not_acceptable",
        format!(
            "the copilot answers a request with JSON (and a stream with `{EVENT_STREAM}`), which \
             the `Accept` header does not take: send `Accept: {ACCEPT_BOTH}`, as MCP's \
             streamable HTTP transport asks ({sent})"
        ),
    )
    .into_response()
}
