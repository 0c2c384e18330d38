//! `deskctl serve` against slow and hostile clients (issue 14, item 2), over
//! real sockets: half-sent requests, too many connections, callers over their
//! budget, and requests caught by a shutdown.
//!
//! Nothing waits on the server's clocks except the one bound the issue sets
//! (`/v1/health` within a second beside a thousand half-sent connections);
//! every read has a generous timeout so a hang fails instead of stalling CI.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::common::{BIN, Desk, RawResponse, Server};

/// Far above any answer's normal time: only a hang reaches it.
const HANG: Duration = Duration::from_secs(60);

fn connect(server: &Server) -> TcpStream {
    let stream = TcpStream::connect(server.address()).unwrap();
    stream.set_read_timeout(Some(HANG)).unwrap();
    stream
}

/// Sends a whole request and reads the answer until the server closes.
fn request(server: &Server, path: &str, headers: &[(&str, &str)]) -> RawResponse {
    let mut stream = connect(server);
    let mut text = format!("GET {path} HTTP/1.1\r\nHost: desk\r\nConnection: close\r\n");
    for (name, value) in headers {
        text.push_str(&format!("{name}: {value}\r\n"));
    }
    text.push_str("\r\n");
    stream.write_all(text.as_bytes()).unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).unwrap();
    RawResponse::parse(&answer)
}

/// A connection that sent the start of a request line and stopped.
fn half_sent(server: &Server) -> TcpStream {
    let mut stream = connect(server);
    stream.write_all(b"GET /v1/heal").unwrap();
    stream
}

#[test]
fn a_client_that_never_finishes_its_headers_is_disconnected() {
    let desk = Desk::new();
    let server = desk.serve_with(&["--header-timeout", "1"]);
    let mut stream = half_sent(&server);
    let mut answer = Vec::new();
    // Closed by the server (EOF or reset), not by our read timeout.
    let started = Instant::now();
    let _ = stream.read_to_end(&mut answer);
    assert!(started.elapsed() < HANG, "the connection was never closed");
    // A client that keeps its connection idle after an answer is closed too.
    let mut stream = connect(&server);
    stream
        .write_all(b"GET /v1/health HTTP/1.1\r\nHost: desk\r\n\r\n")
        .unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let answer = RawResponse::parse(&answer);
    assert_eq!(answer.status, 200);
    assert_eq!(answer.json()["status"], "ok");
}

