//! The Freshchat connector against a fake Freshchat that answers as its API
//! v2 documents (../shared/reference/freshchat.md): the topic, the user with
//! every identifier, the conversation opened by the customer's own words and
//! the agents' note as a private note; errors, rate limits, lost answers, the
//! connection test and its topic checks, webhooks signed with the reference
//! vector; and the same end to end with the real binary.

use crate::common;

use std::time::Duration;

use common::connectors::{
    LAST_WORDS, assert_agents_see_the_whole_handoff, assert_customer_sees_no_agent_material,
    assert_no_forged_turns, assert_unreadable_and_tried_again, connection, deliver, deliver_first,
    escalation, html_page, long_and_forged, lose_answer, secret_free,
};
use common::integrations::{desk_with_agent, posted, run, send, show};
use deskctl::api::{CheckOutcome, IntegrationKind, Priority, TestCheck};
use deskctl::server::connectors::{self, Http, InboundWebhook, Progress, WebhookError};
use serde_json::{Value, json};
use wiremock::matchers::{body_partial_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const KEY: &str = "fc-api-key-5e1b77";
const BEARER: &str = "Bearer fc-api-key-5e1b77";
const TOPIC: &str = "8f4a6c1e-topic";

/// The reference vector (../shared/reference/vectors), also used by the unit tests.
fn vector() -> Value {
    serde_json::from_str(include_str!("data/freshchat-webhook-signature.json")).unwrap()
}

fn freshchat(server: &MockServer) -> connectors::Connection {
    let key = vector()["pubkey_pem"].as_str().unwrap().to_string();
    let mut connection = connection(
        IntegrationKind::Freshchat,
        &[
            ("chat-url", "https://acme.freshchat.com"),
            ("webhook-public-key", &key),
        ],
        &[("api-key", KEY)],
        &server.uri(),
    );
    connection
        .fields
        .insert("order-id".into(), "cf_order_id".into());
    connection
}

fn channels(list: Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({
        "channels": list,
        "pagination": {"total_items": 2, "total_pages": 1, "current_page": 1, "items_per_page": 100},
    }))
}

fn the_topic() -> Value {
    json!([
        {"id": "other", "name": "sendbird integration", "enabled": true, "source": "FRESHCHAT"},
        {"id": TOPIC, "name": "Sendbird Integration", "enabled": true, "public": true, "source": "FRESHCHAT"},
    ])
}

/// A Freshchat where the topic exists, user u-42 does not, and every step
/// answers; `conversation` is what creating the conversation gets.
async fn fake(server: &MockServer, conversation: ResponseTemplate) {
    Mock::given(method("GET"))
        .and(path("/v2/channels"))
        .and(header("authorization", BEARER))
        .respond_with(channels(the_topic()))
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v2/users"))
        .and(query_param("reference_id", "u-42"))
        .and(header("authorization", BEARER))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"users": []})))
        .mount(server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v2/users"))
        .and(header("authorization", BEARER))
        .respond_with(
            ResponseTemplate::new(201)
                .set_body_json(json!({"id": "user-1", "reference_id": "u-42"})),
        )
        .mount(server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v2/conversations"))
        .and(header("authorization", BEARER))
        .and(header("content-type", "application/json"))
        .respond_with(conversation)
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v2/agents"))
        .and(query_param("items_per_page", "1"))
        .and(header("authorization", BEARER))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"agents": [{"id": "agent-1"}]})),
        )
        .mount(server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v2/conversations/conv-1/messages"))
        .and(header("authorization", BEARER))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "msg-2"})))
        .mount(server)
        .await;
}

fn created() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({
        "conversation_id": "conv-1", "channel_id": TOPIC, "status": "new",
        "messages": [{"id": "msg-1"}]
    }))
}

