//! The storage seam: everything the service asks of its database, as traits
//! with one implementation per database: [`sqlite`] for the local desk and
//! `--desk` files, [`postgres`] for a team's service and its replicas. Each
//! keeps its own migrations and uses its own database's strengths; both pass
//! one test suite. All SQL lives behind these traits: nothing above the store
//! builds a query or sees a database type.
//!
//! Decisions are not made here: a method that must decide under its lock (a
//! handoff's assignment, a ticket change, a configuration change) takes the
//! decision as a function from the domain, and only stores what it returns.

mod feed;
pub mod group_commit;
pub mod postgres;
mod rows;
mod shared;
pub mod sqlite;
mod token_uses;

use std::fmt;
use std::ops::Deref;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use async_trait::async_trait;
use jiff::Timestamp;

use crate::api::{
    Channel, Event, Handoff, HandoffDecision, HandoffQuery, HandoffRequest, IntegrationKind,
    OutboxKind, OutboxMessage, OutboxQuery, Priority, Role, Ticket, TicketCountBy, TicketDetail,
    TicketStatus, Token, TokenKind,
};
use crate::domain::Refusal;
use crate::domain::assignment::{Loads, TeamState};
use crate::domain::external::{ExternalEvent, ExternalState};
use crate::domain::tickets::{NewEntry, NewTicket, Origin, TicketChange};
use crate::domain::workspace::document::Sealing;
use crate::domain::workspace::{SealedAway, Snapshot};
use crate::server::sealing::{self, Keys, SealError};

/// Why a store operation did not happen. Nothing was written when one is returned.
#[derive(Debug, Clone, thiserror::Error)]
pub enum StoreError {
    #[error("{what} '{key}' does not exist")]
    NotFound { what: &'static str, key: String },
    #[error("{what} '{key}' already exists")]
    AlreadyExists { what: &'static str, key: String },
    /// A value names something that does not exist, e.g. an unknown team.
    #[error("{field}: {what} '{key}' does not exist")]
    UnknownReference {
        field: &'static str,
        what: &'static str,
        key: String,
    },
    /// The change would break a rule, e.g. an idempotency key reused.
    #[error("{detail}")]
    Conflict { code: &'static str, detail: String },
    /// The decision the change was made with refused it.
    #[error(transparent)]
    Refused(#[from] crate::domain::Refusal),
    /// The workspace's configuration changed since the caller read `expected`.
    #[error(
        "the workspace changed since revision {expected} (it is at revision {current} now); \
         nothing was applied"
    )]
    StaleRevision { expected: u64, current: u64 },
    /// The desk to open does not exist.
    #[error("{0}")]
    Missing(String),
    /// The database was made by a newer deskctl, is not a desk, or cannot
    /// have its schema brought up to date while another process has it open.
    #[error("{0}")]
    Incompatible(String),
    /// The database refused the connection (credentials, no such database,
    /// a malformed URL) or the schema (a role without the rights to create
    /// it): the message names what to fix.
    #[error("{0}")]
    Connect(String),
    /// The database cannot answer now (busy, or unreachable): try again.
    #[error("{0}")]
    Unavailable(String),
    /// The disk holding a SQLite desk is full: nothing was written, and
    /// writes fail until space is freed there ([`StoreError::disk_full`]).
    #[error("{0}")]
    DiskFull(String),
    /// The SQLite desk can be read but not written: its file, or the
    /// directory holding it, is read-only to this user
    /// ([`StoreError::read_only`]). No retry mends it.
    #[error("{0}")]
    ReadOnly(String),
    /// The SQLite desk file was removed or replaced while it was open:
    /// writes to it would be lost, so none is made.
    #[error("{0}")]
    DeskReplaced(String),
    #[error("database error: {0}")]
    Database(String),
    #[error("could not read stored value: {0}")]
    Corrupt(String),
    /// A secret could not be sealed or opened: no key, or not the right one.
    #[error("{0}")]
    Sealing(String),
}

impl StoreError {
    /// Nothing, when a row was `found`; otherwise `UnknownReference` to the
    /// `what` named `key`, given in `field`.
    pub(crate) fn unless_found<T>(
        found: Option<T>,
        field: &'static str,
        what: &'static str,
        key: &str,
    ) -> StoreResult<()> {
        match found {
            Some(_) => Ok(()),
            None => Err(StoreError::UnknownReference {
                field,
                what,
                key: key.to_string(),
            }),
        }
    }

    /// SQLite's "database or disk is full", said of the desk at `path` once
    /// it is known (the store's write paths name it).
    pub(crate) fn disk_full(path: Option<&std::path::Path>) -> StoreError {
        let desk = match path {
            Some(path) => format!("the desk at {}", path.display()),
            None => "the desk".to_string(),
        };
        StoreError::DiskFull(format!(
            "the disk holding {desk} is full: nothing was written; free space there, then \
             try again"
        ))
    }

    /// SQLite's "attempt to write a readonly database", said of the desk at
    /// `path` once it is known (the store's write paths name it).
    pub(crate) fn read_only(path: Option<&std::path::Path>) -> StoreError {
        let desk = match path {
            Some(path) => format!("the desk at {}", path.display()),
            None => "the desk".to_string(),
        };
        StoreError::ReadOnly(format!(
            "{desk} is read-only to this user: nothing was written; give the user write \
             access to the desk file, its `-wal` and `-shm` files and their directory, then \
             try again (restart `deskctl serve` on it)"
        ))
    }

    /// An idempotency key already taken by a different `what` (a handoff,
    /// an append).
    pub fn key_reused(key: &str, what: &str) -> StoreError {
        StoreError::Conflict {
            code: "idempotency_key_reused",
            detail: format!(
                "idempotency key '{key}' was used for a different {what}; \
                 use a new key for a new {what}"
            ),
        }
    }
}

/// A write made safe to send again with an `Idempotency-Key`: the key, and
/// the SHA-256 of what was asked with it, which tells a replay from a key
/// reused for something else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdempotencyKey {
    pub key: String,
    pub request_sha256: String,
}

/// Whether a write with idempotency key `key`, asking what hashes to
/// `request_sha256`, replays the first write made with that key, which asked
/// what hashed to `first_sha256`: `Ok` when it asks the same, refused as the
/// key reused for a different `what` when it does not.
pub fn check_replay(
    key: &str,
    request_sha256: &str,
    first_sha256: &str,
    what: &str,
) -> StoreResult<()> {
    if request_sha256 != first_sha256 {
        return Err(StoreError::key_reused(key, what));
    }
    Ok(())
}

pub type StoreResult<T> = Result<T, StoreError>;

/// The first ticket number of a desk.
pub const FIRST_TICKET_NUMBER: u64 = 10001;

/// Who is listing tickets: operators see only their own and their teams' unassigned ones.
#[derive(Debug, Clone)]
pub enum Viewer {
    Everyone,
    Operator(String),
}

/// A resolved ticket query, with times already in stored form.
#[derive(Debug, Clone)]
pub struct TicketFilter {
    pub view: crate::api::TicketView,
    /// The caller, for the `mine` view.
    pub me: Option<String>,
    pub viewer: Viewer,
    pub status: Option<TicketStatus>,
    pub priority: Option<Priority>,
    pub assignee: Option<String>,
    pub team: Option<String>,
    pub channel: Option<Channel>,
    pub agent: Option<String>,
    pub requester: Option<String>,
    pub text: Option<String>,
    pub created_since: Option<String>,
    pub updated_since: Option<String>,
    /// Ticket fields and the value each must hold, converted to the field's
    /// type as a handoff's would be.
    pub fields: Vec<(String, serde_json::Value)>,
    /// The order of the pages.
    pub sort: crate::api::TicketSort,
    /// `(last_activity_at, number)` of the last ticket of the previous page
    /// (in stored form; ordered by creation, the number alone counts).
    pub after: Option<(String, u64)>,
}

/// A page of tickets as the API writes them. The store writes each ticket's
/// JSON itself: on SQLite straight from its row, without building a
/// [`Ticket`] to serialize and drop (for `tickets list --all -o jsonl`, 40% of
/// the CPU time was those three steps).
#[derive(Debug, Clone, PartialEq)]
pub struct TicketPage {
    /// The page's tickets as JSON lines: each byte for byte as a `Ticket`
    /// serializes, then `\n` (compact JSON holds no line break).
    pub items: Vec<u8>,
    /// How many tickets `items` holds.
    pub len: usize,
    /// When more tickets follow: `(last_activity_at, number)` of the page's
    /// last ticket, in stored form, where the next page starts.
    pub next_after: Option<(String, u64)>,
}

impl TicketPage {
    /// The page of `tickets`, read as up to `limit + 1`: one more than
    /// `limit` says that more follow.
    pub fn of(mut tickets: Vec<Ticket>, limit: u32) -> StoreResult<TicketPage> {
        let next_after = match tickets.len() > limit as usize {
            true => {
                tickets.truncate(limit as usize);
                tickets
                    .last()
                    .map(|t| (stored_time(t.last_activity_at), t.number))
            }
            false => None,
        };
        let mut items = Vec::with_capacity(512 * tickets.len());
        for ticket in &tickets {
            serde_json::to_writer(&mut items, ticket)
                .map_err(|e| StoreError::Corrupt(format!("a ticket does not serialize: {e}")))?;
            items.push(b'\n');
        }
        Ok(TicketPage {
            items,
            len: tickets.len(),
            next_after,
        })
    }

