//! Links the `deskctl` binary with packed relative relocations where the
//! toolchain and the C library support them.
//!
//! A position-independent executable is relocated by the dynamic loader
//! at every start: deskctl has 49,000 relative relocations, a 1.2 MB table
//! read and applied by every command, and the loader was a quarter of the
//! samples of `tickets list --limit 30`.
//! `-z pack-relative-relocs` (GNU ld 2.38, lld, mold; glibc 2.36) stores
//! them as a bitmap of a few KB: about 0.4 ms less per command
//! (docs/performance.md, tenth session). Address-space randomization is
//! kept. A linker that does not know the option would only warn, but a
//! C library too old for it would refuse to run the binary, so a small
//! program is linked with it and run first, and only a native glibc build
//! is tried (a cross build cannot run its probe).

use std::env;
use std::path::PathBuf;
use std::process::{Command, Stdio};

const PACKED: &str = "-Wl,-z,pack-relative-relocs";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let target = env::var("TARGET").unwrap_or_default();
    let host = env::var("HOST").unwrap_or_default();
    if !target.ends_with("-linux-gnu") || target != host {
        return;
    }
    if probe_runs() {
        println!("cargo:rustc-link-arg-bins={PACKED}");
    }
}

/// Whether a program linked with [`PACKED`] by the system's C compiler (the
/// linker driver rustc uses here) runs.
fn probe_runs() -> bool {
    let Some(out) = env::var_os("OUT_DIR").map(PathBuf::from) else {
        return false;
    };
    let source = out.join("packed_relocations.c");
    let probe = out.join("packed_relocations");
    // Its pointer to a function is a relative relocation to pack.
    let program = "static int answer(void) { return 0; }\n\
                   int (*volatile entry)(void) = answer;\n\
                   int main(void) { return entry(); }\n";
    if std::fs::write(&source, program).is_err() {
        return false;
    }
    let quiet = |command: &mut Command| {
        command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|status| status.success())
    };
    quiet(
        Command::new("cc")
            .arg("-pie")
            .arg("-fPIE")
            .arg(&source)
            .arg("-o")
            .arg(&probe)
            .arg(PACKED),
    ) && quiet(&mut Command::new(&probe))
}
