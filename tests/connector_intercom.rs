//! The Intercom connector against a fake workspace that answers as its API
//! documents (../shared/reference/platform-apis.md §5): contact search or
//! create, a conversation (or a ticket), the note, error lists, rate limits
//! told by X-RateLimit-Reset, and that a lost answer never makes a second
//! conversation.

use crate::common;

use std::time::Duration;

use common::connectors::{connection, deliver_first, escalation, secret_free};
use deskctl::api::{CheckOutcome, ExternalStatus, IntegrationKind, Priority};
use deskctl::server::connectors::signing::hmac_sha1_header;
use deskctl::server::connectors::{self, Http, InboundWebhook, Progress, WebhookError};
use serde_json::json;
use wiremock::matchers::{body_partial_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const TOKEN: &str = "dG9rOmIntercom-access-token";
const CLIENT_SECRET: &str = "ic-client-secret-9f";

fn intercom(server: &MockServer, settings: &[(&str, &str)]) -> connectors::Connection {
    let mut all = vec![("admin-id", "814860")];
    all.extend_from_slice(settings);
    connection(
        IntegrationKind::Intercom,
        &all,
        &[("access-token", TOKEN), ("client-secret", CLIENT_SECRET)],
        &server.uri(),
    )
}

fn bearer() -> String {
    format!("Bearer {TOKEN}")
}

/// Every call carries the token and the pinned API version.
fn intercom_call(verb: &str, route: &str) -> wiremock::MockBuilder {
    Mock::given(method(verb))
        .and(path(route))
        .and(header("authorization", bearer().as_str()))
        .and(header("intercom-version", "2.11"))
}

async fn contact_found(server: &MockServer) {
    intercom_call("POST", "/contacts/search")
        .and(body_partial_json(
            json!({"query": {"field": "external_id", "operator": "=", "value": "u-42"}}),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "type": "list", "total_count": 1,
            "data": [{"type": "contact", "id": "6657a1b2", "role": "user", "external_id": "u-42"}]
        })))
        .expect(1)
        .mount(server)
        .await;
}

async fn conversation_created(server: &MockServer, delay: Duration) {
    intercom_call("POST", "/conversations")
        .and(body_partial_json(
            json!({"from": {"type": "user", "id": "6657a1b2"}}),
        ))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({
                    "type": "user_message", "id": "2001", "message_type": "inapp",
                    "conversation_id": "36000324324"
                }))
                .set_delay(delay),
        )
        .expect(1)
        .mount(server)
        .await;
}

async fn note_ok(server: &MockServer, route: &str) {
    intercom_call("POST", route)
        .and(body_partial_json(
            json!({"message_type": "note", "type": "admin", "admin_id": "814860"}),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"type": "conversation"})))
        .expect(1)
        .mount(server)
        .await;
}

#[tokio::test]
async fn a_handoff_becomes_a_conversation_with_priority_and_a_note() {
    let server = MockServer::start().await;
    contact_found(&server).await;
    conversation_created(&server, Duration::ZERO).await;
    intercom_call("PUT", "/conversations/36000324324")
        .and(body_partial_json(json!({
            "priority": "priority",
            "custom_attributes": {"order_id": "123"}
        })))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"type": "conversation"})))
        .expect(1)
        .mount(&server)
        .await;
    note_ok(&server, "/conversations/36000324324/reply").await;
    let mut connection = intercom(&server, &[]);
    connection
        .fields
        .insert("order-id".into(), "order_id".into());
    let delivered = deliver_first(&connection, Priority::Urgent).await.unwrap();
    assert_eq!(delivered.id, "36000324324");
    let requests = server.received_requests().await.unwrap();
    let opened: serde_json::Value = requests[1].body_json().unwrap();
    let body = opened["body"].as_str().unwrap();
    assert!(
        body.starts_with("Refund for order 123")
            && body.contains("Customer: Where is my refund?")
            && body.ends_with("Desk handoff hof_1"),
        "{body}"
    );
    let note: serde_json::Value = requests[3].body_json().unwrap();
    let note = note["body"].as_str().unwrap();
    assert!(
        note.starts_with("<p>Dana Scully asked") && note.contains("Customer: Where is my refund?"),
        "{note}"
    );
}

