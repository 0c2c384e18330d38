//! The `tickets` and `timeline` tables, and the assignment state read with them.

use sqlx::postgres::PgArguments;
use sqlx::{PgConnection, Postgres, Row};

use super::{At, PostgresStore, at};
use crate::api::{Channel, Ticket, TicketCountBy, TicketDetail};
use crate::api::{EventKind, TimelineEntry};
use crate::domain::assignment::{Loads, TeamState};
use crate::domain::mail::{self, Recording};
use crate::domain::tickets::{self, NewEntry, NewTicket, Origin, TicketChange};
use crate::server::store::group_commit::{Committed, GroupCommit};
use crate::server::store::rows;
use crate::server::store::shared::alone_on_a_bug;
use crate::server::store::shared::split_inbound_reply;
use crate::server::store::shared::{
    Bind, CANDIDATE_COLUMNS, CANDIDATES, Dialect, SearchPlan, count_column, encode, fold_ascii,
    in_order, stored_entries, ticket_condition, ticket_event, ticket_order,
};
use crate::server::store::{
    IdempotencyKey, InboundReplyFn, NewEvent, Recorded, StoreError, StoreResult, TicketChangeFn,
    TicketFilter, TicketPage, check_replay,
};

const COLUMNS: &str = "number, subject, status, priority, requester_name, requester_email, \
     requester_external_id, requester_phone, assignee, team_key, agent_key, channel, environment, \
     fields::text AS fields, context::text AS context, ai_paused, handoff_id, created_at, \
     last_activity_at";

/// The ticket `number`; with `lock`, its row stays locked until the
/// transaction ends, so its timeline and state change one writer at a time.
pub(crate) async fn fetch_ticket(
    conn: &mut PgConnection,
    number: u64,
    lock: bool,
) -> StoreResult<Ticket> {
    rows::ticket(&ticket_row(conn, number, "", lock).await?)
}

/// Ticket `number`'s row: its [`COLUMNS`] and the `extra` ones (each after
/// a comma); with `lock`, locked as [`fetch_ticket`] locks it.
async fn ticket_row(
    conn: &mut PgConnection,
    number: u64,
    extra: &str,
    lock: bool,
) -> StoreResult<sqlx::postgres::PgRow> {
    let lock = if lock { " FOR UPDATE" } else { "" };
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS}{extra} FROM tickets WHERE number = $1{lock}"
    )))
    .bind(number as i64)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| StoreError::NotFound {
        what: "ticket",
        key: number.to_string(),
    })
}

/// The members of `team` with their open tickets, and the team's round-robin
/// position, in one statement (each is a round trip to the server): one row
/// per member, or one row of nulls but the position for a team without any.
pub(crate) async fn team_state(
    conn: &mut PgConnection,
    team: Option<&str>,
) -> StoreResult<TeamState> {
    let Some(team) = team else {
        return Ok(TeamState::default());
    };
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT (SELECT last_handle FROM round_robin WHERE team_key = $1) AS round_robin_last, \
                members.* \
         FROM (SELECT 1) AS one LEFT JOIN ( \
             SELECT {CANDIDATE_COLUMNS} \
             FROM {CANDIDATES} JOIN team_members m ON m.operator_handle = o.handle \
             WHERE m.team_key = $1) AS members ON true \
         ORDER BY members.handle"
    )))
    .bind(team)
    .fetch_all(&mut *conn)
    .await?;
    let last_assigned = match rows.first() {
        Some(row) => row.try_get("round_robin_last")?,
        None => None,
    };
    let members = rows
        .iter()
        .filter(|row| matches!(row.try_get::<Option<String>, _>("handle"), Ok(Some(_))));
    Ok(TeamState {
        candidates: members.map(rows::candidate).collect::<StoreResult<_>>()?,
        last_assigned,
    })
}

