use clap::Args;

use crate::cli::Session;
use crate::cli::names::{Named, OrSuggest};
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct AgentsShowArgs {
    /// The agent's key
    #[arg(add = crate::cli::complete::agents())]
    pub key: String,
}

pub async fn cmd_agents_show(session: &Session, args: AgentsShowArgs) -> CliResult {
    let client = session.client().await?;
    let agent = client
        .get_agent(&args.key)
        .await
        .or_suggest(&client, &[(Named::Agent, &args.key)])
        .await?;
    session.ui.print_item(&agent)
}
