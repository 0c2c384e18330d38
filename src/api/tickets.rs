//! Tickets and their timelines.

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{Channel, Environment, FieldError, Priority, Requester, TicketCountBy};

/// The longest search text or requester a ticket query takes, in characters.
/// Nobody types more to find a ticket, and SQLite refuses a `LIKE` pattern
/// past 50,000 bytes: a longer text is bad input, not the service failing.
pub const MAX_SEARCH_CHARS: usize = 1000;

/// Why `text` is too long for a ticket query's search, if it is.
pub fn search_text_problem(text: &str) -> Option<String> {
    let chars = text.chars().count();
    (chars > MAX_SEARCH_CHARS)
        .then(|| format!("at most {MAX_SEARCH_CHARS} characters are searched for; this is {chars}"))
}

/// Why `text` cannot be a ticket list's search (`q`) or requester filter,
/// if it cannot: too long, or blank. A blank one would select every ticket
/// (`q`) or none (`requester`), so a script's unset variable would act on
/// them all: it is refused, as the CLI's flags refuse it.
pub fn filter_text_problem(text: &str) -> Option<String> {
    if text.trim().is_empty() {
        return Some(
            "nothing to look for: a blank text would select every ticket (leave the parameter \
             out to list them all)"
                .to_string(),
        );
    }
    search_text_problem(text)
}

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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, schemars::JsonSchema)]
pub struct Ticket {
    /// From 10001 upward.
    pub number: u64,
    pub subject: String,
    pub status: TicketStatus,
    pub priority: Priority,
    pub requester: Requester,
    /// The assigned operator's handle. A resolved ticket keeps the handle of
    /// the operator who handled it after they are removed.
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
    #[serde(serialize_with = "crate::api::instant::serialize")]
    pub created_at: Timestamp,
    /// The last message in or out, or status change: what the customer saw
    /// happen. Notes, priorities, assignments and takeovers leave it as it is.
    #[schema(value_type = String, format = DateTime)]
    #[serde(serialize_with = "crate::api::instant::serialize")]
    pub last_activity_at: Timestamp,
}

/// One entry of a ticket's timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, schemars::JsonSchema)]
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
    #[serde(serialize_with = "crate::api::instant::serialize")]
    pub at: Timestamp,
}

/// `GET /v1/tickets/{number}`: the ticket with its timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, schemars::JsonSchema)]
pub struct TicketDetail {
    pub ticket: Ticket,
    pub timeline: Vec<TimelineEntry>,
}

wire_enum! {
    /// The inbox's views.
    TicketView {
        /// Tickets assigned to the caller: open and pending ones, or those in
        /// the `status` asked for.
        Mine = "mine",
        /// Every ticket, whatever its status.
        All = "all",
        /// Tickets nobody is assigned to: open and pending ones, or those in
        /// the `status` asked for.
        Unassigned = "unassigned",
        /// Resolved tickets.
        Resolved = "resolved",
    }
}

wire_enum! {
    /// The order of `GET /v1/tickets`: by last activity, or by creation (the
    /// ticket number, given in the order tickets are created); `-` puts the
    /// newest first. Each order walks an index, so every page costs the
    /// same however deep, and the cursor takes each ticket once.
    #[derive(Default)]
    TicketSort {
        /// Newest activity first: the default.
        #[default]
        ActivityNewest = "-activity",
        /// Oldest activity first: the tickets that have waited longest.
        ActivityOldest = "activity",
        /// Newest tickets first.
        CreatedNewest = "-created",
        /// Oldest tickets first.
        CreatedOldest = "created",
    }
}

/// The cursor to the page after the ticket whose last activity time (in
/// stored form) and number are `activity` and `number`, in `sort`'s order:
/// `ACTIVITY|NUMBER`, led by the sort and `:` but for the default, so each
/// order takes back only its own.
pub fn write_ticket_cursor(sort: TicketSort, activity: &str, number: u64) -> String {
    match sort {
        TicketSort::ActivityNewest => format!("{activity}|{number}"),
        other => format!("{other}:{activity}|{number}"),
    }
}

/// The cursor to the page after `ticket` in `sort`'s order: the one the
/// service gives out when `ticket` ends a page.
pub fn ticket_cursor(sort: TicketSort, ticket: &Ticket) -> String {
    let activity = super::instant::Micros(ticket.last_activity_at).to_string();
    write_ticket_cursor(sort, &activity, ticket.number)
}

