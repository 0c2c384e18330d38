//! Reading a desired-state document for `validate`, `diff`, `apply` and
//! `handoff preview --with`: parsed and checked offline with every problem
//! shown at its place, secret references resolved (`${env:NAME}`,
//! `${file:PATH}` relative to the document) so the service receives values and
//! never a reference it cannot follow; a what-if, which needs no secret,
//! leaves them as written. `validate`, `diff` and `apply` take
//! several files or directories of them, combined into one document. An API
//! object read from a file (`actions set -f`), or many from JSON Lines, is
//! shown the same way.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use clap::Args;

use crate::api::{ConfigRequest, DeskDocument};
use crate::cli::Session;
use crate::error::{CliError, CliResult};
use crate::manifest::{self, CheckedFiles, Diagnostic, Source};

// The documents `-f` names, read as one workspace document. (No doc comment:
// clap would make it the about of each command that flattens it.)
#[derive(Debug, Args)]
pub struct DocumentArgs {
    /// A desk document, YAML (`-` for stdin), or a directory of them: its `*.yaml` and `*.yml`
    /// files, by name (other files and hidden ones are skipped). Repeat -f to read several
    /// documents as one; each section is written in one of them only
    #[arg(short = 'f', long = "file", value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// Read the documents in the directories' subdirectories too
    #[arg(short = 'R', long)]
    pub recursive: bool,
}

// Whether the documents' secret references are resolved: `validate`, `diff`
// and `apply --dry-run`. (No doc comment, as for DocumentArgs.)
#[derive(Debug, Args)]
pub struct SecretsArgs {
    /// Leave ${env:…} and ${file:…} secret references unresolved, where the secrets are not at
    /// hand: each is checked, and planned, by its reference; its value is not compared
    #[arg(long)]
    pub skip_secrets: bool,
}

impl SecretsArgs {
    /// How to resolve a document's secret references: from the environment
    /// and files, or not at all.
    pub(crate) fn lookup(&self) -> Option<&'static manifest::secrets::Lookup> {
        (!self.skip_secrets).then_some(&crate::env::document_secret)
    }
}

impl DocumentArgs {
    /// How messages name the documents: as they were given.
    pub(crate) fn name(&self) -> String {
        let names: Vec<String> = self
            .files
            .iter()
            .map(|path| manifest::source_name(path))
            .collect();
        names.join(", ")
    }

    /// `is` or `are`, to follow [`Self::name`].
    pub(crate) fn is_or_are(&self) -> &'static str {
        if self.files.len() == 1 { "is" } else { "are" }
    }
}

/// The document at `path` (`-` for stdin), checked, for a what-if
/// (`handoff preview --with`): its secret references are left as written, not
/// resolved, since a what-if decides handoffs against the document without
/// sending mail, webhooks or tickets anywhere, and so needs no secret (the
/// service drops the document's secrets before deciding). Its problems are
/// shown on stderr; any error refuses it. References that cannot be checked
/// offline are summed up in one line: the service checks them next.
pub(crate) fn read_what_if_document(
    session: &Session,
    path: &Path,
) -> Result<DeskDocument, CliError> {
    let source = read_source(session, path)?;
    let name = manifest::source_name(path);
    let (document, references, _) = read_checked(session, &[source], &name, None)?;
    if !references.is_empty() {
        let listed: Vec<&str> = references.values().map(String::as_str).collect();
        session.ui.info(&format!(
            "{name}: secret references left unresolved ({}): a what-if sends nothing and needs \
             no secret",
            listed.join(", ")
        ));
    }
    Ok(document)
}

/// One API object from a JSON or YAML file (`-` for stdin), as `-o json|yaml`
/// prints it, with the top-level keys `given` on the command line in place of
/// the file's; its problems are shown on stderr at their place, and any one
/// refuses it.
pub(crate) fn read_object<T: serde::de::DeserializeOwned>(
    session: &Session,
    path: &Path,
    given: &[(&str, &str)],
) -> Result<T, CliError> {
    let source = read_source(session, path)?;
    object_in(session, &source, given)
}

/// The one API object of a file already read, as [`read_object`] reads it.
pub(crate) fn object_in<T: serde::de::DeserializeOwned>(
    session: &Session,
    source: &Source,
    given: &[(&str, &str)],
) -> Result<T, CliError> {
    manifest::parse::parse_object(source, given).map_err(|found| refuse(session, source, found))
}

