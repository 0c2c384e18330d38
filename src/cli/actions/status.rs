use clap::Args;
use jiff::Timestamp;

use crate::api::HandoverStatusQuery;
use crate::cli::names::{Named, OrSuggest};
use crate::cli::{Session, parse_instant};
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct ActionsStatusArgs {
    /// The agent's key
    #[arg(add = crate::cli::complete::agents())]
    pub agent: String,
    /// Messages exchanged so far (default: the action's threshold)
    #[arg(long, value_name = "N", value_parser = crate::cli::whole_number::<u32>(0, u32::MAX))]
    pub messages: Option<u32>,
    /// The moment to check: RFC 3339 (`2026-03-29T07:30:00Z`) or a local date and
    /// time in your time zone (`2026-03-29T09:30`); default now
    #[arg(long, value_name = "TIME", value_parser = parse_instant)]
    pub at: Option<Timestamp>,
}

pub async fn cmd_actions_status(session: &Session, args: ActionsStatusArgs) -> CliResult {
    let client = session.client().await?;
    let status = client
        .handover_status(
            &args.agent,
            &HandoverStatusQuery {
                messages: args.messages,
                at: args.at.map(|at| at.to_string()),
            },
        )
        .await
        .or_suggest(&client, &[(Named::Agent, &args.agent)])
        .await?;
    session.ui.print_item(&status)
}
