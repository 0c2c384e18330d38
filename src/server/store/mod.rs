//! All SQL lives here: the connection pool, embedded migrations and one module per
//! table group. Nothing outside `store` builds a query.
//!
//! Statements are written in the SQL that SQLite and PostgreSQL share, so the
//! PostgreSQL backend can follow without rewriting the domain.

pub mod handoffs;
pub mod integrations;
pub mod outbox;
pub mod tickets;
pub mod tokens;
pub mod workspace;

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use jiff::Timestamp;
use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{AssertSqlSafe, SqlSafeStr, Sqlite, Transaction};

/// How long a writer waits for another process's write lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// How often opening a desk is tried again while another process holds its lock.
const OPEN_ATTEMPTS: u32 = 12;

/// The schema, embedded in the binary: versions are applied in order, once.
const MIGRATIONS: &[(i64, &str, &str)] = &[
    (
        1,
        "foundation",
        include_str!("../../../migrations/0001_foundation.sql"),
    ),
    (
        2,
        "workspace",
        include_str!("../../../migrations/0002_workspace.sql"),
    ),
    (
        3,
        "tickets",
        include_str!("../../../migrations/0003_tickets.sql"),
    ),
    (
        4,
        "ticket views",
        include_str!("../../../migrations/0004_ticket_views.sql"),
    ),
    (
        5,
        "outbox",
        include_str!("../../../migrations/0005_outbox.sql"),
    ),
    (
        6,
        "requester name index",
        include_str!("../../../migrations/0006_requester_name_index.sql"),
    ),
    (
        7,
        "integrations",
        include_str!("../../../migrations/0007_integrations.sql"),
    ),
    (
        8,
        "workspace revision",
        include_str!("../../../migrations/0008_revision.sql"),
    ),
    (
        9,
        "integration revision",
        include_str!("../../../migrations/0009_integration_revision.sql"),
    ),
    (
        10,
        "revision by the store",
        include_str!("../../../migrations/0010_revision_by_store.sql"),
    ),
];

/// Why a store operation did not happen. Nothing was written when one is returned.
#[derive(Debug, thiserror::Error)]
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
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("could not read stored value: {0}")]
    Corrupt(String),
}

pub type StoreResult<T> = Result<T, StoreError>;

/// The desk's database.
#[derive(Debug, Clone)]
pub struct Store {
    pool: SqlitePool,
    path: PathBuf,
    /// Serializes this process's writers. Waiting here queues them fairly;
    /// waiting in SQLite's busy handler makes them sleep and retry, and under
    /// load some starve for seconds.
    writer: Arc<tokio::sync::Mutex<()>>,
    cache: Arc<workspace::Cache>,
}

/// A write transaction, holding this process's writer lock until it ends.
pub(crate) struct WriteTx {
    tx: Transaction<'static, Sqlite>,
    _writer: tokio::sync::OwnedMutexGuard<()>,
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
    pub(crate) async fn commit(self) -> StoreResult<()> {
        self.tx.commit().await?;
        Ok(())
    }
}