    /// The page's tickets, decoded.
    pub fn tickets(&self) -> serde_json::Result<Vec<Ticket>> {
        serde_json::Deserializer::from_slice(&self.items)
            .into_iter()
            .collect()
    }
}

impl TicketFilter {
    /// Every ticket `viewer` may see, in the `all` view: where a narrower
    /// filter starts (`TicketFilter { text: …, ..TicketFilter::everything(…) }`).
    pub fn everything(viewer: Viewer) -> Self {
        TicketFilter {
            view: crate::api::TicketView::All,
            me: None,
            viewer,
            status: None,
            priority: None,
            assignee: None,
            team: None,
            channel: None,
            agent: None,
            requester: None,
            text: None,
            created_since: None,
            updated_since: None,
            fields: Vec::new(),
            sort: crate::api::TicketSort::ActivityNewest,
            after: None,
        }
    }
}

/// A handoff to record.
#[derive(Debug, Clone)]
pub struct HandoffWrite {
    pub id: String,
    pub idempotency_key: Option<String>,
    /// The ingest token that sends it; none for a person.
    pub sent_by: Option<String>,
    /// SHA-256 of the request body, to tell a replay from a reused key.
    pub request_sha256: String,
    pub request: HandoffRequest,
    /// The team whose members the assignment is chosen from.
    pub team: Option<String>,
    /// When it was taken in: the handoff's instant, and its ticket's, as
    /// the pipeline decided it (business hours, the timeline's entries).
    pub at: Timestamp,
}

/// What a handoff comes to, decided under the write lock.
pub struct Finished {
    pub decision: HandoffDecision,
    /// The inbox ticket to create (outcome `ticket`).
    pub ticket: Option<NewTicket>,
    /// The delivery to an external platform to queue (outcome `external`).
    pub delivery: Option<NewOutbound>,
    /// The messages to send about the new ticket, once its number is known.
    pub notices: Option<Box<dyn FnOnce(u64) -> Vec<NewOutbound> + Send>>,
}

/// What recording a write did: a handoff, or a ticket change.
#[derive(Debug, Clone)]
pub enum Recorded<T = Handoff> {
    /// New: the handoff (and its ticket) now exist; the ticket is changed.
    Created(T),
    /// The idempotency key was accepted before: the first result (for a
    /// ticket change, the ticket as it stands), nothing new.
    Replayed(T),
}

impl<T> Recorded<T> {
    /// What was recorded, new or replayed.
    pub fn into_inner(self) -> T {
        match self {
            Recorded::Created(value) | Recorded::Replayed(value) => value,
        }
    }
}

/// A message to queue.
#[derive(Debug, Clone, PartialEq)]
pub struct NewOutbound {
    pub kind: OutboxKind,
    pub ticket: Option<u64>,
    pub description: String,
    /// JSON text, sent as it is (a webhook's body is signed byte for byte).
    pub payload: String,
    /// Where the message goes, as ordering tells places apart (`webhook`,
    /// `email:<recipient>`, `integration:<kind>`): a ticket's messages to one
    /// destination go out in the order they were queued.
    pub destination: String,
    /// For an external delivery: the platform, and the handoff it delivers.
    pub integration: Option<IntegrationKind>,
    pub handoff: Option<String>,
    /// For an email about a ticket: the local part of its Message-ID,
    /// recorded with the message so a reply that references it joins the ticket.
    pub thread: Option<String>,
    /// The id it goes out with (a webhook's `X-Desk-Delivery`, an email's
    /// Message-ID local part), by which `/v1/outbox/{id}` finds it too.
    pub delivery_id: Option<String>,
}

/// A ticket change, the timeline entries it appends and the messages it sends.
pub type SendingChange = (TicketChange, Vec<NewEntry>, Vec<NewOutbound>);

/// A message a worker claimed: no other worker takes it until the lease runs out.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub id: u64,
    pub kind: OutboxKind,
    pub ticket: Option<u64>,
    pub description: String,
    pub payload: String,
    /// Attempts made, this one included, ever (a retry by hand keeps counting).
    pub attempts: u32,
    /// Attempts made before the message was last queued again by hand: the
    /// retry policy counts only those since.
    pub requeued_after: u32,
    pub lease_owner: String,
    pub integration: Option<IntegrationKind>,
    pub handoff: Option<String>,
    /// JSON: the steps earlier attempts completed (external deliveries).
    pub progress: Option<String>,
}

/// What a settled message leaves on its ticket: `entry` on its timeline
/// and, with `then`, a change that follows from it, decided on the ticket as
/// the settling transaction sees it (a reply the customer never got puts the
/// ticket back in the queue).
pub struct TicketNote {
    pub entry: NewEntry,
    pub then: Option<ReleaseFn<'static>>,
}

impl TicketNote {
    pub fn new(entry: NewEntry) -> TicketNote {
        TicketNote { entry, then: None }
    }
}

impl std::fmt::Debug for TicketNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TicketNote")
            .field("entry", &self.entry)
            .field("then", &self.then.is_some())
            .finish()
    }
}

/// What an attempt at an external delivery leaves for the handoff.
#[derive(Debug, Clone, PartialEq)]
pub struct ExternalSettle {
    /// The steps completed so far, kept for the next attempt.
    pub progress: String,
    /// The ticket made, once delivered: its id and link.
    pub ticket: Option<(String, Option<String>)>,
    /// A delivery webhook to queue with the outcome (delivered or dead) in the
    /// same transaction: the AI agent platform learns what became of its handoff.
    pub event: Option<NewOutbound>,
}

/// How an attempt settles a claimed message.
#[derive(Debug, Clone, PartialEq)]
pub enum Settle {
    Delivered,
    /// Try again at `at`.
    Retry {
        at: Timestamp,
        error: String,
    },
    /// Give up: a permanent error, or the last attempt failed.
    Dead {
        error: String,
    },
}

/// A token to insert; `secret_sha256` is the hex SHA-256 of the secret.
#[derive(Debug, Clone)]
pub struct NewToken {
    pub id: String,
    pub name: String,
    pub kind: TokenKind,
    pub operator: Option<String>,
    pub secret_sha256: String,
    pub hint: String,
}

/// What a presented token authenticates as.
#[derive(Debug, Clone)]
pub struct TokenIdentity {
    pub id: String,
    pub kind: TokenKind,
    pub operator: Option<String>,
    /// The operator's current role (not the role when the token was made).
    pub role: Option<Role>,
    pub last_used_at: Option<Timestamp>,
}

/// How a database that cannot be reached is said before the store knows
/// which it is; a backend's `explained` names it (see
/// [`seam_by_inherent_methods`]).
pub(crate) const DATABASE_UNREACHABLE: &str = "the database cannot be reached";

/// SQLite's result code for "database or disk is full" (`SQLITE_FULL`), as
/// sqlx gives it: PostgreSQL's codes are five characters, never this.
const SQLITE_FULL: &str = "13";

/// SQLite's primary result code for "attempt to write a readonly database"
/// (`SQLITE_READONLY`); sqlx gives the extended code, whose low byte it is.
const SQLITE_READONLY: i32 = 8;

/// Whether `code`, a result code as sqlx gives it, is SQLite's
/// `SQLITE_READONLY` or one of its extended codes. PostgreSQL's codes are
/// five characters, never a SQLite code.
fn is_sqlite_read_only(code: &str) -> bool {
    code.len() < 5
        && code
            .parse::<i32>()
            .is_ok_and(|code| code & 0xff == SQLITE_READONLY)
}

/// PostgreSQL's `disk_full`: the server could not extend a file.
const POSTGRES_DISK_FULL: &str = "53100";

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        match &error {
            sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => {
                StoreError::Unavailable(format!("{DATABASE_UNREACHABLE}: {error}"))
            }
            sqlx::Error::Database(db) if db.code().as_deref() == Some(SQLITE_FULL) => {
                StoreError::disk_full(None)
            }
            sqlx::Error::Database(db) if db.code().as_deref().is_some_and(is_sqlite_read_only) => {
                StoreError::read_only(None)
            }
            sqlx::Error::Database(db) if db.code().as_deref() == Some(POSTGRES_DISK_FULL) => {
                StoreError::DiskFull(format!(
                    "the database server's disk is full ({}): nothing was written; free \
                     space there, then try again",
                    db.message()
                ))
            }
            sqlx::Error::Database(db)
                if db.message().contains("locked") || db.message().contains("busy") =>
            {
                StoreError::Unavailable("the desk database is busy; try again".into())
            }
            // A server starting up, shutting down or out of connection slots
            // (a connection the pool opens, or one ended under a query).
            sqlx::Error::Database(db)
                if db
                    .code()
                    .as_deref()
                    .is_some_and(postgres::is_temporary_refusal) =>
            {
                StoreError::Unavailable(format!(
                    "the database cannot take the request now: {}",
                    db.message()
                ))
            }
            // PostgreSQL gave up one of two transactions waiting for each other
            // (e.g. an operator removed while a ticket is assigned to them):
            // nothing was written, and the same request again succeeds.
            sqlx::Error::Database(db)
                if matches!(db.code().as_deref(), Some("40P01" | "40001")) =>
            {
                StoreError::Unavailable(format!(
                    "the database gave up a conflicting change; try again ({})",
                    db.message()
                ))
            }
            // The server's message alone: sqlx's text of it ends in the line of
            // PostgreSQL's own C source that raised it ("at line 3655").
            sqlx::Error::Database(db) => StoreError::Database(db.message().to_string()),
            _ => StoreError::Database(error.to_string()),
        }
    }
}

/// An event to record in the same transaction as the change it describes.
#[derive(Debug, Clone)]
pub struct NewEvent {
    /// Who may see it, as who may see this ticket (none: owners and managers).
    pub ticket: Option<u64>,
    pub team: Option<String>,
    pub assignee: Option<String>,
    /// The ticket's assignee before the change.
    pub previous_assignee: Option<String>,
    /// The ticket's team before the change.
    pub previous_team: Option<String>,
    /// The event as the stream sends it; its id is given when it is recorded.
    pub event: Event,
}

