//! The Salesforce connector against a fake org that answers as the REST API
//! documents (../shared/reference/platform-apis.md §4): the client credentials
//! token, the Case and its CaseComments, error arrays, the API allocation
//! running out, and that a lost answer never makes a second Case.

use crate::common;

use std::time::Duration;

use common::connectors::{connection, deliver_first, escalation, secret_free};
use deskctl::api::{CheckOutcome, ExternalStatus, IntegrationKind, MessageRole, Priority};
use deskctl::server::connectors::salesforce::COMMENT_BYTES;
use deskctl::server::connectors::{self, Http, InboundWebhook, Progress, WebhookError};
use serde_json::json;
use wiremock::matchers::{
    body_partial_json, body_string, header, method, path, query_param, query_param_contains,
};
use wiremock::{Mock, MockServer, ResponseTemplate};

const CLIENT_ID: &str = "3MVG9-consumer-key";
const SECRET: &str = "sf-consumer-secret-Qx7";
const ACCESS: &str = "00D5g!AQ-access-token";
const HOOK_TOKEN: &str = "sf-hook-token-Zp1";
const API: &str = "/services/data/v62.0";

fn salesforce(server: &MockServer, external_id: bool) -> connectors::Connection {
    let mut settings = vec![("my-domain", "acme"), ("client-id", CLIENT_ID)];
    if external_id {
        settings.push(("external-id-field", "Desk_Handoff_Id__c"));
    }
    let mut connection = connection(
        IntegrationKind::Salesforce,
        &settings,
        &[("client-secret", SECRET), ("webhook-token", HOOK_TOKEN)],
        &server.uri(),
    );
    connection
        .fields
        .insert("order-id".into(), "Order_Id__c".into());
    connection
}

fn bearer() -> String {
    format!("Bearer {ACCESS}")
}

/// The token call: form-encoded client credentials, answered with a token.
async fn token_ok(server: &MockServer, times: u64) {
    Mock::given(method("POST"))
        .and(path("/services/oauth2/token"))
        .and(header("content-type", "application/x-www-form-urlencoded"))
        .and(body_string(format!(
            "grant_type=client_credentials&client_id={CLIENT_ID}&client_secret={SECRET}"
        )))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "access_token": ACCESS,
            "instance_url": "https://acme.my.salesforce.com",
            "id": "https://login.salesforce.com/id/00D5g/0055g",
            "token_type": "Bearer",
            "issued_at": "1800000000000",
            "signature": "sig"
        })))
        .expect(times)
        .mount(server)
        .await;
}

fn created(id: &str) -> ResponseTemplate {
    ResponseTemplate::new(201).set_body_json(json!({"id": id, "success": true, "errors": []}))
}

async fn comments_ok(server: &MockServer, case: &str, times: u64) {
    Mock::given(method("POST"))
        .and(path(format!("{API}/sobjects/CaseComment/")))
        .and(header("authorization", bearer().as_str()))
        .and(body_partial_json(
            json!({"ParentId": case, "IsPublished": false}),
        ))
        .respond_with(created("00a5g000001"))
        .expect(times)
        .mount(server)
        .await;
}

