//! The declarative workspace document on the client side: reading it from
//! YAML with the place of every problem, offline checks, secret references,
//! and the pure plan of what applying it would change.
//!
//! Pure except for reading the document and the files and environment
//! variables its secrets refer to; knows no terminal and no service.

pub mod diagnostic;
pub mod parse;
pub mod schema;
pub mod secrets;
mod tree;
pub mod validate;

pub use diagnostic::{Diagnostic, Pos, Severity, Source};
pub use tree::Node;

use std::io::Read;
use std::path::Path;

use crate::api::DeskDocument;

/// Reads a document's text from `path`, or from stdin when it is `-`.
pub fn read_source(path: &Path) -> std::io::Result<Source> {
    if path == Path::new("-") {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text)?;
        return Ok(Source::new("<stdin>", text, "."));
    }
    let text = std::fs::read_to_string(path)?;
    let dir = path
        .parent()
        .filter(|dir| !dir.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    Ok(Source::new(path.display().to_string(), text, dir))
}

/// A document checked offline.
#[derive(Debug)]
pub struct Checked {
    /// The document, with its secret references resolved when asked to; none
    /// when there is any error.
    pub document: Option<DeskDocument>,
    /// Every error and warning, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// The document's text as diagnostics may show it: secrets written in it
    /// are masked.
    pub shown: Source,
    /// The references the document names its secrets by, before resolving,
    /// `${file:…}` paths made absolute (see [`secrets::anchored`]).
    pub secret_references: std::collections::BTreeMap<String, String>,
}

impl Checked {
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
}

/// Parses and validates a document, and resolves its secret references with
/// `lookup` (an environment variable's value) unless it is `None`.
pub fn check(source: &Source, lookup: Option<&secrets::Lookup>) -> Checked {
    let (parsed, mut diagnostics) = parse::parse_partial(source);
    let Some(parsed) = parsed else {
        return Checked {
            document: None,
            diagnostics,
            shown: source.masked(&[]),
            secret_references: Default::default(),
        };
    };
    // What the document says past its read errors is checked too; problems of
    // the values standing in for missing keys are not the user's.
    diagnostics.extend(validate::validate(&parsed.document, &parsed.tree));
    let mut document = parsed.document;
    let secret_references = crate::domain::workspace::document::secret_references(&document);
    let literals: Vec<Pos> = crate::domain::plan::secrets_mut(&mut document)
        .into_iter()
        .filter(|(_, secret)| matches!(secret.form(), crate::api::SecretForm::Literal(_)))
        .map(|(path, _)| parsed.tree.locate(path.split('.')))
        .collect();
    if let Some(lookup) = lookup {
        let unresolved = secrets::resolve(&mut document, &parsed.tree, source, lookup);
        if unresolved.is_empty() {
            diagnostics.extend(validate::resolved_secrets(
                &document,
                &parsed.tree,
                &secret_references,
            ));
        }
        diagnostics.extend(unresolved);
    }
    diagnostics.retain(|d| d.pos != Node::STAND_IN);
    diagnostic::sort(&mut diagnostics);
    let valid = !diagnostics.iter().any(Diagnostic::is_error);
    Checked {
        document: valid.then_some(document),
        diagnostics,
        shown: source.masked(&literals),
        secret_references: secrets::anchored(secret_references, &source.dir),
    }
}

pub use schema::json_schema;
