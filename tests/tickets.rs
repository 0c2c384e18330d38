//! The ticket inbox: views and filters on a desk filled by real handoffs,
//! timelines, every action on the timeline, roles over HTTP, races.

use super::BACKEND;
use crate::common;

use common::{Desk, Server};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;
use serde_json::{Value, json};

fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// Teams support (alice, bob) and billing (carol); an agent; manual assignment so
/// tests decide who gets what.
fn desk_with_tickets(desk: Desk) -> Desk {
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
        "--channel",
        "email",
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
    let send = |channel: &str, email: Option<&str>, text: &str, reason: &str| {
        let mut requester = json!({"name": format!("Customer {text}")});
        if let Some(email) = email {
            requester["email"] = json!(email);
        }
        let body = json!({
            "agent": "shop", "environment": "production", "channel": channel,
            "requester": requester,
            "transcript": [{"role": "customer", "text": text}],
            "reason": reason,
        });
        let path = desk.dir.path().join("h.json");
        std::fs::write(&path, body.to_string()).unwrap();
        desk.run(&["handoff", "send", "-f", path.to_str().unwrap()]);
    };
    send(
        "web",
        Some("dana@example.com"),
        "Where is my parcel",
        "failed-resolution",
    ); // 10001 support
    send("telegram", None, "Refund please", "explicit-request"); // 10002 support, high
    send(
        "email",
        Some("erin@example.com"),
        "Invoice 55 is wrong",
        "invoice dispute",
    ); // 10003 billing
    send(
        "web",
        Some("dana@example.com"),
        "Parcel again",
        "explicit-request",
    ); // 10004 support
    desk
}

fn numbers(desk: &Desk, args: &[&str]) -> Vec<u64> {
    let mut all = vec!["tickets", "list", "-o", "name"];
    all.extend_from_slice(args);
    desk.run(&all).lines().map(|l| l.parse().unwrap()).collect()
}

#[test]
fn views_and_filters_return_exactly_the_right_tickets() {
    let desk = desk_with_tickets(desk!());
    assert_eq!(
        numbers(&desk, &[]),
        [10004, 10003, 10002, 10001],
        "newest first"
    );
    assert_eq!(
        numbers(&desk, &["--view", "unassigned"]),
        [10004, 10003, 10002, 10001]
    );
    desk.run(&["tickets", "assign", "10001", "10002", "--to", "bob"]);
    desk.run(&["tickets", "resolve", "10003"]);
    assert_eq!(numbers(&desk, &["--view", "unassigned"]), [10004]);
    // The timeline is in order of time as well as of record.
    let shown: serde_json::Value =
        serde_json::from_str(&desk.run(&["tickets", "show", "10001", "-o", "json"])).unwrap();
    let times: Vec<jiff::Timestamp> = shown["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["at"].as_str().unwrap().parse().unwrap())
        .collect();
    assert!(times.len() >= 3, "{shown}");
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "{times:?}");
    assert_eq!(numbers(&desk, &["--view", "resolved"]), [10003]);
    assert_eq!(numbers(&desk, &["--assignee", "bob"]), [10002, 10001]);
    assert_eq!(numbers(&desk, &["--priority", "high"]), [10002]);
    assert_eq!(numbers(&desk, &["--channel", "email"]), [10003]);
    assert_eq!(numbers(&desk, &["--team", "billing"]), [10003]);
    // Assigning is no activity: the customer saw nothing happen.
    assert_eq!(numbers(&desk, &["--status", "open"]), [10004, 10002, 10001]);
    assert_eq!(
        numbers(&desk, &["--requester", "DANA@example.com"]),
        [10004, 10001]
    );
    // A name matches in any case, and in part.
    assert_eq!(
        numbers(&desk, &["--requester", "customer REFUND please"]),
        [10002]
    );
    assert_eq!(numbers(&desk, &["--requester", "parcel"]), [10004, 10001]);
    assert_eq!(numbers(&desk, &["--requester", "dana"]), Vec::<u64>::new());
    assert_eq!(numbers(&desk, &["--search", "parcel"]), [10004, 10001]);
    assert_eq!(
        numbers(&desk, &["--search", "100%"]),
        Vec::<u64>::new(),
        "% is literal"
    );
    // An agent the desk does not have is not found, not an empty list.
    desk.cmd()
        .args(["tickets", "list", "--agent", "nobody"])
        .assert()
        .code(5)
        .stderr(contains("agent 'nobody' does not exist"));
    assert_eq!(
        numbers(&desk, &["--created-since", "2999-01-01T00:00:00Z"]),
        Vec::<u64>::new()
    );
    assert_eq!(numbers(&desk, &["--limit", "2"]), [10003, 10004]);
    assert_eq!(numbers(&desk, &["--limit", "1"]), [10003]);
    desk.cmd()
        .args(["tickets", "list", "--limit", "1", "-o", "name"])
        .assert()
        .stderr(contains("Showing 1 ticket; there are more"));
    for limit in ["0", "-1"] {
        desk.cmd()
            .args(["tickets", "list", "--limit", limit])
            .assert()
            .code(2)
            .stdout("");
    }
    // Times relative to now, and named days.
    for since in ["2h", "30 minutes", "yesterday", "today"] {
        assert_eq!(
            numbers(&desk, &["--created-since", since]).len(),
            4,
            "--created-since {since}"
        );
    }
    assert_eq!(numbers(&desk, &["--since", "1h"]).len(), 4);
    desk.cmd()
        .args(["tickets", "list", "--since", "soonish"])
        .assert()
        .code(2)
        .stderr(contains("is not a moment"));
    // Past the last instant deskctl keeps: said so, not the library's overflow.
    for late in ["9999-12-31", "9999-12-31T00:00:00Z"] {
        desk.cmd()
            .args(["tickets", "list", "--created-since", late])
            .assert()
            .code(2)
            .stderr(contains(format!("'{late}' is out of range")))
            .stderr(contains("timestamp").not());
    }
    desk.cmd()
        .args(["tickets", "list", "--limit", "2", "-o", "name"])
        .assert()
        .success()
        .stderr(contains("Showing 2 tickets; there are more"));
    // Piped table: tab-separated columns in the documented order.
    let line = desk.run(&["tickets", "list", "--view", "resolved"]);
    let cells: Vec<&str> = line.trim_end().split('\t').collect();
    assert_eq!(
        &cells[..8],
        [
            "resolved",
            "10003",
            "Customer Invoice 55 is wrong",
            "-",
            "Invoice 55 is wrong",
            "shop",
            "medium",
            "email"
        ]
    );
    assert!(cells[8].ends_with('Z'), "RFC 3339 when piped: {}", cells[8]);
    // jsonl streams every ticket, one object per line.
    let lines = desk.run(&["tickets", "list", "--all", "-o", "jsonl"]);
    let streamed: Vec<u64> = lines
        .lines()
        .map(|l| parse(l)["number"].as_u64().unwrap())
        .collect();
    assert_eq!(streamed, [10003, 10004, 10002, 10001]);
    // Each line is the ticket `-o json` shows, exactly (the service's own JSON
    // passed through, not decoded and encoded again).
    let whole = parse(&desk.run(&["tickets", "list", "--all", "-o", "json"]));
    let items: Vec<String> = whole
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.to_string())
        .collect();
    let lines: Vec<String> = lines.lines().map(|l| parse(l).to_string()).collect();
    assert_eq!(lines, items);
    // A limit cuts the stream and says there are more.
    desk.cmd()
        .args(["tickets", "list", "--limit", "3", "-o", "jsonl"])
        .assert()
        .success()
        .stdout(predicates::function::function(|out: &str| {
            out.lines().count() == 3
        }))
        .stderr(contains("Showing 3 tickets; there are more"));
}

/// Over HTTP, a client that accepts JSON lines gets each page's tickets one a
/// line, as the JSON page holds them, and the next page's cursor in a header;
/// the CLI streams the same lines from a server as from the local desk.
#[test]
fn pages_of_tickets_are_served_as_json_lines_to_clients_that_accept_them() {
    let desk = desk_with_tickets(desk!());
    let token = desk.token("alice");
    let server = desk.serve();
    let bearer = format!("Bearer {token}");
    let mut path = "/v1/tickets?limit=3".to_string();
    let mut pages = 0;
    let mut served = String::new();
    loop {
        let json = server.raw("GET", &path, &[("Authorization", &bearer)], b"");
        let lines = server.raw(
            "GET",
            &path,
            &[
                ("Authorization", &bearer),
                ("Accept", "application/x-ndjson"),
            ],
            b"",
        );
        assert_eq!((json.status, lines.status), (200, 200), "{}", lines.body);
        assert_eq!(json.header("content-type"), Some("application/json"));
        assert_eq!(lines.header("content-type"), Some("application/x-ndjson"));
        let page = json.json();
        let items: Vec<String> = page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|ticket| ticket.to_string())
            .collect();
        assert!(lines.body.ends_with('\n'), "{:?}", lines.body);
        let lined: Vec<String> = lines.body.lines().map(|l| parse(l).to_string()).collect();
        assert_eq!(lined, items);
        assert_eq!(
            lines.header("desk-next-cursor"),
            page["next_cursor"].as_str()
        );
        served += &lines.body;
        pages += 1;
        match page["next_cursor"].as_str() {
            Some(cursor) => {
                path = format!(
                    "/v1/tickets?limit=3&cursor={}",
                    cursor.replace(':', "%3A").replace('|', "%7C")
                )
            }
            None => break,
        }
    }
    assert_eq!(pages, 2);
    let remote = as_token(
        &desk,
        &server,
        &token,
        &["tickets", "list", "--all", "-o", "jsonl"],
    )
    .output()
    .unwrap();
    assert!(
        remote.status.success(),
        "{}",
        String::from_utf8_lossy(&remote.stderr)
    );
    let local = desk.run(&["tickets", "list", "--all", "-o", "jsonl"]);
    assert_eq!(String::from_utf8(remote.stdout).unwrap(), local);
    assert_eq!(local, served);
}

/// A search text too long to search for is bad input, named, not the service
/// failing (SQLite refuses a `LIKE` pattern past 50,000 bytes): over HTTP a
/// 422 on `q` or `requester`, on the command line a usage error before any
/// request (a text of 30,000 `é` would not fit in a URL).
#[test]
fn a_search_text_too_long_to_search_for_is_refused_by_name() {
    let desk = desk_with_tickets(desk!());
    let token = desk.token("alice");
    let server = desk.serve();
    let bearer = format!("Bearer {token}");
    for (field, length) in [("q", 50_000), ("requester", 1001)] {
        let path = format!("/v1/tickets?{field}={}", "a".repeat(length));
        let answer = server.raw("GET", &path, &[("Authorization", &bearer)], b"");
        assert_eq!(answer.status, 422, "{}", answer.body);
        let problem = answer.json();
        assert_eq!(problem["errors"][0]["field"], field, "{problem}");
        assert!(
            problem["errors"][0]["message"]
                .as_str()
                .unwrap()
                .contains(&format!(
                    "at most 1000 characters are searched for; this is {length}"
                )),
            "{problem}"
        );
    }
    let longest = format!("/v1/tickets?q={}", "a".repeat(1000));
    let answer = server.raw("GET", &longest, &[("Authorization", &bearer)], b"");
    assert_eq!(answer.status, 200, "{}", answer.body);
    for flag in ["--search", "--requester"] {
        desk.cmd()
            .args(["tickets", "list", flag, &"é".repeat(30_000)])
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains(flag).and(contains(
                "at most 1000 characters are searched for; this is 30000",
            )));
    }
}

/// A filter no ticket of the view can match is refused, not answered with
/// an empty list that reads as "nothing to do": over HTTP a 422 naming the
/// parameter, on the command line a usage error naming the flag.
#[test]
fn filters_that_contradict_the_view_are_refused_by_name() {
    let desk = desk_with_tickets(desk!());
    for (args, flag, said) in [
        (
            &["--view", "unassigned", "--assignee", "bob"][..],
            "--assignee",
            "the unassigned view holds only tickets nobody is assigned to, never bob's",
        ),
        (
            &["--view", "resolved", "--status", "open"][..],
            "--status",
            "the resolved view holds only resolved tickets, never open ones",
        ),
        (
            &["--view", "resolved", "--status", "pending"][..],
            "--status",
            "the resolved view holds only resolved tickets, never pending ones",
        ),
    ] {
        desk.cmd()
            .args(["tickets", "list"])
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains(format!("error: {flag}: {said}")));
    }
    // What some ticket can match is listed as before.
    desk.run(&["tickets", "assign", "10001", "--to", "bob", "--force"]);
    desk.run(&["tickets", "resolve", "10002"]);
    assert_eq!(
        numbers(&desk, &["--view", "unassigned", "--status", "resolved"]),
        [10002]
    );
    assert_eq!(
        numbers(&desk, &["--view", "resolved", "--status", "resolved"]),
        [10002]
    );
    assert_eq!(
        numbers(&desk, &["--view", "all", "--assignee", "bob"]),
        [10001]
    );
    let server = desk.serve();
    let as_bob = format!("Bearer {}", desk.token("bob"));
    let as_alice = format!("Bearer {}", desk.token("alice"));
    for (path, bearer, field) in [
        (
            "/v1/tickets?view=unassigned&assignee=bob",
            &as_alice,
            "assignee",
        ),
        ("/v1/tickets?view=resolved&status=open", &as_alice, "status"),
        ("/v1/tickets?view=mine&assignee=alice", &as_bob, "assignee"),
        (
            "/v1/tickets/counts?by=status&view=unassigned&assignee=bob",
            &as_alice,
            "assignee",
        ),
    ] {
        let answer = server.raw("GET", path, &[("Authorization", bearer)], b"");
        assert_eq!(answer.status, 422, "{path}: {}", answer.body);
        assert_eq!(answer.json()["errors"][0]["field"], field, "{path}");
    }
    let mine = server.raw(
        "GET",
        "/v1/tickets?view=mine&assignee=bob",
        &[("Authorization", &as_bob)],
        b"",
    );
    assert_eq!(mine.status, 200, "{}", mine.body);
    assert_eq!(mine.json()["items"][0]["number"], 10001);
}

/// A blank search or requester is a usage error, not a filter that selects
/// every ticket: `-s "$unset" -o name | xargs deskctl tickets resolve --yes`
/// must not resolve them all.
#[test]
fn a_blank_search_or_requester_is_refused_not_taken_for_every_ticket() {
    let desk = desk_with_tickets(desk!());
    let every = desk.run(&["tickets", "list", "-o", "name"]);
    assert!(every.lines().count() > 1, "{every}");
    for flag in ["--search", "-s", "--requester"] {
        for blank in ["", "   ", "\t"] {
            desk.cmd()
                .args(["tickets", "list", "-o", "name", flag, blank])
                .assert()
                .code(2)
                .stdout("")
                .stderr(contains(
                    "nothing to look for: a blank text would select every ticket",
                ));
        }
    }
    // Spaces in a text that is not blank are searched for, as written.
    assert_eq!(numbers(&desk, &["--search", "parcel"]), [10004, 10001]);
    assert_eq!(numbers(&desk, &["--search", " parcel"]), [10001]);
}

