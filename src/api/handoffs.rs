//! Handoffs: an AI agent escalates a conversation, Desk decides what happens, and
//! records the decision with a ticket or a preview.

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{Channel, Environment, FieldType, Priority};

wire_enum! {
    /// Who wrote a transcript message.
    MessageRole {
        Customer = "customer",
        Ai = "ai",
    }
}

wire_enum! {
    /// What a handoff became.
    HandoffOutcome {
        /// Recorded for review; no ticket (development and staging, by default).
        Preview = "preview",
        /// A ticket in Desk's inbox.
        Ticket = "ticket",
        /// A ticket on an external platform, delivered through the outbox.
        External = "external",
    }
}

/// The customer.
#[derive(
    Debug, Clone, PartialEq, Default, Serialize, Deserialize, ToSchema, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Requester {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The customer's id on the AI agent platform.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// The customer's phone number, as the AI agent platform knows it
    /// (e.g. `+15550100` on WhatsApp): kept on the inbox ticket and passed
    /// to external platforms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// One message of the conversation before the handoff.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TranscriptMessage {
    pub role: MessageRole,
    pub text: String,
    /// When the message was written (RFC 3339), its time on the ticket: at
    /// most 5 minutes after the desk's clock, and not before a message ahead
    /// of it. Without it the message is dated when the desk receives it.
    // jiff's own form, unlike the instants the service writes: a request's
    // idempotency hash is computed over its serialized form, and replicas of
    // an older version compute it so too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub at: Option<Timestamp>,
}

/// `POST /v1/handoffs` and `POST /v1/handoffs/preview`: what the AI agent sends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct HandoffRequest {
    /// The AI agent's key.
    pub agent: String,
    pub environment: Environment,
    pub channel: Channel,
    #[serde(default)]
    pub requester: Option<Requester>,
    /// The conversation so far, oldest first.
    #[serde(default)]
    pub transcript: Vec<TranscriptMessage>,
    /// Key/value facts (strings, numbers or booleans), e.g. `order-id: "123"`.
    /// Keys that equal a ticket field's key set that field.
    #[serde(default, deserialize_with = "distinct_keys")]
    #[schema(value_type = Object)]
    pub context: BTreeMap<String, serde_json::Value>,
    /// `explicit-request`, `failed-resolution` or other text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The agent's own summary; Desk writes one when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
}

/// Where a decided value came from, so a decision can be explained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "source", rename_all = "kebab-case")]
pub enum DecisionSource {
    /// The first matching rule.
    Rule {
        id: String,
        position: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
    },
    /// No priority rule matched: the handover action's default priority.
    ActionDefault,
    /// No priority rule matched and the action has no default: `medium`.
    Fallback,
    /// No assignment rule matched: the workspace's default team.
    DefaultTeam,
    /// No assignment rule matched and there is no default team.
    NoTeam,
}

impl DecisionSource {
    /// Where the value came from, for people: `from rule #2 "VIP" (rule_…)`.
    pub fn explain(&self) -> String {
        match self {
            DecisionSource::Rule { position, name, id } => match name {
                Some(name) => format!("from rule #{position} \"{name}\" ({id})"),
                None => format!("from rule #{position} ({id})"),
            },
            DecisionSource::ActionDefault => "the handover action's default".into(),
            DecisionSource::Fallback => "no rule matched and the action has no default".into(),
            DecisionSource::DefaultTeam => "the default team: no assignment rule matched".into(),
            DecisionSource::NoTeam => {
                "no assignment rule matched and there is no default team".into()
            }
        }
    }
}

/// A decided value and where it came from. Serializes flat:
/// `{"value": "high", "source": "rule", "id": "rule_…", "position": 1}`.
///
/// The OpenAPI document describes it as [`DecidedPriority`] and
/// [`DecidedTeam`] say, not by a derived schema: utoipa would describe the
/// flattened source as an `allOf` of a `oneOf`, which generated clients
/// cannot model (openapi-python-client then leaves out `Handoff`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decided<T> {
    pub value: T,
    #[serde(flatten)]
    pub source: DecisionSource,
}

