//! Concurrent handoffs against a real `deskctl serve` (issue 4, item 7): hundreds
//! of production handoffs sent at once, with some of them sent twice with the same
//! idempotency key while the first is still in flight, once per assignment method.
//!
//! Checked from outside, through the API: every accepted handoff became exactly one
//! ticket and every ticket belongs to exactly one handoff, nothing was lost, ticket
//! numbers run 10001..=10000+N without gaps, replays answered the first handoff and
//! created nothing, and the assignment invariants hold (round-robin shares tickets
//! equally, balanced keeps open tickets within one and nobody over capacity, offline
//! operators and non-members get nothing).
//!
//! Nothing here waits on a clock: the counts are exact because the service records
//! each handoff in one write transaction that reads the team's assignment state.
//! The whole run is bounded by one timeout so a hang fails instead of stalling CI.

use super::BACKEND;
use crate::common;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use common::{Desk, Server};
use deskctl::api::{
    Channel, Environment, Handoff, HandoffOutcome, HandoffQuery, HandoffRequest, MessageRole,
    Requester, TicketDetail, TicketStatus, TranscriptMessage,
};
use deskctl::client::{Client, RetryPolicy, StreamItem};
use secrecy::SecretString;

/// Handoffs sent per run: divisible by every share the assertions compute.
const HANDOFFS: usize = 300;
/// Of those, the first `RACED` are sent twice at the same time with the same key,
/// and the next `REPLAYED` are sent again once everything was accepted.
const RACED: usize = 40;
const REPLAYED: usize = 40;
/// Concurrent clients, each with its own connections.
const CLIENTS: usize = 24;
/// A bound on the whole run, far above its normal duration: a hang fails the test.
const RUN_LIMIT: Duration = Duration::from_secs(180);
const FIRST_TICKET: u64 = 10001;

/// An operator of the test desk.
struct Op {
    handle: &'static str,
    online: bool,
    /// In the team the handoffs are routed to.
    member: bool,
    capacity: Option<u32>,
}

const fn op(handle: &'static str, online: bool, member: bool, capacity: Option<u32>) -> Op {
    Op {
        handle,
        online,
        member,
        capacity,
    }
}

/// The same operators for both methods: three online without a limit (equal), two
/// online with the same capacity, one offline member, and an online owner who is
/// not in the team (she reads the results back).
const OPERATORS: &[Op] = &[
    op("ann", true, true, None),
    op("ben", true, true, None),
    op("cat", true, true, None),
    op("dan", true, true, Some(15)),
    op("eve", true, true, Some(15)),
    op("olga", false, true, None),
    op("root", true, false, None),
];

/// A desk with the support team as the default team, the operators above, an agent
/// whose handover action goes to the inbox, and `method` as assignment method.
fn desk_for(desk: Desk, method: &str) -> Desk {
    desk.run(&["teams", "add", "support", "--name", "Support", "--default"]);
    for op in OPERATORS {
        let email = format!("{}@example.com", op.handle);
        let capacity = op.capacity.map(|c| c.to_string());
        let mut args = vec![
            "operators",
            "add",
            op.handle,
            "--name",
            op.handle,
            "--email",
            &email,
            "--availability",
            if op.online { "online" } else { "offline" },
        ];
        if op.member {
            args.extend(["--team", "support"]);
        }
        if op.handle == "root" {
            args.extend(["--role", "owner"]);
        }
        if let Some(capacity) = &capacity {
            args.extend(["--capacity", capacity]);
        }
        desk.run(&args);
    }
    desk.run(&["agents", "add", "shop", "--name", "Shop assistant"]);
    desk.run(&[
        "actions",
        "set",
        "shop",
        "--platform",
        "inbox",
        "--channel",
        "web",
    ]);
    desk.run(&["assignment", "set", "--method", method]);
    desk
}

