//! Outbound delivery: takes due messages from the outbox, sends them (email in
//! [`email`], signed webhooks in [`webhook`]) and records how each attempt went,
//! retrying with exponential backoff and jitter until a message is delivered or
//! dead. What is sent is composed in [`compose`] when its cause is recorded.
//!
//! Handlers never send anything themselves: they queue messages through the
//! store in the transaction of what causes them. `deskctl serve` runs a
//! [`Deliverer`] in the background; the local desk, which has no background
//! worker, delivers what is due after each request that changed something.
//! Several deliverers (processes) may share a desk: each claims one message at
//! a time with a lease. Order is the claim's business: the store hands out a
//! ticket's messages to one destination one at a time, in the order queued.

pub mod compose;
pub mod email;
pub mod webhook;

use std::sync::Arc;
use std::time::{Duration, Instant};

use jiff::{SignedDuration, Timestamp};
use tokio::sync::{Notify, watch};

use self::compose::{EmailPayload, EmailPurpose};
use super::connectors::{self, Escalation, Progress};
use super::store::{Claimed, ExternalSettle, Settle, TicketNote};
use super::store::{Store, StoreError, StoreResult};
use crate::api::{DeliveryEvent, DeliveryEventType, HandoffEvent, HandoffEventType, OutboxKind};
use crate::domain::tickets::{self, NewEntry};
use crate::domain::workspace::{DELIVERY_SECRET, EMAIL_PASSWORD};
pub use crate::net::Failure;
pub(crate) use crate::net::describe;

/// How long a claim holds a message; longer than any attempt may take.
const LEASE: Duration = Duration::from_secs(120);
/// The longest one attempt (an SMTP conversation, a webhook request) may take.
pub const ATTEMPT_TIMEOUT: Duration = Duration::from_secs(30);
/// How long the local desk spends delivering after a request, at most.
pub const LOCAL_BUDGET: Duration = Duration::from_secs(5);
/// The local desk's [`LOCAL_BUDGET`] for one request, shared by the request
/// itself (a handoff waiting for its delivery) and the delivery after it, so
/// a command spends it once. Requests of the local desk carry it as an
/// extension; its presence is how a route knows no worker will finish an
/// attempt after the command exits.
#[derive(Debug, Clone, Default)]
pub struct LocalBudget {
    spent: Arc<std::sync::Mutex<Duration>>,
}

impl LocalBudget {
    /// What is left of the budget.
    pub fn left(&self) -> Duration {
        LOCAL_BUDGET.saturating_sub(*self.spent.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// [`Deliverer::deliver_due`] for at most `most` of what is left: an
    /// attempt still under way then is cut short, its failure recorded and
    /// its claim given up, so the next command can try at once.
    pub async fn deliver_due(&self, deliverer: &Deliverer, most: Duration) -> StoreResult<usize> {
        let start = Instant::now();
        let delivered = deliverer.deliver_due(most.min(self.left())).await;
        *self.spent.lock().unwrap_or_else(|e| e.into_inner()) += start.elapsed();
        delivered
    }
}

/// How often an idle worker looks for messages queued by other processes.
const POLL: Duration = Duration::from_secs(15);

/// When to try again and when to give up.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    /// Attempts before a message is dead.
    pub max_attempts: u32,
    /// The wait after the first failure; it doubles after each one.
    pub first_delay: Duration,
    pub max_delay: Duration,
    /// The longest `Retry-After` honoured; a longer one is cut to this.
    pub max_retry_after: Duration,
}

impl Default for Policy {
    /// 20 attempts over about 9 hours: waits of 1 s, 2 s, 4 s … up to an hour.
    fn default() -> Self {
        Self {
            max_attempts: 20,
            first_delay: Duration::from_secs(1),
            max_delay: Duration::from_secs(3600),
            max_retry_after: Duration::from_secs(3600),
        }
    }
}

/// How one attempt went.
#[derive(Debug, Clone, PartialEq)]
pub enum Attempt {
    Delivered,
    Failed(Failure),
}

impl Attempt {
    pub fn transient(error: impl Into<String>) -> Attempt {
        Attempt::Failed(Failure::transient(error))
    }