/// A decided priority and where it came from, flat: a rule's `id`,
/// `position` and `name` sit beside `source`.
// The document's schema of `HandoffDecision.priority` (see `Decided`); never built.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
struct DecidedPriority {
    value: Priority,
    #[schema(inline)]
    source: PrioritySource,
    /// The rule's id; only with `source` `rule`.
    #[schema(nullable = false)]
    id: Option<String>,
    /// The rule's position among the priority rules (1 first); only with
    /// `source` `rule`.
    #[schema(nullable = false)]
    position: Option<u32>,
    /// The rule's name; only with `source` `rule`, when the rule has one.
    #[schema(nullable = false)]
    name: Option<String>,
}

/// `rule`: the first matching priority rule; `action-default`: the handover
/// action's default priority; `fallback`: no rule matched and the action has
/// no default (`medium`).
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
#[allow(dead_code)]
enum PrioritySource {
    Rule,
    ActionDefault,
    Fallback,
}

/// A decided team and where it came from, flat: a rule's `id`, `position`
/// and `name` sit beside `source`.
// The document's schema of `HandoffDecision.team` (see `Decided`); never built.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
struct DecidedTeam {
    /// The team's key; null when there is no team (`source` `no-team`).
    #[schema(required = true)]
    value: Option<String>,
    #[schema(inline)]
    source: TeamSource,
    /// The rule's id; only with `source` `rule`.
    #[schema(nullable = false)]
    id: Option<String>,
    /// The rule's position among the assignment rules (1 first); only with
    /// `source` `rule`.
    #[schema(nullable = false)]
    position: Option<u32>,
    /// The rule's name; only with `source` `rule`, when the rule has one.
    #[schema(nullable = false)]
    name: Option<String>,
}

/// `rule`: the first matching assignment rule; `default-team`: no rule
/// matched, the workspace's default team; `no-team`: no rule matched and
/// there is no default team.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
#[allow(dead_code)]
enum TeamSource {
    Rule,
    DefaultTeam,
    NoTeam,
}

/// A ticket field the handoff sets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FieldValue {
    pub key: String,
    pub name: String,
    #[serde(rename = "type")]
    pub field_type: FieldType,
    /// The context value converted to the field's type.
    pub value: serde_json::Value,
}

/// A context value that matched a field but could not be converted to its type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FieldMismatch {
    pub key: String,
    pub value: serde_json::Value,
    pub message: String,
}

/// Who gets the ticket, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct AssigneeDecision {
    /// The operator's handle; none when nobody is assigned.
    #[serde(default)]
    pub value: Option<String>,
    pub method: super::AssignmentMethod,
    /// Why this operator, or why nobody.
    pub reason: String,
}

/// What the customer sees on escalating.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CustomerView {
    /// `waiting-label` or `auto-reply`.
    pub kind: String,
    pub text: String,
    /// Why: who could answer (the routed team's members online and under
    /// capacity; for an external platform only business hours count), or why
    /// nobody can.
    #[serde(default)]
    pub reason: String,
}

/// The full decision of the handoff pipeline: what happens and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct HandoffDecision {
    pub agent: String,
    /// The handover action's name.
    pub action: String,
    pub platform: String,
    pub environment: Environment,
    pub channel: Channel,
    pub outcome: HandoffOutcome,
    pub subject: String,
    #[schema(value_type = DecidedPriority)]
    pub priority: Decided<Priority>,
    #[schema(value_type = DecidedTeam)]
    pub team: Decided<Option<String>>,
    pub assignee: AssigneeDecision,
    /// Ticket fields set from context keys, by key.
    pub fields: Vec<FieldValue>,
    /// Context values that matched a field but did not convert; not applied.
    pub field_mismatches: Vec<FieldMismatch>,
    /// Context keys that match no ticket field.
    pub unmatched_context_keys: Vec<String>,
    /// Context keys that break the key convention (lowercase letters, digits,
    /// dashes); never used.
    pub invalid_context_keys: Vec<String>,
    pub warnings: Vec<String>,
    pub customer_sees: CustomerView,
    pub summary: String,
}

