//! `deskctl inbox`: the full-screen live inbox. The terminal, keys and the
//! client live here; what is shown and what each key does is `ui::inbox`'s.
//! Every action is the client call its command makes (`tickets take`,
//! `tickets reply`…), and the assign picker lists whom triage's does.

use ratatui::crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event as TermEvent, KeyCode, KeyEventKind,
    KeyModifiers,
};
use ratatui::crossterm::execute;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::api::{
    AssignRequest, MAX_PAGE_LIMIT, TicketCountBy, TicketCountQuery, TicketQuery, TicketView,
};
use crate::cli::Session;
use crate::cli::names::filters_exist;
use crate::cli::tickets::list::{TicketFilterArgs, field_flag_error, named_filters};
use crate::client::{Client, ClientError, StreamItem};
use crate::error::{CliError, CliResult};
use crate::ui::inbox::{Act, Command, Connection, Inbox, Key, Reached, Refusal, VIEWS};

pub async fn cmd_inbox(
    session: &Session,
    view: Option<TicketView>,
    filters: TicketFilterArgs,
) -> CliResult {
    let ui = &session.ui;
    if !ui.can_prompt() || session.env.dumb_terminal {
        return Err(CliError::usage(
            "inbox is full-screen: it needs a terminal (stdin and stdout) that TERM \
             names, not dumb, and no --no-input",
        )
        .with_hint(
            "without one, use `deskctl tickets list --watch` or `deskctl events` (JSON Lines)",
        ));
    }
    let client = session.client().await?;
    let me = client.me().await?;
    let role = match (&me.operator, me.role) {
        (Some(handle), Some(role)) => format!("{handle} ({role})"),
        _ => "owner (local desk)".to_string(),
    };
    let mut inbox = Inbox::new(client.target(), role, me.operator.clone(), ui.color());
    if let Some(view) = view {
        if view == TicketView::Mine && me.operator.is_none() {
            return Err(CliError::usage(
                "the mine view is an operator's, and the local desk acts as its owner",
            )
            .with_hint("filter by assignee instead: --assignee HANDLE"));
        }
        inbox.view = crate::ui::inbox::view_index(view);
    }
    let mut fields = Vec::new();
    for condition in filters.field {
        // One value per key, as `f` keeps them: the last given.
        fields.retain(|held: &crate::api::FieldCondition| held.key != condition.key);
        fields.push(condition);
    }
    inbox.filter = crate::ui::inbox::Filter {
        status: filters.status,
        priority: filters.priority,
        channel: filters.channel,
        assignee: filters.assignee,
        team: filters.team,
        search: filters.search,
        fields,
    };
    inbox.actor = crate::domain::tickets::Actor::from_me(&me);
    let target = session.target()?;
    inbox.protected = target.is_protected().then(|| target.label());
    // For the assignee filter; a list that cannot be read leaves the
    // handles seen on tickets.
    if let Ok(operators) = client.list_operators().await {
        inbox.handles = operators.into_iter().map(|o| o.handle).collect();
    }
    if let Ok(teams) = client.list_teams().await {
        inbox.teams = teams.into_iter().map(|t| t.key).collect();
    }
    // For the field filter: values checked as typed, keys and options
    // their field does not have said; without them the service judges alone.
    if let Ok(fields) = client.list_fields().await {
        inbox.fields = Some(fields);
    }
    let mut events = client.events(None).await?;
    reload(&client, &mut inbox)
        .await
        .map_err(field_flag_error)?;
    // Nothing listed: a misspelt handle or key given as a flag is said with
    // the nearest name (exit 5), as `tickets list` says it, before the
    // screen is taken.
    if inbox.tickets.iter().all(Vec::is_empty) {
        filters_exist(&client, &named_filters(&inbox.query(TicketView::All))).await?;
    }
    // In place before the screen changes: from then on no SIGTERM or SIGHUP
    // may end the process with the terminal still full-screen.
    let signalled = end_signal()?;
    let mut screen = FullScreen::enter();
    let status = tokio::select! {
        status = signalled => status,
        outcome = run(&client, &mut inbox, &mut events, &mut screen) => return outcome,
    };
    drop(screen);
    // No exit kind stands for a signal: exit with the status the signal
    // would have given (128 + its number), which shells and supervisors read
    // as terminated by it.
    std::process::exit(status)
}

