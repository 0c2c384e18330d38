//! Reading a desired-state document for `diff`, `apply` and `handoff preview
//! --with`: parsed with every problem located, secret references resolved
//! (`${env:NAME}`, `${file:PATH}` relative to the document) so the service
//! receives values and never a reference it cannot follow.

use std::path::Path;

use crate::api::DeskDocument;
use crate::cli::Session;
use crate::error::CliError;
use crate::manifest::parse::parse;
use crate::manifest::secrets::resolve;
use crate::manifest::{Diagnostic, Source};

/// The document at `path` (`-` for stdin), with its secrets resolved.
pub(crate) fn read_document(session: &Session, path: &Path) -> Result<DeskDocument, CliError> {
    let text = session.read_text(path)?;
    let (name, dir) = if path.as_os_str() == "-" {
        (
            "<stdin>".to_string(),
            std::env::current_dir().unwrap_or_default(),
        )
    } else {
        (
            path.display().to_string(),
            path.parent().map(Path::to_path_buf).unwrap_or_default(),
        )
    };
    let source = Source::new(name, text, &dir);
    let parsed = parse(&source).map_err(|diagnostics| invalid(&source, &diagnostics))?;
    let mut document = parsed.document;
    let lookup = |name: &str| std::env::var_os(name);
    let unresolved = resolve(&mut document, &parsed.tree, &source, &lookup);
    if unresolved.is_empty() {
        Ok(document)
    } else {
        Err(invalid(&source, &unresolved))
    }
}

fn invalid(source: &Source, diagnostics: &[Diagnostic]) -> CliError {
    let mut error = CliError::general(format!(
        "{} is not a valid desk document ({} problems)",
        source.name,
        diagnostics.len()
    ))
    .with_hint("`deskctl validate -f FILE` explains each problem");
    error.details = diagnostics
        .iter()
        .map(|d| format!("{}:{}: {}", source.name, d.pos, d.message))
        .collect();
    error
}
