//! The `deskctl` binary the benches run.

use std::sync::OnceLock;

/// Names another binary to run instead of the one cargo built for the bench.
pub const BINARY_VAR: &str = "DESKCTL_BENCH_BINARY";

/// `DESKCTL_BENCH_BINARY`, or the binary cargo built for the bench. Cargo
/// builds that one with the dev-dependencies' features unified into it
/// (`serde_json`'s `float_roundtrip`, hyper's `full`…); on 2026-12-04
/// `perf stat` found it 0.3–0.5 ms slower on `tickets list --limit 30`
/// than `cargo build --release`'s (docs/performance.md). To time the binary
/// users build, copy that one aside and name it here.
pub fn deskctl() -> &'static str {
    static PATH: OnceLock<String> = OnceLock::new();
    PATH.get_or_init(|| {
        std::env::var(BINARY_VAR).unwrap_or_else(|_| env!("CARGO_BIN_EXE_deskctl").to_string())
    })
}
