use clap::Args;

use super::{check_name, read_token, verify};
use crate::api::Environment;
use crate::cli::Session;
use crate::config::ContextEntry;
use crate::error::{CliError, CliResult, ExitKind};

#[derive(Debug, Args)]
pub struct ContextAddArgs {
    /// A name for the context, e.g. `prod`
    pub name: String,
    /// The Desk service's URL, e.g. `https://desk.example.com`
    #[arg(long, value_name = "URL")]
    pub server: String,
    /// The environment the service belongs to
    #[arg(long, value_parser = crate::cli::wire_enum_parser::<Environment>(Environment::NAMES))]
    pub environment: Option<Environment>,
    /// Make every write to this context ask for confirmation, or need --yes
    #[arg(long)]
    pub protected: bool,
    /// Read the token from stdin (else DESKCTL_TOKEN, else a prompt)
    #[arg(long)]
    pub token_stdin: bool,
    /// Make it the current context
    #[arg(long = "use")]
    pub use_it: bool,
    /// Store the context without checking the token against the service (for
    /// a service that is not running yet)
    #[arg(long)]
    pub no_verify: bool,
}

pub async fn cmd_context_add(session: &Session, args: ContextAddArgs) -> CliResult {
    check_name(&args.name)?;
    let server = super::server_url(&args.server)?;
    let mut config = session.load_config()?;
    if config.find(&args.name).is_some() {
        return Err(CliError::new(
            ExitKind::Conflict,
            format!("context '{}' already exists", args.name),
        )
        .with_hint(format!(
            "change it with `deskctl context set {} …`, or remove it first",
            args.name
        )));
    }
    let token = read_token(session, &args.name, args.token_stdin)?;
    super::warn_if_in_clear(session, &server);
    let signed_in = if args.no_verify {
        None
    } else {
        Some(verify(&server, &token).await?)
    };
    let mut credentials = session.load_credentials()?;
    credentials.set_token(&args.name, token);
    credentials.save(&session.paths.credentials)?;
    config.contexts.push(ContextEntry {
        name: args.name.clone(),
        server,
        environment: args.environment,
        protected: args.protected,
    });
    if args.use_it {
        config.current_context = Some(args.name.clone());
    }
    config.save(&session.paths.config)?;
    match signed_in {
        Some(who) => session
            .ui
            .success(&format!("Added context {} (signed in as {who})", args.name)),
        None => session
            .ui
            .success(&format!("Added context {} (token not checked)", args.name)),
    }
    if !args.use_it {
        session.ui.info(&format!(
            "Use it with `deskctl context use {0}` or `--context {0}`",
            args.name
        ));
    }
    Ok(())
}
