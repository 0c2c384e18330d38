use clap::Args;

use super::{Done, each_ticket_or_skip};
use crate::api::TicketStatus;
use crate::cli::Session;
use crate::cli::names::{Named, missing};
use crate::error::{CliError, CliResult};

#[derive(Debug, Args)]
pub struct TicketsAssignArgs {
    /// Ticket numbers
    #[arg(required = true, value_name = "NUMBER")]
    #[arg(add = crate::cli::complete::tickets())]
    pub numbers: Vec<u64>,
    /// The operator to assign them to
    #[arg(
        long,
        value_name = "HANDLE",
        required_unless_present = "me",
        conflicts_with = "me"
    )]
    #[arg(add = crate::cli::complete::operators())]
    pub to: Option<String>,
    /// Assign them to yourself (the token's operator)
    #[arg(long)]
    pub me: bool,
    /// Assign even when the operator is not online, has no room under their
    /// capacity, or is not in the ticket's team
    #[arg(long)]
    pub force: bool,
}

pub async fn cmd_tickets_assign(session: &Session, args: TicketsAssignArgs) -> CliResult {
    let what = match (args.numbers.as_slice(), &args.to) {
        ([one], Some(to)) => format!("assign ticket {one} to {to}"),
        ([one], None) => format!("assign ticket {one} to yourself"),
        (many, Some(to)) => format!("assign {} tickets to {to}", many.len()),
        (many, None) => format!("assign {} tickets to yourself", many.len()),
    };
    let client = session.bulk_writer(&what, args.numbers.len()).await?;
    let to = match args.to {
        Some(handle) => handle,
        None => client.me().await?.operator.ok_or_else(|| {
            CliError::usage("--me needs an operator token; the local desk acts as its owner")
                .with_hint("pass --to HANDLE")
        })?,
    };
    let done = format!("Assigned to {to}:");
    // Already theirs is no change: it is said, and the command succeeds, as
    // for `resolve` (the service records nothing for it either).
    let assigned = each_ticket_or_skip(
        session,
        &client,
        &args.numbers,
        &done,
        async |client, number| {
            let ticket = client.get_ticket(number).await?.ticket;
            if ticket.assignee.as_ref() == Some(&to) && ticket.status != TicketStatus::Resolved {
                return Ok(Done::Already(format!(
                    "ticket {number} is already assigned to {to}"
                )));
            }
            client
                .assign_ticket(number, &to, args.force)
                .await
                .map(|t| Done::Changed(t.number))
        },
    )
    .await;
    // Every ticket fails alike for a mistyped handle: say so once, with the
    // nearest name, and exit 5.
    if assigned.is_err()
        && let Some(missing) = missing(&client, Named::Operator, &to).await
    {
        return Err(missing);
    }
    assigned
}
