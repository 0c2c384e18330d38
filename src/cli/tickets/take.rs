use clap::Args;

use super::{Done, TicketsNumbersArgs, each_ticket_or_skip};
use crate::api::{TakeQuery, TicketStatus};
use crate::cli::Session;
use crate::error::CliResult;

// Plain comments: a doc comment here would take the place of the verb's about.
#[derive(Debug, Args)]
pub struct TicketsTakeArgs {
    #[command(flatten)]
    pub tickets: TicketsNumbersArgs,
    /// Take them even when you are not online, have no room under your
    /// capacity, or are not in the ticket's team (only a manager may take
    /// another team's tickets)
    #[arg(long)]
    pub force: bool,
}

pub async fn cmd_tickets_take(session: &Session, args: TicketsTakeArgs) -> CliResult {
    let TicketsTakeArgs { tickets, force } = args;
    let client = session
        .bulk_writer(&tickets.describe("take"), tickets.numbers.len())
        .await?;
    let me = client.me().await?.operator;
    let query = TakeQuery { force };
    // Already yours (a lead assigned it to you, in your teams or not) is no
    // conflict: it is said, and the command succeeds, as for `resolve`. A
    // ticket you may not read is left to `take` to refuse in its own words.
    each_ticket_or_skip(
        session,
        &client,
        &tickets.numbers,
        "Took",
        async |client, number| {
            if let Some(me) = &me
                && let Ok(detail) = client.get_ticket(number).await
                && detail.ticket.assignee.as_ref() == Some(me)
                && detail.ticket.status != TicketStatus::Resolved
            {
                return Ok(Done::Already(format!("ticket {number} is already yours")));
            }
            client.take_ticket(number, &query).await.map(Done::changed)
        },
    )
    .await
}
