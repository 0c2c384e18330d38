//! The Desk API client: the one path every request takes, to a remote service over
//! HTTP or to the local desk in-process.
//!
//! It adds the token, applies timeouts, retries what is safe to retry and turns
//! problem+json answers into typed errors. It knows nothing of clap or terminals.

mod agents;
mod config;
mod events;

pub use events::{EventStream, StreamItem};
mod fields;
mod handoffs;
mod integrations;
mod operators;
mod outbound;
mod rules;
mod settings;
mod teams;
mod ticket_counts;
mod tickets;
mod tokens;

use std::time::Duration;

use axum::body::Body;
use backon::{ExponentialBuilder, Retryable};
use bytes::Bytes;
use http::header::{AUTHORIZATION, CONTENT_TYPE};
use http::{HeaderMap, Method, StatusCode};
use http_body_util::BodyExt;
use secrecy::{ExposeSecret, SecretString};
use serde::Serialize;
use serde::de::DeserializeOwned;
use tower::ServiceExt;

use crate::api::{Health, MAX_PAGE_LIMIT, Page, PageQuery, Problem, VersionInfo};
use crate::domain::urls::shown_url;
use crate::server::sealing::Keys;
use crate::server::store::{Location, Open};
use crate::server::{LocalDesk, REQUEST_ID_HEADER};

/// How long one HTTP request may take, end to end.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// How long establishing a connection may take.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// How long a kept-alive connection may wait idle for the next request: under
/// `deskctl serve`'s default `--header-timeout` (10 s), after which the server
/// closes it. A request sent just as the server closes the connection is lost
/// in flight, and a `POST` cannot safely be sent again.
pub const IDLE_CONNECTION_TIMEOUT: Duration = Duration::from_secs(5);

/// The longest path and query a request may have, in bytes: the HTTP
/// libraries at both ends (and the in-process transport, which builds the
/// same request) take a URL of at most 65,534, scheme and host included.
/// Only many long filter values come near it (`--field`, each value up to
/// 1,000 characters).
pub const MAX_URL_BYTES: usize = 60 * 1024;

/// Why a request to `path` (its path and query) cannot be sent, if it
/// cannot: too long a URL for any service to take. Checked by every send.
pub fn url_problem(path: &str) -> Option<ClientError> {
    (path.len() > MAX_URL_BYTES).then_some(ClientError::UrlTooLong { bytes: path.len() })
}

/// When and how often to try a request again.
#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    /// Retries after the first attempt.
    pub max_retries: usize,
    /// The first backoff; it doubles (with jitter) on each retry.
    pub min_delay: Duration,
    pub max_delay: Duration,
    /// The longest `Retry-After` honoured; a longer one is cut to this.
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_retries: 3,
            min_delay: Duration::from_millis(250),
            max_delay: Duration::from_secs(8),
            max_retry_after: Duration::from_secs(60),
        }
    }
}

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// The service answered with an error.
    #[error("{}", .problem.detail.as_deref().unwrap_or(&.problem.title))]
    Api {
        status: StatusCode,
        problem: Box<Problem>,
        request_id: Option<String>,
    },
    /// No connection could be made (after retries).
    #[error("cannot reach the Desk service at {target}")]
    Unreachable {
        target: String,
        #[source]
        source: reqwest::Error,
    },
    #[error("the Desk service at {target} did not answer in time")]
    Timeout { target: String },
    #[error("unexpected answer from {target} ({status}): {detail}")]
    InvalidResponse {
        target: String,
        status: StatusCode,
        detail: String,
    },
    #[error("cannot open the desk at {path}")]
    LocalDesk {
        path: String,
        #[source]
        source: crate::server::store::StoreError,
    },
    #[error("cannot build the HTTP client")]
    Setup(#[source] reqwest::Error),
    /// The server URL given is not one a client can use; `url` is as
    /// [`shown_url`] shows it.
    #[error("the server URL '{url}' {problem}")]
    InvalidUrl {
        url: String,
        problem: ServerUrlProblem,
    },
    /// An `https://` URL whose server speaks plain HTTP.
    #[error("{target} does not answer with TLS (HTTPS)")]
    NotTls { target: String },
    /// The TLS handshake failed (certificate, protocol).
    #[error("cannot make a TLS connection to {target}")]
    Tls {
        target: String,
        #[source]
        source: reqwest::Error,
    },
    /// A request whose path and query are longer than [`MAX_URL_BYTES`]:
    /// refused before it is sent, which no service would take.
    #[error(
        "the request's URL comes to {bytes} bytes, more than the {MAX_URL_BYTES} a request to a \
         Desk service may have: ask for fewer or shorter values"
    )]
    UrlTooLong { bytes: usize },
    /// An answer that is not the Desk API's: a web page, a proxy's error page.
    #[error("{target} answered {status} with {what}, not a Desk API answer")]
    Foreign {
        target: String,
        status: StatusCode,
        what: String,
    },
}

