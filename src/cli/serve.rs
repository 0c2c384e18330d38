mod log_filter;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::Args;
use secrecy::ExposeSecret;
use tokio::net::TcpListener;

use crate::cli::Session;
use crate::config::Target;
use crate::error::{CliError, CliResult};
use crate::server::Store;
use crate::server::listen::{self, Limits, RateLimits};
use crate::server::store::{Location, Open};

#[derive(Debug, Args)]
#[command(after_help = "\
Logs go to stderr, one line per request: its id, method, path, status and time \
taken. Query strings are never logged (a webhook token may ride in one).

Against slow and hostile clients: a connection that does not send a request's \
headers within --header-timeout is closed; past --max-connections a connection \
is answered 503 and closed; a client address or token that spends its \
per-minute budget is answered 429 with Retry-After. On SIGINT or SIGTERM the \
service stops accepting connections, answers requests that arrive 503 with \
`Connection: close`, and finishes those in flight.

Examples:
  deskctl serve
  deskctl serve --listen 0.0.0.0:7070 --desk /var/lib/deskctl/desk.sqlite
  deskctl serve --log-format json 2>> /var/log/deskctl.jsonl
  deskctl serve --max-connections 10000 --rate-limit-per-token 0
  DESKCTL_LOG=debug deskctl serve")]
pub struct ServeArgs {
    /// The address to listen on: IP:PORT, or HOST:PORT with a host name,
    /// resolved at start and listened on at every address it stands for
    /// (localhost is often both 127.0.0.1 and ::1), all on one port; a URL is
    /// printed for each. Port 0 picks a free port
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:7070")]
    pub listen: ListenAddress,
    /// How log lines look: `text` for people (colored on a terminal), `json`
    /// (one object per line) for journald, containers and log collectors
    #[arg(long, value_enum, default_value_t = LogFormat::Text, value_name = "FORMAT")]
    pub log_format: LogFormat,
    /// Seconds a client has to send a request's headers, counted from when it
    /// connects or its previous answer was sent; slower and idle connections
    /// are closed
    #[arg(long, value_name = "SECONDS", default_value_t = 10, value_parser = crate::cli::whole_number::<u64>(1, 3600))]
    pub header_timeout: u64,
    /// Connections served at once; one more is answered 503 (with
    /// Retry-After) and closed
    #[arg(long, value_name = "N", default_value_t = 4096, value_parser = crate::cli::whole_number::<u64>(1, 1_000_000))]
    pub max_connections: u64,
    /// Requests per minute from one client address before 429 (with
    /// Retry-After); 0 turns the limit off. The address is the connection's
    /// own (X-Forwarded-For is not trusted): behind a proxy, every client
    /// shares the proxy's. /v1/health and /v1/version are never counted
    #[arg(long, value_name = "N", default_value_t = 1200,
        value_parser = crate::cli::whole_number::<u32>(0, u32::MAX))]
    pub rate_limit_per_address: u32,
    /// Requests per minute with one API token before 429 (with Retry-After); 0
    /// turns the limit off
    #[arg(long, value_name = "N", default_value_t = 1200,
        value_parser = crate::cli::whole_number::<u32>(0, u32::MAX))]
    pub rate_limit_per_token: u32,
    /// Seconds a delivery worker holds a message it is sending (an attempt
    /// is cut short at half of it); when a replica dies mid-attempt, another
    /// takes the message over once this has passed
    #[arg(long, value_name = "SECONDS", default_value_t = 120, value_parser = crate::cli::whole_number::<u64>(2, 3600))]
    pub delivery_lease: u64,
    /// Messages the outbox delivers at once (each worker sends one at a time,
    /// so a receiver slow to answer holds up one worker, not every other
    /// ticket's messages); one ticket's messages to one place still go out
    /// one after another, in order
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = crate::cli::whole_number::<u64>(1, 64))]
    pub delivery_workers: u64,
    /// The most handoffs written in one transaction (on a SQLite desk, the
    /// most writes of any kind; on PostgreSQL, also the most ticket actions):
    /// writes that arrive while one commits are written together in the next
    /// (group commit); 1 gives each its own transaction
    #[arg(long, value_name = "N", default_value_t = crate::server::store::group_commit::MAX_BATCH as u64,
        value_parser = crate::cli::whole_number::<u64>(1, 1000))]
    pub handoff_batch: u64,
    /// Also accept mail for the support inbox over SMTP on this address (e.g.
    /// 0.0.0.0:25, 127.0.0.1:2525 or localhost:2525; a host name as for
    /// --listen; port 0 picks a free port; each address is printed on stdout
    /// as smtp://ADDRESS, after the URLs)
    #[arg(long, value_name = "ADDR")]
    pub smtp_listen: Option<ListenAddress>,
    /// A PEM certificate chain: SMTP offers STARTTLS with it (needs --smtp-key)
    #[arg(
        long,
        value_name = "PATH",
        requires = "smtp_key",
        requires = "smtp_listen"
    )]
    pub smtp_cert: Option<PathBuf>,
    /// The PEM private key of --smtp-cert
    #[arg(long, value_name = "PATH", requires = "smtp_cert")]
    pub smtp_key: Option<PathBuf>,
    /// The largest message SMTP accepts, in bytes (advertised as SIZE; larger
    /// mail is refused with 552)
    #[arg(long, value_name = "BYTES", default_value_t = crate::domain::mail::MAX_MESSAGE_BYTES as u64,
        value_parser = crate::cli::whole_number::<u64>(1024, crate::domain::mail::MAX_MESSAGE_BYTES as u64))]
    pub smtp_max_size: u64,
    /// The name the SMTP server greets with
    #[arg(long, value_name = "NAME", default_value = "deskctl")]
    pub smtp_hostname: String,
}