/// Over HTTP a blank `q` or `requester` is refused, 422 naming it, as the
/// CLI's flags refuse it: the service dropped a blank `q`, so an API client's
/// unset variable listed (and counted) every ticket.
#[test]
fn a_blank_q_or_requester_is_refused_over_http() {
    let desk = desk_with_tickets(desk!());
    let token = desk.token("alice");
    let server = desk.serve();
    let bearer = format!("Bearer {token}");
    for path in ["/v1/tickets?", "/v1/tickets/counts?by=status&"] {
        for (field, blank) in [
            ("q", ""),
            ("q", "%20"),
            ("q", "%09"),
            ("requester", "%20%20"),
        ] {
            let query = format!("{path}{field}={blank}");
            let answer = server.raw("GET", &query, &[("Authorization", &bearer)], b"");
            assert_eq!(answer.status, 422, "{query}: {}", answer.body);
            let problem = answer.json();
            assert_eq!(problem["code"], "validation_failed", "{problem}");
            assert_eq!(problem["errors"][0]["field"], field, "{problem}");
            assert_eq!(
                problem["errors"][0]["message"],
                "nothing to look for: a blank text would select every ticket (leave the \
                 parameter out to list them all)",
                "{problem}"
            );
        }
    }
    let found = server.raw(
        "GET",
        "/v1/tickets?q=%20parcel",
        &[("Authorization", &bearer)],
        b"",
    );
    assert_eq!(found.status, 200, "{}", found.body);
    assert_eq!(
        found.json()["items"].as_array().unwrap().len(),
        1,
        "{}",
        found.body
    );
}

/// A handle, key or email longer than any can be, or a cursor longer than
/// any the service gives out, is bad input named by its parameter: a 422
/// over HTTP, a usage error on the command line.
#[test]
fn a_name_or_cursor_too_long_for_any_is_refused_by_name() {
    let desk = desk_with_tickets(desk!());
    let token = desk.token("alice");
    let server = desk.serve();
    let bearer = format!("Bearer {token}");
    let name = "a".repeat(255);
    let cursor = "1".repeat(201);
    let zeros = "0".repeat(201);
    let cases = [
        (
            "/v1/tickets?assignee=",
            &name,
            "assignee",
            "at most 254 characters",
        ),
        ("/v1/tickets?team=", &name, "team", "at most 254 characters"),
        (
            "/v1/tickets?agent=",
            &name,
            "agent",
            "at most 254 characters",
        ),
        (
            "/v1/tickets?cursor=",
            &cursor,
            "cursor",
            "at most 200 characters",
        ),
        (
            "/v1/tickets/counts?by=status&team=",
            &name,
            "team",
            "at most 254",
        ),
        (
            "/v1/handoffs?agent=",
            &name,
            "agent",
            "at most 254 characters",
        ),
        (
            "/v1/handoffs?cursor=",
            &cursor,
            "cursor",
            "at most 200 characters",
        ),
        ("/v1/tokens?cursor=tok_", &cursor, "cursor", "not a cursor"),
        // Digits with leading zeros would still parse as an outbox cursor.
        (
            "/v1/outbox?cursor=",
            &zeros,
            "cursor",
            "at most 200 characters",
        ),
        (
            "/v1/integrations/zendesk/deliveries?cursor=",
            &zeros,
            "cursor",
            "at most 200 characters",
        ),
    ];
    for (path, value, field, says) in cases {
        let path = format!("{path}{value}");
        let answer = server.raw("GET", &path, &[("Authorization", &bearer)], b"");
        assert_eq!(answer.status, 422, "{path}: {}", answer.body);
        let problem = answer.json();
        assert_eq!(problem["errors"][0]["field"], field, "{path}: {problem}");
        let message = problem["errors"][0]["message"].as_str().unwrap();
        assert!(message.contains(says), "{path}: {problem}");
    }
    let longest = format!("/v1/tickets?team={}", "a".repeat(254));
    let answer = server.raw("GET", &longest, &[("Authorization", &bearer)], b"");
    assert_eq!(answer.status, 200, "{}", answer.body);
    for (args, flag) in [
        (&["tickets", "list", "--assignee"][..], "--assignee"),
        (&["tickets", "list", "--team"][..], "--team"),
        (&["tickets", "list", "--agent"][..], "--agent"),
        (&["tickets", "triage", "--team"][..], "--team"),
        (&["handoff", "list", "--agent"][..], "--agent"),
    ] {
        desk.cmd()
            .args(args)
            .arg(&name)
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains(flag).and(contains("at most 254 characters")));
    }
}

#[test]
fn every_action_lands_on_the_timeline_in_order() {
    let desk = desk_with_tickets(desk!());
    desk.run(&["tickets", "assign", "10001", "--to", "alice"]);
    desk.run(&["tickets", "priority", "10001", "urgent"]);
    desk.cmd()
        .args(["tickets", "note", "10001", "--body-file", "-"])
        .write_stdin("Customer called twice.\n")
        .assert()
        .success();
    desk.run(&["tickets", "reply", "10001", "-m", "We are on it.", "--yes"]);
    desk.run(&["tickets", "takeover", "10001"]);
    desk.run(&[
        "tickets",
        "reply",
        "10001",
        "-m",
        "Hi, Alice here.",
        "--yes",
    ]);
    desk.run(&["tickets", "unassign", "10001"]);
    desk.run(&["tickets", "resolve", "10001"]);
    desk.run(&["tickets", "reopen", "10001"]);
    let detail = parse(&desk.run(&["tickets", "show", "10001", "-o", "json"]));
    let ticket = &detail["ticket"];
    assert_eq!(ticket["priority"], "urgent");
    assert_eq!(ticket["status"], "open");
    assert_eq!(ticket["ai_paused"], true);
    assert_eq!(ticket["assignee"], Value::Null);
    let entries: Vec<String> = detail["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            format!(
                "{}:{}:{}",
                e["kind"].as_str().unwrap(),
                e["event"].as_str().or(e["channel"].as_str()).unwrap_or("-"),
                e["body"].as_str().unwrap_or("")
            )
        })
        .collect();
    let tail: Vec<&str> = entries.iter().skip(4).map(String::as_str).collect();
    assert_eq!(
        tail,
        [
            "event:assigned:Assigned to alice",
            "event:priority-changed:Priority medium → urgent",
            "note:-:Customer called twice.",
            "message:email:We are on it.",
            "event:status-changed:Status open → pending",
            "event:taken-over:Taken over: the AI stops answering",
            "message:web:Hi, Alice here.",
            "event:unassigned:Unassigned from alice",
            "event:resolved:Resolved",
            "event:reopened:Reopened",
        ]
    );
    let seqs: Vec<u64> = detail["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["seq"].as_u64().unwrap())
        .collect();
    assert_eq!(seqs, (1..=seqs.len() as u64).collect::<Vec<_>>());
    desk.cmd()
        .args(["tickets", "show", "10001"])
        .assert()
        .success()
        .stdout(contains("Customer called twice."))
        .stdout(contains("[taken-over]"));
}

