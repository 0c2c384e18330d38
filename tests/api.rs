//! The Desk service through its router, in-process and without a socket.
//!
//! Requests sent straight to `server::router` carry no in-process marker, so they are
//! treated exactly like HTTP requests and need a bearer token. Tokens are made through
//! a `LocalDesk` on the same desk file, which acts as the desk's owner.

use super::BACKEND;
use crate::common::postgres;
use deskctl::server::store::{Location, Open};

use axum::Router;
use axum::body::Body;
use deskctl::server::{AppState, LocalDesk, MAX_BODY_BYTES, Store, router};
use http::header::{AUTHORIZATION, CONTENT_TYPE};
use http::{HeaderMap, Method, Request, Response, StatusCode};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tempfile::TempDir;
use tower::ServiceExt;

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

const PROBLEM_JSON: &str = "application/problem+json";
const REQUEST_ID: &str = "x-request-id";
/// A well-formed token that was never issued.
const UNKNOWN_TOKEN: &str = "desk_0000000000000000000000000000000000000000000000000000000000000000";

/// A collected answer.
#[derive(Debug)]
struct Reply {
    status: StatusCode,
    headers: HeaderMap,
    json: Value,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// Asserts a success status and returns the body.
    #[track_caller]
    fn ok(self, status: StatusCode) -> Value {
        assert_eq!(self.status, status, "unexpected answer: {:#}", self.json);
        self.json
    }

    /// Asserts an RFC 9457 problem with `status` and `code`, and returns its body.
    #[track_caller]
    fn problem(self, status: StatusCode, code: &str) -> Value {
        assert_eq!(self.status, status, "unexpected answer: {:#}", self.json);
        assert_eq!(
            self.header("content-type"),
            Some(PROBLEM_JSON),
            "error bodies are problem+json: {:#}",
            self.json
        );
        assert_eq!(self.json["code"], code, "{:#}", self.json);
        assert_eq!(self.json["status"], status.as_u16(), "{:#}", self.json);
        assert_eq!(
            self.json["type"],
            format!("urn:deskctl:problem:{code}"),
            "{:#}",
            self.json
        );
        assert!(
            self.json["title"].as_str().is_some_and(|t| !t.is_empty()),
            "a problem has a title: {:#}",
            self.json
        );
        assert!(
            self.json["detail"].as_str().is_some_and(|d| !d.is_empty()),
            "a problem has a detail: {:#}",
            self.json
        );
        assert!(
            self.header(REQUEST_ID).is_some_and(|id| !id.is_empty()),
            "errors carry a request id"
        );
        self.json
    }
}

/// The `field` of every entry of a problem's `errors[]`.
fn error_fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| e["field"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// The message of the first `errors[]` entry about `field`.
fn error_message<'a>(problem: &'a Value, field: &str) -> &'a str {
    problem["errors"]
        .as_array()
        .and_then(|errors| errors.iter().find(|e| e["field"] == field))
        .and_then(|e| e["message"].as_str())
        .unwrap_or_else(|| panic!("no error about '{field}' in {problem:#}"))
}

async fn collect(response: Response<Body>) -> Reply {
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.expect("read the body").to_bytes();
    let json = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes).unwrap_or_else(|e| {
            panic!(
                "the body is not JSON ({e}): {}",
                String::from_utf8_lossy(&bytes)
            )
        })
    };
    Reply {
        status: parts.status,
        headers: parts.headers,
        json,
    }
}

/// A request as an HTTP client would send it.
fn request(method: &str, uri: &str, token: Option<&str>, body: Option<&Value>) -> Request<Body> {
    let mut builder = Request::builder()
        .method(Method::from_bytes(method.as_bytes()).unwrap())
        .uri(uri);
    if let Some(token) = token {
        builder = builder.header(AUTHORIZATION, format!("Bearer {token}"));
    }
    match body {
        Some(body) => builder
            .header(CONTENT_TYPE, "application/json")
            .body(Body::from(serde_json::to_vec(body).unwrap()))
            .unwrap(),
        None => builder.body(Body::empty()).unwrap(),
    }
}

/// A request with a raw body and full control of the content type.
fn raw_request(
    method: &str,
    uri: &str,
    token: &str,
    content_type: Option<&str>,
    body: impl Into<Body>,
) -> Request<Body> {
    let mut builder = Request::builder()
        .method(Method::from_bytes(method.as_bytes()).unwrap())
        .uri(uri)
        .header(AUTHORIZATION, format!("Bearer {token}"));
    if let Some(content_type) = content_type {
        builder = builder.header(CONTENT_TYPE, content_type);
    }
    builder.body(body.into()).unwrap()
}

/// One desk (on the suite's backend), served both by a router (HTTP semantics,
/// tokens) and by a `LocalDesk` (the owner, no token) on a second connection pool.
struct Desk {
    _dir: TempDir,
    _database: Option<postgres::Database>,
    location: Location,
    router: Router,
    local: LocalDesk,
}

impl Desk {
    /// A fresh desk; `None` skips the test (PostgreSQL unavailable outside CI).
    async fn new() -> Option<Desk> {
        let dir = tempfile::tempdir().expect("temporary directory");
        let (location, database) = BACKEND.location(dir.path())?;
        let store = Store::open(&location, Open::CreateIfMissing, crate::common::keys())
            .await
            .expect("open the store");
        let router = router(AppState { store });
        let local = LocalDesk::open(&location, Open::CreateIfMissing, crate::common::keys())
            .await
            .expect("open the local desk");
        Some(Desk {
            _dir: dir,
            _database: database,
            location,
            router,
            local,
        })
    }

    /// Sends a request through the router, as over HTTP.
    async fn send(&self, request: Request<Body>) -> Reply {
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("the router never fails");
        collect(response).await
    }

    /// A JSON request through the router with `token` (or none).
    async fn call(
        &self,
        token: Option<&str>,
        method: &str,
        uri: &str,
        body: Option<Value>,
    ) -> Reply {
        self.send(request(method, uri, token, body.as_ref())).await
    }

    /// A JSON request as the desk's owner, through the in-process transport.
    async fn owner(&self, method: &str, uri: &str, body: Option<Value>) -> Reply {
        collect(
            self.local
                .call(request(method, uri, None, body.as_ref()))
                .await,
        )
        .await
    }

    async fn add_operator(&self, handle: &str, role: &str) -> Value {
        self.owner(
            "POST",
            "/v1/operators",
            Some(json!({
                "handle": handle,
                "name": format!("Operator {handle}"),
                "email": format!("{handle}@example.com"),
                "role": role,
            })),
        )
        .await
        .ok(StatusCode::CREATED)
    }

    async fn add_team(&self, key: &str) -> Value {
        self.owner(
            "POST",
            "/v1/teams",
            Some(json!({ "key": key, "name": format!("Team {key}") })),
        )
        .await
        .ok(StatusCode::CREATED)
    }

    /// A new operator token for `handle`: (token id, secret).
    async fn token_for(&self, handle: &str) -> (String, String) {
        let created = self
            .owner(
                "POST",
                "/v1/tokens",
                Some(json!({ "kind": "operator", "operator": handle })),
            )
            .await
            .ok(StatusCode::CREATED);
        (
            created["token"]["id"].as_str().unwrap().to_string(),
            created["secret"].as_str().unwrap().to_string(),
        )
    }

    /// Adds an operator with `role` and returns a token secret acting as them.
    async fn login(&self, handle: &str, role: &str) -> String {
        self.add_operator(handle, role).await;
        self.token_for(handle).await.1
    }

    async fn ingest_token(&self) -> String {
        let created = self
            .owner(
                "POST",
                "/v1/tokens",
                Some(json!({ "kind": "ingest", "name": "agent-platform" })),
            )
            .await
            .ok(StatusCode::CREATED);
        created["secret"].as_str().unwrap().to_string()
    }

    /// Opens a ticket by a handoff (an agent `shop` with its action, and a
    /// team, set up first) and returns its number: a per-ticket write reads
    /// its body only once the ticket is found and the caller may reach it.
    async fn open_ticket(&self, token: &str) -> u64 {
        let transcript = json!([{"role": "customer", "text": "Where is my parcel?"}]);
        let made = self.hand_over(token, transcript).await;
        made["ticket"].as_u64().unwrap()
    }

    /// Sets up a team and an agent `shop` whose action takes `web`, then
    /// hands Dana's conversation over with `transcript`; returns the `201`'s body.
    async fn hand_over(&self, token: &str, transcript: Value) -> Value {
        self.add_team("support").await;
        let setup = [
            ("POST", "/v1/agents", json!({"key": "shop", "name": "Shop"})),
            (
                "PUT",
                "/v1/agents/shop/handover",
                json!({"channels": ["web"], "enabled": true}),
            ),
        ];
        for (method, path, body) in setup {
            let reply = self.call(Some(token), method, path, Some(body)).await;
            assert!(reply.status.is_success(), "{path}: {:#}", reply.json);
        }
        let handoff = json!({"agent": "shop", "environment": "production", "channel": "web",
            "requester": {"email": "dana@example.com"}, "transcript": transcript});
        self.call(Some(token), "POST", "/v1/handoffs", Some(handoff))
            .await
            .ok(StatusCode::CREATED)
    }

    /// Everything the desk holds, to compare before and after a failing write.
    /// A token's `last_used_at` records use, not state, so it is left out.
    async fn snapshot(&self) -> Value {
        let operators = self
            .owner("GET", "/v1/operators?limit=500", None)
            .await
            .ok(StatusCode::OK);
        let teams = self
            .owner("GET", "/v1/teams?limit=500", None)
            .await
            .ok(StatusCode::OK);
        let mut tokens = self
            .owner("GET", "/v1/tokens?limit=500", None)
            .await
            .ok(StatusCode::OK);
        for token in tokens["items"].as_array_mut().unwrap() {
            token.as_object_mut().unwrap().remove("last_used_at");
        }
        json!({ "operators": operators, "teams": teams, "tokens": tokens })
    }

    async fn operator(&self, handle: &str) -> Value {
        self.owner("GET", &format!("/v1/operators/{handle}"), None)
            .await
            .ok(StatusCode::OK)
    }

    async fn team(&self, key: &str) -> Value {
        self.owner("GET", &format!("/v1/teams/{key}"), None)
            .await
            .ok(StatusCode::OK)
    }
}

/// Every endpoint except health and version, each with a body it would accept.
fn protected_endpoints() -> Vec<(&'static str, &'static str, Option<Value>)> {
    vec![
        ("GET", "/v1/operators", None),
        (
            "POST",
            "/v1/operators",
            Some(json!({"handle": "zed", "name": "Zed", "email": "zed@example.com"})),
        ),
        ("GET", "/v1/operators/alice", None),
        ("PATCH", "/v1/operators/alice", Some(json!({"name": "Al"}))),
        ("DELETE", "/v1/operators/alice", None),
        (
            "PUT",
            "/v1/operators/alice/availability",
            Some(json!({"availability": "online"})),
        ),
        ("GET", "/v1/teams", None),
        (
            "POST",
            "/v1/teams",
            Some(json!({"key": "billing", "name": "Billing"})),
        ),
        ("GET", "/v1/teams/support", None),
        ("PATCH", "/v1/teams/support", Some(json!({"name": "Help"}))),
        ("DELETE", "/v1/teams/support", None),
        ("GET", "/v1/tokens", None),
        (
            "POST",
            "/v1/tokens",
            Some(json!({"kind": "operator", "operator": "alice"})),
        ),
        ("DELETE", "/v1/tokens/tok_000000000000", None),
        ("GET", "/v1/config", None),
        (
            "POST",
            "/v1/config/plan",
            Some(json!({"document": {"apiVersion": "deskctl/v1", "kind": "Desk"}})),
        ),
        (
            "PUT",
            "/v1/config",
            Some(json!({"document": {"apiVersion": "deskctl/v1", "kind": "Desk"}})),
        ),
    ]
}

fn names(page: &Value, key: &str) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item[key].as_str().unwrap().to_string())
        .collect()
}

// ---------------------------------------------------------------------------
// Authentication
// ---------------------------------------------------------------------------

#[tokio::test]
async fn health_and_version_answer_without_a_token() {
    let Some(desk) = Desk::new().await else {
        return;
    };

    let health = desk.call(None, "GET", "/v1/health", None).await;
    assert!(health.header(REQUEST_ID).is_some());
    assert_eq!(health.ok(StatusCode::OK), json!({"status": "ok"}));

    let version = desk
        .call(None, "GET", "/v1/version", None)
        .await
        .ok(StatusCode::OK);
    assert_eq!(version["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(version["api"], "v1");

    // A bad token does not get in the way of the unauthenticated endpoints.
    desk.call(Some(UNKNOWN_TOKEN), "GET", "/v1/health", None)
        .await
        .ok(StatusCode::OK);
}

#[tokio::test]
async fn every_other_endpoint_needs_a_valid_bearer_token() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    desk.add_operator("alice", "owner").await;
    desk.add_team("support").await;
    let before = desk.snapshot().await;

    for (method, uri, body) in protected_endpoints() {
        let what = format!("{method} {uri}");

        let reply = desk.call(None, method, uri, body.clone()).await;
        let problem = reply.problem(StatusCode::UNAUTHORIZED, "unauthenticated");
        assert!(
            problem["detail"].as_str().unwrap().contains("Bearer"),
            "{what}: the detail says how to authenticate: {problem:#}"
        );

        desk.call(Some(UNKNOWN_TOKEN), method, uri, body.clone())
            .await
            .problem(StatusCode::UNAUTHORIZED, "invalid_token");

        for header in [
            "Basic YWxpY2U6c2VjcmV0",
            "Bearer",
            "Bearer    ",
            "bearer-desk_abc",
            UNKNOWN_TOKEN,
        ] {
            let mut request = request(method, uri, None, body.as_ref());
            request
                .headers_mut()
                .insert(AUTHORIZATION, header.parse().unwrap());
            let reply = desk.send(request).await;
            assert_eq!(
                reply.status,
                StatusCode::UNAUTHORIZED,
                "{what} with Authorization: {header}"
            );
            reply.problem(StatusCode::UNAUTHORIZED, "invalid_authorization");
        }
    }

    assert_eq!(
        desk.snapshot().await,
        before,
        "refused requests change nothing"
    );
}

/// RFC 9110 §11.1: the authentication scheme is a case-insensitive token, so
/// `bearer` and `BEARER` are the same scheme as `Bearer`.
#[tokio::test]
async fn the_bearer_scheme_is_case_insensitive() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    desk.add_operator("alice", "owner").await;
    let (_, secret) = desk.token_for("alice").await;
    for scheme in ["bearer", "BEARER", "Bearer"] {
        let mut request = request("GET", "/v1/operators", None, None);
        request
            .headers_mut()
            .insert(AUTHORIZATION, format!("{scheme} {secret}").parse().unwrap());
        let reply = desk.send(request).await;
        assert_eq!(
            reply.status,
            StatusCode::OK,
            "scheme {scheme}: {:#}",
            reply.json
        );
    }
}

