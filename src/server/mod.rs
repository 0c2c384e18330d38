//! The Desk service: the `/v1` HTTP API over the desk's store.
//!
//! It knows nothing of terminals. The same router serves HTTP (`deskctl serve`) and
//! the in-process transport of the local desk ([`LocalDesk`]), so both run exactly
//! the same code.

pub mod auth;
pub mod connectors;
pub mod delivery;
pub mod error;
pub mod idempotency;
pub(crate) mod json;
pub mod listen;
mod openapi;
pub mod routes;
pub mod sealing;
pub mod smtp;
pub mod store;

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, Request, Response, StatusCode};
use axum::response::IntoResponse;
use tokio::net::TcpListener;
use tokio::sync::{Notify, watch};
use tower::ServiceExt;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::request_id::{
    MakeRequestId, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
};
use tower_http::sensitive_headers::SetSensitiveRequestHeadersLayer;
use tower_http::trace::TraceLayer;
use utoipa::OpenApi;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa_axum::router::OpenApiRouter;

use self::error::ApiError;
use self::routes::ApiRoutes;
pub use self::store::Store;

/// The largest request body the service reads, but for a workspace document
/// (see [`body_limit`]).
pub use crate::api::MAX_BODY_BYTES;
/// How long one request may take before the service gives up on it.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// The header carrying each request's id, set by the service when the caller
/// sent none or one it does not take (see [`usable_request_id`]).
pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// The longest request id a caller may choose.
pub const MAX_REQUEST_ID_LEN: usize = 128;

/// Whether the service takes a caller's `x-request-id` as the request's id,
/// echoed and logged: 1 to [`MAX_REQUEST_ID_LEN`] ASCII letters, digits and
/// `-_.:`. Anyone may send one, unauthenticated, so anything else (spaces,
/// quotes, braces, a log line of its own, kilobytes) gets an id of the
/// service's own rather than reaching the log.
pub fn usable_request_id(id: &str) -> bool {
    (1..=MAX_REQUEST_ID_LEN).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
}

/// Drops a caller's request id the service does not take, so that
/// [`SetRequestIdLayer`] makes one of its own.
async fn drop_unusable_request_id(mut request: Request<Body>) -> Request<Body> {
    let usable = request
        .headers()
        .get_all(REQUEST_ID_HEADER)
        .iter()
        .map(|id| id.to_str().is_ok_and(usable_request_id))
        .collect::<Vec<_>>();
    if usable != [true] {
        request.headers_mut().remove(REQUEST_ID_HEADER);
    }
    request
}

/// What every handler can reach.
#[derive(Debug, Clone)]
pub struct AppState {
    pub store: Store,
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Desk API",
        description = "The API of the Desk service, served by `deskctl serve`. Errors are \
                       `application/problem+json` (RFC 9457) with a stable `code`. Every \
                       instant it writes is RFC 3339 in UTC with exactly six fractional \
                       digits (`2026-11-21T12:00:01.500000Z`), so instants compare as text \
                       in time order (but in the `request` a handoff echoes, as parsed); \
                       any RFC 3339 instant is read.",
    ),
    modifiers(&BearerAuth),
    security(("bearer" = [])),
    components(schemas(
        crate::api::Problem,
        crate::api::FieldError,
        crate::api::TicketView,
        crate::api::TicketSort,
        crate::api::EventReset
    )),
)]
struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// Every group of routes, each adding its own to the router it is given.
const ROUTE_GROUPS: &[fn(ApiRoutes) -> ApiRoutes] = &[
    routes::meta::add,
    routes::config::add,
    routes::events::add,
    routes::operators::add,
    routes::teams::add,
    routes::tokens::add,
    routes::agents::add,
    routes::settings::add,
    routes::fields::add,
    routes::rules::add,
    routes::handoffs::add,
    routes::tickets::add,
    routes::ticket_counts::add,
    routes::inbound::add,
    routes::requesters::add,
    routes::outbox::add,
    routes::integrations::add,
];

