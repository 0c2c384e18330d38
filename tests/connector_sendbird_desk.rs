//! The Sendbird Desk connector against a fake Sendbird that answers as its
//! Desk Platform API and Chat API document (../shared/reference/
//! platform-apis.md §3): the customer, the ticket, the customer's first
//! message and the summary; errors, rate limits, lost answers, the connection
//! test, signed webhooks; and the same end to end with the real binary.

use crate::common;

use std::time::Duration;

use common::connectors::{connection, deliver_first, escalation, secret_free};
use common::integrations::{desk_with_agent, posted, run, send, show};
use deskctl::api::{CheckOutcome, ExternalStatus, IntegrationKind, Priority};
use deskctl::server::connectors::signing::hmac_sha1_header;
use deskctl::server::connectors::{self, Http, InboundWebhook, Progress, WebhookError};
use serde_json::{Value, json};
use wiremock::matchers::{body_partial_json, header, method, path, path_regex, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const DESK_TOKEN: &str = "sb-desk-token-71c2";
const CHAT_TOKEN: &str = "sb-chat-token-0d9e";
const CHANNEL: &str = "sendbird_desk_agent_chat_9001";
const DESK_JSON: &str = "application/json; charset=utf8";

fn sendbird(server: &MockServer) -> connectors::Connection {
    let mut connection = connection(
        IntegrationKind::SendbirdDesk,
        &[("application-id", "APP-1"), ("group-key", "cs-team")],
        &[
            ("desk-api-token", DESK_TOKEN),
            ("chat-api-token", CHAT_TOKEN),
        ],
        &server.uri(),
    );
    connection
        .fields
        .insert("order-id".into(), "order-id".into());
    connection
}

fn ticket(id: u64) -> Value {
    json!({
        "id": id, "channelName": "Refund for order 123", "channelUrl": CHANNEL,
        "status2": "INITIALIZED", "priority": "HIGH", "customer": {"id": 501, "sendbirdId": "u-42"},
        "createdAt": "2027-01-15T08:00:00.000000Z"
    })
}

/// A Sendbird where user u-42 and its customer do not exist yet, and every
/// step answers; `ticket_answer` is what creating the ticket gets.
async fn fake(server: &MockServer, ticket_answer: ResponseTemplate) {
    Mock::given(method("GET"))
        .and(path("/v3/users/u-42"))
        .and(header("api-token", CHAT_TOKEN))
        .respond_with(ResponseTemplate::new(400).set_body_json(
            json!({"error": true, "code": 400201, "message": "\"User\" not found."}),
        ))
        .mount(server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v3/users"))
        .and(header("api-token", CHAT_TOKEN))
        .and(body_partial_json(
            json!({"user_id": "u-42", "nickname": "Dana Scully", "profile_url": ""}),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"user_id": "u-42"})))
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path("/platform/v1/customers"))
        .and(query_param("sendbird_id", "u-42"))
        .and(header("sendbirddeskapitoken", DESK_TOKEN))
        .and(header("content-type", DESK_JSON))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"results": [], "next": null})),
        )
        .mount(server)
        .await;
    Mock::given(method("POST"))
        .and(path("/platform/v1/customers"))
        .and(header("sendbirddeskapitoken", DESK_TOKEN))
        .and(header("content-type", DESK_JSON))
        .and(body_partial_json(
            json!({"sendbirdId": "u-42", "displayName": "Dana Scully"}),
        ))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"id": 501, "sendbirdId": "u-42"})),
        )
        .mount(server)
        .await;
    Mock::given(method("POST"))
        .and(path("/platform/v1/tickets"))
        .and(header("sendbirddeskapitoken", DESK_TOKEN))
        .and(header("content-type", DESK_JSON))
        .respond_with(ticket_answer)
        .mount(server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("/v3/group_channels/{CHANNEL}/messages")))
        .and(header("api-token", CHAT_TOKEN))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"message_id": 1})))
        .mount(server)
        .await;
}