/// RFC 9110 §11.6.1: a 401 carries a `WWW-Authenticate` challenge, on every
/// route, naming the error (RFC 6750 §3.1) when a token was sent and refused.
#[tokio::test]
async fn every_401_carries_a_bearer_challenge() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let alice = desk.login("alice", "owner").await;
    desk.add_team("support").await;
    let bare = "Bearer realm=\"deskctl\"";
    let refused = "Bearer realm=\"deskctl\", error=\"invalid_token\"";
    let mut endpoints = protected_endpoints();
    endpoints.push(("GET", "/v1/requesters/me/tickets", None));
    endpoints.push(("POST", "/v1/handoffs", Some(json!({}))));
    endpoints.push(("POST", "/v1/inbound/email", Some(json!({}))));
    for (method, uri, body) in endpoints {
        let what = format!("{method} {uri}");
        let reply = desk.call(None, method, uri, body.clone()).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{what}");
        assert_eq!(reply.header("www-authenticate"), Some(bare), "{what}");

        let reply = desk
            .call(Some(UNKNOWN_TOKEN), method, uri, body.clone())
            .await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{what}");
        assert_eq!(reply.header("www-authenticate"), Some(refused), "{what}");

        let mut basic = request(method, uri, None, body.as_ref());
        basic
            .headers_mut()
            .insert(AUTHORIZATION, "Basic YWxpY2U6c2VjcmV0".parse().unwrap());
        let reply = desk.send(basic).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{what}");
        assert_eq!(reply.header("www-authenticate"), Some(bare), "{what}");
    }
    // Authenticated but not allowed: no challenge, a new token would not help.
    let bob = desk.login("bob", "operator").await;
    let reply = desk.call(Some(&bob), "GET", "/v1/tokens", None).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert_eq!(reply.header("www-authenticate"), None);
    let reply = desk.call(Some(&alice), "GET", "/v1/operators", None).await;
    assert_eq!(reply.header("www-authenticate"), None);
}

#[tokio::test]
async fn a_revoked_token_stops_working() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    desk.add_operator("alice", "owner").await;
    let (id, secret) = desk.token_for("alice").await;
    let (_, other) = desk.token_for("alice").await;

    desk.call(Some(&secret), "GET", "/v1/operators", None)
        .await
        .ok(StatusCode::OK);

    desk.owner("DELETE", &format!("/v1/tokens/{id}"), None)
        .await
        .ok(StatusCode::NO_CONTENT);

    desk.call(Some(&secret), "GET", "/v1/operators", None)
        .await
        .problem(StatusCode::UNAUTHORIZED, "invalid_token");
    // Revoking one token leaves the operator's other tokens alone.
    desk.call(Some(&other), "GET", "/v1/operators", None)
        .await
        .ok(StatusCode::OK);
    // Revoking it again: it is gone.
    desk.owner("DELETE", &format!("/v1/tokens/{id}"), None)
        .await
        .problem(StatusCode::NOT_FOUND, "token_not_found");
}

#[tokio::test]
async fn removing_an_operator_revokes_their_tokens() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    desk.add_operator("alice", "owner").await;
    let bob = desk.login("bob", "operator").await;
    desk.call(Some(&bob), "GET", "/v1/teams", None)
        .await
        .ok(StatusCode::OK);

    desk.owner("DELETE", "/v1/operators/bob", None)
        .await
        .ok(StatusCode::OK);

    desk.call(Some(&bob), "GET", "/v1/teams", None)
        .await
        .problem(StatusCode::UNAUTHORIZED, "invalid_token");
    let tokens = desk.snapshot().await["tokens"]["items"].clone();
    assert_eq!(tokens, json!([]), "bob's token went with him");
}

#[tokio::test]
async fn token_secrets_are_shown_once_and_never_listed() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    desk.add_operator("alice", "owner").await;
    let (id, secret) = desk.token_for("alice").await;
    assert!(secret.starts_with("desk_"), "{secret}");

    let list = desk
        .call(Some(&secret), "GET", "/v1/tokens", None)
        .await
        .ok(StatusCode::OK);
    let token = &list["items"][0];
    assert_eq!(token["id"], id.as_str());
    assert_eq!(token["operator"], "alice");
    assert_eq!(token["kind"], "operator");
    assert_eq!(token["hint"], &secret[secret.len() - 4..]);
    assert!(token.get("secret").is_none(), "{token:#}");
    assert!(
        !list.to_string().contains(&secret),
        "the secret is never listed"
    );
}

// ---------------------------------------------------------------------------
// Roles
// ---------------------------------------------------------------------------

#[tokio::test]
async fn an_operator_reads_but_cannot_change_the_workspace() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    desk.add_operator("alice", "owner").await;
    desk.add_team("support").await;
    let bob = desk.login("bob", "operator").await;
    let before = desk.snapshot().await;

    let operators = desk
        .call(Some(&bob), "GET", "/v1/operators", None)
        .await
        .ok(StatusCode::OK);
    assert_eq!(names(&operators, "handle"), ["alice", "bob"]);
    let teams = desk
        .call(Some(&bob), "GET", "/v1/teams", None)
        .await
        .ok(StatusCode::OK);
    assert_eq!(names(&teams, "key"), ["support"]);
    desk.call(Some(&bob), "GET", "/v1/operators/alice", None)
        .await
        .ok(StatusCode::OK);
    desk.call(Some(&bob), "GET", "/v1/teams/support", None)
        .await
        .ok(StatusCode::OK);

    let refused: Vec<(&str, &str, Option<Value>)> = vec![
        (
            "POST",
            "/v1/teams",
            Some(json!({"key": "billing", "name": "Billing"})),
        ),
        (
            "POST",
            "/v1/operators",
            Some(json!({"handle": "carol", "name": "Carol", "email": "carol@example.com"})),
        ),
        ("PATCH", "/v1/operators/bob", Some(json!({"name": "Bobby"}))),
        ("PATCH", "/v1/teams/support", Some(json!({"name": "Help"}))),
        ("DELETE", "/v1/teams/support", None),
        ("DELETE", "/v1/operators/alice", None),
        ("GET", "/v1/tokens", None),
        (
            "POST",
            "/v1/tokens",
            Some(json!({"kind": "operator", "operator": "bob"})),
        ),
        ("GET", "/v1/config", None),
        (
            "POST",
            "/v1/config/plan",
            Some(
                json!({"document": {"apiVersion": "deskctl/v1", "kind": "Desk",
                                     "teams": [{"key": "support", "name": "Help", "default": true}]}}),
            ),
        ),
        (
            "PUT",
            "/v1/config",
            Some(
                json!({"document": {"apiVersion": "deskctl/v1", "kind": "Desk",
                                     "teams": [{"key": "support", "name": "Help", "default": true}]}}),
            ),
        ),
    ];
    for (method, uri, body) in refused {
        let reply = desk.call(Some(&bob), method, uri, body).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{method} {uri}");
        reply.problem(StatusCode::FORBIDDEN, "forbidden");
    }

    assert_eq!(desk.snapshot().await, before);
}

#[tokio::test]
async fn a_manager_configures_but_cannot_grant_roles_or_touch_tokens() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    desk.add_operator("alice", "owner").await;
    let (alice_token_id, _) = desk.token_for("alice").await;
    let mia = desk.login("mia", "manager").await;

    // Allowed: operators with the operator role, and teams.
    let bob = desk
        .call(
            Some(&mia),
            "POST",
            "/v1/operators",
            Some(json!({"handle": "bob", "name": "Bob", "email": "bob@example.com"})),
        )
        .await
        .ok(StatusCode::CREATED);
    assert_eq!(bob["role"], "operator");
    desk.call(
        Some(&mia),
        "POST",
        "/v1/operators",
        Some(json!({
            "handle": "carol", "name": "Carol", "email": "carol@example.com", "role": "operator"
        })),
    )
    .await
    .ok(StatusCode::CREATED);
    desk.call(
        Some(&mia),
        "POST",
        "/v1/teams",
        Some(json!({"key": "support", "name": "Support", "members": ["bob"]})),
    )
    .await
    .ok(StatusCode::CREATED);
    desk.call(
        Some(&mia),
        "PATCH",
        "/v1/operators/bob",
        Some(json!({"name": "Bobby", "capacity": 3})),
    )
    .await
    .ok(StatusCode::OK);
    desk.call(Some(&mia), "DELETE", "/v1/operators/carol", None)
        .await
        .ok(StatusCode::OK);

    let before = desk.snapshot().await;
    let refused: Vec<(&str, String, Option<Value>)> = vec![
        (
            "POST",
            "/v1/operators".into(),
            Some(
                json!({"handle": "olga", "name": "Olga", "email": "olga@example.com", "role": "owner"}),
            ),
        ),
        (
            "POST",
            "/v1/operators".into(),
            Some(
                json!({"handle": "max", "name": "Max", "email": "max@example.com", "role": "manager"}),
            ),
        ),
        (
            "PATCH",
            "/v1/operators/bob".into(),
            Some(json!({"role": "manager"})),
        ),
        (
            "PATCH",
            "/v1/operators/mia".into(),
            Some(json!({"role": "owner"})),
        ),
        ("DELETE", "/v1/operators/alice".into(), None),
        // An owner's email receives the owners' alerts: a manager cannot redirect it.
        (
            "PATCH",
            "/v1/operators/alice".into(),
            Some(json!({"email": "mia@example.com"})),
        ),
        (
            "PATCH",
            "/v1/operators/alice".into(),
            Some(json!({"name": "Not Alice"})),
        ),
        ("GET", "/v1/tokens".into(), None),
        (
            "POST",
            "/v1/tokens".into(),
            Some(json!({"kind": "operator", "operator": "bob"})),
        ),
        (
            "POST",
            "/v1/tokens".into(),
            Some(json!({"kind": "ingest", "name": "bot"})),
        ),
        ("DELETE", format!("/v1/tokens/{alice_token_id}"), None),
    ];
    for (method, uri, body) in refused {
        let reply = desk.call(Some(&mia), method, &uri, body).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{method} {uri}");
        reply.problem(StatusCode::FORBIDDEN, "forbidden");
    }
    assert_eq!(desk.snapshot().await, before);
}

#[tokio::test]
async fn only_an_owner_changes_an_owner_whatever_the_path() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    desk.add_team("support").await;
    desk.add_team("billing").await;
    let alice = desk.login("alice", "owner").await;
    let mia = desk.login("mia", "manager").await;
    desk.add_operator("bob", "operator").await;
    for (team, members) in [
        ("support", json!(["alice", "mia", "bob"])),
        ("billing", json!(["alice"])),
    ] {
        desk.owner(
            "PATCH",
            &format!("/v1/teams/{team}"),
            Some(json!({ "members": members })),
        )
        .await
        .ok(StatusCode::OK);
    }
    let revision = desk
        .owner("GET", "/v1/config", None)
        .await
        .ok(StatusCode::OK)["revision"]
        .as_str()
        .unwrap()
        .to_string();
    // The same change as `PATCH /v1/operators/alice {"teams": [...]}`, which
    // is refused, by every other way in.
    let without_alice = json!({"document": {"apiVersion": "deskctl/v1", "kind": "Desk",
        "teams": [{"key": "support", "name": "Team support", "default": true,
                   "members": ["bob", "mia"]}]}});
    let before = desk.snapshot().await;
    // A change that would change nothing is refused as one that would.
    let alice_now = desk
        .owner("GET", "/v1/operators/alice", None)
        .await
        .ok(StatusCode::OK);
    let refused: Vec<(&str, &str, Option<Value>)> = vec![
        (
            "PATCH",
            "/v1/operators/alice",
            Some(json!({"teams": ["support"]})),
        ),
        (
            "PATCH",
            "/v1/operators/alice",
            Some(json!({"name": alice_now["name"]})),
        ),
        (
            "PUT",
            "/v1/operators/alice/availability",
            Some(json!({"availability": alice_now["availability"]})),
        ),
        (
            "PATCH",
            "/v1/teams/support",
            Some(json!({"members": ["mia", "bob"]})),
        ),
        (
            "PATCH",
            "/v1/teams/support",
            Some(json!({"name": "Help", "members": ["mia"]})),
        ),
        (
            "POST",
            "/v1/teams",
            Some(json!({"key": "vip", "name": "VIP", "members": ["alice", "bob"]})),
        ),
        ("DELETE", "/v1/teams/billing", None),
        (
            "PUT",
            "/v1/operators/alice/availability",
            Some(json!({"availability": "online"})),
        ),
        ("POST", "/v1/config/plan", Some(without_alice.clone())),
    ];
    for (method, uri, body) in refused {
        let problem = desk
            .call(Some(&mia), method, uri, body)
            .await
            .problem(StatusCode::FORBIDDEN, "forbidden");
        assert!(
            problem["detail"]
                .as_str()
                .unwrap()
                .contains("'alice' is an owner: only an owner may change an owner"),
            "{method} {uri}: {problem:#}"
        );
    }
    let mut apply = request("PUT", "/v1/config", Some(&mia), Some(&without_alice));
    apply.headers_mut().insert(
        http::header::IF_MATCH,
        format!("\"{revision}\"").parse().unwrap(),
    );
    desk.send(apply)
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    assert_eq!(desk.snapshot().await, before, "nothing changed");

    // What leaves the owner as they are is still a manager's to do.
    desk.call(
        Some(&mia),
        "PATCH",
        "/v1/teams/support",
        Some(json!({"name": "Help", "members": ["alice", "mia"]})),
    )
    .await
    .ok(StatusCode::OK);
    desk.call(
        Some(&mia),
        "POST",
        "/v1/teams",
        Some(json!({"key": "vip", "name": "VIP", "members": ["bob"]})),
    )
    .await
    .ok(StatusCode::CREATED);
    for handle in ["mia", "bob"] {
        desk.call(
            Some(&mia),
            "PUT",
            &format!("/v1/operators/{handle}/availability"),
            Some(json!({"availability": "online"})),
        )
        .await
        .ok(StatusCode::OK);
    }
    assert_eq!(
        desk.operator("alice").await,
        before["operators"]["items"][0]
    );

    // An owner does all of it, and each change to the owner's teams shows
    // on the owner as a change.
    let mut stamped = desk.operator("alice").await["updated_at"].clone();
    let mut changed = |operator: Value, teams: Value| {
        assert_eq!(operator["teams"], teams);
        assert_ne!(operator["updated_at"], stamped, "{operator:#}");
        stamped = operator["updated_at"].clone();
    };
    desk.call(
        Some(&alice),
        "PATCH",
        "/v1/teams/support",
        Some(json!({"members": ["mia"]})),
    )
    .await
    .ok(StatusCode::OK);
    changed(desk.operator("alice").await, json!(["billing"]));
    desk.call(
        Some(&alice),
        "POST",
        "/v1/teams",
        Some(json!({"key": "gold", "name": "Gold", "members": ["alice"]})),
    )
    .await
    .ok(StatusCode::CREATED);
    changed(desk.operator("alice").await, json!(["billing", "gold"]));
    desk.call(Some(&alice), "DELETE", "/v1/teams/billing", None)
        .await
        .ok(StatusCode::OK);
    changed(desk.operator("alice").await, json!(["gold"]));
    let online = desk
        .call(
            Some(&alice),
            "PUT",
            "/v1/operators/alice/availability",
            Some(json!({"availability": "online"})),
        )
        .await
        .ok(StatusCode::OK);
    assert_eq!(online["availability"], "online");
}

#[tokio::test]
async fn integrations_are_owners_only_as_the_email_settings_are() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let alice = desk.login("alice", "owner").await;
    let mia = desk.login("mia", "manager").await;
    let bob = desk.login("bob", "operator").await;
    desk.call(
        Some(&alice),
        "PUT",
        "/v1/integrations/zendesk",
        Some(
            json!({"settings": {"subdomain": "acme", "email": "desk@acme.example"},
                    "secrets": {"api-token": "zd-token-Qx81"}}),
        ),
    )
    .await
    .ok(StatusCode::CREATED);
    let email = desk
        .call(Some(&mia), "GET", "/v1/settings/email", None)
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    for uri in [
        "/v1/integrations",
        "/v1/integrations/zendesk",
        "/v1/integrations/zendesk/deliveries",
    ] {
        let problem = desk
            .call(Some(&mia), "GET", uri, None)
            .await
            .problem(StatusCode::FORBIDDEN, "forbidden");
        assert_eq!(problem["detail"], email["detail"], "{uri}");
        assert!(!problem.to_string().contains("acme"), "{uri}: {problem}");
        desk.call(Some(&bob), "GET", uri, None)
            .await
            .problem(StatusCode::FORBIDDEN, "forbidden");
        desk.call(Some(&alice), "GET", uri, None)
            .await
            .ok(StatusCode::OK);
    }
    let zendesk = desk
        .call(Some(&alice), "GET", "/v1/integrations/zendesk", None)
        .await
        .ok(StatusCode::OK);
    assert_eq!(zendesk["settings"]["subdomain"], "acme");
}

