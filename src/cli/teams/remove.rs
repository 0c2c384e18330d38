use clap::Args;

use crate::cli::Session;
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct TeamsRemoveArgs {
    /// The team's key
    pub key: String,
}

pub async fn cmd_teams_remove(session: &Session, args: TeamsRemoveArgs) -> CliResult {
    let client = session
        .destroyer(&format!("remove team {}", args.key))
        .await?;
    client.delete_team(&args.key).await?;
    session.ui.success(&format!("Removed team {}", args.key));
    Ok(())
}
