//! Interactive prompts (dialoguer), drawn on stderr. Callers check
//! `Ui::can_prompt` first.

use dialoguer::theme::ColorfulTheme;
use dialoguer::{Confirm, Password};

use crate::error::CliError;

pub fn confirm(question: &str) -> Result<bool, CliError> {
    Ok(Confirm::with_theme(&ColorfulTheme::default())
        .with_prompt(question)
        .default(false)
        .interact()?)
}

pub fn password(prompt: &str) -> Result<String, CliError> {
    Ok(Password::with_theme(&ColorfulTheme::default())
        .with_prompt(prompt)
        .interact()?)
}

/// A choice among `items`; `None` when the person pressed Escape or `q`.
pub fn select(prompt: &str, items: &[String], default: usize) -> Result<Option<usize>, CliError> {
    Ok(dialoguer::Select::with_theme(&ColorfulTheme::default())
        .with_prompt(prompt)
        .items(items)
        .default(default)
        .interact_opt()?)
}

/// A line of text.
pub fn input(prompt: &str) -> Result<String, CliError> {
    Ok(
        dialoguer::Input::<String>::with_theme(&ColorfulTheme::default())
            .with_prompt(prompt)
            .allow_empty(true)
            .interact_text()?,
    )
}
