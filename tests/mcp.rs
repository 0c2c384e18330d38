//! The AI copilot: `deskctl mcp` on stdio and `/v1/mcp` on `deskctl serve`,
//! driven by a real MCP client nobody here wrote — the official Python SDK
//! (pinned in tests/mcp/requirements.txt, installed by `.ci/run`) through
//! tests/mcp/client.py, which reports what the server answered. Under `CI` a
//! missing SDK fails these tests; elsewhere they say so and pass.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{OnceLock, mpsc};
use std::time::Duration;

use crate::common;

use common::{BIN, Desk, Server};
use serde_json::{Value, json};

/// What bob's team wrote on ticket 10001: operators outside it never see it.
const NOTE: &str = "Courier confirms the parcel is lost; refund approved internally";

/// The Python that has the MCP SDK: `DESKCTL_MCP_PYTHON`, else the virtual
/// environment `.ci/run` makes.
fn python() -> Option<PathBuf> {
    let python = std::env::var_os("DESKCTL_MCP_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("target/ci/mcp-venv/bin/python")
        });
    let works = Command::new(&python)
        .args(["-c", "import mcp"])
        .output()
        .is_ok_and(|output| output.status.success());
    if works {
        return Some(python);
    }
    let missing = format!(
        "the MCP Python SDK is not installed at {}: run `bash .ci/run`, or \
         `python3 -m venv target/ci/mcp-venv && target/ci/mcp-venv/bin/pip install -r \
         tests/mcp/requirements.txt`",
        python.display()
    );
    let ci = std::env::var("CI").is_ok_and(|value| !value.is_empty() && value != "false");
    assert!(!ci, "{missing}");
    eprintln!("skipped: {missing}");
    None
}

/// Runs the Python client with `plan` and returns what the server answered.
/// The client starts stdio servers with its own environment: this desk's,
/// plus `env`.
fn drive(python: &Path, desk: &Desk, env: &[(&str, &str)], plan: Value) -> Value {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/mcp/client.py");
    let mut command = desk.std_cmd_of(python.to_str().unwrap());
    command.envs(env.iter().copied());
    let mut child = command
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(plan.to_string().as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "the MCP client failed:\n{stderr}");
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{stderr}", String::from_utf8_lossy(&output.stdout)))
}

/// `deskctl mcp` with `args`, started by the client.
fn stdio(args: &[&str], steps: Vec<Value>) -> Value {
    let mut all = vec!["mcp"];
    all.extend_from_slice(args);
    json!({"transport": "stdio", "command": BIN, "args": all, "mode": "legacy", "steps": steps})
}

/// The answers to the same `steps`, as `token`, over stdio (`deskctl mcp
/// --server`) and over HTTP (`/v1/mcp`, the legacy mode).
fn over_both(
    python: &Path,
    desk: &Desk,
    server: &Server,
    token: &str,
    steps: impl Fn() -> Vec<Value>,
) -> [Value; 2] {
    let over_stdio = drive(
        python,
        desk,
        &[("DESKCTL_TOKEN", token)],
        stdio(&["--server", &server.url], steps()),
    );
    let over_http = drive(
        python,
        desk,
        &[],
        http(server, Some(token), "legacy", steps()),
    );
    [over_stdio, over_http]
}

/// `/v1/mcp` on `server`, with `token` as the bearer token.
fn http(server: &Server, token: Option<&str>, mode: &str, steps: Vec<Value>) -> Value {
    json!({
        "transport": "http", "url": format!("{}/v1/mcp", server.url), "token": token,
        "mode": mode, "steps": steps,
    })
}

fn call(tool: &str, arguments: Value) -> Value {
    json!({"call": tool, "arguments": arguments})
}

fn list_tools() -> Value {
    json!({"list_tools": {}})
}

/// The structured result of a tool call that worked.
#[track_caller]
fn ok(step: &Value) -> &Value {
    let result = &step["result"];
    assert_eq!(result["isError"], false, "the tool failed: {step:#}");
    &result["structuredContent"]
}

/// The text of a tool call, for people and assistants.
fn text(step: &Value) -> &str {
    step["result"]["content"][0]["text"].as_str().unwrap()
}

/// The structured error of a tool call that failed as a tool error.
#[track_caller]
fn tool_error(step: &Value) -> &Value {
    let result = &step["result"];
    assert_eq!(result["isError"], true, "the tool did not fail: {step:#}");
    &result["structuredContent"]["error"]
}

fn numbers(list: &Value) -> Vec<u64> {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["number"].as_u64().unwrap())
        .collect()
}

/// Teams support (alice the owner, bob) and billing (carol); four tickets from
/// real handoffs: 10001 (support, bob's, with an internal note), 10002
/// (support, unassigned, high), 10003 (billing, unassigned), 10004 (support,
/// alice's). Built once per run and copied: the twenty commands that build it
/// cost more than most tests here.
fn copilot_desk() -> Desk {
    static TEMPLATE: OnceLock<PathBuf> = OnceLock::new();
    let template = TEMPLATE.get_or_init(|| {
        let built = build_copilot_desk();
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("mcp-copilot-desk");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        copy_desk(&built.path(), &dir.join("desk.sqlite"));
        dir.join("desk.sqlite")
    });
    let desk = Desk::new();
    copy_desk(template, &desk.path());
    desk
}

/// A desk file no process has open, with its write-ahead log.
fn copy_desk(from: &Path, to: &Path) {
    std::fs::copy(from, to).unwrap();
    let wal = |path: &Path| PathBuf::from(format!("{}-wal", path.display()));
    if wal(from).exists() {
        std::fs::copy(wal(from), wal(to)).unwrap();
    }
}

