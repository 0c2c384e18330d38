use clap::Args;

use crate::api::{RemoveTeamQuery, TicketCountBy, TicketCountQuery, TicketQuery};
use crate::cli::Session;
use crate::cli::names::{Named, OrSuggest, must_exist};
use crate::domain::tickets::tickets_left_behind;
use crate::error::{CliError, CliResult, ExitKind};

#[derive(Debug, Args)]
pub struct TeamsRemoveArgs {
    /// The team's key
    #[arg(add = crate::cli::complete::teams())]
    pub key: String,
    /// Move its open and pending tickets to this team (needed when it has
    /// any, unless it is the last team); each ticket's timeline says so
    #[arg(long, value_name = "KEY", add = crate::cli::complete::teams())]
    pub move_to: Option<String>,
}

/// "3 open tickets" and what becomes of them, for the confirmation.
fn tickets_phrase(count: u64, move_to: Option<&str>) -> String {
    let tickets = match count {
        1 => "1 open ticket".to_string(),
        n => format!("{n} open tickets"),
    };
    match (count, move_to) {
        (0, _) => "no open tickets".into(),
        (_, Some(to)) => format!("{tickets}, moved to {to}"),
        (_, None) => format!("{tickets}, left without a team"),
    }
}

pub async fn cmd_teams_remove(session: &Session, args: TeamsRemoveArgs) -> CliResult {
    // Counted before asking, so the question names what the removal does,
    // and a removal the service would refuse is refused before it.
    let client = session.client().await?;
    must_exist(&client, Named::Team, &args.key).await?;
    if let Some(to) = &args.move_to {
        must_exist(&client, Named::Team, to).await?;
    }
    let open = client
        .count_tickets(&TicketCountQuery::filtered(
            TicketCountBy::Status,
            TicketQuery {
                team: Some(args.key.clone()),
                ..TicketQuery::default()
            },
        ))
        .await?
        .open_or_pending();
    let others = client.list_teams().await?.len().saturating_sub(1);
    if let Some(why) = tickets_left_behind(&args.key, open, args.move_to.as_deref(), others) {
        return Err(CliError::new(ExitKind::Conflict, why).with_hint(format!(
            "name it with `deskctl teams remove {} --move-to TEAM`",
            args.key
        )));
    }
    session.confirm_change(&format!(
        "remove team {} ({})",
        args.key,
        tickets_phrase(open, args.move_to.as_deref())
    ))?;
    let mut names = vec![(Named::Team, args.key.as_str())];
    names.extend(args.move_to.iter().map(|to| (Named::Team, to.as_str())));
    let removed = client
        .delete_team(
            &args.key,
            &RemoveTeamQuery {
                move_to: args.move_to.clone(),
            },
        )
        .await
        .or_suggest(&client, &names)
        .await?;
    session.ui.success(&format!(
        "Removed team {} ({})",
        removed.key,
        tickets_phrase(removed.open_tickets, removed.moved_to.as_deref())
    ));
    Ok(())
}
