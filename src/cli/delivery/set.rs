use clap::Args;

use crate::cli::Session;
use crate::cli::secret::{SecretSource, read_secret};
use crate::error::{CliError, CliResult};

#[derive(Debug, Args)]
pub struct DeliverySetArgs {
    /// The platform's webhook, e.g. https://ai.example.com/desk/events
    #[arg(long, value_name = "URL", conflicts_with = "no_url")]
    pub url: Option<String>,
    /// Stop delivering live replies and takeovers (they wait in the outbox)
    #[arg(long)]
    pub no_url: bool,
    /// Read the signing secret from stdin (the whole input, without its final line break)
    #[arg(long, group = "secret_source")]
    pub secret_stdin: bool,
    /// Read the signing secret from this environment variable
    #[arg(long, value_name = "VAR", group = "secret_source")]
    pub secret_env: Option<String>,
    /// Ask for the signing secret (on a terminal, without echo)
    #[arg(long, group = "secret_source")]
    pub secret_prompt: bool,
    /// Remove the stored signing secret (with --no-url: a URL needs one)
    #[arg(long, group = "secret_source")]
    pub no_secret: bool,
}

/// Changes what is given; the secret stays as it is unless a new one is read.
pub async fn cmd_delivery_set(session: &Session, args: DeliverySetArgs) -> CliResult {
    let secret = if args.secret_stdin {
        Some(SecretSource::Stdin)
    } else if let Some(name) = args.secret_env.as_deref() {
        Some(SecretSource::Env(name))
    } else if args.secret_prompt {
        Some(SecretSource::Prompt)
    } else {
        None
    };
    if args.url.is_none() && !args.no_url && secret.is_none() && !args.no_secret {
        return Err(CliError::usage("nothing to change").with_hint(
            "pass --url URL with --secret-stdin (or --secret-env, --secret-prompt), or --no-url",
        ));
    }
    let secret = secret
        .map(|source| read_secret(session, source, "signing secret", "--secret-stdin"))
        .transpose()?;
    let client = session.writer("change the delivery webhook").await?;
    let mut settings = client.get_delivery_settings().await?;
    if let Some(url) = args.url {
        settings.url = Some(url);
    }
    if args.no_url {
        settings.url = None;
    }
    if let Some(secret) = secret {
        settings.secret = Some(Some(secret));
    }
    if args.no_secret {
        settings.secret = Some(None);
    }
    let settings = client.put_delivery_settings(&settings).await?;
    session.ui.success("Updated the delivery webhook");
    session.ui.print_item(&settings)
}