#[tokio::test]
async fn a_cursor_no_page_gave_out_is_refused_not_read_as_the_start() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let alice = desk.login("alice", "owner").await;
    for uri in [
        "/v1/handoffs?cursor=abc",
        "/v1/handoffs?cursor=2026-01-01T00:00:00Z%7Cnope",
        "/v1/operators?cursor=%21%21%21",
        "/v1/operators?cursor=Alice",
        "/v1/teams?cursor=..",
        "/v1/agents?cursor=%20",
        "/v1/ticket-fields?cursor=UPPER",
        "/v1/tokens?cursor=abc",
    ] {
        let problem = desk
            .call(Some(&alice), "GET", uri, None)
            .await
            .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        assert_eq!(problem["errors"][0]["field"], "cursor", "{uri}");
    }
    // A cursor the service gave out still pages.
    desk.call(Some(&alice), "GET", "/v1/operators?cursor=alice", None)
        .await
        .ok(StatusCode::OK);
}

/// Tokens are listed as they were made, oldest first, not by their random
/// ids, and a page's cursor goes on after its last token.
#[tokio::test]
async fn tokens_are_listed_in_the_order_they_were_made_page_by_page() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    desk.add_operator("alice", "owner").await;
    let mut made = Vec::new();
    for _ in 0..6 {
        made.push(desk.token_for("alice").await.0);
    }
    let listed = desk
        .owner("GET", "/v1/tokens", None)
        .await
        .ok(StatusCode::OK);
    let ids = |page: &Value| -> Vec<String> {
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&listed), made, "{listed:#}");
    let mut paged = Vec::new();
    let mut uri = "/v1/tokens?limit=4".to_string();
    loop {
        let page = desk.owner("GET", &uri, None).await.ok(StatusCode::OK);
        paged.extend(ids(&page));
        match page["next_cursor"].as_str() {
            Some(cursor) => {
                let cursor = cursor.replace('|', "%7C").replace(':', "%3A");
                uri = format!("/v1/tokens?limit=4&cursor={cursor}");
            }
            None => break,
        }
    }
    assert_eq!(paged, made);
    // A bare id, as cursors were before, is no cursor this service gives out.
    let old = format!("/v1/tokens?cursor={}", made[2]);
    desk.owner("GET", &old, None)
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
}

#[tokio::test]
async fn the_routers_own_errors_are_problems_too() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let alice = desk.login("alice", "owner").await;
    let problem = desk
        .call(Some(&alice), "GET", "/v1/tickets/abc", None)
        .await
        .problem(StatusCode::BAD_REQUEST, "invalid_path");
    assert!(
        problem["detail"].as_str().unwrap().contains("abc"),
        "{problem}"
    );
    // A webhook over the body limit, refused before any handler reads it.
    let huge = json!({"padding": "x".repeat(MAX_BODY_BYTES + 1)});
    desk.call(None, "POST", "/v1/integrations/zendesk/webhook", Some(huge))
        .await
        .problem(StatusCode::PAYLOAD_TOO_LARGE, "body_too_large");
}

#[tokio::test]
async fn outbound_destinations_refuse_metadata_addresses_and_clear_text() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let alice = desk.login("alice", "owner").await;
    let secret = "a-signing-secret-of-length";
    for (url, why) in [
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("https://169.254.169.254/latest/meta-data/", "link-local"),
        ("https://[fe80::1]/hook", "link-local"),
        (
            "http://metadata.google.internal/computeMetadata/v1/",
            "metadata",
        ),
        // The root's trailing dot names the same host.
        (
            "https://metadata.google.internal./computeMetadata/v1/",
            "metadata",
        ),
        ("https://Metadata.Google.Internal./", "metadata"),
        ("http://ai.example.com/desk/events", "https://"),
        ("https://0.0.0.0/hook", "unspecified"),
        ("http://0.0.0.0", "unspecified"),
        // Never shown: not the password, nor a query value.
        (
            "https://hookuser:HUNTER2@hooks.example.com/desk?api_key=QS3CRET",
            "'https://hookuser:***@hooks.example.com/desk?api_key=***' carries a user name \
             or password",
        ),
        // A user name alone may be a token.
        (
            "https://HUNTER2@hooks.example.com/",
            "'https://***@hooks.example.com/' carries a user name or password",
        ),
    ] {
        let problem = desk
            .call(
                Some(&alice),
                "PUT",
                "/v1/settings/delivery",
                Some(json!({"url": url, "secret": secret})),
            )
            .await
            .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        assert_eq!(problem["errors"][0]["field"], "url", "{url}");
        let message = problem["errors"][0]["message"].as_str().unwrap();
        assert!(message.contains(why), "{url}: {problem:#}");
        let text = problem.to_string();
        assert!(
            !text.contains("HUNTER2") && !text.contains("QS3CRET"),
            "{problem:#}"
        );
    }
    for url in [
        "https://ai.example.com/desk/events",
        "http://127.0.0.1:9/hook",
    ] {
        desk.call(
            Some(&alice),
            "PUT",
            "/v1/settings/delivery",
            Some(json!({"url": url, "secret": secret})),
        )
        .await
        .ok(StatusCode::OK);
    }
    // The SMTP password never goes in clear to another host.
    let email = |host: &str, tls: &str| {
        json!({"host": host, "port": 25, "tls": tls, "username": "desk",
               "password": "smtp-password", "from": "Desk <desk@acme.example>"})
    };
    let problem = desk
        .call(
            Some(&alice),
            "PUT",
            "/v1/settings/email",
            Some(email("smtp.acme.example", "none")),
        )
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(problem["errors"][0]["field"], "tls");
    assert!(!problem.to_string().contains("smtp-password"));
    for (host, tls) in [("smtp.acme.example", "starttls"), ("127.0.0.1", "none")] {
        desk.call(
            Some(&alice),
            "PUT",
            "/v1/settings/email",
            Some(email(host, tls)),
        )
        .await
        .ok(StatusCode::OK);
    }
}

/// A platform's base URL and the settings its address is made of are
/// outbound URLs too: no user name or password, none shown.
#[tokio::test]
async fn an_integration_address_with_a_user_name_or_password_is_refused_masked() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let alice = desk.login("alice", "owner").await;
    let problem = desk
        .call(
            Some(&alice),
            "PUT",
            "/v1/integrations/zendesk",
            Some(json!({
                "settings": {"subdomain": "hookuser:HUNTER2@evil.example/#", "email": "a@acme.example"},
                "secrets": {"api-token": "zendesk-token"},
                "base-url": "https://hookuser:HUNTER2@zendesk.example/",
            })),
        )
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(
        error_fields(&problem),
        ["settings.subdomain", "base-url"],
        "{problem:#}"
    );
    assert!(!problem.to_string().contains("HUNTER2"), "{problem:#}");
}

/// What GET /v1/config answers, PUT /v1/config takes back unchanged, stored
/// secrets included: they are fingerprints there, which the service matches
/// against what it holds; the references a file names them by come beside.
#[tokio::test]
async fn the_config_document_applies_back_unchanged_with_its_secrets() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let alice = desk.login("alice", "owner").await;
    desk.call(
        Some(&alice),
        "PUT",
        "/v1/settings/delivery",
        Some(json!({"url": "https://ai.example.com/desk/events", "secret": "a-signing-secret-of-length"})),
    )
    .await
    .ok(StatusCode::OK);
    let exported = desk
        .call(Some(&alice), "GET", "/v1/config", None)
        .await
        .ok(StatusCode::OK);
    let secret = exported["document"]["delivery"]["secret"].as_str().unwrap();
    assert!(secret.starts_with("${hmac:"), "{exported:#}");
    assert_eq!(
        exported["secret_references"],
        json!({"delivery.secret": "${env:DESKCTL_DELIVERY_SECRET}"})
    );
    let revision = exported["revision"].as_str().unwrap();
    let body = json!({"document": exported["document"]});
    let plan = desk
        .call(Some(&alice), "POST", "/v1/config/plan", Some(body.clone()))
        .await
        .ok(StatusCode::OK);
    let unchanged = json!({"add": 0, "change": 0, "remove": 0, "unmanaged": 0});
    assert_eq!(plan["summary"], unchanged, "{plan:#}");
    let mut put = request("PUT", "/v1/config", Some(&alice), Some(&body));
    put.headers_mut().insert(
        http::header::IF_MATCH,
        format!("\"{revision}\"").parse().unwrap(),
    );
    let applied = desk.send(put).await.ok(StatusCode::OK);
    assert_eq!(applied["revision"], revision, "{applied:#}");
    assert_eq!(applied["plan"]["summary"], unchanged, "{applied:#}");
}

#[tokio::test]
async fn the_role_is_checked_before_the_body() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let bob = desk.login("bob", "operator").await;
    let mia = desk.login("mia", "manager").await;
    let garbage = || Some(json!({"not-a-field": [1, 2, 3]}));
    for (token, method, uri) in [
        (&bob, "POST", "/v1/teams"),
        (&bob, "PATCH", "/v1/teams/support"),
        (&bob, "POST", "/v1/operators"),
        (&bob, "PATCH", "/v1/operators/mia"),
        (&bob, "POST", "/v1/agents"),
        (&bob, "POST", "/v1/ticket-fields"),
        (&bob, "POST", "/v1/rules/priority"),
        (&bob, "PUT", "/v1/settings/assignment"),
        (&bob, "POST", "/v1/config/plan"),
        (&mia, "PUT", "/v1/settings/email"),
        (&mia, "PUT", "/v1/settings/delivery"),
        (&mia, "POST", "/v1/tokens"),
    ] {
        let reply = desk.call(Some(token), method, uri, garbage()).await;
        assert_eq!(
            reply.status,
            StatusCode::FORBIDDEN,
            "{method} {uri}: {}",
            reply.json
        );
        reply.problem(StatusCode::FORBIDDEN, "forbidden");
    }
}

#[tokio::test]
async fn an_owner_may_do_everything() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let alice = desk.login("alice", "owner").await;
    let call = |method: &'static str, uri: String, body: Option<Value>| {
        let alice = alice.clone();
        let desk = &desk;
        async move { desk.call(Some(&alice), method, &uri, body).await }
    };

    for (handle, role) in [("olga", "owner"), ("max", "manager"), ("bob", "operator")] {
        let created = call(
            "POST",
            "/v1/operators".into(),
            Some(json!({"handle": handle, "name": handle, "email": format!("{handle}@example.com"), "role": role})),
        )
        .await
        .ok(StatusCode::CREATED);
        assert_eq!(created["role"], role);
    }
    let bob = call(
        "PATCH",
        "/v1/operators/bob".into(),
        Some(json!({"role": "manager"})),
    )
    .await
    .ok(StatusCode::OK);
    assert_eq!(bob["role"], "manager");

    call(
        "POST",
        "/v1/teams".into(),
        Some(json!({"key": "support", "name": "Support"})),
    )
    .await
    .ok(StatusCode::CREATED);
    call(
        "PATCH",
        "/v1/teams/support".into(),
        Some(json!({"members": ["bob", "max"]})),
    )
    .await
    .ok(StatusCode::OK);

    let created = call(
        "POST",
        "/v1/tokens".into(),
        Some(json!({"kind": "operator", "operator": "bob"})),
    )
    .await
    .ok(StatusCode::CREATED);
    let ingest = call(
        "POST",
        "/v1/tokens".into(),
        Some(json!({"kind": "ingest", "name": "agents"})),
    )
    .await
    .ok(StatusCode::CREATED);
    assert_eq!(ingest["token"]["kind"], "ingest");
    let tokens = call("GET", "/v1/tokens".into(), None)
        .await
        .ok(StatusCode::OK);
    assert_eq!(tokens["items"].as_array().unwrap().len(), 3);
    let id = created["token"]["id"].as_str().unwrap();
    call("DELETE", format!("/v1/tokens/{id}"), None)
        .await
        .ok(StatusCode::NO_CONTENT);

    call("DELETE", "/v1/operators/olga".into(), None)
        .await
        .ok(StatusCode::OK);
    call("DELETE", "/v1/operators/max".into(), None)
        .await
        .ok(StatusCode::OK);
    call("DELETE", "/v1/teams/support".into(), None)
        .await
        .ok(StatusCode::OK);

    let operators = call("GET", "/v1/operators".into(), None)
        .await
        .ok(StatusCode::OK);
    assert_eq!(names(&operators, "handle"), ["alice", "bob"]);
}

#[tokio::test]
async fn an_ingest_token_is_refused_by_every_admin_endpoint() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    desk.add_operator("alice", "owner").await;
    desk.add_team("support").await;
    let ingest = desk.ingest_token().await;
    let before = desk.snapshot().await;

    for (method, uri, body) in protected_endpoints() {
        let reply = desk.call(Some(&ingest), method, uri, body).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{method} {uri}");
        reply.problem(StatusCode::FORBIDDEN, "forbidden");
    }
    desk.call(Some(&ingest), "GET", "/v1/health", None)
        .await
        .ok(StatusCode::OK);
    assert_eq!(desk.snapshot().await, before);
}

#[tokio::test]
async fn operators_set_their_own_availability_only() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    desk.add_operator("alice", "owner").await;
    let bob = desk.login("bob", "operator").await;
    desk.add_operator("carol", "operator").await;
    let mia = desk.login("mia", "manager").await;

    let updated = desk
        .call(
            Some(&bob),
            "PUT",
            "/v1/operators/bob/availability",
            Some(json!({"availability": "online"})),
        )
        .await
        .ok(StatusCode::OK);
    assert_eq!(updated["availability"], "online");
    assert_eq!(desk.operator("bob").await["availability"], "online");

    let carol_before = desk.operator("carol").await;
    desk.call(
        Some(&bob),
        "PUT",
        "/v1/operators/carol/availability",
        Some(json!({"availability": "online"})),
    )
    .await
    .problem(StatusCode::FORBIDDEN, "forbidden");
    // Refused before the body is read: what it should hold is not told.
    for body in [json!({}), json!({"availability": "sleeping"})] {
        desk.call(
            Some(&bob),
            "PUT",
            "/v1/operators/carol/availability",
            Some(body),
        )
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    }
    assert_eq!(desk.operator("carol").await, carol_before);

    // An unknown availability is a body error, not a change.
    desk.call(
        Some(&bob),
        "PUT",
        "/v1/operators/bob/availability",
        Some(json!({"availability": "sleeping"})),
    )
    .await
    .problem(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    assert_eq!(desk.operator("bob").await["availability"], "online");

    // Managers may set anyone's.
    desk.call(
        Some(&mia),
        "PUT",
        "/v1/operators/carol/availability",
        Some(json!({"availability": "busy"})),
    )
    .await
    .ok(StatusCode::OK);
    assert_eq!(desk.operator("carol").await["availability"], "busy");
}

#[tokio::test]
async fn a_token_acts_with_its_operators_current_role() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    desk.add_operator("alice", "owner").await;
    let mia = desk.login("mia", "manager").await;
    desk.call(
        Some(&mia),
        "POST",
        "/v1/teams",
        Some(json!({"key": "support", "name": "Support"})),
    )
    .await
    .ok(StatusCode::CREATED);

    desk.owner(
        "PATCH",
        "/v1/operators/mia",
        Some(json!({"role": "operator"})),
    )
    .await
    .ok(StatusCode::OK);

    desk.call(
        Some(&mia),
        "POST",
        "/v1/teams",
        Some(json!({"key": "billing", "name": "Billing"})),
    )
    .await
    .problem(StatusCode::FORBIDDEN, "forbidden");
}

// ---------------------------------------------------------------------------
// Bad input
// ---------------------------------------------------------------------------

