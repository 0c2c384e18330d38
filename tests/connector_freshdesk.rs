//! The Freshdesk connector against a fake Freshdesk that answers as its API
//! documents (../shared/reference/platform-apis.md §1): what is sent, who sees
//! what, how answers are read, that a lost answer never makes a second ticket
//! or note (found in the requester's ticket list, not the lagging search),
//! and the token that authenticates its webhooks.

use crate::common;

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use common::connectors::{
    LAST_WORDS, assert_agents_see_the_whole_handoff, assert_customer_sees_no_agent_material,
    assert_no_forged_turns, assert_title_cut_at, assert_unreadable_and_tried_again, bodies,
    connection, deliver, deliver_first, escalation, html_page, html_text, long_and_forged,
    lose_answer, secret_free, without_email,
};
use deskctl::api::{CheckOutcome, ExternalStatus, IntegrationKind, Priority};
use deskctl::server::connectors::{self, Http, InboundWebhook, Progress, WebhookError};
use serde_json::json;
use wiremock::matchers::{body_partial_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const API_KEY: &str = "fd-key-Qx81vB";
const WEBHOOK_TOKEN: &str = "fd-hook-9tT2";

fn freshdesk(server: &MockServer) -> connectors::Connection {
    connection(
        IntegrationKind::Freshdesk,
        &[("domain", "acme")],
        &[("api-key", API_KEY), ("webhook-token", WEBHOOK_TOKEN)],
        &server.uri(),
    )
}

/// `Basic base64("fd-key-Qx81vB:X")`: the API key, and Freshdesk's `X`.
fn basic() -> String {
    format!("Basic {}", BASE64.encode(format!("{API_KEY}:X")))
}

fn created(id: u64) -> ResponseTemplate {
    ResponseTemplate::new(201).set_body_json(json!({
        "id": id, "subject": "Refund for order 123", "status": 2, "priority": 4,
        "source": 7, "requester_id": 5001, "tags": ["deskctl", "desk-hof_1"],
    }))
}

async fn note_ok(server: &MockServer, id: u64, times: u64) {
    Mock::given(method("POST"))
        .and(path(format!("/api/v2/tickets/{id}/notes")))
        .and(header("authorization", basic().as_str()))
        .and(body_partial_json(json!({"private": true})))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({
            "id": 9001, "ticket_id": id, "private": true, "incoming": false
        })))
        .expect(times)
        .mount(server)
        .await;
}

/// The search index, which lags new tickets by minutes: never read.
async fn no_search(server: &MockServer) {
    Mock::given(method("GET"))
        .and(path("/api/v2/search/tickets"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"results": [], "total": 0})))
        .expect(0)
        .mount(server)
        .await;
}

/// `GET /tickets?email=dana@example.com…`: the requester's newest tickets.
async fn listed(server: &MockServer, tickets: serde_json::Value) {
    Mock::given(method("GET"))
        .and(path("/api/v2/tickets"))
        .and(query_param("email", "dana@example.com"))
        .and(query_param("order_by", "created_at"))
        .and(query_param("order_type", "desc"))
        .and(header("authorization", basic().as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(tickets))
        .mount(server)
        .await;
}

/// `GET /tickets/{id}/conversations`: the ticket's notes and replies.
async fn conversations(server: &MockServer, id: u64, notes: serde_json::Value) {
    Mock::given(method("GET"))
        .and(path(format!("/api/v2/tickets/{id}/conversations")))
        .respond_with(ResponseTemplate::new(200).set_body_json(notes))
        .mount(server)
        .await;
}

#[tokio::test]
async fn the_whole_handoff_reaches_agents_and_the_customer_sees_only_their_words() {
    let server = MockServer::start().await;
    let mut connection = freshdesk(&server);
    for (key, field) in [
        ("order-id", "cf_order_id"),
        ("loyalty-tier", "cf_loyalty_tier"),
        ("desk.reason", "cf_handoff_reason"),
    ] {
        connection.fields.insert(key.into(), field.into());
    }
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .and(header("authorization", basic().as_str()))
        .and(header("content-type", "application/json"))
        .respond_with(created(43))
        .expect(1)
        .mount(&server)
        .await;
    note_ok(&server, 43, 1).await;
    let delivered = deliver_first(&connection, Priority::Urgent).await.unwrap();
    assert_eq!(delivered.id, "43");
    assert_eq!(
        delivered.url.as_deref(),
        Some(format!("{}/a/tickets/43", server.uri()).as_str())
    );
    let ticket = &bodies(&server, "POST", "/api/v2/tickets").await[0];
    assert_eq!(
        ticket,
        &json!({
            "name": "Dana Scully",
            "email": "dana@example.com",
            "subject": "Where is my refund for order 123?",
            "description": format!("<p>{LAST_WORDS}</p>"),
            "priority": 4,
            "status": 2,
            "source": 7,
            "tags": ["deskctl", "desk-hof_1", "agent-shop-assistant", "desk-team-billing"],
            "custom_fields": {"cf_order_id": "123", "cf_loyalty_tier": "gold",
                              "cf_handoff_reason": "explicit-request"},
        })
    );
    let note = &bodies(&server, "POST", "/api/v2/tickets/43/notes").await[0];
    assert_eq!(note["private"], true);
    assert_agents_see_the_whole_handoff(
        &html_text(note["body"].as_str().unwrap()),
        Priority::Urgent,
    );
    assert_customer_sees_no_agent_material(&format!(
        "{}\n{}",
        ticket["subject"], ticket["description"]
    ));
}

#[tokio::test]
async fn a_long_title_is_cut_at_255_characters_and_no_message_forges_a_turn() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .respond_with(created(43))
        .mount(&server)
        .await;
    note_ok(&server, 43, 1).await;
    deliver(&freshdesk(&server), &long_and_forged(Priority::High), 1)
        .await
        .unwrap();
    let ticket = &bodies(&server, "POST", "/api/v2/tickets").await[0];
    assert_title_cut_at(ticket["subject"].as_str().unwrap(), 255);
    let note = &bodies(&server, "POST", "/api/v2/tickets/43/notes").await[0];
    assert_no_forged_turns(&html_text(note["body"].as_str().unwrap()));
}

