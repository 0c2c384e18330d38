//! The full-screen inbox's state and drawing, kept pure: keys and events go
//! in, commands (what to ask the client) come out, and the screen is drawn
//! from the state alone, so every key path is tested on ratatui's
//! `TestBackend` without a terminal. The terminal, the client and the event
//! stream are `cli::inbox`'s; which operators the assign picker lists, and
//! how, is `cli::tickets::assignees`' (the triage picker's).

use jiff::Timestamp;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Clear, List, ListItem, ListState, Paragraph, Scrollbar, ScrollbarOrientation,
    ScrollbarState, Tabs, Wrap,
};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::api::{
    Channel, Event, EventKind, FieldCondition, Page, Priority, Ticket, TicketField, TicketQuery,
    TicketStatus, TicketView, TimelineEntry,
};
use crate::domain::assignment::overridable_reason;
use crate::domain::tickets::{Actor, AiAnswering, ai_answering, may_reply};

/// The views, in tab order.
pub const VIEWS: [TicketView; 4] = [
    TicketView::Mine,
    TicketView::Unassigned,
    TicketView::All,
    TicketView::Resolved,
];

/// Where `view` is in [`VIEWS`] (and in each per-view array).
pub(crate) fn view_index(view: TicketView) -> usize {
    VIEWS
        .iter()
        .position(|v| *v == view)
        .expect("every view is in VIEWS")
}

/// A key, as the inbox reads it: what it means depends on what is open (the
/// list, a picker, a text box, a question).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Up,
    Down,
    Left,
    Right,
    Tab,
    BackTab,
    Enter,
    Esc,
    Backspace,
    PageUp,
    PageDown,
    Home,
    End,
    /// Ctrl-C: quits from anywhere.
    Interrupt,
    Other,
}

/// A change to a ticket, carried out with the same client call as the
/// command of the same name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Act {
    /// Assign to an operator; `force` even when the guard of assignment by
    /// hand refuses them, as `tickets assign --force` does; only if the
    /// ticket's assignee is still `expect` (none: unassigned), what the
    /// picker showed, so a change made meanwhile is not overwritten.
    Assign {
        to: String,
        force: bool,
        expect: Option<String>,
    },
    /// Assign to oneself; `force` as `tickets take --force` does.
    Take {
        force: bool,
    },
    Reply(String),
    Note(String),
    Takeover,
    Resolve,
    Reopen,
    Priority(Priority),
}

impl Act {
    /// `take ticket 10001`: for a question on a protected context.
    fn describe(&self, number: u64) -> String {
        match self {
            Act::Assign {
                to, force: false, ..
            } => format!("Assign ticket {number} to {to}"),
            Act::Assign {
                to, force: true, ..
            } => format!("Assign ticket {number} to {to} anyway"),
            Act::Take { force: false } => format!("Take ticket {number}"),
            Act::Take { force: true } => format!("Take ticket {number} anyway"),
            Act::Reply(_) => format!("Reply on ticket {number}"),
            Act::Note(_) => format!("Add a note to ticket {number}"),
            Act::Takeover => format!("Take over ticket {number}"),
            Act::Resolve => format!("Resolve ticket {number}"),
            Act::Reopen => format!("Reopen ticket {number}"),
            Act::Priority(p) => format!("Set priority {p} on ticket {number}"),
        }
    }

    /// This assignment by hand (to someone, or a take), forced: what is
    /// asked about when the guard refused it unforced. None for any other
    /// act, or one forced already.
    fn forced(&self) -> Option<Act> {
        match self {
            Act::Assign {
                to,
                force: false,
                expect,
            } => Some(Act::Assign {
                to: to.clone(),
                force: true,
                expect: expect.clone(),
            }),
            Act::Take { force: false } => Some(Act::Take { force: true }),
            _ => None,
        }
    }

    /// `Took ticket 10001`: the status line after it succeeded.
    pub fn done(&self, number: u64) -> String {
        match self {
            Act::Assign { to, .. } => format!("Assigned ticket {number} to {to}"),
            Act::Take { .. } => format!("Took ticket {number}"),
            Act::Reply(_) => format!("Replied on ticket {number}"),
            Act::Note(_) => format!("Added a note to ticket {number}"),
            Act::Takeover => format!("Took over ticket {number}: the AI stops answering"),
            Act::Resolve => format!("Resolved ticket {number}"),
            Act::Reopen => format!("Reopened ticket {number}"),
            Act::Priority(p) => format!("Set priority {p} on ticket {number}"),
        }
    }
}

/// What the inbox asks of the client after a key or an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Nothing,
    Quit,
    /// Read this ticket's timeline for the right pane.
    LoadTimeline(u64),
    /// Read the operators (availability, teams, load) for the assign picker
    /// of this ticket; the answer goes to [`Inbox::pick_assignee`].
    LoadAssignees(u64),
    /// Read every view again with [`Inbox::query`]: the filter or the search changed.
    Reload,
    /// Read a view's next page, from this cursor, for [`Inbox::append`]: the
    /// selection reached the last ticket loaded.
    LoadMore(TicketView, String),
    /// Carry out `Act` on a ticket; the outcome goes to [`Inbox::finished`].
    Run(u64, Act),
}

/// How the inbox takes a chat over, where advice names it.
const TAKE_OVER_KEY: &str = "key o";

/// Why a [`Command::Run`] did not happen: the service's words, and its
/// problem code when it answered with one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The problem's stable code, e.g. `operator_at_capacity`; none when the
    /// service was not reached.
    pub code: Option<String>,
    pub why: String,
    pub reached: Reached,
}

/// How far a change that did not happen got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reached {
    /// The service answered and refused it.
    Refused,
    /// The service could not be reached: nothing was sent.
    NotSent,
    /// The service did not answer in time: it may have made the change.
    NoAnswer,
}

impl From<&str> for Refusal {
    /// A refusal by the service without a problem code.
    fn from(why: &str) -> Refusal {
        Refusal {
            code: None,
            why: why.to_string(),
            reached: Reached::Refused,
        }
    }
}

/// The event stream's state, for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Connection {
    Live,
    /// Lost: why, and that it reconnects by itself.
    Lost(String),
}

/// A filter's field, as the filter picker lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Status,
    Priority,
    Channel,
    Assignee,
    Team,
}

const FIELDS: [(Field, &str); 5] = [
    (Field::Status, "status"),
    (Field::Priority, "priority"),
    (Field::Channel, "channel"),
    (Field::Assignee, "assignee"),
    (Field::Team, "team"),
];

/// The filter picker's item that adds a condition on a ticket field's value,
/// typed as `KEY=VALUE` (`tickets list --field`).
const TICKET_FIELD: &str = "field";

/// The filter picker's item that removes the condition on a ticket field
/// key: this followed by the key. Keys are unique among the conditions, so
/// the key names one.
const REMOVE_TICKET_FIELD: &str = "remove-field:";

/// The filter picker's item that removes every ticket field condition.
const REMOVE_TICKET_FIELDS: &str = "remove-fields";

/// What a picker chooses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pick {
    /// An assignee for ticket `number`, which had assignee `seen` (none:
    /// unassigned) when the picker opened.
    Assign {
        number: u64,
        seen: Option<String>,
    },
    Priority(u64),
    /// Which field to filter on (or clear them all).
    FilterField,
    Filter(Field),
}

/// What a text box is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Typing {
    Reply(u64),
    Note(u64),
    Search,
    /// A condition on a ticket field's value to add to the filter,
    /// `KEY=VALUE`.
    TicketField,
}

/// What is open over the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Browse,
    Help,
    /// A list to choose from: (value, label) items and the one highlighted.
    Picker {
        pick: Pick,
        title: String,
        items: Vec<(String, String)>,
        at: usize,
    },
    /// A line of text being typed.
    Input {
        typing: Typing,
        text: String,
    },
    /// A yes/no question before a change a customer sees (or any change on a
    /// protected context).
    Confirm {
        number: u64,
        act: Act,
        question: String,
    },
    /// Waiting for the client (the assignee list, an action).
    Busy(String),
}

/// How the message on the status line reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Done,
    Refused,
}

/// The list's filter and search: the same fields `tickets list` takes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub status: Option<TicketStatus>,
    pub priority: Option<Priority>,
    pub channel: Option<Channel>,
    pub assignee: Option<String>,
    pub team: Option<String>,
    /// Text matched as `tickets list --search` does.
    pub search: Option<String>,
    /// Ticket field values, each as `tickets list --field KEY=VALUE` takes
    /// it, all of which a ticket must hold; one per key.
    pub fields: Vec<FieldCondition>,
}

impl Filter {
    fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// `status=open priority=urgent field:plan=pro /refund`, for the status
    /// line.
    fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(s) = self.status {
            parts.push(format!("status={s}"));
        }
        if let Some(p) = self.priority {
            parts.push(format!("priority={p}"));
        }
        if let Some(c) = self.channel {
            parts.push(format!("channel={c}"));
        }
        if let Some(a) = &self.assignee {
            parts.push(format!("assignee={a}"));
        }
        if let Some(t) = &self.team {
            parts.push(format!("team={t}"));
        }
        for condition in &self.fields {
            parts.push(format!("field:{condition}"));
        }
        if let Some(q) = &self.search {
            parts.push(format!("/{q}"));
        }
        parts.join(" ")
    }
}

/// The keys, for the help overlay and `deskctl inbox --help`.
pub const KEYS: &[(&str, &str)] = &[
    ("tab shift-tab h l", "switch views"),
    ("j k ↓ ↑", "move"),
    ("PgDn PgUp", "move a page"),
    ("g Home G End", "first ticket, last (G reads every page)"),
    ("J K", "scroll the timeline a page: newer, older"),
    ("a", "assign (operators with availability, teams, load)"),
    ("t", "take: assign to yourself"),
    ("r", "reply: yours, or as a manager (asks first)"),
    ("n", "add an internal note"),
    ("o", "take over from the AI (asks first)"),
    ("x", "resolve"),
    ("u", "reopen"),
    ("p", "change priority"),
    (
        "f",
        "filter: status, priority, channel, assignee, team, field",
    ),
    ("/", "search subjects and messages"),
    ("F", "clear filter and search"),
    ("?", "this help"),
    ("q Esc Ctrl-C", "quit"),
];

/// Everything the screen shows.
#[derive(Debug, Clone)]
pub struct Inbox {
    /// Where it is connected, and as whom (`alice (manager)`, `owner`).
    pub target: String,
    pub role: String,
    /// The caller's handle, for the `mine` view.
    pub me: Option<String>,
    /// The caller as the service judges them, to say before a reply is typed
    /// that they may not send it; none when unknown (the service judges).
    pub actor: Option<Actor>,
    pub connection: Connection,
    /// Index into [`VIEWS`].
    pub view: usize,
    /// Each view's tickets, newest activity first: its first pages.
    pub tickets: [Vec<Ticket>; 4],
    /// Each view's count on the service, loaded or not: what its tab shows.
    pub totals: [u64; 4],
    /// Each view's cursor to its next page; none once every ticket is loaded.
    pub more: [Option<String>; 4],
    /// Views whose count an event changed in a way the loaded tickets cannot
    /// tell (a ticket beyond them came or went): to be counted again.
    uncounted: [bool; 4],
    pub selected: usize,
    /// The selected ticket's number and timeline, once read.
    pub timeline: Option<(u64, Vec<TimelineEntry>)>,
    /// Drawing in color (off with NO_COLOR or --color never).
    pub color: bool,
    pub mode: Mode,
    pub filter: Filter,
    /// The last outcome or refusal, for the status line.
    pub message: Option<(Tone, String)>,
    /// The message says the service could not be reached: it goes once the
    /// connection is live again, not to contradict "live" beside it.
    message_unreached: bool,
    /// The protected context's name: every change is asked first there, as
    /// the commands do.
    pub protected: Option<String>,
    /// Operators' handles, for the assignee filter.
    pub handles: Vec<String>,
    /// Teams' keys, for the team filter.
    pub teams: Vec<String>,
    /// The desk's ticket fields, for the field filter: a value its field's
    /// type cannot hold is refused as it is typed, and a misspelt key or
    /// option is said. None when they could not be read: the service judges
    /// alone.
    pub fields: Option<Vec<TicketField>>,
    /// The filter the views shown were read with: a filter the service
    /// refuses gives way to it, so the status line names what is listed.
    loaded_filter: Filter,
    /// The timeline scrolled back: the ticket and the first row shown. None
    /// follows the newest entry, and so does another ticket's timeline.
    pub timeline_top: Option<(u64, usize)>,
    /// The timeline's rows and the rows the pane had room for, when last
    /// drawn: what a page is, and where the newest entry starts.
    timeline_fit: std::cell::Cell<(usize, usize)>,
    /// The rows the list had room for, when last drawn: what a page is.
    list_rows: std::cell::Cell<usize>,
    /// `G` was pressed and pages are still being read: each one read moves
    /// the selection to its end and asks for the next.
    to_end: bool,
}

impl Inbox {
    pub fn new(target: String, role: String, me: Option<String>, color: bool) -> Inbox {
        Inbox {
            target,
            role,
            // The mine view means nothing to the local desk's owner.
            view: if me.is_some() { 0 } else { 1 },
            me,
            actor: None,
            connection: Connection::Live,
            tickets: Default::default(),
            totals: [0; 4],
            more: Default::default(),
            uncounted: [false; 4],
            selected: 0,
            timeline: None,
            color,
            mode: Mode::Browse,
            filter: Filter::default(),
            message: None,
            message_unreached: false,
            protected: None,
            handles: Vec::new(),
            teams: Vec::new(),
            fields: None,
            loaded_filter: Filter::default(),
            timeline_top: None,
            timeline_fit: Default::default(),
            list_rows: Default::default(),
            to_end: false,
        }
    }

    /// The tickets of the view shown.
    pub fn shown(&self) -> &[Ticket] {
        &self.tickets[self.view]
    }

    pub fn selected_ticket(&self) -> Option<&Ticket> {
        self.shown().get(self.selected)
    }

    /// The list query for `view`, with the filter and search: what the views
    /// are read with, and what an event is matched against.
    pub fn query(&self, view: TicketView) -> TicketQuery {
        TicketQuery {
            view: Some(view),
            status: self.filter.status,
            priority: self.filter.priority,
            channel: self.filter.channel,
            assignee: self.filter.assignee.clone(),
            team: self.filter.team.clone(),
            q: self.filter.search.clone(),
            field: self.filter.fields.clone(),
            ..TicketQuery::default()
        }
    }

    /// The command that shows the selected ticket's timeline, if not shown yet.
    fn follow_selection(&self) -> Command {
        match self.selected_ticket() {
            Some(ticket) if self.timeline.as_ref().map(|(n, _)| *n) != Some(ticket.number) => {
                Command::LoadTimeline(ticket.number)
            }
            _ => Command::Nothing,
        }
    }

    fn say(&mut self, tone: Tone, text: impl Into<String>) {
        self.message = Some((tone, text.into()));
        self.message_unreached = false;
    }

    /// The message just said is about the service not being reached.
    pub fn said_unreached(&mut self) {
        self.message_unreached = true;
    }

    /// The event stream is connected again: a message about the connection
    /// lost is over, and the selected ticket's timeline, if it could not be
    /// read while the service was away, is read now (the command for it).
    pub fn reconnected(&mut self) -> Command {
        let was_lost = matches!(self.connection, Connection::Lost(_));
        self.connection = Connection::Live;
        if std::mem::take(&mut self.message_unreached) {
            self.message = None;
        }
        match was_lost {
            true => self.follow_selection(),
            false => Command::Nothing,
        }
    }

    pub fn on_key(&mut self, key: Key) -> Command {
        if key == Key::Interrupt {
            return Command::Quit;
        }
        match std::mem::replace(&mut self.mode, Mode::Browse) {
            Mode::Browse => self.browse(key),
            Mode::Help => Command::Nothing,
            Mode::Busy(what) => {
                // Keys wait while the client works; only Ctrl-C quits.
                self.mode = Mode::Busy(what);
                Command::Nothing
            }
            Mode::Picker {
                pick,
                title,
                items,
                at,
            } => self.picker(key, pick, title, items, at),
            Mode::Input { typing, text } => self.input(key, typing, text),
            Mode::Confirm {
                number,
                act,
                question,
            } => self.confirm(key, number, act, question),
        }
    }

    /// Text pasted at the terminal, whole: it goes into the text box, line
    /// breaks and all (in the search, which is one line, as spaces). Nowhere
    /// else is a paste read, so none of it can answer a question or act as a
    /// key.
    pub fn on_paste(&mut self, pasted: &str) -> Command {
        match &mut self.mode {
            Mode::Input { typing, text } => {
                let one_line = matches!(typing, Typing::Search | Typing::TicketField);
                text.extend(pasted_text(pasted).chars().map(|c| match c {
                    '\n' if one_line => ' ',
                    c => c,
                }));
            }
            Mode::Browse => self.say(
                Tone::Info,
                "A paste goes into a reply, a note or the search: nothing was done.",
            ),
            _ => {}
        }
        Command::Nothing
    }

    fn browse(&mut self, key: Key) -> Command {
        let len = self.shown().len();
        let last = len.saturating_sub(1);
        self.to_end = false;
        match key {
            Key::Char('q') | Key::Esc => return Command::Quit,
            Key::Char('j') | Key::Down => self.selected = (self.selected + 1).min(last),
            Key::Char('k') | Key::Up => self.selected = self.selected.saturating_sub(1),
            Key::PageDown => self.selected = (self.selected + self.list_page()).min(last),
            Key::PageUp => self.selected = self.selected.saturating_sub(self.list_page()),
            Key::Char('g') | Key::Home => self.selected = 0,
            Key::Char('G') | Key::End => {
                self.selected = last;
                self.to_end = self.more[self.view].is_some();
            }
            Key::Char('K') => self.scroll_timeline(-self.timeline_page()),
            Key::Char('J') => self.scroll_timeline(self.timeline_page()),
            Key::Tab | Key::Right | Key::Char('l') => self.switch_view(true),
            Key::BackTab | Key::Left | Key::Char('h') => self.switch_view(false),
            Key::Char('?') => self.mode = Mode::Help,
            Key::Char('/') => {
                self.mode = Mode::Input {
                    typing: Typing::Search,
                    text: self.filter.search.clone().unwrap_or_default(),
                }
            }
            Key::Char('f') => {
                let mut items: Vec<(String, String)> = FIELDS
                    .iter()
                    .map(|(_, name)| (name.to_string(), format!("by {name}")))
                    .collect();
                items.push((TICKET_FIELD.into(), "by a ticket field: KEY=VALUE".into()));
                items.extend(self.filter.fields.iter().map(|condition| {
                    (
                        format!("{REMOVE_TICKET_FIELD}{}", condition.key),
                        format!("remove field:{condition}"),
                    )
                }));
                if self.filter.fields.len() > 1 {
                    items.push((
                        REMOVE_TICKET_FIELDS.into(),
                        "remove every ticket field condition".into(),
                    ));
                }
                items.push(("clear".into(), "clear filter and search".into()));
                self.mode = Mode::Picker {
                    pick: Pick::FilterField,
                    title: "Filter".into(),
                    items,
                    at: 0,
                };
            }
            Key::Char('F') => {
                if self.filter.is_empty() {
                    self.say(Tone::Info, "No filter or search to clear.");
                } else {
                    self.filter = Filter::default();
                    self.say(Tone::Info, "Filter and search cleared.");
                    return Command::Reload;
                }
            }
            Key::Char(c @ ('a' | 't' | 'r' | 'n' | 'o' | 'x' | 'u' | 'p')) => {
                return self.act_on_selected(c);
            }
            _ => {}
        }
        // Another ticket's timeline opens at its newest entry, and so does
        // this one when it is selected again.
        let selected = self.selected_ticket().map(|t| t.number);
        if self.timeline_top.is_some_and(|(n, _)| Some(n) != selected) {
            self.timeline_top = None;
        }
        // The timeline follows once the page is in.
        match self.load_more() {
            Some(command) if self.mode == Mode::Browse => command,
            _ => self.follow_selection(),
        }
    }

