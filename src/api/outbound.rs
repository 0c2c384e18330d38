//! Outbound delivery: the email (SMTP) and delivery-webhook settings with their
//! write-only secrets, the outbox of messages waiting to go out, and the events
//! the delivery webhook carries to the AI agent platform.

use std::fmt;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{Channel, Requester, double_option};

wire_enum! {
    /// How the connection to the SMTP server is protected.
    SmtpTls {
        /// Plain text: only for a trusted relay on the same host or network.
        None = "none",
        /// Plain text upgraded with STARTTLS, which is required (port 587).
        Starttls = "starttls",
        /// TLS from the first byte (SMTPS, port 465).
        Tls = "tls",
    }
}

impl SmtpTls {
    /// The port used when the settings name none.
    pub fn default_port(self) -> u16 {
        match self {
            SmtpTls::None => 25,
            SmtpTls::Starttls => 587,
            SmtpTls::Tls => 465,
        }
    }
}

fn default_tls() -> SmtpTls {
    SmtpTls::Starttls
}

/// `/v1/settings/email`: the SMTP server that sends replies to customers and the
/// owners' notices. Read and replaced whole, except the password: it is
/// write-only, never returned; a PUT without `password` keeps the stored one,
/// `"password": null` removes it.
#[derive(Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct EmailSettings {
    /// The SMTP server's host name; none means email is not set up.
    #[serde(default)]
    pub host: Option<String>,
    /// The SMTP port; none means the TLS mode's usual one (25, 587 or 465).
    #[serde(default, deserialize_with = "crate::api::port::deserialize")]
    pub port: Option<u16>,
    /// The user name to log in with; none sends without logging in.
    #[serde(default)]
    pub username: Option<String>,
    #[serde(default = "default_tls")]
    pub tls: SmtpTls,
    /// The sender of the desk's own mail (owners' notices, replies from the local
    /// desk's owner), e.g. `Acme Support <support@acme.example>`. Operators' replies
    /// come from the operator's own name and address.
    #[serde(default)]
    pub from: Option<String>,
    /// Write-only: the password to log in with.
    #[serde(
        default,
        with = "double_option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schema(value_type = Option<String>, write_only)]
    pub password: Option<Option<String>>,
    /// Whether a password is stored (read-only).
    #[serde(default)]
    #[schema(read_only)]
    pub password_set: bool,
    /// `hmac:` and 12 hex digits, a keyed fingerprint of the stored password, to
    /// tell whether it changed; `sealed-sha256:` and 12 hex digits, a hash of
    /// its sealed value, while no key the service holds opens it (read-only).
    #[serde(default)]
    #[schema(read_only)]
    pub password_fingerprint: Option<String>,
    /// Why the stored password cannot be used now: no key the service holds
    /// opens it. Email waits in the outbox until the key is back or the
    /// password is entered again (read-only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(read_only)]
    pub password_unusable: Option<String>,
}

impl Default for EmailSettings {
    fn default() -> Self {
        serde_json::from_str("{}").expect("every field has a default")
    }
}

impl fmt::Debug for EmailSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EmailSettings")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("username", &self.username)
            .field("tls", &self.tls)
            .field("from", &self.from)
            .field("password", &redacted(&self.password))
            .field("password_set", &self.password_set)
            .field("password_fingerprint", &self.password_fingerprint)
            .field("password_unusable", &self.password_unusable)
            .finish()
    }
}

/// `/v1/settings/delivery`: where replies on live channels and takeovers go — a
/// webhook of the AI agent platform, signed with a shared secret (see
/// docs/delivery.md). The secret is write-only like the email password.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DeliverySettings {
    /// The platform's delivery webhook (`https://…`); none means not set up.
    #[serde(default)]
    pub url: Option<String>,
    /// Write-only: the secret the webhook's signature is made with (16 or more characters).
    #[serde(
        default,
        with = "double_option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schema(value_type = Option<String>, write_only)]
    pub secret: Option<Option<String>>,
    /// Whether a secret is stored (read-only).
    #[serde(default)]
    #[schema(read_only)]
    pub secret_set: bool,
    /// `hmac:` and 12 hex digits, a keyed fingerprint of the stored secret;
    /// `sealed-sha256:` and 12 hex digits, a hash of its sealed value, while
    /// no key the service holds opens it (read-only).
    #[serde(default)]
    #[schema(read_only)]
    pub secret_fingerprint: Option<String>,
    /// Why the stored secret cannot be used now: no key the service holds
    /// opens it. Deliveries wait in the outbox until the key is back or the
    /// secret is entered again (read-only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(read_only)]
    pub secret_unusable: Option<String>,
}

