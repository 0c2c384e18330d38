//! Outbound delivery against real receivers on loopback: an SMTP server process
//! (Python's standard-library `smtpd`) and an HTTP receiver for the delivery
//! webhook (axum, in this test). Replies, takeovers and owners' notices arrive
//! from the right senders with valid signatures; a receiver that is down gets
//! everything once it is back; permanent errors dead-letter; secrets never show.

use super::BACKEND;
use crate::common;

use std::collections::{HashMap, VecDeque};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::{Desk, wait_until};
use hmac::{Hmac, KeyInit, Mac};
use predicates::str::contains;
use serde_json::{Value, json};
use sha2::Sha256;

/// The longest any wait for a delivery may take before the test fails.
const WAIT: Duration = Duration::from_secs(15);
const SECRET: &str = "whsec-test-0123456789abcdef";
const PASSWORD: &str = "smtp-pass-Zq8xK2vLw";

fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// An SMTP server: Python's smtpd, writing each message it accepts as a JSON
/// line. Recipients containing "reject" get a permanent 550; the first two
/// messages to recipients containing "busy" a 451 (try again later).
const SMTP_SINK: &str = r#"
import asyncore, email, json, smtpd, sys
from email import policy

class Sink(smtpd.SMTPServer):
    deferred = 0

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        if any("reject" in r for r in rcpttos):
            return "550 5.1.1 mailbox unavailable"
        if any("busy" in r for r in rcpttos) and Sink.deferred < 2:
            Sink.deferred += 1
            return "451 4.2.1 mailbox busy, try again later"
        message = email.message_from_bytes(data, policy=policy.default)
        record = {
            "mailfrom": mailfrom,
            "rcpttos": rcpttos,
            "from": str(message["From"]),
            "to": str(message["To"]),
            "subject": str(message["Subject"]),
            "message_id": str(message["Message-ID"]),
            "reply_to": message["Reply-To"] and str(message["Reply-To"]),
            "in_reply_to": message["In-Reply-To"] and str(message["In-Reply-To"]),
            "references": message["References"] and str(message["References"]),
            "body": message.get_content(),
        }
        with open(sys.argv[2], "a") as out:
            out.write(json.dumps(record) + "\n")

server = Sink(("127.0.0.1", int(sys.argv[1])), None, decode_data=False)
print(server.socket.getsockname()[1], flush=True)
asyncore.loop()
"#;

struct SmtpSink {
    child: Child,
    port: u16,
    out: PathBuf,
}