    /// A page of the list: its rows less one, kept in view for context.
    fn list_page(&self) -> usize {
        self.list_rows.get().saturating_sub(1).max(1)
    }

    /// A page of the timeline: the pane's rows less one, kept in view for
    /// context.
    fn timeline_page(&self) -> isize {
        let (_, room) = self.timeline_fit.get();
        room.saturating_sub(1).max(1) as isize
    }

    /// Scrolls the selected ticket's timeline by `rows`: back (older) when
    /// negative. Back at the bottom it follows the newest entry again.
    fn scroll_timeline(&mut self, rows: isize) {
        let Some(number) = self.selected_ticket().map(|t| t.number) else {
            return;
        };
        if self.timeline.as_ref().map(|(n, _)| *n) != Some(number) {
            return;
        }
        let (total, room) = self.timeline_fit.get();
        let bottom = total.saturating_sub(room);
        let top = self
            .timeline_top
            .filter(|(n, _)| *n == number)
            .map_or(bottom, |(_, top)| top.min(bottom))
            .saturating_add_signed(rows);
        self.timeline_top = (top < bottom).then_some((number, top));
    }

    fn switch_view(&mut self, forward: bool) {
        let first = if self.me.is_some() { 0 } else { 1 };
        let count = VIEWS.len() - first;
        let at = self.view - first;
        let next = if forward {
            (at + 1) % count
        } else {
            (at + count - 1) % count
        };
        self.view = first + next;
        self.selected = 0;
    }

    /// An action key on the selected ticket.
    fn act_on_selected(&mut self, key: char) -> Command {
        let Some(ticket) = self.selected_ticket().cloned() else {
            self.say(Tone::Info, "No ticket selected.");
            return Command::Nothing;
        };
        let number = ticket.number;
        match key {
            'a' => {
                self.mode = Mode::Busy(format!("Reading operators for ticket {number}…"));
                Command::LoadAssignees(number)
            }
            't' => self.ask_or_run(number, Act::Take { force: false }),
            // Said before anything is typed, not refused once it is.
            'r' if let Some(actor) = &self.actor
                && let Err(why) = may_reply(actor, &ticket) =>
            {
                self.say(Tone::Refused, format!("Cannot reply: {why}."));
                Command::Nothing
            }
            // Nothing typed is sent: said before the text box opens, in
            // the inbox's words (its key, not the command).
            'r' if let Err(why) = crate::domain::reply::reply_channel(
                ticket.channel,
                ticket.ai_paused,
                ticket.requester.email.is_some(),
                None,
            ) =>
            {
                self.say(
                    Tone::Refused,
                    format!(
                        "Cannot reply to ticket {number}: {}.",
                        why.explain(TAKE_OVER_KEY)
                    ),
                );
                Command::Nothing
            }
            'r' => {
                self.mode = Mode::Input {
                    typing: Typing::Reply(number),
                    text: String::new(),
                };
                Command::Nothing
            }
            'n' => {
                self.mode = Mode::Input {
                    typing: Typing::Note(number),
                    text: String::new(),
                };
                Command::Nothing
            }
            // Nothing to take over: said, not asked and refused after.
            'o' if ai_answering(&ticket) == AiAnswering::NoAgent => {
                self.say(
                    Tone::Info,
                    format!(
                        "No AI answers ticket {number}: it came from the support inbox, \
                         so there is nothing to take over (r replies by email)."
                    ),
                );
                Command::Nothing
            }
            'o' if ai_answering(&ticket) == AiAnswering::TakenOver => {
                self.say(
                    Tone::Info,
                    format!("Ticket {number} is already taken over: nothing to do."),
                );
                Command::Nothing
            }
            'o' => {
                // The customer's chat changes hands: always asked.
                let question = format!(
                    "Take over ticket {number} from the AI? It stops answering {}",
                    ticket.requester.name.as_deref().unwrap_or("the customer")
                );
                self.mode = Mode::Confirm {
                    number,
                    act: Act::Takeover,
                    question: self.on_context(question),
                };
                Command::Nothing
            }
            // Already so is no conflict, as `tickets resolve` says it.
            'x' if ticket.status == TicketStatus::Resolved => {
                self.say(
                    Tone::Info,
                    format!("Ticket {number} is already resolved: nothing to do."),
                );
                Command::Nothing
            }
            'x' => self.ask_or_run(number, Act::Resolve),
            'u' if ticket.status != TicketStatus::Resolved => {
                self.say(
                    Tone::Info,
                    format!(
                        "Ticket {number} is {}, not resolved: nothing to do.",
                        ticket.status
                    ),
                );
                Command::Nothing
            }
            'u' => self.ask_or_run(number, Act::Reopen),
            'p' => {
                let items: Vec<(String, String)> = Priority::NAMES
                    .iter()
                    .map(|p| (p.to_string(), p.to_string()))
                    .collect();
                let at = items
                    .iter()
                    .position(|(p, _)| *p == ticket.priority.as_str())
                    .unwrap_or(0);
                self.mode = Mode::Picker {
                    pick: Pick::Priority(number),
                    title: format!("Priority of ticket {number}"),
                    items,
                    at,
                };
                Command::Nothing
            }
            _ => Command::Nothing,
        }
    }

    /// `question`, naming the protected context when there is one.
    fn on_context(&self, question: String) -> String {
        match &self.protected {
            Some(name) => format!("{question} (protected context '{name}')"),
            None => question,
        }
    }

    /// Runs `act`, or asks first on a protected context (as every command does there).
    fn ask_or_run(&mut self, number: u64, act: Act) -> Command {
        if self.protected.is_some() {
            let question = self.on_context(format!("{}?", act.describe(number)));
            self.mode = Mode::Confirm {
                number,
                act,
                question,
            };
            return Command::Nothing;
        }
        self.run(number, act)
    }

    fn run(&mut self, number: u64, act: Act) -> Command {
        self.mode = Mode::Busy(format!("{}…", act.describe(number)));
        Command::Run(number, act)
    }

    fn picker(
        &mut self,
        key: Key,
        pick: Pick,
        title: String,
        items: Vec<(String, String)>,
        at: usize,
    ) -> Command {
        let last = items.len().saturating_sub(1);
        let at = match key {
            Key::Char('j') | Key::Down => (at + 1).min(last),
            Key::Char('k') | Key::Up => at.saturating_sub(1),
            Key::Esc | Key::Char('q') => {
                self.say(Tone::Info, "Cancelled: nothing changed.");
                return Command::Nothing;
            }
            Key::Enter => {
                let Some((value, _)) = items.get(at).cloned() else {
                    return Command::Nothing;
                };
                return self.chosen(pick, value);
            }
            _ => at,
        };
        self.mode = Mode::Picker {
            pick,
            title,
            items,
            at,
        };
        Command::Nothing
    }

    fn chosen(&mut self, pick: Pick, value: String) -> Command {
        match pick {
            Pick::Assign { number, seen } => self.ask_or_run(
                number,
                Act::Assign {
                    to: value,
                    force: false,
                    expect: seen,
                },
            ),
            Pick::Priority(number) => {
                let priority = value.parse().expect("a listed priority");
                self.ask_or_run(number, Act::Priority(priority))
            }
            // Each time, the box adds a condition: one box holding them all
            // would need a separator, and any separator may be in a value.
            Pick::FilterField if value == TICKET_FIELD => {
                self.mode = Mode::Input {
                    typing: Typing::TicketField,
                    text: String::new(),
                };
                Command::Nothing
            }
            Pick::FilterField if value == REMOVE_TICKET_FIELDS => {
                self.filter.fields.clear();
                self.say(Tone::Info, self.filter_message());
                Command::Reload
            }
            Pick::FilterField if value.starts_with(REMOVE_TICKET_FIELD) => {
                let key = &value[REMOVE_TICKET_FIELD.len()..];
                self.filter.fields.retain(|condition| condition.key != key);
                self.say(Tone::Info, self.filter_message());
                Command::Reload
            }
            Pick::FilterField => {
                let Some((field, name)) = FIELDS.iter().find(|(_, n)| *n == value) else {
                    self.filter = Filter::default();
                    self.say(Tone::Info, "Filter and search cleared.");
                    return Command::Reload;
                };
                let values: Vec<String> = match field {
                    Field::Status => TicketStatus::NAMES.iter().map(|s| s.to_string()).collect(),
                    Field::Priority => Priority::NAMES.iter().map(|s| s.to_string()).collect(),
                    Field::Channel => Channel::NAMES.iter().map(|s| s.to_string()).collect(),
                    Field::Assignee => {
                        let mut handles = self.handles.clone();
                        for ticket in self.tickets.iter().flatten() {
                            if let Some(a) = &ticket.assignee
                                && !handles.contains(a)
                            {
                                handles.push(a.clone());
                            }
                        }
                        handles.sort();
                        handles
                    }
                    Field::Team => {
                        let mut teams = self.teams.clone();
                        let seen = self.tickets.iter().flatten();
                        teams.extend(seen.filter_map(|t| t.team.clone()));
                        teams.sort();
                        teams.dedup();
                        teams
                    }
                };
                let mut items = vec![(String::new(), "any".to_string())];
                items.extend(values.into_iter().map(|v| (v.clone(), v)));
                self.mode = Mode::Picker {
                    pick: Pick::Filter(*field),
                    title: format!("Filter by {name}"),
                    items,
                    at: 0,
                };
                Command::Nothing
            }
            Pick::Filter(field) => {
                let value = Some(value).filter(|v| !v.is_empty());
                match field {
                    Field::Status => self.filter.status = value.and_then(|v| v.parse().ok()),
                    Field::Priority => self.filter.priority = value.and_then(|v| v.parse().ok()),
                    Field::Channel => self.filter.channel = value.and_then(|v| v.parse().ok()),
                    Field::Assignee => self.filter.assignee = value,
                    Field::Team => self.filter.team = value,
                }
                self.say(Tone::Info, self.filter_message());
                Command::Reload
            }
        }
    }

    /// Why the service would refuse to list with `condition`: a value its
    /// field's type cannot hold (`seats=many`). Refused as typed, so that no
    /// filter the lists were not read with is ever shown.
    fn field_refusal(&self, condition: &FieldCondition) -> Option<String> {
        let fields = self.fields.as_deref()?;
        crate::domain::field_conditions::wanted_values(fields, std::slice::from_ref(condition))
            .err()
            .and_then(|problems| problems.into_iter().next())
            .map(|problem| problem.message)
    }

    /// What to add to the filter's message when the desk has no ticket field
    /// of `condition`'s key, or its dropdown no such option: applied all the
    /// same (tickets keep a removed field's values and a removed option, and
    /// the service compares them as text), but a misspelt key or option would
    /// read as "no ticket matches". Said as `tickets list --field` says it.
    fn field_hint(&self, condition: &FieldCondition) -> String {
        let Some(fields) = &self.fields else {
            return String::new();
        };
        let said = match fields.iter().any(|field| field.key == condition.key) {
            false => {
                let known = fields.iter().map(|field| field.key.as_str());
                Some(crate::domain::field_conditions::no_ticket_field(
                    &condition.key,
                    known,
                ))
            }
            true => crate::domain::field_conditions::not_an_option(
                fields,
                std::slice::from_ref(condition),
            ),
        };
        said.map(|said| format!(" · {said}")).unwrap_or_default()
    }

    /// Adds `condition` to the filter, in place of the one on its key if
    /// any: a ticket holds one value per field, so two conditions on one key
    /// could only match nothing, and a second value typed means "this one
    /// instead".
    fn add_field_condition(&mut self, condition: FieldCondition) {
        let fields = &mut self.filter.fields;
        match fields.iter_mut().find(|held| held.key == condition.key) {
            Some(held) => *held = condition,
            None => fields.push(condition),
        }
    }

    fn filter_message(&self) -> String {
        if self.filter.is_empty() {
            "No filter.".into()
        } else {
            format!("Filter: {}", self.filter.describe())
        }
    }

    fn input(&mut self, key: Key, typing: Typing, mut text: String) -> Command {
        match key {
            Key::Esc => {
                self.say(
                    Tone::Info,
                    match typing {
                        Typing::Search | Typing::TicketField => "Filter and search unchanged.",
                        _ => "Cancelled: nothing was sent.",
                    },
                );
                return Command::Nothing;
            }
            Key::Enter => return self.typed(typing, text.trim().to_string()),
            // What is drawn as one character goes at once: a letter with its
            // accents, a flag, an emoji joined with ZWJ (half of one would be
            // left, or a joiner that glues the next letter to it).
            Key::Backspace => {
                let last = text.grapheme_indices(true).next_back().map(|(at, _)| at);
                text.truncate(last.unwrap_or(0));
            }
            Key::Char(c) => text.push(c),
            _ => {}
        }
        self.mode = Mode::Input { typing, text };
        Command::Nothing
    }

    fn typed(&mut self, typing: Typing, text: String) -> Command {
        match typing {
            Typing::Search => {
                // Blank is no search: the service refuses a blank one.
                self.filter.search = Some(text).filter(|t| !t.trim().is_empty());
                self.say(Tone::Info, self.filter_message());
                Command::Reload
            }
            Typing::TicketField if text.is_empty() => {
                self.say(Tone::Info, "No condition added: filter unchanged.");
                Command::Nothing
            }
            Typing::TicketField => match crate::domain::field_conditions::parse_condition(&text)
                .and_then(|condition| match self.field_refusal(&condition) {
                    Some(why) => Err(why),
                    None => Ok(condition),
                }) {
                Ok(condition) => {
                    let hint = self.field_hint(&condition);
                    self.add_field_condition(condition);
                    self.say(Tone::Info, format!("{}{hint}", self.filter_message()));
                    Command::Reload
                }
                Err(why) => {
                    // Left open as typed, to be put right.
                    self.say(Tone::Refused, why);
                    self.mode = Mode::Input {
                        typing: Typing::TicketField,
                        text,
                    };
                    Command::Nothing
                }
            },
            Typing::Reply(_) | Typing::Note(_) if text.is_empty() => {
                self.say(Tone::Info, "Empty: nothing was sent.");
                Command::Nothing
            }
            Typing::Note(number) => self.ask_or_run(number, Act::Note(text)),
            Typing::Reply(number) => {
                let question = self
                    .tickets
                    .iter()
                    .flatten()
                    .find(|t| t.number == number)
                    .and_then(|t| crate::domain::reply::reply_question(t, None));
                match question {
                    Some(question) => {
                        self.mode = Mode::Confirm {
                            number,
                            act: Act::Reply(text),
                            question: self.on_context(format!("{question}?")),
                        };
                        Command::Nothing
                    }
                    // No channel reaches the customer: the service refuses
                    // and says why, as the command does without asking.
                    None => self.run(number, Act::Reply(text)),
                }
            }
        }
    }

    fn confirm(&mut self, key: Key, number: u64, act: Act, question: String) -> Command {
        match key {
            Key::Char('y' | 'Y') => self.run(number, act),
            Key::Char('n' | 'N' | 'q') | Key::Esc => {
                let what = match act {
                    Act::Reply(_) | Act::Note(_) => "Not sent.",
                    _ => "Cancelled: nothing changed.",
                };
                self.say(Tone::Info, what);
                Command::Nothing
            }
            _ => {
                self.mode = Mode::Confirm {
                    number,
                    act,
                    question,
                };
                Command::Nothing
            }
        }
    }

    /// The assign picker for ticket `number`: (handle, line) for each
    /// operator, as `cli::tickets::assignees` lists them; or why they could
    /// not be read.
    pub fn pick_assignee(&mut self, number: u64, items: Result<Vec<(String, String)>, String>) {
        self.mode = Mode::Browse;
        match items {
            Err(why) => self.say(Tone::Refused, format!("Cannot list operators: {why}")),
            Ok(items) if items.is_empty() => {
                self.say(Tone::Info, "There are no operators to assign to.")
            }
            Ok(items) => {
                let current = self
                    .tickets
                    .iter()
                    .flatten()
                    .find(|t| t.number == number)
                    .and_then(|t| t.assignee.clone());
                let at = items
                    .iter()
                    .position(|(h, _)| Some(h) == current.as_ref())
                    .unwrap_or(0);
                self.mode = Mode::Picker {
                    pick: Pick::Assign {
                        number,
                        seen: current,
                    },
                    title: format!("Assign ticket {number} to"),
                    items,
                    at,
                };
            }
        }
    }

    /// The outcome of [`Command::Run`]: said on the status line. A refusal
    /// (409, 403…) says why in the service's words; the change it shows
    /// arrives as an event, like anyone else's. An assignment or a take the
    /// guard of assignment by hand refused (not online, no room, not in the
    /// team) is asked again, to go ahead anyway.
    pub fn finished(&mut self, number: u64, act: &Act, outcome: Result<(), Refusal>) {
        self.mode = Mode::Browse;
        let refusal = match outcome {
            Ok(()) => return self.say(Tone::Done, act.done(number)),
            Err(refusal) => refusal,
        };
        // The refusals of the guard of assignment by hand (not online, no
        // room, not in the team) can be overridden: the service's advice
        // after its reason names the command's flag, which means nothing
        // here, and the question takes its place.
        if let Some(act) = act.forced()
            && let Some(reason) = overridable_reason(refusal.code.as_deref(), &refusal.why)
        {
            let question = self.on_context(format!("{reason}. {}?", act.describe(number)));
            self.mode = Mode::Confirm {
                number,
                act,
                question,
            };
            return;
        }
        // Typed text is not lost to a refusal (the ticket given to someone
        // else meanwhile): the box opens again with it, to send once put
        // right, or to copy.
        let typed = match act {
            Act::Reply(text) => Some((Typing::Reply(number), text)),
            Act::Note(text) => Some((Typing::Note(number), text)),
            _ => None,
        };
        if let Some((typing, text)) = typed {
            self.mode = Mode::Input {
                typing,
                text: text.clone(),
            };
        }
        // Only the service refuses: a change it never got, or did not answer
        // about, is not said to be refused.
        let said = match refusal.reached {
            Reached::Refused => format!("Refused: {}", refusal.why),
            Reached::NotSent => format!("Not sent: {}", refusal.why),
            Reached::NoAnswer => format!(
                "Unknown whether it was done: {}; check the ticket before trying again",
                refusal.why
            ),
        };
        self.say(Tone::Refused, said);
    }

    /// A view could not be counted: its tab keeps the count it had until
    /// the next event counts it again. What is open stays open.
    pub fn count_failed(&mut self, why: String) {
        self.say(Tone::Refused, format!("Cannot count the tickets: {why}"));
    }

    /// The selected ticket's timeline could not be read: its pane stays
    /// empty until the ticket is selected again or the connection comes back.
    pub fn timeline_failed(&mut self, number: u64, why: String) {
        self.say(
            Tone::Refused,
            format!("Cannot read ticket {number}'s timeline: {why}"),
        );
    }

