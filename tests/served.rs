//! The CLI against a real `deskctl serve` on a loopback port: tokens, roles,
//! contexts, bad bodies and a clean stop, with the desk on each backend.

use super::BACKEND;
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

#[test]
fn a_served_desk_answers_with_a_token_and_refuses_without_one() {
    let desk = desk!();
    desk.seed();
    let token = desk.token("alice");
    let server = desk.serve();

    desk.elsewhere()
        .args(["--server", &server.url, "operators", "list"])
        .assert()
        .code(4)
        .stderr(contains("this request needs a token"))
        .stderr(contains("hint:"));
    desk.elsewhere()
        .env("DESKCTL_TOKEN", "desk_not_a_real_token")
        .args(["--server", &server.url, "operators", "list"])
        .assert()
        .code(4)
        .stderr(contains("the token is not valid"));

    desk.elsewhere()
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
        let mut cmd = desk.elsewhere();
        cmd.args(args);
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

/// Revoking the token the context signs in with says so in the question and
/// after: every later command on the context is refused. Another token of
/// the same operator is revoked without a word about it.
#[test]
fn revoking_the_contexts_own_token_says_that_the_context_is_locked_out() {
    let desk = desk!();
    desk.seed();
    let create = || -> serde_json::Value {
        let made = desk.run(&["tokens", "create", "--operator", "alice", "-o", "json"]);
        serde_json::from_str(&made).unwrap()
    };
    let (mine, theirs) = (create(), create());
    let own = mine["token"]["id"].as_str().unwrap().to_string();
    let other = theirs["token"]["id"].as_str().unwrap().to_string();
    let server = desk.serve();
    desk.elsewhere()
        .args(["context", "add", "team", "--server", &server.url])
        .args(["--token-stdin", "--use"])
        .write_stdin(mine["secret"].as_str().unwrap())
        .assert()
        .success();
    let remote = |args: &[&str]| {
        let mut cmd = desk.elsewhere();
        cmd.args(args);
        cmd
    };
    remote(&["tokens", "revoke", &other, "--yes"])
        .assert()
        .success()
        .stderr(contains(format!("Revoked token {other}")))
        .stderr(contains("can no longer sign in").not());
    remote(&["tokens", "revoke", &own])
        .assert()
        .code(2)
        .stderr(contains(format!(
            "confirmation needed to revoke token {own}, the token 'team' signs in with \
             (every later command on 'team' is refused until it has another)"
        )))
        .stderr(contains("--yes"));
    remote(&["tokens", "revoke", &own, "--yes"])
        .assert()
        .success()
        .stderr(contains(format!(
            "'team' signed in with token {own}: it can no longer sign in; give it another \
             (`deskctl context set team --token-stdin`, or DESKCTL_TOKEN)"
        )));
    remote(&["operators", "list"]).assert().code(4);
}

#[test]
fn roles_are_enforced_over_http() {
    let desk = desk!();
    desk.seed();
    let operator_token = desk.token("bob");
    let ingest_token = desk
        .run(&["tokens", "create", "--ingest", "--name", "ai"])
        .trim()
        .to_string();
    let server = desk.serve();
    let as_token = |token: &str, args: &[&str]| {
        let mut cmd = desk.elsewhere();
        cmd.env("DESKCTL_TOKEN", token)
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
    let desk = desk!();
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
        let mut cmd = desk.elsewhere();
        cmd.arg("--context").arg("prod").args(args);
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
    let desk = desk!();
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
    let desk = desk!();
    let server = desk.serve();
    let log_path = server.log.clone();
    assert_eq!(server.terminate(), Some(0));
    let log = std::fs::read_to_string(log_path).unwrap();
    assert!(log.contains("Stopped"), "{log}");
}

/// With PostgreSQL down, `/v1/health` answers 503 with `Retry-After` once its
/// own short bound runs out, not the pool's (load balancers probe with
/// timeouts of a few seconds), and says so.
#[test]
fn health_answers_503_with_retry_after_when_postgres_is_down() {
    let Some((cluster, desk)) = crate::common::Desk::crashable_over_tcp(BACKEND) else {
        return;
    };
    let server = desk.serve();
    assert_eq!(server.raw("GET", "/v1/health", &[], b"").status, 200);
    cluster.own.crash();
    let health = server.raw("GET", "/v1/health", &[], b"");
    assert_eq!(health.status, 503, "{}", health.body);
    assert_eq!(health.header("retry-after"), Some("1"));
    let problem = health.json();
    assert_eq!(problem["code"], "database_unavailable");
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("did not answer within 2 seconds"),
        "{problem}"
    );
    cluster.own.restart();
    assert_eq!(server.raw("GET", "/v1/health", &[], b"").status, 200);
}

/// With PostgreSQL stopped mid-run, an ordinary request is answered 503
/// with `Retry-After` once the pool's short wait for a connection runs out,
/// well before a proxy or client would give up on it (5 seconds; the bound
/// is generous, as slow_clients.rs's are, and the former 15 would not pass).
#[test]
fn requests_answer_503_with_retry_after_when_postgres_stops_mid_run() {
    let Some((cluster, desk)) = crate::common::Desk::crashable_over_tcp(BACKEND) else {
        return;
    };
    desk.seed();
    let bearer = format!("Bearer {}", desk.token("alice"));
    let server = desk.serve();
    let auth = [("Authorization", bearer.as_str())];
    assert_eq!(server.raw("GET", "/v1/tickets", &auth, b"").status, 200);
    cluster.own.crash();
    for path in ["/v1/tickets", "/v1/operators"] {
        let started = std::time::Instant::now();
        let answer = server.raw("GET", path, &auth, b"");
        let took = started.elapsed();
        assert_eq!(answer.status, 503, "{path}: {}", answer.body);
        assert_eq!(answer.header("retry-after"), Some("1"), "{path}");
        assert_eq!(answer.json()["code"], "database_unavailable", "{path}");
        assert!(
            took < std::time::Duration::from_secs(12),
            "{path} took {took:?}"
        );
    }
    cluster.own.restart();
    assert_eq!(server.raw("GET", "/v1/tickets", &auth, b"").status, 200);
}

/// With PostgreSQL stopped mid-run, a request's 503 and the delivery
/// workers' log say that PostgreSQL cannot be reached, naming its URL (never
/// its password), as a command that cannot open the desk says it: not the
/// pool's "pool timed out while waiting for an open connection". The outage
/// is logged once when it begins and once when it ends: not by each of the
/// four workers at each look, nor by the pool for each idle connection.
#[test]
fn postgres_stopped_mid_run_is_named_in_answers_and_the_workers_log() {
    let Some((cluster, desk)) = crate::common::Desk::crashable_over_tcp(BACKEND) else {
        return;
    };
    desk.seed();
    let bearer = format!("Bearer {}", desk.token("alice"));
    // A 2-second lease has the idle workers look at the outbox every 2 seconds.
    let server = desk.serve_by(desk.std_cmd(), "serve", &["--delivery-lease", "2"]);
    let auth = [("Authorization", bearer.as_str())];
    assert_eq!(server.raw("GET", "/v1/operators", &auth, b"").status, 200);
    cluster.own.crash();
    let answer = server.raw("GET", "/v1/operators", &auth, b"");
    assert_eq!(answer.status, 503, "{}", answer.body);
    let detail = answer.json()["detail"].as_str().unwrap().to_string();
    assert!(
        detail.starts_with("cannot reach PostgreSQL at postgres://")
            && detail.contains("no connection within 5 s"),
        "{detail}"
    );
    // Every worker has met the pool's wait by now, at least once.
    std::thread::sleep(std::time::Duration::from_secs(8));
    cluster.own.restart();
    // A look after the restart finds the database again.
    std::thread::sleep(std::time::Duration::from_secs(5));
    assert_eq!(server.raw("GET", "/v1/operators", &auth, b"").status, 200);
    let log_path = server.log.clone();
    assert_eq!(server.terminate(), Some(0));
    let log = std::fs::read_to_string(log_path).unwrap();
    let began: Vec<&str> = log
        .lines()
        .filter(|line| line.contains("the delivery workers cannot reach the database"))
        .collect();
    assert_eq!(began.len(), 1, "{log}");
    assert!(
        began[0].contains("cannot reach PostgreSQL at postgres://"),
        "{}",
        began[0]
    );
    assert!(!log.contains("cannot read the outbox"), "{log}");
    assert!(!log.contains("ping on idle connection"), "{log}");
    assert!(!log.contains("pool timed out"), "{log}");
    let ended = log
        .lines()
        .filter(|line| line.contains("the database answers again: delivery goes on"))
        .count();
    assert_eq!(ended, 1, "{log}");
}

/// On SIGTERM with PostgreSQL down, neither the delivery worker (no message
/// in hand) nor the event log's poller waits out the pool: nothing either
/// asked the database is reported after the service began to stop.
#[test]
fn a_stopping_service_waits_for_no_database_that_is_down() {
    let Some((cluster, desk)) = crate::common::Desk::crashable_over_tcp(BACKEND) else {
        return;
    };
    let mut serve = desk.std_cmd();
    // The poller says it could not read the log at debug level.
    serve.env("DESKCTL_LOG", "info,deskctl::server::store::feed=debug");
    // A 2-second lease has the idle worker look at the outbox every 2 seconds.
    let server = desk.serve_by(serve, "serve", &["--delivery-lease", "2"]);
    cluster.own.crash();
    // Long enough for the worker to be waiting on the pool for a claim, and
    // the poller for the log.
    std::thread::sleep(std::time::Duration::from_secs(3));
    let log_path = server.log.clone();
    assert_eq!(server.terminate(), Some(0));
    let log = std::fs::read_to_string(log_path).unwrap();
    let (_, after_stop) = log
        .split_once("stopping: answering the requests in flight")
        .unwrap_or_else(|| panic!("no stopping line in {log}"));
    assert!(
        !after_stop.contains("cannot read the outbox")
            && !after_stop.contains("cannot reach the database"),
        "the worker waited for the database after the stop: {log}"
    );
    assert!(
        !after_stop.contains("could not read the event log"),
        "the poller waited for the database after the stop: {log}"
    );
    assert!(after_stop.contains("Stopped"), "{log}");
}

/// A desk file removed under `serve` (with its `-wal` and `-shm`) stays open
/// in the service: a handoff it acknowledged then would be lost when it
/// stops. It is refused instead, with a 503 naming the file, the health
/// check says so, and the log says it once.
#[test]
fn a_desk_file_removed_under_serve_refuses_writes_and_fails_the_health_check() {
    if !matches!(BACKEND, crate::common::Backend::Sqlite) {
        return;
    }
    let desk = desk!();
    let document = desk.dir.path().join("desk.yaml");
    std::fs::write(
        &document,
        "apiVersion: deskctl/v1\nkind: Desk\noperators:\n- {handle: alice, name: A, email: \
         a@x.com, role: owner}\nteams:\n- {key: support, name: S, default: true}\nagents:\n- \
         key: shop\n  name: Shop\n  handover: {platform: inbox, when-to-use: x, channels: \
         [web]}\n",
    )
    .unwrap();
    desk.run(&["apply", "-f", document.to_str().unwrap(), "--yes", "-q"]);
    let token = desk.token("alice");
    let server = desk.serve();
    let handoff = serde_json::json!({
        "agent": "shop", "environment": "production", "channel": "web",
        "requester": {"name": "D", "email": "d@example.com"},
        "transcript": [{"role": "customer", "text": "help"}],
        "reason": "explicit-request",
    });
    let (status, before) = server.send_json(&token, "POST", "/v1/handoffs", &handoff);
    assert_eq!(status, 201, "{before}");

    for suffix in ["", "-wal", "-shm"] {
        let mut file = desk.path().into_os_string();
        file.push(suffix);
        std::fs::remove_file(file).unwrap();
    }
    let removed = format!(
        "the desk file {} was removed or replaced",
        desk.path().display()
    );
    for _ in 0..2 {
        let (status, problem) = server.send_json(&token, "POST", "/v1/handoffs", &handoff);
        assert_eq!(status, 503, "{problem}");
        assert_eq!(problem["type"], "urn:deskctl:problem:desk_file_replaced");
        assert!(
            problem["detail"].as_str().unwrap().contains(&removed),
            "{problem}"
        );
    }
    let health = server.raw("GET", "/v1/health", &[], b"");
    assert_eq!(health.status, 503, "{}", health.body);
    assert!(health.header("retry-after").is_some());
    assert_eq!(health.json()["code"], "desk_file_replaced");
    assert!(!desk.path().exists(), "an empty desk was made in its place");

    let log_path = server.log.clone();
    assert_eq!(server.terminate(), Some(0));
    let log = std::fs::read_to_string(log_path).unwrap();
    assert_eq!(
        log.matches("the desk file was removed or replaced").count(),
        1,
        "{log}"
    );
}
