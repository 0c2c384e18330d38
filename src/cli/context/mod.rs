//! `deskctl context`: which Desk service the CLI talks to, like kubectl's contexts.
//! Contexts live in the config file; their tokens in the credentials file (0600).

mod add;
mod list;
mod remove;
mod show;
mod use_context;

use clap::Subcommand;
use serde::Serialize;

use super::Session;
use crate::api::Environment;
use crate::error::CliResult;
use crate::ui::{Detail, Tabular, Ui};

#[derive(Debug, Subcommand)]
pub enum ContextCommand {
    /// List contexts; `*` marks the current one
    #[command(visible_alias = "ls")]
    List(list::ContextListArgs),
    /// Show a context (default: the one commands use now)
    Show(show::ContextShowArgs),
    /// Make a context current (`local` for the local desk)
    Use(use_context::ContextUseArgs),
    /// Add a context for a Desk service; its token is read from stdin,
    /// DESKCTL_TOKEN or a prompt, never from the command line
    Add(add::ContextAddArgs),
    /// Remove a context and its stored token
    #[command(visible_alias = "rm")]
    Remove(remove::ContextRemoveArgs),
}

pub async fn dispatch(session: &Session, command: ContextCommand) -> CliResult {
    match command {
        ContextCommand::List(args) => list::cmd_context_list(session, args),
        ContextCommand::Show(args) => show::cmd_context_show(session, args),
        ContextCommand::Use(args) => use_context::cmd_context_use(session, args),
        ContextCommand::Add(args) => add::cmd_context_add(session, args),
        ContextCommand::Remove(args) => remove::cmd_context_remove(session, args),
    }
}

/// A context as `context list` and `context show` print it. Never holds a token.
#[derive(Debug, Serialize)]
pub struct ContextView {
    pub name: String,
    pub current: bool,
    /// The service URL, or `local` for the local desk.
    pub server: Option<String>,
    /// The local desk file, for `local`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub desk: Option<String>,
    pub environment: Option<Environment>,
    pub protected: bool,
    /// Where the token comes from: `stored`, `DESKCTL_TOKEN` or `none`
    /// (`not needed` for the local desk).
    pub token: String,
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
        ]);
        fields
    }
}
