//! Problems found in a document, each with where it is.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
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
    /// For a reference that cannot be checked offline (the document leaves out
    /// the section that defines it): what it names, e.g. ``team `vip` ``. A
    /// command that sends the document to the service, which checks it, may
    /// sum these up in one line instead.
    pub unchecked: Option<String>,
}

impl Diagnostic {
    pub fn error(pos: Pos, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            pos,
            message: message.into(),
            help: None,
            unchecked: None,
        }
    }

    pub fn warning(pos: Pos, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            pos,
            message: message.into(),
            help: None,
            unchecked: None,
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

/// The diagnostics of the documents a command read, for a program to read
/// (`validate -o json`): the verdict, the counts, and each problem with the
/// file and place it is at. Messages are the ones shown to people, where a
/// secret is never quoted.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    /// The documents, as messages name them (the path as given, or
    /// `<stdin>`), in the order they were read.
    pub files: Vec<&'a str>,
    /// No errors (warnings allowed).
    pub valid: bool,
    pub errors: usize,
    pub warnings: usize,
    /// File by file, each file's in file order.
    pub diagnostics: Vec<ReportedDiagnostic<'a>>,
}

/// One problem of a [`Report`].
#[derive(Debug, Serialize)]
pub struct ReportedDiagnostic<'a> {
    /// As [`Report::files`] names it.
    pub file: &'a str,
    pub severity: Severity,
    /// 1-based.
    pub line: u32,
    /// 1-based, in characters.
    pub column: u32,
    pub message: &'a str,
    /// How to fix it, when known.
    pub help: Option<&'a str>,
}

impl<'a> Report<'a> {
    /// The report of `files`: each document's name and its diagnostics.
    pub fn new(files: impl IntoIterator<Item = (&'a str, &'a [Diagnostic])>) -> Self {
        let mut report = Report {
            files: Vec::new(),
            valid: true,
            errors: 0,
            warnings: 0,
            diagnostics: Vec::new(),
        };
        for (file, diagnostics) in files {
            report.files.push(file);
            for diagnostic in diagnostics {
                if diagnostic.is_error() {
                    report.errors += 1;
                } else {
                    report.warnings += 1;
                }
                report.diagnostics.push(ReportedDiagnostic {
                    file,
                    severity: diagnostic.severity,
                    line: diagnostic.pos.line,
                    column: diagnostic.pos.column,
                    message: &diagnostic.message,
                    help: diagnostic.help.as_deref(),
                });
            }
        }
        report.valid = report.errors == 0;
        report
    }
}

/// The byte order mark a UTF-8 text may start with (docs/handoff-format.md
/// allows one).
pub const BOM: char = '\u{feff}';

/// A document's text and where it came from.
#[derive(Debug, Clone)]
pub struct Source {
    /// How messages name it: the path as given, or `<stdin>`.
    pub name: String,
    text: String,
    /// Where each line starts and ends (its break left out), found once: a
    /// diagnostic per line of a large document must not split the text again.
    lines: Vec<std::ops::Range<usize>>,
    /// What `${file:PATH}` references are relative to.
    pub dir: PathBuf,
    /// For a text [`Source::masked`], each line's replacements, in the order
    /// made: where the file's columns are in the line as shown.
    edits: Vec<Vec<Edit>>,
}

/// A run of a line's characters replaced by others of another length (a
/// secret by [`SECRET_MASK`], a URL's password by `***`): `start` and `old`
/// count characters of the line as it was when the replacement was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Edit {
    start: usize,
    old: usize,
    new: usize,
}

/// A line being masked, with the replacements made in it.
struct MaskedLine {
    text: String,
    edits: Vec<Edit>,
}

impl MaskedLine {
    /// Replaces the `width` characters from character `start` with `with`.
    fn replace(&mut self, start: usize, width: usize, with: &str) {
        let mut text: String = self.text.chars().take(start).collect();
        text.push_str(with);
        text.extend(self.text.chars().skip(start + width));
        self.text = text;
        self.edits.push(Edit {
            start,
            old: width,
            new: with.chars().count(),
        });
    }

    /// Where the character at `column` (0-based) of the line as first given
    /// is now: shifted by the replacements before it, or at the start of the
    /// one that took it.
    fn column_now(&self, column: usize) -> usize {
        shift(&self.edits, column)
    }
}

/// `column` (0-based, of the line before `edits`) in the line after them.
fn shift(edits: &[Edit], mut column: usize) -> usize {
    for edit in edits {
        if column >= edit.start + edit.old {
            column = column - edit.old + edit.new;
        } else if column >= edit.start {
            column = edit.start;
        }
    }
    column
}

