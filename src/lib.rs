//! deskctl: the command-line administration tool for Desk, and the Desk service.
//!
//! `run` parses the command line, resolves settings, dispatches to a command and
//! turns any error into a report and an exit code.

mod alloc;
pub mod api;
pub mod cli;
pub mod client;
pub mod config;
pub mod docs;
pub mod domain;
pub mod env;
pub mod error;
pub mod manifest;
pub mod mcp;
pub mod net;
pub mod server;
pub mod ui;

use std::process::ExitCode;

use clap::FromArgMatches;
use secrecy::SecretString;

use crate::cli::{Cli, Command, Session};
use crate::config::{Paths, TargetFlags};
use crate::env::EnvVars;
use crate::error::CliError;
use crate::ui::{Ui, UiSettings};

/// Runs deskctl with the process's arguments and environment.
pub fn run() -> ExitCode {
    // A shell asking for completions (`COMPLETE=bash deskctl -- …`) is answered
    // here, before anything else is written, and the process ends.
    cli::complete::complete_from_env();
    let env = EnvVars::from_process();
    let bin_name = std::env::args_os().next().and_then(|arg0| {
        Some(
            std::path::Path::new(&arg0)
                .file_name()?
                .to_str()?
                .to_string(),
        )
    });
    let cli = match cli::command()
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches))
        .and_then(|cli| cli::check_usage(&cli, bin_name.as_deref()).map(|()| cli))
    {
        Ok(cli) => cli,
        Err(error) => {
            let args: Vec<_> = std::env::args_os().collect();
            let error = cli::with_synonym_tip(error, &mut cli::command(), &args);
            let color = ui::ColorChoice::from_args(&args);
            return ExitCode::from(ui::print_clap_answer(&error, color, &env));
        }
    };
    let ui = Ui::new(
        UiSettings {
            format: cli.global.output,
            color: cli.global.color,
            quiet: cli.global.quiet,
            no_input: cli.global.no_input,
            yes: cli.global.yes,
        },
        &env,
    );
    let code = match execute(cli, env, ui.clone()) {
        Ok(()) => 0,
        Err(error) => ui.report(&error),
    };
    ExitCode::from(code)
}

fn execute(cli: Cli, env: EnvVars, ui: Ui) -> Result<(), CliError> {
    let serving = matches!(cli.command, Command::Serve(_));
    if serving {
        alloc::serve_from_mimalloc();
    }
    if !serving && cli.global.verbose > 0 {
        ui::trace_requests(cli.global.verbose, ui.color_stderr());
    }
    let paths = Paths::resolve(&env)?;
    if cli
        .global
        .database
        .as_deref()
        .is_some_and(crate::net::carries_password)
    {
        ui.warn(
            "the --database URL carries a password, which anyone on this machine can read in \
             the process list: put it in PGPASSWORD, ~/.pgpass or DESKCTL_DATABASE_URL instead",
        );
    }
    let session = Session {
        ui,
        env,
        paths,
        flags: TargetFlags {
            context: cli.global.context.clone(),
            server: cli.global.server.clone(),
            desk: cli.global.desk.clone(),
            database: cli.global.database.clone().map(SecretString::from),
        },
        verbose: cli.global.verbose,
        opened: Default::default(),
        credentials_warned: Default::default(),
        in_clear_warned: Default::default(),
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
        let (result, interrupted) = if serving {
            // serve handles signals itself, to finish requests in flight.
            (cli::dispatch(cli.command, &session).await, false)
        } else {
            // The handler is in place before the command starts: a Ctrl-C at
            // its first prompt must end in a report, not kill the process with
            // the terminal in the prompt's state.
            let interrupted = interrupt_signal()?;
            tokio::select! {
                biased;
                _ = interrupted => (Err(CliError::interrupted()), true),
                result = cli::dispatch(cli.command, &session) => (result, false),
            }
        };
        session.finish(interrupted, result.is_err()).await;
        result
    })
}

/// Resolves on Ctrl-C; the handler is installed when this returns.
fn interrupt_signal() -> Result<impl std::future::Future<Output = ()>, CliError> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut interrupt = signal(SignalKind::interrupt())
            .map_err(|e| CliError::general("cannot install the signal handler").with_cause(e))?;
        Ok(async move {
            interrupt.recv().await;
        })
    }
    #[cfg(not(unix))]
    {
        Ok(async {
            let _ = tokio::signal::ctrl_c().await;
        })
    }
}
