//! The workspace document offline: `deskctl validate` and `deskctl schema` as a
//! user runs them — every problem with its line and column, all at once, exit
//! codes, stdin, secrets that never show — and the shipped examples.

use crate::common;

use std::path::Path;

use common::Desk;
use predicates::prelude::*;

const HEAD: &str = "apiVersion: deskctl/v1\nkind: Desk\n";

/// Runs `deskctl validate -f FILE` on `text` written to a file in the desk's directory.
fn validate(desk: &Desk, text: &str) -> assert_cmd::assert::Assert {
    let file = desk.dir.path().join("desk.yaml");
    std::fs::write(&file, text).unwrap();
    desk.cmd().args(["validate", "-f"]).arg(&file).assert()
}

/// The `--> FILE:LINE:COL` places in stderr, in order.
fn places(stderr: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(stderr)
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("--> "))
        .map(|place| {
            place
                .rsplit_once("desk.yaml:")
                .map_or(place, |(_, at)| at)
                .to_string()
        })
        .collect()
}

/// What `deskctl validate -o json -f FILE` prints, once it exits with `code`.
fn json_report(desk: &Desk, file: &Path, code: i32) -> serde_json::Value {
    let assert = desk
        .cmd()
        .args(["validate", "-o", "json", "-f"])
        .arg(file)
        .assert()
        .code(code);
    let stdout = &assert.get_output().stdout;
    serde_json::from_slice(stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(stdout)))
}

fn stderr_of(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stderr).into_owned()
}

#[test]
fn a_valid_document_passes_quietly_on_stdout() {
    let desk = Desk::new();
    validate(&desk, HEAD)
        .success()
        .stdout("")
        .stderr(predicate::str::contains("desk.yaml is valid"));
}

#[test]
fn a_section_with_no_value_is_an_error_at_its_key_saying_how_to_mean_none_or_leave_it() {
    let desk = Desk::new();
    let text = format!(
        "{HEAD}ticket-fields:\n#  - key: order-id\n#    name: Order\nnotifications:\noperators:\n  - handle: alice\n    name: Alice\n    email: alice@example.com\n    capacity: ~\n"
    );
    let assert = validate(&desk, &text).code(1);
    let stderr = stderr_of(&assert);
    assert_eq!(
        places(&assert.get_output().stderr),
        ["3:1", "6:1", "11:5"],
        "{stderr}"
    );
    for expected in [
        "error: `ticket-fields` has no value",
        "write `ticket-fields: []` to list no ticket fields (with `--prune`, apply then removes \
         every one), or delete the key to leave ticket fields as they are",
        "error: `notifications` has no value",
        "`notifications: {}` sets each to its default",
        "error: `capacity` has no value",
        "a key left out takes its default",
        "is not valid: 3 errors",
    ] {
        assert!(stderr.contains(expected), "{expected:?} in:\n{stderr}");
    }
    // `apply --prune` refuses it too: it never reads it as "no section".
    let file = desk.dir.path().join("desk.yaml");
    desk.cmd()
        .args(["apply", "--prune", "--yes", "-f"])
        .arg(&file)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("`ticket-fields` has no value"));

    // Earlier exports wrote `default-priority: null`: such a document still
    // applies, the key read as left out, with a warning at it.
    let earlier_export = format!(
        "{HEAD}agents:\n  - key: shop\n    name: Shop\n    handover:\n      default-priority: null\n"
    );
    std::fs::write(&file, &earlier_export).unwrap();
    let assert = desk
        .cmd()
        .args(["apply", "--yes", "-f"])
        .arg(&file)
        .assert()
        .success();
    let stderr = stderr_of(&assert);
    assert_eq!(places(&assert.get_output().stderr), ["7:7"], "{stderr}");
    assert!(
        stderr.contains("warning: `default-priority` has no value: read as left out (its default)")
            && stderr.contains("earlier deskctl exports wrote `default-priority: null`"),
        "{stderr}"
    );
    let agent: serde_json::Value = serde_json::from_slice(
        &desk
            .cmd()
            .args(["agents", "show", "shop", "-o", "json"])
            .assert()
            .success()
            .get_output()
            .stdout,
    )
    .unwrap();
    assert_eq!(agent["name"], "Shop", "{agent}");
}

#[test]
fn text_that_is_not_utf8_is_refused_at_its_first_bad_byte_naming_the_file_or_stdin() {
    let desk = Desk::new();
    let latin1 =
        b"apiVersion: deskctl/v1\nkind: Desk\nteams:\n  - key: cafe\n    name: Caf\xe9 team\n";
    let file = desk.dir.path().join("desk.yaml");
    std::fs::write(&file, latin1).unwrap();
    let from_file = desk
        .cmd()
        .args(["validate", "-f"])
        .arg(&file)
        .assert()
        .code(1);
    let from_stdin = desk
        .cmd()
        .args(["validate", "-f", "-"])
        .write_stdin(latin1.to_vec())
        .assert()
        .code(1);
    for (assert, name) in [
        (from_file, common::path_str(&file)),
        (from_stdin, "<stdin>"),
    ] {
        let stderr = stderr_of(&assert);
        for expected in [
            "error: the file is not UTF-8: byte 0xE9 is not part of a UTF-8 character".to_string(),
            format!("--> {name}:5:14"),
            "5 |     name: Caf\u{fffd} team".to_string(),
            "save it as UTF-8".to_string(),
            format!("error: cannot read {name}: it is not UTF-8 text"),
        ] {
            assert!(stderr.contains(&expected), "{expected:?} in:\n{stderr}");
        }
        assert!(!stderr.contains("stream did not contain"), "{stderr}");
    }
    // UTF-16, as some Windows editors save: named as such.
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(HEAD.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    std::fs::write(&file, utf16).unwrap();
    let assert = desk
        .cmd()
        .args(["validate", "-f"])
        .arg(&file)
        .assert()
        .code(1);
    let stderr = stderr_of(&assert);
    assert!(
        stderr.contains("error: the file is UTF-16; save it as UTF-8"),
        "{stderr}"
    );
    assert!(stderr.contains("1 | apiVersion: deskctl/v1"), "{stderr}");
    // UTF-8 with a byte order mark is read: the advice must not say otherwise.
    assert!(
        stderr.contains("deskctl reads UTF-8 only, with or without a byte order mark"),
        "{stderr}"
    );
    std::fs::write(&file, format!("\u{feff}{HEAD}")).unwrap();
    desk.cmd()
        .args(["validate", "-f"])
        .arg(&file)
        .assert()
        .success();
}

#[test]
fn a_bad_condition_is_reported_at_the_key_that_is_wrong() {
    let desk = Desk::new();
    let text = format!(
        "{HEAD}rules:\n  priority:\n    - conditions:\n        - field: reason\n          op: matches\n          value: \"(unclosed\"\n      priority: high\n  assignment:\n    - conditions:\n        - field: channel\n          op: in\n          values: [web, sms]\n        - field: chanel\n          op: exists\n      team: support\nteams:\n  - key: support\n    name: Support\n    default: true\n"
    );
    let assert = validate(&desk, &text).code(1);
    let stderr = stderr_of(&assert);
    assert_eq!(
        places(&assert.get_output().stderr),
        [
            "8:18",  // the pattern, at `value:`
            "14:25", // `sms`, the second of `values`
            "15:18", // the unknown field, at `field:`
        ],
        "{stderr}"
    );
    assert!(
        stderr.contains("'(unclosed' is not a valid regular expression"),
        "{stderr}"
    );
    assert!(stderr.contains("unknown channel 'sms'"), "{stderr}");
}

#[test]
fn bad_yaml_is_refused_with_its_place() {
    let desk = Desk::new();
    let assert = validate(&desk, &format!("{HEAD}teams:\n  - key: a\n    name: [A\n")).code(1);
    let stderr = stderr_of(&assert);
    assert_eq!(places(&assert.get_output().stderr).len(), 1, "{stderr}");
    assert!(stderr.contains("is not valid: 1 error"), "{stderr}");
}

#[test]
fn every_kind_of_mistake_is_reported_in_one_run_at_its_line_and_column() {
    let desk = Desk::new();
    let text = format!(
        "{HEAD}\
operators:
  - handle: alice
    name: Alice
    emial: alice@example.com
    email: alice@example.com
    teams: [suport]
  - handle: bob
    name: Bob
    email: bob@example.com
    capacity: many
teams:
  - key: support
    name: Support
    default: true
  - key: support
    name: Support again
business-hours:
  timezone: Europe/Berln
  timezone: Europe/Berlin
agents:
  - key: shop
    name: Shop
    handover:
      platform: zendesk
integrations: []
widgets: {{}}
"
    );
    let assert = validate(&desk, &text).code(1);
    let stderr = stderr_of(&assert);
    assert_eq!(
        places(&assert.get_output().stderr),
        [
            "6:5",   // unknown key `emial`
            "8:13",  // no team `suport`
            "12:15", // capacity is not a number
            "17:10", // `support` listed twice
            "20:13", // no time zone Europe/Berln (the repeated key is dropped)
            "21:3",  // duplicate key `timezone`
            "26:17", // zendesk is not among the document's integrations
            "28:1",  // unknown section `widgets`
        ],
        "{stderr}"
    );
    for expected in [
        "unknown key `emial`",
        "did you mean `email`?",
        "no team `suport` in teams",
        "did you mean `support`?",
        "invalid type: string \"many\", expected a whole number from 0 to 4294967295",
        "`support` is listed twice in teams",
        "duplicate key `timezone`",
        "no integration `zendesk` in integrations",
        "unknown key `widgets`",
        "Europe/Berln",
        "is not valid: 8 errors",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in:\n{stderr}"
        );
    }
    // The offending line and a caret under the place.
    assert!(
        stderr.contains("6 |     emial: alice@example.com\n  |     ^^^^^\n"),
        "{stderr}"
    );
}

#[test]
fn a_misspelt_key_is_one_error_at_its_place_not_also_the_absence_of_the_key_it_meant() {
    let desk = Desk::new();
    let text = format!(
        "{HEAD}\
operators:
  - handle: alice
    nmae: Alice
    email: alice@example.com
teams:
  - key: support
    name: Support
    defualt: true
"
    );
    let assert = validate(&desk, &text).code(1);
    let stderr = stderr_of(&assert);
    assert_eq!(
        places(&assert.get_output().stderr),
        ["5:5", "10:5"],
        "{stderr}"
    );
    for expected in [
        "unknown key `nmae`",
        "did you mean `name`?",
        "unknown key `defualt`",
        "did you mean `default`?",
        "is not valid: 2 errors",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in:\n{stderr}"
        );
    }
    for unexpected in ["missing key", "no team is the default"] {
        assert!(!stderr.contains(unexpected), "{unexpected:?} in:\n{stderr}");
    }
    // Nothing is applied either, with the same one error.
    let file = desk.dir.path().join("desk.yaml");
    let assert = desk
        .cmd()
        .args(["apply", "--yes", "-f"])
        .arg(&file)
        .assert()
        .code(1);
    let stderr = stderr_of(&assert);
    assert!(!stderr.contains("no team is the default"), "{stderr}");
    assert!(stderr.contains("did you mean `default`?"), "{stderr}");
    // Refused before anything is written: not even the desk was created.
    desk.cmd()
        .args(["teams", "list", "-o", "name"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains("no desk at"));
}

