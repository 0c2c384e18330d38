use clap::Args;

use super::{BodyArgs, Done, each_ticket};
use crate::api::{Channel, ReplyRequest};
use crate::cli::{Session, wire_enum_parser};
use crate::domain::reply::{destination, reply_channel};
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct TicketsReplyArgs {
    /// The ticket's number
    #[arg(add = crate::cli::complete::tickets())]
    #[arg(value_parser = crate::cli::parse_ticket_number)]
    pub number: u64,
    #[command(flatten)]
    pub body: BodyArgs,
    /// Send on this channel instead of the one chosen (the live chat once taken
    /// over, else email when an address is on file)
    #[arg(long, value_parser = wire_enum_parser::<Channel>(Channel::NAMES))]
    pub channel: Option<Channel>,
}

/// The customer sees a reply: it is confirmed on a terminal, or needs --yes.
pub async fn cmd_tickets_reply(session: &Session, args: TicketsReplyArgs) -> CliResult {
    let text = args.body.read(session, "reply")?;
    let client = session.client().await?;
    let ticket = client.get_ticket(args.number).await?.ticket;
    // Where it goes, as the service will decide it; when there is no way to
    // reach the customer the service says why, and nothing is asked.
    let how = reply_channel(
        ticket.channel,
        ticket.ai_paused,
        ticket.requester.email.is_some(),
        args.channel,
    )
    .ok()
    .map(|channel| destination(&ticket, channel));
    if let Some(how) = &how {
        session.confirm_change(&format!("Send this reply {how} on ticket {}", args.number))?;
    }
    let reply = ReplyRequest {
        body: text,
        channel: args.channel,
    };
    let done = match &how {
        Some(how) => format!("Replied {how} on"),
        None => "Replied on".to_string(),
    };
    each_ticket(
        session,
        &client,
        args.number,
        &done,
        async |client, number| client.reply_ticket(number, &reply).await.map(Done::changed),
    )
    .await
}
