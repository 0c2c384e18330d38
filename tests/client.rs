//! `deskctl::client::Client` against a fake Desk service (wiremock) and against the
//! local desk: tokens, errors, retries and what is safe to retry.

use std::future::Future;
use std::time::Duration;

use deskctl::api::{OperatorCreate, Role, TeamCreate};
use deskctl::client::{ApiRequest, Client, ClientError, RetryPolicy, StreamItem};
use http::{Method, StatusCode};
use secrecy::SecretString;
use serde_json::{Value, json};
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

const TOKEN: &str = "desk_test_secret_0123456789";

/// Retries that take no noticeable time.
fn quick_retries(max_retries: usize) -> RetryPolicy {
    RetryPolicy {
        max_retries,
        min_delay: Duration::from_millis(1),
        max_delay: Duration::from_millis(5),
        max_retry_after: Duration::from_secs(1),
    }
}

fn client(server: &MockServer, retry: RetryPolicy) -> Client {
    Client::http(&server.uri(), Some(SecretString::from(TOKEN)))
        .expect("build the client")
        .with_retry(retry)
}

/// Fails the test instead of hanging when the client waits longer than it should.
async fn within_10s<T>(future: impl Future<Output = T>) -> T {
    tokio::time::timeout(Duration::from_secs(10), future)
        .await
        .expect("the client took more than 10 s: it did not honour the expected delay")
}

fn operator_json(handle: &str) -> Value {
    json!({
        "handle": handle,
        "name": format!("Operator {handle}"),
        "email": format!("{handle}@example.com"),
        "signature": null,
        "role": "operator",
        "availability": "online",
        "teams": [],
        "capacity": null,
        "created_at": "2025-01-01T00:00:00Z",
        "updated_at": "2025-01-01T00:00:00Z",
    })
}

fn problem_json(status: u16, code: &str, detail: &str) -> Value {
    json!({
        "type": format!("urn:deskctl:problem:{code}"),
        "title": "Error",
        "status": status,
        "detail": detail,
        "code": code,
    })
}

/// An error answer as the Desk service gives it.
fn problem(status: u16, code: &str, detail: &str) -> ResponseTemplate {
    ResponseTemplate::new(status)
        .set_body_raw(
            serde_json::to_vec(&problem_json(status, code, detail)).unwrap(),
            "application/problem+json",
        )
        .insert_header("x-request-id", format!("req_{code}"))
}

fn new_operator(handle: &str) -> OperatorCreate {
    OperatorCreate {
        handle: handle.to_string(),
        name: format!("Operator {handle}"),
        email: format!("{handle}@example.com"),
        signature: None,
        role: None,
        availability: None,
        teams: Vec::new(),
        capacity: None,
    }
}

/// Unpacks an API error: (status, code, detail, request id).
#[track_caller]
fn api_error(error: ClientError) -> (StatusCode, String, String, Option<String>) {
    match error {
        ClientError::Api {
            status,
            problem,
            request_id,
        } => (
            status,
            problem.code,
            problem.detail.unwrap_or_default(),
            request_id,
        ),
        other => panic!("expected ClientError::Api, got {other:?}"),
    }
}

async fn request_count(server: &MockServer) -> usize {
    server
        .received_requests()
        .await
        .expect("request recording is on")
        .len()
}

// ---------------------------------------------------------------------------
// Requests and errors
// ---------------------------------------------------------------------------

#[tokio::test]
async fn the_bearer_token_is_sent() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/version"))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "version": "9.9.9",
            "api": "v1",
        })))
        .expect(1)
        .mount(&server)
        .await;

    let version = client(&server, quick_retries(0)).version().await.unwrap();
    assert_eq!(version.version, "9.9.9");
    assert_eq!(version.api, "v1");
    server.verify().await;
}