#[tokio::test]
async fn a_new_customer_becomes_a_contact_and_low_priority_needs_no_update() {
    let server = MockServer::start().await;
    intercom_call("POST", "/contacts/search")
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"type": "list", "total_count": 0, "data": []})),
        )
        .expect(1)
        .mount(&server)
        .await;
    intercom_call("POST", "/contacts")
        .and(body_partial_json(json!({
            "role": "user", "external_id": "u-42", "email": "dana@example.com", "name": "Dana Scully"
        })))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"type": "contact", "id": "6657a1b2", "role": "user"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    conversation_created(&server, Duration::ZERO).await;
    note_ok(&server, "/conversations/36000324324/reply").await;
    // The admin comes from GET /me when no admin-id is set.
    intercom_call("GET", "/me")
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"type": "admin", "id": "814860", "email": "a@acme.example"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let mut connection = intercom(&server, &[]);
    connection.settings.remove("admin-id");
    deliver_first(&connection, Priority::Low).await.unwrap();
    let requests = server.received_requests().await.unwrap();
    assert!(
        requests
            .iter()
            .all(|request| request.method.as_str() != "PUT"),
        "not_priority is the default: nothing to update"
    );
}

#[tokio::test]
async fn a_ticket_type_makes_a_ticket_with_a_note() {
    let server = MockServer::start().await;
    contact_found(&server).await;
    intercom_call("POST", "/tickets")
        .and(body_partial_json(json!({
            "ticket_type_id": "1234",
            "contacts": [{"id": "6657a1b2"}],
            "ticket_attributes": {"_default_title_": "Refund for order 123"}
        })))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "type": "ticket", "id": "1295", "ticket_id": "1390", "ticket_state": "submitted"
        })))
        .expect(1)
        .mount(&server)
        .await;
    note_ok(&server, "/tickets/1295/reply").await;
    let connection = intercom(&server, &[("ticket-type-id", "1234")]);
    let delivered = deliver_first(&connection, Priority::High).await.unwrap();
    assert_eq!(delivered.id, "1295");
    let requests = server.received_requests().await.unwrap();
    let ticket: serde_json::Value = requests[1].body_json().unwrap();
    let description = ticket["ticket_attributes"]["_default_description_"]
        .as_str()
        .unwrap();
    assert!(description.ends_with("Desk handoff hof_1"), "{description}");
}

#[tokio::test]
async fn priorities_are_binary_or_the_connections_own() {
    for (priority, overrides, expected) in [
        (Priority::High, None, Some("priority")),
        (Priority::Medium, Some("priority"), Some("priority")),
        (Priority::Urgent, Some("not_priority"), None),
    ] {
        let server = MockServer::start().await;
        contact_found(&server).await;
        conversation_created(&server, Duration::ZERO).await;
        note_ok(&server, "/conversations/36000324324/reply").await;
        if let Some(expected) = expected {
            intercom_call("PUT", "/conversations/36000324324")
                .and(body_partial_json(json!({"priority": expected})))
                .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
                .expect(1)
                .mount(&server)
                .await;
        }
        let mut connection = intercom(&server, &[]);
        if let Some(value) = overrides {
            connection.priorities.insert(priority, value.into());
        }
        deliver_first(&connection, priority).await.unwrap();
        let puts = server
            .received_requests()
            .await
            .unwrap()
            .iter()
            .filter(|request| request.method.as_str() == "PUT")
            .count();
        assert_eq!(puts, usize::from(expected.is_some()), "{priority:?}");
    }
}

