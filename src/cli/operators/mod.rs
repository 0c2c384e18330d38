//! `deskctl operators`: the people who work tickets.

mod add;
mod availability;
mod list;
mod remove;
mod set;
mod show;

use clap::Subcommand;

use super::Session;
use crate::api::{Availability, Operator, Role};
use crate::error::CliResult;
use crate::ui::{Detail, Tabular, Ui};

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum OperatorsCommand {
    /// List operators
    #[command(visible_alias = "ls")]
    #[command(
        after_help = "Examples:\n  deskctl operators list\n  deskctl operators list -o wide\n  deskctl operators list -o name"
    )]
    List(list::OperatorsListArgs),
    /// Show one operator
    #[command(
        after_help = "Examples:\n  deskctl operators show alice\n  deskctl operators show alice -o json"
    )]
    Show(show::OperatorsShowArgs),
    /// Add an operator
    #[command(
        after_help = "Examples:\n  deskctl operators add alice --name 'Alice Smith' --email alice@example.com\n  deskctl operators add bob --name Bob --email bob@example.com --role manager \\\n      --team support --capacity 8"
    )]
    Add(add::OperatorsAddArgs),
    /// Change an operator
    #[command(
        after_help = "Examples:\n  deskctl operators set alice --role manager\n  deskctl operators set bob --add-team billing --remove-team support\n  deskctl operators set bob --no-capacity"
    )]
    Set(set::OperatorsSetArgs),
    /// Remove an operator, with their team memberships and tokens
    #[command(visible_alias = "rm")]
    #[command(
        after_help = "Their open and pending tickets are unassigned, or handed over with\n--reassign-to. Their resolved tickets keep them as assignee, the record of who\nhandled them (`tickets list --assignee HANDLE` still finds them); one reopened\nlater goes back to its team unassigned. Adding the handle again gives that\nhistory to the new operator: use a new handle for someone else.\n\nExamples:\n  deskctl operators remove bob\n  deskctl operators remove bob --reassign-to alice --yes"
    )]
    Remove(remove::OperatorsRemoveArgs),
    /// Set whether an operator takes new tickets
    #[command(
        after_help = "Examples:\n  deskctl operators availability alice online\n  deskctl operators availability bob away"
    )]
    Availability(availability::OperatorsAvailabilityArgs),
}

pub async fn dispatch(session: &Session, command: OperatorsCommand) -> CliResult {
    match command {
        OperatorsCommand::List(args) => list::cmd_operators_list(session, args).await,
        OperatorsCommand::Show(args) => show::cmd_operators_show(session, args).await,
        OperatorsCommand::Add(args) => add::cmd_operators_add(session, args).await,
        OperatorsCommand::Set(args) => set::cmd_operators_set(session, args).await,
        OperatorsCommand::Remove(args) => remove::cmd_operators_remove(session, args).await,
        OperatorsCommand::Availability(args) => {
            availability::cmd_operators_availability(session, args).await
        }
    }
}

pub(crate) fn role_parser() -> impl clap::builder::TypedValueParser<Value = Role> {
    super::wire_enum_parser(Role::NAMES)
}

pub(crate) fn availability_parser() -> impl clap::builder::TypedValueParser<Value = Availability> {
    super::wire_enum_parser(Availability::NAMES)
}

fn capacity_text(capacity: Option<u32>) -> String {
    capacity.map_or_else(|| "-".to_string(), |c| c.to_string())
}

impl Tabular for Operator {
    fn columns(wide: bool) -> Vec<&'static str> {
        let mut columns = vec!["HANDLE", "NAME", "EMAIL", "ROLE", "AVAILABILITY", "TEAMS"];
        if wide {
            columns.extend(["CAPACITY", "CREATED", "UPDATED"]);
        }
        columns
    }

    fn cells(&self, ui: &Ui, wide: bool) -> Vec<String> {
        let mut cells = vec![
            self.handle.clone(),
            self.name.clone(),
            self.email.clone(),
            self.role.to_string(),
            self.availability.to_string(),
            crate::ui::joined(&self.teams),
        ];
        if wide {
            cells.extend([
                capacity_text(self.capacity),
                ui.time(self.created_at),
                ui.time(self.updated_at),
            ]);
        }
        cells
    }

    fn name(&self) -> String {
        self.handle.clone()
    }

    fn fixed_columns() -> &'static [&'static str] {
        &[
            "HANDLE",
            "ROLE",
            "AVAILABILITY",
            "CAPACITY",
            "CREATED",
            "UPDATED",
        ]
    }
}

impl Detail for Operator {
    fn fields(&self, ui: &Ui) -> Vec<(&'static str, String)> {
        vec![
            ("Handle", self.handle.clone()),
            ("Name", self.name.clone()),
            ("Email", self.email.clone()),
            ("Role", self.role.to_string()),
            ("Availability", self.availability.to_string()),
            ("Teams", crate::ui::joined(&self.teams)),
            ("Capacity", capacity_text(self.capacity)),
            (
                "Signature",
                self.signature.clone().unwrap_or_else(|| "-".into()),
            ),
            ("Created", ui.time(self.created_at)),
            ("Updated", ui.time(self.updated_at)),
        ]
    }
}
