//! Secrets sealed at rest, through the CLI as an admin meets them: private
//! files, no secret in the desk file, a desk that works without its key and
//! says which secrets wait for it, `deskctl secrets rotate-key`, a running
//! service that takes a key file changed under it, and documents applied
//! where no key opens a stored secret (on SQLite and on PostgreSQL).

use crate::common::Desk;

use std::path::Path;

const PASSWORD: &str = "smtp-password-Xq7-never-stored";
const WEBHOOK_SECRET: &str = "whsec-4d9e1f-never-stored-either";

/// `deskctl` on `desk` with no key but the key file, as on a user's machine.
fn cmd(desk: &Desk) -> assert_cmd::Command {
    let mut cmd = desk.cmd();
    cmd.env_remove("DESKCTL_SECRET_KEY");
    cmd
}

/// Runs `args`, expecting success; stdout.
fn run(desk: &Desk, args: &[&str]) -> String {
    let output = cmd(desk).args(args).output().unwrap();
    assert!(output.status.success(), "{args:?}: {output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// A desk holding an SMTP password and a delivery webhook secret.
fn desk_with_secrets() -> Desk {
    let desk = Desk::new();
    let ok = |cmd: &mut assert_cmd::Command| {
        cmd.assert().success();
    };
    ok(cmd(&desk)
        .args([
            "email",
            "set",
            "--host",
            "smtp.example.com",
            "--username",
            "desk",
        ])
        .args(["--password-env", "SMTP_PASSWORD"])
        .env("SMTP_PASSWORD", PASSWORD));
    ok(cmd(&desk)
        .args([
            "delivery",
            "set",
            "--url",
            "https://ai.example.com/desk/events",
        ])
        .args(["--secret-env", "WEBHOOK_SECRET"])
        .env("WEBHOOK_SECRET", WEBHOOK_SECRET));
    desk
}

fn key_file(desk: &Desk) -> std::path::PathBuf {
    desk.config().parent().unwrap().join("secret.key")
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Every byte of the desk file and its siblings.
fn desk_bytes(desk: &Desk) -> Vec<u8> {
    let mut bytes = Vec::new();
    for suffix in ["", "-wal", "-shm"] {
        let path = format!("{}{suffix}", desk.path().display());
        if let Ok(more) = std::fs::read(path) {
            bytes.extend(more);
        }
    }
    bytes
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle.as_bytes())
}

/// The lines of the key file that hold a key.
fn keys_in(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(String::from)
        .collect()
}

#[test]
fn stored_secrets_are_sealed_in_private_files() {
    let desk = desk_with_secrets();
    let bytes = desk_bytes(&desk);
    assert!(!bytes.is_empty());
    for secret in [PASSWORD, WEBHOOK_SECRET] {
        assert!(!contains(&bytes, secret), "{secret} is in the desk file");
    }
    assert!(contains(&bytes, "sealed:v1:"));
    #[cfg(unix)]
    {
        assert_eq!(mode(&desk.path()), 0o600);
        assert_eq!(mode(&key_file(&desk)), 0o600);
        assert_eq!(mode(desk.config().parent().unwrap()), 0o700);
        // A desk directory deskctl makes is its owner's alone.
        let nested = desk.dir.path().join("nested").join("desk.sqlite");
        cmd(&desk)
            .args([
                "--desk",
                crate::common::path_str(&nested),
                "teams",
                "add",
                "x",
                "--name",
                "X",
            ])
            .assert()
            .success();
        assert_eq!(mode(nested.parent().unwrap()), 0o700);
        assert_eq!(mode(&nested), 0o600);
    }
    assert_eq!(keys_in(&key_file(&desk)).len(), 1);
    let shown = run(&desk, &["email", "show"]);
    assert!(shown.contains("set (hmac:"), "{shown}");
    assert!(!shown.contains(PASSWORD));
}

/// A desk whose key is lost still works; only what needs a secret fails, each
/// secret saying which key it needs and how to enter it again, and entering
/// it again mends it without the old key.
#[test]
fn without_its_key_a_desk_works_and_says_which_secrets_wait_for_it() {
    let desk = desk_with_secrets();
    let kept = desk.dir.path().join("kept.key");
    std::fs::rename(key_file(&desk), &kept).unwrap();
    let old_id = key_id(&keys_in(&kept)[0]);

    let shown = run(&desk, &["email", "show"]);
    assert!(
        shown.contains(&format!(
            "but cannot be used: the secret email.password is sealed with key {old_id}, \
             which is not at hand"
        )) && shown.contains("DESKCTL_SECRET_KEY")
            && shown.contains("`deskctl email set --password-stdin`"),
        "{shown}"
    );
    assert!(
        !shown.contains(PASSWORD) && !shown.contains("sealed:v1"),
        "{shown}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&run(&desk, &["delivery", "show", "-o", "json"])).unwrap();
    let why = json["secret-unusable"].as_str().unwrap();
    assert!(
        why.contains("`deskctl delivery set --secret-stdin`"),
        "{json}"
    );

    // The rest of the desk works, and a change that seals nothing makes no key.
    run(&desk, &["tickets", "list"]);
    run(&desk, &["teams", "add", "support", "--name", "Support"]);
    assert!(run(&desk, &["teams", "list"]).contains("support"));
    assert!(!key_file(&desk).exists());
    assert!(run(&desk, &["delivery", "show"]).contains(&format!("sealed with key {old_id}")));

    // A rotation cannot seal again what it cannot open: refused, no key made.
    let output = cmd(&desk).args(["secrets", "rotate-key"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("cannot rotate the key: the secret") && stderr.contains(&old_id),
        "{stderr}"
    );
    assert!(!key_file(&desk).exists());

    // Entered again, a secret is sealed under a new key and shows as usable;
    // one removed is gone. The other still waits for its key.
    enter_delivery_secret(cmd(&desk), "whsec-entered-again-0123456");
    let shown = run(&desk, &["delivery", "show"]);
    assert_usable(&shown);
    let made = keys_in(&key_file(&desk));
    assert_eq!(made.len(), 1);
    assert_ne!(key_id(&made[0]), old_id);
    assert!(run(&desk, &["email", "show"]).contains("cannot be used"));
    run(
        &desk,
        &[
            "email",
            "set",
            "--host",
            "smtp.example.com",
            "--no-password",
        ],
    );
    let shown = run(&desk, &["email", "show"]);
    assert!(
        shown.contains("not set") && !shown.contains("cannot be used"),
        "{shown}"
    );
}

/// That `shown` (`email show`, `delivery show`) has its secret and can use it.
fn assert_usable(shown: &str) {
    assert!(
        shown.contains("set (hmac:") && !shown.contains("cannot be used"),
        "{shown}"
    );
}

/// Sets the delivery webhook with `secret`, entered on stdin, by `command`.
fn enter_delivery_secret(mut command: assert_cmd::Command, secret: &str) {
    command
        .args([
            "delivery",
            "set",
            "--url",
            "https://ai.example.com/desk/events",
        ])
        .arg("--secret-stdin")
        .write_stdin(format!("{secret}\n"))
        .assert()
        .success();
}

/// The id a key file's line names its key by.
fn key_id(line: &str) -> String {
    deskctl::server::sealing::Key::parse(line).unwrap().id()
}

#[test]
fn the_key_opens_them_from_the_environment_and_a_malformed_one_is_refused() {
    let desk = desk_with_secrets();
    let kept = desk.dir.path().join("kept.key");
    std::fs::rename(key_file(&desk), &kept).unwrap();

    let key = keys_in(&kept).remove(0);
    let shown = cmd(&desk)
        .args(["email", "show"])
        .env("DESKCTL_SECRET_KEY", &key)
        .output()
        .unwrap();
    assert!(shown.status.success(), "{shown:?}");
    let shown = String::from_utf8_lossy(&shown.stdout);
    assert_usable(&shown);

    // A malformed key is refused, saying where it came from.
    let output = cmd(&desk)
        .args(["teams", "list"])
        .env("DESKCTL_SECRET_KEY", "not-a-key")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("DESKCTL_SECRET_KEY: key 1"), "{stderr}");
}

/// A service on a desk whose key is missing would fail every delivery that
/// needs a secret while its health check answers: it says so as it starts,
/// naming the key and what to set, and says nothing once the key is back.
#[test]
fn serve_without_its_key_warns_as_it_starts() {
    let desk = desk_with_secrets();
    let kept = desk.dir.path().join("kept.key");
    std::fs::rename(key_file(&desk), &kept).unwrap();
    let mut keyless = desk.std_cmd();
    keyless.env_remove("DESKCTL_SECRET_KEY");
    let server = desk.serve_by(keyless, "keyless", &[]);
    // The warning comes before the URL the helper waited for.
    let log = server.log();
    assert!(
        log.contains("warning: the secret email.password is sealed with key")
            && log.contains("DESKCTL_SECRET_KEY")
            && log.contains("or enter it again: `deskctl email set --password-stdin`")
            && log.contains("what uses it fails"),
        "{log}"
    );
    // A desk of its own: no replica to break by entering it again.
    assert!(!log.contains("replica"), "{log}");
    assert!(
        !log.contains(PASSWORD) && !log.contains(WEBHOOK_SECRET) && !log.contains("sealed:v1"),
        "{log}"
    );
    assert_eq!(server.raw("GET", "/v1/health", &[], b"").status, 200);
    assert_eq!(server.terminate(), Some(0));

    // For log collectors, a JSON event like every other line.
    let mut keyless = desk.std_cmd();
    keyless.env_remove("DESKCTL_SECRET_KEY");
    let server = desk.serve_by(keyless, "keyless-json", &["--log-format", "json"]);
    let log = server.log();
    let lines: Vec<serde_json::Value> = log
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect();
    let warning = lines
        .iter()
        .find(|event| event.to_string().contains("is sealed with key"))
        .unwrap_or_else(|| panic!("no warning in {log}"));
    assert_eq!(warning["level"], "WARN", "{warning}");
    assert_eq!(server.terminate(), Some(0));

    std::fs::rename(&kept, key_file(&desk)).unwrap();
    let mut with_key_file = desk.std_cmd();
    with_key_file.env_remove("DESKCTL_SECRET_KEY");
    let server = desk.serve_by(with_key_file, "with-key", &[]);
    assert!(
        !server.log().contains("sealed with key"),
        "{}",
        server.log()
    );
    assert_eq!(server.terminate(), Some(0));
}

#[cfg(unix)]
#[test]
fn readable_files_are_warned_about_or_refused() {
    use std::os::unix::fs::PermissionsExt;
    let desk = desk_with_secrets();
    std::fs::set_permissions(desk.path(), std::fs::Permissions::from_mode(0o644)).unwrap();
    let output = cmd(&desk).args(["teams", "list"]).output().unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("can be read by other users (mode 0644)") && stderr.contains("chmod 600"),
        "{stderr}"
    );
    std::fs::set_permissions(desk.path(), std::fs::Permissions::from_mode(0o600)).unwrap();
    std::fs::set_permissions(key_file(&desk), std::fs::Permissions::from_mode(0o640)).unwrap();
    let output = cmd(&desk).args(["email", "show"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("can be read by others (mode 0640)"),
        "{stderr}"
    );
}

#[test]
fn rotate_key_seals_everything_under_a_new_key_and_drops_the_old_one() {
    let desk = desk_with_secrets();
    let before = keys_in(&key_file(&desk));
    let shown_before = run(&desk, &["delivery", "show"]);
    let output = cmd(&desk).args(["secrets", "rotate-key"]).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("Sealed 2 secret(s) with key"), "{stderr}");
    let after = keys_in(&key_file(&desk));
    assert_eq!(after.len(), 1);
    assert_ne!(after, before);
    #[cfg(unix)]
    assert_eq!(mode(&key_file(&desk)), 0o600);
    // Still there, under the new key: its fingerprint moved with the key.
    let shown_after = run(&desk, &["delivery", "show"]);
    assert!(shown_after.contains("set (hmac:"), "{shown_after}");
    assert_ne!(shown_before, shown_after);
    // The old key alone opens nothing any more.
    let output = cmd(&desk)
        .args(["delivery", "show"])
        .env("DESKCTL_SECRET_KEY", &before[0])
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&output.stdout);
    let new_id = key_id(&after[0]);
    assert!(
        shown.contains(&format!(
            "but cannot be used: the secret delivery.secret is sealed with key {new_id}"
        )),
        "{output:?}"
    );
    assert!(!contains(&desk_bytes(&desk), WEBHOOK_SECRET));

    // Over HTTP it is refused: the key is where the database is.
    let output = desk
        .elsewhere()
        .args(["--server", "http://127.0.0.1:9", "secrets", "rotate-key"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--desk PATH or --database URL"));
}

/// With `DESKCTL_SECRET_KEY` the rotation seals under the first key given:
/// given only the key that already seals every secret, nothing would rotate,
/// and it says so (a usage error) and how to rotate, changing nothing.
#[test]
fn rotate_key_given_only_the_current_key_says_there_is_nothing_to_rotate() {
    let desk = desk_with_secrets();
    let current = keys_in(&key_file(&desk)).remove(0);
    let current_id = key_id(&current);
    std::fs::remove_file(key_file(&desk)).unwrap();
    let shown_before = run_with_key(&desk, &current, &["delivery", "show"]);
    let output = cmd(&desk)
        .args(["secrets", "rotate-key", "--yes"])
        .env("DESKCTL_SECRET_KEY", &current)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!(
            "nothing to rotate: every secret is already sealed with key {current_id}, the only \
             key in DESKCTL_SECRET_KEY"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains("DESKCTL_SECRET_KEY=\"$NEW,$OLD\""),
        "{stderr}"
    );
    assert!(!stderr.contains("Sealed"), "{stderr}");
    assert!(!key_file(&desk).exists());
    assert_eq!(
        run_with_key(&desk, &current, &["delivery", "show"]),
        shown_before
    );

    // A new key first, the current one after it: that rotates.
    let new = deskctl::server::sealing::Key::generate();
    let ring = format!("{},{current}", new.encoded().as_str());
    let output = cmd(&desk)
        .args(["secrets", "rotate-key", "--yes"])
        .env("DESKCTL_SECRET_KEY", &ring)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!(
            "Sealed 2 secret(s) with key {} (was {current_id})",
            new.id()
        )),
        "{stderr}"
    );
    assert!(stderr.contains("Old keys can now be dropped"), "{stderr}");
    // Run again, the same: the new key already seals everything.
    let output = cmd(&desk)
        .args(["secrets", "rotate-key", "--yes"])
        .env("DESKCTL_SECRET_KEY", &ring)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!(
            "already sealed with key {}, the first key in DESKCTL_SECRET_KEY",
            new.id()
        )) && stderr.contains("drop them"),
        "{stderr}"
    );
}