impl ServeArgs {
    fn limits(&self) -> Limits {
        Limits {
            header_timeout: Duration::from_secs(self.header_timeout),
            max_connections: usize::try_from(self.max_connections).unwrap_or(usize::MAX),
            rates: RateLimits {
                per_address: self.rate_limit_per_address,
                per_token: self.rate_limit_per_token,
            },
        }
    }
}

/// An address to listen on as given: an IP and port, or a host name and port,
/// which is resolved when the listeners are bound (see [`listen::bind`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListenAddress(String);

impl ListenAddress {
    /// Listens on every address this one stands for; `verb` says for what
    /// in messages (`listen`, `listen for SMTP`). Each address skipped, which
    /// this machine does not have, is a warning: a client trying it gets no
    /// answer. Returns the listeners and the address each listens on.
    async fn bind(
        &self,
        verb: &str,
        warn: &dyn Fn(&str),
    ) -> CliResult<(Vec<TcpListener>, Vec<SocketAddr>)> {
        let listeners = listen::bind(&self.0)
            .await
            .map_err(|e| CliError::general(format!("cannot {verb} on {self}")).with_cause(e))?;
        for (address, error) in &listeners.skipped {
            warn(&format!(
                "cannot {verb} on {address}, which {self} resolves to ({error}): skipped"
            ));
        }
        let addresses = listeners
            .bound
            .iter()
            .map(TcpListener::local_addr)
            .collect::<std::io::Result<_>>()?;
        Ok((listeners.bound, addresses))
    }
}

impl std::fmt::Display for ListenAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for ListenAddress {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        const EXPECTED: &str =
            "expected IP:PORT or HOST:PORT, e.g. 127.0.0.1:7070, [::1]:7070 or localhost:7070";
        if text.parse::<SocketAddr>().is_ok() {
            return Ok(Self(text.to_string()));
        }
        let Some((host, port)) = text.rsplit_once(':') else {
            return Err(format!("no port; {EXPECTED}"));
        };
        if port.parse::<u16>().is_err() {
            return Err(format!("'{port}' is not a port (0 to 65535); {EXPECTED}"));
        }
        // A name as DNS writes one; an IPv6 address needs its brackets.
        let is_host_name = !host.is_empty()
            && host.split('.').all(|label| {
                !label.is_empty()
                    && !label.starts_with('-')
                    && label
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            });
        if !is_host_name {
            return Err(format!(
                "'{host}' is not an IP address or a host name; {EXPECTED}"
            ));
        }
        Ok(Self(text.to_string()))
    }
}

/// The shape of `serve`'s log lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// A line of text per event, colored only on a terminal (see --color).
    Text,
    /// A JSON object per line: the event's fields at the top level, the
    /// request's id, method and path under `span`.
    Json,
}

