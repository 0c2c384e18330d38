use super::{Done, TicketsNumbersArgs, each_ticket_or_skip};
use crate::api::TicketStatus;
use crate::cli::Session;
use crate::error::CliResult;

pub async fn cmd_tickets_take(session: &Session, args: TicketsNumbersArgs) -> CliResult {
    let client = session
        .bulk_writer(&args.describe("take"), args.numbers.len())
        .await?;
    let me = client.me().await?.operator;
    // Already yours (a lead assigned it to you, in your teams or not) is no
    // conflict: it is said, and the command succeeds, as for `resolve`. A
    // ticket you may not read is left to `take` to refuse in its own words.
    each_ticket_or_skip(
        session,
        &client,
        &args.numbers,
        "Took",
        async |client, number| {
            if let Some(me) = &me
                && let Ok(detail) = client.get_ticket(number).await
                && detail.ticket.assignee.as_ref() == Some(me)
                && detail.ticket.status != TicketStatus::Resolved
            {
                return Ok(Done::Already(format!("ticket {number} is already yours")));
            }
            client
                .take_ticket(number)
                .await
                .map(|t| Done::Changed(t.number))
        },
    )
    .await
}
