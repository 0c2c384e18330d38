//! Shared helpers for the CLI tests: a desk in a temporary directory, the real
//! binary with a clean environment, and a real `deskctl serve` on a free port.

#![allow(dead_code)]

pub mod connectors;
pub mod integrations;
pub mod postgres;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

pub const BIN: &str = env!("CARGO_BIN_EXE_deskctl");

/// The database a suite runs on. The suites compiled once per backend
/// (tests/on_sqlite.rs, tests/on_postgres.rs) read theirs from `BACKEND`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// Where a fresh desk in `dir` lives on this backend: a new SQLite file,
    /// or a new PostgreSQL database (kept alive by the returned handle). `None`
    /// when PostgreSQL is unavailable outside CI (the test then skips).
    pub fn location(
        self,
        dir: &Path,
    ) -> Option<(deskctl::server::store::Location, Option<postgres::Database>)> {
        match self {
            Backend::Sqlite => Some((sqlite(&dir.join("desk.sqlite")), None)),
            Backend::Postgres => {
                let database = postgres::database()?;
                Some((
                    deskctl::server::store::Location::Postgres(database.url.clone()),
                    Some(database),
                ))
            }
        }
    }
}

/// A fresh [`Desk`] on the suite's `BACKEND`, or returns from the test (a
/// PostgreSQL suite on a machine without PostgreSQL, outside CI).
#[macro_export]
macro_rules! desk {
    () => {
        match $crate::common::Desk::on(BACKEND) {
            Some(desk) => desk,
            None => return,
        }
    };
}

/// A temporary home with its own desk (a SQLite file in it, or a PostgreSQL
/// database of its own) and config: nothing outside it is touched.
pub struct Desk {
    pub dir: tempfile::TempDir,
    /// The desk's PostgreSQL database; `None` for a SQLite desk file.
    pub database: Option<postgres::Database>,
}

impl Desk {
    /// A desk on SQLite.
    pub fn new() -> Desk {
        Desk {
            dir: tempfile::tempdir().unwrap(),
            database: None,
        }
    }

    /// A desk on `backend`; `None` when PostgreSQL is unavailable outside CI.
    pub fn on(backend: Backend) -> Option<Desk> {
        let dir = tempfile::tempdir().unwrap();
        let (_, database) = backend.location(dir.path())?;
        Some(Desk { dir, database })
    }

    /// On `backend` PostgreSQL, a desk in a cluster of its own, which the test
    /// may crash and start again ([`postgres::own_cluster`]); `None` on
    /// SQLite, whose database dies with the process, and where PostgreSQL is
    /// not there to start.
    pub fn crashable(backend: Backend) -> Option<(postgres::OwnCluster, Desk)> {
        if backend != Backend::Postgres {
            return None;
        }
        let cluster = postgres::own_cluster()?;
        let desk = Desk {
            dir: tempfile::tempdir().unwrap(),
            database: Some(cluster.database()),
        };
        Some((cluster, desk))
    }

    /// [`Self::crashable`], the desk's URL over TCP ([`postgres::own_tcp_cluster`]).
    pub fn crashable_over_tcp(backend: Backend) -> Option<(postgres::TcpCluster, Desk)> {
        if backend != Backend::Postgres {
            return None;
        }
        let cluster = postgres::own_tcp_cluster()?;
        let desk = Desk {
            dir: tempfile::tempdir().unwrap(),
            database: Some(cluster.database()),
        };
        Some((cluster, desk))
    }

    pub fn backend(&self) -> Backend {
        match self.database {
            Some(_) => Backend::Postgres,
            None => Backend::Sqlite,
        }
    }

    /// Where the desk lives, for opening its store in-process.
    pub fn location(&self) -> deskctl::server::store::Location {
        match &self.database {
            Some(database) => deskctl::server::store::Location::Postgres(database.url.clone()),
            None => sqlite(&self.path()),
        }
    }

    /// The SQLite desk file (on PostgreSQL: where it would be, and never is).
    pub fn path(&self) -> PathBuf {
        self.dir.path().join("desk.sqlite")
    }

    /// The global flag naming this desk: `--desk PATH` or `--database URL`.
    pub fn target_args(&self) -> [String; 2] {
        match &self.database {
            Some(database) => ["--database".into(), database.url.clone()],
            None => ["--desk".into(), path_str(&self.path()).into()],
        }
    }

    pub fn config(&self) -> PathBuf {
        self.dir.path().join("config").join("config.yaml")
    }

