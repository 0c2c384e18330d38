//! `deskctl delivery`: the AI agent platform's delivery webhook, which relays
//! replies on live channels and learns of takeovers. Deliveries are signed with
//! a secret that is write-only: it is never shown.

mod set;
mod show;

use clap::Subcommand;

use super::Session;
use super::secret::secret_text;
use crate::api::DeliverySettings;
use crate::error::CliResult;
use crate::ui::{Detail, Tabular, Ui};

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum DeliveryCommand {
    /// Show the delivery webhook (the secret only as set or not)
    #[command(after_help = "Examples:\n  deskctl delivery show")]
    Show(show::DeliveryShowArgs),
    /// Change the delivery webhook or its signing secret
    #[command(
        after_help = "Examples:\n  deskctl delivery set --url https://ai.example.com/desk/events \\\n      --secret-env DESK_WEBHOOK_SECRET\n  deskctl delivery set --no-url --no-secret"
    )]
    Set(set::DeliverySetArgs),
}

pub async fn dispatch(session: &Session, command: DeliveryCommand) -> CliResult {
    match command {
        DeliveryCommand::Show(args) => show::cmd_delivery_show(session, args).await,
        DeliveryCommand::Set(args) => set::cmd_delivery_set(session, args).await,
    }
}

impl Tabular for DeliverySettings {
    fn columns(_wide: bool) -> Vec<&'static str> {
        vec!["URL", "SECRET"]
    }

    fn cells(&self, _ui: &Ui, _wide: bool) -> Vec<String> {
        vec![
            self.url.clone().unwrap_or_else(|| "-".into()),
            secret_text(
                self.secret_set,
                &self.secret_fingerprint,
                &self.secret_unusable,
            ),
        ]
    }

    fn name(&self) -> String {
        self.url.clone().unwrap_or_else(|| "-".into())
    }
}

impl Detail for DeliverySettings {
    fn fields(&self, _ui: &Ui) -> Vec<(&'static str, String)> {
        vec![
            (
                "URL",
                self.url
                    .clone()
                    .unwrap_or_else(|| "- (live replies and takeovers wait in the outbox)".into()),
            ),
            (
                "Secret",
                secret_text(
                    self.secret_set,
                    &self.secret_fingerprint,
                    &self.secret_unusable,
                ),
            ),
        ]
    }
}