#[tokio::test]
async fn a_requester_without_email_is_found_by_external_id() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .and(body_partial_json(json!({"unique_external_id": "u-42"})))
        .respond_with(created(44))
        .expect(1)
        .mount(&server)
        .await;
    note_ok(&server, 44, 1).await;
    deliver(&freshdesk(&server), &without_email(Priority::Low), 1)
        .await
        .unwrap();
    let sent = &bodies(&server, "POST", "/api/v2/tickets").await[0];
    assert!(sent.get("email").is_none(), "{sent}");
}

#[tokio::test]
async fn a_requester_with_a_phone_alone_is_found_by_it() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .and(body_partial_json(
            json!({"phone": "+15550100", "name": "Dana Scully"}),
        ))
        .respond_with(created(45))
        .expect(1)
        .mount(&server)
        .await;
    note_ok(&server, 45, 1).await;
    let mut handoff = without_email(Priority::Low);
    handoff.requester.external_id = None;
    deliver(&freshdesk(&server), &handoff, 1).await.unwrap();
}

#[tokio::test]
async fn priorities_map_to_freshdesks_numbers_or_the_connections_own() {
    for (priority, expected) in [
        (Priority::Low, 1),
        (Priority::Medium, 2),
        (Priority::High, 3),
    ] {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/api/v2/tickets"))
            .and(body_partial_json(json!({"priority": expected})))
            .respond_with(created(1))
            .expect(1)
            .mount(&server)
            .await;
        note_ok(&server, 1, 1).await;
        deliver_first(&freshdesk(&server), priority).await.unwrap();
    }
    let server = MockServer::start().await;
    let mut connection = freshdesk(&server);
    connection.priorities.insert(Priority::Urgent, "3".into());
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .and(body_partial_json(json!({"priority": 3})))
        .respond_with(created(2))
        .expect(1)
        .mount(&server)
        .await;
    note_ok(&server, 2, 1).await;
    deliver_first(&connection, Priority::Urgent).await.unwrap();
}

