//! Connectors: one module per external platform, behind one trait.
//!
//! A connector turns an [`Escalation`] (a handoff bound for its platform, as
//! queued in the outbox) into a ticket there, tests a connection, and reads
//! the platform's webhooks. It never touches the store: the delivery worker
//! hands it the [`Connection`] and records what it answers, and the webhook
//! route records the events it reads.
//!
//! Every connector follows the same rules:
//! - it sends what its platform documents (../shared/reference), no more;
//! - it carries the whole handoff: the customer with every identifier, the
//!   mapped values in the platform's fields, and everything else in the
//!   agents' note ([`Escalation::agent_note`]), which goes only where agents
//!   see it; where the customer sees, only the customer's own words;
//! - every create goes through the one duplicate guard, [`create_once`];
//! - rate limits and server errors are transient ([`Http::send`] reads
//!   `Retry-After`, `X-RateLimit-Reset` and `ratelimit-reset`); other 4xx
//!   answers are permanent, with the platform's own message; a success
//!   whose body cannot be read is transient ([`http::unreadable`]), so the
//!   next attempt's guard finds what it probably made;
//! - errors never carry a secret.

pub mod escalation;
pub mod freshchat;
pub mod freshdesk;
pub mod guard;
pub mod http;
pub mod intercom;
pub mod salesforce;
pub mod sendbird_desk;
pub mod signing;
pub mod zendesk;
pub mod zoho_desk;

use std::future::Future;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

pub use self::escalation::{Escalation, html_paragraphs, split_bytes};
pub use self::guard::{Lookup, Progress, Step, create_once};
pub use self::http::{Answer, Http};
use crate::api::{IntegrationKind, Priority, TestCheck};
pub use crate::domain::workspace::{Connection, DESK_VALUES};
use crate::net::Failure;

impl Connection {
    /// A non-secret setting, if set.
    pub fn setting(&self, key: &str) -> Option<&str> {
        self.settings
            .get(key)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    /// A secret, if stored.
    pub fn secret(&self, key: &str) -> Option<&str> {
        self.secrets
            .get(key)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    /// A setting the kind requires; its absence is permanent until someone
    /// connects the integration again.
    pub fn required(&self, key: &str) -> Result<&str, Failure> {
        self.setting(key)
            .or_else(|| self.secret(key))
            .ok_or_else(|| {
                Failure::permanent(format!(
                    "the {} integration has no {key}: set it with `deskctl integrations \
                     connect {}`",
                    self.kind.title(),
                    self.kind
                ))
            })
    }

    /// The setting or secret `key` that verifies the platform's webhooks; a
    /// connection without it refuses every webhook, saying how to set it.
    pub fn webhook_key(&self, key: &str) -> Result<&str, WebhookError> {
        self.setting(key)
            .or_else(|| self.secret(key))
            .ok_or_else(|| {
                let kind = self.kind;
                let source = if kind.setting(key).is_some_and(|spec| spec.secret) {
                    format!("--secret {key}=env:VAR")
                } else {
                    format!("--set {key}=…")
                };
                WebhookError::Unauthenticated(format!(
                    "webhooks cannot be verified: {key} is not set (`deskctl integrations connect \
                 {kind} {source}`)"
                ))
            })
    }

    /// The base URL override, without a trailing slash, or `default`.
    pub fn base_url_or(&self, default: impl FnOnce() -> String) -> String {
        self.base_url
            .clone()
            .unwrap_or_else(default)
            .trim_end_matches('/')
            .to_string()
    }

    /// The platform's value for `priority`: the connection's own mapping when
    /// it has one, else the connector's.
    pub fn priority(&self, priority: Priority, usual: impl FnOnce(Priority) -> String) -> String {
        self.priorities
            .get(&priority)
            .cloned()
            .unwrap_or_else(|| usual(priority))
    }
}

/// What a connector made on its platform.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delivered {
    /// The platform's id of the ticket (conversation, case).
    pub id: String,
    /// A link for people, when the platform gives one.
    #[serde(default)]
    pub url: Option<String>,
}

/// A webhook as it arrived: verified against the raw bytes.
#[derive(Debug, Clone, Copy)]
pub struct InboundWebhook<'a> {
    pub headers: &'a ::http::HeaderMap,
    /// The raw query string, if any (some platforms can only add a token there).
    pub query: Option<&'a str>,
    pub body: &'a [u8],
}