fn build_copilot_desk() -> Desk {
    let desk = Desk::new();
    desk.seed_with_billing();
    for handle in ["alice", "bob", "carol"] {
        desk.run(&["operators", "availability", handle, "online"]);
    }
    desk.run(&["agents", "add", "shop", "--name", "Shop"]);
    desk.run(&[
        "actions",
        "set",
        "shop",
        "--channel",
        "web",
        "--channel",
        "telegram",
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
    desk.run(&[
        "rules",
        "add",
        "priority",
        "--when",
        "channel=telegram",
        "--priority",
        "high",
    ]);
    desk.run(&["assignment", "set", "--method", "manual"]);
    let send = |channel: &str, requester: Value, text: &str, reason: &str| {
        send_handoff(
            &desk,
            json!({
                "channel": channel, "requester": requester,
                "transcript": [{"role": "customer", "text": text}],
                "context": {"order-id": "A-1001"}, "reason": reason,
            }),
        );
    };
    let dana = json!({"name": "Dana", "email": "dana@example.com"});
    send(
        "web",
        dana.clone(),
        "Where is my parcel",
        "failed-resolution",
    );
    send(
        "telegram",
        json!({"name": "Tom"}),
        "Refund please",
        "explicit-request",
    );
    send(
        "web",
        json!({"name": "Erin", "email": "erin@example.com"}),
        "Invoice 55 is wrong",
        "invoice dispute",
    );
    send("web", dana, "Parcel again", "explicit-request");
    desk.run(&["tickets", "assign", "10001", "--to", "bob"]);
    desk.run(&["tickets", "assign", "10004", "--to", "alice"]);
    desk.run(&["tickets", "note", "10001", "--body", NOTE]);
    desk
}

/// Sends a handoff from the shop in production: `handoff` gives the rest.
fn send_handoff(desk: &Desk, handoff: Value) {
    let mut body = json!({"agent": "shop", "environment": "production"});
    body.as_object_mut()
        .unwrap()
        .extend(handoff.as_object().unwrap().clone());
    let path = desk.dir.path().join("handoff.json");
    std::fs::write(&path, body.to_string()).unwrap();
    desk.run(&["handoff", "send", "-f", path.to_str().unwrap()]);
}

#[test]
fn tickets_are_listed_and_counted_by_field_values_and_a_key_no_field_has_is_named() {
    let Some(python) = python() else { return };
    let desk = copilot_desk();
    desk.add_plan_fields();
    for context in [
        json!({"plan": "enterprise", "seats": 5, "vip": true}), // 10005
        json!({"plan": "pro", "seats": 12}),                    // 10006
        json!({"plan": "enterprise", "seats": 12}),             // 10007
    ] {
        send_handoff(
            &desk,
            json!({
                "channel": "web", "requester": {"name": "Fay"}, "context": context,
                "transcript": [{"role": "customer", "text": "About my plan"}],
            }),
        );
    }
    let listed = |field: Value| call("list_tickets", json!({ "field": field }));
    let counted = |field: Value| call("count_tickets", json!({"by": "status", "field": field}));
    let answer = drive(
        &python,
        &desk,
        &[],
        stdio(
            &[],
            vec![
                list_tools(),
                listed(json!({"plan": "enterprise"})),
                listed(json!({"seats": 12})),
                listed(json!({"seats": "12", "plan": "enterprise"})),
                listed(json!({"vip": true})),
                call(
                    "list_tickets",
                    json!({"field": {"plan": "enterprise"}, "status": "resolved"}),
                ),
                counted(json!({"plan": "enterprise"})),
                counted(json!({"plan": "enterprise", "seats": 12})),
                listed(json!({"plna": "pro"})),
                counted(json!({"plna": "pro"})),
                listed(json!({"seats": "many"})),
                listed(json!({"plan": "free"})),
                listed(json!({"Plan": "pro"})),
                listed(json!({"plan": ["pro"]})),
                listed(json!("plan=pro")),
            ],
        ),
    );
    let steps = answer["steps"].as_array().unwrap();
    for tool in &steps[0]["result"]["tools"].as_array().unwrap()[..] {
        if ["list_tickets", "count_tickets"].contains(&tool["name"].as_str().unwrap()) {
            let field = &tool["inputSchema"]["properties"]["field"];
            assert_eq!(field["type"], json!(["object", "null"]), "{tool:#}");
            assert!(field["description"].as_str().unwrap().contains("every one"));
        }
    }
    assert_eq!(numbers(ok(&steps[1])), [10007, 10005]);
    assert_eq!(numbers(ok(&steps[2])), [10007, 10006], "read as a number");
    assert_eq!(numbers(ok(&steps[3])), [10007], "every value must hold");
    assert_eq!(numbers(ok(&steps[4])), [10005], "read as a checkbox");
    assert_eq!(
        numbers(ok(&steps[5])),
        Vec::<u64>::new(),
        "and the other filters"
    );
    assert_eq!(text(&steps[5]), "No tickets match.");
    assert_eq!(ok(&steps[6])["total"], 2);
    assert_eq!(
        ok(&steps[6])["groups"][0],
        json!({"value": "open", "count": 2})
    );
    assert_eq!(ok(&steps[7])["total"], 1);
    for (step, said) in [
        (
            8,
            "the desk has no ticket field 'plna': did you mean 'plan'? (its fields are \
             plan, seats, vip)",
        ),
        (
            9,
            "the desk has no ticket field 'plna': did you mean 'plan'?",
        ),
        (10, "seats is a number field: 'many' is not a number"),
        (
            11,
            "plan is a dropdown field: 'free' is not one of the options: pro, enterprise",
        ),
        (12, "'Plan' cannot be a ticket field's key"),
        (
            13,
            "plan: expected a string, a number or true or false, not an array",
        ),
        (14, "expected an object, not the string \"plan=pro\""),
    ] {
        let error = tool_error(&steps[step]);
        assert_eq!(error["code"], "invalid_argument", "{step}: {error:#}");
        assert_eq!(error["field"], "field", "{step}: {error:#}");
        let message = error["message"].as_str().unwrap();
        assert!(message.starts_with(said), "{step}: {message}");
    }
    // A field removed since: tickets keep its values, found as text.
    desk.run(&["fields", "remove", "plan", "--yes"]);
    let answer = drive(
        &python,
        &desk,
        &[],
        stdio(&[], vec![listed(json!({"plan": "enterprise"}))]),
    );
    assert_eq!(numbers(ok(&answer["steps"][0])), [10007, 10005]);
}

#[test]
fn a_misspelt_handle_or_team_is_a_bad_argument_not_no_tickets() {
    let Some(python) = python() else { return };
    let desk = copilot_desk();
    let answer = drive(
        &python,
        &desk,
        &[],
        stdio(
            &[],
            vec![
                call("list_tickets", json!({"assignee": "bobb"})),
                call("count_tickets", json!({"by": "status", "team": "biling"})),
                call("list_operators", json!({"team": "suport"})),
                call("list_tickets", json!({"assignee": "zz", "team": "billing"})),
                // Names the desk has, and no ticket: nothing to correct.
                call(
                    "list_tickets",
                    json!({"assignee": "carol", "team": "billing"}),
                ),
                call("count_tickets", json!({"by": "team", "assignee": "carol"})),
            ],
        ),
    );
    let steps = answer["steps"].as_array().unwrap();
    let refused = [
        (
            "assignee",
            "the desk has no operator 'bobb': did you mean 'bob'? (its operators are alice, bob, carol)",
        ),
        (
            "team",
            "the desk has no team 'biling': did you mean 'billing'? (its teams are billing, support)",
        ),
        (
            "team",
            "the desk has no team 'suport': did you mean 'support'? (its teams are billing, support)",
        ),
        (
            "assignee",
            "the desk has no operator 'zz' (its operators are alice, bob, carol)",
        ),
    ];
    for (step, (field, message)) in steps.iter().zip(refused) {
        let error = tool_error(step);
        assert_eq!(error["code"], "invalid_argument", "{step:#}");
        assert_eq!(error["field"], field, "{step:#}");
        assert_eq!(error["message"], message, "{step:#}");
        assert!(text(step).starts_with(&format!("Invalid argument {field}: ")));
    }
    assert_eq!(text(&steps[4]), "No tickets match.");
    assert_eq!(ok(&steps[5])["total"], 0);
}

#[test]
fn on_the_local_desk_every_tool_answers_with_numbers_and_structure() {
    let Some(python) = python() else { return };
    let desk = copilot_desk();
    let answer = drive(
        &python,
        &desk,
        &[],
        stdio(
            &[],
            vec![
                list_tools(),
                call("list_tickets", json!({})),
                call(
                    "list_tickets",
                    json!({"status": "open", "priority": "high"}),
                ),
                call("get_ticket", json!({"number": 10001})),
                call("search_tickets", json!({"query": "refund"})),
                call("search_tickets", json!({"query": "#10003"})),
                call("count_tickets", json!({"by": "status"})),
                call("count_tickets", json!({"by": "team"})),
                call("get_handoff", json!({"ticket": 10002})),
                call("list_operators", json!({"team": "billing"})),
            ],
        ),
    );
    let server = &answer["server"];
    assert_eq!(server["name"], "deskctl", "{answer:#}");
    assert_eq!(server["protocol_version"], "2025-11-25");
    assert_eq!(server["tools_capability"], true);
    assert!(
        server["instructions"]
            .as_str()
            .unwrap()
            .contains("cannot reply to, assign, resolve")
    );
    let steps = answer["steps"].as_array().unwrap();

    let tools = steps[0]["result"]["tools"].as_array().unwrap();
    let names: Vec<&str> = tools.iter().map(|t| t["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "list_tickets",
            "search_tickets",
            "get_ticket",
            "count_tickets",
            "get_handoff",
            "list_operators"
        ]
    );
    for tool in tools {
        assert_eq!(tool["annotations"]["readOnlyHint"], true, "{tool:#}");
        assert_eq!(tool["inputSchema"]["type"], "object");
        assert_eq!(tool["outputSchema"]["type"], "object");
    }
    let list_schema = &tools[0]["inputSchema"]["properties"];
    for argument in [
        "view",
        "status",
        "priority",
        "assignee",
        "team",
        "channel",
        "requester",
        "text",
        "since",
        "limit",
        "cursor",
    ] {
        assert!(
            list_schema.get(argument).is_some(),
            "list_tickets takes {argument}"
        );
    }
    let handoff_id = &tools[4]["inputSchema"]["properties"]["id"];
    assert_eq!(handoff_id["maxLength"], 254, "{handoff_id:#}");

    assert_eq!(
        numbers(ok(&steps[1])),
        [10004, 10003, 10002, 10001],
        "newest activity first: an internal note on 10001 is no activity"
    );
    assert!(
        text(&steps[1]).contains("#10003 open · medium · \"Invoice 55 is wrong\""),
        "{}",
        text(&steps[1])
    );
    assert_eq!(numbers(ok(&steps[2])), [10002]);

    let ticket = ok(&steps[3]);
    assert_eq!(ticket["ticket"]["number"], 10001);
    assert_eq!(ticket["ticket"]["subject"], "Where is my parcel");
    assert_eq!(ticket["ticket"]["assignee"], "bob");
    assert_eq!(ticket["ticket"]["team"], "support");
    assert_eq!(ticket["ticket"]["context"]["order-id"], "A-1001");
    let timeline = ticket["timeline"].as_array().unwrap();
    assert!(timeline.iter().any(|e| e["kind"] == "message"
        && e["author_kind"] == "customer"
        && e["body"] == "Where is my parcel"));
    assert!(
        timeline
            .iter()
            .any(|e| e["kind"] == "note" && e["body"] == NOTE),
        "the owner sees the team's notes, as in the inbox: {ticket:#}"
    );
    assert!(text(&steps[3]).starts_with("Ticket #10001: \"Where is my parcel\""));
    let shown: Value =
        serde_json::from_str(&desk.run(&["tickets", "show", "10001", "-o", "json"])).unwrap();
    assert_eq!(
        *ticket, shown,
        "the copilot's ticket is the API's, as `tickets show -o json` prints it"
    );

    assert_eq!(numbers(ok(&steps[4])), [10002]);
    assert_eq!(numbers(ok(&steps[5])), [10003]);

    let by_status = ok(&steps[6]);
    assert_eq!(by_status["total"], 4);
    assert_eq!(
        by_status["groups"],
        json!([
            {"value": "open", "count": 4},
            {"value": "pending", "count": 0},
            {"value": "resolved", "count": 0},
        ])
    );
    assert_eq!(
        text(&steps[6]),
        "4 tickets by status: open 4, pending 0, resolved 0."
    );
    assert_eq!(
        ok(&steps[7])["groups"],
        json!([{"value": "support", "count": 3}, {"value": "billing", "count": 1}])
    );

    let handoff = ok(&steps[8]);
    assert_eq!(handoff["ticket"], 10002);
    assert_eq!(handoff["priority"]["value"], "high");
    assert!(
        handoff["priority"]["why"]
            .as_str()
            .unwrap()
            .starts_with("from rule #1"),
        "{handoff:#}"
    );
    assert_eq!(handoff["team"]["value"], "support");
    assert_eq!(handoff["reason"], "explicit-request");
    assert!(text(&steps[8]).contains("→ ticket #10002"));

    let operators = ok(&steps[9])["operators"].as_array().unwrap();
    assert_eq!(operators.len(), 1);
    assert_eq!(operators[0]["handle"], "carol");
    assert_eq!(operators[0]["availability"], "online");
}

#[test]
fn no_tool_writes_and_a_write_asked_for_by_name_is_refused() {
    let Some(python) = python() else { return };
    let desk = copilot_desk();
    let before = desk.run(&["tickets", "show", "10001", "-o", "json"]);
    let writes = [
        ("resolve_ticket", json!({"number": 10001})),
        ("reply_ticket", json!({"number": 10001, "body": "hi"})),
        ("assign_ticket", json!({"number": 10001, "to": "carol"})),
        ("add_note", json!({"number": 10001, "body": "x"})),
        ("set_priority", json!({"number": 10001, "priority": "low"})),
    ];
    let mut steps = vec![list_tools()];
    steps.extend(writes.iter().map(|(name, args)| call(name, args.clone())));
    let answer = drive(&python, &desk, &[], stdio(&[], steps));
    let steps = answer["steps"].as_array().unwrap();
    for tool in steps[0]["result"]["tools"].as_array().unwrap() {
        let name = tool["name"].as_str().unwrap();
        assert!(
            name.starts_with("list_")
                || name.starts_with("get_")
                || name.starts_with("search_")
                || name.starts_with("count_"),
            "{name} is not a reading tool"
        );
    }
    for ((name, _), step) in writes.iter().zip(&steps[1..]) {
        let error = &step["error"];
        assert_eq!(error["code"], -32602, "{name}: {step:#}");
        assert!(
            error["message"]
                .as_str()
                .unwrap()
                .contains(&format!("unknown tool '{name}'")),
            "{step:#}"
        );
        assert_eq!(error["data"]["tool"], *name);
    }
    assert_eq!(
        desk.run(&["tickets", "show", "10001", "-o", "json"]),
        before,
        "nothing changed"
    );
}

#[test]
fn bad_arguments_are_tool_errors_that_name_the_argument() {
    let Some(python) = python() else { return };
    let desk = copilot_desk();
    let cases = [
        ("list_tickets", json!({"status": "opne"}), "status"),
        ("list_tickets", json!({"limit": 0}), "limit"),
        ("list_tickets", json!({"limit": "ten"}), "limit"),
        ("list_tickets", json!({"since": "yesterday-ish"}), "since"),
        ("list_tickets", json!({"since": "-5d"}), "since"),
        (
            "count_tickets",
            json!({"by": "status", "active_since": "-2h"}),
            "active_since",
        ),
        ("list_tickets", json!({"status": 5}), "status"),
        ("list_tickets", json!({"ticket": 10001}), "ticket"),
        ("get_ticket", json!({}), "number"),
        ("get_ticket", json!({"number": -1}), "number"),
        ("search_tickets", json!({"query": "  "}), "query"),
        ("search_tickets", json!({"query": "a\u{0}b"}), "query"),
        ("count_tickets", json!({"by": "mood"}), "by"),
        ("get_handoff", json!({}), "id"),
        (
            "get_handoff",
            json!({"id": "hof_1", "ticket": 10001}),
            "ticket",
        ),
        (
            "list_operators",
            json!({"availability": "asleep"}),
            "availability",
        ),
    ];
    let mut steps: Vec<Value> = cases
        .iter()
        .map(|(tool, args, _)| call(tool, args.clone()))
        .collect();
    steps.push(call("get_ticket", json!({"number": 99999})));
    steps.push(call("list_tickets", json!({})));
    // An operator's view asked of the local desk, whose owner is no
    // operator: `view` is what to change, and the answer says why and what
    // to do instead.
    steps.push(call("list_tickets", json!({"view": "mine"})));
    steps.push(call(
        "count_tickets",
        json!({"view": "mine", "by": "status"}),
    ));
    steps.push(call(
        "search_tickets",
        json!({"view": "mine", "query": "parcel"}),
    ));
    let answer = drive(&python, &desk, &[], stdio(&[], steps));
    let steps = answer["steps"].as_array().unwrap();
    for ((tool, args, field), step) in cases.iter().zip(steps) {
        let error = tool_error(step);
        assert_eq!(error["code"], "invalid_argument", "{tool} {args}: {step:#}");
        assert_eq!(error["field"], *field, "{tool} {args}: {step:#}");
        assert!(
            text(step).starts_with(&format!("Invalid argument {field}: ")),
            "{}",
            text(step)
        );
        let message = error["message"].as_str().unwrap();
        for rust in ["u32", "u64", "map", "invalid type"] {
            assert!(
                !message.contains(rust),
                "said in JSON terms, not Rust's: {message}"
            );
        }
    }
    let missing = tool_error(&steps[cases.len()]);
    assert_eq!(missing["code"], "ticket_not_found");
    assert_eq!(missing["status"], 404);
    assert!(text(&steps[cases.len()]).starts_with("Not found: "));
    assert_eq!(
        numbers(ok(&steps[cases.len() + 1])).len(),
        4,
        "the server still answers"
    );
    for step in &steps[cases.len() + 2..] {
        let mine = tool_error(step);
        assert_eq!(mine["code"], "invalid_argument", "{mine:#}");
        assert_eq!(mine["field"], "view", "{mine:#}");
        assert!(
            text(step).starts_with("Invalid argument view: the mine view is an operator's")
                && text(step).contains("the local desk acts as its owner")
                && text(step).contains("filter by assignee instead"),
            "{}",
            text(step)
        );
    }
}

/// A ticket number searched for is put first on the first page, and the page
/// still holds `limit` tickets: the text match it pushes off leads the next
/// page, and the ticket is not shown again there.
#[test]
fn a_ticket_number_searched_for_leads_a_page_of_no_more_than_the_limit() {
    let Some(python) = python() else { return };
    let desk = copilot_desk();
    // 10005 to 10007 all name ticket 10005.
    for name in ["Gus", "Hal", "Ida"] {
        send_handoff(
            &desk,
            json!({
                "channel": "web", "requester": {"name": name},
                "transcript": [{"role": "customer", "text": "Same problem as 10005"}],
            }),
        );
    }
    let search = |limit: u64, cursor: Option<&str>| {
        let mut arguments = json!({"query": "10005", "limit": limit});
        if let Some(cursor) = cursor {
            arguments["cursor"] = json!(cursor);
        }
        call("search_tickets", arguments)
    };
    let pages = |steps: Vec<Value>| {
        let answer = drive(&python, &desk, &[], stdio(&[], steps));
        answer["steps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|step| ok(step).clone())
            .collect::<Vec<_>>()
    };
    let first = pages(vec![search(2, None), search(1, None)]);
    assert_eq!(numbers(&first[0]), [10005, 10007], "{:#}", first[0]);
    assert_eq!(numbers(&first[1]), [10005], "{:#}", first[1]);
    let cursor = |page: &Value| page["next_cursor"].as_str().unwrap().to_string();
    let (after_two, after_one) = (cursor(&first[0]), cursor(&first[1]));
    let next = pages(vec![
        search(2, Some(&after_two)),
        search(1, Some(&after_one)),
        search(100, Some(&after_one)),
    ]);
    assert_eq!(numbers(&next[0]), [10006], "{:#}", next[0]);
    assert_eq!(numbers(&next[1]), [10007], "{:#}", next[1]);
    assert_eq!(numbers(&next[2]), [10007, 10006], "{:#}", next[2]);
}

/// `deskctl serve` on the copilot desk, and tokens for alice (owner), bob and carol.
fn served(desk: &Desk) -> (Server, [String; 3]) {
    let tokens = ["alice", "bob", "carol"].map(|handle| desk.token(handle));
    (desk.serve(), tokens)
}

#[test]
fn an_operator_sees_what_the_inbox_shows_them_and_an_owner_sees_every_ticket() {
    let Some(python) = python() else { return };
    let desk = copilot_desk();
    let (server, [alice, bob, carol]) = served(&desk);
    let steps = || {
        vec![
            call("list_tickets", json!({})),
            call("list_tickets", json!({"view": "mine"})),
            call("count_tickets", json!({"by": "status"})),
            call("get_ticket", json!({"number": 10003})),
            call("get_handoff", json!({"ticket": 10001})),
        ]
    };
    let as_token = |token: &str| {
        drive(
            &python,
            &desk,
            &[("DESKCTL_TOKEN", token)],
            stdio(&["--server", &server.url], steps()),
        )
    };

    let answer = as_token(&bob);
    let steps_of_bob = answer["steps"].as_array().unwrap();
    let inbox_of_bob: Vec<u64> = desk
        .cmd()
        .env("DESKCTL_TOKEN", &bob)
        .args(["--server", &server.url, "tickets", "list", "-o", "name"])
        .output()
        .map(|output| {
            String::from_utf8(output.stdout)
                .unwrap()
                .lines()
                .map(|line| line.parse().unwrap())
                .collect()
        })
        .unwrap();
    assert_eq!(inbox_of_bob, [10002, 10001]);
    assert_eq!(
        numbers(ok(&steps_of_bob[0])),
        inbox_of_bob,
        "bob sees his own ticket and his team's unassigned one, as in the inbox"
    );
    assert_eq!(numbers(ok(&steps_of_bob[1])), [10001]);
    assert_eq!(ok(&steps_of_bob[2])["total"], 2);
    let refused = tool_error(&steps_of_bob[3]);
    assert_eq!(refused["status"], 403);
    assert!(text(&steps_of_bob[3]).starts_with("Not allowed: "));
    assert!(
        !steps_of_bob[3].to_string().contains("Invoice 55"),
        "a refused ticket shows nothing of itself"
    );
    let needs_role = tool_error(&steps_of_bob[4]);
    assert_eq!(needs_role["status"], 403);
    assert!(
        needs_role["message"]
            .as_str()
            .unwrap()
            .contains("needs the manager role"),
        "a role the token lacks is named: {needs_role:#}"
    );

    let answer = as_token(&alice);
    let steps_of_alice = answer["steps"].as_array().unwrap();
    assert_eq!(
        numbers(ok(&steps_of_alice[0])),
        [10004, 10003, 10002, 10001]
    );
    assert_eq!(numbers(ok(&steps_of_alice[1])), [10004]);
    assert_eq!(ok(&steps_of_alice[2])["total"], 4);
    assert_eq!(
        ok(&steps_of_alice[3])["ticket"]["subject"],
        "Invoice 55 is wrong"
    );
    assert_eq!(ok(&steps_of_alice[4])["ticket"], 10001);

    let answer = as_token(&carol);
    assert_eq!(numbers(ok(&answer["steps"][0])), [10003]);
}

#[test]
fn internal_notes_reach_only_those_the_inbox_shows_them_to() {
    let Some(python) = python() else { return };
    let desk = copilot_desk();
    let (server, [alice, bob, carol]) = served(&desk);
    let ingest = desk
        .run(&["tokens", "create", "--ingest", "--name", "shop"])
        .trim()
        .to_string();
    let steps = || {
        vec![
            call("get_ticket", json!({"number": 10001})),
            call("search_tickets", json!({"query": "Courier confirms"})),
            call("list_tickets", json!({})),
        ]
    };
    let as_token = |token: &str| {
        drive(
            &python,
            &desk,
            &[],
            http(&server, Some(token), "legacy", steps()),
        )
    };
    let has_note = |ticket: &Value| {
        ticket["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .any(|entry| entry["kind"] == "note" && entry["body"] == NOTE)
    };

    for token in [&alice, &bob] {
        let answer = as_token(token);
        assert!(
            has_note(ok(&answer["steps"][0])),
            "the ticket's team sees its notes: {answer:#}"
        );
        assert_eq!(
            numbers(ok(&answer["steps"][1])),
            Vec::<u64>::new(),
            "notes are never searched"
        );
        assert!(!answer["steps"][2].to_string().contains(NOTE));
    }
    for token in [&carol, &ingest] {
        let answer = as_token(token);
        assert_eq!(tool_error(&answer["steps"][0])["status"], 403);
        assert!(
            !answer.to_string().contains(NOTE),
            "nothing of the note reaches a caller outside the team: {answer:#}"
        );
    }
}

#[test]
fn the_http_copilot_needs_a_bearer_token_and_acts_with_it() {
    let Some(python) = python() else { return };
    let desk = copilot_desk();
    let (server, [alice, bob, _]) = served(&desk);

    let request = r#"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#;
    let headers = [
        ("Content-Type", "application/json"),
        ("Accept", "application/json, text/event-stream"),
    ];
    let anonymous = server.raw("POST", "/v1/mcp", &headers, request.as_bytes());
    assert_eq!(anonymous.status, 401, "{}", anonymous.body);
    assert_eq!(
        anonymous.header("content-type"),
        Some("application/problem+json")
    );
    assert_eq!(anonymous.json()["code"], "unauthenticated");
    assert!(
        anonymous
            .header("www-authenticate")
            .is_some_and(|v| v.starts_with("Bearer"))
    );
    let unknown = "desk_0000000000000000000000000000000000000000000000000000000000000000";
    let bearer = format!("Bearer {unknown}");
    let mut with_token = headers.to_vec();
    with_token.push(("Authorization", &bearer));
    let forged = server.raw("POST", "/v1/mcp", &with_token, request.as_bytes());
    assert_eq!(forged.status, 401);
    assert_eq!(forged.json()["code"], "invalid_token");

    // The SDK reports any 4xx without a JSON-RPC body as one generic error.
    let answer = drive(&python, &desk, &[], http(&server, None, "legacy", vec![]));
    assert!(answer["connect_error"].is_string(), "{answer:#}");
    assert!(answer.get("steps").is_none());

    let answer = drive(
        &python,
        &desk,
        &[],
        http(
            &server,
            Some(&bob),
            "legacy",
            vec![
                list_tools(),
                call("list_tickets", json!({})),
                call("resolve_ticket", json!({"number": 10001})),
                call("list_tickets", json!({"status": "opne"})),
            ],
        ),
    );
    assert_eq!(answer["server"]["name"], "deskctl", "{answer:#}");
    let steps = answer["steps"].as_array().unwrap();
    assert_eq!(steps[0]["result"]["tools"].as_array().unwrap().len(), 6);
    assert_eq!(
        numbers(ok(&steps[1])),
        [10002, 10001],
        "bob's view, not the owner's"
    );
    assert_eq!(steps[2]["error"]["code"], -32602);
    assert_eq!(tool_error(&steps[3])["field"], "status");

    // The 2026-07-28 protocol: discover instead of initialize, no sessions.
    let answer = drive(
        &python,
        &desk,
        &[],
        http(
            &server,
            Some(&alice),
            "auto",
            vec![call("count_tickets", json!({"by": "assignee"}))],
        ),
    );
    assert_eq!(
        answer["server"]["protocol_version"], "2026-07-28",
        "{answer:#}"
    );
    assert_eq!(
        ok(&answer["steps"][0])["groups"],
        json!([
            {"value": null, "count": 2},
            {"value": "alice", "count": 1},
            {"value": "bob", "count": 1},
        ])
    );
}

#[test]
fn an_answer_larger_than_a_request_may_be_is_still_given_over_http() {
    let desk = copilot_desk();
    let (server, [alice, _, _]) = served(&desk);
    // 1.5 MB of conversation: a handoff of 760 kB, and as much again added
    // later, each within the 1 MiB a request may carry.
    let messages = |from: usize| -> Vec<Value> {
        (from..from + 40)
            .map(|i| json!({"role": "customer", "text": format!("message {i} {}", "x".repeat(19_000))}))
            .collect()
    };
    send_handoff(
        &desk,
        json!({"channel": "web", "requester": {"name": "Lou"}, "transcript": messages(0)}),
    );
    let (status, answer) = server.send_json(
        &alice,
        "POST",
        "/v1/tickets/10005/conversation",
        &json!({"messages": messages(40)}),
    );
    assert_eq!(status, 200, "{answer:#}");

    let bearer = format!("Bearer {alice}");
    let headers = [
        ("Content-Type", "application/json"),
        ("Accept", "application/json, text/event-stream"),
        ("Authorization", bearer.as_str()),
    ];
    let request = json!({"jsonrpc": "2.0", "id": 1, "method": "tools/call",
        "params": {"name": "get_ticket", "arguments": {"number": 10005}}});
    let response = server.raw("POST", "/v1/mcp", &headers, request.to_string().as_bytes());
    let start: String = response.body.chars().take(500).collect();
    assert_eq!(response.status, 200, "{start}");
    assert!(
        response.body.len() > 2 * 1024 * 1024,
        "{}",
        response.body.len()
    );
    let result = &response.json()["result"];
    assert_eq!(result["isError"], false);
    let timeline = result["structuredContent"]["timeline"].as_array().unwrap();
    let said = |entry: &&Value| {
        entry["body"]
            .as_str()
            .is_some_and(|b| b.starts_with("message 79 "))
    };
    assert!(
        timeline.iter().any(|entry| said(&entry)),
        "the last message is there"
    );
}

#[test]
fn serve_verbose_logs_the_copilots_requests_but_not_its_answers() {
    let desk = copilot_desk();
    let alice = desk.token("alice");
    let server = desk.serve_with(&["-v"]);
    let bearer = format!("Bearer {alice}");
    let headers = [
        ("Content-Type", "application/json"),
        ("Accept", "application/json, text/event-stream"),
        ("Authorization", bearer.as_str()),
    ];
    let request = json!({"jsonrpc": "2.0", "id": 1, "method": "tools/call",
        "params": {"name": "get_ticket", "arguments": {"number": 10001}}});
    let response = server.raw("POST", "/v1/mcp", &headers, request.to_string().as_bytes());
    assert_eq!(response.status, 200, "{}", response.body);
    assert!(response.body.contains(NOTE), "alice reads the note");
    let log = server.log();
    assert!(log.contains("path=/v1/mcp"), "{log}");
    assert!(log.contains("DEBUG"), "-v logs at debug: {log}");
    for private in [NOTE, "Where is my parcel", "dana@example.com"] {
        assert!(!log.contains(private), "{private} logged:\n{log}");
    }
}

/// Reads `deskctl mcp`'s stdout a line at a time, on its own thread, so a test
/// waits for each answer and never for longer than it must.
fn lines_of(stdout: impl std::io::Read + Send + 'static) -> mpsc::Receiver<String> {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if sender.send(line).is_err() {
                break;
            }
        }
    });
    receiver
}

