//! The CLI as a user drives it: against a local desk in a temporary directory
//! and against a real `deskctl serve` on a loopback port.

use crate::common;

use common::Desk;
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

// ---- the local desk -------------------------------------------------------

#[test]
fn a_mistyped_desk_path_on_a_read_is_an_error_not_a_new_desk() {
    let desk = Desk::new();
    let typo = desk.dir.path().join("dsek.sqlite");
    desk.cmd()
        .args(["--desk", typo.to_str().unwrap(), "tickets", "list"])
        .assert()
        .code(5)
        .stdout("")
        .stderr(contains(format!("error: no desk at {}", typo.display())));
    assert!(!typo.exists(), "a read created {}", typo.display());
    // A write that is refused (no confirmation, a name not found, a value
    // not valid) leaves no desk behind either.
    let document = desk.dir.path().join("team.yaml");
    std::fs::write(
        &document,
        "apiVersion: deskctl/v1\nkind: Desk\nteams:\n  - key: support\n    name: Support\n    default: true\n",
    )
    .unwrap();
    let on_typo = |args: &[&str]| {
        let mut cmd = desk.cmd();
        cmd.args(["--desk", typo.to_str().unwrap()]).args(args);
        cmd
    };
    for (args, code) in [
        (vec!["apply", "-f", document.to_str().unwrap()], 2),
        (vec!["teams", "remove", "ghost", "--yes"], 5),
        (
            vec![
                "operators",
                "add",
                "al",
                "--name",
                "Al",
                "--email",
                "not-an-address",
            ],
            1,
        ),
    ] {
        on_typo(&args).assert().code(code);
        for suffix in ["", "-wal", "-shm"] {
            let file = format!("{}{suffix}", typo.display());
            assert!(
                !std::path::Path::new(&file).exists(),
                "{args:?} left {file}"
            );
        }
    }
    // A change creates the desk it names; reads work from then on.
    desk.cmd()
        .args([
            "--desk",
            typo.to_str().unwrap(),
            "teams",
            "add",
            "support",
            "--name",
            "Support",
        ])
        .assert()
        .success();
    desk.cmd()
        .args([
            "--desk",
            typo.to_str().unwrap(),
            "teams",
            "list",
            "-o",
            "name",
        ])
        .assert()
        .success()
        .stdout("support\n");
}

#[test]
fn a_read_never_creates_a_desk_however_it_is_named() {
    let desk = Desk::new();
    let default = desk.dir.path().join("xdg-data/deskctl/desk.sqlite");
    // The default desk on a fresh machine, and DESKCTL_DESK.
    for (read, named_by, path) in [
        (vec!["operators", "list"], "the default desk", &default),
        (
            vec!["tickets", "show", "10001"],
            "the default desk",
            &default,
        ),
        (
            vec!["handoff", "settings", "show"],
            "the default desk",
            &default,
        ),
        (vec!["auth", "status"], "the default desk", &default),
        (vec!["export"], "the default desk", &default),
    ] {
        desk.cmd()
            .env_remove("DESKCTL_DESK")
            .args(&read)
            .assert()
            .code(5)
            .stdout("")
            .stderr(contains(format!(
                "error: no desk at {} ({named_by})",
                path.display()
            )))
            .stderr(contains("hint: a read never creates a desk"));
        assert!(!path.exists(), "{read:?} created {}", path.display());
    }
    let minimal =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples/minimal.yaml");
    let handoff =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples/handoff.json");
    for read in [
        vec!["teams", "list"],
        vec!["handoff", "preview", "-f", handoff.to_str().unwrap()],
        vec!["hours", "check"],
    ] {
        desk.cmd()
            .args(&read)
            .assert()
            .code(5)
            .stderr(contains(format!(
                "error: no desk at {} (named by DESKCTL_DESK)",
                desk.path().display()
            )));
        assert!(!desk.path().exists(), "{read:?} created the desk");
    }
    // diff plans against an empty workspace instead, and creates nothing.
    let hours =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples/hours-only.yaml");
    desk.cmd()
        .args(["diff", "-f", hours.to_str().unwrap()])
        .assert()
        .code(3)
        .stdout(contains("business-hours"))
        .stderr(contains("planned against an empty workspace"));
    assert!(!desk.path().exists(), "diff created the desk");
    // A write creates the desk it names; reads work from then on.
    desk.cmd()
        .env_remove("DESKCTL_DESK")
        .args(["teams", "add", "support", "--name", "Support"])
        .assert()
        .success();
    assert!(default.exists());
    desk.cmd()
        .env_remove("DESKCTL_DESK")
        .args(["teams", "list", "-o", "name"])
        .assert()
        .success()
        .stdout("support\n");
    // An empty document applied creates an empty desk, for reads to find.
    desk.run(&["apply", "-f", minimal.to_str().unwrap(), "--yes"]);
    desk.cmd()
        .args(["operators", "list"])
        .assert()
        .success()
        .stdout("");
}

#[test]
fn the_default_desk_lives_in_the_xdg_data_directory() {
    let desk = Desk::new();
    desk.cmd()
        .env_remove("DESKCTL_DESK")
        .args(["teams", "add", "support", "--name", "Support"])
        .assert()
        .success();
    assert!(
        desk.dir
            .path()
            .join("xdg-data/deskctl/desk.sqlite")
            .exists()
    );
}

#[test]
fn operators_and_teams_are_created_listed_changed_and_removed() {
    let desk = Desk::new();
    desk.cmd()
        .args(["teams", "add", "support", "--name", "Support"])
        .assert()
        .success()
        .stderr(contains("Added team support (default team)"));
    desk.run(&["teams", "add", "billing", "--name", "Billing"]);
    desk.cmd()
        .args([
            "operators",
            "add",
            "alice",
            "--name",
            "Alice Smith",
            "--email",
            "alice@example.com",
            "--role",
            "owner",
            "--team",
            "support",
            "--capacity",
            "5",
        ])
        .assert()
        .success()
        .stderr(contains("Added operator alice (owner)"));
    desk.run(&[
        "operators",
        "add",
        "bob",
        "--name",
        "Bob Jones",
        "--email",
        "bob@example.com",
    ]);

    // Piped: tab-separated, no header, no color, in handle order.
    desk.cmd()
        .args(["operators", "list"])
        .assert()
        .success()
        .stdout(
            "alice\tAlice Smith\talice@example.com\towner\toffline\tsupport\n\
             bob\tBob Jones\tbob@example.com\toperator\toffline\t-\n",
        );
    let json: serde_json::Value =
        serde_json::from_str(&desk.run(&["operators", "list", "-o", "json"])).unwrap();
    assert_eq!(json[0]["handle"], "alice");
    assert_eq!(json[0]["capacity"], 5);
    assert_eq!(json[0]["teams"], serde_json::json!(["support"]));
    assert_eq!(json[1]["role"], "operator");
    assert_eq!(
        desk.run(&["operators", "list", "-o", "name"]),
        "alice\nbob\n"
    );
    assert_eq!(
        desk.run(&["operators", "list", "-o", "jsonl"])
            .lines()
            .count(),
        2
    );
    assert!(
        desk.run(&["operators", "show", "bob", "-o", "yaml"])
            .contains("handle: bob")
    );

    desk.run(&[
        "operators",
        "set",
        "bob",
        "--add-team",
        "billing",
        "--add-team",
        "support",
        "--email",
        "robert@example.com",
        "--no-capacity",
    ]);
    desk.run(&["operators", "availability", "bob", "online"]);
    let bob: serde_json::Value =
        serde_json::from_str(&desk.run(&["operators", "show", "bob", "-o", "json"])).unwrap();
    assert_eq!(bob["email"], "robert@example.com");
    assert_eq!(bob["availability"], "online");
    assert_eq!(bob["teams"], serde_json::json!(["billing", "support"]));

    desk.run(&[
        "teams",
        "set",
        "billing",
        "--default",
        "--remove-member",
        "bob",
    ]);
    assert_eq!(
        desk.run(&["teams", "list"]),
        "billing\tBilling\tyes\t-\nsupport\tSupport\tno\talice,bob\n"
    );

    desk.cmd()
        .args(["operators", "remove", "bob", "--yes"])
        .assert()
        .success()
        .stderr(contains("Removed operator bob"));
    assert_eq!(desk.run(&["operators", "list", "-o", "name"]), "alice\n");
    desk.run(&["teams", "remove", "support", "--yes"]);
    assert_eq!(desk.run(&["teams", "list", "-o", "name"]), "billing\n");
}