#[test]
fn an_action_already_done_is_a_no_op_that_says_so() {
    let desk = desk_with_tickets(desk!());
    desk.run(&["tickets", "resolve", "10001"]);
    let before = desk.run(&["tickets", "show", "10001", "-o", "json"]);
    desk.cmd()
        .args(["tickets", "resolve", "10001"])
        .assert()
        .code(0)
        .stderr(contains("ticket 10001 is already resolved: nothing to do"));
    assert_eq!(
        desk.run(&["tickets", "show", "10001", "-o", "json"]),
        before,
        "nothing changed, not even the last activity"
    );
    desk.cmd()
        .args(["tickets", "reopen", "10002"])
        .assert()
        .code(0)
        .stderr(contains("ticket 10002 is already open: nothing to do"));
    // So are unassigning an unassigned ticket and taking over one taken over.
    for (verb, already) in [
        (
            "unassign",
            "ticket 10002 is not assigned to anyone: nothing to do",
        ),
        (
            "takeover",
            "ticket 10002 is already taken over: nothing to do",
        ),
    ] {
        desk.run(&["tickets", verb, "10002"]);
        desk.cmd()
            .args(["tickets", verb, "10002"])
            .assert()
            .code(0)
            .stderr(contains(already));
    }
    // In bulk: one already resolved, one resolved now; both fine.
    desk.cmd()
        .args(["tickets", "resolve", "10001", "10002", "--yes"])
        .assert()
        .code(0)
        .stderr(contains("ticket 10001 is already resolved: nothing to do"))
        .stderr(contains("Resolved ticket 10002"));
    // A real conflict is still exit 6.
    desk.cmd()
        .args(["tickets", "assign", "10001", "--to", "bob"])
        .assert()
        .code(6);

    // The priority a ticket has, and the operator it is assigned to, are no
    // change either: nothing is recorded, not even a timeline line.
    desk.run(&["tickets", "reopen", "10002"]);
    desk.run(&["tickets", "priority", "10002", "high"]);
    desk.run(&["tickets", "assign", "10002", "--to", "bob"]);
    let before = desk.run(&["tickets", "show", "10002", "-o", "json"]);
    desk.cmd()
        .args(["tickets", "priority", "10002", "high"])
        .assert()
        .code(0)
        .stderr(contains(
            "ticket 10002 is already high priority: nothing to do",
        ));
    desk.cmd()
        .args(["tickets", "assign", "10002", "--to", "bob"])
        .assert()
        .code(0)
        .stderr(contains(
            "ticket 10002 is already assigned to bob: nothing to do",
        ));
    assert_eq!(
        desk.run(&["tickets", "show", "10002", "-o", "json"]),
        before,
        "the same priority and assignee again record nothing"
    );

    // The API answers a no-op with the ticket as it is.
    let token = desk.token("alice");
    let server = desk.serve();
    let response = server.raw(
        "POST",
        "/v1/tickets/10001/resolve",
        &[("Authorization", &format!("Bearer {token}"))],
        b"",
    );
    assert_eq!(response.status, 200, "{}", response.body);
    assert_eq!(response.json()["status"], "resolved");
    for (path, body) in [
        ("/v1/tickets/10002/priority", r#"{"priority":"high"}"#),
        ("/v1/tickets/10002/assign", r#"{"to":"bob"}"#),
    ] {
        let response = server.raw(
            "POST",
            path,
            &[
                ("Authorization", &format!("Bearer {token}")),
                ("Content-Type", "application/json"),
            ],
            body.as_bytes(),
        );
        assert_eq!(response.status, 200, "{path}: {}", response.body);
    }
    drop(server);
    assert_eq!(
        desk.run(&["tickets", "show", "10002", "-o", "json"]),
        before,
        "the API records nothing for them either"
    );
}

/// `-o json|jsonl|yaml|name` on a ticket write prints the ticket as the
/// service answered it, as every other write prints its object: one object
/// for a note, a reply or a priority, and for the verbs that take several tickets every
/// ticket not failed on, a JSON array even for one. For people nothing
/// changes: the status lines on stderr, stdout empty.
#[test]
fn ticket_writes_print_the_tickets_they_changed_for_a_script() {
    let desk = desk_with_tickets(desk!());

    let noted = parse(&desk.run(&["tickets", "note", "10001", "-m", "seen", "-o", "json"]));
    assert_eq!(noted["number"], 10001, "{noted}");
    assert_eq!(noted["status"], "open", "{noted}");

    let raised = parse(&desk.run(&["tickets", "priority", "10001", "urgent", "-o", "json"]));
    assert_eq!(raised["priority"], "urgent", "{raised}");
    // The verbs that take several tickets print an array, even of one.
    let taken_over = parse(&desk.run(&["tickets", "takeover", "10001", "-o", "json"]));
    assert_eq!(taken_over.as_array().unwrap().len(), 1, "{taken_over}");
    assert_eq!(taken_over[0]["ai_paused"], true, "{taken_over}");

    let resolved = desk.run(&[
        "tickets", "resolve", "10001", "10004", "--yes", "-o", "jsonl",
    ]);
    let resolved: Vec<Value> = resolved.lines().map(parse).collect();
    assert_eq!(resolved.len(), 2, "{resolved:?}");
    for (ticket, number) in resolved.iter().zip([10001, 10004]) {
        assert_eq!(ticket["number"], number);
        assert_eq!(ticket["status"], "resolved");
    }

    // Already so is printed as it is, with nothing changed.
    desk.cmd()
        .args(["tickets", "resolve", "10001", "-o", "name"])
        .assert()
        .code(0)
        .stdout("10001\n")
        .stderr(contains("ticket 10001 is already resolved: nothing to do"));

    let assigned = desk.run(&["tickets", "assign", "10002", "--to", "alice", "-o", "yaml"]);
    assert!(assigned.starts_with("- "), "a YAML list: {assigned}");
    assert!(assigned.contains("number: 10002"), "{assigned}");

    // A ticket that fails is left out, and the exit code is the failure's.
    let output = desk
        .cmd()
        .args(["tickets", "reopen", "10004", "99999", "--yes", "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(5), "{output:?}");
    let reopened = parse(std::str::from_utf8(&output.stdout).unwrap());
    assert_eq!(reopened.as_array().unwrap().len(), 1, "{reopened}");
    assert_eq!(reopened[0]["number"], 10004);
    assert_eq!(reopened[0]["status"], "open");

    // For people, piped: the status line alone.
    desk.cmd()
        .args(["tickets", "note", "10002", "-m", "again"])
        .assert()
        .code(0)
        .stdout("")
        .stderr(contains("Added a note to ticket 10002"));
}

#[test]
fn bad_actions_are_refused_with_the_documented_exit_codes() {
    let desk = desk_with_tickets(desk!());
    desk.run(&["tickets", "resolve", "10004"]);
    desk.run(&["operators", "availability", "carol", "away"]);
    let cases: &[(&[&str], i32, &str)] = &[
        (
            &["tickets", "show", "99999"],
            5,
            "ticket '99999' does not exist",
        ),
        (
            &["tickets", "assign", "10004", "--to", "bob"],
            6,
            "reopen it before you assign it",
        ),
        (
            &["tickets", "reply", "10004", "-m", "x", "--yes"],
            6,
            "resolved",
        ),
        (
            &["tickets", "assign", "10001", "--to", "zed"],
            5,
            "operator 'zed' does not exist",
        ),
        (
            &["tickets", "assign", "10001", "--to", "carol"],
            6,
            "carol is away",
        ),
        // Telegram without an email: no reply until the chat is taken over.
        (
            &["tickets", "reply", "10002", "-m", "hi", "--yes"],
            6,
            "take the chat over",
        ),
        // The service names the takeover; the CLI names its command.
        (
            &["tickets", "reply", "10002", "-m", "hi", "--yes"],
            6,
            "take the chat over first (the ticket's takeover) to reply live",
        ),
        (
            &["tickets", "reply", "10002", "-m", "hi", "--yes"],
            6,
            "hint: take the chat over with `deskctl tickets takeover NUMBER`",
        ),
        (
            &[
                "tickets",
                "reply",
                "10001",
                "-m",
                "hi",
                "--yes",
                "--channel",
                "telegram",
            ],
            6,
            "not telegram",
        ),
        (&["tickets", "reply", "10001", "-m", "hi"], 2, "--yes"),
        (&["tickets", "note", "10001"], 2, "--body"),
        (&["tickets", "note", "10001", "-m", "   "], 2, "empty"),
        (&["tickets", "priority", "10001", "critical"], 2, "critical"),
    ];
    for (args, code, message) in cases {
        desk.cmd()
            .args(*args)
            .assert()
            .code(*code)
            .stderr(contains(*message));
    }
    // A body over 20,000 characters, refused by the service (422, exit 1)
    // whichever verb sends it.
    let long = "x".repeat(20_001);
    for verb in [&["note", "10001"][..], &["reply", "10001", "--yes"]] {
        desk.cmd()
            .arg("tickets")
            .args(verb)
            .args(["-m", &long])
            .assert()
            .code(1)
            .stderr(contains("body: must be at most 20000 characters"));
    }
    let detail = parse(&desk.run(&["tickets", "show", "10001", "-o", "json"]));
    assert_eq!(detail["ticket"]["assignee"], Value::Null);
    assert_eq!(
        detail["timeline"].as_array().unwrap().len(),
        4,
        "nothing was added"
    );
    desk.run(&["tickets", "assign", "10001", "--to", "carol", "--force"]);
}

/// Sends a handoff from the shop on the web whose context is `context`.
fn send_with_context(desk: &Desk, context: Value) {
    let body = json!({
        "agent": "shop", "environment": "production", "channel": "web",
        "requester": {"name": "Fay"},
        "transcript": [{"role": "customer", "text": "About my plan"}],
        "context": context,
    });
    let path = desk.dir.path().join("context.json");
    std::fs::write(&path, body.to_string()).unwrap();
    desk.run(&["handoff", "send", "-f", common::path_str(&path)]);
}

/// [`desk_with_tickets`] with fields plan (dropdown), seats (number) and
/// vip (checkbox), and three tickets holding them: 10005 enterprise, 5
/// seats, vip; 10006 pro, 12 seats; 10007 enterprise, 12 seats, not vip.
fn desk_with_field_values(desk: Desk) -> Desk {
    let desk = desk_with_tickets(desk);
    desk.add_plan_fields();
    send_with_context(
        &desk,
        json!({"plan": "enterprise", "seats": 5, "vip": true}),
    ); // 10005
    send_with_context(&desk, json!({"plan": "pro", "seats": "12"})); // 10006
    send_with_context(
        &desk,
        json!({"plan": "enterprise", "seats": 12, "vip": "false"}),
    ); // 10007
    desk
}

/// Many long `--field` values come to a URL no service takes: refused
/// before anything is sent, as a usage error saying which limit, not the
/// service's or the HTTP library's "uri too long" as a failed answer.
#[test]
fn field_values_too_long_together_to_send_are_a_usage_error_naming_the_limit() {
    let desk = desk!();
    desk.seed();
    let value = "v".repeat(1_000);
    let mut args = vec!["tickets".to_string(), "list".to_string()];
    for i in 0..70 {
        args.extend(["--field".to_string(), format!("k{i}={value}")]);
    }
    let token = desk.token("alice");
    let server = desk.serve();
    let over_http = ["--server".to_string(), server.url.clone()];
    for extra in [&[][..], &over_http[..]] {
        let mut command = desk.cmd();
        if !extra.is_empty() {
            command = desk.elsewhere();
            command.env("DESKCTL_TOKEN", &token);
        }
        command
            .args(&args)
            .args(extra)
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains("error: the request's URL comes to "))
            .stderr(contains(
                "bytes, more than the 61440 a request to a Desk service may have",
            ))
            .stderr(contains("hint: filters are sent in the request's URL"))
            .stderr(contains("uri too long").not());
    }
    let log = server.log();
    assert!(!log.contains("/v1/tickets"), "nothing was sent: {log}");
}

#[test]
fn tickets_are_filtered_by_field_values_read_as_each_fields_type() {
    let desk = desk_with_field_values(desk!());
    assert_eq!(
        numbers(&desk, &["--field", "plan=enterprise"]),
        [10007, 10005]
    );
    // Read as the field's type: a number, a checkbox.
    assert_eq!(numbers(&desk, &["--field", "seats=12"]), [10007, 10006]);
    assert_eq!(numbers(&desk, &["--field", "seats=12.0"]), [10007, 10006]);
    assert_eq!(numbers(&desk, &["--field", "vip=true"]), [10005]);
    // Every condition must hold, and the other filters too.
    assert_eq!(
        numbers(
            &desk,
            &["--field", "plan=enterprise", "--field", "seats=12"]
        ),
        [10007]
    );
    assert_eq!(
        numbers(&desk, &["--field", "plan=pro", "--view", "resolved"]),
        Vec::<u64>::new()
    );
    let wide = desk.run(&["tickets", "list", "--field", "vip=true", "-o", "json"]);
    assert_eq!(parse(&wide)[0]["fields"]["plan"], "enterprise");
    // A key the desk has no field for is not found, with the nearest one;
    // a value the field's type cannot hold is a usage error naming the flag.
    desk.cmd()
        .args(["tickets", "list", "--field", "plna=pro"])
        .assert()
        .code(5)
        .stderr(contains(
            "error: the desk has no ticket field 'plna': did you mean 'plan'?",
        ));
    for (value, said) in [
        (
            "seats=many",
            "error: --field: seats is a number field: 'many' is not a number",
        ),
        (
            "plan=free",
            "'free' is not one of the options: pro, enterprise",
        ),
        ("Plan=pro", "'Plan' cannot be a ticket field's key"),
        ("plan", "'plan' is not KEY=VALUE"),
    ] {
        desk.cmd()
            .args(["tickets", "list", "--field", value])
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains(said));
    }
    // An option removed since: the tickets holding it are still found, and a
    // value no ticket holds and no option is still a usage error.
    desk.run(&[
        "fields", "set", "plan", "--option", "free", "--option", "pro",
    ]);
    assert_eq!(
        numbers(&desk, &["--field", "plan=enterprise"]),
        [10007, 10005]
    );
    desk.cmd()
        .args(["tickets", "list", "--field", "plan=enterprize"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains(
            "plan is a dropdown field: 'enterprize' is not one of the options: free, pro",
        ));
    // A field removed since: its values stay on the tickets, found as text.
    desk.run(&["fields", "remove", "plan", "--yes"]);
    assert_eq!(
        numbers(&desk, &["--field", "plan=enterprise"]),
        [10007, 10005]
    );
    // Over HTTP: `field` repeats, one condition each.
    let token = desk.token("alice");
    let server = desk.serve();
    let bearer = format!("Bearer {token}");
    let listed = |query: &str| -> Vec<u64> {
        let answer = server.raw(
            "GET",
            &format!("/v1/tickets?{query}"),
            &[("Authorization", &bearer)],
            b"",
        );
        assert_eq!(answer.status, 200, "{}", answer.body);
        answer.json()["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["number"].as_u64().unwrap())
            .collect()
    };
    assert_eq!(listed("field=seats%3D12&field=plan%3Denterprise"), [10007]);
    assert_eq!(listed("field=seats=5"), [10005]);
    let refused = server.raw(
        "GET",
        "/v1/tickets?field=seats%3Dmany",
        &[("Authorization", &bearer)],
        b"",
    );
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert_eq!(common::error_fields(&refused.json()), ["field"]);
}

/// The counts take the list's `field` conditions, read alike: each count's
/// total is the number of tickets the list gives, and a condition the list
/// refuses is refused with the same answer. Before, counts refused `field`
/// as an unknown parameter.
#[test]
fn counts_filter_by_field_values_as_the_list_does() {
    let desk = desk_with_field_values(desk!());
    let token = desk.token("alice");
    let server = desk.serve();
    let bearer = format!("Bearer {token}");
    let get = |path: &str| server.raw("GET", path, &[("Authorization", &bearer)], b"");
    for query in [
        "field=plan%3Denterprise",
        "field=seats=12",
        "field=seats%3D12&field=plan%3Denterprise",
        "field=vip%3Dtrue&view=resolved",
        "field=plan%3Dpro&status=open",
    ] {
        let listed = get(&format!("/v1/tickets?{query}"));
        assert_eq!(listed.status, 200, "{query}: {}", listed.body);
        let listed = listed.json()["items"].as_array().unwrap().len() as u64;
        for by in ["status", "team"] {
            let counted = get(&format!("/v1/tickets/counts?by={by}&{query}"));
            assert_eq!(counted.status, 200, "{query}: {}", counted.body);
            assert_eq!(counted.json()["total"], listed, "by={by}&{query}");
        }
    }
    let counted = get("/v1/tickets/counts?by=status&field=plan%3Denterprise").json();
    assert_eq!(counted["groups"][0], json!({"value": "open", "count": 2}));
    for (query, status) in [
        ("field=seats%3Dmany", 422),
        ("field=Plan%3Dpro", 422),
        ("field=plan", 400),
        (&format!("field=plan%3D{}", "x".repeat(1001)), 422),
    ] {
        let listed = get(&format!("/v1/tickets?{query}"));
        let counted = get(&format!("/v1/tickets/counts?by=status&{query}"));
        assert_eq!(listed.status, status, "{query}: {}", listed.body);
        assert_eq!(counted.status, status, "{query}: {}", counted.body);
        assert_eq!(counted.json(), listed.json(), "{query}");
    }
}

#[test]
fn tickets_are_sorted_by_activity_or_creation_and_every_page_follows_the_order() {
    let desk = desk_with_tickets(desk!());
    // A note and a new priority answer nobody: 10002 waits as long as before.
    desk.run(&["tickets", "note", "10002", "-m", "internal"]);
    desk.run(&["tickets", "priority", "10002", "low"]);
    assert_eq!(numbers(&desk, &[]), [10004, 10003, 10002, 10001]);
    desk.run(&["tickets", "reply", "10001", "-m", "On its way.", "--yes"]);
    assert_eq!(numbers(&desk, &[]), [10001, 10004, 10003, 10002]);
    for (sort, expected) in [
        ("-activity", [10001, 10004, 10003, 10002]),
        ("activity", [10002, 10003, 10004, 10001]),
        ("-created", [10004, 10003, 10002, 10001]),
        ("created", [10001, 10002, 10003, 10004]),
    ] {
        assert_eq!(numbers(&desk, &["--sort", sort]), expected, "--sort {sort}");
        assert_eq!(
            numbers(&desk, &[&format!("--sort={sort}"), "--limit", "2"]),
            expected[..2],
            "--sort={sort} --limit 2"
        );
        assert_eq!(
            numbers(&desk, &["--sort", sort, "--all", "--view", "unassigned"]),
            expected,
            "--sort {sort} --all"
        );
    }
    desk.cmd()
        .args(["tickets", "list", "--sort", "priority"])
        .assert()
        .code(2)
        .stderr(contains(
            "[possible values: -activity, activity, -created, created]",
        ));
    // Over HTTP, page by page: each order's cursor takes every ticket once,
    // and one order's cursor is no other's.
    let token = desk.token("alice");
    let server = desk.serve();
    let bearer = format!("Bearer {token}");
    let get = |query: &str| {
        let answer = server.raw(
            "GET",
            &format!("/v1/tickets?limit=1&{query}"),
            &[("Authorization", &bearer)],
            b"",
        );
        assert_eq!(answer.status, 200, "{query}: {}", answer.body);
        answer.json()
    };
    let encoded = |cursor: &str| cursor.replace(':', "%3A").replace('|', "%7C");
    let mut cursors = Vec::new();
    for (sort, expected) in [
        ("-activity", [10001, 10004, 10003, 10002]),
        ("activity", [10002, 10003, 10004, 10001]),
        ("-created", [10004, 10003, 10002, 10001]),
        ("created", [10001, 10002, 10003, 10004]),
    ] {
        let mut walked = Vec::new();
        let mut page = get(&format!("sort={sort}"));
        loop {
            walked.push(page["items"][0]["number"].as_u64().unwrap());
            let Some(cursor) = page["next_cursor"].as_str() else {
                break;
            };
            cursors.push((sort, cursor.to_string()));
            page = get(&format!("sort={sort}&cursor={}", encoded(cursor)));
        }
        assert_eq!(walked, expected, "sort={sort}");
    }
    for (sort, cursor) in &cursors {
        for other in ["-activity", "activity", "-created", "created"] {
            if other == *sort {
                continue;
            }
            let refused = server.raw(
                "GET",
                &format!("/v1/tickets?sort={other}&cursor={}", encoded(cursor)),
                &[("Authorization", &bearer)],
                b"",
            );
            assert_eq!(refused.status, 422, "{sort}'s cursor with sort={other}");
        }
    }
}

/// A WhatsApp handoff's ticket carries the customer's phone, trimmed as the
/// handoff's fields are: in `-o json` (the API's own ticket), in lists, and
/// in the detail under the name, with the platform's id for them.
#[test]
fn a_whatsapp_customers_phone_is_on_their_ticket() {
    let desk = desk_with_tickets(desk!());
    desk.run(&["actions", "set", "shop", "--channel", "whatsapp"]);
    let body = json!({
        "agent": "shop", "environment": "production", "channel": "whatsapp",
        "requester": {"name": "Rosa", "phone": " +34 600 123 456 ", "external-id": "wa-34600123456"},
        "transcript": [{"role": "customer", "text": "Call me please"}],
    });
    let path = desk.dir.path().join("whatsapp.json");
    std::fs::write(&path, body.to_string()).unwrap();
    desk.run(&["handoff", "send", "-f", common::path_str(&path)]);

    let detail = parse(&desk.run(&["tickets", "show", "10005", "-o", "json"]));
    assert_eq!(
        detail["ticket"]["requester"],
        json!({"name": "Rosa", "external-id": "wa-34600123456", "phone": "+34 600 123 456"})
    );
    let listed = parse(&desk.run(&["tickets", "list", "-o", "json"]));
    assert_eq!(listed[0]["number"], 10005);
    assert_eq!(listed[0]["requester"]["phone"], "+34 600 123 456");
    assert_eq!(listed[1]["requester"].get("phone"), None, "{listed}");

    let shown = desk.run(&["tickets", "show", "10005", "--no-pager"]);
    assert!(
        shown.contains(
            "Requester:     Rosa\nCustomer id:   wa-34600123456\nPhone:         +34 600 123 456\n\
             Assignee:"
        ),
        "{shown}"
    );
    // The handoff's record says so too, for managers.
    let handoff = detail["ticket"]["handoff"].as_str().unwrap();
    let shown = desk.run(&["handoff", "show", handoff]);
    assert!(
        shown.contains("Requester:       Rosa\nCustomer id:     wa-34600123456\nPhone:           +34 600 123 456\n"),
        "{shown}"
    );
    // Nothing to add for a customer known by their email only.
    let shown = desk.run(&["tickets", "show", "10001", "--no-pager"]);
    assert!(
        shown.contains("Requester:     Customer Where is my parcel <dana@example.com>\nAssignee:"),
        "{shown}"
    );
}

/// Runs `sql` on the desk's own database, as an older deskctl left it.
fn desk_sql(desk: &Desk, sql: &str) {
    match &desk.database {
        Some(database) => {
            database.sql(sql);
        }
        None => rusqlite::Connection::open(desk.path())
            .unwrap()
            .execute_batch(sql)
            .unwrap(),
    }
}

/// Tickets handed over before they kept the phone (SQLite's migration 32,
/// PostgreSQL's 22) take it from their handoff's record when the desk is
/// upgraded, trimmed as a handoff's is today (older deskctls stored it as
/// sent); a blank one, or none, leaves the ticket without.
#[test]
fn an_upgraded_desk_gives_handed_over_tickets_their_requesters_phone() {
    let desk = desk_with_tickets(desk!());
    let body = json!({
        "agent": "shop", "environment": "production", "channel": "telegram",
        "requester": {"name": "Rosa", "phone": "+34 600 123 456"},
        "transcript": [{"role": "customer", "text": "Call me please"}],
    });
    let path = desk.dir.path().join("telegram.json");
    std::fs::write(&path, body.to_string()).unwrap();
    desk.run(&["handoff", "send", "-f", common::path_str(&path)]); // 10005
    desk.run(&["handoff", "send", "-f", common::path_str(&path)]); // 10006
    let (version, untrimmed, blank) = match BACKEND {
        common::Backend::Sqlite => (
            32,
            "json_set(request, '$.requester.phone', ' +34 600 123 456' || char(10))",
            "json_set(request, '$.requester.phone', '  ')",
        ),
        common::Backend::Postgres => (
            22,
            "jsonb_set(request, '{requester,phone}', to_jsonb(E' +34 600 123 456\\n'::text))",
            "jsonb_set(request, '{requester,phone}', '\"  \"')",
        ),
    };
    desk_sql(
        &desk,
        &format!(
            "UPDATE handoffs SET request = {untrimmed} WHERE ticket_number = 10005; \
             UPDATE handoffs SET request = {blank} WHERE ticket_number = 10006; \
             DROP INDEX tickets_by_requester_phone; \
             ALTER TABLE tickets DROP COLUMN requester_phone; \
             DELETE FROM _sqlx_migrations WHERE version IN ({version}, {version} + 1);"
        ),
    );

    let listed = parse(&desk.run(&["tickets", "list", "-o", "json"]));
    let phones: Vec<(u64, Option<&str>)> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["number"].as_u64().unwrap(),
                t["requester"]["phone"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        phones,
        [
            (10006, None),
            (10005, Some("+34 600 123 456")),
            (10004, None),
            (10003, None),
            (10002, None),
            (10001, None),
        ]
    );
}

/// A WhatsApp customer is found as the operator types their number, and a
/// name sent with a tab or a line break is stored on one line, as tables
/// show it and `--requester` is typed.
#[test]
fn a_requester_is_found_by_phone_as_typed_and_by_the_name_a_table_shows() {
    let desk = desk_with_tickets(desk!());
    let body = json!({
        "agent": "shop", "environment": "production", "channel": "telegram",
        "requester": {"name": "Tab\tName\r\nHere\u{7}", "external-id": "tg-1",
                      "phone": "+49 151 12345678"},
        "transcript": [{"role": "customer", "text": "Call me please"}],
    });
    let path = desk.dir.path().join("telegram.json");
    std::fs::write(&path, body.to_string()).unwrap();
    desk.run(&["handoff", "send", "-f", common::path_str(&path)]); // 10005
    for who in ["+4915112345678", "+49 151 1234-5678", "Tab Name Here"] {
        let listed = desk.run(&["tickets", "list", "--requester", who, "-o", "name"]);
        assert_eq!(listed, "10005\n", "{who}");
    }
    let listed = desk.run(&[
        "tickets",
        "list",
        "--requester",
        "015112345678",
        "-o",
        "name",
    ]);
    assert_eq!(listed, "", "a national form is another number");
    let shown = parse(&desk.run(&["tickets", "show", "10005", "-o", "json"]));
    assert_eq!(shown["ticket"]["requester"]["name"], "Tab Name Here");
    let piped = desk.run(&["tickets", "list", "--requester", "tg-1"]);
    assert!(piped.contains("\tTab Name Here\t"), "{piped}");
}

/// Names stored with a tab, a line break or another control character
/// before intake cleaned them are cleaned when the desk is upgraded
/// (SQLite's migration 34, PostgreSQL's 24); a name of control characters
/// alone is kept, as it is all that names its customer.
#[test]
fn an_upgraded_desk_puts_stored_requester_names_on_one_line() {
    let desk = desk_with_tickets(desk!());
    let (version, tabbed, bell) = match BACKEND {
        common::Backend::Sqlite => (
            34,
            "' Dana' || char(9, 9) || 'Reyes' || char(13, 10) || 'Jr' || char(27) || ' '",
            "char(7)",
        ),
        common::Backend::Postgres => (24, "E' Dana\t\tReyes\r\nJr\x1b '", "E'\x07'"),
    };
    desk_sql(
        &desk,
        &format!(
            "UPDATE tickets SET requester_name = {tabbed} WHERE number = 10001; \
             UPDATE tickets SET requester_name = {bell} WHERE number = 10002; \
             DELETE FROM _sqlx_migrations WHERE version = {version};"
        ),
    );
    let listed = parse(&desk.run(&["tickets", "list", "-o", "json"]));
    let names: std::collections::BTreeMap<u64, &str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let name = t["requester"]["name"].as_str().unwrap();
            (t["number"].as_u64().unwrap(), name)
        })
        .collect();
    assert_eq!(names[&10001], "Dana Reyes Jr", "{names:?}");
    assert_eq!(names[&10002], "\u{7}", "{names:?}");
    assert!(names[&10003].starts_with("Customer "), "{names:?}");
    let found = desk.run(&["tickets", "list", "--requester", "Dana Reyes", "-o", "name"]);
    assert_eq!(found, "10001\n");
}

#[test]
fn show_includes_the_context_object_compact_in_key_order() {
    let desk = desk_with_tickets(desk!());
    let body = json!({
        "agent": "shop", "environment": "production", "channel": "web",
        "requester": {"name": "Fay"},
        "transcript": [{"role": "customer", "text": "Upgrade my plan"}],
        "context": {"plan": "enterprise", "order-id": 123, "notes": "n".repeat(140)},
    });
    let path = desk.dir.path().join("context.json");
    std::fs::write(&path, body.to_string()).unwrap();
    desk.run(&["handoff", "send", "-f", common::path_str(&path)]);
    let shown = desk.run(&["tickets", "show", "10005", "--no-pager"]);
    let context = format!(
        "Context:\n  notes: {}… (140 characters; -o json shows it whole)\n  order-id: 123\n  \
         plan: enterprise\nTimeline:",
        "n".repeat(100)
    );
    assert!(shown.contains(&context), "{shown}");
    // -o json has it whole.
    let detail = parse(&desk.run(&["tickets", "show", "10005", "-o", "json"]));
    assert_eq!(detail["ticket"]["context"]["notes"], "n".repeat(140));
    // A ticket without one says so.
    let shown = desk.run(&["tickets", "show", "10001", "--no-pager"]);
    assert!(shown.contains("Context:       -\n"), "{shown}");
}

#[test]
fn what_only_an_operator_can_do_is_a_usage_error_for_the_local_desk() {
    let desk = desk_with_tickets(desk!());
    // The local desk acts as its owner, who is no operator: other arguments
    // do it (exit 2, as `assign --me` is), and the message is the sentence,
    // without the API's field name in front of it.
    for (args, said) in [
        (
            &["tickets", "assign", "10001", "--me"][..],
            "error: --me needs an operator token",
        ),
        (
            &["tickets", "take", "10001"],
            "error: only an operator can take a ticket, and the local desk acts as its owner",
        ),
        (
            &["tickets", "list", "--view", "mine"],
            "error: the mine view is an operator's, and the local desk acts as its owner: \
             filter by assignee instead",
        ),
    ] {
        desk.cmd()
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains(said))
            .stderr(contains("operator:").not())
            .stderr(contains("view:").not());
    }
    assert_eq!(
        parse(&desk.run(&["tickets", "show", "10001", "-o", "json"]))["ticket"]["assignee"],
        Value::Null
    );
}

fn as_token(desk: &Desk, server: &Server, token: &str, args: &[&str]) -> assert_cmd::Command {
    let mut cmd = desk.cmd();
    cmd.env_remove("DESKCTL_DESK")
        .env("DESKCTL_TOKEN", token)
        .arg("--server")
        .arg(&server.url)
        .args(args);
    cmd
}

/// An operator's take of another team's ticket is refused even with --force
/// (exit 4), as `tickets take --help` says: --force is for a manager.
#[test]
fn take_help_says_whose_force_reaches_another_team() {
    let desk = desk_with_tickets(desk!());
    let help = desk.run(&["tickets", "take", "--help"]);
    assert!(help.contains("only a manager may take"), "{help}");
    assert!(
        help.contains("another team's is refused even with --force (exit 4)"),
        "{help}"
    );
    let bob = desk.token("bob");
    let server = desk.serve();
    as_token(
        &desk,
        &server,
        &bob,
        &["tickets", "take", "10003", "--force"],
    )
    .assert()
    .code(4)
    .stderr(contains("ticket 10003 is not in one of your teams"));
}

#[test]
fn operators_see_and_touch_only_what_their_role_allows() {
    let desk = desk_with_tickets(desk!());
    desk.run(&["tickets", "assign", "10002", "--to", "bob"]);
    desk.run(&["tickets", "assign", "10003", "--to", "carol"]);
    let bob = desk.token("bob");
    let carol = desk.token("carol");
    let manager_alice = desk.token("alice");
    let server = desk.serve();
    let list = |token: &str, args: &[&str]| -> Vec<u64> {
        let mut all = vec!["tickets", "list", "-o", "name"];
        all.extend_from_slice(args);
        let out = as_token(&desk, &server, token, &all).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| l.parse().unwrap())
            .collect()
    };
    // bob: his own ticket and support's unassigned ones; never billing's.
    assert_eq!(
        list(&bob, &[]),
        [10004, 10003, 10002, 10001]
            .into_iter()
            .filter(|n| *n != 10003)
            .collect::<Vec<_>>()
    );
    assert_eq!(list(&bob, &["--view", "mine"]), [10002]);
    assert_eq!(list(&carol, &[]), [10003]);
    assert_eq!(list(&manager_alice, &[]).len(), 4);
    as_token(&desk, &server, &bob, &["tickets", "show", "10003"])
        .assert()
        .code(4)
        .stderr(contains("not assigned to you"));
    as_token(&desk, &server, &bob, &["tickets", "resolve", "10003"])
        .assert()
        .code(4);
    as_token(
        &desk,
        &server,
        &bob,
        &["tickets", "assign", "10001", "--to", "alice"],
    )
    .assert()
    .code(4)
    .stderr(contains("who may assign tickets only to themselves"))
    .stderr(contains(
        "hint: take the ticket with `deskctl tickets take NUMBER` (or `deskctl tickets assign \
         NUMBER --me`)",
    ));
    as_token(&desk, &server, &bob, &["tickets", "resolve", "10001"])
        .assert()
        .code(4)
        .stderr(contains("only the ticket's assignee"));
    as_token(&desk, &server, &bob, &["tickets", "take", "10001"])
        .assert()
        .success();
    as_token(
        &desk,
        &server,
        &bob,
        &["tickets", "note", "10001", "-m", "mine now"],
    )
    .assert()
    .success();
    as_token(&desk, &server, &bob, &["tickets", "resolve", "10001"])
        .assert()
        .success();
    // An operator assigns to himself as he takes: an unassigned ticket of
    // his teams.
    as_token(
        &desk,
        &server,
        &bob,
        &["tickets", "assign", "10004", "--me"],
    )
    .assert()
    .success()
    .stderr(contains("Assigned to bob: ticket 10004"));
    assert_eq!(list(&bob, &["--view", "mine"]), [10004, 10002]);
    // A manager's assignment to herself takes the ticket from whoever has it.
    as_token(
        &desk,
        &server,
        &manager_alice,
        &["tickets", "assign", "10004", "--me"],
    )
    .assert()
    .success();
    assert_eq!(list(&manager_alice, &["--view", "mine"]), [10004]);
    // Taking a ticket someone holds says it is taken, not who holds it: bob
    // may not see a ticket assigned to another. His --me says the same.
    for verb in [&["take", "10004"][..], &["assign", "10004", "--me"]] {
        as_token(&desk, &server, &bob, &[&["tickets"][..], verb].concat())
            .assert()
            .code(6)
            .stderr(contains("ticket 10004 is already taken"))
            .stderr(contains("alice").not());
    }
}

