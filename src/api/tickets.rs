//! Tickets and their timelines.

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{Channel, Environment, Priority, Requester};

wire_enum! {
    /// Where a ticket stands.
    TicketStatus {
        Open = "open",
        Pending = "pending",
        Resolved = "resolved",
    }
}

wire_enum! {
    /// What a timeline entry is.
    TimelineKind {
        /// A message to or from the customer.
        Message = "message",
        /// An internal note, never shown to the customer.
        Note = "note",
        /// Something that happened: created, summary, assigned, ...
        Event = "event",
    }
}

wire_enum! {
    /// Who wrote or did a timeline entry.
    AuthorKind {
        Customer = "customer",
        Ai = "ai",
        Operator = "operator",
        System = "system",
    }
}

/// A ticket.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Ticket {
    /// From 10001 upward.
    pub number: u64,
    pub subject: String,
    pub status: TicketStatus,
    pub priority: Priority,
    pub requester: Requester,
    #[serde(default)]
    pub assignee: Option<String>,
    #[serde(default)]
    pub team: Option<String>,
    /// The AI agent that handed the conversation over; none for support-inbox email.
    #[serde(default)]
    pub agent: Option<String>,
    pub channel: Channel,
    pub environment: Environment,
    /// Ticket field values by key.
    #[schema(value_type = Object)]
    pub fields: BTreeMap<String, serde_json::Value>,
    /// The context object as received.
    #[schema(value_type = Object)]
    pub context: BTreeMap<String, serde_json::Value>,
    /// Taken over by a person: the AI stops answering.
    pub ai_paused: bool,
    /// The handoff that created it.
    #[serde(default)]
    pub handoff: Option<String>,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
    #[schema(value_type = String, format = DateTime)]
    pub last_activity_at: Timestamp,
}

/// One entry of a ticket's timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TimelineEntry {
    /// 1-based order within the ticket.
    pub seq: u32,
    pub kind: TimelineKind,
    pub author_kind: AuthorKind,
    /// An operator's handle, or the customer's name.
    #[serde(default)]
    pub author: Option<String>,
    /// For events: `created`, `summary`, `assigned`, ...
    #[serde(default)]
    pub event: Option<String>,
    #[serde(default)]
    pub body: Option<String>,
    #[serde(default)]
    pub channel: Option<Channel>,
    #[schema(value_type = String, format = DateTime)]
    pub at: Timestamp,
}

/// `GET /v1/tickets/{number}`: the ticket with its timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TicketDetail {
    pub ticket: Ticket,
    pub timeline: Vec<TimelineEntry>,
}
