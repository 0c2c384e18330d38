use clap::Args;
use jiff::Timestamp;

use crate::api::{
    Channel, EventKind, MAX_PAGE_LIMIT, Page, Priority, TicketQuery, TicketStatus, TicketView,
};
use crate::cli::names::{Named, missing};
use crate::cli::{Session, parse_instant, wire_enum_parser};
use crate::client::StreamItem;
use crate::error::CliResult;
use crate::ui::OutputFormat;

/// How many tickets a terminal shows unless told otherwise.
const TERMINAL_LIMIT: u32 = 30;

#[derive(Debug, Args)]
pub struct TicketsListArgs {
    /// mine: assigned to you; all: every ticket; unassigned: waiting for someone;
    /// resolved: closed
    #[arg(long, default_value = "all", value_parser = wire_enum_parser::<TicketView>(TicketView::NAMES))]
    pub view: TicketView,
    /// Only tickets in this state
    #[arg(long, value_parser = wire_enum_parser::<TicketStatus>(TicketStatus::NAMES))]
    pub status: Option<TicketStatus>,
    /// Only tickets of this priority
    #[arg(long, value_parser = wire_enum_parser::<Priority>(Priority::NAMES))]
    pub priority: Option<Priority>,
    /// An operator's handle
    #[arg(long, value_name = "HANDLE")]
    #[arg(add = crate::cli::complete::operators())]
    pub assignee: Option<String>,
    /// A team's key
    #[arg(long, value_name = "KEY")]
    #[arg(add = crate::cli::complete::teams())]
    pub team: Option<String>,
    /// Only tickets that came in on this channel
    #[arg(long, value_parser = wire_enum_parser::<Channel>(Channel::NAMES))]
    pub channel: Option<Channel>,
    /// The source AI agent's key
    #[arg(long, value_name = "KEY")]
    #[arg(add = crate::cli::complete::agents())]
    pub agent: Option<String>,
    /// The requester: their email or external id, whole, or any part of
    /// their name; A-Z in either case in the email and the name, every other
    /// character exactly (`é` does not find `É`)
    #[arg(long, value_name = "WHO")]
    pub requester: Option<String>,
    /// Text to find in subjects and messages: as written, spaces and
    /// punctuation included, inside words too; A-Z in either case, every
    /// other character exactly (`é` does not find `É`)
    #[arg(long, short = 's', value_name = "TEXT")]
    pub search: Option<String>,
    /// Created at or after this moment: `2h` (ago), `3 days`, `yesterday`,
    /// `2026-03-29`, a local `2026-03-29T09:30`, or RFC 3339
    #[arg(long, value_name = "TIME", value_parser = parse_instant)]
    pub created_since: Option<Timestamp>,
    /// Active at or after this moment (same forms as --created-since)
    #[arg(long, visible_alias = "since", value_name = "TIME", value_parser = parse_instant)]
    pub updated_since: Option<Timestamp>,
    /// At most this many, 1 or more (default: 30 on a terminal, all when piped)
    #[arg(long, value_name = "N", conflicts_with = "all",
        value_parser = clap::value_parser!(u32).range(1..))]
    pub limit: Option<u32>,
    /// Every matching ticket (streams with -o jsonl)
    #[arg(long)]
    pub all: bool,
    /// After the list, a line per change to a ticket it selects (or showed),
    /// as it happens, until Ctrl-C; with -o jsonl, one ticket object a line
    #[arg(long, short = 'w')]
    pub watch: bool,
}

/// Reads pages of `query` until `limit` tickets are taken or the pages end,
/// handing each page's share to `take`: how many were taken, and whether some
/// were left.
async fn read_pages<T, Fetched>(
    query: &mut TicketQuery,
    limit: Option<u32>,
    mut fetch: impl FnMut(TicketQuery) -> Fetched,
    mut take: impl FnMut(Vec<T>) -> CliResult,
) -> CliResult<(usize, bool)>
where
    Fetched: std::future::Future<Output = crate::client::ClientResult<Page<T>>>,
{
    let mut shown = 0usize;
    loop {
        let page = fetch(query.clone()).await?;
        let room = limit.map_or(usize::MAX, |n| n as usize - shown);
        let mut items = page.items;
        let cut_here = room < items.len();
        items.truncate(room);
        shown += items.len();
        take(items)?;
        match page.next_cursor {
            _ if cut_here => return Ok((shown, true)),
            Some(_) if limit.is_some_and(|n| shown >= n as usize) => return Ok((shown, true)),
            Some(cursor) => query.cursor = Some(cursor),
            None => return Ok((shown, false)),
        }
    }
}

