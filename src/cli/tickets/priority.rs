use clap::Args;

use super::{Done, each_ticket};
use crate::api::{Priority, TicketStatus};
use crate::cli::{Session, wire_enum_parser};
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct TicketsPriorityArgs {
    /// The ticket's number
    #[arg(add = crate::cli::complete::tickets())]
    #[arg(value_parser = crate::cli::parse_ticket_number)]
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
    // The priority it has already is no conflict: said, and the command succeeds.
    each_ticket(
        session,
        &client,
        args.number,
        &done,
        async |client, number| {
            let ticket = client.get_ticket(number).await?.ticket;
            if ticket.priority == args.priority && ticket.status != TicketStatus::Resolved {
                return Ok(Done::Already(format!(
                    "ticket {number} is already {} priority",
                    args.priority
                )));
            }
            client
                .set_ticket_priority(number, args.priority)
                .await
                .map(Done::changed)
        },
    )
    .await
}