#[test]
fn deskctl_mcp_writes_nothing_but_mcp_messages_on_stdout() {
    let desk = copilot_desk();
    let mut child = desk
        .std_cmd()
        .arg("mcp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let lines = lines_of(child.stdout.take().unwrap());
    let requests = [
        json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "protocolVersion": "2025-11-25", "capabilities": {},
            "clientInfo": {"name": "frames-test", "version": "1"}}}),
        json!({"jsonrpc": "2.0", "method": "notifications/initialized"}),
        json!({"jsonrpc": "2.0", "id": 2, "method": "tools/call",
            "params": {"name": "count_tickets", "arguments": {"by": "status"}}}),
        json!({"jsonrpc": "2.0", "id": 3, "method": "tools/call",
            "params": {"name": "resolve_ticket", "arguments": {"number": 10001}}}),
        json!({"jsonrpc": "2.0", "id": 4, "method": "tools/call",
            "params": {"name": "get_ticket", "arguments": "10001"}}),
        json!({"jsonrpc": "2.0", "id": 5, "method": "tools/call",
            "params": {"name": "get_ticket", "arguments": {"number": 10001}}}),
    ];
    for request in &requests {
        writeln!(stdin, "{request}").unwrap();
    }
    let mut answers = Vec::new();
    while answers.len() < 5 {
        let line = lines
            .recv_timeout(Duration::from_secs(30))
            .expect("deskctl mcp answers each request");
        let message: Value = serde_json::from_str(&line)
            .unwrap_or_else(|e| panic!("stdout carries only MCP messages, not {line:?}: {e}"));
        assert_eq!(message["jsonrpc"], "2.0", "{line}");
        answers.push(message);
    }
    drop(stdin);
    let status = child.wait().unwrap();
    assert!(
        status.success(),
        "deskctl mcp ends cleanly when the client hangs up"
    );
    assert!(
        lines.recv_timeout(Duration::from_secs(5)).is_err(),
        "nothing follows the answers"
    );
    let by_id = |id: u64| answers.iter().find(|a| a["id"] == id).unwrap();
    assert_eq!(by_id(1)["result"]["serverInfo"]["name"], "deskctl");
    assert_eq!(by_id(2)["result"]["structuredContent"]["total"], 4);
    assert_eq!(by_id(3)["error"]["code"], -32602);
    assert!(
        by_id(4)["error"]["code"].is_i64(),
        "arguments that are not an object are a protocol error"
    );
    assert_eq!(
        by_id(5)["result"]["structuredContent"]["ticket"]["number"],
        10001,
        "and the server goes on answering"
    );
    let stderr = std::io::read_to_string(child.stderr.take().unwrap()).unwrap();
    // The desk it runs on is named: a desk file here, not "the local desk".
    let said = format!(
        "deskctl mcp: read-only tools as the local desk's owner on the desk at {}, over MCP",
        desk.path().display()
    );
    assert!(stderr.contains(&said), "{stderr}");
}

