//! `deskctl export`: the live workspace as a document `apply` accepts unchanged.

use clap::Args;

use crate::api::DeskDocument;
use crate::cli::Session;
use crate::domain::workspace::document::{secret_references, with_references};
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct ExportArgs {}

/// Writes the document as YAML (or JSON with `-o json`). Secrets appear as
/// `${env:DESKCTL_…}` references, never values.
pub async fn cmd_export(session: &Session, _args: ExportArgs) -> CliResult {
    session.ui.documentable()?;
    let client = session.client().await?;
    let mut config = client.export_config().await?;
    // The service's document names its secrets by fingerprint, which only
    // that workspace takes back; a file names them by the references it
    // was applied from, to resolve wherever it is applied.
    config.document = with_references(config.document, &config.secret_references);
    session
        .ui
        .info(&exported_line(&config.revision, &config.document));
    // What apply would send: past the service's limit, this export would not
    // apply back in one piece.
    let size = serde_json::to_vec(&config.document).map_or(0, |json| json.len());
    if size > crate::api::MAX_DOCUMENT_BODY_BYTES {
        session.ui.warn(&format!(
            "the workspace is {} MiB as a document, over the {} MiB a service takes in one \
             apply: apply it in parts (a section the document leaves out is left alone)",
            size / (1024 * 1024),
            crate::api::MAX_DOCUMENT_BODY_BYTES / (1024 * 1024)
        ));
    }
    session.ui.print_document(&config.document)
}

/// The status line of an export: its revision, and the references its
/// secrets are written as, which must resolve where the file is applied.
fn exported_line(revision: &str, document: &DeskDocument) -> String {
    let references: Vec<String> = secret_references(document).into_values().collect();
    match references.as_slice() {
        [] => format!("Exported revision {revision}"),
        [one] => format!(
            "Exported revision {revision} (its secret is the reference {one}: set it to apply \
             this file)"
        ),
        many => format!(
            "Exported revision {revision} (its secrets are the references {}: set them to \
             apply this file)",
            many.join(", ")
        ),
    }
}
