use super::{TicketsNumbersArgs, each_ticket};
use crate::cli::Session;
use crate::error::CliResult;

pub async fn cmd_tickets_take(session: &Session, args: TicketsNumbersArgs) -> CliResult {
    let client = session.writer(&args.describe("take")).await?;
    each_ticket(
        session,
        &client,
        &args.numbers,
        "Took",
        async |client, number| client.take_ticket(number).await,
    )
    .await
}
