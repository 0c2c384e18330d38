//! Email as a channel, end to end on both backends: replies threaded by their
//! headers and by the subject token, quoted history trimmed, a resolved ticket
//! reopened, a stranger's reply held as a note, duplicates kept out.

use super::BACKEND;
use crate::common;

use common::{Desk, Server, error_fields};
use serde_json::{Value, json};

/// A desk with a support inbox at help@example.com, served, and an ingest token.
fn inbox(desk: &Desk) -> (Server, String) {
    desk.seed();
    desk.run(&["assignment", "set", "--support-inbox", "help@example.com"]);
    let ingest = desk
        .run(&["tokens", "create", "--ingest", "--name", "mail"])
        .trim()
        .to_string();
    (desk.serve(), ingest)
}

fn post(server: &Server, token: &str, body: &Value) -> (u16, Value) {
    let auth = format!("Bearer {token}");
    let response = server.raw(
        "POST",
        "/v1/inbound/email",
        &[
            ("Authorization", &auth),
            ("Content-Type", "application/json"),
        ],
        &serde_json::to_vec(body).unwrap(),
    );
    (response.status, response.json())
}

fn first_email() -> Value {
    json!({
        "from": "Dana Smith <dana@example.com>",
        "to": "Help <help@example.com>",
        "subject": "Invoice 99 is wrong",
        "text": "The total is off by 10.",
        "message-id": "<first@mail.example.com>"
    })
}

fn ticket(desk: &Desk, number: u64) -> Value {
    serde_json::from_str(&desk.run(&["tickets", "show", &number.to_string(), "-o", "json"]))
        .unwrap()
}

fn timeline_bodies(detail: &Value) -> Vec<String> {
    detail["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["body"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// The Message-ID local part the desk gave its email reply on `number`.
fn reply_id(desk: &Desk, number: u64) -> String {
    let outbox: Value = serde_json::from_str(&desk.run(&[
        "outbox",
        "list",
        "--ticket",
        &number.to_string(),
        "--kind",
        "email",
        "-o",
        "json",
    ]))
    .unwrap();
    let items = outbox.as_array().or_else(|| outbox["items"].as_array());
    items.unwrap()[0]["payload"]["id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn a_reply_to_our_email_joins_its_ticket_by_its_headers_trimmed() {
    let desk = desk!();
    let (server, ingest) = inbox(&desk);
    assert_eq!(post(&server, &ingest, &first_email()).0, 201);
    desk.run(&[
        "tickets",
        "reply",
        "10001",
        "-m",
        "We are checking it.",
        "--yes",
    ]);
    let id = reply_id(&desk, 10001);

    // No token in the subject: only the headers tie it to the ticket.
    let reply = json!({
        "from": "dana@example.com",
        "to": "help@example.com",
        "subject": "Re: your answer",
        "text": "Thanks, here is the invoice.\n\nOn Tue, 2 Dec 2026, Bob <bob@example.com> wrote:\n> We are checking it.\n",
        "message-id": "<second@mail.example.com>",
        "in-reply-to": format!("<{id}@example.com>"),
        "references": ["<first@mail.example.com>", format!("<{id}@example.com>")],
        "attachments": [{"name": "invoice.pdf", "content-type": "application/pdf", "size": 2048}]
    });
    let (status, answer) = post(&server, &ingest, &reply);
    assert_eq!(status, 200, "{answer}");
    assert_eq!(
        answer,
        json!({"ticket": 10001, "created": false, "outcome": "appended"})
    );
    let detail = ticket(&desk, 10001);
    let bodies = timeline_bodies(&detail);
    assert!(
        bodies.contains(
            &"Thanks, here is the invoice.\n\nAttachments:\n- invoice.pdf (application/pdf, 2048 bytes)"
                .to_string()
        ),
        "{bodies:?}"
    );
    assert!(
        !bodies.iter().any(|b| b.contains("> We are checking")),
        "{bodies:?}"
    );
    // Answered by the customer: the ticket no longer waits on them.
    assert_eq!(detail["ticket"]["status"], "open");

    // The same message again changes nothing.
    let (status, answer) = post(&server, &ingest, &reply);
    assert_eq!(status, 200);
    assert_eq!(answer["outcome"], "duplicate");
    assert_eq!(
        timeline_bodies(&ticket(&desk, 10001)).len(),
        bodies.len(),
        "a duplicate adds nothing"
    );
    let list = desk.run(&["tickets", "list", "-o", "name"]);
    assert_eq!(list.lines().count(), 1, "{list}");
}

#[test]
fn a_reply_to_the_customers_own_message_joins_its_ticket() {
    let desk = desk!();
    let (server, ingest) = inbox(&desk);
    post(&server, &ingest, &first_email());
    let (status, answer) = post(
        &server,
        &ingest,
        &json!({
            "from": "dana@example.com",
            "to": "help@example.com",
            "subject": "Also",
            "text": "One more thing.",
            "message-id": "<third@mail.example.com>",
            "references": ["first@mail.example.com"]
        }),
    );
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["ticket"], 10001);
    assert_eq!(answer["outcome"], "appended");
}

#[test]
fn the_subject_token_threads_when_the_headers_do_not() {
    let desk = desk!();
    let (server, ingest) = inbox(&desk);
    post(&server, &ingest, &first_email());
    let reply = json!({
        "from": "dana@example.com",
        "to": "help@example.com",
        "subject": "Re: Invoice 99 is wrong [#10001]",
        "text": "Any news?",
        "message-id": "<token@mail.example.com>",
        "in-reply-to": "<unknown@elsewhere.example>"
    });
    let (status, answer) = post(&server, &ingest, &reply);
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["ticket"], 10001);

    // A token naming no ticket opens a new one.
    let mut stray = reply.clone();
    stray["subject"] = json!("Re: something [#20001]");
    stray["message-id"] = json!("<stray@mail.example.com>");
    let (status, answer) = post(&server, &ingest, &stray);
    assert_eq!(status, 201, "{answer}");
    assert_eq!(answer["ticket"], 10002);
    assert_eq!(answer["outcome"], "created");
}

#[test]
fn a_reply_on_a_resolved_ticket_reopens_it() {
    let desk = desk!();
    let (server, ingest) = inbox(&desk);
    post(&server, &ingest, &first_email());
    desk.run(&["tickets", "resolve", "10001"]);
    let (status, answer) = post(
        &server,
        &ingest,
        &json!({
            "from": "DANA@example.com",
            "to": "help@example.com",
            "subject": "Re: Invoice 99 is wrong [#10001]",
            "text": "It is still wrong.",
            "message-id": "<again@mail.example.com>"
        }),
    );
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["outcome"], "reopened");
    let detail = ticket(&desk, 10001);
    assert_eq!(detail["ticket"]["status"], "open");
    let events: Vec<&str> = detail["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["event"].as_str())
        .collect();
    assert_eq!(events.last(), Some(&"reopened"), "{events:?}");
    assert_eq!(
        detail["timeline"].as_array().unwrap().last().unwrap()["body"],
        "It is still wrong."
    );
}

#[test]
fn a_reply_on_a_resolved_ticket_of_an_operator_since_removed_goes_back_to_the_queue() {
    let desk = desk!();
    let (server, ingest) = inbox(&desk);
    post(&server, &ingest, &first_email());
    desk.run(&["tickets", "assign", "10001", "--to", "bob", "--force"]);
    desk.run(&["tickets", "resolve", "10001"]);
    desk.run(&["operators", "remove", "bob", "--yes"]);
    assert_eq!(ticket(&desk, 10001)["ticket"]["assignee"], "bob");
    let (status, answer) = post(
        &server,
        &ingest,
        &json!({
            "from": "dana@example.com",
            "to": "help@example.com",
            "subject": "Re: Invoice 99 is wrong [#10001]",
            "text": "It is still wrong.",
            "message-id": "<again@mail.example.com>"
        }),
    );
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["outcome"], "reopened");
    let detail = ticket(&desk, 10001);
    assert_eq!(detail["ticket"]["status"], "open");
    assert_eq!(detail["ticket"]["assignee"], Value::Null);
    let bodies = timeline_bodies(&detail);
    assert_eq!(
        bodies[bodies.len() - 3..],
        [
            "Reopened: the customer replied by email",
            "Unassigned from bob: the operator was removed",
            "It is still wrong.",
        ]
    );
}

#[test]
fn a_reply_from_someone_else_is_held_as_a_note() {
    let desk = desk!();
    let (server, ingest) = inbox(&desk);
    post(&server, &ingest, &first_email());
    desk.run(&["tickets", "resolve", "10001"]);
    let (status, answer) = post(
        &server,
        &ingest,
        &json!({
            "from": "Mallory <mallory@example.net>",
            "to": "help@example.com",
            "subject": "Re: Invoice 99 is wrong [#10001]",
            "text": "I have the same problem.",
            "message-id": "<mallory@mail.example.net>"
        }),
    );
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["outcome"], "held-as-note");
    let detail = ticket(&desk, 10001);
    assert_eq!(
        detail["ticket"]["status"], "resolved",
        "a stranger reopens nothing"
    );
    let last = detail["timeline"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["kind"], "note");
    assert!(
        last["body"]
            .as_str()
            .unwrap()
            .contains("Mallory <mallory@example.net>, who is not the requester"),
        "{last}"
    );
}