#[test]
fn a_setting_an_integration_has_not_is_shown_at_its_key() {
    let desk = Desk::new();
    let text = format!(
        "{HEAD}\
integrations:
  - kind: zendesk
    settings:
      subdomain: acme
      email: desk@acme.example
      sudomain: acme
    secrets:
      api-token: ${{env:ZD_TOKEN}}
"
    );
    let file = desk.dir.path().join("desk.yaml");
    std::fs::write(&file, text).unwrap();
    let assert = desk
        .cmd()
        .env("ZD_TOKEN", "zd-token")
        .args(["validate", "-f"])
        .arg(&file)
        .assert()
        .code(1);
    let stderr = stderr_of(&assert);
    // The key is what is wrong, not its value.
    assert_eq!(places(&assert.get_output().stderr), ["8:7"], "{stderr}");
    assert!(
        stderr.contains("8 |       sudomain: acme\n  |       ^^^^^^^^\n"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean 'subdomain'?"), "{stderr}");
    assert!(stderr.contains("is not valid: 1 error"), "{stderr}");
}

#[test]
fn an_invalid_timezone_is_refused_at_the_value() {
    let desk = Desk::new();
    let assert = validate(
        &desk,
        &format!("{HEAD}business-hours:\n  enabled: true\n  timezone: Mars/Olympus\n"),
    )
    .code(1);
    assert_eq!(places(&assert.get_output().stderr), ["5:13"]);
    assert!(stderr_of(&assert).contains("Mars/Olympus"));
}

#[test]
fn a_bad_pattern_and_an_unknown_team_in_rules_are_refused() {
    let desk = Desk::new();
    let text = format!(
        "{HEAD}teams:\n  - key: support\n    name: Support\n    default: true\nrules:\n  priority:\n    - conditions:\n        - field: reason\n          op: matches\n          value: \"(unclosed\"\n      priority: high\n  assignment:\n    - conditions: []\n      team: billing\n"
    );
    let assert = validate(&desk, &text).code(1);
    assert_eq!(
        places(&assert.get_output().stderr),
        ["12:18", "16:13"],
        "{}",
        stderr_of(&assert)
    );
}

#[test]
fn a_reference_into_an_absent_section_is_a_warning_not_an_error() {
    let desk = Desk::new();
    let text = format!(
        "{HEAD}operators:\n  - handle: al\n    name: Al\n    email: al@example.com\n    teams: [support]\n"
    );
    let assert = validate(&desk, &text).success();
    let stderr = stderr_of(&assert);
    assert!(
        stderr.contains("warning: team `support` cannot be checked offline"),
        "{stderr}"
    );
    assert!(stderr.contains("is valid (1 warning)"), "{stderr}");
}

#[test]
fn apply_and_diff_sum_up_the_references_the_service_checks_in_one_line() {
    let desk = Desk::new();
    desk.run(&["teams", "add", "support", "--name", "Support"]);
    desk.run(&["teams", "add", "billing", "--name", "Billing"]);
    let text = format!(
        "{HEAD}operators:\n  - handle: al\n    name: Al\n    email: al@example.com\n    teams: [support, billing]\n  - handle: bo\n    name: Bo\n    email: bo@example.com\n    teams: [support]\n"
    );
    let file = desk.dir.path().join("desk.yaml");
    std::fs::write(&file, &text).unwrap();
    for verb in [&["diff"][..], &["apply", "--yes"][..]] {
        let mut args = verb.to_vec();
        args.extend(["-f", file.to_str().unwrap()]);
        let output = desk.cmd().args(&args).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            !stderr.contains("cannot be checked offline"),
            "{verb:?}: no warning per reference:\n{stderr}"
        );
        let lines: Vec<&str> = stderr
            .lines()
            .filter(|l| l.contains("checked by the service"))
            .collect();
        assert_eq!(lines.len(), 1, "{verb:?}: one line:\n{stderr}");
        assert!(
            lines[0].contains("3 references")
                && lines[0].contains("team `support`")
                && lines[0].contains("team `billing`"),
            "{}",
            lines[0]
        );
    }
    // An unknown one is still refused, by the service.
    std::fs::write(&file, text.replace("[support]", "[vip]")).unwrap();
    desk.cmd()
        .args(["apply", "--yes", "-f", file.to_str().unwrap()])
        .assert()
        .failure()
        .stderr(predicates::str::contains("vip"));
}

#[test]
fn diff_prune_shows_the_refusal_apply_prune_would_meet_with_the_same_message() {
    let desk = Desk::new();
    desk.run(&["teams", "add", "support", "--name", "Support"]);
    desk.run(&["teams", "add", "vip", "--name", "VIP"]);
    desk.run(&[
        "rules",
        "add",
        "assignment",
        "--when",
        "channel=web",
        "--team",
        "vip",
    ]);
    let file = desk.dir.path().join("desk.yaml");
    std::fs::write(
        &file,
        format!("{HEAD}teams:\n  - key: support\n    name: Support\n    default: true\n"),
    )
    .unwrap();
    let file = file.to_str().unwrap();
    // Shown at the section's key, as what validate finds is.
    let message = format!(
        "error: team 'vip' is the target of assignment rule 1; remove or change the rule \
         first\n --> {file}:3:1"
    );
    // The single-resource command, the plan and the apply all refuse alike.
    desk.cmd()
        .args(["teams", "remove", "vip", "--yes"])
        .assert()
        .code(6)
        .stderr(predicate::str::contains(
            "team 'vip' is the target of assignment rule 1",
        ));
    desk.cmd()
        .args(["diff", "-f", file, "--prune"])
        .assert()
        .code(6)
        .stderr(predicate::str::contains(message.as_str()));
    desk.cmd()
        .args(["apply", "-f", file, "--prune", "--yes"])
        .assert()
        .code(6)
        .stderr(predicate::str::contains(message.as_str()));
    assert!(desk.run(&["teams", "list", "-o", "name"]).contains("vip"));
    // Without --prune nothing is removed, so nothing is refused.
    desk.cmd().args(["diff", "-f", file]).assert().code(0);
}

/// Pruning an operator leaves their open tickets unassigned and revokes
/// their tokens: the plan says so before apply does it.
#[test]
fn diff_prune_says_a_removed_operators_tickets_are_unassigned_and_tokens_revoked() {
    let desk = Desk::new();
    desk.seed();
    desk.seed_tickets(4);
    desk.run(&[
        "tickets", "assign", "10001", "10002", "10003", "--to", "bob", "--force",
    ]);
    desk.run(&["tickets", "resolve", "10003", "--yes"]);
    desk.run(&["tickets", "assign", "10004", "--to", "alice", "--force"]);
    desk.run(&["tokens", "create", "--operator", "bob"]);
    let file = desk.dir.path().join("desk.yaml");
    std::fs::write(
        &file,
        format!(
            "{HEAD}operators:\n  - handle: alice\n    name: Alice Smith\n    \
             email: alice@example.com\n    role: owner\n    teams: [support]\n"
        ),
    )
    .unwrap();
    let file = file.to_str().unwrap();
    let line = "- remove bob (2 open tickets will be unassigned, 1 token revoked)";
    desk.cmd()
        .args(["diff", "-f", file, "--prune"])
        .assert()
        .code(3)
        .stdout(predicate::str::contains(line));
    let (code, plan) = json_of(&desk, &["diff", "-f", file, "--prune", "-o", "json"]);
    assert_eq!(code, 3);
    let bob = &plan["sections"][0]["changes"][0];
    assert_eq!(bob["resource"], "bob", "{plan:#}");
    assert_eq!(
        bob["effects"],
        serde_json::json!({"unassigned_tickets": 2, "revoked_tokens": 1}),
        "{plan:#}"
    );
    // Without --prune bob is unmanaged, and nothing happens to what he holds.
    let kept = desk.cmd().args(["diff", "-f", file]).output().unwrap();
    assert!(
        !String::from_utf8(kept.stdout)
            .unwrap()
            .contains("unassigned")
    );
    desk.cmd()
        .args(["apply", "-f", file, "--prune", "--yes"])
        .assert()
        .success()
        .stderr(predicate::str::contains(line));
    let (_, tickets) = json_of(
        &desk,
        &["tickets", "list", "--view", "unassigned", "-o", "json"],
    );
    let numbers: Vec<u64> = tickets
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["number"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers.len(), 2, "{tickets:#}");
    assert!(numbers.contains(&10001) && numbers.contains(&10002));
}

#[test]
fn schema_prints_yaml_with_o_yaml_and_diff_prints_names_with_o_name() {
    let desk = Desk::new();
    let json: serde_json::Value = serde_json::from_str(&desk.run(&["schema"])).unwrap();
    let yaml_text = desk.run(&["schema", "-o", "yaml"]);
    assert!(!yaml_text.trim_start().starts_with('{'), "{yaml_text}");
    let yaml: serde_json::Value = serde_saphyr::from_str(&yaml_text).unwrap();
    assert_eq!(yaml, json, "the same schema, as YAML");

    desk.run(&["teams", "add", "old", "--name", "Old"]);
    let file = desk.dir.path().join("desk.yaml");
    std::fs::write(
        &file,
        format!(
            "{HEAD}teams:\n  - key: support\n    name: Support\n    default: true\nhandoff:\n  preview-in-non-production: false\n"
        ),
    )
    .unwrap();
    let output = desk
        .cmd()
        .args([
            "diff",
            "-f",
            file.to_str().unwrap(),
            "--prune",
            "-o",
            "name",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let mut names: Vec<&str> = stdout.lines().collect();
    names.sort();
    assert_eq!(names, ["handoff", "teams/old", "teams/support"], "{stdout}");
}

/// `deskctl ARGS` on the desk: its exit code and stdout read as JSON.
fn json_of(desk: &Desk, args: &[&str]) -> (i32, serde_json::Value) {
    let output = desk.cmd().args(args).output().unwrap();
    let json = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "deskctl {args:?}: {e}:\n{}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    (output.status.code().unwrap(), json)
}

/// A CI job reads what `apply` did from stdout: the plan carried out, as
/// `diff -o json` prints a plan, and the revision after it; "no changes" is
/// an answer too. `--dry-run` prints the plan as `diff` does.
#[test]
fn apply_prints_the_plan_it_carried_out_and_the_revision_for_a_program() {
    let desk = Desk::new();
    let file = desk.dir.path().join("desk.yaml");
    std::fs::write(&file, format!("{HEAD}{TEAMS}{HANDOFF}")).unwrap();
    let file = file.to_str().unwrap();

    let (code, planned) = json_of(&desk, &["diff", "-f", file, "-o", "json"]);
    assert_eq!(code, 3);
    let (code, dry_run) = json_of(&desk, &["apply", "--dry-run", "-f", file, "-o", "json"]);
    assert_eq!((code, &dry_run), (3, &planned));

    let (code, applied) = json_of(&desk, &["apply", "--yes", "-f", file, "-o", "json"]);
    assert_eq!(code, 0);
    let plan = &applied["plan"];
    assert_eq!(plan["sections"], planned["sections"], "{applied}");
    assert_eq!(plan["summary"], planned["summary"], "{applied}");
    assert_eq!(plan["summary"]["add"], 1, "{applied}");
    let revision = applied["revision"].as_str().expect("the revision now");
    assert_ne!(Some(revision), plan["revision"].as_str(), "{applied}");

    // Nothing left to apply: valid JSON all the same, with the revision as it stays.
    let (code, unchanged) = json_of(&desk, &["apply", "--yes", "-f", file, "-o", "json"]);
    assert_eq!(code, 0);
    assert_eq!(unchanged["revision"], revision, "{unchanged}");
    assert_eq!(unchanged["plan"]["sections"], serde_json::json!([]));
    assert_eq!(unchanged["plan"]["summary"]["add"], 0);
    let (code, dry_run) = json_of(&desk, &["apply", "--dry-run", "-f", file, "-o", "json"]);
    assert_eq!((code, &dry_run), (0, &unchanged["plan"]));
    let yaml = desk.run(&["apply", "--yes", "-f", file, "-o", "yaml"]);
    let yaml: serde_json::Value = serde_saphyr::from_str(&yaml).unwrap();
    assert_eq!(yaml, unchanged);

    // The default prints nothing on stdout: the plan and the status line
    // are on stderr. `-o name` names what changed, as `diff -o name` does.
    let renamed = |name: &str| {
        let text = format!("{HEAD}{}", TEAMS.replace("name: Support", name));
        std::fs::write(file, text).unwrap();
    };
    renamed("name: Help");
    desk.cmd()
        .args(["apply", "--yes", "-f", file])
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("~ change support"));
    renamed("name: Helpdesk");
    for verb in [&["diff"][..], &["apply", "--dry-run"]] {
        desk.cmd()
            .args(verb)
            .args(["-f", file, "-o", "name"])
            .assert()
            .code(3)
            .stdout("teams/support\n");
    }
    assert_eq!(
        desk.run(&["apply", "--yes", "-f", file, "-o", "name"]),
        "teams/support\n"
    );
}

/// Text from a document cannot drive the terminal from a plan: its control
/// characters are shown in caret notation, as everywhere else.
#[test]
fn a_plan_shows_control_characters_in_caret_notation() {
    let desk = Desk::new();
    let file = desk.dir.path().join("desk.yaml");
    std::fs::write(
        &file,
        format!(
            "{HEAD}operators:\n  - {{handle: alice, name: \"A\\u001b[31mRED \\\"q\\\"\", email: alice@acme.example, role: owner}}\nticket-fields:\n  - {{key: plan, name: Plan, type: dropdown, options: [\"x\\u0007y\"]}}\n"
        ),
    )
    .unwrap();
    let output = desk
        .cmd()
        .args(["diff", "-f", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("      name: \"A^[[31mRED \\\"q\\\"\"\n"),
        "{stdout}"
    );
    assert!(stdout.contains("      options: [\"x^Gy\"]\n"), "{stdout}");
    assert!(
        !stdout.contains('\u{1b}') && !stdout.contains("\\u"),
        "{stdout}"
    );
}

/// One reference left to the service is one, and an export without secrets
/// has no references to set.
#[test]
fn status_lines_count_one_reference_and_name_only_the_secrets_an_export_has() {
    let desk = Desk::new();
    desk.run(&["teams", "add", "support", "--name", "Support"]);
    let file = desk.dir.path().join("desk.yaml");
    std::fs::write(
        &file,
        format!("{HEAD}operators:\n  - {{handle: al, name: Al, email: al@example.com, teams: [support]}}\n"),
    )
    .unwrap();
    desk.cmd()
        .args(["diff", "-f", file.to_str().unwrap()])
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "1 reference to sections the document leaves out (team `support`) is checked by the \
             service",
        ));
    desk.cmd().args(["export"]).assert().success().stderr(
        predicate::str::contains("Exported revision").and(predicate::str::contains("secret").not()),
    );
    let secret = desk.dir.path().join("hook.secret");
    std::fs::write(&secret, "0123456789abcdefXYZ\n").unwrap();
    std::fs::write(
        &file,
        format!(
            "{HEAD}delivery:\n  url: https://ai.example.com/hook\n  secret: ${{file:hook.secret}}\n"
        ),
    )
    .unwrap();
    desk.run(&["apply", "--yes", "-f", file.to_str().unwrap()]);
    let reference = format!("${{file:{}}}", secret.display());
    desk.cmd()
        .args(["export"])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "(its secret is the reference {reference}: set it to apply this file)"
        )));
}