#[test]
fn signatures_are_read_from_a_file_or_stdin() {
    let desk = Desk::new();
    let file = desk.dir.path().join("signature.txt");
    std::fs::write(&file, "Alice\nSupport team\n").unwrap();
    desk.run(&[
        "operators",
        "add",
        "alice",
        "--name",
        "Alice",
        "--email",
        "alice@example.com",
        "--signature-file",
        common::path_str(&file),
    ]);
    desk.cmd()
        .args(["operators", "set", "alice", "--signature-file", "-"])
        .write_stdin("Best,\nAlice\n")
        .assert()
        .success();
    let alice: serde_json::Value =
        serde_json::from_str(&desk.run(&["operators", "show", "alice", "-o", "json"])).unwrap();
    assert_eq!(alice["signature"], "Best,\nAlice");
}

#[test]
fn bad_input_gets_a_clear_message_the_documented_exit_code_and_changes_nothing() {
    let desk = Desk::new();
    desk.seed();
    let before = desk.snapshot();

    let cases: &[(&[&str], i32, &str)] = &[
        (
            &["operators", "show", "carol"],
            5,
            "operator 'carol' does not exist",
        ),
        (
            &["operators", "set", "carol", "--name", "C"],
            5,
            "operator 'carol' does not exist",
        ),
        (
            &["operators", "remove", "carol", "--yes"],
            5,
            "operator 'carol' does not exist",
        ),
        (
            &[
                "operators",
                "add",
                "alice",
                "--name",
                "A",
                "--email",
                "a@example.com",
            ],
            6,
            "operator 'alice' already exists",
        ),
        (
            &[
                "operators",
                "add",
                "Al ice",
                "--name",
                "A",
                "--email",
                "a@example.com",
            ],
            1,
            "'Al ice' contains 'A'; use 1 to 40 lowercase letters",
        ),
        (
            &[
                "operators",
                "add",
                "carol",
                "--name",
                "C",
                "--email",
                "carol.example.com",
            ],
            1,
            "email: 'carol.example.com' is not an email address",
        ),
        (
            &[
                "operators",
                "add",
                "carol",
                "--name",
                "C",
                "--email",
                "c@example.com",
                "--team",
                "nope",
            ],
            5,
            "team 'nope' does not exist",
        ),
        (
            &["teams", "add", "billing", "--name", "Billing", "--default"],
            6,
            "team 'support' is already the default team",
        ),
        // The service says what to do in an API client's words; the CLI
        // names its command.
        (
            &["teams", "add", "billing", "--name", "Billing", "--default"],
            6,
            "hint: create the team without --default, then move the default with `deskctl \
             teams set KEY --default`",
        ),
        (
            &["teams", "add", "support", "--name", "Again"],
            6,
            "team 'support' already exists",
        ),
        (
            &["teams", "set", "nope", "--name", "X"],
            5,
            "team 'nope' does not exist",
        ),
        (
            &["operators", "set", "alice", "--role", "operator"],
            6,
            "they are the only owner",
        ),
        (&["operators", "add", "carol", "--name", "C"], 2, "--email"),
        (
            &[
                "operators",
                "add",
                "carol",
                "--name",
                "C",
                "--email",
                "c@example.com",
                "--role",
                "admin",
            ],
            2,
            "admin",
        ),
        (
            &["--context", "nope", "operators", "list"],
            5,
            "context 'nope' does not exist",
        ),
        (&["operators", "set", "alice"], 2, "nothing to change"),
    ];
    for (args, code, message) in cases {
        desk.cmd()
            .args(*args)
            .assert()
            .code(*code)
            .stderr(contains(*message))
            .stdout("");
    }
    assert_eq!(desk.snapshot(), before, "a failed command changed the desk");
}

#[test]
fn a_number_flag_given_no_number_says_what_number_it_takes() {
    let desk = Desk::new();
    desk.seed();
    for (args, said) in [
        (
            &["tickets", "list", "--limit", "abc"][..],
            "invalid value 'abc' for '--limit <N>': not a whole number; expected 1 or more",
        ),
        (
            &["tickets", "list", "--limit", "0"],
            "invalid value '0' for '--limit <N>': too small; expected 1 or more",
        ),
        (
            &["tickets", "list", "--limit", "99999999999"],
            "too large; the largest is 4294967295",
        ),
        (
            &["events", "--after", "x"],
            "invalid value 'x' for '--after <ID>': not a whole number; expected 0 or more",
        ),
        (
            &["handoff", "send", "-f", "h.json", "--wait", "30"],
            "too large; expected a whole number from 0 to 20",
        ),
        (
            &["operators", "set", "alice", "--capacity=-1"],
            "not a whole number; expected 0 or more",
        ),
    ] {
        desk.cmd()
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains(said))
            .stderr(contains("invalid digit").not())
            .stderr(contains("is not in").not());
    }
}

#[test]
fn several_invalid_fields_are_reported_at_once() {
    let desk = Desk::new();
    desk.cmd()
        .args([
            "operators",
            "add",
            "Bad_Handle",
            "--name",
            " ",
            "--email",
            "nope",
        ])
        .assert()
        .code(1)
        .stderr(contains("3 fields are invalid"))
        .stderr(contains("  - handle: 'Bad_Handle'"))
        .stderr(contains("  - name: must not be empty"))
        .stderr(contains("  - email: 'nope' is not an email address"));
}

#[test]
fn destructive_commands_need_yes_without_a_terminal() {
    let desk = Desk::new();
    desk.seed();
    desk.cmd()
        .args(["operators", "remove", "bob"])
        .assert()
        .code(2)
        .stderr(contains("confirmation needed to remove operator bob"))
        .stderr(contains("--yes"));
    assert_eq!(
        desk.run(&["operators", "list", "-o", "name"]),
        "alice\nbob\n"
    );
}

#[test]
fn a_token_created_on_the_local_desk_is_printed_alone_when_piped() {
    let desk = Desk::new();
    desk.seed();
    let token = desk.token("alice");
    assert!(token.starts_with("desk_"), "{token}");
    assert_eq!(token.len(), "desk_".len() + 64);
    assert!(
        token["desk_".len()..]
            .chars()
            .all(|c| c.is_ascii_hexdigit())
    );
    let listed = desk.run(&["tokens", "list", "-o", "json"]);
    assert!(
        !listed.contains(&token[5..]),
        "tokens list must never show a secret"
    );
    let tokens: serde_json::Value = serde_json::from_str(&listed).unwrap();
    assert_eq!(tokens[0]["operator"], "alice");
    assert_eq!(tokens[0]["hint"], token[token.len() - 4..]);
    // An ingest token needs a name; the operator must exist.
    desk.cmd()
        .args(["tokens", "create", "--ingest"])
        .assert()
        .code(2);
    desk.cmd()
        .args(["tokens", "create", "--operator", "carol"])
        .assert()
        .code(5)
        .stderr(contains("operator 'carol' does not exist"));
    assert!(
        desk.run(&["tokens", "create", "--ingest", "--name", "ai-platform"])
            .starts_with("desk_")
    );
}

#[test]
fn tokens_are_never_taken_on_the_command_line() {
    let desk = Desk::new();
    desk.cmd()
        .args([
            "context",
            "add",
            "prod",
            "--server",
            "http://127.0.0.1:9",
            "--token",
            "desk_x",
        ])
        .assert()
        .code(2);
    desk.cmd()
        .args(["context", "add", "prod", "--server", "http://127.0.0.1:9"])
        .assert()
        .code(2)
        .stderr(contains("--token-stdin"));
    assert!(!desk.config().exists());
}