#[test]
fn an_out_of_office_reply_is_a_note_and_neither_reopens_nor_reactivates_the_ticket() {
    let desk = desk!();
    desk.seed();
    desk.run(&["assignment", "set", "--support-inbox", "help@example.com"]);
    let receive = |raw: String| {
        let output = desk
            .cmd()
            .args(["inbox", "receive"])
            .write_stdin(raw)
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        String::from_utf8(output.stderr).unwrap()
    };
    receive(
        "From: dana@example.com\r\nTo: help@example.com\r\nSubject: Refund\r\n\
         Message-ID: <ooo-0@mail.example.com>\r\n\r\nWhere is my refund?\r\n"
            .into(),
    );
    desk.run(&["tickets", "reply", "10001", "-m", "Sent today.", "--yes"]);
    let id = reply_id(&desk, 10001);
    let away = |n: u32, header: &str| {
        format!(
            "From: Dana <dana@example.com>\r\nTo: help@example.com\r\n\
             Subject: Out of office: Re: Refund [#10001]\r\n{header}\r\n\
             Message-ID: <ooo-{n}@mail.example.com>\r\nIn-Reply-To: <{id}@example.com>\r\n\r\n\
             I am away until Monday.\r\n"
        )
    };
    let status = || ticket(&desk, 10001)["ticket"]["status"].clone();
    let last = || {
        let detail = ticket(&desk, 10001);
        detail["timeline"]
            .as_array()
            .unwrap()
            .last()
            .unwrap()
            .clone()
    };
    assert_eq!(status(), "pending");

    let told = receive(away(1, "X-Autoreply: yes"));
    assert!(told.contains("it is an automatic reply"), "{told}");
    assert_eq!(status(), "pending", "still waiting on the customer");
    assert_eq!(last()["kind"], "note");
    assert!(
        last()["body"]
            .as_str()
            .unwrap()
            .ends_with("an automatic reply (held as a note, not shown to the customer):\n\nI am away until Monday."),
        "{}",
        last()["body"]
    );

    desk.run(&["tickets", "resolve", "10001"]);
    receive(away(2, "Auto-Submitted: auto-replied"));
    receive(away(3, "Precedence: bulk"));
    assert_eq!(status(), "resolved", "not reopened");
    assert_eq!(last()["kind"], "note");
    let outbox = desk.run(&[
        "outbox", "list", "--ticket", "10001", "--kind", "email", "-o", "name",
    ]);
    assert_eq!(
        outbox.lines().count(),
        1,
        "only the operator's reply: {outbox}"
    );

    // `Auto-Submitted: no` is a person writing: it reopens the ticket.
    let told = receive(away(4, "Auto-Submitted: no"));
    assert!(told.contains("reopened"), "{told}");
    assert_eq!(status(), "open");
}

#[test]
fn the_text_limit_counts_what_is_kept_and_the_api_still_refuses_more() {
    let desk = desk!();
    let (server, ingest) = inbox(&desk);
    assert_eq!(post(&server, &ingest, &first_email()).0, 201);
    // A short answer atop a long quoted thread: the quote is trimmed, then counted.
    let quoted = "> Earlier in the thread.\n".repeat(5_000);
    let reply = json!({
        "from": "dana@example.com",
        "to": "help@example.com",
        "subject": "Re: Invoice 99 is wrong [#10001]",
        "text": format!("Found it, thanks.\n\nOn Tue, 2 Dec 2026, Bob <bob@example.com> wrote:\n{quoted}"),
        "message-id": "<long-thread@mail.example.com>",
    });
    let (status, answer) = post(&server, &ingest, &reply);
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["outcome"], "appended");
    let bodies = timeline_bodies(&ticket(&desk, 10001));
    assert_eq!(bodies.last().unwrap(), "Found it, thanks.");

    // What the ticket would keep is too long: the JSON API refuses it, each field named.
    let mut long = first_email();
    long["message-id"] = json!("<long@mail.example.com>");
    long["subject"] = json!("s".repeat(301));
    long["text"] = json!("x".repeat(100_001));
    let (status, answer) = post(&server, &ingest, &long);
    assert_eq!(status, 422, "{answer}");
    let fields = error_fields(&answer);
    assert_eq!(fields, ["subject", "text"], "{answer}");
    assert_eq!(desk.run(&["tickets", "list", "-o", "name"]), "10001\n");
}

#[test]
fn long_mail_is_cut_to_fit_rather_than_bounced() {
    let desk = desk!();
    desk.seed();
    desk.run(&["assignment", "set", "--support-inbox", "help@example.com"]);
    let mut raw = format!(
        "From: Dana <dana@example.com>\r\nTo: help@example.com\r\nSubject: {}\r\n\
         Message-ID: <huge@mail.example.com>\r\n\
         Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n\
         --b\r\nContent-Type: text/plain\r\n\r\nPlease help.\r\n{}\r\n",
        "Broken ".repeat(60),
        "log line\r\n".repeat(12_000)
    );
    for i in 0..101 {
        raw.push_str(&format!(
            "--b\r\nContent-Type: image/png\r\nContent-Disposition: attachment; \
             filename=\"shot-{i}.png\"\r\nContent-Transfer-Encoding: base64\r\n\r\nAAAA\r\n"
        ));
    }
    raw.push_str("--b--\r\n");
    desk.cmd()
        .args(["inbox", "receive"])
        .write_stdin(raw)
        .assert()
        .success()
        .stdout("10001\n");
    let detail = ticket(&desk, 10001);
    let subject = detail["ticket"]["subject"].as_str().unwrap();
    assert_eq!(subject.chars().count(), 300);
    assert!(
        subject.starts_with("Broken Broken") && subject.ends_with('…'),
        "{subject}"
    );
    let body = detail["timeline"][1]["body"].as_str().unwrap();
    assert!(
        body.starts_with("Please help.\r\nlog line"),
        "{}",
        &body[..40]
    );
    assert!(
        body.contains(
            "log line\n\n[The email's text was cut here: it was 120014 characters, and the \
             support inbox keeps 100000.]\n\nAttachments:\n- shot-0.png (image/png, 3 bytes)"
        ),
        "{}",
        &body[99_800..100_100]
    );
    assert!(
        body.ends_with("- shot-98.png (image/png, 3 bytes)\n- 2 more attachments, not listed (multipart/mixed, 6 bytes)"),
        "{}",
        &body[body.len() - 200..]
    );
}

/// A sender's display name longer than a handoff's requester name may be
/// (200 characters) is cut to it, ending in `…`, at a character: the mail is
/// taken, never refused for it. Before, the whole name became the
/// requester's, however long.
#[test]
fn a_long_display_name_is_cut_to_a_requester_names_limit_and_the_mail_taken() {
    let desk = desk!();
    let (server, ingest) = inbox(&desk);
    let mut email = first_email();
    email["from"] = json!(format!("\"{}\" <dana@example.com>", "Dänä ".repeat(60)));
    let (status, answer) = post(&server, &ingest, &email);
    assert_eq!(status, 201, "{answer}");
    let cut = format!("{}…", "Dänä ".repeat(40).trim_end());
    assert_eq!(cut.chars().count(), 200);
    let detail = ticket(&desk, 10001);
    assert_eq!(detail["ticket"]["requester"]["name"], cut.as_str());
    assert_eq!(detail["timeline"][1]["author"], cut.as_str());
}

#[test]
fn a_sender_with_a_quoted_local_part_is_taken_and_a_bad_one_named_as_written() {
    let desk = desk!();
    desk.seed();
    desk.run(&["assignment", "set", "--support-inbox", "help@example.com"]);
    let mail = |from: &str, id: &str| {
        format!(
            "From: {from}\r\nTo: help@example.com\r\nSubject: Hello\r\nMessage-ID: <{id}@x.test>\r\n\r\nHi.\r\n"
        )
    };
    desk.cmd()
        .args(["inbox", "receive"])
        .write_stdin(mail("\"John Doe\"@cust.test", "q1"))
        .assert()
        .success()
        .stdout("10001\n");
    assert_eq!(
        ticket(&desk, 10001)["ticket"]["requester"]["email"],
        "\"John Doe\"@cust.test"
    );
    desk.cmd()
        .args(["inbox", "receive"])
        .write_stdin(mail("\"John Doe\"@localhost", "q2"))
        .assert()
        .code(65)
        .stderr(predicates::str::contains(
            "'\"John Doe\"@localhost' is not an email address: the domain after '@' must look like example.com",
        ));
}

/// The desk's mail carries only ASCII addresses (no SMTPUTF8): a sender it
/// could never answer is refused on every way in, naming `from`, and nothing
/// is stored.
#[test]
fn a_sender_with_a_non_ascii_address_is_refused_on_every_way_in() {
    let desk = desk!();
    let (server, ingest) = inbox(&desk);
    let piped = "From: J\u{fc}rgen <j\u{fc}rgen@ex\u{e4}mple.com>\r\nTo: help@example.com\r\n\
                 Subject: Hallo\r\nMessage-ID: <j1@c.example>\r\n\r\nKaputt\r\n";
    desk.cmd()
        .args(["inbox", "receive"])
        .write_stdin(piped)
        .assert()
        .code(65)
        .stdout("")
        .stderr(predicates::str::contains(
            "'j\u{fc}rgen@ex\u{e4}mple.com' is an address the desk cannot answer",
        ));
    for from in [
        "J\u{fc}rgen <j\u{fc}rgen@example.com>",
        "juergen@ex\u{e4}mple.com",
    ] {
        let mut email = first_email();
        email["from"] = json!(from);
        let (status, answer) = post(&server, &ingest, &email);
        assert_eq!(status, 422, "{answer}");
        assert_eq!(error_fields(&answer), ["from"], "{answer}");
    }
    if common::have_tool("python3") {
        let (_smtp_server, smtp) = desk.serve_smtp(&[]);
        let out = raw_smtp(
            &desk,
            &smtp,
            r#"
s, f = open_smtp()
envelope(s, f)
print(command(s, f, 'From: J\u00fcrgen <j\u00fcrgen@example.com>\r\nTo: help@example.com\r\n'
    'Subject: Hallo\r\nMessage-ID: <j2@c.example>\r\n\r\nKaputt\r\n.\r\n'.encode()))
"#,
        );
        assert!(
            out.ends_with(
                "550 5.6.0 refused: from: 'j\u{fc}rgen@example.com' is an address the desk \
                 cannot answer: its mail carries only ASCII addresses (no SMTPUTF8), and this \
                 one holds '\u{fc}'\n"
            ),
            "{out}"
        );
    }
    assert_eq!(desk.run(&["tickets", "list", "-o", "name"]), "");
}

/// No text the desk keeps holds a NUL (PostgreSQL refuses one, SQLite's search
/// stops at one), but a customer's mail is never refused for it: each NUL
/// becomes U+FFFD, over the API and from a piped message alike, and the text
/// after it is found.
#[test]
fn a_nul_in_an_email_is_replaced_and_the_mail_taken() {
    let desk = desk!();
    let (server, ingest) = inbox(&desk);
    let mut email = first_email();
    email["subject"] = json!("Invoice\u{0}99");
    email["text"] = json!("before\u{0}afterwards");
    let (status, answer) = post(&server, &ingest, &email);
    assert_eq!(status, 201, "{answer}");
    let detail = ticket(&desk, 10001);
    assert_eq!(detail["ticket"]["subject"], "Invoice\u{FFFD}99");
    assert_eq!(detail["timeline"][1]["body"], "before\u{FFFD}afterwards");

    let piped = b"From: eve@example.com\r\nTo: help@example.com\r\nSubject: Parcel\r\n\
                  Message-ID: <nul@x.test>\r\n\r\nlost\x00parcel\r\n";
    desk.cmd()
        .args(["inbox", "receive"])
        .write_stdin(piped.to_vec())
        .assert()
        .success()
        .stdout("10002\n");
    assert_eq!(
        ticket(&desk, 10002)["timeline"][1]["body"],
        "lost\u{FFFD}parcel"
    );
    for (words, number) in [("afterwards", "10001"), ("parcel", "10002")] {
        let found = desk.run(&["tickets", "list", "--search", words, "-o", "name"]);
        assert_eq!(found.trim(), number, "{words}");
    }
}

