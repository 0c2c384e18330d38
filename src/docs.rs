//! Files generated from the code: shell completions, the man page, the CLI
//! reference, the exit-code table and the OpenAPI document. A test compares them
//! with the committed copies (`UPDATE_GENERATED=1 cargo test --test integration generated`
//! rewrites them).

use std::fmt::Write;

use crate::env::DOCUMENTED;
use crate::error::EXIT_CODES;

/// Every generated file: its path in the repository and its contents.
pub fn generated_files() -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for (shell, name) in [
        ("bash", "deskctl.bash"),
        ("zsh", "_deskctl"),
        ("fish", "deskctl.fish"),
        ("elvish", "deskctl.elv"),
        ("powershell", "_deskctl.ps1"),
    ] {
        let script = crate::cli::complete::registration(shell).expect("a built-in shell");
        files.push((format!("completions/{name}"), script));
    }
    let mut command = crate::cli::command().disable_help_subcommand(true);
    command.build();
    man_pages(&command, &mut files);
    files.push(("docs/cli.md".into(), cli_reference().into_bytes()));
    files.push(("docs/exit-codes.md".into(), exit_codes_page().into_bytes()));
    let openapi = serde_json::to_string_pretty(&crate::server::openapi())
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
    let root = files.iter().all(|(path, _)| !path.starts_with("docs/man/"));
    let name = command
        .get_display_name()
        .unwrap_or(command.get_name())
        .to_string();
    files.push((format!("docs/man/{name}.1"), man_page(command, root)));
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        man_pages(sub, files);
    }
}

/// A man page: clap_mangen's NAME, SYNOPSIS, DESCRIPTION, OPTIONS and
/// SUBCOMMANDS, then EXAMPLES (as typed, not refilled), on `deskctl(1)` the
/// exit status and environment, elsewhere a pointer to the global options; a
/// version footer on every page.
fn man_page(command: &clap::Command, root: bool) -> Vec<u8> {
    use clap_mangen::roff::{Roff, bold, roman};
    let version = env!("CARGO_PKG_VERSION");
    let after = if root {
        command.get_after_help()
    } else {
        command.get_after_long_help().or(command.get_after_help())
    }
    .map(ToString::to_string)
    .unwrap_or_default();
    let (notes, examples) = split_examples(&after);
    let mut shown = command
        .clone()
        .version(None::<&str>)
        .after_help(None::<&str>)
        .after_long_help(None::<&str>);
    if !root {
        // Documented once, in deskctl(1).
        shown = shown.mut_args(|arg| {
            if arg.is_global_set() {
                arg.hide(true)
            } else {
                arg
            }
        });
    }
    // clap_mangen leaves visible aliases out: said in the option's help.
    shown = shown.mut_args(|arg| match arg_aliases(&arg) {
        Some(aliases) => {
            let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
            arg.help(format!("{help} [alias: {}]", aliases.join(", ")))
        }
        None => arg,
    });
    let man = clap_mangen::Man::new(shown)
        .source(format!("deskctl {version}"))
        .manual("deskctl manual");
    let mut page = Vec::new();
    man.render(&mut page).expect("a man page renders to memory");

    let mut roff = Roff::new();
    let verbatim = |roff: &mut Roff, lines: &[&str]| {
        roff.control("nf", []);
        for line in lines {
            roff.text([roman(line.to_string())]);
        }
        roff.control("fi", []);
    };
    let aliases: Vec<&str> = command.get_visible_aliases().collect();
    if !aliases.is_empty() {
        roff.control("SH", ["ALIASES"]);
        roff.text([roman(command_aliases(command, &aliases).replace('`', ""))]);
    }
    if !notes.is_empty() {
        roff.control("SH", ["NOTES"]);
        verbatim(&mut roff, &notes.lines().collect::<Vec<_>>());
    }
    if !examples.is_empty() {
        roff.control("SH", ["EXAMPLES"]);
        verbatim(
            &mut roff,
            &examples.iter().map(String::as_str).collect::<Vec<_>>(),
        );
    }
    if root {
        roff.control("SH", ["EXIT STATUS"]);
        for (code, meaning) in EXIT_CODES {
            roff.control("TP", []);
            roff.text([bold(code.to_string())]);
            roff.text([roman(meaning.to_string())]);
        }
        roff.control("SH", ["ENVIRONMENT"]);
        for (name, meaning) in DOCUMENTED {
            roff.control("TP", []);
            roff.text([bold(name.to_string())]);
            roff.text([roman(meaning.to_string())]);
        }
    } else {
        roff.control("SH", ["GLOBAL OPTIONS"]);
        roff.text([roman(
            "--context, --server, --desk, -o/--output, --no-input, -y/--yes, -q/--quiet, \
             -v/--verbose and --color work with every command: see deskctl(1).",
        )]);
        roff.control("SH", ["SEE ALSO"]);
        roff.text([bold("deskctl"), roman("(1)")]);
    }
    roff.control("SH", ["VERSION"]);
    roff.text([roman(format!("deskctl {version}"))]);
    let rendered = roff.render();
    // The page already defines the apostrophe string the preamble sets up.
    let body = rendered
        .split_once("\n.el .ds Aq '\n")
        .map_or(rendered.as_str(), |(_, body)| body);
    page.extend_from_slice(body.as_bytes());
    page
}

