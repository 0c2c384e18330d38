//! Problems in a document, shown like a compiler shows them: the message, the
//! file:line:column, the offending line and a caret under the place.

use anstyle::{AnsiColor, Style};

use super::Ui;
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
    let mut text = format!(
        "{}: {}\n{gutter}{} {}:{pos}\n",
        paint(color.on_default().bold(), label),
        paint(Style::new().bold(), &diagnostic.message),
        paint(blue, "-->"),
        source.name,
    );
    if let Some(line) = source.line(pos.line) {
        let before: String = line
            .chars()
            .take(pos.column.saturating_sub(1) as usize)
            .collect();
        // Tabs keep their width so the caret stays under its place.
        let indent: String = before
            .chars()
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        let width = crate::manifest::diagnostic::token_width(line, pos.column);
        text.push_str(&format!("{gutter} {}\n", paint(blue, "|")));
        text.push_str(&format!(
            "{} {} {line}\n",
            paint(blue, &number),
            paint(blue, "|")
        ));
        text.push_str(&format!(
            "{gutter} {} {indent}{}\n",
            paint(blue, "|"),
            paint(color.on_default().bold(), &"^".repeat(width))
        ));
    }
    if let Some(help) = &diagnostic.help {
        text.push_str(&format!("{gutter} {} {help}\n", paint(blue, "= help:")));
    }
    text.push('\n');
    text
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
}
