//! Contexts and auth against a real `deskctl serve`: tokens checked when added,
//! rotated without losing the rest, renamed, removed after asking; `auth
//! status`; `-v` request traces; the service's log; and what a wrong server
//! URL gets.

use crate::common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;

use common::{Desk, Server};
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;

/// A seeded desk served over HTTP, and alice's (owner) token.
fn served() -> (Desk, Server, String) {
    let desk = Desk::new();
    desk.seed();
    let token = desk.token("alice");
    let server = desk.serve();
    (desk, server, token)
}

/// `deskctl context add NAME --server URL --token-stdin EXTRA…` with `token`
/// on stdin, ready to run.
fn add_context(
    desk: &Desk,
    name: &str,
    server: &str,
    token: impl Into<Vec<u8>>,
    extra: &[&str],
) -> assert_cmd::Command {
    let mut cmd = remote(desk);
    cmd.args(["context", "add", name, "--server", server, "--token-stdin"])
        .args(extra)
        .write_stdin(token);
    cmd
}

/// deskctl with no local desk in its environment (the contexts decide).
fn remote(desk: &Desk) -> assert_cmd::Command {
    let mut cmd = desk.cmd();
    cmd.env_remove("DESKCTL_DESK");
    cmd
}

#[test]
fn context_add_checks_the_token_against_the_service() {
    let (desk, server, token) = served();
    add_context(
        &desk,
        "prod",
        &server.url,
        "desk_wrong_token_0000000000000000",
        &[],
    )
    .assert()
    .code(4)
    .stderr(contains(format!("{} refused the token", server.url)))
    .stderr(contains("--no-verify"));
    assert!(!desk.config().exists() && !desk.credentials().exists());

    add_context(&desk, "prod", &server.url, token.clone(), &["--use"])
        .assert()
        .success()
        .stderr(contains("Added context prod (signed in as alice, owner)"));

    // Nobody listening: an error naming --no-verify, which stores it unchecked,
    // and not `context show`, which knows no context that is not stored yet.
    add_context(&desk, "later", "http://127.0.0.1:9", token.clone(), &[])
        .assert()
        .code(7)
        .stderr(contains("--no-verify"))
        .stderr(contains(
            "is `deskctl serve` running at http://127.0.0.1:9?",
        ))
        .stderr(contains("context show").not());
    add_context(
        &desk,
        "later",
        "http://127.0.0.1:9",
        token,
        &["--no-verify"],
    )
    .assert()
    .success()
    .stderr(contains("token not checked"));
}

/// A token sent over plain http:// to another machine crosses the network in
/// clear: saying so, before it is sent, is the least a context can do. TLS
/// and loopback say nothing.
#[test]
fn a_context_on_plain_http_to_another_machine_warns_that_its_token_goes_in_clear() {
    let desk = Desk::new();
    let warning = "the token goes to 10.0.0.5 in clear";
    let added = add_unchecked(&desk, "staging", "http://10.0.0.5:7070").success();
    let text = String::from_utf8_lossy(&added.get_output().stderr).to_string();
    assert!(
        text.contains(warning) && text.contains("https://"),
        "{text}"
    );
    // One sentence, not broken by the source's line wrapping.
    assert!(
        text.contains("readable by anyone on the network between; serve Desk behind TLS"),
        "{text}"
    );
    assert!(!text.contains("desk_unchecked"), "{text}");
    for (name, quiet) in [
        ("tls", "https://desk.example.com"),
        ("loopback", "http://127.0.0.1:9"),
        ("localhost", "http://localhost:9"),
    ] {
        add_unchecked(&desk, name, quiet)
            .success()
            .stderr(predicates::str::contains("in clear").not());
    }
    // Moving a context onto plain http warns too; changing its protection does not.
    remote(&desk)
        .args([
            "context",
            "set",
            "tls",
            "--server",
            "http://desk.example.com",
        ])
        .args(["--no-verify"])
        .assert()
        .success()
        .stderr(contains("the token goes to desk.example.com in clear"));
    remote(&desk)
        .args(["context", "set", "staging", "--protected"])
        .assert()
        .success()
        .stderr(predicates::str::contains("in clear").not());
}

/// A bare `--server` (or `DESKCTL_SERVER`) on plain http:// to another
/// machine sends the token in clear as a context would: the same warning,
/// once, before anything is sent. TLS, loopback and no token say nothing.
#[test]
fn a_bare_server_on_plain_http_to_another_machine_warns_that_its_token_goes_in_clear() {
    let desk = Desk::new();
    // `secrets rotate-key` resolves the target and refuses a remote one, so
    // nothing is sent anywhere.
    let run = |server: &str, token: Option<&str>, by_env: bool| {
        let mut cmd = remote(&desk);
        match token {
            Some(token) => cmd.env("DESKCTL_TOKEN", token),
            None => cmd.env_remove("DESKCTL_TOKEN"),
        };
        if by_env {
            cmd.env("DESKCTL_SERVER", server);
        } else {
            cmd.args(["--server", server]);
        }
        let assert = cmd.args(["secrets", "rotate-key"]).assert().code(2);
        String::from_utf8_lossy(&assert.get_output().stderr).into_owned()
    };
    let token = Some("desk_plain_http_token_000000000000");
    for by_env in [false, true] {
        let stderr = run("http://10.0.0.5:7070", token, by_env);
        assert!(
            stderr.contains(
                "warning: http://10.0.0.5:7070 is plain http://: the token goes to 10.0.0.5 in \
                 clear, readable by anyone on the network between; serve Desk behind TLS"
            ),
            "{stderr}"
        );
        assert_eq!(stderr.matches("in clear").count(), 1, "{stderr}");
        assert!(!stderr.contains("desk_plain_http_token"), "{stderr}");
    }
    for (server, token) in [
        ("https://desk.example.com", token),
        ("http://127.0.0.1:9", token),
        ("http://localhost:9", token),
        ("http://10.0.0.5:7070", None),
    ] {
        let stderr = run(server, token, false);
        assert!(!stderr.contains("in clear"), "{server}: {stderr}");
    }
    // A command that reaches a loopback service says nothing either.
    let (desk, server, token) = served();
    remote(&desk)
        .env("DESKCTL_TOKEN", &token)
        .args(["--server", &server.url, "auth", "status"])
        .assert()
        .success()
        .stderr(contains("in clear").not());
}

