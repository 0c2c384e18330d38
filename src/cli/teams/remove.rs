use clap::Args;

use crate::cli::Session;
use crate::cli::names::{Named, OrSuggest, must_exist};
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct TeamsRemoveArgs {
    /// The team's key
    #[arg(add = crate::cli::complete::teams())]
    pub key: String,
}

pub async fn cmd_teams_remove(session: &Session, args: TeamsRemoveArgs) -> CliResult {
    let (client, ()) = session
        .destroyer(&format!("remove team {}", args.key), async |client| {
            must_exist(client, Named::Team, &args.key).await
        })
        .await?;
    client
        .delete_team(&args.key)
        .await
        .or_suggest(&client, &[(Named::Team, &args.key)])
        .await?;
    session.ui.success(&format!("Removed team {}", args.key));
    Ok(())
}
