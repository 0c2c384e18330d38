//! `deskctl inbox`: the full-screen live inbox. The terminal, keys and the
//! client live here; what is shown and what each key does is `ui::inbox`'s.

use ratatui::crossterm::event::{self, Event as TermEvent, KeyCode, KeyEventKind, KeyModifiers};

use crate::api::{MAX_PAGE_LIMIT, TicketQuery};
use crate::cli::Session;
use crate::client::{Client, StreamItem};
use crate::error::{CliError, CliResult};
use crate::ui::inbox::{Command, Connection, Inbox, Key, VIEWS};

pub async fn cmd_inbox(session: &Session) -> CliResult {
    let ui = &session.ui;
    if !ui.can_prompt() {
        return Err(CliError::usage(
            "inbox is full-screen: it needs a terminal (stdin and stdout) and no --no-input",
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
    let mut events = client.events(None).await?;
    reload(&client, &mut inbox).await?;
    let mut terminal = ratatui::init();
    let outcome = run(&client, &mut inbox, &mut events, &mut terminal).await;
    ratatui::restore();
    outcome
}

/// Reads every view again (at start, and after a reset).
async fn reload(client: &Client, inbox: &mut Inbox) -> CliResult {
    for view in VIEWS {
        if view == crate::api::TicketView::Mine && inbox.me.is_none() {
            continue;
        }
        let page = client
            .list_tickets(&TicketQuery {
                view: Some(view),
                limit: Some(MAX_PAGE_LIMIT),
                ..TicketQuery::default()
            })
            .await?;
        let command = inbox.load(view, page.items);
        follow(client, inbox, command).await?;
    }
    Ok(())
}

/// Carries out what the inbox asked for; true to quit.
async fn follow(client: &Client, inbox: &mut Inbox, command: Command) -> CliResult<bool> {
    match command {
        Command::Nothing => {}
        Command::Quit => return Ok(true),
        Command::LoadTimeline(number) => {
            let detail = client.get_ticket(number).await?;
            inbox.timeline = Some((number, detail.timeline));
        }
    }
    Ok(false)
}

async fn run(
    client: &Client,
    inbox: &mut Inbox,
    events: &mut crate::client::EventStream<'_>,
    terminal: &mut ratatui::DefaultTerminal,
) -> CliResult {
    // Keys are read on a thread of their own: crossterm's read blocks.
    let (send, mut keys) = tokio::sync::mpsc::unbounded_channel();
    std::thread::spawn(move || {
        while let Ok(event) = event::read() {
            if send.send(event).is_err() {
                return;
            }
        }
    });
    loop {
        terminal.draw(|frame| inbox.draw(frame, jiff::Timestamp::now()))?;
        let command = tokio::select! {
            key = keys.recv() => match key {
                Some(TermEvent::Key(key)) if key.kind == KeyEventKind::Press => {
                    inbox.on_key(read_key(key.code, key.modifiers))
                }
                Some(_) => Command::Nothing,
                None => Command::Quit,
            },
            item = events.next() => match item? {
                StreamItem::Event(event) => {
                    inbox.connection = Connection::Live;
                    inbox.apply(&event)
                }
                StreamItem::Reset(_) => {
                    reload(client, inbox).await?;
                    Command::Nothing
                }
                StreamItem::Connected => {
                    inbox.connection = Connection::Live;
                    // What happened while away arrives as events (Last-Event-ID).
                    Command::Nothing
                }
                StreamItem::Disconnected { reason, .. } => {
                    inbox.connection = Connection::Lost(reason);
                    Command::Nothing
                }
            },
        };
        if follow(client, inbox, command).await? {
            return Ok(());
        }
    }
}

/// The inbox's key for a terminal key press.
pub fn read_key(code: KeyCode, modifiers: KeyModifiers) -> Key {
    match code {
        KeyCode::Char('c') if modifiers.contains(KeyModifiers::CONTROL) => Key::Quit,
        KeyCode::Char('q') | KeyCode::Esc => Key::Quit,
        KeyCode::Char('j') | KeyCode::Down => Key::Down,
        KeyCode::Char('k') | KeyCode::Up => Key::Up,
        KeyCode::Tab | KeyCode::Right | KeyCode::Char('l') => Key::NextView,
        KeyCode::BackTab | KeyCode::Left | KeyCode::Char('h') => Key::PrevView,
        _ => Key::Other,
    }
}
