//! The Zoho Desk connector against a fake Zoho (its accounts server and its
//! Desk API on one base URL) that answers as the reference documents
//! (../shared/reference/platform-apis.md §6): the token refresh, what is
//! sent with which headers, who sees what, how answers are read, that a lost
//! answer never makes a second ticket or comment (found by the handoff field
//! in the department's ticket list, not by subject and time), and the token
//! that authenticates its webhooks.

use crate::common;

use std::time::Duration;

use common::connectors::{
    LAST_WORDS, assert_agents_see_the_whole_handoff, assert_customer_sees_no_agent_material,
    assert_no_forged_turns, assert_title_cut_at, bodies, connection, deliver, deliver_first,
    escalation, html_text, long_and_forged, lose_answer, secret_free, without_email,
};
use deskctl::api::{CheckOutcome, ExternalStatus, IntegrationKind, Priority, TestCheck};
use deskctl::server::connectors::{self, Http, InboundWebhook, Progress, WebhookError};
use serde_json::json;
use wiremock::matchers::{body_partial_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const CLIENT_SECRET: &str = "zoho-client-secret-4Kd";
const REFRESH_TOKEN: &str = "1000.refresh.77aa";
const ACCESS_TOKEN: &str = "1000.access.e1f2";
const WEBHOOK_TOKEN: &str = "zoho-hook-Lp0";
const SECRETS: [&str; 4] = [CLIENT_SECRET, REFRESH_TOKEN, ACCESS_TOKEN, WEBHOOK_TOKEN];

/// A connection to the fake; `client_id` keeps tests' cached tokens apart.
fn zoho_as(server: &MockServer, client_id: &str) -> connectors::Connection {
    connection(
        IntegrationKind::ZohoDesk,
        &[
            ("data-center", "eu"),
            ("client-id", client_id),
            ("org-id", "20071234"),
            ("department-id", "3000000007043"),
        ],
        &[
            ("client-secret", CLIENT_SECRET),
            ("refresh-token", REFRESH_TOKEN),
            ("webhook-token", WEBHOOK_TOKEN),
        ],
        &server.uri(),
    )
}

fn zoho(server: &MockServer) -> connectors::Connection {
    zoho_as(server, "1000.CLIENT")
}

/// The refresh-token call, answering `access_token`; at most `times` calls.
async fn token_ok(server: &MockServer, access_token: &str, times: u64) {
    Mock::given(method("POST"))
        .and(path("/oauth/v2/token"))
        .and(query_param("grant_type", "refresh_token"))
        .and(query_param("refresh_token", REFRESH_TOKEN))
        .and(query_param("client_secret", CLIENT_SECRET))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "access_token": access_token, "expires_in": 3600,
            "api_domain": "https://www.zohoapis.eu", "token_type": "Bearer"
        })))
        .up_to_n_times(times)
        .expect(..=times)
        .mount(server)
        .await;
}

fn oauth(token: &str) -> String {
    format!("Zoho-oauthtoken {token}")
}

fn created(id: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({
        "id": id, "ticketNumber": "101", "subject": "Refund for order 123",
        "status": "Open", "statusType": "Open", "priority": "High",
        "departmentId": "3000000007043", "contactId": "3000000011001", "channel": "Chat",
        "createdTime": "2027-01-15T08:00:05.000Z",
        "webUrl": format!("https://desk.zoho.eu/support/acme/ShowHomePage.do#Cases/dv/{id}"),
    }))
}

async fn comment_ok(server: &MockServer, id: &str, times: u64) {
    Mock::given(method("POST"))
        .and(path(format!("/api/v1/tickets/{id}/comments")))
        .and(header("authorization", oauth(ACCESS_TOKEN).as_str()))
        .and(header("orgId", "20071234"))
        .and(body_partial_json(
            json!({"isPublic": false, "contentType": "plainText"}),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "id": "3000000099001", "isPublic": false, "contentType": "plainText"
        })))
        .expect(times)
        .mount(server)
        .await;
}

/// `GET /tickets?departmentId=…&sortBy=-createdTime`: the department's newest
/// tickets, with the handoff field asked for.
async fn listed(server: &MockServer, tickets: serde_json::Value) {
    Mock::given(method("GET"))
        .and(path("/api/v1/tickets"))
        .and(query_param("departmentId", "3000000007043"))
        .and(query_param("sortBy", "-createdTime"))
        .and(query_param("fields", "id,subject,webUrl,cf_desk_handoff"))
        .and(header("authorization", oauth(ACCESS_TOKEN).as_str()))
        .and(header("orgId", "20071234"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({ "data": tickets })))
        .mount(server)
        .await;
}

/// `GET /tickets/{id}/comments`: the ticket's comments so far.
async fn comments(server: &MockServer, id: &str, listed: serde_json::Value) {
    Mock::given(method("GET"))
        .and(path(format!("/api/v1/tickets/{id}/comments")))
        .and(header("orgId", "20071234"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({ "data": listed })))
        .mount(server)
        .await;
}

/// The ticket search, an index: never read for tickets.
async fn no_ticket_search(server: &MockServer) {
    Mock::given(method("GET"))
        .and(path("/api/v1/tickets/search"))
        .respond_with(ResponseTemplate::new(204))
        .expect(0)
        .mount(server)
        .await;
}

