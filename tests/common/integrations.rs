//! End-to-end helpers for `deskctl integrations`: commands run with a
//! platform's secrets in their environment, which must never show them, and
//! a production handoff from agent `shop` to send and look at.

use serde_json::{Value, json};

use super::Desk;

/// Secrets as (environment variable, value): given to every command, and
/// looked for in everything it prints.
pub type Secrets<'a> = &'a [(&'a str, &'a str)];

/// Runs deskctl with `secrets` in its environment; returns (success, stdout +
/// stderr), checking that no secret shows in either.
pub fn run(desk: &Desk, secrets: Secrets, args: &[&str]) -> (bool, String) {
    let mut cmd = desk.cmd();
    for (var, value) in secrets {
        cmd.env(var, value);
    }
    let output = cmd.args(args).output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    for (_, value) in secrets {
        assert!(
            !text.contains(value),
            "deskctl {args:?} showed a secret:\n{text}"
        );
    }
    (output.status.success(), text)
}

/// As [`run`], expecting success; returns the output.
pub fn run_ok(desk: &Desk, secrets: Secrets, args: &[&str]) -> String {
    let (ok, text) = run(desk, secrets, args);
    assert!(ok, "deskctl {args:?} failed:\n{text}");
    text
}

pub fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// A desk with agent `shop`, whose web action defaults to high priority.
pub fn desk_with_agent() -> Desk {
    let desk = Desk::new();
    desk.seed();
    desk.run(&["agents", "add", "shop", "--name", "Shop assistant"]);
    desk.run(&[
        "actions",
        "set",
        "shop",
        "--channel",
        "web",
        "--default-priority",
        "high",
    ]);
    desk
}

/// Sends a production handoff from `shop` (Dana, order 4417) without waiting for
/// its delivery's outcome (the local desk still delivers before the command
/// returns); returns the accepted handoff.
pub fn send(desk: &Desk, secrets: Secrets, name: &str) -> Value {
    let handoff = json!({
        "agent": "shop",
        "environment": "production",
        "channel": "web",
        "requester": {"name": "Dana Reyes", "email": "dana@example.com"},
        "transcript": [{"role": "customer", "text": "Please get me a person."}],
        "context": {"order-id": "4417"},
        "reason": "explicit-request"
    });
    let file = desk.dir.path().join(format!("{name}.json"));
    std::fs::write(&file, handoff.to_string()).unwrap();
    let text = run_ok(
        desk,
        secrets,
        &[
            "handoff",
            "send",
            "-f",
            file.to_str().unwrap(),
            "--no-wait",
            "-o",
            "json",
        ],
    );
    parse(&text[..text.rfind('}').unwrap() + 1])
}

/// `handoff show ID -o json`.
pub fn show(desk: &Desk, id: &str) -> Value {
    parse(&desk.run(&["handoff", "show", id, "-o", "json"]))
}

/// The JSON bodies POSTed to `path` on the fake, in order.
pub async fn posted(server: &wiremock::MockServer, path: &str) -> Vec<Value> {
    server
        .received_requests()
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.method.as_str() == "POST" && r.url.path() == path)
        .map(|r| r.body_json().unwrap())
        .collect()
}

/// The moves of handoff `id`'s external status recorded as `handoff.external`
/// events, oldest first, as (previous, now): read from the desk's store, as
/// `GET /v1/events` serves them.
pub async fn external_moves(desk: &Desk, id: &str) -> Vec<(String, String)> {
    use deskctl::api::EventKind;
    use deskctl::server::store::{Open, Store, Viewer};
    let store = Store::open(&desk.location(), Open::Existing, super::keys())
        .await
        .unwrap();
    let page = store.events_after(0, &Viewer::Everyone, 500).await.unwrap();
    page.events
        .iter()
        .filter(|e| e.kind == EventKind::HandoffExternal)
        .filter(|e| e.handoff.as_ref().is_some_and(|h| h.id == id))
        .map(|e| {
            let moved = e.external.as_ref().unwrap();
            (
                moved.previous.as_str().to_string(),
                moved.status.as_str().to_string(),
            )
        })
        .collect()
}

/// Checks a webhook's answer to an event received before: a 200 (a platform
/// sends the event again until it gets a 2xx) saying it is a replay and
/// moving no handoff.
pub fn assert_replay(answer: &super::RawResponse, what: &str) {
    assert_eq!(answer.status, 200, "{what}: {}", answer.body);
    let receipt = answer.json();
    assert_eq!(receipt["replay"], true, "{what}: {}", answer.body);
    assert_eq!(receipt["updated"], json!([]), "{what}: {}", answer.body);
}
