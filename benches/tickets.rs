//! The ticket inbox on large local desks, measured from outside with the real
//! `deskctl` binary (release build): spawn, wait, stop the clock.
//!
//! Measured:
//!
//! 1. Latency (min / median / p95 / max, in ms) of the first page of
//!    `deskctl tickets list --limit 30` in each view and with the common filters,
//!    of text search (a common word, a rare one, invoice numbers in between and
//!    one that matches nothing),
//!    and of `deskctl tickets show N`, on a desk of `DESKCTL_BENCH_TICKETS`
//!    tickets (100000), then the same cases with fewer runs on the large desk.
//!    Beside each list case without a search or a requester, the floor: the `sqlite3` shell
//!    (`DESKCTL_BENCH_SQLITE3`, or on PATH) running the same page query on the
//!    same file, spawned and timed the same way.
//!    `deskctl teams list` is timed too: the floor every command pays (process
//!    start, opening the desk, checking the migrations).
//! 2. The query plans SQLite picks for those queries: `EXPLAIN QUERY PLAN` of the
//!    SQL that `list_tickets` (src/server/store/tickets.rs) builds, mirrored here,
//!    run through sqlx on the seeded desk.
//! 3. What the fixes those plans call for would change, timed in-process with
//!    sqlx on a scratch copy of the small desk: a row-value cursor for the pages
//!    after the first, and both plans of `--search` (walking tickets, or the FTS5 index of
//!    migration 0013) for each word, with the probe that picks one
//!    (`DESKCTL_BENCH_WHAT_IF=0` skips this).
//! 4. `deskctl tickets list --all -o jsonl` on the large desk
//!    (`DESKCTL_BENCH_TICKETS_LARGE`, 1000000) and on the small one: wall time,
//!    tickets per second, and the child's peak resident memory (`VmHWM`, polled
//!    from /proc/<pid>/status while it runs), to show that streaming memory stays
//!    flat as the desk grows. The output is counted and checked (every ticket
//!    exactly once, newest first), not stored.
//!
//! The desks are seeded fast, bypassing the API: the real binary creates the
//! schema and the workspace (`teams add`, `operators add`, `agents add`,
//! `actions set`, `fields add`), then the bench bulk-inserts tickets and their
//! timelines with sqlx straight into the SQLite file (multi-row prepared INSERTs,
//! one transaction per 10000 tickets, `synchronous=OFF` while seeding). The rows
//! are shaped like the ones the service writes (`insert_ticket` and
//! `append_entries` in src/server/store/tickets.rs, the timeline of a handoff in
//! src/server/routes/handoffs.rs `new_ticket` and of an inbound email in
//! src/server/routes/inbound.rs, the replies, take-overs and resolutions of
//! src/server/routes/tickets.rs), with times in the stored format
//! (`YYYY-MM-DDTHH:MM:SS.ffffffZ`) spread over the year before 2026-11-20, and a
//! deterministic mix of statuses (older tickets mostly resolved), priorities,
//! teams, assignees (NULL included), agents, channels and requesters. No
//! `handoffs` rows are written (tickets carry a `handoff_id` all the same) and
//! nothing runs ANALYZE, as the service never does: the plans are those a real
//! desk gets.
//!
//! Seeding a million tickets takes minutes, so seeded desks are kept under
//! `target/tmp/deskctl-bench-tickets/desk-<N>/` with a stamp of the seed version
//! and a hash of `migrations/`; a later run re-uses a desk whose stamp matches and
//! seeds again otherwise (a new migration, or `DESKCTL_BENCH_RESEED=1`).
//!
//! A plain `harness = false` binary rather than criterion, which would slow every
//! CI build. Run it with `cargo bench --bench tickets`; see `docs/performance.md`.
//! Environment variables scale it:
//!
//! - `DESKCTL_BENCH_TICKETS`        the latency desk (100000)
//! - `DESKCTL_BENCH_TICKETS_LARGE`  the streaming desk (1000000)
//! - `DESKCTL_BENCH_RUNS`           timed runs per latency case (20)
//! - `DESKCTL_BENCH_LARGE_RUNS`     timed runs per latency case on the large desk (5; 0 skips)
//! - `DESKCTL_BENCH_STREAM_RUNS`    timed `--all -o jsonl` runs per desk (3)
//! - `DESKCTL_BENCH_RESEED=1`       seed the desks again even if cached
//! - `DESKCTL_BENCH_WHAT_IF=0`      skip timing the suggested fixes

/// The `sqlite3` shell that measures the floor.
#[path = "common/sqlite3.rs"]
mod sqlite3_shell;
use sqlite3_shell::sqlite3;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use jiff::Timestamp;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteRow, SqliteSynchronous};
use sqlx::{AssertSqlSafe, ConnectOptions, Connection, Row, SqliteConnection};

/// The binary to run (see [`deskctl_binary::deskctl`]).
#[path = "common/binary.rs"]
mod deskctl_binary;
use deskctl_binary::deskctl;

/// Variables that would point a child at a server or a context instead of the
/// bench's desk.
const TARGET_VARS: &[&str] = &["DESKCTL_CONTEXT", "DESKCTL_SERVER", "DESKCTL_TOKEN"];
/// Bump when the seeded rows change shape, so cached desks are seeded again.
const SEED_VERSION: u32 = 1;
const FIRST_TICKET: u64 = 10001;
/// Tickets per seeding transaction.
const SEED_BATCH: u64 = 10_000;
/// Rows per multi-row INSERT (18 and 9 parameters a row).
const TICKET_ROWS_PER_INSERT: usize = 100;
const ENTRY_ROWS_PER_INSERT: usize = 400;
const WARMUP_RUNS: usize = 3;
const PAGE: &str = "30";
/// The desk's history ends here; tickets are spread over the year before.
const END: &str = "2026-11-20T00:00:00Z";
const SPAN_DAYS: i64 = 365;

/// What the latency cases look for.
const ASSIGNEE: &str = "dana";
const TEAM: &str = "billing";
const COMMON_WORD: &str = "refund";
const RARE_WORD: &str = "chargeback";
const ABSENT_WORD: &str = "xylophone";
/// Text between the common and the rare word (invoice numbers 0-999, about
/// 0.2% of tickets), where both plans cost most.
const MIDDLE_WORD: &str = "INV-2026-00";

const COLUMNS: &str = "number, subject, status, priority, requester_name, requester_email, \
     requester_external_id, assignee, team_key, agent_key, channel, environment, fields, \
     context, ai_paused, handoff_id, created_at, last_activity_at";
const ENTRY_COLUMNS: &str =
    "ticket_number, seq, kind, author_kind, author, event, body, channel, at";

struct Settings {
    tickets: u64,
    large: u64,
    runs: usize,
    large_runs: usize,
    stream_runs: usize,
    reseed: bool,
    what_if: bool,
}

fn main() -> ExitCode {
    // Cargo passes `--bench`, and `cargo bench -- FILTER` passes a filter meant for
    // other harnesses: this bench always runs everything.
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("tickets bench failed: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let settings = Settings::from_env()?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start tokio: {e}"))?;

    println!("deskctl ticket inbox bench");
    println!("binary: {}", deskctl());
    println!(
        "desks:  {} tickets (latency), {} tickets (streaming)\n",
        settings.tickets, settings.large
    );

    let small = Desk::prepare(&runtime, settings.tickets, settings.reseed)?;
    println!();
    latency(&small, settings.runs, WARMUP_RUNS)?;
    println!();
    runtime.block_on(explain(&small))?;
    println!();
    if settings.what_if {
        runtime.block_on(what_if(&small))?;
        println!();
    }

    let large = Desk::prepare(&runtime, settings.large, settings.reseed)?;
    println!();
    if settings.large_runs > 0 {
        latency(&large, settings.large_runs, 1)?;
        println!();
    }

    println!(
        "`deskctl tickets list --all -o jsonl`, stdout counted and discarded, \
         {} timed runs per desk after 1 warm-up run",
        settings.stream_runs
    );
    println!(
        "{:>10} {:>10} {:>10} {:>12} {:>14}",
        "tickets", "wall s", "(max s)", "tickets/s", "peak RSS MiB"
    );
    let mut peaks = Vec::new();
    for desk in [&small, &large] {
        let expected = runtime.block_on(desk.newest())?;
        desk.stream(&expected)?;
        let mut walls = Vec::new();
        let mut peak_kib = 0;
        for _ in 0..settings.stream_runs {
            let run = desk.stream(&expected)?;
            walls.push(run.wall);
            peak_kib = peak_kib.max(run.peak_kib);
        }
        walls.sort_unstable();
        let median = median_secs(&walls);
        let max = walls.last().map_or(0.0, Duration::as_secs_f64);
        println!(
            "{:>10} {:>10.2} {:>10.2} {:>12.0} {:>14.1}",
            desk.tickets,
            median,
            max,
            desk.tickets as f64 / median,
            peak_kib as f64 / 1024.0
        );
        peaks.push((desk.tickets, peak_kib));
    }
    if let [(small_n, small_peak), (large_n, large_peak)] = peaks[..] {
        println!(
            "peak memory {:.2}x for {:.1}x the tickets",
            large_peak as f64 / small_peak.max(1) as f64,
            large_n as f64 / small_n.max(1) as f64
        );
    }
    Ok(())
}

