use clap::Args;

use crate::api::{Availability, Priority, ReplyRequest, Ticket, TicketQuery, TicketView};
use crate::cli::{Session, wire_enum_parser};
use crate::client::Client;
use crate::error::{CliError, CliResult};

#[derive(Debug, Args)]
pub struct TicketsTriageArgs {
    /// The view to walk through
    #[arg(long, default_value = "unassigned", value_parser = wire_enum_parser::<TicketView>(TicketView::NAMES))]
    pub view: TicketView,
    /// Only tickets of this team
    #[arg(long, value_name = "KEY")]
    #[arg(add = crate::cli::complete::teams())]
    pub team: Option<String>,
}

/// What the person can do with a ticket, in the order the prompt lists them.
#[derive(Debug, Clone, Copy)]
enum Action {
    Skip,
    Assign,
    Take,
    Priority,
    Note,
    Reply,
    Resolve,
    Quit,
}

const ACTIONS: &[(Action, &str)] = &[
    (Action::Skip, "skip"),
    (Action::Assign, "assign to…"),
    (Action::Take, "take (assign to me)"),
    (Action::Priority, "set priority…"),
    (Action::Note, "add a note…"),
    (Action::Reply, "reply to the customer…"),
    (Action::Resolve, "resolve"),
    (Action::Quit, "quit"),
];

/// Walks a view's tickets one at a time in an interactive prompt. Nothing reaches
/// a customer without a confirmation.
pub async fn cmd_tickets_triage(session: &Session, args: TicketsTriageArgs) -> CliResult {
    let ui = &session.ui;
    if !ui.can_prompt() {
        return Err(CliError::usage(
            "triage needs a terminal (stdin and stdout) and no --no-input",
        )
        .with_hint(
            "without one, use `deskctl tickets list`, `tickets assign`, `tickets take`, \
                        `tickets priority`, `tickets note`, `tickets reply` and `tickets resolve`",
        ));
    }
    let client = session.writer("triage tickets").await?;
    let page = client
        .list_tickets(&TicketQuery {
            view: Some(args.view),
            team: args.team,
            limit: Some(crate::api::MAX_PAGE_LIMIT),
            ..TicketQuery::default()
        })
        .await?;
    if page.items.is_empty() {
        ui.info(&format!("No tickets in the {} view.", args.view));
        return Ok(());
    }
    let total = page.items.len();
    let mut done = 0;
    for (index, ticket) in page.items.iter().enumerate() {
        show(session, &client, ticket, index + 1, total).await?;
        match triage_one(session, &client, ticket).await {
            Ok(Step::Next) => done += 1,
            Ok(Step::Skip) => {}
            Ok(Step::Quit) => break,
            // A refused action (a race, a rule) is reported; the walk goes on.
            Err(error) if error.kind != crate::error::ExitKind::Interrupted => {
                ui.warn(&format!("ticket {}: {}", ticket.number, error.message));
            }
            Err(error) => return Err(error),
        }
    }
    ui.info(&format!("Triaged {done} of {total} tickets."));
    Ok(())
}

enum Step {
    Next,
    Skip,
    Quit,
}

async fn show(
    session: &Session,
    client: &Client,
    ticket: &Ticket,
    at: usize,
    total: usize,
) -> CliResult {
    let detail = client.get_ticket(ticket.number).await?;
    let ui = &session.ui;
    ui.info(&format!(
        "\n[{at}/{total}] #{} {} — {} priority, {} on {}",
        ticket.number, ticket.subject, ticket.priority, ticket.status, ticket.channel
    ));
    if let Some(summary) = detail
        .timeline
        .iter()
        .find(|e| e.event.as_deref() == Some("summary"))
        .and_then(|e| e.body.as_deref())
    {
        ui.info(summary);
    }
    let messages: Vec<_> = detail
        .timeline
        .iter()
        .filter(|e| e.kind == crate::api::TimelineKind::Message)
        .collect();
    for message in messages.iter().rev().take(3).rev() {
        ui.info(&format!(
            "  {} {}: {}",
            message.author_kind,
            message.author.as_deref().unwrap_or(""),
            message.body.as_deref().unwrap_or("")
        ));
    }
    Ok(())
}

async fn triage_one(session: &Session, client: &Client, ticket: &Ticket) -> CliResult<Step> {
    let ui = &session.ui;
    let items: Vec<String> = ACTIONS.iter().map(|(_, label)| label.to_string()).collect();
    let Some(choice) = ui.select(&format!("Ticket {}", ticket.number), &items)? else {
        return Ok(Step::Quit);
    };
    let number = ticket.number;
    match ACTIONS[choice].0 {
        Action::Skip => return Ok(Step::Skip),
        Action::Quit => return Ok(Step::Quit),
        Action::Assign => {
            let online: Vec<String> = client
                .list_operators()
                .await?
                .into_iter()
                .filter(|o| o.availability == Availability::Online)
                .map(|o| o.handle)
                .collect();
            if online.is_empty() {
                ui.warn("nobody is online");
                return Ok(Step::Skip);
            }
            let Some(pick) = ui.select("Assign to", &online)? else {
                return Ok(Step::Skip);
            };
            client.assign_ticket(number, &online[pick], false).await?;
            ui.success(&format!("Assigned ticket {number} to {}", online[pick]));
        }
        Action::Take => {
            client.take_ticket(number).await?;
            ui.success(&format!("Took ticket {number}"));
        }
        Action::Priority => {
            let names: Vec<String> = Priority::NAMES.iter().map(|p| p.to_string()).collect();
            let Some(pick) = ui.select("Priority", &names)? else {
                return Ok(Step::Skip);
            };
            let priority: Priority = names[pick].parse().expect("a listed priority");
            client.set_ticket_priority(number, priority).await?;
            ui.success(&format!("Set priority {priority} on ticket {number}"));
        }
        Action::Note => {
            let text = ui.input("Note")?;
            if text.trim().is_empty() {
                return Ok(Step::Skip);
            }
            client.note_ticket(number, &text).await?;
            ui.success(&format!("Added a note to ticket {number}"));
        }
        Action::Reply => {
            let text = ui.input("Reply")?;
            if text.trim().is_empty() {
                return Ok(Step::Skip);
            }
            if !ui.ask(&format!(
                "Send this reply to the customer of ticket {number}?"
            ))? {
                ui.info("Not sent.");
                return Ok(Step::Skip);
            }
            client
                .reply_ticket(
                    number,
                    &ReplyRequest {
                        body: text,
                        channel: None,
                    },
                )
                .await?;
            ui.success(&format!("Replied on ticket {number}"));
        }
        Action::Resolve => {
            client.resolve_ticket(number).await?;
            ui.success(&format!("Resolved ticket {number}"));
        }
    }
    Ok(Step::Next)
}