/// What [`write_ticket_cursor`] wrote for `sort`, read back: the time as an
/// instant and the number. None for any other text, and for one whose time
/// is no instant (`2026-13-45T99:99:99Z`): the store compares the time with
/// the times it holds, and must never be handed one that is not a time.
pub fn read_ticket_cursor(sort: TicketSort, cursor: &str) -> Option<(Timestamp, u64)> {
    let key = match sort {
        TicketSort::ActivityNewest => cursor,
        other => cursor.strip_prefix(other.as_str())?.strip_prefix(':')?,
    };
    let (activity, number) = key.split_once('|')?;
    // Another order's cursor starts with its name, never with a time's digits.
    if !activity.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((activity.parse().ok()?, number.parse().ok()?))
}

/// A `field=KEY=VALUE` filter of a ticket list: the ticket field `KEY` holds
/// `VALUE` (read as the field's type: `5` for a number, `true` for a checkbox).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldCondition {
    pub key: String,
    pub value: String,
}

impl std::str::FromStr for FieldCondition {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.split_once('=') {
            Some((key, value)) if !key.is_empty() => Ok(FieldCondition {
                key: key.to_string(),
                value: value.to_string(),
            }),
            _ => Err(format!(
                "'{}' is not KEY=VALUE: a ticket field's key, `=`, and the value it holds",
                super::echoed(text)
            )),
        }
    }
}

impl std::fmt::Display for FieldCondition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}={}", self.key, self.value)
    }
}