/// Where the event log stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EventBounds {
    /// The last id given out (0: none yet).
    pub last: u64,
    /// Every event up to this id has been pruned.
    pub pruned_through: u64,
}

/// Events read after an id.
#[derive(Debug, Clone, PartialEq)]
pub struct EventPage {
    pub events: Vec<Event>,
    /// Read up to this id: the next read goes on after it, past events the
    /// viewer may not see.
    pub through: u64,
}

/// A configuration change: the next workspace from the current one.
pub type WorkspaceChange<'a> = Box<dyn FnOnce(&mut Snapshot) -> Result<(), Refusal> + Send + 'a>;

/// What a configuration change took from the operators it removed, counted
/// in its transaction, by handle: their open and pending tickets, left
/// unassigned, and their tokens, revoked. An operator who held nothing is
/// not listed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Released {
    pub tickets: std::collections::BTreeMap<String, u64>,
    pub tokens: std::collections::BTreeMap<String, u64>,
}

impl Released {
    /// Counts `count` more of what `handle` held in `held`, if any.
    pub(crate) fn add(
        held: &mut std::collections::BTreeMap<String, u64>,
        handle: &str,
        count: u64,
    ) {
        if count > 0 {
            *held.entry(handle.to_string()).or_default() += count;
        }
    }
}

/// Where the open and pending tickets of a team that a configuration change
/// removes go, decided in the change's transaction (`domain::tickets::
/// team_leaving`): given the team, how many such tickets it holds there, and
/// the workspace after the change, the team they move to, or none (left
/// without a team); or the change is refused and nothing is written.
pub type LeavingTeam<'a> =
    Box<dyn FnMut(&str, u64, &Snapshot) -> Result<Option<String>, Refusal> + Send + 'a>;

/// A ticket change: decided on the ticket as the write transaction sees it,
/// and the time of its last conversation message (customer or AI; none
/// before the first), read in the same transaction so that an append is
/// ordered after what is stored. It owns what it uses: SQLite runs it on its
/// writer's thread, in a transaction shared with the writes queued beside it.
pub type TicketChangeFn =
    Box<dyn FnOnce(&Ticket, Option<Timestamp>) -> StoreResult<SendingChange> + Send>;

/// A support-inbox email's change to its ticket, and whether the email is the
/// customer's own: only those are named to the customer in a reply's thread
/// ([`Tickets::inbound_message_ids`]); a note's or an automatic reply's id
/// is not.
pub type InboundReplyFn = Box<dyn FnOnce(&Ticket) -> StoreResult<(SendingChange, bool)> + Send>;

/// Completes a handoff's decision from its team's assignment state.
pub type FinishHandoff = Box<dyn FnOnce(&TeamState) -> Finished + Send>;

/// Handoffs to record in one transaction, in order.
pub type HandoffBatch = Vec<(HandoffWrite, FinishHandoff)>;

/// A batch of handoffs committed, answered once it is durable.
pub type CommittedBatch = group_commit::Committed<Recorded>;

/// Makes the ticket an inbound email opens from its team's assignment state
/// (on SQLite's writer's thread, as a [`TicketChangeFn`]).
pub type FinishInbound = Box<dyn FnOnce(&TeamState) -> NewTicket + Send>;

/// What taking a ticket from a removed operator (or moving it out of a
/// removed team) changes and records.
pub type ReleaseFn<'a> = Box<dyn Fn(&Ticket) -> (TicketChange, Vec<NewEntry>) + Send + Sync + 'a>;

