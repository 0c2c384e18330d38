use clap::Args;

use crate::api::{Environment, TOKEN_PREFIX};
use crate::cli::Session;
use crate::cli::secret::{SecretSource, read_secret};
use crate::config::{ContextEntry, LOCAL_CONTEXT};
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
    /// Read the token from stdin
    #[arg(long)]
    pub token_stdin: bool,
    /// Make it the current context
    #[arg(long = "use")]
    pub use_it: bool,
}

pub fn cmd_context_add(session: &Session, args: ContextAddArgs) -> CliResult {
    check_name(&args.name)?;
    let server = args.server.trim_end_matches('/').to_string();
    if !(server.starts_with("http://") || server.starts_with("https://")) {
        return Err(CliError::usage(format!(
            "--server '{server}' is not a URL: it must start with http:// or https://"
        )));
    }
    let mut config = session.load_config()?;
    if config.find(&args.name).is_some() {
        return Err(CliError::new(
            ExitKind::Conflict,
            format!("context '{}' already exists", args.name),
        )
        .with_hint(format!(
            "remove it first with `deskctl context remove {}`",
            args.name
        )));
    }
    let token = read_token(session, &args)?;
    if !token.starts_with(TOKEN_PREFIX) {
        session.ui.warn(&format!(
            "the token does not start with '{TOKEN_PREFIX}': is it a deskctl token?"
        ));
    }
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
    session.ui.success(&format!("Added context {}", args.name));
    if !args.use_it {
        session.ui.info(&format!(
            "Use it with `deskctl context use {0}` or `--context {0}`",
            args.name
        ));
    }
    Ok(())
}

fn check_name(name: &str) -> CliResult {
    if name == LOCAL_CONTEXT {
        return Err(CliError::usage(
            "'local' is reserved for the local desk: choose another name",
        ));
    }
    if name.is_empty() || name.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(CliError::usage(format!(
            "'{name}' is not a valid context name: use letters, digits, dashes, dots or underscores"
        )));
    }
    Ok(())
}

/// The token from stdin, DESKCTL_TOKEN or a prompt: never from argv.
fn read_token(session: &Session, args: &ContextAddArgs) -> CliResult<String> {
    use secrecy::ExposeSecret;
    let what = format!("token for context '{}'", args.name);
    let token = match (&session.env.token, args.token_stdin) {
        (_, true) => read_secret(session, SecretSource::Stdin, &what, "--token-stdin")?,
        (Some(token), false) => token.expose_secret().to_string(),
        (None, false) => read_secret(
            session,
            SecretSource::Prompt,
            &what,
            "--token-stdin (or set DESKCTL_TOKEN)",
        )?,
    };
    let token = token.trim().to_string();
    if token.is_empty() {
        return Err(CliError::usage("the token is empty"));
    }
    Ok(token)
}
