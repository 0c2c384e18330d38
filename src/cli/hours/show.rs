use clap::Args;

use crate::cli::Session;
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct HoursShowArgs {}

pub async fn cmd_hours_show(session: &Session, _args: HoursShowArgs) -> CliResult {
    let client = session.client().await?;
    let hours = client.get_business_hours().await?;
    session.ui.print_item(&hours)
}
