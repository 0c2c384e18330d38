//! `deskctl integrations` end to end with the real binary, against a fake
//! Zendesk: connect, test, deliver a production handoff before the command
//! returns, wait as a rate limit says, stop at a permanent error, accept
//! signed webhooks under `serve` and refuse tampered or replayed ones, and
//! deliver everything exactly once after the platform was down for a while.

use crate::common;

use std::time::Duration;

use common::integrations::{self, Secrets, desk_with_agent, posted, run_ok, show};
use common::{Desk, wait_until};
use deskctl::server::connectors::signing::hmac_sha256_base64;
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const TOKEN: &str = "zd-token-e2e-4f1c";
const SIGNING: &str = "zd-signing-e2e-9a7b";

const SECRETS: Secrets = &[("ZD_TOKEN", TOKEN), ("ZD_SIGNING", SIGNING)];

/// Runs deskctl with the Zendesk secrets at hand (never shown).
fn run(desk: &Desk, args: &[&str]) -> (bool, String) {
    integrations::run(desk, SECRETS, args)
}

async fn zendesk_ok() -> MockServer {
    let server = MockServer::start().await;
    answer_like_zendesk(&server).await;
    server
}

/// What every test's Zendesk answers: who the token is, the requester's user,
/// the look-ups a repeated delivery makes first (nothing found), the private
/// note.
async fn answer_like_zendesk(server: &MockServer) {
    Mock::given(method("POST"))
        .and(path("/api/v2/users/create_or_update"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"user": {"id": 501}})))
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v2/tickets/35436/comments"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"comments": []})))
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v2/tickets"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"tickets": [], "count": 0})))
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v2/users/me"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"user": {"id": 1, "email": "admin@acme.example", "role": "admin"}}),
        ))
        .mount(server)
        .await;
    Mock::given(method("PUT"))
        .and(path("/api/v2/tickets/35436"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"ticket": {"id": 35436}})))
        .mount(server)
        .await;
}

fn created() -> ResponseTemplate {
    ResponseTemplate::new(201).set_body_json(json!({"ticket": {"id": 35436}, "audit": {}}))
}

/// A desk with agent `shop` whose action sends tickets to Zendesk at `base`.
fn connected(base: &str) -> Desk {
    let desk = desk_with_agent();
    let text = run_ok(
        &desk,
        SECRETS,
        &[
            "integrations",
            "connect",
            "zendesk",
            "--set",
            "subdomain=acme",
            "--set",
            "email=admin@acme.example",
            "--secret",
            "api-token=env:ZD_TOKEN",
            "--secret",
            "webhook-secret=env:ZD_SIGNING",
            "--base-url",
            base,
        ],
    );
    assert!(text.contains("The Zendesk connection works"), "{text}");
    desk.run(&["actions", "set", "shop", "--platform", "zendesk"]);
    desk
}

fn send(desk: &Desk, name: &str) -> Value {
    integrations::send(desk, SECRETS, name)
}

