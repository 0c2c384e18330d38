//! `deskctl handoff settings`: whether development and staging handoffs make
//! previews or real tickets (the document's `handoff` section).

use clap::{Args, Subcommand};

use crate::api::HandoffSettings;
use crate::cli::Session;
use crate::error::CliResult;
use crate::ui::{Detail, Tabular, Ui};

#[derive(Debug, Args)]
pub struct HandoffSettingsArgs {
    #[command(subcommand)]
    pub command: HandoffSettingsCommand,
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum HandoffSettingsCommand {
    /// Show the handoff settings
    #[command(after_help = "Examples:\n  deskctl handoff settings show")]
    Show,
    /// Change the handoff settings
    #[command(
        after_help = "Examples:\n  deskctl handoff settings set --preview-in-non-production false"
    )]
    Set(HandoffSettingsSetArgs),
}

#[derive(Debug, Args)]
pub struct HandoffSettingsSetArgs {
    /// Handoffs from development and staging record a preview instead of a ticket
    /// (`false`: every environment makes real tickets)
    #[arg(long, value_name = "BOOL", action = clap::ArgAction::Set, required = true)]
    pub preview_in_non_production: bool,
}

pub async fn cmd_handoff_settings(session: &Session, args: HandoffSettingsArgs) -> CliResult {
    match args.command {
        HandoffSettingsCommand::Show => {
            let client = session.client().await?;
            let settings = client.get_handoff_settings().await?;
            session.ui.print_item(&settings)
        }
        HandoffSettingsCommand::Set(set) => {
            let client = session.writer("change the handoff settings").await?;
            let settings = client
                .put_handoff_settings(&HandoffSettings {
                    preview_in_non_production: set.preview_in_non_production,
                })
                .await?;
            session.ui.success("Updated the handoff settings");
            session.ui.print_item(&settings)
        }
    }
}

impl Tabular for HandoffSettings {
    fn columns(_wide: bool) -> Vec<&'static str> {
        vec!["PREVIEW IN NON-PRODUCTION"]
    }

    fn cells(&self, _ui: &Ui, _wide: bool) -> Vec<String> {
        vec![
            if self.preview_in_non_production {
                "yes"
            } else {
                "no"
            }
            .into(),
        ]
    }

    fn name(&self) -> String {
        "handoff".into()
    }
}

impl Detail for HandoffSettings {
    fn fields(&self, _ui: &Ui) -> Vec<(&'static str, String)> {
        vec![(
            "Preview in non-production",
            if self.preview_in_non_production {
                "yes: development and staging handoffs record a preview".into()
            } else {
                "no: every environment makes real tickets".into()
            },
        )]
    }
}