impl Store {
    /// Opens (creating it and its directory when missing) the desk file at `path`
    /// and brings its schema up to date.
    pub async fn open(path: &Path) -> StoreResult<Store> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| {
                StoreError::Database(sqlx::Error::Configuration(
                    format!("cannot create {}: {e}", parent.display()).into(),
                ))
            })?;
        }
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL makes every commit durable across power loss, also in WAL mode.
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(BUSY_TIMEOUT);
        // Two processes opening a new desk at once race to switch it to WAL:
        // SQLite answers the loser "database is locked" at once, without waiting
        // out the busy timeout. Trying again after a pause finds it done.
        let mut attempt = 0;
        loop {
            match Self::connect(path, options.clone()).await {
                Ok(store) => return Ok(store),
                Err(error) if attempt < OPEN_ATTEMPTS && is_busy(&error) => {
                    attempt += 1;
                    tokio::time::sleep(Duration::from_millis(20 << attempt.min(4))).await;
                }
                Err(error) => return Err(error),
            }
        }
    }

    async fn connect(path: &Path, options: SqliteConnectOptions) -> StoreResult<Store> {
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        let store = Store {
            pool,
            path: path.to_path_buf(),
            writer: Arc::new(tokio::sync::Mutex::new(())),
            cache: Arc::default(),
        };
        if let Err(error) = store.migrate().await {
            store.close().await;
            return Err(error);
        }
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    async fn migrate(&self) -> StoreResult<()> {
        let migrator = Migrator::with_migrations(
            MIGRATIONS
                .iter()
                .map(|(version, description, sql)| {
                    Migration::new(
                        *version,
                        Cow::Borrowed(*description),
                        MigrationType::Simple,
                        AssertSqlSafe(*sql).into_sql_str(),
                        // Run inside the one transaction below, not one each.
                        true,
                    )
                })
                .collect(),
        );
        // The common case, a desk already up to date, needs no write lock: a
        // read-only command must not queue behind a busy writer.
        let applied: Result<Vec<i64>, sqlx::Error> = sqlx::query_scalar(
            "SELECT version FROM _sqlx_migrations WHERE success ORDER BY version",
        )
        .fetch_all(&self.pool)
        .await;
        if let Ok(applied) = applied
            && applied
                .iter()
                .copied()
                .eq(MIGRATIONS.iter().map(|(version, _, _)| *version))
        {
            return Ok(());
        }
        // sqlx takes no migration lock on SQLite, so two processes opening a new
        // desk would both apply the schema. Under BEGIN IMMEDIATE the second waits
        // for the first (busy timeout), then finds every migration recorded.
        let mut conn = self.pool.acquire().await?;
        sqlx::query("BEGIN IMMEDIATE").execute(&mut *conn).await?;
        match migrator.run(&mut *conn).await {
            Ok(()) => {
                sqlx::query("COMMIT").execute(&mut *conn).await?;
                Ok(())
            }
            Err(error) => {
                let _ = sqlx::query("ROLLBACK").execute(&mut *conn).await;
                Err(StoreError::Database(error.into()))
            }
        }
    }

    /// A read-only check that the database answers.
    pub async fn ping(&self) -> StoreResult<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// Starts a write transaction holding the write lock from its first statement,
    /// so concurrent writers wait for each other instead of failing when a read
    /// turns into a write: in this process in line for the writer lock, across
    /// processes in SQLite's busy timeout.
    pub(crate) async fn write(&self) -> StoreResult<WriteTx> {
        let writer = Arc::clone(&self.writer).lock_owned().await;
        Ok(WriteTx {
            tx: self.pool.begin_with("BEGIN IMMEDIATE").await?,
            _writer: writer,
        })
    }

    pub(crate) fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Now, as stored: RFC 3339 in UTC with exactly six fractional digits, so that
/// text order is time order (`…00Z` would sort after `…00.1Z`).
pub(crate) fn now() -> String {
    stored_time(Timestamp::now())
}

/// Now, to the microsecond as stored: a value written and read back equals it.
pub fn stored_now() -> Timestamp {
    let now = Timestamp::now();
    Timestamp::new(now.as_second(), now.subsec_microsecond() * 1000).expect("now is in range")
}

pub fn stored_time(at: Timestamp) -> String {
    format!(
        "{}.{:06}Z",
        at.strftime("%Y-%m-%dT%H:%M:%S"),
        at.subsec_microsecond()
    )
}

pub(crate) fn parse_time(value: &str) -> StoreResult<Timestamp> {
    Timestamp::from_str(value).map_err(|e| StoreError::Corrupt(format!("timestamp '{value}': {e}")))
}

pub(crate) fn parse_enum<T: FromStr<Err = String>>(value: &str) -> StoreResult<T> {
    value.parse().map_err(StoreError::Corrupt)
}

/// Whether an error is SQLite's "database is locked" or "busy": a race lost to
/// another process opening the same desk.
fn is_busy(error: &StoreError) -> bool {
    let text = match error {
        StoreError::Database(sqlx::Error::Database(db)) => db.message().to_string(),
        StoreError::Database(sqlx::Error::Migrate(migrate)) => migrate.to_string(),
        _ => return false,
    };
    text.contains("locked") || text.contains("busy")
}

/// Fails with `UnknownReference` unless operator `handle` exists.
pub(crate) async fn require_operator(
    conn: &mut sqlx::SqliteConnection,
    field: &'static str,
    handle: &str,
) -> StoreResult<()> {
    let found: Option<i64> = sqlx::query_scalar("SELECT 1 FROM operators WHERE handle = ?")
        .bind(handle)
        .fetch_optional(&mut *conn)
        .await?;
    match found {
        Some(_) => Ok(()),
        None => Err(StoreError::UnknownReference {
            field,
            what: "operator",
            key: handle.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(parse_time(&texts[1]).unwrap(), later);
    }
}
