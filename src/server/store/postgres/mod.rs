//! The PostgreSQL implementation of the store: a team's service, and the
//! replicas that share one database. Its own schema in PostgreSQL's types
//! (`migrations/postgres`), applied at start in one transaction under sqlx's
//! advisory lock, so replicas starting together apply it once, and a failed
//! start leaves none of it.
//!
//! Replicas share nothing but the database, so every rule that SQLite gets
//! from its one writer is a lock here:
//! - configuration changes lock the `workspace_revision` row, then read, decide
//!   and write: serialized and revision-guarded across replicas;
//! - everything that creates or assigns tickets holds one transaction-scoped
//!   advisory lock, so each assignment sees every assignment committed before
//!   it (capacity, balance and round-robin hold across replicas) and ticket
//!   numbers, taken from a counter row in the same transaction, have no gaps;
//!   each releases it without waiting for its WAL flush (`synchronous_commit =
//!   off` for that transaction alone, `begin_assigning`), and what it wrote
//!   is answered, and the event log read past it, only after a later commit's
//!   flush (`await_durable`): nothing is acknowledged or streamed before it
//!   is durable;
//! - a ticket's row is locked before its timeline grows;
//! - delivery workers claim outbox messages with `FOR UPDATE SKIP LOCKED` and a
//!   lease that another replica takes over once it has run out.

mod events;
mod handoffs;
mod outbox;
mod ticket_search;
mod tickets;
mod tokens;
mod webhooks;
mod workspace;

use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use jiff::Timestamp;
use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use sqlx::migrate::{Migrate, MigrateError};
use sqlx::postgres::types::Oid;
use sqlx::postgres::{
    PgArgumentBuffer, PgConnectOptions, PgPool, PgPoolOptions, PgSslMode, PgTypeInfo,
    PgValueFormat, PgValueRef,
};
use sqlx::{Connection, Decode, Encode, PgConnection, Postgres};

use super::group_commit::Committed;
use super::shared::{self, Embedded};
use super::{Database, NewEvent, Open, StoreError, StoreResult};

/// The schema, embedded in the binary: versions are applied in order, once.
const MIGRATIONS: &[Embedded] = &[
    (
        1,
        "desk",
        include_str!("../../../../migrations/postgres/0001_desk.sql"),
    ),
    (
        2,
        "events",
        include_str!("../../../../migrations/postgres/0002_events.sql"),
    ),
    (
        3,
        "email threads",
        include_str!("../../../../migrations/postgres/0003_email_threads.sql"),
    ),
    (
        4,
        "text search",
        include_str!("../../../../migrations/postgres/0004_text_search.sql"),
    ),
    (
        5,
        "open ticket counts",
        include_str!("../../../../migrations/postgres/0005_open_ticket_counts.sql"),
    ),
    (
        6,
        "requester name index dropped",
        include_str!("../../../../migrations/postgres/0006_drop_requester_name_index.sql"),
    ),
    (
        7,
        "small GIN pending lists",
        include_str!("../../../../migrations/postgres/0007_small_gin_pending_lists.sql"),
    ),
    (
        8,
        "requester names in a trigram index",
        include_str!("../../../../migrations/postgres/0008_requester_name_text.sql"),
    ),
    (
        9,
        "requesters matched in ASCII case",
        include_str!("../../../../migrations/postgres/0009_requester_case_ascii.sql"),
    ),
    (
        10,
        "attempts counted across a retry by hand",
        include_str!("../../../../migrations/postgres/0010_outbox_requeued_after.sql"),
    ),
    (
        11,
        "the ingest token that sent a handoff",
        include_str!("../../../../migrations/postgres/0011_handoff_sender.sql"),
    ),
    (
        12,
        "the platform time of the last webhook event applied",
        include_str!("../../../../migrations/postgres/0012_external_event_at.sql"),
    ),
    (
        13,
        "one ticket's messages to one destination in order",
        include_str!("../../../../migrations/postgres/0013_outbox_order.sql"),
    ),
    (
        14,
        "inbound emails by ticket",
        include_str!("../../../../migrations/postgres/0014_inbound_emails_by_ticket.sql"),
    ),
    (
        15,
        "ticket changes made once per idempotency key",
        include_str!("../../../../migrations/postgres/0015_ticket_change_keys.sql"),
    ),
    (
        16,
        "outbox messages by the id they went out with",
        include_str!("../../../../migrations/postgres/0016_outbox_delivery_id.sql"),
    ),
    (
        17,
        "removed operators kept for their tickets' history",
        include_str!("../../../../migrations/postgres/0017_operators_removed.sql"),
    ),
    (
        18,
        "the team a ticket event moved it from",
        include_str!("../../../../migrations/postgres/0018_events_previous_team.sql"),
    ),
    (
        19,
        "inbound emails from the customer, for a reply's thread",
        include_str!("../../../../migrations/postgres/0019_inbound_emails_from_customer.sql"),
    ),
    (
        20,
        "last activity: what the customer saw happen",
        include_str!("../../../../migrations/postgres/0020_activity_seen_by_the_customer.sql"),
    ),
    (
        21,
        "inbound emails by their content, for a reused message id",
        include_str!("../../../../migrations/postgres/0021_inbound_emails_content.sql"),
    ),
    (
        22,
        "tickets keep the requester's phone",
        include_str!("../../../../migrations/postgres/0022_requester_phone.sql"),
    ),
    (
        23,
        "tickets by their requester's phone",
        include_str!("../../../../migrations/postgres/0023_requester_phone_index.sql"),
    ),
    (
        24,
        "requester names on one line",
        include_str!("../../../../migrations/postgres/0024_requester_names_one_line.sql"),
    ),
];

/// Connections per process: replicas multiply it, so it stays well under
/// PostgreSQL's default `max_connections` (100) for a handful of replicas.
const MAX_CONNECTIONS: u32 = 16;