#[test]
fn a_refused_reply_stores_nothing() {
    let desk = desk!();
    let (server, ingest) = inbox(&desk);
    post(&server, &ingest, &first_email());
    let before = ticket(&desk, 10001);
    let (status, answer) = post(
        &server,
        &ingest,
        &json!({
            "from": "not an address",
            "to": "help@example.com",
            "subject": "Re: [#10001]",
            "text": "x",
            "message-id": "<bad@mail.example.com>"
        }),
    );
    assert_eq!(status, 422, "{answer}");
    assert_eq!(answer["errors"][0]["field"], "from");
    assert_eq!(ticket(&desk, 10001), before);
}

#[test]
fn a_support_inbox_ticket_has_no_ai_and_is_answered_by_email() {
    let desk = desk!();
    let (server, ingest) = inbox(&desk);
    post(&server, &ingest, &first_email());
    let shown = desk.run(&["tickets", "show", "10001"]);
    assert!(
        shown.contains("none (support inbox: handled by people, replies by email)"),
        "{shown}"
    );
    assert!(!shown.contains("answering"), "{shown}");

    let before = ticket(&desk, 10001);
    desk.cmd()
        .args(["tickets", "takeover", "10001", "--yes"])
        .assert()
        .code(6)
        .stderr(predicates::str::contains(
            "no AI answers ticket 10001: it came from the support inbox",
        ));
    assert_eq!(
        ticket(&desk, 10001),
        before,
        "a refused takeover changes nothing"
    );

    desk.run(&["tickets", "reply", "10001", "-m", "On it.", "--yes"]);
    let outbox = desk.run(&["outbox", "list", "--ticket", "10001"]);
    assert!(
        outbox.contains("email to dana@example.com: Re: Invoice 99 is wrong [#10001]"),
        "{outbox}"
    );
    assert!(!outbox.contains("webhook"), "{outbox}");
}

/// Only `-- ` (with its space) starts a signature: a bare `--` in a reply is
/// the customer's text, and what follows it is kept.
#[test]
fn a_bare_double_dash_in_a_reply_is_kept_with_what_follows() {
    let desk = desk!();
    desk.seed();
    desk.run(&["assignment", "set", "--support-inbox", "help@example.com"]);
    for message in [
        "From: Dana <dana@example.com>\r\nTo: help@example.com\r\nSubject: Steps\r\n\
         Message-ID: <s1@c.example>\r\n\r\nHello\r\n",
        "From: Dana <dana@example.com>\r\nTo: help@example.com\r\n\
         Subject: Re: Steps [#10001]\r\nMessage-ID: <s2@c.example>\r\n\
         In-Reply-To: <s1@c.example>\r\n\r\n1. open the box\r\n--\r\n\
         2. press the red button, NOT the blue one\r\n-- \r\nDana\r\n",
    ] {
        desk.cmd()
            .args(["inbox", "receive"])
            .write_stdin(message)
            .assert()
            .success()
            .stdout("10001\n");
    }
    let bodies = timeline_bodies(&ticket(&desk, 10001));
    assert_eq!(
        bodies.last().unwrap(),
        "1. open the box\n--\n2. press the red button, NOT the blue one",
        "{bodies:?}"
    );
}

/// An HTML mail whose plain alternative is blank is read from its HTML.
#[test]
fn an_html_mail_with_an_empty_plain_part_keeps_its_html_as_text() {
    let desk = desk!();
    desk.seed();
    desk.run(&["assignment", "set", "--support-inbox", "help@example.com"]);
    desk.cmd()
        .args(["inbox", "receive"])
        .write_stdin(
            "From: Hal <hal@example.com>\r\nTo: help@example.com\r\nSubject: Order 7\r\n\
             Message-ID: <h1@c.example>\r\nMIME-Version: 1.0\r\n\
             Content-Type: multipart/alternative; boundary=\"X\"\r\n\r\n\
             --X\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\r\n\
             --X\r\nContent-Type: text/html; charset=utf-8\r\n\r\n\
             <p>My order 7 never arrived</p>\r\n--X--\r\n",
        )
        .assert()
        .success()
        .stdout("10001\n");
    let bodies = timeline_bodies(&ticket(&desk, 10001));
    assert_eq!(bodies[1], "My order 7 never arrived", "{bodies:?}");
}

/// A message past the limit is said to be past it (reading stopped there, so
/// its size is not known); input that cannot be read is not a temporary
/// failure an MTA should retry for days: 66.
#[test]
fn inbox_receive_names_the_limit_and_an_unreadable_input() {
    let desk = desk!();
    desk.seed();
    desk.run(&["assignment", "set", "--support-inbox", "help@example.com"]);
    let big = desk.dir.path().join("big.eml");
    let mut message = b"From: dana@example.com\r\nTo: help@example.com\r\n\r\n".to_vec();
    message.resize(27_000_097, b'x');
    std::fs::write(&big, message).unwrap();
    desk.cmd()
        .args(["inbox", "receive", "--file", big.to_str().unwrap()])
        .assert()
        .code(65)
        .stderr(predicates::str::contains(
            "error: refused the message: the message is more than 26214400 bytes, the most \
             the support inbox takes",
        ));
    let missing = desk.dir.path().join("missing.eml");
    desk.cmd()
        .args(["inbox", "receive", "--file", missing.to_str().unwrap()])
        .assert()
        .code(66)
        .stdout("")
        .stderr(predicates::str::contains(format!(
            "error: cannot read {}",
            missing.display()
        )));
    assert_eq!(desk.run(&["tickets", "list", "-o", "name"]), "");
}

const EML: &str = "From: \"Dana Smith\" <dana@example.com>\r\n\
To: Help <help@example.com>\r\n\
Subject: Invoice 99 is wrong\r\n\
Message-ID: <eml-1@mail.example.com>\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=\"b1\"\r\n\
\r\n\
--b1\r\n\
Content-Type: text/plain; charset=utf-8\r\n\
\r\n\
The total is off by 10.\r\n\
--b1\r\n\
Content-Type: application/pdf; name=\"invoice.pdf\"\r\n\
Content-Disposition: attachment; filename=\"invoice.pdf\"\r\n\
Content-Transfer-Encoding: base64\r\n\
\r\n\
JVBERi0xLjQK\r\n\
--b1--\r\n";

