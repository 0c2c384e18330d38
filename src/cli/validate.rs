use std::path::PathBuf;

use clap::Args;

use crate::cli::Session;
use crate::cli::document::{read_source, verdict};
use crate::error::CliResult;
use crate::manifest;

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// The document to check (`-` reads stdin)
    #[arg(short = 'f', long = "file", value_name = "FILE")]
    pub file: PathBuf,
    /// Do not resolve ${env:…} and ${file:…} secret references (when the
    /// secrets are not available where the check runs)
    #[arg(long)]
    pub skip_secrets: bool,
}

/// Checks a workspace document offline: syntax, types, unknown and repeated
/// keys, key conventions, references between sections and secret references.
/// Every problem is shown with file:line:column; exits 1 when there is an error.
pub async fn cmd_validate(session: &Session, args: ValidateArgs) -> CliResult {
    let source = read_source(session, &args.file)?;
    let lookup = crate::env::document_secret;
    let checked = manifest::check(&source, (!args.skip_secrets).then_some(&lookup as _));
    session.ui.diagnostics(&checked.shown, &checked.diagnostics);
    verdict(&source, &checked)?;
    session.ui.success(&match checked.warnings() {
        0 => format!("{} is valid", source.name),
        1 => format!("{} is valid (1 warning)", source.name),
        n => format!("{} is valid ({n} warnings)", source.name),
    });
    Ok(())
}
