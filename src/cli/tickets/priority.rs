use clap::Args;

use super::each_ticket;
use crate::api::Priority;
use crate::cli::{Session, wire_enum_parser};
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct TicketsPriorityArgs {
    /// The ticket's number
    #[arg(add = crate::cli::complete::tickets())]
    pub number: u64,
    /// The new priority
    #[arg(value_parser = wire_enum_parser::<Priority>(Priority::NAMES))]
    pub priority: Priority,
}

pub async fn cmd_tickets_priority(session: &Session, args: TicketsPriorityArgs) -> CliResult {
    let client = session
        .writer(&format!("set the priority of ticket {}", args.number))
        .await?;
    let done = format!("Set priority {} on", args.priority);
    each_ticket(
        session,
        &client,
        &[args.number],
        &done,
        async |client, number| client.set_ticket_priority(number, args.priority).await,
    )
    .await
}
