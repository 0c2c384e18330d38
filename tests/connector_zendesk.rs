//! The Zendesk connector against a fake Zendesk that answers as its API
//! documents (../shared/reference/platform-apis.md §2): what is sent (checked
//! against Zendesk's own API description), who sees what, how answers are
//! read, and that a lost answer never makes a second ticket or note.

use crate::common;

use std::time::Duration;

use common::connectors::{
    LAST_WORDS, Spec, assert_agents_see_the_whole_handoff, assert_customer_sees_no_agent_material,
    assert_no_forged_turns, assert_title_cut_at, assert_unreadable_and_tried_again, bodies,
    connection, deliver, deliver_first, escalation, html_page, long_and_forged, lose_answer,
    secret_free, without_email,
};
use deskctl::api::{CheckOutcome, ExternalStatus, IntegrationKind, Priority, Requester};
use deskctl::server::connectors::signing::hmac_sha256_base64;
use deskctl::server::connectors::{self, Http, InboundWebhook, Progress, WebhookError};
use serde_json::json;
use wiremock::matchers::{body_partial_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const TOKEN: &str = "zd-token-6wiI";
const SIGNING: &str = "zd-signing-secret";
/// The requester's Zendesk user, as the fake's create_or_update answers.
const USER: u64 = 501;

fn zendesk(server: &MockServer) -> connectors::Connection {
    connection(
        IntegrationKind::Zendesk,
        &[("subdomain", "acme"), ("email", "admin@acme.example")],
        &[("api-token", TOKEN), ("webhook-secret", SIGNING)],
        &server.uri(),
    )
}

/// `Basic base64("admin@acme.example/token:zd-token-6wiI")`.
fn basic() -> String {
    use base64::Engine;
    let raw = format!("admin@acme.example/token:{TOKEN}");
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(raw)
    )
}

fn created(id: u64) -> ResponseTemplate {
    ResponseTemplate::new(201).set_body_json(json!({
        "ticket": {"id": id, "status": "new", "external_id": "hof_1"},
        "audit": {"id": 1}
    }))
}

/// `POST /users/create_or_update`: the requester's user, found or made.
async fn user_ok(server: &MockServer) {
    Mock::given(method("POST"))
        .and(path("/api/v2/users/create_or_update"))
        .and(header("authorization", basic().as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"user": {"id": USER, "role": "end-user", "external_id": "u-42"}}),
        ))
        .mount(server)
        .await;
}

async fn note_ok(server: &MockServer, id: u64, times: u64) {
    Mock::given(method("PUT"))
        .and(path(format!("/api/v2/tickets/{id}")))
        .and(header("authorization", basic().as_str()))
        .and(body_partial_json(
            json!({"ticket": {"comment": {"public": false}}}),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"ticket": {"id": id}})))
        .expect(times)
        .mount(server)
        .await;
}

/// `GET /tickets?external_id=hof_1`: ticket `id`, made by an earlier attempt.
async fn made_before(server: &MockServer, id: u64) {
    Mock::given(method("GET"))
        .and(path("/api/v2/tickets"))
        .and(query_param("external_id", "hof_1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"tickets": [{"id": id}]})))
        .mount(server)
        .await;
}

/// `GET /tickets/{id}/comments`: the ticket's comments so far.
async fn comments(server: &MockServer, id: u64, listed: serde_json::Value) {
    Mock::given(method("GET"))
        .and(path(format!("/api/v2/tickets/{id}/comments")))
        .and(header("authorization", basic().as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"comments": listed})))
        .mount(server)
        .await;
}

