//! `deskctl tickets`: the inbox from a shell — views and filters, timelines,
//! and the actions a support lead takes all day.

mod assign;
pub(crate) mod assignees;
pub(crate) mod list;
mod note;
mod priority;
mod reopen;
mod reply;
mod resolve;
mod show;
mod take;
mod takeover;
mod triage;
mod unassign;

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::Session;
use crate::api::{Ticket, TicketDetail};
use crate::client::{Client, ClientResult};
use crate::error::{CliError, CliResult, ExitKind};
use crate::ui::{Detail, OutputFormat, Tabular, Ui};

/// The after-help of a verb that changes several tickets at once: when it
/// asks first (from [`crate::ui::BULK_TYPED_FROM`] tickets), then `examples`.
macro_rules! bulk_after_help {
    ($examples:literal) => {
        concat!(
            "Confirmation: changing 10 or more tickets at once asks for `yes` typed in full. \
             Where nobody can answer (a pipe, xargs, CI), pass --yes, or nothing changes and \
             deskctl exits 2.\n\n",
            $examples
        )
    };
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum TicketsCommand {
    /// List tickets in a view, filtered; newest activity first (see --sort)
    #[command(visible_alias = "ls")]
    #[command(
        after_help = "Examples:\n  deskctl tickets list --view unassigned\n  deskctl tickets list --status open --priority urgent --since 2h\n  deskctl tickets list --team billing --created-since yesterday -o wide\n  deskctl tickets list --field plan=enterprise --field refund-amount=25\n  deskctl tickets list --view unassigned --sort activity  # oldest first\n  deskctl tickets list --all -o jsonl | jq .number"
    )]
    List(list::TicketsListArgs),
    /// Show a ticket and its whole timeline
    #[command(
        after_help = "Examples:\n  deskctl tickets show 10042\n  deskctl tickets show 10042 --no-pager\n  deskctl tickets show 10042 -o json"
    )]
    Show(show::TicketsShowArgs),
    /// Assign tickets to an operator, or move them to a team
    #[command(after_help = bulk_after_help!(
        "Assigning by hand is guarded alike everywhere (here, tickets take, triage, the\ninbox, operators remove --reassign-to): an operator who is not online, who has\nno room under their capacity, or who is not in the ticket's team is refused with\nthe reason (exit 6) unless --force says you mean it (triage and the inbox ask\ninstead).\n\nManagers and owners assign anyone. An operator assigns only to themselves\n(--me), which is a take: an unassigned ticket of their teams (see tickets take).\n\n--team moves tickets to another team; without --to, an assignee who is not in it\nis unassigned so the team picks them up (one who is keeps them).\n\nExamples:\n  deskctl tickets assign 10042 --to alice\n  deskctl tickets assign 10042 10043 --me\n  deskctl tickets assign 10042 --to bob --force\n  deskctl tickets assign 10042 --team billing\n  deskctl tickets assign 10042 --team billing --to carol\n  deskctl tickets list --view unassigned --team billing -o name \\\n      | xargs -r deskctl tickets assign --to carol --yes"
    ))]
    Assign(assign::TicketsAssignArgs),
    /// Unassign tickets
    #[command(after_help = bulk_after_help!("Examples:\n  deskctl tickets unassign 10042"))]
    Unassign(TicketsNumbersArgs),
    /// Take unassigned tickets: assign them to yourself
    #[command(after_help = bulk_after_help!(
        "Taking is assigning to yourself, guarded as `tickets assign` is: if you are not\nonline, have no room under your capacity, or (a manager) are not in the\nticket's team, it is refused with the reason (exit 6) unless --force says you\nmean it (triage and the inbox ask instead). An operator takes only the tickets\nof their own teams: another team's is refused even with --force (exit 4). A\nticket someone else holds is refused (exit 6); one already yours is nothing to\ndo.\n\nExamples:\n  deskctl tickets take 10042\n  deskctl tickets take 10042 10043\n  deskctl tickets take 10042 --force"
    ))]
    Take(take::TicketsTakeArgs),
    /// Set a ticket's priority
    #[command(after_help = "Examples:\n  deskctl tickets priority 10042 urgent")]
    Priority(priority::TicketsPriorityArgs),
    /// Add an internal note (never shown to the customer)
    #[command(
        after_help = "Examples:\n  deskctl tickets note 10042 -m 'Refund approved by finance'\n  deskctl tickets note 10042 --body-file notes.txt\n  deskctl tickets note 10042   # opens $EDITOR"
    )]
    Note(note::TicketsNoteArgs),
    /// Reply to the customer, on the right channel
    #[command(
        after_help = "Who may reply: the ticket's assignee, a manager or an owner.\n\nExamples:\n  deskctl tickets reply 10042 -m 'Your refund is on its way.'\n  deskctl tickets reply 10042 --body-file reply.txt --channel email --yes"
    )]
    Reply(reply::TicketsReplyArgs),
    /// Take the conversation over from the AI, which stops answering
    #[command(after_help = bulk_after_help!("Examples:\n  deskctl tickets takeover 10042"))]
    Takeover(TicketsNumbersArgs),
    /// Resolve tickets
    #[command(after_help = bulk_after_help!(
        "Examples:\n  deskctl tickets resolve 10042\n  deskctl tickets list --status pending -o name \\\n      | xargs -r deskctl tickets resolve --yes"
    ))]
    Resolve(TicketsNumbersArgs),
    /// Reopen resolved tickets
    #[command(after_help = bulk_after_help!("Examples:\n  deskctl tickets reopen 10042"))]
    Reopen(reopen::TicketsReopenArgs),
    /// Walk unassigned (or a view's) tickets one at a time, interactively
    #[command(
        after_help = "Examples:\n  deskctl tickets triage\n  deskctl tickets triage --view all --team billing"
    )]
    Triage(triage::TicketsTriageArgs),
}

