//! `deskctl assignment`: how new tickets get an operator, and the support inbox.

mod set;
mod show;

use clap::Subcommand;

use super::Session;
use crate::api::AssignmentSettings;
use crate::error::CliResult;
use crate::ui::{Detail, Tabular, Ui};

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum AssignmentCommand {
    /// Show the assignment method and the support inbox
    #[command(after_help = "Examples:\n  deskctl assignment show")]
    Show(show::AssignmentShowArgs),
    /// Change the assignment method or the support inbox
    #[command(
        after_help = "Examples:\n  deskctl assignment set --method balanced\n  deskctl assignment set --support-inbox support@example.com\n  deskctl assignment set --no-support-inbox"
    )]
    Set(set::AssignmentSetArgs),
}

pub async fn dispatch(session: &Session, command: AssignmentCommand) -> CliResult {
    match command {
        AssignmentCommand::Show(args) => show::cmd_assignment_show(session, args).await,
        AssignmentCommand::Set(args) => set::cmd_assignment_set(session, args).await,
    }
}

fn inbox_text(settings: &AssignmentSettings) -> String {
    let inbox = &settings.support_inbox;
    match (&inbox.address, inbox.enabled) {
        (Some(address), true) => format!("enabled ({address})"),
        (Some(address), false) => format!("disabled ({address})"),
        (None, _) => "disabled".into(),
    }
}

impl Tabular for AssignmentSettings {
    fn columns(_wide: bool) -> Vec<&'static str> {
        vec!["METHOD", "SUPPORT INBOX"]
    }

    fn cells(&self, _ui: &Ui, _wide: bool) -> Vec<String> {
        vec![self.method.to_string(), inbox_text(self)]
    }

    fn name(&self) -> String {
        self.method.to_string()
    }
}

impl Detail for AssignmentSettings {
    fn fields(&self, _ui: &Ui) -> Vec<(&'static str, String)> {
        vec![
            ("Method", self.method.to_string()),
            ("Support inbox", inbox_text(self)),
        ]
    }
}
