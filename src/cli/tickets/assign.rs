use clap::Args;

use super::each_ticket;
use crate::cli::Session;
use crate::error::{CliError, CliResult};

#[derive(Debug, Args)]
pub struct TicketsAssignArgs {
    /// Ticket numbers
    #[arg(required = true, value_name = "NUMBER")]
    pub numbers: Vec<u64>,
    /// The operator to assign them to
    #[arg(
        long,
        value_name = "HANDLE",
        required_unless_present = "me",
        conflicts_with = "me"
    )]
    pub to: Option<String>,
    /// Assign them to yourself (the token's operator)
    #[arg(long)]
    pub me: bool,
    /// Assign even when the operator is not online
    #[arg(long)]
    pub force: bool,
}

pub async fn cmd_tickets_assign(session: &Session, args: TicketsAssignArgs) -> CliResult {
    let client = session
        .writer(&format!("assign {} ticket(s)", args.numbers.len()))
        .await?;
    let to = match args.to {
        Some(handle) => handle,
        None => client.me().await?.operator.ok_or_else(|| {
            CliError::usage("--me needs an operator token; the local desk acts as its owner")
                .with_hint("pass --to HANDLE")
        })?,
    };
    let done = format!("Assigned to {to}:");
    each_ticket(
        session,
        &client,
        &args.numbers,
        &done,
        async |client, number| client.assign_ticket(number, &to, args.force).await,
    )
    .await
}