impl Source {
    pub fn new(name: impl Into<String>, text: impl Into<String>, dir: impl AsRef<Path>) -> Self {
        let text = text.into();
        Self {
            name: name.into(),
            lines: line_ranges(&text),
            text,
            dir: dir.as_ref().to_path_buf(),
            edits: Vec::new(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The same text with the token at each of `places` replaced by
    /// [`SECRET_MASK`], and every value written under a secret's key (see
    /// [`mask_secret_values`]) too, so that showing a line never shows a
    /// secret written there, even in a document that does not parse.
    ///
    /// A diagnostic keeps the file's columns; [`Source::shown_column`] says
    /// where one is in the line shown, the masks being as wide as they are.
    pub fn masked(&self, places: &[Pos]) -> Source {
        let mut lines: Vec<MaskedLine> = self
            .lines
            .iter()
            .map(|range| MaskedLine {
                text: self.text[range.clone()].to_string(),
                edits: Vec::new(),
            })
            .collect();
        mask_secret_values(&mut lines);
        mask_flow_secrets(&mut lines);
        for line in &mut lines {
            mask_url_credentials(line);
        }
        for pos in places {
            let Some(line) = lines.get_mut(pos.line.saturating_sub(1) as usize) else {
                continue;
            };
            // The place is the file's: the line may have changed before it.
            let start = line.column_now(pos.column.saturating_sub(1) as usize);
            let width = token_width(&line.text, start as u32 + 1);
            mask_range(line, start, width);
        }
        let text: Vec<&str> = lines.iter().map(|line| line.text.as_str()).collect();
        let mut masked = Source::new(self.name.clone(), text.join("\n"), &self.dir);
        masked.edits = lines.into_iter().map(|line| line.edits).collect();
        masked
    }

    /// Where the file's 1-based `column` of `line` is in the line as shown
    /// (see [`Source::masked`]): the same column when nothing before it was
    /// replaced.
    pub fn shown_column(&self, line: u32, column: u32) -> u32 {
        let Some(edits) = usize::try_from(line)
            .ok()
            .and_then(|line| line.checked_sub(1))
            .and_then(|index| self.edits.get(index))
        else {
            return column;
        };
        let shown = shift(edits, column.saturating_sub(1) as usize);
        u32::try_from(shown).map_or(column, |shown| shown + 1)
    }

    /// The text of a 1-based line, without its line break.
    pub fn line(&self, number: u32) -> Option<&str> {
        let index = usize::try_from(number).ok()?.checked_sub(1)?;
        self.lines.get(index).map(|range| &self.text[range.clone()])
    }
}

/// The byte range of each line of `text`, its break left out. Lines end as
/// YAML ends them: at `\n`, `\r\n` or a lone `\r`. A byte order mark is no
/// part of the first line: the readers skip it and count columns after it, so
/// a line shown (or read alone, as a line of JSON Lines) must too.
fn line_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut ranges = Vec::new();
    let mut start = if text.starts_with(BOM) {
        BOM.len_utf8()
    } else {
        0
    };
    let mut at = start;
    while at < bytes.len() {
        match bytes[at] {
            b'\n' => {
                ranges.push(start..at);
                start = at + 1;
            }
            b'\r' => {
                ranges.push(start..at);
                if bytes.get(at + 1) == Some(&b'\n') {
                    at += 1;
                }
                start = at + 1;
            }
            _ => {}
        }
        at += 1;
    }
    ranges.push(start..bytes.len());
    ranges
}

/// How many characters the token at `column` takes: a key, a plain value or a
/// quoted string; at least one.
pub fn token_width(line: &str, column: u32) -> usize {
    let rest: Vec<char> = line
        .chars()
        .skip(column.saturating_sub(1) as usize)
        .collect();
    let width = match rest.first() {
        Some(quote @ ('"' | '\'')) => rest[1..]
            .iter()
            .position(|c| c == quote)
            .map_or(rest.len(), |end| end + 2),
        // A colon ends a key only before a space or the end of the line; a
        // brace ends a flow mapping unless the token opened it (`${env:X}`).
        _ => (0..rest.len())
            .find(|&i| {
                let c = rest[i];
                c.is_whitespace()
                    || matches!(c, ',' | ']' | '#')
                    || (c == '}' && !rest[..i].contains(&'{'))
                    || (c == ':' && rest.get(i + 1).is_none_or(|n| n.is_whitespace()))
            })
            .unwrap_or(rest.len()),
    };
    width.max(1)
}

/// The keys a document writes a secret under (`email.password`,
/// `delivery.secret`), and the one holding a map of them (an integration's
/// `secrets`).
const SECRET_KEYS: [&str; 2] = ["password", "secret"];
const SECRET_MAPS: [&str; 1] = ["secrets"];

/// Masks, by the text alone, the value written after each secret's key, and
/// every line indented under it (a value that goes on, a map of secrets), so
/// that a document that does not parse, or whose secret has the wrong shape,
/// shows none either. `${…}` references are not secrets and stay.
fn mask_secret_values(lines: &mut [MaskedLine]) {
    // The column of the secret's key whose more indented lines are masked,
    // and whether they are a map of secrets (whose keys stay readable).
    let mut under: Option<(usize, bool)> = None;
    for line in lines.iter_mut() {
        let chars: Vec<char> = line.text.chars().collect();
        let indent = chars.iter().take_while(|c| **c == ' ').count();
        if chars[indent..].iter().all(|c| c.is_whitespace()) {
            continue;
        }
        if let Some((column, map)) = under {
            if indent > column {
                match key_and_value(&chars, indent) {
                    Some((_, value)) if map => mask_value(line, value),
                    _ => mask_from(line, indent),
                }
                continue;
            }
            under = None;
        }
        // A list item's key starts after its dash.
        let mut key_column = indent;
        while chars.get(key_column) == Some(&'-') && chars.get(key_column + 1) == Some(&' ') {
            key_column += 2;
            while chars.get(key_column) == Some(&' ') {
                key_column += 1;
            }
        }
        let Some((key, value)) = key_and_value(&chars, key_column) else {
            continue;
        };
        if SECRET_KEYS.contains(&key.as_str()) {
            mask_value(line, value);
            under = Some((key_column, false));
        } else if SECRET_MAPS.contains(&key.as_str()) {
            mask_value(line, value);
            under = Some((key_column, true));
        }
    }
}

/// Masks, by the text alone, the secrets written in flow style, where a
/// secret's key is not the first of its line (`email: {host: x, password: y}`,
/// `secrets: {api-token: y}`): what [`mask_secret_values`] cannot see. A flow
/// that goes on over several lines is followed to its end, so its later lines
/// are masked too. `${…}` references are not secrets and stay.
fn mask_flow_secrets(lines: &mut [MaskedLine]) {
    // The open `{` and `[` of the flow being read, innermost last, each with
    // whether every value in it is a secret (a secret's own value, or the
    // map of an integration's secrets).
    let mut open: Vec<bool> = Vec::new();
    for line in lines.iter_mut() {
        let chars: Vec<char> = line.text.chars().collect();
        let mut at = 0;
        // Whether the next value is a secret: it follows a secret's key.
        let mut secret_value = false;
        if open.is_empty() {
            // In block style only a value, or a list item, may open a flow.
            let mut column = chars.iter().take_while(|c| **c == ' ').count();
            while chars.get(column) == Some(&'-') && chars.get(column + 1) == Some(&' ') {
                column += 2;
                while chars.get(column) == Some(&' ') {
                    column += 1;
                }
            }
            at = match key_and_value(&chars, column) {
                _ if matches!(chars.get(column), Some('{' | '[')) => column,
                Some((key, value)) => {
                    secret_value =
                        SECRET_KEYS.contains(&key.as_str()) || SECRET_MAPS.contains(&key.as_str());
                    value
                }
                None => column,
            };
            if !matches!(chars.get(at), Some('{' | '[')) {
                continue;
            }
        }
        let mut masks = Vec::new();
        while at < chars.len() {
            let c = chars[at];
            match c {
                ' ' | '\t' => at += 1,
                '#' if at == 0 || chars[at - 1].is_whitespace() => break,
                '{' | '[' => {
                    open.push(secret_value || open.last() == Some(&true));
                    secret_value = false;
                    at += 1;
                }
                '}' | ']' => {
                    open.pop();
                    secret_value = false;
                    at += 1;
                    if open.is_empty() {
                        break;
                    }
                }
                ',' => {
                    secret_value = false;
                    at += 1;
                }
                _ => {
                    let end = flow_scalar_end(&chars, at);
                    let mut next = end;
                    while chars.get(next).is_some_and(|c| *c == ' ') {
                        next += 1;
                    }
                    let is_key = chars.get(next) == Some(&':')
                        && chars
                            .get(next + 1)
                            .is_none_or(|c| c.is_whitespace() || matches!(c, ',' | '}' | ']'));
                    if is_key {
                        let key: String = chars[at..end].iter().collect();
                        let key = key.trim_matches(|c| c == '"' || c == '\'');
                        secret_value = SECRET_KEYS.contains(&key) || SECRET_MAPS.contains(&key);
                        at = next + 1;
                        continue;
                    }
                    let token: String = chars[at..end].iter().collect();
                    let reference = token.starts_with("${") && token.ends_with('}');
                    if (secret_value || open.last() == Some(&true)) && !reference {
                        masks.push((at, end - at));
                    }
                    secret_value = false;
                    at = end;
                }
            }
        }
        // From the right, so that the places to their left stay where they are.
        for (start, width) in masks.into_iter().rev() {
            mask_range(line, start, width);
        }
    }
}

/// Where the scalar starting at character `start` of a flow ends: after its
/// closing quote, or before what ends a plain scalar in a flow (`,`, `]`,
/// `}`, a key's `: `, a comment); a line break ends it too.
fn flow_scalar_end(chars: &[char], start: usize) -> usize {
    if let Some(quote @ ('"' | '\'')) = chars.get(start) {
        let mut at = start + 1;
        while at < chars.len() {
            match chars[at] {
                '\\' if *quote == '"' => at += 2,
                c if c == *quote => return at + 1,
                _ => at += 1,
            }
        }
        return chars.len();
    }
    let mut end = start;
    while end < chars.len() {
        let c = chars[end];
        let key_indicator = c == ':'
            && chars
                .get(end + 1)
                .is_none_or(|n| n.is_whitespace() || matches!(n, ',' | '}' | ']'));
        let comment = c == '#' && end > start && chars[end - 1].is_whitespace();
        // `${env:NAME}` holds braces of its own.
        let reference_brace = c == '}'
            && chars[start..end].starts_with(&['$', '{'])
            && !chars[start..end].contains(&'}');
        if (matches!(c, ',' | ']' | '}') && !reference_brace) || key_indicator || comment {
            break;
        }
        end += 1;
        if reference_brace {
            break;
        }
    }
    // Spaces before what ends it are no part of it.
    while end > start && chars[end - 1] == ' ' {
        end -= 1;
    }
    end
}

/// The key of a `key: value` line starting at `column` (unquoted), and the
/// column its value starts at.
fn key_and_value(chars: &[char], column: usize) -> Option<(String, usize)> {
    let rest = chars.get(column..)?;
    let colon = (0..rest.len())
        .find(|&i| rest[i] == ':' && rest.get(i + 1).is_none_or(|c| c.is_whitespace()))?;
    let key: String = rest[..colon].iter().collect();
    let key = key
        .trim()
        .trim_matches(|c| c == '"' || c == '\'')
        .to_string();
    let mut value = column + colon + 1;
    while chars.get(value).is_some_and(|c| c.is_whitespace()) {
        value += 1;
    }
    Some((key, value))
}

/// Shows each URL in `line` as messages show it ([`shown_url`]): a URL's
/// password, query values and fragment never show, though the document
/// writes them where no secret's key stands (`delivery.url`).
///
/// [`shown_url`]: crate::domain::urls::shown_url
fn mask_url_credentials(line: &mut MaskedLine) {
    let mut from = 0;
    while let Some(at) = line.text[from..].find("://").map(|at| from + at) {
        let text = &line.text;
        let start = text[..at]
            .rfind(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
            .map_or(0, |before| before + 1);
        let end = text[at..]
            .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | ',' | ']' | '}'))
            .map_or(text.len(), |after| at + after);
        let shown = crate::domain::urls::shown_url(&text[start..end]);
        from = start + shown.len();
        if shown != text[start..end] {
            let start_char = text[..start].chars().count();
            let width = text[start..end].chars().count();
            line.replace(start_char, width, &shown);
        }
    }
}

/// Masks the value starting at character `start` of `line`: the token alone
/// when only a comment follows it, else to the end of the line. A `${…}`
/// reference stays.
fn mask_value(line: &mut MaskedLine, start: usize) {
    let rest: String = line.text.chars().skip(start).collect();
    if rest.is_empty() {
        return;
    }
    let width = token_width(&line.text, start as u32 + 1);
    let token: String = rest.chars().take(width).collect();
    if token.starts_with("${") && token.ends_with('}') {
        return;
    }
    let after: String = rest.chars().skip(width).collect();
    let only_a_comment = after.trim().is_empty()
        || (after.starts_with(char::is_whitespace) && after.trim_start().starts_with('#'));
    if only_a_comment {
        mask_range(line, start, width);
    } else {
        mask_from(line, start);
    }
}

fn mask_from(line: &mut MaskedLine, start: usize) {
    let width = line.text.chars().count().saturating_sub(start);
    mask_range(line, start, width);
}

/// What a secret's characters are shown as: always as wide, since a mask
/// as long as the secret would tell its length.
pub const SECRET_MASK: &str = "********";

/// Replaces the `width` characters of `line` from character `start` with
/// [`SECRET_MASK`]. The only place a secret in a document's text is masked.
fn mask_range(line: &mut MaskedLine, start: usize, width: usize) {
    if width == 0 {
        return;
    }
    line.replace(start, width, SECRET_MASK);
}

/// Orders diagnostics by place, errors before warnings at the same place.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics
        .sort_by(|a, b| (a.pos, a.severity, &a.message).cmp(&(b.pos, b.severity, &b.message)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_counts_and_places_every_diagnostic_in_its_file() {
        let operators = [
            Diagnostic::error(Pos { line: 3, column: 5 }, "unknown key `emial`")
                .with_help("did you mean `email`?"),
        ];
        let teams = [Diagnostic::warning(
            Pos::START,
            "a secret is written in the document",
        )];
        let report = Report::new([
            ("operators.yaml", &operators[..]),
            ("teams.yaml", &teams[..]),
            ("hours.yaml", &[][..]),
        ]);
        assert_eq!(
            serde_json::to_value(&report).unwrap(),
            serde_json::json!({
                "files": ["operators.yaml", "teams.yaml", "hours.yaml"],
                "valid": false,
                "errors": 1,
                "warnings": 1,
                "diagnostics": [
                    {"file": "operators.yaml", "severity": "error", "line": 3, "column": 5,
                     "message": "unknown key `emial`", "help": "did you mean `email`?"},
                    {"file": "teams.yaml", "severity": "warning", "line": 1, "column": 1,
                     "message": "a secret is written in the document", "help": null},
                ],
            })
        );
        assert!(Report::new([("teams.yaml", &teams[..])]).valid);
        assert!(Report::new([]).valid);
    }

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
    fn a_byte_order_mark_is_no_part_of_the_first_line() {
        let source = Source::new("x", "\u{feff}a: 1\n\u{feff}b: 2", ".");
        assert_eq!(source.line(1), Some("a: 1"));
        // Only the text's first character is a mark; later it is text.
        assert_eq!(source.line(2), Some("\u{feff}b: 2"));
        assert_eq!(source.text(), "\u{feff}a: 1\n\u{feff}b: 2");
        assert_eq!(Source::new("x", "\u{feff}", ".").line(1), Some(""));
    }

    #[test]
    fn every_kind_of_line_break_ends_a_line_once() {
        let source = Source::new("x", "a\r\r\nb\rc\n\nd", ".");
        let lines: Vec<&str> = (1..).map_while(|n| source.line(n)).collect();
        assert_eq!(lines, ["a", "", "b", "c", "", "d"]);
        let masked = source.masked(&[]);
        assert_eq!(masked.text(), "a\n\nb\nc\n\nd");
        assert_eq!(Source::new("x", "", ".").line(1), Some(""));
        assert_eq!(Source::new("x", "a\n", ".").line(2), Some(""));
    }

    #[test]
    fn tokens_are_measured_as_yaml_reads_them() {
        assert_eq!(token_width("  tz: \"Europe/Berln\" # x", 7), 14);
        assert_eq!(token_width("x", 9), 1);
        assert_eq!(token_width("  password: ${env:SMTP}", 13), 11);
        assert_eq!(token_width("  password: ${env:SMTP}", 3), 8);
    }

    #[test]
    fn a_urls_password_and_query_values_are_masked_on_any_line() {
        let masked = Source::new(
            "x",
            "delivery:\n  url: 'https://hookuser:HUNTER2@hooks.example.com/desk?api_key=QS3CRET' # a\n  base-url: https://x.example/a@b\n",
            ".",
        )
        .masked(&[]);
        assert_eq!(
            masked.line(2),
            Some("  url: 'https://hookuser:***@hooks.example.com/desk?api_key=***' # a")
        );
        assert_eq!(masked.line(3), Some("  base-url: https://x.example/a@b"));
    }

    #[test]
    fn masking_hides_the_token_and_its_length() {
        let source = Source::new("x", "a: 1\n  secret: hunter2 # note\n", ".");
        let masked = source.masked(&[Pos {
            line: 2,
            column: 11,
        }]);
        assert_eq!(masked.line(2), Some("  secret: ******** # note"));
        assert_eq!(masked.line(1), Some("a: 1"));
        let long = Source::new("x", format!("secret: {}", "x".repeat(36)), ".");
        assert_eq!(long.masked(&[]).line(1), Some("secret: ********"));
    }

    /// Each line of `text` as `masked` shows it.
    fn shown(text: &str) -> Vec<String> {
        let masked = Source::new("x", text, ".").masked(&[]);
        (1..)
            .map_while(|n| masked.line(n).map(str::to_string))
            .collect()
    }

    #[test]
    fn secrets_written_in_flow_style_are_masked_even_where_the_document_breaks() {
        let lines = shown(concat!(
            "email: {host: smtp.x.example, username: u, password: hunter2secret, port: 0\n",
            "delivery: {url: 'https://x.example/h', \"secret\": \"Top, Secret}\" } # a\n",
            "integrations:\n",
            "  - {kind: zendesk, secrets: {api-token: zd-token-1, webhook-secret: ${env:ZD}},\n",
            "     settings: {subdomain: acme}, secrets: {\n",
            "       api-token: zd-token-2 }, fields: {order-id: '36'}}\n",
            "rules: {priority: [{name: a, conditions: [{field: reason, op: equals, value: secret}]}]}\n",
            "email: {password: [multi, part]}\n",
        ));
        assert_eq!(
            lines[0],
            "email: {host: smtp.x.example, username: u, password: ********, port: 0"
        );
        assert_eq!(
            lines[1],
            "delivery: {url: 'https://x.example/h', \"secret\": ******** } # a"
        );
        assert_eq!(
            lines[3],
            "  - {kind: zendesk, secrets: {api-token: ********, webhook-secret: ${env:ZD}},"
        );
        assert_eq!(lines[4], "     settings: {subdomain: acme}, secrets: {");
        assert_eq!(
            lines[5],
            "       api-token: ******** }, fields: {order-id: '36'}}"
        );
        // A value that only reads like a secret's key is no secret.
        assert_eq!(
            lines[6],
            "rules: {priority: [{name: a, conditions: [{field: reason, op: equals, value: secret}]}]}"
        );
        assert_eq!(lines[7], "email: {password: [********, ********]}");
        let text = lines.join("\n");
        for secret in ["hunter2", "Top", "zd-token", "multi"] {
            assert!(!text.contains(secret), "{text}");
        }
    }

    #[test]
    fn secret_values_are_masked_by_their_keys_even_where_the_document_breaks() {
        let lines = shown(concat!(
            "email:\n",
            "  password: FirstSecret99\n",
            "  password: \"Tr0ub4dor\\q\" # note\n",
            "  password: Tr0ub: x\n",
            "  username: desk\n",
            "delivery:\n",
            "  secret: {a: TopSecretVal}\n",
            "  url: https://x.example/h\n",
            "integrations:\n",
            "  - kind: zendesk\n",
            "    secrets:\n",
            "      api-token: zd-token-1\n",
            "      webhook-secret: ${env:ZD}\n",
            "    base-url: https://zd.example\n",
            "  - secret: |\n",
            "      multi\n",
            "      line\n",
            "kind: Desk\n",
        ));
        assert_eq!(lines[1], "  password: ********");
        assert_eq!(lines[2], "  password: ******** # note");
        assert_eq!(lines[3], "  password: ********");
        assert_eq!(lines[4], "  username: desk");
        assert_eq!(lines[6], "  secret: ********");
        assert_eq!(lines[7], "  url: https://x.example/h");
        assert_eq!(lines[11], "      api-token: ********");
        assert_eq!(lines[12], "      webhook-secret: ${env:ZD}");
        assert_eq!(lines[13], "    base-url: https://zd.example");
        assert_eq!(lines[14], "  - secret: ********");
        assert_eq!(lines[15], "      ********");
        assert_eq!(lines[16], "      ********");
        assert_eq!(lines[17], "kind: Desk");
        let text = lines.join("\n");
        for secret in ["FirstSecret", "Tr0ub", "TopSecret", "zd-token", "multi"] {
            assert!(!text.contains(secret), "{text}");
        }
    }
}