/// Declares the ticket list's query and the counts' query around the
/// filters they share, each filter written once (its name, doc, limits and
/// serde) in `filters`: the list's own fields follow them, the counts' own
/// fields lead. The filters are fields of each struct, not a struct of their
/// own that both nest, because utoipa's `IntoParams` does not flatten a
/// nested struct into parameters, and serde's `flatten` takes no
/// `deny_unknown_fields` and hands a query string's values over as text
/// (`limit=5` would no longer read as a number).
macro_rules! ticket_queries {
    (
        filters {
            $( $(#[$filter_meta:meta])* $filter:ident: $filter_type:ty, )*
        }
        $(#[$list_meta:meta])*
        pub struct $list:ident {
            $( $(#[$list_meta_of:meta])* pub $list_field:ident: $list_type:ty, )*
        }
        $(#[$count_meta:meta])*
        pub struct $count:ident {
            $( $(#[$count_meta_of:meta])* pub $count_field:ident: $count_type:ty, )*
        }
    ) => {
        $(#[$list_meta])*
        pub struct $list {
            $( $(#[$filter_meta])* pub $filter: $filter_type, )*
            $( $(#[$list_meta_of])* pub $list_field: $list_type, )*
        }

        $(#[$count_meta])*
        pub struct $count {
            $( $(#[$count_meta_of])* pub $count_field: $count_type, )*
            $( $(#[$filter_meta])* pub $filter: $filter_type, )*
        }

        impl $count {
            /// Counts over the tickets `list` selects (its order, page and
            /// cursor aside).
            pub fn filtered($( $count_field: $count_type, )* list: $list) -> Self {
                Self {
                    $( $count_field, )*
                    $( $filter: list.$filter, )*
                }
            }

            /// The same tickets as a list query.
            pub fn filters(&self) -> $list {
                let counted = self.clone();
                $list {
                    $( $filter: counted.$filter, )*
                    $( $list_field: Default::default(), )*
                }
            }
        }
    };
}

ticket_queries! {
    filters {
        /// `mine`, `all` (default), `unassigned` or `resolved`. A filter none
        /// of the view's tickets can match is refused (422): an `assignee` in
        /// `unassigned`, another than yours in `mine`, a `status` other than
        /// `resolved` in `resolved`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        view: Option<TicketView>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        status: Option<TicketStatus>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        priority: Option<Priority>,
        /// An operator's handle.
        #[param(max_length = 254)] // MAX_NAME_CHARS: utoipa takes a literal only
        #[serde(default, skip_serializing_if = "Option::is_none")]
        assignee: Option<String>,
        /// A team's key.
        #[param(max_length = 254)] // MAX_NAME_CHARS: utoipa takes a literal only
        #[serde(default, skip_serializing_if = "Option::is_none")]
        team: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        channel: Option<Channel>,
        /// The source AI agent's key.
        #[param(max_length = 254)] // MAX_NAME_CHARS: utoipa takes a literal only
        #[serde(default, skip_serializing_if = "Option::is_none")]
        agent: Option<String>,
        /// The requester: their email (whole), their external id (whole, exact),
        /// their phone (whole, spaces and `+-()./#*,;` aside: `+49 151 1234-5678`
        /// finds `+4915112345678`) or any part of their name; in the email, the
        /// phone and the name A-Z in either case, every other character exactly.
        /// Never blank (422).
        #[param(max_length = 1000)] // MAX_SEARCH_CHARS: utoipa takes a literal only
        #[serde(default, skip_serializing_if = "Option::is_none")]
        requester: Option<String>,
        /// Text searched in subjects and messages: a substring, A-Z in either
        /// case, every other character exactly (`%` and `_` too). Never blank
        /// (422): leave it out to list every ticket.
        #[param(max_length = 1000)] // MAX_SEARCH_CHARS: utoipa takes a literal only
        #[serde(default, skip_serializing_if = "Option::is_none")]
        q: Option<String>,
        /// RFC 3339: created at or after.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        created_since: Option<String>,
        /// RFC 3339: last activity at or after.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        updated_since: Option<String>,
        /// `KEY=VALUE`: tickets whose field `KEY` holds `VALUE`, read as the
        /// field's type (`seats=5`, `vip=true`; a key the desk no longer has,
        /// and a dropdown value none of its options, one removed since, are
        /// compared as text). Repeat it (`field=plan=pro&field=vip=true`): a
        /// ticket must match every one.
        #[param(value_type = Option<Vec<String>>, style = Form, explode)]
        #[serde(
            default,
            skip_serializing_if = "Vec::is_empty",
            with = "super::repeated"
        )]
        field: Vec<FieldCondition>,
    }

    /// Query of `GET /v1/tickets`: a view, filters, an order and a cursor.
    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::IntoParams)]
    #[into_params(parameter_in = Query)]
    #[serde(deny_unknown_fields)]
    pub struct TicketQuery {
        /// `-activity` (default), `activity`, `-created` or `created`: by last
        /// activity or creation, `-` for newest first.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub sort: Option<TicketSort>,
        #[param(minimum = 1, maximum = 500)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub limit: Option<u32>,
        /// The `next_cursor` of the previous page.
        #[param(max_length = 200)] // MAX_CURSOR_CHARS: utoipa takes a literal only
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub cursor: Option<String>,
    }

    /// Query of `GET /v1/tickets/counts`: the grouping, and the filters of
    /// `GET /v1/tickets` (same names, same meaning).
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::IntoParams)]
    #[into_params(parameter_in = Query)]
    #[serde(deny_unknown_fields)]
    pub struct TicketCountQuery {
        /// `status`, `priority`, `assignee`, `team` or `channel`.
        pub by: TicketCountBy,
    }
}
impl TicketQuery {
    /// The query's texts that are longer than any value of theirs can be, by
    /// field: search texts (blank ones too), names and the cursor.
    pub fn text_problems(&self) -> Vec<FieldError> {
        let mut problems = super::length_problems(&[
            ("q", &self.q, filter_text_problem),
            ("requester", &self.requester, filter_text_problem),
            ("assignee", &self.assignee, super::name_problem),
            ("team", &self.team, super::name_problem),
            ("agent", &self.agent, super::name_problem),
            ("cursor", &self.cursor, super::cursor_problem),
        ]);
        problems.extend(field_condition_problems(&self.field));
        problems
    }

    /// The filters no ticket of the view can match, by field: an assignee
    /// in the unassigned view, or another than `me` (the caller's handle) in
    /// the mine view; a status other than resolved in the resolved view. A
    /// list that could only be empty is refused rather than read as "nothing
    /// to do". (`unassigned` with a status is the view's tickets in that
    /// status, as `mine` with one is.)
    pub fn contradictions(&self, me: Option<&str>) -> Vec<FieldError> {
        let instead = "leave it out, or ask for the all view";
        let mut problems = Vec::new();
        match (self.view, self.assignee.as_deref()) {
            (Some(TicketView::Unassigned), Some(assignee)) => {
                problems.push(FieldError::new(
                    "assignee",
                    format!(
                        "the unassigned view holds only tickets nobody is assigned to, never \
                         {assignee}'s: {instead}"
                    ),
                ));
            }
            (Some(TicketView::Mine), Some(assignee)) if me.is_some_and(|me| me != assignee) => {
                problems.push(FieldError::new(
                    "assignee",
                    format!(
                        "the mine view holds only the tickets assigned to you ({}), never \
                         {assignee}'s: {instead}",
                        me.unwrap_or_default()
                    ),
                ));
            }
            _ => {}
        }
        if self.view == Some(TicketView::Resolved)
            && let Some(status) = self.status.filter(|s| *s != TicketStatus::Resolved)
        {
            problems.push(FieldError::new(
                "status",
                format!(
                    "the resolved view holds only resolved tickets, never {status} ones: \
                     {instead}"
                ),
            ));
        }
        problems
    }
}

/// The `field` conditions whose key or value is longer than any can be.
pub fn field_condition_problems(conditions: &[FieldCondition]) -> Vec<FieldError> {
    conditions
        .iter()
        .filter_map(|c| {
            let problem = super::name_problem(&c.key).or_else(|| search_text_problem(&c.value))?;
            Some(FieldError::new("field", format!("{}: {problem}", c.key)))
        })
        .collect()
}

/// `POST /v1/tickets/{number}/assign`: to an operator, to a team, or both;
/// at least one of `to` and `team`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssignRequest {
    /// The operator's handle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Move the ticket to this team (its key). Unless `to` names its operator,
    /// an assignee who is not in that team is unassigned: the team picks it up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    /// Assign even when the operator is not online, has no room under their
    /// capacity, or is not in the ticket's team.
    #[serde(default)]
    pub force: bool,
    /// Assign only if the ticket is still assigned to this operator (`null`:
    /// still unassigned), as the caller last saw it; otherwise 409
    /// `assignee_changed`, and nothing changes. Absent: whoever has it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "super::double_option"
    )]
    #[schema(value_type = Option<String>)]
    pub expect_assignee: Option<Option<String>>,
}

/// Query of `POST /v1/tickets/{number}/take`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct TakeQuery {
    /// Take it even when you are not online, have no room under your
    /// capacity, or are not in the ticket's team (a manager's take).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub force: bool,
}

/// `POST /v1/tickets/{number}/priority`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PriorityRequest {
    pub priority: Priority,
}

/// `POST /v1/tickets/{number}/notes`: an internal note.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NoteRequest {
    pub body: String,
}

/// `POST /v1/tickets/{number}/messages`: a reply to the customer.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReplyRequest {
    pub body: String,
    /// Overrides the channel chosen for the reply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
}

/// `POST /v1/tickets/{number}/conversation`: later messages of the conversation,
/// appended by the AI agent platform while the ticket waits.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConversationAppend {
    pub messages: Vec<super::TranscriptMessage>,
}

/// The answer to a conversation append: whether the AI should keep answering.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ConversationState {
    pub ticket: u64,
    /// A person took over: the AI must stop answering.
    pub ai_paused: bool,
    pub status: TicketStatus,
}

/// `POST /v1/requesters/tokens`: a requester-scoped credential for one customer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RequesterTokenRequest {
    /// The customer: their external id or email, as their tickets carry it.
    pub requester: String,
    /// How long the credential lasts, in seconds (60 to 86400; default 3600).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ttl_seconds: Option<u32>,
}

/// A requester-scoped credential: it reads `GET /v1/requesters/me/tickets`
/// for its one customer until it expires, and nothing else.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub struct RequesterToken {
    /// `Authorization: Bearer <token>`; signed, not stored.
    pub token: String,
    pub requester: String,
    #[schema(value_type = String, format = DateTime)]
    #[serde(serialize_with = "crate::api::instant::serialize")]
    pub expires_at: Timestamp,
}

/// A customer's ticket as the chat widget's "View tickets" lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct RequesterTicket {
    pub number: u64,
    pub subject: String,
    pub status: TicketStatus,
    #[schema(value_type = String, format = DateTime)]
    #[serde(serialize_with = "crate::api::instant::serialize")]
    pub created_at: Timestamp,
    /// The last message in or out, or status change: what the customer saw
    /// happen. Notes, priorities, assignments and takeovers leave it as it is.
    #[schema(value_type = String, format = DateTime)]
    #[serde(serialize_with = "crate::api::instant::serialize")]
    pub last_activity_at: Timestamp,
}