/// How long a request waits for a connection before the database is
/// reported unavailable (503 `database_unavailable`, `Retry-After: 1`).
/// With PostgreSQL down the pool keeps trying to connect until then, so this
/// is how long every request in flight hangs. 5 seconds: a proxy's read
/// timeout (nginx's 60 s) or a client's (deskctl's 30 s) is far off, so the
/// 503 arrives in time to be retried on another replica or by the client
/// within its own timeout; yet a database restarting quickly, or a burst
/// queueing for the connections, is waited out rather than refused.
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(5);

/// The advisory lock every transaction that creates or assigns tickets holds.
const ASSIGNMENT_LOCK: i64 = 0x6465_736b_6173_7367; // "deskassg"

/// A desk in a PostgreSQL database.
#[derive(Debug, Clone)]
pub struct PostgresStore {
    pool: PgPool,
    /// Ticket changes waiting to be committed together ([`Self::change_ticket`]).
    changes: std::sync::Arc<tickets::ChangeCommit>,
    /// The database for people: the URL without its password.
    described: String,
    /// Who it connects as, and to which database: for what to fix.
    role: Role,
    /// Whether opening it brought the schema up to date.
    migrated: bool,
}

/// The user a store connects as, and its database.
#[derive(Debug, Clone)]
struct Role {
    user: String,
    database: String,
}

impl PostgresStore {
    /// Connects to the database at `url` and brings its schema up to date.
    /// With [`Open::Existing`], a database without a desk's schema is missing.
    pub async fn open(url: &str, open: Open) -> StoreResult<PostgresStore> {
        Self::open_with(url, open, MAX_CONNECTIONS).await
    }

    /// [`Self::open`] for a one-command process: its pool holds one
    /// connection. sqlx hands a used connection back to its pool from a task
    /// that the connection's drop spawns; on the CLI's one thread the next
    /// query ran first and opened another: every command started three
    /// backends (the probe below, then two), each a connection's handshake and
    /// a backend process. With one, the next query waits for the connection's
    /// return instead. Nothing a command runs holds one connection while it
    /// asks for another (the PostgreSQL integration tests run every command
    /// this way; such a path would wait out [`ACQUIRE_TIMEOUT`] and fail).
    pub async fn open_for_command(url: &str, open: Open) -> StoreResult<PostgresStore> {
        Self::open_with(url, open, 1).await
    }

    async fn open_with(url: &str, open: Open, connections: u32) -> StoreResult<PostgresStore> {
        let described = crate::net::redacted_url(url);
        let options = PgConnectOptions::from_str(&with_address_host(url)).map_err(|error| {
            let error = scrub(&error.to_string(), url);
            // `postgres://desk@/desk?host=/run/pg`: libpq reads it, a URL
            // parser does not (a user needs a host).
            let fix = if url::Url::parse(url) == Err(url::ParseError::EmptyHost) {
                "; a socket URL that names a user gives it as the `user=` parameter \
                 (postgres:///DATABASE?host=/run/postgresql&user=USER) or the socket directory, \
                 percent-encoded, as the host (postgres://USER@%2Frun%2Fpostgresql/DATABASE)"
            } else {
                "; expected postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE, where a user or \
                 password with special characters has them percent-encoded \
                 (`@` as %40, `:` as %3A, `/` as %2F, `?` as %3F, `#` as %23, `%` as %25)"
            };
            StoreError::Connect(format!(
                "the database URL {described} is not valid: {error}{fix}"
            ))
        })?;
        // One connection first: a wrong host, user, password or database is
        // reported at once and exactly, not after a pool's retries.
        let probe = PgConnection::connect_with(&options)
            .await
            .map_err(|error| connect_error(&error, &options, &described, url))?;
        probe.close().await.ok();
        let role = Role {
            user: options.get_username().to_string(),
            database: options
                .get_database()
                .unwrap_or(options.get_username())
                .to_string(),
        };
        let pool = PgPoolOptions::new()
            .max_connections(connections)
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .connect_with(options)
            .await?;
        let mut store = PostgresStore {
            changes: std::sync::Arc::new(tickets::change_commits(pool.clone())),
            pool,
            described,
            role,
            migrated: false,
        };
        match store.migrate(open).await {
            Ok(migrated) => store.migrated = migrated,
            Err(error) => {
                store.pool.close().await;
                return Err(error);
            }
        }
        Ok(store)
    }

    /// Brings the schema up to date; whether it applied migrations (or
    /// another replica did meanwhile).
    async fn migrate(&self, open: Open) -> StoreResult<bool> {
        let exists: bool = sqlx::query_scalar("SELECT to_regclass('_sqlx_migrations') IS NOT NULL")
            .fetch_one(&self.pool)
            .await?;
        if exists {
            let applied: Vec<i64> = sqlx::query_scalar(
                "SELECT version FROM _sqlx_migrations WHERE success ORDER BY version",
            )
            .fetch_all(&self.pool)
            .await?;
            if shared::check_applied(&applied, MIGRATIONS, &self.described)? {
                return Ok(false);
            }
        } else if open == Open::Existing {
            return Err(StoreError::Missing(format!(
                "no desk in the database at {}: create one with any command that writes \
                 (e.g. `deskctl teams add`) or `deskctl serve`",
                self.described
            )));
        }
        // Every pending migration in one transaction: PostgreSQL's DDL is
        // transactional (CREATE EXTENSION too, and no migration builds an index
        // CONCURRENTLY), so one that fails leaves the schema as it was, not
        // half of it. sqlx's advisory lock (the same key as replicas of older
        // releases take) is held from before the transaction until after its
        // commit: sqlx's own locking would let go before the commit, and a
        // replica waiting for it would then apply the schema a second time.
        let mut conn = self.pool.acquire().await?;
        conn.lock()
            .await
            .map_err(|error| self.migration_error(error))?;
        let migrated = async {
            let mut tx = conn.begin().await?;
            let mut migrator = shared::migrator(MIGRATIONS, true);
            migrator.set_locking(false);
            migrator.run(&mut *tx).await?;
            tx.commit().await?;
            Ok::<_, MigrateError>(())
        }
        .await;
        match migrated {
            Ok(()) => conn
                .unlock()
                .await
                .map(|()| true)
                .map_err(|error| self.migration_error(error)),
            Err(error) => {
                // Closing the connection ends its session, and the lock with it.
                conn.close().await.ok();
                Err(self.migration_error(error))
            }
        }
    }