/// The API's routes, added one group after another to `routes`.
fn api_routes(routes: ApiRoutes) -> ApiRoutes {
    ROUTE_GROUPS.iter().fold(routes, |routes, add| add(routes))
}

/// The API's routes with the OpenAPI description of each.
fn described_routes() -> ApiRoutes {
    api_routes(ApiRoutes::Described(Box::new(OpenApiRouter::with_openapi(
        ApiDoc::openapi(),
    ))))
}

/// The OpenAPI document of every route the router serves, as JSON: utoipa's
/// types cannot read back every schema the completed document holds.
pub fn openapi() -> serde_json::Value {
    let mut doc = described_routes().into_openapi();
    doc.info.version = env!("CARGO_PKG_VERSION").to_string();
    let mut json = serde_json::to_value(&doc).expect("the OpenAPI document serializes");
    openapi::finish(&mut json);
    json
}

/// The largest request body the service reads at `path`: a workspace
/// document may be as large as the workspace it describes.
pub fn body_limit(path: &str) -> usize {
    if crate::api::DOCUMENT_PATHS.contains(&path) {
        crate::api::MAX_DOCUMENT_BODY_BYTES
    } else {
        MAX_BODY_BYTES
    }
}

/// Holds each request's body to what the service reads: the [`body_limit`] of
/// its path, and no content coding.
async fn limit_body(request: Request<Body>, next: axum::middleware::Next) -> Response<Body> {
    if let Some(coding) = content_coding(request.headers()) {
        return unsupported_coding(&coding);
    }
    let limit = body_limit(request.uri().path());
    let limited = tower::Layer::layer(&DefaultBodyLimit::max(limit), next);
    match limited.oneshot(request).await {
        Ok(response) => response,
        Err(never) => match never {},
    }
}

/// Refuses a path with a NUL character (`%00`) in it before any route reads
/// it, as the query and body extractors refuse one in theirs: a path segment
/// is text a route looks up in the store, which no NUL may reach.
async fn refuse_nul_in_path(
    request: Request<Body>,
    next: axum::middleware::Next,
) -> Response<Body> {
    if request.uri().path().contains("%00") {
        return ApiError {
            errors: vec![crate::api::FieldError::new(
                "path",
                crate::domain::validate::NUL_MESSAGE,
            )],
            ..ApiError::new(
                StatusCode::BAD_REQUEST,
                "invalid_path",
                format!("the path {}", crate::domain::validate::NUL_MESSAGE),
            )
        }
        .into_response();
    }
    next.run(request).await
}

/// The content coding (`gzip`, …) a request's body is sent in, if any: the
/// service decodes none, and would otherwise read the compressed bytes as
/// JSON that does not parse.
fn content_coding(headers: &axum::http::HeaderMap) -> Option<String> {
    headers
        .get_all(axum::http::header::CONTENT_ENCODING)
        .iter()
        .flat_map(|value| value.to_str().unwrap_or("?").split(','))
        .map(str::trim)
        .find(|coding| !coding.is_empty() && !coding.eq_ignore_ascii_case("identity"))
        .map(|coding| {
            match coding.len() <= 32
                && coding
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            {
                true => format!("`Content-Encoding: {coding}`"),
                // Not a coding's name: not worth repeating.
                false => "a `Content-Encoding`".to_string(),
            }
        })
}

/// The answer to a body sent in `coding` (as the message names it): 415 with `Accept-Encoding:
/// identity`, as RFC 9110 (§15.5.16) asks, so a client knows to send it as is.
fn unsupported_coding(coding: &str) -> Response<Body> {
    let mut response = ApiError::new(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_content_encoding",
        format!(
            "the request body is sent with {coding}, which the service does not decode: \
             send it uncompressed"
        ),
    )
    .into_response();
    response.headers_mut().insert(
        axum::http::header::ACCEPT_ENCODING,
        axum::http::HeaderValue::from_static("identity"),
    );
    response
}

/// The whole service, ready to serve.
pub fn router(state: AppState) -> Router {
    router_with(state, Router::new())
}

