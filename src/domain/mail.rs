//! Email as a channel, as pure decisions: which ticket an inbound message
//! belongs to (its `Message-ID` references, then the `[#N]` subject token),
//! what of its text is new (quoted history and signature trimmed), and what
//! appending it does to the ticket (reopen, or hold a stranger's mail as a note).
//!
//! No crate fits the trimming: the maintained parsers (mail-parser) stop at
//! MIME, and the one crate that ports GitHub's `email_reply_parser`
//! (`email_reply_parser` 0.1.2) has one release and no source repository, so
//! this is a small port of the same rules, tested below.

use jiff::Timestamp;

use crate::api::{
    AuthorKind, Channel, InboundBounce, InboundEmail, Ticket, TicketStatus, TimelineKind,
};
use crate::domain::tickets::{NewEntry, TicketChange, unassign_if_removed};
use crate::domain::workspace::Snapshot;

/// The most referenced message ids an inbound message is threaded by: the
/// `In-Reply-To` and the last ones of `References` (the nearest ancestors).
pub const MAX_THREAD_IDS: usize = 20;

/// The ticket number of the last `[#N]` token in `subject`, as the desk's own
/// emails carry it (`Re: Parcel [#10001]`).
pub fn subject_token(subject: &str) -> Option<u64> {
    let mut found = None;
    let mut rest = subject;
    while let Some(start) = rest.find("[#") {
        let after = &rest[start + 2..];
        let digits: &str = &after[..after
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(after.len())];
        if !digits.is_empty() && after[digits.len()..].starts_with(']') {
            found = digits.parse().ok().or(found);
        }
        rest = after;
    }
    found
}

/// The domain of the message ids the support inbox makes up for mail that
/// came without one: no mail client knows them.
const MADE_UP_ID_DOMAIN: &str = "sha256.deskctl.invalid";

/// The ids an email reply on a ticket names in `References`, the last also in
/// `In-Reply-To`, so the customer's mail client shows it in their thread:
/// the ticket's inbound message ids (`<id>`, oldest first) that a client can
/// know, the last [`MAX_THREAD_IDS`]. An id the desk made up, or one that is
/// not a plain `<…>` (the JSON API takes any text), is left out.
pub fn reply_references(ids: &[String]) -> Vec<String> {
    let referable = |id: &&String| {
        id.strip_prefix('<')
            .and_then(|id| id.strip_suffix('>'))
            .is_some_and(|inner| {
                !inner.is_empty()
                    && inner
                        .chars()
                        .all(|c| c.is_ascii_graphic() && c != '<' && c != '>')
                    && !inner.ends_with(&format!("@{MADE_UP_ID_DOMAIN}"))
            })
    };
    let kept: Vec<String> = ids.iter().filter(referable).cloned().collect();
    kept[kept.len().saturating_sub(MAX_THREAD_IDS)..].to_vec()
}

/// A digest of what an inbound email says: its sender's address (any
/// case), subject, text and attachments. The same message delivered again
/// has the same one; another message that reuses its Message-ID (some
/// mailers do) has not. The recipients are left out: one message sent to
/// two of the support inbox's addresses arrives twice, and is one.
pub fn content_digest(sender: &str, email: &InboundEmail) -> String {
    use sha2::Digest;
    let mut hash = sha2::Sha256::new();
    // NUL separates the parts: no part holds one ([`without_nul`]).
    // The text as any way in writes it: line ends and the white space
    // around it differ between the JSON API and a parsed message.
    let sender = sender.trim().to_lowercase();
    let subject = email.subject.trim().to_string();
    let text = email.text.replace("\r\n", "\n").trim().to_string();
    for part in [&sender, &subject, &text] {
        hash.update(part.as_bytes());
        hash.update([0]);
    }
    for attachment in &email.attachments {
        hash.update(
            format!(
                "{}\0{}\0{}\0",
                attachment.name, attachment.content_type, attachment.size
            )
            .as_bytes(),
        );
    }
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// The message id the support inbox keeps a message under when another
/// message came before with its Message-ID: made from its content's
/// [`content_digest`], in the domain of made-up ids, which a reply never
/// names.
pub fn content_message_id(digest: &str) -> String {
    format!("<{digest}@{MADE_UP_ID_DOMAIN}>")
}

/// How the support inbox records an inbound email, decided in the write
/// transaction that records it (so two messages under one id arriving
/// together are both taken, each once).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recording {
    /// The message came before: nothing is recorded; it went to this ticket.
    Duplicate(u64),
    /// A message new to the desk, to record under this id.
    Under(String),
}

/// How an inbound email with `message_id`, saying what `digest` stands for
/// ([`content_digest`]), is recorded, given what the desk recorded before:
/// `seen`, the ticket and digest under `message_id` (no digest for an email
/// stored before digests were kept, taken as the same message), and
/// `content_seen`, the ticket under [`content_message_id`]`(digest)`. A
/// message under an id seen before that says something else is another
/// message, kept under its content's id, and a duplicate only of itself.
pub fn recording(
    message_id: &str,
    digest: &str,
    seen: Option<(u64, Option<&str>)>,
    content_seen: Option<u64>,
) -> Recording {
    match seen {
        None => Recording::Under(message_id.to_string()),
        Some((number, None)) => Recording::Duplicate(number),
        Some((number, Some(stored))) if stored == digest => Recording::Duplicate(number),
        Some(_) => match content_seen {
            Some(number) => Recording::Duplicate(number),
            None => Recording::Under(content_message_id(digest)),
        },
    }
}

/// Whether `recipient` is the support inbox's `address` (any case), or a
/// sub-address of it (RFC 5233): `help+billing@example.com` for
/// `help@example.com`, which mail services deliver to the same mailbox.
/// An address that already holds a `+` has no sub-addresses.
pub fn is_support_address(recipient: &str, address: &str) -> bool {
    let recipient = recipient.trim();
    if recipient.eq_ignore_ascii_case(address.trim()) {
        return true;
    }
    let (Some((local, domain)), Some((base, support_domain))) =
        (recipient.rsplit_once('@'), address.trim().rsplit_once('@'))
    else {
        return false;
    };
    domain.eq_ignore_ascii_case(support_domain)
        && !base.contains('+')
        && local
            .split_once('+')
            .is_some_and(|(local, _)| local.eq_ignore_ascii_case(base))
}

/// Reply prefixes mail clients put before a subject: English and Latin `Re`,
/// German `Aw`, Scandinavian `Sv`, Dutch `Antw`. `Fwd:` is not one: a reply to
/// a forward keeps it.
const REPLY_PREFIXES: [&str; 4] = ["re", "aw", "sv", "antw"];

/// `subject` without its leading reply prefixes (any case, repeated, with or
/// without spaces, numbered as `Re[2]:`), so that the desk's `Re: ` on a reply
/// to "Re: Re: Invoice" is not doubled.
pub fn without_reply_prefix(subject: &str) -> &str {
    let mut rest = subject.trim_start();
    while let Some(after) = after_one_reply_prefix(rest) {
        rest = after.trim_start();
    }
    rest
}

/// What follows `subject`'s first reply prefix and its colon, if it starts with one.
fn after_one_reply_prefix(subject: &str) -> Option<&str> {
    let word_end = subject
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(subject.len());
    let word = &subject[..word_end];
    if !REPLY_PREFIXES
        .iter()
        .any(|prefix| word.eq_ignore_ascii_case(prefix))
    {
        return None;
    }
    let mut rest = &subject[word_end..];
    if let Some(counted) = rest.strip_prefix('[') {
        let (count, after) = counted.split_once(']')?;
        if count.is_empty() || !count.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        rest = after;
    }
    rest.trim_start().strip_prefix(':')
}

/// A message id without its angle brackets and surrounding space.
pub fn bare_id(id: &str) -> &str {
    id.trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim()
}

/// The part of a message id before the last `@`: the desk's own ids are
/// `<{local}@{sender's domain}>`, and the local part is what it records, since
/// the domain is only known when the message is sent.
pub fn local_part(id: &str) -> &str {
    let id = bare_id(id);
    id.rsplit_once('@').map_or(id, |(local, _)| local)
}

/// The ids to thread a message by, nearest first: `In-Reply-To`, then
/// `References` from the last, without repeats, at most [`MAX_THREAD_IDS`].
pub fn thread_ids(in_reply_to: Option<&str>, references: &[String]) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    let candidates = in_reply_to
        .into_iter()
        .flat_map(split_ids)
        .chain(references.iter().rev().flat_map(|r| split_ids(r)));
    for id in candidates {
        if ids.len() == MAX_THREAD_IDS {
            break;
        }
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

/// `<a@x> <b@y>` (or one bare id) → `["a@x", "b@y"]`; the last first when
/// several, as `References` lists the nearest ancestor last.
fn split_ids(text: &str) -> Vec<String> {
    let ids: Vec<String> = if text.contains('<') {
        text.split('<')
            .filter_map(|part| part.split_once('>').map(|(id, _)| bare_id(id).to_string()))
            .filter(|id| !id.is_empty())
            .collect()
    } else {
        text.split_whitespace().map(str::to_string).collect()
    };
    ids.into_iter().rev().collect()
}

/// Whether `line` starts the quoted history a mail client adds under a reply.
fn starts_history(line: &str, next: Option<&str>) -> bool {
    let line = line.trim();
    let wrote = |text: &str| {
        let text = text.trim_end();
        text.ends_with("wrote:")
            || text.ends_with("schrieb:")
            || text.ends_with("a écrit :")
            // German Gmail names the sender after the verb: "… um 10:00 Uhr
            // schrieb Dana <dana@example.com>:".
            || text.ends_with(':') && text.contains(" schrieb ")
    };
    if line.starts_with("On ") || line.starts_with("Am ") || line.starts_with("Le ") {
        // "On Tue, 2 Dec 2026, Dana <dana@example.com> wrote:", sometimes
        // wrapped over two lines.
        return wrote(line) || next.is_some_and(|next| wrote(&format!("{line} {}", next.trim())));
    }
    line.starts_with("-----Original Message-----")
        || line.starts_with("----- Original Message -----")
        || (line.len() >= 20 && line.chars().all(|c| c == '_'))
        || line.starts_with("From: ")
            && next.is_some_and(|n| {
                let n = n.trim_start();
                n.starts_with("Sent: ") || n.starts_with("Date: ") || n.starts_with("To: ")
            })
}

/// Whether `line` starts the sender's signature: the delimiter `-- ` (with
/// its space, RFC 3676 4.3) or a phone's `Sent from my …` / `Get Outlook for
/// …`. A bare `--` or `__` is the customer's text (a separator between the
/// steps of a list, say): cutting there would lose what follows.
fn starts_signature(line: &str) -> bool {
    line == "-- "
        || line.trim_start().starts_with("Sent from my ")
        || line.trim_start().starts_with("Get Outlook for ")
}

/// The new text of a reply: everything above the quoted history and the
/// signature, trailing quoted lines and blank lines dropped. Inline answers
/// between quoted lines are kept. A message that is nothing but quotes is kept
/// whole, so nothing the customer sent is ever lost.
pub fn trim_reply(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let lines: Vec<&str> = text.lines().collect();
    let mut kept: Vec<&str> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if starts_history(line, lines.get(i + 1).copied()) || starts_signature(line) {
            break;
        }
        kept.push(line);
    }
    while kept
        .last()
        .is_some_and(|line| line.trim().is_empty() || line.trim_start().starts_with('>'))
    {
        kept.pop();
    }
    let trimmed = kept.join("\n").trim().to_string();
    if trimmed.is_empty() {
        text.trim().to_string()
    } else {
        trimmed
    }
}

