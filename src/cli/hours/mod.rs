//! `deskctl hours`: business hours. While they are on, the human button shows
//! only when open.

mod check;
mod set;
mod show;

use clap::Subcommand;

use super::Session;
use crate::api::{BusinessHours, HoursCheck};
use crate::error::CliResult;
use crate::ui::{Detail, Tabular, Ui, zoned_to_the_second};

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum HoursCommand {
    /// Show the business hours
    #[command(after_help = "Examples:\n  deskctl hours show")]
    Show(show::HoursShowArgs),
    /// Change the business hours
    #[command(
        after_help = "Examples:\n  deskctl hours set --enabled true --timezone Europe/Berlin\n  deskctl hours set --days mon,tue,wed,thu,fri --start 09:00 --end 17:30\n  deskctl hours set --holiday 2026-12-25 --holiday 2026-12-26"
    )]
    Set(set::HoursSetArgs),
    /// Are we open now (or at a moment), and when does that change
    #[command(
        after_help = "Examples:\n  deskctl hours check\n  deskctl hours check --at 2026-03-30T08:30\n  deskctl hours check --at 2026-03-29T07:30:00Z"
    )]
    Check(check::HoursCheckArgs),
}

pub async fn dispatch(session: &Session, command: HoursCommand) -> CliResult {
    match command {
        HoursCommand::Show(args) => show::cmd_hours_show(session, args).await,
        HoursCommand::Set(args) => set::cmd_hours_set(session, args).await,
        HoursCommand::Check(args) => check::cmd_hours_check(session, args).await,
    }
}

fn span(hours: &BusinessHours) -> String {
    let next_day = if hours.overnight { " (next day)" } else { "" };
    format!("{}–{}{next_day}", hours.start, hours.end)
}

impl Tabular for BusinessHours {
    fn columns(_wide: bool) -> Vec<&'static str> {
        vec!["ENABLED", "TIMEZONE", "DAYS", "HOURS", "HOLIDAYS"]
    }

    fn cells(&self, _ui: &Ui, _wide: bool) -> Vec<String> {
        vec![
            if self.enabled { "yes" } else { "no" }.into(),
            self.timezone.clone(),
            crate::ui::joined(&self.days),
            span(self),
            crate::ui::joined(&self.holidays),
        ]
    }

    fn name(&self) -> String {
        "business-hours".into()
    }
}

impl Detail for BusinessHours {
    fn fields(&self, ui: &Ui) -> Vec<(&'static str, String)> {
        let cells = self.cells(ui, false);
        vec![
            ("Enabled", cells[0].clone()),
            ("Timezone", cells[1].clone()),
            ("Days", cells[2].clone()),
            ("Hours", cells[3].clone()),
            ("Holidays", cells[4].clone()),
        ]
    }
}

impl Tabular for HoursCheck {
    fn columns(_wide: bool) -> Vec<&'static str> {
        vec!["AT", "OPEN", "NEXT CHANGE"]
    }

    fn cells(&self, ui: &Ui, _wide: bool) -> Vec<String> {
        vec![
            ui.instant(self.at),
            if self.open { "open" } else { "closed" }.into(),
            self.next_change
                .map_or_else(|| "never".into(), |at| ui.instant(at)),
        ]
    }

    fn name(&self) -> String {
        if self.open { "open" } else { "closed" }.into()
    }
}

impl Detail for HoursCheck {
    fn fields(&self, ui: &Ui) -> Vec<(&'static str, String)> {
        let state = if !self.enabled {
            "open (business hours are off)".to_string()
        } else if self.open {
            "open".to_string()
        } else {
            match &self.note {
                Some(note) => format!("closed: {note}"),
                None => "closed".to_string(),
            }
        };
        let mut fields = vec![
            ("Status", state),
            ("At (desk)", zoned_to_the_second(&self.at_desk)),
            ("At (yours)", ui.local_instant(self.at)),
        ];
        match (self.next_change, &self.next_change_desk) {
            (Some(next), Some(desk)) => {
                fields.push((
                    if self.open {
                        "Closes (desk)"
                    } else {
                        "Opens (desk)"
                    },
                    zoned_to_the_second(desk),
                ));
                fields.push((
                    if self.open {
                        "Closes (yours)"
                    } else {
                        "Opens (yours)"
                    },
                    ui.local_instant(next),
                ));
            }
            _ => fields.push(("Next change", "never".into())),
        }
        fields
    }
}