/// Handoff `i`: its own customer and words, so no two requests are alike.
fn request(i: usize) -> HandoffRequest {
    HandoffRequest {
        agent: "shop".into(),
        environment: Environment::Production,
        channel: Channel::Web,
        requester: Some(Requester {
            name: Some(format!("Customer {i}")),
            email: Some(format!("customer-{i}@example.com")),
            external_id: Some(format!("user-{i}")),
            phone: None,
        }),
        transcript: vec![
            TranscriptMessage {
                role: MessageRole::Customer,
                text: format!("Order {i} never arrived."),
                at: None,
            },
            TranscriptMessage {
                role: MessageRole::Ai,
                text: "Let me look into that.".into(),
                at: None,
            },
            TranscriptMessage {
                role: MessageRole::Customer,
                text: "A person, please.".into(),
                at: None,
            },
        ],
        context: BTreeMap::from([("order-id".to_string(), serde_json::json!(i.to_string()))]),
        reason: Some("explicit-request".into()),
        summary: None,
    }
}

fn key(i: usize) -> String {
    format!("load-{i:04}")
}

/// What one send got back.
#[derive(Debug, Clone)]
struct Sent {
    index: usize,
    handoff: Handoff,
    replayed: bool,
    latency: Duration,
}

fn client(url: &str, token: &str) -> Client {
    // No retries: a request the service fails must fail the test, and a retried
    // send would answer 200 (replayed) for a handoff this client created.
    Client::http(url, Some(SecretString::from(token.to_string())))
        .unwrap()
        .with_retry(RetryPolicy {
            max_retries: 0,
            ..RetryPolicy::default()
        })
}

/// Sends `jobs` (handoff indexes, repeats allowed) from `CLIENTS` concurrent
/// clients pulling from one queue, so neighbouring jobs are in flight together.
async fn send_all(url: &str, token: &str, jobs: Vec<usize>) -> Vec<Sent> {
    let jobs = Arc::new(jobs);
    let next = Arc::new(AtomicUsize::new(0));
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..CLIENTS {
        let (jobs, next) = (jobs.clone(), next.clone());
        let client = client(url, token);
        tasks.spawn(async move {
            let mut sent = Vec::new();
            loop {
                let slot = next.fetch_add(1, Ordering::Relaxed);
                let Some(&index) = jobs.get(slot) else {
                    return sent;
                };
                let start = Instant::now();
                let (handoff, replayed) = client
                    .send_handoff(&request(index), &key(index), 0)
                    .await
                    .unwrap_or_else(|e| panic!("handoff {index} failed: {e:?}"));
                sent.push(Sent {
                    index,
                    handoff,
                    replayed,
                    latency: start.elapsed(),
                });
            }
        });
    }
    let mut all = Vec::new();
    while let Some(result) = tasks.join_next().await {
        all.extend(result.expect("a sending task panicked"));
    }
    all
}

/// Every event from the first through `last`, by id, with when it happened.
async fn events_through(client: &Client, last: u64) -> BTreeMap<u64, jiff::Timestamp> {
    let mut stream = client
        .events(Some(0))
        .await
        .expect("the event stream opens");
    let mut events = BTreeMap::new();
    while events.last_key_value().is_none_or(|(&id, _)| id < last) {
        if let StreamItem::Event(event) = stream.next().await.expect("the event stream reads") {
            events.insert(event.id, event.at);
        }
    }
    events
}

/// Every recorded handoff, through the paginated list.
async fn all_handoffs(client: &Client) -> Vec<Handoff> {
    let mut all = Vec::new();
    let mut cursor = None;
    loop {
        let page = client
            .list_handoffs(&HandoffQuery {
                limit: Some(500),
                cursor: cursor.take(),
                ..HandoffQuery::default()
            })
            .await
            .expect("list handoffs");
        all.extend(page.items);
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => return all,
        }
    }
}

/// Tickets `FIRST_TICKET..FIRST_TICKET + count`, read concurrently.
async fn tickets(url: &str, token: &str, count: usize) -> Vec<TicketDetail> {
    let reader = Arc::new(client(url, token));
    let mut tasks = tokio::task::JoinSet::new();
    let numbers: Vec<u64> = (FIRST_TICKET..FIRST_TICKET + count as u64).collect();
    for chunk in numbers.chunks(count.div_ceil(8)) {
        let (reader, chunk) = (reader.clone(), chunk.to_vec());
        tasks.spawn(async move {
            let mut details = Vec::new();
            for number in chunk {
                details.push(
                    reader
                        .get_ticket(number)
                        .await
                        .unwrap_or_else(|e| panic!("ticket {number} is missing: {e:?}")),
                );
            }
            details
        });
    }
    let mut all = Vec::new();
    while let Some(result) = tasks.join_next().await {
        all.extend(result.expect("a reading task panicked"));
    }
    all.sort_by_key(|d| d.ticket.number);
    all
}

