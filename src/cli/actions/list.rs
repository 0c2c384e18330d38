use clap::Args;

use super::ActionRow;
use crate::cli::Session;
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct ActionsListArgs {}

pub async fn cmd_actions_list(session: &Session, _args: ActionsListArgs) -> CliResult {
    let client = session.client().await?;
    let rows: Vec<ActionRow> = client
        .list_agents()
        .await?
        .into_iter()
        .filter_map(ActionRow::of)
        .collect();
    session.ui.print_list(&rows, "handover actions")
}