    /// Why migrating failed, naming the migration and, for a role without
    /// the rights the schema needs, what to do.
    fn migration_error(&self, error: MigrateError) -> StoreError {
        let (step, cause) = match error {
            MigrateError::ExecuteMigration(cause, version) => {
                (shared::migration_named(MIGRATIONS, version), cause)
            }
            MigrateError::Execute(cause) => ("preparing the migrations".into(), cause),
            other => return StoreError::Database(format!("migrating the schema: {other}")),
        };
        if let sqlx::Error::Database(db) = &cause
            && db.code().as_deref() == Some(INSUFFICIENT_PRIVILEGE)
        {
            return StoreError::Connect(privilege_missing(
                &step,
                db.message(),
                &self.described,
                &self.role,
            ));
        }
        match StoreError::from(cause) {
            StoreError::Database(detail) => StoreError::Database(format!(
                "migrating the schema at {}: {step} failed: {detail}; none of the pending \
                 migrations was applied",
                self.described
            )),
            other => other,
        }
    }

    /// `error`, said of this database (see
    /// [`super::seam_by_inherent_methods`]): a server out of reach is named
    /// with its URL, as opening the desk names it ([`connect_error`]).
    pub(crate) fn explained(&self, error: StoreError) -> StoreError {
        match error {
            StoreError::Unavailable(detail) => {
                match detail.strip_prefix(super::DATABASE_UNREACHABLE) {
                    Some(cause) => unreachable(&self.described, cause.trim_start_matches(": ")),
                    None => StoreError::Unavailable(detail),
                }
            }
            other => other,
        }
    }

    pub(crate) fn pool(&self) -> &PgPool {
        &self.pool
    }
}

/// `url` with an IPv6 literal host (`postgres://desk@[::1]/desk`) also given
/// as the `host` parameter, without its brackets. sqlx takes a URL's host as
/// written and looked `[::1]` up as a name, which fails; libpq (psql) connects
/// to the address. sqlx takes the parameter as given, so the connection and
/// `~/.pgpass`'s `::1` lines see the address. A `host` or `hostaddr`
/// parameter of the URL's own is left to win, as in libpq.
fn with_address_host(url: &str) -> std::borrow::Cow<'_, str> {
    let Ok(mut parsed) = url::Url::parse(url) else {
        return url.into();
    };
    let Some(url::Host::Ipv6(address)) = parsed.host() else {
        return url.into();
    };
    let names_host = parsed
        .query_pairs()
        .any(|(key, _)| key == "host" || key == "hostaddr");
    if names_host {
        return url.into();
    }
    parsed
        .query_pairs_mut()
        .append_pair("host", &address.to_string());
    String::from(parsed).into()
}

/// PostgreSQL's SQLSTATE for a role lacking a right (`insufficient_privilege`).
const INSUFFICIENT_PRIVILEGE: &str = "42501";

/// What to tell a role that `step` of the migrations was refused
/// (`insufficient_privilege`, saying `message`): the rights
/// docs/deployment.md asks for, and that nothing was applied.
fn privilege_missing(step: &str, message: &str, described: &str, role: &Role) -> String {
    let Role { user, database } = role;
    let own = format!(
        "make '{user}' the owner of database '{database}' and of its schema public (as a \
         superuser, in that database: `ALTER DATABASE {database} OWNER TO {user}; \
         ALTER SCHEMA public OWNER TO {user};`)"
    );
    // pg_trgm is trusted: a role with CREATE on the database (as its owner
    // has) may create it; any other needs a superuser to have created it.
    let what_to_do = if message.contains("extension") {
        format!(
            "have a superuser run `CREATE EXTENSION pg_trgm;` in database '{database}' \
             first, or {own}"
        )
    } else {
        own
    };
    format!(
        "PostgreSQL user '{user}' may not create the desk's schema in the database at \
         {described}: {step} failed: {message}. None of the pending migrations was applied; \
         {what_to_do}, \
         then try again (docs/deployment.md, \"Running on PostgreSQL\")"
    )
}

/// `text` with the URL's password, if any, replaced.
fn scrub(text: &str, url: &str) -> String {
    match url::Url::parse(url)
        .ok()
        .and_then(|u| u.password().map(str::to_string))
        .filter(|p| !p.is_empty())
    {
        Some(password) => text.replace(&password, "***"),
        None => text.to_string(),
    }
}

/// PostgreSQL at `described` out of reach, for `cause`: the pool's own
/// "timed out" said as what it means to whoever runs the service.
fn unreachable(described: &str, cause: &str) -> StoreError {
    let cause = if cause == sqlx::Error::PoolTimedOut.to_string() {
        format!(
            "no connection within {} s (the server is down or restarting, or every \
             connection is busy)",
            ACQUIRE_TIMEOUT.as_secs()
        )
    } else {
        cause.to_string()
    };
    StoreError::Unavailable(format!("cannot reach PostgreSQL at {described}: {cause}"))
}