#[tokio::test]
async fn error_lists_are_permanent_with_intercoms_message_and_sent_once() {
    let cases = [
        (
            400,
            "parameter_invalid",
            "From type must be one of user, lead",
        ),
        (401, "unauthorized", "Access Token Invalid"),
        (403, "api_plan_restricted", "Active subscription needed."),
        (404, "not_found", "User Not Found"),
        (422, "data_invalid", "body is too long"),
    ];
    for (status, code, message) in cases {
        let server = MockServer::start().await;
        contact_found(&server).await;
        intercom_call("POST", "/conversations")
            .respond_with(ResponseTemplate::new(status).set_body_json(json!({
                "type": "error.list", "request_id": "f93ecfa8",
                "errors": [{"code": code, "message": message}]
            })))
            .expect(1)
            .mount(&server)
            .await;
        let failure = deliver_first(&intercom(&server, &[]), Priority::High)
            .await
            .unwrap_err();
        assert!(failure.permanent, "{status}");
        assert_eq!(failure.retry_after, None);
        assert!(
            failure.error.contains(&format!("{code}: {message}")),
            "{status}: {}",
            failure.error
        );
        assert!(secret_free(&failure.error, &[TOKEN, CLIENT_SECRET]));
    }
}

#[tokio::test]
async fn a_rate_limit_waits_until_x_ratelimit_reset() {
    let server = MockServer::start().await;
    let reset = jiff::Timestamp::now().as_second() + 40;
    intercom_call("POST", "/contacts/search")
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("x-ratelimit-limit", "166")
                .insert_header("x-ratelimit-remaining", "0")
                .insert_header("x-ratelimit-reset", reset.to_string().as_str())
                .set_body_json(json!({
                    "type": "error.list",
                    "errors": [{"code": "rate_limit_exceeded", "message": "Exceeded rate limit of 166 in 10_seconds"}]
                })),
        )
        .expect(1)
        .mount(&server)
        .await;
    let failure = deliver_first(&intercom(&server, &[]), Priority::High)
        .await
        .unwrap_err();
    assert!(!failure.permanent);
    let wait = failure.retry_after.unwrap();
    assert!(
        wait <= Duration::from_secs(40) && wait >= Duration::from_secs(38),
        "{wait:?}"
    );
    assert!(
        failure.error.contains("rate_limit_exceeded"),
        "{}",
        failure.error
    );
}

#[tokio::test]
async fn a_lost_answer_is_found_by_searching_the_handoff_id() {
    let server = MockServer::start().await;
    contact_found(&server).await;
    conversation_created(&server, Duration::from_secs(5)).await;
    intercom_call("POST", "/conversations/search")
        .and(body_partial_json(
            json!({"query": {"operator": "AND", "value": [
                {"field": "contact_ids", "operator": "=", "value": "6657a1b2"},
                {"field": "source.body", "operator": "~", "value": "Desk handoff hof_1"},
            ]}}),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "type": "conversation.list", "total_count": 1,
            "conversations": [{"type": "conversation", "id": "36000324324"}]
        })))
        .expect(1)
        .mount(&server)
        .await;
    intercom_call("PUT", "/conversations/36000324324")
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .expect(1)
        .mount(&server)
        .await;
    note_ok(&server, "/conversations/36000324324/reply").await;
    let connection = intercom(&server, &[]);
    let http = Http::default();
    let ticket = escalation(Priority::High);
    let mut first = Progress::resume(None, 1);
    let lost = tokio::time::timeout(
        Duration::from_millis(500),
        connectors::deliver(&http, &connection, &ticket, &mut first),
    )
    .await;
    assert!(lost.is_err(), "the first attempt's answer was to be lost");
    let mut second = Progress::resume(Some(&first.to_json()), 2);
    let delivered = connectors::deliver(&http, &connection, &ticket, &mut second)
        .await
        .unwrap();
    assert_eq!(delivered.id, "36000324324");
}

#[tokio::test]
async fn a_lost_ticket_is_found_by_searching_its_description() {
    let server = MockServer::start().await;
    contact_found(&server).await;
    intercom_call("POST", "/tickets/search")
        .and(body_partial_json(
            json!({"query": {"operator": "AND", "value": [
                {"field": "contact_ids", "operator": "=", "value": "6657a1b2"},
                {"field": "_default_description_", "operator": "~", "value": "Desk handoff hof_1"},
            ]}}),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "type": "ticket.list", "total_count": 1,
            "tickets": [{"type": "ticket", "id": "1295"}]
        })))
        .expect(1)
        .mount(&server)
        .await;
    note_ok(&server, "/tickets/1295/reply").await;
    let connection = intercom(&server, &[("ticket-type-id", "1234")]);
    let mut second = Progress::resume(None, 2);
    let delivered = connectors::deliver(
        &Http::default(),
        &connection,
        &escalation(Priority::High),
        &mut second,
    )
    .await
    .unwrap();
    assert_eq!(delivered.id, "1295");
    let posted_tickets = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .filter(|request| request.url.path() == "/tickets")
        .count();
    assert_eq!(posted_tickets, 0);
}