#[tokio::test]
async fn a_handoff_becomes_a_case_with_a_private_comment() {
    let server = MockServer::start().await;
    token_ok(&server, 1).await;
    Mock::given(method("POST"))
        .and(path(format!("{API}/sobjects/Case/")))
        .and(header("authorization", bearer().as_str()))
        .and(header("content-type", "application/json"))
        .and(body_partial_json(json!({
            "Subject": "Refund for order 123",
            "Description": "Dana Scully asked for a person on web after 2 messages.",
            "Priority": "High",
            "Origin": "Web",
            "SuppliedName": "Dana Scully",
            "SuppliedEmail": "dana@example.com",
            "Order_Id__c": "123",
            "Desk_Handoff_Id__c": "hof_1",
        })))
        .respond_with(created("5005g00000AbCdE"))
        .expect(1)
        .mount(&server)
        .await;
    comments_ok(&server, "5005g00000AbCdE", 1).await;
    let delivered = deliver_first(&salesforce(&server, true), Priority::Urgent)
        .await
        .unwrap();
    assert_eq!(delivered.id, "5005g00000AbCdE");
    assert_eq!(
        delivered.url.as_deref(),
        Some(format!("{}/lightning/r/Case/5005g00000AbCdE/view", server.uri()).as_str())
    );
    let requests = server.received_requests().await.unwrap();
    let comment: serde_json::Value = requests.last().unwrap().body_json().unwrap();
    let body = comment["CommentBody"].as_str().unwrap();
    assert!(body.starts_with("Dana Scully asked"), "{body}");
    assert!(body.contains("Customer: Where is my refund?"), "{body}");
}

#[tokio::test]
async fn priorities_follow_the_default_picklist_or_the_connections_own() {
    for (priority, expected, override_urgent) in [
        (Priority::Low, "Low", None),
        (Priority::Medium, "Medium", None),
        (Priority::High, "High", None),
        (Priority::Urgent, "Critical", Some("Critical")),
    ] {
        let server = MockServer::start().await;
        token_ok(&server, 1).await;
        let mut connection = salesforce(&server, true);
        if let Some(value) = override_urgent {
            connection.priorities.insert(Priority::Urgent, value.into());
        }
        Mock::given(method("POST"))
            .and(path(format!("{API}/sobjects/Case/")))
            .and(body_partial_json(json!({"Priority": expected})))
            .respond_with(created("500A"))
            .expect(1)
            .mount(&server)
            .await;
        comments_ok(&server, "500A", 1).await;
        deliver_first(&connection, priority).await.unwrap();
    }
}