#[tokio::test]
async fn malformed_json_is_a_400() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let alice = desk.login("alice", "owner").await;
    desk.add_team("support").await;
    let before = desk.snapshot().await;

    for (method, uri) in [
        ("POST", "/v1/operators"),
        ("PATCH", "/v1/operators/alice"),
        ("PUT", "/v1/operators/alice/availability"),
        ("POST", "/v1/teams"),
        ("PATCH", "/v1/teams/support"),
        ("POST", "/v1/tokens"),
    ] {
        for body in ["", "{", r#"{"na"#, "not json", "{'handle': 'bob'}"] {
            let reply = desk
                .send(raw_request(
                    method,
                    uri,
                    &alice,
                    Some("application/json"),
                    body,
                ))
                .await;
            assert_eq!(
                reply.status,
                StatusCode::BAD_REQUEST,
                "{method} {uri} {body}"
            );
            reply.problem(StatusCode::BAD_REQUEST, "malformed_json");
        }
    }
    // A right body followed by more text is not one JSON document.
    desk.send(raw_request(
        "PUT",
        "/v1/operators/alice/availability",
        &alice,
        Some("application/json"),
        r#"{"availability": "online"} {"availability": "busy"}"#,
    ))
    .await
    .problem(StatusCode::BAD_REQUEST, "malformed_json");
    assert_eq!(desk.snapshot().await, before);
}

#[tokio::test]
async fn unknown_fields_and_wrong_types_are_invalid_bodies_at_their_json_path() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let alice = desk.login("alice", "owner").await;
    desk.add_team("support").await;
    let ingest = desk.ingest_token().await;
    let before = desk.snapshot().await;

    let bob = |extra: Value| {
        let mut body = json!({"handle": "bob", "name": "Bob", "email": "bob@example.com"});
        body.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        body
    };
    // A handoff whose own checks pass, so that only the shape is at fault.
    let handoff = |extra: Value| {
        let mut body = json!({"agent": "shop", "environment": "production", "channel": "web",
            "requester": {"name": "Dana"}, "transcript": [{"role": "customer", "text": "hi"}]});
        body.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        body
    };
    // (method, uri, body, the field named, what its message mentions)
    let cases: Vec<(&str, &str, Value, &str, &str)> = vec![
        (
            "POST",
            "/v1/operators",
            bob(json!({"nickname": "b"})),
            "nickname",
            "unknown field `nickname`",
        ),
        (
            "POST",
            "/v1/operators",
            bob(json!({"capacity": "lots"})),
            "capacity",
            "lots",
        ),
        (
            "POST",
            "/v1/operators",
            bob(json!({"role": "admin"})),
            "role",
            "admin",
        ),
        (
            "POST",
            "/v1/operators",
            json!({"handle": "bob", "name": "Bob"}),
            "email",
            "missing field `email`",
        ),
        (
            "POST",
            "/v1/operators",
            bob(json!({"handle": 7})),
            "handle",
            "invalid type: integer `7`",
        ),
        (
            "PATCH",
            "/v1/operators/alice",
            json!({"capacity": -1}),
            "capacity",
            "-1",
        ),
        (
            "PATCH",
            "/v1/operators/alice",
            json!({"teams": "support"}),
            "teams",
            "expected an array",
        ),
        (
            "POST",
            "/v1/teams",
            json!({"key": "billing", "name": "Billing", "default": "yes"}),
            "default",
            "expected a boolean",
        ),
        (
            "PATCH",
            "/v1/teams/support",
            json!({"colour": "blue"}),
            "colour",
            "colour",
        ),
        (
            "POST",
            "/v1/tokens",
            json!({"kind": "robot", "name": "x"}),
            "kind",
            "robot",
        ),
        (
            "POST",
            "/v1/operators",
            json!(["bob"]),
            "body",
            "invalid type: array, expected an object",
        ),
        (
            "POST",
            "/v1/operators",
            json!("bob"),
            "body",
            "expected an object",
        ),
        (
            "POST",
            "/v1/handoffs",
            handoff(json!({"environment": "prod"})),
            "environment",
            "`prod`",
        ),
        (
            "POST",
            "/v1/handoffs",
            handoff(json!({"requester": {"name": ["A"]}})),
            "requester.name",
            "invalid type: array, expected a string",
        ),
        (
            "POST",
            "/v1/handoffs",
            handoff(json!({"requester": {"nme": "A"}})),
            "requester.nme",
            "unknown field `nme`",
        ),
        (
            "POST",
            "/v1/handoffs",
            handoff(json!({"transcript": [
                {"role": "customer", "text": "a"}, {"role": "ai", "text": "b"}, {"role": "bot", "text": "c"},
            ]})),
            "transcript[2].role",
            "`bot`",
        ),
        (
            "POST",
            "/v1/handoffs",
            handoff(json!({"transcript": [{"text": "a"}]})),
            "transcript[0].role",
            "missing field `role`",
        ),
        (
            "POST",
            "/v1/handoffs",
            handoff(json!({"transcript": {}})),
            "transcript",
            "invalid type: object, expected an array",
        ),
        (
            "POST",
            "/v1/handoffs",
            json!({"environment": "production"}),
            "agent",
            "missing field `agent`",
        ),
    ];
    for (method, uri, body, field, mentions) in cases {
        let token = if uri == "/v1/handoffs" {
            &ingest
        } else {
            &alice
        };
        let reply = desk
            .call(Some(token), method, uri, Some(body.clone()))
            .await;
        let problem = reply.problem(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
        assert_eq!(
            error_fields(&problem),
            [field],
            "{method} {uri} {body}: {problem:#}"
        );
        let message = error_message(&problem, field);
        assert!(
            message.contains(mentions),
            "{method} {uri} {body}: the error names '{mentions}': {problem:#}"
        );
        // The message is about the value; where it is, is the field's to say.
        assert!(!message.contains(" at line "), "{problem:#}");
        assert!(!message.starts_with(&format!("{field}:")), "{problem:#}");
        let detail = problem["detail"].as_str().unwrap();
        assert!(detail.contains(message), "{problem:#}");
    }
    assert_eq!(desk.snapshot().await, before);
}

#[tokio::test]
async fn an_enum_field_of_the_wrong_type_is_an_invalid_body_naming_it_not_malformed_json() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let alice = desk.login("alice", "owner").await;
    let ingest = desk.ingest_token().await;
    let priority_uri = format!("/v1/tickets/{}/priority", desk.open_ticket(&alice).await);
    let before = desk.snapshot().await;
    let handoff = json!({"agent": "shop", "environment": "production", "channel": "web",
        "requester": {"name": "Dana"}, "transcript": [{"role": "customer", "text": "hi"}]});
    let with = |body: &Value, pointer: &str, value: Value| {
        let mut body = body.clone();
        *body.pointer_mut(pointer).unwrap() = value;
        body
    };
    // (method, uri, a good body, the enum's JSON pointer, its field in errors)
    let cases = [
        (
            "POST",
            "/v1/handoffs",
            handoff.clone(),
            "/channel",
            "channel",
        ),
        (
            "POST",
            "/v1/handoffs/preview",
            handoff.clone(),
            "/environment",
            "environment",
        ),
        (
            "POST",
            "/v1/handoffs",
            handoff.clone(),
            "/transcript/0/role",
            "transcript[0].role",
        ),
        (
            "PUT",
            "/v1/operators/alice/availability",
            json!({"availability": "online"}),
            "/availability",
            "availability",
        ),
        (
            "POST",
            priority_uri.as_str(),
            json!({"priority": "high"}),
            "/priority",
            "priority",
        ),
        (
            "POST",
            "/v1/tokens",
            json!({"kind": "ingest", "name": "x"}),
            "/kind",
            "kind",
        ),
    ];
    for (method, uri, body, pointer, field) in cases {
        let token = if uri.starts_with("/v1/handoffs") {
            &ingest
        } else {
            &alice
        };
        for (wrong, named) in [
            (json!(null), "invalid type: null, expected a string"),
            (json!(3), "invalid type: integer `3`, expected a string"),
            (json!(["web"]), "invalid type: array, expected a string"),
        ] {
            let body = with(&body, pointer, wrong);
            let reply = desk
                .call(Some(token), method, uri, Some(body.clone()))
                .await;
            let problem = reply.problem(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
            assert_eq!(
                error_fields(&problem),
                [field],
                "{method} {uri} {body}: {problem:#}"
            );
            assert_eq!(error_message(&problem, field), named, "{problem:#}");
            let detail = problem["detail"].as_str().unwrap();
            assert!(detail.contains("(at line 1 column "), "{problem:#}");
        }
    }
    assert_eq!(desk.snapshot().await, before);
}

/// docs/handoff-format.md: "Every problem is reported at once, each naming
/// its field": unknown keys and wrong types anywhere in the body, and what the
/// handoff's own checks find in the rest, as `handoff send -f` shows them.
#[tokio::test]
async fn every_problem_of_a_handoff_body_is_reported_at_once() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let ingest = desk.ingest_token().await;
    let before = desk.snapshot().await;
    let body = json!({
        "agent": "shop", "environment": "production", "channel": "web",
        "priority": "high", "language": "de",
        "requester": {"name": "Dana", "locale": "de-DE", "email": "dana"},
        "transcript": [
            {"role": "customer", "text": "hi"},
            {"role": "bot", "text": "x"},
            {"role": "customer", "text": 5},
            {"role": "ai", "text": " "},
        ],
        "summary": "s".repeat(4001),
    });
    for uri in ["/v1/handoffs", "/v1/handoffs/preview"] {
        let reply = desk
            .call(Some(&ingest), "POST", uri, Some(body.clone()))
            .await;
        let problem = reply.problem(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
        let mut fields = error_fields(&problem);
        fields.sort_unstable();
        assert_eq!(
            fields,
            [
                "language",
                "priority",
                "requester.email",
                "requester.locale",
                "summary",
                "transcript[1].role",
                "transcript[2].text",
                // Counted as sent, though two entries before it were dropped.
                "transcript[3].text",
            ],
            "{uri}: {problem:#}"
        );
        assert!(error_message(&problem, "language").contains("unknown field `language`"));
        assert!(error_message(&problem, "transcript[1].role").contains("`bot`"));
        assert!(error_message(&problem, "summary").contains("4001 characters"));
        assert!(error_message(&problem, "requester.email").contains("not an email address"));
        assert_eq!(
            problem["detail"], "the handoff has 8 problems",
            "{problem:#}"
        );
    }

    // What reading dropped is not reported again: a requester whose one key
    // is misspelt is not also one without a name, nor a transcript whose one
    // message has a wrong role an empty one.
    let body = json!({
        "agent": "shop", "environment": "production", "channel": "web",
        "requester": {"nmae": "Dana"},
        "transcript": [{"role": "bot", "text": "x"}],
    });
    let reply = desk
        .call(Some(&ingest), "POST", "/v1/handoffs", Some(body))
        .await;
    let problem = reply.problem(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    assert_eq!(
        error_fields(&problem),
        ["requester.nmae", "transcript[0].role"],
        "{problem:#}"
    );
    let detail = problem["detail"].as_str().unwrap();
    assert!(
        detail.starts_with("the request body does not match the expected shape: 2 problems: "),
        "{problem:#}"
    );

    // A required key of the wrong type leaves nothing to check further.
    let body = json!({"agent": "shop", "environment": null, "channel": "web", "colour": "red"});
    let reply = desk
        .call(Some(&ingest), "POST", "/v1/handoffs", Some(body))
        .await;
    let problem = reply.problem(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    assert_eq!(
        error_fields(&problem),
        ["colour", "environment"],
        "{problem:#}"
    );
    assert_eq!(desk.snapshot().await, before);
}

/// An OpenAPI path with `value` for each of its parameters.
fn with_parameters(path: &str, value: &str) -> String {
    static PARAMETER: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"\{[^}]+\}").unwrap());
    PARAMETER.replace_all(path, value).into_owned()
}

/// Every operation the OpenAPI document gives a JSON request body, as
/// (method, path with each parameter `value`); the platforms' webhooks are
/// read as each platform sends them, not as API bodies.
fn operations_with_json_bodies(value: &str) -> Vec<(String, String)> {
    let document = deskctl::server::openapi();
    let mut operations = Vec::new();
    for (path, item) in document["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let json_body = &operation["requestBody"]["content"]["application/json"];
            if json_body.is_null() || path.ends_with("/webhook") {
                continue;
            }
            operations.push((method.to_uppercase(), with_parameters(path, value)));
        }
    }
    assert!(operations.len() > 20, "{operations:?}");
    operations
}