#[test]
fn a_status_asked_for_takes_the_place_of_the_views_own_open_or_pending() {
    let desk = desk_with_tickets(desk!());
    desk.run(&["tickets", "assign", "10002", "--to", "bob"]);
    desk.run(&["tickets", "assign", "10004", "--to", "bob"]);
    desk.run(&["tickets", "resolve", "10001", "10002", "--yes"]);
    let bob = desk.token("bob");
    let server = desk.serve();
    let list = |args: &[&str]| -> String {
        let mut all = vec!["tickets", "list", "-o", "name"];
        all.extend_from_slice(args);
        let out = as_token(&desk, &server, &bob, &all).output().unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(list(&["--view", "mine"]), "10004\n");
    assert_eq!(list(&["--view", "mine", "--status", "resolved"]), "10002\n");
    assert_eq!(list(&["--view", "mine", "--status", "open"]), "10004\n");
    assert_eq!(
        list(&["--view", "unassigned", "--status", "resolved"]),
        "10001\n"
    );
    // `resolved` is a status of its own: another one could select nothing,
    // and is refused as a contradiction (filters_that_contradict_the_view_…).
    as_token(
        &desk,
        &server,
        &bob,
        &["tickets", "list", "--view", "resolved", "--status", "open"],
    )
    .assert()
    .code(2)
    .stderr(contains(
        "--status: the resolved view holds only resolved tickets",
    ));
}

#[test]
fn taking_or_assigning_a_ticket_to_whoever_has_it_is_nothing_to_do() {
    let desk = desk_with_tickets(desk!());
    // A lead gives bob (support) a billing ticket: it is his, though not in
    // his teams.
    desk.run(&["tickets", "assign", "10003", "--to", "bob", "--force"]);
    let before = desk.run(&["tickets", "show", "10003", "-o", "json"]);
    desk.cmd()
        .args(["tickets", "assign", "10003", "--to", "bob"])
        .assert()
        .code(0)
        .stderr(contains(
            "ticket 10003 is already assigned to bob: nothing to do",
        ))
        .stderr(contains("Assigned").not());
    let bob = desk.token("bob");
    let server = desk.serve();
    as_token(&desk, &server, &bob, &["tickets", "take", "10003"])
        .assert()
        .code(0)
        .stderr(contains("ticket 10003 is already yours: nothing to do"));
    // The API answers it with the ticket as it is.
    let response = server.raw(
        "POST",
        "/v1/tickets/10003/take",
        &[("Authorization", &format!("Bearer {bob}"))],
        b"",
    );
    assert_eq!(response.status, 200, "{}", response.body);
    assert_eq!(response.json()["assignee"], "bob");
    drop(server);
    assert_eq!(
        desk.run(&["tickets", "show", "10003", "-o", "json"]),
        before,
        "nothing was recorded"
    );
}

#[test]
fn two_operators_taking_the_same_ticket_at_once_one_wins() {
    let desk = desk_with_tickets(desk!());
    let alice = desk.token("alice");
    let bob = desk.token("bob");
    let server = desk.serve();
    for number in ["10001", "10002", "10004"] {
        let children: Vec<_> = [&alice, &bob]
            .iter()
            .map(|token| {
                let mut cmd = desk.std_cmd();
                cmd.env_remove("DESKCTL_DESK")
                    .env("DESKCTL_TOKEN", token.as_str())
                    .args(["--server", &server.url, "tickets", "take", number])
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::piped());
                cmd.spawn().unwrap()
            })
            .collect();
        let codes: Vec<i32> = children
            .into_iter()
            .map(|c| c.wait_with_output().unwrap().status.code().unwrap())
            .collect();
        let mut sorted = codes.clone();
        sorted.sort();
        assert_eq!(sorted, [0, 6], "ticket {number}: exit codes {codes:?}");
    }
}

/// A handoff, as `desk_with_tickets` sends them, from `customer` on the web.
fn web_handoff(customer: &str, text: &str) -> Value {
    json!({
        "agent": "shop", "environment": "production", "channel": "web",
        "requester": {"name": "Dana", "email": customer},
        "transcript": [{"role": "customer", "text": text}],
        "reason": "explicit-request",
    })
}

/// `method path` with `token`, the body as JSON.
fn send(
    server: &Server,
    token: &str,
    method: &str,
    path: &str,
    body: &Value,
) -> common::RawResponse {
    let auth = format!("Bearer {token}");
    let body = match body {
        Value::Null => Vec::new(),
        body => serde_json::to_vec(body).unwrap(),
    };
    server.raw(
        method,
        path,
        &[
            ("Authorization", &auth),
            ("Content-Type", "application/json"),
        ],
        &body,
    )
}

/// Ingest token `name` made on `desk`.
fn ingest_token(desk: &Desk, name: &str) -> String {
    desk.run(&["tokens", "create", "--ingest", "--name", name])
        .trim()
        .to_string()
}

/// Two AI platforms' ingest tokens and the desk served, each platform having
/// handed over one of dana's conversations: ticket 10005 is the first's,
/// 10006 the second's.
fn two_platforms(desk: &Desk) -> (String, String, Server) {
    let first = ingest_token(desk, "platform-a");
    let second = ingest_token(desk, "platform-b");
    let server = desk.serve();
    for (token, number) in [(&first, 10005), (&second, 10006)] {
        let sent = send(
            &server,
            token,
            "POST",
            "/v1/handoffs",
            &web_handoff("dana@example.com", "Where is my refund?"),
        );
        assert_eq!(sent.json()["ticket"], number, "{}", sent.body);
    }
    (first, second, server)
}

