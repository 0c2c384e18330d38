use clap::Args;

use crate::cli::Session;
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct ContextRemoveArgs {
    /// The context to remove
    #[arg(add = crate::cli::complete::contexts())]
    pub name: String,
}

/// Asks first (or takes --yes): the stored token goes with it.
pub fn cmd_context_remove(session: &Session, args: ContextRemoveArgs) -> CliResult {
    super::not_local(&args.name, "removed")?;
    let mut config = session.load_config()?;
    config.get(&args.name)?;
    session.ui.confirm(&format!(
        "remove context '{}' and its stored token",
        args.name
    ))?;
    config.contexts.retain(|c| c.name != args.name);
    let was_current = config.current_context.as_deref() == Some(args.name.as_str());
    if was_current {
        config.current_context = None;
    }
    config.save(&session.paths.config)?;
    let mut credentials = session.load_credentials()?;
    if credentials.remove(&args.name) {
        credentials.save(&session.paths.credentials)?;
    }
    session
        .ui
        .success(&format!("Removed context {}", args.name));
    if was_current {
        session
            .ui
            .info("It was the current context: commands now use the local desk");
    }
    Ok(())
}
