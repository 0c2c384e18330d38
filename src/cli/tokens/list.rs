use clap::Args;

use crate::cli::Session;
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct TokensListArgs {}

pub async fn cmd_tokens_list(session: &Session, _args: TokensListArgs) -> CliResult {
    let client = session.client().await?;
    let tokens = client.list_tokens().await?;
    session.ui.print_list(&tokens, "tokens")
}