    /// Views could not be read again (a bad search, a lost connection). A
    /// filter or search the lists were not read with is let go: the views
    /// still show what the filter before it found, and the status line says
    /// which.
    pub fn reload_failed(&mut self, why: String) {
        self.mode = Mode::Browse;
        let mut said = format!("Cannot read the tickets: {why}");
        if self.filter != self.loaded_filter {
            self.filter = self.loaded_filter.clone();
            said.push_str(&match self.filter.is_empty() {
                true => " · the list stays unfiltered".to_string(),
                false => format!(" · the filter stays {}", self.filter.describe()),
            });
        }
        self.say(Tone::Refused, said);
    }

    /// Puts the first page a view was read with in place, with the view's
    /// count (the page's length when it is the whole view). The view shown
    /// keeps the ticket selected when it is still listed (a search that
    /// finds it again), else selects the first.
    pub fn load(&mut self, view: TicketView, page: Page<Ticket>, total: u64) -> Command {
        let at = view_index(view);
        let selected = self.selected_ticket().map(|t| t.number);
        self.tickets[at] = page.items;
        self.more[at] = page.next_cursor;
        self.loaded_filter = self.filter.clone();
        self.set_total(view, total);
        if at == self.view {
            self.selected = selected
                .and_then(|n| self.shown().iter().position(|t| t.number == n))
                .unwrap_or(0);
        }
        self.follow_selection()
    }

    /// A view's next page, after what is loaded. A ticket already in the
    /// list (an event moved it up since) is not listed twice.
    pub fn append(&mut self, view: TicketView, page: Page<Ticket>) -> Command {
        let at = view_index(view);
        let list = &mut self.tickets[at];
        for ticket in page.items {
            if !list.iter().any(|t| t.number == ticket.number) {
                list.push(ticket);
            }
        }
        self.more[at] = page.next_cursor;
        if self.more[at].is_none() {
            self.totals[at] = list.len() as u64;
            self.uncounted[at] = false;
        }
        if self.to_end && at == self.view {
            self.selected = self.shown().len().saturating_sub(1);
            match self.load_more() {
                Some(next) => return next,
                None => self.to_end = false,
            }
        }
        self.follow_selection()
    }

    /// A view's count as the service counted it.
    pub fn set_total(&mut self, view: TicketView, total: u64) {
        let at = view_index(view);
        self.totals[at] = total;
        self.uncounted[at] = false;
    }

    /// The views whose count is to be read again after an event.
    pub fn uncounted(&self) -> Vec<TicketView> {
        (0..VIEWS.len())
            .filter(|at| self.uncounted[*at])
            .map(|at| VIEWS[at])
            .collect()
    }

    /// The next page of the view shown, when the selection is on the last
    /// ticket loaded and there are more.
    fn load_more(&self) -> Option<Command> {
        let cursor = self.more[self.view].clone()?;
        (self.selected + 1 >= self.shown().len())
            .then(|| Command::LoadMore(VIEWS[self.view], cursor))
    }

    /// A view's count after an event took a ticket out of it (`was` listed
    /// and not `now`) or put one in. A ticket that was not listed may have
    /// been in the view all along, beyond the pages loaded: unless it is
    /// new, or the view is loaded whole, the count is read again.
    fn recount(&mut self, at: usize, was: bool, now: bool, new: bool) {
        let whole = self.more[at].is_none();
        match (was, now) {
            (true, false) => self.totals[at] = self.totals[at].saturating_sub(1),
            (false, true) if whole || new => self.totals[at] += 1,
            (false, _) if !whole && !new => self.uncounted[at] = true,
            _ => {}
        }
    }

    /// An event from the stream: each view gains, keeps or loses the ticket,
    /// the selection stays on the ticket it was on, and the timeline shown
    /// grows by the entries the change added.
    pub fn apply(&mut self, event: &Event) -> Command {
        if matches!(
            event.kind,
            EventKind::Handoff | EventKind::HandoffExternal | EventKind::Delivery
        ) && event.entries.is_empty()
        {
            return Command::Nothing;
        }
        let selected = self.selected_ticket().map(|t| t.number);
        match &event.ticket {
            Some(ticket) => {
                let new = event.kind == EventKind::TicketCreated;
                for (at, view) in VIEWS.iter().enumerate() {
                    let mut query = self.query(*view);
                    let list = &mut self.tickets[at];
                    let was = list.iter().any(|t| t.number == ticket.number);
                    // A ticket found by the search stays found: its text only grows.
                    if was {
                        query.q = None;
                    }
                    list.retain(|t| t.number != ticket.number);
                    let now = crate::domain::events::query_selects(
                        &query,
                        ticket,
                        &event.entries,
                        self.me.as_deref(),
                    );
                    // In its place by the list's order, newest customer-visible
                    // activity first: a note or an assignment leaves a ticket
                    // where it was, as `tickets list` would list it. A place
                    // past the tickets read while there are more is on a
                    // page not read yet, which brings it.
                    let place = list
                        .iter()
                        .position(|t| {
                            (t.last_activity_at, t.number)
                                < (ticket.last_activity_at, ticket.number)
                        })
                        .unwrap_or(list.len());
                    if now && (was || place < list.len() || self.more[at].is_none()) {
                        list.insert(place, ticket.clone());
                    }
                    self.recount(at, was, now, new);
                }
                if let Some((number, entries)) = &mut self.timeline
                    && *number == ticket.number
                {
                    let known = entries.last().map_or(0, |e| e.seq);
                    entries.extend(event.entries.iter().filter(|e| e.seq > known).cloned());
                }
            }
            None => {
                if let Some(number) = event.ticket_number {
                    for at in 0..VIEWS.len() {
                        let was = self.tickets[at].iter().any(|t| t.number == number);
                        self.tickets[at].retain(|t| t.number != number);
                        self.recount(at, was, false, false);
                    }
                }
            }
        }
        self.selected = selected
            .and_then(|n| self.shown().iter().position(|t| t.number == n))
            .unwrap_or(self.selected)
            .min(self.shown().len().saturating_sub(1));
        self.follow_selection()
    }

    fn style(&self, style: Style) -> Style {
        if self.color { style } else { Style::default() }
    }

    /// Draws the whole screen: tabs with counts, the list and the selected
    /// ticket's timeline, a line for the last outcome (or the keys), the
    /// status line, and whatever is open over them.
    pub fn draw(&self, frame: &mut Frame, now: Timestamp) {
        let message_rows = self.message_rows(frame.area().width as usize);
        let [tabs, body, message, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(3),
            Constraint::Length(message_rows.len() as u16),
            Constraint::Length(1),
        ])
        .areas(frame.area());
        let first = if self.me.is_some() { 0 } else { 1 };
        let titles: Vec<String> = (first..VIEWS.len())
            .map(|at| format!("{} {}", VIEWS[at], self.totals[at]))
            .collect();
        frame.render_widget(
            Tabs::new(titles)
                .select(self.view - first)
                .highlight_style(Style::default().add_modifier(Modifier::REVERSED)),
            tabs,
        );
        // At 80 columns the list needs most of the width for its eight columns.
        let list_share = if body.width < 120 { 70 } else { 60 };
        let [list, detail] = Layout::horizontal([
            Constraint::Percentage(list_share),
            Constraint::Percentage(100 - list_share),
        ])
        .areas(body);
        self.draw_list(frame, list, now);
        self.draw_timeline(frame, detail);
        self.draw_message(frame, message, message_rows);
        let connection = match &self.connection {
            Connection::Live => Span::styled("live", self.style(Style::default().green())),
            Connection::Lost(why) => Span::styled(
                format!("reconnecting: {}", displayed(why)),
                self.style(Style::default().yellow()),
            ),
        };
        let filter = match self.filter.is_empty() {
            true => String::new(),
            false => format!(" · {}", self.filter.describe()),
        };
        // The desk's name gives way first: a PostgreSQL URL or a deep path
        // must not push who is signed in and whether it is live off the line.
        let after_target = format!(" · {} · ", self.role);
        let others = super::width::columns(&after_target)
            + super::width::columns(&connection.content)
            + super::width::columns(&filter);
        let room = usize::from(status.width).saturating_sub(others);
        let target = super::width::truncate(&self.target, room.max(MIN_TARGET_COLUMNS));
        let mut spans = vec![Span::raw(format!("{target}{after_target}")), connection];
        if !filter.is_empty() {
            spans.push(Span::raw(filter));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), status);
        self.draw_overlay(frame, body);
    }

    /// The rows above the status line: the last outcome, wrapped at
    /// spaces to [`MESSAGE_ROWS`] rows at most (the last cut with `…`);
    /// or, with none, as many of the keys as fit on one row.
    fn message_rows(&self, columns: usize) -> Vec<String> {
        let Some((_, text)) = &self.message else {
            return vec![key_help(columns)];
        };
        wrap_at_most(text, columns, MESSAGE_ROWS)
    }

    fn draw_message(&self, frame: &mut Frame, area: Rect, rows: Vec<String>) {
        let style = match &self.message {
            Some((Tone::Done, _)) => Style::default().green(),
            Some((Tone::Refused, _)) => Style::default().red(),
            Some((Tone::Info, _)) | None => Style::default(),
        };
        let lines: Vec<Line> = rows
            .into_iter()
            .map(|row| Line::from(Span::styled(row, self.style(style))))
            .collect();
        frame.render_widget(Paragraph::new(lines), area);
    }

    fn draw_overlay(&self, frame: &mut Frame, body: Rect) {
        match &self.mode {
            Mode::Browse => {}
            Mode::Help => {
                let width = KEYS
                    .iter()
                    .map(|(k, _)| k.chars().count())
                    .max()
                    .unwrap_or(0);
                let mut lines: Vec<Line> = KEYS
                    .iter()
                    .map(|(keys, what)| Line::from(format!("{keys:width$}  {what}")))
                    .collect();
                lines.push(Line::from(""));
                lines.push(Line::from("Any key closes this help."));
                dialog(frame, body, "Keys", lines, None);
            }
            Mode::Busy(what) => {
                dialog(frame, body, "Working", vec![Line::from(what.clone())], None)
            }
            Mode::Picker {
                title, items, at, ..
            } => {
                let mut lines: Vec<Line> = items
                    .iter()
                    .map(|(_, label)| Line::from(format!("  {}", displayed(label))))
                    .collect();
                lines.push(Line::from(""));
                lines.push(Line::from("j/k move · Enter choose · Esc cancel"));
                dialog(frame, body, title, lines, Some(*at));
            }
            Mode::Input { typing, text } => {
                let title = match typing {
                    Typing::Reply(n) => format!("Reply to the customer of ticket {n}"),
                    Typing::Note(n) => format!("Internal note on ticket {n}"),
                    Typing::Search => "Search subjects and messages".to_string(),
                    Typing::TicketField => "Filter by a ticket field: KEY=VALUE".to_string(),
                };
                let (rows, above) =
                    text_box_rows(text, dialog_columns(body), text_box_height(body));
                let mut lines: Vec<Line> = rows.into_iter().map(Line::from).collect();
                let keys = match typing {
                    Typing::Search => "Enter search (empty clears) · Esc cancel",
                    Typing::TicketField => "Enter add to the filter · Esc cancel",
                    _ => "Enter send · Esc cancel",
                };
                lines.extend([
                    Line::from(""),
                    Line::from(match above {
                        0 => keys.to_string(),
                        n => format!("↑ {n} more above · {keys}"),
                    }),
                ]);
                dialog(frame, body, &title, lines, None);
            }
            Mode::Confirm { question, .. } => {
                let mut lines: Vec<Line> = wrap(question, dialog_columns(body))
                    .into_iter()
                    .map(Line::from)
                    .collect();
                lines.extend([Line::from(""), Line::from("y yes · n or Esc no")]);
                dialog(frame, body, "Confirm", lines, None);
            }
        }
    }

    fn draw_list(&self, frame: &mut Frame, area: Rect, now: Timestamp) {
        self.list_rows.set(area.height as usize);
        let width = area.width.saturating_sub(2) as usize;
        let items: Vec<ListItem> = self
            .shown()
            .iter()
            .map(|t| ListItem::new(row(t, now, width)))
            .collect();
        let empty = items.is_empty();
        let mut state = ListState::default().with_selected((!empty).then_some(self.selected));
        let list = List::new(items)
            .block(Block::default().borders(Borders::RIGHT))
            .highlight_style(Style::default().add_modifier(Modifier::REVERSED));
        frame.render_stateful_widget(list, area, &mut state);
        if empty {
            let text = if self.filter.is_empty() {
                "No tickets in this view."
            } else {
                "No tickets match the filter (F clears it)."
            };
            frame.render_widget(Paragraph::new(text), area);
        }
    }

    /// The selected ticket's subject and state, and below them its timeline:
    /// the newest entries, or as far back as it was scrolled, each wrapped and
    /// one taller than the pane cut at its edge; a scrollbar when it does not
    /// all fit.
    fn draw_timeline(&self, frame: &mut Frame, area: Rect) {
        let Some(ticket) = self.selected_ticket() else {
            return;
        };
        let columns = area.width as usize;
        let bold = self.style(Style::default().bold());
        let state = format!(
            "{} · {} · {} · {}",
            ticket.status,
            ticket.priority,
            ticket.assignee.as_deref().unwrap_or("unassigned"),
            ticket.team.as_deref().unwrap_or("no team"),
        );
        let subject = format!("#{} {}", ticket.number, ticket.subject);
        let header: Vec<Line> = wrap_at_most(&subject, columns, SUBJECT_ROWS)
            .into_iter()
            .map(|row| Line::styled(row, bold))
            .chain(wrap(&state, columns).into_iter().map(Line::from))
            .chain(
                wrap_at_most(&customer(ticket), columns, CUSTOMER_ROWS)
                    .into_iter()
                    .map(Line::from),
            )
            .collect();
        let [head, pane] =
            Layout::vertical([Constraint::Length(header.len() as u16), Constraint::Fill(1)])
                .areas(area);
        frame.render_widget(Paragraph::new(header), head);
        let Some((number, entries)) = &self.timeline else {
            return;
        };
        if *number != ticket.number {
            return;
        }
        // The last column is the scrollbar's.
        let rows: Vec<String> = entries
            .iter()
            .flat_map(entry_lines)
            .flat_map(|line| wrap(&line, columns.saturating_sub(1)))
            .collect();
        let room = pane.height as usize;
        self.timeline_fit.set((rows.len(), room));
        let bottom = rows.len().saturating_sub(room);
        let top = self
            .timeline_top
            .filter(|(n, _)| n == number)
            .map_or(bottom, |(_, top)| top.min(bottom));
        let shown: Vec<Line> = rows[top..]
            .iter()
            .take(room)
            .map(|row| Line::from(row.as_str()))
            .collect();
        frame.render_widget(Paragraph::new(shown), pane);
        if bottom > 0 {
            let mut position = ScrollbarState::new(bottom + 1)
                .position(top)
                .viewport_content_length(room);
            frame.render_stateful_widget(
                Scrollbar::new(ScrollbarOrientation::VerticalRight),
                pane,
                &mut position,
            );
        }
    }
}

/// The most rows an outcome takes above the status line: a refusal says
/// why in full, the list keeps most of the screen.
const MESSAGE_ROWS: usize = 3;

/// The fewest columns the status line leaves the desk's name when the rest
/// needs the width: enough to tell a URL from a path.
const MIN_TARGET_COLUMNS: usize = 12;

/// The most rows a subject takes above its timeline: a subject may be 300
/// characters, which on a small terminal would leave no room for the
/// timeline at all.
const SUBJECT_ROWS: usize = 2;

/// The most rows the customer's name and contacts take below the subject.
const CUSTOMER_ROWS: usize = 2;

/// The keys the row above the status line names, most needed first: `?`
/// first, since it lists every key.
const KEY_HELP: [&str; 12] = [
    "? help",
    "q quit",
    "a assign",
    "t take",
    "r reply",
    "n note",
    "o takeover",
    "x resolve",
    "p priority",
    "f filter",
    "/ search",
    "u reopen",
];

/// As many of [`KEY_HELP`] as fit in `columns`, whole, in order.
fn key_help(columns: usize) -> String {
    let mut text = String::new();
    for key in KEY_HELP {
        let more = if text.is_empty() {
            key.to_string()
        } else {
            format!(" · {key}")
        };
        if text.width() + more.width() > columns {
            break;
        }
        text.push_str(&more);
    }
    text
}

/// Pasted text as a text box keeps it: line breaks as `\n` (terminals send
/// `\r`, some `\r\n`), tabs kept, other control characters (an escape
/// sequence in the clipboard) left out.
fn pasted_text(pasted: &str) -> String {
    pasted
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect()
}

/// A timeline entry as the right pane shows it: `who: what`, one line per
/// line of its text (a summary has one fact a line; a customer's message
/// keeps its paragraphs).
fn entry_lines(entry: &TimelineEntry) -> Vec<String> {
    let who = entry
        .author
        .clone()
        .unwrap_or_else(|| entry.author_kind.to_string());
    let body = entry.body.as_deref().unwrap_or("");
    let what = match entry.kind {
        crate::api::TimelineKind::Event => body.to_string(),
        kind => format!("{kind}: {body}"),
    };
    format!("{who}: {what}").lines().map(displayed).collect()
}

/// The columns text wraps at in a dialog over `area`: the box's borders and
/// a column each side left out, and no wider than reads back easily.
fn dialog_columns(area: Rect) -> usize {
    area.width.min(104).saturating_sub(4).max(1) as usize
}

/// How many rows of text a text box over `area` shows at most: it grows
/// with the text to two thirds of `area` (its borders, a blank line and the
/// keys' line included), so the list stays in sight around it.
fn text_box_height(area: Rect) -> usize {
    (area.height as usize * 2 / 3)
        .saturating_sub(4)
        .clamp(1, 20)
}

/// What a text box shows of `text`, whose cursor is at its end, wrapped at
/// `columns`: the last `height` rows (the cursor's among them), and how many
/// rows are scrolled out above them.
fn text_box_rows(text: &str, columns: usize, height: usize) -> (Vec<String>, usize) {
    let mut rows = wrap(&format!("{text}▏"), columns);
    let above = rows.len().saturating_sub(height);
    (rows.split_off(above), above)
}

/// `text` in rows of at most `columns` display columns, as drawn (see
/// [`displayed`]): its own line breaks kept, a line broken at the last space
/// that fits, and a word longer than a row cut where the row ends.
pub(crate) fn wrap(text: &str, columns: usize) -> Vec<String> {
    let columns = columns.max(1);
    let mut rows = Vec::new();
    for line in text.split('\n') {
        let mut row = String::new();
        let mut used = 0;
        for word in displayed(line).split_inclusive(' ') {
            if used > 0 && used + super::width::columns(word.trim_end_matches(' ')) > columns {
                rows.push(row.trim_end().to_string());
                row.clear();
                used = 0;
            }
            for grapheme in word.graphemes(true) {
                let width = grapheme.width();
                if used > 0 && used + width > columns && grapheme != " " {
                    rows.push(std::mem::take(&mut row));
                    used = 0;
                }
                row.push_str(grapheme);
                used += width;
            }
        }
        rows.push(row.trim_end().to_string());
    }
    rows
}

/// `text` wrapped as [`wrap`] does, in `most` rows at most: the last one
/// cut with `…` when there is more.
fn wrap_at_most(text: &str, columns: usize, most: usize) -> Vec<String> {
    let mut rows = wrap(text, columns);
    if rows.len() > most && most > 0 {
        rows.truncate(most);
        let last = &mut rows[most - 1];
        *last = super::width::truncate(&format!("{last} …"), columns);
    }
    rows
}

