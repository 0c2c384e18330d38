//! Handoffs end to end: the pipeline's outcome per environment, previews, exact
//! once delivery, bad input, the support inbox.

use super::BACKEND;
use crate::common;

use common::{Desk, Server};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;
use serde_json::{Value, json};

fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// A desk with teams, operators online, an agent with an action, fields and rules.
fn configured(desk: Desk) -> Desk {
    desk.seed();
    desk.run(&[
        "teams", "add", "billing", "--name", "Billing", "--member", "bob",
    ]);
    desk.run(&["operators", "availability", "bob", "online"]);
    desk.run(&["operators", "availability", "alice", "online"]);
    desk.run(&["agents", "add", "shop", "--name", "Shop assistant"]);
    desk.run(&[
        "actions",
        "set",
        "shop",
        "--channel",
        "web",
        "--channel",
        "email",
        "--default-priority",
        "low",
    ]);
    desk.run(&[
        "fields", "add", "order-id", "--name", "Order", "--type", "text",
    ]);
    desk.run(&[
        "fields", "add", "items", "--name", "Items", "--type", "number",
    ]);
    desk.run(&[
        "fields", "add", "plan", "--name", "Plan", "--type", "dropdown", "--option", "free",
        "--option", "gold",
    ]);
    desk.run(&[
        "rules",
        "add",
        "priority",
        "--when",
        "context.plan=gold",
        "--priority",
        "urgent",
        "--name",
        "VIP",
    ]);
    desk.run(&[
        "rules",
        "add",
        "assignment",
        "--when",
        "reason contains invoice",
        "--team",
        "billing",
    ]);
    desk
}

fn handoff(environment: &str) -> Value {
    json!({
        "agent": "shop",
        "environment": environment,
        "channel": "web",
        "requester": {"name": "Dana Reyes", "email": "dana@example.com"},
        "transcript": [
            {"role": "customer", "text": "My invoice 77 is wrong."},
            {"role": "ai", "text": "Let me check that."},
            {"role": "customer", "text": "Please get me a person."}
        ],
        "context": {"order-id": "4417", "plan": "gold", "items": "3", "Bad_Key": 1, "colour": "red"},
        "reason": "invoice dispute"
    })
}

fn write(desk: &Desk, name: &str, value: &Value) -> String {
    let path = desk.dir.path().join(name);
    std::fs::write(&path, serde_json::to_string_pretty(value).unwrap()).unwrap();
    path.to_str().unwrap().to_string()
}

fn authed_get(server: &Server, token: &str, path: &str) -> Value {
    let auth = format!("Bearer {token}");
    let response = server.raw("GET", path, &[("Authorization", &auth)], b"");
    assert_eq!(response.status, 200, "{}", response.body);
    response.json()
}

#[test]
fn a_production_handoff_opens_a_routed_ticket_with_its_timeline() {
    let desk = configured(desk!());
    let file = write(&desk, "prod.json", &handoff("production"));
    let sent = parse(&desk.run(&["handoff", "send", "-f", &file, "-o", "json"]));
    assert_eq!(sent["outcome"], "ticket");
    assert_eq!(sent["ticket"], 10001);
    let decision = &sent["decision"];
    assert_eq!(decision["priority"]["value"], "urgent");
    assert_eq!(decision["priority"]["source"], "rule");
    assert_eq!(decision["priority"]["name"], "VIP");
    assert_eq!(decision["team"]["value"], "billing");
    assert_eq!(
        decision["assignee"]["value"], "bob",
        "bob is billing's only member"
    );
    let fields: Vec<(&str, &Value)> = decision["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["key"].as_str().unwrap(), &f["value"]))
        .collect();
    assert_eq!(
        fields,
        [
            ("items", &json!(3)),
            ("order-id", &json!("4417")),
            ("plan", &json!("gold"))
        ]
    );
    assert_eq!(decision["unmatched_context_keys"], json!(["colour"]));
    assert_eq!(decision["invalid_context_keys"], json!(["Bad_Key"]));
    assert_eq!(decision["customer_sees"]["kind"], "waiting-label");

    let token = desk.token("alice");
    let server = desk.serve();
    let ticket = authed_get(&server, &token, "/v1/tickets/10001");
    assert_eq!(ticket["ticket"]["priority"], "urgent");
    assert_eq!(ticket["ticket"]["assignee"], "bob");
    assert_eq!(ticket["ticket"]["team"], "billing");
    assert_eq!(ticket["ticket"]["fields"]["items"], 3);
    assert_eq!(
        ticket["ticket"]["context"]["Bad_Key"], 1,
        "the context is kept as received"
    );
    let kinds: Vec<String> = ticket["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            format!(
                "{}:{}",
                e["kind"].as_str().unwrap(),
                e["event"].as_str().or(e["author_kind"].as_str()).unwrap()
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "event:created",
            "event:summary",
            "message:customer",
            "message:ai",
            "message:customer",
            "event:assigned"
        ]
    );
}

#[test]
fn development_records_a_preview_unless_the_workspace_turns_that_off() {
    let desk = configured(desk!());
    let file = write(&desk, "dev.json", &handoff("development"));
    let sent = parse(&desk.run(&["handoff", "send", "-f", &file, "-o", "json"]));
    assert_eq!(sent["outcome"], "preview");
    assert_eq!(sent["ticket"], Value::Null);
    assert_eq!(
        sent["decision"]["assignee"]["value"], "bob",
        "a preview shows whom it would assign"
    );
    let listed = parse(&desk.run(&["handoff", "list", "-o", "json"]));
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(
        desk.run(&["handoff", "list", "--outcome", "ticket", "-o", "name"]),
        ""
    );

    let token = desk.token("alice");
    let server = desk.serve();
    let auth = format!("Bearer {token}");
    let response = server.raw(
        "PUT",
        "/v1/settings/handoff",
        &[
            ("Authorization", &auth),
            ("Content-Type", "application/json"),
        ],
        br#"{"preview-in-non-production": false}"#,
    );
    assert_eq!(response.status, 200, "{}", response.body);
    let sent = parse(&desk.run(&["handoff", "send", "-f", &file, "-o", "json"]));
    assert_eq!(sent["outcome"], "ticket");
    assert_eq!(sent["ticket"], 10001);
    assert_eq!(
        desk.run(&[
            "handoff",
            "list",
            "--env",
            "development",
            "--outcome",
            "ticket",
            "-o",
            "name"
        ])
        .lines()
        .count(),
        1
    );
}

#[test]
fn a_dry_run_preview_explains_everything_and_stores_nothing() {
    let desk = configured(desk!());
    let file = write(&desk, "dev.json", &handoff("development"));
    desk.cmd()
        .args(["handoff", "preview", "-f", &file])
        .assert()
        .success()
        .stdout(contains("Ticket priority:"))
        .stdout(contains("urgent (from rule #1 \"VIP\""))
        .stdout(contains("billing (from rule #1"))
        .stdout(contains("bob ("))
        .stdout(contains("order-id (Order, text) = \"4417\""))
        .stdout(contains("colour"))
        .stdout(contains("Bad_Key"))
        .stdout(contains("waiting-label"));
    let json = parse(&desk.run(&[
        "handoff",
        "preview",
        "-f",
        &file,
        "--env",
        "production",
        "-o",
        "json",
    ]));
    assert_eq!(json["outcome"], "ticket");
    assert_eq!(json["environment"], "production");
    assert_eq!(desk.run(&["handoff", "list", "-o", "json"]).trim(), "[]");

    // The documented examples parse and preview, the same handoff in either
    // format: a development preview, which sending would not make a ticket.
    // They name the example desk's agent (docs/examples/desk.yaml).
    desk.run(&[
        "agents",
        "add",
        "shop-assistant",
        "--name",
        "Shop assistant",
    ]);
    desk.run(&["actions", "set", "shop-assistant", "--channel", "web"]);
    let decisions: Vec<Value> = ["docs/examples/handoff.json", "docs/examples/handoff.yaml"]
        .iter()
        .map(|example| {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(example);
            parse(&desk.run(&[
                "handoff",
                "preview",
                "-f",
                path.to_str().unwrap(),
                "-o",
                "json",
            ]))
        })
        .collect();
    assert_eq!(decisions[0]["environment"], "development");
    assert_eq!(decisions[0]["outcome"], "preview");
    assert_eq!(decisions[1], decisions[0]);
}

#[test]
fn a_handoff_the_agents_action_does_not_take_names_the_command_that_lets_it() {
    let desk = configured(desk!());
    let file = write(&desk, "dev.json", &handoff("development"));
    let mut on_telegram = handoff("development");
    on_telegram["channel"] = json!("telegram");
    let telegram = write(&desk, "telegram.json", &on_telegram);
    desk.cmd()
        .args(["handoff", "preview", "-f", &telegram])
        .assert()
        .code(1)
        .stderr(contains("is not offered on channel 'telegram'"))
        .stderr(contains(
            "hint: offer it there with `deskctl actions set AGENT --channel CHANNEL` (each \
             channel it is offered on), or send the handoff on one it is offered on\n",
        ));
    desk.run(&["actions", "disable", "shop"]);
    for verb in ["preview", "send"] {
        desk.cmd()
            .args(["handoff", verb, "-f", &file])
            .assert()
            .code(1)
            .stderr(contains(
                "the handover action 'Escalate_To_Human' of the AI agent 'shop' is disabled",
            ))
            .stderr(contains(
                "hint: enable it with `deskctl actions enable AGENT`, or send the handoff to \
                 another agent (`deskctl actions list` shows each agent's)\n",
            ));
    }
    desk.run(&["actions", "remove", "shop", "--yes"]);
    desk.cmd()
        .args(["handoff", "preview", "-f", &file])
        .assert()
        .code(1)
        .stderr(contains("has no handover action"))
        .stderr(contains(
            "hint: give the agent one with `deskctl actions set AGENT",
        ));
}

