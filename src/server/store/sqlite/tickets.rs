//! The `tickets` and `timeline` tables, and the assignment state read with them:
//! operators' open tickets and each team's round-robin position.

use crate::server::store::rows::Fields;

use super::{Direct, SqliteStore, all, execute, one, optional, parse_time};
use crate::api::{Channel, Ticket, TicketDetail, TicketStatus};
use crate::api::{EventKind, TimelineEntry};
use crate::domain::assignment::{Loads, TeamState};
use crate::domain::mail::{self, Recording};
use crate::domain::tickets::{self, NewEntry, NewTicket, Origin, TicketChange};
use crate::server::store::rows;
use crate::server::store::shared::split_inbound_reply;
use crate::server::store::shared::{
    Bind, CANDIDATE_COLUMNS, CANDIDATES, Dialect, in_order, stored_entries, ticket_condition,
    ticket_event, ticket_order,
};
use crate::server::store::{
    FIRST_TICKET_NUMBER, IdempotencyKey, NewEvent, StoreError, StoreResult, TicketFilter,
    TicketPage,
};

const COLUMNS: &str = "number, subject, status, priority, requester_name, requester_email, \
     requester_external_id, requester_phone, assignee, team_key, agent_key, channel, environment, fields, \
     context, ai_paused, handoff_id, created_at, last_activity_at";

pub(crate) fn fetch_ticket(conn: &Direct, number: u64) -> StoreResult<Ticket> {
    optional(
        conn,
        &format!("SELECT {COLUMNS} FROM tickets WHERE number = ?"),
        [number as i64],
        |row| rows::ticket(row),
    )?
    .ok_or_else(|| StoreError::NotFound {
        what: "ticket",
        key: number.to_string(),
    })
}

impl SqliteStore {
    pub async fn assignment_loads(&self) -> StoreResult<Loads> {
        self.read_snapshot(|conn| {
            Ok(Loads {
                operators: all(
                    conn,
                    &format!("SELECT {CANDIDATE_COLUMNS} FROM {CANDIDATES} ORDER BY o.handle"),
                    [],
                    |row| rows::candidate(row),
                )?,
                last_assigned: all(
                    conn,
                    "SELECT team_key, last_handle FROM round_robin",
                    [],
                    |row| Ok((row.text("team_key")?, row.text("last_handle")?)),
                )?
                .into_iter()
                .collect(),
            })
        })
        .await
    }
}

/// The members of `team` with their open tickets, and the team's round-robin position.
pub(crate) fn team_state(conn: &Direct, team: Option<&str>) -> StoreResult<TeamState> {
    let Some(team) = team else {
        return Ok(TeamState::default());
    };
    let candidates = all(
        conn,
        &format!(
            "SELECT {CANDIDATE_COLUMNS} \
             FROM {CANDIDATES} JOIN team_members m ON m.operator_handle = o.handle \
             WHERE m.team_key = ? ORDER BY o.handle"
        ),
        [team],
        |row| rows::candidate(row),
    )?;
    let last_assigned = optional(
        conn,
        "SELECT last_handle FROM round_robin WHERE team_key = ?",
        [team],
        |row| Ok(row.get(0)?),
    )?;
    Ok(TeamState {
        candidates,
        last_assigned,
    })
}