#[test]
fn secrets_resolve_from_the_environment_and_files_and_never_show() {
    let desk = Desk::new();
    let text = format!(
        "{HEAD}email:\n  host: smtp.example.com\n  username: desk\n  password: ${{env:SMTP_PASSWORD}}\ndelivery:\n  url: https://ai.example.com/hook\n  secret: ${{file:hook.secret}}\n"
    );
    std::fs::write(
        desk.dir.path().join("hook.secret"),
        "a-webhook-secret-of-some-length\n",
    )
    .unwrap();
    let file = desk.dir.path().join("desk.yaml");
    std::fs::write(&file, &text).unwrap();
    let ok = desk
        .cmd()
        .env("SMTP_PASSWORD", "correct horse battery staple")
        .args(["validate", "-f"])
        .arg(&file)
        .assert()
        .success();
    assert!(!stderr_of(&ok).contains("horse"));

    let missing = desk
        .cmd()
        .args(["validate", "-f"])
        .arg(&file)
        .assert()
        .code(1);
    assert_eq!(places(&missing.get_output().stderr), ["6:13"]);
    assert!(stderr_of(&missing).contains("environment variable `SMTP_PASSWORD` is not set"));

    desk.cmd()
        .args(["validate", "--skip-secrets", "-f"])
        .arg(&file)
        .assert()
        .success();
}

/// A CI job without the secrets diffs with `--skip-secrets`, as it
/// validates: each secret is planned by its reference (the one it was
/// applied from is no change, another is one), with a warning that its
/// value was not compared; `apply` takes it with `--dry-run` only. Without
/// it, the unset variable is named at its place, with the way out.
#[test]
fn diff_and_a_dry_run_skip_secrets_planning_each_by_its_reference() {
    let desk = Desk::new();
    let text = |variable: &str| {
        format!(
            "{HEAD}email:\n  host: smtp.example.com\n  username: desk\n  password: ${{env:{variable}}}\n"
        )
    };
    let file = desk.dir.path().join("desk.yaml");
    std::fs::write(&file, text("SMTP_PASSWORD")).unwrap();
    desk.cmd()
        .env("SMTP_PASSWORD", "correct horse battery staple")
        .args(["apply", "--yes", "-f"])
        .arg(&file)
        .assert()
        .success();

    let unset = desk.cmd().args(["diff", "-f"]).arg(&file).assert().code(1);
    let stderr = stderr_of(&unset);
    assert_eq!(places(&unset.get_output().stderr), ["6:13"], "{stderr}");
    assert!(
        stderr.contains("environment variable `SMTP_PASSWORD` is not set")
            && stderr.contains("--skip-secrets"),
        "{stderr}"
    );

    for args in [&["diff"][..], &["apply", "--dry-run"]] {
        let same = desk
            .cmd()
            .args(args)
            .args(["--skip-secrets", "-f"])
            .arg(&file)
            .assert()
            .success();
        let stderr = stderr_of(&same);
        assert!(
            stderr.contains(
                "warning: email.password: secrets skipped: planned as unchanged, as it was \
                 applied from ${env:SMTP_PASSWORD} too"
            ),
            "{args:?}: {stderr}"
        );
    }

    std::fs::write(&file, text("NEW_SMTP_PASSWORD")).unwrap();
    let changed = desk
        .cmd()
        .args(["diff", "--skip-secrets", "-o", "json", "-f"])
        .arg(&file)
        .assert()
        .code(3);
    let plan: serde_json::Value = serde_json::from_slice(&changed.get_output().stdout).unwrap();
    let field = &plan["sections"][0]["changes"][0]["fields"][0];
    assert!(
        field["field"].as_str().unwrap().ends_with("password") && field["sensitive"] == true,
        "{plan}"
    );
    let warnings = plan["warnings"].to_string();
    assert!(
        warnings.contains("planned as changed")
            && warnings.contains("${env:NEW_SMTP_PASSWORD}")
            && !warnings.contains("horse"),
        "{warnings}"
    );

    let refused = desk
        .cmd()
        .args(["apply", "--yes", "--skip-secrets", "-f"])
        .arg(&file)
        .assert()
        .code(2);
    assert!(
        stderr_of(&refused).contains("add --dry-run"),
        "{}",
        stderr_of(&refused)
    );
    // Nothing was applied: the plan still has its change.
    desk.cmd()
        .args(["diff", "--skip-secrets", "-f"])
        .arg(&file)
        .assert()
        .code(3);
}

/// `apply` meeting an unset variable says what works from there: setting
/// it, or planning without the secrets with `--dry-run` (which the help
/// names), not `--skip-secrets` alone, which `apply` refuses.
#[test]
fn an_unset_secret_variable_in_apply_points_to_what_apply_takes() {
    let desk = Desk::new();
    let file = desk.dir.path().join("desk.yaml");
    std::fs::write(
        &file,
        format!(
            "{HEAD}email:\n  host: smtp.example.com\n  username: desk\n  password: ${{env:SMTP_PASSWORD}}\n"
        ),
    )
    .unwrap();
    let unset = desk
        .cmd()
        .args(["apply", "--yes", "-f"])
        .arg(&file)
        .assert()
        .code(1);
    let stderr = stderr_of(&unset);
    assert!(
        stderr.contains("export SMTP_PASSWORD=")
            && stderr.contains("`apply --dry-run` take --skip-secrets"),
        "{stderr}"
    );
    desk.cmd()
        .args(["apply", "--dry-run", "--skip-secrets", "-f"])
        .arg(&file)
        .assert()
        .code(3);
}