#[tokio::test]
async fn a_long_transcript_is_split_into_comments_within_the_byte_limit() {
    let server = MockServer::start().await;
    token_ok(&server, 1).await;
    Mock::given(method("POST"))
        .and(path(format!("{API}/sobjects/Case/")))
        .respond_with(created("500B"))
        .expect(1)
        .mount(&server)
        .await;
    comments_ok(&server, "500B", 3).await;
    let mut long = escalation(Priority::Medium);
    for _ in 0..40 {
        long.transcript.push(deskctl::api::TranscriptMessage {
            role: MessageRole::Customer,
            // 2-byte characters, so a cut by bytes could land inside one.
            text: "ü".repeat(120),
            at: None,
        });
    }
    let mut progress = Progress::resume(None, 1);
    connectors::deliver(
        &Http::default(),
        &salesforce(&server, true),
        &long,
        &mut progress,
    )
    .await
    .unwrap();
    let requests = server.received_requests().await.unwrap();
    let pieces: Vec<String> = requests
        .iter()
        .filter(|request| request.url.path().ends_with("/CaseComment/"))
        .map(|request| {
            let body: serde_json::Value = request.body_json().unwrap();
            body["CommentBody"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(pieces.len(), 3);
    assert!(pieces.iter().all(|piece| piece.len() <= COMMENT_BYTES));
    assert_eq!(pieces.concat(), long.note_text());
}

#[tokio::test]
async fn error_arrays_are_permanent_with_salesforces_message_and_sent_once() {
    let cases = [
        (
            400,
            json!([{"message": "Required fields are missing: [Subject]", "errorCode": "REQUIRED_FIELD_MISSING", "fields": ["Subject"]}]),
            "REQUIRED_FIELD_MISSING: Required fields are missing: [Subject] (fields: Subject)",
        ),
        (
            400,
            json!([{"message": "Priority: bad value for restricted picklist field: Urgent", "errorCode": "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "fields": ["Priority"]}]),
            "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
        ),
        (
            403,
            json!([{"message": "insufficient access rights on object id", "errorCode": "INSUFFICIENT_ACCESS_OR_READONLY"}]),
            "INSUFFICIENT_ACCESS_OR_READONLY: insufficient access rights",
        ),
        (
            404,
            json!([{"message": "The requested resource does not exist", "errorCode": "NOT_FOUND"}]),
            "NOT_FOUND: The requested resource does not exist",
        ),
        (
            422,
            json!([{"message": "Unprocessable", "errorCode": "FIELD_CUSTOM_VALIDATION_EXCEPTION"}]),
            "FIELD_CUSTOM_VALIDATION_EXCEPTION: Unprocessable",
        ),
    ];
    for (status, body, said) in cases {
        let server = MockServer::start().await;
        token_ok(&server, 1).await;
        Mock::given(method("POST"))
            .and(path(format!("{API}/sobjects/Case/")))
            .respond_with(ResponseTemplate::new(status).set_body_json(body))
            .expect(1)
            .mount(&server)
            .await;
        let failure = deliver_first(&salesforce(&server, true), Priority::High)
            .await
            .unwrap_err();
        assert!(failure.permanent, "{status}");
        assert_eq!(failure.retry_after, None);
        assert!(failure.error.contains(said), "{status}: {}", failure.error);
        assert!(secret_free(&failure.error, &[SECRET, ACCESS]));
    }
}

#[tokio::test]
async fn the_api_allocation_running_out_is_transient() {
    let server = MockServer::start().await;
    token_ok(&server, 1).await;
    Mock::given(method("POST"))
        .and(path(format!("{API}/sobjects/Case/")))
        .respond_with(ResponseTemplate::new(403).set_body_json(json!([{
            "message": "TotalRequests Limit exceeded.",
            "errorCode": "REQUEST_LIMIT_EXCEEDED"
        }])))
        .expect(1)
        .mount(&server)
        .await;
    let failure = deliver_first(&salesforce(&server, true), Priority::High)
        .await
        .unwrap_err();
    assert!(!failure.permanent, "{failure:?}");
    // No Retry-After: the outbox's own backoff decides.
    assert_eq!(failure.retry_after, None);
    assert!(
        failure.error.contains("REQUEST_LIMIT_EXCEEDED"),
        "{}",
        failure.error
    );
}

#[tokio::test]
async fn an_expired_session_gets_a_new_token_and_one_more_try() {
    let server = MockServer::start().await;
    token_ok(&server, 2).await;
    let expired =
        json!([{"message": "Session expired or invalid", "errorCode": "INVALID_SESSION_ID"}]);
    Mock::given(method("POST"))
        .and(path(format!("{API}/sobjects/Case/")))
        .respond_with(ResponseTemplate::new(401).set_body_json(expired.clone()))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("{API}/sobjects/Case/")))
        .respond_with(created("500C"))
        .expect(1)
        .mount(&server)
        .await;
    comments_ok(&server, "500C", 1).await;
    assert_eq!(
        deliver_first(&salesforce(&server, true), Priority::High)
            .await
            .unwrap()
            .id,
        "500C"
    );

    // A session refused again after a new token is permanent, after one retry.
    let server = MockServer::start().await;
    token_ok(&server, 2).await;
    Mock::given(method("POST"))
        .and(path(format!("{API}/sobjects/Case/")))
        .respond_with(ResponseTemplate::new(401).set_body_json(expired))
        .expect(2)
        .mount(&server)
        .await;
    let failure = deliver_first(&salesforce(&server, true), Priority::High)
        .await
        .unwrap_err();
    assert!(failure.permanent);
    assert!(
        failure.error.contains("INVALID_SESSION_ID"),
        "{}",
        failure.error
    );
}

#[tokio::test]
async fn token_errors_say_which_credential_is_wrong() {
    let cases = [
        (
            json!({"error": "invalid_client_id", "error_description": "client identifier invalid"}),
            "does not know the client id",
        ),
        (
            json!({"error": "invalid_client", "error_description": "invalid client credentials"}),
            "refused the client secret",
        ),
        (
            json!({"error": "invalid_grant", "error_description": "no client credentials user enabled"}),
            "Client Credentials Flow",
        ),
    ];
    for (body, said) in cases {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/services/oauth2/token"))
            .respond_with(ResponseTemplate::new(400).set_body_json(body))
            .expect(2)
            .mount(&server)
            .await;
        let failure = deliver_first(&salesforce(&server, true), Priority::High)
            .await
            .unwrap_err();
        assert!(failure.permanent);
        assert!(failure.error.contains(said), "{}", failure.error);
        assert!(secret_free(&failure.error, &[SECRET]));
        let checks = connectors::test(&Http::default(), &salesforce(&server, true)).await;
        assert_eq!(checks.len(), 1);
        assert_eq!(checks[0].check, "credentials");
        assert_eq!(checks[0].outcome, CheckOutcome::Failed);
        assert!(checks[0].message.contains(said), "{}", checks[0].message);
        assert!(secret_free(&checks[0].message, &[SECRET]));
    }
}

/// Runs two attempts where the first one's last answer never arrives.
async fn lose_then_retry(connection: &connectors::Connection) -> connectors::Delivered {
    let http = Http::default();
    let ticket = escalation(Priority::High);
    let mut first = Progress::resume(None, 1);
    let lost = tokio::time::timeout(
        Duration::from_millis(500),
        connectors::deliver(&http, connection, &ticket, &mut first),
    )
    .await;
    assert!(lost.is_err(), "the first attempt's answer was to be lost");
    let mut second = Progress::resume(Some(&first.to_json()), 2);
    connectors::deliver(&http, connection, &ticket, &mut second)
        .await
        .unwrap()
}

async fn no_comments_yet(server: &MockServer, case: &str) {
    Mock::given(method("GET"))
        .and(path(format!("{API}/query")))
        .and(query_param_contains("q", "FROM CaseComment"))
        .and(query_param_contains("q", format!("ParentId = '{case}'")))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"totalSize": 0, "done": true, "records": []})),
        )
        .expect(1)
        .mount(server)
        .await;
}

