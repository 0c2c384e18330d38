//! The full-screen inbox's state and drawing, kept pure: keys and events go
//! in, commands (what to ask the client) come out, and the screen is drawn
//! from the state alone, so every key path is tested on ratatui's
//! `TestBackend` without a terminal. The terminal, the client and the event
//! stream are `cli::inbox`'s.

use jiff::Timestamp;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Tabs, Wrap};

use crate::api::{Event, EventKind, Ticket, TicketQuery, TicketView, TimelineEntry};

/// The views, in tab order.
pub const VIEWS: [TicketView; 4] = [
    TicketView::Mine,
    TicketView::Unassigned,
    TicketView::All,
    TicketView::Resolved,
];

/// A key, as the inbox reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Up,
    Down,
    NextView,
    PrevView,
    Quit,
    Other,
}

/// What the inbox asks of the client after a key or an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Nothing,
    Quit,
    /// Read this ticket's timeline for the right pane.
    LoadTimeline(u64),
}

/// The event stream's state, for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Connection {
    Live,
    /// Lost: why, and that it reconnects by itself.
    Lost(String),
}

/// Everything the screen shows.
#[derive(Debug, Clone)]
pub struct Inbox {
    /// Where it is connected, and as whom (`alice (manager)`, `owner`).
    pub target: String,
    pub role: String,
    /// The caller's handle, for the `mine` view.
    pub me: Option<String>,
    pub connection: Connection,
    /// Index into [`VIEWS`].
    pub view: usize,
    /// Each view's tickets, newest activity first.
    pub tickets: [Vec<Ticket>; 4],
    pub selected: usize,
    /// The selected ticket's number and timeline, once read.
    pub timeline: Option<(u64, Vec<TimelineEntry>)>,
    /// Drawing in color (off with NO_COLOR or --color never).
    pub color: bool,
}

impl Inbox {
    pub fn new(target: String, role: String, me: Option<String>, color: bool) -> Inbox {
        Inbox {
            target,
            role,
            // The mine view means nothing to the local desk's owner.
            view: if me.is_some() { 0 } else { 1 },
            me,
            connection: Connection::Live,
            tickets: Default::default(),
            selected: 0,
            timeline: None,
            color,
        }
    }

    /// The tickets of the view shown.
    pub fn shown(&self) -> &[Ticket] {
        &self.tickets[self.view]
    }

    pub fn selected_ticket(&self) -> Option<&Ticket> {
        self.shown().get(self.selected)
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

    pub fn on_key(&mut self, key: Key) -> Command {
        let len = self.shown().len();
        match key {
            Key::Quit => return Command::Quit,
            Key::Down if len > 0 => self.selected = (self.selected + 1).min(len - 1),
            Key::Up => self.selected = self.selected.saturating_sub(1),
            Key::NextView | Key::PrevView => {
                let first = if self.me.is_some() { 0 } else { 1 };
                let count = VIEWS.len() - first;
                let at = self.view - first;
                let next = match key {
                    Key::NextView => (at + 1) % count,
                    _ => (at + count - 1) % count,
                };
                self.view = first + next;
                self.selected = 0;
            }
            Key::Down | Key::Other => {}
        }
        self.follow_selection()
    }

    /// Puts the tickets a view was loaded with in place.
    pub fn load(&mut self, view: TicketView, tickets: Vec<Ticket>) -> Command {
        if let Some(at) = VIEWS.iter().position(|v| *v == view) {
            self.tickets[at] = tickets;
        }
        self.selected = self.selected.min(self.shown().len().saturating_sub(1));
        self.follow_selection()
    }

    /// An event from the stream: each view gains, keeps or loses the ticket,
    /// the selection stays on the ticket it was on, and the timeline shown
    /// grows by the entries the change added.
    pub fn apply(&mut self, event: &Event) -> Command {
        if matches!(event.kind, EventKind::Handoff | EventKind::Delivery)
            && event.entries.is_empty()
        {
            return Command::Nothing;
        }
        let selected = self.selected_ticket().map(|t| t.number);
        match &event.ticket {
            Some(ticket) => {
                for (at, view) in VIEWS.iter().enumerate() {
                    let list = &mut self.tickets[at];
                    list.retain(|t| t.number != ticket.number);
                    let query = TicketQuery {
                        view: Some(*view),
                        ..TicketQuery::default()
                    };
                    if crate::domain::events::query_selects(
                        &query,
                        ticket,
                        &event.entries,
                        self.me.as_deref(),
                    ) {
                        list.insert(0, ticket.clone());
                    }
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
                    for list in &mut self.tickets {
                        list.retain(|t| t.number != number);
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
    /// ticket's timeline, and the status line.
    pub fn draw(&self, frame: &mut Frame, now: Timestamp) {
        let [tabs, body, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(3),
            Constraint::Length(1),
        ])
        .areas(frame.area());
        let first = if self.me.is_some() { 0 } else { 1 };
        let titles: Vec<String> = (first..VIEWS.len())
            .map(|at| format!("{} {}", VIEWS[at], self.tickets[at].len()))
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
        let connection = match &self.connection {
            Connection::Live => Span::styled("live", self.style(Style::default().green())),
            Connection::Lost(why) => Span::styled(
                format!("reconnecting: {why}"),
                self.style(Style::default().yellow()),
            ),
        };
        let line = Line::from(vec![
            Span::raw(format!("{} · {} · ", self.target, self.role)),
            connection,
            Span::raw(" · tab views · j/k move · q quit"),
        ]);
        frame.render_widget(Paragraph::new(line), status);
    }

    fn draw_list(&self, frame: &mut Frame, area: Rect, now: Timestamp) {
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
            frame.render_widget(Paragraph::new("No tickets in this view."), area);
        }
    }

    fn draw_timeline(&self, frame: &mut Frame, area: Rect) {
        let Some(ticket) = self.selected_ticket() else {
            return;
        };
        let mut lines = vec![
            Line::from(Span::styled(
                format!("#{} {}", ticket.number, ticket.subject),
                self.style(Style::default().bold()),
            )),
            Line::from(format!(
                "{} · {} · {} · {}",
                ticket.status,
                ticket.priority,
                ticket.assignee.as_deref().unwrap_or("unassigned"),
                ticket.team.as_deref().unwrap_or("no team"),
            )),
        ];
        if let Some((number, entries)) = &self.timeline
            && *number == ticket.number
        {
            // The latest entries, as many as fit.
            for entry in entries.iter().rev().take(area.height as usize).rev() {
                let who = entry
                    .author
                    .clone()
                    .unwrap_or_else(|| entry.author_kind.to_string());
                let what = match entry.kind {
                    crate::api::TimelineKind::Event => entry.body.clone().unwrap_or_default(),
                    kind => format!("{kind}: {}", entry.body.as_deref().unwrap_or("")),
                };
                lines.push(Line::from(format!("{who}: {what}")));
            }
        }
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), area);
    }
}

/// One list row: status, number, requester, subject, priority, assignee,
/// channel and age, in `width` columns (the requester and subject share what
/// the fixed columns leave).
fn row(ticket: &Ticket, now: Timestamp, width: usize) -> String {
    const FIXED: usize = 4 + 5 + 4 + 6 + 5 + 3 + 7;
    let requester = ticket
        .requester
        .name
        .clone()
        .or(ticket.requester.email.clone())
        .unwrap_or_default();
    let rest = width.saturating_sub(FIXED).max(8);
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
    let text = format!(
        "{status} {} {requester:<who$.who$} {:<subject$.subject$} {priority:<4} {:<6.6} {:<5.5} {}",
        ticket.number,
        ticket.subject,
        ticket.assignee.as_deref().unwrap_or("-"),
        ticket.channel.as_str(),
        age(ticket.last_activity_at, now),
    );
    text.chars().take(width).collect()
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
        }
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
        inbox.load(TicketView::Mine, mine);
        inbox.load(TicketView::Unassigned, unassigned);
        inbox.load(TicketView::All, all);
        inbox.load(TicketView::Resolved, resolved);
        inbox
    }