#[test]
fn a_yaml_handoff_over_the_readers_limits_is_refused_in_words() {
    let desk = configured(desk!());
    // Nine anchors, each nine of the one before: 9^7 values from 7 lines.
    let mut bomb = String::from("agent: shop\nenvironment: production\nchannel: web\ncontext:\n");
    bomb.push_str("  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for level in 1..7 {
        let previous = format!("*a{}", level - 1);
        let items = [previous.as_str(); 9].join(", ");
        bomb.push_str(&format!("  a{level}: &a{level} [{items}]\n"));
    }
    let path = desk.dir.path().join("bomb.yaml");
    std::fs::write(&path, bomb).unwrap();
    let file = path.to_str().unwrap();
    for verb in ["preview", "send"] {
        desk.cmd()
            .args(["handoff", verb, "-f", file])
            .assert()
            .code(1)
            .stderr(contains("bomb.yaml:"))
            .stderr(contains("more than 250,000 values"))
            .stderr(contains("no one object is this large"))
            .stderr(contains("workspace").not())
            .stderr(contains("budget").not())
            .stderr(contains("Nodes").not());
    }
    assert_eq!(desk.run(&["handoff", "list", "-o", "json"]).trim(), "[]");
}

#[test]
fn the_customer_sees_the_auto_reply_when_nobody_in_the_routed_team_can_answer() {
    let desk = configured(desk!());
    // bob is billing's only member; alice (support) stays online.
    desk.run(&["operators", "availability", "bob", "away"]);
    let file = write(&desk, "prod.json", &handoff("production"));
    let preview = parse(&desk.run(&["handoff", "preview", "-f", &file, "-o", "json"]));
    assert_eq!(preview["team"]["value"], "billing");
    assert_eq!(preview["customer_sees"]["kind"], "auto-reply");
    assert_eq!(
        preview["customer_sees"]["reason"],
        "nobody in team billing is online and under capacity"
    );
    desk.cmd()
        .args(["handoff", "preview", "-f", &file])
        .assert()
        .success()
        .stdout(contains(
            "(because nobody in team billing is online and under capacity)",
        ));

    // A team with no members.
    desk.run(&["teams", "add", "empty", "--name", "Nobody"]);
    desk.run(&[
        "rules",
        "add",
        "assignment",
        "--when",
        "channel=web",
        "--team",
        "empty",
        "--position",
        "1",
    ]);
    let preview = parse(&desk.run(&["handoff", "preview", "-f", &file, "-o", "json"]));
    assert_eq!(preview["team"]["value"], "empty");
    assert_eq!(preview["customer_sees"]["kind"], "auto-reply");
    assert_eq!(
        preview["customer_sees"]["reason"],
        "team empty has no members"
    );
    let warnings = preview["warnings"].to_string();
    assert!(warnings.contains("team empty has no members"), "{warnings}");
}

#[test]
fn an_external_platform_shows_the_waiting_label_whoever_is_online_in_desk() {
    let desk = configured(desk!());
    desk.cmd()
        .env("ZD_TOKEN", "zd-secret-token")
        .args([
            "integrations",
            "connect",
            "zendesk",
            "--set",
            "subdomain=acme",
            "--set",
            "email=bot@acme.example",
            "--secret",
            "api-token=env:ZD_TOKEN",
            "--no-test",
        ])
        .assert()
        .success();
    desk.run(&["actions", "set", "shop", "--platform", "zendesk"]);
    desk.run(&["operators", "availability", "bob", "offline"]);
    desk.run(&["operators", "availability", "alice", "offline"]);
    let file = write(&desk, "prod.json", &handoff("production"));
    let preview = parse(&desk.run(&["handoff", "preview", "-f", &file, "-o", "json"]));
    assert_eq!(preview["outcome"], "external");
    assert_eq!(preview["customer_sees"]["kind"], "waiting-label");
    let reason = preview["customer_sees"]["reason"].as_str().unwrap();
    assert!(
        reason.starts_with("the ticket goes to zendesk, whose agents Desk cannot see"),
        "{reason}"
    );
    assert!(
        !preview["warnings"]
            .to_string()
            .contains("nobody is available"),
        "{}",
        preview["warnings"]
    );

    let status = parse(&desk.run(&["actions", "status", "shop", "-o", "json"]));
    assert_eq!(status["customer_sees"], "waiting-label");
    assert_eq!(status["button_visible"], true, "{status}");
    desk.cmd()
        .args(["actions", "status", "shop"])
        .assert()
        .success()
        .stdout(contains(
            "the ticket goes to zendesk, whose agents Desk cannot see",
        ));
}

/// Connects Zendesk at a closed loopback port (nothing is ever delivered) and
/// points the shop's action at it.
fn to_zendesk(desk: &Desk) {
    desk.cmd()
        .env("ZD_TOKEN", "zd-secret-token")
        .args([
            "integrations",
            "connect",
            "zendesk",
            "--set",
            "subdomain=acme",
            "--set",
            "email=bot@acme.example",
            "--secret",
            "api-token=env:ZD_TOKEN",
            "--base-url",
            "http://127.0.0.1:9",
            "--no-test",
        ])
        .assert()
        .success();
    desk.run(&["actions", "set", "shop", "--platform", "zendesk"]);
}

#[test]
fn an_external_platform_gets_no_desk_operator_and_moves_no_rotation() {
    let desk = configured(desk!());
    desk.run(&["assignment", "set", "--method", "round-robin"]);
    to_zendesk(&desk);
    let mut plain = handoff("production");
    plain["reason"] = json!("explicit-request");
    // Only the assignment's warnings are in question here.
    plain["context"].as_object_mut().unwrap().remove("Bad_Key");
    let file = write(&desk, "prod.json", &plain);

    let preview = parse(&desk.run(&["handoff", "preview", "-f", &file, "-o", "json"]));
    assert_eq!(preview["outcome"], "external");
    assert_eq!(preview["team"]["value"], "support");
    assert_eq!(preview["assignee"]["value"], Value::Null, "{preview}");
    assert_eq!(
        preview["assignee"]["reason"],
        "the ticket goes to zendesk, which assigns its own agents: Desk's operators are not \
         assigned"
    );
    assert_eq!(preview["warnings"], json!([]));
    desk.cmd()
        .args(["handoff", "preview", "-f", &file])
        .assert()
        .success()
        .stdout(contains(
            "none in Desk (the ticket goes to zendesk, which assigns its own agents",
        ))
        .stdout(contains("round-robin").not());

    // Nobody online in Desk is no problem either: nothing to warn about.
    desk.run(&["operators", "availability", "alice", "offline"]);
    let preview = parse(&desk.run(&["handoff", "preview", "-f", &file, "-o", "json"]));
    assert_eq!(preview["warnings"], json!([]), "{preview}");
    desk.run(&["operators", "availability", "alice", "online"]);

    // Sent for real: the recorded decision names no Desk operator ...
    for _ in 0..2 {
        let sent = parse(&desk.run(&["handoff", "send", "-f", &file, "--no-wait", "-o", "json"]));
        assert_eq!(sent["outcome"], "external");
        assert_eq!(sent["ticket"], Value::Null);
        assert_eq!(sent["decision"]["assignee"]["value"], Value::Null, "{sent}");
        assert_eq!(sent["decision"]["warnings"], json!([]));
    }
    // ... and the rotation has not moved: back on the inbox, alice starts it.
    desk.run(&["actions", "set", "shop", "--platform", "inbox"]);
    let preview = parse(&desk.run(&["handoff", "preview", "-f", &file, "-o", "json"]));
    assert_eq!(
        preview["assignee"]["reason"],
        "round-robin: alice starts the rotation among 2 available"
    );
    desk.run(&["assignment", "set", "--method", "balanced"]);
    let preview = parse(&desk.run(&["handoff", "preview", "-f", &file, "-o", "json"]));
    let reason = preview["assignee"]["reason"].as_str().unwrap();
    assert!(
        reason.ends_with("has not been assigned a ticket yet and comes first by handle"),
        "no operator counts an external handoff: {reason}"
    );
}

