//! Tickets as the desk decides about them: what a new ticket and its first
//! timeline entries are, what a change sets, and who may do what to a ticket.

use std::collections::BTreeMap;

use jiff::Timestamp;

use crate::api::{
    AuthorKind, Availability, Channel, Environment, MessageRole, Operator, Priority, Requester,
    Role, Ticket, TicketStatus, TimelineKind, TranscriptMessage,
};
use crate::domain::reply::reply_channel;
use crate::domain::validate::{Checks, Invalid};
use crate::domain::{Refusal, handoff};

/// The longest note or reply, in characters.
pub const MAX_BODY_CHARS: usize = 20_000;

/// Checks messages the AI agent platform appends to a ticket's conversation,
/// received at `at`: at least one, each with 1 to
/// [`handoff::MAX_MESSAGE_CHARS`] characters and dated as a handoff's
/// transcript may be ([`handoff::message_time_problems`]).
pub fn check_appended(messages: &[TranscriptMessage], at: Timestamp) -> Result<(), Invalid> {
    let mut checks = Checks::new();
    if messages.is_empty() {
        checks.push("messages", "send at least one message");
    }
    for (index, message) in messages.iter().enumerate() {
        let chars = message.text.chars().count();
        if message.text.trim().is_empty() || chars > handoff::MAX_MESSAGE_CHARS {
            checks.push(
                &format!("messages[{index}].text"),
                format!("must be 1 to {} characters", handoff::MAX_MESSAGE_CHARS),
            );
        }
    }
    for (index, problem) in handoff::message_time_problems(messages, at) {
        checks.push(&format!("messages[{index}].at"), problem);
    }
    checks.finish()
}

/// A ticket to create, with its first timeline entries.
#[derive(Debug, Clone)]
pub struct NewTicket {
    pub subject: String,
    pub priority: Priority,
    pub requester: Requester,
    pub assignee: Option<String>,
    pub team: Option<String>,
    pub agent: Option<String>,
    pub channel: Channel,
    pub environment: Environment,
    pub fields: BTreeMap<String, serde_json::Value>,
    pub context: BTreeMap<String, serde_json::Value>,
    pub handoff: Option<String>,
    pub timeline: Vec<NewEntry>,
}

/// A timeline entry to append.
#[derive(Debug, Clone)]
pub struct NewEntry {
    pub kind: TimelineKind,
    pub author_kind: AuthorKind,
    pub author: Option<String>,
    pub event: Option<String>,
    pub body: Option<String>,
    pub channel: Option<Channel>,
    pub at: Timestamp,
    /// Whether `at` is the sender's own time for a message of the
    /// conversation (its `at`), kept as given; otherwise it is the desk's
    /// clock, and the store keeps such entries in order of record.
    pub dated_by_sender: bool,
}

impl NewEntry {
    /// A message of the conversation with the AI agent, received at `at`,
    /// by the customer (`customer`, the author named) or the AI (`agent`):
    /// dated by its own time when it has one ([`handoff::message_time`]).
    pub fn transcript(
        message: &TranscriptMessage,
        customer: Option<String>,
        agent: Option<String>,
        channel: Channel,
        at: Timestamp,
    ) -> NewEntry {
        let (author_kind, author) = match message.role {
            MessageRole::Customer => (AuthorKind::Customer, customer),
            MessageRole::Ai => (AuthorKind::Ai, agent),
        };
        NewEntry {
            kind: TimelineKind::Message,
            author_kind,
            author,
            event: None,
            body: Some(message.text.clone()),
            channel: Some(channel),
            at: handoff::message_time(message.at, at),
            dated_by_sender: message.at.is_some(),
        }
    }

    /// An event done by `author` (an operator, or the system when `None` and
    /// `author_kind` is `System`): assigned, resolved, ...
    pub fn event(
        author_kind: AuthorKind,
        author: Option<String>,
        event: &str,
        body: impl Into<String>,
        at: Timestamp,
    ) -> NewEntry {
        NewEntry {
            kind: TimelineKind::Event,
            author_kind,
            author,
            event: Some(event.to_string()),
            body: Some(body.into()),
            channel: None,
            at,
            dated_by_sender: false,
        }
    }