#[test]
fn inbox_receive_takes_a_piped_message_and_its_reply() {
    let desk = desk!();
    desk.seed();
    desk.run(&["assignment", "set", "--support-inbox", "help@example.com"]);
    desk.cmd()
        .args(["inbox", "receive"])
        .write_stdin(EML)
        .assert()
        .success()
        .stdout("10001\n")
        .stderr(predicates::str::contains("Opened ticket 10001"));
    let detail = ticket(&desk, 10001);
    assert_eq!(detail["ticket"]["subject"], "Invoice 99 is wrong");
    assert_eq!(detail["ticket"]["requester"]["name"], "Dana Smith");
    assert_eq!(
        detail["timeline"][1]["body"],
        "The total is off by 10.\n\nAttachments:\n- invoice.pdf (application/pdf, 9 bytes)"
    );

    // The same message piped again: taken (exit 0), nothing changes.
    desk.cmd()
        .args(["inbox", "receive", "-o", "json"])
        .write_stdin(EML)
        .assert()
        .success()
        .stderr(predicates::str::contains("Already received"));

    desk.run(&["tickets", "reply", "10001", "-m", "Checking.", "--yes"]);
    let id = reply_id(&desk, 10001);
    let reply = format!(
        "From: dana@example.com\r\nTo: help@example.com\r\nSubject: Re: hello\r\n\
         Message-ID: <eml-2@mail.example.com>\r\nIn-Reply-To: <{id}@example.com>\r\n\
         References: <eml-1@mail.example.com> <{id}@example.com>\r\n\r\n\
         Here it is.\r\n\r\nOn Tue, Bob Jones <bob@example.com> wrote:\r\n> Checking.\r\n"
    );
    desk.cmd()
        .args(["inbox", "receive"])
        .write_stdin(reply)
        .assert()
        .success()
        .stderr(predicates::str::contains("Added the reply to ticket 10001"));
    let detail = ticket(&desk, 10001);
    let messages: Vec<&Value> = detail["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "message")
        .collect();
    assert_eq!(messages.last().unwrap()["body"], "Here it is.");
    assert_eq!(messages.last().unwrap()["author_kind"], "customer");
    assert_eq!(
        desk.run(&["tickets", "list", "-o", "name"]).lines().count(),
        1
    );
}

#[test]
fn mail_in_japanese_legacy_charsets_is_stored_as_written() {
    let desk = desk!();
    desk.seed();
    desk.run(&["assignment", "set", "--support-inbox", "help@example.com"]);
    let text = "注文した商品がまだ届きません。\n番号は１２３４５です。";
    // ISO-2022-JP is 7-bit: sent as it is, escape sequences and all.
    let mut iso_2022_jp = b"From: dana@example.com\r\nTo: help@example.com\r\n\
        Subject: =?ISO-2022-JP?B?GyRCR1tBdyROQ1kkbBsoQg==?=\r\nMessage-ID: <jis@example.jp>\r\n\
        MIME-Version: 1.0\r\nContent-Type: text/plain; charset=ISO-2022-JP\r\n\
        Content-Transfer-Encoding: 7bit\r\n\r\n"
        .to_vec();
    iso_2022_jp.extend_from_slice(
        b"\x1b$BCmJ8$7$?>&IJ$,$^$@FO$-$^$;$s!#\x1b(B\r\n\
          \x1b$BHV9f$O#1#2#3#4#5$G$9!#\x1b(B\r\n",
    );
    let shift_jis: &[u8] = b"From: dana@example.com\r\nTo: help@example.com\r\n\
        Subject: =?Shift_JIS?B?lHqRl4LMkniC6g==?=\r\nMessage-ID: <sjis@example.jp>\r\n\
        MIME-Version: 1.0\r\nContent-Type: text/plain; charset=Shift_JIS\r\n\
        Content-Transfer-Encoding: 8bit\r\n\r\n\
        \x92\x8d\x95\xb6\x82\xb5\x82\xbd\x8f\xa4\x95i\x82\xaa\x82\xdc\x82\xbe\x93\xcd\x82\xab\
        \x82\xdc\x82\xb9\x82\xf1\x81B\r\n\
        \x94\xd4\x8d\x86\x82\xcd\x82P\x82Q\x82R\x82S\x82T\x82\xc5\x82\xb7\x81B\r\n";
    for (number, raw) in [(10001, iso_2022_jp), (10002, shift_jis.to_vec())] {
        desk.cmd()
            .args(["inbox", "receive"])
            .write_stdin(raw)
            .assert()
            .success()
            .stdout(format!("{number}\n"));
        let detail = ticket(&desk, number);
        assert_eq!(detail["ticket"]["subject"], "配送の遅れ", "#{number}");
        assert_eq!(
            detail["timeline"][1]["body"]
                .as_str()
                .unwrap()
                .replace("\r\n", "\n"),
            text,
            "#{number}"
        );
    }
}

#[test]
fn inbox_receive_refuses_malformed_mail_and_defers_what_may_pass_later() {
    let desk = desk!();
    desk.seed();
    // The inbox is off: the MTA should try again later (75), nothing stored.
    desk.cmd()
        .args(["inbox", "receive"])
        .write_stdin(EML)
        .assert()
        .code(75)
        .stderr(predicates::str::contains("the support inbox is off"))
        .stderr(predicates::str::contains(
            "hint: turn it on with `deskctl assignment set --support-inbox ADDRESS`",
        ));
    desk.run(&["assignment", "set", "--support-inbox", "help@example.com"]);

    desk.cmd()
        .args(["inbox", "receive"])
        .write_stdin("To: help@example.com\r\nSubject: hi\r\n\r\nno sender\r\n")
        .assert()
        .code(65)
        .stdout("")
        .stderr(predicates::str::contains(
            "error: refused the message: the message has no From: address",
        ));
    desk.cmd()
        .args(["inbox", "receive"])
        .write_stdin("")
        .assert()
        .code(65)
        .stderr(predicates::str::contains("the message is empty"));
    // Delivered to another address: the service refuses it (422 → 65).
    desk.cmd()
        .args(["inbox", "receive", "--to", "sales@example.com"])
        .write_stdin(EML)
        .assert()
        .code(65)
        .stderr(predicates::str::contains(
            "'sales@example.com' is not the support inbox's address",
        ));
    let list = desk.run(&["tickets", "list", "-o", "name"]);
    assert_eq!(list, "", "nothing stored");

    // Bare `inbox` is the full-screen view, which needs a terminal.
    desk.cmd()
        .args(["inbox"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("needs a terminal"));
}

#[test]
fn a_from_with_two_addresses_is_refused_and_stores_nothing() {
    let desk = desk!();
    let (server, ingest) = inbox(&desk);
    for from in [
        "Zed <zed@example.com>, Eve <eve@example.com>",
        "zed@example.com, eve@example.com",
        "Zed <zed@example.com> Eve <eve@example.com>",
    ] {
        let mut email = first_email();
        email["from"] = json!(from);
        let (status, problem) = post(&server, &ingest, &email);
        assert_eq!(status, 422, "{from}: {problem}");
        assert_eq!(problem["errors"][0]["field"], "from", "{problem}");
        assert!(
            problem["errors"][0]["message"]
                .as_str()
                .unwrap()
                .contains("one address"),
            "{problem}"
        );
    }
    assert_eq!(desk.run(&["tickets", "list", "-o", "name"]), "");
    // A comma in a quoted display name is part of the name.
    let mut email = first_email();
    email["from"] = json!("\"Smith, Dana\" <dana@example.com>");
    let (status, answer) = post(&server, &ingest, &email);
    assert_eq!(status, 201, "{answer}");
    let requester = &ticket(&desk, 10001)["ticket"]["requester"];
    assert_eq!(requester["name"], "Smith, Dana");
    assert_eq!(requester["email"], "dana@example.com");
}

#[test]
fn a_message_id_is_the_same_with_or_without_its_angle_brackets() {
    let desk = desk!();
    let (server, ingest) = inbox(&desk);
    let mut email = first_email();
    email["message-id"] = json!("<h1@mail.example.com>");
    let (status, answer) = post(&server, &ingest, &email);
    assert_eq!(status, 201, "{answer}");
    for same in ["h1@mail.example.com", " < h1@mail.example.com > "] {
        email["message-id"] = json!(same);
        let (status, answer) = post(&server, &ingest, &email);
        assert_eq!(status, 200, "{same:?}: {answer}");
        assert_eq!(
            answer,
            json!({"ticket": 10001, "created": false, "outcome": "duplicate"}),
            "{same:?}"
        );
    }
    email["message-id"] = json!("<>");
    let (status, problem) = post(&server, &ingest, &email);
    assert_eq!(status, 422, "{problem}");
    assert_eq!(problem["errors"][0]["field"], "message-id", "{problem}");
    assert_eq!(desk.run(&["tickets", "list", "-o", "name"]), "10001\n");
}

#[test]
fn a_message_posted_bare_is_a_duplicate_when_smtp_brings_it_bracketed() {
    if !common::have_tool("python3") {
        return;
    }
    let desk = desk!();
    desk.seed();
    desk.run(&["assignment", "set", "--support-inbox", "help@example.com"]);
    let ingest = desk
        .run(&["tokens", "create", "--ingest", "--name", "mail"])
        .trim()
        .to_string();
    let (server, smtp) = desk.serve_smtp(&[]);
    let mut email = first_email();
    email["message-id"] = json!("both-ways@mail.example.com");
    let (status, answer) = post(&server, &ingest, &email);
    assert_eq!(status, 201, "{answer}");
    let out = smtplib(
        &desk,
        &smtp,
        r#"
m = EmailMessage()
m['From'] = 'Dana Smith <dana@example.com>'
m['To'] = 'help@example.com'
m['Subject'] = 'Invoice 99 is wrong'
m['Message-ID'] = '<both-ways@mail.example.com>'
m.set_content('The total is off by 10.')
with smtplib.SMTP(HOST, PORT) as s:
    print(s.send_message(m))
"#,
    );
    assert_eq!(out, "{}\n", "{out}");
    assert_eq!(desk.run(&["tickets", "list", "-o", "name"]), "10001\n");
}

/// Runs `script` with Python (smtplib as the SMTP client); `HOST` and `PORT`
/// are set. Returns its stdout, one line per step.
fn smtplib(desk: &Desk, smtp: &str, script: &str) -> String {
    let (host, port) = smtp.rsplit_once(':').unwrap();
    let prelude = format!(
        "import smtplib, ssl, sys\nfrom email.message import EmailMessage\nHOST = {host:?}\nPORT = {port}\n"
    );
    let output = std::process::Command::new("python3")
        .args(["-c", &format!("{prelude}{script}")])
        .current_dir(desk.dir.path())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "python failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// A line break in a sender's name would end the `To:` header of every
/// reply: each inbound path keeps the name on one line.
#[test]
fn a_senders_name_is_kept_on_one_line_however_the_mail_comes() {
    if !common::have_tool("python3") {
        return;
    }
    let desk = desk!();
    let (server, ingest) = inbox(&desk);
    let mut email = first_email();
    email["from"] = json!("Eve\r\nBcc: x <crlf@example.com>");
    let (status, answer) = post(&server, &ingest, &email);
    assert_eq!(status, 201, "{answer}");
    assert_eq!(
        ticket(&desk, 10001)["ticket"]["requester"]["name"],
        "Eve Bcc: x"
    );
    drop(server);
    let (_server, smtp) = desk.serve_smtp(&[]);
    smtplib(
        &desk,
        &smtp,
        r#"
import base64
name = '=?UTF-8?B?' + base64.b64encode(b'Eve\r\nBcc: x@evil.example\x07').decode() + '?='
with smtplib.SMTP(HOST, PORT) as s:
    s.sendmail('e@example.com', ['help@example.com'],
        'From: %s <e1@example.com>\r\nTo: help@example.com\r\nSubject: t\r\n'
        'Message-ID: <e1@x>\r\n\r\nhi\r\n' % name)
"#,
    );
    let detail = ticket(&desk, 10002);
    assert_eq!(
        detail["ticket"]["requester"]["name"],
        "Eve Bcc: x@evil.example"
    );
    assert_eq!(detail["timeline"][1]["author"], "Eve Bcc: x@evil.example");
}

#[test]
fn smtp_takes_mail_for_the_support_inbox_and_threads_replies() {
    if !common::have_tool("python3") {
        return;
    }
    let desk = desk!();
    desk.seed();
    desk.run(&["assignment", "set", "--support-inbox", "help@example.com"]);
    let (server, smtp) = desk.serve_smtp(&[]);
    let out = smtplib(
        &desk,
        &smtp,
        r#"
m = EmailMessage()
m['From'] = 'Dana Smith <dana@example.com>'
m['To'] = 'help@example.com'
m['Subject'] = 'Invoice 99 is wrong'
m['Message-ID'] = '<smtp-1@mail.example.com>'
m.set_content('The total is off by 10.')
m.add_attachment(b'%PDF-1.4\n', maintype='application', subtype='pdf', filename='invoice.pdf')
with smtplib.SMTP(HOST, PORT) as s:
    code, text = s.ehlo()
    print(code, 'SIZE' in text.decode(), 'STARTTLS' in text.decode())
    print(s.send_message(m))
    print(s.noop()[0])
    # The same message again: accepted, nothing new.
    print(s.send_message(m))
"#,
    );
    assert_eq!(out, "250 True False\n{}\n250\n{}\n", "{out}");
    let detail = ticket(&desk, 10001);
    assert_eq!(detail["ticket"]["subject"], "Invoice 99 is wrong");
    assert_eq!(detail["ticket"]["channel"], "email");
    assert_eq!(
        detail["timeline"][1]["body"],
        "The total is off by 10.\n\nAttachments:\n- invoice.pdf (application/pdf, 9 bytes)"
    );
    assert_eq!(desk.run(&["tickets", "list", "-o", "name"]), "10001\n");

    // Our reply, then the customer's answer to it: joined by its headers.
    desk.run(&["tickets", "reply", "10001", "-m", "Checking.", "--yes"]);
    let id = reply_id(&desk, 10001);
    desk.run(&["tickets", "resolve", "10001"]);
    smtplib(
        &desk,
        &smtp,
        &format!(
            r#"
m = EmailMessage()
m['From'] = 'dana@example.com'
m['To'] = 'help@example.com'
m['Subject'] = 'Re: your answer'
m['Message-ID'] = '<smtp-2@mail.example.com>'
m['In-Reply-To'] = '<{id}@example.com>'
m['References'] = '<smtp-1@mail.example.com> <{id}@example.com>'
m.set_content('Still wrong.\n\n-- \nDana')
with smtplib.SMTP(HOST, PORT) as s:
    s.send_message(m)
"#
        ),
    );
    let detail = ticket(&desk, 10001);
    assert_eq!(detail["ticket"]["status"], "open", "reopened by the reply");
    let last = detail["timeline"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["body"], "Still wrong.");
    assert_eq!(desk.run(&["tickets", "list", "-o", "name"]), "10001\n");
    drop(server);
}

#[test]
fn smtp_refuses_what_the_inbox_cannot_take_with_5xx_and_stores_nothing() {
    if !common::have_tool("python3") {
        return;
    }
    let desk = desk!();
    desk.seed();
    let (_server, smtp) = desk.serve_smtp(&["--smtp-max-size", "2048"]);
    let script = r#"
def attempt(sender, rcpts, body):
    try:
        with smtplib.SMTP(HOST, PORT) as s:
            s.sendmail(sender, rcpts, body)
        print('accepted')
    except smtplib.SMTPRecipientsRefused as e:
        print('rcpt', list(e.recipients.values())[0][0])
    except smtplib.SMTPDataError as e:
        print('data', e.smtp_code, e.smtp_error.decode())
    except smtplib.SMTPSenderRefused as e:
        print('mail', e.smtp_code)
good = 'From: dana@example.com\r\nTo: help@example.com\r\nSubject: hi\r\n\r\nhello\r\n'
attempt('dana@example.com', ['help@example.com'], good)
"#;
    // The inbox is off: try again later (4xx).
    assert_eq!(smtplib(&desk, &smtp, script), "rcpt 450\n");
    desk.run(&["assignment", "set", "--support-inbox", "help@example.com"]);
    let out = smtplib(
        &desk,
        &smtp,
        &format!(
            "{script}{}",
            r#"
attempt('x@example.com', ['sales@example.com'], good)
attempt('x@example.com', ['help@example.com'], 'Subject: no sender\r\n\r\nhi\r\n')
attempt('x@example.com', ['help@example.com'], 'From: dana@localhost\r\n\r\nhi\r\n')
attempt('x@example.com', ['help@example.com'], good + 'x' * 4096)
with smtplib.SMTP(HOST, PORT) as s:
    print(s.docmd('DATA')[0], s.docmd('RCPT TO:<help@example.com>')[0], s.docmd('BOGUS')[0])
"#
        ),
    );
    assert_eq!(
        out,
        "accepted\nrcpt 550\n\
         data 550 5.6.0 refused: the message has no From: address\n\
         data 550 5.6.0 refused: from: 'dana@localhost' is not an email address: \
         the domain after '@' must look like example.com\n\
         mail 552\n\
         503 503 500\n",
        "{out}"
    );
    assert_eq!(desk.run(&["tickets", "list", "-o", "name"]), "10001\n");
}

#[test]
fn smtp_offers_starttls_with_a_certificate() {
    if !common::have_tool("python3") || !common::have_tool("openssl") {
        return;
    }
    let desk = desk!();
    desk.seed();
    desk.run(&["assignment", "set", "--support-inbox", "help@example.com"]);
    let status = std::process::Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "key.pem",
            "-out",
            "cert.pem",
            "-days",
            "1",
            "-subj",
            "/CN=localhost",
        ])
        .current_dir(desk.dir.path())
        .output()
        .unwrap();
    assert!(status.status.success());
    let cert = desk.dir.path().join("cert.pem");
    let key = desk.dir.path().join("key.pem");
    let (_server, smtp) = desk.serve_smtp(&[
        "--smtp-cert",
        cert.to_str().unwrap(),
        "--smtp-key",
        key.to_str().unwrap(),
    ]);
    let out = smtplib(
        &desk,
        &smtp,
        r#"
with smtplib.SMTP(HOST, PORT) as s:
    print('STARTTLS' in s.ehlo()[1].decode())
    ctx = ssl.create_default_context(); ctx.check_hostname = False; ctx.verify_mode = ssl.CERT_NONE
    print(s.starttls(context=ctx)[0])
    print('STARTTLS' in s.ehlo()[1].decode(), s.sock.version() is not None)
    print(s.sendmail('dana@example.com', ['help@example.com'],
        'From: dana@example.com\r\nSubject: secret\r\nMessage-ID: <tls@x>\r\n\r\nover TLS\r\n'))
"#,
    );
    assert_eq!(out, "True\n220\nFalse True\n{}\n", "{out}");
    assert_eq!(ticket(&desk, 10001)["ticket"]["subject"], "secret");

    // A key that is not one: refused at start, exit 2.
    std::fs::write(desk.dir.path().join("bad.pem"), "nothing here").unwrap();
    desk.cmd()
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--smtp-listen",
            "127.0.0.1:0",
            "--smtp-cert",
            cert.to_str().unwrap(),
            "--smtp-key",
            desk.dir.path().join("bad.pem").to_str().unwrap(),
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("cannot read the private key"));
}