#[tokio::test]
async fn a_priority_freshdesk_cannot_take_stops_before_any_call() {
    let server = MockServer::start().await;
    let mut connection = freshdesk(&server);
    connection
        .priorities
        .insert(Priority::Urgent, "Critical".into());
    let failure = deliver_first(&connection, Priority::Urgent)
        .await
        .unwrap_err();
    assert!(failure.permanent);
    assert!(failure.error.contains("'Critical'"), "{}", failure.error);
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn error_answers_are_permanent_with_freshdesks_message_and_sent_once() {
    let cases = [
        (
            400,
            json!({"description": "Validation failed", "errors": [
                {"field": "email", "message": "It should be a valid email address", "code": "invalid_value"},
                {"field": "cf_order_id", "message": "Unexpected/invalid field in request", "code": "invalid_field"}]}),
            "Validation failed (email: It should be a valid email address; cf_order_id: \
             Unexpected/invalid field in request)",
        ),
        (
            401,
            json!({"code": "invalid_credentials", "message": "You have to be logged in to perform this action."}),
            "You have to be logged in to perform this action.",
        ),
        (
            403,
            json!({"code": "access_denied", "message": "You are not authorized to perform this action."}),
            "You are not authorized to perform this action.",
        ),
        (
            404,
            json!({"code": "not_found", "message": "The requested resource could not be found"}),
            "could not be found",
        ),
        (
            422,
            json!({"description": "Validation failed", "errors": [
                {"field": "priority", "message": "It should be one of these values: '1,2,3,4'", "code": "invalid_value"}]}),
            "priority: It should be one of these values",
        ),
    ];
    for (status, body, said) in cases {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/api/v2/tickets"))
            .respond_with(ResponseTemplate::new(status).set_body_json(body))
            .expect(1)
            .mount(&server)
            .await;
        let failure = deliver_first(&freshdesk(&server), Priority::High)
            .await
            .unwrap_err();
        assert!(failure.permanent, "{status}");
        assert_eq!(failure.retry_after, None);
        assert!(failure.error.contains(said), "{status}: {}", failure.error);
        assert!(secret_free(&failure.error, &[API_KEY, WEBHOOK_TOKEN]));
    }
}

#[tokio::test]
async fn a_rate_limit_is_transient_with_the_wait_freshdesk_asks() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("retry-after", "23")
                .insert_header("x-ratelimit-total", "200")
                .insert_header("x-ratelimit-remaining", "0")
                .insert_header("x-ratelimit-used-currentrequest", "1")
                .set_body_json(
                    json!({"message": "You have exceeded the limit of requests per minute"}),
                ),
        )
        .expect(1)
        .mount(&server)
        .await;
    let failure = deliver_first(&freshdesk(&server), Priority::High)
        .await
        .unwrap_err();
    assert!(!failure.permanent);
    assert_eq!(failure.retry_after, Some(Duration::from_secs(23)));
    assert!(
        failure.error.contains("exceeded the limit"),
        "{}",
        failure.error
    );
}

#[tokio::test]
async fn a_lost_answer_is_found_among_the_requesters_tickets_by_the_handoff_tag() {
    let server = MockServer::start().await;
    no_search(&server).await;
    // The create succeeds on Freshdesk's side, but its answer never arrives.
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .respond_with(created(77).set_delay(Duration::from_secs(5)))
        .expect(1)
        .mount(&server)
        .await;
    // Listed at once (the search index would not show it for minutes).
    listed(
        &server,
        json!([{"id": 80, "tags": ["deskctl", "desk-hof_0"]},
               {"id": 77, "tags": ["deskctl", "desk-hof_1"]}]),
    )
    .await;
    conversations(&server, 77, json!([])).await;
    note_ok(&server, 77, 1).await;
    let connection = freshdesk(&server);
    let http = Http::default();
    let ticket = escalation(Priority::High);
    let mut second = lose_answer(&server, &connection, &ticket, "POST", "/api/v2/tickets").await;
    let delivered = connectors::deliver(&http, &connection, &ticket, &mut second)
        .await
        .unwrap();
    assert_eq!(delivered.id, "77");
}

#[tokio::test]
async fn a_requester_known_by_external_id_is_looked_up_as_a_contact_first() {
    let server = MockServer::start().await;
    no_search(&server).await;
    Mock::given(method("GET"))
        .and(path("/api/v2/contacts"))
        .and(query_param("unique_external_id", "u-42"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([{"id": 5001}])))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v2/tickets"))
        .and(query_param("requester_id", "5001"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!([{"id": 91, "tags": ["desk-hof_1"]}])),
        )
        .expect(1)
        .mount(&server)
        .await;
    conversations(&server, 91, json!([])).await;
    note_ok(&server, 91, 1).await;
    let delivered = deliver(&freshdesk(&server), &without_email(Priority::High), 2)
        .await
        .unwrap();
    assert_eq!(delivered.id, "91");
    assert!(bodies(&server, "POST", "/api/v2/tickets").await.is_empty());
}