pub async fn dispatch(session: &Session, mut command: TicketsCommand) -> CliResult {
    if let Some(numbers) = command.bulk_numbers() {
        drop_repeated_numbers(numbers);
    }
    match command {
        TicketsCommand::List(args) => list::cmd_tickets_list(session, args).await,
        TicketsCommand::Show(args) => show::cmd_tickets_show(session, args).await,
        TicketsCommand::Assign(args) => assign::cmd_tickets_assign(session, args).await,
        TicketsCommand::Unassign(args) => unassign::cmd_tickets_unassign(session, args).await,
        TicketsCommand::Take(args) => take::cmd_tickets_take(session, args).await,
        TicketsCommand::Priority(args) => priority::cmd_tickets_priority(session, args).await,
        TicketsCommand::Note(args) => note::cmd_tickets_note(session, args).await,
        TicketsCommand::Reply(args) => reply::cmd_tickets_reply(session, args).await,
        TicketsCommand::Takeover(args) => takeover::cmd_tickets_takeover(session, args).await,
        TicketsCommand::Resolve(args) => resolve::cmd_tickets_resolve(session, args).await,
        TicketsCommand::Reopen(args) => reopen::cmd_tickets_reopen(session, args.into()).await,
        TicketsCommand::Triage(args) => triage::cmd_tickets_triage(session, args).await,
    }
}

impl TicketsCommand {
    /// What the verb's flags leave missing that clap's own checks cannot
    /// say, with the verb's name: a usage error after parsing.
    pub(crate) fn missing(&self) -> Option<(&'static str, &'static str)> {
        match self {
            TicketsCommand::Assign(args) => args.missing().map(|why| ("assign", why)),
            _ => None,
        }
    }

    /// The ticket numbers of a verb that takes several at once.
    fn bulk_numbers(&mut self) -> Option<&mut Vec<u64>> {
        match self {
            TicketsCommand::Assign(args) => Some(&mut args.numbers),
            TicketsCommand::Take(args) => Some(&mut args.tickets.numbers),
            TicketsCommand::Unassign(args)
            | TicketsCommand::Takeover(args)
            | TicketsCommand::Resolve(args) => Some(&mut args.numbers),
            TicketsCommand::Reopen(args) => Some(&mut args.numbers),
            _ => None,
        }
    }
}

/// Keeps the first of each repeated number, in the order given: a ticket
/// named twice is one ticket, so it counts once toward the typed
/// confirmation and is not changed (or reported) twice.
fn drop_repeated_numbers(numbers: &mut Vec<u64>) {
    let mut seen = std::collections::HashSet::new();
    numbers.retain(|number| seen.insert(*number));
}

// Ticket numbers, for the verbs that take several at once. Plain comments, not
// doc comments, on these flattened and newtype argument structs: clap would take
// a doc comment for the command's about, over the verb's own (deferred commands
// add their arguments after their about).
#[derive(Debug, Args)]
pub struct TicketsNumbersArgs {
    /// Ticket numbers
    #[arg(required = true, value_name = "NUMBER", value_parser = crate::cli::parse_ticket_number)]
    #[arg(add = crate::cli::complete::tickets())]
    pub numbers: Vec<u64>,
}