/// A client that hangs up before `initialize` (one checking that the command
/// starts) ends the session as any hang-up does: exit 0, nothing on stdout.
#[test]
fn deskctl_mcp_ends_cleanly_when_the_client_hangs_up_before_initialize() {
    let desk = copilot_desk();
    let output = desk.cmd().arg("mcp").write_stdin("").output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(output.stdout.is_empty());
    assert!(!stderr.contains("failed"), "{stderr}");
}

/// A client that hangs up by closing its end of stdout (and not yet stdin)
/// ends the session too: nothing can be answered any more, and that is no
/// error of deskctl's.
#[test]
fn deskctl_mcp_ends_cleanly_when_the_client_stops_reading() {
    let desk = copilot_desk();
    let mut child = desk
        .std_cmd()
        .arg("mcp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let initialize = json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "protocolVersion": "2025-11-25", "capabilities": {},
        "clientInfo": {"name": "gone", "version": "1"}}});
    writeln!(stdin, "{initialize}").unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    assert!(line.contains("\"serverInfo\""), "{line}");
    drop(stdout);
    let call = json!({"jsonrpc": "2.0", "id": 2, "method": "tools/call",
        "params": {"name": "count_tickets", "arguments": {"by": "status"}}});
    writeln!(stdin, "{call}").unwrap();
    let status = common::wait_until("deskctl mcp to end", Duration::from_secs(60), || {
        child.try_wait().unwrap()
    });
    let stderr = std::io::read_to_string(child.stderr.take().unwrap()).unwrap();
    assert!(status.success(), "{status}: {stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
    drop(stdin);
}

