//! `deskctl fields`: ticket fields, set from context keys with the same key.

mod add;
mod list;
mod remove;
mod set;
mod show;

use clap::Subcommand;

use super::Session;
use crate::api::TicketField;
use crate::error::CliResult;
use crate::ui::{Detail, Tabular, Ui};

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum FieldsCommand {
    /// List ticket fields
    #[command(visible_alias = "ls")]
    #[command(after_help = "Examples:\n  deskctl fields list")]
    List(list::FieldsListArgs),
    /// Show one ticket field
    #[command(after_help = "Examples:\n  deskctl fields show order-id")]
    Show(show::FieldsShowArgs),
    /// Add a ticket field
    #[command(
        after_help = "Examples:\n  deskctl fields add order-id --name 'Order ID' --type text\n  deskctl fields add plan --name Plan --type dropdown --option free \\\n      --option gold"
    )]
    Add(add::FieldsAddArgs),
    /// Rename a field or replace a dropdown's options
    #[command(
        after_help = "Examples:\n  deskctl fields set plan --option free --option gold --option platinum\n  deskctl fields set order-id --name 'Order number'"
    )]
    Set(set::FieldsSetArgs),
    /// Remove a ticket field
    #[command(visible_alias = "rm")]
    #[command(after_help = "Examples:\n  deskctl fields remove order-id")]
    Remove(remove::FieldsRemoveArgs),
}

pub async fn dispatch(session: &Session, command: FieldsCommand) -> CliResult {
    match command {
        FieldsCommand::List(args) => list::cmd_fields_list(session, args).await,
        FieldsCommand::Show(args) => show::cmd_fields_show(session, args).await,
        FieldsCommand::Add(args) => add::cmd_fields_add(session, args).await,
        FieldsCommand::Set(args) => set::cmd_fields_set(session, args).await,
        FieldsCommand::Remove(args) => remove::cmd_fields_remove(session, args).await,
    }
}

impl Tabular for TicketField {
    fn columns(wide: bool) -> Vec<&'static str> {
        let mut columns = vec!["KEY", "NAME", "TYPE", "OPTIONS"];
        if wide {
            columns.push("CREATED");
        }
        columns
    }

    fn cells(&self, ui: &Ui, wide: bool) -> Vec<String> {
        let mut cells = vec![
            self.key.clone(),
            self.name.clone(),
            self.field_type.to_string(),
            crate::ui::joined(&self.options),
        ];
        if wide {
            cells.push(ui.time(self.created_at));
        }
        cells
    }

    fn name(&self) -> String {
        self.key.clone()
    }
}

impl Detail for TicketField {
    fn fields(&self, ui: &Ui) -> Vec<(&'static str, String)> {
        vec![
            ("Key", self.key.clone()),
            ("Name", self.name.clone()),
            ("Type", self.field_type.to_string()),
            ("Options", crate::ui::joined(&self.options)),
            ("Created", ui.time(self.created_at)),
            ("Updated", ui.time(self.updated_at)),
        ]
    }
}
