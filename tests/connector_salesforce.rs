//! The Salesforce connector against a fake org that answers as the REST API
//! documents (../shared/reference/platform-apis.md §4): the client credentials
//! token, the Case upserted by its external id and its private CaseComments,
//! who sees what, error arrays, the API allocation running out, and that a
//! lost answer never makes a second Case or comment.

use crate::common;

use std::time::Duration;

use common::connectors::{
    LAST_WORDS, assert_agents_see_the_whole_handoff, assert_customer_sees_no_agent_material,
    assert_no_forged_turns, assert_title_cut_at, assert_unreadable_and_tried_again, bodies,
    connection, deliver, deliver_first, escalation, html_page, long_and_forged, lose_answer,
    secret_free, without_email,
};
use deskctl::api::{CheckOutcome, ExternalStatus, IntegrationKind, MessageRole, Priority};
use deskctl::server::connectors::salesforce::COMMENT_BYTES;
use deskctl::server::connectors::{self, Http, InboundWebhook, WebhookError};
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
/// Where handoff `hof_1`'s Case is upserted and read, by the default field.
const CASE: &str = "/services/data/v62.0/sobjects/Case/Desk_Handoff_Id__c/hof_1";

fn salesforce(server: &MockServer) -> connectors::Connection {
    let mut connection = connection(
        IntegrationKind::Salesforce,
        &[("my-domain", "acme"), ("client-id", CLIENT_ID)],
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

/// The token call: form-encoded client credentials, answered with a token;
/// and the org's Contacts, none of them with Dana's email.
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
    contacts(server, json!([])).await;
}

/// `SELECT Id FROM Contact WHERE Email = …`: the Contacts with Dana's email.
async fn contacts(server: &MockServer, records: serde_json::Value) {
    Mock::given(method("GET"))
        .and(path(format!("{API}/query")))
        .and(query_param(
            "q",
            "SELECT Id FROM Contact WHERE Email = 'dana@example.com' LIMIT 2",
        ))
        .and(header("authorization", bearer().as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"totalSize": records.as_array().unwrap().len(), "done": true, "records": records}),
        ))
        .mount(server)
        .await;
}

fn created(id: &str) -> ResponseTemplate {
    ResponseTemplate::new(201)
        .set_body_json(json!({"id": id, "success": true, "errors": [], "created": true}))
}