impl Settings {
    fn from_env() -> Result<Settings, String> {
        Ok(Settings {
            tickets: number("DESKCTL_BENCH_TICKETS", 100_000, 1)?,
            large: number("DESKCTL_BENCH_TICKETS_LARGE", 1_000_000, 1)?,
            runs: number("DESKCTL_BENCH_RUNS", 20, 1)? as usize,
            large_runs: number("DESKCTL_BENCH_LARGE_RUNS", 5, 0)? as usize,
            stream_runs: number("DESKCTL_BENCH_STREAM_RUNS", 3, 1)? as usize,
            reseed: std::env::var_os("DESKCTL_BENCH_RESEED").is_some_and(|v| v == "1"),
            what_if: std::env::var_os("DESKCTL_BENCH_WHAT_IF").is_none_or(|v| v != "0"),
        })
    }
}

/// A whole number from the environment (`_` separators allowed), at least `min`.
fn number(var: &str, default: u64, min: u64) -> Result<u64, String> {
    match std::env::var(var) {
        Err(std::env::VarError::NotPresent) => Ok(default),
        Ok(value) => match value.trim().replace('_', "").parse::<u64>() {
            Ok(n) if n >= min => Ok(n),
            _ => Err(format!("{var}={value:?} is not a number of at least {min}")),
        },
        Err(e) => Err(format!("{var}: {e}")),
    }
}

// --- latency ---------------------------------------------------------------------

/// One command line to time.
struct Case {
    label: String,
    args: Vec<String>,
    /// The page query deskctl runs for it, values inlined, for `sqlite3` to
    /// run on the same file: the floor.
    floor: Option<String>,
}

impl Case {
    fn new(label: &str, args: &[&str]) -> Case {
        Case {
            label: label.to_string(),
            args: args.iter().map(|a| a.to_string()).collect(),
            floor: None,
        }
    }

    /// `tickets list --limit 30` and `extra`.
    fn list(label: &str, extra: &[&str]) -> Case {
        let mut args = vec!["tickets", "list", "--limit", PAGE];
        args.extend_from_slice(extra);
        Case::new(label, &args)
    }

    /// With `condition` (values inlined) as the floor's WHERE.
    fn floor(mut self, condition: &str) -> Case {
        self.floor = Some(list_sql(condition));
        self
    }
}

fn cases(desk: &Desk) -> Vec<Case> {
    let requester = desk.requester.as_str();
    let show = desk.middle_ticket().to_string();
    vec![
        Case::new("teams list (start-up floor)", &["teams", "list"]),
        Case::list("list (view all)", &[]).floor("1 = 1"),
        Case::list("list --view unassigned", &["--view", "unassigned"])
            .floor("assignee IS NULL AND status IN ('open', 'pending')"),
        Case::list("list --view resolved", &["--view", "resolved"]).floor("status = 'resolved'"),
        Case::list("list --status pending", &["--status", "pending"]).floor("status = 'pending'"),
        Case::list("list --assignee dana", &["--assignee", ASSIGNEE])
            .floor(&format!("assignee = '{ASSIGNEE}'")),
        Case::list("list --team billing", &["--team", TEAM]).floor(&format!("team_key = '{TEAM}'")),
        Case::list("list --priority urgent", &["--priority", "urgent"])
            .floor("priority = 'urgent'"),
        Case::list("list --channel email", &["--channel", "email"]).floor("channel = 'email'"),
        // No floor: its candidates come from the text index (migration 0017), whose
        // table the `sqlite3` shells of Debian 12 (3.40) cannot read.
        Case::list("list --requester EMAIL", &["--requester", requester]),
        Case::list("list --search refund", &["--search", COMMON_WORD]),
        Case::list("list --search INV-2026-00", &["--search", MIDDLE_WORD]),
        Case::list("list --search chargeback", &["--search", RARE_WORD]),
        Case::list("list --search xylophone", &["--search", ABSENT_WORD]),
        Case::new("show N", &["tickets", "show", &show]),
    ]
}

fn latency(desk: &Desk, runs: usize, warmup: usize) -> Result<(), String> {
    println!(
        "Latency on the {}-ticket desk, {runs} timed runs per case after {warmup} warm-up runs \
         (stdout piped; list cases pass --limit {PAGE})",
        desk.tickets
    );
    let shell = sqlite3();
    match &shell {
        Some(shell) => println!(
            "floor: `{shell}` ({}) running deskctl's page query on the same file, as many runs",
            sqlite3_version(shell)
        ),
        None => println!("floor: no sqlite3 (install it, or set DESKCTL_BENCH_SQLITE3)"),
    }
    println!(
        "{:<34} {:>5} {:>8} {:>8} {:>8} {:>8} {:>8} {:>6}",
        "case (ms)", "lines", "min", "median", "p95", "max", "floor", "ratio"
    );
    for case in cases(desk) {
        let args: Vec<&str> = case.args.iter().map(String::as_str).collect();
        let mut lines = 0;
        for _ in 0..warmup {
            lines = desk.run(&args)?.lines().count();
        }
        let mut times = Vec::with_capacity(runs);
        for _ in 0..runs {
            let start = Instant::now();
            desk.run(&args)?;
            times.push(start.elapsed());
        }
        let s = Summary::of(&mut times);
        let floor = match (&shell, &case.floor) {
            (Some(shell), Some(sql)) => Some(desk.floor(shell, sql, runs, warmup, lines)?),
            _ => None,
        };
        let (floor, ratio) = match floor {
            Some(f) => (
                format!("{:.1}", f.median),
                format!("{:.2}", s.median / f.median),
            ),
            None => ("-".to_string(), "-".to_string()),
        };
        println!(
            "{:<34} {:>5} {:>8.1} {:>8.1} {:>8.1} {:>8.1} {:>8} {:>6}",
            case.label, lines, s.min, s.median, s.p95, s.max, floor, ratio
        );
    }
    Ok(())
}

fn sqlite3_version(shell: &str) -> String {
    Command::new(shell)
        .arg("--version")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|v| v.split_whitespace().next().map(str::to_string))
        .unwrap_or_default()
}

/// Order statistics of one case, in milliseconds.
struct Summary {
    min: f64,
    median: f64,
    p95: f64,
    max: f64,
}

impl Summary {
    /// `times` must not be empty; it is sorted in place.
    fn of(times: &mut [Duration]) -> Summary {
        times.sort_unstable();
        let ms: Vec<f64> = times.iter().map(|t| t.as_secs_f64() * 1000.0).collect();
        let n = ms.len();
        Summary {
            min: ms[0],
            median: median_secs(times) * 1000.0,
            p95: ms[(n * 95).div_ceil(100).max(1) - 1],
            max: ms[n - 1],
        }
    }
}

/// The median of sorted, non-empty `times`, in seconds.
fn median_secs(times: &[Duration]) -> f64 {
    let n = times.len();
    if n % 2 == 1 {
        times[n / 2].as_secs_f64()
    } else {
        (times[n / 2 - 1] + times[n / 2]).as_secs_f64() / 2.0
    }
}

// --- query plans -----------------------------------------------------------------

#[derive(Clone)]
enum Param {
    Text(String),
    Int(i64),
}

/// Runs `sql` with `params` on `conn`.
async fn fetch(
    conn: &mut SqliteConnection,
    sql: &str,
    params: &[Param],
) -> Result<Vec<SqliteRow>, String> {
    let mut query = sqlx::query(AssertSqlSafe(sql.to_string()));
    for param in params {
        query = match param {
            Param::Text(text) => query.bind(text.clone()),
            Param::Int(int) => query.bind(*int),
        };
    }
    query
        .fetch_all(conn)
        .await
        .map_err(|e| format!("{e}\n  in: {sql}"))
}

/// `list_tickets`'s text search condition: the subject or a message contains it.
const SEARCH: &str = "(subject LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM timeline e \
     WHERE e.ticket_number = tickets.number AND e.kind = 'message' \
     AND e.body LIKE ? ESCAPE '\\'))";
/// `list_tickets`'s condition for the pages after the first.
const AFTER: &str = "(last_activity_at < ? OR (last_activity_at = ? AND number < ?))";
/// The same with a row value, which SQLite turns into a range on the index.
const AFTER_ROW_VALUE: &str = "(last_activity_at, number) < (?, ?)";