/// Creates a ticket with the next number and its timeline, and records the
/// assignment (the operator's last assignment, the team's round-robin
/// position), all in one statement: each statement is a round trip to the
/// server, and the caller holds the assignment lock through them. Answers its
/// number and the `ticket.created` event to record.
pub(crate) async fn insert_ticket(
    conn: &mut PgConnection,
    ticket: &NewTicket,
) -> StoreResult<(u64, NewEvent)> {
    let now = super::now();
    let created_at = At(ticket.created_at);
    // PostgreSQL runs every part of the statement, whether or not the outer
    // query reads it; the foreign keys are checked at its end, when the
    // ticket is there.
    let sql = format!(
        "WITH taken AS (UPDATE ticket_numbers SET last = last + 1 WHERE id = 1 RETURNING last), \
         ticket AS (INSERT INTO tickets (number, subject, status, priority, requester_name, \
             requester_email, requester_external_id, assignee, team_key, agent_key, channel, \
             environment, fields, context, ai_paused, handoff_id, created_at, last_activity_at, \
             requester_phone) \
             SELECT taken.last, $1, 'open', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, \
             $12::jsonb, false, $13, $14, $14, $16 FROM taken RETURNING {COLUMNS}), \
         entries AS ({INSERT_ENTRIES} SELECT taken.last, {ENTRY_VALUES} FROM taken, {ENTRY_ARRAYS}), \
         assigned AS (UPDATE operators SET last_assigned_at = $15 WHERE handle = $6), \
         position AS (INSERT INTO round_robin (team_key, last_handle) \
             SELECT $7, $6 WHERE $6 IS NOT NULL AND $7 IS NOT NULL \
             ON CONFLICT (team_key) DO UPDATE SET last_handle = excluded.last_handle) \
         SELECT * FROM ticket",
        INSERT_ENTRIES = INSERT_ENTRIES,
        ENTRY_VALUES = ENTRY_VALUES,
        ENTRY_ARRAYS = entry_arrays(17),
    );
    let query = sqlx::query(sqlx::AssertSqlSafe(sql))
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
        .bind(encode(&ticket.fields))
        .bind(encode(&ticket.context))
        .bind(&ticket.handoff)
        .bind(created_at)
        .bind(now)
        .bind(&ticket.requester.phone);
    let (query, stored) = bind_entries(query, (0, None), &ticket.timeline);
    let row = query.fetch_one(&mut *conn).await?;
    let created = rows::ticket(&row)?;
    let number = created.number;
    let event = ticket_event(EventKind::TicketCreated, &created, &created, stored);
    Ok((number, event))
}

/// A change of a ticket: its number, the idempotency key it is made once
/// with, if any, and the change.
pub(crate) type ChangeWrite = (u64, Option<IdempotencyKey>, TicketChangeFn);

/// Ticket changes waiting for their writer, each answered with the ticket
/// after it (or, for a key seen before, as it stands).
pub(crate) type ChangeCommit = GroupCommit<ChangeWrite, Recorded<Ticket>>;

/// The ticket changes waiting to be committed together on `pool`
/// ([`commit_changes`]).
pub(crate) fn change_commits(pool: sqlx::PgPool) -> ChangeCommit {
    GroupCommit::new(
        std::sync::Arc::new(move |batch| Box::pin(commit_changes(pool.clone(), batch))),
        unconfirmed_change,
    )
}

/// Commits a batch of ticket changes in one transaction under the assignment
/// lock, each in a savepoint of its own: each sees the ones before it (two
/// changes of one ticket apply in turn), one that fails or panics is rolled
/// back alone, and the batch shares the lock, the `COMMIT` and the wait for
/// its flush, as a batch of handoffs does ([`super::PostgresStore::commit_handoffs`]).
async fn commit_changes(
    pool: sqlx::PgPool,
    batch: Vec<ChangeWrite>,
) -> StoreResult<Committed<Recorded<Ticket>>> {
    let batch = batch.into_iter().map(BatchedChange).collect();
    super::commit_batch(&pool, batch).await
}

/// A change of a ticket in a batch ([`super::commit_batch`]).
struct BatchedChange(ChangeWrite);

impl super::BatchWrite for BatchedChange {
    type Asked = ();
    type Answer = Recorded<Ticket>;

    async fn ask(_: &mut PgConnection, _: &mut [Self]) -> StoreResult<()> {
        Ok(())
    }

