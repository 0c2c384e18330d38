//! The SQLite implementation of the store: the local desk and `--desk` files.
//! One file in WAL mode with `synchronous=FULL` (a commit survives power
//! loss), its own migrations (`migrations/sqlite`), one module per table group.
//!
//! SQLite has one writer at a time: writers in this process queue fairly on a
//! lock, writers in other processes wait in SQLite's busy timeout, and every
//! write transaction holds the write lock from its first statement
//! (`BEGIN IMMEDIATE`), so a read never has to turn into a write mid-way.

mod desk_file;
mod direct;
mod events;
mod grouped;
mod handoffs;
mod kept;
mod other_processes;
mod outbox;
mod ticket_counts;
mod ticket_page;
mod ticket_search;
mod tickets;
mod tokens;
mod webhooks;
mod workspace;

use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use jiff::Timestamp;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions};
use sqlx::{Sqlite, Transaction};

pub(crate) use super::shared::parse_time;
use super::shared::{self, Embedded};
use super::{
    Database, FinishHandoff, HandoffWrite, Open, Process, Recorded, StoreError, StoreResult,
    stored_time,
};
pub(crate) use direct::{Direct, direct};
use direct::{all, execute, one, optional};

/// How long a writer waits for another process's write lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// How often opening a desk is tried again while another process holds its lock.
const OPEN_ATTEMPTS: u32 = 12;

/// The pool's connections in a serving process (its point reads and the
/// writer use kept connections of their own: see [`kept`]).
const SERVICE_CONNECTIONS: u32 = 8;

/// The size a connection truncates the WAL file to when it starts the log
/// over, if it grew larger (a burst, or a reader that held a snapshot for
/// long): bounded disk use, and still room for many of the handoff writer's
/// batches between two checkpoints without the file growing again. Set on
/// every connection: with it, the last connection to close a desk also
/// truncates the WAL it leaves in place ([`keep_wal_files`]) to 0 bytes.
const WAL_SIZE_LIMIT: i64 = 64 * 1024 * 1024;

/// Sets `conn` as every connection to a desk is set, the pool's (once sqlx
/// has connected it: [`SqliteStore::connect`]) and the kept ones ([`kept`])
/// alike, so the two cannot drift apart:
/// - `synchronous = FULL` makes every commit durable across power loss, also
///   in WAL mode;
/// - foreign keys are checked;
/// - savepoints' and statements' journals are kept in memory: a handoff batch
///   opens a savepoint per handoff, and every statement that fires a trigger
///   opens a statement journal; as temporary files they cost a write(2) for
///   each page a statement first touches;
/// - the log is bounded ([`WAL_SIZE_LIMIT`]) and its files kept in place
///   ([`keep_wal_files`]).
pub(super) fn configure_connection(conn: &Direct) -> StoreResult<()> {
    keep_wal_files(conn)?;
    conn.execute_batch(&format!(
        "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY; \
         PRAGMA journal_size_limit = {WAL_SIZE_LIMIT};"
    ))?;
    Ok(())
}

/// Has `conn` leave the desk's `-wal` and `-shm` files in place when it is the
/// last connection to close, as SQLite's own shell does for a read-only
/// connection; its checkpoint at close still copies the whole log into the
/// desk file, then cuts the log to nothing ([`WAL_SIZE_LIMIT`] set). Without
/// it each command created both files when it opened the desk and deleted
/// them when it closed it: creating, unlinking and evicting two inodes cost
/// `tickets list --limit 30` about 0.4 ms of its 3.9 (docs/performance.md).
fn keep_wal_files(conn: &Direct) -> StoreResult<()> {
    let mut keep: std::ffi::c_int = 1;
    // SAFETY: the handle is open for as long as `conn` is, and this file
    // control only reads and writes the int it is given.
    let code = unsafe {
        rusqlite::ffi::sqlite3_file_control(
            conn.handle(),
            c"main".as_ptr(),
            rusqlite::ffi::SQLITE_FCNTL_PERSIST_WAL,
            (&raw mut keep).cast(),
        )
    };
    if code != rusqlite::ffi::SQLITE_OK {
        return Err(StoreError::Database(format!(
            "cannot keep the desk's write-ahead log files (SQLite error {code})"
        )));
    }
    Ok(())
}

/// The versions of the migrations applied to the desk (an error when it has
/// none: a new file).
fn applied_migrations(conn: &Direct) -> StoreResult<Vec<i64>> {
    all(
        conn,
        "SELECT version FROM _sqlx_migrations WHERE success ORDER BY version",
        [],
        |row| Ok(row.get::<_, i64>(0)?),
    )
}

/// The schema, embedded in the binary: versions are applied in order, once.
const MIGRATIONS: &[Embedded] = &[
    (
        1,
        "foundation",
        include_str!("../../../../migrations/sqlite/0001_foundation.sql"),
    ),
    (
        2,
        "workspace",
        include_str!("../../../../migrations/sqlite/0002_workspace.sql"),
    ),
    (
        3,
        "tickets",
        include_str!("../../../../migrations/sqlite/0003_tickets.sql"),
    ),
    (
        4,
        "ticket views",
        include_str!("../../../../migrations/sqlite/0004_ticket_views.sql"),
    ),
    (
        5,
        "outbox",
        include_str!("../../../../migrations/sqlite/0005_outbox.sql"),
    ),
    (
        6,
        "requester name index",
        include_str!("../../../../migrations/sqlite/0006_requester_name_index.sql"),
    ),
    (
        7,
        "integrations",
        include_str!("../../../../migrations/sqlite/0007_integrations.sql"),
    ),
    (
        8,
        "workspace revision",
        include_str!("../../../../migrations/sqlite/0008_revision.sql"),
    ),
    (
        9,
        "integration revision",
        include_str!("../../../../migrations/sqlite/0009_integration_revision.sql"),
    ),
    (
        10,
        "revision by the store",
        include_str!("../../../../migrations/sqlite/0010_revision_by_store.sql"),
    ),
    (
        11,
        "events",
        include_str!("../../../../migrations/sqlite/0011_events.sql"),
    ),
    (
        12,
        "email threads",
        include_str!("../../../../migrations/sqlite/0012_email_threads.sql"),
    ),
    (
        13,
        "text search",
        include_str!("../../../../migrations/sqlite/0013_text_search.sql"),
    ),
    (
        14,
        "open ticket counts",
        include_str!("../../../../migrations/sqlite/0014_open_ticket_counts.sql"),
    ),
    (
        15,
        "text index per transaction",
        include_str!("../../../../migrations/sqlite/0015_text_index_per_transaction.sql"),
    ),
    (
        16,
        "requester name index dropped",
        include_str!("../../../../migrations/sqlite/0016_drop_requester_name_index.sql"),
    ),
    (
        17,
        "requester names in the text index",
        include_str!("../../../../migrations/sqlite/0017_requester_name_text.sql"),
    ),
    (
        18,
        "large texts indexed at once",
        include_str!("../../../../migrations/sqlite/0018_large_texts_indexed_at_once.sql"),
    ),
    (
        19,
        "text index merged sixteen at a time",
        include_str!("../../../../migrations/sqlite/0019_text_index_merged_sixteen_at_a_time.sql"),
    ),
    (
        20,
        "attempts counted across a retry by hand",
        include_str!("../../../../migrations/sqlite/0020_outbox_requeued_after.sql"),
    ),
    (
        21,
        "the ingest token that sent a handoff",
        include_str!("../../../../migrations/sqlite/0021_handoff_sender.sql"),
    ),
    (
        22,
        "the platform time of the last webhook event applied",
        include_str!("../../../../migrations/sqlite/0022_external_event_at.sql"),
    ),
    (
        23,
        "one ticket's messages to one destination in order",
        include_str!("../../../../migrations/sqlite/0023_outbox_order.sql"),
    ),
    (
        24,
        "inbound emails by ticket",
        include_str!("../../../../migrations/sqlite/0024_inbound_emails_by_ticket.sql"),
    ),
    (
        25,
        "ticket changes made once per idempotency key",
        include_str!("../../../../migrations/sqlite/0025_ticket_change_keys.sql"),
    ),
    (
        26,
        "outbox messages by the id they went out with",
        include_str!("../../../../migrations/sqlite/0026_outbox_delivery_id.sql"),
    ),
    (
        27,
        "removed operators kept for their tickets' history",
        include_str!("../../../../migrations/sqlite/0027_operators_removed.sql"),
    ),
    (
        28,
        "the team a ticket event moved it from",
        include_str!("../../../../migrations/sqlite/0028_events_previous_team.sql"),
    ),
    (
        29,
        "inbound emails from the customer, for a reply's thread",
        include_str!("../../../../migrations/sqlite/0029_inbound_emails_from_customer.sql"),
    ),
    (
        30,
        "last activity: what the customer saw happen",
        include_str!("../../../../migrations/sqlite/0030_activity_seen_by_the_customer.sql"),
    ),
    (
        31,
        "inbound emails by their content, for a reused message id",
        include_str!("../../../../migrations/sqlite/0031_inbound_emails_content.sql"),
    ),
    (
        32,
        "tickets keep the requester's phone",
        include_str!("../../../../migrations/sqlite/0032_requester_phone.sql"),
    ),
    (
        33,
        "tickets by their requester's phone",
        include_str!("../../../../migrations/sqlite/0033_requester_phone_index.sql"),
    ),
    (
        34,
        "requester names on one line",
        include_str!("../../../../migrations/sqlite/0034_requester_names_one_line.sql"),
    ),
];

