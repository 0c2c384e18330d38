//! Tickets as the desk decides about them: what a new ticket and its first
//! timeline entries are, what a change sets, and who may do what to a ticket.

use std::collections::BTreeMap;

use jiff::Timestamp;

use crate::api::{
    AuthorKind, Channel, Environment, MessageRole, Priority, Requester, Role, Ticket, TicketStatus,
    TimelineKind, TranscriptMessage,
};
use crate::domain::Refusal;
use crate::domain::assignment;
use crate::domain::reply::reply_channel;
use crate::domain::workspace::Snapshot;

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
}

impl NewEntry {
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
    /// The AI agent platform (an ingest token).
    Platform,
}

impl Actor {
    /// Owners and managers (and the desk itself) work every ticket.
    fn manages(&self) -> bool {
        match self {
            Actor::Desk => true,
            Actor::Operator { role, .. } => role.includes(Role::Manager),
            Actor::Platform => false,
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
            Actor::Platform => (AuthorKind::System, Some("platform".into())),
        }
    }

    /// An event this actor did, for the timeline.
    pub fn event(&self, name: &str, body: impl Into<String>, at: Timestamp) -> NewEntry {
        let (author_kind, author) = self.author();
        NewEntry::event(author_kind, author, name, body, at)
    }
}

/// Owners and managers see every ticket; operators see their own and the
/// unassigned tickets of their teams; the platform reads no tickets.
pub fn may_see(actor: &Actor, ticket: &Ticket) -> Result<(), Refusal> {
    if actor.manages() {
        return Ok(());
    }
    let Actor::Operator { handle, teams, .. } = actor else {
        return Err(Refusal::Forbidden(
            "ingest tokens may only send handoffs and inbound email and read handover status"
                .into(),
        ));
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
        _ => Err(Refusal::Forbidden(
            "ingest tokens may only send handoffs and inbound email and read handover status"
                .into(),
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
/// assignee, taking one's own. Nothing is recorded for those: a timeline line
/// "Priority medium → medium" tells nobody anything. `Err` when `actor` may
/// not do it at all.
pub fn changes_nothing(actor: &Actor, ticket: &Ticket, action: &Action) -> Result<bool, Refusal> {
    let open = ticket.status != TicketStatus::Resolved;
    let (nothing, verb) = match action {
        Action::Resolve => (!open, "resolve"),
        Action::Reopen => (open, "reopen"),
        Action::SetPriority(priority) => (
            open && ticket.priority == *priority,
            "change the priority of",
        ),
        Action::Assign(assignment) => {
            require_manager(actor)?;
            (
                open && ticket.assignee.as_ref() == Some(&assignment.to),
                "assign",
            )
        }
        Action::Take => (
            open && actor.handle().is_some() && ticket.assignee.as_deref() == actor.handle(),
            "take",
        ),
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
    /// Assign by hand, as a manager does.
    Assign(Assignment),
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
    /// Later messages of the conversation, from the AI agent platform.
    Append(Vec<TranscriptMessage>),
}

/// An assignment by hand: to operator `to`, who has `open_tickets` open
/// and pending tickets; refused, unless `force`, when
/// [`assignment::check_by_hand`] finds them unfit.
#[derive(Debug, Clone)]
pub struct Assignment {
    pub to: String,
    pub open_tickets: u32,
    pub force: bool,
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

/// Decides `action` by `actor` on `ticket` at `at`, or refuses it;
/// `workspace` says who the operators and teams are now.
pub fn decide(
    actor: &Actor,
    ticket: &Ticket,
    action: Action,
    workspace: &Snapshot,
    at: Timestamp,
) -> Result<Decision, Refusal> {
    match action {
        Action::Assign(Assignment {
            to,
            open_tickets,
            force,
        }) => {
            require_manager(actor)?;
            let Some(operator) = workspace.operator(&to) else {
                return Err(Refusal::UnknownReference {
                    field: "to".into(),
                    what: "operator",
                    key: to,
                });
            };
            not_resolved(ticket, "assign")?;
            if !force {
                assignment::check_by_hand(operator, open_tickets, &[(ticket.team.as_deref(), 1)])
                    .map_err(|refused| {
                    Refusal::conflict(
                        refused.code(),
                        format!("{refused}: assign anyway with --force, or pick someone else"),
                    )
                })?;
            }
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
                return Err(Refusal::Invalid(vec![crate::api::FieldError::new(
                    "operator",
                    "only an operator can take a ticket; the local desk acts as its owner: use \
                     assign",
                )]));
            };
            // Assigned to them meanwhile (by a lead, outside their teams
            // too): theirs already, whatever its team.
            if ticket.assignee.as_ref() == Some(handle) {
                not_resolved(ticket, "take")?;
                return Err(Refusal::conflict(
                    "ticket_taken",
                    format!("ticket {} is already yours", ticket.number),
                ));
            }
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
                let detail = if actor.manages() {
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
            .map_err(|detail| Refusal::conflict("no_reply_channel", detail))?;
            let (author_kind, author) = actor.author();
            let mut entries = vec![NewEntry {
                kind: TimelineKind::Message,
                author_kind,
                author,
                event: None,
                body: Some(text.clone()),
                channel: Some(channel),
                at,
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
            let mut change = TicketChange {
                status: Some(TicketStatus::Open),
                ..TicketChange::default()
            };
            let mut entries = vec![actor.event("reopened", "Reopened", at)];
            unassign_if_removed(ticket, workspace, &mut change, &mut entries, at);
            Ok(Decision::new(change, entries))
        }
        Action::Append(messages) => {
            if !(actor.manages() || *actor == Actor::Platform) {
                return Err(Refusal::Forbidden(
                    "only the AI agent platform, managers and owners add to the conversation"
                        .into(),
                ));
            }
            if ticket.status == TicketStatus::Resolved {
                return Err(Refusal::conflict(
                    "ticket_resolved",
                    format!("ticket {} is resolved", ticket.number),
                ));
            }
            let customer_wrote = messages.iter().any(|m| m.role == MessageRole::Customer);
            let mut entries: Vec<NewEntry> = messages
                .into_iter()
                .map(|message| NewEntry {
                    kind: TimelineKind::Message,
                    author_kind: match message.role {
                        MessageRole::Customer => AuthorKind::Customer,
                        MessageRole::Ai => AuthorKind::Ai,
                    },
                    author: match message.role {
                        MessageRole::Customer => ticket.requester.name.clone(),
                        MessageRole::Ai => ticket.agent.clone(),
                    },
                    event: None,
                    body: Some(message.text),
                    channel: Some(ticket.channel),
                    at: message.at.unwrap_or(at),
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
/// A resolved ticket keeps its assignee when that operator is removed: the
/// record of who handled it. Reopened (by a person, or by the customer
/// writing again), it must not wait on someone who is gone: `change`
/// unassigns it, and `entries` gain the `unassigned` event the operator's
/// removal records on open tickets, so their team sees it again.
pub fn unassign_if_removed(
    ticket: &Ticket,
    workspace: &Snapshot,
    change: &mut TicketChange,
    entries: &mut Vec<NewEntry>,
    at: Timestamp,
) {
    let Some(assignee) = &ticket.assignee else {
        return;
    };
    if workspace.operator(assignee).is_some() {
        return;
    }
    let (unassigned, events) = released(assignee, None, at);
    change.assignee = unassigned.assignee;
    entries.extend(events);
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
    use crate::api::Operator;

    fn ticket(agent: Option<&str>, ai_paused: bool) -> Ticket {
        serde_json::from_value(serde_json::json!({
            "number": 10001, "subject": "Parcel", "status": "open", "priority": "medium",
            "requester": {"email": "dana@example.com"}, "agent": agent, "channel": "email",
            "environment": "production", "fields": {}, "context": {}, "ai_paused": ai_paused,
            "created_at": "2026-01-01T00:00:00Z", "last_activity_at": "2026-01-01T00:00:00Z"
        }))
        .unwrap()
    }

    fn operator(handle: &str, teams: &[&str]) -> Operator {
        serde_json::from_value(serde_json::json!({
            "handle": handle, "name": handle, "email": format!("{handle}@example.com"),
            "role": "operator", "availability": "online", "teams": teams,
            "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"
        }))
        .unwrap()
    }

    fn workspace(operators: &[Operator]) -> Snapshot {
        let mut workspace = Snapshot::empty();
        workspace.operators = operators.to_vec();
        workspace
    }

    fn events(decision: &Decision) -> Vec<(&str, &str)> {
        decision
            .entries
            .iter()
            .map(|e| {
                (
                    e.event.as_deref().unwrap_or_default(),
                    e.body.as_deref().unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn reopening_keeps_the_assignee_unless_they_were_removed() {
        let resolved = Ticket {
            status: TicketStatus::Resolved,
            assignee: Some("carol".into()),
            ..ticket(Some("shop"), false)
        };
        let at = Timestamp::UNIX_EPOCH;
        let with_carol = workspace(&[operator("carol", &[])]);
        let kept = decide(&Actor::Desk, &resolved, Action::Reopen, &with_carol, at).unwrap();
        assert_eq!(kept.change.assignee, None);
        assert_eq!(events(&kept), [("reopened", "Reopened")]);
        let gone = decide(&Actor::Desk, &resolved, Action::Reopen, &workspace(&[]), at).unwrap();
        assert_eq!(gone.change.status, Some(TicketStatus::Open));
        assert_eq!(gone.change.assignee, Some(None));
        assert_eq!(
            events(&gone),
            [
                ("reopened", "Reopened"),
                (
                    "unassigned",
                    "Unassigned from carol: the operator was removed"
                )
            ]
        );
    }

    #[test]
    fn assigning_by_hand_is_guarded_unless_forced() {
        let ticket = Ticket {
            team: Some("billing".into()),
            ..ticket(Some("shop"), false)
        };
        let mut bob = operator("bob", &["support"]);
        bob.capacity = Some(2);
        let desk = workspace(&[bob]);
        let assign = |open_tickets, force| {
            decide(
                &Actor::Desk,
                &ticket,
                Action::Assign(Assignment {
                    to: "bob".into(),
                    open_tickets,
                    force,
                }),
                &desk,
                Timestamp::UNIX_EPOCH,
            )
        };
        match assign(2, false).unwrap_err() {
            Refusal::Conflict { code, detail } => {
                assert_eq!(code, assignment::AT_CAPACITY);
                assert_eq!(
                    detail,
                    "bob has 2 of 2 open tickets and is not in team billing (the ticket's \
                     team): assign anyway with --force, or pick someone else"
                );
            }
            other => panic!("{other:?}"),
        }
        let forced = assign(2, true).unwrap();
        assert_eq!(forced.change.assignee, Some(Some("bob".into())));
        assert_eq!(events(&forced), [("assigned", "Assigned to bob")]);
        // Nobody by that name: not found, forced or not.
        let unknown = decide(
            &Actor::Desk,
            &ticket,
            Action::Assign(Assignment {
                to: "zed".into(),
                open_tickets: 0,
                force: true,
            }),
            &desk,
            Timestamp::UNIX_EPOCH,
        );
        assert!(matches!(unknown, Err(Refusal::UnknownReference { .. })));
    }

    #[test]
    fn taking_ones_own_ticket_changes_nothing_whatever_its_team() {
        let omar = Actor::Operator {
            handle: "omar".into(),
            role: Role::Operator,
            teams: vec!["support".into()],
        };
        let billing = Ticket {
            team: Some("billing".into()),
            assignee: Some("omar".into()),
            ..ticket(Some("shop"), false)
        };
        assert_eq!(changes_nothing(&omar, &billing, &Action::Take), Ok(true));
        // Under the lock (assigned to him meanwhile) it is said in those words.
        let refusal = decide(
            &omar,
            &billing,
            Action::Take,
            &Snapshot::empty(),
            Timestamp::UNIX_EPOCH,
        )
        .unwrap_err();
        assert!(refusal.to_string().contains("already yours"), "{refusal}");
        // Someone else's is no such thing.
        let theirs = Ticket {
            assignee: Some("priya".into()),
            ..billing.clone()
        };
        assert_eq!(changes_nothing(&omar, &theirs, &Action::Take), Ok(false));
        let resolved = Ticket {
            status: TicketStatus::Resolved,
            ..billing
        };
        assert_eq!(changes_nothing(&omar, &resolved, &Action::Take), Ok(false));
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
}
