use super::{TicketsNumbersArgs, each_ticket};
use crate::cli::Session;
use crate::error::CliResult;

pub async fn cmd_tickets_takeover(session: &Session, args: TicketsNumbersArgs) -> CliResult {
    let client = session
        .bulk_writer(&args.describe("take over"), args.numbers.len())
        .await?;
    each_ticket(
        session,
        &client,
        &args.numbers,
        "Took over",
        async |client, number| client.takeover_ticket(number).await,
    )
    .await
}