/// The FTS5 query `fts_query` (src/server/store/shared.rs) makes of a word:
/// its distinct trigrams, ANDed.
fn fts_query(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut trigrams: Vec<String> = Vec::new();
    for window in chars.windows(3) {
        let trigram: String = window.iter().collect();
        if !trigrams.contains(&trigram) {
            trigrams.push(trigram);
        }
    }
    trigrams
        .iter()
        .map(|t| format!("\"{t}\""))
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// `indexed_bound` of src/server/store/shared.rs, for a page of `limit`.
fn indexed_bound(limit: u64, tickets: u64) -> u64 {
    let even = ((limit * tickets.max(1)) as f64).sqrt() as u64;
    even.clamp(limit.min(20_000), 20_000)
}

/// `%word%`, as `like_pattern` makes it (the words here need no escaping).
fn like(word: &str) -> Param {
    Param::Text(format!("%{word}%"))
}

fn text(value: &str) -> Param {
    Param::Text(value.to_string())
}

/// The SQL of one page as `Store::list_tickets` builds it (a copy: keep it in
/// step with src/server/store/tickets.rs), with the page size + 1 it asks for.
fn list_sql(condition: &str) -> String {
    format!(
        "SELECT {COLUMNS} FROM tickets WHERE {condition} \
         ORDER BY last_activity_at DESC, number DESC LIMIT 31"
    )
}

/// `list_tickets`'s condition for `--requester`.
const REQUESTER: &str = "(lower(requester_email) = lower(?) OR requester_name LIKE ? ESCAPE '\\' \
     OR requester_external_id = ?)";

/// The candidates of `--requester` (`requester_candidates` in
/// src/server/store/sqlite/ticket_search.rs).
const REQUESTER_CANDIDATES: &str = "SELECT number, list FROM (SELECT -rowid AS number, 1 AS list \
     FROM ticket_text WHERE ticket_text MATCH ?1 AND rowid < 0 LIMIT ?2) \
     UNION ALL SELECT number, 2 FROM (SELECT number FROM tickets \
     WHERE lower(requester_email) = lower(?3) LIMIT ?2) \
     UNION ALL SELECT number, 3 FROM (SELECT number FROM tickets \
     WHERE requester_external_id = ?3 LIMIT ?2) \
     UNION ALL SELECT -id, 0 FROM ticket_text_queue WHERE id < 0 AND body LIKE ?4 ESCAPE '\\'";

/// The `(last_activity_at, number)` cursor after the first `offset` tickets.
async fn cursor_after(conn: &mut SqliteConnection, offset: i64) -> Result<(String, i64), String> {
    sqlx::query_as(
        "SELECT last_activity_at, number FROM tickets \
         ORDER BY last_activity_at DESC, number DESC LIMIT 1 OFFSET ?",
    )
    .bind(offset - 1)
    .fetch_one(conn)
    .await
    .map_err(|e| format!("reading a cursor: {e}"))
}

async fn explain(desk: &Desk) -> Result<(), String> {
    let requester = desk.requester.as_str();
    let mut conn = desk.connect(true).await?;
    let (at, number) = cursor_after(&mut conn, 500).await?;
    let show = Param::Int(desk.middle_ticket() as i64);
    let queries: Vec<(&str, String, Vec<Param>)> = vec![
        ("view all", list_sql("1 = 1"), vec![]),
        (
            "view unassigned",
            list_sql("assignee IS NULL AND status IN ('open', 'pending')"),
            vec![],
        ),
        ("view resolved", list_sql("status = 'resolved'"), vec![]),
        ("--status", list_sql("status = ?"), vec![text("pending")]),
        ("--assignee", list_sql("assignee = ?"), vec![text(ASSIGNEE)]),
        ("--team", list_sql("team_key = ?"), vec![text(TEAM)]),
        ("--priority", list_sql("priority = ?"), vec![text("urgent")]),
        ("--channel", list_sql("channel = ?"), vec![text("email")]),
        (
            "--requester: its candidates",
            REQUESTER_CANDIDATES.to_string(),
            vec![
                text(&fts_query(requester)),
                Param::Int(31),
                text(requester),
                like(requester),
            ],
        ),
        (
            "--requester: the page among them",
            format!(
                "SELECT {COLUMNS} FROM tickets WHERE number IN (SELECT value FROM json_each(?)) \
                 AND {REQUESTER} ORDER BY +last_activity_at DESC, +number DESC LIMIT 31"
            ),
            vec![
                text("[]"),
                text(requester),
                like(requester),
                text(requester),
            ],
        ),
        (
            "--search, walked (a common word)",
            list_sql(SEARCH),
            vec![like(COMMON_WORD), like(COMMON_WORD)],
        ),
        (
            "--search, from the index (a rare word)",
            format!(
                "SELECT {COLUMNS} FROM tickets WHERE number IN (SELECT rowid >> 24 FROM \
                 ticket_text WHERE ticket_text MATCH ?) AND {SEARCH} \
                 ORDER BY +last_activity_at DESC, +number DESC LIMIT 31"
            ),
            vec![
                text(&fts_query(RARE_WORD)),
                like(RARE_WORD),
                like(RARE_WORD),
            ],
        ),
        (
            "next page (row-value cursor), view all",
            list_sql(AFTER_ROW_VALUE),
            vec![text(&at), Param::Int(number)],
        ),
        (
            "show: the ticket",
            format!("SELECT {COLUMNS} FROM tickets WHERE number = ?"),
            vec![show.clone()],
        ),
        (
            "show: its timeline",
            "SELECT seq, kind, author_kind, author, event, body, channel, at FROM timeline \
             WHERE ticket_number = ? ORDER BY seq"
                .to_string(),
            vec![show],
        ),
    ];
    println!(
        "Query plans on the {}-ticket desk (EXPLAIN QUERY PLAN of the SQL list_tickets builds; \
         no ANALYZE statistics, as on a real desk)",
        desk.tickets
    );
    for (label, sql, params) in queries {
        let rows = fetch(&mut conn, &format!("EXPLAIN QUERY PLAN {sql}"), &params)
            .await
            .map_err(|e| format!("EXPLAIN QUERY PLAN ({label}): {e}"))?;
        println!("  {label}:");
        // Each row is (id, parent, notused, detail); indent children under parents.
        let mut depth: BTreeMap<i64, usize> = BTreeMap::new();
        for row in rows {
            let id: i64 = row.get(0);
            let parent: i64 = row.get(1);
            let detail: String = row.get(3);
            let level = depth.get(&parent).map_or(0, |d| d + 1);
            depth.insert(id, level);
            println!("    {}{detail}", "  ".repeat(level));
        }
    }
    conn.close().await.map_err(|e| e.to_string())?;
    Ok(())
}

// --- what the suggested fixes would change ---------------------------------------

/// A copy of a desk in the cache directory, removed on drop: the what-if
/// section adds indexes and tables to it, never to the cached desk.
struct Scratch {
    dir: PathBuf,
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if let Err(e) = std::fs::remove_dir_all(&self.dir) {
            eprintln!("warning: cannot remove {}: {e}", self.dir.display());
        }
    }
}

/// The best of `runs` runs of a query, in ms, and the ticket numbers it returned.
async fn best_of(
    conn: &mut SqliteConnection,
    runs: usize,
    sql: &str,
    params: &[Param],
) -> Result<(f64, Vec<i64>), String> {
    let mut best = f64::MAX;
    let mut numbers = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        let rows = fetch(conn, sql, params).await?;
        best = best.min(start.elapsed().as_secs_f64() * 1000.0);
        numbers = rows.iter().map(|r| r.get::<i64, _>("number")).collect();
    }
    Ok((best, numbers))
}

/// Every page of the `all` view, 500 tickets a page as the CLI asks, with the
/// cursor condition `after` (2 or 3 parameters). Returns (ms, tickets).
async fn walk(conn: &mut SqliteConnection, after: &str) -> Result<(f64, u64), String> {
    let first = format!(
        "SELECT {COLUMNS} FROM tickets ORDER BY last_activity_at DESC, number DESC LIMIT 501"
    );
    let next = format!(
        "SELECT {COLUMNS} FROM tickets WHERE {after} \
         ORDER BY last_activity_at DESC, number DESC LIMIT 501"
    );
    let start = Instant::now();
    let mut rows = fetch(conn, &first, &[]).await?;
    let mut total = 0u64;
    loop {
        let more = rows.len() > 500;
        rows.truncate(500);
        total += rows.len() as u64;
        let Some(last) = rows.last().filter(|_| more) else {
            break;
        };
        let at: String = last.get("last_activity_at");
        let number: i64 = last.get("number");
        let params = if after.matches('?').count() == 3 {
            vec![text(&at), text(&at), Param::Int(number)]
        } else {
            vec![text(&at), Param::Int(number)]
        };
        rows = fetch(conn, &next, &params).await?;
    }
    Ok((start.elapsed().as_secs_f64() * 1000.0, total))
}

