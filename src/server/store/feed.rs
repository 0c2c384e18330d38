//! Watches the event log for the streams of this process: one poller per
//! store, whatever the number of streams, reading the last event id every
//! [`POLL`] (what other processes and replicas committed) and at once when
//! this process changed something. Streams wait on it, then read the events
//! themselves from the store: it says "something new", never what.
//!
//! PostgreSQL's LISTEN/NOTIFY could replace the timer as a wake-up; the poll
//! is one indexed single-row read, cheap enough that one per process was
//! kept for both databases.

use std::sync::{Arc, Once, Weak};
use std::time::Duration;

use tokio::sync::{Notify, watch};

use super::Database;
use crate::api::EVENT_RETENTION_DAYS;

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
}

impl Default for Feed {
    fn default() -> Self {
        Feed {
            latest: watch::Sender::new(0),
            closed: watch::Sender::new(false),
            wake: Notify::new(),
            started: Once::new(),
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
}
