//! Problems in a document, shown like a compiler shows them: the message, the
//! file:line:column, the offending line and a caret under the place.

use anstyle::{AnsiColor, Style};

use super::{Ui, printable};
use crate::manifest::{Diagnostic, Severity, Source};

impl Ui {
    /// Writes every diagnostic to stderr (colored on a terminal).
    pub fn diagnostics(&self, source: &Source, diagnostics: &[Diagnostic]) {
        let paint = |style: Style, text: &str| self.paint_stderr(style, text);
        for diagnostic in diagnostics {
            eprint!("{}", render_diagnostic(source, diagnostic, &paint));
        }
    }
}

/// One diagnostic as text; `paint` colors a piece (or returns it as it is).
pub fn render_diagnostic(
    source: &Source,
    diagnostic: &Diagnostic,
    paint: &dyn Fn(Style, &str) -> String,
) -> String {
    let (label, color) = match diagnostic.severity {
        Severity::Error => ("error", AnsiColor::Red),
        Severity::Warning => ("warning", AnsiColor::Yellow),
    };
    let pos = diagnostic.pos;
    let number = pos.line.to_string();
    let gutter = " ".repeat(number.len());
    let blue = AnsiColor::Blue.on_default().bold();
    // A document, and the values its messages quote, may hold control
    // characters: each piece is made printable before it is colored.
    let mut text = format!(
        "{}: {}\n{gutter}{} {}:{pos}\n",
        paint(color.on_default().bold(), label),
        paint(Style::new().bold(), &printable(&diagnostic.message)),
        paint(blue, "-->"),
        printable(&source.name),
    );
    if let Some(whole) = source.line(pos.line) {
        // The place is the file's; the line shown may have a secret masked
        // before it, its mask as wide whatever the secret's length.
        let (line, column) = excerpt(whole, source.shown_column(pos.line, pos.column));
        let line = line.as_str();
        let before: String = line
            .chars()
            .take(column.saturating_sub(1) as usize)
            .collect();
        let width = crate::manifest::diagnostic::token_width(line, column).min(
            line.chars()
                .count()
                .saturating_sub(before.chars().count())
                .max(1),
        );
        let token: String = line
            .chars()
            .skip(before.chars().count())
            .take(width)
            .collect();
        // Tabs keep their width so the caret stays under its place; a
        // character shown as `^[` takes two.
        let indent: String = printable(&before)
            .chars()
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        let width = printable(&token).chars().count().max(1);
        text.push_str(&format!("{gutter} {}\n", paint(blue, "|")));
        text.push_str(&format!(
            "{} {} {}\n",
            paint(blue, &number),
            paint(blue, "|"),
            printable(line)
        ));
        text.push_str(&format!(
            "{gutter} {} {indent}{}\n",
            paint(blue, "|"),
            paint(color.on_default().bold(), &"^".repeat(width))
        ));
    }
    if let Some(help) = &diagnostic.help {
        text.push_str(&format!(
            "{gutter} {} {}\n",
            paint(blue, "= help:"),
            printable(help)
        ));
    }
    text.push('\n');
    text
}

/// The most characters of a line a diagnostic shows: a minified or generated
/// line would otherwise fill the terminal.
const SHOWN_CHARS: usize = 200;

