use std::path::PathBuf;

use clap::Args;

use crate::cli::Session;
use crate::error::{CliError, CliResult, ExitKind};
use crate::manifest::{self, Checked, Source};

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
    let source = read(&args.file)?;
    let lookup = crate::env::document_secret;
    let checked = manifest::check(&source, (!args.skip_secrets).then_some(&lookup as _));
    session.ui.diagnostics(&source, &checked.diagnostics);
    verdict(&source, &checked)?;
    session.ui.success(&match checked.warnings() {
        0 => format!("{} is valid", source.name),
        1 => format!("{} is valid (1 warning)", source.name),
        n => format!("{} is valid ({n} warnings)", source.name),
    });
    Ok(())
}

/// Reads a document named on the command line, or fails saying which.
pub(crate) fn read(file: &std::path::Path) -> Result<Source, CliError> {
    manifest::read_source(file).map_err(|error| {
        CliError::new(ExitKind::Error, format!("cannot read {}", file.display())).with_cause(error)
    })
}

/// An error counting the document's errors when it has any.
pub(crate) fn verdict(source: &Source, checked: &Checked) -> CliResult {
    match (checked.errors(), checked.warnings()) {
        (0, _) => Ok(()),
        (errors, warnings) => {
            let plural =
                |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
            let mut message = format!("{} is not valid: {}", source.name, plural(errors, "error"));
            if warnings > 0 {
                message.push_str(&format!(", {}", plural(warnings, "warning")));
            }
            Err(CliError::new(ExitKind::Error, message))
        }
    }
}