/// Creates a ticket with the next number and its timeline, and records the
/// assignment (the operator's last assignment and the team's round-robin
/// position). Answers its number and the `ticket.created` event to record.
pub(crate) fn insert_ticket(conn: &Direct, ticket: &NewTicket) -> StoreResult<(u64, NewEvent)> {
    let now = super::now();
    let created_at = super::stored_time(ticket.created_at);
    // The next number and the row as stored, in the one statement that writes it.
    let created = one(
        conn,
        &format!(
            "INSERT INTO tickets ({COLUMNS}) \
             SELECT COALESCE(MAX(number) + 1, ?), ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ? \
             FROM tickets RETURNING {COLUMNS}"
        ),
        rusqlite::params![
            FIRST_TICKET_NUMBER as i64,
            ticket.subject,
            ticket.priority.as_str(),
            ticket.requester.name,
            ticket.requester.email,
            ticket.requester.external_id,
            ticket.requester.phone,
            ticket.assignee,
            ticket.team,
            ticket.agent,
            ticket.channel.as_str(),
            ticket.environment.as_str(),
            serde_json::to_string(&ticket.fields).expect("fields serialize"),
            serde_json::to_string(&ticket.context).expect("context serializes"),
            ticket.handoff,
            created_at,
            created_at,
        ],
        |row| rows::ticket(row),
    )?;
    let number = created.number;
    // A new ticket has no timeline yet: no need to ask where it ends.
    let entries = insert_entries(conn, number, (0, None), &ticket.timeline)?;
    if let Some(handle) = &ticket.assignee {
        execute(
            conn,
            "UPDATE operators SET last_assigned_at = ? WHERE handle = ?",
            rusqlite::params![now, handle],
        )?;
        if let Some(team) = &ticket.team {
            execute(
                conn,
                "INSERT INTO round_robin (team_key, last_handle) VALUES (?, ?) \
                 ON CONFLICT (team_key) DO UPDATE SET last_handle = excluded.last_handle",
                rusqlite::params![team, handle],
            )?;
        }
    }
    let event = ticket_event(EventKind::TicketCreated, &created, &created, entries);
    Ok((number, event))
}

/// The time of ticket `number`'s last conversation message, the customer's
/// or the AI's; none before the first. Read in the caller's transaction.
pub(crate) fn last_message_at(conn: &Direct, number: u64) -> StoreResult<Option<jiff::Timestamp>> {
    let last: Option<String> = conn
        .prepare_cached(
            "SELECT MAX(at) FROM timeline WHERE ticket_number = ? AND kind = 'message' \
             AND author_kind IN ('customer', 'ai')",
        )?
        .query_row([number as i64], |row| row.get(0))?;
    last.as_deref().map(parse_time).transpose()
}

/// Appends entries to a ticket's timeline, after its last one: answers them as stored.
pub(crate) fn append_entries(
    conn: &Direct,
    number: u64,
    entries: &[NewEntry],
) -> StoreResult<Vec<TimelineEntry>> {
    let last = optional(
        conn,
        "SELECT seq, at FROM timeline WHERE ticket_number = ? ORDER BY seq DESC LIMIT 1",
        [number as i64],
        |row| {
            Ok((
                row.get::<_, i64>("seq")?,
                Some(parse_time(&row.get::<_, String>("at")?)?),
            ))
        },
    )?;
    insert_entries(conn, number, last.unwrap_or((0, None)), entries)
}

/// Timeline rows written by one statement, at most (9 values each).
const ENTRIES_PER_INSERT: usize = 100;

/// Writes `entries` numbered after the last entry `(seq, at)`, never
/// earlier than it, many rows per statement: answers them as stored.
///
/// One statement for a ticket's entries, not one per entry: each statement
/// that fires the text index's trigger opens a statement journal, and FTS5
/// writes its pending terms out as a new segment at every such savepoint.
fn insert_entries(
    conn: &Direct,
    number: u64,
    (last_seq, last_at): (i64, Option<jiff::Timestamp>),
    entries: &[NewEntry],
) -> StoreResult<Vec<TimelineEntry>> {
    let times = in_order(last_at, entries);
    let stored = stored_entries(last_seq, entries, &times);
    let mut seq = last_seq;
    for (chunk, times) in entries
        .chunks(ENTRIES_PER_INSERT)
        .zip(times.chunks(ENTRIES_PER_INSERT))
    {
        let rows = vec!["(?, ?, ?, ?, ?, ?, ?, ?, ?)"; chunk.len()].join(", ");
        let mut values: Vec<Box<dyn rusqlite::ToSql + '_>> = Vec::with_capacity(chunk.len() * 9);
        for (entry, at) in chunk.iter().zip(times) {
            seq += 1;
            values.push(Box::new(number as i64));
            values.push(Box::new(seq));
            values.push(Box::new(entry.kind.as_str()));
            values.push(Box::new(entry.author_kind.as_str()));
            values.push(Box::new(&entry.author));
            values.push(Box::new(&entry.event));
            values.push(Box::new(&entry.body));
            values.push(Box::new(entry.channel.map(Channel::as_str)));
            values.push(Box::new(super::stored_time(*at)));
        }
        execute(
            conn,
            &format!(
                "INSERT INTO timeline (ticket_number, seq, kind, author_kind, author, event, \
                 body, channel, at) VALUES {rows}"
            ),
            rusqlite::params_from_iter(values),
        )?;
    }
    Ok(stored)
}

