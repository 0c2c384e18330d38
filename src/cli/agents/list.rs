use clap::Args;

use crate::cli::Session;
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct AgentsListArgs {}

pub async fn cmd_agents_list(session: &Session, _args: AgentsListArgs) -> CliResult {
    let client = session.client().await?;
    let agents = client.list_agents().await?;
    session.ui.print_list(&agents, "agents")
}