impl SmtpSink {
    /// Starts the server on `port` (0: any free one) and waits until it listens.
    fn start(dir: &Path, port: u16) -> SmtpSink {
        let script = dir.join("smtp_sink.py");
        std::fs::write(&script, SMTP_SINK).unwrap();
        let out = dir.join(format!("mail-{port}.jsonl"));
        let mut child = Command::new("python3")
            .args(["-W", "ignore"])
            .arg(&script)
            .arg(port.to_string())
            .arg(&out)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("python3 runs the SMTP sink");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("the SMTP sink did not start: {line:?}"));
        SmtpSink { child, port, out }
    }

    fn messages(&self) -> Vec<Value> {
        std::fs::read_to_string(&self.out)
            .unwrap_or_default()
            .lines()
            .map(parse)
            .collect()
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One request the webhook receiver got.
#[derive(Debug, Clone)]
struct Hit {
    headers: HashMap<String, String>,
    body: String,
}

/// A status, and the seconds of a `Retry-After`.
type Answer = (u16, Option<u64>);

#[derive(Clone, Default)]
struct Shared {
    hits: Arc<Mutex<Vec<Hit>>>,
    /// Answers to give, in order; then 204.
    answers: Arc<Mutex<VecDeque<Answer>>>,
    /// A ticket whose deliveries get no answer until [`Receiver::release`]:
    /// a receiver slow to answer.
    held: Arc<Mutex<Option<u64>>>,
    released: Arc<tokio::sync::Notify>,
}

/// The AI agent platform's delivery webhook: records every request.
struct Receiver {
    port: u16,
    shared: Shared,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Receiver {
    /// Listens on `port` (0: any free one, bound here rather than chosen
    /// free beforehand, which another test could take in between); already
    /// bound when this returns.
    fn start(port: u16) -> Receiver {
        use axum::extract::State;
        use axum::http::{HeaderMap, StatusCode};
        use axum::response::IntoResponse;

        let listener = std::net::TcpListener::bind(("127.0.0.1", port)).unwrap();
        let port = listener.local_addr().unwrap().port();
        listener.set_nonblocking(true).unwrap();
        let shared = Shared::default();
        let state = shared.clone();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                async fn hook(
                    State(state): State<Shared>,
                    headers: HeaderMap,
                    body: String,
                ) -> axum::response::Response {
                    let headers = headers
                        .iter()
                        .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_string()))
                        .collect();
                    let ticket = serde_json::from_str::<Value>(&body)
                        .ok()
                        .and_then(|event| event["ticket"].as_u64());
                    state.hits.lock().unwrap().push(Hit { headers, body });
                    // Made before the look, so a release in between is not missed.
                    let released = state.released.notified();
                    let held = *state.held.lock().unwrap();
                    if ticket.is_some() && ticket == held {
                        released.await;
                    }
                    let answer = state.answers.lock().unwrap().pop_front();
                    match answer {
                        None => StatusCode::NO_CONTENT.into_response(),
                        Some((status, retry_after)) => {
                            let mut response = (
                                StatusCode::from_u16(status).unwrap(),
                                format!("answer {status}"),
                            )
                                .into_response();
                            if let Some(seconds) = retry_after {
                                response
                                    .headers_mut()
                                    .insert("retry-after", seconds.to_string().parse().unwrap());
                            }
                            response
                        }
                    }
                }
                let app = axum::Router::new()
                    .route("/desk/events", axum::routing::post(hook))
                    .with_state(state);
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                axum::serve(listener, app)
                    .with_graceful_shutdown(async {
                        let _ = stopped.await;
                    })
                    .await
                    .unwrap();
            });
        });
        Receiver {
            port,
            shared,
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    fn answer(&self, status: u16, retry_after: Option<u64>) {
        self.shared
            .answers
            .lock()
            .unwrap()
            .push_back((status, retry_after));
    }

    fn hits(&self) -> Vec<Hit> {
        self.shared.hits.lock().unwrap().clone()
    }

    /// Answers nothing about `ticket` until [`Self::release`].
    fn hold(&self, ticket: u64) {
        *self.shared.held.lock().unwrap() = Some(ticket);
    }

    /// Answers what was held, and everything from now on.
    fn release(&self) {
        *self.shared.held.lock().unwrap() = None;
        self.shared.released.notify_waiters();
    }

    /// The event types delivered about `ticket`, in the order they arrived.
    fn types_about(&self, ticket: u64) -> Vec<String> {
        self.hits()
            .iter()
            .map(|hit| verified(hit, SECRET))
            .filter(|event| event["ticket"] == ticket)
            .map(|event| event["type"].as_str().unwrap().to_string())
            .collect()
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn webhook_url(port: u16) -> String {
    format!("http://127.0.0.1:{port}/desk/events")
}

/// Checks a delivery as a receiver must (docs/delivery.md): the HMAC-SHA256 of
/// `<timestamp>.<body>` with the shared secret, a fresh timestamp, and the
/// headers agreeing with the body. Returns the body.
fn verified(hit: &Hit, secret: &str) -> Value {
    let timestamp = &hit.headers["x-desk-timestamp"];
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("{timestamp}.{}", hit.body).as_bytes());
    let expected = format!("sha256={}", hex(&mac.finalize().into_bytes()));
    assert_eq!(hit.headers["x-desk-signature"], expected, "signature");
    let age = jiff::Timestamp::now().as_second() - timestamp.parse::<i64>().unwrap();
    assert!((0..300).contains(&age), "timestamp {age} s old");
    assert_eq!(hit.headers["content-type"], "application/json");
    let body = parse(&hit.body);
    assert_eq!(hit.headers["x-desk-delivery"], body["id"].as_str().unwrap());
    assert_eq!(hit.headers["x-desk-event"], body["type"].as_str().unwrap());
    body
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Team support with alice (owner) and bob (operator, with a signature), both
/// online; agent shop on web, telegram and email; manual assignment.
fn desk(desk: Desk) -> Desk {
    desk.run(&["teams", "add", "support", "--name", "Support"]);
    desk.run(&[
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
    ]);
    desk.run(&[
        "operators",
        "add",
        "bob",
        "--name",
        "Bob Jones",
        "--email",
        "bob@example.com",
        "--signature",
        "Bob, Acme Support",
        "--team",
        "support",
    ]);
    for handle in ["alice", "bob"] {
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
    desk.run(&["assignment", "set", "--method", "manual"]);
    desk
}

/// Sends a handoff from `channel`; the desk numbers tickets from 10001.
fn handoff(desk: &Desk, channel: &str, requester: Value, text: &str) {
    let body = json!({
        "agent": "shop", "environment": "production", "channel": channel,
        "requester": requester,
        "transcript": [{"role": "customer", "text": text}],
        "reason": "explicit-request",
    });
    let path = desk.dir.path().join("handoff.json");
    std::fs::write(&path, body.to_string()).unwrap();
    desk.run(&["handoff", "send", "-f", path.to_str().unwrap()]);
}

fn outbox(desk: &Desk) -> Vec<Value> {
    parse(&desk.run(&["outbox", "list", "-o", "json"]))
        .as_array()
        .unwrap()
        .clone()
}

/// Waits until every message in the outbox is in `state`, and returns them.
fn wait_for_all(desk: &Desk, count: usize, state: &str) -> Vec<Value> {
    wait_until(&format!("{count} messages {state}"), WAIT, || {
        let messages = outbox(desk);
        (messages.len() == count && messages.iter().all(|m| m["state"] == state))
            .then_some(messages)
    })
}

/// How long until the last of the pending `messages` falls due. One no longer
/// pending needs no wait: a command that changed the workspace delivers what
/// is due before it returns, and on a slow machine a retry may have fallen
/// due by then.
fn until_all_due(messages: &[Value]) -> Duration {
    let due = messages
        .iter()
        .filter_map(|m| m["next_attempt_at"].as_str())
        .map(|at| at.parse::<jiff::Timestamp>().unwrap())
        .max();
    due.and_then(|due| Duration::try_from(due.duration_since(jiff::Timestamp::now())).ok())
        .unwrap_or_default()
}

fn timeline_events(desk: &Desk, number: &str) -> Vec<(String, String)> {
    parse(&desk.run(&["tickets", "show", number, "-o", "json"]))["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "event")
        .map(|e| {
            (
                e["event"].as_str().unwrap_or_default().to_string(),
                e["body"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn set_email(desk: &Desk, port: u16) {
    desk.run(&[
        "email",
        "set",
        "--host",
        "127.0.0.1",
        "--port",
        &port.to_string(),
        "--tls",
        "none",
        "--from",
        "Acme Support <support@acme.example>",
    ]);
}

fn set_delivery(desk: &Desk, port: u16) {
    desk.cmd()
        .args([
            "delivery",
            "set",
            "--url",
            &webhook_url(port),
            "--secret-stdin",
        ])
        .write_stdin(format!("{SECRET}\n"))
        .assert()
        .success();
}

/// `desk` with its delivery webhook on a new receiver, and ticket 10001 from
/// Tom's telegram chat.
fn telegram_chat(desk: Desk) -> (Desk, Receiver) {
    let receiver = Receiver::start(0);
    set_delivery(&desk, receiver.port);
    handoff(
        &desk,
        "telegram",
        json!({"name": "Tom", "external-id": "tg-42"}),
        "Refund please",
    );
    (desk, receiver)
}

#[test]
fn owners_notices_and_email_replies_arrive_from_the_right_senders() {
    let desk = desk(desk!());
    let sink = SmtpSink::start(desk.dir.path(), 0);
    set_email(&desk, sink.port);
    desk.run(&["notifications", "set", "--email-owners", "true"]);

    // The local desk delivers before the command that queued the notice exits.
    handoff(
        &desk,
        "web",
        json!({"name": "Dana", "email": "dana@example.com"}),
        "Where is my parcel",
    );
    let mail = sink.messages();
    assert_eq!(mail.len(), 1, "one owner, one notice: {mail:?}");
    let notice = &mail[0];
    assert_eq!(notice["to"], "Alice Smith <alice@example.com>");
    assert_eq!(notice["from"], "Acme Support <support@acme.example>");
    assert_eq!(
        notice["subject"],
        "Customer asks for a human: Where is my parcel [#10001]"
    );
    let body = notice["body"].as_str().unwrap();
    assert!(
        body.contains("Customer:  Dana <dana@example.com>"),
        "{body}"
    );
    assert!(body.contains("deskctl tickets show 10001"), "{body}");
    assert!(
        body.contains("Reason:    the customer asked for a human"),
        "{body}"
    );
    assert!(!body.contains("could not resolve"), "{body}");

    // The AI giving up on its own is no request for a human: no alert.
    let gave_up = json!({
        "agent": "shop", "environment": "production", "channel": "web",
        "requester": {"name": "Eve", "email": "eve@example.com"},
        "transcript": [{"role": "customer", "text": "The app crashes"}],
        "reason": "failed-resolution",
    });
    let path = desk.dir.path().join("gave-up.json");
    std::fs::write(&path, gave_up.to_string()).unwrap();
    desk.run(&["handoff", "send", "-f", path.to_str().unwrap()]);
    assert_eq!(
        desk.run(&["tickets", "list", "-o", "name"]).lines().count(),
        2
    );
    assert_eq!(sink.messages().len(), 1, "no notice for failed-resolution");
    let queued = desk.run(&["outbox", "list", "--ticket", "10002"]);
    assert!(!queued.contains("Customer asks for a human"), "{queued}");

    // bob replies through `deskctl serve`: its worker sends the email.
    desk.run(&["tickets", "assign", "10001", "--to", "bob"]);
    let bob = desk.token("bob");
    let server = desk.serve();
    // Without --yes, the refusal names where the reply would go.
    desk.as_token(&server, &bob)
        .args([
            "tickets",
            "reply",
            "10001",
            "-m",
            "Your parcel ships today.",
        ])
        .assert()
        .code(2)
        .stderr(contains(
            "confirmation needed to send this reply by email to dana@example.com on ticket 10001",
        ));
    desk.as_token(&server, &bob)
        .args([
            "tickets",
            "reply",
            "10001",
            "-m",
            "Your parcel ships today.",
            "--yes",
        ])
        .assert()
        .success()
        .stderr(contains(
            "Replied by email to dana@example.com on ticket 10001",
        ));
    let reply = wait_until("the reply email", WAIT, || {
        sink.messages().into_iter().nth(1)
    });
    assert_eq!(reply["from"], "Bob Jones <bob@example.com>");
    // Bounces go to the desk's own address, not to bob's mailbox.
    assert_eq!(reply["mailfrom"], "support@acme.example");
    assert_eq!(reply["to"], "Dana <dana@example.com>");
    assert_eq!(reply["rcpttos"], json!(["dana@example.com"]));
    assert_eq!(reply["subject"], "Re: Where is my parcel [#10001]");
    assert_eq!(
        reply["body"].as_str().unwrap().replace("\r\n", "\n"),
        "Your parcel ships today.\n\n-- \nBob, Acme Support\n"
    );
    assert!(
        reply["message_id"]
            .as_str()
            .unwrap()
            .ends_with("@example.com>"),
        "{reply}"
    );

    let messages = wait_for_all(&desk, 2, "delivered");
    assert!(
        messages
            .iter()
            .all(|m| m["attempts"] == 1 && m["kind"] == "email")
    );
    assert!(timeline_events(&desk, "10001").contains(&(
        "delivered".into(),
        "Reply emailed to dana@example.com".into()
    )));
    assert_eq!(server.terminate(), Some(0));
}

/// `desk` with its email going to a fresh SMTP sink and the support inbox
/// at help@example.com: where every test of answering mail starts.
fn support_inbox_with_sink(desk: Desk) -> (Desk, SmtpSink) {
    let sink = SmtpSink::start(desk.dir.path(), 0);
    set_email(&desk, sink.port);
    desk.run(&["assignment", "set", "--support-inbox", "help@example.com"]);
    (desk, sink)
}

/// Takes `raw` into the support inbox, as an MTA's pipe does.
fn receive(desk: &Desk, raw: &str) {
    desk.cmd()
        .args(["inbox", "receive"])
        .write_stdin(raw.to_string())
        .assert()
        .success();
}

/// Replies `text` on ticket 10001 and returns the first email the sink took.
fn first_reply(desk: &Desk, sink: &SmtpSink, text: &str) -> Value {
    desk.run(&["tickets", "reply", "10001", "-m", text, "--yes"]);
    wait_until("the reply email", WAIT, || {
        sink.messages().into_iter().next()
    })
}

#[test]
fn an_email_reply_is_answered_to_the_support_inbox_in_the_customers_thread() {
    let (desk, sink) = support_inbox_with_sink(desk(desk!()));
    let reply = |n: usize, text: &str| {
        desk.run(&["tickets", "reply", "10001", "-m", text, "--yes"]);
        wait_until("the reply email", WAIT, || {
            sink.messages().into_iter().nth(n)
        })
    };
    receive(
        &desk,
        "From: Dana <dana@example.com>\r\nTo: help@example.com\r\nSubject: RE: Order 99\r\n\
         Message-ID: <c1@mail.example.com>\r\n\r\nIt has not come.\r\n",
    );
    let first = reply(0, "Checking.");
    assert_eq!(first["from"], "Acme Support <support@acme.example>");
    assert_eq!(first["reply_to"], "help@example.com");
    // A bounce comes back to the support inbox, which records it.
    assert_eq!(first["mailfrom"], "help@example.com");
    assert_eq!(first["in_reply_to"], "<c1@mail.example.com>");
    assert_eq!(first["references"], "<c1@mail.example.com>");
    assert_eq!(first["subject"], "Re: Order 99 [#10001]", "not Re: RE:");

    // The customer answers in the thread: the next reply answers that.
    let ours = first["message_id"].as_str().unwrap();
    receive(
        &desk,
        &format!(
            "From: dana@example.com\r\nTo: help@example.com\r\nSubject: Re: Order 99 [#10001]\r\n\
             Message-ID: <c2@mail.example.com>\r\nIn-Reply-To: {ours}\r\n\
             References: <c1@mail.example.com> {ours}\r\n\r\nStill nothing.\r\n"
        ),
    );
    let second = reply(1, "Sent again.");
    assert_eq!(second["in_reply_to"], "<c2@mail.example.com>");
    assert_eq!(
        second["references"],
        "<c1@mail.example.com> <c2@mail.example.com>"
    );
    assert_eq!(second["subject"], "Re: Order 99 [#10001]");

    // With the support inbox off, an answer there would not be taken.
    desk.run(&["assignment", "set", "--no-support-inbox"]);
    let third = reply(2, "Anything else?");
    assert_eq!(third["reply_to"], Value::Null);
    assert_eq!(third["mailfrom"], "support@acme.example");
    assert_eq!(third["in_reply_to"], "<c2@mail.example.com>");
}

#[test]
fn a_sender_with_a_quoted_local_part_gets_the_reply() {
    let (desk, sink) = support_inbox_with_sink(desk(desk!()));
    receive(
        &desk,
        "From: \"John Doe\"@cust.test\r\nTo: help@example.com\r\nSubject: Hello\r\n\
         Message-ID: <q1@cust.test>\r\n\r\nHi.\r\n",
    );
    let reply = first_reply(&desk, &sink, "Hello John.");
    assert_eq!(reply["rcpttos"], json!(["\"John Doe\"@cust.test"]));
    assert_eq!(reply["to"], "\"John Doe\"@cust.test");
}

/// A CR/LF in a customer's name used to panic the delivery worker (lettre
/// cannot write it in `To:`): each reply took a worker down, and the desk's
/// command exited 101 after saving its change.
#[test]
fn a_name_with_a_line_break_is_answered_on_one_line() {
    let (desk, sink) = support_inbox_with_sink(desk(desk!()));
    // `Eve\r\nBcc: x@evil.example`, encoded as mail clients send it.
    receive(
        &desk,
        "From: =?UTF-8?B?RXZlDQpCY2M6IHhAZXZpbC5leGFtcGxl?= <eve@example.com>\r\n\
         To: help@example.com\r\nSubject: Hi\r\nMessage-ID: <e1@example.com>\r\n\r\nhi\r\n",
    );
    let ticket = parse(&desk.run(&["tickets", "show", "10001", "-o", "json"]));
    assert_eq!(
        ticket["ticket"]["requester"]["name"],
        "Eve Bcc: x@evil.example"
    );
    // A handoff's name with a line break is one line from intake on
    // (`normalize_request`); the mail writer keeps it one line either way.
    handoff(
        &desk,
        "email",
        json!({"name": "Tom\r\nBcc: x@evil.example", "email": "tom@example.com"}),
        "Parcel",
    ); // 10002
    for number in ["10001", "10002"] {
        desk.run(&["tickets", "reply", number, "-m", "Hello", "--yes"]);
    }
    let mail = wait_until("both replies", WAIT, || {
        let mail = sink.messages();
        (mail.len() == 2).then_some(mail)
    });
    for (sent, (name, address)) in mail.iter().zip([
        ("Eve Bcc: x@evil.example", "eve@example.com"),
        ("Tom Bcc: x@evil.example", "tom@example.com"),
    ]) {
        assert_eq!(sent["rcpttos"], json!([address]), "{sent}");
        let to = sent["to"].as_str().unwrap();
        assert!(
            to.contains(name) && to.ends_with(&format!(" <{address}>")),
            "{sent}"
        );
    }
    assert!(outbox(&desk).iter().all(|m| m["state"] == "delivered"));
}

/// A relay without SMTPUTF8 cannot take a non-ASCII address, now or later:
/// the message is dead at once, and the ticket's next one is not held
/// behind it for the nine hours of retries.
#[test]
fn a_non_ascii_address_the_relay_cannot_take_is_dead_at_once() {
    let desk = desk(desk!());
    // Python's smtpd offers no SMTPUTF8.
    let sink = SmtpSink::start(desk.dir.path(), 0);
    set_email(&desk, sink.port);
    handoff(
        &desk,
        "email",
        json!({"name": "Jürgen", "email": "jürgen@exämple.com"}),
        "Kaputt",
    );
    desk.run(&["tickets", "reply", "10001", "-m", "Hallo", "--yes"]);
    desk.run(&["tickets", "reply", "10001", "-m", "second", "--yes"]);
    let dead = wait_for_all(&desk, 2, "dead");
    for message in &dead {
        assert_eq!(message["attempts"], 1, "{message}");
        assert!(message["waiting_for"].is_null(), "{message}");
        let error = message["last_error"].as_str().unwrap();
        assert!(
            error.contains("cannot take the address 'jürgen@exämple.com'")
                && error.contains("SMTPUTF8"),
            "{error}"
        );
    }
    assert!(sink.messages().is_empty());
}

/// Mail held as a note (a colleague's, an out-of-office) is never shown to
/// the customer, nor is its Message-ID in a reply's thread headers.
#[test]
fn a_reply_names_only_the_customers_own_mail_in_its_thread() {
    let (desk, sink) = support_inbox_with_sink(desk(desk!()));
    receive(
        &desk,
        "From: Dana <dana@example.com>\r\nTo: help@example.com\r\nSubject: Order 99\r\n\
         Message-ID: <c1@mail.example.com>\r\n\r\nIt has not come.\r\n",
    );
    receive(
        &desk,
        "From: Lee <lee@internal.example>\r\nTo: help@example.com\r\nSubject: Re: Order 99\r\n\
         Message-ID: <secret-escalation-77@mail.internal.example>\r\n\
         In-Reply-To: <c1@mail.example.com>\r\n\r\nLegal says no refund.\r\n",
    );
    receive(
        &desk,
        "From: Dana <dana@example.com>\r\nTo: help@example.com\r\nSubject: Re: Order 99\r\n\
         Message-ID: <away-1@mail.example.com>\r\nAuto-Submitted: auto-replied\r\n\
         In-Reply-To: <c1@mail.example.com>\r\n\r\nI am away.\r\n",
    );
    let reply = first_reply(&desk, &sink, "Checking.");
    assert_eq!(reply["in_reply_to"], "<c1@mail.example.com>");
    assert_eq!(reply["references"], "<c1@mail.example.com>");
}

/// The customer's name goes out as they wrote it, quotes included.
#[test]
fn a_name_with_quotes_is_answered_as_written() {
    let (desk, sink) = support_inbox_with_sink(desk(desk!()));
    receive(
        &desk,
        "From: \"Jo \\\"The Boss\\\" Smith\" <boss@example.com>\r\nTo: help@example.com\r\n\
         Subject: Hi\r\nMessage-ID: <b1@example.com>\r\n\r\nhi\r\n",
    );
    let ticket = parse(&desk.run(&["tickets", "show", "10001", "-o", "json"]));
    assert_eq!(
        ticket["ticket"]["requester"]["name"],
        "Jo \"The Boss\" Smith"
    );
    let reply = first_reply(&desk, &sink, "Hello");
    assert_eq!(
        reply["to"],
        "\"Jo \\\"The Boss\\\" Smith\" <boss@example.com>"
    );
}

#[test]
fn live_replies_and_takeovers_arrive_as_signed_webhooks() {
    let (desk, receiver) = telegram_chat(desk(desk!()));

    // The local desk's owner takes over: the platform hears of it at once.
    desk.run(&["tickets", "takeover", "10001"]);
    let hits = receiver.hits();
    assert_eq!(hits.len(), 1, "{hits:?}");
    let takeover = verified(&hits[0], SECRET);
    assert_eq!(takeover["type"], "takeover");
    assert_eq!(takeover["ticket"], 10001);
    assert_eq!(takeover["ai_paused"], true);
    assert_eq!(takeover["agent"], "shop");
    assert_eq!(takeover["channel"], "telegram");
    assert_eq!(takeover["requester"]["external-id"], "tg-42");

    // bob replies live through `deskctl serve`.
    desk.run(&["tickets", "assign", "10001", "--to", "bob"]);
    let bob = desk.token("bob");
    let server = desk.serve();
    desk.as_token(&server, &bob)
        .args(["tickets", "reply", "10001", "-m", "Hi, Bob here.", "--yes"])
        .assert()
        .success()
        .stderr(contains("Replied in the telegram chat with"));
    let hit = wait_until("the live reply", WAIT, || {
        receiver.hits().into_iter().nth(1)
    });
    let reply = verified(&hit, SECRET);
    assert_eq!(reply["type"], "reply");
    assert_eq!(reply["text"], "Hi, Bob here.");
    assert_eq!(reply["channel"], "telegram");
    assert_eq!(
        reply["operator"],
        json!({"handle": "bob", "name": "Bob Jones"})
    );
    assert_eq!(
        reply["requester"],
        json!({"name": "Tom", "external-id": "tg-42"})
    );
    assert_ne!(reply["id"], takeover["id"]);

    // A receiver with another secret cannot verify the signature.
    let forged = std::panic::catch_unwind(|| verified(&hit, "another-secret-0123456789"));
    assert!(forged.is_err());

    wait_for_all(&desk, 2, "delivered");
    let events = timeline_events(&desk, "10001");
    assert!(events.contains(&(
        "delivered".into(),
        "The AI agent platform was told to stop the AI".into()
    )));
    assert!(events.contains(&(
        "delivered".into(),
        "Reply delivered to the AI agent platform for telegram".into()
    )));
    assert_eq!(server.terminate(), Some(0));
}

/// A receiver slow to answer about one ticket holds up one delivery worker:
/// the other tickets' messages go out meanwhile, and that ticket's later ones
/// still wait their turn.
#[test]
fn a_receiver_slow_to_answer_about_one_ticket_holds_up_no_other_ticket() {
    let (desk, receiver) = telegram_chat(desk(desk!()));
    handoff(
        &desk,
        "telegram",
        json!({"name": "Uma", "external-id": "tg-43"}),
        "Where is my parcel",
    );
    let alice = desk.token("alice");
    let server = desk.serve();
    let as_alice = |args: &[&str]| {
        desk.as_token(&server, &alice).args(args).assert().success();
    };
    receiver.hold(10001);
    as_alice(&["tickets", "takeover", "10001"]);
    wait_until("the held takeover", WAIT, || {
        (receiver.types_about(10001) == ["takeover"]).then_some(())
    });
    as_alice(&["tickets", "reply", "10001", "-m", "A person here.", "--yes"]);
    as_alice(&["tickets", "takeover", "10002"]);
    as_alice(&["tickets", "reply", "10002", "-m", "Hello Uma.", "--yes"]);
    // One worker sits on 10001's takeover until its attempt times out (30 s);
    // the others deliver 10002's messages now.
    wait_until("10002's messages, while 10001's wait", WAIT, || {
        (receiver.types_about(10002) == ["takeover", "reply"]).then_some(())
    });
    assert_eq!(receiver.types_about(10001), ["takeover"], "the reply waits");

    receiver.release();
    wait_for_all(&desk, 4, "delivered");
    assert_eq!(receiver.types_about(10001), ["takeover", "reply"]);
    assert_eq!(server.terminate(), Some(0));
}

#[test]
fn a_receiver_that_is_down_gets_everything_once_it_is_back() {
    let desk = desk(desk!());
    let (smtp_port, webhook_port) = (
        crate::common::unclaimed_port(),
        crate::common::unclaimed_port(),
    );
    set_email(&desk, smtp_port);
    set_delivery(&desk, webhook_port);
    desk.run(&["notifications", "set", "--email-owners", "true"]);
    handoff(
        &desk,
        "web",
        json!({"name": "Dana", "email": "dana@example.com", "external-id": "w-1"}),
        "Where is my parcel",
    );
    desk.run(&["tickets", "takeover", "10001"]);
    desk.run(&["tickets", "reply", "10001", "-m", "A person here.", "--yes"]);

    // Each command tried and failed: nothing is lost, the errors are
    // recorded. The reply was not tried: it waits for the takeover before it,
    // and is due when that one is.
    let messages = outbox(&desk);
    assert_eq!(messages.len(), 3, "{messages:?}");
    let (reply, tried) = messages.split_first().unwrap();
    for message in tried {
        assert_eq!(message["state"], "pending", "{message}");
        assert!(message["attempts"].as_u64().unwrap() >= 1, "{message}");
        assert!(message["next_attempt_at"].is_string(), "{message}");
        let error = message["last_error"].as_str().unwrap();
        match message["kind"].as_str().unwrap() {
            "email" => assert!(error.contains("SMTP 127.0.0.1"), "{error}"),
            _ => assert!(
                error.contains("cannot reach the delivery webhook"),
                "{error}"
            ),
        }
    }
    assert_eq!(reply["description"], "reply on web to #10001");
    assert_eq!(reply["state"], "pending", "{reply}");
    assert_eq!(reply["attempts"], 0, "{reply}");
    assert!(reply["last_error"].is_null(), "{reply}");
    assert_eq!(reply["next_attempt_at"], tried[0]["next_attempt_at"]);
    // It says what it waits for: the takeover queued before it to the
    // delivery webhook (not the owner's notice, sent elsewhere).
    assert_eq!(tried[0]["description"], "takeover of #10001", "{tried:?}");
    assert_eq!(reply["waiting_for"], tried[0]["id"], "{reply}");
    for message in tried {
        assert!(message.get("waiting_for").is_none(), "{message}");
    }
    let shown = desk.run(&["outbox", "show", "3"]);
    let waits: Vec<&str> = shown
        .lines()
        .filter_map(|line| line.strip_prefix("Waits for:"))
        .map(str::trim)
        .collect();
    assert_eq!(
        waits,
        ["message 2 (queued earlier to the same destination)"],
        "{shown}"
    );
    let shown = desk.run(&["outbox", "show", "2"]);
    assert!(!shown.contains("Waits for"), "{shown}");
    let listed = desk.run(&["outbox", "list"]);
    let when: Vec<&str> = listed
        .lines()
        .map(|line| line.split('\t').nth(5).unwrap())
        .collect();
    assert!(when[0].ends_with(", after 2"), "{listed}");
    assert!(!when[1].contains("after"), "{listed}");
    let timeline = desk.run(&["tickets", "show", "10001", "-o", "json"]);
    assert!(timeline.contains("A person here."));
    desk.cmd()
        .args(["outbox", "list", "--state", "pending", "-o", "name"])
        .assert()
        .success()
        .stdout("3\n2\n1\n");

    // The service's worker retries when each message falls due (the commands
    // above may have tried some several times, so that can be seconds away);
    // the receivers come back.
    let until_due = until_all_due(&messages);
    let server = desk.serve();
    let sink = SmtpSink::start(desk.dir.path(), smtp_port);
    let receiver = Receiver::start(webhook_port);
    wait_until("3 messages delivered", WAIT + until_due, || {
        let messages = outbox(&desk);
        (messages.len() == 3 && messages.iter().all(|m| m["state"] == "delivered")).then_some(())
    });
    assert_eq!(sink.messages().len(), 1);
    assert_eq!(sink.messages()[0]["to"], "Alice Smith <alice@example.com>");
    let types: Vec<String> = receiver
        .hits()
        .iter()
        .map(|hit| verified(hit, SECRET)["type"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(types, ["takeover", "reply"]);
    assert_eq!(server.terminate(), Some(0));
}

/// A receiver that answers 503 for a while gets a ticket's events in the
/// order they happened: the replies wait for the takeover before them, or the
/// AI would go on answering the customer over the person.
#[test]
fn a_tickets_events_arrive_in_order_from_a_receiver_that_answers_503_for_a_while() {
    let (desk, receiver) = telegram_chat(desk(desk!()));
    desk.run(&["tickets", "assign", "10001", "--to", "bob"]);
    let bob = desk.token("bob");
    for _ in 0..3 {
        receiver.answer(503, Some(1));
    }
    let server = desk.serve();
    for args in [
        &["tickets", "takeover", "10001"][..],
        &["tickets", "reply", "10001", "-m", "Hi, Bob here.", "--yes"],
        &[
            "tickets",
            "reply",
            "10001",
            "-m",
            "Your refund is on its way.",
            "--yes",
        ],
    ] {
        desk.as_token(&server, &bob).args(args).assert().success();
    }
    wait_for_all(&desk, 3, "delivered");
    let arrived: Vec<String> = receiver
        .hits()
        .iter()
        .map(|hit| {
            let event = verified(hit, SECRET);
            match event["text"].as_str() {
                Some(text) => format!("{}: {text}", event["type"].as_str().unwrap()),
                None => event["type"].as_str().unwrap().to_string(),
            }
        })
        .collect();
    assert_eq!(
        arrived,
        [
            "takeover", // 503
            "takeover", // 503
            "takeover", // 503
            "takeover",
            "reply: Hi, Bob here.",
            "reply: Your refund is on its way.",
        ]
    );
    assert_eq!(server.terminate(), Some(0));
}

/// Emails to a customer whose mail server defers them for a while arrive in
/// the order they were written.
#[test]
fn email_replies_a_mail_server_defers_for_a_while_arrive_in_order() {
    let desk = desk(desk!());
    let sink = SmtpSink::start(desk.dir.path(), 0);
    set_email(&desk, sink.port);
    handoff(
        &desk,
        "email",
        json!({"name": "Dana", "email": "busy@example.com"}),
        "Invoice",
    );
    desk.run(&["tickets", "assign", "10001", "--to", "bob"]);
    let bob = desk.token("bob");
    let server = desk.serve();
    for text in ["First, the invoice.", "Second, the refund."] {
        desk.as_token(&server, &bob)
            .args(["tickets", "reply", "10001", "-m", text, "--yes"])
            .assert()
            .success();
    }
    wait_for_all(&desk, 2, "delivered");
    let bodies: Vec<String> = sink
        .messages()
        .iter()
        .map(|m| {
            m["body"]
                .as_str()
                .unwrap()
                .lines()
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(bodies, ["First, the invoice.", "Second, the refund."]);
    let first = &outbox(&desk)[1];
    assert_eq!(first["attempts"], 3, "deferred twice: {first}");
    assert_eq!(server.terminate(), Some(0));
}

#[test]
fn permanent_errors_dead_letter_at_once_and_retry_queues_again() {
    let desk = desk(desk!());
    let receiver = Receiver::start(0);
    let sink = SmtpSink::start(desk.dir.path(), 0);
    set_delivery(&desk, receiver.port);
    set_email(&desk, sink.port);
    handoff(&desk, "web", json!({"name": "Dana"}), "Parcel"); // 10001
    handoff(
        &desk,
        "email",
        json!({"name": "Rex", "email": "reject@example.com"}),
        "Invoice",
    ); // 10002

    // 410 Gone: no second attempt.
    receiver.answer(410, None);
    desk.run(&["tickets", "takeover", "10001"]);
    let dead = &outbox(&desk)[0];
    assert_eq!(dead["state"], "dead");
    assert_eq!(dead["attempts"], 1);
    assert!(
        dead["last_error"].as_str().unwrap().contains("410 Gone"),
        "{dead}"
    );
    assert!(
        timeline_events(&desk, "10001")
            .iter()
            .any(|(event, body)| event == "delivery-failed" && body.contains("410"))
    );
    // An SMTP 5xx reply: dead at once as well.
    desk.run(&[
        "tickets",
        "reply",
        "10002",
        "-m",
        "About your invoice",
        "--yes",
    ]);
    let bounced = &outbox(&desk)[0];
    assert_eq!(bounced["kind"], "email");
    assert_eq!(bounced["state"], "dead");
    assert_eq!(bounced["attempts"], 1);
    assert!(
        bounced["last_error"].as_str().unwrap().contains("550"),
        "{bounced}"
    );
    assert!(sink.messages().is_empty());

    // Queued again, the takeover goes out (the receiver now answers 204).
    let retried = parse(&desk.run(&["outbox", "retry", "1", "-o", "json"]));
    assert_eq!(retried[0]["state"], "delivered");
    assert_eq!(retried[0]["attempts"], 2, "every attempt made is counted");
    assert!(
        retried[0]["last_error"].is_null(),
        "a delivered message has no last error: {}",
        retried[0]
    );
    assert_eq!(receiver.hits().len(), 2);
    desk.cmd()
        .args(["outbox", "retry", "1"])
        .assert()
        .code(6)
        .stderr(contains("delivered already"));
    desk.cmd().args(["outbox", "retry", "99"]).assert().code(5);

    // 503 with Retry-After: the next attempt waits as long as the receiver asked.
    receiver.answer(503, Some(120));
    desk.run(&["tickets", "reply", "10001", "-m", "Still there?", "--yes"]);
    let waiting = &outbox(&desk)[0];
    assert_eq!(waiting["state"], "pending");
    assert!(
        waiting["last_error"]
            .as_str()
            .unwrap()
            .contains("503 Service Unavailable"),
        "{waiting}"
    );
    let next: jiff::Timestamp = waiting["next_attempt_at"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let wait = next.duration_since(jiff::Timestamp::now()).as_secs();
    assert!((100..=120).contains(&wait), "retry in {wait} s");
}

/// A reply the customer never got (dead) does not leave its ticket waiting
/// on them: pending or resolved, the ticket is open again, back in the queue
/// beside the `delivery-failed` event.
#[test]
fn a_dead_reply_puts_its_ticket_back_in_the_queue() {
    let desk = desk(desk!());
    let receiver = Receiver::start(0);
    let sink = SmtpSink::start(desk.dir.path(), 0);
    set_delivery(&desk, receiver.port);
    handoff(
        &desk,
        "email",
        json!({"name": "Rex", "email": "reject@example.com"}),
        "Invoice",
    ); // 10001
    handoff(&desk, "web", json!({"name": "Dana"}), "Parcel"); // 10002

    // No SMTP server yet: the reply waits, and the ticket is resolved
    // meanwhile; then the server refuses the address for good.
    desk.run(&[
        "tickets",
        "reply",
        "10001",
        "-m",
        "About your invoice",
        "--yes",
    ]);
    desk.run(&["tickets", "resolve", "10001"]);
    set_email(&desk, sink.port);
    // The attempt dies: whatever the command answers, the outbox says so.
    let _ = desk.cmd().args(["outbox", "retry", "1"]).output();
    assert_eq!(outbox(&desk)[0]["state"], "dead");
    let ticket = parse(&desk.run(&["tickets", "show", "10001", "-o", "json"]));
    assert_eq!(ticket["ticket"]["status"], "open");
    let events = timeline_events(&desk, "10001");
    let last: Vec<&str> = events[events.len() - 2..]
        .iter()
        .map(|(event, _)| event.as_str())
        .collect();
    assert_eq!(last, ["delivery-failed", "reopened"], "{events:?}");
    assert_eq!(
        events.last().unwrap().1,
        "Reopened: the customer did not get the reply"
    );

    // A live chat's reply the receiver refuses: pending → open.
    desk.run(&["tickets", "takeover", "10002"]);
    receiver.answer(410, None);
    desk.run(&["tickets", "reply", "10002", "-m", "On its way", "--yes"]);
    let ticket = parse(&desk.run(&["tickets", "show", "10002", "-o", "json"]));
    assert_eq!(ticket["ticket"]["status"], "open");
    assert_eq!(
        timeline_events(&desk, "10002").last().unwrap(),
        &(
            "status-changed".to_string(),
            "Status pending → open: the customer did not get the reply".to_string()
        )
    );
}

/// An integrator's receiver logs `X-Desk-Delivery`, not the outbox's own id:
/// that id looks the message up and queues it again, on the API and in the CLI.
#[test]
fn a_delivery_is_shown_and_retried_by_the_id_its_receiver_logged() {
    let (desk, receiver) = telegram_chat(desk(desk!()));
    receiver.answer(410, None);
    desk.run(&["tickets", "takeover", "10001"]);
    let hits = receiver.hits();
    let sent_as = hits[0].headers["x-desk-delivery"].clone();
    assert!(sent_as.starts_with("msg_"), "{sent_as}");

    let shown = parse(&desk.run(&["outbox", "show", &sent_as, "-o", "json"]));
    assert_eq!(shown["state"], "dead", "{shown:#}");
    assert_eq!(shown["payload"]["id"], sent_as.as_str());
    let id = shown["id"].as_u64().unwrap();
    assert_eq!(
        parse(&desk.run(&["outbox", "show", &id.to_string(), "-o", "json"])),
        shown
    );

    desk.cmd()
        .args(["outbox", "retry", &sent_as])
        .assert()
        .success()
        .stderr(contains(format!("Queued message {id} ({sent_as}) again")));
    let hits = receiver.hits();
    assert_eq!(hits.len(), 2, "{hits:?}");
    assert_eq!(
        hits[1].headers["x-desk-delivery"], sent_as,
        "the same id on every attempt"
    );
    desk.cmd()
        .args(["outbox", "retry", &sent_as])
        .assert()
        .code(6)
        .stderr(contains("delivered already"));

    // An id nothing went out with is not found; one of no kind is a usage error.
    desk.cmd()
        .args(["outbox", "show", "msg_000000000000"])
        .assert()
        .code(5);
    desk.cmd()
        .args(["outbox", "show", "tok_abc"])
        .assert()
        .code(2)
        .stderr(contains("nor the id it went out with"));
}

/// A secret no key at hand opens holds back only what needs it: the desk
/// works, its deliveries wait in the outbox saying which key they need and how
/// to enter the secret again, and once it is entered again they go out, signed
/// with the new one.
#[test]
fn deliveries_wait_for_a_secret_no_key_opens_until_it_is_entered_again() {
    let desk = desk(desk!());
    let sink = SmtpSink::start(desk.dir.path(), 0);
    let receiver = Receiver::start(0);
    set_email(&desk, sink.port);
    desk.cmd()
        .args(["email", "set", "--username", "desk", "--password-stdin"])
        .write_stdin(format!("{PASSWORD}\n"))
        .assert()
        .success();
    set_delivery(&desk, receiver.port);
    desk.run(&["notifications", "set", "--email-owners", "true"]);

    // The key they were sealed with is lost: another one is at hand.
    let other = deskctl::server::sealing::Key::generate()
        .encoded()
        .to_string();
    let keyless = |args: &[&str]| {
        let mut cmd = desk.cmd();
        cmd.env("DESKCTL_SECRET_KEY", &other).args(args);
        cmd
    };
    let body = json!({
        "agent": "shop", "environment": "production", "channel": "telegram",
        "requester": {"name": "Tom", "external-id": "tg-42"},
        "transcript": [{"role": "customer", "text": "Refund please"}],
        "reason": "explicit-request",
    });
    let file = desk.dir.path().join("handoff.json");
    std::fs::write(&file, body.to_string()).unwrap();
    keyless(&["handoff", "send", "-f", file.to_str().unwrap()])
        .assert()
        .success();
    keyless(&["tickets", "takeover", "10001"])
        .assert()
        .success();

    let messages = outbox(&desk);
    assert_eq!(messages.len(), 2, "{messages:?}");
    for message in &messages {
        assert_eq!(message["state"], "pending", "{message}");
        let error = message["last_error"].as_str().unwrap();
        let (place, again) = match message["kind"].as_str().unwrap() {
            "email" => ("email.password", "deskctl email set --password-stdin"),
            _ => ("delivery.secret", "deskctl delivery set --secret-stdin"),
        };
        assert!(
            error.contains(&format!("the secret {place} is sealed with key"))
                && error.contains("which is not at hand")
                && error.contains(again),
            "{error}"
        );
        for secret in [PASSWORD, SECRET, "sealed:v1"] {
            assert!(!error.contains(secret), "{error}");
        }
    }
    assert!(sink.messages().is_empty());
    assert!(receiver.hits().is_empty());

    // Entered again without the lost key (the password removed with the
    // login), they go out as each falls due. On PostgreSQL, where another
    // replica may hold the lost key, a new value is not sealed over it: the
    // secret is removed first, on purpose.
    if desk.database.is_some() {
        keyless(&["delivery", "set", "--secret-stdin"])
            .write_stdin("whsec-refused-here-0123456\n")
            .assert()
            .code(6)
            .stderr(contains("delivery.secret cannot be set here"));
        keyless(&["delivery", "set", "--no-url", "--no-secret"])
            .assert()
            .success();
    }
    let entered = "whsec-entered-again-0123456";
    keyless(&["delivery", "set", "--url", &webhook_url(receiver.port)])
        .arg("--secret-stdin")
        .write_stdin(format!("{entered}\n"))
        .assert()
        .success();
    keyless(&["email", "set", "--no-username"])
        .assert()
        .success();
    let until_due = until_all_due(&outbox(&desk));
    let mut serve = desk.std_cmd();
    serve.env("DESKCTL_SECRET_KEY", &other);
    let server = desk.serve_by(serve, "other-key", &[]);
    wait_until("2 messages delivered", WAIT + until_due, || {
        let messages = outbox(&desk);
        messages
            .iter()
            .all(|m| m["state"] == "delivered")
            .then_some(())
    });
    let hits = receiver.hits();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(verified(&hits[0], entered)["type"], "takeover");
    assert_eq!(sink.messages().len(), 1);
    assert_eq!(server.terminate(), Some(0));
}

#[test]
fn secrets_are_write_only_and_never_shown() {
    let desk = desk(desk!());
    let sink = SmtpSink::start(desk.dir.path(), 0);
    let receiver = Receiver::start(0);
    // Everything any command printed, and every HTTP answer.
    let seen = std::cell::RefCell::new(String::new());
    let run = |cmd: &mut assert_cmd::Command| -> std::process::Output {
        let output = cmd.output().unwrap();
        let mut seen = seen.borrow_mut();
        seen.push_str(&String::from_utf8_lossy(&output.stdout));
        seen.push_str(&String::from_utf8_lossy(&output.stderr));
        output
    };

    let set = run(desk
        .cmd()
        .args(["email", "set", "--host", "127.0.0.1", "--port"])
        .arg(sink.port.to_string())
        .args(["--tls", "none", "--username", "desk", "--password-stdin"])
        .write_stdin(format!("{PASSWORD}\n")));
    assert!(set.status.success());
    let shown = parse(&desk.run(&["email", "show", "-o", "json"]));
    assert_eq!(shown["password-set"], true);
    assert!(shown.get("password").is_none(), "{shown}");
    let print = shown["password-fingerprint"].as_str().unwrap().to_string();
    assert!(print.starts_with("hmac:"), "{print}");
    // Other changes keep the password.
    run(desk
        .cmd()
        .args(["email", "set", "--from", "Desk <desk@acme.example>"]));
    let kept = parse(&desk.run(&["email", "show", "-o", "json"]));
    assert_eq!(kept["password-fingerprint"], print.as_str());
    assert_eq!(kept["from"], "Desk <desk@acme.example>");

    let set = run(desk
        .cmd()
        .env("DESK_WEBHOOK_SECRET", SECRET)
        .args(["delivery", "set", "--url", &webhook_url(receiver.port)])
        .args(["--secret-env", "DESK_WEBHOOK_SECRET"]));
    assert!(set.status.success());
    let shown = parse(&desk.run(&["delivery", "show", "-o", "json"]));
    assert_eq!(shown["secret-set"], true);
    assert!(shown.get("secret").is_none(), "{shown}");

    for args in [
        &["email", "show"][..],
        &["email", "show", "-o", "yaml"],
        &["email", "show", "-o", "wide"],
        &["delivery", "show"],
        &["delivery", "show", "-o", "yaml"],
    ] {
        assert!(run(desk.cmd().args(args)).status.success());
    }
    // Errors: a bad change, and a prompt with no terminal to prompt on.
    let bad = run(desk
        .cmd()
        .args(["email", "set", "--from", "not an address"]));
    assert_eq!(bad.status.code(), Some(1));
    let no_tty = run(desk.cmd().args(["email", "set", "--password-prompt"]));
    assert_eq!(no_tty.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&no_tty.stderr).contains("--password-stdin"));
    let short = run(desk
        .cmd()
        .args(["delivery", "set", "--secret-stdin"])
        .write_stdin("short\n"));
    assert_eq!(short.status.code(), Some(1));

    // Deliveries: the SMTP login fails (the sink offers no AUTH); the webhook works.
    handoff(&desk, "web", json!({"email": "dana@example.com"}), "Hello");
    desk.run(&["tickets", "reply", "10001", "-m", "Hi by email", "--yes"]);
    desk.run(&["tickets", "takeover", "10001"]);
    assert_eq!(receiver.hits().len(), 1);
    run(desk.cmd().args(["outbox", "list", "-o", "json"]));
    run(desk.cmd().args(["outbox", "list", "-o", "wide"]));
    run(desk.cmd().args(["outbox", "show", "1"]));
    let failed = &outbox(&desk)[1];
    assert_eq!(failed["kind"], "email");
    assert!(failed["last_error"].is_string(), "{failed}");

    // Over HTTP: owners only, and the answer holds no secret either.
    let alice = desk.token("alice");
    let bob = desk.token("bob");
    let server = desk.serve();
    let auth = format!("Bearer {alice}");
    for path in ["/v1/settings/email", "/v1/settings/delivery", "/v1/outbox"] {
        let response = server.raw("GET", path, &[("Authorization", &auth)], b"");
        assert_eq!(response.status, 200, "{path}: {}", response.body);
        seen.borrow_mut().push_str(&response.body);
    }
    let forbidden = run(desk.as_token(&server, &bob).args(["email", "show"]));
    assert_eq!(forbidden.status.code(), Some(4));
    let forbidden = run(desk.as_token(&server, &bob).args(["delivery", "show"]));
    assert_eq!(forbidden.status.code(), Some(4));
    run(desk
        .as_token(&server, &alice)
        .args(["email", "show", "-o", "json"]));
    let log = server.log();
    server.terminate();

    let seen = seen.into_inner();
    for secret in [PASSWORD, SECRET] {
        assert!(!seen.contains(secret), "a secret was shown:\n{seen}");
        assert!(!log.contains(secret), "a secret was logged:\n{log}");
    }
    assert!(seen.contains(&print), "the fingerprint is shown");
}