#[tokio::test]
async fn a_handoff_becomes_a_ticket_the_customer_opens_with_the_summary_after() {
    let server = MockServer::start().await;
    fake(
        &server,
        ResponseTemplate::new(200).set_body_json(ticket(9001)),
    )
    .await;
    let delivered = deliver_first(&sendbird(&server), Priority::Urgent)
        .await
        .unwrap();
    assert_eq!(delivered.id, "9001");
    let created = posted(&server, "/platform/v1/tickets").await;
    assert_eq!(
        created,
        [json!({
            "channelName": "Refund for order 123",
            "customerId": 501,
            "groupKey": "cs-team",
            "priority": "URGENT",
            "customFields": "{\"order-id\":\"123\"}",
        })]
    );
    let messages = posted(&server, &format!("/v3/group_channels/{CHANNEL}/messages")).await;
    assert_eq!(messages.len(), 2);
    assert_eq!(messages[0]["message_type"], "MESG");
    assert_eq!(messages[0]["user_id"], "u-42");
    assert_eq!(messages[0]["message"], "Where is my refund?");
    assert_eq!(messages[1]["message_type"], "ADMM");
    let summary = messages[1]["message"].as_str().unwrap();
    assert!(
        summary.starts_with("Dana Scully asked for a person"),
        "{summary}"
    );
    assert!(
        summary.contains("Customer: Where is my refund?"),
        "{summary}"
    );
    // The order: user, customer, ticket, then the messages.
    let order: Vec<String> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| format!("{} {}", r.method, r.url.path()))
        .collect();
    assert_eq!(
        order,
        [
            "GET /v3/users/u-42",
            "POST /v3/users",
            "GET /platform/v1/customers",
            "POST /platform/v1/customers",
            "POST /platform/v1/tickets",
            &format!("POST /v3/group_channels/{CHANNEL}/messages"),
            &format!("POST /v3/group_channels/{CHANNEL}/messages"),
        ]
    );
}

#[tokio::test]
async fn an_existing_user_and_customer_are_reused() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v3/users/u-42"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"user_id": "u-42"})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/platform/v1/customers"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"results": [{"id": 777, "sendbirdId": "u-42"}]})),
        )
        .mount(&server)
        .await;
    fake(
        &server,
        ResponseTemplate::new(200).set_body_json(ticket(9001)),
    )
    .await;
    deliver_first(&sendbird(&server), Priority::Low)
        .await
        .unwrap();
    assert!(posted(&server, "/v3/users").await.is_empty());
    assert!(posted(&server, "/platform/v1/customers").await.is_empty());
    let created = posted(&server, "/platform/v1/tickets").await;
    assert_eq!(created[0]["customerId"], 777);
    assert_eq!(created[0]["priority"], "LOW");
}

#[tokio::test]
async fn priorities_follow_the_connections_own_mapping() {
    let server = MockServer::start().await;
    fake(
        &server,
        ResponseTemplate::new(200).set_body_json(ticket(9001)),
    )
    .await;
    let mut connection = sendbird(&server);
    connection
        .priorities
        .insert(Priority::Medium, "HIGH".into());
    deliver_first(&connection, Priority::Medium).await.unwrap();
    assert_eq!(
        posted(&server, "/platform/v1/tickets").await[0]["priority"],
        "HIGH"
    );
}