/// The terminal while the inbox has it: raw mode, the alternate screen,
/// bracketed paste, the cursor hidden, and a thread reading its events.
/// Dropped, it gives the terminal back as it was, however the inbox ends: a
/// key, an error, a signal, or the command dropped on Ctrl-C sent as a
/// signal; a panic gives it back from the panic hook.
struct FullScreen {
    terminal: ratatui::DefaultTerminal,
    input: TerminalInput,
}

impl FullScreen {
    fn enter() -> FullScreen {
        // ratatui's panic hook restores raw mode and the screen only.
        let restore_the_rest = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            end_bracketed_paste();
            restore_the_rest(info);
        }));
        let terminal = ratatui::init();
        // Without it a pasted line break is Enter, and what follows it is
        // read as keys: the answer to "Send this reply?" and then inbox
        // commands. Bracketed, a paste arrives as one event for the text box.
        // A terminal that cannot bracket pastes ignores the request.
        let _ = execute!(std::io::stdout(), EnableBracketedPaste);
        FullScreen {
            terminal,
            input: TerminalInput::start(),
        }
    }
}

impl Drop for FullScreen {
    fn drop(&mut self) {
        // Nothing may read the terminal once it is given back: a line typed
        // or pasted just after the inbox ends belongs to the shell (or
        // whatever runs next), not to an inbox on its way out.
        self.input.stop();
        // Errors are let go: after SIGHUP the terminal may be gone, and there
        // is nothing else to restore it with. The main screen comes back
        // last, so whoever sees it finds the rest given back already.
        end_bracketed_paste();
        let _ = self.terminal.show_cursor();
        let _ = ratatui::try_restore();
    }
}

/// How long the reader waits for an event before it looks whether it is to
/// stop: the longest a quitting inbox waits for it.
const EVENT_WAIT: std::time::Duration = std::time::Duration::from_millis(50);

/// The terminal's keys and pastes, read on a thread of their own: crossterm
/// reads them blocking.
struct TerminalInput {
    received: tokio::sync::mpsc::UnboundedReceiver<TermEvent>,
    stopping: Arc<AtomicBool>,
    reader: Option<std::thread::JoinHandle<()>>,
}

impl TerminalInput {
    fn start() -> TerminalInput {
        let (send, received) = tokio::sync::mpsc::unbounded_channel();
        let stopping = Arc::new(AtomicBool::new(false));
        let stop = stopping.clone();
        // An error reading, or a terminal gone, ends the thread, and with
        // it the channel: the inbox quits.
        let reader = std::thread::spawn(move || {
            while !stop.load(Ordering::Acquire) {
                match event::poll(EVENT_WAIT) {
                    Ok(false) if terminal_hung_up() => return,
                    Ok(false) => {}
                    Ok(true) => {
                        let Ok(event) = event::read() else { return };
                        if send.send(event).is_err() {
                            return;
                        }
                    }
                    Err(_) => return,
                }
            }
        });
        TerminalInput {
            received,
            stopping,
            reader: Some(reader),
        }
    }

    /// The next event; `None` once the terminal cannot be read.
    async fn next(&mut self) -> Option<TermEvent> {
        self.received.recv().await
    }

    /// Returns once the reader has stopped: from then on deskctl reads
    /// nothing more from the terminal.
    fn stop(&mut self) {
        self.stopping.store(true, Ordering::Release);
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
    }
}

/// Whether the terminal the keys come from has hung up (its window closed,
/// its connection dropped). Read, it gives end-of-file ever after, which
/// crossterm reports as no key yet: without this the inbox would wait for
/// keys that never come, polling a dead terminal, even where no SIGHUP
/// reached it.
#[cfg(unix)]
fn terminal_hung_up() -> bool {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    let stdin = std::io::stdin();
    let mut terminal = [PollFd::new(&stdin, PollFlags::IN)];
    let now = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    match poll(&mut terminal, Some(&now)) {
        Ok(_) => terminal[0]
            .revents()
            .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL),
        Err(rustix::io::Errno::INTR) => false,
        Err(_) => true,
    }
}

#[cfg(not(unix))]
fn terminal_hung_up() -> bool {
    false
}

/// Left on, the shell (or whatever runs next) would read every paste with
/// escape sequences around it.
fn end_bracketed_paste() {
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
}

