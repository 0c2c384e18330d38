use clap::Args;

use crate::api::AgentCreate;
use crate::cli::Session;
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct AgentsAddArgs {
    /// Unique key: lowercase letters, digits and dashes, e.g. `shop-assistant`
    pub key: String,
    /// The agent's name
    #[arg(long)]
    pub name: String,
}

pub async fn cmd_agents_add(session: &Session, args: AgentsAddArgs) -> CliResult {
    let body = AgentCreate {
        key: args.key,
        name: args.name,
    };
    let client = session.writer(&format!("add agent {}", body.key)).await?;
    let agent = client.create_agent(&body).await?;
    session.ui.success(&format!(
        "Added agent {}; give it a handover action with `deskctl actions set {}`",
        agent.key, agent.key
    ));
    session.ui.print_item(&agent)
}