#[test]
fn a_literal_secret_is_accepted_with_a_warning_and_masked_in_the_shown_line() {
    let desk = Desk::new();
    let text = format!(
        "{HEAD}delivery:\n  url: https://ai.example.com/hook\n  secret: plain-text-secret-1234\n"
    );
    let assert = validate(&desk, &text).success();
    let stderr = stderr_of(&assert);
    assert!(
        stderr.contains("warning: a secret is written in the document"),
        "{stderr}"
    );
    assert!(stderr.contains("--> "), "{stderr}");
    // The offending line is shown with the secret masked.
    assert!(!stderr.contains("plain-text-secret"), "{stderr}");
    // As wide whatever the secret's length, which a mask as long as it
    // would tell; the caret under the mask alone.
    assert!(stderr.contains("secret: ********\n"), "{stderr}");
    assert!(stderr.contains("  |           ^^^^^^^^\n"), "{stderr}");
    let long = "abcdefghijklmnopqrstuvwxyz0123456789";
    let assert = validate(&desk, &text.replace("plain-text-secret-1234", long)).success();
    let stderr = stderr_of(&assert);
    assert!(!stderr.contains("*********"), "{stderr}");
    assert!(stderr.contains("secret: ********\n"), "{stderr}");
    assert!(stderr.contains("  |           ^^^^^^^^\n"), "{stderr}");
}

/// What the service refuses once it has trimmed a document's texts, as it
/// stores them, `validate` refuses too: a label or auto-reply of spaces only,
/// dropdown options that repeat once trimmed, an option of spaces.
/// YAML reads `.inf`, `-.inf` and `.nan` as numbers JSON has not: a text
/// field takes them as the text they are (as it takes `1.5`), a number field
/// says what it wants, in the words of every other wrong type.
#[test]
fn numbers_that_are_not_finite_are_text_in_a_text_field_and_refused_in_a_number_field() {
    let desk = Desk::new();
    let text = format!(
        "{HEAD}email:\n  host: smtp.x.example\n  port: .inf\noperators:\n  - handle: al\n    \
         name: .NaN\n    email: al@x.example\n    capacity: -.inf\n"
    );
    let assert = validate(&desk, &text).code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert_eq!(
        places(&assert.get_output().stderr),
        ["5:9", "10:15"],
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "error: invalid type: `.inf` (a number that is not finite), expected a port from 1 \
             to 65535\n"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "error: invalid type: `-.inf` (a number that is not finite), expected a whole number \
             from 0 to 4294967295\n"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("policy"), "{stderr}");
    // As text, `.NaN` is a name like any other.
    let name =
        format!("{HEAD}operators:\n  - handle: al\n    name: .NaN\n    email: al@x.example\n");
    validate(&desk, &name).success();
}

/// No text the desk keeps may hold a NUL character: `validate` says so at
/// its place, as the service would refuse it; and a secret read from a file
/// that holds one is shown at its line, not at the top of the document.
#[test]
fn a_nul_character_is_refused_at_its_place_offline_and_by_the_service() {
    let desk = Desk::new();
    let text = format!("{HEAD}agents:\n  - key: shop\n    name: \"Shop\\0\"\n");
    let assert = validate(&desk, &text).code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert_eq!(places(&assert.get_output().stderr), ["5:11"], "{stderr}");
    assert!(
        stderr.contains("error: contains a NUL character"),
        "{stderr}"
    );

    std::fs::write(desk.dir.path().join("smtp-password"), "hunter2\0secret").unwrap();
    let file = desk.dir.path().join("desk.yaml");
    std::fs::write(
        &file,
        format!(
            "{HEAD}email:\n  host: smtp.x.example\n  username: u\n  password: ${{file:smtp-password}}\n"
        ),
    )
    .unwrap();
    let assert = desk.cmd().args(["diff", "-f"]).arg(&file).assert().code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert_eq!(places(&assert.get_output().stderr), ["6:13"], "{stderr}");
    assert!(
        stderr.contains("error: contains a NUL character"),
        "{stderr}"
    );
    assert!(!stderr.contains("hunter2"), "{stderr}");
}

#[test]
fn validate_refuses_what_the_service_refuses_once_trimmed() {
    let desk = Desk::new();
    let text = format!(
        "{HEAD}ticket-fields:\n  - {{key: plan, name: Plan, type: dropdown, options: [pro, ' pro', ' ']}}\nagents:\n  - key: bot\n    name: Bot\n    handover:\n      platform: inbox\n      auto-reply: ' '\n      labels: {{waiting: '  '}}\n"
    );
    let assert = validate(&desk, &text).code(1);
    let stderr = stderr_of(&assert);
    assert_eq!(
        places(&assert.get_output().stderr),
        ["4:60", "4:68", "10:19", "11:25"],
        "{stderr}"
    );
    assert!(stderr.contains("'pro' is listed twice"), "{stderr}");
    assert!(
        stderr.contains("must not be empty: the customer sees it"),
        "{stderr}"
    );
}

/// A reference mistyped — its closing brace left out, a space after it, text
/// around it — is not taken for a secret written in the document (a warning),
/// which `apply` would set as the password: it is an error at its place, and
/// nothing is applied.
#[test]
fn a_mistyped_secret_reference_is_an_error_not_a_literal_secret() {
    let desk = Desk::new();
    for value in [
        "${env:SMTP_PASSWORD",
        "\"${env:SMTP_PASSWORD} \"",
        "x${file:smtp.secret}",
    ] {
        let text = format!(
            "{HEAD}email:\n  host: smtp.example.com\n  username: desk\n  password: {value}\n"
        );
        let assert = validate(&desk, &text).code(1);
        let stderr = stderr_of(&assert);
        assert_eq!(places(&assert.get_output().stderr), ["6:13"], "{stderr}");
        assert!(
            stderr.contains("error: a mistyped secret reference"),
            "{value}: {stderr}"
        );
        assert!(!stderr.contains("SMTP_PASSWORD"), "{value}: {stderr}");
        let file = desk.dir.path().join("desk.yaml");
        desk.cmd()
            .env("SMTP_PASSWORD", "correct horse battery staple")
            .args(["apply", "--yes", "-f"])
            .arg(&file)
            .assert()
            .code(1)
            .stderr(predicate::str::contains("a mistyped secret reference"));
    }
    assert!(!desk.path().exists(), "a refused apply leaves no desk");
    // A secret of its own that merely holds a `$` is still one, warned about.
    let text = format!(
        "{HEAD}email:\n  host: smtp.example.com\n  username: desk\n  password: pa$$word{{1}}\n"
    );
    validate(&desk, &text)
        .success()
        .stderr(predicate::str::contains("warning: a secret is written"));
}

/// A secret on a line with another mistake (a duplicate key, a bad escape, a
/// syntax error, the wrong type) is masked too, by `validate`, `diff` and
/// `apply` alike, though the document does not parse, and `validate -o json`
/// does not print it either.
#[test]
fn a_secret_on_a_broken_line_is_never_shown() {
    let desk = Desk::new();
    let broken = [
        "email:\n  host: smtp.x.example\n  username: u\n  password: FirstSecret99\n  password: SecondSecret77\n",
        "email:\n  host: smtp.x.example\n  username: u\n  password: \"SecondSecret77\\q\"\n",
        "email:\n  host: smtp.x.example\n  username: u\n  password: SecondSecret77: x\n",
        "delivery:\n  url: https://x.example/h\n  secret: {a: SecondSecret77}\n",
        "integrations:\n  - kind: zendesk\n    secrets:\n      api-token: SecondSecret77\n    bogus: 1\n    bogus: 2\n",
        // Written in flow style, the secret's key is not the first of its line.
        "email: {host: smtp.x.example, username: u, password: SecondSecret77, port: 0\n",
        "integrations:\n  - {kind: zendesk, secrets: {api-token: SecondSecret77}, oops: 1\n",
    ];
    for (n, text) in broken.iter().enumerate() {
        let file = desk.dir.path().join(format!("broken-{n}.yaml"));
        std::fs::write(&file, format!("{HEAD}{text}")).unwrap();
        for command in ["validate", "diff", "apply"] {
            let assert = desk
                .cmd()
                .args([command, "-f"])
                .arg(&file)
                .assert()
                .failure();
            let stderr = stderr_of(&assert);
            assert!(stderr.contains("--> "), "{command} {n}: {stderr}");
            assert!(!stderr.contains("SecondSecret"), "{command} {n}: {stderr}");
        }
        // Nor in validate's JSON report.
        let report = json_report(&desk, &file, 1).to_string();
        assert!(!report.contains("SecondSecret"), "{n}: {report}");
    }
}

/// `validate -o json|yaml` prints every problem of every document as data on
/// stdout, each at the file and place the text shows it, and keeps its exit
/// codes.
#[test]
fn validate_prints_its_diagnostics_as_json_or_yaml() {
    let desk = Desk::new();
    let file = desk.dir.path().join("desk.yaml");
    std::fs::write(
        &file,
        format!(
            "{HEAD}operators:\n  - handle: alice\n    name: Alice\n    emial: alice@example.com\ndelivery:\n  url: https://x.example/h\n  secret: plain-text-secret-1234\n"
        ),
    )
    .unwrap();
    std::fs::write(
        desk.dir.path().join("teams.yaml"),
        format!("{HEAD}teams:\n  - key: support\n    name: Support\n    default: true\n    members: [alise]\n"),
    )
    .unwrap();
    let run = |format: &str| {
        let assert = desk
            .cmd()
            .current_dir(desk.dir.path())
            .args([
                "validate",
                "-f",
                "desk.yaml",
                "-f",
                "teams.yaml",
                "-o",
                format,
            ])
            .assert()
            .code(1);
        let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
        let stderr = stderr_of(&assert);
        assert!(!stdout.contains("plain-text-secret"), "{stdout}");
        // The problems are stdout's data, not repeated as text on stderr.
        assert!(!stderr.contains("-->"), "{stderr}");
        assert!(
            stderr.contains("desk.yaml, teams.yaml are not valid: 2 errors, 1 warning"),
            "{stderr}"
        );
        stdout
    };
    let expected = serde_json::json!({
        "files": ["desk.yaml", "teams.yaml"],
        "valid": false,
        "errors": 2,
        "warnings": 1,
        "diagnostics": [
            {"file": "desk.yaml", "severity": "error", "line": 6, "column": 5,
             "message": "unknown key `emial`", "help": "did you mean `email`?"},
            {"file": "desk.yaml", "severity": "warning", "line": 9, "column": 11,
             "message": "a secret is written in the document: whoever reads the file reads it",
             "help": "use ${env:NAME} or ${file:PATH} instead"},
            {"file": "teams.yaml", "severity": "error", "line": 7, "column": 15,
             "message": "no operator `alise` in operators", "help": "did you mean `alice`?"},
        ],
    });
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    assert_eq!(json, expected);
    let yaml: serde_json::Value = serde_saphyr::from_str(&run("yaml")).unwrap();
    assert_eq!(yaml, expected);
    let lines = run("jsonl");
    assert_eq!(lines.lines().count(), 1, "{lines}");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&lines).unwrap(),
        expected
    );

    // Valid with a warning: exit 0, and still the report.
    let warned =
        format!("{HEAD}delivery:\n  url: https://x.example/h\n  secret: plain-text-secret-1234\n");
    let assert = desk
        .cmd()
        .args(["validate", "-f", "-", "-o", "json"])
        .write_stdin(warned)
        .assert()
        .success();
    let report: serde_json::Value = serde_json::from_slice(&assert.get_output().stdout).unwrap();
    assert_eq!(report["files"], serde_json::json!(["<stdin>"]));
    assert_eq!(report["valid"], true);
    assert_eq!(
        (report["errors"].clone(), report["warnings"].clone()),
        (0.into(), 1.into())
    );
    assert_eq!(report["diagnostics"][0]["file"], "<stdin>");

    // Text that is not UTF-8 is reported the same way, at its first bad byte.
    std::fs::write(&file, [HEAD.as_bytes(), b"\xff\n"].concat()).unwrap();
    let report = json_report(&desk, &file, 1);
    assert_eq!(report["valid"], false);
    assert_eq!(report["diagnostics"][0]["line"], 3);
    assert_eq!(report["diagnostics"][0]["column"], 1);
}