pub async fn cmd_tickets_list(session: &Session, args: TicketsListArgs) -> CliResult {
    let ui = &session.ui;
    let limit = match (args.limit, args.all) {
        (Some(n), _) => Some(n),
        (None, true) => None,
        (None, false) if ui.stdout_tty => Some(TERMINAL_LIMIT),
        (None, false) => None,
    };
    let mut query = TicketQuery {
        view: Some(args.view),
        status: args.status,
        priority: args.priority,
        assignee: args.assignee,
        team: args.team,
        channel: args.channel,
        agent: args.agent,
        requester: args.requester,
        q: args.search,
        created_since: args.created_since.map(|t| t.to_string()),
        updated_since: args.updated_since.map(|t| t.to_string()),
        limit: Some(limit.map_or(MAX_PAGE_LIMIT, |n| n.min(MAX_PAGE_LIMIT))),
        cursor: None,
    };
    let client = session.client().await?;
    // Opened before the list is read, so no change between the two is missed
    // (one made meanwhile may be shown twice).
    let mut events = match args.watch {
        true => Some(client.events(None).await?),
        false => None,
    };
    let mut listed = std::collections::BTreeSet::new();
    let watched = query.clone();
    // Machine formats and piped tables stream page by page, in constant memory;
    // an aligned table needs every row first.
    let streaming = matches!(ui.format, OutputFormat::Jsonl | OutputFormat::Name)
        || (matches!(ui.format, OutputFormat::Table | OutputFormat::Wide) && !ui.stdout_tty);
    let mut kept = Vec::new();
    let client_ref = &client;
    let (shown, more) = if ui.format == OutputFormat::Jsonl && events.is_none() {
        // Each ticket printed as the service wrote it, without decoding and
        // encoding it again.
        let fetch = |query: TicketQuery| async move { client_ref.list_ticket_lines(&query).await };
        read_pages(&mut query, limit, fetch, |lines| ui.print_lines(&lines)).await?
    } else {
        let fetch = |query: TicketQuery| async move { client_ref.list_tickets(&query).await };
        read_pages(&mut query, limit, fetch, |items| {
            listed.extend(items.iter().map(|t| t.number));
            if streaming {
                ui.print_rows(&items)
            } else {
                kept.extend(items);
                Ok(())
            }
        })
        .await?
    };
    if shown == 0 {
        // A mistyped name matches nothing: say so rather than "No tickets."
        let named = [
            (Named::Operator, &watched.assignee),
            (Named::Team, &watched.team),
            (Named::Agent, &watched.agent),
        ];
        for (kind, name) in named {
            if let Some(name) = name
                && let Some(missing) = missing(&client, kind, name).await
            {
                return Err(missing);
            }
        }
    }
    if !streaming {
        ui.print_list(&kept, "tickets")?;
    } else if shown == 0 && ui.stdout_tty {
        ui.info("No tickets.");
    }
    if more {
        let noun = if shown == 1 { "ticket" } else { "tickets" };
        ui.info(&format!(
            "Showing {shown} {noun}; there are more: pass --limit N for more or --all for every one"
        ));
    }
    match events.as_mut() {
        Some(events) => watch(session, &client, events, &watched, listed).await,
        None => Ok(()),
    }
}

/// A line per change to a ticket the query selects, or that was shown (so a
/// ticket leaving the view is seen leaving), until interrupted.
async fn watch(
    session: &Session,
    client: &crate::client::Client,
    events: &mut crate::client::EventStream<'_>,
    query: &TicketQuery,
    mut shown: std::collections::BTreeSet<u64>,
) -> CliResult {
    let ui = &session.ui;
    let me = match query.view {
        Some(TicketView::Mine) => client.me().await?.operator,
        _ => None,
    };
    ui.info("Watching for changes (Ctrl-C to stop)");
    loop {
        match events.next().await? {
            // A handoff's and a delivery's events carry a ticket they did
            // not change (its creation is an event of its own).
            StreamItem::Event(event)
                if matches!(event.kind, EventKind::Handoff | EventKind::Delivery) => {}
            StreamItem::Event(event) => {
                let Some(ticket) = &event.ticket else {
                    if event.kind == EventKind::TicketHidden
                        && let Some(number) = event.ticket_number
                        && shown.remove(&number)
                    {
                        ui.info(&format!("Ticket {number} is no longer yours to see"));
                    }
                    continue;
                };
                let selected = crate::domain::events::query_selects(
                    query,
                    ticket,
                    &event.entries,
                    me.as_deref(),
                );
                if selected || shown.contains(&ticket.number) {
                    ui.print_update(ticket)?;
                }
                if selected {
                    shown.insert(ticket.number);
                } else {
                    shown.remove(&ticket.number);
                }
            }
            StreamItem::Reset(reset) => {
                ui.warn(&format!("{}; listing again", reset.reason));
                let mut query = query.clone();
                query.cursor = None;
                let page = client.list_tickets(&query).await?;
                shown = page.items.iter().map(|t| t.number).collect();
                ui.print_rows(&page.items)?;
            }
            StreamItem::Connected => ui.info("Reconnected"),
            StreamItem::Disconnected { reason, retry_in } => ui.warn(&format!(
                "{reason}; reconnecting in {} s",
                retry_in.as_secs_f32()
            )),
        }
    }
}