#[tokio::test]
async fn the_whole_handoff_reaches_agents_and_the_customer_sees_only_their_words() {
    let server = MockServer::start().await;
    fake(&server, created()).await;
    let mut connection = freshchat(&server);
    connection
        .fields
        .insert("desk.team".into(), "cf_desk_team".into());
    let delivered = deliver_first(&connection, Priority::Urgent).await.unwrap();
    assert_eq!(delivered.id, "conv-1");
    assert_eq!(
        posted(&server, "/v2/users").await,
        [json!({"reference_id": "u-42", "first_name": "Dana Scully",
                "email": "dana@example.com", "phone": "+15550100"})]
    );
    let conversation = &posted(&server, "/v2/conversations").await[0];
    assert_eq!(
        conversation,
        &json!({
            "channel_id": TOPIC,
            "users": [{"id": "user-1"}],
            "messages": [{
                "message_parts": [{"text": {"content": LAST_WORDS}}],
                "actor_type": "user",
                "actor_id": "user-1",
                "message_type": "normal",
            }],
            "status": "new",
            "properties": {"priority": "Urgent", "cf_order_id": "123", "cf_desk_team": "billing"},
        })
    );
    let notes = posted(&server, "/v2/conversations/conv-1/messages").await;
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0]["message_type"], "private");
    assert_eq!(notes[0]["actor_type"], "agent");
    assert_eq!(notes[0]["actor_id"], "agent-1");
    assert_agents_see_the_whole_handoff(
        notes[0]["message_parts"][0]["text"]["content"]
            .as_str()
            .unwrap(),
        Priority::Urgent,
    );
    assert_customer_sees_no_agent_material(
        conversation["messages"][0]["message_parts"][0]["text"]["content"]
            .as_str()
            .unwrap(),
    );
}

#[tokio::test]
async fn no_message_forges_a_turn_in_the_private_note() {
    let server = MockServer::start().await;
    fake(&server, created()).await;
    deliver(&freshchat(&server), &long_and_forged(Priority::High), 1)
        .await
        .unwrap();
    let notes = posted(&server, "/v2/conversations/conv-1/messages").await;
    assert_no_forged_turns(
        notes[0]["message_parts"][0]["text"]["content"]
            .as_str()
            .unwrap(),
    );
}

#[tokio::test]
async fn a_known_user_is_reused_and_a_near_match_is_not_trusted() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v2/users"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"users": [
            {"id": "stranger", "reference_id": "u-4"},
            {"id": "user-9", "reference_id": "u-42"},
        ]})))
        .mount(&server)
        .await;
    fake(&server, created()).await;
    deliver_first(&freshchat(&server), Priority::Low)
        .await
        .unwrap();
    assert!(posted(&server, "/v2/users").await.is_empty());
    let conversation = &posted(&server, "/v2/conversations").await[0];
    assert_eq!(conversation["users"], json!([{"id": "user-9"}]));
    assert_eq!(conversation["properties"]["priority"], "Low");
}

#[tokio::test]
async fn a_missing_topic_stops_the_delivery_with_what_to_do() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v2/channels"))
        .respond_with(channels(
            json!([{"id": "x", "name": "Sendbird integration"}]),
        ))
        .mount(&server)
        .await;
    fake(&server, created()).await;
    let failure = deliver_first(&freshchat(&server), Priority::High)
        .await
        .unwrap_err();
    assert!(failure.permanent);
    assert!(
        failure
            .error
            .contains("no web chat topic named 'Sendbird Integration'"),
        "{}",
        failure.error
    );
    assert!(posted(&server, "/v2/conversations").await.is_empty());
}

#[tokio::test]
async fn error_answers_are_permanent_with_freshchats_message_and_sent_once() {
    let cases = [
        (
            400,
            json!({"code": 400, "status": "INVALID_VALUE", "message": "channel_id is invalid"}),
            "INVALID_VALUE: channel_id is invalid",
        ),
        (
            401,
            json!({"code": 401, "status": "UNAUTHORIZED", "message": "Unauthenticated"}),
            "UNAUTHORIZED: Unauthenticated",
        ),
        (
            403,
            json!({"code": 403, "status": "FORBIDDEN", "message": "Access denied"}),
            "FORBIDDEN: Access denied",
        ),
        (
            404,
            json!({"code": 404, "status": "USER_NOT_FOUND", "message": "user not found"}),
            "USER_NOT_FOUND: user not found",
        ),
        (
            422,
            json!({"code": 422, "status": "UNPROCESSABLE_ENTITY", "message": "properties.cf_order_id is unknown"}),
            "cf_order_id is unknown",
        ),
    ];
    for (status, body, said) in cases {
        let server = MockServer::start().await;
        fake(&server, ResponseTemplate::new(status).set_body_json(body)).await;
        let failure = deliver_first(&freshchat(&server), Priority::High)
            .await
            .unwrap_err();
        assert!(failure.permanent, "{status}");
        assert_eq!(failure.retry_after, None);
        assert!(failure.error.contains(said), "{status}: {}", failure.error);
        assert!(secret_free(&failure.error, &[KEY]));
        assert_eq!(posted(&server, "/v2/conversations").await.len(), 1);
    }
}

