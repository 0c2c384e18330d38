//! Tickets as the desk decides about them: what a new ticket and its first
//! timeline entries are, what a change sets, and who may do what to a ticket.

use std::collections::BTreeMap;

use jiff::Timestamp;

use crate::api::{
    AuthorKind, Channel, Environment, Priority, Requester, TicketStatus, TimelineKind,
};

/// A ticket to create, with its first timeline entries.
#[derive(Debug, Clone)]
pub struct NewTicket {
    pub subject: String,
    pub priority: Priority,
    pub requester: Requester,
    pub assignee: Option<String>,
    pub team: Option<String>,
    pub agent: Option<String>,
    pub channel: Channel,
    pub environment: Environment,
    pub fields: BTreeMap<String, serde_json::Value>,
    pub context: BTreeMap<String, serde_json::Value>,
    pub handoff: Option<String>,
    pub timeline: Vec<NewEntry>,
}

/// A timeline entry to append.
#[derive(Debug, Clone)]
pub struct NewEntry {
    pub kind: TimelineKind,
    pub author_kind: AuthorKind,
    pub author: Option<String>,
    pub event: Option<String>,
    pub body: Option<String>,
    pub channel: Option<Channel>,
    pub at: Timestamp,
}

impl NewEntry {
    /// An event done by `author` (an operator, or the system when `None` and
    /// `author_kind` is `System`): assigned, resolved, ...
    pub fn event(
        author_kind: AuthorKind,
        author: Option<String>,
        event: &str,
        body: impl Into<String>,
        at: Timestamp,
    ) -> NewEntry {
        NewEntry {
            kind: TimelineKind::Event,
            author_kind,
            author,
            event: Some(event.to_string()),
            body: Some(body.into()),
            channel: None,
            at,
        }
    }

    /// An event the system records by itself: created, summary, delivered, ...
    pub fn system(event: &str, body: impl Into<String>, at: Timestamp) -> NewEntry {
        NewEntry::event(AuthorKind::System, None, event, body, at)
    }
}

/// What a ticket change sets; `None` leaves a column as it is.
#[derive(Debug, Clone, Default)]
pub struct TicketChange {
    pub status: Option<TicketStatus>,
    pub priority: Option<Priority>,
    /// `Some(None)` unassigns.
    pub assignee: Option<Option<String>>,
    pub ai_paused: Option<bool>,
}