#[tokio::test]
async fn the_whole_handoff_reaches_agents_and_the_customer_sees_only_their_words() {
    let server = MockServer::start().await;
    let mut connection = zendesk(&server);
    for (key, id) in [
        ("order-id", "360001234"),
        ("loyalty-tier", "360005678"),
        ("desk.team", "360009999"),
    ] {
        connection.fields.insert(key.into(), id.into());
    }
    user_ok(&server).await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .and(header("authorization", basic().as_str()))
        .and(header("content-type", "application/json"))
        .respond_with(created(35436))
        .expect(1)
        .mount(&server)
        .await;
    note_ok(&server, 35436, 1).await;
    let delivered = deliver_first(&connection, Priority::Urgent).await.unwrap();
    assert_eq!(delivered.id, "35436");
    assert_eq!(
        delivered.url.as_deref(),
        Some(format!("{}/agent/tickets/35436", server.uri()).as_str())
    );

    let spec = Spec::load("zendesk-support.yaml");
    let user = &bodies(&server, "POST", "/api/v2/users/create_or_update").await[0];
    spec.check_schema("UserRequest", user);
    assert_eq!(
        user["user"],
        json!({"name": "Dana Scully", "email": "dana@example.com", "external_id": "u-42",
               "phone": "+15550100"})
    );
    let ticket = &bodies(&server, "POST", "/api/v2/tickets").await[0];
    spec.check_schema("TicketCreateRequest", ticket);
    let ticket = &ticket["ticket"];
    assert_eq!(ticket["requester_id"], USER);
    assert_eq!(ticket["external_id"], "hof_1");
    assert_eq!(ticket["priority"], "urgent");
    assert_eq!(
        ticket["comment"],
        json!({"body": LAST_WORDS, "public": true, "author_id": USER})
    );
    let mut fields = ticket["custom_fields"].as_array().unwrap().clone();
    fields.sort_by_key(|field| field["id"].as_u64());
    assert_eq!(
        fields,
        [
            json!({"id": 360001234u64, "value": "123"}),
            json!({"id": 360005678u64, "value": "gold"}),
            json!({"id": 360009999u64, "value": "billing"}),
        ]
    );
    let tags: Vec<&str> = ticket["tags"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t.as_str())
        .collect();
    assert_eq!(
        tags,
        ["deskctl", "agent-shop-assistant", "desk-team-billing"]
    );

    let note = &bodies(&server, "PUT", "/api/v2/tickets/35436").await[0];
    spec.check_schema("TicketCommentObject", &note["ticket"]["comment"]);
    assert_eq!(note["ticket"]["comment"]["public"], false);
    assert_agents_see_the_whole_handoff(
        note["ticket"]["comment"]["body"].as_str().unwrap(),
        Priority::Urgent,
    );
    let public = format!("{}\n{}", ticket["subject"], ticket["comment"]["body"]);
    assert_customer_sees_no_agent_material(&public);
}

#[tokio::test]
async fn a_long_subject_is_cut_at_150_characters_and_no_message_forges_a_turn() {
    let server = MockServer::start().await;
    user_ok(&server).await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .respond_with(created(35436))
        .mount(&server)
        .await;
    note_ok(&server, 35436, 1).await;
    deliver(&zendesk(&server), &long_and_forged(Priority::High), 1)
        .await
        .unwrap();
    let ticket = &bodies(&server, "POST", "/api/v2/tickets").await[0];
    Spec::load("zendesk-support.yaml").check_schema("TicketCreateRequest", ticket);
    assert_title_cut_at(ticket["ticket"]["subject"].as_str().unwrap(), 150);
    let note = &bodies(&server, "PUT", "/api/v2/tickets/35436").await[0];
    assert_no_forged_turns(note["ticket"]["comment"]["body"].as_str().unwrap());
}

#[tokio::test]
async fn a_customer_without_an_email_is_tied_to_their_user_by_external_id() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/v2/users/create_or_update"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"user": {"id": 88}})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .and(body_partial_json(json!({"ticket": {"requester_id": 88}})))
        .respond_with(created(5))
        .expect(1)
        .mount(&server)
        .await;
    note_ok(&server, 5, 1).await;
    deliver(&zendesk(&server), &without_email(Priority::High), 1)
        .await
        .unwrap();
    let user = &bodies(&server, "POST", "/api/v2/users/create_or_update").await[0];
    assert_eq!(
        user["user"],
        json!({"name": "Dana Scully", "external_id": "u-42", "phone": "+15550100"})
    );
}