/// Whose open and pending tickets [`Tickets::release_tickets`] takes: an
/// operator being removed (their assigned tickets), or a team (its tickets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holder<'a> {
    Operator(&'a str),
    Team(&'a str),
}

impl<'a> Holder<'a> {
    /// The tickets' column that names the holder, and its value.
    pub(crate) fn column(self) -> (&'static str, &'a str) {
        match self {
            Holder::Operator(handle) => ("assignee", handle),
            Holder::Team(key) => ("team_key", key),
        }
    }
}

/// How a webhook event moves a handoff's external state
/// (`domain::external::apply`).
pub type Advance = fn(ExternalState, &ExternalEvent) -> ExternalState;

/// The workspace's configuration, read and changed as one value.
#[async_trait]
pub trait Workspace: Send + Sync {
    /// Moves on with every change to the workspace: a cheap read that says
    /// whether a cached snapshot is still current.
    async fn generation(&self) -> StoreResult<u64>;

    /// The whole configuration, as one consistent snapshot.
    async fn read_workspace(&self) -> StoreResult<Snapshot>;

    /// Changes the configuration in one write transaction, serialized with
    /// every other configuration change (across processes and replicas):
    /// `change` turns the workspace as the transaction sees it into the next
    /// one, or refuses and nothing is written. With `expected`, refused as
    /// stale unless the revision is still that one. The open and pending
    /// tickets of each team it removes are counted, and moved where `leaving`
    /// says, in the same transaction: none is routed to the team in between.
    /// The revision moves on when configuration changed, the generation when
    /// anything did. Answers the workspace after the change, and what the
    /// operators it removed held (released in the same transaction).
    async fn change_workspace(
        &self,
        expected: Option<u64>,
        change: WorkspaceChange<'_>,
        leaving: LeavingTeam<'_>,
    ) -> StoreResult<(Snapshot, Released)>;
}

/// API tokens, stored only as hashes.
#[async_trait]
pub trait Tokens: Send + Sync {
    /// Tokens oldest first (by creation time, then id), after the one
    /// created at `after`'s time with its id.
    async fn list_tokens(
        &self,
        after: Option<(Timestamp, &str)>,
        limit: u32,
    ) -> StoreResult<Vec<Token>>;
    async fn create_token(&self, new: NewToken) -> StoreResult<Token>;
    async fn delete_token(&self, id: &str) -> StoreResult<()>;
    /// The token whose secret hashes to `secret_sha256`, with whom it acts as.
    async fn find_token(&self, secret_sha256: &str) -> StoreResult<Option<TokenIdentity>>;
    /// Records that a token was used now.
    async fn touch_token(&self, id: &str) -> StoreResult<()>;
    /// The stored SHA-256 of ingest token `id`'s secret, which its
    /// requester-scoped credentials are signed over, so revoking the ingest
    /// token revokes them. `None` when there is no such ingest token.
    async fn ingest_token_hash(&self, id: &str) -> StoreResult<Option<String>>;
}

/// Tickets, their timelines, and the assignment state read with them.
#[async_trait]
pub trait Tickets: Send + Sync {
    /// A page of at most `limit` tickets matching `filter`, newest activity
    /// first, as the API writes them.
    async fn list_tickets(&self, filter: &TicketFilter, limit: u32) -> StoreResult<TicketPage>;
    /// How many tickets matching `filter` have each value of `by`; `None` is
    /// the group without a value.
    async fn ticket_counts(
        &self,
        filter: &TicketFilter,
        by: TicketCountBy,
    ) -> StoreResult<Vec<(Option<String>, u64)>>;
    /// A ticket with its whole timeline, in order.
    async fn get_ticket(&self, number: u64) -> StoreResult<TicketDetail>;
    /// At most `limit` of a customer's tickets, by external id or email,
    /// newest (highest number) first, numbered below `before` when given;
    /// with `sent_by`, only those that ingest token's handoffs opened.
    async fn requester_tickets(
        &self,
        id: &str,
        sent_by: Option<&str>,
        before: Option<u64>,
        limit: u32,
    ) -> StoreResult<Vec<Ticket>>;
    /// Where ticket `number` came from: the ingest token that sent the
    /// handoff that opened it, if one did.
    async fn ticket_origin(&self, number: u64) -> StoreResult<Origin>;
    /// Every operator as assignment sees them, and each team's round-robin
    /// position: what assignment needs under any membership (what-if).
    async fn assignment_loads(&self) -> StoreResult<Loads>;
    /// The assignment state of `team`, read outside any write (previews).
    async fn team_state(&self, team: Option<&str>) -> StoreResult<TeamState>;
    /// Changes a ticket under the write lock: `change` sees the current ticket
    /// and returns the update, the timeline entries to append and the
    /// messages to queue, or refuses. Answers the ticket after the change.
    /// With `once`, a key seen before answers the ticket as it stands and
    /// changes nothing (refused unless its request was the same); a change
    /// made is kept with its key in the same transaction.
    async fn change_ticket(
        &self,
        number: u64,
        once: Option<IdempotencyKey>,
        change: TicketChangeFn,
    ) -> StoreResult<Recorded<Ticket>>;
    /// Opens a ticket for a support-inbox email exactly once per message id:
    /// its number, and whether it was created now.
    async fn record_inbound_email(
        &self,
        message_id: &str,
        digest: &str,
        team: Option<&str>,
        finish: FinishInbound,
    ) -> StoreResult<(u64, bool)>;
    /// Takes the open and pending tickets of `holder` (an operator's, or a
    /// team's) in one write transaction: `release` decides each one's change
    /// and entries (`domain::tickets::released`, `team_moved`). Answers how
    /// many tickets it changed.
    async fn release_tickets(&self, holder: Holder<'_>, release: ReleaseFn<'_>)
    -> StoreResult<u64>;
    /// The ticket the first of `ids` (bare message ids, nearest first) belongs
    /// to: a message the support inbox received, or one the desk sent (by its
    /// Message-ID's local part).
    async fn find_email_thread(&self, ids: &[String]) -> StoreResult<Option<u64>>;
    /// The message ids of the last `limit` support-inbox emails on ticket
    /// `number` that were the customer's own (the email that opened it, and
    /// the replies [`Self::record_inbound_reply`] was told were), oldest
    /// first, as they were recorded (`<id>`).
    async fn inbound_message_ids(&self, number: u64, limit: usize) -> StoreResult<Vec<String>>;
    /// Adds a support-inbox email to ticket `number` exactly once per message
    /// id: `change` decides on the ticket as the write transaction sees it,
    /// and whether the email is the customer's own. Answers the ticket's
    /// number (the first one's, for a message id seen before) and whether the
    /// email was added now.
    async fn record_inbound_reply(
        &self,
        message_id: &str,
        digest: &str,
        number: u64,
        change: InboundReplyFn,
    ) -> StoreResult<(u64, bool)>;
}

/// Handoffs: each accepted exactly once, with what it created.
#[async_trait]
pub trait Handoffs: Send + Sync {
    /// Commits a batch of handoffs in one transaction, in order, each exactly
    /// once and in a savepoint of its own, answering for each. An idempotency
    /// key seen before (earlier in the batch too) returns the first result;
    /// otherwise `finish` completes the decision from the team's assignment
    /// state read in the same transaction (so each sees the assignments and
    /// ticket numbers of those before it), and the ticket, delivery and
    /// notices it describes are stored with the handoff. A handoff that fails
    /// is rolled back alone; `Err` means the transaction itself failed and
    /// none of the batch was recorded. The results may be given out only once
    /// [`CommittedBatch::durable`] has resolved.
    async fn commit_handoffs(&self, batch: HandoffBatch) -> StoreResult<CommittedBatch>;
    /// [`Self::commit_handoffs`], returning once the batch is durable.
    async fn record_handoffs(
        &self,
        batch: HandoffBatch,
    ) -> StoreResult<Vec<StoreResult<Recorded>>> {
        let committed = self.commit_handoffs(batch).await?;
        if let Some(durable) = committed.durable {
            durable.await?;
        }
        Ok(committed.results)
    }
    async fn get_handoff(&self, id: &str) -> StoreResult<Handoff>;
    /// The ingest token that sent handoff `id`: none for a person, and for a
    /// handoff stored before the sender was.
    async fn handoff_sender(&self, id: &str) -> StoreResult<Option<String>>;
    /// Handoffs newest first, filtered, after the query's cursor.
    async fn list_handoffs(&self, query: &HandoffQuery, limit: u32) -> StoreResult<Vec<Handoff>>;
    /// The handoff accepted with `key`, with its request's SHA-256.
    async fn find_handoff_by_key(&self, key: &str) -> StoreResult<Option<(Handoff, String)>>;
}

/// Messages the desk sends: queued with what causes them, claimed by one
/// worker at a time with a lease that expires if the worker dies.
///
/// One ticket's messages to one destination ([`NewOutbound::destination`])
/// go out in the order they were queued: a message is not claimed while an
/// earlier one of them is pending (backing off, or in flight), nor while a
/// later one is in flight (one queued again by hand after it). A dead message
/// holds up nothing: a person has to act on it. A message that waits is
/// scheduled no earlier than the one it waits for, so that the messages due
/// are (nearly) all claimable and a claim stays a seek.
#[async_trait]
pub trait Outbox: Send + Sync {
    /// Claims the next due message for `owner` until `lease` runs out.
    async fn claim_outbound(
        &self,
        owner: &str,
        lease: std::time::Duration,
    ) -> StoreResult<Option<Claimed>>;
    /// Settles a claimed message, if `claimed.lease_owner` still holds it,
    /// appending `note` to its ticket's timeline, and making the change that
    /// follows from it. Answers whether it did.
    async fn settle_outbound(
        &self,
        claimed: &Claimed,
        settle: &Settle,
        note: Option<TicketNote>,
        external: Option<ExternalSettle>,
    ) -> StoreResult<bool>;
    /// When the first of `ids` that is still queued is due.
    async fn next_due_among(&self, ids: &[u64]) -> StoreResult<Option<Timestamp>>;
    /// When the next queued message that nobody holds and that waits for no
    /// other is due.
    async fn next_outbound_due(&self) -> StoreResult<Option<Timestamp>>;
    /// Messages newest first, filtered, with ids below `before`, each with
    /// the message it waits for as of now, if any; deliveries to integrations
    /// only `with_integrations`.
    async fn list_outbox(
        &self,
        query: &OutboxQuery,
        with_integrations: bool,
        before: Option<u64>,
        limit: u32,
    ) -> StoreResult<Vec<OutboxMessage>>;
    /// One message, with the message it waits for as of now, if any.
    async fn get_outbound(&self, id: u64) -> StoreResult<OutboxMessage>;
    /// The id of the message that went out as `delivery_id` (a webhook's
    /// `X-Desk-Delivery`, an email's Message-ID local part).
    async fn find_outbound(&self, delivery_id: &str) -> StoreResult<u64>;
    /// Queues a dead message again, from its first attempt, or makes a
    /// pending one due now with the earlier ones it waits for.
    async fn retry_outbound(&self, id: u64) -> StoreResult<OutboxMessage>;
}

/// What platforms' webhooks say about the tickets Desk delivered to them.
#[async_trait]
pub trait Webhooks: Send + Sync {
    /// Records a verified webhook once (`replay_digest`, the SHA-256 of what
    /// identifies it, seen again is a replay: `None`, nothing applied again,
    /// nothing written), and moves the external state
    /// of the handoffs its events are about as `advance` says, in order: the
    /// status (an event each move) and the platform's time of the last event
    /// applied. Answers the handoffs whose status changed. In the same transaction, receipts of `kind`
    /// received before `forget_before` are deleted: the platform's own time
    /// window refuses their requests (none: the platform has no window, and
    /// its receipts are kept).
    async fn accept_webhook(
        &self,
        kind: IntegrationKind,
        replay_digest: &str,
        events: &[ExternalEvent],
        advance: Advance,
        forget_before: Option<jiff::Timestamp>,
    ) -> StoreResult<Option<Vec<String>>>;
}

/// The event stream: events are written by the methods that make the changes
/// they record, in the same transaction; this reads and prunes them.
#[async_trait]
pub trait Events: Send + Sync {
    /// The last event id given out, and the last one pruned.
    async fn event_bounds(&self) -> StoreResult<EventBounds>;
    /// The events after `after` that `viewer` may see, oldest first, at most
    /// `limit`, read from one snapshot. An operator gets an event about a
    /// ticket they may see after the change; about one they could see only
    /// before it, a `ticket.hidden` event with its number alone.
    async fn events_after(&self, after: u64, viewer: &Viewer, limit: u32)
    -> StoreResult<EventPage>;
    /// Deletes the events recorded before `before`: how many.
    async fn prune_events(&self, before: Timestamp) -> StoreResult<u64>;
}

/// The traits of the seam for a backend whose inherent methods carry the
/// same names and signatures: one place for the forwarding both backends need.
/// Every error passes through the backend's `explained(&self, StoreError)`,
/// which says it of that database: a PostgreSQL server out of reach named
/// with its URL, a SQLite desk file removed under the service named with its
/// path, whichever statement met it.
///
/// Each trait lists its methods' signatures, one entry each, as the trait
/// declares them; a method the backend must provide is one more entry (the
/// trait's provided methods are not listed).
macro_rules! seam_by_inherent_methods {
    ($store:ty) => {
        // The seam's types by their own names, for the lists below only.
        const _: () = {
            use ::jiff::Timestamp;
            use ::std::time::Duration;
            use $crate::api::{
                Handoff, HandoffQuery, IntegrationKind, OutboxMessage, OutboxQuery, Ticket,
                TicketCountBy, TicketDetail, Token,
            };
            use $crate::domain::assignment::{Loads, TeamState};
            use $crate::domain::external::ExternalEvent;
            use $crate::domain::tickets::Origin;
            use $crate::domain::workspace::Snapshot;
            use $crate::server::store::{
                Advance, Claimed, CommittedBatch, EventBounds, EventPage, Events, ExternalSettle,
                FinishInbound, HandoffBatch, Handoffs, Holder, IdempotencyKey, InboundReplyFn,
                LeavingTeam, NewToken, Outbox, Recorded, ReleaseFn, Released, Settle, StoreResult,
                TicketChangeFn, TicketFilter, TicketNote, TicketPage, Tickets, TokenIdentity,
                Tokens, Viewer, Webhooks, Workspace, WorkspaceChange,
            };

            $crate::server::store::seam_by_inherent_methods! { @forward $store => Workspace {
                fn generation(&self) -> StoreResult<u64>;
                fn read_workspace(&self) -> StoreResult<Snapshot>;
                fn change_workspace(
                    &self,
                    expected: Option<u64>,
                    change: WorkspaceChange<'_>,
                    leaving: LeavingTeam<'_>,
                ) -> StoreResult<(Snapshot, Released)>;
            }}

            $crate::server::store::seam_by_inherent_methods! { @forward $store => Tokens {
                fn list_tokens(&self, after: Option<(Timestamp, &str)>, limit: u32)
                    -> StoreResult<Vec<Token>>;
                fn create_token(&self, new: NewToken) -> StoreResult<Token>;
                fn delete_token(&self, id: &str) -> StoreResult<()>;
                fn find_token(&self, secret_sha256: &str) -> StoreResult<Option<TokenIdentity>>;
                fn touch_token(&self, id: &str) -> StoreResult<()>;
                fn ingest_token_hash(&self, id: &str) -> StoreResult<Option<String>>;
            }}

            $crate::server::store::seam_by_inherent_methods! { @forward $store => Tickets {
                fn list_tickets(&self, filter: &TicketFilter, limit: u32)
                    -> StoreResult<TicketPage>;
                fn ticket_counts(&self, filter: &TicketFilter, by: TicketCountBy)
                    -> StoreResult<Vec<(Option<String>, u64)>>;
                fn get_ticket(&self, number: u64) -> StoreResult<TicketDetail>;
                fn requester_tickets(
                    &self,
                    id: &str,
                    sent_by: Option<&str>,
                    before: Option<u64>,
                    limit: u32,
                ) -> StoreResult<Vec<Ticket>>;
                fn ticket_origin(&self, number: u64) -> StoreResult<Origin>;
                fn assignment_loads(&self) -> StoreResult<Loads>;
                fn team_state(&self, team: Option<&str>) -> StoreResult<TeamState>;
                fn change_ticket(
                    &self,
                    number: u64,
                    once: Option<IdempotencyKey>,
                    change: TicketChangeFn,
                ) -> StoreResult<Recorded<Ticket>>;
                fn record_inbound_email(
                    &self,
                    message_id: &str,
                    digest: &str,
                    team: Option<&str>,
                    finish: FinishInbound,
                ) -> StoreResult<(u64, bool)>;
                fn release_tickets(&self, holder: Holder<'_>, release: ReleaseFn<'_>)
                    -> StoreResult<u64>;
                fn find_email_thread(&self, ids: &[String]) -> StoreResult<Option<u64>>;
                fn inbound_message_ids(&self, number: u64, limit: usize)
                    -> StoreResult<Vec<String>>;
                fn record_inbound_reply(
                    &self,
                    message_id: &str,
                    digest: &str,
                    number: u64,
                    change: InboundReplyFn,
                ) -> StoreResult<(u64, bool)>;
            }}

            $crate::server::store::seam_by_inherent_methods! { @forward $store => Handoffs {
                fn commit_handoffs(&self, batch: HandoffBatch) -> StoreResult<CommittedBatch>;
                fn get_handoff(&self, id: &str) -> StoreResult<Handoff>;
                fn handoff_sender(&self, id: &str) -> StoreResult<Option<String>>;
                fn list_handoffs(&self, query: &HandoffQuery, limit: u32)
                    -> StoreResult<Vec<Handoff>>;
                fn find_handoff_by_key(&self, key: &str)
                    -> StoreResult<Option<(Handoff, String)>>;
            }}

            $crate::server::store::seam_by_inherent_methods! { @forward $store => Outbox {
                fn claim_outbound(&self, owner: &str, lease: Duration)
                    -> StoreResult<Option<Claimed>>;
                fn settle_outbound(
                    &self,
                    claimed: &Claimed,
                    settle: &Settle,
                    note: Option<TicketNote>,
                    external: Option<ExternalSettle>,
                ) -> StoreResult<bool>;
                fn next_due_among(&self, ids: &[u64]) -> StoreResult<Option<Timestamp>>;
                fn next_outbound_due(&self) -> StoreResult<Option<Timestamp>>;
                fn list_outbox(
                    &self,
                    query: &OutboxQuery,
                    with_integrations: bool,
                    before: Option<u64>,
                    limit: u32,
                ) -> StoreResult<Vec<OutboxMessage>>;
                fn get_outbound(&self, id: u64) -> StoreResult<OutboxMessage>;
                fn find_outbound(&self, delivery_id: &str) -> StoreResult<u64>;
                fn retry_outbound(&self, id: u64) -> StoreResult<OutboxMessage>;
            }}

            $crate::server::store::seam_by_inherent_methods! { @forward $store => Events {
                fn event_bounds(&self) -> StoreResult<EventBounds>;
                fn events_after(&self, after: u64, viewer: &Viewer, limit: u32)
                    -> StoreResult<EventPage>;
                fn prune_events(&self, before: Timestamp) -> StoreResult<u64>;
            }}

            $crate::server::store::seam_by_inherent_methods! { @forward $store => Webhooks {
                fn accept_webhook(
                    &self,
                    kind: IntegrationKind,
                    replay_digest: &str,
                    events: &[ExternalEvent],
                    advance: Advance,
                    forget_before: Option<Timestamp>,
                ) -> StoreResult<Option<Vec<String>>>;
            }}
        };
    };
    // One trait's impl: each method forwards to the inherent one of the same
    // name and says its error of this database.
    (@forward $store:ty => $seam:ident {
        $( fn $name:ident(&self $(, $arg:ident: $ty:ty)* $(,)?) -> $ret:ty; )*
    }) => {
        #[async_trait::async_trait]
        impl $seam for $store {
            $(
                async fn $name(&self $(, $arg: $ty)*) -> $ret {
                    <$store>::$name(self $(, $arg)*)
                        .await
                        .map_err(|error| self.explained(error))
                }
            )*
        }
    };
}
pub(crate) use seam_by_inherent_methods;

/// A database the service can run on.
#[async_trait]
pub trait Database:
    Workspace + Tokens + Tickets + Handoffs + Outbox + Webhooks + Events + fmt::Debug
{
    /// Which database this is, for messages and logs: never a password.
    fn describe(&self) -> String;
    /// A read-only check that the database answers (and, where the database
    /// can tell, that writes can succeed: a SQLite desk's file still in place
    /// and its disk not full).
    async fn ping(&self) -> StoreResult<()>;
    /// From now on keeps connections open for the life of the process, where
    /// that pays: a service's, not a one-command process's.
    fn keep_connections(&self) {}
    /// Whether this database groups its own writes into shared commits (the
    /// SQLite writer, once connections are kept): then each handoff is one
    /// write among them ([`Self::record_grouped_handoff`]), not a part of a
    /// batch from the group commit in front ([`group_commit`]).
    fn groups_handoffs(&self) -> bool {
        false
    }
    /// Records one handoff in this database's next grouped commit, in a
    /// savepoint of its own, as [`Handoffs::commit_handoffs`] records each of
    /// a batch; answers once that commit is durable.
    async fn record_grouped_handoff(
        &self,
        write: HandoffWrite,
        finish: FinishHandoff,
    ) -> StoreResult<Recorded> {
        let mut results = self.record_handoffs(vec![(write, finish)]).await?;
        results.pop().expect("one result for one handoff")
    }
    /// The most writes one grouped commit holds, where this database groups
    /// its own ([`Self::groups_handoffs`]), or the most ticket changes in one
    /// of its batches (PostgreSQL's).
    fn set_most_grouped(&self, _most: usize) {}
    /// Whether other services (replicas) may run on this database too, each
    /// with keys of its own: then a secret sealed under a key one lacks opens
    /// nowhere there (see [`Store::sealing`]).
    fn shared_by_replicas(&self) -> bool {
        false
    }
    /// Whether opening the database brought its schema up to date: it wrote,
    /// whatever the command asked for.
    fn migrated(&self) -> bool;
    async fn close(&self);
}

/// What opens a desk: the service (`deskctl serve`: a pool of connections,
/// secrets sealed at once) or a one-command process (the CLI on its desk:
/// one connection, see [`Store::open_for_command`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Process {
    Service,
    OneCommand,
}

