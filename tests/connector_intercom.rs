//! The Intercom connector against a fake workspace that answers as its API
//! version 2.11 documents (../shared/reference/platform-apis.md §5, and
//! Intercom's own OpenAPI description, which every request body is checked
//! against): contact search or create, a conversation opened by the
//! customer's own words (or a ticket), Desk's priority and team as tags, the
//! agents' note as an admin note, error lists, rate limits told by
//! X-RateLimit-Reset, and that a lost answer never makes a second
//! conversation, even while the search index lags.

use crate::common;

use std::time::Duration;

use common::connectors::{
    LAST_WORDS, Spec, assert_agents_see_the_whole_handoff, assert_customer_sees_no_agent_material,
    assert_no_forged_turns, assert_title_cut_at, assert_unreadable_and_tried_again, connection,
    deliver, deliver_first, escalation, html_page, html_text, long_and_forged, lose_answer,
    received, secret_free,
};
use deskctl::api::{CheckOutcome, ExternalStatus, IntegrationKind, Priority};
use deskctl::server::connectors::signing::hmac_sha1_header;
use deskctl::server::connectors::{self, Http, InboundWebhook, WebhookError};
use serde_json::{Value, json};
use wiremock::matchers::{body_json, body_partial_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const TOKEN: &str = "dG9rOmIntercom-access-token";
const CLIENT_SECRET: &str = "ic-client-secret-9f";
/// Dana's contact: Intercom's ids are 24 hex digits.
const CONTACT: &str = "6657a1b2c3d4e5f6a7b8c9d0";
const CONVERSATION: &str = "36000324324";
/// The handoff's acceptance time, which the delivery sets as `created_at`.
const ACCEPTED: i64 = 1_800_000_000;

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
            "data": [{"type": "contact", "id": CONTACT, "role": "user", "external_id": "u-42"}]
        })))
        .expect(1)
        .mount(server)
        .await;
}

async fn conversation_created(server: &MockServer, delay: Duration) {
    intercom_call("POST", "/conversations")
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({
                    "type": "user_message", "id": "2001", "message_type": "inapp",
                    "conversation_id": CONVERSATION
                }))
                .set_delay(delay),
        )
        .expect(1)
        .mount(server)
        .await;
}

/// `POST /tags` (made or found by name) and the tagging of `item` (e.g.
/// `/conversations/36000324324`).
async fn tags_ok(server: &MockServer, item: &str) {
    intercom_call("POST", "/tags")
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"type": "tag", "id": "17", "name": "x"})),
        )
        .mount(server)
        .await;
    intercom_call("POST", &format!("{item}/tags"))
        .and(body_json(json!({"id": "17", "admin_id": "814860"})))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"type": "tag", "id": "17", "name": "x"})),
        )
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

/// The OpenAPI path of a request path.
fn operation(path: &str) -> String {
    let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    match parts.as_slice() {
        ["conversations", id] if *id != "search" => "/conversations/{conversation_id}".into(),
        ["conversations", _, rest] => format!("/conversations/{{conversation_id}}/{rest}"),
        ["tickets", id] if *id != "search" => "/tickets/{ticket_id}".into(),
        ["tickets", _, rest] => format!("/tickets/{{ticket_id}}/{rest}"),
        _ => path.to_string(),
    }
}

/// Checks every body sent to the fake against Intercom's 2.11 description.
async fn all_as_documented(server: &MockServer) -> Vec<(String, String, Value)> {
    let spec = Spec::load("intercom-2.11.yaml");
    let requests = received(server).await;
    for (verb, path, body) in &requests {
        if verb != "GET" {
            spec.check_request(&verb.to_lowercase(), &operation(path), body);
        }
    }
    requests
}

/// The bodies of the `verb path` requests among `requests`.
fn sent<'a>(requests: &'a [(String, String, Value)], verb: &str, path: &str) -> Vec<&'a Value> {
    requests
        .iter()
        .filter(|(v, p, _)| v == verb && p == path)
        .map(|(_, _, body)| body)
        .collect()
}