/// A page of tickets is asked for as JSON lines over HTTP, and read from
/// them with the next page's cursor from its header.
#[tokio::test]
async fn ticket_lines_are_asked_for_and_read_with_their_cursor() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/tickets"))
        .and(header("accept", "application/x-ndjson"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("desk-next-cursor", "2026-11-20T00:00:00.000000Z|10001")
                .set_body_raw(
                    "{\"number\":10002}\n{\"number\":10001}\n",
                    "application/x-ndjson",
                ),
        )
        .expect(1)
        .mount(&server)
        .await;

    let query = deskctl::api::TicketQuery::default();
    let page = client(&server, quick_retries(0))
        .list_ticket_lines(&query)
        .await
        .unwrap();
    let lines: Vec<&[u8]> = page.items.iter().map(|line| line.as_ref()).collect();
    assert_eq!(
        lines,
        [&b"{\"number\":10002}\n"[..], b"{\"number\":10001}\n"]
    );
    assert_eq!(
        page.next_cursor.as_deref(),
        Some("2026-11-20T00:00:00.000000Z|10001")
    );
    server.verify().await;
}

#[tokio::test]
async fn no_token_means_no_authorization_header() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/health"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"status": "ok"})))
        .expect(1)
        .mount(&server)
        .await;

    let client = Client::http(&server.uri(), None).unwrap();
    assert_eq!(client.health().await.unwrap().status, "ok");
    let requests = server.received_requests().await.unwrap();
    assert!(
        requests[0].headers.get("authorization").is_none(),
        "{:?}",
        requests[0].headers
    );
}

#[tokio::test]
async fn a_trailing_slash_in_the_base_url_is_ignored() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/health"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"status": "ok"})))
        .expect(1)
        .mount(&server)
        .await;

    let client = Client::http(&format!("{}/", server.uri()), None).unwrap();
    client.health().await.unwrap();
    server.verify().await;
}

#[tokio::test]
async fn user_input_stays_in_its_path_segment() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/operators/..%2Ftokens"))
        .respond_with(ResponseTemplate::new(200).set_body_json(operator_json("x")))
        .expect(1)
        .mount(&server)
        .await;

    client(&server, quick_retries(0))
        .get_operator("../tokens")
        .await
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn a_problem_answer_becomes_an_api_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/operators/ghost"))
        .respond_with(problem(
            404,
            "operator_not_found",
            "operator 'ghost' does not exist",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let mut invalid = problem_json(422, "validation_failed", "2 fields are invalid");
    invalid["errors"] = json!([
        {"field": "handle", "message": "'Bad' contains 'B'"},
        {"field": "email", "message": "'x' is not an email address"},
    ]);
    Mock::given(method("POST"))
        .and(path("/v1/operators"))
        .respond_with(
            ResponseTemplate::new(422)
                .set_body_raw(
                    serde_json::to_vec(&invalid).unwrap(),
                    "application/problem+json",
                )
                .insert_header("x-request-id", "req_422"),
        )
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server, quick_retries(3));

    let error = client.get_operator("ghost").await.unwrap_err();
    assert_eq!(error.status(), Some(StatusCode::NOT_FOUND));
    assert_eq!(error.code(), Some("operator_not_found"));
    assert_eq!(error.to_string(), "operator 'ghost' does not exist");
    let (status, code, _, request_id) = api_error(error);
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(code, "operator_not_found");
    assert_eq!(request_id.as_deref(), Some("req_operator_not_found"));

    match client
        .create_operator(&new_operator("Bad"))
        .await
        .unwrap_err()
    {
        ClientError::Api {
            status,
            problem,
            request_id,
        } => {
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
            assert_eq!(problem.code, "validation_failed");
            let fields: Vec<&str> = problem.errors.iter().map(|e| e.field.as_str()).collect();
            assert_eq!(fields, ["handle", "email"]);
            assert_eq!(request_id.as_deref(), Some("req_422"));
        }
        other => panic!("expected ClientError::Api, got {other:?}"),
    }
    // A 4xx is an answer, not a hiccup: it is not retried.
    server.verify().await;
}

