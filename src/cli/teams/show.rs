use clap::Args;

use crate::cli::Session;
use crate::cli::names::{Named, OrSuggest};
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct TeamsShowArgs {
    /// The team's key
    #[arg(add = crate::cli::complete::teams())]
    pub key: String,
}

pub async fn cmd_teams_show(session: &Session, args: TeamsShowArgs) -> CliResult {
    let client = session.client().await?;
    let team = client
        .get_team(&args.key)
        .await
        .or_suggest(&client, &[(Named::Team, &args.key)])
        .await?;
    session.ui.print_item(&team)
}
