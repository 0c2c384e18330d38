//! The CLI as a user drives it: against a local desk in a temporary directory
//! and against a real `deskctl serve` on a loopback port.

use crate::common;

use common::Desk;
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
fn a_fresh_machine_creates_the_desk_on_first_use_and_lists_nothing() {
    let desk = Desk::new();
    desk.cmd()
        .args(["operators", "list"])
        .assert()
        .success()
        .stdout("");
    assert!(
        desk.path().exists(),
        "the desk file is created on first use"
    );
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

#[test]
fn several_processes_can_use_one_new_desk_file_at_once() {
    for round in 0..8 {
        let desk = Desk::new();
        let children: Vec<_> = (0..3)
            .map(|i| {
                desk.std_cmd()
                    .args([
                        "operators",
                        "add",
                        &format!("op-{i}"),
                        "--name",
                        "Op",
                        "--email",
                        "op@example.com",
                    ])
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let output = child.wait_with_output().unwrap();
            assert!(
                output.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
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
    // DESKCTL_DESK still names the local desk and beats the current context.
    desk.run(&["operators", "list"]);
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

// ---- a real `deskctl serve` -----------------------------------------------

#[test]
fn a_served_desk_answers_with_a_token_and_refuses_without_one() {
    let desk = Desk::new();
    desk.seed();
    let token = desk.token("alice");
    let server = desk.serve();

    desk.cmd()
        .env_remove("DESKCTL_DESK")
        .args(["--server", &server.url, "operators", "list"])
        .assert()
        .code(4)
        .stderr(contains("this request needs a token"))
        .stderr(contains("hint:"));
    desk.cmd()
        .env_remove("DESKCTL_DESK")
        .env("DESKCTL_TOKEN", "desk_not_a_real_token")
        .args(["--server", &server.url, "operators", "list"])
        .assert()
        .code(4)
        .stderr(contains("the token is not valid"));

    desk.cmd()
        .env_remove("DESKCTL_DESK")
        .args([
            "context",
            "add",
            "team",
            "--server",
            &server.url,
            "--token-stdin",
            "--use",
        ])
        .write_stdin(token.clone())
        .assert()
        .success();
    let remote = |args: &[&str]| {
        let mut cmd = desk.cmd();
        cmd.env_remove("DESKCTL_DESK").args(args);
        cmd
    };
    remote(&["operators", "list", "-o", "name"])
        .assert()
        .success()
        .stdout("alice\nbob\n");
    remote(&[
        "teams", "add", "billing", "--name", "Billing", "--member", "bob",
    ])
    .assert()
    .success();
    remote(&["operators", "set", "bob", "--name", "Robert"])
        .assert()
        .success();
    remote(&["operators", "show", "bob", "-o", "json"])
        .assert()
        .success()
        .stdout(contains("\"name\": \"Robert\""))
        .stdout(contains("\"billing\""));
    remote(&[
        "operators",
        "add",
        "Bad",
        "--name",
        "B",
        "--email",
        "b@example.com",
    ])
    .assert()
    .code(1)
    .stderr(contains("'Bad' contains 'B'"));
    remote(&["operators", "remove", "bob", "--yes"])
        .assert()
        .success();
    // The same desk, read locally, shows what the server wrote.
    assert_eq!(desk.run(&["operators", "list", "-o", "name"]), "alice\n");

    // A revoked token stops working.
    let id = desk
        .run(&["tokens", "list", "-o", "name"])
        .trim()
        .to_string();
    desk.run(&["tokens", "revoke", &id, "--yes"]);
    remote(&["operators", "list"]).assert().code(4);
}

#[test]
fn roles_are_enforced_over_http() {
    let desk = Desk::new();
    desk.seed();
    let operator_token = desk.token("bob");
    let ingest_token = desk
        .run(&["tokens", "create", "--ingest", "--name", "ai"])
        .trim()
        .to_string();
    let server = desk.serve();
    let as_token = |token: &str, args: &[&str]| {
        let mut cmd = desk.cmd();
        cmd.env_remove("DESKCTL_DESK")
            .env("DESKCTL_TOKEN", token)
            .arg("--server")
            .arg(&server.url)
            .args(args);
        cmd
    };
    as_token(&operator_token, &["operators", "list", "-o", "name"])
        .assert()
        .success()
        .stdout("alice\nbob\n");
    as_token(&operator_token, &["teams", "add", "x", "--name", "X"])
        .assert()
        .code(4)
        .stderr(contains("this needs the manager role"));
    as_token(&operator_token, &["tokens", "list"])
        .assert()
        .code(4);
    as_token(
        &operator_token,
        &["operators", "availability", "bob", "online"],
    )
    .assert()
    .success();
    as_token(
        &operator_token,
        &["operators", "availability", "alice", "online"],
    )
    .assert()
    .code(4);
    as_token(&ingest_token, &["operators", "list"])
        .assert()
        .code(4)
        .stderr(contains("ingest tokens"));
    assert_eq!(desk.run(&["teams", "list", "-o", "name"]), "support\n");
}

#[test]
fn a_protected_context_confirms_every_write() {
    let desk = Desk::new();
    desk.seed();
    let token = desk.token("alice");
    let server = desk.serve();
    desk.cmd()
        .args([
            "context",
            "add",
            "prod",
            "--server",
            &server.url,
            "--protected",
            "--token-stdin",
        ])
        .write_stdin(token)
        .assert()
        .success();
    let prod = |args: &[&str]| {
        let mut cmd = desk.cmd();
        cmd.env_remove("DESKCTL_DESK")
            .arg("--context")
            .arg("prod")
            .args(args);
        cmd
    };
    prod(&["operators", "list", "-o", "name"])
        .assert()
        .success();
    prod(&["teams", "add", "billing", "--name", "Billing"])
        .assert()
        .code(2)
        .stderr(contains("add team billing on protected context 'prod'"))
        .stderr(contains("--yes"));
    assert_eq!(desk.run(&["teams", "list", "-o", "name"]), "support\n");
    prod(&["teams", "add", "billing", "--name", "Billing", "--yes"])
        .assert()
        .success();
    assert_eq!(
        desk.run(&["teams", "list", "-o", "name"]),
        "billing\nsupport\n"
    );
}

#[test]
fn malformed_and_oversized_bodies_are_refused_and_change_nothing() {
    let desk = Desk::new();
    desk.seed();
    let token = desk.token("alice");
    let server = desk.serve();
    let before = desk.snapshot();
    let auth = format!("Bearer {token}");
    let json = [
        ("Authorization", auth.as_str()),
        ("Content-Type", "application/json"),
    ];

    let response = server.raw("POST", "/v1/operators", &json, b"{\"handle\": \"carol\",");
    assert_eq!(response.status, 400);
    assert_eq!(
        response.header("content-type"),
        Some("application/problem+json")
    );
    assert_eq!(response.json()["code"], "malformed_json");
    assert!(response.header("x-request-id").is_some());

    let response = server.raw(
        "POST",
        "/v1/operators",
        &json,
        br#"{"handle":"carol","name":"C","email":"c@example.com","colour":"red"}"#,
    );
    assert_eq!(response.status, 422);
    assert_eq!(response.json()["code"], "invalid_body");
    assert!(response.body.contains("colour"), "{}", response.body);

    let mut huge =
        br#"{"handle":"carol","name":"C","email":"c@example.com","signature":""#.to_vec();
    huge.extend(std::iter::repeat_n(b'x', 2 * 1024 * 1024));
    huge.extend(br#""}"#);
    let response = server.raw("POST", "/v1/operators", &json, &huge);
    assert_eq!(response.status, 413);
    assert_eq!(response.json()["code"], "body_too_large");

    let response = server.raw("GET", "/v1/health", &[], b"");
    assert_eq!(response.status, 200);
    assert_eq!(response.json()["status"], "ok");
    let response = server.raw("GET", "/v1/version", &[], b"");
    assert_eq!(response.json()["api"], "v1");

    assert_eq!(desk.snapshot(), before);
}

#[test]
fn serve_stops_cleanly_on_sigterm() {
    let desk = Desk::new();
    let server = desk.serve();
    let log_path = server.log.clone();
    assert_eq!(server.terminate(), Some(0));
    let log = std::fs::read_to_string(log_path).unwrap();
    assert!(log.contains("Stopped"), "{log}");
}

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

#[test]
fn a_token_on_a_terminal_comes_with_a_warning_that_it_is_shown_once() {
    let desk = Desk::new();
    desk.seed();
    let screen = desk.run_on_terminal(&["tokens", "create", "--operator", "alice"]);
    assert!(screen.contains("cannot be shown again"), "{screen}");
    assert!(screen.lines().any(|l| l.starts_with("desk_")), "{screen}");
}
