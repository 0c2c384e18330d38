use super::{TicketsNumbersArgs, each_ticket};
use crate::cli::Session;
use crate::error::CliResult;

pub async fn cmd_tickets_unassign(session: &Session, args: TicketsNumbersArgs) -> CliResult {
    let client = session
        .bulk_writer(&args.describe("unassign"), args.numbers.len())
        .await?;
    each_ticket(
        session,
        &client,
        &args.numbers,
        "Unassigned",
        async |client, number| client.unassign_ticket(number).await,
    )
    .await
}