#[tokio::test]
async fn every_request_body_is_an_object_never_an_array() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let alice = desk.login("alice", "owner").await;
    let ingest = desk.ingest_token().await;
    // A ticket that exists, for the per-ticket writes: every parameter is
    // its number.
    let ticket = desk.open_ticket(&alice).await.to_string();
    let before = desk.snapshot().await;
    // serde reads a struct from an array of its fields in order: `[]` is a
    // body whose keys are all optional, and the handoff the tester sent was
    // accepted as one.
    let handoff = json!(["shop", "production", "web", {"name": "A"}, [{"role": "customer", "text": "hi"}], {}, null, null]);
    for (method, path) in operations_with_json_bodies(&ticket) {
        for body in [json!([]), handoff.clone()] {
            let reply = desk.call(Some(&alice), &method, &path, Some(body)).await;
            let problem = reply.problem(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
            let detail = problem["detail"].as_str().unwrap();
            assert!(
                detail.contains("invalid type: array, expected an object"),
                "{method} {path}: {problem:#}"
            );
            assert!(!detail.contains("struct"), "{method} {path}: {problem:#}");
        }
    }
    // Nested objects too, at any depth.
    for body in [
        json!({"agent": "shop", "environment": "production", "channel": "web", "requester": ["Arr"]}),
        json!({"agent": "shop", "environment": "production", "channel": "web", "transcript": [["customer", "hi"]]}),
    ] {
        desk.call(Some(&ingest), "POST", "/v1/handoffs", Some(body))
            .await
            .problem(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    }
    assert_eq!(desk.snapshot().await, before);
}

/// A handoff preview whose context nests `depth` arrays in one another.
fn handoff_nesting(depth: usize) -> String {
    format!(
        r#"{{"agent": "shop", "environment": "production", "channel": "web", "context": {{"deep": {}1{}}}}}"#,
        "[".repeat(depth),
        "]".repeat(depth)
    )
}

#[tokio::test]
async fn json_is_told_apart_from_what_the_service_does_not_read() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let alice = desk.login("alice", "owner").await;
    let team = |key: &str| json!({"key": key, "name": "Team"}).to_string();

    // A compressed body: 415 naming the coding, and what is accepted
    // (RFC 9110 §15.5.16), not "expected value at line 1 column 1".
    for coding in ["gzip", "br", "identity, gzip"] {
        let mut request = raw_request(
            "POST",
            "/v1/teams",
            &alice,
            Some("application/json"),
            team("zipped"),
        );
        request
            .headers_mut()
            .insert("content-encoding", coding.parse().unwrap());
        let reply = desk.send(request).await;
        assert_eq!(
            reply.header("accept-encoding"),
            Some("identity"),
            "{coding}"
        );
        let problem = reply.problem(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_content_encoding",
        );
        let detail = problem["detail"].as_str().unwrap();
        assert!(
            detail.contains("gzip") || detail.contains("br"),
            "{problem:#}"
        );
    }
    let mut plain = raw_request(
        "POST",
        "/v1/teams",
        &alice,
        Some("application/json"),
        team("plain"),
    );
    plain
        .headers_mut()
        .insert("content-encoding", "identity".parse().unwrap());
    desk.send(plain).await.ok(StatusCode::CREATED);

    // A UTF-8 byte-order mark before the JSON is read past (RFC 8259 §8.1).
    let mut marked = b"\xEF\xBB\xBF".to_vec();
    marked.extend_from_slice(team("marked").as_bytes());
    desk.send(raw_request(
        "POST",
        "/v1/teams",
        &alice,
        Some("application/json"),
        marked,
    ))
    .await
    .ok(StatusCode::CREATED);

    // 127 levels are read; 128 are refused in a short sentence that says so,
    // without the path down to where the reading stopped.
    let preview = |depth| {
        raw_request(
            "POST",
            "/v1/handoffs/preview",
            &alice,
            Some("application/json"),
            handoff_nesting(depth),
        )
    };
    let read = desk.send(preview(125)).await;
    assert_ne!(read.json["code"], "nested_too_deeply", "{:#}", read.json);
    assert_ne!(read.status, StatusCode::BAD_REQUEST, "{:#}", read.json);
    for depth in [126, 250] {
        let problem = desk
            .send(preview(depth))
            .await
            .problem(StatusCode::BAD_REQUEST, "nested_too_deeply");
        let detail = problem["detail"].as_str().unwrap();
        assert!(detail.contains("more than 127 levels"), "{problem:#}");
        assert!(
            !detail.contains("not valid JSON") && !detail.contains("deep.") && detail.len() < 160,
            "{problem:#}"
        );
    }

    // A number too large for a double is valid JSON: the value is wrong, at its field.
    let problem = desk
        .send(raw_request("POST", "/v1/handoffs/preview", &alice, Some("application/json"),
            r#"{"agent": "shop", "environment": "production", "channel": "web", "context": {"total": 1e400}}"#))
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    assert_eq!(error_fields(&problem), ["context.total"], "{problem:#}");
    assert!(
        error_message(&problem, "context.total").contains("number out of range"),
        "{problem:#}"
    );
}

#[tokio::test]
async fn a_path_parameter_that_does_not_read_is_a_400_naming_it_in_words() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let alice = desk.login("alice", "owner").await;
    let document = deskctl::server::openapi();
    let mut checked = 0;
    for (path, item) in document["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            for parameter in operation["parameters"].as_array().into_iter().flatten() {
                if parameter["in"] != "path" {
                    continue;
                }
                let name = parameter["name"].as_str().unwrap();
                // A number that is not one, a whole number too large for any
                // ticket; text that is not UTF-8.
                let cases = match parameter["schema"]["type"].as_str() {
                    Some("integer") => vec![
                        ("abc", "'abc' is not a whole number"),
                        (
                            "99999999999999999999",
                            "'99999999999999999999' is too large: no ticket has a number this large",
                        ),
                    ],
                    _ => vec![("%FF%FE", "not UTF-8")],
                };
                for (segment, mentions) in cases {
                    let uri = with_parameters(&path.replace(&format!("{{{name}}}"), segment), "1");
                    let body = (method != "get" && method != "delete").then(|| json!({}));
                    let reply = desk
                        .call(Some(&alice), &method.to_uppercase(), &uri, body)
                        .await;
                    let problem = reply.problem(StatusCode::BAD_REQUEST, "invalid_path");
                    assert_eq!(
                        error_fields(&problem),
                        [name],
                        "{method} {uri}: {problem:#}"
                    );
                    assert!(
                        error_message(&problem, name).contains(mentions),
                        "{method} {uri}: {problem:#}"
                    );
                    let detail = problem["detail"].as_str().unwrap();
                    assert!(
                        detail.contains(&format!("`{name}`")) && !detail.contains("u64"),
                        "{method} {uri}: {problem:#}"
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 30, "{checked}");
    // The outbox names a message by its id or by the id it went out with.
    let problem = desk
        .call(
            Some(&alice),
            "POST",
            "/v1/outbox/abc/retry",
            Some(json!({})),
        )
        .await
        .problem(StatusCode::BAD_REQUEST, "invalid_path");
    assert_eq!(error_fields(&problem), ["id"], "{problem:#}");
    assert!(
        error_message(&problem, "id").contains("'abc' is neither a message's id"),
        "{problem:#}"
    );
    desk.call(Some(&alice), "GET", "/v1/outbox/evt_0123456789ab", None)
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn a_body_without_a_json_content_type_is_a_415() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let alice = desk.login("alice", "owner").await;
    let before = desk.snapshot().await;
    let body = json!({"handle": "bob", "name": "Bob", "email": "bob@example.com"}).to_string();

    for content_type in [
        None,
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
    ] {
        let reply = desk
            .send(raw_request(
                "POST",
                "/v1/operators",
                &alice,
                content_type,
                body.clone(),
            ))
            .await;
        assert_eq!(
            reply.status,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "content type {content_type:?}"
        );
        reply.problem(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
    }
    assert_eq!(desk.snapshot().await, before);
}

/// JSON is UTF-8 (RFC 8259): a body declared in another charset is a 415
/// saying so, not read as UTF-8 anyway (Latin-1 text then fails as a bad
/// code point, or reads as other characters). UTF-8 declared, in any case,
/// is read.
#[tokio::test]
async fn a_body_declared_in_another_charset_is_a_415() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let alice = desk.login("alice", "owner").await;
    let before = desk.snapshot().await;
    let body = |name: &str| {
        json!({"handle": "jose", "name": name, "email": "jose@example.com"}).to_string()
    };
    for charset in ["iso-8859-1", "utf-16", "windows-1252"] {
        let content_type = format!("application/json; charset={charset}");
        let latin1: Vec<u8> = body("José").chars().map(|c| c as u8).collect();
        let reply = desk
            .send(raw_request(
                "POST",
                "/v1/operators",
                &alice,
                Some(&content_type),
                latin1,
            ))
            .await;
        let problem = reply.problem(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
        assert!(
            problem["detail"].as_str().unwrap().contains(charset),
            "{problem:#}"
        );
    }
    assert_eq!(desk.snapshot().await, before);
    for (handle, charset) in [("jose", "utf-8"), ("ana", "UTF-8"), ("eve", "\"utf8\"")] {
        let content_type = format!("application/json; charset={charset}");
        let body =
            json!({"handle": handle, "name": "José", "email": format!("{handle}@example.com")});
        let made = desk
            .send(raw_request(
                "POST",
                "/v1/operators",
                &alice,
                Some(&content_type),
                body.to_string(),
            ))
            .await
            .ok(StatusCode::CREATED);
        assert_eq!(made["name"], "José", "{charset}");
    }
}

#[tokio::test]
async fn a_body_over_the_limit_is_a_413() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let alice = desk.login("alice", "owner").await;
    let before = desk.snapshot().await;

    // A body whose length is exactly `len` bytes, valid JSON with a huge name.
    let body_of = |len: usize| {
        let head = r#"{"handle":"bob","email":"bob@example.com","name":""#;
        let tail = r#""}"#;
        let body = format!("{head}{}{tail}", "n".repeat(len - head.len() - tail.len()));
        assert_eq!(body.len(), len);
        body
    };

    for len in [MAX_BODY_BYTES + 1, 4 * MAX_BODY_BYTES] {
        let reply = desk
            .send(raw_request(
                "POST",
                "/v1/operators",
                &alice,
                Some("application/json"),
                body_of(len),
            ))
            .await;
        assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE, "{len} bytes");
        let problem = reply.problem(StatusCode::PAYLOAD_TOO_LARGE, "body_too_large");
        assert!(
            problem["detail"]
                .as_str()
                .unwrap()
                .contains(&MAX_BODY_BYTES.to_string()),
            "the detail names the limit: {problem:#}"
        );
    }

    // Exactly at the limit the body is read: the name is then too long.
    let problem = desk
        .send(raw_request(
            "POST",
            "/v1/operators",
            &alice,
            Some("application/json"),
            body_of(MAX_BODY_BYTES),
        ))
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(error_fields(&problem), ["name"]);

    assert_eq!(desk.snapshot().await, before);
}

#[tokio::test]
async fn validation_reports_every_bad_field_at_once() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let alice = desk.login("alice", "owner").await;
    desk.add_team("support").await;
    let before = desk.snapshot().await;

    // One bad field.
    let problem = desk
        .call(
            Some(&alice),
            "POST",
            "/v1/operators",
            Some(json!({"handle": "bob", "name": "Bob", "email": "bob-at-example.com"})),
        )
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(error_fields(&problem), ["email"]);
    assert!(error_message(&problem, "email").contains("bob-at-example.com"));

    // Invalid handle characters.
    for handle in ["Bob", "bob smith", "bob_s", "-bob", "", "bøb"] {
        let problem = desk
            .call(
                Some(&alice),
                "POST",
                "/v1/operators",
                Some(json!({"handle": handle, "name": "Bob", "email": "bob@example.com"})),
            )
            .await
            .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        assert_eq!(error_fields(&problem), ["handle"], "handle {handle:?}");
    }

    // Several bad fields, all reported.
    let problem = desk
        .call(
            Some(&alice),
            "POST",
            "/v1/operators",
            Some(json!({
                "handle": "Bad Handle!",
                "name": "   ",
                "email": "nobody@",
                "teams": ["Support Team"],
            })),
        )
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let mut fields = error_fields(&problem);
    fields.sort();
    assert_eq!(fields, ["email", "handle", "name", "teams"], "{problem:#}");
    assert!(error_message(&problem, "handle").contains("Bad Handle!"));
    assert!(error_message(&problem, "teams").contains("Support Team"));

    // The same on a PATCH and on teams.
    let problem = desk
        .call(
            Some(&alice),
            "PATCH",
            "/v1/operators/alice",
            Some(json!({"name": "", "email": "a@b"})),
        )
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let mut fields = error_fields(&problem);
    fields.sort();
    assert_eq!(fields, ["email", "name"]);

    let problem = desk
        .call(
            Some(&alice),
            "POST",
            "/v1/teams",
            Some(json!({"key": "Tier 2", "name": "", "members": ["Al"]})),
        )
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let mut fields = error_fields(&problem);
    fields.sort();
    assert_eq!(fields, ["key", "members", "name"]);

    // An empty PATCH changes nothing and says so.
    let problem = desk
        .call(
            Some(&alice),
            "PATCH",
            "/v1/operators/alice",
            Some(json!({})),
        )
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(error_fields(&problem), ["body"]);

    assert_eq!(desk.snapshot().await, before);
}

#[tokio::test]
async fn tokens_need_a_consistent_kind_and_operator() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let alice = desk.login("alice", "owner").await;
    let before = desk.snapshot().await;

    for (body, field) in [
        (json!({"kind": "operator"}), "operator"),
        (json!({"kind": "operator", "operator": "ghost"}), "operator"),
        (
            json!({"kind": "ingest", "operator": "alice", "name": "x"}),
            "operator",
        ),
        (json!({"kind": "ingest"}), "name"),
    ] {
        let problem = desk
            .call(Some(&alice), "POST", "/v1/tokens", Some(body.clone()))
            .await
            .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        assert!(
            error_fields(&problem).contains(&field.to_string()),
            "{body}: {problem:#}"
        );
    }
    assert_eq!(desk.snapshot().await, before);
}

#[tokio::test]
async fn a_duplicate_handle_is_a_conflict() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let alice = desk.login("alice", "owner").await;
    desk.add_operator("bob", "operator").await;
    desk.add_team("support").await;
    let before = desk.snapshot().await;

    let problem = desk
        .call(
            Some(&alice),
            "POST",
            "/v1/operators",
            Some(json!({"handle": "bob", "name": "Other Bob", "email": "other@example.com", "teams": ["support"]})),
        )
        .await
        .problem(StatusCode::CONFLICT, "operator_exists");
    assert!(problem["detail"].as_str().unwrap().contains("bob"));

    desk.call(
        Some(&alice),
        "POST",
        "/v1/teams",
        Some(json!({"key": "support", "name": "Again"})),
    )
    .await
    .problem(StatusCode::CONFLICT, "team_exists");

    assert_eq!(desk.snapshot().await, before);
}

#[tokio::test]
async fn unknown_references_are_refused_and_nothing_is_half_written() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let alice = desk.login("alice", "owner").await;
    desk.add_team("support").await;
    desk.add_team("billing").await;
    desk.owner(
        "PATCH",
        "/v1/operators/alice",
        Some(json!({"teams": ["support"]})),
    )
    .await
    .ok(StatusCode::OK);
    desk.add_operator("bob", "operator").await;
    desk.owner(
        "PATCH",
        "/v1/teams/billing",
        Some(json!({"members": ["bob"]})),
    )
    .await
    .ok(StatusCode::OK);
    let before = desk.snapshot().await;

    // A new operator in a known and an unknown team: not created at all.
    let problem = desk
        .call(
            Some(&alice),
            "POST",
            "/v1/operators",
            Some(json!({"handle": "carol", "name": "Carol", "email": "carol@example.com", "teams": ["support", "ghost"]})),
        )
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(error_fields(&problem), ["teams"]);
    assert!(error_message(&problem, "teams").contains("ghost"));
    desk.owner("GET", "/v1/operators/carol", None)
        .await
        .problem(StatusCode::NOT_FOUND, "operator_not_found");

    // Replacing teams with an unknown one keeps the old teams.
    desk.call(
        Some(&alice),
        "PATCH",
        "/v1/operators/alice",
        Some(json!({"teams": ["billing", "ghost"], "name": "Renamed"})),
    )
    .await
    .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");

    // Replacing members with an unknown operator keeps the old members.
    let problem = desk
        .call(
            Some(&alice),
            "PATCH",
            "/v1/teams/billing",
            Some(json!({"members": ["alice", "ghost"]})),
        )
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(error_fields(&problem), ["members"]);

    // A new team with an unknown member: not created.
    desk.call(
        Some(&alice),
        "POST",
        "/v1/teams",
        Some(json!({"key": "vip", "name": "VIP", "members": ["ghost"]})),
    )
    .await
    .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");

    assert_eq!(desk.snapshot().await, before);
    assert_eq!(desk.operator("alice").await["teams"], json!(["support"]));
    assert_eq!(desk.team("billing").await["members"], json!(["bob"]));
}

#[tokio::test]
async fn unknown_resources_are_404s() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let alice = desk.login("alice", "owner").await;
    let before = desk.snapshot().await;

    for (method, uri, body) in [
        ("GET", "/v1/operators/ghost", None),
        (
            "PATCH",
            "/v1/operators/ghost",
            Some(json!({"name": "Ghost"})),
        ),
        ("DELETE", "/v1/operators/ghost", None),
        (
            "PUT",
            "/v1/operators/ghost/availability",
            Some(json!({"availability": "online"})),
        ),
    ] {
        let problem = desk
            .call(Some(&alice), method, uri, body)
            .await
            .problem(StatusCode::NOT_FOUND, "operator_not_found");
        assert!(problem["detail"].as_str().unwrap().contains("ghost"));
    }
    for (method, uri, body) in [
        ("GET", "/v1/teams/ghost", None),
        ("PATCH", "/v1/teams/ghost", Some(json!({"name": "Ghost"}))),
        ("DELETE", "/v1/teams/ghost", None),
    ] {
        desk.call(Some(&alice), method, uri, body)
            .await
            .problem(StatusCode::NOT_FOUND, "team_not_found");
    }
    desk.call(Some(&alice), "DELETE", "/v1/tokens/tok_ffffffffffff", None)
        .await
        .problem(StatusCode::NOT_FOUND, "token_not_found");

    assert_eq!(desk.snapshot().await, before);
}