    /// An event the system records by itself: created, summary, delivered, ...
    pub fn system(event: &str, body: impl Into<String>, at: Timestamp) -> NewEntry {
        NewEntry::event(AuthorKind::System, None, event, body, at)
    }
}

/// What a ticket change sets; `None` leaves a column as it is.
#[derive(Debug, Clone, Default)]
pub struct TicketChange {
    pub status: Option<TicketStatus>,
    pub priority: Option<Priority>,
    /// `Some(None)` unassigns.
    pub assignee: Option<Option<String>>,
    pub ai_paused: Option<bool>,
}

/// Who acts on a ticket, as the ticket rules see them.
#[derive(Debug, Clone, PartialEq)]
pub enum Actor {
    /// Whoever can open the local desk's file: may do anything, as an owner.
    Desk,
    /// An operator, with their role and teams.
    Operator {
        handle: String,
        role: Role,
        teams: Vec<String>,
    },
    /// An AI agent platform: the id of its ingest token.
    Platform { token: String },
}

impl Actor {
    /// Owners and managers (and the desk itself) work every ticket.
    fn manages(&self) -> bool {
        match self {
            Actor::Desk => true,
            Actor::Operator { role, .. } => role.includes(Role::Manager),
            Actor::Platform { .. } => false,
        }
    }

    fn handle(&self) -> Option<&str> {
        match self {
            Actor::Operator { handle, .. } => Some(handle),
            _ => None,
        }
    }

    /// Who did something, for the timeline.
    pub fn author(&self) -> (AuthorKind, Option<String>) {
        match self {
            Actor::Operator { handle, .. } => (AuthorKind::Operator, Some(handle.clone())),
            Actor::Desk => (AuthorKind::System, Some("owner".into())),
            Actor::Platform { .. } => (AuthorKind::System, Some("platform".into())),
        }
    }

    /// An event this actor did, for the timeline.
    pub fn event(&self, name: &str, body: impl Into<String>, at: Timestamp) -> NewEntry {
        let (author_kind, author) = self.author();
        NewEntry::event(author_kind, author, name, body, at)
    }
}

/// Why an ingest token (the AI agent platform) may not do something: the
/// same words on every route and ticket action it may not use.
pub const INGEST_TOKENS_MAY_NOT: &str =
    "ingest tokens may only send handoffs and inbound email and read handover status";

fn platform_refused() -> Refusal {
    Refusal::Forbidden(INGEST_TOKENS_MAY_NOT.into())
}

/// Owners and managers see every ticket; operators see their own and the
/// unassigned tickets of their teams; the platform reads no tickets.
pub fn may_see(actor: &Actor, ticket: &Ticket) -> Result<(), Refusal> {
    if actor.manages() {
        return Ok(());
    }
    let Actor::Operator { handle, teams, .. } = actor else {
        return Err(platform_refused());
    };
    let own = ticket.assignee.as_deref() == Some(handle.as_str());
    let teams_unassigned = ticket.assignee.is_none()
        && ticket
            .team
            .as_ref()
            .is_some_and(|team| teams.contains(team));
    if own || teams_unassigned {
        return Ok(());
    }
    Err(Refusal::Forbidden(format!(
        "ticket {} is not assigned to you or unassigned in one of your teams",
        ticket.number
    )))
}

/// Refuses all but owners and managers (and the desk itself).
pub fn require_manager(actor: &Actor) -> Result<(), Refusal> {
    match actor {
        _ if actor.manages() => Ok(()),
        Actor::Operator { handle, role, .. } => Err(Refusal::Forbidden(format!(
            "this needs the manager role or higher; the token acts as '{handle}' ({role})"
        ))),
        _ => Err(platform_refused()),
    }
}

/// Where a ticket came from, as far as keeping AI agent platforms apart goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A handoff sent with the ingest token of this id.
    Platform(String),
    /// Not a platform's: a handoff a person sent (or one stored before
    /// deskctl recorded who sent it), or an email to the support inbox.
    Desk,
}

impl Origin {
    /// The origin of a ticket whose handoff was sent by ingest token
    /// `sent_by` (none: by a person, or no handoff at all).
    pub fn sent_by(sent_by: Option<String>) -> Origin {
        sent_by.map_or(Origin::Desk, Origin::Platform)
    }
}