#[tokio::test]
async fn a_requester_known_by_name_alone_is_named_on_the_ticket() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .and(body_partial_json(
            json!({"ticket": {"requester": {"name": "Dana Scully"}}}),
        ))
        .respond_with(created(6))
        .expect(1)
        .mount(&server)
        .await;
    note_ok(&server, 6, 1).await;
    let mut handoff = escalation(Priority::High);
    handoff.requester = Requester {
        name: Some("Dana Scully".into()),
        ..Requester::default()
    };
    deliver(&zendesk(&server), &handoff, 1).await.unwrap();
    let ticket = &bodies(&server, "POST", "/api/v2/tickets").await[0];
    Spec::load("zendesk-support.yaml").check_schema("TicketCreateRequest", ticket);
    assert!(ticket["ticket"].get("requester_id").is_none());
    assert!(
        bodies(&server, "POST", "/api/v2/users/create_or_update")
            .await
            .is_empty(),
        "nothing to find a user by: none is looked up or made"
    );
}

#[tokio::test]
async fn priorities_map_to_zendesks_values_or_the_connections_own() {
    for (priority, expected) in [
        (Priority::Low, "low"),
        (Priority::Medium, "normal"),
        (Priority::High, "high"),
    ] {
        let server = MockServer::start().await;
        user_ok(&server).await;
        Mock::given(method("POST"))
            .and(path("/api/v2/tickets"))
            .and(body_partial_json(json!({"ticket": {"priority": expected}})))
            .respond_with(created(1))
            .expect(1)
            .mount(&server)
            .await;
        note_ok(&server, 1, 1).await;
        deliver_first(&zendesk(&server), priority).await.unwrap();
    }
    let server = MockServer::start().await;
    let mut connection = zendesk(&server);
    connection
        .priorities
        .insert(Priority::Urgent, "high".into());
    user_ok(&server).await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .and(body_partial_json(json!({"ticket": {"priority": "high"}})))
        .respond_with(created(2))
        .expect(1)
        .mount(&server)
        .await;
    note_ok(&server, 2, 1).await;
    deliver_first(&connection, Priority::Urgent).await.unwrap();
}

#[tokio::test]
async fn a_custom_field_named_by_anything_but_its_number_stops_before_any_ticket() {
    let server = MockServer::start().await;
    let mut connection = zendesk(&server);
    // A mapping stored before ids were checked when connecting.
    connection
        .fields
        .insert("order-id".into(), "cf_order".into());
    user_ok(&server).await;
    let failure = deliver_first(&connection, Priority::High)
        .await
        .unwrap_err();
    assert!(failure.permanent);
    assert!(
        failure
            .error
            .contains("'cf_order' is not a Zendesk custom field id")
    );
    assert!(bodies(&server, "POST", "/api/v2/tickets").await.is_empty());
}

#[tokio::test]
async fn error_answers_are_permanent_with_zendesks_message_and_sent_once() {
    let cases = [
        (
            400,
            json!({"error": "InvalidEndpoint", "description": "Bad request"}),
            "InvalidEndpoint: Bad request",
        ),
        (
            401,
            json!({"error": "Couldn't authenticate you"}),
            "Couldn't authenticate you",
        ),
        (
            403,
            json!({"error": "Forbidden", "description": "You do not have access to this page"}),
            "Forbidden: You do not have access",
        ),
        (
            404,
            json!({"error": "RecordNotFound", "description": "Not found"}),
            "RecordNotFound: Not found",
        ),
        (
            422,
            json!({"error": "RecordInvalid", "description": "Record validation errors",
            "details": {"requester": [{"description": "Requester: Email is invalid", "error": "InvalidValue"}]}}),
            "RecordInvalid: Record validation errors (Requester: Email is invalid)",
        ),
    ];
    for (status, body, said) in cases {
        let server = MockServer::start().await;
        user_ok(&server).await;
        Mock::given(method("POST"))
            .and(path("/api/v2/tickets"))
            .respond_with(ResponseTemplate::new(status).set_body_json(body))
            .expect(1)
            .mount(&server)
            .await;
        let failure = deliver_first(&zendesk(&server), Priority::High)
            .await
            .unwrap_err();
        assert!(failure.permanent, "{status}");
        assert_eq!(failure.retry_after, None);
        assert!(failure.error.contains(said), "{status}: {}", failure.error);
        assert!(secret_free(&failure.error, &[TOKEN, SIGNING]));
    }
}