/// Runs `args` with `key` as `DESKCTL_SECRET_KEY`, expecting success; stdout.
fn run_with_key(desk: &Desk, key: &str, args: &[&str]) -> String {
    let output = cmd(desk)
        .args(args)
        .env("DESKCTL_SECRET_KEY", key)
        .output()
        .unwrap();
    assert!(output.status.success(), "{args:?}: {output:?}");
    String::from_utf8(output.stdout).unwrap()
}

const ZD_TOKEN: &str = "zd-token-keys-7c2e";
const ZD_SIGNING: &str = "zd-signing-keys-5b1d";

/// A fake Zendesk that answers `integrations test` (who the token is).
async fn zendesk() -> wiremock::MockServer {
    use wiremock::matchers::{method, path};
    let server = wiremock::MockServer::start().await;
    wiremock::Mock::given(method("GET"))
        .and(path("/api/v2/users/me"))
        .respond_with(wiremock::ResponseTemplate::new(200).set_body_json(
            serde_json::json!({"user": {"id": 1, "email": "admin@acme.example", "role": "admin"}}),
        ))
        .mount(&server)
        .await;
    server
}

/// Connects `desk` to the fake Zendesk at `base` with `command`, whose keys
/// seal its credentials.
fn connect_zendesk(mut command: assert_cmd::Command, base: &str) {
    let output = command
        .args(["integrations", "connect", "zendesk"])
        .args([
            "--set",
            "subdomain=acme",
            "--set",
            "email=admin@acme.example",
        ])
        .args(["--secret", "api-token=env:ZD_TOKEN"])
        .args(["--secret", "webhook-secret=env:ZD_SIGNING"])
        .args(["--base-url", base])
        .env("ZD_TOKEN", ZD_TOKEN)
        .env("ZD_SIGNING", ZD_SIGNING)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
}

