//! Everything that touches the terminal: terminal and color detection, output
//! formats, tables, status lines, prompts. Decided once here, so commands never
//! check `if json` or `if tty` themselves.

pub mod diagnostics;
pub mod inbox;
mod output;
mod pager;
pub mod plan;
mod prompt;
mod table;
mod time;
pub(crate) mod width;

pub use output::{Detail, Tabular};
pub use time::{relative, zoned_to_the_second};

use std::io::{IsTerminal, Write};

use anstyle::{AnsiColor, Style};

use crate::env::EnvVars;
use crate::error::{CliError, ExitKind};

/// How data on stdout is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// An aligned table on a terminal; tab-separated values when piped.
    Table,
    /// `table` with every column.
    Wide,
    /// The API's JSON: an array for lists.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// The API's objects as YAML.
    Yaml,
    /// Only names (handles, keys, ids), one per line.
    Name,
}

/// When to use color.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR, CLICOLOR=0 or TERM=dumb say otherwise;
    /// anywhere with CLICOLOR_FORCE.
    Auto,
    /// Always, even when piped.
    Always,
    /// Never.
    Never,
}

impl ColorChoice {
    /// Whether to color what is written to a stream, a terminal or not: the
    /// one place that decides, for tables, status lines, errors, help, logs
    /// and the inbox. The flag wins; then CLICOLOR_FORCE, which asks for
    /// color by name, over NO_COLOR, which turns it off by default (gh's
    /// order; anstream's puts NO_COLOR first); then whether the stream is
    /// a terminal that draws color.
    pub fn wanted(self, env: &EnvVars, terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto if env.clicolor_force => true,
            ColorChoice::Auto if env.no_color => false,
            ColorChoice::Auto => terminal && (!env.dumb_terminal || env.clicolor),
        }
    }

    /// The choice a command line makes with `--color`, read before clap has
    /// parsed it, for clap's own help and errors: the last one given before
    /// `--`, as clap would take it; `auto` when there is none or it is not
    /// one clap would take.
    pub fn from_args(args: &[std::ffi::OsString]) -> ColorChoice {
        use clap::ValueEnum;
        let mut choice = ColorChoice::Auto;
        let mut args = args.iter().skip(1).map(|a| a.to_str().unwrap_or_default());
        while let Some(arg) = args.next() {
            let value = match arg {
                "--" => break,
                "--color" => args.next(),
                _ => arg.strip_prefix("--color="),
            };
            if let Some(value) = value {
                choice = ColorChoice::from_str(value, false).unwrap_or(ColorChoice::Auto);
            }
        }
        choice
    }
}

/// The width tables fit when the terminal's is unknown.
const DEFAULT_WIDTH: usize = 80;
/// Bulk changes from this many items ask for a typed `yes`, not a keypress.
pub const BULK_TYPED_FROM: usize = 10;

/// The terminal as a command sees it.
#[derive(Debug, Clone)]
pub struct Ui {
    pub format: OutputFormat,
    pub stdout_tty: bool,
    stdin_tty: bool,
    stderr_tty: bool,
    /// Color on stdout (tables, detail labels).
    color: bool,
    /// Color on stderr (status lines, errors).
    color_stderr: bool,
    /// The width tables fit on a terminal.
    width: usize,
    /// The terminal's height, for deciding whether output needs a pager.
    height: Option<usize>,
    pager: Option<String>,
    less_set: bool,
    quiet: bool,
    no_input: bool,
    yes: bool,
    /// The columns of the last table printed on a terminal, which rows
    /// printed under it (`--watch`) keep.
    last_table: std::sync::Arc<std::sync::Mutex<Option<table::Columns>>>,
}

/// What the global flags say about output and interaction; the environment adds
/// its part in [`Ui::new`].
#[derive(Debug, Clone, Copy)]
pub struct UiSettings {
    pub format: OutputFormat,
    pub color: ColorChoice,
    pub quiet: bool,
    pub no_input: bool,
    pub yes: bool,
}