    pub fn credentials(&self) -> PathBuf {
        self.dir.path().join("config").join("credentials.yaml")
    }

    /// `deskctl` with an environment that points only inside this desk's directory.
    /// The local desk is chosen by default (no context), as on a fresh machine.
    pub fn cmd(&self) -> assert_cmd::Command {
        let mut cmd = assert_cmd::Command::new(BIN);
        self.scrub(cmd.env_clear());
        cmd
    }

    /// `deskctl` with this environment but no desk chosen (neither
    /// `DESKCTL_DESK` nor `DESKCTL_DATABASE_URL`): for `--server` and contexts.
    pub fn elsewhere(&self) -> assert_cmd::Command {
        let mut cmd = self.cmd();
        cmd.env_remove("DESKCTL_DESK")
            .env_remove("DESKCTL_DATABASE_URL");
        cmd
    }

    /// The same environment, for a `std::process::Command`.
    pub fn std_cmd(&self) -> Command {
        self.std_cmd_of(BIN)
    }

    /// `program` with this desk's environment.
    pub fn std_cmd_of(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        self.scrub(cmd.env_clear());
        cmd
    }

    fn scrub<C: SetEnv>(&self, cmd: &mut C) {
        let home = self.dir.path();
        cmd.set("HOME", home.as_os_str());
        cmd.set("XDG_CONFIG_HOME", home.join("xdg-config").as_os_str());
        cmd.set("XDG_DATA_HOME", home.join("xdg-data").as_os_str());
        cmd.set("DESKCTL_CONFIG", self.config().as_os_str());
        match &self.database {
            Some(database) => cmd.set("DESKCTL_DATABASE_URL", std::ffi::OsStr::new(&database.url)),
            None => cmd.set("DESKCTL_DESK", self.path().as_os_str()),
        }
        // The key the tests' in-process stores seal with, so both open what
        // the other stored (tests/secrets.rs takes it away to use the key file).
        cmd.set(
            "DESKCTL_SECRET_KEY",
            std::ffi::OsStr::new(keys_key().encoded().as_str()),
        );
        cmd.set(
            "PATH",
            std::env::var_os("PATH").unwrap_or_default().as_os_str(),
        );
    }