async fn me(server: &MockServer, status: u16, body: serde_json::Value) {
    intercom_call("GET", "/me")
        .respond_with(ResponseTemplate::new(status).set_body_json(body))
        .expect(1)
        .mount(server)
        .await;
}

fn admin_me(region: &str) -> serde_json::Value {
    json!({"type": "admin", "id": "814860", "email": "ops@acme.example",
        "app": {"type": "app", "id_code": "abc123", "region": region}})
}

fn check<'a>(checks: &'a [deskctl::api::TestCheck], name: &str) -> &'a deskctl::api::TestCheck {
    checks
        .iter()
        .find(|c| c.check == name)
        .unwrap_or_else(|| panic!("no {name} check in {checks:?}"))
}

#[tokio::test]
async fn the_connection_test_checks_token_region_admin_and_ticket_type() {
    let server = MockServer::start().await;
    me(&server, 200, admin_me("US")).await;
    intercom_call("GET", "/admins/814860")
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"type": "admin"})))
        .mount(&server)
        .await;
    intercom_call("GET", "/ticket_types/1234")
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"type": "ticket_type", "id": "1234", "name": "Refunds", "archived": false}),
        ))
        .mount(&server)
        .await;
    let checks = connectors::test(
        &Http::default(),
        &intercom(&server, &[("ticket-type-id", "1234")]),
    )
    .await;
    assert!(
        checks.iter().all(|c| c.outcome == CheckOutcome::Ok),
        "{checks:?}"
    );
    assert!(check(&checks, "ticket type").message.contains("Refunds"));

    // A token for an EU workspace sent to the US host is refused as unauthorized.
    let server = MockServer::start().await;
    me(
        &server,
        401,
        json!({"type": "error.list", "errors": [{"code": "unauthorized", "message": "Access Token Invalid"}]}),
    )
    .await;
    let checks = connectors::test(&Http::default(), &intercom(&server, &[])).await;
    let failed = check(&checks, "credentials");
    assert_eq!(failed.outcome, CheckOutcome::Failed);
    assert!(
        failed.message.contains("Access Token Invalid") && failed.message.contains("region us"),
        "{}",
        failed.message
    );
    assert!(secret_free(&failed.message, &[TOKEN]));

    // The workspace says where it is hosted.
    let server = MockServer::start().await;
    me(&server, 200, admin_me("EU")).await;
    let checks = connectors::test(&Http::default(), &intercom(&server, &[("region", "us")])).await;
    let failed = check(&checks, "region");
    assert_eq!(failed.outcome, CheckOutcome::Failed);
    assert!(failed.message.contains("region eu"), "{}", failed.message);

    let server = MockServer::start().await;
    me(&server, 200, admin_me("US")).await;
    intercom_call("GET", "/admins/814860")
        .respond_with(ResponseTemplate::new(404).set_body_json(json!({
            "type": "error.list", "errors": [{"code": "not_found", "message": "Admin Not Found"}]
        })))
        .mount(&server)
        .await;
    intercom_call("GET", "/ticket_types/999")
        .respond_with(ResponseTemplate::new(404).set_body_json(json!({
            "type": "error.list", "errors": [{"code": "not_found", "message": "Ticket type not found"}]
        })))
        .mount(&server)
        .await;
    let checks = connectors::test(
        &Http::default(),
        &intercom(&server, &[("ticket-type-id", "999")]),
    )
    .await;
    assert_eq!(check(&checks, "admin").outcome, CheckOutcome::Failed);
    let ticket_type = check(&checks, "ticket type");
    assert_eq!(ticket_type.outcome, CheckOutcome::Failed);
    assert!(
        ticket_type.message.contains("no ticket type 999"),
        "{}",
        ticket_type.message
    );

    let server = MockServer::start().await;
    me(
        &server,
        403,
        json!({"type": "error.list", "errors": [{"code": "action_forbidden", "message": "Missing scope"}]}),
    )
    .await;
    let checks = connectors::test(&Http::default(), &intercom(&server, &[])).await;
    assert_eq!(check(&checks, "permission").outcome, CheckOutcome::Failed);

    let mut down = intercom(&server, &[]);
    down.base_url = Some("http://127.0.0.1:9".into());
    let checks = connectors::test(&Http::default(), &down).await;
    assert!(
        checks[0].message.contains("cannot be reached"),
        "{checks:?}"
    );
}