#[cfg(test)]
mod tests {
    use utoipa::IntoParams;

    use super::*;
    use crate::api::{MAX_CURSOR_CHARS, MAX_NAME_CHARS, TicketCountQuery};

    /// A query string as the service reads it (`ApiQuery`).
    fn read<T: serde::de::DeserializeOwned>(query: &str) -> Result<T, String> {
        serde_urlencoded::from_str(&crate::api::gather_repeated(query)).map_err(|e| e.to_string())
    }

    #[test]
    fn a_ticket_cursor_is_read_back_only_for_its_sort_and_only_with_a_real_time() {
        let activity = "2026-11-21T12:00:01.500000Z";
        let at: Timestamp = activity.parse().unwrap();
        for sort in [
            TicketSort::ActivityNewest,
            TicketSort::ActivityOldest,
            TicketSort::CreatedNewest,
            TicketSort::CreatedOldest,
        ] {
            let cursor = write_ticket_cursor(sort, activity, 10036);
            assert_eq!(
                read_ticket_cursor(sort, &cursor),
                Some((at, 10036)),
                "{cursor}"
            );
            let shape = cursor.replace(activity, "{}");
            for malformed in [
                "2026-13-45T99:99:99Z",
                "9999-99-99T00:00:00Z",
                "2026-02-30T00:00:00Z",
                "2026-11-21",
                "2026-11-21T12:00:01.500000Z junk",
            ] {
                let cursor = shape.replace("{}", malformed);
                assert_eq!(read_ticket_cursor(sort, &cursor), None, "{cursor}");
            }
            for malformed in [
                "zzzz|1",
                "",
                "|",
                "2026-11-21T12:00:00Z|",
                "2026-11-21T12:00:00Z|x",
            ] {
                assert_eq!(read_ticket_cursor(sort, malformed), None, "{malformed}");
            }
        }
        let newest = write_ticket_cursor(TicketSort::ActivityNewest, activity, 1);
        assert_eq!(
            read_ticket_cursor(TicketSort::ActivityOldest, &newest),
            None
        );
    }

