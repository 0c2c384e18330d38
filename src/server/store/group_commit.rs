//! Group commit for handoffs: the handoffs waiting to be written go into one
//! transaction by one writer, so a burst costs one durable commit (one fsync on
//! SQLite, one WAL flush on PostgreSQL) instead of one per handoff.
//!
//! Each request queues its handoff and waits. One writer task per store takes
//! every handoff queued (up to [`MAX_BATCH`]) and gives them to the backend's
//! [`commit_handoffs`](super::Handoffs::commit_handoffs), which records them
//! one after another in one transaction, each in its own savepoint: each checks
//! its idempotency key and sees the tickets and assignments of the ones before
//! it, and one that fails is rolled back alone. Every answer waits until the
//! `COMMIT` that holds it is durable, so a `2xx` still means the handoff is.
//! While one batch commits, the next one gathers: the batch grows with the
//! load, and a lone handoff waits for no one. On PostgreSQL the `COMMIT`
//! returns before the WAL is flushed (see [`CommittedBatch::durable`]): the
//! writer goes on with the next batch while the previous one's answers wait for
//! the flush.
//!
//! The writer is a task of its own rather than whichever request came first,
//! so a client that hangs up cannot cancel the others' transaction.
//!
//! A database that groups its own writes (SQLite's writer thread, when
//! serving: [`Database::groups_handoffs`]) takes each handoff directly, as one
//! write among its others, and this queue is not used.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use tokio::sync::{mpsc, oneshot};

use super::{
    CommittedBatch, Database, FinishHandoff, HandoffWrite, Recorded, StoreError, StoreResult,
};

/// The most handoffs one transaction holds unless set otherwise (`serve
/// --handoff-batch`). Enough that the commit's cost is shared thin; few enough
/// that one transaction never holds the write lock for long (other writers —
/// ticket actions, configuration — wait for it).
pub const MAX_BATCH: usize = 64;

/// A handoff waiting for the writer, with where its answer goes.
struct Queued {
    write: HandoffWrite,
    finish: FinishHandoff,
    answer: oneshot::Sender<StoreResult<Recorded>>,
}

/// The queue in front of one store's handoff writer.
#[derive(Debug)]
pub struct GroupCommit {
    /// The writer's queue; started with the first handoff, and again if the
    /// writer ended (its runtime shut down, or a decision panicked).
    queue: Mutex<Option<mpsc::UnboundedSender<Queued>>>,
    /// The most handoffs in one transaction.
    batch: Arc<AtomicUsize>,
}

impl Default for GroupCommit {
    fn default() -> Self {
        GroupCommit {
            queue: Mutex::default(),
            batch: Arc::new(AtomicUsize::new(MAX_BATCH)),
        }
    }
}

impl std::fmt::Debug for Queued {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Queued")
            .field("id", &self.write.id)
            .finish()
    }
}

impl GroupCommit {
    /// Writes at most `batch` handoffs (at least 1) in one transaction from now on.
    pub fn set_batch(&self, batch: usize) {
        self.batch.store(batch.max(1), Ordering::Relaxed);
    }

    /// Records `write` in the next batch of `db`'s writer; answers once the
    /// batch's transaction is committed (or failed).
    pub async fn record(
        &self,
        db: &Arc<dyn Database>,
        write: HandoffWrite,
        finish: FinishHandoff,
    ) -> StoreResult<Recorded> {
        let (answer, answered) = oneshot::channel();
        let queued = Queued {
            write,
            finish,
            answer,
        };
        self.sender(db)
            .send(queued)
            .map_err(|_| StoreError::Unavailable("the handoff writer stopped; try again".into()))?;
        answered.await.map_err(|_| {
            StoreError::Database("the handoff writer failed before committing this handoff".into())
        })?
    }

    fn sender(&self, db: &Arc<dyn Database>) -> mpsc::UnboundedSender<Queued> {
        let mut queue = self.queue.lock().expect("the queue lock is never poisoned");
        match queue.as_ref() {
            Some(sender) if !sender.is_closed() => sender.clone(),
            _ => {
                let (sender, receiver) = mpsc::unbounded_channel();
                tokio::spawn(write_batches(Arc::clone(db), receiver, self.batch.clone()));
                *queue = Some(sender.clone());
                sender
            }
        }
    }
}

/// The writer: each batch is what was queued when the previous one committed.
/// A batch whose `COMMIT` returned before the disk's flush (PostgreSQL) is
/// answered by a task of its own once the flush is done, while the writer
/// goes on with the next batch; one such task at a time, so the answers go
/// out in the batches' order and at most two connections are the writer's.
async fn write_batches(
    db: Arc<dyn Database>,
    mut queue: mpsc::UnboundedReceiver<Queued>,
    most: Arc<AtomicUsize>,
) {
    let mut batch = Vec::new();
    let mut answering: Option<tokio::task::JoinHandle<()>> = None;
    while queue
        .recv_many(&mut batch, most.load(Ordering::Relaxed))
        .await
        > 0
    {
        let (work, answers): (Vec<_>, Vec<_>) = batch
            .drain(..)
            .map(|q| ((q.write, q.finish), q.answer))
            .unzip();
        let committed = db.commit_handoffs(work).await;
        if let Some(previous) = answering.take() {
            let _ = previous.await;
        }
        match committed {
            Ok(CommittedBatch {
                results,
                durable: None,
            }) => answer(answers, results),
            Ok(CommittedBatch {
                results,
                durable: Some(durable),
            }) => {
                answering = Some(tokio::spawn(async move {
                    match durable.await {
                        Ok(()) => answer(answers, results),
                        Err(error) => fail(answers, &unconfirmed(&error)),
                    }
                }));
            }
            Err(error) => fail(answers, &error),
        }
    }
    if let Some(last) = answering {
        let _ = last.await;
    }
}

/// Gives each waiting request its handoff's result. A request that hung up
/// still has its handoff recorded.
fn answer(
    answers: Vec<oneshot::Sender<StoreResult<Recorded>>>,
    results: Vec<StoreResult<Recorded>>,
) {
    for (answer, result) in answers.into_iter().zip(results) {
        let _ = answer.send(result);
    }
}

fn fail(answers: Vec<oneshot::Sender<StoreResult<Recorded>>>, error: &StoreError) {
    for answer in answers {
        let _ = answer.send(Err(error.clone()));
    }
}

/// Why a committed batch is answered with an error: the database did not
/// confirm it durable, so it may or may not survive a crash, and the client
/// must ask again (with its idempotency key, the handoff is not made twice).
fn unconfirmed(error: &StoreError) -> StoreError {
    StoreError::Unavailable(format!(
        "the handoff was committed, but the database did not confirm it durable ({error}); \
         send it again with the same idempotency key"
    ))
}
