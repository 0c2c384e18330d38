//! A desk file made by an older deskctl opens in place with today's, and every
//! ticket, timeline, setting, token, handoff and outbox message is still there.
//!
//! `tests/data/desk-0.1.0-2e53df0.sqlite` was made by main at 2e53df0 (schema
//! migrations 1–9): the example desk applied, six tickets (five from handoffs,
//! one from an inbound email) with notes, a reply, a resolve and a reopen, an
//! operator and an ingest token, a development preview, and one reply email
//! left queued after five failed attempts. The expected values below were read
//! from the file with `sqlite3`; `desk-0.1.0-2e53df0.export.yaml` is the
//! workspace document today's `deskctl export` must read back from it.

use crate::common::{self, Desk};
use deskctl::server::store::{Open, Store};
use predicates::str::contains;
use serde_json::Value;

const FIXTURE: &str = "tests/data/desk-0.1.0-2e53df0.sqlite";

/// The old desk, copied into a fresh desk's place (the fixture stays as it is).
fn old_desk() -> Desk {
    let desk = Desk::new();
    std::fs::copy(FIXTURE, desk.path()).unwrap();
    desk
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// `(number, status, priority, assignee, channel, requester email, handoff)`.
type Row = (
    u64,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
    &'static str,
    Option<&'static str>,
);

/// Newest activity first, as `tickets list` orders them (10005 was assigned
/// as it was created and never touched again). 10001's note, assignment and
/// priority came later, but the customer saw none of them: the upgrade puts
/// its last activity back at its creation, last in the list.
const TICKETS: [Row; 6] = [
    (
        10006,
        "open",
        "medium",
        Some("alice"),
        "email",
        "erin@example.com",
        None,
    ),
    (
        10004,
        "open",
        "medium",
        None,
        "web",
        "c4@example.com",
        Some("hof_256398c0a05a"),
    ),
    (
        10003,
        "resolved",
        "medium",
        None,
        "web",
        "c3@example.com",
        Some("hof_f79a4ef863d3"),
    ),
    (
        10002,
        "pending",
        "medium",
        None,
        "web",
        "c2@example.com",
        Some("hof_72bfaa35f6f0"),
    ),
    (
        10005,
        "open",
        "medium",
        Some("alice"),
        "web",
        "c2@example.com",
        Some("hof_0cc37c3944f9"),
    ),
    (
        10001,
        "open",
        "high",
        Some("bob"),
        "web",
        "dana@example.com",
        Some("hof_745d2b792bee"),
    ),
];

/// Each ticket's timeline as `kind/event` (`kind` alone for messages and notes).
fn expected_timeline(number: u64) -> Vec<&'static str> {
    let handed_over = [
        "event/created",
        "event/summary",
        "message",
        "message",
        "message",
    ];
    let tail: &[&str] = match number {
        10001 => &[
            "event/unassigned",
            "note",
            "event/assigned",
            "event/priority-changed",
        ],
        10002 => &["event/unassigned", "message", "event/status-changed"],
        10003 => &["event/unassigned", "event/resolved"],
        10004 => &["event/unassigned", "event/resolved", "event/reopened"],
        10005 => &["event/assigned"],
        10006 => return vec!["event/created", "message", "event/assigned"],
        _ => unreachable!(),
    };
    handed_over.iter().chain(tail).copied().collect()
}