/// Why the desk could not answer a sender at `address` (already a valid
/// customer address, [`crate::domain::validate::check_customer_email`]), or
/// `None` when it can. The desk's mail goes out without SMTPUTF8 (RFC 6531),
/// as most relays take it, so an address with a character beyond ASCII, in
/// the local part or the domain, could never be written to. An internationalised
/// domain is not punycoded instead: a mail client sending without SMTPUTF8
/// already writes it so (`xn--…`), and one that wrote UTF-8 sent the mail on a
/// path the desk's answer could not take back.
pub fn unanswerable_sender(address: &str) -> Option<String> {
    let other = address.chars().find(|c| !c.is_ascii())?;
    Some(format!(
        "'{address}' is an address the desk cannot answer: its mail carries only ASCII \
         addresses (no SMTPUTF8), and this one holds '{other}'"
    ))
}

/// What an inbound email did to the ticket it joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Joined {
    /// The requester's message, appended to the conversation.
    Appended,
    /// The requester wrote on a resolved ticket: appended, and the ticket reopened.
    Reopened,
    /// Someone other than the requester wrote: held as an internal note the
    /// customer never sees, and the ticket's status is left as it is.
    HeldAsNote,
    /// A machine answered on its own (out-of-office, vacation notice): held
    /// as an internal note, and the ticket's status is left as it is.
    AutoReply,
}

impl Joined {
    pub fn as_str(self) -> &'static str {
        match self {
            Joined::Appended => "appended",
            Joined::Reopened => "reopened",
            Joined::HeldAsNote => "held-as-note",
            Joined::AutoReply => "auto-reply",
        }
    }

    /// Whether the email is in the customer's own thread, so that a reply
    /// may name it in `In-Reply-To` and `References`: a note's id is as
    /// hidden from the customer as the note.
    pub fn in_customers_thread(self) -> bool {
        match self {
            Joined::Appended | Joined::Reopened => true,
            Joined::HeldAsNote | Joined::AutoReply => false,
        }
    }
}

/// Whether a message's headers (name, raw value) say a machine sent it on
/// its own (RFC 3834): `Auto-Submitted` other than `no`, `Precedence:
/// auto_reply`, `bulk` or `junk`, or the `X-Autoreply`/`X-Autorespond` that
/// some vacation responders set instead.
pub fn is_auto_reply<'a>(headers: impl IntoIterator<Item = (&'a str, &'a str)>) -> bool {
    headers.into_iter().any(|(name, value)| {
        // `Auto-Submitted: auto-replied; owner-email="…"`: the keyword first.
        let keyword = value.split(';').next().unwrap_or_default().trim();
        let set = !keyword.is_empty() && !keyword.eq_ignore_ascii_case("no");
        match name.trim().to_ascii_lowercase().as_str() {
            "auto-submitted" | "x-autoreply" | "x-autorespond" => set,
            "precedence" => ["auto_reply", "bulk", "junk"]
                .iter()
                .any(|precedence| keyword.eq_ignore_ascii_case(precedence)),
            _ => false,
        }
    })
}

/// An inbound email on an existing ticket: the change, the timeline entries
/// and what it did. `from` is the sender's address, `name` their display
/// name; `automatic` when a machine sent it on its own ([`Automatic`]).
///
/// The rule for a sender who is not the requester (compared case-blind by
/// address): the message is held as an internal note naming the sender, so a
/// colleague copied in or a forwarded thread reaches the team without being
/// shown as the customer's words, and without reopening or reactivating the
/// ticket. An automatic reply is held as a note the same way, whoever sent
/// it: an out-of-office notice is not the customer answering, and must not
/// reopen a resolved ticket or take a pending one off the wait. A message
/// from the requester is a customer message on the email channel; on a
/// resolved ticket it reopens it, on a pending one (waiting on the customer)
/// it moves it back to open.
pub fn join(
    ticket: &Ticket,
    workspace: &Snapshot,
    from: &str,
    name: Option<&str>,
    text: &str,
    automatic: Option<Automatic>,
    at: Timestamp,
) -> (TicketChange, Vec<NewEntry>, Joined) {
    let is_requester = ticket
        .requester
        .email
        .as_deref()
        .is_some_and(|email| email.trim().eq_ignore_ascii_case(from.trim()));
    if automatic.is_some() || !is_requester {
        let sender = match name {
            Some(name) => format!("{name} <{from}>"),
            None => from.to_string(),
        };
        let (why, joined) = match automatic {
            Some(automatic) => (automatic.described(), Joined::AutoReply),
            None => ("who is not the requester", Joined::HeldAsNote),
        };
        let note = NewEntry {
            kind: TimelineKind::Note,
            author_kind: AuthorKind::System,
            author: None,
            event: None,
            body: Some(format!(
                "Email from {sender}, {why} (held as a note, not shown to the \
                 customer):\n\n{text}"
            )),
            channel: Some(Channel::Email),
            at,
            dated_by_sender: false,
        };
        return (TicketChange::default(), vec![note], joined);
    }
    let message = NewEntry {
        kind: TimelineKind::Message,
        author_kind: AuthorKind::Customer,
        author: Some(name.unwrap_or(from).to_string()),
        event: None,
        body: Some(text.to_string()),
        channel: Some(Channel::Email),
        at,
        dated_by_sender: false,
    };
    match ticket.status {
        TicketStatus::Resolved => {
            let mut change = TicketChange {
                status: Some(TicketStatus::Open),
                ..TicketChange::default()
            };
            let mut entries = vec![NewEntry::system(
                "reopened",
                "Reopened: the customer replied by email",
                at,
            )];
            unassign_if_removed(ticket, workspace, &mut change, &mut entries, at);
            entries.push(message);
            (change, entries, Joined::Reopened)
        }
        TicketStatus::Pending => (
            TicketChange {
                status: Some(TicketStatus::Open),
                ..TicketChange::default()
            },
            vec![
                message,
                NewEntry::system(
                    "status-changed",
                    "Status pending → open: the customer replied by email",
                    at,
                ),
            ],
            Joined::Appended,
        ),
        TicketStatus::Open => (TicketChange::default(), vec![message], Joined::Appended),
    }
}

/// The largest message `inbox receive` and the SMTP listener take: bigger mail
/// is refused whole (the ticket lists attachments, it does not keep them).
pub const MAX_MESSAGE_BYTES: usize = 25 * 1024 * 1024;

/// The longest subject and text the support inbox keeps, and the most
/// attachments it lists. The JSON API refuses more; mail parsed here is cut
/// to fit instead ([`parse_message`]), since a customer's email must not
/// bounce for being long.
pub const MAX_SUBJECT_CHARS: usize = 300;
pub const MAX_TEXT_CHARS: usize = 100_000;
pub const MAX_ATTACHMENTS: usize = 100;

/// The longest message id (`Message-ID`, `In-Reply-To`, each of
/// `References`) the support inbox takes, with its angle brackets: a mail
/// header line holds at most 998 characters (RFC 5322 2.1.1). The JSON API
/// refuses a longer one; mail parsed here drops it (a made-up id stands for
/// its own `Message-ID`).
pub const MAX_MESSAGE_ID_CHARS: usize = 998;
/// The most `References` ids taken: the nearest ones; threading reads the
/// last [`MAX_THREAD_IDS`] of them.
pub const MAX_REFERENCES: usize = 100;
/// The longest attachment name and content type the ticket lists (a file
/// name's usual limit); mail parsed here is cut to fit, ending in `…`.
pub const MAX_ATTACHMENT_TEXT_CHARS: usize = 255;

/// What the support inbox puts where an email's text holds a NUL character:
/// U+FFFD, the replacement character. No text the desk keeps may hold a NUL
/// ([`crate::domain::validate::NUL_MESSAGE`]), but a customer's mail is
/// taken, not refused: refusing it would lose it.
pub const NUL_REPLACEMENT: char = '\u{FFFD}';

/// `email` with every NUL character in its texts (addresses, subject, text,
/// message ids, attachments' names and types) replaced by [`NUL_REPLACEMENT`].
pub fn without_nul(mut email: InboundEmail) -> InboundEmail {
    let replace = |text: &mut String| {
        if text.contains('\0') {
            *text = text.replace('\0', &NUL_REPLACEMENT.to_string());
        }
    };
    let attachments = email
        .attachments
        .iter_mut()
        .flat_map(|a| [&mut a.name, &mut a.content_type]);
    let ids = email
        .in_reply_to
        .iter_mut()
        .chain(email.references.iter_mut())
        .chain(email.reply_to.iter_mut());
    let bounce = email.bounce.iter_mut().flat_map(|bounce| {
        [
            &mut bounce.message_id,
            &mut bounce.recipient,
            &mut bounce.action,
            &mut bounce.status,
            &mut bounce.diagnostic,
        ]
        .into_iter()
        .flatten()
    });
    for text in [
        &mut email.from,
        &mut email.to,
        &mut email.subject,
        &mut email.text,
        &mut email.message_id,
    ]
    .into_iter()
    .chain(ids)
    .chain(attachments)
    .chain(bounce)
    {
        replace(text);
    }
    email
}

/// The longest sender's display name the support inbox keeps, in characters:
/// a handoff's longest requester name, since it becomes the requester's.
pub const MAX_DISPLAY_NAME_CHARS: usize = crate::domain::handoff::MAX_REQUESTER_NAME_CHARS;

