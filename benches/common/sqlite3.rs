//! The `sqlite3` command-line shell, which measures the floors the benches
//! print beside deskctl's numbers (SQLite with no driver in between).

use std::process::{Command, Stdio};

/// `DESKCTL_BENCH_SQLITE3`, or `sqlite3` on PATH; `None` without one.
pub fn sqlite3() -> Option<String> {
    let program = std::env::var("DESKCTL_BENCH_SQLITE3").unwrap_or_else(|_| "sqlite3".into());
    let works = Command::new(&program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    works.then_some(program)
}
