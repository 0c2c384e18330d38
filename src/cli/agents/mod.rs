//! `deskctl agents`: the AI agents that hand conversations over to people.

mod add;
mod list;
mod remove;
mod set;
mod show;

use clap::Subcommand;

use super::Session;
use crate::api::Agent;
use crate::error::CliResult;
use crate::ui::{Detail, Tabular, Ui};

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum AgentsCommand {
    /// List AI agents
    #[command(visible_alias = "ls")]
    #[command(after_help = "Examples:\n  deskctl agents list\n  deskctl agents list -o wide")]
    List(list::AgentsListArgs),
    /// Show one AI agent
    #[command(after_help = "Examples:\n  deskctl agents show shop-assistant")]
    Show(show::AgentsShowArgs),
    /// Add an AI agent
    #[command(
        after_help = "Examples:\n  deskctl agents add shop-assistant --name 'Shop assistant'"
    )]
    Add(add::AgentsAddArgs),
    /// Rename an AI agent
    #[command(
        after_help = "Examples:\n  deskctl agents set shop-assistant --name 'Store assistant'"
    )]
    Set(set::AgentsSetArgs),
    /// Remove an AI agent and its handover action
    #[command(visible_alias = "rm")]
    #[command(after_help = "Examples:\n  deskctl agents remove shop-assistant")]
    Remove(remove::AgentsRemoveArgs),
}

pub async fn dispatch(session: &Session, command: AgentsCommand) -> CliResult {
    match command {
        AgentsCommand::List(args) => list::cmd_agents_list(session, args).await,
        AgentsCommand::Show(args) => show::cmd_agents_show(session, args).await,
        AgentsCommand::Add(args) => add::cmd_agents_add(session, args).await,
        AgentsCommand::Set(args) => set::cmd_agents_set(session, args).await,
        AgentsCommand::Remove(args) => remove::cmd_agents_remove(session, args).await,
    }
}

fn action_summary(agent: &Agent) -> String {
    match &agent.handover {
        None => "-".into(),
        Some(action) if action.enabled => format!("{} (enabled)", action.name),
        Some(action) => format!("{} (disabled)", action.name),
    }
}

impl Tabular for Agent {
    fn columns(wide: bool) -> Vec<&'static str> {
        let mut columns = vec!["KEY", "NAME", "HANDOVER ACTION"];
        if wide {
            columns.extend(["PLATFORM", "CREATED"]);
        }
        columns
    }

    fn cells(&self, ui: &Ui, wide: bool) -> Vec<String> {
        let mut cells = vec![self.key.clone(), self.name.clone(), action_summary(self)];
        if wide {
            cells.extend([
                self.handover
                    .as_ref()
                    .map_or_else(|| "-".into(), |a| a.platform.clone()),
                ui.time(self.created_at),
            ]);
        }
        cells
    }

    fn name(&self) -> String {
        self.key.clone()
    }
}

impl Detail for Agent {
    fn fields(&self, ui: &Ui) -> Vec<(&'static str, String)> {
        vec![
            ("Key", self.key.clone()),
            ("Name", self.name.clone()),
            ("Handover action", action_summary(self)),
            ("Created", ui.time(self.created_at)),
            ("Updated", ui.time(self.updated_at)),
        ]
    }
}
