//! `deskctl inbox`: the support inbox from the command line. `inbox receive`
//! takes one message from an MTA's pipe; `deskctl inbox` with no subcommand is
//! left free for the full-screen triage view.

mod receive;

use clap::{Args, Subcommand};

use super::Session;
use crate::error::{CliError, CliResult};

pub use receive::InboxReceiveArgs;

#[derive(Debug, Args)]
pub struct InboxArgs {
    #[command(subcommand)]
    pub command: Option<InboxCommand>,
}

#[derive(Debug, Subcommand)]
pub enum InboxCommand {
    /// Take one email (RFC 5322, from stdin) into the support inbox: for an MTA's
    /// pipe transport
    #[command(
        after_help = "Examples:\n  deskctl inbox receive < message.eml\n  deskctl inbox receive --to help@example.com < message.eml   # the envelope recipient (Postfix ${recipient})\n\nExit codes: 0 taken (a new ticket, a reply on one, or a duplicate), 65 malformed or\nrefused mail (an MTA bounces it), 75 a temporary failure (an MTA tries again later)."
    )]
    Receive(InboxReceiveArgs),
}

pub async fn dispatch(session: &Session, args: InboxArgs) -> CliResult {
    match args.command {
        Some(InboxCommand::Receive(args)) => receive::cmd_inbox_receive(session, args).await,
        None => Err(
            CliError::usage("`deskctl inbox` needs a subcommand").with_hint(
                "deskctl inbox receive < message.eml takes one email into the support inbox",
            ),
        ),
    }
}