/// An option's visible aliases as typed (`--since`), if it has any.
fn arg_aliases(arg: &clap::Arg) -> Option<Vec<String>> {
    let long = arg.get_visible_aliases().unwrap_or_default();
    let short = arg.get_visible_short_aliases().unwrap_or_default();
    let aliases: Vec<String> = short
        .iter()
        .map(|c| format!("-{c}"))
        .chain(long.iter().map(|a| format!("--{a}")))
        .collect();
    (!aliases.is_empty()).then_some(aliases)
}

/// "Also `ls`": the other names a command answers to.
fn command_aliases(command: &clap::Command, aliases: &[&str]) -> String {
    let quoted: Vec<String> = aliases.iter().map(|a| format!("`{a}`")).collect();
    format!("`{}` is also {}.", command.get_name(), quoted.join(", "))
}

/// A command's after-help split into what comes before `Examples:` and the
/// example lines (without their indentation).
fn split_examples(text: &str) -> (String, Vec<String>) {
    match text.split_once("Examples:") {
        Some((notes, examples)) => (
            notes.trim().to_string(),
            examples
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .map(str::to_string)
                .collect(),
        ),
        None => (text.trim().to_string(), Vec::new()),
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
         a failed TLS connection (a certificate the client does not trust, a server that speaks \
         no TLS: trying again cannot mend it) → 1, \
         422 with code `not_an_operator` (the request needs an operator, and the local desk \
         acts as its owner) → 2, any other error → 1. One exception to the 422 → 1 rule: when \
         a command is refused because an operator, team, agent or ticket field it was given by \
         name does not exist (`tickets assign 10001 --to nobody`, `teams set support \
         --add-member ghost`), deskctl checks the names it was given and exits 5 with the \
         nearest existing name, as `operators show nobody` does — a script tells \"no such \
         thing\" (5) from \"not allowed as asked\" (1) the same way whichever way the name is \
         used. The local desk and a remote service give the same code. A closed output pipe is \
         not an error (0).\n",
    );
    page
}

/// The Markdown reference of every command, from the clap tree.
pub fn cli_reference() -> String {
    let mut page = String::from(
        "# deskctl command-line reference\n\n<!-- Generated from the clap definitions by \
         `UPDATE_GENERATED=1 cargo test --test integration generated`. Do not edit. -->\n\n",
    );
    let mut command = crate::cli::command();
    command.build();
    write_command(&mut page, &command, "deskctl");
    page
}

fn write_command(page: &mut String, command: &clap::Command, path: &str) {
    let _ = writeln!(page, "## `{path}`\n");
    if let Some(about) = command.get_long_about().or(command.get_about()) {
        let _ = writeln!(page, "{about}\n");
    }
    let aliases: Vec<&str> = command.get_visible_aliases().collect();
    if !aliases.is_empty() {
        let _ = writeln!(page, "{}\n", command_aliases(command, &aliases));
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
            let name = match arg_aliases(arg) {
                Some(aliases) => {
                    let quoted: Vec<String> = aliases.iter().map(|a| format!("`{a}`")).collect();
                    format!("{name} (also {})", quoted.join(", "))
                }
                None => name,
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
    let after = command
        .get_after_help()
        .map(ToString::to_string)
        .unwrap_or_default();
    let (notes, examples) = split_examples(&after);
    if !notes.is_empty() {
        let _ = writeln!(page, "{notes}\n");
    }
    if !examples.is_empty() {
        let _ = writeln!(page, "Examples:\n\n```sh\n{}\n```\n", examples.join("\n"));
    }
    if path == "deskctl" {
        let _ = writeln!(
            page,
            "```text\n{}```\n",
            crate::cli::help::exit_codes_and_environment()
        );
    }
    for sub in command
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        write_command(page, sub, &format!("{path} {}", sub.get_name()));
    }
}
