//! `deskctl context`: which Desk service the CLI talks to, like kubectl's contexts.
//! Contexts live in the config file; their tokens in the credentials file (0600).

mod add;
mod list;
mod remove;
mod rename;
mod set;
mod show;
mod use_context;

use clap::Subcommand;
use secrecy::SecretString;
use serde::Serialize;

use super::Session;
use crate::api::{Environment, TOKEN_PREFIX};
use crate::cli::secret::{SecretSource, read_secret};
use crate::client::Client;
use crate::config::LOCAL_CONTEXT;
use crate::error::{CliError, CliResult, ExitKind};
use crate::ui::{Detail, Tabular, Ui};

// Not deferred, unlike the other commands: `add` has its own `--server`, and
// clap propagates the global one into a deferred command before its own
// arguments are added, so the two would clash.
#[derive(Debug, Subcommand)]
pub enum ContextCommand {
    /// List contexts; `*` marks the current one
    #[command(visible_alias = "ls")]
    #[command(after_help = "Examples:\n  deskctl context list\n  deskctl context list -o json")]
    List(list::ContextListArgs),
    /// Show a context (default: the one commands use now)
    #[command(after_help = "Examples:\n  deskctl context show\n  deskctl context show prod")]
    Show(show::ContextShowArgs),
    /// Make a context current (`local` for the local desk)
    #[command(after_help = "Examples:\n  deskctl context use prod\n  deskctl context use local")]
    Use(use_context::ContextUseArgs),
    /// Add a context for a Desk service; its token is read from stdin,
    /// DESKCTL_TOKEN or a prompt, never from the command line, and checked
    /// against the service
    #[command(after_help = "Examples:\n  \
        deskctl context add prod --server https://desk.example.com --token-stdin \\\n      < token.txt\n  \
        deskctl context add staging --server http://10.0.0.5:7070 \\\n      --environment staging --use\n  \
        deskctl context add prod --server https://desk.example.com --protected \\\n      --no-verify")]
    Add(add::ContextAddArgs),
    /// Change a context's server, token, environment or protection, keeping
    /// the rest
    #[command(after_help = "Examples:\n  \
        deskctl context set prod --token-stdin < new-token.txt\n  \
        deskctl context set prod --server https://desk2.example.com\n  \
        deskctl context set prod --protected\n  \
        deskctl context set staging --protected=false")]
    Set(set::ContextSetArgs),
    /// Rename a context (its token and current mark move with it)
    #[command(after_help = "Examples:\n  deskctl context rename prod production")]
    Rename(rename::ContextRenameArgs),
    /// Remove a context and its stored token (asks first)
    #[command(visible_alias = "rm")]
    #[command(
        after_help = "Examples:\n  deskctl context remove staging\n  deskctl context remove staging --yes"
    )]
    Remove(remove::ContextRemoveArgs),
}

pub async fn dispatch(session: &Session, command: ContextCommand) -> CliResult {
    match command {
        ContextCommand::List(args) => list::cmd_context_list(session, args),
        ContextCommand::Show(args) => show::cmd_context_show(session, args),
        ContextCommand::Use(args) => use_context::cmd_context_use(session, args),
        ContextCommand::Add(args) => add::cmd_context_add(session, args).await,
        ContextCommand::Set(args) => set::cmd_context_set(session, args).await,
        ContextCommand::Rename(args) => rename::cmd_context_rename(session, args),
        ContextCommand::Remove(args) => remove::cmd_context_remove(session, args),
    }
}

fn check_name(name: &str) -> CliResult {
    if name == LOCAL_CONTEXT {
        return Err(CliError::usage(
            "'local' is reserved for the local desk: choose another name",
        ));
    }
    if !crate::config::is_valid_context_name(name) {
        return Err(CliError::usage(format!(
            "'{name}' is not a valid context name: use letters, digits, dashes, dots or \
             underscores (not `.` or `..` alone)"
        )));
    }
    Ok(())
}

/// Refuses `local` where a configured context is named: the local desk is
/// no context to remove, rename or change.
fn not_local(name: &str, action: &str) -> CliResult {
    if name == LOCAL_CONTEXT {
        return Err(CliError::usage(format!(
            "'local' is the local desk, not a configured context: it cannot be {action}"
        ))
        .with_hint("to stop using a context, `deskctl context use local`"));
    }
    Ok(())
}

/// Says on stderr when the context's token will cross the network in clear
/// (`http://` to another machine), before anything sends it.
fn warn_if_in_clear(session: &Session, server: &str) {
    if let Some(warning) = crate::client::in_clear_warning(server) {
        session.ui.warn(&warning);
    }
}

/// `--server` checked as the client will use it, refused in the words a
/// global `--server` is.
fn server_url(text: &str) -> CliResult<String> {
    Ok(crate::config::checked_server(
        text,
        "--server".into(),
        None,
    )?)
}

