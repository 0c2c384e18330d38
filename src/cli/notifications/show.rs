use clap::Args;

use crate::cli::Session;
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct NotificationsShowArgs {}

pub async fn cmd_notifications_show(session: &Session, _args: NotificationsShowArgs) -> CliResult {
    let client = session.client().await?;
    let settings = client.get_notifications().await?;
    session.ui.print_item(&settings)
}
