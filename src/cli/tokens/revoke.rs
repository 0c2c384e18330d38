use clap::Args;

use crate::cli::Session;
use crate::error::{CliError, CliResult, ExitKind};

#[derive(Debug, Args)]
pub struct TokensRevokeArgs {
    /// The token's id (see `deskctl tokens list`)
    pub id: String,
}

pub async fn cmd_tokens_revoke(session: &Session, args: TokensRevokeArgs) -> CliResult {
    let (client, ()) = session
        .destroyer(
            &format!("revoke token {}", args.id),
            async |client| match client.list_tokens().await?.iter().any(|t| t.id == args.id) {
                true => Ok(()),
                false => Err(CliError::new(
                    ExitKind::NotFound,
                    format!(
                        "token '{}' does not exist (see `deskctl tokens list`)",
                        args.id
                    ),
                )),
            },
        )
        .await?;
    client.revoke_token(&args.id).await?;
    session.ui.success(&format!("Revoked token {}", args.id));
    Ok(())
}
