//! Interactive prompts (dialoguer), drawn on stderr. Callers check
//! `Ui::can_prompt` first.
//!
//! Ctrl-C at any prompt ends it as an interruption with the terminal as it was:
//! cursor shown, echo on, the prompt's line finished.

use console::{Key, Term};
use dialoguer::theme::{ColorfulTheme, Theme};
use dialoguer::{Confirm, Input, Select};

use crate::error::CliError;

pub fn confirm(question: &str) -> Result<bool, CliError> {
    restored(
        Confirm::with_theme(&ColorfulTheme::default())
            .with_prompt(question)
            .default(false)
            .interact(),
    )
}

/// A choice among `items`; `None` when the person pressed Escape or `q`.
pub fn select(prompt: &str, items: &[String], default: usize) -> Result<Option<usize>, CliError> {
    restored(
        Select::with_theme(&ColorfulTheme::default())
            .with_prompt(prompt)
            .items(items)
            .default(default)
            .interact_opt(),
    )
}

/// A line of text.
pub fn input(prompt: &str) -> Result<String, CliError> {
    restored(
        Input::<String>::with_theme(&ColorfulTheme::default())
            .with_prompt(prompt)
            .allow_empty(true)
            .interact_text(),
    )
}

/// A secret, never echoed.
///
/// dialoguer's password prompt reads a line with echo off and leaves Ctrl-C to
/// the process's signal handler, which deskctl installs: the read would go on
/// and the interrupt be lost. In raw mode for the whole prompt, Ctrl-C is a key
/// like any other, and no keystroke of a pasted secret is ever echoed. Raw
/// mode comes before the prompt is shown: a secret typed as soon as it shows
/// would otherwise be echoed, and a Ctrl-C be a signal nothing reads.
pub fn password(prompt: &str) -> Result<String, CliError> {
    let term = Term::stderr();
    let theme = ColorfulTheme::default();
    let mut shown = String::new();
    theme
        .format_password_prompt(&mut shown, prompt)
        .map_err(std::io::Error::other)?;
    let secret = {
        let _raw = RawMode::enable()?;
        term.write_str(&shown)?;
        term.flush()?;
        read_secret(&term)
    };
    term.clear_line()?;
    match secret {
        Ok(secret) => {
            let mut done = String::new();
            theme
                .format_password_prompt_selection(&mut done, prompt)
                .map_err(std::io::Error::other)?;
            term.write_line(&done)?;
            Ok(secret)
        }
        Err(error) => {
            term.write_line(&shown)?;
            Err(interrupted_or(error))
        }
    }
}

fn read_secret(term: &Term) -> std::io::Result<String> {
    let mut secret = String::new();
    loop {
        match term.read_key()? {
            Key::Enter => return Ok(secret),
            Key::Backspace => {
                secret.pop();
            }
            Key::Char(c) if !c.is_control() => secret.push(c),
            Key::CtrlC | Key::Escape => {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::Interrupted,
                    "cancelled",
                ));
            }
            _ => {}
        }
    }
}

/// The terminal in raw mode until dropped.
struct RawMode;

impl RawMode {
    fn enable() -> std::io::Result<RawMode> {
        crossterm::terminal::enable_raw_mode()?;
        Ok(RawMode)
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = crossterm::terminal::disable_raw_mode();
    }
}

/// A prompt's answer; on failure (Ctrl-C above all) the cursor dialoguer hid is
/// shown again and the prompt's line ended, so the shell gets its terminal back.
fn restored<T>(result: dialoguer::Result<T>) -> Result<T, CliError> {
    result.map_err(|dialoguer::Error::IO(error)| {
        let term = Term::stderr();
        let _ = term.show_cursor();
        let _ = term.write_line("");
        interrupted_or(error)
    })
}

fn interrupted_or(error: std::io::Error) -> CliError {
    if error.kind() == std::io::ErrorKind::Interrupted {
        CliError::interrupted()
    } else {
        error.into()
    }
}