impl TicketsNumbersArgs {
    /// "resolve ticket 10042" or "resolve 3 tickets", for confirmations.
    pub fn describe(&self, verb: &str) -> String {
        match self.numbers.as_slice() {
            [one] => format!("{verb} ticket {one}"),
            many => format!("{verb} {} tickets", many.len()),
        }
    }
}

// A message body from a flag, a file (`-` for stdin) or, on a terminal, `$EDITOR`.
#[derive(Debug, Args)]
pub struct BodyArgs {
    /// The text
    #[arg(long, short = 'm', value_name = "TEXT", conflicts_with = "body_file")]
    pub body: Option<String>,
    /// Read the text from a file (`-` for stdin)
    #[arg(long = "body-file", value_name = "PATH")]
    pub body_file: Option<PathBuf>,
}

impl BodyArgs {
    pub fn read(&self, session: &Session, what: &str) -> CliResult<String> {
        let text = match (&self.body, &self.body_file) {
            (Some(text), _) => text.clone(),
            (None, Some(path)) => session.read_text(path)?,
            (None, None) if session.ui.can_prompt() => edit(what)?,
            (None, None) => {
                return Err(CliError::needs_flag(
                    &format!("the {what} is needed"),
                    "--body TEXT or --body-file PATH (`-` for stdin)",
                ));
            }
        };
        let text = text.trim().to_string();
        if text.is_empty() {
            return Err(CliError::usage(format!(
                "the {what} is empty: nothing was sent"
            )));
        }
        // A file is said here, not left to the service: one over its request
        // limit is refused before the note's own limit is looked at, with a
        // hint about workspace documents that has nothing to do with a note.
        // An argument cannot grow that large; the service words its refusal.
        let limit = crate::domain::tickets::MAX_BODY_CHARS;
        let count = text.chars().count();
        if let (None, Some(path)) = (&self.body, &self.body_file)
            && count > limit
        {
            let source = if path.as_os_str() == "-" {
                " on stdin".to_string()
            } else {
                format!(" in {}", path.display())
            };
            return Err(CliError::general(format!(
                "the {what}{source} has {count} characters; a {what} takes at most {limit}: \
                 nothing was sent"
            )));
        }
        Ok(text)
    }
}

/// Opens `$VISUAL` or `$EDITOR` (else `vi`) on a new temporary file, with
/// dialoguer's editor: the file is created private under a random name (never
/// a predictable path another user could plant), and the editor's command line
/// is split into words and run without a shell.
fn edit(what: &str) -> CliResult<String> {
    let text = dialoguer::Editor::new()
        .require_save(true)
        .edit("")
        .map_err(|e| {
            CliError::general("cannot run the editor ($VISUAL or $EDITOR, else vi)").with_cause(e)
        })?;
    text.ok_or_else(|| {
        CliError::general(format!(
            "the {what} was not saved in the editor: nothing was sent"
        ))
    })
}

/// Runs `action` on the one ticket a verb takes (a note, a reply, a
/// priority), reports a failure, and prints the ticket as the service
/// answered it with `-o json|jsonl|yaml|name` (one object, as `tickets show`
/// prints one).
pub(crate) async fn each_ticket(
    session: &Session,
    client: &Client,
    number: u64,
    done: &str,
    action: impl AsyncFn(&Client, u64) -> ClientResult<Done>,
) -> CliResult {
    let (changed, outcome) = act_on_each(session, client, &[number], done, action).await;
    match (session.ui.format, changed.as_slice()) {
        (OutputFormat::Json | OutputFormat::Yaml, [ticket]) => {
            session.ui.print_value_only(ticket)?
        }
        _ => print_changed(&session.ui, &changed)?,
    }
    outcome
}

/// What an action did to one ticket.
pub(crate) enum Done {
    /// Changed: the ticket as the service answered it.
    Changed(Box<Ticket>),
    /// Nothing to do, and why: e.g. `ticket 10001 is already resolved`.
    Already(String),
}

impl Done {
    /// The ticket as a change answered it.
    pub(crate) fn changed(ticket: Ticket) -> Done {
        Done::Changed(Box::new(ticket))
    }
}