#[tokio::test]
async fn a_non_json_error_body_is_still_a_readable_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/operators/alice"))
        .respond_with(
            ResponseTemplate::new(500)
                .set_body_raw("<html><body>upstream exploded</body></html>", "text/html")
                .insert_header("x-request-id", "proxy-1"),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/teams/support"))
        .respond_with(ResponseTemplate::new(404))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/teams/long"))
        .respond_with(ResponseTemplate::new(400).set_body_string("x".repeat(10_000)))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server, quick_retries(3));

    // A web page (a proxy's, another server's) is named, never printed.
    let error = client.get_operator("alice").await.unwrap_err();
    let message = error.to_string();
    assert_eq!(
        message,
        format!(
            "{} answered 500 Internal Server Error with an HTML page, not a Desk API answer",
            server.uri()
        )
    );
    assert!(matches!(
        error,
        ClientError::Foreign {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            ..
        }
    ));

    // No body at all: the status says what happened.
    let error = client.get_team("support").await.unwrap_err();
    assert_eq!(error.to_string(), "404 Not Found");
    assert_eq!(error.code(), Some("http_404"));

    // A huge body is cut short for people.
    let error = client.get_team("long").await.unwrap_err();
    assert_eq!(error.code(), Some("http_400"));
    assert!(
        error.to_string().len() <= 200,
        "{}",
        error.to_string().len()
    );
    server.verify().await;
}

// ---------------------------------------------------------------------------
// Retries
// ---------------------------------------------------------------------------

#[tokio::test]
async fn a_get_is_retried_after_a_503_and_then_succeeds() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/operators"))
        .respond_with(problem(503, "database_busy", "the desk database is busy"))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/operators"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "items": [operator_json("alice"), operator_json("bob")],
        })))
        .expect(1)
        .mount(&server)
        .await;

    let operators = within_10s(client(&server, quick_retries(3)).list_operators())
        .await
        .unwrap();
    let handles: Vec<&str> = operators.iter().map(|o| o.handle.as_str()).collect();
    assert_eq!(handles, ["alice", "bob"]);
    server.verify().await;
    assert_eq!(request_count(&server).await, 2);
}

#[tokio::test]
async fn puts_and_deletes_are_retried_too() {
    let server = MockServer::start().await;
    for verb in ["PUT", "DELETE"] {
        Mock::given(method(verb))
            .respond_with(ResponseTemplate::new(502))
            .up_to_n_times(1)
            .expect(1)
            .mount(&server)
            .await;
        let ok = ResponseTemplate::new(200);
        let ok = if verb == "PUT" {
            ok.set_body_json(operator_json("bob"))
        } else {
            ok.set_body_json(serde_json::json!({"handle": "bob", "open-tickets": 0}))
        };
        Mock::given(method(verb))
            .respond_with(ok)
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = client(&server, quick_retries(2));

    let body = deskctl::api::AvailabilityUpdate {
        availability: deskctl::api::Availability::Online,
    };
    within_10s(client.set_operator_availability("bob", &body))
        .await
        .unwrap();
    within_10s(client.delete_operator("bob", &Default::default()))
        .await
        .unwrap();
    server.verify().await;
    assert_eq!(request_count(&server).await, 4);
}

#[tokio::test]
async fn retry_after_zero_is_honoured_over_a_long_backoff() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/teams"))
        .respond_with(problem(429, "rate_limited", "slow down").insert_header("retry-after", "0"))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/teams"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"items": []})))
        .expect(1)
        .mount(&server)
        .await;

    // Without Retry-After the client would wait at least ten minutes.
    let client = client(
        &server,
        RetryPolicy {
            max_retries: 1,
            min_delay: Duration::from_secs(600),
            max_delay: Duration::from_secs(600),
            max_retry_after: Duration::from_secs(60),
        },
    );
    let teams = within_10s(client.list_teams()).await.unwrap();
    assert!(teams.is_empty());
    server.verify().await;
}

