use clap::Args;

use crate::api::AgentUpdate;
use crate::cli::Session;
use crate::cli::names::{Named, OrSuggest};
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct AgentsSetArgs {
    /// The agent's key
    #[arg(add = crate::cli::complete::agents())]
    pub key: String,
    /// The agent's name
    #[arg(long)]
    pub name: String,
}

pub async fn cmd_agents_set(session: &Session, args: AgentsSetArgs) -> CliResult {
    let client = session
        .writer(&format!("change agent {}", args.key))
        .await?;
    let agent = client
        .update_agent(
            &args.key,
            &AgentUpdate {
                name: Some(args.name),
            },
        )
        .await
        .or_suggest(&client, &[(Named::Agent, &args.key)])
        .await?;
    session.ui.success(&format!("Updated agent {}", agent.key));
    session.ui.print_item(&agent)
}
