use super::{Done, TicketsNumbersArgs, each_ticket_or_skip};
use crate::cli::Session;
use crate::error::CliResult;

pub async fn cmd_tickets_unassign(session: &Session, args: TicketsNumbersArgs) -> CliResult {
    let client = session
        .bulk_writer(&args.describe("unassign"), args.numbers.len())
        .await?;
    // Already in the state asked for is no failure, as for `resolve`: it is
    // said, and the command succeeds (so it can be run over a list again).
    each_ticket_or_skip(
        session,
        &client,
        &args.numbers,
        "Unassigned",
        async |client, number| match client.unassign_ticket(number).await {
            Ok(ticket) => Ok(Done::changed(ticket)),
            Err(error) if error.code() == Some("ticket_unassigned") => {
                Ok(Done::Already(error.to_string()))
            }
            Err(error) => Err(error),
        },
    )
    .await
}