/// `integrations test zendesk` through `server`: whether it passed, and
/// what it printed.
fn test_zendesk_through(
    desk: &Desk,
    server: &crate::common::Server,
    token: &str,
) -> (bool, String) {
    let output = desk
        .as_token(server, token)
        .args(["integrations", "test", "zendesk"])
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        !text.contains(ZD_TOKEN) && !text.contains("sealed:v1"),
        "{text}"
    );
    (output.status.success(), text)
}

/// `serve` with no key but the key file beside the config (none on a
/// PostgreSQL desk until a test makes one).
fn serve_on_the_key_file(desk: &Desk, name: &str) -> crate::common::Server {
    let mut command = desk.std_cmd();
    command.env_remove("DESKCTL_SECRET_KEY");
    desk.serve_by(command, name, &[])
}

/// `key` written as the key file beside `desk`'s config, as an admin copies
/// it in: a file of its own, private, renamed into place.
fn copy_key_file_in(desk: &Desk, key: &deskctl::server::sealing::Key) {
    use std::io::Write;
    let path = key_file(desk);
    deskctl::server::sealing::private_dir(path.parent().unwrap()).unwrap();
    let copy = path.with_extension("copy");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(&copy).unwrap();
    writeln!(file, "{}", key.encoded().as_str()).unwrap();
    std::fs::rename(&copy, &path).unwrap();
}

