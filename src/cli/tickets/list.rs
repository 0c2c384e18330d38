use clap::Args;
use jiff::Timestamp;

use crate::api::{
    Channel, EventKind, FieldCondition, MAX_PAGE_LIMIT, Page, Priority, Ticket, TicketQuery,
    TicketSort, TicketStatus, TicketView, name_problem, search_text_problem,
};
use crate::cli::names::{Named, filters_exist};
use crate::cli::{Session, bounded_text, parse_instant, wire_enum_parser};
use crate::client::{Client, StreamItem};
use crate::error::{CliError, CliResult};
use crate::ui::OutputFormat;

/// The filters of `query` that name something of the desk, for
/// [`filters_exist`].
pub(crate) fn named_filters(query: &TicketQuery) -> Vec<(Named, Option<&str>)> {
    let mut named = vec![
        (Named::Operator, query.assignee.as_deref()),
        (Named::Team, query.team.as_deref()),
        (Named::Agent, query.agent.as_deref()),
    ];
    named.extend(
        query
            .field
            .iter()
            .map(|c| (Named::Field, Some(c.key.as_str()))),
    );
    named
}

/// A `--field` value the service cannot read as its field's type (`seats=many`
/// for a number): a usage error (exit 2) naming the flag, not the API's
/// parameter.
pub(crate) fn field_flag_error(error: CliError) -> CliError {
    if error.fields.is_empty() || error.fields.iter().any(|e| e.field != "field") {
        return contradiction_error(error);
    }
    let why: Vec<&str> = error.fields.iter().map(|e| e.message.as_str()).collect();
    field_flag_usage(&why.join("; "))
}

/// A filter the service finds no ticket of the view can match
/// ([`TicketQuery::contradictions`]: `--view unassigned --assignee bob`):
/// a usage error (exit 2) naming the flags.
fn contradiction_error(error: CliError) -> CliError {
    let flags = ["assignee", "status"];
    if error.fields.is_empty()
        || error
            .fields
            .iter()
            .any(|e| !flags.contains(&e.field.as_str()))
    {
        return error;
    }
    let why: Vec<String> = error
        .fields
        .iter()
        .map(|e| format!("--{}: {}", e.field, e.message))
        .collect();
    CliError::usage(why.join("; "))
}

fn field_flag_usage(why: &str) -> CliError {
    CliError::usage(format!("--field: {why}"))
        .with_hint("`deskctl fields list` shows each field's type and options")
}

/// For a list that came back empty: a `--field` value none of its dropdown's
/// options (the service looks for it, since tickets keep an option removed
/// from the list) is the usage error a value of the wrong type is, so that a
/// misspelt option is not taken for "nothing matches".
async fn options_exist(client: &Client, conditions: &[FieldCondition]) -> CliResult {
    if conditions.is_empty() {
        return Ok(());
    }
    let Ok(fields) = client.list_fields().await else {
        return Ok(());
    };
    match crate::domain::field_conditions::not_an_option(&fields, conditions) {
        Some(why) => Err(field_flag_usage(&why)),
        None => Ok(()),
    }
}

/// The value parser of `--search` and `--requester`: text as the service
/// bounds it, and never blank. A blank one would select every ticket (the
/// service refuses it too, naming its parameter), so `-s "$unset" -o name |
/// xargs deskctl tickets resolve --yes` would resolve them all.
fn filter_text(text: &str) -> Result<String, String> {
    if text.trim().is_empty() {
        return Err(
            "nothing to look for: a blank text would select every ticket (leave the flag out \
             to list them all)"
                .to_string(),
        );
    }
    bounded_text(search_text_problem)(text)
}

