//! docs/openapi.json is the service (issue 14, item 1), checked by tools
//! nobody here wrote: `openapi-spec-validator` and `redocly lint` read the
//! document, and schemathesis sends thousands of requests generated from it to
//! a real `deskctl serve` in a network namespace of its own, checking every
//! answer against the document. The Python tools are pinned in
//! tests/openapi/requirements.txt, Redocly's CLI in
//! tests/openapi/package-lock.json, all installed by `.ci/run`; under `CI` a
//! missing tool fails these tests, elsewhere they say so and pass.

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
    installed(
        root().join("target/ci/api-venv/bin").join(name),
        "python3 -m venv target/ci/api-venv && target/ci/api-venv/bin/pip install -r \
         tests/openapi/requirements.txt",
    )
}

/// Redocly's CLI as `.ci/run` installs it, if it works.
fn redocly() -> Option<PathBuf> {
    installed(
        root().join("target/ci/redocly/node_modules/.bin/redocly"),
        "mkdir -p target/ci/redocly && cp tests/openapi/package*.json target/ci/redocly \
         && (cd target/ci/redocly && npm ci)",
    )
}

/// `program` if it runs; else, under `CI` a failure and elsewhere a skip,
/// saying how to install it.
fn installed(program: PathBuf, install: &str) -> Option<PathBuf> {
    let works = Command::new(&program)
        .arg("--help")
        .output()
        .is_ok_and(|output| output.status.success());
    if works {
        return Some(program);
    }
    let missing = format!(
        "{} is not installed: run `bash .ci/run`, or `{install}`",
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

#[test]
fn the_document_passes_redocly_lint_with_no_error() {
    let Some(redocly) = redocly() else {
        return;
    };
    let output = Command::new(redocly)
        .arg("lint")
        .arg(root().join("docs/openapi.json"))
        .arg("--config")
        .arg(root().join("tests/openapi/redocly.yaml"))
        .arg("--format=json")
        // No usage report and no update check: the test sends nothing anywhere.
        .env("REDOCLY_TELEMETRY", "off")
        .env("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let report: serde_json::Value = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("redocly lint printed no JSON report ({e}):\n{stdout}{stderr}"));
    let errors: Vec<String> = report["problems"]
        .as_array()
        .expect("a list of problems")
        .iter()
        .filter(|problem| problem["severity"] == "error")
        .map(|problem| {
            format!(
                "{} at {}: {}",
                problem["ruleId"], problem["location"][0]["pointer"], problem["message"]
            )
        })
        .collect();
    assert!(
        errors.is_empty(),
        "redocly lint: {} errors:\n{}",
        errors.len(),
        errors.join("\n")
    );
    assert_eq!(report["totals"]["errors"], 0, "{stdout}");
    assert!(output.status.success(), "{stdout}{stderr}");
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

#[test]
fn a_client_generated_from_the_document_sends_a_handoff_and_reads_its_ticket() {
    let Some(generator) = tool("openapi-python-client") else {
        return;
    };
    let desk = Desk::new();
    desk.seed();
    desk.run(&["agents", "add", "shop", "--name", "Shop"]);
    desk.run(&["actions", "set", "shop", "--channel", "help-page"]);
    let token = desk.token("alice");
    let server = desk.serve();

    // The generator as a user runs it; its formatter (ruff) is in the venv.
    let venv_bin = generator.parent().unwrap().to_path_buf();
    let path = format!(
        "{}:{}",
        venv_bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let package = desk.dir.path().join("generated").join("desk_client");
    let output = Command::new(&generator)
        .arg("generate")
        .arg("--path")
        .arg(root().join("docs/openapi.json"))
        .arg("--output-path")
        .arg(&package)
        .args(["--meta", "none"])
        .env("PATH", &path)
        .current_dir(desk.dir.path())
        .output()
        .unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "the generator failed:\n{said}");
    // The one operation it leaves out takes a platform's raw body (text/plain
    // as much as JSON); every other operation is generated.
    let skipped: Vec<&str> = said
        .lines()
        .filter(|line| line.contains("will not be generated"))
        .collect();
    assert_eq!(
        skipped,
        [
            "WARNING parsing POST /v1/integrations/{kind}/webhook within integrations. Endpoint will not be generated."
        ],
        "{said}"
    );

    let output = Command::new(venv_bin.join("python"))
        .arg(root().join("tests/openapi/generated_client.py"))
        .arg(package.parent().unwrap())
        .arg(&server.url)
        .env("DESK_TOKEN", &token)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "the generated client failed:\n{}{}\n--- serve log ---\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr),
        std::fs::read_to_string(&server.log).unwrap_or_default()
    );
    let read: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(read["number"], 10001, "{read}");
    assert_eq!(read["status"], "open");
    assert_eq!(read["channel"], "help-page");
    assert_eq!(read["environment"], "production");
    assert_eq!(read["requester"], "dana@example.com");
    assert_eq!(read["context"]["order-id"], "A-1001");
    assert!(read["timeline"].as_u64().unwrap() >= 3, "{read}");
    // The ticket the generated client read is the one the CLI sees.
    let shown = desk.run(&["tickets", "show", "10001", "-o", "json"]);
    assert!(shown.contains("dana@example.com"), "{shown}");
    assert!(
        desk.run(&["handoff", "list", "-o", "name"])
            .contains(read["handoff"].as_str().unwrap())
    );
}
