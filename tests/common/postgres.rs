//! A throwaway PostgreSQL for the test process, and a fresh database per test.
//!
//! `DESKCTL_TEST_POSTGRES_URL` names a server to use (a superuser URL; each test
//! gets its own `deskctl_<unique>` database on it, dropped with the handle).
//! Otherwise the machine's own server binaries (`/usr/lib/postgresql/*/bin`, or
//! `initdb` on PATH) make a cluster in a temporary directory, started once per
//! test process and listening only on a Unix socket in that directory: no TCP
//! port, so parallel test runs never collide. PostgreSQL refuses to run as root,
//! and CI runs as root: then the cluster belongs to the `postgres` user.
//!
//! A detached watchdog stops the cluster (`pg_ctl stop -m immediate`) and
//! removes its directory when the test process exits, however it exits: it
//! waits for end-of-file on a pipe only this process holds (close-on-exec, so no
//! child inherits it). Neither the server nor the watchdog holds the test's
//! stdout or stderr.
//!
//! Without PostgreSQL the tests that need it fail in CI (`CI` set), naming what
//! to install; elsewhere they skip with a note on stderr.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};

/// The environment variable naming an existing PostgreSQL server for the tests.
pub const TEST_URL: &str = "DESKCTL_TEST_POSTGRES_URL";

/// Where the test process's PostgreSQL is.
enum Server {
    /// `DESKCTL_TEST_POSTGRES_URL`: a running server, its URL as given.
    External { url: String },
    /// A cluster this process started.
    Local(Cluster),
}

#[derive(Clone)]
struct Cluster {
    /// The cluster's directory: `data/`, the socket and the server's log.
    dir: PathBuf,
    /// Its `bin/` directory (`psql`, `pg_ctl`).
    bin: PathBuf,
    /// The superuser made by `initdb`.
    user: String,
    /// The server's settings (`postgres` options), the socket's directory aside.
    settings: String,
    /// Its port: the socket's name, and on TCP (when `settings` listen there).
    port: u16,
    /// The write end of the watchdog's pipe: closed when the last handle goes.
    _watchdog: std::sync::Arc<std::process::ChildStdin>,
}