#[test]
fn actions_status_answers_as_a_handoff_to_the_agents_team_would() {
    let desk = configured(desk!());
    // carol is in billing alone; alice and bob are support, the default team.
    desk.run(&[
        "operators",
        "add",
        "carol",
        "--name",
        "Carol",
        "--email",
        "carol@example.com",
        "--team",
        "billing",
    ]);
    let mut plain = handoff("production");
    plain["reason"] = json!("explicit-request");
    let file = write(&desk, "prod.json", &plain);
    let agree = |kind: &str, reason: &str| {
        let preview = parse(&desk.run(&["handoff", "preview", "-f", &file, "-o", "json"]));
        assert_eq!(preview["team"]["value"], "support");
        assert_eq!(preview["customer_sees"]["kind"], kind, "{preview}");
        assert_eq!(preview["customer_sees"]["reason"], reason, "{preview}");
        let status = parse(&desk.run(&["actions", "status", "shop", "-o", "json"]));
        assert_eq!(status["customer_sees"], kind, "{status}");
        assert_eq!(status["customer_reason"], reason, "{status}");
        assert_eq!(status["team"], "support");
        assert_eq!(
            status["team_reason"],
            "the default team: no assignment rule matched"
        );
        // The invoice rule tests the reason, so some handoffs may go to billing.
        assert_eq!(status["may_route_to"], json!(["billing"]));
        status
    };

    // Both of support online, each with room.
    let status = agree(
        "waiting-label",
        "2 of 2 members in team support online and under capacity",
    );
    assert_eq!(status["button_visible"], true, "{status}");

    // Both online but at capacity, each with one open ticket.
    desk.run(&["operators", "set", "alice", "--capacity", "1"]);
    desk.run(&["operators", "set", "bob", "--capacity", "1"]);
    desk.run(&["handoff", "send", "-f", &file]);
    desk.run(&["handoff", "send", "-f", &file]);
    let status = agree(
        "auto-reply",
        "nobody in team support is online and under capacity",
    );
    assert_eq!(status["button_visible"], false);
    assert_eq!(
        status["hidden_because"],
        json!([{
            "code": "nobody_online",
            "message": "nobody in team support is online and under capacity"
        }])
    );
    assert_eq!(status["operators_online"], 2, "online, if not available");

    // Only billing's carol online: she does not answer support's customers.
    desk.run(&["operators", "set", "alice", "--no-capacity"]);
    desk.run(&["operators", "set", "bob", "--no-capacity"]);
    desk.run(&["operators", "availability", "alice", "offline"]);
    desk.run(&["operators", "availability", "bob", "offline"]);
    desk.run(&["operators", "availability", "carol", "online"]);
    let status = agree(
        "auto-reply",
        "nobody in team support is online and under capacity",
    );
    assert_eq!(status["operators_online"], 0, "carol is online in billing");
    desk.run(&["operators", "availability", "alice", "online"]);
    let status = agree(
        "waiting-label",
        "1 of 2 members in team support online and under capacity",
    );
    assert_eq!(status["operators_online"], 1, "alice, not carol: {status}");
    desk.run(&["operators", "availability", "alice", "offline"]);

    // The human-readable form says which team it assumed, and that rules may
    // send some handoffs elsewhere.
    desk.cmd()
        .args(["actions", "status", "shop"])
        .assert()
        .success()
        .stdout(contains(
            "support (the default team: no assignment rule matched)",
        ))
        .stdout(contains(
            "assumed: assignment rules may route some handoffs to billing instead",
        ))
        .stdout(contains(
            "nobody in team support is online and under capacity",
        ))
        .stdout(predicates::str::is_match(r"Online in team:\s+0\n").unwrap());
}

#[test]
fn what_if_reports_a_change_in_what_the_customer_sees() {
    let desk = configured(desk!());
    desk.run(&["hours", "set", "--enabled", "false"]);
    let file = write(&desk, "prod.json", &handoff("production"));
    // Closed all around now, whatever the time: yesterday to tomorrow are holidays.
    let today = jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date();
    let day = jiff::ToSpan::days(1);
    let holidays = [today - day, today, today + day]
        .map(|d| d.to_string())
        .join(", ");
    let document = desk.dir.path().join("hours.yaml");
    std::fs::write(
        &document,
        format!(
            "apiVersion: deskctl/v1\nkind: Desk\nbusiness-hours:\n  enabled: true\n  \
             timezone: UTC\n  holidays: [{holidays}]\n"
        ),
    )
    .unwrap();
    let document = document.to_str().unwrap();

    let output = desk
        .cmd()
        .args(["handoff", "preview", "-f", &file, "--with", document])
        .output()
        .unwrap();
    let (out, err) = (
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr),
    );
    assert_eq!(output.status.code(), Some(3), "{out}{err}");
    assert!(
        out.contains("customer_sees waiting-label → auto-reply"),
        "{out}"
    );
    assert!(err.contains("1 of 1 would be decided differently"), "{err}");

    let output = desk
        .cmd()
        .args([
            "handoff", "preview", "-f", &file, "--with", document, "-o", "json",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3));
    let report = parse(&String::from_utf8_lossy(&output.stdout));
    assert_eq!(
        report[0]["differences"],
        json!([{"field": "customer_sees", "current": "waiting-label", "proposed": "auto-reply"}]),
        "{report}"
    );
}

#[test]
fn handoff_list_shows_who_where_what_and_what_became_of_it_and_filters_by_time() {
    let desk = configured(desk!());
    let prod = write(&desk, "prod.json", &handoff("production"));
    let dev = write(&desk, "dev.json", &handoff("development"));
    desk.run(&["handoff", "send", "-f", &prod]);
    desk.run(&["handoff", "send", "-f", &dev]);
    // Piped: tab-separated rows, no header.
    let table = desk.run(&["handoff", "list"]);
    let rows: Vec<Vec<&str>> = table.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 2, "{table}");
    assert_eq!(
        rows[0][2..],
        [
            "shop",
            "dana@example.com",
            "web",
            "My invoice 77 is wrong.",
            "preview"
        ],
        "newest first: {table}"
    );
    assert_eq!(rows[1][6], "ticket 10001");
    // Ids sort as the handoffs were made: the millisecond, then random bits,
    // in lowercase base 32.
    let names = desk.run(&["handoff", "list", "-o", "name"]);
    let ids: Vec<&str> = names.lines().collect();
    for id in &ids {
        let digits = id.strip_prefix("hof_").unwrap_or_default();
        assert!(
            digits.len() == 21
                && digits
                    .chars()
                    .all(|c| c.is_ascii_digit() || c.is_ascii_lowercase()),
            "{id}"
        );
    }
    assert!(
        ids[0] > ids[1],
        "the newer id sorts after the older: {names}"
    );
    let wide = desk.run(&["handoff", "list", "-o", "wide"]);
    let wide_rows: Vec<Vec<&str>> = wide.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(
        wide_rows[1][7..],
        ["production", "urgent", "billing", "bob", "waiting-label"],
        "{wide}"
    );
    // On a terminal, the header names them.
    let screen = desk.run_on_terminal_sized(250, &["handoff", "list", "-o", "wide"]);
    for column in [
        "REQUESTER",
        "CHANNEL",
        "SUBJECT",
        "OUTCOME",
        "ENVIRONMENT",
        "PRIORITY",
        "TEAM",
        "OPERATOR",
        "CUSTOMER SEES",
    ] {
        assert!(screen.contains(column), "{column}: {screen}");
    }

    // Filters: agent, environment, outcome and time.
    let count = |args: &[&str]| {
        let mut all = vec!["handoff", "list", "-o", "name"];
        all.extend_from_slice(args);
        desk.run(&all).lines().count()
    };
    assert_eq!(count(&["--agent", "shop"]), 2);
    assert_eq!(count(&["--env", "production"]), 1);
    assert_eq!(count(&["--outcome", "preview"]), 1);
    assert_eq!(count(&["--since", "1h"]), 2);
    assert_eq!(count(&["--until", "1h"]), 0);
    assert_eq!(count(&["--since", "2099-01-01T00:00:00Z"]), 0);
    desk.cmd()
        .args(["handoff", "list", "--since", "last tuesday"])
        .assert()
        .code(2)
        .stderr(contains("last tuesday"));
}

/// `handoff list` shows as many as `tickets list` does: a screenful on a
/// terminal, every one when piped (`| wc -l` counts them all).
#[test]
fn handoff_list_shows_every_one_when_piped_and_a_screenful_on_a_terminal() {
    let desk = configured(desk!());
    let server = desk.serve();
    let bearer = format!("Bearer {}", desk.token("alice"));
    let body = handoff("development").to_string();
    for _ in 0..55 {
        let answer = server.raw(
            "POST",
            "/v1/handoffs",
            &[
                ("Authorization", &bearer),
                ("Content-Type", "application/json"),
            ],
            body.as_bytes(),
        );
        assert!(answer.status < 300, "{}", answer.body);
    }
    drop(server);
    let count = |args: &[&str]| {
        let mut all = vec!["handoff", "list", "-o", "name"];
        all.extend_from_slice(args);
        desk.run(&all).lines().count()
    };
    assert_eq!(count(&[]), 55);
    assert_eq!(count(&["--all"]), 55);
    assert_eq!(count(&["--limit", "52"]), 52);
    desk.cmd()
        .args(["handoff", "list", "--limit", "52"])
        .assert()
        .success()
        .stderr(contains("Showing the newest 52"));
    desk.cmd()
        .args(["handoff", "list"])
        .assert()
        .success()
        .stderr(contains("Showing").not());
    let screen = desk.run_on_terminal_sized(250, &["handoff", "list"]);
    assert_eq!(
        screen
            .lines()
            .filter(|l| l.contains("dana@example.com"))
            .count(),
        30,
        "{screen}"
    );
    assert!(screen.contains("Showing the newest 30"), "{screen}");
}