#[test]
fn a_desk_file_from_an_older_deskctl_keeps_every_ticket_and_timeline() {
    let desk = old_desk();
    let list = json(&desk.run(&["tickets", "list", "-o", "json"]));
    let found: Vec<Row> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let leak = |v: &Value| -> &'static str { v.as_str().unwrap().to_string().leak() };
            (
                t["number"].as_u64().unwrap(),
                leak(&t["status"]),
                leak(&t["priority"]),
                t["assignee"].as_str().map(|s| &*s.to_string().leak()),
                leak(&t["channel"]),
                leak(&t["requester"]["email"]),
                t["handoff"].as_str().map(|s| &*s.to_string().leak()),
            )
        })
        .collect();
    assert_eq!(found, TICKETS);

    for (number, ..) in TICKETS {
        let detail = json(&desk.run(&["tickets", "show", &number.to_string(), "-o", "json"]));
        let timeline = detail["timeline"].as_array().unwrap();
        let shapes: Vec<String> = timeline
            .iter()
            .map(|e| match e["event"].as_str() {
                Some(event) => format!("{}/{event}", e["kind"].as_str().unwrap()),
                None => e["kind"].as_str().unwrap().to_string(),
            })
            .collect();
        assert_eq!(shapes, expected_timeline(number), "ticket {number}");
        let seqs: Vec<u64> = timeline
            .iter()
            .map(|e| e["seq"].as_u64().unwrap())
            .collect();
        assert_eq!(seqs, (1..=seqs.len() as u64).collect::<Vec<_>>());
    }
    let note = json(&desk.run(&["tickets", "show", "10001", "-o", "json"]));
    assert_eq!(
        note["timeline"][6]["body"],
        "Checked the order: damaged in transit."
    );
    assert_eq!(note["ticket"]["subject"], "My order 4417 arrived damaged.");
    assert_eq!(note["ticket"]["requester"]["name"], "Dana Reyes");
    assert_eq!(note["ticket"]["fields"]["order-id"], "4417");
    let email = json(&desk.run(&["tickets", "show", "10006", "-o", "json"]));
    assert_eq!(email["ticket"]["subject"], "Invoice 99 is wrong");
    assert_eq!(
        email["timeline"][1]["body"],
        "Hello, my invoice 99 charges me twice."
    );

    // Search and the requester index work on the old rows.
    let search = desk.run(&["tickets", "list", "--search", "INVOICE 99", "-o", "name"]);
    assert_eq!(search, "10006\n");
    let requester = desk.run(&[
        "tickets",
        "list",
        "--requester",
        "C2@example.com",
        "-o",
        "name",
    ]);
    assert_eq!(requester, "10002\n10005\n");
}

#[test]
fn a_desk_file_from_an_older_deskctl_keeps_its_settings_tokens_handoffs_and_outbox() {
    let desk = old_desk();
    let expected = std::fs::read_to_string("tests/data/desk-0.1.0-2e53df0.export.yaml").unwrap();
    let exported = desk.cmd().arg("export").output().unwrap();
    assert!(exported.status.success());
    assert_eq!(String::from_utf8(exported.stdout).unwrap(), expected);
    assert!(
        String::from_utf8_lossy(&exported.stderr).contains("Exported revision 35"),
        "the workspace keeps its revision"
    );
    // The SMTP password is kept (export writes a reference only for a set secret).
    assert!(expected.contains("password: ${env:DESKCTL_EMAIL_PASSWORD}"));

    let tokens = json(&desk.run(&["tokens", "list", "-o", "json"]));
    let tokens: Vec<(&str, &str, &str, Option<&str>, &str)> = tokens
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["id"].as_str().unwrap(),
                t["name"].as_str().unwrap(),
                t["kind"].as_str().unwrap(),
                t["operator"].as_str(),
                t["hint"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        tokens,
        [
            (
                "tok_581304d342de",
                "alice",
                "operator",
                Some("alice"),
                "b2fd"
            ),
            ("tok_8f0628105787", "platform", "ingest", None, "162e"),
        ]
    );

    let handoffs = desk.run(&["handoff", "list", "-o", "name"]);
    assert_eq!(
        handoffs,
        "hof_0cc37c3944f9\nhof_74df813ce320\nhof_256398c0a05a\nhof_f79a4ef863d3\n\
         hof_72bfaa35f6f0\nhof_745d2b792bee\n"
    );
    let preview = json(&desk.run(&["handoff", "show", "hof_74df813ce320", "-o", "json"]));
    assert_eq!(preview["environment"], "development", "{preview:#}");

    let outbox = json(&desk.run(&["outbox", "list", "-o", "json"]));
    let outbox = outbox.as_array().unwrap();
    assert_eq!(outbox.len(), 1, "{outbox:#?}");
    assert_eq!(outbox[0]["id"], 1);
    assert_eq!(outbox[0]["kind"], "email");
    assert_eq!(outbox[0]["ticket"], 10002);
    assert_eq!(outbox[0]["state"], "pending");
    assert_eq!(outbox[0]["attempts"], 5);
    assert_eq!(outbox[0]["payload"]["to"]["email"], "c2@example.com");
    assert_eq!(
        outbox[0]["payload"]["body"],
        "We are sending a replacement.\n"
    );
    // The id it went out with finds it too: the upgrade recorded it.
    let sent_as = outbox[0]["payload"]["id"].as_str().unwrap();
    let shown = json(&desk.run(&["outbox", "show", sent_as, "-o", "json"]));
    assert_eq!(shown, outbox[0]);
}

