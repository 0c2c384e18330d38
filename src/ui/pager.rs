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
        let taller = self.height.is_some_and(|rows| text.lines().count() >= rows);
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
