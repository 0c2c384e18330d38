use clap::Args;

use crate::cli::Session;
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct ActionsRemoveArgs {
    /// The agent's key
    pub agent: String,
}

pub async fn cmd_actions_remove(session: &Session, args: ActionsRemoveArgs) -> CliResult {
    let client = session
        .destroyer(&format!(
            "remove the handover action of agent {}",
            args.agent
        ))
        .await?;
    client.delete_handover(&args.agent).await?;
    session.ui.success(&format!(
        "Removed the handover action of agent {}",
        args.agent
    ));
    Ok(())
}