impl Ui {
    pub fn new(settings: UiSettings, env: &EnvVars) -> Ui {
        let stdout_tty = std::io::stdout().is_terminal();
        let stderr_tty = std::io::stderr().is_terminal();
        let color = settings.color.wanted(env, stdout_tty);
        let color_stderr = settings.color.wanted(env, stderr_tty);
        // dialoguer and indicatif draw through `console`: make it agree.
        console::set_colors_enabled(color);
        console::set_colors_enabled_stderr(color_stderr);
        let size = console::Term::stdout().size_checked();
        Ui {
            format: settings.format,
            stdout_tty,
            stdin_tty: std::io::stdin().is_terminal(),
            stderr_tty,
            color,
            color_stderr,
            width: env
                .columns
                .or(size.map(|(_, cols)| usize::from(cols)))
                .unwrap_or(DEFAULT_WIDTH),
            height: size.map(|(rows, _)| usize::from(rows)),
            pager: env.pager.clone(),
            less_set: env.less_set,
            quiet: settings.quiet,
            no_input: settings.no_input || env.no_input,
            yes: settings.yes,
            last_table: Default::default(),
        }
    }

    /// Prompts are allowed only with a person at both ends, and neither
    /// --no-input nor DESKCTL_NO_INPUT/CI set.
    /// Whether stdout is drawn in color (off with NO_COLOR, --color never, a pipe).
    pub fn color(&self) -> bool {
        self.color
    }

    /// Whether stderr is drawn in color: status lines, errors, logs.
    pub fn color_stderr(&self) -> bool {
        self.color_stderr
    }

    pub fn can_prompt(&self) -> bool {
        self.stdin_tty && self.stdout_tty && !self.no_input
    }

    pub fn assume_yes(&self) -> bool {
        self.yes
    }

    fn paint(&self, style: Style, text: &str) -> String {
        if self.color {
            format!("{style}{text}{style:#}")
        } else {
            text.to_string()
        }
    }

    fn paint_stderr(&self, style: Style, text: &str) -> String {
        if self.color_stderr {
            format!("{style}{text}{style:#}")
        } else {
            text.to_string()
        }
    }

    /// Writes to stderr. A closed stderr is not worth a panic or an error: the
    /// message had nowhere to go.
    fn stderr(&self, text: &str) {
        let mut err = std::io::stderr().lock();
        let _ = err.write_all(text.as_bytes());
        let _ = err.flush();
    }

    /// A status line on stderr, e.g. `✓ Created operator alice`. Hidden by -q.
    pub fn success(&self, message: &str) {
        if !self.quiet {
            let mark = self.paint_stderr(AnsiColor::Green.on_default(), "✓");
            self.stderr(&format!("{mark} {}\n", printable(message)));
        }
    }

    /// A note on stderr. Hidden by -q.
    pub fn info(&self, message: &str) {
        if !self.quiet {
            self.stderr(&format!("{}\n", printable(message)));
        }
    }

    /// A warning on stderr; shown even with -q.
    pub fn warn(&self, message: &str) {
        let label = self.paint_stderr(AnsiColor::Yellow.on_default().bold(), "warning:");
        self.stderr(&format!("{label} {}\n", printable(message)));
    }