#[tokio::test]
async fn a_contact_look_up_that_cannot_be_read_is_tried_again_not_taken_for_no_ticket() {
    let truncated = ResponseTemplate::new(200).set_body_string(r#"[{"id": 50"#);
    for unreadable in [html_page(), truncated] {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/api/v2/contacts"))
            .and(query_param("unique_external_id", "u-42"))
            .respond_with(unreadable)
            .expect(1)
            .mount(&server)
            .await;
        Mock::given(method("POST"))
            .and(path("/api/v2/tickets"))
            .respond_with(created(92))
            .expect(0)
            .mount(&server)
            .await;
        let failure = deliver(&freshdesk(&server), &without_email(Priority::High), 2)
            .await
            .unwrap_err();
        assert_unreadable_and_tried_again(&failure, "Freshdesk");
    }
}

#[tokio::test]
async fn a_conversation_list_that_cannot_be_read_is_tried_again_not_taken_for_no_note() {
    let truncated = ResponseTemplate::new(200).set_body_string(r#"[{"id": 1, "priv"#);
    for unreadable in [html_page(), truncated] {
        let server = MockServer::start().await;
        listed(&server, json!([{"id": 12, "tags": ["desk-hof_1"]}])).await;
        Mock::given(method("GET"))
            .and(path("/api/v2/tickets/12/conversations"))
            .respond_with(unreadable)
            .expect(1)
            .mount(&server)
            .await;
        note_ok(&server, 12, 0).await;
        let failure = deliver(&freshdesk(&server), &escalation(Priority::High), 2)
            .await
            .unwrap_err();
        assert_unreadable_and_tried_again(&failure, "Freshdesk");
    }
}

#[tokio::test]
async fn a_retry_after_a_refused_create_creates_without_looking() {
    let server = MockServer::start().await;
    no_search(&server).await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "1"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .respond_with(created(79))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v2/tickets"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .expect(0)
        .mount(&server)
        .await;
    conversations(&server, 79, json!([])).await;
    note_ok(&server, 79, 1).await;
    let connection = freshdesk(&server);
    let http = Http::default();
    let ticket = escalation(Priority::High);
    let mut first = Progress::resume(None, 1);
    let failure = connectors::deliver(&http, &connection, &ticket, &mut first)
        .await
        .unwrap_err();
    assert!(!failure.permanent);
    let mut second = Progress::resume(Some(&first.to_json()), 2);
    let delivered = connectors::deliver(&http, &connection, &ticket, &mut second)
        .await
        .unwrap();
    assert_eq!(delivered.id, "79");
}

#[tokio::test]
async fn a_retry_that_finds_nothing_creates_the_ticket() {
    let server = MockServer::start().await;
    listed(
        &server,
        json!([{"id": 80, "tags": ["deskctl", "desk-hof_0"]}]),
    )
    .await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .respond_with(created(78))
        .expect(1)
        .mount(&server)
        .await;
    conversations(&server, 78, json!([])).await;
    note_ok(&server, 78, 1).await;
    let delivered = deliver(&freshdesk(&server), &escalation(Priority::High), 2)
        .await
        .unwrap();
    assert_eq!(delivered.id, "78");
}

#[tokio::test]
async fn a_note_whose_answer_was_lost_is_not_added_twice() {
    let server = MockServer::start().await;
    listed(&server, json!([{"id": 12, "tags": ["desk-hof_1"]}])).await;
    let note = escalation(Priority::High).agent_note();
    conversations(
        &server,
        12,
        json!([{"id": 1, "private": true, "body_text": note, "body": "<p>…</p>"}]),
    )
    .await;
    note_ok(&server, 12, 0).await;
    let delivered = deliver(&freshdesk(&server), &escalation(Priority::High), 2)
        .await
        .unwrap();
    assert_eq!(delivered.id, "12");
}

#[tokio::test]
async fn a_failed_note_is_added_on_the_next_attempt_without_a_second_ticket() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .respond_with(created(9))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets/9/notes"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    conversations(&server, 9, json!([])).await;
    let connection = freshdesk(&server);
    let http = Http::default();
    let ticket = escalation(Priority::High);
    let mut progress = Progress::resume(None, 1);
    let failure = connectors::deliver(&http, &connection, &ticket, &mut progress)
        .await
        .unwrap_err();
    assert!(!failure.permanent);
    note_ok(&server, 9, 1).await;
    let mut again = Progress::resume(Some(&progress.to_json()), 2);
    assert_eq!(
        connectors::deliver(&http, &connection, &ticket, &mut again)
            .await
            .unwrap()
            .id,
        "9"
    );
}

async fn test_with(status: u16, body: serde_json::Value) -> Vec<deskctl::api::TestCheck> {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/agents/me"))
        .and(header("authorization", basic().as_str()))
        .respond_with(ResponseTemplate::new(status).set_body_json(body))
        .expect(1)
        .mount(&server)
        .await;
    connectors::test(&Http::default(), &freshdesk(&server)).await
}

#[tokio::test]
async fn the_connection_test_says_exactly_what_is_wrong() {
    let ok = test_with(
        200,
        json!({"id": 1, "contact": {"name": "Ann Agent", "email": "ann@acme.example"}}),
    )
    .await;
    assert_eq!(ok[0].outcome, CheckOutcome::Ok, "{ok:?}");
    assert!(ok[0].message.contains("ann@acme.example"), "{ok:?}");
    let cases = [
        (
            401,
            json!({"code": "invalid_credentials", "message": "You have to be logged in to perform this action."}),
            "refused the API key",
        ),
        (
            403,
            json!({"code": "access_denied", "message": "You are not authorized to perform this action."}),
            "may not use the API",
        ),
        (404, json!({}), "no Freshdesk helpdesk"),
    ];
    for (status, body, said) in cases {
        let checks = test_with(status, body).await;
        assert_eq!(checks[0].outcome, CheckOutcome::Failed, "{status} {said}");
        assert!(checks[0].message.contains(said), "{}", checks[0].message);
        assert!(secret_free(&checks[0].message, &[API_KEY]));
    }
    let mut down = freshdesk(&MockServer::start().await);
    down.base_url = Some("http://127.0.0.1:9".into());
    let checks = connectors::test(&Http::default(), &down).await;
    assert_eq!(checks[0].check, "reachable");
    assert_eq!(checks[0].outcome, CheckOutcome::Failed);
}

fn authorization(value: &str) -> http::HeaderMap {
    let mut headers = http::HeaderMap::new();
    headers.insert("authorization", value.parse().unwrap());
    headers
}

#[tokio::test]
async fn webhooks_carry_the_token_the_rule_was_given() {
    let connection = freshdesk(&MockServer::start().await);
    let body = r#"{"ticket_id":43,"status":"Resolved","agent":"ann@acme.example","updated_at":"2027-01-15T09:00:00Z"}"#;
    let receive = |headers: &http::HeaderMap, body: &str| {
        connectors::receive(
            &connection,
            &InboundWebhook {
                headers,
                query: None,
                body: body.as_bytes(),
            },
            jiff::Timestamp::now(),
        )
    };
    // A custom Authorization header, and the rule's basic-auth password.
    let (verified, events) = receive(&authorization(WEBHOOK_TOKEN), body).unwrap();
    assert_eq!(events[0].id, "43");
    assert_eq!(events[0].status, ExternalStatus::Resolved);
    let rule_basic = format!("Basic {}", BASE64.encode(format!("desk:{WEBHOOK_TOKEN}")));
    let (again, _) = receive(&authorization(&rule_basic), body).unwrap();
    // The same event twice is the same replay key; another event is not.
    assert_eq!(verified.replay_key, again.replay_key);
    // No time window of its own: the receipt is kept for good.
    assert_eq!(verified.forget_before, None);
    let later = body.replace("09:00", "09:05");
    assert_ne!(
        receive(&authorization(WEBHOOK_TOKEN), &later)
            .unwrap()
            .0
            .replay_key,
        verified.replay_key
    );
    assert!(!verified.replay_key.contains(WEBHOOK_TOKEN));
    for refused in [
        authorization("fd-hook-9tT3"),
        authorization(&format!("Basic {}", BASE64.encode("desk:wrong"))),
        authorization(&basic()),
        http::HeaderMap::new(),
    ] {
        match receive(&refused, body) {
            Err(WebhookError::Unauthenticated(why)) => {
                assert!(secret_free(&why, &[WEBHOOK_TOKEN, API_KEY]), "{why}")
            }
            other => panic!("{other:?}"),
        }
    }
    // A connection without a webhook token takes no webhooks at all.
    let mut unset = connection.clone();
    unset.secrets.remove("webhook-token");
    assert!(matches!(
        connectors::receive(
            &unset,
            &InboundWebhook {
                headers: &authorization(WEBHOOK_TOKEN),
                query: None,
                body: body.as_bytes(),
            },
            jiff::Timestamp::now(),
        ),
        Err(WebhookError::Unauthenticated(_))
    ));
}

// End to end: the real binary on a local desk, against the fake.

const ENV: common::integrations::Secrets =
    &[("FD_API_KEY", API_KEY), ("FD_WEBHOOK_TOKEN", WEBHOOK_TOKEN)];

/// A fake Freshdesk whose key works and whose notes are taken.
async fn freshdesk_ok() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/agents/me"))
        .and(header("authorization", basic().as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"id": 1, "contact": {"name": "Ann Agent", "email": "ann@acme.example"}}),
        ))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets/43/notes"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"id": 9001})))
        .mount(&server)
        .await;
    server
}