async fn posts(server: &MockServer) -> Vec<Value> {
    posted(server, "/api/v2/tickets").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_action_can_only_name_a_connected_platform() {
    let desk = Desk::new();
    desk.run(&["agents", "add", "shop", "--name", "Shop assistant"]);
    let output = desk
        .cmd()
        .args([
            "actions",
            "set",
            "shop",
            "--channel",
            "web",
            "--platform",
            "zendesk",
        ])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("zendesk integration is not connected"),
        "{stderr}"
    );
    assert!(
        stderr.contains("deskctl integrations connect zendesk"),
        "{stderr}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_production_handoff_arrives_before_the_command_returns() {
    let server = zendesk_ok().await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .respond_with(created())
        .expect(1)
        .mount(&server)
        .await;
    let desk = connected(&server.uri());
    let sent = send(&desk, "one");
    assert_eq!(sent["outcome"], "external");
    let body = &posts(&server).await[0]["ticket"];
    assert_eq!(body["priority"], "high");
    assert_eq!(body["external_id"], sent["id"]);
    assert_eq!(body["requester_id"], 501);
    let shown = show(&desk, sent["id"].as_str().unwrap());
    assert_eq!(shown["external"]["status"], "created", "{shown}");
    assert_eq!(shown["external"]["id"], "35436");
    assert_eq!(shown["external"]["kind"], "zendesk");
    let (_, list) = run(&desk, &["integrations", "list"]);
    assert!(
        list.contains("zendesk") && list.contains("connected"),
        "{list}"
    );
    let (_, detail) = run(&desk, &["integrations", "show", "zendesk"]);
    assert!(detail.contains("hmac:"), "{detail}");
    assert!(
        detail.contains("/v1/integrations/zendesk/webhook"),
        "{detail}"
    );
    let (_, deliveries) = run(&desk, &["integrations", "deliveries", "zendesk"]);
    assert!(deliveries.contains("delivered"), "{deliveries}");
}

/// A name `connect` does not know, or on the wrong flag, and a secret written
/// on the command line, are usage errors (2) caught before anything is read
/// or sent; a value that may be a secret is never repeated.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connect_refuses_misnamed_settings_and_literal_secrets_as_usage_errors() {
    let desk = desk_with_agent();
    let cases: [(&[&str], &str, &str); 10] = [
        // A secret typed without its name, or on a flag for settings: the
        // error says what is wrong without the text.
        (
            &["--set", "abc123literal", "--no-test"],
            "--set takes KEY=VALUE, and the value given has no `=` (it is not repeated here",
            "Usage:",
        ),
        (
            &["--set", "=abc123literal", "--no-test"],
            "--set takes KEY=VALUE, and the value given has nothing before its `=`",
            "",
        ),
        (
            &["--field", "abc123literal", "--no-test"],
            "--field takes KEY=VALUE, and the value given has no `=`",
            "",
        ),
        (
            &["--secret", "abc123literal", "--no-test"],
            "--secret: zendesk has no secret by the name given (it is not repeated here",
            "its secrets: api-token",
        ),
        (
            &["--set", "subdomian=acme", "--no-test"],
            "--set subdomian=…: zendesk has no setting 'subdomian'",
            "did you mean 'subdomain'?",
        ),
        (
            &["--secret", "api-tokn=env:ZD_TOKEN", "--no-test"],
            "--secret api-tokn: zendesk has no secret 'api-tokn'",
            "did you mean 'api-token'?",
        ),
        (
            &["--set", "api-token=abc123literal", "--no-test"],
            "--set api-token=…: api-token is a secret: give it with --secret api-token=env:NAME",
            "",
        ),
        (
            &["--unset", "api-token"],
            "api-token is a secret",
            "--remove-secret api-token",
        ),
        (
            &["--secret", "subdomain=env:ZD_TOKEN"],
            "--secret subdomain: subdomain is a setting, not a secret: give it with --set \
             subdomain=VALUE",
            "",
        ),
        (
            &["--secret", "api-token=abc123literal"],
            "--secret api-token=…: the value must be env:NAME, file:PATH or - (stdin); secrets \
             are never taken on the command line",
            "",
        ),
    ];
    for (args, error, hint) in cases {
        let output = desk
            .cmd()
            .env("ZD_TOKEN", TOKEN)
            .args(["integrations", "connect", "zendesk"])
            .args(args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(error), "{args:?}: {stderr}");
        assert!(stderr.contains(hint), "{args:?}: {stderr}");
        assert!(!stderr.contains("abc123literal"), "{args:?}: {stderr}");
        assert!(!stderr.contains(TOKEN), "{args:?}: {stderr}");
    }
    let (found, shown) = run(&desk, &["integrations", "show", "zendesk"]);
    assert!(!found, "nothing was saved: {shown}");
}