#[tokio::test]
async fn the_whole_handoff_reaches_agents_and_the_customer_sees_only_their_words() {
    let server = MockServer::start().await;
    contact_found(&server).await;
    conversation_created(&server, Duration::ZERO).await;
    intercom_call("PUT", &format!("/conversations/{CONVERSATION}"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"type": "conversation"})))
        .expect(1)
        .mount(&server)
        .await;
    tags_ok(&server, &format!("/conversations/{CONVERSATION}")).await;
    note_ok(&server, &format!("/conversations/{CONVERSATION}/reply")).await;
    let mut connection = intercom(&server, &[]);
    connection
        .fields
        .insert("order-id".into(), "order_id".into());
    connection
        .fields
        .insert("loyalty-tier".into(), "loyalty_tier".into());
    let delivered = deliver_first(&connection, Priority::Urgent).await.unwrap();
    assert_eq!(delivered.id, CONVERSATION);

    let requests = all_as_documented(&server).await;
    let opened = sent(&requests, "POST", "/conversations")[0];
    assert_eq!(
        opened,
        &json!({"from": {"type": "user", "id": CONTACT}, "body": LAST_WORDS,
                "created_at": ACCEPTED})
    );
    let update = sent(&requests, "PUT", &format!("/conversations/{CONVERSATION}"))[0];
    assert_eq!(
        update,
        &json!({"custom_attributes": {"order_id": "123", "loyalty_tier": "gold"}}),
        "2.11 documents no priority on this update"
    );
    let tags: Vec<&str> = sent(&requests, "POST", "/tags")
        .iter()
        .map(|tag| tag["name"].as_str().unwrap())
        .collect();
    assert_eq!(tags, ["Desk priority: urgent", "Desk team: billing"]);
    let note = sent(
        &requests,
        "POST",
        &format!("/conversations/{CONVERSATION}/reply"),
    )[0];
    assert_eq!(note["message_type"], "note");
    assert_agents_see_the_whole_handoff(
        &html_text(note["body"].as_str().unwrap()),
        Priority::Urgent,
    );
    assert_customer_sees_no_agent_material(opened["body"].as_str().unwrap());
}

#[tokio::test]
async fn the_description_refuses_what_2_11_does_not_document() {
    let spec = Spec::load("intercom-2.11.yaml");
    let path = "/conversations/{conversation_id}";
    assert!(
        !spec
            .request_errors("put", path, &json!({"priority": "priority"}))
            .is_empty(),
        "PUT /conversations/{{id}} takes no priority in 2.11"
    );
    assert!(
        spec.request_errors("put", path, &json!({"read": true}))
            .is_empty()
    );
    assert!(
        !spec
            .request_errors(
                "post",
                "/conversations",
                &json!({"from": {"type": "admin", "id": CONTACT}, "body": "x"})
            )
            .is_empty(),
        "a conversation is opened by a contact"
    );
}

#[tokio::test]
async fn a_new_customer_becomes_a_contact_with_every_identifier() {
    let server = MockServer::start().await;
    intercom_call("POST", "/contacts/search")
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"type": "list", "total_count": 0, "data": []})),
        )
        .expect(2)
        .mount(&server)
        .await;
    intercom_call("POST", "/contacts")
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"type": "contact", "id": CONTACT, "role": "user"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    conversation_created(&server, Duration::ZERO).await;
    tags_ok(&server, &format!("/conversations/{CONVERSATION}")).await;
    note_ok(&server, &format!("/conversations/{CONVERSATION}/reply")).await;
    deliver_first(&intercom(&server, &[]), Priority::Low)
        .await
        .unwrap();
    let requests = all_as_documented(&server).await;
    assert_eq!(
        sent(&requests, "POST", "/contacts")[0],
        &json!({"role": "user", "name": "Dana Scully", "external_id": "u-42",
                "email": "dana@example.com", "phone": "+15550100"})
    );
    assert!(
        sent(&requests, "PUT", &format!("/conversations/{CONVERSATION}")).is_empty(),
        "nothing mapped: no custom attributes to set"
    );
}

