use clap::Args;

use super::{read_token, verify};
use crate::api::Environment;
use crate::cli::Session;
use crate::error::{CliError, CliResult};

#[derive(Debug, Args)]
pub struct ContextSetArgs {
    /// The context to change
    #[arg(add = crate::cli::complete::contexts())]
    pub name: String,
    /// A new URL for the Desk service
    #[arg(long, value_name = "URL")]
    pub server: Option<String>,
    /// Replace the stored token with one read from stdin (rotating a token)
    #[arg(long)]
    pub token_stdin: bool,
    /// The environment the service belongs to
    #[arg(long, value_parser = crate::cli::wire_enum_parser::<Environment>(Environment::NAMES))]
    pub environment: Option<Environment>,
    /// Whether every write needs confirmation or --yes (`--protected` alone
    /// means true)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true")]
    pub protected: Option<bool>,
    /// Keep the new server or token without checking them against the service
    #[arg(long)]
    pub no_verify: bool,
}

/// Changes what is given and keeps the rest: a token rotates without losing
/// the context's server, environment or protection.
pub async fn cmd_context_set(session: &Session, args: ContextSetArgs) -> CliResult {
    if args.server.is_none()
        && !args.token_stdin
        && args.environment.is_none()
        && args.protected.is_none()
    {
        return Err(CliError::usage("nothing to change")
            .with_hint("pass --server, --token-stdin, --environment or --protected"));
    }
    super::not_local(&args.name, "changed")?;
    let mut config = session.load_config()?;
    let entry = config.get_mut(&args.name)?;
    let mut credentials = session.load_credentials()?;
    let server = match &args.server {
        Some(server) => super::server_url(server)?,
        None => entry.server.clone(),
    };
    let token = if args.token_stdin {
        Some(read_token(session, &args.name, true)?)
    } else {
        credentials.token(&args.name).map(str::to_string)
    };
    let reconnects = args.server.is_some() || args.token_stdin;
    if reconnects {
        super::warn_if_in_clear(session, &server);
    }
    let signed_in = match (&token, reconnects && !args.no_verify) {
        (Some(token), true) => Some(verify(&server, token).await?),
        _ => None,
    };
    entry.server = server;
    if let Some(environment) = args.environment {
        entry.environment = Some(environment);
    }
    if let Some(protected) = args.protected {
        entry.protected = protected;
    }
    if args.token_stdin
        && let Some(token) = token
    {
        credentials.set_token(&args.name, token);
        credentials.save(&session.paths.credentials)?;
    }
    config.save(&session.paths.config)?;
    let checked = signed_in
        .map(|who| format!(" (signed in as {who})"))
        .unwrap_or_default();
    session
        .ui
        .success(&format!("Updated context {}{checked}", args.name));
    Ok(())
}