/// A desk whose agent `shop` sends its tickets to the fake Freshdesk.
fn connected(base: &str) -> common::Desk {
    let desk = common::integrations::desk_with_agent();
    let text = common::integrations::run_ok(
        &desk,
        ENV,
        &[
            "integrations",
            "connect",
            "freshdesk",
            "--set",
            "domain=acme",
            "--secret",
            "api-key=env:FD_API_KEY",
            "--secret",
            "webhook-token=env:FD_WEBHOOK_TOKEN",
            "--base-url",
            base,
        ],
    );
    assert!(text.contains("works"), "{text}");
    let tested = common::integrations::run_ok(&desk, ENV, &["integrations", "test", "freshdesk"]);
    assert!(tested.contains("ann@acme.example"), "{tested}");
    desk.run(&["actions", "set", "shop", "--platform", "freshdesk"]);
    desk
}

async fn ticket_posts(server: &MockServer) -> Vec<serde_json::Value> {
    common::integrations::posted(server, "/api/v2/tickets").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cli_a_production_handoff_arrives_before_the_command_returns() {
    let server = freshdesk_ok().await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .and(header("authorization", basic().as_str()))
        .respond_with(created(43))
        .expect(1)
        .mount(&server)
        .await;
    let desk = connected(&server.uri());
    let sent = common::integrations::send(&desk, ENV, "one");
    assert_eq!(sent["outcome"], "external");
    let id = sent["id"].as_str().unwrap();
    let body = &ticket_posts(&server).await[0];
    assert_eq!(body["priority"], 3);
    assert_eq!(body["source"], 7);
    assert_eq!(body["email"], "dana@example.com");
    assert_eq!(body["tags"][1], format!("desk-{id}"));
    let shown = common::integrations::show(&desk, id);
    assert_eq!(shown["external"]["kind"], "freshdesk");
    assert_eq!(shown["external"]["id"], "43");
    assert_eq!(shown["external"]["status"], "created", "{shown}");
    let list = common::integrations::run_ok(&desk, ENV, &["integrations", "list"]);
    assert!(
        list.contains("freshdesk") && list.contains("connected"),
        "{list}"
    );
    let detail = common::integrations::run_ok(&desk, ENV, &["integrations", "show", "freshdesk"]);
    assert!(
        detail.contains("/v1/integrations/freshdesk/webhook"),
        "{detail}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cli_a_rate_limited_delivery_waits_as_told_and_arrives_once() {
    let server = freshdesk_ok().await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("retry-after", "1")
                .insert_header("x-ratelimit-remaining", "0"),
        )
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .respond_with(created(43))
        .mount(&server)
        .await;
    let desk = connected(&server.uri());
    let started = std::time::Instant::now();
    let sent = common::integrations::send(&desk, ENV, "limited");
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "it waited as told"
    );
    let posts = ticket_posts(&server).await;
    assert_eq!(posts.len(), 2, "one refused, one accepted");
    assert_eq!(posts[0], posts[1]);
    let notes = server
        .received_requests()
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.url.path() == "/api/v2/tickets/43/notes")
        .count();
    assert_eq!(notes, 1);
    let shown = common::integrations::show(&desk, sent["id"].as_str().unwrap());
    assert_eq!(shown["external"]["status"], "created", "{shown}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cli_a_permanent_error_is_reported_and_not_retried() {
    let server = freshdesk_ok().await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({
            "description": "Validation failed",
            "errors": [{"field": "email", "message": "It should be a valid email address", "code": "invalid_value"}]
        })))
        .expect(1)
        .mount(&server)
        .await;
    let desk = connected(&server.uri());
    let sent = common::integrations::send(&desk, ENV, "invalid");
    // A later command delivers what is due: a dead delivery is not tried again.
    desk.run(&["operators", "availability", "bob", "online"]);
    let dead = common::integrations::run_ok(
        &desk,
        ENV,
        &["integrations", "deliveries", "freshdesk", "--state", "dead"],
    );
    assert!(
        dead.contains("It should be a valid email address"),
        "{dead}"
    );
    let shown = common::integrations::show(&desk, sent["id"].as_str().unwrap());
    assert_eq!(shown["external"]["status"], "failed", "{shown}");
    assert_eq!(ticket_posts(&server).await.len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cli_a_ticket_made_before_a_step_failed_for_good_is_still_named() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/agents/me"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"id": 1, "contact": {"name": "Ann Agent", "email": "ann@acme.example"}}),
        ))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .respond_with(created(43))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets/43/notes"))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({
            "description": "Validation failed",
            "errors": [{"field": "body", "message": "It is too long", "code": "invalid_value"}]
        })))
        .expect(1)
        .mount(&server)
        .await;
    let desk = connected(&server.uri());
    let sent = common::integrations::send(&desk, ENV, "half-made");
    let shown = common::integrations::show(&desk, sent["id"].as_str().unwrap());
    // The ticket exists on Freshdesk with the customer's words: the failed
    // handoff says which it is, so people can find it.
    assert_eq!(shown["external"]["status"], "failed", "{shown}");
    assert_eq!(shown["external"]["id"], "43", "{shown}");
    assert_eq!(
        shown["external"]["url"],
        format!("{}/a/tickets/43", server.uri()),
        "{shown}"
    );
    assert!(
        shown["external"]["outcome"]["error"]
            .as_str()
            .unwrap()
            .contains("It is too long"),
        "{shown}"
    );
    let text = desk.run(&["handoff", "show", sent["id"].as_str().unwrap()]);
    assert!(text.contains("Freshdesk #43: failed since"), "{text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cli_webhooks_with_the_token_move_the_handoff_under_serve() {
    let server = freshdesk_ok().await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .respond_with(created(43))
        .mount(&server)
        .await;
    let desk = connected(&server.uri());
    let id = common::integrations::send(&desk, ENV, "hooked")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let serve = desk.serve();
    let post = |body: &str, authorization: Option<&str>| {
        let mut headers = vec![("Content-Type", "application/json")];
        if let Some(value) = authorization {
            headers.push(("Authorization", value));
        }
        serve.raw(
            "POST",
            "/v1/integrations/freshdesk/webhook",
            &headers,
            body.as_bytes(),
        )
    };
    let body = r#"{"ticket_id":43,"status":"Resolved","agent":"ann@acme.example","updated_at":"2027-01-15T09:00:00Z"}"#;
    assert_eq!(post(body, Some("not-the-token")).status, 401);
    assert_eq!(post(body, None).status, 401);
    assert_eq!(
        common::integrations::show(&desk, &id)["external"]["status"],
        "created"
    );
    let accepted = post(body, Some(WEBHOOK_TOKEN));
    assert_eq!(accepted.status, 200, "{}", accepted.body);
    assert_eq!(accepted.json()["updated"], json!([id]));
    assert_eq!(
        common::integrations::show(&desk, &id)["external"]["status"],
        "resolved"
    );
    common::integrations::assert_replay(&post(body, Some(WEBHOOK_TOKEN)), "a replay");
    // The same event in other bytes is still the same event.
    for variant in [
        format!("{body} "),
        format!("\n{body}\n"),
        r#"{ "updated_at": "2027-01-15T09:00:00Z", "agent": "ann@acme.example",
             "status": "Resolved", "ticket_id": "43" }"#
            .to_string(),
        r#"{"freshdesk_webhook":{"ticket_id":43,"status":"Closed","updated_at":" 2027-01-15T09:00:00Z"}}"#
            .to_string(),
    ] {
        common::integrations::assert_replay(&post(&variant, Some(WEBHOOK_TOKEN)), &variant);
    }
    // A later change of the same ticket is a new event.
    let reopened = r#"{"ticket_id":43,"status":"Open","agent":"ann@acme.example","updated_at":"2027-01-15T10:00:00Z"}"#;
    let accepted = post(reopened, Some(WEBHOOK_TOKEN));
    assert_eq!(accepted.status, 200, "{}", accepted.body);
    let log = serve.log();
    assert!(
        !log.contains(WEBHOOK_TOKEN) && !log.contains(API_KEY),
        "{log}"
    );
}