/// `secrets rotate-key` in another process while `serve` runs: the service
/// opens what the rotation sealed under the new key with no restart, so
/// what needs a secret keeps working, and what it seals afterwards is under
/// the new key, which is all the key file holds.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_running_service_takes_the_key_rotate_key_made_without_a_restart() {
    let zendesk = zendesk().await;
    let desk = desk_with_secrets();
    desk.seed();
    connect_zendesk(cmd(&desk), &zendesk.uri());
    let server = serve_on_the_key_file(&desk, "serve");
    let token = desk.token("alice");
    let (passed, text) = test_zendesk_through(&desk, &server, &token);
    assert!(passed, "{text}");

    let before = keys_in(&key_file(&desk));
    let output = cmd(&desk).args(["secrets", "rotate-key"]).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    let after = keys_in(&key_file(&desk));
    assert_ne!(before, after);

    // Sealed under the new key now: the running service opens it.
    let (passed, text) = test_zendesk_through(&desk, &server, &token);
    assert!(passed, "{text}");
    let shown = desk
        .as_token(&server, &token)
        .args(["email", "show"])
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&shown.stdout);
    assert_usable(&shown);

    // What the service seals now, the key file's key opens elsewhere.
    enter_delivery_secret(
        desk.as_token(&server, &token),
        "whsec-sealed-by-the-service-0123",
    );
    let shown = run(&desk, &["delivery", "show"]);
    assert_usable(&shown);
    assert_eq!(keys_in(&key_file(&desk)), after);
    assert_eq!(server.terminate(), Some(0));
}

