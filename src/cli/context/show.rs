use clap::Args;
use secrecy::SecretString;

use super::ContextView;
use crate::cli::Session;
use crate::config::{LOCAL_CONTEXT, Target, TargetFlags, resolve_target};
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct ContextShowArgs {
    /// The context to show (default: the one commands use now)
    #[arg(add = crate::cli::complete::contexts())]
    pub name: Option<String>,
}

pub fn cmd_context_show(session: &Session, args: ContextShowArgs) -> CliResult {
    let config = session.load_config()?;
    let credentials = session.load_credentials()?;
    let flags = match args.name {
        Some(name) => TargetFlags {
            context: Some(name),
            ..TargetFlags::default()
        },
        None => session.flags.clone(),
    };
    let target = resolve_target(
        &flags,
        &session.env,
        &config,
        &credentials,
        &session.paths.default_desk,
    )?;
    let current = |name: &str| match &config.current_context {
        Some(current) => current == name,
        None => name == LOCAL_CONTEXT,
    };
    let view = match target {
        Target::Local { path } => ContextView {
            name: LOCAL_CONTEXT.into(),
            current: current(LOCAL_CONTEXT) && path == session.paths.default_desk,
            server: None,
            desk: Some(path.display().to_string()),
            environment: None,
            protected: false,
            token: "not needed".into(),
        },
        Target::Database { .. } => ContextView {
            name: "-".into(),
            current: false,
            server: None,
            desk: Some(target.label()),
            environment: None,
            protected: false,
            token: "not needed".into(),
        },
        Target::Remote {
            context,
            server,
            token,
            environment,
            protected,
        } => ContextView {
            current: context.as_deref().is_some_and(current),
            name: context.unwrap_or_else(|| "-".into()),
            server: Some(server),
            desk: None,
            environment,
            protected,
            token: token_source(token.as_ref(), session.env.token.is_some()),
        },
    };
    session.ui.print_item(&view)
}

fn token_source(token: Option<&SecretString>, from_env: bool) -> String {
    match (token, from_env) {
        (Some(_), true) => crate::env::DESKCTL_TOKEN.into(),
        (Some(_), false) => "stored".into(),
        (None, _) => "none".into(),
    }
}
