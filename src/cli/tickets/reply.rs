use clap::Args;

use super::{BodyArgs, each_ticket};
use crate::api::{Channel, ReplyRequest};
use crate::cli::{Session, wire_enum_parser};
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct TicketsReplyArgs {
    /// The ticket's number
    #[arg(add = crate::cli::complete::tickets())]
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
    let client = session
        .destroyer(&format!(
            "send this reply to the customer of ticket {}",
            args.number
        ))
        .await?;
    let reply = ReplyRequest {
        body: text,
        channel: args.channel,
    };
    each_ticket(
        session,
        &client,
        &[args.number],
        "Replied on",
        async |client, number| client.reply_ticket(number, &reply).await,
    )
    .await
}