/// Times the slow queries, then the same with the fix each needs, in-process
/// (no process start-up) on a scratch copy of `desk`.
async fn what_if(desk: &Desk) -> Result<(), String> {
    let scratch = Scratch {
        dir: cache_dir().join(format!("what-if-{}", desk.tickets)),
    };
    if scratch.dir.exists() {
        std::fs::remove_dir_all(&scratch.dir)
            .map_err(|e| format!("cannot remove {}: {e}", scratch.dir.display()))?;
    }
    std::fs::create_dir_all(&scratch.dir)
        .map_err(|e| format!("cannot create {}: {e}", scratch.dir.display()))?;
    let copy = Desk {
        dir: scratch.dir.clone(),
        tickets: desk.tickets,
        requester: desk.requester.clone(),
    };
    std::fs::copy(desk.desk_file(), copy.desk_file())
        .map_err(|e| format!("cannot copy the desk: {e}"))?;
    let mut conn = copy.connect(false).await?;

    println!(
        "What the fixes change, in-process through sqlx (no process start-up) on a scratch copy \
         of the {}-ticket desk; best of 5, ms",
        desk.tickets
    );
    println!("{:<44} {:>10} {:>10}  fix", "query", "now", "fixed");

    // Paging: every page of `--all`, with the OR cursor and with a row value.
    let (or_ms, or_rows) = walk(&mut conn, AFTER).await?;
    let (row_ms, row_rows) = walk(&mut conn, AFTER_ROW_VALUE).await?;
    if or_rows != desk.tickets || row_rows != desk.tickets {
        return Err(format!(
            "walking the pages found {or_rows} and {row_rows} tickets, not {}",
            desk.tickets
        ));
    }
    println!(
        "{:<44} {:>10.0} {:>10.0}  (last_activity_at, number) < (?, ?)",
        "all pages of --all (500 a page, SQL only)", or_ms, row_ms
    );

    // --search: the two plans list_tickets chooses between, each timed for
    // each word, with the bounded probe that chooses (a copy of
    // src/server/store/shared.rs and sqlite/ticket_search.rs).
    let walk_sql = list_sql(SEARCH);
    let indexed_sql = format!(
        "SELECT {COLUMNS} FROM tickets WHERE number IN (SELECT rowid >> 24 FROM ticket_text \
         WHERE ticket_text MATCH ?) AND {SEARCH} ORDER BY +last_activity_at DESC, +number DESC \
         LIMIT 31"
    );
    let bound = indexed_bound(31, desk.tickets);
    for word in [COMMON_WORD, MIDDLE_WORD, RARE_WORD, ABSENT_WORD] {
        let (walked, by_walk) = best_of(&mut conn, 5, &walk_sql, &[like(word), like(word)]).await?;
        let (indexed, by_index) = best_of(
            &mut conn,
            5,
            &indexed_sql,
            &[text(&fts_query(word)), like(word), like(word)],
        )
        .await?;
        let start = Instant::now();
        let candidates: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM (SELECT 1 FROM ticket_text WHERE ticket_text MATCH ? LIMIT ?)",
        )
        .bind(fts_query(word))
        .bind(bound as i64)
        .fetch_one(&mut conn)
        .await
        .map_err(|e| e.to_string())?;
        let probe = start.elapsed().as_secs_f64() * 1000.0;
        let all: i64 = sqlx::query_scalar(
            "SELECT COUNT(DISTINCT rowid >> 24) FROM ticket_text WHERE ticket_text MATCH ?",
        )
        .bind(fts_query(word))
        .fetch_one(&mut conn)
        .await
        .map_err(|e| e.to_string())?;
        let same = if by_walk == by_index {
            ""
        } else {
            " (other tickets!)"
        };
        let chosen = if (candidates as u64) < bound {
            "index"
        } else {
            "walk"
        };
        println!(
            "{:<44} {:>10.1} {:>10.1}  probe {probe:.2} ms, {candidates} of bound {bound}: \
             {chosen}; {all} tickets hold its trigrams{same}",
            format!("--search {word}: walk, index"),
            walked,
            indexed
        );
    }
    let fts_bytes: i64 = sqlx::query_scalar(
        "SELECT COALESCE(SUM(pgsize), 0) FROM dbstat WHERE name LIKE 'ticket_text%'",
    )
    .fetch_one(&mut conn)
    .await
    .map_err(|e| e.to_string())?;
    println!(
        "  (the FTS5 index ticket_text: {:.0} MiB of the desk's {:.0} MiB)",
        fts_bytes as f64 / 1048576.0,
        desk.size_mib()
    );
    conn.close().await.map_err(|e| e.to_string())?;
    drop(scratch);
    Ok(())
}

// --- streaming -------------------------------------------------------------------

struct StreamRun {
    wall: Duration,
    peak_kib: u64,
}

/// What `--all -o jsonl` must print: every ticket once, the newest first.
struct Expected {
    count: u64,
    sum: u64,
    first: u64,
}

// --- the desk --------------------------------------------------------------------

/// A seeded desk in the cache directory; its config file points nowhere else.
struct Desk {
    dir: PathBuf,
    tickets: u64,
    /// The email of a customer with a name and a few tickets, for `--requester`.
    requester: String,
}

impl Desk {
    /// Re-uses the cached desk of `tickets` tickets when its stamp matches,
    /// otherwise seeds one in a scratch directory and moves it into place.
    fn prepare(
        runtime: &tokio::runtime::Runtime,
        tickets: u64,
        reseed: bool,
    ) -> Result<Desk, String> {
        let cache = cache_dir();
        let mut desk = Desk {
            dir: cache.join(format!("desk-{tickets}")),
            tickets,
            requester: String::new(),
        };
        let stamp = stamp(tickets)?;
        let stamped = std::fs::read_to_string(desk.dir.join("stamp")).ok();
        if !reseed && stamped.as_deref() == Some(stamp.as_str()) {
            println!(
                "desk of {tickets} tickets: re-using {} ({:.0} MiB)",
                desk.dir.display(),
                desk.size_mib()
            );
        } else {
            let scratch = Desk {
                dir: cache.join(format!("desk-{tickets}.seeding")),
                tickets,
                requester: String::new(),
            };
            for old in [&scratch.dir, &desk.dir] {
                if old.exists() {
                    std::fs::remove_dir_all(old)
                        .map_err(|e| format!("cannot remove {}: {e}", old.display()))?;
                }
            }
            std::fs::create_dir_all(&scratch.dir)
                .map_err(|e| format!("cannot create {}: {e}", scratch.dir.display()))?;
            println!(
                "desk of {tickets} tickets: seeding {} (bypassing the API: bulk SQL inserts)",
                desk.dir.display()
            );
            let start = Instant::now();
            scratch.configure()?;
            runtime.block_on(scratch.seed())?;
            // The binary opens it once more: the schema is current and the desk answers.
            let listed = scratch.run(&["tickets", "list", "--limit", "1", "-o", "name"])?;
            if listed.lines().count() != 1 {
                return Err(format!("the seeded desk lists no ticket: {listed:?}"));
            }
            std::fs::write(scratch.dir.join("stamp"), &stamp)
                .map_err(|e| format!("cannot write the stamp: {e}"))?;
            std::fs::rename(&scratch.dir, &desk.dir)
                .map_err(|e| format!("cannot move the seeded desk into place: {e}"))?;
            let secs = start.elapsed().as_secs_f64();
            println!(
                "  seeded in {secs:.1} s ({:.0} tickets/s), desk file {:.0} MiB",
                tickets as f64 / secs,
                desk.size_mib()
            );
        }
        desk.requester = runtime.block_on(desk.pick_requester())?;
        Ok(desk)
    }

    /// A named customer with an email, from the middle of the desk's history.
    async fn pick_requester(&self) -> Result<String, String> {
        let mut conn = self.connect(true).await?;
        let email: Option<String> = sqlx::query_scalar(
            "SELECT requester_email FROM tickets WHERE number >= ? \
             AND requester_name IS NOT NULL AND requester_email IS NOT NULL \
             ORDER BY number LIMIT 1",
        )
        .bind(self.middle_ticket() as i64)
        .fetch_optional(&mut conn)
        .await
        .map_err(|e| format!("picking a requester: {e}"))?;
        conn.close().await.map_err(|e| e.to_string())?;
        email.ok_or_else(|| "the desk has no requester with a name and an email".to_string())
    }

    fn desk_file(&self) -> PathBuf {
        self.dir.join("desk.sqlite")
    }

    fn size_mib(&self) -> f64 {
        std::fs::metadata(self.desk_file()).map_or(0.0, |m| m.len() as f64 / 1048576.0)
    }

    /// The ticket `tickets show` reads: from the middle of the desk's history.
    fn middle_ticket(&self) -> u64 {
        FIRST_TICKET + self.tickets / 2
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(deskctl());
        command
            .args(args)
            .env("DESKCTL_DESK", self.desk_file())
            .env("DESKCTL_CONFIG", self.dir.join("config.yaml"))
            .stdin(Stdio::null());
        for var in TARGET_VARS {
            command.env_remove(var);
        }
        command
    }

    /// Runs deskctl on this desk with stdout piped, as in a script, and fails
    /// unless it exits 0: a failed run must never be timed as a success.
    fn run(&self, args: &[&str]) -> Result<String, String> {
        let output = self
            .command(args)
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
        String::from_utf8(output.stdout)
            .map_err(|e| format!("`deskctl {}` printed invalid UTF-8: {e}", args.join(" ")))
    }