/// A recorded handoff.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Handoff {
    /// e.g. `hof_1kbp3sm803f9a0c1b2d4e`.
    pub id: String,
    #[serde(default)]
    pub idempotency_key: Option<String>,
    pub agent: String,
    pub environment: Environment,
    pub outcome: HandoffOutcome,
    /// The inbox ticket it created.
    #[serde(default)]
    pub ticket: Option<u64>,
    /// The ticket on an external platform (outcome `external`): its delivery
    /// and what the platform has done with it since.
    #[serde(default)]
    pub external: Option<super::ExternalTicket>,
    pub decision: HandoffDecision,
    /// The handoff as received.
    pub request: HandoffRequest,
    #[schema(value_type = String, format = DateTime)]
    #[serde(serialize_with = "crate::api::instant::serialize")]
    pub created_at: Timestamp,
}

/// `?wait=` of `POST /v1/handoffs` and `GET /v1/handoffs/{id}`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct WaitQuery {
    /// Seconds (0 to 20) to wait for an external delivery to be delivered or to
    /// fail before answering; the answer is the handoff as it stands then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait: Option<u32>,
}

/// Filters of `GET /v1/handoffs`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct HandoffQuery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment: Option<Environment>,
    /// The AI agent's key.
    #[param(max_length = 254)] // MAX_NAME_CHARS: utoipa takes a literal only
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<HandoffOutcome>,
    /// Only handoffs received at or after this instant (RFC 3339).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::api::instant::deserialize_option"
    )]
    #[param(value_type = Option<String>, format = DateTime)]
    pub since: Option<Timestamp>,
    /// Only handoffs received before this instant (RFC 3339).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::api::instant::deserialize_option"
    )]
    #[param(value_type = Option<String>, format = DateTime)]
    pub until: Option<Timestamp>,
    #[param(minimum = 1, maximum = 500)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The `next_cursor` of the previous page.
    #[param(max_length = 200)] // MAX_CURSOR_CHARS: utoipa takes a literal only
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

impl HandoffQuery {
    /// The query's texts that are longer than any value of theirs can be, by field.
    pub fn text_problems(&self) -> Vec<super::FieldError> {
        super::length_problems(&[
            ("agent", &self.agent, super::name_problem),
            ("cursor", &self.cursor, super::cursor_problem),
        ])
    }
}

/// `POST /v1/inbound/email`: a message to the support inbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct InboundEmail {
    /// `Name <address>` or a bare address.
    pub from: String,
    /// The `Reply-To` header, when it names one mailbox (`Name <address>` or
    /// a bare address): where the sender asks answers to go, as a contact
    /// form's mail comes from the form's address and names the customer
    /// here. Its address, not `from`'s, is then the requester's: replies go
    /// to it, and mail from it answers as the customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<String>,
    pub to: String,
    #[serde(default)]
    pub subject: String,
    #[serde(default)]
    pub text: String,
    /// The message's `Message-ID`: a second message with the same id creates nothing.
    pub message_id: String,
    /// The `In-Reply-To` header: the message this one answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_reply_to: Option<String>,
    /// The `References` header's message ids, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<String>,
    /// The message's attachments, listed on the ticket (their content is not kept).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<InboundAttachment>,
    /// Sent by a machine on its own, such as an out-of-office notice (RFC
    /// 3834: `Auto-Submitted` other than `no`; `Precedence: auto_reply`,
    /// `bulk` or `junk`; `X-Autoreply`; `X-Autorespond`). On a ticket it is
    /// kept as a note and changes nothing; it is never answered.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub auto_reply: bool,
    /// A read receipt (a message disposition notification, RFC 8098:
    /// `multipart/report; report-type=disposition-notification`): the
    /// recipient's mail client reporting that the desk's email was shown. It
    /// never opens a ticket and is never the customer's answer: on the
    /// ticket it answers it is kept as a note and changes nothing (outcome
    /// `auto-reply`); answering no ticket it is `dropped`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub read_receipt: bool,
    /// A delivery status notification (a bounce, RFC 3464): a mail server
    /// reporting that a message did not reach its recipient. It never opens
    /// a ticket: a failure to deliver the desk's own email is recorded on
    /// that email's ticket (a `delivery-failed` event), anything else is
    /// dropped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bounce: Option<InboundBounce>,
}

