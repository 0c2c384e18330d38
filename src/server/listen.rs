//! The HTTP side of `deskctl serve`: the listening sockets, the accept loop
//! and what protects it from slow and hostile clients.
//!
//! - an address given as a host name is listened on at every address it
//!   resolves to, all on one port ([`bind`]), and the SMTP listener shares that;
//! - a connection has [`Limits::header_timeout`] to send each request's
//!   headers, counted from when it opens or the previous answer went out, so a
//!   half-sent request or an idle kept-alive connection is closed;
//! - at most [`Limits::max_connections`] are served at once; one more is
//!   answered `503` (problem+json, `Retry-After`) and closed;
//! - each caller address and each token has a request budget per minute
//!   ([`RateLimits`]), answered `429` with `Retry-After` when spent; the
//!   probes the router names ([`RateLimiter::sparing`]) are never counted;
//! - on shutdown the connections waiting in the listen queue are still
//!   accepted, every request that arrives is answered (`503` + `Connection:
//!   close`), and the requests in flight finish before the service stops.
//!
//! - a request hyper cannot read (a malformed request line or header, a
//!   target or headers too large) is answered `400`, `414` or `431` as
//!   problem+json, as every other error ([`unreadable`]).
//!
//! It owns sockets and timers only: what a request means is the router's.

mod unreadable;

use std::collections::HashMap;
use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::ConnectInfo;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use sha2::{Digest, Sha256};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};
use tokio::task::JoinSet;
use tower::ServiceExt;

use super::error::ApiError;

/// How `serve` treats connections and callers. Every field is a `serve` flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// How long a client may take to send a request's headers, counted from
    /// the connection's start or the previous answer.
    pub header_timeout: Duration,
    /// Connections served at once; more are answered `503` and closed.
    pub max_connections: usize,
    pub rates: RateLimits,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            header_timeout: Duration::from_secs(10),
            max_connections: 4096,
            rates: RateLimits::default(),
        }
    }
}

/// Requests per minute allowed to one caller address and to one token; `0`
/// turns a limit off. A caller may spend a minute's budget at once, then earns
/// it back evenly over the minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimits {
    pub per_address: u32,
    pub per_token: u32,
}

impl Default for RateLimits {
    fn default() -> Self {
        Self {
            per_address: 1200,
            per_token: 1200,
        }
    }
}

/// Set once shutdown begins: from then on every request is refused with a 503.
#[derive(Debug, Clone, Default)]
pub(crate) struct Draining(Arc<AtomicBool>);