    /// A progress bar on stderr for a batch of `len` steps; hidden when stderr is
    /// not a terminal, with -q, or for batches too short to need one.
    pub fn progress(&self, len: u64) -> indicatif::ProgressBar {
        if self.quiet || !self.stderr_tty || len < 5 {
            return indicatif::ProgressBar::hidden();
        }
        let bar = indicatif::ProgressBar::new(len);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}")
                .expect("a valid template"),
        );
        bar
    }

    /// A spinner on stderr with the time spent, for one long step whose progress
    /// cannot be counted (a request the service answers when it is done).
    /// Hidden when stderr is not a terminal or with -q.
    pub fn spinner(&self, message: &str) -> indicatif::ProgressBar {
        if self.quiet || !self.stderr_tty {
            return indicatif::ProgressBar::hidden();
        }
        let spinner = indicatif::ProgressBar::new_spinner();
        spinner.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
                .expect("a valid template"),
        );
        spinner.set_message(message.to_string());
        spinner.enable_steady_tick(std::time::Duration::from_millis(120));
        spinner
    }

    /// Asks a yes/no question, or takes `--yes`. Without a terminal and without
    /// `--yes` it is an error naming `--yes`.
    pub fn confirm(&self, question: &str) -> Result<(), CliError> {
        if self.yes {
            return Ok(());
        }
        let question = question_text(question);
        if !self.can_prompt() {
            return Err(needs_yes(&question));
        }
        if prompt::confirm(&question)? {
            Ok(())
        } else {
            Err(CliError::new(
                ExitKind::Error,
                "cancelled: nothing was changed",
            ))
        }
    }

    /// Asks for `yes` typed in full (terraform's rule), for changes too large to
    /// hang on one keypress: applying a plan, bulk changes. Or takes `--yes`.
    pub fn confirm_typed(&self, question: &str) -> Result<(), CliError> {
        if self.yes {
            return Ok(());
        }
        let question = question_text(question);
        if !self.can_prompt() {
            return Err(needs_yes(&question));
        }
        self.stderr(&format!("{question}\n"));
        let answer = prompt::input("Only 'yes' will be accepted to go ahead")?;
        if answer.trim() == "yes" {
            Ok(())
        } else {
            Err(
                CliError::new(ExitKind::Error, "cancelled: nothing was changed")
                    .with_hint("type yes in full to go ahead, or pass --yes"),
            )
        }
    }

    /// Asks to choose one of `items` (interactive only: check `can_prompt`).
    pub fn select(&self, prompt: &str, items: &[String]) -> Result<Option<usize>, CliError> {
        let items: Vec<String> = items.iter().map(|i| printable(i).into_owned()).collect();
        prompt::select(&printable(prompt), &items, 0)
    }

    /// Asks for a line of text (interactive only: check `can_prompt`).
    pub fn input(&self, prompt: &str) -> Result<String, CliError> {
        prompt::input(prompt)
    }

    /// Asks a yes/no question and returns the answer (interactive only).
    pub fn ask(&self, question: &str) -> Result<bool, CliError> {
        prompt::confirm(&question_text(question))
    }

    /// Asks for a secret without echoing it.
    pub fn password(&self, prompt: &str) -> Result<String, CliError> {
        prompt::password(prompt)
    }

    /// Prints `text` and a newline on stdout, its control characters made
    /// [`printable`].
    pub fn print_line(&self, text: &str) -> Result<(), CliError> {
        let mut out = std::io::stdout().lock();
        writeln!(out, "{}", printable(text))?;
        out.flush()?;
        Ok(())
    }

    /// Reports an error on stderr and returns the process's exit code.
    pub fn report(&self, error: &CliError) -> u8 {
        if error.kind == ExitKind::BrokenPipe
            || error.logged
            || (error.kind == ExitKind::ChangesPresent && error.message.is_empty())
        {
            return error.kind.code();
        }
        let label = self.paint_stderr(AnsiColor::Red.on_default().bold(), "error:");
        let mut text = format!("{label} {}\n", printable(&error.message));
        for detail in &error.details {
            text.push_str(&format!("  - {}\n", printable(detail)));
        }
        for cause in &error.causes {
            text.push_str(&format!("  caused by: {}\n", printable(&cause.to_string())));
        }
        for hint in &error.hints {
            let label = self.paint_stderr(AnsiColor::Cyan.on_default(), "hint:");
            text.push_str(&format!("{label} {}\n", printable(hint)));
        }
        self.stderr(&text);
        error.kind.code()
    }

    /// Bold header text when colored.
    fn header(&self, text: &str) -> String {
        self.paint(Style::new().bold(), text)
    }
}

/// Resolves once nobody reads stdout any more: a pipe whose reader closed
/// (`deskctl events | head -1`, once head has its line). A command that
/// waits for changes ends then, as `tail -f` does, not at the line after
/// the next change, which may be hours away. Never resolves on a regular
/// file, or where the platform cannot tell.
pub async fn stdout_closed() {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use tokio::io::{Interest, unix::AsyncFd};
        // Error events are reported for a pipe's writing end when its
        // reader is gone; a regular file cannot be waited on (refused).
        let watched = std::io::stdout()
            .as_fd()
            .try_clone_to_owned()
            .ok()
            // SAFETY: the descriptor is an `OwnedFd` the `AsyncFd` owns: it
            // stays open, and the same, until the `AsyncFd` is dropped.
            .and_then(|fd| unsafe { AsyncFd::register_with_interest(fd, Interest::ERROR) }.ok());
        if let Some(fd) = watched {
            while let Ok(mut ready) = fd.ready(Interest::ERROR).await {
                if ready.ready().is_error() {
                    return;
                }
                ready.clear_ready();
            }
        }
    }
    std::future::pending::<()>().await
}

