//! The store's contract, the same assertions on each backend, through the
//! store traits: ticket numbers, text search and requester matching, ordering
//! and cursors, idempotency keys, the outbox's claims and leases, revision
//! guards, webhook replays, and the workspace generation.
//!
//! The workspace (a team, operators with capacities, an agent with a handover
//! action) is set up through the CLI, as a user would; a handoff's decision is
//! taken from a real preview. Everything under test goes through the traits.

use super::BACKEND;
use crate::common::Desk;

use std::time::Duration;

use deskctl::api::{
    AuthorKind, Channel, Environment, HandoffDecision, HandoffQuery, IntegrationKind, MessageRole,
    OutboxKind, OutboxQuery, Priority, Requester, TicketStatus, TimelineKind, TokenKind,
    TranscriptMessage,
};
use deskctl::domain::tickets::{NewEntry, NewTicket, TicketChange};
use deskctl::server::store::{
    FIRST_TICKET_NUMBER, FinishHandoff, Finished, HandoffWrite, NewOutbound, NewToken, Open,
    Recorded, Settle, Store, StoreError, TicketFilter, Viewer, stored_now, stored_time,
};
use jiff::Timestamp;

/// A desk with team support (alice: capacity 2, bob: capacity 3, both online)
/// and agent shop handing over to the inbox on web; its store opened twice, as
/// two replicas would (the second keeping its connections, as `serve` does).
struct Fixture {
    desk: Desk,
    store: Store,
    other: Store,
    decision: HandoffDecision,
}

async fn fixture() -> Option<Fixture> {
    Some(fixture_on(Desk::on(BACKEND)?).await)
}

/// The fixture on `desk`.
async fn fixture_on(desk: Desk) -> Fixture {
    desk.run(&["teams", "add", "support", "--name", "Support"]);
    for (handle, role, capacity) in [("alice", "owner", "2"), ("bob", "operator", "3")] {
        desk.run(&[
            "operators",
            "add",
            handle,
            "--name",
            handle,
            "--email",
            &format!("{handle}@example.com"),
            "--role",
            role,
            "--team",
            "support",
            "--availability",
            "online",
            "--capacity",
            capacity,
        ]);
    }
    desk.run(&["agents", "add", "shop", "--name", "Shop"]);
    desk.run(&["actions", "set", "shop", "--channel", "web"]);
    let path = desk.dir.path().join("handoff.json");
    std::fs::write(
        &path,
        serde_json::to_string(&request("x@example.com")).unwrap(),
    )
    .unwrap();
    let preview = desk.run(&[
        "handoff",
        "preview",
        "-f",
        crate::common::path_str(&path),
        "-o",
        "json",
    ]);
    let decision = serde_json::from_str(&preview).unwrap();
    let store = Store::open(&desk.location(), Open::Existing, crate::common::keys())
        .await
        .unwrap();
    let other = Store::open(&desk.location(), Open::Existing, crate::common::keys())
        .await
        .unwrap();
    // As `serve` does: the tests that write through both stores run the
    // kept connections' writer beside the pool's, as two replicas would.
    other.keep_connections();
    Fixture {
        desk,
        store,
        other,
        decision,
    }
}

fn request(email: &str) -> deskctl::api::HandoffRequest {
    deskctl::api::HandoffRequest {
        agent: "shop".into(),
        environment: Environment::Production,
        channel: Channel::Web,
        requester: Some(Requester {
            name: Some("Customer".into()),
            email: Some(email.into()),
            external_id: None,
            phone: None,
        }),
        transcript: vec![TranscriptMessage {
            role: MessageRole::Customer,
            text: "I would like a person".into(),
            at: None,
        }],
        context: Default::default(),
        reason: Some("explicit-request".into()),
        summary: None,
    }
}

/// A ticket with `subject`, `body` as the customer's message, and `requester`.
fn new_ticket(
    subject: &str,
    body: &str,
    requester: Requester,
    assignee: Option<String>,
) -> NewTicket {
    let at = Timestamp::now();
    NewTicket {
        subject: subject.into(),
        priority: Priority::Medium,
        requester,
        assignee,
        team: Some("support".into()),
        agent: Some("shop".into()),
        channel: Channel::Web,
        environment: Environment::Production,
        fields: Default::default(),
        context: Default::default(),
        handoff: None,
        created_at: at,
        timeline: vec![
            NewEntry::system("created", "Handed over", at),
            NewEntry {
                kind: TimelineKind::Message,
                author_kind: AuthorKind::Customer,
                author: None,
                event: None,
                body: Some(body.into()),
                channel: Some(Channel::Web),
                at,
                dated_by_sender: false,
            },
        ],
    }
}

fn requester(name: &str, email: &str, external_id: Option<&str>) -> Requester {
    Requester {
        name: Some(name.into()),
        email: Some(email.into()),
        external_id: external_id.map(Into::into),
        phone: None,
    }
}

impl Fixture {
    /// How many texts wait in the queue of SQLite's text index (moved into
    /// it once a thousand do); `None` on PostgreSQL, which has no queue.
    fn queued_texts(&self) -> Option<i64> {
        self.on_sqlite_file(|conn| {
            conn.query_row("SELECT count(*) FROM ticket_text_queue", [], |row| {
                row.get(0)
            })
            .unwrap()
        })
    }

    /// Moves the queued texts into SQLite's text index, as the write that
    /// makes them a thousand does.
    fn index_queued_texts(&self) {
        self.on_sqlite_file(|conn| {
            conn.execute_batch(deskctl::server::store::sqlite::INDEX_QUEUED_TEXT)
                .unwrap()
        });
    }

    /// Runs `sql` (statements separated by `;`) on the desk's database.
    fn execute(&self, sql: &str) {
        match &self.desk.database {
            Some(database) => {
                database.sql(sql);
            }
            None => {
                self.on_sqlite_file(|conn| conn.execute_batch(sql).unwrap());
            }
        }
    }

    fn on_sqlite_file<T>(&self, work: impl FnOnce(&rusqlite::Connection) -> T) -> Option<T> {
        if !matches!(BACKEND, crate::common::Backend::Sqlite) {
            return None;
        }
        let conn = rusqlite::Connection::open(self.desk.path()).unwrap();
        conn.busy_timeout(Duration::from_secs(10)).unwrap();
        Some(work(&conn))
    }

    /// Records handoff `n` (key `key-n` unless `key` says otherwise) opening
    /// `ticket`, assigned to the first operator with room left, as the store's
    /// transaction sees the team.
    async fn handoff(
        &self,
        store: &Store,
        key: Option<String>,
        sha: &str,
        ticket: NewTicket,
    ) -> Result<Recorded, StoreError> {
        self.handoff_sent_by(store, None, key, sha, ticket).await
    }

    /// [`Fixture::handoff`] sent with ingest token `sent_by` (none: by a person).
    async fn handoff_sent_by(
        &self,
        store: &Store,
        sent_by: Option<&str>,
        key: Option<String>,
        sha: &str,
        ticket: NewTicket,
    ) -> Result<Recorded, StoreError> {
        let decision = self.decision.clone();
        let write = HandoffWrite {
            id: deskctl::server::auth::generate_id("hof"),
            sent_by: sent_by.map(Into::into),
            idempotency_key: key,
            request_sha256: sha.into(),
            request: request("x@example.com"),
            team: Some("support".into()),
            at: Timestamp::now(),
        };
        store
            .record_handoff(write, move |team| {
                let assignee = team
                    .candidates
                    .iter()
                    .find(|c| c.capacity.is_none_or(|cap| c.open_tickets < cap))
                    .map(|c| c.handle.clone());
                Finished {
                    decision,
                    ticket: Some(NewTicket { assignee, ..ticket }),
                    delivery: None,
                    notices: None,
                }
            })
            .await
    }

    /// A handoff to record in a batch, with key `key`, opening a ticket with
    /// `subject` assigned to the first operator with room as the batch's
    /// transaction sees the team; `poisoned` also queues a notice about a
    /// ticket that does not exist, which fails after the ticket is written.
    fn batched(
        &self,
        key: Option<&str>,
        subject: &str,
        poisoned: bool,
    ) -> (HandoffWrite, FinishHandoff) {
        self.batched_for("support", key, subject, poisoned)
    }

    /// [`Fixture::batched`] for `team`'s members.
    fn batched_for(
        &self,
        team: &str,
        key: Option<&str>,
        subject: &str,
        poisoned: bool,
    ) -> (HandoffWrite, FinishHandoff) {
        let decision = self.decision.clone();
        let ticket = NewTicket {
            team: Some(team.into()),
            ..new_ticket(subject, "help", requester("C", "c@example.com", None), None)
        };
        let write = HandoffWrite {
            id: deskctl::server::auth::generate_id("hof"),
            sent_by: None,
            idempotency_key: key.map(Into::into),
            request_sha256: "sha".into(),
            request: request("x@example.com"),
            team: Some(team.into()),
            at: Timestamp::now(),
        };
        let finish = move |team: &deskctl::domain::assignment::TeamState| {
            let assignee = team
                .candidates
                .iter()
                .find(|c| c.capacity.is_none_or(|cap| c.open_tickets < cap))
                .map(|c| c.handle.clone());
            let notices = poisoned.then(|| {
                let notice = move |_number| {
                    vec![NewOutbound {
                        kind: OutboxKind::Webhook,
                        ticket: Some(1),
                        description: "about a ticket that does not exist".into(),
                        payload: "{}".into(),
                        destination: "webhook".into(),
                        integration: None,
                        handoff: None,
                        thread: None,
                        delivery_id: None,
                    }]
                };
                Box::new(notice) as Box<dyn FnOnce(u64) -> Vec<NewOutbound> + Send>
            });
            Finished {
                decision,
                ticket: Some(NewTicket { assignee, ..ticket }),
                delivery: None,
                notices,
            }
        };
        (write, Box::new(finish))
    }

    /// Opens a ticket through a handoff without a key.
    async fn ticket(&self, subject: &str, body: &str, who: Requester) -> u64 {
        match self
            .handoff(
                &self.store,
                None,
                "sha",
                new_ticket(subject, body, who, None),
            )
            .await
            .unwrap()
        {
            Recorded::Created(handoff) => handoff.ticket.unwrap(),
            Recorded::Replayed(_) => panic!("a handoff without a key is new"),
        }
    }

    async fn search(&self, filter: impl FnOnce(&mut TicketFilter)) -> Vec<u64> {
        let mut all = everything();
        filter(&mut all);
        let tickets = listed(&self.store, &all).await;
        tickets.iter().map(|t| t.number).collect()
    }

    /// The tickets `--search text` lists, in order.
    async fn search_text(&self, text: &str) -> Vec<u64> {
        let text = text.to_string();
        self.search(move |q| q.text = Some(text)).await
    }

    /// Queues a webhook message about `ticket` through a ticket change.
    async fn queue(&self, ticket: u64, what: &str) {
        self.queue_to(ticket, what, "webhook").await;
    }

    /// Queues a message about `ticket` for `destination`; returns its id.
    async fn queue_to(&self, ticket: u64, what: &str, destination: &str) -> u64 {
        self.queue_sent_as(ticket, what, destination, None).await
    }

    /// Queues a message about `ticket` for `destination` that goes out with
    /// `delivery_id`; returns its id.
    async fn queue_sent_as(
        &self,
        ticket: u64,
        what: &str,
        destination: &str,
        delivery_id: Option<&str>,
    ) -> u64 {
        let (what, destination) = (what.to_string(), destination.to_string());
        let delivery_id = delivery_id.map(str::to_string);
        self.store
            .change_ticket(ticket, move |_| {
                Ok((
                    TicketChange::default(),
                    vec![],
                    vec![NewOutbound {
                        kind: OutboxKind::Webhook,
                        ticket: Some(ticket),
                        description: what.clone(),
                        payload: format!("{{\"what\":\"{what}\"}}"),
                        destination: destination.clone(),
                        integration: None,
                        handoff: None,
                        thread: None,
                        delivery_id: delivery_id.clone(),
                    }],
                ))
            })
            .await
            .unwrap();
        let everything = OutboxQuery::default();
        let newest = self
            .store
            .list_outbox(&everything, true, None, 1)
            .await
            .unwrap();
        newest[0].id
    }
}

fn everything() -> TicketFilter {
    TicketFilter::everything(Viewer::Everyone)
}

/// The first page (up to 500) of the tickets `filter` selects, decoded.
async fn listed(store: &Store, filter: &TicketFilter) -> Vec<deskctl::api::Ticket> {
    let page = store.list_tickets(filter, 500).await.unwrap();
    page.tickets().unwrap()
}

macro_rules! fixture {
    () => {
        match fixture().await {
            Some(fixture) => fixture,
            None => return,
        }
    };
}

