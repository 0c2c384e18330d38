use clap::Args;

use super::ActionView;
use crate::cli::Session;
use crate::cli::names::{Named, OrSuggest};
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct ActionsToggleArgs {
    /// The agent's key
    #[arg(add = crate::cli::complete::agents())]
    pub agent: String,
}

/// `actions enable` and `actions disable`.
pub async fn cmd_actions_toggle(
    session: &Session,
    args: ActionsToggleArgs,
    enabled: bool,
) -> CliResult {
    let verb = if enabled { "enable" } else { "disable" };
    let client = session
        .writer(&format!(
            "{verb} the handover action of agent {}",
            args.agent
        ))
        .await?;
    let mut action = client
        .get_handover(&args.agent)
        .await
        .or_suggest(&client, &[(Named::Agent, &args.agent)])
        .await?;
    action.enabled = enabled;
    let handover = client.put_handover(&args.agent, &action, false).await?;
    session.ui.success(&format!(
        "{} the handover action of agent {}",
        if enabled { "Enabled" } else { "Disabled" },
        args.agent
    ));
    session.ui.print_item(&ActionView {
        agent: args.agent,
        handover,
    })
}