impl InboundWebhook<'_> {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// A query parameter's value, percent-decoded.
    pub fn query_param(&self, name: &str) -> Option<String> {
        let query = self.query?;
        serde_urlencoded::from_str::<Vec<(String, String)>>(query)
            .ok()?
            .into_iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value)
    }
}

/// Why a webhook was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WebhookError {
    /// Not signed, signed wrongly, or too old: HTTP 401.
    Unauthenticated(String),
    /// Authentic, but not a body this connector can read: HTTP 400.
    Malformed(String),
}

/// A verified webhook: what identifies it, so the same request twice is
/// refused as a replay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    /// The signature (or the signed material) of the request.
    pub replay_key: String,
    /// Receipts of this platform's webhooks received before this instant can
    /// go: their requests are refused by the platform's own time window
    /// anyway. None for a platform without one, whose receipts are kept.
    pub forget_before: Option<Timestamp>,
}

impl Verified {
    /// A webhook of a platform without a time window: its receipt is kept.
    pub fn kept(replay_key: impl Into<String>) -> Self {
        Self {
            replay_key: replay_key.into(),
            forget_before: None,
        }
    }
}

pub use crate::domain::external::ExternalEvent;

/// One external platform.
pub trait Connector: Sync {
    /// The platform's cheap authenticated call and its prerequisites, each
    /// reported as a check that says exactly what is wrong.
    fn test(
        &self,
        http: &Http,
        connection: &Connection,
    ) -> impl Future<Output = Vec<TestCheck>> + Send;

    /// One attempt at making the ticket for `escalation`, resuming from
    /// `progress` (which it updates as steps complete, success or not).
    fn deliver(
        &self,
        http: &Http,
        connection: &Connection,
        escalation: &Escalation,
        progress: &mut Progress,
    ) -> impl Future<Output = Result<Delivered, Failure>> + Send;

    /// Checks that a webhook comes from the platform, the way it signs.
    fn verify(
        &self,
        connection: &Connection,
        webhook: &InboundWebhook<'_>,
        now: Timestamp,
    ) -> Result<Verified, WebhookError>;

    /// The events in a verified webhook; events about tickets Desk did not
    /// make are for the caller to ignore.
    fn events(&self, webhook: &InboundWebhook<'_>) -> Result<Vec<ExternalEvent>, WebhookError>;
}

/// Runs `$body` with `$connector` bound to the connector of `$kind`.
macro_rules! with_connector {
    ($kind:expr, $connector:ident => $body:expr) => {
        match $kind {
            IntegrationKind::Zendesk => {
                let $connector = zendesk::Zendesk;
                $body
            }
            IntegrationKind::Freshdesk => {
                let $connector = freshdesk::Freshdesk;
                $body
            }
            IntegrationKind::ZohoDesk => {
                let $connector = zoho_desk::ZohoDesk;
                $body
            }
            IntegrationKind::Salesforce => {
                let $connector = salesforce::Salesforce;
                $body
            }
            IntegrationKind::Intercom => {
                let $connector = intercom::Intercom;
                $body
            }
            IntegrationKind::SendbirdDesk => {
                let $connector = sendbird_desk::SendbirdDesk;
                $body
            }
            IntegrationKind::Freshchat => {
                let $connector = freshchat::Freshchat;
                $body
            }
        }
    };
}

/// What `connection` makes on its platform, for people: a Salesforce case,
/// a Freshchat conversation, an Intercom conversation (a ticket once it has
/// a ticket type), else a ticket.
pub fn made_noun(connection: &Connection) -> &'static str {
    match connection.kind {
        IntegrationKind::Intercom => intercom::made_noun(connection),
        IntegrationKind::Salesforce => "case",
        IntegrationKind::Freshchat => "conversation",
        IntegrationKind::Zendesk
        | IntegrationKind::Freshdesk
        | IntegrationKind::ZohoDesk
        | IntegrationKind::SendbirdDesk => "ticket",
    }
}