/// Commands leave the desk's write-ahead log and shared-memory files in place
/// (creating and deleting both on every run cost a tenth of a quick command's
/// time), private like the desk, the log empty once the last command closed
/// the desk: what it wrote is in the desk file, and the file alone is the desk.
#[test]
fn commands_leave_the_log_files_in_place_empty_and_the_desk_file_whole() {
    let desk = Desk::new();
    let sibling =
        |suffix: &str| std::path::PathBuf::from(format!("{}{suffix}", desk.path().display()));
    let (wal, shm) = (sibling("-wal"), sibling("-shm"));
    // The desk file alone, copied as soon as the command that wrote it is
    // done (as a CI job keeps it), holds what the command wrote.
    let copied = || {
        let copy = Desk::new();
        std::fs::copy(desk.path(), copy.path()).unwrap();
        copy.run(&["teams", "list", "-o", "name"])
    };
    desk.run(&["teams", "add", "support", "--name", "Support"]);
    assert_eq!(copied(), "support\n");
    desk.run(&["teams", "add", "billing", "--name", "Billing"]);
    assert_eq!(copied(), "billing\nsupport\n");
    for command in [
        &["teams", "add", "sales", "--name", "Sales"][..],
        &["teams", "list"],
    ] {
        desk.run(command);
        assert!(shm.exists(), "{} was deleted", shm.display());
        assert_eq!(
            std::fs::metadata(&wal).unwrap().len(),
            0,
            "{command:?} left the log with frames"
        );
    }
    #[cfg(unix)]
    for file in [&wal, &shm] {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{}", file.display());
    }
}

#[test]
fn several_processes_can_use_one_new_desk_file_at_once() {
    for round in 0..8 {
        let desk = Desk::new();
        let adds = (0..3).map(|i| {
            let mut add = desk.std_cmd();
            add.args(["operators", "add", &format!("op-{i}"), "--name", "Op"])
                .args(["--email", "op@example.com"]);
            add
        });
        common::succeed_together(&format!("round {round}"), adds);
        assert_eq!(
            desk.run(&["operators", "list", "-o", "name"]),
            "op-0\nop-1\nop-2\n"
        );
    }
}

#[test]
fn help_documents_exit_codes_and_environment() {
    Desk::new()
        .cmd()
        .arg("--help")
        .assert()
        .success()
        .stdout(contains("Exit codes:"))
        .stdout(contains("7    service unreachable"))
        .stdout(contains("DESKCTL_TOKEN"));
}

/// The help's `… -o name | xargs …` pipelines, run as written by a shell on a
/// desk where nothing matches (no pending ticket today), succeed and do
/// nothing. GNU xargs runs its command once on empty input, and a bulk
/// command given no number is a usage error: the examples say `xargs -r`.
#[test]
fn the_helps_xargs_pipelines_succeed_when_nothing_matches() {
    let desk = Desk::new();
    desk.seed_with_billing();
    let bin = std::path::Path::new(common::BIN).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut pipelines = Vec::new();
    for command in [
        &["tickets", "resolve"][..],
        &["tickets", "assign"],
        &["outbox", "retry"],
        &["integrations", "retry"],
    ] {
        let mut args = command.to_vec();
        args.push("--help");
        let help = desk.run(&args).replace("\\\n", "");
        let found: Vec<String> = help
            .lines()
            .filter(|l| l.contains("| xargs"))
            .map(|l| l.trim().to_string())
            .collect();
        assert_eq!(found.len(), 1, "{command:?}:\n{help}");
        pipelines.extend(found);
    }
    for pipeline in pipelines {
        let output = desk
            .std_cmd_of("sh")
            .env("PATH", &path)
            .args(["-c", &pipeline])
            .output()
            .unwrap();
        assert!(
            output.status.success() && output.stderr.is_empty(),
            "{pipeline}: {:?}\n{}",
            output.status.code(),
            String::from_utf8_lossy(&output.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&output.stdout), "", "{pipeline}");
    }
}

#[test]
fn every_help_has_examples_and_keeps_global_flags_under_their_own_heading() {
    let desk = Desk::new();
    let help = desk.run(&["tickets", "list", "--help"]);
    let own = help.find("--status").expect("own options listed");
    let global = help.find("Global options:").expect("a global heading");
    assert!(own < global, "own options first:\n{help}");
    assert!(!help[..global].contains("--server"), "{help}");
    assert!(help.contains("Only tickets in this state"), "{help}");
    assert!(
        help.contains("Examples:\n  deskctl tickets list --view unassigned"),
        "{help}"
    );
    let short = desk.run(&["tickets", "assign", "-h"]);
    assert!(short.contains("Examples:"), "{short}");
    let root = desk.run(&["--help"]);
    for group in [
        "Inbox:",
        "Handoffs:",
        "Configuration:",
        "Workspace as a file:",
        "Service and CLI:",
    ] {
        assert!(root.contains(group), "{group} missing:\n{root}");
    }
    assert!(
        root.contains("Examples:") && root.contains("Exit codes:"),
        "{root}"
    );
}

#[test]
fn man_pages_have_a_plain_name_examples_and_the_version() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/man");
    let page = std::fs::read_to_string(root.join("deskctl.1")).unwrap();
    assert!(
        page.contains("deskctl \\- Administer a Desk help desk"),
        "{}",
        &page[..400]
    );
    assert!(!page.contains("deskctl: administer"));
    let version = env!("CARGO_PKG_VERSION");
    for name in [
        "deskctl.1",
        "deskctl-tickets-list.1",
        "deskctl-completions.1",
    ] {
        let page = std::fs::read_to_string(root.join(name)).unwrap();
        assert!(
            page.contains(&format!("\"deskctl {version}\"")),
            "{name}: no version in .TH"
        );
        assert!(page.contains(".SH EXAMPLES"), "{name}: no examples");
    }
    let list = std::fs::read_to_string(root.join("deskctl-tickets-list.1")).unwrap();
    assert!(
        !list.contains("\\fB\\-\\-server\\fR"),
        "global flags are in deskctl(1) only"
    );
}

/// What `--help` names the docs name too: an option's alias (`--since`, used
/// in the examples) and a command's (`tickets ls`), in the reference and in
/// the man pages.
#[test]
fn the_reference_and_man_pages_name_the_aliases_the_help_names() {
    let desk = Desk::new();
    let help = desk.run(&["tickets", "list", "--help"]);
    assert!(help.contains("[alias: --since]"), "{help}");
    assert!(help.contains("--since 2h"), "{help}");
    let docs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
    let reference = std::fs::read_to_string(docs.join("cli.md")).unwrap();
    assert!(
        reference.contains("| `--updated-since` (also `--since`) |"),
        "no --since in docs/cli.md"
    );
    assert!(
        reference.contains("`list` is also `ls`."),
        "no ls in docs/cli.md"
    );
    assert!(
        reference.contains("`remove` is also `rm`."),
        "no rm in docs/cli.md"
    );
    let page = std::fs::read_to_string(docs.join("man/deskctl-tickets-list.1")).unwrap();
    assert!(page.contains("[alias: \\-\\-since]"), "{page}");
    assert!(page.contains(".SH ALIASES\nlist is also ls."), "{page}");
}

#[test]
fn another_tools_verb_gets_a_tip_naming_deskctls() {
    let desk = Desk::new();
    desk.seed_tickets(1);
    for (args, verb) in [
        (&["tickets", "close", "10001"][..], "resolve"),
        (&["tickets", "view", "10001"], "show"),
        (&["tickets", "get", "10001"], "show"),
        (&["-o", "json", "operators", "get", "alice"], "show"),
    ] {
        desk.cmd()
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains(format!(
                "tip: a similar subcommand exists: '{verb}'"
            )));
    }
    // A tip, not an alias: nothing was resolved.
    assert_eq!(
        desk.run(&["tickets", "list", "--view", "resolved", "-o", "name"]),
        ""
    );
}

