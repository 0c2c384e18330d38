use clap::Args;

use crate::api::OutboxRef;
use crate::cli::Session;
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct OutboxShowArgs {
    /// The message's id (see `deskctl outbox list`), or the id it went out with
    /// (`msg_…`, `evt_…`: a webhook's X-Desk-Delivery, an email's Message-ID)
    pub id: OutboxRef,
}

pub async fn cmd_outbox_show(session: &Session, args: OutboxShowArgs) -> CliResult {
    let client = session.client().await?;
    let message = client.get_outbound(&args.id).await?;
    session.ui.print_item(&message)
}