#[tokio::test]
async fn a_ticket_type_makes_a_ticket_with_tags_and_an_admin_note() {
    let server = MockServer::start().await;
    contact_found(&server).await;
    intercom_call("POST", "/tickets")
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "type": "ticket", "id": "1295", "ticket_id": "1390", "ticket_state": "submitted"
        })))
        .expect(1)
        .mount(&server)
        .await;
    tags_ok(&server, "/tickets/1295").await;
    note_ok(&server, "/tickets/1295/reply").await;
    let mut connection = intercom(&server, &[("ticket-type-id", "1234")]);
    connection
        .fields
        .insert("locale".into(), "customer_locale".into());
    let delivered = deliver_first(&connection, Priority::High).await.unwrap();
    assert_eq!(delivered.id, "1295");
    let requests = all_as_documented(&server).await;
    let ticket = sent(&requests, "POST", "/tickets")[0];
    assert_eq!(
        ticket,
        &json!({
            "ticket_type_id": "1234",
            "contacts": [{"id": CONTACT}],
            "created_at": ACCEPTED,
            "ticket_attributes": {
                "customer_locale": "fr-FR",
                "_default_title_": "Where is my refund for order 123?",
                "_default_description_": LAST_WORDS,
            },
        })
    );
    let note = sent(&requests, "POST", "/tickets/1295/reply")[0];
    assert_agents_see_the_whole_handoff(&html_text(note["body"].as_str().unwrap()), Priority::High);
    assert!(
        sent(&requests, "PUT", "/conversations/1295").is_empty(),
        "a ticket takes its attributes when it is made"
    );
}

#[tokio::test]
async fn a_long_ticket_title_is_cut_at_255_characters_and_no_message_forges_a_turn() {
    let server = MockServer::start().await;
    contact_found(&server).await;
    intercom_call("POST", "/tickets")
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "type": "ticket", "id": "1295", "ticket_id": "1390", "ticket_state": "submitted"
        })))
        .mount(&server)
        .await;
    tags_ok(&server, "/tickets/1295").await;
    note_ok(&server, "/tickets/1295/reply").await;
    let connection = intercom(&server, &[("ticket-type-id", "1234")]);
    deliver(&connection, &long_and_forged(Priority::High), 1)
        .await
        .unwrap();
    let requests = all_as_documented(&server).await;
    let ticket = sent(&requests, "POST", "/tickets")[0];
    assert_title_cut_at(
        ticket["ticket_attributes"]["_default_title_"]
            .as_str()
            .unwrap(),
        255,
    );
    let note = sent(&requests, "POST", "/tickets/1295/reply")[0];
    assert_no_forged_turns(&html_text(note["body"].as_str().unwrap()));
}

#[tokio::test]
async fn the_priority_tag_follows_the_connections_own_names() {
    let server = MockServer::start().await;
    contact_found(&server).await;
    conversation_created(&server, Duration::ZERO).await;
    tags_ok(&server, &format!("/conversations/{CONVERSATION}")).await;
    note_ok(&server, &format!("/conversations/{CONVERSATION}/reply")).await;
    let mut connection = intercom(&server, &[]);
    connection.priorities.insert(Priority::Urgent, "P1".into());
    deliver_first(&connection, Priority::Urgent).await.unwrap();
    let requests = received(&server).await;
    assert_eq!(
        sent(&requests, "POST", "/tags")[0],
        &json!({"name": "Desk priority: P1"})
    );
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

/// The search of the contact's conversation made at the handoff's acceptance.
async fn searched(server: &MockServer, found: Value) {
    intercom_call("POST", "/conversations/search")
        .and(body_json(json!({"query": {"operator": "AND", "value": [
            {"field": "contact_ids", "operator": "=", "value": CONTACT},
            {"field": "created_at", "operator": "=", "value": ACCEPTED},
        ]}})))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "type": "conversation.list", "total_count": found.as_array().unwrap().len(),
            "conversations": found
        })))
        .mount(server)
        .await;
}