/// [`each_ticket`] for the verbs that take several tickets, whose actions may
/// find nothing to do: that is said, and is no failure. With `-o
/// json|jsonl|yaml|name` it prints every ticket it did not fail on, as it is
/// now, in the order given: a JSON array even for one, so a script reads
/// one shape however many numbers it passed.
pub(crate) async fn each_ticket_or_skip(
    session: &Session,
    client: &Client,
    numbers: &[u64],
    done: &str,
    action: impl AsyncFn(&Client, u64) -> ClientResult<Done>,
) -> CliResult {
    let (changed, outcome) = act_on_each(session, client, numbers, done, action).await;
    print_changed(&session.ui, &changed)?;
    outcome
}

/// The tickets changed (or found already so), for a machine format; people
/// read the status lines on stderr.
fn print_changed(ui: &Ui, tickets: &[Ticket]) -> CliResult {
    if ui.format_is_for_people() {
        return Ok(());
    }
    ui.print_list(tickets, "tickets")
}

/// Runs `action` on each ticket with a progress bar for long batches, reports
/// each failure, and fails with a summary when any did. Returns, beside that
/// outcome, the tickets it did not fail on when a machine format will print
/// them (a ticket with nothing to do is read as it is).
async fn act_on_each(
    session: &Session,
    client: &Client,
    numbers: &[u64],
    done: &str,
    action: impl AsyncFn(&Client, u64) -> ClientResult<Done>,
) -> (Vec<Ticket>, CliResult) {
    let printed = !session.ui.format_is_for_people();
    let progress = session.ui.progress(numbers.len() as u64);
    let mut changed: Vec<Ticket> = Vec::new();
    let mut failures: Vec<(u64, CliError)> = Vec::new();
    for &number in numbers {
        match action(client, number).await {
            Ok(Done::Changed(ticket)) => {
                progress.suspend(|| {
                    session
                        .ui
                        .success(&format!("{done} ticket {}", ticket.number))
                });
                changed.push(*ticket);
            }
            Ok(Done::Already(why)) => {
                progress.suspend(|| session.ui.info(&format!("{why}: nothing to do")));
                if printed {
                    match client.get_ticket(number).await {
                        Ok(detail) => changed.push(detail.ticket),
                        Err(error) => failures.push((number, error.into())),
                    }
                }
            }
            Err(error) => failures.push((number, error.into())),
        }
        progress.inc(1);
    }
    progress.finish_and_clear();
    let outcome = match failures.len() {
        0 => Ok(()),
        1 if numbers.len() == 1 => Err(failures.remove(0).1),
        count => {
            for (number, error) in &failures {
                session
                    .ui
                    .warn(&format!("ticket {number}: {}", error.message));
            }
            let kinds: std::collections::HashSet<_> =
                failures.iter().map(|(_, e)| e.kind).collect();
            let kind = if kinds.len() == 1 {
                failures[0].1.kind
            } else {
                ExitKind::Error
            };
            Err(CliError::new(
                kind,
                format!("{count} of {} tickets failed", numbers.len()),
            ))
        }
    };
    (changed, outcome)
}

fn or_dash(value: &Option<String>) -> String {
    value.clone().unwrap_or_else(|| "-".into())
}

fn requester_text(ticket: &Ticket) -> String {
    let r = &ticket.requester;
    r.name
        .clone()
        .or_else(|| r.email.clone())
        .or_else(|| r.external_id.clone())
        .unwrap_or_else(|| "-".into())
}

impl Tabular for Ticket {
    fn columns(wide: bool) -> Vec<&'static str> {
        let mut columns = vec![
            "STATUS",
            "NUMBER",
            "REQUESTER",
            "ASSIGNEE",
            "SUBJECT",
            "AGENT",
            "PRIORITY",
            "CHANNEL",
            "ACTIVITY",
        ];
        if wide {
            columns.extend(["TEAM", "FIELDS"]);
        }
        columns
    }

    fn cells(&self, ui: &Ui, wide: bool) -> Vec<String> {
        let subject = if ui.stdout_tty && self.subject.chars().count() > 50 {
            format!("{}…", self.subject.chars().take(49).collect::<String>())
        } else {
            self.subject.clone()
        };
        let mut cells = vec![
            self.status.to_string(),
            self.number.to_string(),
            requester_text(self),
            or_dash(&self.assignee),
            subject,
            or_dash(&self.agent),
            self.priority.to_string(),
            self.channel.to_string(),
            ui.time(self.last_activity_at),
        ];
        if wide {
            cells.extend([
                or_dash(&self.team),
                if self.fields.is_empty() {
                    "-".into()
                } else {
                    self.fields
                        .iter()
                        .map(|(k, v)| {
                            format!(
                                "{k}={}",
                                v.as_str().map_or_else(|| v.to_string(), str::to_string)
                            )
                        })
                        .collect::<Vec<_>>()
                        .join(",")
                },
            ]);
        }
        cells
    }

    fn name(&self) -> String {
        self.number.to_string()
    }

    fn fixed_columns() -> &'static [&'static str] {
        &[
            "STATUS", "NUMBER", "ASSIGNEE", "AGENT", "PRIORITY", "CHANNEL", "ACTIVITY",
        ]
    }

    /// A narrow terminal keeps what triage needs: the number and a subject
    /// that still reads, then priority, state and age while they fit; the
    /// subject is never cut to a stub to keep a column of less worth.
    fn optional_columns() -> &'static [&'static str] {
        &[
            "CHANNEL",
            "AGENT",
            "REQUESTER",
            "ASSIGNEE",
            "ACTIVITY",
            "STATUS",
            "PRIORITY",
        ]
    }
}

