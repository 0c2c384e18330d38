use clap::Args;

use crate::api::{TokenCreate, TokenKind};
use crate::cli::Session;
use crate::cli::names::{Named, OrSuggest};
use crate::error::CliResult;
use crate::ui::OutputFormat;

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("who").required(true).args(["operator", "ingest"]))]
pub struct TokensCreateArgs {
    /// Create a token that acts as this operator, with their role
    #[arg(long, value_name = "HANDLE")]
    #[arg(add = crate::cli::complete::operators())]
    pub operator: Option<String>,
    /// Create an ingest token, for the AI agent platform: it may only send
    /// handoffs and inbound email (needs --name)
    #[arg(long, requires = "name")]
    pub ingest: bool,
    /// A label for the token (defaults to the operator's handle)
    #[arg(long)]
    pub name: Option<String>,
}

/// Prints the secret alone on stdout unless asked for JSON or YAML (or the
/// id alone, with `-o name`), so `TOKEN=$(deskctl tokens create --operator
/// alice)` works.
pub async fn cmd_tokens_create(session: &Session, args: TokensCreateArgs) -> CliResult {
    let body = TokenCreate {
        kind: if args.ingest {
            TokenKind::Ingest
        } else {
            TokenKind::Operator
        },
        operator: args.operator,
        name: args.name,
    };
    let label = body
        .operator
        .clone()
        .or_else(|| body.name.clone())
        .unwrap_or_default();
    // Both kinds, operator and ingest, begin with a vowel.
    let client = session
        .writer(&format!("create an {} token for {label}", body.kind))
        .await?;
    let operator: Vec<_> = body
        .operator
        .iter()
        .map(|h| (Named::Operator, h.as_str()))
        .collect();
    let created = client
        .create_token(&body)
        .await
        .or_suggest(&client, &operator)
        .await?;
    let ui = &session.ui;
    ui.success(&format!(
        "Created {} token {} for {label}",
        created.token.kind, created.token.id
    ));
    match ui.format {
        OutputFormat::Json | OutputFormat::Jsonl | OutputFormat::Yaml => {
            // The machine formats carry the secret in the wire object.
            ui.print_item(&crate::cli::tokens::CreatedToken(created))
        }
        // As everywhere, `name` is the id (what `tokens revoke` takes).
        OutputFormat::Name => ui.print_line(&created.token.id),
        _ => {
            if ui.stdout_tty {
                ui.info(
                    "Copy the token now: it is stored only as a hash and cannot be shown again.",
                );
            }
            ui.print_line(&created.secret)
        }
    }
}
