use super::{TicketsNumbersArgs, each_ticket};
use crate::cli::Session;
use crate::error::CliResult;

pub async fn cmd_tickets_reopen(session: &Session, args: TicketsNumbersArgs) -> CliResult {
    let client = session
        .bulk_writer(&args.describe("reopen"), args.numbers.len())
        .await?;
    each_ticket(
        session,
        &client,
        &args.numbers,
        "Reopened",
        async |client, number| client.reopen_ticket(number).await,
    )
    .await
}