/// `text` as one header line: each control character read as a space, runs
/// of white space as one, trimmed. A CR or LF would end the header it is
/// written in (and could start another, a `Bcc:`); lettre cannot write one
/// and panics instead. Unlike [`subject_line`] and the handoff summary's
/// folding, which keep the sender's control characters for a terminal to
/// show escaped, this leaves none.
pub fn one_line(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `subject` as one header line: each line break, with the white space
/// folded around it, becomes one space (an encoded word may decode to one,
/// and it would split the ticket's header wherever it is shown). Other
/// control characters stay: the subject is the customer's, and what a
/// terminal would take as an instruction is shown escaped where it is
/// drawn (`ui::printable`), so an operator sees that it was sent. Tabs and
/// runs of spaces within a line stay too, unlike [`one_line`]'s: the
/// subject is kept as written.
pub fn subject_line(subject: &str) -> String {
    subject
        .split([
            '\r', '\n', '\u{0b}', '\u{0c}', '\u{85}', '\u{2028}', '\u{2029}',
        ])
        .map(str::trim)
        .filter(|piece| !piece.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A sender's display name (`From: Name <address>`) as the ticket keeps it,
/// as its requester's name and its messages' author: on [`one_line`], within
/// [`MAX_DISPLAY_NAME_CHARS`], cut to end in `…` when longer. A handoff
/// with a longer name is refused, but mail is taken: refusing it would
/// lose the customer's mail.
pub fn fitted_display_name(name: &str) -> String {
    cut_to(one_line(name), MAX_DISPLAY_NAME_CHARS)
}

/// `text` within `most` characters: cut, ending in `…`, when longer.
fn cut_to(text: String, most: usize) -> String {
    if text.chars().count() <= most {
        return text;
    }
    let kept: String = text.chars().take(most - 1).collect();
    format!("{}…", kept.trim_end())
}

/// `subject` within [`MAX_SUBJECT_CHARS`]: cut, ending in `…`, and keeping
/// its `[#N]` token, which threads a reply, when the cut would lose it.
fn fitted_subject(subject: &str) -> String {
    if subject.chars().count() <= MAX_SUBJECT_CHARS {
        return subject.to_string();
    }
    let cut = |room: usize| subject.chars().take(room).collect::<String>();
    let kept = cut(MAX_SUBJECT_CHARS - 1);
    let token = subject_token(subject);
    if subject_token(&kept) == token {
        return format!("{kept}…");
    }
    let token = format!(" [#{}]", token.unwrap_or_default());
    let kept = cut(MAX_SUBJECT_CHARS - 1 - token.chars().count());
    format!("{kept}…{token}")
}

/// `text` within [`MAX_TEXT_CHARS`]: its start, at a line's end when one is
/// near the limit, and a line saying it was cut.
fn fitted_text(text: String) -> String {
    let length = text.chars().count();
    if length <= MAX_TEXT_CHARS {
        return text;
    }
    let marker = format!(
        "\n\n[The email's text was cut here: it was {length} characters, and the \
         support inbox keeps {MAX_TEXT_CHARS}.]"
    );
    let mut kept: String = text
        .chars()
        .take(MAX_TEXT_CHARS - marker.chars().count())
        .collect();
    if let Some(line_end) = kept.rfind('\n').filter(|&end| kept.len() - end < 1_000) {
        kept.truncate(line_end);
    }
    kept.trim_end().to_string() + &marker
}

/// `attachments` within [`MAX_ATTACHMENTS`]: the first ones, and one entry
/// for the rest, so the ticket still says that they came.
fn fitted_attachments(
    mut attachments: Vec<crate::api::InboundAttachment>,
) -> Vec<crate::api::InboundAttachment> {
    if attachments.len() <= MAX_ATTACHMENTS {
        return attachments;
    }
    let rest = attachments.split_off(MAX_ATTACHMENTS - 1);
    attachments.push(crate::api::InboundAttachment {
        name: format!("{} more attachments, not listed", rest.len()),
        content_type: "multipart/mixed".into(),
        size: rest.iter().map(|a| a.size).sum(),
    });
    attachments
}

/// The text of a message's body parts, in order, each HTML one read as text
/// ([`html_text`]). A message may have several: a mail client writes the
/// text around an inline image as two parts (`multipart/mixed`: text, image,
/// text), and the customer's words after the image are in the second.
fn parts_text<'a>(
    raw: &[u8],
    parts: impl Iterator<Item = &'a mail_parser::MessagePart<'a>>,
) -> String {
    let texts: Vec<String> = parts
        .filter_map(|part| match &part.body {
            mail_parser::PartType::Text(text) => Some(undeclared_charset(raw, part, text)),
            mail_parser::PartType::Html(html) => {
                Some(html_text(&undeclared_charset(raw, part, html)))
            }
            _ => None,
        })
        .filter(|text| !text.trim().is_empty())
        .collect();
    match texts.as_slice() {
        [one] => one.clone(),
        several => several
            .iter()
            .map(|text| text.trim_start_matches(['\r', '\n']).trim_end())
            .collect::<Vec<_>>()
            .join("\n\n"),
    }
}

/// A text part's text, read as windows-1252 when it names no charset and
/// its bytes are not UTF-8, as mail clients read it: mail-parser reads such
/// bytes as UTF-8, each one that is not a U+FFFD, so a Latin-1 `café` sent
/// with no charset came out `caf\u{FFFD}`. (Windows-1252 is Latin-1 with
/// printable characters where Latin-1 has C1 controls; the WHATWG Encoding
/// Standard reads `iso-8859-1` as it.)
fn undeclared_charset(raw: &[u8], part: &mail_parser::MessagePart<'_>, text: &str) -> String {
    use mail_parser::MimeHeaders;
    use mail_parser::decoders::{base64::base64_decode, quoted_printable::quoted_printable_decode};
    let declared = part
        .content_type()
        .is_some_and(|ct| ct.attribute("charset").is_some());
    if declared || !text.contains('\u{FFFD}') {
        return text.to_string();
    }
    let Some(body) = raw.get(part.offset_body as usize..part.offset_end as usize) else {
        return text.to_string();
    };
    let bytes = match part.encoding {
        mail_parser::Encoding::None => Some(body.to_vec()),
        mail_parser::Encoding::QuotedPrintable => quoted_printable_decode(body),
        mail_parser::Encoding::Base64 => base64_decode(body),
    };
    match bytes {
        Some(bytes) if std::str::from_utf8(&bytes).is_err() => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
            text.into_owned()
        }
        _ => text.to_string(),
    }
}

/// Where [`html_text`] marks a block element's edge: a noncharacter, which
/// no mail carries (one that does has it read as U+FFFD).
const BLOCK_EDGE: char = '\u{FDD0}';

/// The elements a browser shows on lines of their own (Gmail and Outlook
/// write each line of an HTML mail in a `<div>` or a `<p>`), table rows
/// included.
const BLOCK_ELEMENTS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tr",
    "ul",
];

/// HTML as the text its reader sees. mail-parser's `html_to_text` breaks
/// lines only at `<br>` and `</p>`, so block elements ran into each other
/// (`<div>Hello,</div><div>my order</div>` read `Hello,my order`, and
/// Gmail's `On … wrote:` line was glued to the reply, its quote never cut),
/// as did table cells. Here each block element's edges become one line break
/// however many meet (`</div><div>`), plus the breaks `<br>` and `</p>` make
/// (`<div><br></div>` is an empty line), and cells and rows are set apart.
pub fn html_text(html: &str) -> String {
    let mut marked = String::with_capacity(html.len() + html.len() / 8);
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        marked.push_str(&rest[..open].replace(BLOCK_EDGE, "\u{FFFD}"));
        let tag = &rest[open + 1..];
        let name = tag.strip_prefix('/').unwrap_or(tag);
        let name = &name[..name
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(name.len())];
        if BLOCK_ELEMENTS
            .iter()
            .any(|block| name.eq_ignore_ascii_case(block))
        {
            marked.push(BLOCK_EDGE);
        } else if name.eq_ignore_ascii_case("td") || name.eq_ignore_ascii_case("th") {
            marked.push(' ');
        }
        marked.push('<');
        rest = tag;
    }
    marked.push_str(&rest.replace(BLOCK_EDGE, "\u{FFFD}"));
    let text = mail_parser::decoders::html::html_to_text(&marked);
    // Each run of edges and the white space around them: one line break, and
    // one more for each the HTML made itself.
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    for c in text.chars() {
        if c == BLOCK_EDGE || c.is_whitespace() {
            run.push(c);
            continue;
        }
        flush_run(&mut out, &mut run);
        out.push(c);
    }
    flush_run(&mut out, &mut run);
    out.trim().to_string()
}

/// A run of white space and block edges (see [`html_text`]) written out:
/// as it is without an edge, else as line breaks.
fn flush_run(out: &mut String, run: &mut String) {
    if run.contains(BLOCK_EDGE) {
        let breaks = 1 + run.matches('\n').count();
        out.push_str(&"\n".repeat(breaks));
    } else {
        out.push_str(run);
    }
    run.clear();
}

/// A mailbox header's display name and address as the support inbox takes
/// them, trimmed; `raw` is the header as sent, for a quoted local part
/// mail-parser reads wrong ([`quoted_local_address`]).
fn mailbox(name: Option<&str>, address: &str, raw: Option<&str>) -> (Option<String>, String) {
    let name = name.map(str::trim).filter(|n| !n.is_empty());
    match address.trim() {
        address if address.starts_with('@') => (
            None,
            raw.and_then(|raw| quoted_local_address(raw, address))
                .unwrap_or_else(|| address.to_string()),
        ),
        address => (name.map(str::to_string), address.to_string()),
    }
}

/// A mailbox as the inbound API takes it: `"Name" <address>`, the name
/// quoted as RFC 5322 does so it reads back as written, or the bare address.
fn mailbox_text((name, address): (Option<String>, String)) -> String {
    match name {
        Some(name) => format!(
            "\"{}\" <{address}>",
            name.replace('\\', "\\\\").replace('"', "\\\"")
        ),
        None => address,
    }
}

/// The sender's address when mail-parser reads it wrong: a quoted local part
/// without angle brackets (`From: "John Doe"@cust.test`) comes out as the
/// name `John Doe` and the address `@cust.test`. The quoted string just before
/// `at_domain` in the raw header is the local part.
fn quoted_local_address(raw_from: &str, at_domain: &str) -> Option<String> {
    let at = raw_from.find(at_domain)?;
    let inner = raw_from[..at].strip_suffix('"')?;
    let mut end = inner.len();
    let open = loop {
        let quote = inner[..end].rfind('"')?;
        if inner[..quote].ends_with('\\') {
            end = quote - 1;
        } else {
            break quote;
        }
    };
    Some(format!("{}{at_domain}", &raw_from[open..at]))
}

/// Whether `address` is a mail system's own: `MAILER-DAEMON` (any case)
/// sends nothing but bounces, and `postmaster` sends them when its mail says
/// a machine sent it on its own ([`is_auto_reply`]); a person writing from
/// `postmaster@` is a person.
fn mail_system_sender(address: &str, automatic: bool) -> bool {
    let local = address.rsplit_once('@').map_or(address, |(local, _)| local);
    local.eq_ignore_ascii_case("mailer-daemon")
        || automatic && local.eq_ignore_ascii_case("postmaster")
}

/// Whether `message` is a delivery status notification by its type:
/// `multipart/report; report-type=delivery-status` (RFC 3464), or the
/// `global-delivery-status` of RFC 6533.
fn is_delivery_report(message: &mail_parser::Message<'_>) -> bool {
    is_report(message, &["delivery-status", "global-delivery-status"])
}

/// Whether `message` is a read receipt by its type: `multipart/report;
/// report-type=disposition-notification` (RFC 8098), or the
/// `global-disposition-notification` of RFC 6533.
fn is_read_receipt(message: &mail_parser::Message<'_>) -> bool {
    is_report(
        message,
        &[
            "disposition-notification",
            "global-disposition-notification",
        ],
    )
}

/// Whether `message` is a `multipart/report` (RFC 6522) of one of `kinds`.
fn is_report(message: &mail_parser::Message<'_>, kinds: &[&str]) -> bool {
    use mail_parser::MimeHeaders;
    message.content_type().is_some_and(|ct| {
        ct.ctype().eq_ignore_ascii_case("multipart")
            && ct
                .subtype()
                .is_some_and(|sub| sub.eq_ignore_ascii_case("report"))
            && ct.attributes().unwrap_or_default().iter().any(|a| {
                a.name.eq_ignore_ascii_case("report-type")
                    && kinds
                        .iter()
                        .any(|kind| a.value.trim().eq_ignore_ascii_case(kind))
            })
    })
}