/// Shows the problems of a file read as API objects on stderr, and the error
/// counting them.
pub(crate) fn refuse(session: &Session, source: &Source, diagnostics: Vec<Diagnostic>) -> CliError {
    session.ui.diagnostics(source, &diagnostics);
    CliError::general(not_valid(&[&source.name], diagnostics.len()))
}

/// The documents `args` names as `apply` and `diff` send them: combined into
/// one, resolved unless `secrets` skips them, with the references their
/// secrets were written as; and where their parts are, for what the service
/// finds wrong with it.
pub(crate) fn read_config_request(
    session: &Session,
    args: &DocumentArgs,
    secrets: &SecretsArgs,
    prune: bool,
) -> Result<(ConfigRequest, Places), CliError> {
    let sources = read_sources(session, args)?;
    let (document, secret_references, places) =
        read_checked(session, &sources, &args.name(), secrets.lookup())?;
    let request = ConfigRequest {
        document,
        prune,
        secret_references,
        skip_secrets: secrets.skip_secrets,
    };
    Ok((request, places))
}

/// Where the parts of a document sent to the service are, in the files it
/// was read from, so that the problems the service finds (a reference into a
/// section the document leaves out) are shown at their place in the file
/// holding them, as offline ones are.
pub(crate) struct Places {
    /// Each file as diagnostics show it, and where its parts are.
    files: Vec<(Source, manifest::Node)>,
}

impl Places {
    /// `error`, when the service refused fields of the document: each shown
    /// at its place on stderr, and the error counting them.
    pub(crate) fn locate(&self, session: &Session, mut error: CliError) -> CliError {
        if error.fields.is_empty() {
            return error;
        }
        let trees: Vec<&manifest::Node> = self.files.iter().map(|(_, tree)| tree).collect();
        // The checks of the whole request body (a NUL in any text) name a
        // field by its path in the request, the document's under `document`.
        let fields: Vec<_> = error
            .fields
            .iter()
            .map(|field| {
                let mut field = field.clone();
                if let Some(path) = field.field.strip_prefix("document.") {
                    field.field = path.to_string();
                }
                field
            })
            .collect();
        let found = manifest::validate::service_errors(&trees, &fields);
        let mut invalid = Vec::new();
        let mut errors = 0;
        for ((shown, _), diagnostics) in self.files.iter().zip(found) {
            if !diagnostics.is_empty() {
                session.ui.diagnostics(shown, &diagnostics);
                invalid.push(shown.name.as_str());
                errors += diagnostics.len();
            }
        }
        error.message = format!("{} (found by the service)", not_valid(&invalid, errors));
        error.details.clear();
        error.fields = Box::default();
        error
    }
}

/// The documents of `sources`, checked as one, their problems shown, their
/// secret references resolved with `lookup` unless it is `None`; `name`
/// names them all in a summary.
fn read_checked(
    session: &Session,
    sources: &[Source],
    name: &str,
    lookup: Option<&manifest::secrets::Lookup>,
) -> Result<(DeskDocument, BTreeMap<String, String>, Places), CliError> {
    let checked = manifest::check_all(sources, lookup);
    let mut unchecked = Vec::new();
    for file in &checked.files {
        let (left_to_the_service, shown): (Vec<_>, Vec<_>) = file
            .diagnostics
            .iter()
            .cloned()
            .partition(|d| d.unchecked.is_some() && !d.is_error());
        session.ui.diagnostics(&file.shown, &shown);
        unchecked.extend(left_to_the_service.into_iter().filter_map(|d| d.unchecked));
    }
    if !unchecked.is_empty() {
        session
            .ui
            .info(&unchecked_line(name, sources.len(), &unchecked));
    }
    verdict(&checked)?;
    let document = checked.document.expect("documents without errors");
    let places = Places {
        files: checked
            .files
            .into_iter()
            .map(|file| {
                let tree = file.tree.expect("a document without errors has its tree");
                (file.shown, tree)
            })
            .collect(),
    };
    Ok((document, checked.secret_references, places))
}

/// Reads the documents `args` names, in order: each file, each directory's
/// documents (see [`manifest::documents_in`]), stdin at most once.
pub(crate) fn read_sources(session: &Session, args: &DocumentArgs) -> CliResult<Vec<Source>> {
    read_sources_showing(args, &on_stderr(session))
}

/// How the problem of a document that cannot be read as text (not UTF-8) is
/// shown: on stderr for people, or as data.
pub(crate) type ShowDiagnostics<'a> = dyn Fn(&Source, &[Diagnostic]) -> CliResult + 'a;

/// Shows diagnostics on stderr, as people read them.
fn on_stderr(session: &Session) -> impl Fn(&Source, &[Diagnostic]) -> CliResult + '_ {
    |shown, diagnostics| {
        session.ui.diagnostics(shown, diagnostics);
        Ok(())
    }
}