/// The lookup of handoff `hof_1`'s Case by the external-id field, once.
async fn case_by_external_id(server: &MockServer, answer: ResponseTemplate) {
    Mock::given(method("GET"))
        .and(path(format!(
            "{API}/sobjects/Case/Desk_Handoff_Id__c/hof_1"
        )))
        .and(header("authorization", bearer().as_str()))
        .respond_with(answer)
        .expect(1)
        .mount(server)
        .await;
}

#[tokio::test]
async fn a_lost_answer_is_found_by_the_external_id_field() {
    let server = MockServer::start().await;
    token_ok(&server, 2).await;
    Mock::given(method("POST"))
        .and(path(format!("{API}/sobjects/Case/")))
        .respond_with(created("500D").set_delay(Duration::from_secs(5)))
        .expect(1)
        .mount(&server)
        .await;
    case_by_external_id(
        &server,
        ResponseTemplate::new(200).set_body_json(json!({
            "attributes": {"type": "Case", "url": format!("{API}/sobjects/Case/500D")},
            "Id": "500D"
        })),
    )
    .await;
    no_comments_yet(&server, "500D").await;
    comments_ok(&server, "500D", 1).await;
    let delivered = lose_then_retry(&salesforce(&server, true)).await;
    assert_eq!(delivered.id, "500D");
}

