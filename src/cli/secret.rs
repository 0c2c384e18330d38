//! Reading a secret (an SMTP password, a signing secret) without it ever
//! touching the command line: from stdin, from an environment variable the
//! user names, or from a prompt.

use std::io::Read;

use crate::cli::Session;
use crate::error::{CliError, CliResult};

/// Where a secret comes from.
pub(crate) enum SecretSource<'a> {
    /// All of stdin, without its final line break.
    Stdin,
    /// The environment variable of this name. The user names it, like a
    /// `${env:NAME}` reference in a desk file, so it is read here rather than
    /// with deskctl's own variables.
    Env(&'a str),
    /// The whole of a file, without its final line break.
    File(&'a std::path::Path),
    /// Asked for without echo, on a terminal.
    Prompt,
}

/// Reads the secret called `what` (e.g. "SMTP password"); `stdin_flag` is named
/// when a prompt is not possible.
pub(crate) fn read_secret(
    session: &Session,
    source: SecretSource<'_>,
    what: &str,
    stdin_flag: &str,
) -> CliResult<String> {
    let secret = match source {
        SecretSource::Stdin => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| CliError::general(format!("cannot read the {what} from stdin")).with_cause(e))?;
            let text = text.strip_suffix('\n').unwrap_or(&text);
            text.strip_suffix('\r').unwrap_or(text).to_string()
        }
        SecretSource::Env(name) => std::env::var(name).map_err(|_| {
            CliError::usage(format!(
                "the environment variable {name} is not set (or not UTF-8): it should hold the {what}"
            ))
        })?,
        SecretSource::File(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| {
                CliError::usage(format!("cannot read the {what} from {}", path.display()))
                    .with_cause(e)
            })?;
            let text = text.strip_suffix('\n').unwrap_or(&text);
            text.strip_suffix('\r').unwrap_or(text).to_string()
        }
        SecretSource::Prompt => {
            if !session.ui.can_prompt() {
                return Err(CliError::needs_flag(
                    &format!("cannot ask for the {what}"),
                    stdin_flag,
                ));
            }
            session.ui.password(&crate::ui::capitalize_first(what))?
        }
    };
    if secret.is_empty() {
        return Err(CliError::usage(format!("the {what} is empty")));
    }
    Ok(secret)
}

/// How a stored secret shows: set or not, with its fingerprint, and why it
/// cannot be used, if so.
pub(crate) fn secret_text(
    set: bool,
    fingerprint: &Option<String>,
    unusable: &Option<String>,
) -> String {
    let text = match (set, fingerprint) {
        (true, Some(fingerprint)) => format!("set ({fingerprint})"),
        (true, None) => "set".into(),
        (false, _) => "not set".into(),
    };
    match unusable {
        Some(why) => format!("{text}, but cannot be used: {why}"),
        None => text,
    }
}