    /// A key seen before (by any replica: the assignment lock orders their
    /// batches, or earlier in this one) answers the ticket it changed as it
    /// stands, and changes nothing.
    async fn write(
        self,
        conn: &mut PgConnection,
        _: &mut (),
    ) -> StoreResult<(Recorded<Ticket>, Vec<NewEvent>)> {
        let BatchedChange((number, once, change)) = self;
        if let Some(once) = &once
            && let Some((first, sha)) = changed_with(conn, &once.key).await?
        {
            check_replay(&once.key, &once.request_sha256, &sha, "request")?;
            let ticket = fetch_ticket(conn, first, false).await?;
            return Ok((Recorded::Replayed(ticket), Vec::new()));
        }
        let change: TicketChangeFn = Box::new(move |ticket, last_message_at| {
            alone_on_a_bug("the ticket's change", || change(ticket, last_message_at))
        });
        let (ticket, event) = super::outbox::change_sending(conn, number, change).await?;
        if let Some(once) = &once {
            keep_change_key(conn, once, number).await?;
        }
        Ok((Recorded::Created(ticket), vec![event]))
    }
}

/// The ticket changed before with idempotency key `key`, and the SHA-256 of
/// the request that changed it.
async fn changed_with(conn: &mut PgConnection, key: &str) -> StoreResult<Option<(u64, String)>> {
    let row: Option<(i64, String)> = sqlx::query_as(
        "SELECT ticket_number, request_sha256 FROM ticket_change_keys WHERE idempotency_key = $1",
    )
    .bind(key)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|(number, sha)| (number as u64, sha)))
}