#[tokio::test]
async fn webhooks_are_verified_with_the_client_secret() {
    let connection = intercom(&MockServer::start().await, &[]);
    let body = r#"{"type":"notification_event","app_id":"abc123","id":"notif_1","topic":"conversation.admin.closed","created_at":1800000000,"data":{"type":"notification_event_data","item":{"type":"conversation","id":"36000324324"}}}"#;
    let receive = |signature: Option<String>, body: &str| {
        let mut headers = http::HeaderMap::new();
        if let Some(signature) = signature {
            headers.insert("x-hub-signature", signature.parse().unwrap());
        }
        connectors::receive(
            &connection,
            &InboundWebhook {
                headers: &headers,
                query: None,
                body: body.as_bytes(),
            },
            jiff::Timestamp::now(),
        )
    };
    let signature = hmac_sha1_header(CLIENT_SECRET.as_bytes(), body.as_bytes());
    let (verified, events) = receive(Some(signature.clone()), body).unwrap();
    assert_eq!(verified.replay_key, signature);
    assert_eq!(events[0].id, "36000324324");
    assert_eq!(events[0].status, ExternalStatus::Resolved);
    let tampered = body.replace("closed", "opened");
    assert!(matches!(
        receive(Some(signature.clone()), &tampered),
        Err(WebhookError::Unauthenticated(_))
    ));
    assert!(matches!(
        receive(Some(hmac_sha1_header(b"other", body.as_bytes())), body),
        Err(WebhookError::Unauthenticated(_))
    ));
    assert!(matches!(
        receive(None, body),
        Err(WebhookError::Unauthenticated(_))
    ));
}

mod end_to_end {
    //! `deskctl` with the real binary on a local desk (and under `serve` for
    //! webhooks), against the fake workspace.

    use super::*;
    use crate::common::integrations::{Secrets, desk_with_agent, posted, run, run_ok, send, show};
    use wiremock::matchers::path_regex;

    const SECRETS: Secrets = &[("IC_TOKEN", TOKEN), ("IC_SECRET", CLIENT_SECRET)];

