use clap::Args;

use crate::cli::Session;
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct EmailShowArgs {}

pub async fn cmd_email_show(session: &Session, _args: EmailShowArgs) -> CliResult {
    let client = session.client().await?;
    let settings = client.get_email_settings().await?;
    session.ui.print_item(&settings)
}