    pub fn permanent(error: impl Into<String>) -> Attempt {
        Attempt::Failed(Failure::permanent(error))
    }
}

/// The wait before attempt `attempts + 1`: `first_delay` doubled for each
/// failure so far, capped, with "equal jitter" (between half and all of it) so
/// that messages that failed together do not all come back at once.
/// `jitter` is uniform in `[0, 1)`.
pub fn backoff(policy: &Policy, attempts: u32, jitter: f64) -> Duration {
    let doublings = attempts.saturating_sub(1).min(31);
    let full = policy
        .first_delay
        .saturating_mul(1u32 << doublings)
        .min(policy.max_delay);
    full / 2 + full.mul_f64(jitter.clamp(0.0, 1.0) / 2.0)
}

/// A time limit as an error message states it: whole seconds, or
/// milliseconds below a second (an attempt cut short by what is left of the
/// local desk's budget may have had less than a second, which is not "0 s").
pub fn seconds(limit: Duration) -> String {
    if limit >= Duration::from_secs(1) {
        format!("{} s", limit.as_secs())
    } else {
        format!("{} ms", limit.as_millis())
    }
}

/// How an attempt settles a message that has had `attempts` attempts.
pub fn settle(
    policy: &Policy,
    attempts: u32,
    attempt: &Attempt,
    jitter: f64,
    now: Timestamp,
) -> Settle {
    let failure = match attempt {
        Attempt::Delivered => return Settle::Delivered,
        Attempt::Failed(failure) => failure,
    };
    if failure.permanent {
        return Settle::Dead {
            error: failure.error.clone(),
        };
    }
    if attempts >= policy.max_attempts {
        return Settle::Dead {
            error: format!("{} (gave up after {attempts} attempts)", failure.error),
        };
    }
    let wait = match failure.retry_after {
        // Honoured within bounds: `Retry-After: 0` must not make a busy loop.
        Some(asked) => asked.clamp(policy.first_delay, policy.max_retry_after),
        None => backoff(policy, attempts, jitter),
    };
    Settle::Retry {
        at: now + SignedDuration::try_from(wait).expect("waits are bounded by the policy"),
        error: failure.error.clone(),
    }
}

/// What the ticket's timeline says about a settled message: customer-facing
/// messages and takeovers when they arrive, anything with a ticket when it dies.
fn note(claimed: &Claimed, settle: &Settle, at: Timestamp) -> Option<NewEntry> {
    let (event, body) = match settle {
        Settle::Retry { .. } => return None,
        Settle::Dead { error } => (
            "delivery-failed",
            format!("Could not deliver the {}: {error}", claimed.description),
        ),
        Settle::Delivered => {
            let body = match claimed.kind {
                OutboxKind::Email => {
                    let email: EmailPayload = serde_json::from_str(&claimed.payload).ok()?;
                    match email.purpose {
                        EmailPurpose::Reply => format!("Reply emailed to {}", email.to.email),
                        EmailPurpose::OwnerNotice => return None,
                    }
                }
                // External tickets belong to handoffs, not to inbox tickets.
                OutboxKind::Integration => return None,
                OutboxKind::Webhook => {
                    let event: DeliveryEvent = serde_json::from_str(&claimed.payload).ok()?;
                    match event.event_type {
                        DeliveryEventType::Reply => format!(
                            "Reply delivered to the AI agent platform for {}",
                            event.channel
                        ),
                        DeliveryEventType::Takeover => {
                            "The AI agent platform was told to stop the AI".to_string()
                        }
                    }
                }
            };
            ("delivered", body)
        }
    };
    Some(NewEntry::system(event, body, at))
}

/// Whether `claimed` is a reply to the customer (by email, or relayed to
/// their live chat), which they do not have when it is dead.
fn is_customer_reply(claimed: &Claimed) -> bool {
    match claimed.kind {
        OutboxKind::Email => serde_json::from_str::<EmailPayload>(&claimed.payload)
            .is_ok_and(|email| email.purpose == EmailPurpose::Reply),
        OutboxKind::Webhook => serde_json::from_str::<DeliveryEvent>(&claimed.payload)
            .is_ok_and(|event| event.event_type == DeliveryEventType::Reply),
        OutboxKind::Integration => false,
    }
}

/// A uniform number in `[0, 1)` for jitter.
fn random_unit() -> f64 {
    let mut bytes = [0u8; 4];
    getrandom::fill(&mut bytes).expect("the operating system's random source failed");
    f64::from(u32::from_le_bytes(bytes)) / (f64::from(u32::MAX) + 1.0)
}

/// Delivers outbox messages of one desk.
#[derive(Debug, Clone)]
pub struct Deliverer {
    store: Store,
    webhooks: Arc<webhook::WebhookSender>,
    platforms: Arc<connectors::Http>,
    /// This deliverer's name on its claims.
    worker: String,
    policy: Policy,
    /// How long a claimed message is this worker's; another worker (another
    /// replica) may take it over once it has run out.
    lease: Duration,
    /// Whether the database is out of reach, as this service's workers found
    /// it: shared by them, so that an outage is logged once.
    outage: Outage,
}

/// Whether the delivery workers of one service find their database out of
/// reach, and since when: so that an outage is said once when it begins and
/// once when it ends, not by every worker at every look (a look waits the
/// pool's whole acquire timeout, then fails again).
#[derive(Debug, Clone, Default)]
pub struct Outage(Arc<std::sync::Mutex<Option<Instant>>>);

/// How a look at the outbox changed what [`Outage`] knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutageChange {
    /// The database is out of reach, and was not at the last look: why.
    Began(String),
    /// The database answers again, after being out of reach this long.
    Ended(Duration),
}