/// Why connecting failed, naming what to fix.
fn connect_error(
    error: &sqlx::Error,
    options: &PgConnectOptions,
    described: &str,
    url: &str,
) -> StoreError {
    // A server's message, without sqlx's framing (which names a line of
    // PostgreSQL's own source).
    let detail = match error {
        sqlx::Error::Database(db) => scrub(db.message(), url),
        _ => scrub(&error.to_string(), url),
    };
    let user = options.get_username();
    let database = options.get_database().unwrap_or(user);
    let tls_refused = |server_without_tls: bool| {
        StoreError::Connect(tls_failure(
            described,
            &detail,
            options.get_ssl_mode(),
            server_without_tls,
        ))
    };
    match error {
        sqlx::Error::Database(db) => match db.code().as_deref() {
            // pg_hba.conf has no line for this connection: not a password.
            Some("28000") if detail.contains("pg_hba.conf") => StoreError::Connect(format!(
                "PostgreSQL at {described} takes no such connection ({detail}): \
                 a server that asks for TLS needs `sslmode=verify-full&sslrootcert=CA.pem` \
                 in the URL"
            )),
            Some("28P01" | "28000") => {
                let refused = format!(
                    "PostgreSQL at {described} refused user '{user}': check the user and \
                     password ({detail})"
                );
                // No password given, and none found in a password file: one
                // the driver passed over may be the one meant.
                let no_password = sqlx::ConnectOptions::to_url_lossy(options)
                    .password()
                    .is_none();
                match ignored_password_file().filter(|_| no_password) {
                    Some(why) => StoreError::Connect(format!("{refused}; {why}")),
                    None => StoreError::Connect(refused),
                }
            }
            Some("3D000") => StoreError::Connect(format!(
                "PostgreSQL at {described} has no database '{database}': create it \
                 (`createdb {database}`) or fix the URL"
            )),
            Some(code) if is_temporary_refusal(code) => StoreError::Unavailable(format!(
                "PostgreSQL at {described} cannot take the connection now: {detail}"
            )),
            _ => StoreError::Connect(format!("PostgreSQL at {described} refused: {detail}")),
        },
        // A certificate not trusted, or a server without TLS: asking again
        // will not help, the URL or the server's set-up must change.
        sqlx::Error::Tls(cause) => tls_refused(cause.to_string() == SERVER_WITHOUT_TLS),
        sqlx::Error::Io(io) if io.get_ref().is_some_and(|e| e.is::<rustls::Error>()) => {
            tls_refused(false)
        }
        // The driver reads the certificate and key files as it connects, and
        // tells one it cannot read as it tells a server it cannot reach.
        sqlx::Error::Io(io) => match is_file_error(io.kind())
            .then(|| unreadable_tls_file(options))
            .flatten()
        {
            Some(why) => StoreError::Connect(format!(
                "cannot connect to PostgreSQL at {described} over TLS: {why}"
            )),
            None => unreachable(described, &detail),
        },
        sqlx::Error::PoolTimedOut => unreachable(described, &detail),
        _ => StoreError::Connect(format!(
            "cannot connect to PostgreSQL at {described}: {detail}"
        )),
    }
}

/// Why a password file the driver read past may hold the password a
/// connection lacked, if one does: like libpq, sqlx ignores one that its
/// group or others may read (on Linux, where it checks), and says so only at
/// `warn` in a log the CLI does not show. It reads `PGPASSFILE`, then
/// `~/.pgpass`.
fn ignored_password_file() -> Option<String> {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::PermissionsExt;
        // Read where and when sqlx reads it, to name the file it passed over.
        let named = std::env::var_os(crate::env::PGPASSFILE).map(std::path::PathBuf::from);
        let home = etcetera::home_dir().ok().map(|home| home.join(".pgpass"));
        named.into_iter().chain(home).find_map(|path| {
            let mode = std::fs::metadata(&path).ok()?.permissions().mode();
            loose_password_file(&path, mode)
        })
    }
    #[cfg(not(target_os = "linux"))]
    None
}

/// What to tell of the password file at `path` with permissions `mode`, if
/// the driver ignores it: one its group or others may read.
fn loose_password_file(path: &std::path::Path, mode: u32) -> Option<String> {
    let path = path.display();
    (mode & 0o077 != 0).then(|| {
        format!(
            "the password file {path} was not read, as its group or others may read it \
             (mode {:04o}; it must be u=rw, 0600, or less): `chmod 600 {path}`",
            mode & 0o7777
        )
    })
}

/// Whether an I/O error is one of reading a file, not of reaching a server.
fn is_file_error(kind: std::io::ErrorKind) -> bool {
    use std::io::ErrorKind;
    matches!(
        kind,
        ErrorKind::NotFound | ErrorKind::PermissionDenied | ErrorKind::IsADirectory
    )
}

/// The certificate or key file named for TLS (`sslrootcert`, `sslcert`,
/// `sslkey`, or `PGSSLROOTCERT`, `PGSSLCERT`, `PGSSLKEY`) that cannot be read,
/// if one cannot: what it is for, and why.
fn unreadable_tls_file(options: &PgConnectOptions) -> Option<String> {
    let url = sqlx::ConnectOptions::to_url_lossy(options);
    url.query_pairs().find_map(|(parameter, value)| {
        let (variable, what) = match &*parameter {
            "sslrootcert" => ("PGSSLROOTCERT", "the CA certificate"),
            "sslcert" => ("PGSSLCERT", "the client certificate"),
            "sslkey" => ("PGSSLKEY", "the client key"),
            _ => return None,
        };
        // A file is given as `file: PATH`; a certificate given inline is
        // no file to read.
        let path = value.strip_prefix("file: ")?;
        // Like libpq, the driver reads the CA's file only to check the
        // server's certificate.
        let checks = matches!(
            options.get_ssl_mode(),
            PgSslMode::VerifyCa | PgSslMode::VerifyFull
        );
        if parameter == "sslrootcert" && !checks {
            return None;
        }
        let why = match std::fs::metadata(path) {
            Ok(metadata) if metadata.is_dir() => "it is a directory".to_string(),
            Ok(_) => std::fs::File::open(path).err()?.to_string(),
            Err(error) => error.to_string(),
        };
        Some(format!(
            "cannot read {what} {path}, named by {parameter} (or {variable}): {why}; \
             fix the path, or make the file readable by the user deskctl runs as"
        ))
    })
}

