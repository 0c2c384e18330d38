//! Workspace configuration through the CLI: agents and handover actions,
//! assignment, business hours, notifications, ticket fields and rules — on a
//! local desk and through `deskctl serve`.

use crate::common;

use common::Desk;
use predicates::prelude::PredicateBooleanExt as _;
use predicates::str::contains;
use serde_json::Value;

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// Everything configurable, as JSON, to show a failed command changed nothing.
fn workspace(desk: &Desk) -> String {
    [
        vec!["agents", "list", "-o", "json"],
        vec!["assignment", "show", "-o", "json"],
        vec!["hours", "show", "-o", "json"],
        vec!["notifications", "show", "-o", "json"],
        vec!["fields", "list", "-o", "json"],
        vec!["rules", "list", "-o", "json"],
        vec!["teams", "list", "-o", "json"],
    ]
    .iter()
    .map(|args| desk.run(args))
    .collect()
}

fn with_agent(desk: &Desk) {
    desk.seed();
    desk.run(&["agents", "add", "shop", "--name", "Shop assistant"]);
}

#[test]
fn an_agent_gets_a_handover_action_with_every_option() {
    let desk = Desk::new();
    with_agent(&desk);
    let guidance = desk.dir.path().join("when.txt");
    std::fs::write(
        &guidance,
        "Use this when the customer asks for a person.\nAlso for billing disputes.\n",
    )
    .unwrap();
    desk.cmd()
        .args([
            "actions",
            "set",
            "shop",
            "--name",
            "Escalate_To_Human",
            "--platform",
            "inbox",
            "--when-to-use-file",
            common::path_str(&guidance),
            "--channel",
            "web",
            "--channel",
            "telegram",
            "--default-priority",
            "high",
            "--human-button",
            "true",
            "--message-threshold",
            "3",
            "--waiting-label",
            "Hold on, finding someone",
            "--connected-label",
            "You are talking to a person",
            "--auto-reply-file",
            "-",
        ])
        .write_stdin("We are closed.\nWe will write back.\n")
        .assert()
        .success()
        .stderr(contains("Created the handover action of agent shop"));
    let handover = &json(&desk.run(&["actions", "show", "shop", "-o", "json"]));
    assert_eq!(handover["name"], "Escalate_To_Human");
    assert_eq!(handover["enabled"], true);
    assert_eq!(handover["platform"], "inbox");
    assert_eq!(
        handover["when-to-use"],
        "Use this when the customer asks for a person.\nAlso for billing disputes."
    );
    assert_eq!(handover["channels"], serde_json::json!(["web", "telegram"]));
    assert_eq!(handover["default-priority"], "high");
    assert_eq!(handover["message-threshold"], 3);
    assert_eq!(handover["labels"]["waiting"], "Hold on, finding someone");
    assert_eq!(
        handover["labels"]["connected"],
        "You are talking to a person"
    );
    assert_eq!(
        handover["auto-reply"],
        "We are closed.\nWe will write back."
    );

    // A later set changes only what it names.
    desk.run(&[
        "actions",
        "set",
        "shop",
        "--message-threshold",
        "0",
        "--no-default-priority",
    ]);
    desk.run(&["actions", "disable", "shop"]);
    let handover = json(&desk.run(&["actions", "show", "shop", "-o", "json"]));
    assert_eq!(handover["enabled"], false);
    assert_eq!(handover["message-threshold"], 0);
    assert_eq!(handover["default-priority"], Value::Null);
    assert_eq!(handover["labels"]["waiting"], "Hold on, finding someone");
    assert_eq!(
        desk.run(&["actions", "list"]),
        "shop\tEscalate_To_Human\tno\tinbox\tweb,telegram\n"
    );
    desk.run(&["actions", "enable", "shop"]);
    assert_eq!(
        desk.run(&["agents", "list"]),
        "shop\tShop assistant\tEscalate_To_Human (enabled)\n"
    );
}

