//! Group commit for every write on the writer's kept connection: the writes
//! that arrive while one transaction commits go into the next one together,
//! each in a savepoint of its own, so a burst of ticket actions (or ticket
//! actions beside a batch of handoffs) shares one `COMMIT` and one `fsync`.
//!
//! A write that fails is rolled back to its savepoint alone; the others in its
//! transaction commit. Each is answered only once the `COMMIT` that holds it
//! has returned, so an answer still means the write is durable
//! (`synchronous = FULL`). One thread per store runs the transactions, one
//! after another (the `COMMIT` waits for the disk); it holds the store's
//! writer lock for each, so writes on the pool still take turns with it.
//! Each handoff is one write here too ([`Database::groups_handoffs`]): the
//! group commit in front of other backends
//! ([`group_commit`](crate::server::store::group_commit)) would only add a
//! queue and a task to wake on the way to this one.
//!
//! The writer is a thread of its own, not a task that hands each transaction
//! to a blocking thread: the writes queued while a `COMMIT` waits for the
//! disk go into the next transaction as soon as it returns, without waiting
//! for the runtime's workers (busy with the requests) to wake a task first.
//!
//! [`Database::groups_handoffs`]: crate::server::store::Database::groups_handoffs

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use tokio::sync::{mpsc, oneshot};

use super::Direct;
use super::desk_file::DeskFile;
use super::kept::{self, Kept};
use crate::server::store::shared::alone_on_a_bug;
use crate::server::store::{StoreError, StoreResult};

/// The most writes one transaction holds unless set otherwise (`serve
/// --handoff-batch`): this bounds how long other processes wait for the lock.
const MOST_WRITES: usize = crate::server::store::group_commit::MAX_BATCH;

/// Answers a write once its transaction ended: `Ok` when it committed.
type Answer = Box<dyn FnOnce(StoreResult<()>) + Send>;

/// A write waiting for the writer, with where its result goes.
trait Queued: Send {
    /// Runs the write in a savepoint of its own on `conn`, inside the
    /// group's transaction. Returns how to answer it once that transaction
    /// ends, and `Err` when the transaction cannot go on (its savepoint could
    /// not be rolled back or released). Its error is said of the desk
    /// `file` (a full disk names its path).
    fn run(self: Box<Self>, conn: &Direct, file: &DeskFile) -> (Answer, StoreResult<()>);
    /// Answers `error` without running the write: its transaction could not
    /// begin, or broke before the write's turn.
    fn refuse(self: Box<Self>, error: StoreError);
}

struct Write<W, T> {
    work: W,
    answer: oneshot::Sender<StoreResult<T>>,
}

impl<W, T> Queued for Write<W, T>
where
    W: FnOnce(&Direct) -> StoreResult<T> + Send,
    T: Send + 'static,
{
    fn run(self: Box<Self>, conn: &Direct, file: &DeskFile) -> (Answer, StoreResult<()>) {
        let Write { work, answer } = *self;
        let (done, sound) = match conn.execute_batch("SAVEPOINT write") {
            Ok(()) => {
                let done = alone_on_a_bug("the write", || work(conn)).map_err(|e| file.explain(e));
                let end = if done.is_ok() {
                    "RELEASE write"
                } else {
                    "ROLLBACK TO write; RELEASE write"
                };
                let ended = conn.execute_batch(end).map_err(|error| match &done {
                    // SQLite rolled the whole transaction back on the write's
                    // own error (a full disk may): that error ends it.
                    Err(cause) if conn.is_autocommit() => cause.clone(),
                    _ => StoreError::from(error),
                });
                (done, ended)
            }
            Err(error) => {
                let error = StoreError::from(error);
                (Err(error.clone()), Err(error))
            }
        };
        let answer: Answer = Box::new(move |committed| {
            let _ = answer.send(committed.and(done));
        });
        (answer, sound)
    }

    fn refuse(self: Box<Self>, error: StoreError) {
        let _ = self.answer.send(Err(error));
    }
}

/// The writer's handles: its kept connection (under the lock every writer
/// of this process takes), the desk's path, the kept connections' state and
/// the most writes in one transaction. The store holds them, and the writer
/// thread a clone.
#[derive(Clone, Debug)]
pub(super) struct Writer {
    pub(super) connection: Arc<tokio::sync::Mutex<Option<Direct>>>,
    pub(super) path: PathBuf,
    /// Whether the file at `path` is still the one opened, and has room.
    pub(super) file: Arc<DeskFile>,
    pub(super) kept: Arc<Kept>,
    /// The most writes in one transaction.
    pub(super) most: Arc<AtomicUsize>,
}