    /// Runs deskctl with `args`, expecting success, and returns stdout.
    pub fn run(&self, args: &[&str]) -> String {
        let output = self.cmd().args(args).output().unwrap();
        assert!(
            output.status.success(),
            "deskctl {args:?} failed ({:?}):\n{}",
            output.status.code(),
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    }

    /// `operators list -o json` and `teams list -o json`, to show nothing changed.
    pub fn snapshot(&self) -> String {
        format!(
            "{}{}",
            self.run(&["operators", "list", "-o", "json"]),
            self.run(&["teams", "list", "-o", "json"])
        )
    }

    /// A support team and two operators: alice (owner) and bob (operator).
    pub fn seed(&self) {
        self.run(&["teams", "add", "support", "--name", "Support"]);
        self.run(&[
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
        self.run(&[
            "operators",
            "add",
            "bob",
            "--name",
            "Bob Jones",
            "--email",
            "bob@example.com",
            "--team",
            "support",
        ]);
    }

    /// `seed`'s support team, and a billing team whose only member is carol
    /// (an operator).
    pub fn seed_with_billing(&self) {
        self.seed();
        self.run(&[
            "operators",
            "add",
            "carol",
            "--name",
            "Carol",
            "--email",
            "carol@example.com",
        ]);
        self.run(&[
            "teams", "add", "billing", "--name", "Billing", "--member", "carol",
        ]);
    }

    /// Makes the desk exist with nothing in it, as applying an empty document
    /// does: a read never creates one.
    pub fn create(&self) {
        let file = self.dir.path().join("empty.yaml");
        std::fs::write(&file, "apiVersion: deskctl/v1\nkind: Desk\n").unwrap();
        self.run(&["apply", "-f", path_str(&file), "--yes"]);
    }

    /// A token for `handle`, created on the local desk as its owner.
    pub fn token(&self, handle: &str) -> String {
        self.run(&["tokens", "create", "--operator", handle])
            .trim()
            .to_string()
    }

    /// Starts `deskctl serve` on this desk, on a free loopback port.
    pub fn serve(&self) -> Server {
        self.serve_with(&[])
    }

    /// `deskctl serve` with `extra` arguments (e.g. `--log-format json`).
    pub fn serve_with(&self, extra: &[&str]) -> Server {
        self.serve_named("serve", extra)
    }

    /// `deskctl serve` logging to `<name>.log`: one of several on this desk.
    pub fn serve_named(&self, name: &str, extra: &[&str]) -> Server {
        self.serve_by(self.std_cmd(), name, extra)
    }

    /// [`Self::serve_named`] run by `command`: this desk's `deskctl`
    /// ([`Self::std_cmd`]) with its environment changed as a test needs.
    pub fn serve_by(&self, mut command: Command, name: &str, extra: &[&str]) -> Server {
        let log = self.dir.path().join(format!("{name}.log"));
        let mut child = command
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = line.trim().to_string();
        assert!(
            url.starts_with("http://127.0.0.1:"),
            "serve printed {url:?}"
        );
        Server { child, url, log }
    }
}

impl Desk {
    /// `deskctl serve` with `--smtp-listen` on a free loopback port, and
    /// `extra` arguments: the server and the SMTP listener's `host:port`.
    pub fn serve_smtp(&self, extra: &[&str]) -> (Server, String) {
        let log = self.dir.path().join("serve-smtp.log");
        let mut child = self
            .std_cmd()
            .args([
                "serve",
                "--listen",
                "127.0.0.1:0",
                "--smtp-listen",
                "127.0.0.1:0",
            ])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (mut url, mut smtp) = (String::new(), String::new());
        stdout.read_line(&mut url).unwrap();
        stdout.read_line(&mut smtp).unwrap();
        let url = url.trim().to_string();
        assert!(
            url.starts_with("http://127.0.0.1:"),
            "serve printed {url:?}"
        );
        let smtp = smtp.trim().to_string();
        assert!(
            smtp.starts_with("smtp://127.0.0.1:"),
            "serve printed {smtp:?}"
        );
        let smtp = smtp.trim_start_matches("smtp://").to_string();
        (Server { child, url, log }, smtp)
    }
}

trait SetEnv {
    fn set(&mut self, key: &str, value: &std::ffi::OsStr);
}

impl SetEnv for assert_cmd::Command {
    fn set(&mut self, key: &str, value: &std::ffi::OsStr) {
        self.env(key, value);
    }
}

impl SetEnv for Command {
    fn set(&mut self, key: &str, value: &std::ffi::OsStr) {
        self.env(key, value);
    }
}

/// A running `deskctl serve`; stopped with SIGTERM when dropped.
pub struct Server {
    pub child: Child,
    pub url: String,
    pub log: PathBuf,
}

impl Server {
    pub fn address(&self) -> String {
        self.url.trim_start_matches("http://").to_string()
    }

    /// Sends a raw HTTP/1.1 request and returns the status code, headers and body.
    pub fn raw(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> RawResponse {
        let mut stream = TcpStream::connect(self.address()).unwrap();
        let mut request = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n",
            self.address(),
            body.len()
        );
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        request.push_str("\r\n");
        stream.write_all(request.as_bytes()).unwrap();
        // The server may answer (413) before reading a large body and close.
        let _ = stream.write_all(body);
        let mut response = Vec::new();
        let _ = stream.read_to_end(&mut response);
        RawResponse::parse(&response)
    }

    /// Sends `body` as JSON with `token`, and returns the status and the
    /// JSON answer.
    pub fn send_json(
        &self,
        token: &str,
        method: &str,
        path: &str,
        body: &serde_json::Value,
    ) -> (u16, serde_json::Value) {
        let auth = format!("Bearer {token}");
        let headers = [
            ("Authorization", auth.as_str()),
            ("Content-Type", "application/json"),
        ];
        let body = serde_json::to_vec(body).unwrap();
        let response = self.raw(method, path, &headers, &body);
        (response.status, response.json())
    }

    /// Stops the server with SIGTERM and returns its exit code.
    pub fn terminate(mut self) -> Option<i32> {
        signal(&self.child, "TERM");
        let status = self.child.wait().unwrap();
        status.code()
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Kills the server with SIGKILL, as a crash would, and reaps it.
    pub fn kill(&mut self) {
        signal(&self.child, "KILL");
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            signal(&self.child, "TERM");
            let _ = self.child.wait();
        }
    }
}

fn signal(child: &Child, name: &str) {
    let status = Command::new("kill")
        .args([format!("-{name}"), child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

#[derive(Debug)]
pub struct RawResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl RawResponse {
    pub fn parse(bytes: &[u8]) -> RawResponse {
        let text = String::from_utf8_lossy(bytes);
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        RawResponse {
            status,
            headers,
            body: body.to_string(),
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

/// A loopback port nobody listens on, for a test to leave down and listen on
/// later (a receiver that comes back, a server restarted on its address). It
/// lies outside the kernel's ephemeral range, from which every outgoing
/// connection and every `bind` to port 0 of the tests running beside it take
/// theirs: a port from that range, free a moment ago, could be anyone's by
/// the time the test listens on it. Each call in this process gives another.
pub fn unclaimed_port() -> u16 {
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let (low, high) = std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range")
        .ok()
        .and_then(|range| {
            let mut ends = range.split_whitespace().map(|n| n.parse::<u32>());
            Some((ends.next()?.ok()?, ends.next()?.ok()?))
        })
        .unwrap_or((32768, 60999));
    // Below the range when there is room there, else above it.
    let (first, count) = if low > 11_000 {
        (10_000, low - 10_000)
    } else {
        (high + 1, 65_535 - high)
    };
    let start = std::process::id().wrapping_mul(7919);
    for _ in 0..count {
        let offset = start.wrapping_add(NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed));
        let port = (first + offset % count) as u16;
        if std::net::TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
    panic!("no free loopback port outside the ephemeral range {low}-{high}");
}

pub fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

impl Desk {
    /// Runs deskctl on an 80-column pseudo-terminal (util-linux `script`), as a
    /// person at a terminal would, and returns what the terminal showed (stdout
    /// and stderr).
    pub fn run_on_terminal(&self, args: &[&str]) -> String {
        self.run_on_terminal_sized(80, args)
    }

    /// Runs deskctl on a pseudo-terminal `columns` wide (set with `stty`, as a
    /// resized window would be) and returns what it showed.
    pub fn run_on_terminal_sized(&self, columns: u16, args: &[&str]) -> String {
        let output = self.terminal_command(columns, args).output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stdout)
        );
        String::from_utf8(output.stdout)
            .unwrap()
            .replace("\r\n", "\n")
    }

    /// `script` running deskctl on a pseudo-terminal `columns` wide, with a
    /// terminal's TERM; add environment variables before running it.
    pub fn terminal_command(&self, columns: u16, args: &[&str]) -> Command {
        let quoted: Vec<String> = std::iter::once(BIN.to_string())
            .chain(args.iter().map(|a| a.to_string()))
            .map(|a| shell_quote(&a))
            .collect();
        let line = format!("stty cols {columns} rows 40; exec {}", quoted.join(" "));
        let mut cmd = self.std_cmd_of("script");
        cmd.env("TERM", "xterm-256color")
            .args(["-qec", &line, "/dev/null"]);
        cmd
    }
}

/// `text` quoted for `sh`.
pub fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}

/// Polls `check` every 25 ms until it gives a value, and fails the test naming
/// `what` if `timeout` passes first: waits end on the event, never on a sleep.
pub fn wait_until<T>(
    what: &str,
    timeout: std::time::Duration,
    mut check: impl FnMut() -> Option<T>,
) -> T {
    wait_until_seen(what, timeout, || check().ok_or_else(String::new))
}

/// [`wait_until`], for a `check` that says what it saw instead when it
/// gives no value yet: a failure shows the last of it.
pub fn wait_until_seen<T>(
    what: &str,
    timeout: std::time::Duration,
    mut check: impl FnMut() -> Result<T, String>,
) -> T {
    let deadline = std::time::Instant::now() + timeout;
    loop {
        let seen = match check() {
            Ok(value) => return value,
            Err(seen) => seen,
        };
        assert!(
            std::time::Instant::now() < deadline,
            "timed out after {timeout:?} waiting for {what}{}",
            if seen.is_empty() {
                String::new()
            } else {
                format!("; last seen:\n{seen}")
            }
        );
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
}

impl Desk {
    /// `deskctl` as the holder of `token`, against `server` instead of the local desk.
    pub fn as_token(&self, server: &Server, token: &str) -> assert_cmd::Command {
        let mut cmd = self.elsewhere();
        cmd.env("DESKCTL_TOKEN", token)
            .arg("--server")
            .arg(&server.url);
        cmd
    }
}

/// The location of a SQLite desk file.
pub fn sqlite(path: &Path) -> deskctl::server::store::Location {
    deskctl::server::store::Location::Sqlite(path.to_path_buf())
}

impl Desk {
    /// Ticket fields plan (a dropdown of pro and enterprise), seats (a
    /// number) and vip (a checkbox), filled from handoffs' context keys of
    /// those names.
    pub fn add_plan_fields(&self) {
        self.run(&[
            "fields",
            "add",
            "plan",
            "--name",
            "Plan",
            "--type",
            "dropdown",
            "--option",
            "pro",
            "--option",
            "enterprise",
        ]);
        self.run(&[
            "fields", "add", "seats", "--name", "Seats", "--type", "number",
        ]);
        self.run(&[
            "fields", "add", "vip", "--name", "VIP", "--type", "checkbox",
        ]);
    }

    /// An agent `shop` whose handoffs open inbox tickets, and `count` tickets
    /// (10001 upward) with a 49-character requester name and a long subject.
    pub fn seed_tickets(&self, count: usize) {
        self.seed_shop();
        let path = self.dir.path().join("handoff.json");
        for n in 1..=count {
            std::fs::write(&path, seeded_handoff(n).to_string()).unwrap();
            self.run(&["handoff", "send", "-f", path_str(&path)]);
        }
    }

    /// The tickets of [`Desk::seed_tickets`], sent through the in-process
    /// client rather than a process each: for views of more than a page.
    pub fn seed_many_tickets(&self, count: usize) {
        self.seed_shop();
        let runtime = tokio::runtime::Runtime::new().unwrap();
        runtime.block_on(async {
            let client = deskctl::client::Client::local(&self.location(), keys())
                .await
                .unwrap();
            for n in 1..=count {
                let handoff = serde_json::from_value(seeded_handoff(n)).unwrap();
                client
                    .send_handoff(&handoff, &format!("seeded-{n}"), 0)
                    .await
                    .unwrap();
            }
        });
    }

    fn seed_shop(&self) {
        self.run(&["agents", "add", "shop", "--name", "Shop"]);
        self.run(&["actions", "set", "shop", "--channel", "web"]);
        self.run(&["assignment", "set", "--method", "manual"]);
    }
}

/// The handoff that opens the `n`th seeded ticket.
fn seeded_handoff(n: usize) -> serde_json::Value {
    serde_json::json!({
        "agent": "shop", "environment": "production", "channel": "web",
        "requester": {
            "name": format!("A Very Long Requester Name Of Forty-Nine Chars {n:02}"),
            "email": format!("customer{n}@example.com"),
        },
        "transcript": [{"role": "customer",
            "text": format!("Order {n} has not arrived and I would like to know where it is")}],
        "reason": "explicit-request",
    })
}

/// The `field` of every entry of a validation problem's `errors[]`, in order.
pub fn error_fields(problem: &serde_json::Value) -> Vec<&str> {
    problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect()
}

/// Whether `tool` can be run. Without it a test skips, except in CI (`CI`
/// set), where a missing tool is a failure: .ci/run installs them.
/// Starts every one of `commands` before waiting for any, and fails the test
/// with `what`'s and the command's stderr unless each succeeds.
pub fn succeed_together(what: &str, commands: impl IntoIterator<Item = Command>) {
    let children: Vec<Child> = commands
        .into_iter()
        .map(|mut command| {
            command
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{what}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

pub fn have_tool(tool: &str) -> bool {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "{tool} is missing: .ci/run installs it"
        );
        eprintln!("skipped: {tool} is not installed");
    }
    found
}

/// A shell in a tmux window, to drive deskctl as a person at a terminal does:
/// type, press keys (Ctrl-C included), read the screen and the cursor.
pub struct Tmux {
    socket: PathBuf,
}

impl Tmux {
    /// A `bash` in a `columns`×`rows` window with this desk's environment.
    pub fn start(desk: &Desk, columns: u16, rows: u16) -> Tmux {
        let socket = desk.dir.path().join("tmux.sock");
        let status = desk
            .std_cmd_of("tmux")
            .env("TERM", "xterm-256color")
            .args([
                "-S",
                path_str(&socket),
                "-f",
                "/dev/null",
                "new-session",
                "-d",
            ])
            .args(["-x", &columns.to_string(), "-y", &rows.to_string()])
            .args(["bash", "--norc", "--noprofile"])
            .status()
            .unwrap();
        assert!(status.success(), "tmux did not start");
        let tmux = Tmux { socket };
        tmux.type_line("PS1='@@ '; clear");
        tmux.wait_until_clear();
        tmux
    }

    fn tmux(&self, args: &[&str]) -> String {
        let output = Command::new("tmux")
            .args(["-S", path_str(&self.socket)])
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Types `text` and presses Enter.
    pub fn type_line(&self, text: &str) {
        self.tmux(&["send-keys", "-l", text]);
        self.tmux(&["send-keys", "Enter"]);
    }

    /// Types `text` without pressing Enter.
    pub fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-l", text]);
    }

    /// Pastes `text` as a terminal does (`paste-buffer -p`): inside
    /// bracketed-paste markers when the program asked for them, its line
    /// breaks sent as carriage returns, as Enter is.
    pub fn paste(&self, text: &str) {
        use std::io::Write;
        let mut load = Command::new("tmux")
            .args(["-S", path_str(&self.socket), "load-buffer", "-"])
            .stdin(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        load.stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
        assert!(load.wait().unwrap().success(), "tmux load-buffer failed");
        self.tmux(&["paste-buffer", "-p", "-d"]);
    }

    /// Waits until `ready` holds for the screen (`what` names it for a failure).
    pub fn wait_until_screen(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        wait_until_seen(what, std::time::Duration::from_secs(20), || {
            let screen = self.screen();
            if ready(&screen) {
                Ok(screen)
            } else {
                Err(screen)
            }
        })
    }

    /// Presses keys by tmux's names, e.g. `C-c`, `Tab`, `Enter`.
    pub fn press(&self, key: &str) {
        self.tmux(&["send-keys", key]);
    }

    /// Presses `key` `times` times over, as a held key does.
    pub fn press_times(&self, key: &str, times: usize) {
        self.tmux(&["send-keys", "-N", &times.to_string(), key]);
    }

    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p"])
    }

    /// Waits until the screen shows `text`, and returns the screen.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_for_all(&[text])
    }

    /// Waits until the screen shows every one of `texts` at once, and returns
    /// the screen. A program draws a screen in more than one write, so a
    /// capture that shows the first of them may not show the rest yet.
    pub fn wait_for_all(&self, texts: &[&str]) -> String {
        self.wait_until_screen(&format!("the terminal to show {texts:?}"), |screen| {
            texts.iter().all(|text| screen.contains(text))
        })
    }

    /// Runs `line` in the shell and returns its exit status and the screen.
    pub fn run(&self, line: &str) -> (i32, String) {
        self.type_line(&format!("{line}; echo \"exit=$?.\""));
        self.wait_exit()
    }

    /// Waits for the `exit=N.` a [`Tmux::run`] line prints, then clears it.
    pub fn wait_exit(&self) -> (i32, String) {
        let screen = self.wait_for(".\n@@");
        let code = screen
            .rsplit_once("exit=")
            .and_then(|(_, rest)| rest.split_once('.'))
            .and_then(|(code, _)| code.parse().ok())
            .unwrap_or_else(|| panic!("no exit status on the screen:\n{screen}"));
        self.type_line("clear");
        self.wait_until_clear();
        (code, screen)
    }

    fn wait_until_clear(&self) {
        self.wait_until_screen("the screen to clear", |screen| screen.trim() == "@@");
    }

    /// Whether the terminal shows its cursor (a prompt that hid it and was
    /// interrupted must show it again).
    pub fn cursor_visible(&self) -> bool {
        self.tmux(&["display-message", "-p", "#{cursor_flag}"])
            .trim()
            == "1"
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.close();
    }
}

impl Tmux {
    /// Closes the window and its terminal, as closing a terminal emulator
    /// does: whatever runs in it is sent SIGHUP and reads end-of-file.
    pub fn close(&self) {
        let _ = Command::new("tmux")
            .args(["-S", path_str(&self.socket), "kill-server"])
            .status();
    }
}

/// The keys every store these tests open in-process seals secrets with: one
/// key for the whole run, so two stores of one desk open each other's secrets.
pub fn keys() -> deskctl::server::sealing::Keys {
    deskctl::server::sealing::Keys::given(vec![keys_key()])
}

/// The one key of [`keys`].
pub fn keys_key() -> deskctl::server::sealing::Key {
    use deskctl::server::sealing::Key;
    static KEY: std::sync::LazyLock<Key> = std::sync::LazyLock::new(Key::generate);
    KEY.clone()
}

/// `deskctl schema`, compiled by a JSON Schema validator that checks formats.
pub fn schema_validator() -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(&deskctl::manifest::json_schema()).unwrap();
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles")
}

/// Every way `document` breaks `deskctl schema`, each with where.
pub fn schema_errors(document: &serde_json::Value) -> Vec<String> {
    schema_validator()
        .iter_errors(document)
        .map(|error| format!("{}: {error}", error.instance_path()))
        .collect()
}