/// An ingest token made on `desk`, the desk served, and dana's conversation
/// handed over with that token: ticket 10005.
fn handed_over_by_a_platform(desk: &Desk) -> (String, Server) {
    let ingest = ingest_token(desk, "ai");
    let server = desk.serve();
    let sent = send(
        &server,
        &ingest,
        "POST",
        "/v1/handoffs",
        &web_handoff("dana@example.com", "Still no parcel"),
    );
    assert_eq!(sent.json()["ticket"], 10005, "{}", sent.body);
    (ingest, server)
}

#[test]
fn the_ai_platform_appends_messages_and_learns_of_a_takeover() {
    let desk = desk_with_tickets(desk!());
    let (ingest, server) = handed_over_by_a_platform(&desk);
    let append = |text: &str| {
        send(
            &server,
            &ingest,
            "POST",
            "/v1/tickets/10005/conversation",
            &json!({"messages": [{"role": "customer", "text": text}, {"role": "ai", "text": "Still here."}]}),
        )
    };
    // Answered, the ticket waits on the customer; their next message reopens it.
    desk.run(&[
        "tickets",
        "reply",
        "10005",
        "-m",
        "Looking into it.",
        "--yes",
    ]);
    let response = append("Any news?");
    assert_eq!(response.status, 200, "{}", response.body);
    assert_eq!(
        response.json(),
        json!({"ticket": 10005, "ai_paused": false, "status": "open"})
    );
    desk.run(&["tickets", "takeover", "10005"]);
    assert_eq!(append("Hello?").json()["ai_paused"], true);
    let timeline =
        parse(&desk.run(&["tickets", "show", "10005", "-o", "json"]))["timeline"].clone();
    let bodies: Vec<&str> = timeline
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["body"].as_str())
        .collect();
    assert!(
        bodies.contains(&"Status pending → open: the customer wrote again"),
        "{bodies:?}"
    );
    assert!(
        bodies.contains(&"Any news?") && bodies.contains(&"Hello?"),
        "{bodies:?}"
    );

    // The customer's own tickets, as the widget lists them: with a
    // requester token the ingest token mints for dana, never with the
    // ingest token itself.
    let refused = send(
        &server,
        &ingest,
        "GET",
        "/v1/requesters/dana@example.com/tickets",
        &Value::Null,
    );
    assert_eq!(refused.status, 403, "{}", refused.body);
    let minted = send(
        &server,
        &ingest,
        "POST",
        "/v1/requesters/tokens",
        &json!({"requester": "dana@example.com"}),
    );
    assert_eq!(minted.status, 201, "{}", minted.body);
    let dana = minted.json()["token"].as_str().unwrap().to_string();
    let listed = || -> Vec<(u64, String)> {
        let response = send(
            &server,
            &dana,
            "GET",
            "/v1/requesters/me/tickets",
            &Value::Null,
        );
        assert_eq!(response.status, 200, "{}", response.body);
        response.json()["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                (
                    t["number"].as_u64().unwrap(),
                    t["status"].as_str().unwrap().into(),
                )
            })
            .collect()
    };
    // Dana's tickets 10001 and 10004 came from handoffs a person sent:
    // they are not this platform's to list.
    assert_eq!(listed(), [(10005, "open".to_string())]);
    desk.run(&["tickets", "resolve", "10005"]);
    assert_eq!(listed(), [(10005, "resolved".to_string())]);
    let resolved = append("after");
    assert_eq!(resolved.status, 409);
}

/// The customer's own view shows when their ticket last moved: a note, a
/// new priority, an assignment or a takeover is never shown to them, and
/// neither is its time. The queue sorted by activity follows the same time,
/// so an internal note does not put a customer still waiting for an answer
/// behind the others.
#[test]
fn only_what_the_customer_sees_happen_moves_the_last_activity() {
    let desk = desk_with_tickets(desk!());
    let (ingest, server) = handed_over_by_a_platform(&desk);
    let minted = send(
        &server,
        &ingest,
        "POST",
        "/v1/requesters/tokens",
        &json!({"requester": "dana@example.com"}),
    );
    let dana = minted.json()["token"].as_str().unwrap().to_string();
    let seen_by_dana = || {
        let mine = send(
            &server,
            &dana,
            "GET",
            "/v1/requesters/me/tickets",
            &Value::Null,
        );
        assert_eq!(mine.status, 200, "{}", mine.body);
        let activity = mine.json()["items"][0]["last_activity_at"]
            .as_str()
            .unwrap()
            .to_string();
        activity.parse::<jiff::Timestamp>().unwrap()
    };
    let waited_longest = || numbers(&desk, &["--sort", "activity"]);
    let handed_over = seen_by_dana();
    assert_eq!(waited_longest(), [10001, 10002, 10003, 10004, 10005]);

    desk.run(&["tickets", "note", "10005", "-m", "internal"]);
    desk.run(&["tickets", "priority", "10005", "low"]);
    desk.run(&["tickets", "assign", "10005", "--to", "bob"]);
    desk.run(&["tickets", "takeover", "10005"]);
    desk.run(&["tickets", "note", "10001", "-m", "still looking"]);
    assert_eq!(seen_by_dana(), handed_over);
    assert_eq!(waited_longest(), [10001, 10002, 10003, 10004, 10005]);
    let shown = parse(&desk.run(&["tickets", "show", "10005", "-o", "json"]));
    assert_eq!(
        shown["ticket"]["last_activity_at"]
            .as_str()
            .unwrap()
            .parse::<jiff::Timestamp>()
            .unwrap(),
        handed_over,
        "staff read the same time"
    );

    desk.run(&["tickets", "reply", "10001", "-m", "Found it.", "--yes"]);
    assert_eq!(waited_longest(), [10002, 10003, 10004, 10005, 10001]);
    desk.run(&["tickets", "reply", "10005", "-m", "On its way.", "--yes"]);
    let replied = seen_by_dana();
    assert!(replied > handed_over, "{replied} after {handed_over}");
    desk.run(&["tickets", "resolve", "10005"]);
    assert!(seen_by_dana() > replied, "the status change is seen");
}

/// A cursor is read whole before any ticket is: one whose time is no time
/// (a month 13, a day 45) is refused as not given out, in every order's
/// shape, as one that is no cursor at all, on both backends alike.
#[test]
fn a_cursor_whose_time_is_no_time_is_refused_in_every_order() {
    let desk = desk_with_tickets(desk!());
    let token = desk.token("alice");
    let server = desk.serve();
    let get = |query: &str| {
        server.raw(
            "GET",
            &format!("/v1/tickets?limit=3&{query}"),
            &[("Authorization", &format!("Bearer {token}"))],
            b"",
        )
    };
    for (sort, prefix) in [
        ("-activity", ""),
        ("activity", "activity%3A"),
        ("-created", "-created%3A"),
        ("created", "created%3A"),
    ] {
        for time in [
            "2026-13-45T99%3A99%3A99Z",
            "9999-99-99T00%3A00%3A00Z",
            "2026-02-30T00%3A00%3A00Z",
            "zzzz",
        ] {
            let query = format!("sort={sort}&cursor={prefix}{time}%7C10003");
            let refused = get(&query);
            assert_eq!(refused.status, 422, "{query}: {}", refused.body);
            assert_eq!(refused.json()["errors"][0]["field"], "cursor", "{query}");
        }
        // A cursor written with a whole second reads as that instant.
        let query = format!("sort={sort}&cursor={prefix}2026-01-01T00%3A00%3A00Z%7C10003");
        let read = get(&query);
        assert_eq!(read.status, 200, "{query}: {}", read.body);
    }
}

/// Two AI platforms share the desk, each with its own ingest token: each
/// adds to the conversations of the tickets its own handoffs opened, and to
/// no other: another platform's ticket, one a person handed over and one
/// from the support inbox are not found, as a ticket that does not exist,
/// and nothing is added to them. A requester token lists what the platform
/// that minted it handed over, and no other ticket of the customer's. A
/// manager still adds to any ticket and lists all of them.
#[test]
fn an_ingest_token_touches_and_lists_only_the_tickets_its_own_handoffs_opened() {
    let desk = desk_with_tickets(desk!());
    let (first, second, server) = two_platforms(&desk);
    desk.run(&["assignment", "set", "--support-inbox", "help@example.com"]);
    let owner = desk.token("alice");
    // The first platform relays the support inbox's mail too: the ticket
    // that opens is the inbox's all the same, not the platform's.
    let email = send(
        &server,
        &first,
        "POST",
        "/v1/inbound/email",
        &json!({"from": "dana@example.com", "to": "help@example.com",
                "subject": "Refund", "text": "By email.", "message-id": "<m1@example.com>"}),
    );
    assert_eq!(email.json()["ticket"], 10007, "{}", email.body);

    let append = |token: &str, number: u64| {
        send(
            &server,
            token,
            "POST",
            &format!("/v1/tickets/{number}/conversation"),
            &json!({"messages": [{"role": "customer", "text": "Send the refund to IBAN XX00"}]}),
        )
    };
    let not_found = |response: common::RawResponse, number: u64| {
        assert_eq!(response.status, 404, "{number}: {}", response.body);
        let problem = response.json();
        assert_eq!(problem["code"], "ticket_not_found");
        assert_eq!(
            problem["detail"],
            format!("ticket '{number}' does not exist")
        );
        assert!(problem.get("ai_paused").is_none(), "{problem}");
    };
    not_found(append(&second, 99_999), 99_999);
    not_found(append(&second, 10005), 10005);
    not_found(append(&first, 10006), 10006);
    not_found(append(&first, 10001), 10001);
    not_found(append(&first, 10007), 10007);
    for number in [10001, 10005, 10006, 10007] {
        let shown = parse(&desk.run(&["tickets", "show", &number.to_string(), "-o", "json"]));
        assert!(
            !shown["timeline"].to_string().contains("IBAN"),
            "{number}: {shown}"
        );
    }
    // Resolved, another platform's ticket is still not found, not resolved.
    desk.run(&["tickets", "resolve", "10005"]);
    not_found(append(&second, 10005), 10005);
    assert_eq!(append(&first, 10005).json()["code"], "ticket_resolved");
    let own = append(&second, 10006);
    assert_eq!(own.status, 200, "{}", own.body);
    assert_eq!(
        own.json(),
        json!({"ticket": 10006, "ai_paused": false, "status": "open"})
    );
    // Managers and owners add to any ticket, the support inbox's too.
    assert_eq!(append(&owner, 10007).status, 200);

    let listed = |token: &str| -> Vec<u64> {
        let minted = send(
            &server,
            token,
            "POST",
            "/v1/requesters/tokens",
            &json!({"requester": "dana@example.com"}),
        );
        let dana = minted.json()["token"].as_str().unwrap().to_string();
        let mine = send(
            &server,
            &dana,
            "GET",
            "/v1/requesters/me/tickets",
            &Value::Null,
        );
        assert_eq!(mine.status, 200, "{}", mine.body);
        mine.json()["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["number"].as_u64().unwrap())
            .collect()
    };
    assert_eq!(listed(&first), [10005]);
    assert_eq!(listed(&second), [10006]);
    let staff = send(
        &server,
        &owner,
        "GET",
        "/v1/requesters/dana@example.com/tickets",
        &Value::Null,
    );
    let every: Vec<u64> = staff.json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["number"].as_u64().unwrap())
        .collect();
    assert_eq!(every, [10007, 10006, 10005, 10004, 10001]);
}