/// Open tickets per handle, every operator listed (zero included).
fn open_per_operator(tickets: &[TicketDetail]) -> BTreeMap<&'static str, u32> {
    let mut counts: BTreeMap<&'static str, u32> = OPERATORS.iter().map(|o| (o.handle, 0)).collect();
    for detail in tickets {
        let assignee = detail
            .ticket
            .assignee
            .as_deref()
            .unwrap_or_else(|| panic!("ticket {} is unassigned", detail.ticket.number));
        let count = counts
            .get_mut(assignee)
            .unwrap_or_else(|| panic!("ticket assigned to unknown operator {assignee}"));
        assert_eq!(detail.ticket.status, TicketStatus::Open);
        *count += 1;
    }
    counts
}

/// Sends the load to a desk using `method` and checks everything that must hold
/// whatever the method; returns the open tickets per operator (`None`: skipped,
/// no PostgreSQL outside CI).
fn run_load(method: &str) -> Option<BTreeMap<&'static str, u32>> {
    let desk = desk_for(Desk::on(BACKEND)?, method);
    let ingest = desk
        .run(&["tokens", "create", "--ingest", "--name", "load"])
        .trim()
        .to_string();
    let owner = desk.token("root");
    let server = desk.serve();
    let url = server.url.clone();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let started = Instant::now();
    let counts = runtime.block_on(async {
        tokio::time::timeout(RUN_LIMIT, check_load(&url, &ingest, &owner))
            .await
            .unwrap_or_else(|_| {
                panic!(
                    "{method}: the load did not finish within {RUN_LIMIT:?}; server log:\n{}",
                    server.log()
                )
            })
    });
    eprintln!(
        "{method}: {HANDOFFS} handoffs (+{RACED} raced, +{REPLAYED} replayed) from {CLIENTS} \
         clients, checked in {:.2?}; open tickets {counts:?}",
        started.elapsed()
    );
    assert_eq!(server.terminate(), Some(0), "serve stops cleanly");
    Some(counts)
}

