//! The `tickets` and `timeline` tables, and the assignment state read with them:
//! operators' open tickets and each team's round-robin position.

use sqlx::{Row, SqliteConnection};

use super::{SqliteStore, parse_time};
use crate::api::{Channel, Ticket, TicketDetail, TicketStatus};
use crate::api::{EventKind, TimelineEntry};
use crate::domain::assignment::{Loads, TeamState};
use crate::domain::tickets::{NewEntry, NewTicket, TicketChange};
use crate::server::store::rows;
use crate::server::store::shared::{
    Bind, Dialect, TextPlan, in_order, stored_entries, ticket_condition, ticket_event,
};
use crate::server::store::{FIRST_TICKET_NUMBER, NewEvent, StoreError, StoreResult, TicketFilter};

const COLUMNS: &str = "number, subject, status, priority, requester_name, requester_email, \
     requester_external_id, assignee, team_key, agent_key, channel, environment, fields, \
     context, ai_paused, handoff_id, created_at, last_activity_at";

pub(crate) async fn fetch_ticket(conn: &mut SqliteConnection, number: u64) -> StoreResult<Ticket> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM tickets WHERE number = ?"
    )))
    .bind(number as i64)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| StoreError::NotFound {
        what: "ticket",
        key: number.to_string(),
    })?;
    rows::ticket(&row)
}

/// The members of `team` with their open tickets, and the team's round-robin position.
/// An operator as assignment sees them, with their open tickets counted.
const CANDIDATE_COLUMNS: &str = "o.handle, o.availability, o.capacity, o.last_assigned_at, \
     (SELECT COUNT(*) FROM tickets t WHERE t.assignee = o.handle AND t.status IN ('open', 'pending')) \
       AS open_tickets";

impl SqliteStore {
    pub async fn assignment_loads(&self) -> StoreResult<Loads> {
        let mut tx = self.pool().begin().await?;
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {CANDIDATE_COLUMNS} FROM operators o ORDER BY o.handle"
        )))
        .fetch_all(&mut *tx)
        .await?;
        let positions = sqlx::query("SELECT team_key, last_handle FROM round_robin")
            .fetch_all(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Loads {
            operators: rows
                .iter()
                .map(rows::candidate)
                .collect::<StoreResult<_>>()?,
            last_assigned: positions
                .iter()
                .map(|row| Ok((row.try_get("team_key")?, row.try_get("last_handle")?)))
                .collect::<StoreResult<_>>()?,
        })
    }
}

pub(crate) async fn team_state(
    conn: &mut SqliteConnection,
    team: Option<&str>,
) -> StoreResult<TeamState> {
    let Some(team) = team else {
        return Ok(TeamState::default());
    };
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {CANDIDATE_COLUMNS} \
         FROM operators o JOIN team_members m ON m.operator_handle = o.handle \
         WHERE m.team_key = ? ORDER BY o.handle"
    )))
    .bind(team)
    .fetch_all(&mut *conn)
    .await?;
    let candidates = rows
        .iter()
        .map(rows::candidate)
        .collect::<StoreResult<Vec<_>>>()?;
    let last_assigned =
        sqlx::query_scalar("SELECT last_handle FROM round_robin WHERE team_key = ?")
            .bind(team)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(TeamState {
        candidates,
        last_assigned,
    })
}

