//! Building blocks for connector contract tests: a connection to a fake
//! platform and an escalation to deliver.

use std::collections::BTreeMap;

use deskctl::api::{
    Channel, Environment, FieldType, FieldValue, IntegrationKind, MessageRole, Priority, Requester,
    TranscriptMessage,
};
use deskctl::server::connectors::{Connection, Escalation};

/// A connection of `kind` to the fake at `base_url`.
pub fn connection(
    kind: IntegrationKind,
    settings: &[(&str, &str)],
    secrets: &[(&str, &str)],
    base_url: &str,
) -> Connection {
    let map = |pairs: &[(&str, &str)]| -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    };
    Connection {
        kind,
        settings: map(settings),
        secrets: map(secrets),
        base_url: Some(base_url.to_string()),
        fields: BTreeMap::new(),
        priorities: BTreeMap::new(),
    }
}

/// Handoff `hof_1`: Dana asks about a refund for order 123.
pub fn escalation(priority: Priority) -> Escalation {
    Escalation {
        handoff: "hof_1".into(),
        subject: "Refund for order 123".into(),
        summary: "Dana Scully asked for a person on web after 2 messages.".into(),
        transcript: vec![
            TranscriptMessage {
                role: MessageRole::Customer,
                text: "Where is my refund?".into(),
                at: None,
            },
            TranscriptMessage {
                role: MessageRole::Ai,
                text: "Let me get someone who can check.".into(),
                at: None,
            },
        ],
        requester: Requester {
            name: Some("Dana Scully".into()),
            email: Some("dana@example.com".into()),
            external_id: Some("u-42".into()),
        },
        priority,
        fields: vec![FieldValue {
            key: "order-id".into(),
            name: "Order ID".into(),
            field_type: FieldType::Text,
            value: serde_json::json!("123"),
        }],
        context: [("order-id".to_string(), serde_json::json!("123"))].into(),
        agent: "shop-assistant".into(),
        channel: Channel::Web,
        environment: Environment::Production,
        team: Some("support".into()),
        reason: Some("explicit-request".into()),
        created_at: jiff::Timestamp::from_second(1_800_000_000).unwrap(),
    }
}

/// Whether `text` holds none of `secrets`.
pub fn secret_free(text: &str, secrets: &[&str]) -> bool {
    secrets.iter().all(|secret| !text.contains(secret))
}

/// Runs deskctl in `desk` with `env` set (the secrets' variables); returns
/// (success, stdout + stderr), failing the test if any value of `env` shows.
pub fn run_with(desk: &super::Desk, env: &[(&str, &str)], args: &[&str]) -> (bool, String) {
    let mut cmd = desk.cmd();
    for (name, value) in env {
        cmd.env(name, value);
    }
    let output = cmd.args(args).output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    for (_, value) in env {
        assert!(
            !text.contains(value),
            "deskctl {args:?} showed a secret:\n{text}"
        );
    }
    (output.status.success(), text)
}

/// A seeded desk with agent `shop`, whose web action defaults to high priority.
pub fn desk_with_agent() -> super::Desk {
    let desk = super::Desk::new();
    desk.seed();
    desk.run(&["agents", "add", "shop", "--name", "Shop assistant"]);
    desk.run(&[
        "actions",
        "set",
        "shop",
        "--channel",
        "web",
        "--default-priority",
        "high",
    ]);
    desk
}

/// `handoff send` of Dana Reyes asking `shop` for a person in production;
/// returns the handoff as JSON.
pub fn send_handoff(desk: &super::Desk, env: &[(&str, &str)], name: &str) -> serde_json::Value {
    let handoff = serde_json::json!({
        "agent": "shop",
        "environment": "production",
        "channel": "web",
        "requester": {"name": "Dana Reyes", "email": "dana@example.com"},
        "transcript": [{"role": "customer", "text": "Please get me a person."}],
        "context": {"order-id": "4417"},
        "reason": "explicit-request"
    });
    let file = desk.dir.path().join(format!("{name}.json"));
    std::fs::write(&file, handoff.to_string()).unwrap();
    let (ok, text) = run_with(
        desk,
        env,
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
    serde_json::from_str(&text[..text.rfind('}').unwrap() + 1]).unwrap()
}

/// `handoff show ID` as JSON.
pub fn show_handoff(desk: &super::Desk, id: &str) -> serde_json::Value {
    serde_json::from_str(&desk.run(&["handoff", "show", id, "-o", "json"])).unwrap()
}

/// The JSON bodies `server` received as `verb route`, in order.
pub async fn bodies(
    server: &wiremock::MockServer,
    verb: &str,
    route: &str,
) -> Vec<serde_json::Value> {
    server
        .received_requests()
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.method.as_str() == verb && r.url.path() == route)
        .map(|r| serde_json::from_slice(&r.body).unwrap())
        .collect()
}

/// A first attempt at delivering [`escalation`] at `priority` over `connection`.
pub async fn deliver_first(
    connection: &Connection,
    priority: Priority,
) -> Result<deskctl::server::connectors::Delivered, deskctl::server::delivery::Failure> {
    let mut progress = deskctl::server::connectors::Progress::resume(None, 1);
    deskctl::server::connectors::deliver(
        &deskctl::server::connectors::Http::default(),
        connection,
        &escalation(priority),
        &mut progress,
    )
    .await
}