    /// `sqlite3` running `sql` on this desk's file (read-only, stdout piped),
    /// timed as deskctl is; it must print a row for each line deskctl printed
    /// (the page asks for one more, to know whether there are more).
    fn floor(
        &self,
        shell: &str,
        sql: &str,
        runs: usize,
        warmup: usize,
        lines: usize,
    ) -> Result<Summary, String> {
        let once = || -> Result<usize, String> {
            let output = Command::new(shell)
                .arg("-readonly")
                .arg(self.desk_file())
                .arg(sql)
                .stdin(Stdio::null())
                .output()
                .map_err(|e| format!("cannot run {shell}: {e}"))?;
            if !output.status.success() {
                return Err(format!(
                    "`{shell}` exited with {} on {sql}\n{}",
                    output.status,
                    String::from_utf8_lossy(&output.stderr).trim_end()
                ));
            }
            Ok(output
                .stdout
                .split(|b| *b == b'\n')
                .filter(|l| !l.is_empty())
                .count())
        };
        for _ in 0..warmup {
            let rows = once()?;
            if rows < lines {
                return Err(format!(
                    "`{shell}` printed {rows} rows, deskctl {lines}: {sql}"
                ));
            }
        }
        let mut times = Vec::with_capacity(runs);
        for _ in 0..runs {
            let start = Instant::now();
            once()?;
            times.push(start.elapsed());
        }
        Ok(Summary::of(&mut times))
    }

    /// One `tickets list --all -o jsonl` run, its output counted and checked, its
    /// peak memory sampled from /proc every millisecond.
    fn stream(&self, expected: &Expected) -> Result<StreamRun, String> {
        let args = ["tickets", "list", "--all", "-o", "jsonl"];
        let start = Instant::now();
        let mut child = self
            .command(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot run {}: {e}", deskctl()))?;
        let pid = child.id();
        let stdout = child.stdout.take().expect("stdout is piped");
        let mut stderr = child.stderr.take().expect("stderr is piped");
        let counter = thread::spawn(move || count_tickets(stdout));
        let errors = thread::spawn(move || {
            let mut text = String::new();
            let _ = stderr.read_to_string(&mut text);
            text
        });
        let done = Arc::new(AtomicBool::new(false));
        let peak = Arc::new(AtomicU64::new(0));
        let sampler = {
            let done = Arc::clone(&done);
            let peak = Arc::clone(&peak);
            thread::spawn(move || {
                let path = format!("/proc/{pid}/status");
                while !done.load(Ordering::Relaxed) {
                    if let Some(kib) = vm_hwm_kib(&path) {
                        peak.fetch_max(kib, Ordering::Relaxed);
                    }
                    thread::sleep(Duration::from_millis(1));
                }
            })
        };
        let status = child
            .wait()
            .map_err(|e| format!("waiting for deskctl: {e}"));
        let wall = start.elapsed();
        done.store(true, Ordering::Relaxed);
        let _ = sampler.join();
        let counted = counter.join().map_err(|_| "the output counter panicked")?;
        let errors = errors.join().unwrap_or_default();
        let status = status?;
        if !status.success() {
            return Err(format!(
                "`deskctl {}` exited with {status}\n{}",
                args.join(" "),
                errors.trim_end()
            ));
        }
        let (count, sum, first) = counted?;
        if count != expected.count || sum != expected.sum || first != Some(expected.first) {
            return Err(format!(
                "`deskctl {}` printed {count} tickets (sum of numbers {sum}, first {first:?}); \
                 expected {} (sum {}, first {})",
                args.join(" "),
                expected.count,
                expected.sum,
                expected.first
            ));
        }
        let peak_kib = peak.load(Ordering::Relaxed);
        if peak_kib == 0 {
            return Err(format!(
                "could not read VmHWM of deskctl (pid {pid}) from /proc"
            ));
        }
        Ok(StreamRun { wall, peak_kib })
    }

    /// What a full listing must print, from the desk itself.
    async fn newest(&self) -> Result<Expected, String> {
        let mut conn = self.connect(true).await?;
        let (count, sum): (i64, i64) = sqlx::query_as("SELECT COUNT(*), SUM(number) FROM tickets")
            .fetch_one(&mut conn)
            .await
            .map_err(|e| e.to_string())?;
        let first: i64 = sqlx::query_scalar(
            "SELECT number FROM tickets ORDER BY last_activity_at DESC, number DESC LIMIT 1",
        )
        .fetch_one(&mut conn)
        .await
        .map_err(|e| e.to_string())?;
        conn.close().await.map_err(|e| e.to_string())?;
        if count as u64 != self.tickets {
            return Err(format!(
                "{} holds {count} tickets, not {}: remove it or set DESKCTL_BENCH_RESEED=1",
                self.desk_file().display(),
                self.tickets
            ));
        }
        Ok(Expected {
            count: count as u64,
            sum: sum as u64,
            first: first as u64,
        })
    }

    async fn connect(&self, read_only: bool) -> Result<SqliteConnection, String> {
        let options = SqliteConnectOptions::new()
            .filename(self.desk_file())
            .read_only(read_only)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Off)
            .foreign_keys(false)
            .pragma("cache_size", "-262144")
            .pragma("temp_store", "memory");
        options
            .connect()
            .await
            .map_err(|e| format!("cannot open {}: {e}", self.desk_file().display()))
    }

    /// The workspace, through the binary (which creates the schema on first use).
    fn configure(&self) -> Result<(), String> {
        for (key, name, default) in [
            ("support", "Support", true),
            ("billing", "Billing", false),
            ("shipping", "Shipping", false),
            ("tech", "Technical support", false),
        ] {
            let mut args = vec!["teams", "add", key, "--name", name];
            if default {
                args.push("--default");
            }
            self.run(&args)?;
        }
        for (n, handle) in OPERATORS.iter().enumerate() {
            let name = capitalized(handle);
            let email = format!("{handle}@example.com");
            self.run(&[
                "operators",
                "add",
                handle,
                "--name",
                &name,
                "--email",
                &email,
                "--availability",
                if n % 3 == 2 { "away" } else { "online" },
                "--team",
                team_of_operator(n),
            ])?;
        }
        self.run(&[
            "operators",
            "add",
            "morgan",
            "--name",
            "Morgan",
            "--email",
            "morgan@example.com",
            "--role",
            "owner",
        ])?;
        for agent in AGENTS {
            self.run(&["agents", "add", agent.key, "--name", agent.name])?;
            self.run(&["actions", "set", agent.key, "--platform", "inbox"])?;
        }
        self.run(&[
            "fields", "add", "order-id", "--name", "Order", "--type", "text",
        ])?;
        self.run(&[
            "fields", "add", "invoice", "--name", "Invoice", "--type", "text",
        ])?;
        Ok(())
    }

    /// Bulk-inserts the tickets and their timelines, bypassing the API.
    async fn seed(&self) -> Result<(), String> {
        let mut conn = self.connect(false).await?;
        let existing: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM tickets")
            .fetch_one(&mut conn)
            .await
            .map_err(|e| format!("the desk has no tickets table: {e}"))?;
        if existing != 0 {
            return Err(format!("a fresh desk already holds {existing} tickets"));
        }
        let world = World::new(self.tickets);
        let mut next_report = self.tickets / 10;
        let mut start = 0;
        while start < self.tickets {
            let end = (start + SEED_BATCH).min(self.tickets);
            let mut tickets = Vec::with_capacity((end - start) as usize);
            let mut entries = Vec::with_capacity((end - start) as usize * 8);
            for i in start..end {
                let (ticket, timeline) = world.ticket(i);
                tickets.push(ticket);
                entries.extend(timeline);
            }
            let mut tx = conn.begin().await.map_err(|e| e.to_string())?;
            for chunk in tickets.chunks(TICKET_ROWS_PER_INSERT) {
                insert_tickets(&mut tx, chunk).await?;
            }
            for chunk in entries.chunks(ENTRY_ROWS_PER_INSERT) {
                insert_entries(&mut tx, chunk).await?;
            }
            // As every write transaction of deskctl's does before it commits.
            sqlx::raw_sql(deskctl::server::store::sqlite::INDEX_QUEUED_TEXT)
                .execute(&mut *tx)
                .await
                .map_err(|e| e.to_string())?;
            tx.commit().await.map_err(|e| e.to_string())?;
            start = end;
            if start >= next_report && start < self.tickets {
                eprintln!("  … {start} tickets");
                next_report += self.tickets / 10;
            }
        }
        // As `insert_ticket` leaves it: each operator's last assignment.
        sqlx::query(
            "UPDATE operators SET last_assigned_at = \
             (SELECT MAX(created_at) FROM tickets WHERE assignee = operators.handle)",
        )
        .execute(&mut conn)
        .await
        .map_err(|e| e.to_string())?;
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&mut conn)
            .await
            .map_err(|e| e.to_string())?;
        conn.close().await.map_err(|e| e.to_string())?;
        // Written back now rather than while the first cases are timed.
        std::fs::File::open(self.desk_file())
            .and_then(|file| file.sync_all())
            .map_err(|e| format!("cannot sync {}: {e}", self.desk_file().display()))?;
        Ok(())
    }
}

