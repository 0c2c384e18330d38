//! `deskctl requesters`: customers as staff see them. One verb, one file.

use clap::{Args, Subcommand};

use super::Session;
use crate::api::RequesterTicket;
use crate::error::CliResult;
use crate::ui::{Tabular, Ui};

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum RequestersCommand {
    /// A customer's open and closed tickets with their status, newest first (as
    /// the chat widget's "View tickets" shows them)
    #[command(
        after_help = "Examples:\n  deskctl requesters tickets dana@example.com\n  deskctl requesters tickets cust-42 -o json"
    )]
    Tickets(RequestersTicketsArgs),
}

#[derive(Debug, Args)]
pub struct RequestersTicketsArgs {
    /// The customer's email address or external id
    #[arg(value_name = "EMAIL|ID")]
    pub requester: String,
}

pub async fn dispatch(session: &Session, command: RequestersCommand) -> CliResult {
    match command {
        RequestersCommand::Tickets(args) => cmd_requesters_tickets(session, args).await,
    }
}

pub async fn cmd_requesters_tickets(session: &Session, args: RequestersTicketsArgs) -> CliResult {
    let client = session.client().await?;
    let tickets = client.requester_tickets(args.requester.trim()).await?;
    session.ui.print_list(&tickets, "tickets")
}

impl Tabular for RequesterTicket {
    fn columns(_wide: bool) -> Vec<&'static str> {
        vec!["NUMBER", "STATUS", "SUBJECT", "CREATED", "LAST ACTIVITY"]
    }

    fn cells(&self, ui: &Ui, _wide: bool) -> Vec<String> {
        vec![
            self.number.to_string(),
            self.status.to_string(),
            self.subject.clone(),
            ui.instant(self.created_at),
            ui.instant(self.last_activity_at),
        ]
    }

    fn name(&self) -> String {
        self.number.to_string()
    }
}