/// Moves the texts queued by the triggers (migration 0015) into the text
/// index, in one statement ([`index_queued_text`] decides when).
/// Public for the benches, which seed desks with plain SQL.
pub const INDEX_QUEUED_TEXT: &str = "INSERT INTO ticket_text (rowid, body) \
     SELECT id, body FROM ticket_text_queue ORDER BY id; DELETE FROM ticket_text_queue;";

/// Texts left queued before a write transaction moves them into the index.
///
/// FTS5 writes what a transaction added as a new segment at its `COMMIT`,
/// and merges the small segments into larger ones as they pile up. Moved at
/// every handoff batch (eight handoffs, some eighty texts), the segments
/// were small, and merging and writing them was a quarter of the writer's
/// time; moved a thousand at a time, a sixth (docs/performance.md, tenth
/// session). The texts are queued in the transaction that writes them, so a
/// search finds every committed text either way: it looks in the queue as
/// well as the index ([`ticket_search`]). Larger batches stall the one
/// transaction that moves them: 8,192 took the bench's p99 over 30 ms.
pub(crate) const INDEX_QUEUED_AFTER: i64 = 1024;

/// Moves the queued texts into the index when [`INDEX_QUEUED_AFTER`] or
/// more wait; every write transaction runs it before it commits.
pub(crate) fn index_queued_text(conn: &Direct) -> rusqlite::Result<()> {
    let many: bool = conn.query_row(
        "SELECT count(*) >= ? FROM ticket_text_queue",
        [INDEX_QUEUED_AFTER],
        |row| row.get(0),
    )?;
    if many {
        conn.execute_batch(INDEX_QUEUED_TEXT)?;
    }
    Ok(())
}

/// A desk in a SQLite file.
#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
    /// The desk's path and the writer's handles. Its connection lock
    /// serializes this process's writers: waiting there queues them fairly;
    /// waiting in SQLite's busy handler makes them sleep and retry, and under
    /// load some starve for seconds. The writer's kept connection (see
    /// [`kept`], [`grouped`]) lives under it.
    writer: grouped::Writer,
    /// The writes on the writer's kept connection, grouped into transactions.
    grouped: Arc<grouped::Grouped>,
    /// Whether opening the desk brought its schema up to date (see
    /// [`Database::migrated`]).
    migrated: bool,
}

/// A write transaction, holding this process's writer lock until it ends.
pub(crate) struct WriteTx {
    tx: Transaction<'static, Sqlite>,
    _writer: tokio::sync::OwnedMutexGuard<Option<Direct>>,
    file: Arc<desk_file::DeskFile>,
}

impl std::ops::Deref for WriteTx {
    type Target = sqlx::SqliteConnection;

    fn deref(&self) -> &Self::Target {
        &self.tx
    }
}

impl std::ops::DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.tx
    }
}

impl WriteTx {
    /// Runs `work` in this transaction on the connection's handle directly
    /// (see [`direct`]).
    pub(crate) async fn direct<T>(
        &mut self,
        work: impl FnOnce(&Direct) -> StoreResult<T>,
    ) -> StoreResult<T> {
        direct(&mut self.tx, |conn| {
            let done = work(conn);
            if done.is_err() && conn.is_autocommit() {
                // SQLite rolled the whole transaction back on the error (a
                // full disk may). Begun again, sqlx's rollback of it, when it
                // is dropped, succeeds: failing, it would leave the pool's
                // connection counted in a transaction, refusing every
                // transaction begun on it from then on.
                let _ = conn.execute_batch("BEGIN");
            }
            done
        })
        .await
        .map_err(|error| self.file.explain(error))
    }

    /// Indexes the queued texts if many wait ([`index_queued_text`]), checks
    /// that the desk file is still the one opened, then commits.
    pub(crate) async fn commit(mut self) -> StoreResult<()> {
        self.direct(|conn| Ok(index_queued_text(conn)?)).await?;
        let file = Arc::clone(&self.file);
        let committed = match file.check_in_place() {
            Ok(()) => self.tx.commit().await.map_err(StoreError::from),
            Err(replaced) => Err(replaced),
        };
        file.outcome(committed)
    }
}

impl SqliteStore {
    /// Opens the desk file at `path` and brings its schema up to date; with
    /// [`Open::CreateIfMissing`], creates it (and its directory) when missing.
    pub async fn open(path: &Path, open: Open) -> StoreResult<SqliteStore> {
        Self::open_with(path, open, Process::Service).await
    }

    /// [`Self::open`] for a one-command process (the CLI on its local desk,
    /// on one thread). Its reads run on one kept connection on this thread
    /// ([`kept`]), also the check that the schema is up to date; the pool (of
    /// one connection) connects only when something needs it: a write, or a
    /// read not yet made direct. Through sqlx each statement, and each row it
    /// answers, was a hand-off to the connection's worker thread and back,
    /// about forty for `tickets list`, and opening the pool started that
    /// thread: `tickets list --limit 30` took 10.6 ms (median) before this,
    /// 6.2 ms after it (docs/performance.md, tenth session). The pool holds one
    /// connection: sqlx hands a used connection back from a task that the
    /// connection's drop spawns, and on one thread the next statement ran
    /// first and opened a second one. Nothing a command runs holds a pooled
    /// connection while it asks for another (the integration tests run every
    /// command this way; such a path would wait out the pool's acquire
    /// timeout and fail).
    pub async fn open_for_command(path: &Path, open: Open) -> StoreResult<SqliteStore> {
        Self::open_with(path, open, Process::OneCommand).await
    }