    fn screen(inbox: &Inbox, width: u16, height: u16) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        let now = "2026-01-01T00:05:00Z".parse().unwrap();
        terminal.draw(|frame| inbox.draw(frame, now)).unwrap();
        let buffer = terminal.backend().buffer().clone();
        (0..height)
            .map(|y| {
                (0..width)
                    .map(|x| buffer[(x, y)].symbol().to_string())
                    .collect::<String>()
                    .trim_end()
                    .to_string()
            })
            .collect::<Vec<_>>()
            .join("\n")
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
    fn keys_move_the_selection_and_switch_views() {
        let mut inbox = inbox();
        inbox.timeline = Some((10001, Vec::new()));
        assert_eq!(
            inbox.on_key(Key::Down),
            Command::Nothing,
            "one ticket in mine"
        );
        assert_eq!(inbox.selected, 0);
        assert_eq!(inbox.on_key(Key::NextView), Command::LoadTimeline(10003));
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
        assert_eq!(inbox.on_key(Key::PrevView), Command::LoadTimeline(10001));
        assert_eq!(inbox.on_key(Key::PrevView), Command::LoadTimeline(10000));
        assert_eq!(VIEWS[inbox.view], TicketView::Resolved, "wraps around");
        assert_eq!(inbox.on_key(Key::NextView), Command::LoadTimeline(10001));
        assert_eq!(inbox.on_key(Key::Other), Command::LoadTimeline(10001));
        assert_eq!(inbox.on_key(Key::Quit), Command::Quit);
        // Drawn after the keys: the tab and the row are the ones chosen.
        inbox.on_key(Key::NextView);
        inbox.on_key(Key::Down);
        let text = screen(&inbox, 80, 24);
        assert!(text.contains("#10002 Parcel 10002"), "{text}");
    }

    #[test]
    fn the_local_owner_has_no_mine_view() {
        let mut inbox = Inbox::new("the local desk".into(), "owner".into(), None, false);
        assert_eq!(VIEWS[inbox.view], TicketView::Unassigned);
        inbox.on_key(Key::PrevView);
        assert_eq!(VIEWS[inbox.view], TicketView::Resolved, "mine is skipped");
        let text = screen(&inbox, 80, 24);
        assert!(!text.lines().next().unwrap().contains("mine"), "{text}");
        assert!(text.contains("No tickets in this view."), "{text}");
    }

    #[test]
    fn new_tickets_and_changes_appear_without_a_key() {
        let mut inbox = inbox();
        inbox.on_key(Key::NextView); // unassigned, 10003 selected
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
}
