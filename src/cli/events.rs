//! `deskctl events`: the raw event stream as JSON Lines, one event a line, for
//! scripts; reconnects by itself and resumes where it was.

use std::io::Write;

use clap::Args;

use crate::cli::Session;
use crate::client::StreamItem;
use crate::error::CliResult;

#[derive(Debug, Args)]
#[command(after_long_help = "\
Each line is one event as GET /v1/events sends it (see docs/events.md): its id,
kind (ticket.created, ticket.assigned, ticket.message, ticket.note,
ticket.status, handoff, delivery, …), time, and the ticket after the change.
A line with kind `reset` means the place asked for is no longer kept: reload.
Connection changes are told on stderr; the stream reconnects by itself and
resumes after the last event printed (before any, where it started), so
nothing that changed meanwhile is missed. Stop it with Ctrl-C.

Examples:
  deskctl events
  deskctl events --after 1200 | jq -c 'select(.kind == \"handoff\")'
  deskctl events --context prod >> events.jsonl")]
pub struct EventsArgs {
    /// Start after this event id (default: with the next change)
    #[arg(long, value_name = "ID")]
    pub after: Option<u64>,
}

pub async fn cmd_events(session: &Session, args: EventsArgs) -> CliResult {
    let ui = &session.ui;
    let client = session.client().await?;
    let mut stream = client.events(args.after).await?;
    ui.info(&format!("Watching events on {}", client.target()));
    loop {
        match stream.next().await? {
            StreamItem::Event(event) => write_line(&*event)?,
            StreamItem::Reset(reset) => {
                ui.warn(&format!("{}: reload what you keep", reset.reason));
                write_line(&serde_json::json!({
                    "id": reset.id, "kind": crate::api::EVENT_RESET, "reason": reset.reason,
                }))?;
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