/// The open and pending tickets whose `column` (`assignee` or `team_key`) is
/// `key`, by number.
pub(crate) fn open_ticket_numbers(conn: &Direct, column: &str, key: &str) -> StoreResult<Vec<u64>> {
    all(
        conn,
        &format!(
            "SELECT number FROM tickets WHERE {column} = ? AND status IN ('open', 'pending') \
             ORDER BY number"
        ),
        [key],
        |row| Ok(row.get::<_, i64>(0)? as u64),
    )
}

/// [`Store::change_ticket`] inside a write transaction that the caller commits,
/// so that more can be written with the change (e.g. the messages it sends):
/// answers the ticket after it and the event that records it.
pub(crate) fn update_ticket(
    conn: &Direct,
    number: u64,
    change: impl FnOnce(&Ticket) -> StoreResult<(TicketChange, Vec<NewEntry>)>,
) -> StoreResult<(Ticket, NewEvent)> {
    let current = fetch_ticket(conn, number)?;
    let (update, entries) = change(&current)?;
    if let Some(handle) = update.assignee.as_ref().and_then(|a| a.as_ref()) {
        super::require_operator(conn, "to", handle)?;
    }
    if let Some(team) = update.team.as_ref().and_then(|t| t.as_ref()) {
        super::require_team(conn, "team", team)?;
    }
    let now = super::now();
    let activity = tickets::is_activity(&current, &update, &entries).then(|| now.clone());
    execute(
        conn,
        "UPDATE tickets SET status = ?, priority = ?, assignee = ?, team_key = ?, \
         ai_paused = ?, last_activity_at = COALESCE(?, last_activity_at) WHERE number = ?",
        rusqlite::params![
            update.status.unwrap_or(current.status).as_str(),
            update.priority.unwrap_or(current.priority).as_str(),
            match &update.assignee {
                Some(assignee) => assignee.clone(),
                None => current.assignee.clone(),
            },
            match &update.team {
                Some(team) => team.clone(),
                None => current.team.clone(),
            },
            i64::from(update.ai_paused.unwrap_or(current.ai_paused)),
            activity,
            number as i64,
        ],
    )?;
    if let Some(Some(handle)) = &update.assignee {
        execute(
            conn,
            "UPDATE operators SET last_assigned_at = ? WHERE handle = ?",
            rusqlite::params![now, handle],
        )?;
    }
    let kind = crate::domain::events::ticket_change_kind(&entries);
    let stored = append_entries(conn, number, &entries)?;
    let after = fetch_ticket(conn, number)?;
    let event = ticket_event(kind, &after, &current, stored);
    Ok((after, event))
}

impl SqliteStore {
    pub async fn get_ticket(&self, number: u64) -> StoreResult<TicketDetail> {
        self.read_snapshot(|conn| {
            Ok(TicketDetail {
                ticket: fetch_ticket(conn, number)?,
                timeline: all(
                    conn,
                    "SELECT seq, kind, author_kind, author, event, body, channel, at \
                     FROM timeline WHERE ticket_number = ? ORDER BY seq",
                    [number as i64],
                    |row| rows::timeline_entry(row),
                )?,
            })
        })
        .await
    }