/// Resolves when the inbox is told to end from outside, by SIGTERM (`kill`,
/// a supervisor) or SIGHUP (its terminal closed), with the status a shell
/// gives a process that signal ends: 128 + its number. The handlers are in
/// place when this returns.
fn end_signal() -> CliResult<impl Future<Output = i32>> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let install = |kind: SignalKind| {
            let status = 128 + kind.as_raw_value();
            signal(kind)
                .map(|stream| (stream, status))
                .map_err(|e| CliError::general("cannot install the signal handlers").with_cause(e))
        };
        let (mut terminate, terminated) = install(SignalKind::terminate())?;
        let (mut hangup, hung_up) = install(SignalKind::hangup())?;
        Ok(async move {
            tokio::select! {
                _ = terminate.recv() => terminated,
                _ = hangup.recv() => hung_up,
            }
        })
    }
    #[cfg(not(unix))]
    {
        Ok(std::future::pending())
    }
}

/// Reads every view again, with the filter (at start, after a reset, and
/// when the filter or search changes).
async fn reload(client: &Client, inbox: &mut Inbox) -> CliResult {
    for view in VIEWS {
        if view == crate::api::TicketView::Mine && inbox.me.is_none() {
            continue;
        }
        let query = TicketQuery {
            limit: Some(MAX_PAGE_LIMIT),
            ..inbox.query(view)
        };
        // A filter no ticket of the view can match (an assignee in the
        // unassigned tab) leaves the tab empty; the service would refuse it.
        let page = match query.contradictions(inbox.me.as_deref()).is_empty() {
            true => client.list_tickets(&query).await?,
            false => crate::api::Page {
                items: Vec::new(),
                next_cursor: None,
            },
        };
        let total = match page.next_cursor {
            None => page.items.len() as u64,
            Some(_) => count(client, inbox, view).await?,
        };
        let command = inbox.load(view, page, total);
        follow(client, inbox, command).await?;
    }
    Ok(())
}

/// How many tickets `view` has on the service, with the filter: its tab's
/// count when its tickets are more than a page.
async fn count(client: &Client, inbox: &Inbox, view: TicketView) -> CliResult<u64> {
    let query = inbox.query(view);
    if !query.contradictions(inbox.me.as_deref()).is_empty() {
        return Ok(0);
    }
    let query = TicketCountQuery::filtered(TicketCountBy::Status, query);
    Ok(client.count_tickets(&query).await?.total)
}

/// Counts again the views whose count an event left unknown.
async fn recount(client: &Client, inbox: &mut Inbox) {
    for view in inbox.uncounted() {
        match count(client, inbox, view).await {
            Ok(total) => inbox.set_total(view, total),
            Err(error) => inbox.count_failed(error.message),
        }
    }
}

/// Carries out what the inbox asked for; true to quit. What the service
/// refuses, or a connection lost meanwhile, is said on the status line and
/// the inbox goes on.
async fn follow(client: &Client, inbox: &mut Inbox, command: Command) -> CliResult<bool> {
    match command {
        Command::Nothing => {}
        Command::Quit => return Ok(true),
        Command::LoadTimeline(number) => match client.get_ticket(number).await {
            Ok(detail) => inbox.timeline = Some((number, detail.timeline)),
            Err(error) => {
                let unreached = matches!(
                    error,
                    ClientError::Unreachable { .. } | ClientError::Timeout { .. }
                );
                inbox.timeline_failed(number, error.to_string());
                if unreached {
                    inbox.said_unreached();
                }
            }
        },
        Command::LoadAssignees(number) => {
            let items = match inbox.tickets.iter().flatten().find(|t| t.number == number) {
                Some(ticket) => crate::cli::tickets::assignees::candidates(client, ticket)
                    .await
                    .map(|operators| crate::cli::tickets::assignees::labelled(&operators))
                    .map_err(|e| e.to_string()),
                None => Err(format!("ticket {number} is no longer listed")),
            };
            inbox.pick_assignee(number, items);
        }
        Command::LoadMore(view, cursor) => {
            let query = TicketQuery {
                limit: Some(MAX_PAGE_LIMIT),
                cursor: Some(cursor),
                ..inbox.query(view)
            };
            match client.list_tickets(&query).await {
                Ok(page) => {
                    let command = inbox.append(view, page);
                    return Box::pin(follow(client, inbox, command)).await;
                }
                Err(error) => inbox.reload_failed(error.to_string()),
            }
        }
        Command::Reload => {
            if let Err(error) = Box::pin(reload(client, inbox)).await {
                let unreached = error.kind == crate::error::ExitKind::Unavailable;
                inbox.reload_failed(error.message);
                if unreached {
                    inbox.said_unreached();
                }
            }
        }
        Command::Run(number, act) => {
            let outcome = act_on(client, number, &act).await;
            let unreached = matches!(
                outcome,
                Err(ClientError::Unreachable { .. } | ClientError::Timeout { .. })
            );
            let outcome = outcome.map_err(|e| Refusal {
                code: e.code().map(str::to_string),
                why: e.to_string(),
                reached: match e {
                    ClientError::Unreachable { .. } => Reached::NotSent,
                    ClientError::Timeout { .. } => Reached::NoAnswer,
                    _ => Reached::Refused,
                },
            });
            inbox.finished(number, &act, outcome);
            if unreached {
                inbox.said_unreached();
            }
        }
    }
    Ok(false)
}