/// A ticket keeps its requester whole, phone included, and every read gives
/// it back: one ticket, a page of them (on SQLite written as the rows are
/// read), and a customer's own tickets.
#[tokio::test(flavor = "multi_thread")]
async fn a_tickets_requester_keeps_their_phone_through_every_read() {
    let f = fixture!();
    let rosa = Requester {
        name: Some("Rosa".into()),
        email: None,
        external_id: Some("wa-34600123456".into()),
        phone: Some("+34 600 123 456".into()),
    };
    let phoned = f.ticket("Call me", "on WhatsApp", rosa.clone()).await;
    let kim = requester("Kim", "kim@example.com", None);
    let unphoned = f.ticket("Mail me", "by email", kim.clone()).await;

    assert_eq!(
        f.store.get_ticket(phoned).await.unwrap().ticket.requester,
        rosa
    );
    let requesters: Vec<(u64, Requester)> = listed(&f.store, &everything())
        .await
        .into_iter()
        .map(|t| (t.number, t.requester))
        .collect();
    assert_eq!(
        requesters,
        [(unphoned, kim), (phoned, rosa.clone())],
        "newest first"
    );
    let own = f
        .store
        .requester_tickets("wa-34600123456", None, None, 500)
        .await
        .unwrap();
    assert_eq!(own.len(), 1);
    assert_eq!(own[0].requester, rosa);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn ticket_numbers_run_from_10001_without_gaps_under_concurrent_handoffs() {
    let f = fixture!();
    let f = std::sync::Arc::new(f);
    let tasks: Vec<_> = (0..40)
        .map(|n| {
            let f = f.clone();
            tokio::spawn(async move {
                // Half through each of two pools, as two replicas would.
                let store = if n % 2 == 0 { &f.store } else { &f.other };
                let ticket = new_ticket(
                    &format!("handoff {n}"),
                    "help",
                    requester("C", "c@example.com", None),
                    None,
                );
                match f
                    .handoff(store, Some(format!("key-{n}")), "sha", ticket)
                    .await
                    .unwrap()
                {
                    Recorded::Created(handoff) => handoff.ticket.unwrap(),
                    Recorded::Replayed(_) => panic!("key-{n} is new"),
                }
            })
        })
        .collect();
    let mut numbers = Vec::new();
    for task in tasks {
        numbers.push(task.await.unwrap());
    }
    numbers.sort();
    let expected: Vec<u64> = (FIRST_TICKET_NUMBER..FIRST_TICKET_NUMBER + 40).collect();
    assert_eq!(numbers, expected);
    // Assignment saw each other's tickets: nobody over capacity (2 + 3 slots).
    let mut per_operator = std::collections::BTreeMap::new();
    for ticket in listed(&f.store, &everything()).await {
        *per_operator.entry(ticket.assignee.clone()).or_insert(0) += 1;
    }
    assert_eq!(
        per_operator.get(&Some("alice".to_string())),
        Some(&2),
        "{per_operator:?}"
    );
    assert_eq!(
        per_operator.get(&Some("bob".to_string())),
        Some(&3),
        "{per_operator:?}"
    );
    assert_eq!(per_operator.get(&None), Some(&35), "{per_operator:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_batch_of_handoffs_sees_the_ones_before_it_and_one_that_fails_fails_alone() {
    let f = fixture!();
    six_see_the_ones_before_them_and_fail_alone(&f, &f.store, async |six| {
        f.store.record_handoffs(six).await.unwrap()
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_batch_of_handoffs_on_kept_connections_sees_the_ones_before_it_and_fails_alone() {
    let f = fixture!();
    six_see_the_ones_before_them_and_fail_alone(&f, &f.other, async |six| {
        f.other.record_handoffs(six).await.unwrap()
    })
    .await;
}

/// A handoff whose decision panics (a bug) fails alone: the handoffs of its
/// transaction, before and after it, are kept, numbered without a gap.
#[tokio::test(flavor = "multi_thread")]
async fn a_handoff_whose_decision_panics_fails_alone() {
    let f = fixture!();
    for store in [&f.store, &f.other] {
        let (write, _) = f.batched(None, "panicked", false);
        let panics: FinishHandoff = Box::new(|_| panic!("a decision panicked"));
        let results = store
            .record_handoffs(vec![
                f.batched(None, "before", false),
                (write, panics),
                f.batched(None, "after", false),
            ])
            .await
            .unwrap();
        assert!(
            matches!(&results[1], Err(StoreError::Database(m)) if m.contains("a bug in deskctl")),
            "{:?}",
            results[1]
        );
        let numbers: Vec<Option<u64>> = [&results[0], &results[2]]
            .map(|result| match result {
                Ok(Recorded::Created(handoff)) => handoff.ticket,
                other => panic!("kept beside the panic: {other:?}"),
            })
            .into();
        assert_eq!(numbers[1], numbers[0].map(|n| n + 1), "{numbers:?}");
    }
    let subjects: Vec<String> = listed(&f.store, &everything())
        .await
        .into_iter()
        .map(|t| t.subject)
        .collect();
    assert_eq!(subjects.len(), 4, "{subjects:?}");
    assert!(!subjects.iter().any(|s| s == "panicked"), "{subjects:?}");
}

/// As a service records them: each handoff queued on its own, in order, on
/// kept connections (the group commit's batches on PostgreSQL, the grouped
/// writer's transactions on SQLite, however they happen to be cut).
#[tokio::test(flavor = "multi_thread")]
async fn handoffs_queued_one_by_one_see_the_ones_before_them_and_fail_alone() {
    use futures_util::FutureExt;
    let f = fixture!();
    six_see_the_ones_before_them_and_fail_alone(&f, &f.other, async |six| {
        let mut queued: Vec<_> = six
            .into_iter()
            .map(|(write, finish)| Box::pin(f.other.record_handoff(write, finish)))
            .collect();
        // Polled once each, in order: each is queued before the next.
        let answered: Vec<_> = queued.iter_mut().map(|h| h.now_or_never()).collect();
        let mut results = Vec::new();
        for (handoff, answer) in queued.into_iter().zip(answered) {
            results.push(match answer {
                Some(result) => result,
                None => handoff.await,
            });
        }
        results
    })
    .await;
}

/// Records six handoffs in order with `record` on a fresh desk: a first, one
/// that fails after writing its ticket, a replay of the first, and three more
/// (the last with the failed one's key). Each sees the ones before it, and
/// the one that fails fails alone.
async fn six_see_the_ones_before_them_and_fail_alone(
    f: &Fixture,
    store: &Store,
    record: impl AsyncFnOnce(Vec<(HandoffWrite, FinishHandoff)>) -> Vec<Result<Recorded, StoreError>>,
) {
    let before = store.event_bounds().await.unwrap().last;
    let results = record(vec![
        f.batched(Some("first"), "first", false),
        // Fails after writing its ticket: rolled back alone, its number and
        // its assignment given to the next one, its key left unused.
        f.batched(Some("retried"), "poisoned", true),
        f.batched(Some("first"), "first again", false),
        f.batched(Some("second"), "second", false),
        f.batched(Some("third"), "third", false),
        f.batched(Some("retried"), "retried", false),
    ])
    .await;
    assert_eq!(results.len(), 6);
    let created = |i: usize| match &results[i] {
        Ok(Recorded::Created(handoff)) => handoff.clone(),
        other => panic!("handoff {i} should be new: {other:?}"),
    };
    let first = created(0);
    assert!(results[1].is_err(), "{:?}", results[1]);
    match &results[2] {
        Ok(Recorded::Replayed(replayed)) => assert_eq!(replayed.id, first.id),
        other => panic!("a key seen earlier in the batch is a replay: {other:?}"),
    }
    let numbers: Vec<u64> = [0, 3, 4, 5]
        .iter()
        .map(|&i| created(i).ticket.unwrap())
        .collect();
    assert_eq!(
        numbers,
        [
            FIRST_TICKET_NUMBER,
            FIRST_TICKET_NUMBER + 1,
            FIRST_TICKET_NUMBER + 2,
            FIRST_TICKET_NUMBER + 3
        ]
    );
    // The events are those of what was kept, in the batch's order: each new
    // ticket's creation, then its handoff; nothing for the replay or the
    // handoff that failed.
    let events: Vec<(String, Option<u64>, Option<String>)> = events_since(store, before)
        .await
        .into_iter()
        .map(|e| {
            let kind = e.kind.as_str().to_string();
            (kind, e.ticket_number, e.handoff.map(|h| h.id))
        })
        .collect();
    let expected: Vec<(String, Option<u64>, Option<String>)> = [0, 3, 4, 5]
        .iter()
        .flat_map(|&i| {
            let handoff = created(i);
            let number = handoff.ticket;
            [
                ("ticket.created".to_string(), number, None),
                ("handoff".to_string(), number, Some(handoff.id)),
            ]
        })
        .collect();
    assert_eq!(events, expected);
    // alice has room for two: the first and the second; the poisoned one's
    // ticket was rolled back, so the third is the first to go to bob.
    let mut by_subject = std::collections::BTreeMap::new();
    for ticket in listed(&f.store, &everything()).await {
        by_subject.insert(ticket.subject.clone(), ticket.assignee.clone());
    }
    let alice = Some("alice".to_string());
    let bob = Some("bob".to_string());
    assert_eq!(
        by_subject,
        [
            ("first".to_string(), alice.clone()),
            ("second".to_string(), alice),
            ("third".to_string(), bob.clone()),
            ("retried".to_string(), bob),
        ]
        .into_iter()
        .collect()
    );
    // Nothing of the poisoned handoff was kept.
    assert_nothing_queued(&f.store).await;
}

/// No message is in `store`'s outbox.
async fn assert_nothing_queued(store: &Store) {
    let queued = store
        .list_outbox(&OutboxQuery::default(), true, None, 50)
        .await
        .unwrap();
    assert!(queued.is_empty(), "{queued:?}");
}

/// The fixture on a PostgreSQL cluster of the test's own, which it may crash
/// ([`Desk::crashable`]).
async fn fixture_to_crash() -> Option<(crate::common::postgres::OwnCluster, Fixture)> {
    let (cluster, desk) = Desk::crashable(BACKEND)?;
    Some((cluster, fixture_on(desk).await))
}

/// Crashes PostgreSQL (`pg_ctl stop -m immediate`), starts it again and opens
/// the desk anew.
async fn crashed_and_back(cluster: &crate::common::postgres::OwnCluster, f: &Fixture) -> Store {
    cluster.crash();
    cluster.restart();
    Store::open(&f.desk.location(), Open::Existing, crate::common::keys())
        .await
        .unwrap()
}

/// On PostgreSQL a handoff batch's `COMMIT` returns before its WAL is flushed
/// (the assignment lock is free sooner), so others may see the batch a moment
/// before it is durable. The event log must not hand its events out in that
/// moment: a crash would take them back and give their ids to other events,
/// which a reader past them would never see. Here the batch's own wait for
/// the flush is never run; the events read from another replica must still
/// be there, the same, after PostgreSQL crashes.
#[tokio::test(flavor = "multi_thread")]
async fn events_are_handed_out_only_once_durable() {
    let Some((cluster, f)) = fixture_to_crash().await else {
        return;
    };
    let before = f.other.event_bounds().await.unwrap().last;
    let committed = f
        .store
        .commit_handoffs(vec![f.batched(Some("unflushed"), "Unflushed", false)])
        .await
        .unwrap();
    assert!(
        committed.durable.is_some(),
        "PostgreSQL answers after the flush"
    );
    let read = batch_events(&f.other, before).await;
    let reopened = crashed_and_back(&cluster, &f).await;
    drop(committed);
    let kept = reopened
        .events_after(before, &Viewer::Everyone, 100)
        .await
        .unwrap();
    let seen = |page: &deskctl::server::store::EventPage| {
        page.events
            .iter()
            .map(|e| (e.id, e.kind, e.at))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        seen(&kept),
        seen(&read),
        "what was read before the crash is kept"
    );
    let handoff = reopened.find_handoff_by_key("unflushed").await.unwrap();
    assert!(handoff.is_some(), "the batch survived with its events");
}

/// On PostgreSQL an event page read once what it holds is flushed writes
/// nothing: only a read that may be ahead of the flush commits a transaction
/// to wait for it (above). Tried a few times, as PostgreSQL's own background
/// work may write WAL during one try; without the check every try writes.
#[tokio::test(flavor = "multi_thread")]
async fn events_read_once_flushed_write_nothing_to_the_wal() {
    // A cluster of its own: its commits wait for their flush, as a real
    // server's do (the shared one's do not, for speed).
    let Some((_cluster, f)) = fixture_to_crash().await else {
        return;
    };
    let before = f.other.event_bounds().await.unwrap().last;
    flushed_batch(&f, "flushed").await;
    one_of_three_reads_writes_no_wal(&f, async || {
        batch_events(&f.other, before).await;
    })
    .await;
}

/// The events after `before` as `store` reads them for everyone: the page
/// holds the batch's (a test's batch committed since `before`).
async fn batch_events(store: &Store, before: u64) -> deskctl::server::store::EventPage {
    let read = store
        .events_after(before, &Viewer::Everyone, 100)
        .await
        .unwrap();
    assert!(!read.events.is_empty(), "the batch's events were read");
    read
}

/// The same for an idempotency key asked again once its handoff is flushed:
/// it is answered as a replay without a commit of its own.
#[tokio::test(flavor = "multi_thread")]
async fn a_key_replayed_once_flushed_writes_nothing_to_the_wal() {
    let Some((_cluster, f)) = fixture_to_crash().await else {
        return;
    };
    flushed_batch(&f, "replayed").await;
    one_of_three_reads_writes_no_wal(&f, async || {
        let found = f.other.find_handoff_by_key("replayed").await.unwrap();
        assert!(found.is_some(), "the key's handoff was found");
    })
    .await;
}

/// Commits one handoff with idempotency key `key` and waits for its flush.
async fn flushed_batch(f: &Fixture, key: &str) {
    let committed = f
        .store
        .commit_handoffs(vec![f.batched(Some(key), "Flushed", false)])
        .await
        .unwrap();
    if let Some(durable) = committed.durable {
        durable.await.unwrap();
    }
}

/// Runs `read` up to three times and fails unless one of them wrote nothing
/// to the WAL (three: something else, autovacuum say, may write meanwhile).
async fn one_of_three_reads_writes_no_wal(f: &Fixture, mut read: impl AsyncFnMut()) {
    let database = f.desk.database.as_ref().expect("a PostgreSQL desk");
    let wal = || {
        database
            .sql("SELECT pg_current_wal_insert_lsn()")
            .trim()
            .to_string()
    };
    let mut tries = Vec::new();
    for _ in 0..3 {
        let start = wal();
        read().await;
        let end = wal();
        if start == end {
            return;
        }
        tries.push((start, end));
    }
    panic!("every read wrote WAL: {tries:?}");
}

/// A batch PostgreSQL committed but did not confirm durable (here the wait
/// for a synchronous standby that never answers is cut off) is answered
/// `Unavailable`, a 503 that says to send it again; sent again with its
/// idempotency key once the database confirms, it is the one recorded, not a
/// second.
#[tokio::test(flavor = "multi_thread")]
async fn a_handoff_not_confirmed_durable_is_unavailable_and_replayed_when_sent_again() {
    let Some((_cluster, f)) = fixture_to_crash().await else {
        return;
    };
    let f = std::sync::Arc::new(f);
    let database = f.desk.database.as_ref().unwrap();
    // ALTER SYSTEM cannot run in psql's implicit transaction with the reload.
    database.sql("ALTER SYSTEM SET synchronous_standby_names = 'nobody'");
    database.sql("SELECT pg_reload_conf()");
    let unconfirmed = tokio::spawn({
        let f = f.clone();
        async move {
            let ticket = new_ticket(
                "Unconfirmed",
                "help",
                requester("C", "c@example.com", None),
                None,
            );
            f.handoff(&f.store, Some("unconfirmed".into()), "sha", ticket)
                .await
        }
    });
    // Every commit that waits for the standby is cut off until the handoff
    // is answered: the handoff's flush, and any other commit that came to
    // wait beside it. (Waiting for exactly one waiter failed once in a full
    // run on a busy machine; what the other was is not known.)
    let cut_off = "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity \
                   WHERE wait_event = 'SyncRep'";
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    let mut waited = 0;
    while !unconfirmed.is_finished() {
        assert!(
            std::time::Instant::now() < deadline,
            "no commit waits for the standby ({waited} cut off)"
        );
        waited += database.sql(cut_off).trim().parse::<u32>().unwrap();
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let answer = unconfirmed.await.unwrap();
    assert!(
        matches!(&answer, Err(StoreError::Unavailable(m)) if m.contains("did not confirm it durable")
            && m.contains("same idempotency key")),
        "{answer:?}"
    );

    database.sql("ALTER SYSTEM RESET synchronous_standby_names");
    database.sql("SELECT pg_reload_conf()");
    let ticket = new_ticket(
        "Unconfirmed",
        "help",
        requester("C", "c@example.com", None),
        None,
    );
    let again = f
        .handoff(&f.store, Some("unconfirmed".into()), "sha", ticket)
        .await
        .unwrap();
    assert!(matches!(again, Recorded::Replayed(_)), "{again:?}");
    assert_eq!(listed(&f.store, &everything()).await.len(), 1);
}

/// A ticket action on PostgreSQL commits as a handoff batch does, releasing
/// the assignment lock before its flush, and returns only once it is flushed:
/// a change answered survives PostgreSQL crashing right after it.
#[tokio::test(flavor = "multi_thread")]
async fn a_ticket_change_answered_survives_a_crash_right_after() {
    let Some((cluster, f)) = fixture_to_crash().await else {
        return;
    };
    let number = f
        .ticket("Crash", "words", requester("C", "c@example.com", None))
        .await;
    let changed = f
        .store
        .change_ticket(number, |_| {
            Ok((
                TicketChange {
                    status: Some(TicketStatus::Pending),
                    ..Default::default()
                },
                vec![],
                vec![],
            ))
        })
        .await
        .unwrap();
    assert_eq!(changed.status, TicketStatus::Pending);
    let reopened = crashed_and_back(&cluster, &f).await;
    let kept = reopened.get_ticket(number).await.unwrap();
    assert_eq!(
        kept.ticket.status,
        TicketStatus::Pending,
        "the change was answered"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_batch_sees_its_assignments_to_an_operator_of_two_teams_from_either() {
    let f = fixture!();
    f.desk
        .run(&["teams", "add", "billing", "--name", "Billing"]);
    f.desk
        .run(&["operators", "set", "alice", "--add-team", "billing"]);
    // alice has room for two, bob (support only) for three.
    let batch = vec![
        f.batched_for("support", None, "s1", false),
        f.batched_for("billing", None, "b1", false),
        f.batched_for("support", None, "s2", false),
        f.batched_for("billing", None, "b2", false),
    ];
    for result in f.store.record_handoffs(batch).await.unwrap() {
        assert!(matches!(result, Ok(Recorded::Created(_))), "{result:?}");
    }
    let assignees: std::collections::BTreeMap<String, Option<String>> =
        listed(&f.store, &everything())
            .await
            .into_iter()
            .map(|t| (t.subject, t.assignee))
            .collect();
    let alice = Some("alice".to_string());
    assert_eq!(
        assignees,
        [
            ("s1".to_string(), alice.clone()),
            ("b1".to_string(), alice),
            // Support sees billing's ticket to alice: she is full.
            ("s2".to_string(), Some("bob".to_string())),
            ("b2".to_string(), None),
        ]
        .into_iter()
        .collect()
    );
    let (loads, counted) = loads_and_counted(&f.store).await;
    assert_eq!(loads, counted);
}

/// Each member's open and pending tickets as assignment reads them, next to
/// the same counted from the tickets themselves.
async fn loads_and_counted(store: &Store) -> (Vec<(String, u32)>, Vec<(String, u32)>) {
    let team = store.team_state(Some("support")).await.unwrap();
    let loads = team
        .candidates
        .iter()
        .map(|c| (c.handle.clone(), c.open_tickets))
        .collect();
    let tickets = listed(store, &everything()).await;
    let counted = team
        .candidates
        .iter()
        .map(|c| {
            let open = tickets.iter().filter(|t| {
                t.assignee.as_deref() == Some(c.handle.as_str())
                    && matches!(t.status, TicketStatus::Open | TicketStatus::Pending)
            });
            (c.handle.clone(), open.count() as u32)
        })
        .collect();
    (loads, counted)
}

/// A team's open tickets are counted, and moved, in the transaction that
/// removes it, whatever a caller read before: one routed to it a moment
/// earlier is never left without a team. Unless told where they go, the
/// removal is refused and nothing is written.
#[tokio::test(flavor = "multi_thread")]
async fn a_removed_teams_tickets_are_counted_and_moved_in_the_removals_transaction() {
    let f = fixture!();
    f.desk
        .run(&["teams", "add", "billing", "--name", "Billing"]);
    f.desk.run(&["teams", "add", "vip", "--name", "VIP"]);
    let number = match f
        .store
        .record_handoffs(vec![f.batched_for("billing", None, "t0", false)])
        .await
        .unwrap()
        .pop()
    {
        Some(Ok(Recorded::Created(handoff))) => handoff.ticket.unwrap(),
        other => panic!("{other:?}"),
    };
    let remove = |ws: &mut deskctl::domain::workspace::Snapshot| {
        deskctl::domain::workspace::change::remove_team(ws, "billing", Timestamp::now())
    };
    let refused = f
        .other
        .change_workspace(None, None, remove)
        .await
        .unwrap_err();
    assert!(
        matches!(
            &refused,
            StoreError::Refused(deskctl::domain::Refusal::Conflict {
                code: "team_has_tickets",
                ..
            })
        ),
        "{refused:?}"
    );
    assert!(f.store.workspace().await.unwrap().team("billing").is_some());
    let mut counted = Vec::new();
    let leaving = |team: &str, open, after: &deskctl::domain::workspace::Snapshot| {
        counted.push((team.to_string(), open));
        deskctl::domain::tickets::team_leaving(team, open, Some("vip"), after)
    };
    f.other
        .change_workspace(None, Some(Box::new(leaving)), remove)
        .await
        .unwrap();
    assert_eq!(counted, [("billing".to_string(), 1)]);
    let detail = f.store.get_ticket(number).await.unwrap();
    assert_eq!(detail.ticket.team.as_deref(), Some("vip"));
    assert_eq!(
        detail.timeline.last().unwrap().body.as_deref(),
        Some("Team billing → vip: team billing was removed")
    );
}

/// What an operator held when a configuration change removed them is counted
/// in that change's transaction, as it released it: their open tickets left
/// unassigned and their tokens revoked (`apply --prune`'s summary says so).
/// A change that removes nobody released nothing.
#[tokio::test(flavor = "multi_thread")]
async fn a_removed_operators_tickets_and_tokens_are_counted_as_the_removal_releases_them() {
    let f = fixture!();
    let batch = (0..4)
        .map(|i| f.batched(None, &format!("t{i}"), false))
        .collect();
    f.store.record_handoffs(batch).await.unwrap();
    for n in 1..=2 {
        f.store
            .create_token(NewToken {
                id: format!("tok_bob{n}"),
                name: format!("bob {n}"),
                kind: TokenKind::Operator,
                operator: Some("bob".into()),
                secret_sha256: format!("{n:064}"),
                hint: "0000".into(),
            })
            .await
            .unwrap();
    }
    let unchanged = f
        .other
        .change_workspace_releasing(None, None, |_| Ok(()))
        .await
        .unwrap()
        .1;
    assert_eq!(unchanged, Default::default());
    let remove = |ws: &mut deskctl::domain::workspace::Snapshot| {
        deskctl::domain::workspace::change::remove_operator(ws, "bob", Timestamp::now())
    };
    let (after, released) = f
        .other
        .change_workspace_releasing(None, None, remove)
        .await
        .unwrap();
    assert!(after.operator("bob").is_none());
    // alice has room for two, bob took the rest.
    assert_eq!(
        released.tickets,
        std::collections::BTreeMap::from([("bob".to_string(), 2)])
    );
    assert_eq!(
        released.tokens,
        std::collections::BTreeMap::from([("bob".to_string(), 2)])
    );
    let held_by_bob = listed(&f.store, &everything())
        .await
        .into_iter()
        .filter(|t| t.assignee.as_deref() == Some("bob"))
        .count();
    assert_eq!(held_by_bob, 0);
    let tokens = f.store.list_tokens(None, 100).await.unwrap();
    assert!(
        tokens.iter().all(|t| t.operator.as_deref() != Some("bob")),
        "{tokens:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn open_ticket_counts_follow_every_assignment_and_status_change() {
    let f = fixture!();
    let counts =
        |alice: u32, bob: u32| vec![("alice".to_string(), alice), ("bob".to_string(), bob)];
    let batch = (0..4)
        .map(|i| f.batched(None, &format!("t{i}"), false))
        .collect();
    let numbers: Vec<u64> = f
        .store
        .record_handoffs(batch)
        .await
        .unwrap()
        .into_iter()
        .map(|recorded| match recorded {
            Ok(Recorded::Created(handoff)) => handoff.ticket.unwrap(),
            other => panic!("{other:?}"),
        })
        .collect();
    // alice has room for two, bob takes the rest.
    let (loads, counted) = loads_and_counted(&f.store).await;
    assert_eq!(loads, counts(2, 2));
    assert_eq!(loads, counted);

    let change = |number: u64, change: TicketChange| {
        f.store
            .change_ticket(number, move |_: &deskctl::api::Ticket| {
                Ok((change, vec![], vec![]))
            })
    };
    let status = |status| TicketChange {
        status: Some(status),
        ..Default::default()
    };
    let assign = |handle: Option<&str>| TicketChange {
        assignee: Some(handle.map(Into::into)),
        ..Default::default()
    };
    let steps = vec![
        // Resolved: no longer open.
        (status(TicketStatus::Resolved), (1, 2)),
        // Reopened, and pending still counts.
        (status(TicketStatus::Open), (2, 2)),
        (status(TicketStatus::Pending), (2, 2)),
        // Given to bob.
        (assign(Some("bob")), (1, 3)),
        // Resolved and given back in one change: counted for nobody.
        (
            TicketChange {
                status: Some(TicketStatus::Resolved),
                ..assign(Some("alice"))
            },
            (1, 2),
        ),
        // Reopened with alice.
        (status(TicketStatus::Open), (2, 2)),
        // Unassigned.
        (assign(None), (1, 2)),
    ];
    for (step, (change_to, (alice, bob))) in steps.into_iter().enumerate() {
        change(numbers[0], change_to).await.unwrap();
        let (loads, counted) = loads_and_counted(&f.store).await;
        assert_eq!(loads, counts(alice, bob), "after step {step}");
        assert_eq!(loads, counted, "after step {step}");
        // Another replica reads the same.
        assert_eq!(
            loads_and_counted(&f.other).await.0,
            loads,
            "after step {step}"
        );
    }
    // A change refused (an unknown assignee) changes no count.
    let refused = change(numbers[1], assign(Some("nobody"))).await;
    assert!(refused.is_err(), "{refused:?}");
    assert_eq!(loads_and_counted(&f.store).await.0, counts(1, 2));

    // bob removed: his open tickets are released first, and the count goes
    // with him; added again, he starts from nothing.
    f.desk.run(&["operators", "remove", "bob", "--yes"]);
    let team = f.store.team_state(Some("support")).await.unwrap();
    let loads: Vec<_> = team
        .candidates
        .iter()
        .map(|c| (c.handle.clone(), c.open_tickets))
        .collect();
    assert_eq!(loads, vec![("alice".to_string(), 1)]);
    f.desk.run(&[
        "operators",
        "add",
        "bob",
        "--name",
        "bob",
        "--email",
        "bob@example.com",
        "--team",
        "support",
    ]);
    let (loads, counted) = loads_and_counted(&f.store).await;
    assert_eq!(loads, counts(1, 0));
    assert_eq!(loads, counted);
}

/// Ticket changes that arrive together (on SQLite, in one transaction of the
/// writer's, each in a savepoint) each see the ones before them, and one that
/// fails leaves nothing behind: of six changes that each take the ticket only
/// if nobody holds it, one does; of six notes beside them, the three that
/// also queue a message for a ticket that does not exist fail after writing
/// their note, and the other three land, each with its event.
#[tokio::test(flavor = "multi_thread")]
async fn concurrent_ticket_changes_see_the_ones_before_them_and_a_failed_one_leaves_nothing() {
    let f = fixture!();
    let who = requester("Sam", "sam@example.com", None);
    let number = f.ticket("Shared", "one ticket, many hands", who).await;
    let unassigned = TicketChange {
        assignee: Some(None),
        ..Default::default()
    };
    f.store
        .change_ticket(number, move |_| Ok((unassigned, vec![], vec![])))
        .await
        .unwrap();
    let before = f.other.event_bounds().await.unwrap().last;
    let taker = |i: usize| if i.is_multiple_of(4) { "alice" } else { "bob" };
    let changes = (0..12).map(|i| {
        f.other
            .change_ticket(number, move |ticket: &deskctl::api::Ticket| {
                let mut astray = Vec::new();
                if i % 4 == 3 {
                    astray.push(NewOutbound {
                        kind: OutboxKind::Webhook,
                        ticket: Some(number + 1000),
                        description: "astray".into(),
                        payload: "{}".into(),
                        destination: "webhook".into(),
                        integration: None,
                        handoff: None,
                        thread: None,
                        delivery_id: None,
                    });
                }
                if i % 2 == 1 {
                    let entries = vec![note_by_alice(format!("note {i}"))];
                    return Ok((TicketChange::default(), entries, astray));
                }
                if let Some(holder) = &ticket.assignee {
                    return Err(StoreError::Conflict {
                        code: "taken",
                        detail: format!("change {i} found it held by {holder}"),
                    });
                }
                let take = TicketChange {
                    assignee: Some(Some(taker(i).into())),
                    ..Default::default()
                };
                let entries = vec![note_by_alice(format!(
                    "taken by {} in change {i}",
                    taker(i)
                ))];
                Ok((take, entries, vec![]))
            })
    });
    let results = futures_util::future::join_all(changes).await;

    let taken: Vec<usize> = (0..12).step_by(2).filter(|&i| results[i].is_ok()).collect();
    assert_eq!(taken.len(), 1, "exactly one take wins: {results:?}");
    let winner = taken[0];
    for (i, result) in results.iter().enumerate() {
        match i {
            _ if i % 4 == 3 => assert!(result.is_err(), "note {i} queued astray: {result:?}"),
            _ if i % 2 == 1 => assert!(result.is_ok(), "note {i}: {result:?}"),
            _ if i == winner => {}
            _ => assert!(
                matches!(result, Err(StoreError::Conflict { code: "taken", .. })),
                "take {i}: {result:?}"
            ),
        }
    }
    let detail = f.store.get_ticket(number).await.unwrap();
    assert_eq!(detail.ticket.assignee.as_deref(), Some(taker(winner)));
    let notes = sorted_notes(&detail);
    let mut expected: Vec<String> = [1, 5, 9].iter().map(|i| format!("note {i}")).collect();
    expected.push(format!("taken by {} in change {winner}", taker(winner)));
    expected.sort();
    assert_eq!(notes, expected);
    // One event per change kept, for this ticket; none for the failed ones,
    // and none of the messages they queued.
    let events = events_since(&f.store, before).await;
    assert_eq!(events.len(), 4, "{events:?}");
    assert!(events.iter().all(|e| e.ticket_number == Some(number)));
    assert_nothing_queued(&f.store).await;
}

/// A burst of ticket changes shares transactions: they wait in one queue and
/// a writer commits what is waiting together (SQLite's writer thread; on
/// PostgreSQL, as it does handoffs). Of 24 notes sent at once, each lands
/// with its event, and one change that panics among them fails alone; on
/// PostgreSQL, in fewer transactions than notes.
#[tokio::test(flavor = "multi_thread")]
async fn a_burst_of_ticket_changes_shares_transactions_and_a_panic_fails_alone() {
    let f = fixture!();
    let who = requester("Sam", "sam@example.com", None);
    let number = f.ticket("Busy", "many notes at once", who).await;
    let before = f.other.event_bounds().await.unwrap().last;
    let changes = (0..24).map(|i| {
        f.other
            .change_ticket(number, move |_: &deskctl::api::Ticket| {
                assert_ne!(i, 7, "a bug in change 7");
                let note = note_by_alice(format!("note {i}"));
                Ok((TicketChange::default(), vec![note], vec![]))
            })
    });
    let results = futures_util::future::join_all(changes).await;
    for (i, result) in results.iter().enumerate() {
        match i {
            7 => assert!(
                matches!(result, Err(StoreError::Database(detail)) if detail.contains("bug")),
                "change 7 panicked: {result:?}"
            ),
            _ => assert!(result.is_ok(), "note {i}: {result:?}"),
        }
    }
    let notes = sorted_notes(&f.store.get_ticket(number).await.unwrap());
    let mut expected: Vec<String> = (0..24)
        .filter(|&i| i != 7)
        .map(|i| format!("note {i}"))
        .collect();
    expected.sort();
    assert_eq!(notes, expected);
    assert_eq!(events_since(&f.store, before).await.len(), 23);
    let Some(database) = f.desk.database.as_ref() else {
        return;
    };
    // A row's `xmin` is the transaction that wrote it; a batch writes its
    // events after the last change's savepoint, in the transaction itself.
    let transactions: usize = database
        .sql(&format!(
            "SELECT count(DISTINCT xmin::text) FROM events \
             WHERE ticket_number = {number} AND id > {before}"
        ))
        .trim()
        .parse()
        .unwrap();
    assert!(
        transactions <= 12,
        "23 notes sent at once were written in {transactions} transactions"
    );
}

/// An internal note by alice, made now.
fn note_by_alice(body: String) -> NewEntry {
    NewEntry {
        kind: TimelineKind::Note,
        author_kind: AuthorKind::Operator,
        author: Some("alice".into()),
        event: None,
        body: Some(body),
        channel: None,
        at: Timestamp::now(),
        dated_by_sender: false,
    }
}

/// The bodies of a ticket's notes, sorted.
fn sorted_notes(detail: &deskctl::api::TicketDetail) -> Vec<String> {
    let mut notes: Vec<String> = detail
        .timeline
        .iter()
        .filter(|e| e.kind == TimelineKind::Note)
        .filter_map(|e| e.body.clone())
        .collect();
    notes.sort();
    notes
}

/// An email delivered several times at once (an SMTP client retrying, two
/// MX paths) opens one ticket: each delivery answers its number, and only one
/// says it created it. A reply to it delivered several times at once joins
/// it once.
#[tokio::test(flavor = "multi_thread")]
async fn concurrent_deliveries_of_one_email_open_one_ticket_and_join_it_once() {
    let f = fixture!();
    let opened = (0..8).map(|i| {
        f.other
            .record_inbound_email("<burst@example.com>", "burst", Some("support"), move |_| {
                let who = requester("Kim", "kim@example.com", None);
                new_ticket(&format!("Delivery {i}"), "my order", who, None)
            })
    });
    let opened: Vec<(u64, bool)> = futures_util::future::join_all(opened)
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let number = opened[0].0;
    assert!(opened.iter().all(|&(n, _)| n == number), "{opened:?}");
    assert_eq!(opened.iter().filter(|(_, created)| *created).count(), 1);

    let joined = (0..8).map(|i| {
        f.other
            .record_inbound_reply("<burst-reply@example.com>", "reply", number, move |_| {
                let entry = NewEntry {
                    kind: TimelineKind::Message,
                    author_kind: AuthorKind::Customer,
                    author: Some("Kim".into()),
                    event: None,
                    body: Some(format!("reply delivered as {i}")),
                    channel: Some(Channel::Email),
                    at: Timestamp::now(),
                    dated_by_sender: false,
                };
                Ok(((TicketChange::default(), vec![entry], vec![]), true))
            })
    });
    let joined: Vec<(u64, bool)> = futures_util::future::join_all(joined)
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect();
    assert!(joined.iter().all(|&(n, _)| n == number), "{joined:?}");
    assert_eq!(joined.iter().filter(|(_, added)| *added).count(), 1);
    // What each message said is kept with its id, to tell a message sent
    // again from another that reuses its id: the same reply again changes
    // nothing, another under its id is kept.
    let again = f
        .other
        .record_inbound_reply("<burst-reply@example.com>", "reply", number, |_| {
            panic!("a message seen before changes nothing")
        })
        .await
        .unwrap();
    assert_eq!(again, (number, false));
    let other = f
        .other
        .record_inbound_reply("<burst-reply@example.com>", "other", number, |_| {
            // Not the customer's own: the ids below are theirs alone.
            let entry = NewEntry::system("summary", "another mail", Timestamp::now());
            Ok(((TicketChange::default(), vec![entry], vec![]), false))
        })
        .await
        .unwrap();
    assert_eq!(other, (number, true));
    let replies = f
        .store
        .get_ticket(number)
        .await
        .unwrap()
        .timeline
        .iter()
        .filter(|e| e.body.as_deref().is_some_and(|b| b.starts_with("reply")))
        .count();
    assert_eq!(replies, 1);
    assert_eq!(listed(&f.store, &everything()).await.len(), 1);
    assert_eq!(
        f.store.inbound_message_ids(number, 20).await.unwrap(),
        ["<burst@example.com>", "<burst-reply@example.com>"],
        "a ticket's inbound message ids, oldest first"
    );
    for i in 0..3 {
        let id = format!("<later-{i}@example.com>");
        f.store
            .record_inbound_reply(&id, "later", number, |_| {
                Ok(((TicketChange::default(), vec![], vec![]), true))
            })
            .await
            .unwrap();
    }
    // A note's or an automatic reply's id is never named to the customer.
    f.store
        .record_inbound_reply("<held-note@example.com>", "note", number, |_| {
            Ok(((TicketChange::default(), vec![], vec![]), false))
        })
        .await
        .unwrap();
    assert_eq!(
        f.store.inbound_message_ids(number, 2).await.unwrap(),
        ["<later-1@example.com>", "<later-2@example.com>"],
        "the last ones"
    );
    assert!(
        f.store
            .inbound_message_ids(99999, 20)
            .await
            .unwrap()
            .is_empty()
    );
}

/// Two different emails under one Message-ID arriving together (a mailer
/// that reuses its ids) are both kept, each once: the store tells them apart
/// by their content in the transaction that records them, so neither is
/// taken for the other's duplicate, whichever comes first.
#[tokio::test(flavor = "multi_thread")]
async fn concurrent_emails_reusing_one_id_are_each_kept_once() {
    let f = fixture!();
    let opened = (0..8).map(|i| {
        let digest = if i % 2 == 0 { "even" } else { "odd" };
        f.other
            .record_inbound_email("<reused@example.com>", digest, Some("support"), move |_| {
                let who = requester("Kim", "kim@example.com", None);
                new_ticket(&format!("Mail {digest}"), "my order", who, None)
            })
    });
    let opened: Vec<(u64, bool)> = futures_util::future::join_all(opened)
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let created: Vec<u64> = opened.iter().filter(|(_, c)| *c).map(|(n, _)| *n).collect();
    assert_eq!(created.len(), 2, "{opened:?}");
    for (i, (number, _)) in opened.iter().enumerate() {
        assert_eq!(
            *number,
            opened[i % 2].0,
            "each delivery of one mail: {opened:?}"
        );
    }
    let mut subjects: Vec<String> = listed(&f.store, &everything())
        .await
        .into_iter()
        .map(|t| t.subject)
        .collect();
    subjects.sort();
    assert_eq!(subjects, ["Mail even", "Mail odd"]);

    // Replies likewise: two under one id on the first ticket, each once.
    let number = created[0];
    let joined = (0..6).map(|i| {
        let digest = if i % 2 == 0 { "yes" } else { "no" };
        f.other
            .record_inbound_reply("<reused-reply@example.com>", digest, number, move |_| {
                let entry =
                    NewEntry::system("summary", format!("reply {digest}"), Timestamp::now());
                Ok(((TicketChange::default(), vec![entry], vec![]), true))
            })
    });
    let joined: Vec<(u64, bool)> = futures_util::future::join_all(joined)
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        joined.iter().filter(|(_, added)| *added).count(),
        2,
        "{joined:?}"
    );
    let mut replies: Vec<String> = f
        .store
        .get_ticket(number)
        .await
        .unwrap()
        .timeline
        .iter()
        .filter_map(|e| e.body.clone())
        .filter(|b| b.starts_with("reply "))
        .collect();
    replies.sort();
    assert_eq!(replies, ["reply no", "reply yes"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_handoffs_with_one_key_create_one_ticket_through_the_group_commit() {
    let f = std::sync::Arc::new(fixture!());
    let tasks: Vec<_> = (0..24)
        .map(|n| {
            let f = f.clone();
            tokio::spawn(async move {
                let store = if n % 2 == 0 { &f.store } else { &f.other };
                let ticket =
                    new_ticket("same", "help", requester("C", "c@example.com", None), None);
                f.handoff(store, Some("one-key".into()), "sha", ticket)
                    .await
                    .unwrap()
            })
        })
        .collect();
    let mut created = Vec::new();
    let mut replayed = Vec::new();
    for task in tasks {
        match task.await.unwrap() {
            Recorded::Created(handoff) => created.push(handoff.id),
            Recorded::Replayed(handoff) => replayed.push(handoff.id),
        }
    }
    assert_eq!(created.len(), 1, "one key, one handoff: {created:?}");
    assert!(replayed.iter().all(|id| *id == created[0]));
    assert_eq!(
        f.store.list_tickets(&everything(), 50).await.unwrap().len,
        1
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn text_search_ignores_ascii_case_and_takes_wildcards_literally() {
    let f = fixture!();
    let who = || requester("C", "c@example.com", None);
    let order = f.ticket("Order 12 is LATE", "where is it", who()).await;
    let body = f.ticket("Question", "My parcel never ARRIVED", who()).await;
    let percent = f.ticket("A 100% refund", "please", who()).await;
    let plain = f.ticket("A 100 x refund", "please", who()).await;
    let underscore = f.ticket("code a_b", "x", who()).await;
    let other = f.ticket("code axb", "x", who()).await;
    let backslash = f.ticket("path C:\\temp", "x", who()).await;

    assert_eq!(
        f.search_text("order 12 is late").await,
        [order],
        "subject, any case"
    );
    assert_eq!(f.search_text("arrived").await, [body], "message bodies too");
    assert_eq!(f.search_text("100%").await, [percent], "% is literal");
    assert_eq!(f.search_text("%").await, [percent]);
    assert_eq!(f.search_text("a_b").await, [underscore], "_ is literal");
    assert_eq!(
        f.search_text("C:\\temp").await,
        [backslash],
        "\\ is literal"
    );
    assert_eq!(f.search_text("zzz").await, Vec::<u64>::new());
    let _ = (plain, other);
    // Everything matches the empty filter, newest activity first.
    let all = f.search(|_| {}).await;
    assert_eq!(
        all,
        [backslash, other, underscore, plain, percent, body, order]
    );
}

/// The match `--search` documents, pinned on both backends and through both
/// plans: a page of 500 starts from the text index (few candidates), pages
/// of one walk the tickets newest first when the text is in more tickets
/// than the square root of the desk's size, and counts use the index. On
/// SQLite, with the texts still queued for the index and again once they
/// are in it.
#[tokio::test(flavor = "multi_thread")]
async fn text_search_is_an_ascii_case_insensitive_substring_by_index_or_by_walk() {
    let f = fixture!();
    let who = || requester("C", "c@example.com", None);
    let subject_only = f.ticket("Refund for ORDER-12", "hello", who()).await;
    let message_only = f
        .ticket("Question", "My parcel never ARRIVED.", who())
        .await;
    let inside = f.ticket("Refunding", "x", who()).await;
    let accents = f.ticket("Élodie's café", "crème brûlée", who()).await;
    let percent = f.ticket("A 100% discount", "x", who()).await;
    let plain = f.ticket("A 1000 discount", "x", who()).await;
    let underscore = f.ticket("code a_b", "x", who()).await;
    let punctuation = f.ticket("path C:\\temp, (#12-b?)", "x", who()).await;
    let quote = f.ticket("she said \"hi\" twice", "x", who()).await;
    // Many tickets with one word, enough for a page of one to walk.
    let mut common = Vec::new();
    for n in 0..12 {
        common.push(
            f.ticket(&format!("printer {n}"), "toner low, charge it", who())
                .await,
        );
    }
    // Parts of `chargeback` in other tickets: its rare trigrams split over
    // a subject and a message (no candidate: the index holds them as two
    // rows), and all four of them in one subject without the word (a
    // candidate of the index, never a match).
    let decoy = f.ticket("Gebaeude", "back door", who()).await;
    let _rare_trigrams_only = f.ticket("Gebacon hack", "x", who()).await;
    let chargeback = f.ticket("Dispute", "a Chargeback came in", who()).await;
    // A message appended later is found too; a note is not a message.
    let later = f.ticket("Later", "first words", who()).await;
    f.store
        .change_ticket(later, |_| {
            let at = Timestamp::now();
            Ok((
                TicketChange::default(),
                vec![
                    NewEntry {
                        kind: TimelineKind::Message,
                        author_kind: AuthorKind::Customer,
                        author: None,
                        event: None,
                        body: Some("a late Xylophone".into()),
                        channel: Some(Channel::Web),
                        at,
                        dated_by_sender: false,
                    },
                    NewEntry {
                        kind: TimelineKind::Note,
                        author_kind: AuthorKind::Operator,
                        author: Some("alice".into()),
                        event: None,
                        body: Some("internal zanzibar".into()),
                        channel: None,
                        at,
                        dated_by_sender: false,
                    },
                ],
                vec![],
            ))
        })
        .await
        .unwrap();

    let none = Vec::<u64>::new();
    let newest_first = |mut v: Vec<u64>| {
        v.sort_by(|a, b| b.cmp(a));
        v
    };
    let cases: Vec<(&str, Vec<u64>)> = vec![
        // Case: ASCII letters either way, in the subject and in messages.
        ("refund", vec![inside, subject_only]),
        ("REFUND FOR order-12", vec![subject_only]),
        ("arrived.", vec![message_only]),
        ("parcel never arrived", vec![message_only]),
        // Words are one substring, spaces included, in their order.
        ("arrived never", none.clone()),
        ("parcel  never", none.clone()),
        // Inside another word.
        ("fund", vec![inside, subject_only]),
        ("efundin", vec![inside]),
        // Other characters are compared as they are: no folding of É.
        ("Élodie", vec![accents]),
        ("élodie", none.clone()),
        ("CAFé", vec![accents]),
        ("cafÉ", none.clone()),
        ("brûlée", vec![accents]),
        ("brulee", none.clone()),
        // LIKE's wildcards and the backslash are literal.
        ("100%", vec![percent]),
        ("100% d", vec![percent]),
        ("a_b", vec![underscore]),
        ("C:\\temp", vec![punctuation]),
        ("(#12-b?)", vec![punctuation]),
        ("\"hi\"", vec![quote]),
        // Shorter than a trigram: walked, same rule.
        ("%", vec![percent]),
        ("_", vec![underscore]),
        ("É", vec![accents]),
        ("é", vec![accents]),
        ("1000 ", vec![plain]),
        // Only messages: not events ("Handed over") nor notes.
        ("xylophone", vec![later]),
        ("handed over", none.clone()),
        ("zanzibar", none.clone()),
        ("no such text", none.clone()),
        // Looked up by its rare trigrams only (the others are in every
        // printer ticket), and each candidate re-checked.
        ("chargeback", vec![chargeback]),
        (
            "charge",
            newest_first([common.clone(), vec![chargeback]].concat()),
        ),
        ("gebaeude back", none.clone()),
        ("back", vec![chargeback, decoy]),
        // Common: every one of them, newest first.
        ("PRINTER", newest_first(common.clone())),
        ("toner", newest_first(common.clone())),
    ];
    let queued = f.queued_texts();
    if let Some(queued) = queued {
        assert!(queued > 20, "the texts wait in the queue: {queued}");
    }
    check_search_cases(&f, &cases).await;
    if queued.is_some() {
        f.index_queued_texts();
        assert_eq!(f.queued_texts(), Some(0));
        check_search_cases(&f, &cases).await;
    }
}

/// A subject, message or requester name changed or removed by hand in the
/// database is found by what it says now, and only by that: on SQLite
/// whether the text index has taken the change in yet or not (its triggers,
/// migrations 0015 and 0017), on PostgreSQL from the rows' own indexes.
#[tokio::test(flavor = "multi_thread")]
async fn a_text_changed_in_the_database_is_found_by_what_it_now_says() {
    let f = fixture!();
    let who = || requester("C", "c@example.com", None);
    let changed = f
        .ticket(
            "Aardvark subject",
            "quokka message",
            requester("Quentin Blake", "q@example.com", None),
        )
        .await;
    let demoted = f.ticket("Wombat subject", "narwhal message", who()).await;
    let gone = f.ticket("Capybara subject", "tapir message", who()).await;
    // Changed once in the index, so the triggers take the old texts out of it.
    f.index_queued_texts();
    f.execute(&format!(
        "UPDATE tickets SET subject = 'Pangolin subject', requester_name = 'Okapi Jones' \
         WHERE number = {changed}; \
         UPDATE timeline SET body = 'axolotl message' WHERE ticket_number = {changed} \
         AND kind = 'message'; \
         UPDATE timeline SET kind = 'note' WHERE ticket_number = {demoted} AND kind = 'message'; \
         DELETE FROM handoffs WHERE ticket_number = {gone}; \
         DELETE FROM timeline WHERE ticket_number = {gone}; \
         DELETE FROM tickets WHERE number = {gone}"
    ));
    let none = Vec::<u64>::new();
    let indexing = if f.queued_texts().is_some() {
        vec![false, true]
    } else {
        vec![false]
    };
    for indexed in indexing {
        if indexed {
            f.index_queued_texts();
            assert_eq!(f.queued_texts(), Some(0));
        }
        let moment = if indexed { "indexed" } else { "as written" };
        assert_eq!(f.search_text("pangolin").await, [changed], "{moment}");
        assert_eq!(f.search_text("axolotl").await, [changed], "{moment}");
        assert_eq!(f.search_text("aardvark").await, none, "{moment}");
        assert_eq!(f.search_text("quokka").await, none, "{moment}");
        assert_eq!(f.search_text("wombat").await, [demoted], "{moment}");
        assert_eq!(
            f.search_text("narwhal").await,
            none,
            "a note is not searched ({moment})"
        );
        assert_eq!(f.search_text("capybara").await, none, "{moment}");
        assert_eq!(f.search_text("tapir").await, none, "{moment}");
        let by_requester = |who: &str| {
            let who = who.to_string();
            f.search(move |q| q.requester = Some(who))
        };
        assert_eq!(by_requester("okapi").await, [changed], "{moment}");
        assert_eq!(by_requester("quentin").await, none, "{moment}");
    }
    let left = f.on_sqlite_file(|conn| {
        conn.query_row(
            "SELECT count(*) FROM (SELECT rowid AS id FROM ticket_text \
             UNION ALL SELECT id FROM ticket_text_queue) WHERE id >> 24 = ?1 OR id = -?1",
            [gone as i64],
            |row| row.get::<_, i64>(0),
        )
        .unwrap()
    });
    assert!(
        matches!(left, None | Some(0)),
        "the gone ticket's texts: {left:?}"
    );
}

/// On SQLite a text of 4 KiB or more goes into the text index in the
/// statement that writes it (migration 0018), so that a search, which reads
/// every queued text whole, never reads long ones; shorter texts wait in the
/// queue. Either way a search finds them, and a long text changed in the
/// database is found by what it now says. On PostgreSQL the same searches
/// read the rows' own indexes.
#[tokio::test(flavor = "multi_thread")]
async fn a_long_text_is_indexed_at_once_and_found_as_a_short_one_is() {
    let f = fixture!();
    let who = || requester("C", "c@example.com", None);
    let long = format!(
        "{} zebrafish {}",
        "lorem ipsum ".repeat(400),
        "dolor ".repeat(10)
    );
    assert!(long.len() > 4096);
    let short = f.ticket("Short subject", "a quetzal message", who()).await;
    let long_one = f.ticket("Long subject", &long, who()).await;
    let longest_queued = f.on_sqlite_file(|conn| {
        conn.query_row(
            "SELECT count(*), max(octet_length(body)) FROM ticket_text_queue",
            [],
            |row| Ok((row.get::<_, i64>(0)?, row.get::<_, i64>(1)?)),
        )
        .unwrap()
    });
    if let Some((queued, longest)) = longest_queued {
        assert!(queued >= 4, "the short texts wait in the queue: {queued}");
        assert!(longest < 4096, "a long text waits in the queue: {longest}");
    }
    assert_eq!(f.search_text("zebrafish").await, [long_one]);
    assert_eq!(f.search_text("quetzal").await, [short]);
    f.execute(&format!(
        "UPDATE timeline SET body = replace(body, 'zebrafish', 'axolotl') \
         WHERE ticket_number = {long_one} AND kind = 'message'"
    ));
    assert_eq!(f.search_text("zebrafish").await, Vec::<u64>::new());
    assert_eq!(f.search_text("axolotl").await, [long_one]);
}

/// PostgreSQL's trigram indexes move their pending lists into their trees a
/// little at a time (migration 0007): the insert that crosses the limit does
/// the move while its transaction holds the assignment lock.
#[tokio::test(flavor = "multi_thread")]
async fn postgres_trigram_indexes_keep_short_pending_lists() {
    let f = fixture!();
    let Some(database) = &f.desk.database else {
        return; // SQLite's FTS5 index has no pending list.
    };
    let options = database.sql(
        "SELECT string_agg(relname || ' ' || array_to_string(reloptions, ','), '; ' \
         ORDER BY relname) FROM pg_class \
         WHERE relname IN ('tickets_requester_name_text', 'tickets_subject_text', \
         'timeline_message_text')",
    );
    assert_eq!(
        options.trim(),
        "tickets_requester_name_text gin_pending_list_limit=128; \
         tickets_subject_text gin_pending_list_limit=128; \
         timeline_message_text gin_pending_list_limit=128"
    );
}

async fn check_search_cases(f: &Fixture, cases: &[(&str, Vec<u64>)]) {
    check_cases(f, |filter, text| filter.text = Some(text.into()), cases).await
}

async fn check_requester_cases(f: &Fixture, cases: &[(&str, Vec<u64>)]) {
    check_cases(f, |filter, who| filter.requester = Some(who.into()), cases).await
}

/// Checks that the tickets `set` selects with each case's value are the
/// case's, newest first: in one page, in pages of one (the small page makes
/// the plan walk what the large one looks up), and counted.
async fn check_cases(f: &Fixture, set: fn(&mut TicketFilter, &str), cases: &[(&str, Vec<u64>)]) {
    for (value, expected) in cases {
        let value = *value;
        let mut filter = everything();
        set(&mut filter, value);
        let one_page = listed(&f.store, &filter).await;
        let one_page: Vec<u64> = one_page.iter().map(|t| t.number).collect();
        assert_eq!(&one_page, expected, "{value:?}, one page");
        // Pages of one, each from the last one's cursor.
        let mut paged = Vec::new();
        let mut after = None;
        loop {
            let mut filter = filter.clone();
            filter.after = after.clone();
            let page = f.store.list_tickets(&filter, 1).await.unwrap();
            paged.extend(page.tickets().unwrap().iter().map(|t| t.number));
            assert!(paged.len() <= 50, "{value:?} pages forever");
            match page.next_after {
                Some(next) => after = Some(next),
                None => break,
            }
        }
        assert_eq!(&paged, expected, "{value:?}, pages of one");
        let counted: u64 = f
            .store
            .ticket_counts(&filter, deskctl::api::TicketCountBy::Status)
            .await
            .unwrap()
            .iter()
            .map(|(_, n)| n)
            .sum();
        assert_eq!(counted, expected.len() as u64, "{value:?}, counted");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn requesters_match_by_whole_email_or_external_id_and_by_any_part_of_a_name() {
    let f = fixture!();
    let dana = f
        .ticket(
            "one",
            "x",
            requester("Dana Reyes", "Dana@Example.com", Some("ext-7")),
        )
        .await;
    let erin = f
        .ticket("two", "x", requester("Erin Shaw", "erin@example.com", None))
        .await;
    let dana_again = f
        .ticket("three", "x", requester("Dana R.", "dana@example.com", None))
        .await;
    let nameless = f
        .ticket(
            "four",
            "x",
            Requester {
                name: None,
                email: Some("ops@example.org".into()),
                external_id: Some("Reyes".into()),
                phone: None,
            },
        )
        .await;
    let accents = f
        .ticket(
            "five",
            "x",
            requester("Élodie Brûlée", "Élodie@Example.com", None),
        )
        .await;
    let none = Vec::<u64>::new();
    let cases = [
        // An email whole, in any case.
        ("DANA@example.COM", vec![dana_again, dana]),
        ("erin@example", none.clone()),
        ("ops@example.org", vec![nameless]),
        // An external id whole and exactly.
        ("ext-7", vec![dana]),
        ("EXT-7", none.clone()),
        ("ext", none.clone()),
        // A name, or any part of one, in any case; LIKE's wildcards are
        // literal. `Reyes` is also an external id, whole.
        ("Dana Reyes", vec![dana]),
        ("dana", vec![dana_again, dana]),
        ("DANA R", vec![dana_again, dana]),
        ("reyes", vec![dana]),
        ("Reyes", vec![nameless, dana]),
        ("SHAW", vec![erin]),
        ("R.", vec![dana_again]),
        ("a", vec![dana_again, erin, dana]),
        ("Dana_Reyes", none.clone()),
        ("%", none.clone()),
        ("_", none.clone()),
        // Case is ASCII letters' alone, on both databases whatever
        // PostgreSQL's locale: É and é are two letters, as in searched text.
        ("ÉLODIE", vec![accents]),
        ("élodie", none.clone()),
        ("BRûLéE", vec![accents]),
        ("BRÛLÉE", none.clone()),
        ("Élodie@EXAMPLE.com", vec![accents]),
        ("élodie@example.com", none.clone()),
    ];
    // On SQLite names are looked up in the text index (migration 0017),
    // while queued and once moved into it.
    check_requester_cases(&f, &cases).await;
    if f.queued_texts().is_some() {
        f.index_queued_texts();
        check_requester_cases(&f, &cases).await;
    }
    // A name is not a searched text, and a search and a requester select
    // the tickets that match both.
    assert_eq!(f.search_text("Reyes").await, none);
    let both = |text: &str, who: &str| {
        let (text, who) = (text.to_string(), who.to_string());
        f.search(move |q| {
            q.text = Some(text);
            q.requester = Some(who);
        })
    };
    assert_eq!(both("three", "dana").await, [dana_again]);
    assert_eq!(both("two", "dana").await, none);
    assert_eq!(both("thr", "ana").await, [dana_again]);

    let numbers =
        |tickets: Vec<deskctl::api::Ticket>| tickets.iter().map(|t| t.number).collect::<Vec<_>>();
    assert_eq!(
        numbers(
            f.store
                .requester_tickets("DANA@EXAMPLE.COM", None, None, 500)
                .await
                .unwrap()
        ),
        [dana_again, dana]
    );
    // A page at a time, newest first: below the cursor's number.
    let page = |before, limit| {
        f.store
            .requester_tickets("dana@example.com", None, before, limit)
    };
    assert_eq!(numbers(page(None, 1).await.unwrap()), [dana_again]);
    assert_eq!(numbers(page(Some(dana_again), 1).await.unwrap()), [dana]);
    assert_eq!(numbers(page(Some(dana), 1).await.unwrap()), none);
    assert_eq!(
        numbers(
            f.store
                .requester_tickets("ext-7", None, None, 500)
                .await
                .unwrap()
        ),
        [dana]
    );
    assert_eq!(
        numbers(
            f.store
                .requester_tickets("Élodie@EXAMPLE.COM", None, None, 500)
                .await
                .unwrap()
        ),
        [accents]
    );
    assert_eq!(
        numbers(
            f.store
                .requester_tickets("élodie@example.com", None, None, 500)
                .await
                .unwrap()
        ),
        none
    );
}

/// A requester's phone finds their tickets as a person types it: whole, with
/// the spaces and punctuation a phone may hold left out on both sides and
/// ASCII letters in either case, from its index or by walking, counted too.
#[tokio::test(flavor = "multi_thread")]
async fn requesters_match_by_their_phone_whatever_its_spaces_and_punctuation() {
    let f = fixture!();
    let phoned = |name: Option<&str>, id: &str, phone: &str| Requester {
        name: name.map(Into::into),
        email: None,
        external_id: Some(id.into()),
        phone: Some(phone.into()),
    };
    let spaced = f
        .ticket("one", "x", phoned(None, "wa-1", "+49 151 12345678"))
        .await;
    let tight = f
        .ticket("two", "x", phoned(Some("Jürgen"), "wa-2", "+4915112345678"))
        .await;
    let national = f
        .ticket("three", "x", phoned(None, "wa-3", "0151-123 456 80"))
        .await;
    let vanity = f
        .ticket("four", "x", phoned(None, "tg-4", "1-800-FLOWERS"))
        .await;
    let unphoned = f
        .ticket("five", "x", requester("Kim 0151", "kim@example.com", None))
        .await;
    let none = Vec::<u64>::new();
    let cases = [
        ("+49 151 12345678", vec![tight, spaced]),
        ("+4915112345678", vec![tight, spaced]),
        ("4915112345678", vec![tight, spaced]),
        ("(+49) 151-1234-5678", vec![tight, spaced]),
        (" +49.151.12345678 ", vec![tight, spaced]),
        ("015112345680", vec![national]),
        ("0151 123 456 80", vec![national]),
        ("1800flowers", vec![vanity]),
        ("1-800-Flowers", vec![vanity]),
        // Whole numbers only; a national form is another number.
        ("015112345678", none.clone()),
        ("12345678", none.clone()),
        ("+49 151", none.clone()),
        // Not a phone: a name's part still finds it, and phones are not texts.
        ("0151", vec![unphoned]),
        ("Jürgen", vec![tight]),
    ];
    check_requester_cases(&f, &cases).await;
    if f.queued_texts().is_some() {
        f.index_queued_texts();
        check_requester_cases(&f, &cases).await;
    }
}

/// A ticket's origin is the ingest token that sent the handoff that opened
/// it; a person's handoff, or none, is no platform's. A customer's tickets
/// narrowed to an ingest token are those its handoffs opened, and no others.
#[tokio::test(flavor = "multi_thread")]
async fn a_tickets_origin_is_the_ingest_token_that_sent_its_handoff() {
    use deskctl::domain::tickets::Origin;
    let f = fixture!();
    let sent = async |sent_by: Option<&str>, subject: &str| {
        let ticket = new_ticket(
            subject,
            "x",
            requester("Dana", "dana@example.com", None),
            None,
        );
        match f
            .handoff_sent_by(&f.store, sent_by, None, "sha", ticket)
            .await
            .unwrap()
        {
            Recorded::Created(handoff) => handoff.ticket.unwrap(),
            Recorded::Replayed(_) => panic!("a handoff without a key is new"),
        }
    };
    let by_a = sent(Some("tok_a"), "one").await;
    let by_b = sent(Some("tok_b"), "two").await;
    let by_a_again = sent(Some("tok_a"), "three").await;
    let by_a_person = sent(None, "four").await;
    assert_eq!(
        f.store.ticket_origin(by_a).await.unwrap(),
        Origin::Platform("tok_a".into())
    );
    assert_eq!(
        f.other.ticket_origin(by_b).await.unwrap(),
        Origin::Platform("tok_b".into())
    );
    assert_eq!(
        f.store.ticket_origin(by_a_person).await.unwrap(),
        Origin::Desk
    );
    assert!(matches!(
        f.store.ticket_origin(99_999).await,
        Err(StoreError::NotFound { what: "ticket", .. })
    ));

    let numbers = async |sent_by: Option<&str>| {
        let tickets = f
            .store
            .requester_tickets("DANA@example.com", sent_by, None, 500)
            .await
            .unwrap();
        tickets.iter().map(|t| t.number).collect::<Vec<_>>()
    };
    assert_eq!(numbers(Some("tok_a")).await, [by_a_again, by_a]);
    assert_eq!(numbers(Some("tok_b")).await, [by_b]);
    assert_eq!(numbers(Some("tok_c")).await, Vec::<u64>::new());
    assert_eq!(numbers(None).await, [by_a_person, by_a_again, by_b, by_a]);
}

/// A ticket change made with an idempotency key is made once, whichever
/// replica the key comes to: sent to two at once, one makes it and the other
/// answers the ticket as it stands. The key with another request is refused;
/// a change refused by its decision keeps no key, so the key may come again.
#[tokio::test(flavor = "multi_thread")]
async fn a_ticket_change_with_an_idempotency_key_is_made_once_on_any_replica() {
    use deskctl::server::store::IdempotencyKey;
    let f = fixture!();
    let number = f
        .ticket("one", "x", requester("Dana", "dana@example.com", None))
        .await;
    let once = |key: &str, sha: &str| {
        Some(IdempotencyKey {
            key: key.into(),
            request_sha256: sha.into(),
        })
    };
    let note = |text: &'static str| {
        move |_: &deskctl::api::Ticket| {
            let entry = NewEntry {
                kind: TimelineKind::Note,
                author_kind: AuthorKind::System,
                author: None,
                event: None,
                body: Some(text.into()),
                channel: None,
                at: Timestamp::now(),
                dated_by_sender: false,
            };
            Ok((TicketChange::default(), vec![entry], vec![]))
        }
    };
    let (here, there) = tokio::join!(
        f.store
            .change_ticket_once(number, once("append-1", "sha-1"), note("first")),
        f.other
            .change_ticket_once(number, once("append-1", "sha-1"), note("first")),
    );
    let made = [here.unwrap(), there.unwrap()]
        .iter()
        .filter(|recorded| matches!(recorded, Recorded::Created(_)))
        .count();
    assert_eq!(
        made, 1,
        "one replica makes the change, the other replays it"
    );
    let reused = f
        .store
        .change_ticket_once(number, once("append-1", "sha-2"), note("second"))
        .await
        .unwrap_err();
    assert!(
        matches!(
            reused,
            StoreError::Conflict {
                code: "idempotency_key_reused",
                ..
            }
        ),
        "{reused:?}"
    );
    let refused = f
        .other
        .change_ticket_once(number, once("append-2", "sha-3"), |_| {
            Err(StoreError::Refused(deskctl::domain::Refusal::conflict(
                "ticket_resolved",
                "resolved",
            )))
        })
        .await;
    assert!(refused.is_err());
    let again = f
        .other
        .change_ticket_once(number, once("append-2", "sha-3"), note("third"))
        .await
        .unwrap();
    assert!(matches!(again, Recorded::Created(_)), "{again:?}");
    let notes: Vec<String> = f
        .store
        .get_ticket(number)
        .await
        .unwrap()
        .timeline
        .into_iter()
        .filter(|entry| entry.kind == TimelineKind::Note)
        .filter_map(|entry| entry.body)
        .collect();
    assert_eq!(notes, ["first", "third"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn cursors_page_through_tickets_handoffs_outbox_and_tokens_once_in_order() {
    let f = fixture!();
    let mut numbers = Vec::new();
    for n in 0..5 {
        numbers.push(
            f.ticket(&format!("t{n}"), "x", requester("C", "c@example.com", None))
                .await,
        );
    }
    // A status change on the oldest moves it to the front.
    let first = numbers[0];
    f.store
        .change_ticket(first, move |_| {
            Ok((
                TicketChange {
                    status: Some(TicketStatus::Pending),
                    ..TicketChange::default()
                },
                vec![NewEntry::system(
                    "status-changed",
                    "Status open → pending",
                    Timestamp::now(),
                )],
                vec![],
            ))
        })
        .await
        .unwrap();
    let mut paged = Vec::new();
    let mut filter = everything();
    loop {
        let page = f.store.list_tickets(&filter, 2).await.unwrap();
        paged.extend(page.tickets().unwrap().iter().map(|t| t.number));
        match page.next_after {
            Some(next) => filter.after = Some(next),
            None => break,
        }
    }
    let mut expected: Vec<u64> = numbers[1..].iter().rev().copied().collect();
    expected.insert(0, first);
    assert_eq!(paged, expected);

    // Handoffs: newest first, `<created_at>|<id>` cursors.
    let all = f
        .store
        .list_handoffs(&HandoffQuery::default(), 100)
        .await
        .unwrap();
    assert_eq!(all.len(), 5);
    let mut query = HandoffQuery::default();
    let mut seen = Vec::new();
    loop {
        let page = f.store.list_handoffs(&query, 1).await.unwrap();
        let Some(last) = page.last() else { break };
        seen.push(last.id.clone());
        query.cursor = Some(format!("{}|{}", stored_time(last.created_at), last.id));
    }
    assert_eq!(seen, all.iter().map(|h| h.id.clone()).collect::<Vec<_>>());
    let tickets: Vec<u64> = all.iter().map(|h| h.ticket.unwrap()).collect();
    assert_eq!(tickets, numbers.iter().rev().copied().collect::<Vec<_>>());

    // The outbox: newest first, below an id.
    for (n, number) in numbers.iter().take(4).enumerate() {
        f.queue(*number, &format!("m{n}")).await;
    }
    let all = f
        .store
        .list_outbox(&OutboxQuery::default(), true, None, 100)
        .await
        .unwrap();
    let ids: Vec<u64> = all.iter().map(|m| m.id).collect();
    assert!(ids.windows(2).all(|w| w[0] > w[1]), "{ids:?}");
    let mut before = None;
    let mut seen = Vec::new();
    loop {
        let page = f
            .store
            .list_outbox(&OutboxQuery::default(), true, before, 3)
            .await
            .unwrap();
        seen.extend(page.iter().map(|m| m.id));
        if page.len() < 3 {
            break;
        }
        before = page.last().map(|m| m.id);
    }
    assert_eq!(seen, ids);
    let about_one = OutboxQuery {
        ticket: Some(numbers[2]),
        ..Default::default()
    };
    let filtered = f
        .store
        .list_outbox(&about_one, true, None, 100)
        .await
        .unwrap();
    assert_eq!(
        filtered
            .iter()
            .map(|m| m.description.as_str())
            .collect::<Vec<_>>(),
        ["m2"]
    );

    // Tokens: as they were made (not by their random ids), after the one
    // made at a time with its id.
    for n in [3, 1, 2] {
        f.store
            .create_token(NewToken {
                id: format!("tok_test{n}"),
                name: format!("t{n}"),
                kind: TokenKind::Ingest,
                operator: None,
                secret_sha256: format!("{n:064}"),
                hint: "0000".into(),
            })
            .await
            .unwrap();
    }
    let ids =
        |tokens: &[deskctl::api::Token]| tokens.iter().map(|t| t.id.clone()).collect::<Vec<_>>();
    let first = f.store.list_tokens(None, 2).await.unwrap();
    assert_eq!(ids(&first), ["tok_test3", "tok_test1"]);
    let after = (first[1].created_at, first[1].id.as_str());
    assert_eq!(
        ids(&f.store.list_tokens(Some(after), 2).await.unwrap()),
        ["tok_test2"]
    );
    let found = f
        .store
        .find_token(&format!("{:064}", 2))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.id, "tok_test2");
    assert!(
        f.store
            .find_token(&format!("{:064}", 9))
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_tokens_use_is_written_once_for_the_requests_that_find_it_stale_together() {
    let f = fixture!();
    f.store
        .create_token(NewToken {
            id: "tok_busy".into(),
            name: "busy".into(),
            kind: TokenKind::Ingest,
            operator: None,
            secret_sha256: format!("{:064}", 7),
            hint: "0000".into(),
        })
        .await
        .unwrap();
    let found = || async {
        f.store
            .find_token(&format!("{:064}", 7))
            .await
            .unwrap()
            .unwrap()
    };
    let last_used = || async { found().await.last_used_at };
    assert_eq!(last_used().await, None);
    // Sixteen requests in flight on the token at once record its use.
    let token = found().await;
    let uses = (0..16).map(|_| f.store.record_token_use(&token));
    for recorded in futures_util::future::join_all(uses).await {
        recorded.unwrap();
    }
    let first = last_used().await.expect("the use is recorded");
    assert!(first > jiff::Timestamp::now() - jiff::SignedDuration::from_secs(60));
    // Set back as if long ago: within the minute this process writes no more.
    f.execute("UPDATE tokens SET last_used_at = '2020-01-01T00:00:00.000000Z'");
    f.store.record_token_use(&found().await).await.unwrap();
    assert_eq!(
        last_used().await,
        Some("2020-01-01T00:00:00Z".parse().unwrap()),
        "written again within the minute"
    );
    // Another store (a replica, or the next process) records its own use.
    let other = Store::open(&f.desk.location(), Open::Existing, crate::common::keys())
        .await
        .unwrap();
    other.record_token_use(&found().await).await.unwrap();
    assert!(last_used().await.unwrap() >= first);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_idempotency_key_replays_the_same_request_and_refuses_another() {
    let f = fixture!();
    let who = || requester("C", "c@example.com", None);
    let Recorded::Created(first) = f
        .handoff(
            &f.store,
            Some("k1".into()),
            "sha-a",
            new_ticket("s", "b", who(), None),
        )
        .await
        .unwrap()
    else {
        panic!("k1 is new")
    };
    // Through the other pool: the same handoff, nothing new.
    let Recorded::Replayed(again) = f
        .handoff(
            &f.other,
            Some("k1".into()),
            "sha-a",
            new_ticket("s", "b", who(), None),
        )
        .await
        .unwrap()
    else {
        panic!("k1 replays")
    };
    assert_eq!(
        (again.id.as_str(), again.ticket),
        (first.id.as_str(), first.ticket)
    );
    let reused = f
        .handoff(
            &f.other,
            Some("k1".into()),
            "sha-b",
            new_ticket("s", "b", who(), None),
        )
        .await;
    assert!(
        matches!(
            &reused,
            Err(StoreError::Conflict {
                code: "idempotency_key_reused",
                ..
            })
        ),
        "{:?}",
        reused.map(|_| ())
    );
    let (found, sha) = f.store.find_handoff_by_key("k1").await.unwrap().unwrap();
    assert_eq!((found.id, sha.as_str()), (first.id, "sha-a"));
    assert!(f.store.find_handoff_by_key("k2").await.unwrap().is_none());
    assert_eq!(f.search(|_| {}).await, [first.ticket.unwrap()]);
}

#[tokio::test]
async fn a_message_is_found_by_the_id_it_went_out_with_never_a_guess_between_two() {
    let f = fixture!();
    let ticket = f
        .ticket("s", "b", requester("C", "c@example.com", None))
        .await;
    let first = f
        .queue_sent_as(ticket, "m1", "webhook", Some("msg_aaa"))
        .await;
    let second = f
        .queue_sent_as(ticket, "m2", "webhook", Some("msg_bbb"))
        .await;
    f.queue_sent_as(ticket, "m3", "webhook", None).await;
    assert_eq!(f.store.find_outbound("msg_aaa").await.unwrap(), first);
    assert_eq!(f.other.find_outbound("msg_bbb").await.unwrap(), second);
    assert!(matches!(
        f.store.find_outbound("msg_ccc").await,
        Err(StoreError::NotFound { .. })
    ));
    // The ids are random: two messages may, rarely, share one.
    let third = f
        .queue_sent_as(ticket, "m4", "webhook", Some("msg_aaa"))
        .await;
    match f.store.find_outbound("msg_aaa").await {
        Err(StoreError::Conflict { code, detail }) => {
            assert_eq!(code, "ambiguous_delivery_id");
            assert!(
                detail.contains(&first.to_string()) && detail.contains(&third.to_string()),
                "{detail}"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_outbox_hands_each_message_to_one_worker_and_a_lapsed_lease_to_the_next() {
    let f = fixture!();
    // Two tickets: one ticket's second message would wait for its first.
    let ticket = f
        .ticket("s", "b", requester("C", "c@example.com", None))
        .await;
    let other = f
        .ticket("t", "b", requester("D", "d@example.com", None))
        .await;
    f.queue(ticket, "m1").await;
    f.queue(other, "m2").await;
    let minute = Duration::from_secs(60);
    let one = f.store.claim_outbound("w1", minute).await.unwrap().unwrap();
    let two = f.other.claim_outbound("w2", minute).await.unwrap().unwrap();
    assert_eq!(
        (one.description.as_str(), two.description.as_str()),
        ("m1", "m2")
    );
    assert_eq!((one.attempts, one.lease_owner.as_str()), (1, "w1"));
    assert!(
        f.store
            .claim_outbound("w3", minute)
            .await
            .unwrap()
            .is_none(),
        "both are held"
    );
    assert!(
        f.store.next_outbound_due().await.unwrap().is_none(),
        "held messages are not due"
    );

    // w1 delivers m1; settling again (or by another worker) does nothing.
    assert!(
        f.store
            .settle_outbound(&one, &Settle::Delivered, None, None)
            .await
            .unwrap()
    );
    assert!(
        !f.store
            .settle_outbound(&one, &Settle::Delivered, None, None)
            .await
            .unwrap()
    );
    let m1 = f.store.get_outbound(one.id).await.unwrap();
    assert_eq!(m1.state.as_str(), "delivered");

    // w2's attempt fails: m2 is due again at the given time, not before.
    let later = stored_now() + jiff::SignedDuration::from_secs(3600);
    let retry = Settle::Retry {
        at: later,
        error: "503".into(),
    };
    assert!(
        f.other
            .settle_outbound(&two, &retry, None, None)
            .await
            .unwrap()
    );
    assert!(
        f.store
            .claim_outbound("w3", minute)
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(f.store.next_outbound_due().await.unwrap(), Some(later));
    // Queued again by hand: due now.
    let again = f.store.retry_outbound(two.id).await.unwrap();
    assert_eq!((again.state.as_str(), again.attempts), ("pending", 1));

    // A lease that lapses (here: at once) passes the message to the next
    // worker; the first worker's late result no longer counts.
    let lapsed = f
        .store
        .claim_outbound("w4", Duration::ZERO)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(lapsed.id, two.id);
    let taken = f.other.claim_outbound("w5", minute).await.unwrap().unwrap();
    assert_eq!(
        (taken.id, taken.attempts, taken.lease_owner.as_str()),
        (two.id, 3, "w5")
    );
    assert!(
        !f.store
            .settle_outbound(&lapsed, &Settle::Delivered, None, None)
            .await
            .unwrap()
    );
    let dead = Settle::Dead {
        error: "gone".into(),
    };
    assert!(
        f.other
            .settle_outbound(&taken, &dead, None, None)
            .await
            .unwrap()
    );
    let m2 = f.store.get_outbound(two.id).await.unwrap();
    assert_eq!(
        (m2.state.as_str(), m2.last_error.as_deref()),
        ("dead", Some("gone"))
    );
    assert!(
        f.store
            .claim_outbound("w6", minute)
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn attempts_go_on_counting_across_a_retry_by_hand_and_delivery_clears_the_error() {
    let f = fixture!();
    let ticket = f
        .ticket("s", "b", requester("C", "c@example.com", None))
        .await;
    f.queue(ticket, "m1").await;
    let minute = Duration::from_secs(60);
    let first = f.store.claim_outbound("w1", minute).await.unwrap().unwrap();
    let gone = Settle::Dead {
        error: "Zendesk answered 404 Not Found".into(),
    };
    assert!(
        f.store
            .settle_outbound(&first, &gone, None, None)
            .await
            .unwrap()
    );
    let requeued = f.store.retry_outbound(first.id).await.unwrap();
    assert_eq!((requeued.state.as_str(), requeued.attempts), ("pending", 1));
    // The policy's count starts again; the count of attempts made does not.
    let second = f.other.claim_outbound("w2", minute).await.unwrap().unwrap();
    assert_eq!((second.attempts, second.requeued_after), (2, 1));
    let busy = Settle::Retry {
        at: stored_now(),
        error: "Zendesk answered 503 Service Unavailable".into(),
    };
    assert!(
        f.other
            .settle_outbound(&second, &busy, None, None)
            .await
            .unwrap()
    );
    let third = f.store.claim_outbound("w3", minute).await.unwrap().unwrap();
    assert_eq!((third.attempts, third.requeued_after), (3, 1));
    assert!(
        f.store
            .settle_outbound(&third, &Settle::Delivered, None, None)
            .await
            .unwrap()
    );
    let delivered = f.store.get_outbound(first.id).await.unwrap();
    assert_eq!(
        (
            delivered.state.as_str(),
            delivered.attempts,
            delivered.last_error.as_deref()
        ),
        ("delivered", 3, None),
        "no stale error on a delivered message"
    );
}

/// Settles `claimed` as `settle` through `store`, which must still hold it.
async fn settled(store: &Store, claimed: &deskctl::server::store::Claimed, settle: Settle) {
    let held = store.settle_outbound(claimed, &settle, None, None);
    assert!(
        held.await.unwrap(),
        "{} was still held",
        claimed.description
    );
}

/// What `store` claims now for `worker`: the message's description, if any.
async fn claim(store: &Store, worker: &str) -> Option<deskctl::server::store::Claimed> {
    let lease = Duration::from_secs(60);
    store.claim_outbound(worker, lease).await.unwrap()
}

fn claimed_what(claimed: &Option<deskctl::server::store::Claimed>) -> Option<&str> {
    claimed.as_ref().map(|c| c.description.as_str())
}

/// The message that message `id` waits for, as `store` reads it.
async fn waiting_for(store: &Store, id: u64) -> Option<u64> {
    store.get_outbound(id).await.unwrap().waiting_for
}

#[tokio::test(flavor = "multi_thread")]
async fn a_tickets_messages_to_one_destination_go_out_in_the_order_they_were_queued() {
    let f = fixture!();
    let dana = f
        .ticket("s", "b", requester("Dana", "dana@example.com", None))
        .await;
    let eve = f
        .ticket("t", "b", requester("Eve", "eve@example.com", None))
        .await;
    let takeover = f.queue_to(dana, "takeover", "webhook").await;
    let reply = f.queue_to(dana, "reply", "webhook").await;
    f.queue_to(eve, "eve's reply", "webhook").await;

    // While the takeover is in flight, its ticket's reply waits; another
    // ticket's message goes out beside it.
    let first = claim(&f.store, "w1").await;
    assert_eq!(claimed_what(&first), Some("takeover"));
    let beside = claim(&f.other, "w2").await;
    assert_eq!(claimed_what(&beside), Some("eve's reply"));
    assert!(claim(&f.other, "w3").await.is_none(), "the reply waits");
    assert_eq!(waiting_for(&f.store, reply).await, Some(takeover));
    assert_eq!(waiting_for(&f.store, takeover).await, None, "in flight");
    settled(&f.other, beside.as_ref().unwrap(), Settle::Delivered).await;
    assert_eq!(
        f.store.next_outbound_due().await.unwrap(),
        None,
        "nothing is due that a worker could take"
    );

    // The receiver answers 503: the takeover backs off, and the reply (and a
    // message queued meanwhile) is put off with it instead of overtaking it.
    let later = stored_now() + jiff::SignedDuration::from_secs(3600);
    let busy = Settle::Retry {
        at: later,
        error: "503".into(),
    };
    settled(&f.store, first.as_ref().unwrap(), busy).await;
    let follow_up = f.queue_to(dana, "follow-up", "webhook").await;
    // Each waits for the message the whole line waits for, in the list too.
    assert_eq!(waiting_for(&f.store, takeover).await, None, "backing off");
    assert_eq!(waiting_for(&f.other, follow_up).await, Some(takeover));
    let listed = OutboxQuery {
        ticket: Some(dana),
        ..OutboxQuery::default()
    };
    let listed = f.store.list_outbox(&listed, true, None, 10).await.unwrap();
    let listed: Vec<_> = listed.iter().map(|m| (m.id, m.waiting_for)).collect();
    assert_eq!(
        listed,
        [
            (follow_up, Some(takeover)),
            (reply, Some(takeover)),
            (takeover, None)
        ]
    );
    for id in [takeover, reply, follow_up] {
        let message = f.store.get_outbound(id).await.unwrap();
        assert_eq!(
            message.next_attempt_at,
            Some(later),
            "{}",
            message.description
        );
    }
    assert!(claim(&f.other, "w3").await.is_none());
    assert_eq!(f.store.next_outbound_due().await.unwrap(), Some(later));

    // Another destination of the same ticket does not wait for the webhook.
    let email_id = f
        .queue_to(dana, "email to dana", "email:dana@example.com")
        .await;
    assert_eq!(waiting_for(&f.store, email_id).await, None);
    let email = claim(&f.other, "w3").await;
    assert_eq!(claimed_what(&email), Some("email to dana"));
    settled(&f.other, email.as_ref().unwrap(), Settle::Delivered).await;

    // Trying the reply now tries the takeover it waits for now, first.
    f.store.retry_outbound(reply).await.unwrap();
    let again = claim(&f.other, "w4").await;
    assert_eq!(claimed_what(&again), Some("takeover"));
    assert!(claim(&f.store, "w5").await.is_none());
    settled(&f.other, again.as_ref().unwrap(), Settle::Delivered).await;
    let follow_up_due = f.store.get_outbound(follow_up).await.unwrap();
    assert!(
        follow_up_due.next_attempt_at < Some(later),
        "due once nothing holds it up"
    );

    // A dead message holds up nothing: a person has to act on it.
    let second = claim(&f.store, "w5").await;
    assert_eq!(claimed_what(&second), Some("reply"));
    assert!(
        claim(&f.other, "w6").await.is_none(),
        "one in flight per ticket"
    );
    let gone = Settle::Dead {
        error: "410 Gone".into(),
    };
    settled(&f.store, second.as_ref().unwrap(), gone).await;
    assert_eq!(
        waiting_for(&f.other, follow_up).await,
        None,
        "a dead message holds up nothing"
    );
    let third = claim(&f.other, "w6").await;
    assert_eq!(claimed_what(&third), Some("follow-up"));
    settled(&f.other, third.as_ref().unwrap(), Settle::Delivered).await;
    assert!(claim(&f.store, "w7").await.is_none());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_dead_message_queued_again_goes_before_the_later_ones_pending_and_never_beside_one() {
    let f = fixture!();
    let ticket = f
        .ticket("s", "b", requester("Dana", "dana@example.com", None))
        .await;
    let takeover = f.queue_to(ticket, "takeover", "webhook").await;
    let reply_1 = f.queue_to(ticket, "reply 1", "webhook").await;
    let reply_2 = f.queue_to(ticket, "reply 2", "webhook").await;
    let first = claim(&f.store, "w1").await.unwrap();
    let gone = Settle::Dead {
        error: "400 Bad Request".into(),
    };
    settled(&f.store, &first, gone).await;
    let reply = claim(&f.store, "w1").await;
    assert_eq!(claimed_what(&reply), Some("reply 1"));

    // Queued again while the first reply is in flight: it waits for that
    // attempt, so that two messages of the ticket are never sent at once.
    let retried = f.other.retry_outbound(takeover).await.unwrap();
    assert_eq!(retried.waiting_for, Some(reply_1));
    assert_eq!(waiting_for(&f.store, reply_1).await, None, "in flight");
    assert_eq!(waiting_for(&f.store, reply_2).await, Some(takeover));
    assert!(claim(&f.other, "w2").await.is_none());
    assert_eq!(f.other.next_outbound_due().await.unwrap(), None);

    // The attempt fails: the takeover goes next, before both replies.
    let soon = stored_now() + jiff::SignedDuration::from_secs(60);
    let busy = Settle::Retry {
        at: soon,
        error: "503".into(),
    };
    settled(&f.store, reply.as_ref().unwrap(), busy).await;
    assert_eq!(waiting_for(&f.store, takeover).await, None);
    assert_eq!(waiting_for(&f.store, reply_1).await, Some(takeover));
    let retried = claim(&f.other, "w2").await;
    assert_eq!(claimed_what(&retried), Some("takeover"));
    assert!(claim(&f.store, "w3").await.is_none());
    settled(&f.other, retried.as_ref().unwrap(), Settle::Delivered).await;
    for expected in ["reply 1", "reply 2"] {
        let next = claim(&f.store, "w3").await;
        assert_eq!(claimed_what(&next), Some(expected));
        settled(&f.store, next.as_ref().unwrap(), Settle::Delivered).await;
    }
    assert!(claim(&f.store, "w3").await.is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_workers_on_two_replicas_never_send_two_messages_of_a_ticket_at_once() {
    use std::collections::{BTreeMap, BTreeSet};
    use std::sync::{Arc, Mutex};
    let f = fixture!();
    let (tickets, per_ticket) = (3, 6);
    for t in 0..tickets {
        let number = f
            .ticket("s", "b", requester("C", &format!("c{t}@example.com"), None))
            .await;
        for m in 0..per_ticket {
            f.queue(number, &format!("{number}/{m}")).await;
        }
    }
    // Each ticket's claims in the order they were made, and the tickets with
    // a message in flight.
    let claims: Arc<Mutex<BTreeMap<u64, Vec<u64>>>> = Arc::default();
    let in_flight: Arc<Mutex<BTreeSet<u64>>> = Arc::default();
    let delivered = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let workers: Vec<_> = (0..6)
        .map(|w| {
            let store = if w % 2 == 0 {
                f.store.clone()
            } else {
                f.other.clone()
            };
            let (claims, in_flight, delivered) =
                (claims.clone(), in_flight.clone(), delivered.clone());
            tokio::spawn(async move {
                while delivered.load(std::sync::atomic::Ordering::SeqCst) < tickets * per_ticket {
                    let Some(claimed) = claim(&store, &format!("w{w}")).await else {
                        tokio::task::yield_now().await;
                        continue;
                    };
                    let ticket = claimed.ticket.unwrap();
                    assert!(
                        in_flight.lock().unwrap().insert(ticket),
                        "two messages of #{ticket} in flight at once"
                    );
                    claims
                        .lock()
                        .unwrap()
                        .entry(ticket)
                        .or_default()
                        .push(claimed.id);
                    tokio::task::yield_now().await;
                    in_flight.lock().unwrap().remove(&ticket);
                    // Every message fails once first, as from a receiver that
                    // answers 503 now and then: its ticket's next ones wait.
                    let settle = if claimed.attempts == 1 {
                        Settle::Retry {
                            at: stored_now(),
                            error: "503".into(),
                        }
                    } else {
                        delivered.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        Settle::Delivered
                    };
                    settled(&store, &claimed, settle).await;
                }
            })
        })
        .collect();
    for worker in workers {
        worker.await.unwrap();
    }
    let claims = claims.lock().unwrap();
    assert_eq!(claims.len(), tickets);
    for (ticket, ids) in claims.iter() {
        assert_eq!(ids.len(), 2 * per_ticket, "#{ticket}: {ids:?}");
        assert!(ids.is_sorted(), "#{ticket} claimed out of order: {ids:?}");
    }
}

/// The events recorded after `after`, as an owner's stream sends them.
async fn events_since(store: &Store, after: u64) -> Vec<deskctl::api::Event> {
    store
        .events_after(after, &Viewer::Everyone, 100)
        .await
        .unwrap()
        .events
}

/// Runs `sql` on the fixture's database beside its open store (SQLite or PostgreSQL).
async fn run_sql(f: &Fixture, sqlite: &str, postgres: &str) {
    match f.desk.location() {
        deskctl::server::store::Location::Sqlite(path) => {
            let url = format!("sqlite://{}", path.display());
            let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
            sqlx::raw_sql(sqlx::AssertSqlSafe(sqlite.to_string()))
                .execute(&pool)
                .await
                .unwrap();
            pool.close().await;
        }
        deskctl::server::store::Location::Postgres(_) => {
            f.desk.database.as_ref().unwrap().sql(postgres);
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_writer_whose_event_ids_reach_a_multiple_of_1024_prunes_expired_events_first() {
    let f = fixture!();
    let old = f
        .store
        .record_handoffs(vec![f.batched(Some("old"), "old", false)])
        .await
        .unwrap();
    assert!(matches!(old[..], [Ok(Recorded::Created(_))]), "{old:?}");
    assert_eq!(f.store.event_bounds().await.unwrap().last, 2);
    // The two events age past their retention, and the counter moves to just
    // before 1024: the next handoff's two events take 1023 and 1024.
    run_sql(
        &f,
        "UPDATE events SET at = '2000-01-01T00:00:00.000000Z'; \
         UPDATE event_log SET last_id = 1022 WHERE id = 1",
        "UPDATE events SET at = '2000-01-01T00:00:00Z'; \
         UPDATE event_log SET last_id = 1022 WHERE id = 1",
    )
    .await;
    let new = f
        .store
        .record_handoffs(vec![f.batched(Some("new"), "new", false)])
        .await
        .unwrap();
    assert!(matches!(new[..], [Ok(Recorded::Created(_))]), "{new:?}");
    let bounds = f.store.event_bounds().await.unwrap();
    assert_eq!((bounds.last, bounds.pruned_through), (1024, 1022));
    let ids: Vec<u64> = events_since(&f.store, 0)
        .await
        .iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(ids, [1023, 1024]);

    // Ids that stay below the next multiple prune nothing, expired or not.
    run_sql(
        &f,
        "UPDATE events SET at = '2000-01-01T00:00:00.000000Z'",
        "UPDATE events SET at = '2000-01-01T00:00:00Z'",
    )
    .await;
    let more = f
        .store
        .record_handoffs(vec![f.batched(Some("more"), "more", false)])
        .await
        .unwrap();
    assert!(matches!(more[..], [Ok(Recorded::Created(_))]), "{more:?}");
    let ids: Vec<u64> = events_since(&f.store, 0)
        .await
        .iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(ids, [1023, 1024, 1025, 1026]);
}

#[tokio::test(flavor = "multi_thread")]
async fn every_delivery_attempt_requeue_and_webhook_move_is_an_event_in_its_transaction() {
    use deskctl::api::{EventKind, ExternalStatus, HandoffOutcome, OutboxState};
    use deskctl::domain::external::{ExternalEvent, ExternalState};
    use deskctl::server::store::ExternalSettle;
    let f = fixture!();
    // An external handoff: its delivery to Zendesk queued.
    let id = queue_for_zendesk(&f).await;
    let mut last = f.store.event_bounds().await.unwrap().last;
    let minute = Duration::from_secs(60);
    let mut next = async |store: &Store| {
        let events = events_since(store, last).await;
        last = events.last().map_or(last, |e| e.id);
        events
    };

    // An attempt fails and is to be tried again: said, with why and when.
    let claimed = f.store.claim_outbound("w1", minute).await.unwrap().unwrap();
    let later = stored_now() + jiff::SignedDuration::from_secs(3600);
    let retry = Settle::Retry {
        at: later,
        error: "Zendesk answered 503".into(),
    };
    assert!(
        f.store
            .settle_outbound(&claimed, &retry, None, None)
            .await
            .unwrap()
    );
    let events = next(&f.other).await;
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].kind, EventKind::Delivery);
    let said = events[0].delivery.clone().unwrap();
    assert_eq!(
        (said.id, said.state, said.attempts, said.error.as_deref()),
        (
            claimed.id,
            OutboxState::Pending,
            Some(1),
            Some("Zendesk answered 503")
        )
    );
    assert_eq!(said.next_attempt_at, Some(later));
    assert_eq!(said.integration, Some(IntegrationKind::Zendesk));

    // Made due now by hand, then given up on, then queued again: each an event.
    f.store.retry_outbound(claimed.id).await.unwrap();
    let claimed = f.other.claim_outbound("w2", minute).await.unwrap().unwrap();
    let dead = Settle::Dead {
        error: "gone".into(),
    };
    assert!(
        f.other
            .settle_outbound(&claimed, &dead, None, None)
            .await
            .unwrap()
    );
    f.store.retry_outbound(claimed.id).await.unwrap();
    let events = next(&f.store).await;
    let said: Vec<_> = events
        .iter()
        .map(|e| {
            let d = e.delivery.clone().unwrap();
            (e.kind, d.state, d.attempts, d.error)
        })
        .collect();
    assert_eq!(
        said,
        [
            (EventKind::Delivery, OutboxState::Pending, Some(1), None),
            (
                EventKind::Delivery,
                OutboxState::Dead,
                Some(2),
                Some("gone".into())
            ),
            (EventKind::Delivery, OutboxState::Pending, Some(2), None),
        ]
    );

    // Delivered as Zendesk ticket zd-1.
    let claimed = f.store.claim_outbound("w3", minute).await.unwrap().unwrap();
    let external = ExternalSettle {
        progress: "{}".into(),
        ticket: Some(("zd-1".into(), None)),
        event: None,
    };
    assert!(
        f.store
            .settle_outbound(&claimed, &Settle::Delivered, None, Some(external))
            .await
            .unwrap()
    );
    let events = next(&f.store).await;
    assert_eq!(
        events[0].delivery.as_ref().map(|d| d.state),
        Some(OutboxState::Delivered)
    );

    // Zendesk's webhook says it was solved: an event, in the webhook's
    // transaction, for owners and managers (the handoff has no inbox ticket).
    let advance: deskctl::server::store::Advance = |current, event| ExternalState {
        status: event.status,
        ..current
    };
    let solved = [ExternalEvent {
        id: "zd-1".into(),
        status: ExternalStatus::Resolved,
        occurred_at: None,
    }];
    let changed = f
        .other
        .accept_webhook(IntegrationKind::Zendesk, "evt-1", &solved, advance, None)
        .await
        .unwrap();
    assert_eq!(changed.as_deref(), Some(std::slice::from_ref(&id)));
    let events = next(&f.store).await;
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].kind, EventKind::HandoffExternal);
    let handoff = events[0].handoff.clone().unwrap();
    assert_eq!(
        (handoff.id.as_str(), handoff.agent.as_str(), handoff.outcome),
        (id.as_str(), "shop", HandoffOutcome::External)
    );
    let moved = events[0].external.clone().unwrap();
    assert_eq!(
        (
            moved.kind,
            moved.id.as_deref(),
            moved.previous,
            moved.status
        ),
        (
            IntegrationKind::Zendesk,
            Some("zd-1"),
            ExternalStatus::Created,
            ExternalStatus::Resolved
        )
    );
    let bob = Viewer::Operator("bob".into());
    let page = f
        .store
        .events_after(events[0].id - 1, &bob, 100)
        .await
        .unwrap();
    assert!(page.events.is_empty(), "not an operator's: {page:?}");

    // A replay is told apart and records nothing; a webhook that moves
    // nothing records nothing.
    let replay = f
        .store
        .accept_webhook(IntegrationKind::Zendesk, "evt-1", &solved, advance, None)
        .await;
    assert!(matches!(replay, Ok(None)), "{replay:?}");
    let still: deskctl::server::store::Advance = |current, _| current;
    f.store
        .accept_webhook(IntegrationKind::Zendesk, "evt-2", &solved, still, None)
        .await
        .unwrap();
    assert!(next(&f.store).await.is_empty());
}

/// Records an external handoff from the fixture's decision, its delivery to
/// Zendesk queued; answers its id.
async fn queue_for_zendesk(f: &Fixture) -> String {
    use deskctl::api::HandoffOutcome;
    let id = deskctl::server::auth::generate_id("hof");
    let mut decision = f.decision.clone();
    decision.outcome = HandoffOutcome::External;
    let delivery = NewOutbound {
        kind: OutboxKind::Integration,
        ticket: None,
        description: "Zendesk ticket".into(),
        payload: "{}".into(),
        destination: "integration:zendesk".into(),
        integration: Some(IntegrationKind::Zendesk),
        handoff: Some(id.clone()),
        thread: None,
        delivery_id: None,
    };
    let write = HandoffWrite {
        id: id.clone(),
        sent_by: None,
        idempotency_key: None,
        request_sha256: "sha".into(),
        request: request("x@example.com"),
        team: None,
        at: Timestamp::now(),
    };
    f.store
        .record_handoff(write, move |_| Finished {
            decision,
            ticket: None,
            delivery: Some(delivery),
            notices: None,
        })
        .await
        .unwrap();
    id
}

#[tokio::test(flavor = "multi_thread")]
async fn a_webhook_event_older_than_the_last_applied_one_changes_nothing() {
    use ExternalStatus::*;
    use deskctl::api::{EventKind, ExternalStatus};
    use deskctl::domain::external::{ExternalEvent, apply};
    use deskctl::server::store::ExternalSettle;
    let f = fixture!();
    let id = queue_for_zendesk(&f).await;
    let claimed = f
        .store
        .claim_outbound("w1", Duration::from_secs(60))
        .await
        .unwrap()
        .unwrap();
    let external = ExternalSettle {
        progress: "{}".into(),
        ticket: Some(("zd-7".into(), None)),
        event: None,
    };
    f.store
        .settle_outbound(&claimed, &Settle::Delivered, None, Some(external))
        .await
        .unwrap();
    let at = |minute: i64| Some(Timestamp::from_second(1_800_000_000 + 60 * minute).unwrap());
    let event = |status, occurred_at| ExternalEvent {
        id: "zd-7".into(),
        status,
        occurred_at,
    };
    let mut key = 0;
    let mut accept = async |store: &Store, events: &[ExternalEvent]| {
        key += 1;
        store
            .accept_webhook(
                IntegrationKind::Zendesk,
                &format!("evt-{key}"),
                events,
                apply,
                None,
            )
            .await
            .unwrap()
            .expect("a new receipt, not a replay")
    };
    let external = async |store: &Store| store.get_handoff(&id).await.unwrap().external.unwrap();
    let moves = async |store: &Store, after: u64| -> Vec<(ExternalStatus, ExternalStatus)> {
        events_since(store, after)
            .await
            .iter()
            .filter(|e| e.kind == EventKind::HandoffExternal)
            .map(|e| e.external.as_ref().map(|x| (x.previous, x.status)).unwrap())
            .collect()
    };

    // Solved at 09:10 by the platform's clock.
    assert_eq!(
        accept(&f.store, &[event(Resolved, at(10))]).await,
        std::slice::from_ref(&id)
    );
    let solved = external(&f.other).await;
    assert_eq!(solved.status, Resolved);
    let last = f.store.event_bounds().await.unwrap().last;

    // The `open` of 09:05 arrives late, through the other replica: accepted
    // (its receipt kept: the same request again is a replay), nothing moves,
    // no event.
    assert!(accept(&f.other, &[event(Assigned, at(5))]).await.is_empty());
    let after = external(&f.store).await;
    assert_eq!(
        (after.status, after.updated_at),
        (Resolved, solved.updated_at)
    );
    assert!(moves(&f.store, last).await.is_empty());
    let replay = f
        .store
        .accept_webhook(IntegrationKind::Zendesk, "evt-2", &[], apply, None)
        .await;
    assert!(matches!(replay, Ok(None)), "{replay:?}");

    // In one webhook, in order: a late `open`, then the `open` of 09:12
    // reopens, then the resolution of 09:11 is late again.
    let events = [
        event(Created, at(9)),
        event(Assigned, at(12)),
        event(Resolved, at(11)),
    ];
    assert_eq!(accept(&f.store, &events).await, std::slice::from_ref(&id));
    assert_eq!(external(&f.other).await.status, Reopened);
    assert_eq!(moves(&f.other, last).await, [(Resolved, Reopened)]);

    // The same time as the last applied one is applied (in arrival order);
    // an event without a time is applied and keeps the last time: after it,
    // 09:11 is still late.
    assert_eq!(
        accept(&f.store, &[event(Resolved, at(12))]).await,
        std::slice::from_ref(&id)
    );
    assert_eq!(
        accept(&f.store, &[event(Assigned, None)]).await,
        std::slice::from_ref(&id)
    );
    assert!(
        accept(&f.store, &[event(Resolved, at(11))])
            .await
            .is_empty()
    );
    assert_eq!(external(&f.store).await.status, Reopened);
    assert_eq!(
        moves(&f.store, last).await,
        [
            (Resolved, Reopened),
            (Reopened, Resolved),
            (Resolved, Reopened)
        ]
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_stale_revision_is_refused_and_the_generation_moves_on_with_every_change() {
    let f = fixture!();
    let before = f.store.read_workspace().await.unwrap();
    let generation = f.store.generation().await.unwrap();
    assert_eq!(generation, before.generation);

    // Through the other pool: the workspace changes (a new team).
    let next = f
        .other
        .change_workspace(Some(before.revision), None, |snapshot| {
            let mut team = snapshot.teams[0].clone();
            team.key = "billing".into();
            team.name = "Billing".into();
            team.members.clear();
            team.default = false;
            snapshot.teams.push(team);
            Ok(())
        })
        .await
        .unwrap();
    assert!(next.revision > before.revision);
    assert!(next.generation > generation);
    assert!(f.store.generation().await.unwrap() >= next.generation);
    // This pool's cached snapshot sees it.
    let seen = f.store.workspace().await.unwrap();
    assert!(seen.teams.iter().any(|t| t.key == "billing"));

    // Guarded by the old revision: refused, nothing written.
    let stale = f
        .store
        .change_workspace(Some(before.revision), None, |snapshot| {
            snapshot.teams.retain(|t| t.key != "billing");
            Ok(())
        })
        .await;
    match stale {
        Err(StoreError::StaleRevision { expected, current }) => {
            assert_eq!((expected, current), (before.revision, next.revision))
        }
        other => panic!(
            "expected a stale revision, got {:?}",
            other.map(|s| s.revision)
        ),
    }
    assert!(
        f.store
            .read_workspace()
            .await
            .unwrap()
            .teams
            .iter()
            .any(|t| t.key == "billing")
    );

    // A ticket is no configuration: the revision stays.
    f.ticket("s", "b", requester("C", "c@example.com", None))
        .await;
    assert_eq!(
        f.store.read_workspace().await.unwrap().revision,
        next.revision
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_webhook_is_accepted_once_per_replay_key() {
    let f = fixture!();
    let advance: deskctl::server::store::Advance = |current, _| current;
    let changed = f
        .store
        .accept_webhook(IntegrationKind::Zendesk, "evt-1", &[], advance, None)
        .await
        .unwrap();
    assert_eq!(changed, Some(vec![]));
    let again = f
        .other
        .accept_webhook(IntegrationKind::Zendesk, "evt-1", &[], advance, None)
        .await;
    assert!(matches!(again, Ok(None)), "{again:?}");
    let other = f
        .store
        .accept_webhook(IntegrationKind::Zendesk, "evt-2", &[], advance, None)
        .await;
    assert_eq!(other.unwrap(), Some(vec![]));
}

#[tokio::test(flavor = "multi_thread")]
async fn receipts_older_than_the_platforms_window_are_pruned_and_only_those() {
    let f = fixture!();
    let advance: deskctl::server::store::Advance = |current, _| current;
    let accept = |kind, key: &'static str, forget_before| {
        let store = f.store.clone();
        async move {
            store
                .accept_webhook(kind, key, &[], advance, forget_before)
                .await
        }
    };
    accept(IntegrationKind::Zendesk, "old", None).await.unwrap();
    accept(IntegrationKind::Intercom, "old", None)
        .await
        .unwrap();
    // Kept while inside the window: still a replay.
    let before = Timestamp::now() - jiff::SignedDuration::from_mins(10);
    let replay = accept(IntegrationKind::Zendesk, "old", Some(before)).await;
    assert!(matches!(replay, Ok(None)), "{replay:?}");
    // Once the window has passed them (every receipt so far is older than a
    // cutoff a second ahead), the next Zendesk webhook prunes them...
    let after = Timestamp::now() + jiff::SignedDuration::from_secs(1);
    accept(IntegrationKind::Zendesk, "new", Some(after))
        .await
        .unwrap();
    // ...so the old receipt is gone (its request is refused by the window now)...
    let old = accept(IntegrationKind::Zendesk, "old", None).await;
    assert_eq!(old.unwrap(), Some(vec![]));
    // ...while another platform's receipts, without a window, are all kept.
    let intercom = accept(IntegrationKind::Intercom, "old", None).await;
    assert!(matches!(intercom, Ok(None)), "{intercom:?}");
}

#[test]
fn reads_of_a_desk_that_does_not_exist_yet_create_nothing() {
    let desk = desk!();
    // Nothing in it yet: the SQLite file does not exist, the database is empty.
    let created = || match &desk.database {
        Some(database) => {
            database
                .sql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
                .trim()
                != "0"
        }
        None => desk.path().exists(),
    };
    let missing = match desk.backend() {
        crate::common::Backend::Sqlite => format!("no desk at {}", desk.path().display()),
        crate::common::Backend::Postgres => "no desk in the database at".to_string(),
    };
    desk.cmd()
        .args(["teams", "list"])
        .assert()
        .code(5)
        .stderr(predicates::str::contains(missing));
    assert!(!created(), "teams list created the desk");
    // diff and apply --dry-run plan against an empty workspace instead.
    let document =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples/hours-only.yaml");
    for plan in [&["diff", "-f"][..], &["apply", "--dry-run", "-f"]] {
        desk.cmd()
            .args(plan)
            .arg(&document)
            .assert()
            .code(3)
            .stdout(predicates::str::contains("business-hours"))
            .stderr(predicates::str::contains(
                "yet: planned against an empty workspace",
            ));
        assert!(!created(), "{plan:?} created the desk");
    }
    // The write that follows creates it, and the plan is then its own.
    desk.cmd()
        .args(["apply", "--yes", "-f"])
        .arg(&document)
        .assert()
        .success();
    assert!(created());
    desk.cmd()
        .args(["diff", "-f"])
        .arg(&document)
        .assert()
        .code(0);
}

/// A delivery URL an older deskctl stored with `user:password@` in it (now
/// refused when set) is shown and exported with the password masked, and the
/// document exported is refused until the credentials are removed, saying so.
#[tokio::test(flavor = "multi_thread")]
async fn a_delivery_url_stored_with_credentials_never_shows_them() {
    let Some(desk) = Desk::on(BACKEND) else {
        return;
    };
    desk.cmd()
        .args([
            "delivery",
            "set",
            "--url",
            "https://hooks.example.com/desk?key=receiver-token",
            "--secret-stdin",
        ])
        .write_stdin("a-delivery-secret-of-32-characters\n")
        .assert()
        .success();
    let with_credentials = "UPDATE settings SET value = replace(value, \
        'https://hooks.example.com', 'https://bot:hunter2pw@hooks.example.com') \
        WHERE name = 'delivery'";
    match desk.location() {
        deskctl::server::store::Location::Sqlite(path) => {
            let url = format!("sqlite://{}", path.display());
            let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
            sqlx::query(with_credentials).execute(&pool).await.unwrap();
            pool.close().await;
        }
        deskctl::server::store::Location::Postgres(_) => {
            desk.database.as_ref().unwrap().sql(
                "UPDATE settings SET value = replace(value::text, \
                 'https://hooks.example.com', 'https://bot:hunter2pw@hooks.example.com')::jsonb \
                 WHERE name = 'delivery'",
            );
        }
    }
    let shown: serde_json::Value =
        serde_json::from_str(&desk.run(&["delivery", "show", "-o", "json"])).unwrap();
    assert_eq!(
        shown["url"],
        "https://bot:***@hooks.example.com/desk?key=receiver-token"
    );
    let text = desk.run(&["delivery", "show"]);
    assert!(!text.contains("hunter2pw"), "{text}");
    let exported = desk.run(&["export"]);
    assert!(!exported.contains("hunter2pw"), "{exported}");
    assert!(
        exported.contains("url: https://bot:***@hooks.example.com/desk?key=receiver-token"),
        "{exported}"
    );
    let document = desk.dir.path().join("desk.yaml");
    std::fs::write(&document, exported).unwrap();
    let refused = desk
        .cmd()
        .args(["apply", "-f"])
        .arg(&document)
        .env(
            "DESKCTL_DELIVERY_SECRET",
            "a-delivery-secret-of-32-characters",
        )
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&refused.get_output().stderr).into_owned();
    assert!(stderr.contains("user name or password"), "{stderr}");
    assert!(!stderr.contains("hunter2pw"), "{stderr}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_database_migrated_by_a_newer_deskctl_is_refused_and_left_alone() {
    let f = fixture!();
    let location = f.desk.location();
    f.store.close().await;
    f.other.close().await;
    // What a newer release would leave: a schema version this build does not know.
    let future = "INSERT INTO _sqlx_migrations \
         (version, description, success, checksum, execution_time) \
         VALUES (9999, 'from the future', true, X'00', 0)";
    match &location {
        deskctl::server::store::Location::Sqlite(path) => {
            let url = format!("sqlite://{}", path.display());
            let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
            sqlx::query(future).execute(&pool).await.unwrap();
            pool.close().await;
        }
        deskctl::server::store::Location::Postgres(_) => {
            let database = f.desk.database.as_ref().unwrap();
            database.sql(&future.replace("X'00'", "'\\x00'::bytea"));
        }
    }
    for open in [Open::Existing, Open::CreateIfMissing] {
        match Store::open(&location, open, crate::common::keys()).await {
            Err(StoreError::Incompatible(message)) => {
                assert!(message.contains("9999"), "{message}");
                assert!(message.contains("upgrade deskctl"), "{message}");
            }
            other => panic!("expected a refusal, got {:?}", other.map(|_| ())),
        }
    }
    // In-process commands are refused the same way (exit 1).
    f.desk
        .cmd()
        .args(["teams", "list"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("newer than this deskctl knows"));
}

#[tokio::test(flavor = "multi_thread")]
async fn secrets_are_sealed_in_the_database_and_open_only_with_their_key() {
    use deskctl::domain::workspace::DELIVERY_SECRET;
    use deskctl::server::sealing::{Key, Keys, is_sealed};
    use deskctl::server::store::Workspace;
    let f = fixture!();
    let secret = "whsec-3f9c0a1b2d4e5f60";
    store_delivery_secret_open(&f.store, secret).await;
    let location = f.desk.location();
    // Opened with a key at hand, the desk seals it.
    let store = Store::open(&location, Open::Existing, crate::common::keys())
        .await
        .unwrap();
    let raw = Workspace::read_workspace(&*store).await.unwrap();
    let sealed = raw.delivery.secret.clone().unwrap();
    assert!(is_sealed(&sealed) && !sealed.contains(secret), "{sealed}");
    let workspace = store.workspace().await.unwrap();
    assert_eq!(workspace.delivery.secret.as_deref(), Some(secret));
    let print = workspace.delivery_view().secret_fingerprint;
    assert_eq!(print, Some(store.keys().fingerprints().of(secret)));

    // A change to something else keeps the sealed value as it was.
    store
        .change_workspace(None, None, |snapshot| {
            snapshot.email.host = Some("smtp.example.com".into());
            snapshot.email.password = Some("smtp-password-1".into());
            Ok(())
        })
        .await
        .unwrap();
    let raw = Workspace::read_workspace(&*store).await.unwrap();
    assert_eq!(raw.delivery.secret.as_deref(), Some(sealed.as_str()));
    assert!(is_sealed(raw.email.password.as_deref().unwrap()));

    // Another key opens neither, yet the workspace reads: each secret stays
    // sealed, named with the key it needs and how to enter it again, and
    // fails only where it is used.
    let lost = Key::generate();
    let stranger = Store::open(&location, Open::Existing, Keys::given(vec![lost.clone()]))
        .await
        .unwrap();
    let id = sealed.split(':').nth(2).unwrap();
    let keyless = stranger.workspace().await.unwrap();
    assert_eq!(
        keyless.sealed_away.keys().collect::<Vec<_>>(),
        ["delivery.secret", "email.password"]
    );
    let why = keyless.unusable_secret(DELIVERY_SECRET).unwrap();
    assert!(
        why.contains(&format!("sealed with key {id}, which is not at hand"))
            && why.contains("`deskctl delivery set --secret-stdin`"),
        "{why}"
    );
    assert!(!why.contains(secret) && !why.contains("sealed:v1"), "{why}");
    assert_eq!(
        keyless.delivery_view().secret_unusable.as_deref(),
        Some(why)
    );
    let with_key = store.workspace().await.unwrap();
    assert!(with_key.sealed_away.is_empty());
    assert_eq!(with_key.delivery_view().secret_unusable, None);

    // A change to something else keeps them as they were; a rotation refuses
    // what it cannot open, and changes nothing.
    stranger
        .change_workspace(None, None, |snapshot| {
            snapshot.email.host = Some("mail.example.com".into());
            Ok(())
        })
        .await
        .unwrap();
    let kept = Workspace::read_workspace(&*stranger).await.unwrap();
    assert_eq!(kept.delivery.secret.as_deref(), Some(sealed.as_str()));
    assert_eq!(kept.email.password, raw.email.password);
    match stranger.reseal_secrets().await {
        Err(StoreError::Sealing(message)) => {
            assert!(message.contains(id), "{message}");
            assert!(!message.contains(secret), "{message}");
        }
        other => panic!("expected a sealing error, got {other:?}"),
    }
    assert_eq!(Workspace::read_workspace(&*stranger).await.unwrap(), kept);
    let after = store.workspace().await.unwrap();
    assert_eq!(after.email.password.as_deref(), Some("smtp-password-1"));
    assert_eq!(after.email.host.as_deref(), Some("mail.example.com"));

    // A rotation seals every secret under the new key, which alone then opens them.
    let new = Key::generate();
    let rotating = Store::open(
        &location,
        Open::Existing,
        Keys::given(vec![new.clone(), crate::common::keys_key()]),
    )
    .await
    .unwrap();
    assert_eq!(rotating.reseal_secrets().await.unwrap(), 2);
    let only_new = Store::open(&location, Open::Existing, Keys::given(vec![new.clone()]))
        .await
        .unwrap();
    let rotated = only_new.workspace().await.unwrap();
    assert_eq!(rotated.delivery.secret.as_deref(), Some(secret));
    assert_eq!(rotated.email.password.as_deref(), Some("smtp-password-1"));
    let raw = Workspace::read_workspace(&*only_new).await.unwrap();
    assert!(raw.delivery.secret.unwrap().contains(&new.id()));
    let old_key = Store::open(&location, Open::Existing, crate::common::keys())
        .await
        .unwrap();
    let retired = old_key.workspace().await.unwrap();
    assert_eq!(retired.sealed_away.len(), 2, "{:?}", retired.sealed_away);

    // Entered again without the key, a secret replaces the one no key opens;
    // one removed is gone. Sealed under the key at hand, it opens again.
    let entered = stranger
        .change_workspace(None, None, |snapshot| {
            snapshot.delivery.secret = Some("whsec-entered-again-0123".into());
            snapshot.email.password = None;
            Ok(())
        })
        .await
        .unwrap();
    assert!(entered.sealed_away.is_empty(), "{:?}", entered.sealed_away);
    assert_eq!(
        entered.delivery.secret.as_deref(),
        Some("whsec-entered-again-0123")
    );
    let raw = Workspace::read_workspace(&*stranger).await.unwrap();
    assert!(raw.delivery.secret.unwrap().contains(&lost.id()));
    assert_eq!(raw.email.password, None);
    for store in [store, stranger, rotating, only_new, old_key] {
        store.close().await;
    }
}

/// A secret no key at hand opens shows one fingerprint wherever it cannot
/// be opened: on replicas holding other keys or none, and after a restart
/// (a keyless process fingerprints with a key of its own, made anew each
/// time). It is a hash of the stored sealed value, set apart from the keyed
/// fingerprint of the secret itself, and changes when the secret is entered
/// again.
#[tokio::test(flavor = "multi_thread")]
async fn a_secret_no_key_opens_shows_one_fingerprint_on_every_replica() {
    use deskctl::server::sealing::{Key, Keys};
    use deskctl::server::store::Workspace;
    use sha2::Digest;
    let f = fixture!();
    store_delivery_secret_open(&f.store, "whsec-3f9c0a1b2d4e5f60").await;
    let location = f.desk.location();
    let with_key = Store::open(&location, Open::Existing, crate::common::keys())
        .await
        .unwrap();
    let other_key = Key::generate();
    let mut stores = Vec::new();
    for keys in [
        vec![other_key.clone()],
        vec![other_key],
        vec![Key::generate()],
        vec![],
        vec![],
    ] {
        let store = Store::open(&location, Open::Existing, Keys::given(keys));
        stores.push(store.await.unwrap());
    }
    async fn fingerprint(store: &Store) -> String {
        let workspace = store.workspace().await.unwrap();
        workspace.delivery_view().secret_fingerprint.unwrap()
    }
    async fn fingerprints(stores: &[Store]) -> Vec<String> {
        let mut prints = Vec::new();
        for store in stores {
            prints.push(fingerprint(store).await);
        }
        prints
    }

    let opened = fingerprint(&with_key).await;
    assert!(opened.starts_with("hmac:"), "{opened}");
    let sealed = Workspace::read_workspace(&*with_key)
        .await
        .unwrap()
        .delivery
        .secret
        .unwrap();
    let digest = sha2::Sha256::digest(sealed.as_bytes());
    let hex: String = digest[..6].iter().map(|b| format!("{b:02x}")).collect();
    let expected = format!("sealed-sha256:{hex}");
    assert_eq!(fingerprints(&stores).await, vec![expected.clone(); 5]);

    // Entered again, it is another sealed value: every one of them shows
    // the new one alike.
    with_key
        .change_workspace(None, None, |snapshot| {
            snapshot.delivery.secret = Some("whsec-entered-again-0123".into());
            Ok(())
        })
        .await
        .unwrap();
    assert_ne!(fingerprint(&with_key).await, opened);
    let again = fingerprints(&stores).await;
    assert_ne!(again[0], expected);
    assert!(again[0].starts_with("sealed-sha256:"), "{again:?}");
    assert!(again.iter().all(|print| *print == again[0]), "{again:?}");
    with_key.close().await;
    for store in stores {
        store.close().await;
    }
}

/// Stores `secret` as the delivery webhook's secret as an older deskctl did,
/// open: through the backend alone, which seals nothing.
async fn store_delivery_secret_open(store: &Store, secret: &str) {
    use deskctl::server::store::Workspace;
    let secret = secret.to_string();
    Workspace::change_workspace(
        &**store,
        None,
        Box::new(move |snapshot| {
            snapshot.delivery.url = Some("https://ai.example.com/desk/events".into());
            snapshot.delivery.secret = Some(secret);
            Ok(())
        }),
        Box::new(deskctl::domain::tickets::team_leaving_unmoved),
    )
    .await
    .unwrap();
}

/// A command seals secrets stored open at its first read of the workspace,
/// not when it opens the desk: one that never reads the workspace (`tickets
/// list`) does not read it for that alone.
#[tokio::test]
async fn a_command_seals_secrets_stored_open_when_it_first_reads_the_workspace() {
    use deskctl::server::sealing::is_sealed;
    use deskctl::server::store::Workspace;
    let f = fixture!();
    let secret = "whsec-5d6e7f8091a2b3c4";
    store_delivery_secret_open(&f.store, secret).await;
    let command =
        Store::open_for_command(&f.desk.location(), Open::Existing, crate::common::keys())
            .await
            .unwrap();
    let raw = Workspace::read_workspace(&*command).await.unwrap();
    assert_eq!(raw.delivery.secret.as_deref(), Some(secret));

    let workspace = command.workspace().await.unwrap();
    assert_eq!(workspace.delivery.secret.as_deref(), Some(secret));
    let raw = Workspace::read_workspace(&*command).await.unwrap();
    let sealed = raw.delivery.secret.unwrap();
    assert!(is_sealed(&sealed) && !sealed.contains(secret), "{sealed}");
    // Read again (cached or not), the secret opens as it was.
    let again = command.workspace().await.unwrap();
    assert_eq!(again.delivery.secret.as_deref(), Some(secret));
    command.close().await;
}

/// A one-command process (the CLI on its desk, one thread) keeps one
/// connection for everything it reads. sqlx hands a used connection back from
/// a task its drop spawns; on one thread the next read used to run first and
/// open another: on PostgreSQL every command started three backends.
#[tokio::test(flavor = "current_thread")]
async fn a_one_command_store_reads_on_one_connection() {
    let fixture = fixture!();
    let Some(database) = &fixture.desk.database else {
        // SQLite: src/server/store/sqlite's own test counts its pool.
        return;
    };
    let store = Store::open_for_command(
        &fixture.desk.location(),
        Open::Existing,
        crate::common::keys(),
    )
    .await
    .unwrap();
    store.workspace().await.unwrap();
    store.generation().await.unwrap();
    listed(&store, &everything()).await;
    listed(&store, &everything()).await;
    store.events_after(0, &Viewer::Everyone, 10).await.unwrap();
    // Other backends of this database: the fixture's two stores' and this
    // one's (the probe before its pool ends as it closes, not at once).
    let count = || {
        database
            .sql(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() \
                 AND backend_type = 'client backend' AND pid <> pg_backend_pid()",
            )
            .trim()
            .parse::<usize>()
            .unwrap()
    };
    fixture.store.close().await;
    fixture.other.close().await;
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    let mut open = count();
    while open > 1 && std::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
        open = count();
    }
    assert_eq!(
        open, 1,
        "backends left open by a one-command store after its reads"
    );
    store.close().await;
}

/// A desk an older deskctl wrote `--timezone EUROPE/BERLIN` to, as typed,
/// reads as the time zone database spells it: in the settings, in an export,
/// and in a plan against a document that spells it right, which is no change.
#[tokio::test(flavor = "multi_thread")]
async fn a_time_zone_stored_as_typed_reads_as_the_database_spells_it() {
    let Some(desk) = Desk::on(BACKEND) else {
        return;
    };
    desk.run(&[
        "hours",
        "set",
        "--enabled",
        "true",
        "--timezone",
        "Europe/Berlin",
    ]);
    match desk.location() {
        deskctl::server::store::Location::Sqlite(path) => {
            let url = format!("sqlite://{}", path.display());
            let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
            sqlx::query(
                "UPDATE settings SET value = replace(value, 'Europe/Berlin', 'EUROPE/BERLIN') \
                 WHERE name = 'business-hours'",
            )
            .execute(&pool)
            .await
            .unwrap();
            pool.close().await;
        }
        deskctl::server::store::Location::Postgres(_) => {
            desk.database.as_ref().unwrap().sql(
                "UPDATE settings \
                 SET value = replace(value::text, 'Europe/Berlin', 'EUROPE/BERLIN')::jsonb \
                 WHERE name = 'business-hours'",
            );
        }
    }
    let shown: serde_json::Value =
        serde_json::from_str(&desk.run(&["hours", "show", "-o", "json"])).unwrap();
    assert_eq!(shown["timezone"], "Europe/Berlin");
    let exported = desk.run(&["export"]);
    assert!(exported.contains("timezone: Europe/Berlin\n"), "{exported}");
    let document = desk.dir.path().join("desk.yaml");
    std::fs::write(&document, exported).unwrap();
    desk.cmd()
        .args(["diff", "-f"])
        .arg(&document)
        .assert()
        .code(0);
}