/// Tests `connection` with its platform's connector.
pub async fn test(http: &Http, connection: &Connection) -> Vec<TestCheck> {
    let mut checks = with_connector!(connection.kind, c => c.test(http, connection).await);
    for check in &mut checks {
        check.message = redacted(connection, &check.message);
    }
    checks
}

/// One attempt at delivering `escalation` with its platform's connector.
pub async fn deliver(
    http: &Http,
    connection: &Connection,
    escalation: &Escalation,
    progress: &mut Progress,
) -> Result<Delivered, Failure> {
    with_connector!(connection.kind, c => c.deliver(http, connection, escalation, progress).await)
        .map_err(|mut failure| {
            failure.error = redacted(connection, &failure.error);
            failure
        })
}

/// What is shown of a secret a platform's answer repeated.
const REDACTED: &str = "***";

/// `text` (an error or a check, which quote the platform's answer) without
/// the connection's secrets: a proxy's or a platform's error page may repeat
/// the request's credentials, as sent or in the base64 of a basic-auth
/// header, and a bearer token deskctl obtained with them.
pub fn redacted(connection: &Connection, text: &str) -> String {
    let secrets: Vec<&str> = connection
        .secrets
        .values()
        .map(|secret| secret.trim())
        .filter(|secret| secret.len() >= 4)
        .collect();
    let mut out = text.to_string();
    for secret in &secrets {
        out = out.replace(secret, REDACTED);
    }
    let mut kept = String::with_capacity(out.len());
    let mut after_scheme = false;
    for (index, word) in out.split(' ').enumerate() {
        if index > 0 {
            kept.push(' ');
        }
        let bare =
            word.trim_matches(|c: char| !(c.is_ascii_alphanumeric() || "+/=-_.".contains(c)));
        // A token is long and has digits: "Bearer token required" keeps its words.
        let token = bare.len() >= 8 && bare.chars().any(|c| c.is_ascii_digit());
        let hidden =
            (after_scheme && token) || (bare.len() >= 8 && decodes_to_secret(bare, &secrets));
        if hidden {
            kept.push_str(&word.replacen(bare, REDACTED, 1));
        } else {
            kept.push_str(word);
        }
        after_scheme = ["bearer", "zoho-oauthtoken"]
            .iter()
            .any(|scheme| word.eq_ignore_ascii_case(scheme));
    }
    kept
}

/// Whether `word` is base64 (either alphabet, padded or not) of text that
/// holds one of `secrets`.
fn decodes_to_secret(word: &str, secrets: &[&str]) -> bool {
    use base64::Engine;
    use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
    [STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD]
        .iter()
        .filter_map(|engine| engine.decode(word).ok())
        .any(|bytes| {
            let text = String::from_utf8_lossy(&bytes);
            secrets.iter().any(|secret| text.contains(secret))
        })
}

/// Verifies a webhook and reads its events with its platform's connector.
pub fn receive(
    connection: &Connection,
    webhook: &InboundWebhook<'_>,
    now: Timestamp,
) -> Result<(Verified, Vec<ExternalEvent>), WebhookError> {
    with_connector!(connection.kind, c => {
        let verified = c.verify(connection, webhook, now)?;
        Ok((verified, c.events(webhook)?))
    })
}

/// An id as platforms send it, a string or a number, as text; none when it
/// is missing or empty.
pub fn text_or_number(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(text) if !text.is_empty() => Some(text.clone()),
        serde_json::Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

/// How a platform's webhook writes the time of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventClock {
    /// ISO 8601 text with an offset (`2027-01-15T09:00:00Z`, `…+0000`,
    /// `2027-01-15 09:00Z`) or RFC 2822 text.
    Text,
    /// Seconds since the Unix epoch, a number or digits.
    UnixSeconds,
    /// Milliseconds since the Unix epoch, a number or digits.
    UnixMillis,
}

/// A JSON number as the text a platform means by it: a whole number written
/// as a float (`77.0`, `4.0`: JSON has one number type, and some senders
/// write every number so) is the integer; anything else as written.
pub fn number_text(number: &serde_json::Number) -> String {
    match number.as_f64() {
        // Whole, and within what an f64 holds exactly.
        Some(whole) if number.is_f64() && whole.fract() == 0.0 && whole.abs() < 9.0e15 => {
            format!("{}", whole as i64)
        }
        _ => number.to_string(),
    }
}