/// Creates a ticket with the next number and its timeline, and records the
/// assignment (the operator's last assignment and the team's round-robin
/// position). Answers its number and the `ticket.created` event to record.
pub(crate) async fn insert_ticket(
    tx: &mut super::WriteTx,
    ticket: &NewTicket,
) -> StoreResult<(u64, NewEvent)> {
    let now = super::now();
    // The next number and the row as stored, in the one statement that writes
    // it: each statement is a round trip to the connection's thread.
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO tickets ({COLUMNS}) \
         SELECT COALESCE(MAX(number) + 1, ?), ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ? \
         FROM tickets RETURNING {COLUMNS}"
    )))
    .bind(FIRST_TICKET_NUMBER as i64)
    .bind(&ticket.subject)
    .bind(ticket.priority.as_str())
    .bind(&ticket.requester.name)
    .bind(&ticket.requester.email)
    .bind(&ticket.requester.external_id)
    .bind(&ticket.assignee)
    .bind(&ticket.team)
    .bind(&ticket.agent)
    .bind(ticket.channel.as_str())
    .bind(ticket.environment.as_str())
    .bind(serde_json::to_string(&ticket.fields).expect("fields serialize"))
    .bind(serde_json::to_string(&ticket.context).expect("context serializes"))
    .bind(&ticket.handoff)
    .bind(&now)
    .bind(&now)
    .fetch_one(&mut **tx)
    .await?;
    let created = rows::ticket(&row)?;
    let number = created.number;
    // A new ticket has no timeline yet: no need to ask where it ends.
    let entries = insert_entries(tx, number, (0, None), &ticket.timeline).await?;
    if let Some(handle) = &ticket.assignee {
        sqlx::query("UPDATE operators SET last_assigned_at = ? WHERE handle = ?")
            .bind(&now)
            .bind(handle)
            .execute(&mut **tx)
            .await?;
        if let Some(team) = &ticket.team {
            sqlx::query(
                "INSERT INTO round_robin (team_key, last_handle) VALUES (?, ?) \
                 ON CONFLICT (team_key) DO UPDATE SET last_handle = excluded.last_handle",
            )
            .bind(team)
            .bind(handle)
            .execute(&mut **tx)
            .await?;
        }
    }
    let event = ticket_event(
        EventKind::TicketCreated,
        &created,
        created.assignee.clone(),
        entries,
    );
    Ok((number, event))
}

/// Appends entries to a ticket's timeline, after its last one: answers them as stored.
pub(crate) async fn append_entries(
    tx: &mut super::WriteTx,
    number: u64,
    entries: &[NewEntry],
) -> StoreResult<Vec<TimelineEntry>> {
    let last = sqlx::query(
        "SELECT seq, at FROM timeline WHERE ticket_number = ? ORDER BY seq DESC LIMIT 1",
    )
    .bind(number as i64)
    .fetch_optional(&mut **tx)
    .await?;
    let last = match last {
        Some(row) => (
            row.try_get::<i64, _>("seq")?,
            Some(parse_time(row.try_get("at")?)?),
        ),
        None => (0, None),
    };
    insert_entries(tx, number, last, entries).await
}

/// Timeline rows written by one statement, at most (9 values each).
const ENTRIES_PER_INSERT: usize = 100;

/// Writes `entries` numbered after the last entry `(seq, at)`, never
/// earlier than it, many rows per statement: answers them as stored.
async fn insert_entries(
    tx: &mut super::WriteTx,
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
        let mut query = sqlx::query(sqlx::AssertSqlSafe(format!(
            "INSERT INTO timeline (ticket_number, seq, kind, author_kind, author, event, body, \
             channel, at) VALUES {rows}"
        )));
        for (entry, at) in chunk.iter().zip(times) {
            seq += 1;
            query = query
                .bind(number as i64)
                .bind(seq)
                .bind(entry.kind.as_str())
                .bind(entry.author_kind.as_str())
                .bind(entry.author.clone())
                .bind(entry.event.clone())
                .bind(entry.body.clone())
                .bind(entry.channel.map(Channel::as_str))
                .bind(super::stored_time(*at));
        }
        query.execute(&mut **tx).await?;
    }
    Ok(stored)
}

/// [`Store::change_ticket`] inside a write transaction that the caller commits,
/// so that more can be written with the change (e.g. the messages it sends):
/// answers the ticket after it and the event that records it.
pub(crate) async fn update_ticket(
    tx: &mut super::WriteTx,
    number: u64,
    change: impl FnOnce(&Ticket) -> StoreResult<(TicketChange, Vec<NewEntry>)>,
) -> StoreResult<(Ticket, NewEvent)> {
    let current = fetch_ticket(tx, number).await?;
    let (update, entries) = change(&current)?;
    if let Some(handle) = update.assignee.as_ref().and_then(|a| a.as_ref()) {
        super::require_operator(tx, "to", handle).await?;
    }
    let now = super::now();
    sqlx::query(
        "UPDATE tickets SET status = ?, priority = ?, assignee = ?, ai_paused = ?, \
             last_activity_at = ? WHERE number = ?",
    )
    .bind(update.status.unwrap_or(current.status).as_str())
    .bind(update.priority.unwrap_or(current.priority).as_str())
    .bind(match &update.assignee {
        Some(assignee) => assignee.clone(),
        None => current.assignee.clone(),
    })
    .bind(i64::from(update.ai_paused.unwrap_or(current.ai_paused)))
    .bind(&now)
    .bind(number as i64)
    .execute(&mut **tx)
    .await?;
    if let Some(Some(handle)) = &update.assignee {
        sqlx::query("UPDATE operators SET last_assigned_at = ? WHERE handle = ?")
            .bind(&now)
            .bind(handle)
            .execute(&mut **tx)
            .await?;
    }
    let kind = crate::domain::events::ticket_change_kind(&entries);
    let stored = append_entries(tx, number, &entries).await?;
    let after = fetch_ticket(tx, number).await?;
    let event = ticket_event(kind, &after, current.assignee, stored);
    Ok((after, event))
}

