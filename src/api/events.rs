//! The event stream (`GET /v1/events`): one event per change the desk commits,
//! in commit order, each with an id that only grows.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{
    ExternalStatus, HandoffOutcome, IntegrationKind, OutboxKind, OutboxState, Ticket, TimelineEntry,
};

wire_enum! {
    /// What an event records. It is also the SSE `event:` field.
    EventKind {
        /// A ticket was opened (a handoff, or a support-inbox email).
        TicketCreated = "ticket.created",
        /// A ticket was assigned or taken.
        TicketAssigned = "ticket.assigned",
        TicketUnassigned = "ticket.unassigned",
        /// A message to or from the customer.
        TicketMessage = "ticket.message",
        /// An internal note.
        TicketNote = "ticket.note",
        /// Resolved, reopened, or moved between open and pending.
        TicketStatus = "ticket.status",
        TicketPriority = "ticket.priority",
        /// A person took the conversation over from the AI.
        TicketTakeover = "ticket.takeover",
        /// Any other change to a ticket.
        TicketUpdated = "ticket.updated",
        /// The ticket left what the caller may see (e.g. it was assigned to
        /// someone else): only its number is told.
        TicketHidden = "ticket.hidden",
        /// A handoff was accepted.
        Handoff = "handoff",
        /// A verified webhook from the platform a handoff was delivered to
        /// moved its ticket there (assigned, resolved, reopened): `external`.
        HandoffExternal = "handoff.external",
        /// A queued message was delivered, given up on, failed an attempt
        /// (another is due), or was queued again by hand.
        Delivery = "delivery",
    }
}

/// One committed change, as the stream sends it (the SSE `data:` field).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, schemars::JsonSchema)]
pub struct Event {
    /// Grows by one with every event the desk records, in commit order: the
    /// SSE `id:` field, and what `Last-Event-ID` or `?after=` resumes after.
    pub id: u64,
    pub kind: EventKind,
    #[schema(value_type = String, format = DateTime)]
    #[serde(serialize_with = "crate::api::instant::serialize")]
    pub at: Timestamp,
    /// The ticket the event is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticket_number: Option<u64>,
    /// The ticket after the change (absent for `ticket.hidden`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticket: Option<Ticket>,
    /// The timeline entries the change appended, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<TimelineEntry>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handoff: Option<EventHandoff>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery: Option<EventDelivery>,
    /// Where the ticket a handoff became on its platform stands now
    /// (`handoff.external`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external: Option<EventExternal>,
}

/// What a platform's webhook said about the ticket a handoff was delivered as.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, schemars::JsonSchema)]
pub struct EventExternal {
    pub kind: IntegrationKind,
    /// The platform's id of the ticket.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Before the webhook.
    pub previous: ExternalStatus,
    /// After it.
    pub status: ExternalStatus,
}

/// The handoff a `handoff` event is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, schemars::JsonSchema)]
pub struct EventHandoff {
    pub id: String,
    pub agent: String,
    pub outcome: HandoffOutcome,
}

/// The message a `delivery` event is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, schemars::JsonSchema)]
pub struct EventDelivery {
    /// The outbox message's id.
    pub id: u64,
    pub kind: OutboxKind,
    /// `delivered`, `dead`, or `pending`: an attempt failed and another is
    /// due at `next_attempt_at` (`error` says why), or it was queued again by
    /// hand (no `error`; `attempts` goes on counting).
    pub state: OutboxState,
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integration: Option<IntegrationKind>,
    /// Attempts made so far (absent on events recorded before it was told).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attempts: Option<u32>,
    /// Why the last attempt failed (`pending` after a failure, `dead`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// When the next attempt is due (`pending`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>, format = DateTime)]
    #[serde(serialize_with = "crate::api::instant::serialize_option")]
    pub next_attempt_at: Option<Timestamp>,
}

/// Sent (as SSE event `reset`, with no data but this) when the events after
/// the caller's `Last-Event-ID` are no longer all kept, or that id was never
/// given out: reload what you show, then go on from this event's id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, schemars::JsonSchema)]
pub struct EventReset {
    /// The last event id now; the stream goes on after it.
    pub id: u64,
    pub reason: String,
}

/// Query of `GET /v1/events`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct EventQuery {
    /// Resume after this event id (as `Last-Event-ID` does; the header wins).
    /// Without either, the stream starts with the next change, after the id
    /// it tells in its `Desk-Last-Event-ID` header and first `id:`.
    // Text, read by the route: an id that is not a whole number is a
    // malformed cursor, refused as `Last-Event-ID` and a list's `cursor` are
    // (422), not as a query of the wrong type (400).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(value_type = Option<u64>)]
    pub after: Option<String>,
}

/// The SSE event name of a reset.
pub const EVENT_RESET: &str = "reset";

/// The response header of `GET /v1/events` that tells the id the stream goes
/// on after: what a reconnection sends as `Last-Event-ID` until an event has
/// arrived. (The stream's first frame tells it again as its `id:`, for SSE
/// clients such as `EventSource` that never see headers.)
pub const STREAM_PLACE_HEADER: &str = "desk-last-event-id";

/// How long the desk keeps events to resume from.
pub const EVENT_RETENTION_DAYS: i64 = 7;

/// The most event streams one token holds open on one service process: a
/// stream lasts as long as its client, so without a bound one token (an
/// operator's, the least a stream needs) could hold every connection the
/// service takes. One more is answered `429 too_many_streams`.
pub const MAX_STREAMS_PER_TOKEN: usize = 16;