impl ClientError {
    /// The HTTP status of an API error.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            ClientError::Api { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// A TLS failure because no CA the client trusts signed the server's
    /// certificate (a private CA's): trusting that CA mends it.
    pub fn unknown_issuer(&self) -> bool {
        matches!(
            self,
            ClientError::Tls { source, .. } if matches!(
                tls_error(source),
                Some(rustls::Error::InvalidCertificate(
                    rustls::CertificateError::UnknownIssuer
                ))
            )
        )
    }

    /// The problem's stable code, e.g. `operator_not_found`.
    pub fn code(&self) -> Option<&str> {
        match self {
            ClientError::Api { problem, .. } => Some(&problem.code),
            _ => None,
        }
    }
}

pub type ClientResult<T> = Result<T, ClientError>;

enum Transport {
    Http {
        base: String,
        http: reqwest::Client,
        /// For streams: no end-to-end timeout, but one between reads.
        streaming: reqwest::Client,
    },
    InProcess(InProcess),
}

/// A service in this process, called without a socket.
enum InProcess {
    /// The local desk: a request without a token acts as the desk file's owner.
    Desk(LocalDesk),
    /// A service's own router: every request acts with the client's token alone.
    Router(axum::Router),
}

impl InProcess {
    async fn call(&self, request: http::Request<Body>) -> http::Response<Body> {
        match self {
            InProcess::Desk(desk) => desk.call(request).await,
            InProcess::Router(router) => match router.clone().oneshot(request).await {
                Ok(response) => response,
                Err(never) => match never {},
            },
        }
    }
}

/// A connection to one Desk service.
pub struct Client {
    transport: Transport,
    token: Option<SecretString>,
    retry: RetryPolicy,
}

/// One request, as the transports send it.
#[derive(Debug, Clone)]
pub struct ApiRequest {
    pub method: Method,
    /// The path and query, e.g. `/v1/operators?limit=10`.
    pub path: String,
    pub body: Option<Vec<u8>>,
    pub idempotency_key: Option<String>,
    /// The revision a change was planned against (`If-Match`).
    pub if_match: Option<String>,
    /// The media type asked for (`Accept`), when not the API's JSON.
    pub accept: Option<&'static str>,
}

impl ApiRequest {
    /// The headers this request sets itself, for either transport (the token
    /// and the body's type are the client's).
    fn headers(&self) -> impl Iterator<Item = (http::HeaderName, &str)> {
        [
            (
                http::HeaderName::from_static("idempotency-key"),
                self.idempotency_key.as_deref(),
            ),
            (http::header::IF_MATCH, self.if_match.as_deref()),
            (http::header::ACCEPT, self.accept),
        ]
        .into_iter()
        .filter_map(|(name, value)| Some((name, value?)))
    }
}

/// One answer.
#[derive(Debug, Clone)]
pub struct ApiResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