#[test]
fn a_mistyped_name_gets_the_nearest_one_and_exit_5() {
    let desk = Desk::new();
    desk.seed();
    for (args, hint) in [
        (&["operators", "show", "alcie"][..], "did you mean 'alice'?"),
        (
            &["teams", "remove", "suport", "--yes"],
            "did you mean 'support'?",
        ),
        (
            &["operators", "set", "bbo", "--name", "B"],
            "did you mean 'bob'?",
        ),
        (
            &["--context", "locl", "operators", "list"],
            "did you mean 'local'?",
        ),
    ] {
        desk.cmd()
            .args(args)
            .assert()
            .code(5)
            .stderr(predicates::str::contains(hint));
    }
}

#[test]
fn usage_errors_exit_2() {
    Desk::new()
        .cmd()
        .args(["operators", "frobnicate"])
        .assert()
        .code(2)
        .stderr(contains("unrecognized subcommand"));
}

// ---- contexts -------------------------------------------------------------

#[test]
fn contexts_are_added_used_listed_and_removed_with_the_token_in_a_private_file() {
    let desk = Desk::new();
    desk.cmd()
        .args([
            "context",
            "add",
            "staging",
            "--server",
            "http://127.0.0.1:9",
            "--environment",
            "staging",
            "--token-stdin",
            "--no-verify",
        ])
        .write_stdin("desk_0123456789\n")
        .assert()
        .success()
        .stderr(contains("Added context staging"));
    let config = std::fs::read_to_string(desk.config()).unwrap();
    assert!(
        !config.contains("desk_0123456789"),
        "the config file holds no token"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(desk.credentials())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    desk.run(&["context", "use", "staging"]);
    let listed = desk.run(&["context", "list"]);
    assert!(
        listed.contains("*\tstaging\thttp://127.0.0.1:9\tstaging\tno\tstored"),
        "{listed}"
    );
    let shown = desk.run(&["context", "show", "-o", "json"]);
    assert!(
        !shown.contains("desk_0123456789"),
        "context show never prints the token"
    );
    // DESKCTL_DESK still names the local desk and beats the current context
    // (a desk that does not exist yet, which a read does not create).
    desk.cmd()
        .args(["operators", "list"])
        .assert()
        .code(5)
        .stderr(contains("(named by DESKCTL_DESK)"));
    desk.cmd()
        .env_remove("DESKCTL_DESK")
        .args(["operators", "list"])
        .assert()
        .code(7)
        .stderr(contains(
            "cannot reach the Desk service at http://127.0.0.1:9",
        ));
    desk.cmd()
        .args(["context", "remove", "staging"])
        .assert()
        .code(2)
        .stderr(contains("pass --yes"));
    desk.run(&["context", "remove", "staging", "--yes"]);
    assert!(
        !std::fs::read_to_string(desk.credentials())
            .unwrap()
            .contains("desk_0123456789")
    );
    desk.cmd()
        .args(["context", "use", "staging"])
        .assert()
        .code(5)
        .stderr(contains("context 'staging' does not exist"));
}

/// A removal of something the desk does not have is not found (exit 5, the
/// nearest name) before anything is asked: a script without `--yes` learns
/// of the typo, not that a confirmation was needed, and nobody is asked to
/// confirm removing what is not there.
#[test]
fn removing_what_does_not_exist_is_not_found_before_any_question() {
    let desk = Desk::new();
    desk.seed();
    desk.run(&[
        "fields", "add", "order-id", "--name", "Order", "--type", "text",
    ]);
    for (args, message) in [
        (vec!["teams", "remove", "suport"], "did you mean 'support'"),
        (
            vec!["agents", "remove", "ghost"],
            "agent 'ghost' does not exist",
        ),
        (
            vec!["actions", "remove", "ghost"],
            "agent 'ghost' does not exist",
        ),
        (vec!["fields", "remove", "order"], "did you mean 'order-id'"),
        (
            vec!["rules", "remove", "rule_nope"],
            "rule 'rule_nope' does not exist",
        ),
        (
            vec!["tokens", "revoke", "tok_nope"],
            "token 'tok_nope' does not exist",
        ),
        (
            vec!["operators", "remove", "bob", "--reassign-to", "alicia"],
            "did you mean 'alice'",
        ),
    ] {
        desk.cmd()
            .args(&args)
            .assert()
            .code(5)
            .stderr(contains(message).and(contains("confirm").not()));
    }
    // What exists is still asked about.
    desk.cmd()
        .args(["teams", "remove", "support"])
        .assert()
        .code(2)
        .stderr(contains("--yes"));
    assert!(
        desk.run(&["teams", "list", "-o", "name"])
            .contains("support")
    );
}

// ---- `deskctl serve` (more in served.rs, on both backends) --------------

#[test]
fn serve_refuses_a_remote_target() {
    Desk::new()
        .cmd()
        .args(["--server", "http://127.0.0.1:9", "serve"])
        .assert()
        .code(2)
        .stderr(contains(
            "serve runs a desk: use --desk PATH (or DESKCTL_DESK) or --database URL",
        ));
}

/// A desk path that is a directory (`--desk /tmp`) was told to `chmod 600`
/// the directory, then failed to open it: it is a bad argument, refused
/// before anything looks at it.
#[test]
fn a_desk_path_that_is_a_directory_is_refused_as_a_bad_argument() {
    let desk = Desk::new();
    let shared = desk.dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o1777)).unwrap();
    }
    let dir = common::path_str(&shared);
    let refused = |mut cmd: assert_cmd::Command, args: &[&str], named: &str| {
        cmd.args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains(format!(
                "error: {named} is a directory, not a desk file"
            )))
            .stderr(contains(format!("name a file, e.g. {dir}/desk.sqlite")))
            .stderr(contains("chmod").not())
            .stderr(contains("other users").not());
    };
    let flag = format!("--desk {dir}");
    refused(desk.cmd(), &["--desk", dir, "teams", "list"], &flag);
    refused(
        desk.cmd(),
        &[
            "--desk", dir, "teams", "add", "support", "--name", "Support",
        ],
        &flag,
    );
    refused(
        desk.cmd(),
        &["--desk", dir, "serve", "--listen", "127.0.0.1:0"],
        &flag,
    );
    let mut by_variable = desk.cmd();
    by_variable.env("DESKCTL_DESK", dir);
    refused(
        by_variable,
        &["operators", "list"],
        &format!("DESKCTL_DESK={dir}"),
    );
    assert_eq!(
        std::fs::read_dir(&shared).unwrap().count(),
        0,
        "nothing is created"
    );
}

/// serve picks its desk as every other command does: a flag over a variable,
/// two variables at once an error. (It took DESKCTL_DATABASE_URL over
/// `--desk`, and so served the database the environment named instead of the
/// file the command line did.)
#[test]
fn serve_takes_the_desk_flag_over_the_database_variable() {
    let desk = Desk::new();
    desk.seed();
    let token = desk.token("alice");
    let mut command = desk.std_cmd();
    command.env(
        "DESKCTL_DATABASE_URL",
        "postgres://nobody@127.0.0.1:9/elsewhere",
    );
    let server = desk.serve_by(
        command,
        "serve",
        &["--desk", common::path_str(&desk.path())],
    );
    let operators = server.raw(
        "GET",
        "/v1/operators",
        &[("Authorization", &format!("Bearer {token}"))],
        b"",
    );
    assert_eq!(operators.status, 200, "{}", operators.body);
    assert!(operators.body.contains("alice"), "{}", operators.body);
    desk.cmd()
        .env(
            "DESKCTL_DATABASE_URL",
            "postgres://nobody@127.0.0.1:9/elsewhere",
        )
        .args(["serve", "--listen", "127.0.0.1:0"])
        .assert()
        .code(2)
        .stderr(contains("DESKCTL_DATABASE_URL").and(contains("DESKCTL_DESK")));
}

/// `serve` with `DESKCTL_LOG=filter`, asked for `/v1/health` once: its log.
fn serve_log_with_filter(filter: &str) -> String {
    let desk = Desk::new();
    let mut command = desk.std_cmd();
    command.env("DESKCTL_LOG", filter);
    let server = desk.serve_by(command, "serve", &[]);
    let health = server.raw("GET", "/v1/health", &[], b"");
    assert_eq!(health.status, 200, "{}", health.body);
    let log = server.log.clone();
    assert_eq!(server.terminate(), Some(0));
    std::fs::read_to_string(log).unwrap()
}

