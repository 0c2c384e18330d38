//! The Sendbird Desk connector against a fake Sendbird that answers as its
//! Desk Platform API and Chat API document (../shared/reference/
//! platform-apis.md §3; Chat request bodies are checked against Sendbird's
//! own API description): the customer, the related chat that carries the
//! agents' note where the customer is not, the ticket released to the queue
//! without speaking for the customer; errors, rate limits, lost answers
//! (found by the related chat, never by comparing clocks), the connection
//! test, signed webhooks; and the same end to end with the real binary.

use crate::common;

use std::time::Duration;

use common::connectors::{
    FIRST_WORDS, Spec, assert_agents_see_the_whole_handoff, assert_customer_sees_no_agent_material,
    assert_no_forged_turns, assert_title_cut_at, connection, deliver, deliver_first, escalation,
    long_and_forged, lose_answer, received, secret_free,
};
use common::integrations::{desk_with_agent, posted, run, send, show};
use deskctl::api::{CheckOutcome, ExternalStatus, IntegrationKind, Priority};
use deskctl::server::connectors::signing::hmac_sha1_header;
use deskctl::server::connectors::{self, Http, InboundWebhook, Progress, WebhookError};
use serde_json::{Value, json};
use wiremock::matchers::{body_partial_json, header, method, path, path_regex, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const DESK_TOKEN: &str = "sb-desk-token-71c2";
const CHAT_TOKEN: &str = "sb-chat-token-0d9e";
/// The ticket's own channel: the customer's chat with the agent.
const CHANNEL: &str = "sendbird_desk_agent_chat_9001";
/// Handoff `hof_1`'s related chat, where the agents' note goes.
const RELATED: &str = "deskctl-handoff-hof_1";
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
        "id": id, "channelName": FIRST_WORDS, "channelUrl": CHANNEL,
        "status2": "INITIALIZED", "priority": "HIGH", "customer": {"id": 501, "sendbirdId": "u-42"},
        "relatedChannels": format!("[{{\"channel_url\": \"{RELATED}\", \"name\": \"Desk handoff hof_1\"}}]"),
        "createdAt": "2027-01-15T08:00:00.000000Z"
    })
}

/// A Chat user missing: 400 with code 400201.
fn no_user() -> ResponseTemplate {
    ResponseTemplate::new(400)
        .set_body_json(json!({"error": true, "code": 400201, "message": "\"User\" not found."}))
}

/// A Sendbird where user u-42, its customer and the notes user do not exist
/// yet, and every step answers; `ticket_answer` is what creating the ticket
/// gets.
async fn fake(server: &MockServer, ticket_answer: ResponseTemplate) {
    for user in ["u-42", "deskctl-handoffs"] {
        Mock::given(method("GET"))
            .and(path(format!("/v3/users/{user}")))
            .and(header("api-token", CHAT_TOKEN))
            .respond_with(no_user())
            .mount(server)
            .await;
    }
    Mock::given(method("POST"))
        .and(path("/v3/users"))
        .and(header("api-token", CHAT_TOKEN))
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
        .and(path("/v3/group_channels"))
        .and(header("api-token", CHAT_TOKEN))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"channel_url": RELATED, "member_count": 1})),
        )
        .mount(server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("/v3/group_channels/{RELATED}/messages")))
        .and(header("api-token", CHAT_TOKEN))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"message_id": 1})))
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
        .and(path("/platform/v1/tickets/transfer_to_group"))
        .and(header("sendbirddeskapitoken", DESK_TOKEN))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"results": [ticket(9001)]})))
        .mount(server)
        .await;
}

/// Checks every Chat API body against Sendbird's description; returns the
/// requests.
async fn all_as_documented(server: &MockServer) -> Vec<(String, String, Value)> {
    let spec = Spec::load("sendbird-chat.yaml");
    let requests = received(server).await;
    for (verb, path, body) in &requests {
        if verb != "POST" || !path.starts_with("/v3/") {
            continue;
        }
        let operation = match path.as_str() {
            "/v3/users" | "/v3/group_channels" => path.clone(),
            _ if path.ends_with("/messages") => "/v3/{channel_type}/{channel_url}/messages".into(),
            other => panic!("no description checked for {other}"),
        };
        spec.check_request("post", &operation, body);
    }
    requests
}