/// Where seeded desks are kept between runs: Cargo's scratch directory for
/// benches, under target/.
fn cache_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("deskctl-bench-tickets")
}

/// The stamp a cached desk of `tickets` tickets must carry to be re-used.
fn stamp(tickets: u64) -> Result<String, String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join("sqlite");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    files.sort();
    // FNV-1a: stable across builds, unlike std's hasher.
    let mut hash: u64 = 0xcbf29ce484222325;
    for file in files {
        let name = file.file_name().map(|n| n.as_encoded_bytes().to_vec());
        let contents =
            std::fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        for byte in name.unwrap_or_default().into_iter().chain(contents) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x100000001b3);
        }
    }
    Ok(format!(
        "seed v{SEED_VERSION}, {tickets} tickets, migrations {hash:016x}\n"
    ))
}

/// The peak resident set size of a running process, in KiB.
fn vm_hwm_kib(status_path: &str) -> Option<u64> {
    let status = std::fs::read_to_string(status_path).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Reads JSON lines to the end: how many, the sum of their ticket numbers and
/// the first one's number.
fn count_tickets(stdout: impl Read) -> Result<(u64, u64, Option<u64>), String> {
    let mut reader = BufReader::with_capacity(1 << 20, stdout);
    let mut line = Vec::with_capacity(4096);
    let (mut count, mut sum, mut first) = (0u64, 0u64, None);
    loop {
        line.clear();
        let read = reader
            .read_until(b'\n', &mut line)
            .map_err(|e| format!("reading deskctl's output: {e}"))?;
        if read == 0 {
            break;
        }
        // Tickets serialize their number first: `{"number":10042,...`.
        let number = line
            .strip_prefix(b"{\"number\":")
            .and_then(|rest| {
                let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
                std::str::from_utf8(&rest[..digits])
                    .ok()?
                    .parse::<u64>()
                    .ok()
            })
            .ok_or_else(|| {
                format!(
                    "not a ticket line: {}",
                    String::from_utf8_lossy(&line[..line.len().min(200)])
                )
            })?;
        if count == 0 {
            // The first line must be whole JSON, not just start like it.
            serde_json::from_slice::<serde_json::Value>(&line)
                .map_err(|e| format!("the first line is not JSON: {e}"))?;
            first = Some(number);
        }
        count += 1;
        sum += number;
    }
    Ok((count, sum, first))
}

// --- bulk inserts ----------------------------------------------------------------

/// A `tickets` row, as `insert_ticket` and later changes leave it.
struct TicketRow {
    number: i64,
    subject: String,
    status: &'static str,
    priority: &'static str,
    requester_name: Option<String>,
    requester_email: Option<String>,
    requester_external_id: Option<String>,
    assignee: Option<&'static str>,
    team: Option<&'static str>,
    agent: Option<&'static str>,
    channel: &'static str,
    fields: String,
    context: String,
    ai_paused: i64,
    handoff_id: Option<String>,
    created_at: String,
    last_activity_at: String,
}

/// A `timeline` row, as `append_entries` writes it.
struct EntryRow {
    ticket_number: i64,
    seq: i64,
    kind: &'static str,
    author_kind: &'static str,
    author: Option<String>,
    event: Option<&'static str>,
    body: Option<String>,
    channel: Option<&'static str>,
    at: String,
}

fn values_sql(table: &str, columns: &str, per_row: usize, rows: usize) -> String {
    let row = format!("({})", vec!["?"; per_row].join(", "));
    format!(
        "INSERT INTO {table} ({columns}) VALUES {}",
        vec![row; rows].join(", ")
    )
}

async fn insert_tickets(conn: &mut SqliteConnection, rows: &[TicketRow]) -> Result<(), String> {
    let sql = values_sql("tickets", COLUMNS, 18, rows.len());
    let mut query = sqlx::query(AssertSqlSafe(sql));
    for t in rows {
        query = query
            .bind(t.number)
            .bind(t.subject.as_str())
            .bind(t.status)
            .bind(t.priority)
            .bind(t.requester_name.as_deref())
            .bind(t.requester_email.as_deref())
            .bind(t.requester_external_id.as_deref())
            .bind(t.assignee)
            .bind(t.team)
            .bind(t.agent)
            .bind(t.channel)
            .bind("production")
            .bind(t.fields.as_str())
            .bind(t.context.as_str())
            .bind(t.ai_paused)
            .bind(t.handoff_id.as_deref())
            .bind(t.created_at.as_str())
            .bind(t.last_activity_at.as_str());
    }
    query
        .execute(conn)
        .await
        .map_err(|e| format!("inserting tickets: {e}"))?;
    Ok(())
}

async fn insert_entries(conn: &mut SqliteConnection, rows: &[EntryRow]) -> Result<(), String> {
    let sql = values_sql("timeline", ENTRY_COLUMNS, 9, rows.len());
    let mut query = sqlx::query(AssertSqlSafe(sql));
    for e in rows {
        query = query
            .bind(e.ticket_number)
            .bind(e.seq)
            .bind(e.kind)
            .bind(e.author_kind)
            .bind(e.author.as_deref())
            .bind(e.event)
            .bind(e.body.as_deref())
            .bind(e.channel)
            .bind(e.at.as_str());
    }
    query
        .execute(conn)
        .await
        .map_err(|e| format!("inserting timeline entries: {e}"))?;
    Ok(())
}

// --- what the desk holds ---------------------------------------------------------

/// Six operators per team, in team order: support, billing, shipping, tech.
const OPERATORS: &[&str] = &[
    "alice", "bruno", "chen", "dana", "emil", "fatima", "gus", "hana", "ivan", "jonas", "kemal",
    "lea", "marta", "nils", "olga", "priya", "quinn", "rosa", "sven", "tomas", "ulla", "vera",
    "wen", "yusuf",
];
const TEAMS: &[&str] = &["support", "billing", "shipping", "tech"];
/// How tickets spread over a team's six members: some carry more than others.
const MEMBER_WEIGHTS: &[u64] = &[30, 22, 16, 12, 10, 10];

fn team_of_operator(n: usize) -> &'static str {
    TEAMS[n / 6]
}

fn members(team: &str) -> &'static [&'static str] {
    let t = TEAMS.iter().position(|k| *k == team).unwrap_or(0);
    &OPERATORS[t * 6..t * 6 + 6]
}

struct Agent {
    key: &'static str,
    name: &'static str,
    /// Channels in per-mille weights.
    channels: &'static [(&'static str, u64)],
}

const AGENTS: &[Agent] = &[
    Agent {
        key: "shop",
        name: "Shop assistant",
        channels: &[("web", 600), ("whatsapp", 250), ("telegram", 150)],
    },
    Agent {
        key: "billing-bot",
        name: "Billing assistant",
        channels: &[("web", 700), ("help-page", 300)],
    },
    Agent {
        key: "help-center",
        name: "Help center",
        channels: &[("help-page", 600), ("web", 300), ("whatsapp", 100)],
    },
];

#[derive(Clone, Copy, PartialEq)]
enum Field {
    Order,
    Invoice,
    Nothing,
}

/// What a conversation is about, with the customer's and the AI's words
/// (`{order}`, `{invoice}` and `{item}` filled in per ticket).
struct Topic {
    /// Per-mille share of tickets.
    weight: u64,
    team: &'static str,
    agent: usize,
    field: Field,
    first: &'static str,
    ai: &'static str,
    follow_up: &'static str,
    email_subject: &'static str,
}