    #[test]
    fn the_list_and_the_counts_read_the_same_filters_repeated_field_included() {
        let filters = "view=unassigned&priority=high&team=billing&q=refund%20please\
            &created_since=2026-03-29T00:00:00Z&field=plan=pro&field=seats%3D5";
        let list: TicketQuery = read(&format!("{filters}&limit=5&sort=created")).unwrap();
        assert_eq!(list.view, Some(TicketView::Unassigned));
        assert_eq!(list.priority, Some(Priority::High));
        assert_eq!(list.team.as_deref(), Some("billing"));
        assert_eq!(list.q.as_deref(), Some("refund please"));
        let conditions: Vec<String> = list.field.iter().map(ToString::to_string).collect();
        assert_eq!(conditions, ["plan=pro", "seats=5"]);
        assert_eq!(
            (list.limit, list.sort),
            (Some(5), Some(TicketSort::CreatedOldest))
        );
        let counts: TicketCountQuery = read(&format!("by=team&{filters}")).unwrap();
        assert_eq!(counts.by, TicketCountBy::Team);
        assert_eq!(
            counts.filters(),
            TicketQuery {
                limit: None,
                sort: None,
                ..list.clone()
            }
        );
        assert_eq!(
            TicketCountQuery::filtered(TicketCountBy::Team, list),
            counts
        );
        // Each takes its own parameters only, and a filter's value is checked.
        for refused in ["by=team&limit=5", "by=team&cursor=x", "by=team&mood=1"] {
            assert!(read::<TicketCountQuery>(refused).is_err(), "{refused}");
        }
        for refused in ["by=team", "mood=1", "limit=many", "field=plan"] {
            assert!(read::<TicketQuery>(refused).is_err(), "{refused}");
        }
    }

    #[test]
    fn the_list_and_the_counts_document_the_same_filters() {
        let documented = |params: Vec<utoipa::openapi::path::Parameter>, own: &[&str]| {
            let filters: Vec<serde_json::Value> = params
                .into_iter()
                .filter(|param| !own.contains(&param.name.as_str()))
                .map(|param| serde_json::to_value(param).unwrap())
                .collect();
            filters
        };
        let list = documented(
            TicketQuery::into_params(|| None),
            &["sort", "limit", "cursor"],
        );
        let counts = documented(TicketCountQuery::into_params(|| None), &["by"]);
        assert_eq!(list.len(), 12);
        assert_eq!(list, counts);
        assert!(list.iter().all(|param| param["in"] == "query"));
    }