#[tokio::test]
async fn a_rate_limit_is_transient_with_the_wait_zendesk_asks() {
    let server = MockServer::start().await;
    user_ok(&server).await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("retry-after", "17")
                .insert_header("content-type", "text/plain")
                .set_body_string("Number of allowed API requests per minute exceeded"),
        )
        .expect(1)
        .mount(&server)
        .await;
    let failure = deliver_first(&zendesk(&server), Priority::High)
        .await
        .unwrap_err();
    assert!(!failure.permanent);
    assert_eq!(failure.retry_after, Some(Duration::from_secs(17)));
    assert!(
        failure.error.contains("per minute exceeded"),
        "{}",
        failure.error
    );
}

#[tokio::test]
async fn a_lost_answer_is_found_by_external_id_instead_of_created_twice() {
    let server = MockServer::start().await;
    user_ok(&server).await;
    // The create succeeds on Zendesk's side, but its answer never arrives.
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .respond_with(created(77).set_delay(Duration::from_secs(5)))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v2/tickets"))
        .and(query_param("external_id", "hof_1"))
        .and(header("authorization", basic().as_str()))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(
                json!({"tickets": [{"id": 77, "external_id": "hof_1"}], "count": 1}),
            ),
        )
        .expect(1)
        .mount(&server)
        .await;
    comments(
        &server,
        77,
        json!([{"id": 1, "public": true, "body": LAST_WORDS}]),
    )
    .await;
    note_ok(&server, 77, 1).await;
    let connection = zendesk(&server);
    let http = Http::default();
    let ticket = escalation(Priority::High);
    let mut second = lose_answer(&server, &connection, &ticket, "POST", "/api/v2/tickets").await;
    let delivered = connectors::deliver(&http, &connection, &ticket, &mut second)
        .await
        .unwrap();
    assert_eq!(delivered.id, "77");
}

#[tokio::test]
async fn a_create_answered_with_an_unreadable_body_is_tried_again_and_found_not_made_twice() {
    for body in ["{not json", "", r#"{"ticket":{}}"#] {
        let server = MockServer::start().await;
        user_ok(&server).await;
        // Zendesk made the ticket, but its answer says nothing deskctl can read.
        Mock::given(method("POST"))
            .and(path("/api/v2/tickets"))
            .respond_with(ResponseTemplate::new(201).set_body_string(body))
            .expect(1)
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/api/v2/tickets"))
            .and(query_param("external_id", "hof_1"))
            .respond_with(ResponseTemplate::new(200).set_body_json(
                json!({"tickets": [{"id": 77, "external_id": "hof_1"}], "count": 1}),
            ))
            .expect(1)
            .mount(&server)
            .await;
        comments(&server, 77, json!([])).await;
        note_ok(&server, 77, 1).await;
        let connection = zendesk(&server);
        let http = Http::default();
        let ticket = escalation(Priority::High);
        let mut first = Progress::resume(None, 1);
        let failure = connectors::deliver(&http, &connection, &ticket, &mut first)
            .await
            .unwrap_err();
        assert!(!failure.permanent, "{body:?}: {}", failure.error);
        assert!(
            failure.error.contains("Zendesk answered 201 Created"),
            "{}",
            failure.error
        );
        first.failed();
        let mut second = Progress::resume(Some(&first.to_json()), 2);
        let delivered = connectors::deliver(&http, &connection, &ticket, &mut second)
            .await
            .unwrap();
        assert_eq!(delivered.id, "77", "{body:?}");
    }
}