#[test]
fn deskctl_mcp_with_a_token_the_service_refuses_fails_before_it_speaks() {
    let desk = copilot_desk();
    let server = desk.serve();
    let output = desk
        .cmd()
        .env(
            "DESKCTL_TOKEN",
            "desk_0000000000000000000000000000000000000000000000000000000000000000",
        )
        .args(["--server", &server.url, "mcp"])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("error: the token is not valid"), "{stderr}");
}

#[test]
fn ticket_counts_follow_the_callers_role_like_the_list() {
    let desk = copilot_desk();
    let (server, [alice, bob, _]) = served(&desk);
    let get = |path: &str, token: Option<&str>| {
        let bearer = token.map(|t| format!("Bearer {t}"));
        let headers: Vec<(&str, &str)> = bearer
            .as_deref()
            .map(|b| vec![("Authorization", b)])
            .unwrap_or_default();
        server.raw("GET", path, &headers, b"")
    };
    let counts = get("/v1/tickets/counts?by=priority", Some(&alice));
    assert_eq!(counts.status, 200, "{}", counts.body);
    assert_eq!(
        counts.json(),
        json!({"by": "priority", "total": 4, "groups": [
            {"value": "low", "count": 0}, {"value": "medium", "count": 3},
            {"value": "high", "count": 1}, {"value": "urgent", "count": 0},
        ]})
    );
    let counts = get("/v1/tickets/counts?by=team&view=unassigned", Some(&bob)).json();
    assert_eq!(
        counts["groups"],
        json!([{"value": "support", "count": 1}]),
        "bob counts only his team's unassigned tickets, not billing's"
    );
    let counts = get("/v1/tickets/counts?by=status&q=parcel", Some(&alice)).json();
    assert_eq!(counts["total"], 2, "the list's filters apply");

    let bad = get("/v1/tickets/counts?by=mood", Some(&alice));
    assert_eq!(bad.status, 400, "{}", bad.body);
    assert!(bad.json()["detail"].as_str().unwrap().contains("mood"));
    assert_eq!(get("/v1/tickets/counts", Some(&alice)).status, 400);
    assert_eq!(get("/v1/tickets/counts?by=status", None).status, 401);
    let bad_time = get(
        "/v1/tickets/counts?by=status&created_since=yesterday",
        Some(&alice),
    );
    assert_eq!(bad_time.status, 400);
    assert_eq!(bad_time.json()["code"], "invalid_query");
    assert_eq!(bad_time.json()["errors"][0]["field"], "created_since");
    let too_late = get(
        "/v1/tickets/counts?by=status&created_since=9999-12-31T00:00:00Z",
        Some(&alice),
    );
    // A time past the last one representable does not read either: 400, as
    // `/v1/handoffs?since=` answers it.
    assert_eq!(too_late.status, 400);
    let why = too_late.json()["errors"][0]["message"].clone();
    assert!(
        why.as_str().unwrap().contains("is out of range"),
        "{}",
        too_late.body
    );
}