/// Request logs on stderr. `DESKCTL_LOG` sets the filter (tracing's syntax);
/// `-v` turns on debug. A filter that would log nothing by mistake (a
/// misspelt level) or that tracing cannot read is replaced by the default:
/// returned is the warning that says so.
fn init_logging(session: &Session, format: LogFormat) -> Option<String> {
    // rmcp says at info level that each stateless `/v1/mcp` request ended;
    // sqlx passes PostgreSQL's notices on at info, such as the one every
    // replica's start gets from `CREATE TABLE IF NOT EXISTS _sqlx_migrations`.
    // sqlx's pool says at info that each idle connection it finds dead was
    // dropped: one line per connection when PostgreSQL goes away, where the
    // delivery workers say the outage once.
    // At debug rmcp writes out every message whole: each copilot answer,
    // tickets, internal notes and customers' details in full, which no API
    // route logs; `DESKCTL_LOG` can still ask for them.
    let (default, level) = if session.verbose > 0 {
        ("debug,rmcp=info", "debug")
    } else {
        (
            "info,rmcp=warn,sqlx::postgres::notice=warn,sqlx_core::pool=warn",
            "info",
        )
    };
    let chosen = session.env.log.as_deref().map(|filter| {
        log_filter::check(filter).and_then(|()| {
            tracing_subscriber::EnvFilter::try_new(filter)
                .map_err(|e| log_filter::unreadable(filter, &e.to_string()))
        })
    });
    let (filter, warning) = match chosen {
        Some(Ok(filter)) => (filter, None),
        None => (tracing_subscriber::EnvFilter::new(default), None),
        Some(Err(problem)) => (
            tracing_subscriber::EnvFilter::new(default),
            Some(format!("{problem} Logging at the default level, {level}.")),
        ),
    };
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        // A closed stderr is no reason to panic.
        .log_internal_errors(false);
    let _ = match format {
        LogFormat::Text => builder.with_ansi(session.ui.color_stderr()).try_init(),
        LogFormat::Json => builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_list(false)
            .try_init(),
    };
    warning
}

/// Serves the desk file over HTTP until SIGINT or SIGTERM, then finishes the
/// requests in flight. Prints the URL on stdout, so scripts can read it.
pub async fn cmd_serve(session: &Session, args: ServeArgs) -> CliResult {
    let format = args.log_format;
    let filter_warning = init_logging(session, format);
    let served = serve_desk(session, args, filter_warning).await;
    match served {
        // Collectors read every stderr line as JSON: a fatal error, as
        // `cannot open the desk` or `cannot listen`, is an event too.
        Err(error) if format == LogFormat::Json => {
            log_fatal(&error);
            Err(error.logged())
        }
        served => served,
    }
}

/// `error` as an `ERROR` event: its message, what caused it and what to do.
fn log_fatal(error: &CliError) {
    let joined = |lines: &[String]| (!lines.is_empty()).then(|| lines.join("; "));
    let cause = joined(&error.causes);
    let details = joined(&error.details);
    let hint = joined(&error.hints);
    tracing::error!(
        cause = cause.as_deref(),
        details = details.as_deref(),
        hint = hint.as_deref(),
        "{}",
        error.message
    );
}