/// The client call of the command that does `act`.
async fn act_on(client: &Client, number: u64, act: &Act) -> crate::client::ClientResult<()> {
    match act {
        // `force` as `tickets assign --force` sends it.
        Act::Assign { to, force, expect } => {
            let request = AssignRequest {
                to: Some(to.clone()),
                force: *force,
                expect_assignee: Some(expect.clone()),
                ..AssignRequest::default()
            };
            client.assign_ticket(number, &request).await
        }
        // `force` as `tickets take --force` sends it.
        Act::Take { force } => {
            let query = crate::api::TakeQuery { force: *force };
            client.take_ticket(number, &query).await
        }
        Act::Reply(text) => {
            let reply = crate::api::ReplyRequest {
                body: text.clone(),
                channel: None,
            };
            client.reply_ticket(number, &reply).await
        }
        Act::Note(text) => client.note_ticket(number, text).await,
        Act::Takeover => client.takeover_ticket(number).await,
        Act::Resolve => client.resolve_ticket(number).await,
        Act::Reopen => client.reopen_ticket(number).await,
        Act::Priority(priority) => client.set_ticket_priority(number, *priority).await,
    }
    .map(|_| ())
}

async fn run(
    client: &Client,
    inbox: &mut Inbox,
    events: &mut crate::client::EventStream<'_>,
    screen: &mut FullScreen,
) -> CliResult {
    let FullScreen { terminal, input } = screen;
    loop {
        terminal.draw(|frame| inbox.draw(frame, jiff::Timestamp::now()))?;
        let command = tokio::select! {
            key = input.next() => match key {
                Some(TermEvent::Key(key))
                    if key.kind == KeyEventKind::Press && is_suspend(key.code, key.modifiers) =>
                {
                    suspend(terminal, input)?;
                    Command::Nothing
                }
                Some(TermEvent::Key(key)) if key.kind == KeyEventKind::Press => {
                    inbox.on_key(read_key(key.code, key.modifiers))
                }
                Some(TermEvent::Paste(text)) => inbox.on_paste(&text),
                Some(_) => Command::Nothing,
                None => Command::Quit,
            },
            item = events.next() => match item? {
                StreamItem::Event(event) => {
                    let reread = inbox.reconnected();
                    let command = inbox.apply(&event);
                    recount(client, inbox).await;
                    match command {
                        Command::Nothing => reread,
                        command => command,
                    }
                }
                StreamItem::Reset(_) => {
                    reload(client, inbox).await?;
                    Command::Nothing
                }
                // What happened while away arrives as events (Last-Event-ID);
                // a timeline that could not be read meanwhile is read now.
                StreamItem::Connected => inbox.reconnected(),
                StreamItem::Disconnected { reason, .. } => {
                    inbox.connection = Connection::Lost(reason);
                    Command::Nothing
                }
            },
        };
        if matches!(command, Command::Run(..) | Command::LoadAssignees(_)) {
            // The "working" box, while the client is asked.
            terminal.draw(|frame| inbox.draw(frame, jiff::Timestamp::now()))?;
        }
        if follow(client, inbox, command).await? {
            return Ok(());
        }
    }
}

/// Ctrl-Z, which raw mode delivers as a key rather than as SIGTSTP.
fn is_suspend(code: KeyCode, modifiers: KeyModifiers) -> bool {
    code == KeyCode::Char('z') && modifiers.contains(KeyModifiers::CONTROL)
}