/// A replica on PostgreSQL started with no key says, as it starts, to give
/// it the other replicas' key (not to enter the secrets again, which would
/// seal them under a key the others lack); once the key file is copied in,
/// it opens the secrets with no restart.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_keyless_replica_takes_a_key_file_copied_in_later() {
    let Some(desk) = Desk::on(crate::common::Backend::Postgres) else {
        return;
    };
    let zendesk = zendesk().await;
    desk.seed();
    // The other replicas' key: the one every test command seals with.
    connect_zendesk(desk.cmd(), &zendesk.uri());
    let key = crate::common::keys_key();
    let server = serve_on_the_key_file(&desk, "keyless");
    let log = server.log();
    assert!(
        log.contains(&format!(
            "the secret integrations.zendesk.api-token is sealed with key {}, which is not at hand",
            key.id()
        )) && log.contains("give this one the same DESKCTL_SECRET_KEY as the others")
            && log.contains(&format!(
                "only if no replica holds key {} any more",
                key.id()
            )),
        "{log}"
    );
    assert!(!log.contains("; or enter it again"), "{log}");
    let token = desk.token("alice");
    let (passed, text) = test_zendesk_through(&desk, &server, &token);
    assert!(!passed && text.contains("not at hand"), "{text}");

    copy_key_file_in(&desk, &key);
    let (passed, text) = test_zendesk_through(&desk, &server, &token);
    assert!(passed, "{text}");

    // Rotated on this machine's key file: the replica takes the new key too.
    let output = cmd(&desk).args(["secrets", "rotate-key"]).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("copy the key file to each (a running replica reads it again"),
        "{stderr}"
    );
    let (passed, text) = test_zendesk_through(&desk, &server, &token);
    assert!(passed, "{text}");
    assert_eq!(server.terminate(), Some(0));
}

/// A desk document naming the SMTP password by `reference`, and setting a
/// ticket field `field` (to have something else to apply).
fn document(desk: &Desk, name: &str, reference: &str, field: &str) -> String {
    let path = desk.dir.path().join(name);
    std::fs::write(
        &path,
        format!(
            "apiVersion: deskctl/v1\nkind: Desk\nemail:\n  host: smtp.example.com\n  \
             username: desk\n  password: {reference}\nticket-fields:\n  - key: {field}\n    \
             name: {field}\n    type: text\n"
        ),
    )
    .unwrap();
    crate::common::path_str(&path).to_string()
}

/// Runs `command` with the SMTP passwords the documents name at hand:
/// (exit code, stdout, stderr), which never show them.
fn planned(command: &mut assert_cmd::Command) -> (i32, String, String) {
    run_with_secrets(
        command,
        &[
            ("SMTP_PASSWORD", PASSWORD),
            ("NEW_SMTP_PASSWORD", "a-new-smtp-password-9f"),
        ],
    )
}

/// Runs `command` with the environment variables `secrets`: (exit code,
/// stdout, stderr), which never show their values.
fn run_with_secrets(
    command: &mut assert_cmd::Command,
    secrets: &[(&str, &str)],
) -> (i32, String, String) {
    let output = command.envs(secrets.iter().copied()).output().unwrap();
    let (stdout, stderr) = (
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    );
    for text in [&stdout, &stderr] {
        for (_, secret) in secrets {
            assert!(!text.contains(secret), "{text}");
        }
    }
    (output.status.code().unwrap(), stdout, stderr)
}