    async fn open_with(path: &Path, open: Open, process: Process) -> StoreResult<SqliteStore> {
        if open == Open::Existing && !path.exists() {
            return Err(StoreError::Missing(format!(
                "no desk at {}: check the path, or create one with any command that writes \
                 (e.g. `deskctl teams add`) or `deskctl serve`",
                path.display()
            )));
        }
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            crate::server::sealing::private_dir(parent).map_err(|e| {
                StoreError::Database(format!("cannot create {}: {e}", parent.display()))
            })?;
        }
        create_private(path)?;
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // What else a connection is set to: `configure_connection`,
            // once it is connected.
            .busy_timeout(BUSY_TIMEOUT);
        // Two processes opening a new desk at once race to switch it to WAL:
        // SQLite answers the loser "database is locked" at once, without waiting
        // out the busy timeout. Trying again after a pause finds it done.
        let mut attempt = 0;
        loop {
            match Self::connect(path, options.clone(), process).await {
                Ok(store) => return Ok(store),
                Err(error) if attempt < OPEN_ATTEMPTS && is_busy(&error) => {
                    attempt += 1;
                    tokio::time::sleep(Duration::from_millis(20 << attempt.min(4))).await;
                }
                Err(error) => return Err(error.into()),
            }
        }
    }

    async fn connect(
        path: &Path,
        options: SqliteConnectOptions,
        process: Process,
    ) -> Result<SqliteStore, Opening> {
        let pool = SqlitePoolOptions::new().after_connect(|conn, _| {
            Box::pin(async move {
                direct(conn, configure_connection)
                    .await
                    .map_err(|e| sqlx::Error::Configuration(e.into()))
            })
        });
        let pool = match process {
            Process::Service => {
                pool.max_connections(SERVICE_CONNECTIONS)
                    .connect_with(options)
                    .await?
            }
            Process::OneCommand => pool.max_connections(1).connect_lazy_with(options),
        };
        let mut store = SqliteStore {
            pool,
            writer: grouped::Writer::new(path),
            grouped: Arc::default(),
            migrated: false,
        };
        if process == Process::OneCommand {
            store.writer.kept.start_reading();
            // A desk that cannot be read this way (new, or busy) is left to
            // the pool's connection, which creates and migrates it.
            if let Ok(applied) = store.writer.kept.read(path, applied_migrations)
                && store.up_to_date(&applied)?
            {
                return Ok(store);
            }
        }
        match store.migrate().await {
            Ok(migrated) => store.migrated = migrated,
            Err(error) => {
                store.pool.close().await;
                return Err(error);
            }
        }
        // A service that cannot write answers every write with an error while
        // its health check passes: it refuses to start instead.
        if process == Process::Service
            && let Err(error) = store.check_writable().await
        {
            store.pool.close().await;
            return Err(Opening::Store(error));
        }
        Ok(store)
    }

    /// `Err` naming the desk when this process may not write it (its file,
    /// its `-wal` or `-shm` file or their directory read-only to this user):
    /// an update of no row needs the write access every write does, and is
    /// rolled back. SQLite begins a write transaction on such a desk; only a
    /// statement that writes is refused.
    pub(crate) async fn check_writable(&self) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let probed = sqlx::query("UPDATE workspace_revision SET id = id WHERE 0")
            .execute(&mut *tx)
            .await;
        match probed.map_err(StoreError::from) {
            Err(StoreError::ReadOnly(_)) => Err(StoreError::read_only(Some(self.path()))),
            Err(error) => Err(self.writer.file.explain(error)),
            // Dropped, the transaction is rolled back.
            Ok(_) => Ok(()),
        }
    }

    pub fn path(&self) -> &Path {
        &self.writer.path
    }

    /// Whether the migrations `applied` are all this binary has; an error
    /// when the desk is newer than it.
    fn up_to_date(&self, applied: &[i64]) -> Result<bool, Opening> {
        shared::check_applied(applied, MIGRATIONS, &self.writer.path.display().to_string())
            .map_err(Opening::Store)
    }

    /// Brings the schema up to date; whether it wrote to do so (or may
    /// have: another process may have applied it meanwhile).
    async fn migrate(&self) -> Result<bool, Opening> {
        // The common case, a desk already up to date, needs no write lock: a
        // read-only command must not queue behind a busy writer.
        let mut conn = self.pool.acquire().await?;
        let applied = direct(&mut conn, applied_migrations).await;
        if let Ok(applied) = &applied
            && self.up_to_date(applied)?
        {
            return Ok(false);
        }
        // sqlx takes no migration lock on SQLite, so two processes opening a new
        // desk would both apply the schema. Under BEGIN IMMEDIATE the second waits
        // for the first (busy timeout), then finds every migration recorded.
        let migrator = shared::migrator(MIGRATIONS, true);
        sqlx::query("BEGIN IMMEDIATE").execute(&mut *conn).await?;
        if let Err(refused) = self.upgrade_alone(&mut conn).await {
            let _ = sqlx::query("ROLLBACK").execute(&mut *conn).await;
            return Err(refused);
        }
        match migrator.run(&mut *conn).await {
            Ok(()) => {
                sqlx::query("COMMIT").execute(&mut *conn).await?;
                Ok(true)
            }
            Err(error) => {
                let _ = sqlx::query("ROLLBACK").execute(&mut *conn).await;
                Err(Opening::Sql(error.into()))
            }
        }
    }

    /// Refuses to bring an existing desk's schema up to date while another
    /// process has it open: an older deskctl (a `serve` left running through
    /// an upgrade) would go on reading and writing a schema it does not know.
    /// Asked under the write lock, after another process may have upgraded it.
    async fn upgrade_alone(&self, conn: &mut sqlx::SqliteConnection) -> Result<(), Opening> {
        let applied = direct(conn, applied_migrations).await;
        let upgrading =
            applied.is_ok_and(|applied| !applied.is_empty() && applied.len() < MIGRATIONS.len());
        match other_processes::holding(self.path()).filter(|_| upgrading) {
            None => Ok(()),
            Some(pid) => Err(Opening::Store(StoreError::Incompatible(format!(
                "the desk at {} needs its schema brought up to date by this deskctl, and \
                 another process has it open (pid {pid}; an older `deskctl serve`?): stop \
                 every process using the desk, then run this again; nothing was changed",
                self.path().display()
            )))),
        }
    }

    /// Starts a write transaction holding the write lock from its first statement,
    /// so concurrent writers wait for each other instead of failing when a read
    /// turns into a write: in this process in line for the writer lock, across
    /// processes in SQLite's busy timeout.
    pub(crate) async fn write(&self) -> StoreResult<WriteTx> {
        let writer = Arc::clone(&self.writer.connection).lock_owned().await;
        // Before the pool opens a connection, which would create an empty
        // desk where the file was removed.
        self.writer.file.check_in_place()?;
        let tx = self
            .pool
            .begin_with("BEGIN IMMEDIATE")
            .await
            .map_err(|error| self.writer.file.explain(error.into()))?;
        Ok(WriteTx {
            tx,
            _writer: writer,
            file: Arc::clone(&self.writer.file),
        })
    }

    /// `error`, said of this desk (see [`super::seam_by_inherent_methods`]):
    /// a statement that failed while the desk file is no longer the one
    /// opened (a read on a connection opened anew finds no file) is that,
    /// naming the path, not an internal error; a full disk or a read-only
    /// desk names the path whichever statement met it (one inside a
    /// transaction gets only SQLite's code, [`StoreError::from`]).
    pub(crate) fn explained(&self, error: StoreError) -> StoreError {
        match error {
            StoreError::Database(_)
            | StoreError::Unavailable(_)
            | StoreError::DiskFull(_)
            | StoreError::ReadOnly(_) => self.writer.file.explain(error),
            other => other,
        }
    }

    pub(crate) fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// Runs `work` on a connection's handle directly, outside any write
    /// transaction: a kept connection once the store keeps them ([`kept`]),
    /// else one lent by the pool.
    pub(crate) async fn read_direct<T>(
        &self,
        work: impl FnOnce(&Direct) -> StoreResult<T>,
    ) -> StoreResult<T> {
        if self.writer.kept.reads() {
            return self.writer.kept.read(&self.writer.path, work);
        }
        let mut conn = self.pool.acquire().await?;
        direct(&mut conn, work).await
    }

    /// [`Self::read_direct`] with `work`'s statements in one read
    /// transaction, so that they all see one snapshot.
    pub(crate) async fn read_snapshot<T>(
        &self,
        work: impl FnOnce(&Direct) -> StoreResult<T>,
    ) -> StoreResult<T> {
        self.read_direct(|conn| {
            conn.execute_batch("BEGIN")?;
            let done = work(conn);
            // A read transaction ends the same whether it read all or not.
            conn.execute_batch("COMMIT")?;
            done
        })
        .await
    }

    /// Runs `work` in one write transaction (a [`WriteTx`]) on the handle of
    /// a connection lent by the pool.
    pub(crate) async fn write_on_pool<T>(
        &self,
        work: impl FnOnce(&Direct) -> StoreResult<T>,
    ) -> StoreResult<T> {
        let mut tx = self.write().await?;
        let done = tx.direct(work).await?;
        tx.commit().await?;
        Ok(done)
    }

    /// Runs `work` in a write transaction on a connection's handle directly:
    /// once the store keeps connections ([`kept`]), on the writer's kept
    /// connection in a savepoint of its own, in a transaction shared with the
    /// writes queued beside it ([`grouped`]); else as [`Self::write_on_pool`].
    /// Either way it answers once its transaction is committed.
    pub(crate) async fn write_direct<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Direct) -> StoreResult<T> + Send + 'static,
    ) -> StoreResult<T> {
        if !self.writer.kept.is_on() {
            return self.write_on_pool(work).await;
        }
        self.grouped.write(&self.writer, work).await
    }
}

/// Now, as stored: see [`stored_time`].
pub(crate) fn now() -> String {
    stored_time(Timestamp::now())
}

impl super::rows::Fields for sqlx::sqlite::SqliteRow {
    fn optional_text(&self, column: &str) -> StoreResult<Option<String>> {
        Ok(sqlx::Row::try_get(self, column)?)
    }
    fn optional_int(&self, column: &str) -> StoreResult<Option<i64>> {
        Ok(sqlx::Row::try_get(self, column)?)
    }
    fn flag(&self, column: &str) -> StoreResult<bool> {
        Ok(sqlx::Row::try_get::<i64, _>(self, column)? == 1)
    }
    fn optional_time(&self, column: &str) -> StoreResult<Option<Timestamp>> {
        let text: Option<String> = sqlx::Row::try_get(self, column)?;
        text.as_deref().map(parse_time).transpose()
    }
}

pub(crate) fn parse_enum<T: FromStr<Err = String>>(value: &str) -> StoreResult<T> {
    value.parse().map_err(StoreError::Corrupt)
}

/// Why opening a desk failed: kept as sqlx's error until it is known whether
/// it was a race lost to another process opening the same desk.
enum Opening {
    Sql(sqlx::Error),
    Store(StoreError),
}

impl From<sqlx::Error> for Opening {
    fn from(error: sqlx::Error) -> Self {
        Opening::Sql(error)
    }
}

impl From<Opening> for StoreError {
    fn from(error: Opening) -> Self {
        match error {
            Opening::Sql(error) => error.into(),
            Opening::Store(error) => error,
        }
    }
}

/// Whether an error is SQLite's "database is locked" or "busy": a race lost to
/// another process opening the same desk.
fn is_busy(error: &Opening) -> bool {
    let text = match error {
        Opening::Sql(sqlx::Error::Database(db)) => db.message().to_string(),
        Opening::Sql(sqlx::Error::Migrate(migrate)) => migrate.to_string(),
        _ => return false,
    };
    text.contains("locked") || text.contains("busy")
}

/// Fails with `UnknownReference` unless operator `handle` exists.
pub(crate) fn require_operator(
    conn: &Direct,
    field: &'static str,
    handle: &str,
) -> StoreResult<()> {
    let found = optional(
        conn,
        "SELECT 1 FROM operators WHERE handle = ? AND removed_at IS NULL",
        [handle],
        |_| Ok(()),
    )?;
    StoreError::unless_found(found, field, "operator", handle)
}