#[derive(Debug, Args)]
pub struct TicketsListArgs {
    /// mine: assigned to you; all: every ticket; unassigned: waiting for someone;
    /// resolved: closed. Mine and unassigned hold open and pending tickets, or
    /// those in the --status asked for. A filter none of the view's tickets
    /// can match (--assignee in unassigned, --status open in resolved) is a
    /// usage error
    #[arg(long, default_value = "all", value_parser = wire_enum_parser::<TicketView>(TicketView::NAMES))]
    pub view: TicketView,
    #[command(flatten)]
    pub filters: TicketFilterArgs,
    /// The source AI agent's key
    #[arg(long, value_name = "KEY", value_parser = bounded_text(name_problem))]
    #[arg(add = crate::cli::complete::agents())]
    pub agent: Option<String>,
    /// The requester: their email or external id, whole; their phone, whole
    /// but for spaces and + - ( ) . / # * , ; (`+49 151 1234-5678` finds
    /// `+4915112345678`, `0151…` does not); or any part of their name. A-Z in
    /// either case, every other character exactly (`é` does not find `É`)
    #[arg(long, value_name = "WHO", value_parser = filter_text)]
    pub requester: Option<String>,
    /// Created at or after this moment: `2h` (ago), `3 days`, `yesterday`,
    /// `2026-03-29`, a local `2026-03-29T09:30`, or RFC 3339
    #[arg(long, value_name = "TIME", value_parser = parse_instant)]
    pub created_since: Option<Timestamp>,
    /// Active at or after this moment (same forms as --created-since)
    #[arg(long, visible_alias = "since", value_name = "TIME", value_parser = parse_instant)]
    pub updated_since: Option<Timestamp>,
    /// The order: -activity (newest activity first, the default), activity
    /// (what has waited longest first), -created (newest tickets first) or
    /// created (oldest first). Activity is what the customer sees happen: a
    /// message in or out, a status change; a note, a priority or an
    /// assignment is none. Each walks an index, so long lists page as fast;
    /// there is no order by priority: filter with --priority
    #[arg(long, value_name = "ORDER", allow_hyphen_values = true,
        value_parser = wire_enum_parser::<TicketSort>(TicketSort::NAMES))]
    pub sort: Option<TicketSort>,
    /// At most this many, 1 or more (default: 30 on a terminal, all when piped)
    #[arg(long, value_name = "N", conflicts_with = "all",
        value_parser = crate::cli::whole_number::<u32>(1, u32::MAX))]
    pub limit: Option<u32>,
    /// Every matching ticket, each once, one that changes meanwhile included
    /// (streams with -o jsonl)
    #[arg(long)]
    pub all: bool,
    /// After the list, a line per change to a ticket it selects (or showed),
    /// as it happens, until Ctrl-C; with -o jsonl, one ticket object a line,
    /// and {"number": N, "hidden": true} when a ticket leaves what you may see
    /// (not with -o json or -o yaml, which cannot go on once printed)
    #[arg(long, short = 'w')]
    pub watch: bool,
}

/// The filters `tickets list` and `deskctl inbox` share.
#[derive(Debug, Args)]
pub struct TicketFilterArgs {
    /// Only tickets in this state (`--view mine --status resolved`: the
    /// resolved tickets assigned to you, whoever resolved them)
    #[arg(long, value_parser = wire_enum_parser::<TicketStatus>(TicketStatus::NAMES))]
    pub status: Option<TicketStatus>,
    /// Only tickets of this priority
    #[arg(long, value_parser = wire_enum_parser::<Priority>(Priority::NAMES))]
    pub priority: Option<Priority>,
    /// An operator's handle
    #[arg(long, value_name = "HANDLE", value_parser = bounded_text(name_problem))]
    #[arg(add = crate::cli::complete::operators())]
    pub assignee: Option<String>,
    /// A team's key
    #[arg(long, value_name = "KEY", value_parser = bounded_text(name_problem))]
    #[arg(add = crate::cli::complete::teams())]
    pub team: Option<String>,
    /// Only tickets that came in on this channel
    #[arg(long, value_parser = wire_enum_parser::<Channel>(Channel::NAMES))]
    pub channel: Option<Channel>,
    /// Text to find in subjects and messages: as written, spaces and
    /// punctuation included, inside words too; A-Z in either case, every
    /// other character exactly (`é` does not find `É`)
    #[arg(long, short = 's', value_name = "TEXT", value_parser = filter_text)]
    pub search: Option<String>,
    /// Only tickets whose field KEY holds VALUE, read as the field's type
    /// (`plan=enterprise`, `seats=5`, `vip=true`); repeat it for several,
    /// all of which must hold
    #[arg(long, value_name = "KEY=VALUE", value_parser = crate::domain::field_conditions::parse_condition)]
    #[arg(add = crate::cli::complete::field_conditions())]
    pub field: Vec<FieldCondition>,
}

