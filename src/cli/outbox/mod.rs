//! `deskctl outbox`: what the desk sends — replies by email and to live chats,
//! takeovers, owners' notices — with each message's state, attempts and last
//! error, and a way to send a dead one again.

mod list;
mod retry;
mod show;

pub(crate) use retry::retry_messages;

use clap::Subcommand;

use super::Session;
use crate::api::{OutboxMessage, OutboxState};
use crate::error::CliResult;
use crate::ui::{Detail, Tabular, Ui};

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum OutboxCommand {
    /// List outbound messages, newest first
    #[command(visible_alias = "ls")]
    #[command(
        after_help = "Examples:\n  deskctl outbox list\n  deskctl outbox list --state dead --kind email\n  deskctl outbox list --ticket 10042"
    )]
    List(list::OutboxListArgs),
    /// Show one outbound message and what it says
    #[command(
        after_help = "Examples:\n  deskctl outbox show 42\n  deskctl outbox show msg_1c1df25a00e2"
    )]
    Show(show::OutboxShowArgs),
    /// Queue dead messages again (or try pending ones now)
    #[command(
        after_help = "Examples:\n  deskctl outbox retry 42\n  deskctl outbox list --state dead -o name | xargs -r deskctl outbox retry"
    )]
    Retry(retry::OutboxRetryArgs),
}

pub async fn dispatch(session: &Session, command: OutboxCommand) -> CliResult {
    match command {
        OutboxCommand::List(args) => list::cmd_outbox_list(session, args).await,
        OutboxCommand::Show(args) => show::cmd_outbox_show(session, args).await,
        OutboxCommand::Retry(args) => retry::cmd_outbox_retry(session, args).await,
    }
}

/// The longest last error a terminal table shows; piped output has it whole.
const ERROR_WIDTH: usize = 60;

fn shorten(text: &str, ui: &Ui) -> String {
    if !ui.stdout_tty || text.chars().count() <= ERROR_WIDTH {
        return text.to_string();
    }
    let cut: String = text.chars().take(ERROR_WIDTH - 1).collect();
    format!("{cut}…")
}

/// When it was delivered, when it is tried next (and what it waits for
/// until then), or that it is dead.
pub(crate) fn when(message: &OutboxMessage, ui: &Ui) -> String {
    match (message.state, message.next_attempt_at, message.delivered_at) {
        (OutboxState::Pending, Some(at), _) => match message.waiting_for {
            Some(other) => format!("next {}, after {other}", ui.time(at)),
            None => format!("next {}", ui.time(at)),
        },
        (OutboxState::Delivered, _, Some(at)) => ui.time(at),
        _ => "-".into(),
    }
}

/// The message a pending one waits for, and why: its ticket's messages to
/// one destination go out in the order they were queued.
fn waits_for(message: &OutboxMessage) -> Option<String> {
    let other = message.waiting_for?;
    let why = if other < message.id {
        "queued earlier to the same destination"
    } else {
        // A dead message queued again by hand waits for the attempt at a
        // later one that was already under way.
        "queued later to the same destination, being sent now"
    };
    Some(format!("message {other} ({why})"))
}

impl Tabular for OutboxMessage {
    fn columns(wide: bool) -> Vec<&'static str> {
        let mut columns = vec![
            "ID",
            "STATE",
            "KIND",
            "TICKET",
            "ATTEMPTS",
            "WHEN",
            "DESCRIPTION",
            "LAST ERROR",
        ];
        if wide {
            columns.push("CREATED");
        }
        columns
    }

    fn cells(&self, ui: &Ui, wide: bool) -> Vec<String> {
        let mut cells = vec![
            self.id.to_string(),
            self.state.to_string(),
            self.kind.to_string(),
            self.ticket.map_or("-".into(), |n| n.to_string()),
            self.attempts.to_string(),
            when(self, ui),
            self.description.clone(),
            self.last_error.as_deref().map_or("-".into(), |e| {
                if wide { e.to_string() } else { shorten(e, ui) }
            }),
        ];
        if wide {
            cells.push(ui.time(self.created_at));
        }
        cells
    }

    fn name(&self) -> String {
        self.id.to_string()
    }

    fn fixed_columns() -> &'static [&'static str] {
        &[
            "ID", "STATE", "KIND", "TICKET", "ATTEMPTS", "WHEN", "CREATED",
        ]
    }
}

impl Detail for OutboxMessage {
    fn fields(&self, ui: &Ui) -> Vec<(&'static str, String)> {
        let mut fields = vec![
            ("ID", self.id.to_string()),
            ("State", self.state.to_string()),
            ("Kind", self.kind.to_string()),
            ("Ticket", self.ticket.map_or("-".into(), |n| n.to_string())),
            ("Description", self.description.clone()),
            ("Attempts", self.attempts.to_string()),
            (
                "Next attempt",
                self.next_attempt_at.map_or("-".into(), |at| ui.instant(at)),
            ),
        ];
        if let Some(waits) = waits_for(self) {
            fields.push(("Waits for", waits));
        }
        fields.extend([
            (
                "Last error",
                self.last_error.clone().unwrap_or_else(|| "-".into()),
            ),
            ("Created", ui.instant(self.created_at)),
            (
                "Delivered",
                self.delivered_at.map_or("-".into(), |at| ui.instant(at)),
            ),
            (
                "Message",
                serde_json::to_string_pretty(&self.payload).expect("JSON values serialize"),
            ),
        ]);
        fields
    }
}