#[tokio::test]
async fn unknown_routes_and_methods_are_problems() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let alice = desk.login("alice", "owner").await;
    let before = desk.snapshot().await;

    for uri in [
        "/v1/nothing-here",
        "/v2/operators",
        "/",
        "/v1/operators/alice/extra",
    ] {
        desk.call(Some(&alice), "GET", uri, None)
            .await
            .problem(StatusCode::NOT_FOUND, "route_not_found");
    }
    // The route does not exist whoever asks.
    desk.call(None, "GET", "/v1/nothing-here", None)
        .await
        .problem(StatusCode::NOT_FOUND, "route_not_found");

    for (method, uri) in [
        ("DELETE", "/v1/operators"),
        ("PUT", "/v1/operators"),
        ("POST", "/v1/operators/alice"),
        ("GET", "/v1/operators/alice/availability"),
        ("PATCH", "/v1/tokens"),
        ("GET", "/v1/tokens/tok_ffffffffffff"),
        ("POST", "/v1/health"),
    ] {
        let reply = desk.call(Some(&alice), method, uri, None).await;
        assert_eq!(
            reply.status,
            StatusCode::METHOD_NOT_ALLOWED,
            "{method} {uri}"
        );
        assert!(
            reply.header("allow").is_some_and(|allow| !allow.is_empty()),
            "{method} {uri}: a 405 says which methods are allowed"
        );
        reply.problem(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
    }
    let reply = desk
        .call(Some(&alice), "DELETE", "/v1/operators", None)
        .await;
    let allow = reply.header("allow").unwrap_or_default().to_string();
    for verb in ["GET", "POST"] {
        assert!(allow.contains(verb), "Allow: {allow}");
    }
    assert!(!allow.contains("DELETE"), "Allow: {allow}");
    assert_eq!(desk.snapshot().await, before);
}

// ---------------------------------------------------------------------------
// Teams and owners: workspace invariants
// ---------------------------------------------------------------------------

/// Every 201 Created names the new resource in `Location` (without it the
/// created resource would be the request's own URI, `/v1/handoffs`), and
/// reading it there answers what the 201 did. A replay, which creates
/// nothing, is a 200 without one.
#[tokio::test]
async fn a_created_resource_is_named_by_its_location() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let token = desk.login("alice", "owner").await;
    let rule = json!({"conditions": [{"field": "channel", "op": "equals", "value": "web"}],
        "priority": "high"});
    let created = [
        (
            "/v1/operators",
            json!({"handle": "zed", "name": "Zed", "email": "zed@example.com"}),
        ),
        ("/v1/teams", json!({"key": "billing", "name": "Billing"})),
        ("/v1/agents", json!({"key": "shop", "name": "Shop"})),
        (
            "/v1/ticket-fields",
            json!({"key": "plan", "name": "Plan", "type": "text"}),
        ),
        ("/v1/rules/priority", rule),
    ];
    let mut locations = Vec::new();
    for (path, body) in created {
        let reply = desk.call(Some(&token), "POST", path, Some(body)).await;
        let location = reply.header("location").map(str::to_string);
        let made = reply.ok(StatusCode::CREATED);
        let location = location.unwrap_or_else(|| panic!("POST {path}: no Location"));
        assert!(
            location.starts_with(&format!("{path}/")),
            "{path}: {location}"
        );
        let read = desk.call(Some(&token), "GET", &location, None).await;
        assert_eq!(read.ok(StatusCode::OK), made, "{location}");
        locations.push(location);
    }
    assert_eq!(
        locations[..4],
        [
            "/v1/operators/zed",
            "/v1/teams/billing",
            "/v1/agents/shop",
            "/v1/ticket-fields/plan"
        ]
    );

    desk.call(
        Some(&token),
        "PUT",
        "/v1/agents/shop/handover",
        Some(json!({"channels": ["web"], "enabled": true})),
    )
    .await
    .ok(StatusCode::OK);
    let handoff = json!({"agent": "shop", "environment": "production", "channel": "web",
        "requester": {"email": "dana@example.com"},
        "transcript": [{"role": "customer", "text": "Where is my parcel?"}]});
    let mut sent = request("POST", "/v1/handoffs", Some(&token), Some(&handoff));
    sent.headers_mut()
        .insert("idempotency-key", "parcel-1".parse().unwrap());
    let reply = desk.send(sent).await;
    let location = reply.header("location").map(str::to_string);
    let made = reply.ok(StatusCode::CREATED);
    assert_eq!(
        location.as_deref(),
        Some(format!("/v1/handoffs/{}", made["id"].as_str().unwrap()).as_str())
    );
    let read = desk
        .call(Some(&token), "GET", location.as_deref().unwrap(), None)
        .await;
    assert_eq!(read.ok(StatusCode::OK)["id"], made["id"]);
    let mut again = request("POST", "/v1/handoffs", Some(&token), Some(&handoff));
    again
        .headers_mut()
        .insert("idempotency-key", "parcel-1".parse().unwrap());
    let replayed = desk.send(again).await;
    assert_eq!(replayed.header("location"), None);
    assert_eq!(replayed.ok(StatusCode::OK)["id"], made["id"]);

    desk.call(
        Some(&token),
        "PUT",
        "/v1/settings/assignment",
        Some(json!({"support-inbox": {"enabled": true, "address": "help@example.com"}})),
    )
    .await
    .ok(StatusCode::OK);
    let email = json!({"from": "carl@example.com", "to": "help@example.com",
        "subject": "Printer", "text": "It is on fire", "message-id": "<m1@example.com>"});
    let reply = desk
        .call(
            Some(&token),
            "POST",
            "/v1/inbound/email",
            Some(email.clone()),
        )
        .await;
    let location = reply.header("location").map(str::to_string);
    let made = reply.ok(StatusCode::CREATED);
    assert_eq!(
        location,
        Some(format!("/v1/tickets/{}", made["ticket"].as_u64().unwrap()))
    );
    desk.call(Some(&token), "GET", &location.unwrap(), None)
        .await
        .ok(StatusCode::OK);
    let duplicate = desk
        .call(Some(&token), "POST", "/v1/inbound/email", Some(email))
        .await;
    assert_eq!(duplicate.header("location"), None);
    duplicate.ok(StatusCode::OK);
}

/// A ticket opens at the one instant of what opened it, to the microsecond:
/// a handoff's, which its first timeline entries carry too, and the support
/// inbox's email's. (The clock was read twice, the ticket some milliseconds
/// younger than its own history.)
#[tokio::test]
async fn a_ticket_is_created_at_the_instant_of_what_opened_it() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let token = desk.login("alice", "owner").await;
    let transcript = json!([{"role": "customer", "text": "Where is my parcel?"},
                            {"role": "ai", "text": "Let me find someone."}]);
    let made = desk.hand_over(&token, transcript).await;
    let inbox = json!({"support-inbox": {"enabled": true, "address": "help@example.com"}});
    desk.call(Some(&token), "PUT", "/v1/settings/assignment", Some(inbox))
        .await
        .ok(StatusCode::OK);
    let email = json!({"from": "carl@example.com", "to": "help@example.com",
        "subject": "Printer", "text": "It is on fire", "message-id": "<m1@example.com>"});
    let mailed = desk
        .call(Some(&token), "POST", "/v1/inbound/email", Some(email))
        .await
        .ok(StatusCode::CREATED);
    for (number, opened_at) in [
        (&made["ticket"], Some(&made["created_at"])),
        (&mailed["ticket"], None),
    ] {
        let shown = desk
            .call(Some(&token), "GET", &format!("/v1/tickets/{number}"), None)
            .await
            .ok(StatusCode::OK);
        let created = &shown["ticket"]["created_at"];
        assert!(created.is_string(), "{shown:#}");
        if let Some(opened_at) = opened_at {
            assert_eq!(created, opened_at, "the handoff's instant");
        }
        assert_eq!(&shown["ticket"]["last_activity_at"], created);
        let timeline = shown["timeline"].as_array().unwrap();
        assert!(timeline.len() >= 3, "{shown:#}");
        for entry in timeline {
            assert_eq!(&entry["at"], created, "{number}: {entry:#}");
        }
    }
}

#[tokio::test]
async fn the_first_team_is_the_default_and_the_default_can_move() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let alice = desk.login("alice", "owner").await;
    let call = |method: &'static str, uri: &'static str, body: Option<Value>| {
        let alice = alice.clone();
        let desk = &desk;
        async move { desk.call(Some(&alice), method, uri, body).await }
    };

    let support = call(
        "POST",
        "/v1/teams",
        Some(json!({"key": "support", "name": "Support"})),
    )
    .await
    .ok(StatusCode::CREATED);
    assert_eq!(support["default"], true, "the first team is the default");
    let billing = call(
        "POST",
        "/v1/teams",
        Some(json!({"key": "billing", "name": "Billing"})),
    )
    .await
    .ok(StatusCode::CREATED);
    assert_eq!(billing["default"], false);

    // A second default is refused, and nothing is created.
    let before = desk.snapshot().await;
    let second = call(
        "POST",
        "/v1/teams",
        Some(json!({"key": "vip", "name": "VIP", "default": true})),
    )
    .await
    .problem(StatusCode::CONFLICT, "default_team_exists");
    assert_eq!(desk.snapshot().await, before);
    // In an API client's words: no CLI command or flag to run.
    let detail = second["detail"].as_str().unwrap();
    assert_eq!(
        detail,
        "team 'support' is already the default team; there can be only one: create team vip \
         as another, then make it the default"
    );

    // Moving the default.
    let billing = call("PATCH", "/v1/teams/billing", Some(json!({"default": true})))
        .await
        .ok(StatusCode::OK);
    assert_eq!(billing["default"], true);
    assert_eq!(billing["name"], "Billing", "absent fields are left alone");
    let teams = call("GET", "/v1/teams", None).await.ok(StatusCode::OK);
    let defaults: Vec<&str> = teams["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["default"] == true)
        .map(|t| t["key"].as_str().unwrap())
        .collect();
    assert_eq!(defaults, ["billing"], "exactly one default team");

    // Making the default team the default again changes nothing.
    call("PATCH", "/v1/teams/billing", Some(json!({"default": true})))
        .await
        .ok(StatusCode::OK);

    // The default cannot be switched off or removed while other teams exist.
    let before = desk.snapshot().await;
    call(
        "PATCH",
        "/v1/teams/billing",
        Some(json!({"default": false})),
    )
    .await
    .problem(StatusCode::CONFLICT, "default_team_required");
    let required = call("DELETE", "/v1/teams/billing", None)
        .await
        .problem(StatusCode::CONFLICT, "default_team_required");
    assert_eq!(
        required["detail"],
        "team 'billing' is the default team; make another team the default before removing it"
    );
    assert_eq!(desk.snapshot().await, before);

    // Once it is the last team, it can go.
    call("DELETE", "/v1/teams/support", None)
        .await
        .ok(StatusCode::OK);
    call("DELETE", "/v1/teams/billing", None)
        .await
        .ok(StatusCode::OK);
    let teams = call("GET", "/v1/teams", None).await.ok(StatusCode::OK);
    assert_eq!(teams["items"], json!([]));

    // And the next first team is the default again.
    let vip = call(
        "POST",
        "/v1/teams",
        Some(json!({"key": "vip", "name": "VIP"})),
    )
    .await
    .ok(StatusCode::CREATED);
    assert_eq!(vip["default"], true);
}

#[tokio::test]
async fn the_only_owner_cannot_be_removed_or_demoted() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let alice = desk.login("alice", "owner").await;
    desk.add_operator("bob", "operator").await;
    let before = desk.snapshot().await;

    // Neither by a token nor by the local desk's owner.
    for via_local in [false, true] {
        let delete = if via_local {
            desk.owner("DELETE", "/v1/operators/alice", None).await
        } else {
            desk.call(Some(&alice), "DELETE", "/v1/operators/alice", None)
                .await
        };
        let problem = delete.problem(StatusCode::CONFLICT, "last_owner");
        assert!(problem["detail"].as_str().unwrap().contains("alice"));

        for role in ["manager", "operator"] {
            let body = Some(json!({"role": role}));
            let demote = if via_local {
                desk.owner("PATCH", "/v1/operators/alice", body).await
            } else {
                desk.call(Some(&alice), "PATCH", "/v1/operators/alice", body)
                    .await
            };
            demote.problem(StatusCode::CONFLICT, "last_owner");
        }
    }
    assert_eq!(desk.snapshot().await, before);

    // Keeping the owner role is not a demotion.
    desk.call(
        Some(&alice),
        "PATCH",
        "/v1/operators/alice",
        Some(json!({"role": "owner", "name": "Alice"})),
    )
    .await
    .ok(StatusCode::OK);

    // With a second owner, the first may step down.
    desk.call(
        Some(&alice),
        "PATCH",
        "/v1/operators/bob",
        Some(json!({"role": "owner"})),
    )
    .await
    .ok(StatusCode::OK);
    let alice_now = desk
        .call(
            Some(&alice),
            "PATCH",
            "/v1/operators/alice",
            Some(json!({"role": "manager"})),
        )
        .await
        .ok(StatusCode::OK);
    assert_eq!(alice_now["role"], "manager");
    // ...and now bob is the only owner.
    desk.owner("DELETE", "/v1/operators/bob", None)
        .await
        .problem(StatusCode::CONFLICT, "last_owner");
}

// ---------------------------------------------------------------------------
// Pagination
// ---------------------------------------------------------------------------

#[tokio::test]
async fn pages_follow_cursors_through_every_operator_once() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let token = desk.login("erin", "owner").await;
    for handle in ["dave", "bob", "carol", "alice"] {
        desk.add_operator(handle, "operator").await;
    }

    let mut seen = Vec::new();
    let mut sizes = Vec::new();
    let mut uri = "/v1/operators?limit=2".to_string();
    loop {
        let page = desk
            .call(Some(&token), "GET", &uri, None)
            .await
            .ok(StatusCode::OK);
        let handles = names(&page, "handle");
        sizes.push(handles.len());
        seen.extend(handles);
        match page.get("next_cursor").and_then(Value::as_str) {
            Some(cursor) => {
                uri = format!("/v1/operators?limit=2&cursor={cursor}");
            }
            None => break,
        }
        assert!(sizes.len() <= 5, "pagination does not end: {seen:?}");
    }
    assert_eq!(seen, ["alice", "bob", "carol", "dave", "erin"]);
    assert_eq!(sizes, [2, 2, 1]);

    // Without a limit, one page holds everything and has no cursor.
    let page = desk
        .call(Some(&token), "GET", "/v1/operators", None)
        .await
        .ok(StatusCode::OK);
    assert_eq!(names(&page, "handle").len(), 5);
    assert!(page.get("next_cursor").is_none(), "{page:#}");

    // A page that ends exactly on the last item says there is no more.
    let page = desk
        .call(Some(&token), "GET", "/v1/operators?limit=5", None)
        .await
        .ok(StatusCode::OK);
    assert_eq!(names(&page, "handle").len(), 5);
    assert!(page.get("next_cursor").is_none(), "{page:#}");
    desk.call(Some(&token), "GET", "/v1/operators?limit=500", None)
        .await
        .ok(StatusCode::OK);
}

#[tokio::test]
async fn teams_paginate_too() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let token = desk.login("alice", "owner").await;
    for key in ["c", "a", "e", "b", "d"] {
        desk.add_team(key).await;
    }
    let first = desk
        .call(Some(&token), "GET", "/v1/teams?limit=3", None)
        .await
        .ok(StatusCode::OK);
    assert_eq!(names(&first, "key"), ["a", "b", "c"]);
    let cursor = first["next_cursor"].as_str().expect("a next cursor");
    let second = desk
        .call(
            Some(&token),
            "GET",
            &format!("/v1/teams?limit=3&cursor={cursor}"),
            None,
        )
        .await
        .ok(StatusCode::OK);
    assert_eq!(names(&second, "key"), ["d", "e"]);
    assert!(second.get("next_cursor").is_none());
}