/// Keeps `once`'s key with ticket `number`, changed in the caller's
/// transaction: the change is made once, however often the key comes again.
async fn keep_change_key(
    conn: &mut PgConnection,
    once: &IdempotencyKey,
    number: u64,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO ticket_change_keys (idempotency_key, request_sha256, ticket_number, \
         created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(&once.key)
    .bind(&once.request_sha256)
    .bind(number as i64)
    .bind(super::now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Why a committed ticket change is answered with an error: the database did
/// not confirm it durable, so it may or may not survive a crash.
fn unconfirmed_change(error: &StoreError) -> StoreError {
    StoreError::Unavailable(format!(
        "the change was committed, but the database did not confirm it durable ({error}); \
         look at the ticket before making it again"
    ))
}

/// Appends entries to a ticket's timeline, after its last one: answers them
/// as stored. The caller holds the ticket's row lock.
pub(crate) async fn append_entries(
    conn: &mut PgConnection,
    number: u64,
    entries: &[NewEntry],
) -> StoreResult<Vec<TimelineEntry>> {
    let last = sqlx::query(
        "SELECT seq, at FROM timeline WHERE ticket_number = $1 ORDER BY seq DESC LIMIT 1",
    )
    .bind(number as i64)
    .fetch_optional(&mut *conn)
    .await?;
    let last = match last {
        Some(row) => (
            row.try_get::<i32, _>("seq")?,
            Some(row.try_get::<At, _>("at")?.0),
        ),
        None => (0, None),
    };
    insert_entries(conn, number, last, entries).await
}

/// Writes `entries` numbered after the last entry `(seq, at)`, never earlier
/// than it, in one statement (arrays unnested): answers them as stored.
async fn insert_entries(
    conn: &mut PgConnection,
    number: u64,
    last: (i32, Option<jiff::Timestamp>),
    entries: &[NewEntry],
) -> StoreResult<Vec<TimelineEntry>> {
    if entries.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "{INSERT_ENTRIES} SELECT $1, {ENTRY_VALUES} FROM {}",
        entry_arrays(2)
    );
    let query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(number as i64);
    let (query, stored) = bind_entries(query, last, entries);
    query.execute(&mut *conn).await?;
    Ok(stored)
}

/// Timeline rows are written from arrays, one per column ([`entry_arrays`]).
const INSERT_ENTRIES: &str = "INSERT INTO timeline (ticket_number, seq, kind, author_kind, \
     author, event, body, channel, at)";
/// The columns after the ticket's number, from [`entry_arrays`]'s `e`.
const ENTRY_VALUES: &str =
    "e.seq, e.kind, e.author_kind, e.author, e.event, e.body, e.channel, e.at";

/// The entries' arrays unnested as rows `e`, from placeholder `$first` on
/// (eight of them, bound by [`bind_entries`]).
fn entry_arrays(first: usize) -> String {
    let types = [
        "int",
        "text",
        "text",
        "text",
        "text",
        "text",
        "text",
        "timestamptz",
    ];
    let arrays = (first..)
        .zip(types)
        .map(|(n, ty)| format!("${n}::{ty}[]"))
        .collect::<Vec<_>>()
        .join(", ");
    format!("unnest({arrays}) AS e(seq, kind, author_kind, author, event, body, channel, at)")
}

/// Binds [`entry_arrays`]'s arrays: `entries` numbered after the last entry
/// `(seq, at)` and never earlier than it. Answers them as they will be stored.
fn bind_entries<'q>(
    query: sqlx::query::Query<'q, Postgres, PgArguments>,
    (last_seq, last_at): (i32, Option<jiff::Timestamp>),
    entries: &[NewEntry],
) -> (
    sqlx::query::Query<'q, Postgres, PgArguments>,
    Vec<TimelineEntry>,
) {
    let seqs: Vec<i32> = (1..=entries.len() as i32).map(|n| last_seq + n).collect();
    let column = |f: fn(&NewEntry) -> Option<String>| -> Vec<Option<String>> {
        entries.iter().map(f).collect()
    };
    let times = in_order(last_at, entries);
    let stored = stored_entries(i64::from(last_seq), entries, &times);
    let ats: Vec<At> = times.into_iter().map(At).collect();
    let query = query
        .bind(seqs)
        .bind(column(|e| Some(e.kind.as_str().to_string())))
        .bind(column(|e| Some(e.author_kind.as_str().to_string())))
        .bind(column(|e| e.author.clone()))
        .bind(column(|e| e.event.clone()))
        .bind(column(|e| e.body.clone()))
        .bind(column(|e| {
            e.channel.map(|c| Channel::as_str(c).to_string())
        }))
        .bind(ats);
    (query, stored)
}

/// Changes a ticket under its row lock, in a transaction the caller commits:
/// answers the ticket after it and the event that records it.
pub(crate) async fn update_ticket(
    conn: &mut PgConnection,
    number: u64,
    change: impl FnOnce(&Ticket) -> StoreResult<(TicketChange, Vec<NewEntry>)>,
) -> StoreResult<(Ticket, NewEvent)> {
    update_ticket_seeing_messages(conn, number, |ticket, _| change(ticket)).await
}

/// [`update_ticket`], the change seeing the time of the ticket's last
/// conversation message too (see [`TicketChangeFn`]), read with the locked
/// row in the same statement: a ticket change holds the assignment lock, and
/// its round trips set how many a second the desk makes.
pub(crate) async fn update_ticket_seeing_messages(
    conn: &mut PgConnection,
    number: u64,
    change: impl FnOnce(&Ticket, Option<jiff::Timestamp>) -> StoreResult<(TicketChange, Vec<NewEntry>)>,
) -> StoreResult<(Ticket, NewEvent)> {
    const LAST_MESSAGE_AT: &str = ", (SELECT MAX(m.at) FROM timeline m \
         WHERE m.ticket_number = tickets.number AND m.kind = 'message' \
         AND m.author_kind IN ('customer', 'ai')) AS last_message_at";
    let row = ticket_row(conn, number, LAST_MESSAGE_AT, true).await?;
    let current = rows::ticket(&row)?;
    let last_message_at: Option<At> = row.try_get("last_message_at")?;
    let (update, entries) = change(&current, last_message_at.map(|at| at.0))?;
    if let Some(handle) = update.assignee.as_ref().and_then(|a| a.as_ref()) {
        super::require_operator(conn, "to", handle).await?;
    }
    if let Some(team) = update.team.as_ref().and_then(|t| t.as_ref()) {
        super::require_team(conn, "team", team).await?;
    }
    let now = super::now();
    let activity = tickets::is_activity(&current, &update, &entries).then_some(now);
    sqlx::query(
        "UPDATE tickets SET status = $1, priority = $2, assignee = $3, team_key = $7, \
         ai_paused = $4, last_activity_at = COALESCE($5, last_activity_at) WHERE number = $6",
    )
    .bind(update.status.unwrap_or(current.status).as_str())
    .bind(update.priority.unwrap_or(current.priority).as_str())
    .bind(match &update.assignee {
        Some(assignee) => assignee.clone(),
        None => current.assignee.clone(),
    })
    .bind(update.ai_paused.unwrap_or(current.ai_paused))
    .bind(activity)
    .bind(number as i64)
    .bind(match &update.team {
        Some(team) => team.clone(),
        None => current.team.clone(),
    })
    .execute(&mut *conn)
    .await?;
    if let Some(Some(handle)) = &update.assignee {
        sqlx::query("UPDATE operators SET last_assigned_at = $1 WHERE handle = $2")
            .bind(now)
            .bind(handle)
            .execute(&mut *conn)
            .await?;
    }
    let kind = crate::domain::events::ticket_change_kind(&entries);
    let stored = append_entries(conn, number, &entries).await?;
    let after = fetch_ticket(conn, number, false).await?;
    let event = ticket_event(kind, &after, &current, stored);
    Ok((after, event))
}

/// `query` with `binds` bound, in order.
fn bind_all<'q>(
    mut query: sqlx::query::Query<'q, Postgres, PgArguments>,
    binds: Vec<Bind>,
) -> StoreResult<sqlx::query::Query<'q, Postgres, PgArguments>> {
    for bind in binds {
        query = match bind {
            Bind::Text(text) => query.bind(text),
            Bind::Int(int) => query.bind(int),
            Bind::Time(text) => query.bind(at(&text)?),
        };
    }
    Ok(query)
}

