//! docs/openapi.json is the service (issue 14, item 1), checked by tools
//! nobody here wrote: `openapi-spec-validator` reads the document, and
//! schemathesis sends thousands of requests generated from it to a real
//! `deskctl serve` in a network namespace of its own, checking every answer
//! against the document. Both are pinned in tests/openapi/requirements.txt and
//! installed by `.ci/run`; under `CI` a missing tool fails these tests,
//! elsewhere they say so and pass.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{BIN, Desk};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn ci() -> bool {
    std::env::var("CI").is_ok_and(|value| !value.is_empty() && value != "false")
}

/// A program of the virtual environment `.ci/run` makes, if it works.
fn tool(name: &str) -> Option<PathBuf> {
    let program = root().join("target/ci/api-venv/bin").join(name);
    let works = Command::new(&program)
        .arg("--help")
        .output()
        .is_ok_and(|output| output.status.success());
    if works {
        return Some(program);
    }
    let missing = format!(
        "{name} is not installed at {}: run `bash .ci/run`, or `python3 -m venv \
         target/ci/api-venv && target/ci/api-venv/bin/pip install -r \
         tests/openapi/requirements.txt`",
        program.display()
    );
    assert!(!ci(), "{missing}");
    eprintln!("skipped: {missing}");
    None
}

#[test]
fn the_document_passes_openapi_spec_validator() {
    let Some(validator) = tool("openapi-spec-validator") else {
        return;
    };
    let output = Command::new(validator)
        .arg(root().join("docs/openapi.json"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("OK"), "{stdout}");
}

/// Whether this process may make a network namespace (root, or user namespaces).
fn isolation_works() -> bool {
    Command::new("unshare")
        .args(["-n", "true"])
        .output()
        .is_ok_and(|output| output.status.success())
}

/// Operations whose effect reaches another host (a platform's API, a
/// delivery webhook, an SMTP server) are left out even inside the namespace:
/// the fuzzer would spend its budget on connection errors.
const REACHES_OUT: &[&str] = &[
    "integrations_test",
    "integrations_put",
    "settings_put_delivery",
    "settings_put_email",
    "config_apply",
];

/// Streams that never end by themselves (Server-Sent Events): schemathesis
/// reads a whole body before checking it, so it would wait for each until its
/// own timeout. `/v1/events` is tested through the router (tests/events.rs).
const STREAMS: &[&str] = &["events_stream"];

#[test]
fn schemathesis_finds_no_server_error_and_no_contract_failure() {
    let Some(schemathesis) = tool("schemathesis") else {
        return;
    };
    if !isolation_works() {
        let missing = "schemathesis runs in a network namespace of its own: `unshare -n` \
                       failed (it needs root or user namespaces)";
        assert!(!ci(), "{missing}");
        eprintln!("skipped: {missing}");
        return;
    }
    let desk = Desk::new();
    desk.seed();
    desk.run(&["agents", "add", "shop-bot", "--name", "Shop bot"]);
    let token_file = desk.dir.path().join("token");
    std::fs::write(&token_file, desk.token("alice")).unwrap();
    let workdir = desk.dir.path().join("schemathesis");
    std::fs::create_dir_all(&workdir).unwrap();
    let mut command = desk.std_cmd_of("unshare");
    command
        .args(["-n", "--", "sh"])
        .arg(root().join("tests/openapi/schemathesis.sh"))
        .arg(BIN)
        .arg(&schemathesis)
        .arg(root().join("docs/openapi.json"))
        .arg(&token_file)
        .arg(&workdir)
        .arg("--config-file")
        .arg(root().join("tests/openapi/schemathesis.toml"))
        .arg("run")
        .args([
            "--phases",
            "examples,coverage,fuzzing",
            "--max-examples",
            "8",
            "--seed",
            "14",
            "--workers",
            "2",
            "--no-color",
        ]);
    for operation in REACHES_OUT.iter().chain(STREAMS) {
        command.args(["--exclude-operation-id", operation]);
    }
    // The fuzzer's own files (its cache, reports) stay in the desk's directory.
    command.env("HOME", desk.dir.path()).current_dir(&workdir);
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "schemathesis found failures:\n{}{}\n--- serve log ---\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr),
        std::fs::read_to_string(workdir.join("serve.log")).unwrap_or_default()
    );
}