#[tokio::test]
async fn a_rate_limit_is_transient_with_the_wait_freshchat_asks() {
    let server = MockServer::start().await;
    fake(
        &server,
        ResponseTemplate::new(429)
            .insert_header("retry-after", "21")
            .set_body_json(json!({"code": 429, "status": "TOO_MANY_REQUESTS", "message": "Rate limit exceeded"})),
    )
    .await;
    let failure = deliver_first(&freshchat(&server), Priority::High)
        .await
        .unwrap_err();
    assert!(!failure.permanent);
    assert_eq!(failure.retry_after, Some(Duration::from_secs(21)));
    assert!(
        failure.error.contains("Rate limit exceeded"),
        "{}",
        failure.error
    );
}

#[tokio::test]
async fn a_lost_conversation_answer_is_found_instead_of_created_twice() {
    let server = MockServer::start().await;
    // Freshchat makes the conversation, but its answer never arrives.
    fake(&server, created().set_delay(Duration::from_secs(5))).await;
    Mock::given(method("GET"))
        .and(path("/v2/users/user-1/conversations"))
        .and(header("authorization", BEARER))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"conversations": [
                {"id": "conv-old", "status": "resolved"},
                {"id": "conv-elsewhere", "status": "new"},
                {"id": "conv-1", "status": "new"},
            ]})),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v2/conversations/conv-elsewhere"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"conversation_id": "conv-elsewhere", "channel_id": "another-topic", "status": "new"}),
        ))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v2/conversations/conv-1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"conversation_id": "conv-1", "channel_id": TOPIC, "status": "new"}),
        ))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v2/conversations/conv-1/messages"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"messages": [
            {"id": "msg-1", "message_type": "normal", "message_parts": [{"text": {"content": "Where is my refund?"}}]}
        ]})))
        .mount(&server)
        .await;
    let connection = freshchat(&server);
    let http = Http::default();
    let handoff = escalation(Priority::High);
    let mut second = lose_answer(&server, &connection, &handoff, "POST", "/v2/conversations").await;
    let delivered = connectors::deliver(&http, &connection, &handoff, &mut second)
        .await
        .unwrap();
    assert_eq!(delivered.id, "conv-1");
    assert_eq!(posted(&server, "/v2/conversations").await.len(), 1);
    assert_eq!(posted(&server, "/v2/users").await.len(), 1);
    assert_eq!(
        posted(&server, "/v2/conversations/conv-1/messages")
            .await
            .len(),
        1
    );
}

#[tokio::test]
async fn a_note_already_written_is_not_written_again() {
    let server = MockServer::start().await;
    // The note fails with a server error the first time.
    Mock::given(method("POST"))
        .and(path("/v2/conversations/conv-1/messages"))
        .and(body_partial_json(json!({"message_type": "private"})))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    fake(&server, created()).await;
    let connection = freshchat(&server);
    let http = Http::default();
    let handoff = escalation(Priority::High);
    let mut first = Progress::resume(None, 1);
    assert!(
        !connectors::deliver(&http, &connection, &handoff, &mut first)
            .await
            .unwrap_err()
            .permanent
    );
    // Freshchat kept the note despite the error: the retry must see it.
    Mock::given(method("GET"))
        .and(path("/v2/conversations/conv-1/messages"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"messages": [{
                "id": "msg-2", "message_type": "private", "actor_type": "agent",
                "message_parts": [{"text": {"content": handoff.agent_note()}}]
            }]})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let mut second = Progress::resume(Some(&first.to_json()), 2);
    connectors::deliver(&http, &connection, &handoff, &mut second)
        .await
        .unwrap();
    assert_eq!(
        posted(&server, "/v2/conversations/conv-1/messages")
            .await
            .len(),
        1,
        "the note was not written twice"
    );
    assert_eq!(posted(&server, "/v2/conversations").await.len(), 1);
}