/// The conversation as GET shows it, with `parts`.
async fn shown(server: &MockServer, parts: Value) {
    shown_as(server, CONVERSATION, parts).await;
}

/// Conversation `id` as GET shows it, with `parts`.
async fn shown_as(server: &MockServer, id: &str, parts: Value) {
    intercom_call("GET", &format!("/conversations/{id}"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "type": "conversation", "id": id,
            "conversation_parts": {"type": "conversation_part.list", "conversation_parts": parts}
        })))
        .mount(server)
        .await;
}

/// Another handoff's agents' note, as a conversation part.
fn another_handoffs_note() -> Value {
    json!([{
        "type": "conversation_part", "part_type": "note",
        "body": "<p>Desk handoff hof_2 from AI agent shop<br>Channel: web</p>"
    }])
}

#[tokio::test]
async fn a_lost_answer_is_found_by_contact_and_creation_time() {
    let server = MockServer::start().await;
    contact_found(&server).await;
    conversation_created(&server, Duration::from_secs(5)).await;
    searched(
        &server,
        json!([{"type": "conversation", "id": CONVERSATION}]),
    )
    .await;
    shown(&server, json!([])).await;
    tags_ok(&server, &format!("/conversations/{CONVERSATION}")).await;
    note_ok(&server, &format!("/conversations/{CONVERSATION}/reply")).await;
    let connection = intercom(&server, &[]);
    let http = Http::default();
    let ticket = escalation(Priority::High);
    let mut second = lose_answer(&server, &connection, &ticket, "POST", "/conversations").await;
    let delivered = connectors::deliver(&http, &connection, &ticket, &mut second)
        .await
        .unwrap();
    assert_eq!(delivered.id, CONVERSATION);
    all_as_documented(&server).await;
}

#[tokio::test]
async fn a_lost_answer_is_never_taken_for_another_handoffs_conversation_of_the_same_second() {
    let server = MockServer::start().await;
    contact_found(&server).await;
    // Dana's second handoff, accepted in the same second, made its
    // conversation and noted it; the search lists it first.
    let other = "36000324300";
    searched(
        &server,
        json!([
            {"type": "conversation", "id": other},
            {"type": "conversation", "id": CONVERSATION}
        ]),
    )
    .await;
    shown_as(&server, other, another_handoffs_note()).await;
    shown(&server, json!([])).await;
    tags_ok(&server, &format!("/conversations/{CONVERSATION}")).await;
    note_ok(&server, &format!("/conversations/{CONVERSATION}/reply")).await;
    intercom_call("POST", "/conversations")
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .expect(0)
        .mount(&server)
        .await;
    let delivered = deliver(&intercom(&server, &[]), &escalation(Priority::High), 2)
        .await
        .unwrap();
    assert_eq!(delivered.id, CONVERSATION);
    let requests = all_as_documented(&server).await;
    assert!(
        requests
            .iter()
            .all(|(verb, path, _)| verb == "GET" || !path.contains(other)),
        "nothing is added to the other handoff's conversation: {requests:?}"
    );
}

#[tokio::test]
async fn conversations_of_the_same_second_that_no_handoff_claimed_are_not_guessed_between() {
    let server = MockServer::start().await;
    contact_found(&server).await;
    let other = "36000324300";
    searched(
        &server,
        json!([
            {"type": "conversation", "id": other},
            {"type": "conversation", "id": CONVERSATION}
        ]),
    )
    .await;
    shown_as(&server, other, json!([])).await;
    shown(&server, json!([])).await;
    intercom_call("POST", "/conversations")
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .expect(0)
        .mount(&server)
        .await;
    let failure = deliver(&intercom(&server, &[]), &escalation(Priority::High), 2)
        .await
        .unwrap_err();
    assert!(!failure.permanent);
    assert_eq!(failure.retry_after, Some(Duration::from_secs(60)));
    assert_eq!(
        failure.error,
        format!(
            "an earlier attempt may have made the conversation, and the contact has 2 \
             conversations made in the same second that no handoff has claimed yet \
             ({other}, {CONVERSATION}): looking again in 60 s, once the other handoffs have \
             noted theirs"
        )
    );
    let requests = received(&server).await;
    assert!(
        requests
            .iter()
            .all(|(verb, path, _)| verb == "GET" || path.ends_with("/search")),
        "nothing tagged, noted or made: {requests:?}"
    );
}