#[tokio::test]
async fn error_answers_are_permanent_with_sendbirds_message_and_sent_once() {
    let cases = [
        (
            400,
            json!({"error": true, "code": 400100, "message": "customFields: 'order-id' is not a registered ticket field."}),
            "not a registered ticket field. (code 400100)",
        ),
        (
            401,
            json!({"error": true, "code": 400401, "message": "Invalid value: \"SENDBIRDDESKAPITOKEN\"."}),
            "Invalid value",
        ),
        (
            403,
            json!({"error": true, "code": 400108, "message": "Not authorized. \"Desk is not enabled\"."}),
            "Desk is not enabled",
        ),
        (404, json!({"detail": "Not found."}), "Not found."),
        (
            422,
            json!({"error": true, "code": 400111, "message": "\"channelName\" is too long."}),
            "too long",
        ),
    ];
    for (status, body, said) in cases {
        let server = MockServer::start().await;
        fake(&server, ResponseTemplate::new(status).set_body_json(body)).await;
        let failure = deliver_first(&sendbird(&server), Priority::High)
            .await
            .unwrap_err();
        assert!(failure.permanent, "{status}");
        assert_eq!(failure.retry_after, None);
        assert!(failure.error.contains(said), "{status}: {}", failure.error);
        assert!(secret_free(&failure.error, &[DESK_TOKEN, CHAT_TOKEN]));
        assert_eq!(posted(&server, "/platform/v1/tickets").await.len(), 1);
    }
}

#[tokio::test]
async fn a_rate_limit_is_transient_with_the_wait_sendbird_asks() {
    let server = MockServer::start().await;
    fake(
        &server,
        ResponseTemplate::new(429)
            .insert_header("retry-after", "13")
            .set_body_json(json!({"error": true, "code": 429100, "message": "Too many requests."})),
    )
    .await;
    let failure = deliver_first(&sendbird(&server), Priority::High)
        .await
        .unwrap_err();
    assert!(!failure.permanent);
    assert_eq!(failure.retry_after, Some(Duration::from_secs(13)));
    assert!(failure.error.contains("code 429100"), "{}", failure.error);
}

#[tokio::test]
async fn a_lost_ticket_answer_is_found_by_customer_and_title_instead_of_created_twice() {
    let server = MockServer::start().await;
    // Desk makes the ticket, but its answer never arrives.
    fake(
        &server,
        ResponseTemplate::new(200)
            .set_body_json(ticket(9001))
            .set_delay(Duration::from_secs(5)),
    )
    .await;
    Mock::given(method("GET"))
        .and(path("/platform/v1/tickets"))
        .and(query_param("customer_id", "501"))
        .and(header("sendbirddeskapitoken", DESK_TOKEN))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"results": [
            // An older ticket of the same customer, and one of another title.
            {"id": 10, "channelName": "Refund for order 123", "channelUrl": "old",
             "customer": {"id": 501}, "createdAt": "2020-01-01T00:00:00Z"},
            {"id": 11, "channelName": "Something else", "channelUrl": "other",
             "customer": {"id": 501}, "createdAt": "2027-01-15T08:00:00Z"},
            ticket(9001),
        ]})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/v3/group_channels/{CHANNEL}/messages")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"messages": []})))
        .mount(&server)
        .await;
    let connection = sendbird(&server);
    let http = Http::default();
    let handoff = escalation(Priority::High);
    let mut first = Progress::resume(None, 1);
    let lost = tokio::time::timeout(
        Duration::from_millis(800),
        connectors::deliver(&http, &connection, &handoff, &mut first),
    )
    .await;
    assert!(lost.is_err(), "the first attempt's answer was to be lost");
    let mut second = Progress::resume(Some(&first.to_json()), 2);
    let delivered = connectors::deliver(&http, &connection, &handoff, &mut second)
        .await
        .unwrap();
    assert_eq!(delivered.id, "9001");
    assert_eq!(posted(&server, "/platform/v1/tickets").await.len(), 1);
    // The user and customer steps were kept: not made again.
    assert_eq!(posted(&server, "/v3/users").await.len(), 1);
    assert_eq!(posted(&server, "/platform/v1/customers").await.len(), 1);
    assert_eq!(
        posted(&server, &format!("/v3/group_channels/{CHANNEL}/messages"))
            .await
            .len(),
        2
    );
}

