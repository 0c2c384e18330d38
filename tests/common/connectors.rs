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