#[tokio::test]
async fn the_whole_handoff_reaches_agents_and_the_customer_sees_only_their_words() {
    let server = MockServer::start().await;
    let mut connection = zoho(&server);
    for (key, field) in [
        ("order-id", "cf_order_id"),
        ("cart-items", "cf_cart"),
        ("desk.priority", "cf_desk_priority"),
    ] {
        connection.fields.insert(key.into(), field.into());
    }
    token_ok(&server, ACCESS_TOKEN, 1).await;
    Mock::given(method("POST"))
        .and(path("/api/v1/tickets"))
        .and(header("authorization", oauth(ACCESS_TOKEN).as_str()))
        .and(header("orgId", "20071234"))
        .and(header("content-type", "application/json"))
        .respond_with(created("3000000123001"))
        .expect(1)
        .mount(&server)
        .await;
    comment_ok(&server, "3000000123001", 1).await;
    let delivered = deliver_first(&connection, Priority::Urgent).await.unwrap();
    assert_eq!(delivered.id, "3000000123001");
    assert!(
        delivered
            .url
            .as_deref()
            .unwrap()
            .ends_with("#Cases/dv/3000000123001"),
        "{delivered:?}"
    );
    let ticket = &bodies(&server, "POST", "/api/v1/tickets").await[0];
    assert_eq!(
        ticket,
        &json!({
            "subject": "Where is my refund for order 123?",
            "departmentId": "3000000007043",
            "contact": {"lastName": "Dana Scully", "email": "dana@example.com",
                        "phone": "+15550100"},
            "email": "dana@example.com",
            "phone": "+15550100",
            "description": format!("<p>{LAST_WORDS}</p>"),
            "priority": "High",
            "channel": "Chat",
            "cf": {"cf_order_id": "123", "cf_cart": ["sku-1", "sku-2"],
                   "cf_desk_priority": "urgent", "cf_desk_handoff": "hof_1"},
        })
    );
    let comment = &bodies(&server, "POST", "/api/v1/tickets/3000000123001/comments").await[0];
    assert_eq!(comment["isPublic"], false);
    assert_agents_see_the_whole_handoff(comment["content"].as_str().unwrap(), Priority::Urgent);
    assert_customer_sees_no_agent_material(&format!(
        "{}\n{}",
        ticket["subject"],
        html_text(ticket["description"].as_str().unwrap())
    ));
}

#[tokio::test]
async fn a_long_subject_is_cut_at_255_characters_and_no_message_forges_a_turn() {
    let server = MockServer::start().await;
    token_ok(&server, ACCESS_TOKEN, 1).await;
    Mock::given(method("POST"))
        .and(path("/api/v1/tickets"))
        .respond_with(created("3000000123001"))
        .mount(&server)
        .await;
    comment_ok(&server, "3000000123001", 1).await;
    deliver(&zoho(&server), &long_and_forged(Priority::High), 1)
        .await
        .unwrap();
    let ticket = &bodies(&server, "POST", "/api/v1/tickets").await[0];
    assert_title_cut_at(ticket["subject"].as_str().unwrap(), 255);
    let comment = &bodies(&server, "POST", "/api/v1/tickets/3000000123001/comments").await[0];
    assert_no_forged_turns(comment["content"].as_str().unwrap());
}