#[tokio::test]
async fn a_message_list_that_cannot_be_read_is_tried_again_not_taken_for_no_note() {
    let truncated = ResponseTemplate::new(200).set_body_string(r#"{"messages": [{"id": "m"#);
    for unreadable in [html_page(), truncated] {
        let server = MockServer::start().await;
        // The note fails with a server error the first time.
        Mock::given(method("POST"))
            .and(path("/v2/conversations/conv-1/messages"))
            .and(body_partial_json(json!({"message_type": "private"})))
            .respond_with(ResponseTemplate::new(503))
            .up_to_n_times(1)
            .mount(&server)
            .await;
        fake(&server, created()).await;
        let connection = freshchat(&server);
        let http = Http::default();
        let handoff = escalation(Priority::High);
        let mut first = Progress::resume(None, 1);
        connectors::deliver(&http, &connection, &handoff, &mut first)
            .await
            .unwrap_err();
        Mock::given(method("GET"))
            .and(path("/v2/conversations/conv-1/messages"))
            .respond_with(unreadable)
            .expect(1)
            .mount(&server)
            .await;
        let mut second = Progress::resume(Some(&first.to_json()), 2);
        let failure = connectors::deliver(&http, &connection, &handoff, &mut second)
            .await
            .unwrap_err();
        assert_unreadable_and_tried_again(&failure, "Freshchat");
        assert_eq!(
            posted(&server, "/v2/conversations/conv-1/messages")
                .await
                .len(),
            1,
            "no second note"
        );
    }
}

async fn test_with(agents: ResponseTemplate, topics: Option<Value>) -> Vec<TestCheck> {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v2/agents"))
        .and(header("authorization", BEARER))
        .respond_with(agents)
        .expect(1)
        .mount(&server)
        .await;
    if let Some(topics) = topics {
        Mock::given(method("GET"))
            .and(path("/v2/channels"))
            .and(header("authorization", BEARER))
            .respond_with(channels(topics))
            .mount(&server)
            .await;
    }
    connectors::test(&Http::default(), &freshchat(&server)).await
}

fn check(checks: &[TestCheck], name: &str) -> (CheckOutcome, String) {
    let check = checks
        .iter()
        .find(|c| c.check == name)
        .unwrap_or_else(|| panic!("no {name} check in {checks:?}"));
    assert!(secret_free(&check.message, &[KEY]));
    (check.outcome, check.message.clone())
}

fn agents() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({"agents": [{"id": "agent-1"}]}))
}

#[tokio::test]
async fn the_connection_test_checks_the_key_and_the_topic() {
    let ok = test_with(agents(), Some(the_topic())).await;
    assert!(ok.iter().all(|c| c.outcome == CheckOutcome::Ok), "{ok:?}");
    assert!(check(&ok, "web chat topic").1.contains(TOPIC));
    assert_eq!(check(&ok, "webhook key").0, CheckOutcome::Ok);

    let refused = ResponseTemplate::new(401).set_body_json(
        json!({"code": 401, "status": "UNAUTHORIZED", "message": "Unauthenticated"}),
    );
    let (outcome, said) = check(&test_with(refused, None).await, "api-key");
    assert_eq!(outcome, CheckOutcome::Failed);
    assert!(said.contains("refused the API key"), "{said}");

    let nowhere = ResponseTemplate::new(404).set_body_string("Not Found");
    let (outcome, said) = check(&test_with(nowhere, None).await, "chat-url");
    assert_eq!(outcome, CheckOutcome::Failed);
    assert!(said.contains("no Freshchat API"), "{said}");

    // Only a name that differs in case: no topic.
    let (outcome, said) = check(
        &test_with(
            agents(),
            Some(json!([{"id": "x", "name": "Sendbird integration"}])),
        )
        .await,
        "web chat topic",
    );
    assert_eq!(outcome, CheckOutcome::Failed);
    assert!(said.contains("case-sensitive"), "{said}");

    let (outcome, said) = check(
        &test_with(
            agents(),
            Some(json!([{"id": TOPIC, "name": "Sendbird Integration", "enabled": false}])),
        )
        .await,
        "web chat topic",
    );
    assert_eq!(outcome, CheckOutcome::Warning);
    assert!(said.contains("disabled"), "{said}");

    let (outcome, said) = check(
        &test_with(
            agents(),
            Some(json!([
                {"id": "t-off", "name": "Sendbird Integration", "enabled": false},
                {"id": "t-on", "name": "Sendbird Integration", "enabled": true},
            ])),
        )
        .await,
        "web chat topic",
    );
    assert_eq!(outcome, CheckOutcome::Warning);
    assert!(
        said.contains("2 topics") && said.contains("deliveries use t-on"),
        "{said}"
    );
}