/// The queue in front of one store's writer thread.
#[derive(Default)]
pub(super) struct Grouped {
    /// Started with the first write, and again if the thread ended.
    queue: Mutex<Option<mpsc::UnboundedSender<Box<dyn Queued>>>>,
}

impl std::fmt::Debug for Grouped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Grouped").finish_non_exhaustive()
    }
}

impl Writer {
    /// The handles of the writer of the desk at `path`, just opened, its
    /// connection not opened yet.
    pub(super) fn new(path: &Path) -> Writer {
        Writer {
            connection: Arc::default(),
            path: path.to_path_buf(),
            file: Arc::new(DeskFile::new(path)),
            kept: Arc::default(),
            most: Arc::new(AtomicUsize::new(MOST_WRITES)),
        }
    }

    /// Writes at most `most` (at least 1) in one transaction from now on.
    pub(super) fn set_most(&self, most: usize) {
        self.most.store(most.max(1), Ordering::Relaxed);
    }
}

impl Grouped {
    /// Runs `work` in the next transaction of `writer`'s thread (started
    /// here if it is not running); answers once that transaction committed
    /// (or failed).
    pub(super) async fn write<T: Send + 'static>(
        &self,
        writer: &Writer,
        work: impl FnOnce(&Direct) -> StoreResult<T> + Send + 'static,
    ) -> StoreResult<T> {
        let (answer, answered) = oneshot::channel();
        self.sender(writer)
            .send(Box::new(Write { work, answer }))
            .map_err(|_| StoreError::Unavailable("the desk's writer stopped; try again".into()))?;
        answered.await.map_err(|_| {
            StoreError::Database(
                "the writer's thread failed before this write was committed".into(),
            )
        })?
    }

    fn sender(&self, writer: &Writer) -> mpsc::UnboundedSender<Box<dyn Queued>> {
        let mut queue = self.queue.lock().unwrap_or_else(|e| e.into_inner());
        match queue.as_ref() {
            Some(sender) if !sender.is_closed() => sender.clone(),
            _ => {
                let (sender, receiver) = mpsc::unbounded_channel();
                let writer = writer.clone();
                // Without a thread there is no writer; the queue stays closed
                // and the next write tries again.
                if let Err(error) = std::thread::Builder::new()
                    .name("desk-writer".into())
                    .spawn(move || write_groups(writer, receiver))
                {
                    tracing::error!(%error, "could not start the desk's writer thread");
                }
                *queue = Some(sender.clone());
                sender
            }
        }
    }
}

/// The writer thread: each transaction holds what was queued when the
/// previous one ended; it ends with the store's queue. A panic outside the
/// writes (beginning or committing the transaction) fails the whole
/// transaction: its answers are dropped with it, each of its writers hears
/// that nothing was committed, and the thread goes on.
fn write_groups(writer: Writer, mut queue: mpsc::UnboundedReceiver<Box<dyn Queued>>) {
    let mut group = Vec::new();
    while queue.blocking_recv_many(&mut group, writer.most.load(Ordering::Relaxed)) > 0 {
        let writes: Vec<_> = std::mem::take(&mut group);
        let mut connection = writer.connection.blocking_lock();
        let catch_up = writer.kept.take_catch_up();
        let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut answers = Vec::with_capacity(writes.len());
            let mut writes = writes.into_iter();
            let committed = kept::write(&mut connection, &writer.path, catch_up, |conn| {
                for write in writes.by_ref() {
                    let (answer, sound) = write.run(conn, &writer.file);
                    answers.push(answer);
                    sound?;
                }
                // Committed to a file no longer at the desk's path, the
                // writes would be acknowledged and lost.
                writer.file.check_in_place()
            });
            let committed = writer.file.outcome(committed);
            // Writes left behind by a transaction that could not begin or go on.
            if let Err(error) = &committed {
                for write in writes {
                    write.refuse(error.clone());
                }
            }
            (answers, committed)
        }));
        drop(connection);
        if let Ok((answers, committed)) = ran {
            if committed.is_ok() {
                writer.kept.wrote(&writer.path);
            }
            for answer in answers {
                answer(committed.clone());
            }
        }
    }
}
