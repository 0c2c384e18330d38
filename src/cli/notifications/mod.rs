//! `deskctl notifications`: who is told when a customer asks for a human.

mod set;
mod show;

use clap::Subcommand;

use super::Session;
use crate::api::NotificationSettings;
use crate::error::CliResult;
use crate::ui::{Detail, Tabular, Ui};

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum NotificationsCommand {
    /// Show the notification settings
    #[command(after_help = "Examples:\n  deskctl notifications show")]
    Show(show::NotificationsShowArgs),
    /// Change the notification settings
    #[command(after_help = "Examples:\n  deskctl notifications set --email-owners true")]
    Set(set::NotificationsSetArgs),
}

pub async fn dispatch(session: &Session, command: NotificationsCommand) -> CliResult {
    match command {
        NotificationsCommand::Show(args) => show::cmd_notifications_show(session, args).await,
        NotificationsCommand::Set(args) => set::cmd_notifications_set(session, args).await,
    }
}

impl Tabular for NotificationSettings {
    fn columns(_wide: bool) -> Vec<&'static str> {
        vec!["EMAIL OWNERS ON HUMAN REQUEST"]
    }

    fn cells(&self, _ui: &Ui, _wide: bool) -> Vec<String> {
        vec![
            if self.email_owners_on_human_request {
                "yes"
            } else {
                "no"
            }
            .into(),
        ]
    }

    fn name(&self) -> String {
        "notifications".into()
    }
}

impl Detail for NotificationSettings {
    fn fields(&self, ui: &Ui) -> Vec<(&'static str, String)> {
        vec![(
            "Email owners on human request",
            self.cells(ui, false).remove(0),
        )]
    }
}