impl fmt::Debug for DeliverySettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DeliverySettings")
            .field("url", &self.url)
            .field("secret", &redacted(&self.secret))
            .field("secret_set", &self.secret_set)
            .field("secret_fingerprint", &self.secret_fingerprint)
            .field("secret_unusable", &self.secret_unusable)
            .finish()
    }
}

fn redacted(secret: &Option<Option<String>>) -> &'static str {
    match secret {
        None => "(unchanged)",
        Some(None) => "(remove)",
        Some(Some(_)) => "(redacted)",
    }
}

wire_enum! {
    /// How an outbound message travels.
    OutboxKind {
        /// An email through the SMTP server.
        Email = "email",
        /// A signed webhook to the AI agent platform.
        Webhook = "webhook",
        /// A handoff's ticket for an external platform, made by its connector.
        Integration = "integration",
    }
}

wire_enum! {
    /// Where an outbound message stands.
    OutboxState {
        /// Waiting for its next attempt.
        Pending = "pending",
        Delivered = "delivered",
        /// Given up on: a permanent error, or every attempt failed. `retry` queues it again.
        Dead = "dead",
    }
}

/// How `/v1/outbox/{id}` names a message: its id in the outbox, or the id it
/// went out with — a delivery webhook's `X-Desk-Delivery` (`msg_…`, or
/// `evt_…` for a handoff's delivery event), an email's Message-ID local part
/// (`msg_…`) — which is what an integrator's receiver logged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutboxRef {
    Id(u64),
    Delivery(String),
}

/// The prefixes of the ids messages go out with.
const DELIVERY_ID_PREFIXES: [&str; 2] = ["msg_", "evt_"];

impl std::str::FromStr for OutboxRef {
    type Err = String;

    /// The error says what the text is not, without repeating it.
    fn from_str(text: &str) -> Result<Self, String> {
        if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
            return text
                .parse()
                .map(OutboxRef::Id)
                .map_err(|_| "is larger than any message's id".to_string());
        }
        let delivery = DELIVERY_ID_PREFIXES.iter().any(|prefix| {
            text.strip_prefix(prefix).is_some_and(|rest| {
                !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_alphanumeric())
            })
        });
        match delivery {
            true => Ok(OutboxRef::Delivery(text.to_string())),
            false => Err(
                "is neither a message's id (a whole number) nor the id it went out \
                          with (`msg_…`, `evt_…`)"
                    .to_string(),
            ),
        }
    }
}

impl fmt::Display for OutboxRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OutboxRef::Id(id) => write!(f, "{id}"),
            OutboxRef::Delivery(id) => f.write_str(id),
        }
    }
}

/// One outbound message: written with what caused it, delivered and retried by
/// the service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct OutboxMessage {
    pub id: u64,
    pub kind: OutboxKind,
    /// The ticket it is about.
    #[serde(default)]
    pub ticket: Option<u64>,
    /// What it is, e.g. `email to dana@example.com: Re: Parcel [#10001]`.
    pub description: String,
    pub state: OutboxState,
    /// Attempts made so far, every one: a retry by hand does not start the
    /// count again.
    pub attempts: u32,
    /// When the next attempt is due (pending messages).
    #[serde(default)]
    #[schema(value_type = Option<String>, format = DateTime)]
    #[serde(serialize_with = "crate::api::instant::serialize_option")]
    pub next_attempt_at: Option<Timestamp>,
    /// For a pending message held back by another message of its ticket to
    /// the same destination (one ticket's messages to one place go out in
    /// the order they were queued): that message's id. It is the earliest
    /// message queued before this one that is still pending or, when none
    /// is, a later one being sent now (this one was dead then, and has been
    /// queued again by hand). Absent when nothing holds it back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waiting_for: Option<u64>,
    /// Why the last attempt failed; none once an attempt delivered it.
    #[serde(default)]
    pub last_error: Option<String>,
    #[schema(value_type = String, format = DateTime)]
    #[serde(serialize_with = "crate::api::instant::serialize")]
    pub created_at: Timestamp,
    #[serde(default)]
    #[schema(value_type = Option<String>, format = DateTime)]
    #[serde(serialize_with = "crate::api::instant::serialize_option")]
    pub delivered_at: Option<Timestamp>,
    /// For kind `integration`: the platform.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integration: Option<super::IntegrationKind>,
    /// For kind `integration`: the handoff it delivers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handoff: Option<String>,
    /// The message itself: the email (sender, recipient, subject, body) or the
    /// webhook's JSON body.
    #[schema(value_type = Object)]
    pub payload: serde_json::Value,
}