/// Prints clap's own answer (help, version or a usage error), colored as
/// everything else is ([`ColorChoice::wanted`], not clap's own reading of
/// the environment), and gives the exit code: help and version go to stdout
/// and are a success, usage errors go to stderr and exit 2.
pub fn print_clap_answer(error: &clap::Error, color: ColorChoice, env: &EnvVars) -> u8 {
    let to_stderr = error.use_stderr();
    let terminal = match to_stderr {
        true => std::io::stderr().is_terminal(),
        false => std::io::stdout().is_terminal(),
    };
    let styled = error.render();
    let mut text = match color.wanted(env, terminal) {
        true => styled.ansi().to_string(),
        false => styled.to_string(),
    };
    // What was given is repeated as [`crate::api::echoed`] repeats it, by
    // clap and by the value parser's own sentence alike.
    for kind in [
        clap::error::ContextKind::InvalidValue,
        clap::error::ContextKind::InvalidArg,
        clap::error::ContextKind::InvalidSubcommand,
    ] {
        if let Some(clap::error::ContextValue::String(given)) = error.get(kind) {
            for given in [given.as_str(), given.trim()] {
                let echoed = crate::api::echoed(given);
                if echoed != given {
                    text = text.replace(given, &echoed);
                }
            }
        }
    }
    // A closed stream (`deskctl --help | head -1`) is no failure.
    let _ = match to_stderr {
        true => std::io::stderr().lock().write_all(text.as_bytes()),
        false => std::io::stdout().lock().write_all(text.as_bytes()),
    };
    if to_stderr { 2 } else { 0 }
}

/// Sends the client's request traces (`-v`) to stderr, in color when `ansi`.
pub fn trace_requests(verbose: u8, ansi: bool) {
    let filter = if verbose > 1 {
        "deskctl=debug"
    } else {
        "deskctl::client=debug"
    };
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
        .with_writer(std::io::stderr)
        .with_ansi(ansi)
        .without_time()
        .with_level(false)
        .with_target(false)
        // A closed stderr is no reason to panic.
        .log_internal_errors(false)
        .try_init();
}

/// A question as a prompt shows it: a capital letter, one question mark,
/// and what it quotes made [`printable`].
fn question_text(question: &str) -> String {
    let question = printable(question);
    let question = question.trim().trim_end_matches(['.', '?', ':', ' ']);
    format!("{}?", capitalize_first(question))
}