/// On PostgreSQL, a replica no key of which opens a stored secret cannot
/// compare it: a document naming it as it was applied is no change there
/// (the plan says it was kept, not compared), so the same document applies
/// again, and a replica with another key does not seal it under that one. A
/// new value it has no key to seal is planned with a warning and refused.
#[test]
fn on_postgres_a_replica_without_the_key_applies_the_document_again_keeping_its_secret() {
    let Some(desk) = Desk::on(crate::common::Backend::Postgres) else {
        return;
    };
    desk.seed();
    let same = document(&desk, "desk.yaml", "${env:SMTP_PASSWORD}", "order-id");
    let (code, _, stderr) = planned(desk.cmd().args(["apply", "-f", &same, "--yes"]));
    assert_eq!(code, 0, "{stderr}");
    let usable = |desk: &Desk| assert_usable(&desk.run(&["email", "show"]));
    usable(&desk);

    let server = serve_on_the_key_file(&desk, "keyless");
    let token = desk.token("alice");
    let kept = "warning: email.password: kept as stored, not compared with the document's \
                value: the secret email.password is sealed with key";
    let (code, stdout, stderr) =
        planned(desk.as_token(&server, &token).args(["diff", "-f", &same]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("No changes") && stderr.contains(kept),
        "{stdout}{stderr}"
    );

    // More in the document: applied, the secret kept as it was.
    let more = document(&desk, "more.yaml", "${env:SMTP_PASSWORD}", "plan-tier");
    let (code, _, stderr) = planned(
        desk.as_token(&server, &token)
            .args(["apply", "-f", &more, "--yes"]),
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains(kept) && stderr.contains("1 added"),
        "{stderr}"
    );
    assert!(desk.run(&["fields", "list"]).contains("plan-tier"));
    usable(&desk);

    // A new value: nothing here can seal it, which the plan says, and apply
    // is refused saying what to set. Nothing changes.
    let new = document(&desk, "new.yaml", "${env:NEW_SMTP_PASSWORD}", "plan-tier");
    let (code, stdout, stderr) = planned(desk.as_token(&server, &token).args(["diff", "-f", &new]));
    assert_eq!(code, 3, "{stdout}{stderr}");
    assert!(
        stdout.contains("password: (sensitive value changed)")
            && stderr.contains(
                "warning: email.password cannot be applied here: no key to seal secrets with: \
                 set DESKCTL_SECRET_KEY"
            ),
        "{stdout}{stderr}"
    );
    let (code, _, stderr) = planned(
        desk.as_token(&server, &token)
            .args(["apply", "-f", &new, "--yes"]),
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("no key to seal secrets with"), "{stderr}");
    usable(&desk);
    assert_eq!(server.terminate(), Some(0));

    // A replica with another key: the same document seals nothing under it.
    let stranger = deskctl::server::sealing::Key::generate();
    let (code, _, stderr) = planned(
        desk.cmd()
            .env("DESKCTL_SECRET_KEY", stranger.encoded().as_str())
            .args(["apply", "-f", &more, "--yes"]),
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains(kept) && stderr.contains("No changes"),
        "{stderr}"
    );
    usable(&desk);
}

/// Runs `command` with the delivery secret an export names at hand.
fn with_delivery_secret(command: &mut assert_cmd::Command) -> (i32, String, String) {
    run_with_secrets(command, &[("DESKCTL_DELIVERY_SECRET", WEBHOOK_SECRET)])
}

/// A replica of `desk` given another key than the one every test command
/// seals with.
fn serve_with_another_key(desk: &Desk) -> crate::common::Server {
    let mut another_key = desk.std_cmd();
    let stranger = deskctl::server::sealing::Key::generate();
    another_key.env("DESKCTL_SECRET_KEY", stranger.encoded().as_str());
    desk.serve_by(another_key, "another-key", &[])
}

/// On PostgreSQL, a replica given another key than the others is treated as
/// one given none. An export made where the key opens the delivery secret
/// names it `${env:DESKCTL_DELIVERY_SECRET}` (set with `delivery set`, it was
/// applied from no reference): that replica cannot compare it, and sealing
/// it under its own key would stop every other replica signing webhooks, so
/// the plan says it cannot be applied there and why, and apply is refused,
/// changing nothing; so is `delivery set`. Removed first, what the refusal
/// offers when no replica holds the key any more, it is entered again.
#[test]
fn on_postgres_a_replica_with_another_key_refuses_to_seal_a_secret_it_cannot_open() {
    let Some(desk) = Desk::on(crate::common::Backend::Postgres) else {
        return;
    };
    desk.seed();
    enter_delivery_secret(desk.cmd(), WEBHOOK_SECRET);
    let exported = desk.run(&["export"]);
    assert!(
        exported.contains("secret: ${env:DESKCTL_DELIVERY_SECRET}"),
        "{exported}"
    );
    let path = desk.dir.path().join("d.yaml");
    std::fs::write(&path, exported).unwrap();
    let path = crate::common::path_str(&path);
    let (code, stdout, stderr) = with_delivery_secret(desk.cmd().args(["diff", "-f", path]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.starts_with("No changes"), "{stdout}");
    let stored = desk.run(&["delivery", "show"]);
    assert_usable(&stored);

    let right_key = crate::common::keys_key().id();
    let server = serve_with_another_key(&desk);
    let token = desk.token("alice");
    let refused = format!(
        "delivery.secret cannot be applied here: the secret delivery.secret is sealed with key \
         {right_key}, which is not at hand"
    );
    let advice = [
        "give this one the same DESKCTL_SECRET_KEY as the others".to_string(),
        format!(
            "only if no replica holds key {right_key} any more, remove the secret (`deskctl \
             delivery set --no-url --no-secret`) and enter it again (`deskctl delivery set \
             --secret-stdin`)"
        ),
    ];
    let (code, stdout, stderr) =
        with_delivery_secret(desk.as_token(&server, &token).args(["diff", "-f", path]));
    assert_eq!(code, 3, "{stdout}{stderr}");
    assert!(
        stdout.contains("secret: (sensitive value changed)")
            && stderr.contains(&format!("warning: {refused}"))
            && advice.iter().all(|a| stderr.contains(a)),
        "{stdout}{stderr}"
    );
    let (code, stdout, stderr) = with_delivery_secret(
        desk.as_token(&server, &token)
            .args(["apply", "-f", path, "--yes"]),
    );
    assert_eq!(code, 6, "{stdout}{stderr}");
    assert!(
        stderr.contains(&format!("error: {refused}"))
            && advice.iter().all(|a| stderr.contains(a))
            && !stderr.contains("1 changed"),
        "{stderr}"
    );
    // Still the secret every other replica opens, byte for byte.
    assert_eq!(desk.run(&["delivery", "show"]), stored);

    // `delivery set` is refused the same way, and changes nothing.
    let output = desk
        .as_token(&server, &token)
        .args(["delivery", "set", "--secret-env", "WHSEC"])
        .env("WHSEC", "whsec-from-the-wrong-replica-0123")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(6), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "error: delivery.secret cannot be set here: the secret delivery.secret is sealed \
             with key {right_key}, which is not at hand"
        )) && advice.iter().all(|a| stderr.contains(a))
            && !stderr.contains("whsec-from-the-wrong-replica"),
        "{stderr}"
    );
    assert_eq!(desk.run(&["delivery", "show"]), stored);

    // Removed, then entered again on purpose: sealed under this replica's key.
    desk.as_token(&server, &token)
        .args(["delivery", "set", "--no-url", "--no-secret"])
        .assert()
        .success();
    enter_delivery_secret(
        desk.as_token(&server, &token),
        "whsec-entered-again-on-purpose-01",
    );
    let shown = desk
        .as_token(&server, &token)
        .args(["delivery", "show"])
        .output()
        .unwrap();
    assert_usable(&String::from_utf8_lossy(&shown.stdout));
    assert!(desk.run(&["delivery", "show"]).contains("cannot be used"));
    assert_eq!(server.terminate(), Some(0));
}