/// Python for a raw SMTP session, for what smtplib would not send: `open()`
/// connects and reads the greeting, `command(s, f, line)` sends one line
/// (ended as given) and returns the last line of its reply, and `rest(f)`
/// reads every line until the server closes.
const RAW_SMTP: &str = r#"
import socket
def open_smtp():
    s = socket.create_connection((HOST, PORT))
    f = s.makefile('rb')
    last(f)
    return s, f
def last(f):
    while True:
        line = f.readline().decode()
        if line[3:4] != '-':
            return line.rstrip('\r\n')
def command(s, f, line):
    s.sendall(line)
    return last(f)
def rest(f):
    return [line.decode().rstrip('\r\n') for line in f.readlines()]
def envelope(s, f):
    for line in [b'EHLO client.example.com', b'MAIL FROM:<dana@example.com>',
                 b'RCPT TO:<help@example.com>', b'DATA']:
        print(command(s, f, line + b'\r\n'))
"#;

/// Runs `script` after [`RAW_SMTP`]'s helpers.
fn raw_smtp(desk: &Desk, smtp: &str, script: &str) -> String {
    smtplib(desk, smtp, &format!("{RAW_SMTP}{script}"))
}

/// A seeded desk's support inbox at help@example.com, served with an SMTP
/// listener; `None` when python3, the tests' SMTP client, is missing.
fn smtp_inbox(desk: &Desk) -> Option<(Server, String)> {
    if !common::have_tool("python3") {
        return None;
    }
    desk.seed();
    desk.run(&["assignment", "set", "--support-inbox", "help@example.com"]);
    Some(desk.serve_smtp(&[]))
}

#[test]
fn smtp_ends_data_only_at_crlf_dot_crlf_so_no_message_is_smuggled_inside_another() {
    let desk = desk!();
    let Some((_server, smtp)) = smtp_inbox(&desk) else {
        return;
    };
    // An MTA in front passes a bare `<LF>.<LF>` on as data; a listener that
    // ended DATA there would take what follows as a second, forged message.
    let out = smtplib(
        &desk,
        &smtp,
        &format!(
            "{RAW_SMTP}{}",
            r#"
s, f = open_smtp()
envelope(s, f)
s.sendall(b'From: Dana <dana@example.com>\r\nTo: help@example.com\r\n'
    b'Subject: Smuggled\r\nMessage-ID: <smuggle@mail.example.com>\r\n\r\n'
    b'Before the fake end.\n.\nMAIL FROM:<mallory@example.net>\nRCPT TO:<help@example.com>\n'
    b'DATA\nFrom: Mallory <mallory@example.net>\nTo: help@example.com\nSubject: Forged\n'
    b'Message-ID: <forged@example.net>\n\nWire the refund to me.\n.\n'
    b'Also \r\n.\nand \n.\r\nare data.\r\n.\r\nQUIT\r\n')
print(rest(f))
"#
        ),
    );
    assert_eq!(
        out,
        "250 ENHANCEDSTATUSCODES\n250 2.1.0 ok\n250 2.1.5 ok\n354 end with <CRLF>.<CRLF>\n\
         ['250 2.0.0 opened ticket 10001', '221 2.0.0 bye']\n",
        "{out}"
    );
    assert_eq!(desk.run(&["tickets", "list", "-o", "name"]), "10001\n");
    let detail = ticket(&desk, 10001);
    assert_eq!(detail["ticket"]["subject"], "Smuggled");
    let body = detail["timeline"][1]["body"].as_str().unwrap();
    assert!(
        body.contains(
            "Before the fake end.\n.\nMAIL FROM:<mallory@example.net>\n\
             RCPT TO:<help@example.com>\nDATA\nFrom: Mallory <mallory@example.net>\n"
        ) && body.contains("Wire the refund to me.\n.\n")
            && body.contains("are data."),
        "{body:?}"
    );

    // A command line ending in a bare LF is refused and the connection closed.
    let out = smtplib(
        &desk,
        &smtp,
        &format!(
            "{RAW_SMTP}{}",
            r#"
s, f = open_smtp()
print(command(s, f, b'EHLO client.example.com\n'))
print(rest(f))
"#
        ),
    );
    assert_eq!(
        out, "500 5.5.2 bare <LF> received: SMTP lines end with <CR><LF>\n[]\n",
        "{out}"
    );
}

