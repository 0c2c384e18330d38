use clap::Args;

use crate::cli::Session;
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct TicketsShowArgs {
    /// The ticket's number
    #[arg(add = crate::cli::complete::tickets())]
    #[arg(value_parser = crate::cli::parse_ticket_number)]
    pub number: u64,
    /// Print straight to the terminal, without $PAGER, however long
    #[arg(long)]
    pub no_pager: bool,
}

/// Prints a ticket and its timeline; on a terminal a timeline taller than the
/// screen goes through $PAGER (less by default).
pub async fn cmd_tickets_show(session: &Session, args: TicketsShowArgs) -> CliResult {
    let client = session.client().await?;
    let detail = client.get_ticket(args.number).await?;
    session.ui.print_item_paged(&detail, !args.no_pager)
}