#[tokio::test]
async fn the_store_finds_old_tokens_and_keys_and_numbers_go_on_from_the_last_ticket() {
    let desk = old_desk();
    let store = Store::open(
        &common::sqlite(&desk.path()),
        Open::Existing,
        common::keys(),
    )
    .await
    .unwrap();
    // Tokens are found by the hash of their secret, acting with today's role.
    let alice = store
        .find_token("f812d4a56982ff5fc2360abcc3463b9ba69b73583c14bef454033821fc19e7da")
        .await
        .unwrap()
        .expect("alice's token");
    assert_eq!(alice.id, "tok_581304d342de");
    assert_eq!(alice.operator.as_deref(), Some("alice"));
    assert_eq!(alice.role, Some(deskctl::api::Role::Owner));
    let ingest = store
        .find_token("2d73a71a236a049e2544b1ab9fbc956815bfb60d89fd2a7033170495196f234d")
        .await
        .unwrap()
        .expect("the ingest token");
    assert_eq!(ingest.id, "tok_8f0628105787");
    let (handoff, _) = store
        .find_handoff_by_key("fx-3")
        .await
        .unwrap()
        .expect("the key of the third handoff");
    assert_eq!(handoff.id, "hof_f79a4ef863d3");
    // The inbound email is known: the same message opens nothing again. It
    // was stored before digests were kept: whatever a message under its id
    // says, it is taken for the same one.
    let (number, created) = store
        .record_inbound_email("<fx-1@example.com>", "new", Some("support"), |_| {
            panic!("a message seen before opens no ticket")
        })
        .await
        .unwrap();
    assert_eq!((number, created), (10006, false));
    // Migration 0029: the email that opened the ticket is its requester's
    // own, so a reply names it in its In-Reply-To and References.
    assert_eq!(
        store.inbound_message_ids(10006, 20).await.unwrap(),
        ["<fx-1@example.com>"]
    );
    store.close().await;

    // An old idempotency key with another request is refused, and creates nothing.
    let path = desk.dir.path().join("handoff.json");
    let handoff = serde_json::json!({
        "agent": "shop-assistant", "environment": "production", "channel": "web",
        "requester": {"name": "Fay", "email": "fay@example.com"},
        "transcript": [{"role": "customer", "text": "Where is my parcel?"}],
        "reason": "explicit-request",
    });
    std::fs::write(&path, handoff.to_string()).unwrap();
    let file = common::path_str(&path);
    desk.cmd()
        .args(["handoff", "send", "-f", file, "--idempotency-key", "fx-1"])
        .assert()
        .failure()
        .stderr(contains("fx-1"));
    // A new handoff opens the next ticket after the old ones.
    desk.run(&["handoff", "send", "-f", file]);
    assert_eq!(
        desk.run(&["tickets", "list", "-o", "name"]).lines().next(),
        Some("10007")
    );
}