/// sqlx's text when a server answers a request for TLS (`sslmode=require`,
/// `verify-ca`, `verify-full`) that it takes none.
const SERVER_WITHOUT_TLS: &str = "server does not support TLS";

/// Why a TLS connection under `mode` failed, and what to change. A server
/// that takes no TLS needs it enabled, or a URL that asks for less: no
/// certificate is at fault. Only `verify-ca` and `verify-full` check the
/// server's certificate, so only there can `sslrootcert` be what is wrong.
fn tls_failure(described: &str, detail: &str, mode: PgSslMode, server_without_tls: bool) -> String {
    if server_without_tls {
        return format!(
            "PostgreSQL at {described} does not accept TLS connections, which sslmode={} \
             asks for: enable TLS on the server (`ssl = on` with its certificate and key), \
             or connect without it (sslmode=prefer takes TLS where the server offers it, \
             sslmode=disable never does)",
            ssl_mode_name(mode)
        );
    }
    let failed = format!("the TLS connection to PostgreSQL at {described} failed: {detail}");
    match mode {
        PgSslMode::VerifyCa | PgSslMode::VerifyFull => {
            format!("{failed} ({})", certificate_hint(detail))
        }
        _ => failed,
    }
}

/// What to change when the server's certificate was not accepted, by what
/// rustls found wrong with it (`detail`, its message).
fn certificate_hint(detail: &str) -> &'static str {
    if detail.contains("CaUsedAsEndEntity") {
        // A self-signed certificate made as the PostgreSQL manual makes one
        // (`openssl req -new -x509`, CA:TRUE by default): libpq takes it as
        // its own root, rustls takes no CA certificate as a server's.
        "the server's certificate is itself a CA certificate (basicConstraints CA:TRUE, as \
         `openssl req -x509` makes a self-signed one), which is not taken as a server's: give \
         the server a certificate signed by a CA and name that CA in sslrootcert, or connect \
         with sslmode=require, which encrypts without checking the certificate"
    } else if detail.contains("not valid for name") || detail.contains("NotValidForName") {
        "sslmode=verify-full checks the URL's host against the names the certificate holds: \
         connect by one of them, or use sslmode=verify-ca, which checks only that the CA \
         in sslrootcert signed it"
    } else {
        "sslrootcert must name the CA that signed the server's certificate"
    }
}

/// `mode` as the URL's `sslmode` parameter writes it.
fn ssl_mode_name(mode: PgSslMode) -> &'static str {
    match mode {
        PgSslMode::Disable => "disable",
        PgSslMode::Allow => "allow",
        PgSslMode::Prefer => "prefer",
        PgSslMode::Require => "require",
        PgSslMode::VerifyCa => "verify-ca",
        PgSslMode::VerifyFull => "verify-full",
    }
}

/// Whether a server's refusal (its SQLSTATE) passes by itself, so the same
/// command later succeeds: the server starting up or shutting down
/// (`57P01`-`57P03`), or out of connection slots, for everyone or for the
/// role (`53300`). Not the URL's fault, nor the credentials'.
pub(super) fn is_temporary_refusal(code: &str) -> bool {
    matches!(code, "57P01" | "57P02" | "57P03" | "53300")
}

/// Starts a transaction on `conn` that holds the assignment lock until it
/// ends, and whose `COMMIT` does not wait for the WAL flush: the lock is free
/// for the next writer, on any replica, while the disk works, and concurrent
/// writers' flushes are shared. Nothing it wrote may be answered before
/// [`await_durable`] on `conn` has returned.
pub(crate) async fn begin_assigning(
    conn: &mut PgConnection,
) -> StoreResult<sqlx::Transaction<'_, Postgres>> {
    let mut tx = conn.begin().await?;
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        "SET LOCAL synchronous_commit = off; SELECT pg_advisory_xact_lock({ASSIGNMENT_LOCK})"
    )))
    .execute(&mut *tx)
    .await?;
    Ok(tx)
}

/// Runs `work` in a transaction on a connection of `pool` that holds the
/// assignment lock ([`begin_assigning`]), commits it, and returns what
/// `work` returned once the commit is durable ([`await_durable`]). Also when
/// `work` only read: what it read may have been committed a moment ago
/// without its flush. An error from `work` rolls the transaction back.
pub(crate) async fn assigning<T>(
    pool: &PgPool,
    work: impl AsyncFnOnce(&mut PgConnection) -> StoreResult<T>,
) -> StoreResult<T> {
    let mut conn = pool.acquire().await?;
    let mut tx = begin_assigning(&mut conn).await?;
    let done = work(&mut tx).await?;
    tx.commit().await?;
    await_durable(&mut conn).await?;
    Ok(done)
}

/// A write of a batch that [`commit_batch`] commits: a handoff, or a ticket
/// change.
pub(crate) trait BatchWrite: Send + Sized {
    /// What is asked once for the whole batch, before its first write.
    type Asked: Send;
    /// What each write is answered.
    type Answer: Send;
    /// Asks what the batch's writes need to know once, under the lock.
    /// (`batch` is lent mutably only because a write holds a closure that is
    /// `Send` but not `Sync`: a shared borrow could not cross an `.await`.)
    fn ask(
        conn: &mut PgConnection,
        batch: &mut [Self],
    ) -> impl Future<Output = StoreResult<Self::Asked>> + Send;
    /// Writes this one: its answer, and the events to record for it.
    fn write(
        self,
        conn: &mut PgConnection,
        asked: &mut Self::Asked,
    ) -> impl Future<Output = StoreResult<(Self::Answer, Vec<NewEvent>)>> + Send;
}

