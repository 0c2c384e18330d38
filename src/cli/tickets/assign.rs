use clap::Args;

use super::{Done, each_ticket_or_skip};
use crate::api::{AssignRequest, Ticket, TicketStatus};
use crate::cli::Session;
use crate::cli::names::{Named, missing};
use crate::error::{CliError, CliResult};

#[derive(Debug, Args)]
pub struct TicketsAssignArgs {
    /// Ticket numbers
    #[arg(required = true, value_name = "NUMBER", value_parser = crate::cli::parse_ticket_number)]
    #[arg(add = crate::cli::complete::tickets())]
    pub numbers: Vec<u64>,
    /// The operator to assign them to
    // One of --to, --me and --team is needed: checked after parsing
    // ([`TicketsAssignArgs::missing`]), as a required group would make the
    // usage line wider than a terminal.
    #[arg(long, value_name = "HANDLE", conflicts_with = "me")]
    #[arg(add = crate::cli::complete::operators())]
    pub to: Option<String>,
    /// Assign them to yourself (the token's operator); for an operator, as
    /// `tickets take` does
    #[arg(long)]
    pub me: bool,
    /// Move them to this team; without --to, an assignee outside it is
    /// unassigned, so the team picks them up
    #[arg(long, value_name = "KEY")]
    #[arg(add = crate::cli::complete::teams())]
    pub team: Option<String>,
    /// Assign even when the operator is not online, has no room under their
    /// capacity, or is not in the ticket's team
    #[arg(long)]
    pub force: bool,
}

impl TicketsAssignArgs {
    /// What is missing when none of --to, --me and --team says what to do.
    pub(crate) fn missing(&self) -> Option<&'static str> {
        (self.to.is_none() && !self.me && self.team.is_none())
            .then_some("one of --to HANDLE, --me or --team KEY is needed")
    }
}

/// "assign ticket 10042 to bob in team tech": what the command does, for
/// its confirmation and its status lines.
fn describe(numbers: &[u64], to: Option<&str>, team: Option<&str>) -> String {
    let tickets = match numbers {
        [one] => format!("ticket {one}"),
        many => format!("{} tickets", many.len()),
    };
    match (to, team) {
        (Some(to), None) => format!("assign {tickets} to {to}"),
        (Some(to), Some(team)) => format!("assign {tickets} to {to} in team {team}"),
        (None, Some(team)) => format!("move {tickets} to team {team}"),
        (None, None) => format!("assign {tickets}"),
    }
}

/// Why assigning `ticket` as asked changes nothing, if it does not.
fn already(ticket: &Ticket, to: Option<&str>, team: Option<&str>) -> Option<String> {
    let same_assignee = to.is_none_or(|to| ticket.assignee.as_deref() == Some(to));
    let same_team = team.is_none_or(|team| ticket.team.as_deref() == Some(team));
    if ticket.status == TicketStatus::Resolved || !same_assignee || !same_team {
        return None;
    }
    let number = ticket.number;
    Some(match (to, team) {
        (Some(to), None) => format!("ticket {number} is already assigned to {to}"),
        (Some(to), Some(team)) => {
            format!("ticket {number} is already assigned to {to} in team {team}")
        }
        (None, _) => format!("ticket {number} is already in team {}", team.unwrap_or("-")),
    })
}

pub async fn cmd_tickets_assign(session: &Session, args: TicketsAssignArgs) -> CliResult {
    let whom = args.to.as_deref().or(args.me.then_some("yourself"));
    let what = describe(&args.numbers, whom, args.team.as_deref());
    let client = session.bulk_writer(&what, args.numbers.len()).await?;
    let to = match (args.to, args.me) {
        (Some(handle), _) => Some(handle),
        (None, true) => Some(client.me().await?.operator.ok_or_else(|| {
            CliError::usage("--me needs an operator token; the local desk acts as its owner")
                .with_hint("pass --to HANDLE")
        })?),
        (None, false) => None,
    };
    let request = AssignRequest {
        to: to.clone(),
        team: args.team.clone(),
        force: args.force,
        expect_assignee: None,
    };
    let done = match (&to, &args.team) {
        (Some(to), None) => format!("Assigned to {to}:"),
        (Some(to), Some(team)) => format!("Assigned to {to} in team {team}:"),
        (None, team) => format!("Moved to team {}:", team.as_deref().unwrap_or("-")),
    };
    // Already so is no change: it is said, and the command succeeds, as for
    // `resolve` (the service records nothing for it either).
    let assigned = each_ticket_or_skip(
        session,
        &client,
        &args.numbers,
        &done,
        async |client, number| {
            // A ticket you may not read (an operator's --me on one someone
            // holds) is left to the service to refuse in its own words, as
            // `tickets take` leaves it.
            if let Ok(detail) = client.get_ticket(number).await
                && let Some(why) = already(&detail.ticket, to.as_deref(), args.team.as_deref())
            {
                return Ok(Done::Already(why));
            }
            client
                .assign_ticket(number, &request)
                .await
                .map(Done::changed)
        },
    )
    .await;
    // Every ticket fails alike for a mistyped handle or key: say so once,
    // with the nearest name, and exit 5.
    if assigned.is_err() {
        let named = [(Named::Operator, &to), (Named::Team, &args.team)];
        for (kind, name) in named {
            if let Some(name) = name
                && let Some(missing) = missing(&client, kind, name).await
            {
                return Err(missing);
            }
        }
    }
    assigned
}
