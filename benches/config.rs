//! Declarative configuration at scale: a desk document of ~1,000 resources
//! (operators in teams, ticket fields, priority and assignment rules, agents with
//! their handover actions, and the settings sections), planned and applied the
//! way `deskctl diff` and `deskctl apply` do it.
//!
//! Measured, on a fresh local desk for every run:
//!
//! 1. In-process, through the same client the CLI uses on the local desk
//!    (`Client::local`: the whole router, auth, JSON in and out, the store):
//!    - reading the document: YAML with locations, then its `${env:…}` secret
//!      resolved, as `read_document` in src/cli/document.rs does;
//!    - `POST /v1/config/plan` against the empty desk (everything to add);
//!    - `PUT /v1/config` of that plan: one write transaction;
//!    - the plan again, against the applied desk: no changes;
//!    - the same `PUT` again: a no-op apply through the API, as a script that
//!      skips the plan would send it;
//!    - `GET /v1/config` (export).
//! 2. End to end, the release binary as a user runs it, spawned and waited for:
//!    `deskctl apply -f FILE --yes` on a desk with nothing configured,
//!    `deskctl diff -f FILE` after it (exit 0: no changes), and the no-op
//!    `deskctl apply -f FILE --yes` again (which plans, finds nothing to do and
//!    stops there).
//!
//! Every run checks what it timed: the first plan adds every resource, the
//! apply carries the whole plan out, and the plans after it find nothing.
//!
//! A plain `harness = false` binary rather than criterion, which would slow every
//! CI build. Run it with `cargo bench --bench config`; see `docs/performance.md`.
//! Environment variables scale it:
//!
//! - `DESKCTL_BENCH_RESOURCES` listed resources in the document (1000)
//! - `DESKCTL_BENCH_RUNS`      timed runs of each case, each on a fresh desk (30)
//! - `DESKCTL_BENCH_DIR`       where the scratch desks are created (the temp dir)

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Output, Stdio};
use std::str::FromStr;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use deskctl::api::{ConfigRequest, DeskDocument, Plan};
use deskctl::client::Client;
use deskctl::manifest::Source;
use deskctl::manifest::parse::parse;
use deskctl::manifest::secrets::resolve;

/// The binary to run (see [`deskctl_binary::deskctl`]).
#[path = "common/binary.rs"]
mod deskctl_binary;
use deskctl_binary::deskctl;

/// Variables that would point a child at a server or a context instead of the
/// scratch desk.
const TARGET_VARS: &[&str] = &["DESKCTL_CONTEXT", "DESKCTL_SERVER", "DESKCTL_TOKEN"];
/// The environment variable the document's email password refers to.
const SECRET_VAR: &str = "DESKCTL_BENCH_SMTP_PASSWORD";
const SECRET: &str = "bench-not-a-real-password";
/// Untimed runs of the whole sequence first, so the page cache holds the binary.
const WARMUP_RUNS: usize = 1;

struct Settings {
    resources: usize,
    runs: usize,
    dir: PathBuf,
}