#[tokio::test]
async fn a_search_that_cannot_see_it_yet_is_not_believed_until_the_index_caught_up() {
    let server = MockServer::start().await;
    contact_found(&server).await;
    conversation_created(&server, Duration::from_secs(5)).await;
    // The index has not caught up: the conversation made is not found.
    searched(&server, json!([])).await;
    let connection = intercom(&server, &[]);
    let http = Http::default();
    let ticket = escalation(Priority::High);
    let mut second = lose_answer(&server, &connection, &ticket, "POST", "/conversations").await;
    let failure = connectors::deliver(&http, &connection, &ticket, &mut second)
        .await
        .unwrap_err();
    assert!(!failure.permanent);
    let wait = failure.retry_after.unwrap();
    assert!(
        wait > Duration::from_secs(50) && wait <= Duration::from_secs(60),
        "{wait:?}"
    );
    assert!(
        failure.error.starts_with(
            "an earlier attempt may have made the conversation, and the platform's search may \
             not show it yet: looking again in "
        ),
        "{}",
        failure.error
    );
    let creates = received(&server)
        .await
        .into_iter()
        .filter(|(v, p, _)| v == "POST" && p == "/conversations")
        .count();
    assert_eq!(creates, 1, "not made again while the search may lag");
}

#[tokio::test]
async fn a_lost_ticket_is_found_by_contact_and_creation_time() {
    let server = MockServer::start().await;
    contact_found(&server).await;
    intercom_call("POST", "/tickets/search")
        .and(body_json(json!({"query": {"operator": "AND", "value": [
            {"field": "contact_ids", "operator": "=", "value": CONTACT},
            {"field": "created_at", "operator": "=", "value": ACCEPTED},
        ]}})))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "type": "ticket.list", "total_count": 1,
            "tickets": [{"type": "ticket", "id": "1295"}]
        })))
        .expect(1)
        .mount(&server)
        .await;
    intercom_call("GET", "/tickets/1295")
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "type": "ticket", "id": "1295",
            "ticket_parts": {"type": "ticket_part.list", "ticket_parts": []}
        })))
        .mount(&server)
        .await;
    tags_ok(&server, "/tickets/1295").await;
    note_ok(&server, "/tickets/1295/reply").await;
    let connection = intercom(&server, &[("ticket-type-id", "1234")]);
    let delivered = deliver(&connection, &escalation(Priority::High), 2)
        .await
        .unwrap();
    assert_eq!(delivered.id, "1295");
    let requests = all_as_documented(&server).await;
    assert!(sent(&requests, "POST", "/tickets").is_empty());
}