/// A bare word tracing reads as a target silenced every line, errors
/// included: `wran` logged only target `wran`. Now it is a warning that names
/// the levels, and the default level logs.
#[test]
fn a_misspelt_log_level_is_a_warning_and_the_default_level_logs() {
    let log = serve_log_with_filter("wran");
    assert!(
        log.contains("warning: DESKCTL_LOG: 'wran' is neither a level (error, warn, info"),
        "{log}"
    );
    assert!(log.contains("did you mean 'warn'?"), "{log}");
    assert!(log.contains("Logging at the default level, info."), "{log}");
    assert!(log.contains("path=/v1/health}"), "{log}");
    let log = serve_log_with_filter("verbose");
    assert!(log.contains("'verbose' is neither a level"), "{log}");
    assert!(log.contains("path=/v1/health}"), "{log}");
}

#[test]
fn an_unreadable_log_filter_is_a_warning_and_the_default_level_logs() {
    let log = serve_log_with_filter("nonsense[[[");
    assert!(
        log.contains("warning: DESKCTL_LOG: cannot read 'nonsense[[['"),
        "{log}"
    );
    assert!(log.contains("Logging at the default level, info."), "{log}");
    assert!(log.contains("path=/v1/health}"), "{log}");
}

#[test]
fn target_directives_in_the_log_filter_are_kept() {
    // Only warnings from deskctl: the request line (info) is filtered out.
    let log = serve_log_with_filter("deskctl=warn,sqlx=warn");
    assert!(!log.contains("warning: DESKCTL_LOG"), "{log}");
    assert!(!log.contains("path=/v1/health}"), "{log}");
    let log = serve_log_with_filter("tower_http=trace,deskctl=info");
    assert!(!log.contains("warning: DESKCTL_LOG"), "{log}");
    assert!(log.contains("path=/v1/health}"), "{log}");
}

/// The loopback addresses `localhost` stands for on this machine that can be
/// listened on: 127.0.0.1, and ::1 where it resolves to it and IPv6 is on.
fn localhost_addresses() -> Vec<std::net::IpAddr> {
    use std::net::ToSocketAddrs;
    let mut addresses: Vec<std::net::IpAddr> = Vec::new();
    for address in ("localhost", 0).to_socket_addrs().unwrap() {
        if !addresses.contains(&address.ip()) {
            addresses.push(address.ip());
        }
    }
    let ipv6: std::net::IpAddr = "::1".parse().unwrap();
    if !addresses.contains(&ipv6) {
        eprintln!("the ::1 half is skipped: localhost does not stand for ::1 on this machine");
    } else if std::net::TcpListener::bind("[::1]:0").is_err() {
        eprintln!("the ::1 half is skipped: this machine has no IPv6 loopback");
        addresses.retain(|address| *address != ipv6);
    }
    addresses
}

/// `deskctl serve` with `args`, and the lines it prints first on stdout: `lines` of them.
fn serve_printing(desk: &Desk, args: &[&str], lines: usize) -> (common::Server, Vec<String>) {
    let log = desk.dir.path().join("serve.log");
    let child = desk
        .std_cmd()
        .arg("serve")
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let mut server = common::Server {
        child,
        url: String::new(),
        log,
    };
    let mut stdout = std::io::BufReader::new(server.child.stdout.take().unwrap());
    let printed: Vec<String> = (0..lines)
        .map(|_| {
            let mut line = String::new();
            std::io::BufRead::read_line(&mut stdout, &mut line).unwrap();
            line.trim().to_string()
        })
        .collect();
    server.url = printed[0].clone();
    (server, printed)
}

/// `--listen localhost:PORT` was refused as `invalid socket address syntax`,
/// then listened on the first address of localhost only: a client trying the
/// other loopback got no answer.
#[test]
fn serve_listens_on_every_address_of_a_host_name_on_one_port() {
    let desk = Desk::new();
    let expected = localhost_addresses();
    let count = expected.len();
    let (server, printed) = serve_printing(
        &desk,
        &["--listen", "localhost:0", "--smtp-listen", "localhost:0"],
        2 * count,
    );
    let address = |url: &str, scheme: &str| -> std::net::SocketAddr {
        url.strip_prefix(scheme)
            .and_then(|address| address.parse().ok())
            .unwrap_or_else(|| panic!("serve printed {url:?} for {scheme}"))
    };
    let http: Vec<std::net::SocketAddr> = printed[..count]
        .iter()
        .map(|url| address(url, "http://"))
        .collect();
    let smtp: Vec<std::net::SocketAddr> = printed[count..]
        .iter()
        .map(|url| address(url, "smtp://"))
        .collect();
    for bound in [&http, &smtp] {
        let ips: Vec<std::net::IpAddr> = bound.iter().map(|address| address.ip()).collect();
        assert_eq!(ips, expected, "{printed:?}");
        assert!(
            bound
                .iter()
                .all(|address| address.port() == bound[0].port()),
            "port 0 is one port for all: {printed:?}"
        );
    }
    let port = http[0].port();
    // What /v1/health answers at `address`: its status line.
    let health = |address: &std::net::SocketAddr| {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(address).unwrap();
        stream
            .write_all(b"GET /v1/health HTTP/1.1\r\nHost: desk\r\nConnection: close\r\n\r\n")
            .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        response.lines().next().unwrap_or_default().to_string()
    };
    for address in &http {
        assert_eq!(
            health(address),
            "HTTP/1.1 200 OK",
            "{address}: {}",
            server.log()
        );
    }
    for address in &smtp {
        let mut greeting = String::new();
        let stream = std::net::TcpStream::connect(address).unwrap();
        std::io::BufRead::read_line(&mut std::io::BufReader::new(stream), &mut greeting).unwrap();
        assert!(greeting.starts_with("220 "), "{address}: {greeting}");
    }
    assert_eq!(server.terminate(), Some(0));

    // A port given is listened on at every address too.
    let (server, printed) =
        serve_printing(&desk, &["--listen", &format!("localhost:{port}")], count);
    let expected: Vec<String> = expected
        .iter()
        .map(|ip| format!("http://{}", std::net::SocketAddr::new(*ip, port)))
        .collect();
    assert_eq!(printed, expected, "{}", server.log());
    for url in &printed {
        assert_eq!(health(&address(url, "http://")), "HTTP/1.1 200 OK", "{url}");
    }
    assert_eq!(server.terminate(), Some(0));

    // Taken at one of them: nothing is served, and the message names it.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    desk.cmd()
        .args(["serve", "--listen", &format!("localhost:{port}")])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            contains(format!("error: cannot listen on localhost:{port}"))
                .and(contains(format!("127.0.0.1:{port}: "))),
        );
    // The same for SMTP's port: no URL is printed for a serve that then fails.
    desk.cmd()
        .args(["serve", "--listen", "127.0.0.1:0", "--smtp-listen"])
        .arg(format!("127.0.0.1:{port}"))
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains(format!("127.0.0.1:{port}: ")));
}

#[test]
fn serve_refuses_a_listen_address_it_cannot_read_naming_the_form() {
    for flag in ["--listen", "--smtp-listen"] {
        Desk::new()
            .cmd()
            .args(["serve", flag, "foo"])
            .assert()
            .code(2)
            .stderr(
                contains(format!("invalid value 'foo' for '{flag} <ADDR>'"))
                    .and(contains("no port; expected IP:PORT or HOST:PORT"))
                    .and(contains("localhost:7070")),
            );
    }
    Desk::new()
        .cmd()
        .args(["serve", "--listen", "no-such-host.invalid:0"])
        .assert()
        .code(1)
        .stderr(contains("cannot listen on no-such-host.invalid:0"));
}