/// The platform's time of an event from `value` (its field `field`, named in
/// the log), kept to the microsecond as the stores keep times: a finer
/// difference the stores cannot keep must not order two events. None when
/// the field is missing or empty, and when it cannot be read: the event is
/// then applied as it arrives, as one from a platform that sends no time,
/// rather than refused (the platform would send it again and again).
pub fn event_time(value: &serde_json::Value, clock: EventClock, field: &str) -> Option<Timestamp> {
    let text = match value {
        serde_json::Value::Null => return None,
        serde_json::Value::String(text) if text.trim().is_empty() => return None,
        serde_json::Value::String(text) => text.trim().to_string(),
        serde_json::Value::Number(number) => number_text(number),
        _ => String::new(),
    };
    let read = match clock {
        EventClock::Text => text.parse::<Timestamp>().ok().or_else(|| {
            jiff::fmt::rfc2822::parse(&text)
                .ok()
                .map(|zoned| zoned.timestamp())
        }),
        EventClock::UnixSeconds => text
            .parse::<i64>()
            .ok()
            .and_then(|seconds| Timestamp::from_second(seconds).ok()),
        EventClock::UnixMillis => text
            .parse::<i64>()
            .ok()
            .and_then(|millis| Timestamp::from_millisecond(millis).ok()),
    };
    match read {
        Some(at) => Timestamp::from_microsecond(at.as_microsecond()).ok(),
        None => {
            tracing::warn!(
                field,
                "a webhook's event time cannot be read; the event is applied without it"
            );
            None
        }
    }
}

/// A check that passed.
pub fn passed(check: &str, message: impl Into<String>) -> TestCheck {
    TestCheck {
        check: check.to_string(),
        outcome: crate::api::CheckOutcome::Ok,
        message: message.into(),
    }
}

/// A check that failed.
pub fn failed(check: &str, message: impl Into<String>) -> TestCheck {
    TestCheck {
        check: check.to_string(),
        outcome: crate::api::CheckOutcome::Failed,
        message: message.into(),
    }
}

/// A check that passed with something to attend to.
pub fn warning(check: &str, message: impl Into<String>) -> TestCheck {
    TestCheck {
        check: check.to_string(),
        outcome: crate::api::CheckOutcome::Warning,
        message: message.into(),
    }
}

