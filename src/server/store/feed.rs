//! Watches the event log for the streams of this process: one poller per
//! store, whatever the number of streams, reading the last event id every
//! [`POLL`] (what other processes and replicas committed) and at once when
//! this process changed something. Streams wait on it, then read the events
//! themselves from the store: it says "something new", never what.
//!
//! PostgreSQL's LISTEN/NOTIFY could replace the timer as a wake-up; the poll
//! is one indexed single-row read, cheap enough that one per process was
//! kept for both databases.
//!
//! It also counts the streams each token holds open in this process, so that
//! one token cannot hold more than [`MAX_STREAMS_PER_TOKEN`].

use std::collections::HashMap;
use std::sync::{Arc, Mutex, Once, Weak};
use std::time::Duration;

use tokio::sync::{Notify, watch};

use super::Database;
use crate::api::{EVENT_RETENTION_DAYS, MAX_STREAMS_PER_TOKEN};

/// How often the poller reads the last event id.
pub const POLL: Duration = Duration::from_millis(250);

/// How often the poller prunes events past their retention.
const PRUNE_INTERVAL: Duration = Duration::from_secs(3600);

/// The watch on one store's event log.
#[derive(Debug)]
pub struct Feed {
    latest: watch::Sender<u64>,
    closed: watch::Sender<bool>,
    wake: Notify,
    started: Once,
    /// How many streams each token (by the digest of its secret) holds open.
    streams: Mutex<HashMap<String, usize>>,
}

impl Default for Feed {
    fn default() -> Self {
        Feed {
            latest: watch::Sender::new(0),
            closed: watch::Sender::new(false),
            wake: Notify::new(),
            started: Once::new(),
            streams: Mutex::default(),
        }
    }
}

/// One of a token's open streams, counted until it is dropped (the stream
/// ended, or its client went away).
#[derive(Debug)]
pub struct StreamSlot {
    feed: Arc<Feed>,
    token: String,
}

impl Drop for StreamSlot {
    fn drop(&mut self) {
        let mut streams = self.feed.streams.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(open) = streams.get_mut(&self.token) {
            *open -= 1;
            if *open == 0 {
                streams.remove(&self.token);
            }
        }
    }
}

/// What a stream waits on.
#[derive(Debug, Clone)]
pub struct EventWatch {
    /// The last event id the poller saw.
    pub latest: watch::Receiver<u64>,
    /// Set when the service stops: streams end.
    pub closed: watch::Receiver<bool>,
}

impl EventWatch {
    /// Waits until an event after `after` may exist; false when the feed closed.
    pub async fn wait_after(&mut self, after: u64) -> bool {
        if *self.closed.borrow() {
            return false;
        }
        tokio::select! {
            seen = self.latest.wait_for(|latest| *latest > after) => seen.is_ok(),
            _ = self.closed.wait_for(|closed| *closed) => false,
        }
    }
}

impl Feed {
    /// A watch on the log, starting the poller on first use.
    pub(super) fn subscribe(self: &Arc<Self>, db: &Arc<dyn Database>) -> EventWatch {
        self.started.call_once(|| {
            tokio::spawn(poll(Arc::downgrade(self), db.clone()));
        });
        EventWatch {
            latest: self.latest.subscribe(),
            closed: self.closed.subscribe(),
        }
    }

    /// Something changed in this process: look now, not at the next tick,
    /// if a stream waits. With none, the tick is soon enough: a stream reads
    /// the log itself once it has subscribed, before it waits on the poller.
    pub(super) fn wake(&self) {
        if self.latest.receiver_count() > 0 {
            self.wake.notify_one();
        }
    }

