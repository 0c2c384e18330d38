use super::{Done, TicketsNumbersArgs, each_ticket_or_skip};
use crate::api::TicketStatus;
use crate::cli::Session;
use crate::error::CliResult;

pub async fn cmd_tickets_resolve(session: &Session, args: TicketsNumbersArgs) -> CliResult {
    let client = session
        .bulk_writer(&args.describe("resolve"), args.numbers.len())
        .await?;
    // Already resolved is no conflict: it is said, and the command succeeds.
    each_ticket_or_skip(
        session,
        &client,
        &args.numbers,
        "Resolved",
        async |client, number| {
            let ticket = client.get_ticket(number).await?.ticket;
            if ticket.status == TicketStatus::Resolved {
                return Ok(Done::Already(format!(
                    "ticket {number} is already resolved"
                )));
            }
            client.resolve_ticket(number).await.map(Done::changed)
        },
    )
    .await
}