impl SqliteStore {
    pub async fn get_ticket(&self, number: u64) -> StoreResult<TicketDetail> {
        let mut tx = self.pool().begin().await?;
        let ticket = fetch_ticket(&mut tx, number).await?;
        let rows = sqlx::query(
            "SELECT seq, kind, author_kind, author, event, body, channel, at FROM timeline \
             WHERE ticket_number = ? ORDER BY seq",
        )
        .bind(number as i64)
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(TicketDetail {
            ticket,
            timeline: rows
                .iter()
                .map(rows::timeline_entry)
                .collect::<StoreResult<_>>()?,
        })
    }

    /// The assignment state of `team`, read outside any write (for previews).
    pub async fn team_state(&self, team: Option<&str>) -> StoreResult<TeamState> {
        let mut conn = self.pool().acquire().await?;
        team_state(&mut conn, team).await
    }

    /// The key of the default team, if any.
    pub async fn default_team(&self) -> StoreResult<Option<String>> {
        Ok(
            sqlx::query_scalar("SELECT key FROM teams WHERE is_default = 1")
                .fetch_optional(self.pool())
                .await?,
        )
    }

    /// How many tickets the desk holds, by status.
    pub async fn count_tickets(&self, status: Option<TicketStatus>) -> StoreResult<u64> {
        let count: i64 = match status {
            Some(status) => {
                sqlx::query_scalar("SELECT COUNT(*) FROM tickets WHERE status = ?")
                    .bind(status.as_str())
                    .fetch_one(self.pool())
                    .await?
            }
            None => {
                sqlx::query_scalar("SELECT COUNT(*) FROM tickets")
                    .fetch_one(self.pool())
                    .await?
            }
        };
        Ok(count as u64)
    }
}

impl SqliteStore {
    /// Opens a ticket for a support-inbox email exactly once per message id.
    /// Returns the ticket's number and whether it was created now.
    pub async fn record_inbound_email(
        &self,
        message_id: &str,
        team: Option<&str>,
        finish: impl FnOnce(&TeamState) -> NewTicket,
    ) -> StoreResult<(u64, bool)> {
        let mut tx = self.write().await?;
        if let Some(number) = inbound_seen(&mut tx, message_id).await? {
            return Ok((number, false));
        }
        let state = team_state(&mut tx, team).await?;
        let ticket = finish(&state);
        let (number, created) = insert_ticket(&mut tx, &ticket).await?;
        sqlx::query(
            "INSERT INTO inbound_emails (message_id, ticket_number, received_at) VALUES (?, ?, ?)",
        )
        .bind(message_id)
        .bind(number as i64)
        .bind(super::now())
        .execute(&mut *tx)
        .await?;
        super::events::record(&mut tx, &[created]).await?;
        tx.commit().await?;
        Ok((number, true))
    }
}

impl SqliteStore {
    /// Takes operator `handle`'s open and pending tickets from them.
    pub async fn release_tickets(
        &self,
        handle: &str,
        release: crate::server::store::ReleaseFn<'_>,
    ) -> StoreResult<u64> {
        let mut tx = self.write().await?;
        let numbers: Vec<i64> = sqlx::query_scalar(
            "SELECT number FROM tickets WHERE assignee = ? AND status IN ('open', 'pending') \
             ORDER BY number",
        )
        .bind(handle)
        .fetch_all(&mut *tx)
        .await?;
        let mut events = Vec::with_capacity(numbers.len());
        for number in &numbers {
            let (_, event) =
                update_ticket(&mut tx, *number as u64, |ticket| Ok(release(ticket))).await?;
            events.push(event);
        }
        super::events::record(&mut tx, &events).await?;
        tx.commit().await?;
        Ok(numbers.len() as u64)
    }