/// Where a desk's data lives.
#[derive(Clone, PartialEq, Eq)]
pub enum Location {
    /// A SQLite file: the local desk, or `--desk PATH`.
    Sqlite(PathBuf),
    /// A PostgreSQL database: `--database postgres://…` (may carry a password).
    Postgres(String),
}

impl Location {
    /// The desk for people: its file, or its database URL without a password.
    pub fn describe(&self) -> String {
        match self {
            Location::Sqlite(path) => path.display().to_string(),
            Location::Postgres(url) => crate::net::redacted_url(url),
        }
    }
}

impl fmt::Debug for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Sqlite(path) => f.debug_tuple("Sqlite").field(path).finish(),
            Location::Postgres(_) => f.debug_tuple("Postgres").field(&self.describe()).finish(),
        }
    }
}

/// How to open a desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Open {
    /// Create it (and its schema) when missing: `serve`, and writes.
    CreateIfMissing,
    /// It must exist already.
    Existing,
}

pub use feed::{EventWatch, POLL as EVENT_POLL, StreamSlot};
use token_uses::TOKEN_USE_RESOLUTION;

/// The service's handle on its database: the backend, the workspace snapshot
/// cached between changes, the watch on its event log, and the keys secrets
/// are sealed with at rest.
///
/// The backends store secrets as they are given; this is where they are
/// sealed on the way in and opened on the way out, so a snapshot anyone gets
/// from here holds them open and the database holds them sealed.
#[derive(Debug, Clone)]
pub struct Store {
    db: Arc<dyn Database>,
    keys: Keys,
    /// What this process keeps beside the database, shared by every clone.
    local: Arc<Local>,
}

/// The workspace cache, the event feed and the handoff writer of one store.
#[derive(Debug)]
struct Local {
    cache: Cache,
    feed: Arc<feed::Feed>,
    handoffs: group_commit::HandoffCommit,
    /// Whether the workspace was read for secrets stored open (see
    /// [`Store::first_look_at_secrets`]).
    secrets_looked_at: AtomicBool,
    /// Whether that look found secrets stored open and sealed them.
    sealed_open_secrets: AtomicBool,
    token_uses: token_uses::TokenUses,
}

impl Deref for Store {
    type Target = dyn Database;

    fn deref(&self) -> &Self::Target {
        &*self.db
    }
}

impl From<SealError> for StoreError {
    fn from(error: SealError) -> Self {
        StoreError::Sealing(error.0)
    }
}

