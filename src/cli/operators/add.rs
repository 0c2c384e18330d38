use std::path::PathBuf;

use clap::Args;

use super::{availability_parser, role_parser};
use crate::api::{Availability, OperatorCreate, Role};
use crate::cli::Session;
use crate::cli::names::{Named, OrSuggest};
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct OperatorsAddArgs {
    /// Unique handle: lowercase letters, digits and dashes, e.g. `alice`
    pub handle: String,
    /// The name customers see
    #[arg(long)]
    pub name: String,
    /// The address replies are sent from
    #[arg(long)]
    pub email: String,
    /// What the operator may do
    #[arg(long, value_parser = role_parser(), default_value = "operator")]
    pub role: Role,
    /// Whether the operator takes new tickets (only `online` operators are assigned)
    #[arg(long, value_parser = availability_parser(), default_value = "offline")]
    pub availability: Availability,
    /// A team to join (repeat for several)
    #[arg(long = "team", value_name = "KEY")]
    #[arg(add = crate::cli::complete::teams())]
    pub teams: Vec<String>,
    /// The most open tickets the operator takes
    #[arg(long, value_name = "N", value_parser = crate::cli::whole_number::<u32>(0, u32::MAX))]
    pub capacity: Option<u32>,
    /// Email signature
    #[arg(long, conflicts_with = "signature_file")]
    pub signature: Option<String>,
    /// Read the email signature from a file (`-` for stdin)
    #[arg(long, value_name = "PATH")]
    pub signature_file: Option<PathBuf>,
}

pub async fn cmd_operators_add(session: &Session, args: OperatorsAddArgs) -> CliResult {
    let signature = match &args.signature_file {
        Some(path) => Some(session.read_text(path)?.trim_end().to_string()),
        None => args.signature,
    };
    let body = OperatorCreate {
        handle: args.handle,
        name: args.name,
        email: args.email,
        signature,
        role: Some(args.role),
        availability: Some(args.availability),
        teams: args.teams,
        capacity: args.capacity,
    };
    let client = session
        .writer(&format!("add operator {}", body.handle))
        .await?;
    let teams: Vec<_> = body
        .teams
        .iter()
        .map(|k| (Named::Team, k.as_str()))
        .collect();
    let operator = client
        .create_operator(&body)
        .await
        .or_suggest(&client, &teams)
        .await?;
    session.ui.success(&format!(
        "Added operator {} ({})",
        operator.handle, operator.role
    ));
    session.ui.print_item(&operator)
}