/// A box over the middle of `area` with `lines` (the `highlight`ed one
/// reversed), sized to fit them where it can.
fn dialog(frame: &mut Frame, area: Rect, title: &str, lines: Vec<Line>, highlight: Option<usize>) {
    let widest = lines
        .iter()
        .map(Line::width)
        .chain([title.width()])
        .max()
        .unwrap_or(0) as u16;
    let width = (widest + 4).min(area.width);
    let height = (lines.len() as u16 + 2).min(area.height);
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    // A long picker scrolls so the highlighted item stays in the box.
    let inner = height.saturating_sub(2) as usize;
    let skip = highlight.map_or(0, |at| (at + 3).saturating_sub(inner));
    let lines: Vec<Line> = lines
        .into_iter()
        .enumerate()
        .skip(skip)
        .map(|(at, line)| {
            if Some(at) == highlight {
                line.style(Style::default().add_modifier(Modifier::REVERSED))
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Clear, rect);
    blank_straddling(frame.buffer_mut(), rect);
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::default()
                .borders(Borders::ALL)
                .title(format!(" {title} ")),
        ),
        rect,
    );
}

/// Blanks a full-width character just left of `rect`: its right half is
/// under the box's left border, and a terminal drawing it whole would hide
/// the border.
fn blank_straddling(buffer: &mut ratatui::buffer::Buffer, rect: Rect) {
    let Some(left) = rect.x.checked_sub(1) else {
        return;
    };
    for y in rect.top()..rect.bottom() {
        let cell = &mut buffer[(left, y)];
        if cell.symbol().width() > 1 {
            cell.set_symbol(" ");
        }
    }
}

/// Who the ticket's customer is and how to reach them, on one line: name,
/// phone, email and the platform's id for them, those the ticket has.
fn customer(ticket: &Ticket) -> String {
    let r = &ticket.requester;
    let known: Vec<&str> = [&r.name, &r.phone, &r.email, &r.external_id]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    match known.is_empty() {
        true => "an unknown customer".into(),
        false => super::one_line(&known.join(" · ")),
    }
}

/// One list row: status, number, requester, subject, priority, assignee,
/// channel and age, in `width` columns (the requester and subject share what
/// the fixed columns leave).
fn row(ticket: &Ticket, now: Timestamp, width: usize) -> String {
    let (channel, channel_width) = channel_column(ticket.channel, width);
    let fixed = 4 + 5 + 4 + 6 + channel_width + 3 + 7;
    let requester = crate::domain::handoff::who(&ticket.requester).unwrap_or_default();
    let rest = width.saturating_sub(fixed).max(8);
    let who = rest / 3;
    let subject = rest - who - 1;
    let status = match ticket.status {
        crate::api::TicketStatus::Open => "open",
        crate::api::TicketStatus::Pending => "pend",
        crate::api::TicketStatus::Resolved => "done",
    };
    let priority = match ticket.priority {
        crate::api::Priority::Low => "low",
        crate::api::Priority::Medium => "med",
        crate::api::Priority::High => "high",
        crate::api::Priority::Urgent => "URG",
    };
    let text = [
        status.to_string(),
        format!("{:<5}", ticket.number),
        cell(requester, who),
        cell(&ticket.subject, subject),
        cell(priority, 4),
        cell(ticket.assignee.as_deref().unwrap_or("-"), 6),
        cell(channel, channel_width),
        age(ticket.last_activity_at, now),
    ]
    .join(" ");
    super::width::clip(&text, width).to_string()
}

/// The list's width from which its channel column holds every channel's
/// name (`help-page`, nine columns); a narrower list (an 80-column
/// terminal's) shows the short forms of [`channel_column`].
const WIDE_LIST: usize = 90;

/// How a list `width` columns wide shows `channel`, and its column's width:
/// the name on a wide list, else a short form of at most five columns
/// (`web`, `help`, `tg`, `wa`, `email`), never a name cut to `what…`.
fn channel_column(channel: Channel, width: usize) -> (&'static str, usize) {
    if width >= WIDE_LIST {
        return (channel.as_str(), "help-page".len());
    }
    let short = match channel {
        Channel::Web => "web",
        Channel::HelpPage => "help",
        Channel::Telegram => "tg",
        Channel::Whatsapp => "wa",
        Channel::Email => "email",
    };
    (short, 5)
}

/// `text` as the screen shows it (see [`super::one_line`]); widths are
/// measured on what is drawn.
fn displayed(text: &str) -> String {
    super::one_line(text)
}

/// `text` in exactly `width` display columns, as drawn (see [`displayed`]).
fn cell(text: &str, width: usize) -> String {
    super::width::cell(&displayed(text), width)
}