#[tokio::test]
async fn a_message_whose_answer_was_lost_is_not_posted_twice() {
    let server = MockServer::start().await;
    let messages = format!("/v3/group_channels/{CHANNEL}/messages");
    // The summary fails once with a server error; the first message went through.
    Mock::given(method("POST"))
        .and(path(messages.as_str()))
        .and(body_partial_json(json!({"message_type": "ADMM"})))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    fake(
        &server,
        ResponseTemplate::new(200).set_body_json(ticket(9001)),
    )
    .await;
    let connection = sendbird(&server);
    let http = Http::default();
    let handoff = escalation(Priority::High);
    let mut first = Progress::resume(None, 1);
    let failure = connectors::deliver(&http, &connection, &handoff, &mut first)
        .await
        .unwrap_err();
    assert!(!failure.permanent);
    // Sendbird did store the summary before failing: the retry must see it.
    Mock::given(method("GET"))
        .and(path(messages.as_str()))
        .and(query_param("custom_types", "deskctl-summary"))
        .and(header("api-token", CHAT_TOKEN))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"messages": [{"message_id": 2, "type": "ADMM", "custom_type": "deskctl-summary"}]}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let mut second = Progress::resume(Some(&first.to_json()), 2);
    connectors::deliver(&http, &connection, &handoff, &mut second)
        .await
        .unwrap();
    let messages_posted = posted(&server, &messages).await;
    let kinds: Vec<&str> = messages_posted
        .iter()
        .map(|m| m["message_type"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["MESG", "ADMM"], "nothing posted on the retry");
    assert_eq!(posted(&server, "/platform/v1/tickets").await.len(), 1);
}

async fn test_with(desk: ResponseTemplate, chat: ResponseTemplate) -> Vec<deskctl::api::TestCheck> {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/platform/v1/agents"))
        .and(query_param("limit", "1"))
        .and(header("sendbirddeskapitoken", DESK_TOKEN))
        .and(header("content-type", DESK_JSON))
        .respond_with(desk)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v3/users"))
        .and(header("api-token", CHAT_TOKEN))
        .respond_with(chat)
        .expect(1)
        .mount(&server)
        .await;
    connectors::test(&Http::default(), &sendbird(&server)).await
}

fn outcome(checks: &[deskctl::api::TestCheck], name: &str) -> (CheckOutcome, String) {
    let check = checks
        .iter()
        .find(|c| c.check == name)
        .unwrap_or_else(|| panic!("no {name} check in {checks:?}"));
    assert!(secret_free(&check.message, &[DESK_TOKEN, CHAT_TOKEN]));
    (check.outcome, check.message.clone())
}

#[tokio::test]
async fn the_connection_test_says_which_token_is_wrong() {
    let agents = || {
        ResponseTemplate::new(200)
            .set_body_json(json!({"results": [{"id": 1, "email": "a@x"}], "next": null}))
    };
    let users = || ResponseTemplate::new(200).set_body_json(json!({"users": [], "next": ""}));
    let refused = |code: u64| {
        ResponseTemplate::new(401).set_body_json(
            json!({"error": true, "code": code, "message": "Invalid value: \"Api-Token\"."}),
        )
    };
    let ok = test_with(agents(), users()).await;
    assert!(ok.iter().all(|c| c.outcome == CheckOutcome::Ok), "{ok:?}");

    let bad_desk = test_with(refused(400401), users()).await;
    let (desk, said) = outcome(&bad_desk, "desk-api-token");
    assert_eq!(desk, CheckOutcome::Failed);
    assert!(said.contains("refused the Desk API token"), "{said}");
    assert_eq!(outcome(&bad_desk, "chat-api-token").0, CheckOutcome::Ok);

    let bad_chat = test_with(agents(), refused(400401)).await;
    assert_eq!(outcome(&bad_chat, "desk-api-token").0, CheckOutcome::Ok);
    let (chat, said) = outcome(&bad_chat, "chat-api-token");
    assert_eq!(chat, CheckOutcome::Failed);
    assert!(said.contains("refused the Chat API token"), "{said}");

    let no_desk = test_with(
        ResponseTemplate::new(404).set_body_json(json!({"detail": "Not found."})),
        users(),
    )
    .await;
    let (app, said) = outcome(&no_desk, "application-id");
    assert_eq!(app, CheckOutcome::Failed);
    assert!(said.contains("no Desk for application APP-1"), "{said}");
}

