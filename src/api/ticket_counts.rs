//! How many tickets the caller sees, grouped by one attribute: what the inbox's
//! views and the copilot's "how many are open?" need without paging every ticket.
//! Its query, [`TicketCountQuery`](super::TicketCountQuery), is declared with
//! the list's in `tickets.rs`, around the filters the two share.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::TicketStatus;

wire_enum! {
    /// What tickets are counted by.
    TicketCountBy {
        Status = "status",
        Priority = "priority",
        /// The assignee's handle; unassigned tickets form a group of their own.
        Assignee = "assignee",
        /// The team's key; tickets without a team form a group of their own.
        Team = "team",
        Channel = "channel",
    }
}

/// `GET /v1/tickets/counts`: the tickets the caller sees, grouped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, schemars::JsonSchema)]
pub struct TicketCounts {
    pub by: TicketCountBy,
    /// Every ticket counted.
    pub total: u64,
    /// Status, priority and channel: every value in the order the API lists
    /// them, 0 where no ticket has it. Assignee and team: each value with
    /// tickets, largest group first.
    pub groups: Vec<TicketCount>,
}

impl TicketCounts {
    /// The tickets still to work, open or pending, of counts by status.
    pub fn open_or_pending(&self) -> u64 {
        self.groups
            .iter()
            .filter(|g| is_open_or_pending(g.value.as_deref()))
            .map(|g| g.count)
            .sum()
    }
}

/// Whether the tickets counted under status `value` are still to work.
pub fn is_open_or_pending(value: Option<&str>) -> bool {
    value == Some(TicketStatus::Open.as_str()) || value == Some(TicketStatus::Pending.as_str())
}

/// The tickets that share one value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, schemars::JsonSchema)]
pub struct TicketCount {
    /// The value, e.g. `open` or `alice`; none for unassigned tickets or
    /// tickets without a team.
    #[serde(default)]
    pub value: Option<String>,
    pub count: u64,
}
