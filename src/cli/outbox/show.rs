use clap::Args;

use crate::cli::Session;
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct OutboxShowArgs {
    /// The message's id (see `deskctl outbox list`)
    pub id: u64,
}

pub async fn cmd_outbox_show(session: &Session, args: OutboxShowArgs) -> CliResult {
    let client = session.client().await?;
    let message = client.get_outbound(args.id).await?;
    session.ui.print_item(&message)
}
