use clap::Args;

use super::assignees::{candidates, labelled};
use crate::api::{
    AssignRequest, Availability, Priority, ReplyRequest, TakeQuery, Ticket, TicketCountBy,
    TicketCountQuery, TicketQuery, TicketView,
};
use crate::cli::names::filters_exist;
use crate::cli::{Session, wire_enum_parser};
use crate::client::Client;
use crate::domain::assignment::overridable_reason;
use crate::domain::tickets::{Actor, may_reply};
use crate::error::{CliError, CliResult};

#[derive(Debug, Args)]
pub struct TicketsTriageArgs {
    /// The view to walk through
    #[arg(long, default_value = "unassigned", value_parser = wire_enum_parser::<TicketView>(TicketView::NAMES))]
    pub view: TicketView,
    /// Only tickets of this team
    #[arg(long, value_name = "KEY",
        value_parser = crate::cli::bounded_text(crate::api::name_problem))]
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
    // To say who may reply before a reply is typed; unknown, the service judges.
    let actor = Actor::from_me(&client.me().await?);
    let mut query = TicketQuery {
        view: Some(args.view),
        team: args.team,
        limit: Some(crate::api::MAX_PAGE_LIMIT),
        ..TicketQuery::default()
    };
    let mut page = client.list_tickets(&query).await?;
    if page.items.is_empty() {
        filters_exist(&client, &super::list::named_filters(&query)).await?;
        ui.info(&format!("No tickets in the {} view.", args.view));
        return Ok(());
    }
    // The whole view is walked, a page at a time: `[n/total]` counts all of
    // it, not the first page.
    let mut total = match page.next_cursor {
        None => page.items.len(),
        Some(_) => {
            let count = TicketCountQuery::filtered(TicketCountBy::Status, query.clone());
            usize::try_from(client.count_tickets(&count).await?.total).unwrap_or(usize::MAX)
        }
    };
    let mut at = 0;
    let mut tally = Tally::default();
    'pages: loop {
        for ticket in &page.items {
            at += 1;
            // One that came into the view after it was counted (unassigned
            // meanwhile, its activity older than the cursor) is walked too.
            total = total.max(at);
            show(session, &client, ticket, at, total).await?;
            let (outcome, quit) = triage_ticket(session, &client, ticket, actor.as_ref()).await?;
            tally.add(outcome);
            if quit {
                break 'pages;
            }
        }
        let Some(cursor) = page.next_cursor.take() else {
            break;
        };
        query.cursor = Some(cursor);
        page = client.list_tickets(&query).await?;
    }
    ui.info(&tally.summary(total));
    Ok(())
}

/// One ticket, until the person moves on: what was done to it, and whether
/// they quit the walk there.
async fn triage_ticket(
    session: &Session,
    client: &Client,
    ticket: &Ticket,
    actor: Option<&Actor>,
) -> CliResult<(Outcome, bool)> {
    let mut outcome = Outcome::default();
    // A note keeps the ticket in front of you (you noted it to act on it);
    // any other action moves on.
    loop {
        match triage_one(session, client, ticket, actor).await {
            Ok(Step::Stay(change)) => outcome.add(change),
            Ok(Step::Again) => {}
            Ok(Step::Next(change)) => {
                outcome.add(change);
                return Ok((outcome, false));
            }
            Ok(Step::Skip) => return Ok((outcome, false)),
            Ok(Step::Quit) => return Ok((outcome, true)),
            // A refused action (a race, a rule) is reported; the walk goes on.
            Err(error) if error.kind != crate::error::ExitKind::Interrupted => {
                session
                    .ui
                    .warn(&format!("ticket {}: {}", ticket.number, error.message));
                return Ok((outcome, false));
            }
            Err(error) => return Err(error),
        }
    }
}

/// What was done to one ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    /// Its state changed: assigned, taken, priority, replied, resolved.
    Changed,
    /// Only a note was added: the ticket is as it was.
    Noted,
}

enum Step {
    /// Done with this ticket.
    Next(Change),
    /// Done something; the same ticket again.
    Stay(Change),
    /// Nothing done (a reply the caller may not send, or one refused):
    /// the same ticket again.
    Again,
    Skip,
    Quit,
}

#[derive(Debug, Default, Clone, Copy)]
struct Outcome {
    changed: bool,
    noted: bool,
}

impl Outcome {
    fn add(&mut self, change: Change) {
        match change {
            Change::Changed => self.changed = true,
            Change::Noted => self.noted = true,
        }
    }
}

/// Tickets changed, and tickets only noted, over the walk.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Tally {
    changed: usize,
    noted_only: usize,
}

