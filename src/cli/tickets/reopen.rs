use super::{TicketsNumbersArgs, each_ticket};
use crate::cli::Session;
use crate::error::CliResult;

pub async fn cmd_tickets_reopen(session: &Session, args: TicketsNumbersArgs) -> CliResult {
    let client = session.writer(&args.describe("reopen")).await?;
    each_ticket(
        session,
        &client,
        &args.numbers,
        "Reopened",
        async |client, number| client.reopen_ticket(number).await,
    )
    .await
}
