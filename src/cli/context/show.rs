use clap::Args;
use secrecy::SecretString;

use super::ContextView;
use crate::cli::Session;
use crate::config::{LOCAL_CONTEXT, Target, TargetFlags, chosen_by, resolve_target};
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
    let resolve = |flags: &TargetFlags| {
        resolve_target(
            flags,
            &session.env,
            &config,
            &credentials,
            &session.paths.default_desk,
        )
    };
    let chosen_by = chosen_by(&session.flags, &session.env, &config).to_string();
    let (target, chosen_by) = match args.name {
        Some(name) => {
            let target = resolve(&TargetFlags {
                context: Some(name),
                ..TargetFlags::default()
            })?;
            // What commands use now may not resolve (two variables set):
            // then this context is not it.
            let in_use = resolve(&session.flags).is_ok_and(|used| same_target(&used, &target));
            (target, in_use.then_some(chosen_by))
        }
        None => (resolve(&session.flags)?, Some(chosen_by)),
    };
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
            chosen_by,
        },
        Target::Database { .. } => ContextView {
            name: unnamed(chosen_by.as_deref().unwrap_or("--database")),
            current: false,
            server: None,
            desk: Some(target.label()),
            environment: None,
            protected: false,
            token: "not needed".into(),
            chosen_by,
        },
        Target::Remote {
            context,
            server,
            token,
            environment,
            protected,
        } => ContextView {
            current: context.as_deref().is_some_and(current),
            name: context.unwrap_or_else(|| unnamed(chosen_by.as_deref().unwrap_or("--server"))),
            server: Some(server),
            desk: None,
            environment,
            protected,
            token: token_source(token.as_ref(), session.env.token.is_some()),
            chosen_by,
        },
    };
    session.ui.print_item(&view)
}

/// How a target that no context names is called in `context show`: what
/// picked it, in parentheses, which no context name can be.
fn unnamed(chosen_by: &str) -> String {
    format!("({chosen_by})")
}

/// Whether two targets are the same local desk file or the same context.
fn same_target(a: &Target, b: &Target) -> bool {
    match (a, b) {
        (Target::Local { path: a }, Target::Local { path: b }) => a == b,
        (
            Target::Remote {
                context: Some(a), ..
            },
            Target::Remote {
                context: Some(b), ..
            },
        ) => a == b,
        _ => false,
    }
}

fn token_source(token: Option<&SecretString>, from_env: bool) -> String {
    match (token, from_env) {
        (Some(_), true) => crate::env::DESKCTL_TOKEN.into(),
        (Some(_), false) => "stored".into(),
        (None, _) => "none".into(),
    }
}