/// Commits `batch` in one transaction on a connection of `pool` that holds
/// the assignment lock ([`begin_assigning`]): what the batch asks once
/// ([`BatchWrite::ask`]), then each write in a savepoint of its own, so one
/// that fails is rolled back alone, then the events of the writes kept, in
/// one statement after the last: every statement is a round trip made while
/// the lock is held. The `COMMIT` does not wait for its flush: the answers
/// wait for [`await_durable`] on the same connection ([`Committed::durable`]).
pub(crate) async fn commit_batch<W: BatchWrite>(
    pool: &PgPool,
    mut batch: Vec<W>,
) -> StoreResult<Committed<W::Answer>> {
    let mut conn = pool.acquire().await?;
    let mut tx = begin_assigning(&mut conn).await?;
    let mut asked = W::ask(&mut tx, &mut batch).await?;
    let count = batch.len();
    let mut results = Vec::with_capacity(count);
    let mut events = Vec::new();
    sqlx::query(shared::FIRST_SAVEPOINT)
        .execute(&mut *tx)
        .await?;
    for (done, work) in (1..).zip(batch) {
        let result = work.write(&mut tx, &mut asked).await;
        sqlx::raw_sql(shared::after_batch_write(result.is_err(), done < count))
            .execute(&mut *tx)
            .await?;
        results.push(result.map(|(answer, written)| {
            events.extend(written);
            answer
        }));
    }
    events::record(&mut tx, &events).await?;
    tx.commit().await?;
    Ok(Committed {
        results,
        durable: Some(Box::pin(async move { await_durable(&mut conn).await })),
    })
}

/// Returns once every transaction committed before it, on any connection, is
/// durable as the session's `synchronous_commit` defines it (flushed, or also
/// on a synchronous standby). A transaction that set `synchronous_commit =
/// off` returned from `COMMIT` before its WAL was flushed, releasing its locks
/// sooner. This commits a transaction after it with the session's setting:
/// the WAL is one sequence for the whole server, flushed in order, so the
/// flush that makes this commit durable makes every earlier one durable too.
///
/// The transaction writes nothing but a logical decoding message, the
/// smallest WAL record a client may write; being transactional, it gives the
/// transaction an id and a commit record, and PostgreSQL flushes a commit
/// with both. A logical decoding consumer sees it under the `deskctl` prefix;
/// `pgoutput` passes messages on only to subscribers that ask for them.
pub(crate) async fn await_durable(conn: &mut PgConnection) -> StoreResult<()> {
    sqlx::query("SELECT pg_logical_emit_message(true, 'deskctl', 'durable')")
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Whether every transaction committed before the WAL's insert position was
/// `lsn` (`pg_current_wal_insert_lsn()` as text) is durable already, so that
/// [`await_durable`] need not write a commit to find out: the WAL is flushed
/// past it, and no synchronous standby is configured, whose confirmation
/// only a commit can wait for.
pub(crate) async fn flushed_through(conn: &mut PgConnection, lsn: &str) -> StoreResult<bool> {
    Ok(sqlx::query_scalar(
        "SELECT pg_current_wal_flush_lsn() >= $1::pg_lsn \
         AND current_setting('synchronous_standby_names') = ''",
    )
    .bind(lsn)
    .fetch_one(&mut *conn)
    .await?)
}

/// Starts a read-only transaction that sees one snapshot of the database, on
/// a connection of the pool or the one given.
pub(crate) async fn snapshot<'c>(
    on: impl sqlx::Acquire<'c, Database = Postgres>,
) -> StoreResult<sqlx::Transaction<'c, Postgres>> {
    let mut tx = on.begin().await?;
    sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        .execute(&mut *tx)
        .await?;
    Ok(tx)
}

/// An instant as PostgreSQL's `timestamptz` holds it: microseconds since
/// 2000-01-01 UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct At(pub Timestamp);

const TIMESTAMPTZ: Oid = Oid(1184);
/// 2000-01-01T00:00:00Z in microseconds since the Unix epoch.
const POSTGRES_EPOCH_MICROS: i64 = 946_684_800_000_000;

impl sqlx::Type<Postgres> for At {
    fn type_info() -> PgTypeInfo {
        PgTypeInfo::with_oid(TIMESTAMPTZ)
    }

    fn compatible(ty: &PgTypeInfo) -> bool {
        ty.oid() == Some(TIMESTAMPTZ)
    }
}

impl sqlx::postgres::PgHasArrayType for At {
    fn array_type_info() -> PgTypeInfo {
        PgTypeInfo::with_oid(Oid(1185))
    }
}

impl Encode<'_, Postgres> for At {
    fn encode_by_ref(&self, buf: &mut PgArgumentBuffer) -> Result<IsNull, BoxDynError> {
        Encode::<Postgres>::encode(self.0.as_microsecond() - POSTGRES_EPOCH_MICROS, buf)
    }

    fn size_hint(&self) -> usize {
        std::mem::size_of::<i64>()
    }
}

impl<'r> Decode<'r, Postgres> for At {
    fn decode(value: PgValueRef<'r>) -> Result<Self, BoxDynError> {
        match value.format() {
            PgValueFormat::Binary => {
                let micros: i64 = Decode::<Postgres>::decode(value)?;
                Ok(At(Timestamp::from_microsecond(
                    micros + POSTGRES_EPOCH_MICROS,
                )?))
            }
            PgValueFormat::Text => Ok(At(value.as_str()?.parse()?)),
        }
    }
}

