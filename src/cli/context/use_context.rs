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
    Ok(())
}