#[test]
fn env_and_agent_flags_stand_in_for_what_the_file_leaves_out() {
    let desk = configured(desk!());
    let mut bare = handoff("development");
    bare.as_object_mut().unwrap().remove("environment");
    bare.as_object_mut().unwrap().remove("agent");
    let file = write(&desk, "bare.json", &bare);
    let yaml = desk.dir.path().join("bare.yaml");
    std::fs::write(
        &yaml,
        "channel: web\nrequester:\n  name: Dana\ntranscript:\n  - role: customer\n    text: hi\n",
    )
    .unwrap();
    let lines = desk.dir.path().join("bare.jsonl");
    std::fs::write(
        &lines,
        format!("{}\n", serde_json::to_string(&bare).unwrap()),
    )
    .unwrap();
    for path in [file.as_str(), yaml.to_str().unwrap()] {
        let json = parse(&desk.run(&[
            "handoff", "preview", "-f", path, "--env", "staging", "--agent", "shop", "-o", "json",
        ]));
        assert_eq!(json["environment"], "staging", "{path}");
        assert_eq!(json["outcome"], "preview", "{path}");
    }
    // With --with, JSON Lines take the flags too.
    let document = desk.dir.path().join("same.yaml");
    std::fs::write(&document, "apiVersion: deskctl/v1\nkind: Desk\n").unwrap();
    desk.cmd()
        .args(["handoff", "preview", "-f", lines.to_str().unwrap()])
        .args(["--env", "production", "--agent", "shop"])
        .args(["--with", document.to_str().unwrap()])
        .assert()
        .success()
        .stderr(contains("0 of 1 would be decided differently"));
    // Without the flags, what is missing is still named.
    desk.cmd()
        .args(["handoff", "preview", "-f", &file])
        .assert()
        .code(1)
        .stderr(contains("agent"));
}

#[test]
fn a_repeated_idempotency_key_creates_nothing_new() {
    let desk = configured(desk!());
    let file = write(&desk, "prod.json", &handoff("production"));
    let first = parse(&desk.run(&[
        "handoff",
        "send",
        "-f",
        &file,
        "--idempotency-key",
        "conv-1",
        "-o",
        "json",
    ]));
    desk.cmd()
        .args([
            "handoff",
            "send",
            "-f",
            &file,
            "--idempotency-key",
            "conv-1",
            "-o",
            "json",
        ])
        .assert()
        .success()
        .stderr(contains("was accepted before: nothing new was created"));
    let listed = parse(&desk.run(&["handoff", "list", "-o", "json"]));
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["id"], first["id"]);

    let mut other = handoff("production");
    other["reason"] = json!("something else");
    let other_file = write(&desk, "other.json", &other);
    desk.cmd()
        .args([
            "handoff",
            "send",
            "-f",
            &other_file,
            "--idempotency-key",
            "conv-1",
        ])
        .assert()
        .code(6)
        .stderr(contains(
            "idempotency key 'conv-1' was used for a different handoff",
        ));
    assert_eq!(
        parse(&desk.run(&["handoff", "list", "-o", "json"]))
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

/// An `Idempotency-Key` that is sent must be a usable key: an empty or blank
/// one is refused as an over-long one is, never taken as no key (each retry
/// would open another ticket); one with a space or tab inside is refused, as
/// "visible ASCII characters" says.
#[test]
fn an_empty_or_blank_idempotency_key_is_refused_not_ignored() {
    let desk = configured(desk!());
    let ingest = ingest_token(&desk, "ai");
    let server = desk.serve();
    let body = serde_json::to_vec(&handoff("production")).unwrap();
    let auth = format!("Bearer {ingest}");
    let too_long = "k".repeat(201);
    for key in ["", "   ", too_long.as_str(), "a\tb c", "a b", "a\tb"] {
        // Written by hand: most clients drop a header whose value is empty.
        let response = server.raw(
            "POST",
            "/v1/handoffs",
            &[
                ("Authorization", &auth),
                ("Content-Type", "application/json"),
                ("Idempotency-Key", key),
            ],
            &body,
        );
        assert_eq!(response.status, 422, "key {key:?}: {}", response.body);
        let problem = response.json();
        assert_eq!(problem["code"], "validation_failed", "{problem}");
        assert_eq!(
            problem["errors"][0]["field"], "Idempotency-Key",
            "{problem}"
        );
    }
    let listed = parse(&desk.run(&["handoff", "list", "-o", "json"]));
    assert_eq!(listed, json!([]), "a refused handoff stores nothing");
}

/// `handoff preview -f path` and `handoff send -f path` each exit 1, print
/// nothing on stdout, and show the `wanted` lines on stderr in that order.
fn refused_showing_in_order(desk: &Desk, path: &str, wanted: &[String]) {
    for verb in ["preview", "send"] {
        let output = desk
            .cmd()
            .args(["handoff", verb, "-f", path])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{verb} {path}: {stderr}");
        assert!(output.stdout.is_empty(), "{verb} {path}");
        let mut rest = stderr.as_ref();
        for line in wanted {
            let at = rest
                .find(line.as_str())
                .unwrap_or_else(|| panic!("{verb}: `{line}` in order in:\n{stderr}"));
            rest = &rest[at + line.len()..];
        }
    }
}

/// A handoff file with several problems has them all shown in one run, each
/// at its file:line:column under the line it is on, as `validate` shows a
/// document's; nothing is sent, and the exit status is 1 as for one problem.
#[test]
fn every_problem_of_a_handoff_file_is_shown_at_its_place_and_nothing_is_sent() {
    let desk = configured(desk!());
    let yaml = desk.dir.path().join("many.yaml");
    std::fs::write(
        &yaml,
        "agent: shop\nenvironment: prodution\nchannel: web\nrequester:\n  name: Dana\n  \
         emial: dana@example.com\ntranscript:\n  - role: customer\n    text: hi\n  - role: \
         robot\n    text: hello\nreason: [1, 2]\n",
    )
    .unwrap();
    let json = desk.dir.path().join("many.json");
    std::fs::write(
        &json,
        r#"{
  "agent": "shop",
  "environment": "prodution",
  "channel": "web",
  "requester": {"name": "Dana", "emial": "dana@example.com"},
  "transcript": [
    {"role": "customer", "text": "hi"},
    {"role": "robot", "text": "hello"}
  ],
  "reason": [1, 2]
}"#,
    )
    .unwrap();
    let expected = |file: &str, places: [&str; 4]| {
        vec![
            "error: unknown value `prodution`".to_string(),
            format!("--> {file}:{}", places[0]),
            "did you mean `production`?".into(),
            "error: unknown key `emial`".into(),
            format!("--> {file}:{}", places[1]),
            "did you mean `email`?".into(),
            "error: unknown value `robot`".into(),
            format!("--> {file}:{}", places[2]),
            "expected one of `customer`, `ai`".into(),
            "error: invalid type: sequence, expected a string".into(),
            format!("--> {file}:{}", places[3]),
            format!("error: {file} is not valid: 4 errors"),
        ]
    };
    for (path, wanted) in [
        (
            yaml.to_str().unwrap(),
            expected(yaml.to_str().unwrap(), ["2:14", "6:3", "10:11", "12:9"]),
        ),
        (
            json.to_str().unwrap(),
            expected(json.to_str().unwrap(), ["3:18", "5:33", "8:14", "10:13"]),
        ),
    ] {
        refused_showing_in_order(&desk, path, &wanted);
    }
    // `--env` stands in for the file's wrong value; the other problems stay.
    desk.cmd()
        .args(["handoff", "send", "-f", yaml.to_str().unwrap()])
        .args(["--env", "production"])
        .assert()
        .code(1)
        .stderr(contains("prodution").not())
        .stderr(contains("many.yaml is not valid: 3 errors"))
        .stderr(contains("--env").not());
    assert_eq!(desk.run(&["handoff", "list", "-o", "json"]).trim(), "[]");
}

/// What the service would refuse of a handoff on its own (an address that is
/// not one, a context value that is an object, a message without text) is
/// found with the file's shape problems in the same pass, each at its place:
/// one run shows them all, and nothing is sent. JSON Lines show them at their
/// line.
#[test]
fn content_problems_of_a_handoff_file_are_shown_at_their_place_with_its_shape_problems() {
    let desk = configured(desk!());
    let yaml = desk.dir.path().join("content.yaml");
    std::fs::write(
        &yaml,
        "agent: shop\nenvironment: production\nchannel: web\n\
         requester: {name: Dana, email: not-an-email}\n\
         transcript: [{role: customer, text: hi}, {role: ai, text: ' '}]\n\
         context: {order-id: {nested: 1}}\nbogus: 1\n",
    )
    .unwrap();
    let file = yaml.to_str().unwrap();
    let wanted = [
        "error: 'not-an-email' is not an email address: there is no '@'".to_string(),
        format!("--> {file}:4:32"),
        "error: message 1 of the transcript has no text".into(),
        format!("--> {file}:5:59"),
        "error: the value of context key 'order-id' is an object".into(),
        format!("--> {file}:6:21"),
        "error: unknown key `bogus`".into(),
        format!("--> {file}:7:1"),
        format!("error: {file} is not valid: 4 errors"),
    ];
    refused_showing_in_order(&desk, file, &wanted);

    let good = serde_json::to_string(&handoff("production")).unwrap();
    let mut bad = handoff("production");
    bad["requester"]["email"] = json!("dana");
    let bad = serde_json::to_string(&bad).unwrap();
    let lines = desk.dir.path().join("content.jsonl");
    std::fs::write(&lines, format!("{good}\n{bad}\n{good}\n")).unwrap();
    let document = desk.dir.path().join("same.yaml");
    std::fs::write(&document, "apiVersion: deskctl/v1\nkind: Desk\n").unwrap();
    let column = bad.find("\"dana\"").unwrap() + 1;
    desk.cmd()
        .args(["handoff", "preview", "-f", lines.to_str().unwrap()])
        .args(["--with", document.to_str().unwrap()])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("error: 'dana' is not an email address"))
        .stderr(contains(format!("--> {}:2:{column}", lines.display())))
        .stderr(contains("would be decided differently").not());
    assert_eq!(desk.run(&["handoff", "list", "-o", "json"]).trim(), "[]");
}