#[tokio::test]
async fn a_customer_without_an_email_is_tied_to_their_contact_by_external_id() {
    let server = MockServer::start().await;
    let mut connection = zoho_as(&server, "contact-by-id");
    connection
        .settings
        .insert("contact-id-field".into(), "cf_desk_customer_id".into());
    token_ok(&server, ACCESS_TOKEN, 1).await;
    Mock::given(method("GET"))
        .and(path("/api/v1/contacts/search"))
        .and(query_param("customField1", "cf_desk_customer_id:u-42"))
        .and(header("orgId", "20071234"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"data": [{"id": "3000000011001", "lastName": "Scully"}], "count": 1}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v1/tickets"))
        .and(body_partial_json(json!({"contactId": "3000000011001"})))
        .respond_with(created("30"))
        .expect(1)
        .mount(&server)
        .await;
    comment_ok(&server, "30", 1).await;
    deliver(&connection, &without_email(Priority::High), 1)
        .await
        .unwrap_or_else(|failure| panic!("{}", failure.error));
    let ticket = &bodies(&server, "POST", "/api/v1/tickets").await[0];
    assert!(ticket.get("contact").is_none(), "{ticket}");
    assert!(
        bodies(&server, "POST", "/api/v1/contacts").await.is_empty(),
        "the contact exists: none is made"
    );
}

#[tokio::test]
async fn a_new_customer_without_an_email_gets_a_contact_that_keeps_their_id() {
    let server = MockServer::start().await;
    let mut connection = zoho_as(&server, "contact-made");
    connection
        .settings
        .insert("contact-id-field".into(), "cf_desk_customer_id".into());
    token_ok(&server, ACCESS_TOKEN, 1).await;
    // No contact keeps that id yet (an empty search is 204 No Content).
    Mock::given(method("GET"))
        .and(path("/api/v1/contacts/search"))
        .and(query_param("customField1", "cf_desk_customer_id:u-42"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v1/contacts"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "3000000011777"})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v1/tickets"))
        .and(body_partial_json(json!({"contactId": "3000000011777"})))
        .respond_with(created("31"))
        .expect(1)
        .mount(&server)
        .await;
    comment_ok(&server, "31", 1).await;
    deliver(&connection, &without_email(Priority::High), 1)
        .await
        .unwrap_or_else(|failure| panic!("{}", failure.error));
    let contact = &bodies(&server, "POST", "/api/v1/contacts").await[0];
    assert_eq!(
        contact,
        &json!({"lastName": "Dana Scully", "phone": "+15550100",
                "cf": {"cf_desk_customer_id": "u-42"}})
    );
}

#[tokio::test]
async fn priorities_map_to_zohos_defaults_or_the_connections_own() {
    for (priority, expected) in [
        (Priority::Low, "Low"),
        (Priority::Medium, "Medium"),
        (Priority::High, "High"),
    ] {
        let server = MockServer::start().await;
        token_ok(&server, ACCESS_TOKEN, 1).await;
        Mock::given(method("POST"))
            .and(path("/api/v1/tickets"))
            .and(body_partial_json(json!({"priority": expected})))
            .respond_with(created("1"))
            .expect(1)
            .mount(&server)
            .await;
        comment_ok(&server, "1", 1).await;
        deliver_first(&zoho(&server), priority).await.unwrap();
    }
    let server = MockServer::start().await;
    token_ok(&server, ACCESS_TOKEN, 1).await;
    let mut connection = zoho(&server);
    connection
        .priorities
        .insert(Priority::Urgent, "Urgent".into());
    Mock::given(method("POST"))
        .and(path("/api/v1/tickets"))
        .and(body_partial_json(json!({"priority": "Urgent"})))
        .respond_with(created("2"))
        .expect(1)
        .mount(&server)
        .await;
    comment_ok(&server, "2", 1).await;
    deliver_first(&connection, Priority::Urgent).await.unwrap();
}

#[tokio::test]
async fn error_answers_are_permanent_with_zohos_message_and_sent_once() {
    let cases = [
        (
            400,
            json!({"errorCode": "INVALID_INPUT", "message": "The request is not valid"}),
            "INVALID_INPUT: The request is not valid",
        ),
        (
            401,
            json!({"errorCode": "INVALID_OAUTH", "message": "The OAuth Token you provided is invalid."}),
            "INVALID_OAUTH: The OAuth Token you provided is invalid.",
        ),
        (
            403,
            json!({"errorCode": "FORBIDDEN", "message": "You do not have sufficient permission to perform this operation."}),
            "FORBIDDEN: You do not have sufficient permission",
        ),
        (
            404,
            json!({"errorCode": "URL_NOT_FOUND", "message": "The URL you requested could not be found."}),
            "URL_NOT_FOUND",
        ),
        (
            422,
            json!({"errorCode": "INVALID_DATA", "message": "The data is invalid due to validation restrictions",
                "errors": [{"fieldName": "/departmentId", "errorType": "invalid", "errorMessage": "The department is not available"}]}),
            "INVALID_DATA: The data is invalid due to validation restrictions (departmentId: The \
             department is not available)",
        ),
    ];
    for (status, body, said) in cases {
        let server = MockServer::start().await;
        token_ok(&server, ACCESS_TOKEN, 1).await;
        Mock::given(method("POST"))
            .and(path("/api/v1/tickets"))
            .respond_with(ResponseTemplate::new(status).set_body_json(body))
            .expect(1)
            .mount(&server)
            .await;
        let failure = deliver_first(
            &zoho_as(&server, &format!("errors-{status}")),
            Priority::High,
        )
        .await
        .unwrap_err();
        assert!(failure.permanent, "{status}");
        assert_eq!(failure.retry_after, None);
        assert!(failure.error.contains(said), "{status}: {}", failure.error);
        assert!(secret_free(&failure.error, &SECRETS));
    }
}

#[tokio::test]
async fn a_rate_limit_is_transient_with_the_wait_zoho_asks() {
    let server = MockServer::start().await;
    token_ok(&server, ACCESS_TOKEN, 1).await;
    Mock::given(method("POST"))
        .and(path("/api/v1/tickets"))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("retry-after", "31")
                .set_body_json(
                    json!({"errorCode": "TOO_MANY_REQUESTS", "message": "API credits exhausted"}),
                ),
        )
        .expect(1)
        .mount(&server)
        .await;
    let failure = deliver_first(&zoho(&server), Priority::High)
        .await
        .unwrap_err();
    assert!(!failure.permanent);
    assert_eq!(failure.retry_after, Some(Duration::from_secs(31)));
    assert!(
        failure.error.contains("API credits exhausted"),
        "{}",
        failure.error
    );
}

#[tokio::test]
async fn a_refused_refresh_answered_with_200_stops_before_any_ticket() {
    for (error, said) in [
        ("invalid_code", "refused the refresh token"),
        ("invalid_client", "refused the OAuth client"),
    ] {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/oauth/v2/token"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({"error": error})))
            .expect(1)
            .mount(&server)
            .await;
        let failure = deliver_first(&zoho_as(&server, error), Priority::High)
            .await
            .unwrap_err();
        assert!(failure.permanent, "{error}");
        assert!(failure.error.contains(said), "{}", failure.error);
        assert!(failure.error.contains("'eu'"), "{}", failure.error);
        assert!(secret_free(&failure.error, &SECRETS));
        assert_eq!(server.received_requests().await.unwrap().len(), 1);
    }
}