impl Outage {
    /// Notes how a look at the outbox went (`None`: it went well; else its
    /// error), answering the change worth saying, if any. An error other
    /// than the database out of reach is no outage: it is for the caller to
    /// say each time.
    pub fn note(&self, error: Option<&StoreError>) -> Option<OutageChange> {
        let mut since = self.0.lock().unwrap_or_else(|e| e.into_inner());
        match (error, since.is_some()) {
            (Some(StoreError::Unavailable(why)), false) => {
                *since = Some(Instant::now());
                Some(OutageChange::Began(why.clone()))
            }
            (None, true) => since.take().map(|at| OutageChange::Ended(at.elapsed())),
            _ => None,
        }
    }

    /// Notes how a look at the outbox went, and logs what changed: the
    /// outage's start and end once each, any other error every time.
    fn log(&self, error: Option<&StoreError>) {
        match self.note(error) {
            Some(OutageChange::Began(why)) => tracing::error!(
                error = %why,
                "the delivery workers cannot reach the database: nothing is delivered until it \
                 answers (they keep looking, and say so then)"
            ),
            Some(OutageChange::Ended(after)) => tracing::info!(
                after_seconds = after.as_secs(),
                "the database answers again: delivery goes on"
            ),
            None => match error {
                Some(StoreError::Unavailable(_)) | None => {}
                Some(error) => {
                    tracing::error!(%error, "the delivery worker cannot read the outbox")
                }
            },
        }
    }
}

impl Deliverer {
    pub fn new(store: Store) -> Deliverer {
        Deliverer {
            store,
            webhooks: Arc::new(webhook::WebhookSender::default()),
            platforms: Arc::new(connectors::Http::default()),
            worker: super::auth::generate_id("wrk"),
            policy: Policy::default(),
            lease: LEASE,
            outage: Outage::default(),
        }
    }

    /// Shares `outage` with the other workers of the service.
    pub fn with_outage(mut self, outage: Outage) -> Deliverer {
        self.outage = outage;
        self
    }

    /// Claims messages for `lease` instead of the default two minutes. An
    /// attempt is cut short at half its lease, so no attempt outlives it
    /// and no other worker ever takes over a message still being sent.
    pub fn with_lease(mut self, lease: Duration) -> Deliverer {
        self.lease = lease;
        self
    }

    /// How long an idle worker waits before looking again.
    fn idle_poll(&self) -> Duration {
        POLL.min(self.lease)
    }

    /// Claims the message due soonest, tries it once within `timeout` and
    /// records the outcome. Returns its id; none when nothing was due.
    pub async fn deliver_one(&self, timeout: Duration) -> StoreResult<Option<u64>> {
        let Some(claimed) = self.store.claim_outbound(&self.worker, self.lease).await? else {
            return Ok(None);
        };
        self.deliver_claimed(claimed, timeout).await.map(Some)
    }

