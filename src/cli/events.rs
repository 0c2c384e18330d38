//! `deskctl events`: the raw event stream, one event a line: JSON Lines for
//! scripts, a row per event for people on a terminal; reconnects by itself
//! and resumes where it was.

use std::io::Write;

use clap::Args;

use crate::api::{Event, EventKind};
use crate::cli::Session;
use crate::client::StreamItem;
use crate::error::CliResult;
use crate::ui::{OutputFormat, Tabular, Ui};

#[derive(Debug, Args)]
#[command(after_long_help = "\
Each line is one event as GET /v1/events sends it (see docs/events.md): its id,
kind (ticket.created, ticket.assigned, ticket.message, ticket.note,
ticket.status, handoff, delivery, …), time, and the ticket after the change.
A line with kind `reset` means the place asked for is no longer kept: reload.
On a terminal the table format prints a row per event for people (id, time,
kind, ticket, what happened); piped, and with -o jsonl, every event is a JSON
line; -o name prints event ids. -o json and -o yaml are refused: a stream of
changes is never one document.
Connection changes are told on stderr; the stream reconnects by itself and
resumes after the last event printed (before any, where it started), so
nothing that changed meanwhile is missed. Stop it with Ctrl-C.

Examples:
  deskctl events
  deskctl events --after 1200 | jq -c 'select(.kind == \"handoff\")'
  deskctl events --context prod >> events.jsonl")]
pub struct EventsArgs {
    /// Start after this event id (default: with the next change)
    #[arg(long, value_name = "ID", value_parser = crate::cli::whole_number::<u64>(0, u64::MAX))]
    pub after: Option<u64>,
}

pub async fn cmd_events(session: &Session, args: EventsArgs) -> CliResult {
    let ui = &session.ui;
    ui.streamable("events")?;
    // Piped, the table format is the JSON lines scripts read
    // (`deskctl events | jq`), as it always was: rows are for people.
    let json_lines = match ui.format {
        OutputFormat::Table | OutputFormat::Wide => !ui.stdout_tty,
        format => format == OutputFormat::Jsonl,
    };
    let client = session.client().await?;
    let mut stream = client.events(args.after).await?;
    ui.info(&format!("Watching events on {}", client.target()));
    let closed = crate::ui::stdout_closed();
    tokio::pin!(closed);
    loop {
        let item = tokio::select! {
            item = stream.next() => item?,
            () = &mut closed => return Ok(()),
        };
        match item {
            StreamItem::Event(event) if json_lines => write_line(&*event)?,
            StreamItem::Event(event) => ui.print_update(&*event)?,
            StreamItem::Reset(reset) => {
                ui.warn(&format!("{}: reload what you keep", reset.reason));
                if json_lines {
                    write_line(&serde_json::json!({
                        "id": reset.id, "kind": crate::api::EVENT_RESET, "reason": reset.reason,
                    }))?;
                }
            }
            StreamItem::Connected => ui.info("Reconnected"),
            StreamItem::Disconnected { reason, retry_in } => ui.warn(&format!(
                "{reason}; reconnecting in {} s",
                retry_in.as_secs_f32()
            )),
        }
    }
}

fn write_line<T: serde::Serialize>(value: &T) -> CliResult {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer(&mut out, value).map_err(std::io::Error::from)?;
    writeln!(out)?;
    out.flush()?;
    Ok(())
}

impl Tabular for Event {
    fn columns(_wide: bool) -> Vec<&'static str> {
        vec!["ID", "AT", "KIND", "TICKET", "WHAT"]
    }

    fn cells(&self, ui: &Ui, _wide: bool) -> Vec<String> {
        vec![
            self.id.to_string(),
            ui.instant(self.at),
            self.kind.to_string(),
            self.ticket_number
                .map_or_else(|| "-".to_string(), |n| n.to_string()),
            what_happened(self),
        ]
    }

    fn name(&self) -> String {
        self.id.to_string()
    }

    fn fixed_columns() -> &'static [&'static str] {
        &["ID", "AT", "KIND", "TICKET"]
    }
}

/// An event in a few words: what the handoff, delivery or platform did, or
/// else the ticket's subject.
fn what_happened(event: &Event) -> String {
    if let Some(handoff) = &event.handoff {
        return format!(
            "handoff {} from {}: {}",
            handoff.id, handoff.agent, handoff.outcome
        );
    }
    if let Some(delivery) = &event.delivery {
        let mut text = format!("{}: {}", delivery.description, delivery.state);
        if let Some(error) = &delivery.error {
            text.push_str(&format!(" ({error})"));
        }
        return text;
    }
    if let Some(external) = &event.external {
        return format!(
            "{} ticket {}: {} → {}",
            external.kind.title(),
            external.id.as_deref().unwrap_or("-"),
            external.previous,
            external.status
        );
    }
    match &event.ticket {
        Some(ticket) => ticket.subject.clone(),
        None if event.kind == EventKind::TicketHidden => "no longer yours to see".to_string(),
        None => "-".to_string(),
    }
}
