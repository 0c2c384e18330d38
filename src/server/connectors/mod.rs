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
//! - it guards against duplicates when a response is lost: what it created is
//!   kept in [`Progress`] between attempts, and a create is preceded by a
//!   lookup of the platform's external-id field on any attempt after the first;
//! - rate limits and server errors are transient ([`Http::send`] reads
//!   `Retry-After`, `X-RateLimit-Reset` and `ratelimit-reset`); other 4xx
//!   answers are permanent, with the platform's own message;
//! - errors never carry a secret.

pub mod freshchat;
pub mod freshdesk;
pub mod http;
pub mod intercom;
pub mod salesforce;
pub mod sendbird_desk;
pub mod signing;
pub mod zendesk;
pub mod zoho_desk;

use std::collections::BTreeMap;
use std::future::Future;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

pub use self::http::{Answer, Http};
use super::delivery::Failure;
use crate::api::{
    Channel, Environment, ExternalStatus, FieldValue, IntegrationKind, Priority, Requester,
    TestCheck, TranscriptMessage,
};
pub use crate::domain::workspace::Connection;

/// A handoff bound for an external platform: everything a connector needs to
/// make the ticket, fixed when the handoff is accepted (the outbox payload).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Escalation {
    /// The handoff's id: the external id that makes repeated deliveries find
    /// the ticket they already made.
    pub handoff: String,
    pub subject: String,
    pub summary: String,
    pub transcript: Vec<TranscriptMessage>,
    pub requester: Requester,
    pub priority: Priority,
    /// Ticket fields set from the context, converted to their types.
    pub fields: Vec<FieldValue>,
    /// The context object as received (valid keys only).
    pub context: BTreeMap<String, serde_json::Value>,
    pub agent: String,
    pub channel: Channel,
    pub environment: Environment,
    /// The Desk team the rules chose, if any.
    #[serde(default)]
    pub team: Option<String>,
    #[serde(default)]
    pub reason: Option<String>,
    pub created_at: Timestamp,
}

impl Escalation {
    /// The transcript as plain text, one `Customer: …` / `AI: …` line per message.
    pub fn transcript_text(&self) -> String {
        self.transcript
            .iter()
            .map(|message| {
                let who = match message.role {
                    crate::api::MessageRole::Customer => "Customer",
                    crate::api::MessageRole::Ai => "AI",
                };
                format!("{who}: {}", message.text)
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The summary, then the transcript: the body of a ticket's first note.
    pub fn note_text(&self) -> String {
        let mut text = self.summary.clone();
        if !self.transcript.is_empty() {
            text.push_str("\n\nTranscript:\n");
            text.push_str(&self.transcript_text());
        }
        text
    }

    /// A stable id for the customer on a platform that keeps its own users
    /// (Sendbird user id, Freshchat reference id): their id on the AI agent
    /// platform, else their email, else one made for this handoff.
    pub fn customer_key(&self) -> String {
        [&self.requester.external_id, &self.requester.email]
            .into_iter()
            .flatten()
            .find(|text| !text.trim().is_empty())
            .cloned()
            .unwrap_or_else(|| format!("deskctl-{}", self.handoff))
    }

    /// What the customer last said, else the subject: the message a chat
    /// platform's conversation opens with, as the customer.
    pub fn last_customer_message(&self) -> String {
        self.transcript
            .iter()
            .rev()
            .find(|message| message.role == crate::api::MessageRole::Customer)
            .map(|message| message.text.clone())
            .unwrap_or_else(|| self.subject.clone())
    }

    /// The requester's name for people: the name, else the email, else the
    /// external id.
    pub fn requester_name(&self) -> String {
        [
            &self.requester.name,
            &self.requester.email,
            &self.requester.external_id,
        ]
        .into_iter()
        .flatten()
        .find(|text| !text.trim().is_empty())
        .cloned()
        .unwrap_or_else(|| "Customer".to_string())
    }
}

/// Plain text as HTML paragraphs, line breaks kept, for platforms whose
/// ticket descriptions and notes are HTML.
pub fn html_paragraphs(text: &str) -> String {
    text.split("\n\n")
        .map(|paragraph| {
            let escaped = paragraph
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('"', "&quot;");
            format!("<p>{}</p>", escaped.replace('\n', "<br>"))
        })
        .collect()
}

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

    /// The mapped ticket fields as one JSON object keyed by the platform's
    /// field name (Freshdesk's `custom_fields`, Zoho Desk's `cf`); none when
    /// no field maps.
    pub fn mapped_object(&self, fields: &[FieldValue]) -> Option<serde_json::Value> {
        let object: serde_json::Map<String, serde_json::Value> = self
            .mapped_fields(fields)
            .map(|(name, value)| (name.to_string(), value.clone()))
            .collect();
        (!object.is_empty()).then_some(serde_json::Value::Object(object))
    }

    /// The ticket fields that map to a platform custom field, as (platform
    /// field, value).
    pub fn mapped_fields<'a>(
        &'a self,
        fields: &'a [FieldValue],
    ) -> impl Iterator<Item = (&'a str, &'a serde_json::Value)> + 'a {
        fields.iter().filter_map(|field| {
            self.fields
                .get(&field.key)
                .map(|target| (target.as_str(), &field.value))
        })
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

/// The steps a delivery has completed, kept between attempts so that an
/// attempt after a failure resumes instead of creating things twice.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Progress {
    steps: serde_json::Map<String, serde_json::Value>,
    /// Which attempt this is, from 1.
    attempt: u32,
}

impl Progress {
    /// The progress stored after earlier attempts, for attempt `attempt`.
    pub fn resume(stored: Option<&str>, attempt: u32) -> Progress {
        Progress {
            steps: stored
                .and_then(|text| serde_json::from_str(text).ok())
                .unwrap_or_default(),
            attempt,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.steps).expect("progress serializes")
    }