    /// The assignment state of `team`, read outside any write (for previews).
    pub async fn team_state(&self, team: Option<&str>) -> StoreResult<TeamState> {
        self.read_direct(|conn| team_state(conn, team)).await
    }

    /// The key of the default team, if any.
    pub async fn default_team(&self) -> StoreResult<Option<String>> {
        self.read_direct(|conn| {
            optional(
                conn,
                "SELECT key FROM teams WHERE is_default = 1",
                [],
                |row| row.text("key"),
            )
        })
        .await
    }

    /// How many tickets the desk holds, by status.
    pub async fn count_tickets(&self, status: Option<TicketStatus>) -> StoreResult<u64> {
        let count: i64 = self
            .read_direct(|conn| match status {
                // Two statements: `? IS NULL OR status = ?` would not use the
                // index on status.
                Some(status) => one(
                    conn,
                    "SELECT COUNT(*) FROM tickets WHERE status = ?",
                    [status.as_str()],
                    |row| Ok(row.get(0)?),
                ),
                None => one(conn, "SELECT COUNT(*) FROM tickets", [], |row| {
                    Ok(row.get(0)?)
                }),
            })
            .await?;
        Ok(count as u64)
    }
}

impl SqliteStore {
    /// Opens a ticket for a support-inbox email exactly once per message id.
    /// Returns the ticket's number and whether it was created now. When
    /// serving, it shares a transaction with the writes queued beside it
    /// ([`SqliteStore::write_direct`]).
    pub async fn record_inbound_email(
        &self,
        message_id: &str,
        digest: &str,
        team: Option<&str>,
        finish: impl FnOnce(&TeamState) -> NewTicket + Send + 'static,
    ) -> StoreResult<(u64, bool)> {
        let message_id = message_id.to_string();
        let digest = digest.to_string();
        let team = team.map(str::to_string);
        self.write_direct(move |conn| {
            let message_id = match inbound_recording(conn, &message_id, &digest)? {
                Recording::Duplicate(number) => return Ok((number, false)),
                Recording::Under(id) => id,
            };
            let state = team_state(conn, team.as_deref())?;
            let ticket = finish(&state);
            let (number, created) = insert_ticket(conn, &ticket)?;
            // The email that opens a ticket is its requester's.
            record_inbound(conn, &message_id, &digest, number, true)?;
            super::events::record(conn, &[created])?;
            Ok((number, true))
        })
        .await
    }
}

impl SqliteStore {
    /// Takes the open and pending tickets of `holder`.
    pub async fn release_tickets(
        &self,
        holder: crate::server::store::Holder<'_>,
        release: crate::server::store::ReleaseFn<'_>,
    ) -> StoreResult<u64> {
        let (column, key) = holder.column();
        self.write_on_pool(|conn| {
            let numbers = open_ticket_numbers(conn, column, key)?;
            let mut events = Vec::with_capacity(numbers.len());
            for number in &numbers {
                let (_, event) = update_ticket(conn, *number, |ticket| Ok(release(ticket)))?;
                events.push(event);
            }
            super::events::record(conn, &events)?;
            Ok(numbers.len() as u64)
        })
        .await
    }

    /// The ticket the first of `ids` that the desk knows belongs to.
    pub async fn find_email_thread(&self, ids: &[String]) -> StoreResult<Option<u64>> {
        self.read_direct(|conn| {
            for id in ids {
                let number: Option<i64> = optional(
                    conn,
                    "SELECT ticket_number FROM inbound_emails WHERE message_id IN (?, ?) \
                     UNION ALL SELECT ticket_number FROM email_threads WHERE local_id = ? LIMIT 1",
                    rusqlite::params![id, format!("<{id}>"), crate::domain::mail::local_part(id)],
                    |row| Ok(row.get(0)?),
                )?;
                if let Some(number) = number {
                    return Ok(Some(number as u64));
                }
            }
            Ok(None)
        })
        .await
    }

