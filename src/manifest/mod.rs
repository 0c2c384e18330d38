//! The declarative workspace document on the client side: reading it from
//! YAML with the place of every problem, offline checks, secret references,
//! and the pure plan of what applying it would change.
//!
//! Pure except for reading the document and the files and environment
//! variables its secrets refer to; knows no terminal and no service.

mod combine;
pub mod diagnostic;
pub mod handoff;
pub mod parse;
pub mod schema;
pub mod secrets;
mod tree;
pub mod validate;

pub use diagnostic::{Diagnostic, Pos, Severity, Source};
pub use tree::{Misspelt, Node};

use std::io::Read;
use std::path::Path;

use crate::api::DeskDocument;

/// How messages name the document at `path`: `<stdin>` for `-`.
pub fn source_name(path: &Path) -> String {
    if path == Path::new("-") {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

/// Why a document's text could not be had.
#[derive(Debug)]
pub enum ReadError {
    /// The file or stdin could not be read.
    Io(std::io::Error),
    /// It was read but is not UTF-8 (invalid bytes shown as `�`).
    NotUtf8(Box<NotUtf8>),
}

/// Text that is not UTF-8: where, on its text as far as it can be shown.
#[derive(Debug)]
pub struct NotUtf8 {
    pub shown: Source,
    pub diagnostic: Diagnostic,
}

/// Reads a document's text from `path`, or from stdin when it is `-`.
pub fn read_source(path: &Path) -> Result<Source, ReadError> {
    let name = source_name(path);
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(ReadError::Io)?;
        return decode(name, bytes, Path::new("."));
    }
    let bytes = std::fs::read(path).map_err(ReadError::Io)?;
    let dir = path
        .parent()
        .filter(|dir| !dir.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    decode(name, bytes, dir)
}

/// The documents in the directory `dir`, in name order: its `*.yaml` and
/// `*.yml` files and, when `recursive`, those of its subdirectories, each
/// where its name sorts. Other files are not documents. Hidden entries (`.git`,
/// `.github`'s workflows, an editor's lock file) are skipped, and so are
/// directories behind a symbolic link, which may lead back up the tree.
pub fn documents_in(dir: &Path, recursive: bool) -> std::io::Result<Vec<std::path::PathBuf>> {
    let mut entries = std::fs::read_dir(dir)?.collect::<Result<Vec<_>, _>>()?;
    entries.sort_by_key(|entry| entry.file_name());
    let mut found = Vec::new();
    for entry in entries {
        if entry.file_name().as_encoded_bytes().starts_with(b".") {
            continue;
        }
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            if recursive {
                found.extend(documents_in(&path, recursive)?);
            }
        } else if matches!(
            path.extension().and_then(|extension| extension.to_str()),
            Some("yaml" | "yml")
        ) && !path.is_dir()
        {
            found.push(path);
        }
    }
    Ok(found)
}

/// A document's bytes as text, or where they stop being UTF-8.
fn decode(name: String, bytes: Vec<u8>, dir: &Path) -> Result<Source, ReadError> {
    if let Some(text) = utf16(&bytes) {
        let diagnostic = Diagnostic::error(Pos::START, "the file is UTF-16; save it as UTF-8")
            .with_help("deskctl reads UTF-8 only, with or without a byte order mark");
        let shown = Source::new(name, text, dir);
        return Err(ReadError::NotUtf8(Box::new(NotUtf8 { shown, diagnostic })));
    }
    let invalid_at = match std::str::from_utf8(&bytes) {
        Ok(_) => {
            let text = String::from_utf8(bytes).expect("checked just now");
            return Ok(Source::new(name, text, dir));
        }
        Err(error) => error.valid_up_to(),
    };
    let before = std::str::from_utf8(&bytes[..invalid_at]).expect("valid up to here");
    let diagnostic = Diagnostic::error(
        position_after(before),
        format!(
            "the file is not UTF-8: byte 0x{:02X} is not part of a UTF-8 character",
            bytes[invalid_at]
        ),
    )
    .with_help(
        "save it as UTF-8 (a Latin-1 or Windows-1252 file shows this at its first accented \
         letter)",
    );
    let shown = Source::new(name, String::from_utf8_lossy(&bytes).into_owned(), dir);
    Err(ReadError::NotUtf8(Box::new(NotUtf8 { shown, diagnostic })))
}

/// The text of UTF-16 bytes, to show where it starts: marked by a byte order
/// mark, or ASCII text without one, which has a NUL beside every character
/// (valid UTF-8, but no YAML document starts with a NUL).
fn utf16(bytes: &[u8]) -> Option<String> {
    let little_endian = match bytes {
        [0xFF, 0xFE, ..] | [_, 0, ..] => true,
        [0xFE, 0xFF, ..] | [0, _, ..] => false,
        _ => return None,
    };
    let units = bytes.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if little_endian {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let text: String = char::decode_utf16(units)
        .map(|unit| unit.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    Some(text.trim_start_matches('\u{feff}').to_string())
}

/// The place just after `text`: lines end as YAML ends them, at `\n`, `\r\n`
/// or a lone `\r`; columns count characters.
fn position_after(text: &str) -> Pos {
    let line_start = text.rfind(['\n', '\r']).map_or(0, |index| index + 1);
    let breaks =
        text.matches('\n').count() + text.matches('\r').count() - text.matches("\r\n").count();
    Pos {
        line: u32::try_from(breaks + 1).unwrap_or(u32::MAX),
        column: u32::try_from(text[line_start..].chars().count() + 1).unwrap_or(u32::MAX),
    }
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
    /// Where each part of the document is; none when it does not parse.
    pub tree: Option<Node>,
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
    let mut checked = check_all(std::slice::from_ref(source), lookup);
    let file = checked.files.pop().expect("one file checked");
    Checked {
        document: checked.document,
        diagnostics: file.diagnostics,
        shown: file.shown,
        tree: file.tree,
        secret_references: checked.secret_references,
    }
}

/// Documents read as one workspace document, each holding some of its
/// sections (see [`combine`]), checked offline.
#[derive(Debug)]
pub struct CheckedFiles {
    /// The combined document, with its secret references resolved when asked
    /// to; none when any file has an error.
    pub document: Option<DeskDocument>,
    /// Each file's problems, in the order the files were given.
    pub files: Vec<CheckedFile>,
    /// As [`Checked::secret_references`], of every file, each `${file:…}`
    /// made absolute against its own document's directory.
    pub secret_references: std::collections::BTreeMap<String, String>,
}

/// One of several documents checked as one.
#[derive(Debug)]
pub struct CheckedFile {
    /// Every error and warning in this file, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// As [`Checked::shown`].
    pub shown: Source,
    /// As [`Checked::tree`].
    pub tree: Option<Node>,
}

impl CheckedFiles {
    pub fn errors(&self) -> usize {
        self.files.iter().map(CheckedFile::errors).sum()
    }

    pub fn warnings(&self) -> usize {
        self.files
            .iter()
            .map(|file| file.diagnostics.len())
            .sum::<usize>()
            - self.errors()
    }
}

impl CheckedFile {
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }
}

/// Parses each of `sources`, then validates what they say together as one
/// document: a section in more than one of them is an error, and references
/// between sections are checked across files. Secret references resolve
/// (with `lookup`, unless it is `None`) against their own document's
/// directory. Every problem is reported in the file it is in.
pub fn check_all(sources: &[Source], lookup: Option<&secrets::Lookup>) -> CheckedFiles {
    let mut files = Vec::with_capacity(sources.len());
    let mut read = Vec::with_capacity(sources.len());
    for (index, source) in sources.iter().enumerate() {
        let (parsed, diagnostics) = parse::parse_partial(source);
        files.push(CheckedFile {
            diagnostics,
            shown: source.masked(&[]),
            tree: None,
        });
        // A file that does not parse adds no section: the others are still
        // checked, together.
        read.extend(parsed.map(|parsed| (index, parsed)));
    }
    let named: Vec<(&str, &Node)> = read
        .iter()
        .map(|(index, parsed)| (sources[*index].name.as_str(), &parsed.tree))
        .collect();
    let trees: Vec<&Node> = named.iter().map(|(_, tree)| *tree).collect();
    let misspelt: Vec<&Misspelt> = read.iter().map(|(_, parsed)| &parsed.misspelt).collect();
    // What the documents say past their read errors is checked too; problems
    // of the values standing in for missing keys are not the user's.
    let combined = combine::combine(read.iter().map(|(_, parsed)| parsed.document.clone()));
    if !trees.is_empty() {
        let found = combine::repeated_sections(&named)
            .into_iter()
            .zip(validate::validate_files(&combined, &trees, &misspelt));
        for (position, (repeated, invalid)) in found.enumerate() {
            let (sections, repeated): (Vec<&str>, Vec<Diagnostic>) = repeated.into_iter().unzip();
            let own = match sections.as_slice() {
                [] => Vec::new(),
                sections => {
                    problems_of_repeated_sections(&read, &trees, &misspelt, position, sections)
                }
            };
            let index = read[position].0;
            files[index]
                .diagnostics
                .extend(repeated.into_iter().chain(invalid).chain(own));
        }
    }
    let mut secret_references = std::collections::BTreeMap::new();
    let mut resolved = Vec::with_capacity(read.len());
    for (index, parsed) in read {
        let (source, file) = (&sources[index], &mut files[index]);
        let mut document = parsed.document;
        let references = crate::domain::workspace::document::secret_references(&document);
        let literals: Vec<Pos> = crate::domain::plan::secrets_mut(&mut document)
            .into_iter()
            .filter(|(_, secret)| matches!(secret.form(), crate::api::SecretForm::Literal(_)))
            .map(|(path, _)| parsed.tree.locate(path.split('.')))
            .collect();
        if let Some(lookup) = lookup {
            let unresolved = secrets::resolve(&mut document, &parsed.tree, source, lookup);
            if unresolved.is_empty() {
                file.diagnostics.extend(validate::resolved_secrets(
                    &document,
                    &parsed.tree,
                    &references,
                ));
            }
            file.diagnostics.extend(unresolved);
        }
        file.shown = source.masked(&literals);
        file.tree = Some(parsed.tree);
        secret_references.extend(secrets::anchored(references, &source.dir));
        resolved.push(document);
    }
    for file in &mut files {
        file.diagnostics.retain(|d| d.pos != Node::STAND_IN);
        diagnostic::sort(&mut file.diagnostics);
    }
    let valid = resolved.len() == sources.len() && files.iter().all(|file| file.errors() == 0);
    CheckedFiles {
        document: valid.then(|| combine::combine(resolved)),
        files,
        secret_references,
    }
}

/// The problems of `sections`, the sections the document `read[position]`
/// writes that an earlier one writes too: checked as its own, its sections
/// taken before the others', since the combined document holds the earlier
/// file's, and each file is checked on its own however many write a section.
fn problems_of_repeated_sections(
    read: &[(usize, parse::Parsed)],
    trees: &[&Node],
    misspelt: &[&Misspelt],
    position: usize,
    sections: &[&str],
) -> Vec<Diagnostic> {
    let order: Vec<usize> = std::iter::once(position)
        .chain((0..read.len()).filter(|&other| other != position))
        .collect();
    let document = combine::combine(order.iter().map(|&at| read[at].1.document.clone()));
    let trees: Vec<&Node> = order.iter().map(|&at| trees[at]).collect();
    let misspelt: Vec<&Misspelt> = order.iter().map(|&at| misspelt[at]).collect();
    validate::validate_own_sections(&document, &trees, &misspelt, sections)
}

pub use schema::json_schema;

#[cfg(test)]
mod tests {
    use super::*;

    fn not_utf8(bytes: &[u8]) -> Diagnostic {
        match decode("d".into(), bytes.to_vec(), Path::new(".")) {
            Err(ReadError::NotUtf8(not_utf8)) => not_utf8.diagnostic,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_first_byte_that_is_not_utf8_is_placed_by_line_and_character() {
        let at = not_utf8(b"a: \xc3\xa9\r\nb: \xc3\xa9x\xff").pos;
        assert_eq!(at, Pos { line: 2, column: 6 });
        let at = not_utf8(b"a\rb\n\xe9").pos;
        assert_eq!(at, Pos { line: 3, column: 1 });
        let utf16_big_endian: Vec<u8> = "kind: Desk"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(
            not_utf8(&utf16_big_endian).message,
            "the file is UTF-16; save it as UTF-8"
        );
        assert_eq!(utf16(&utf16_big_endian).as_deref(), Some("kind: Desk"));
        let text = decode("d".into(), "\u{feff}kind: é".into(), Path::new(".")).unwrap();
        assert_eq!(text.text(), "\u{feff}kind: é");
        assert!(utf16(b"k").is_none());
    }
}