/// Query of `GET /v1/outbox`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct OutboxQuery {
    /// Only messages in this state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(value_type = Option<String>)]
    pub state: Option<OutboxState>,
    /// Only messages of this kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(value_type = Option<String>)]
    pub kind: Option<OutboxKind>,
    /// Only deliveries to this platform (kind `integration`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(value_type = Option<String>)]
    pub integration: Option<super::IntegrationKind>,
    /// Only messages about this ticket.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticket: Option<u64>,
    /// How many to return (1 to 500; default 100).
    #[param(minimum = 1, maximum = 500)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The `next_cursor` of the previous page.
    #[param(max_length = 200)] // MAX_CURSOR_CHARS: utoipa takes a literal only
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

wire_enum! {
    /// What a delivery webhook tells the AI agent platform.
    DeliveryEventType {
        /// Relay an operator's reply to the customer in the live chat.
        Reply = "reply",
        /// A person took the chat over: stop the AI answering the customer.
        Takeover = "takeover",
    }
}

wire_enum! {
    /// What a delivery webhook tells the AI agent platform about a handoff it sent
    /// to an external platform.
    HandoffEventType {
        /// The platform has the ticket: `external.id` and `external.url`.
        Delivered = "handoff-delivered",
        /// Delivery gave up: `error` says why.
        Failed = "handoff-failed",
    }
}

/// The JSON body of a delivery webhook about a handoff's delivery to an external
/// platform, signed like every delivery webhook (docs/delivery.md).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct HandoffEvent {
    /// Unique per event and the same on every attempt.
    pub id: String,
    #[serde(rename = "type")]
    pub event_type: HandoffEventType,
    /// The handoff's id, as `POST /v1/handoffs` answered it.
    pub handoff: String,
    pub agent: String,
    pub channel: Channel,
    pub requester: Requester,
    /// The platform.
    pub platform: super::IntegrationKind,
    /// The platform's id of the ticket (`handoff-delivered`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// A link to it (`handoff-delivered`, when the platform gives one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_url: Option<String>,
    /// Why delivery gave up (`handoff-failed`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Attempts made, every one (those before `deskctl integrations retry`
    /// queued it again included).
    pub attempts: u32,
    #[schema(value_type = String, format = DateTime)]
    #[serde(serialize_with = "crate::api::instant::serialize")]
    pub at: Timestamp,
}

/// The operator behind a delivery event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct EventOperator {
    /// None when the desk's owner acted on the local desk.
    #[serde(default)]
    pub handle: Option<String>,
    /// The name the customer sees.
    pub name: String,
}

/// The JSON body of a delivery webhook (`POST` to the delivery URL). The raw
/// body is signed: see docs/delivery.md.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct DeliveryEvent {
    /// Unique per event and the same on every attempt, so a receiver can drop repeats.
    pub id: String,
    #[serde(rename = "type")]
    pub event_type: DeliveryEventType,
    pub ticket: u64,
    /// The AI agent that handed the conversation over.
    #[serde(default)]
    pub agent: Option<String>,
    /// The live channel the customer is on.
    pub channel: Channel,
    pub requester: Requester,
    pub operator: EventOperator,
    /// The reply (for `reply`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Whether the AI must stay silent on this conversation.
    pub ai_paused: bool,
    #[schema(value_type = String, format = DateTime)]
    #[serde(serialize_with = "crate::api::instant::serialize")]
    pub at: Timestamp,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_named_by_its_id_or_the_id_it_went_out_with() {
        assert_eq!("42".parse(), Ok(OutboxRef::Id(42)));
        assert_eq!(
            "msg_1c1df25a00e2".parse(),
            Ok(OutboxRef::Delivery("msg_1c1df25a00e2".into()))
        );
        assert_eq!(
            "evt_0123456789ab".parse::<OutboxRef>().unwrap().to_string(),
            "evt_0123456789ab"
        );
        for text in ["", "abc", "msg_", "tok_abc", "msg_a/b", "-1", "4.2"] {
            let error = text.parse::<OutboxRef>().unwrap_err();
            assert!(error.starts_with("is neither"), "{text}: {error}");
        }
        assert!(
            "99999999999999999999999"
                .parse::<OutboxRef>()
                .unwrap_err()
                .contains("larger")
        );
    }
}