#[test]
fn actions_print_the_apis_objects() {
    let desk = Desk::new();
    with_agent(&desk);
    desk.run(&["agents", "add", "faq", "--name", "FAQ bot"]);
    let set = json(&desk.run(&[
        "actions",
        "set",
        "shop",
        "--default-priority",
        "high",
        "-o",
        "json",
    ]));
    let agent = json(&desk.run(&["agents", "show", "shop", "-o", "json"]));
    // What `GET /v1/agents/{key}/handover` returns, and `PUT` takes back.
    let handover = &agent["handover"];
    assert_eq!(&set, handover);
    let shown = desk.run(&["actions", "show", "shop", "-o", "json"]);
    assert_eq!(&json(&shown), handover);
    let parsed: deskctl::api::HandoverAction = serde_json::from_str(&shown).unwrap();
    assert_eq!(parsed.default_priority, Some(deskctl::api::Priority::High));
    let yaml: Value =
        serde_saphyr::from_str(&desk.run(&["actions", "show", "shop", "-o", "yaml"])).unwrap();
    assert_eq!(&yaml, handover);
    for verb in ["disable", "enable"] {
        let toggled = json(&desk.run(&["actions", verb, "shop", "-o", "json"]));
        assert_eq!(toggled["enabled"], verb == "enable", "{toggled}");
        assert_eq!(toggled.get("agent"), None, "{toggled}");
    }
    assert_eq!(
        desk.run(&["actions", "show", "shop", "-o", "name"]),
        "shop\n"
    );

    // The API lists actions only within their agents: the list is those agents
    // that have one.
    let agent = json(&desk.run(&["agents", "show", "shop", "-o", "json"]));
    let listed = json(&desk.run(&["actions", "list", "-o", "json"]));
    assert_eq!(listed, Value::Array(vec![agent]));
    assert_eq!(desk.run(&["actions", "list", "-o", "name"]), "shop\n");
}

#[test]
fn bad_handover_actions_are_refused_and_change_nothing() {
    let desk = Desk::new();
    with_agent(&desk);
    desk.run(&["actions", "set", "shop"]);
    let before = workspace(&desk);
    let cases: &[(&[&str], i32, &str)] = &[
        (
            &["actions", "set", "ghost"],
            5,
            "agent 'ghost' does not exist",
        ),
        (
            &["actions", "show", "ghost"],
            5,
            "agent 'ghost' does not exist",
        ),
        (
            &["actions", "set", "shop", "--platform", "zendesk"],
            1,
            "the zendesk integration is not connected",
        ),
        (
            &["actions", "set", "shop", "--platform", "jira"],
            1,
            "unknown platform 'jira'",
        ),
        (&["actions", "set", "shop", "--channel", "fax"], 2, "fax"),
        (
            &["actions", "set", "shop", "--default-priority", "critical"],
            2,
            "critical",
        ),
        (
            &["actions", "set", "shop", "--message-threshold", "-1"],
            2,
            "-1",
        ),
        (
            &["actions", "set", "shop", "--name", "Escalate to human"],
            1,
            "not a valid action name",
        ),
        (
            &["actions", "set", "shop", "--auto-reply", " "],
            1,
            "auto-reply: must not be empty",
        ),
        (
            &[
                "actions",
                "set",
                "shop",
                "--waiting-label-file",
                "-",
                "--auto-reply-file",
                "-",
            ],
            2,
            "only one text",
        ),
        (
            &["agents", "add", "Shop Bot", "--name", "X"],
            1,
            "'Shop Bot' contains 'S'",
        ),
        (
            &["agents", "add", "shop", "--name", "Again"],
            6,
            "agent 'shop' already exists",
        ),
    ];
    for (args, code, message) in cases {
        desk.cmd()
            .args(*args)
            .assert()
            .code(*code)
            .stderr(contains(*message));
    }
    assert_eq!(workspace(&desk), before);
    desk.cmd().args(["actions", "show", "bot"]).assert().code(5);
    desk.run(&["agents", "add", "bot", "--name", "Bot"]);
    desk.cmd()
        .args(["actions", "show", "bot"])
        .assert()
        .code(5)
        .stderr(contains("agent 'bot' has no handover action"));
}

/// An action unlike the defaults in every field, with text YAML must quote.
fn with_rich_action(desk: &Desk) {
    with_agent(desk);
    desk.run(&["agents", "add", "faq", "--name", "FAQ bot"]);
    desk.run(&[
        "actions",
        "set",
        "shop",
        "--when-to-use",
        "Use when: the customer asks # for a person.\n  - or \"a refund\"",
        "--channel",
        "telegram",
        "--channel",
        "email",
        "--default-priority",
        "high",
        "--human-button",
        "false",
        "--message-threshold",
        "4",
        "--waiting-label",
        "One moment…",
        "--auto-reply",
        "yes",
    ]);
    desk.run(&["actions", "disable", "shop"]);
}

/// `actions set AGENT -f PATH` (or `-f -` with `stdin`), expecting success;
/// returns stderr.
fn set_from_file(desk: &Desk, agent: &str, path: &str, stdin: &str, more: &[&str]) -> String {
    let mut args = vec!["actions", "set", agent, "-f", path];
    args.extend(more);
    let output = desk.cmd().args(&args).write_stdin(stdin).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(output.status.success(), "{args:?}: {stderr}");
    stderr
}