#[tokio::test]
async fn the_whole_handoff_reaches_agents_in_a_related_chat_the_customer_is_not_in() {
    let server = MockServer::start().await;
    fake(
        &server,
        ResponseTemplate::new(200).set_body_json(ticket(9001)),
    )
    .await;
    let mut connection = sendbird(&server);
    connection
        .fields
        .insert("loyalty-tier".into(), "loyalty-tier".into());
    let delivered = deliver_first(&connection, Priority::Urgent).await.unwrap();
    assert_eq!(delivered.id, "9001");
    let requests = all_as_documented(&server).await;
    let order: Vec<String> = requests
        .iter()
        .map(|(verb, path, _)| format!("{verb} {path}"))
        .collect();
    assert_eq!(
        order,
        [
            "GET /v3/users/u-42",
            "POST /v3/users",
            "GET /platform/v1/customers",
            "POST /platform/v1/customers",
            "GET /v3/users/deskctl-handoffs",
            "POST /v3/users",
            "POST /v3/group_channels",
            &format!("POST /v3/group_channels/{RELATED}/messages"),
            "POST /platform/v1/tickets",
            "POST /platform/v1/tickets/transfer_to_group",
        ]
    );
    let users = posted(&server, "/v3/users").await;
    assert_eq!(
        users[0],
        json!({"user_id": "u-42", "nickname": "Dana Scully", "profile_url": "",
               "metadata": {"email": "dana@example.com", "phone": "+15550100"}})
    );
    let related = &posted(&server, "/v3/group_channels").await[0];
    assert_eq!(related["channel_url"], RELATED);
    assert_eq!(
        related["user_ids"],
        json!(["deskctl-handoffs"]),
        "not the customer"
    );
    let mut created = posted(&server, "/platform/v1/tickets").await[0].clone();
    let fields: Value = serde_json::from_str(created["customFields"].as_str().unwrap()).unwrap();
    assert_eq!(fields, json!({"order-id": "123", "loyalty-tier": "gold"}));
    created.as_object_mut().unwrap().remove("customFields");
    assert_eq!(
        created,
        json!({
            "channelName": FIRST_WORDS,
            "customerId": 501,
            "priority": "URGENT",
            "relatedChannelUrls": RELATED,
            "groupKey": "cs-team",
        })
    );
    assert_eq!(
        posted(&server, "/platform/v1/tickets/transfer_to_group").await,
        [json!({"tickets": [9001], "status": "PENDING", "groupKey": "cs-team"})]
    );
    let note: String = posted(&server, &format!("/v3/group_channels/{RELATED}/messages"))
        .await
        .iter()
        .inspect(|message| assert_eq!(message["user_id"], "deskctl-handoffs"))
        .map(|message| message["message"].as_str().unwrap().to_string())
        .collect();
    assert_agents_see_the_whole_handoff(&note, Priority::Urgent);
    // The customer's chat (the ticket's channel) gets nothing; the title is
    // their own first words.
    assert!(
        !order.iter().any(|request| request.contains(CHANNEL)),
        "{order:?}"
    );
    assert_customer_sees_no_agent_material(created["channelName"].as_str().unwrap());
}

#[tokio::test]
async fn a_long_title_is_cut_at_100_characters_and_no_message_forges_a_turn() {
    let server = MockServer::start().await;
    fake(
        &server,
        ResponseTemplate::new(200).set_body_json(ticket(9001)),
    )
    .await;
    deliver(&sendbird(&server), &long_and_forged(Priority::High), 1)
        .await
        .unwrap();
    let created = &posted(&server, "/platform/v1/tickets").await[0];
    assert_title_cut_at(created["channelName"].as_str().unwrap(), 100);
    let note: String = posted(&server, &format!("/v3/group_channels/{RELATED}/messages"))
        .await
        .iter()
        .map(|message| message["message"].as_str().unwrap().to_string())
        .collect();
    assert_no_forged_turns(&note);
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
        .and(path("/v3/users/deskctl-handoffs"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"user_id": "deskctl-handoffs"})),
        )
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
async fn a_lost_ticket_answer_is_found_by_its_related_chat_whatever_the_clocks_say() {
    let server = MockServer::start().await;
    // Desk makes the ticket, but its answer never arrives.
    fake(
        &server,
        ResponseTemplate::new(200)
            .set_body_json(ticket(9001))
            .set_delay(Duration::from_secs(5)),
    )
    .await;
    let mut made = ticket(9001);
    // Sendbird's clock is behind ours: the ticket looks made before the
    // handoff was accepted. Only the related chat tells which ticket it is.
    made["createdAt"] = json!("2027-01-15T07:59:58.000000Z");
    Mock::given(method("GET"))
        .and(path("/platform/v1/tickets"))
        .and(query_param("customer_id", "501"))
        .and(header("sendbirddeskapitoken", DESK_TOKEN))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"results": [
            // Dana's earlier ticket with the same title.
            {"id": 10, "channelName": FIRST_WORDS, "channelUrl": "old",
             "customer": {"id": 501}, "relatedChannels": "[]"},
            made,
        ]})))
        .expect(1)
        .mount(&server)
        .await;
    let connection = sendbird(&server);
    let http = Http::default();
    let handoff = escalation(Priority::High);
    let mut second = lose_answer(
        &server,
        &connection,
        &handoff,
        "POST",
        "/platform/v1/tickets",
    )
    .await;
    let delivered = connectors::deliver(&http, &connection, &handoff, &mut second)
        .await
        .unwrap();
    assert_eq!(delivered.id, "9001");
    assert_eq!(posted(&server, "/platform/v1/tickets").await.len(), 1);
    // The steps before were kept: nothing made again.
    assert_eq!(posted(&server, "/v3/users").await.len(), 2);
    assert_eq!(posted(&server, "/platform/v1/customers").await.len(), 1);
    assert_eq!(posted(&server, "/v3/group_channels").await.len(), 1);
    assert_eq!(
        posted(&server, &format!("/v3/group_channels/{RELATED}/messages"))
            .await
            .len(),
        1
    );
}