impl Store {
    /// Wraps a backend, sealing secrets with `keys`.
    pub fn new(db: Arc<dyn Database>, keys: Keys) -> Store {
        let local = Arc::new(Local {
            cache: Cache::default(),
            feed: Arc::default(),
            handoffs: group_commit::HandoffCommit::handoffs(&db),
            secrets_looked_at: AtomicBool::default(),
            sealed_open_secrets: AtomicBool::default(),
            token_uses: token_uses::TokenUses::default(),
        });
        Store { db, keys, local }
    }

    /// Opens the desk at `location`, bringing its schema up to date and
    /// sealing any secret stored before secrets were sealed.
    pub async fn open(location: &Location, open: Open, keys: Keys) -> StoreResult<Store> {
        Self::open_in(location, open, keys, Process::Service).await
    }

    /// [`Self::open`] for a one-command process (the CLI on its desk): one
    /// connection for all its statements, not a pool's worth (on SQLite a
    /// kept one for its reads, the pool's opened only to write: see
    /// [`sqlite::SqliteStore::open_for_command`] and
    /// [`postgres::PostgresStore::open_for_command`]). Secrets stored open
    /// are sealed at the command's first read of the workspace.
    pub async fn open_for_command(
        location: &Location,
        open: Open,
        keys: Keys,
    ) -> StoreResult<Store> {
        Self::open_in(location, open, keys, Process::OneCommand).await
    }

    async fn open_in(
        location: &Location,
        open: Open,
        keys: Keys,
        process: Process,
    ) -> StoreResult<Store> {
        let db: Arc<dyn Database> = match (location, process) {
            (Location::Sqlite(path), Process::OneCommand) => {
                Arc::new(sqlite::SqliteStore::open_for_command(path, open).await?)
            }
            (Location::Sqlite(path), Process::Service) => {
                Arc::new(sqlite::SqliteStore::open(path, open).await?)
            }
            (Location::Postgres(url), Process::OneCommand) => {
                Arc::new(postgres::PostgresStore::open_for_command(url, open).await?)
            }
            (Location::Postgres(url), Process::Service) => {
                Arc::new(postgres::PostgresStore::open(url, open).await?)
            }
        };
        let store = Store::new(db, keys);
        if process == Process::Service {
            store.seal_open_secrets().await?;
        }
        Ok(store)
    }

    /// The keys secrets are sealed with.
    pub fn keys(&self) -> &Keys {
        &self.keys
    }

    /// Records that `token`, as just found, was used now: only if its
    /// recorded use is older than [`TOKEN_USE_RESOLUTION`], so reads do not
    /// all become writes, and no other request of this process claimed the
    /// write meanwhile (see [`token_uses`]).
    pub async fn record_token_use(&self, token: &TokenIdentity) -> StoreResult<()> {
        let now = Timestamp::now();
        let fresh = token
            .last_used_at
            .is_some_and(|at| at >= now - TOKEN_USE_RESOLUTION);
        if fresh || !self.local.token_uses.claim(&token.id, now) {
            return Ok(());
        }
        let recorded = self.db.touch_token(&token.id).await;
        if recorded.is_err() {
            self.local.token_uses.forget(&token.id);
        }
        recorded
    }

    /// The whole configuration: from the cache while nothing changed since it
    /// was read, through any process or replica.
    pub async fn workspace(&self) -> StoreResult<Arc<Snapshot>> {
        let generation = self.db.generation().await?;
        if let Some(cached) = self.cached(generation) {
            return Ok(cached);
        }
        let mut stored = self.db.read_workspace().await?;
        if self.first_look_at_secrets() && self.must_seal(&mut stored) {
            return self.seal_stored_secrets().await;
        }
        Ok(self.opened(stored))
    }

    /// The cached snapshot, if neither the workspace (`generation`) nor the
    /// keys its secrets were opened with changed since. When it holds secrets
    /// no key opened, the key file is read again first if it changed: a key
    /// copied in or rotated to since opens them now, with no restart.
    fn cached(&self, generation: u64) -> Option<Arc<Snapshot>> {
        let (snapshot, keys_version) = self.local.cache.get(generation)?;
        if !snapshot.sealed_away.is_empty() {
            self.keys.reload_if_changed();
        }
        (keys_version == self.keys.version()).then_some(snapshot)
    }

    /// What sealing a secret does here: under which key, whether replicas
    /// share the database, or why nothing can be sealed.
    pub fn sealing(&self) -> Sealing {
        if let Some(SealError(why)) = self.keys.cannot_seal() {
            return Sealing::NoKey(why);
        }
        match self.keys.sealing_key_id() {
            Some(key) if self.db.shared_by_replicas() => Sealing::Shared { key },
            _ => Sealing::Alone,
        }
    }

    /// [`Workspace::change_workspace`] with any function, caching the result.
    /// The function sees secrets open; what it changes is sealed, what it
    /// leaves alone keeps its sealed value. The open and pending tickets of
    /// each team it removes go where `leaving` says; with `None`, nowhere: a
    /// team it removes may then hold none, unless it is the last team
    /// ([`crate::domain::tickets::team_leaving_unmoved`]).
    pub async fn change_workspace(
        &self,
        expected: Option<u64>,
        leaving: Option<LeavingTeam<'_>>,
        change: impl FnOnce(&mut Snapshot) -> Result<(), Refusal> + Send,
    ) -> StoreResult<Arc<Snapshot>> {
        Ok(self
            .change_workspace_releasing(expected, leaving, change)
            .await?
            .0)
    }

    /// [`Store::change_workspace`], answering also what the operators it
    /// removed held, as its transaction released it.
    pub async fn change_workspace_releasing(
        &self,
        expected: Option<u64>,
        leaving: Option<LeavingTeam<'_>>,
        change: impl FnOnce(&mut Snapshot) -> Result<(), Refusal> + Send,
    ) -> StoreResult<(Arc<Snapshot>, Released)> {
        self.change_sealed(expected, change, Reseal::Changed, leaving)
            .await
    }

    /// The ids of the keys the stored secrets are sealed with.
    pub async fn sealing_key_ids(&self) -> StoreResult<std::collections::BTreeSet<String>> {
        let mut stored = self.db.read_workspace().await?;
        Ok(stored
            .secrets_mut()
            .into_iter()
            .filter_map(|(_, value)| sealing::sealed_key_id(value).map(str::to_string))
            .collect())
    }

    /// Seals every stored secret again under the first key (a rotation's
    /// work); answers how many there are.
    pub async fn reseal_secrets(&self) -> StoreResult<usize> {
        let next = self
            .change_sealed(None, |_| Ok(()), Reseal::Every, None)
            .await?
            .0;
        Ok(Arc::unwrap_or_clone(next).secrets_mut().len())
    }

    /// Seals the secrets a desk holds open, stored before secrets were
    /// sealed, when this process has a key for them; else says so in the log.
    /// The snapshot read for it is cached: most requests read it next.
    async fn seal_open_secrets(&self) -> StoreResult<()> {
        // This is the look: the workspace reads after it need not look again.
        self.first_look_at_secrets();
        let mut stored = self.db.read_workspace().await?;
        if self.must_seal(&mut stored) {
            self.seal_stored_secrets().await?;
        } else {
            self.opened(stored);
        }
        Ok(())
    }

    /// Seals the secrets the workspace holds open: a change that changes
    /// nothing else, since a change seals every secret stored open.
    async fn seal_stored_secrets(&self) -> StoreResult<Arc<Snapshot>> {
        let sealed = self.change_workspace(None, None, |_| Ok(())).await?;
        self.local
            .sealed_open_secrets
            .store(true, Ordering::Relaxed);
        Ok(sealed)
    }

    /// Whether this process wrote to the desk without being asked to:
    /// opening it brought its schema up to date, or a read sealed secrets an
    /// older deskctl stored open. A command that only read closes the desk
    /// after such a write all the same (see [`crate::server::LocalDesk::finish`]).
    pub fn wrote_unasked(&self) -> bool {
        self.db.migrated() || self.local.sealed_open_secrets.load(Ordering::Relaxed)
    }

    /// Whether this is the first read of the workspace that looks for
    /// secrets stored open: the service looks when it opens the desk, a
    /// command at its first read of the workspace, if any, so that one which
    /// never reads it (`tickets list`) does not read it only for that.
    fn first_look_at_secrets(&self) -> bool {
        !self.local.secrets_looked_at.swap(true, Ordering::Relaxed)
    }

    /// Whether `stored` holds secrets open that this process can seal; when
    /// it has no key for them, says so in the log.
    fn must_seal(&self, stored: &mut Snapshot) -> bool {
        let open = stored
            .secrets_mut()
            .iter()
            .filter(|(_, value)| !sealing::is_sealed(value))
            .count();
        if open == 0 {
            return false;
        }
        if !self.keys.can_seal() {
            tracing::warn!(
                "{open} secret(s) of this desk are stored unsealed: set {} to seal them",
                sealing::SECRET_KEY_ENV
            );
            return false;
        }
        true
    }