fn needs_yes(question: &str) -> CliError {
    let what = question.trim_end_matches('?');
    CliError::needs_flag(
        &format!("confirmation needed to {}", lower_first(what)),
        "--yes",
    )
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A list in one cell: comma-separated, or `-` when empty.
pub fn joined<T: std::fmt::Display>(items: &[T]) -> String {
    if items.is_empty() {
        return "-".to_string();
    }
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// Items for a detail view: one as it is, several as a bulleted list.
pub fn bullets(items: &[String]) -> String {
    match items {
        [] => "-".to_string(),
        [one] => one.clone(),
        many => many
            .iter()
            .map(|item| format!("- {item}"))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// The longest a context value is shown in a detail view, in characters;
/// `-o json` has it whole.
const CONTEXT_VALUE_CHARS: usize = 100;

/// A customer's lines in a detail view: `Requester`, the name with the email
/// in brackets (else the email, else the platform's id for them, else `-`);
/// then `Customer id`, the platform's id, when the name or email stood for
/// them; and `Phone`, the number a WhatsApp or Telegram handoff came with.
/// Each on one line, whatever line breaks the AI agent platform sent.
pub fn requester_fields(requester: &crate::api::Requester) -> Vec<(&'static str, String)> {
    let reach = crate::domain::handoff::reach(requester);
    let who = match (&reach.known_as, reach.external_id) {
        (Some(known), _) => one_line(known),
        (None, Some(id)) => one_line(id),
        (None, None) => "-".into(),
    };
    let mut fields = vec![("Requester", who)];
    if let (Some(_), Some(id)) = (&reach.known_as, reach.external_id) {
        fields.push(("Customer id", one_line(id)));
    }
    if let Some(phone) = reach.phone {
        fields.push(("Phone", one_line(phone)));
    }
    fields
}

/// A context object for a detail view: one `key: value` line per key, in
/// key order; a text as it is (JSON-quoted only when it holds a line break
/// or another control character, so each value stays on its line), any
/// other value as compact JSON; a value longer than [`CONTEXT_VALUE_CHARS`]
/// cut, saying how long it is. `-` when empty.
pub fn context_text(context: &std::collections::BTreeMap<String, serde_json::Value>) -> String {
    if context.is_empty() {
        return "-".into();
    }
    context
        .iter()
        .map(|(key, value)| {
            let shown = match value {
                serde_json::Value::String(text) if !text.contains(char::is_control) => text.clone(),
                other => other.to_string(),
            };
            let length = shown.chars().count();
            if length <= CONTEXT_VALUE_CHARS {
                return format!("{key}: {shown}");
            }
            let cut: String = shown.chars().take(CONTEXT_VALUE_CHARS).collect();
            format!("{key}: {cut}… ({length} characters; -o json shows it whole)")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `text` as a terminal may be given it. Text from customers, agents and
/// documents could otherwise move the cursor, clear the screen, set the
/// window's title, color what follows it or show a line in another order
/// than it reads. C0 controls and DEL show in caret notation (`^[` for ESC,
/// `^M` for a carriage return), as `cat -v`, `less` and gh show them; C1
/// controls (U+009B alone starts a sequence) and the bidirectional embedding,
/// override and isolate controls, which have no caret form, as `\u{9b}` or
/// `\u{202e}`. Line breaks (`\r\n` as one) and tabs stay. Every character
/// shown takes a column, so widths are measured on the result.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(drives_terminal) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // A line break as mail writes it: the `\n` alone breaks the line.
            '\r' if chars.peek() == Some(&'\n') => {}
            c if !drives_terminal(c) => shown.push(c),
            '\u{7f}' => shown.push_str("^?"),
            c if (c as u32) < 0x20 => {
                shown.push('^');
                shown.push(char::from(b'@' + c as u8));
            }
            c => shown.extend(c.escape_unicode()),
        }
    }
    std::borrow::Cow::Owned(shown)
}

/// `text` on one line as a terminal may be given it: made [`printable`]
/// (ratatui would leave an ESC or a BEL out, so that `]0;title` read as
/// text, and draw a bidirectional override as it is), then line breaks and
/// tabs as spaces (a tab is also what separates a completion from its
/// description in fish). Unlike `domain::mail::one_line`, for a header,
/// nothing is dropped or folded: each character sent is shown.
pub fn one_line(text: &str) -> String {
    printable(text).replace(['\n', '\t'], " ")
}

/// Whether a terminal would take `c` as an instruction rather than show it:
/// control characters but line breaks and tabs, and the bidirectional
/// controls that reorder what follows them (those rustc warns of).
fn drives_terminal(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with its first letter in upper case.
pub fn capitalize_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_then_clicolor_force_then_no_color_then_the_terminal_decide_color() {
        let env = |pairs: &[(&str, &str)]| {
            let pairs: Vec<(String, String)> = pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            EnvVars::from_lookup(|name| {
                let found = pairs.iter().find(|(k, _)| k == name);
                found.map(|(_, v)| std::ffi::OsString::from(v))
            })
        };
        let xterm = ("TERM", "xterm-256color");
        let auto =
            |pairs: &[(&str, &str)], terminal| ColorChoice::Auto.wanted(&env(pairs), terminal);
        assert!(auto(&[xterm], true));
        assert!(!auto(&[xterm], false), "a pipe");
        assert!(!auto(&[xterm, ("NO_COLOR", "1")], true));
        assert!(!auto(&[xterm, ("CLICOLOR", "0")], true));
        assert!(!auto(&[("TERM", "dumb")], true));
        assert!(auto(&[("TERM", "dumb"), ("CLICOLOR", "1")], true));
        assert!(auto(&[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")], false));
        assert!(auto(&[("CLICOLOR", "0"), ("CLICOLOR_FORCE", "yes")], false));
        assert!(!auto(&[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "0")], true));
        let forced = env(&[("CLICOLOR_FORCE", "1")]);
        assert!(!ColorChoice::Never.wanted(&forced, true));
        assert!(ColorChoice::Always.wanted(&env(&[("NO_COLOR", "1")]), false));
    }

    #[test]
    fn the_color_flag_is_read_before_clap_parses_the_command_line() {
        let choice = |args: &[&str]| {
            let args: Vec<std::ffi::OsString> = args.iter().map(Into::into).collect();
            ColorChoice::from_args(&args)
        };
        assert_eq!(choice(&["deskctl", "--help"]), ColorChoice::Auto);
        assert_eq!(
            choice(&["deskctl", "--color", "never", "-h"]),
            ColorChoice::Never
        );
        assert_eq!(
            choice(&["deskctl", "teams", "-h", "--color=always"]),
            ColorChoice::Always
        );
        assert_eq!(
            choice(&["deskctl", "--color=never", "--color", "always"]),
            ColorChoice::Always,
            "the last one"
        );
        assert_eq!(choice(&["deskctl", "--color", "purple"]), ColorChoice::Auto);
        assert_eq!(
            choice(&["deskctl", "--", "--color=never"]),
            ColorChoice::Auto
        );
    }

    #[test]
    fn control_characters_show_in_caret_notation_and_line_breaks_stay() {
        assert!(matches!(
            printable("plain\ttext\nnext, 日本語 and ✓"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(
            printable("Hi \u{1b}]0;PWNED\u{7} \u{1b}[2J\u{1b}[H\u{0}\u{1f}\u{7f}"),
            "Hi ^[]0;PWNED^G ^[[2J^[[H^@^_^?"
        );
        // A carriage return alone would let what follows overwrite the line.
        assert_eq!(printable("paid\rrefunded"), "paid^Mrefunded");
        assert_eq!(printable("one\r\ntwo\r\n"), "one\ntwo\n");
        assert_eq!(printable("\r"), "^M");
    }

    #[test]
    fn c1_and_bidirectional_controls_show_as_their_code_points() {
        assert_eq!(
            printable("\u{80}\u{85}\u{9b}31m\u{9f}"),
            "\\u{80}\\u{85}\\u{9b}31m\\u{9f}"
        );
        // "Refund approved" read backwards from the override on.
        assert_eq!(
            printable("Refund \u{202e}devorppa\u{202c} \u{2066}x\u{2069}"),
            "Refund \\u{202e}devorppa\\u{202c} \\u{2066}x\\u{2069}"
        );
        // Marks and joiners that only shape text are left to it.
        assert!(matches!(
            printable("\u{200d}\u{200e}\u{fe0f}"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn printable_text_stays_as_it_is() {
        for text in ["Hi \u{1b}]0;x\u{7}", "\u{9b}\u{202e}\r\n", "a\rb"] {
            let once = printable(text).into_owned();
            assert_eq!(printable(&once), once.as_str(), "{text:?}");
            assert!(!once.chars().any(drives_terminal), "{once:?}");
        }
    }

    #[test]
    fn a_requester_shows_every_way_to_reach_them_once() {
        let requester = |json: serde_json::Value| {
            requester_fields(&serde_json::from_value(json).unwrap())
                .into_iter()
                .map(|(label, text)| format!("{label}: {text}"))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            requester(serde_json::json!({
                "name": "Rosa\nRuiz", "external-id": "wa-34600123456", "phone": "+34 600 123 456"
            })),
            [
                "Requester: Rosa Ruiz",
                "Customer id: wa-34600123456",
                "Phone: +34 600 123 456"
            ]
        );
        assert_eq!(
            requester(serde_json::json!({"external-id": "wa-1", "phone": "+1 555 0100"})),
            ["Requester: wa-1", "Phone: +1 555 0100"]
        );
        assert_eq!(
            requester(serde_json::json!({"name": "Dana", "email": "dana@example.com"})),
            ["Requester: Dana <dana@example.com>"]
        );
        assert_eq!(requester(serde_json::json!({})), ["Requester: -"]);
    }

    #[test]
    fn a_context_object_is_one_line_a_key_in_order_long_values_cut() {
        let context: std::collections::BTreeMap<String, serde_json::Value> =
            serde_json::from_value(serde_json::json!({
                "plan": "enterprise", "order-id": 123, "vip": true,
                "items": [1, 2], "note": "two\nlines", "story": "x".repeat(150),
            }))
            .unwrap();
        let story = format!(
            "story: {}… (150 characters; -o json shows it whole)",
            "x".repeat(100)
        );
        assert_eq!(
            context_text(&context).lines().collect::<Vec<_>>(),
            [
                "items: [1,2]",
                "note: \"two\\nlines\"",
                "order-id: 123",
                "plan: enterprise",
                story.as_str(),
                "vip: true",
            ]
        );
        assert_eq!(context_text(&Default::default()), "-");
    }

    #[test]
    fn questions_read_cleanly_whatever_punctuation_they_came_with() {
        assert_eq!(
            question_text("delete operator alice"),
            "Delete operator alice?"
        );
        assert_eq!(
            question_text("Apply 2 changes: 2 to add, 0 to remove."),
            "Apply 2 changes: 2 to add, 0 to remove?"
        );
        assert_eq!(question_text("remove it? "), "Remove it?");
    }

    #[test]
    fn without_a_terminal_a_question_names_yes() {
        let error = needs_yes("Delete operator alice?");
        assert_eq!(error.kind, ExitKind::Usage);
        assert_eq!(
            error.message,
            "confirmation needed to delete operator alice: pass --yes"
        );
    }
}
