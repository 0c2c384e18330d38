use clap::Args;

use crate::cli::Session;
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct TeamsShowArgs {
    /// The team's key
    pub key: String,
}

pub async fn cmd_teams_show(session: &Session, args: TeamsShowArgs) -> CliResult {
    let client = session.client().await?;
    let team = client.get_team(&args.key).await?;
    session.ui.print_item(&team)
}
