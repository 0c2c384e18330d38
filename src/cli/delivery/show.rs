use clap::Args;

use crate::cli::Session;
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct DeliveryShowArgs {}

pub async fn cmd_delivery_show(session: &Session, _args: DeliveryShowArgs) -> CliResult {
    let client = session.client().await?;
    let settings = client.get_delivery_settings().await?;
    session.ui.print_item(&settings)
}