fn main() -> ExitCode {
    // Cargo passes `--bench`, and `cargo bench -- FILTER` passes a filter meant for
    // other harnesses: this bench always runs everything.
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("config bench failed: cannot start tokio: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("config bench failed: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), String> {
    let settings = settings()?;
    let scratch = Scratch::create(&settings.dir)?;
    let shape = Shape::of(settings.resources);
    let text = shape.document();
    let file = scratch.path("desk.yaml");
    std::fs::write(&file, &text).map_err(|e| format!("cannot write {}: {e}", file.display()))?;

    println!("deskctl declarative configuration");
    println!("binary:   {}", deskctl());
    println!("scratch:  {}", scratch.dir.display());
    println!(
        "document: {} listed resources ({} operators in {} teams, {} ticket fields, \
         {} priority and {} assignment rules, {} agents with handover actions) and 5 settings \
         sections; {} lines, {} KiB",
        shape.listed(),
        shape.operators,
        shape.teams,
        shape.fields,
        shape.priority_rules,
        shape.assignment_rules,
        shape.agents,
        text.lines().count(),
        text.len() / 1024
    );
    println!(
        "runs:     {} timed runs per case, each on a fresh desk, after {WARMUP_RUNS} warm-up run\n",
        settings.runs
    );

    let mut in_process = Timings::default();
    let mut cli = Timings::default();
    // Warm-up runs record into a throwaway.
    let mut warmup = Timings::default();
    for run in 0..WARMUP_RUNS + settings.runs {
        let times = if run < WARMUP_RUNS {
            &mut warmup
        } else {
            &mut in_process
        };
        in_process_run(&scratch, run, &text, &shape, times).await?;
    }
    in_process.print("in-process, through the local desk's client (ms)");

    for run in 0..WARMUP_RUNS + settings.runs {
        let times = if run < WARMUP_RUNS {
            &mut warmup
        } else {
            &mut cli
        };
        cli_run(&scratch, run, &file, times)?;
    }
    println!();
    cli.print("the release binary, spawned (ms)");
    Ok(())
}

fn settings() -> Result<Settings, String> {
    let settings = Settings {
        resources: number("DESKCTL_BENCH_RESOURCES", 1_000)?,
        runs: number("DESKCTL_BENCH_RUNS", 30)?,
        dir: std::env::var_os("DESKCTL_BENCH_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(std::env::temp_dir),
    };
    if settings.resources < 50 || settings.runs == 0 {
        return Err(
            "DESKCTL_BENCH_RESOURCES must be at least 50 and DESKCTL_BENCH_RUNS at least 1".into(),
        );
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

/// How many of each resource the document lists.
struct Shape {
    teams: usize,
    operators: usize,
    fields: usize,
    priority_rules: usize,
    assignment_rules: usize,
    agents: usize,
}

impl Shape {
    /// `resources` split as a large desk might be: 2% teams, 30% operators, 8%
    /// ticket fields, 10% each of priority and assignment rules, the rest agents.
    fn of(resources: usize) -> Shape {
        let teams = resources / 50;
        let operators = resources * 3 / 10;
        let fields = resources * 8 / 100;
        let rules = resources / 10;
        Shape {
            teams,
            operators,
            fields,
            priority_rules: rules,
            assignment_rules: rules,
            agents: resources - teams - operators - fields - 2 * rules,
        }
    }

    fn listed(&self) -> usize {
        self.teams
            + self.operators
            + self.fields
            + self.priority_rules
            + self.assignment_rules
            + self.agents
    }

    /// The document as someone would write it: YAML, every section present,
    /// memberships stated on the operators, the email password from the
    /// environment.
    fn document(&self) -> String {
        let mut y = String::from("apiVersion: deskctl/v1\nkind: Desk\n\noperators:\n");
        for i in 0..self.operators {
            let role = match i {
                0 => "owner",
                i if i % 25 == 0 => "manager",
                _ => "operator",
            };
            let _ = write!(
                y,
                "  - handle: operator-{i:04}\n    name: Operator {i:04}\n    \
                 email: operator-{i:04}@acme.example\n    role: {role}\n    \
                 teams: [team-{:02}",
                i % self.teams
            );
            if i % 3 == 0 {
                let _ = write!(y, ", team-{:02}", (i + 7) % self.teams);
            }
            y.push_str("]\n");
            if i % 4 == 0 {
                let _ = writeln!(y, "    capacity: {}", 3 + i % 6);
            }
        }
        y.push_str("\nteams:\n");
        for t in 0..self.teams {
            let _ = writeln!(y, "  - key: team-{t:02}\n    name: Team {t:02}");
            if t == 0 {
                y.push_str("    default: true\n");
            }
        }
        y.push_str("\nticket-fields:\n");
        for f in 0..self.fields {
            let _ = writeln!(y, "  - key: field-{f:03}\n    name: Field {f:03}");
            match f % 3 {
                0 => y.push_str("    type: text\n"),
                1 => y.push_str("    type: number\n"),
                _ => y.push_str(
                    "    type: dropdown\n    options: [bronze, silver, gold, platinum]\n",
                ),
            }
        }
        y.push_str(
            "\nassignment:\n  method: balanced\n\
             \nbusiness-hours:\n  enabled: true\n  timezone: Europe/Berlin\n  \
             days: [monday, tuesday, wednesday, thursday, friday]\n  start: \"08:30\"\n  \
             end: \"18:00\"\n  holidays: [\"2026-12-24\", \"2026-12-25\", \"2027-01-01\"]\n\
             \nnotifications:\n  email-owners-on-human-request: true\n\
             \nhandoff:\n  preview-in-non-production: true\n\
             \nemail:\n  host: smtp.acme.example\n  port: 587\n  tls: starttls\n  \
             username: desk@acme.example\n  from: Acme Support <support@acme.example>\n",
        );
        let _ = writeln!(y, "  password: ${{env:{SECRET_VAR}}}");
        y.push_str("\nrules:\n  priority:\n");
        let priorities = ["low", "medium", "high", "urgent"];
        for r in 0..self.priority_rules {
            let _ = write!(
                y,
                "    - name: priority rule {r:03}\n      match: any\n      conditions:\n        \
                 - field: context.field-{:03}\n          op: equals\n          value: gold\n        \
                 - field: reason\n          op: contains\n          value: keyword-{r}\n      \
                 priority: {}\n",
                (r * 3 + 2) % self.fields,
                priorities[r % 4]
            );
        }
        y.push_str("  assignment:\n");
        for r in 0..self.assignment_rules {
            let _ = write!(
                y,
                "    - name: assignment rule {r:03}\n      conditions:\n        \
                 - field: context.account\n          op: equals\n          value: account-{r}\n      \
                 team: team-{:02}\n",
                r % self.teams
            );
        }
        y.push_str("\nagents:\n");
        let channels = ["[web, help-page]", "[web, whatsapp, telegram]", "[email]"];
        for a in 0..self.agents {
            let _ = write!(
                y,
                "  - key: agent-{a:04}\n    name: Agent {a:04}\n    handover:\n      \
                 platform: inbox\n      when-to-use: >-\n        When the customer asks for a \
                 person, or after two answers that did not help (agent {a}).\n      \
                 channels: {}\n      default-priority: {}\n      message-threshold: {}\n      \
                 labels:\n        waiting: Connecting you with a member of our team…\n        \
                 connected: You are now chatting with a member of our team.\n",
                channels[a % 3],
                priorities[a % 4],
                a % 4
            );
        }
        y
    }
}

/// What `read_document` (src/cli/document.rs) does: parse with locations,
/// resolve the secret references.
fn read_document(text: &str, dir: &Path) -> Result<DeskDocument, String> {
    let source = Source::new("desk.yaml", text, dir);
    let parsed = parse(&source).map_err(|d| format!("the document does not parse: {d:?}"))?;
    let mut document = parsed.document;
    let lookup = |name: &str| (name == SECRET_VAR).then(|| SECRET.into());
    let unresolved = resolve(&mut document, &parsed.tree, &source, &lookup);
    if unresolved.is_empty() {
        Ok(document)
    } else {
        Err(format!("unresolved secrets: {unresolved:?}"))
    }
}

async fn in_process_run(
    scratch: &Scratch,
    run: usize,
    text: &str,
    shape: &Shape,
    times: &mut Timings,
) -> Result<(), String> {
    let desk = scratch.path(&format!("in-process-{run}.sqlite"));
    let keys =
        deskctl::server::sealing::Keys::given(vec![deskctl::server::sealing::Key::generate()]);
    let client = Client::local(
        &deskctl::server::store::Location::Sqlite(desk.clone()),
        keys,
    )
    .await
    .map_err(|e| format!("cannot open {}: {e}", desk.display()))?;
    let result = in_process_phases(&client, scratch, text, shape, times).await;
    client.close().await;
    scratch.remove_desk(&desk);
    result
}

async fn in_process_phases(
    client: &Client,
    scratch: &Scratch,
    text: &str,
    shape: &Shape,
    times: &mut Timings,
) -> Result<(), String> {
    let start = Instant::now();
    let document = read_document(text, &scratch.dir)?;
    times.record("read the document (parse, secrets)", start.elapsed());
    let request = ConfigRequest {
        document,
        prune: false,
        secret_references: Default::default(),
        skip_secrets: false,
    };

    let start = Instant::now();
    let plan = client
        .plan_config(&request)
        .await
        .map_err(|e| format!("plan against the empty desk failed: {e}"))?;
    times.record("plan against an empty desk", start.elapsed());
    if plan.summary.add as usize != shape.listed() {
        return Err(format!(
            "the plan against an empty desk should add {} resources: {:?}",
            shape.listed(),
            plan.summary
        ));
    }
    let revision = revision_of(&plan)?;

    let start = Instant::now();
    let applied = client
        .apply_config(&request, &revision)
        .await
        .map_err(|e| format!("apply to the empty desk failed: {e}"))?;
    times.record("apply to the empty desk", start.elapsed());
    if applied.plan.summary != plan.summary {
        return Err(format!(
            "apply carried out {:?}, the plan was {:?}",
            applied.plan.summary, plan.summary
        ));
    }

    let start = Instant::now();
    let again = client
        .plan_config(&request)
        .await
        .map_err(|e| format!("plan against the applied desk failed: {e}"))?;
    times.record("plan against the applied desk", start.elapsed());
    unchanged("the plan against the applied desk", &again)?;

    let start = Instant::now();
    let reapplied = client
        .apply_config(&request, &revision_of(&again)?)
        .await
        .map_err(|e| format!("the second apply failed: {e}"))?;
    times.record("apply again (no changes)", start.elapsed());
    unchanged("the second apply", &reapplied.plan)?;
    if reapplied.revision != applied.revision {
        return Err(format!(
            "a no-op apply moved the revision from {} to {}",
            applied.revision, reapplied.revision
        ));
    }

    let start = Instant::now();
    let exported = client
        .export_config()
        .await
        .map_err(|e| format!("export failed: {e}"))?;
    times.record("export", start.elapsed());
    let agents = exported.document.agents.map_or(0, |a| a.len());
    if agents != shape.agents {
        return Err(format!(
            "the export lists {agents} agents, the document {}",
            shape.agents
        ));
    }
    Ok(())
}

fn revision_of(plan: &Plan) -> Result<String, String> {
    plan.revision
        .clone()
        .ok_or_else(|| "the plan names no revision".to_string())
}

fn unchanged(what: &str, plan: &Plan) -> Result<(), String> {
    if plan.has_changes() || plan.summary.unmanaged > 0 {
        return Err(format!("{what} should change nothing: {:?}", plan.summary));
    }
    Ok(())
}

fn cli_run(scratch: &Scratch, run: usize, file: &Path, times: &mut Timings) -> Result<(), String> {
    let desk = scratch.path(&format!("cli-{run}.sqlite"));
    let file = file.to_str().ok_or("the scratch path is not UTF-8")?;
    let result = (|| {
        // Creating the desk file and its schema is start-up, not applying.
        scratch.deskctl(&desk, &["teams", "list"])?;
        let (elapsed, output) = timed(|| scratch.deskctl(&desk, &["apply", "-f", file, "--yes"]))?;
        times.record("deskctl apply --yes (empty desk)", elapsed);
        expect_stderr(&output, "Applied ")?;
        let (elapsed, _) = timed(|| scratch.deskctl(&desk, &["diff", "-f", file]))?;
        times.record("deskctl diff (no changes)", elapsed);
        let (elapsed, output) = timed(|| scratch.deskctl(&desk, &["apply", "-f", file, "--yes"]))?;
        times.record("deskctl apply --yes (no changes)", elapsed);
        expect_stderr(&output, "No changes")
    })();
    scratch.remove_desk(&desk);
    result
}

fn timed<T>(f: impl FnOnce() -> Result<T, String>) -> Result<(Duration, T), String> {
    let start = Instant::now();
    let value = f()?;
    Ok((start.elapsed(), value))
}

fn expect_stderr(output: &Output, text: &str) -> Result<(), String> {
    let stderr = String::from_utf8_lossy(&output.stderr);
    if stderr.contains(text) {
        Ok(())
    } else {
        Err(format!("expected {text:?} on stderr, got:\n{stderr}"))
    }
}

/// A fresh directory for the scratch desks, so the user's real desk and
/// contexts are never read or written. Removed on drop, also when the bench
/// fails.
struct Scratch {
    dir: PathBuf,
}

impl Scratch {
    fn create(parent: &Path) -> Result<Scratch, String> {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let dir = parent.join(format!(
            "deskctl-bench-config-{}-{nanos}",
            std::process::id()
        ));
        // create_dir, not create_dir_all: an existing directory is not ours to remove.
        std::fs::create_dir(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        Ok(Scratch { dir })
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// Runs deskctl on `desk` as a script would (stdin closed, stdout piped,
    /// the secret in the environment) and fails unless it exits 0: a failed
    /// run must never be timed as a success.
    fn deskctl(&self, desk: &Path, args: &[&str]) -> Result<Output, String> {
        let mut command = Command::new(deskctl());
        command
            .args(args)
            .env("DESKCTL_DESK", desk)
            .env("DESKCTL_CONFIG", self.path("config.yaml"))
            .env(SECRET_VAR, SECRET)
            .stdin(Stdio::null());
        for var in TARGET_VARS {
            command.env_remove(var);
        }
        let output = command
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
        Ok(output)
    }

    /// Removes a desk file and its WAL, so runs do not fill the disk.
    fn remove_desk(&self, desk: &Path) {
        for suffix in ["", "-wal", "-shm"] {
            let mut path = desk.as_os_str().to_owned();
            path.push(suffix);
            let _ = std::fs::remove_file(PathBuf::from(path));
        }
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if let Err(e) = std::fs::remove_dir_all(&self.dir) {
            eprintln!("warning: cannot remove {}: {e}", self.dir.display());
        }
    }
}

/// Timed samples of each case, in the order the cases were first recorded.
#[derive(Default)]
struct Timings(Vec<(&'static str, Vec<Duration>)>);

impl Timings {
    fn record(&mut self, case: &'static str, elapsed: Duration) {
        match self.0.iter_mut().find(|(name, _)| *name == case) {
            Some((_, times)) => times.push(elapsed),
            None => self.0.push((case, vec![elapsed])),
        }
    }

    fn print(&mut self, title: &str) {
        println!("{title}");
        header();
        for (case, times) in &mut self.0 {
            row(case, times);
        }
    }
}

fn header() {
    println!(
        "{:<38} {:>8} {:>8} {:>8} {:>8} {:>8}",
        "case", "min", "median", "mean", "p95", "max"
    );
}

fn row(label: &str, times: &mut [Duration]) {
    let s = Summary::of(times);
    println!(
        "{label:<38} {:>8.2} {:>8.2} {:>8.2} {:>8.2} {:>8.2}",
        s.min, s.median, s.mean, s.p95, s.max
    );
}

/// Order statistics of one case, in milliseconds.
struct Summary {
    min: f64,
    median: f64,
    mean: f64,
    p95: f64,
    max: f64,
}

impl Summary {
    /// `times` must not be empty; it is sorted in place.
    fn of(times: &mut [Duration]) -> Summary {
        times.sort_unstable();
        let ms: Vec<f64> = times.iter().map(|t| t.as_secs_f64() * 1000.0).collect();
        let n = ms.len();
        let median = if n % 2 == 1 {
            ms[n / 2]
        } else {
            (ms[n / 2 - 1] + ms[n / 2]) / 2.0
        };
        Summary {
            min: ms[0],
            median,
            mean: ms.iter().sum::<f64>() / n as f64,
            p95: ms[nearest_rank(n, 95)],
            max: ms[n - 1],
        }
    }
}

/// Index of the `pct`th percentile in `n` sorted samples (nearest-rank method).
fn nearest_rank(n: usize, pct: usize) -> usize {
    (n * pct).div_ceil(100).max(1) - 1
}