#[test]
fn what_actions_show_prints_sets_the_same_action_back() {
    let desk = Desk::new();
    with_rich_action(&desk);
    let before = workspace(&desk);
    let shown = json(&desk.run(&["actions", "show", "shop", "-o", "json"]));
    for format in ["json", "yaml"] {
        let printed = desk.run(&["actions", "show", "shop", "-o", format]);
        let file = desk.dir.path().join(format!("action.{format}"));
        std::fs::write(&file, &printed).unwrap();
        let stderr = set_from_file(&desk, "shop", common::path_str(&file), "", &[]);
        assert!(
            stderr.contains("The handover action of agent shop is unchanged"),
            "{stderr}"
        );
        // From stdin, with no name to tell the format by.
        set_from_file(&desk, "shop", "-", &printed, &[]);
        assert_eq!(workspace(&desk), before, "{format}");
    }
    // As programs write it: on one line, or indented with tabs.
    let compact = serde_json::to_string(&shown).unwrap();
    let mut tabbed = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"\t");
    serde::Serialize::serialize(
        &shown,
        &mut serde_json::Serializer::with_formatter(&mut tabbed, formatter),
    )
    .unwrap();
    let tabbed = String::from_utf8(tabbed).unwrap();
    for text in [compact, tabbed] {
        set_from_file(&desk, "shop", "-", &text, &[]);
        assert_eq!(workspace(&desk), before, "{text}");
    }
}

#[test]
fn an_edited_action_from_stdin_is_set_whole_and_flags_override_it() {
    let desk = Desk::new();
    with_rich_action(&desk);
    let shop = json(&desk.run(&["actions", "show", "shop", "-o", "json"]));

    // `show -o json | jq '.name="Ask_A_Person"' | set faq -f -`
    let mut edited = shop.clone();
    edited["name"] = "Ask_A_Person".into();
    let stderr = set_from_file(&desk, "faq", "-", &edited.to_string(), &[]);
    assert!(
        stderr.contains("Created the handover action of agent faq"),
        "{stderr}"
    );
    assert_eq!(
        json(&desk.run(&["actions", "show", "faq", "-o", "json"])),
        edited
    );

    // Flags beside the file win over its fields.
    let file = desk.dir.path().join("action.yaml");
    std::fs::write(&file, desk.run(&["actions", "show", "shop", "-o", "yaml"])).unwrap();
    let stderr = set_from_file(
        &desk,
        "faq",
        common::path_str(&file),
        "",
        &[
            "--message-threshold",
            "9",
            "--channel",
            "web",
            "--no-default-priority",
        ],
    );
    assert!(
        stderr.contains("Updated the handover action of agent faq"),
        "{stderr}"
    );
    let faq = json(&desk.run(&["actions", "show", "faq", "-o", "json"]));
    let mut expected = shop.clone();
    expected["message-threshold"] = 9.into();
    expected["channels"] = serde_json::json!(["web"]);
    expected.as_object_mut().unwrap().remove("default-priority");
    assert_eq!(faq, expected);

    // The file is the whole action: what it leaves out takes its default, as
    // the API's PUT gives it. A null is left out, as the API reads it.
    set_from_file(
        &desk,
        "faq",
        "-",
        "{\"name\": \"Ask_A_Person\", \"default-priority\": null}",
        &[],
    );
    let faq = json(&desk.run(&["actions", "show", "faq", "-o", "json"]));
    let mut defaults = serde_json::to_value(deskctl::api::HandoverAction::default()).unwrap();
    defaults["name"] = "Ask_A_Person".into();
    assert_eq!(faq, defaults);
    set_from_file(&desk, "faq", "-", "message-threshold: 2\n", &[]);
    let faq = json(&desk.run(&["actions", "show", "faq", "-o", "json"]));
    assert_eq!(faq["name"], "Escalate_To_Human");
    assert_eq!(faq["message-threshold"], 2);
}