#[tokio::test]
async fn the_access_token_is_kept_for_its_life_and_renewed_when_refused() {
    let server = MockServer::start().await;
    let connection = zoho_as(&server, "cache-test");
    token_ok(&server, ACCESS_TOKEN, 1).await;
    Mock::given(method("POST"))
        .and(path("/api/v1/tickets"))
        .and(header("authorization", oauth(ACCESS_TOKEN).as_str()))
        .respond_with(created("5"))
        .expect(2)
        .mount(&server)
        .await;
    comment_ok(&server, "5", 2).await;
    deliver_first(&connection, Priority::High).await.unwrap();
    deliver_first(&connection, Priority::High).await.unwrap();
    let token_calls = |requests: &[wiremock::Request]| {
        requests
            .iter()
            .filter(|r| r.url.path() == "/oauth/v2/token")
            .count()
    };
    assert_eq!(token_calls(&server.received_requests().await.unwrap()), 1);

    // Revoked early: the kept token is refused, a new one is fetched once.
    server.reset().await;
    Mock::given(method("POST"))
        .and(path("/oauth/v2/token"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"access_token": "1000.access.fresh", "expires_in": 3600})),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v1/tickets"))
        .and(header("authorization", oauth(ACCESS_TOKEN).as_str()))
        .respond_with(ResponseTemplate::new(401).set_body_json(
            json!({"errorCode": "INVALID_OAUTH", "message": "The OAuth Token you provided is invalid."}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v1/tickets"))
        .and(header("authorization", oauth("1000.access.fresh").as_str()))
        .respond_with(created("6"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v1/tickets/6/comments"))
        .and(header("authorization", oauth("1000.access.fresh").as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "1"})))
        .expect(1)
        .mount(&server)
        .await;
    assert_eq!(
        deliver_first(&connection, Priority::High).await.unwrap().id,
        "6"
    );
}

#[tokio::test]
async fn a_lost_answer_is_found_by_the_handoff_field_instead_of_created_twice() {
    let server = MockServer::start().await;
    no_ticket_search(&server).await;
    token_ok(&server, ACCESS_TOKEN, 1).await;
    // The create succeeds on Zoho's side, but its answer never arrives.
    Mock::given(method("POST"))
        .and(path("/api/v1/tickets"))
        .respond_with(created("77").set_delay(Duration::from_secs(5)))
        .expect(1)
        .mount(&server)
        .await;
    listed(
        &server,
        json!([
            // Dana's earlier ticket with the same subject is not this one.
            {"id": "12", "subject": "Where is my refund for order 123?",
             "cf": {"cf_desk_handoff": "hof_0"}},
            {"id": "77", "subject": "Where is my refund for order 123?",
             "cf": {"cf_desk_handoff": "hof_1"},
             "webUrl": "https://desk.zoho.eu/support/acme/ShowHomePage.do#Cases/dv/77"},
        ]),
    )
    .await;
    comment_ok(&server, "77", 1).await;
    let connection = zoho(&server);
    let http = Http::default();
    let ticket = escalation(Priority::High);
    let mut second = lose_answer(&server, &connection, &ticket, "POST", "/api/v1/tickets").await;
    let delivered = connectors::deliver(&http, &connection, &ticket, &mut second)
        .await
        .unwrap();
    assert_eq!(delivered.id, "77");
    assert!(delivered.url.unwrap().ends_with("/77"));
}

#[tokio::test]
async fn a_ticket_made_before_a_busy_hour_is_found_pages_down_not_made_twice() {
    let server = MockServer::start().await;
    no_ticket_search(&server).await;
    token_ok(&server, ACCESS_TOKEN, 1).await;
    // Two hundred tickets came to the department after the one made.
    for from in [0, 100] {
        let others: Vec<serde_json::Value> = (from..from + 100)
            .map(|n| json!({"id": n.to_string(), "cf": {"cf_desk_handoff": format!("hof_x{n}")}}))
            .collect();
        Mock::given(method("GET"))
            .and(path("/api/v1/tickets"))
            .and(query_param("departmentId", "3000000007043"))
            .and(query_param("sortBy", "-createdTime"))
            .and(query_param("from", from.to_string().as_str()))
            .and(query_param("limit", "100"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({ "data": others })))
            .expect(1)
            .mount(&server)
            .await;
    }
    Mock::given(method("GET"))
        .and(path("/api/v1/tickets"))
        .and(query_param("from", "200"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"data": [
            {"id": "77", "cf": {"cf_desk_handoff": "hof_1"},
             "webUrl": "https://desk.zoho.eu/support/acme/ShowHomePage.do#Cases/dv/77"}
        ]})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v1/tickets"))
        .respond_with(created("78"))
        .expect(0)
        .mount(&server)
        .await;
    comments(&server, "77", json!([])).await;
    comment_ok(&server, "77", 1).await;
    let delivered = deliver(&zoho(&server), &escalation(Priority::High), 2)
        .await
        .unwrap();
    assert_eq!(delivered.id, "77");
}

#[tokio::test]
async fn a_retry_after_a_refused_create_creates_without_looking() {
    let server = MockServer::start().await;
    no_ticket_search(&server).await;
    token_ok(&server, ACCESS_TOKEN, 1).await;
    Mock::given(method("POST"))
        .and(path("/api/v1/tickets"))
        .respond_with(ResponseTemplate::new(429))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v1/tickets"))
        .respond_with(created("79"))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v1/tickets"))
        .respond_with(ResponseTemplate::new(204))
        .expect(0)
        .mount(&server)
        .await;
    comment_ok(&server, "79", 1).await;
    let connection = zoho(&server);
    let http = Http::default();
    let ticket = escalation(Priority::High);
    let mut first = Progress::resume(None, 1);
    assert!(
        !connectors::deliver(&http, &connection, &ticket, &mut first)
            .await
            .unwrap_err()
            .permanent
    );
    let mut second = Progress::resume(Some(&first.to_json()), 2);
    let delivered = connectors::deliver(&http, &connection, &ticket, &mut second)
        .await
        .unwrap();
    assert_eq!(delivered.id, "79");
}

#[tokio::test]
async fn a_retry_that_finds_nothing_creates_the_ticket() {
    let server = MockServer::start().await;
    token_ok(&server, ACCESS_TOKEN, 1).await;
    // Zoho answers an empty list with 204 No Content.
    Mock::given(method("GET"))
        .and(path("/api/v1/tickets"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v1/tickets"))
        .respond_with(created("78"))
        .expect(1)
        .mount(&server)
        .await;
    comments(&server, "78", json!([])).await;
    comment_ok(&server, "78", 1).await;
    let delivered = deliver(&zoho(&server), &escalation(Priority::High), 2)
        .await
        .unwrap();
    assert_eq!(delivered.id, "78");
}

#[tokio::test]
async fn a_comment_whose_answer_was_lost_is_not_added_twice() {
    let server = MockServer::start().await;
    token_ok(&server, ACCESS_TOKEN, 1).await;
    listed(
        &server,
        json!([{"id": "14", "cf": {"cf_desk_handoff": "hof_1"}}]),
    )
    .await;
    let note = escalation(Priority::High).agent_note();
    comments(
        &server,
        "14",
        json!([{"id": "1", "isPublic": false, "content": note}]),
    )
    .await;
    comment_ok(&server, "14", 0).await;
    let delivered = deliver(&zoho(&server), &escalation(Priority::High), 2)
        .await
        .unwrap();
    assert_eq!(delivered.id, "14");
}

#[tokio::test]
async fn a_failed_comment_is_added_on_the_next_attempt_without_a_second_ticket() {
    let server = MockServer::start().await;
    token_ok(&server, ACCESS_TOKEN, 1).await;
    Mock::given(method("POST"))
        .and(path("/api/v1/tickets"))
        .respond_with(created("9"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v1/tickets/9/comments"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    comments(&server, "9", json!([])).await;
    let connection = zoho(&server);
    let http = Http::default();
    let ticket = escalation(Priority::High);
    let mut progress = Progress::resume(None, 1);
    let failure = connectors::deliver(&http, &connection, &ticket, &mut progress)
        .await
        .unwrap_err();
    assert!(!failure.permanent);
    comment_ok(&server, "9", 1).await;
    let mut again = Progress::resume(Some(&progress.to_json()), 2);
    let delivered = connectors::deliver(&http, &connection, &ticket, &mut again)
        .await
        .unwrap();
    assert_eq!(delivered.id, "9");
    assert!(delivered.url.is_some());
}

/// A fake Zoho whose organizations and department calls answer as given.
async fn test_with(
    organizations: (u16, serde_json::Value),
    department: (u16, serde_json::Value),
) -> Vec<TestCheck> {
    test_fields(organizations, department, (200, ticket_fields())).await
}

/// The ticket fields a Zoho Desk with the handoff field lists.
fn ticket_fields() -> serde_json::Value {
    json!({"data": [
        {"apiName": "subject", "displayLabel": "Subject", "type": "Text"},
        {"apiName": "cf_desk_handoff", "displayLabel": "Desk handoff", "type": "Text"},
    ]})
}

/// [`test_with`], with the ticket fields call answering `fields`.
async fn test_fields(
    organizations: (u16, serde_json::Value),
    department: (u16, serde_json::Value),
    fields: (u16, serde_json::Value),
) -> Vec<TestCheck> {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v1/organizationFields"))
        .and(query_param("module", "tickets"))
        .and(header("orgId", "20071234"))
        .respond_with(ResponseTemplate::new(fields.0).set_body_json(fields.1))
        .mount(&server)
        .await;
    token_ok(&server, ACCESS_TOKEN, 1).await;
    Mock::given(method("GET"))
        .and(path("/api/v1/organizations"))
        .and(header("authorization", oauth(ACCESS_TOKEN).as_str()))
        .respond_with(ResponseTemplate::new(organizations.0).set_body_json(organizations.1))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v1/departments/3000000007043"))
        .and(header("authorization", oauth(ACCESS_TOKEN).as_str()))
        .and(header("orgId", "20071234"))
        .respond_with(ResponseTemplate::new(department.0).set_body_json(department.1))
        .mount(&server)
        .await;
    let checks = connectors::test(&Http::default(), &zoho(&server)).await;
    for check in &checks {
        assert!(secret_free(&check.message, &SECRETS), "{check:?}");
    }
    checks
}

fn orgs() -> (u16, serde_json::Value) {
    (
        200,
        json!({"data": [{"id": 20071234, "companyName": "Acme", "portalName": "acme"},
                        {"id": "20070001", "companyName": "Acme Labs"}]}),
    )
}

fn failure_of(checks: &[TestCheck]) -> &TestCheck {
    checks
        .iter()
        .find(|check| check.outcome == CheckOutcome::Failed)
        .unwrap_or_else(|| panic!("no check failed: {checks:?}"))
}

#[tokio::test]
async fn the_connection_test_checks_token_organization_and_department() {
    let ok = test_with(
        orgs(),
        (
            200,
            json!({"id": "3000000007043", "name": "Support", "isEnabled": true}),
        ),
    )
    .await;
    let names: Vec<_> = ok.iter().map(|c| (c.check.as_str(), c.outcome)).collect();
    assert_eq!(
        names,
        [
            ("credentials", CheckOutcome::Ok),
            ("organization", CheckOutcome::Ok),
            ("department", CheckOutcome::Ok),
            ("handoff field", CheckOutcome::Ok),
        ]
    );
    assert!(ok[2].message.contains("Support"), "{ok:?}");

    let department = (
        200,
        json!({"id": "3000000007043", "name": "Support", "isEnabled": true}),
    );
    let missing = test_fields(
        orgs(),
        department.clone(),
        (200, json!({"data": [{"apiName": "subject"}]})),
    )
    .await;
    let failure = failure_of(&missing);
    assert_eq!(failure.check, "handoff field");
    assert!(
        failure.message.contains("no tickets field cf_desk_handoff"),
        "{failure:?}"
    );
    let unreadable = test_fields(
        orgs(),
        department,
        (
            401,
            json!({"errorCode": "SCOPE_MISMATCH", "message": "scope"}),
        ),
    )
    .await;
    let last = unreadable.last().unwrap();
    assert_eq!(
        (last.check.as_str(), last.outcome),
        ("handoff field", CheckOutcome::Warning)
    );
    assert!(last.message.contains("Desk.settings.READ"), "{last:?}");

    let disabled = test_with(
        orgs(),
        (
            200,
            json!({"id": "3000000007043", "name": "Old", "isEnabled": false}),
        ),
    )
    .await;
    assert_eq!(disabled[2].outcome, CheckOutcome::Warning, "{disabled:?}");

    let elsewhere = test_with(
        (
            200,
            json!({"data": [{"id": "20070001", "companyName": "Acme Labs"}]}),
        ),
        (200, json!({})),
    )
    .await;
    let failure = failure_of(&elsewhere);
    assert_eq!(failure.check, "organization");
    assert!(
        failure.message.contains("20070001 (Acme Labs)"),
        "{failure:?}"
    );

    let mismatch = test_with(
        orgs(),
        (401, json!({"errorCode": "OAUTH_ORG_MISMATCH", "message": "The OAuthToken is not valid for specified organization"})),
    )
    .await;
    let failure = failure_of(&mismatch);
    assert_eq!(failure.check, "organization");
    assert!(failure.message.contains("check org-id"), "{failure:?}");

    let no_department = test_with(
        orgs(),
        (404, json!({"errorCode": "RESOURCE_NOT_FOUND", "message": "The requested resource does not exist."})),
    )
    .await;
    let failure = failure_of(&no_department);
    assert_eq!(failure.check, "department");
    assert!(
        failure.message.contains("no department 3000000007043"),
        "{failure:?}"
    );

    let scope = test_with(
        (401, json!({"errorCode": "SCOPE_MISMATCH", "message": "The OAuth token does not have the required scope"})),
        (200, json!({})),
    )
    .await;
    let failure = failure_of(&scope);
    assert_eq!(failure.check, "permission");
    assert!(failure.message.contains("Desk.basic.READ"), "{failure:?}");
}

#[tokio::test]
async fn the_connection_test_tells_bad_credentials_from_a_wrong_data_centre() {
    for (error, said) in [
        ("invalid_client", "data centre"),
        ("invalid_code", "refresh token"),
    ] {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/oauth/v2/token"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({"error": error})))
            .expect(1)
            .mount(&server)
            .await;
        let checks = connectors::test(&Http::default(), &zoho_as(&server, error)).await;
        assert_eq!(checks.len(), 1, "{checks:?}");
        assert_eq!(checks[0].check, "credentials");
        assert_eq!(checks[0].outcome, CheckOutcome::Failed);
        assert!(checks[0].message.contains(said), "{checks:?}");
        assert!(secret_free(&checks[0].message, &SECRETS));
    }
    let mut down = zoho(&MockServer::start().await);
    down.base_url = Some("http://127.0.0.1:9".into());
    let checks = connectors::test(&Http::default(), &down).await;
    assert_eq!(checks[0].check, "reachable");
    assert_eq!(checks[0].outcome, CheckOutcome::Failed);
}

#[tokio::test]
async fn a_refused_access_token_is_one_failed_credentials_check() {
    // The refresh works, then Zoho Desk refuses the token it gave.
    let checks = test_with(
        (
            401,
            json!({"errorCode": "INVALID_OAUTH", "message": "The OAuth Token you provided is invalid."}),
        ),
        (200, json!({})),
    )
    .await;
    let shown: Vec<_> = checks
        .iter()
        .map(|c| (c.check.as_str(), c.outcome))
        .collect();
    assert_eq!(shown, [("credentials", CheckOutcome::Failed)], "{checks:?}");
    assert!(checks[0].message.contains("INVALID_OAUTH"), "{checks:?}");
}

#[tokio::test]
async fn webhooks_carry_the_token_in_their_url() {
    let connection = zoho(&MockServer::start().await);
    let body = r#"[{"eventType":"Ticket_Update","orgId":"20071234","eventTime":"1800000300000","payload":{"id":"3000000123001","status":"Closed","statusType":"Closed","assigneeId":"3000000000101"}}]"#;
    let receive = |query: Option<&str>, body: &str| {
        connectors::receive(
            &connection,
            &InboundWebhook {
                headers: &http::HeaderMap::new(),
                query,
                body: body.as_bytes(),
            },
            jiff::Timestamp::now(),
        )
    };
    let query = format!("token={WEBHOOK_TOKEN}");
    let (verified, events) = receive(Some(&query), body).unwrap();
    assert_eq!(events[0].id, "3000000123001");
    assert_eq!(events[0].status, ExternalStatus::Resolved);
    assert!(!verified.replay_key.contains(WEBHOOK_TOKEN));
    assert_eq!(receive(Some(&query), body).unwrap().0, verified);
    let later = body.replace("1800000300000", "1800000360000");
    assert_ne!(receive(Some(&query), &later).unwrap().0, verified);
    for refused in [Some("token=zoho-hook-Lp1"), Some("other=1"), None] {
        match receive(refused, body) {
            Err(WebhookError::Unauthenticated(why)) => {
                assert!(secret_free(&why, &SECRETS), "{why}")
            }
            other => panic!("{refused:?}: {other:?}"),
        }
    }
}

// End to end: the real binary on a local desk, against the fake.

const ENV: common::integrations::Secrets = &[
    ("ZOHO_CLIENT_SECRET", CLIENT_SECRET),
    ("ZOHO_REFRESH_TOKEN", REFRESH_TOKEN),
    ("ZOHO_WEBHOOK_TOKEN", WEBHOOK_TOKEN),
    ("ZOHO_ACCESS_TOKEN_NEVER_SET", ACCESS_TOKEN),
];

/// A fake Zoho whose credentials, organization and department are right, and
/// whose comments are taken.
async fn zoho_ok() -> MockServer {
    let server = MockServer::start().await;
    token_ok(&server, ACCESS_TOKEN, 100).await;
    Mock::given(method("GET"))
        .and(path("/api/v1/organizationFields"))
        .respond_with(ResponseTemplate::new(200).set_body_json(ticket_fields()))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v1/organizations"))
        .respond_with(ResponseTemplate::new(200).set_body_json(orgs().1))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v1/departments/3000000007043"))
        .and(header("orgId", "20071234"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(
                json!({"id": "3000000007043", "name": "Support", "isEnabled": true}),
            ),
        )
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v1/tickets/3000000123001/comments"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "1"})))
        .mount(&server)
        .await;
    server
}

/// A desk whose agent `shop` sends its tickets to the fake Zoho Desk.
fn connected(base: &str) -> common::Desk {
    let desk = common::integrations::desk_with_agent();
    let text = common::integrations::run_ok(
        &desk,
        ENV,
        &[
            "integrations",
            "connect",
            "zoho-desk",
            "--set",
            "data-center=eu",
            "--set",
            "client-id=1000.CLIENT",
            "--set",
            "org-id=20071234",
            "--set",
            "department-id=3000000007043",
            "--secret",
            "client-secret=env:ZOHO_CLIENT_SECRET",
            "--secret",
            "refresh-token=env:ZOHO_REFRESH_TOKEN",
            "--secret",
            "webhook-token=env:ZOHO_WEBHOOK_TOKEN",
            "--base-url",
            base,
        ],
    );
    assert!(text.contains("works"), "{text}");
    let tested = common::integrations::run_ok(&desk, ENV, &["integrations", "test", "zoho-desk"]);
    assert!(tested.contains("Support (3000000007043)"), "{tested}");
    desk.run(&["actions", "set", "shop", "--platform", "zoho-desk"]);
    desk
}

async fn ticket_posts(server: &MockServer) -> Vec<serde_json::Value> {
    common::integrations::posted(server, "/api/v1/tickets").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cli_a_production_handoff_arrives_before_the_command_returns() {
    let server = zoho_ok().await;
    Mock::given(method("POST"))
        .and(path("/api/v1/tickets"))
        .and(header("authorization", oauth(ACCESS_TOKEN).as_str()))
        .and(header("orgId", "20071234"))
        .respond_with(created("3000000123001"))
        .expect(1)
        .mount(&server)
        .await;
    let desk = connected(&server.uri());
    let sent = common::integrations::send(&desk, ENV, "one");
    assert_eq!(sent["outcome"], "external");
    let body = &ticket_posts(&server).await[0];
    assert_eq!(body["priority"], "High");
    assert_eq!(body["departmentId"], "3000000007043");
    assert_eq!(body["channel"], "Chat");
    assert_eq!(
        body["contact"],
        json!({"lastName": "Dana Reyes", "email": "dana@example.com"})
    );
    let shown = common::integrations::show(&desk, sent["id"].as_str().unwrap());
    assert_eq!(shown["external"]["kind"], "zoho-desk");
    assert_eq!(shown["external"]["id"], "3000000123001");
    assert_eq!(shown["external"]["status"], "created", "{shown}");
    let list = common::integrations::run_ok(&desk, ENV, &["integrations", "list"]);
    assert!(
        list.contains("zoho-desk") && list.contains("connected"),
        "{list}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cli_a_wrong_org_id_fails_the_test_saying_so() {
    let server = zoho_ok().await;
    let desk = common::integrations::desk_with_agent();
    let (ok, text) = common::integrations::run(
        &desk,
        ENV,
        &[
            "integrations",
            "connect",
            "zoho-desk",
            "--set",
            "data-center=eu",
            "--set",
            "client-id=1000.CLIENT",
            "--set",
            "org-id=999",
            "--set",
            "department-id=3000000007043",
            "--secret",
            "client-secret=env:ZOHO_CLIENT_SECRET",
            "--secret",
            "refresh-token=env:ZOHO_REFRESH_TOKEN",
            "--base-url",
            &server.uri(),
        ],
    );
    assert!(text.contains("not in organization 999"), "{ok} {text}");
    assert!(text.contains("20071234 (Acme)"), "{text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cli_a_rate_limited_delivery_waits_as_told_and_arrives_once() {
    let server = zoho_ok().await;
    Mock::given(method("POST"))
        .and(path("/api/v1/tickets"))
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "1"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v1/tickets"))
        .respond_with(created("3000000123001"))
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
    let shown = common::integrations::show(&desk, sent["id"].as_str().unwrap());
    assert_eq!(shown["external"]["status"], "created", "{shown}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cli_a_permanent_error_is_reported_and_not_retried() {
    let server = zoho_ok().await;
    Mock::given(method("POST"))
        .and(path("/api/v1/tickets"))
        .respond_with(ResponseTemplate::new(422).set_body_json(json!({
            "errorCode": "INVALID_DATA", "message": "The data is invalid due to validation restrictions",
            "errors": [{"fieldName": "/departmentId", "errorType": "invalid", "errorMessage": "The department is not available"}]
        })))
        .expect(1)
        .mount(&server)
        .await;
    let desk = connected(&server.uri());
    let sent = common::integrations::send(&desk, ENV, "invalid");
    desk.run(&["operators", "availability", "bob", "online"]);
    let dead = common::integrations::run_ok(
        &desk,
        ENV,
        &["integrations", "deliveries", "zoho-desk", "--state", "dead"],
    );
    assert!(dead.contains("The department is not available"), "{dead}");
    let shown = common::integrations::show(&desk, sent["id"].as_str().unwrap());
    assert_eq!(shown["external"]["status"], "failed", "{shown}");
    assert_eq!(ticket_posts(&server).await.len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cli_webhooks_with_the_url_token_move_the_handoff_under_serve() {
    let server = zoho_ok().await;
    Mock::given(method("POST"))
        .and(path("/api/v1/tickets"))
        .respond_with(created("3000000123001"))
        .mount(&server)
        .await;
    let desk = connected(&server.uri());
    let id = common::integrations::send(&desk, ENV, "hooked")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let serve = desk.serve();
    let post = |query: &str, body: &str| {
        serve.raw(
            "POST",
            &format!("/v1/integrations/zoho-desk/webhook{query}"),
            &[("Content-Type", "application/json")],
            body.as_bytes(),
        )
    };
    let body = r#"[{"eventType":"Ticket_Update","orgId":"20071234","eventTime":"1800000300000","payload":{"id":"3000000123001","status":"Closed","statusType":"Closed","assigneeId":"3000000000101"}}]"#;
    assert_eq!(post("?token=guessed", body).status, 401);
    assert_eq!(post("", body).status, 401);
    assert_eq!(
        common::integrations::show(&desk, &id)["external"]["status"],
        "created"
    );
    let accepted = post(&format!("?token={WEBHOOK_TOKEN}"), body);
    assert_eq!(accepted.status, 200, "{}", accepted.body);
    assert_eq!(accepted.json()["updated"], json!([id]));
    assert_eq!(
        common::integrations::show(&desk, &id)["external"]["status"],
        "resolved"
    );
    common::integrations::assert_replay(
        &post(&format!("?token={WEBHOOK_TOKEN}"), body),
        "a replay",
    );
    // The same events in other bytes are still the same events.
    for variant in [
        format!("{body}  "),
        r#"[ { "payload": { "assigneeId": "3000000000101", "statusType": "Closed",
               "status": "Closed", "id": 3000000123001 },
             "eventTime": 1800000300000, "orgId": "20071234", "eventType": "Ticket_Update" } ]"#
            .to_string(),
        r#"{"eventType":"Ticket_Update","eventTime":"1800000300000","payload":{"id":"3000000123001","status":"Closed"}}"#
            .to_string(),
    ] {
        let replayed = post(&format!("?token={WEBHOOK_TOKEN}"), &variant);
        common::integrations::assert_replay(&replayed, &variant);
    }
    let log = serve.log();
    for secret in SECRETS {
        assert!(!log.contains(secret), "{log}");
    }
}
