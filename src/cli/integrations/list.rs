use clap::Args;

use crate::api::IntegrationKind;
use crate::cli::Session;
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct IntegrationsListArgs {}

pub async fn cmd_integrations_list(session: &Session, _args: IntegrationsListArgs) -> CliResult {
    let client = session.client().await?;
    let integrations = client.list_integrations().await?;
    session.ui.print_list(&integrations, "integrations")?;
    if integrations.is_empty() {
        session.ui.info(&format!(
            "Connect one with `deskctl integrations connect KIND`: {}",
            IntegrationKind::NAMES.join(", ")
        ));
    }
    Ok(())
}