/// Fails with `UnknownReference` unless team `key` exists.
pub(crate) fn require_team(conn: &Direct, field: &'static str, key: &str) -> StoreResult<()> {
    let found = optional(conn, "SELECT 1 FROM teams WHERE key = ?", [key], |_| Ok(()))?;
    StoreError::unless_found(found, field, "team", key)
}

// The traits of the storage seam, by the inherent methods of each module.
crate::server::store::seam_by_inherent_methods!(SqliteStore);

#[async_trait]
impl Database for SqliteStore {
    fn describe(&self) -> String {
        format!("the desk at {}", self.writer.path.display())
    }
    /// Also `Err` while writes cannot succeed: the desk file removed or
    /// replaced, or the disk holding it full.
    async fn ping(&self) -> StoreResult<()> {
        self.writer.file.health()?;
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }
    fn keep_connections(&self) {
        self.writer.kept.start();
    }
    fn groups_handoffs(&self) -> bool {
        self.writer.kept.is_on()
    }
    async fn record_grouped_handoff(
        &self,
        write: HandoffWrite,
        finish: FinishHandoff,
    ) -> StoreResult<Recorded> {
        self.write_direct(move |conn| handoffs::record_one(conn, write, finish))
            .await
    }
    fn set_most_grouped(&self, most: usize) {
        self.writer.set_most(most);
    }
    fn migrated(&self) -> bool {
        self.migrated
    }
    async fn close(&self) {
        self.writer.kept.close();
        self.writer.connection.lock().await.take();
        self.pool.close().await;
    }
}

