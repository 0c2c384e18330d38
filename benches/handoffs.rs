//! Handoff throughput of a real `deskctl serve` (release build) over HTTP, on a desk
//! that has been in use: ~100k tickets, almost all of them resolved.
//!
//! Measured: durable production handoffs per second (`POST /v1/handoffs`, each one
//! committed with `synchronous=FULL` before the answer) with 1, 4 and 16 concurrent
//! clients, with the latency of each request, and the latency of a dry-run preview
//! (`POST /v1/handoffs/preview`), which stores nothing. Then a ticket action: notes
//! added to the open tickets (`POST /v1/tickets/{n}/notes`) from as many clients as
//! the most handoffs had, each on its own ticket, each durable before its answer.
//!
//! The desk is seeded in two steps: a few hundred real handoffs are sent over HTTP
//! (these tickets stay open and spread over the operators by balanced assignment),
//! then the service is stopped and the bench copies those rows with plain SQL
//! through sqlx (`INSERT … SELECT` into the same tables, with new numbers and ids)
//! until the desk holds the target count. The copies are marked resolved: history,
//! as on a desk that has been running for a while. Only the columns that identify a
//! row are named, so the copies are whatever the service itself wrote.
//!
//! A plain `harness = false` binary rather than criterion, which would slow every
//! CI build. Run it with `cargo bench --bench handoffs`; see `docs/performance.md`.
//! Environment variables scale it:
//!
//! - `DESKCTL_BENCH_TICKETS`  tickets on the desk before measuring (100000)
//! - `DESKCTL_BENCH_HANDOFFS` handoffs sent per concurrency level (2000)
//! - `DESKCTL_BENCH_PREVIEWS` dry-run previews timed one after another, then again
//!   from as many clients as the most handoffs had (1000)
//! - `DESKCTL_BENCH_CLIENTS`  concurrency levels, comma-separated (1,4,16)
//! - `DESKCTL_BENCH_NOTES`    notes added in the ticket-action measurement (1000)
//! - `DESKCTL_BENCH_DIR`      where the scratch desk is created (the temp dir); a
//!   tmpfs such as /dev/shm shows what the service costs without the disk's fsyncs
//! - `DESKCTL_BENCH_KEEP=1`   keep the scratch desk afterwards, to inspect or profile it
//! - `DESKCTL_BENCH_SQLITE3`  the `sqlite3` shell that measures the disk's floor (`sqlite3`)
//! - `DESKCTL_BENCH_BACKENDS` which backends to measure (`sqlite,postgres`)
//! - `DESKCTL_BENCH_HANDOFF_BATCH` the servers' `--handoff-batch` (1: no group commit)

/// The `sqlite3` shell that measures the floor.
#[path = "common/sqlite3.rs"]
mod sqlite3_shell;
use sqlite3_shell::sqlite3;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use deskctl::api::{
    Channel, Environment, HandoffOutcome, HandoffRequest, MessageRole, Requester, TranscriptMessage,
};
use deskctl::client::{Client, RetryPolicy};

/// The throwaway PostgreSQL cluster of the tests, made durable here.
#[path = "../tests/common/postgres.rs"]
#[allow(dead_code)]
mod postgres;
use secrecy::SecretString;
use sqlx::sqlite::{SqliteConnectOptions, SqliteSynchronous};
use sqlx::{ConnectOptions, Connection, SqliteConnection};

/// The binary to run (see [`deskctl_binary::deskctl`]).
#[path = "common/binary.rs"]
mod deskctl_binary;
use deskctl_binary::deskctl;

/// Variables that would point a child at a server or a context instead of the
/// scratch desk.
const TARGET_VARS: &[&str] = &["DESKCTL_CONTEXT", "DESKCTL_SERVER", "DESKCTL_TOKEN"];
const FIRST_TICKET: u64 = 10001;
const OPERATORS: usize = 10;
/// Real handoffs sent over HTTP to seed the desk; they stay open.
const REAL_SEED: usize = 500;
const SEED_CLIENTS: usize = 16;
/// Untimed requests before each measurement.
const WARMUP: usize = 50;

struct Settings {
    backends: Vec<String>,
    tickets: usize,
    handoffs: usize,
    previews: usize,
    notes: usize,
    clients: Vec<usize>,
    dir: PathBuf,
}