impl Tabular for TicketDetail {
    fn columns(wide: bool) -> Vec<&'static str> {
        Ticket::columns(wide)
    }

    fn cells(&self, ui: &Ui, wide: bool) -> Vec<String> {
        self.ticket.cells(ui, wide)
    }

    fn name(&self) -> String {
        self.ticket.number.to_string()
    }

    fn fixed_columns() -> &'static [&'static str] {
        Ticket::fixed_columns()
    }

    fn optional_columns() -> &'static [&'static str] {
        Ticket::optional_columns()
    }
}

impl Detail for TicketDetail {
    fn fields(&self, ui: &Ui) -> Vec<(&'static str, String)> {
        let t = &self.ticket;
        let mut fields = vec![
            ("Ticket", format!("{} {}", t.number, t.subject)),
            ("Status", t.status.to_string()),
            ("Priority", t.priority.to_string()),
        ];
        fields.extend(crate::ui::requester_fields(&t.requester));
        fields.extend([
            ("Assignee", or_dash(&t.assignee)),
            ("Team", or_dash(&t.team)),
            ("Agent", or_dash(&t.agent)),
            ("Channel", format!("{} ({})", t.channel, t.environment)),
            (
                "AI",
                if t.agent.is_none() {
                    "none (support inbox: handled by people, replies by email)"
                } else if t.ai_paused {
                    "paused (taken over)"
                } else {
                    "answering"
                }
                .into(),
            ),
            ("Created", ui.instant(t.created_at)),
            ("Last activity", ui.instant(t.last_activity_at)),
        ]);
        if !t.fields.is_empty() {
            fields.push((
                "Fields",
                t.fields
                    .iter()
                    .map(|(k, v)| format!("{k}: {v}"))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ));
        }
        // What routing decided by, as the agent sent it.
        fields.push(("Context", crate::ui::context_text(&t.context)));
        fields.push((
            "Timeline",
            self.timeline
                .iter()
                .map(|e| {
                    let who = match (&e.author, e.author_kind) {
                        (Some(author), kind) => {
                            format!("{} ({kind})", crate::ui::one_line(author))
                        }
                        (None, kind) => kind.to_string(),
                    };
                    let what = match (e.kind, &e.event) {
                        (crate::api::TimelineKind::Event, Some(event)) => format!("[{event}]"),
                        (crate::api::TimelineKind::Note, _) => "[note]".into(),
                        (_, _) => e.channel.map(|c| format!("[{c}]")).unwrap_or_default(),
                    };
                    let body = e.body.clone().unwrap_or_default().replace('\n', "\n    ");
                    format!("{} {who} {what}\n    {body}", ui.instant(e.at))
                })
                .collect::<Vec<_>>()
                .join("\n"),
        ));
        fields
    }
}

#[cfg(test)]
mod tests {
    use super::drop_repeated_numbers;

    #[test]
    fn repeated_ticket_numbers_count_once_in_the_order_first_given() {
        let mut numbers = vec![10044, 10002, 10044, 10001, 10002, 10044];
        drop_repeated_numbers(&mut numbers);
        assert_eq!(numbers, [10044, 10002, 10001]);
    }

    #[test]
    fn the_bulk_help_names_the_count_that_asks() {
        let help = bulk_after_help!("");
        assert!(
            help.contains(&format!(
                "changing {} or more tickets",
                crate::ui::BULK_TYPED_FROM
            )),
            "{help}"
        );
    }
}