    /// Tries `claimed` once within `timeout` and records the outcome.
    async fn deliver_claimed(&self, claimed: Claimed, timeout: Duration) -> StoreResult<u64> {
        let timeout = timeout.min(self.lease / 2);
        let (attempt, external) = match claimed.kind {
            OutboxKind::Integration => {
                let (attempt, external) = self.attempt_external(&claimed, timeout).await;
                (attempt, Some(external))
            }
            _ => {
                let attempt = unless_panicked(async { Ok(self.attempt(&claimed, timeout).await) });
                (attempt.await.unwrap_or_else(Attempt::Failed), None)
            }
        };
        let now = Timestamp::now();
        // The policy's count starts again when a message is queued again by
        // hand; `attempts` itself counts every attempt made.
        let this_round = claimed.attempts.saturating_sub(claimed.requeued_after);
        let settled = settle(&self.policy, this_round, &attempt, random_unit(), now);
        let external = match external {
            Some(mut external) => {
                external.event = self.handoff_event(&claimed, &settled, &external, now).await;
                Some(external)
            }
            None => None,
        };
        match &settled {
            Settle::Delivered => {
                tracing::info!(id = claimed.id, what = %claimed.description, "delivered")
            }
            Settle::Retry { at, error } => tracing::warn!(
                id = claimed.id, what = %claimed.description, attempts = claimed.attempts,
                next = %at, %error, "delivery failed; will try again"
            ),
            Settle::Dead { error } => tracing::error!(
                id = claimed.id, what = %claimed.description, attempts = claimed.attempts,
                %error, "delivery failed for good"
            ),
        }
        let mut note = note(&claimed, &settled, now).map(TicketNote::new);
        // A dead reply: the customer never got it, so the ticket must not
        // wait on them.
        if let (Some(note), Settle::Dead { .. }) = (&mut note, &settled)
            && is_customer_reply(&claimed)
        {
            let workspace = self.store.workspace().await?;
            note.then = Some(Box::new(move |ticket| {
                tickets::reply_not_delivered(ticket, &workspace, now)
            }));
        }
        if !self
            .store
            .settle_outbound(&claimed, &settled, note, external)
            .await?
        {
            tracing::warn!(
                id = claimed.id,
                "the claim ran out before the attempt ended"
            );
        }
        Ok(claimed.id)
    }

    /// The delivery webhook saying an external delivery is delivered or dead;
    /// none while it is retried, or when the delivery webhook is not set up.
    async fn handoff_event(
        &self,
        claimed: &Claimed,
        settled: &Settle,
        external: &ExternalSettle,
        at: Timestamp,
    ) -> Option<super::store::NewOutbound> {
        let (event_type, error) = match settled {
            Settle::Retry { .. } => return None,
            Settle::Delivered => (HandoffEventType::Delivered, None),
            Settle::Dead { error } => (HandoffEventType::Failed, Some(error.clone())),
        };
        let workspace = self.store.workspace().await.ok()?;
        workspace.delivery.url.as_ref()?;
        let escalation: Escalation = serde_json::from_str(&claimed.payload).ok()?;
        let (external_id, external_url) = match &external.ticket {
            Some((id, url)) => (Some(id.clone()), url.clone()),
            None => (None, None),
        };
        Some(compose::handoff_event(&HandoffEvent {
            id: super::auth::generate_id("evt"),
            event_type,
            handoff: escalation.handoff,
            agent: escalation.agent,
            channel: escalation.channel,
            requester: escalation.requester,
            platform: claimed.integration?,
            external_id,
            external_url,
            error,
            attempts: claimed.attempts,
            at,
        }))
    }

    async fn attempt(&self, claimed: &Claimed, timeout: Duration) -> Attempt {
        match claimed.kind {
            OutboxKind::Email => {
                let workspace = match self.store.workspace().await {
                    Ok(workspace) => workspace,
                    Err(error) => {
                        return Attempt::transient(format!("cannot read settings: {error}"));
                    }
                };
                if let Some(why) = workspace.unusable_secret(EMAIL_PASSWORD) {
                    return Attempt::transient(why);
                }
                match serde_json::from_str::<EmailPayload>(&claimed.payload) {
                    Ok(payload) => email::send(&workspace.email, &payload, timeout).await,
                    Err(error) => Attempt::permanent(format!("unreadable message: {error}")),
                }
            }
            OutboxKind::Webhook => {
                let workspace = match self.store.workspace().await {
                    Ok(workspace) => workspace,
                    Err(error) => {
                        return Attempt::transient(format!("cannot read settings: {error}"));
                    }
                };
                if let Some(why) = workspace.unusable_secret(DELIVERY_SECRET) {
                    return Attempt::transient(why);
                }
                self.webhooks
                    .send(&workspace.delivery, &claimed.payload, timeout)
                    .await
            }
            OutboxKind::Integration => {
                unreachable!("external deliveries go through attempt_external")
            }
        }
    }

