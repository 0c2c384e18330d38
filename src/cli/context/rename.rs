use clap::Args;

use super::check_name;
use crate::cli::Session;
use crate::error::{CliError, CliResult, ExitKind};

#[derive(Debug, Args)]
pub struct ContextRenameArgs {
    /// The context's name now
    #[arg(add = crate::cli::complete::contexts())]
    pub old: String,
    /// Its new name
    pub new: String,
}

/// Renames a context with its stored token, and keeps it current if it was.
pub fn cmd_context_rename(session: &Session, args: ContextRenameArgs) -> CliResult {
    super::not_local(&args.old, "renamed")?;
    check_name(&args.new)?;
    let mut config = session.load_config()?;
    if config.find(&args.new).is_some() {
        return Err(CliError::new(
            ExitKind::Conflict,
            format!("context '{}' already exists", args.new),
        ));
    }
    config.get_mut(&args.old)?.name = args.new.clone();
    if config.current_context.as_deref() == Some(args.old.as_str()) {
        config.current_context = Some(args.new.clone());
    }
    let mut credentials = session.load_credentials()?;
    if let Some(token) = credentials.token(&args.old).map(str::to_string) {
        credentials.set_token(&args.new, token);
        credentials.remove(&args.old);
        credentials.save(&session.paths.credentials)?;
    }
    config.save(&session.paths.config)?;
    session
        .ui
        .success(&format!("Renamed context {} to {}", args.old, args.new));
    Ok(())
}
