//! Everything that touches the terminal: terminal and color detection, output
//! formats, tables, status lines, prompts. Decided once here, so commands never
//! check `if json` or `if tty` themselves.

pub mod diagnostics;
mod output;
pub mod plan;
mod prompt;

pub(crate) use output::to_yaml;
pub use output::{Detail, Tabular};

use std::io::{IsTerminal, Write};

use anstyle::{AnsiColor, Style};

use crate::error::{CliError, ExitKind};

/// How data on stdout is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// An aligned table on a terminal; tab-separated values when piped.
    Table,
    /// `table` with more columns.
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
    /// When writing to a terminal and NO_COLOR is not set.
    Auto,
    Always,
    Never,
}

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
    quiet: bool,
    no_input: bool,
    yes: bool,
}

/// What the global flags and environment say about output and interaction.
#[derive(Debug, Clone, Copy)]
pub struct UiSettings {
    pub format: OutputFormat,
    pub color: ColorChoice,
    pub no_color_env: bool,
    pub quiet: bool,
    pub no_input: bool,
    pub yes: bool,
}

impl Ui {
    pub fn new(settings: UiSettings) -> Ui {
        let stdout_tty = std::io::stdout().is_terminal();
        let stderr_tty = std::io::stderr().is_terminal();
        let wanted = |tty: bool| match settings.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => tty && !settings.no_color_env,
        };
        let color = wanted(stdout_tty);
        let color_stderr = wanted(stderr_tty);
        // dialoguer and indicatif draw through `console`: make it agree.
        console::set_colors_enabled(color);
        console::set_colors_enabled_stderr(color_stderr);
        Ui {
            format: settings.format,
            stdout_tty,
            stdin_tty: std::io::stdin().is_terminal(),
            stderr_tty,
            color,
            color_stderr,
            quiet: settings.quiet,
            no_input: settings.no_input,
            yes: settings.yes,
        }
    }

    /// Prompts are allowed only with a person at both ends and --no-input unset.
    pub fn can_prompt(&self) -> bool {
        self.stdin_tty && self.stdout_tty && !self.no_input
    }

    pub fn assume_yes(&self) -> bool {
        self.yes
    }

    pub fn stdin_is_terminal(&self) -> bool {
        self.stdin_tty
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

    /// A status line on stderr, e.g. `✓ Created operator alice`. Hidden by -q.
    pub fn success(&self, message: &str) {
        if !self.quiet {
            let mark = self.paint_stderr(AnsiColor::Green.on_default(), "✓");
            eprintln!("{mark} {message}");
        }
    }

    /// A note on stderr. Hidden by -q.
    pub fn info(&self, message: &str) {
        if !self.quiet {
            eprintln!("{message}");
        }
    }

    /// A warning on stderr; shown even with -q.
    pub fn warn(&self, message: &str) {
        let label = self.paint_stderr(AnsiColor::Yellow.on_default().bold(), "warning:");
        eprintln!("{label} {message}");
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

    /// Asks a yes/no question, or takes `--yes`. Without a terminal and without
    /// `--yes` it is an error naming `--yes`.
    pub fn confirm(&self, question: &str) -> Result<(), CliError> {
        if self.yes {
            return Ok(());
        }
        if !self.can_prompt() {
            return Err(CliError::needs_flag(
                &format!("confirmation needed to {question}"),
                "--yes",
            ));
        }
        if prompt::confirm(&format!("{}?", capitalize_first(question)))? {
            Ok(())
        } else {
            Err(CliError::new(ExitKind::Error, "cancelled"))
        }
    }

    /// Asks to choose one of `items` (interactive only: check `can_prompt`).
    pub fn select(&self, prompt: &str, items: &[String]) -> Result<Option<usize>, CliError> {
        prompt::select(prompt, items, 0)
    }

    /// Asks for a line of text (interactive only: check `can_prompt`).
    pub fn input(&self, prompt: &str) -> Result<String, CliError> {
        prompt::input(prompt)
    }

    /// Asks a yes/no question and returns the answer (interactive only).
    pub fn ask(&self, question: &str) -> Result<bool, CliError> {
        prompt::confirm(question)
    }

    /// Asks for a secret without echoing it.
    pub fn password(&self, prompt: &str) -> Result<String, CliError> {
        prompt::password(prompt)
    }

    /// Prints `text` and a newline on stdout as it is.
    pub fn print_line(&self, text: &str) -> Result<(), CliError> {
        let mut out = std::io::stdout().lock();
        writeln!(out, "{text}")?;
        out.flush()?;
        Ok(())
    }

    /// Reports an error on stderr and returns the process's exit code.
    pub fn report(&self, error: &CliError) -> u8 {
        if error.kind == ExitKind::BrokenPipe
            || (error.kind == ExitKind::ChangesPresent && error.message.is_empty())
        {
            return error.kind.code();
        }
        let label = self.paint_stderr(AnsiColor::Red.on_default().bold(), "error:");
        let mut text = format!("{label} {}\n", error.message);
        for detail in &error.details {
            text.push_str(&format!("  - {detail}\n"));
        }
        for cause in &error.causes {
            text.push_str(&format!("  caused by: {cause}\n"));
        }
        for hint in &error.hints {
            let label = self.paint_stderr(AnsiColor::Cyan.on_default(), "hint:");
            text.push_str(&format!("{label} {hint}\n"));
        }
        let _ = std::io::stderr().write_all(text.as_bytes());
        error.kind.code()
    }

    /// Bold header text when colored.
    fn header(&self, text: &str) -> String {
        self.paint(Style::new().bold(), text)
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

/// `text` with its first letter in upper case.
pub fn capitalize_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