/// Zendesk takes four priorities: a mapping to anything else is refused when
/// it is made (exit 1, nothing saved), not by Zendesk at the next handoff.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connect_refuses_a_priority_the_platform_does_not_take() {
    let desk = desk_with_agent();
    let connect = |priority: &str| {
        desk.cmd()
            .env("ZD_TOKEN", TOKEN)
            .args([
                "integrations",
                "connect",
                "zendesk",
                "--set",
                "subdomain=acme",
                "--set",
                "email=admin@acme.example",
                "--secret",
                "api-token=env:ZD_TOKEN",
                "--priority",
                priority,
                "--no-test",
            ])
            .output()
            .unwrap()
    };
    let refused = connect("urgent=URGENT!!");
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(refused.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "priorities.urgent: 'URGENT!!' is not a Zendesk priority: it takes low, normal, \
             high, urgent"
        ),
        "{stderr}"
    );
    let (found, shown) = run(&desk, &["integrations", "show", "zendesk"]);
    assert!(!found, "nothing was saved: {shown}");
    assert!(connect("urgent=high").status.success());
    let (_, shown) = run(&desk, &["integrations", "show", "zendesk"]);
    assert!(shown.contains("urgent: high"), "{shown}");
}

/// The local desk has no worker to finish an attempt after its command
/// exits: `handoff send` waits the local desk's 5 s at most, says what tries
/// again, records the attempt it cut short and gives up its claim, so
/// `integrations retry` tries again at once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_platform_on_the_local_desk_is_cut_short_recorded_and_retried_at_once() {
    let server = zendesk_ok().await;
    // The first create hangs far longer than any wait; the next one works.
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .respond_with(created().set_delay(Duration::from_secs(120)))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .respond_with(created())
        .mount(&server)
        .await;
    let desk = connected(&server.uri());
    let file = desk.dir.path().join("slow.json");
    let handoff = json!({
        "agent": "shop", "environment": "production", "channel": "web",
        "requester": {"email": "dana@example.com"},
        "transcript": [{"role": "customer", "text": "A person, please."}]
    });
    std::fs::write(&file, handoff.to_string()).unwrap();
    let (ok, text) = run(
        &desk,
        &[
            "handoff",
            "send",
            "-f",
            file.to_str().unwrap(),
            "-o",
            "json",
        ],
    );
    assert!(ok, "{text}");
    assert!(
        text.contains(
            "no outcome within 5 s: it stays pending, and the next deskctl command that changes \
             something tries again (`deskctl integrations retry 1` at once"
        ),
        "{text}"
    );
    assert!(!text.contains("in the background"), "{text}");
    let sent = integrations::parse(&text[..text.rfind('}').unwrap() + 1]);
    let id = sent["id"].as_str().unwrap();
    let outcome = &show(&desk, id)["external"]["outcome"];
    assert_eq!(outcome["attempts"], 1, "{outcome}");
    // Cut short within what was left of the 5 s once the handoff was stored.
    assert!(
        outcome["error"]
            .as_str()
            .is_some_and(|error| error.starts_with("Zendesk took longer than ")),
        "the attempt cut short is recorded: {outcome}"
    );
    let retried = run_ok(&desk, SECRETS, &["integrations", "retry", "1"]);
    assert!(retried.contains("Queued"), "{retried}");
    let shown = show(&desk, id);
    assert_eq!(shown["external"]["status"], "created", "{shown}");
    assert_eq!(posts(&server).await.len(), 2, "cut short, then made");
}

/// `integrations retry` reads its ids as `outbox retry` does: what is no
/// id is a usage error saying what an id is, before the desk is opened.
#[test]
fn integrations_retry_reads_ids_as_outbox_retry_does() {
    let desk = Desk::new();
    for noun in ["integrations", "outbox"] {
        for (id, said) in [
            (
                "abc",
                "is neither a message's id (a whole number) nor the id it went out with",
            ),
            (
                "123456789012345678901234",
                "is larger than any message's id",
            ),
        ] {
            desk.cmd()
                .args([noun, "retry", "1", id])
                .assert()
                .code(2)
                .stderr(predicates::str::contains(said));
        }
    }
    assert!(!desk.path().exists());
}

