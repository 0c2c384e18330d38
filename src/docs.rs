//! Files generated from the code: shell completions, the man page, the CLI
//! reference, the exit-code table and the OpenAPI document. A test compares them
//! with the committed copies (`UPDATE_GENERATED=1 cargo test --test integration generated`
//! rewrites them).

use std::fmt::Write;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;
use crate::env::DOCUMENTED;
use crate::error::EXIT_CODES;

/// The text after `deskctl --help`: exit codes and environment variables.
pub fn after_long_help() -> String {
    let mut text = String::from("Exit codes:\n");
    for (code, meaning) in EXIT_CODES {
        let _ = writeln!(text, "  {code:<4} {meaning}");
    }
    text.push_str("\nEnvironment:\n");
    for (name, meaning) in DOCUMENTED {
        let _ = writeln!(text, "  {name:<16} {meaning}");
    }
    text
}

/// The settings each integration kind takes, for `integrations connect --help`.
pub fn integration_settings_help() -> String {
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
    text
}

/// Every generated file: its path in the repository and its contents.
pub fn generated_files() -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for (shell, name) in [
        (Shell::Bash, "deskctl.bash"),
        (Shell::Zsh, "_deskctl"),
        (Shell::Fish, "deskctl.fish"),
        (Shell::Elvish, "deskctl.elv"),
        (Shell::PowerShell, "_deskctl.ps1"),
    ] {
        let mut script = Vec::new();
        clap_complete::generate(shell, &mut Cli::command(), "deskctl", &mut script);
        files.push((format!("completions/{name}"), script));
    }
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    man_pages(&command, &mut files);
    files.push(("docs/cli.md".into(), cli_reference().into_bytes()));
    files.push(("docs/exit-codes.md".into(), exit_codes_page().into_bytes()));
    let openapi = crate::server::openapi()
        .to_pretty_json()
        .expect("the OpenAPI document serializes");
    files.push((
        "docs/openapi.json".into(),
        format!("{openapi}\n").into_bytes(),
    ));
    files.push((
        "docs/desk.schema.json".into(),
        format!("{}\n", crate::manifest::json_schema()).into_bytes(),
    ));
    files
}

/// One man page per command, `deskctl.1` and `deskctl-operators-add.1` alike.
fn man_pages(command: &clap::Command, files: &mut Vec<(String, Vec<u8>)>) {
    let man = clap_mangen::Man::new(command.clone());
    let mut page = Vec::new();
    man.render(&mut page).expect("a man page renders to memory");
    files.push((format!("docs/man/{}", man.get_filename()), page));
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        man_pages(sub, files);
    }
}

fn exit_codes_page() -> String {
    let mut page = String::from(
        "# Exit codes\n\n<!-- Generated from src/error.rs by `UPDATE_GENERATED=1 cargo test --test integration generated`. -->\n\n\
         Every deskctl command exits with one of these codes. `deskctl --help` shows the same table.\n\n\
         | code | meaning |\n|---|---|\n",
    );
    for (code, meaning) in EXIT_CODES {
        let _ = writeln!(page, "| {code} | {meaning} |");
    }
    page.push_str(
        "\nHTTP statuses map to codes as follows: 401 and 403 → 4, 404 → 5, 409 and 412 → 6, \
         429, 502, 503 and 504 (after retries) and unreachable or timed-out services → 7, \
         any other error → 1. A closed output pipe is not an error (0).\n",
    );
    page
}

/// The Markdown reference of every command, from the clap tree.
pub fn cli_reference() -> String {
    let mut page = String::from(
        "# deskctl command-line reference\n\n<!-- Generated from the clap definitions by \
         `UPDATE_GENERATED=1 cargo test --test integration generated`. Do not edit. -->\n\n",
    );
    let mut command = Cli::command();
    command.build();
    write_command(&mut page, &command, "deskctl");
    page
}

fn write_command(page: &mut String, command: &clap::Command, path: &str) {
    let _ = writeln!(page, "## `{path}`\n");
    if let Some(about) = command.get_long_about().or(command.get_about()) {
        let _ = writeln!(page, "{about}\n");
    }
    let mut usage_command = command.clone();
    let usage = usage_command.render_usage().to_string();
    let usage = usage.trim_start_matches("Usage: ");
    let _ = writeln!(page, "```\n{usage}\n```\n");
    let arguments: Vec<_> = command
        .get_arguments()
        .filter(|a| !a.is_hide_set() && (path == "deskctl" || !a.is_global_set()))
        .collect();
    if !arguments.is_empty() {
        page.push_str("| argument | description |\n|---|---|\n");
        for arg in arguments {
            let name = match (arg.get_short(), arg.get_long()) {
                (Some(short), Some(long)) => format!("`-{short}`, `--{long}`"),
                (None, Some(long)) => format!("`--{long}`"),
                (Some(short), None) => format!("`-{short}`"),
                (None, None) => format!("`<{}>`", arg.get_id().as_str().to_uppercase()),
            };
            let mut help = arg
                .get_help()
                .map(|h| h.to_string().replace('\n', " "))
                .unwrap_or_default();
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| format!("`{}`", v.get_name()))
                .collect();
            if !values.is_empty() && arg.get_action().takes_values() {
                let _ = write!(help, " (one of {})", values.join(", "));
            }
            let defaults: Vec<String> = arg
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            if !defaults.is_empty() && arg.get_action().takes_values() {
                let _ = write!(help, " [default: `{}`]", defaults.join(","));
            }
            let _ = writeln!(page, "| {name} | {} |", help.replace('|', "\\|"));
        }
        page.push('\n');
    }
    if path == "deskctl" {
        let _ = writeln!(page, "```text\n{}```\n", after_long_help());
    }
    for sub in command
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        write_command(page, sub, &format!("{path} {}", sub.get_name()));
    }
}
