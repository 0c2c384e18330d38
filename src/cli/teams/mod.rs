//! `deskctl teams`: groups of operators that tickets are routed to.

mod add;
mod list;
mod remove;
mod set;
mod show;

use clap::Subcommand;

use super::Session;
use crate::api::Team;
use crate::error::CliResult;
use crate::ui::{Detail, Tabular, Ui};

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum TeamsCommand {
    /// List teams
    #[command(visible_alias = "ls")]
    #[command(after_help = "Examples:\n  deskctl teams list\n  deskctl teams list -o json")]
    List(list::TeamsListArgs),
    /// Show one team
    #[command(after_help = "Examples:\n  deskctl teams show support")]
    Show(show::TeamsShowArgs),
    /// Add a team (the first team becomes the default)
    #[command(
        after_help = "Examples:\n  deskctl teams add billing --name Billing\n  deskctl teams add vip --name VIP --member alice --member bob"
    )]
    Add(add::TeamsAddArgs),
    /// Change a team, its members, or make it the default
    #[command(
        after_help = "Examples:\n  deskctl teams set billing --name 'Billing and refunds'\n  deskctl teams set billing --add-member carol --remove-member bob\n  deskctl teams set billing --default"
    )]
    Set(set::TeamsSetArgs),
    /// Remove a team
    #[command(visible_alias = "rm")]
    #[command(
        after_help = "A team with open or pending tickets is removed only with --move-to TEAM: each\nticket moves there (its assignee keeps it) with a line on its timeline. Only the\nlast team's tickets, with nowhere else to go, are left without a team. To move\none misrouted ticket: deskctl tickets assign NUMBER --team KEY.\n\nExamples:\n  deskctl teams remove billing\n  deskctl teams remove billing --move-to support --yes"
    )]
    Remove(remove::TeamsRemoveArgs),
}

pub async fn dispatch(session: &Session, command: TeamsCommand) -> CliResult {
    match command {
        TeamsCommand::List(args) => list::cmd_teams_list(session, args).await,
        TeamsCommand::Show(args) => show::cmd_teams_show(session, args).await,
        TeamsCommand::Add(args) => add::cmd_teams_add(session, args).await,
        TeamsCommand::Set(args) => set::cmd_teams_set(session, args).await,
        TeamsCommand::Remove(args) => remove::cmd_teams_remove(session, args).await,
    }
}

impl Tabular for Team {
    fn columns(wide: bool) -> Vec<&'static str> {
        let mut columns = vec!["KEY", "NAME", "DEFAULT", "MEMBERS"];
        if wide {
            columns.extend(["CREATED", "UPDATED"]);
        }
        columns
    }

    fn cells(&self, ui: &Ui, wide: bool) -> Vec<String> {
        let mut cells = vec![
            self.key.clone(),
            self.name.clone(),
            if self.default { "yes" } else { "no" }.to_string(),
            crate::ui::joined(&self.members),
        ];
        if wide {
            cells.extend([ui.time(self.created_at), ui.time(self.updated_at)]);
        }
        cells
    }

    fn name(&self) -> String {
        self.key.clone()
    }
}

impl Detail for Team {
    fn fields(&self, ui: &Ui) -> Vec<(&'static str, String)> {
        vec![
            ("Key", self.key.clone()),
            ("Name", self.name.clone()),
            (
                "Default",
                if self.default { "yes" } else { "no" }.to_string(),
            ),
            ("Members", crate::ui::joined(&self.members)),
            ("Created", ui.time(self.created_at)),
            ("Updated", ui.time(self.updated_at)),
        ]
    }
}
