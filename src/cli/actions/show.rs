use clap::Args;

use super::ActionView;
use crate::cli::Session;
use crate::cli::names::{Named, OrSuggest};
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct ActionsShowArgs {
    /// The agent's key
    #[arg(add = crate::cli::complete::agents())]
    pub agent: String,
}

pub async fn cmd_actions_show(session: &Session, args: ActionsShowArgs) -> CliResult {
    let client = session.client().await?;
    let handover = client
        .get_handover(&args.agent)
        .await
        .or_suggest(&client, &[(Named::Agent, &args.agent)])
        .await?;
    session.ui.print_item(&ActionView {
        agent: args.agent,
        handover,
    })
}
