//! `deskctl email`: the SMTP server that sends replies to customers and the
//! owners' notices. The password is write-only: it is never shown.

mod set;
mod show;

use clap::Subcommand;

use super::Session;
use super::secret::secret_text;
use crate::api::EmailSettings;
use crate::error::CliResult;
use crate::ui::{Detail, Tabular, Ui};

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum EmailCommand {
    /// Show the SMTP server settings (the password only as set or not)
    #[command(after_help = "Examples:\n  deskctl email show")]
    Show(show::EmailShowArgs),
    /// Change the SMTP server settings
    #[command(
        after_help = "Examples:\n  deskctl email set --host smtp.example.com --tls starttls --username desk \\\n      --password-env SMTP_PASSWORD\n  deskctl email set --from 'Acme Support <support@example.com>'\n  deskctl email set --no-username"
    )]
    Set(set::EmailSetArgs),
}

pub async fn dispatch(session: &Session, command: EmailCommand) -> CliResult {
    match command {
        EmailCommand::Show(args) => show::cmd_email_show(session, args).await,
        EmailCommand::Set(args) => set::cmd_email_set(session, args).await,
    }
}

fn or_dash(value: &Option<String>) -> String {
    value.clone().unwrap_or_else(|| "-".into())
}

fn port_text(settings: &EmailSettings) -> String {
    match settings.port {
        Some(port) => port.to_string(),
        None => format!("{} (default)", settings.tls.default_port()),
    }
}

impl Tabular for EmailSettings {
    fn columns(_wide: bool) -> Vec<&'static str> {
        vec!["HOST", "PORT", "TLS", "USERNAME", "PASSWORD", "FROM"]
    }

    fn cells(&self, _ui: &Ui, _wide: bool) -> Vec<String> {
        vec![
            or_dash(&self.host),
            port_text(self),
            self.tls.to_string(),
            or_dash(&self.username),
            secret_text(
                self.password_set,
                &self.password_fingerprint,
                &self.password_unusable,
            ),
            or_dash(&self.from),
        ]
    }

    fn name(&self) -> String {
        or_dash(&self.host)
    }
}

impl Detail for EmailSettings {
    fn fields(&self, _ui: &Ui) -> Vec<(&'static str, String)> {
        vec![
            (
                "Host",
                self.host
                    .clone()
                    .unwrap_or_else(|| "- (email is not set up)".into()),
            ),
            ("Port", port_text(self)),
            ("TLS", self.tls.to_string()),
            ("Username", or_dash(&self.username)),
            (
                "Password",
                secret_text(
                    self.password_set,
                    &self.password_fingerprint,
                    &self.password_unusable,
                ),
            ),
            ("From", or_dash(&self.from)),
        ]
    }
}
