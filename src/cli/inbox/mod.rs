//! `deskctl inbox`: the live full-screen inbox (no subcommand), and `inbox
//! receive`, which takes one message from an MTA's pipe into the support inbox.

mod live;
mod receive;

use clap::{Args, Subcommand};

use super::Session;
use super::tickets::list::TicketFilterArgs;
use crate::api::TicketView;
use crate::error::CliResult;

pub use receive::InboxReceiveArgs;

#[derive(Debug, Args)]
#[command(
    after_long_help = "\
Views (mine, unassigned, all, resolved) are tabs with their counts; the list is
on the left, the selected ticket's timeline on the right. New tickets and
changes appear as they happen; the status line shows the target, your role and
the connection, which comes back by itself.

Keys (? shows them in the view):
  tab shift-tab h l  switch views         j k ↓ ↑  move
  PgDn PgUp  move a page                 g Home  first ticket
  G End  last ticket (reading every page)
  J K  scroll the timeline a page (newer, older)
  a  assign (operators with availability, teams and open load)
  t  take             r  reply (asks first, naming where it goes)
  n  internal note    o  take over from the AI (asks first)
  x  resolve          u  reopen           p  change priority
  f  filter by status, priority, channel, assignee, team or ticket fields
  /  search subjects and messages (as tickets list --search)
  F  clear filter and search               q Esc Ctrl-C  quit
  Ctrl-Z  suspend (fg resumes)
Each action is the call its command makes (tickets take, tickets reply…); what
the service refuses is said on the status line, with its reason, and nothing
changes. One that cannot reach the service is said not sent; one it did not
answer in time may have been made: check the ticket. On a protected context
every change is asked first. Only a ticket's assignee, a manager or an owner
may reply to its customer: r says so before anything is typed, and a reply
refused anyway stays in its box.

The filter flags are tickets list's, and start the filter f changes; each tab
lists its own view with it (an assignee leaves the unassigned tab empty).

Examples:
  deskctl inbox
  deskctl inbox --context prod
  deskctl inbox --team billing --priority urgent --view unassigned
  deskctl inbox receive < message.eml",
    args_conflicts_with_subcommands = true
)]
pub struct InboxArgs {
    #[command(subcommand)]
    pub command: Option<InboxCommand>,
    /// The tab to open on (default: mine for an operator, else unassigned)
    #[arg(long, value_parser = super::wire_enum_parser::<TicketView>(TicketView::NAMES))]
    pub view: Option<TicketView>,
    #[command(flatten)]
    pub filters: TicketFilterArgs,
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum InboxCommand {
    /// Take one email (RFC 5322, from stdin) into the support inbox: for an MTA's
    /// pipe transport
    #[command(
        after_help = "Examples:\n  deskctl inbox receive < message.eml\n  deskctl inbox receive --to help@example.com \\\n      < message.eml   # the envelope recipient (Postfix ${recipient})\n\nExit codes: 0 taken (a new ticket, a reply on one, or a duplicate), 65 malformed\nor refused mail (an MTA bounces it), 66 the message file or stdin cannot be\nread, 75 a temporary failure (an MTA tries again later)."
    )]
    Receive(InboxReceiveArgs),
}

pub async fn dispatch(session: &Session, args: InboxArgs) -> CliResult {
    match args.command {
        Some(InboxCommand::Receive(args)) => receive::cmd_inbox_receive(session, args).await,
        None => live::cmd_inbox(session, args.view, args.filters).await,
    }
}