    pub fn get(&self, step: &str) -> Option<&str> {
        self.steps.get(step).and_then(|v| v.as_str())
    }

    pub fn set(&mut self, step: &str, value: impl Into<String>) {
        self.steps
            .insert(step.to_string(), serde_json::Value::String(value.into()));
    }

    /// Whether an earlier attempt may have created something whose answer was
    /// lost: then a create must look for it first. Counted attempts start
    /// again when a dead delivery is retried, so an attempt that failed is
    /// also remembered in the progress itself.
    pub fn may_have_created(&self) -> bool {
        self.attempt > 1 || self.steps.contains_key(FAILED_BEFORE)
    }

    /// Records that this attempt failed, for [`Progress::may_have_created`].
    pub fn failed(&mut self) {
        self.set(FAILED_BEFORE, "true");
    }

    /// Whether an earlier attempt may have made `step` without its answer
    /// arriving: not when the platform's last answer to that create was a
    /// refusal (see [`Progress::answered`]).
    pub fn may_have_made(&self, step: &str) -> bool {
        self.may_have_created() && self.get(&refused_key(step)).is_none()
    }

    /// Records the platform's answer to the create of `step`: a 4xx refusal
    /// means nothing was made, so the next attempt need not look for it; a
    /// lost or 5xx answer leaves the look-up in place.
    pub fn answered(&mut self, step: &str, status: ::http::StatusCode) {
        if status.is_client_error() {
            self.set(&refused_key(step), status.as_str());
        } else {
            self.steps.remove(&refused_key(step));
        }
    }

    /// Forgets an earlier refusal before the create of `step` is sent again.
    pub fn sending(&mut self, step: &str) {
        self.steps.remove(&refused_key(step));
    }
}

/// The progress entry of a delivery that has had a failed attempt.
const FAILED_BEFORE: &str = "failed-before";

fn refused_key(step: &str) -> String {
    format!("{step}-refused")
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
}

/// Something the platform did to a ticket Desk delivered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalEvent {
    /// The platform's id of the ticket, as [`Delivered::id`] recorded it.
    pub id: String,
    pub status: ExternalStatus,
}

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

/// Tests `connection` with its platform's connector.
pub async fn test(http: &Http, connection: &Connection) -> Vec<TestCheck> {
    with_connector!(connection.kind, c => c.test(http, connection).await)
}

/// One attempt at delivering `escalation` with its platform's connector.
pub async fn deliver(
    http: &Http,
    connection: &Connection,
    escalation: &Escalation,
    progress: &mut Progress,
) -> Result<Delivered, Failure> {
    with_connector!(connection.kind, c => c.deliver(http, connection, escalation, progress).await)
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
    use super::*;

    #[test]
    fn only_a_refused_create_spares_the_next_attempt_its_look_up() {
        let mut first = Progress::resume(None, 1);
        assert!(!first.may_have_made("ticket"));
        first.sending("ticket");
        first.answered("ticket", ::http::StatusCode::TOO_MANY_REQUESTS);
        let mut second = Progress::resume(Some(&first.to_json()), 2);
        assert!(!second.may_have_made("ticket"));
        // Sent again, and the answer is lost.
        second.sending("ticket");
        let mut third = Progress::resume(Some(&second.to_json()), 3);
        assert!(third.may_have_made("ticket"));
        third.answered("ticket", ::http::StatusCode::BAD_GATEWAY);
        assert!(Progress::resume(Some(&third.to_json()), 4).may_have_made("ticket"));
    }

    #[test]
    fn text_becomes_escaped_html_paragraphs() {
        assert_eq!(
            html_paragraphs("Refund <late> & \"lost\"\nline two\n\nTranscript:"),
            "<p>Refund &lt;late&gt; &amp; &quot;lost&quot;<br>line two</p><p>Transcript:</p>"
        );
    }

    #[test]
    fn a_failed_attempt_is_remembered_past_a_retry_of_a_dead_delivery() {
        assert!(!Progress::resume(None, 1).may_have_created());
        assert!(Progress::resume(None, 2).may_have_created());
        let mut first = Progress::resume(None, 1);
        first.failed();
        // `deskctl integrations retry` starts the count again from one.
        let retried = Progress::resume(Some(&first.to_json()), 1);
        assert!(retried.may_have_created());
    }
}