static SERVER: OnceLock<Result<Server, String>> = OnceLock::new();
static NEXT: AtomicU32 = AtomicU32::new(0);
/// Whether the cluster this process starts keeps what it commits.
static DURABLE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Makes the cluster this process starts durable (fsync, synchronous commit,
/// full page writes), as a real server is: for benchmarks, which measure what
/// a commit costs. Call before the first [`database`].
pub fn durable() {
    DURABLE.store(true, Ordering::Relaxed);
}

/// Gives the durable cluster's WAL the segments a server that has been
/// running has: its first gigabyte of WAL written (a message per segment,
/// then a switch to the next), then a checkpoint, which keeps those segments
/// to reuse (`min_wal_size`). A fresh cluster creates and zero-fills a 16 MB
/// segment each time the last one fills, every second or so under a
/// benchmark's load, and every commit waits meanwhile: 100 ms stalls that a
/// server in use never has (`docs/performance.md`, fifteenth session).
pub fn warm_wal(database: &Database) {
    database.sql(
        "DO $$ BEGIN FOR segment IN 1..64 LOOP \
         PERFORM pg_logical_emit_message(false, 'warm', 'up'); PERFORM pg_switch_wal(); \
         END LOOP; END $$",
    );
    database.sql("CHECKPOINT");
}

/// The directory of the running server's binaries (`psql`, `pgbench`), if
/// this process started it.
pub fn binaries() -> Option<PathBuf> {
    match SERVER.get()?.as_ref().ok()? {
        Server::Local(cluster) => Some(cluster.bin.clone()),
        Server::External { .. } => None,
    }
}

/// The port of a cluster on its socket alone: PostgreSQL's own.
const DEFAULT_PORT: u16 = 5432;

/// The superuser the throwaway cluster is made with.
const SUPERUSER: &str = "deskctl";

/// A fresh, empty database for one test, or `None` (after a note on stderr)
/// when this machine has no PostgreSQL and the run is not CI.
pub fn database() -> Option<Database> {
    let server = match SERVER.get_or_init(start) {
        Ok(server) => server,
        Err(why) => return unavailable(why),
    };
    Some(server.create_database())
}

/// Fails the test in CI (`CI` set), where PostgreSQL must be there; elsewhere
/// notes on stderr that it is skipped.
fn unavailable<T>(why: &str) -> Option<T> {
    let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false");
    assert!(
        !ci,
        "PostgreSQL is needed for these tests and could not be started: {why}\n\
         (.ci/run installs the `postgresql` package; or set {TEST_URL})"
    );
    eprintln!(
        "SKIPPED (PostgreSQL unavailable: {why}; install the `postgresql` package \
         or set {TEST_URL})"
    );
    None
}

/// A cluster of one test's own, which the test may crash and start again:
/// `None` where [`database`] would skip, and (after a note) when the tests
/// were given a server (`DESKCTL_TEST_POSTGRES_URL`), which is not theirs to
/// crash. Its commits wait for the WAL to be written (`synchronous_commit`
/// on), so what is committed survives the crash of its processes; not the
/// machine's (`fsync` off).
pub fn own_cluster() -> Option<OwnCluster> {
    if std::env::var_os(TEST_URL).is_some() {
        eprintln!("SKIPPED (this test crashes its own cluster; {TEST_URL} names a shared server)");
        return None;
    }
    let cluster = server_binaries().and_then(|bin| {
        Cluster::start(
            bin,
            "-c fsync=off -c full_page_writes=off -c max_connections=100 -c shared_buffers=32MB",
            DEFAULT_PORT,
        )
    });
    match cluster {
        Ok(cluster) => Some(OwnCluster { cluster }),
        Err(why) => unavailable(&why),
    }
}

/// A cluster of one test's own ([`own_cluster`]) that also takes plain TCP
/// connections on 127.0.0.1 ([`TcpCluster::database`]). Once it is down, a
/// connection there is refused, which a pool waits out as a server starting
/// up would be; a socket whose file is gone fails at once instead.
pub fn own_tcp_cluster() -> Option<TcpCluster> {
    tcp_cluster("")
}

/// A cluster of one test's own that takes plain TCP connections on the IPv6
/// loopback, `::1`, alone: `None` (after a note) where this machine has no
/// IPv6 loopback, or where [`own_cluster`] would be.
pub fn own_ipv6_cluster() -> Option<TcpCluster> {
    let Ok(listener) = std::net::TcpListener::bind("[::1]:0") else {
        eprintln!("SKIPPED (this machine has no IPv6 loopback, ::1)");
        return None;
    };
    let port = listener.local_addr().expect("a bound port").port();
    drop(listener);
    cluster_on_tcp(Ipv6Addr::LOCALHOST.into(), port, "")
}

/// A cluster of one test's own that listens on 127.0.0.1 too, at a free port,
/// started with `settings` besides its own: `None` where [`own_cluster`] would be.
fn tcp_cluster(settings: &str) -> Option<TcpCluster> {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port();
    cluster_on_tcp(Ipv4Addr::LOCALHOST.into(), port, settings)
}

/// A cluster of one test's own that listens on `address`, at `port`, too.
fn cluster_on_tcp(address: IpAddr, port: u16, settings: &str) -> Option<TcpCluster> {
    if std::env::var_os(TEST_URL).is_some() {
        eprintln!(
            "SKIPPED (this test needs a cluster of its own; {TEST_URL} names a shared server)"
        );
        return None;
    }
    let settings = format!(
        "-c fsync=off -c full_page_writes=off -c max_connections=100 -c shared_buffers=32MB \
         -c listen_addresses={address} {settings}"
    );
    match server_binaries().and_then(|bin| Cluster::start(bin, &settings, port)) {
        Ok(cluster) => Some(TcpCluster {
            own: OwnCluster { cluster },
            address,
            port,
        }),
        Err(why) => unavailable(&why),
    }
}

/// See [`own_tcp_cluster`].
pub struct TcpCluster {
    pub own: OwnCluster,
    /// The address it listens on besides its socket.
    pub address: IpAddr,
    pub port: u16,
}

impl TcpCluster {
    /// A fresh, empty database in this cluster, its URL over TCP to
    /// [`Self::address`] (in brackets when it is IPv6, as URLs write it).
    pub fn database(&self) -> Database {
        let mut database = self.own.database();
        let host = match self.address {
            IpAddr::V4(address) => address.to_string(),
            IpAddr::V6(address) => format!("[{address}]"),
        };
        database.url = format!(
            "postgres://{SUPERUSER}@{host}:{}/{}",
            self.port, database.name
        );
        database
    }
}

/// A cluster of one test's own that takes TCP connections on 127.0.0.1 with
/// TLS only (`hostssl`; a plain connection finds no `pg_hba.conf` entry),
/// its certificate (for `localhost` and `127.0.0.1`) signed by a CA made
/// with [`make_certificates`] (the caller makes sure of `openssl`). `None` where
/// [`own_cluster`] would be.
pub fn tls_cluster() -> Option<TlsCluster> {
    let root = is_root();
    let files = tempfile::Builder::new()
        .prefix("deskctl-pg-tls-")
        .tempdir_in(if root {
            PathBuf::from("/tmp")
        } else {
            std::env::temp_dir()
        })
        .expect("a directory for the certificates");
    let path = |name: &str| files.path().join(name);
    make_certificates(files.path());
    std::fs::write(
        path("pg_hba.conf"),
        "local all all trust\nhostssl all all 127.0.0.1/32 trust\n",
    )
    .unwrap();
    // PostgreSQL refuses a key that others may read, and must read it itself.
    let _ = Command::new("chmod")
        .arg("0600")
        .arg(path("server.key"))
        .status();
    let _ = Command::new("chmod").arg("0755").arg(files.path()).status();
    if root {
        let _ = Command::new("chown")
            .args(["-R", "postgres:postgres"])
            .arg(files.path())
            .status();
    }
    let tcp = tcp_cluster(&format!(
        "-c ssl=on -c ssl_cert_file={} -c ssl_key_file={} -c hba_file={}",
        path("server.pem").display(),
        path("server.key").display(),
        path("pg_hba.conf").display()
    ))?;
    Some(TlsCluster { tcp, files })
}

/// A CA (`ca.pem`, `ca.key`) made in `dir` with `openssl` (which the caller
/// makes sure of), and a certificate it signed for `localhost` and
/// `127.0.0.1` (`server.pem`, `server.key`).
pub fn make_certificates(dir: &Path) {
    let openssl = |args: &[&str]| {
        let output = Command::new("openssl")
            .args(args)
            .current_dir(dir)
            .output()
            .expect("openssl runs");
        assert!(
            output.status.success(),
            "openssl: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    let ec = [
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
    ];
    let ca = [
        "-subj",
        "/CN=deskctl test CA",
        "-days",
        "2",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
    ];
    openssl(&[&["req", "-x509"][..], &ec, &ca].concat());
    let server = [
        "-subj",
        "/CN=localhost",
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
    ];
    openssl(&[&["req"][..], &ec, &server].concat());
    std::fs::write(
        dir.join("san.ext"),
        "subjectAltName=DNS:localhost,IP:127.0.0.1\n",
    )
    .unwrap();
    openssl(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        "san.ext",
        "-out",
        "server.pem",
    ]);
}

/// A cluster of one test's own that takes TCP connections on 127.0.0.1 only
/// with a password (`scram-sha-256`): its superuser's is `password`. `None`
/// where [`own_cluster`] would be.
pub fn password_cluster(password: &str) -> Option<PasswordCluster> {
    let files = tempfile::Builder::new()
        .prefix("deskctl-pg-password-")
        .tempdir_in(if is_root() {
            PathBuf::from("/tmp")
        } else {
            std::env::temp_dir()
        })
        .expect("a directory for pg_hba.conf");
    let hba = files.path().join("pg_hba.conf");
    std::fs::write(
        &hba,
        "local all all trust\nhost all all 127.0.0.1/32 scram-sha-256\n",
    )
    .unwrap();
    // The server, as user postgres when root, reads it.
    let _ = Command::new("chmod").arg("0755").arg(files.path()).status();
    let _ = Command::new("chmod").arg("0644").arg(&hba).status();
    let tcp = tcp_cluster(&format!("-c hba_file={}", hba.display()))?;
    tcp.own
        .database()
        .sql(&format!("ALTER ROLE {SUPERUSER} PASSWORD '{password}'"));
    Some(PasswordCluster { tcp, _files: files })
}

/// See [`password_cluster`].
pub struct PasswordCluster {
    pub tcp: TcpCluster,
    /// Its `pg_hba.conf`.
    _files: tempfile::TempDir,
}

/// See [`tls_cluster`].
pub struct TlsCluster {
    pub tcp: TcpCluster,
    /// The CA's and the server's certificates and keys.
    files: tempfile::TempDir,
}

impl TlsCluster {
    /// The CA certificate that signed the server's.
    pub fn ca(&self) -> PathBuf {
        self.files.path().join("ca.pem")
    }
}

/// See [`own_cluster`].
pub struct OwnCluster {
    cluster: Cluster,
}

impl OwnCluster {
    /// A fresh, empty database in this cluster.
    pub fn database(&self) -> Database {
        let server = Server::Local(self.cluster.clone());
        let mut database = server.create_database();
        database.own = Some(server);
        database
    }

    /// Stops the server as a crash would (`pg_ctl stop -m immediate`): what
    /// its processes had not written is gone, and the next start recovers
    /// from the WAL.
    pub fn crash(&self) {
        let status = self
            .cluster
            .as_owner("pg_ctl")
            .arg("-D")
            .arg(self.cluster.data())
            .args(["stop", "-m", "immediate"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        assert!(status.is_ok_and(|s| s.success()), "pg_ctl stop failed");
    }

    /// Starts the server again after [`Self::crash`].
    pub fn restart(&self) {
        self.cluster
            .start_server()
            .expect("the cluster starts again");
    }
}

/// One test's database; dropped with this handle when it is on a server the
/// tests did not start (a throwaway cluster goes away whole).
pub struct Database {
    /// The URL deskctl takes (`--database`, `DESKCTL_DATABASE_URL`).
    pub url: String,
    pub name: String,
    drop_after: bool,
    /// The cluster of one test's own it is in ([`own_cluster`]); `None` for
    /// the test process's server.
    own: Option<Server>,
}

impl Database {
    /// Runs `sql` in this database with psql and returns its unaligned output
    /// (`|`-separated columns, one row a line); a failure fails the test.
    pub fn sql(&self, sql: &str) -> String {
        match &self.own {
            Some(own) => own.sql(&self.name, sql),
            None => server().sql(&self.name, sql),
        }
    }
}

impl Drop for Database {
    fn drop(&mut self) {
        if self.drop_after {
            let _ = server().try_sql(
                "postgres",
                &format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name),
            );
        }
    }
}

fn server() -> &'static Server {
    SERVER
        .get()
        .and_then(|s| s.as_ref().ok())
        .expect("a database handle exists only once the server runs")
}

impl Server {
    /// A fresh, empty database on this server, named for this process.
    fn create_database(&self) -> Database {
        let name = format!(
            "deskctl_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        self.sql("postgres", &format!("CREATE DATABASE {name}"));
        Database {
            url: self.url(&name),
            name,
            drop_after: matches!(self, Server::External { .. }),
            own: None,
        }
    }

    /// The URL of database `name`, in the form sqlx (and psql) accept. A
    /// socket URL names no host and passes the user as a parameter:
    /// `postgres://user@/db` does not parse (the `url` crate refuses a user
    /// without a host).
    fn url(&self, name: &str) -> String {
        match self {
            Server::External { url } => with_database(url, name),
            Server::Local(cluster) => format!(
                "postgres:///{name}?host={}&port={}&user={}",
                cluster.dir.display(),
                cluster.port,
                cluster.user
            ),
        }
    }

    fn psql(&self) -> Command {
        let mut cmd = match self {
            Server::External { .. } => Command::new("psql"),
            Server::Local(cluster) => Command::new(cluster.bin.join("psql")),
        };
        cmd.env_remove("PGSERVICE")
            .env("PGCONNECT_TIMEOUT", "10")
            .args(["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1"])
            .stdin(Stdio::null());
        cmd
    }

    fn try_sql(&self, database: &str, sql: &str) -> Result<String, String> {
        let output = self
            .psql()
            .args(["-d", &self.url(database), "-c", sql])
            .output()
            .map_err(|e| format!("cannot run psql: {e}"))?;
        if output.status.success() {
            Ok(String::from_utf8_lossy(&output.stdout).into_owned())
        } else {
            Err(String::from_utf8_lossy(&output.stderr).into_owned())
        }
    }

    fn sql(&self, database: &str, sql: &str) -> String {
        self.try_sql(database, sql)
            .unwrap_or_else(|e| panic!("psql failed on {sql:?} in {database}: {e}"))
    }
}

/// `url` with its path (the database) replaced by `/name`, query kept.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let authority_start = base.find("://").map_or(0, |i| i + 3);
    let path_start = base[authority_start..]
        .find('/')
        .map_or(base.len(), |i| authority_start + i);
    let mut out = format!("{}/{name}", &base[..path_start]);
    if let Some(query) = query {
        out.push('?');
        out.push_str(query);
    }
    out
}

fn start() -> Result<Server, String> {
    if let Some(url) = std::env::var_os(TEST_URL) {
        let url = url
            .into_string()
            .map_err(|_| format!("{TEST_URL} is not UTF-8"))?;
        let server = Server::External { url };
        server
            .try_sql("postgres", "SELECT 1")
            .map_err(|e| format!("{TEST_URL} does not answer: {}", e.trim()))?;
        return Ok(server);
    }
    let bin = server_binaries()?;
    // Fast and fragile on purpose: a test cluster needs no durability.
    let settings = match DURABLE.load(Ordering::Relaxed) {
        false => {
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off \
             -c max_connections=400 -c shared_buffers=32MB"
        }
        // A gigabyte of WAL segments kept for reuse (see `warm_wal`).
        true => {
            "-c max_connections=400 -c shared_buffers=256MB -c min_wal_size=1GB \
             -c max_wal_size=4GB"
        }
    };
    Cluster::start(bin, settings, DEFAULT_PORT).map(Server::Local)
}

/// The newest `/usr/lib/postgresql/N/bin` with `initdb` and `pg_ctl`, or the
/// directory of `initdb` on PATH.
fn server_binaries() -> Result<PathBuf, String> {
    let has_both = |dir: &Path| dir.join("initdb").is_file() && dir.join("pg_ctl").is_file();
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let version = entry.file_name().to_str()?.parse().ok()?;
            let bin = entry.path().join("bin");
            has_both(&bin).then_some((version, bin))
        })
        .collect();
    versions.sort();
    if let Some((_, bin)) = versions.pop() {
        return Ok(bin);
    }
    let on_path = Command::new("sh")
        .args(["-c", "command -v initdb"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()));
    match on_path.as_deref().and_then(Path::parent) {
        Some(dir) if has_both(dir) => Ok(dir.to_path_buf()),
        _ => Err("no PostgreSQL server binaries (initdb, pg_ctl) in \
                  /usr/lib/postgresql/*/bin or on PATH"
            .into()),
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

impl Cluster {
    /// Makes a cluster in a new directory and starts it with `settings`.
    fn start(bin: PathBuf, settings: &str, port: u16) -> Result<Cluster, String> {
        let root = is_root();
        // As root the cluster belongs to `postgres`, which must reach the
        // directory: /tmp, not a TMPDIR that may sit under /root.
        let base = if root {
            PathBuf::from("/tmp")
        } else {
            std::env::temp_dir()
        };
        let dir = tempfile::Builder::new()
            .prefix("deskctl-pg-")
            .tempdir_in(&base)
            .map_err(|e| format!("cannot make a directory in {}: {e}", base.display()))?
            .keep();
        if root {
            let chown = Command::new("chown")
                .args(["postgres:postgres"])
                .arg(&dir)
                .status();
            if !chown.is_ok_and(|s| s.success()) {
                let _ = std::fs::remove_dir_all(&dir);
                return Err(
                    "running as root, and cannot give the cluster's directory to \
                            the `postgres` user (does it exist?)"
                        .into(),
                );
            }
            // The socket lives here: everyone may reach it, only `postgres` writes.
            let _ = Command::new("chmod").arg("0755").arg(&dir).status();
        }
        // The watchdog first, so a failed start is cleaned up too.
        let stop = format!(
            "{} {} -D {} stop -m immediate",
            if root { "runuser -u postgres --" } else { "" },
            bin.join("pg_ctl").display(),
            dir.join("data").display()
        );
        let script = format!(
            "cat >/dev/null; {stop} >/dev/null 2>&1; rm -rf {}",
            dir.display()
        );
        let mut watchdog = Command::new("sh");
        watchdog
            .args(["-c", &script])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        // Its own process group: Ctrl-C on the test run does not kill it first.
        std::os::unix::process::CommandExt::process_group(&mut watchdog, 0);
        let mut watchdog = watchdog
            .spawn()
            .map_err(|e| format!("cannot start the watchdog: {e}"))?;
        let pipe = watchdog.stdin.take().expect("piped");
        let cluster = Cluster {
            dir,
            bin,
            user: SUPERUSER.to_string(),
            port,
            settings: settings.to_string(),
            _watchdog: std::sync::Arc::new(pipe),
        };
        let initdb = cluster
            .as_owner("initdb")
            .arg("-D")
            .arg(cluster.data())
            .args(["-U", SUPERUSER, "--auth=trust", "--encoding=UTF8"])
            .args(["--locale=C.UTF-8", "--no-sync", "--no-instructions"])
            .output();
        if !initdb.as_ref().is_ok_and(|o| o.status.success()) {
            return Err(failed("initdb", initdb));
        }
        cluster.start_server()?;
        Ok(cluster)
    }

    fn data(&self) -> PathBuf {
        self.dir.join("data")
    }

    /// `program` of the server's binaries, run as the cluster's owner.
    fn as_owner(&self, program: &str) -> Command {
        let mut cmd = if is_root() {
            let mut cmd = Command::new("runuser");
            cmd.args(["-u", "postgres", "--"])
                .arg(self.bin.join(program));
            cmd
        } else {
            Command::new(self.bin.join(program))
        };
        cmd.stdin(Stdio::null()).current_dir(&self.dir);
        cmd
    }

    /// Starts the server on the cluster's socket, and waits until it answers.
    fn start_server(&self) -> Result<(), String> {
        let options = format!(
            "-c listen_addresses='' -k {} -p {} {}",
            self.dir.display(),
            self.port,
            self.settings
        );
        let log = self.dir.join("server.log");
        let pg_ctl = self
            .as_owner("pg_ctl")
            .arg("-D")
            .arg(self.data())
            .arg("-l")
            .arg(&log)
            .args(["-w", "-t", "60", "-o", &options, "start"])
            // pg_ctl's own output to nothing: the server's goes to the log.
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        if !pg_ctl.as_ref().is_ok_and(|s| s.success()) {
            let log = std::fs::read_to_string(&log).unwrap_or_default();
            return Err(format!("pg_ctl start failed ({pg_ctl:?}): {}", log.trim()));
        }
        Ok(())
    }
}

/// What a failed command said, for the test's message.
fn failed(what: &str, output: std::io::Result<std::process::Output>) -> String {
    let detail = match output {
        Ok(o) => format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        ),
        Err(e) => e.to_string(),
    };
    format!("{what} failed: {}", detail.trim())
}

#[test]
fn a_database_url_keeps_the_query_and_replaces_the_path() {
    assert_eq!(
        with_database("postgres://u:p@h:5432/postgres?sslmode=disable", "d1"),
        "postgres://u:p@h:5432/d1?sslmode=disable"
    );
    assert_eq!(with_database("postgres://u@h", "d2"), "postgres://u@h/d2");
    assert_eq!(
        with_database("postgresql://u@/x?host=/tmp/s", "d3"),
        "postgresql://u@/d3?host=/tmp/s"
    );
}

#[test]
fn each_test_gets_its_own_empty_database() {
    let Some(first) = database() else { return };
    let second = database().unwrap();
    assert_ne!(first.name, second.name);
    first.sql("CREATE TABLE marker (id int)");
    assert_eq!(
        second
            .sql("SELECT count(*) FROM pg_tables WHERE tablename = 'marker'")
            .trim(),
        "0"
    );
    assert_eq!(first.sql("SELECT current_database()").trim(), first.name);
}