/// RFC 5321 4.1.1.11: only the parameters of an advertised extension are
/// taken; a second MAIL FROM needs RSET; SMTPUTF8, not advertised, is
/// refused, and so is an address that would need it.
#[test]
fn smtp_refuses_parameters_it_does_not_offer_and_a_second_mail_from() {
    let desk = desk!();
    let Some((_server, smtp)) = smtp_inbox(&desk) else {
        return;
    };
    let out = raw_smtp(
        &desk,
        &smtp,
        r#"
s, f = open_smtp()
for line in ['EHLO a', 'MAIL FROM:<p@example.com> FOO=bar', 'MAIL FROM:<p@example.com> SIZE=abc',
             'MAIL FROM:<p@example.com> SMTPUTF8', 'MAIL FROM:<j\u00fcrgen@example.com>',
             'MAIL FROM:<p@example.com> BODY=8BITMIME SIZE=10', 'MAIL FROM:<q@example.com>',
             'RCPT TO:<help@example.com> NOTIFY=NEVER', 'RCPT TO:<h\u00e9lp@example.com>',
             'RSET', 'MAIL FROM:<q@example.com> BODY=7BIT', 'RCPT TO:<help@example.com>', 'QUIT']:
    print(command(s, f, (line + '\r\n').encode()))
"#,
    );
    assert_eq!(
        out,
        "250 ENHANCEDSTATUSCODES\n\
         555 5.5.4 the MAIL FROM parameter FOO is not offered\n\
         501 5.5.4 SIZE must be a number of bytes\n\
         555 5.5.4 SMTPUTF8 is not offered: the support inbox takes ASCII addresses only\n\
         553 5.6.7 non-ASCII addresses need SMTPUTF8, which is not offered\n\
         250 2.1.0 ok\n\
         503 5.5.1 a MAIL FROM is already given: RSET first\n\
         555 5.5.4 the RCPT TO parameter NOTIFY is not offered\n\
         553 5.6.7 non-ASCII addresses need SMTPUTF8, which is not offered\n\
         250 2.0.0 ok\n250 2.1.0 ok\n250 2.1.5 ok\n221 2.0.0 bye\n",
        "{out}"
    );
}

#[test]
fn smtp_reads_endless_lines_in_bounded_memory_and_still_answers() {
    if !common::have_tool("python3") {
        return;
    }
    let desk = desk!();
    desk.seed();
    desk.run(&["assignment", "set", "--support-inbox", "help@example.com"]);
    let (server, smtp) = desk.serve_smtp(&["--smtp-max-size", "2048"]);
    // A 32 MiB line in a message allowed 2 KiB: refused, and the server's
    // peak memory does not grow by the line (it held all of it before).
    let out = smtplib(
        &desk,
        &smtp,
        &format!(
            "{RAW_SMTP}PID = {}\n{}",
            server.child.id(),
            r#"
import os
def peak_kib():
    status = f'/proc/{PID}/status'
    if not os.path.exists(status):
        return 0
    return next(int(line.split()[1]) for line in open(status) if line.startswith('VmHWM'))
s, f = open_smtp()
envelope(s, f)
before = peak_kib()
print(command(s, f, b'From: dana@example.com\r\n\r\n' + b'x' * (32 << 20) + b'\r\n.\r\n'))
print(peak_kib() - before < 16 << 10)
print(command(s, f, b'NOOP\r\n'))
s, f = open_smtp()
print(command(s, f, b'EHLO client.example.com\r\n'))
# A command line of 100 KB: answered (not reset) and the connection closed.
print(command(s, f, b'RCPT TO:<' + b'x' * 100_000 + b'@example.com>\r\n'))
print(rest(f))
"#
        ),
    );
    assert_eq!(
        out,
        "250 ENHANCEDSTATUSCODES\n250 2.1.0 ok\n250 2.1.5 ok\n354 end with <CRLF>.<CRLF>\n\
         552 5.3.4 the message is larger than the 2048 bytes accepted\nTrue\n250 2.0.0 ok\n\
         250 ENHANCEDSTATUSCODES\n500 5.5.2 line too long\n[]\n",
        "{out}"
    );
    assert_eq!(desk.run(&["tickets", "list", "-o", "name"]), "");
}

fn raw(server: &Server, method: &str, path: &str, token: &str, body: &str) -> (u16, Value) {
    let auth = format!("Bearer {token}");
    let response = server.raw(
        method,
        path,
        &[
            ("Authorization", &auth),
            ("Content-Type", "application/json"),
        ],
        body.as_bytes(),
    );
    let json = serde_json::from_str(&response.body).unwrap_or(Value::Null);
    (response.status, json)
}

/// A requester token lists the tickets that the handoffs of the ingest token
/// that minted it opened, for its one customer: not the support inbox's,
/// though the same token relayed their mail.
#[test]
fn a_requester_token_reads_its_own_customers_tickets_and_nothing_else() {
    let desk = desk!();
    let (server, ingest) = inbox(&desk);
    desk.run(&["agents", "add", "shop", "--name", "Shop"]);
    desk.run(&["actions", "set", "shop", "--channel", "web"]);
    post(&server, &ingest, &first_email());
    let mut eve = first_email();
    eve["from"] = json!("eve@example.com");
    eve["subject"] = json!("Eve's problem");
    eve["message-id"] = json!("<eve@mail.example.com>");
    post(&server, &ingest, &eve);
    let handoff = |email: &str, text: &str| {
        let body = json!({
            "agent": "shop", "environment": "production", "channel": "web",
            "requester": {"email": email},
            "transcript": [{"role": "customer", "text": text}],
        });
        let (status, sent) = raw(&server, "POST", "/v1/handoffs", &ingest, &body.to_string());
        assert_eq!(status, 201, "{sent}");
        sent["ticket"].as_u64().unwrap()
    };
    assert_eq!(handoff("dana@example.com", "Where is my parcel?"), 10003);
    assert_eq!(handoff("eve@example.com", "Eve again"), 10004);
    desk.run(&["tickets", "resolve", "10003"]);
    assert_eq!(handoff("DANA@example.com", "Another question"), 10005);

    // The ingest token alone reads no customer's tickets.
    let (status, _) = raw(
        &server,
        "GET",
        "/v1/requesters/dana@example.com/tickets",
        &ingest,
        "",
    );
    assert_eq!(status, 403);
    let (status, _) = raw(&server, "GET", "/v1/requesters/me/tickets", &ingest, "");
    assert_eq!(status, 401);

    let (status, minted) = raw(
        &server,
        "POST",
        "/v1/requesters/tokens",
        &ingest,
        r#"{"requester": "dana@example.com", "ttl-seconds": 600}"#,
    );
    assert_eq!(status, 201, "{minted}");
    let dana = minted["token"].as_str().unwrap().to_string();
    assert!(dana.starts_with("dkr_"), "{dana}");
    assert_eq!(minted["requester"], "dana@example.com");

    let (status, mine) = raw(&server, "GET", "/v1/requesters/me/tickets", &dana, "");
    assert_eq!(status, 200, "{mine}");
    let listed: Vec<(u64, String)> = mine["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["number"].as_u64().unwrap(),
                t["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        listed,
        [(10005, "open".to_string()), (10003, "resolved".to_string())],
        "dana's open and closed tickets, never eve's nor the support inbox's"
    );
    // A page at a time, as every list: the cursor is the last one's number.
    let (status, first) = raw(
        &server,
        "GET",
        "/v1/requesters/me/tickets?limit=1",
        &dana,
        "",
    );
    assert_eq!(status, 200, "{first}");
    assert_eq!(first["items"][0]["number"], 10005, "{first}");
    assert_eq!(first["next_cursor"], "10005", "{first}");
    let path = "/v1/requesters/me/tickets?limit=1&cursor=10005";
    let (status, last) = raw(&server, "GET", path, &dana, "");
    assert_eq!(status, 200, "{last}");
    assert_eq!(last["items"][0]["number"], 10003, "{last}");
    assert!(last.get("next_cursor").is_none(), "{last}");
    let padded = format!("cursor={}", "0".repeat(201));
    for (query, status, field) in [
        ("limit=0", 422, "limit"),
        ("cursor=tok_1", 422, "cursor"),
        (padded.as_str(), 422, "cursor"),
        ("page=2", 400, "page"),
    ] {
        let path = format!("/v1/requesters/me/tickets?{query}");
        let (answered, problem) = raw(&server, "GET", &path, &dana, "");
        assert_eq!(answered, status, "{query}: {problem}");
        assert_eq!(error_fields(&problem), [field], "{query}: {problem}");
    }
    // The credential is read as every bearer token is: another scheme is
    // a malformed header, named so, not a missing one.
    let basic = server.raw(
        "GET",
        "/v1/requesters/me/tickets",
        &[("Authorization", &format!("Basic {dana}"))],
        b"",
    );
    assert_eq!(basic.status, 401, "{}", basic.body);
    let problem: Value = serde_json::from_str(&basic.body).unwrap();
    assert_eq!(problem["code"], "invalid_authorization", "{problem}");

    // Dana's token reads nothing else: not eve's tickets, not the API.
    let (status, _) = raw(
        &server,
        "GET",
        "/v1/requesters/eve@example.com/tickets",
        &dana,
        "",
    );
    assert_eq!(status, 401);
    let (status, _) = raw(&server, "GET", "/v1/tickets/10002", &dana, "");
    assert_eq!(status, 401);
    // Another customer's name in the token, the signature kept: refused.
    let (payload, signature) = dana.trim_start_matches("dkr_").split_once('.').unwrap();
    use base64::Engine;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let mut claims: Value = serde_json::from_slice(&b64.decode(payload).unwrap()).unwrap();
    claims["sub"] = json!("eve@example.com");
    let forged = format!(
        "dkr_{}.{signature}",
        b64.encode(serde_json::to_vec(&claims).unwrap())
    );
    let (status, answer) = raw(&server, "GET", "/v1/requesters/me/tickets", &forged, "");
    assert_eq!(status, 401);
    assert_eq!(answer["code"], "invalid_requester_token");
    // Signed with what a copy of the database holds, the ingest token's
    // hash (the key before): refused, the key is outside the database.
    use hmac::{KeyInit, Mac};
    let forged_payload = b64.encode(serde_json::to_vec(&claims).unwrap());
    let stored_hash = deskctl::server::auth::hash_secret(&ingest);
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(stored_hash.as_bytes()).unwrap();
    mac.update(b"deskctl requester token v1\n");
    mac.update(forged_payload.as_bytes());
    let from_a_copy = format!(
        "dkr_{forged_payload}.{}",
        b64.encode(mac.finalize().into_bytes())
    );
    let (status, _) = raw(
        &server,
        "GET",
        "/v1/requesters/me/tickets",
        &from_a_copy,
        "",
    );
    assert_eq!(status, 401);

    // Only an ingest token mints, and within bounds.
    let owner = desk.token("alice");
    let (status, _) = raw(
        &server,
        "POST",
        "/v1/requesters/tokens",
        &owner,
        r#"{"requester": "dana@example.com"}"#,
    );
    assert_eq!(status, 403);
    let (status, answer) = raw(
        &server,
        "POST",
        "/v1/requesters/tokens",
        &ingest,
        r#"{"requester": " ", "ttl-seconds": 5}"#,
    );
    assert_eq!(status, 422);
    let fields = error_fields(&answer);
    assert_eq!(fields, ["requester", "ttl-seconds"]);

    // Staff see every ticket of the customer's, the support inbox's too;
    // the owner through the CLI.
    let shown = desk.run(&["requesters", "tickets", "dana@example.com", "-o", "name"]);
    assert_eq!(shown, "10005\n10003\n10001\n");
    let (status, staff) = raw(
        &server,
        "GET",
        "/v1/requesters/dana@example.com/tickets",
        &owner,
        "",
    );
    assert_eq!(status, 200);
    let staff = staff["items"].as_array().unwrap();
    assert_eq!(staff[..2], mine["items"].as_array().unwrap()[..]);
    assert_eq!(staff[2]["number"], 10001);
    let (status, page) = raw(
        &server,
        "GET",
        "/v1/requesters/dana@example.com/tickets?limit=2&cursor=10005",
        &owner,
        "",
    );
    assert_eq!(status, 200, "{page}");
    let numbers: Vec<&Value> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| &t["number"])
        .collect();
    assert_eq!(numbers, [10003, 10001], "{page}");

    // Revoking the ingest token revokes what it minted.
    let tokens: Value = serde_json::from_str(&desk.run(&["tokens", "list", "-o", "json"])).unwrap();
    let id = tokens
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["kind"] == "ingest")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    desk.run(&["tokens", "revoke", &id, "--yes"]);
    let (status, _) = raw(&server, "GET", "/v1/requesters/me/tickets", &dana, "");
    assert_eq!(status, 401);
}