/// A serve that cannot listen was refused before it served anything: like
/// any refused command that would have created its desk, it leaves no desk
/// file behind (docs/configuration.md).
#[test]
fn serve_that_cannot_listen_leaves_no_new_desk_behind() {
    let desk = Desk::new();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let new = desk.dir.path().join("new.sqlite");
    for listen in [
        vec!["--listen".to_string(), format!("127.0.0.1:{port}")],
        vec!["--listen".to_string(), "no-such-host.invalid:1".to_string()],
        vec![
            "--listen".to_string(),
            "127.0.0.1:0".to_string(),
            "--smtp-listen".to_string(),
            format!("127.0.0.1:{port}"),
        ],
    ] {
        desk.cmd()
            .args(["--desk", common::path_str(&new), "serve"])
            .args(&listen)
            .assert()
            .code(1)
            .stdout("")
            .stderr(contains("error: cannot listen"));
        for suffix in ["", "-wal", "-shm"] {
            let file = format!("{}{suffix}", new.display());
            assert!(
                !std::path::Path::new(&file).exists(),
                "{listen:?} left {file}"
            );
        }
    }
}

// ---- terminals and color --------------------------------------------------

#[test]
fn a_terminal_gets_an_aligned_table_with_headers_and_relative_times() {
    let desk = Desk::new();
    desk.seed();
    let screen = desk.run_on_terminal_sized(
        160,
        &["operators", "list", "-o", "wide", "--color", "never"],
    );
    let lines: Vec<&str> = screen.lines().collect();
    assert!(lines[0].starts_with("HANDLE  NAME"), "{screen}");
    assert!(lines[0].contains("CREATED"), "{screen}");
    assert!(
        lines[1].starts_with("alice   Alice Smith  alice@example.com"),
        "{screen}"
    );
    assert!(lines[1].contains("just now"), "{screen}");
    assert!(
        !screen.contains('\t') && !screen.contains('\x1b'),
        "{screen:?}"
    );

    let colored = desk.run_on_terminal(&["teams", "list"]);
    assert!(
        colored.contains("\x1b[1mKEY"),
        "headers are bold on a terminal: {colored:?}"
    );
    let plain = desk.run_on_terminal(&["teams", "list", "--color", "never"]);
    assert!(!plain.contains('\x1b'), "{plain:?}");
}

#[test]
fn no_color_turns_color_off_and_color_always_forces_it_when_piped() {
    let desk = Desk::new();
    desk.seed();
    let screen = {
        let mut cmd = desk.std_cmd_of("script");
        cmd.env("NO_COLOR", "1").args([
            "-qec",
            &format!("{} teams list", common::BIN),
            "/dev/null",
        ]);
        String::from_utf8(cmd.output().unwrap().stdout).unwrap()
    };
    assert!(
        screen.contains("KEY") && !screen.contains('\x1b'),
        "{screen:?}"
    );
    desk.cmd()
        .args([
            "teams", "add", "billing", "--name", "Billing", "--color", "always",
        ])
        .assert()
        .success()
        .stderr(contains("\x1b[32m✓\x1b[0m Added team billing"));
    desk.cmd()
        .args(["teams", "add", "sales", "--name", "Sales"])
        .assert()
        .success()
        .stderr("✓ Added team sales\n");
    desk.cmd()
        .args(["teams", "add", "legal", "--name", "Legal", "-q"])
        .assert()
        .success()
        .stderr("");
}