/// An ingest token (the AI agent platform's) reads nothing through the
/// copilot, as docs/copilot.md says: not tickets, and not handoffs either,
/// though the API lets it read a handoff's status.
#[test]
fn an_ingest_token_is_refused_every_tool() {
    let Some(python) = python() else { return };
    let desk = copilot_desk();
    let server = desk.serve();
    let ingest = desk
        .run(&["tokens", "create", "--ingest", "--name", "shop"])
        .trim()
        .to_string();
    let handoffs: Value =
        serde_json::from_str(&desk.run(&["handoff", "list", "-o", "json"])).unwrap();
    let handoff = handoffs[0]["id"].as_str().unwrap().to_string();
    let steps = || {
        vec![
            call("get_handoff", json!({"id": handoff})),
            call("get_handoff", json!({"ticket": 10001})),
            call("list_operators", json!({})),
            call("count_tickets", json!({"by": "status"})),
        ]
    };
    for answer in over_both(&python, &desk, &server, &ingest, steps) {
        for step in answer["steps"].as_array().unwrap() {
            let error = tool_error(step);
            assert_eq!(error["code"], "forbidden", "{step:#}");
            assert_eq!(error["status"], 403, "{step:#}");
            assert!(text(step).starts_with("Not allowed: "), "{step:#}");
            assert!(
                !step.to_string().contains("priority"),
                "nothing of the decision is shown: {step:#}"
            );
        }
    }
}

