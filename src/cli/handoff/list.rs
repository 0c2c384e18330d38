use clap::Args;

use crate::api::{Environment, HandoffOutcome, HandoffQuery};
use crate::cli::names::{Named, filters_exist};
use crate::cli::{Session, parse_instant, wire_enum_parser};
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct HandoffListArgs {
    /// Only handoffs from this environment
    #[arg(long = "env", value_name = "ENV",
        value_parser = wire_enum_parser::<Environment>(Environment::NAMES))]
    pub environment: Option<Environment>,
    /// Only handoffs from this agent
    #[arg(long, value_name = "KEY",
        value_parser = crate::cli::bounded_text(crate::api::name_problem))]
    #[arg(add = crate::cli::complete::agents())]
    pub agent: Option<String>,
    /// Only handoffs with this outcome
    #[arg(long, value_parser = wire_enum_parser::<HandoffOutcome>(HandoffOutcome::NAMES))]
    pub outcome: Option<HandoffOutcome>,
    /// Only handoffs received at or after this time (RFC 3339, a local date, `today`, or
    /// a time ago: `2h`, `3 days`)
    #[arg(long, value_name = "TIME", value_parser = parse_instant)]
    pub since: Option<jiff::Timestamp>,
    /// Only handoffs received before this time (same forms as --since)
    #[arg(long, value_name = "TIME", value_parser = parse_instant)]
    pub until: Option<jiff::Timestamp>,
    /// At most this many, newest first, 1 or more (default: 30 on a terminal,
    /// all when piped)
    #[arg(long, value_name = "N", conflicts_with = "all",
        value_parser = crate::cli::whole_number::<u32>(1, u32::MAX))]
    pub limit: Option<u32>,
    /// Every matching handoff
    #[arg(long)]
    pub all: bool,
}

pub async fn cmd_handoff_list(session: &Session, args: HandoffListArgs) -> CliResult {
    let client = session.client().await?;
    let limit = crate::cli::list_limit(args.limit, args.all, &session.ui);
    let mut query = HandoffQuery {
        environment: args.environment,
        agent: args.agent,
        outcome: args.outcome,
        since: args.since,
        until: args.until,
        limit: Some(limit.map_or(crate::api::MAX_PAGE_LIMIT, |n| {
            n.clamp(1, crate::api::MAX_PAGE_LIMIT)
        })),
        cursor: None,
    };
    let mut handoffs = Vec::new();
    let cut = loop {
        let page = client.list_handoffs(&query).await?;
        handoffs.extend(page.items);
        match page.next_cursor {
            Some(_) if limit.is_some_and(|n| handoffs.len() >= n as usize) => break true,
            Some(cursor) => query.cursor = Some(cursor),
            None => break false,
        }
    };
    handoffs.truncate(limit.map_or(usize::MAX, |n| n as usize));
    if handoffs.is_empty() {
        filters_exist(&client, &[(Named::Agent, query.agent.as_deref())]).await?;
    }
    session.ui.print_list(&handoffs, "handoffs")?;
    if cut {
        session.ui.info(&format!(
            "Showing the newest {}; pass --all for every one or --limit N for more",
            handoffs.len()
        ));
    }
    Ok(())
}
