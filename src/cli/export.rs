//! `deskctl export`: the live workspace as a document `apply` accepts unchanged.

use clap::Args;

use crate::cli::Session;
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct ExportArgs {}

/// Writes the document as YAML (or JSON with `-o json`). Secrets appear as
/// `${env:DESKCTL_…}` references, never values.
pub async fn cmd_export(session: &Session, _args: ExportArgs) -> CliResult {
    let client = session.client().await?;
    let config = client.export_config().await?;
    session.ui.info(&format!(
        "Exported revision {} (secrets are ${{env:…}} references: set them to apply this file)",
        config.revision
    ));
    session.ui.print_value(&config.document, || {
        crate::ui::to_yaml(&config.document).trim_end().to_string()
    })
}
