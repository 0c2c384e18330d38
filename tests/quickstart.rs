//! The README's first command, `scripts/quickstart.sh`, run for real with the
//! binary under test (`DESKCTL_BIN` skips its release build) against a desk in
//! a temporary home, as on a fresh machine: no terminal, `CI=true`.

use crate::common;

use std::process::{Command, Output, Stdio};

use common::Desk;
use serde_json::Value;

const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/quickstart.sh");
const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/examples/desk.yaml");
const SMTP_PASSWORD: &str = "smtp-Vq3-only-in-the-environment";

/// `bash scripts/quickstart.sh` in `desk`'s environment, run from elsewhere
/// (the script finds the repository itself).
fn quickstart(desk: &Desk) -> Command {
    let mut cmd = desk.std_cmd_of("bash");
    cmd.arg(SCRIPT)
        .env("DESKCTL_BIN", common::BIN)
        .env("CI", "true")
        .current_dir(desk.dir.path())
        .stdin(Stdio::null());
    cmd
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(mut cmd: Command) -> Run {
    let Output {
        status,
        stdout,
        stderr,
    } = cmd.output().unwrap();
    Run {
        code: status.code(),
        stdout: String::from_utf8(stdout).unwrap(),
        stderr: String::from_utf8(stderr).unwrap(),
    }
}

impl Run {
    #[track_caller]
    fn succeeded(self) -> Run {
        assert_eq!(
            self.code,
            Some(0),
            "the quickstart failed\nstdout:\n{}\nstderr:\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    fn output(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// How many items a JSON list command prints.
fn count(desk: &Desk, args: &[&str]) -> usize {
    json(&desk.run(args)).as_array().unwrap().len()
}

#[test]
fn the_quickstart_configures_the_desk_and_opens_one_ticket_however_often_it_runs() {
    let desk = Desk::new();
    let mut first = quickstart(&desk);
    first.env("SMTP_PASSWORD", SMTP_PASSWORD);
    let first = run(first).succeeded();
    assert!(first.stderr.contains("docs/examples/desk.yaml is valid"));
    assert!(
        first.stderr.contains("Applied docs/examples/desk.yaml: "),
        "{}",
        first.stderr
    );
    // The password came from the environment and is shown only as changed.
    assert!(first.stderr.contains("password: (sensitive value changed)"));
    assert!(!first.output().contains(SMTP_PASSWORD));
    // The preview decided as the document says and stored nothing; the send
    // opened the ticket the list shows.
    assert!(first.stdout.contains("Agent:           shop-assistant"));
    assert!(first.stdout.contains("Outcome:         preview"));
    assert!(
        first
            .stdout
            .contains("Ticket fields:   order-id (Order ID, text) = \"4417\"")
    );
    assert!(first.stderr.contains(": ticket 10001"), "{}", first.stderr);
    let listed = first.stdout.lines().find(|l| l.contains("\t10001\t"));
    assert!(
        listed.is_some_and(|l| l.starts_with("open\t10001\tDana Reyes\t")),
        "{}",
        first.stdout
    );

    let mut second = quickstart(&desk);
    second.env("SMTP_PASSWORD", SMTP_PASSWORD);
    let second = run(second).succeeded();
    assert!(
        second
            .stderr
            .contains("No changes. The workspace matches docs/examples/desk.yaml."),
        "{}",
        second.stderr
    );
    assert!(
        second
            .stderr
            .contains("quickstart-handoff-1 was accepted before: nothing new was created")
    );
    assert!(!second.output().contains(SMTP_PASSWORD));

    assert_eq!(count(&desk, &["tickets", "list", "-o", "json"]), 1);
    assert_eq!(count(&desk, &["handoff", "list", "-o", "json"]), 1);
    // Nothing was queued for the example's SMTP server, which does not exist.
    assert_eq!(count(&desk, &["outbox", "list", "-o", "json"]), 0);
    // The desk is what the document says, secret included.
    desk.cmd()
        .env("SMTP_PASSWORD", SMTP_PASSWORD)
        .args(["diff", "-f", EXAMPLE])
        .assert()
        .code(0);
    let exported = desk.run(&["export"]);
    assert!(exported.contains("shop-assistant"));
    assert!(!exported.contains(SMTP_PASSWORD));
    // The export reads as the example does: its header first, then the
    // sections in the example's order (not sorted by name).
    let sections = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|line| line.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
            .map(|line| line.split(':').next().unwrap().to_string())
            .collect()
    };
    let exported = sections(&exported);
    let example = sections(&std::fs::read_to_string(EXAMPLE).unwrap());
    assert_eq!(exported[..2], ["apiVersion", "kind"], "{exported:?}");
    let in_export: Vec<&String> = exported.iter().filter(|s| example.contains(s)).collect();
    assert_eq!(
        in_export,
        example.iter().collect::<Vec<_>>(),
        "{exported:?}"
    );
}

#[test]
fn the_quickstart_uses_the_local_desk_even_when_the_current_context_is_a_server() {
    // As on a fresh machine: no DESKCTL_DESK and no SMTP_PASSWORD, so the
    // default local desk under XDG_DATA_HOME and the script's stand-in value.
    let desk = Desk::new();
    desk.cmd()
        .env("DESKCTL_TOKEN", "a-token-for-a-server-nobody-runs")
        .env_remove("DESKCTL_DESK")
        .args(["context", "add", "prod", "--server", "http://127.0.0.1:9"])
        .args(["--use", "--no-verify"])
        .assert()
        .success();
    let mut cmd = quickstart(&desk);
    cmd.env_remove("DESKCTL_DESK")
        .env("DESKCTL_SERVER", "http://127.0.0.1:9");
    run(cmd).succeeded();

    let default_desk = desk.dir.path().join("xdg-data/deskctl/desk.sqlite");
    assert!(default_desk.is_file());
    let on_default =
        |args: &[&str]| desk.run(&[&["--desk", default_desk.to_str().unwrap()], args].concat());
    assert_eq!(
        json(&on_default(&["tickets", "list", "-o", "json"]))[0]["number"],
        10001
    );
    assert!(on_default(&["agents", "list", "-o", "name"]).contains("shop-assistant"));
    assert!(!desk.path().exists(), "DESKCTL_DESK was unset");
}

#[test]
fn a_refused_apply_stops_the_quickstart_before_anything_is_sent() {
    let desk = Desk::new();
    // The document's `plan` field is a dropdown; a text field of that key
    // cannot change its type in place.
    desk.run(&["fields", "add", "plan", "--name", "Plan", "--type", "text"]);
    let before = desk.run(&["fields", "list", "-o", "json"]);

    let refused = run(quickstart(&desk));
    assert_eq!(refused.code, Some(6), "{}", refused.output());
    assert!(
        refused
            .stderr
            .contains("ticket field 'plan' cannot change its type"),
        "{}",
        refused.stderr
    );
    assert!(!refused.stdout.contains("Outcome:"));
    assert_eq!(desk.run(&["fields", "list", "-o", "json"]), before);
    assert_eq!(count(&desk, &["teams", "list", "-o", "json"]), 0);
    assert_eq!(count(&desk, &["handoff", "list", "-o", "json"]), 0);
}

/// The commands of the README's quickstart section, in order.
fn readme_quickstart() -> String {
    let readme = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"));
    let section = &readme[readme.find("## The quickstart").unwrap()..];
    let section = &section[..section[3..].find("\n## ").unwrap()];
    let block = &section[section.find("```sh\n").unwrap() + 6..];
    block[..block.find("```").unwrap()].to_string()
}

#[test]
fn the_readme_quickstart_copied_into_a_fresh_shell_works_command_by_command() {
    let desk = Desk::new();
    let commands = readme_quickstart();
    assert!(commands.starts_with("export SMTP_PASSWORD="), "{commands}");
    let bin_dir = std::path::Path::new(common::BIN).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for round in 1..=2 {
        let mut cmd = desk.std_cmd_of("bash");
        cmd.args(["-e", "-c", &commands])
            .env("PATH", &path)
            .env("CI", "true")
            .env_remove("SMTP_PASSWORD")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdin(Stdio::null());
        let ran = run(cmd);
        assert_eq!(
            ran.code,
            Some(0),
            "round {round}:\n{commands}\nstdout:\n{}\nstderr:\n{}",
            ran.stdout,
            ran.stderr
        );
    }
    assert_eq!(count(&desk, &["tickets", "list", "-o", "json"]), 1);
}