/// A platform that sends messages again after a timeout, with the same
/// Idempotency-Key, adds them once: the key and body already accepted answer
/// the ticket as it stands and add nothing, whatever happened to it since.
/// The key with other messages, from another platform, or with a malformed
/// value is refused and adds nothing; on another platform's ticket it is not
/// found, as without a key.
#[test]
fn the_same_messages_sent_again_with_their_idempotency_key_are_added_once() {
    let desk = desk_with_tickets(desk!());
    let (first, second, server) = two_platforms(&desk);
    let append = |token: &str, number: u64, key: &str, text: &str| {
        let auth = format!("Bearer {token}");
        server.raw(
            "POST",
            &format!("/v1/tickets/{number}/conversation"),
            &[
                ("Authorization", &auth),
                ("Content-Type", "application/json"),
                ("Idempotency-Key", key),
            ],
            json!({"messages": [{"role": "customer", "text": text}]})
                .to_string()
                .as_bytes(),
        )
    };
    let times = |number: u64, text: &str| {
        let shown = parse(&desk.run(&["tickets", "show", &number.to_string(), "-o", "json"]));
        shown["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["body"] == text)
            .count()
    };
    let sent = append(&first, 10005, "c1", "Any news?");
    assert_eq!(sent.status, 200, "{}", sent.body);
    let again = append(&first, 10005, "c1", "Any news?");
    assert_eq!(again.status, 200, "{}", again.body);
    assert_eq!(again.json(), sent.json());
    assert_eq!(times(10005, "Any news?"), 1);
    // Handoffs' keys are apart: one may be the same as an append's.
    let auth = format!("Bearer {first}");
    let handoff = server.raw(
        "POST",
        "/v1/handoffs",
        &[
            ("Authorization", &auth),
            ("Content-Type", "application/json"),
            ("Idempotency-Key", "c1"),
        ],
        web_handoff("erin@example.com", "Hello")
            .to_string()
            .as_bytes(),
    );
    assert_eq!(handoff.status, 201, "{}", handoff.body);

    // Taken over since: the replay tells the AI to stop, and adds nothing.
    desk.run(&["tickets", "takeover", "10005"]);
    let replayed = append(&first, 10005, "c1", "Any news?");
    assert_eq!(
        replayed.json(),
        json!({"ticket": 10005, "ai_paused": true, "status": "open"})
    );
    assert_eq!(times(10005, "Any news?"), 1);

    let reused = append(&first, 10005, "c1", "Something else");
    assert_eq!(reused.status, 409, "{}", reused.body);
    assert_eq!(reused.json()["code"], "idempotency_key_reused");
    assert_eq!(times(10005, "Something else"), 0);
    // Another platform's key on its own ticket is a reused key, and on the
    // first platform's ticket no ticket at all.
    let theirs = append(&second, 10006, "c1", "Any news?");
    assert_eq!(theirs.json()["code"], "idempotency_key_reused");
    assert_eq!(times(10006, "Any news?"), 0);
    let foreign = append(&second, 10005, "c1", "Any news?");
    assert_eq!(foreign.status, 404, "{}", foreign.body);
    assert_eq!(foreign.json()["code"], "ticket_not_found");
    for bad in ["", &"k".repeat(201)] {
        let refused = append(&first, 10005, bad, "Bad key");
        assert_eq!(refused.status, 422, "{}", refused.body);
        assert_eq!(common::error_fields(&refused.json()), ["Idempotency-Key"]);
    }
    assert_eq!(times(10005, "Bad key"), 0);

    // Resolved since: the replay answers as it stands; new messages are refused.
    desk.run(&["tickets", "resolve", "10005"]);
    let replayed = append(&first, 10005, "c1", "Any news?");
    assert_eq!(replayed.status, 200, "{}", replayed.body);
    assert_eq!(replayed.json()["status"], "resolved");
    assert_eq!(
        append(&first, 10005, "c2", "Hello?").json()["code"],
        "ticket_resolved"
    );
    // The refused append kept no key: once reopened, it is added.
    desk.run(&["tickets", "reopen", "10005"]);
    assert_eq!(append(&first, 10005, "c2", "Hello?").status, 200);
    assert_eq!(times(10005, "Hello?"), 1);

    // A person's key is theirs, as a reply's is: the same messages with
    // the same key from another manager are a reused key, not a replay of
    // the first manager's append.
    desk.run(&[
        "operators",
        "add",
        "mia",
        "--name",
        "Mia",
        "--email",
        "mia@example.com",
        "--role",
        "manager",
    ]);
    let (alice, mia) = (desk.token("alice"), desk.token("mia"));
    assert_eq!(append(&alice, 10005, "m1", "From staff").status, 200);
    let others = append(&mia, 10005, "m1", "From staff");
    assert_eq!(others.status, 409, "{}", others.body);
    assert_eq!(others.json()["code"], "idempotency_key_reused");
    assert_eq!(times(10005, "From staff"), 1);
}

/// An operator's reply sent again with its Idempotency-Key (a retry after a
/// timeout) goes out once: the key and body already accepted answer the
/// ticket as it stands and queue nothing. The key with another text, as a
/// note, or from another operator is refused and sends nothing; a note sent
/// again with its key is added once.
#[test]
fn a_reply_sent_again_with_its_idempotency_key_goes_out_once() {
    let desk = desk_with_tickets(desk!());
    desk.run(&[
        "operators",
        "add",
        "mia",
        "--name",
        "Mia",
        "--email",
        "mia@example.com",
        "--role",
        "manager",
    ]);
    let (_ingest, server) = handed_over_by_a_platform(&desk);
    let alice = desk.token("alice");
    let mia = desk.token("mia");
    let write = |token: &str, verb: &str, key: &str, text: &str| {
        let auth = format!("Bearer {token}");
        server.raw(
            "POST",
            &format!("/v1/tickets/10005/{verb}"),
            &[
                ("Authorization", &auth),
                ("Content-Type", "application/json"),
                ("Idempotency-Key", key),
            ],
            json!({ "body": text }).to_string().as_bytes(),
        )
    };
    let times = |text: &str| {
        let shown = parse(&desk.run(&["tickets", "show", "10005", "-o", "json"]));
        shown["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["body"].as_str().is_some_and(|b| b.trim() == text))
            .count()
    };
    let queued = || {
        let listed = parse(&desk.run(&["outbox", "list", "--ticket", "10005", "-o", "json"]));
        listed.as_array().map_or(0, Vec::len)
    };
    let text = "Your refund is on its way";
    let sent = write(&alice, "messages", "r1", text);
    assert_eq!(sent.status, 200, "{}", sent.body);
    assert_eq!(queued(), 1);
    let again = write(&alice, "messages", "r1", text);
    assert_eq!(again.status, 200, "{}", again.body);
    assert_eq!(again.json()["number"], 10005);
    assert_eq!(times(text), 1);
    assert_eq!(queued(), 1);

    for (token, verb, body) in [
        (&alice, "messages", "Something else"),
        (&alice, "notes", text),
        (&mia, "messages", text),
    ] {
        let reused = write(token, verb, "r1", body);
        assert_eq!(reused.status, 409, "{verb} {body}: {}", reused.body);
        assert_eq!(reused.json()["code"], "idempotency_key_reused");
    }
    assert_eq!(times("Something else"), 0);
    assert_eq!(times(text), 1);
    assert_eq!(queued(), 1);
    let refused = write(&alice, "messages", "a b", "Bad key");
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert_eq!(common::error_fields(&refused.json()), ["Idempotency-Key"]);
    assert_eq!(times("Bad key"), 0);

    for _ in 0..2 {
        let noted = write(&mia, "notes", "n1", "Refund approved by finance");
        assert_eq!(noted.status, 200, "{}", noted.body);
    }
    assert_eq!(times("Refund approved by finance"), 1);
}

/// One append holds at most as many messages as a handoff's transcript
/// (1000), refused as the handoff is: 413 `transcript_too_large` naming
/// `messages`, adding nothing and keeping no idempotency key. Before, the
/// number was bounded by the body size only, some 40,000 short messages.
#[test]
fn an_append_of_more_messages_than_a_transcript_holds_is_refused_whole() {
    let desk = desk_with_tickets(desk!());
    let (first, _, server) = two_platforms(&desk);
    let append = |count: usize| {
        let auth = format!("Bearer {first}");
        let messages = vec![json!({"role": "customer", "text": "again"}); count];
        server.raw(
            "POST",
            "/v1/tickets/10005/conversation",
            &[
                ("Authorization", &auth),
                ("Content-Type", "application/json"),
                ("Idempotency-Key", "many"),
            ],
            json!({ "messages": messages }).to_string().as_bytes(),
        )
    };
    let before = desk.run(&["tickets", "show", "10005", "-o", "json"]);
    let refused = append(1001);
    assert_eq!(refused.status, 413, "{}", refused.body);
    let problem = refused.json();
    assert_eq!(problem["code"], "transcript_too_large", "{problem}");
    assert_eq!(common::error_fields(&problem), ["messages"]);
    assert_eq!(
        problem["detail"],
        "the append has 1001 messages; at most 1000 are accepted at once: send the rest \
         in another append"
    );
    assert_eq!(
        desk.run(&["tickets", "show", "10005", "-o", "json"]),
        before
    );
    // The key was kept for nothing: the same key with fewer messages is new.
    let taken = append(2);
    assert_eq!(taken.status, 200, "{}", taken.body);
    let shown = parse(&desk.run(&["tickets", "show", "10005", "-o", "json"]));
    let added = shown["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["body"] == "again")
        .count();
    assert_eq!(added, 2, "{shown}");
}

/// An ingest token takes no operator's action on a ticket: each is refused
/// for its role, in the same words as every route it may not use, before the
/// ticket is looked up, so a ticket that does not exist answers the same.
#[test]
fn an_ingest_token_is_refused_every_operator_action_alike_whether_the_ticket_exists() {
    let desk = desk_with_tickets(desk!());
    let ingest = ingest_token(&desk, "ai");
    let server = desk.serve();
    let mut problems = Vec::new();
    for number in [10001, 99999] {
        for (method, action, body) in [
            ("GET", "", ""),
            ("POST", "/take", ""),
            ("POST", "/unassign", ""),
            ("POST", "/takeover", ""),
            ("POST", "/resolve", ""),
            ("POST", "/reopen", ""),
            ("POST", "/assign", r#"{"to": "alice"}"#),
            ("POST", "/priority", r#"{"priority": "urgent"}"#),
            ("POST", "/notes", r#"{"body": "Note"}"#),
            ("POST", "/messages", r#"{"body": "Reply"}"#),
        ] {
            let body = serde_json::from_str(body).unwrap_or(Value::Null);
            let path = format!("/v1/tickets/{number}{action}");
            let response = send(&server, &ingest, method, &path, &body);
            assert_eq!(
                response.status, 403,
                "{method} {number}{action}: {}",
                response.body
            );
            problems.push(response.json());
        }
    }
    assert_eq!(problems[0]["code"], "forbidden");
    assert_eq!(
        problems[0]["detail"],
        "ingest tokens may only send handoffs and inbound email and read handover status"
    );
    assert!(problems.iter().all(|p| *p == problems[0]), "{problems:#?}");
    let ticket = parse(&desk.run(&["tickets", "show", "10001", "-o", "json"]))["ticket"].clone();
    assert_eq!(
        (&ticket["assignee"], &ticket["status"], &ticket["priority"]),
        (&Value::Null, &json!("open"), &json!("medium"))
    );
}

#[test]
fn a_write_to_a_ticket_the_caller_may_not_reach_is_refused_before_its_body_is_read() {
    let desk = desk_with_tickets(desk!());
    desk.run(&["tickets", "assign", "10004", "--to", "alice"]);
    let bob = desk.token("bob");
    let carol = desk.token("carol");
    let (first, second, server) = two_platforms(&desk);
    let before = parse(&desk.run(&["tickets", "list", "--all", "-o", "json"]));
    let writes = ["assign", "priority", "notes", "messages"];
    let mut cases = Vec::new();
    for write in writes {
        // carol (billing) on support's unassigned ticket, bob (support) on
        // billing's, and a ticket that does not exist.
        cases.push((&carol, 10001, write, 403, "forbidden"));
        cases.push((&bob, 10003, write, 403, "forbidden"));
        cases.push((&bob, 99999, write, 404, "ticket_not_found"));
    }
    // A ticket alice holds: bob hears so before his body is read, but for
    // an assignment, which to himself is a take, told "taken" under the lock.
    for write in ["priority", "notes", "messages"] {
        cases.push((&bob, 10004, write, 403, "forbidden"));
    }
    cases.push((&bob, 10004, "assign", 422, "invalid_body"));
    // The conversation: the other platform's ticket and one that does not
    // exist are not found; an operator is refused the route.
    cases.push((&second, 10005, "conversation", 404, "ticket_not_found"));
    cases.push((&first, 99999, "conversation", 404, "ticket_not_found"));
    cases.push((&bob, 10005, "conversation", 403, "forbidden"));
    // The caller's own ticket: the body is read, and refused.
    cases.push((&first, 10005, "conversation", 422, "invalid_body"));
    cases.push((&bob, 10001, "notes", 422, "invalid_body"));
    for (token, number, write, status, code) in cases {
        let path = format!("/v1/tickets/{number}/{write}");
        for body in [&b"{}"[..], b"not json"] {
            let auth = format!("Bearer {token}");
            let answer = server.raw(
                "POST",
                &path,
                &[
                    ("Authorization", &auth),
                    ("Content-Type", "application/json"),
                ],
                body,
            );
            let shown = String::from_utf8_lossy(body);
            // A body that is read: `{}` lacks what it must hold, the other
            // is no JSON.
            let (status, code) = match (status, body) {
                (422, b"{}") => (422, code),
                (422, _) => (400, "malformed_json"),
                _ => (status, code),
            };
            assert_eq!(answer.status, status, "{path} {shown}: {}", answer.body);
            if path.ends_with("/assign") && status == 422 {
                continue; // validation_failed: neither `to` nor `team`
            }
            assert_eq!(answer.json()["code"], code, "{path} {shown}");
        }
    }
    drop(server);
    let after = parse(&desk.run(&["tickets", "list", "--all", "-o", "json"]));
    assert_eq!(before, after);
}

#[test]
fn triage_refuses_without_a_terminal_and_names_the_other_commands() {
    let desk = desk_with_tickets(desk!());
    desk.cmd()
        .args(["tickets", "triage"])
        .assert()
        .code(2)
        .stderr(contains("triage needs a terminal"))
        .stderr(contains("tickets assign"));
}

#[test]
fn a_filter_naming_what_the_desk_lacks_is_not_found_not_an_empty_list() {
    let desk = desk_with_tickets(desk!());
    // On a terminal, as a support lead triages: a mistyped team is not
    // "no tickets in the unassigned view".
    let mut triage = desk.terminal_command(80, &["tickets", "triage", "--team", "suport"]);
    let output = triage.output().unwrap();
    let screen = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(5), "{screen}");
    assert!(screen.contains("team 'suport' does not exist"), "{screen}");
    assert!(screen.contains("did you mean 'support'?"), "{screen}");
    assert!(!screen.contains("No tickets"), "{screen}");
    for (args, said) in [
        (
            &["tickets", "list", "--team", "nope"][..],
            "team 'nope' does not exist",
        ),
        (
            &["tickets", "list", "--assignee", "zed"],
            "operator 'zed' does not exist",
        ),
        (
            &["handoff", "list", "--agent", "nope"],
            "agent 'nope' does not exist",
        ),
    ] {
        desk.cmd()
            .args(args)
            .assert()
            .code(5)
            .stdout("")
            .stderr(contains(said));
    }
    // Names the desk has, with nothing to list, are an empty list.
    desk.cmd()
        .args([
            "tickets", "list", "--team", "billing", "--status", "resolved",
        ])
        .assert()
        .success()
        .stdout("");
    desk.cmd()
        .args(["handoff", "list", "--agent", "shop", "--env", "staging"])
        .assert()
        .success();
}

/// `deskctl ARGS` run by `script` (a terminal) with `keys` typed: what the
/// terminal showed, once it exited with success.
fn triage_in_a_terminal(mut script: std::process::Command, args: &str, keys: &str) -> String {
    script
        .args(["-qec", &format!("{} {args}", common::BIN), "/dev/null"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped());
    let mut child = script.spawn().unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(keys.as_bytes()).unwrap();
    }
    let output = child.wait_with_output().unwrap();
    let screen = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(output.status.success(), "{screen}");
    screen
}

#[test]
fn triage_walks_the_unassigned_tickets_in_a_terminal() {
    let desk = desk_with_tickets(desk!());
    // Keys typed into the terminal: ticket 10004 → "add a note…" (4 down),
    // which keeps the place, then "set priority…" (3 down) → "urgent" (3 down);
    // ticket 10003 → "assign to…" (1 down) → the first in the picker; ticket
    // 10002 → a note, then quit (q).
    let keys = "jjjj\rchecked\rjjj\rjjj\rj\r\rjjjj\rlater\rq";
    let screen = triage_in_a_terminal(desk.std_cmd_of("script"), "tickets triage", keys);
    assert!(screen.contains("[1/4] #10004"), "{screen}");
    // A note alone is not triage: 10002 is counted apart.
    assert!(
        screen.contains("Triaged 2 of 4 tickets (1 more noted only)."),
        "{screen}"
    );
    assert_eq!(
        screen.matches("#10004").count(),
        1,
        "the note kept the place: {screen}"
    );
    // The picker names each operator's teams and open tickets.
    assert!(
        screen.contains("Assign to (teams · open tickets)"),
        "{screen}"
    );
    assert!(screen.contains(" open"), "{screen}");
    let detail = |n: &str| parse(&desk.run(&["tickets", "show", n, "-o", "json"]));
    let ticket = |n: &str| detail(n)["ticket"].clone();
    let notes = |n: &str| -> Vec<String> {
        detail(n)["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "note")
            .map(|e| e["body"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ticket("10004")["priority"], "urgent");
    assert_eq!(notes("10004"), ["checked"]);
    assert!(
        ticket("10003")["assignee"].is_string(),
        "{}",
        ticket("10003")
    );
    assert_eq!(
        ticket("10002")["priority"],
        "high",
        "quit before ticket 10002 changed anything"
    );
    assert_eq!(ticket("10002")["status"], "open");
    assert_eq!(notes("10002"), ["later"]);
}

#[test]
fn triage_walks_every_page_of_the_view_and_counts_all_of_it() {
    let desk = desk!();
    // More than a page (500): the oldest, 10001, is on the second.
    desk.seed_many_tickets(501);
    // "skip" (Enter) 500 times, then quit at the last ticket.
    let keys = format!("{}q", "\r".repeat(500));
    let screen = triage_in_a_terminal(desk.std_cmd_of("script"), "tickets triage", &keys);
    assert!(screen.contains("[1/501] #10501"), "{screen}");
    assert!(screen.contains("[500/501] #10002"), "{screen}");
    assert!(screen.contains("[501/501] #10001"), "{screen}");
    assert!(screen.contains("Triaged 0 of 501 tickets."), "{screen}");
}

#[test]
fn triage_says_who_may_reply_before_a_reply_is_typed() {
    let desk = desk_with_tickets(desk!());
    let server = desk.serve();
    let token = desk.token("carol");
    // carol, an operator, on unassigned ticket 10003 (her team's): "reply to the
    // customer…" (5 down), then text that must not be taken for the reply,
    // then quit at the menu that comes back.
    let keys = "jjjjj\rnot a reply\rq";
    let mut script = desk.std_cmd_of("script");
    script.env("DESKCTL_TOKEN", &token);
    let triage = format!("--server {} tickets triage", server.url);
    let screen = triage_in_a_terminal(script, &triage, keys);
    assert!(
        screen.contains(
            "cannot reply: only the ticket's assignee, a manager or an owner may reply on \
             ticket 10003"
        ),
        "{screen}"
    );
    assert!(screen.contains("Triaged 0 of 1 ticket."), "{screen}");
    let shown = parse(&desk.run(&["tickets", "show", "10003", "-o", "json"]));
    let bodies: Vec<&str> = shown["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["body"].as_str())
        .collect();
    assert!(!bodies.contains(&"not a reply"), "{bodies:?}");
}

#[test]
fn cursor_pages_return_every_ticket_once_in_order() {
    let desk = desk_with_tickets(desk!());
    desk.run(&["tickets", "resolve", "10002"]);
    let all = numbers(&desk, &[]);
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let paged = runtime.block_on(async {
        let client = deskctl::client::Client::local(&desk.location(), crate::common::keys())
            .await
            .unwrap();
        let mut query = deskctl::api::TicketQuery {
            limit: Some(1),
            ..Default::default()
        };
        let mut seen = Vec::new();
        loop {
            let page = client.list_tickets(&query).await.unwrap();
            assert!(page.items.len() <= 1);
            seen.extend(page.items.iter().map(|t| t.number));
            match page.next_cursor {
                Some(cursor) => query.cursor = Some(cursor),
                None => break seen,
            }
        }
    });
    assert_eq!(paged, all);
    assert_eq!(paged.len(), 4);
    assert_eq!(paged[0], 10002, "resolving it made it the most recent");
}

#[test]
fn removing_an_operator_records_unassigned_on_their_open_tickets_or_hands_them_over() {
    let desk = desk_with_tickets(desk!());
    for number in ["10001", "10002", "10004"] {
        desk.run(&["tickets", "assign", number, "--to", "bob"]);
    }
    desk.run(&["tickets", "resolve", "10004"]);
    let events = |number: &str| -> Vec<(String, String)> {
        let detail: Value =
            serde_json::from_str(&desk.run(&["tickets", "show", number, "-o", "json"])).unwrap();
        detail["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| Some((e["event"].as_str()?.into(), e["body"].as_str()?.into())))
            .collect()
    };

    // The question names the open tickets and what becomes of them.
    desk.cmd()
        .args(["operators", "remove", "bob"])
        .assert()
        .code(2)
        .stderr(contains(
            "remove operator bob with their tokens (2 open tickets, left unassigned)",
        ));
    // A hand-over to nobody real, or to bob himself, is refused; nothing moves.
    desk.cmd()
        .args([
            "operators",
            "remove",
            "bob",
            "--reassign-to",
            "ghost",
            "--yes",
        ])
        .assert()
        .code(5)
        .stderr(contains("operator 'ghost' does not exist"));
    desk.cmd()
        .args([
            "operators",
            "remove",
            "bob",
            "--reassign-to",
            "bob",
            "--yes",
        ])
        .assert()
        .code(1)
        .stderr(contains("is the operator being removed"));
    let assignees = desk.run(&["tickets", "list", "--assignee", "bob", "-o", "name"]);
    assert_eq!(assignees, "10004\n10002\n10001\n", "nothing moved");

    // Carol is in billing, not support: handed over only knowingly.
    desk.cmd()
        .args([
            "operators",
            "remove",
            "bob",
            "--reassign-to",
            "carol",
            "--yes",
        ])
        .assert()
        .code(6)
        .stderr(contains(
            "carol is not in team support (the team of all 2 tickets): hand bob's tickets \
             over anyway by forcing it, or name someone else\nhint: pass --force to go ahead anyway",
        ));
    assert_eq!(
        desk.run(&["tickets", "list", "--assignee", "bob", "-o", "name"]),
        "10004\n10002\n10001\n",
        "nothing moved"
    );
    desk.cmd()
        .args([
            "operators",
            "remove",
            "bob",
            "--reassign-to",
            "carol",
            "--force",
            "--yes",
        ])
        .assert()
        .success()
        .stderr(contains(
            "Removed operator bob (2 open tickets, handed to carol)",
        ));
    for number in ["10001", "10002"] {
        let detail: Value =
            serde_json::from_str(&desk.run(&["tickets", "show", number, "-o", "json"])).unwrap();
        assert_eq!(detail["ticket"]["assignee"], "carol");
        let events = events(number);
        let tail = &events[events.len() - 2..];
        assert_eq!(
            tail,
            [
                (
                    "unassigned".to_string(),
                    "Unassigned from bob: the operator was removed".to_string()
                ),
                (
                    "assigned".to_string(),
                    "Assigned to carol: bob's tickets were handed over".to_string()
                ),
            ]
        );
    }
    // The resolved ticket records nothing new.
    assert!(
        !events("10004")
            .iter()
            .any(|(_, body)| body.contains("operator was removed"))
    );

    // Without --reassign-to: unassigned, with the event.
    desk.run(&["tickets", "assign", "10003", "--to", "carol"]);
    desk.cmd()
        .args(["operators", "remove", "carol", "--yes"])
        .assert()
        .success()
        .stderr(contains(
            "Removed operator carol (3 open tickets, left unassigned)",
        ));
    let detail: Value =
        serde_json::from_str(&desk.run(&["tickets", "show", "10003", "-o", "json"])).unwrap();
    assert_eq!(detail["ticket"]["assignee"], Value::Null);
    assert_eq!(
        events("10003").last().unwrap().1,
        "Unassigned from carol: the operator was removed"
    );
}

#[test]
fn a_removed_operator_stays_the_assignee_of_the_tickets_they_resolved() {
    let desk = desk_with_tickets(desk!());
    desk.run(&["tickets", "assign", "10001", "10002", "--to", "bob"]);
    desk.run(&["tickets", "resolve", "10002"]);
    desk.token("bob");
    let resolved = desk.run(&["tickets", "show", "10002", "-o", "json"]);
    desk.cmd()
        .args([
            "operators",
            "remove",
            "bob",
            "--reassign-to",
            "alice",
            "--yes",
        ])
        .assert()
        .success()
        .stderr(contains(
            "Removed operator bob (1 open ticket, handed to alice)",
        ));

    // Who handled the resolved ticket is kept, and nothing was recorded on it.
    assert_eq!(
        desk.run(&["tickets", "show", "10002", "-o", "json"]),
        resolved,
        "the resolved ticket is as it was"
    );
    assert_eq!(
        numbers(&desk, &["--assignee", "bob"]),
        [10002],
        "reports by assignee still count it"
    );
    // Bob is gone for everything else.
    assert!(
        !desk
            .run(&["operators", "list", "-o", "name"])
            .contains("bob")
    );
    desk.cmd()
        .args(["tickets", "assign", "10003", "--to", "bob"])
        .assert()
        .code(5)
        .stderr(contains("operator 'bob' does not exist"));

    // Reopened, it cannot wait on someone who is gone: back to the queue.
    desk.run(&["tickets", "reopen", "10002"]);
    let detail = parse(&desk.run(&["tickets", "show", "10002", "-o", "json"]));
    assert_eq!(detail["ticket"]["assignee"], Value::Null);
    let tail: Vec<(&str, &str)> = detail["timeline"].as_array().unwrap()[..]
        .iter()
        .rev()
        .take(2)
        .rev()
        .map(|e| (e["event"].as_str().unwrap(), e["body"].as_str().unwrap()))
        .collect();
    assert_eq!(
        tail,
        [
            ("reopened", "Reopened"),
            (
                "unassigned",
                "Unassigned from bob: the operator was removed"
            ),
        ]
    );

    // The handle can be given again; the new operator starts with no open
    // tickets and no tokens.
    desk.run(&[
        "operators",
        "add",
        "bob",
        "--name",
        "Bob Again",
        "--email",
        "bob2@example.com",
        "--team",
        "support",
        "--availability",
        "online",
    ]);
    let shown = parse(&desk.run(&["operators", "show", "bob", "-o", "json"]));
    assert_eq!(shown["name"], "Bob Again");
    assert_eq!(desk.run(&["tokens", "list", "-o", "name"]), "");
    desk.run(&["tickets", "assign", "10002", "--to", "bob"]);
    assert_eq!(
        numbers(
            &desk,
            &["--view", "all", "--assignee", "bob", "--status", "open"]
        ),
        [10002]
    );
}

/// An operator at capacity keeps a ticket already theirs: it is among the
/// open tickets counted, so assigning it to them again, or moving it to
/// another team with them, takes no more room; only the team is a reason.
#[test]
fn a_ticket_kept_by_an_operator_at_capacity_is_not_refused_for_capacity() {
    let desk = desk_with_tickets(desk!());
    desk.run(&["operators", "set", "bob", "--capacity", "1"]);
    desk.run(&["tickets", "assign", "10001", "--to", "bob"]);
    desk.run(&["tickets", "assign", "10001", "--to", "bob"]);
    desk.cmd()
        .args([
            "tickets", "assign", "10001", "--team", "billing", "--to", "bob",
        ])
        .assert()
        .code(6)
        .stderr(contains(
            "error: bob is not in team billing (the ticket's team): assign anyway by forcing it, \
             or pick someone else\nhint: pass --force to go ahead anyway\n",
        ));
    // A ticket new to him still finds no room.
    desk.cmd()
        .args(["tickets", "assign", "10002", "--to", "bob"])
        .assert()
        .code(6)
        .stderr(contains("bob has 1 of 1 open tickets"));
}

/// `tickets take` is an assignment by hand to oneself, guarded as `tickets
/// assign --me` is: not online, no room under one's capacity, or a ticket
/// outside one's teams (a manager's take) is refused with the reason (exit
/// 6, 409 with its code) and changes nothing, unless forced.
#[test]
fn taking_is_guarded_as_assigning_to_oneself_and_forced_knowingly() {
    let desk = desk_with_tickets(desk!());
    desk.run(&[
        "operators",
        "add",
        "mia",
        "--name",
        "Mia",
        "--email",
        "mia@acme.example",
        "--role",
        "manager",
        "--team",
        "support",
        "--availability",
        "online",
        "--capacity",
        "1",
    ]);
    let mia = desk.token("mia");
    let server = desk.serve();
    let mia_runs = |args: &[&str]| as_token(&desk, &server, &mia, args);
    mia_runs(&["tickets", "take", "10001"])
        .assert()
        .success()
        .stderr(contains("Took ticket 10001"));
    let untouched = desk.run(&["tickets", "show", "10002", "-o", "json"]);
    mia_runs(&["tickets", "assign", "10002", "--me"])
        .assert()
        .code(6)
        .stderr(contains(
            "mia has 1 of 1 open tickets: assign anyway by forcing it",
        ))
        .stderr(contains("hint: pass --force to go ahead anyway"));
    mia_runs(&["tickets", "take", "10002"])
        .assert()
        .code(6)
        .stderr(contains(
            "mia has 1 of 1 open tickets: take it anyway by forcing it\n\
             hint: pass --force to go ahead anyway\n",
        ));
    assert_eq!(
        desk.run(&["tickets", "show", "10002", "-o", "json"]),
        untouched,
        "nothing was recorded"
    );
    mia_runs(&["tickets", "take", "10002", "--force"])
        .assert()
        .success()
        .stderr(contains("Took ticket 10002"));
    // Offline, every reason is said at once; a manager's take outside her
    // teams (10003 is billing's) is refused for that too.
    mia_runs(&["operators", "availability", "mia", "offline"])
        .assert()
        .success();
    mia_runs(&["tickets", "take", "10004"])
        .assert()
        .code(6)
        .stderr(contains(
            "mia is offline and has 2 of 1 open tickets: take it anyway",
        ));
    mia_runs(&["tickets", "take", "10003"])
        .assert()
        .code(6)
        .stderr(contains(
            "mia is offline, has 2 of 1 open tickets and is not in team billing \
             (the ticket's team)",
        ));
    assert_eq!(numbers(&desk, &["--assignee", "mia"]), [10002, 10001]);
    // The API refuses with the reason's code, and takes `force` in the query.
    let take = |query: &str| {
        send(
            &server,
            &mia,
            "POST",
            &format!("/v1/tickets/10004/take{query}"),
            &Value::Null,
        )
    };
    let refused = take("");
    assert_eq!(refused.status, 409, "{}", refused.body);
    assert_eq!(refused.json()["code"], "operator_unavailable");
    let unreadable = take("?force=maybe");
    assert_eq!(unreadable.status, 400, "{}", unreadable.body);
    assert!(unreadable.body.contains("force"), "{}", unreadable.body);
    let forced = take("?force=true");
    assert_eq!(forced.status, 200, "{}", forced.body);
    assert_eq!(forced.json()["assignee"], "mia");
}

/// Who may assign whom through `POST /v1/tickets/{n}/assign`: an operator
/// only themselves (a take, guarded alike), managers and owners anyone.
#[test]
fn an_operator_assigns_only_to_themselves_and_as_a_take() {
    let desk = desk_with_tickets(desk!());
    desk.run(&["operators", "set", "bob", "--capacity", "1"]);
    desk.run(&["tickets", "assign", "10003", "--to", "carol"]);
    let bob = desk.token("bob");
    let alice = desk.token("alice");
    let server = desk.serve();
    let assign = |token: &str, number: u64, body: Value| {
        send(
            &server,
            token,
            "POST",
            &format!("/v1/tickets/{number}/assign"),
            &body,
        )
    };
    for (who, token, number, body, status, code) in [
        // Assigning someone else or moving a ticket stays a manager's.
        (
            "bob",
            &bob,
            10001,
            json!({"to": "alice"}),
            403,
            "assign_needs_manager",
        ),
        (
            "bob",
            &bob,
            10001,
            json!({"to": "bob", "team": "support"}),
            403,
            "assign_needs_manager",
        ),
        (
            "bob",
            &bob,
            10001,
            json!({"team": "billing"}),
            403,
            "assign_needs_manager",
        ),
        // As `take` decides it: another's ticket in his team is taken, one
        // outside his teams none of his business.
        (
            "alice",
            &alice,
            10004,
            json!({"to": "carol", "force": true}),
            200,
            "",
        ),
        (
            "bob",
            &bob,
            10004,
            json!({"to": "bob"}),
            409,
            "ticket_taken",
        ),
        ("bob", &bob, 10003, json!({"to": "bob"}), 403, "forbidden"),
        ("bob", &bob, 10001, json!({"to": "bob"}), 200, ""),
        // Guarded: no room under his capacity, unless forced.
        (
            "bob",
            &bob,
            10002,
            json!({"to": "bob"}),
            409,
            "operator_at_capacity",
        ),
        (
            "bob",
            &bob,
            10002,
            json!({"to": "bob", "force": true}),
            200,
            "",
        ),
    ] {
        let answer = assign(token, number, body.clone());
        assert_eq!(
            answer.status, status,
            "{who} {number} {body}: {}",
            answer.body
        );
        if status != 200 {
            assert_eq!(answer.json()["code"], code, "{who} {number} {body}");
        }
    }
    let forbidden = assign(&bob, 10001, json!({"to": "alice"}));
    assert!(
        forbidden.json()["detail"].as_str().unwrap().ends_with(
            "'bob' (operator), who may assign tickets only to themselves: take the \
                 ticket, or assign it to 'bob'"
        ),
        "{}",
        forbidden.body
    );
    // The service's words are an API client's: no CLI command to run.
    let detail = forbidden.json()["detail"].as_str().unwrap().to_string();
    assert!(
        !detail.contains("deskctl") && !detail.contains("--"),
        "{detail}"
    );
    drop(server);
    assert_eq!(numbers(&desk, &["--assignee", "bob"]), [10002, 10001]);
    let timeline = desk.run(&["tickets", "show", "10001"]);
    assert!(timeline.contains("Taken by bob"), "{timeline}");
}

#[test]
fn every_assignment_by_hand_is_guarded_alike_and_forced_knowingly() {
    let desk = desk_with_tickets(desk!());
    desk.run(&["operators", "set", "bob", "--capacity", "1"]);
    desk.run(&["tickets", "assign", "10001", "--to", "bob"]);
    let untouched = desk.run(&["tickets", "show", "10002", "-o", "json"]);
    // No room under his capacity.
    desk.cmd()
        .args(["tickets", "assign", "10002", "--to", "bob"])
        .assert()
        .code(6)
        .stderr(contains(
            "bob has 1 of 1 open tickets: assign anyway by forcing it",
        ));
    // Not in the ticket's team (10003 is billing's).
    desk.cmd()
        .args(["tickets", "assign", "10003", "--to", "alice"])
        .assert()
        .code(6)
        .stderr(contains(
            "alice is not in team billing (the ticket's team): assign anyway by forcing it",
        ));
    // Every reason at once.
    desk.run(&["operators", "availability", "bob", "away"]);
    desk.cmd()
        .args(["tickets", "assign", "10003", "--to", "bob"])
        .assert()
        .code(6)
        .stderr(contains(
            "bob is away, has 1 of 1 open tickets and is not in team billing",
        ));
    assert_eq!(
        desk.run(&["tickets", "show", "10002", "-o", "json"]),
        untouched,
        "nothing was recorded"
    );
    // The API refuses with the reason's code, and takes `force`.
    let token = desk.token("alice");
    let server = desk.serve();
    let assign = |body: &str| {
        server.raw(
            "POST",
            "/v1/tickets/10002/assign",
            &[
                ("Authorization", &format!("Bearer {token}")),
                ("Content-Type", "application/json"),
            ],
            body.as_bytes(),
        )
    };
    let refused = assign(r#"{"to":"carol"}"#);
    assert_eq!(refused.status, 409, "{}", refused.body);
    assert_eq!(refused.json()["code"], "operator_not_in_team");
    desk.run(&["operators", "availability", "bob", "online"]);
    let refused = assign(r#"{"to":"bob"}"#);
    assert_eq!(refused.status, 409, "{}", refused.body);
    assert_eq!(refused.json()["code"], "operator_at_capacity");
    let forced = assign(r#"{"to":"bob","force":true}"#);
    assert_eq!(forced.status, 200, "{}", forced.body);
    assert_eq!(forced.json()["assignee"], "bob");
    // Naming neither an operator nor a team is refused, naming `to`.
    let neither = assign(r#"{"force":true}"#);
    assert_eq!(neither.status, 422, "{}", neither.body);
    assert_eq!(neither.json()["code"], "validation_failed");
    assert_eq!(common::error_fields(&neither.json()), ["to"]);
    drop(server);

    // Handing a removed operator's tickets over is guarded the same way:
    // carol (billing) may not take support's tickets unnoticed, nor bob
    // (now at 2 of 1) billing's.
    desk.run(&["tickets", "assign", "10004", "--to", "carol", "--force"]);
    desk.run(&["tickets", "assign", "10003", "--to", "carol"]);
    desk.cmd()
        .args([
            "operators",
            "remove",
            "carol",
            "--reassign-to",
            "bob",
            "--yes",
        ])
        .assert()
        .code(6)
        .stderr(contains(
            "bob has 2 of 1 open tickets (2 more would make 4) and is not in team billing \
             (the team of 1 of the 2 tickets)",
        ));
    desk.cmd()
        .args(["operators", "remove", "carol", "--force", "--yes"])
        .assert()
        .code(2)
        .stderr(contains("--reassign-to"));
    assert_eq!(
        numbers(&desk, &["--assignee", "carol"]),
        [10004, 10003],
        "nothing moved"
    );
    desk.cmd()
        .args([
            "operators",
            "remove",
            "carol",
            "--reassign-to",
            "bob",
            "--force",
            "--yes",
        ])
        .assert()
        .success()
        .stderr(contains(
            "Removed operator carol (2 open tickets, handed to bob)",
        ));
}

/// Over HTTP, a team removal that cannot go ahead says why, first reason
/// first, naming `move-to` when it is at fault, and removes nothing.
#[test]
fn a_team_removal_refused_over_http_names_its_reason_and_removes_nothing() {
    let desk = desk_with_tickets(desk!());
    let auth = format!("Bearer {}", desk.token("alice"));
    let server = desk.serve();
    let remove = |path: &str| {
        let answer = server.raw(
            "DELETE",
            &format!("/v1/teams/{path}"),
            &[("Authorization", &auth)],
            b"",
        );
        (answer.status, answer.json())
    };
    let (status, problem) = remove("ghost?move-to=ghost");
    assert_eq!(status, 404, "{problem}");
    assert_eq!(problem["code"], "team_not_found");
    for (move_to, message) in [
        (
            "support",
            "'support' is the team being removed: name another team",
        ),
        ("ghost", "team 'ghost' does not exist"),
    ] {
        let (status, problem) = remove(&format!("support?move-to={move_to}"));
        assert_eq!(status, 422, "{problem}");
        assert_eq!(problem["code"], "validation_failed");
        assert_eq!(problem["errors"][0]["field"], "move-to");
        assert_eq!(problem["errors"][0]["message"], message);
    }
    let (status, problem) = remove("support?move-to=billing");
    assert_eq!(status, 409, "{problem}");
    assert_eq!(problem["code"], "default_team_required");
    desk.run(&["teams", "set", "billing", "--default"]);
    let (status, problem) = remove("support");
    assert_eq!(status, 409, "{problem}");
    assert_eq!(problem["code"], "team_has_tickets");
    assert_eq!(
        problem["detail"],
        "team support has 3 open or pending tickets: name the team they go to"
    );
    desk.run(&["teams", "show", "support"]);
    assert_eq!(
        parse(&desk.run(&["tickets", "show", "10001", "-o", "json"]))["ticket"]["team"],
        "support"
    );
}

#[test]
fn a_team_goes_only_with_its_tickets_moved_and_a_lead_moves_a_misrouted_one() {
    let desk = desk_with_tickets(desk!());
    desk.run(&["tickets", "assign", "10002", "--to", "bob"]);
    desk.run(&["tickets", "resolve", "10004"]);
    desk.run(&["teams", "set", "billing", "--default"]);
    let team_of = |number: &str| {
        parse(&desk.run(&["tickets", "show", number, "-o", "json"]))["ticket"]["team"].clone()
    };
    let last_event = |number: &str| {
        let detail = parse(&desk.run(&["tickets", "show", number, "-o", "json"]));
        let last = detail["timeline"]
            .as_array()
            .unwrap()
            .last()
            .unwrap()
            .clone();
        (
            last["event"].as_str().unwrap().to_string(),
            last["body"].as_str().unwrap().to_string(),
        )
    };

    // Not without saying where its open tickets go; nothing moves.
    desk.cmd()
        .args(["teams", "remove", "support", "--yes"])
        .assert()
        .code(6)
        .stderr(contains(
            "team support has 2 open or pending tickets: name the team they go to\n\
             hint: name it with `deskctl teams remove support --move-to TEAM`\n",
        ));
    desk.cmd()
        .args(["teams", "remove", "support", "--move-to", "ghost", "--yes"])
        .assert()
        .code(5)
        .stderr(contains("team 'ghost' does not exist"));
    desk.cmd()
        .args([
            "teams",
            "remove",
            "support",
            "--move-to",
            "support",
            "--yes",
        ])
        .assert()
        .code(1)
        .stderr(contains("is the team being removed"));
    assert_eq!(team_of("10001"), "support");
    // The question names them and where they go.
    desk.cmd()
        .args(["teams", "remove", "support", "--move-to", "billing"])
        .assert()
        .code(2)
        .stderr(contains(
            "remove team support (2 open tickets, moved to billing)",
        ));
    desk.cmd()
        .args([
            "teams",
            "remove",
            "support",
            "--move-to",
            "billing",
            "--yes",
        ])
        .assert()
        .success()
        .stderr(contains(
            "Removed team support (2 open tickets, moved to billing)",
        ));
    for number in ["10001", "10002"] {
        assert_eq!(team_of(number), "billing");
        assert_eq!(
            last_event(number),
            (
                "team-changed".to_string(),
                "Team support → billing: team support was removed".to_string()
            )
        );
    }
    let moved = parse(&desk.run(&["tickets", "show", "10002", "-o", "json"]));
    assert_eq!(moved["ticket"]["assignee"], "bob", "his work goes on");

    // Billing's operator sees the unassigned one and takes it.
    let carol = desk.token("carol");
    let server = desk.serve();
    let unassigned = as_token(
        &desk,
        &server,
        &carol,
        &["tickets", "list", "--view", "unassigned", "-o", "name"],
    )
    .output()
    .unwrap();
    assert_eq!(
        String::from_utf8(unassigned.stdout).unwrap(),
        "10003\n10001\n"
    );
    as_token(&desk, &server, &carol, &["tickets", "take", "10001"])
        .assert()
        .success();
    drop(server);

    // A lead moves a misrouted ticket: an assignee outside the new team
    // leaves it to that team; one in it keeps it; --to names a new one.
    desk.run(&["teams", "add", "tech", "--name", "Tech", "--member", "bob"]);
    desk.cmd()
        .args(["tickets", "assign", "10001", "--team", "tech"])
        .assert()
        .success()
        .stderr(contains("Moved to team tech: ticket 10001"));
    let detail = parse(&desk.run(&["tickets", "show", "10001", "-o", "json"]));
    assert_eq!(detail["ticket"]["team"], "tech");
    assert_eq!(detail["ticket"]["assignee"], Value::Null);
    let bodies: Vec<&str> = detail["timeline"].as_array().unwrap()[..]
        .iter()
        .rev()
        .take(2)
        .rev()
        .map(|e| e["body"].as_str().unwrap())
        .collect();
    assert_eq!(
        bodies,
        [
            "Team billing → tech",
            "Unassigned from carol: not in team tech"
        ]
    );
    desk.run(&["tickets", "assign", "10002", "--team", "tech"]);
    let kept = parse(&desk.run(&["tickets", "show", "10002", "-o", "json"]));
    assert_eq!(
        (&kept["ticket"]["team"], &kept["ticket"]["assignee"]),
        (&json!("tech"), &json!("bob"))
    );
    // The guard judges --to against the team the ticket moves to.
    desk.cmd()
        .args([
            "tickets", "assign", "10003", "--team", "tech", "--to", "carol",
        ])
        .assert()
        .code(6)
        .stderr(contains("carol is not in team tech (the ticket's team)"));
    desk.run(&[
        "tickets", "assign", "10003", "--team", "tech", "--to", "bob",
    ]);
    let both = parse(&desk.run(&["tickets", "show", "10003", "-o", "json"]));
    assert_eq!(
        (&both["ticket"]["team"], &both["ticket"]["assignee"]),
        (&json!("tech"), &json!("bob"))
    );
    desk.cmd()
        .args([
            "tickets", "assign", "10003", "--team", "tech", "--to", "bob",
        ])
        .assert()
        .success()
        .stderr(contains(
            "ticket 10003 is already assigned to bob in team tech: nothing to do",
        ));
    desk.cmd()
        .args(["tickets", "assign", "10003", "--team", "tehc"])
        .assert()
        .code(5)
        .stderr(contains("team 'tehc' does not exist"));

    // The last team has nowhere to send them: they are left without one.
    desk.run(&["teams", "remove", "tech", "--move-to", "billing", "--yes"]);
    let rules = parse(&desk.run(&["rules", "list", "assignment", "-o", "json"]));
    for rule in rules.as_array().unwrap() {
        desk.run(&["rules", "remove", rule["id"].as_str().unwrap(), "--yes"]);
    }
    desk.cmd()
        .args(["teams", "remove", "billing", "--yes"])
        .assert()
        .success()
        .stderr(contains(
            "Removed team billing (3 open tickets, left without a team)",
        ));
    assert_eq!(team_of("10003"), Value::Null);
    assert_eq!(
        last_event("10003"),
        (
            "team-removed".to_string(),
            "No team now: team billing was removed".to_string()
        )
    );
}

#[test]
fn an_assignment_that_expects_the_assignee_it_saw_is_refused_when_it_changed() {
    let desk = desk_with_tickets(desk!());
    let token = desk.token("alice");
    let server = desk.serve();
    let assign = |body: serde_json::Value| {
        server.raw(
            "POST",
            "/v1/tickets/10001/assign",
            &[
                ("Authorization", &format!("Bearer {token}")),
                ("Content-Type", "application/json"),
            ],
            body.to_string().as_bytes(),
        )
    };
    // Someone else assigned it while the caller looked at it unassigned.
    desk.run(&["tickets", "assign", "10001", "--to", "bob"]);
    let before = desk.run(&["tickets", "show", "10001", "-o", "json"]);
    let refused = assign(json!({"to": "alice", "expect_assignee": null}));
    assert_eq!(refused.status, 409, "{}", refused.body);
    assert_eq!(refused.json()["code"], "assignee_changed");
    assert_eq!(
        refused.json()["detail"],
        "ticket 10001 was assigned to bob meanwhile"
    );
    let refused = assign(json!({"to": "alice", "expect_assignee": "carol"}));
    assert_eq!(refused.status, 409, "{}", refused.body);
    assert_eq!(
        desk.run(&["tickets", "show", "10001", "-o", "json"]),
        before,
        "nothing changed"
    );
    // What it saw is what it is: assigned. Without an expectation, as before.
    let moved = assign(json!({"to": "alice", "expect_assignee": "bob"}));
    assert_eq!(moved.status, 200, "{}", moved.body);
    assert_eq!(moved.json()["assignee"], "alice");
    desk.run(&["tickets", "unassign", "10001"]);
    let refused = assign(json!({"to": "bob", "expect_assignee": "alice"}));
    assert_eq!(
        refused.json()["detail"],
        "ticket 10001 was unassigned meanwhile"
    );
    let moved = assign(json!({"to": "bob"}));
    assert_eq!(moved.status, 200, "{}", moved.body);
}

#[test]
fn a_name_that_does_not_exist_exits_5_on_the_local_desk_and_over_http_alike() {
    let desk = Desk::new();
    desk.seed();
    desk.seed_tickets(1);
    let token = desk.token("alice");
    let server = desk.serve();
    // The service answers 422 (the request is invalid); the CLI finds which
    // name it was given does not exist and says so as not found.
    for mut cmd in [desk.cmd(), desk.as_token(&server, &token)] {
        cmd.args(["tickets", "assign", "10001", "--to", "nobdoy", "--yes"])
            .assert()
            .code(5)
            .stderr(contains("operator 'nobdoy' does not exist"));
    }
    for mut cmd in [desk.cmd(), desk.as_token(&server, &token)] {
        cmd.args(["tickets", "assign", "10001", "--team", "suport", "--yes"])
            .assert()
            .code(5)
            .stderr(contains("team 'suport' does not exist"))
            .stderr(contains("did you mean 'support'?"));
    }
}

#[test]
fn a_ticket_named_more_than_once_is_changed_and_counted_once() {
    let desk = Desk::new();
    desk.seed();
    desk.seed_tickets(2);
    // Ten numbers but two tickets: no typed confirmation, each resolved once.
    let mut args = vec!["tickets", "resolve"];
    args.extend(["10002", "10001"].repeat(5));
    let output = desk.cmd().args(&args).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("pass --yes"), "{stderr}");
    let said = format!("{}{stderr}", String::from_utf8_lossy(&output.stdout));
    assert_eq!(said.matches("10001").count(), 1, "{said}");
    assert_eq!(said.matches("10002").count(), 1, "{said}");
    assert!(said.find("10002") < said.find("10001"), "{said}");
}

#[test]
fn a_body_file_over_the_limit_of_a_note_or_reply_says_that_limit() {
    let desk = Desk::new();
    desk.seed();
    desk.seed_tickets(1);
    let token = desk.token("alice");
    let server = desk.serve();
    let big = desk.dir.path().join("big.txt");
    std::fs::write(&big, "x".repeat(3_000_000)).unwrap();
    for verb in ["note", "reply"] {
        for mut cmd in [desk.cmd(), desk.as_token(&server, &token)] {
            cmd.args([
                "tickets",
                verb,
                "10001",
                "--body-file",
                common::path_str(&big),
            ])
            .assert()
            .code(1)
            .stderr(contains(format!(
                "the {verb} in {} has 3000000 characters; a {verb} takes at most 20000",
                big.display()
            )))
            .stderr(contains("document").not())
            .stderr(contains("MiB").not());
        }
    }
    let timeline = desk.run(&["tickets", "show", "10001", "-o", "json"]);
    assert!(!timeline.contains("xxxxxxxxxx"), "nothing was sent");
}
