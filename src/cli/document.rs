//! Reading a desired-state document for `validate`, `diff`, `apply` and
//! `handoff preview --with`: parsed and checked offline with every problem
//! shown at its place, secret references resolved (`${env:NAME}`,
//! `${file:PATH}` relative to the document) so the service receives values and
//! never a reference it cannot follow.

use std::collections::BTreeMap;
use std::path::Path;

use crate::api::{ConfigRequest, DeskDocument};
use crate::cli::Session;
use crate::error::{CliError, CliResult};
use crate::manifest::{self, Checked, Source};

/// The document at `path` (`-` for stdin), checked, with its secrets resolved,
/// for a command that sends it to the service. Its problems are shown on
/// stderr; any error refuses it. References that cannot be checked offline are
/// summed up in one line: the service checks them next.
pub(crate) fn read_document(session: &Session, path: &Path) -> Result<DeskDocument, CliError> {
    Ok(read_checked(session, path)?.0)
}

/// The document at `path` as `apply` and `diff` send it: resolved, with the
/// references its secrets were written as.
pub(crate) fn read_config_request(
    session: &Session,
    path: &Path,
    prune: bool,
) -> Result<ConfigRequest, CliError> {
    let (document, secret_references) = read_checked(session, path)?;
    Ok(ConfigRequest {
        document,
        prune,
        secret_references,
    })
}

fn read_checked(
    session: &Session,
    path: &Path,
) -> Result<(DeskDocument, BTreeMap<String, String>), CliError> {
    let source = read_source(session, path)?;
    let checked = manifest::check(&source, Some(&crate::env::document_secret));
    let (unchecked, shown): (Vec<_>, Vec<_>) = checked
        .diagnostics
        .iter()
        .cloned()
        .partition(|d| d.unchecked.is_some() && !d.is_error());
    session.ui.diagnostics(&checked.shown, &shown);
    if !unchecked.is_empty() {
        let names: Vec<String> = unchecked
            .iter()
            .filter_map(|d| d.unchecked.clone())
            .collect();
        session.ui.info(&unchecked_line(&source.name, &names));
    }
    verdict(&source, &checked)?;
    let document = checked.document.expect("a document without errors");
    Ok((document, checked.secret_references))
}

/// One line for every reference the document leaves to the service to check.
fn unchecked_line(name: &str, names: &[String]) -> String {
    const SHOWN: usize = 4;
    let mut listed = names
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > SHOWN {
        listed.push_str(&format!(" and {} more", names.len() - SHOWN));
    }
    let count = match names.len() {
        1 => "1 reference".to_string(),
        n => format!("{n} references"),
    };
    format!(
        "{name}: {count} to sections the document leaves out ({listed}) are checked by the \
         service, not offline"
    )
}

/// Reads a document named on the command line, or fails saying which (and,
/// for text that is not UTF-8, where).
pub(crate) fn read_source(session: &Session, path: &Path) -> Result<Source, CliError> {
    match manifest::read_source(path) {
        Ok(source) => Ok(source),
        Err(manifest::ReadError::Io(error)) => Err(CliError::general(format!(
            "cannot read {}",
            manifest::source_name(path)
        ))
        .with_cause(error)),
        Err(manifest::ReadError::NotUtf8(not_utf8)) => {
            let shown = &not_utf8.shown;
            session
                .ui
                .diagnostics(shown, std::slice::from_ref(&not_utf8.diagnostic));
            Err(CliError::general(format!(
                "cannot read {}: it is not UTF-8 text",
                shown.name
            )))
        }
    }
}

/// An error counting the document's errors when it has any.
pub(crate) fn verdict(source: &Source, checked: &Checked) -> CliResult {
    let plural = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    match (checked.errors(), checked.warnings()) {
        (0, _) => Ok(()),
        (errors, warnings) => {
            let mut message = format!("{} is not valid: {}", source.name, plural(errors, "error"));
            if warnings > 0 {
                message.push_str(&format!(", {}", plural(warnings, "warning")));
            }
            Err(CliError::general(message))
        }
    }
}
