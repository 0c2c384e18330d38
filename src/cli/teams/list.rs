use clap::Args;

use crate::cli::Session;
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct TeamsListArgs {}

pub async fn cmd_teams_list(session: &Session, _args: TeamsListArgs) -> CliResult {
    let client = session.client().await?;
    let teams = client.list_teams().await?;
    session.ui.print_list(&teams, "teams")
}
