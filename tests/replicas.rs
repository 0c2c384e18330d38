//! Three `deskctl serve` replicas on one PostgreSQL behave as one service
//! (issue 11, item 6): 1,000 handoffs from 32 concurrent clients spread over
//! the three, some keys sent to two replicas at once, takeovers that queue
//! signed webhooks to a receiver in this test, and `kill -9` of one replica in
//! the middle of the load. Then, in SQL: every handoff answered 2xx is there
//! once with the ticket it was answered with, ticket numbers run from 10001
//! without gaps, nobody is over capacity, no ticket was assigned twice, each
//! key made one ticket, and every webhook was delivered — the dead replica's
//! leased one by a survivor once its lease ran out.
//!
//! The receiver holds every webhook request until the kill, so each replica's
//! delivery worker is in the middle of an attempt, holding a lease, when the
//! replica dies. Waits end on events; one bound on the whole run turns a hang
//! into a failure. The replicas hold deliveries for `--delivery-lease 60` (an
//! attempt is cut short at half that, the default 30 s), so the dead replica's
//! message passes on a minute after it was claimed.

use crate::common::{Backend, Desk, Server, postgres::Database, wait_until};

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use deskctl::api::{
    Channel, Environment, HandoffRequest, MessageRole, Requester, TranscriptMessage,
};
use deskctl::client::{Client, RetryPolicy};
use secrecy::SecretString;

const HANDOFFS: usize = 1000;
const CLIENTS: usize = 32;
const REPLICAS: usize = 3;
/// The first `TWICE` handoffs go to two replicas at once with the same key.
const TWICE: usize = 64;
/// Every `TAKEOVER_EVERY`th ticket is taken over, which queues a webhook.
const TAKEOVER_EVERY: usize = 4;
/// Eight operators with this capacity: far fewer slots than handoffs.
const OPERATORS: usize = 8;
const CAPACITY: usize = 40;
/// The replica killed, once this many handoffs are answered.
const VICTIM: usize = 0;
const KILL_AFTER: usize = HANDOFFS / 2;
/// How long a replica holds a message it is sending.
const LEASE: &str = "60";
/// Everything, the lapsed lease included, within this.
const RUN_LIMIT: Duration = Duration::from_secs(420);

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
        transcript: vec![TranscriptMessage {
            role: MessageRole::Customer,
            text: format!("Order {i} never arrived; a person, please."),
            at: None,
        }],
        context: Default::default(),
        reason: Some("explicit-request".into()),
        summary: None,
    }
}

fn key(i: usize) -> String {
    format!("replica-{i:04}")
}

fn client(url: &str, token: &str) -> Client {
    // No retries inside the client: this test fails over to another replica
    // itself, with the same key, as a load balancer's client would.
    Client::http(url, Some(SecretString::from(token.to_string())))
        .unwrap()
        .with_retry(RetryPolicy {
            max_retries: 0,
            ..RetryPolicy::default()
        })
}

/// The platform's webhook endpoint: counts each message id it is sent, and
/// holds every request while `held` is set.
struct Receiver {
    url: String,
    hits: Arc<std::sync::Mutex<BTreeMap<String, usize>>>,
    waiting: Arc<AtomicUsize>,
    release: tokio::sync::watch::Sender<bool>,
    _thread: std::thread::JoinHandle<()>,
}

impl Receiver {
    fn start() -> Receiver {
        use axum::extract::State;
        use axum::http::StatusCode;

        type Shared = (
            Arc<std::sync::Mutex<BTreeMap<String, usize>>>,
            Arc<AtomicUsize>,
            tokio::sync::watch::Receiver<bool>,
        );
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let url = format!("http://{}/desk/events", listener.local_addr().unwrap());
        let hits = Arc::new(std::sync::Mutex::new(BTreeMap::new()));
        let waiting = Arc::new(AtomicUsize::new(0));
        let (release, released) = tokio::sync::watch::channel(false);
        let state: Shared = (hits.clone(), waiting.clone(), released);
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                async fn hook(State(state): State<Shared>, body: String) -> StatusCode {
                    let (hits, waiting, mut released) = state;
                    let id = serde_json::from_str::<serde_json::Value>(&body)
                        .ok()
                        .and_then(|v| v["id"].as_str().map(str::to_string))
                        .unwrap_or_default();
                    *hits.lock().unwrap().entry(id).or_default() += 1;
                    // Counted while held; a sender that gives up (or dies)
                    // drops this request, and the guard with it.
                    let _held = Held::new(waiting);
                    let _ = released.wait_for(|released| *released).await;
                    StatusCode::NO_CONTENT
                }
                let app = axum::Router::new()
                    .route("/desk/events", axum::routing::post(hook))
                    .with_state(state);
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                axum::serve(listener, app).await.unwrap();
            });
        });
        Receiver {
            url,
            hits,
            waiting,
            release,
            _thread: thread,
        }
    }
}

