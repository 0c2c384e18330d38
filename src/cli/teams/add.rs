use clap::Args;

use crate::api::TeamCreate;
use crate::cli::Session;
use crate::cli::names::{Named, OrSuggest};
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct TeamsAddArgs {
    /// Unique key: lowercase letters, digits and dashes, e.g. `billing`
    pub key: String,
    /// The team's name
    #[arg(long)]
    pub name: String,
    /// Make it the default team (refused while another team is the default:
    /// move the default with `teams set KEY --default`)
    #[arg(long)]
    pub default: bool,
    /// An operator to add (repeat for several)
    #[arg(long = "member", value_name = "HANDLE")]
    #[arg(add = crate::cli::complete::operators())]
    pub members: Vec<String>,
}

pub async fn cmd_teams_add(session: &Session, args: TeamsAddArgs) -> CliResult {
    let body = TeamCreate {
        key: args.key,
        name: args.name,
        default: args.default,
        members: args.members,
    };
    let client = session.writer(&format!("add team {}", body.key)).await?;
    let members: Vec<_> = body
        .members
        .iter()
        .map(|h| (Named::Operator, h.as_str()))
        .collect();
    let team = client
        .create_team(&body)
        .await
        .or_suggest(&client, &members)
        .await?;
    let note = if team.default { " (default team)" } else { "" };
    session
        .ui
        .success(&format!("Added team {}{note}", team.key));
    session.ui.print_item(&team)
}
