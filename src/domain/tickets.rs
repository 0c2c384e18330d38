//! Tickets as the desk decides about them: what a new ticket and its first
//! timeline entries are, what a change sets, and who may do what to a ticket.

use std::collections::BTreeMap;

use jiff::Timestamp;

use crate::api::{
    AuthorKind, ChangeAction, Channel, Environment, FieldError, MessageRole, Plan, Priority,
    Requester, Role, Section, Ticket, TicketStatus, TimelineKind, TranscriptMessage,
};
use crate::domain::reply::reply_channel;
use crate::domain::validate::{Checks, Invalid};
use crate::domain::workspace::{Snapshot, change};
use crate::domain::{Refusal, assignment, handoff};

/// The longest note or reply, in characters.
pub const MAX_BODY_CHARS: usize = 20_000;

/// Refuses an append larger than a handoff's transcript may be, as the
/// handoff is refused: 413 `transcript_too_large` for more messages than
/// [`handoff::MAX_TRANSCRIPT_MESSAGES`] (field `messages`) and for each
/// message longer than [`handoff::MAX_MESSAGE_CHARS`]
/// ([`handoff::too_long_messages`], field `messages[i].text`). Checked
/// before [`check_appended`]: whatever else is wrong, the platform must send
/// less.
pub fn check_appended_size(messages: &[TranscriptMessage]) -> Result<(), Vec<handoff::Rejection>> {
    let mut problems = Vec::new();
    if messages.len() > handoff::MAX_TRANSCRIPT_MESSAGES {
        problems.push(handoff::Rejection::new(
            413,
            handoff::TRANSCRIPT_TOO_LARGE,
            "messages",
            format!(
                "the append has {} messages; at most {} are accepted at once: send the rest \
                 in another append",
                messages.len(),
                handoff::MAX_TRANSCRIPT_MESSAGES
            ),
        ));
    }
    problems.extend(handoff::too_long_messages(
        messages,
        "messages",
        "the append",
    ));
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// Checks messages the AI agent platform appends to a ticket's conversation,
/// received at `at`, once [`check_appended_size`] found them not too large:
/// at least one, each with text and dated as a handoff's transcript may be
/// ([`handoff::message_time_problems`]).
pub fn check_appended(messages: &[TranscriptMessage], at: Timestamp) -> Result<(), Invalid> {
    let mut checks = Checks::new();
    if messages.is_empty() {
        checks.push("messages", "send at least one message");
    }
    for (index, message) in messages.iter().enumerate() {
        if message.text.trim().is_empty() {
            checks.push(
                &format!("messages[{index}].text"),
                format!("message {index} has no text"),
            );
        }
    }
    for (index, problem) in handoff::message_time_problems(messages, at) {
        checks.push(&format!("messages[{index}].at"), problem);
    }
    checks.finish()
}

/// A problem (field `messages[i].at`) for each appended message dated before
/// `last`, the time of the ticket's last conversation message: the
/// conversation comes oldest first, across appends as within one
/// ([`handoff::message_time_problems`]). Messages without a time are dated
/// when received, after every other, and are not compared.
pub fn appended_before(messages: &[TranscriptMessage], last: Option<Timestamp>) -> Vec<FieldError> {
    let Some(last) = last else {
        return Vec::new();
    };
    messages
        .iter()
        .enumerate()
        .filter_map(|(index, message)| {
            let sent = message.at.filter(|sent| *sent < last)?;
            Some(FieldError::new(
                format!("messages[{index}].at"),
                format!(
                    "message {index} is dated {sent}, before the ticket's last message \
                     ({last}): messages come oldest first"
                ),
            ))
        })
        .collect()
}

/// The body of a note or a reply as kept: white space around it dropped;
/// refused (field `body`) when nothing is left or it is longer than
/// [`MAX_BODY_CHARS`] characters.
pub fn check_body(body: &str) -> Result<String, Invalid> {
    let body = body.trim();
    let mut checks = Checks::new();
    if body.is_empty() {
        checks.push("body", "must not be empty");
    } else if body.len() > MAX_BODY_CHARS && body.chars().count() > MAX_BODY_CHARS {
        checks.push(
            "body",
            format!("must be at most {MAX_BODY_CHARS} characters"),
        );
    }
    checks.finish().map(|()| body.to_string())
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
    /// When it opened: the instant the handoff or email that opens it was
    /// taken in, which the desk's own entries of its first timeline carry
    /// too, so the ticket is never younger than its own history.
    pub created_at: Timestamp,
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
    /// `Some(None)` leaves it without a team.
    pub team: Option<Option<String>>,
    pub ai_paused: Option<bool>,
}

/// Whether a change to `ticket` is activity, which moves its last activity
/// time: what the customer sees happen (a message in or out of the
/// conversation, a status change). The customer's own view shows that time,
/// and the queue sorted by activity shows who has waited longest for an
/// answer: an internal note, a new priority, an assignment, a takeover or a
/// delivery's outcome tells the customer nothing and answers nobody.
pub fn is_activity(ticket: &Ticket, change: &TicketChange, entries: &[NewEntry]) -> bool {
    entries
        .iter()
        .any(|entry| entry.kind == TimelineKind::Message)
        || change.status.is_some_and(|status| status != ticket.status)
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

    /// The caller as `GET /v1/me` describes them, for a client to judge
    /// what the service would allow: the local desk's owner, or an operator
    /// (their teams left out: no rule a client judges reads them). None for
    /// an ingest token, which the client cannot tell apart from another.
    pub fn from_me(me: &crate::api::Me) -> Option<Actor> {
        match (me.kind.as_str(), &me.operator, me.role) {
            ("local-owner", ..) => Some(Actor::Desk),
            (_, Some(handle), Some(role)) => Some(Actor::Operator {
                handle: handle.clone(),
                role,
                teams: Vec::new(),
            }),
            _ => None,
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

/// Whether `actor` may send a write to `ticket` at all, decided before what
/// the write asks is read: a caller who may not see the ticket is refused as
/// [`may_see`] refuses them, whatever they sent. An assignment of a ticket
/// someone holds is the one exception: an operator's assignment to
/// themselves is a take ([`Action::as_taken_by`]), and a take of a ticket
/// someone else holds is told it is taken, decided under the ticket's lock.
pub fn may_address(actor: &Actor, ticket: &Ticket, assigning: bool) -> Result<(), Refusal> {
    match may_see(actor, ticket) {
        Err(_) if assigning && ticket.assignee.is_some() && actor.handle().is_some() => Ok(()),
        seen => seen,
    }
}

/// The problem code of an operator's assignment to anyone but themselves.
pub const ASSIGN_NEEDS_MANAGER: &str = "assign_needs_manager";

/// The problem code of a document that prunes a team holding open tickets:
/// the document cannot say where they go, as a team's removal can.
pub const PRUNED_TEAM_HAS_TICKETS: &str = "pruned_team_has_tickets";

/// Refuses an assignment by hand to anyone but oneself to all but owners and
/// managers: an operator's assignment to themselves is a take
/// ([`Action::as_taken_by`]), and the refusal says so.
fn may_assign(actor: &Actor) -> Result<(), Refusal> {
    match actor {
        _ if actor.manages() => Ok(()),
        Actor::Operator { handle, role, .. } => Err(Refusal::ForbiddenAs {
            code: ASSIGN_NEEDS_MANAGER,
            detail: format!(
                "assigning to someone else or moving to a team needs the manager role or \
                 higher; the token acts as '{handle}' ({role}), who may assign tickets only to \
                 themselves: take the ticket, or assign it to '{handle}'"
            ),
        }),
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

/// Whether `actor` may reply to `ticket`'s customer: its assignee, a manager
/// or an owner. The service's rule, for a client to say before any text is
/// typed (the inbox, `tickets triage`) rather than after it is refused.
pub fn may_reply(actor: &Actor, ticket: &Ticket) -> Result<(), Refusal> {
    may_act(actor, ticket, "reply on")
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
            may_assign(actor)?;
            let same_assignee = assignment
                .to
                .as_ref()
                .is_none_or(|to| ticket.assignee.as_ref() == Some(to));
            let same_team = assignment
                .team
                .as_ref()
                .is_none_or(|team| ticket.team.as_ref() == Some(team));
            (open && same_assignee && same_team, "assign")
        }
        Action::Take { .. } => (
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
                "ticket {} is resolved: reopen it before you {action}",
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
    /// Assign an unassigned ticket of one's teams to oneself, who has
    /// `open_tickets` open and pending tickets: guarded as any assignment by
    /// hand ([`assignment::check_by_hand`]), unless `force`.
    Take {
        open_tickets: u32,
        force: bool,
    },
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
        /// The time of the ticket's last conversation message (its
        /// transcript's or an earlier append's), read in the write that
        /// appends: none is dated before it ([`appended_before`]).
        last_message_at: Option<Timestamp>,
    },
}

impl Action {
    /// Whether [`decide`] reads the workspace (who the operators and teams
    /// are) for this action: the others are decided on the ticket alone, and
    /// may be decided with [`Snapshot::empty`], sparing the service the look
    /// at whether the workspace changed.
    pub fn reads_workspace(&self) -> bool {
        matches!(
            self,
            Action::Assign(_) | Action::Take { .. } | Action::Reopen
        )
    }

    /// This action as `actor` asks it: an operator's assignment of a ticket
    /// to themselves, no team named, is a take, allowed and guarded as
    /// `tickets take` is (a ticket of their teams nobody holds); assigning
    /// to anyone else stays a manager's. A manager's is an assignment still,
    /// which may take a ticket from whoever holds it.
    pub fn as_taken_by(self, actor: &Actor) -> Action {
        match self {
            Action::Assign(Assignment {
                to: Some(to),
                team: None,
                open_tickets,
                force,
                ..
            }) if !actor.manages() && actor.handle() == Some(to.as_str()) => Action::Take {
                open_tickets,
                force,
            },
            action => action,
        }
    }
}

/// An assignment by hand: to operator `to`, who has `open_tickets` open
/// and pending tickets, refused unless `force` when
/// [`assignment::check_by_hand`] finds them unfit; and/or to `team`, a move
/// that unassigns the ticket unless `to` names its operator or its assignee
/// is in that team too. At least one of `to` and `team` is named. With
/// `expect`, only if the ticket's assignee is still that one (`Some(None)`:
/// still unassigned): what a person picking from a list saw. Made with
/// [`Assignment::new`], which holds to the first rule.
#[derive(Debug, Clone)]
pub struct Assignment {
    pub to: Option<String>,
    pub team: Option<String>,
    pub open_tickets: u32,
    pub force: bool,
    pub expect: Option<Option<String>>,
}

impl Assignment {
    /// An assignment to operator `to` and/or team `team`, unguarded and
    /// expecting nothing; refused (field `to`) when it names neither.
    pub fn new(to: Option<String>, team: Option<String>) -> Result<Assignment, Refusal> {
        if to.is_none() && team.is_none() {
            return Err(Refusal::Invalid(vec![FieldError::new(
                "to",
                "name the operator (`to`), the team (`team`), or both",
            )]));
        }
        Ok(Assignment {
            to,
            team,
            open_tickets: 0,
            force: false,
            expect: None,
        })
    }
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

/// Checks removing team `key` from `workspace`, its tickets to go to team
/// `move_to` (white space around it dropped): the team they go to, if named.
/// Refused, first reason first: a team that does not exist; a `move_to`
/// that names the team removed or none that exists (field `move-to`); a
/// removal the workspace forbids ([`change::remove_team`]: the default team,
/// one a rule routes to); unless `by_owner`, an owner among its members
/// ([`change::only_owners_change_owners`]). Its tickets are counted, and
/// moved, in the removal's own transaction ([`team_leaving`]), last.
pub fn plan_team_removal(
    workspace: &Snapshot,
    key: &str,
    move_to: Option<&str>,
    by_owner: bool,
) -> Result<Option<String>, Refusal> {
    if workspace.team(key).is_none() {
        return Err(Refusal::not_found("team", key));
    }
    let move_to = move_to.map(str::trim);
    let wrong_move_to = match move_to {
        Some(to) if to == key => Some(format!(
            "'{to}' is the team being removed: name another team"
        )),
        Some(to) if workspace.team(to).is_none() => Some(format!("team '{to}' does not exist")),
        _ => None,
    };
    if let Some(why) = wrong_move_to {
        return Err(Refusal::Invalid(vec![FieldError::new("move-to", why)]));
    }
    // A trial on a copy, so that a refusal comes before anything is written;
    // its stamps are thrown away with it.
    let mut after = workspace.clone();
    change::remove_team(&mut after, key, Timestamp::UNIX_EPOCH)?;
    change::only_owners_change_owners(by_owner, workspace, &after)?;
    Ok(move_to.map(str::to_string))
}

/// Where the open and pending tickets of team `key` go as a change removes
/// it, decided in the change's transaction: `open_tickets` is how many it
/// holds there, `after` the workspace the change leaves. To `move_to`
/// (refused, field `move-to`, when `after` has no such team); with none
/// named, nowhere, which is refused (409 `team_has_tickets`) while it holds
/// any and other teams are left ([`tickets_left_behind`]).
pub fn team_leaving(
    key: &str,
    open_tickets: u64,
    move_to: Option<&str>,
    after: &Snapshot,
) -> Result<Option<String>, Refusal> {
    if let Some(to) = move_to
        && after.team(to).is_none()
    {
        return Err(Refusal::Invalid(vec![FieldError::new(
            "move-to",
            format!("team '{to}' does not exist"),
        )]));
    }
    if let Some(why) = tickets_left_behind(key, open_tickets, move_to, after.teams.len()) {
        return Err(Refusal::conflict("team_has_tickets", why));
    }
    Ok(move_to.map(str::to_string))
}

/// Why team `key` may not be removed as asked: it holds `open_tickets` open
/// and pending tickets, `move_to` names no team for them, and `others` other
/// teams could take them. A team's tickets are never left without a team
/// unasked (nobody's "unassigned" view shows them, and no operator may take
/// them); only the last team's can be, having nowhere else to go.
pub fn tickets_left_behind(
    key: &str,
    open_tickets: u64,
    move_to: Option<&str>,
    others: usize,
) -> Option<String> {
    if move_to.is_some() || open_tickets == 0 || others == 0 {
        return None;
    }
    Some(format!(
        "team {key} has {}: name the team they go to",
        open_or_pending(open_tickets)
    ))
}

fn open_or_pending(tickets: u64) -> String {
    match tickets {
        1 => "1 open or pending ticket".to_string(),
        n => format!("{n} open or pending tickets"),
    }
}

/// [`team_leaving`] with no team named for the tickets: what a change that
/// does not say where they go decides.
pub fn team_leaving_unmoved(
    key: &str,
    open_tickets: u64,
    after: &Snapshot,
) -> Result<Option<String>, Refusal> {
    team_leaving(key, open_tickets, None, after)
}

/// Refuses a document that removes (`--prune`) a team still holding open or
/// pending tickets while other teams remain, as `DELETE /v1/teams/{key}`
/// refuses it without `move_to` ([`tickets_left_behind`]): a document has no
/// place to say where they go. `open_by_team` counts open and pending tickets
/// by team (groups of a count by team, any number per team); `teams_after` is
/// how many teams the workspace keeps. For a plan; applying decides each team
/// in its transaction ([`pruned_team_leaving`]).
pub fn check_pruned_teams(
    plan: &Plan,
    open_by_team: &[(Option<String>, u64)],
    teams_after: usize,
) -> Result<(), Refusal> {
    let removed = plan
        .sections
        .iter()
        .filter(|section| section.section == Section::Teams)
        .flat_map(|section| &section.changes)
        .filter(|change| change.action == ChangeAction::Remove);
    for change in removed {
        let key = change.resource.as_str();
        let open: u64 = open_by_team
            .iter()
            .filter(|(team, _)| team.as_deref() == Some(key))
            .map(|(_, count)| count)
            .sum();
        pruned_team_leaving(key, open, teams_after)?;
    }
    Ok(())
}

/// [`team_leaving`] for team `key`, which a document removes (`--prune`)
/// while it holds `open_tickets` open and pending tickets, and
/// `teams_after` teams are left: refused unless none are left behind (a
/// document cannot say where they go); the last team's have no team after.
pub fn pruned_team_leaving(
    key: &str,
    open_tickets: u64,
    teams_after: usize,
) -> Result<Option<String>, Refusal> {
    if tickets_left_behind(key, open_tickets, None, teams_after).is_some() {
        return Err(Refusal::conflict(
            PRUNED_TEAM_HAS_TICKETS,
            format!(
                "pruning would remove team {key}, which has {}: move them to another team \
                 first (the team's removal with `move-to`), or list {key} in `teams`",
                open_or_pending(open_tickets)
            ),
        )
        .at("teams"));
    }
    Ok(None)
}

/// What removing team `team` does to one of its open and pending tickets:
/// moved to team `to` (a `team-changed` event), or with none left without a
/// team (`team-removed`). Its assignee keeps it: their work goes on.
pub fn team_moved(team: &str, to: Option<&str>, at: Timestamp) -> (TicketChange, Vec<NewEntry>) {
    let entry = match to {
        Some(to) => NewEntry::system(
            "team-changed",
            format!("Team {team} → {to}: team {team} was removed"),
            at,
        ),
        None => NewEntry::system(
            "team-removed",
            format!("No team now: team {team} was removed"),
            at,
        ),
    };
    (
        TicketChange {
            team: Some(to.map(str::to_string)),
            ..TicketChange::default()
        },
        vec![entry],
    )
}

/// Decides `action` by `actor` on `ticket` at `at`, or refuses it;
/// `workspace` says who the operators and teams are now (read only for the
/// actions [`Action::reads_workspace`] names).
pub fn decide(
    actor: &Actor,
    ticket: &Ticket,
    action: Action,
    workspace: &Snapshot,
    at: Timestamp,
) -> Result<Decision, Refusal> {
    match action.as_taken_by(actor) {
        Action::Assign(Assignment {
            to,
            team,
            open_tickets,
            force,
            expect,
        }) => {
            may_assign(actor)?;
            if let Some(expected) = expect
                && expected != ticket.assignee
            {
                let now = match &ticket.assignee {
                    Some(assignee) => format!("assigned to {assignee}"),
                    None => "unassigned".to_string(),
                };
                return Err(Refusal::conflict(
                    "assignee_changed",
                    format!("ticket {} was {now} meanwhile", ticket.number),
                ));
            }
            let operator = match to {
                None => None,
                Some(to) => Some(workspace.operator(&to).ok_or(Refusal::UnknownReference {
                    field: "to".into(),
                    what: "operator",
                    key: to,
                })?),
            };
            let new_team = match team {
                None => ticket.team.clone(),
                Some(key) if workspace.team(&key).is_some() => Some(key),
                Some(key) => {
                    return Err(Refusal::UnknownReference {
                        field: "team".into(),
                        what: "team",
                        key,
                    });
                }
            };
            not_resolved(ticket, "assign it")?;
            let mut change = TicketChange::default();
            let mut entries = Vec::new();
            let moved = new_team != ticket.team;
            if moved {
                change.team = Some(new_team.clone());
                entries.push(actor.event(
                    "team-changed",
                    format!(
                        "Team {} → {}",
                        ticket.team.as_deref().unwrap_or("none"),
                        new_team.as_deref().unwrap_or("none")
                    ),
                    at,
                ));
            }
            match operator {
                Some(operator) => {
                    if !force {
                        let handed = [(new_team.as_deref(), 1)];
                        // Not resolved, a ticket already theirs is among their open ones.
                        let kept = u32::from(ticket.assignee.as_ref() == Some(&operator.handle));
                        assignment::check_by_hand(operator, open_tickets, &handed, kept).map_err(
                            |refused| {
                                refused.refusal("assign anyway by forcing it, or pick someone else")
                            },
                        )?;
                    }
                    if ticket.assignee.as_ref() != Some(&operator.handle) {
                        change.assignee = Some(Some(operator.handle.clone()));
                        entries.push(actor.event(
                            "assigned",
                            format!("Assigned to {}", operator.handle),
                            at,
                        ));
                    }
                }
                // Moved to a team its assignee is not in: the new team
                // picks it up, unassigned.
                None => {
                    if let (true, Some(assignee), Some(new_team)) =
                        (moved, &ticket.assignee, &new_team)
                        && !workspace
                            .operator(assignee)
                            .is_some_and(|o| o.teams.contains(new_team))
                    {
                        change.assignee = Some(None);
                        entries.push(actor.event(
                            "unassigned",
                            format!("Unassigned from {assignee}: not in team {new_team}"),
                            at,
                        ));
                    }
                }
            }
            Ok(Decision::new(change, entries))
        }
        Action::Unassign => {
            may_act(actor, ticket, "unassign")?;
            not_resolved(ticket, "unassign it")?;
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
        Action::Take {
            open_tickets,
            force,
        } => {
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
            // Assigned to them meanwhile (by a lead, outside their teams
            // too): theirs already, whatever its team.
            if ticket.assignee.as_ref() == Some(handle) {
                not_resolved(ticket, "take it")?;
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
            not_resolved(ticket, "take it")?;
            // Taking is assigning to oneself, guarded alike: whoever is not
            // online, has no room, or takes a ticket outside their teams (a
            // manager may) does so knowingly.
            if !force && let Some(operator) = workspace.operator(handle) {
                assignment::check_by_hand(
                    operator,
                    open_tickets,
                    &[(ticket.team.as_deref(), 1)],
                    0,
                )
                .map_err(|refused| refused.refusal("take it anyway by forcing it"))?;
            }
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
            not_resolved(ticket, "change its priority")?;
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
            may_reply(actor, ticket)?;
            not_resolved(ticket, "reply to it")?;
            let channel = reply_channel(
                ticket.channel,
                ticket.ai_paused,
                ticket.requester.email.is_some(),
                channel,
            )
            .map_err(|why| Refusal::conflict(why.code(), why.to_string()))?;
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
            not_resolved(ticket, "take it over")?;
            match ai_answering(ticket) {
                AiAnswering::Yes => {}
                AiAnswering::NoAgent => {
                    return Err(Refusal::conflict(
                        "no_ai_to_take_over",
                        format!(
                            "no AI answers ticket {n}: it came from the support inbox; \
                             reply to it by email",
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
            not_resolved(ticket, "resolve it")?;
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
        Action::Append {
            messages,
            origin,
            last_message_at,
        } => {
            may_append(actor, ticket.number, &origin)?;
            if ticket.status == TicketStatus::Resolved {
                return Err(Refusal::conflict(
                    "ticket_resolved",
                    format!("ticket {} is resolved", ticket.number),
                ));
            }
            let disordered = appended_before(&messages, last_message_at);
            if !disordered.is_empty() {
                return Err(Refusal::Invalid(disordered));
            }
            let customer_wrote = messages.iter().any(|m| m.role == MessageRole::Customer);
            let mut entries: Vec<NewEntry> = messages
                .iter()
                .map(|message| {
                    let customer = handoff::who(&ticket.requester).map(str::to_string);
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
/// What a reply the customer never got (its message dead) does to its
/// ticket: one waiting on the customer (pending) or resolved is open again,
/// back in the queue, where the team sees the `delivery-failed` event beside
/// it and can reach the customer another way; an open one is in the queue
/// already and stays as it is.
pub fn reply_not_delivered(
    ticket: &Ticket,
    workspace: &Snapshot,
    at: Timestamp,
) -> (TicketChange, Vec<NewEntry>) {
    let mut change = TicketChange {
        status: Some(TicketStatus::Open),
        ..TicketChange::default()
    };
    match ticket.status {
        TicketStatus::Open => (TicketChange::default(), Vec::new()),
        TicketStatus::Pending => (
            change,
            vec![NewEntry::system(
                "status-changed",
                "Status pending → open: the customer did not get the reply",
                at,
            )],
        ),
        TicketStatus::Resolved => {
            let mut entries = vec![NewEntry::system(
                "reopened",
                "Reopened: the customer did not get the reply",
                at,
            )];
            unassign_if_removed(ticket, workspace, &mut change, &mut entries, at);
            (change, entries)
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
    use crate::api::{Availability, Operator};

    /// Taking with no open tickets, unforced.
    const TAKE: Action = Action::Take {
        open_tickets: 0,
        force: false,
    };

    #[test]
    fn an_appended_message_may_not_be_dated_before_the_tickets_last_one() {
        let at = |text: &str| text.parse::<Timestamp>().unwrap();
        let message = |when: Option<&str>| TranscriptMessage {
            role: MessageRole::Customer,
            text: "hello?".into(),
            at: when.map(at),
        };
        let last = Some(at("2026-12-07T10:00:00Z"));
        let messages = [
            message(Some("2020-01-01T00:00:00Z")),
            message(None),
            message(Some("2026-12-07T10:00:00Z")),
            message(Some("2026-12-07T09:59:59.999999Z")),
        ];
        let problems = appended_before(&messages, last);
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["messages[0].at", "messages[3].at"]);
        assert!(
            problems[0]
                .message
                .contains("before the ticket's last message (2026-12-07T10:00:00Z)"),
            "{problems:?}"
        );
        assert!(
            appended_before(&messages, None).is_empty(),
            "no message yet"
        );
    }

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
    fn the_caller_as_me_describes_them_may_reply_as_the_service_decides() {
        let me = |kind: &str, operator: Option<&str>, role: Option<Role>| crate::api::Me {
            kind: kind.into(),
            operator: operator.map(Into::into),
            role,
            token: None,
        };
        let bob = Actor::from_me(&me("operator", Some("bob"), Some(Role::Operator))).unwrap();
        let lead = Actor::from_me(&me("operator", Some("lea"), Some(Role::Manager))).unwrap();
        let owner = Actor::from_me(&me("local-owner", None, Some(Role::Owner))).unwrap();
        assert_eq!(Actor::from_me(&me("ingest", None, None)), None);
        let unassigned = ticket(Some("shop"), false);
        let bobs = Ticket {
            assignee: Some("bob".into()),
            ..unassigned.clone()
        };
        let refused = may_reply(&bob, &unassigned).unwrap_err();
        assert_eq!(
            refused.to_string(),
            "only the ticket's assignee, a manager or an owner may reply on ticket 10001"
        );
        // The rule the service applies to a reply is this one.
        let reply = Action::Reply {
            text: "Hi".into(),
            channel: None,
        };
        let decided = decide(
            &bob,
            &unassigned,
            reply,
            &Snapshot::empty(),
            Timestamp::UNIX_EPOCH,
        );
        assert_eq!(decided.err(), Some(refused));
        assert_eq!(may_reply(&bob, &bobs), Ok(()));
        assert_eq!(may_reply(&lead, &unassigned), Ok(()));
        assert_eq!(may_reply(&owner, &unassigned), Ok(()));
    }

    #[test]
    fn actions_that_do_not_read_the_workspace_are_decided_alike_without_it() {
        let held = Ticket {
            assignee: Some("carol".into()),
            team: Some("support".into()),
            ..ticket(Some("shop"), false)
        };
        let resolved = Ticket {
            status: TicketStatus::Resolved,
            ..held.clone()
        };
        let mut desk = workspace(&[operator("carol", &["support"])]);
        desk.teams = vec![team("support")];
        let carol = Actor::Operator {
            handle: "carol".into(),
            role: Role::Operator,
            teams: vec!["support".into()],
        };
        let actions = [
            Action::Unassign,
            Action::SetPriority(Priority::Urgent),
            Action::Note("seen".into()),
            Action::Takeover,
            Action::Resolve,
            Action::Reopen,
        ];
        let at = Timestamp::UNIX_EPOCH;
        for ticket in [&held, &resolved] {
            for action in &actions {
                let decided = |workspace: &Snapshot| {
                    format!(
                        "{:?}",
                        decide(&carol, ticket, action.clone(), workspace, at)
                    )
                };
                let alike = decided(&desk) == decided(&Snapshot::empty());
                assert_eq!(
                    alike,
                    !action.reads_workspace() || ticket.status != TicketStatus::Resolved,
                    "{action:?} on a {:?} ticket",
                    ticket.status
                );
            }
        }
    }

    #[test]
    fn only_what_the_customer_sees_happen_is_activity() {
        let open = Ticket {
            channel: Channel::Web,
            ..ticket(Some("shop"), false)
        };
        let resolved = Ticket {
            status: TicketStatus::Resolved,
            ..open.clone()
        };
        let desk = workspace(&[operator("bob", &[])]);
        let assign = Action::Assign(Assignment::new(Some("bob".into()), None).unwrap());
        let customer_writes = Action::Append {
            messages: vec![sent(MessageRole::Customer, "Any news?", None)],
            origin: Origin::Desk,
            last_message_at: None,
        };
        let reply = Action::Reply {
            text: "On its way.".into(),
            channel: None,
        };
        for (ticket, action, activity) in [
            (&open, Action::Note("internal".into()), false),
            (&open, Action::SetPriority(Priority::Low), false),
            (&open, assign, false),
            (&open, Action::Takeover, false),
            (&open, reply, true),
            (&open, customer_writes, true),
            (&open, Action::Resolve, true),
            (&resolved, Action::Reopen, true),
        ] {
            let described = format!("{action:?}");
            let decision = decide(&Actor::Desk, ticket, action, &desk, Timestamp::UNIX_EPOCH)
                .unwrap_or_else(|refused| panic!("{described}: {refused:?}"));
            assert_eq!(
                is_activity(ticket, &decision.change, &decision.entries),
                activity,
                "{described}"
            );
        }
        // A status set to the one the ticket has already is no change the
        // customer sees.
        let same = TicketChange {
            status: Some(TicketStatus::Open),
            ..TicketChange::default()
        };
        assert!(!is_activity(&open, &same, &[]));
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
    fn a_reply_the_customer_never_got_puts_the_ticket_back_in_the_queue() {
        let at = Timestamp::UNIX_EPOCH;
        let with_carol = workspace(&[operator("carol", &[])]);
        let with = |status| Ticket {
            status,
            assignee: Some("carol".into()),
            ..ticket(None, false)
        };
        let bodies = |entries: &[NewEntry]| -> Vec<(String, String)> {
            entries
                .iter()
                .map(|e| (e.event.clone().unwrap(), e.body.clone().unwrap()))
                .collect()
        };
        let (change, entries) = reply_not_delivered(&with(TicketStatus::Open), &with_carol, at);
        assert_eq!(
            (change.status, entries.len()),
            (None, 0),
            "in the queue already"
        );
        let (change, entries) = reply_not_delivered(&with(TicketStatus::Pending), &with_carol, at);
        assert_eq!(change.status, Some(TicketStatus::Open));
        assert_eq!(
            bodies(&entries),
            [(
                "status-changed".into(),
                "Status pending → open: the customer did not get the reply".into()
            )]
        );
        let (change, entries) = reply_not_delivered(&with(TicketStatus::Resolved), &with_carol, at);
        assert_eq!(
            (change.status, change.assignee),
            (Some(TicketStatus::Open), None)
        );
        assert_eq!(
            bodies(&entries),
            [(
                "reopened".into(),
                "Reopened: the customer did not get the reply".into()
            )]
        );
        // Reopened, it does not wait on an operator since removed.
        let (change, entries) =
            reply_not_delivered(&with(TicketStatus::Resolved), &workspace(&[]), at);
        assert_eq!(change.assignee, Some(None));
        assert_eq!(entries[1].event.as_deref(), Some("unassigned"));
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
                    to: Some("bob".into()),
                    team: None,
                    open_tickets,
                    force,
                    expect: None,
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
                     team): assign anyway by forcing it, or pick someone else"
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
                to: Some("zed".into()),
                team: None,
                open_tickets: 0,
                force: true,
                expect: None,
            }),
            &desk,
            Timestamp::UNIX_EPOCH,
        );
        assert!(matches!(unknown, Err(Refusal::UnknownReference { .. })));
    }

    #[test]
    fn a_ticket_kept_by_its_assignee_does_not_count_against_their_capacity() {
        let theirs = Ticket {
            team: Some("support".into()),
            assignee: Some("bob".into()),
            ..ticket(Some("shop"), false)
        };
        let mut bob = operator("bob", &["support"]);
        bob.capacity = Some(8);
        let mut desk = workspace(&[bob]);
        desk.teams = vec![team("support"), team("billing")];
        let assign = |team: Option<&str>| {
            decide(
                &Actor::Desk,
                &theirs,
                Action::Assign(Assignment {
                    to: Some("bob".into()),
                    team: team.map(str::to_string),
                    open_tickets: 8,
                    force: false,
                    expect: None,
                }),
                &desk,
                Timestamp::UNIX_EPOCH,
            )
        };
        // Assigned to him again: his 8 include it, and nothing changes.
        let again = assign(None).unwrap();
        assert_eq!(again.change.assignee, None);
        assert!(again.entries.is_empty());
        // Moved to a team he is not in: that alone is the reason.
        match assign(Some("billing")).unwrap_err() {
            Refusal::Conflict { code, detail } => {
                assert_eq!(code, assignment::OUTSIDE_TEAM);
                assert_eq!(
                    detail,
                    "bob is not in team billing (the ticket's team): assign anyway by \
                     forcing it, or pick someone else"
                );
            }
            other => panic!("{other:?}"),
        }
    }

    fn team(key: &str) -> crate::api::Team {
        serde_json::from_value(serde_json::json!({
            "key": key, "name": key, "default": false, "members": [],
            "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"
        }))
        .unwrap()
    }

    #[test]
    fn moving_a_ticket_to_a_team_leaves_it_to_that_team_unless_its_assignee_is_in_it() {
        let mut desk = workspace(&[
            operator("alice", &["support"]),
            operator("bob", &["support", "tech"]),
            operator("dave", &["tech"]),
        ]);
        desk.teams = vec![team("support"), team("tech")];
        let held_by = |assignee: &str| Ticket {
            team: Some("support".into()),
            assignee: Some(assignee.into()),
            ..ticket(Some("shop"), false)
        };
        let to_tech = |to: Option<&str>| {
            Action::Assign(Assignment {
                to: to.map(str::to_string),
                team: Some("tech".into()),
                open_tickets: 0,
                force: false,
                expect: None,
            })
        };
        let at = Timestamp::UNIX_EPOCH;
        let moved = decide(&Actor::Desk, &held_by("alice"), to_tech(None), &desk, at).unwrap();
        assert_eq!(moved.change.team, Some(Some("tech".into())));
        assert_eq!(moved.change.assignee, Some(None));
        assert_eq!(
            events(&moved),
            [
                ("team-changed", "Team support → tech"),
                ("unassigned", "Unassigned from alice: not in team tech")
            ]
        );
        let kept = decide(&Actor::Desk, &held_by("bob"), to_tech(None), &desk, at).unwrap();
        assert_eq!(kept.change.assignee, None);
        assert_eq!(events(&kept), [("team-changed", "Team support → tech")]);
        let handed = decide(
            &Actor::Desk,
            &held_by("alice"),
            to_tech(Some("dave")),
            &desk,
            at,
        )
        .unwrap();
        assert_eq!(handed.change.assignee, Some(Some("dave".into())));
        assert_eq!(
            events(&handed),
            [
                ("team-changed", "Team support → tech"),
                ("assigned", "Assigned to dave")
            ]
        );
        // The guard judges the operator against the team it moves to.
        let refused = decide(
            &Actor::Desk,
            &held_by("bob"),
            to_tech(Some("alice")),
            &desk,
            at,
        );
        assert!(
            matches!(&refused, Err(Refusal::Conflict { code, .. }) if *code == assignment::OUTSIDE_TEAM),
            "{refused:?}"
        );
        // Already there is nothing to do; a team that does not exist is named.
        let there = Ticket {
            team: Some("tech".into()),
            ..held_by("bob")
        };
        assert_eq!(
            changes_nothing(&Actor::Desk, &there, &to_tech(None)),
            Ok(true)
        );
        let nowhere = Action::Assign(Assignment {
            to: None,
            team: Some("ghost".into()),
            open_tickets: 0,
            force: true,
            expect: None,
        });
        assert!(matches!(
            decide(&Actor::Desk, &there, nowhere, &desk, at),
            Err(Refusal::UnknownReference { what: "team", .. })
        ));
    }

    /// Teams `support` (the default) and `tech`, and, when `billing`, a
    /// third team `billing`.
    fn teams(billing: bool) -> Snapshot {
        let mut workspace = Snapshot::empty();
        let keys: &[&str] = if billing {
            &["support", "tech", "billing"]
        } else {
            &["support", "tech"]
        };
        for (index, key) in keys.iter().enumerate() {
            let new = change::NewTeam {
                key: key.to_string(),
                name: key.to_string(),
                default: index == 0,
                members: Vec::new(),
            };
            change::add_team(&mut workspace, new, Timestamp::UNIX_EPOCH).unwrap();
        }
        workspace
    }

    #[test]
    fn a_body_is_trimmed_and_refused_empty_or_too_long() {
        assert_eq!(check_body("  Thanks, Dana.\n").unwrap(), "Thanks, Dana.");
        let refused = |body: &str| check_body(body).unwrap_err().0;
        assert_eq!(
            refused(" \n\t "),
            [FieldError::new("body", "must not be empty")]
        );
        // Characters, not bytes: 20,000 three-byte characters are taken.
        let longest = "€".repeat(MAX_BODY_CHARS);
        assert_eq!(check_body(&format!(" {longest} ")).unwrap(), longest);
        assert_eq!(
            refused(&format!("{longest}a")),
            [FieldError::new(
                "body",
                format!("must be at most {MAX_BODY_CHARS} characters")
            )]
        );
    }

    #[test]
    fn an_assignment_names_an_operator_a_team_or_both() {
        let refused = Assignment::new(None, None).unwrap_err();
        assert_eq!(
            refused,
            Refusal::Invalid(vec![FieldError::new(
                "to",
                "name the operator (`to`), the team (`team`), or both"
            )])
        );
        for (to, team) in [
            (Some("alice"), None),
            (None, Some("tech")),
            (Some("alice"), Some("tech")),
        ] {
            let made = Assignment::new(to.map(str::to_string), team.map(str::to_string)).unwrap();
            assert_eq!(made.to.as_deref(), to);
            assert_eq!(made.team.as_deref(), team);
            assert!(!made.force && made.expect.is_none() && made.open_tickets == 0);
        }
    }

    #[test]
    fn a_team_removal_moves_its_open_and_pending_tickets_where_move_to_says() {
        let desk = teams(true);
        assert_eq!(
            plan_team_removal(&desk, "tech", Some(" billing "), true),
            Ok(Some("billing".into()))
        );
        assert_eq!(plan_team_removal(&desk, "tech", None, true), Ok(None));
        let mut after = desk.clone();
        change::remove_team(&mut after, "tech", Timestamp::UNIX_EPOCH).unwrap();
        assert_eq!(
            team_leaving("tech", 3, Some("billing"), &after),
            Ok(Some("billing".into()))
        );
        // Nothing is left behind: no team needs naming.
        assert_eq!(team_leaving("tech", 0, None, &after), Ok(None));
        // The team named went away before the removal's transaction.
        change::remove_team(&mut after, "billing", Timestamp::UNIX_EPOCH).unwrap();
        assert_eq!(
            team_leaving("tech", 0, Some("billing"), &after),
            Err(Refusal::Invalid(vec![FieldError::new(
                "move-to",
                "team 'billing' does not exist"
            )]))
        );
    }

    #[test]
    fn a_pruned_team_with_open_tickets_is_refused_unless_no_team_is_left() {
        let plan: Plan = serde_json::from_value(serde_json::json!({
            "sections": [{"section": "teams", "changes": [
                {"action": "remove", "resource": "billing"},
                {"action": "change", "resource": "support"},
            ]}],
            "summary": {"add": 0, "change": 1, "remove": 1, "unmanaged": 0},
        }))
        .unwrap();
        // Open and pending counted by team, one group each.
        let counts = [
            (Some("billing".to_string()), 1),
            (Some("support".to_string()), 7),
            (Some("billing".to_string()), 2),
            (None, 4),
        ];
        let refused = check_pruned_teams(&plan, &counts, 1).unwrap_err();
        assert_eq!(
            refused,
            Refusal::conflict(
                PRUNED_TEAM_HAS_TICKETS,
                "pruning would remove team billing, which has 3 open or pending tickets: move \
                 them to another team first (the team's removal with `move-to`), or list \
                 billing in `teams`"
            )
            .at("teams")
        );
        assert_eq!(
            check_pruned_teams(&plan, &counts, 0),
            Ok(()),
            "the last team"
        );
        let quiet = [(Some("support".to_string()), 7), (None, 4)];
        assert_eq!(check_pruned_teams(&plan, &quiet, 1), Ok(()));
    }

    #[test]
    fn a_team_removal_leaves_tickets_behind_only_when_it_is_the_last_team() {
        let mut after = teams(true);
        change::remove_team(&mut after, "tech", Timestamp::UNIX_EPOCH).unwrap();
        let refused = team_leaving("tech", 3, None, &after).unwrap_err();
        assert_eq!(
            refused,
            Refusal::conflict(
                "team_has_tickets",
                "team tech has 3 open or pending tickets: name the team they go to"
            )
        );
        let mut last = teams(false);
        change::remove_team(&mut last, "tech", Timestamp::UNIX_EPOCH).unwrap();
        assert_eq!(plan_team_removal(&last, "support", None, true), Ok(None));
        change::remove_team(&mut last, "support", Timestamp::UNIX_EPOCH).unwrap();
        assert_eq!(team_leaving("support", 3, None, &last), Ok(None));
        assert_eq!(pruned_team_leaving("support", 3, 0), Ok(None));
    }

    #[test]
    fn a_team_removal_names_what_is_wrong_with_move_to() {
        let desk = teams(true);
        let invalid = |move_to: &str| match plan_team_removal(&desk, "tech", Some(move_to), true)
            .unwrap_err()
        {
            Refusal::Invalid(errors) => errors
                .into_iter()
                .map(|e| (e.field, e.message))
                .collect::<Vec<_>>(),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            invalid(" tech "),
            [(
                "move-to".to_string(),
                "'tech' is the team being removed: name another team".to_string()
            )]
        );
        assert_eq!(
            invalid("ghost"),
            [(
                "move-to".to_string(),
                "team 'ghost' does not exist".to_string()
            )]
        );
    }

    #[test]
    fn a_team_removal_is_refused_first_for_the_team_then_move_to_then_the_workspace() {
        let desk = teams(true);
        assert_eq!(
            plan_team_removal(&desk, "ghost", Some("ghost"), true),
            Err(Refusal::not_found("team", "ghost"))
        );
        // The default team is refused by the workspace, but a wrong move-to first.
        assert!(matches!(
            plan_team_removal(&desk, "support", Some("nowhere"), true),
            Err(Refusal::Invalid(_))
        ));
        assert!(matches!(
            plan_team_removal(&desk, "support", Some("tech"), true),
            Err(Refusal::Conflict {
                code: "default_team_required",
                ..
            })
        ));
        assert!(matches!(
            plan_team_removal(&desk, "support", None, true),
            Err(Refusal::Conflict {
                code: "default_team_required",
                ..
            })
        ));
    }

    #[test]
    fn a_team_is_removed_with_its_open_tickets_only_by_naming_where_they_go() {
        assert_eq!(tickets_left_behind("support", 0, None, 2), None);
        assert_eq!(tickets_left_behind("support", 3, Some("tech"), 2), None);
        assert_eq!(
            tickets_left_behind("support", 1, None, 1).as_deref(),
            Some("team support has 1 open or pending ticket: name the team they go to")
        );
        // The last team's have nowhere else to go.
        assert_eq!(tickets_left_behind("support", 3, None, 0), None);
        let (change, entries) = team_moved("support", Some("tech"), Timestamp::UNIX_EPOCH);
        assert_eq!(change.team, Some(Some("tech".into())));
        assert_eq!(change.assignee, None, "their assignee keeps them");
        assert_eq!(
            entries[0].body.as_deref(),
            Some("Team support → tech: team support was removed")
        );
        let (change, _) = team_moved("support", None, Timestamp::UNIX_EPOCH);
        assert_eq!(change.team, Some(None));
    }

    #[test]
    fn an_assignment_expecting_another_assignee_than_the_tickets_is_refused() {
        let desk = workspace(&[operator("jose", &[]), operator("priya", &[])]);
        let ticket = Ticket {
            assignee: Some("priya".into()),
            ..ticket(Some("shop"), false)
        };
        let to_jose = |expect: Option<Option<&str>>| {
            Action::Assign(Assignment {
                to: Some("jose".into()),
                team: None,
                open_tickets: 0,
                force: true,
                expect: expect.map(|e| e.map(str::to_string)),
            })
        };
        let at = Timestamp::UNIX_EPOCH;
        match decide(&Actor::Desk, &ticket, to_jose(Some(None)), &desk, at) {
            Err(Refusal::Conflict { code, detail }) => {
                assert_eq!(code, "assignee_changed");
                assert_eq!(detail, "ticket 10001 was assigned to priya meanwhile");
            }
            other => panic!("{other:?}"),
        }
        let unassigned = Ticket {
            assignee: None,
            ..ticket.clone()
        };
        match decide(
            &Actor::Desk,
            &unassigned,
            to_jose(Some(Some("priya"))),
            &desk,
            at,
        ) {
            Err(Refusal::Conflict { detail, .. }) => {
                assert_eq!(detail, "ticket 10001 was unassigned meanwhile")
            }
            other => panic!("{other:?}"),
        }
        for expect in [Some(Some("priya")), None] {
            let decision = decide(&Actor::Desk, &ticket, to_jose(expect), &desk, at).unwrap();
            assert_eq!(decision.change.assignee, Some(Some("jose".into())));
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
    fn an_append_holds_at_most_as_many_messages_as_a_handoffs_transcript() {
        let messages = |count: usize| vec![sent(MessageRole::Customer, "hi", None); count];
        let most = handoff::MAX_TRANSCRIPT_MESSAGES;
        assert_eq!(check_appended_size(&messages(most)), Ok(()));
        let refused = check_appended_size(&messages(most + 1)).unwrap_err();
        assert_eq!(refused.len(), 1, "{refused:?}");
        assert_eq!(
            (
                refused[0].status,
                refused[0].code,
                refused[0].field.as_str()
            ),
            (413, handoff::TRANSCRIPT_TOO_LARGE, "messages")
        );
        assert_eq!(
            refused[0].message,
            "the append has 1001 messages; at most 1000 are accepted at once: send the rest \
             in another append"
        );
    }

    /// A message too long is the same 413 in an append as in a handoff's
    /// transcript: the platform sent more than the desk keeps.
    #[test]
    fn an_appended_message_longer_than_a_transcripts_is_refused_as_in_a_transcript() {
        let most = handoff::MAX_MESSAGE_CHARS;
        let fits = [
            sent(MessageRole::Customer, &"é".repeat(most), None),
            // Blank is no text, however long: check_appended refuses it.
            sent(MessageRole::Ai, &" ".repeat(most + 1), None),
        ];
        assert_eq!(check_appended_size(&fits), Ok(()));
        let long = [
            sent(MessageRole::Customer, "hi", None),
            sent(MessageRole::Ai, &"x".repeat(most + 1), None),
        ];
        let refused = check_appended_size(&long).unwrap_err();
        assert_eq!(
            refused,
            [handoff::Rejection::new(
                413,
                handoff::TRANSCRIPT_TOO_LARGE,
                "messages[1].text",
                "message 1 of the append has 20001 characters; at most 20000 are accepted".into()
            )]
        );
        let in_transcript = handoff::too_long_messages(&long, "transcript", "the transcript");
        assert_eq!(
            (in_transcript[0].status, in_transcript[0].code),
            (refused[0].status, refused[0].code)
        );
        // Too many and too long: both are said.
        let mut both =
            vec![sent(MessageRole::Customer, "hi", None); handoff::MAX_TRANSCRIPT_MESSAGES];
        both.push(sent(MessageRole::Ai, &"x".repeat(most + 1), None));
        let fields: Vec<String> = check_appended_size(&both)
            .unwrap_err()
            .into_iter()
            .map(|r| r.field)
            .collect();
        assert_eq!(fields, ["messages", "messages[1000].text"]);
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
        assert_eq!(changes_nothing(&omar, &billing, &TAKE), Ok(true));
        // Under the lock (assigned to him meanwhile) it is said in those words.
        let refusal = decide(
            &omar,
            &billing,
            TAKE,
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
        assert_eq!(changes_nothing(&omar, &theirs, &TAKE), Ok(false));
        let resolved = Ticket {
            status: TicketStatus::Resolved,
            ..billing
        };
        assert_eq!(changes_nothing(&omar, &resolved, &TAKE), Ok(false));
    }

    /// An operator of team support with `role`.
    fn in_support(handle: &str, role: Role) -> Actor {
        Actor::Operator {
            handle: handle.into(),
            role,
            teams: vec!["support".into()],
        }
    }

    /// An open, unassigned ticket of team support.
    fn support_ticket() -> Ticket {
        Ticket {
            team: Some("support".into()),
            ..ticket(Some("shop"), false)
        }
    }

    #[test]
    fn taking_is_guarded_as_every_assignment_by_hand_and_forced_knowingly() {
        let mut mia = operator("mia", &["support"]);
        mia.role = Role::Manager;
        mia.capacity = Some(1);
        let manager = in_support("mia", Role::Manager);
        let support = support_ticket();
        let at = Timestamp::UNIX_EPOCH;
        let take = |desk: &Snapshot, ticket: &Ticket, open_tickets, force| {
            let action = Action::Take {
                open_tickets,
                force,
            };
            decide(&manager, ticket, action, desk, at).map(|d| d.change.assignee)
        };
        let refused = |desk: &Snapshot, ticket: &Ticket, open_tickets| {
            let refusal = take(desk, ticket, open_tickets, false).unwrap_err();
            let Refusal::Conflict { code, .. } = &refusal else {
                panic!("{refusal:?}");
            };
            (*code, refusal.to_string())
        };
        let desk = workspace(std::slice::from_ref(&mia));
        assert_eq!(
            take(&desk, &support, 0, false),
            Ok(Some(Some("mia".into())))
        );
        assert_eq!(
            refused(&desk, &support, 1),
            (
                assignment::AT_CAPACITY,
                "mia has 1 of 1 open tickets: take it anyway by forcing it".into()
            )
        );
        assert_eq!(take(&desk, &support, 1, true), Ok(Some(Some("mia".into()))));
        // A manager may take a ticket outside their teams, knowingly.
        let billing = Ticket {
            team: Some("billing".into()),
            ..support.clone()
        };
        assert_eq!(refused(&desk, &billing, 0).0, assignment::OUTSIDE_TEAM);
        mia.availability = Availability::Offline;
        let desk = workspace(&[mia]);
        assert_eq!(
            refused(&desk, &support, 1),
            (
                assignment::NOT_ONLINE,
                "mia is offline and has 1 of 1 open tickets: take it anyway by forcing it".into()
            )
        );
        assert_eq!(take(&desk, &support, 1, true), Ok(Some(Some("mia".into()))));
    }

    #[test]
    fn an_operators_assignment_to_themselves_is_a_take_and_to_anyone_else_a_managers() {
        let mut bob_online = operator("bob", &["support"]);
        bob_online.capacity = Some(1);
        let desk = workspace(&[bob_online, operator("carol", &["support"])]);
        let bob = in_support("bob", Role::Operator);
        let lead = in_support("lea", Role::Manager);
        let support = support_ticket();
        let at = Timestamp::UNIX_EPOCH;
        let assign = |to: &str, team: Option<&str>, open_tickets, force| {
            Action::Assign(Assignment {
                open_tickets,
                force,
                ..Assignment::new(Some(to.into()), team.map(Into::into)).unwrap()
            })
        };
        let to_himself = decide(&bob, &support, assign("bob", None, 0, false), &desk, at).unwrap();
        assert_eq!(to_himself.change.assignee, Some(Some("bob".into())));
        assert_eq!(events(&to_himself), [("assigned", "Taken by bob")]);
        // Guarded as his take is, and forced as it is.
        let full = decide(&bob, &support, assign("bob", None, 1, false), &desk, at).unwrap_err();
        assert_eq!(
            full.to_string(),
            "bob has 1 of 1 open tickets: take it anyway by forcing it"
        );
        assert!(decide(&bob, &support, assign("bob", None, 1, true), &desk, at).is_ok());
        // Nor does it take a ticket someone holds, as a take does not.
        let carols = Ticket {
            assignee: Some("carol".into()),
            ..support.clone()
        };
        let taken = decide(&bob, &carols, assign("bob", None, 0, false), &desk, at).unwrap_err();
        assert_eq!(taken.to_string(), "ticket 10001 is already taken");
        // Assigning to anyone else, or moving a ticket, stays a manager's.
        for action in [
            assign("carol", None, 0, false),
            assign("bob", Some("support"), 0, false),
        ] {
            let refused = decide(&bob, &support, action.clone(), &desk, at).unwrap_err();
            assert!(
                matches!(&refused, Refusal::ForbiddenAs { code: ASSIGN_NEEDS_MANAGER, detail }
                    if detail.contains("needs the manager role")
                    && detail.ends_with("may assign tickets only to themselves: take the \
                        ticket, or assign it to 'bob'")
                    && !detail.contains('`')),
                "{refused:?}"
            );
            assert_eq!(changes_nothing(&bob, &support, &action), Err(refused));
        }
        // A manager's assignment to themselves stays an assignment.
        assert!(matches!(
            assign("lea", None, 0, false).as_taken_by(&lead),
            Action::Assign(_)
        ));
        assert!(matches!(
            assign("bob", None, 0, true).as_taken_by(&bob),
            Action::Take {
                open_tickets: 0,
                force: true
            }
        ));
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
    fn a_write_is_addressed_to_a_ticket_only_by_who_may_see_it_but_an_assignment_to_a_held_one() {
        let bob = in_support("bob", Role::Operator);
        let lead = in_support("lea", Role::Manager);
        let platform = Actor::Platform {
            token: "tok_a".into(),
        };
        let billing = Ticket {
            team: Some("billing".into()),
            ..support_ticket()
        };
        let held = Ticket {
            assignee: Some("cleo".into()),
            ..support_ticket()
        };
        for assigning in [false, true] {
            assert_eq!(may_address(&bob, &support_ticket(), assigning), Ok(()));
            assert_eq!(may_address(&lead, &billing, assigning), Ok(()));
            // Another team's ticket nobody holds: refused whatever is asked.
            assert_eq!(
                may_address(&bob, &billing, assigning),
                may_see(&bob, &billing)
            );
            assert!(may_address(&bob, &billing, assigning).is_err());
            assert_eq!(
                may_address(&platform, &support_ticket(), assigning),
                Err(platform_refused())
            );
        }
        // One someone else holds: a note is refused before its body is read;
        // an assignment may be a take, told "taken" under the lock.
        assert_eq!(may_address(&bob, &held, false), may_see(&bob, &held));
        assert!(may_address(&bob, &held, false).is_err());
        assert_eq!(may_address(&bob, &held, true), Ok(()));
    }

    #[test]
    fn the_platform_may_not_take_a_ticket_and_hears_it_as_everywhere_else() {
        let at = Timestamp::UNIX_EPOCH;
        let open = ticket(Some("shop"), false);
        let platform = Actor::Platform {
            token: "tok_a".into(),
        };
        let refused = decide(&platform, &open, TAKE, &Snapshot::empty(), at).unwrap_err();
        assert_eq!(refused, Refusal::Forbidden(INGEST_TOKENS_MAY_NOT.into()));
        assert_eq!(may_see(&platform, &open).unwrap_err(), refused);
        // The local desk acts as its owner, who assigns rather than takes.
        assert!(matches!(
            decide(&Actor::Desk, &open, TAKE, &Snapshot::empty(), at),
            Err(Refusal::NotAnOperator(_))
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
            last_message_at: None,
        };
        let at = Timestamp::UNIX_EPOCH;
        assert_eq!(
            decide(
                &platform("tok_b"),
                &resolved,
                append(&ours),
                &Snapshot::empty(),
                at
            )
            .unwrap_err(),
            absent
        );
        assert!(matches!(
            decide(
                &platform("tok_a"),
                &resolved,
                append(&ours),
                &Snapshot::empty(),
                at
            ),
            Err(Refusal::Conflict {
                code: "ticket_resolved",
                ..
            })
        ));
    }
}
