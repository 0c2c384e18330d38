//! Long output for people goes through a pager, as git and gh do: `$PAGER`
//! (default `less`, with `LESS=FRX` unless LESS is set), only when stdout is a
//! terminal and the text is taller than it.

use std::io::Write;
use std::process::{Command, Stdio};

use super::Ui;
use crate::error::CliResult;

impl Ui {
    /// Writes `text` on stdout, through the pager when it would not fit.
    pub(super) fn page(&self, text: &str) -> CliResult {
        let taller = self
            .height
            .is_some_and(|rows| display_rows(text, self.width) >= rows);
        match &self.pager {
            Some(pager) if self.stdout_tty && taller => {
                if run_pager(pager, !self.less_set, text) {
                    return Ok(());
                }
                self.write_stdout(text)
            }
            _ => self.write_stdout(text),
        }
    }
}

/// The rows `text` takes on a terminal `width` columns wide, which wraps
/// every line longer than that: its lines as they are drawn (colour codes
/// take no room, a wide character two columns), not as they are counted.
fn display_rows(text: &str, width: usize) -> usize {
    let width = width.max(1);
    text.lines()
        .map(|line| super::width::columns(&anstream::adapter::strip_str(line).to_string()))
        .map(|columns| columns.div_ceil(width).max(1))
        .sum()
}

/// Runs the pager on `text`; false when it cannot be started (then the caller
/// prints the text itself). The command line is split into words as a shell
/// would, but no shell runs it.
fn run_pager(command: &str, set_less: bool, text: &str) -> bool {
    let Ok(words) = shell_words::split(command) else {
        return false;
    };
    let Some((program, args)) = words.split_first() else {
        return false;
    };
    let mut pager = Command::new(program);
    pager.args(args).stdin(Stdio::piped());
    if set_less {
        // Quit at once when the text fits, keep colors, leave it on the screen.
        pager.env(crate::env::LESS, "FRX");
    }
    let Ok(mut child) = pager.spawn() else {
        return false;
    };
    if let Some(mut stdin) = child.stdin.take() {
        // The reader may quit before reading everything: a closed pipe is fine.
        let _ = stdin.write_all(text.as_bytes());
    }
    let _ = child.wait();
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_longer_than_the_terminal_counts_the_rows_it_wraps_to() {
        assert_eq!(display_rows("", 80), 0);
        assert_eq!(display_rows("one\n\nthree\n", 80), 3);
        let long = "x".repeat(81);
        assert_eq!(display_rows(&long, 80), 2);
        assert_eq!(display_rows(&long, 40), 3);
        assert_eq!(display_rows(&"x".repeat(80), 80), 1);
        // Colour codes take no room; a wide character takes two columns.
        let painted = format!("\x1b[1mLabel:\x1b[0m {}", "y".repeat(73));
        assert_eq!(display_rows(&painted, 80), 1);
        assert_eq!(display_rows(&"日".repeat(41), 80), 2);
        assert_eq!(display_rows("a", 0), 1, "no width is taken as one column");
    }
}
