//! Start-up latency of the real `deskctl` binary, measured from outside: spawn,
//! wait, stop the clock. Scripts call deskctl in loops, so every millisecond of
//! start-up is paid once per call; the local desk opens SQLite and runs the
//! migrations on every invocation, which `--version` never does.
//!
//! A plain `harness = false` binary rather than criterion, which would slow every
//! CI build. Run it with `cargo bench --bench startup`; `DESKCTL_BENCH_RUNS` sets
//! the timed runs per case. See `docs/performance.md`.

use std::path::PathBuf;
use std::process::{Command, ExitCode, Output, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// The binary to run (see [`deskctl_binary::deskctl`]).
#[path = "common/binary.rs"]
mod deskctl_binary;
use deskctl_binary::deskctl;

const RUNS_VAR: &str = "DESKCTL_BENCH_RUNS";
const DEFAULT_RUNS: usize = 30;
/// Untimed runs first, so the page cache holds the binary and the desk file.
const WARMUP_RUNS: usize = 3;
const SEED_OPERATORS: usize = 50;
/// Variables that would point a child at a server or a context instead of the
/// temporary desk.
const TARGET_VARS: &[&str] = &["DESKCTL_CONTEXT", "DESKCTL_SERVER", "DESKCTL_TOKEN"];

/// One command line to time.
struct Case {
    label: &'static str,
    args: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        label: "deskctl --version",
        args: &["--version"],
    },
    Case {
        label: "deskctl operators list",
        args: &["operators", "list"],
    },
    Case {
        label: "deskctl operators list -o json",
        args: &["operators", "list", "-o", "json"],
    },
];

fn main() -> ExitCode {
    // Cargo passes `--bench`, and `cargo bench -- FILTER` passes a filter meant for
    // other harnesses: this bench always runs every case.
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("startup bench failed: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let runs = timed_runs()?;
    let desk = ScratchDesk::create()?;
    desk.seed()?;

    println!("deskctl start-up, {runs} timed runs per case after {WARMUP_RUNS} warm-up runs");
    println!("binary: {}", deskctl());
    println!("desk:   1 team, {SEED_OPERATORS} operators\n");
    println!(
        "{:<32} {:>8} {:>8} {:>8} {:>8} {:>8}",
        "case (ms)", "min", "median", "mean", "p95", "max"
    );
    for case in CASES {
        for _ in 0..WARMUP_RUNS {
            desk.run(case.args)?;
        }
        let mut times = Vec::with_capacity(runs);
        for _ in 0..runs {
            let start = Instant::now();
            desk.run(case.args)?;
            times.push(start.elapsed());
        }
        let s = Summary::of(&mut times);
        println!(
            "{:<32} {:>8.2} {:>8.2} {:>8.2} {:>8.2} {:>8.2}",
            case.label, s.min, s.median, s.mean, s.p95, s.max
        );
    }
    Ok(())
}

fn timed_runs() -> Result<usize, String> {
    match std::env::var(RUNS_VAR) {
        Err(std::env::VarError::NotPresent) => Ok(DEFAULT_RUNS),
        Ok(value) => match value.trim().parse::<usize>() {
            Ok(runs) if runs > 0 => Ok(runs),
            _ => Err(format!("{RUNS_VAR}={value:?} is not a positive number")),
        },
        Err(e) => Err(format!("{RUNS_VAR}: {e}")),
    }
}

/// A desk and config file in a fresh directory under the system temp dir, so
/// the user's real desk and contexts are never read or written. Removed on drop,
/// including when the bench fails.
struct ScratchDesk {
    dir: PathBuf,
}

impl ScratchDesk {
    fn create() -> Result<ScratchDesk, String> {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let dir = std::env::temp_dir().join(format!(
            "deskctl-bench-startup-{}-{nanos}",
            std::process::id()
        ));
        // create_dir, not create_dir_all: an existing directory is not ours to remove.
        std::fs::create_dir(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        Ok(ScratchDesk { dir })
    }

    fn seed(&self) -> Result<(), String> {
        self.run(&["teams", "add", "support", "--name", "Support"])?;
        for n in 1..=SEED_OPERATORS {
            let handle = format!("operator-{n:02}");
            let name = format!("Operator {n:02}");
            let email = format!("{handle}@example.com");
            self.run(&[
                "operators",
                "add",
                &handle,
                "--name",
                &name,
                "--email",
                &email,
                "--team",
                "support",
            ])?;
        }
        // The list cases must time listing the whole desk, not an empty one.
        let listed = self.run(&["operators", "list", "-o", "name"])?;
        let count = String::from_utf8_lossy(&listed.stdout).lines().count();
        if count != SEED_OPERATORS {
            return Err(format!(
                "seeded {SEED_OPERATORS} operators but `operators list` shows {count}"
            ));
        }
        Ok(())
    }

    /// Runs deskctl on this desk, with stdout piped as in a script, and fails
    /// unless it exits 0: a failed run must never be timed as a success.
    fn run(&self, args: &[&str]) -> Result<Output, String> {
        let mut command = Command::new(deskctl());
        command
            .args(args)
            .env("DESKCTL_DESK", self.path("desk.sqlite"))
            .env("DESKCTL_CONFIG", self.path("config.yaml"))
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

    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }
}

impl Drop for ScratchDesk {
    fn drop(&mut self) {
        if let Err(e) = std::fs::remove_dir_all(&self.dir) {
            eprintln!("warning: cannot remove {}: {e}", self.dir.display());
        }
    }
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