/// The service with `extra` routes beside the API's, behind the same layers:
/// how what sits above the server (the copilot's `/v1/mcp`, served over the
/// API's own client) joins it without the server importing it.
pub fn router_with(state: AppState, extra: Router) -> Router {
    serve_routes(routes(), state, extra)
}

/// The API's routes, before they are given the service's state, without their
/// OpenAPI description (see [`ApiRoutes`]).
fn routes() -> Router<AppState> {
    api_routes(ApiRoutes::Plain(Router::new()))
        .into_router()
        .fallback(|| async {
            ApiError::new(
                StatusCode::NOT_FOUND,
                "route_not_found",
                "no such endpoint; see docs/openapi.json",
            )
        })
        .method_not_allowed_fallback(|| async {
            ApiError::new(
                StatusCode::METHOD_NOT_ALLOWED,
                "method_not_allowed",
                "this endpoint does not accept that method",
            )
        })
}

/// `routes` serving `state`, with `extra` beside them, behind the service's layers.
fn serve_routes(routes: Router<AppState>, state: AppState, extra: Router) -> Router {
    let request_id = HeaderName::from_static(REQUEST_ID_HEADER);
    // The routes as one service, the fallback of a router with no routes:
    // `Router::layer` wraps each route and method of the router it is called
    // on in every layer, a hundred boxed services built (and dropped) per
    // layer by every local command.
    Router::new()
        .fallback_service(routes.with_state(state).merge(extra))
        .layer(axum::middleware::from_fn(limit_body))
        .layer(axum::middleware::from_fn(refuse_nul_in_path))
        .layer(axum::middleware::from_fn(time_limit))
        .layer(axum::middleware::from_fn(error::problem_for_plain_errors))
        .layer(CatchPanicLayer::custom(|_| {
            ApiError::internal("a handler panicked").into_response()
        }))
        .layer(
            TraceLayer::new_for_http()
                // The path only: a query may carry a platform's webhook token.
                .make_span_with(|request: &Request<Body>| {
                    let request_id = request
                        .headers()
                        .get(REQUEST_ID_HEADER)
                        .and_then(|id| id.to_str().ok())
                        .unwrap_or("-");
                    tracing::info_span!(
                        "request",
                        request_id = %request_id,
                        method = %request.method(),
                        path = %request.uri().path(),
                    )
                })
                // One line per request, when it is answered (errors included).
                .on_response(
                    |response: &Response<Body>, latency: Duration, _: &tracing::Span| {
                        let code = response.extensions().get::<error::AnsweredCode>();
                        tracing::info!(
                            status = response.status().as_u16(),
                            code = code.map(|code| tracing::field::display(code.0)),
                            duration_ms = u64::try_from(latency.as_millis()).unwrap_or(u64::MAX),
                            "answered"
                        );
                    },
                )
                .on_failure(()),
        )
        .layer(SetSensitiveRequestHeadersLayer::new([
            axum::http::header::AUTHORIZATION,
        ]))
        .layer(PropagateRequestIdLayer::new(request_id.clone()))
        .layer(SetRequestIdLayer::new(request_id, RandomRequestId))
        .layer(axum::middleware::map_request(drop_unusable_request_id))
}

/// Gives up on a request that takes longer than [`REQUEST_TIMEOUT`], with a
/// problem+json answer like every other error (see [`within`]).
async fn time_limit(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    within(REQUEST_TIMEOUT, request, next).await
}