    /// One attempt at an external delivery through its platform's connector,
    /// resuming from the steps earlier attempts completed.
    async fn attempt_external(
        &self,
        claimed: &Claimed,
        timeout: Duration,
    ) -> (Attempt, ExternalSettle) {
        let mut progress = Progress::resume(claimed.progress.as_deref(), claimed.attempts);
        let result = unless_panicked(self.deliver_external(claimed, timeout, &mut progress)).await;
        let (attempt, ticket) = match result {
            Ok(delivered) => (Attempt::Delivered, Some((delivered.id, delivered.url))),
            Err(failure) => {
                progress.failed();
                // A ticket made before a later step failed exists on the
                // platform: the handoff names it, dead or to be tried again.
                let made = progress.made_ticket().map(|made| (made.id, made.url));
                (Attempt::Failed(failure), made)
            }
        };
        let settle = ExternalSettle {
            progress: progress.to_json(),
            ticket,
            event: None,
        };
        (attempt, settle)
    }

    async fn deliver_external(
        &self,
        claimed: &Claimed,
        timeout: Duration,
        progress: &mut Progress,
    ) -> Result<connectors::Delivered, Failure> {
        let kind = claimed
            .integration
            .ok_or_else(|| Failure::permanent("the delivery names no integration"))?;
        let workspace = self.store.workspace().await.map_err(|error| {
            Failure::transient(format!("cannot read the {kind} integration: {error}"))
        })?;
        let Some(connection) = workspace.connection(kind) else {
            return Err(Failure::permanent(format!(
                "the {kind} integration is not connected: connect it, then `deskctl \
                 integrations retry {}`",
                claimed.id
            )));
        };
        if let Some(why) = workspace.unusable_integration_secret(kind) {
            return Err(Failure::transient(why));
        }
        let escalation: Escalation = serde_json::from_str(&claimed.payload)
            .map_err(|error| Failure::permanent(format!("unreadable delivery: {error}")))?;
        let attempt = connectors::deliver(&self.platforms, connection, &escalation, progress);
        tokio::time::timeout(timeout, attempt)
            .await
            .unwrap_or_else(|_| {
                Err(Failure::transient(format!(
                    "{} took longer than {}",
                    kind.title(),
                    seconds(timeout)
                )))
            })
    }

    /// Delivers what is due, one message after another, until nothing is due or
    /// `budget` is spent; an attempt is cut short rather than overrun it. A
    /// message attempted here that is to be tried again within the budget (a
    /// platform asked to wait a second) is waited for, so the local desk
    /// delivers before the command returns. Returns how many attempts were made.
    pub async fn deliver_due(&self, budget: Duration) -> StoreResult<usize> {
        let start = Instant::now();
        let mut attempted = Vec::new();
        loop {
            let left = budget.saturating_sub(start.elapsed());
            if left < Duration::from_millis(50) {
                return Ok(attempted.len());
            }
            match self.deliver_one(left.min(ATTEMPT_TIMEOUT)).await? {
                Some(id) => attempted.push(id),
                None => {
                    let Some(due) = self.store.next_due_among(&attempted).await? else {
                        return Ok(attempted.len());
                    };
                    let wait = Duration::try_from(due.duration_since(Timestamp::now()))
                        .unwrap_or(Duration::ZERO);
                    if wait + Duration::from_millis(50) >= budget.saturating_sub(start.elapsed()) {
                        return Ok(attempted.len());
                    }
                    tokio::time::sleep(wait).await;
                }
            }
        }
    }