/// The token from stdin (`--token-stdin`), DESKCTL_TOKEN or a prompt: never
/// from argv.
fn read_token(session: &Session, context: &str, stdin: bool) -> CliResult<String> {
    use secrecy::ExposeSecret;
    let what = format!("token for context '{context}'");
    let (token, source) = match (&session.env.token, stdin) {
        (_, true) => (
            read_secret(session, SecretSource::Stdin, &what, "--token-stdin")?,
            "--token-stdin",
        ),
        (Some(token), false) => (token.expose_secret().to_string(), crate::env::DESKCTL_TOKEN),
        (None, false) => (
            read_secret(
                session,
                SecretSource::Prompt,
                &what,
                "--token-stdin (or set DESKCTL_TOKEN)",
            )?,
            "the prompt",
        ),
    };
    let token = token.trim().to_string();
    if token.is_empty() {
        return Err(CliError::usage("the token is empty"));
    }
    crate::config::checked_token(token.clone().into(), format!("{source}: the token"), None)?;
    if !token.starts_with(TOKEN_PREFIX) {
        session.ui.warn(&format!(
            "the token does not start with '{TOKEN_PREFIX}': is it a deskctl token?"
        ));
    }
    Ok(token)
}

/// Checks `token` against the service at `server` and says who it signs in
/// as; a refused token or an unreachable service is an error naming
/// `--no-verify`.
async fn verify(server: &str, token: &str) -> CliResult<String> {
    let client = Client::http(server, Some(SecretString::from(token.to_string())))?;
    let me = client.me().await.map_err(|error| {
        let refused = matches!(error.status().map(|s| s.as_u16()), Some(401 | 403));
        let mut cli = CliError::from(error);
        if refused {
            cli = CliError::new(ExitKind::Auth, format!("{server} refused the token"))
                .with_cause(cli.message);
        }
        if cli.kind == ExitKind::Unavailable {
            // The general hint points at `context show`, which knows no
            // context that is not stored yet.
            cli.hints = vec![format!("is `deskctl serve` running at {server}?")];
        }
        cli.with_hint("check the token and URL, or pass --no-verify to store them unchecked")
    })?;
    let role = me.role.map(|r| format!(", {r}")).unwrap_or_default();
    Ok(match me.operator {
        Some(handle) => format!("{handle}{role}"),
        None => format!("{}{role}", me.kind),
    })
}

/// A context as `context list` and `context show` print it. Never holds a token.
/// Every key is present in `-o json`, `null` where it does not apply, so that
/// scripts read one shape whatever the target.
#[derive(Debug, Serialize)]
pub struct ContextView {
    /// The context's name; for a target no context names (`--server`,
    /// `DESKCTL_SERVER`, `--database`…), what picked it, in parentheses:
    /// `(DESKCTL_SERVER)`, never a context's name.
    pub name: String,
    pub current: bool,
    /// The service URL; `null` for a desk.
    pub server: Option<String>,
    /// The desk: the local desk's file, or a PostgreSQL desk's URL without
    /// its password; `null` for a service.
    pub desk: Option<String>,
    pub environment: Option<Environment>,
    pub protected: bool,
    /// Where the token comes from: `stored`, `DESKCTL_TOKEN` or `none`
    /// (`not needed` for the local desk; `unknown` when the credentials
    /// file cannot be read).
    pub token: String,
    /// What makes commands use this target now (`--context`,
    /// `DESKCTL_CONTEXT`, `current-context`, `default`…); `null` when they
    /// use another.
    pub chosen_by: Option<String>,
}

impl Tabular for ContextView {
    fn columns(_wide: bool) -> Vec<&'static str> {
        vec![
            "CURRENT",
            "NAME",
            "SERVER",
            "ENVIRONMENT",
            "PROTECTED",
            "TOKEN",
        ]
    }

    fn cells(&self, _ui: &Ui, _wide: bool) -> Vec<String> {
        vec![
            if self.current { "*" } else { "" }.to_string(),
            self.name.clone(),
            self.server
                .clone()
                .or_else(|| self.desk.clone())
                .unwrap_or_default(),
            self.environment
                .map_or_else(|| "-".into(), |e| e.to_string()),
            if self.protected { "yes" } else { "no" }.to_string(),
            self.token.clone(),
        ]
    }

    fn name(&self) -> String {
        self.name.clone()
    }
}

impl Detail for ContextView {
    fn fields(&self, _ui: &Ui) -> Vec<(&'static str, String)> {
        let mut fields = vec![("Name", self.name.clone())];
        if let Some(server) = &self.server {
            fields.push(("Server", server.clone()));
        }
        if let Some(desk) = &self.desk {
            fields.push(("Desk", desk.clone()));
        }
        fields.extend([
            (
                "Environment",
                self.environment
                    .map_or_else(|| "-".into(), |e| e.to_string()),
            ),
            (
                "Protected",
                if self.protected { "yes" } else { "no" }.into(),
            ),
            ("Token", self.token.clone()),
            ("Current", if self.current { "yes" } else { "no" }.into()),
            (
                "In use",
                match &self.chosen_by {
                    Some(chosen_by) => format!("yes ({chosen_by})"),
                    None => "no".into(),
                },
            ),
        ]);
        fields
    }
}
