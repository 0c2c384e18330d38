//! Problems found in a document, each with where it is.

use std::fmt;
use std::path::{Path, PathBuf};

/// A place in the document: 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

impl Pos {
    pub const START: Pos = Pos { line: 1, column: 1 };
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem: what is wrong, where, and optionally how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub pos: Pos,
    pub message: String,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(pos: Pos, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            pos,
            message: message.into(),
            help: None,
        }
    }

    pub fn warning(pos: Pos, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            pos,
            message: message.into(),
            help: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// A document's text and where it came from.
#[derive(Debug, Clone)]
pub struct Source {
    /// How messages name it: the path as given, or `<stdin>`.
    pub name: String,
    pub text: String,
    /// What `${file:PATH}` references are relative to.
    pub dir: PathBuf,
}

impl Source {
    pub fn new(name: impl Into<String>, text: impl Into<String>, dir: impl AsRef<Path>) -> Self {
        Self {
            name: name.into(),
            text: text.into(),
            dir: dir.as_ref().to_path_buf(),
        }
    }

    /// The text of a 1-based line, without its line break. Lines end as YAML
    /// ends them: at `\n`, `\r\n` or a lone `\r`.
    pub fn line(&self, number: u32) -> Option<&str> {
        let index = usize::try_from(number).ok()?.checked_sub(1)?;
        self.text
            .split('\n')
            .flat_map(|line| line.strip_suffix('\r').unwrap_or(line).split('\r'))
            .nth(index)
    }
}

/// Orders diagnostics by place, errors before warnings at the same place.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics
        .sort_by(|a, b| (a.pos, a.severity, &a.message).cmp(&(b.pos, b.severity, &b.message)));
}

/// Suggests the closest of `candidates` to a misspelt `word`.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(word, candidate), candidate))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_one_based_and_lose_their_break() {
        let source = Source::new("x", "a: 1\r\nb: 2\n", ".");
        assert_eq!(source.line(1), Some("a: 1"));
        assert_eq!(source.line(2), Some("b: 2"));
        assert_eq!(source.line(0), None);
        assert_eq!(source.line(9), None);
        let old_mac = Source::new("x", "a: 1\rb: 2", ".");
        assert_eq!(old_mac.line(2), Some("b: 2"));
    }

    #[test]
    fn suggestions_pick_the_closest_and_only_close_ones() {
        let fields = ["handle", "name", "email", "teams"];
        assert_eq!(did_you_mean("emial", fields), Some("email"));
        assert_eq!(did_you_mean("team", fields), Some("teams"));
        assert_eq!(did_you_mean("zzz", fields), None);
    }
}
