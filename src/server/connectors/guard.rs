//! The one duplicate guard every connector uses.
//!
//! A delivery makes things on a platform (a customer, a ticket, a note) and
//! keeps what it made in [`Progress`] between attempts. What it cannot keep
//! is the answer to a create that was lost (a timeout, a dropped connection,
//! a 5xx after the platform acted). So each create goes through
//! [`create_once`]:
//!
//! - every made thing carries a mark the delivery controls and the platform
//!   stores (the handoff id in Zendesk's `external_id`, a Freshdesk tag, a
//!   Salesforce external-id field, a Zoho Desk custom field, a Sendbird
//!   related chat's URL, …; docs/integrations says which, per platform);
//! - when an earlier attempt may have sent the create and no refusal came
//!   back, the create is preceded by a look-up of that mark which reads the
//!   platform's records directly (never our clock against theirs);
//! - a platform whose only look-up is a search index (Intercom) declares how
//!   long the index may lag, and "not found" is not believed until that long
//!   after the create was sent, measured on our own clock.

use std::future::Future;
use std::time::Duration;

use jiff::{SignedDuration, Timestamp};

use super::{Answer, Delivered};
use crate::net::Failure;

/// The steps a delivery has completed, kept between attempts so that an
/// attempt after a failure resumes instead of creating things twice.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Progress {
    steps: serde_json::Map<String, serde_json::Value>,
    /// Which attempt this is, from 1.
    attempt: u32,
}

/// The progress entry of a delivery that has had a failed attempt.
const FAILED_BEFORE: &str = "failed-before";
/// The progress entry naming the attempt that saved it.
const SAVED_BY: &str = "saved-by-attempt";
/// The progress entry keeping the ticket (conversation, case) a delivery made.
const MADE: &str = "made-ticket";

fn refused_key(step: &str) -> String {
    format!("{step}-refused")
}

fn sent_key(step: &str) -> String {
    format!("{step}-sent-at")
}

impl Progress {
    /// The progress stored after earlier attempts, for attempt `attempt`.
    pub fn resume(stored: Option<&str>, attempt: u32) -> Progress {
        Progress {
            steps: stored
                .and_then(|text| serde_json::from_str(text).ok())
                .unwrap_or_default(),
            attempt,
        }
    }

    /// The progress to store when this attempt ends.
    pub fn to_json(&self) -> String {
        let mut steps = self.steps.clone();
        steps.insert(SAVED_BY.into(), self.attempt.to_string().into());
        serde_json::to_string(&steps).expect("progress serializes")
    }

    pub fn get(&self, step: &str) -> Option<&str> {
        self.steps.get(step).and_then(|v| v.as_str())
    }

    pub fn set(&mut self, step: &str, value: impl Into<String>) {
        self.steps
            .insert(step.to_string(), serde_json::Value::String(value.into()));
    }

    /// Records the ticket (conversation, case) the delivery made on the
    /// platform, so that a delivery failing after it (its note refused, say)
    /// still names it: it exists there, with the customer's words.
    pub fn made(&mut self, made: &Delivered) {
        let value = serde_json::to_value(made).expect("a ticket serializes");
        self.steps.insert(MADE.to_string(), value);
    }

    /// The ticket an attempt recorded with [`Progress::made`].
    pub fn made_ticket(&self) -> Option<Delivered> {
        serde_json::from_value(self.steps.get(MADE)?.clone()).ok()
    }

    /// Records that this attempt failed, so that the next attempt knows an
    /// earlier one may have made things whatever its number says (desks
    /// from before attempts were counted across a retry by hand started
    /// again from one).
    pub fn failed(&mut self) {
        self.set(FAILED_BEFORE, "true");
    }

    /// Whether the create of `step` must look for what an earlier attempt may
    /// have made. Not on a first attempt, nor when the platform's last answer
    /// to that create was a refusal (a 4xx makes nothing). When the attempt
    /// before this one saved its progress, it recorded every create it sent:
    /// only those are looked for. Otherwise an attempt died mid-request
    /// (progress is saved when an attempt ends) and any create may have gone.
    pub fn must_look(&self, step: &str) -> bool {
        let earlier = self.attempt > 1 || self.steps.contains_key(FAILED_BEFORE);
        if !earlier || self.steps.contains_key(&refused_key(step)) {
            return false;
        }
        let recorded = self
            .get(SAVED_BY)
            .and_then(|n| n.parse::<u32>().ok())
            .is_some_and(|saved_by| saved_by + 1 == self.attempt);
        !recorded || self.steps.contains_key(&sent_key(step))
    }