#[tokio::test]
async fn a_long_retry_after_is_cut_to_the_policys_limit() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/teams"))
        .respond_with(ResponseTemplate::new(503).insert_header("retry-after", "3600"))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/teams"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"items": []})))
        .expect(1)
        .mount(&server)
        .await;

    let client = client(
        &server,
        RetryPolicy {
            max_retries: 1,
            min_delay: Duration::from_millis(1),
            max_delay: Duration::from_millis(1),
            max_retry_after: Duration::ZERO,
        },
    );
    within_10s(client.list_teams()).await.unwrap();
    server.verify().await;
}

#[tokio::test]
async fn a_post_without_an_idempotency_key_is_not_retried() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/operators"))
        .respond_with(problem(503, "database_busy", "the desk database is busy"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/teams"))
        .respond_with(problem(429, "rate_limited", "slow down").insert_header("retry-after", "0"))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server, quick_retries(3));

    let error = within_10s(client.create_operator(&new_operator("bob")))
        .await
        .unwrap_err();
    let (status, code, _, _) = api_error(error);
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(code, "database_busy");

    let team = TeamCreate {
        key: "support".into(),
        name: "Support".into(),
        default: false,
        members: Vec::new(),
    };
    let error = within_10s(client.create_team(&team)).await.unwrap_err();
    assert_eq!(error.status(), Some(StatusCode::TOO_MANY_REQUESTS));

    server.verify().await;
    assert_eq!(request_count(&server).await, 2, "each POST was sent once");
}

#[tokio::test]
async fn a_post_with_an_idempotency_key_is_retried() {
    let server = MockServer::start().await;
    let body = json!({"handle": "bob", "name": "Bob", "email": "bob@example.com"});
    Mock::given(method("POST"))
        .and(path("/v1/operators"))
        .and(header("idempotency-key", "create-bob-1"))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .and(body_json(&body))
        .respond_with(problem(503, "database_busy", "busy"))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/operators"))
        .and(header("idempotency-key", "create-bob-1"))
        .and(header("content-type", "application/json"))
        .and(body_json(&body))
        .respond_with(ResponseTemplate::new(201).set_body_json(operator_json("bob")))
        .expect(1)
        .mount(&server)
        .await;

    let response = within_10s(client(&server, quick_retries(3)).send(ApiRequest {
        method: Method::POST,
        path: "/v1/operators".into(),
        body: Some(serde_json::to_vec(&body).unwrap()),
        idempotency_key: Some("create-bob-1".into()),
        if_match: None,
        accept: None,
    }))
    .await
    .unwrap();
    assert_eq!(response.status, StatusCode::CREATED);
    let created: Value = serde_json::from_slice(&response.body).unwrap();
    assert_eq!(created["handle"], "bob");
    server.verify().await;
    assert_eq!(request_count(&server).await, 2);
}

#[tokio::test]
async fn retries_stop_after_max_retries_with_the_last_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/operators"))
        .respond_with(problem(503, "database_busy", "the desk database is busy"))
        .expect(3)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/teams"))
        .respond_with(problem(429, "rate_limited", "slow down").insert_header("retry-after", "0"))
        .expect(3)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/tokens"))
        .respond_with(ResponseTemplate::new(504))
        .expect(3)
        .mount(&server)
        .await;
    let client = client(&server, quick_retries(2));

    let (status, code, detail, request_id) =
        api_error(within_10s(client.list_operators()).await.unwrap_err());
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(code, "database_busy");
    assert_eq!(detail, "the desk database is busy");
    assert_eq!(request_id.as_deref(), Some("req_database_busy"));

    let (status, code, _, _) = api_error(within_10s(client.list_teams()).await.unwrap_err());
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(code, "rate_limited");

    let error = within_10s(client.send(ApiRequest {
        method: Method::POST,
        path: "/v1/tokens".into(),
        body: Some(br#"{"kind":"ingest","name":"x"}"#.to_vec()),
        idempotency_key: Some("token-1".into()),
        if_match: None,
        accept: None,
    }))
    .await
    .unwrap_err();
    assert_eq!(error.status(), Some(StatusCode::GATEWAY_TIMEOUT));

    server.verify().await;
    assert_eq!(request_count(&server).await, 9);
}