#[tokio::test]
async fn a_note_already_added_is_not_added_again() {
    let server = MockServer::start().await;
    contact_found(&server).await;
    searched(
        &server,
        json!([{"type": "conversation", "id": CONVERSATION}]),
    )
    .await;
    tags_ok(&server, &format!("/conversations/{CONVERSATION}")).await;
    let note =
        deskctl::server::connectors::html_paragraphs(&escalation(Priority::High).agent_note());
    shown(
        &server,
        json!([{"type": "conversation_part", "part_type": "note", "body": note}]),
    )
    .await;
    intercom_call("POST", &format!("/conversations/{CONVERSATION}/reply"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .expect(0)
        .mount(&server)
        .await;
    let delivered = deliver(&intercom(&server, &[]), &escalation(Priority::High), 2)
        .await
        .unwrap();
    assert_eq!(delivered.id, CONVERSATION);
}

/// Answers a 200 that is not Intercom's JSON: a sign-in page, a cut-off body.
fn unreadable_answers() -> [ResponseTemplate; 2] {
    [
        html_page(),
        ResponseTemplate::new(200).set_body_string(r#"{"type": "list", "data": [{"id": "66"#),
    ]
}

#[tokio::test]
async fn a_contact_search_that_cannot_be_read_is_tried_again_not_taken_for_no_contact() {
    for unreadable in unreadable_answers() {
        let server = MockServer::start().await;
        intercom_call("POST", "/contacts/search")
            .respond_with(unreadable)
            .expect(1)
            .mount(&server)
            .await;
        intercom_call("POST", "/contacts")
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": CONTACT})))
            .expect(0)
            .mount(&server)
            .await;
        let failure = deliver_first(&intercom(&server, &[]), Priority::High)
            .await
            .unwrap_err();
        assert_unreadable_and_tried_again(&failure, "Intercom");
    }
}

#[tokio::test]
async fn a_search_or_a_conversation_that_cannot_be_read_makes_nothing_twice() {
    for unreadable in unreadable_answers() {
        // The conversation search after a lost create.
        let server = MockServer::start().await;
        contact_found(&server).await;
        intercom_call("POST", "/conversations/search")
            .respond_with(unreadable.clone())
            .expect(1)
            .mount(&server)
            .await;
        intercom_call("POST", "/conversations")
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
            .expect(0)
            .mount(&server)
            .await;
        let failure = deliver(&intercom(&server, &[]), &escalation(Priority::High), 2)
            .await
            .unwrap_err();
        assert_unreadable_and_tried_again(&failure, "Intercom");

        // The conversation read to find a note an earlier attempt may have added.
        let server = MockServer::start().await;
        contact_found(&server).await;
        searched(
            &server,
            json!([{"type": "conversation", "id": CONVERSATION}]),
        )
        .await;
        tags_ok(&server, &format!("/conversations/{CONVERSATION}")).await;
        intercom_call("GET", &format!("/conversations/{CONVERSATION}"))
            .respond_with(unreadable)
            .expect(1)
            .mount(&server)
            .await;
        intercom_call("POST", &format!("/conversations/{CONVERSATION}/reply"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
            .expect(0)
            .mount(&server)
            .await;
        let failure = deliver(&intercom(&server, &[]), &escalation(Priority::High), 2)
            .await
            .unwrap_err();
        assert_unreadable_and_tried_again(&failure, "Intercom");
    }
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
    assert_eq!(
        failed.message,
        "the workspace is hosted in region eu, but region is us: set it with \
         `deskctl integrations connect intercom --set region=eu`"
    );

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
    assert_eq!(
        verified.replay_key, "notification notif_1",
        "the notification's id, the same when Intercom sends it again"
    );
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
                    .set_body_json(json!({"type": "contact", "id": CONTACT, "role": "user"})),
            )
            .mount(server)
            .await;
        tags_ok(server, &format!("/conversations/{CONVERSATION}")).await;
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
        assert_eq!(conversation["from"]["id"], CONTACT);
        assert_eq!(conversation["body"], "Please get me a person.");
        let handoff = sent["id"].as_str().unwrap();
        // The action's high priority, as a tag (2.11 cannot set Intercom's own).
        let tags = posted(&server, "/tags").await;
        assert_eq!(tags[0], json!({"name": "Desk priority: high"}));
        all_as_documented(&server).await;
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
        // A refused create made nothing: the second attempt need not look.
        assert!(posted(&server, "/conversations/search").await.is_empty());
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

    /// A handoff `name` delivered to the fake workspace as conversation
    /// 36000324324: the fake (keep it while the desk may call it), the desk,
    /// and the handoff's id.
    async fn delivered(name: &str) -> (MockServer, crate::common::Desk, String) {
        let server = MockServer::start().await;
        answer_like_intercom(&server).await;
        intercom_call("POST", "/conversations")
            .respond_with(opened())
            .mount(&server)
            .await;
        let desk = connected(&server.uri());
        let id = send(&desk, SECRETS, name)["id"]
            .as_str()
            .unwrap()
            .to_string();
        (server, desk, id)
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn signed_webhooks_move_the_handoff_and_tampered_ones_are_refused() {
        let (_intercom, desk, id) = delivered("hooked").await;
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
        common::integrations::assert_replay(&post(&closed, sign(&closed)), "a replay");
        let reopened = hook("conversation.admin.opened");
        assert_eq!(post(&reopened, sign(&reopened)).status, 200);
        assert_eq!(show(&desk, &id)["external"]["status"], "reopened");
        let log = serve.log();
        assert!(
            !log.contains(TOKEN) && !log.contains(CLIENT_SECRET),
            "{log}"
        );
    }

    /// Intercom sends a notification again with the same `id` and a higher
    /// `delivery_attempts` (so another signature): a replay, never applied
    /// over a change that came after it.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_notification_sent_again_is_a_replay_and_changes_nothing() {
        let (_intercom, desk, id) = delivered("redelivered").await;
        let serve = desk.serve();
        let post = |notification: &str, topic: &str, attempts: u32| {
            let body = format!(
                r#"{{"type":"notification_event","topic":"{topic}","id":"{notification}","created_at":1800000600,"first_sent_at":1800000600,"delivery_attempts":{attempts},"data":{{"item":{{"type":"conversation","id":"36000324324"}}}}}}"#
            );
            let signature = hmac_sha1_header(CLIENT_SECRET.as_bytes(), body.as_bytes());
            serve.raw(
                "POST",
                "/v1/integrations/intercom/webhook",
                &[
                    ("Content-Type", "application/json"),
                    ("X-Hub-Signature", &signature),
                ],
                body.as_bytes(),
            )
        };
        assert_eq!(post("notif_c", "conversation.admin.closed", 1).status, 200);
        assert_eq!(post("notif_o", "conversation.admin.opened", 1).status, 200);
        let again = post("notif_c", "conversation.admin.closed", 2);
        common::integrations::assert_replay(&again, "the notification sent again");
        assert_eq!(show(&desk, &id)["external"]["status"], "reopened");
    }

    /// Intercom retries and does not keep order: an `opened` notification
    /// created before the `closed` one already applied is accepted and
    /// changes nothing; a later one still reopens.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_late_opened_notification_does_not_move_a_closed_conversation_back() {
        let (_intercom, desk, id) = delivered("ordered").await;
        let serve = desk.serve();
        let post = |topic: &str, created_at: i64| {
            let body = format!(
                r#"{{"type":"notification_event","topic":"{topic}","id":"notif_{created_at}","created_at":{created_at},"data":{{"item":{{"type":"conversation","id":"36000324324"}}}}}}"#
            );
            let signature = hmac_sha1_header(CLIENT_SECRET.as_bytes(), body.as_bytes());
            let answer = serve.raw(
                "POST",
                "/v1/integrations/intercom/webhook",
                &[
                    ("Content-Type", "application/json"),
                    ("X-Hub-Signature", &signature),
                ],
                body.as_bytes(),
            );
            assert_eq!(answer.status, 200, "{}", answer.body);
            answer.json()["updated"].clone()
        };
        let status = || show(&desk, &id)["external"]["status"].clone();
        let moves = async || crate::common::integrations::external_moves(&desk, &id).await;
        let closed_at = 1_800_000_600;

        assert_eq!(post("conversation.admin.closed", closed_at), json!([id]));
        assert_eq!(status(), "resolved");
        // Opened five minutes before it was closed, delivered after.
        assert_eq!(
            post("conversation.admin.opened", closed_at - 300),
            json!([])
        );
        assert_eq!(
            post("conversation.admin.assigned", closed_at - 1),
            json!([])
        );
        assert_eq!(status(), "resolved");
        let closed = [("created".to_string(), "resolved".to_string())];
        assert_eq!(moves().await, closed);
        // Opened after it was closed: reopened.
        assert_eq!(
            post("conversation.admin.opened", closed_at + 60),
            json!([id])
        );
        assert_eq!(status(), "reopened");
        assert_eq!(
            moves().await,
            [
                closed[0].clone(),
                ("resolved".to_string(), "reopened".to_string())
            ]
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
