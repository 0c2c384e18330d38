//! Group commit for handoffs (and for PostgreSQL's ticket changes): the writes
//! waiting go into one transaction by one writer, so a burst costs one durable
//! commit (one fsync on SQLite, one WAL flush on PostgreSQL) instead of one
//! per write.
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

use futures_util::future::BoxFuture;
use tokio::sync::{mpsc, oneshot};

use super::{Database, FinishHandoff, HandoffWrite, Recorded, StoreError, StoreResult};

/// The most handoffs one transaction holds unless set otherwise (`serve
/// --handoff-batch`). Enough that the commit's cost is shared thin; few enough
/// that one transaction never holds the write lock for long (other writers —
/// ticket actions, configuration — wait for it).
pub const MAX_BATCH: usize = 64;

/// A batch of writes committed, answered once it is durable.
pub struct Committed<T> {
    /// What happened to each write, in the batch's order.
    pub results: Vec<StoreResult<T>>,
    /// `None` when the `COMMIT` itself waited for the disk. Otherwise the
    /// `COMMIT` returned first (its locks free for the next batch sooner), and
    /// this resolves once the commit is durable; no answer goes out before.
    pub durable: Option<BoxFuture<'static, StoreResult<()>>>,
}

/// Commits a batch of writes `W` in one transaction, each answered with a `T`.
pub type CommitFn<W, T> =
    Arc<dyn Fn(Vec<W>) -> BoxFuture<'static, StoreResult<Committed<T>>> + Send + Sync>;

/// A write waiting for the writer, with where its answer goes.
struct Queued<W, T> {
    work: W,
    answer: oneshot::Sender<StoreResult<T>>,
}

/// The queue in front of one writer: of a store's handoffs, or of a
/// backend's ticket changes.
pub struct GroupCommit<W, T> {
    /// The writer's queue; started with the first write, and again if the
    /// writer ended (its runtime shut down, or a write panicked).
    queue: Mutex<Option<mpsc::UnboundedSender<Queued<W, T>>>>,
    /// The most writes in one transaction.
    batch: Arc<AtomicUsize>,
    /// What commits each batch, in the writer's task.
    commit: CommitFn<W, T>,
    /// What a write is answered when its batch was committed but the
    /// database did not confirm it durable.
    unconfirmed: fn(&StoreError) -> StoreError,
}

/// The handoffs waiting for a store's writer.
pub type HandoffCommit = GroupCommit<(HandoffWrite, FinishHandoff), Recorded>;

impl HandoffCommit {
    /// The handoffs waiting for `db`'s
    /// [`commit_handoffs`](super::Handoffs::commit_handoffs).
    pub fn handoffs(db: &Arc<dyn Database>) -> Self {
        let db = Arc::clone(db);
        let commit: CommitFn<_, _> = Arc::new(move |batch| {
            let db = Arc::clone(&db);
            Box::pin(async move { db.commit_handoffs(batch).await })
        });
        GroupCommit::new(commit, unconfirmed_handoff)
    }
}

impl<W, T> std::fmt::Debug for GroupCommit<W, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GroupCommit")
            .field("batch", &self.batch.load(Ordering::Relaxed))
            .finish_non_exhaustive()
    }
}

impl<W: Send + 'static, T: Send + 'static> GroupCommit<W, T> {
    /// A queue whose batches `commit` commits, and whose writes, once
    /// committed but not confirmed durable, are answered `unconfirmed` (which
    /// says what the client should do).
    pub fn new(commit: CommitFn<W, T>, unconfirmed: fn(&StoreError) -> StoreError) -> Self {
        GroupCommit {
            queue: Mutex::default(),
            batch: Arc::new(AtomicUsize::new(MAX_BATCH)),
            commit,
            unconfirmed,
        }
    }

    /// Writes at most `batch` writes (at least 1) in one transaction from now on.
    pub fn set_batch(&self, batch: usize) {
        self.batch.store(batch.max(1), Ordering::Relaxed);
    }

    /// Queues `work` for the writer's next batch; answers once the batch's
    /// transaction is durable (or failed).
    pub async fn record(&self, work: W) -> StoreResult<T> {
        let (answer, answered) = oneshot::channel();
        self.sender()
            .send(Queued { work, answer })
            .map_err(|_| StoreError::Unavailable("the batch writer stopped; try again".into()))?;
        answered.await.map_err(|_| {
            StoreError::Database("the batch writer failed before committing this write".into())
        })?
    }