#[test]
fn deskctl_mcp_names_an_ingest_token_with_its_article() {
    let desk = copilot_desk();
    let server = desk.serve();
    let ingest = desk
        .run(&["tokens", "create", "--ingest", "--name", "shop"])
        .trim()
        .to_string();
    let output = desk
        .cmd()
        .env("DESKCTL_TOKEN", &ingest)
        .args(["--server", &server.url, "mcp"])
        .write_stdin("")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("read-only tools as an ingest token on "),
        "{stderr}"
    );
    assert!(stderr.contains("every tool will be refused"), "{stderr}");
}

/// A search text longer than the API searches for is a bad argument, named,
/// and not the service being down (a 70,000-character query made a URL no
/// server takes).
#[test]
fn a_search_text_too_long_to_search_for_is_a_bad_argument() {
    let Some(python) = python() else { return };
    let desk = copilot_desk();
    let (server, [alice, _, _]) = served(&desk);
    let long = |chars: usize| "refund ".repeat(chars / 7 + 1);
    let cases = [
        ("search_tickets", json!({"query": long(70_000)}), "query"),
        ("list_tickets", json!({"text": long(5_000)}), "text"),
        (
            "list_tickets",
            json!({"requester": long(1_001)}),
            "requester",
        ),
        (
            "count_tickets",
            json!({"by": "status", "text": long(2_000)}),
            "text",
        ),
    ];
    let steps = || {
        let mut steps: Vec<Value> = cases
            .iter()
            .map(|(tool, args, _)| call(tool, args.clone()))
            .collect();
        steps.push(call("search_tickets", json!({"query": "refund"})));
        steps
    };
    for answer in over_both(&python, &desk, &server, &alice, steps) {
        let steps = answer["steps"].as_array().unwrap();
        for ((tool, _, field), step) in cases.iter().zip(steps) {
            let error = tool_error(step);
            assert_eq!(error["code"], "invalid_argument", "{tool}: {error:#}");
            assert_eq!(error["field"], *field, "{tool}: {error:#}");
            assert!(
                error["message"].as_str().unwrap().contains("at most 1000"),
                "{error:#}"
            );
        }
        assert_eq!(
            numbers(ok(&steps[cases.len()])),
            [10002],
            "a search of a fitting length still answers"
        );
    }
}

/// A handle, key or handoff id longer than any can be, or a cursor longer
/// than any the API gives out, is a bad argument, named, and not the service
/// being down (a 70,000-character one made a URL no server takes).
#[test]
fn a_name_id_or_cursor_too_long_for_the_api_is_a_bad_argument() {
    let Some(python) = python() else { return };
    let desk = copilot_desk();
    let (server, [alice, _, _]) = served(&desk);
    let long = "x".repeat(70_000);
    let cases = [
        (
            "list_tickets",
            json!({"assignee": long}),
            "assignee",
            "at most 254",
        ),
        (
            "list_tickets",
            json!({"team": "x".repeat(255)}),
            "team",
            "at most 254",
        ),
        (
            "list_tickets",
            json!({"cursor": long}),
            "cursor",
            "at most 200",
        ),
        (
            "count_tickets",
            json!({"by": "status", "assignee": long}),
            "assignee",
            "at most 254",
        ),
        (
            "count_tickets",
            json!({"by": "team", "team": long}),
            "team",
            "at most 254",
        ),
        (
            "search_tickets",
            json!({"query": "refund", "cursor": long}),
            "cursor",
            "at most 200",
        ),
        (
            "list_operators",
            json!({"team": long}),
            "team",
            "at most 254",
        ),
        ("get_handoff", json!({"id": long}), "id", "at most 254"),
        (
            "get_handoff",
            json!({"id": "h".repeat(255)}),
            "id",
            "longer than any id this service gives out",
        ),
    ];
    let steps = || {
        let mut steps: Vec<Value> = cases
            .iter()
            .map(|(tool, args, _, _)| call(tool, args.clone()))
            .collect();
        steps.push(call("list_tickets", json!({"team": "x".repeat(254)})));
        steps
    };
    for answer in over_both(&python, &desk, &server, &alice, steps) {
        let steps = answer["steps"].as_array().unwrap();
        for ((tool, _, field, says), step) in cases.iter().zip(steps) {
            let error = tool_error(step);
            assert_eq!(error["code"], "invalid_argument", "{tool}: {error:#}");
            assert_eq!(error["field"], *field, "{tool}: {error:#}");
            assert!(
                error["message"].as_str().unwrap().contains(says),
                "{tool}: {error:#}"
            );
        }
        // The longest a key can be is looked for, matches no ticket, and
        // is then said to be no team's.
        let error = tool_error(&steps[cases.len()]);
        assert_eq!(error["field"], "team", "{error:#}");
        let message = error["message"].as_str().unwrap();
        assert!(
            message.starts_with("the desk has no team 'xxx"),
            "{message}"
        );
    }
}