    /// The background worker of `deskctl serve`: delivers what is due, then
    /// sleeps until the next message falls due, `wake` is notified (a request
    /// changed something) or [`POLL`] passes. Returns once `stop` turns true,
    /// after finishing the message in hand; with none in hand, at once, even
    /// while it waits for the database (a pool that cannot connect keeps it
    /// waiting for the pool's whole acquire timeout).
    pub async fn run(self, wake: Arc<Notify>, mut stop: watch::Receiver<bool>) {
        loop {
            loop {
                // A claim given up half-way may still have taken a message:
                // its lease runs out and it is delivered then, as after a crash.
                let claimed = tokio::select! {
                    biased;
                    _ = stopping(&mut stop) => return,
                    claimed = self.store.claim_outbound(&self.worker, self.lease) => claimed,
                };
                let delivered = match claimed {
                    Ok(Some(claimed)) => self.deliver_claimed(claimed, ATTEMPT_TIMEOUT).await,
                    Ok(None) => {
                        self.outage.log(None);
                        break;
                    }
                    Err(error) => Err(error),
                };
                match delivered {
                    Ok(_) => self.outage.log(None),
                    Err(error) => {
                        self.outage.log(Some(&error));
                        break;
                    }
                }
            }
            let due = tokio::select! {
                biased;
                _ = stopping(&mut stop) => return,
                due = self.store.next_outbound_due() => due,
            };
            let wait = match due {
                Ok(Some(at)) => Duration::try_from(at.duration_since(Timestamp::now()))
                    .unwrap_or(Duration::ZERO)
                    .clamp(Duration::from_millis(50), self.idle_poll()),
                // A lease that runs out wakes nobody: look again within one.
                Ok(None) => self.idle_poll(),
                Err(error) => {
                    self.outage.log(Some(&error));
                    self.idle_poll()
                }
            };
            tokio::select! {
                _ = wake.notified() => {}
                _ = tokio::time::sleep(wait) => {}
                _ = stopping(&mut stop) => return,
            }
        }
    }
}

tokio::task_local! {
    /// Where the panic [`unless_panicked`] is catching happened, as the
    /// panic hook tells it ([`hook_caught_panics`]).
    static CAUGHT_AT: Arc<std::sync::Mutex<Option<String>>>;
}

/// What `attempt` comes to, or a permanent failure naming the panic (its
/// message and where it happened) when it panics. A bug one message meets
/// must not take its worker down with it: `deskctl serve` starts its workers
/// once, and with none left nothing is delivered again, nor may the local
/// desk's command exit half-way. Dead at once, since the same message would
/// meet the same bug on every retry while its ticket's later messages wait
/// behind it. The failure is logged (and kept on the message) once; the
/// panic is not also printed to stderr as an uncaught one would be.
async fn unless_panicked<T>(
    attempt: impl std::future::Future<Output = Result<T, Failure>>,
) -> Result<T, Failure> {
    use futures_util::FutureExt;
    hook_caught_panics();
    let caught_at = Arc::default();
    let caught = std::panic::AssertUnwindSafe(attempt).catch_unwind();
    match CAUGHT_AT.scope(Arc::clone(&caught_at), caught).await {
        Ok(outcome) => outcome,
        Err(panic) => {
            let why = panic
                .downcast_ref::<&str>()
                .map(|why| why.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "no reason given".into());
            let at = caught_at
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .take()
                .map(|at| format!(" at {at}"))
                .unwrap_or_default();
            Err(Failure::permanent(format!(
                "the attempt failed on a bug in deskctl{at}: {why}"
            )))
        }
    }
}

/// Has the process's panic hook leave a panic [`unless_panicked`] catches
/// to it (noting only where it happened), and print every other as before.
/// Installed once, over whatever hook was there.
fn hook_caught_panics() {
    static HOOKED: std::sync::Once = std::sync::Once::new();
    HOOKED.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let at = info
                .location()
                .map(|at| format!("{}:{}:{}", at.file(), at.line(), at.column()));
            let caught = CAUGHT_AT.try_with(|place| {
                *place.lock().unwrap_or_else(|e| e.into_inner()) = at;
            });
            if caught.is_err() {
                previous(info);
            }
        }));
    });
}