impl Draining {
    fn start(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    fn is_set(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

/// How long, once stopped, a connection may still deliver a request it had
/// begun to send (it is answered 503) before idle connections are closed.
const SHUTDOWN_DRAIN: Duration = Duration::from_secs(1);
/// Connections refused for the cap at once; past it they are closed unanswered.
const MAX_REFUSALS: usize = 64;

/// File descriptors kept for what is not a client connection: the database
/// and its journal, the log, outgoing deliveries, refusals in progress.
const RESERVED_FILES: u64 = 64 + MAX_REFUSALS as u64;

/// Raises this process's open-file limit to its hard limit (a default soft
/// limit of 1,024 would stop the service near a thousand connections) and
/// returns how many connections fit beside [`RESERVED_FILES`]; `None` when
/// the limit is unknown or unlimited.
pub fn connection_room() -> Option<usize> {
    #[cfg(unix)]
    {
        use rustix::process::{Resource, Rlimit, getrlimit, setrlimit};
        let limit = getrlimit(Resource::Nofile);
        let mut current = limit.current;
        if limit.current < limit.maximum || limit.maximum.is_none() {
            let raised = Rlimit {
                current: limit.maximum,
                maximum: limit.maximum,
            };
            if setrlimit(Resource::Nofile, raised).is_ok() {
                current = limit.maximum;
            }
        }
        current.map(|files| {
            usize::try_from(files.saturating_sub(RESERVED_FILES)).unwrap_or(usize::MAX)
        })
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// The sockets `serve` listens on for one `--listen` (or `--smtp-listen`)
/// address, and the addresses it stands for that this machine does not have.
#[derive(Debug)]
pub struct Listeners {
    /// One per address, all on one port, in the order the name resolved to.
    pub bound: Vec<TcpListener>,
    /// Each address skipped, with why (`::1` where IPv6 is turned off).
    pub skipped: Vec<(SocketAddr, std::io::Error)>,
}

/// Listens on every address `address` (`IP:PORT` or `HOST:PORT`) stands for:
/// a host name is resolved now and each of its addresses bound, since a
/// client may try any of them (`localhost` is `::1` as well as `127.0.0.1`
/// on most machines). Port 0 picks one free port for all of them. An address
/// this machine does not have is skipped; any other failure, or no address
/// bound, is an error naming the address.
pub async fn bind(address: &str) -> std::io::Result<Listeners> {
    let mut addresses: Vec<SocketAddr> = Vec::new();
    for resolved in tokio::net::lookup_host(address).await? {
        if !addresses.contains(&resolved) {
            addresses.push(resolved);
        }
    }
    bind_all(&addresses).await
}

/// How often port 0 is picked again when the port the first address got is
/// taken at another.
const PORT_PICKS: usize = 8;

async fn bind_all(addresses: &[SocketAddr]) -> std::io::Result<Listeners> {
    let picks_port = addresses.first().is_some_and(|first| first.port() == 0);
    for _ in 1..PORT_PICKS {
        match bind_on_one_port(addresses).await {
            Err(error) if picks_port && error.kind() == std::io::ErrorKind::AddrInUse => {}
            bound => return bound,
        }
    }
    bind_on_one_port(addresses).await
}

/// Binds each of `addresses` in turn, port 0 standing for the port the first
/// one bound got.
async fn bind_on_one_port(addresses: &[SocketAddr]) -> std::io::Result<Listeners> {
    let mut listeners = Listeners {
        bound: Vec::new(),
        skipped: Vec::new(),
    };
    let mut picked = None;
    for &given in addresses {
        let address = SocketAddr::new(given.ip(), picked.unwrap_or(given.port()));
        match TcpListener::bind(address).await {
            Ok(listener) => {
                picked = Some(listener.local_addr()?.port());
                listeners.bound.push(listener);
            }
            Err(error) if is_not_on_this_machine(&error) => {
                listeners.skipped.push((address, error));
            }
            Err(error) => {
                return Err(std::io::Error::new(
                    error.kind(),
                    format!("{address}: {error}"),
                ));
            }
        }
    }
    if listeners.bound.is_empty() {
        let why = if listeners.skipped.is_empty() {
            "it stands for no address".to_string()
        } else {
            let skipped: Vec<String> = listeners
                .skipped
                .iter()
                .map(|(address, error)| format!("{address}: {error}"))
                .collect();
            format!(
                "none of its addresses is on this machine ({})",
                skipped.join("; ")
            )
        };
        return Err(std::io::Error::new(
            std::io::ErrorKind::AddrNotAvailable,
            why,
        ));
    }
    Ok(listeners)
}

/// Whether binding failed because this machine has no such address, or no
/// such kind of address at all (IPv6 turned off): an address to skip, where
/// one in use or forbidden is a conflict to report.
fn is_not_on_this_machine(error: &std::io::Error) -> bool {
    #[cfg(unix)]
    let no_such_family =
        error.raw_os_error() == Some(rustix::io::Errno::AFNOSUPPORT.raw_os_error());
    #[cfg(not(unix))]
    let no_such_family = false;
    error.kind() == std::io::ErrorKind::AddrNotAvailable || no_such_family
}

/// Takes connections from several listeners, each in turn first, so that a
/// busy one does not keep the others waiting.
pub(crate) struct Acceptor {
    listeners: Vec<TcpListener>,
    turn: usize,
}

impl Acceptor {
    /// None without a listener: there would be nothing to accept.
    pub(crate) fn new(listeners: Vec<TcpListener>) -> Option<Self> {
        (!listeners.is_empty()).then_some(Self { listeners, turn: 0 })
    }

    /// The next connection on any of the listeners.
    pub(crate) async fn accept(&mut self) -> std::io::Result<(TcpStream, SocketAddr)> {
        let count = self.listeners.len();
        self.turn = (self.turn + 1) % count;
        let accepts =
            (0..count).map(|i| Box::pin(self.listeners[(self.turn + i) % count].accept()));
        futures_util::future::select_all(accepts).await.0
    }

    fn into_listeners(self) -> Vec<TcpListener> {
        self.listeners
    }
}

/// Serves `app` on `listeners` until `shutdown` completes, then drains: see
/// the module documentation.
pub(crate) async fn run(
    listeners: Vec<TcpListener>,
    app: Router,
    limits: Limits,
    draining: Draining,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let mut acceptor = Acceptor::new(listeners).ok_or_else(|| {
        std::io::Error::new(std::io::ErrorKind::InvalidInput, "no address to listen on")
    })?;
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    let refusals = Arc::new(Semaphore::new(MAX_REFUSALS));
    let (stop, stopped) = watch::channel(false);
    let mut connections = JoinSet::new();
    let serve = |connections: &mut JoinSet<()>, stream: TcpStream, peer: SocketAddr| match slots
        .clone()
        .try_acquire_owned()
    {
        Ok(slot) => {
            connections.spawn(connection(
                stream,
                peer,
                app.clone(),
                limits,
                slot,
                stopped.clone(),
            ));
        }
        Err(_) => match refusals.clone().try_acquire_owned() {
            Ok(turn) => {
                tokio::spawn(refuse(stream, limits.max_connections, turn));
            }
            Err(_) => tracing::warn!(
                max = limits.max_connections,
                "connection closed unanswered: too many connections, and too many refusals \
                 under way"
            ),
        },
    };
    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            () = &mut shutdown => break,
            accepted = acceptor.accept() => match accepted {
                Ok((stream, peer)) => serve(&mut connections, stream, peer),
                Err(error) => accept_failed(&error).await,
            },
            // Reap finished connections so the set does not grow.
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    draining.start();
    // Connections the kernel accepted for us are ours to answer. Asked of the
    // socket itself: tokio's readiness for the listener may not have seen the
    // latest ones yet, and they would be reset when the listener closes.
    for listener in acceptor.into_listeners() {
        let listener = listener.into_std()?;
        loop {
            match listener.accept() {
                Ok((stream, peer)) => match stream
                    .set_nonblocking(true)
                    .and_then(|()| TcpStream::from_std(stream))
                {
                    Ok(stream) => serve(&mut connections, stream, peer),
                    Err(error) => tracing::warn!(%error, "accept error while stopping"),
                },
                Err(error) if error.kind() == std::io::ErrorKind::WouldBlock => break,
                Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
                Err(error) => {
                    tracing::warn!(%error, "accept error while stopping");
                    break;
                }
            }
        }
    }
    tokio::time::sleep(SHUTDOWN_DRAIN).await;
    let _ = stop.send(true);
    let grace = super::REQUEST_TIMEOUT + limits.header_timeout;
    let finished = tokio::time::timeout(grace, async {
        while connections.join_next().await.is_some() {}
    })
    .await;
    if finished.is_err() {
        tracing::warn!(
            open = connections.len(),
            "connections still open after the grace period were closed"
        );
        connections.shutdown().await;
    }
    Ok(())
}

/// An accept error (most often out of file descriptors): logged, and a pause
/// so the loop does not spin while the condition lasts.
async fn accept_failed(error: &std::io::Error) {
    tracing::error!(%error, "accept error");
    tokio::time::sleep(Duration::from_millis(100)).await;
}

/// Serves one connection until the client closes it, a limit closes it, or
/// shutdown closes it once it is idle.
async fn connection(
    stream: TcpStream,
    peer: SocketAddr,
    app: Router,
    limits: Limits,
    _slot: OwnedSemaphorePermit,
    mut stopped: watch::Receiver<bool>,
) {
    let _ = stream.set_nodelay(true);
    // Whether a request has come in: one that is still in the socket's buffer
    // when stopping begins must be read and refused, not closed on.
    let requested = Arc::new(AtomicBool::new(false));
    let seen = requested.clone();
    let service = app.map_request(move |mut request: axum::extract::Request<_>| {
        seen.store(true, Ordering::Relaxed);
        request.extensions_mut().insert(ConnectInfo(peer));
        request
    });
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .max_buf_size(64 * 1024);
    let stream = unreadable::ProblemAnswers::new(stream);
    let conn = builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
    tokio::pin!(conn);
    let mut closing = false;
    // A connection that has sent nothing yet when stopping begins gets the
    // header timeout to send its first request (answered with a 503).
    let mut first_request: Option<std::pin::Pin<Box<tokio::time::Sleep>>> = None;
    loop {
        tokio::select! {
            result = conn.as_mut() => {
                if let Err(error) = result {
                    tracing::debug!(%error, %peer, "connection closed");
                }
                return;
            }
            changed = stopped.changed(), if !closing => {
                if changed.is_err() || *stopped.borrow() {
                    closing = true;
                    if requested.load(Ordering::Relaxed) {
                        // Idle: closed now; busy: closed once its answer is sent.
                        conn.as_mut().graceful_shutdown();
                    } else {
                        first_request = Some(Box::pin(tokio::time::sleep(limits.header_timeout)));
                    }
                }
            }
            () = async { first_request.as_mut().expect("guarded").await }, if first_request.is_some() => {
                first_request = None;
                conn.as_mut().graceful_shutdown();
            }
        }
    }
}

/// Answers a connection over the cap with a 503 and closes it. What the
/// client sent is read (briefly) first, so closing does not reset the
/// connection before the answer is read, and so the answer and its log line
/// carry a request id like every other request's.
async fn refuse(mut stream: TcpStream, max_connections: usize, _turn: OwnedSemaphorePermit) {
    let mut buffer = [0u8; 4096];
    let read = read_head(&mut stream, &mut buffer).await;
    let request = RefusedRequest::read(&buffer[..read]);
    // The same span as the router's request lines, so both read alike (and
    // the JSON log carries the same fields); logged before the answer goes
    // out, so the log never lags it.
    tracing::info_span!(
        "request",
        request_id = %request.id,
        method = %request.method,
        path = %request.path,
    )
    .in_scope(|| {
        tracing::warn!(
            status = StatusCode::SERVICE_UNAVAILABLE.as_u16(),
            max = max_connections,
            "refused: too many connections"
        );
    });
    let problem = ApiError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "too_many_connections",
        "the service is serving as many connections as it allows; try again shortly",
    )
    .to_problem();
    let body = serde_json::to_vec(&problem).unwrap_or_default();
    let head = format!(
        "HTTP/1.1 503 Service Unavailable\r\ncontent-type: {}\r\ncontent-length: {}\r\n\
         retry-after: 1\r\n{}: {}\r\nconnection: close\r\n\r\n",
        crate::api::PROBLEM_CONTENT_TYPE,
        body.len(),
        super::REQUEST_ID_HEADER,
        request.id,
    );
    if stream.write_all(head.as_bytes()).await.is_ok() && stream.write_all(&body).await.is_ok() {
        let _ = stream.shutdown().await;
        let _ = tokio::time::timeout(Duration::from_secs(1), async {
            while matches!(stream.read(&mut buffer).await, Ok(n) if n > 0) {}
        })
        .await;
    }
}

/// Reads into `buffer`, for at most a moment, until a request's headers have
/// all arrived (or the buffer is full, or the client stops); how much was read.
async fn read_head(stream: &mut TcpStream, buffer: &mut [u8]) -> usize {
    let mut filled = 0;
    let _ = tokio::time::timeout(Duration::from_millis(200), async {
        while filled < buffer.len() {
            match stream.read(&mut buffer[filled..]).await {
                Ok(0) | Err(_) => break,
                Ok(read) => filled += read,
            }
            if buffer[..filled].windows(4).any(|end| end == b"\r\n\r\n") {
                break;
            }
        }
    })
    .await;
    filled
}

/// What a refused connection asked for, as far as it was read: what its log
/// line names. `-` for what did not arrive.
#[derive(Debug, PartialEq, Eq)]
struct RefusedRequest {
    /// The caller's `x-request-id` when it sent one that can be echoed, else a new id.
    id: String,
    method: String,
    /// The path only: a query may carry a platform's webhook token.
    path: String,
}

impl RefusedRequest {
    fn read(head: &[u8]) -> Self {
        let text = String::from_utf8_lossy(head);
        let mut lines = text.split("\r\n");
        let mut words = lines.next().unwrap_or("").split(' ');
        let token = |word: Option<&str>| {
            word.filter(|word| !word.is_empty() && word.bytes().all(|b| b.is_ascii_graphic()))
                .map(str::to_string)
        };
        let method = token(words.next()).unwrap_or_else(|| "-".into());
        let path = token(
            words
                .next()
                .map(|target| target.split('?').next().unwrap_or("")),
        )
        .unwrap_or_else(|| "-".into());
        let id = lines
            .take_while(|line| !line.is_empty())
            .filter_map(|line| line.split_once(':'))
            .find(|(name, _)| name.trim().eq_ignore_ascii_case(super::REQUEST_ID_HEADER))
            .map(|(_, value)| value.trim())
            .filter(|id| super::usable_request_id(id))
            .map_or_else(|| super::auth::generate_id("req"), str::to_string);
        Self { id, method, path }
    }
}

/// Refuses every request with a 503 once shutdown has begun, and closes each
/// connection after its answer.
pub(crate) async fn refuse_when_draining(
    axum::extract::State(draining): axum::extract::State<Draining>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let mut response = if draining.is_set() {
        let mut refused = ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            crate::api::SHUTTING_DOWN,
            "the service is stopping; send the request again",
        )
        .into_response();
        refused
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        refused
    } else {
        next.run(request).await
    };
    if draining.is_set() {
        response
            .headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    response
}

/// Token buckets by caller address and by token.
#[derive(Debug)]
pub(crate) struct RateLimiter {
    limits: RateLimits,
    /// Paths neither counted nor refused (see [`Self::sparing`]).
    unlimited: &'static [&'static str],
    buckets: Mutex<HashMap<Caller, Bucket>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Caller {
    Address(IpAddr),
    /// A digest of the token: the token itself is never kept.
    Token([u8; 16]),
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

/// Past this many callers, buckets that have refilled are forgotten.
const MAX_BUCKETS: usize = 10_000;

impl RateLimiter {
    pub(crate) fn new(limits: RateLimits) -> Self {
        Self {
            limits,
            unlimited: &[],
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Leaves requests for `paths` out of every budget. Behind a proxy all
    /// clients share its address, so a budget spent by busy clients would
    /// otherwise fail the load balancer's health checks and take every
    /// replica out of service.
    pub(crate) fn sparing(self, paths: &'static [&'static str]) -> Self {
        Self {
            unlimited: paths,
            ..self
        }
    }

    fn counts(&self, path: &str) -> bool {
        !self.unlimited.contains(&path)
    }

    /// Takes one request from the caller's buckets; `Err(wait)` when a budget
    /// is spent, with how long until one more request is allowed.
    fn take(
        &self,
        address: Option<IpAddr>,
        token: Option<&str>,
        now: Instant,
    ) -> Result<(), Duration> {
        let mut callers = Vec::with_capacity(2);
        if let Some(ip) = address
            && self.limits.per_address > 0
        {
            callers.push((Caller::Address(ip), self.limits.per_address));
        }
        if let Some(token) = token
            && self.limits.per_token > 0
        {
            let digest = Sha256::digest(token.as_bytes());
            let mut key = [0u8; 16];
            key.copy_from_slice(&digest[..16]);
            callers.push((Caller::Token(key), self.limits.per_token));
        }
        if callers.is_empty() {
            return Ok(());
        }
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        if buckets.len() > MAX_BUCKETS {
            let limits = self.limits;
            buckets.retain(|caller, bucket| {
                let per_minute = match caller {
                    Caller::Address(_) => limits.per_address,
                    Caller::Token(_) => limits.per_token,
                };
                refill(*bucket, per_minute, now).tokens < f64::from(per_minute)
            });
        }
        let mut refilled = Vec::with_capacity(callers.len());
        let mut wait = Duration::ZERO;
        for (caller, per_minute) in &callers {
            let bucket = buckets.get(caller).map_or(
                Bucket {
                    tokens: f64::from(*per_minute),
                    at: now,
                },
                |bucket| refill(*bucket, *per_minute, now),
            );
            if bucket.tokens < 1.0 {
                let per_second = f64::from(*per_minute) / 60.0;
                wait = wait.max(Duration::from_secs_f64((1.0 - bucket.tokens) / per_second));
            }
            refilled.push(bucket);
        }
        for ((caller, _), mut bucket) in callers.into_iter().zip(refilled) {
            if wait.is_zero() {
                bucket.tokens -= 1.0;
            }
            buckets.insert(caller, bucket);
        }
        if wait.is_zero() { Ok(()) } else { Err(wait) }
    }
}

fn refill(bucket: Bucket, per_minute: u32, now: Instant) -> Bucket {
    let earned =
        now.saturating_duration_since(bucket.at).as_secs_f64() * f64::from(per_minute) / 60.0;
    Bucket {
        tokens: (bucket.tokens + earned).min(f64::from(per_minute)),
        at: now,
    }
}

/// Answers 429 with `Retry-After` to a caller whose budget is spent.
pub(crate) async fn rate_limit(
    axum::extract::State(limiter): axum::extract::State<Arc<RateLimiter>>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    if !limiter.counts(request.uri().path()) {
        return next.run(request).await;
    }
    let address = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip());
    let token = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .map(str::trim);
    match limiter.take(address, token, Instant::now()) {
        Ok(()) => next.run(request).await,
        Err(wait) => {
            let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
            let mut response = ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                format!("too many requests; try again in {seconds} s"),
            )
            .into_response();
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds.max(1)));
            response
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limiter(per_address: u32, per_token: u32) -> RateLimiter {
        RateLimiter::new(RateLimits {
            per_address,
            per_token,
        })
    }

    const HOME: IpAddr = IpAddr::V4(std::net::Ipv4Addr::LOCALHOST);

    fn loopback(ip: &str, port: u16) -> SocketAddr {
        SocketAddr::new(ip.parse().unwrap(), port)
    }

    /// Whether this machine has an IPv6 loopback to listen on.
    fn has_ipv6_loopback() -> bool {
        std::net::TcpListener::bind("[::1]:0").is_ok()
    }

    #[tokio::test]
    async fn every_address_of_a_name_is_listened_on_one_port_and_answered() {
        if !has_ipv6_loopback() {
            eprintln!("skipped: this machine has no IPv6 loopback");
            return;
        }
        let addresses = [loopback("127.0.0.1", 0), loopback("::1", 0)];
        let listeners = bind_all(&addresses).await.unwrap();
        assert!(listeners.skipped.is_empty(), "{:?}", listeners.skipped);
        let bound: Vec<SocketAddr> = listeners
            .bound
            .iter()
            .map(|listener| listener.local_addr().unwrap())
            .collect();
        assert_eq!(bound.len(), 2);
        assert_eq!(bound[0].ip(), addresses[0].ip());
        assert_eq!(bound[1].ip(), addresses[1].ip());
        assert_eq!(
            bound[0].port(),
            bound[1].port(),
            "port 0 is one port for all"
        );
        // Each is accepted from, the second as well as the first.
        let mut acceptor = Acceptor::new(listeners.bound).unwrap();
        for address in bound.iter().rev().chain(&bound) {
            let client = TcpStream::connect(address).await.unwrap();
            let (_, peer) = acceptor.accept().await.unwrap();
            assert_eq!(peer, client.local_addr().unwrap());
        }
    }

    #[tokio::test]
    async fn an_address_this_machine_lacks_is_skipped_and_without_any_nothing_is_bound() {
        // 192.0.2.0/24 is for documentation: no machine has it.
        let absent = loopback("192.0.2.1", 0);
        let listeners = bind_all(&[loopback("127.0.0.1", 0), absent]).await.unwrap();
        assert_eq!(listeners.bound.len(), 1);
        assert_eq!(listeners.skipped.len(), 1);
        let port = listeners.bound[0].local_addr().unwrap().port();
        assert_eq!(
            listeners.skipped[0].0,
            SocketAddr::new(absent.ip(), port),
            "tried on the port the others got"
        );
        assert_eq!(
            listeners.skipped[0].1.kind(),
            std::io::ErrorKind::AddrNotAvailable
        );
        let error = bind_all(&[absent]).await.unwrap_err();
        assert_eq!(error.kind(), std::io::ErrorKind::AddrNotAvailable);
        let message = error.to_string();
        assert!(
            message.starts_with("none of its addresses is on this machine (192.0.2.1:0: "),
            "{message}"
        );
        let error = bind_all(&[]).await.unwrap_err();
        assert_eq!(error.to_string(), "it stands for no address");
    }

    #[tokio::test]
    async fn an_address_in_use_fails_the_whole_bind_naming_it() {
        let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = taken.local_addr().unwrap().port();
        let mut addresses = vec![loopback("127.0.0.1", port)];
        if has_ipv6_loopback() {
            // Listening on ::1 alone would leave clients of 127.0.0.1 to
            // whatever holds it.
            addresses.insert(0, loopback("::1", port));
        }
        let error = bind_all(&addresses).await.unwrap_err();
        assert_eq!(error.kind(), std::io::ErrorKind::AddrInUse);
        assert!(
            error
                .to_string()
                .starts_with(&format!("127.0.0.1:{port}: ")),
            "{error}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn only_a_missing_address_or_address_family_is_skipped() {
        let raw =
            |errno: rustix::io::Errno| std::io::Error::from_raw_os_error(errno.raw_os_error());
        assert!(is_not_on_this_machine(&raw(
            rustix::io::Errno::ADDRNOTAVAIL
        )));
        assert!(is_not_on_this_machine(&raw(rustix::io::Errno::AFNOSUPPORT)));
        assert!(!is_not_on_this_machine(&raw(rustix::io::Errno::ADDRINUSE)));
        assert!(!is_not_on_this_machine(&raw(rustix::io::Errno::ACCESS)));
    }

    #[test]
    fn a_caller_may_spend_a_minutes_budget_then_waits_for_it_to_refill() {
        let limiter = limiter(60, 0);
        let now = Instant::now();
        for _ in 0..60 {
            limiter.take(Some(HOME), None, now).unwrap();
        }
        let wait = limiter.take(Some(HOME), None, now).unwrap_err();
        assert_eq!(wait, Duration::from_secs(1));
        limiter
            .take(Some(HOME), None, now + Duration::from_secs(1))
            .unwrap();
    }

    #[test]
    fn tokens_and_addresses_have_budgets_of_their_own() {
        let limiter = limiter(0, 2);
        let now = Instant::now();
        limiter.take(Some(HOME), Some("a"), now).unwrap();
        limiter.take(Some(HOME), Some("a"), now).unwrap();
        assert!(limiter.take(Some(HOME), Some("a"), now).is_err());
        limiter.take(Some(HOME), Some("b"), now).unwrap();
        // Address limits are off: an anonymous caller is never counted.
        for _ in 0..10 {
            limiter.take(Some(HOME), None, now).unwrap();
        }
    }

    #[test]
    fn spared_paths_are_never_counted() {
        let limiter = limiter(1, 1).sparing(&["/v1/health"]);
        assert!(!limiter.counts("/v1/health"));
        assert!(limiter.counts("/v1/health/"));
        assert!(limiter.counts("/v1/tickets"));
    }

    #[test]
    fn a_refused_connection_names_its_request_without_the_query() {
        let request = RefusedRequest::read(
            b"GET /v1/inbound/slack?token=secret HTTP/1.1\r\nHost: desk\r\n\
              X-Request-ID: trace-7\r\n\r\n",
        );
        assert_eq!(
            request,
            RefusedRequest {
                id: "trace-7".into(),
                method: "GET".into(),
                path: "/v1/inbound/slack".into(),
            }
        );
    }

    #[test]
    fn a_refused_connection_that_sent_nothing_usable_gets_a_new_id() {
        let silent = RefusedRequest::read(b"");
        assert!(silent.id.starts_with("req_"), "{}", silent.id);
        assert_eq!((silent.method.as_str(), silent.path.as_str()), ("-", "-"));
        let half = RefusedRequest::read(b"GET /v1/heal");
        assert_eq!(
            (half.method.as_str(), half.path.as_str()),
            ("GET", "/v1/heal")
        );
        assert!(half.id.starts_with("req_"));
        // An id that cannot be sent back as it came is replaced, not echoed.
        let long = format!(
            "GET / HTTP/1.1\r\nx-request-id: {}\r\n\r\n",
            "a".repeat(super::super::MAX_REQUEST_ID_LEN + 1)
        );
        assert!(RefusedRequest::read(long.as_bytes()).id.starts_with("req_"));
        let spaced = RefusedRequest::read(b"GET / HTTP/1.1\r\nx-request-id: a b\r\n\r\n");
        assert!(spaced.id.starts_with("req_"));
        let braced = RefusedRequest::read(b"GET / HTTP/1.1\r\nx-request-id: a}b\r\n\r\n");
        assert!(braced.id.starts_with("req_"));
        // A header after the blank line is the body's, not the request's.
        let body = RefusedRequest::read(b"GET / HTTP/1.1\r\n\r\nx-request-id: mine\r\n");
        assert!(body.id.starts_with("req_"));
    }

    #[test]
    fn a_refused_request_spends_nothing() {
        let limiter = limiter(1, 100);
        let now = Instant::now();
        limiter.take(Some(HOME), Some("a"), now).unwrap();
        assert!(limiter.take(Some(HOME), Some("a"), now).is_err());
        let buckets = limiter.buckets.lock().unwrap();
        let token = buckets
            .iter()
            .find(|(caller, _)| matches!(caller, Caller::Token(_)))
            .unwrap()
            .1;
        assert!((token.tokens - 99.0).abs() < f64::EPSILON);
    }
}