#[tokio::test]
async fn the_topic_is_found_on_a_later_page() {
    let server = MockServer::start().await;
    let filler: Vec<Value> = (0..100)
        .map(|n| json!({"id": format!("t{n}"), "name": format!("Topic {n}")}))
        .collect();
    Mock::given(method("GET"))
        .and(path("/v2/channels"))
        .and(query_param("page", "1"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"channels": filler, "pagination": {"total_pages": 2}})),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v2/channels"))
        .and(query_param("page", "2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "channels": [{"id": TOPIC, "name": "Sendbird Integration", "enabled": true}],
            "pagination": {"total_pages": 2}
        })))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v2/agents"))
        .respond_with(agents())
        .mount(&server)
        .await;
    let checks = connectors::test(&Http::default(), &freshchat(&server)).await;
    assert_eq!(
        check(&checks, "web chat topic").0,
        CheckOutcome::Ok,
        "{checks:?}"
    );
}

#[tokio::test]
async fn a_bad_webhook_key_is_reported_by_the_test() {
    let server = MockServer::start().await;
    let mut connection = freshchat(&server);
    connection.settings.insert(
        "webhook-public-key".into(),
        "-----BEGIN RSA PUBLIC KEY-----\nnot a key\n-----END RSA PUBLIC KEY-----".into(),
    );
    connection.base_url = Some("http://127.0.0.1:9".into());
    let checks = connectors::test(&Http::default(), &connection).await;
    assert_eq!(check(&checks, "webhook key").0, CheckOutcome::Failed);
    let (outcome, said) = check(&checks, "reachable");
    assert_eq!(outcome, CheckOutcome::Failed);
    assert!(said.contains("check the chat URL"), "{said}");
}

#[tokio::test]
async fn webhooks_are_verified_with_the_public_key_over_the_raw_body() {
    let connection = freshchat(&MockServer::start().await);
    let vector = vector();
    let body = vector["body"].as_str().unwrap();
    let signature = vector["x_freshchat_signature"].as_str().unwrap();
    let now = jiff::Timestamp::now();
    let receive = |signature: Option<&str>, body: &str, connection: &connectors::Connection| {
        let mut headers = http::HeaderMap::new();
        if let Some(signature) = signature {
            headers.insert("X-Freshchat-Signature", signature.parse().unwrap());
        }
        connectors::receive(
            connection,
            &InboundWebhook {
                headers: &headers,
                query: None,
                body: body.as_bytes(),
            },
            now,
        )
    };
    let (verified, events) = receive(Some(signature), body, &connection).unwrap();
    assert_eq!(verified.replay_key, signature);
    assert!(events.is_empty(), "a message moves no conversation");
    let tampered = body.replace("Hi 👋", "Hi");
    assert!(matches!(
        receive(Some(signature), &tampered, &connection),
        Err(WebhookError::Unauthenticated(_))
    ));
    match receive(None, body, &connection) {
        Err(WebhookError::Unauthenticated(why)) => {
            assert!(why.contains("x-freshchat-signature"), "{why}")
        }
        other => panic!("{other:?}"),
    }
    let mut keyless = connection.clone();
    keyless.settings.remove("webhook-public-key");
    match receive(Some(signature), body, &keyless) {
        Err(WebhookError::Unauthenticated(why)) => assert!(why.contains("webhook-public-key")),
        other => panic!("{other:?}"),
    }
}

// ---- end to end, with the real binary ----

const ENV: &[(&str, &str)] = &[("FC_KEY", KEY)];

