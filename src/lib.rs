//! deskctl: the command-line administration tool for Desk, and the Desk service.
//!
//! `run` parses the command line, resolves settings, dispatches to a command and
//! turns any error into a report and an exit code.

pub mod api;
pub mod cli;
pub mod client;
pub mod config;
pub mod docs;
pub mod domain;
pub mod env;
pub mod error;
pub mod manifest;
pub mod server;
pub mod ui;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command, Session};
use crate::config::{Paths, TargetFlags};
use crate::env::EnvVars;
use crate::error::CliError;
use crate::ui::{Ui, UiSettings};

/// Runs deskctl with the process's arguments and environment.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            // Help and version go to stdout and are a success; usage errors exit 2.
            return ExitCode::from(if error.use_stderr() { 2 } else { 0 });
        }
    };
    let env = EnvVars::from_process();
    let ui = Ui::new(UiSettings {
        format: cli.global.output,
        color: cli.global.color,
        no_color_env: env.no_color,
        quiet: cli.global.quiet,
        no_input: cli.global.no_input,
        yes: cli.global.yes,
    });
    let code = match execute(cli, env, ui.clone()) {
        Ok(()) => 0,
        Err(error) => ui.report(&error),
    };
    ExitCode::from(code)
}

fn execute(cli: Cli, env: EnvVars, ui: Ui) -> Result<(), CliError> {
    let serving = matches!(cli.command, Command::Serve(_));
    if serving {
        init_logging(&env);
    }
    let paths = Paths::resolve(&env)?;
    let session = Session {
        ui,
        env,
        paths,
        flags: TargetFlags {
            context: cli.global.context.clone(),
            server: cli.global.server.clone(),
            desk: cli.global.desk.clone(),
        },
    };
    let runtime = if serving {
        tokio::runtime::Builder::new_multi_thread()
    } else {
        tokio::runtime::Builder::new_current_thread()
    }
    .enable_all()
    .build()
    .map_err(|e| CliError::general("cannot start the async runtime").with_cause(e))?;
    runtime.block_on(async {
        if serving {
            // serve handles signals itself, to finish requests in flight.
            return cli::dispatch(cli.command, &session).await;
        }
        tokio::select! {
            result = cli::dispatch(cli.command, &session) => result,
            _ = tokio::signal::ctrl_c() => Err(CliError::interrupted()),
        }
    })
}

/// Request logs for `deskctl serve`, on stderr; `DESKCTL_LOG` sets the filter.
fn init_logging(env: &EnvVars) {
    let filter = tracing_subscriber::EnvFilter::try_new(
        env.log.as_deref().unwrap_or("info,tower_http=info"),
    )
    .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
