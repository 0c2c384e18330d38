use super::{TicketsNumbersArgs, each_ticket};
use crate::cli::Session;
use crate::error::CliResult;

pub async fn cmd_tickets_resolve(session: &Session, args: TicketsNumbersArgs) -> CliResult {
    let client = session
        .bulk_writer(&args.describe("resolve"), args.numbers.len())
        .await?;
    each_ticket(
        session,
        &client,
        &args.numbers,
        "Resolved",
        async |client, number| client.resolve_ticket(number).await,
    )
    .await
}
