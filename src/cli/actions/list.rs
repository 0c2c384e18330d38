use clap::Args;

use super::ActionView;
use crate::cli::Session;
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct ActionsListArgs {}

pub async fn cmd_actions_list(session: &Session, _args: ActionsListArgs) -> CliResult {
    let client = session.client().await?;
    let views: Vec<ActionView> = client
        .list_agents()
        .await?
        .into_iter()
        .filter_map(|agent| {
            agent.handover.map(|handover| ActionView {
                agent: agent.key,
                handover,
            })
        })
        .collect();
    session.ui.print_list(&views, "handover actions")
}