enum AttemptError {
    /// An answer worth trying again for (429, 502, 503, 504).
    Retryable(ApiResponse),
    Connect(reqwest::Error),
    Timeout,
    Other(ClientError),
}

impl Client {
    /// A client of the service at `base` (e.g. `http://127.0.0.1:7070`).
    pub fn http(base: &str, token: Option<SecretString>) -> ClientResult<Client> {
        let base = check_server_url(base).map_err(|problem| ClientError::InvalidUrl {
            url: shown_url(base),
            problem,
        })?;
        // reqwest is built without a default crypto provider; ring is ours. A second
        // install (another client in this process) is refused harmlessly.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::builder()
            .timeout(REQUEST_TIMEOUT)
            .connect_timeout(CONNECT_TIMEOUT)
            .pool_idle_timeout(IDLE_CONNECTION_TIMEOUT)
            .user_agent(concat!("deskctl/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(ClientError::Setup)?;
        let streaming = reqwest::Client::builder()
            .read_timeout(events::READ_TIMEOUT)
            .connect_timeout(CONNECT_TIMEOUT)
            .user_agent(concat!("deskctl/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(ClientError::Setup)?;
        Ok(Client {
            transport: Transport::Http {
                base,
                http,
                streaming,
            },
            token,
            retry: RetryPolicy::default(),
        })
    }

    /// A client of the desk at `location`, served in this process with
    /// secrets sealed under `keys`; the desk is created when missing.
    pub async fn local(location: &Location, keys: Keys) -> ClientResult<Client> {
        Self::local_with(location, Open::CreateIfMissing, keys).await
    }

    /// A client of the desk at `location`, served in this process, opened as
    /// `open` says: a reader passes [`Open::Existing`] so that a mistyped path
    /// is an error, not a new empty desk.
    pub async fn local_with(location: &Location, open: Open, keys: Keys) -> ClientResult<Client> {
        let desk = LocalDesk::open(location, open, keys)
            .await
            .map_err(|source| ClientError::LocalDesk {
                path: location.describe(),
                source,
            })?;
        Ok(Client {
            transport: Transport::InProcess(InProcess::Desk(desk)),
            token: None,
            retry: RetryPolicy::default(),
        })
    }

    /// A client of `router` (a service's own, in this process) acting with
    /// `token`: the service answers it exactly as it would that token over HTTP.
    pub fn in_process(router: axum::Router, token: SecretString) -> Client {
        Client {
            transport: Transport::InProcess(InProcess::Router(router)),
            token: Some(token),
            retry: RetryPolicy::default(),
        }
    }

    pub fn with_retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// Where requests go, for messages: a URL, or the desk run in-process
    /// (`the desk at PATH`, `the desk in PostgreSQL at URL`).
    pub fn target(&self) -> String {
        match &self.transport {
            Transport::Http { base, .. } => base.clone(),
            Transport::InProcess(InProcess::Desk(desk)) => desk.describe(),
            Transport::InProcess(InProcess::Router(_)) => "this service".to_string(),
        }
    }

    /// The local desk this client sends its requests to, if any.
    pub fn local_desk(&self) -> Option<&LocalDesk> {
        match &self.transport {
            Transport::InProcess(InProcess::Desk(desk)) => Some(desk),
            _ => None,
        }
    }

    /// Releases the local desk's database connections; a no-op over HTTP.
    pub async fn close(&self) {
        if let Some(desk) = self.local_desk() {
            desk.close().await;
        }
    }

    /// Sends a request, retrying what is safe to retry, and returns a 2xx answer
    /// or the error the service gave.
    pub async fn send(&self, request: ApiRequest) -> ClientResult<ApiResponse> {
        if let Some(problem) = url_problem(&request.path) {
            return Err(problem);
        }
        let retry_safe = matches!(request.method, Method::GET | Method::PUT | Method::DELETE)
            || request.idempotency_key.is_some();
        let backoff = ExponentialBuilder::default()
            .with_min_delay(self.retry.min_delay)
            .with_max_delay(self.retry.max_delay)
            .with_max_times(self.retry.max_retries)
            .with_jitter();
        let max_retry_after = self.retry.max_retry_after;
        let outcome = (|| self.send_traced(&request))
            .retry(backoff)
            .sleep(tokio::time::sleep)
            .notify(|error, wait| {
                let why = match error {
                    AttemptError::Retryable(response) => response.status.to_string(),
                    AttemptError::Connect(_) => "no connection".into(),
                    AttemptError::Timeout => "timed out".into(),
                    AttemptError::Other(error) => error.to_string(),
                };
                tracing::debug!(
                    "{} {}: {why}; trying again in {} ms",
                    request.method,
                    path_only(&request.path),
                    wait.as_millis()
                );
            })
            .when(|error| match error {
                // Nothing reached the service: any method is safe to send again.
                AttemptError::Connect(_) => true,
                AttemptError::Retryable(_) | AttemptError::Timeout => retry_safe,
                AttemptError::Other(_) => false,
            })
            .adjust(|error, delay| {
                let AttemptError::Retryable(response) = error else {
                    return delay;
                };
                // `None` means retries are used up; a Retry-After does not extend them.
                delay.map(|delay| {
                    crate::net::retry_after(&response.headers)
                        .map(|wait| wait.min(max_retry_after))
                        .unwrap_or(delay)
                })
            })
            .await;
        match outcome {
            Ok(response) if response.status.is_success() => Ok(response),
            Ok(response) => Err(self.error_from(response)),
            Err(error) => Err(self.attempt_error(error)),
        }
    }

    /// One attempt, traced for `-v`: method, path (never the query), status,
    /// time taken and request id. Tokens and bodies are never traced.
    async fn send_traced(&self, request: &ApiRequest) -> Result<ApiResponse, AttemptError> {
        let started = std::time::Instant::now();
        let outcome = self.send_once(request).await;
        let took = started.elapsed().as_millis();
        let path = path_only(&request.path);
        let answered = match &outcome {
            Ok(response) | Err(AttemptError::Retryable(response)) => Some(response),
            Err(_) => None,
        };
        match answered {
            Some(response) => {
                let id = response
                    .headers
                    .get(REQUEST_ID_HEADER)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("-");
                tracing::debug!(
                    "{} {path} → {} in {took} ms (request id {id})",
                    request.method,
                    response.status
                );
            }
            None => tracing::debug!("{} {path} → no answer after {took} ms", request.method),
        }
        outcome
    }

    /// Why a request sent over HTTP got no answer: a connection not made
    /// (which may be tried again), a timeout, a TLS handshake that failed
    /// (which trying again cannot mend: the server speaks no TLS, or its
    /// certificate is not trusted), or a connection that broke.
    fn unanswered(&self, error: reqwest::Error) -> AttemptError {
        let error = without_query(error);
        if error.is_timeout() {
            AttemptError::Timeout
        } else if let Some(tls) = tls_error(&error) {
            AttemptError::Other(match tls {
                rustls::Error::InvalidMessage(rustls::InvalidMessage::InvalidContentType) => {
                    ClientError::NotTls {
                        target: self.target(),
                    }
                }
                _ => ClientError::Tls {
                    target: self.target(),
                    source: error,
                },
            })
        } else if error.is_connect() {
            AttemptError::Connect(error)
        } else {
            AttemptError::Other(ClientError::Unreachable {
                target: self.target(),
                source: error,
            })
        }
    }

    /// The error a caller sees for the last attempt's failure.
    fn attempt_error(&self, error: AttemptError) -> ClientError {
        match error {
            AttemptError::Connect(source) => ClientError::Unreachable {
                target: self.target(),
                source,
            },
            AttemptError::Timeout => ClientError::Timeout {
                target: self.target(),
            },
            AttemptError::Other(error) => error,
            AttemptError::Retryable(response) => self.error_from(response),
        }
    }

    async fn send_once(&self, request: &ApiRequest) -> Result<ApiResponse, AttemptError> {
        let response = match &self.transport {
            Transport::Http { base, http, .. } => {
                let mut builder =
                    http.request(request.method.clone(), format!("{base}{}", request.path));
                if let Some(token) = &self.token {
                    builder = builder.bearer_auth(token.expose_secret());
                }
                for (name, value) in request.headers() {
                    builder = builder.header(name, value);
                }
                if let Some(body) = &request.body {
                    builder = builder
                        .header(CONTENT_TYPE, "application/json")
                        .body(body.clone());
                }
                let response = builder.send().await.map_err(|e| self.unanswered(e))?;
                let status = response.status();
                let headers = response.headers().clone();
                let body = response.bytes().await.map_err(|e| {
                    if e.is_timeout() {
                        AttemptError::Timeout
                    } else {
                        AttemptError::Other(ClientError::Unreachable {
                            target: self.target(),
                            source: without_query(e),
                        })
                    }
                })?;
                ApiResponse {
                    status,
                    headers,
                    body,
                }
            }
            Transport::InProcess(target) => {
                let mut builder = http::Request::builder()
                    .method(request.method.clone())
                    .uri(&request.path);
                if let Some(token) = &self.token {
                    builder =
                        builder.header(AUTHORIZATION, format!("Bearer {}", token.expose_secret()));
                }
                for (name, value) in request.headers() {
                    builder = builder.header(name, value);
                }
                let body = match &request.body {
                    Some(body) => {
                        builder = builder.header(CONTENT_TYPE, "application/json");
                        Body::from(body.clone())
                    }
                    None => Body::empty(),
                };
                let http_request = builder.body(body).map_err(|e| {
                    AttemptError::Other(ClientError::InvalidResponse {
                        target: self.target(),
                        status: StatusCode::BAD_REQUEST,
                        detail: format!("cannot build the request: {e}"),
                    })
                })?;
                let response = target.call(http_request).await;
                let (parts, body) = response.into_parts();
                let body = body
                    .collect()
                    .await
                    .map(|collected| collected.to_bytes())
                    .unwrap_or_default();
                ApiResponse {
                    status: parts.status,
                    headers: parts.headers,
                    body,
                }
            }
        };
        if matches!(
            response.status,
            StatusCode::TOO_MANY_REQUESTS
                | StatusCode::BAD_GATEWAY
                | StatusCode::SERVICE_UNAVAILABLE
                | StatusCode::GATEWAY_TIMEOUT
        ) {
            return Err(AttemptError::Retryable(response));
        }
        Ok(response)
    }

    fn error_from(&self, response: ApiResponse) -> ClientError {
        let request_id = response
            .headers
            .get(REQUEST_ID_HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        if let Some(what) = foreign(&response) {
            return ClientError::Foreign {
                target: self.target(),
                status: response.status,
                what,
            };
        }
        match serde_json::from_slice::<Problem>(&response.body) {
            Ok(problem) => ClientError::Api {
                status: response.status,
                problem: Box::new(problem),
                request_id,
            },
            // A proxy or a foreign server: keep what it said, briefly.
            Err(_) => {
                let text = String::from_utf8_lossy(&response.body);
                let detail: String = text
                    .trim()
                    .lines()
                    .next()
                    .unwrap_or_default()
                    .chars()
                    .take(200)
                    .collect();
                let reason = response.status.canonical_reason().unwrap_or("error");
                ClientError::Api {
                    status: response.status,
                    problem: Box::new(Problem {
                        kind: "about:blank".into(),
                        title: reason.into(),
                        status: response.status.as_u16(),
                        detail: Some(if detail.is_empty() {
                            format!("{} {reason}", response.status.as_u16())
                        } else {
                            detail
                        }),
                        code: format!("http_{}", response.status.as_u16()),
                        errors: Vec::new(),
                    }),
                    request_id,
                }
            }
        }
    }

    fn decode<T: DeserializeOwned>(&self, response: &ApiResponse) -> ClientResult<T> {
        if let Some(what) = foreign(response) {
            return Err(ClientError::Foreign {
                target: self.target(),
                status: response.status,
                what,
            });
        }
        serde_json::from_slice(&response.body).map_err(|e| ClientError::InvalidResponse {
            target: self.target(),
            status: response.status,
            detail: format!("cannot read the answer: {e}"),
        })
    }

    pub(crate) async fn get<T: DeserializeOwned>(&self, path: String) -> ClientResult<T> {
        let response = self.send(request(Method::GET, path, None)).await?;
        self.decode(&response)
    }

    pub(crate) async fn write<B: Serialize, T: DeserializeOwned>(
        &self,
        method: Method,
        path: String,
        body: &B,
    ) -> ClientResult<T> {
        let body = serde_json::to_vec(body).expect("request bodies serialize");
        let response = self.send(request(method, path, Some(body))).await?;
        self.decode(&response)
    }

    pub(crate) async fn delete(&self, path: String) -> ClientResult<()> {
        self.send(request(Method::DELETE, path, None)).await?;
        Ok(())
    }

    /// A `DELETE` of `path` with `query` (left off when it says nothing)
    /// that answers what it did.
    pub(crate) async fn delete_answered<Q: Serialize, T: DeserializeOwned>(
        &self,
        path: String,
        query: &Q,
    ) -> ClientResult<T> {
        let query = encode_query(query);
        let path = match query.is_empty() {
            true => path,
            false => format!("{path}?{query}"),
        };
        let response = self.send(request(Method::DELETE, path, None)).await?;
        self.decode(&response)
    }

    /// Every item of a list endpoint, following cursors page by page.
    pub(crate) async fn get_all<T: DeserializeOwned>(&self, path: &str) -> ClientResult<Vec<T>> {
        let mut items = Vec::new();
        let mut query = PageQuery {
            limit: Some(MAX_PAGE_LIMIT),
            cursor: None,
        };
        loop {
            let page: Page<T> = self.get(format!("{path}?{}", encode_query(&query))).await?;
            items.extend(page.items);
            match page.next_cursor {
                Some(cursor) => query.cursor = Some(cursor),
                None => return Ok(items),
            }
        }
    }

    pub async fn health(&self) -> ClientResult<Health> {
        self.get("/v1/health".into()).await
    }

    pub async fn me(&self) -> ClientResult<crate::api::Me> {
        self.get("/v1/me".into()).await
    }

    pub async fn version(&self) -> ClientResult<VersionInfo> {
        self.get("/v1/version".into()).await
    }
}

fn request(method: Method, path: String, body: Option<Vec<u8>>) -> ApiRequest {
    ApiRequest {
        method,
        path,
        body,
        idempotency_key: None,
        if_match: None,
        accept: None,
    }
}

/// Why a server URL cannot be used. Never holds the URL's password.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ServerUrlProblem {
    /// Not a base URL of the service: no scheme, no host, a query, /v1.
    #[error("{0}")]
    Malformed(String),
    /// `user:password@`: reqwest would send it as a Basic Authorization
    /// header in place of the Bearer token, and it would be stored and shown
    /// wherever the URL is.
    #[error("carries a user name or password")]
    UserInfo,
}

impl ServerUrlProblem {
    /// What to do about it, when there is more to say than the message.
    pub fn hint(&self) -> Option<&'static str> {
        match self {
            ServerUrlProblem::Malformed(_) => None,
            ServerUrlProblem::UserInfo => Some(
                "deskctl authenticates with a token: give the URL without a user name or \
                 password, and the token with --token-stdin or DESKCTL_TOKEN",
            ),
        }
    }
}

/// The warning for a server URL that sends its token in clear (see
/// [`host_reached_in_clear`]), one sentence; `None` when it does not.
pub fn in_clear_warning(server: &str) -> Option<String> {
    host_reached_in_clear(server).map(|host| {
        format!(
            "{server} is plain http://: the token goes to {host} in clear, readable by anyone \
             on the network between; serve Desk behind TLS (docs/deployment.md) and use https://"
        )
    })
}

/// The host a checked server URL sends its token to in clear: an `http://`
/// URL whose host is not this machine. `None` for `https://` and loopback.
pub fn host_reached_in_clear(server: &str) -> Option<String> {
    let url = url::Url::parse(server).ok()?;
    let host = url.host_str()?;
    (url.scheme() == "http" && !crate::domain::validate::is_loopback_host(host))
        .then(|| host.to_string())
}

/// A server URL as the client uses it (no trailing slash), or why it cannot be
/// one: the scheme is missing or not http(s), it carries a user name or
/// password, or a query.
pub fn check_server_url(text: &str) -> Result<String, ServerUrlProblem> {
    let malformed = |reason: String| Err(ServerUrlProblem::Malformed(reason));
    let text = text.trim().trim_end_matches('/');
    // Before anything else, so that no other message echoes the password.
    if crate::domain::urls::user_info(text).is_some() {
        return Err(ServerUrlProblem::UserInfo);
    }
    if !text.contains("://") {
        return malformed(format!(
            "has no scheme: use http://{text} (or https://{text} when it serves TLS)"
        ));
    }
    let url = match url::Url::parse(text) {
        Ok(url) => url,
        Err(e) => return malformed(format!("is not a URL: {e}")),
    };
    if !matches!(url.scheme(), "http" | "https") {
        return malformed(format!(
            "uses {}://: only http:// and https:// are supported",
            url.scheme()
        ));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return malformed("names no host".into());
    }
    if url.query().is_some() || url.fragment().is_some() {
        return malformed("has a query or fragment: give the service's base URL only".into());
    }
    // Every request path starts with /v1 already: a URL that ends in it would
    // ask for /v1/v1/…, which no service answers, and say "no such endpoint".
    if let Some(base) = text.strip_suffix("/v1") {
        return malformed(format!(
            "ends in /v1, which every request adds itself: use {base}"
        ));
    }
    Ok(text.to_string())
}

/// A request's path without its query, for traces.
fn path_only(path: &str) -> &str {
    path.split_once('?').map_or(path, |(path, _)| path)
}

/// `error` without the query of the URL it names, which its message shows:
/// a query may hold customer data (`?requester=dana%40example.com`), and no
/// message shows it, as `-v`'s traces do not.
fn without_query(mut error: reqwest::Error) -> reqwest::Error {
    if let Some(url) = error.url_mut() {
        url.set_query(None);
        url.set_fragment(None);
    }
    error
}

/// The rustls error behind a failed request, if TLS is what failed. An
/// `io::Error` hides what it wraps from `source()`, so each one is opened.
fn tls_error(error: &reqwest::Error) -> Option<&rustls::Error> {
    fn find<'a>(error: &'a (dyn std::error::Error + 'static)) -> Option<&'a rustls::Error> {
        if let Some(tls) = error.downcast_ref::<rustls::Error>() {
            return Some(tls);
        }
        if let Some(inner) = error
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
            && let Some(tls) = find(inner)
        {
            return Some(tls);
        }
        error.source().and_then(find)
    }
    find(error)
}

/// What an answer is when it is a web page rather than the API's JSON (a
/// different server at that address, a proxy's error page): "an HTML page".
fn foreign(response: &ApiResponse) -> Option<String> {
    let content_type = response
        .headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let starts_like_html = {
        let head = String::from_utf8_lossy(&response.body[..response.body.len().min(64)])
            .trim_start()
            .to_ascii_lowercase();
        head.starts_with("<!doctype html") || head.starts_with("<html")
    };
    (content_type.starts_with("text/html") || starts_like_html).then(|| "an HTML page".into())
}

pub(crate) fn encode_query<Q: Serialize>(query: &Q) -> String {
    crate::api::spread_repeated(
        &serde_urlencoded::to_string(query).expect("query parameters serialize"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    #[test]
    fn server_urls_need_a_scheme_and_a_host_and_nothing_more() {
        assert_eq!(
            check_server_url("http://127.0.0.1:7070/").unwrap(),
            "http://127.0.0.1:7070"
        );
        assert_eq!(
            check_server_url("https://desk.example.com/desk").unwrap(),
            "https://desk.example.com/desk"
        );
        let missing = check_server_url("127.0.0.1:7070").unwrap_err().to_string();
        assert!(missing.contains("use http://127.0.0.1:7070"), "{missing}");
        assert!(
            check_server_url("ftp://x")
                .unwrap_err()
                .to_string()
                .contains("only http")
        );
        assert!(
            check_server_url("http://x/?token=1")
                .unwrap_err()
                .to_string()
                .contains("query")
        );
        assert!(check_server_url("http://").is_err());
        let versioned = check_server_url("http://127.0.0.1:7070/v1/")
            .unwrap_err()
            .to_string();
        assert!(
            versioned.contains("use http://127.0.0.1:7070"),
            "{versioned}"
        );
        assert_eq!(
            check_server_url("https://desk.example.com/v1desk").unwrap(),
            "https://desk.example.com/v1desk"
        );
    }

    #[test]
    fn only_plain_http_to_another_machine_sends_the_token_in_clear() {
        for (server, host) in [
            ("http://10.0.0.5:7070", Some("10.0.0.5")),
            ("http://desk.example.com", Some("desk.example.com")),
            ("https://desk.example.com", None),
            ("http://127.0.0.1:7070", None),
            ("http://localhost:7070", None),
            ("http://[::1]:7070", None),
        ] {
            assert_eq!(host_reached_in_clear(server).as_deref(), host, "{server}");
        }
    }

    #[test]
    fn server_urls_with_a_user_name_or_password_are_refused_and_shown_masked() {
        for url in [
            "http://u:secretpw@127.0.0.1:7070",
            "https://u@desk.example.com/desk",
            "http://:secretpw@127.0.0.1:7070/",
            "u:secretpw@127.0.0.1:7070",
        ] {
            assert_eq!(
                check_server_url(url),
                Err(ServerUrlProblem::UserInfo),
                "{url}"
            );
        }
        assert_eq!(
            shown_url("http://u:secretpw@127.0.0.1:7070/desk"),
            "http://u:***@127.0.0.1:7070/desk"
        );
        assert_eq!(
            shown_url("u:secretpw@127.0.0.1:7070"),
            "u:***@127.0.0.1:7070"
        );
        // An @ in the path is no user info.
        assert_eq!(
            check_server_url("http://127.0.0.1:7070/team@desk").unwrap(),
            "http://127.0.0.1:7070/team@desk"
        );
        assert_eq!(
            shown_url("http://127.0.0.1:7070/team@desk"),
            "http://127.0.0.1:7070/team@desk"
        );
    }

    #[test]
    fn html_pages_are_foreign_answers_and_json_is_not() {
        let answer = |content_type: &str, body: &str| ApiResponse {
            status: StatusCode::NOT_FOUND,
            headers: {
                let mut headers = HeaderMap::new();
                headers.insert(CONTENT_TYPE, HeaderValue::from_str(content_type).unwrap());
                headers
            },
            body: Bytes::from(body.to_string()),
        };
        assert!(foreign(&answer("text/html; charset=utf-8", "<p>no</p>")).is_some());
        assert!(foreign(&answer("", "<!DOCTYPE HTML>\n<html>")).is_some());
        assert!(foreign(&answer("application/problem+json", "{}")).is_none());
        assert!(foreign(&answer("text/plain", "Invalid URL")).is_none());
    }

    #[test]
    fn traces_show_paths_without_queries() {
        assert_eq!(path_only("/v1/tickets?requester=a%40b"), "/v1/tickets");
        assert_eq!(path_only("/v1/me"), "/v1/me");
    }
}