#[test]
fn stdin_is_read_for_a_dash() {
    let desk = Desk::new();
    desk.cmd()
        .args(["validate", "-f", "-"])
        .write_stdin(format!("{HEAD}kind: Desk\n"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--> <stdin>:3:1"))
        .stderr(predicate::str::contains("duplicate key `kind`"));
}

#[test]
fn a_missing_file_is_an_error_naming_it() {
    let desk = Desk::new();
    desk.cmd()
        .args(["validate", "-f", "nowhere.yaml"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot read nowhere.yaml"));
}

#[test]
fn the_schema_command_prints_the_committed_schema() {
    let desk = Desk::new();
    let output = desk.cmd().arg("schema").output().unwrap();
    assert!(output.status.success());
    let committed =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/desk.schema.json")).unwrap();
    assert_eq!(output.stdout, committed);
    let schema: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(schema["additionalProperties"], false);
    assert_eq!(
        schema["required"],
        serde_json::json!(["apiVersion", "kind"])
    );
}

#[test]
fn every_example_document_is_valid() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let is_document = path.extension().is_some_and(|ext| ext == "yaml")
            && std::fs::read_to_string(&path)
                .unwrap()
                .contains("apiVersion: deskctl/v1");
        if is_document {
            let source = deskctl::manifest::read_source(&path).unwrap();
            let result = deskctl::manifest::check(&source, None);
            let errors: Vec<_> = result.diagnostics.iter().filter(|d| d.is_error()).collect();
            assert!(errors.is_empty(), "{}: {errors:?}", path.display());
            checked += 1;
        }
    }
    assert!(
        checked >= 4,
        "only {checked} examples found in {}",
        dir.display()
    );
}

#[test]
fn days_take_the_short_names_hours_set_takes_and_numbers_are_described_plainly() {
    let desk = Desk::new();
    let text = format!(
        "{HEAD}business-hours:\n  enabled: true\n  timezone: Europe/Berlin\n  days: [mon, tue, friday, sun]\n"
    );
    validate(&desk, &text).success();
    let file = desk.dir.path().join("desk.yaml");
    desk.cmd()
        .args(["apply", "--yes", "-f"])
        .arg(&file)
        .assert()
        .success();
    let hours: serde_json::Value =
        serde_json::from_str(&desk.run(&["hours", "show", "-o", "json"])).unwrap();
    assert_eq!(
        hours["days"],
        serde_json::json!(["monday", "tuesday", "friday", "sunday"])
    );
    let assert = validate(
        &desk,
        &format!("{HEAD}operators:\n  - handle: a\n    name: A\n    email: a@example.com\n    capacity: -3\n"),
    )
    .code(1);
    let stderr = stderr_of(&assert);
    assert!(
        stderr
            .contains("invalid value: integer `-3`, expected a whole number from 0 to 4294967295"),
        "{stderr}"
    );
    assert!(!stderr.contains("u32"), "{stderr}");
}

// ---- the JSON Schema, checked by a real validator -------------------------

/// Every object schema's properties, with where they are. The rules between
/// properties (`if`/`then`, `allOf`, …) name properties to constrain them,
/// not to describe them again: they are left out.
fn properties(node: &serde_json::Value, at: &str, found: &mut Vec<(String, serde_json::Value)>) {
    const RULES: [&str; 6] = ["if", "then", "else", "allOf", "not", "contains"];
    match node {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::Object(properties)) = map.get("properties") {
                for (name, property) in properties {
                    found.push((format!("{at}.{name}"), property.clone()));
                }
            }
            for (key, value) in map.iter().filter(|(key, _)| !RULES.contains(&key.as_str())) {
                properties(value, &format!("{at}/{key}"), found);
            }
        }
        serde_json::Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                properties(item, &format!("{at}/{index}"), found);
            }
        }
        _ => {}
    }
}

#[test]
fn the_schema_describes_every_property_with_no_nullable_alternatives() {
    let text = deskctl::manifest::json_schema();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(schema["$id"], deskctl::manifest::schema::SCHEMA_ID);
    assert!(!text.contains("\"anyOf\""), "an anyOf is left:\n{text}");
    assert!(!text.contains("\"null\""), "a null type is left:\n{text}");
    assert!(!text.contains(": null"), "a null default is left:\n{text}");
    let mut found = Vec::new();
    properties(&schema, "", &mut found);
    assert!(found.len() > 80, "only {} properties", found.len());
    let undescribed: Vec<_> = found
        .iter()
        .filter(|(_, property)| {
            property["description"]
                .as_str()
                .is_none_or(|text| text.trim().is_empty())
        })
        .map(|(at, _)| at)
        .collect();
    assert!(undescribed.is_empty(), "no description: {undescribed:?}");
    // Free-text and key properties show an example or a default.
    let bare: Vec<_> = found
        .iter()
        .filter(|(_, property)| property["type"] == "string" && property.get("enum").is_none())
        .filter(|(_, property)| {
            property.get("examples").is_none() && property.get("default").is_none()
        })
        .map(|(at, _)| at)
        .collect();
    assert!(bare.is_empty(), "no example: {bare:?}");
}

#[test]
fn the_schema_states_the_rules_validate_applies_from_the_same_constants() {
    let schema: serde_json::Value =
        serde_json::from_str(&deskctl::manifest::json_schema()).unwrap();
    let defs = &schema["$defs"];
    let slug = deskctl::domain::validate::SLUG_PATTERN;
    for (def, property) in [
        ("OperatorSpec", "handle"),
        ("TeamSpec", "key"),
        ("TicketFieldSpec", "key"),
        ("AgentSpec", "key"),
        ("AssignmentRuleSpec", "team"),
    ] {
        assert_eq!(
            defs[def]["properties"][property]["pattern"], slug,
            "{def}.{property}"
        );
    }
    assert_eq!(
        defs["OperatorSpec"]["properties"]["teams"]["items"]["pattern"],
        slug
    );
    assert_eq!(
        defs["TeamSpec"]["properties"]["members"]["items"]["pattern"],
        slug
    );
    for (def, property) in [("OperatorSpec", "email"), ("SupportInbox", "address")] {
        let email = &defs[def]["properties"][property];
        assert_eq!(email["format"], "email", "{def}.{property}");
        assert_eq!(email["pattern"], deskctl::domain::validate::EMAIL_PATTERN);
    }
    let hours = &defs["BusinessHours"]["properties"];
    assert_eq!(
        hours["start"]["pattern"],
        deskctl::domain::hours::TIME_PATTERN
    );
    assert_eq!(
        hours["end"]["pattern"],
        deskctl::domain::hours::TIME_PATTERN
    );
    assert_eq!(hours["holidays"]["items"]["format"], "date");
    assert_eq!(
        defs["HandoverAction"]["properties"]["name"]["pattern"],
        deskctl::domain::validate::ACTION_NAME_UNTRIMMED_PATTERN
    );
    assert_eq!(
        defs["OperatorSpec"]["properties"]["name"]["maxLength"],
        deskctl::domain::validate::MAX_NAME_LEN
    );
}

#[test]
fn every_example_document_names_the_schema_in_its_modeline_and_is_valid_under_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let validator = common::schema_validator();
    let committed = root.join("docs/desk.schema.json").canonicalize().unwrap();
    let mut checked = 0;
    for entry in std::fs::read_dir(root.join("docs/examples")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        if path.extension().is_none_or(|ext| ext != "yaml")
            || !text.contains("apiVersion: deskctl/v1")
        {
            continue;
        }
        let modeline = text.lines().next().unwrap_or_default();
        let target = modeline
            .strip_prefix("# yaml-language-server: $schema=")
            .unwrap_or_else(|| panic!("{}: no modeline first: {modeline:?}", path.display()));
        // The YAML language server resolves a relative $schema against the document.
        let target = path.parent().unwrap().join(target).canonicalize().unwrap();
        assert_eq!(target, committed, "{}", path.display());
        let document: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&document)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
        checked += 1;
    }
    assert!(checked >= 4, "only {checked} example documents");
    // The docs show the same modeline, with the command that writes the file it names.
    let docs = std::fs::read_to_string(root.join("docs/configuration.md")).unwrap();
    assert!(
        docs.contains("deskctl schema > desk.schema.json"),
        "docs/configuration.md"
    );
    assert!(
        docs.contains("# yaml-language-server: $schema=desk.schema.json"),
        "docs/configuration.md"
    );
    assert!(
        !docs.contains("$schema=https://…"),
        "a placeholder URL is left"
    );
}

/// What `export` writes and what `validate` accepts, the schema accepts too:
/// editors that check a document against it flag nothing valid.
#[test]
fn an_export_and_three_letter_days_are_valid_under_the_schema() {
    let validator = common::schema_validator();
    let desk = Desk::new();
    desk.seed();
    // A rich workspace: the shipped examples applied in turn (settings,
    // rules, fields, an integration, agents with and without a default priority).
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples");
    let secrets = desk.dir.path().join("secrets");
    std::fs::create_dir_all(&secrets).unwrap();
    std::fs::write(
        secrets.join("zendesk-webhook-secret"),
        "whsec-0123456789abcdef",
    )
    .unwrap();
    for example in ["desk.yaml", "zendesk.yaml"] {
        let file = desk.dir.path().join(example);
        std::fs::copy(examples.join(example), &file).unwrap();
        desk.cmd()
            .env("SMTP_PASSWORD", "correct horse battery staple")
            .env("ZENDESK_API_TOKEN", "zd-token-0123456789")
            .args(["apply", "--yes", "-f"])
            .arg(&file)
            .assert()
            .success();
    }
    let exported: serde_json::Value =
        serde_saphyr::from_str(&desk.run(&["export"])).expect("export writes YAML");
    assert!(
        exported["integrations"][0]["kind"] == "zendesk",
        "{exported:#}"
    );
    let errors: Vec<String> = validator
        .iter_errors(&exported)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:?}\n{exported:#}");
    let days = format!(
        "{HEAD}business-hours:\n  enabled: true\n  timezone: Europe/Berlin\n  days: [mon, tue, friday]\n"
    );
    validate(&desk, &days).success();
    let document: serde_json::Value = serde_saphyr::from_str(&days).unwrap();
    assert!(validator.is_valid(&document));
}

