use clap::Args;

use crate::api::{RemoveOperatorQuery, TicketCountBy, TicketCountQuery};
use crate::cli::Session;
use crate::cli::names::{Named, OrSuggest, must_exist};
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct OperatorsRemoveArgs {
    /// The operator's handle
    #[arg(add = crate::cli::complete::operators())]
    pub handle: String,
    /// Hand their open and pending tickets to this operator (without it they
    /// are left unassigned; either way each ticket's timeline says so)
    #[arg(long, value_name = "HANDLE", add = crate::cli::complete::operators())]
    pub reassign_to: Option<String>,
    /// Hand them over even when that operator is not online, has no room
    /// under their capacity, or is not in the tickets' teams
    #[arg(long, requires = "reassign_to")]
    pub force: bool,
}

/// "3 open tickets" and what becomes of them, for the confirmation.
fn tickets_phrase(count: u64, reassign_to: Option<&str>) -> String {
    let tickets = match count {
        1 => "1 open ticket".to_string(),
        n => format!("{n} open tickets"),
    };
    match (count, reassign_to) {
        (0, _) => "no open tickets".into(),
        (_, Some(to)) => format!("{tickets}, handed to {to}"),
        (_, None) => format!("{tickets}, left unassigned"),
    }
}

pub async fn cmd_operators_remove(session: &Session, args: OperatorsRemoveArgs) -> CliResult {
    // Counted before asking, so the question names what the removal does.
    let reader = session.client().await?;
    let counts = reader
        .count_tickets(&TicketCountQuery {
            by: TicketCountBy::Status,
            view: None,
            status: None,
            priority: None,
            assignee: Some(args.handle.clone()),
            team: None,
            channel: None,
            agent: None,
            requester: None,
            q: None,
            created_since: None,
            updated_since: None,
            field: Vec::new(),
        })
        .await
        .or_suggest(&reader, &[(Named::Operator, &args.handle)])
        .await?;
    let open = counts.open_or_pending();
    if let Some(to) = &args.reassign_to {
        must_exist(&reader, Named::Operator, to).await?;
    }
    session.confirm_change(&format!(
        "remove operator {} with their tokens ({})",
        args.handle,
        tickets_phrase(open, args.reassign_to.as_deref())
    ))?;
    let client = reader;
    let mut names = vec![(Named::Operator, args.handle.as_str())];
    names.extend(
        args.reassign_to
            .iter()
            .map(|to| (Named::Operator, to.as_str())),
    );
    let removed = client
        .delete_operator(
            &args.handle,
            &RemoveOperatorQuery {
                reassign_to: args.reassign_to.clone(),
                force: args.force,
            },
        )
        .await
        .or_suggest(&client, &names)
        .await?;
    session.ui.success(&format!(
        "Removed operator {} ({})",
        removed.handle,
        tickets_phrase(removed.open_tickets, removed.reassigned_to.as_deref())
    ));
    Ok(())
}