#[tokio::test]
async fn the_connection_test_reports_an_unreachable_host() {
    let mut down = sendbird(&MockServer::start().await);
    down.base_url = Some("http://127.0.0.1:9".into());
    let checks = connectors::test(&Http::default(), &down).await;
    assert_eq!(checks.len(), 2);
    for check in &checks {
        assert_eq!(check.outcome, CheckOutcome::Failed);
        assert!(check.message.contains("cannot be reached"), "{check:?}");
    }
}

fn signed(body: &str, key: &str) -> http::HeaderMap {
    let mut headers = http::HeaderMap::new();
    headers.insert(
        "x-hub-signature",
        hmac_sha1_header(key.as_bytes(), body.as_bytes())
            .parse()
            .unwrap(),
    );
    headers
}

#[tokio::test]
async fn webhooks_are_verified_as_desk_signs_them() {
    let connection = sendbird(&MockServer::start().await);
    let now = jiff::Timestamp::now();
    let body = r#"{"eventType":"TICKET.CLOSED","data":{"id":9001,"status2":"CLOSED","channelUrl":"sendbird_desk_agent_chat_9001"}}"#;
    let receive = |headers: &http::HeaderMap, body: &str| {
        connectors::receive(
            &connection,
            &InboundWebhook {
                headers,
                query: None,
                body: body.as_bytes(),
            },
            now,
        )
    };
    let (verified, events) = receive(&signed(body, DESK_TOKEN), body).unwrap();
    assert_eq!(events[0].id, "9001");
    assert_eq!(events[0].status, ExternalStatus::Resolved);
    assert!(verified.replay_key.starts_with("sha1="));
    let tampered = body.replace("CLOSED\",\"channel", "ACTIVE\",\"channel");
    assert!(matches!(
        receive(&signed(body, DESK_TOKEN), &tampered),
        Err(WebhookError::Unauthenticated(_))
    ));
    // Signed with the Chat token instead of the Desk token.
    assert!(matches!(
        receive(&signed(body, CHAT_TOKEN), body),
        Err(WebhookError::Unauthenticated(_))
    ));
    match receive(&http::HeaderMap::new(), body) {
        Err(WebhookError::Unauthenticated(why)) => assert!(why.contains("x-hub-signature")),
        other => panic!("{other:?}"),
    }
}

// ---- end to end, with the real binary ----

const ENV: &[(&str, &str)] = &[("SB_DESK", DESK_TOKEN), ("SB_CHAT", CHAT_TOKEN)];
const USER_PATH: &str = r"^/v3/users/dana(%40|@)example\.com$";