#[test]
fn bad_documents_are_refused_by_the_schema_and_by_validate_alike() {
    let validator = common::schema_validator();
    let operator = |field: &str| {
        format!(
            "{HEAD}operators:\n  - handle: alice\n    name: Alice\n    email: alice@acme.example\n    {field}\n"
        )
    };
    let hours = |field: &str| format!("{HEAD}business-hours:\n  {field}\n");
    let bad = [
        (
            "an uppercase handle",
            format!(
                "{HEAD}operators:\n  - handle: Alice\n    name: Alice\n    email: alice@acme.example\n"
            ),
        ),
        (
            "a handle with a space",
            format!("{HEAD}teams:\n  - key: tier 2\n    name: Tier 2\n"),
        ),
        (
            "a handle too long",
            format!(
                "{HEAD}teams:\n  - key: {}\n    name: Long\n",
                "a".repeat(41)
            ),
        ),
        (
            "an email without a dotted domain",
            format!(
                "{HEAD}operators:\n  - handle: alice\n    name: Alice\n    email: alice@localhost\n"
            ),
        ),
        (
            "an empty name",
            format!("{HEAD}agents:\n  - key: shop\n    name: ''\n"),
        ),
        ("an unknown key", operator("nickname: Al")),
        ("a negative capacity", operator("capacity: -1")),
        ("an unknown role", operator("role: admin")),
        (
            "a team key that is no slug",
            format!(
                "{}teams:\n  - key: billing\n    name: Billing\n",
                operator("teams: [Billing]")
            ),
        ),
        ("a time without a leading zero", hours("start: '9:00'")),
        ("a time past midnight", hours("end: '24:00'")),
        (
            "a date that does not exist",
            hours("holidays: ['2026-02-30']"),
        ),
        ("a date in another shape", hours("holidays: ['25.12.2026']")),
        (
            "a holiday twice",
            hours("holidays: ['2026-12-25', '2026-12-25']"),
        ),
        (
            "an action name with spaces",
            format!(
                "{HEAD}agents:\n  - key: shop\n    name: Shop\n    handover:\n      name: Escalate To Human\n"
            ),
        ),
        (
            "a support inbox address that is none",
            format!(
                "{HEAD}assignment:\n  support-inbox:\n    enabled: true\n    address: support\n"
            ),
        ),
        (
            "an unknown section",
            format!("{HEAD}operator:\n  - handle: alice\n"),
        ),
        (
            "a wrong apiVersion",
            "apiVersion: deskctl/v2\nkind: Desk\n".to_string(),
        ),
        (
            "a list section with every entry commented out",
            format!("{HEAD}ticket-fields:\n#  - key: order\n#    name: Order\n"),
        ),
        (
            "a settings section with no value",
            format!("{HEAD}notifications: ~\n"),
        ),
        ("an optional value of null", operator("capacity: null")),
    ];
    for (what, text) in bad {
        let document: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
        assert!(
            !validator.is_valid(&document),
            "the schema accepts {what}:\n{text}"
        );
        let source = deskctl::manifest::Source::new("desk.yaml", text.clone(), ".");
        let checked = deskctl::manifest::check(&source, None);
        assert!(checked.errors() > 0, "validate accepts {what}:\n{text}");
    }
    // And what validate accepts, the schema accepts.
    let good = format!(
        "{HEAD}operators:\n  - handle: tier-2\n    name: Tier Two\n    email: a.b+tag@mail.acme.co.uk\n    capacity: 0\n\
         business-hours:\n  start: '00:00'\n  end: '23:59'\n  holidays: ['2028-02-29']\n"
    );
    let document: serde_json::Value = serde_saphyr::from_str(&good).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&document)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let source = deskctl::manifest::Source::new("desk.yaml", good, ".");
    assert_eq!(deskctl::manifest::check(&source, None).errors(), 0);

    // What earlier exports wrote: the schema refuses it, validate warns and
    // reads it as left out, so a committed export still applies.
    let earlier_export = format!(
        "{HEAD}agents:\n  - key: shop\n    name: Shop\n    handover:\n      default-priority:\n"
    );
    let document: serde_json::Value = serde_saphyr::from_str(&earlier_export).unwrap();
    assert!(!validator.is_valid(&document));
    let source = deskctl::manifest::Source::new("desk.yaml", earlier_export, ".");
    let checked = deskctl::manifest::check(&source, None);
    assert_eq!((checked.errors(), checked.warnings()), (0, 1));
    let handover = &checked.document.unwrap().agents.unwrap()[0].handover;
    assert_eq!(handover.as_ref().unwrap().default_priority, None);
}

/// Each integration kind's settings and secrets, as the schema states them
/// and `validate` checks them, from the same specs: every kind with its
/// required ones is taken by both; without any one of them, or with a name
/// it has not, or a secret among its settings, it is refused by both.
#[test]
fn the_schema_states_each_integration_kinds_settings_as_validate_checks_them() {
    use deskctl::api::IntegrationKind;
    let validator = common::schema_validator();
    let document = |kind: &str, settings: &[(String, String)], secrets: &[(String, String)]| {
        let map = |pairs: &[(String, String)]| {
            let entries: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}: '{v}'")).collect();
            format!("{{{}}}", entries.join(", "))
        };
        format!(
            "{HEAD}integrations:\n  - kind: {kind}\n    settings: {}\n    secrets: {}\n",
            map(settings),
            map(secrets)
        )
    };
    let judged = |text: &str| {
        let value: serde_json::Value = serde_saphyr::from_str(text).unwrap();
        let source = deskctl::manifest::Source::new("desk.yaml", text.to_string(), ".");
        let checked = deskctl::manifest::check(&source, None);
        (validator.is_valid(&value), checked.errors() == 0)
    };
    for name in IntegrationKind::NAMES {
        let kind: IntegrationKind = name.parse().unwrap();
        let required = |secret: bool| -> Vec<(String, String)> {
            kind.settings()
                .iter()
                .filter(|spec| spec.secret == secret && spec.required)
                .map(|spec| {
                    let value = match (secret, spec.choices.first()) {
                        (true, _) => "${env:A_SECRET}".to_string(),
                        (false, Some(choice)) => choice.to_string(),
                        // An address setting, where one is asked for.
                        (false, None) if spec.key.contains("url") => {
                            "https://acme.example".to_string()
                        }
                        (false, None) if spec.key.contains("email") => {
                            "desk@acme.example".to_string()
                        }
                        (false, None) => "acme".to_string(),
                    };
                    (spec.key.to_string(), value)
                })
                .collect()
        };
        let (settings, secrets) = (required(false), required(true));
        let whole = document(name, &settings, &secrets);
        assert_eq!(
            judged(&whole),
            (true, true),
            "{name}, as required:\n{whole}"
        );
        for left_out in 0..settings.len() + secrets.len() {
            let mut settings = settings.clone();
            let mut secrets = secrets.clone();
            if left_out < settings.len() {
                settings.remove(left_out);
            } else {
                secrets.remove(left_out - settings.len());
            }
            let text = document(name, &settings, &secrets);
            assert_eq!(
                judged(&text),
                (false, false),
                "{name}, one left out:\n{text}"
            );
        }
        let mut unknown = settings.clone();
        unknown.push(("no-such-setting".into(), "x".into()));
        let text = document(name, &unknown, &secrets);
        assert_eq!(judged(&text), (false, false), "{name}, unknown:\n{text}");
        if let Some((secret, _)) = secrets.first() {
            let mut misplaced = settings.clone();
            misplaced.push((secret.clone(), "x".into()));
            let text = document(name, &misplaced, &secrets);
            assert_eq!(judged(&text), (false, false), "{name}, misplaced:\n{text}");
        }
    }
}