#[tokio::test]
async fn an_attempt_after_a_failure_creates_when_the_external_id_finds_nothing() {
    let server = MockServer::start().await;
    token_ok(&server, 1).await;
    case_by_external_id(
        &server,
        ResponseTemplate::new(404).set_body_json(json!([{
            "errorCode": "NOT_FOUND", "message": "The requested resource does not exist"
        }])),
    )
    .await;
    Mock::given(method("POST"))
        .and(path(format!("{API}/sobjects/Case/")))
        .respond_with(created("500E"))
        .expect(1)
        .mount(&server)
        .await;
    no_comments_yet(&server, "500E").await;
    comments_ok(&server, "500E", 1).await;
    let mut second = Progress::resume(Some("{}"), 2);
    let delivered = connectors::deliver(
        &Http::default(),
        &salesforce(&server, true),
        &escalation(Priority::High),
        &mut second,
    )
    .await
    .unwrap();
    assert_eq!(delivered.id, "500E");
}

#[tokio::test]
async fn without_an_external_id_field_the_subject_carries_the_handoff_id() {
    let server = MockServer::start().await;
    token_ok(&server, 2).await;
    Mock::given(method("POST"))
        .and(path(format!("{API}/sobjects/Case/")))
        .and(body_partial_json(
            json!({"Subject": "Refund for order 123 [Desk hof_1]"}),
        ))
        .respond_with(created("500F").set_delay(Duration::from_secs(5)))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{API}/query")))
        .and(query_param(
            "q",
            "SELECT Id FROM Case WHERE Subject = 'Refund for order 123 [Desk hof_1]'",
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "totalSize": 1, "done": true,
            "records": [{"attributes": {"type": "Case"}, "Id": "500F"}]
        })))
        .expect(1)
        .mount(&server)
        .await;
    no_comments_yet(&server, "500F").await;
    comments_ok(&server, "500F", 1).await;
    let delivered = lose_then_retry(&salesforce(&server, false)).await;
    assert_eq!(delivered.id, "500F");
}

#[tokio::test]
async fn a_comment_whose_answer_was_lost_is_not_posted_again() {
    let server = MockServer::start().await;
    token_ok(&server, 2).await;
    Mock::given(method("POST"))
        .and(path(format!("{API}/sobjects/Case/")))
        .respond_with(created("500G"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("{API}/sobjects/CaseComment/")))
        .respond_with(created("00a1").set_delay(Duration::from_secs(5)))
        .expect(1)
        .mount(&server)
        .await;
    let note = escalation(Priority::High).note_text();
    Mock::given(method("GET"))
        .and(path(format!("{API}/query")))
        .and(query_param_contains("q", "FROM CaseComment"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "totalSize": 1, "done": true,
            "records": [{"attributes": {"type": "CaseComment"}, "Id": "00a1", "CommentBody": note}]
        })))
        .expect(1)
        .mount(&server)
        .await;
    let delivered = lose_then_retry(&salesforce(&server, true)).await;
    assert_eq!(delivered.id, "500G");
}

fn describe(external_id: bool) -> serde_json::Value {
    json!({
        "name": "Case", "createable": true,
        "fields": [
            {"name": "Id", "type": "id", "externalId": false},
            {"name": "Subject", "type": "string", "externalId": false},
            {"name": "Order_Id__c", "type": "string", "externalId": false},
            {"name": "Desk_Handoff_Id__c", "type": "string", "externalId": external_id},
        ]
    })
}

async fn test_with(
    connection: impl FnOnce(&MockServer) -> connectors::Connection,
    status: u16,
    body: serde_json::Value,
) -> Vec<deskctl::api::TestCheck> {
    let server = MockServer::start().await;
    token_ok(&server, 1).await;
    Mock::given(method("GET"))
        .and(path(format!("{API}/sobjects/Case/describe")))
        .and(header("authorization", bearer().as_str()))
        .respond_with(ResponseTemplate::new(status).set_body_json(body))
        .expect(1)
        .mount(&server)
        .await;
    connectors::test(&Http::default(), &connection(&server)).await
}

fn outcome(checks: &[deskctl::api::TestCheck], check: &str) -> (CheckOutcome, String) {
    let found = checks
        .iter()
        .find(|c| c.check == check)
        .unwrap_or_else(|| panic!("no {check} check in {checks:?}"));
    (found.outcome, found.message.clone())
}