/// Who may add later messages to ticket `number`'s conversation: owners and
/// managers on any ticket; an AI agent platform only on a ticket its own
/// handoff opened. Any other ticket (another platform's, a person's handoff,
/// a support-inbox email) is not found to a platform, as a ticket that does
/// not exist: it learns nothing of tickets that are not its own, not even
/// that they exist. A ticket is the token's that sent its handoff, told by
/// id as the handoff's reader is: token names need not be unique.
pub fn may_append(actor: &Actor, number: u64, origin: &Origin) -> Result<(), Refusal> {
    match actor {
        _ if actor.manages() => Ok(()),
        Actor::Platform { token } if *origin == Origin::Platform(token.clone()) => Ok(()),
        Actor::Platform { .. } => Err(Refusal::not_found("ticket", number.to_string())),
        Actor::Operator { .. } | Actor::Desk => Err(Refusal::Forbidden(
            "only the AI agent platform, managers and owners add to the conversation".into(),
        )),
    }
}

/// Operators act only on tickets assigned to them; owners and managers on any.
fn may_act(actor: &Actor, ticket: &Ticket, action: &str) -> Result<(), Refusal> {
    if actor.manages() || (actor.handle().is_some() && ticket.assignee.as_deref() == actor.handle())
    {
        return Ok(());
    }
    Err(Refusal::Forbidden(format!(
        "only the ticket's assignee, a manager or an owner may {action} ticket {}",
        ticket.number
    )))
}

/// Whether `action` would change nothing, so it succeeds doing nothing (and
/// for a bulk action is no failure): resolving a resolved ticket, reopening one
/// that is not resolved, setting the priority it has, assigning it to its
/// assignee. Nothing is recorded for those: a timeline line "Priority medium →
/// medium" tells nobody anything. `Err` when `actor` may not do it at all.
pub fn changes_nothing(actor: &Actor, ticket: &Ticket, action: &Action) -> Result<bool, Refusal> {
    let open = ticket.status != TicketStatus::Resolved;
    let (nothing, verb) = match action {
        Action::Resolve => (!open, "resolve"),
        Action::Reopen => (open, "reopen"),
        Action::SetPriority(priority) => (
            open && ticket.priority == *priority,
            "change the priority of",
        ),
        Action::Assign { handle, .. } => {
            require_manager(actor)?;
            (open && ticket.assignee.as_ref() == Some(handle), "assign")
        }
        _ => return Ok(false),
    };
    if nothing {
        may_act(actor, ticket, verb)?;
    }
    Ok(nothing)
}

/// Whether an AI answers a ticket's customer: what a takeover stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AiAnswering {
    /// The agent that handed the conversation over answers it still.
    Yes,
    /// No agent handed it over: it came from the support inbox by email.
    NoAgent,
    /// A person took it over: the agent has stopped.
    TakenOver,
}

/// Whether an AI answers `ticket`'s customer, so a takeover has something to
/// stop: what the service decides a takeover by, and what the inbox asks
/// about before offering one.
pub fn ai_answering(ticket: &Ticket) -> AiAnswering {
    match (&ticket.agent, ticket.ai_paused) {
        (None, _) => AiAnswering::NoAgent,
        (Some(_), true) => AiAnswering::TakenOver,
        (Some(_), false) => AiAnswering::Yes,
    }
}

fn not_resolved(ticket: &Ticket, action: &str) -> Result<(), Refusal> {
    if ticket.status == TicketStatus::Resolved {
        return Err(Refusal::conflict(
            "ticket_resolved",
            format!(
                "ticket {} is resolved: reopen it before you {action} it",
                ticket.number
            ),
        ));
    }
    Ok(())
}

/// Something an actor asks to do to a ticket.
#[derive(Debug, Clone)]
pub enum Action {
    /// Assign to `handle` (`to` is the operator, if they exist); an operator
    /// who is not online only with `force`.
    Assign {
        handle: String,
        to: Option<Operator>,
        force: bool,
    },
    Unassign,
    /// Assign an unassigned ticket of one's teams to oneself.
    Take,
    SetPriority(Priority),
    /// An internal note.
    Note(String),
    /// A reply to the customer, on `channel` or the one the ticket calls for.
    Reply {
        text: String,
        channel: Option<Channel>,
    },
    /// Pause the AI: a person answers from now on.
    Takeover,
    Resolve,
    Reopen,
    /// Later messages of the conversation, from the AI agent platform, to a
    /// ticket of `origin`.
    Append {
        messages: Vec<TranscriptMessage>,
        origin: Origin,
    },
}

