use std::net::SocketAddr;

use clap::Args;
use tokio::net::TcpListener;

use crate::cli::Session;
use crate::config::Target;
use crate::error::{CliError, CliResult};
use crate::server::Store;
use crate::server::store::{Location, Open};

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The address to listen on; port 0 picks a free port
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:7070")]
    pub listen: SocketAddr,
}

/// Serves the desk file over HTTP until SIGINT or SIGTERM, then finishes the
/// requests in flight. Prints the URL on stdout, so scripts can read it.
pub async fn cmd_serve(session: &Session, args: ServeArgs) -> CliResult {
    if session.flags.server.is_some() || session.flags.context.is_some() {
        return Err(CliError::usage(
            "serve runs a desk file: use --desk PATH (or DESKCTL_DESK), not --server or --context",
        ));
    }
    let path = match &session.flags.desk {
        Some(path) => path.clone(),
        None => match session.env.desk.clone() {
            Some(path) => path,
            None => match session.target()? {
                Target::Local { path } => path,
                Target::Remote { .. } => session.paths.default_desk.clone(),
            },
        },
    };
    let location = Location::Sqlite(path.clone());
    let store = Store::open(&location, Open::CreateIfMissing)
        .await
        .map_err(|e| {
            CliError::general(format!("cannot open the desk at {}", path.display())).with_cause(e)
        })?;
    let listener = TcpListener::bind(args.listen).await.map_err(|e| {
        CliError::general(format!("cannot listen on {}", args.listen)).with_cause(e)
    })?;
    let address = listener.local_addr()?;
    let shutdown = shutdown_signal()?;
    session.ui.info(&format!(
        "Serving desk {} (stop with Ctrl-C)",
        path.display()
    ));
    session.ui.print_line(&format!("http://{address}"))?;
    let copilot = crate::mcp::http::routes(store.clone());
    crate::server::serve(listener, store, copilot, shutdown)
        .await
        .map_err(|e| CliError::general("the server stopped with an error").with_cause(e))?;
    session
        .ui
        .info("Stopped: every request in flight was answered");
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