fn main() -> ExitCode {
    // Cargo passes `--bench`, and `cargo bench -- FILTER` passes a filter meant for
    // other harnesses: this bench always runs everything.
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("handoffs bench failed: cannot start tokio: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("handoffs bench failed: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), String> {
    let settings = settings()?;
    for backend in &settings.backends {
        match backend.as_str() {
            "sqlite" => run_sqlite(&settings).await?,
            _ => run_postgres(&settings).await?,
        }
    }
    Ok(())
}

async fn run_sqlite(settings: &Settings) -> Result<(), String> {
    let desk = ScratchDesk::create(&settings.dir, None)?;
    desk.configure()?;
    let ingest = desk.run(&["tokens", "create", "--ingest", "--name", "bench"])?;

    println!("deskctl handoff throughput on SQLite");
    println!("binary: {}", deskctl());
    println!("desk:   {}", desk.dir.display());
    println!(
        "        {} tickets ({} open), {OPERATORS} operators online in the default team, \
         balanced assignment, 2 ticket fields, 1 priority rule",
        settings.tickets,
        settings.tickets.min(REAL_SEED)
    );

    // Seed: real handoffs over HTTP, then copies in SQL with the service stopped.
    let real = settings.tickets.min(REAL_SEED);
    let mut server = Server::start(&desk)?;
    let started = Instant::now();
    send_handoffs(
        std::slice::from_ref(&server.url),
        &ingest,
        "seed",
        0..real,
        SEED_CLIENTS,
    )
    .await
    .map_err(|e| server.explain(&desk, e))?;
    let seed_time = started.elapsed();
    server.stop()?;
    let started = Instant::now();
    let copied = clone_tickets(&desk.path("desk.sqlite"), real, settings.tickets).await?;
    println!(
        "seed:   {real} handoffs over HTTP in {:.1}s, {copied} copies in SQL in {:.1}s, \
         desk file {} MB\n",
        seed_time.as_secs_f64(),
        started.elapsed().as_secs_f64(),
        desk.size_mb()
    );

    let floor = Floor::measure(&desk.dir).await?;
    floor.print();

    let mut server = Server::start(&desk)?;
    println!("server: pid {} at {}\n", server.child.id(), server.url);
    measure(settings, &desk, &server.url, &ingest, &floor)
        .await
        .map_err(|e| server.explain(&desk, e))?;
    server.stop()
}

/// Replica counts measured on PostgreSQL.
const REPLICAS: [usize; 2] = [1, 3];
/// How long pgbench runs for its floor.
const PGBENCH_SECONDS: u32 = 10;

/// The same handoffs on PostgreSQL (a durable throwaway cluster on this
/// machine): 1 and 3 `deskctl serve` replicas sharing the database, clients
/// spread over them, next to pgbench's rate for handoff-sized transactions on
/// the same server. The desk holds the seeded handoffs only: no copied history.
async fn run_postgres(settings: &Settings) -> Result<(), String> {
    postgres::durable();
    let Some(database) = postgres::database() else {
        println!("PostgreSQL: skipped (no server binaries on this machine)\n");
        return Ok(());
    };
    postgres::warm_wal(&database);
    let desk = ScratchDesk::create(&settings.dir, Some(database.url.clone()))?;
    desk.configure()?;
    let ingest = desk.run(&["tokens", "create", "--ingest", "--name", "bench"])?;
    println!("deskctl handoff throughput on PostgreSQL");
    println!(
        "server: a throwaway cluster on this machine (fsync, synchronous_commit on), \
         its first 1 GB of WAL segments written and kept for reuse"
    );

    let most = settings.most_clients();
    let floor = pgbench_floor(&database, most)?;
    println!(
        "floor:  pgbench, handoff-sized transactions (one 3 KB row and nine small ones), \
         {most} clients, {PGBENCH_SECONDS} s: {floor:.0} transactions/s\n"
    );

    let real = settings.tickets.min(REAL_SEED);
    let server = Server::start(&desk)?;
    send_handoffs(
        std::slice::from_ref(&server.url),
        &ingest,
        "seed",
        0..real,
        SEED_CLIENTS,
    )
    .await?;
    server.stop()?;

    header("POST /v1/handoffs", "handoffs/s");
    let owner = desk.owner_token()?;
    let mut noted = Vec::new();
    let mut next = real;
    for replicas in REPLICAS {
        let servers = (0..replicas)
            .map(|_| Server::start(&desk))
            .collect::<Result<Vec<_>, _>>()?;
        let urls: Vec<String> = servers.iter().map(|s| s.url.clone()).collect();
        for &clients in &settings.clients {
            send_handoffs(&urls, &ingest, "warm", next..next + WARMUP, clients).await?;
            next += WARMUP;
            let started = Instant::now();
            let range = next..next + settings.handoffs;
            let mut latencies = send_handoffs(&urls, &ingest, "bench", range, clients).await?;
            let elapsed = started.elapsed();
            let label = format!("{replicas} replica{}", if replicas == 1 { "" } else { "s" });
            row(&label, clients, &mut latencies, elapsed);
            println!(
                "{:>34} {:.0}% of the pgbench floor",
                "",
                100.0 * settings.handoffs as f64 / elapsed.as_secs_f64() / floor
            );
            next += settings.handoffs;
        }
        if settings.notes > 0 {
            let started = Instant::now();
            let latencies = send_notes(&urls, &owner, real, settings.notes, most).await?;
            noted.push((replicas, latencies, started.elapsed()));
        }
        for server in servers {
            server.stop()?;
        }
    }
    if !noted.is_empty() {
        println!();
        header("POST /v1/tickets/{n}/notes", "notes/s");
        for (replicas, mut latencies, elapsed) in noted {
            let label = format!("{replicas} replica{}", if replicas == 1 { "" } else { "s" });
            row(&label, most, &mut latencies, elapsed);
        }
    }
    let count = database.sql("SELECT COUNT(*) FROM tickets");
    if count.trim() != next.to_string() {
        return Err(format!(
            "{next} handoffs sent, {} tickets stored",
            count.trim()
        ));
    }
    println!("\nchecked: {next} handoffs, {next} tickets\n");
    Ok(())
}

/// pgbench's rate for handoff-sized transactions on `database`'s server.
fn pgbench_floor(database: &postgres::Database, clients: usize) -> Result<f64, String> {
    let bin = postgres::binaries().ok_or("pgbench needs the cluster's binaries")?;
    database.sql(
        "CREATE TABLE floor_big (id bigserial PRIMARY KEY, body text NOT NULL); \
         CREATE TABLE floor_small (id bigserial PRIMARY KEY, big bigint NOT NULL, body text NOT NULL); \
         CREATE INDEX floor_small_by_big ON floor_small (big);",
    );
    let script = std::env::temp_dir().join(format!("deskctl-pgbench-{}.sql", std::process::id()));
    let small: String = (0..9)
        .map(|n| format!("INSERT INTO floor_small (big, body) VALUES (currval('floor_big_id_seq'), 'timeline entry {n}');\n"))
        .collect();
    std::fs::write(
        &script,
        format!("BEGIN;\nINSERT INTO floor_big (body) VALUES (repeat('x', 3000));\n{small}END;\n"),
    )
    .map_err(|e| format!("cannot write the pgbench script: {e}"))?;
    let output = Command::new(bin.join("pgbench"))
        .args(["-n", "-c", &clients.to_string(), "-j", "2"])
        .args(["-T", &PGBENCH_SECONDS.to_string(), "-f"])
        .arg(&script)
        .arg(&database.url)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run pgbench: {e}"));
    let _ = std::fs::remove_file(&script);
    let output = output?;
    let text = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        return Err(format!(
            "pgbench failed: {}{}",
            text,
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    database.sql("DROP TABLE floor_small; DROP TABLE floor_big;");
    // "tps = 1234.567890 (without initial connection time)"
    text.lines()
        .find_map(|line| line.strip_prefix("tps = "))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|tps| tps.parse().ok())
        .ok_or_else(|| format!("pgbench printed no rate: {text}"))
}

fn header(what: &str, rate: &str) {
    println!(
        "{what:<34} {:>7} {:>8} {rate:>11} {:>8} {:>8} {:>8} {:>8}",
        "clients", "sent", "p50 ms", "p95 ms", "p99 ms", "max ms"
    );
}

fn row(what: &str, clients: usize, latencies: &mut [Duration], elapsed: Duration) {
    let sent = latencies.len();
    let s = Summary::of(latencies);
    println!(
        "{what:<34} {clients:>7} {sent:>8} {:>11.0} {:>8.2} {:>8.2} {:>8.2} {:>8.2}",
        sent as f64 / elapsed.as_secs_f64(),
        s.p50,
        s.p95,
        s.p99,
        s.max
    );
}

/// The timed part, on the seeded desk served at `url`.
async fn measure(
    settings: &Settings,
    desk: &ScratchDesk,
    url: &str,
    ingest: &str,
    floor: &Floor,
) -> Result<(), String> {
    header("POST /v1/handoffs", "handoffs/s");
    let owner = desk.owner_token()?;
    let mut next = settings.tickets;
    let mut rates = Vec::new();
    for &clients in &settings.clients {
        let urls = [url.to_string()];
        send_handoffs(&urls, ingest, "warm", next..next + WARMUP, clients).await?;
        next += WARMUP;
        let started = Instant::now();
        let range = next..next + settings.handoffs;
        let mut latencies = send_handoffs(&urls, ingest, "bench", range, clients).await?;
        let elapsed = started.elapsed();
        rates.push((clients, settings.handoffs as f64 / elapsed.as_secs_f64()));
        row(
            "durable production handoff",
            clients,
            &mut latencies,
            elapsed,
        );
        next += settings.handoffs;
    }
    for (clients, rate) in rates {
        floor.compare(clients, rate);
    }

    if settings.previews > 0 {
        let previewer = client(url, ingest)?;
        for i in 0..WARMUP {
            preview(&previewer, i).await?;
        }
        let mut latencies = Vec::with_capacity(settings.previews);
        let started = Instant::now();
        for i in 0..settings.previews {
            let start = Instant::now();
            preview(&previewer, i).await?;
            latencies.push(start.elapsed());
        }
        println!();
        header("POST /v1/handoffs/preview", "previews/s");
        row(
            "dry run, one after another",
            1,
            &mut latencies,
            started.elapsed(),
        );
        // The same previews from as many clients as the most handoffs had.
        let clients = settings.most_clients();
        if clients > 1 {
            let started = Instant::now();
            let mut tasks = Vec::with_capacity(clients);
            for c in 0..clients {
                let previewer = client(url, ingest)?;
                let share = (c..settings.previews).step_by(clients);
                tasks.push(tokio::spawn(async move {
                    let mut latencies = Vec::new();
                    for i in share {
                        let start = Instant::now();
                        preview(&previewer, i).await?;
                        latencies.push(start.elapsed());
                    }
                    Ok::<_, String>(latencies)
                }));
            }
            let mut latencies = Vec::with_capacity(settings.previews);
            for task in tasks {
                latencies.extend(task.await.map_err(|e| e.to_string())??);
            }
            row(
                "dry run, concurrently",
                clients,
                &mut latencies,
                started.elapsed(),
            );
        }
    }

    if settings.notes > 0 {
        let clients = settings.most_clients();
        let started = Instant::now();
        let urls = [url.to_string()];
        let open = settings.tickets.min(REAL_SEED);
        let mut latencies = send_notes(&urls, &owner, open, settings.notes, clients).await?;
        println!();
        header("POST /v1/tickets/{n}/notes", "notes/s");
        row(
            "a note on an open ticket",
            clients,
            &mut latencies,
            started.elapsed(),
        );
    }

    // Nothing was lost: the last ticket exists and the next one does not.
    let reader = client(url, &owner)?;
    let last = FIRST_TICKET + next as u64 - 1;
    reader
        .get_ticket(last)
        .await
        .map_err(|e| format!("ticket {last} should exist: {e}"))?;
    if reader.get_ticket(last + 1).await.is_ok() {
        return Err(format!(
            "ticket {} exists: more tickets than handoffs",
            last + 1
        ));
    }
    println!("\nchecked: tickets {FIRST_TICKET}..={last}, no more\n");
    Ok(())
}

impl Settings {
    /// The highest concurrency level: the floor's clients, and the previews'
    /// and notes'.
    fn most_clients(&self) -> usize {
        self.clients.iter().copied().max().unwrap_or(1)
    }
}

fn settings() -> Result<Settings, String> {
    let clients = match std::env::var("DESKCTL_BENCH_CLIENTS") {
        Ok(list) => list
            .split(',')
            .map(|c| match c.trim().parse::<usize>() {
                Ok(n) if n > 0 => Ok(n),
                _ => Err(format!(
                    "DESKCTL_BENCH_CLIENTS={list:?}: {c:?} is not a positive number"
                )),
            })
            .collect::<Result<Vec<_>, _>>()?,
        Err(_) => vec![1, 4, 16],
    };
    let backends: Vec<String> = std::env::var("DESKCTL_BENCH_BACKENDS")
        .unwrap_or_else(|_| "sqlite,postgres".into())
        .split(',')
        .map(|b| b.trim().to_string())
        .collect();
    if let Some(unknown) = backends
        .iter()
        .find(|b| !["sqlite", "postgres"].contains(&b.as_str()))
    {
        return Err(format!(
            "DESKCTL_BENCH_BACKENDS: {unknown:?} is neither sqlite nor postgres"
        ));
    }
    let settings = Settings {
        backends,
        tickets: number("DESKCTL_BENCH_TICKETS", 100_000)?,
        handoffs: number("DESKCTL_BENCH_HANDOFFS", 2_000)?,
        previews: number("DESKCTL_BENCH_PREVIEWS", 1_000)?,
        notes: number("DESKCTL_BENCH_NOTES", 1_000)?,
        clients,
        dir: std::env::var_os("DESKCTL_BENCH_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(std::env::temp_dir),
    };
    if settings.tickets == 0 || settings.handoffs == 0 {
        return Err("DESKCTL_BENCH_TICKETS and DESKCTL_BENCH_HANDOFFS must be at least 1".into());
    }
    Ok(settings)
}

fn number(var: &str, default: usize) -> Result<usize, String> {
    match std::env::var(var) {
        Err(std::env::VarError::NotPresent) => Ok(default),
        Ok(value) => usize::from_str(value.trim().replace('_', "").as_str())
            .map_err(|_| format!("{var}={value:?} is not a number")),
        Err(e) => Err(format!("{var}: {e}")),
    }
}

/// Handoff `i`: a realistic size (six messages, four context keys), its own
/// customer, and context that sets two ticket fields and may match the rule.
fn request(i: usize) -> HandoffRequest {
    let message = |role, text: String| TranscriptMessage {
        role,
        text,
        at: None,
    };
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
            message(
                MessageRole::Customer,
                format!("Hello, my order {i} arrived damaged and I need a replacement."),
            ),
            message(
                MessageRole::Ai,
                "I'm sorry to hear that. Could you describe the damage?".into(),
            ),
            message(
                MessageRole::Customer,
                "The box was crushed and the screen is cracked.".into(),
            ),
            message(
                MessageRole::Ai,
                "Thank you. I can offer a refund or a replacement.".into(),
            ),
            message(
                MessageRole::Customer,
                "Neither works for me, it was a gift for tomorrow.".into(),
            ),
            message(
                MessageRole::Customer,
                "I'd like to talk to a person, please.".into(),
            ),
        ],
        context: [
            ("order-id", serde_json::json!(format!("{i}"))),
            (
                "plan",
                serde_json::json!(if i.is_multiple_of(5) { "gold" } else { "free" }),
            ),
            ("items", serde_json::json!(i % 7 + 1)),
            ("locale", serde_json::json!("en-GB")),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect(),
        reason: Some("explicit-request".into()),
        summary: None,
    }
}

fn client(url: &str, token: &str) -> Result<Client, String> {
    // No retries: a failed request aborts the bench instead of being hidden.
    Ok(
        Client::http(url, Some(SecretString::from(token.to_string())))
            .map_err(|e| format!("cannot build a client: {e}"))?
            .with_retry(RetryPolicy {
                max_retries: 0,
                ..RetryPolicy::default()
            }),
    )
}

/// Sends handoffs `indexes` from `clients` concurrent clients; returns each
/// request's latency.
async fn send_handoffs(
    urls: &[String],
    token: &str,
    label: &'static str,
    indexes: std::ops::Range<usize>,
    clients: usize,
) -> Result<Vec<Duration>, String> {
    from_clients(urls, token, indexes, clients, move |client, i| async move {
        let (handoff, replayed) = client
            .send_handoff(&request(i), &format!("{label}-{i}"), 0)
            .await
            .map_err(|e| format!("handoff {label}-{i} failed: {e} ({e:?})"))?;
        if replayed || handoff.outcome != HandoffOutcome::Ticket || handoff.ticket.is_none() {
            return Err(format!(
                "handoff {label}-{i} did not open a new ticket: {handoff:?}"
            ));
        }
        Ok(())
    })
    .await
}

/// Adds `notes` notes from `clients` concurrent clients, note `i` to ticket
/// `FIRST_TICKET + i % open`: the open tickets of the seed, so clients at the
/// same moment write to different tickets. Returns each request's latency.
async fn send_notes(
    urls: &[String],
    token: &str,
    open: usize,
    notes: usize,
    clients: usize,
) -> Result<Vec<Duration>, String> {
    from_clients(
        urls,
        token,
        0..notes,
        clients,
        move |client, i| async move {
            let number = FIRST_TICKET + (i % open) as u64;
            client
                .note_ticket(number, &format!("Checked the order again ({i})."))
                .await
                .map_err(|e| format!("note {i} on ticket {number} failed: {e} ({e:?})"))?;
            Ok(())
        },
    )
    .await
}

/// Runs `job` for each of `indexes` from `clients` concurrent clients (each
/// with its own connection pool, to one of `urls` in turn) pulling from one
/// queue; returns each job's latency. The first failure ends the run.
async fn from_clients<Job, Done>(
    urls: &[String],
    token: &str,
    indexes: std::ops::Range<usize>,
    clients: usize,
    job: Job,
) -> Result<Vec<Duration>, String>
where
    Job: Fn(Arc<Client>, usize) -> Done + Clone + Send + 'static,
    Done: std::future::Future<Output = Result<(), String>> + Send,
{
    let next = Arc::new(AtomicUsize::new(indexes.start));
    let end = indexes.end;
    let mut tasks = tokio::task::JoinSet::new();
    for n in 0..clients {
        let (next, job) = (next.clone(), job.clone());
        let client = Arc::new(client(&urls[n % urls.len()], token)?);
        tasks.spawn(async move {
            let mut latencies = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= end {
                    return Ok::<_, String>(latencies);
                }
                let start = Instant::now();
                job(client.clone(), i).await?;
                latencies.push(start.elapsed());
            }
        });
    }
    let mut all = Vec::with_capacity(indexes.len());
    while let Some(joined) = tasks.join_next().await {
        match joined {
            Ok(Ok(latencies)) => all.extend(latencies),
            Ok(Err(message)) => return Err(message),
            Err(e) => return Err(format!("a client task failed: {e}")),
        }
    }
    Ok(all)
}

async fn preview(client: &Client, i: usize) -> Result<(), String> {
    let decision = client
        .preview_handoff(&request(i))
        .await
        .map_err(|e| format!("preview {i} failed: {e} ({e:?})"))?;
    if decision.assignee.value.is_none() {
        return Err(format!("preview {i} assigned nobody: {decision:?}"));
    }
    Ok(())
}

/// Copies the first tickets (with their timelines and handoffs) until the desk
/// holds `target` tickets, doubling at most each round; copies are resolved.
/// Returns how many were copied.
async fn clone_tickets(path: &Path, real: usize, target: usize) -> Result<usize, String> {
    let sql = |e: sqlx::Error| format!("seeding {} in SQL: {e}", path.display());
    // The desk is in WAL mode already; the seed need not be durable.
    let mut conn: SqliteConnection = SqliteConnectOptions::new()
        .filename(path)
        .synchronous(SqliteSynchronous::Off)
        .foreign_keys(true)
        .connect()
        .await
        .map_err(sql)?;
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM tickets")
        .fetch_one(&mut conn)
        .await
        .map_err(sql)?;
    if count as usize != real {
        return Err(format!(
            "expected {real} tickets after the HTTP seed, found {count}"
        ));
    }
    let mut have = real as i64;
    let mut tx = conn.begin().await.map_err(sql)?;
    while have < target as i64 {
        let take = have.min(target as i64 - have);
        let below = FIRST_TICKET as i64 + take;
        for statement in [
            "CREATE TEMP TABLE seed_tickets AS SELECT * FROM tickets WHERE number < ?1",
            "CREATE TEMP TABLE seed_timeline AS SELECT * FROM timeline WHERE ticket_number < ?1",
            "CREATE TEMP TABLE seed_handoffs AS SELECT * FROM handoffs WHERE ticket_number < ?1",
        ] {
            sqlx::query(statement)
                .bind(below)
                .execute(&mut *tx)
                .await
                .map_err(sql)?;
        }
        for statement in [
            "UPDATE seed_tickets SET number = number + ?1, status = 'resolved', \
             handoff_id = 'hof_seed' || (number + ?1)",
            "UPDATE seed_timeline SET ticket_number = ticket_number + ?1",
            "UPDATE seed_handoffs SET ticket_number = ticket_number + ?1, \
             id = 'hof_seed' || (ticket_number + ?1), \
             idempotency_key = 'seed-copy-' || (ticket_number + ?1)",
        ] {
            sqlx::query(statement)
                .bind(have)
                .execute(&mut *tx)
                .await
                .map_err(sql)?;
        }
        for statement in [
            "INSERT INTO tickets SELECT * FROM seed_tickets",
            "INSERT INTO timeline SELECT * FROM seed_timeline",
            "INSERT INTO handoffs SELECT * FROM seed_handoffs",
            "DROP TABLE seed_tickets",
            "DROP TABLE seed_timeline",
            "DROP TABLE seed_handoffs",
        ] {
            sqlx::query(statement)
                .execute(&mut *tx)
                .await
                .map_err(sql)?;
        }
        have += take;
    }
    // As every write transaction of deskctl's does before it commits.
    sqlx::raw_sql(deskctl::server::store::sqlite::INDEX_QUEUED_TEXT)
        .execute(&mut *tx)
        .await
        .map_err(sql)?;
    tx.commit().await.map_err(sql)?;
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&mut conn)
        .await
        .map_err(sql)?;
    conn.close().await.map_err(sql)?;
    // On the disk before the timing starts. Left to the kernel's writeback,
    // the copies' hundreds of MB were written in the middle of some timed
    // runs, and the service's COMMIT that met them waited: 200-450 ms.
    std::fs::File::open(path)
        .and_then(|desk| desk.sync_all())
        .map_err(|e| format!("cannot sync the seeded desk {}: {e}", path.display()))?;
    Ok(target - real)
}