/// A `message/delivery-status` section (RFC 3464) read: the first recipient
/// block that failed (or gives no `Action`), else the first one. Blocks are
/// separated by blank lines; a line starting with white space goes on the
/// field before it. `rfc822;` and `smtp;` before a recipient or a diagnostic
/// are dropped.
pub fn delivery_status(text: &str) -> InboundBounce {
    let mut blocks: Vec<Vec<(String, String)>> = vec![Vec::new()];
    for line in text.lines() {
        let block = blocks.last_mut().expect("there is always a block");
        if line.trim().is_empty() {
            if !block.is_empty() {
                blocks.push(Vec::new());
            }
        } else if line.starts_with([' ', '\t']) {
            if let Some((_, value)) = block.last_mut() {
                value.push(' ');
                value.push_str(line.trim());
            }
        } else if let Some((name, value)) = line.split_once(':') {
            block.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    let field = |block: &[(String, String)], name: &str| {
        block
            .iter()
            .find(|(field, _)| field == name)
            .map(|(_, value)| value.clone())
    };
    let untyped = |value: String| match value.split_once(';') {
        Some((kind, rest)) if !kind.trim().contains(char::is_whitespace) => rest.trim().to_string(),
        _ => value,
    };
    let recipients: Vec<&Vec<(String, String)>> = blocks
        .iter()
        .filter(|block| {
            field(block, "final-recipient").is_some() || field(block, "action").is_some()
        })
        .collect();
    let failed = |block: &&&Vec<(String, String)>| {
        field(block, "action").is_none_or(|action| action.eq_ignore_ascii_case("failed"))
    };
    let Some(block) = recipients.iter().find(failed).or(recipients.first()) else {
        return InboundBounce::default();
    };
    InboundBounce {
        message_id: None,
        recipient: field(block, "final-recipient")
            .or_else(|| field(block, "original-recipient"))
            .map(untyped),
        action: field(block, "action"),
        status: field(block, "status"),
        diagnostic: field(block, "diagnostic-code").map(untyped),
    }
}

/// The `Message-ID` of the message a bounce returns: from its returned
/// headers (`text/rfc822-headers`) or message (`message/rfc822`), else from
/// a `Message-ID:` line in its text, where old-style bounces (qmail's) quote
/// the message.
fn returned_message_id(message: &mail_parser::Message<'_>) -> Option<String> {
    use mail_parser::{MessageParser, MimeHeaders};
    let returned = message.parts.iter().skip(1).find_map(|part| {
        if let Some(nested) = part.message() {
            return nested.message_id().map(str::to_string);
        }
        let headers = part.content_type().is_some_and(|ct| {
            (ct.ctype().eq_ignore_ascii_case("text") || ct.ctype().eq_ignore_ascii_case("message"))
                && ct
                    .subtype()
                    .is_some_and(|sub| sub.eq_ignore_ascii_case("rfc822-headers"))
        });
        headers
            .then(|| MessageParser::default().parse_headers(part.contents()))
            .flatten()
            .and_then(|headers| headers.message_id().map(str::to_string))
    });
    returned.or_else(|| {
        message.text_bodies().find_map(|part| {
            part.text_contents()?.lines().find_map(|line| {
                let (name, value) = line.split_once(':')?;
                name.trim()
                    .eq_ignore_ascii_case("message-id")
                    .then(|| bare_id(value).to_string())
            })
        })
    })
}

/// The bounce `message` is, if it is one: a delivery report by its type, or
/// mail from a mail system ([`mail_system_sender`]); each part on one line
/// and within [`MAX_MESSAGE_ID_CHARS`], a longer message id dropped.
fn bounce_report(
    message: &mail_parser::Message<'_>,
    sender: &str,
    automatic: bool,
) -> Option<InboundBounce> {
    use mail_parser::MimeHeaders;
    if !is_delivery_report(message) && !mail_system_sender(sender, automatic) {
        return None;
    }
    let status = message.parts.iter().skip(1).find(|part| {
        part.content_type().is_some_and(|ct| {
            ct.ctype().eq_ignore_ascii_case("message")
                && ct.subtype().is_some_and(|sub| {
                    sub.eq_ignore_ascii_case("delivery-status")
                        || sub.eq_ignore_ascii_case("global-delivery-status")
                })
        })
    });
    let mut bounce = status
        .map(|part| delivery_status(&String::from_utf8_lossy(part.contents())))
        .unwrap_or_default();
    bounce.message_id = returned_message_id(message)
        .map(|id| format!("<{}>", bare_id(&id)))
        .filter(|id| id != "<>" && id.chars().count() <= MAX_MESSAGE_ID_CHARS);
    let fitted = |text: &mut Option<String>| {
        *text = text
            .take()
            .map(|text| cut_to(one_line(&text), MAX_MESSAGE_ID_CHARS))
            .filter(|text| !text.is_empty());
    };
    for text in [
        &mut bounce.recipient,
        &mut bounce.action,
        &mut bounce.status,
        &mut bounce.diagnostic,
    ] {
        fitted(text);
    }
    Some(bounce)
}

/// The timeline entry a bounce of the desk's email leaves on its ticket: a
/// `delivery-failed` event saying whom it did not reach and why, as the
/// report says (`reporter` is who sent the report). It changes nothing
/// else: anyone can send a report, so it does not move the ticket.
pub fn bounced(bounce: &InboundBounce, reporter: &str, at: Timestamp) -> NewEntry {
    let to = bounce
        .recipient
        .as_deref()
        .map(|recipient| format!(" to {recipient}"))
        .unwrap_or_default();
    let why: Vec<&str> = [bounce.status.as_deref(), bounce.diagnostic.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    let why = match why.as_slice() {
        [] => String::new(),
        parts => format!(": {}", parts.join(", ")),
    };
    NewEntry::system(
        "delivery-failed",
        format!(
            "An email the desk sent{to} bounced{why} (a delivery report from {reporter}); \
             the customer did not get it"
        ),
        at,
    )
}

/// The ids an inbound email is threaded by, nearest first, at most
/// [`MAX_THREAD_IDS`]: a bounce's by the message it returns first (the
/// desk's email that did not arrive), then every email's by its
/// `In-Reply-To` and `References` ([`thread_ids`]).
pub fn email_thread_ids(email: &InboundEmail) -> Vec<String> {
    let returned = email.bounce.as_ref().and_then(|b| b.message_id.as_deref());
    let mut ids: Vec<String> = returned
        .map(|id| bare_id(id).to_string())
        .filter(|id| !id.is_empty())
        .into_iter()
        .collect();
    for id in thread_ids(email.in_reply_to.as_deref(), &email.references) {
        if ids.len() < MAX_THREAD_IDS && !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

/// A message a machine sent on its own, which the support inbox keeps as a
/// note and which never moves a ticket: it is not the customer answering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Automatic {
    /// An automatic reply (RFC 3834): an out-of-office or vacation notice.
    Reply,
    /// A read receipt (a message disposition notification, RFC 8098): the
    /// customer's mail client saying the desk's email was shown, or deleted
    /// unread.
    ReadReceipt,
}

impl Automatic {
    /// The automatic message `email` is, if any (a read receipt before an
    /// automatic reply: it says more).
    pub fn of(email: &InboundEmail) -> Option<Automatic> {
        match (email.read_receipt, email.auto_reply) {
            (true, _) => Some(Automatic::ReadReceipt),
            (false, true) => Some(Automatic::Reply),
            (false, false) => None,
        }
    }

    /// What the note it is held as calls it.
    fn described(self) -> &'static str {
        match self {
            Automatic::Reply => "an automatic reply",
            Automatic::ReadReceipt => "a read receipt",
        }
    }
}

/// What the support inbox does with an inbound email, once it knows the
/// ticket the email answers (`thread`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intake {
    /// Nothing is stored: a report (a bounce or a read receipt) of no email
    /// the desk knows, or a delivery report of no failure.
    Drop,
    /// A bounce of the desk's email on this ticket: recorded there as a
    /// `delivery-failed` event ([`bounced`]), the ticket left as it is.
    RecordBounce(u64),
    /// The email joins this ticket ([`join`]).
    Join(u64),
    /// The email opens a ticket.
    Open,
}

/// What the support inbox does with `email`, answering `thread` (none when
/// it answers no ticket). A report never opens a ticket: anyone can send one,
/// and it is no customer asking for help.
pub fn intake(email: &InboundEmail, thread: Option<u64>) -> Intake {
    match (&email.bounce, thread) {
        (Some(bounce), Some(number)) if bounce.failed() => Intake::RecordBounce(number),
        (Some(_), _) => Intake::Drop,
        (None, Some(number)) => Intake::Join(number),
        (None, None) if email.read_receipt => Intake::Drop,
        (None, None) => Intake::Open,
    }
}

/// Why a raw message cannot go into the support inbox.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Malformed {
    #[error("the message is empty")]
    Empty,
    /// Reading stops past the limit, so how large it is is not known.
    #[error("the message is more than {MAX_MESSAGE_BYTES} bytes, the most the support inbox takes")]
    TooLarge,
    #[error("the message has no RFC 5322 header section")]
    NoHeaders,
    #[error("the message has no From: address")]
    NoFrom,
}

/// A raw RFC 5322 message (MIME multipart included), as the support inbox
/// takes it: sender, recipients (`envelope_to`, the address the MTA
/// delivered it to, when given, else To and Cc), subject, the plain text
/// (the HTML part as text when there is no plain one), the threading headers,
/// and each attachment's name, type and size; a subject, text or attachment
/// list over the support inbox's limits is cut to fit. A message without a
/// `Message-ID` gets one from the SHA-256 of its bytes, so a redelivery is
/// still recognised.
pub fn parse_message(
    raw: &[u8],
    envelope_to: Option<&str>,
) -> Result<crate::api::InboundEmail, Malformed> {
    use mail_parser::{MessageParser, MimeHeaders};
    use sha2::Digest;

    if raw.iter().all(u8::is_ascii_whitespace) {
        return Err(Malformed::Empty);
    }
    if raw.len() > MAX_MESSAGE_BYTES {
        return Err(Malformed::TooLarge);
    }
    let message = MessageParser::default()
        .parse(raw)
        .filter(|m| !m.headers().is_empty())
        .ok_or(Malformed::NoHeaders)?;
    let from = message
        .from()
        .and_then(|from| from.first())
        .and_then(|addr| addr.address().map(|a| (addr.name(), a)))
        .filter(|(_, address)| !address.trim().is_empty())
        .ok_or(Malformed::NoFrom)?;
    let from = mailbox(from.0, from.1, message.header_raw("From"));
    let automatic = is_auto_reply(message.headers_raw());
    let bounce = bounce_report(&message, &from.1, automatic);
    let from = mailbox_text(from);
    // One mailbox the desk can answer, or none: mail is not refused for an
    // odd Reply-To, its From is answered instead.
    let reply_to = message
        .reply_to()
        .filter(|list| list.iter().count() == 1)
        .and_then(|list| list.first())
        .and_then(|addr| {
            let (name, address) =
                mailbox(addr.name(), addr.address()?, message.header_raw("Reply-To"));
            let answerable = crate::domain::validate::check_customer_email(&address).is_ok()
                && unanswerable_sender(&address).is_none();
            answerable.then(|| mailbox_text((name, address)))
        });
    let to = match envelope_to {
        Some(to) => to.trim().to_string(),
        None => message
            .to()
            .into_iter()
            .chain(message.cc())
            .flat_map(|list| list.iter())
            .filter_map(|addr| addr.address())
            .collect::<Vec<_>>()
            .join(", "),
    };
    let fits = |id: &String| id.chars().count() <= MAX_MESSAGE_ID_CHARS;
    let message_id = match message.message_id().map(|id| format!("<{}>", bare_id(id))) {
        Some(id) if id != "<>" && fits(&id) => id,
        _ => {
            let digest: String = sha2::Sha256::digest(raw)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            format!("<{digest}@{MADE_UP_ID_DOMAIN}>")
        }
    };
    let ids = |value: &mail_parser::HeaderValue<'_>| -> Vec<String> {
        let ids: Vec<String> = match value {
            mail_parser::HeaderValue::Text(id) => vec![format!("<{}>", bare_id(id))],
            mail_parser::HeaderValue::TextList(ids) => {
                ids.iter().map(|id| format!("<{}>", bare_id(id))).collect()
            }
            _ => Vec::new(),
        };
        let ids: Vec<String> = ids.into_iter().filter(fits).collect();
        ids[ids.len().saturating_sub(MAX_REFERENCES)..].to_vec()
    };
    // A client may send an HTML mail with an empty plain alternative: the
    // HTML then holds what the customer wrote.
    let text = Some(parts_text(raw, message.text_bodies()))
        .filter(|text| !text.trim().is_empty())
        .unwrap_or_else(|| parts_text(raw, message.html_bodies()));
    // A multipart that mail-parser could not split (no boundary, or one its
    // body never uses) comes out whole, as one attachment of type
    // `multipart/…`: what the customer wrote is in it, so it is kept as
    // text rather than listed as an attachment and lost.
    let unsplit = |part: &&mail_parser::MessagePart<'_>| {
        part.content_type()
            .is_some_and(|ct| ct.ctype().eq_ignore_ascii_case("multipart"))
    };
    let text = std::iter::once(text)
        .chain(
            message
                .attachments()
                .filter(unsplit)
                .map(|part| String::from_utf8_lossy(part.contents()).trim().to_string()),
        )
        .filter(|text| !text.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    let attachments = message
        .attachments()
        .filter(|part| !unsplit(part))
        .map(|part| crate::api::InboundAttachment {
            name: cut_to(
                part.attachment_name()
                    .map(str::to_string)
                    .unwrap_or_else(|| "attachment".into()),
                MAX_ATTACHMENT_TEXT_CHARS,
            ),
            content_type: cut_to(
                part.content_type()
                    .map(|ct| match ct.subtype() {
                        Some(sub) => format!("{}/{}", ct.ctype(), sub),
                        None => ct.ctype().to_string(),
                    })
                    .unwrap_or_else(|| "application/octet-stream".into())
                    .to_ascii_lowercase(),
                MAX_ATTACHMENT_TEXT_CHARS,
            ),
            size: part.contents().len() as u64,
        })
        .collect();
    Ok(crate::api::InboundEmail {
        from,
        reply_to,
        to,
        subject: fitted_subject(message.subject().unwrap_or_default().trim()),
        text: fitted_text(text),
        message_id,
        in_reply_to: ids(message.in_reply_to()).into_iter().next_back(),
        references: ids(message.references()),
        attachments: fitted_attachments(attachments),
        auto_reply: automatic,
        // A bounce is taken for one first: a report of both kinds is none.
        read_receipt: bounce.is_none() && is_read_receipt(&message),
        bounce,
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::api::{Environment, Priority, Requester};

    #[test]
    fn the_last_well_formed_token_names_the_ticket() {
        assert_eq!(
            subject_token("Re: Invoice 99 is wrong [#10009]"),
            Some(10009)
        );
        assert_eq!(subject_token("Re: [#1] Fwd: [#10002] again"), Some(10002));
        assert_eq!(subject_token("Re: [#10003] and [#x] and [#]"), Some(10003));
        assert_eq!(subject_token("Re: #10003 [#10003"), None);
        assert_eq!(subject_token("no token"), None);
        assert_eq!(subject_token("[#99999999999999999999999]"), None);
    }

    #[test]
    fn a_long_display_name_is_cut_at_a_character_to_a_requester_names_limit() {
        let most = crate::domain::handoff::MAX_REQUESTER_NAME_CHARS;
        let fitting = "é".repeat(most);
        assert_eq!(fitted_display_name(&fitting), fitting);
        // Two bytes a character: a cut by bytes would split one.
        let cut = fitted_display_name(&"é".repeat(most + 1));
        assert_eq!(cut.chars().count(), most);
        assert_eq!(cut, format!("{}…", "é".repeat(most - 1)));
        // No space left before the ellipsis.
        let spaced = format!("{} Smith", "a".repeat(most - 2));
        assert_eq!(
            fitted_display_name(&spaced),
            format!("{}…", "a".repeat(most - 2))
        );
    }

    /// A Postfix-style report: its status part, and the headers returned.
    const DSN: &[u8] = b"From: MAILER-DAEMON@mx.example.com (Mail Delivery System)\r\n\
        To: help@example.com\r\nSubject: Undelivered Mail Returned to Sender\r\n\
        Message-ID: <dsn-1@mx.example.com>\r\nMIME-Version: 1.0\r\n\
        Content-Type: multipart/report; report-type=\"delivery-status\"; boundary=\"B\"\r\n\r\n\
        --B\r\nContent-Type: text/plain\r\n\r\nI'm sorry.\r\n\
        --B\r\nContent-Type: message/delivery-status\r\n\r\n\
        Reporting-MTA: dns; mx.example.com\r\n\r\n\
        Final-Recipient: rfc822; gone@example.com\r\nAction: delayed\r\nStatus: 4.4.1\r\n\r\n\
        Final-Recipient: rfc822; dana@example.com\r\nAction: failed\r\nStatus: 5.1.1\r\n\
        Diagnostic-Code: smtp; 550 5.1.1 User\r\n unknown\r\n\r\n\
        --B\r\nContent-Type: text/rfc822-headers\r\n\r\n\
        From: bob@example.com\r\nMessage-ID: <msg_1a2b@example.com>\r\n\r\n--B--\r\n";

    #[test]
    fn a_delivery_report_is_read_as_a_bounce_of_the_message_it_returns() {
        let email = parse_message(DSN, None).unwrap();
        assert_eq!(
            email.bounce,
            Some(InboundBounce {
                message_id: Some("<msg_1a2b@example.com>".into()),
                recipient: Some("dana@example.com".into()),
                action: Some("failed".into()),
                status: Some("5.1.1".into()),
                diagnostic: Some("550 5.1.1 User unknown".into()),
            }),
            "the failed recipient, its folded diagnostic unfolded"
        );
        assert!(email.bounce.unwrap().failed());
        // A returned message (message/rfc822) names its id as well.
        let returned = b"From: Mail System <postmaster@mx.example.com>\r\nTo: help@example.com\r\n\
            Auto-Submitted: auto-replied\r\nContent-Type: multipart/mixed; boundary=\"B\"\r\n\r\n\
            --B\r\nContent-Type: text/plain\r\n\r\nUndeliverable.\r\n\
            --B\r\nContent-Type: message/rfc822\r\n\r\n\
            From: bob@example.com\r\nMessage-ID: <msg_3c4d@example.com>\r\n\r\nHello\r\n--B--\r\n";
        let bounce = parse_message(returned, None).unwrap().bounce.unwrap();
        assert_eq!(bounce.message_id.as_deref(), Some("<msg_3c4d@example.com>"));
        assert!(bounce.failed(), "no Action given: a failure");
        // A person writing from postmaster@, and anyone else, is no bounce.
        for person in [
            "From: postmaster@shop.example\r\nTo: help@example.com\r\n\r\nYour MX is down\r\n",
            "From: dana@example.com\r\nTo: help@example.com\r\n\r\nMessage-ID: <x@y>\r\n",
        ] {
            assert_eq!(parse_message(person.as_bytes(), None).unwrap().bounce, None);
        }
    }

    /// An Outlook-style read receipt from the customer, in the desk's thread.
    const MDN: &[u8] = b"From: Dana <dana@example.com>\r\nTo: help@example.com\r\n\
        Subject: Read: Parcel [#10001]\r\nMessage-ID: <r1@mail.example.com>\r\n\
        In-Reply-To: <msg_1a2b@example.com>\r\nMIME-Version: 1.0\r\n\
        Content-Type: multipart/report; report-type=disposition-notification; boundary=\"R\"\r\n\r\n\
        --R\r\nContent-Type: text/plain\r\n\r\nYour message was read.\r\n\
        --R\r\nContent-Type: message/disposition-notification\r\n\r\n\
        Final-Recipient: rfc822;dana@example.com\r\n\
        Disposition: manual-action/MDN-sent-manually; displayed\r\n--R--\r\n";

    #[test]
    fn a_read_receipt_is_automatic_and_never_opens_a_ticket() {
        let receipt = parse_message(MDN, None).unwrap();
        assert!(receipt.read_receipt);
        assert_eq!(receipt.bounce, None);
        assert_eq!(Automatic::of(&receipt), Some(Automatic::ReadReceipt));
        assert_eq!(intake(&receipt, Some(10001)), Intake::Join(10001));
        assert_eq!(intake(&receipt, None), Intake::Drop, "answering no ticket");
        // Joined as a note that moves nothing, even from the requester.
        for status in [TicketStatus::Resolved, TicketStatus::Pending] {
            let (change, entries, joined) = join(
                &ticket(status),
                &Snapshot::empty(),
                "dana@example.com",
                Some("Dana"),
                "Your message was read.",
                Automatic::of(&receipt),
                Timestamp::UNIX_EPOCH,
            );
            assert_eq!((change.status, joined), (None, Joined::AutoReply));
            let body = entries[0].body.as_deref().unwrap();
            assert!(
                body.starts_with("Email from Dana <dana@example.com>, a read receipt"),
                "{body}"
            );
        }
        // A delivery report is no read receipt, nor is a person's mail.
        assert!(!parse_message(DSN, None).unwrap().read_receipt);
        let plain = parse_message(
            b"From: dana@example.com\r\nTo: help@example.com\r\n\r\nHi\r\n",
            None,
        )
        .unwrap();
        assert!(!plain.read_receipt);
        assert_eq!(Automatic::of(&plain), None);
        assert_eq!(intake(&plain, None), Intake::Open);
        assert_eq!(intake(&plain, Some(10001)), Intake::Join(10001));
    }

    #[test]
    fn a_bounce_is_recorded_on_the_ticket_of_the_email_it_returns_or_dropped() {
        let bounce = parse_message(DSN, None).unwrap();
        assert_eq!(
            email_thread_ids(&InboundEmail {
                in_reply_to: Some("<c2@x>".into()),
                references: vec!["<c1@x> <msg_1a2b@example.com>".into()],
                ..bounce.clone()
            }),
            ["msg_1a2b@example.com", "c2@x", "c1@x"],
            "the returned message's id first, once"
        );
        assert_eq!(intake(&bounce, Some(10001)), Intake::RecordBounce(10001));
        assert_eq!(intake(&bounce, None), Intake::Drop, "backscatter");
        let delayed = InboundEmail {
            bounce: Some(InboundBounce {
                action: Some("delayed".into()),
                ..bounce.bounce.clone().unwrap()
            }),
            ..bounce
        };
        assert_eq!(intake(&delayed, Some(10001)), Intake::Drop, "no failure");
    }

    #[test]
    fn text_with_no_charset_that_is_not_utf8_is_read_as_windows_1252() {
        let latin1 = |encoding: &str, body: &[u8]| {
            let mut raw = format!(
                "From: dana@example.com\r\nTo: help@example.com\r\nMIME-Version: 1.0\r\n\
                 Content-Type: text/plain\r\n{encoding}\r\n"
            )
            .into_bytes();
            raw.extend_from_slice(body);
            parse_message(&raw, None)
                .unwrap()
                .text
                .trim_end()
                .to_string()
        };
        // "Café – 20 €" in windows-1252: é is E9, the dash 96, the euro 80.
        assert_eq!(
            latin1("", b"Caf\xe9 \x96 20 \x80\r\n"),
            "Caf\u{e9} \u{2013} 20 \u{20ac}"
        );
        assert_eq!(
            latin1(
                "Content-Transfer-Encoding: quoted-printable\r\n",
                b"Caf=E9\r\n"
            ),
            "Caf\u{e9}"
        );
        assert_eq!(
            latin1("Content-Transfer-Encoding: base64\r\n", b"Q2Fm6Q==\r\n"),
            "Caf\u{e9}"
        );
        // UTF-8 with no charset stays UTF-8; a declared charset is the sender's word.
        assert_eq!(latin1("", "Caf\u{e9}\r\n".as_bytes()), "Caf\u{e9}");
        let raw = b"From: dana@example.com\r\nTo: help@example.com\r\n\
            Content-Type: text/plain; charset=utf-8\r\n\r\nCaf\xe9\r\n";
        assert_eq!(
            parse_message(raw, None).unwrap().text.trim_end(),
            "Caf\u{FFFD}"
        );
    }

    #[test]
    fn a_delivery_status_without_a_failure_reports_the_first_recipient() {
        let bounce = delivery_status(
            "Reporting-MTA: dns; mx\n\nFinal-Recipient: rfc822;a@x\nAction: delayed\n\
             Status: 4.4.1\n\nOriginal-Recipient: rfc822;b@x\nAction: delivered\n",
        );
        assert_eq!(bounce.recipient.as_deref(), Some("a@x"));
        assert!(!bounce.failed());
        assert_eq!(delivery_status("nothing here"), InboundBounce::default());
    }

    #[test]
    fn a_bounce_names_whom_the_email_did_not_reach_and_why() {
        let at = Timestamp::UNIX_EPOCH;
        let bounce = InboundBounce {
            recipient: Some("dana@example.com".into()),
            status: Some("5.1.1".into()),
            diagnostic: Some("550 User unknown".into()),
            ..InboundBounce::default()
        };
        let entry = bounced(&bounce, "MAILER-DAEMON@mx", at);
        assert_eq!(entry.event.as_deref(), Some("delivery-failed"));
        assert_eq!(
            entry.body.as_deref(),
            Some(
                "An email the desk sent to dana@example.com bounced: 5.1.1, 550 User unknown \
                 (a delivery report from MAILER-DAEMON@mx); the customer did not get it"
            )
        );
        let bare = bounced(&InboundBounce::default(), "MAILER-DAEMON", at);
        assert_eq!(
            bare.body.as_deref(),
            Some(
                "An email the desk sent bounced (a delivery report from MAILER-DAEMON); \
                 the customer did not get it"
            )
        );
    }

    #[test]
    fn sub_addresses_of_the_support_address_are_its_own() {
        for yes in [
            "help@example.com",
            "HELP@Example.com",
            "help+billing@example.com",
            "Help+@example.com",
        ] {
            assert!(is_support_address(yes, "help@example.com"), "{yes}");
        }
        for no in [
            "helpx@example.com",
            "help+billing@other.example",
            "billing+help@example.com",
            "help",
        ] {
            assert!(!is_support_address(no, "help@example.com"), "{no}");
        }
        assert!(!is_support_address("help+a+b@x", "help+a@x"));
        assert!(is_support_address("help+a@x", "help+a@x"));
    }

    #[test]
    fn a_digest_tells_a_message_sent_again_from_another_under_its_id() {
        let email = |from: &str, text: &str| InboundEmail {
            from: from.into(),
            reply_to: None,
            to: "help@example.com".into(),
            subject: "Hi".into(),
            text: text.into(),
            message_id: "<same@x>".into(),
            in_reply_to: None,
            references: vec![],
            attachments: vec![],
            auto_reply: false,
            read_receipt: false,
            bounce: None,
        };
        let first = content_digest("dana@example.com", &email("Dana <dana@example.com>", "one"));
        assert_eq!(
            first,
            content_digest(
                "DANA@example.com",
                &InboundEmail {
                    to: "help+billing@example.com".into(),
                    ..email("dana@example.com", "one")
                }
            ),
            "the same message to another of the inbox's addresses"
        );
        assert_ne!(
            first,
            content_digest("eve@example.org", &email("eve@example.org", "one"))
        );
        assert_ne!(
            first,
            content_digest("dana@example.com", &email("dana@example.com", "two"))
        );
        assert_eq!(first.len(), 64);
        assert_eq!(
            content_message_id(&first),
            format!("<{first}@sha256.deskctl.invalid>")
        );
        assert!(reply_references(&[content_message_id(&first)]).is_empty());
    }

    #[test]
    fn a_reused_id_is_recorded_under_the_contents_id_and_a_resend_is_a_duplicate() {
        let under = |id: &str| Recording::Under(id.to_string());
        assert_eq!(recording("<a@x>", "d1", None, None), under("<a@x>"));
        assert_eq!(
            recording("<a@x>", "d1", Some((10001, Some("d1"))), None),
            Recording::Duplicate(10001),
            "the same message again"
        );
        assert_eq!(
            recording("<a@x>", "d1", Some((10001, None)), None),
            Recording::Duplicate(10001),
            "an email kept before digests were"
        );
        assert_eq!(
            recording("<a@x>", "d2", Some((10001, Some("d1"))), None),
            under(&content_message_id("d2")),
            "another message reusing the id"
        );
        assert_eq!(
            recording("<a@x>", "d2", Some((10001, Some("d1"))), Some(10002)),
            Recording::Duplicate(10002),
            "that other message again"
        );
    }

    #[test]
    fn a_multipart_that_cannot_be_split_is_kept_as_text() {
        for (content_type, body) in [
            ("multipart/alternative", "plain words without a boundary"),
            (
                "multipart/mixed; boundary=\"NOPE\"",
                "--OTHER\r\nContent-Type: text/plain\r\n\r\nhello there\r\n--OTHER--",
            ),
        ] {
            let raw = format!(
                "From: dana@example.com\r\nTo: help@example.com\r\nMIME-Version: 1.0\r\n\
                 Content-Type: {content_type}\r\n\r\n{body}\r\n"
            );
            let email = parse_message(raw.as_bytes(), None).unwrap();
            assert_eq!(email.text, body, "{content_type}");
            assert!(email.attachments.is_empty(), "{:?}", email.attachments);
        }
    }

    #[test]
    fn a_senders_quotes_survive_parsing() {
        let raw = b"From: \"Jo \\\"The Boss\\\" Smith\" <boss@example.com>\r\nTo: help@example.com\r\n\r\nHi\r\n";
        assert_eq!(
            parse_message(raw, None).unwrap().from,
            "\"Jo \\\"The Boss\\\" Smith\" <boss@example.com>"
        );
    }

    #[test]
    fn a_display_name_is_kept_on_one_line() {
        assert_eq!(
            fitted_display_name("Eve\r\nBcc: x@evil.example"),
            "Eve Bcc: x@evil.example"
        );
        assert_eq!(
            fitted_display_name(" Dana\t\u{7}Reyes\u{85} "),
            "Dana Reyes"
        );
        assert_eq!(fitted_display_name("\r\n"), "");
        assert_eq!(one_line("Where is my\nparcel"), "Where is my parcel");
    }

    #[test]
    fn a_subject_is_one_line_that_keeps_its_other_control_characters() {
        assert_eq!(
            subject_line("Hi\r\n Bcc: y@evil.example"),
            "Hi Bcc: y@evil.example"
        );
        assert_eq!(subject_line("a\u{2028}b\u{85}c\u{0b}d"), "a b c d");
        // An escape sequence stays, to be shown escaped where it is drawn.
        assert_eq!(
            subject_line("Refund \u{1b}]0;owned\u{7}"),
            "Refund \u{1b}]0;owned\u{7}"
        );
        assert_eq!(subject_line("  Two  spaces\ttab "), "Two  spaces\ttab");
        assert_eq!(subject_line("\r\n"), "");
    }

    #[test]
    fn every_nul_in_an_email_becomes_the_replacement_character() {
        let email = InboundEmail {
            from: "Dana\u{0} <dana@example.com>".into(),
            reply_to: Some("Jo\u{0} <jo@example.com>".into()),
            to: "help@example.com".into(),
            subject: "a\u{0}b".into(),
            text: "one\u{0}two\u{0}".into(),
            message_id: "<m\u{0}@x>".into(),
            in_reply_to: Some("<r\u{0}@x>".into()),
            references: vec!["<s\u{0}@x>".into()],
            attachments: vec![crate::api::InboundAttachment {
                name: "f\u{0}.pdf".into(),
                content_type: "application/pdf\u{0}".into(),
                size: 1,
            }],
            auto_reply: false,
            read_receipt: false,
            bounce: Some(crate::api::InboundBounce {
                diagnostic: Some("550\u{0}".into()),
                ..Default::default()
            }),
        };
        let clean = without_nul(email.clone());
        assert_eq!(clean.subject, "a\u{FFFD}b");
        assert_eq!(clean.text, "one\u{FFFD}two\u{FFFD}");
        assert_eq!(clean.from, "Dana\u{FFFD} <dana@example.com>");
        let value = serde_json::to_value(&clean).unwrap();
        assert!(
            crate::domain::validate::nul_problems(&value).is_empty(),
            "{value}"
        );
        let replaced = serde_json::to_string(&value)
            .unwrap()
            .matches('\u{FFFD}')
            .count();
        assert_eq!(replaced, 11);

        let plain = InboundEmail {
            subject: "Refund".into(),
            ..clean.clone()
        };
        assert_eq!(without_nul(plain.clone()), plain);
    }

    #[test]
    fn thread_ids_take_in_reply_to_then_the_nearest_references() {
        let ids = thread_ids(Some("<c@x>"), &["<a@x> <b@x>\r\n <c@x>".to_string()]);
        assert_eq!(ids, ["c@x", "b@x", "a@x"]);
        assert_eq!(thread_ids(None, &["bare@x".into()]), ["bare@x"]);
        let many: Vec<String> = (0..50).map(|i| format!("<{i}@x>")).collect();
        let ids = thread_ids(None, &[many.join(" ")]);
        assert_eq!(ids.len(), MAX_THREAD_IDS);
        assert_eq!(ids[0], "49@x");
        assert_eq!(local_part("<msg_1a2b@acme.example>"), "msg_1a2b");
        assert_eq!(local_part("plain"), "plain");
    }

    #[test]
    fn a_reply_names_the_ids_a_mail_client_can_know() {
        let ids: Vec<String> = [
            "<first@mail.example.com>",
            "<abc123@sha256.deskctl.invalid>",
            "<two words@x>",
            "<bad\r\nBcc: eve@x>",
            "bare@x",
            "<>",
            "<second@mail.example.com>",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            reply_references(&ids),
            ["<first@mail.example.com>", "<second@mail.example.com>"]
        );
        let many: Vec<String> = (0..30).map(|i| format!("<{i}@x>")).collect();
        let kept = reply_references(&many);
        assert_eq!(kept.len(), MAX_THREAD_IDS);
        assert_eq!(kept.last().unwrap(), "<29@x>");
        assert!(reply_references(&[]).is_empty());
    }

    #[test]
    fn every_leading_reply_prefix_is_stripped() {
        assert_eq!(without_reply_prefix("Re: Invoice"), "Invoice");
        assert_eq!(without_reply_prefix("RE:Invoice"), "Invoice");
        assert_eq!(without_reply_prefix("Aw: Rechnung"), "Rechnung");
        assert_eq!(without_reply_prefix("AW: Rechnung"), "Rechnung");
        assert_eq!(without_reply_prefix("Re: Re: Invoice"), "Invoice");
        assert_eq!(without_reply_prefix("Re:Re:RE: Invoice C"), "Invoice C");
        assert_eq!(without_reply_prefix("Re: AW: Sv: Antw: Invoice"), "Invoice");
        assert_eq!(without_reply_prefix("Re[2]: Invoice"), "Invoice");
        assert_eq!(without_reply_prefix("Re [3]: x"), "Re [3]: x");
        assert_eq!(without_reply_prefix("Re : Facture"), "Facture");
        assert_eq!(without_reply_prefix("Re[x]: Invoice"), "Re[x]: Invoice");
        assert_eq!(without_reply_prefix("Re[]: Invoice"), "Re[]: Invoice");
        assert_eq!(without_reply_prefix("Re: Fwd: Invoice"), "Fwd: Invoice");
        assert_eq!(without_reply_prefix("Fwd: Re: Invoice"), "Fwd: Re: Invoice");
        assert_eq!(without_reply_prefix("Re: "), "");
        assert_eq!(without_reply_prefix("Refund"), "Refund");
        assert_eq!(
            without_reply_prefix("Regarding: Refund"),
            "Regarding: Refund"
        );
        assert_eq!(without_reply_prefix("Re"), "Re");
        assert_eq!(without_reply_prefix("Invoice Re: x"), "Invoice Re: x");
        assert_eq!(without_reply_prefix("ré"), "ré");
        assert_eq!(without_reply_prefix("Ré: x"), "Ré: x");
        assert_eq!(without_reply_prefix(""), "");
    }

    #[test]
    fn quoted_history_and_signatures_are_trimmed() {
        let gmail = "Thanks, that fixed it.\r\n\r\nOn Tue, 2 Dec 2026 at 10:00, Bob Jones \
                     <bob@acme.example> wrote:\r\n> On its way.\r\n> \r\n> -- \r\n> Bob\r\n";
        assert_eq!(trim_reply(gmail), "Thanks, that fixed it.");
        let wrapped = "Still broken.\n\nOn Tue, 2 Dec 2026 at 10:00, Bob Jones\n<bob@acme.example> wrote:\n> Try again\n";
        assert_eq!(trim_reply(wrapped), "Still broken.");
        let german = "Geht wieder.\n\nAm Di., 2. Dez. 2026 um 10:00 Uhr schrieb Bob Jones <\n\
                      bob@acme.example>:\n> Bitte neu starten\n";
        assert_eq!(trim_reply(german), "Geht wieder.");
        let thunderbird = "Danke!\n\nAm 02.12.26 um 10:00 schrieb Bob:\n> Erledigt\n";
        assert_eq!(trim_reply(thunderbird), "Danke!");
        // A German sentence that happens to start so is the customer's text.
        let sentence = "Am Montag schrieb ich Ihnen schon.\nBitte antworten Sie.\n";
        assert_eq!(trim_reply(sentence), sentence.trim_end());
        let signed = "See attached.\n-- \nDana Smith\nACME Corp\n";
        assert_eq!(trim_reply(signed), "See attached.");
        let phone = "Yes please\n\nSent from my iPhone\n\n> earlier\n";
        assert_eq!(trim_reply(phone), "Yes please");
        let outlook = "Refund please.\n\n-----Original Message-----\nFrom: Support\nSubject: x\n";
        assert_eq!(trim_reply(outlook), "Refund please.");
        let headers = "Ok.\n\nFrom: Bob <bob@acme.example>\nSent: Tuesday\nTo: Dana\n\nold text";
        assert_eq!(trim_reply(headers), "Ok.");
        let inline = "> Which order?\nNumber 99.\n> And the date?\nMonday.\n> thanks\n";
        assert_eq!(
            trim_reply(inline),
            "> Which order?\nNumber 99.\n> And the date?\nMonday."
        );
        // Only the delimiter with its space starts a signature; a bare `--`
        // or `__` is text, and what follows it is kept.
        let steps = "1. open the box\r\n--\r\n2. press the red button\r\n__\r\n3. wait\r\n";
        assert_eq!(
            trim_reply(steps),
            "1. open the box\n--\n2. press the red button\n__\n3. wait"
        );
        assert_eq!(trim_reply("Done.\r\n-- \r\nDana\r\n"), "Done.");
        assert_eq!(trim_reply("Done.\nGet Outlook for iOS\n"), "Done.");
        let underscores = format!("Done.\n{}\nFrom: Support\n", "_".repeat(32));
        assert_eq!(trim_reply(&underscores), "Done.");
        // Only quotes: kept whole rather than lost.
        assert_eq!(trim_reply("> just a quote\n"), "> just a quote");
        // "On" starting an ordinary sentence is not a quote header.
        assert_eq!(
            trim_reply("On Monday it broke again.\nPlease help."),
            "On Monday it broke again.\nPlease help."
        );
    }

    fn ticket(status: TicketStatus) -> Ticket {
        Ticket {
            number: 10001,
            subject: "Parcel".into(),
            status,
            priority: Priority::Medium,
            requester: Requester {
                name: Some("Dana".into()),
                email: Some("Dana@Example.com".into()),
                external_id: None,
                phone: None,
            },
            assignee: None,
            team: None,
            agent: None,
            channel: Channel::Email,
            environment: Environment::Production,
            fields: BTreeMap::new(),
            context: BTreeMap::new(),
            ai_paused: false,
            handoff: None,
            created_at: Timestamp::UNIX_EPOCH,
            last_activity_at: Timestamp::UNIX_EPOCH,
        }
    }

    #[test]
    fn the_requester_reopens_a_resolved_ticket() {
        let (change, entries, joined) = join(
            &ticket(TicketStatus::Resolved),
            &Snapshot::empty(),
            "dana@example.com",
            Some("Dana"),
            "Still broken",
            None,
            Timestamp::UNIX_EPOCH,
        );
        assert_eq!(joined, Joined::Reopened);
        assert!(joined.in_customers_thread());
        assert_eq!(change.status, Some(TicketStatus::Open));
        assert_eq!(entries[0].event.as_deref(), Some("reopened"));
        assert_eq!(entries[1].kind, TimelineKind::Message);
        assert_eq!(entries[1].body.as_deref(), Some("Still broken"));
        assert_eq!(entries[1].channel, Some(Channel::Email));
    }

    #[test]
    fn a_ticket_reopened_by_its_requester_leaves_an_assignee_since_removed() {
        let resolved = Ticket {
            assignee: Some("carol".into()),
            ..ticket(TicketStatus::Resolved)
        };
        let (change, entries, _) = join(
            &resolved,
            &Snapshot::empty(),
            "dana@example.com",
            None,
            "Still broken",
            None,
            Timestamp::UNIX_EPOCH,
        );
        assert_eq!(change.assignee, Some(None));
        let events: Vec<_> = entries.iter().map(|e| e.event.as_deref()).collect();
        assert_eq!(events, [Some("reopened"), Some("unassigned"), None]);
        assert_eq!(
            entries[1].body.as_deref(),
            Some("Unassigned from carol: the operator was removed")
        );
        // One still there keeps it.
        let mut workspace = Snapshot::empty();
        workspace.operators.push(
            serde_json::from_value(serde_json::json!({
                "handle": "carol", "name": "Carol", "email": "carol@example.com",
                "role": "operator", "availability": "online", "teams": [],
                "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"
            }))
            .unwrap(),
        );
        let (change, entries, _) = join(
            &resolved,
            &workspace,
            "dana@example.com",
            None,
            "Still broken",
            None,
            Timestamp::UNIX_EPOCH,
        );
        assert_eq!(change.assignee, None);
        assert_eq!(entries.len(), 2);
    }

    #[test]
    fn the_requester_moves_a_pending_ticket_back_to_open_and_leaves_an_open_one() {
        let (change, entries, joined) = join(
            &ticket(TicketStatus::Pending),
            &Snapshot::empty(),
            "dana@example.com",
            None,
            "Here it is",
            None,
            Timestamp::UNIX_EPOCH,
        );
        assert_eq!(joined, Joined::Appended);
        assert_eq!(change.status, Some(TicketStatus::Open));
        assert_eq!(entries[0].author.as_deref(), Some("dana@example.com"));
        let (change, entries, _) = join(
            &ticket(TicketStatus::Open),
            &Snapshot::empty(),
            "dana@example.com",
            None,
            "More",
            None,
            Timestamp::UNIX_EPOCH,
        );
        assert_eq!(change.status, None);
        assert_eq!(entries.len(), 1);
    }

    #[test]
    fn a_stranger_is_held_as_a_note_and_reopens_nothing() {
        let (change, entries, joined) = join(
            &ticket(TicketStatus::Resolved),
            &Snapshot::empty(),
            "mallory@example.net",
            Some("Mallory"),
            "Me too",
            None,
            Timestamp::UNIX_EPOCH,
        );
        assert_eq!(joined, Joined::HeldAsNote);
        assert!(
            !joined.in_customers_thread(),
            "its id is not named to the customer"
        );
        assert_eq!(change.status, None);
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].kind, TimelineKind::Note);
        let body = entries[0].body.as_deref().unwrap();
        assert!(body.contains("Mallory <mallory@example.net>"), "{body}");
        assert!(body.ends_with("Me too"), "{body}");
    }

    #[test]
    fn automatic_replies_are_told_by_their_headers() {
        for automatic in [
            ("Auto-Submitted", " auto-replied\r\n"),
            (
                "auto-submitted",
                "auto-generated; owner-email=\"a@example.com\"",
            ),
            ("Precedence", "bulk"),
            ("Precedence", " auto_reply"),
            ("PRECEDENCE", "Junk"),
            ("X-Autoreply", "yes"),
            ("X-Autorespond", "Out of office"),
        ] {
            assert!(is_auto_reply([automatic]), "{automatic:?}");
        }
        for by_hand in [
            ("Auto-Submitted", " no\r\n"),
            ("Auto-Submitted", "No; x=1"),
            ("Auto-Submitted", ""),
            ("Precedence", "list"),
            ("X-Autoreply", "no"),
            ("Subject", "Auto-Submitted: auto-replied"),
        ] {
            assert!(!is_auto_reply([by_hand]), "{by_hand:?}");
        }
        let raw = b"From: dana@example.com\r\nAuto-Submitted: auto-replied\r\n\r\nAway.\r\n";
        assert!(parse_message(raw, None).unwrap().auto_reply);
        assert!(
            !parse_message(MULTIPART.as_bytes(), None)
                .unwrap()
                .auto_reply
        );
    }

    #[test]
    fn an_automatic_reply_is_a_note_and_changes_no_status() {
        for status in [
            TicketStatus::Resolved,
            TicketStatus::Pending,
            TicketStatus::Open,
        ] {
            let (change, entries, joined) = join(
                &ticket(status),
                &Snapshot::empty(),
                "dana@example.com",
                Some("Dana"),
                "I am out of the office.",
                Some(Automatic::Reply),
                Timestamp::UNIX_EPOCH,
            );
            assert_eq!(joined, Joined::AutoReply);
            assert!(!joined.in_customers_thread());
            assert_eq!(change.status, None, "{status}");
            assert_eq!(entries.len(), 1);
            assert_eq!(entries[0].kind, TimelineKind::Note);
            let body = entries[0].body.as_deref().unwrap();
            assert!(
                body.starts_with("Email from Dana <dana@example.com>, an automatic reply"),
                "{body}"
            );
            assert!(body.ends_with("I am out of the office."), "{body}");
        }
    }

    const MULTIPART: &str = "From: \"Dana Smith\" <dana@example.com>\r\n\
To: Help <help@example.com>\r\n\
Cc: boss@example.com\r\n\
Subject: =?UTF-8?Q?Invoice_99_is_wr=C3=B6ng?=\r\n\
Message-ID: <m1@mail.example.com>\r\n\
In-Reply-To: <msg_abc@acme.example>\r\n\
References: <m0@mail.example.com>\r\n <msg_abc@acme.example>\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=\"b1\"\r\n\
\r\n\
--b1\r\n\
Content-Type: text/plain; charset=utf-8\r\n\
\r\n\
The total is off.\r\n\
--b1\r\n\
Content-Type: application/pdf; name=\"invoice.pdf\"\r\n\
Content-Disposition: attachment; filename=\"invoice.pdf\"\r\n\
Content-Transfer-Encoding: base64\r\n\
\r\n\
JVBERi0xLjQK\r\n\
--b1--\r\n";

    #[test]
    fn a_multipart_message_parses_with_its_threading_headers_and_attachments() {
        let email = parse_message(MULTIPART.as_bytes(), None).unwrap();
        assert_eq!(email.from, "\"Dana Smith\" <dana@example.com>");
        assert_eq!(email.to, "help@example.com, boss@example.com");
        assert_eq!(email.subject, "Invoice 99 is wröng");
        assert_eq!(email.text.trim(), "The total is off.");
        assert_eq!(email.message_id, "<m1@mail.example.com>");
        assert_eq!(email.in_reply_to.as_deref(), Some("<msg_abc@acme.example>"));
        assert_eq!(
            email.references,
            ["<m0@mail.example.com>", "<msg_abc@acme.example>"]
        );
        assert_eq!(email.attachments.len(), 1);
        assert_eq!(email.attachments[0].name, "invoice.pdf");
        assert_eq!(email.attachments[0].content_type, "application/pdf");
        assert_eq!(email.attachments[0].size, 9, "the decoded size");
        let enveloped = parse_message(MULTIPART.as_bytes(), Some(" help@example.com ")).unwrap();
        assert_eq!(enveloped.to, "help@example.com");
    }

    #[test]
    fn an_html_mail_with_a_blank_plain_alternative_is_read_from_its_html() {
        let raw = "From: Hal <hal@example.com>\r\nMIME-Version: 1.0\r\n\
                   Content-Type: multipart/alternative; boundary=\"X\"\r\n\r\n\
                   --X\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n \r\n\r\n\
                   --X\r\nContent-Type: text/html; charset=utf-8\r\n\r\n\
                   <p>My order 7 never arrived</p>\r\n--X--\r\n";
        let email = parse_message(raw.as_bytes(), None).unwrap();
        assert_eq!(email.text.trim(), "My order 7 never arrived");
        // A plain alternative with text is taken as it is.
        let plain = raw.replace("\r\n \r\n", "\r\nOrder 7 is late\r\n");
        let email = parse_message(plain.as_bytes(), None).unwrap();
        assert_eq!(email.text.trim(), "Order 7 is late");
    }

    #[test]
    fn the_text_after_an_inline_image_is_kept() {
        // Apple Mail writes a plain mail with a picture in its middle so.
        let raw = "From: Dana <dana@example.com>\r\nMIME-Version: 1.0\r\n\
                   Content-Type: multipart/mixed; boundary=\"X\"\r\n\r\n\
                   --X\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\
                   The box came like this:\r\n\r\n\
                   --X\r\nContent-Type: image/jpeg; name=\"box.jpg\"\r\n\
                   Content-Disposition: inline; filename=\"box.jpg\"\r\n\
                   Content-Transfer-Encoding: base64\r\n\r\n/9j/4AAQ\r\n\
                   --X\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\
                   \r\nI want a refund for order 7.\r\n--X--\r\n";
        let email = parse_message(raw.as_bytes(), None).unwrap();
        assert_eq!(
            email.text,
            "The box came like this:\n\nI want a refund for order 7."
        );
        assert_eq!(email.attachments.len(), 1);
        assert_eq!(email.attachments[0].name, "box.jpg");
    }

    #[test]
    fn html_is_read_with_its_blocks_on_lines_of_their_own() {
        // Gmail's HTML: a line per `<div>`, `<div><br></div>` an empty one.
        assert_eq!(
            html_text(
                "<div dir=\"ltr\"><div>Hello team,</div><div><br></div>\n\
                 <div>my order 7 is late.</div></div>"
            ),
            "Hello team,\n\nmy order 7 is late."
        );
        assert_eq!(
            html_text(
                "<html><head><style>div { color: red }</style></head><body>\
                 <p>Items:</p><ul><li>one</li><li>two</li></ul>\
                 <table><tr><td>Order</td><td>7</td></tr><tr><th>Total</th><td>9</td></tr></table>\
                 <h1>Title</h1>after<br>next &amp; last</body></html>"
            ),
            "Items:\n\none\ntwo\nOrder 7\nTotal 9\nTitle\nafter\nnext & last"
        );
        assert_eq!(html_text("<b>Hello</b> <i>you</i>"), "Hello you");
        assert_eq!(html_text("a\u{FDD0}b"), "a\u{FFFD}b");
        // An HTML-only reply from Gmail: its quote starts a line, and is cut.
        let reply = html_text(
            "<div dir=\"ltr\">Still not here.</div><br><div class=\"gmail_quote\">\
             <div dir=\"ltr\" class=\"gmail_attr\">On Mon, 7 Dec 2026 at 10:00, Bob \
             &lt;bob@acme.example&gt; wrote:<br></div><blockquote class=\"gmail_quote\">\
             <div>It is on its way.</div></blockquote></div>",
        );
        assert_eq!(trim_reply(&reply), "Still not here.");
        let raw = "From: Hana <hana@example.com>\r\nContent-Type: text/html; charset=utf-8\r\n\r\n\
                   <div>Hello team,</div><div>my order 7 is late.</div>\r\n";
        let email = parse_message(raw.as_bytes(), None).unwrap();
        assert_eq!(email.text, "Hello team,\nmy order 7 is late.");
    }

    #[test]
    fn a_reply_to_of_one_answerable_mailbox_is_taken() {
        let reply_to = |header: &str| {
            let raw = format!(
                "From: Shop Form <noreply@shop.example>\r\n{header}To: help@example.com\r\n\r\nHi\r\n"
            );
            parse_message(raw.as_bytes(), None).unwrap().reply_to
        };
        assert_eq!(
            reply_to("Reply-To: Jane Roe <jane@example.org>\r\n").as_deref(),
            Some("\"Jane Roe\" <jane@example.org>")
        );
        assert_eq!(
            reply_to("Reply-To: \"John Doe\"@cust.test\r\n").as_deref(),
            Some("\"John Doe\"@cust.test")
        );
        for odd in [
            "",
            "Reply-To: a@example.org, b@example.org\r\n",
            "Reply-To: j\u{fc}rgen@example.org\r\n",
            "Reply-To: not an address\r\n",
            "Reply-To: undisclosed-recipients:;\r\n",
        ] {
            assert_eq!(reply_to(odd), None, "{odd}");
        }
    }

    #[test]
    fn overlong_ids_and_attachment_names_are_fitted_not_refused() {
        let long = "x".repeat(MAX_MESSAGE_ID_CHARS);
        let references: Vec<String> = (0..MAX_REFERENCES + 20)
            .map(|i| format!("<r{i}@x>"))
            .collect();
        let raw = format!(
            "From: dana@example.com\r\nMessage-ID: <{long}@x>\r\nIn-Reply-To: <{long}@y>\r\n\
             References: {} <{long}@z>\r\nMIME-Version: 1.0\r\n\
             Content-Type: multipart/mixed; boundary=\"X\"\r\n\r\n\
             --X\r\nContent-Type: text/plain\r\n\r\nHi\r\n\
             --X\r\nContent-Type: application/pdf\r\n\
             Content-Disposition: attachment; filename=\"{}.pdf\"\r\n\r\nPDF\r\n--X--\r\n",
            references.join(" "),
            "n".repeat(300),
        );
        let email = parse_message(raw.as_bytes(), None).unwrap();
        assert!(
            email.message_id.ends_with("@sha256.deskctl.invalid>"),
            "{}",
            email.message_id
        );
        assert_eq!(email.in_reply_to, None);
        assert_eq!(email.references, references[20..].to_vec());
        let name = &email.attachments[0].name;
        assert_eq!(name.chars().count(), MAX_ATTACHMENT_TEXT_CHARS);
        assert!(name.ends_with("n…"), "{name}");
    }

    #[test]
    fn legacy_cjk_charsets_are_decoded() {
        let japanese = "注文した商品がまだ届きません。";
        for (charset, body, text) in [
            (
                "ISO-2022-JP",
                "GyRCQ21KOCQ3JD8+JklKJCwkXiRARk8kLSReJDskcyEjGyhC",
                japanese,
            ),
            (
                "Shift_JIS",
                "ko2VtoK1gr2PpJVpgqqC3IK+k82Cq4LcgrmC8YFC",
                japanese,
            ),
            (
                "EUC-JP",
                "w+3KuKS3pL++psnKpKyk3qTAxs+kraTepLuk86Gj",
                japanese,
            ),
            (
                "EUC-KR",
                "wda5rsfRILvzx7DAzCC+xsH3ILW1wvjHz8H2IL7KvtK9wLTPtNku",
                "주문한 상품이 아직 도착하지 않았습니다.",
            ),
            ("GB2312", "ztK1xLaptaW7ucO709C1vaGj", "我的订单还没有到。"),
            ("Big5", "p9qquq1xs+bB2ahTprOo7KFD", "我的訂單還沒有到。"),
        ] {
            let raw = format!(
                "From: dana@example.com\r\nSubject: =?{charset}?B?{body}?=\r\n\
                 MIME-Version: 1.0\r\nContent-Type: text/plain; charset={charset}\r\n\
                 Content-Transfer-Encoding: base64\r\n\r\n{body}\r\n"
            );
            let email = parse_message(raw.as_bytes(), None).unwrap();
            assert_eq!(email.text, text, "{charset}");
            assert_eq!(email.subject, text, "{charset}");
        }
    }

    #[test]
    fn malformed_mail_is_refused_with_its_reason() {
        assert_eq!(parse_message(b"", None), Err(Malformed::Empty));
        assert_eq!(parse_message(b" \r\n", None), Err(Malformed::Empty));
        assert_eq!(
            parse_message(b"To: help@example.com\r\nSubject: x\r\n\r\nhi", None),
            Err(Malformed::NoFrom)
        );
        assert_eq!(
            parse_message(b"just some words, no header at all", None),
            Err(Malformed::NoFrom)
        );
        let big = vec![b'a'; MAX_MESSAGE_BYTES + 1];
        assert_eq!(parse_message(&big, None), Err(Malformed::TooLarge));
        assert_eq!(
            Malformed::TooLarge.to_string(),
            "the message is more than 26214400 bytes, the most the support inbox takes"
        );
    }

    #[test]
    fn long_mail_is_cut_to_fit_with_a_marker() {
        let mut raw = format!(
            "From: dana@example.com\r\nSubject: Re: {} [#10009]\r\n\
             Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n\
             --b\r\nContent-Type: text/plain\r\n\r\n{}\r\n",
            "long ".repeat(100),
            "x".repeat(MAX_TEXT_CHARS + 10)
        );
        for i in 0..MAX_ATTACHMENTS + 5 {
            raw.push_str(&format!(
                "--b\r\nContent-Type: text/csv\r\nContent-Disposition: attachment; \
                 filename=\"f{i}.csv\"\r\n\r\nabc\r\n"
            ));
        }
        raw.push_str("--b--\r\n");
        let email = parse_message(raw.as_bytes(), None).unwrap();
        assert_eq!(email.subject.chars().count(), MAX_SUBJECT_CHARS);
        assert!(
            email.subject.starts_with("Re: long long"),
            "{}",
            email.subject
        );
        assert!(email.subject.ends_with(" l… [#10009]"), "{}", email.subject);
        assert_eq!(subject_token(&email.subject), Some(10009));
        assert_eq!(
            email.text.chars().count(),
            MAX_TEXT_CHARS,
            "one line: cut inside it"
        );
        assert!(email.text.starts_with("xxx"));
        assert!(
            email.text.ends_with(&format!(
                "xxx\n\n[The email's text was cut here: it was {} characters, and the support \
                 inbox keeps 100000.]",
                MAX_TEXT_CHARS + 10
            )),
            "{}",
            &email.text[email.text.len() - 200..]
        );
        assert_eq!(email.attachments.len(), MAX_ATTACHMENTS);
        assert_eq!(email.attachments[98].name, "f98.csv");
        let rest = &email.attachments[99];
        assert_eq!(rest.name, "6 more attachments, not listed");
        assert_eq!(rest.size, 18);

        // Within the limits, nothing changes; a token kept by the cut is not repeated.
        assert_eq!(fitted_subject("Invoice [#1]"), "Invoice [#1]");
        let early = format!("[#10001] {}", "y".repeat(400));
        let fitted = fitted_subject(&early);
        assert_eq!(fitted.chars().count(), MAX_SUBJECT_CHARS);
        assert!(fitted.ends_with("y…"), "{fitted}");
        assert_eq!(fitted_text("short".into()), "short");
        let lines = fitted_text("a line\r\n".repeat(20_000));
        assert!(lines.chars().count() <= MAX_TEXT_CHARS);
        assert!(
            lines.contains("a line\n\n[The email's text was cut here"),
            "cut at a line's end"
        );
    }

    #[test]
    fn a_quoted_local_part_is_the_senders_address() {
        for (from, address) in [
            ("\"John Doe\"@cust.test", "\"John Doe\"@cust.test"),
            (
                "\"John \\\"JD\\\" Doe\"@cust.test",
                "\"John \\\"JD\\\" Doe\"@cust.test",
            ),
            ("\"John\"@cust.test (Johnny)", "\"John\"@cust.test"),
            (
                "Johnny <\"John Doe\"@cust.test>",
                "\"Johnny\" <\"John Doe\"@cust.test>",
            ),
        ] {
            let raw = format!("From: {from}\r\n\r\nhi\r\n");
            assert_eq!(
                parse_message(raw.as_bytes(), None).unwrap().from,
                address,
                "{from}"
            );
        }
    }

    #[test]
    fn only_an_ascii_sender_can_be_answered() {
        for answerable in [
            "dana@example.com",
            "\"John Doe\"@cust.test",
            "j@xn--exmple-cua.com",
        ] {
            assert_eq!(unanswerable_sender(answerable), None, "{answerable}");
        }
        for (address, other) in [
            ("j\u{fc}rgen@example.com", '\u{fc}'),
            ("juergen@ex\u{e4}mple.com", '\u{e4}'),
            ("\"J\u{fc}rgen\"@example.com", '\u{fc}'),
        ] {
            let why = unanswerable_sender(address).expect(address);
            assert!(
                why.starts_with(&format!("'{address}' is an address")),
                "{why}"
            );
            assert!(why.ends_with(&format!("holds '{other}'")), "{why}");
        }
    }

    #[test]
    fn a_message_without_an_id_gets_one_from_its_bytes() {
        let raw = b"From: dana@example.com\r\nTo: help@example.com\r\n\r\nhi\r\n";
        let first = parse_message(raw, None).unwrap();
        assert!(first.message_id.ends_with("@sha256.deskctl.invalid>"));
        assert_eq!(
            parse_message(raw, None).unwrap().message_id,
            first.message_id
        );
        assert_eq!(first.from, "dana@example.com");
    }
}
