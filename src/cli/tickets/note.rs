use clap::Args;

use super::{BodyArgs, Done, each_ticket};
use crate::cli::Session;
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct TicketsNoteArgs {
    /// The ticket's number
    #[arg(add = crate::cli::complete::tickets())]
    #[arg(value_parser = crate::cli::parse_ticket_number)]
    pub number: u64,
    #[command(flatten)]
    pub body: BodyArgs,
}

pub async fn cmd_tickets_note(session: &Session, args: TicketsNoteArgs) -> CliResult {
    let text = args.body.read(session, "note")?;
    let client = session
        .writer(&format!("add a note to ticket {}", args.number))
        .await?;
    each_ticket(
        session,
        &client,
        args.number,
        "Added a note to",
        async |client, number| client.note_ticket(number, &text).await.map(Done::changed),
    )
    .await
}