/// PostgreSQL's migration 0020, as SQLite's 0030 above: a ticket an older
/// deskctl moved up for a change its customer never saw (a note, a new
/// priority) takes back the time of the last thing the customer saw; one
/// whose last change was a status change keeps it. No older PostgreSQL
/// database is kept, so one is made as it was before 0020: today's schema
/// (0020 changes no table), the tickets dated as the older deskctl dated
/// them, and 0020 not recorded as run; opening it runs 0020.
#[test]
fn a_postgres_desk_from_before_migration_20_dates_tickets_by_what_the_customer_saw() {
    let Some(desk) = Desk::on(common::Backend::Postgres) else {
        return;
    };
    let database = desk.database.as_ref().expect("a PostgreSQL desk");
    desk.seed_tickets(3);
    desk.run(&["tickets", "note", "10001", "-m", "Asked the warehouse"]);
    desk.run(&["tickets", "priority", "10001", "urgent"]);
    desk.run(&["tickets", "note", "10002", "-m", "Refund approved"]);
    desk.run(&["tickets", "resolve", "10002", "--yes"]);
    // Before 0020 every change moved a ticket's last activity.
    database.sql(
        "UPDATE tickets SET last_activity_at = \
         (SELECT MAX(at) FROM timeline WHERE ticket_number = tickets.number)",
    );
    let when = |number: u64, what: &str| {
        database
            .sql(&format!(
                "SELECT {what} FROM timeline WHERE ticket_number = {number}"
            ))
            .trim()
            .to_string()
    };
    let activity = |number: u64| {
        database
            .sql(&format!(
                "SELECT last_activity_at FROM tickets WHERE number = {number}"
            ))
            .trim()
            .to_string()
    };
    let created = |number: u64| {
        database
            .sql(&format!(
                "SELECT created_at FROM tickets WHERE number = {number}"
            ))
            .trim()
            .to_string()
    };
    let resolved = when(10002, "MAX(at) FILTER (WHERE event = 'resolved')");
    assert_ne!(
        activity(10001),
        created(10001),
        "moved by the note and the priority"
    );
    assert_eq!(activity(10002), resolved);
    database.sql("DELETE FROM _sqlx_migrations WHERE version = 20");

    desk.run(&["teams", "list"]);
    // Its customer saw nothing after the handoff that opened it (whose
    // messages came with it): its creation.
    assert_eq!(activity(10001), created(10001));
    assert_eq!(activity(10002), resolved, "a status change is activity");
    assert_eq!(
        database
            .sql("SELECT number FROM tickets ORDER BY last_activity_at DESC, number DESC")
            .split_whitespace()
            .collect::<Vec<_>>(),
        ["10002", "10003", "10001"],
        "newest activity the customer saw first"
    );
    assert_eq!(
        database
            .sql("SELECT COUNT(*) FROM _sqlx_migrations WHERE version = 20")
            .trim(),
        "1",
        "0020 ran"
    );
}

/// PostgreSQL's migration 0019, as SQLite's 0029 (checked on the old desk
/// file above): of the emails stored before it, only the first of a ticket
/// an email opened is taken for its requester's own; the later ones, and any
/// email on a ticket a handoff opened, are left out rather than risk naming
/// an internal note's message id to the customer. The database is made as it
/// was before 0019: its column dropped, 0019 not recorded as run.
#[test]
fn a_postgres_desk_from_before_migration_19_names_only_each_email_tickets_first_email() {
    let Some(desk) = Desk::on(common::Backend::Postgres) else {
        return;
    };
    let database = desk.database.as_ref().expect("a PostgreSQL desk");
    desk.seed_tickets(3);
    // Tickets 10001 and 10002 as an email opened them; 10003 a handoff's.
    database.sql("UPDATE tickets SET handoff_id = NULL WHERE number IN (10001, 10002)");
    database.sql(
        "INSERT INTO inbound_emails (message_id, ticket_number, received_at) VALUES \
         ('<a2@mail.example.com>', 10001, '2026-12-01T10:05:00Z'), \
         ('<a1@mail.example.com>', 10001, '2026-12-01T10:00:00Z'), \
         ('<b1@mail.example.com>', 10002, '2026-12-01T11:00:00Z'), \
         ('<c1@mail.example.com>', 10003, '2026-12-01T12:00:00Z')",
    );
    database.sql("ALTER TABLE inbound_emails DROP COLUMN from_customer");
    database.sql("DELETE FROM _sqlx_migrations WHERE version = 19");

    desk.run(&["teams", "list"]);
    assert_eq!(
        database
            .sql("SELECT message_id FROM inbound_emails WHERE from_customer ORDER BY message_id")
            .split_whitespace()
            .collect::<Vec<_>>(),
        ["<a1@mail.example.com>", "<b1@mail.example.com>"],
        "each email ticket's first email, by when it came, not by its id"
    );
    assert_eq!(
        database
            .sql("SELECT COUNT(*) FROM _sqlx_migrations WHERE version = 19")
            .trim(),
        "1",
        "0019 ran"
    );
}