    /// The ticket the first of `ids` that the desk knows belongs to.
    pub async fn find_email_thread(&self, ids: &[String]) -> StoreResult<Option<u64>> {
        let mut conn = self.pool().acquire().await?;
        for id in ids {
            let number: Option<i64> = sqlx::query_scalar(
                "SELECT ticket_number FROM inbound_emails WHERE message_id IN (?, ?) \
                 UNION ALL SELECT ticket_number FROM email_threads WHERE local_id = ? LIMIT 1",
            )
            .bind(id)
            .bind(format!("<{id}>"))
            .bind(crate::domain::mail::local_part(id))
            .fetch_optional(&mut *conn)
            .await?;
            if let Some(number) = number {
                return Ok(Some(number as u64));
            }
        }
        Ok(None)
    }

    /// Adds a support-inbox email to ticket `number` exactly once per message id.
    pub async fn record_inbound_reply(
        &self,
        message_id: &str,
        number: u64,
        change: crate::server::store::TicketChangeFn<'_>,
    ) -> StoreResult<(u64, bool)> {
        let mut tx = self.write().await?;
        if let Some(number) = inbound_seen(&mut tx, message_id).await? {
            return Ok((number, false));
        }
        let mut outbound = Vec::new();
        let (_, event) = update_ticket(&mut tx, number, |current| {
            let (update, entries, messages) = change(current)?;
            outbound = messages;
            Ok((update, entries))
        })
        .await?;
        super::outbox::enqueue(&mut tx, &outbound).await?;
        sqlx::query(
            "INSERT INTO inbound_emails (message_id, ticket_number, received_at) VALUES (?, ?, ?)",
        )
        .bind(message_id)
        .bind(number as i64)
        .bind(super::now())
        .execute(&mut *tx)
        .await?;
        super::events::record(&mut tx, &[event]).await?;
        tx.commit().await?;
        Ok((number, true))
    }
}

/// `query` with `binds` bound, in order.
pub(super) fn bind_all<'q>(
    mut query: sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments>,
    binds: Vec<Bind>,
) -> sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments> {
    for bind in binds {
        query = match bind {
            Bind::Text(text) | Bind::Time(text) => query.bind(text),
            Bind::Int(int) => query.bind(int),
        };
    }
    query
}

impl SqliteStore {
    /// One page of tickets matching `filter`, newest activity first.
    pub async fn list_tickets(
        &self,
        filter: &TicketFilter,
        limit: u32,
    ) -> StoreResult<Vec<Ticket>> {
        let plan = self.text_plan(filter, limit).await?;
        let (condition, binds) = ticket_condition(filter, Dialect::Sqlite, plan.clone());
        // `+` keeps SQLite from walking the activity index when the text
        // index has found the few candidates to sort.
        let order = match plan {
            TextPlan::Walk => "last_activity_at DESC, number DESC",
            TextPlan::Indexed | TextPlan::Among(_) => "+last_activity_at DESC, +number DESC",
        };
        let sql =
            format!("SELECT {COLUMNS} FROM tickets WHERE {condition} ORDER BY {order} LIMIT ?");
        let query = bind_all(sqlx::query(sqlx::AssertSqlSafe(sql)), binds);
        let rows = query.bind(i64::from(limit)).fetch_all(self.pool()).await?;
        rows.iter().map(rows::ticket).collect()
    }

    /// A customer's tickets, by external id or email, newest first.
    pub async fn requester_tickets(&self, id: &str) -> StoreResult<Vec<Ticket>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM tickets WHERE requester_external_id = ? \
             OR lower(requester_email) = lower(?) ORDER BY created_at DESC, number DESC LIMIT 500"
        )))
        .bind(id)
        .bind(id)
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(rows::ticket).collect()
    }
}

/// The ticket an inbound email with `message_id` went to, if it came before.
async fn inbound_seen(tx: &mut super::WriteTx, message_id: &str) -> StoreResult<Option<u64>> {
    let seen: Option<i64> =
        sqlx::query_scalar("SELECT ticket_number FROM inbound_emails WHERE message_id = ?")
            .bind(message_id)
            .fetch_optional(&mut **tx)
            .await?;
    Ok(seen.map(|number| number as u64))
}