/// Stops the inbox as Ctrl-Z stops any job, the terminal given back to the
/// shell meanwhile (as less, vim and htop do); once the shell continues it
/// (`fg`), the inbox takes the terminal again and draws it whole.
#[cfg(unix)]
fn suspend(terminal: &mut ratatui::DefaultTerminal, input: &mut TerminalInput) -> CliResult {
    use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
    input.stop();
    end_bracketed_paste();
    let _ = terminal.show_cursor();
    let _ = ratatui::try_restore();
    // The whole job stops, as the terminal would have stopped it: a shell
    // script or `sh -c` around deskctl too.
    rustix::process::kill_current_process_group(rustix::process::Signal::TSTP)
        .map_err(|e| CliError::general("cannot suspend the inbox").with_cause(e))?;
    // Continued.
    enable_raw_mode()?;
    execute!(
        std::io::stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste
    )?;
    terminal.hide_cursor()?;
    terminal.clear()?;
    *input = TerminalInput::start();
    Ok(())
}

#[cfg(not(unix))]
fn suspend(_: &mut ratatui::DefaultTerminal, _: &mut TerminalInput) -> CliResult {
    Ok(())
}

/// The inbox's key for a terminal key press. No Alt chord is bound, and
/// none is read as its key alone: a terminal sends Alt-q as Esc then q, and
/// so does a person typing Esc then q faster than the inbox reads, which
/// crossterm reports as the one key Alt-q either way. Read as q, it would
/// quit where Esc only meant to close the help; it is nothing instead
/// (which, like any key, closes the help). Ctrl-C stops the inbox whatever
/// else is held.
pub fn read_key(code: KeyCode, modifiers: KeyModifiers) -> Key {
    match code {
        KeyCode::Char('c') if modifiers.contains(KeyModifiers::CONTROL) => Key::Interrupt,
        _ if modifiers.contains(KeyModifiers::ALT) => Key::Other,
        KeyCode::Char(c) if !modifiers.contains(KeyModifiers::CONTROL) => Key::Char(c),
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        _ => Key::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_keys_become_the_inbox_keys() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            read_key(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Key::Interrupt
        );
        assert_eq!(read_key(KeyCode::Char('c'), none), Key::Char('c'));
        assert_eq!(
            read_key(KeyCode::Char('F'), KeyModifiers::SHIFT),
            Key::Char('F')
        );
        assert_eq!(
            read_key(KeyCode::Char('x'), KeyModifiers::CONTROL),
            Key::Other
        );
        assert_eq!(
            read_key(KeyCode::BackTab, KeyModifiers::SHIFT),
            Key::BackTab
        );
        assert_eq!(read_key(KeyCode::Enter, none), Key::Enter);
        assert_eq!(read_key(KeyCode::Esc, none), Key::Esc);
        assert_eq!(read_key(KeyCode::Backspace, none), Key::Backspace);
        assert_eq!(read_key(KeyCode::PageUp, none), Key::PageUp);
        assert_eq!(read_key(KeyCode::PageDown, none), Key::PageDown);
        assert_eq!(read_key(KeyCode::Home, none), Key::Home);
        assert_eq!(read_key(KeyCode::End, none), Key::End);
        assert_eq!(read_key(KeyCode::F(1), none), Key::Other);
    }

    #[test]
    fn an_alt_chord_is_no_key_of_the_inbox_but_ctrl_c_still_stops_it() {
        let alt = KeyModifiers::ALT;
        for code in [
            KeyCode::Char('q'),
            KeyCode::Char('d'),
            KeyCode::Char('?'),
            KeyCode::Enter,
            KeyCode::Backspace,
            KeyCode::Up,
            KeyCode::Tab,
        ] {
            assert_eq!(read_key(code, alt), Key::Other, "Alt-{code:?}");
        }
        assert_eq!(
            read_key(KeyCode::Char('Q'), alt | KeyModifiers::SHIFT),
            Key::Other
        );
        assert_eq!(
            read_key(KeyCode::Char('c'), alt | KeyModifiers::CONTROL),
            Key::Interrupt
        );
        assert_eq!(read_key(KeyCode::Esc, KeyModifiers::NONE), Key::Esc);
        assert_eq!(
            read_key(KeyCode::Char('q'), KeyModifiers::NONE),
            Key::Char('q')
        );
    }
}