#[tokio::test]
async fn the_connection_test_checks_the_token_the_permission_and_the_fields() {
    let checks = test_with(|s| salesforce(s, true), 200, describe(true)).await;
    assert!(
        checks.iter().all(|c| c.outcome == CheckOutcome::Ok),
        "{checks:?}"
    );
    let checks = test_with(|s| salesforce(s, false), 200, describe(true)).await;
    assert_eq!(outcome(&checks, "external id").0, CheckOutcome::Warning);

    let checks = test_with(|s| salesforce(s, true), 200, describe(false)).await;
    let (result, message) = outcome(&checks, "external id");
    assert_eq!(result, CheckOutcome::Failed);
    assert!(message.contains("not marked External ID"), "{message}");

    let mut without = describe(true);
    without["fields"].as_array_mut().unwrap().pop();
    let checks = test_with(|s| salesforce(s, true), 200, without).await;
    let (result, message) = outcome(&checks, "external id");
    assert_eq!(result, CheckOutcome::Failed);
    assert!(message.contains("no field Desk_Handoff_Id__c"), "{message}");

    let mut unmapped = describe(true);
    unmapped["fields"].as_array_mut().unwrap().remove(2);
    let checks = test_with(|s| salesforce(s, true), 200, unmapped).await;
    let (result, message) = outcome(&checks, "fields");
    assert_eq!(result, CheckOutcome::Failed);
    assert!(message.contains("Order_Id__c"), "{message}");

    let checks = test_with(
        |s| salesforce(s, true),
        403,
        json!([{"message": "The user does not have API access", "errorCode": "API_DISABLED_FOR_ORG"}]),
    )
    .await;
    let (result, message) = outcome(&checks, "permission");
    assert_eq!(result, CheckOutcome::Failed);
    assert!(
        message.contains("may not read Cases") && message.contains("API_DISABLED_FOR_ORG"),
        "{message}"
    );
}

#[tokio::test]
async fn a_wrong_my_domain_is_named() {
    // The fake answers 404 for the token path, as a host without an org does.
    let server = MockServer::start().await;
    let checks = connectors::test(&Http::default(), &salesforce(&server, true)).await;
    assert_eq!(checks[0].outcome, CheckOutcome::Failed);
    assert!(
        checks[0].message.contains("no Salesforce org") && checks[0].message.contains("acme"),
        "{}",
        checks[0].message
    );
    let mut down = salesforce(&server, true);
    down.base_url = Some("http://127.0.0.1:9".into());
    let checks = connectors::test(&Http::default(), &down).await;
    assert_eq!(checks[0].outcome, CheckOutcome::Failed);
    assert!(
        checks[0].message.contains("cannot be reached"),
        "{}",
        checks[0].message
    );
}

