use clap::Args;

use crate::cli::Session;
use crate::cli::names::{Named, OrSuggest, must_exist};
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct AgentsRemoveArgs {
    /// The agent's key
    #[arg(add = crate::cli::complete::agents())]
    pub key: String,
}

pub async fn cmd_agents_remove(session: &Session, args: AgentsRemoveArgs) -> CliResult {
    let (client, ()) = session
        .destroyer(
            &format!("remove agent {} and its handover action", args.key),
            async |client| must_exist(client, Named::Agent, &args.key).await,
        )
        .await?;
    client
        .delete_agent(&args.key)
        .await
        .or_suggest(&client, &[(Named::Agent, &args.key)])
        .await?;
    session.ui.success(&format!("Removed agent {}", args.key));
    Ok(())
}