/// [`read_sources`], with the problem of text that is not UTF-8 shown by `show`.
pub(crate) fn read_sources_showing(
    args: &DocumentArgs,
    show: &ShowDiagnostics,
) -> CliResult<Vec<Source>> {
    document_paths(args)?
        .iter()
        .map(|path| read_source_showing(path, show))
        .collect()
}

/// The files `args` names, directories listed; stdin (`-`) and every file at
/// most once, since a document read twice would write its sections twice.
fn document_paths(args: &DocumentArgs) -> CliResult<Vec<PathBuf>> {
    let stdin = Path::new("-");
    if args.files.iter().filter(|path| *path == stdin).count() > 1 {
        return Err(CliError::usage(
            "`-f -` is given more than once: stdin holds one document",
        ));
    }
    let mut paths = Vec::new();
    for path in &args.files {
        if path == stdin || !path.is_dir() {
            paths.push(path.clone());
            continue;
        }
        let found = manifest::documents_in(path, args.recursive).map_err(|error| {
            CliError::general(format!("cannot read the directory {}", path.display()))
                .with_cause(error)
        })?;
        if found.is_empty() {
            let hint = if args.recursive {
                "documents are the `*.yaml` and `*.yml` files in it and its subdirectories"
            } else {
                "documents are the `*.yaml` and `*.yml` files in it (-R reads its subdirectories \
                 too)"
            };
            return Err(CliError::general(format!(
                "no documents in the directory {}",
                path.display()
            ))
            .with_hint(hint));
        }
        paths.extend(found);
    }
    let mut seen: HashMap<PathBuf, &Path> = HashMap::new();
    for path in paths.iter().filter(|path| *path != stdin) {
        // A file that cannot be resolved cannot be read either: reading it says why.
        let Ok(real) = path.canonicalize() else {
            continue;
        };
        if let Some(earlier) = seen.insert(real, path) {
            let message = if earlier == path {
                format!("{} is given more than once", path.display())
            } else {
                format!(
                    "{} and {} are the same file, given twice",
                    earlier.display(),
                    path.display()
                )
            };
            return Err(CliError::usage(message));
        }
    }
    Ok(paths)
}

/// One line for every reference the documents (`documents` of them) leave to
/// the service to check.
fn unchecked_line(name: &str, documents: usize, names: &[String]) -> String {
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
    let (count, are) = match names.len() {
        1 => ("1 reference".to_string(), "is"),
        n => (format!("{n} references"), "are"),
    };
    let leave = match documents {
        1 => "the document leaves",
        _ => "the documents leave",
    };
    format!(
        "{name}: {count} to sections {leave} out ({listed}) {are} checked by the service, not \
         offline"
    )
}

/// Reads a document named on the command line, or fails saying which (and,
/// for text that is not UTF-8, where).
pub(crate) fn read_source(session: &Session, path: &Path) -> Result<Source, CliError> {
    read_source_showing(path, &on_stderr(session))
}

fn read_source_showing(path: &Path, show: &ShowDiagnostics) -> Result<Source, CliError> {
    match manifest::read_source(path) {
        Ok(source) => Ok(source),
        Err(manifest::ReadError::Io(error)) => Err(CliError::general(format!(
            "cannot read {}",
            manifest::source_name(path)
        ))
        .with_cause(error)),
        Err(manifest::ReadError::NotUtf8(not_utf8)) => {
            let shown = &not_utf8.shown;
            show(shown, std::slice::from_ref(&not_utf8.diagnostic))?;
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

/// An error counting the documents' errors when they have any.
pub(crate) fn verdict(checked: &CheckedFiles) -> CliResult {
    let invalid: Vec<&str> = checked
        .files
        .iter()
        .filter(|file| file.errors() > 0)
        .map(|file| file.shown.name.as_str())
        .collect();
    match (checked.errors(), checked.warnings()) {
        (0, _) => Ok(()),
        (errors, warnings) => {
            let mut message = not_valid(&invalid, errors);
            if warnings > 0 {
                message.push_str(&format!(", {}", plural(warnings, "warning")));
            }
            Err(CliError::general(message))
        }
    }
}

/// `FILE is not valid: N errors`, naming each of the files with errors.
fn not_valid(files: &[&str], errors: usize) -> String {
    let is = if files.len() == 1 { "is" } else { "are" };
    format!(
        "{} {is} not valid: {}",
        files.join(", "),
        plural(errors, "error")
    )
}