impl super::rows::Fields for sqlx::postgres::PgRow {
    fn optional_text(&self, column: &str) -> StoreResult<Option<String>> {
        Ok(sqlx::Row::try_get(self, column)?)
    }
    /// `bigint` and `integer` columns alike.
    fn optional_int(&self, column: &str) -> StoreResult<Option<i64>> {
        match sqlx::Row::try_get::<Option<i64>, _>(self, column) {
            Ok(value) => Ok(value),
            Err(sqlx::Error::ColumnDecode { .. }) => {
                Ok(sqlx::Row::try_get::<Option<i32>, _>(self, column)?.map(i64::from))
            }
            Err(error) => Err(error.into()),
        }
    }
    fn flag(&self, column: &str) -> StoreResult<bool> {
        Ok(sqlx::Row::try_get(self, column)?)
    }
    fn optional_time(&self, column: &str) -> StoreResult<Option<Timestamp>> {
        Ok(sqlx::Row::try_get::<Option<At>, _>(self, column)?.map(|at| at.0))
    }
}

/// An instant to bind, from the stored text form the store's callers use.
pub(crate) fn at(stored: &str) -> StoreResult<At> {
    super::shared::parse_time(stored).map(At)
}

/// Now, as stored.
pub(crate) fn now() -> At {
    At(super::stored_now())
}

pub(crate) fn parse_enum<T: FromStr<Err = String>>(value: &str) -> StoreResult<T> {
    value.parse().map_err(StoreError::Corrupt)
}

/// Fails with `UnknownReference` unless operator `handle` exists.
pub(crate) async fn require_operator(
    conn: &mut PgConnection,
    field: &'static str,
    handle: &str,
) -> StoreResult<()> {
    let found: Option<i32> =
        sqlx::query_scalar("SELECT 1 FROM operators WHERE handle = $1 AND removed_at IS NULL")
            .bind(handle)
            .fetch_optional(&mut *conn)
            .await?;
    StoreError::unless_found(found, field, "operator", handle)
}

/// Fails with `UnknownReference` unless team `key` exists.
pub(crate) async fn require_team(
    conn: &mut PgConnection,
    field: &'static str,
    key: &str,
) -> StoreResult<()> {
    let found: Option<i32> = sqlx::query_scalar("SELECT 1 FROM teams WHERE key = $1")
        .bind(key)
        .fetch_optional(&mut *conn)
        .await?;
    StoreError::unless_found(found, field, "team", key)
}

// The traits of the storage seam, by the inherent methods of each module.
crate::server::store::seam_by_inherent_methods!(PostgresStore);

