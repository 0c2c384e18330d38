//! SQLite connections a service keeps for its life, driven through rusqlite
//! directly: one for the writer (handoffs and ticket actions, grouped:
//! [`super::grouped`]) and a few for point reads.
//!
//! A connection lent by sqlx's pool is driven on its own worker thread: even
//! run directly ([`super::direct`]), each use first waits for that worker to
//! hand its handle over, and the statements prepared on it are finalized when
//! it is handed back. Every request reads its token and the workspace's
//! generation, and the handoff writer prepared its two dozen statements again
//! for every batch: in the profile of a loaded service those hand-offs and
//! preparations were a fifth of its time. A kept connection is used on the
//! calling thread (the writer's, off the async runtime, since its `COMMIT`
//! waits for the disk) and keeps its prepared statements and its page cache.
//!
//! A one-command process keeps one for its reads, on its only thread, and
//! writes on the pool, whose connection it opens only then
//! (`SqliteStore::open_for_command`); the writer's is for `serve`
//! (`Store::keep_connections`).

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex};

use super::{BUSY_TIMEOUT, Direct, configure_connection, index_queued_text};
use crate::server::store::{StoreError, StoreResult};

/// Idle read connections kept at most; more are opened under a burst and
/// closed after it.
const MOST_READERS: usize = 8;

/// The statements each kept connection keeps prepared: more than the handoff
/// writer's batch uses, so none is prepared twice.
const PREPARED: usize = 64;

/// The writer's page cache, in KiB (SQLite's default is 2 MiB): the pages of
/// the tickets' indexes that every handoff updates stay in memory instead of
/// being read from the file again for each batch.
const WRITER_CACHE_KIB: i64 = 32 * 1024;

/// Write transactions on the writer's connection between two checkpoints:
/// often enough that each copies few pages and the WAL stays small, and one
/// that finds little to copy costs little.
pub(super) const CHECKPOINT_EVERY: u32 = 8;

/// Frames in the WAL from which the writer catches up with a checkpoint beside
/// it so that SQLite starts the WAL over ([`write`]). Each catch-up costs the
/// writer a checkpoint's two `fsync`s; below this the WAL only grows by a few
/// batches until the next one (16 MiB of 4 KiB pages, well under
/// [`WAL_SIZE_LIMIT`]).
pub(super) const START_OVER_FRAMES: i64 = 4096;

/// The connections kept, once [`Kept::start`] was called.
#[derive(Debug, Default)]
pub(crate) struct Kept {
    on: AtomicBool,
    /// Point reads only ([`Kept::start_reading`]).
    reading: AtomicBool,
    readers: Mutex<Vec<Direct>>,
    /// Write transactions committed on the writer's connection.
    writes: AtomicU32,
    /// Whether a checkpoint is running.
    checkpointing: AtomicBool,
    /// Whether a checkpoint beside the writer finished, on a WAL of at least
    /// [`START_OVER_FRAMES`], since the writer last caught up (see [`write`]).
    checked_point: AtomicBool,
}

impl Kept {
    /// From now on, point reads and the writer use kept connections.
    pub(crate) fn start(&self) {
        self.on.store(true, Ordering::Relaxed);
    }

    pub(crate) fn is_on(&self) -> bool {
        self.on.load(Ordering::Relaxed)
    }

    /// From now on, point reads use kept connections; writes stay on the
    /// pool (a one-command process: `SqliteStore::open_for_command`).
    pub(crate) fn start_reading(&self) {
        self.reading.store(true, Ordering::Relaxed);
    }

    /// Whether point reads use kept connections.
    pub(crate) fn reads(&self) -> bool {
        self.reading.load(Ordering::Relaxed) || self.is_on()
    }

    /// Runs `work` on an idle kept read connection (one opened if none is
    /// idle), on this thread; each statement is its own read transaction.
    pub(crate) fn read<T>(
        &self,
        path: &Path,
        work: impl FnOnce(&Direct) -> StoreResult<T>,
    ) -> StoreResult<T> {
        let idle = self.readers().pop();
        let conn = match idle {
            Some(conn) => conn,
            None => open(path, None)?,
        };
        let result = work(&conn);
        let mut readers = self.readers();
        if readers.len() < MOST_READERS {
            readers.push(conn);
        }
        result
    }