/// Answers `request` if it is done within `limit`. Otherwise whose fault the
/// wait was decides the answer: a body the handler was still waiting for is
/// the client's (`408`, and the connection closed, since the rest of the body
/// would be read as the next request); anything else is the service's own
/// slowness (`503`, which a proxy may try on another replica).
async fn within(
    limit: Duration,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::body::HttpBody;

    let waiting = Arc::new(AtomicBool::new(false));
    // A request without a body (most reads) has nothing to wait for.
    let request = if request.body().is_end_stream() {
        request
    } else {
        request.map(|inner| {
            Body::new(WatchedBody {
                inner,
                waiting: Arc::clone(&waiting),
            })
        })
    };
    let seconds = limit.as_secs_f64();
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) if waiting.load(Ordering::Relaxed) => {
            let mut response = ApiError::new(
                StatusCode::REQUEST_TIMEOUT,
                "request_timeout",
                format!("the request body did not arrive within {seconds} seconds"),
            )
            .into_response();
            response.headers_mut().insert(
                axum::http::header::CONNECTION,
                axum::http::HeaderValue::from_static("close"),
            );
            response
        }
        Err(_) => ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "request_timeout",
            // The work goes on after the answer (a handoff waiting for the
            // database is committed once it can be): say how to learn what
            // became of it without doing it twice.
            format!(
                "the service did not finish the request within {seconds} seconds; what it \
                 asked for may still be done: send it again with the same Idempotency-Key, \
                 which answers the first result instead of doing it twice"
            ),
        )
        .into_response(),
    }
}

/// A request body that records whether its reader is waiting on the client:
/// set while the last read found nothing yet, cleared by data or the end.
struct WatchedBody {
    inner: Body,
    waiting: Arc<AtomicBool>,
}

impl axum::body::HttpBody for WatchedBody {
    type Data = axum::body::Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<hyper::body::Frame<Self::Data>, Self::Error>>> {
        let polled = std::pin::Pin::new(&mut self.inner).poll_frame(cx);
        self.waiting.store(polled.is_pending(), Ordering::Relaxed);
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> hyper::body::SizeHint {
        self.inner.size_hint()
    }
}

#[derive(Clone, Copy)]
struct RandomRequestId;

impl MakeRequestId for RandomRequestId {
    fn make_request_id<B>(&mut self, _: &Request<B>) -> Option<RequestId> {
        let id = auth::generate_id("req");
        id.parse().ok().map(RequestId::new)
    }
}

/// The local desk: the service in this process, called without a socket.
///
/// Requests are marked as coming from the desk file's owner, who may do anything.
/// With no background worker to deliver what requests queue in the outbox, each
/// request that changes something delivers what is due before it answers, within
/// [`delivery::LOCAL_BUDGET`] (a [`delivery::LocalBudget`], which the request
/// itself may have spent some of); what is left waits for the next such
/// request or for `deskctl serve`.
#[derive(Debug, Clone)]
pub struct LocalDesk {
    router: Router,
    store: Store,
    deliverer: delivery::Deliverer,
    /// Whether a request that may change something was sent (see [`LocalDesk::finish`]).
    changed: Arc<std::sync::atomic::AtomicBool>,
    /// Whether such a request was answered with success: something was
    /// committed (see [`LocalDesk::committed`]).
    committed: Arc<std::sync::atomic::AtomicBool>,
}

impl LocalDesk {
    pub async fn open(
        location: &store::Location,
        open: store::Open,
        keys: sealing::Keys,
    ) -> Result<Self, store::StoreError> {
        let store = Store::open_for_command(location, open, keys).await?;
        Ok(Self {
            router: serve_routes(
                routes(),
                AppState {
                    store: store.clone(),
                },
                Router::new(),
            ),
            deliverer: delivery::Deliverer::new(store.clone()),
            store,
            changed: Arc::default(),
            committed: Arc::default(),
        })
    }

    /// Which desk this is, for messages: `the desk at PATH` or `the desk in
    /// PostgreSQL at URL` (without its password).
    pub fn describe(&self) -> String {
        self.store.describe()
    }