/// `handoff send` from `shop`, as the user runs it; (success, stdout + stderr).
fn send_as_user(desk: &common::Desk, args: &[&str]) -> (bool, String) {
    let handoff = json!({
        "agent": "shop",
        "environment": "production",
        "channel": "web",
        "requester": {"name": "Dana Reyes", "email": "dana@example.com"},
        "transcript": [{"role": "customer", "text": "Please get me a person."}],
        "reason": "explicit-request"
    });
    let file = desk.dir.path().join("handoff.json");
    std::fs::write(&file, handoff.to_string()).unwrap();
    let mut all = vec!["handoff", "send", "-f", file.to_str().unwrap()];
    all.extend_from_slice(args);
    common::integrations::run(desk, ENV, &all)
}

/// Sets the delivery webhook to `hook`'s `/desk/events`, which answers 204.
async fn delivery_webhook(desk: &common::Desk, hook: &MockServer) {
    Mock::given(method("POST"))
        .and(path("/desk/events"))
        .respond_with(ResponseTemplate::new(204))
        .mount(hook)
        .await;
    desk.cmd()
        .args([
            "delivery",
            "set",
            "--url",
            &format!("{}/desk/events", hook.uri()),
            "--secret-stdin",
        ])
        .write_stdin("whsec-0123456789abcdef\n")
        .assert()
        .success();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cli_the_ai_agent_learns_that_its_handoff_was_delivered() {
    let server = freshdesk_ok().await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .respond_with(created(43))
        .expect(1)
        .mount(&server)
        .await;
    let hook = MockServer::start().await;
    let desk = connected(&server.uri());
    delivery_webhook(&desk, &hook).await;
    let (ok, text) = send_as_user(&desk, &["-o", "json"]);
    assert!(ok, "{text}");
    let sent =
        common::integrations::parse(&text[text.find('{').unwrap()..=text.rfind('}').unwrap()]);
    assert_eq!(sent["external"]["outcome"]["state"], "delivered", "{sent}");
    assert_eq!(sent["external"]["outcome"]["attempts"], 1);
    assert_eq!(sent["external"]["id"], "43");
    let id = sent["id"].as_str().unwrap();

    let events = common::integrations::posted(&hook, "/desk/events").await;
    let event = events
        .iter()
        .find(|e| e["handoff"] == id)
        .unwrap_or_else(|| panic!("no event for {id}: {events:?}"));
    assert_eq!(event["type"], "handoff-delivered");
    assert_eq!(event["platform"], "freshdesk");
    assert_eq!(event["external_id"], "43");
    assert_eq!(event["requester"]["email"], "dana@example.com");

    // Over HTTP a manager reads the outcome. (An ingest token reads only the
    // handoffs it sent, and this one the desk's owner sent: not found.)
    let ingest = desk.run(&["tokens", "create", "--ingest", "--name", "ai"]);
    let token = desk.token("alice");
    let server = desk.serve();
    let response = server.raw(
        "GET",
        &format!("/v1/handoffs/{id}"),
        &[("Authorization", &format!("Bearer {}", ingest.trim()))],
        b"",
    );
    assert_eq!(response.status, 404, "{}", response.body);
    let response = server.raw(
        "GET",
        &format!("/v1/handoffs/{id}?wait=1"),
        &[("Authorization", &format!("Bearer {}", token.trim()))],
        b"",
    );
    assert_eq!(response.status, 200, "{}", response.body);
    assert_eq!(response.json()["external"]["outcome"]["state"], "delivered");
    let response = server.raw(
        "GET",
        &format!("/v1/handoffs/{id}?wait=99"),
        &[("Authorization", &format!("Bearer {}", token.trim()))],
        b"",
    );
    assert_eq!(response.status, 422, "{}", response.body);
    assert!(response.body.contains("wait"), "{}", response.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cli_a_failed_delivery_exits_1_with_its_reason_and_tells_the_ai_agent() {
    let server = freshdesk_ok().await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({
            "description": "Validation failed",
            "errors": [{"field": "group_id", "message": "There is no group matching the given group_id", "code": "invalid_value"}]
        })))
        .mount(&server)
        .await;
    let hook = MockServer::start().await;
    let desk = connected(&server.uri());
    delivery_webhook(&desk, &hook).await;
    let (ok, text) = send_as_user(&desk, &[]);
    assert!(!ok, "a failed delivery must not look like success:\n{text}");
    assert!(text.contains("its delivery failed"), "{text}");
    assert!(text.contains("deskctl integrations retry"), "{text}");

    let listed = common::integrations::parse(&desk.run(&["handoff", "list", "-o", "json"]));
    let id = listed[0]["id"].as_str().unwrap().to_string();
    let shown = common::integrations::show(&desk, &id);
    let outcome = &shown["external"]["outcome"];
    assert_eq!(outcome["state"], "failed", "{shown}");
    assert_eq!(shown["external"]["status"], "failed");
    assert!(
        outcome["error"].as_str().unwrap().contains("400"),
        "{outcome}"
    );
    let detail = desk.run(&["handoff", "show", &id]);
    assert!(detail.contains("failed after 1 attempt"), "{detail}");

    let events = common::integrations::posted(&hook, "/desk/events").await;
    let event = events
        .iter()
        .find(|e| e["handoff"] == id.as_str())
        .unwrap_or_else(|| panic!("no event for {id}: {events:?}"));
    assert_eq!(event["type"], "handoff-failed");
    assert!(event["error"].as_str().unwrap().contains("400"), "{event}");

    // Without waiting, the answer is queued and the command succeeds.
    let (ok, text) = send_as_user(&desk, &["--no-wait", "-o", "json"]);
    assert!(ok, "{text}");
    assert!(text.contains("\"state\": \"queued\""), "{text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cli_an_action_is_not_pointed_at_an_integration_whose_test_failed_unless_forced() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/agents/me"))
        .respond_with(ResponseTemplate::new(401).set_body_json(json!({"code": "invalid_credentials", "message": "You have to be logged in to perform this action."})))
        .mount(&server)
        .await;
    let desk = common::integrations::desk_with_agent();
    let base = server.uri();
    common::integrations::run(
        &desk,
        ENV,
        &[
            "integrations",
            "connect",
            "freshdesk",
            "--set",
            "domain=acme",
            "--secret",
            "api-key=env:FD_API_KEY",
            "--secret",
            "webhook-token=env:FD_WEBHOOK_TOKEN",
            "--base-url",
            &base,
        ],
    );
    let output = desk
        .cmd()
        .args(["actions", "set", "shop", "--platform", "freshdesk"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(6), "{stderr}");
    assert!(
        stderr.contains("the last test of the freshdesk integration failed"),
        "{stderr}"
    );
    assert!(stderr.contains("--force"), "{stderr}");
    let action = common::integrations::parse(&desk.run(&["actions", "show", "shop", "-o", "json"]));
    assert_eq!(action["platform"], "inbox", "nothing changed: {action}");

    desk.run(&[
        "actions",
        "set",
        "shop",
        "--platform",
        "freshdesk",
        "--force",
    ]);
    let action = common::integrations::parse(&desk.run(&["actions", "show", "shop", "-o", "json"]));
    assert_eq!(action["platform"], "freshdesk");
    // Already pointed there: other changes need no force.
    desk.run(&["actions", "set", "shop", "--message-threshold", "2"]);
}