#[async_trait]
impl Database for PostgresStore {
    fn describe(&self) -> String {
        format!("the desk in PostgreSQL at {}", self.described)
    }
    async fn ping(&self) -> StoreResult<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }
    fn set_most_grouped(&self, most: usize) {
        self.changes.set_batch(most);
    }
    fn shared_by_replicas(&self) -> bool {
        true
    }
    fn migrated(&self) -> bool {
        self.migrated
    }
    async fn close(&self) {
        self.pool.close().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_server_starting_stopping_or_full_refuses_for_now_only() {
        for code in ["57P01", "57P02", "57P03", "53300"] {
            assert!(is_temporary_refusal(code), "{code}");
        }
        // Wrong credentials, a missing database, no pg_hba.conf line: for good.
        for code in ["28P01", "28000", "3D000", "42501"] {
            assert!(!is_temporary_refusal(code), "{code}");
        }
    }

    #[test]
    fn a_role_refused_the_schema_is_told_to_own_the_database() {
        let role = Role {
            user: "desk".into(),
            database: "helpdesk".into(),
        };
        let refused = privilege_missing(
            "preparing the migrations",
            "permission denied for schema public",
            "postgres://desk@db/helpdesk",
            &role,
        );
        assert!(
            refused.contains("PostgreSQL user 'desk' may not create"),
            "{refused}"
        );
        assert!(
            refused
                .contains("preparing the migrations failed: permission denied for schema public"),
            "{refused}"
        );
        assert!(
            refused.contains("None of the pending migrations was applied"),
            "{refused}"
        );
        assert!(
            refused.contains("ALTER DATABASE helpdesk OWNER TO desk;"),
            "{refused}"
        );
        assert!(!refused.contains("CREATE EXTENSION"), "{refused}");
    }

    #[test]
    fn a_role_refused_pg_trgm_may_have_a_superuser_create_it() {
        let role = Role {
            user: "desk".into(),
            database: "desk".into(),
        };
        let step = shared::migration_named(MIGRATIONS, 4);
        assert_eq!(step, "migration 4 (text search)");
        let refused = privilege_missing(
            &step,
            "permission denied to create extension \"pg_trgm\"",
            "postgres://desk@db/desk",
            &role,
        );
        assert!(
            refused.contains("migration 4 (text search) failed"),
            "{refused}"
        );
        assert!(
            refused.contains("have a superuser run `CREATE EXTENSION pg_trgm;` in database 'desk'"),
            "{refused}"
        );
        assert!(
            refused.contains("ALTER DATABASE desk OWNER TO desk;"),
            "{refused}"
        );
    }

    #[test]
    fn a_password_file_its_group_or_others_may_read_is_named_with_the_fix() {
        let path = std::path::Path::new("/home/sre/.pgpass");
        for mode in [0o100644, 0o640, 0o604, 0o660] {
            let why = loose_password_file(path, mode).unwrap();
            assert!(
                why.contains("the password file /home/sre/.pgpass was not read")
                    && why.contains(&format!("(mode {:04o};", mode & 0o7777))
                    && why.ends_with("`chmod 600 /home/sre/.pgpass`"),
                "{why}"
            );
        }
        for mode in [0o100600, 0o400, 0o700] {
            assert_eq!(loose_password_file(path, mode), None, "{mode:o}");
        }
    }

    #[test]
    fn a_server_without_tls_is_told_apart_from_a_certificate_refused() {
        let described = "postgres://desk@db/desk";
        let detail = "error occurred while attempting to establish a TLS connection: …";
        for mode in [PgSslMode::Require, PgSslMode::VerifyFull] {
            let without = tls_failure(described, detail, mode, true);
            assert!(
                without.contains("does not accept TLS connections"),
                "{without}"
            );
            assert!(
                without.contains(&format!("sslmode={}", ssl_mode_name(mode))),
                "{without}"
            );
            assert!(without.contains("sslmode=disable"), "{without}");
            assert!(!without.contains("sslrootcert"), "{without}");
        }
        for mode in [PgSslMode::VerifyCa, PgSslMode::VerifyFull] {
            let untrusted = tls_failure(described, "invalid peer certificate", mode, false);
            assert!(
                untrusted.contains("invalid peer certificate"),
                "{untrusted}"
            );
            assert!(
                untrusted.contains("sslrootcert must name the CA"),
                "{untrusted}"
            );
        }
        // `require` checks no certificate: a handshake failing there is not
        // the CA's fault.
        let failed = tls_failure(described, "handshake failure", PgSslMode::Require, false);
        assert!(failed.ends_with("failed: handshake failure"), "{failed}");
    }

    /// What rustls says of a certificate it refused picks what to change:
    /// a self-signed CA certificate (the PostgreSQL manual's own recipe) and
    /// a host the certificate does not name are no fault of sslrootcert.
    #[test]
    fn a_refused_certificate_is_told_what_to_change_by_what_is_wrong_with_it() {
        let described = "postgres://desk@127.0.0.1/desk";
        let hint = |detail: &str| tls_failure(described, detail, PgSslMode::VerifyFull, false);
        let self_signed = hint(
            "error communicating with database: invalid peer certificate: \
             Other(OtherError(CaUsedAsEndEntity))",
        );
        assert!(
            self_signed.contains("is itself a CA certificate")
                && self_signed.contains("sslmode=require"),
            "{self_signed}"
        );
        assert!(
            !self_signed.contains("sslrootcert must name"),
            "{self_signed}"
        );
        let elsewhere = hint(
            "error communicating with database: invalid peer certificate: certificate not \
             valid for name \"127.0.0.1\"; certificate is only valid for DnsName(\"db.internal\")",
        );
        assert!(
            elsewhere.contains("checks the URL's host against the names")
                && elsewhere.contains("sslmode=verify-ca"),
            "{elsewhere}"
        );
        assert!(!elsewhere.contains("sslrootcert must name"), "{elsewhere}");
        let unknown = hint("invalid peer certificate: UnknownIssuer");
        assert!(
            unknown.contains("sslrootcert must name the CA"),
            "{unknown}"
        );
    }

    /// A CA certificate, client certificate or key file that cannot be read
    /// is named, with why; a readable one, or none, is not the fault.
    #[test]
    fn a_tls_file_that_cannot_be_read_is_named_with_why() {
        let dir = tempfile::tempdir().unwrap();
        let readable = dir.path().join("ca.pem");
        std::fs::write(&readable, "-----BEGIN CERTIFICATE-----\n").unwrap();
        let missing = dir.path().join("missing.pem");
        let url = |query: String| options(&format!("postgres://desk@db/desk?{query}"));
        let named = |parameter: &str, path: &std::path::Path| {
            unreadable_tls_file(&url(format!(
                "sslmode=verify-full&{parameter}={}",
                path.display()
            )))
        };
        for (parameter, variable) in [
            ("sslrootcert", "PGSSLROOTCERT"),
            ("sslcert", "PGSSLCERT"),
            ("sslkey", "PGSSLKEY"),
        ] {
            let why = named(parameter, &missing).expect(parameter);
            assert!(
                why.contains(&format!(
                    "{}, named by {parameter} (or {variable})",
                    missing.display()
                )) && why.contains("No such file or directory"),
                "{why}"
            );
            let why = named(parameter, dir.path()).expect(parameter);
            assert!(why.contains("it is a directory"), "{why}");
            assert_eq!(named(parameter, &readable), None);
        }
        assert_eq!(unreadable_tls_file(&url("sslmode=require".into())), None);
        // Only a mode that checks the server's certificate reads the CA's.
        let unchecked = format!("sslmode=require&sslrootcert={}", missing.display());
        assert_eq!(unreadable_tls_file(&url(unchecked)), None);
        assert!(is_file_error(std::io::ErrorKind::NotFound));
        assert!(!is_file_error(std::io::ErrorKind::ConnectionRefused));
    }

    fn options(url: &str) -> PgConnectOptions {
        PgConnectOptions::from_str(&with_address_host(url)).unwrap()
    }

    #[test]
    fn an_ipv6_literal_host_is_connected_to_without_its_brackets() {
        let ipv6 = options("postgres://desk:secret@[::1]:47150/desk?sslmode=disable");
        assert_eq!(ipv6.get_host(), "::1");
        assert_eq!(ipv6.get_port(), 47150);
        assert_eq!(ipv6.get_username(), "desk");
        assert_eq!(ipv6.get_database(), Some("desk"));
        let full = options("postgresql://desk@[2001:db8:0:0:0:0:0:1]/desk");
        assert_eq!(full.get_host(), "2001:db8::1");
    }

    #[test]
    fn a_host_parameter_or_a_name_is_taken_as_written() {
        let socket = options("postgres://desk@[::1]/desk?host=/run/postgresql");
        assert_eq!(
            socket.get_socket(),
            Some(&std::path::PathBuf::from("/run/postgresql"))
        );
        assert_eq!(
            options("postgres://desk@[::1]/desk?hostaddr=::2").get_host(),
            "::2"
        );
        let url = "postgres://desk:p%23ss@db.internal:5433/desk";
        assert_eq!(with_address_host(url), url);
        assert_eq!(options(url).get_host(), "db.internal");
        assert_eq!(
            options("postgres://desk@127.0.0.1/desk").get_host(),
            "127.0.0.1"
        );
    }
}