async fn check_load(url: &str, ingest: &str, owner: &str) -> BTreeMap<&'static str, u32> {
    // Handoff i, and right behind it for the first RACED its twin with the same key:
    // two clients pick them up one after the other and race.
    let mut jobs = Vec::with_capacity(HANDOFFS + RACED);
    for index in 0..HANDOFFS {
        jobs.push(index);
        if index < RACED {
            jobs.push(index);
        }
    }
    let sending = Instant::now();
    let sent = send_all(url, ingest, jobs).await;
    assert_eq!(sent.len(), HANDOFFS + RACED);
    eprintln!(
        "sent {} handoffs in {:.2?}, the slowest answered in {:.2?}",
        sent.len(),
        sending.elapsed(),
        sent.iter().map(|s| s.latency).max().unwrap_or_default()
    );

    // Per handoff index: one handoff id; exactly one send created it.
    let mut by_index: BTreeMap<usize, Vec<&Sent>> = BTreeMap::new();
    for s in &sent {
        by_index.entry(s.index).or_default().push(s);
    }
    assert_eq!(by_index.len(), HANDOFFS);
    let mut accepted: BTreeMap<usize, &Handoff> = BTreeMap::new();
    for (index, sends) in &by_index {
        let ids: BTreeSet<&str> = sends.iter().map(|s| s.handoff.id.as_str()).collect();
        assert_eq!(
            ids.len(),
            1,
            "handoff {index}: one key gave several handoffs {ids:?}"
        );
        let created: Vec<&&Sent> = sends.iter().filter(|s| !s.replayed).collect();
        assert_eq!(
            created.len(),
            1,
            "handoff {index}: {} of {} sends created it",
            created.len(),
            sends.len()
        );
        let first = &created[0].handoff;
        for s in sends {
            assert_eq!(s.handoff.ticket, first.ticket, "handoff {index}: replay");
        }
        assert_eq!(first.idempotency_key.as_deref(), Some(key(*index).as_str()));
        assert_eq!(first.outcome, HandoffOutcome::Ticket);
        assert_eq!(first.request, request(*index));
        accepted.insert(*index, first);
    }

    // Sent again after the fact: the first answer, nothing new.
    let replays = send_all(url, ingest, (RACED..RACED + REPLAYED).collect()).await;
    for replay in &replays {
        let first = accepted[&replay.index];
        assert!(
            replay.replayed,
            "handoff {} was created twice",
            replay.index
        );
        assert_eq!(replay.handoff.id, first.id);
        assert_eq!(replay.handoff.ticket, first.ticket);
    }

    // The answers: one ticket per handoff, numbers 10001..=10000+N.
    let last_ticket = FIRST_TICKET + HANDOFFS as u64 - 1;
    let ticket_of: BTreeMap<&str, u64> = accepted
        .values()
        .map(|h| {
            let ticket = h
                .ticket
                .unwrap_or_else(|| panic!("handoff {} has no ticket", h.id));
            (h.id.as_str(), ticket)
        })
        .collect();
    assert_eq!(ticket_of.len(), HANDOFFS, "handoff ids are unique");
    let numbers: BTreeSet<u64> = ticket_of.values().copied().collect();
    assert_eq!(
        numbers,
        (FIRST_TICKET..=last_ticket).collect::<BTreeSet<_>>(),
        "ticket numbers are unique and gap-free"
    );

    // What the service recorded agrees with what it answered.
    let reader = client(url, owner);
    let recorded = all_handoffs(&reader).await;
    assert_eq!(recorded.len(), HANDOFFS, "no handoff lost, none extra");
    let recorded_map: BTreeMap<&str, Option<u64>> =
        recorded.iter().map(|h| (h.id.as_str(), h.ticket)).collect();
    assert_eq!(recorded_map.len(), HANDOFFS, "listed handoffs are distinct");
    for (id, ticket) in &ticket_of {
        assert_eq!(recorded_map.get(id), Some(&Some(*ticket)), "handoff {id}");
    }

    // Each ticket points back at its one handoff and holds its assignment.
    let details = tickets(url, owner, HANDOFFS).await;
    let handoff_of: BTreeMap<u64, &str> = ticket_of.iter().map(|(id, n)| (*n, *id)).collect();
    for detail in &details {
        let ticket = &detail.ticket;
        assert_eq!(
            ticket.handoff.as_deref(),
            Some(handoff_of[&ticket.number]),
            "ticket {} belongs to another handoff",
            ticket.number
        );
        let handoff = accepted
            .values()
            .find(|h| h.ticket == Some(ticket.number))
            .unwrap();
        assert_eq!(ticket.assignee, handoff.decision.assignee.value);
        // The timeline ends with the assignment, naming the assignee.
        let assigned = detail.timeline.last().expect("a timeline");
        assert_eq!(assigned.event.as_deref(), Some("assigned"));
        let handle = ticket.assignee.as_deref().unwrap_or_default();
        assert!(
            assigned
                .body
                .as_deref()
                .unwrap_or_default()
                .contains(handle),
            "ticket {}: {assigned:?}",
            ticket.number
        );
    }
    let beyond = reader.get_ticket(last_ticket + 1).await;
    assert_eq!(
        beyond.err().and_then(|e| e.status()),
        Some(http::StatusCode::NOT_FOUND),
        "no ticket beyond {last_ticket}"
    );

    let counts = open_per_operator(&details);
    for op in OPERATORS {
        if let Some(capacity) = op.capacity {
            assert!(counts[op.handle] <= capacity, "{} over capacity", op.handle);
        }
        if !op.online || !op.member {
            assert_eq!(counts[op.handle], 0, "{} may not be assigned", op.handle);
        }
    }
    counts
}

/// The operators who are online, in the team and without a capacity limit.
fn unlimited() -> impl Iterator<Item = &'static Op> {
    OPERATORS
        .iter()
        .filter(|o| o.online && o.member && o.capacity.is_none())
}

