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