#[tokio::test]
async fn a_note_whose_answer_was_lost_is_not_added_twice() {
    let server = MockServer::start().await;
    user_ok(&server).await;
    made_before(&server, 8).await;
    let note = escalation(Priority::High).agent_note();
    comments(
        &server,
        8,
        json!([{"id": 1, "public": true, "body": LAST_WORDS},
               {"id": 2, "public": false, "body": note}]),
    )
    .await;
    note_ok(&server, 8, 0).await;
    let delivered = deliver(&zendesk(&server), &escalation(Priority::High), 2)
        .await
        .unwrap();
    assert_eq!(delivered.id, "8");
}

#[tokio::test]
async fn a_comment_list_that_cannot_be_read_is_tried_again_not_taken_for_no_note() {
    let truncated = ResponseTemplate::new(200).set_body_string(r#"{"comments": [{"id": 1, "pub"#);
    for unreadable in [html_page(), truncated] {
        let server = MockServer::start().await;
        user_ok(&server).await;
        made_before(&server, 8).await;
        Mock::given(method("GET"))
            .and(path("/api/v2/tickets/8/comments"))
            .respond_with(unreadable)
            .expect(1)
            .mount(&server)
            .await;
        note_ok(&server, 8, 0).await;
        let failure = deliver(&zendesk(&server), &escalation(Priority::High), 2)
            .await
            .unwrap_err();
        assert_unreadable_and_tried_again(&failure, "Zendesk");
    }
}

#[tokio::test]
async fn a_failed_note_is_added_on_the_next_attempt_without_a_second_ticket() {
    let server = MockServer::start().await;
    user_ok(&server).await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .respond_with(created(9))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path("/api/v2/tickets/9"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    comments(&server, 9, json!([])).await;
    let connection = zendesk(&server);
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

/// [`escalation`] with a conversation of 120 KB: twelve long customer messages.
fn long_conversation() -> connectors::Escalation {
    let mut long = escalation(Priority::High);
    long.transcript = (1..=12)
        .map(|n| deskctl::api::TranscriptMessage {
            role: deskctl::api::MessageRole::Customer,
            text: format!("message {n}: {}", "x".repeat(10_000)),
            at: None,
        })
        .collect();
    long
}

/// The private comments PUT on ticket `id`, in order.
async fn private_comments(server: &MockServer, id: u64) -> Vec<String> {
    bodies(server, "PUT", &format!("/api/v2/tickets/{id}"))
        .await
        .into_iter()
        .map(|body| {
            assert_eq!(body["ticket"]["comment"]["public"], false, "{body}");
            body["ticket"]["comment"]["body"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[tokio::test]
async fn a_long_note_goes_in_several_private_comments_with_nothing_cut_off() {
    let server = MockServer::start().await;
    user_ok(&server).await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .respond_with(created(11))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path("/api/v2/tickets/11"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"ticket": {"id": 11}})))
        .mount(&server)
        .await;
    let long = long_conversation();
    deliver(&zendesk(&server), &long, 1).await.unwrap();
    let comments = private_comments(&server, 11).await;
    assert_eq!(
        comments.len(),
        4,
        "120 KB in pieces of at most 32,000 bytes"
    );
    assert!(comments.iter().all(|body| body.len() <= 32_000));
    assert!(comments[0].starts_with("Desk handoff hof_1 from AI agent shop-assistant\n"));
    let mut whole = comments[0].clone();
    for (index, body) in comments.iter().enumerate().skip(1) {
        let heading = format!("Desk handoff hof_1, part {} of 4\n", index + 1);
        whole.push_str(
            body.strip_prefix(&heading)
                .unwrap_or_else(|| panic!("{body:.80}")),
        );
    }
    assert_eq!(whole, long.agent_note(), "every word, once, in order");
}

#[tokio::test]
async fn a_retry_adds_only_the_pieces_of_the_note_zendesk_does_not_have() {
    let server = MockServer::start().await;
    user_ok(&server).await;
    made_before(&server, 12).await;
    let long = long_conversation();
    let pieces = long.agent_note_pieces(32_000);
    assert_eq!(pieces.len(), 4);
    // An earlier attempt added the first two pieces, its answer to the
    // second lost.
    comments(
        &server,
        12,
        json!([{"id": 1, "public": true, "body": LAST_WORDS},
               {"id": 2, "public": false, "body": pieces[0]},
               {"id": 3, "public": false, "body": pieces[1]}]),
    )
    .await;
    Mock::given(method("PUT"))
        .and(path("/api/v2/tickets/12"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"ticket": {"id": 12}})))
        .expect(2)
        .mount(&server)
        .await;
    deliver(&zendesk(&server), &long, 2).await.unwrap();
    assert_eq!(private_comments(&server, 12).await, pieces[2..]);
}

async fn test_with(status: u16, body: serde_json::Value) -> Vec<deskctl::api::TestCheck> {
    test_with_body(ResponseTemplate::new(status).set_body_json(body)).await
}

/// The connection test against a `GET /users/me` that answers `answer`.
async fn test_with_body(answer: ResponseTemplate) -> Vec<deskctl::api::TestCheck> {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/users/me"))
        .and(header("authorization", basic().as_str()))
        .respond_with(answer)
        .expect(1)
        .mount(&server)
        .await;
    connectors::test(&Http::default(), &zendesk(&server)).await
}

#[tokio::test]
async fn the_connection_test_says_exactly_what_is_wrong() {
    let ok = test_with(
        200,
        json!({"user": {"id": 1, "email": "admin@acme.example", "role": "admin"}}),
    )
    .await;
    assert_eq!(ok[0].outcome, CheckOutcome::Ok, "{ok:?}");
    let cases = [
        (
            401,
            json!({"error": "Couldn't authenticate you"}),
            "refused the email and API token",
        ),
        (
            404,
            json!({"error": "RecordNotFound"}),
            "no Zendesk account",
        ),
        (403, json!({"error": "Forbidden"}), "may not use the API"),
        (
            200,
            json!({"user": {"id": null, "role": "end-user"}}),
            "anonymous user",
        ),
        (
            200,
            json!({"user": {"id": 5, "role": "end-user"}}),
            "not an agent or admin",
        ),
    ];
    for (status, body, said) in cases {
        let checks = test_with(status, body).await;
        assert_eq!(checks[0].outcome, CheckOutcome::Failed, "{status} {said}");
        assert!(checks[0].message.contains(said), "{}", checks[0].message);
        assert!(secret_free(&checks[0].message, &[TOKEN]));
    }
    // Answers that say nothing of the credentials give no verdict on them.
    let html = test_with_body(
        ResponseTemplate::new(200)
            .insert_header("content-type", "text/html")
            .set_body_string("<html><body>Sign in</body></html>"),
    )
    .await;
    assert_eq!(html[0].check, "reachable", "{html:?}");
    assert_eq!(html[0].outcome, CheckOutcome::Failed);
    assert!(
        html[0].message.contains("something other than JSON")
            && !html[0].message.contains("anonymous"),
        "{}",
        html[0].message
    );
    let limited = test_with_body(
        ResponseTemplate::new(429)
            .insert_header("retry-after", "30")
            .set_body_string("Number of allowed API requests per minute exceeded"),
    )
    .await;
    assert_eq!(limited[0].check, "reachable", "{limited:?}");
    assert_eq!(limited[0].outcome, CheckOutcome::Failed);
    assert!(
        limited[0].message.contains("rate limiting")
            && limited[0].message.contains("try again in 30 s"),
        "{}",
        limited[0].message
    );
    // Nothing listening: unreachable, not a credentials problem.
    let mut down = zendesk(&MockServer::start().await);
    down.base_url = Some("http://127.0.0.1:9".into());
    let checks = connectors::test(&Http::default(), &down).await;
    assert_eq!(checks[0].check, "reachable");
    assert_eq!(checks[0].outcome, CheckOutcome::Failed);
}

fn signed(body: &str, timestamp: &str, secret: &str) -> http::HeaderMap {
    let mut headers = http::HeaderMap::new();
    headers.insert(
        "x-zendesk-webhook-signature",
        hmac_sha256_base64(secret.as_bytes(), &[timestamp.as_bytes(), body.as_bytes()])
            .parse()
            .unwrap(),
    );
    headers.insert(
        "x-zendesk-webhook-signature-timestamp",
        timestamp.parse().unwrap(),
    );
    headers
}

#[tokio::test]
async fn webhooks_are_verified_as_zendesk_signs_them() {
    let connection = zendesk(&MockServer::start().await);
    let now = jiff::Timestamp::now();
    let stamp = now.to_string();
    let body = r#"{"ticket_id":"35436","status":"solved"}"#;
    let receive = |headers: &http::HeaderMap, body: &str, at: jiff::Timestamp| {
        connectors::receive(
            &connection,
            &InboundWebhook {
                headers,
                query: None,
                body: body.as_bytes(),
            },
            at,
        )
    };
    let (verified, events) = receive(&signed(body, &stamp, SIGNING), body, now).unwrap();
    assert_eq!(events[0].id, "35436");
    assert_eq!(events[0].status, ExternalStatus::Resolved);
    assert!(!verified.replay_key.is_empty());
    // A copy signed up to 5 minutes ahead and received now passes the window
    // until 10 minutes from now at most: receipts older than that can go.
    assert_eq!(
        verified.forget_before,
        Some(now - jiff::SignedDuration::from_mins(10))
    );
    let ahead = (now + jiff::SignedDuration::from_mins(5)).to_string();
    let last_chance = now + jiff::SignedDuration::from_mins(10);
    assert!(receive(&signed(body, &ahead, SIGNING), body, last_chance).is_ok());
    assert!(
        receive(
            &signed(body, &ahead, SIGNING),
            body,
            last_chance + jiff::SignedDuration::from_secs(1)
        )
        .is_err()
    );
    // Tampered body, wrong secret, no signature, a stale timestamp.
    let tampered = r#"{"ticket_id":"35437","status":"solved"}"#;
    assert!(matches!(
        receive(&signed(body, &stamp, SIGNING), tampered, now),
        Err(WebhookError::Unauthenticated(_))
    ));
    assert!(matches!(
        receive(&signed(body, &stamp, "other"), body, now),
        Err(WebhookError::Unauthenticated(_))
    ));
    assert!(matches!(
        receive(&http::HeaderMap::new(), body, now),
        Err(WebhookError::Unauthenticated(_))
    ));
    let later = now + jiff::SignedDuration::from_mins(10);
    match receive(&signed(body, &stamp, SIGNING), body, later) {
        Err(WebhookError::Unauthenticated(why)) => assert!(why.contains("5 minutes"), "{why}"),
        other => panic!("{other:?}"),
    }
    // A well-formed time past the end of the time line is said to be so,
    // not called malformed; one that is no time at all is.
    for (stamp, said) in [
        (
            "9999-12-31T23:59:59Z",
            "x-zendesk-webhook-signature-timestamp: '9999-12-31T23:59:59Z' is out of range",
        ),
        (
            "yesterday",
            "x-zendesk-webhook-signature-timestamp is not an RFC 3339 time: yesterday",
        ),
    ] {
        match receive(&signed(body, stamp, SIGNING), body, now) {
            Err(WebhookError::Unauthenticated(why)) => assert!(why.starts_with(said), "{why}"),
            other => panic!("{other:?}"),
        }
    }
}