#[tokio::test]
async fn no_retries_means_one_attempt() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(503))
        .expect(1)
        .mount(&server)
        .await;
    let error = within_10s(client(&server, quick_retries(0)).health())
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(StatusCode::SERVICE_UNAVAILABLE));
    server.verify().await;
}

#[tokio::test]
async fn a_refused_connection_is_unreachable() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let base = format!("http://127.0.0.1:{port}");
    let client = Client::http(&base, Some(SecretString::from(TOKEN)))
        .unwrap()
        .with_retry(quick_retries(2));

    for error in [
        within_10s(client.health()).await.unwrap_err(),
        within_10s(client.create_operator(&new_operator("bob")))
            .await
            .unwrap_err(),
    ] {
        match &error {
            ClientError::Unreachable { target, .. } => assert_eq!(target, &base),
            other => panic!("expected ClientError::Unreachable, got {other:?}"),
        }
        assert!(error.to_string().contains(&base), "{error}");
        assert_eq!(error.status(), None);
        assert_eq!(error.code(), None);
    }
}

// ---------------------------------------------------------------------------
// The event stream
// ---------------------------------------------------------------------------

/// A stream that drops before any event reconnects from the place the
/// service told as it opened. One that asked for a place asks for it again
/// (a reset may be due that never arrived); with a service that tells none,
/// it asks for none, as before.
#[tokio::test]
async fn an_event_stream_dropped_before_any_event_resumes_from_the_place_it_was_told() {
    for (asked, told, resumed) in [
        (None, Some("7"), Some("7")),
        (None, Some("0"), Some("0")),
        (Some(5), Some("9"), Some("5")),
        (None, None, None),
    ] {
        let server = MockServer::start().await;
        let mut answer =
            ResponseTemplate::new(200).insert_header("content-type", "text/event-stream");
        if let Some(place) = told {
            answer = answer
                .insert_header("desk-last-event-id", place)
                .set_body_string(format!(": ready\nid: {place}\n\n"));
        }
        // Each stream ends at once: the client reconnects.
        Mock::given(method("GET"))
            .and(path("/v1/events"))
            .respond_with(answer)
            .mount(&server)
            .await;
        let client = client(&server, quick_retries(0));
        let mut stream = within_10s(client.events(asked)).await.unwrap();
        let dropped = within_10s(stream.next()).await.unwrap();
        assert!(
            matches!(dropped, StreamItem::Disconnected { .. }),
            "{dropped:?}"
        );
        let again = within_10s(stream.next()).await.unwrap();
        assert_eq!(again, StreamItem::Connected);

        let requests = server.received_requests().await.unwrap();
        let sent: Vec<Option<&str>> = requests
            .iter()
            .map(|r| r.headers.get("last-event-id").map(|v| v.to_str().unwrap()))
            .collect();
        let asked = asked.map(|id| id.to_string());
        assert_eq!(
            sent,
            [asked.as_deref(), resumed],
            "asked {asked:?}, told {told:?}"
        );
    }
}

// ---------------------------------------------------------------------------
// The local desk
// ---------------------------------------------------------------------------

