//! The `deskctl` binary the benches run.

use std::sync::OnceLock;

/// Names another binary to run instead of the one cargo built for the bench.
pub const BINARY_VAR: &str = "DESKCTL_BENCH_BINARY";

/// `DESKCTL_BENCH_BINARY`, or the binary cargo built for the bench. Cargo
/// builds it with the dev-dependencies' features unified into the build
/// (`serde_json`'s `float_roundtrip`, hyper's `full`…), and on 2026-12-04
/// it ran `tickets list --limit 30` 0.3–0.5 ms slower than the binary of
/// `cargo build --release` (docs/performance.md): to time the binary users
/// build, copy that one aside and name it here.
pub fn deskctl() -> &'static str {
    static PATH: OnceLock<String> = OnceLock::new();
    PATH.get_or_init(|| {
        std::env::var(BINARY_VAR).unwrap_or_else(|_| env!("CARGO_BIN_EXE_deskctl").to_string())
    })
}
