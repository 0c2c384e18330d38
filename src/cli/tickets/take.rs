use super::{TicketsNumbersArgs, each_ticket};
use crate::cli::Session;
use crate::error::CliResult;

pub async fn cmd_tickets_take(session: &Session, args: TicketsNumbersArgs) -> CliResult {
    let client = session
        .bulk_writer(&args.describe("take"), args.numbers.len())
        .await?;
    each_ticket(
        session,
        &client,
        &args.numbers,
        "Took",
        async |client, number| client.take_ticket(number).await,
    )
    .await
}