/// A command that only reads an old desk writes to it all the same: opening
/// it brings its schema up to date, and its first look at the workspace seals
/// the SMTP password the old release stored in clear. Once the command is
/// done, the desk file alone holds both, as after any command that changed
/// the desk (docs/deployment.md, "Backups"): a copy of it is the upgraded
/// desk, and the password is in it sealed only, not left in clear until a
/// later process copies the log in.
#[tokio::test]
async fn a_read_that_upgrades_an_old_desk_leaves_the_upgrade_in_the_desk_file() {
    use axum::body::Body;
    use deskctl::server::LocalDesk;
    // Reading the settings looks at the workspace; a ticket list does not.
    for (read, sealed) in [("/v1/settings/email", true), ("/v1/tickets", false)] {
        let desk = old_desk();
        let local = LocalDesk::open(
            &common::sqlite(&desk.path()),
            Open::Existing,
            common::keys(),
        )
        .await
        .unwrap();
        let request = http::Request::get(read).body(Body::empty()).unwrap();
        let answer = local.call(request).await;
        assert!(answer.status().is_success(), "{read}: {}", answer.status());
        local.finish().await;

        let mut log = desk.path().into_os_string();
        log.push("-wal");
        let logged = std::fs::metadata(&log).map_or(0, |m| m.len());
        assert_eq!(logged, 0, "{read}: the upgrade is still only in the log");
        if sealed {
            let file = std::fs::read(desk.path()).unwrap();
            let holds = |text: &str| file.windows(text.len()).any(|w| w == text.as_bytes());
            assert!(
                !holds("fixture-pw"),
                "the password is still in clear in the desk file"
            );
            assert!(
                holds("sealed:v1:"),
                "the sealed password is not in the desk file"
            );
        }
    }
}

/// A newer deskctl does not bring an old desk's schema up to date under
/// another process that has the desk open (an older `deskctl serve` left
/// running through an upgrade would go on with a schema it does not know): it
/// refuses, naming that process, and changes nothing; once that process is
/// gone, the upgrade goes through. Python's sqlite3 stands in for the older
/// release: a connection holding the desk open in WAL mode, as every release
/// opens it (the fixture was saved in rollback mode).
#[test]
fn an_old_desk_open_in_another_process_is_not_upgraded_under_it() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    if !common::have_tool("python3") {
        return;
    }
    let desk = old_desk();
    let mut older = Command::new("python3")
        .args([
            "-c",
            "import sqlite3, sys\n\
             db = sqlite3.connect(sys.argv[1])\n\
             db.execute('PRAGMA journal_mode=WAL')\n\
             print(db.execute('SELECT count(*) FROM tickets').fetchone()[0], flush=True)\n\
             sys.stdin.read()",
        ])
        .arg(desk.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(older.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert_eq!(line.trim(), "6", "the other process did not open the desk");
    let before = std::fs::read(desk.path()).unwrap();

    desk.cmd()
        .args(["tickets", "list"])
        .assert()
        .code(1)
        .stderr(contains(format!(
            "another process has it open (pid {}",
            older.id()
        )))
        .stderr(contains("nothing was changed"));
    assert!(
        std::fs::read(desk.path()).unwrap() == before,
        "the desk file changed"
    );

    // The other process gone, the same command upgrades the desk.
    drop(older.stdin.take());
    assert!(older.wait().unwrap().success());
    let list = json(&desk.run(&["tickets", "list", "-o", "json"]));
    assert_eq!(list.as_array().unwrap().len(), TICKETS.len());
}
