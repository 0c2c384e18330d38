//! How many tickets the caller sees, grouped by one attribute: what the inbox's
//! views and the copilot's "how many are open?" need without paging every ticket.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{Channel, FieldCondition, Priority, TicketQuery, TicketStatus, TicketView};

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

/// Query of `GET /v1/tickets/counts`: the grouping, and the filters of
/// `GET /v1/tickets` (same names, same meaning).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct TicketCountQuery {
    /// `status`, `priority`, `assignee`, `team` or `channel`.
    pub by: TicketCountBy,
    /// `mine`, `all` (default), `unassigned` or `resolved`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view: Option<TicketView>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<TicketStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    /// An operator's handle.
    #[param(max_length = 254)] // MAX_NAME_CHARS: utoipa takes a literal only
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignee: Option<String>,
    /// A team's key.
    #[param(max_length = 254)] // MAX_NAME_CHARS: utoipa takes a literal only
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    /// The source AI agent's key.
    #[param(max_length = 254)] // MAX_NAME_CHARS: utoipa takes a literal only
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<String>,
    /// The requester: their email (whole), their external id (whole, exact)
    /// or any part of their name; in the email and the name A-Z in either
    /// case, every other character exactly.
    #[param(max_length = 1000)] // MAX_SEARCH_CHARS: utoipa takes a literal only
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requester: Option<String>,
    /// Text searched in subjects and messages: a substring, A-Z in either
    /// case, every other character exactly (`%` and `_` too).
    #[param(max_length = 1000)] // MAX_SEARCH_CHARS: utoipa takes a literal only
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    /// RFC 3339: created at or after.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_since: Option<String>,
    /// RFC 3339: last activity at or after.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_since: Option<String>,
    /// `KEY=VALUE`: tickets whose field `KEY` holds `VALUE`, read as the
    /// field's type (`seats=5`, `vip=true`; a key the desk no longer has is
    /// compared as text). Repeat it (`field=plan=pro&field=vip=true`): a
    /// ticket must match every one.
    #[param(value_type = Option<Vec<String>>, style = Form, explode)]
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        with = "super::repeated"
    )]
    pub field: Vec<FieldCondition>,
}

impl TicketCountQuery {
    /// Counts by `by` over the tickets `filters` lists (its order, page and
    /// cursor aside).
    pub fn filtered(by: TicketCountBy, filters: TicketQuery) -> Self {
        let TicketQuery {
            view,
            status,
            priority,
            assignee,
            team,
            channel,
            agent,
            requester,
            q,
            created_since,
            updated_since,
            field,
            sort: _,
            limit: _,
            cursor: _,
        } = filters;
        Self {
            by,
            view,
            status,
            priority,
            assignee,
            team,
            channel,
            agent,
            requester,
            q,
            created_since,
            updated_since,
            field,
        }
    }

    /// The same tickets as a list query.
    pub fn filters(&self) -> TicketQuery {
        TicketQuery {
            view: self.view,
            status: self.status,
            priority: self.priority,
            assignee: self.assignee.clone(),
            team: self.team.clone(),
            channel: self.channel,
            agent: self.agent.clone(),
            requester: self.requester.clone(),
            q: self.q.clone(),
            created_since: self.created_since.clone(),
            updated_since: self.updated_since.clone(),
            field: self.field.clone(),
            sort: None,
            limit: None,
            cursor: None,
        }
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