/// A contact form writes from its own no-reply address and names the
/// customer in `Reply-To`: the customer is the requester, whom the desk
/// answers and whose own mail answers as them.
#[test]
fn a_contact_forms_mail_is_answered_at_its_reply_to() {
    let desk = desk!();
    let (server, ingest) = inbox(&desk);
    let form = "From: Shop Contact Form <noreply@shop.example>\r\n\
                Reply-To: Jane Roe <jane@example.org>\r\nTo: help@example.com\r\n\
                Subject: Where is order 55?\r\nMessage-ID: <form-1@shop.example>\r\n\r\n\
                Name: Jane Roe\r\nMessage: where is order 55?\r\n";
    desk.cmd()
        .args(["inbox", "receive"])
        .write_stdin(form)
        .assert()
        .success()
        .stdout("10001\n");
    let detail = ticket(&desk, 10001);
    assert_eq!(
        detail["ticket"]["requester"],
        json!({"name": "Jane Roe", "email": "jane@example.org"})
    );
    assert_eq!(
        timeline_bodies(&detail)[0],
        "Email to the support inbox help@example.com from noreply@shop.example, answered at \
         its Reply-To jane@example.org"
    );
    assert_eq!(detail["timeline"][1]["author"], "Jane Roe");

    desk.run(&[
        "tickets",
        "reply",
        "10001",
        "-m",
        "It ships today.",
        "--yes",
    ]);
    let outbox: Value =
        serde_json::from_str(&desk.run(&["outbox", "list", "--ticket", "10001", "-o", "json"]))
            .unwrap();
    let items = outbox.as_array().or_else(|| outbox["items"].as_array());
    assert_eq!(
        items.unwrap()[0]["payload"]["to"],
        json!({"name": "Jane Roe", "email": "jane@example.org"})
    );

    // Jane answers from her own mailbox: the customer, not someone else.
    let answer = "From: Jane Roe <jane@example.org>\r\nTo: help@example.com\r\n\
                  Subject: Re: Where is order 55? [#10001]\r\nMessage-ID: <jane-2@example.org>\r\n\r\n\
                  Thank you!\r\n";
    desk.cmd()
        .args(["inbox", "receive"])
        .write_stdin(answer)
        .assert()
        .success()
        .stderr(predicates::str::contains("Added the reply to ticket 10001"));

    // A Reply-To the desk cannot answer, a list, or the support inbox's own
    // address is passed over in mail: its From is answered.
    for (reply_to, id) in [
        ("jürgen@example.org", "form-2"),
        ("a@example.org, b@example.org", "form-3"),
        ("Help <HELP@example.com>", "form-4"),
    ] {
        let odd = form
            .replace("Jane Roe <jane@example.org>", reply_to)
            .replace("form-1", id);
        let created = desk
            .cmd()
            .args(["inbox", "receive"])
            .write_stdin(odd)
            .assert()
            .success();
        let number: u64 = String::from_utf8_lossy(&created.get_output().stdout)
            .trim()
            .parse()
            .unwrap();
        assert_eq!(
            ticket(&desk, number)["ticket"]["requester"]["email"],
            "noreply@shop.example",
            "{reply_to}"
        );
    }

    // The JSON API names a Reply-To it cannot take, and stores nothing.
    for reply_to in [
        "a@example.org, b@example.org",
        "not an address",
        "jürgen@example.org",
    ] {
        let mut email = first_email();
        email["reply-to"] = json!(reply_to);
        let (status, problem) = post(&server, &ingest, &email);
        assert_eq!(status, 422, "{reply_to}: {problem}");
        assert_eq!(error_fields(&problem), ["reply-to"], "{problem}");
    }
    assert_eq!(
        desk.run(&["tickets", "list", "-o", "name"]).lines().count(),
        4
    );
}

/// Ids longer than a mail header holds, too many references and overlong
/// attachment names are refused over the JSON API, each field named, and
/// nothing is stored.
#[test]
fn the_json_api_refuses_overlong_ids_and_attachment_names() {
    let desk = desk!();
    let (server, ingest) = inbox(&desk);
    let long = format!("<{}@x>", "a".repeat(1000));
    let many: Vec<String> = (0..101).map(|i| format!("<r{i}@x>")).collect();
    let attachment = |name: &str| json!([{"name": name, "content-type": "text/plain", "size": 1}]);
    for (field, value, problem) in [
        ("message-id", json!(long), "message-id"),
        ("in-reply-to", json!(long), "in-reply-to"),
        ("references", json!([long]), "references"),
        ("references", json!(many), "references"),
        ("attachments", attachment(&"n".repeat(256)), "attachments"),
    ] {
        let mut email = first_email();
        email[field] = value;
        let (status, answer) = post(&server, &ingest, &email);
        assert_eq!(status, 422, "{field}: {answer}");
        assert_eq!(error_fields(&answer), [problem], "{answer}");
    }
    assert_eq!(desk.run(&["tickets", "list", "-o", "name"]), "");
    // At the limits, taken.
    let mut email = first_email();
    email["message-id"] = json!(format!("<{}@x>", "a".repeat(994)));
    email["references"] = json!(many[1..]);
    email["attachments"] = attachment(&"n".repeat(255));
    let (status, answer) = post(&server, &ingest, &email);
    assert_eq!(status, 201, "{answer}");
}

/// A read receipt from the customer is no answer: on a resolved ticket it
/// is a note that reopens nothing; answering no ticket it opens none.
#[test]
fn a_read_receipt_is_a_note_that_moves_nothing_and_opens_no_ticket() {
    let desk = desk!();
    let (server, ingest) = inbox(&desk);
    post(&server, &ingest, &first_email());
    desk.run(&["tickets", "reply", "10001", "-m", "Fixed.", "--yes"]);
    desk.run(&["tickets", "resolve", "10001", "--yes"]);
    let id = reply_id(&desk, 10001);
    let receipt = |message_id: &str, answers: &str| {
        format!(
            "From: Dana Smith <dana@example.com>\r\nTo: help@example.com\r\n\
             Subject: Read: Re: Invoice 99 is wrong\r\nMessage-ID: <{message_id}>\r\n\
             In-Reply-To: <{answers}>\r\nMIME-Version: 1.0\r\n\
             Content-Type: multipart/report; report-type=disposition-notification;\r\n\
             \tboundary=\"R\"\r\n\r\n\
             --R\r\nContent-Type: text/plain\r\n\r\nYour message was read.\r\n\
             --R\r\nContent-Type: message/disposition-notification\r\n\r\n\
             Final-Recipient: rfc822;dana@example.com\r\n\
             Disposition: manual-action/MDN-sent-manually; displayed\r\n--R--\r\n"
        )
    };
    let answer = desk
        .cmd()
        .args(["inbox", "receive", "-o", "json"])
        .write_stdin(receipt("r1@mail.example.com", &format!("{id}@example.com")))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let answer: Value = serde_json::from_slice(&answer).unwrap();
    assert_eq!(answer["outcome"], "auto-reply", "{answer}");
    let detail = ticket(&desk, 10001);
    assert_eq!(
        detail["ticket"]["status"], "resolved",
        "a receipt reopens nothing"
    );
    let last = detail["timeline"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["kind"], "note", "{last}");
    assert!(
        last["body"]
            .as_str()
            .unwrap()
            .starts_with("Email from Dana Smith <dana@example.com>, a read receipt"),
        "{last}"
    );
    // Over the JSON API, a receipt of nothing the desk sent: dropped.
    let mut stray = first_email();
    stray["message-id"] = json!("<r2@mail.example.com>");
    stray["subject"] = json!("Read: something else");
    stray["read-receipt"] = json!(true);
    let (status, answer) = post(&server, &ingest, &stray);
    assert_eq!(
        (status, &answer["outcome"]),
        (200, &json!("dropped")),
        "{answer}"
    );
    assert_eq!(answer["ticket"], Value::Null);
    assert_eq!(
        desk.run(&["tickets", "list", "--view", "all", "-o", "name"]),
        "10001\n"
    );
}