/// A fake Sendbird for the CLI tests, with Dana's user and customer existing
/// and `tickets` answering the ticket creation.
async fn fake_for_cli(tickets: &[ResponseTemplate]) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/platform/v1/agents"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"results": []})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v3/users"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"users": []})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path_regex(USER_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"user_id": "dana"})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/platform/v1/customers"))
        .and(query_param("sendbird_id", "dana@example.com"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"results": [{"id": 501}]})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/platform/v1/tickets"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"results": []})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/v3/group_channels/{CHANNEL}/messages")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"messages": []})))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("/v3/group_channels/{CHANNEL}/messages")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"message_id": 1})))
        .mount(&server)
        .await;
    let (last, first) = tickets.split_last().unwrap();
    for answer in first {
        Mock::given(method("POST"))
            .and(path("/platform/v1/tickets"))
            .respond_with(answer.clone())
            .up_to_n_times(1)
            .mount(&server)
            .await;
    }
    Mock::given(method("POST"))
        .and(path("/platform/v1/tickets"))
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
            "sendbird-desk",
            "--set",
            "application-id=APP-1",
            "--set",
            "group-key=cs-team",
            "--secret",
            "desk-api-token=env:SB_DESK",
            "--secret",
            "chat-api-token=env:SB_CHAT",
            "--base-url",
            base,
        ],
    );
    assert!(ok, "{text}");
    assert!(
        text.contains("The Sendbird Desk connection works"),
        "{text}"
    );
    let (ok, text) = run(&desk, ENV, &["integrations", "test", "sendbird-desk"]);
    assert!(ok && text.contains("chat-api-token"), "{text}");
    desk.run(&["actions", "set", "shop", "--platform", "sendbird-desk"]);
    desk
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cli_a_production_handoff_arrives_before_the_command_returns() {
    let server = fake_for_cli(&[ResponseTemplate::new(200).set_body_json(ticket(9001))]).await;
    let desk = connected(&server.uri());
    let sent = send(&desk, ENV, "one");
    assert_eq!(sent["outcome"], "external", "{sent}");
    let created = posted(&server, "/platform/v1/tickets").await;
    assert_eq!(created.len(), 1);
    assert_eq!(created[0]["priority"], "HIGH");
    assert_eq!(created[0]["customerId"], 501);
    assert_eq!(created[0]["groupKey"], "cs-team");
    let messages = posted(&server, &format!("/v3/group_channels/{CHANNEL}/messages")).await;
    assert_eq!(messages[0]["message"], "Please get me a person.");
    assert_eq!(messages[0]["user_id"], "dana@example.com");
    let shown = show(&desk, sent["id"].as_str().unwrap());
    assert_eq!(shown["external"]["kind"], "sendbird-desk", "{shown}");
    assert_eq!(shown["external"]["id"], "9001");
    assert_eq!(shown["external"]["status"], "created");
    let (_, details) = run(&desk, ENV, &["integrations", "show", "sendbird-desk"]);
    assert!(details.contains("sha256:"), "{details}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cli_a_rate_limited_delivery_waits_as_told_and_arrives_once() {
    let server = fake_for_cli(&[
        ResponseTemplate::new(429).insert_header("retry-after", "1"),
        ResponseTemplate::new(200).set_body_json(ticket(9001)),
    ])
    .await;
    let desk = connected(&server.uri());
    let sent = send(&desk, ENV, "limited");
    let created = posted(&server, "/platform/v1/tickets").await;
    assert_eq!(created.len(), 2, "one refused, one accepted");
    assert_eq!(created[0], created[1]);
    let shown = show(&desk, sent["id"].as_str().unwrap());
    assert_eq!(shown["external"]["status"], "created", "{shown}");
    assert_eq!(shown["external"]["id"], "9001");
    let messages = posted(&server, &format!("/v3/group_channels/{CHANNEL}/messages")).await;
    assert_eq!(messages.len(), 2, "each message once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cli_a_permanent_error_is_reported_and_not_retried() {
    let server = fake_for_cli(&[ResponseTemplate::new(400).set_body_json(json!({
        "error": true, "code": 400100, "message": "\"groupKey\" cs-team does not exist."
    }))])
    .await;
    let desk = connected(&server.uri());
    let sent = send(&desk, ENV, "invalid");
    desk.run(&["operators", "availability", "bob", "online"]);
    let (_, dead) = run(
        &desk,
        ENV,
        &[
            "integrations",
            "deliveries",
            "sendbird-desk",
            "--state",
            "dead",
        ],
    );
    assert!(dead.contains("cs-team does not exist"), "{dead}");
    let shown = show(&desk, sent["id"].as_str().unwrap());
    assert_eq!(shown["external"]["status"], "failed", "{shown}");
    assert_eq!(posted(&server, "/platform/v1/tickets").await.len(), 1);
}
