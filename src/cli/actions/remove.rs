use clap::Args;

use crate::cli::Session;
use crate::cli::names::{Named, OrSuggest, must_exist};
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct ActionsRemoveArgs {
    /// The agent's key
    #[arg(add = crate::cli::complete::agents())]
    pub agent: String,
}

pub async fn cmd_actions_remove(session: &Session, args: ActionsRemoveArgs) -> CliResult {
    let (client, ()) = session
        .destroyer(
            &format!("remove the handover action of agent {}", args.agent),
            async |client| must_exist(client, Named::Agent, &args.agent).await,
        )
        .await?;
    client
        .delete_handover(&args.agent)
        .await
        .or_suggest(&client, &[(Named::Agent, &args.agent)])
        .await?;
    session.ui.success(&format!(
        "Removed the handover action of agent {}",
        args.agent
    ));
    Ok(())
}
