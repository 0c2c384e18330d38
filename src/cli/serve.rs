use std::net::SocketAddr;

use clap::Args;
use tokio::net::TcpListener;

use crate::cli::Session;
use crate::config::Target;
use crate::error::{CliError, CliResult};
use crate::server::Store;

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
    let store = Store::open(&path).await.map_err(|e| {
        CliError::general(format!("cannot open the desk at {}", path.display())).with_cause(e)
    })?;
    let listener = TcpListener::bind(args.listen).await.map_err(|e| {
        CliError::general(format!("cannot listen on {}", args.listen)).with_cause(e)
    })?;
    let address = listener.local_addr()?;
    session.ui.info(&format!(
        "Serving desk {} (stop with Ctrl-C)",
        path.display()
    ));
    session.ui.print_line(&format!("http://{address}"))?;
    crate::server::serve(listener, store, shutdown_signal())
        .await
        .map_err(|e| CliError::general("the server stopped with an error").with_cause(e))?;
    session
        .ui
        .info("Stopped: every request in flight was answered");
    Ok(())
}

async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}
