use clap::Args;
use jiff::Timestamp;

use crate::api::AtQuery;
use crate::cli::{Session, parse_instant};
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct HoursCheckArgs {
    /// The moment to check (default now): RFC 3339 (`2026-03-29T07:30:00Z`), a
    /// local date and time in your time zone (`2026-03-29T09:30`; one the clocks
    /// skip or repeat is refused), or a time ago (`2h`)
    #[arg(long, value_name = "TIME", value_parser = parse_instant)]
    pub at: Option<Timestamp>,
}

pub async fn cmd_hours_check(session: &Session, args: HoursCheckArgs) -> CliResult {
    let client = session.client().await?;
    let check = client
        .check_business_hours(&AtQuery {
            at: args.at.map(|at| at.to_string()),
        })
        .await?;
    session.ui.print_item(&check)
}