/// A request held at the receiver, counted while it waits.
struct Held(Arc<AtomicUsize>);

impl Held {
    fn new(count: Arc<AtomicUsize>) -> Held {
        count.fetch_add(1, Ordering::SeqCst);
        Held(count)
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// The desk: team support of eight operators with capacity 40, balanced
/// assignment, an owner outside the team, agent shop on web to the inbox, and
/// the delivery webhook pointed at `receiver`.
fn set_up(desk: &Desk, receiver: &Receiver) {
    desk.run(&["teams", "add", "support", "--name", "Support", "--default"]);
    for n in 0..OPERATORS {
        let handle = format!("op{n}");
        desk.run(&[
            "operators",
            "add",
            &handle,
            "--name",
            &handle,
            "--email",
            &format!("{handle}@example.com"),
            "--team",
            "support",
            "--availability",
            "online",
            "--capacity",
            &CAPACITY.to_string(),
        ]);
    }
    desk.run(&[
        "operators",
        "add",
        "root",
        "--name",
        "Root",
        "--email",
        "root@example.com",
        "--role",
        "owner",
    ]);
    desk.run(&["agents", "add", "shop", "--name", "Shop"]);
    desk.run(&[
        "actions",
        "set",
        "shop",
        "--platform",
        "inbox",
        "--channel",
        "web",
    ]);
    desk.run(&["assignment", "set", "--method", "balanced"]);
    desk.cmd()
        .args(["delivery", "set", "--url", &receiver.url, "--secret-stdin"])
        .write_stdin("a-webhook-secret-of-enough-length-0123\n")
        .assert()
        .success();
}

/// What the clients saw: each key's ticket, as answered (2xx) by any replica.
#[derive(Default)]
struct Answers {
    tickets: std::sync::Mutex<BTreeMap<String, Vec<u64>>>,
    answered: AtomicUsize,
    taken_over: AtomicUsize,
}

/// Sends handoff `i` to `first`, failing over to the next live replica with
/// the same key when one does not answer; returns the ticket and the replica.
async fn send(
    replicas: &[Client],
    dead: &AtomicBool,
    first: usize,
    i: usize,
) -> Option<(u64, usize)> {
    for attempt in 0..REPLICAS {
        let replica = (first + attempt) % REPLICAS;
        if replica == VICTIM && dead.load(Ordering::SeqCst) {
            continue;
        }
        match replicas[replica]
            .send_handoff(&request(i), &key(i), 0)
            .await
        {
            Ok((handoff, _)) => return Some((handoff.ticket.expect("an inbox ticket"), replica)),
            // The victim, killed mid-request: try the next one.
            Err(_) if replica == VICTIM => {}
            Err(error) => panic!("handoff {i} on replica {replica}: {error:?}"),
        }
    }
    None
}

async fn load(
    urls: Vec<String>,
    ingest: String,
    owner: String,
    answers: Arc<Answers>,
    dead: Arc<AtomicBool>,
) {
    let next = Arc::new(AtomicUsize::new(0));
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..CLIENTS {
        let ingest: Vec<Client> = urls.iter().map(|u| client(u, &ingest)).collect();
        let owners: Vec<Client> = urls.iter().map(|u| client(u, &owner)).collect();
        let (next, answers, dead) = (next.clone(), answers.clone(), dead.clone());
        tasks.spawn(async move {
            loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                if i >= HANDOFFS {
                    return;
                }
                let first = i % REPLICAS;
                let answered = if i < TWICE {
                    // The same key at two replicas at once.
                    let (a, b) = tokio::join!(
                        send(&ingest, &dead, first, i),
                        send(&ingest, &dead, first + 1, i)
                    );
                    [a, b].into_iter().flatten().collect::<Vec<_>>()
                } else {
                    send(&ingest, &dead, first, i).await.into_iter().collect()
                };
                for (ticket, _) in &answered {
                    answers
                        .tickets
                        .lock()
                        .unwrap()
                        .entry(key(i))
                        .or_default()
                        .push(*ticket);
                }
                answers.answered.fetch_add(1, Ordering::SeqCst);
                if let Some(&(ticket, replica)) = answered.first()
                    && i % TAKEOVER_EVERY == 0
                {
                    for attempt in 0..REPLICAS {
                        let replica = (replica + attempt) % REPLICAS;
                        if replica == VICTIM && dead.load(Ordering::SeqCst) {
                            continue;
                        }
                        match owners[replica].takeover_ticket(ticket).await {
                            Ok(_) => {
                                answers.taken_over.fetch_add(1, Ordering::SeqCst);
                                break;
                            }
                            Err(_) if replica == VICTIM => {}
                            // The victim took it over and died before answering.
                            Err(error) if format!("{error:?}").contains("already_taken_over") => {
                                answers.taken_over.fetch_add(1, Ordering::SeqCst);
                                break;
                            }
                            Err(error) => panic!("takeover of {ticket}: {error:?}"),
                        }
                    }
                }
            }
        });
    }
    while let Some(result) = tasks.join_next().await {
        result.expect("a client panicked");
    }
}

/// One number from a psql answer.
fn number(db: &Database, sql: &str) -> i64 {
    let answer = db.sql(sql);
    answer
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("{sql}: {answer:?}"))
}