#[tokio::test]
async fn a_related_chat_made_before_is_not_made_again() {
    let server = MockServer::start().await;
    // Found by its URL on a later attempt.
    Mock::given(method("GET"))
        .and(path(format!("/v3/group_channels/{RELATED}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"channel_url": RELATED})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/v3/group_channels/{RELATED}/messages")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"messages": []})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/platform/v1/tickets"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"results": []})))
        .mount(&server)
        .await;
    fake(
        &server,
        ResponseTemplate::new(200).set_body_json(ticket(9001)),
    )
    .await;
    deliver(&sendbird(&server), &escalation(Priority::High), 2)
        .await
        .unwrap();
    assert!(posted(&server, "/v3/group_channels").await.is_empty());

    // Refused as taken when made again: it is this handoff's, and delivery goes on.
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v3/group_channels"))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({
            "error": true, "code": 400202, "message": "\"channel_url\" violates a unique constraint."
        })))
        .mount(&server)
        .await;
    fake(
        &server,
        ResponseTemplate::new(200).set_body_json(ticket(9001)),
    )
    .await;
    assert_eq!(
        deliver_first(&sendbird(&server), Priority::High)
            .await
            .unwrap()
            .id,
        "9001"
    );
}

#[tokio::test]
async fn a_note_whose_answer_was_lost_is_not_posted_twice() {
    let server = MockServer::start().await;
    let messages = format!("/v3/group_channels/{RELATED}/messages");
    // The note fails once with a server error after Sendbird stored it.
    Mock::given(method("POST"))
        .and(path(messages.as_str()))
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
    Mock::given(method("GET"))
        .and(path(messages.as_str()))
        .and(query_param("custom_types", "deskctl-handoff"))
        .and(query_param("message_ts", "0"))
        .and(header("api-token", CHAT_TOKEN))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"messages": [
                {"message_id": 2, "type": "ADMM", "custom_type": "deskctl-handoff",
                 "data": "{\"handoff\":\"hof_1\",\"part\":1}"}
            ]})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let mut second = Progress::resume(Some(&first.to_json()), 2);
    connectors::deliver(&http, &connection, &handoff, &mut second)
        .await
        .unwrap();
    assert_eq!(
        posted(&server, &messages).await.len(),
        1,
        "not posted on the retry"
    );
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
        .and(path("/v3/users/deskctl-handoffs"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"user_id": "deskctl-handoffs"})),
        )
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
    Mock::given(method("POST"))
        .and(path("/v3/group_channels"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"channel_url": "x"})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path_regex(
            r"^/v3/group_channels/deskctl-handoff-[^/]+/messages$",
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"messages": []})))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path_regex(
            r"^/v3/group_channels/deskctl-handoff-[^/]+/messages$",
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"message_id": 1})))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/platform/v1/tickets/transfer_to_group"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"results": []})))
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

/// The note messages posted into handoff `id`'s related chat.
async fn notes(server: &MockServer, id: &str) -> Vec<Value> {
    posted(
        server,
        &format!("/v3/group_channels/deskctl-handoff-{id}/messages"),
    )
    .await
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
    assert_eq!(
        created[0]["relatedChannelUrls"],
        format!("deskctl-handoff-{}", sent["id"].as_str().unwrap())
    );
    let note = notes(&server, sent["id"].as_str().unwrap()).await;
    assert!(
        note[0]["message"]
            .as_str()
            .unwrap()
            .contains("Customer: Please get me a person."),
        "{note:?}"
    );
    assert!(
        posted(&server, &format!("/v3/group_channels/{CHANNEL}/messages"))
            .await
            .is_empty(),
        "nothing posted as the customer"
    );
    let shown = show(&desk, sent["id"].as_str().unwrap());
    assert_eq!(shown["external"]["kind"], "sendbird-desk", "{shown}");
    assert_eq!(shown["external"]["id"], "9001");
    assert_eq!(shown["external"]["status"], "created");
    let (_, details) = run(&desk, ENV, &["integrations", "show", "sendbird-desk"]);
    assert!(details.contains("hmac:"), "{details}");
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
    assert_eq!(
        notes(&server, sent["id"].as_str().unwrap()).await.len(),
        1,
        "the note once"
    );
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