async fn fake_for_cli(conversations: &[ResponseTemplate]) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v2/agents"))
        .respond_with(agents())
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v2/channels"))
        .respond_with(channels(the_topic()))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v2/users"))
        .and(query_param("reference_id", "dana@example.com"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"users": [{"id": "user-1", "reference_id": "dana@example.com"}]}),
        ))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v2/users/user-1/conversations"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"conversations": []})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v2/conversations/conv-1/messages"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"messages": []})))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v2/conversations/conv-1/messages"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "msg-2"})))
        .mount(&server)
        .await;
    let (last, first) = conversations.split_last().unwrap();
    for answer in first {
        Mock::given(method("POST"))
            .and(path("/v2/conversations"))
            .respond_with(answer.clone())
            .up_to_n_times(1)
            .mount(&server)
            .await;
    }
    Mock::given(method("POST"))
        .and(path("/v2/conversations"))
        .respond_with(last.clone())
        .mount(&server)
        .await;
    server
}

fn connected(base: &str) -> common::Desk {
    let desk = desk_with_agent();
    let (ok, text) = run(
        &desk,
        ENV,
        &[
            "integrations",
            "connect",
            "freshchat",
            "--set",
            "chat-url=acme.freshchat.com",
            "--secret",
            "api-key=env:FC_KEY",
            "--base-url",
            base,
        ],
    );
    assert!(ok, "{text}");
    assert!(text.contains("The Freshchat connection works"), "{text}");
    let (ok, text) = run(&desk, ENV, &["integrations", "test", "freshchat"]);
    assert!(ok && text.contains(TOPIC), "{text}");
    desk.run(&["actions", "set", "shop", "--platform", "freshchat"]);
    desk
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cli_a_production_handoff_arrives_before_the_command_returns() {
    let server = fake_for_cli(&[created()]).await;
    let desk = connected(&server.uri());
    let sent = send(&desk, ENV, "one");
    assert_eq!(sent["outcome"], "external", "{sent}");
    let conversations = posted(&server, "/v2/conversations").await;
    assert_eq!(conversations.len(), 1);
    assert_eq!(conversations[0]["channel_id"], TOPIC);
    assert_eq!(conversations[0]["properties"]["priority"], "High");
    assert_eq!(
        conversations[0]["messages"][0]["message_parts"][0]["text"]["content"],
        "Please get me a person."
    );
    let shown = show(&desk, sent["id"].as_str().unwrap());
    assert_eq!(shown["external"]["kind"], "freshchat", "{shown}");
    assert_eq!(shown["external"]["id"], "conv-1");
    assert_eq!(shown["external"]["status"], "created");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cli_a_rate_limited_delivery_waits_as_told_and_arrives_once() {
    let server = fake_for_cli(&[
        ResponseTemplate::new(429).insert_header("retry-after", "1"),
        created(),
    ])
    .await;
    let desk = connected(&server.uri());
    let sent = send(&desk, ENV, "limited");
    let conversations = posted(&server, "/v2/conversations").await;
    assert_eq!(conversations.len(), 2, "one refused, one accepted");
    assert_eq!(conversations[0], conversations[1]);
    let shown = show(&desk, sent["id"].as_str().unwrap());
    assert_eq!(shown["external"]["status"], "created", "{shown}");
    assert_eq!(
        posted(&server, "/v2/conversations/conv-1/messages")
            .await
            .len(),
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cli_a_permanent_error_is_reported_and_not_retried() {
    let server = fake_for_cli(&[ResponseTemplate::new(400).set_body_json(
        json!({"code": 400, "status": "INVALID_VALUE", "message": "users[0].id is not a user of this account"}),
    )])
    .await;
    let desk = connected(&server.uri());
    let sent = send(&desk, ENV, "invalid");
    desk.run(&["operators", "availability", "bob", "online"]);
    let (_, dead) = run(
        &desk,
        ENV,
        &["integrations", "deliveries", "freshchat", "--state", "dead"],
    );
    assert!(dead.contains("not a user of this account"), "{dead}");
    let shown = show(&desk, sent["id"].as_str().unwrap());
    assert_eq!(shown["external"]["status"], "failed", "{shown}");
    assert_eq!(posted(&server, "/v2/conversations").await.len(), 1);
}