fn rows(db: &Database, sql: &str) -> Vec<Vec<String>> {
    db.sql(sql)
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| l.split('|').map(str::to_string).collect())
        .collect()
}

#[test]
fn three_replicas_on_one_postgres_behave_as_one_service_through_a_crash() {
    let Some(desk) = Desk::on(Backend::Postgres) else {
        return;
    };
    let db = desk.database.as_ref().unwrap();
    let receiver = Receiver::start();
    set_up(&desk, &receiver);
    let ingest = desk
        .run(&["tokens", "create", "--ingest", "--name", "load"])
        .trim()
        .to_string();
    let owner = desk.token("root");
    let mut servers: Vec<Server> = (0..REPLICAS)
        // One worker each, so that a webhook held at the receiver per replica
        // means the victim dies holding one.
        .map(|n| {
            desk.serve_named(
                &format!("replica-{n}"),
                &["--delivery-lease", LEASE, "--delivery-workers", "1"],
            )
        })
        .collect();
    let urls: Vec<String> = servers.iter().map(|s| s.url.clone()).collect();

    let answers = Arc::new(Answers::default());
    let dead = Arc::new(AtomicBool::new(false));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let started = std::time::Instant::now();
    let loading = runtime.spawn(load(urls, ingest, owner, answers.clone(), dead.clone()));

    // Mid-load, with every replica's worker holding a webhook (and its lease)
    // at the receiver: note who holds which message, and kill the victim.
    wait_until(
        "half of the handoffs and a held webhook per replica",
        RUN_LIMIT,
        || {
            (answers.answered.load(Ordering::SeqCst) >= KILL_AFTER
                && receiver.waiting.load(Ordering::SeqCst) >= REPLICAS)
                .then_some(())
        },
    );
    let leased = rows(
        db,
        "SELECT id, lease_owner FROM outbox WHERE state = 'pending' AND lease_owner IS NOT NULL",
    );
    dead.store(true, Ordering::SeqCst);
    servers[VICTIM].kill();
    receiver.release.send_replace(true);
    let owners: BTreeSet<&String> = leased.iter().map(|r| &r[1]).collect();
    assert_eq!(
        owners.len(),
        REPLICAS,
        "one lease per replica's worker: {leased:?}"
    );

    runtime.block_on(async {
        tokio::time::timeout(RUN_LIMIT, loading)
            .await
            .expect("the load finished in time")
            .expect("the load did not panic")
    });
    let answered = answers.answered.load(Ordering::SeqCst);
    assert_eq!(
        answered, HANDOFFS,
        "every handoff was answered by some replica"
    );

    // The survivors finished their held attempts; what the victim held stays
    // leased to it until the lease runs out.
    let victims = wait_until("the survivors to settle what they held", RUN_LIMIT, || {
        let still: Vec<String> = leased
            .iter()
            .filter(|r| {
                number(
                    db,
                    &format!(
                        "SELECT count(*) FROM outbox WHERE id = {} AND state = 'pending' \
                         AND lease_owner = '{}'",
                        r[0], r[1]
                    ),
                ) == 1
            })
            .map(|r| r[0].clone())
            .collect();
        (still.len() == 1).then_some(still)
    });

    // Every message is delivered in the end, the victim's included.
    let queued = number(db, "SELECT count(*) FROM outbox");
    assert_eq!(queued as usize, answers.taken_over.load(Ordering::SeqCst));
    wait_until("every webhook delivered", RUN_LIMIT, || {
        (number(db, "SELECT count(*) FROM outbox WHERE state <> 'delivered'") == 0).then_some(())
    });
    for id in &victims {
        let attempts = number(db, &format!("SELECT attempts FROM outbox WHERE id = {id}"));
        assert!(
            attempts >= 2,
            "message {id}: the victim's attempt and a survivor's"
        );
    }
    let delivered_ids: BTreeSet<String> = rows(db, "SELECT payload::jsonb->>'id' FROM outbox")
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    let hits = receiver.hits.lock().unwrap().clone();
    for id in &delivered_ids {
        assert!(
            hits.contains_key(id),
            "message {id} never reached the receiver"
        );
    }

    // Every handoff answered 2xx is there once, with the ticket it answered.
    let stored: BTreeMap<String, u64> = rows(
        db,
        "SELECT idempotency_key, ticket_number FROM handoffs WHERE idempotency_key LIKE 'replica-%'",
    )
    .into_iter()
    .map(|r| (r[0].clone(), r[1].parse().unwrap()))
    .collect();
    let seen = answers.tickets.lock().unwrap().clone();
    assert_eq!(seen.len(), HANDOFFS);
    for (key, tickets) in &seen {
        assert!(
            tickets.iter().all(|t| Some(t) == stored.get(key)),
            "{key}: answered {tickets:?}, stored {:?}",
            stored.get(key)
        );
    }
    assert_eq!(
        number(
            db,
            "SELECT count(*) - count(DISTINCT idempotency_key) FROM handoffs"
        ),
        0
    );
    // Numbers run from 10001 without gaps; a handoff per ticket.
    let tickets = number(db, "SELECT count(*) FROM tickets");
    assert_eq!(tickets as usize, stored.len());
    assert_eq!(number(db, "SELECT min(number) FROM tickets"), 10001);
    assert_eq!(
        number(db, "SELECT max(number) FROM tickets"),
        10000 + tickets
    );
    assert_eq!(
        number(
            db,
            "SELECT count(*) - count(DISTINCT ticket_number) FROM handoffs"
        ),
        0
    );
    // Nobody over capacity, every slot used, no ticket assigned twice.
    let loads = rows(
        db,
        "SELECT assignee, count(*) FROM tickets WHERE assignee IS NOT NULL \
         AND status = 'open' GROUP BY assignee ORDER BY assignee",
    );
    assert_eq!(loads.len(), OPERATORS, "{loads:?}");
    for load in &loads {
        assert_eq!(load[1], CAPACITY.to_string(), "{loads:?}");
    }
    assert_eq!(
        number(
            db,
            "SELECT count(*) FROM (SELECT ticket_number FROM timeline WHERE event = 'assigned' \
             GROUP BY ticket_number HAVING count(*) > 1) twice",
        ),
        0
    );
    eprintln!(
        "{HANDOFFS} handoffs from {CLIENTS} clients over {REPLICAS} replicas, one killed; \
         {queued} webhooks, {} held by the victim; {:.1?}",
        victims.len(),
        started.elapsed()
    );
}