/// Creates the desk file, readable and writable by its owner only, when it
/// does not exist: SQLite then gives its `-wal` and `-shm` files the same mode.
fn create_private(path: &Path) -> StoreResult<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(StoreError::Database(format!(
            "cannot create {}: {e}",
            path.display()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::store::{Open, StoreError, TicketFilter, Viewer, stored_time};

    /// The connections a store opened and holds: its pool's and its kept
    /// readers (each back among the idle ones once its read is done).
    fn connections(store: &SqliteStore) -> usize {
        store.pool.size() as usize + store.writer.kept.idle_readers()
    }

    /// A one-command process (the CLI on its local desk) runs on one thread:
    /// the connection that checked the schema serves its first read too, and
    /// the pool opens none (its worker thread is never started).
    #[tokio::test(flavor = "current_thread")]
    async fn an_up_to_date_desk_opens_one_connection_for_its_first_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("desk.sqlite");
        SqliteStore::open(&path, Open::CreateIfMissing)
            .await
            .unwrap()
            .pool
            .close()
            .await;

        let store = SqliteStore::open_for_command(&path, Open::Existing)
            .await
            .unwrap();
        let refund = TicketFilter {
            text: Some("refund".into()),
            ..TicketFilter::everything(Viewer::Everyone)
        };
        let page = store.list_tickets(&refund, 30).await.unwrap();
        assert_eq!((page.len, page.items.as_slice()), (0, &b""[..]));
        assert_eq!(store.pool.size(), 0, "pooled connections opened");
        assert_eq!(connections(&store), 1, "connections opened");
    }

    /// Every read a local command makes runs on the one connection that
    /// checked the schema ([`SqliteStore::open_for_command`]): one connection
    /// however many reads, so one page cache, not two evicting each other's
    /// pages.
    #[tokio::test(flavor = "current_thread")]
    async fn a_one_command_process_reads_everything_on_one_connection() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("desk.sqlite");
        let numbers = {
            let store = desk_with_tickets_of_every_shape(dir.path()).await;
            let everything = TicketFilter::everything(Viewer::Everyone);
            let page = store.list_tickets(&everything, 500).await.unwrap();
            let numbers: Vec<u64> = page.tickets().unwrap().iter().map(|t| t.number).collect();
            store.pool.close().await;
            numbers
        };
        assert!(numbers.len() > 2, "{numbers:?}");

        let store = SqliteStore::open_for_command(&path, Open::Existing)
            .await
            .unwrap();
        store.read_workspace().await.unwrap();
        store.generation().await.unwrap();
        let everything = TicketFilter::everything(Viewer::Everyone);
        let first = store.list_tickets(&everything, 1).await.unwrap();
        let next = TicketFilter {
            after: first.next_after.clone(),
            ..everything
        };
        assert_eq!(store.list_tickets(&next, 1).await.unwrap().len, 1);
        store.get_ticket(numbers[0]).await.unwrap();
        store.events_after(0, &Viewer::Everyone, 10).await.unwrap();
        store.assignment_loads().await.unwrap();
        assert_eq!(connections(&store), 1, "connections opened");
    }

    /// A desk with tickets of every shape a row can have, written into the
    /// table as the store writes them (the JSON columns by serde).
    async fn desk_with_tickets_of_every_shape(dir: &Path) -> SqliteStore {
        let store = SqliteStore::open(&dir.join("desk.sqlite"), Open::CreateIfMissing)
            .await
            .unwrap();
        let object = |value: serde_json::Value| {
            let map: std::collections::BTreeMap<String, serde_json::Value> =
                serde_json::from_value(value).unwrap();
            serde_json::to_string(&map).unwrap()
        };
        let fields = [
            object(serde_json::json!({
                "invoice": "INV-1", "n": 1.5, "tiny": 1e-7, "big": 12345678901234567890u64,
                "nested": {"b": [1, null, true], "a": "\u{1}\u{e9}\"\\"}
            })),
            object(serde_json::json!({})),
            object(serde_json::json!({"unicode": "\u{65e5}\u{672c} \u{1f600}", "z": -0.25})),
        ];
        store
            .write_on_pool(|conn| {
                conn.execute_batch(
                    "INSERT INTO teams (key, name, is_default, created_at, updated_at) \
                     VALUES ('billing', 'Billing', 0, '2026-01-01T00:00:00.000000Z', \
                     '2026-01-01T00:00:00.000000Z'); \
                     INSERT INTO operators (handle, display_name, email, role, availability, \
                     created_at, updated_at) VALUES ('dana', 'Dana', 'dana@example.com', \
                     'operator', 'online', '2026-01-01T00:00:00.000000Z', \
                     '2026-01-01T00:00:00.000000Z');",
                )?;
                // (number, subject, status, priority; requester name, email,
                // external id, assignee, team, agent; channel, environment,
                // which `fields` and `context`, ai_paused, handoff; created,
                // last activity)
                type Shape<'a> = (
                    (i64, &'a str, &'a str, &'a str),
                    [Option<&'a str>; 6],
                    (&'a str, &'a str, usize, usize, i64, Option<&'a str>),
                    (&'a str, &'a str),
                );
                let rows: [Shape; 5] = [
                    (
                        (
                            10001,
                            "Caf\u{e9} \"quoted\" \\ back\nslash\ttab \u{1f600}",
                            "open",
                            "urgent",
                        ),
                        [
                            Some("Zo\u{eb} O'Brien"),
                            Some("zoe@example.com"),
                            Some("visitor-1"),
                            Some("dana"),
                            Some("billing"),
                            Some("shop"),
                        ],
                        ("web", "production", 0, 2, 1, Some("hof_0123456789ab")),
                        ("2026-11-19T23:55:37.341972Z", "2026-11-20T00:00:00.000000Z"),
                    ),
                    (
                        (10002, "No requester at all", "pending", "low"),
                        [None; 6],
                        ("email", "development", 1, 1, 0, None),
                        ("2026-11-19T23:55:37.300000Z", "2026-11-20T00:00:01.100000Z"),
                    ),
                    (
                        (10003, "Email only", "resolved", "medium"),
                        [
                            None,
                            Some("only@example.org"),
                            None,
                            None,
                            Some("billing"),
                            Some("shop"),
                        ],
                        ("whatsapp", "staging", 1, 2, 0, None),
                        ("2026-11-19T23:55:37Z", "2026-11-20T00:00:02.000001Z"),
                    ),
                    (
                        (10004, "An instant in another form", "open", "high"),
                        [Some("Sam"), None, Some("ext-4"), None, None, None],
                        ("web", "production", 2, 1, 0, None),
                        ("2026-11-20T01:00:00+01:00", "2026-11-20T00:00:03.000000Z"),
                    ),
                    (
                        (10005, "Same moment, lower number", "open", "low"),
                        [Some("Kim"), Some("kim@example.com"), None, None, None, None],
                        ("web", "production", 1, 1, 0, None),
                        ("2026-11-19T00:00:00.000000Z", "2026-11-20T00:00:03.000000Z"),
                    ),
                ];
                for ((number, subject, status, priority), who, rest, (created, activity)) in rows {
                    let (channel, environment, f, c, paused, handoff) = rest;
                    conn.execute(
                        "INSERT INTO tickets (number, subject, status, priority, requester_name, \
                         requester_email, requester_external_id, assignee, team_key, agent_key, \
                         channel, environment, fields, context, ai_paused, handoff_id, \
                         created_at, last_activity_at) \
                         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        rusqlite::params![
                            number,
                            subject,
                            status,
                            priority,
                            who[0],
                            who[1],
                            who[2],
                            who[3],
                            who[4],
                            who[5],
                            channel,
                            environment,
                            fields[f],
                            fields[c],
                            paused,
                            handoff,
                            created,
                            activity
                        ],
                    )?;
                }
                Ok(())
            })
            .await
            .unwrap();
        store
    }

    /// Every plan of a search finds a text still queued for the index
    /// ([`INDEX_QUEUED_AFTER`]) as it finds one in the index: the index's
    /// candidates read first (`Among`), the index asked within the query
    /// (`Indexed`, for counts of more than 20,000 candidates), and the walk.
    #[tokio::test]
    async fn every_search_plan_finds_texts_queued_for_the_index_and_texts_in_it() {
        use crate::api::TicketCountBy;
        use crate::server::store::shared::SearchPlan;
        let dir = tempfile::tempdir().unwrap();
        let store = desk_with_tickets_of_every_shape(dir.path()).await;
        let queued = async || -> i64 {
            store
                .read_direct(|conn| {
                    Ok(conn.query_row(
                        "SELECT count(*) FROM ticket_text_queue WHERE id > 0",
                        [],
                        |r| r.get(0),
                    )?)
                })
                .await
                .unwrap()
        };
        let found = async |text: &str| -> Vec<u64> {
            let filter = TicketFilter {
                text: Some(text.into()),
                ..TicketFilter::everything(Viewer::Everyone)
            };
            store
                .read_direct(|conn| {
                    let among = ticket_search::count_plan(conn, &filter)?;
                    assert!(matches!(among, SearchPlan::Among(_)), "{among:?}");
                    let mut found = Vec::new();
                    for plan in [among, SearchPlan::Indexed, SearchPlan::Walk] {
                        let counts =
                            ticket_counts::counts(conn, &filter, TicketCountBy::Status, plan)?;
                        found.push(counts.iter().map(|(_, n)| n).sum());
                    }
                    Ok(found)
                })
                .await
                .unwrap()
        };
        assert_eq!(queued().await, 5, "the subjects wait in the queue");
        for indexed in [false, true] {
            if indexed {
                store
                    .write_on_pool(|conn| Ok(conn.execute_batch(INDEX_QUEUED_TEXT)?))
                    .await
                    .unwrap();
                assert_eq!(queued().await, 0);
            }
            assert_eq!(found("nother FORM").await, [1, 1, 1], "indexed: {indexed}");
            assert_eq!(found("lower").await, [1, 1, 1], "indexed: {indexed}");
            assert_eq!(
                found("o requester a").await,
                [1, 1, 1],
                "indexed: {indexed}"
            );
            assert_eq!(found("no such text").await, [0, 0, 0], "indexed: {indexed}");
        }
    }

    /// Each row is written as JSON while SQLite holds it, not through an
    /// `api::Ticket`; the bytes must be what serializing that ticket gives,
    /// for every shape a row can have, page after page.
    #[tokio::test]
    async fn a_page_of_tickets_is_written_as_serializing_each_ticket_would() {
        let dir = tempfile::tempdir().unwrap();
        let store = desk_with_tickets_of_every_shape(dir.path()).await;

        let mut filter = TicketFilter::everything(Viewer::Everyone);
        let mut listed = Vec::new();
        loop {
            let page = store.list_tickets(&filter, 2).await.unwrap();
            let mut expected = Vec::new();
            for number in page.tickets().unwrap().iter().map(|t| t.number) {
                expected.push(store.get_ticket(number).await.unwrap().ticket);
                listed.push(number);
            }
            let lines: String = expected
                .iter()
                .map(|ticket| serde_json::to_string(ticket).unwrap() + "\n")
                .collect();
            assert_eq!(String::from_utf8(page.items.clone()).unwrap(), lines);
            assert_eq!(page.len, expected.len());
            match page.next_after {
                Some(after) => {
                    let last = expected.last().unwrap();
                    assert_eq!(after, (stored_time(last.last_activity_at), last.number));
                    filter.after = Some(after);
                }
                None => break,
            }
        }
        assert_eq!(listed, [10005, 10004, 10003, 10002, 10001]);
    }

    /// Pages of a size that is split over two threads are written byte for
    /// byte as on one, whatever the batches' size and the columns' order.
    #[tokio::test]
    async fn a_page_written_on_two_threads_is_the_page_written_on_one() {
        let dir = tempfile::tempdir().unwrap();
        let store = desk_with_tickets_of_every_shape(dir.path()).await;
        let mut columns = ticket_page::COLUMN_NAMES.to_vec();
        columns.reverse();
        columns.insert(3, "rowid");
        let sql = format!(
            "SELECT {} FROM tickets ORDER BY last_activity_at DESC, number DESC LIMIT ?",
            columns.join(", ")
        );
        let store = &store;
        let sql = &sql;
        let write = |limit: usize, batch_rows: usize, split: bool| {
            let sql = sql.clone();
            async move {
                store
                    .read_direct(move |conn| {
                        ticket_page::write_rows(
                            conn,
                            &sql,
                            [limit as i64 + 1],
                            limit,
                            batch_rows,
                            split,
                        )
                    })
                    .await
                    .unwrap()
            }
        };
        let mut every_ticket = String::new();
        for number in [10005, 10004, 10003, 10002, 10001] {
            let ticket = store.get_ticket(number).await.unwrap().ticket;
            every_ticket += &(serde_json::to_string(&ticket).unwrap() + "\n");
        }
        for limit in 1..=6 {
            let one = write(limit, 64, false).await;
            let lines: Vec<&str> = every_ticket.lines().take(limit).collect();
            assert_eq!(
                String::from_utf8(one.items.clone()).unwrap(),
                lines.join("\n") + "\n"
            );
            assert_eq!(one.len, limit.min(5));
            assert_eq!(one.next_after.is_some(), limit < 5, "limit {limit}");
            for (batch_rows, split) in [(1, true), (2, true), (64, true), (2, false)] {
                let other = write(limit, batch_rows, split).await;
                assert_eq!(
                    (&other.items, other.len, &other.next_after),
                    (&one.items, one.len, &one.next_after),
                    "limit {limit}, batches of {batch_rows}, split {split}"
                );
            }
        }
    }

    /// JSON stored with line breaks between its tokens (not by deskctl) is
    /// written compact: a page is one ticket a line.
    #[tokio::test]
    async fn stored_json_with_line_breaks_is_written_on_the_tickets_line() {
        let dir = tempfile::tempdir().unwrap();
        let store = desk_with_tickets_of_every_shape(dir.path()).await;
        store
            .write_on_pool(|conn| {
                Ok(conn.execute(
                    "UPDATE tickets SET fields = ?, context = ? WHERE number = 10003",
                    [
                        "{\n  \"a\": 1,\r\n  \"b\": [1,\n 2]\n}",
                        "{\"x\":\n\"line\\nbreak\"}",
                    ],
                )?)
            })
            .await
            .unwrap();
        let expected = store.get_ticket(10003).await.unwrap().ticket;
        for limit in [30, 100] {
            let page = store
                .list_tickets(&TicketFilter::everything(Viewer::Everyone), limit)
                .await
                .unwrap();
            let text = String::from_utf8(page.items).unwrap();
            assert_eq!(text.lines().count(), 5, "{text}");
            let line = text
                .lines()
                .find(|line| line.starts_with("{\"number\":10003,"))
                .unwrap();
            assert_eq!(line, serde_json::to_string(&expected).unwrap());
            assert!(
                line.contains(r#""fields":{"a":1,"b":[1,2]}"#)
                    && line.contains(r#""context":{"x":"line\nbreak"}"#),
                "{line}"
            );
        }
    }

    #[tokio::test]
    async fn a_ticket_stored_corrupt_is_reported_not_written_into_the_page() {
        for (column, value, reported) in [
            ("fields", "{\"cut\":", "ticket fields"),
            ("context", "not json", "ticket context"),
            ("last_activity_at", "yesterday", "timestamp 'yesterday'"),
            ("channel", "carrier pigeon", "carrier pigeon"),
        ] {
            let dir = tempfile::tempdir().unwrap();
            let store = desk_with_tickets_of_every_shape(dir.path()).await;
            let sql = format!("UPDATE tickets SET {column} = ? WHERE number = 10003");
            store
                .write_on_pool(|conn| Ok(conn.execute(&sql, [value])?))
                .await
                .unwrap();
            let everything = TicketFilter::everything(Viewer::Everyone);
            // On one thread, and split over two.
            for limit in [30, 100] {
                match store.list_tickets(&everything, limit).await {
                    Err(StoreError::Corrupt(message)) => {
                        assert!(message.contains(reported), "{column}: {message}")
                    }
                    other => panic!("{column}, limit {limit}: {other:?}"),
                }
            }
        }
    }

    async fn team_keys(store: &SqliteStore) -> Vec<String> {
        store
            .read_direct(|conn| {
                all(conn, "SELECT key FROM teams ORDER BY key", [], |row| {
                    Ok(row.get::<_, String>(0)?)
                })
            })
            .await
            .unwrap()
    }

    /// A new desk in `dir` whose store keeps its connections, as `serve`'s does.
    async fn serving_desk(dir: &Path) -> (SqliteStore, std::path::PathBuf) {
        let path = dir.join("desk.sqlite");
        let store = SqliteStore::open(&path, Open::CreateIfMissing)
            .await
            .unwrap();
        store.keep_connections();
        (store, path)
    }

    fn add_named_team(
        key: String,
        name: String,
    ) -> impl FnOnce(&Direct) -> StoreResult<()> + Send + 'static {
        move |conn| {
            execute(
                conn,
                "INSERT INTO teams (key, name, created_at, updated_at) VALUES (?, ?, '', '')",
                [key, name],
            )?;
            Ok(())
        }
    }

    fn add_team(key: &str) -> impl FnOnce(&Direct) -> StoreResult<()> + Send + 'static {
        add_named_team(key.to_string(), key.to_string())
    }

    /// The pool's connections and the kept ones are set alike
    /// ([`configure_connection`]): durable, checked, journals in memory, the
    /// log bounded.
    #[tokio::test(flavor = "multi_thread")]
    async fn every_connection_is_set_alike() {
        const PRAGMAS: [&str; 4] = [
            "synchronous",
            "foreign_keys",
            "temp_store",
            "journal_size_limit",
        ];
        let expected = vec![2, 1, 2, WAL_SIZE_LIMIT];
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = serving_desk(dir.path()).await;
        let mut pooled = Vec::new();
        for name in PRAGMAS {
            let value: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!("PRAGMA {name}")))
                .fetch_one(&store.pool)
                .await
                .unwrap();
            pooled.push(value);
        }
        assert_eq!(pooled, expected, "the pool's: {PRAGMAS:?}");
        let read = |conn: &Direct| -> StoreResult<Vec<i64>> {
            PRAGMAS
                .iter()
                .map(|name| Ok(conn.query_row(&format!("PRAGMA {name}"), [], |row| row.get(0))?))
                .collect()
        };
        assert_eq!(
            store.write_direct(read).await.unwrap(),
            expected,
            "the kept writer's"
        );
        assert_eq!(
            store.read_direct(read).await.unwrap(),
            expected,
            "a kept reader's"
        );
    }

    /// The writer's kept connection commits what succeeds, keeps nothing of
    /// what fails or panics half-way, and goes on writing afterwards; what it
    /// commits is seen by the pool's connections and by other processes.
    #[tokio::test(flavor = "multi_thread")]
    async fn the_kept_writer_commits_whole_transactions_only_and_survives_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let (store, path) = serving_desk(dir.path()).await;

        // Durable (FULL: 2) and checked like the pool's connections.
        let settings = store
            .write_direct(|conn| {
                let pragma = |name: &str| -> StoreResult<i64> {
                    Ok(conn.query_row(&format!("PRAGMA {name}"), [], |row| row.get(0))?)
                };
                Ok((pragma("synchronous")?, pragma("foreign_keys")?))
            })
            .await
            .unwrap();
        assert_eq!(settings, (2, 1), "synchronous, foreign_keys");
        store.write_direct(add_team("first")).await.unwrap();
        let failed = store
            .write_direct(|conn| {
                add_team("failed")(conn)?;
                Err::<(), _>(StoreError::Database("refused after writing".into()))
            })
            .await;
        assert!(failed.is_err());
        let panicked: StoreResult<()> = store
            .write_direct(|conn| {
                add_team("panicked")(conn)?;
                panic!("a decision panicked half-way");
            })
            .await;
        assert!(
            matches!(&panicked, Err(StoreError::Database(m)) if m.contains("a bug in deskctl")),
            "{panicked:?}"
        );
        store.write_direct(add_team("second")).await.unwrap();

        assert_eq!(team_keys(&store).await, ["first", "second"]);
        // Through the pool, as a one-command process reads it.
        let other = SqliteStore::open(&path, Open::Existing).await.unwrap();
        assert_eq!(team_keys(&other).await, ["first", "second"]);
        store.close().await;
        other.close().await;
        assert_eq!(
            std::fs::metadata(dir.path().join("desk.sqlite-wal"))
                .unwrap()
                .len(),
            0,
            "closing the store closes its kept connections, so the last one empties the WAL"
        );
    }

    type AnyWrite = Box<dyn FnOnce(&Direct) -> StoreResult<()> + Send>;

    /// Queues writes behind one that holds the writer's connection until the
    /// test lets it go, each polled once so that it is queued (and, since
    /// the writer is busy, not answered). Returns them once the writer is
    /// free again, and how many transactions the writer committed meanwhile.
    async fn queued_behind_a_busy_writer(
        store: &SqliteStore,
        writes: Vec<AnyWrite>,
    ) -> (Vec<StoreResult<()>>, u32) {
        use futures_util::FutureExt;
        let (started, running) = tokio::sync::oneshot::channel();
        let (release, held) = std::sync::mpsc::channel::<()>();
        let busy = store.write_direct(move |conn| {
            started.send(()).unwrap();
            held.recv().unwrap();
            add_team("busy")(conn)
        });
        let mut busy = Box::pin(busy);
        assert!((&mut busy).now_or_never().is_none());
        running.await.unwrap();
        let before = store.writer.kept.commits();
        let mut queued: Vec<_> = writes
            .into_iter()
            .map(|write| Box::pin(store.write_direct(write)))
            .collect();
        for write in &mut queued {
            assert!(write.now_or_never().is_none(), "answered while queued");
        }
        release.send(()).unwrap();
        busy.await.unwrap();
        let mut results = Vec::new();
        for write in queued {
            results.push(write.await);
        }
        (results, store.writer.kept.commits() - before)
    }

    /// A write that panics (a bug) is rolled back alone, as one that fails
    /// is: the writes queued with it commit.
    #[tokio::test(flavor = "multi_thread")]
    async fn a_write_that_panics_fails_alone() {
        let panics = |conn: &Direct| {
            add_team("failed")(conn)?;
            panic!("a decision panicked half-way");
        };
        fails_alone_between_two(Box::new(panics), "a bug in deskctl").await;
    }

    /// `serve --handoff-batch N` bounds the writes in one of the writer's
    /// transactions, handoffs or not.
    #[tokio::test(flavor = "multi_thread")]
    async fn a_transaction_holds_at_most_the_writes_set() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = serving_desk(dir.path()).await;
        Database::set_most_grouped(&store, 2);

        let writes: Vec<AnyWrite> = ["a", "b", "c", "d", "e"]
            .into_iter()
            .map(|key| Box::new(add_team(key)) as AnyWrite)
            .collect();
        let (results, commits) = queued_behind_a_busy_writer(&store, writes).await;

        assert!(results.iter().all(Result::is_ok), "{results:?}");
        assert_eq!(
            commits,
            1 + 3,
            "the busy write's, then five writes two at a time"
        );
        assert_eq!(team_keys(&store).await, ["a", "b", "busy", "c", "d", "e"]);
    }

    /// Writes that arrive while the writer commits share its next
    /// transaction, each in a savepoint of its own: one that fails is rolled
    /// back alone, and the others commit.
    #[tokio::test(flavor = "multi_thread")]
    async fn writes_queued_together_commit_together_and_fail_alone() {
        let fails = |conn: &Direct| {
            add_team("failed")(conn)?;
            Err(StoreError::Database("refused after writing".into()))
        };
        fails_alone_between_two(Box::new(fails), "refused after writing").await;
    }

    /// Queues `failing` (which adds the team `failed` first) between two
    /// writes, behind a busy writer: the three share one transaction,
    /// `failing` is answered with an error saying `error` and leaves
    /// nothing, and the other two commit.
    async fn fails_alone_between_two(failing: AnyWrite, error: &str) {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = serving_desk(dir.path()).await;

        let (results, commits) = queued_behind_a_busy_writer(
            &store,
            vec![
                Box::new(add_team("first")),
                failing,
                Box::new(add_team("last")),
            ],
        )
        .await;

        assert!(results[0].is_ok(), "{:?}", results[0]);
        assert!(
            matches!(&results[1], Err(StoreError::Database(m)) if m.contains(error)),
            "{:?}",
            results[1]
        );
        assert!(results[2].is_ok(), "{:?}", results[2]);
        assert_eq!(commits, 2, "the busy write's transaction, then the queue's");
        assert_eq!(team_keys(&store).await, ["busy", "first", "last"]);
    }

    /// A write that ends the group's transaction itself leaves nothing the
    /// others could commit in: all of them fail, none is kept, and the
    /// writer goes on with the next write.
    #[tokio::test(flavor = "multi_thread")]
    async fn a_write_that_breaks_its_transaction_fails_the_writes_queued_with_it() {
        let rolls_back = |conn: &Direct| Ok(conn.execute_batch("ROLLBACK")?);
        the_group_fails_whole(Box::new(rolls_back), "savepoint").await;
    }

    /// A transaction whose `COMMIT` fails (here on a foreign key a write left
    /// broken, checked only at `COMMIT`) answers each of its writes with
    /// that error and keeps none of them.
    #[tokio::test(flavor = "multi_thread")]
    async fn a_commit_that_fails_fails_every_write_in_it() {
        let breaks_a_key = |conn: &Direct| {
            conn.execute_batch(
                "PRAGMA defer_foreign_keys = ON; \
                 INSERT INTO team_members (team_key, operator_handle) \
                 VALUES ('nowhere', 'nobody')",
            )?;
            Ok(())
        };
        the_group_fails_whole(Box::new(breaks_a_key), "FOREIGN KEY").await;
    }

    /// Queues `breaker` between two good writes behind a busy writer; all
    /// three must fail with an error that mentions `why`, none be kept, and
    /// the writer go on with the next write.
    async fn the_group_fails_whole(breaker: AnyWrite, why: &str) {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = serving_desk(dir.path()).await;

        let writes: Vec<AnyWrite> = vec![
            Box::new(add_team("before")),
            breaker,
            Box::new(add_team("after")),
        ];
        let (results, commits) = queued_behind_a_busy_writer(&store, writes).await;

        for result in &results {
            assert!(
                matches!(result, Err(StoreError::Database(m)) if m.contains(why)),
                "{result:?}"
            );
        }
        assert_eq!(commits, 1, "only the busy write's transaction");
        store.write_direct(add_team("next")).await.unwrap();
        assert_eq!(team_keys(&store).await, ["busy", "next"]);
    }

    /// The writer's connection leaves checkpoints to a thread beside it: the
    /// pages written in the WAL reach the database file without a commit of
    /// the writer copying them (SQLite's own would wait for 1,000 pages).
    #[tokio::test(flavor = "multi_thread")]
    async fn the_kept_writers_pages_are_checkpointed_beside_it() {
        let dir = tempfile::tempdir().unwrap();
        let (store, path) = serving_desk(dir.path()).await;
        let before = std::fs::metadata(&path).unwrap().len();
        let name = "n".repeat(100_000);
        for n in 0..kept::CHECKPOINT_EVERY {
            store
                .write_direct(add_named_team(format!("team-{n}"), name.clone()))
                .await
                .unwrap();
        }
        let written = u64::from(kept::CHECKPOINT_EVERY) * 100_000;
        let deadline = std::time::Instant::now() + Duration::from_secs(20);
        while std::fs::metadata(&path).unwrap().len() < before + written {
            assert!(
                std::time::Instant::now() < deadline,
                "the database file did not grow by the {written} bytes written: no checkpoint ran"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// A writer that never stops still gets its WAL started over: the
    /// checkpoints beside it trail its last commit, so without the writer
    /// catching up the WAL grew for as long as the writes kept coming.
    #[tokio::test(flavor = "multi_thread")]
    async fn a_busy_writers_wal_is_started_over() {
        let dir = tempfile::tempdir().unwrap();
        let (store, path) = serving_desk(dir.path()).await;
        let wal = path.with_extension("sqlite-wal");
        let name = "n".repeat(200_000);
        // Four times the frames at which the writer catches up, without a pause.
        let writes = 4 * kept::START_OVER_FRAMES as usize * 4096 / name.len();
        let mut largest = 0;
        for n in 0..writes {
            store
                .write_direct(add_named_team(format!("team-{n}"), name.clone()))
                .await
                .unwrap();
            largest = largest.max(std::fs::metadata(&wal).unwrap().len());
        }
        let bound = 2 * kept::START_OVER_FRAMES as u64 * (4096 + 24);
        assert!(
            largest < bound,
            "the WAL reached {largest} bytes over {writes} writes (bound {bound}): never started over"
        );
        let teams: i64 = store
            .read_direct(|conn| Ok(conn.query_row("SELECT count(*) FROM teams", [], |r| r.get(0))?))
            .await
            .unwrap();
        assert_eq!(teams, writes as i64);
    }

    /// A write queueing `count` texts for the index, numbered from `first`:
    /// each is `queued text N`, every one matched by [`INDEXED_TEXTS`].
    fn queue_texts(first: i64, count: i64) -> impl FnOnce(&Direct) -> StoreResult<()> {
        move |conn| {
            for n in first..first + count {
                execute(
                    conn,
                    "INSERT INTO ticket_text_queue (id, body) VALUES (?, ?)",
                    rusqlite::params![n << 24, format!("queued text {n}")],
                )?;
            }
            Ok(())
        }
    }

    /// Counts the texts of [`queue_texts`] in the index.
    const INDEXED_TEXTS: &str =
        "SELECT count(*) FROM ticket_text WHERE ticket_text MATCH '\"ued\"'";

    /// The one count `sql` answers.
    fn count(conn: &Direct, sql: &str) -> StoreResult<i64> {
        Ok(conn.query_row(sql, [], |row| row.get(0))?)
    }

    /// Queued texts stay in the queue until [`INDEX_QUEUED_AFTER`] wait; the
    /// write that makes it that many moves them all into the index, on the
    /// service's kept writer and on a command's pool alike.
    #[tokio::test(flavor = "multi_thread")]
    async fn queued_texts_move_into_the_index_once_enough_wait() {
        for serving in [true, false] {
            let dir = tempfile::tempdir().unwrap();
            let store = if serving {
                serving_desk(dir.path()).await.0
            } else {
                SqliteStore::open_for_command(
                    &dir.path().join("desk.sqlite"),
                    Open::CreateIfMissing,
                )
                .await
                .unwrap()
            };
            // (queued, in the index)
            let where_they_are = async || -> (i64, i64) {
                store
                    .read_direct(|conn| {
                        Ok((
                            count(conn, "SELECT count(*) FROM ticket_text_queue")?,
                            count(conn, INDEXED_TEXTS)?,
                        ))
                    })
                    .await
                    .unwrap()
            };
            store
                .write_direct(queue_texts(0, INDEX_QUEUED_AFTER - 2))
                .await
                .unwrap();
            store
                .write_direct(queue_texts(INDEX_QUEUED_AFTER - 2, 1))
                .await
                .unwrap();
            assert_eq!(
                where_they_are().await,
                (INDEX_QUEUED_AFTER - 1, 0),
                "serving: {serving}"
            );
            store
                .write_direct(queue_texts(INDEX_QUEUED_AFTER - 1, 1))
                .await
                .unwrap();
            assert_eq!(
                where_they_are().await,
                (0, INDEX_QUEUED_AFTER),
                "serving: {serving}"
            );
            store.close().await;
        }
    }

    /// The text index merges sixteen segments of a level at a time
    /// (migration 0019): fifteen moves of the queue leave fifteen segments,
    /// each text found in them; the sixteenth starts merging a few pages at a
    /// time instead of all at once (`crisismerge`), and the moves after it
    /// finish the merge, each text still found once.
    #[tokio::test(flavor = "multi_thread")]
    async fn the_text_index_merges_sixteen_segments_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = serving_desk(dir.path()).await;
        // FTS5 keeps a segment's pages under rowids that begin with its id
        // (`fts5_dri` in fts5Int.h: 37 bits below it); ids of 65,536 and
        // up are tombstones, and 0 the index's own records.
        let segments_and_texts = async || -> (i64, i64) {
            store
                .read_direct(|conn| {
                    Ok((
                        count(
                            conn,
                            "SELECT count(DISTINCT id >> 37) FROM ticket_text_data \
                             WHERE id >> 37 BETWEEN 1 AND 65535",
                        )?,
                        count(conn, INDEXED_TEXTS)?,
                    ))
                })
                .await
                .unwrap()
        };
        let mut moved = 0;
        let mut move_the_queue = async || {
            store
                .write_direct(queue_texts(moved * INDEX_QUEUED_AFTER, INDEX_QUEUED_AFTER))
                .await
                .unwrap();
            moved += 1;
            moved
        };
        while move_the_queue().await < 15 {}
        assert_eq!(segments_and_texts().await, (15, 15 * INDEX_QUEUED_AFTER));
        move_the_queue().await;
        let (segments, texts) = segments_and_texts().await;
        assert!(
            segments >= 16,
            "{segments} segments: a level merged at once"
        );
        assert_eq!(texts, 16 * INDEX_QUEUED_AFTER);
        // Merged a few pages at each move, the level is one segment again
        // before sixteen more moves, and every text is found once throughout.
        let mut fewest = segments;
        loop {
            let moves = move_the_queue().await;
            let (segments, texts) = segments_and_texts().await;
            assert_eq!(texts, moves * INDEX_QUEUED_AFTER, "after {moves} moves");
            fewest = fewest.min(segments);
            if moves == 32 {
                break;
            }
        }
        assert!(
            fewest < 16,
            "still {fewest} segments after 32 moves: none merged"
        );
        store.close().await;
    }

    /// A point read on a kept connection sees every commit before it, also a
    /// write through the pool's connections (another replica's, or a ticket
    /// action's), though its page cache outlives the read.
    #[tokio::test(flavor = "multi_thread")]
    async fn kept_readers_see_writes_made_through_other_connections() {
        let dir = tempfile::tempdir().unwrap();
        let (store, path) = serving_desk(dir.path()).await;
        let before = store.generation().await.unwrap();
        let pooled = SqliteStore::open(&path, Open::Existing).await.unwrap();
        let mut tx = pooled.write().await.unwrap();
        tx.direct(add_team("elsewhere")).await.unwrap();
        tx.direct(|conn| {
            execute(
                conn,
                "UPDATE workspace_revision SET generation = generation + 1 WHERE id = 1",
                [],
            )
        })
        .await
        .unwrap();
        tx.commit().await.unwrap();
        assert_eq!(store.generation().await.unwrap(), before + 1);
        assert_eq!(team_keys(&store).await, ["elsewhere"]);
    }

    /// A team whose name needs more pages than a desk capped at its size has.
    fn add_large_team(key: &str) -> impl FnOnce(&Direct) -> StoreResult<()> + Send + 'static {
        add_named_team(key.to_string(), "n".repeat(200_000))
    }

    /// A desk created, then opened as a command opens it: a pool of one
    /// connection, which every write of the command uses.
    async fn command_desk() -> (tempfile::TempDir, std::path::PathBuf, SqliteStore) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("desk.sqlite");
        SqliteStore::open(&path, Open::CreateIfMissing)
            .await
            .unwrap()
            .close()
            .await;
        let store = SqliteStore::open_for_command(&path, Open::Existing)
            .await
            .unwrap();
        (dir, path, store)
    }

    fn says_read_only(error: &StoreError, path: &Path) -> bool {
        matches!(error, StoreError::ReadOnly(_))
            && error.to_string().starts_with(&format!(
                "the desk at {} is read-only to this user",
                path.display()
            ))
    }

    fn says_the_disk_is_full(error: &StoreError, path: &Path) -> bool {
        matches!(error, StoreError::DiskFull(_))
            && error.to_string().contains(&format!(
                "the disk holding the desk at {} is full",
                path.display()
            ))
    }

    /// SQLite's "database or disk is full", made without filling a disk: the
    /// connection may not grow the file past the pages it has. A write then
    /// fails naming the desk's path, through sqlx as well as directly, and
    /// the next one once there is room again is taken.
    #[tokio::test(flavor = "current_thread")]
    async fn a_full_desk_refuses_a_command_s_write_naming_its_path_until_there_is_room() {
        let (_dir, path, store) = command_desk().await;
        // The pool's one connection, which every write of a command uses.
        sqlx::query("PRAGMA max_page_count = 1")
            .execute(store.pool())
            .await
            .unwrap();

        let error = store
            .write_on_pool(add_large_team("large"))
            .await
            .unwrap_err();
        assert!(says_the_disk_is_full(&error, &path), "{error:?}");
        assert_eq!(team_keys(&store).await, Vec::<String>::new());

        sqlx::query("PRAGMA max_page_count = 1000000")
            .execute(store.pool())
            .await
            .unwrap();
        store.write_on_pool(add_large_team("large")).await.unwrap();
        store.ping().await.unwrap();
        assert_eq!(team_keys(&store).await, ["large"]);

        // A statement run through sqlx says the same.
        sqlx::query("PRAGMA max_page_count = 1")
            .execute(store.pool())
            .await
            .unwrap();
        let mut tx = store.write().await.unwrap();
        let through_sqlx = sqlx::query("INSERT INTO teams (key, name, created_at, updated_at) VALUES ('t', zeroblob(200000), '', '')")
            .execute(&mut *tx)
            .await
            .unwrap_err();
        let error = StoreError::from(through_sqlx);
        assert!(matches!(error, StoreError::DiskFull(_)), "{error:?}");
    }

    /// A desk this user may read but not write (made read-only here with
    /// `query_only`, since a test run as root writes any file): a write is
    /// refused naming the desk's path, through sqlx as well as directly,
    /// not as an internal fault that a command's user has no log to read.
    #[tokio::test(flavor = "current_thread")]
    async fn a_read_only_desk_refuses_a_write_naming_its_path() {
        let (_dir, path, store) = command_desk().await;
        sqlx::query("PRAGMA query_only = 1")
            .execute(store.pool())
            .await
            .unwrap();

        let error = store.write_on_pool(add_team("small")).await.unwrap_err();
        assert!(says_read_only(&error, &path), "{error:?}");

        // Through sqlx: its transaction cannot even begin.
        match store.write().await {
            Err(error) => assert!(matches!(error, StoreError::ReadOnly(_)), "{error:?}"),
            Ok(_) => panic!("a write transaction began on a read-only desk"),
        }
    }

    /// A desk made read-only under the service: SQLite begins a write
    /// transaction (or takes a statement on its own) and refuses only the
    /// statement that writes, which knows no path. Through the seam the
    /// error names the desk anyway, and the health check answers it until a
    /// write commits again; a full disk met that way names the path too.
    #[tokio::test(flavor = "current_thread")]
    async fn a_statement_refused_for_a_read_only_desk_names_it_and_fails_the_health_check() {
        let (_dir, path, store) = command_desk().await;
        store.check_writable().await.unwrap();
        store.ping().await.unwrap();
        sqlx::query("PRAGMA query_only = 1")
            .execute(store.pool())
            .await
            .unwrap();

        let read_only = |error: &StoreError| says_read_only(error, &path);
        let error = crate::server::store::Tokens::touch_token(&store, "tok_none")
            .await
            .unwrap_err();
        assert!(read_only(&error), "{error:?}");
        let health = store.ping().await.unwrap_err();
        assert!(read_only(&health), "{health:?}");
        let error = store.check_writable().await.unwrap_err();
        assert!(read_only(&error), "{error:?}");

        sqlx::query("PRAGMA query_only = 0")
            .execute(store.pool())
            .await
            .unwrap();
        store.write_on_pool(add_team("small")).await.unwrap();
        store.ping().await.unwrap();

        let full = store.explained(StoreError::disk_full(None));
        assert!(says_the_disk_is_full(&full, &path), "{full:?}");
    }

    /// The same on a service's writer, whose writes are grouped: the batch
    /// is refused naming the path, and the writer takes the next once there
    /// is room again.
    #[tokio::test(flavor = "multi_thread")]
    async fn a_full_desk_refuses_a_service_s_grouped_writes_naming_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let (store, path) = serving_desk(dir.path()).await;
        store.write_direct(add_team("small")).await.unwrap();
        let cap = |pages: u64| {
            let writer = Arc::clone(&store.writer.connection);
            async move {
                let slot = writer.lock().await;
                let conn = slot.as_ref().expect("the writer's connection is open");
                conn.execute_batch(&format!("PRAGMA max_page_count = {pages}"))
                    .unwrap();
            }
        };
        cap(1).await;
        let error = store
            .write_direct(add_large_team("large"))
            .await
            .unwrap_err();
        assert!(says_the_disk_is_full(&error, &path), "{error:?}");
        assert_eq!(team_keys(&store).await, ["small"]);

        cap(1_000_000).await;
        store.write_direct(add_large_team("large")).await.unwrap();
        store.ping().await.unwrap();
        assert_eq!(team_keys(&store).await, ["large", "small"]);
        store.close().await;
    }

    /// A desk file removed under a service: its writes, grouped or on the
    /// pool, are refused rather than committed to the file removed, the
    /// health check says so, and no empty desk is made in its place.
    #[tokio::test(flavor = "multi_thread")]
    async fn a_desk_file_removed_under_a_service_refuses_every_write() {
        let dir = tempfile::tempdir().unwrap();
        let (store, path) = serving_desk(dir.path()).await;
        store.write_direct(add_team("before")).await.unwrap();
        store.ping().await.unwrap();
        for suffix in ["", "-wal", "-shm"] {
            let mut file = path.clone().into_os_string();
            file.push(suffix);
            std::fs::remove_file(file).unwrap();
        }

        let replaced = |error: StoreError| {
            matches!(error, StoreError::DeskReplaced(_))
                && error.to_string().contains(&format!(
                    "the desk file {} was removed or replaced",
                    path.display()
                ))
        };
        let grouped = store.write_direct(add_team("after")).await.unwrap_err();
        assert!(replaced(grouped.clone()), "{grouped:?}");
        let pooled = store.write_on_pool(add_team("after")).await.unwrap_err();
        assert!(replaced(pooled.clone()), "{pooled:?}");
        let health = store.ping().await.unwrap_err();
        assert!(replaced(health.clone()), "{health:?}");
        assert!(
            !path.exists(),
            "a desk was made in place of the one removed"
        );
        store.close().await;
    }

    /// A read that needs a connection opened anew after the desk file was
    /// removed under a service finds no file: it says that, naming the path,
    /// rather than failing as a database error (an internal error, 500).
    #[tokio::test(flavor = "multi_thread")]
    async fn a_read_after_the_desk_file_was_removed_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let (store, path) = serving_desk(dir.path()).await;
        super::super::Tokens::list_tokens(&store, None, 10)
            .await
            .unwrap();
        for suffix in ["", "-wal", "-shm"] {
            let mut file = path.clone().into_os_string();
            file.push(suffix);
            std::fs::remove_file(file).unwrap();
        }
        // No idle reader left: the next read opens a connection.
        store.writer.kept.close();
        let error = super::super::Tokens::list_tokens(&store, None, 10)
            .await
            .unwrap_err();
        assert!(matches!(error, StoreError::DeskReplaced(_)), "{error:?}");
        assert!(
            error.to_string().contains(&format!(
                "the desk file {} was removed or replaced",
                path.display()
            )),
            "{error}"
        );
        assert!(!path.exists(), "a desk was made in its place");
        store.close().await;
    }
}