#[tokio::test]
async fn the_local_client_lists_what_it_created() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("desk.sqlite");
    let client = Client::local(&crate::common::sqlite(&path), crate::common::keys())
        .await
        .expect("open the local desk");
    assert_eq!(
        client.target(),
        format!("the desk at {}", path.display()),
        "named as the file it runs on"
    );

    client
        .create_team(&TeamCreate {
            key: "support".into(),
            name: "Support".into(),
            default: false,
            members: Vec::new(),
        })
        .await
        .unwrap();
    let alice = client
        .create_operator(&OperatorCreate {
            role: Some(Role::Owner),
            teams: vec!["support".into()],
            ..new_operator("alice")
        })
        .await
        .unwrap();
    assert_eq!(alice.role, Role::Owner);
    client.create_operator(&new_operator("bob")).await.unwrap();

    let operators = client.list_operators().await.unwrap();
    let handles: Vec<&str> = operators.iter().map(|o| o.handle.as_str()).collect();
    assert_eq!(handles, ["alice", "bob"]);
    assert_eq!(operators[0], alice);
    assert_eq!(
        client.get_operator("bob").await.unwrap().role,
        Role::Operator
    );
    let teams = client.list_teams().await.unwrap();
    assert_eq!(teams.len(), 1);
    assert!(teams[0].default);
    assert_eq!(teams[0].members, ["alice"]);

    // Errors from the in-process service are the same typed errors.
    let error = client.get_operator("ghost").await.unwrap_err();
    let (status, code, _, request_id) = api_error(error);
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(code, "operator_not_found");
    assert!(request_id.is_some_and(|id| !id.is_empty()));
    let error = client
        .create_operator(&new_operator("bob"))
        .await
        .unwrap_err();
    assert_eq!(error.code(), Some("operator_exists"));

    client.close().await;

    // What the client wrote is in the desk file.
    let again = Client::local(&crate::common::sqlite(&path), crate::common::keys())
        .await
        .unwrap();
    assert_eq!(again.list_operators().await.unwrap(), operators);
    again.close().await;
}

/// A bare HTTP/1.1 server that answers every request with an empty page on kept-alive
/// connections: answers its address and how many connections it accepted.
async fn keep_alive_server() -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    let accepted = std::sync::Arc::new(AtomicUsize::new(0));
    let counted = accepted.clone();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            counted.fetch_add(1, Ordering::SeqCst);
            tokio::spawn(async move {
                let mut request = Vec::new();
                let mut buffer = [0u8; 4096];
                while let Ok(read) = stream.read(&mut buffer).await {
                    if read == 0 {
                        return;
                    }
                    request.extend_from_slice(&buffer[..read]);
                    while let Some(end) = request.windows(4).position(|w| w == b"\r\n\r\n") {
                        request.drain(..end + 4);
                        let answer = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\
                                      content-length: 12\r\n\r\n{\"items\":[]}";
                        if stream.write_all(answer.as_bytes()).await.is_err() {
                            return;
                        }
                    }
                }
            });
        }
    });
    (address, accepted)
}

/// `deskctl serve` closes a kept-alive connection idle for its header timeout
/// (10 s by default): a request sent on it just then is lost in flight. The
/// client keeps an idle connection for less, and opens a new one after that.
#[tokio::test]
async fn a_connection_idle_for_longer_than_the_servers_header_timeout_allows_is_not_reused() {
    use std::sync::atomic::Ordering;
    assert!(deskctl::client::IDLE_CONNECTION_TIMEOUT < Duration::from_secs(10));
    let (address, accepted) = keep_alive_server().await;
    let client = Client::http(&address, None).unwrap();
    client.list_fields().await.unwrap();
    client.list_fields().await.unwrap();
    assert_eq!(
        accepted.load(Ordering::SeqCst),
        1,
        "kept alive between requests"
    );
    tokio::time::sleep(deskctl::client::IDLE_CONNECTION_TIMEOUT + Duration::from_secs(1)).await;
    client.list_fields().await.unwrap();
    assert_eq!(
        accepted.load(Ordering::SeqCst),
        2,
        "a connection idle past the limit is not reused"
    );
}