/// Every rule of `validate` that JSON Schema can state is in the schema: each
/// document here is refused by both (an editor flags what CI would), and
/// each of the near misses after them is taken by both.
#[test]
fn the_schema_refuses_what_validate_refuses_wherever_json_schema_can_say_it() {
    let validator = common::schema_validator();
    let field = |options: &str| {
        format!("{HEAD}ticket-fields:\n  - key: plan\n    name: Plan\n    {options}\n")
    };
    let condition = |condition: &str| {
        format!(
            "{HEAD}rules:\n  priority:\n    - priority: high\n      conditions:\n        - {condition}\n"
        )
    };
    let action = |fields: &str| {
        format!("{HEAD}agents:\n  - key: shop\n    name: Shop\n    handover: {fields}\n")
    };
    let email = |fields: &str| format!("{HEAD}email: {fields}\n");
    let secret = |value: &str| {
        format!("{HEAD}email: {{host: smtp.x.example, username: u, password: '{value}'}}\n")
    };
    let teams = |teams: &str| format!("{HEAD}teams: {teams}\n");
    let integration = |kind: &str, settings: &str, secrets: &str| {
        format!(
            "{HEAD}integrations:\n  - kind: {kind}\n    settings: {settings}\n    secrets: {secrets}\n"
        )
    };
    let bad = [
        ("port 0", email("{host: smtp.x.example, port: 0}")),
        ("a host with a space", email("{host: 'smtp x.example'}")),
        ("a host that is a URL", email("{host: 'smtp://x.example'}")),
        (
            "a day twice",
            format!("{HEAD}business-hours:\n  days: [mon, tue, mon]\n"),
        ),
        (
            "an option twice",
            field("type: dropdown\n    options: [a, b, a]"),
        ),
        (
            "an option of spaces",
            field("type: dropdown\n    options: [a, ' ']"),
        ),
        ("a dropdown without options", field("type: dropdown")),
        (
            "options of a text field",
            field("type: text\n    options: [a]"),
        ),
        (
            "a name of spaces",
            format!("{HEAD}ticket-fields:\n  - key: plan\n    name: '  '\n    type: text\n"),
        ),
        (
            "a rule's name of spaces",
            format!(
                "{HEAD}rules:\n  assignment:\n    - name: ' '\n      team: billing\n      conditions: []\n"
            ),
        ),
        (
            "an unknown condition field",
            condition("{field: chanel, op: exists}"),
        ),
        (
            "a context key in capitals",
            condition("{field: context.Order, op: exists}"),
        ),
        (
            "equals without a value",
            condition("{field: reason, op: equals}"),
        ),
        (
            "equals with values",
            condition("{field: reason, op: equals, value: a, values: [a]}"),
        ),
        (
            "in with a value",
            condition("{field: reason, op: in, value: a}"),
        ),
        (
            "in with no values",
            condition("{field: reason, op: in, values: []}"),
        ),
        (
            "exists with a value",
            condition("{field: context.vip, op: exists, value: 'yes'}"),
        ),
        (
            "an unknown channel",
            condition("{field: channel, op: in, values: [web, fax]}"),
        ),
        (
            "an unknown environment",
            condition("{field: environment, op: equals, value: prod}"),
        ),
        ("a label of spaces", action("{labels: {waiting: '  '}}")),
        ("an auto-reply of spaces", action("{auto-reply: ' '}")),
        (
            "an enabled action without channels",
            action("{channels: []}"),
        ),
        ("an unknown platform", action("{platform: inbx}")),
        (
            "an action name with a space inside",
            action("{name: 'Escalate To_Human'}"),
        ),
        ("an action name of spaces", action("{name: '  '}")),
        (
            "a zendesk without its subdomain",
            integration(
                "zendesk",
                "{email: desk@acme.example}",
                "{api-token: '${env:ZD}'}",
            ),
        ),
        (
            "a zendesk without its token",
            integration(
                "zendesk",
                "{email: desk@acme.example, subdomain: acme}",
                "{}",
            ),
        ),
        (
            "a setting zendesk has not",
            integration(
                "zendesk",
                "{email: desk@acme.example, subdomain: acme, sudomain: acme}",
                "{api-token: '${env:ZD}'}",
            ),
        ),
        (
            "a secret given as a setting",
            integration(
                "zendesk",
                "{email: desk@acme.example, subdomain: acme, api-token: x}",
                "{api-token: '${env:ZD}'}",
            ),
        ),
        (
            "a setting of spaces",
            integration(
                "zendesk",
                "{email: desk@acme.example, subdomain: ' '}",
                "{api-token: '${env:ZD}'}",
            ),
        ),
        (
            "a region intercom has not",
            integration("intercom", "{region: mars}", "{access-token: '${env:IC}'}"),
        ),
        (
            "an enabled support inbox without an address",
            format!("{HEAD}assignment:\n  support-inbox: {{enabled: true}}\n"),
        ),
        (
            "a webhook that is not http(s)",
            format!("{HEAD}delivery: {{url: 'ftp://ai.example/hook', secret: '${{env:HOOK}}'}}\n"),
        ),
        (
            "an integration's base URL that is not http(s)",
            format!("{HEAD}integrations:\n  - kind: zendesk\n    base-url: 'ftp://x.example'\n"),
        ),
        ("no default team", teams("[{key: a, name: A}]")),
        (
            "two default teams",
            teams("[{key: a, name: A, default: true}, {key: b, name: B, default: true}]"),
        ),
        ("an empty variable name", secret("${env:}")),
        ("a variable name with a dash", secret("${env:SMTP-PW}")),
        ("a file not named", secret("${file: }")),
        ("a reference of no kind", secret("${vault:smtp}")),
        ("a reference without its brace", secret("${env:SMTP")),
    ];
    for (what, text) in bad {
        let document: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
        assert!(
            !validator.is_valid(&document),
            "the schema accepts {what}:\n{text}"
        );
        let source = deskctl::manifest::Source::new("desk.yaml", text.clone(), ".");
        let checked = deskctl::manifest::check(&source, None);
        assert!(checked.errors() > 0, "validate accepts {what}:\n{text}");
    }
    let good = [
        ("port 1", email("{host: ' smtp.x.example ', port: 1}")),
        (
            "each day once",
            format!("{HEAD}business-hours:\n  days: [mon, tue]\n"),
        ),
        (
            "a dropdown",
            field("type: dropdown\n    options: [a, ' b ']"),
        ),
        (
            "a text field with no options",
            field("type: text\n    options: []"),
        ),
        (
            "a context key",
            condition("{field: context.order-id, op: exists}"),
        ),
        (
            "equals",
            condition("{field: requester.email, op: equals, value: a}"),
        ),
        (
            "equals with no values",
            condition("{field: reason, op: equals, value: a, values: []}"),
        ),
        (
            "in",
            condition("{field: channel, op: in, values: [web, email]}"),
        ),
        (
            "matches",
            condition("{field: channel, op: matches, value: '^w'}"),
        ),
        (
            "not-equals",
            condition("{field: environment, op: not-equals, value: production}"),
        ),
        (
            "a disabled action without channels",
            action("{enabled: false, channels: []}"),
        ),
        ("an integration's platform", action("{platform: zendesk}")),
        (
            "an action name with spaces around it, trimmed",
            action("{name: ' Escalate_To_Human '}"),
        ),
        (
            "a zendesk",
            integration(
                "zendesk",
                "{email: desk@acme.example, subdomain: acme}",
                "{api-token: '${env:ZD}', webhook-secret: '${env:ZDW}'}",
            ),
        ),
        (
            "an intercom in a region",
            integration("intercom", "{region: eu}", "{access-token: '${env:IC}'}"),
        ),
        (
            "the inbox",
            action("{platform: inbox, labels: {waiting: ' Wait '}}"),
        ),
        (
            "a support inbox with an address",
            format!(
                "{HEAD}assignment:\n  support-inbox: {{enabled: true, address: help@acme.example}}\n"
            ),
        ),
        (
            "a webhook to this machine",
            format!(
                "{HEAD}delivery: {{url: 'http://127.0.0.1:9000/hook', secret: '${{env:HOOK}}'}}\n"
            ),
        ),
        ("no teams", teams("[]")),
        (
            "one default team",
            teams("[{key: a, name: A, default: false}, {key: b, name: B, default: true}]"),
        ),
        ("a variable", secret("${env:SMTP_PASSWORD}")),
        ("a file", secret("${file:secrets/smtp}")),
        ("a fingerprint", secret("${hmac:0123456789ab}")),
        ("a secret written out", secret("hunter2 $ {x}")),
    ];
    for (what, text) in good {
        let document: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&document)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "the schema refuses {what}: {errors:?}\n{text}"
        );
        let source = deskctl::manifest::Source::new("desk.yaml", text.clone(), ".");
        let checked = deskctl::manifest::check(&source, None);
        let found: Vec<String> = checked
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.message.clone())
            .collect();
        assert!(
            found.is_empty(),
            "validate refuses {what}: {found:?}\n{text}"
        );
    }
}

// Several documents read as one: `-f a.yaml -f b.yaml`, `-f dir/`.

const OPERATORS: &str =
    "operators:\n  - handle: al\n    name: Al\n    email: al@example.com\n    teams: [support]\n";
const TEAMS: &str = "teams:\n  - key: support\n    name: Support\n    default: true\n";
const HANDOFF: &str = "handoff:\n  preview-in-non-production: false\n";

/// Writes each `(path, text)` under the desk's directory, making directories.
fn write_files(desk: &Desk, files: &[(&str, &str)]) {
    for (path, text) in files {
        let path = desk.dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

/// `deskctl ARGS` run in the desk's directory, so that files are named as given.
fn run_in(desk: &Desk, args: &[&str]) -> assert_cmd::assert::Assert {
    desk.cmd().current_dir(desk.dir.path()).args(args).assert()
}

/// The line of `stderr` that starts with `start`.
fn line_starting<'a>(stderr: &'a str, start: &str) -> &'a str {
    stderr
        .lines()
        .find(|line| line.starts_with(start))
        .unwrap_or_else(|| panic!("no line starting `{start}`:\n{stderr}"))
}

#[test]
fn two_files_applied_together_are_one_plan_and_one_transaction_as_one_file_is() {
    let (whole, split) = (Desk::new(), Desk::new());
    let all = format!("{HEAD}{OPERATORS}{TEAMS}{HANDOFF}");
    write_files(&whole, &[("desk.yaml", &all)]);
    let people = format!("{HEAD}{OPERATORS}{TEAMS}");
    let settings = format!("{HEAD}{HANDOFF}");
    write_files(
        &split,
        &[("people.yaml", &people), ("settings.yaml", &settings)],
    );
    let both = ["-f", "people.yaml", "-f", "settings.yaml"];

    let planned = |desk: &Desk, files: &[&str]| {
        let assert = run_in(desk, &[&["diff", "-o", "json"], files].concat()).code(3);
        String::from_utf8(assert.get_output().stdout.clone()).unwrap()
    };
    assert_eq!(
        planned(&split, &both),
        planned(&whole, &["-f", "desk.yaml"])
    );

    let applied = |desk: &Desk, files: &[&str]| {
        let assert = run_in(desk, &[&["apply", "--yes"], files].concat()).success();
        let stderr = stderr_of(&assert);
        let line = line_starting(&stderr, "✓ Applied ");
        line.split_once(": ").unwrap().1.to_string()
    };
    // The same changes, at the same revision: one transaction, not one per file.
    assert_eq!(
        applied(&split, &both),
        applied(&whole, &["-f", "desk.yaml"])
    );
    assert_eq!(
        split.run(&["export"]),
        whole.run(&["export"]),
        "the same workspace"
    );
    // Each matches the other's files: nothing to change either way.
    write_files(&split, &[("desk.yaml", &all)]);
    write_files(
        &whole,
        &[("people.yaml", &people), ("settings.yaml", &settings)],
    );
    run_in(&split, &["diff", "-f", "desk.yaml"]).success();
    run_in(&whole, &[&["diff"][..], &both].concat())
        .success()
        .stdout(predicate::str::contains("No changes"));
    run_in(&whole, &[&["validate"][..], &both].concat())
        .success()
        .stderr(predicate::str::contains(
            "people.yaml, settings.yaml are valid (2 documents)",
        ));
}

#[test]
fn a_directory_is_its_yaml_files_by_name_and_with_r_its_subdirectories_too() {
    let desk = Desk::new();
    let subdirectory = format!("{HEAD}{HANDOFF}");
    write_files(
        &desk,
        &[
            ("desk/teams.yml", &format!("{HEAD}{TEAMS}")),
            ("desk/operators.yaml", &format!("{HEAD}{OPERATORS}")),
            ("desk/README.md", "# Our desk\n\nNot a document: skipped.\n"),
            ("desk/.hidden.yaml", "not: a document\n"),
            ("desk/.github/workflows/ci.yaml", "on: push\n"),
            ("desk/settings/handoff.yaml", &subdirectory),
            ("empty/notes.txt", "no documents here\n"),
        ],
    );
    run_in(&desk, &["validate", "-f", "desk"])
        .success()
        .stderr(predicate::str::contains("desk is valid (2 documents)"));
    let plan = run_in(&desk, &["diff", "-f", "desk", "-o", "name"]).code(3);
    let stdout = String::from_utf8_lossy(&plan.get_output().stdout).into_owned();
    assert_eq!(stdout, "operators/al\nteams/support\n");

    let plan = run_in(&desk, &["diff", "-R", "-f", "desk/", "-o", "name"]).code(3);
    let stdout = String::from_utf8_lossy(&plan.get_output().stdout).into_owned();
    assert_eq!(stdout, "operators/al\nteams/support\nhandoff\n");
    run_in(&desk, &["apply", "-f", "desk/", "--recursive", "--yes"])
        .success()
        .stderr(predicate::str::contains(
            "Applied desk/: 2 added, 1 changed",
        ));

    // A directory holding no document is a mistake, not an empty workspace.
    run_in(&desk, &["apply", "-f", "empty", "--yes"])
        .code(1)
        .stderr(predicate::str::contains(
            "error: no documents in the directory empty",
        ))
        .stderr(predicate::str::contains("`*.yaml` and `*.yml`"));
}