const TOPICS: &[Topic] = &[
    Topic {
        weight: 240,
        team: "shipping",
        agent: 0,
        field: Field::Order,
        first: "Where is my order {order}? It should have arrived last week.",
        ai: "I checked order {order}: it left our warehouse and is with the carrier, but tracking shows no update for five days.",
        follow_up: "That's not good enough, I want to talk to a person.",
        email_subject: "Order {order} has not arrived",
    },
    Topic {
        weight: 120,
        team: "shipping",
        agent: 0,
        field: Field::Order,
        first: "I'd like a refund for order {order}, the {item} arrived damaged.",
        ai: "I'm sorry the {item} arrived damaged. I can't issue refunds myself, so I'm handing you over to a colleague.",
        follow_up: "Please be quick, I need the money back before the weekend.",
        email_subject: "Refund for damaged {item} ({order})",
    },
    Topic {
        weight: 120,
        team: "billing",
        agent: 1,
        field: Field::Invoice,
        first: "I was charged twice for invoice {invoice}.",
        ai: "I can see two payments for invoice {invoice}. A colleague from billing has to look at this.",
        follow_up: "OK, please refund the second payment.",
        email_subject: "Charged twice for {invoice}",
    },
    Topic {
        weight: 100,
        team: "tech",
        agent: 2,
        field: Field::Nothing,
        first: "I can't log in after resetting my password.",
        ai: "Did you use the link from the most recent reset email? Older links stop working.",
        follow_up: "Yes, I did, and it still says my password is wrong.",
        email_subject: "Can't log in after password reset",
    },
    Topic {
        weight: 100,
        team: "shipping",
        agent: 0,
        field: Field::Order,
        first: "How do I change the delivery address for order {order}?",
        ai: "The address of order {order} can only be changed before it ships. Let me get someone to check.",
        follow_up: "I moved last month, the parcel must not go to the old address.",
        email_subject: "New delivery address for {order}",
    },
    Topic {
        weight: 100,
        team: "support",
        agent: 0,
        field: Field::Order,
        first: "The {item} I bought stopped working after two weeks.",
        ai: "I'm sorry to hear that. Your {item} is under warranty; a colleague will arrange a replacement.",
        follow_up: "Can you send the replacement before I return the broken one?",
        email_subject: "{item} stopped working (warranty)",
    },
    Topic {
        weight: 80,
        team: "billing",
        agent: 1,
        field: Field::Nothing,
        first: "Can I cancel my subscription before the next billing date?",
        ai: "Yes, you can cancel any time before the billing date. I'll connect you with billing to do it.",
        follow_up: "Thanks. Do I get a partial refund for this month?",
        email_subject: "Cancel my subscription",
    },
    Topic {
        weight: 80,
        team: "tech",
        agent: 2,
        field: Field::Nothing,
        first: "Your app crashes when I open the settings page.",
        ai: "Which version of the app do you use? You find it under About.",
        follow_up: "Version 4.2 on Android, it crashes every time.",
        email_subject: "App crashes on the settings page",
    },
    Topic {
        weight: 59,
        team: "billing",
        agent: 1,
        field: Field::Order,
        first: "I need an invoice with my company's VAT number for order {order}.",
        ai: "I can't change invoices, but a colleague from billing can issue a corrected one for order {order}.",
        follow_up: "The VAT number is DE123456789.",
        email_subject: "Invoice with VAT number for {order}",
    },
    Topic {
        weight: 1,
        team: "billing",
        agent: 1,
        field: Field::Invoice,
        first: "My bank reports a chargeback on the payment for {invoice}, what happened?",
        ai: "A chargeback means your bank reversed the payment for {invoice}. Billing has to look into it.",
        follow_up: "Please sort this out, I don't want my account blocked.",
        email_subject: "Chargeback on {invoice}",
    },
];

const ITEMS: &[&str] = &[
    "coffee grinder",
    "desk lamp",
    "backpack",
    "kettle",
    "headphones",
    "running shoes",
    "phone case",
    "blender",
];

const REPLIES: &[&str] = &[
    "Thanks for your patience. I've looked into this and sorted it out; you'll get a confirmation by email within the hour.",
    "Sorry for the trouble. I've passed this on to the team in charge and will get back to you tomorrow.",
    "I've checked your account and everything is in order now. Let me know if anything else comes up.",
    "Could you send us a photo of the problem? Then we can take it from there.",
];

const FIRST_NAMES: &[&str] = &[
    "Anna",
    "Ben",
    "Carla",
    "David",
    "Elif",
    "Felix",
    "Greta",
    "Hugo",
    "Ines",
    "Jan",
    "Kira",
    "Luca",
    "Mia",
    "Noah",
    "Olivia",
    "Paul",
    "Rania",
    "Sam",
    "Tara",
    "Umar",
    "Valentina",
    "William",
    "Xenia",
    "Yara",
    "Zoe",
];
const LAST_NAMES: &[&str] = &[
    "Schmidt", "Rossi", "Nowak", "Garcia", "Dubois", "Jensen", "Kowalski", "Silva", "Brown",
    "Yilmaz", "Novak", "Meyer", "Costa", "Larsen", "Moreau", "Fischer", "Santos", "Horvat",
];
const DOMAINS: &[&str] = &["example.com", "example.org", "example.net"];
const LOCALES: &[&str] = &["en-GB", "de-DE", "fr-FR", "es-ES", "nl-NL"];
const PLANS: &[(&str, u64)] = &[("free", 600), ("pro", 300), ("gold", 100)];

/// A customer of the desk, the same for the same id.
struct Customer {
    name: Option<String>,
    email: String,
    /// Some web visitors never give an address.
    anonymous: bool,
    id: u64,
}

impl Customer {
    fn of(id: u64) -> Customer {
        let mut rng = Rng::new(id ^ 0x0C05_70E2);
        let first = *rng.pick(FIRST_NAMES);
        let last = *rng.pick(LAST_NAMES);
        let domain = *rng.pick(DOMAINS);
        Customer {
            name: (id % 10 != 3).then(|| format!("{first} {last}")),
            email: format!(
                "{}.{}{id}@{domain}",
                first.to_lowercase(),
                last.to_lowercase()
            ),
            anonymous: id % 7 == 5,
            id,
        }
    }
}

/// The seed's fixed inputs: the time range and the customer base.
struct World {
    end_us: i64,
    step_us: i64,
    customers: u64,
}

const MINUTE: i64 = 60_000_000;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;

impl World {
    fn new(tickets: u64) -> World {
        let end: Timestamp = END.parse().expect("END is a timestamp");
        World {
            end_us: end.as_microsecond(),
            step_us: (SPAN_DAYS * DAY / tickets as i64).max(1),
            customers: (tickets / 3).max(50),
        }
    }

    /// `t + delay`, but never after the end of the desk's history (nor before `t`).
    fn later(&self, t: i64, delay: i64) -> i64 {
        (t + delay).min(self.end_us.max(t))
    }