/// Deliveries to integrations are owners only, like the integrations: a
/// manager's outbox leaves them out, and reading or retrying one is refused
/// (exit 4) whichever command or route asks, while an owner sees and
/// retries it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deliveries_to_integrations_are_owners_only_in_the_outbox_too() {
    let server = zendesk_ok().await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .respond_with(created())
        .mount(&server)
        .await;
    let desk = connected(&server.uri());
    send(&desk, "one");
    for (handle, role) in [("olga", "owner"), ("mia", "manager")] {
        desk.run(&[
            "operators",
            "add",
            handle,
            "--name",
            handle,
            "--email",
            &format!("{handle}@example.com"),
            "--role",
            role,
        ]);
    }
    let owner = desk.token("olga");
    let manager = desk.token("mia");
    let served = desk.serve();

    let listed = desk
        .as_token(&served, &manager)
        .args(["outbox", "list", "-o", "json"])
        .output()
        .unwrap();
    assert!(listed.status.success(), "{listed:?}");
    let listed: Value = serde_json::from_slice(&listed.stdout).unwrap();
    assert_eq!(listed, json!([]), "a manager's outbox: {listed}");
    for args in [
        &["integrations", "deliveries", "zendesk"][..],
        &["outbox", "list", "--kind", "integration"],
        &["outbox", "show", "1"],
        &["outbox", "retry", "1"],
        &["integrations", "retry", "1"],
    ] {
        let refused = desk
            .as_token(&served, &manager)
            .args(args)
            .output()
            .unwrap();
        assert_eq!(refused.status.code(), Some(4), "{args:?}: {refused:?}");
        let stderr = String::from_utf8_lossy(&refused.stderr);
        assert!(
            stderr.contains("needs the owner role"),
            "{args:?}: {stderr}"
        );
    }

    let owned = desk
        .as_token(&served, &owner)
        .args(["integrations", "deliveries", "zendesk", "-o", "json"])
        .output()
        .unwrap();
    assert!(owned.status.success(), "{owned:?}");
    let owned: Value = serde_json::from_slice(&owned.stdout).unwrap();
    assert_eq!(owned.as_array().map(Vec::len), Some(1), "{owned}");
    assert_eq!(owned[0]["kind"], "integration");
    desk.as_token(&served, &owner)
        .args(["outbox", "show", "1"])
        .assert()
        .success();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rate_limited_delivery_waits_as_told_and_arrives_once() {
    let server = zendesk_ok().await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "1"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .respond_with(created())
        .mount(&server)
        .await;
    let desk = connected(&server.uri());
    let sent = send(&desk, "limited");
    let requests = server.received_requests().await.unwrap();
    let times: Vec<_> = requests
        .iter()
        .filter(|r| r.method.as_str() == "POST" && r.url.path() == "/api/v2/tickets")
        .collect();
    assert_eq!(times.len(), 2, "one refused, one accepted");
    assert_eq!(posts(&server).await[0], posts(&server).await[1]);
    let shown = show(&desk, sent["id"].as_str().unwrap());
    assert_eq!(shown["external"]["status"], "created", "{shown}");
    let (_, deliveries) = run(&desk, &["integrations", "deliveries", "-o", "json"]);
    assert!(deliveries.contains("\"attempts\": 2"), "{deliveries}");
}