    async fn change_sealed(
        &self,
        expected: Option<u64>,
        change: impl FnOnce(&mut Snapshot) -> Result<(), Refusal> + Send,
        reseal: Reseal,
        leaving: Option<LeavingTeam<'_>>,
    ) -> StoreResult<(Arc<Snapshot>, Released)> {
        let keys = self.keys.clone();
        let shared = self.db.shared_by_replicas();
        let failed = Arc::new(std::sync::Mutex::new(None::<SealError>));
        let failure = failed.clone();
        let change = move |stored: &mut Snapshot| {
            let sealing = |result: Result<(), SealError>| {
                result.map_err(|error| {
                    *failure.lock().expect("never poisoned") = Some(error);
                    Refusal::Conflict {
                        code: "sealing",
                        detail: String::new(),
                    }
                })
            };
            let mut next = stored.clone();
            open_secrets(&keys, &mut next, shared);
            let before = next.secret_values();
            change(&mut next)?;
            let secret_changed = next.secret_values() != before;
            sealing(seal_secrets(&keys, &mut next, stored, reseal))?;
            if secret_changed {
                // How the backend learns that a secret's value changed: it
                // sees sealed values only (Snapshot::changed_to).
                next.revision = stored.revision + 1;
            }
            *stored = next;
            Ok(())
        };
        let result = self
            .db
            .change_workspace(
                expected,
                Box::new(change),
                leaving.unwrap_or_else(|| Box::new(crate::domain::tickets::team_leaving_unmoved)),
            )
            .await;
        if let Some(error) = failed.lock().expect("never poisoned").take() {
            return Err(error.into());
        }
        let (snapshot, released) = result?;
        Ok((self.opened(snapshot), released))
    }

    /// `snapshot` as read from the backend, with its secrets opened, cached.
    fn opened(&self, mut snapshot: Snapshot) -> Arc<Snapshot> {
        // Taken before opening: keys that change meanwhile make this entry
        // stale (opened again next time), never a stale one current.
        let keys_version = self.keys.version();
        open_secrets(&self.keys, &mut snapshot, self.db.shared_by_replicas());
        let snapshot = Arc::new(snapshot);
        self.local.cache.put(snapshot.clone(), keys_version);
        snapshot
    }

    /// [`Tickets::change_ticket`] with any function.
    pub async fn change_ticket(
        &self,
        number: u64,
        change: impl FnOnce(&Ticket) -> StoreResult<SendingChange> + Send + 'static,
    ) -> StoreResult<Ticket> {
        Ok(self
            .change_ticket_once(number, None, change)
            .await?
            .into_inner())
    }

    /// [`Tickets::change_ticket`] with any function, made once per key.
    pub async fn change_ticket_once(
        &self,
        number: u64,
        once: Option<IdempotencyKey>,
        change: impl FnOnce(&Ticket) -> StoreResult<SendingChange> + Send + 'static,
    ) -> StoreResult<Recorded<Ticket>> {
        self.change_ticket_seeing_messages(number, once, move |ticket, _| change(ticket))
            .await
    }

    /// [`Store::change_ticket_once`], the change seeing the time of the
    /// ticket's last conversation message too (see [`TicketChangeFn`]).
    pub async fn change_ticket_seeing_messages(
        &self,
        number: u64,
        once: Option<IdempotencyKey>,
        change: impl FnOnce(&Ticket, Option<Timestamp>) -> StoreResult<SendingChange> + Send + 'static,
    ) -> StoreResult<Recorded<Ticket>> {
        let recorded = self
            .db
            .change_ticket(number, once, Box::new(change))
            .await?;
        self.local.feed.wake();
        Ok(recorded)
    }

    /// Records a handoff exactly once, in the next group commit (see
    /// [`group_commit`]; or, where the database groups its own writes, in its
    /// next one: [`Database::groups_handoffs`]): `finish` completes its
    /// decision from the team's assignment state in the transaction (see
    /// [`Handoffs::record_handoffs`]). Answers once the transaction that
    /// holds it is committed.
    pub async fn record_handoff(
        &self,
        write: HandoffWrite,
        finish: impl FnOnce(&TeamState) -> Finished + Send + 'static,
    ) -> StoreResult<Recorded> {
        let recorded = if self.db.groups_handoffs() {
            self.db
                .record_grouped_handoff(write, Box::new(finish))
                .await?
        } else {
            self.local
                .handoffs
                .record((write, Box::new(finish)))
                .await?
        };
        self.local.feed.wake();
        Ok(recorded)
    }

    /// Keeps connections open for the life of the process (a service: see
    /// [`Database::keep_connections`]).
    pub fn keep_connections(&self) {
        self.db.keep_connections();
    }

    /// Writes at most `batch` handoffs in one transaction (see [`group_commit`];
    /// where the database groups its own writes, at most `batch` writes of
    /// any kind, and on PostgreSQL at most `batch` ticket changes:
    /// [`Database::set_most_grouped`]).
    pub fn set_handoff_batch(&self, batch: usize) {
        self.local.handoffs.set_batch(batch);
        self.db.set_most_grouped(batch);
    }

    /// A watch on the event log: streams wait on it for new events.
    pub fn watch_events(&self) -> EventWatch {
        self.local.feed.subscribe(&self.db)
    }

    /// A place for one more event stream of the token whose secret's digest
    /// is `token`, held until dropped; `None` when that token already holds
    /// [`MAX_STREAMS_PER_TOKEN`](crate::api::MAX_STREAMS_PER_TOKEN) in this
    /// process.
    pub fn claim_event_stream(&self, token: &str) -> Option<StreamSlot> {
        self.local.feed.claim_stream(token)
    }

    /// Ends the event streams of this process (the service is stopping):
    /// their clients resume elsewhere, or here once it is back.
    pub fn end_event_streams(&self) {
        self.local.feed.close();
    }

    /// Ends the event streams, then releases the database's connections.
    pub async fn close(&self) {
        self.local.feed.close();
        self.db.close().await;
    }

    /// [`Tickets::record_inbound_email`] with any function.
    pub async fn record_inbound_email(
        &self,
        message_id: &str,
        digest: &str,
        team: Option<&str>,
        finish: impl FnOnce(&TeamState) -> NewTicket + Send + 'static,
    ) -> StoreResult<(u64, bool)> {
        let recorded = self
            .db
            .record_inbound_email(message_id, digest, team, Box::new(finish))
            .await?;
        self.local.feed.wake();
        Ok(recorded)
    }

    /// [`Tickets::release_tickets`] with any function.
    pub async fn release_tickets(
        &self,
        holder: Holder<'_>,
        release: impl Fn(&Ticket) -> (TicketChange, Vec<NewEntry>) + Send + Sync,
    ) -> StoreResult<u64> {
        let released = self.db.release_tickets(holder, Box::new(release)).await?;
        self.local.feed.wake();
        Ok(released)
    }

    /// [`Tickets::record_inbound_reply`] with any function.
    pub async fn record_inbound_reply(
        &self,
        message_id: &str,
        digest: &str,
        number: u64,
        change: impl FnOnce(&Ticket) -> StoreResult<(SendingChange, bool)> + Send + 'static,
    ) -> StoreResult<(u64, bool)> {
        let recorded = self
            .db
            .record_inbound_reply(message_id, digest, number, Box::new(change))
            .await?;
        self.local.feed.wake();
        Ok(recorded)
    }
}

/// Which secrets a change seals anew.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reseal {
    /// Those it changed (and any stored unsealed); the rest keep their value.
    Changed,
    /// Every one, under the first key.
    Every,
}

/// Opens every secret of `snapshot` and gives it fingerprints from `keys`. A
/// secret no key at hand opens stays sealed, named in `sealed_away` with why
/// and what to do (which depends on whether replicas `shared` the database):
/// it fails where it is used, not every read of the workspace, and a change
/// can replace it. Its fingerprint is a hash of its sealed value, so every
/// replica, whatever its key, shows the same one.
fn open_secrets(keys: &Keys, snapshot: &mut Snapshot, shared: bool) {
    let mut sealed_away = std::collections::BTreeMap::new();
    for (place, secret) in snapshot.secrets_mut() {
        match keys.open(&place, secret) {
            Ok(open) => *secret = open,
            Err(SealError(why)) => {
                let missing = sealing::sealed_key_id(secret).filter(|id| !keys.holds(id));
                let away = SealedAway {
                    why: unusable(&place, &why, missing, shared),
                    key_elsewhere: shared && missing.is_some(),
                };
                sealed_away.insert(place, away);
            }
        }
    }
    let unopened = snapshot
        .secrets_mut()
        .into_iter()
        .filter(|(place, _)| sealed_away.contains_key(place))
        .map(|(_, sealed)| sealed.clone())
        .collect::<Vec<_>>();
    snapshot.sealed_away = sealed_away;
    snapshot.fingerprints = keys.fingerprints().with_unopened(unopened);
}

/// Why the secret at `place` cannot be used (`why` it did not open) and
/// what to do. Entering it again seals it under the key at hand: that mends
/// it on a desk of its own; but on a database replicas share, where another
/// replica may hold its key (`missing`), it would break the secret on every
/// replica that does, so a new value is refused there (domain
/// `refuse_sealing_elsewhere_keys`) and the advice is the key first. Removing it seals nothing: once the key is lost everywhere, that
/// clears the way to enter it again.
fn unusable(place: &str, why: &str, missing: Option<&str>, shared: bool) -> String {
    let again = enter_again(place);
    match missing {
        Some(id) if shared => format!(
            "{why}. Replicas must share one key: give this one the same {} as the others (or a \
             copy of their key file). A new value is not sealed here, as replicas without this \
             one's key could not open it: only if no replica holds key {id} any more, remove \
             the secret ({}) and enter it again ({again})",
            sealing::SECRET_KEY_ENV,
            remove(place),
        ),
        _ => format!("{why}; or enter it again: {again}"),
    }
}

/// The command that removes the secret at `place`.
fn remove(place: &str) -> String {
    match place.split('.').collect::<Vec<_>>()[..] {
        ["email", _] => "`deskctl email set --no-password`".to_string(),
        // A URL needs a secret: the webhook goes with it.
        ["delivery", _] => "`deskctl delivery set --no-url --no-secret`".to_string(),
        // A required secret cannot be removed from a connection: the
        // connection goes with it.
        ["integrations", kind, _] => format!("`deskctl integrations disconnect {kind}`"),
        _ => format!("remove {place}"),
    }
}