    /// Whether a change sent through this desk succeeded. Each request is
    /// one transaction, so a desk whose every change was refused holds
    /// nothing this command wrote.
    pub fn committed(&self) -> bool {
        self.committed.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Sends one request through the router.
    pub async fn call(&self, mut request: Request<Body>) -> Response<Body> {
        request.extensions_mut().insert(auth::LocalCaller);
        let budget = delivery::LocalBudget::default();
        request.extensions_mut().insert(budget.clone());
        let changes = is_change(request.method(), request.uri().path());
        if changes {
            self.changed
                .store(true, std::sync::atomic::Ordering::Relaxed);
        }
        let response = match self.router.clone().oneshot(request).await {
            Ok(response) => response,
            Err(never) => match never {},
        };
        if changes && response.status().is_success() {
            self.committed
                .store(true, std::sync::atomic::Ordering::Relaxed);
        }
        if changes
            && let Err(error) = budget
                .deliver_due(&self.deliverer, delivery::LOCAL_BUDGET)
                .await
        {
            tracing::warn!(%error, "could not deliver queued messages");
        }
        response
    }

    pub async fn close(&self) {
        self.store.close().await;
    }

    /// Ends a command's use of the desk. After a change its connections are
    /// closed: on SQLite the last one to close copies the log into the desk
    /// file, so a copy of that file alone, made next (a CI job keeping it as
    /// an artifact), holds what the command wrote. So are they after a write
    /// the desk made by itself (its schema brought up to date, secrets an
    /// older deskctl stored open sealed), also for a command that only read:
    /// else the desk file would keep the old schema and those secrets open,
    /// the new ones only in the log. A command that only read leaves its
    /// connections to the process's exit.
    pub async fn finish(&self) {
        if self.changed.load(std::sync::atomic::Ordering::Relaxed) || self.store.wrote_unasked() {
            self.close().await;
        }
    }
}

/// The POSTs that only compute an answer and store nothing.
const READ_ONLY_POSTS: &[&str] = &[
    "/v1/handoffs/preview",
    "/v1/handoffs/what-if",
    "/v1/config/plan",
    // The copilot's tools only read.
    "/v1/mcp",
];

/// The probes load balancers and clients send without a token: no rate limit
/// counts or refuses them (see [`listen::RateLimiter::sparing`]). Each is
/// cheap: one `SELECT 1`, bounded in time, or no database at all.
const PROBES: &[&str] = &["/v1/health", "/v1/version"];

/// Whether a request may have changed something (and queued a message).
fn is_change(method: &axum::http::Method, path: &str) -> bool {
    match *method {
        axum::http::Method::GET | axum::http::Method::HEAD | axum::http::Method::OPTIONS => false,
        axum::http::Method::POST => !READ_ONLY_POSTS.contains(&path),
        _ => true,
    }
}

/// How long `serve` waits, once stopped, for the delivery workers to finish
/// the messages in hand; a message cut off is tried again when its lease runs
/// out.
const DELIVERY_STOP_GRACE: Duration = Duration::from_secs(35);

/// How `serve` delivers the outbox.
#[derive(Debug, Clone, Copy)]
pub struct Delivery {
    /// How long a worker holds a message it is sending.
    pub lease: Duration,
    /// Messages sent at once: each worker sends one at a time, so a receiver
    /// slow to answer holds up one worker, not every other ticket's messages.
    pub workers: usize,
}

/// Serves the API, and `extra` routes beside it, on `listeners` within `limits`
/// until `shutdown` completes, then refuses new requests (503) and finishes the
/// requests in flight (see [`listen`]). Meanwhile `delivery.workers` workers
/// deliver the outbox, one woken by every request that changes something;
/// each stops after the message in hand.
pub async fn serve(
    listeners: Vec<TcpListener>,
    store: Store,
    extra: Router,
    limits: listen::Limits,
    delivery: Delivery,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let wake = Arc::new(Notify::new());
    let (stop, stopped) = watch::channel(false);
    let mut workers = tokio::task::JoinSet::new();
    let outage = delivery::Outage::default();
    for _ in 0..delivery.workers.max(1) {
        let deliverer = delivery::Deliverer::new(store.clone())
            .with_lease(delivery.lease)
            .with_outage(outage.clone());
        workers.spawn(deliverer.run(wake.clone(), stopped.clone()));
    }
    // The event log's poller, started now rather than with the first stream:
    // it also prunes the events past their retention, every hour.
    drop(store.watch_events());
    let app = router_with(
        AppState {
            store: store.clone(),
        },
        extra,
    )
    .layer(axum::middleware::from_fn_with_state(wake, wake_deliverer))
    .layer(axum::middleware::from_fn_with_state(
        Arc::new(listen::RateLimiter::new(limits.rates).sparing(PROBES)),
        listen::rate_limit,
    ));
    let draining = listen::Draining::default();
    // Outermost: once stopping, nothing else runs for a new request.
    let app = app.layer(axum::middleware::from_fn_with_state(
        draining.clone(),
        listen::refuse_when_draining,
    ));
    // Event streams never finish by themselves: they end when stopping begins,
    // not at the end of the grace period requests in flight get.
    let streams = store.clone();
    let shutdown = async move {
        shutdown.await;
        tracing::info!("stopping: answering the requests in flight, refusing new ones");
        streams.end_event_streams();
    };
    let served = listen::run(listeners, app, limits, draining, shutdown).await;
    let _ = stop.send(true);
    if tokio::time::timeout(DELIVERY_STOP_GRACE, workers.join_all())
        .await
        .is_err()
    {
        tracing::warn!("the delivery workers did not stop in time");
    }
    store.close().await;
    served
}

/// Wakes a delivery worker after each request that changed something.
async fn wake_deliverer(
    axum::extract::State(wake): axum::extract::State<Arc<Notify>>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let changes = is_change(request.method(), request.uri().path());
    let response = next.run(request).await;
    if changes && response.status().is_success() {
        wake.notify_one();
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::Method;

    #[test]
    fn only_short_ids_of_safe_characters_are_taken_from_a_caller() {
        for id in [
            "trace-7",
            "0b8f5a2e-4c1d-4e8a-9f7a-2b3c4d5e6f70",
            "a.b_c:d",
            &"a".repeat(128),
        ] {
            assert!(usable_request_id(id), "{id}");
        }
        for id in [
            "",
            "a b",
            "x}: deskctl::server: answered",
            "a\"b",
            "é",
            &"a".repeat(129),
        ] {
            assert!(!usable_request_id(id), "{id}");
        }
    }

    #[test]
    fn only_requests_that_may_store_something_start_deliveries() {
        assert!(is_change(&Method::POST, "/v1/handoffs"));
        assert!(is_change(&Method::PUT, "/v1/config"));
        assert!(is_change(&Method::DELETE, "/v1/teams/support"));
        assert!(!is_change(&Method::GET, "/v1/tickets"));
        assert!(!is_change(&Method::POST, "/v1/handoffs/preview"));
        assert!(!is_change(&Method::POST, "/v1/config/plan"));
        assert!(!is_change(&Method::POST, "/v1/handoffs/what-if"));
        assert!(!is_change(&Method::POST, "/v1/mcp"));
    }

    /// A route behind [`within`] a limit of `limit`, whose handler reads the
    /// body and then works for `work`.
    fn limited(limit: Duration, work: Duration) -> Router {
        Router::new()
            .route(
                "/",
                axum::routing::post(move |body: axum::body::Bytes| async move {
                    tokio::time::sleep(work).await;
                    body
                }),
            )
            .layer(axum::middleware::from_fn(move |request, next| {
                within(limit, request, next)
            }))
    }

    async fn problem_code(response: axum::response::Response) -> String {
        let body = axum::body::to_bytes(response.into_body(), MAX_BODY_BYTES)
            .await
            .unwrap();
        let problem: serde_json::Value = serde_json::from_slice(&body).unwrap();
        problem["code"].as_str().unwrap_or_default().to_string()
    }

    #[tokio::test]
    async fn a_body_that_stops_arriving_is_the_clients_fault() {
        // Half a body, then nothing: the client stalls with the rest unsent.
        let (sender, chunks) = tokio::sync::mpsc::channel::<Result<Vec<u8>, std::io::Error>>(1);
        sender.send(Ok(b"{\"half\":".to_vec())).await.unwrap();
        let body = Body::from_stream(futures_util::stream::unfold(chunks, |mut chunks| async {
            chunks.recv().await.map(|chunk| (chunk, chunks))
        }));
        let request = Request::post("/").body(body).unwrap();
        let limit = Duration::from_millis(200);
        let response = limited(limit, Duration::ZERO)
            .oneshot(request)
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::REQUEST_TIMEOUT);
        // The unread rest of the body must not be read as the next request.
        assert_eq!(response.headers()["connection"], "close");
        assert_eq!(problem_code(response).await, "request_timeout");
        drop(sender);
    }

    #[tokio::test]
    async fn a_handler_too_slow_after_the_body_arrived_is_the_services_fault() {
        let request = Request::post("/").body(Body::from("{}")).unwrap();
        let response = limited(Duration::from_millis(100), Duration::from_secs(5))
            .oneshot(request)
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert!(response.headers().get("connection").is_none());
        assert_eq!(problem_code(response).await, "request_timeout");
    }

    #[tokio::test]
    async fn a_request_answered_in_time_passes_untouched() {
        let request = Request::post("/").body(Body::from("ping")).unwrap();
        let response = limited(Duration::from_secs(5), Duration::ZERO)
            .oneshot(request)
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let body = axum::body::to_bytes(response.into_body(), 16)
            .await
            .unwrap();
        assert_eq!(&body[..], b"ping");
    }

    /// Each described path with the methods its operations answer.
    fn described_operations() -> Vec<(String, Vec<Method>)> {
        let doc = described_routes().into_openapi();
        doc.paths
            .paths
            .iter()
            .map(|(path, item)| {
                let methods = [
                    (&item.get, Method::GET),
                    (&item.put, Method::PUT),
                    (&item.post, Method::POST),
                    (&item.delete, Method::DELETE),
                    (&item.patch, Method::PATCH),
                ]
                .into_iter()
                .filter(|(operation, _)| operation.is_some())
                .map(|(_, method)| method)
                .collect();
                (path.clone(), methods)
            })
            .collect()
    }

    /// The problem code the served routes answer `method path` with (no
    /// credentials, no body), with every `{parameter}` in the path set to 1.
    async fn answered(service: &Router, method: &Method, path: &str) -> (StatusCode, String) {
        let concrete = path
            .split('/')
            .map(|part| if part.starts_with('{') { "1" } else { part })
            .collect::<Vec<_>>()
            .join("/");
        let request = Request::builder()
            .method(method)
            .uri(&concrete)
            .body(Body::empty())
            .unwrap();
        let response = service.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let body = axum::body::to_bytes(response.into_body(), MAX_BODY_BYTES)
            .await
            .unwrap();
        let code = serde_json::from_slice::<serde_json::Value>(&body)
            .ok()
            .and_then(|problem| problem["code"].as_str().map(str::to_string))
            .unwrap_or_default();
        (status, code)
    }

    #[tokio::test]
    async fn the_served_routes_are_the_described_ones() {
        let described = described_operations();
        assert!(described.len() > 40, "{described:?}");
        let dir = tempfile::tempdir().unwrap();
        let location = store::Location::Sqlite(dir.path().join("desk.sqlite"));
        let keys = sealing::Keys::given(vec![sealing::Key::generate()]);
        let store = Store::open_for_command(&location, store::Open::CreateIfMissing, keys)
            .await
            .unwrap();
        let service = router(AppState {
            store: store.clone(),
        });
        let unrouted = ["route_not_found", "method_not_allowed"];
        for (path, methods) in &described {
            for method in [
                Method::GET,
                Method::PUT,
                Method::POST,
                Method::DELETE,
                Method::PATCH,
            ] {
                let (status, code) = answered(&service, &method, path).await;
                if methods.contains(&method) {
                    assert!(
                        !unrouted.contains(&code.as_str()),
                        "{method} {path} is described but not served: {status} {code}"
                    );
                } else {
                    assert_eq!(
                        (status, code.as_str()),
                        (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed"),
                        "{method} {path} is served but not described"
                    );
                }
            }
        }
        let (status, code) = answered(&service, &Method::GET, "/v1/no-such-thing").await;
        assert_eq!(
            (status, code.as_str()),
            (StatusCode::NOT_FOUND, "route_not_found")
        );
        store.close().await;
    }
}