#[test]
fn a_bad_action_file_is_refused_at_its_place_and_changes_nothing() {
    let desk = Desk::new();
    with_rich_action(&desk);
    let before = workspace(&desk);
    let cases: &[(&str, &str, &[&str])] = &[
        // Malformed YAML and JSON.
        (
            "broken.yaml",
            "name: X\nchannels: [web\nenabled: true\n",
            &["broken.yaml:3:"],
        ),
        (
            "broken.json",
            "{\n  \"name\": \"X\"\n  \"enabled\": true\n}\n",
            &["--> broken.json:3:3", "expected `,` or `}`"],
        ),
        // Unknown keys, with the nearest known one.
        (
            "typo.yaml",
            "name: X\nplatfrom: inbox\n",
            &[
                "unknown key `platfrom`",
                "--> typo.yaml:2:1",
                "did you mean `platform`?",
            ],
        ),
        (
            "typo.json",
            "{\n  \"labels\": {\"waiting\": \"Hold on\", \"conected\": \"Hi\"}\n}\n",
            &[
                "unknown key `conected`",
                "--> typo.json:2:",
                "did you mean `connected`?",
            ],
        ),
        // Wrong types and values.
        (
            "type.yaml",
            "name: X\nmessage-threshold: many\n",
            &[
                "--> type.yaml:2:20",
                "expected a whole number from 0 to 4294967295",
            ],
        ),
        (
            "type.json",
            "{\"human-button\": \"yes\"}",
            &["--> type.json:1:18", "expected a boolean"],
        ),
        (
            "fax.yaml",
            "channels: [web, fax]\n",
            &["--> fax.yaml:1:17", "unknown value `fax`", "`telegram`"],
        ),
        (
            "list.yaml",
            "- name: X\n",
            &["--> list.yaml:1:1", "expected a mapping"],
        ),
    ];
    for (name, text, expected) in cases {
        let file = desk.dir.path().join(name);
        std::fs::write(&file, text).unwrap();
        let output = desk
            .cmd()
            .current_dir(desk.dir.path())
            .args(["actions", "set", "shop", "-f", name])
            .output()
            .unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(output.status.code(), Some(1), "{name}: {stderr}");
        assert!(stderr.contains(&format!("{name} is not valid")), "{stderr}");
        for fragment in *expected {
            assert!(stderr.contains(fragment), "{name}: {fragment}:\n{stderr}");
        }
    }
    // The service's own checks refuse a file's values as they do flags'.
    let invalid_name = desk.dir.path().join("invalid.yaml");
    std::fs::write(&invalid_name, "name: Escalate to human\n").unwrap();
    desk.cmd()
        .args(["actions", "set", "shop", "-f"])
        .arg(&invalid_name)
        .assert()
        .code(1)
        .stderr(contains("not a valid action name"));
    desk.cmd()
        .args(["actions", "set", "shop", "-f", "nowhere.yaml"])
        .assert()
        .code(1)
        .stderr(contains("cannot read nowhere.yaml"));
    desk.cmd()
        .args([
            "actions",
            "set",
            "shop",
            "-f",
            "-",
            "--auto-reply-file",
            "-",
        ])
        .write_stdin("name: X\n")
        .assert()
        .code(2)
        .stderr(contains("only one text can be read from stdin"));
    assert_eq!(workspace(&desk), before);
}

/// Monday 2026-11-23 10:00 in Berlin (CET, UTC+1).
const MONDAY_OPEN: &str = "2026-11-23T09:00:00Z";
/// Saturday 2026-11-28 10:00 in Berlin.
const SATURDAY: &str = "2026-11-28T09:00:00Z";

fn status(desk: &Desk, args: &[&str]) -> Value {
    let mut all = vec!["actions", "status", "shop", "-o", "json"];
    all.extend_from_slice(args);
    json(&desk.run(&all))
}