/// The part of `line` a diagnostic shows, [`SHOWN_CHARS`] around `column`
/// with `…` where it is cut, and where `column` is in it.
fn excerpt(line: &str, column: u32) -> (String, u32) {
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= SHOWN_CHARS {
        return (line.to_string(), column);
    }
    let at = (column.saturating_sub(1) as usize).min(chars.len());
    let start = at
        .saturating_sub(SHOWN_CHARS / 2)
        .min(chars.len() - SHOWN_CHARS);
    let end = start + SHOWN_CHARS;
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    shown.extend(&chars[start..end]);
    if end < chars.len() {
        shown.push('…');
    }
    let column = (at - start) as u32 + 1 + u32::from(start > 0);
    (shown, column)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::Pos;

    #[test]
    fn a_diagnostic_shows_its_place_line_and_caret() {
        let source = Source::new(
            "desk.yaml",
            "operators:\n  - handle: alice\n    emial: a@x.com\n",
            ".",
        );
        let diagnostic = Diagnostic::error(Pos { line: 3, column: 5 }, "unknown key `emial`")
            .with_help("did you mean `email`?");
        let plain = |_: Style, text: &str| text.to_string();
        assert_eq!(
            render_diagnostic(&source, &diagnostic, &plain),
            "error: unknown key `emial`\n --> desk.yaml:3:5\n  |\n3 |     emial: a@x.com\n  |     ^^^^^\n  = help: did you mean `email`?\n\n"
        );
    }

    #[test]
    fn the_caret_stays_under_its_place_after_a_masked_secret_on_its_line() {
        let text = "email: {host: h.example, username: u, password: hunter2secretlong, port: 0}\n\
                    delivery: {url: 'https://u:longpassword@x.example/h', secret: abcdefghijklmnopq, x: 1}\n";
        let source = Source::new("desk.yaml", text, ".").masked(&[]);
        let plain = |_: Style, text: &str| text.to_string();
        // What the caret is under in the line shown, for a diagnostic at the
        // file's place of `token` on `line`; and the place it names.
        let under = |line: u32, token: &str| {
            let column = text
                .lines()
                .nth(line as usize - 1)
                .unwrap()
                .find(token)
                .unwrap()
                + 1;
            let pos = Pos {
                line,
                column: column as u32,
            };
            let shown = render_diagnostic(&source, &Diagnostic::error(pos, "bad"), &plain);
            let lines: Vec<&str> = shown.lines().collect();
            let caret = lines[4].find('^').unwrap();
            let width = lines[4].matches('^').count();
            let place = lines[1].rsplit_once(':').unwrap().1.to_string();
            let at: String = lines[3].chars().skip(caret).take(width).collect();
            (at, place)
        };
        assert_eq!(under(1, "0}"), ("0".to_string(), "74".to_string()));
        assert_eq!(under(1, "port"), ("port".to_string(), "68".to_string()));
        // A place inside a secret is at its mask.
        assert_eq!(under(1, "secretlong").0, "********");
        // After a URL's password (shown as `***`) and a secret.
        assert_eq!(under(2, "x: 1").0, "x");
        assert_eq!(under(2, "secret:").0, "secret");
    }

    #[test]
    fn control_characters_in_a_document_are_shown_and_the_caret_stays_under_its_place() {
        let source = Source::new(
            "desk\u{1b}[2J.yaml",
            "teams:\n  - key: \"a\u{1b}]0;x\u{7}\" # \u{9b}\n",
            ".",
        );
        let diagnostic = Diagnostic::error(
            Pos {
                line: 2,
                column: 10,
            },
            "'a\u{1b}]0;x\u{7}' is bad",
        )
        .with_help("not \u{202e}this");
        let plain = |_: Style, text: &str| text.to_string();
        assert_eq!(
            render_diagnostic(&source, &diagnostic, &plain),
            "error: 'a^[]0;x^G' is bad\n --> desk^[[2J.yaml:2:10\n  |\n\
             2 |   - key: \"a^[]0;x^G\" # \\u{9b}\n  |          ^^^^^^^^^^^\n  \
             = help: not \\u{202e}this\n\n"
        );
    }

    #[test]
    fn a_long_line_is_shown_around_its_column_with_ellipses() {
        let plain = |_: Style, text: &str| text.to_string();
        let line = format!("x: [{}oops{}]", "1,".repeat(400), ",2".repeat(400));
        let column = 4 + 800 + 1;
        let source = Source::new("desk.yaml", line.clone(), ".");
        let diagnostic = Diagnostic::error(Pos { line: 1, column }, "bad");
        let shown = render_diagnostic(&source, &diagnostic, &plain);
        let lines: Vec<&str> = shown.lines().collect();
        let quoted = lines[3].strip_prefix("1 | ").unwrap();
        assert_eq!(quoted.chars().count(), SHOWN_CHARS + 2, "{quoted}");
        assert!(quoted.starts_with('…') && quoted.ends_with('…'), "{quoted}");
        let caret = lines[4].strip_prefix("  | ").unwrap();
        let under = caret.find('^').unwrap();
        assert_eq!(
            &quoted.chars().skip(under).take(4).collect::<String>(),
            "oops"
        );
        assert_eq!(caret.trim(), "^^^^");

        // Near either end, only the other end is cut.
        let (start, at) = excerpt(&line, 1);
        assert!(!start.starts_with('…') && start.ends_with('…'));
        assert_eq!(at, 1);
        let last = line.chars().count() as u32;
        let (end, at) = excerpt(&line, last);
        assert!(end.starts_with('…') && !end.ends_with('…'));
        assert_eq!(end.chars().nth(at as usize - 1), Some(']'));
        // A short line is shown whole.
        assert_eq!(excerpt("a: 1", 4), ("a: 1".to_string(), 4));
    }
}