    /// Ticket `i` (0-based; numbers and creation times rise together) and its timeline.
    fn ticket(&self, i: u64) -> (TicketRow, Vec<EntryRow>) {
        let number = FIRST_TICKET + i;
        let mut rng = Rng::new(number.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x5EED);
        let created = self.end_us - SPAN_DAYS * DAY
            + i as i64 * self.step_us
            + rng.below(self.step_us as u64) as i64;
        let age = self.end_us - created;

        let topic = &TOPICS[rng.weighted_index(TOPICS.iter().map(|t| t.weight))];
        let email_ticket = rng.percent(15);
        let agent = (!email_ticket).then(|| &AGENTS[topic.agent]);
        let channel = match agent {
            Some(agent) => agent.channels[rng.weighted_index(agent.channels.iter().map(|c| c.1))].0,
            None => "email",
        };
        let customer = Customer::of(rng.below(self.customers));
        let order = format!("A-{:06}", rng.below(1_000_000));
        let invoice = format!("INV-2026-{:05}", rng.below(100_000));
        let item = *rng.pick(ITEMS);
        let fill = |text: &str| {
            text.replace("{order}", &order)
                .replace("{invoice}", &invoice)
                .replace("{item}", item)
        };

        let requester_email = (channel == "email"
            || !(customer.anonymous && matches!(channel, "web" | "help-page")))
        .then(|| customer.email.clone());
        let requester_external_id = match channel {
            "web" | "help-page" => Some(format!("visitor-{}", customer.id)),
            "whatsapp" => Some(format!("whatsapp:+4915{:08}", customer.id)),
            "telegram" => Some(format!("telegram:{}", 100_000 + customer.id)),
            _ => None,
        };
        let requester_name = customer.name.clone();
        let who = requester_name
            .clone()
            .or_else(|| requester_email.clone())
            .or_else(|| requester_external_id.clone())
            .unwrap_or_default();
        // Transcript authors: the customer's name, else email (`new_ticket`).
        let customer_author = requester_name.clone().or_else(|| requester_email.clone());

        let priority = ["low", "medium", "high", "urgent"][rng.weighted_index([300, 450, 200, 50])];
        let team = (!rng.percent(3)).then_some(topic.team);
        let first_assignee = match team {
            Some(team) if rng.percent(85) => {
                Some(members(team)[rng.weighted_index(MEMBER_WEIGHTS.iter().copied())])
            }
            _ => None,
        };

        // Older tickets are mostly resolved; new ones still open or waiting.
        let status_weights = if age < DAY {
            [500, 200, 300]
        } else if age < 7 * DAY {
            [150, 200, 650]
        } else if age < 30 * DAY {
            [30, 50, 920]
        } else {
            [3, 5, 992]
        };
        let status = ["open", "pending", "resolved"][rng.weighted_index(status_weights)];
        let taken_pct = match status {
            "resolved" => 90,
            "pending" => 70,
            _ => 40,
        };
        let assignee = match (first_assignee, team) {
            (Some(handle), _) => Some(handle),
            (None, Some(team)) if rng.percent(taken_pct) => {
                Some(members(team)[rng.weighted_index(MEMBER_WEIGHTS.iter().copied())])
            }
            _ => None,
        };

        let mut timeline = Timeline::new(number as i64);
        match agent {
            Some(agent) => {
                let first = fill(topic.first);
                let ai = fill(topic.ai);
                let follow_up = rng.percent(70).then(|| fill(topic.follow_up));
                let messages = 2 + usize::from(follow_up.is_some());
                timeline.event(
                    "system",
                    None,
                    "created",
                    format!(
                        "Handed over by agent {} on {channel} (production)",
                        agent.key
                    ),
                    created,
                );
                let mut summary = vec![format!(
                    "{who} talked to {} ({}) on {channel}: {messages} messages, {} from the customer.",
                    agent.name,
                    agent.key,
                    messages - 1
                )];
                match rng.weighted_index([600, 300, 100]) {
                    0 => summary.push("Reason: the customer asked for a human.".into()),
                    1 => summary.push("Reason: the AI could not resolve the issue.".into()),
                    _ => {}
                }
                match &follow_up {
                    Some(last) => {
                        summary.push(format!("First customer message: \"{first}\""));
                        summary.push(format!("Last customer message: \"{last}\""));
                    }
                    None => summary.push(format!("Customer message: \"{first}\"")),
                }
                match topic.field {
                    Field::Order => summary.push(format!("Fields set: order-id = {order}.")),
                    Field::Invoice => summary.push(format!("Fields set: invoice = {invoice}.")),
                    Field::Nothing => {}
                }
                timeline.event("system", None, "summary", summary.join("\n"), created);
                let talk_start = created - (3 + rng.below(20) as i64) * MINUTE;
                timeline.message(
                    "customer",
                    customer_author.clone(),
                    first,
                    channel,
                    talk_start,
                );
                timeline.message(
                    "ai",
                    Some(agent.key.to_string()),
                    ai,
                    channel,
                    talk_start + 20_000_000,
                );
                if let Some(last) = follow_up {
                    timeline.message(
                        "customer",
                        customer_author.clone(),
                        last,
                        channel,
                        talk_start + 90_000_000,
                    );
                }
            }
            None => {
                timeline.event(
                    "system",
                    None,
                    "created",
                    "Email to the support inbox support@example.com".into(),
                    created,
                );
                let mut body = fill(topic.first);
                if rng.percent(50) {
                    body = format!(
                        "Hello,\n\n{body}\n\n{}\n\nBest regards",
                        fill(topic.follow_up)
                    );
                }
                timeline.message("customer", customer_author.clone(), body, "email", created);
            }
        }
        let team_size = 6;
        match (first_assignee, team) {
            (Some(handle), _) => timeline.event(
                "system",
                None,
                "assigned",
                format!(
                    "Assigned to {handle}: balanced: {handle} has the fewest open tickets ({}) among {} available",
                    rng.below(6),
                    2 + rng.below(team_size - 1)
                ),
                created,
            ),
            (None, Some(team)) => timeline.event(
                "system",
                None,
                "unassigned",
                format!(
                    "Not assigned: nobody in team {team} is online and under capacity \
                     ({team_size} members: {team_size} not online)"
                ),
                created,
            ),
            (None, None) => timeline.event(
                "system",
                None,
                "unassigned",
                "Not assigned: no team to assign within".into(),
                created,
            ),
        }

        // What happened since: taken, replied (over email, or live after a
        // take-over), resolved; or the customer wrote again.
        let mut now = created;
        let max_wait = |cap: i64| age.clamp(MINUTE, cap);
        if first_assignee.is_none()
            && let Some(handle) = assignee
        {
            now = self.later(now, log_uniform(&mut rng, 2 * MINUTE, max_wait(DAY)));
            timeline.event(
                "operator",
                Some(handle),
                "assigned",
                format!("Taken by {handle}"),
                now,
            );
        }
        let (actor_kind, actor) = match assignee {
            Some(handle) => ("operator", Some(handle)),
            // The local desk acts as its owner (`actor` in routes/tickets.rs).
            None => ("system", Some("owner")),
        };
        let mut ai_paused = 0;
        let mut reply = |timeline: &mut Timeline, rng: &mut Rng, at: i64| {
            let text = rng.pick(REPLIES).to_string();
            let on = if requester_email.is_some() {
                "email"
            } else {
                if ai_paused == 0 {
                    timeline.event(
                        actor_kind,
                        actor,
                        "taken-over",
                        "Taken over: the AI stops answering".into(),
                        at,
                    );
                    ai_paused = 1;
                }
                channel
            };
            timeline.message(actor_kind, actor.map(str::to_string), text, on, at);
        };
        match status {
            "resolved" => {
                if rng.percent(80) {
                    now = self.later(now, log_uniform(&mut rng, 5 * MINUTE, max_wait(3 * DAY)));
                    reply(&mut timeline, &mut rng, now);
                }
                now = self.later(now, log_uniform(&mut rng, 5 * MINUTE, max_wait(7 * DAY)));
                timeline.event(actor_kind, actor, "resolved", "Resolved".into(), now);
            }
            "pending" => {
                now = self.later(now, log_uniform(&mut rng, 5 * MINUTE, max_wait(3 * DAY)));
                reply(&mut timeline, &mut rng, now);
            }
            _ => {
                if agent.is_some() && rng.percent(50) {
                    now = self.later(now, log_uniform(&mut rng, MINUTE, max_wait(2 * DAY)));
                    timeline.message(
                        "customer",
                        customer_author.clone(),
                        "Is anybody there? I'm still waiting for an answer.".into(),
                        channel,
                        now,
                    );
                }
            }
        }

        let subject = match agent {
            Some(_) => cut(&fill(topic.first), 80),
            None => fill(topic.email_subject),
        };
        let fields = match topic.field {
            Field::Order => format!(r#"{{"order-id":"{order}"}}"#),
            Field::Invoice => format!(r#"{{"invoice":"{invoice}"}}"#),
            Field::Nothing => "{}".to_string(),
        };
        let context = match agent {
            Some(_) => format!(
                r#"{{"locale":"{}","plan":"{}"}}"#,
                rng.pick(LOCALES),
                PLANS[rng.weighted_index(PLANS.iter().map(|p| p.1))].0
            ),
            None => "{}".to_string(),
        };
        let handoff_id = agent.map(|_| format!("hof_{:012x}", rng.next() >> 16));
        let ticket = TicketRow {
            number: number as i64,
            subject,
            status,
            priority,
            requester_name,
            requester_email,
            requester_external_id,
            assignee,
            team,
            agent: agent.map(|a| a.key),
            channel,
            fields,
            context,
            ai_paused,
            handoff_id,
            created_at: stored(created),
            last_activity_at: stored(now),
        };
        (ticket, timeline.entries)
    }
}

/// A ticket's timeline under construction, numbered from 1.
struct Timeline {
    number: i64,
    entries: Vec<EntryRow>,
}

impl Timeline {
    fn new(number: i64) -> Timeline {
        Timeline {
            number,
            entries: Vec::with_capacity(8),
        }
    }

    fn push(&mut self, mut entry: EntryRow) {
        entry.seq = self.entries.len() as i64 + 1;
        self.entries.push(entry);
    }

    fn event(
        &mut self,
        author_kind: &'static str,
        author: Option<&str>,
        event: &'static str,
        body: String,
        at: i64,
    ) {
        self.push(EntryRow {
            ticket_number: self.number,
            seq: 0,
            kind: "event",
            author_kind,
            author: author.map(str::to_string),
            event: Some(event),
            body: Some(body),
            channel: None,
            at: stored(at),
        });
    }

    fn message(
        &mut self,
        author_kind: &'static str,
        author: Option<String>,
        body: String,
        channel: &'static str,
        at: i64,
    ) {
        self.push(EntryRow {
            ticket_number: self.number,
            seq: 0,
            kind: "message",
            author_kind,
            author,
            event: None,
            body: Some(body),
            channel: Some(channel),
            at: stored(at),
        });
    }
}

/// A time as the store writes it (`stored_time` in src/server/store/mod.rs):
/// RFC 3339 in UTC with exactly six fractional digits.
fn stored(us: i64) -> String {
    let at = Timestamp::from_microsecond(us).expect("seed times are in range");
    format!(
        "{}.{:06}Z",
        at.strftime("%Y-%m-%dT%H:%M:%S"),
        at.subsec_microsecond()
    )
}

/// `text` cut to `max` characters with an ellipsis, as subjects are (`cut` in
/// src/server/routing/handoff.rs).
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut short: String = text.chars().take(max - 1).collect();
    short.truncate(short.trim_end().len());
    short.push('…');
    short
}

fn capitalized(handle: &str) -> String {
    let mut chars = handle.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A delay between `min` and `max` microseconds, short ones likelier.
fn log_uniform(rng: &mut Rng, min: i64, max: i64) -> i64 {
    if max <= min {
        return max.max(1);
    }
    let (lo, hi) = ((min as f64).ln(), (max as f64).ln());
    (lo + (hi - lo) * rng.unit()).exp() as i64
}

/// SplitMix64: small, fast and the same on every machine, so desks are reproducible.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn percent(&mut self, pct: u64) -> bool {
        self.below(100) < pct
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    fn weighted_index(&mut self, weights: impl IntoIterator<Item = u64> + Clone) -> usize {
        let total: u64 = weights.clone().into_iter().sum();
        let mut roll = self.below(total);
        for (index, weight) in weights.into_iter().enumerate() {
            if roll < weight {
                return index;
            }
            roll -= weight;
        }
        0
    }
}