    /// The message ids of the last `limit` inbound emails on ticket `number`
    /// that were the customer's own, oldest first.
    pub async fn inbound_message_ids(&self, number: u64, limit: usize) -> StoreResult<Vec<String>> {
        let mut ids = self
            .read_direct(|conn| {
                all(
                    conn,
                    "SELECT message_id FROM inbound_emails \
                     WHERE ticket_number = ? AND from_customer \
                     ORDER BY received_at DESC, rowid DESC LIMIT ?",
                    rusqlite::params![number as i64, limit as i64],
                    |row| Ok(row.get::<_, String>("message_id")?),
                )
            })
            .await?;
        ids.reverse();
        Ok(ids)
    }

    /// Adds a support-inbox email to ticket `number` exactly once per message
    /// id; shares a transaction as [`Self::record_inbound_email`] does.
    pub async fn record_inbound_reply(
        &self,
        message_id: &str,
        digest: &str,
        number: u64,
        change: crate::server::store::InboundReplyFn,
    ) -> StoreResult<(u64, bool)> {
        let message_id = message_id.to_string();
        let digest = digest.to_string();
        self.write_direct(move |conn| {
            let message_id = match inbound_recording(conn, &message_id, &digest)? {
                Recording::Duplicate(number) => return Ok((number, false)),
                Recording::Under(id) => id,
            };
            let (change, from_customer) = split_inbound_reply(change);
            let (_, event) = super::outbox::change_sending(conn, number, change)?;
            let from_customer = from_customer.load(std::sync::atomic::Ordering::Relaxed);
            record_inbound(conn, &message_id, &digest, number, from_customer)?;
            super::events::record(conn, &[event])?;
            Ok((number, true))
        })
        .await
    }
}

/// A condition's value, bound as SQLite stores it.
impl rusqlite::ToSql for Bind {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        match self {
            Bind::Text(text) | Bind::Time(text) => text.to_sql(),
            Bind::Int(int) => int.to_sql(),
        }
    }
}

impl SqliteStore {
    /// A page of at most `limit` tickets matching `filter`, newest activity
    /// first, each written as JSON while SQLite holds its row.
    pub async fn list_tickets(&self, filter: &TicketFilter, limit: u32) -> StoreResult<TicketPage> {
        // One more than the page, to know whether another follows.
        let read = limit + 1;
        // On the handle directly: through sqlx's worker each row is a message
        // between threads, which cost more than SQLite's reading of it (a
        // common text's candidates are thousands of rows).
        self.read_direct(|conn| {
            let plan = super::ticket_search::page_plan(conn, filter, read)?;
            let (condition, mut binds) = ticket_condition(filter, Dialect::Sqlite, plan.clone());
            let order = ticket_order(filter.sort, &plan, Dialect::Sqlite);
            let sql =
                format!("SELECT {COLUMNS} FROM tickets WHERE {condition} ORDER BY {order} LIMIT ?");
            binds.push(Bind::Int(i64::from(read)));
            super::ticket_page::write_page(conn, &sql, rusqlite::params_from_iter(binds), limit)
        })
        .await
    }

    /// A customer's tickets, by external id or email, newest first; with
    /// `sent_by`, only those that ingest token's handoffs opened.
    pub async fn requester_tickets(
        &self,
        id: &str,
        sent_by: Option<&str>,
        before: Option<u64>,
        limit: u32,
    ) -> StoreResult<Vec<Ticket>> {
        self.read_direct(|conn| {
            all(
                conn,
                &format!(
                    "SELECT {COLUMNS} FROM tickets WHERE (requester_external_id = ?1 \
                     OR lower(requester_email) = lower(?1)) \
                     AND (?2 IS NULL OR EXISTS (SELECT 1 FROM handoffs h \
                         WHERE h.id = tickets.handoff_id AND h.sent_by = ?2)) \
                     AND (?3 IS NULL OR number < ?3) \
                     ORDER BY number DESC LIMIT ?4"
                ),
                rusqlite::params![
                    id,
                    sent_by,
                    before.map(|number| number as i64),
                    i64::from(limit)
                ],
                |row| rows::ticket(row),
            )
        })
        .await
    }