/// A platform (or a proxy before it) whose error repeats the request's
/// credentials: what deskctl keeps and shows of the error has them masked,
/// as sent and inside the basic-auth header's base64.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_error_that_repeats_the_credentials_is_kept_without_them() {
    use base64::Engine;
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/users/me"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"user": {"id": 1, "email": "admin@acme.example", "role": "admin"}}),
        ))
        .mount(&server)
        .await;
    let basic = base64::engine::general_purpose::STANDARD
        .encode(format!("admin@acme.example/token:{TOKEN}"));
    Mock::given(method("POST"))
        .and(path("/api/v2/users/create_or_update"))
        .respond_with(ResponseTemplate::new(422).set_body_raw(
            format!("refused: Authorization: Basic {basic} (token {TOKEN})"),
            "text/plain",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let desk = connected(&server.uri());
    let sent = send(&desk, "echoed");
    // `run` fails if the token shows anywhere in what deskctl prints.
    let (_, dead) = run(&desk, &["integrations", "deliveries", "--state", "dead"]);
    assert!(
        dead.contains("refused: Authorization: Basic *** (token ***)"),
        "{dead}"
    );
    assert!(!dead.contains(&basic), "{dead}");
    let shown = show(&desk, sent["id"].as_str().unwrap()).to_string();
    assert!(shown.contains("Basic *** (token ***)"), "{shown}");
    assert!(!shown.contains(&basic) && !shown.contains(TOKEN), "{shown}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_permanent_error_is_reported_and_not_retried() {
    let server = zendesk_ok().await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .respond_with(ResponseTemplate::new(422).set_body_json(json!({
            "error": "RecordInvalid", "description": "Record validation errors",
            "details": {"requester": [{"description": "Requester: Email is invalid"}]}
        })))
        .expect(2)
        .mount(&server)
        .await;
    let desk = connected(&server.uri());
    let sent = send(&desk, "invalid");
    // Later commands deliver what is due: a dead delivery is not tried again.
    desk.run(&["operators", "availability", "bob", "online"]);
    let (_, dead) = run(&desk, &["integrations", "deliveries", "--state", "dead"]);
    assert!(dead.contains("Requester: Email is invalid"), "{dead}");
    let shown = show(&desk, sent["id"].as_str().unwrap());
    assert_eq!(shown["external"]["status"], "failed", "{shown}");
    assert_eq!(posts(&server).await.len(), 1);
    // Retried by hand on the local desk, it is tried at once and refused
    // again: said as a failure with the platform's reason, not as queued.
    let (ok, retried) = run(&desk, &["integrations", "retry", "1"]);
    assert!(!ok, "{retried}");
    assert!(
        retried.contains("message 1 was tried again and failed")
            && retried.contains("Requester: Email is invalid")
            && !retried.contains("Queued"),
        "{retried}"
    );
    assert_eq!(posts(&server).await.len(), 2);
}

fn signed_headers(body: &str, secret: &str) -> Vec<(String, String)> {
    let stamp = jiff::Timestamp::now().to_string();
    let signature = hmac_sha256_base64(secret.as_bytes(), &[stamp.as_bytes(), body.as_bytes()]);
    vec![
        ("X-Zendesk-Webhook-Signature".into(), signature),
        ("X-Zendesk-Webhook-Signature-Timestamp".into(), stamp),
        ("Content-Type".into(), "application/json".into()),
    ]
}

/// Posts `body` with `headers` to the Zendesk webhook `serve` receives on.
fn post_webhook(
    serve: &common::Server,
    body: &str,
    headers: &[(String, String)],
) -> common::RawResponse {
    let headers: Vec<(&str, &str)> = headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    serve.raw(
        "POST",
        "/v1/integrations/zendesk/webhook",
        &headers,
        body.as_bytes(),
    )
}

/// A handoff `name` delivered to a fake Zendesk as ticket 35436: the fake
/// (keep it while the desk may call it), the desk, and the handoff's id.
async fn delivered(name: &str) -> (MockServer, Desk, String) {
    let server = zendesk_ok().await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .respond_with(created())
        .mount(&server)
        .await;
    let desk = connected(&server.uri());
    let id = send(&desk, name)["id"].as_str().unwrap().to_string();
    (server, desk, id)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signed_webhooks_move_the_handoff_and_tampered_ones_are_refused() {
    let (_zendesk, desk, id) = delivered("hooked").await;
    let serve = desk.serve();
    let post = |body: &str, headers: &[(String, String)]| post_webhook(&serve, body, headers);
    let body = r#"{"ticket_id":"35436","status":"solved"}"#;
    let headers = signed_headers(body, SIGNING);
    let tampered = post(r#"{"ticket_id":"35436","status":"open"}"#, &headers);
    assert_eq!(tampered.status, 401, "{}", tampered.body);
    let forged = post(body, &signed_headers(body, "guessed-secret"));
    assert_eq!(forged.status, 401);
    let unsigned = post(body, &[]);
    assert_eq!(unsigned.status, 401);
    assert_eq!(show(&desk, &id)["external"]["status"], "created");
    let accepted = post(body, &headers);
    assert_eq!(accepted.status, 200, "{}", accepted.body);
    assert_eq!(accepted.json()["updated"], json!([id]));
    assert_eq!(show(&desk, &id)["external"]["status"], "resolved");
    assert_eq!(accepted.json()["replay"], false, "{}", accepted.body);
    common::integrations::assert_replay(&post(body, &headers), "the same request again");
    let reopen = r#"{"ticket_id":"35436","status":"open","assignee_id":"7"}"#;
    assert_eq!(post(reopen, &signed_headers(reopen, SIGNING)).status, 200);
    assert_eq!(show(&desk, &id)["external"]["status"], "reopened");
    // Zendesk sending the `solved` again, its first answer lost, is
    // acknowledged and does not undo the reopening.
    common::integrations::assert_replay(&post(body, &headers), "sent again after a change");
    assert_eq!(show(&desk, &id)["external"]["status"], "reopened");
    let log = serve.log();
    assert!(!log.contains(SIGNING) && !log.contains(TOKEN), "{log}");
}

/// Zendesk retries and does not keep order: an `open` it timed before the
/// `solved` already applied is accepted and changes nothing; a later one
/// still reopens.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_late_open_does_not_move_a_solved_ticket_back() {
    let (_zendesk, desk, id) = delivered("ordered").await;
    let serve = desk.serve();
    let post = |body: &str| post_webhook(&serve, body, &signed_headers(body, SIGNING));
    let status = || show(&desk, &id)["external"]["status"].clone();

    // A trigger's body, timed by Zendesk at 09:10.
    let solved = r#"{"ticket_id":"35436","status":"solved","updated_at":"2027-01-15T09:10Z"}"#;
    let accepted = post(solved);
    assert_eq!(accepted.status, 200, "{}", accepted.body);
    assert_eq!(accepted.json()["updated"], json!([id]));
    assert_eq!(status(), "resolved");

    // The `open` of 09:05, from a trigger and from an event subscription,
    // arrives after it: accepted, nothing moves, no event.
    for late in [
        r#"{"ticket_id":"35436","status":"open","assignee_id":"7","updated_at":"2027-01-15T09:05Z"}"#,
        r#"{"type":"zen:event-type:ticket.status_changed","time":"2027-01-15T09:05:41.5Z","detail":{"id":"35436","status":"OPEN","assignee_id":"7"},"event":{"current":"OPEN","previous":"NEW"}}"#,
    ] {
        let answer = post(late);
        assert_eq!(answer.status, 200, "{}", answer.body);
        assert_eq!(answer.json()["updated"], json!([]), "{late}");
        assert_eq!(status(), "resolved", "{late}");
    }
    assert_eq!(
        common::integrations::external_moves(&desk, &id).await,
        [("created".to_string(), "resolved".to_string())]
    );

    // Opened again at 09:12: reopened.
    let reopened = r#"{"ticket_id":"35436","status":"open","assignee_id":"7","updated_at":"2027-01-15T09:12Z"}"#;
    assert_eq!(post(reopened).json()["updated"], json!([id]));
    assert_eq!(status(), "reopened");
    assert_eq!(
        common::integrations::external_moves(&desk, &id).await,
        [
            ("created".to_string(), "resolved".to_string()),
            ("resolved".to_string(), "reopened".to_string())
        ]
    );
}

/// Credentials no key at hand opens hold back only the integration: the
/// handoff is taken and its delivery waits, saying which key it needs; the
/// connection test fails saying so; the platform's webhooks get a 503 (it
/// sends them again) naming neither key nor file; and once the credentials
/// are entered again, the delivery goes out and webhooks are accepted.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn credentials_no_key_opens_hold_back_only_the_integration() {
    let server = zendesk_ok().await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .respond_with(created())
        .mount(&server)
        .await;
    let desk = connected(&server.uri());
    let other = deskctl::server::sealing::Key::generate();
    let other_text = other.encoded();
    let keyless: Secrets = &[
        ("ZD_TOKEN", TOKEN),
        ("ZD_SIGNING", SIGNING),
        ("DESKCTL_SECRET_KEY", other_text.as_str()),
    ];
    let id = integrations::send(&desk, keyless, "waiting")["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(posts(&server).await.is_empty());
    let (_, text) = integrations::run(
        &desk,
        keyless,
        &["integrations", "deliveries", "zendesk", "-o", "json"],
    );
    let deliveries = integrations::parse(&text);
    let delivery = &deliveries[0];
    assert_eq!(delivery["state"], "pending", "{delivery}");
    let error = delivery["last_error"].as_str().unwrap();
    assert!(
        error.contains("the secret integrations.zendesk.api-token is sealed with key")
            && error.contains("`deskctl integrations connect zendesk --secret api-token=env:VAR`"),
        "{error}"
    );
    let (passed, report) = integrations::run(&desk, keyless, &["integrations", "test", "zendesk"]);
    assert!(
        !passed && report.contains("which is not at hand"),
        "{report}"
    );
    let shown = integrations::run_ok(&desk, keyless, &["integrations", "show", "zendesk"]);
    assert!(shown.contains("but cannot be used"), "{shown}");

    let mut command = desk.std_cmd();
    command.env("DESKCTL_SECRET_KEY", other_text.as_str());
    let serve = desk.serve_by(command, "other-key", &[]);
    let body = r#"{"ticket_id":"35436","status":"solved"}"#;
    let post = || post_webhook(&serve, body, &signed_headers(body, SIGNING));
    let refused = post();
    assert_eq!(refused.status, 503, "{}", refused.body);
    assert!(
        refused.body.contains("cannot verify webhooks now")
            && !refused.body.contains("DESKCTL_SECRET_KEY")
            && !refused.body.contains("secret.key"),
        "{}",
        refused.body
    );

    // Entered again, under the key at hand: the waiting delivery goes out at
    // once when retried, and the platform's webhooks are accepted.
    let text = integrations::run_ok(
        &desk,
        keyless,
        &[
            "integrations",
            "connect",
            "zendesk",
            "--secret",
            "api-token=env:ZD_TOKEN",
            "--secret",
            "webhook-secret=env:ZD_SIGNING",
        ],
    );
    assert!(text.contains("The Zendesk connection works"), "{text}");
    let delivery_id = delivery["id"].to_string();
    integrations::run_ok(&desk, keyless, &["integrations", "retry", &delivery_id]);
    wait_until("the delivery", Duration::from_secs(20), || {
        (show(&desk, &id)["external"]["status"] == "created").then_some(())
    });
    assert_eq!(posts(&server).await.len(), 1);
    let accepted = post();
    assert_eq!(accepted.status, 200, "{}", accepted.body);
    assert_eq!(accepted.json()["updated"], json!([id]));
    let log = serve.log();
    assert!(
        log.contains("cannot verify a webhook") && !log.contains(SIGNING) && !log.contains(TOKEN),
        "{log}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn under_serve_every_delivery_arrives_once_after_the_platform_was_down() {
    // Reserve a port for the fake, then leave it closed: Zendesk is down.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let base = format!("http://127.0.0.1:{port}");
    let up = zendesk_ok().await;
    let desk = connected(&up.uri());
    let (ok, text) = run(
        &desk,
        &[
            "integrations",
            "connect",
            "zendesk",
            "--base-url",
            &base,
            "--no-test",
        ],
    );
    assert!(ok, "{text}");
    let serve = desk.serve();
    let token = desk.token("alice");
    let mut ids = Vec::new();
    for n in 0..3 {
        let handoff = json!({
            "agent": "shop", "environment": "production", "channel": "web",
            "requester": {"email": format!("c{n}@example.com")},
            "transcript": [{"role": "customer", "text": "A person, please."}]
        });
        let auth = format!("Bearer {token}");
        let response = serve.raw(
            "POST",
            "/v1/handoffs",
            &[
                ("Authorization", &auth),
                ("Content-Type", "application/json"),
            ],
            handoff.to_string().as_bytes(),
        );
        assert_eq!(response.status, 201, "{}", response.body);
        ids.push(response.json()["id"].as_str().unwrap().to_string());
    }
    // Let the worker fail against the closed port at least once.
    wait_until("a failed attempt", Duration::from_secs(20), || {
        let (_, text) = run(&desk, &["integrations", "deliveries", "-o", "json"]);
        text.contains("cannot be reached").then_some(())
    });
    let listener = std::net::TcpListener::bind(("127.0.0.1", port)).unwrap();
    let fake = MockServer::builder().listener(listener).start().await;
    answer_like_zendesk(&fake).await;
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .respond_with(created())
        .mount(&fake)
        .await;
    for id in &ids {
        wait_until("the delivery", Duration::from_secs(60), || {
            (show(&desk, id)["external"]["status"] == "created").then_some(())
        });
    }
    let mut external_ids: Vec<String> = posts(&fake)
        .await
        .iter()
        .map(|body| body["ticket"]["external_id"].as_str().unwrap().to_string())
        .collect();
    external_ids.sort();
    ids.sort();
    assert_eq!(external_ids, ids, "each handoff exactly once");
    drop(serve);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn waiting_for_an_outcome_never_cuts_a_slow_create_short() {
    let server = zendesk_ok().await;
    // Zendesk takes 4 s to make the ticket, then makes it.
    Mock::given(method("POST"))
        .and(path("/api/v2/tickets"))
        .respond_with(created().set_delay(Duration::from_secs(4)))
        .mount(&server)
        .await;
    let desk = connected(&server.uri());
    let serve = desk.serve();
    let token = desk.token("alice");
    let auth = format!("Bearer {token}");
    let handoff = json!({
        "agent": "shop", "environment": "production", "channel": "web",
        "requester": {"email": "dana@example.com"},
        "transcript": [{"role": "customer", "text": "A person, please."}]
    });
    let response = serve.raw(
        "POST",
        "/v1/handoffs?wait=1",
        &[
            ("Authorization", &auth),
            ("Content-Type", "application/json"),
        ],
        handoff.to_string().as_bytes(),
    );
    assert_eq!(response.status, 201, "{}", response.body);
    let answered = response.json();
    // The wait ended with the attempt still under way: no failure to report.
    let outcome = &answered["external"]["outcome"];
    assert_eq!(outcome["state"], "queued", "{answered}");
    assert!(outcome["error"].is_null(), "{answered}");
    let id = answered["id"].as_str().unwrap();
    wait_until("the delivery", Duration::from_secs(20), || {
        (show(&desk, id)["external"]["status"] == "created").then_some(())
    });
    // Give a second create, if one were coming, the time to arrive.
    tokio::time::sleep(Duration::from_secs(5)).await;
    assert_eq!(posts(&server).await.len(), 1, "one ticket for one handoff");
    let outcome = &show(&desk, id)["external"]["outcome"];
    assert_eq!(outcome["attempts"], 1, "{outcome}");
    drop(serve);
}