/// A desk and config file in a fresh directory, so the user's real desk and
/// contexts are never read or written. Removed on drop, also when the bench fails.
struct ScratchDesk {
    dir: PathBuf,
    /// A PostgreSQL database instead of a desk file in `dir`.
    database: Option<String>,
    keep: bool,
}

impl ScratchDesk {
    fn create(parent: &Path, database: Option<String>) -> Result<ScratchDesk, String> {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let dir = parent.join(format!(
            "deskctl-bench-handoffs-{}-{nanos}",
            std::process::id()
        ));
        // create_dir, not create_dir_all: an existing directory is not ours to remove.
        std::fs::create_dir(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let keep = std::env::var_os("DESKCTL_BENCH_KEEP").is_some_and(|v| v == "1");
        Ok(ScratchDesk {
            dir,
            database,
            keep,
        })
    }

    /// The default team with `OPERATORS` operators online (balanced assignment,
    /// the default), an owner outside it, an agent with an inbox action, two ticket
    /// fields and a priority rule, so the whole pipeline runs.
    fn configure(&self) -> Result<(), String> {
        self.run(&["teams", "add", "support", "--name", "Support", "--default"])?;
        for n in 1..=OPERATORS {
            let handle = format!("operator-{n:02}");
            let email = format!("{handle}@example.com");
            self.run(&[
                "operators",
                "add",
                &handle,
                "--name",
                &handle,
                "--email",
                &email,
                "--availability",
                "online",
                "--team",
                "support",
            ])?;
        }
        self.run(&[
            "operators",
            "add",
            "root",
            "--name",
            "Root",
            "--email",
            "root@example.com",
            "--role",
            "owner",
        ])?;
        self.run(&["agents", "add", "shop", "--name", "Shop assistant"])?;
        self.run(&[
            "actions",
            "set",
            "shop",
            "--platform",
            "inbox",
            "--channel",
            "web",
            "--default-priority",
            "low",
        ])?;
        self.run(&[
            "fields", "add", "order-id", "--name", "Order", "--type", "text",
        ])?;
        self.run(&[
            "fields", "add", "items", "--name", "Items", "--type", "number",
        ])?;
        self.run(&[
            "rules",
            "add",
            "priority",
            "--when",
            "context.plan=gold",
            "--priority",
            "urgent",
            "--name",
            "VIP",
        ])?;
        self.run(&["assignment", "set", "--method", "balanced"])?;
        Ok(())
    }

    fn owner_token(&self) -> Result<String, String> {
        self.run(&["tokens", "create", "--operator", "root"])
    }

    fn command(&self) -> Command {
        let mut command = Command::new(deskctl());
        command
            .env("DESKCTL_CONFIG", self.path("config.yaml"))
            .stdin(Stdio::null());
        match &self.database {
            Some(url) => command.env("DESKCTL_DATABASE_URL", url),
            None => command
                .env("DESKCTL_DESK", self.path("desk.sqlite"))
                .env_remove("DESKCTL_DATABASE_URL"),
        };
        for var in TARGET_VARS {
            command.env_remove(var);
        }
        command
    }

    /// Runs deskctl on this desk and returns its trimmed stdout; fails unless it
    /// exits 0.
    fn run(&self, args: &[&str]) -> Result<String, String> {
        let output = self
            .command()
            .args(args)
            .output()
            .map_err(|e| format!("cannot run {}: {e}", deskctl()))?;
        if !output.status.success() {
            return Err(format!(
                "`deskctl {}` exited with {}\n{}",
                args.join(" "),
                output.status,
                String::from_utf8_lossy(&output.stderr).trim_end()
            ));
        }
        Ok(String::from_utf8_lossy(&output.stdout).trim().to_string())
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    fn size_mb(&self) -> u64 {
        std::fs::metadata(self.path("desk.sqlite")).map_or(0, |m| m.len() >> 20)
    }
}

impl Drop for ScratchDesk {
    fn drop(&mut self) {
        if self.keep {
            eprintln!("kept the desk in {}", self.dir.display());
            return;
        }
        if let Err(e) = std::fs::remove_dir_all(&self.dir) {
            eprintln!("warning: cannot remove {}: {e}", self.dir.display());
        }
    }
}

/// `deskctl serve` on the scratch desk, on a free port, its log in the desk's
/// directory. Killed on drop if not stopped.
struct Server {
    child: Child,
    url: String,
}

impl Server {
    fn start(desk: &ScratchDesk) -> Result<Server, String> {
        let log = std::fs::File::options()
            .create(true)
            .append(true)
            .open(desk.path("serve.log"))
            .map_err(|e| format!("cannot create the server log: {e}"))?;
        let mut child = desk
            .command()
            // The bench's clients share one address and one token: the
            // service's abuse limits would measure themselves, not the store.
            .args([
                "serve",
                "--listen",
                "127.0.0.1:0",
                "--rate-limit-per-address",
                "0",
                "--rate-limit-per-token",
                "0",
            ])
            .args(
                std::env::var("DESKCTL_BENCH_HANDOFF_BATCH")
                    .map(|batch| vec!["--handoff-batch".to_string(), batch])
                    .unwrap_or_default(),
            )
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .map_err(|e| format!("cannot start deskctl serve: {e}"))?;
        let mut line = String::new();
        let stdout = child.stdout.take().expect("stdout is piped");
        let read = BufReader::new(stdout).read_line(&mut line);
        let url = line.trim().to_string();
        let server = Server { child, url };
        if read.is_err() || !server.url.starts_with("http://") {
            return Err(format!(
                "deskctl serve printed {:?} instead of its URL; see {}",
                server.url,
                desk.path("serve.log").display()
            ));
        }
        Ok(server)
    }

    /// `error`, with whether the server is still running and the end of its log.
    fn explain(&mut self, desk: &ScratchDesk, error: String) -> String {
        let state = match self.child.try_wait() {
            Ok(None) => "still running".to_string(),
            Ok(Some(status)) => format!("gone ({status})"),
            Err(e) => format!("in an unknown state ({e})"),
        };
        let log = std::fs::read_to_string(desk.path("serve.log")).unwrap_or_default();
        let lines: Vec<&str> = log.lines().collect();
        format!(
            "{error}\ndeskctl serve (pid {}) is {state}; the end of its log:\n{}",
            self.child.id(),
            lines[lines.len().saturating_sub(15)..].join("\n")
        )
    }

    /// SIGTERM, then waits: serve finishes the requests in flight and exits 0.
    fn stop(mut self) -> Result<(), String> {
        let pid = self.child.id().to_string();
        let signalled = Command::new("kill").args(["-TERM", &pid]).status();
        let status = self
            .child
            .wait()
            .map_err(|e| format!("waiting for deskctl serve: {e}"))?;
        match signalled {
            Ok(s) if s.success() && status.success() => Ok(()),
            _ => Err(format!("deskctl serve did not stop cleanly: {status}")),
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Order statistics of latencies, in milliseconds.
/// Handoffs per commit in the grouped floor.
const FLOOR_BATCH: usize = 16;
/// Handoff-sized transactions written to measure each floor.
const FLOOR_HANDOFFS: usize = 2_000;

/// What the disk allows, measured in the same run: SQLite with the desk's
/// settings (WAL, `synchronous=FULL`) writing rows the size of a handoff's, one
/// handoff per commit and [`FLOOR_BATCH`] per commit, in the `sqlite3` shell (no
/// driver between the statements); and the grouped transactions again through
/// sqlx, the driver deskctl uses, which runs each statement on its connection's
/// worker thread.
struct Floor {
    /// `None` without a `sqlite3` shell.
    disk: Option<DiskFloor>,
    through_sqlx: f64,
}

struct DiskFloor {
    one_per_commit: f64,
    grouped: f64,
}

impl Floor {
    async fn measure(dir: &Path) -> Result<Floor, String> {
        let disk = match sqlite3() {
            Some(shell) => Some(DiskFloor {
                one_per_commit: shell_rate(&shell, dir, 1)?,
                grouped: shell_rate(&shell, dir, FLOOR_BATCH)?,
            }),
            None => None,
        };
        Ok(Floor {
            disk,
            through_sqlx: sqlx_rate(dir, FLOOR_BATCH).await?,
        })
    }

    fn print(&self) {
        match &self.disk {
            Some(disk) => println!(
                "floor:  SQLite alone on the same disk, same settings, handoff-sized transactions \
                 (one 3 KB row and nine small ones) in the sqlite3 shell:\n        {:.0} handoffs/s \
                 one per commit, {:.0} handoffs/s {FLOOR_BATCH} per commit",
                disk.one_per_commit, disk.grouped
            ),
            None => println!(
                "floor:  no sqlite3 shell for the disk's floor (install it, or set DESKCTL_BENCH_SQLITE3)"
            ),
        }
        println!(
            "        the same {FLOOR_BATCH}-per-commit transactions through sqlx (a statement \
             at a time): {:.0} handoffs/s\n",
            self.through_sqlx
        );
    }

    fn compare(&self, clients: usize, rate: f64) {
        let sqlx = format!("{:.0}% of sqlx's", 100.0 * rate / self.through_sqlx);
        match &self.disk {
            Some(disk) => println!(
                "        {clients} clients: {:.0}% of the one-per-commit floor, {:.0}% of the \
                 {FLOOR_BATCH}-per-commit floor, {sqlx}",
                100.0 * rate / disk.one_per_commit,
                100.0 * rate / disk.grouped
            ),
            None => println!("        {clients} clients: {sqlx}"),
        }
    }
}

const FLOOR_SCHEMA: &str = "CREATE TABLE big (id INTEGER PRIMARY KEY, body TEXT NOT NULL); \
     CREATE TABLE small (id INTEGER PRIMARY KEY, big INTEGER NOT NULL, body TEXT NOT NULL); \
     CREATE INDEX small_by_big ON small (big);";

/// Handoffs per second written by the `sqlite3` shell, `per_commit` to a
/// transaction, on a new database in `dir`.
fn shell_rate(shell: &str, dir: &Path, per_commit: usize) -> Result<f64, String> {
    use std::fmt::Write as _;
    use std::io::Write as _;
    let path = dir.join("floor.sqlite");
    let body = "x".repeat(3_000);
    let mut script =
        format!("PRAGMA journal_mode = WAL;\nPRAGMA synchronous = FULL;\n{FLOOR_SCHEMA}\n");
    let mut next = 0;
    for _ in 0..FLOOR_HANDOFFS / per_commit {
        script.push_str("BEGIN IMMEDIATE;\n");
        for _ in 0..per_commit {
            next += 1;
            let _ = writeln!(
                script,
                "INSERT INTO big (id, body) VALUES ({next}, '{body}');"
            );
            for n in 0..9 {
                let _ = writeln!(
                    script,
                    "INSERT INTO small (big, body) VALUES ({next}, 'timeline entry {n} of handoff {next}');"
                );
            }
        }
        script.push_str("COMMIT;\n");
    }
    let started = Instant::now();
    let mut child = Command::new(shell)
        .args(["-bail", &path.to_string_lossy()])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {shell}: {e}"))?;
    let written = child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(script.as_bytes());
    let output = child
        .wait_with_output()
        .map_err(|e| format!("cannot run {shell}: {e}"))?;
    let elapsed = started.elapsed();
    remove_floor(dir);
    if written.is_err() || !output.status.success() {
        return Err(format!(
            "{shell} failed measuring the floor: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    Ok(next as f64 / elapsed.as_secs_f64())
}

/// Handoffs per second written through sqlx, `per_commit` to a transaction.
async fn sqlx_rate(dir: &Path, per_commit: usize) -> Result<f64, String> {
    let path = dir.join("floor.sqlite");
    let sql = |e: sqlx::Error| format!("measuring the floor in {}: {e}", path.display());
    let mut conn: SqliteConnection = SqliteConnectOptions::new()
        .filename(&path)
        .create_if_missing(true)
        .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .connect()
        .await
        .map_err(sql)?;
    sqlx::raw_sql(FLOOR_SCHEMA)
        .execute(&mut conn)
        .await
        .map_err(sql)?;
    let body = "x".repeat(3_000);
    let mut next = 0i64;
    let started = Instant::now();
    for _ in 0..FLOOR_HANDOFFS / per_commit {
        let mut tx = conn.begin().await.map_err(sql)?;
        for _ in 0..per_commit {
            next += 1;
            sqlx::query("INSERT INTO big (id, body) VALUES (?, ?)")
                .bind(next)
                .bind(&body)
                .execute(&mut *tx)
                .await
                .map_err(sql)?;
            for n in 0..9 {
                sqlx::query("INSERT INTO small (big, body) VALUES (?, ?)")
                    .bind(next)
                    .bind(format!("timeline entry {n} of handoff {next}"))
                    .execute(&mut *tx)
                    .await
                    .map_err(sql)?;
            }
        }
        tx.commit().await.map_err(sql)?;
    }
    let rate = next as f64 / started.elapsed().as_secs_f64();
    drop(conn);
    remove_floor(dir);
    Ok(rate)
}

fn remove_floor(dir: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(dir.join(format!("floor.sqlite{suffix}")));
    }
}

struct Summary {
    p50: f64,
    p95: f64,
    p99: f64,
    max: f64,
}

impl Summary {
    /// `times` must not be empty; it is sorted in place.
    fn of(times: &mut [Duration]) -> Summary {
        times.sort_unstable();
        let ms = |t: Duration| t.as_secs_f64() * 1000.0;
        let rank = |pct: usize| times[(times.len() * pct).div_ceil(100).max(1) - 1];
        Summary {
            p50: ms(rank(50)),
            p95: ms(rank(95)),
            p99: ms(rank(99)),
            max: ms(times[times.len() - 1]),
        }
    }
}
