use clap::Args;

use super::{Done, TicketsNumbersArgs, each_ticket_or_skip};
use crate::api::TicketStatus;
use crate::cli::Session;
use crate::error::CliResult;

// The numbers of `reopen`, which completes resolved tickets only. A plain
// comment, as on `TicketsNumbersArgs`.
#[derive(Debug, Args)]
pub struct TicketsReopenArgs {
    /// Ticket numbers
    #[arg(required = true, value_name = "NUMBER", value_parser = crate::cli::parse_ticket_number)]
    #[arg(add = crate::cli::complete::resolved_tickets())]
    pub numbers: Vec<u64>,
}

impl From<TicketsReopenArgs> for TicketsNumbersArgs {
    fn from(args: TicketsReopenArgs) -> Self {
        TicketsNumbersArgs {
            numbers: args.numbers,
        }
    }
}

pub async fn cmd_tickets_reopen(session: &Session, args: TicketsNumbersArgs) -> CliResult {
    let client = session
        .bulk_writer(&args.describe("reopen"), args.numbers.len())
        .await?;
    // Already open is no conflict: it is said, and the command succeeds.
    each_ticket_or_skip(
        session,
        &client,
        &args.numbers,
        "Reopened",
        async |client, number| {
            let ticket = client.get_ticket(number).await?.ticket;
            if ticket.status != TicketStatus::Resolved {
                return Ok(Done::Already(format!(
                    "ticket {number} is already {}",
                    ticket.status
                )));
            }
            client.reopen_ticket(number).await.map(Done::changed)
        },
    )
    .await
}