/// Requests whose params do not fit, and methods the copilot does not serve,
/// as the tester sent them: the same JSON-RPC 2.0 errors on stdio and HTTP.
fn malformed_requests() -> Vec<(u64, &'static str, Value)> {
    vec![
        (20, "tools/call", json!({"arguments": {}})),
        (
            21,
            "tools/call",
            json!({"name": "get_ticket", "arguments": "10001"}),
        ),
        (
            22,
            "tools/call",
            json!({"name": "get_ticket", "arguments": [10001]}),
        ),
        (23, "tools/call", Value::Null),
        (24, "initialize", Value::Null),
        (25, "resources/list", json!({})),
        (26, "prompts/list", Value::Null),
    ]
}

fn request(id: u64, method: &str, params: &Value) -> Value {
    let mut request = json!({"jsonrpc": "2.0", "id": id, "method": method});
    if !params.is_null() {
        request["params"] = params.clone();
    }
    request
}

/// The answers to [`malformed_requests`], by id, as JSON-RPC 2.0 asks.
#[track_caller]
fn assert_json_rpc_errors(answer_to: impl Fn(u64) -> Value) {
    for (id, method, params) in malformed_requests() {
        let answer = answer_to(id);
        let error = &answer["error"];
        let message = error["message"].as_str().unwrap_or_default();
        if method.starts_with("tools/") || method == "initialize" {
            assert_eq!(error["code"], -32602, "{method} {params}: {answer}");
            assert!(message.starts_with("Invalid params: "), "{answer}");
        } else {
            assert_eq!(error["code"], -32601, "{method}: {answer}");
            assert_eq!(message, format!("Method not found: {method}"));
        }
    }
    let says = |id: u64, what: &str| {
        let answer = answer_to(id);
        let message = answer["error"]["message"].as_str().unwrap().to_string();
        assert!(message.contains(what), "{id}: {message}");
    };
    says(20, "params.name is missing");
    says(21, "params.arguments must be an object");
    says(21, "not a string");
    says(22, "not an array");
    says(23, "needs params");
    says(24, "needs params");
}

#[test]
fn deskctl_mcp_answers_every_bad_line_as_json_rpc_2_0_asks_and_goes_on() {
    let desk = copilot_desk();
    let mut child = desk
        .std_cmd()
        .arg("mcp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let lines = lines_of(child.stdout.take().unwrap());
    let initialize = json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "protocolVersion": "2025-11-25", "capabilities": {},
        "clientInfo": {"name": "bad-lines-test", "version": "1"}}});
    let mut sent = vec![
        // Before the handshake too.
        json!({"jsonrpc": "2.0", "id": 0, "method": "initialize"}).to_string(),
        initialize.to_string(),
        json!({"jsonrpc": "2.0", "method": "notifications/initialized"}).to_string(),
        "garbage".into(),
        r#"{"jsonrpc":"2.0","id":"#.into(),
        r#"[{"jsonrpc":"2.0","id":8,"method":"tools/list"}]"#.into(),
        r#"{"id":7,"method":"tools/list"}"#.into(),
        r#"{"jsonrpc":"1.0","id":"eight","method":"tools/list"}"#.into(),
    ];
    sent.extend(
        malformed_requests()
            .iter()
            .map(|(id, method, params)| request(*id, method, params).to_string()),
    );
    sent.push(r#"{"jsonrpc":"2.0","id":99,"method":"tools/list"}"#.into());
    for line in &sent {
        writeln!(stdin, "{line}").unwrap();
    }
    // Every line but the notification is answered.
    let mut answers = Vec::new();
    while answers.len() < sent.len() - 1 {
        let line = lines
            .recv_timeout(Duration::from_secs(30))
            .unwrap_or_else(|_| panic!("an answer to every line; so far {answers:#?}"));
        let answer: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(answer["jsonrpc"], "2.0", "{line}");
        assert!(
            answer.as_object().unwrap().contains_key("id"),
            "every response has an id, null when it could not be read: {line}"
        );
        answers.push(answer);
    }
    drop(stdin);
    assert!(child.wait().unwrap().success());
    let by_id = |id: Value| {
        answers
            .iter()
            .find(|answer| answer["id"] == id)
            .unwrap_or_else(|| panic!("no answer to {id}: {answers:#?}"))
            .clone()
    };
    assert_eq!(by_id(json!(0))["error"]["code"], -32602);
    assert_eq!(by_id(json!(1))["result"]["serverInfo"]["name"], "deskctl");
    let unreadable: Vec<&Value> = answers
        .iter()
        .filter(|answer| answer["id"].is_null())
        .map(|answer| &answer["error"]["code"])
        .collect();
    assert_eq!(
        unreadable,
        [&json!(-32700), &json!(-32700), &json!(-32600)],
        "garbage and truncated JSON are parse errors, a batch an invalid request: {answers:#?}"
    );
    assert_eq!(by_id(json!(7))["error"]["code"], -32600);
    assert_eq!(by_id(json!("eight"))["error"]["code"], -32600);
    assert_json_rpc_errors(|id| by_id(json!(id)));
    assert_eq!(
        by_id(json!(99))["result"]["tools"]
            .as_array()
            .unwrap()
            .len(),
        6,
        "the session goes on after every bad line"
    );
}

#[test]
fn the_http_copilot_answers_bad_params_and_unknown_methods_as_json_rpc_2_0_asks() {
    let desk = copilot_desk();
    let (server, [alice, _, _]) = served(&desk);
    let bearer = format!("Bearer {alice}");
    let headers = [
        ("Content-Type", "application/json"),
        ("Accept", "application/json, text/event-stream"),
        ("Authorization", bearer.as_str()),
    ];
    let requests = malformed_requests();
    let answers: Vec<(u64, Value)> = requests
        .iter()
        .map(|(id, method, params)| {
            let body = request(*id, method, params).to_string();
            let response = server.raw("POST", "/v1/mcp", &headers, body.as_bytes());
            assert_eq!(response.status, 200, "{method}: {}", response.body);
            (*id, response.json())
        })
        .collect();
    assert_json_rpc_errors(|id| {
        let (_, answer) = answers.iter().find(|(asked, _)| *asked == id).unwrap();
        assert_eq!(answer["id"], id);
        answer.clone()
    });
}
