use clap::Args;

use super::kind_parser;
use crate::api::IntegrationKind;
use crate::cli::Session;
use crate::config::Target;
use crate::error::{CliError, CliResult, ExitKind};

#[derive(Debug, Args)]
pub struct IntegrationsShowArgs {
    /// The platform
    #[arg(value_parser = kind_parser())]
    pub kind: IntegrationKind,
}

/// Shows the connection and the URL to give the platform for its webhooks;
/// for a kind not connected, what connecting it takes.
pub async fn cmd_integrations_show(session: &Session, args: IntegrationsShowArgs) -> CliResult {
    let target = session.target()?;
    let client = session.client().await?;
    let integration = match client.get_integration(args.kind).await {
        Ok(integration) => integration,
        Err(error) => {
            let error = CliError::from(error);
            if error.kind == ExitKind::NotFound {
                return Err(error.with_hint(connect_hint(args.kind)));
            }
            return Err(error);
        }
    };
    session.ui.print_item(&integration)?;
    match &target {
        Target::Remote { server, .. } => session.ui.info(&format!(
            "Webhook URL for {}: {}{}",
            args.kind.title(),
            server.trim_end_matches('/'),
            integration.webhook_path
        )),
        Target::Local { .. } | Target::Database { .. } => session.ui.info(&format!(
            "Webhooks reach a desk served by `deskctl serve`: give {} the service's public URL \
             followed by {}",
            args.kind.title(),
            integration.webhook_path
        )),
    }
    Ok(())
}

/// What `deskctl integrations connect KIND` takes, setting by setting.
pub(super) fn connect_hint(kind: IntegrationKind) -> String {
    let lines: Vec<String> = kind
        .settings()
        .iter()
        .map(|spec| {
            let flag = if spec.secret {
                format!("--secret {}=env:VAR", spec.key)
            } else {
                format!("--set {}=…", spec.key)
            };
            let need = if spec.required {
                "required"
            } else {
                "optional"
            };
            format!("  {flag} ({need}): {}", spec.help)
        })
        .collect();
    format!(
        "connect it with `deskctl integrations connect {kind}`, which takes:\n{}",
        lines.join("\n")
    )
}