/// `deskctl serve` started with a soft open-file limit of 256, the hard limit
/// left as it is: the service raises its own.
fn serve_with_few_files(desk: &Desk) -> Server {
    let log = desk.dir.path().join("serve.log");
    let mut child = desk
        .std_cmd_of("sh")
        .args(["-c", "ulimit -Sn 256 && exec \"$0\" \"$@\"", BIN])
        .args(["serve", "--listen", "127.0.0.1:0"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let mut url = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut url)
        .unwrap();
    let url = url.trim().to_string();
    assert!(
        url.starts_with("http://127.0.0.1:"),
        "serve printed {url:?}"
    );
    Server { child, url, log }
}

#[test]
fn a_thousand_half_sent_connections_do_not_starve_the_service() {
    let desk = Desk::new();
    let server = serve_with_few_files(&desk);
    let held: Vec<TcpStream> = (0..1000).map(|_| half_sent(&server)).collect();
    // Every one of them was accepted before the health check is sent.
    let last = request(&server, "/v1/version", &[]);
    assert_eq!(last.status, 200, "{}", last.body);
    let started = Instant::now();
    let health = request(&server, "/v1/health", &[]);
    let took = started.elapsed();
    assert_eq!(health.status, 200, "{}", health.body);
    assert!(took < Duration::from_secs(1), "/v1/health took {took:?}");
    drop(held);
}

#[test]
fn a_connection_over_the_cap_is_answered_503_and_closed() {
    let desk = Desk::new();
    let server = desk.serve_with(&["--max-connections", "2"]);
    let _held = [half_sent(&server), half_sent(&server)];
    let refused = request(&server, "/v1/health", &[]);
    assert_eq!(refused.status, 503, "{}", refused.body);
    assert_eq!(
        refused.header("content-type"),
        Some("application/problem+json")
    );
    assert_eq!(refused.header("retry-after"), Some("1"));
    assert_eq!(refused.header("connection"), Some("close"));
    assert_eq!(refused.json()["code"], "too_many_connections");
    // Like every answer, it carries a request id, and its log line names it
    // the way every request line does.
    let id = refused.header("x-request-id").expect("a request id");
    assert!(id.starts_with("req_"), "{id}");
    let traced = request(
        &server,
        "/v1/tickets?token=secret",
        &[("x-request-id", "trace-42")],
    );
    assert_eq!(traced.status, 503, "{}", traced.body);
    assert_eq!(traced.header("x-request-id"), Some("trace-42"));
    drop(_held);
    let log = server.log();
    let line = |id: &str| {
        log.lines()
            .find(|line| line.contains(&format!("request_id={id} ")))
            .unwrap_or_else(|| panic!("no line for {id} in {log}"))
    };
    for part in [
        "WARN",
        "method=GET path=/v1/health}",
        "too many connections",
        "status=503",
        "max=2",
    ] {
        assert!(line(id).contains(part), "{part} not in {}", line(id));
    }
    assert!(line("trace-42").contains("path=/v1/tickets}"), "{log}");
    assert!(!log.contains("secret"), "{log}");
}

/// What hyper cannot read as a request, and answers itself before any
/// route sees it, is a problem+json as every other error, with a request id.
#[test]
fn a_request_the_service_cannot_read_is_answered_as_a_problem() {
    let desk = Desk::new();
    let server = desk.serve();
    let many_headers: String = (0..120).map(|i| format!("x-h{i}: a\r\n")).collect();
    for (sent, status, code) in [
        ("GARBAGE\r\n\r\n".to_string(), 400, "malformed_request"),
        (
            "GET /v1/health HTTP/1.1\r\nHost: desk\r\nContent-Length: x\r\n\r\n".into(),
            400,
            "malformed_request",
        ),
        (
            format!("GET /{} HTTP/1.1\r\nHost: desk\r\n\r\n", "a".repeat(70_000)),
            414,
            "uri_too_long",
        ),
        (
            format!("GET /v1/health HTTP/1.1\r\nHost: desk\r\n{many_headers}\r\n"),
            431,
            "headers_too_large",
        ),
    ] {
        let mut stream = connect(&server);
        stream.write_all(sent.as_bytes()).unwrap();
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        let answer = RawResponse::parse(&answer);
        assert_eq!(answer.status, status, "{code}: {}", answer.body);
        assert_eq!(
            answer.header("content-type"),
            Some("application/problem+json"),
            "{code}"
        );
        assert_eq!(answer.header("connection"), Some("close"), "{code}");
        assert!(
            answer
                .header("x-request-id")
                .is_some_and(|id| id.starts_with("req_")),
            "{code}"
        );
        let problem = answer.json();
        assert_eq!(problem["code"], code);
        assert_eq!(problem["status"], status);
        assert_eq!(problem["type"], format!("urn:deskctl:problem:{code}"));
    }
    // A request that reads is answered by the router as before.
    assert_eq!(request(&server, "/v1/health", &[]).status, 200);
}

#[test]
fn an_address_over_its_budget_is_answered_429_with_retry_after() {
    let desk = Desk::new();
    let server = desk.serve_with(&["--rate-limit-per-address", "3"]);
    for _ in 0..3 {
        assert_eq!(request(&server, "/v1/tickets", &[]).status, 401);
    }
    let refused = request(&server, "/v1/tickets", &[]);
    assert_eq!(refused.status, 429, "{}", refused.body);
    assert_eq!(
        refused.header("content-type"),
        Some("application/problem+json")
    );
    let wait: u64 = refused.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=20).contains(&wait), "Retry-After: {wait}");
    assert_eq!(refused.json()["code"], "rate_limited");
}