/// What a delivery status notification (a bounce) reports, each part as its
/// `message/delivery-status` section writes it (RFC 3464); every part is
/// optional, as old-style bounces carry none of them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct InboundBounce {
    /// The `Message-ID` of the message that was not delivered, from the
    /// headers the report returns: the desk's own reply, whose ticket the
    /// report is recorded on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    /// The recipient it did not reach (`Final-Recipient`, without its `rfc822;`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<String>,
    /// What became of it (`Action`): `failed` (the default), or `delayed`,
    /// `delivered`, `relayed`, `expanded`, which are not failures and are
    /// dropped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// The status code (`Status`), e.g. `5.1.1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// The receiving server's answer (`Diagnostic-Code`), e.g. `smtp; 550
    /// 5.1.1 User unknown`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diagnostic: Option<String>,
}

impl InboundBounce {
    /// Whether it reports a failure: its `Action` is `failed`, or not given.
    pub fn failed(&self) -> bool {
        self.action
            .as_deref()
            .is_none_or(|action| action.trim().eq_ignore_ascii_case("failed"))
    }
}

/// An attachment of an inbound email, as the ticket lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct InboundAttachment {
    /// Its file name; `attachment` when it has none.
    pub name: String,
    /// Its MIME type, e.g. `application/pdf`.
    pub content_type: String,
    /// Its decoded size in bytes.
    pub size: u64,
}

wire_enum! {
    /// What an inbound email did.
    InboundOutcome {
        /// It opened a new ticket.
        Created = "created",
        /// The requester's reply, added to the ticket it answers.
        Appended = "appended",
        /// The requester's reply to a resolved ticket: added, and the ticket reopened.
        Reopened = "reopened",
        /// A reply from someone other than the requester: held as an internal note.
        HeldAsNote = "held-as-note",
        /// An automatic reply (out-of-office and the like) or a read receipt
        /// on a ticket: kept as an internal note, the ticket's status left as
        /// it is.
        AutoReply = "auto-reply",
        /// Its message id was seen before: nothing changed.
        Duplicate = "duplicate",
        /// A bounce of the desk's email: recorded on that email's ticket as a
        /// `delivery-failed` event; the ticket's status is left as it is.
        Bounce = "bounce",
        /// A bounce or read receipt of no email the desk sent, or a delivery
        /// report of no failure (a delay): nothing stored, no ticket opened.
        Dropped = "dropped",
    }
}

/// The answer to an inbound email.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct InboundResult {
    /// The ticket the message went to; `null` when it was `dropped`.
    pub ticket: Option<u64>,
    /// False when the message id was seen before and nothing was created.
    pub created: bool,
    pub outcome: InboundOutcome,
}

/// A map whose keys are each given once: a key given twice is an error, as a
/// request's own keys are, not the last value silently taken.
fn distinct_keys<'de, D>(deserializer: D) -> Result<BTreeMap<String, serde_json::Value>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    struct Distinct;

    impl<'de> serde::de::Visitor<'de> for Distinct {
        type Value = BTreeMap<String, serde_json::Value>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object")
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut keys = BTreeMap::new();
            while let Some((key, value)) = map.next_entry::<String, serde_json::Value>()? {
                if keys.contains_key(&key) {
                    return Err(serde::de::Error::custom(format!("duplicate key `{key}`")));
                }
                keys.insert(key, value);
            }
            Ok(keys)
        }
    }

    deserializer.deserialize_map(Distinct)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(context: &str) -> serde_json::Result<HandoffRequest> {
        serde_json::from_str(&format!(
            r#"{{"agent": "shop", "environment": "production", "channel": "web",
                "requester": {{"name": "Dana"}},
                "transcript": [{{"role": "customer", "text": "Hello"}}],
                "context": {context}}}"#
        ))
    }

    #[test]
    fn a_context_key_given_twice_is_an_error_not_the_last_value() {
        let error = request(r#"{"plan": "pro", "plan": "free"}"#).unwrap_err();
        assert!(
            error.to_string().contains("duplicate key `plan`"),
            "{error}"
        );
        let parsed = request(r#"{"plan": "pro", "seats": 3}"#).unwrap();
        assert_eq!(parsed.context["plan"], "pro");
        assert_eq!(parsed.context["seats"], 3);
        assert!(request("[1]").is_err());
    }
}
