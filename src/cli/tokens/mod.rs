//! `deskctl tokens`: API credentials. Secrets are shown once, at creation.

mod create;
mod list;
mod revoke;

use clap::Subcommand;

use super::Session;
use crate::api::Token;
use crate::error::CliResult;
use crate::ui::{Detail, Tabular, Ui};

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum TokensCommand {
    /// List tokens, oldest first (never their secrets)
    #[command(visible_alias = "ls")]
    #[command(after_help = "Examples:\n  deskctl tokens list")]
    List(list::TokensListArgs),
    /// Create a token and print its secret, once
    #[command(
        after_help = "Examples:\n  deskctl tokens create --operator alice\n  deskctl tokens create --ingest --name ai-platform\n  deskctl tokens create --operator alice | deskctl context add prod \\\n      --server https://desk.example.com --token-stdin"
    )]
    Create(create::TokensCreateArgs),
    /// Revoke a token: requests with it fail from now on
    #[command(after_help = "Examples:\n  deskctl tokens revoke tok_3f9c0a1b2d4e")]
    Revoke(revoke::TokensRevokeArgs),
}

pub async fn dispatch(session: &Session, command: TokensCommand) -> CliResult {
    match command {
        TokensCommand::List(args) => list::cmd_tokens_list(session, args).await,
        TokensCommand::Create(args) => create::cmd_tokens_create(session, args).await,
        TokensCommand::Revoke(args) => revoke::cmd_tokens_revoke(session, args).await,
    }
}

impl Tabular for Token {
    fn columns(wide: bool) -> Vec<&'static str> {
        let mut columns = vec!["ID", "NAME", "KIND", "OPERATOR", "LAST USED"];
        if wide {
            columns.extend(["ENDS WITH", "CREATED"]);
        }
        columns
    }

    fn cells(&self, ui: &Ui, wide: bool) -> Vec<String> {
        let mut cells = vec![
            self.id.clone(),
            self.name.clone(),
            self.kind.to_string(),
            self.operator.clone().unwrap_or_else(|| "-".into()),
            self.last_used_at
                .map_or_else(|| "never".into(), |at| ui.time(at)),
        ];
        if wide {
            cells.extend([format!("…{}", self.hint), ui.time(self.created_at)]);
        }
        cells
    }

    fn name(&self) -> String {
        self.id.clone()
    }
}

impl Detail for Token {
    fn fields(&self, ui: &Ui) -> Vec<(&'static str, String)> {
        vec![
            ("Id", self.id.clone()),
            ("Name", self.name.clone()),
            ("Kind", self.kind.to_string()),
            (
                "Operator",
                self.operator.clone().unwrap_or_else(|| "-".into()),
            ),
            ("Ends with", format!("…{}", self.hint)),
            ("Created", ui.time(self.created_at)),
            (
                "Last used",
                self.last_used_at
                    .map_or_else(|| "never".into(), |at| ui.time(at)),
            ),
        ]
    }
}

/// A created token as the machine formats print it: with its secret.
#[derive(serde::Serialize)]
#[serde(transparent)]
pub(crate) struct CreatedToken(pub crate::api::TokenCreated);

impl Tabular for CreatedToken {
    fn columns(wide: bool) -> Vec<&'static str> {
        Token::columns(wide)
    }

    fn cells(&self, ui: &Ui, wide: bool) -> Vec<String> {
        self.0.token.cells(ui, wide)
    }

    fn name(&self) -> String {
        self.0.token.id.clone()
    }
}

impl Detail for CreatedToken {
    fn fields(&self, ui: &Ui) -> Vec<(&'static str, String)> {
        self.0.token.fields(ui)
    }
}
