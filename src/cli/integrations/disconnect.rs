use clap::Args;

use super::kind_parser;
use crate::api::IntegrationKind;
use crate::cli::Session;
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct IntegrationsDisconnectArgs {
    /// The platform
    #[arg(value_parser = kind_parser())]
    pub kind: IntegrationKind,
}

/// Forgets the connection and its secrets, after confirmation (or `--yes`).
pub async fn cmd_integrations_disconnect(
    session: &Session,
    args: IntegrationsDisconnectArgs,
) -> CliResult {
    let (client, ()) = session
        .destroyer(
            &format!("disconnect {} and forget its secrets", args.kind.title()),
            async |_| Ok(()),
        )
        .await?;
    client.delete_integration(args.kind).await?;
    session
        .ui
        .success(&format!("Disconnected {}", args.kind.title()));
    Ok(())
}