#[tokio::test]
async fn webhooks_carry_the_token_and_are_told_apart_by_their_body() {
    let connection = salesforce(&MockServer::start().await, true);
    let receive = |authorization: Option<&str>, body: &str| {
        let mut headers = http::HeaderMap::new();
        if let Some(value) = authorization {
            headers.insert("authorization", value.parse().unwrap());
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
    let closed = r#"{"case_id":"500A","status":"Closed","is_closed":true,"changed_at":"2027-01-15T08:00:00Z"}"#;
    let (first, events) = receive(Some(&format!("Bearer {HOOK_TOKEN}")), closed).unwrap();
    assert_eq!(events[0].id, "500A");
    assert_eq!(events[0].status, ExternalStatus::Resolved);
    let assigned = r#"{"case_id":"500A","status":"Working","owner_id":"0055g00000X","changed_at":"2027-01-15T08:01:00Z"}"#;
    let (second, events) = receive(Some(HOOK_TOKEN), assigned).unwrap();
    assert_eq!(events[0].status, ExternalStatus::Assigned);
    assert_ne!(first.replay_key, second.replay_key);
    assert!(!first.replay_key.contains(HOOK_TOKEN));
    for refused in [None, Some("Bearer wrong-token"), Some("")] {
        assert!(
            matches!(
                receive(refused, closed),
                Err(WebhookError::Unauthenticated(_))
            ),
            "{refused:?}"
        );
    }
}

mod end_to_end {
    //! `deskctl` with the real binary on a local desk, against the fake org.

    use super::*;
    use crate::common::integrations::{Secrets, desk_with_agent, posted, run, run_ok, send, show};
    use wiremock::matchers::path_regex;

    const SECRETS: Secrets = &[("SF_SECRET", SECRET), ("SF_HOOK", HOOK_TOKEN)];

    /// What the fake org answers besides the Case: the token, describe, no
    /// Case or comment found by a repeated delivery, comments created.
    async fn answer_like_salesforce(server: &MockServer) {
        Mock::given(method("POST"))
            .and(path("/services/oauth2/token"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "access_token": ACCESS, "instance_url": "https://acme.my.salesforce.com",
                "token_type": "Bearer"
            })))
            .mount(server)
            .await;
        Mock::given(method("GET"))
            .and(path(format!("{API}/sobjects/Case/describe")))
            .respond_with(ResponseTemplate::new(200).set_body_json(describe(true)))
            .mount(server)
            .await;
        Mock::given(method("GET"))
            .and(path_regex(r"/sobjects/Case/Desk_Handoff_Id__c/.+"))
            .respond_with(ResponseTemplate::new(404).set_body_json(json!([{
                "errorCode": "NOT_FOUND", "message": "The requested resource does not exist"
            }])))
            .mount(server)
            .await;
        Mock::given(method("GET"))
            .and(path(format!("{API}/query")))
            .respond_with(
                ResponseTemplate::new(200)
                    .set_body_json(json!({"totalSize": 0, "done": true, "records": []})),
            )
            .mount(server)
            .await;
        Mock::given(method("POST"))
            .and(path(format!("{API}/sobjects/CaseComment/")))
            .respond_with(created("00a1"))
            .mount(server)
            .await;
    }

    fn connected(base: &str) -> crate::common::Desk {
        let desk = desk_with_agent();
        let text = run_ok(
            &desk,
            SECRETS,
            &[
                "integrations",
                "connect",
                "salesforce",
                "--set",
                "my-domain=acme",
                "--set",
                &format!("client-id={CLIENT_ID}"),
                "--set",
                "external-id-field=Desk_Handoff_Id__c",
                "--secret",
                "client-secret=env:SF_SECRET",
                "--secret",
                "webhook-token=env:SF_HOOK",
                "--base-url",
                base,
            ],
        );
        assert!(text.contains("The Salesforce connection works"), "{text}");
        let tested = run_ok(&desk, SECRETS, &["integrations", "test", "salesforce"]);
        assert!(tested.contains("Desk_Handoff_Id__c"), "{tested}");
        run_ok(
            &desk,
            SECRETS,
            &["actions", "set", "shop", "--platform", "salesforce"],
        );
        desk
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_production_handoff_becomes_a_case_before_the_command_returns() {
        let server = MockServer::start().await;
        answer_like_salesforce(&server).await;
        Mock::given(method("POST"))
            .and(path(format!("{API}/sobjects/Case/")))
            .and(header("authorization", bearer().as_str()))
            .respond_with(created("5005g00000E2E"))
            .expect(1)
            .mount(&server)
            .await;
        let desk = connected(&server.uri());
        let sent = send(&desk, SECRETS, "one");
        assert_eq!(sent["outcome"], "external");
        let case = &posted(&server, &format!("{API}/sobjects/Case/")).await[0];
        assert_eq!(case["Priority"], "High");
        assert_eq!(case["Desk_Handoff_Id__c"], sent["id"]);
        assert_eq!(case["SuppliedEmail"], "dana@example.com");
        assert_eq!(case["Origin"], "Web");
        let shown = show(&desk, sent["id"].as_str().unwrap());
        assert_eq!(shown["external"]["kind"], "salesforce", "{shown}");
        assert_eq!(shown["external"]["id"], "5005g00000E2E");
        assert_eq!(shown["external"]["status"], "created");
        let list = run_ok(&desk, SECRETS, &["integrations", "list"]);
        assert!(
            list.contains("salesforce") && list.contains("connected"),
            "{list}"
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_spent_api_allocation_backs_off_and_the_case_arrives_once() {
        let server = MockServer::start().await;
        answer_like_salesforce(&server).await;
        Mock::given(method("POST"))
            .and(path(format!("{API}/sobjects/Case/")))
            .respond_with(ResponseTemplate::new(403).set_body_json(json!([{
                "message": "TotalRequests Limit exceeded.", "errorCode": "REQUEST_LIMIT_EXCEEDED"
            }])))
            .up_to_n_times(1)
            .mount(&server)
            .await;
        Mock::given(method("POST"))
            .and(path(format!("{API}/sobjects/Case/")))
            .respond_with(created("500R"))
            .mount(&server)
            .await;
        let desk = connected(&server.uri());
        let sent = send(&desk, SECRETS, "limited");
        let attempts = posted(&server, &format!("{API}/sobjects/Case/")).await;
        assert_eq!(attempts.len(), 2, "one refused, one accepted");
        assert_eq!(attempts[0], attempts[1]);
        let shown = show(&desk, sent["id"].as_str().unwrap());
        assert_eq!(shown["external"]["id"], "500R", "{shown}");
        let deliveries = run_ok(
            &desk,
            SECRETS,
            &["integrations", "deliveries", "-o", "json"],
        );
        assert!(deliveries.contains("\"attempts\": 2"), "{deliveries}");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_refused_case_is_reported_and_not_retried() {
        let server = MockServer::start().await;
        answer_like_salesforce(&server).await;
        Mock::given(method("POST"))
            .and(path(format!("{API}/sobjects/Case/")))
            .respond_with(ResponseTemplate::new(400).set_body_json(json!([{
                "message": "Priority: bad value for restricted picklist field: High",
                "errorCode": "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "fields": ["Priority"]
            }])))
            .expect(1)
            .mount(&server)
            .await;
        let desk = connected(&server.uri());
        let sent = send(&desk, SECRETS, "refused");
        desk.run(&["operators", "availability", "bob", "online"]);
        let dead = run_ok(
            &desk,
            SECRETS,
            &[
                "integrations",
                "deliveries",
                "salesforce",
                "--state",
                "dead",
            ],
        );
        assert!(
            dead.contains("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"),
            "{dead}"
        );
        let shown = show(&desk, sent["id"].as_str().unwrap());
        assert_eq!(shown["external"]["status"], "failed", "{shown}");
        assert_eq!(
            posted(&server, &format!("{API}/sobjects/Case/"))
                .await
                .len(),
            1
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_wrong_client_secret_fails_the_connection_test() {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/services/oauth2/token"))
            .respond_with(ResponseTemplate::new(400).set_body_json(json!({
                "error": "invalid_client", "error_description": "invalid client credentials"
            })))
            .mount(&server)
            .await;
        let desk = desk_with_agent();
        let (ok, text) = run(
            &desk,
            SECRETS,
            &[
                "integrations",
                "connect",
                "salesforce",
                "--set",
                "my-domain=acme",
                "--set",
                &format!("client-id={CLIENT_ID}"),
                "--secret",
                "client-secret=env:SF_SECRET",
                "--base-url",
                &server.uri(),
            ],
        );
        assert!(text.contains("refused the client secret"), "{ok} {text}");
        let (ok, text) = run(&desk, SECRETS, &["integrations", "test", "salesforce"]);
        assert!(!ok, "{text}");
        assert!(text.contains("refused the client secret"), "{text}");
    }
}