/// Resolves once `stop` is true, or its sender is gone (the service is
/// stopping either way).
async fn stopping(stop: &mut watch::Receiver<bool>) {
    let _ = stop.wait_for(|stopped| *stopped).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failed(permanent: bool, retry_after: Option<Duration>) -> Attempt {
        Attempt::Failed(Failure {
            error: "boom".into(),
            permanent,
            retry_after,
        })
    }

    #[tokio::test]
    async fn a_panicking_attempt_is_a_permanent_failure_naming_the_panic() {
        let failure = unless_panicked(async {
            if true {
                panic!("a Display implementation returned an error unexpectedly");
            }
            Ok(())
        })
        .await
        .unwrap_err();
        assert!(failure.permanent);
        // Where it happened comes from the panic hook, which leaves a caught
        // panic to the log line instead of printing it to stderr too.
        assert!(
            failure.error.starts_with(
                "the attempt failed on a bug in deskctl at src/server/delivery/mod.rs:"
            ),
            "{}",
            failure.error
        );
        assert!(
            failure
                .error
                .ends_with(": a Display implementation returned an error unexpectedly"),
            "{}",
            failure.error
        );
        let formatted = unless_panicked::<()>(async { panic!("{} is {}", "x", 1) });
        assert!(formatted.await.unwrap_err().error.ends_with(": x is 1"));
        assert_eq!(unless_panicked(async { Ok(7) }).await, Ok(7));
    }

    #[test]
    fn an_outage_is_said_when_it_begins_and_when_it_ends_once_each() {
        let outage = Outage::default();
        let shared = outage.clone();
        let down = StoreError::Unavailable("cannot reach PostgreSQL at db:5432".into());
        assert_eq!(outage.note(None), None, "nothing to say while all is well");
        assert_eq!(
            outage.note(Some(&down)),
            Some(OutageChange::Began(
                "cannot reach PostgreSQL at db:5432".into()
            ))
        );
        // Every other look, by this worker or another, while it lasts.
        assert_eq!(outage.note(Some(&down)), None);
        assert_eq!(shared.note(Some(&down)), None);
        // Another error is no outage, and does not end one.
        let other = StoreError::Database("boom".into());
        assert_eq!(shared.note(Some(&other)), None);
        assert!(matches!(shared.note(None), Some(OutageChange::Ended(_))));
        assert_eq!(outage.note(None), None, "ended once");
        assert_eq!(outage.note(Some(&other)), None, "no outage");
        assert!(matches!(
            outage.note(Some(&down)),
            Some(OutageChange::Began(_))
        ));
    }

    #[test]
    fn time_limits_read_in_seconds_and_never_as_zero() {
        assert_eq!(seconds(Duration::from_secs(30)), "30 s");
        assert_eq!(seconds(Duration::from_millis(2_900)), "2 s");
        assert_eq!(seconds(Duration::from_millis(950)), "950 ms");
        assert_eq!(seconds(Duration::ZERO), "0 ms");
    }

    #[test]
    fn backoff_doubles_with_jitter_and_is_capped() {
        let policy = Policy::default();
        assert_eq!(backoff(&policy, 1, 0.0), Duration::from_millis(500));
        assert_eq!(backoff(&policy, 1, 1.0), Duration::from_secs(1));
        assert_eq!(backoff(&policy, 3, 1.0), Duration::from_secs(4));
        assert_eq!(backoff(&policy, 40, 1.0), policy.max_delay);
        let half = backoff(&policy, 5, 0.5);
        assert!(half > Duration::from_secs(8) && half < Duration::from_secs(16));
    }

    #[test]
    fn permanent_failures_die_at_once_and_others_after_the_last_attempt() {
        let policy = Policy::default();
        let now = Timestamp::UNIX_EPOCH;
        assert!(matches!(
            settle(&policy, 1, &failed(true, None), 0.5, now),
            Settle::Dead { .. }
        ));
        assert!(matches!(
            settle(&policy, 1, &failed(false, None), 0.5, now),
            Settle::Retry { .. }
        ));
        match settle(&policy, policy.max_attempts, &failed(false, None), 0.5, now) {
            Settle::Dead { error } => assert!(error.contains("gave up after 20 attempts")),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            settle(&policy, 3, &Attempt::Delivered, 0.5, now),
            Settle::Delivered
        );
    }

    #[test]
    fn retry_after_sets_the_wait_within_bounds() {
        let policy = Policy::default();
        let now = Timestamp::UNIX_EPOCH;
        let at = |attempt: &Attempt| match settle(&policy, 1, attempt, 0.0, now) {
            Settle::Retry { at, .. } => at.duration_since(now).as_secs(),
            other => panic!("{other:?}"),
        };
        assert_eq!(at(&failed(false, Some(Duration::from_secs(120)))), 120);
        assert_eq!(at(&failed(false, Some(Duration::from_secs(86_400)))), 3600);
        assert_eq!(at(&failed(false, Some(Duration::ZERO))), 1);
    }
}