impl PostgresStore {
    pub async fn assignment_loads(&self) -> StoreResult<Loads> {
        let mut tx = super::snapshot(self.pool()).await?;
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {CANDIDATE_COLUMNS} FROM {CANDIDATES} ORDER BY o.handle"
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

    pub async fn get_ticket(&self, number: u64) -> StoreResult<TicketDetail> {
        let mut tx = super::snapshot(self.pool()).await?;
        let ticket = fetch_ticket(&mut tx, number, false).await?;
        let rows = sqlx::query(
            "SELECT seq, kind, author_kind, author, event, body, channel, at FROM timeline \
             WHERE ticket_number = $1 ORDER BY seq",
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
        let mut tx = super::snapshot(self.pool()).await?;
        let state = team_state(&mut tx, team).await?;
        tx.commit().await?;
        Ok(state)
    }

    /// Changes a ticket under its row lock and the assignment lock (a change
    /// may assign), queuing the messages it sends in the same transaction:
    /// in the next batch of changes ([`commit_changes`]), answered once it
    /// is durable.
    pub async fn change_ticket(
        &self,
        number: u64,
        once: Option<IdempotencyKey>,
        change: TicketChangeFn,
    ) -> StoreResult<Recorded<Ticket>> {
        self.changes.record((number, once, change)).await
    }

    /// Opens a ticket for a support-inbox email exactly once per message id.
    pub async fn record_inbound_email(
        &self,
        message_id: &str,
        digest: &str,
        team: Option<&str>,
        finish: impl FnOnce(&TeamState) -> NewTicket,
    ) -> StoreResult<(u64, bool)> {
        super::assigning(self.pool(), async |tx| {
            let message_id = match inbound_recording(tx, message_id, digest).await? {
                Recording::Duplicate(number) => return Ok((number, false)),
                Recording::Under(id) => id,
            };
            let state = team_state(tx, team).await?;
            let ticket = finish(&state);
            let (number, created) = insert_ticket(tx, &ticket).await?;
            // The email that opens a ticket is its requester's.
            record_inbound(tx, &message_id, digest, number, true).await?;
            super::events::record(tx, &[created]).await?;
            Ok((number, true))
        })
        .await
    }

    /// Takes the open and pending tickets of `holder`.
    pub async fn release_tickets(
        &self,
        holder: crate::server::store::Holder<'_>,
        release: crate::server::store::ReleaseFn<'_>,
    ) -> StoreResult<u64> {
        let (column, key) = holder.column();
        super::assigning(self.pool(), async |tx| {
            let numbers: Vec<i64> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
                "SELECT number FROM tickets WHERE {column} = $1 \
                 AND status IN ('open', 'pending') ORDER BY number"
            )))
            .bind(key)
            .fetch_all(&mut *tx)
            .await?;
            let mut events = Vec::with_capacity(numbers.len());
            for number in &numbers {
                let (_, event) =
                    update_ticket(tx, *number as u64, |ticket| Ok(release(ticket))).await?;
                events.push(event);
            }
            // The event log's counter row is the last write: see events.rs.
            super::events::record(tx, &events).await?;
            Ok(numbers.len() as u64)
        })
        .await
    }

    /// The ticket the first of `ids` that the desk knows belongs to.
    pub async fn find_email_thread(&self, ids: &[String]) -> StoreResult<Option<u64>> {
        let mut conn = self.pool().acquire().await?;
        for id in ids {
            let number: Option<i64> = sqlx::query_scalar(
                "SELECT ticket_number FROM inbound_emails WHERE message_id IN ($1, $2) \
                 UNION ALL SELECT ticket_number FROM email_threads WHERE local_id = $3 LIMIT 1",
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

    /// The message ids of the last `limit` inbound emails on ticket `number`
    /// that were the customer's own, oldest first.
    pub async fn inbound_message_ids(&self, number: u64, limit: usize) -> StoreResult<Vec<String>> {
        let mut ids: Vec<String> = sqlx::query_scalar(
            "SELECT message_id FROM inbound_emails WHERE ticket_number = $1 AND from_customer \
             ORDER BY received_at DESC, message_id DESC LIMIT $2",
        )
        .bind(number as i64)
        .bind(limit as i64)
        .fetch_all(self.pool())
        .await?;
        ids.reverse();
        Ok(ids)
    }

    /// Adds a support-inbox email to ticket `number` exactly once per message id.
    pub async fn record_inbound_reply(
        &self,
        message_id: &str,
        digest: &str,
        number: u64,
        change: InboundReplyFn,
    ) -> StoreResult<(u64, bool)> {
        super::assigning(self.pool(), async |tx| {
            let message_id = match inbound_recording(tx, message_id, digest).await? {
                Recording::Duplicate(number) => return Ok((number, false)),
                Recording::Under(id) => id,
            };
            let (change, from_customer) = split_inbound_reply(change);
            let (_, event) = super::outbox::change_sending(tx, number, change).await?;
            let from_customer = from_customer.load(std::sync::atomic::Ordering::Relaxed);
            record_inbound(tx, &message_id, digest, number, from_customer).await?;
            super::events::record(tx, &[event]).await?;
            Ok((number, true))
        })
        .await
    }

    /// A page of at most `limit` tickets matching `filter`, newest activity
    /// first.
    pub async fn list_tickets(&self, filter: &TicketFilter, limit: u32) -> StoreResult<TicketPage> {
        // One more than the page, to know whether another follows.
        let read = limit + 1;
        let plan = self.text_plan(filter, read).await?;
        let (condition, binds) = ticket_condition(filter, Dialect::Postgres, plan.clone());
        let limit_param = binds.len() + 1;
        let order = ticket_order(filter.sort, &plan, Dialect::Postgres);
        let sql = format!(
            "SELECT {COLUMNS} FROM tickets WHERE {condition} \
             ORDER BY {order} LIMIT ${limit_param}"
        );
        let rows = bind_all(sqlx::query(sqlx::AssertSqlSafe(sql)), binds)?
            .bind(i64::from(read))
            .fetch_all(self.pool())
            .await?;
        let tickets = rows.iter().map(rows::ticket).collect::<StoreResult<_>>()?;
        TicketPage::of(tickets, limit)
    }

    /// How many tickets matching `filter` have each value of `by`.
    pub async fn ticket_counts(
        &self,
        filter: &TicketFilter,
        by: TicketCountBy,
    ) -> StoreResult<Vec<(Option<String>, u64)>> {
        // Counting reads every match whatever the plan: starting from the
        // indexes skips the tickets that do not match.
        let (condition, binds) = ticket_condition(filter, Dialect::Postgres, SearchPlan::Indexed);
        let column = count_column(by);
        let sql = format!(
            "SELECT {column}::text AS value, COUNT(*) AS count FROM tickets WHERE {condition} \
             GROUP BY {column}"
        );
        let rows = bind_all(sqlx::query(sqlx::AssertSqlSafe(sql)), binds)?
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(|row| {
                let count: i64 = row.try_get("count")?;
                Ok((row.try_get("value")?, count as u64))
            })
            .collect()
    }

    /// See [`crate::server::store::Tickets::requester_tickets`].
    pub async fn requester_tickets(
        &self,
        id: &str,
        sent_by: Option<&str>,
        before: Option<u64>,
        limit: u32,
    ) -> StoreResult<Vec<Ticket>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM tickets WHERE (requester_external_id = $1 OR {} = $2) \
             AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM handoffs h \
                 WHERE h.id = tickets.handoff_id AND h.sent_by = $3)) \
             AND ($4::bigint IS NULL OR number < $4) \
             ORDER BY number DESC LIMIT $5",
            fold_ascii("requester_email")
        )))
        .bind(id)
        .bind(id.to_ascii_lowercase())
        .bind(sent_by)
        .bind(before.map(|number| number as i64))
        .bind(i64::from(limit))
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(rows::ticket).collect()
    }

    /// Where ticket `number` came from: the ingest token that sent its
    /// handoff, if one did.
    pub async fn ticket_origin(&self, number: u64) -> StoreResult<Origin> {
        let sent_by: Option<Option<String>> = sqlx::query_scalar(
            "SELECT h.sent_by FROM tickets t \
             LEFT JOIN handoffs h ON h.id = t.handoff_id WHERE t.number = $1",
        )
        .bind(number as i64)
        .fetch_optional(self.pool())
        .await?;
        let sent_by = sent_by.ok_or_else(|| StoreError::NotFound {
            what: "ticket",
            key: number.to_string(),
        })?;
        Ok(Origin::sent_by(sent_by))
    }
}