/// The Case upsert of `hof_1`, answered with `answer`, `times` times.
async fn upsert(server: &MockServer, answer: ResponseTemplate, times: u64) {
    Mock::given(method("PATCH"))
        .and(path(CASE))
        .and(header("authorization", bearer().as_str()))
        .respond_with(answer)
        .expect(times)
        .mount(server)
        .await;
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
async fn the_whole_handoff_reaches_agents_and_the_customer_sees_only_their_words() {
    let server = MockServer::start().await;
    token_ok(&server, 1).await;
    Mock::given(method("PATCH"))
        .and(path(CASE))
        .and(header("authorization", bearer().as_str()))
        .and(header("content-type", "application/json"))
        .respond_with(created("5005g00000AbCdE"))
        .expect(1)
        .mount(&server)
        .await;
    comments_ok(&server, "5005g00000AbCdE", 1).await;
    let mut connection = salesforce(&server);
    connection
        .fields
        .insert("loyalty-tier".into(), "Loyalty_Tier__c".into());
    connection
        .fields
        .insert("desk.team".into(), "Desk_Team__c".into());
    let delivered = deliver_first(&connection, Priority::Urgent).await.unwrap();
    assert_eq!(delivered.id, "5005g00000AbCdE");
    assert_eq!(
        delivered.url.as_deref(),
        Some(format!("{}/lightning/r/Case/5005g00000AbCdE/view", server.uri()).as_str())
    );
    let case = &bodies(&server, "PATCH", CASE).await[0];
    assert_eq!(
        case,
        &json!({
            "Subject": "Where is my refund for order 123?",
            "Description": LAST_WORDS,
            "Priority": "High",
            "Origin": "Web",
            "SuppliedName": "Dana Scully",
            "SuppliedEmail": "dana@example.com",
            "SuppliedPhone": "+15550100",
            "Order_Id__c": "123",
            "Loyalty_Tier__c": "gold",
            "Desk_Team__c": "billing",
        })
    );
    let comments = bodies(&server, "POST", &format!("{API}/sobjects/CaseComment/")).await;
    assert!(comments.iter().all(|c| c["IsPublished"] == false));
    let note: String = comments
        .iter()
        .map(|c| c["CommentBody"].as_str().unwrap())
        .collect();
    assert_agents_see_the_whole_handoff(&note, Priority::Urgent);
    assert_customer_sees_no_agent_material(&format!(
        "{}\n{}",
        case["Subject"], case["Description"]
    ));
}

#[tokio::test]
async fn a_long_subject_is_cut_at_255_characters_and_no_message_forges_a_turn() {
    let server = MockServer::start().await;
    token_ok(&server, 1).await;
    Mock::given(method("PATCH"))
        .and(path(CASE))
        .respond_with(created("5005g00000AbCdE"))
        .mount(&server)
        .await;
    comments_ok(&server, "5005g00000AbCdE", 1).await;
    deliver(&salesforce(&server), &long_and_forged(Priority::High), 1)
        .await
        .unwrap();
    let case = &bodies(&server, "PATCH", CASE).await[0];
    assert_title_cut_at(case["Subject"].as_str().unwrap(), 255);
    let note: String = bodies(&server, "POST", &format!("{API}/sobjects/CaseComment/"))
        .await
        .iter()
        .map(|c| c["CommentBody"].as_str().unwrap().to_string())
        .collect();
    assert_no_forged_turns(&note);
}

/// The read of u-42's Contact by the field `contact-id-field` names, once.
async fn contact_by_external_id(server: &MockServer, answer: ResponseTemplate) {
    Mock::given(method("GET"))
        .and(path(format!(
            "{API}/sobjects/Contact/Desk_Customer_Id__c/u-42"
        )))
        .and(query_param("fields", "Id"))
        .respond_with(answer)
        .expect(1)
        .mount(server)
        .await;
}

#[tokio::test]
async fn a_customer_is_tied_to_their_contact_by_external_id_or_by_their_one_email() {
    // By external id, with the Contact field that keeps it.
    let server = MockServer::start().await;
    token_ok(&server, 1).await;
    contact_by_external_id(
        &server,
        ResponseTemplate::new(200)
            .set_body_json(json!({"attributes": {"type": "Contact"}, "Id": "0035g00000XyZ"})),
    )
    .await;
    Mock::given(method("PATCH"))
        .and(path(CASE))
        .and(body_partial_json(json!({"ContactId": "0035g00000XyZ"})))
        .respond_with(created("500H"))
        .expect(1)
        .mount(&server)
        .await;
    comments_ok(&server, "500H", 1).await;
    let mut connection = salesforce(&server);
    connection
        .settings
        .insert("contact-id-field".into(), "Desk_Customer_Id__c".into());
    deliver(&connection, &without_email(Priority::High), 1)
        .await
        .unwrap();

    // By email, when exactly one Contact has it.
    let server = MockServer::start().await;
    contacts(&server, json!([{"Id": "0035g00000One"}])).await;
    token_ok(&server, 1).await;
    Mock::given(method("PATCH"))
        .and(path(CASE))
        .and(body_partial_json(json!({"ContactId": "0035g00000One"})))
        .respond_with(created("500I"))
        .expect(1)
        .mount(&server)
        .await;
    comments_ok(&server, "500I", 1).await;
    deliver_first(&salesforce(&server), Priority::High)
        .await
        .unwrap();
}

#[tokio::test]
async fn the_subject_is_the_customers_words_without_any_marker() {
    let server = MockServer::start().await;
    token_ok(&server, 1).await;
    upsert(&server, created("500J"), 1).await;
    comments_ok(&server, "500J", 1).await;
    deliver_first(&salesforce(&server), Priority::High)
        .await
        .unwrap();
    let case = &bodies(&server, "PATCH", CASE).await[0];
    assert_eq!(case["Subject"], "Where is my refund for order 123?");
    assert!(!case.to_string().contains("[Desk"), "{case}");
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
        let mut connection = salesforce(&server);
        if let Some(value) = override_urgent {
            connection.priorities.insert(Priority::Urgent, value.into());
        }
        Mock::given(method("PATCH"))
            .and(path(CASE))
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
    upsert(&server, created("500B"), 1).await;
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
    deliver(&salesforce(&server), &long, 1).await.unwrap();
    let pieces: Vec<String> = bodies(&server, "POST", &format!("{API}/sobjects/CaseComment/"))
        .await
        .iter()
        .map(|body| body["CommentBody"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(pieces.len(), 3);
    assert!(pieces.iter().all(|piece| piece.len() <= COMMENT_BYTES));
    assert_eq!(pieces.concat(), long.agent_note());
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
        upsert(
            &server,
            ResponseTemplate::new(status).set_body_json(body),
            1,
        )
        .await;
        let failure = deliver_first(&salesforce(&server), Priority::High)
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
    upsert(
        &server,
        ResponseTemplate::new(403).set_body_json(json!([{
            "message": "TotalRequests Limit exceeded.",
            "errorCode": "REQUEST_LIMIT_EXCEEDED"
        }])),
        1,
    )
    .await;
    let failure = deliver_first(&salesforce(&server), Priority::High)
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
    Mock::given(method("PATCH"))
        .and(path(CASE))
        .respond_with(ResponseTemplate::new(401).set_body_json(expired.clone()))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    upsert(&server, created("500C"), 1).await;
    comments_ok(&server, "500C", 1).await;
    assert_eq!(
        deliver_first(&salesforce(&server), Priority::High)
            .await
            .unwrap()
            .id,
        "500C"
    );

    // A session refused again after a new token is permanent, after one retry.
    let server = MockServer::start().await;
    token_ok(&server, 2).await;
    upsert(
        &server,
        ResponseTemplate::new(401).set_body_json(expired),
        2,
    )
    .await;
    let failure = deliver_first(&salesforce(&server), Priority::High)
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
        let failure = deliver_first(&salesforce(&server), Priority::High)
            .await
            .unwrap_err();
        assert!(failure.permanent);
        assert!(failure.error.contains(said), "{}", failure.error);
        assert!(secret_free(&failure.error, &[SECRET]));
        let checks = connectors::test(&Http::default(), &salesforce(&server)).await;
        assert_eq!(checks.len(), 1);
        assert_eq!(checks[0].check, "credentials");
        assert_eq!(checks[0].outcome, CheckOutcome::Failed);
        assert!(checks[0].message.contains(said), "{}", checks[0].message);
        assert!(secret_free(&checks[0].message, &[SECRET]));
    }
}

/// Runs two attempts where the first one's `method path` never gets its answer.
async fn lose_then_retry(
    server: &MockServer,
    connection: &connectors::Connection,
    method: &str,
    path: &str,
) -> connectors::Delivered {
    let ticket = escalation(Priority::High);
    let mut second = lose_answer(server, connection, &ticket, method, path).await;
    connectors::deliver(&Http::default(), connection, &ticket, &mut second)
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

/// The read of handoff `hof_1`'s Case by the external-id field, once.
async fn case_by_external_id(server: &MockServer, answer: ResponseTemplate) {
    Mock::given(method("GET"))
        .and(path(CASE))
        .and(query_param("fields", "Id"))
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
    upsert(
        &server,
        created("500D").set_delay(Duration::from_secs(5)),
        1,
    )
    .await;
    case_by_external_id(
        &server,
        ResponseTemplate::new(200).set_body_json(json!({
            "attributes": {"type": "Case", "url": format!("{API}/sobjects/Case/500D")},
            "Id": "500D"
        })),
    )
    .await;
    comments_ok(&server, "500D", 1).await;
    let delivered = lose_then_retry(&server, &salesforce(&server), "PATCH", CASE).await;
    assert_eq!(delivered.id, "500D");
}

#[tokio::test]
async fn an_attempt_after_a_failure_upserts_when_the_external_id_finds_nothing() {
    let server = MockServer::start().await;
    token_ok(&server, 1).await;
    case_by_external_id(
        &server,
        ResponseTemplate::new(404).set_body_json(json!([{
            "errorCode": "NOT_FOUND", "message": "The requested resource does not exist"
        }])),
    )
    .await;
    upsert(&server, created("500E"), 1).await;
    no_comments_yet(&server, "500E").await;
    comments_ok(&server, "500E", 1).await;
    let delivered = deliver(&salesforce(&server), &escalation(Priority::High), 2)
        .await
        .unwrap();
    assert_eq!(delivered.id, "500E");
}

/// 200s that are not the REST API's record: a sign-in page, a record cut
/// off mid-way, and one without the Id asked for.
fn unreadable_records() -> [ResponseTemplate; 3] {
    [
        html_page(),
        ResponseTemplate::new(200).set_body_string(r#"{"attributes": {"type": "Case"}, "Id": "50"#),
        ResponseTemplate::new(200).set_body_json(json!({"attributes": {"type": "Case"}})),
    ]
}

#[tokio::test]
async fn a_case_look_up_that_cannot_be_read_is_tried_again_not_taken_for_no_case() {
    for unreadable in unreadable_records() {
        let server = MockServer::start().await;
        token_ok(&server, 1).await;
        case_by_external_id(&server, unreadable).await;
        upsert(&server, created("500X"), 0).await;
        let failure = deliver(&salesforce(&server), &escalation(Priority::High), 2)
            .await
            .unwrap_err();
        assert_unreadable_and_tried_again(&failure, "Salesforce");
    }
}

#[tokio::test]
async fn a_contact_look_up_that_cannot_be_read_is_tried_again_not_taken_for_no_contact() {
    for unreadable in unreadable_records() {
        let server = MockServer::start().await;
        token_ok(&server, 1).await;
        contact_by_external_id(&server, unreadable).await;
        upsert(&server, created("500Y"), 0).await;
        let mut connection = salesforce(&server);
        connection
            .settings
            .insert("contact-id-field".into(), "Desk_Customer_Id__c".into());
        let failure = deliver(&connection, &without_email(Priority::High), 1)
            .await
            .unwrap_err();
        assert_unreadable_and_tried_again(&failure, "Salesforce");
    }
}

#[tokio::test]
async fn the_connections_own_external_id_field_names_the_case() {
    let server = MockServer::start().await;
    token_ok(&server, 1).await;
    Mock::given(method("PATCH"))
        .and(path(format!("{API}/sobjects/Case/Handoff__c/hof_1")))
        .respond_with(created("500K"))
        .expect(1)
        .mount(&server)
        .await;
    comments_ok(&server, "500K", 1).await;
    let mut connection = salesforce(&server);
    connection
        .settings
        .insert("external-id-field".into(), "Handoff__c".into());
    assert_eq!(
        deliver_first(&connection, Priority::High).await.unwrap().id,
        "500K"
    );
}

#[tokio::test]
async fn a_comment_whose_answer_was_lost_is_not_posted_again() {
    let server = MockServer::start().await;
    token_ok(&server, 2).await;
    upsert(&server, created("500G"), 1).await;
    Mock::given(method("POST"))
        .and(path(format!("{API}/sobjects/CaseComment/")))
        .respond_with(created("00a1").set_delay(Duration::from_secs(5)))
        .expect(1)
        .mount(&server)
        .await;
    let note = escalation(Priority::High).agent_note();
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
    let comments = format!("{API}/sobjects/CaseComment/");
    let delivered = lose_then_retry(&server, &salesforce(&server), "POST", &comments).await;
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
    let checks = test_with(salesforce, 200, describe(true)).await;
    assert!(
        checks.iter().all(|c| c.outcome == CheckOutcome::Ok),
        "{checks:?}"
    );

    let checks = test_with(salesforce, 200, describe(false)).await;
    let (result, message) = outcome(&checks, "external id");
    assert_eq!(result, CheckOutcome::Failed);
    assert!(message.contains("not marked External ID"), "{message}");

    let mut without = describe(true);
    without["fields"].as_array_mut().unwrap().pop();
    let checks = test_with(salesforce, 200, without).await;
    let (result, message) = outcome(&checks, "external id");
    assert_eq!(result, CheckOutcome::Failed);
    assert!(message.contains("no field Desk_Handoff_Id__c"), "{message}");

    let mut unmapped = describe(true);
    unmapped["fields"].as_array_mut().unwrap().remove(2);
    let checks = test_with(salesforce, 200, unmapped).await;
    let (result, message) = outcome(&checks, "fields");
    assert_eq!(result, CheckOutcome::Failed);
    assert!(message.contains("Order_Id__c"), "{message}");

    let checks = test_with(
        salesforce,
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
    let checks = connectors::test(&Http::default(), &salesforce(&server)).await;
    assert_eq!(checks[0].outcome, CheckOutcome::Failed);
    assert!(
        checks[0].message.contains("no Salesforce org") && checks[0].message.contains("acme"),
        "{}",
        checks[0].message
    );
    let mut down = salesforce(&server);
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
    let connection = salesforce(&MockServer::start().await);
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
    // The same event in other bytes is the same event: a replay.
    for variant in [
        format!("{closed} "),
        r#"{ "changed_at" : "2027-01-15T08:00:00Z", "is_closed": true,
             "status": "Closed", "case_id": "500A" }"#
            .to_string(),
        r#"{"Id":"500A","IsClosed":"true","changed_at":"2027-01-15T08:00:00Z"}"#.to_string(),
    ] {
        let (again, _) = receive(Some(HOOK_TOKEN), &variant).unwrap();
        assert_eq!(again.replay_key, first.replay_key, "{variant}");
    }
    // Without the fields that name the event, formatting still does not make it new.
    let bare = r#"{"case_id":"500B","status":"New"}"#;
    let (one, _) = receive(Some(HOOK_TOKEN), bare).unwrap();
    let (two, _) = receive(
        Some(HOOK_TOKEN),
        "{ \"status\": \"New\",\n\"case_id\": \"500B\" }",
    )
    .unwrap();
    assert_eq!(one.replay_key, two.replay_key);
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
    use crate::common::integrations::{Secrets, desk_with_agent, run, run_ok, send, show};
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

    /// The Case upserts the fake received, as (path, body).
    async fn upserts(server: &MockServer) -> Vec<(String, serde_json::Value)> {
        crate::common::connectors::received(server)
            .await
            .into_iter()
            .filter(|(method, path, _)| method == "PATCH" && path.contains("/sobjects/Case/"))
            .map(|(_, path, body)| (path, body))
            .collect()
    }

    fn upserted() -> wiremock::MockBuilder {
        Mock::given(method("PATCH")).and(path_regex(r"/sobjects/Case/Desk_Handoff_Id__c/hof_.+"))
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_production_handoff_becomes_a_case_before_the_command_returns() {
        let server = MockServer::start().await;
        answer_like_salesforce(&server).await;
        upserted()
            .and(header("authorization", bearer().as_str()))
            .respond_with(created("5005g00000E2E"))
            .expect(1)
            .mount(&server)
            .await;
        let desk = connected(&server.uri());
        let sent = send(&desk, SECRETS, "one");
        assert_eq!(sent["outcome"], "external");
        let (path, case) = &upserts(&server).await[0];
        assert!(
            path.ends_with(&format!("/{}", sent["id"].as_str().unwrap())),
            "{path}"
        );
        assert_eq!(case["Priority"], "High");
        assert_eq!(case["SuppliedEmail"], "dana@example.com");
        assert_eq!(case["Origin"], "Web");
        assert_eq!(case["Description"], "Please get me a person.");
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
        upserted()
            .respond_with(ResponseTemplate::new(403).set_body_json(json!([{
                "message": "TotalRequests Limit exceeded.", "errorCode": "REQUEST_LIMIT_EXCEEDED"
            }])))
            .up_to_n_times(1)
            .mount(&server)
            .await;
        upserted()
            .respond_with(created("500R"))
            .mount(&server)
            .await;
        let desk = connected(&server.uri());
        let sent = send(&desk, SECRETS, "limited");
        let attempts = upserts(&server).await;
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
        upserted()
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
        assert_eq!(upserts(&server).await.len(), 1);
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
