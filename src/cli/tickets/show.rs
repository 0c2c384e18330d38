use clap::Args;

use crate::cli::Session;
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct TicketsShowArgs {
    /// The ticket's number
    pub number: u64,
}

pub async fn cmd_tickets_show(session: &Session, args: TicketsShowArgs) -> CliResult {
    let client = session.client().await?;
    let detail = client.get_ticket(args.number).await?;
    session.ui.print_item(&detail)
}