/// Behind a proxy every client shares its address: the load balancer's health
/// checks must not fail because busy clients spent that address's budget.
#[test]
fn health_and_version_are_never_rate_limited() {
    let desk = Desk::new();
    let server = desk.serve_with(&["--rate-limit-per-address", "3"]);
    // Probes spend nothing of the budget...
    for _ in 0..10 {
        assert_eq!(request(&server, "/v1/version", &[]).status, 200);
        assert_eq!(request(&server, "/v1/health", &[]).status, 200);
    }
    for _ in 0..3 {
        assert_eq!(request(&server, "/v1/tickets", &[]).status, 401);
    }
    // ...and are answered once it is spent.
    assert_eq!(request(&server, "/v1/tickets", &[]).status, 429);
    let health = request(&server, "/v1/health", &[]);
    assert_eq!(health.status, 200, "{}", health.body);
    assert_eq!(health.json()["status"], "ok");
    assert_eq!(health.header("retry-after"), None);
    let version = request(&server, "/v1/version", &[]);
    assert_eq!(version.status, 200, "{}", version.body);
    assert_eq!(request(&server, "/v1/tickets", &[]).status, 429);
}

#[test]
fn each_token_has_a_budget_of_its_own() {
    let desk = Desk::new();
    desk.seed();
    let alice = desk.token("alice");
    let bob = desk.token("bob");
    let server = desk.serve_with(&[
        "--rate-limit-per-address",
        "0",
        "--rate-limit-per-token",
        "2",
    ]);
    let as_alice = format!("Bearer {alice}");
    let as_bob = format!("Bearer {bob}");
    for _ in 0..2 {
        let me = request(&server, "/v1/me", &[("Authorization", &as_alice)]);
        assert_eq!(me.status, 200, "{}", me.body);
    }
    let refused = request(&server, "/v1/me", &[("Authorization", &as_alice)]);
    assert_eq!(refused.status, 429, "{}", refused.body);
    assert!(refused.header("retry-after").is_some());
    // The token is not in the answer or the log.
    assert!(!refused.body.contains(&alice));
    assert!(!server.log().contains(&alice));
    let me = request(&server, "/v1/me", &[("Authorization", &as_bob)]);
    assert_eq!(me.status, 200, "{}", me.body);
    assert_eq!(me.json()["operator"], "bob");
}

#[test]
fn on_sigterm_every_request_sent_is_answered_or_refused_with_503() {
    let desk = Desk::new();
    let server = desk.serve();
    let mut streams: Vec<TcpStream> = (0..300).map(|_| connect(&server)).collect();
    for stream in &mut streams {
        stream
            .write_all(b"GET /v1/health HTTP/1.1\r\nHost: desk\r\n\r\n")
            .unwrap();
    }
    let status = std::process::Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let mut answered = 0;
    let mut refused = 0;
    for stream in &mut streams {
        let mut answer = Vec::new();
        let mut buffer = [0u8; 4096];
        // Read one answer: until the body's length is in.
        loop {
            match stream.read(&mut buffer) {
                Ok(0) | Err(_) => break,
                Ok(n) => answer.extend_from_slice(&buffer[..n]),
            }
            let parsed = RawResponse::parse(&answer);
            let length: usize = parsed
                .header("content-length")
                .and_then(|l| l.parse().ok())
                .unwrap_or(usize::MAX);
            if parsed.body.len() >= length {
                break;
            }
        }
        let answer = RawResponse::parse(&answer);
        match answer.status {
            200 => answered += 1,
            503 => {
                assert_eq!(answer.json()["code"], "shutting_down");
                assert_eq!(answer.header("connection"), Some("close"));
                refused += 1;
            }
            other => panic!("a request was dropped unanswered ({other}): {answer:?}"),
        }
    }
    assert_eq!(answered + refused, 300);
    assert_eq!(server.terminate(), Some(0));
}