/// A piped table is tab-separated records, colored only when asked for:
/// `--color always` ("even when piped") and `CLICOLOR_FORCE=1` color the
/// states as a terminal does, and leave the tabs as they are.
#[test]
fn a_piped_table_is_colored_when_color_is_forced() {
    let desk = Desk::new();
    desk.seed();
    let plain = desk.run(&["operators", "list"]);
    assert!(!plain.contains('\x1b'), "{plain:?}");
    let forced = desk.run(&["operators", "list", "--color", "always"]);
    let alice = forced.lines().find(|l| l.starts_with("alice\t")).unwrap();
    assert_eq!(
        alice.split('\t').count(),
        plain.lines().next().unwrap().split('\t').count()
    );
    assert!(alice.contains("\x1b[2moffline\x1b[0m"), "{forced:?}");
    let by_variable = desk
        .cmd()
        .env("CLICOLOR_FORCE", "1")
        .args(["operators", "list"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(by_variable.stdout).unwrap(), forced);
}

/// CLICOLOR_FORCE asks for color by name, NO_COLOR turns it off by default:
/// the forced one wins, as in gh (bixense.com/clicolors: "no matter what"),
/// for tables, status lines and clap's own help alike. `--color` wins over
/// both.
#[test]
fn clicolor_force_wins_over_no_color_everywhere_and_the_flag_over_both() {
    let desk = Desk::new();
    desk.seed();
    let run = |vars: &[(&str, &str)], args: &[&str]| {
        let mut cmd = desk.cmd();
        for (name, value) in vars {
            cmd.env(name, value);
        }
        let out = cmd.args(args).output().unwrap();
        assert!(out.status.success(), "{out:?}");
        (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let both = [("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")];
    let (list, _) = run(&both, &["operators", "list"]);
    assert!(list.contains("\x1b[2moffline\x1b[0m"), "{list:?}");
    let (_, added) = run(&both, &["teams", "add", "sales", "--name", "Sales"]);
    assert!(added.contains("\x1b[32m✓"), "{added:?}");
    let (help, _) = run(&both, &["teams", "--help"]);
    assert!(help.contains("\x1b["), "{help:?}");
    // CLICOLOR_FORCE=0 forces nothing; NO_COLOR alone or CLICOLOR=0 never
    // color, not even clap's help.
    for vars in [
        &[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "0")][..],
        &[("CLICOLOR", "0")],
    ] {
        let (list, _) = run(vars, &["operators", "list"]);
        assert!(!list.contains('\x1b'), "{vars:?}: {list:?}");
    }
    let mut help = desk.terminal_command(100, &["teams", "--help"]);
    help.env("NO_COLOR", "1");
    let help = String::from_utf8(help.output().unwrap().stdout).unwrap();
    assert!(
        help.contains("Usage:") && !help.contains('\x1b'),
        "{help:?}"
    );
    // The flag wins over the variables, for clap's help too.
    for args in [
        &["operators", "list", "--color", "never"][..],
        &["teams", "--help", "--color=never"],
    ] {
        let (out, _) = run(&both, args);
        assert!(!out.contains('\x1b'), "{args:?}: {out:?}");
    }
}

#[test]
fn a_token_on_a_terminal_comes_with_a_warning_that_it_is_shown_once() {
    let desk = Desk::new();
    desk.seed();
    let screen = desk.run_on_terminal(&["tokens", "create", "--operator", "alice"]);
    assert!(screen.contains("cannot be shown again"), "{screen}");
    assert!(screen.lines().any(|l| l.starts_with("desk_")), "{screen}");
}

// ---- parity with the document ---------------------------------------------

#[test]
fn every_section_of_the_document_names_the_commands_that_set_it_and_they_exist() {
    let desk = Desk::new();
    let schema: serde_json::Value =
        serde_json::from_str(&desk.run(&["schema"])).expect("the schema is JSON");
    let properties = schema["properties"].as_object().unwrap();
    for (section, property) in properties {
        if section == "apiVersion" || section == "kind" {
            continue;
        }
        let description = property["description"].as_str().unwrap_or_default();
        let named = description
            .split("`deskctl ")
            .skip(1)
            .map(|rest| rest[..rest.find('`').unwrap()].to_string())
            .collect::<Vec<_>>();
        assert!(
            !named.is_empty(),
            "{section}: no command in {description:?}"
        );
        for command in named {
            let words: Vec<&str> = command.split(' ').collect();
            let (noun, verbs) = words.split_at(words.len() - 1);
            for verb in verbs[0].split('|') {
                let mut args: Vec<&str> = noun.to_vec();
                args.extend([verb, "--help"]);
                desk.cmd()
                    .args(&args)
                    .assert()
                    .success()
                    .stdout(contains("Usage: deskctl"));
            }
        }
    }
}

#[test]
fn handoff_settings_are_shown_and_set_from_the_command_line() {
    let desk = Desk::new();
    desk.create();
    desk.cmd()
        .args(["handoff", "settings", "show"])
        .assert()
        .success()
        .stdout(contains(
            "yes: development and staging handoffs record a preview",
        ));
    desk.cmd()
        .args([
            "handoff",
            "settings",
            "set",
            "--preview-in-non-production",
            "false",
        ])
        .assert()
        .success()
        .stderr(contains("Updated the handoff settings"));
    let exported = desk.run(&["export"]);
    assert!(
        exported.contains("preview-in-non-production: false"),
        "{exported}"
    );
    let shown: serde_json::Value =
        serde_json::from_str(&desk.run(&["handoff", "settings", "show", "-o", "json"])).unwrap();
    assert_eq!(shown["preview-in-non-production"], false);
    desk.cmd()
        .args([
            "handoff",
            "settings",
            "set",
            "--preview-in-non-production",
            "maybe",
        ])
        .assert()
        .code(2)
        .stderr(contains("maybe"));
    desk.cmd()
        .args(["handoff", "settings", "set"])
        .assert()
        .code(2)
        .stderr(contains("--preview-in-non-production"));
}

/// Piped tables show times to the whole second, so a column has one width;
/// `-o json` keeps the API's six fractional digits.
#[test]
fn piped_tables_show_times_to_the_second_and_json_keeps_the_fraction() {
    let desk = common::integrations::desk_with_agent();
    let handoff = serde_json::json!({
        "agent": "shop", "environment": "production", "channel": "web",
        "requester": {"name": "Sam", "email": "sam@example.com"},
        "transcript": [{"role": "customer", "text": "Where is my parcel?"}],
        "reason": "explicit-request",
    });
    let file = desk.dir.path().join("handoff.json");
    std::fs::write(&file, handoff.to_string()).unwrap();
    desk.run(&["handoff", "send", "-f", file.to_str().unwrap()]);
    desk.run(&["handoff", "send", "-f", file.to_str().unwrap()]);
    for args in [
        &["tickets", "list", "-o", "wide"][..],
        &["operators", "list", "-o", "wide"],
        &["requesters", "tickets", "sam@example.com"],
    ] {
        let shown = desk.run(args);
        let times: Vec<&str> = shown
            .lines()
            .flat_map(|line| line.split('\t'))
            .filter(|cell| cell.parse::<jiff::Timestamp>().is_ok())
            .collect();
        assert!(!times.is_empty(), "{args:?}: {shown}");
        for time in times {
            assert!(
                time.len() == "2026-12-07T06:08:46Z".len() && !time.contains('.'),
                "{args:?}: {time} in\n{shown}"
            );
        }
    }
    let json: serde_json::Value =
        serde_json::from_str(&desk.run(&["tickets", "list", "-o", "json"])).unwrap();
    for ticket in json.as_array().unwrap() {
        let at = ticket["last_activity_at"].as_str().unwrap();
        assert_eq!(at.len(), "2026-12-07T06:08:46.000000Z".len(), "{at}");
    }
}

/// Text from a customer cannot drive the reader's terminal: control
/// characters show in caret notation in every format for people (JSON keeps
/// them, escaped).
#[test]
fn control_characters_from_a_customer_never_reach_the_terminal() {
    let desk = common::integrations::desk_with_agent();
    let hostile = "Hello \u{1b}]0;PWNED\u{7} and \u{1b}[2J cleared \u{1b}[31mred";
    let handoff = serde_json::json!({
        "agent": "shop", "environment": "production", "channel": "web",
        "requester": {"name": "Mallory \u{1b}[5m", "email": "mallory@example.com"},
        "transcript": [{"role": "customer", "text": hostile}],
        "reason": "explicit-request",
    });
    let file = desk.dir.path().join("hostile.json");
    std::fs::write(&file, handoff.to_string()).unwrap();
    desk.run(&["handoff", "send", "-f", file.to_str().unwrap()]);
    for args in [
        &["tickets", "list"][..],
        &["tickets", "list", "-o", "wide"],
        &["tickets", "show", "10001"],
        &["requesters", "tickets", "mallory@example.com"],
    ] {
        let shown = desk.run(args);
        assert!(
            !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
            "{args:?}: {shown:?}"
        );
        assert!(shown.contains("^["), "{args:?}: {shown}");
    }
    let json = desk.run(&["tickets", "show", "10001", "-o", "json"]);
    assert!(json.contains("\\u001b]0;PWNED"), "{json}");
}

/// A requester's name with a line break (a handoff may carry one) stays on
/// the Requester line of `tickets show`, rather than starting a line that
/// reads as another field.
#[test]
fn a_requester_name_with_a_line_break_stays_on_its_line() {
    let desk = common::integrations::desk_with_agent();
    let handoff = serde_json::json!({
        "agent": "shop", "environment": "production", "channel": "web",
        "requester": {"name": "Nina\nStatus: resolved", "email": "nina@example.com"},
        "transcript": [{"role": "customer", "text": "Where is my order?"}],
        "reason": "explicit-request",
    });
    let file = desk.dir.path().join("handoff.json");
    std::fs::write(&file, handoff.to_string()).unwrap();
    desk.run(&["handoff", "send", "-f", file.to_str().unwrap()]);
    let shown = desk.run(&["tickets", "show", "10001"]);
    assert!(
        shown.contains("Nina Status: resolved <nina@example.com>"),
        "{shown}"
    );
    assert!(
        !shown
            .lines()
            .any(|line| line.trim_start().starts_with("Status: resolved")),
        "{shown}"
    );
}

/// `export -o name` is a usage error that prints nothing, not YAML.
#[test]
fn an_export_has_no_names_to_print() {
    let desk = Desk::new();
    desk.run(&["teams", "add", "support", "--name", "Support"]);
    desk.cmd()
        .args(["export", "-o", "name"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("a document has no names to print"));
    assert!(desk.run(&["export", "-o", "jsonl"]).starts_with('{'));
}

/// A document is shown as it is: `export` keeps a team name's right-to-left
/// override exact (YAML writes control characters as escapes itself), so
/// that the export applies back unchanged; `validate` quotes a document's
/// control characters made visible.
#[test]
fn an_export_keeps_the_exact_text_and_diagnostics_show_control_characters() {
    let desk = Desk::new();
    let document = desk.dir.path().join("desk.yaml");
    std::fs::write(
        &document,
        "apiVersion: deskctl/v1\nkind: Desk\nteams:\n  - key: support\n    \
         name: \"Support \\u202Eevil \\e[2J\"\n    default: true\n",
    )
    .unwrap();
    desk.run(&["apply", "-f", common::path_str(&document), "--yes"]);
    let exported = desk.run(&["export"]);
    assert!(
        exported.contains("Support \u{202e}evil \\e[2J"),
        "{exported:?}"
    );
    let again = desk.dir.path().join("exported.yaml");
    std::fs::write(&again, &exported).unwrap();
    desk.cmd()
        .args(["diff", "-f", common::path_str(&again)])
        .assert()
        .success();
    let listed = desk.run(&["teams", "list"]);
    assert!(listed.contains("Support \\u{202e}evil ^[[2J"), "{listed:?}");

    std::fs::write(
        &document,
        "apiVersion: deskctl/v1\nkind: Desk\nteams:\n  - key: sup\u{1b}]0;pwned\u{7}\n",
    )
    .unwrap();
    let output = desk
        .cmd()
        .args(["validate", "-f", common::path_str(&document)])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("- key: sup^[]0;pwned^G"), "{stderr}");
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
        "{stderr:?}"
    );
}

/// A name that does not exist is not found wherever a command takes it: in
/// `--remove-team` and `--remove-member` as in their `--add-…`, and in a
/// list's filters, where it would otherwise read as an empty queue.
#[test]
fn a_mistyped_name_to_remove_or_filter_by_is_not_found_with_the_nearest() {
    let desk = common::integrations::desk_with_agent();
    let seeded = desk.run(&["teams", "list", "-o", "name"]);
    let team = seeded.lines().next().unwrap().to_string();
    let handle = desk.run(&["operators", "list", "-o", "name"]);
    let handle = handle.lines().next().unwrap().to_string();
    let typo = format!("{team}x");
    for args in [
        vec!["operators", "set", &handle, "--remove-team", &typo],
        vec!["teams", "set", &team, "--remove-member", "nobodyy"],
        vec!["tickets", "list", "--team", &typo],
        vec!["tickets", "list", "--agent", "shopp"],
        vec!["tickets", "list", "--assignee", "nobodyy"],
    ] {
        let output = desk.cmd().args(&args).output().unwrap();
        assert_eq!(output.status.code(), Some(5), "{args:?}: {output:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("does not exist"), "{args:?}: {stderr}");
    }
    let output = desk
        .cmd()
        .args(["tickets", "list", "--agent", "shopp"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&output.stderr).contains("did you mean 'shop'?"));
    // So is an operator to give someone's tickets to, as an operator to assign to is.
    desk.cmd()
        .args([
            "operators",
            "remove",
            &handle,
            "--reassign-to",
            "nobodyy",
            "--yes",
        ])
        .assert()
        .code(5)
        .stderr(contains("operator 'nobodyy' does not exist"));
    assert!(
        desk.run(&["operators", "list", "-o", "name"])
            .contains(&handle)
    );
    // Named both ways at once, it is a usage error; a real team the operator
    // is not in is only said.
    desk.cmd()
        .args([
            "operators",
            "set",
            &handle,
            "--add-team",
            &team,
            "--remove-team",
            &team,
        ])
        .assert()
        .code(2)
        .stderr(contains("both added and removed"));
    desk.run(&["teams", "add", "other", "--name", "Other"]);
    desk.cmd()
        .args(["operators", "set", &handle, "--remove-team", "other"])
        .assert()
        .success()
        .stderr(contains("nothing to remove"));
    // An existing filter that matches nothing is still an empty list.
    desk.cmd()
        .args(["tickets", "list", "--team", "other"])
        .assert()
        .success();
}

/// `-o name` prints what `tokens revoke` takes, as every command's names do;
/// the secret comes alone by default.
#[test]
fn tokens_create_prints_the_id_as_its_name_and_the_secret_by_default() {
    let desk = common::integrations::desk_with_agent();
    let id = desk.run(&["tokens", "create", "--ingest", "--name", "a", "-o", "name"]);
    assert!(id.trim().starts_with("tok_"), "{id}");
    desk.run(&["tokens", "revoke", id.trim(), "--yes"]);
    let secret = desk.run(&["tokens", "create", "--ingest", "--name", "b"]);
    assert!(
        !secret.trim().starts_with("tok_") && secret.trim().len() > 40,
        "{secret}"
    );
}

/// A secret given by reference meets the same rules once resolved: what
/// `validate` passes, `apply` accepts.
#[test]
fn validate_checks_a_referenced_secret_as_apply_does() {
    let desk = Desk::new();
    let file = desk.dir.path().join("short.yaml");
    std::fs::write(
        &file,
        "apiVersion: deskctl/v1\nkind: Desk\ndelivery:\n  url: https://ai.example.com/hook\n  secret: ${env:HOOK_SECRET}\n",
    )
    .unwrap();
    for (value, code) in [("abc", 1), ("whsec-0123456789abcdef", 0)] {
        desk.cmd()
            .args(["validate", "-f"])
            .arg(&file)
            .env("HOOK_SECRET", value)
            .assert()
            .code(code);
    }
    desk.cmd()
        .args(["validate", "-f"])
        .arg(&file)
        .env("HOOK_SECRET", "abc")
        .assert()
        .stderr(contains("short.yaml:5:11").and(contains("at least 16 characters")));
}

/// The service's log line for an error answer names its problem code, so a
/// replica's log tells why it answered (a `database_unavailable` from a
/// `shutting_down`, a refused token from a missing one); a success has none.
#[test]
fn the_log_line_of_an_error_answer_names_its_problem_code() {
    let desk = Desk::new();
    desk.create();
    let server = desk.serve();
    let wrong = [("Authorization", "Bearer desk_wrong_token_0000000000000000")];
    assert_eq!(server.raw("GET", "/v1/tickets", &wrong, b"").status, 401);
    assert_eq!(server.raw("GET", "/v1/version", &[], b"").status, 200);
    let log_file = server.log.clone();
    assert_eq!(server.terminate(), Some(0));
    let log = std::fs::read_to_string(log_file).unwrap();
    let answered = |path: &str| {
        log.lines()
            .find(|l| l.contains(&format!("path={path}}}")) && l.contains("answered"))
            .unwrap_or_else(|| panic!("no line for {path}: {log}"))
            .to_string()
    };
    let refused = answered("/v1/tickets");
    assert!(
        refused.contains("status=401 code=invalid_token "),
        "{refused}"
    );
    assert!(!refused.contains("desk_wrong_token"), "{refused}");
    let ok = answered("/v1/version");
    assert!(ok.contains("status=200 ") && !ok.contains("code="), "{ok}");
}

/// Anyone may send an `x-request-id`, unauthenticated: one that is not a
/// short run of safe characters is replaced by the service's own, so it can
/// neither forge a log line nor fill the log.
#[test]
fn a_request_id_that_could_forge_a_log_line_is_replaced() {
    let desk = Desk::new();
    desk.create();
    let server = desk.serve();
    let forged = "x method=DELETE path=/v1/tokens/tok_abc}: deskctl::server: answered status=204 duration_ms=0 ";
    let long = "a".repeat(7000);
    for id in [forged, long.as_str(), "a\"b", "x{y}"] {
        let response = server.raw("GET", "/v1/version", &[("X-Request-Id", id)], b"");
        assert_eq!(response.status, 200);
        let given = response.header("x-request-id").unwrap_or_default();
        assert!(given.starts_with("req_"), "{id:.40}: {given}");
    }
    let kept = "trace-7_a.b:c-01234567890abcdef";
    let response = server.raw("GET", "/v1/version", &[("X-Request-Id", kept)], b"");
    assert_eq!(response.header("x-request-id"), Some(kept));
    // Read once the service has stopped, so every request's line is written.
    let log_file = server.log.clone();
    assert_eq!(server.terminate(), Some(0));
    let log = std::fs::read_to_string(log_file).unwrap();
    assert!(!log.contains("tok_abc"), "{log}");
    assert!(!log.contains(&"a".repeat(200)), "{log}");
    assert!(log.contains(kept), "{log}");
}

#[test]
fn assigning_with_neither_whom_nor_team_names_all_three_flags() {
    let desk = Desk::new();
    let output = desk
        .cmd()
        .args(["tickets", "assign", "10001"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with("error: one of --to HANDLE, --me or --team KEY is needed\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Usage: deskctl tickets assign [OPTIONS] <NUMBER>..."),
        "{stderr}"
    );
    assert!(!stderr.contains("required arguments"), "{stderr}");
    assert!(
        stderr.lines().all(|line| line.chars().count() <= 80),
        "{stderr}"
    );
    // --to and --me still exclude each other, in clap's own words.
    desk.cmd()
        .args(["tickets", "assign", "10001", "--to", "bob", "--me"])
        .assert()
        .code(2)
        .stderr(contains("cannot be used with"));
}

#[test]
fn a_usage_error_repeats_a_long_value_cut_and_says_how_long_it_was() {
    let desk = Desk::new();
    let long = "x".repeat(3000);
    let spaced = format!("  {long}  ");
    let cases: &[&[&str]] = &[
        &["tickets", "list", "--view", &long],
        &["tickets", "list", "--team", &long],
        &["tickets", "list", "--since", &long],
        &["tickets", "list", "--since", &spaced],
        &["tickets", "list", "--field", &long],
        &["tickets", "list", &long],
        &["tickets", &long],
        &["hours", "set", "--days", &long],
        &[
            "rules",
            "add",
            "priority",
            "--when",
            &long,
            "--priority",
            "high",
        ],
    ];
    for args in cases {
        let output = desk.cmd().args(*args).output().unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(output.status.code(), Some(2), "{}", &args[..2].join(" "));
        assert!(
            stderr.len() < 1000 && stderr.contains("… (3000 characters)"),
            "{}: {stderr}",
            &args[..2].join(" ")
        );
    }
    // A value of a usual length is repeated whole.
    desk.cmd()
        .args(["tickets", "list", "--since", "soonish"])
        .assert()
        .code(2)
        .stderr(contains("'soonish' is not a moment"));
}