#[test]
fn context_set_rotates_a_token_and_keeps_everything_else() {
    let (desk, server, token) = served();
    add_context(
        &desk,
        "prod",
        &server.url,
        token,
        &["--protected", "--environment", "production", "--use"],
    )
    .assert()
    .success();
    let bob = desk.token("bob");
    remote(&desk)
        .args(["context", "set", "prod", "--token-stdin"])
        .write_stdin(bob.clone())
        .assert()
        .success()
        .stderr(contains(
            "Updated context prod (signed in as bob, operator)",
        ));
    let shown: Value = serde_json::from_str(
        &String::from_utf8(
            remote(&desk)
                .args(["context", "show", "-o", "json"])
                .output()
                .unwrap()
                .stdout,
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(shown["protected"], true);
    assert_eq!(shown["environment"], "production");
    assert_eq!(shown["server"], server.url.as_str());
    let credentials = std::fs::read_to_string(desk.credentials()).unwrap();
    assert!(credentials.contains(&bob), "the new token is stored");
    // A refused token changes nothing.
    remote(&desk)
        .args(["context", "set", "prod", "--token-stdin"])
        .write_stdin("desk_wrong_token_0000000000000000")
        .assert()
        .code(4);
    assert_eq!(
        std::fs::read_to_string(desk.credentials()).unwrap(),
        credentials
    );

    remote(&desk)
        .args(["context", "set", "prod", "--protected=false"])
        .assert()
        .success();
    remote(&desk)
        .args(["context", "show", "-o", "json"])
        .assert()
        .stdout(contains("\"protected\": false"));
    remote(&desk)
        .args(["context", "set", "prod"])
        .assert()
        .code(2)
        .stderr(contains("nothing to change"));
    remote(&desk)
        .args(["context", "set", "prod", "--server", "127.0.0.1:7070"])
        .assert()
        .code(2)
        .stderr(contains("has no scheme: use http://127.0.0.1:7070"));
    remote(&desk)
        .args(["context", "set", "prdo", "--protected"])
        .assert()
        .code(5)
        .stderr(contains("did you mean 'prod'?"));
}

#[test]
fn contexts_are_renamed_with_their_token_and_removed_only_when_confirmed() {
    let (desk, server, token) = served();
    add_context(&desk, "prod", &server.url, token.clone(), &["--use"])
        .assert()
        .success();
    remote(&desk)
        .args(["context", "rename", "prod", "production"])
        .assert()
        .success();
    let listed = String::from_utf8(
        remote(&desk)
            .args(["context", "list"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(listed.contains("*\tproduction\t"), "{listed}");
    assert!(
        listed.contains("\tstored"),
        "the token moved with it: {listed}"
    );
    remote(&desk)
        .args(["operators", "list", "-o", "name"])
        .assert()
        .success()
        .stdout("alice\nbob\n");
    remote(&desk)
        .args(["context", "rename", "production", "local"])
        .assert()
        .code(2);

    remote(&desk)
        .args(["context", "remove", "production"])
        .assert()
        .code(2)
        .stderr(contains(
            "confirmation needed to remove context 'production'",
        ));
    assert!(
        std::fs::read_to_string(desk.credentials())
            .unwrap()
            .contains(&token)
    );
    remote(&desk)
        .args(["context", "remove", "production", "--yes"])
        .assert()
        .success();
    assert!(
        !std::fs::read_to_string(desk.credentials())
            .unwrap()
            .contains(&token)
    );
}

#[test]
fn auth_status_says_who_you_are_where_and_that_tokens_never_expire() {
    let (desk, server, token) = served();
    let local = desk.run(&["auth", "status"]);
    assert!(local.contains("Context:      local"), "{local}");
    assert!(local.contains("the local desk's owner (owner)"), "{local}");
    assert!(local.contains("Token:        not needed"), "{local}");
    assert!(
        local.contains(&format!("deskctl {}", env!("CARGO_PKG_VERSION"))),
        "{local}"
    );

    add_context(&desk, "prod", &server.url, token.clone(), &["--use"])
        .assert()
        .success();
    let output = remote(&desk).args(["auth", "status"]).output().unwrap();
    let shown = String::from_utf8(output.stdout).unwrap();
    // The id of the token in use, for `tokens revoke`.
    let tokens: Value = serde_json::from_str(&desk.run(&["tokens", "list", "-o", "json"])).unwrap();
    let id = tokens
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["operator"] == "alice" && token.ends_with(t["hint"].as_str().unwrap()))
        .and_then(|t| t["id"].as_str())
        .expect("alice's token is listed")
        .to_string();
    for expected in [
        "Context:      prod".to_string(),
        format!("Server:       {}", server.url),
        "Signed in as: alice (owner)".into(),
        format!("Token:        {id} (stored); never expires"),
        format!("`deskctl tokens revoke {id}`"),
    ] {
        assert!(shown.contains(&expected), "{expected} missing:\n{shown}");
    }
    let json: Value = serde_json::from_slice(
        &remote(&desk)
            .args(["auth", "status", "-o", "json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(json["operator"], "alice");
    assert_eq!(json["role"], "owner");
    assert_eq!(json["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(json["token_expires_at"], Value::Null);
    assert_eq!(json["token_id"], id.as_str());
    assert!(!json.to_string().contains(&token));
    // A refused token: exit 4.
    remote(&desk)
        .env("DESKCTL_TOKEN", "desk_wrong_token_0000000000000000")
        .args(["auth", "status"])
        .assert()
        .code(4);
}

#[test]
fn verbose_traces_each_request_without_tokens_or_queries() {
    let (desk, server, token) = served();
    let output = desk
        .as_token(&server, &token)
        .args([
            "-v",
            "tickets",
            "list",
            "--requester",
            "secret-looking@example.com",
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    let line = stderr
        .lines()
        .find(|l| l.starts_with("GET /v1/tickets → 200 OK in "))
        .unwrap_or_else(|| panic!("no trace of the request: {stderr}"));
    let id = line
        .rsplit_once("(request id ")
        .and_then(|(_, rest)| rest.strip_suffix(')'))
        .unwrap_or_else(|| panic!("no request id: {line}"));
    assert!(
        !stderr.contains(&token) && !stderr.contains("secret-looking"),
        "{stderr}"
    );
    // The same id the service logged for it.
    common::wait_until(
        "the request in the service's log",
        std::time::Duration::from_secs(10),
        || Some(()).filter(|_| server.log().contains(id)),
    );
    // Without -v: nothing traced.
    let quiet = desk
        .as_token(&server, &token)
        .args(["tickets", "list"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&quiet.stderr).contains("GET /v1"));
    // Retries are traced too.
    desk.cmd()
        .args(["-v", "--server", "http://127.0.0.1:9", "operators", "list"])
        .assert()
        .code(7)
        .stderr(contains(
            "GET /v1/operators: no connection; trying again in",
        ));
}

#[test]
fn serve_logs_one_plain_line_per_request_when_not_a_terminal() {
    let desk = Desk::new();
    let server = desk.serve();
    // A query the route does not declare is refused, and still logged
    // without it.
    let answer = server.raw("GET", "/v1/health?token=topsecret", &[], b"");
    assert_eq!(answer.status, 400);
    let id = answer.header("x-request-id").unwrap().to_string();
    let line = common::wait_until(
        "the request's log line",
        std::time::Duration::from_secs(10),
        || {
            server
                .log()
                .lines()
                .find(|l| l.contains(&id))
                .map(str::to_string)
        },
    );
    for part in [
        "method=GET",
        "path=/v1/health",
        "status=400",
        "duration_ms=",
    ] {
        assert!(line.contains(part), "{part} missing: {line}");
    }
    let log = server.log();
    assert!(!log.contains('\x1b'), "color in a file: {log:?}");
    assert!(
        !log.contains("topsecret"),
        "a query string was logged: {log}"
    );
    assert_eq!(log.lines().filter(|l| l.contains(&id)).count(), 1, "{log}");

    // --color always is honoured even in a file; never is the default here.
    let colored = Desk::new();
    let server = colored.serve_with(&["--color", "always"]);
    server.raw("GET", "/v1/health", &[], b"");
    common::wait_until(
        "a colored log line",
        std::time::Duration::from_secs(10),
        || Some(()).filter(|_| server.log().contains("\x1b[")),
    );
}

#[test]
fn serve_logs_json_lines_for_collectors() {
    let desk = Desk::new();
    let server = desk.serve_with(&["--log-format", "json"]);
    let answer = server.raw("GET", "/v1/nowhere?token=topsecret", &[], b"");
    assert_eq!(answer.status, 404);
    let id = answer.header("x-request-id").unwrap().to_string();
    let event: Value = common::wait_until(
        "the request's JSON line",
        std::time::Duration::from_secs(10),
        || {
            server
                .log()
                .lines()
                .find(|l| l.contains(&id))
                .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        },
    );
    assert_eq!(event["status"], 404);
    assert_eq!(event["code"], "route_not_found");
    assert!(event["duration_ms"].is_u64());
    assert_eq!(event["span"]["method"], "GET");
    assert_eq!(event["span"]["path"], "/v1/nowhere");
    assert_eq!(event["span"]["request_id"], id.as_str());
    // Every line is JSON, the status lines included; no secret anywhere.
    let log = server.log();
    for line in log.lines() {
        serde_json::from_str::<Value>(line).unwrap_or_else(|e| panic!("{e}: {line}"));
    }
    assert!(!log.contains("topsecret"));
}

/// A serve that cannot start says why in a JSON event when it logs JSON,
/// as every other line is, and exits as it would otherwise.
#[test]
fn serve_logs_a_fatal_start_up_error_as_a_json_event() {
    let desk = Desk::new();
    let events = |output: std::process::Output| -> Vec<Value> {
        assert_eq!(output.status.code(), Some(1), "{output:?}");
        assert!(output.stdout.is_empty(), "{output:?}");
        String::from_utf8(output.stderr)
            .unwrap()
            .lines()
            .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
            .collect()
    };
    let error = |events: &[Value]| -> Value {
        let errors: Vec<&Value> = events.iter().filter(|e| e["level"] == "ERROR").collect();
        assert_eq!(errors.len(), 1, "{events:?}");
        errors[0].clone()
    };

    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let listen = format!("127.0.0.1:{port}");
    let output = desk
        .cmd()
        .args(["serve", "--log-format", "json", "--listen", &listen])
        .output()
        .unwrap();
    let event = error(&events(output));
    assert_eq!(event["message"], format!("cannot listen on {listen}"));
    assert!(
        event["cause"].as_str().unwrap().contains(&listen),
        "{event}"
    );

    let garbage = desk.dir.path().join("not-a-desk.db");
    std::fs::write(&garbage, vec![b'x'; 8192]).unwrap();
    let output = desk
        .cmd()
        .arg("--desk")
        .arg(&garbage)
        .args(["serve", "--log-format", "json", "--listen", "127.0.0.1:0"])
        .output()
        .unwrap();
    let event = error(&events(output));
    assert_eq!(
        event["message"],
        format!("cannot open the desk at {}", garbage.display())
    );
    assert!(event["cause"].is_string(), "{event}");

    // As text, the same error as any command's.
    desk.cmd()
        .arg("--desk")
        .arg(&garbage)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .assert()
        .code(1)
        .stderr(contains(format!(
            "\nerror: cannot open the desk at {}\n  caused by: ",
            garbage.display()
        )));
}

#[test]
fn serve_logs_each_url_it_listens_on_as_a_json_value_of_its_own() {
    let desk = Desk::new();
    let (server, smtp) = desk.serve_smtp(&["--log-format", "json"]);
    // Each URL's event is written before the URL is printed on stdout, which
    // serve_smtp has read.
    let events: Vec<Value> = server
        .log()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect();
    let urls: Vec<&str> = events.iter().filter_map(|e| e["url"].as_str()).collect();
    let smtp = format!("smtp://{smtp}");
    assert_eq!(urls, [server.url.as_str(), smtp.as_str()], "{events:?}");
    for url in urls {
        let event = events.iter().find(|e| e["url"] == url).unwrap();
        assert_eq!(event["message"], format!("Listening on {url}"), "{event}");
        assert!(event["desk"].is_string(), "{event}");
    }
    let serving = events
        .iter()
        .find(|e| {
            e["message"]
                .as_str()
                .is_some_and(|m| m.starts_with("Serving desk"))
        })
        .unwrap_or_else(|| panic!("no status event: {events:?}"));
    assert!(serving.get("url").is_none(), "{serving}");
}

/// A server that is not Desk: it answers every request with an HTML 404.
fn not_a_desk() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            answer_as_not_a_desk(&mut stream);
        }
    });
    url
}

/// Reads a request from `stream` and answers it with an HTML 404.
fn answer_as_not_a_desk(stream: &mut (impl Read + Write)) {
    let mut reader = BufReader::new(&mut *stream);
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let body = "<!DOCTYPE HTML>\n<html><head><title>Error response</title></head>\
                <body><h1>Error response</h1><p>Error code: 404</p></body></html>\n";
    let _ = stream.write_all(
        format!(
            "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .as_bytes(),
    );
    let _ = stream.flush();
    let _ = stream.read(&mut [0; 1]);
}

/// The same over TLS, with the certificate for 127.0.0.1 that
/// [`common::postgres::make_certificates`] makes in `dir`: its URL.
fn not_a_desk_over_tls(dir: &std::path::Path) -> String {
    use rustls_pki_types::pem::PemObject;
    common::postgres::make_certificates(dir);
    let certificates = rustls_pki_types::CertificateDer::pem_file_iter(dir.join("server.pem"))
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    let key = rustls_pki_types::PrivateKeyDer::from_pem_file(dir.join("server.key")).unwrap();
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    let config = std::sync::Arc::new(
        rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(certificates, key)
            .unwrap(),
    );
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("https://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let connection = rustls::ServerConnection::new(config.clone()).unwrap();
            answer_as_not_a_desk(&mut rustls::StreamOwned::new(connection, stream));
        }
    });
    url
}

#[test]
fn a_wrong_server_url_gets_an_error_that_says_what_is_wrong() {
    let desk = Desk::new();
    let server = desk.serve();
    let address = server.address();
    desk.cmd()
        .args(["--server", &address, "operators", "list"])
        .assert()
        .code(2)
        .stderr(contains(format!(
            "the server URL '{address}' has no scheme: use http://{address}"
        )))
        .stderr(contains("builder error").not())
        .stderr(contains("is `deskctl serve` running").not());
    desk.cmd()
        .args([
            "--server",
            &format!("https://{address}"),
            "operators",
            "list",
        ])
        .assert()
        .code(1)
        .stderr(contains(format!(
            "https://{address} does not answer with TLS"
        )))
        .stderr(contains(format!("use http://{address}")))
        .stderr(contains("InvalidContentType").not());
    let foreign = not_a_desk();
    desk.cmd()
        .args(["--server", &foreign, "operators", "list"])
        .assert()
        .code(1)
        .stderr(contains(format!(
            "{foreign} answered 404 Not Found with an HTML page, not a Desk API answer"
        )))
        .stderr(contains("is it a Desk service?").or(contains("a Desk service?")))
        .stderr(contains("<html").not());
    desk.cmd()
        .args([
            "context",
            "add",
            "x",
            "--server",
            "desk.example.com",
            "--token-stdin",
        ])
        .write_stdin("desk_x")
        .assert()
        .code(2)
        .stderr(contains("has no scheme"));
}

/// A certificate no trusted CA signed will not pass by trying again: exit
/// 1, not 7 (unreachable), with how to trust a private CA; trusted so, the
/// connection is made.
#[test]
fn an_untrusted_certificate_is_an_error_with_how_to_trust_its_ca() {
    if !common::have_tool("openssl") {
        return;
    }
    let desk = Desk::new();
    let certificates = tempfile::tempdir().unwrap();
    let url = not_a_desk_over_tls(certificates.path());
    remote(&desk)
        .env("DESKCTL_TOKEN", "desk_x")
        .args(["--server", &url, "teams", "list"])
        .assert()
        .code(1)
        .stderr(contains(format!("cannot make a TLS connection to {url}")))
        .stderr(contains("UnknownIssuer"))
        .stderr(contains("SSL_CERT_FILE=ca.pem"))
        .stderr(contains("is `deskctl serve` running").not());
    remote(&desk)
        .env("DESKCTL_TOKEN", "desk_x")
        .env("SSL_CERT_FILE", certificates.path().join("ca.pem"))
        .args(["--server", &url, "teams", "list"])
        .assert()
        .code(1)
        .stderr(contains(format!(
            "{url} answered 404 Not Found with an HTML page"
        )))
        .stderr(contains("TLS").not());
}

/// The event stream does not take an untrusted certificate for a service
/// that is down, to reconnect to for ever: `events` and `tickets list
/// --watch` fail as a one-shot command does, with how to trust the CA.
#[test]
fn a_stream_refused_an_untrusted_certificate_fails_with_how_to_trust_its_ca() {
    if !common::have_tool("openssl") {
        return;
    }
    let desk = Desk::new();
    let certificates = tempfile::tempdir().unwrap();
    let url = not_a_desk_over_tls(certificates.path());
    for args in [&["events"][..], &["tickets", "list", "--watch"]] {
        remote(&desk)
            .env("DESKCTL_TOKEN", "desk_x")
            .args(["--server", &url])
            .args(args)
            .timeout(std::time::Duration::from_secs(60))
            .assert()
            .code(1)
            .stderr(contains(format!("cannot make a TLS connection to {url}")))
            .stderr(contains("SSL_CERT_FILE=ca.pem"))
            .stderr(contains("reconnecting").not())
            .stderr(contains("is `deskctl serve` running").not());
    }
}

/// A request's query may hold customer data: an error names the service
/// and the path, never the query, as `-v`'s traces do.
#[test]
fn an_unreachable_service_is_named_without_the_query() {
    let desk = Desk::new();
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let url = format!("http://127.0.0.1:{port}");
    remote(&desk)
        .env("DESKCTL_TOKEN", "desk_x")
        .args(["--server", &url, "tickets", "list", "--requester"])
        .arg("dana@example.com")
        .assert()
        .code(7)
        .stderr(contains(format!("cannot reach the Desk service at {url}")))
        .stderr(contains(format!("{url}/v1/tickets)")))
        .stderr(contains("dana").not())
        .stderr(contains("view=").not());
}

#[test]
fn a_server_url_with_a_user_name_or_password_is_refused_wherever_it_comes_from() {
    let (desk, server, token) = served();
    // A password's unencoded `/`, `?`, `#` or `@` (which URL parsers read as
    // the end of the user info or the authority) hides none of it.
    for password in ["secretpw", "hun/ter2", "Qx7@Zr9/Kp3?Lm5#Wv8"] {
        refused_wherever_it_comes_from(&desk, &server, &token, password);
    }
}

fn refused_wherever_it_comes_from(desk: &Desk, server: &Server, token: &str, password: &str) {
    let with_password = server
        .url
        .replacen("http://", &format!("http://u:{password}@"), 1);
    let masked = server.url.replacen("http://", "http://u:***@", 1);
    let shows_password = || {
        password
            .split(['/', '?', '#', '@'])
            .fold(predicate::never().boxed(), |any, part| {
                any.or(contains(part)).boxed()
            })
    };
    let refused = |assert: assert_cmd::assert::Assert, origin: &str| {
        assert
            .code(2)
            .stderr(contains(format!(
                "{origin} '{masked}' carries a user name or password"
            )))
            .stderr(contains("deskctl authenticates with a token"))
            .stderr(shows_password().not());
    };
    for extra in [&[][..], &["--no-verify"][..]] {
        refused(
            add_context(desk, "up", &with_password, token, extra).assert(),
            "--server: the server URL",
        );
    }
    assert!(
        !desk.config().exists()
            || !std::fs::read_to_string(desk.config())
                .unwrap()
                .contains(password)
    );
    refused(
        remote(desk)
            .env("DESKCTL_TOKEN", token)
            .args(["--server", &with_password, "tickets", "list"])
            .assert(),
        "--server: the server URL",
    );
    refused(
        remote(desk)
            .env("DESKCTL_TOKEN", token)
            .env("DESKCTL_SERVER", &with_password)
            .args(["tickets", "list"])
            .assert(),
        "DESKCTL_SERVER: the server URL",
    );

    // A config file written before such URLs were refused: shown masked,
    // refused when used, and mended with `context set`.
    add_context(desk, "up", &server.url, token, &[])
        .assert()
        .success();
    let config = std::fs::read_to_string(desk.config()).unwrap();
    std::fs::write(desk.config(), config.replace(&server.url, &with_password)).unwrap();
    remote(desk)
        .args(["context", "list"])
        .assert()
        .success()
        .stdout(contains(&masked))
        .stdout(shows_password().not());
    refused(
        remote(desk)
            .args(["--context", "up", "tickets", "list"])
            .assert(),
        "context 'up': the server URL",
    );
    remote(desk)
        .args(["context", "set", "up", "--server", &server.url])
        .assert()
        .success();
    remote(desk)
        .args(["--context", "up", "tickets", "list"])
        .assert()
        .success();
    remote(desk)
        .args(["context", "remove", "up", "--yes"])
        .assert()
        .success();
}

#[test]
fn a_server_url_with_a_query_is_refused_with_its_values_masked() {
    let desk = Desk::new();
    for (url, shown) in [
        (
            "http://127.0.0.1:1/?token=SECRET",
            "'http://127.0.0.1:1/?token=***'",
        ),
        ("http://127.0.0.1:1/#SECRET", "'http://127.0.0.1:1/#***'"),
    ] {
        add_context(&desk, "z", url, "desk_x", &[])
            .assert()
            .code(2)
            .stderr(contains(shown))
            .stderr(contains("has a query or fragment"))
            .stderr(contains("SECRET").not());
        remote(&desk)
            .env("DESKCTL_TOKEN", "desk_x")
            .args(["--server", url, "tickets", "list"])
            .assert()
            .code(2)
            .stderr(contains(shown))
            .stderr(contains("SECRET").not());
    }
}

#[test]
fn a_token_for_a_protected_context_is_asked_for_as_an_operator_token() {
    let (desk, server, token) = served();
    add_context(&desk, "prod", &server.url, token, &["--protected"])
        .assert()
        .success();
    remote(&desk)
        .args(["--context", "prod", "tokens", "create", "--operator", "bob"])
        .assert()
        .code(2)
        .stderr(contains(
            "create an operator token for bob on protected context 'prod'",
        ));
}

#[test]
fn a_token_with_a_line_break_is_refused_before_any_request() {
    let (desk, server, _) = served();
    let broken = "desk_a\ndesk_b";
    remote(&desk)
        .env("DESKCTL_TOKEN", broken)
        .args(["--server", &server.url, "auth", "status"])
        .assert()
        .code(2)
        .stderr(contains(
            "error: DESKCTL_TOKEN: the token holds a line break or another control character",
        ))
        .stderr(contains("cannot reach").not())
        .stderr(contains("desk_a").not());
    add_context(&desk, "z", &server.url, broken, &["--no-verify"])
        .assert()
        .code(2)
        .stderr(contains("--token-stdin: the token holds a line break"))
        .stderr(contains("desk_a").not());
    remote(&desk)
        .env("DESKCTL_TOKEN", "desk_é")
        .args(["--server", &server.url, "auth", "status"])
        .assert()
        .code(2)
        .stderr(contains(
            "DESKCTL_TOKEN: the token holds a character beyond ASCII",
        ));
}

/// A context stored without a service: `--no-verify`.
fn add_unchecked(desk: &Desk, name: &str, server: &str) -> assert_cmd::assert::Assert {
    add_context(desk, name, server, "desk_unchecked", &["--no-verify"]).assert()
}

#[cfg(unix)]
#[test]
fn symlinked_config_and_credentials_files_are_written_through_their_links() {
    let desk = Desk::new();
    let home = desk
        .config()
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .to_path_buf();
    let dotfiles = home.join("dotfiles");
    std::fs::create_dir_all(&dotfiles).unwrap();
    std::fs::create_dir_all(desk.config().parent().unwrap()).unwrap();
    std::fs::write(dotfiles.join("config.yaml"), "contexts: []\n").unwrap();
    std::fs::write(dotfiles.join("credentials.yaml"), "contexts: {}\n").unwrap();
    std::os::unix::fs::symlink("../dotfiles/config.yaml", desk.config()).unwrap();
    std::os::unix::fs::symlink(dotfiles.join("credentials.yaml"), desk.credentials()).unwrap();

    add_unchecked(&desk, "s", "http://127.0.0.1:9").success();
    remote(&desk)
        .args(["context", "use", "s"])
        .assert()
        .success();
    remote(&desk)
        .args(["context", "set", "s", "--protected"])
        .assert()
        .success();
    for link in [desk.config(), desk.credentials()] {
        let kind = std::fs::symlink_metadata(&link).unwrap().file_type();
        assert!(kind.is_symlink(), "{} is a link still", link.display());
    }
    let config = std::fs::read_to_string(dotfiles.join("config.yaml")).unwrap();
    assert!(config.contains("current-context: s"), "{config}");
    assert!(config.contains("protected: true"), "{config}");
    let credentials = std::fs::read_to_string(dotfiles.join("credentials.yaml")).unwrap();
    assert!(credentials.contains("desk_unchecked"), "{credentials}");
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(dotfiles.join("credentials.yaml"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn a_config_file_naming_a_context_twice_or_local_is_refused_at_the_name() {
    let desk = Desk::new();
    add_unchecked(&desk, "a", "http://127.0.0.1:9").success();
    let config = desk.config();
    let written = "current-context: a\ncontexts:\n- name: a\n  server: http://127.0.0.1:1\n\
                   - name: a\n  server: http://127.0.0.1:2\n";
    std::fs::write(&config, written).unwrap();
    let path = config.display().to_string();
    for args in [
        &["context", "list"][..],
        &["--context", "a", "context", "show"],
        &["context", "remove", "a", "--yes"],
    ] {
        remote(&desk)
            .args(args)
            .assert()
            .code(1)
            .stderr(contains(format!(
                "error: {path}:5:9: a second context named `a` (the first is on line 3)"
            )))
            .stderr(contains("hint: rename or remove one of them"));
    }
    assert_eq!(std::fs::read_to_string(&config).unwrap(), written);

    std::fs::write(
        &config,
        "contexts:\n- name: local\n  server: http://127.0.0.1:1\n",
    )
    .unwrap();
    remote(&desk)
        .args(["--context", "local", "context", "show"])
        .assert()
        .code(1)
        .stderr(contains(format!(
            "error: {path}:2:9: `local` is the name of the local desk"
        )));
}

#[test]
fn a_broken_config_file_is_told_at_its_path_line_and_column_in_plain_words() {
    let desk = Desk::new();
    add_unchecked(&desk, "a", "http://127.0.0.1:9").success();
    let config = desk.config();
    std::fs::write(
        &config,
        "current-context: a\ncontexts:\n- name: a\n  server: http://127.0.0.1:1\n  \
         environment: prod\ncurrent-context: a\n",
    )
    .unwrap();
    let path = config.display().to_string();
    let output = remote(&desk).args(["context", "list"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.matches("error:").count(), 1, "{stderr}");
    assert!(
        stderr.starts_with(&format!(
            "error: {path} is not a valid deskctl config file: 2 errors\n"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "{path}:5:16: unknown value `prod`; did you mean `production`?"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{path}:6:1: duplicate key `current-context`")),
        "{stderr}"
    );
    for internal in ["<input>", "unknown variant", "DuplicateKeyPolicy"] {
        assert!(!stderr.contains(internal), "{stderr}");
    }

    std::fs::write(
        &config,
        "contexts:\n- name: a\n  server: http://x\n  protectd: true\n",
    )
    .unwrap();
    remote(&desk)
        .args(["context", "list"])
        .assert()
        .code(1)
        .stderr(contains(format!(
            "error: {path}:4:3: unknown key `protectd`\n"
        )))
        .stderr(contains("hint: did you mean `protected`?"));
}

#[cfg(unix)]
#[test]
fn credentials_other_users_can_read_are_used_with_a_warning() {
    use std::os::unix::fs::PermissionsExt;
    let desk = Desk::new();
    add_unchecked(&desk, "b", "http://127.0.0.1:9").success();
    let credentials = desk.credentials();
    std::fs::set_permissions(&credentials, std::fs::Permissions::from_mode(0o644)).unwrap();
    let path = credentials.display().to_string();
    let output = remote(&desk)
        .args(["--context", "b", "context", "show"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(
        stderr,
        format!(
            "warning: the credentials file {path} can be read by other users (mode 0644): \
             `chmod 600 {path}`\n"
        )
    );
    std::fs::set_permissions(&credentials, std::fs::Permissions::from_mode(0o600)).unwrap();
    remote(&desk)
        .args(["--context", "b", "context", "show"])
        .assert()
        .success()
        .stderr("");
}

#[test]
fn context_use_warns_when_a_variable_overrides_the_switch() {
    let desk = Desk::new();
    add_unchecked(&desk, "a", "http://127.0.0.1:8").success();
    add_unchecked(&desk, "b", "http://127.0.0.1:9").success();
    for (variable, value) in [
        ("DESKCTL_CONTEXT", "a"),
        ("DESKCTL_SERVER", "http://127.0.0.1:7"),
        ("DESKCTL_DESK", "/tmp/elsewhere.sqlite"),
    ] {
        remote(&desk)
            .env(variable, value)
            .args(["context", "use", "b"])
            .assert()
            .success()
            .stderr(contains("Switched to context b"))
            .stderr(contains(format!(
                "warning: {variable} is set and comes before the current context"
            )));
    }
    remote(&desk)
        .env("DESKCTL_CONTEXT", "b")
        .args(["context", "use", "b"])
        .assert()
        .success()
        .stderr(contains("warning").not());

    // `context show` says which one commands use, and what picked it.
    let shown = |env: Option<&str>, args: &[&str]| -> Value {
        let mut cmd = remote(&desk);
        if let Some(context) = env {
            cmd.env("DESKCTL_CONTEXT", context);
        }
        let output = cmd
            .args(["context", "show", "-o", "json"])
            .args(args)
            .output();
        serde_json::from_slice(&output.unwrap().stdout).unwrap()
    };
    let used = shown(Some("a"), &[]);
    assert_eq!(used["name"], "a");
    assert_eq!(used["current"], false);
    assert_eq!(used["chosen_by"], "DESKCTL_CONTEXT");
    let current = shown(Some("a"), &["b"]);
    assert_eq!(current["current"], true);
    assert!(current["chosen_by"].is_null(), "{current}");
    assert_eq!(shown(None, &["b"])["chosen_by"], "current-context");
    remote(&desk)
        .env("DESKCTL_CONTEXT", "a")
        .args(["context", "show"])
        .assert()
        .success()
        .stdout(contains("In use:      yes (DESKCTL_CONTEXT)"));
}

/// `-o json` of `context list` and `context show` has one shape: every key
/// present, `null` where it does not apply; a target no context names is
/// called after what picked it, never `-`.
#[test]
fn context_json_has_every_key_and_names_a_bare_server_after_its_variable() {
    let desk = Desk::new();
    add_unchecked(&desk, "prod", "http://127.0.0.1:9").success();
    let json = |cmd: &mut assert_cmd::Command| -> Value {
        let output = cmd.output().unwrap();
        assert!(output.status.success(), "{output:?}");
        serde_json::from_slice(&output.stdout).unwrap()
    };
    let keys = [
        "name",
        "current",
        "server",
        "desk",
        "environment",
        "protected",
        "token",
        "chosen_by",
    ];
    let listed = json(remote(&desk).args(["context", "list", "-o", "json"]));
    let listed = listed.as_array().unwrap();
    assert_eq!(listed.len(), 2, "{listed:?}");
    for view in listed {
        let mut found: Vec<_> = view.as_object().unwrap().keys().cloned().collect();
        found.sort();
        let mut expected = keys.map(String::from).to_vec();
        expected.sort();
        assert_eq!(found, expected, "{view}");
    }
    let (local, prod) = (&listed[0], &listed[1]);
    assert_eq!(local["chosen_by"], "default", "{local}");
    assert!(local["server"].is_null(), "{local}");
    assert_eq!(prod["name"], "prod");
    assert!(prod["desk"].is_null(), "{prod}");
    assert!(prod["chosen_by"].is_null(), "{prod}");
    let by_variable = json(
        remote(&desk)
            .env("DESKCTL_CONTEXT", "prod")
            .args(["context", "list", "-o", "json"]),
    );
    assert!(by_variable[0]["chosen_by"].is_null(), "{by_variable}");
    assert_eq!(by_variable[1]["chosen_by"], "DESKCTL_CONTEXT");

    let shown = json(
        remote(&desk)
            .env("DESKCTL_SERVER", "http://127.0.0.1:7")
            .args(["context", "show", "-o", "json"]),
    );
    assert_eq!(shown["name"], "(DESKCTL_SERVER)");
    assert_eq!(shown["server"], "http://127.0.0.1:7");
    assert!(shown["desk"].is_null(), "{shown}");
    assert_eq!(shown["chosen_by"], "DESKCTL_SERVER");
    remote(&desk)
        .args(["--server", "http://127.0.0.1:7", "context", "show"])
        .assert()
        .success()
        .stdout(contains("Name:        (--server)\n"))
        .stdout(contains("In use:      yes (--server)"));
}

#[test]
fn context_names_are_refused_unless_letters_digits_dashes_dots_or_underscores() {
    let desk = Desk::new();
    for name in ["x/../y", "/", "..", ".", "a*", "a:b", "ä"] {
        add_unchecked(&desk, name, "http://127.0.0.1:9")
            .code(2)
            .stderr(contains(format!(
                "'{name}' is not a valid context name: use letters, digits, dashes, dots or \
                 underscores"
            )));
    }
    assert!(!desk.config().exists());
    add_unchecked(&desk, "eu-west_2.prod", "http://127.0.0.1:9").success();
    remote(&desk)
        .args(["context", "rename", "eu-west_2.prod", "a/b"])
        .assert()
        .code(2);

    for (args, done) in [
        (&["context", "remove", "local", "--yes"][..], "removed"),
        (&["context", "rename", "local", "mine"], "renamed"),
        (&["context", "set", "local", "--protected"], "changed"),
    ] {
        remote(&desk)
            .args(args)
            .assert()
            .code(2)
            .stderr(contains(format!(
                "'local' is the local desk, not a configured context: it cannot be {done}"
            )))
            .stderr(contains("did you mean").not());
    }
}

#[test]
fn context_list_lists_contexts_when_the_credentials_cannot_be_read() {
    let desk = Desk::new();
    add_unchecked(&desk, "a", "http://127.0.0.1:9").success();
    let credentials = desk.credentials();
    std::fs::remove_file(&credentials).unwrap();
    // A directory where the file should be: unreadable, even by root.
    std::fs::create_dir(&credentials).unwrap();
    remote(&desk)
        .args(["context", "list"])
        .assert()
        .success()
        .stdout(contains("http://127.0.0.1:9"))
        .stdout(contains("unknown"))
        .stderr(contains(format!(
            "warning: cannot read {}",
            credentials.display()
        )))
        .stderr(contains("each context's token is shown as unknown"));
}