async fn serve_desk(
    session: &Session,
    args: ServeArgs,
    filter_warning: Option<String>,
) -> CliResult {
    if session.flags.server.is_some() || session.flags.context.is_some() {
        return Err(CliError::usage(
            "serve runs a desk: use --desk PATH (or DESKCTL_DESK) or --database URL (or \
             DESKCTL_DATABASE_URL), not --server or --context",
        ));
    }
    // The desk every other command would use: flags over variables, two
    // variables at once an error. A context names a server, which serve is
    // not: then the local desk.
    let location = match session.target()? {
        Target::Local { path } => Location::Sqlite(path),
        Target::Database { url } => Location::Postgres(url.expose_secret().to_string()),
        Target::Remote { .. } => Location::Sqlite(session.paths.default_desk.clone()),
    };
    let warn = |message: &str| match args.log_format {
        LogFormat::Text => session.ui.warn(message),
        // Collectors read every stderr line as JSON: warnings are events too.
        LogFormat::Json => tracing::warn!(desk = %location.describe(), "{message}"),
    };
    if let Some(warning) = filter_warning {
        warn(&warning);
    }
    if let Location::Sqlite(path) = &location
        && let Some(warning) = crate::server::sealing::exposed_desk(path)
    {
        warn(&warning);
    }
    let (listeners, addresses) = args.listen.bind("listen", &warn).await?;
    let urls: Vec<String> = addresses.iter().map(|a| format!("http://{a}")).collect();
    // Every socket is bound before any URL is printed: a script that waits
    // for the URLs never sees them from a serve about to fail.
    let smtp = match &args.smtp_listen {
        None => None,
        Some(smtp_address) => {
            let tls = match (&args.smtp_cert, &args.smtp_key) {
                (Some(cert), Some(key)) => {
                    Some(crate::server::smtp::tls_config(cert, key).map_err(CliError::usage)?)
                }
                _ => None,
            };
            let (smtp_listeners, bound) = smtp_address.bind("listen for SMTP", &warn).await?;
            Some((smtp_listeners, bound, tls))
        }
    };
    let shutdown = shutdown_signal()?;
    // Opened (and created when missing) only once every socket is bound: a
    // serve refused its address leaves no new desk file behind, as any
    // refused command that would have created one.
    let keys = session.keys(&location)?;
    let store = Store::open(&location, Open::CreateIfMissing, keys)
        .await
        .map_err(|e| CliError::opening(&location.describe(), &e))?;
    // A stored secret that no key at hand opens fails every delivery that
    // needs it, while the health check answers: said as the service starts,
    // where whoever deploys it looks, rather than in the outbox later.
    if let Ok(workspace) = store.workspace().await {
        for away in workspace.sealed_away.values() {
            warn(&format!(
                "{}. Until then what uses it fails; the rest of the desk works",
                away.why
            ));
        }
    }
    let mut limits = args.limits();
    if let Some(room) = crate::server::listen::connection_room()
        && room < limits.max_connections
    {
        warn(&format!(
            "the open-file limit allows {room} connections, not {}: serving at most {room} \
             (raise it with `ulimit -n`)",
            limits.max_connections
        ));
        limits.max_connections = room.max(1);
    }
    let status = |message: &str| match args.log_format {
        LogFormat::Text => session.ui.info(message),
        // Collectors read every stderr line as JSON: status lines are events too.
        LogFormat::Json => tracing::info!(desk = %location.describe(), "{message}"),
    };
    // Each URL on stdout, for scripts; in JSON logs, an event of its own, so
    // that a collector finds one URL in each `url` rather than a list to split.
    let print_url = |url: &str| {
        if args.log_format == LogFormat::Json {
            tracing::info!(desk = %location.describe(), url, "Listening on {url}");
        }
        session.ui.print_line(url)
    };
    status(&format!(
        "Serving desk {} (stop with Ctrl-C)",
        location.describe()
    ));
    for url in &urls {
        print_url(url)?;
    }
    let smtp = match smtp {
        None => None,
        Some((smtp_listeners, bound, tls)) => {
            for address in bound {
                print_url(&format!("smtp://{address}"))?;
            }
            let options = crate::server::smtp::SmtpOptions {
                hostname: args.smtp_hostname.clone(),
                max_message_bytes: usize::try_from(args.smtp_max_size).unwrap_or(usize::MAX),
                max_connections: limits.max_connections,
                tls,
            };
            Some(tokio::spawn(crate::server::smtp::run(
                smtp_listeners,
                store.clone(),
                options,
            )))
        }
    };
    store.set_handoff_batch(usize::try_from(args.handoff_batch).unwrap_or(1));
    store.keep_connections();
    let copilot = crate::mcp::http::routes(store.clone());
    let delivery = crate::server::Delivery {
        lease: Duration::from_secs(args.delivery_lease),
        workers: usize::try_from(args.delivery_workers).unwrap_or(1),
    };
    let served = crate::server::serve(listeners, store, copilot, limits, delivery, shutdown).await;
    if let Some(smtp) = smtp {
        smtp.abort();
    }
    served.map_err(|e| CliError::general("the server stopped with an error").with_cause(e))?;
    status("Stopped: requests in flight were answered, later ones refused with 503");
    Ok(())
}

/// Resolves on SIGINT or SIGTERM. The handlers are installed before this returns,
/// so a signal that arrives as soon as the URL is printed is not lost (nor fatal).
fn shutdown_signal() -> CliResult<impl std::future::Future<Output = ()> + Send + 'static> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let install = |kind| {
            signal(kind)
                .map_err(|e| CliError::general("cannot install the signal handlers").with_cause(e))
        };
        let mut interrupt = install(SignalKind::interrupt())?;
        let mut terminate = install(SignalKind::terminate())?;
        Ok(async move {
            tokio::select! {
                _ = interrupt.recv() => {},
                _ = terminate.recv() => {},
            }
        })
    }
    #[cfg(not(unix))]
    {
        Ok(async {
            let _ = tokio::signal::ctrl_c().await;
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listen_address_is_an_ip_or_a_host_name_with_a_port() {
        for ok in [
            "127.0.0.1:7070",
            "0.0.0.0:0",
            "[::1]:7070",
            "localhost:7070",
            "desk.internal:25",
            "my-host:2525",
        ] {
            assert_eq!(
                ok.parse::<ListenAddress>().map(|a| a.to_string()),
                Ok(ok.to_string()),
                "{ok}"
            );
        }
    }

    #[test]
    fn a_listen_address_without_a_usable_port_or_host_names_the_expected_form() {
        for (bad, why) in [
            ("foo", "no port"),
            ("localhost", "no port"),
            ("localhost:http", "'http' is not a port"),
            ("localhost:70000", "'70000' is not a port"),
            (":7070", "'' is not an IP address or a host name"),
            ("::1:7070", "'::1' is not an IP address"),
            ("a b:7070", "'a b' is not"),
            ("-x:7070", "'-x' is not"),
            ("host..name:7070", "is not"),
        ] {
            let error = bad.parse::<ListenAddress>().unwrap_err();
            assert!(error.contains(why), "{bad}: {error}");
            assert!(error.contains("IP:PORT or HOST:PORT"), "{bad}: {error}");
        }
    }
}
