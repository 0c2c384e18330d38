use clap::Args;

use crate::api::SmtpTls;
use crate::cli::secret::{SecretSource, read_secret};
use crate::cli::{Session, wire_enum_parser};
use crate::error::{CliError, CliResult};

#[derive(Debug, Args)]
pub struct EmailSetArgs {
    /// The SMTP server's host name, e.g. smtp.example.com
    #[arg(long, value_name = "HOST")]
    pub host: Option<String>,
    /// The SMTP port (default: 25 with --tls none, 587 with starttls, 465 with tls)
    #[arg(long, value_name = "PORT", value_parser = crate::cli::whole_number::<u16>(1, u16::MAX))]
    pub port: Option<u16>,
    /// Go back to the TLS mode's usual port
    #[arg(long, conflicts_with = "port")]
    pub default_port: bool,
    /// none: plain text (trusted local relays only); starttls: upgrade, required;
    /// tls: TLS from the start (SMTPS)
    #[arg(long, value_parser = wire_enum_parser::<SmtpTls>(SmtpTls::NAMES))]
    pub tls: Option<SmtpTls>,
    /// The user name to log in with
    #[arg(long, value_name = "NAME", conflicts_with = "no_username")]
    pub username: Option<String>,
    /// Send without logging in (removes the username and password)
    #[arg(long, conflicts_with = "password_source")]
    pub no_username: bool,
    /// Read the password from stdin (the whole input, without its final line break)
    #[arg(long, group = "password_source")]
    pub password_stdin: bool,
    /// Read the password from this environment variable
    #[arg(long, value_name = "VAR", group = "password_source")]
    pub password_env: Option<String>,
    /// Ask for the password (on a terminal, without echo)
    #[arg(long, group = "password_source")]
    pub password_prompt: bool,
    /// Remove the stored password
    #[arg(long, group = "password_source")]
    pub no_password: bool,
    /// The sender of the desk's own mail (owners' notices), e.g.
    /// "Acme Support <support@acme.example>"; operators' replies come from the
    /// operator's own name and address
    #[arg(long, value_name = "ADDRESS")]
    pub from: Option<String>,
}

/// Changes what is given; the rest, the password included, stays as it is.
pub async fn cmd_email_set(session: &Session, args: EmailSetArgs) -> CliResult {
    let password = if args.password_stdin {
        Some(SecretSource::Stdin)
    } else if let Some(name) = args.password_env.as_deref() {
        Some(SecretSource::Env(name))
    } else if args.password_prompt {
        Some(SecretSource::Prompt)
    } else {
        None
    };
    let nothing = args.host.is_none()
        && args.port.is_none()
        && !args.default_port
        && args.tls.is_none()
        && args.username.is_none()
        && !args.no_username
        && password.is_none()
        && !args.no_password
        && args.from.is_none();
    if nothing {
        return Err(CliError::usage("nothing to change").with_hint(
            "pass --host, --port, --tls, --username, --password-stdin, --from or another flag \
             (see deskctl email set --help)",
        ));
    }
    let password = password
        .map(|source| read_secret(session, source, "SMTP password", "--password-stdin"))
        .transpose()?;
    let client = session.writer("change the email settings").await?;
    let mut settings = client.get_email_settings().await?;
    if let Some(host) = args.host {
        settings.host = Some(host);
    }
    if let Some(port) = args.port {
        settings.port = Some(port);
    }
    if args.default_port {
        settings.port = None;
    }
    if let Some(tls) = args.tls {
        settings.tls = tls;
    }
    if let Some(username) = args.username {
        settings.username = Some(username);
    }
    if args.no_username {
        settings.username = None;
        settings.password = Some(None);
    }
    if let Some(password) = password {
        settings.password = Some(Some(password));
    }
    if args.no_password {
        settings.password = Some(None);
    }
    if let Some(from) = args.from {
        settings.from = Some(from);
    }
    let settings = client.put_email_settings(&settings).await?;
    session.ui.success("Updated the email settings");
    session.ui.print_item(&settings)
}