fn reasons(status: &Value) -> Vec<String> {
    status["hidden_because"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn actions_status_explains_each_reason_the_button_is_hidden() {
    let desk = Desk::new();
    with_agent(&desk);
    desk.run(&[
        "actions",
        "set",
        "shop",
        "--message-threshold",
        "3",
        "--auto-reply",
        "Closed now",
        "--waiting-label",
        "One moment",
    ]);
    desk.run(&[
        "hours",
        "set",
        "--enabled",
        "true",
        "--timezone",
        "Europe/Berlin",
        "--start",
        "09:00",
        "--end",
        "17:00",
    ]);

    // Nobody online, too few messages.
    let s = status(&desk, &["--at", MONDAY_OPEN, "--messages", "1"]);
    assert_eq!(s["button_visible"], false);
    assert_eq!(reasons(&s), ["below_threshold", "nobody_online"]);
    assert_eq!(s["customer_sees"], "auto-reply");
    assert_eq!(s["customer_text"], "Closed now");

    desk.run(&["operators", "availability", "bob", "online"]);
    let s = status(&desk, &["--at", MONDAY_OPEN, "--messages", "3"]);
    assert_eq!(s["button_visible"], true, "{s}");
    assert!(reasons(&s).is_empty());
    assert_eq!(s["customer_sees"], "waiting-label");
    assert_eq!(s["customer_text"], "One moment");

    let s = status(&desk, &["--at", SATURDAY, "--messages", "3"]);
    assert_eq!(reasons(&s), ["outside_business_hours"]);
    assert_eq!(s["customer_sees"], "auto-reply");

    desk.run(&["actions", "set", "shop", "--human-button", "false"]);
    assert_eq!(
        reasons(&status(&desk, &["--at", MONDAY_OPEN])),
        ["button_off"]
    );

    desk.run(&["actions", "disable", "shop"]);
    let s = status(&desk, &["--at", MONDAY_OPEN]);
    assert_eq!(reasons(&s), ["action_disabled", "button_off"]);
    assert_eq!(s["customer_sees"], Value::Null);

    // The human-readable form names each reason.
    desk.cmd()
        .args(["actions", "status", "shop", "--at", SATURDAY])
        .assert()
        .success()
        .stdout(contains("Human button:"))
        .stdout(contains("hidden"));
}

fn check(desk: &Desk, at: &str) -> Value {
    json(&desk.run(&["hours", "check", "--at", at, "-o", "json"]))
}

#[test]
fn hours_check_is_right_around_dst_changes_holidays_and_overnight_spans() {
    let desk = Desk::new();
    desk.run(&[
        "hours",
        "set",
        "--enabled",
        "true",
        "--timezone",
        "Europe/Berlin",
        "--days",
        "mon,tue,wed,thu,fri",
        "--start",
        "09:00",
        "--end",
        "17:00",
        "--holiday",
        "2026-12-25",
    ]);
    // Friday 2026-03-27 16:59:59 CET is open; it closes at 17:00 CET = 16:00Z.
    let c = check(&desk, "2026-03-27T15:59:59Z");
    assert_eq!(c["open"], true);
    assert_eq!(c["next_change"], "2026-03-27T16:00:00.000000Z");
    // Over the weekend of the spring-forward change it opens Monday 09:00 CEST = 07:00Z.
    let c = check(&desk, "2026-03-28T12:00:00Z");
    assert_eq!(c["open"], false);
    assert_eq!(c["next_change"], "2026-03-30T07:00:00.000000Z");
    assert_eq!(
        c["next_change_desk"],
        "2026-03-30T09:00:00+02:00[Europe/Berlin]"
    );
    // After the fall-back change, 09:00 CET is 08:00Z again.
    let c = check(&desk, "2026-10-26T07:30:00Z");
    assert_eq!(c["open"], false);
    assert_eq!(c["next_change"], "2026-10-26T08:00:00.000000Z");
    // Christmas is a Friday and a holiday: closed until Monday.
    let c = check(&desk, "2026-12-25T10:00:00Z");
    assert_eq!(c["open"], false);
    assert_eq!(c["next_change"], "2026-12-28T08:00:00.000000Z");
    assert!(c["note"].as_str().unwrap().contains("2026-12-25"), "{c}");

    // New York, overnight 22:00–06:00 on weekdays, across its own DST change (2026-03-08).
    desk.run(&[
        "hours",
        "set",
        "--timezone",
        "America/New_York",
        "--start",
        "22:00",
        "--end",
        "06:00",
        "--overnight",
        "true",
        "--remove-holiday",
        "2026-12-25",
    ]);
    // Friday 2026-03-06 23:00 EST (04:00Z Saturday) is inside Friday's span.
    let c = check(&desk, "2026-03-07T04:00:00Z");
    assert_eq!(c["open"], true);
    assert_eq!(c["next_change"], "2026-03-07T11:00:00.000000Z");
    // Sunday night is closed; Monday 22:00 EDT (after the change) is 02:00Z Tuesday.
    let c = check(&desk, "2026-03-09T12:00:00Z");
    assert_eq!(c["open"], false);
    assert_eq!(c["next_change"], "2026-03-10T02:00:00.000000Z");
    // A date that is not a holiday is not found, and nothing changes.
    let before = desk.run(&["hours", "show", "-o", "json"]);
    desk.cmd()
        .args([
            "hours",
            "set",
            "--remove-holiday",
            "2026-12-25",
            "--enabled",
            "false",
        ])
        .assert()
        .code(5)
        .stderr(predicates::str::contains(
            "2026-12-25 is not one of the holidays (there are none)",
        ));
    desk.cmd()
        .args([
            "hours",
            "set",
            "--holiday",
            "2027-01-01",
            "--remove-holiday",
            "2027-01-01",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("both added and removed"));
    // A flag's date that does not exist is named by its flag, not by its
    // place in the stored list.
    desk.cmd()
        .args([
            "hours",
            "set",
            "--holiday",
            "2027-03-28",
            "--holiday",
            "2027-02-30",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "invalid value '2027-02-30' for '--holiday <DATE>': not a date: February 2027 has 28 days",
        ))
        .stderr(predicates::str::contains("holidays[").not());
    assert_eq!(desk.run(&["hours", "show", "-o", "json"]), before);
}

#[test]
fn hours_check_reads_and_shows_your_times_in_your_zone_and_refuses_skipped_ones() {
    let desk = Desk::new();
    desk.run(&[
        "hours",
        "set",
        "--enabled",
        "true",
        "--timezone",
        "Europe/Berlin",
    ]);
    let run = |zone: &str, at: &str| {
        desk.cmd()
            .env("TZ", zone)
            .args(["hours", "check", "--at", at])
            .output()
            .unwrap()
    };
    // 09:30 in New York is 15:30 in Berlin; "yours" stays in New York's time,
    // piped or not. A moment with a fraction of a second reads to the second
    // in both zones.
    for at in ["2026-03-30T09:30", "2026-03-30T09:30:00.519162073-04:00"] {
        let output = run("America/New_York", at);
        let shown = String::from_utf8(output.stdout).unwrap();
        let line = |label: &str| {
            shown
                .lines()
                .find_map(|l| l.strip_prefix(label))
                .map(str::trim)
                .unwrap_or_else(|| panic!("no {label} in:\n{shown}"))
                .to_string()
        };
        assert_eq!(
            line("At (desk):"),
            "2026-03-30T15:30:00+02:00[Europe/Berlin]"
        );
        assert_eq!(
            line("At (yours):"),
            "2026-03-30T09:30:00-04:00[America/New_York]"
        );
        assert_eq!(
            line("Closes (yours):"),
            "2026-03-30T11:00:00-04:00[America/New_York]"
        );
    }
    let on_terminal = {
        let mut cmd = desk.terminal_command(100, &["hours", "check", "--at", "2026-03-30T09:30"]);
        cmd.env("TZ", "America/New_York");
        String::from_utf8(cmd.output().unwrap().stdout).unwrap()
    };
    assert!(
        on_terminal.contains("2026-03-30 09:30:00 EDT"),
        "{on_terminal}"
    );
    // 02:30 does not happen in Berlin on 29 March 2026: refused, not moved.
    let output = run("Europe/Berlin", "2026-03-29T02:30");
    assert_eq!(output.status.code(), Some(2));
    let error = String::from_utf8(output.stderr).unwrap();
    assert!(
        error.contains("'2026-03-29T02:30' does not exist in Europe/Berlin")
            && error.contains("2026-03-29T02:30+01:00"),
        "{error}"
    );
    // 02:30 happens twice on 25 October: which one is asked for.
    let output = run("Europe/Berlin", "2026-10-25T02:30");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .contains("happens twice")
    );
}

#[test]
fn hours_keep_the_time_zone_as_the_database_spells_it() {
    let desk = Desk::new();
    let set = json(&desk.run(&[
        "hours",
        "set",
        "--enabled",
        "true",
        "--timezone",
        "EUROPE/BERLIN",
        "-o",
        "json",
    ]));
    assert_eq!(set["timezone"], "Europe/Berlin");
    let shown = json(&desk.run(&["hours", "show", "-o", "json"]));
    assert_eq!(shown["timezone"], "Europe/Berlin");
    assert!(desk.run(&["export"]).contains("timezone: Europe/Berlin\n"));
}

#[test]
fn bad_hours_are_refused_with_every_reason_and_change_nothing() {
    let desk = Desk::new();
    desk.run(&[
        "hours",
        "set",
        "--enabled",
        "true",
        "--timezone",
        "Europe/Berlin",
    ]);
    let before = workspace(&desk);
    desk.cmd()
        .args(["hours", "set", "--timezone", "Mars/Olympus"])
        .assert()
        .code(1)
        .stderr(contains("Mars/Olympus"));
    desk.cmd()
        .args(["hours", "set", "--start", "18:00", "--end", "09:00"])
        .assert()
        .code(1)
        .stderr(contains("overnight"));
    desk.cmd()
        .args(["hours", "set", "--start", "25:00", "--end", "24:30"])
        .assert()
        .code(1)
        .stderr(contains("start"))
        .stderr(contains("end"));
    // A flag's date that is no date is a bad argument, said with why.
    desk.cmd()
        .args(["hours", "set", "--holiday", "2026-02-30"])
        .assert()
        .code(2)
        .stderr(contains("--holiday"))
        .stderr(contains("February 2026 has 28 days"));
    desk.cmd()
        .args(["hours", "set", "--days", "mon,funday"])
        .assert()
        .code(2)
        .stderr(contains("funday"));
    desk.cmd()
        .args(["hours", "check", "--at", "whenever"])
        .assert()
        .code(2);
    assert_eq!(workspace(&desk), before);
}

#[test]
fn assignment_and_notifications_round_trip() {
    let desk = Desk::new();
    desk.create();
    assert_eq!(
        json(&desk.run(&["assignment", "show", "-o", "json"])),
        serde_json::json!({"method": "balanced", "support-inbox": {"enabled": false}})
    );
    desk.run(&[
        "assignment",
        "set",
        "--method",
        "round-robin",
        "--support-inbox",
        "help@example.com",
    ]);
    assert_eq!(
        desk.run(&["assignment", "show"]),
        "Method:        round-robin\nSupport inbox: enabled (help@example.com)\n"
    );
    desk.run(&["assignment", "set", "--no-support-inbox"]);
    let settings = json(&desk.run(&["assignment", "show", "-o", "json"]));
    assert_eq!(settings["support-inbox"]["enabled"], false);
    assert_eq!(settings["support-inbox"]["address"], "help@example.com");
    desk.cmd()
        .args(["assignment", "set", "--method", "random"])
        .assert()
        .code(2);
    desk.cmd()
        .args(["assignment", "set", "--support-inbox", "not-an-address"])
        .assert()
        .code(1)
        .stderr(contains("not an email address"));
    assert_eq!(
        json(&desk.run(&["assignment", "show", "-o", "json"])),
        settings
    );

    desk.run(&["notifications", "set", "--email-owners", "true"]);
    assert_eq!(
        json(&desk.run(&["notifications", "show", "-o", "json"])),
        serde_json::json!({"email-owners-on-human-request": true})
    );
}

#[test]
fn ticket_fields_are_added_changed_and_refused_when_bad() {
    let desk = Desk::new();
    desk.run(&[
        "fields", "add", "order-id", "--name", "Order", "--type", "text",
    ]);
    desk.run(&[
        "fields", "add", "plan", "--name", "Plan", "--type", "dropdown", "--option", "free",
        "--option", "pro",
    ]);
    desk.run(&[
        "fields", "set", "plan", "--option", "free", "--option", "pro", "--option", "team",
    ]);
    assert_eq!(
        desk.run(&["fields", "list"]),
        "order-id\tOrder\ttext\t-\nplan\tPlan\tdropdown\tfree,pro,team\n"
    );
    let before = workspace(&desk);
    let cases: &[(&[&str], i32, &str)] = &[
        (
            &["fields", "add", "order-id", "--name", "X", "--type", "text"],
            6,
            "ticket field 'order-id' already exists",
        ),
        (
            &["fields", "add", "Order_ID", "--name", "X", "--type", "text"],
            1,
            "lowercase letters (a-z), digits and dashes",
        ),
        (
            &[
                "fields", "add", "size", "--name", "Size", "--type", "dropdown",
            ],
            1,
            "a dropdown needs at least one option",
        ),
        (
            &[
                "fields", "add", "vip", "--name", "VIP", "--type", "checkbox", "--option", "x",
            ],
            1,
            "only dropdown fields have options",
        ),
        (
            &[
                "fields", "add", "when", "--name", "When", "--type", "datetime",
            ],
            2,
            "datetime",
        ),
        (
            &["fields", "set", "ghost", "--name", "X"],
            5,
            "the desk has no ticket field 'ghost'",
        ),
    ];
    for (args, code, message) in cases {
        desk.cmd()
            .args(*args)
            .assert()
            .code(*code)
            .stderr(contains(*message));
    }
    assert_eq!(workspace(&desk), before);
    desk.run(&["fields", "remove", "order-id", "--yes"]);
    assert_eq!(desk.run(&["fields", "list", "-o", "name"]), "plan\n");
}

#[test]
fn rules_are_ordered_moved_removed_and_validated() {
    let desk = Desk::new();
    desk.seed();
    desk.run(&["teams", "add", "billing", "--name", "Billing"]);
    let add = |args: &[&str]| {
        let mut all = vec!["rules", "add", "-o", "name"];
        all.extend_from_slice(args);
        desk.run(&all).trim().to_string()
    };
    let vip = add(&[
        "priority",
        "--when",
        "context.plan in gold,platinum",
        "--priority",
        "urgent",
        "--name",
        "VIP",
    ]);
    let email = add(&[
        "priority",
        "--when",
        "channel=email",
        "--when",
        "reason contains refund",
        "--priority",
        "high",
    ]);
    let first = add(&[
        "priority",
        "--when",
        "requester.email~@acme\\.com$",
        "--priority",
        "low",
        "--position",
        "1",
    ]);
    let billing = add(&[
        "assignment",
        "--when",
        "context.order-id exists",
        "--any",
        "--when",
        "reason contains invoice",
        "--team",
        "billing",
    ]);

    let rules = json(&desk.run(&["rules", "list", "priority", "-o", "json"]));
    let ids: Vec<&str> = rules
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [first.as_str(), vip.as_str(), email.as_str()]);
    assert_eq!(
        rules[1]["conditions"][0],
        serde_json::json!({"field": "context.plan", "op": "in", "values": ["gold", "platinum"]})
    );
    assert_eq!(rules[2]["match"], "all");

    desk.run(&["rules", "move", &first, "3"]);
    let listed = desk.run(&["rules", "list"]);
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(lines.len(), 4);
    assert!(
        lines[0].starts_with(&format!(
            "priority\t1\t{vip}\tVIP\tcontext.plan in gold,platinum\tpriority urgent"
        )),
        "{listed}"
    );
    assert!(
        lines[1].contains("channel=email and reason contains refund\tpriority high"),
        "{listed}"
    );
    assert!(
        lines[2].starts_with(&format!("priority\t3\t{first}")),
        "{listed}"
    );
    assert!(
        lines[3].contains("context.order-id exists or reason contains invoice\tteam billing"),
        "{listed}"
    );

    let before = workspace(&desk);
    let cases: &[(&[&str], i32, &str)] = &[
        (
            &[
                "rules",
                "add",
                "assignment",
                "--when",
                "channel=email",
                "--team",
                "legal",
            ],
            5,
            "team 'legal' does not exist",
        ),
        (
            &[
                "rules",
                "add",
                "priority",
                "--when",
                "reason~(unclosed",
                "--priority",
                "high",
            ],
            1,
            "regex",
        ),
        (
            &[
                "rules",
                "add",
                "priority",
                "--when",
                "channel=fax",
                "--priority",
                "high",
            ],
            1,
            "fax",
        ),
        (
            &[
                "rules",
                "add",
                "priority",
                "--when",
                "chanel=email",
                "--priority",
                "high",
            ],
            1,
            "chanel",
        ),
        (
            &[
                "rules",
                "add",
                "priority",
                "--when",
                "channel=email",
                "--priority",
                "critical",
            ],
            2,
            "critical",
        ),
        (
            &["rules", "add", "priority", "--when", "channel=email"],
            2,
            "--priority",
        ),
        (
            &["rules", "add", "priority", "--when", "channel"],
            2,
            "FIELD=VALUE",
        ),
        (
            &["rules", "move", "rule_000000000000", "1"],
            5,
            "rule 'rule_000000000000' does not exist",
        ),
        (&["rules", "move", &vip, "0"], 2, "0"),
        (
            &["teams", "remove", "billing", "--yes"],
            6,
            "assignment rule 1",
        ),
    ];
    for (args, code, message) in cases {
        desk.cmd()
            .args(*args)
            .assert()
            .code(*code)
            .stderr(contains(*message));
    }
    assert_eq!(workspace(&desk), before);

    desk.run(&["rules", "remove", &vip, "--yes"]);
    let rules = json(&desk.run(&["rules", "list", "priority", "-o", "json"]));
    let positions: Vec<u64> = rules
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["position"].as_u64().unwrap())
        .collect();
    assert_eq!(positions, [1, 2], "positions stay dense");
    desk.run(&["rules", "remove", &billing, "--yes"]);
    desk.run(&["teams", "remove", "billing", "--yes"]);
}