    fn sender(&self) -> mpsc::UnboundedSender<Queued<W, T>> {
        let mut queue = self.queue.lock().expect("the queue lock is never poisoned");
        match queue.as_ref() {
            Some(sender) if !sender.is_closed() => sender.clone(),
            _ => {
                let (sender, receiver) = mpsc::unbounded_channel();
                tokio::spawn(write_batches(
                    self.commit.clone(),
                    receiver,
                    self.batch.clone(),
                    self.unconfirmed,
                ));
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
async fn write_batches<W: Send + 'static, T: Send + 'static>(
    commit: CommitFn<W, T>,
    mut queue: mpsc::UnboundedReceiver<Queued<W, T>>,
    most: Arc<AtomicUsize>,
    unconfirmed: fn(&StoreError) -> StoreError,
) {
    let mut batch = Vec::new();
    let mut answering: Option<tokio::task::JoinHandle<()>> = None;
    while queue
        .recv_many(&mut batch, most.load(Ordering::Relaxed))
        .await
        > 0
    {
        let (work, answers): (Vec<_>, Vec<_>) = batch.drain(..).map(|q| (q.work, q.answer)).unzip();
        let committed = commit(work).await;
        if let Some(previous) = answering.take() {
            let _ = previous.await;
        }
        match committed {
            Ok(Committed {
                results,
                durable: None,
            }) => answer(answers, results),
            Ok(Committed {
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

/// Gives each waiting request its write's result. A request that hung up
/// still has its write recorded.
fn answer<T>(answers: Vec<oneshot::Sender<StoreResult<T>>>, results: Vec<StoreResult<T>>) {
    for (answer, result) in answers.into_iter().zip(results) {
        let _ = answer.send(result);
    }
}

fn fail<T>(answers: Vec<oneshot::Sender<StoreResult<T>>>, error: &StoreError) {
    for answer in answers {
        let _ = answer.send(Err(error.clone()));
    }
}

/// Why a committed batch of handoffs is answered with an error: the database
/// did not confirm it durable, so it may or may not survive a crash, and the
/// client must ask again (with its idempotency key, the handoff is not made
/// twice).
fn unconfirmed_handoff(error: &StoreError) -> StoreError {
    StoreError::Unavailable(format!(
        "the handoff was committed, but the database did not confirm it durable ({error}); \
         send it again with the same idempotency key"
    ))
}

#[cfg(test)]
mod tests {
    use std::future::{Future, poll_fn};
    use std::pin::Pin;
    use std::task::Poll;

    use tokio::sync::Semaphore;

    use super::*;

    /// A writer whose commits record each batch; the first one returns only
    /// once `gate` has a permit, and each becomes durable only once
    /// `flushed` has one for it.
    struct Fake {
        batches: Arc<Mutex<Vec<Vec<u32>>>>,
        gate: Arc<Semaphore>,
        flushed: Arc<Semaphore>,
        flush_fails: bool,
    }

    impl Fake {
        fn new(flush_fails: bool) -> Self {
            Fake {
                batches: Arc::default(),
                gate: Arc::new(Semaphore::new(0)),
                flushed: Arc::new(Semaphore::new(0)),
                flush_fails,
            }
        }

        fn commits(&self) -> CommitFn<u32, u32> {
            let (batches, gate, flushed) = (
                self.batches.clone(),
                self.gate.clone(),
                self.flushed.clone(),
            );
            let flush_fails = self.flush_fails;
            Arc::new(move |batch: Vec<u32>| {
                let (batches, gate, flushed) = (batches.clone(), gate.clone(), flushed.clone());
                Box::pin(async move {
                    let first = {
                        let mut seen = batches.lock().unwrap();
                        seen.push(batch.clone());
                        seen.len() == 1
                    };
                    if first {
                        gate.acquire().await.unwrap().forget();
                    }
                    let results = batch
                        .iter()
                        .map(|&n| match n {
                            13 => Err(StoreError::Database("13 fails alone".into())),
                            n => Ok(n * 10),
                        })
                        .collect();
                    Ok(Committed {
                        results,
                        durable: Some(Box::pin(async move {
                            flushed.acquire().await.unwrap().forget();
                            if flush_fails {
                                Err(StoreError::Database("the flush failed".into()))
                            } else {
                                Ok(())
                            }
                        })),
                    })
                })
            })
        }
    }

    fn unconfirmed(error: &StoreError) -> StoreError {
        StoreError::Unavailable(format!("unconfirmed: {error}"))
    }

    /// Polls `future` once: `record` queues its write before it first waits.
    async fn poll_once<F: Future + Unpin>(future: &mut F) -> bool {
        poll_fn(|cx| Poll::Ready(Pin::new(&mut *future).poll(cx).is_pending())).await
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn writes_queued_during_a_commit_go_together_and_are_answered_once_durable() {
        let fake = Fake::new(false);
        let queue = GroupCommit::new(fake.commits(), unconfirmed);
        queue.set_batch(3);
        let mut first = Box::pin(queue.record(1));
        assert!(poll_once(&mut first).await);
        while fake.batches.lock().unwrap().is_empty() {
            tokio::task::yield_now().await;
        }
        // While the first batch commits, five more wait: at most three a batch.
        let mut waiting: Vec<_> = [2, 13, 4, 5, 6]
            .into_iter()
            .map(|n| Box::pin(queue.record(n)))
            .collect();
        for write in &mut waiting {
            assert!(poll_once(write).await);
        }
        fake.gate.add_permits(1);
        while fake.batches.lock().unwrap().len() < 2 {
            tokio::task::yield_now().await;
        }
        assert!(
            poll_once(&mut first).await,
            "answered before its commit was durable"
        );
        fake.flushed.add_permits(3);
        assert_eq!(first.await.unwrap(), 10);
        let answers: Vec<_> = futures_util::future::join_all(waiting)
            .await
            .into_iter()
            .map(|answer| answer.map_err(|e| e.to_string()))
            .collect();
        assert_eq!(answers[0], Ok(20));
        assert!(answers[1].as_ref().unwrap_err().contains("13 fails alone"));
        assert_eq!(answers[2..], [Ok(40), Ok(50), Ok(60)]);
        let batches = fake.batches.lock().unwrap().clone();
        assert_eq!(batches, vec![vec![1], vec![2, 13, 4], vec![5, 6]]);
    }

    #[tokio::test]
    async fn a_batch_not_confirmed_durable_is_answered_as_unconfirmed() {
        let fake = Fake::new(true);
        let queue = GroupCommit::new(fake.commits(), unconfirmed);
        fake.gate.add_permits(1);
        fake.flushed.add_permits(1);
        let error = queue.record(1).await.unwrap_err();
        let error = error.to_string();
        assert!(
            error.contains("unconfirmed") && error.contains("the flush failed"),
            "{error}"
        );
    }
}