#[test]
fn bad_handoffs_are_refused_and_store_nothing() {
    let desk = configured(desk!());
    let mut cases: Vec<(String, Value, i32, &str)> = Vec::new();
    let mut case = |name: &str, edit: &dyn Fn(&mut Value), code: i32, message: &'static str| {
        let mut value = handoff("production");
        edit(&mut value);
        cases.push((name.to_string(), value, code, message));
    };
    case(
        "unknown-agent",
        &|v| v["agent"] = json!("ghost"),
        5,
        "ghost",
    );
    case(
        "channel",
        &|v| v["channel"] = json!("telegram"),
        1,
        "telegram",
    );
    case(
        "no-requester",
        &|v| v["requester"] = Value::Null,
        1,
        "requester",
    );
    case(
        "empty-requester",
        &|v| v["requester"] = json!({}),
        1,
        "requester",
    );
    case(
        "empty-transcript",
        &|v| v["transcript"] = json!([]),
        1,
        "transcript",
    );
    case(
        "array-context",
        &|v| v["context"]["tags"] = json!(["a"]),
        1,
        "tags",
    );
    case(
        "null-context",
        &|v| v["context"]["note"] = Value::Null,
        1,
        "note",
    );
    case(
        "huge-transcript",
        &|v| {
            v["transcript"] = json!(
                (0..1001)
                    .map(|i| json!({"role": "customer", "text": format!("m{i}")}))
                    .collect::<Vec<_>>()
            )
        },
        1,
        "transcript",
    );
    for (name, value, code, message) in cases {
        let file = write(&desk, &format!("{name}.json"), &value);
        desk.cmd()
            .args(["handoff", "send", "-f", &file])
            .assert()
            .code(code)
            .stderr(contains(message));
    }
    let malformed = desk.dir.path().join("broken.json");
    std::fs::write(
        &malformed,
        "{\n  \"agent\": \"shop\",\n  \"environment\": \n}",
    )
    .unwrap();
    desk.cmd()
        .args(["handoff", "send", "-f", malformed.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(contains("broken.json:3:16\n"))
        .stderr(contains("error: nothing is given"));
    let yaml = desk.dir.path().join("typo.yaml");
    std::fs::write(&yaml, "agent: shop\nenviroment: production\n").unwrap();
    desk.cmd()
        .args(["handoff", "preview", "-f", yaml.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(contains("enviroment"));
    desk.run(&["actions", "disable", "shop"]);
    let file = write(&desk, "ok.json", &handoff("production"));
    desk.cmd()
        .args(["handoff", "send", "-f", &file])
        .assert()
        .code(1)
        .stderr(contains("disabled"));
    assert_eq!(desk.run(&["handoff", "list", "-o", "json"]).trim(), "[]");
    let token = desk.token("alice");
    let server = desk.serve();
    let auth = format!("Bearer {token}");
    let response = server.raw("GET", "/v1/tickets/10001", &[("Authorization", &auth)], b"");
    assert_eq!(response.status, 404, "no ticket was created");
}

/// A NUL character in any text a request writes is refused with 422 naming
/// the field, before anything is stored: by the real send and the preview
/// alike, for handoff texts however nested, notes, replies and conversation
/// appends; a NUL in a query parameter is 400 naming the parameter. On
/// PostgreSQL these were 500s (it refuses NUL in text); on SQLite the text
/// was stored and its search broke at it.
#[test]
fn a_nul_in_any_text_is_refused_naming_its_field_and_stores_nothing() {
    let desk = configured(desk!());
    let ingest = ingest_token(&desk, "ai");
    let owner = desk.token("alice");
    let server = desk.serve();
    let send = |token: &str, method: &str, path: &str, body: &Value| {
        server.send_json(token, method, path, body)
    };
    let (status, first) = send(&ingest, "POST", "/v1/handoffs", &handoff("production"));
    assert_eq!(status, 201, "{first}");

    // Each field, and where it is in the body (a JSON pointer).
    let fields = [
        ("requester.name", "/requester/name"),
        ("transcript[1].text", "/transcript/1/text"),
        ("context.order-id", "/context/order-id"),
        ("reason", "/reason"),
        ("summary", "/summary"),
    ];
    for (field, pointer) in fields {
        let mut body = handoff("production");
        body["summary"] = json!("the agent's own");
        *body.pointer_mut(pointer).unwrap() = json!("a\u{0}b");
        for path in ["/v1/handoffs", "/v1/handoffs/preview"] {
            let (status, problem) = send(&ingest, "POST", path, &body);
            assert_eq!(status, 422, "{path} {field}: {problem}");
            assert_eq!(common::error_fields(&problem), [field], "{path}: {problem}");
            assert!(
                problem["errors"][0]["message"]
                    .as_str()
                    .unwrap()
                    .contains("NUL character"),
                "{problem}"
            );
        }
    }
    let mut nested = handoff("production");
    nested["context"]["order-id"] = json!({"lines": ["ok", "\u{0}"]});
    let (status, problem) = send(&ingest, "POST", "/v1/handoffs", &nested);
    assert_eq!(status, 422, "{problem}");
    assert_eq!(
        common::error_fields(&problem),
        ["context.order-id.lines[1]"]
    );

    let before = authed_get(&server, &owner, "/v1/tickets/10001");
    for (path, body, field) in [
        (
            "/v1/tickets/10001/notes",
            json!({"body": "a\u{0}b"}),
            "body",
        ),
        (
            "/v1/tickets/10001/messages",
            json!({"body": "\u{0}"}),
            "body",
        ),
        (
            "/v1/tickets/10001/conversation",
            json!({"messages": [{"role": "customer", "text": "hi\u{0}"}]}),
            "messages[0].text",
        ),
    ] {
        let (status, problem) = send(&owner, "POST", path, &body);
        assert_eq!(status, 422, "{path}: {problem}");
        assert_eq!(common::error_fields(&problem), [field], "{path}: {problem}");
    }
    assert_eq!(authed_get(&server, &owner, "/v1/tickets/10001"), before);
    let handoffs = authed_get(&server, &owner, "/v1/handoffs");
    assert_eq!(handoffs["items"].as_array().unwrap().len(), 1, "{handoffs}");

    let auth = format!("Bearer {owner}");
    for (query, parameter) in [
        ("q=a%00b", "q"),
        ("q=%00", "q"),
        ("requester=%00", "requester"),
        ("view=all&agent=sh%00op", "agent"),
    ] {
        let response = server.raw(
            "GET",
            &format!("/v1/tickets?{query}"),
            &[("Authorization", &auth)],
            b"",
        );
        assert_eq!(response.status, 400, "{query}: {}", response.body);
        let problem = response.json();
        assert_eq!(problem["code"], "invalid_query", "{problem}");
        assert_eq!(common::error_fields(&problem), [parameter], "{problem}");
    }
    for path in ["/v1/requesters/a%00b/tickets", "/v1/handoffs/hof_%00"] {
        let response = server.raw("GET", path, &[("Authorization", &auth)], b"");
        assert_eq!(response.status, 400, "{path}: {}", response.body);
        assert_eq!(response.json()["code"], "invalid_path", "{}", response.body);
    }
}

/// A rule on a context number holds for the number however the sender's
/// JSON writer wrote it (`3`, `3.0`, `3e0`: one JSON value), in a preview
/// and a real handoff alike. It compared the number's text, so Python's
/// `6/2` missed `context.items=3`.
#[test]
fn a_rule_on_a_context_number_holds_for_the_number_however_it_is_written() {
    let desk = configured(desk!());
    desk.run(&[
        "rules",
        "add",
        "priority",
        "--when",
        "context.items=3",
        "--priority",
        "high",
        "--position",
        "1",
    ]);
    let ingest = ingest_token(&desk, "ai");
    let server = desk.serve();
    for (written, wanted) in [
        ("3", "high"),
        ("3.0", "high"),
        ("3e0", "high"),
        ("4", "urgent"),
    ] {
        let mut body = handoff("production");
        body["context"]["items"] = json!("ITEMS");
        let body = body.to_string().replace(r#""ITEMS""#, written);
        for path in ["/v1/handoffs/preview", "/v1/handoffs"] {
            let response = post_text(&server, &ingest, path, &body);
            assert!(response.status < 300, "{path} {written}: {}", response.body);
            let sent = response.json();
            // A preview answers the decision itself; a handoff, with it.
            let decision = sent.get("decision").unwrap_or(&sent);
            assert_eq!(
                decision["priority"]["value"], wanted,
                "{path} {written}: {sent}"
            );
        }
    }
}

/// A whole number no 64-bit integer holds is refused (422 naming it, hinting
/// to send it as a string) wherever a handoff or any other body holds it,
/// and nothing is stored: reading it rounded `123456789012345678901234567890`
/// to `1.2345678901234568e+29` and kept that. The largest and smallest that
/// are held are kept exactly.
#[test]
fn a_whole_number_beyond_64_bits_is_refused_not_rounded() {
    let desk = configured(desk!());
    let ingest = ingest_token(&desk, "ai");
    let owner = desk.token("alice");
    let server = desk.serve();
    let post = |path: &str, body: &str| post_text(&server, &ingest, path, body);
    let with_account = |account: &str| {
        let mut body = handoff("production");
        body["context"]["account"] = json!("ACCOUNT");
        body.to_string().replace(r#""ACCOUNT""#, account)
    };
    for account in [
        "123456789012345678901234567890",
        "18446744073709551616",
        "-9223372036854775809",
    ] {
        for path in ["/v1/handoffs/preview", "/v1/handoffs"] {
            let response = post(path, &with_account(account));
            assert_eq!(response.status, 422, "{path} {account}: {}", response.body);
            let problem = response.json();
            assert_eq!(
                common::error_fields(&problem),
                ["context.account"],
                "{problem}"
            );
            let message = problem["errors"][0]["message"].as_str().unwrap();
            assert!(message.starts_with("number out of range"), "{problem}");
            assert!(
                message.contains("send a larger one as a string"),
                "{problem}"
            );
            assert!(
                !problem
                    .to_string()
                    .contains(account.trim_start_matches('-'))
            );
        }
    }
    let handoffs = authed_get(&server, &owner, "/v1/handoffs");
    assert_eq!(handoffs["items"], json!([]), "{handoffs}");

    let response = post("/v1/handoffs", &with_account("18446744073709551615"));
    assert_eq!(response.status, 201, "{}", response.body);
    assert!(
        response.body.contains(r#""account":18446744073709551615"#),
        "{}",
        response.body
    );
    let detail = authed_get(&server, &owner, "/v1/tickets/10001");
    assert_eq!(
        detail["ticket"]["context"]["account"],
        json!(u64::MAX),
        "{detail}"
    );
}

/// A message longer than a transcript's (20,000 characters) is one answer
/// wherever it comes: 413 `transcript_too_large` naming it, in a handoff's
/// transcript (send and preview) and in a conversation append alike, and
/// nothing is stored. Before, the append answered 422 `validation_failed`.
/// A blank appended message is still a 422.
#[test]
fn a_message_too_long_is_refused_alike_in_a_transcript_and_an_append() {
    let desk = configured(desk!());
    let ingest = ingest_token(&desk, "ai");
    let owner = desk.token("alice");
    let server = desk.serve();
    let (status, first) = server.send_json(&ingest, "POST", "/v1/handoffs", &handoff("production"));
    assert_eq!(status, 201, "{first}");
    let before = authed_get(&server, &owner, "/v1/tickets/10001");
    let long = "é".repeat(20_001);
    let mut body = handoff("production");
    body["transcript"][1]["text"] = json!(long);
    for path in ["/v1/handoffs", "/v1/handoffs/preview"] {
        let (status, problem) = server.send_json(&ingest, "POST", path, &body);
        assert_eq!(status, 413, "{path}: {problem}");
        assert_eq!(problem["code"], "transcript_too_large", "{path}: {problem}");
        assert_eq!(common::error_fields(&problem), ["transcript[1].text"]);
    }
    let append = |messages: Value| {
        server.send_json(
            &ingest,
            "POST",
            "/v1/tickets/10001/conversation",
            &json!({ "messages": messages }),
        )
    };
    let (status, problem) = append(json!([
        {"role": "customer", "text": "Still there?"},
        {"role": "customer", "text": long},
    ]));
    assert_eq!(status, 413, "{problem}");
    assert_eq!(problem["code"], "transcript_too_large", "{problem}");
    assert_eq!(common::error_fields(&problem), ["messages[1].text"]);
    assert_eq!(
        problem["detail"],
        "message 1 of the append has 20001 characters; at most 20000 are accepted"
    );
    // Two too long: each is named.
    let (status, problem) = append(json!([
        {"role": "customer", "text": long},
        {"role": "customer", "text": long},
    ]));
    assert_eq!(status, 413, "{problem}");
    assert_eq!(
        common::error_fields(&problem),
        ["messages[0].text", "messages[1].text"]
    );
    let (status, problem) = append(json!([{"role": "customer", "text": "  "}]));
    assert_eq!(status, 422, "{problem}");
    assert_eq!(problem["code"], "validation_failed", "{problem}");
    assert_eq!(common::error_fields(&problem), ["messages[0].text"]);
    assert_eq!(authed_get(&server, &owner, "/v1/tickets/10001"), before);
    let handoffs = authed_get(&server, &owner, "/v1/handoffs");
    assert_eq!(handoffs["items"].as_array().unwrap().len(), 1, "{handoffs}");
    // Exactly as long as a transcript's message is taken.
    let (status, answer) = append(json!([{"role": "customer", "text": "é".repeat(20_000)}]));
    assert_eq!(status, 200, "{answer}");
}

/// A transcript's own times are kept: the conversation happened before the
/// handoff, so its messages are dated before the ticket's events, and nothing
/// recorded later is moved after them. A time in the future (beyond a few
/// minutes of clock skew) or out of order is refused naming it, by the send
/// and the preview alike, and by a conversation append. Before, each message
/// was stored at the handoff's moment, and one dated 2030 dated every later
/// entry 2030 too.
#[test]
fn transcript_times_are_kept_and_a_future_or_disordered_one_refused() {
    let desk = configured(desk!());
    let ingest = ingest_token(&desk, "ai");
    let owner = desk.token("alice");
    let server = desk.serve();
    let send = |token: &str, path: &str, body: &Value| server.send_json(token, "POST", path, body);
    // Whole seconds, as a platform sends them.
    let now = jiff::Timestamp::from_second(jiff::Timestamp::now().as_second()).unwrap();
    let ago = |minutes: i64| now - jiff::SignedDuration::from_mins(minutes);
    let mut body = handoff("production");
    body["transcript"] = json!([
        {"role": "customer", "text": "an hour ago", "at": ago(60)},
        {"role": "ai", "text": "a minute later", "at": ago(59)},
        {"role": "customer", "text": "undated"}
    ]);
    let (status, sent) = send(&ingest, "/v1/handoffs", &body);
    assert_eq!(status, 201, "{sent}");
    let (status, _) = send(&owner, "/v1/tickets/10001/notes", &json!({"body": "now"}));
    assert_eq!(status, 200);
    let detail = authed_get(&server, &owner, "/v1/tickets/10001");
    let received = detail["timeline"][0]["at"].as_str().unwrap();
    let received: jiff::Timestamp = received.parse().unwrap();
    // The undated message was dated when received: an append may be dated
    // then, not before (see the next test).
    let (status, _) = send(
        &ingest,
        "/v1/tickets/10001/conversation",
        &json!({"messages": [{"role": "customer", "text": "while waiting", "at": received}]}),
    );
    assert_eq!(status, 200);
    let detail = authed_get(&server, &owner, "/v1/tickets/10001");
    assert_eq!(entry_at(&detail, "an hour ago"), ago(60), "{detail}");
    assert_eq!(entry_at(&detail, "a minute later"), ago(59), "{detail}");
    assert_eq!(entry_at(&detail, "while waiting"), received, "{detail}");
    assert!(received >= now, "{detail}");
    assert!(entry_at(&detail, "undated") >= received, "{detail}");
    assert!(entry_at(&detail, "now") >= received, "{detail}");

    let ahead = now + jiff::SignedDuration::from_hours(24);
    let mut future = handoff("production");
    future["transcript"][1]["at"] = json!(ahead);
    let mut disordered = handoff("production");
    disordered["transcript"][0]["at"] = json!(ago(5));
    disordered["transcript"][2]["at"] = json!(ago(10));
    for (body, field) in [
        (&future, "transcript[1].at"),
        (&disordered, "transcript[2].at"),
    ] {
        for path in ["/v1/handoffs", "/v1/handoffs/preview"] {
            let (status, problem) = send(&ingest, path, body);
            assert_eq!(status, 422, "{path}: {problem}");
            assert_eq!(problem["code"], "invalid_transcript", "{problem}");
            assert_eq!(common::error_fields(&problem), [field], "{path}: {problem}");
        }
    }
    let (status, problem) = send(
        &ingest,
        "/v1/tickets/10001/conversation",
        &json!({"messages": [{"role": "ai", "text": "later", "at": ahead}]}),
    );
    assert_eq!(status, 422, "{problem}");
    assert_eq!(common::error_fields(&problem), ["messages[0].at"]);
    assert_eq!(authed_get(&server, &owner, "/v1/tickets/10001"), detail);
    let handoffs = authed_get(&server, &owner, "/v1/handoffs");
    assert_eq!(handoffs["items"].as_array().unwrap().len(), 1, "{handoffs}");

    // A clock a minute ahead is skew, not the future: taken, and dated when
    // received, so the entries after it are not dated ahead either.
    let skew = jiff::Timestamp::now() + jiff::SignedDuration::from_mins(1);
    let mut skewed = handoff("production");
    skewed["transcript"][2]["at"] = json!(skew);
    let (status, sent) = send(&ingest, "/v1/handoffs", &skewed);
    assert_eq!(status, 201, "{sent}");
    let detail = authed_get(&server, &owner, "/v1/tickets/10002");
    let timeline = detail["timeline"].as_array().unwrap();
    let assigned: jiff::Timestamp = timeline.last().unwrap()["at"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        entry_at(&detail, "Please get me a person.") <= assigned,
        "{detail}"
    );
    assert!(assigned < skew, "{detail}");
}

/// An appended message dated before the ticket's last conversation message
/// is refused (422 naming `messages[i].at`, saying that message's time) and
/// adds nothing, as a transcript's out of order is: the conversation comes
/// oldest first across appends. It was taken and listed after messages
/// dated years later. Messages sent without a time are dated when received,
/// so they are never before; equal times are in order.
#[test]
fn an_append_dated_before_the_tickets_last_message_is_refused() {
    let desk = configured(desk!());
    let ingest = ingest_token(&desk, "ai");
    let owner = desk.token("alice");
    let server = desk.serve();
    let append = |messages: Value| {
        server.send_json(
            &ingest,
            "POST",
            "/v1/tickets/10001/conversation",
            &json!({ "messages": messages }),
        )
    };
    // An undated transcript: its messages are dated when the desk received it.
    let (status, sent) = server.send_json(&ingest, "POST", "/v1/handoffs", &handoff("production"));
    assert_eq!(status, 201, "{sent}");
    let before = authed_get(&server, &owner, "/v1/tickets/10001");
    let last = entry_at(&before, "Please get me a person.");

    let (status, problem) = append(json!([
        {"role": "customer", "text": "hello?", "at": "2020-01-01T00:00:00Z"}
    ]));
    assert_eq!(status, 422, "{problem}");
    assert_eq!(
        common::error_fields(&problem),
        ["messages[0].at"],
        "{problem}"
    );
    let message = problem["errors"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("before the ticket's last message"),
        "{problem}"
    );
    assert!(
        message.contains(&last.to_string()[..19]),
        "{last}: {problem}"
    );
    // Only the out-of-order one is named, wherever it is in the append.
    let (status, problem) = append(json!([
        {"role": "customer", "text": "undated"},
        {"role": "ai", "text": "old", "at": last - jiff::SignedDuration::from_secs(1)}
    ]));
    assert_eq!(status, 422, "{problem}");
    assert_eq!(
        common::error_fields(&problem),
        ["messages[1].at"],
        "{problem}"
    );
    assert_eq!(authed_get(&server, &owner, "/v1/tickets/10001"), before);

    let (status, answer) = append(json!([{"role": "ai", "text": "same time", "at": last}]));
    assert_eq!(status, 200, "{answer}");
    let (status, answer) = append(json!([{"role": "customer", "text": "undated again"}]));
    assert_eq!(status, 200, "{answer}");
    // The last message is now the undated one, dated when it came.
    let detail = authed_get(&server, &owner, "/v1/tickets/10001");
    let (status, problem) = append(json!([{"role": "ai", "text": "late", "at": last}]));
    assert_eq!(status, 422, "{problem}");
    assert_eq!(
        common::error_fields(&problem),
        ["messages[0].at"],
        "{problem}"
    );
    assert_eq!(authed_get(&server, &owner, "/v1/tickets/10001"), detail);
}

/// Every instant the API writes has exactly six fractional digits, whichever
/// route writes it (a ticket read whole, a page of the list written from its
/// rows, a handoff, the handoff's answer; not the request a handoff echoes):
/// so instants compare as text in time order. A sender's whole second is `…:SS.000000Z`; jiff's own form would
/// have written `…:SSZ` and sorted it after `…:SS.5Z`.
#[test]
fn every_instant_the_api_writes_has_six_fractional_digits() {
    let desk = configured(desk!());
    let ingest = ingest_token(&desk, "ai");
    let owner = desk.token("alice");
    let server = desk.serve();
    let sent_at = jiff::Timestamp::from_second(jiff::Timestamp::now().as_second() - 60).unwrap();
    let mut body = handoff("production");
    body["transcript"][0]["at"] = json!(sent_at);
    let (status, sent) = server.send_json(&ingest, "POST", "/v1/handoffs", &body);
    assert_eq!(status, 201, "{sent}");
    let handoff_id = sent["id"].as_str().unwrap();
    let detail = authed_get(&server, &owner, "/v1/tickets/10001");
    let list = authed_get(&server, &owner, "/v1/tickets");
    let read = authed_get(&server, &owner, &format!("/v1/handoffs/{handoff_id}"));
    let timeline = detail["timeline"].as_array().unwrap();
    let first = timeline
        .iter()
        .find(|e| e["body"] == body["transcript"][0]["text"]);
    assert_eq!(
        first.unwrap()["at"],
        format!("{}.000000Z", sent_at.strftime("%Y-%m-%dT%H:%M:%S")),
        "{detail}"
    );
    assert_eq!(
        list["items"][0]["created_at"],
        detail["ticket"]["created_at"]
    );
    let mut instants = Vec::new();
    for document in [&sent, &detail, &list, &read] {
        instants_in(document, &mut instants);
    }
    assert!(instants.len() >= 8, "{instants:?}");
    for instant in &instants {
        let (seconds, fraction) = instant.split_once('.').unwrap_or((instant, ""));
        assert!(
            seconds.len() == 19 && fraction.len() == 7 && fraction.ends_with('Z'),
            "{instant} among {instants:?}"
        );
        instant.parse::<jiff::Timestamp>().unwrap();
    }
}

/// Every string of `document` under a key that names an instant, but in a
/// handoff's `request`: its idempotency hash is computed over that form, so it
/// stays what replicas of every version compute.
fn instants_in(document: &Value, instants: &mut Vec<String>) {
    match document {
        Value::Object(map) => {
            for (key, value) in map.iter().filter(|(key, _)| *key != "request") {
                match value {
                    Value::String(text) if key == "at" || key.ends_with("_at") => {
                        instants.push(text.clone())
                    }
                    _ => instants_in(value, instants),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| instants_in(item, instants)),
        _ => {}
    }
}

/// A requester's email follows the support inbox's rule (quoted local parts
/// taken, white space around trimmed, a leading dot or 65 characters before
/// the `@` refused), and a phone is bounded: before, a 900,000-character
/// phone was stored and returned with every read of the handoff.
#[test]
fn the_requester_email_follows_the_inbox_rule_and_the_phone_is_bounded() {
    let desk = configured(desk!());
    desk.run(&["assignment", "set", "--support-inbox", "help@example.com"]);
    let ingest = ingest_token(&desk, "ai");
    let server = desk.serve();
    let send = |path: &str, body: &Value| server.send_json(&ingest, "POST", path, body);
    let with = |email: Value, phone: Value| {
        let mut body = handoff("production");
        body["requester"]["email"] = email;
        body["requester"]["phone"] = phone;
        body
    };
    let (status, sent) = send(
        "/v1/handoffs",
        &with(
            json!("\"john doe\"@example.com"),
            json!("+1 (555) 010-0100"),
        ),
    );
    assert_eq!(status, 201, "{sent}");
    assert_eq!(
        sent["request"]["requester"]["email"],
        "\"john doe\"@example.com"
    );
    let (status, sent) = send(
        "/v1/handoffs",
        &with(json!(" dana@example.com "), json!("")),
    );
    assert_eq!(status, 201, "{sent}");
    assert_eq!(sent["request"]["requester"]["email"], "dana@example.com");
    assert_eq!(sent["request"]["requester"]["phone"], Value::Null);

    let long_local = format!("{}@example.com", "a".repeat(65));
    for (body, field, code) in [
        (
            with(json!(".a@example.com"), Value::Null),
            "requester.email",
            "invalid_requester_email",
        ),
        (
            with(json!(long_local), Value::Null),
            "requester.email",
            "invalid_requester_email",
        ),
        (
            with(Value::Null, json!("5".repeat(900_000))),
            "requester.phone",
            "field_too_long",
        ),
        (
            with(Value::Null, json!("ask <front desk>")),
            "requester.phone",
            "invalid_requester_phone",
        ),
    ] {
        for path in ["/v1/handoffs", "/v1/handoffs/preview"] {
            let (status, problem) = send(path, &body);
            assert_eq!(status, 422, "{path} {field}: {problem}");
            assert_eq!(problem["code"], code, "{problem}");
            assert_eq!(common::error_fields(&problem), [field], "{problem}");
        }
    }
    // The support inbox refuses the same addresses, by the same rule.
    let (status, problem) = send(
        "/v1/inbound/email",
        &json!({
            "from": ".a@example.com", "to": "help@example.com", "subject": "Hi",
            "text": "Hello", "message-id": "<dot@mail.example.com>"
        }),
    );
    assert_eq!(status, 422, "{problem}");
    assert_eq!(common::error_fields(&problem), ["from"]);
}

/// The time of the entry of `detail`'s timeline with `body`.
fn entry_at(detail: &Value, body: &str) -> jiff::Timestamp {
    let timeline = detail["timeline"].as_array().unwrap();
    let entry = timeline.iter().find(|e| e["body"] == body).unwrap();
    entry["at"].as_str().unwrap().parse().unwrap()
}

/// A new ingest token named `name`: its secret.
fn ingest_token(desk: &Desk, name: &str) -> String {
    desk.run(&["tokens", "create", "--ingest", "--name", name])
        .trim()
        .to_string()
}

/// `POST path` of the JSON text `body` as `token`: for numbers `json!` cannot
/// write (`3.0` as written, beyond 64 bits).
fn post_text(server: &Server, token: &str, path: &str, body: &str) -> common::RawResponse {
    let auth = format!("Bearer {token}");
    server.raw(
        "POST",
        path,
        &[
            ("Authorization", &auth),
            ("Content-Type", "application/json"),
        ],
        body.as_bytes(),
    )
}

/// `POST /v1/handoffs` of `body` as `token`, with `key` as its Idempotency-Key.
fn post_handoff(server: &Server, token: &str, key: &str, body: &[u8]) -> common::RawResponse {
    let auth = format!("Bearer {token}");
    server.raw(
        "POST",
        "/v1/handoffs",
        &[
            ("Authorization", &auth),
            ("Content-Type", "application/json"),
            ("Idempotency-Key", key),
        ],
        body,
    )
}

#[test]
fn over_http_ingest_tokens_send_handoffs_and_operators_may_not() {
    let desk = configured(desk!());
    let ingest = ingest_token(&desk, "ai");
    let operator = desk.token("bob");
    let server = desk.serve();
    let body = serde_json::to_vec(&handoff("production")).unwrap();
    let send = |token: &str, key: &str| post_handoff(&server, token, key, &body);
    let response = send(&ingest, "k1");
    assert_eq!(response.status, 201, "{}", response.body);
    assert_eq!(response.json()["ticket"], 10001);
    let again = send(&ingest, "k1");
    assert_eq!(again.status, 200);
    assert_eq!(again.json()["id"], response.json()["id"]);
    let refused = send(&operator, "k2");
    assert_eq!(refused.status, 403);
    assert_eq!(refused.json()["code"], "forbidden");

    let mut bad = handoff("production");
    bad["agent"] = json!("ghost");
    let auth = format!("Bearer {ingest}");
    let response = server.raw(
        "POST",
        "/v1/handoffs",
        &[
            ("Authorization", &auth),
            ("Content-Type", "application/json"),
        ],
        &serde_json::to_vec(&bad).unwrap(),
    );
    assert_eq!(response.status, 422);
    assert_eq!(response.json()["code"], "agent_not_found");
    assert_eq!(
        response.header("content-type"),
        Some("application/problem+json")
    );
    // A mistyped agent is told the nearest one, as the CLI tells it.
    bad["agent"] = json!("shpo");
    let response = server.raw(
        "POST",
        "/v1/handoffs",
        &[
            ("Authorization", &auth),
            ("Content-Type", "application/json"),
        ],
        &serde_json::to_vec(&bad).unwrap(),
    );
    assert_eq!(response.status, 422);
    let problem = response.json();
    assert_eq!(problem["code"], "agent_not_found");
    assert_eq!(
        problem["errors"][0]["message"], "there is no AI agent 'shpo': did you mean 'shop'?",
        "{problem}"
    );
}

/// Two AI platforms, each with its own ingest token: each reads the handoffs
/// it sent and no other's (not found, as a wrong id), and a key one of them
/// used is a reused key to the other, never an answer with the first
/// platform's handoff and its transcript. A manager reads them all.
#[test]
fn an_ingest_token_reads_and_replays_only_the_handoffs_it_sent() {
    let desk = configured(desk!());
    let first = ingest_token(&desk, "first-ai");
    let second = ingest_token(&desk, "second-ai");
    let owner = desk.token("alice");
    let server = desk.serve();
    let body = serde_json::to_vec(&handoff("production")).unwrap();
    let send = |token: &str, key: &str| post_handoff(&server, token, key, &body);
    let read = |token: &str, id: &str| {
        let auth = format!("Bearer {token}");
        server.raw(
            "GET",
            &format!("/v1/handoffs/{id}"),
            &[("Authorization", &auth)],
            b"",
        )
    };
    let sent = send(&first, "conversation-1");
    assert_eq!(sent.status, 201, "{}", sent.body);
    let id = sent.json()["id"].as_str().unwrap().to_string();
    assert_eq!(read(&first, &id).status, 200);
    let other = read(&second, &id);
    assert_eq!(other.status, 404, "{}", other.body);
    assert_eq!(other.json()["code"], "handoff_not_found");
    assert!(!other.body.contains("transcript"), "{}", other.body);
    assert_eq!(
        read(&second, "hof_nothing").json()["code"],
        "handoff_not_found"
    );
    assert_eq!(read(&owner, &id).status, 200);
    // The same key and body from the other platform: refused, not replayed.
    let reused = send(&second, "conversation-1");
    assert_eq!(reused.status, 409, "{}", reused.body);
    assert_eq!(reused.json()["code"], "idempotency_key_reused");
    assert!(!reused.body.contains(&id), "{}", reused.body);
    // The first platform's retry is still a replay.
    let again = send(&first, "conversation-1");
    assert_eq!(again.status, 200, "{}", again.body);
    assert_eq!(again.json()["id"], id.as_str());
    // The second platform's own handoff is its own to read.
    let own = send(&second, "conversation-2");
    assert_eq!(own.status, 201, "{}", own.body);
    let own_id = own.json()["id"].as_str().unwrap().to_string();
    assert_eq!(read(&second, &own_id).status, 200);
    assert_eq!(read(&first, &own_id).status, 404);
}

#[test]
fn the_support_inbox_opens_one_ticket_per_message() {
    let desk = configured(desk!());
    let ingest = ingest_token(&desk, "mail");
    let server = desk.serve();
    let auth = format!("Bearer {ingest}");
    let post = |body: Value| {
        server.raw(
            "POST",
            "/v1/inbound/email",
            &[
                ("Authorization", &auth),
                ("Content-Type", "application/json"),
            ],
            &serde_json::to_vec(&body).unwrap(),
        )
    };
    let email = json!({
        "from": "Carol Diaz <carol@example.com>",
        "to": "help@example.com",
        "subject": "Refund",
        "text": "Please refund order 12.",
        "message-id": "<abc@mail.example.com>"
    });
    let refused = post(email.clone());
    assert_eq!(refused.status, 409);
    assert_eq!(refused.json()["code"], "support_inbox_disabled");
    assert_eq!(
        refused.json()["detail"],
        "the support inbox is off: turn it on in the assignment settings (their \
         `support-inbox`, with an `address`)",
        "an API client's words, no CLI command"
    );

    desk.run(&["assignment", "set", "--support-inbox", "help@example.com"]);
    let created = post(email.clone());
    assert_eq!(created.status, 201, "{}", created.body);
    assert_eq!(
        created.json(),
        json!({"ticket": 10001, "created": true, "outcome": "created"})
    );
    let duplicate = post(email.clone());
    assert_eq!(duplicate.status, 200);
    assert_eq!(
        duplicate.json(),
        json!({"ticket": 10001, "created": false, "outcome": "duplicate"})
    );

    let mut wrong = email.clone();
    wrong["to"] = json!("sales@example.com");
    wrong["message-id"] = json!("<other@mail>");
    let response = post(wrong);
    assert_eq!(response.status, 422);

    let owner = desk.token("alice");
    let ticket = authed_get(&server, &owner, "/v1/tickets/10001");
    assert_eq!(ticket["ticket"]["channel"], "email");
    assert_eq!(ticket["ticket"]["agent"], Value::Null);
    assert_eq!(ticket["ticket"]["requester"]["name"], "Carol Diaz");
    assert_eq!(ticket["ticket"]["subject"], "Refund");
    assert_eq!(ticket["timeline"][1]["body"], "Please refund order 12.");
    let missing = server.raw(
        "GET",
        "/v1/tickets/10002",
        &[("Authorization", &format!("Bearer {owner}"))],
        b"",
    );
    assert_eq!(missing.status, 404);
}

/// The operator reads why a ticket was handed over even when the agent's own
/// summary replaced Desk's (which states the reason), and every customer
/// message, handed over or appended later, names the customer as the summary
/// does: the name, else the email, else the external id. Before, the reason
/// was on no entry of the ticket, a customer known by an external id wrote
/// nameless messages, and an appended message named the customer only by name.
/// A conversation on email with no address to reply to is warned about.
#[test]
fn the_ticket_says_why_it_was_handed_over_and_who_wrote_each_message() {
    let desk = configured(desk!());
    let ingest = ingest_token(&desk, "ai");
    let owner = desk.token("alice");
    let server = desk.serve();
    let send = |path: &str, body: &Value| server.send_json(&ingest, "POST", path, body);
    let mut by_id = handoff("production");
    by_id["summary"] = json!("Wants a refund on order 4417.");
    by_id["reason"] = json!(" failed-resolution\n");
    by_id["requester"] = json!({"external-id": "user-77", "phone": "+15550100"});
    let mut by_email = handoff("production");
    by_email["requester"] = json!({"email": "dana@example.com"});
    for body in [&by_id, &by_email] {
        let (status, sent) = send("/v1/handoffs", body);
        assert_eq!(status, 201, "{sent}");
    }
    // On email, with no address, no reply could reach the customer: said.
    let mut on_email = by_id.clone();
    on_email["channel"] = json!("email");
    let (status, decision) = send("/v1/handoffs/preview", &on_email);
    assert_eq!(status, 200, "{decision}");
    let warnings = decision["warnings"].as_array().unwrap();
    let no_address = |w: &Value| {
        w.as_str()
            .unwrap()
            .contains("requester has no email address")
    };
    assert!(warnings.iter().any(no_address), "{decision}");
    let later = json!({"messages": [{"role": "customer", "text": "Any news?"}]});
    for ticket in [10001, 10002] {
        let (status, appended) = send(&format!("/v1/tickets/{ticket}/conversation"), &later);
        assert_eq!(status, 200, "{appended}");
    }
    let authors = |detail: &Value| -> Vec<Value> {
        let timeline = detail["timeline"].as_array().unwrap();
        let customer = timeline.iter().filter(|e| e["author_kind"] == "customer");
        customer.map(|e| e["author"].clone()).collect()
    };
    let first = authed_get(&server, &owner, "/v1/tickets/10001");
    assert_eq!(
        first["timeline"][0]["body"],
        "Handed over by agent shop on web (production): the AI could not resolve the issue"
    );
    assert_eq!(
        first["timeline"][1]["body"],
        "Wants a refund on order 4417."
    );
    assert_eq!(authors(&first), vec![json!("user-77"); 3], "{first}");
    let second = authed_get(&server, &owner, "/v1/tickets/10002");
    assert_eq!(
        second["timeline"][0]["body"],
        "Handed over by agent shop on web (production): invoice dispute"
    );
    assert_eq!(
        authors(&second),
        vec![json!("dana@example.com"); 3],
        "{second}"
    );
}
