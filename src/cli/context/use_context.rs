use clap::Args;

use crate::cli::Session;
use crate::config::LOCAL_CONTEXT;
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct ContextUseArgs {
    /// The context to make current; `local` is the local desk
    #[arg(add = crate::cli::complete::contexts())]
    pub name: String,
}

pub fn cmd_context_use(session: &Session, args: ContextUseArgs) -> CliResult {
    let mut config = session.load_config()?;
    if args.name == LOCAL_CONTEXT {
        config.current_context = None;
    } else {
        config.get(&args.name)?;
        config.current_context = Some(args.name.clone());
    }
    config.save(&session.paths.config)?;
    session
        .ui
        .success(&format!("Switched to context {}", args.name));
    let overridden = crate::config::overriding_variable(&session.env)
        // `DESKCTL_CONTEXT` naming this very context picks it anyway.
        .filter(|&variable| {
            variable != crate::env::DESKCTL_CONTEXT
                || session.env.context.as_deref() != Some(args.name.as_str())
        });
    if let Some(variable) = overridden {
        session.ui.warn(&format!(
            "{variable} is set and comes before the current context: commands still go \
             where it says, not to {0}, until it is unset",
            args.name
        ));
    }
    Ok(())
}