/// On PostgreSQL, `email set` and `integrations connect` through a replica
/// given another key than the others are refused as `apply` is (exit 6,
/// nothing changed) when they give a new value to a secret sealed under the
/// others' key: sealed under this replica's, it would stop working on every
/// replica that works. What seals nothing still changes there.
#[test]
fn on_postgres_a_replica_with_another_key_refuses_every_write_that_would_seal_over_the_others_key()
{
    let Some(desk) = Desk::on(crate::common::Backend::Postgres) else {
        return;
    };
    desk.seed();
    desk.cmd()
        .args(["email", "set", "--host", "smtp.example.com"])
        .args(["--username", "desk", "--password-env", "SMTP_PASSWORD"])
        .env("SMTP_PASSWORD", PASSWORD)
        .assert()
        .success();
    let connect = |mut command: assert_cmd::Command| {
        command
            .args(["integrations", "connect", "zendesk", "--no-test"])
            .args([
                "--set",
                "subdomain=acme",
                "--set",
                "email=admin@acme.example",
            ])
            .args(["--secret", "api-token=env:ZD_TOKEN"])
            .env("ZD_TOKEN", ZD_TOKEN)
            .output()
            .unwrap()
    };
    let output = connect(desk.cmd());
    assert!(output.status.success(), "{output:?}");
    let email = desk.run(&["email", "show"]);
    let zendesk = desk.run(&["integrations", "show", "zendesk"]);
    assert_usable(&email);

    let right_key = crate::common::keys_key().id();
    let server = serve_with_another_key(&desk);
    let token = desk.token("alice");
    let refused = |output: std::process::Output, place: &str| {
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(6), "{stderr}");
        assert!(
            stderr.contains(&format!(
                "error: {place} cannot be set here: the secret {place} is sealed with key \
                 {right_key}, which is not at hand"
            )) && stderr.contains("give this one the same DESKCTL_SECRET_KEY as the others")
                && !stderr.contains("a-new-secret-from-the-wrong-replica"),
            "{stderr}"
        );
    };

    let output = desk
        .as_token(&server, &token)
        .args(["email", "set", "--password-env", "NEW_PASSWORD"])
        .env("NEW_PASSWORD", "a-new-secret-from-the-wrong-replica")
        .output()
        .unwrap();
    refused(output, "email.password");
    let mut command = desk.as_token(&server, &token);
    command.env("ZD_TOKEN", "a-new-secret-from-the-wrong-replica");
    refused(connect(command), "integrations.zendesk.api-token");
    assert_eq!(desk.run(&["email", "show"]), email);
    assert_eq!(desk.run(&["integrations", "show", "zendesk"]), zendesk);

    // A change that leaves the secret alone seals nothing: it goes through.
    desk.as_token(&server, &token)
        .args(["email", "set", "--host", "smtp2.example.com"])
        .assert()
        .success();
    let email = desk.run(&["email", "show"]);
    assert!(email.contains("smtp2.example.com"), "{email}");
    assert_usable(&email);
    assert_eq!(server.terminate(), Some(0));
}