#[tokio::test]
async fn page_limits_out_of_range_are_refused() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let token = desk.login("alice", "owner").await;

    for uri in [
        "/v1/operators?limit=0",
        "/v1/operators?limit=501",
        "/v1/teams?limit=0",
        "/v1/teams?limit=501",
        "/v1/tokens?limit=0",
        "/v1/tokens?limit=501",
    ] {
        let reply = desk.call(Some(&token), "GET", uri, None).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{uri}");
        let problem = reply.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        assert_eq!(error_fields(&problem), ["limit"], "{uri}");
        assert!(
            error_message(&problem, "limit").contains("500"),
            "{problem:#}"
        );
    }

    // Query strings that do not parse are refused too, naming the parameter
    // and the value, in words (not Rust's "invalid digit found in string").
    for (uri, parameter, said) in [
        (
            "/v1/operators?limit=lots",
            "limit",
            "'lots' is not a whole number (0 or more): use 1 to 500",
        ),
        (
            "/v1/operators?limit=-1",
            "limit",
            "'-1' is not a whole number (0 or more): use 1 to 500",
        ),
        (
            "/v1/handoffs?limit=-1",
            "limit",
            "'-1' is not a whole number (0 or more): use 1 to 500",
        ),
        (
            "/v1/tickets?limit=99999999999",
            "limit",
            "'99999999999' is too large: use 1 to 500",
        ),
        (
            "/v1/handoffs/hof_1?wait=soon",
            "wait",
            "'soon' is not a whole number (0 or more)",
        ),
        (
            "/v1/operators?page=2",
            "page",
            "unknown parameter `page`, expected `limit` or `cursor`",
        ),
    ] {
        let reply = desk.call(Some(&token), "GET", uri, None).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{uri}");
        let problem = reply.problem(StatusCode::BAD_REQUEST, "invalid_query");
        assert_eq!(error_fields(&problem), [parameter], "{uri}: {problem:#}");
        assert_eq!(
            error_message(&problem, parameter),
            said,
            "{uri}: {problem:#}"
        );
    }
}

/// A query parameter or a body key given twice is refused naming it, not
/// the whole query or body.
#[tokio::test]
async fn a_parameter_or_key_given_twice_is_refused_naming_it() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let token = desk.login("alice", "owner").await;
    desk.add_team("support").await;
    let reply = desk
        .call(Some(&token), "GET", "/v1/tickets?limit=1&limit=2", None)
        .await;
    let problem = reply.problem(StatusCode::BAD_REQUEST, "invalid_query");
    assert_eq!(error_fields(&problem), ["limit"], "{problem:#}");
    assert_eq!(error_message(&problem, "limit"), "duplicate field `limit`");
    let twice = raw_request(
        "PATCH",
        "/v1/teams/support",
        &token,
        Some("application/json"),
        r#"{"name": "Help", "name": "Care"}"#,
    );
    let problem = desk
        .send(twice)
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    assert_eq!(error_fields(&problem), ["name"], "{problem:#}");
    assert_eq!(desk.team("support").await["name"], "Team support");
}

/// Every operation refuses a query parameter it does not declare, `400
/// invalid_query` naming it, whether it declares others or none: a client
/// that believes it pages or filters (`/v1/requesters/me/tickets?limit=1`
/// answered every ticket) is told it does not. Nothing is changed.
#[tokio::test]
async fn every_operation_refuses_a_query_parameter_it_does_not_declare() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let alice = desk.login("alice", "owner").await;
    let before = desk.snapshot().await;
    let document = deskctl::server::openapi();
    let mut checked = Vec::new();
    for (path, item) in document["paths"].as_object().unwrap() {
        // A platform's webhook is sent the query that platform writes.
        if path.ends_with("/webhook") {
            continue;
        }
        for (method, operation) in item.as_object().unwrap() {
            let method = method.to_uppercase();
            let uri = format!("{}?unheard-of=1", with_parameters(path, "1"));
            let reply = desk.call(Some(&alice), &method, &uri, None).await;
            let problem = reply.problem(StatusCode::BAD_REQUEST, "invalid_query");
            assert_eq!(
                error_fields(&problem),
                ["unheard-of"],
                "{method} {uri}: {problem:#}"
            );
            let documented = &operation["responses"]["400"];
            assert!(!documented.is_null(), "{method} {path} documents no 400");
            checked.push(format!("{method} {path}"));
        }
    }
    assert!(checked.len() > 60, "{checked:?}");
    for declared_none in [
        "GET /v1/tickets/{number}",
        "GET /v1/me",
        "POST /v1/handoffs/preview",
    ] {
        assert!(
            checked.iter().any(|c| c == declared_none),
            "{declared_none}"
        );
    }
    // What echoes the parameter keeps it short.
    let long = "p".repeat(1000);
    let reply = desk
        .call(Some(&alice), "GET", &format!("/v1/me?{long}=1"), None)
        .await;
    let problem = reply.problem(StatusCode::BAD_REQUEST, "invalid_query");
    assert!(
        problem["detail"].as_str().unwrap().len() < 300,
        "{problem:#}"
    );
    // An empty query holds no parameter.
    desk.call(Some(&alice), "GET", "/v1/me?", None)
        .await
        .ok(StatusCode::OK);
    assert_eq!(desk.snapshot().await, before);
}

/// Every time a query takes is refused in one sentence and with one status,
/// `400 invalid_query` as any parameter that does not read as its type,
/// whichever route reads it (the tickets' and the `at` of checks were 422).
#[tokio::test]
async fn every_time_parameter_is_refused_in_the_same_words() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let token = desk.login("alice", "owner").await;
    let parameters = [
        ("/v1/handoffs", "since"),
        ("/v1/handoffs", "until"),
        ("/v1/tickets", "created_since"),
        ("/v1/tickets", "updated_since"),
        ("/v1/tickets/counts?by=status&", "created_since"),
        ("/v1/settings/business-hours/check", "at"),
    ];
    for text in ["yesterday", "2026-01-01"] {
        let mut said = Vec::new();
        for (list, parameter) in parameters {
            let uri = format!("{list}?{parameter}={text}").replace("&?", "&");
            let reply = desk.call(Some(&token), "GET", &uri, None).await;
            let problem = reply.problem(StatusCode::BAD_REQUEST, "invalid_query");
            assert_eq!(error_fields(&problem), [parameter], "{uri}: {problem:#}");
            let message = error_message(&problem, parameter).to_string();
            let start = format!("'{text}' is not an RFC 3339 instant like 2026-03-29T07:30:00Z: ");
            assert!(message.starts_with(&start), "{uri}: {problem:#}");
            said.push(message);
        }
        assert!(said.windows(2).all(|pair| pair[0] == pair[1]), "{said:#?}");
    }
    // An offset's `+` sent unencoded arrives as a space: the answer says to
    // encode it, and with it encoded the same time reads.
    for (list, parameter) in parameters {
        let uri = format!("{list}?{parameter}=2026-12-07T11:40:00+05:30").replace("&?", "&");
        let reply = desk.call(Some(&token), "GET", &uri, None).await;
        let problem = reply.json;
        assert!(reply.status.is_client_error(), "{uri}: {problem:#}");
        let message = error_message(&problem, parameter);
        assert!(
            message.starts_with("'2026-12-07T11:40:00 05:30' is not an RFC 3339 instant")
                && message.ends_with(
                    "(a `+` in a URL's query string reads as a space: write it as `%2B`)"
                ),
            "{uri}: {problem:#}"
        );
        let encoded = uri.replace('+', "%2B");
        desk.call(Some(&token), "GET", &encoded, None)
            .await
            .ok(StatusCode::OK);
    }
}

// ---------------------------------------------------------------------------
// Request ids
// ---------------------------------------------------------------------------

#[tokio::test]
async fn every_response_has_a_request_id_and_a_callers_id_is_echoed() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let alice = desk.login("alice", "owner").await;

    let mut ids = Vec::new();
    let requests = vec![
        request("GET", "/v1/health", None, None),
        request("GET", "/v1/operators", Some(&alice), None),
        request(
            "POST",
            "/v1/teams",
            Some(&alice),
            Some(&json!({"key": "support", "name": "Support"})),
        ),
        request("GET", "/v1/operators", None, None),
        request("GET", "/v1/operators", Some(UNKNOWN_TOKEN), None),
        request("GET", "/v1/operators/ghost", Some(&alice), None),
        request("GET", "/v1/nowhere", None, None),
        request("DELETE", "/v1/operators", Some(&alice), None),
        request(
            "POST",
            "/v1/operators",
            Some(&alice),
            Some(&json!({"handle": "Bad"})),
        ),
        raw_request(
            "POST",
            "/v1/teams",
            &alice,
            Some("application/json"),
            vec![b' '; MAX_BODY_BYTES + 1],
        ),
    ];
    for request in requests {
        let what = format!("{} {}", request.method(), request.uri());
        let reply = desk.send(request).await;
        let id = reply
            .header(REQUEST_ID)
            .unwrap_or_else(|| panic!("{what} ({}) has no request id", reply.status))
            .to_string();
        assert!(!id.is_empty(), "{what}");
        ids.push(id);
    }
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(
        unique.len(),
        ids.len(),
        "every request gets its own id: {ids:?}"
    );

    // A caller's id is kept, on success and on error.
    for (uri, token, status) in [
        ("/v1/operators", Some(alice.as_str()), StatusCode::OK),
        ("/v1/operators", None, StatusCode::UNAUTHORIZED),
        (
            "/v1/operators/ghost",
            Some(alice.as_str()),
            StatusCode::NOT_FOUND,
        ),
    ] {
        let mut request = request("GET", uri, token, None);
        request
            .headers_mut()
            .insert(REQUEST_ID, "trace-42-abc".parse().unwrap());
        let reply = desk.send(request).await;
        assert_eq!(reply.status, status, "{uri}");
        assert_eq!(reply.header(REQUEST_ID), Some("trace-42-abc"), "{uri}");
    }
    // The in-process transport goes through the same layers.
    let mut request = request("GET", "/v1/operators", None, None);
    request
        .headers_mut()
        .insert(REQUEST_ID, "local-7".parse().unwrap());
    let reply = collect(desk.local.call(request).await).await;
    assert_eq!(reply.header(REQUEST_ID), Some("local-7"));
}

// ---------------------------------------------------------------------------
// PATCH semantics
// ---------------------------------------------------------------------------

#[tokio::test]
async fn patch_leaves_absent_fields_alone_and_null_clears() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let alice = desk.login("alice", "owner").await;
    desk.add_team("support").await;
    desk.add_team("billing").await;
    let created = desk
        .call(
            Some(&alice),
            "POST",
            "/v1/operators",
            Some(json!({
                "handle": "bob",
                "name": "Bob",
                "email": "bob@example.com",
                "signature": "-- Bob",
                "availability": "away",
                "teams": ["support", "billing"],
                "capacity": 5,
            })),
        )
        .await
        .ok(StatusCode::CREATED);
    assert_eq!(
        created["teams"],
        json!(["billing", "support"]),
        "teams are sorted"
    );
    assert_eq!(created["signature"], "-- Bob");
    assert_eq!(created["capacity"], 5);

    let without = |value: &Value, fields: &[&str]| {
        let mut value = value.clone();
        for field in fields.iter().chain(&["updated_at"]) {
            value.as_object_mut().unwrap().remove(*field);
        }
        value
    };

    // Only the name changes.
    let renamed = desk
        .call(
            Some(&alice),
            "PATCH",
            "/v1/operators/bob",
            Some(json!({"name": "Robert"})),
        )
        .await
        .ok(StatusCode::OK);
    assert_eq!(renamed["name"], "Robert");
    assert_eq!(without(&renamed, &["name"]), without(&created, &["name"]));
    assert_eq!(desk.operator("bob").await, renamed, "the change is stored");

    // `null` clears the signature and nothing else.
    let unsigned = desk
        .call(
            Some(&alice),
            "PATCH",
            "/v1/operators/bob",
            Some(json!({"signature": null})),
        )
        .await
        .ok(StatusCode::OK);
    assert_eq!(unsigned["signature"], Value::Null);
    assert_eq!(unsigned["capacity"], 5);
    assert_eq!(
        without(&unsigned, &["signature"]),
        without(&renamed, &["signature"])
    );

    // `null` clears the capacity.
    let unlimited = desk
        .call(
            Some(&alice),
            "PATCH",
            "/v1/operators/bob",
            Some(json!({"capacity": null})),
        )
        .await
        .ok(StatusCode::OK);
    assert_eq!(unlimited["capacity"], Value::Null);
    assert_eq!(unlimited["signature"], Value::Null);
    assert_eq!(unlimited["teams"], json!(["billing", "support"]));

    // Teams are replaced as a whole; an empty list leaves none.
    let moved = desk
        .call(
            Some(&alice),
            "PATCH",
            "/v1/operators/bob",
            Some(json!({"teams": ["billing"], "capacity": 2, "signature": "Bob, Support"})),
        )
        .await
        .ok(StatusCode::OK);
    assert_eq!(moved["teams"], json!(["billing"]));
    assert_eq!(moved["capacity"], 2);
    assert_eq!(moved["signature"], "Bob, Support");
    assert_eq!(desk.team("support").await["members"], json!([]));
    let alone = desk
        .call(
            Some(&alice),
            "PATCH",
            "/v1/operators/bob",
            Some(json!({"teams": []})),
        )
        .await
        .ok(StatusCode::OK);
    assert_eq!(alone["teams"], json!([]));
    assert_eq!(alone["name"], "Robert");
    assert_eq!(alone["email"], "bob@example.com");
    assert_eq!(alone["availability"], "away");
    assert_eq!(alone["role"], "operator");
    assert_eq!(alone["created_at"], created["created_at"]);

    // Teams: a rename leaves members and the default alone.
    desk.owner(
        "PATCH",
        "/v1/teams/billing",
        Some(json!({"members": ["alice", "bob"]})),
    )
    .await
    .ok(StatusCode::OK);
    let billing = desk
        .call(
            Some(&alice),
            "PATCH",
            "/v1/teams/billing",
            Some(json!({"name": "Billing & Refunds"})),
        )
        .await
        .ok(StatusCode::OK);
    assert_eq!(billing["name"], "Billing & Refunds");
    assert_eq!(billing["members"], json!(["alice", "bob"]));
    assert_eq!(billing["default"], false);
}

/// A PATCH field that cannot be cleared refuses `null` (422 naming it, and
/// nothing changes), as the document states it: not nullable. Before, `null`
/// was read as left out: alone it was "nothing to change", beside another
/// field silently ignored.
#[tokio::test]
async fn patch_refuses_null_for_what_cannot_be_cleared() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let alice = desk.login("alice", "owner").await;
    desk.add_team("support").await;
    desk.call(
        Some(&alice),
        "POST",
        "/v1/agents",
        Some(json!({"key": "shop", "name": "Shop"})),
    )
    .await
    .ok(StatusCode::CREATED);
    desk.call(
        Some(&alice),
        "POST",
        "/v1/ticket-fields",
        Some(json!({"key": "plan", "name": "Plan", "type": "dropdown", "options": ["pro"]})),
    )
    .await
    .ok(StatusCode::CREATED);
    // Each beside a change that would be taken alone: nothing of it is made.
    let refused = [
        ("/v1/operators/alice", "name", json!({"signature": "-- A"})),
        ("/v1/operators/alice", "email", json!({"signature": "-- A"})),
        ("/v1/operators/alice", "role", json!({"signature": "-- A"})),
        (
            "/v1/operators/alice",
            "availability",
            json!({"signature": "-- A"}),
        ),
        ("/v1/operators/alice", "teams", json!({"signature": "-- A"})),
        ("/v1/teams/support", "name", json!({"members": ["alice"]})),
        ("/v1/teams/support", "default", json!({"name": "Help"})),
        ("/v1/teams/support", "members", json!({"name": "Help"})),
        ("/v1/agents/shop", "name", json!({})),
        (
            "/v1/ticket-fields/plan",
            "name",
            json!({"options": ["pro", "team"]}),
        ),
        ("/v1/ticket-fields/plan", "options", json!({"name": "Tier"})),
    ];
    let document = deskctl::server::openapi();
    for (path, field, mut body) in refused {
        let before = desk.call(Some(&alice), "GET", path, None).await.json;
        body[field] = Value::Null;
        let problem = desk
            .call(Some(&alice), "PATCH", path, Some(body.clone()))
            .await
            .problem(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
        assert_eq!(
            error_fields(&problem),
            [field],
            "{path} {body}: {problem:#}"
        );
        assert!(
            error_message(&problem, field).contains("may not be null"),
            "{path}: {problem:#}"
        );
        let after = desk.call(Some(&alice), "GET", path, None).await.json;
        assert_eq!(after, before, "{path} {body}");
        // The document says so: the property is not nullable.
        let operation = &document["paths"][path_template(path)]["patch"];
        let schema = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
            .as_str()
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap();
        let property = &document["components"]["schemas"][schema]["properties"][field];
        assert!(
            !property.to_string().contains("\"null\""),
            "{schema}.{field} is documented nullable: {property}"
        );
    }
    // What can be cleared still is.
    let cleared = desk
        .call(
            Some(&alice),
            "PATCH",
            "/v1/operators/alice",
            Some(json!({"signature": null, "capacity": null})),
        )
        .await
        .ok(StatusCode::OK);
    assert_eq!(cleared["capacity"], Value::Null);
}