/// Reads pages of `query` until `limit` tickets are taken or the pages end,
/// handing each page's share to `take`: how many were taken, and whether some
/// were left.
async fn read_pages<T, Fetched>(
    query: &mut TicketQuery,
    limit: Option<u32>,
    fetch: impl Fn(TicketQuery) -> Fetched,
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

/// How many times a walk of every ticket goes back for the ones that changed
/// while it read; each pass reads only what changed during the one before.
const CATCH_UP_PASSES: usize = 5;

/// Every ticket `query` selects, handed to `print` once each; or with a
/// `limit`, the first `limit`. Pages follow the most recent activity by
/// default, so a ticket that changes while the pages are read moves above
/// the cursor and no later page holds it: once the pages end, the walk asks
/// again for what changed since the newest ticket it started from, and
/// prints what it has not printed. (`tickets list --status pending --all -o
/// name | xargs deskctl tickets resolve` must not skip a ticket a customer
/// wrote to.) In the other orders nothing moves behind the cursor: a ticket
/// ordered by creation stays where it is, and one that changes while the
/// oldest activity comes first moves ahead, where it is met again and not
/// printed twice.
async fn walk<T: Listed, Fetched>(
    mut query: TicketQuery,
    limit: Option<u32>,
    fetch: impl Fn(TicketQuery) -> Fetched,
    mut print: impl FnMut(Vec<T>) -> CliResult,
) -> CliResult<(usize, bool)>
where
    Fetched: std::future::Future<Output = crate::client::ClientResult<Page<T>>>,
{
    let mut printed = Printed::default();
    let mut newest = None;
    let mut take = |mut items: Vec<T>, newest: &mut Option<Timestamp>| {
        if newest.is_none() {
            *newest = items.first().map(Listed::activity).transpose()?;
        }
        // A line whose number does not read is printed: better twice than never.
        items.retain(|item| item.number().is_none_or(|n| printed.insert(n)));
        let fresh = items.len();
        print(items)?;
        Ok::<_, crate::error::CliError>(fresh)
    };
    let mut shown = 0;
    let (_, more) = read_pages(&mut query, limit, &fetch, |items| {
        shown += take(items, &mut newest)?;
        Ok(())
    })
    .await?;
    let moves_behind = query.sort.unwrap_or_default() == TicketSort::ActivityNewest;
    let Some(newest) = newest.filter(|_| limit.is_none() && moves_behind) else {
        return Ok((shown, more));
    };
    // A second before the newest, for servers whose clocks differ a little
    // (replicas): what was printed already is not printed again.
    let since = newest - jiff::SignedDuration::from_secs(1);
    let asked = query.updated_since.as_deref().map(str::parse::<Timestamp>);
    query.updated_since = Some(
        match asked {
            Some(Ok(asked)) if asked > since => asked,
            _ => since,
        }
        .to_string(),
    );
    for _ in 0..CATCH_UP_PASSES {
        query.cursor = None;
        let mut fresh = 0;
        read_pages(&mut query, None, &fetch, |items| {
            fresh += take(items, &mut None)?;
            Ok(())
        })
        .await?;
        shown += fresh;
        if fresh == 0 {
            break;
        }
    }
    Ok((shown, false))
}

/// A listed ticket, as a walk of the pages knows it.
trait Listed {
    fn number(&self) -> Option<u64>;
    fn activity(&self) -> CliResult<Timestamp>;
}

impl Listed for Ticket {
    fn number(&self) -> Option<u64> {
        Some(self.number)
    }

    fn activity(&self) -> CliResult<Timestamp> {
        Ok(self.last_activity_at)
    }
}

/// A ticket's JSON line, as the service wrote it: `{"number":…` first.
impl Listed for bytes::Bytes {
    fn number(&self) -> Option<u64> {
        let digits = self.strip_prefix(b"{\"number\":").unwrap_or_default();
        let end = digits.iter().take_while(|b| b.is_ascii_digit()).count();
        std::str::from_utf8(&digits[..end])
            .ok()
            .and_then(|n| n.parse().ok())
            .or_else(|| {
                let ticket: serde_json::Value = serde_json::from_slice(self).ok()?;
                ticket.get("number")?.as_u64()
            })
    }

    fn activity(&self) -> CliResult<Timestamp> {
        let ticket: Ticket = serde_json::from_slice(self).map_err(|e| {
            crate::error::CliError::new(
                crate::error::ExitKind::Error,
                format!("the service sent a ticket that does not read: {e}"),
            )
        })?;
        Ok(ticket.last_activity_at)
    }
}

/// The numbers of the tickets a walk printed, a bit each: a million tickets
/// in 125 KB, so streaming stays flat in memory.
#[derive(Default)]
struct Printed(Vec<u64>);

impl Printed {
    /// Remembers `number`; false when it was printed before.
    fn insert(&mut self, number: u64) -> bool {
        let (word, bit) = ((number / 64) as usize, 1u64 << (number % 64));
        if word >= self.0.len() {
            self.0.resize(word + 1, 0);
        }
        let fresh = self.0[word] & bit == 0;
        self.0[word] |= bit;
        fresh
    }
}

pub async fn cmd_tickets_list(session: &Session, args: TicketsListArgs) -> CliResult {
    let ui = &session.ui;
    if args.watch {
        ui.streamable("--watch")?;
    }
    let limit = crate::cli::list_limit(args.limit, args.all, ui);
    let query = TicketQuery {
        view: Some(args.view),
        status: args.filters.status,
        priority: args.filters.priority,
        assignee: args.filters.assignee,
        team: args.filters.team,
        channel: args.filters.channel,
        agent: args.agent,
        requester: args.requester,
        q: args.filters.search,
        created_since: args.created_since.map(|t| t.to_string()),
        updated_since: args.updated_since.map(|t| t.to_string()),
        field: args.filters.field,
        sort: args.sort,
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
        walk(query, limit, fetch, |lines| ui.print_lines(&lines))
            .await
            .map_err(field_flag_error)?
    } else {
        let fetch = |query: TicketQuery| async move { client_ref.list_tickets(&query).await };
        walk(query, limit, fetch, |items| {
            listed.extend(items.iter().map(|t| t.number));
            if streaming {
                ui.print_rows(&items)
            } else {
                kept.extend(items);
                Ok(())
            }
        })
        .await
        .map_err(field_flag_error)?
    };
    if shown == 0 {
        filters_exist(&client, &named_filters(&watched)).await?;
        options_exist(&client, &watched.field).await?;
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
    let closed = crate::ui::stdout_closed();
    tokio::pin!(closed);
    loop {
        let item = tokio::select! {
            item = events.next() => item?,
            () = &mut closed => return Ok(()),
        };
        match item {
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
                        ui.print_departure(
                            &serde_json::json!({"number": number, "hidden": true}),
                            &format!("Ticket {number} is no longer yours to see"),
                        )?;
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

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use super::*;

    fn ticket(number: u64, activity: &str) -> Ticket {
        serde_json::from_value(serde_json::json!({
            "number": number, "subject": format!("Parcel {number}"), "status": "pending",
            "priority": "medium", "requester": {"name": "Dana"}, "assignee": null,
            "team": "support", "agent": "shop", "channel": "web",
            "environment": "production", "fields": {}, "context": {}, "ai_paused": false,
            "handoff": null, "created_at": "2026-01-01T00:00:00Z",
            "last_activity_at": activity
        }))
        .unwrap()
    }

    /// A service's pages: newest activity first, two a page, the cursor the
    /// last ticket's `(activity, number)`; `touch` runs after the first page,
    /// as a customer's message to a ticket would while the list is read.
    struct Desk {
        tickets: RefCell<Vec<Ticket>>,
        pages: RefCell<usize>,
        touch: fn(&mut Vec<Ticket>),
    }

    impl Desk {
        fn page(&self, query: &TicketQuery) -> Page<Ticket> {
            let mut tickets = self.tickets.borrow().clone();
            tickets.sort_by_key(|t| std::cmp::Reverse((t.last_activity_at, t.number)));
            let after = query.cursor.as_deref().map(|cursor| {
                let (at, number) = cursor.split_once('|').unwrap();
                (
                    at.parse::<Timestamp>().unwrap(),
                    number.parse::<u64>().unwrap(),
                )
            });
            let since = query
                .updated_since
                .as_deref()
                .map(|t| t.parse::<Timestamp>().unwrap());
            let mut items: Vec<Ticket> = tickets
                .into_iter()
                .filter(|t| after.is_none_or(|after| (t.last_activity_at, t.number) < after))
                .filter(|t| since.is_none_or(|since| t.last_activity_at >= since))
                .take(3)
                .collect();
            let next_cursor = (items.len() == 3).then(|| {
                items.pop();
                let last = items.last().unwrap();
                format!("{}|{}", last.last_activity_at, last.number)
            });
            let mut pages = self.pages.borrow_mut();
            *pages += 1;
            if *pages == 1 {
                (self.touch)(&mut self.tickets.borrow_mut());
            }
            Page { items, next_cursor }
        }

        async fn walk(&self, limit: Option<u32>) -> Vec<u64> {
            let mut printed = Vec::new();
            let fetch = |query: TicketQuery| {
                let page = self.page(&query);
                async move { Ok(page) }
            };
            walk(TicketQuery::default(), limit, fetch, |items| {
                printed.extend(items.iter().map(|t| t.number));
                Ok(())
            })
            .await
            .unwrap();
            printed
        }
    }

    fn desk_where(touch: fn(&mut Vec<Ticket>)) -> Desk {
        Desk {
            tickets: RefCell::new(
                (1..=7)
                    .map(|n| ticket(10000 + n, &format!("2026-01-01T00:0{n}:00Z")))
                    .collect(),
            ),
            pages: RefCell::new(0),
            touch,
        }
    }

    #[tokio::test]
    async fn a_ticket_that_changes_while_the_pages_are_read_is_listed_once() {
        // 10001 and 10002 have not been reached when a customer writes to
        // them: they move above the cursor, past every later page.
        let desk = desk_where(|tickets| {
            for ticket in tickets.iter_mut().filter(|t| t.number <= 10002) {
                ticket.last_activity_at = "2026-01-01T00:30:00Z".parse().unwrap();
            }
        });
        let printed = desk.walk(None).await;
        assert_eq!(
            printed,
            [10007, 10006, 10005, 10004, 10003, 10002, 10001],
            "each ticket once, the changed ones after the rest"
        );
        // A ticket printed before it changed is not printed again.
        let desk = desk_where(|tickets| {
            tickets[6].last_activity_at = "2026-01-01T00:30:00Z".parse().unwrap();
        });
        assert_eq!(
            desk.walk(None).await,
            [10007, 10006, 10005, 10004, 10003, 10002, 10001]
        );
    }

    #[tokio::test]
    async fn a_list_with_a_limit_is_the_most_recent_and_asks_no_more() {
        let desk = desk_where(|tickets| {
            tickets[0].last_activity_at = "2026-01-01T00:30:00Z".parse().unwrap();
        });
        assert_eq!(desk.walk(Some(4)).await, [10007, 10006, 10005, 10004]);
        assert_eq!(*desk.pages.borrow(), 2);
    }

    #[test]
    fn a_json_line_is_known_by_its_number() {
        let line =
            bytes::Bytes::from(serde_json::to_vec(&ticket(10042, "2026-01-01T00:00:00Z")).unwrap());
        assert_eq!(Listed::number(&line), Some(10042));
        assert_eq!(
            Listed::activity(&line).unwrap(),
            "2026-01-01T00:00:00Z".parse::<Timestamp>().unwrap()
        );
        // Written in another order, it is read whole; without a number, it
        // has none (and is printed, not taken for another).
        let reordered = bytes::Bytes::from_static(b"{\"subject\":\"x\",\"number\":7}");
        assert_eq!(Listed::number(&reordered), Some(7));
        let numberless = bytes::Bytes::from_static(b"{\"subject\":\"x\"}");
        assert_eq!(Listed::number(&numberless), None);
    }

    #[test]
    fn printed_numbers_are_remembered_once_each() {
        let mut printed = Printed::default();
        assert!(printed.insert(10001));
        assert!(printed.insert(10065));
        assert!(!printed.insert(10001));
        assert!(printed.insert(0));
        assert!(!printed.insert(0));
    }
}