    #[test]
    fn the_documented_longest_search_text_is_the_one_refused_past() {
        let params = TicketQuery::into_params(|| None)
            .into_iter()
            .chain(TicketCountQuery::into_params(|| None));
        let mut checked = 0;
        for param in params.filter(|p| ["q", "requester"].contains(&p.name.as_str())) {
            let schema = serde_json::to_value(&param.schema).unwrap();
            assert_eq!(schema["maxLength"], MAX_SEARCH_CHARS, "{}", param.name);
            checked += 1;
        }
        assert_eq!(checked, 4);
        let query = TicketQuery {
            q: Some("é".repeat(MAX_SEARCH_CHARS)),
            requester: Some("a".repeat(MAX_SEARCH_CHARS + 1)),
            ..TicketQuery::default()
        };
        let problems = query.text_problems();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].field, "requester");
    }

    #[test]
    fn the_documented_longest_name_and_cursor_are_the_ones_refused_past() {
        use crate::api::{HandoffQuery, OutboxQuery, PageQuery};
        let params = TicketQuery::into_params(|| None)
            .into_iter()
            .chain(TicketCountQuery::into_params(|| None))
            .chain(HandoffQuery::into_params(|| None))
            .chain(PageQuery::into_params(|| None))
            .chain(OutboxQuery::into_params(|| None));
        let (mut names, mut cursors) = (0, 0);
        for param in params {
            let schema = serde_json::to_value(&param.schema).unwrap();
            match param.name.as_str() {
                "assignee" | "team" | "agent" => {
                    assert_eq!(schema["maxLength"], MAX_NAME_CHARS, "{}", param.name);
                    names += 1;
                }
                "cursor" => {
                    assert_eq!(schema["maxLength"], MAX_CURSOR_CHARS);
                    cursors += 1;
                }
                _ => {}
            }
        }
        assert_eq!((names, cursors), (7, 4));
        let longest = TicketQuery {
            assignee: Some("a".repeat(MAX_NAME_CHARS)),
            team: Some("é".repeat(MAX_NAME_CHARS)),
            cursor: Some("1".repeat(MAX_CURSOR_CHARS)),
            ..TicketQuery::default()
        };
        assert!(longest.text_problems().is_empty());
        let too_long = TicketQuery {
            assignee: Some("a".repeat(MAX_NAME_CHARS + 1)),
            team: Some("é".repeat(MAX_NAME_CHARS + 1)),
            agent: Some("k".repeat(MAX_NAME_CHARS + 1)),
            cursor: Some("1".repeat(MAX_CURSOR_CHARS + 1)),
            ..TicketQuery::default()
        };
        let fields: Vec<String> = too_long
            .text_problems()
            .into_iter()
            .map(|problem| problem.field)
            .collect();
        assert_eq!(fields, ["assignee", "team", "agent", "cursor"]);
        let handoffs = HandoffQuery {
            agent: Some("k".repeat(MAX_NAME_CHARS + 1)),
            cursor: Some("1".repeat(MAX_CURSOR_CHARS + 1)),
            ..HandoffQuery::default()
        };
        assert_eq!(handoffs.text_problems().len(), 2);
    }

    #[test]
    fn filters_no_ticket_of_the_view_can_match_are_named() {
        let query = |view, assignee: Option<&str>, status| TicketQuery {
            view: Some(view),
            assignee: assignee.map(str::to_string),
            status,
            ..TicketQuery::default()
        };
        let fields = |query: TicketQuery, me| -> Vec<String> {
            query
                .contradictions(me)
                .into_iter()
                .map(|e| e.field)
                .collect()
        };
        use TicketStatus::{Open, Pending, Resolved};
        use TicketView::{All, Mine, Unassigned};
        assert_eq!(
            fields(query(Unassigned, Some("bob"), None), None),
            ["assignee"]
        );
        assert_eq!(
            fields(query(Mine, Some("bob"), None), Some("alice")),
            ["assignee"]
        );
        for status in [Open, Pending] {
            assert_eq!(
                fields(query(TicketView::Resolved, None, Some(status)), None),
                ["status"]
            );
        }
        assert_eq!(
            fields(query(TicketView::Resolved, Some("bob"), Some(Open)), None),
            ["status"]
        );
        let message = &query(Unassigned, Some("bob"), None).contradictions(None)[0].message;
        assert!(
            message.contains("bob's") && message.contains("all view"),
            "{message}"
        );
        // What some ticket can match is no contradiction.
        for fine in [
            query(Mine, Some("alice"), None),
            query(Unassigned, None, Some(Resolved)),
            query(TicketView::Resolved, Some("bob"), Some(Resolved)),
            query(All, Some("bob"), Some(Open)),
        ] {
            assert_eq!(
                fields(fine.clone(), Some("alice")),
                Vec::<String>::new(),
                "{fine:?}"
            );
        }
    }
}