#[test]
fn settings_round_trip_through_a_served_desk() {
    let desk = Desk::new();
    with_agent(&desk);
    let owner = desk.token("alice");
    let operator = desk.token("bob");
    let ingest = desk
        .run(&["tokens", "create", "--ingest", "--name", "ai"])
        .trim()
        .to_string();
    let server = desk.serve();
    let remote = |token: &str, args: &[&str]| {
        let mut cmd = desk.cmd();
        cmd.env_remove("DESKCTL_DESK")
            .env("DESKCTL_TOKEN", token)
            .arg("--server")
            .arg(&server.url)
            .args(args);
        cmd
    };
    remote(
        &owner,
        &["actions", "set", "shop", "--message-threshold", "2"],
    )
    .assert()
    .success();
    remote(
        &owner,
        &[
            "hours",
            "set",
            "--enabled",
            "true",
            "--timezone",
            "Asia/Tokyo",
        ],
    )
    .assert()
    .success();
    remote(
        &owner,
        &[
            "fields", "add", "order-id", "--name", "Order", "--type", "number",
        ],
    )
    .assert()
    .success();
    remote(
        &owner,
        &[
            "rules",
            "add",
            "assignment",
            "--when",
            "channel=email",
            "--team",
            "support",
        ],
    )
    .assert()
    .success();
    remote(&owner, &["assignment", "set", "--method", "manual"])
        .assert()
        .success();
    // What the server wrote, the local desk reads.
    assert_eq!(
        json(&desk.run(&["hours", "show", "-o", "json"]))["timezone"],
        "Asia/Tokyo"
    );
    assert_eq!(desk.run(&["fields", "list", "-o", "name"]), "order-id\n");
    assert_eq!(
        json(&desk.run(&["assignment", "show", "-o", "json"]))["method"],
        "manual"
    );

    // Operators read configuration but do not change it; ingest tokens read only the status.
    remote(&operator, &["rules", "list", "-o", "name"])
        .assert()
        .success();
    remote(
        &operator,
        &["fields", "add", "x", "--name", "X", "--type", "text"],
    )
    .assert()
    .code(4)
    .stderr(contains("manager"));
    remote(&ingest, &["actions", "status", "shop", "-o", "json"])
        .assert()
        .success()
        .stdout(contains("\"button_visible\""));
    remote(&ingest, &["actions", "show", "shop"])
        .assert()
        .code(4);
}