/// The command that stores the secret at `place` anew.
fn enter_again(place: &str) -> String {
    match place.split('.').collect::<Vec<_>>()[..] {
        ["email", _] => "`deskctl email set --password-stdin`".to_string(),
        ["delivery", _] => "`deskctl delivery set --secret-stdin`".to_string(),
        ["integrations", kind, name] => {
            format!("`deskctl integrations connect {kind} --secret {name}=env:VAR`")
        }
        _ => format!("store {place} again"),
    }
}

/// Seals the open secrets of `next`: one equal to its sealed value in
/// `stored` keeps that value (unless every one is resealed), so a change
/// rewrites only the secrets it changed. One sealed away keeps its sealed
/// value unless the change replaced it; a reseal of every one refuses it.
fn seal_secrets(
    keys: &Keys,
    next: &mut Snapshot,
    stored: &Snapshot,
    reseal: Reseal,
) -> Result<(), SealError> {
    let before = stored.secret_values();
    let sealed_away = std::mem::take(&mut next.sealed_away);
    for (place, secret) in next.secrets_mut() {
        let sealed = before
            .get(&place)
            .filter(|sealed| sealing::is_sealed(sealed));
        let unchanged_away =
            sealed.is_some_and(|sealed| sealed == secret) && sealed_away.contains_key(&place);
        if unchanged_away && reseal == Reseal::Every {
            return Err(SealError(sealed_away[&place].why.clone()));
        }
        let kept = sealed.filter(|sealed| {
            unchanged_away
                || (reseal == Reseal::Changed
                    && keys.open(&place, sealed).ok().as_deref() == Some(secret.as_str()))
        });
        *secret = match kept {
            Some(sealed) => sealed.clone(),
            None => keys.seal(&place, secret)?,
        };
    }
    Ok(())
}

/// The last snapshot read or written, for [`Store::workspace`], with the
/// version of the keys its secrets were opened with ([`Keys::version`]).
#[derive(Debug, Default)]
struct Cache(std::sync::Mutex<Option<(Arc<Snapshot>, u64)>>);

impl Cache {
    fn get(&self, generation: u64) -> Option<(Arc<Snapshot>, u64)> {
        let cached = self.0.lock().expect("the cache lock is never poisoned");
        cached.clone().filter(|(s, _)| s.generation == generation)
    }

    fn put(&self, snapshot: Arc<Snapshot>, keys_version: u64) {
        let mut cached = self.0.lock().expect("the cache lock is never poisoned");
        if cached
            .as_ref()
            .is_none_or(|(c, _)| c.generation <= snapshot.generation)
        {
            *cached = Some((snapshot, keys_version));
        }
    }
}

/// Now, to the microsecond as stored: a value written and read back equals it.
pub fn stored_now() -> Timestamp {
    stored_instant(Timestamp::now())
}

/// `at` as the store keeps it: to the microsecond.
pub fn stored_instant(at: Timestamp) -> Timestamp {
    Timestamp::new(at.as_second(), at.subsec_microsecond() * 1000)
        .expect("a stored instant is in range")
}

/// An instant as cursors carry it: RFC 3339 in UTC with exactly six fractional
/// digits, so that text order is time order (`…00Z` would sort after `…00.1Z`):
/// the form the API writes every instant in ([`crate::api::instant`]).
pub fn stored_time(at: Timestamp) -> String {
    crate::api::instant::Micros(at).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn stored_times_sort_as_text_in_time_order() {
        let whole = Timestamp::from_second(1_800_000_000).unwrap();
        let later = whole + jiff::SignedDuration::from_micros(100_000);
        let much_later = whole + jiff::SignedDuration::from_secs(1);
        let texts = [
            stored_time(whole),
            stored_time(later),
            stored_time(much_later),
        ];
        assert_eq!(texts[0], "2027-01-15T08:00:00.000000Z");
        assert!(texts[0] < texts[1] && texts[1] < texts[2], "{texts:?}");
        assert_eq!(Timestamp::from_str(&texts[1]).unwrap(), later);
    }

    /// A workspace whose email password and delivery secret `keys` sealed.
    fn sealed_by(keys: &Keys) -> Snapshot {
        let mut snapshot = Snapshot::empty();
        snapshot.email.password = Some(keys.seal("email.password", "smtp-pass").unwrap());
        snapshot.delivery.secret = Some(keys.seal("delivery.secret", "whsec-0123456789").unwrap());
        snapshot
    }

    #[test]
    fn a_secret_no_key_opens_stays_sealed_and_says_how_to_enter_it_again() {
        let lost = Keys::given(vec![sealing::Key::generate()]);
        let stored = sealed_by(&lost);
        let at_hand = Keys::given(vec![sealing::Key::generate()]);
        let mut opened = stored.clone();
        open_secrets(&at_hand, &mut opened, false);
        assert_eq!(opened.email.password, stored.email.password);
        let why = opened.unusable_secret("email.password").unwrap();
        assert!(
            why.contains("which is not at hand")
                && why.ends_with("`deskctl email set --password-stdin`"),
            "{why}"
        );
        assert!(
            !why.contains("smtp-pass") && !why.contains("sealed:v1"),
            "{why}"
        );
        assert!(opened.unusable_secret("delivery.secret").is_some());

        // With its key, nothing is sealed away.
        let mut with_key = stored.clone();
        open_secrets(&lost, &mut with_key, false);
        assert!(with_key.sealed_away.is_empty());
        assert_eq!(with_key.email.password.as_deref(), Some("smtp-pass"));
    }

    #[test]
    fn a_change_keeps_a_secret_no_key_opens_unless_it_replaces_it() {
        let lost = Keys::given(vec![sealing::Key::generate()]);
        let stored = sealed_by(&lost);
        let at_hand = Keys::given(vec![sealing::Key::generate()]);
        let mut next = stored.clone();
        open_secrets(&at_hand, &mut next, false);
        next.delivery.secret = Some("whsec-entered-again".into());
        seal_secrets(&at_hand, &mut next, &stored, Reseal::Changed).unwrap();
        assert!(next.sealed_away.is_empty(), "never stored");
        assert_eq!(next.email.password, stored.email.password);
        let entered = next.delivery.secret.as_deref().unwrap();
        assert_eq!(
            at_hand.open("delivery.secret", entered).unwrap(),
            "whsec-entered-again"
        );

        // A reseal of every secret cannot seal again what it cannot open.
        let mut every = stored.clone();
        open_secrets(&at_hand, &mut every, false);
        let refused = seal_secrets(&at_hand, &mut every, &stored, Reseal::Every).unwrap_err();
        assert!(refused.0.contains("which is not at hand"), "{refused}");
    }

    #[test]
    fn on_a_database_replicas_share_the_advice_is_the_key_before_entering_it_again() {
        let lost = Keys::given(vec![sealing::Key::generate()]);
        let stored = sealed_by(&lost);
        let id = sealing::sealed_key_id(stored.email.password.as_deref().unwrap()).unwrap();
        let at_hand = Keys::given(vec![sealing::Key::generate()]);
        let mut opened = stored.clone();
        open_secrets(&at_hand, &mut opened, true);
        let why = opened.unusable_secret("email.password").unwrap();
        assert!(
            why.contains(&format!("sealed with key {id}, which is not at hand"))
                && why.contains("give this one the same DESKCTL_SECRET_KEY as the others")
                && why.contains(&format!(
                    "only if no replica holds key {id} any more, remove the secret (`deskctl \
                     email set --no-password`) and enter it again (`deskctl email set \
                     --password-stdin`)"
                )),
            "{why}"
        );
        assert!(!why.contains("; or enter it again"), "{why}");
        assert!(opened.sealed_away["email.password"].key_elsewhere);
        let mut alone = stored.clone();
        open_secrets(&at_hand, &mut alone, false);
        assert!(!alone.sealed_away["email.password"].key_elsewhere);

        // A secret altered in the database opens nowhere: entering it again
        // is the remedy there too.
        let mut altered = stored.clone();
        let sealed = altered.delivery.secret.as_mut().unwrap();
        // Another last character, whatever the one it had (a test that
        // looked at the one before it left the secret unchanged one time in
        // about sixteen).
        let last = sealed.pop();
        sealed.push(if last == Some('A') { 'B' } else { 'A' });
        open_secrets(&lost, &mut altered, true);
        let why = altered.unusable_secret("delivery.secret").unwrap();
        assert!(
            why.ends_with("or enter it again: `deskctl delivery set --secret-stdin`"),
            "{why}"
        );
        assert!(!altered.sealed_away["delivery.secret"].key_elsewhere);
    }

    #[test]
    fn each_place_names_the_command_that_enters_it_again() {
        assert_eq!(
            enter_again("delivery.secret"),
            "`deskctl delivery set --secret-stdin`"
        );
        assert_eq!(
            enter_again("integrations.zendesk.api-token"),
            "`deskctl integrations connect zendesk --secret api-token=env:VAR`"
        );
        let mut snapshot = Snapshot::empty();
        snapshot.sealed_away.insert(
            "integrations.zendesk.api-token".into(),
            SealedAway {
                why: "why".into(),
                key_elsewhere: false,
            },
        );
        assert_eq!(
            snapshot.unusable_integration_secret(IntegrationKind::Zendesk),
            Some("why")
        );
        assert_eq!(
            snapshot.unusable_integration_secret(IntegrationKind::Freshdesk),
            None
        );
        assert_eq!(snapshot.unusable_secret("email.password"), None);
    }
}