/// `/v1/operators/alice` as the document's path template.
fn path_template(path: &str) -> &'static str {
    match path.rsplit_once('/').map(|(collection, _)| collection) {
        Some("/v1/operators") => "/v1/operators/{handle}",
        Some("/v1/teams") => "/v1/teams/{key}",
        Some("/v1/agents") => "/v1/agents/{key}",
        Some("/v1/ticket-fields") => "/v1/ticket-fields/{key}",
        _ => panic!("no template for {path}"),
    }
}

/// A validator of the OpenAPI document's component schema `name`, its
/// references resolved in the document.
fn document_schema(name: &str) -> jsonschema::Validator {
    let document = deskctl::server::openapi();
    let schema = json!({
        "$ref": format!("#/components/schemas/{name}"),
        "components": document["components"],
    });
    jsonschema::draft202012::options()
        .build(&schema)
        .unwrap_or_else(|error| panic!("{name}: {error}"))
}

/// A handoff's decided priority and team are in the document as the service
/// writes them, flat: every source each can come from, with a rule's id,
/// position and name, validates, and nothing else does.
#[tokio::test]
async fn every_decided_priority_and_team_a_preview_explains_is_in_the_document() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let alice = desk.login("alice", "owner").await;
    let decision = document_schema("HandoffDecision");
    let handoff = json!({"agent": "shop", "environment": "production", "channel": "web",
        "requester": {"name": "Dana"}, "transcript": [{"role": "customer", "text": "hi"}]});
    let mut seen = Vec::new();
    let preview = |seen: &mut Vec<(Value, Value)>, explained: Value| {
        let explained = &explained;
        let errors: Vec<String> = decision
            .iter_errors(explained)
            .map(|error| format!("{} at {}", error, error.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}\n{explained:#}");
        seen.push((explained["priority"].clone(), explained["team"].clone()));
    };
    for (method, path, body) in [
        ("POST", "/v1/agents", json!({"key": "shop", "name": "Shop"})),
        (
            "PUT",
            "/v1/agents/shop/handover",
            json!({"channels": ["web"], "enabled": true}),
        ),
    ] {
        let reply = desk.call(Some(&alice), method, path, Some(body)).await;
        assert!(reply.status.is_success(), "{path}: {:#}", reply.json);
    }
    let steps = [
        // No rule, no default priority, no team.
        None,
        Some((
            "PUT",
            "/v1/agents/shop/handover",
            json!({"channels": ["web"], "enabled": true, "default-priority": "high"}),
        )),
        Some((
            "POST",
            "/v1/teams",
            json!({"key": "support", "name": "Support"}),
        )),
        Some((
            "POST",
            "/v1/rules/priority",
            json!({"name": "Web", "conditions": [{"field": "channel", "op": "equals",
                "value": "web"}], "priority": "urgent"}),
        )),
        Some((
            "POST",
            "/v1/rules/assignment",
            json!({"conditions": [{"field": "channel", "op": "equals", "value": "web"}],
                "team": "support"}),
        )),
    ];
    for step in steps {
        if let Some((method, path, body)) = step {
            let reply = desk.call(Some(&alice), method, path, Some(body)).await;
            assert!(reply.status.is_success(), "{path}: {:#}", reply.json);
        }
        let made = desk
            .call(
                Some(&alice),
                "POST",
                "/v1/handoffs/preview",
                Some(handoff.clone()),
            )
            .await
            .ok(StatusCode::OK);
        preview(&mut seen, made);
    }
    let sources = |which: usize| -> Vec<String> {
        seen.iter()
            .map(|decided| {
                let decided = if which == 0 { &decided.0 } else { &decided.1 };
                decided["source"].as_str().unwrap().to_string()
            })
            .collect()
    };
    assert_eq!(
        sources(0),
        [
            "fallback",
            "action-default",
            "action-default",
            "rule",
            "rule"
        ]
    );
    assert_eq!(
        sources(1),
        ["no-team", "no-team", "default-team", "default-team", "rule"]
    );
    let (priority, team) = seen.last().unwrap();
    assert_eq!(priority["value"], "urgent");
    assert_eq!(priority["name"], "Web");
    assert_eq!(priority["position"], 1);
    assert!(priority["id"].is_string(), "{priority}");
    assert_eq!(team["value"], "support");
    assert_eq!(team.get("name"), None, "{team}");
    assert_eq!(seen[0].1["value"], Value::Null);

    // The document is exact: what the service never sends does not validate.
    let priority = document_schema("DecidedPriority");
    let team = document_schema("DecidedTeam");
    for wrong in [
        json!({"value": "high"}),
        json!({"value": "high", "source": "default-team"}),
        json!({"value": "soon", "source": "fallback"}),
        json!({"value": "high", "source": "rule", "id": null, "position": 1}),
    ] {
        assert!(!priority.is_valid(&wrong), "priority {wrong}");
    }
    for wrong in [
        json!({"source": "no-team"}),
        json!({"value": "support", "source": "fallback"}),
        json!({"value": 3, "source": "rule", "id": "rule_1", "position": 1}),
    ] {
        assert!(!team.is_valid(&wrong), "team {wrong}");
    }
}

// ---------------------------------------------------------------------------
// Concurrency
// ---------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_writers_on_one_desk_all_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let Some((location, _database)) = BACKEND.location(dir.path()) else {
        return;
    };

    // Two services open the same new desk at once.
    let (first, second) = tokio::join!(
        Store::open(&location, Open::CreateIfMissing, crate::common::keys()),
        Store::open(&location, Open::CreateIfMissing, crate::common::keys())
    );
    let routers = [
        router(AppState {
            store: first.expect("first store"),
        }),
        router(AppState {
            store: second.expect("second store"),
        }),
    ];

    let local = LocalDesk::open(&location, Open::CreateIfMissing, crate::common::keys())
        .await
        .unwrap();
    let owner = |method: &str, uri: &str, body: Value| {
        let request = request(method, uri, None, Some(&body));
        let local = local.clone();
        async move { collect(local.call(request).await).await }
    };
    owner(
        "POST",
        "/v1/operators",
        json!({"handle": "owner", "name": "Owner", "email": "owner@example.com", "role": "owner"}),
    )
    .await
    .ok(StatusCode::CREATED);
    let secret = owner(
        "POST",
        "/v1/tokens",
        json!({"kind": "operator", "operator": "owner"}),
    )
    .await
    .ok(StatusCode::CREATED)["secret"]
        .as_str()
        .unwrap()
        .to_string();

    const PER_WRITER: usize = 25;
    let mut tasks = Vec::new();
    for (writer, router) in routers.iter().enumerate() {
        for n in 0..PER_WRITER {
            let router = router.clone();
            let secret = secret.clone();
            tasks.push(tokio::spawn(async move {
                let handle = format!("w{writer}-op{n:02}");
                let operator = request(
                    "POST",
                    "/v1/operators",
                    Some(&secret),
                    Some(&json!({
                        "handle": handle,
                        "name": handle,
                        "email": format!("{handle}@example.com"),
                    })),
                );
                let operator = collect(router.clone().oneshot(operator).await.unwrap()).await;
                let key = format!("w{writer}-team{n:02}");
                let team = request(
                    "POST",
                    "/v1/teams",
                    Some(&secret),
                    Some(&json!({ "key": key, "name": key, "members": [handle] })),
                );
                let team = collect(router.oneshot(team).await.unwrap()).await;
                (handle, operator, team)
            }));
        }
    }
    for task in tasks {
        let (handle, operator, team) = task.await.expect("the task finished");
        assert_eq!(
            operator.status,
            StatusCode::CREATED,
            "{handle}: {:#}",
            operator.json
        );
        assert_eq!(
            team.status,
            StatusCode::CREATED,
            "{handle}: {:#}",
            team.json
        );
    }

    let operators = collect(
        local
            .call(request("GET", "/v1/operators?limit=500", None, None))
            .await,
    )
    .await
    .ok(StatusCode::OK);
    let mut expected: Vec<String> = (0..2)
        .flat_map(|w| (0..PER_WRITER).map(move |n| format!("w{w}-op{n:02}")))
        .collect();
    expected.push("owner".into());
    expected.sort();
    assert_eq!(names(&operators, "handle"), expected);
    for operator in operators["items"].as_array().unwrap() {
        if operator["handle"] != "owner" {
            assert_eq!(
                operator["teams"].as_array().unwrap().len(),
                1,
                "{operator:#}"
            );
        }
    }

    let teams = collect(
        local
            .call(request("GET", "/v1/teams?limit=500", None, None))
            .await,
    )
    .await
    .ok(StatusCode::OK);
    let teams = teams["items"].as_array().unwrap();
    assert_eq!(teams.len(), 2 * PER_WRITER);
    let defaults = teams.iter().filter(|t| t["default"] == true).count();
    assert_eq!(
        defaults, 1,
        "racing first teams still make exactly one default"
    );
}

#[tokio::test]
async fn the_local_desk_and_tokens_see_the_same_desk() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let alice = desk.login("alice", "owner").await;
    desk.call(
        Some(&alice),
        "POST",
        "/v1/operators",
        Some(json!({"handle": "bob", "name": "Bob", "email": "bob@example.com"})),
    )
    .await
    .ok(StatusCode::CREATED);

    // A desk opened afresh on the same file (or database) sees both writes.
    let reopened = LocalDesk::open(&desk.location, Open::CreateIfMissing, crate::common::keys())
        .await
        .unwrap();
    let reply = collect(
        reopened
            .call(request("GET", "/v1/operators", None, None))
            .await,
    )
    .await
    .ok(StatusCode::OK);
    assert_eq!(names(&reply, "handle"), ["alice", "bob"]);
    reopened.close().await;
}

// ---------------------------------------------------------------------------
// The copilot's /v1/mcp, beside the API
// ---------------------------------------------------------------------------

/// The desk's API with `/v1/mcp` beside it, as `deskctl serve` routes them.
async fn with_copilot(desk: &Desk) -> Router {
    let store = Store::open(&desk.location, Open::CreateIfMissing, crate::common::keys())
        .await
        .expect("open the store");
    let copilot = deskctl::mcp::http::routes(store.clone());
    deskctl::server::router_with(AppState { store }, copilot)
}

/// A POST to `/v1/mcp` with `token`, `content_type`, `accept` and `body`.
fn to_copilot(token: &str, content_type: &str, accept: Option<&str>, body: &str) -> Request<Body> {
    let mut request = raw_request(
        "POST",
        "/v1/mcp",
        token,
        Some(content_type),
        body.to_string(),
    );
    // As over HTTP/1.1, where the transport needs it.
    request
        .headers_mut()
        .insert(http::header::HOST, "desk.example.com".parse().unwrap());
    if let Some(accept) = accept {
        request
            .headers_mut()
            .insert(http::header::ACCEPT, accept.parse().unwrap());
    }
    request
}

#[tokio::test]
async fn the_copilot_refuses_what_is_not_one_json_rpc_message_with_a_400() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let alice = desk.login("alice", "owner").await;
    let copilot = with_copilot(&desk).await;
    let send = |request: Request<Body>| {
        let copilot = copilot.clone();
        async move { collect(copilot.oneshot(request).await.unwrap()).await }
    };
    let both = Some("application/json, text/event-stream");
    let list = r#"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#;

    // What the transport takes: one message, sent as JSON.
    let reply = send(to_copilot(&alice, "application/json", both, list)).await;
    assert_eq!(reply.status, StatusCode::OK, "{:#}", reply.json);
    assert!(reply.json["result"]["tools"].is_array(), "{:#}", reply.json);

    let problem = send(to_copilot(
        &alice,
        "application/json",
        both,
        r#"{"jsonrpc":"#,
    ))
    .await
    .problem(StatusCode::BAD_REQUEST, "malformed_json");
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("not valid JSON"),
        "{problem:#}"
    );
    let batch = format!("[{list}, {list}]");
    let problem = send(to_copilot(&alice, "application/json", both, &batch))
        .await
        .problem(StatusCode::BAD_REQUEST, "batch_not_supported");
    assert!(
        problem["detail"].as_str().unwrap().contains("batch"),
        "{problem:#}"
    );
    send(to_copilot(
        &alice,
        "application/json",
        both,
        r#"{"hello":"there"}"#,
    ))
    .await
    .problem(StatusCode::BAD_REQUEST, "invalid_jsonrpc");
    // A body of another type is still refused for its type.
    send(to_copilot(&alice, "text/plain", both, list))
        .await
        .problem(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
}

#[tokio::test]
async fn the_copilot_serves_an_accept_that_takes_json_and_names_the_values_otherwise() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let alice = desk.login("alice", "owner").await;
    let copilot = with_copilot(&desk).await;
    let list = r#"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#;
    // Every answer to a POST is JSON: what takes JSON is served, curl's and
    // most libraries' `*/*` included, as HTTP reads `Accept`.
    for accept in [
        None,
        Some("*/*"),
        Some("*/*;q=0.8"),
        Some("application/*"),
        Some("application/json"),
        Some("application/json, text/event-stream"),
        Some("text/html, application/json;q=0.1"),
    ] {
        let request = to_copilot(&alice, "application/json", accept, list);
        let reply = collect(copilot.clone().oneshot(request).await.unwrap()).await;
        let answer = reply.ok(StatusCode::OK);
        assert!(
            answer["result"]["tools"]
                .as_array()
                .is_some_and(|t| !t.is_empty()),
            "{accept:?}: {answer:#}"
        );
    }
    for accept in [
        "text/event-stream",
        "text/html",
        "text/*",
        "*/*;q=0",
        "application/json;q=0, */*",
    ] {
        let request = to_copilot(&alice, "application/json", Some(accept), list);
        let reply = collect(copilot.clone().oneshot(request).await.unwrap()).await;
        let problem = reply.problem(StatusCode::NOT_ACCEPTABLE, "not_acceptable");
        let detail = problem["detail"].as_str().unwrap();
        assert!(
            detail.contains("send `Accept: application/json, text/event-stream`")
                && detail.contains(&format!("`Accept: {accept}` was sent")),
            "{accept}: {detail}"
        );
    }
}

#[tokio::test]
async fn the_copilots_401_carries_the_same_challenge_as_the_apis() {
    let Some(desk) = Desk::new().await else {
        return;
    };
    let copilot = with_copilot(&desk).await;
    let list = r#"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#;
    let both = Some("application/json, text/event-stream");
    let reply = collect(
        copilot
            .clone()
            .oneshot(to_copilot(UNKNOWN_TOKEN, "application/json", both, list))
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        reply.header("www-authenticate"),
        Some("Bearer realm=\"deskctl\", error=\"invalid_token\"")
    );
    reply.problem(StatusCode::UNAUTHORIZED, "invalid_token");
}
