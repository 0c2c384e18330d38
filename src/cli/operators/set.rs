use std::path::PathBuf;

use clap::Args;

use super::{availability_parser, role_parser};
use crate::api::{Availability, OperatorUpdate, Role};
use crate::cli::Session;
use crate::cli::names::{Named, OrSuggest, edited_list};
use crate::error::{CliError, CliResult};

#[derive(Debug, Args)]
pub struct OperatorsSetArgs {
    /// The operator's handle
    #[arg(add = crate::cli::complete::operators())]
    pub handle: String,
    /// The name customers see
    #[arg(long)]
    pub name: Option<String>,
    /// The address replies are sent from
    #[arg(long)]
    pub email: Option<String>,
    /// What the operator may do (only owners change roles)
    #[arg(long, value_parser = role_parser())]
    pub role: Option<Role>,
    /// Whether the operator takes new tickets
    #[arg(long, value_parser = availability_parser())]
    pub availability: Option<Availability>,
    /// Join a team (repeat for several)
    #[arg(long = "add-team", value_name = "KEY")]
    #[arg(add = crate::cli::complete::teams())]
    pub add_teams: Vec<String>,
    /// Leave a team (repeat for several)
    #[arg(long = "remove-team", value_name = "KEY")]
    #[arg(add = crate::cli::complete::teams())]
    pub remove_teams: Vec<String>,
    /// The most open tickets the operator takes
    #[arg(long, value_name = "N", conflicts_with = "no_capacity",
        value_parser = crate::cli::whole_number::<u32>(0, u32::MAX))]
    pub capacity: Option<u32>,
    /// Remove the capacity limit
    #[arg(long)]
    pub no_capacity: bool,
    /// Email signature
    #[arg(long, conflicts_with_all = ["signature_file", "no_signature"])]
    pub signature: Option<String>,
    /// Read the email signature from a file (`-` for stdin)
    #[arg(long, value_name = "PATH", conflicts_with = "no_signature")]
    pub signature_file: Option<PathBuf>,
    /// Remove the email signature
    #[arg(long)]
    pub no_signature: bool,
}

pub async fn cmd_operators_set(session: &Session, args: OperatorsSetArgs) -> CliResult {
    let signature = match (&args.signature_file, args.signature, args.no_signature) {
        (Some(path), _, _) => Some(Some(session.read_text(path)?.trim_end().to_string())),
        (None, Some(text), _) => Some(Some(text)),
        (None, None, true) => Some(None),
        (None, None, false) => None,
    };
    let capacity = match (args.capacity, args.no_capacity) {
        (Some(n), _) => Some(Some(n)),
        (None, true) => Some(None),
        (None, false) => None,
    };
    let mut update = OperatorUpdate {
        name: args.name,
        email: args.email,
        signature,
        role: args.role,
        availability: args.availability,
        teams: None,
        capacity,
    };
    let client = session
        .writer(&format!("change operator {}", args.handle))
        .await?;
    if !args.add_teams.is_empty() || !args.remove_teams.is_empty() {
        let current = client
            .get_operator(&args.handle)
            .await
            .or_suggest(&client, &[(Named::Operator, &args.handle)])
            .await?;
        let edits = (args.add_teams.as_slice(), args.remove_teams.as_slice());
        let whose = format!("operator {}", args.handle);
        let teams = edited_list(session, &client, Named::Team, current.teams, edits, &whose);
        update.teams = Some(teams.await?);
    }
    if update.is_empty() {
        return Err(CliError::usage("nothing to change")
            .with_hint("name what to change, e.g. --name, --email, --role or --add-team"));
    }
    let mut names = vec![(Named::Operator, args.handle.as_str())];
    names.extend(args.add_teams.iter().map(|k| (Named::Team, k.as_str())));
    let operator = client
        .update_operator(&args.handle, &update)
        .await
        .or_suggest(&client, &names)
        .await?;
    session
        .ui
        .success(&format!("Updated operator {}", operator.handle));
    session.ui.print_item(&operator)
}
