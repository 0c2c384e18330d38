//! Help text shared by several commands: exit codes, environment variables,
//! integration settings.

use std::fmt::Write;

use crate::env::DOCUMENTED;
use crate::error::EXIT_CODES;

/// The text after `deskctl --help`: `examples`, exit codes and environment
/// variables.
pub fn after_long_help(examples: &str) -> String {
    format!("{examples}\n\n{}", exit_codes_and_environment())
}

/// The exit-code table and the environment variables, as help shows them.
pub fn exit_codes_and_environment() -> String {
    let mut text = String::from("Exit codes:\n");
    for (code, meaning) in EXIT_CODES {
        let _ = writeln!(text, "  {code:<4} {meaning}");
    }
    text.push_str("\nEnvironment:\n");
    let width = DOCUMENTED
        .iter()
        .map(|(name, _)| name.len())
        .max()
        .unwrap_or(0);
    for (name, meaning) in DOCUMENTED {
        let _ = writeln!(text, "  {name:<width$}  {meaning}");
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
            let _ = writeln!(text, "    {mark}{:<20} {}{need}", spec.key, spec.help);
        }
    }
    text.push('\n');
    text.push_str(examples);
    text
}