fn capped() -> impl Iterator<Item = &'static Op> {
    OPERATORS
        .iter()
        .filter(|o| o.online && o.member && o.capacity.is_some())
}

#[test]
fn concurrent_handoffs_with_balanced_assignment() {
    let Some(counts) = run_load("balanced") else {
        return;
    };
    // The fewest open tickets first: the capped operators fill up to their capacity
    // (N is far above it), the others share the rest within one ticket.
    for op in capped() {
        assert_eq!(Some(counts[op.handle]), op.capacity, "{}", op.handle);
    }
    let shares: Vec<u32> = unlimited().map(|o| counts[o.handle]).collect();
    let (min, max) = (shares.iter().min().unwrap(), shares.iter().max().unwrap());
    assert!(max - min <= 1, "balanced spread {counts:?}");
}

#[test]
fn concurrent_handoffs_with_round_robin_assignment() {
    let Some(counts) = run_load("round-robin") else {
        return;
    };
    // Strict rotation over the five available operators until the capped two are
    // full (each then has their capacity), then over the other three: everyone
    // without a limit ends with exactly the same share.
    let capped_total: u32 = capped().map(|o| o.capacity.unwrap()).sum();
    let open_slots = HANDOFFS as u32 - capped_total;
    let sharers = unlimited().count() as u32;
    assert_eq!(open_slots % sharers, 0, "choose N so the shares are whole");
    for op in capped() {
        assert_eq!(Some(counts[op.handle]), op.capacity, "{}", op.handle);
    }
    for op in unlimited() {
        assert_eq!(
            counts[op.handle],
            open_slots / sharers,
            "round-robin shares {counts:?}"
        );
    }
}

/// The most handoffs the burst `kill -9` interrupts would send (the clients
/// send until the service is gone, however fast it is), and how many answers
/// the kill waits for.
const BURST: usize = 20_000;
const KILL_AFTER: usize = 120;

/// `kill -9` in the middle of a burst of handoffs (group commit in full
/// swing): every handoff answered 2xx survives with the ticket it was answered
/// with, and sending every key again once the service is back gives each key
/// exactly one ticket, numbered without gaps.
#[test]
fn a_kill_in_the_middle_of_a_burst_loses_no_acknowledged_handoff() {
    let Some(desk) = Desk::on(BACKEND) else {
        return;
    };
    let desk = desk_for(desk, "balanced");
    crash_in_a_burst(&desk, Server::kill, |_| desk.serve());
}

/// The same as [`a_kill_in_the_middle_of_a_burst_loses_no_acknowledged_handoff`]
/// with PostgreSQL itself crashing (`pg_ctl stop -m immediate`) in the middle
/// of the burst, and the same `serve` answering once it is back. A handoff
/// batch's `COMMIT` returns before its WAL is flushed; its answers wait for
/// the flush, so none answered 2xx is lost with what PostgreSQL had not
/// written. (On SQLite the database dies with the process: the test above.)
#[test]
fn a_postgres_crash_in_the_middle_of_a_burst_loses_no_acknowledged_handoff() {
    let Some((cluster, desk)) = Desk::crashable(BACKEND) else {
        return;
    };
    let desk = desk_for(desk, "balanced");
    crash_in_a_burst(
        &desk,
        |_| cluster.crash(),
        |server| {
            cluster.restart();
            server
        },
    );
    // And in SQL, on the recovered cluster: no handoff without its ticket.
    let orphans = desk.database.as_ref().unwrap().sql(
        "SELECT count(*) FROM handoffs h LEFT JOIN tickets t ON t.number = h.ticket_number \
         WHERE t.number IS NULL",
    );
    assert_eq!(orphans.trim(), "0", "handoffs without their ticket");
}