    /// Where ticket `number` came from: the ingest token that sent its
    /// handoff, if one did.
    pub async fn ticket_origin(&self, number: u64) -> StoreResult<Origin> {
        let sent_by = self
            .read_direct(|conn| {
                optional(
                    conn,
                    "SELECT h.sent_by FROM tickets t \
                     LEFT JOIN handoffs h ON h.id = t.handoff_id WHERE t.number = ?",
                    [number as i64],
                    |row| Ok(row.get::<_, Option<String>>(0)?),
                )
            })
            .await?
            .ok_or_else(|| StoreError::NotFound {
                what: "ticket",
                key: number.to_string(),
            })?;
        Ok(Origin::sent_by(sent_by))
    }
}

/// The ticket changed before with idempotency key `key`, and the SHA-256 of
/// the request that changed it.
pub(crate) fn changed_with(conn: &Direct, key: &str) -> StoreResult<Option<(u64, String)>> {
    optional(
        conn,
        "SELECT ticket_number, request_sha256 FROM ticket_change_keys WHERE idempotency_key = ?",
        [key],
        |row| Ok((row.get::<_, i64>(0)? as u64, row.get(1)?)),
    )
}

/// Keeps `once`'s key with ticket `number`, changed in the caller's
/// transaction: the change is made once, however often the key comes again.
pub(crate) fn keep_change_key(
    conn: &Direct,
    once: &IdempotencyKey,
    number: u64,
) -> StoreResult<()> {
    execute(
        conn,
        "INSERT INTO ticket_change_keys (idempotency_key, request_sha256, ticket_number, \
         created_at) VALUES (?, ?, ?, ?)",
        rusqlite::params![once.key, once.request_sha256, number as i64, super::now()],
    )?;
    Ok(())
}

/// The ticket an inbound email with `message_id` went to, and the digest of
/// what it said, if it came before.
fn inbound_seen(conn: &Direct, message_id: &str) -> StoreResult<Option<(u64, Option<String>)>> {
    optional(
        conn,
        "SELECT ticket_number, content_sha256 FROM inbound_emails WHERE message_id = ?",
        [message_id],
        |row| Ok((row.get::<_, i64>(0)? as u64, row.get(1)?)),
    )
}

/// How the inbound email `message_id` saying `digest` is recorded
/// ([`mail::recording`]), read in the caller's write transaction.
fn inbound_recording(conn: &Direct, message_id: &str, digest: &str) -> StoreResult<Recording> {
    let seen = inbound_seen(conn, message_id)?;
    let content_seen =
        inbound_seen(conn, &mail::content_message_id(digest))?.map(|(number, _)| number);
    let seen = seen.as_ref().map(|(n, d)| (*n, d.as_deref()));
    Ok(mail::recording(message_id, digest, seen, content_seen))
}

/// Remembers that the inbound email `message_id`, saying what `digest`
/// stands for, went to ticket `number`.
fn record_inbound(
    conn: &Direct,
    message_id: &str,
    digest: &str,
    number: u64,
    from_customer: bool,
) -> StoreResult<()> {
    execute(
        conn,
        "INSERT INTO inbound_emails (message_id, ticket_number, received_at, from_customer, \
         content_sha256) VALUES (?, ?, ?, ?, ?)",
        rusqlite::params![
            message_id,
            number as i64,
            super::now(),
            from_customer,
            digest
        ],
    )?;
    Ok(())
}