/// What a ticket change sends, composed by the delivery module.
#[derive(Debug, Clone, PartialEq)]
pub enum Outgoing {
    /// The reply, on the channel decided.
    Reply { channel: Channel, text: String },
    /// Tell the AI agent platform that a person took over.
    Takeover,
}

/// The decision about an action: the change, the timeline entries it
/// appends, and what it sends.
#[derive(Debug, Clone)]
pub struct Decision {
    pub change: TicketChange,
    pub entries: Vec<NewEntry>,
    pub outgoing: Option<Outgoing>,
}

impl Decision {
    fn new(change: TicketChange, entries: Vec<NewEntry>) -> Decision {
        Decision {
            change,
            entries,
            outgoing: None,
        }
    }
}

/// What a ticket of a team being removed says: it has no team now.
pub fn team_removed(team: &str, at: Timestamp) -> NewEntry {
    NewEntry::system(
        "team-removed",
        format!("No team now: team {team} was removed"),
        at,
    )
}

/// Decides `action` by `actor` on `ticket` at `at`, or refuses it.
pub fn decide(
    actor: &Actor,
    ticket: &Ticket,
    action: Action,
    at: Timestamp,
) -> Result<Decision, Refusal> {
    match action {
        Action::Assign { handle, to, force } => {
            require_manager(actor)?;
            let Some(operator) = to else {
                return Err(Refusal::UnknownReference {
                    field: "to".into(),
                    what: "operator",
                    key: handle,
                });
            };
            if operator.availability != Availability::Online && !force {
                return Err(Refusal::conflict(
                    "operator_unavailable",
                    format!(
                        "{} is {}: assign anyway with --force, or pick someone online",
                        operator.handle, operator.availability
                    ),
                ));
            }
            not_resolved(ticket, "assign")?;
            Ok(Decision::new(
                TicketChange {
                    assignee: Some(Some(operator.handle.clone())),
                    ..TicketChange::default()
                },
                vec![actor.event("assigned", format!("Assigned to {}", operator.handle), at)],
            ))
        }
        Action::Unassign => {
            may_act(actor, ticket, "unassign")?;
            not_resolved(ticket, "unassign")?;
            let Some(previous) = &ticket.assignee else {
                return Err(Refusal::conflict(
                    "ticket_unassigned",
                    format!("ticket {} is not assigned to anyone", ticket.number),
                ));
            };
            Ok(Decision::new(
                TicketChange {
                    assignee: Some(None),
                    ..TicketChange::default()
                },
                vec![actor.event("unassigned", format!("Unassigned from {previous}"), at)],
            ))
        }
        Action::Take => {
            let Actor::Operator { handle, teams, .. } = actor else {
                if matches!(actor, Actor::Platform { .. }) {
                    return Err(platform_refused());
                }
                return Err(Refusal::NotAnOperator(
                    "only an operator can take a ticket, and the local desk acts as its owner: \
                     assign it to an operator instead"
                        .into(),
                ));
            };
            // Whom a ticket outside one's teams is assigned to is not an
            // operator's business: that refusal comes first and names nobody.
            if !actor.manages() && !ticket.team.as_ref().is_some_and(|t| teams.contains(t)) {
                return Err(Refusal::Forbidden(format!(
                    "ticket {} is not in one of your teams",
                    ticket.number
                )));
            }
            if let Some(assignee) = &ticket.assignee {
                // Who holds it is shown only to whoever may see the ticket.
                let detail = if actor.manages() || assignee == handle {
                    format!("ticket {} is already assigned to {assignee}", ticket.number)
                } else {
                    format!("ticket {} is already taken", ticket.number)
                };
                return Err(Refusal::conflict("ticket_taken", detail));
            }
            not_resolved(ticket, "take")?;
            Ok(Decision::new(
                TicketChange {
                    assignee: Some(Some(handle.clone())),
                    ..TicketChange::default()
                },
                vec![actor.event("assigned", format!("Taken by {handle}"), at)],
            ))
        }
        Action::SetPriority(priority) => {
            may_act(actor, ticket, "change the priority of")?;
            not_resolved(ticket, "change the priority of")?;
            Ok(Decision::new(
                TicketChange {
                    priority: Some(priority),
                    ..TicketChange::default()
                },
                vec![actor.event(
                    "priority-changed",
                    format!("Priority {} → {priority}", ticket.priority),
                    at,
                )],
            ))
        }
        Action::Note(text) => {
            may_act(actor, ticket, "add a note to")?;
            let (author_kind, author) = actor.author();
            Ok(Decision::new(
                TicketChange::default(),
                vec![NewEntry {
                    kind: TimelineKind::Note,
                    author_kind,
                    author,
                    event: None,
                    body: Some(text),
                    channel: None,
                    at,
                    dated_by_sender: false,
                }],
            ))
        }
        Action::Reply { text, channel } => {
            may_act(actor, ticket, "reply on")?;
            not_resolved(ticket, "reply on")?;
            let channel = reply_channel(
                ticket.channel,
                ticket.ai_paused,
                ticket.requester.email.is_some(),
                channel,
            )
            .map_err(|why| Refusal::conflict("no_reply_channel", why.to_string()))?;
            let (author_kind, author) = actor.author();
            let mut entries = vec![NewEntry {
                kind: TimelineKind::Message,
                author_kind,
                author,
                event: None,
                body: Some(text.clone()),
                channel: Some(channel),
                at,
                dated_by_sender: false,
            }];
            // Answered: the ticket waits on the customer now.
            if ticket.status != TicketStatus::Pending {
                entries.push(actor.event(
                    "status-changed",
                    format!("Status {} → pending", ticket.status),
                    at,
                ));
            }
            Ok(Decision {
                change: TicketChange {
                    status: Some(TicketStatus::Pending),
                    ..TicketChange::default()
                },
                entries,
                outgoing: Some(Outgoing::Reply { channel, text }),
            })
        }
        Action::Takeover => {
            may_act(actor, ticket, "take over")?;
            not_resolved(ticket, "take over")?;
            match ai_answering(ticket) {
                AiAnswering::Yes => {}
                AiAnswering::NoAgent => {
                    return Err(Refusal::conflict(
                        "no_ai_to_take_over",
                        format!(
                            "no AI answers ticket {n}: it came from the support inbox; \
                             reply by email with `deskctl tickets reply {n}`",
                            n = ticket.number
                        ),
                    ));
                }
                AiAnswering::TakenOver => {
                    return Err(Refusal::conflict(
                        "already_taken_over",
                        format!("ticket {} is already taken over", ticket.number),
                    ));
                }
            }
            Ok(Decision {
                change: TicketChange {
                    ai_paused: Some(true),
                    ..TicketChange::default()
                },
                entries: vec![actor.event("taken-over", "Taken over: the AI stops answering", at)],
                outgoing: Some(Outgoing::Takeover),
            })
        }
        Action::Resolve => {
            may_act(actor, ticket, "resolve")?;
            not_resolved(ticket, "resolve")?;
            Ok(Decision::new(
                TicketChange {
                    status: Some(TicketStatus::Resolved),
                    ..TicketChange::default()
                },
                vec![actor.event("resolved", "Resolved", at)],
            ))
        }
        Action::Reopen => {
            may_act(actor, ticket, "reopen")?;
            if ticket.status != TicketStatus::Resolved {
                return Err(Refusal::conflict(
                    "ticket_not_resolved",
                    format!(
                        "ticket {} is {}, not resolved",
                        ticket.number, ticket.status
                    ),
                ));
            }
            Ok(Decision::new(
                TicketChange {
                    status: Some(TicketStatus::Open),
                    ..TicketChange::default()
                },
                vec![actor.event("reopened", "Reopened", at)],
            ))
        }
        Action::Append { messages, origin } => {
            may_append(actor, ticket.number, &origin)?;
            if ticket.status == TicketStatus::Resolved {
                return Err(Refusal::conflict(
                    "ticket_resolved",
                    format!("ticket {} is resolved", ticket.number),
                ));
            }
            let customer_wrote = messages.iter().any(|m| m.role == MessageRole::Customer);
            let mut entries: Vec<NewEntry> = messages
                .iter()
                .map(|message| {
                    let customer = ticket.requester.name.clone();
                    NewEntry::transcript(
                        message,
                        customer,
                        ticket.agent.clone(),
                        ticket.channel,
                        at,
                    )
                })
                .collect();
            // A customer who writes again puts a waiting ticket back in the queue.
            let mut change = TicketChange::default();
            if customer_wrote && ticket.status == TicketStatus::Pending {
                change.status = Some(TicketStatus::Open);
                entries.push(NewEntry::system(
                    "status-changed",
                    "Status pending → open: the customer wrote again",
                    at,
                ));
            }
            Ok(Decision::new(change, entries))
        }
    }
}
/// What removing operator `handle` does to one of their open tickets: an
/// `unassigned` event saying why, and with `to` the ticket assigned to that
/// operator (an `assigned` event).
pub fn released(handle: &str, to: Option<&str>, at: Timestamp) -> (TicketChange, Vec<NewEntry>) {
    let mut entries = vec![NewEntry::system(
        "unassigned",
        format!("Unassigned from {handle}: the operator was removed"),
        at,
    )];
    if let Some(to) = to {
        entries.push(NewEntry::system(
            "assigned",
            format!("Assigned to {to}: {handle}'s tickets were handed over"),
            at,
        ));
    }
    (
        TicketChange {
            assignee: Some(to.map(str::to_string)),
            ..TicketChange::default()
        },
        entries,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ticket(agent: Option<&str>, ai_paused: bool) -> Ticket {
        serde_json::from_value(serde_json::json!({
            "number": 10001, "subject": "Parcel", "status": "open", "priority": "medium",
            "requester": {"email": "dana@example.com"}, "agent": agent, "channel": "email",
            "environment": "production", "fields": {}, "context": {}, "ai_paused": ai_paused,
            "created_at": "2026-01-01T00:00:00Z", "last_activity_at": "2026-01-01T00:00:00Z"
        }))
        .unwrap()
    }

    fn sent(role: MessageRole, text: &str, at: Option<&str>) -> TranscriptMessage {
        TranscriptMessage {
            role,
            text: text.into(),
            at: at.map(|at| at.parse().unwrap()),
        }
    }

    #[test]
    fn appended_messages_need_text_and_honest_times() {
        let now: Timestamp = "2026-06-08T10:00:00Z".parse().unwrap();
        let good = [
            sent(
                MessageRole::Customer,
                "still there?",
                Some("2026-06-08T09:59:00Z"),
            ),
            sent(MessageRole::Ai, "yes", None),
        ];
        assert_eq!(check_appended(&good, now), Ok(()));
        let fields = |messages: &[TranscriptMessage]| -> Vec<String> {
            let invalid = check_appended(messages, now).unwrap_err();
            invalid.0.into_iter().map(|e| e.field).collect()
        };
        assert_eq!(fields(&[]), ["messages"]);
        let bad = [
            sent(MessageRole::Customer, " ", None),
            sent(MessageRole::Customer, "later", Some("2030-01-01T00:00:00Z")),
            sent(MessageRole::Ai, "x", Some("2026-06-08T09:00:00Z")),
            sent(MessageRole::Ai, "y", Some("2026-06-08T08:00:00Z")),
        ];
        assert_eq!(
            fields(&bad),
            ["messages[0].text", "messages[1].at", "messages[3].at"]
        );
    }

    #[test]
    fn a_transcript_message_keeps_its_own_time_up_to_when_it_was_received() {
        let now: Timestamp = "2026-06-08T10:00:00Z".parse().unwrap();
        let entry = |message: &TranscriptMessage| {
            NewEntry::transcript(
                message,
                Some("Dana".into()),
                Some("shop".into()),
                Channel::Web,
                now,
            )
        };
        let past = entry(&sent(
            MessageRole::Customer,
            "hi",
            Some("2026-06-08T09:00:00Z"),
        ));
        assert_eq!(
            past.at,
            "2026-06-08T09:00:00Z".parse::<Timestamp>().unwrap()
        );
        assert!(past.dated_by_sender);
        assert_eq!(
            (past.author_kind, past.author.as_deref()),
            (AuthorKind::Customer, Some("Dana"))
        );
        let ahead = entry(&sent(MessageRole::Ai, "x", Some("2026-06-08T10:03:00Z")));
        assert_eq!(ahead.at, now);
        assert_eq!(
            (ahead.author_kind, ahead.author.as_deref()),
            (AuthorKind::Ai, Some("shop"))
        );
        let undated = entry(&sent(MessageRole::Customer, "y", None));
        assert_eq!(undated.at, now);
        assert!(!undated.dated_by_sender);
    }

    #[test]
    fn an_ai_answers_a_handed_over_ticket_until_it_is_taken_over_and_never_an_email() {
        assert_eq!(ai_answering(&ticket(Some("shop"), false)), AiAnswering::Yes);
        assert_eq!(
            ai_answering(&ticket(Some("shop"), true)),
            AiAnswering::TakenOver
        );
        assert_eq!(ai_answering(&ticket(None, false)), AiAnswering::NoAgent);
        assert_eq!(ai_answering(&ticket(None, true)), AiAnswering::NoAgent);
    }

    #[test]
    fn the_platform_may_not_take_a_ticket_and_hears_it_as_everywhere_else() {
        let at = Timestamp::UNIX_EPOCH;
        let open = ticket(Some("shop"), false);
        let platform = Actor::Platform {
            token: "tok_a".into(),
        };
        let refused = decide(&platform, &open, Action::Take, at).unwrap_err();
        assert_eq!(refused, Refusal::Forbidden(INGEST_TOKENS_MAY_NOT.into()));
        assert_eq!(may_see(&platform, &open).unwrap_err(), refused);
        // The local desk acts as its owner, who assigns rather than takes.
        assert!(matches!(
            decide(&Actor::Desk, &open, Action::Take, at),
            Err(Refusal::Invalid(_))
        ));
    }

    #[test]
    fn a_platform_adds_only_to_tickets_its_own_handoffs_opened_and_finds_no_other() {
        let platform = |token: &str| Actor::Platform {
            token: token.into(),
        };
        let ours = Origin::Platform("tok_a".into());
        let theirs = Origin::Platform("tok_b".into());
        let absent = Refusal::not_found("ticket", "10001");
        assert_eq!(may_append(&platform("tok_a"), 10001, &ours), Ok(()));
        assert_eq!(
            may_append(&platform("tok_a"), 10001, &theirs),
            Err(absent.clone())
        );
        assert_eq!(
            may_append(&platform("tok_a"), 10001, &Origin::Desk),
            Err(absent.clone())
        );
        assert_eq!(Origin::sent_by(None), Origin::Desk);
        assert_eq!(Origin::sent_by(Some("tok_b".into())), theirs);
        let manager = Actor::Operator {
            handle: "mia".into(),
            role: Role::Manager,
            teams: Vec::new(),
        };
        for origin in [&ours, &theirs, &Origin::Desk] {
            assert_eq!(may_append(&manager, 10001, origin), Ok(()));
            assert_eq!(may_append(&Actor::Desk, 10001, origin), Ok(()));
        }
        let operator = Actor::Operator {
            handle: "olu".into(),
            role: Role::Operator,
            teams: Vec::new(),
        };
        assert!(matches!(
            may_append(&operator, 10001, &ours),
            Err(Refusal::Forbidden(_))
        ));

        // Not found comes first: another platform's resolved ticket is not
        // told resolved, and nothing is decided for it.
        let mut resolved = ticket(Some("shop"), false);
        resolved.status = TicketStatus::Resolved;
        let append = |origin: &Origin| Action::Append {
            messages: vec![TranscriptMessage {
                role: MessageRole::Customer,
                text: "Send the refund elsewhere".into(),
                at: None,
            }],
            origin: origin.clone(),
        };
        let at = Timestamp::UNIX_EPOCH;
        assert_eq!(
            decide(&platform("tok_b"), &resolved, append(&ours), at).unwrap_err(),
            absent
        );
        assert!(matches!(
            decide(&platform("tok_a"), &resolved, append(&ours), at),
            Err(Refusal::Conflict {
                code: "ticket_resolved",
                ..
            })
        ));
    }
}