/// On a SQLite desk, the only one its key seals for, applying a document
/// that names a secret no key opens enters it again under the key at hand
/// (the way out the docs give), with nothing to warn of.
#[test]
fn on_sqlite_the_document_enters_again_a_secret_whose_key_is_lost() {
    let desk = Desk::new();
    desk.seed();
    let same = document(&desk, "desk.yaml", "${env:SMTP_PASSWORD}", "order-id");
    let (code, _, stderr) = planned(cmd(&desk).args(["apply", "-f", &same, "--yes"]));
    assert_eq!(code, 0, "{stderr}");
    std::fs::rename(key_file(&desk), desk.dir.path().join("lost.key")).unwrap();
    assert!(run(&desk, &["email", "show"]).contains("or enter it again"));

    let (code, stdout, stderr) = planned(cmd(&desk).args(["diff", "-f", &same]));
    assert_eq!(code, 3, "{stdout}{stderr}");
    assert!(
        stdout.contains("password: (sensitive value changed)") && !stderr.contains("warning"),
        "{stdout}{stderr}"
    );
    let (code, _, stderr) = planned(cmd(&desk).args(["apply", "-f", &same, "--yes"]));
    assert_eq!(code, 0, "{stderr}");
    let shown = run(&desk, &["email", "show"]);
    assert_usable(&shown);
}

/// A secret entered again by hand (`email set`) is no longer the value of the
/// reference a document applied it from: `export` names the default
/// reference then, not the old one, whose value applied would set the old
/// secret back. A change that leaves the secret alone keeps the reference.
#[test]
fn a_secret_entered_again_by_hand_forgets_the_reference_it_was_applied_from() {
    let desk = Desk::new();
    let file = document(&desk, "desk.yaml", "${env:SMTP_PASSWORD}", "order");
    let (code, _, stderr) = planned(cmd(&desk).args(["apply", "--yes", "-f", &file]));
    assert_eq!(code, 0, "{stderr}");
    let exported = run(&desk, &["export"]);
    assert!(
        exported.contains("password: ${env:SMTP_PASSWORD}"),
        "{exported}"
    );

    // Not the secret: the reference stays.
    run(&desk, &["email", "set", "--host", "smtp2.example.com"]);
    let exported = run(&desk, &["export"]);
    assert!(
        exported.contains("password: ${env:SMTP_PASSWORD}"),
        "{exported}"
    );

    let (code, _, stderr) = run_with_secrets(
        cmd(&desk).args(["email", "set", "--password-env", "ANOTHER"]),
        &[("ANOTHER", "another-smtp-password-5e")],
    );
    assert_eq!(code, 0, "{stderr}");
    let exported = run(&desk, &["export"]);
    assert!(
        exported.contains("password: ${env:DESKCTL_EMAIL_PASSWORD}"),
        "{exported}"
    );
    assert!(!exported.contains("SMTP_PASSWORD"), "{exported}");
}

/// The first `diff` of a CI job, before the desk exists, plans against an
/// empty workspace: it warns only of what the `apply` after it would meet. A
/// SQLite desk seals with `DESKCTL_SECRET_KEY`, or with the key file it makes
/// on first need, so neither warns that a secret cannot be applied; and the
/// plan writes neither the desk nor the key file.
#[test]
fn a_first_diff_does_not_warn_of_a_key_the_apply_will_have() {
    let desk = Desk::new();
    let document = desk.dir.path().join("desk.yaml");
    std::fs::write(
        &document,
        "apiVersion: deskctl/v1\nkind: Desk\ndelivery:\n  url: https://ai.example.com/hook\n  secret: ${env:HOOK_SECRET}\n",
    )
    .unwrap();
    for with_key in [true, false] {
        for plan in [&["diff", "-f"][..], &["apply", "--dry-run", "-f"]] {
            let mut command = if with_key { desk.cmd() } else { cmd(&desk) };
            let assert = command
                .env("HOOK_SECRET", WEBHOOK_SECRET)
                .args(plan)
                .arg(&document)
                .assert()
                .code(3);
            let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
            assert!(
                stderr.contains("planned against an empty workspace"),
                "{stderr}"
            );
            assert!(!stderr.contains("warning"), "{with_key} {plan:?}: {stderr}");
            assert!(!desk.path().exists(), "{plan:?} created the desk");
            assert!(!key_file(&desk).exists(), "{plan:?} made the key file");
        }
    }
    cmd(&desk)
        .env("HOOK_SECRET", WEBHOOK_SECRET)
        .args(["apply", "--yes", "-f"])
        .arg(&document)
        .assert()
        .success()
        .stderr(predicates::prelude::PredicateBooleanExt::not(
            predicates::str::contains("warning"),
        ));
}