    /// Notes that the create of `step` is being sent now.
    fn sending(&mut self, step: &str) {
        self.steps.remove(&refused_key(step));
        self.set(&sent_key(step), Timestamp::now().to_string());
    }

    /// Records the platform's answer to the create of `step`: a 4xx refusal
    /// means nothing was made; any other answer leaves the look-up in place.
    fn answered(&mut self, step: &str, status: ::http::StatusCode) {
        if status.is_client_error() {
            self.set(&refused_key(step), status.as_str());
        }
    }

    /// When the create of `step` was last sent, by our clock; when no
    /// attempt recorded it (it died mid-request), from now on.
    fn sent_at(&mut self, step: &str, now: Timestamp) -> Timestamp {
        if let Some(at) = self.get(&sent_key(step)).and_then(|t| t.parse().ok()) {
            return at;
        }
        self.set(&sent_key(step), now.to_string());
        now
    }
}

/// A create's step: the key its progress is kept under, and what it makes,
/// for people. Most steps are named by what they make; a key kept by
/// deliveries already queued keeps its name when what it makes varies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step<'a> {
    pub key: &'a str,
    pub what: &'a str,
}

impl<'a> From<&'a str> for Step<'a> {
    fn from(key: &'a str) -> Self {
        Step { key, what: key }
    }
}

impl<'a> From<&'a String> for Step<'a> {
    fn from(key: &'a String) -> Self {
        Step::from(key.as_str())
    }
}

/// How a platform's look-up sees what was just made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup {
    /// It reads the records themselves: what was made is found at once.
    Direct,
    /// It reads a search index that may lag a create by up to this long.
    Indexed(Duration),
}

