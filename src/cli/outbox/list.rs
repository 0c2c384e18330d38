use clap::Args;

use crate::api::{OutboxKind, OutboxQuery, OutboxState};
use crate::cli::{Session, wire_enum_parser};
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct OutboxListArgs {
    /// Only messages in this state
    #[arg(long, value_parser = wire_enum_parser::<OutboxState>(OutboxState::NAMES))]
    pub state: Option<OutboxState>,
    /// Only messages of this kind
    #[arg(long, value_parser = wire_enum_parser::<OutboxKind>(OutboxKind::NAMES))]
    pub kind: Option<OutboxKind>,
    /// Only messages about this ticket
    #[arg(long, value_name = "NUMBER", value_parser = crate::cli::parse_ticket_number)]
    pub ticket: Option<u64>,
    /// At most this many (newest first)
    #[arg(long, value_name = "N", default_value_t = 50, conflicts_with = "all",
        value_parser = crate::cli::whole_number::<u32>(1, u32::MAX))]
    pub limit: u32,
    /// Every matching message
    #[arg(long)]
    pub all: bool,
}

pub async fn cmd_outbox_list(session: &Session, args: OutboxListArgs) -> CliResult {
    let client = session.client().await?;
    let limit = args.limit.clamp(1, crate::api::MAX_PAGE_LIMIT);
    let mut query = OutboxQuery {
        state: args.state,
        kind: args.kind,
        integration: None,
        ticket: args.ticket,
        limit: Some(if args.all {
            crate::api::MAX_PAGE_LIMIT
        } else {
            limit
        }),
        cursor: None,
    };
    let mut messages = Vec::new();
    let cut = loop {
        let page = client.list_outbox(&query).await?;
        messages.extend(page.items);
        match page.next_cursor {
            Some(_) if !args.all && messages.len() >= limit as usize => break true,
            Some(cursor) => query.cursor = Some(cursor),
            None => break false,
        }
    };
    if !args.all {
        messages.truncate(limit as usize);
    }
    session.ui.print_list(&messages, "outbound messages")?;
    if cut {
        session.ui.info(&format!(
            "Showing the newest {}; pass --all for every one or --limit N for more",
            messages.len()
        ));
    }
    Ok(())
}