#[test]
fn a_section_in_two_files_is_an_error_at_both_places_and_nothing_is_applied() {
    let desk = Desk::new();
    write_files(
        &desk,
        &[
            ("a.yaml", &format!("{HEAD}{TEAMS}")),
            ("b.yaml", &format!("{HEAD}{HANDOFF}{OPERATORS}{TEAMS}")),
        ],
    );
    for verb in [&["apply", "--yes"][..], &["diff"], &["validate"]] {
        let assert = run_in(&desk, &[verb, &["-f", "a.yaml", "-f", "b.yaml"]].concat()).code(1);
        let stderr = stderr_of(&assert);
        assert!(
            stderr.contains(
                "error: section `teams` is also written in a.yaml:3:1\n  --> b.yaml:10:1"
            ),
            "{verb:?}:\n{stderr}"
        );
        assert!(stderr.contains("lists are not merged"), "{stderr}");
        assert!(
            stderr.contains("error: b.yaml is not valid: 1 error"),
            "{stderr}"
        );
    }
    assert!(!desk.path().exists(), "nothing applied: no desk made");

    // Every document is a whole one, with its own apiVersion and kind.
    write_files(&desk, &[("b.yaml", &format!("kind: Desk\n{HANDOFF}"))]);
    run_in(&desk, &["validate", "-f", "a.yaml", "-f", "b.yaml"])
        .code(1)
        .stderr(predicate::str::contains(
            "error: missing key `apiVersion`\n --> b.yaml:1:1",
        ));
}

/// A section written twice is an error, and the later file's own problems
/// in it are still shown: each file is checked on its own.
#[test]
fn a_section_written_twice_still_shows_the_later_files_own_problems() {
    let desk = Desk::new();
    write_files(
        &desk,
        &[
            (
                "t1.yaml",
                &format!("{HEAD}teams:\n  - {{key: support, name: S, default: true}}\n"),
            ),
            (
                "t2.yaml",
                &format!("{HEAD}teams:\n  - {{key: Bad_Key, name: x, default: true}}\n"),
            ),
        ],
    );
    let bad_key = "error: 'Bad_Key' contains 'B'";
    let alone = stderr_of(&run_in(&desk, &["validate", "-f", "t2.yaml"]).code(1));
    assert!(alone.contains(bad_key), "{alone}");
    for verb in [&["validate"][..], &["diff"], &["apply", "--yes"]] {
        let args = [verb, &["-f", "t1.yaml", "-f", "t2.yaml"]].concat();
        let stderr = stderr_of(&run_in(&desk, &args).code(1));
        assert!(
            stderr.contains(
                "error: section `teams` is also written in t1.yaml:3:1\n --> t2.yaml:3:1"
            ),
            "{verb:?}:\n{stderr}"
        );
        assert!(stderr.contains(bad_key), "{verb:?}:\n{stderr}");
        assert!(stderr.contains(" --> t2.yaml:4:11"), "{verb:?}:\n{stderr}");
        assert!(
            stderr.contains("error: t2.yaml is not valid: 2 errors"),
            "{verb:?}:\n{stderr}"
        );
    }
    assert!(!desk.path().exists(), "nothing applied: no desk made");
}

#[test]
fn a_reference_between_files_is_shown_in_the_file_that_makes_it() {
    let desk = Desk::new();
    let misspelt = format!("{HEAD}{}", OPERATORS.replace("[support]", "[suport]"));
    write_files(
        &desk,
        &[
            ("teams.yaml", &format!("{HEAD}{TEAMS}")),
            ("operators.yaml", &misspelt),
        ],
    );
    // Checked offline across the files...
    let assert = run_in(
        &desk,
        &["apply", "--yes", "-f", "teams.yaml", "-f", "operators.yaml"],
    )
    .code(1);
    let stderr = stderr_of(&assert);
    assert!(
        stderr.contains("error: no team `suport` in teams\n --> operators.yaml:7:13"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `support`?"), "{stderr}");
    assert!(
        stderr.contains("error: operators.yaml is not valid: 1 error"),
        "{stderr}"
    );
    assert!(!desk.path().exists(), "nothing applied");

    // ...and by the service, for a section no file writes.
    write_files(
        &desk,
        &[
            ("teams.yaml", &format!("{HEAD}{HANDOFF}")),
            ("operators.yaml", &misspelt.replace("suport", "vip")),
        ],
    );
    desk.create();
    let assert = run_in(
        &desk,
        &["apply", "--yes", "-f", "teams.yaml", "-f", "operators.yaml"],
    )
    .code(1);
    let stderr = stderr_of(&assert);
    assert!(
        stderr.contains("error: team 'vip' does not exist and the document does not add it\n --> operators.yaml:7:13"),
        "{stderr}"
    );
    assert!(
        stderr.contains("error: operators.yaml is not valid: 1 error (found by the service)"),
        "{stderr}"
    );
    assert_eq!(desk.run(&["operators", "list", "-o", "name"]), "");
}

#[test]
fn a_secret_file_is_relative_to_its_own_documents_directory() {
    let desk = Desk::new();
    let email = format!(
        "{HEAD}email:\n  host: smtp.example.com\n  username: desk\n  password: ${{file:smtp.secret}}\n"
    );
    let delivery = format!(
        "{HEAD}delivery:\n  url: https://ai.example.com/hook\n  secret: ${{file:hook.secret}}\n"
    );
    write_files(
        &desk,
        &[
            ("mail/email.yaml", &email),
            ("mail/smtp.secret", "correct horse battery staple\n"),
            ("delivery.yaml", &delivery),
            ("hook.secret", "a-webhook-secret-of-some-length\n"),
        ],
    );
    let files = ["-f", "delivery.yaml", "-f", "mail/email.yaml"];
    run_in(&desk, &[&["apply", "--yes"][..], &files].concat()).success();
    let exported = desk.run(&["export"]);
    let anchored = |path: &str| format!("${{file:{}}}", desk.dir.path().join(path).display());
    assert!(
        exported.contains(&anchored("mail/smtp.secret")),
        "{exported}"
    );
    assert!(exported.contains(&anchored("hook.secret")), "{exported}");
    assert!(!exported.contains("horse"), "{exported}");

    // Not relative to the first document's directory, nor to where deskctl runs.
    std::fs::remove_file(desk.dir.path().join("mail/smtp.secret")).unwrap();
    write_files(&desk, &[("smtp.secret", "correct horse battery staple\n")]);
    run_in(&desk, &[&["validate"][..], &files].concat())
        .code(1)
        .stderr(predicate::str::contains(
            "error: cannot read the secret file `smtp.secret`",
        ))
        .stderr(predicate::str::contains("--> mail/email.yaml:6:13"));
}

#[test]
fn stdin_and_each_file_are_read_at_most_once() {
    let desk = Desk::new();
    write_files(&desk, &[("desk/teams.yaml", &format!("{HEAD}{TEAMS}"))]);
    desk.cmd()
        .current_dir(desk.dir.path())
        .args(["validate", "-f", "-", "-f", "desk"])
        .write_stdin(format!("{HEAD}{OPERATORS}"))
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "<stdin>, desk are valid (2 documents)",
        ));
    run_in(&desk, &["validate", "-f", "-", "-f", "-"])
        .code(2)
        .stderr(predicate::str::contains(
            "error: `-f -` is given more than once",
        ));
    run_in(
        &desk,
        &["apply", "-f", "desk", "-f", "desk/teams.yaml", "--yes"],
    )
    .code(2)
    .stderr(predicate::str::contains(
        "error: desk/teams.yaml is given more than once",
    ));
    assert!(!desk.path().exists());
}

/// A delivery URL with a user name and password is refused wherever it is
/// set, its password never shown nor stored; a query is accepted, its values
/// never shown in a message.
#[test]
fn a_delivery_url_with_a_password_is_refused_and_never_shown_or_stored() {
    let desk = Desk::new();
    let url = "https://hookuser:HUNTER2@hooks.example.com/desk?api_key=QS3CRET";
    let masked = "'https://hookuser:***@hooks.example.com/desk?api_key=***'";
    let file = desk.dir.path().join("desk.yaml");
    std::fs::write(
        &file,
        format!("{HEAD}delivery:\n  url: {url}\n  secret: ${{env:HOOK_SECRET}}\n"),
    )
    .unwrap();
    let assert = desk
        .cmd()
        .args(["validate", "--skip-secrets", "-f"])
        .arg(&file)
        .assert()
        .code(1);
    let stderr = stderr_of(&assert);
    assert_eq!(places(&assert.get_output().stderr), ["4:8"], "{stderr}");
    assert!(
        stderr.contains(&format!("{masked} carries a user name or password")),
        "{stderr}"
    );
    assert!(stderr.contains("delivery secret"), "{stderr}");
    assert!(
        !stderr.contains("HUNTER2") && !stderr.contains("QS3CRET"),
        "{stderr}"
    );

    desk.create();
    let set = desk
        .cmd()
        .args(["delivery", "set", "--url", url, "--secret-stdin"])
        .write_stdin("whsec_0123456789abcdef")
        .assert()
        .code(1);
    let stderr = stderr_of(&set);
    assert!(stderr.contains(masked), "{stderr}");
    assert!(
        !stderr.contains("HUNTER2") && !stderr.contains("QS3CRET"),
        "{stderr}"
    );
    desk.cmd()
        .args(["delivery", "show", "-o", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("hooks.example.com").not());
    let stored = std::fs::read(desk.path()).unwrap();
    assert!(!stored.windows(7).any(|w| w == b"HUNTER2"));

    // A query alone is the receiver's business (Zoho Desk takes its token there).
    desk.cmd()
        .args([
            "delivery",
            "set",
            "--url",
            "https://hooks.example.com/desk?api_key=QS3CRET",
            "--secret-stdin",
        ])
        .write_stdin("whsec_0123456789abcdef")
        .assert()
        .success();
}
