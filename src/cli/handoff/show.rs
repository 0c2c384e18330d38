use clap::Args;

use crate::cli::Session;
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct HandoffShowArgs {
    /// The handoff's id (see `deskctl handoff list`)
    pub id: String,
}

pub async fn cmd_handoff_show(session: &Session, args: HandoffShowArgs) -> CliResult {
    let client = session.client().await?;
    let handoff = client.get_handoff(&args.id).await?;
    session.ui.print_item(&handoff)
}
