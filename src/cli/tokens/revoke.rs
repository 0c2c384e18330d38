use clap::Args;

use crate::cli::Session;
use crate::error::{CliError, CliResult, ExitKind};

#[derive(Debug, Args)]
pub struct TokensRevokeArgs {
    /// The token's id (see `deskctl tokens list`)
    pub id: String,
}

pub async fn cmd_tokens_revoke(session: &Session, args: TokensRevokeArgs) -> CliResult {
    let target = session.target()?.label();
    let client = session.client().await?;
    // Found first, so a token the desk does not have is not found (exit 5)
    // rather than asked about, as `Session::destroyer` does.
    if !client.list_tokens().await?.iter().any(|t| t.id == args.id) {
        return Err(CliError::new(
            ExitKind::NotFound,
            format!(
                "token '{}' does not exist (see `deskctl tokens list`)",
                args.id
            ),
        ));
    }
    // The token this command signs in with: revoking it locks the context
    // out, which the question and the answer say.
    let own = client.me().await?.token.as_deref() == Some(args.id.as_str());
    let mut action = format!("revoke token {}", args.id);
    if own {
        action.push_str(&format!(
            ", the token '{target}' signs in with (every later command on '{target}' is \
             refused until it has another)"
        ));
    }
    session.confirm_change(&action)?;
    client.revoke_token(&args.id).await?;
    session.ui.success(&format!("Revoked token {}", args.id));
    if own {
        session.ui.warn(&format!(
            "'{target}' signed in with token {}: it can no longer sign in; give it another \
             (`deskctl context set {target} --token-stdin`, or DESKCTL_TOKEN)",
            args.id
        ));
    }
    Ok(())
}