    /// A place for one more stream of `token` (the digest of its secret), or
    /// `None` when it already holds [`MAX_STREAMS_PER_TOKEN`].
    pub(super) fn claim_stream(self: &Arc<Self>, token: &str) -> Option<StreamSlot> {
        let mut streams = self.streams.lock().unwrap_or_else(|e| e.into_inner());
        let open = streams.entry(token.to_string()).or_default();
        if *open >= MAX_STREAMS_PER_TOKEN {
            return None;
        }
        *open += 1;
        Some(StreamSlot {
            feed: Arc::clone(self),
            token: token.to_string(),
        })
    }

    /// Ends every stream and the poller.
    pub(super) fn close(&self) {
        self.closed.send_replace(true);
        self.wake.notify_one();
    }
}

/// Polls until the feed closes, giving up a read in progress then: with the
/// database out of reach a read waits for the pool's whole acquire timeout,
/// and the pool, closed as the service stops, waits for it in turn.
async fn poll(feed: Weak<Feed>, db: Arc<dyn Database>) {
    let Some(mut closed) = feed.upgrade().map(|feed| feed.closed.subscribe()) else {
        return;
    };
    tokio::select! {
        biased;
        _ = closed.wait_for(|closed| *closed) => {}
        () = poll_until_closed(feed, db) => {}
    }
}

async fn poll_until_closed(feed: Weak<Feed>, db: Arc<dyn Database>) {
    let mut pruned_at: Option<tokio::time::Instant> = None;
    loop {
        let Some(strong) = feed.upgrade() else { return };
        if *strong.closed.borrow() {
            return;
        }
        if pruned_at.is_none_or(|at| at.elapsed() >= PRUNE_INTERVAL) {
            pruned_at = Some(tokio::time::Instant::now());
            let before = jiff::Timestamp::now()
                - jiff::SignedDuration::from_hours(24 * EVENT_RETENTION_DAYS);
            if let Err(error) = db.prune_events(before).await {
                tracing::warn!(%error, "could not prune the event log");
            }
        }
        match db.event_bounds().await {
            Ok(bounds) => {
                strong.latest.send_if_modified(|latest| {
                    let moved = bounds.last != *latest;
                    *latest = bounds.last;
                    moved
                });
            }
            Err(error) => tracing::debug!(%error, "could not read the event log"),
        }
        tokio::select! {
            () = strong.wake.notified() => {}
            () = tokio::time::sleep(POLL) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use futures_util::FutureExt;

    use super::*;

    /// A change wakes the poller only while a stream watches: with none, a
    /// burst of handoffs would read the log once per commit for nobody.
    #[test]
    fn a_change_wakes_the_poller_only_while_a_stream_watches() {
        let feed = Feed::default();
        feed.wake();
        assert!(
            feed.wake.notified().now_or_never().is_none(),
            "woken with no stream watching"
        );
        let watching = feed.latest.subscribe();
        feed.wake();
        assert!(
            feed.wake.notified().now_or_never().is_some(),
            "not woken with a stream watching"
        );
        drop(watching);
        feed.wake();
        assert!(feed.wake.notified().now_or_never().is_none());
        // Closing wakes it whoever watches: the poller ends.
        feed.close();
        assert!(feed.wake.notified().now_or_never().is_some());
    }

    #[test]
    fn a_token_holds_a_bounded_number_of_streams_and_gets_each_back_when_it_ends() {
        let feed = Arc::new(Feed::default());
        let mut held: Vec<StreamSlot> = (0..MAX_STREAMS_PER_TOKEN)
            .map(|n| {
                feed.claim_stream("a")
                    .unwrap_or_else(|| panic!("stream {n}"))
            })
            .collect();
        assert!(feed.claim_stream("a").is_none(), "one over the bound");
        // Another token's streams are counted apart.
        let other = feed.claim_stream("b").expect("another token");
        drop(held.pop());
        let again = feed
            .claim_stream("a")
            .expect("the place a stream gave back");
        assert!(feed.claim_stream("a").is_none());
        drop((held, again, other));
        assert!(
            feed.streams.lock().unwrap().is_empty(),
            "tokens with no stream are forgotten"
        );
    }
}
