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
/// references its secrets were written as; and where its parts are, for
/// what the service finds wrong with it.
pub(crate) fn read_config_request(
    session: &Session,
    path: &Path,
    prune: bool,
) -> Result<(ConfigRequest, Places), CliError> {
    let (document, secret_references, places) = read_checked(session, path)?;
    let request = ConfigRequest {
        document,
        prune,
        secret_references,
    };
    Ok((request, places))
}

/// Where the parts of a document sent to the service are, so that the
/// problems the service finds (a reference into a section the document
/// leaves out) are shown at their place in the file, as offline ones are.
pub(crate) struct Places {
    shown: Source,
    tree: manifest::Node,
}

impl Places {
    /// `error`, when the service refused fields of the document: each shown
    /// at its place on stderr, and the error counting them.
    pub(crate) fn locate(&self, session: &Session, mut error: CliError) -> CliError {
        if error.fields.is_empty() {
            return error;
        }
        let diagnostics = manifest::validate::service_errors(&self.tree, &error.fields);
        session.ui.diagnostics(&self.shown, &diagnostics);
        error.message = format!(
            "{} is not valid: {} (found by the service)",
            self.shown.name,
            plural(diagnostics.len(), "error")
        );
        error.details.clear();
        error.fields = Box::default();
        error
    }
}

fn read_checked(
    session: &Session,
    path: &Path,
) -> Result<(DeskDocument, BTreeMap<String, String>, Places), CliError> {
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
    let places = Places {
        shown: checked.shown,
        tree: checked
            .tree
            .expect("a document without errors has its tree"),
    };
    Ok((document, checked.secret_references, places))
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

/// `n what`, with an `s` when `n` is not 1.
fn plural(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// An error counting the document's errors when it has any.
pub(crate) fn verdict(source: &Source, checked: &Checked) -> CliResult {
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