/// A replica that migrates after another made `_sqlx_migrations` (as all but
/// the first of replicas starting together on a new database, or an upgrade)
/// gets PostgreSQL's notice that it exists: not worth a line of its log at
/// the default level.
#[test]
fn a_replica_migrating_after_another_logs_no_postgres_notice() {
    // The log of a replica that starts after the first made sqlx's table,
    // with the log filter `filter` (`None`: the default).
    let log_of_the_next = |filter: Option<&str>| {
        let desk = Desk::on(crate::common::Backend::Postgres)?;
        desk.database.as_ref().unwrap().sql(
            "CREATE TABLE _sqlx_migrations (version BIGINT PRIMARY KEY, description TEXT NOT \
             NULL, installed_on TIMESTAMPTZ NOT NULL DEFAULT now(), success BOOLEAN NOT NULL, \
             checksum BYTEA NOT NULL, execution_time BIGINT NOT NULL)",
        );
        let mut serve = desk.std_cmd();
        if let Some(filter) = filter {
            serve.env("DESKCTL_LOG", filter);
        }
        let server = desk.serve_by(serve, "next", &["--log-format", "json"]);
        let log = server.log();
        assert!(log.contains("Serving desk"), "{log}");
        assert_eq!(server.terminate(), Some(0));
        Some(log)
    };
    let notice = "relation \\\"_sqlx_migrations\\\" already exists, skipping";
    let Some(log) = log_of_the_next(Some("info")) else {
        return;
    };
    // Asked for, at info, it shows: the start above meets it.
    assert!(log.contains(notice), "{log}");
    let log = log_of_the_next(None).unwrap();
    assert!(
        !log.contains("sqlx::postgres::notice") && !log.contains("already exists, skipping"),
        "{log}"
    );
}