/// Sends a burst of handoffs from `CLIENTS` clients; once `KILL_AFTER` are
/// answered, `crash` runs on the server, and each client stops at its first
/// failure. Then `recover` gives the server to send to again, every key sent
/// is sent again, and the checks run: every handoff answered before the crash
/// is replayed with its ticket, each key has one ticket, the numbers have
/// no gaps, and every event the stream gave before the crash is still there,
/// the same, after it: none was handed out before it was durable.
fn crash_in_a_burst(
    desk: &Desk,
    crash: impl FnOnce(&mut Server),
    recover: impl FnOnce(Server) -> Server,
) {
    let ingest = desk
        .run(&["tokens", "create", "--ingest", "--name", "load"])
        .trim()
        .to_string();
    let owner_token = desk.token("root");
    let mut server = desk.serve();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    // The event stream, read from the start while the burst runs.
    let streamed = Arc::new(std::sync::Mutex::new(Vec::new()));
    let reader = {
        let (owner, streamed) = (client(&server.url, &owner_token), streamed.clone());
        runtime.spawn(async move {
            let mut stream = owner.events(Some(0)).await.expect("the event stream opens");
            while let Ok(item) = stream.next().await {
                match item {
                    StreamItem::Event(event) => streamed.lock().unwrap().push((event.id, event.at)),
                    StreamItem::Disconnected { .. } => return,
                    _ => {}
                }
            }
        })
    };
    let answered = Arc::new(AtomicUsize::new(0));
    let next = Arc::new(AtomicUsize::new(0));
    let mut senders = Vec::new();
    for _ in 0..CLIENTS {
        let (answered, next) = (answered.clone(), next.clone());
        let client = client(&server.url, &ingest);
        senders.push(runtime.spawn(async move {
            let mut acknowledged = Vec::new();
            loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                if index >= BURST {
                    return acknowledged;
                }
                match client.send_handoff(&request(index), &key(index), 0).await {
                    Ok((handoff, _)) => {
                        answered.fetch_add(1, Ordering::Relaxed);
                        acknowledged.push((index, handoff.ticket.expect("an inbox ticket")));
                    }
                    // The service is gone: this handoff's fate is unknown.
                    Err(_) => return acknowledged,
                }
            }
        }));
    }
    let deadline = Instant::now() + RUN_LIMIT;
    while answered.load(Ordering::Relaxed) < KILL_AFTER {
        assert!(
            Instant::now() < deadline,
            "the burst stalled; server log:\n{}",
            server.log()
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    crash(&mut server);
    reader.abort();
    let streamed = std::mem::take(&mut *streamed.lock().unwrap());
    let acknowledged: BTreeMap<usize, u64> = runtime.block_on(async {
        let mut all = BTreeMap::new();
        for sender in senders {
            all.extend(sender.await.unwrap());
        }
        all
    });
    assert!(acknowledged.len() >= KILL_AFTER, "{}", acknowledged.len());
    assert!(
        acknowledged.len() < BURST,
        "the kill came after the burst ended: nothing was in flight"
    );

    // Back up: every key sent again, acknowledged or not.
    let sent = next.load(Ordering::Relaxed).min(BURST);
    let server = recover(server);
    let resent = runtime.block_on(send_all(&server.url, &ingest, (0..sent).collect()));
    let mut numbers = BTreeSet::new();
    for sent in &resent {
        let number = sent.handoff.ticket.expect("an inbox ticket");
        assert!(numbers.insert(number), "ticket {number} answered twice");
        if let Some(&first) = acknowledged.get(&sent.index) {
            assert!(
                sent.replayed,
                "handoff {} was acknowledged before the crash, and is new after it",
                sent.index
            );
            assert_eq!(number, first, "handoff {} changed ticket", sent.index);
        }
    }
    let expected: BTreeSet<u64> = (FIRST_TICKET..FIRST_TICKET + sent as u64).collect();
    assert_eq!(
        numbers, expected,
        "one ticket per key, numbered without gaps"
    );
    let owner = client(&server.url, &owner_token);
    let stored = runtime.block_on(all_handoffs(&owner));
    assert_eq!(stored.len(), sent, "one handoff per key");
    assert!(
        !streamed.is_empty(),
        "the stream gave nothing before the crash"
    );
    let kept = runtime.block_on(events_through(&owner, streamed.last().unwrap().0));
    for (id, at) in &streamed {
        assert_eq!(
            kept.get(id),
            Some(at),
            "event {id} was streamed before the crash and is not the same after it"
        );
    }
    assert_eq!(server.terminate(), Some(0), "serve stops cleanly");
}
