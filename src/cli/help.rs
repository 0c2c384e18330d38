//! Help text shared by several commands: exit codes, environment variables,
//! integration settings.

use std::fmt::Write;

use crate::env::DOCUMENTED;
use crate::error::EXIT_CODES;

/// The widest a line of help laid out by hand may be: what an 80-column
/// terminal shows whole. clap wraps its own text at the terminal's width (up
/// to `max_term_width`), but a line laid out here that is wider is wrapped
/// again by clap with no indent, and a table's row falls apart.
pub const HELP_WIDTH: usize = 80;

/// `text` after `lead` (a table's first column, e.g. `  2    `), wrapped to
/// [`HELP_WIDTH`] with every further row under the text, not under `lead`.
pub fn hanging(lead: &str, text: &str) -> String {
    let indent = crate::ui::width::columns(lead);
    let rows = crate::ui::inbox::wrap(text, HELP_WIDTH.saturating_sub(indent));
    let mut out = String::new();
    for (at, row) in rows.iter().enumerate() {
        match at {
            0 => out.push_str(lead),
            _ => out.extend(std::iter::repeat_n(' ', indent)),
        }
        out.push_str(row);
        out.push('\n');
    }
    out
}

/// The text after `deskctl --help`: `examples`, exit codes and environment
/// variables.
pub fn after_long_help(examples: &str) -> String {
    format!("{examples}\n\n{}", exit_codes_and_environment())
}

/// The exit-code table and the environment variables, as help shows them.
pub fn exit_codes_and_environment() -> String {
    let mut text = String::from("Exit codes:\n");
    for (code, meaning) in EXIT_CODES {
        text.push_str(&hanging(&format!("  {code:<4} "), meaning));
    }
    text.push_str("\nEnvironment:\n");
    let width = DOCUMENTED
        .iter()
        .map(|(name, _)| name.len())
        .max()
        .unwrap_or(0);
    for (name, meaning) in DOCUMENTED {
        text.push_str(&hanging(&format!("  {name:<width$}  "), meaning));
    }
    text
}

/// The settings each integration kind takes, then `examples`, for
/// `integrations connect --help`.
pub fn integration_settings_help(examples: &str) -> String {
    let mut text = String::from("Settings by kind (secrets marked *):\n");
    for name in crate::api::IntegrationKind::NAMES {
        let kind: crate::api::IntegrationKind = name.parse().expect("listed kinds parse");
        let _ = writeln!(text, "  {kind} ({}):", kind.title());
        for spec in kind.settings() {
            let mark = if spec.secret { "*" } else { " " };
            let need = if spec.required { "" } else { " (optional)" };
            let lead = format!("    {mark}{:<20} ", spec.key);
            text.push_str(&hanging(&lead, &format!("{}{need}", spec.help)));
        }
    }
    text.push('\n');
    text.push_str(examples);
    text
}