/// The ticket an inbound email with `message_id` went to, and the digest of
/// what it said, if it came before.
async fn inbound_seen(
    conn: &mut PgConnection,
    message_id: &str,
) -> StoreResult<Option<(u64, Option<String>)>> {
    let seen: Option<(i64, Option<String>)> = sqlx::query_as(
        "SELECT ticket_number, content_sha256 FROM inbound_emails WHERE message_id = $1",
    )
    .bind(message_id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(seen.map(|(number, digest)| (number as u64, digest)))
}

/// How the inbound email `message_id` saying `digest` is recorded
/// ([`mail::recording`]), read in the caller's write transaction.
async fn inbound_recording(
    conn: &mut PgConnection,
    message_id: &str,
    digest: &str,
) -> StoreResult<Recording> {
    let seen = inbound_seen(conn, message_id).await?;
    let content_seen = inbound_seen(conn, &mail::content_message_id(digest))
        .await?
        .map(|(number, _)| number);
    let seen = seen.as_ref().map(|(n, d)| (*n, d.as_deref()));
    Ok(mail::recording(message_id, digest, seen, content_seen))
}

/// Records that the inbound email `message_id` went to ticket `number`, so
/// it is taken once.
async fn record_inbound(
    conn: &mut PgConnection,
    message_id: &str,
    digest: &str,
    number: u64,
    from_customer: bool,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO inbound_emails (message_id, ticket_number, received_at, from_customer, \
         content_sha256) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(message_id)
    .bind(number as i64)
    .bind(super::now())
    .bind(from_customer)
    .bind(digest)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