#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    /// An answer with `status` and `body`.
    pub fn answer(status: u16, body: &'static str) -> Answer {
        Answer {
            status: ::http::StatusCode::from_u16(status).unwrap(),
            headers: Default::default(),
            body: bytes::Bytes::from_static(body.as_bytes()),
        }
    }

    /// The events `connector` reads in an unsigned webhook with `body`.
    pub fn events(
        connector: &impl Connector,
        body: &str,
    ) -> Result<Vec<ExternalEvent>, WebhookError> {
        let headers = ::http::HeaderMap::new();
        connector.events(&InboundWebhook {
            headers: &headers,
            query: None,
            body: body.as_bytes(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{EventClock, event_time};
    use crate::api::{IntegrationKind, Priority};
    use jiff::Timestamp;
    use serde_json::json;

    #[test]
    fn secrets_a_platform_repeats_are_redacted_as_sent_and_encoded() {
        use base64::Engine;
        let connection = super::Connection {
            kind: IntegrationKind::Zendesk,
            settings: [("email".to_string(), "a@acme.example".to_string())].into(),
            secrets: [
                ("api-token".to_string(), "zdsecrettoken123".to_string()),
                ("webhook-secret".to_string(), "x".to_string()),
            ]
            .into(),
            base_url: None,
            fields: Default::default(),
            priorities: Default::default(),
        };
        let basic = base64::engine::general_purpose::STANDARD
            .encode("a@acme.example/token:zdsecrettoken123");
        let said = format!(
            "Zendesk answered 500: upstream error for Basic {basic}, token zdsecrettoken123; \
             Authorization: Bearer eyJhbGciOi.s3ss1on; request 3f2a9c1b7e"
        );
        assert_eq!(
            super::redacted(&connection, &said),
            "Zendesk answered 500: upstream error for Basic ***, token ***; Authorization: \
             Bearer ***; request 3f2a9c1b7e"
        );
        // Nothing else is touched, and a secret too short to tell apart is not hunted.
        let plain = "Zendesk answered 422: RecordInvalid: x is too long (Base64Text2); \
                     Bearer authentication required";
        assert_eq!(super::redacted(&connection, plain), plain);
    }

    #[test]
    fn each_connectors_own_priorities_are_values_its_platform_takes() {
        type Mapping = fn(Priority) -> String;
        let usual: [(IntegrationKind, Mapping); 3] = [
            (IntegrationKind::Zendesk, super::zendesk::priority),
            (IntegrationKind::Freshdesk, super::freshdesk::priority),
            (
                IntegrationKind::SendbirdDesk,
                super::sendbird_desk::priority,
            ),
        ];
        for (kind, usual) in usual {
            let values = kind.priority_values().unwrap();
            let mapped: Vec<String> = [
                Priority::Low,
                Priority::Medium,
                Priority::High,
                Priority::Urgent,
            ]
            .into_iter()
            .map(usual)
            .collect();
            assert_eq!(mapped, values, "{kind}");
        }
    }

    fn at(text: &str) -> Option<Timestamp> {
        Some(text.parse().unwrap())
    }

    #[test]
    fn event_times_are_read_as_each_platform_writes_them() {
        let text = |value| event_time(&value, EventClock::Text, "at");
        assert_eq!(
            text(json!("2027-01-15T09:00:00Z")),
            at("2027-01-15T09:00:00Z")
        );
        // Salesforce's `+0000`, an offset, a space, minutes only, padding.
        assert_eq!(
            text(json!("2027-01-15T09:00:00.000+0000")),
            at("2027-01-15T09:00:00Z")
        );
        assert_eq!(
            text(json!("2027-01-15T10:00:00+01:00")),
            at("2027-01-15T09:00:00Z")
        );
        assert_eq!(
            text(json!("2027-01-15 09:00:00Z")),
            at("2027-01-15T09:00:00Z")
        );
        assert_eq!(
            text(json!(" 2027-01-15T09:00Z ")),
            at("2027-01-15T09:00:00Z")
        );
        assert_eq!(
            text(json!("Fri, 15 Jan 2027 09:00:00 +0000")),
            at("2027-01-15T09:00:00Z")
        );
        // Kept to the microsecond, as the stores keep it.
        assert_eq!(
            text(json!("2027-01-15T09:00:00.123456789Z")),
            at("2027-01-15T09:00:00.123456Z")
        );
        let seconds = |value| event_time(&value, EventClock::UnixSeconds, "at");
        assert_eq!(seconds(json!(1_800_000_000)), at("2027-01-15T08:00:00Z"));
        assert_eq!(seconds(json!("1800000000")), at("2027-01-15T08:00:00Z"));
        assert_eq!(seconds(json!(1_800_000_000.0)), at("2027-01-15T08:00:00Z"));
        let millis = |value| event_time(&value, EventClock::UnixMillis, "at");
        assert_eq!(
            millis(json!("1800000000250")),
            at("2027-01-15T08:00:00.25Z")
        );
        assert_eq!(
            millis(json!(1_800_000_000_250u64)),
            at("2027-01-15T08:00:00.25Z")
        );
    }

    #[test]
    fn a_missing_or_unreadable_time_is_none() {
        for value in [
            json!(null),
            json!(""),
            json!("  "),
            json!("2027-01-15T09:00:00"),
            json!("yesterday"),
            json!(true),
            json!({"at": 1}),
        ] {
            assert_eq!(event_time(&value, EventClock::Text, "at"), None, "{value}");
        }
        for value in [
            json!("1.5e9"),
            json!("soon"),
            json!(i64::MAX),
            json!(-1e30),
            json!(1_800_000_000.5),
        ] {
            assert_eq!(
                event_time(&value, EventClock::UnixSeconds, "at"),
                None,
                "{value}"
            );
        }
    }
}
