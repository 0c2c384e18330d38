//! `deskctl diff -f FILE`: what applying a document would change.

use std::path::PathBuf;

use clap::Args;

use crate::api::ChangeAction;
use crate::cli::Session;
use crate::cli::document::read_config_request;
use crate::error::{CliError, CliResult};
use crate::ui::OutputFormat;

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The desk document, YAML (`-` for stdin)
    #[arg(short = 'f', long = "file", value_name = "FILE")]
    pub file: PathBuf,
    /// Also show what --prune would delete: what the document's sections do not list
    #[arg(long)]
    pub prune: bool,
}

/// Prints the plan; exits 3 when applying would change something, 0 when not.
pub async fn cmd_diff(session: &Session, args: DiffArgs) -> CliResult {
    let request = read_config_request(session, &args.file, args.prune)?;
    let client = session.client().await?;
    let plan = client.plan_config(&request).await?;
    if session.ui.format == OutputFormat::Name {
        // `section/resource` for each change (`section` alone for settings).
        let names: Vec<String> = plan
            .sections
            .iter()
            .flat_map(|section| {
                section
                    .changes
                    .iter()
                    .filter(|change| change.action != ChangeAction::Unmanaged)
                    .map(move |change| match change.resource.as_str() {
                        "" => section.section.to_string(),
                        resource => format!("{}/{resource}", section.section),
                    })
            })
            .collect();
        if !names.is_empty() {
            session.ui.print_line(&names.join("\n"))?;
        }
    } else {
        session
            .ui
            .print_value(&plan, || session.ui.plan_text(&plan))?;
    }
    if plan.has_changes() {
        Err(CliError::changes_present())
    } else {
        Ok(())
    }
}