    /// What the fake workspace answers besides the conversation: who the
    /// token is, the admin, contact search and create, searches that find
    /// nothing, priority updates and notes.
    async fn answer_like_intercom(server: &MockServer) {
        intercom_call("GET", "/me")
            .respond_with(ResponseTemplate::new(200).set_body_json(admin_me("US")))
            .mount(server)
            .await;
        intercom_call("GET", "/admins/814860")
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({"type": "admin"})))
            .mount(server)
            .await;
        intercom_call("POST", "/contacts/search")
            .respond_with(
                ResponseTemplate::new(200)
                    .set_body_json(json!({"type": "list", "total_count": 0, "data": []})),
            )
            .mount(server)
            .await;
        intercom_call("POST", "/contacts")
            .respond_with(
                ResponseTemplate::new(200)
                    .set_body_json(json!({"type": "contact", "id": "6657a1b2", "role": "user"})),
            )
            .mount(server)
            .await;
        intercom_call("POST", "/conversations/search")
            .respond_with(ResponseTemplate::new(200).set_body_json(
                json!({"type": "conversation.list", "total_count": 0, "conversations": []}),
            ))
            .mount(server)
            .await;
        Mock::given(method("PUT"))
            .and(path_regex("^/conversations/[0-9]+$"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
            .mount(server)
            .await;
        Mock::given(method("POST"))
            .and(path_regex("^/conversations/[0-9]+/reply$"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
            .mount(server)
            .await;
    }

    fn opened() -> ResponseTemplate {
        ResponseTemplate::new(200).set_body_json(json!({
            "type": "user_message", "id": "2001", "conversation_id": "36000324324"
        }))
    }

    fn connected(base: &str) -> crate::common::Desk {
        let desk = desk_with_agent();
        let text = run_ok(
            &desk,
            SECRETS,
            &[
                "integrations",
                "connect",
                "intercom",
                "--set",
                "region=us",
                "--set",
                "admin-id=814860",
                "--secret",
                "access-token=env:IC_TOKEN",
                "--secret",
                "client-secret=env:IC_SECRET",
                "--base-url",
                base,
            ],
        );
        assert!(text.contains("The Intercom connection works"), "{text}");
        run_ok(&desk, SECRETS, &["integrations", "test", "intercom"]);
        run_ok(
            &desk,
            SECRETS,
            &["actions", "set", "shop", "--platform", "intercom"],
        );
        desk
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_production_handoff_becomes_a_conversation_before_the_command_returns() {
        let server = MockServer::start().await;
        answer_like_intercom(&server).await;
        intercom_call("POST", "/conversations")
            .respond_with(opened())
            .expect(1)
            .mount(&server)
            .await;
        let desk = connected(&server.uri());
        let sent = send(&desk, SECRETS, "one");
        assert_eq!(sent["outcome"], "external");
        let contact = &posted(&server, "/contacts").await[0];
        assert_eq!(contact["email"], "dana@example.com");
        let conversation = &posted(&server, "/conversations").await[0];
        assert_eq!(conversation["from"]["id"], "6657a1b2");
        let handoff = sent["id"].as_str().unwrap();
        assert!(
            conversation["body"]
                .as_str()
                .unwrap()
                .ends_with(&format!("Desk handoff {handoff}")),
            "{conversation}"
        );
        // The action's high priority is Intercom's `priority`.
        let update: serde_json::Value = server
            .received_requests()
            .await
            .unwrap()
            .into_iter()
            .find(|r| r.method.as_str() == "PUT")
            .expect("the priority update")
            .body_json()
            .unwrap();
        assert_eq!(update["priority"], "priority");
        let note = &posted(&server, "/conversations/36000324324/reply").await[0];
        assert_eq!(note["message_type"], "note");
        let shown = show(&desk, handoff);
        assert_eq!(shown["external"]["kind"], "intercom", "{shown}");
        assert_eq!(shown["external"]["id"], "36000324324");
        assert_eq!(shown["external"]["status"], "created");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_rate_limited_delivery_waits_for_the_reset_and_arrives_once() {
        let server = MockServer::start().await;
        answer_like_intercom(&server).await;
        let reset = jiff::Timestamp::now().as_second() + 1;
        intercom_call("POST", "/conversations")
            .respond_with(
                ResponseTemplate::new(429)
                    .insert_header("x-ratelimit-limit", "166")
                    .insert_header("x-ratelimit-remaining", "0")
                    .insert_header("x-ratelimit-reset", reset.to_string().as_str())
                    .set_body_json(json!({"type": "error.list",
                        "errors": [{"code": "rate_limit_exceeded", "message": "Exceeded rate limit"}]})),
            )
            .up_to_n_times(1)
            .mount(&server)
            .await;
        intercom_call("POST", "/conversations")
            .respond_with(opened())
            .mount(&server)
            .await;
        let desk = connected(&server.uri());
        let sent = send(&desk, SECRETS, "limited");
        let conversations = posted(&server, "/conversations").await;
        assert_eq!(conversations.len(), 2, "one refused, one accepted");
        assert_eq!(conversations[0], conversations[1]);
        // The second attempt looked for what the first may have made.
        assert_eq!(posted(&server, "/conversations/search").await.len(), 1);
        let shown = show(&desk, sent["id"].as_str().unwrap());
        assert_eq!(shown["external"]["id"], "36000324324", "{shown}");
        let deliveries = run_ok(
            &desk,
            SECRETS,
            &["integrations", "deliveries", "-o", "json"],
        );
        assert!(deliveries.contains("\"attempts\": 2"), "{deliveries}");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_refused_conversation_is_reported_and_not_retried() {
        let server = MockServer::start().await;
        answer_like_intercom(&server).await;
        intercom_call("POST", "/conversations")
            .respond_with(ResponseTemplate::new(400).set_body_json(json!({
                "type": "error.list",
                "errors": [{"code": "parameter_invalid", "message": "User is blocked"}]
            })))
            .expect(1)
            .mount(&server)
            .await;
        let desk = connected(&server.uri());
        let sent = send(&desk, SECRETS, "refused");
        desk.run(&["operators", "availability", "bob", "online"]);
        let dead = run_ok(
            &desk,
            SECRETS,
            &["integrations", "deliveries", "intercom", "--state", "dead"],
        );
        assert!(
            dead.contains("parameter_invalid: User is blocked"),
            "{dead}"
        );
        let shown = show(&desk, sent["id"].as_str().unwrap());
        assert_eq!(shown["external"]["status"], "failed", "{shown}");
        assert_eq!(posted(&server, "/conversations").await.len(), 1);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn signed_webhooks_move_the_handoff_and_tampered_ones_are_refused() {
        let server = MockServer::start().await;
        answer_like_intercom(&server).await;
        intercom_call("POST", "/conversations")
            .respond_with(opened())
            .mount(&server)
            .await;
        let desk = connected(&server.uri());
        let id = send(&desk, SECRETS, "hooked")["id"]
            .as_str()
            .unwrap()
            .to_string();
        let serve = desk.serve();
        let post = |body: &str, signature: Option<String>| {
            let mut headers = vec![("Content-Type", "application/json".to_string())];
            if let Some(signature) = signature {
                headers.push(("X-Hub-Signature", signature));
            }
            let headers: Vec<(&str, &str)> =
                headers.iter().map(|(n, v)| (*n, v.as_str())).collect();
            serve.raw(
                "POST",
                "/v1/integrations/intercom/webhook",
                &headers,
                body.as_bytes(),
            )
        };
        let hook = |topic: &str| {
            format!(
                r#"{{"type":"notification_event","topic":"{topic}","id":"notif_{topic}","data":{{"item":{{"type":"conversation","id":"36000324324"}}}}}}"#
            )
        };
        let sign = |body: &str| Some(hmac_sha1_header(CLIENT_SECRET.as_bytes(), body.as_bytes()));
        let closed = hook("conversation.admin.closed");
        let tampered = post(&hook("conversation.admin.opened"), sign(&closed));
        assert_eq!(tampered.status, 401, "{}", tampered.body);
        assert_eq!(post(&closed, None).status, 401);
        assert_eq!(show(&desk, &id)["external"]["status"], "created");
        let accepted = post(&closed, sign(&closed));
        assert_eq!(accepted.status, 200, "{}", accepted.body);
        assert_eq!(accepted.json()["updated"], json!([id]));
        assert_eq!(show(&desk, &id)["external"]["status"], "resolved");
        assert_eq!(post(&closed, sign(&closed)).status, 409, "a replay");
        let reopened = hook("conversation.admin.opened");
        assert_eq!(post(&reopened, sign(&reopened)).status, 200);
        assert_eq!(show(&desk, &id)["external"]["status"], "reopened");
        let log = serve.log();
        assert!(
            !log.contains(TOKEN) && !log.contains(CLIENT_SECRET),
            "{log}"
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn an_invalid_token_fails_the_connection_test() {
        let server = MockServer::start().await;
        intercom_call("GET", "/me")
            .respond_with(ResponseTemplate::new(401).set_body_json(json!({
                "type": "error.list",
                "errors": [{"code": "unauthorized", "message": "Access Token Invalid"}]
            })))
            .mount(&server)
            .await;
        let desk = desk_with_agent();
        let (_, text) = run(
            &desk,
            SECRETS,
            &[
                "integrations",
                "connect",
                "intercom",
                "--secret",
                "access-token=env:IC_TOKEN",
                "--base-url",
                &server.uri(),
            ],
        );
        assert!(text.contains("Access Token Invalid"), "{text}");
        let (ok, text) = run(&desk, SECRETS, &["integrations", "test", "intercom"]);
        assert!(!ok, "{text}");
        assert!(text.contains("refused the access token"), "{text}");
    }
}