    /// Counts a write transaction the writer committed and, every
    /// [`CHECKPOINT_EVERY`], copies the WAL's pages into the database file
    /// on a thread of its own (not the runtime's: the writer is a thread
    /// outside it). The writer's connection does not checkpoint (see
    /// [`write`]): SQLite would run it in the `COMMIT` of the transaction that
    /// fills the WAL, while the next batch waits.
    pub(crate) fn wrote(self: &Arc<Self>, path: &Path) {
        let writes = self.writes.fetch_add(1, Ordering::Relaxed) + 1;
        if !writes.is_multiple_of(CHECKPOINT_EVERY)
            || self.checkpointing.swap(true, Ordering::AcqRel)
        {
            return;
        }
        let kept = Arc::clone(self);
        let path = path.to_path_buf();
        let checkpoint = move || {
            // PASSIVE: never waits for the writer or readers; what it cannot
            // copy now, the next one does.
            let done = kept.read(&path, |conn| {
                // (busy, frames in the WAL, frames copied)
                Ok(conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |row| {
                    row.get::<_, i64>(1)
                })?)
            });
            match done {
                Ok(frames) if frames >= START_OVER_FRAMES => {
                    kept.checked_point.store(true, Ordering::Release);
                }
                Ok(_) => {}
                Err(error) => {
                    tracing::warn!(%error, "could not checkpoint the desk's write-ahead log");
                }
            }
            kept.checkpointing.store(false, Ordering::Release);
        };
        if let Err(error) = std::thread::Builder::new()
            .name("desk-checkpoint".into())
            .spawn(checkpoint)
        {
            self.checkpointing.store(false, Ordering::Release);
            tracing::warn!(%error, "could not start a checkpoint of the desk's write-ahead log");
        }
    }

    /// Whether the writer should catch up with a checkpoint that finished
    /// beside it on a long WAL (once per such checkpoint; see [`write`]).
    pub(crate) fn take_catch_up(&self) -> bool {
        self.checked_point.swap(false, Ordering::AcqRel)
    }

    /// Write transactions the writer committed.
    #[cfg(test)]
    pub(crate) fn commits(&self) -> u32 {
        self.writes.load(Ordering::Relaxed)
    }

    /// The read connections kept idle.
    #[cfg(test)]
    pub(crate) fn idle_readers(&self) -> usize {
        self.readers().len()
    }

    /// Closes the idle read connections (the service is stopping).
    pub(crate) fn close(&self) {
        self.readers().clear();
    }

    fn readers(&self) -> std::sync::MutexGuard<'_, Vec<Direct>> {
        // A reader is only pushed and popped under the lock: a panic elsewhere
        // leaves the list whole.
        self.readers.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Runs `work` in one write transaction (`BEGIN IMMEDIATE`, the queued
/// texts indexed if many wait, `COMMIT`) on the writer's kept connection in
/// `slot`, opening it first if needed. Blocking: the commit waits for the disk.
///
/// With `catch_up` (a checkpoint beside the writer found a long WAL:
/// [`Kept::take_catch_up`]), it first copies what that checkpoint left,
/// the frames committed while it ran, so that the transaction begins on a WAL
/// copied whole and SQLite starts the WAL over from its first frame. Without
/// it the writer never began on a WAL copied whole, since the checkpoints
/// beside it always trail its last commit: the WAL grew for as long as
/// handoffs kept coming (1.5 GB in the bench's 30,000), and every frame
/// written extended the file (the kernel allocating and zeroing its pages).
pub(crate) fn write<T>(
    slot: &mut Option<Direct>,
    path: &Path,
    catch_up: bool,
    work: impl FnOnce(&Direct) -> StoreResult<T>,
) -> StoreResult<T> {
    let conn = match slot {
        Some(conn) => conn,
        None => slot.insert(open(path, Some(WRITER_CACHE_KIB))?),
    };
    if !conn.is_autocommit() {
        // A transaction left open by a decision that panicked.
        conn.execute_batch("ROLLBACK")?;
    }
    if catch_up {
        // PASSIVE: copies what it can without waiting for readers; if one
        // still reads an older snapshot, the WAL goes on and a later catch-up
        // starts it over. Failing it fails no write.
        if let Err(error) = conn.execute_batch("PRAGMA wal_checkpoint(PASSIVE)") {
            tracing::warn!(%error, "could not checkpoint the desk's write-ahead log");
        }
    }
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let result = work(conn).and_then(|done| {
        index_queued_text(conn)?;
        conn.execute_batch("COMMIT")?;
        Ok(done)
    });
    if !conn.is_autocommit() && conn.execute_batch("ROLLBACK").is_err() {
        // A connection that cannot end its transaction is not used again:
        // the next write opens another.
        *slot = None;
    }
    result
}

/// Opens a connection to the desk at `path` set as the pool's are
/// ([`configure_connection`]; the file is in WAL mode already); with a cache
/// size, the writer's.
fn open(path: &Path, cache_kib: Option<i64>) -> StoreResult<Direct> {
    let conn = rusqlite::Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| StoreError::Database(format!("cannot open {}: {e}", path.display())))?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    configure_connection(&conn)?;
    if let Some(kib) = cache_kib {
        // The writer: a large cache, and no checkpoint in its commits
        // ([`Kept::wrote`] runs them beside it).
        conn.execute_batch(&format!(
            "PRAGMA cache_size = -{kib}; PRAGMA wal_autocheckpoint = 0;"
        ))?;
    }
    conn.set_prepared_statement_cache_capacity(PREPARED);
    Ok(conn)
}