/// `now`, `5m`, `3h`, `2d`: an age in three columns.
fn age(at: Timestamp, now: Timestamp) -> String {
    let seconds = (now.as_second() - at.as_second()).max(0);
    match seconds {
        0..60 => "now".into(),
        60..3600 => format!("{}m", seconds / 60),
        3600..86400 => format!("{}h", seconds / 3600),
        _ => format!("{}d", seconds / 86400),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use unicode_width::UnicodeWidthChar;

    fn ticket(number: u64, assignee: Option<&str>, status: &str) -> Ticket {
        serde_json::from_value(serde_json::json!({
            "number": number, "subject": format!("Parcel {number}"), "status": status,
            "priority": "medium", "requester": {"name": "Dana", "email": "dana@example.com"},
            "assignee": assignee, "team": "support", "agent": "shop", "channel": "web",
            "environment": "production", "fields": {}, "context": {}, "ai_paused": false,
            "handoff": null, "created_at": "2026-01-01T00:00:00Z",
            "last_activity_at": "2026-01-01T00:00:00Z"
        }))
        .unwrap()
    }

    fn event(id: u64, kind: EventKind, ticket: Ticket) -> Event {
        Event {
            id,
            kind,
            at: Timestamp::UNIX_EPOCH,
            ticket_number: Some(ticket.number),
            ticket: Some(ticket),
            entries: Vec::new(),
            handoff: None,
            delivery: None,
            external: None,
        }
    }

    /// Loads every ticket of `view` at once, as when they fit in a page.
    fn load_whole(inbox: &mut Inbox, view: TicketView, tickets: Vec<Ticket>) -> Command {
        let total = tickets.len() as u64;
        let page = Page {
            items: tickets,
            next_cursor: None,
        };
        inbox.load(view, page, total)
    }

    /// bob's inbox: 10001 his, 10002 and 10003 unassigned, 10000 resolved.
    fn inbox() -> Inbox {
        let mut inbox = Inbox::new(
            "http://desk:7070".into(),
            "bob (operator)".into(),
            Some("bob".into()),
            false,
        );
        let mine = vec![ticket(10001, Some("bob"), "open")];
        let unassigned = vec![ticket(10003, None, "open"), ticket(10002, None, "open")];
        let resolved = vec![ticket(10000, Some("bob"), "resolved")];
        let mut all = mine.clone();
        all.extend(unassigned.clone());
        all.extend(resolved.clone());
        load_whole(&mut inbox, TicketView::Mine, mine);
        load_whole(&mut inbox, TicketView::Unassigned, unassigned);
        load_whole(&mut inbox, TicketView::All, all);
        load_whole(&mut inbox, TicketView::Resolved, resolved);
        inbox.timeline = Some((10001, Vec::new()));
        inbox
    }

    #[test]
    fn a_search_keeps_the_ticket_selected_when_it_still_lists_it_else_the_first() {
        let mut inbox = inbox();
        inbox.view = view_index(TicketView::All);
        inbox.selected = 2;
        assert_eq!(inbox.selected_ticket().unwrap().number, 10002);
        // The search finds it again, higher up: the selection follows it,
        // and its timeline is read.
        let tickets = vec![
            ticket(10002, None, "open"),
            ticket(10001, Some("bob"), "open"),
        ];
        let command = load_whole(&mut inbox, TicketView::All, tickets);
        assert_eq!(inbox.selected_ticket().unwrap().number, 10002);
        assert!(
            matches!(command, Command::LoadTimeline(10002)),
            "{command:?}"
        );
        // Another view read meanwhile leaves the one shown alone.
        load_whole(&mut inbox, TicketView::Resolved, Vec::new());
        assert_eq!(inbox.selected_ticket().unwrap().number, 10002);
        // A search that does not find it selects the first ticket listed,
        // not whatever came to stand in its row.
        inbox.selected = 1;
        let tickets = vec![
            ticket(10003, None, "open"),
            ticket(10002, None, "open"),
            ticket(10000, Some("bob"), "resolved"),
        ];
        load_whole(&mut inbox, TicketView::All, tickets);
        assert_eq!(inbox.selected_ticket().unwrap().number, 10003);
    }

    /// The screen's text as a terminal shows it: a full-width character
    /// once, though it takes two cells.
    fn screen(inbox: &Inbox, width: u16, height: u16) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        let now = "2026-01-01T00:05:00Z".parse().unwrap();
        terminal.draw(|frame| inbox.draw(frame, now)).unwrap();
        let buffer = terminal.backend().buffer().clone();
        (0..height)
            .map(|y| {
                let mut line = String::new();
                let mut covered = 0;
                for x in 0..width {
                    if covered > 0 {
                        covered -= 1;
                        continue;
                    }
                    let symbol = buffer[(x, y)].symbol();
                    covered = symbol.width().saturating_sub(1);
                    line.push_str(symbol);
                }
                line.trim_end().to_string()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The display column at which `needle` starts in `line`.
    fn column_of(line: &str, needle: &str) -> Option<usize> {
        line.find(needle).map(|at| line[..at].width())
    }

    /// A WhatsApp customer known by their number and the platform's id: the
    /// row names them by the id, as `tickets list` does, and the pane above
    /// the timeline gives both, the number first.
    #[test]
    fn a_customer_without_name_or_email_is_named_and_reachable_by_phone() {
        let mut inbox = inbox();
        let mut whatsapp = ticket(10001, Some("bob"), "open");
        whatsapp.requester = crate::api::Requester {
            external_id: Some("wa-34600123456".into()),
            phone: Some("+34 600 123 456".into()),
            ..Default::default()
        };
        inbox.tickets[0] = vec![whatsapp];
        let text = screen(&inbox, 160, 24);
        assert!(text.contains("open 10001 wa-34600123456"), "{text}");
        assert!(text.contains("+34 600 123 456 · wa-34600123456"), "{text}");
        // A named customer reads as before, their contacts beside the name.
        let text = screen(&self::inbox(), 160, 24);
        assert!(text.contains("open 10001 Dana"), "{text}");
        assert!(text.contains("Dana · dana@example.com"), "{text}");
    }

    #[test]
    fn a_channel_reads_whole_when_there_is_room_and_short_otherwise() {
        let mut inbox = inbox();
        let channels = [
            (Channel::Whatsapp, "wa   "),
            (Channel::Telegram, "tg   "),
            (Channel::HelpPage, "help "),
            (Channel::Email, "email"),
        ];
        let mut extra = Vec::new();
        for (n, (channel, _)) in channels.iter().enumerate() {
            let mut t = ticket(10010 + n as u64, Some("bob"), "open");
            t.channel = *channel;
            extra.push(t);
        }
        inbox.tickets[0] = extra;
        let rows = |width: u16, height: u16| -> Vec<String> {
            let text = screen(&inbox, width, height);
            text.lines().skip(1).take(4).map(str::to_string).collect()
        };
        // At 80 columns: the short forms, in the five columns the row keeps.
        for (row, (_, short)) in rows(80, 24).iter().zip(channels) {
            assert!(row.contains(&format!(" bob    {short} 5m")), "{row}");
        }
        // At 200: every name whole, in a column of nine.
        for (row, (channel, _)) in rows(200, 50).iter().zip(channels) {
            let cell = format!(" bob    {:<9} 5m", channel.as_str());
            assert!(row.contains(&cell), "{row}");
        }
        for name in Channel::NAMES {
            assert!(name.len() <= 9, "{name} fits the wide column");
        }
    }

    #[test]
    fn full_width_text_and_control_characters_keep_every_column_in_place() {
        let mut inbox = inbox();
        let mut wide = ticket(10007, Some("bob"), "open");
        wide.requester.name = Some("李小龙".into());
        wide.subject = "中文全角字符测试，请帮我查询订单状态。".into();
        let mut controls = ticket(10008, Some("bob"), "open");
        controls.requester.name = Some("Dana\x1b".into());
        controls.subject = "Parcel\x07 late\nagain".into();
        inbox.tickets[0].extend([wide, controls]);
        for width in [60, 80, 100, 200] {
            let text = screen(&inbox, width, 24);
            let rows: Vec<&str> = text.lines().skip(1).take(3).collect();
            // The channel column is nine wide on a wide list, five otherwise.
            let tail = match width {
                200 => " med  bob    web       5m",
                _ => " med  bob    web   5m",
            };
            let plain_tail = column_of(rows[0], tail).unwrap_or_else(|| panic!("{text}"));
            let divider = column_of(rows[0], "│").unwrap();
            for row in &rows[1..] {
                assert_eq!(
                    column_of(row, tail),
                    Some(plain_tail),
                    "at {width}:\n{text}"
                );
                assert_eq!(column_of(row, "│"), Some(divider), "at {width}:\n{text}");
            }
            assert!(
                text.lines().all(|l| l.width() <= width as usize),
                "at {width}:\n{text}"
            );
        }
        let text = screen(&inbox, 200, 24);
        assert!(
            text.contains("open 10007 李小龙")
                && text.contains("中文全角字符测试，请帮我查询订单状态。"),
            "whole when there is room: {text}"
        );
        assert!(
            text.contains("Dana^[") && text.contains("Parcel^G late again"),
            "{text}"
        );
        let text = screen(&inbox, 80, 24);
        assert!(
            text.contains("open 10007 李小龙 中文全角字符… med"),
            "cut with …: {text}"
        );
    }

    #[test]
    fn the_timeline_keeps_the_line_breaks_of_summaries_and_messages() {
        let mut inbox = inbox();
        let entry = |seq: u32, kind, author: Option<&str>, body: &str| TimelineEntry {
            seq,
            kind,
            author_kind: crate::api::AuthorKind::System,
            author: author.map(str::to_string),
            event: None,
            body: Some(body.into()),
            channel: None,
            at: Timestamp::UNIX_EPOCH,
        };
        inbox.timeline = Some((
            10001,
            vec![
                entry(
                    1,
                    crate::api::TimelineKind::Event,
                    None,
                    "Dana talked to Shop on web: 2 messages, 2 from the customer.\n\
                     Reason: the customer asked for a human.\n\
                     First customer message: \"Where is it?\"",
                ),
                entry(
                    2,
                    crate::api::TimelineKind::Message,
                    Some("Dana"),
                    "Hello,\r\nmy parcel is late.",
                ),
            ],
        ));
        let text = screen(&inbox, 200, 24);
        let pane: Vec<&str> = text
            .lines()
            .filter_map(|l| l.split_once('│').map(|(_, right)| right.trim()))
            .collect();
        assert!(!text.contains("customer.Reason"), "{text}");
        for line in [
            "system: Dana talked to Shop on web: 2 messages, 2 from the customer.",
            "Reason: the customer asked for a human.",
            "First customer message: \"Where is it?\"",
            "Dana: message: Hello,",
            "my parcel is late.",
        ] {
            assert!(
                pane.contains(&line),
                "{line:?} on a line of its own: {text}"
            );
        }
        // Long entries leave the newest in view at 80 by 24.
        let (_, entries) = inbox.timeline.as_mut().unwrap();
        let summary = entries[0].clone();
        for seq in 3..12 {
            entries.push(TimelineEntry {
                seq,
                ..summary.clone()
            });
        }
        entries.push(entry(
            12,
            crate::api::TimelineKind::Note,
            Some("bob"),
            "the newest",
        ));
        let text = screen(&inbox, 80, 24);
        assert!(text.contains("bob: note: the newest"), "{text}");
    }

    /// The character drawn at display `column` of `line`.
    fn char_at(line: &str, column: usize) -> Option<char> {
        let mut used = 0;
        line.chars().find(|c| {
            used += c.width().unwrap_or(0);
            used > column
        })
    }

    #[test]
    fn a_popup_keeps_its_left_border_over_full_width_text() {
        let mut inbox = inbox();
        let mine = &mut inbox.tickets[0];
        mine.extend((1..30).map(|n| ticket(10100 + n, Some("bob"), "open")));
        for (at, ticket) in mine.iter_mut().enumerate() {
            // Each row's full-width characters a column further on.
            ticket.requester.name = Some(format!("{}{}", "a".repeat(at % 2), "李小龙".repeat(6)));
            ticket.subject = "中文全角字符测试，请帮我查询订单状态。".repeat(3);
        }
        assert_eq!(inbox.on_key(Key::Char('?')), Command::Nothing);
        for width in 80..=100 {
            let text = screen(&inbox, width, 30);
            let lines: Vec<&str> = text.lines().collect();
            let top = lines.iter().position(|l| l.contains(" Keys ")).unwrap();
            let last = lines
                .iter()
                .position(|l| l.contains("Any key closes"))
                .unwrap();
            let left = column_of(lines[last], "Any key closes").unwrap() - 1;
            for line in &lines[top + 1..=last] {
                assert_eq!(char_at(line, left), Some('│'), "at {width}:\n{text}");
            }
        }
    }

    #[test]
    fn a_long_subject_leaves_the_timeline_in_sight() {
        let mut inbox = inbox();
        inbox.tickets[0][0].subject = "Where is my parcel ".repeat(15).chars().take(280).collect();
        inbox.timeline = Some((
            10001,
            vec![TimelineEntry {
                seq: 1,
                kind: crate::api::TimelineKind::Message,
                author_kind: crate::api::AuthorKind::Customer,
                author: Some("Dana".into()),
                event: None,
                body: Some("Hello, my parcel is late.".into()),
                channel: None,
                at: Timestamp::UNIX_EPOCH,
            }],
        ));
        let text = screen(&inbox, 80, 16);
        let rows = pane(&text);
        assert!(
            rows.iter().any(|r| r.contains("Dana: message: Hello")),
            "{text}"
        );
        // Under the tabs, two rows of subject, then the ticket's state.
        assert!(rows[1].starts_with("#10001 Where is my"), "{text}");
        assert!(rows[2].ends_with('…'), "{text}");
        assert!(rows[3].starts_with("open · medium"), "{text}");
    }

    /// The timeline pane's rows of a screen: right of the list, without the
    /// scrollbar.
    fn pane(text: &str) -> Vec<String> {
        text.lines()
            .filter_map(|l| l.split_once('│').map(|(_, right)| right))
            .map(|right| {
                right
                    .trim_end_matches(['▲', '▼', '║', '█', ' '])
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn the_timeline_scrolls_back_through_an_entry_taller_than_the_pane() {
        let mut inbox = inbox();
        let entry = |seq: u32, kind, author: Option<&str>, body: String| TimelineEntry {
            seq,
            kind,
            author_kind: crate::api::AuthorKind::System,
            author: author.map(str::to_string),
            event: None,
            body: Some(body),
            channel: None,
            at: Timestamp::UNIX_EPOCH,
        };
        let email: Vec<String> = (1..=26).map(|n| format!("L{n:02}")).collect();
        inbox.timeline = Some((
            10001,
            vec![
                entry(1, crate::api::TimelineKind::Event, None, "Opened".into()),
                entry(
                    2,
                    crate::api::TimelineKind::Message,
                    Some("Dana"),
                    email.join("\n"),
                ),
                entry(
                    3,
                    crate::api::TimelineKind::Event,
                    Some("bob"),
                    "Assigned".into(),
                ),
            ],
        ));
        // 80x24: 18 rows under the ticket's subject and state, for 28.
        let text = screen(&inbox, 80, 24);
        let rows = pane(&text);
        assert!(rows.contains(&"L26".to_string()), "{text}");
        assert_eq!(rows.last().unwrap(), "bob: Assigned", "{text}");
        assert!(rows.contains(&"#10001 Parcel 10001".to_string()), "{text}");
        assert!(!rows.contains(&"L09".to_string()), "{text}");
        assert!(
            text.contains('▲') && text.contains('▼'),
            "a scrollbar: {text}"
        );
        // Back a page (a row less than the pane) and to the first entry.
        assert_eq!(inbox.on_key(Key::Char('K')), Command::Nothing);
        let text = screen(&inbox, 80, 24);
        let rows = pane(&text);
        assert!(rows.contains(&"L09".to_string()), "{text}");
        assert!(!rows.contains(&"L26".to_string()), "{text}");
        assert!(
            rows.contains(&"#10001 Parcel 10001".to_string()),
            "kept: {text}"
        );
        inbox.on_key(Key::Char('K'));
        let text = screen(&inbox, 80, 24);
        let rows = pane(&text);
        assert!(rows.contains(&"system: Opened".to_string()), "{text}");
        assert!(rows.contains(&"Dana: message: L01".to_string()), "{text}");
        assert_eq!(inbox.timeline_top, Some((10001, 0)));
        inbox.on_key(Key::Char('K'));
        assert_eq!(inbox.timeline_top, Some((10001, 0)), "no further back");
        // The list's page keys move the list, not the timeline.
        inbox.on_key(Key::PageDown);
        inbox.on_key(Key::PageUp);
        assert_eq!(inbox.timeline_top, Some((10001, 0)));
        // A new entry while scrolled back leaves the view where it is.
        let mut noted = event(4, EventKind::TicketNote, ticket(10001, Some("bob"), "open"));
        noted.entries = vec![entry(
            4,
            crate::api::TimelineKind::Note,
            Some("bob"),
            "Checked".into(),
        )];
        inbox.apply(&noted);
        let text = screen(&inbox, 80, 24);
        assert!(
            pane(&text).contains(&"Dana: message: L01".to_string()),
            "{text}"
        );
        // Forward to the end follows the newest entry again.
        inbox.on_key(Key::Char('J'));
        inbox.on_key(Key::Char('J'));
        assert_eq!(inbox.timeline_top, None);
        let text = screen(&inbox, 80, 24);
        assert_eq!(pane(&text).last().unwrap(), "bob: note: Checked", "{text}");
        // Another ticket, and this one again, open at the newest entry.
        inbox.on_key(Key::Char('K'));
        assert!(inbox.timeline_top.is_some());
        inbox.on_key(Key::Tab);
        inbox.on_key(Key::BackTab);
        assert_eq!(inbox.timeline_top, None);
    }

    #[test]
    fn a_long_desk_name_gives_way_to_who_is_signed_in_and_whether_it_is_live() {
        let mut inbox = inbox();
        inbox.target = format!(
            "the desk in PostgreSQL at postgres:///deskctl?host=/tmp/{}",
            "deep/".repeat(20)
        );
        let text = screen(&inbox, 80, 24);
        let status = text.lines().nth(23).unwrap();
        assert_eq!(
            status.trim_end(),
            "the desk in PostgreSQL at postgres:///deskctl?host=/tmp… · bob (operator) · live",
            "{text}"
        );
        // Too narrow even for that: the name keeps a stub, and the line is cut.
        let text = screen(&inbox, 30, 12);
        let status = text.lines().nth(11).unwrap();
        assert!(
            status.starts_with("the desk in… · bob (operator)"),
            "{text}"
        );
        // A name that fits is shown whole.
        inbox.target = "the desk at /srv/desk.sqlite".into();
        let text = screen(&inbox, 80, 24);
        assert!(
            text.lines()
                .nth(23)
                .unwrap()
                .starts_with("the desk at /srv/desk.sqlite · bob (operator) · live"),
            "{text}"
        );
    }

    #[test]
    fn the_screen_shows_views_with_counts_the_list_and_the_status_at_80_by_24() {
        let inbox = inbox();
        let text = screen(&inbox, 80, 24);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].contains("mine 1"), "{text}");
        assert!(lines[0].contains("unassigned 2"), "{text}");
        assert!(lines[0].contains("all 4"), "{text}");
        assert!(lines[0].contains("resolved 1"), "{text}");
        // Every column of a row fits at 80 columns.
        assert!(
            lines[1].starts_with("open 10001 Dana") && lines[1].contains("Parcel 1"),
            "{text}"
        );
        assert!(lines[1].contains(" med  bob    web   5m"), "{text}");
        assert!(
            text.contains("#10001 Parcel 10001"),
            "the selected ticket: {text}"
        );
        assert!(
            lines[23].contains("http://desk:7070 · bob (operator) · live"),
            "{text}"
        );
        assert!(text.lines().all(|l| l.chars().count() <= 80));
    }

    #[test]
    fn tabs_count_every_ticket_and_the_next_page_loads_at_the_end_of_the_list() {
        let mut inbox = Inbox::new("the local desk".into(), "owner".into(), None, false);
        let open = |numbers: &[u64]| -> Vec<Ticket> {
            numbers.iter().map(|n| ticket(*n, None, "open")).collect()
        };
        let first = Page {
            items: open(&[10006, 10005, 10004]),
            next_cursor: Some("after-10004".into()),
        };
        inbox.load(TicketView::Unassigned, first.clone(), 6);
        inbox.load(TicketView::All, first, 6);
        load_whole(&mut inbox, TicketView::Resolved, Vec::new());
        let tabs = |inbox: &Inbox| screen(inbox, 80, 24).lines().next().unwrap().to_string();
        assert!(
            tabs(&inbox).contains("unassigned 6 │ all 6 │ resolved 0"),
            "counted, not the page's length: {}",
            tabs(&inbox)
        );
        inbox.timeline = Some((10006, Vec::new()));
        assert_eq!(inbox.on_key(Key::Down), Command::LoadTimeline(10005));
        inbox.timeline = Some((10005, Vec::new()));
        assert_eq!(
            inbox.on_key(Key::Down),
            Command::LoadMore(TicketView::Unassigned, "after-10004".into()),
            "on the last ticket loaded"
        );
        // Meanwhile a customer's message moves 10002, beyond the page, to the
        // top: whether it was counted already only the service can tell.
        let mut written = ticket(10002, None, "open");
        written.last_activity_at = "2026-01-01T00:05:00Z".parse().unwrap();
        inbox.apply(&event(1, EventKind::TicketMessage, written));
        assert_eq!(inbox.shown()[0].number, 10002);
        assert_eq!(inbox.uncounted(), [TicketView::Unassigned, TicketView::All]);
        inbox.set_total(TicketView::All, 6);
        assert_eq!(inbox.uncounted(), [TicketView::Unassigned]);
        // The next page lists it too: it is not shown twice.
        let rest = Page {
            items: open(&[10003, 10002, 10001]),
            next_cursor: None,
        };
        assert_eq!(
            inbox.append(TicketView::Unassigned, rest),
            Command::LoadTimeline(10004),
            "the timeline follows the selection"
        );
        let numbers: Vec<u64> = inbox.shown().iter().map(|t| t.number).collect();
        assert_eq!(numbers, [10002, 10006, 10005, 10004, 10003, 10001]);
        assert!(inbox.uncounted().is_empty(), "loaded whole: counted");
        inbox.timeline = Some((10004, Vec::new()));
        assert_eq!(inbox.on_key(Key::Down), Command::LoadTimeline(10003));
        inbox.timeline = Some((10003, Vec::new()));
        assert_eq!(inbox.on_key(Key::Down), Command::LoadTimeline(10001));
        inbox.timeline = Some((10001, Vec::new()));
        assert_eq!(
            inbox.on_key(Key::Down),
            Command::Nothing,
            "the end: nothing more"
        );
        // Loaded whole, a view counts what comes and goes by itself.
        inbox.apply(&event(
            2,
            EventKind::TicketCreated,
            ticket(10007, None, "open"),
        ));
        inbox.apply(&event(
            3,
            EventKind::TicketAssigned,
            ticket(10006, Some("bob"), "open"),
        ));
        assert!(
            tabs(&inbox).contains("unassigned 6 │ all 7 │ resolved 0"),
            "{}",
            tabs(&inbox)
        );
        assert!(inbox.uncounted().is_empty());
    }

    /// The list is in `tickets list --sort activity`'s order: only what the
    /// customer sees happen (`domain::tickets::is_activity`, which moves the
    /// ticket's last activity time) moves a ticket up; a note, a priority or
    /// an assignment leaves it in its place.
    #[test]
    fn only_what_the_customer_sees_moves_a_ticket_up_the_list() {
        let mut inbox = Inbox::new("the local desk".into(), "owner".into(), None, false);
        let at = |number: u64, assignee: Option<&str>, minute: u32| {
            let mut ticket = ticket(number, assignee, "open");
            ticket.last_activity_at = format!("2026-01-01T00:{minute:02}:00Z").parse().unwrap();
            ticket
        };
        let tickets = vec![at(10003, None, 3), at(10002, None, 2), at(10001, None, 1)];
        load_whole(&mut inbox, TicketView::Unassigned, tickets.clone());
        load_whole(&mut inbox, TicketView::All, tickets);
        load_whole(&mut inbox, TicketView::Resolved, Vec::new());
        let order = |inbox: &Inbox, view: TicketView| -> Vec<u64> {
            inbox.tickets[view_index(view)]
                .iter()
                .map(|t| t.number)
                .collect()
        };
        inbox.apply(&event(1, EventKind::TicketNote, at(10001, None, 1)));
        inbox.apply(&event(2, EventKind::TicketPriority, at(10002, None, 2)));
        inbox.apply(&event(
            3,
            EventKind::TicketAssigned,
            at(10001, Some("bob"), 1),
        ));
        assert_eq!(order(&inbox, TicketView::All), [10003, 10002, 10001]);
        assert_eq!(order(&inbox, TicketView::Unassigned), [10003, 10002]);
        // Unassigned again, it goes back to its place, not to the top.
        inbox.apply(&event(4, EventKind::TicketUnassigned, at(10001, None, 1)));
        assert_eq!(order(&inbox, TicketView::Unassigned), [10003, 10002, 10001]);
        // A message is activity: the ticket goes to the top.
        inbox.apply(&event(5, EventKind::TicketMessage, at(10002, None, 9)));
        assert_eq!(order(&inbox, TicketView::All), [10002, 10003, 10001]);
        assert_eq!(order(&inbox, TicketView::Unassigned), [10002, 10003, 10001]);
    }

    #[test]
    fn page_home_and_end_keys_move_through_a_long_list_reading_every_page() {
        let mut inbox = Inbox::new("the local desk".into(), "owner".into(), None, false);
        let open = |numbers: std::ops::Range<u64>| -> Vec<Ticket> {
            numbers.rev().map(|n| ticket(n, None, "open")).collect()
        };
        // 650 tickets: the first page of 500 read, two more to come.
        let first = Page {
            items: open(10151..10651),
            next_cursor: Some("after-10151".into()),
        };
        inbox.load(TicketView::Unassigned, first, 650);
        // Drawn at 80x24: the list has 21 rows, a page is 20.
        screen(&inbox, 80, 24);
        let selected = |inbox: &Inbox| inbox.selected_ticket().unwrap().number;
        inbox.on_key(Key::PageDown);
        assert_eq!(selected(&inbox), 10650 - 20);
        inbox.on_key(Key::PageDown);
        assert_eq!(selected(&inbox), 10650 - 40);
        inbox.on_key(Key::PageUp);
        assert_eq!(selected(&inbox), 10650 - 20);
        inbox.on_key(Key::Home);
        assert_eq!(selected(&inbox), 10650);
        inbox.on_key(Key::PageUp);
        assert_eq!(selected(&inbox), 10650, "no further up");
        // G: to the last ticket, reading the pages still to come.
        assert_eq!(
            inbox.on_key(Key::Char('G')),
            Command::LoadMore(TicketView::Unassigned, "after-10151".into())
        );
        assert_eq!(selected(&inbox), 10151);
        let second = Page {
            items: open(10051..10151),
            next_cursor: Some("after-10051".into()),
        };
        assert_eq!(
            inbox.append(TicketView::Unassigned, second),
            Command::LoadMore(TicketView::Unassigned, "after-10051".into())
        );
        let last = Page {
            items: open(10001..10051),
            next_cursor: None,
        };
        assert_eq!(
            inbox.append(TicketView::Unassigned, last),
            Command::LoadTimeline(10001)
        );
        assert_eq!(selected(&inbox), 10001);
        assert_eq!(inbox.shown().len(), 650);
        inbox.on_key(Key::Char('g'));
        assert_eq!(selected(&inbox), 10650);
        inbox.on_key(Key::End);
        assert_eq!(selected(&inbox), 10001);
        inbox.on_key(Key::PageDown);
        assert_eq!(selected(&inbox), 10001, "no further down");
        // Another key stops a walk to the end: a page read later stays put.
        let mut inbox = Inbox::new("the local desk".into(), "owner".into(), None, false);
        inbox.load(
            TicketView::Unassigned,
            Page {
                items: open(10101..10201),
                next_cursor: Some("after-10101".into()),
            },
            200,
        );
        inbox.on_key(Key::End);
        inbox.on_key(Key::Char('k'));
        let rest = Page {
            items: open(10001..10101),
            next_cursor: None,
        };
        inbox.append(TicketView::Unassigned, rest);
        assert_eq!(selected(&inbox), 10102);
    }

    #[test]
    fn keys_move_the_selection_and_switch_views() {
        let mut inbox = inbox();
        inbox.timeline = Some((10001, Vec::new()));
        assert_eq!(
            inbox.on_key(Key::Down),
            Command::Nothing,
            "one ticket in mine"
        );
        assert_eq!(inbox.selected, 0);
        assert_eq!(inbox.on_key(Key::Tab), Command::LoadTimeline(10003));
        assert_eq!(VIEWS[inbox.view], TicketView::Unassigned);
        assert_eq!(inbox.on_key(Key::Down), Command::LoadTimeline(10002));
        assert_eq!(inbox.selected, 1);
        inbox.timeline = Some((10002, Vec::new()));
        assert_eq!(
            inbox.on_key(Key::Down),
            Command::Nothing,
            "stays at the end"
        );
        assert_eq!(inbox.on_key(Key::Up), Command::LoadTimeline(10003));
        assert_eq!(inbox.on_key(Key::Up), Command::LoadTimeline(10003));
        assert_eq!(inbox.selected, 0);
        assert_eq!(inbox.on_key(Key::BackTab), Command::LoadTimeline(10001));
        assert_eq!(inbox.on_key(Key::BackTab), Command::LoadTimeline(10000));
        assert_eq!(VIEWS[inbox.view], TicketView::Resolved, "wraps around");
        assert_eq!(inbox.on_key(Key::Tab), Command::LoadTimeline(10001));
        assert_eq!(inbox.on_key(Key::Other), Command::LoadTimeline(10001));
        assert_eq!(inbox.on_key(Key::Char('q')), Command::Quit);
        // Drawn after the keys: the tab and the row are the ones chosen.
        inbox.on_key(Key::Tab);
        inbox.on_key(Key::Down);
        let text = screen(&inbox, 80, 24);
        assert!(text.contains("#10002 Parcel 10002"), "{text}");
    }

    #[test]
    fn the_local_owner_has_no_mine_view() {
        let mut inbox = Inbox::new("the local desk".into(), "owner".into(), None, false);
        assert_eq!(VIEWS[inbox.view], TicketView::Unassigned);
        inbox.on_key(Key::BackTab);
        assert_eq!(VIEWS[inbox.view], TicketView::Resolved, "mine is skipped");
        let text = screen(&inbox, 80, 24);
        assert!(!text.lines().next().unwrap().contains("mine"), "{text}");
        assert!(text.contains("No tickets in this view."), "{text}");
    }

    #[test]
    fn new_tickets_and_changes_appear_without_a_key() {
        let mut inbox = inbox();
        inbox.on_key(Key::Tab); // unassigned, 10003 selected
        inbox.timeline = Some((10003, Vec::new()));
        let new = ticket(10004, None, "open");
        assert_eq!(
            inbox.apply(&event(1, EventKind::TicketCreated, new)),
            Command::Nothing,
            "the selection stays on its ticket"
        );
        assert_eq!(inbox.shown()[0].number, 10004, "newest first");
        assert_eq!(inbox.selected_ticket().unwrap().number, 10003);
        assert_eq!(inbox.tickets[2].len(), 5, "in all too");
        // bob takes 10003: it leaves unassigned for mine.
        let taken = ticket(10003, Some("bob"), "open");
        let mut assigned = event(2, EventKind::TicketAssigned, taken);
        assigned.entries = vec![TimelineEntry {
            seq: 2,
            kind: crate::api::TimelineKind::Event,
            author_kind: crate::api::AuthorKind::Operator,
            author: Some("bob".into()),
            event: Some("assigned".into()),
            body: Some("Taken by bob".into()),
            channel: None,
            at: Timestamp::UNIX_EPOCH,
        }];
        inbox.apply(&assigned);
        assert_eq!(
            inbox.shown().iter().map(|t| t.number).collect::<Vec<_>>(),
            [10004, 10002]
        );
        assert_eq!(inbox.tickets[0][0].number, 10003, "now in mine");
        let text = screen(&inbox, 80, 24);
        assert!(
            text.contains("unassigned 2") && text.contains("mine 2"),
            "{text}"
        );
        // A ticket that left what bob may see goes from every view.
        let hidden = Event {
            ticket: None,
            kind: EventKind::TicketHidden,
            ..event(3, EventKind::TicketHidden, ticket(10002, None, "open"))
        };
        inbox.apply(&hidden);
        assert!(inbox.tickets.iter().flatten().all(|t| t.number != 10002));
        // The timeline shown grows by what a change adds.
        inbox.view = 0;
        inbox.selected = 0;
        inbox.timeline = Some((10003, Vec::new()));
        inbox.apply(&assigned);
        assert_eq!(inbox.timeline.as_ref().unwrap().1.len(), 1);
        let text = screen(&inbox, 80, 24);
        assert!(text.contains("bob: Taken by bob"), "{text}");
    }

    #[test]
    fn a_lost_connection_shows_in_the_status_line_and_no_color_draws_plain() {
        let mut inbox = inbox();
        inbox.connection = Connection::Lost("the service closed the stream".into());
        let text = screen(&inbox, 200, 50);
        assert!(
            text.contains("reconnecting: the service closed the stream"),
            "{text}"
        );
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        terminal
            .draw(|frame| inbox.draw(frame, Timestamp::UNIX_EPOCH))
            .unwrap();
        let buffer = terminal.backend().buffer();
        assert!(
            buffer
                .content()
                .iter()
                .all(|cell| cell.fg == ratatui::style::Color::Reset),
            "NO_COLOR: no foreground color anywhere"
        );
    }

    #[test]
    fn a_message_about_the_lost_connection_goes_once_it_is_live_again() {
        let mut inbox = inbox();
        inbox.connection = Connection::Lost("the service closed the stream".into());
        let unreachable = Refusal {
            code: None,
            why: "cannot reach the Desk service at http://desk:7070".into(),
            reached: Reached::NotSent,
        };
        inbox.finished(10001, &Act::Take { force: false }, Err(unreachable));
        assert_eq!(
            message(&inbox),
            (
                Tone::Refused,
                "Not sent: cannot reach the Desk service at http://desk:7070".into()
            )
        );
        inbox.said_unreached();
        inbox.reconnected();
        assert_eq!(inbox.connection, Connection::Live);
        assert_eq!(inbox.message, None);
        assert!(!screen(&inbox, 120, 24).contains("cannot reach"));
        // Any other message stays.
        inbox.finished(
            10001,
            &Act::Take { force: false },
            Err("ticket 10001 is bob's".into()),
        );
        inbox.reconnected();
        assert_eq!(
            message(&inbox),
            (Tone::Refused, "Refused: ticket 10001 is bob's".into())
        );
    }

    #[test]
    fn a_timeline_that_could_not_be_read_while_away_is_read_once_live_again() {
        let mut inbox = inbox();
        assert_eq!(inbox.on_key(Key::Tab), Command::LoadTimeline(10003));
        inbox.timeline = Some((10003, Vec::new()));
        // The service goes away as the selection moves on.
        inbox.connection = Connection::Lost("the service closed the stream".into());
        assert_eq!(inbox.on_key(Key::Down), Command::LoadTimeline(10002));
        inbox.timeline_failed(
            10002,
            "cannot reach the Desk service at http://desk:7070".into(),
        );
        inbox.said_unreached();
        assert_eq!(
            message(&inbox),
            (
                Tone::Refused,
                "Cannot read ticket 10002's timeline: cannot reach the Desk service at \
                 http://desk:7070"
                    .into()
            )
        );
        // Back: the message goes and the timeline is read, without a key.
        assert_eq!(inbox.reconnected(), Command::LoadTimeline(10002));
        assert_eq!(inbox.message, None);
        inbox.timeline = Some((10002, Vec::new()));
        // Live all along (an event), or the timeline read: nothing to read.
        assert_eq!(inbox.reconnected(), Command::Nothing);
        inbox.connection = Connection::Lost("the service closed the stream".into());
        assert_eq!(inbox.reconnected(), Command::Nothing);
    }

    #[test]
    fn a_change_the_service_did_not_answer_about_may_have_been_made() {
        let mut inbox = inbox();
        let no_answer = Refusal {
            code: None,
            why: "the Desk service at http://desk:7070 did not answer in time".into(),
            reached: Reached::NoAnswer,
        };
        inbox.finished(10001, &Act::Take { force: false }, Err(no_answer));
        let (tone, said) = message(&inbox);
        assert_eq!(tone, Tone::Refused);
        assert!(
            said.starts_with("Unknown whether it was done: the Desk service")
                && said.ends_with("check the ticket before trying again"),
            "{said}"
        );
    }

    /// Types `text` into an open text box.
    fn type_text(inbox: &mut Inbox, text: &str) {
        for c in text.chars() {
            assert_eq!(inbox.on_key(Key::Char(c)), Command::Nothing);
        }
    }

    fn message(inbox: &Inbox) -> (Tone, String) {
        inbox.message.clone().expect("a message on the status line")
    }

    #[test]
    fn take_runs_at_once_and_the_outcome_shows_on_the_status_line() {
        let mut inbox = inbox();
        inbox.on_key(Key::Tab); // unassigned, 10003
        assert_eq!(
            inbox.on_key(Key::Char('t')),
            Command::Run(10003, Act::Take { force: false })
        );
        assert!(matches!(inbox.mode, Mode::Busy(_)));
        assert_eq!(inbox.on_key(Key::Char('j')), Command::Nothing, "keys wait");
        assert_eq!(inbox.selected, 0);
        inbox.finished(10003, &Act::Take { force: false }, Ok(()));
        assert_eq!(inbox.mode, Mode::Browse);
        assert_eq!(message(&inbox), (Tone::Done, "Took ticket 10003".into()));
        let text = screen(&inbox, 80, 24);
        assert!(
            text.lines().nth(22).unwrap().contains("Took ticket 10003"),
            "{text}"
        );
        // Refused (another operator took it first): why, in the service's words.
        assert_eq!(
            inbox.on_key(Key::Char('t')),
            Command::Run(10003, Act::Take { force: false })
        );
        inbox.finished(
            10003,
            &Act::Take { force: false },
            Err("ticket 10003 is already assigned to alice".into()),
        );
        assert_eq!(
            message(&inbox),
            (
                Tone::Refused,
                "Refused: ticket 10003 is already assigned to alice".into()
            )
        );
        let text = screen(&inbox, 80, 24);
        assert!(
            text.contains("Refused: ticket 10003 is already assigned"),
            "{text}"
        );
        assert_eq!(
            inbox.shown()[0].assignee,
            None,
            "nothing changed in the view"
        );
    }

    #[test]
    fn assign_opens_the_picker_with_availability_and_load_and_runs_the_choice() {
        let mut inbox = inbox();
        inbox.on_key(Key::Tab); // unassigned, 10003
        assert_eq!(inbox.on_key(Key::Char('a')), Command::LoadAssignees(10003));
        inbox.pick_assignee(
            10003,
            Ok(vec![
                ("bob".into(), "bob    online · support · 1 open".into()),
                ("carol".into(), "carol  away · billing · 4 open".into()),
            ]),
        );
        let text = screen(&inbox, 80, 24);
        assert!(text.contains("Assign ticket 10003 to"), "{text}");
        assert!(text.contains("bob    online · support · 1 open"), "{text}");
        assert!(text.contains("carol  away · billing · 4 open"), "{text}");
        inbox.on_key(Key::Down);
        inbox.on_key(Key::Down);
        let carol = Act::Assign {
            to: "carol".into(),
            force: false,
            expect: None,
        };
        assert_eq!(
            inbox.on_key(Key::Enter),
            Command::Run(10003, carol.clone()),
            "stays on the last"
        );
        // The service refuses (an operator may not assign), and says so.
        inbox.finished(
            10003,
            &carol,
            Err("only managers and owners may assign tickets".into()),
        );
        assert_eq!(
            message(&inbox),
            (
                Tone::Refused,
                "Refused: only managers and owners may assign tickets".into()
            )
        );
        // Cancelled: nothing runs.
        inbox.on_key(Key::Char('a'));
        inbox.pick_assignee(10003, Ok(vec![("bob".into(), "bob".into())]));
        assert_eq!(inbox.on_key(Key::Esc), Command::Nothing);
        assert_eq!(inbox.mode, Mode::Browse);
        assert_eq!(
            message(&inbox),
            (Tone::Info, "Cancelled: nothing changed.".into())
        );
        // The operators cannot be read (an operator's token may not): said.
        inbox.on_key(Key::Char('a'));
        inbox.pick_assignee(10003, Err("only managers and owners assign".into()));
        assert_eq!(inbox.mode, Mode::Browse);
        assert_eq!(
            message(&inbox),
            (
                Tone::Refused,
                "Cannot list operators: only managers and owners assign".into()
            )
        );
        inbox.on_key(Key::Char('a'));
        inbox.pick_assignee(10003, Ok(Vec::new()));
        assert_eq!(
            message(&inbox),
            (Tone::Info, "There are no operators to assign to.".into())
        );
    }

    /// The service's refusal of an assignment to someone not online.
    fn unavailable(handle: &str, availability: &str) -> Refusal {
        Refusal {
            code: Some("operator_unavailable".into()),
            why: format!(
                "{handle} is {availability}: assign anyway by forcing it, or pick someone else"
            ),
            reached: Reached::Refused,
        }
    }

    #[test]
    fn a_take_past_ones_capacity_is_asked_about_and_taken_anyway_with_force() {
        let mut inbox = inbox();
        inbox.on_key(Key::Tab); // unassigned, 10003
        let take = Act::Take { force: false };
        assert_eq!(
            inbox.on_key(Key::Char('t')),
            Command::Run(10003, take.clone())
        );
        let full = Refusal {
            code: Some("operator_at_capacity".into()),
            why: "mia has 1 of 1 open tickets: take it anyway by forcing it".into(),
            reached: Reached::Refused,
        };
        inbox.finished(10003, &take, Err(full.clone()));
        let forced = Act::Take { force: true };
        assert_eq!(
            inbox.mode,
            Mode::Confirm {
                number: 10003,
                act: forced.clone(),
                question: "mia has 1 of 1 open tickets. Take ticket 10003 anyway?".into()
            }
        );
        assert_eq!(
            inbox.on_key(Key::Char('y')),
            Command::Run(10003, forced.clone())
        );
        inbox.finished(10003, &forced, Ok(()));
        assert_eq!(message(&inbox), (Tone::Done, "Took ticket 10003".into()));
        // A forced take refused is not asked again.
        inbox.finished(10003, &forced, Err(full));
        assert_eq!(inbox.mode, Mode::Browse);
    }

    #[test]
    fn an_operator_not_online_is_asked_about_and_assigned_anyway_with_force() {
        let mut inbox = inbox();
        inbox.on_key(Key::Tab); // unassigned, 10003
        inbox.on_key(Key::Char('a'));
        inbox.pick_assignee(10003, Ok(vec![("alice".into(), "alice  offline".into())]));
        let alice = Act::Assign {
            to: "alice".into(),
            force: false,
            expect: None,
        };
        assert_eq!(inbox.on_key(Key::Enter), Command::Run(10003, alice.clone()));
        inbox.finished(10003, &alice, Err(unavailable("alice", "offline")));
        let forced = Act::Assign {
            to: "alice".into(),
            force: true,
            expect: None,
        };
        assert_eq!(
            inbox.mode,
            Mode::Confirm {
                number: 10003,
                act: forced.clone(),
                question: "alice is offline. Assign ticket 10003 to alice anyway?".into()
            }
        );
        let text = screen(&inbox, 80, 24);
        assert!(text.contains("alice is offline. Assign ticket"), "{text}");
        assert!(
            !text.contains("--force"),
            "no CLI flag in the inbox: {text}"
        );
        // y sends the force `tickets assign --force` sends.
        assert_eq!(
            inbox.on_key(Key::Char('y')),
            Command::Run(10003, forced.clone())
        );
        inbox.finished(10003, &forced, Ok(()));
        assert_eq!(
            message(&inbox),
            (Tone::Done, "Assigned ticket 10003 to alice".into())
        );
        // n assigns no one; a forced assignment refused is not asked again.
        inbox.finished(10003, &alice, Err(unavailable("alice", "away")));
        assert_eq!(inbox.on_key(Key::Char('n')), Command::Nothing);
        assert_eq!(
            message(&inbox),
            (Tone::Info, "Cancelled: nothing changed.".into())
        );
        inbox.finished(10003, &forced, Err(unavailable("alice", "away")));
        assert_eq!(inbox.mode, Mode::Browse);
        // On a protected context the question names it.
        inbox.protected = Some("prod".into());
        inbox.finished(10003, &alice, Err(unavailable("alice", "away")));
        assert!(
            matches!(&inbox.mode, Mode::Confirm { question, .. }
                if question == "alice is away. Assign ticket 10003 to alice anyway? (protected context 'prod')"),
            "{:?}",
            inbox.mode
        );
    }

    #[test]
    fn an_operator_with_no_room_or_outside_the_team_is_asked_about_too() {
        let mut inbox = inbox();
        let jose = Act::Assign {
            to: "jose".into(),
            force: false,
            expect: None,
        };
        for (code, reason) in [
            ("operator_at_capacity", "jose has 5 of 5 open tickets"),
            (
                "operator_not_in_team",
                "jose is not in team billing (the ticket's team)",
            ),
        ] {
            let refusal = Refusal {
                code: Some(code.into()),
                why: format!("{reason}: assign anyway with --force, or pick someone else"),
                reached: Reached::Refused,
            };
            inbox.finished(10003, &jose, Err(refusal));
            assert_eq!(
                inbox.mode,
                Mode::Confirm {
                    number: 10003,
                    act: Act::Assign {
                        to: "jose".into(),
                        force: true,
                        expect: None,
                    },
                    question: format!("{reason}. Assign ticket 10003 to jose anyway?")
                }
            );
        }
        // Any other refusal is said, and asks nothing.
        let resolved = Refusal {
            code: Some("ticket_resolved".into()),
            why: "ticket 10003 is resolved: reopen it before you assign it".into(),
            reached: Reached::Refused,
        };
        inbox.finished(10003, &jose, Err(resolved));
        assert_eq!(inbox.mode, Mode::Browse);
    }

    #[test]
    fn an_assignment_carries_the_assignee_the_picker_showed_and_a_change_meanwhile_is_said() {
        let mut inbox = inbox(); // mine: 10001, bob's
        inbox.on_key(Key::Char('a'));
        inbox.pick_assignee(
            10001,
            Ok(vec![
                ("alice".into(), "alice".into()),
                ("bob".into(), "bob".into()),
            ]),
        );
        inbox.on_key(Key::Up);
        let alice = Act::Assign {
            to: "alice".into(),
            force: false,
            expect: Some("bob".into()),
        };
        assert_eq!(inbox.on_key(Key::Enter), Command::Run(10001, alice.clone()));
        // Someone assigned it meanwhile: said, not asked about, not forced.
        let meanwhile = Refusal {
            code: Some("assignee_changed".into()),
            why: "ticket 10001 was assigned to priya meanwhile".into(),
            reached: Reached::Refused,
        };
        inbox.finished(10001, &alice, Err(meanwhile));
        assert_eq!(inbox.mode, Mode::Browse);
        assert_eq!(
            message(&inbox),
            (
                Tone::Refused,
                "Refused: ticket 10001 was assigned to priya meanwhile".into()
            )
        );
        // Asked again to assign anyway, it still carries what was seen.
        let no_room = Refusal {
            code: Some("operator_at_capacity".into()),
            why: "alice has 5 of 5 open tickets: assign anyway with --force".into(),
            reached: Reached::Refused,
        };
        inbox.finished(10001, &alice, Err(no_room));
        assert!(
            matches!(&inbox.mode, Mode::Confirm { act: Act::Assign { force: true, expect, .. }, .. }
                if expect.as_deref() == Some("bob")),
            "{:?}",
            inbox.mode
        );
    }

    #[test]
    fn the_assign_picker_starts_on_the_current_assignee() {
        let mut inbox = inbox(); // mine: 10001, bob's
        inbox.on_key(Key::Char('a'));
        inbox.pick_assignee(
            10001,
            Ok(vec![
                ("alice".into(), "alice".into()),
                ("bob".into(), "bob".into()),
            ]),
        );
        assert!(
            matches!(inbox.mode, Mode::Picker { at: 1, .. }),
            "{:?}",
            inbox.mode
        );
    }

    #[test]
    fn a_reply_is_typed_confirmed_with_where_it_goes_and_sent() {
        let mut inbox = inbox();
        assert_eq!(inbox.on_key(Key::Char('r')), Command::Nothing);
        // Keys that mean something in the list are text here.
        type_text(&mut inbox, "On its way, quickly");
        inbox.on_key(Key::Backspace);
        inbox.on_key(Key::Backspace);
        inbox.on_key(Key::Backspace);
        inbox.on_key(Key::Backspace);
        inbox.on_key(Key::Backspace);
        inbox.on_key(Key::Backspace);
        inbox.on_key(Key::Backspace);
        inbox.on_key(Key::Backspace);
        let text = screen(&inbox, 80, 24);
        assert!(
            text.contains("Reply to the customer of ticket 10001"),
            "{text}"
        );
        assert!(text.contains("On its way,▏"), "{text}");
        type_text(&mut inbox, " Dana");
        assert_eq!(inbox.on_key(Key::Enter), Command::Nothing, "asked first");
        let text = screen(&inbox, 80, 24);
        assert!(
            text.contains("Send this reply by email to dana@example.com on ticket"),
            "{text}"
        );
        assert_eq!(inbox.on_key(Key::Enter), Command::Nothing, "only y sends");
        assert_eq!(
            inbox.on_key(Key::Char('y')),
            Command::Run(10001, Act::Reply("On its way, Dana".into()))
        );
        inbox.finished(10001, &Act::Reply("On its way, Dana".into()), Ok(()));
        assert_eq!(
            message(&inbox),
            (Tone::Done, "Replied on ticket 10001".into())
        );
    }

    #[test]
    fn a_paste_goes_into_the_text_box_whole_and_never_answers_or_acts() {
        let mut inbox = inbox();
        inbox.on_key(Key::Char('r'));
        type_text(&mut inbox, "Hi Dana,");
        let pasted = "\r\ryes, it ships today.\r\nt x \x1b[1mq\tend\r";
        assert_eq!(inbox.on_paste(pasted), Command::Nothing);
        let whole = "Hi Dana,\n\nyes, it ships today.\nt x [1mq\tend\n";
        assert_eq!(
            inbox.mode,
            Mode::Input {
                typing: Typing::Reply(10001),
                text: whole.into()
            },
            "nothing sent, every line in the box"
        );
        let text = screen(&inbox, 80, 24);
        assert!(text.contains("│Hi Dana,"), "{text}");
        assert!(text.contains("│yes, it ships today."), "{text}");
        assert!(text.contains("│t x [1mq end"), "{text}");
        inbox.on_key(Key::Enter);
        assert!(
            matches!(inbox.mode, Mode::Confirm { .. }),
            "{:?}",
            inbox.mode
        );
        // A paste at the question is no answer.
        assert_eq!(inbox.on_paste("y"), Command::Nothing);
        assert_eq!(
            inbox.on_key(Key::Char('y')),
            Command::Run(10001, Act::Reply(whole.trim().into()))
        );
        // The search is one line; in the list a paste does nothing.
        inbox.mode = Mode::Browse;
        inbox.on_key(Key::Char('/'));
        inbox.on_paste("late\r\nparcel");
        assert_eq!(inbox.on_key(Key::Enter), Command::Reload);
        assert_eq!(inbox.filter.search.as_deref(), Some("late parcel"));
        assert_eq!(inbox.on_paste("t"), Command::Nothing);
        assert_eq!(inbox.mode, Mode::Browse);
        assert_eq!(
            message(&inbox),
            (
                Tone::Info,
                "A paste goes into a reply, a note or the search: nothing was done.".into()
            )
        );
    }

    #[test]
    fn text_wraps_at_spaces_keeps_its_line_breaks_and_cuts_long_words() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("one\n\ntwo  ", 20), ["one", "", "two"]);
        assert_eq!(wrap("abcdefghij k", 4), ["abcd", "efgh", "ij k"]);
        assert_eq!(wrap("中文全角", 5), ["中文", "全角"], "by display width");
        assert_eq!(wrap("", 5), [""]);
        let (rows, above) = text_box_rows("a\nb\nc\nd", 10, 2);
        assert_eq!((rows, above), (vec!["c".into(), "d▏".into()], 2));
        let (rows, above) = text_box_rows("a", 10, 2);
        assert_eq!((rows, above), (vec!["a▏".to_string()], 0));
    }

    #[test]
    fn the_text_box_grows_then_scrolls_to_the_cursor_with_its_keys_in_sight() {
        let mut inbox = inbox();
        inbox.on_key(Key::Char('r'));
        let lines: Vec<String> = (1..=14).map(|n| format!("line {n} of the reply")).collect();
        for (at, line) in lines.iter().enumerate() {
            if at > 0 {
                inbox.on_paste("\n");
            }
            inbox.on_paste(line);
            let text = screen(&inbox, 80, 24);
            assert!(text.contains(&format!("{line}▏")), "{text}");
            assert!(text.contains("Enter send · Esc cancel"), "{text}");
            if at < 3 {
                assert!(text.contains("│line 1 of the reply"), "{text}");
            }
        }
        let text = screen(&inbox, 80, 24);
        assert!(!text.contains("│line 1 of the reply"), "{text}");
        assert!(text.contains("↑ 4 more above · Enter send"), "{text}");
        for line in &lines[4..] {
            assert!(text.contains(line.as_str()), "{line}: {text}");
        }
        // One long line wraps, its end and the keys in view.
        inbox.mode = Mode::Browse;
        inbox.on_key(Key::Char('n'));
        type_text(&mut inbox, &"a long note ".repeat(80));
        type_text(&mut inbox, "the end");
        let text = screen(&inbox, 80, 24);
        assert!(text.contains("the end▏"), "{text}");
        assert!(
            text.contains("more above · Enter send · Esc cancel"),
            "{text}"
        );
        assert!(text.lines().all(|l| l.width() <= 80), "{text}");
        // The question over a long reply keeps its keys too.
        inbox.protected = Some("a-protected-context-with-a-long-name-for-testing".into());
        inbox.mode = Mode::Browse;
        inbox.on_key(Key::Char('o'));
        let text = screen(&inbox, 80, 24);
        assert!(text.contains("y yes · n or Esc no"), "{text}");
        assert!(text.contains("for-testing')"), "{text}");
    }

    #[test]
    fn a_reply_cancelled_at_the_text_or_the_question_sends_nothing() {
        let mut inbox = inbox();
        inbox.on_key(Key::Char('r'));
        type_text(&mut inbox, "Hello");
        assert_eq!(inbox.on_key(Key::Esc), Command::Nothing);
        assert_eq!(inbox.mode, Mode::Browse);
        assert_eq!(
            message(&inbox),
            (Tone::Info, "Cancelled: nothing was sent.".into())
        );
        inbox.on_key(Key::Char('r'));
        type_text(&mut inbox, "Hello");
        inbox.on_key(Key::Enter);
        assert_eq!(inbox.on_key(Key::Char('n')), Command::Nothing);
        assert_eq!(message(&inbox), (Tone::Info, "Not sent.".into()));
        inbox.on_key(Key::Char('r'));
        type_text(&mut inbox, "Hello");
        inbox.on_key(Key::Enter);
        assert_eq!(inbox.on_key(Key::Esc), Command::Nothing);
        assert_eq!(inbox.mode, Mode::Browse);
        // An empty reply is not sent, nor asked about.
        inbox.on_key(Key::Char('r'));
        type_text(&mut inbox, "   ");
        assert_eq!(inbox.on_key(Key::Enter), Command::Nothing);
        assert_eq!(inbox.mode, Mode::Browse);
        assert_eq!(
            message(&inbox),
            (Tone::Info, "Empty: nothing was sent.".into())
        );
        // Ctrl-C quits from a text box too.
        inbox.on_key(Key::Char('r'));
        assert_eq!(inbox.on_key(Key::Interrupt), Command::Quit);
    }

    #[test]
    fn a_reply_with_no_way_to_the_customer_goes_to_the_service_which_says_why() {
        let mut inbox = inbox();
        let mut ticket = ticket(10001, Some("bob"), "open");
        ticket.requester.email = None;
        ticket.ai_paused = true;
        inbox.tickets[0] = vec![ticket];
        inbox.on_key(Key::Char('r'));
        type_text(&mut inbox, "Hi");
        // While it is typed the chat goes back to the AI (as an event
        // would say): no way to the customer is left.
        inbox.tickets[0][0].ai_paused = false;
        assert_eq!(
            inbox.on_key(Key::Enter),
            Command::Run(10001, Act::Reply("Hi".into())),
            "nothing to confirm: the service refuses"
        );
        inbox.finished(
            10001,
            &Act::Reply("Hi".into()),
            Err("no email address is on file and the AI still answers on web".into()),
        );
        assert_eq!(message(&inbox).0, Tone::Refused);
    }

    #[test]
    fn a_reply_the_caller_may_not_send_is_said_before_typing_and_a_refused_one_is_kept() {
        let mut inbox = inbox();
        inbox.actor = Some(Actor::Operator {
            handle: "bob".into(),
            role: crate::api::Role::Operator,
            teams: Vec::new(),
        });
        // 10003 is unassigned: bob, an operator, may not reply to it.
        inbox.on_key(Key::Tab);
        assert_eq!(inbox.selected_ticket().unwrap().number, 10003);
        assert_eq!(inbox.on_key(Key::Char('r')), Command::Nothing);
        assert_eq!(inbox.mode, Mode::Browse, "no text box");
        assert_eq!(
            message(&inbox),
            (
                Tone::Refused,
                "Cannot reply: only the ticket's assignee, a manager or an owner may reply \
                 on ticket 10003."
                    .into()
            )
        );
        // His own ticket: typed, asked, sent; and refused all the same (taken
        // from him meanwhile), the box opens again with the text and why.
        inbox.on_key(Key::BackTab);
        assert_eq!(inbox.on_key(Key::Char('r')), Command::Nothing);
        type_text(&mut inbox, "On its way");
        inbox.on_key(Key::Enter);
        let reply = Act::Reply("On its way".into());
        assert_eq!(
            inbox.on_key(Key::Char('y')),
            Command::Run(10001, reply.clone())
        );
        let why = "only the ticket's assignee, a manager or an owner may reply on ticket 10001";
        inbox.finished(10001, &reply, Err(why.into()));
        assert_eq!(message(&inbox), (Tone::Refused, format!("Refused: {why}")));
        assert_eq!(
            inbox.mode,
            Mode::Input {
                typing: Typing::Reply(10001),
                text: "On its way".into()
            }
        );
        let text = screen(&inbox, 80, 24);
        assert!(
            text.contains("On its way") && text.contains("Refused: only"),
            "{text}"
        );
        // A manager may reply to any ticket.
        inbox.mode = Mode::Browse;
        inbox.actor = Some(Actor::Operator {
            handle: "bob".into(),
            role: crate::api::Role::Manager,
            teams: Vec::new(),
        });
        inbox.on_key(Key::Tab);
        inbox.on_key(Key::Char('r'));
        assert!(matches!(
            inbox.mode,
            Mode::Input {
                typing: Typing::Reply(10003),
                ..
            }
        ));
    }

    #[test]
    fn a_note_is_sent_without_a_question_and_an_empty_one_not_at_all() {
        let mut inbox = inbox();
        inbox.on_key(Key::Char('n'));
        type_text(&mut inbox, "Refund approved");
        let text = screen(&inbox, 80, 24);
        assert!(text.contains("Internal note on ticket 10001"), "{text}");
        assert_eq!(
            inbox.on_key(Key::Enter),
            Command::Run(10001, Act::Note("Refund approved".into()))
        );
        inbox.finished(10001, &Act::Note("Refund approved".into()), Ok(()));
        assert_eq!(
            message(&inbox),
            (Tone::Done, "Added a note to ticket 10001".into())
        );
        inbox.on_key(Key::Char('n'));
        assert_eq!(inbox.on_key(Key::Enter), Command::Nothing);
        assert_eq!(inbox.on_key(Key::Char('n')), Command::Nothing);
        assert_eq!(inbox.on_key(Key::Esc), Command::Nothing);
        assert_eq!(inbox.mode, Mode::Browse);
    }

    #[test]
    fn backspace_takes_away_what_is_drawn_as_one_character() {
        let mut inbox = inbox();
        inbox.on_key(Key::Char('n'));
        // A flag, a family joined with ZWJ, a letter with a combining accent.
        type_text(&mut inbox, "Paid 🇩🇪👨\u{200d}👩\u{200d}👧e\u{301}");
        let typed = |inbox: &Inbox| match &inbox.mode {
            Mode::Input { text, .. } => text.clone(),
            mode => panic!("{mode:?}"),
        };
        inbox.on_key(Key::Backspace);
        assert_eq!(typed(&inbox), "Paid 🇩🇪👨\u{200d}👩\u{200d}👧");
        inbox.on_key(Key::Backspace);
        assert_eq!(typed(&inbox), "Paid 🇩🇪");
        inbox.on_key(Key::Backspace);
        assert_eq!(typed(&inbox), "Paid ");
        for _ in 0..6 {
            inbox.on_key(Key::Backspace);
        }
        assert_eq!(typed(&inbox), "");
    }

    #[test]
    fn takeover_is_always_asked_and_a_refusal_says_why() {
        let mut inbox = inbox();
        assert_eq!(inbox.on_key(Key::Char('o')), Command::Nothing);
        let text = screen(&inbox, 80, 24);
        assert!(
            text.contains("Take over ticket 10001 from the AI? It stops answering Dana"),
            "{text}"
        );
        assert_eq!(
            inbox.on_key(Key::Char('x')),
            Command::Nothing,
            "only y or n"
        );
        assert_eq!(inbox.on_key(Key::Char('n')), Command::Nothing);
        assert_eq!(
            message(&inbox),
            (Tone::Info, "Cancelled: nothing changed.".into())
        );
        inbox.on_key(Key::Char('o'));
        assert_eq!(
            inbox.on_key(Key::Char('y')),
            Command::Run(10001, Act::Takeover)
        );
        inbox.finished(
            10001,
            &Act::Takeover,
            Err("ticket 10001 is already taken over".into()),
        );
        assert_eq!(
            message(&inbox),
            (
                Tone::Refused,
                "Refused: ticket 10001 is already taken over".into()
            )
        );
    }

    #[test]
    fn a_reply_nothing_can_carry_is_refused_before_typing_naming_the_key() {
        let mut inbox = inbox();
        // On the web chat, the AI answering, no email address on file.
        inbox.tickets[0][0].requester.email = None;
        assert_eq!(inbox.on_key(Key::Char('r')), Command::Nothing);
        assert_eq!(inbox.mode, Mode::Browse, "no text box to type into");
        let (tone, said) = message(&inbox);
        assert_eq!(tone, Tone::Refused);
        assert_eq!(
            said,
            "Cannot reply to ticket 10001: no email address is on file and the AI still \
             answers on web: take the chat over first (key o) to reply live."
        );
        assert!(!said.contains("deskctl"), "{said}");
        // Said whole, wrapped at spaces: no word cut at the edge.
        let text = screen(&inbox, 80, 24);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[21..23].join(" "), said, "{text}");
        assert!(
            lines[23].contains("· live"),
            "the status line stays: {text}"
        );
        // Taken over, the reply goes to the live chat: the box opens.
        inbox.tickets[0][0].ai_paused = true;
        inbox.on_key(Key::Char('r'));
        assert!(matches!(inbox.mode, Mode::Input { .. }), "{:?}", inbox.mode);
    }

    #[test]
    fn the_keys_row_fits_the_width_with_whole_keys() {
        let inbox = inbox();
        for width in [200u16, 120, 80, 50] {
            let text = screen(&inbox, width, 24);
            let keys = text.lines().nth(22).unwrap();
            assert!(keys.starts_with("? help · q quit"), "{text}");
            assert!(keys.width() <= width as usize, "{keys}");
            assert!(
                KEY_HELP.iter().any(|key| keys.ends_with(key)),
                "whole keys only: {keys:?}"
            );
        }
        assert!(key_help(200).ends_with("/ search · u reopen"));
        assert!(key_help(120).ends_with("f filter · / search"));
        // A message longer than three rows is cut on the third, with `…`.
        let mut inbox = inbox;
        inbox.message = Some((Tone::Refused, "word ".repeat(100)));
        let rows = inbox.message_rows(40);
        assert_eq!(rows.len(), MESSAGE_ROWS);
        assert!(rows[2].ends_with('…') && rows[2].width() <= 40, "{rows:?}");
    }

    #[test]
    fn takeover_is_not_asked_when_no_ai_answers_the_ticket() {
        let mut inbox = inbox();
        // A support-inbox email: no agent handed it over.
        inbox.tickets[0][0].agent = None;
        assert_eq!(inbox.on_key(Key::Char('o')), Command::Nothing);
        assert_eq!(inbox.mode, Mode::Browse, "no question");
        assert_eq!(
            message(&inbox),
            (
                Tone::Info,
                "No AI answers ticket 10001: it came from the support inbox, so there is \
                 nothing to take over (r replies by email)."
                    .into()
            )
        );
        assert_eq!(
            inbox.on_key(Key::Char('y')),
            Command::Nothing,
            "nothing runs"
        );
        // Taken over already: the AI has stopped.
        inbox.tickets[0][0].agent = Some("shop".into());
        inbox.tickets[0][0].ai_paused = true;
        assert_eq!(inbox.on_key(Key::Char('o')), Command::Nothing);
        assert_eq!(inbox.mode, Mode::Browse);
        assert_eq!(
            message(&inbox),
            (
                Tone::Info,
                "Ticket 10001 is already taken over: nothing to do.".into()
            )
        );
    }

    #[test]
    fn resolve_and_reopen_run_and_say_when_there_is_nothing_to_do() {
        let mut inbox = inbox();
        assert_eq!(
            inbox.on_key(Key::Char('x')),
            Command::Run(10001, Act::Resolve)
        );
        inbox.finished(10001, &Act::Resolve, Ok(()));
        assert_eq!(
            message(&inbox),
            (Tone::Done, "Resolved ticket 10001".into())
        );
        assert_eq!(inbox.on_key(Key::Char('u')), Command::Nothing);
        assert_eq!(
            message(&inbox),
            (
                Tone::Info,
                "Ticket 10001 is open, not resolved: nothing to do.".into()
            )
        );
        inbox.on_key(Key::BackTab); // resolved: 10000
        assert_eq!(inbox.on_key(Key::Char('x')), Command::Nothing);
        assert_eq!(
            message(&inbox),
            (
                Tone::Info,
                "Ticket 10000 is already resolved: nothing to do.".into()
            )
        );
        assert_eq!(
            inbox.on_key(Key::Char('u')),
            Command::Run(10000, Act::Reopen)
        );
        inbox.finished(
            10000,
            &Act::Reopen,
            Err("only managers and owners may reopen".into()),
        );
        assert_eq!(message(&inbox).0, Tone::Refused);
    }

    #[test]
    fn on_a_protected_context_every_change_is_asked_first() {
        let mut inbox = inbox();
        inbox.protected = Some("prod".into());
        assert_eq!(inbox.on_key(Key::Char('t')), Command::Nothing);
        assert_eq!(
            inbox.mode,
            Mode::Confirm {
                number: 10001,
                act: Act::Take { force: false },
                question: "Take ticket 10001? (protected context 'prod')".into()
            }
        );
        assert_eq!(inbox.on_key(Key::Esc), Command::Nothing);
        inbox.on_key(Key::Char('n'));
        type_text(&mut inbox, "internal");
        assert_eq!(inbox.on_key(Key::Enter), Command::Nothing);
        assert_eq!(
            inbox.on_key(Key::Char('Y')),
            Command::Run(10001, Act::Note("internal".into()))
        );
        inbox.finished(10001, &Act::Note("internal".into()), Ok(()));
        inbox.on_key(Key::Char('r'));
        type_text(&mut inbox, "Hi");
        inbox.on_key(Key::Enter);
        assert!(
            matches!(&inbox.mode, Mode::Confirm { question, .. }
                if question.ends_with("on ticket 10001? (protected context 'prod')")),
            "{:?}",
            inbox.mode
        );
    }

    #[test]
    fn priority_is_picked_from_the_current_one_and_cancel_changes_nothing() {
        let mut inbox = inbox();
        assert_eq!(inbox.on_key(Key::Char('p')), Command::Nothing);
        assert!(
            matches!(inbox.mode, Mode::Picker { at: 1, .. }),
            "medium is chosen"
        );
        let text = screen(&inbox, 80, 24);
        assert!(text.contains("Priority of ticket 10001"), "{text}");
        assert!(text.contains("urgent"), "{text}");
        inbox.on_key(Key::Char('j'));
        inbox.on_key(Key::Char('j'));
        inbox.on_key(Key::Char('j'));
        assert_eq!(
            inbox.on_key(Key::Enter),
            Command::Run(10001, Act::Priority(Priority::Urgent))
        );
        inbox.finished(10001, &Act::Priority(Priority::Urgent), Ok(()));
        assert_eq!(
            message(&inbox),
            (Tone::Done, "Set priority urgent on ticket 10001".into())
        );
        inbox.on_key(Key::Char('p'));
        inbox.on_key(Key::Char('k'));
        assert_eq!(
            inbox.on_key(Key::Char('q')),
            Command::Nothing,
            "q cancels a picker"
        );
        assert_eq!(inbox.mode, Mode::Browse);
    }

    #[test]
    fn filter_by_each_field_reloads_with_the_query_and_clears() {
        let mut inbox = inbox();
        inbox.handles = vec!["alice".into()];
        let open_filter = |inbox: &mut Inbox, down: usize| {
            assert_eq!(inbox.on_key(Key::Char('f')), Command::Nothing);
            for _ in 0..down {
                inbox.on_key(Key::Down);
            }
            assert_eq!(inbox.on_key(Key::Enter), Command::Nothing);
        };
        // status → pending
        open_filter(&mut inbox, 0);
        let text = screen(&inbox, 80, 24);
        assert!(text.contains("Filter by status"), "{text}");
        inbox.on_key(Key::Down);
        inbox.on_key(Key::Down);
        assert_eq!(inbox.on_key(Key::Enter), Command::Reload);
        assert_eq!(inbox.filter.status, Some(TicketStatus::Pending));
        // priority → high
        open_filter(&mut inbox, 1);
        for _ in 0..3 {
            inbox.on_key(Key::Down);
        }
        assert_eq!(inbox.on_key(Key::Enter), Command::Reload);
        // channel → email (web, helpcenter… whatever order: find it)
        open_filter(&mut inbox, 2);
        let at = Channel::NAMES.iter().position(|c| *c == "email").unwrap() + 1;
        for _ in 0..at {
            inbox.on_key(Key::Down);
        }
        assert_eq!(inbox.on_key(Key::Enter), Command::Reload);
        // assignee: the operators known and those on tickets
        open_filter(&mut inbox, 3);
        assert!(
            matches!(&inbox.mode, Mode::Picker { items, .. }
                if items.iter().map(|(v, _)| v.as_str()).collect::<Vec<_>>() == ["", "alice", "bob"]),
            "{:?}",
            inbox.mode
        );
        inbox.on_key(Key::Down);
        inbox.on_key(Key::Down);
        assert_eq!(inbox.on_key(Key::Enter), Command::Reload);
        // team: the desk's teams and those on tickets
        inbox.teams = vec!["billing".into()];
        open_filter(&mut inbox, 4);
        assert!(
            matches!(&inbox.mode, Mode::Picker { items, .. }
                if items.iter().map(|(v, _)| v.as_str()).collect::<Vec<_>>() == ["", "billing", "support"]),
            "{:?}",
            inbox.mode
        );
        inbox.on_key(Key::Down);
        assert_eq!(inbox.on_key(Key::Enter), Command::Reload);
        let query = inbox.query(TicketView::All);
        assert_eq!(query.team.as_deref(), Some("billing"));
        assert_eq!(query.view, Some(TicketView::All));
        assert_eq!(query.status, Some(TicketStatus::Pending));
        assert_eq!(query.priority, Some(Priority::High));
        assert_eq!(query.channel, Some(Channel::Email));
        assert_eq!(query.assignee.as_deref(), Some("bob"));
        let text = screen(&inbox, 200, 50);
        assert!(
            text.lines()
                .last()
                .unwrap()
                .contains("status=pending priority=high channel=email assignee=bob team=billing"),
            "{text}"
        );
        // `any` lifts one field.
        open_filter(&mut inbox, 1);
        assert_eq!(inbox.on_key(Key::Enter), Command::Reload);
        assert_eq!(inbox.filter.priority, None);
        // Cancelled at either step: nothing changes.
        inbox.on_key(Key::Char('f'));
        assert_eq!(inbox.on_key(Key::Esc), Command::Nothing);
        open_filter(&mut inbox, 0);
        assert_eq!(inbox.on_key(Key::Esc), Command::Nothing);
        assert_eq!(inbox.filter.status, Some(TicketStatus::Pending));
        // Clear, from the picker and with F.
        inbox.on_key(Key::Char('f'));
        for _ in 0..6 {
            inbox.on_key(Key::Down);
        }
        assert_eq!(inbox.on_key(Key::Enter), Command::Reload);
        assert_eq!(inbox.filter, Filter::default(), "cleared at once");
        assert_eq!(inbox.mode, Mode::Browse);
        assert_eq!(inbox.on_key(Key::Char('F')), Command::Nothing);
        assert_eq!(
            message(&inbox),
            (Tone::Info, "No filter or search to clear.".into())
        );
        inbox.filter.priority = Some(Priority::Low);
        assert_eq!(inbox.on_key(Key::Char('F')), Command::Reload);
        assert_eq!(inbox.filter, Filter::default());
    }

    #[test]
    fn a_ticket_field_filter_is_typed_as_key_value_checked_and_kept_for_new_events() {
        let mut inbox = inbox();
        open_field_filter(&mut inbox);
        let text = screen(&inbox, 80, 24);
        assert!(text.contains("Filter by a ticket field"), "{text}");
        // Not KEY=VALUE: said, nothing reloads, the box stays open as typed.
        type_text(&mut inbox, "enterprise");
        assert_eq!(inbox.on_key(Key::Enter), Command::Nothing);
        let (tone, why) = message(&inbox);
        assert_eq!(tone, Tone::Refused);
        assert!(why.contains("'enterprise' is not KEY=VALUE"), "{why}");
        assert_eq!(
            inbox.mode,
            Mode::Input {
                typing: Typing::TicketField,
                text: "enterprise".into()
            }
        );
        assert_eq!(inbox.filter.fields, []);
        // A key longer than any field's: refused in the API's words.
        inbox.mode = Mode::Input {
            typing: Typing::TicketField,
            text: String::new(),
        };
        type_text(&mut inbox, &format!("{}=1", "k".repeat(300)));
        assert_eq!(inbox.on_key(Key::Enter), Command::Nothing);
        assert_eq!(message(&inbox).0, Tone::Refused);
        inbox.mode = Mode::Browse;
        // Put right: the views are read with it, and the status line says so.
        // A key the desk has no field for is applied (a removed field's values
        // stay on tickets), with the nearest key said.
        inbox.fields = Some(desk_fields(&["plan", "seats"]));
        open_field_filter(&mut inbox);
        type_text(&mut inbox, "plam=enterprise");
        assert_eq!(inbox.on_key(Key::Enter), Command::Reload);
        assert_eq!(
            message(&inbox),
            (
                Tone::Info,
                "Filter: field:plam=enterprise · the desk has no ticket field 'plam': \
                 did you mean 'plan'?"
                    .into()
            )
        );
        // The misspelt condition removed from the picker, and put right.
        remove_from_filter(&mut inbox, "remove field:plam=enterprise");
        assert_eq!(message(&inbox), (Tone::Info, "No filter.".into()));
        open_field_filter(&mut inbox);
        type_text(&mut inbox, "plan=enterprise");
        assert_eq!(inbox.on_key(Key::Enter), Command::Reload);
        assert_eq!(
            message(&inbox),
            (Tone::Info, "Filter: field:plan=enterprise".into())
        );
        let query = inbox.query(TicketView::Unassigned);
        let conditions: Vec<String> = query.field.iter().map(ToString::to_string).collect();
        assert_eq!(conditions, ["plan=enterprise"]);
        assert!(
            screen(&inbox, 120, 24).contains("field:plan=enterprise"),
            "{}",
            screen(&inbox, 120, 24)
        );
        // A new ticket is shown only if its field holds the value.
        inbox.on_key(Key::Tab); // unassigned
        load_whole(&mut inbox, TicketView::Unassigned, vec![]);
        let mut gold = ticket(10008, None, "open");
        gold.fields
            .insert("plan".into(), serde_json::json!("enterprise"));
        inbox.apply(&event(
            1,
            EventKind::TicketCreated,
            ticket(10007, None, "open"),
        ));
        inbox.apply(&event(2, EventKind::TicketCreated, gold));
        let shown: Vec<u64> = inbox.shown().iter().map(|t| t.number).collect();
        assert_eq!(shown, [10008]);
        // The box starts empty, to add a condition; Esc or nothing typed
        // leaves the filter as it was.
        open_field_filter(&mut inbox);
        assert_eq!(
            inbox.mode,
            Mode::Input {
                typing: Typing::TicketField,
                text: String::new()
            }
        );
        assert_eq!(inbox.on_key(Key::Esc), Command::Nothing);
        open_field_filter(&mut inbox);
        assert_eq!(inbox.on_key(Key::Enter), Command::Nothing);
        assert_eq!(
            message(&inbox),
            (Tone::Info, "No condition added: filter unchanged.".into())
        );
        let conditions: Vec<String> = inbox
            .filter
            .fields
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(conditions, ["plan=enterprise"]);
    }

    /// The desk's ticket fields of these keys: `plan` a dropdown of pro and
    /// enterprise, `seats` a number, any other a text.
    fn desk_fields(keys: &[&str]) -> Vec<TicketField> {
        let field = |key: &str| {
            let (kind, options) = match key {
                "plan" => ("dropdown", vec!["pro", "enterprise"]),
                "seats" => ("number", vec![]),
                _ => ("text", vec![]),
            };
            serde_json::from_value(serde_json::json!({
                "key": key, "name": key, "type": kind, "options": options,
                "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z",
            }))
            .unwrap()
        };
        keys.iter().map(|key| field(key)).collect()
    }

    #[test]
    fn a_field_value_the_desk_refuses_is_not_added_and_what_is_listed_matches_the_filter() {
        let mut inbox = inbox();
        inbox.fields = Some(desk_fields(&["plan", "seats"]));
        // A value its number field cannot hold: said, the box stays open as
        // typed, and the filter (and the lists) stay as they were.
        open_field_filter(&mut inbox);
        type_text(&mut inbox, "seats=abc");
        assert_eq!(inbox.on_key(Key::Enter), Command::Nothing);
        let (tone, why) = message(&inbox);
        assert_eq!(tone, Tone::Refused);
        assert!(why.starts_with("seats is a number field"), "{why}");
        assert_eq!(
            inbox.mode,
            Mode::Input {
                typing: Typing::TicketField,
                text: "seats=abc".into()
            }
        );
        assert_eq!(inbox.filter, Filter::default());
        assert!(!screen(&inbox, 120, 24).contains("field:seats"));
        // A dropdown value none of its options: applied (tickets keep an
        // option removed since), with the reason `tickets list` gives.
        inbox.mode = Mode::Browse;
        open_field_filter(&mut inbox);
        type_text(&mut inbox, "plan=platinum");
        assert_eq!(inbox.on_key(Key::Enter), Command::Reload);
        let expected = crate::domain::field_conditions::not_an_option(
            inbox.fields.as_deref().unwrap(),
            &inbox.filter.fields,
        )
        .unwrap();
        assert!(
            expected.starts_with("plan is a dropdown field"),
            "{expected}"
        );
        assert_eq!(
            message(&inbox),
            (
                Tone::Info,
                format!("Filter: field:plan=platinum · {expected}")
            )
        );
        // Where the fields could not be read the service judges: its refusal
        // leaves the filter the lists were read with, and says so.
        inbox.fields = None;
        for view in VIEWS {
            let tickets = inbox.tickets[view_index(view)].clone();
            load_whole(&mut inbox, view, tickets);
        }
        open_field_filter(&mut inbox);
        type_text(&mut inbox, "seats=abc");
        assert_eq!(inbox.on_key(Key::Enter), Command::Reload);
        inbox.reload_failed("field: seats is a number field: not a number".into());
        assert_eq!(
            message(&inbox),
            (
                Tone::Refused,
                "Cannot read the tickets: field: seats is a number field: not a number · \
                 the filter stays field:plan=platinum"
                    .into()
            )
        );
        let conditions: Vec<String> = inbox
            .query(TicketView::All)
            .field
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(conditions, ["plan=platinum"]);
        let text = screen(&inbox, 120, 24);
        assert!(
            text.contains("field:plan=platinum") && !text.contains("seats=abc"),
            "{text}"
        );
    }

    /// Opens the ticket field box: the filter picker's sixth item.
    fn open_field_filter(inbox: &mut Inbox) {
        inbox.on_key(Key::Char('f'));
        for _ in 0..5 {
            inbox.on_key(Key::Down);
        }
        assert_eq!(inbox.on_key(Key::Enter), Command::Nothing);
    }

    /// Opens the filter picker and chooses the item labelled `label`.
    fn remove_from_filter(inbox: &mut Inbox, label: &str) {
        inbox.on_key(Key::Char('f'));
        let Mode::Picker { items, .. } = &inbox.mode else {
            panic!("no picker: {:?}", inbox.mode)
        };
        let at = items
            .iter()
            .position(|(_, shown)| shown == label)
            .unwrap_or_else(|| panic!("no {label:?} in {items:?}"));
        for _ in 0..at {
            inbox.on_key(Key::Down);
        }
        assert_eq!(inbox.on_key(Key::Enter), Command::Reload);
    }

    #[test]
    fn ticket_field_conditions_add_up_one_per_key_and_each_can_be_removed() {
        let mut inbox = inbox();
        inbox.fields = Some(desk_fields(&["plan", "region", "seats"]));
        let add = |inbox: &mut Inbox, typed: &str| {
            open_field_filter(inbox);
            type_text(inbox, typed);
            inbox.on_key(Key::Enter)
        };
        let conditions = |inbox: &Inbox| -> Vec<String> {
            let query = inbox.query(TicketView::Unassigned);
            query.field.iter().map(ToString::to_string).collect()
        };
        assert_eq!(add(&mut inbox, "plan=enterprise"), Command::Reload);
        // A value may hold spaces, commas and `=`: the box takes one condition.
        assert_eq!(add(&mut inbox, "region=eu, west = 2"), Command::Reload);
        assert_eq!(
            conditions(&inbox),
            ["plan=enterprise", "region=eu, west = 2"]
        );
        assert_eq!(
            message(&inbox),
            (
                Tone::Info,
                "Filter: field:plan=enterprise field:region=eu, west = 2".into()
            )
        );
        let text = screen(&inbox, 120, 24);
        assert!(
            text.contains("field:plan=enterprise field:region=eu, west = 2"),
            "{text}"
        );
        // A refused condition leaves the others as they were.
        assert_eq!(add(&mut inbox, "seats"), Command::Nothing);
        assert_eq!(message(&inbox).0, Tone::Refused);
        inbox.mode = Mode::Browse;
        assert_eq!(
            conditions(&inbox),
            ["plan=enterprise", "region=eu, west = 2"]
        );
        // A second value for a key takes the first one's place; a misspelt
        // key is added with the nearest key said, for that key only.
        assert_eq!(add(&mut inbox, "region=eu"), Command::Reload);
        assert_eq!(add(&mut inbox, "seat=5"), Command::Reload);
        assert_eq!(
            conditions(&inbox),
            ["plan=enterprise", "region=eu", "seat=5"]
        );
        assert_eq!(
            message(&inbox),
            (
                Tone::Info,
                "Filter: field:plan=enterprise field:region=eu field:seat=5 · the desk has no \
                 ticket field 'seat': did you mean 'seats'?"
                    .into()
            )
        );
        // A new ticket is shown only if it holds every value.
        inbox.on_key(Key::Tab); // unassigned
        load_whole(&mut inbox, TicketView::Unassigned, vec![]);
        let with = |number: u64, fields: serde_json::Value| {
            let mut ticket = ticket(number, None, "open");
            ticket.fields = serde_json::from_value(fields).unwrap();
            ticket
        };
        let everything = serde_json::json!({"plan": "enterprise", "region": "eu", "seat": "5"});
        let not_eu = serde_json::json!({"plan": "enterprise", "region": "us", "seat": "5"});
        inbox.apply(&event(1, EventKind::TicketCreated, with(10008, not_eu)));
        inbox.apply(&event(2, EventKind::TicketCreated, with(10009, everything)));
        let shown: Vec<u64> = inbox.shown().iter().map(|t| t.number).collect();
        assert_eq!(shown, [10009]);
        // The picker removes one condition, or all of them.
        remove_from_filter(&mut inbox, "remove field:seat=5");
        assert_eq!(conditions(&inbox), ["plan=enterprise", "region=eu"]);
        assert_eq!(
            message(&inbox),
            (
                Tone::Info,
                "Filter: field:plan=enterprise field:region=eu".into()
            )
        );
        inbox.filter.status = Some(TicketStatus::Open);
        remove_from_filter(&mut inbox, "remove every ticket field condition");
        assert_eq!(conditions(&inbox), Vec::<String>::new());
        assert_eq!(message(&inbox), (Tone::Info, "Filter: status=open".into()));
        // With one condition or none, there is no "every" to remove.
        add(&mut inbox, "plan=pro");
        inbox.on_key(Key::Char('f'));
        let Mode::Picker { items, .. } = &inbox.mode else {
            panic!("no picker")
        };
        let labels: Vec<&str> = items.iter().map(|(_, label)| label.as_str()).collect();
        assert!(labels.contains(&"remove field:plan=pro"), "{labels:?}");
        assert!(
            !labels.contains(&"remove every ticket field condition"),
            "{labels:?}"
        );
    }

    #[test]
    fn search_is_typed_after_a_slash_and_kept_for_new_events() {
        let mut inbox = inbox();
        inbox.on_key(Key::Tab); // unassigned
        inbox.on_key(Key::Char('/'));
        type_text(&mut inbox, "parcel 10003");
        let text = screen(&inbox, 80, 24);
        assert!(text.contains("Search subjects and messages"), "{text}");
        assert_eq!(inbox.on_key(Key::Enter), Command::Reload);
        assert_eq!(
            inbox.query(TicketView::Unassigned).q.as_deref(),
            Some("parcel 10003")
        );
        load_whole(
            &mut inbox,
            TicketView::Unassigned,
            vec![ticket(10003, None, "open")],
        );
        // A new ticket that does not match stays out; a change to one
        // found stays in, though its new entries do not match.
        inbox.apply(&event(
            1,
            EventKind::TicketCreated,
            ticket(10009, None, "open"),
        ));
        assert_eq!(inbox.shown().len(), 1);
        inbox.apply(&event(
            2,
            EventKind::TicketNote,
            ticket(10003, None, "open"),
        ));
        assert_eq!(inbox.shown()[0].number, 10003);
        // Esc leaves the search as it was; `/` starts from it; empty clears.
        inbox.on_key(Key::Char('/'));
        inbox.on_key(Key::Char('x'));
        assert_eq!(inbox.on_key(Key::Esc), Command::Nothing);
        assert_eq!(inbox.filter.search.as_deref(), Some("parcel 10003"));
        inbox.on_key(Key::Char('/'));
        assert_eq!(
            inbox.mode,
            Mode::Input {
                typing: Typing::Search,
                text: "parcel 10003".into()
            }
        );
        for _ in 0.."parcel 10003".len() {
            inbox.on_key(Key::Backspace);
        }
        assert_eq!(inbox.on_key(Key::Enter), Command::Reload);
        assert_eq!(inbox.filter.search, None);
        // Spaces alone are no search either: the service refuses a blank one.
        inbox.on_key(Key::Char('/'));
        inbox.on_key(Key::Char(' '));
        inbox.on_key(Key::Char(' '));
        assert_eq!(inbox.on_key(Key::Enter), Command::Reload);
        assert_eq!(inbox.filter.search, None);
        // A search the service refuses is let go: the list still shows what
        // the one before found.
        inbox.reload_failed("the search is too long".into());
        assert_eq!(
            message(&inbox),
            (
                Tone::Refused,
                "Cannot read the tickets: the search is too long · the filter stays \
                 /parcel 10003"
                    .into()
            )
        );
        assert_eq!(inbox.filter.search.as_deref(), Some("parcel 10003"));
    }

    #[test]
    fn help_lists_every_key_at_80_by_24_and_any_key_closes_it() {
        let mut inbox = inbox();
        assert_eq!(inbox.on_key(Key::Char('?')), Command::Nothing);
        let text = screen(&inbox, 80, 24);
        for (keys, what) in KEYS {
            assert!(text.contains(keys) && text.contains(what), "{keys}: {text}");
        }
        assert_eq!(
            inbox.on_key(Key::Char('t')),
            Command::Nothing,
            "closes, no take"
        );
        assert_eq!(inbox.mode, Mode::Browse);
        let text = screen(&inbox, 80, 24);
        assert!(
            text.lines().nth(22).unwrap().starts_with("? help · q quit"),
            "{text}"
        );
    }

    #[test]
    fn action_keys_with_no_ticket_selected_say_so() {
        let mut inbox = Inbox::new("the local desk".into(), "owner".into(), None, false);
        for key in ['a', 't', 'r', 'n', 'o', 'x', 'u', 'p'] {
            assert_eq!(inbox.on_key(Key::Char(key)), Command::Nothing);
            assert_eq!(inbox.mode, Mode::Browse);
            assert_eq!(message(&inbox), (Tone::Info, "No ticket selected.".into()));
        }
    }

    #[test]
    fn dialogs_fit_at_80_by_24_and_200_by_50_and_draw_without_color() {
        let mut inbox = inbox();
        inbox.on_key(Key::Char('r'));
        type_text(&mut inbox, &"a long reply ".repeat(20));
        for (w, h) in [(80, 24), (200, 50)] {
            let text = screen(&inbox, w, h);
            assert!(text.lines().all(|l| l.chars().count() <= w as usize));
            assert!(text.contains("Reply to the customer"), "{text}");
        }
        inbox.mode = Mode::Browse;
        inbox.on_key(Key::Char('a'));
        let many: Vec<(String, String)> = (0..40)
            .map(|n| {
                (
                    format!("op{n}"),
                    format!("op{n}  online · support · 0 open"),
                )
            })
            .collect();
        inbox.pick_assignee(10001, Ok(many));
        for _ in 0..30 {
            inbox.on_key(Key::Down);
        }
        let text = screen(&inbox, 80, 24);
        assert!(
            text.contains("op30  online"),
            "the highlighted one scrolls into view: {text}"
        );
        inbox.message = Some((Tone::Refused, "Refused: no".into()));
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        terminal
            .draw(|frame| inbox.draw(frame, Timestamp::UNIX_EPOCH))
            .unwrap();
        assert!(
            terminal
                .backend()
                .buffer()
                .content()
                .iter()
                .all(|cell| cell.fg == ratatui::style::Color::Reset),
            "NO_COLOR: no color in dialogs or messages"
        );
    }
}