/// Makes `step` once: when an earlier attempt may have sent its create,
/// first `find` what that attempt made (by the mark the create carries);
/// else, or when nothing is found, `create` it and `read` the answer.
/// `create` answers whatever the platform's status; `read` turns the answer
/// into what was made or a [`Failure`]. `find` and `create` are futures, so
/// neither runs unless it is needed.
pub async fn create_once<'a, T>(
    progress: &mut Progress,
    step: impl Into<Step<'a>>,
    lookup: Lookup,
    find: impl Future<Output = Result<Option<T>, Failure>>,
    create: impl Future<Output = Result<Answer, Failure>>,
    read: impl FnOnce(&Answer) -> Result<T, Failure>,
) -> Result<T, Failure> {
    let Step { key: step, what } = step.into();
    if progress.must_look(step) {
        if let Some(found) = find.await? {
            return Ok(found);
        }
        if let Lookup::Indexed(lag) = lookup {
            let now = Timestamp::now();
            let settled = progress.sent_at(step, now)
                + SignedDuration::try_from(lag).expect("index lags are short");
            if now < settled {
                let wait = Duration::try_from(settled.duration_since(now)).unwrap_or(lag);
                return Err(Failure {
                    error: format!(
                        "an earlier attempt may have made the {what}, and the platform's \
                         search may not show it yet: looking again in {} s before making it",
                        wait.as_secs().max(1)
                    ),
                    permanent: false,
                    retry_after: Some(wait),
                });
            }
        }
    }
    progress.sending(step);
    let answer = create.await?;
    progress.answered(step, answer.status);
    read(&answer)
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;

    fn answer(status: u16) -> Answer {
        Answer {
            status: ::http::StatusCode::from_u16(status).unwrap(),
            headers: Default::default(),
            body: bytes::Bytes::from_static(b"{}"),
        }
    }

    /// One run of [`create_once`] that finds `found` and answers `status`;
    /// returns (what it made, whether it looked, whether it created).
    async fn run(
        progress: &mut Progress,
        lookup: Lookup,
        found: Option<&str>,
        status: u16,
    ) -> (Result<String, Failure>, bool, bool) {
        let (looked, created) = (Cell::new(false), Cell::new(false));
        let made = create_once(
            progress,
            "ticket",
            lookup,
            async {
                looked.set(true);
                Ok(found.map(str::to_string))
            },
            async {
                created.set(true);
                Ok(answer(status))
            },
            |answer| {
                if answer.status.is_success() {
                    Ok("made".to_string())
                } else {
                    Err(Failure::transient(answer.status.to_string()))
                }
            },
        )
        .await;
        (made, looked.get(), created.get())
    }

    #[tokio::test]
    async fn a_first_attempt_creates_without_looking() {
        let mut progress = Progress::resume(None, 1);
        let (made, looked, created) = run(&mut progress, Lookup::Direct, None, 201).await;
        assert_eq!(made.unwrap(), "made");
        assert!(!looked && created);
    }

    #[tokio::test]
    async fn a_later_attempt_finds_what_a_lost_answer_made() {
        let mut progress = Progress::resume(None, 2);
        let (made, looked, created) = run(&mut progress, Lookup::Direct, Some("35"), 201).await;
        assert_eq!(made.unwrap(), "35");
        assert!(looked && !created);
    }

    #[tokio::test]
    async fn only_a_refused_create_spares_the_next_attempt_its_look_up() {
        let mut first = Progress::resume(None, 1);
        let (made, _, _) = run(&mut first, Lookup::Direct, None, 429).await;
        assert!(made.is_err());
        let mut second = Progress::resume(Some(&first.to_json()), 2);
        let (_, looked, created) = run(&mut second, Lookup::Direct, None, 502).await;
        assert!(!looked && created, "a 429 made nothing");
        let mut third = Progress::resume(Some(&second.to_json()), 3);
        assert!(third.must_look("ticket"), "a 502 may have made it");
        let (_, looked, _) = run(&mut third, Lookup::Direct, None, 201).await;
        assert!(looked);
    }

    #[tokio::test]
    async fn a_create_the_last_attempt_never_sent_is_made_without_looking() {
        let mut first = Progress::resume(None, 1);
        first.failed();
        let second = Progress::resume(Some(&first.to_json()), 2);
        assert!(
            !second.must_look("ticket"),
            "the first attempt recorded no send"
        );
        // An attempt that died mid-request left no record: anything may have gone.
        let after_a_crash = Progress::resume(Some(&first.to_json()), 3);
        assert!(after_a_crash.must_look("ticket"));
    }

    #[test]
    fn a_failed_attempt_is_remembered_past_a_retry_of_a_dead_delivery() {
        assert!(!Progress::resume(None, 1).must_look("ticket"));
        assert!(Progress::resume(None, 2).must_look("ticket"));
        let mut first = Progress::resume(None, 1);
        first.failed();
        // `deskctl integrations retry` starts the count again from one.
        assert!(Progress::resume(Some(&first.to_json()), 1).must_look("ticket"));
    }

    #[tokio::test]
    async fn an_indexed_look_up_is_not_believed_until_the_index_has_caught_up() {
        let lag = Duration::from_secs(60);
        let mut progress = Progress::resume(None, 2);
        progress.set("ticket-sent-at", Timestamp::now().to_string());
        let (made, looked, created) = run(&mut progress, Lookup::Indexed(lag), None, 201).await;
        let failure = made.unwrap_err();
        assert!(looked && !created);
        assert!(!failure.permanent);
        let wait = failure.retry_after.unwrap();
        assert!(wait > Duration::from_secs(55) && wait <= lag, "{wait:?}");
        // Sent long enough ago (by our own clock): nothing there means nothing made.
        let long_ago = Timestamp::now() - SignedDuration::from_secs(61);
        progress.set("ticket-sent-at", long_ago.to_string());
        let (made, _, created) = run(&mut progress, Lookup::Indexed(lag), None, 201).await;
        assert_eq!(made.unwrap(), "made");
        assert!(created);
    }

    #[tokio::test]
    async fn an_attempt_that_died_mid_request_starts_the_wait_when_it_is_noticed() {
        let mut progress = Progress::resume(None, 2);
        let (made, _, created) = run(
            &mut progress,
            Lookup::Indexed(Duration::from_secs(60)),
            None,
            201,
        )
        .await;
        assert!(made.is_err() && !created);
        assert!(progress.get("ticket-sent-at").is_some());
    }
}