impl Tally {
    fn add(&mut self, outcome: Outcome) {
        if outcome.changed {
            self.changed += 1;
        } else if outcome.noted {
            self.noted_only += 1;
        }
    }

    /// `Triaged 2 of 5 tickets (1 more noted only).`: a ticket counts when
    /// something about it changed, not for a note alone.
    fn summary(&self, total: usize) -> String {
        let noun = if total == 1 { "ticket" } else { "tickets" };
        match self.noted_only {
            0 => format!("Triaged {} of {total} {noun}.", self.changed),
            n => format!(
                "Triaged {} of {total} {noun} ({n} more noted only).",
                self.changed
            ),
        }
    }
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

async fn triage_one(
    session: &Session,
    client: &Client,
    ticket: &Ticket,
    actor: Option<&Actor>,
) -> CliResult<Step> {
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
            // Triage assigns to someone who can take the ticket now.
            let online: Vec<_> = candidates(client, ticket)
                .await?
                .into_iter()
                .filter(|(o, _)| o.availability == Availability::Online)
                .collect();
            if online.is_empty() {
                ui.warn("nobody is online");
                return Ok(Step::Skip);
            }
            let labels: Vec<String> = labelled(&online).into_iter().map(|(_, l)| l).collect();
            let Some(pick) = ui.select("Assign to (teams · open tickets)", &labels)? else {
                return Ok(Step::Skip);
            };
            let handle = &online[pick].0.handle;
            // The guard of assignment by hand (no room, not in the team) is
            // asked about, as the inbox asks, by the refusal's reason alone.
            // Only if nobody changed its assignee since the walk listed it.
            let mut request = AssignRequest {
                to: Some(handle.clone()),
                expect_assignee: Some(ticket.assignee.clone()),
                ..AssignRequest::default()
            };
            if let Err(error) = client.assign_ticket(number, &request).await {
                let detail = error.to_string();
                let Some(reason) = overridable_reason(error.code(), &detail) else {
                    return Err(error.into());
                };
                if !ui.ask(&format!(
                    "{reason}. Assign ticket {number} to {handle} anyway?"
                ))? {
                    ui.info("Not assigned.");
                    return Ok(Step::Skip);
                }
                request.force = true;
                client.assign_ticket(number, &request).await?;
            }
            ui.success(&format!("Assigned ticket {number} to {handle}"));
        }
        Action::Take => {
            // Guarded as an assignment by hand, and asked about alike.
            let mut query = TakeQuery::default();
            if let Err(error) = client.take_ticket(number, &query).await {
                let detail = error.to_string();
                let Some(reason) = overridable_reason(error.code(), &detail) else {
                    return Err(error.into());
                };
                if !ui.ask(&format!("{reason}. Take ticket {number} anyway?"))? {
                    ui.info("Not taken.");
                    return Ok(Step::Skip);
                }
                query.force = true;
                client.take_ticket(number, &query).await?;
            }
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
            return Ok(Step::Stay(Change::Noted));
        }
        Action::Reply => {
            if let Some(Err(why)) = actor.map(|actor| may_reply(actor, ticket)) {
                ui.warn(&format!("cannot reply: {why}"));
                return Ok(Step::Again);
            }
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
            let reply = ReplyRequest {
                body: text,
                channel: None,
            };
            // Refused after all (the ticket given to someone else meanwhile,
            // the connection lost): the typed text is given back, not lost.
            if let Err(error) = client.reply_ticket(number, &reply).await {
                ui.warn(&format!("ticket {number}: {error}"));
                ui.info(&format!("The reply was not sent. It was:\n{}", reply.body));
                return Ok(Step::Again);
            }
            ui.success(&format!("Replied on ticket {number}"));
        }
        Action::Resolve => {
            client.resolve_ticket(number).await?;
            ui.success(&format!("Resolved ticket {number}"));
        }
    }
    Ok(Step::Next(Change::Changed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_tickets_that_changed_count_as_triaged() {
        let mut tally = Tally::default();
        let outcome = |changes: &[Change]| {
            let mut o = Outcome::default();
            for c in changes {
                o.add(*c);
            }
            o
        };
        tally.add(outcome(&[Change::Noted]));
        tally.add(outcome(&[Change::Noted, Change::Changed]));
        tally.add(outcome(&[]));
        tally.add(outcome(&[Change::Changed]));
        assert_eq!(
            tally,
            Tally {
                changed: 2,
                noted_only: 1
            }
        );
        assert_eq!(
            tally.summary(4),
            "Triaged 2 of 4 tickets (1 more noted only)."
        );
        assert_eq!(Tally::default().summary(1), "Triaged 0 of 1 ticket.");
    }
}
