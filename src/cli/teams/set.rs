use clap::Args;

use crate::api::TeamUpdate;
use crate::cli::Session;
use crate::cli::names::{Named, OrSuggest, edited_list};
use crate::error::{CliError, CliResult};

#[derive(Debug, Args)]
pub struct TeamsSetArgs {
    /// The team's key
    #[arg(add = crate::cli::complete::teams())]
    pub key: String,
    /// The team's name
    #[arg(long)]
    pub name: Option<String>,
    /// Make this the default team (the previous default stops being it)
    #[arg(long)]
    pub default: bool,
    /// Add an operator (repeat for several)
    #[arg(long = "add-member", value_name = "HANDLE")]
    #[arg(add = crate::cli::complete::operators())]
    pub add_members: Vec<String>,
    /// Remove an operator (repeat for several)
    #[arg(long = "remove-member", value_name = "HANDLE")]
    #[arg(add = crate::cli::complete::operators())]
    pub remove_members: Vec<String>,
}

pub async fn cmd_teams_set(session: &Session, args: TeamsSetArgs) -> CliResult {
    let mut update = TeamUpdate {
        name: args.name,
        default: args.default.then_some(true),
        members: None,
    };
    let client = session.writer(&format!("change team {}", args.key)).await?;
    if !args.add_members.is_empty() || !args.remove_members.is_empty() {
        let current = client
            .get_team(&args.key)
            .await
            .or_suggest(&client, &[(Named::Team, &args.key)])
            .await?;
        let edits = (args.add_members.as_slice(), args.remove_members.as_slice());
        let whose = format!("team {}", args.key);
        let members = edited_list(
            session,
            &client,
            Named::Operator,
            current.members,
            edits,
            &whose,
        );
        update.members = Some(members.await?);
    }
    if update.is_empty() {
        return Err(CliError::usage("nothing to change")
            .with_hint("name what to change: --name, --default, --add-member or --remove-member"));
    }
    let mut names = vec![(Named::Team, args.key.as_str())];
    names.extend(
        args.add_members
            .iter()
            .map(|h| (Named::Operator, h.as_str())),
    );
    let team = client
        .update_team(&args.key, &update)
        .await
        .or_suggest(&client, &names)
        .await?;
    session.ui.success(&format!("Updated team {}", team.key));
    session.ui.print_item(&team)
}