/// A delivery status notification as Postfix writes one, returning the
/// headers of the message `returned_id` that did not reach `recipient`.
fn bounce_eml(message_id: &str, returned_id: &str, action: &str) -> String {
    format!(
        "From: MAILER-DAEMON@mx.example.com (Mail Delivery System)\r\n\
         To: help@example.com\r\nSubject: Undelivered Mail Returned to Sender\r\n\
         Message-ID: <{message_id}>\r\nAuto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/report; report-type=delivery-status; boundary=\"B1\"\r\n\r\n\
         --B1\r\nContent-Type: text/plain\r\n\r\n\
         This is the mail system at host mx.example.com.\r\n\r\n\
         --B1\r\nContent-Type: message/delivery-status\r\n\r\n\
         Reporting-MTA: dns; mx.example.com\r\n\r\n\
         Final-Recipient: rfc822; dana@example.com\r\nAction: {action}\r\nStatus: 5.1.1\r\n\
         Diagnostic-Code: smtp; 550 5.1.1 <dana@example.com>: Recipient address\r\n\
         \x20   rejected: User unknown\r\n\r\n\
         --B1\r\nContent-Type: text/rfc822-headers\r\n\r\n\
         From: Bob Jones <bob@example.com>\r\nTo: dana@example.com\r\n\
         Subject: Re: Invoice 99 is wrong [#10001]\r\nMessage-ID: <{returned_id}>\r\n\r\n\
         --B1--\r\n"
    )
}

/// A bounce never opens a ticket: one of the desk's reply is recorded on the
/// reply's ticket (its status left as it is), once; one of nothing the desk
/// sent, or of no failure, is dropped.
#[test]
fn a_bounce_of_our_reply_is_recorded_on_its_ticket_and_opens_none() {
    let desk = desk!();
    let (server, ingest) = inbox(&desk);
    post(&server, &ingest, &first_email());
    desk.run(&["tickets", "reply", "10001", "-m", "Checking.", "--yes"]);
    let id = reply_id(&desk, 10001);
    let bounce = bounce_eml("b1@mx.example.com", &format!("{id}@example.com"), "failed");
    desk.cmd()
        .args(["inbox", "receive"])
        .write_stdin(bounce.clone())
        .assert()
        .success()
        .stdout("10001\n")
        .stderr(predicates::str::contains(
            "Recorded the bounce on ticket 10001: an email the desk sent did not arrive",
        ));
    let detail = ticket(&desk, 10001);
    let last = detail["timeline"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["event"], "delivery-failed");
    assert_eq!(
        last["body"],
        "An email the desk sent to dana@example.com bounced: 5.1.1, 550 5.1.1 \
         <dana@example.com>: Recipient address rejected: User unknown (a delivery report \
         from MAILER-DAEMON@mx.example.com); the customer did not get it"
    );
    assert_eq!(
        detail["ticket"]["status"], "pending",
        "a report moves nothing"
    );
    assert_eq!(desk.run(&["tickets", "list", "-o", "name"]), "10001\n");
    // The same report again changes nothing.
    desk.cmd()
        .args(["inbox", "receive"])
        .write_stdin(bounce)
        .assert()
        .success()
        .stderr(predicates::str::contains("Already received"));
    assert_eq!(
        ticket(&desk, 10001)["timeline"].as_array().unwrap().len(),
        detail["timeline"].as_array().unwrap().len()
    );

    // A bounce of nothing the desk sent, and a delay notice: dropped.
    for (eml, returned) in [
        ("b2@mx.example.com", "someone-else@elsewhere.example"),
        ("b3@mx.example.com", &format!("{id}@example.com")),
    ] {
        let action = if eml.starts_with("b3") {
            "delayed"
        } else {
            "failed"
        };
        desk.cmd()
            .args(["inbox", "receive"])
            .write_stdin(bounce_eml(eml, returned, action))
            .assert()
            .success()
            .stdout("")
            .stderr(predicates::str::contains("Dropped: a delivery report"));
    }
    // An old-style bounce (qmail's: plain text, the message quoted) from
    // MAILER-DAEMON is one too.
    let qmail = format!(
        "From: MAILER-DAEMON@mx.example.com\r\nTo: help@example.com\r\n\
         Subject: failure notice\r\nMessage-ID: <b4@mx.example.com>\r\n\r\n\
         Hi. This is the qmail-send program at mx.example.com.\r\n\
         <dana@example.com>:\r\nSorry, no mailbox here by that name.\r\n\r\n\
         --- Below this line is a copy of the message.\r\n\r\n\
         From: Bob Jones <bob@example.com>\r\nMessage-ID: <{id}@example.com>\r\n\
         Subject: Re: Invoice 99 is wrong\r\n\r\nChecking.\r\n"
    );
    desk.cmd()
        .args(["inbox", "receive", "-o", "json"])
        .write_stdin(qmail)
        .assert()
        .success()
        .stdout(predicates::str::contains("\"outcome\": \"bounce\""));
    assert_eq!(desk.run(&["tickets", "list", "-o", "name"]), "10001\n");

    // Over the JSON API, the caller says what the report is.
    let mut report = first_email();
    report["from"] = json!("MAILER-DAEMON");
    report["message-id"] = json!("<b5@mx.example.com>");
    report["bounce"] = json!({"message-id": format!("<{id}@example.com>"), "action": "delayed"});
    let (status, answer) = post(&server, &ingest, &report);
    assert_eq!(status, 200, "{answer}");
    assert_eq!(
        answer,
        json!({"ticket": null, "created": false, "outcome": "dropped"})
    );
    report["bounce"] = json!({"message-id": format!("<{id}@example.com>"), "status": "5.2.2"});
    let (status, answer) = post(&server, &ingest, &report);
    assert_eq!(status, 200, "{answer}");
    assert_eq!(
        answer,
        json!({"ticket": 10001, "created": false, "outcome": "bounce"})
    );
    report["message-id"] = json!("<b6@mx.example.com>");
    report["bounce"] = json!({"diagnostic": "x".repeat(999)});
    let (status, answer) = post(&server, &ingest, &report);
    assert_eq!(status, 422, "{answer}");
    assert_eq!(error_fields(&answer), ["bounce"]);
}

/// Mail for a sub-address of the support inbox (`help+billing@…`, RFC 5233)
/// is the support inbox's, on every way in; another local part is not.
#[test]
fn a_plus_address_of_the_support_inbox_is_taken() {
    let desk = desk!();
    let (server, ingest) = inbox(&desk);
    let mut email = first_email();
    email["to"] = json!("Billing <HELP+billing@example.com>");
    let (status, answer) = post(&server, &ingest, &email);
    assert_eq!(status, 201, "{answer}");
    email["to"] = json!("helpdesk+billing@example.com");
    email["message-id"] = json!("<second@mail.example.com>");
    let (status, answer) = post(&server, &ingest, &email);
    assert_eq!(status, 422, "{answer}");
    assert_eq!(error_fields(&answer), ["to"]);
    drop(server);
    desk.cmd()
        .args(["inbox", "receive", "--to", "help+orders@example.com"])
        .write_stdin(
            "From: kim@example.com\r\nTo: help+orders@example.com\r\nSubject: Order\r\n\
             Message-ID: <plus-1@example.com>\r\n\r\nWhere is it?\r\n",
        )
        .assert()
        .success()
        .stdout("10002\n");
    if !common::have_tool("python3") {
        return;
    }
    let (_server, smtp) = desk.serve_smtp(&[]);
    let out = smtplib(
        &desk,
        &smtp,
        "with smtplib.SMTP(HOST, PORT) as s:\n\
         \x20   s.ehlo()\n\
         \x20   print(s.mail('kim@example.com')[0], s.rcpt('help+billing@example.com')[0], \
         s.rcpt('helpx@example.com')[0], s.rcpt('help+x@other.example')[0])\n",
    );
    assert_eq!(out, "250 250 550 550\n", "{out}");
}

/// Some mailers reuse a Message-ID: another sender's message under an id
/// seen before is kept, and the SMTP answer never names someone else's
/// ticket; only the same message again is a duplicate.
#[test]
fn a_reused_message_id_keeps_the_other_message_and_names_no_other_ticket() {
    let desk = desk!();
    let (server, ingest) = inbox(&desk);
    let (status, _) = post(&server, &ingest, &first_email());
    assert_eq!(status, 201);
    // Another sender, another text, the same id: a new ticket.
    let mut other = first_email();
    other["from"] = json!("Eve <eve@example.org>");
    other["text"] = json!("Something else entirely.");
    let (status, answer) = post(&server, &ingest, &other);
    assert_eq!(status, 201, "{answer}");
    assert_eq!(answer["ticket"], 10002);
    // Each sent again is a duplicate of itself.
    for (email, number) in [(first_email(), 10001), (other, 10002)] {
        let (status, answer) = post(&server, &ingest, &email);
        assert_eq!(status, 200, "{answer}");
        assert_eq!(answer["outcome"], "duplicate");
        assert_eq!(answer["ticket"], number);
    }
    drop(server);
    if !common::have_tool("python3") {
        return;
    }
    let (_server, smtp) = desk.serve_smtp(&[]);
    let message = |from: &str, subject: &str, text: &str| {
        format!(
            "'From: {from}\\r\\nTo: help@example.com\\r\\nSubject: {subject}\\r\\n\
             Message-ID: <reused@x>\\r\\n\\r\\n{text}\\r\\n'"
        )
    };
    let script = format!(
        "with smtplib.SMTP(HOST, PORT) as s:\n\
         \x20   s.ehlo()\n\
         \x20   for m in [{}, {}, {}, {}]:\n\
         \x20       s.mail('x@example.com'); s.rcpt('help@example.com'); \
         print(s.data(m)[1].decode())\n",
        message("dana@example.com", "Hi", "first"),
        message("eve@example.org", "Hi", "second"),
        message("eve@example.org", "Hi", "second"),
        // A stranger on someone else's ticket: held as a note, unnamed.
        message("mallory@example.net", "Re: Hi [#10001]", "third"),
    );
    let out = smtplib(&desk, &smtp, &script);
    assert_eq!(
        out,
        "2.0.0 opened ticket 10003\n2.0.0 opened ticket 10004\n2.0.0 already received\n\
         2.0.0 received\n",
        "{out}"
    );
}

/// A line break decoded from a subject's encoded word is read as a space:
/// the subject is one header line, and is shown as one.
#[test]
fn a_subject_is_kept_on_one_line() {
    let desk = desk!();
    desk.seed();
    desk.run(&["assignment", "set", "--support-inbox", "help@example.com"]);
    desk.cmd()
        .args(["inbox", "receive"])
        .write_stdin(
            "From: dana@example.com\r\nTo: help@example.com\r\n\
             Subject: =?utf-8?q?Hi=0D=0ABcc=3A_y=40evil=2Eexample?=\r\n\
             Message-ID: <crlf-subject@example.com>\r\n\r\nhello\r\n",
        )
        .assert()
        .success();
    assert_eq!(
        ticket(&desk, 10001)["ticket"]["subject"],
        "Hi Bcc: y@evil.example"
    );
}
