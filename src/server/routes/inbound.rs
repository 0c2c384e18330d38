//! `/v1/inbound/email`: the support inbox. Email to its address opens a ticket
//! handled by people, with no AI involved, or joins the ticket it answers.

use super::{ApiRoutes, Created, routes};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use jiff::Timestamp;

use super::handoffs::{Loaded, assignment_entry};
use crate::api::{
    AuthorKind, Channel, Environment, FieldError, InboundEmail, InboundOutcome, InboundResult,
    Problem, Requester, Role, RuleFacts, TimelineKind,
};
use crate::domain::mail::{
    self, Joined, MAX_ATTACHMENT_TEXT_CHARS, MAX_ATTACHMENTS, MAX_MESSAGE_ID_CHARS, MAX_REFERENCES,
    MAX_SUBJECT_CHARS, MAX_TEXT_CHARS,
};
use crate::domain::tickets::{NewEntry, NewTicket};
use crate::domain::validate::check_customer_email;
use crate::domain::{handoff, rules};
use crate::server::AppState;
use crate::server::auth::Principal;
use crate::server::error::{ApiError, ApiResult};
use crate::server::json::MailJson;
use crate::server::store::{Store, StoreError};

pub fn add(routes: ApiRoutes) -> ApiRoutes {
    routes.with(routes!(receive))
}

/// `Name <address>` or `address` → (name, address).
fn parse_mailbox(text: &str) -> (Option<String>, String) {
    let text = text.trim();
    match (text.rfind('<'), text.rfind('>')) {
        (Some(open), Some(close)) if open < close => {
            let name = display_name(text[..open].trim());
            let name = name.trim();
            (
                (!name.is_empty()).then(|| name.to_string()),
                text[open + 1..close].trim().to_string(),
            )
        }
        _ => (None, text.to_string()),
    }
}

/// The display name written before `<address>`: a quoted string (RFC 5322)
/// unquoted, each `\x` read as `x`, so `"Jo \"The Boss\" Smith"` is the
/// name `Jo "The Boss" Smith` as its owner wrote it; other text as it is,
/// less quotes around it.
fn display_name(written: &str) -> String {
    let Some(quoted) = written
        .strip_prefix('"')
        .and_then(|rest| rest.strip_suffix('"'))
    else {
        return written.trim_matches('"').to_string();
    };
    let mut name = String::with_capacity(quoted.len());
    let mut chars = quoted.chars();
    while let Some(c) = chars.next() {
        // A lone backslash at the end (a name that ended in one) stays.
        name.push(match c {
            '\\' => chars.next().unwrap_or('\\'),
            c => c,
        });
    }
    name
}

/// Why `text` is not one mailbox: a list (`a <a@x>, b <b@x>`), a second
/// `<address>`, or text after the address. A comma or bracket in a quoted
/// display name (`"Diaz, Carol" <carol@x>`) is part of the name.
fn not_one_mailbox(text: &str) -> Option<&'static str> {
    // A quote left open cannot hide a second address: read again without
    // quotes (a display name ending in `\` leaves its quote open so).
    scan_mailbox(text, true)
        .unwrap_or_else(|| scan_mailbox(text, false).expect("without quotes, nothing is left open"))
}

/// [`not_one_mailbox`], reading quoted strings as RFC 5322 does when
/// `quotes`; `None` when a quote is left open.
fn scan_mailbox(text: &str, quotes: bool) -> Option<Option<&'static str>> {
    let (mut quoted, mut escaped, mut opened, mut closed) = (false, false, false, false);
    for c in text.trim().chars() {
        if escaped {
            escaped = false;
            continue;
        }
        let why = match c {
            '\\' if quoted => {
                escaped = true;
                None
            }
            '"' if quotes => {
                quoted = !quoted;
                None
            }
            _ if quoted => None,
            ',' | ';' => Some("must be one address, not a list"),
            _ if closed && !c.is_whitespace() => {
                Some("must be one address: nothing may follow its `<address>`")
            }
            '<' if opened => Some("must be one address: only one `<address>`"),
            '<' => {
                opened = true;
                None
            }
            '>' if opened => {
                closed = true;
                None
            }
            _ => None,
        };
        if why.is_some() {
            return Some(why);
        }
    }
    (!quoted).then_some(None)
}

/// The message id the support inbox records an email under: `<id>`, so the
/// same id sent bare, bracketed or padded is one message (and matches the
/// form the SMTP intake gives it).
fn recorded_message_id(id: &str) -> Option<String> {
    let bare = mail::bare_id(id);
    (!bare.is_empty()).then(|| format!("<{bare}>"))
}

/// Whether `to` (one mailbox, or a comma-separated list) names `address`,
/// or a sub-address of it ([`mail::is_support_address`]).
fn addressed_to(to: &str, address: &str) -> bool {
    let (_, whole) = parse_mailbox(to);
    mail::is_support_address(&whole, address)
        || to
            .split(',')
            .any(|part| mail::is_support_address(&parse_mailbox(part).1, address))
}

/// The text an inbound email adds: trimmed of quoted history and signature
/// when it answers a ticket.
fn new_text(email: &InboundEmail, reply: bool) -> String {
    if reply {
        mail::trim_reply(&email.text)
    } else {
        email.text.trim().to_string()
    }
}

/// The body an inbound email adds: its [`new_text`], and its attachments listed.
fn message_body(email: &InboundEmail, mut body: String) -> String {
    if !email.attachments.is_empty() {
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        body.push_str("Attachments:");
        for attachment in &email.attachments {
            body.push_str(&format!(
                "\n- {} ({}, {} bytes)",
                attachment.name, attachment.content_type, attachment.size
            ));
        }
    }
    body
}

/// Email to the support inbox: a reply joins the ticket it answers (by its
/// `In-Reply-To`/`References`, then by the `[#N]` subject token); anything
/// else opens a ticket handled by people. A message id seen before creates
/// nothing and answers with its ticket (200). While the support inbox is
/// off it is refused (409 `support_inbox_disabled`) and nothing is stored.
#[utoipa::path(post, path = "/v1/inbound/email", tag = "inbound", request_body = InboundEmail,
    responses((status = 201, body = InboundResult,
            headers(("Location" = String, description = "The ticket the message opened: `/v1/tickets/{number}`"))),
        (status = 200, body = InboundResult),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn receive(
    State(state): State<AppState>,
    principal: Principal,
    MailJson(email): MailJson<InboundEmail>,
) -> ApiResult<axum::response::Response> {
    match &principal {
        Principal::Ingest { .. } => {}
        other => other.require(Role::Manager)?,
    }
    let result = intake(&state.store, email).await?;
    Ok(match (result.outcome, result.ticket) {
        (InboundOutcome::Created, Some(number)) => Created {
            location: format!("/v1/tickets/{number}"),
            body: result,
        }
        .into_response(),
        _ => Json(result).into_response(),
    })
}

/// The support inbox's one pipeline: the HTTP route, `deskctl inbox receive`
/// (through the route) and the SMTP listener all come here.
pub async fn intake(store: &Store, email: InboundEmail) -> ApiResult<InboundResult> {
    let mut email = mail::without_nul(email);
    email.subject = mail::subject_line(&email.subject);
    let loaded = Loaded::load(store, "").await?;
    let inbox = &loaded.assignment.support_inbox;
    let address = match (&inbox.address, inbox.enabled) {
        (Some(address), true) => address.clone(),
        _ => {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                crate::api::SUPPORT_INBOX_DISABLED,
                "the support inbox is off: turn it on in the assignment settings (their \
                 `support-inbox`, with an `address`)",
            ));
        }
    };
    // A reply: by the messages it references, then by the subject's token.
    let mut thread = store
        .find_email_thread(&mail::email_thread_ids(&email))
        .await?;
    if thread.is_none()
        && let Some(number) = mail::subject_token(&email.subject)
    {
        thread = match store.get_ticket(number).await {
            Ok(_) => Some(number),
            Err(StoreError::NotFound { .. }) => None,
            Err(other) => return Err(other.into()),
        };
    }
    // The limit is on what the ticket keeps: a short answer atop a long
    // quoted thread is short.
    let text = new_text(&email, thread.is_some());

    let (from_name, sender) = parse_mailbox(&email.from);
    let mut errors = Vec::new();
    for (field, mailbox) in [
        ("from", Some(&email.from)),
        ("reply-to", email.reply_to.as_ref()),
    ] {
        // A bounce's sender is a mail system, never answered (a local one
        // writes `MAILER-DAEMON` with no domain).
        let Some(mailbox) = mailbox.filter(|_| email.bounce.is_none()) else {
            continue;
        };
        let (_, address) = parse_mailbox(mailbox);
        if let Some(message) = not_one_mailbox(mailbox) {
            errors.push(FieldError::new(field, message));
        } else if let Err(message) = check_customer_email(&address) {
            errors.push(FieldError::new(field, message));
        } else if let Some(message) = mail::unanswerable_sender(&address) {
            errors.push(FieldError::new(field, message));
        }
    }
    // The requester is whom answers go to: the Reply-To (a contact form's
    // customer) when it names another address than From, and not the
    // support inbox's own, which would have the desk write to itself.
    let (name, from) = match email.reply_to.as_deref().map(parse_mailbox) {
        Some((name, answer))
            if !answer.eq_ignore_ascii_case(&sender) && !answer.eq_ignore_ascii_case(&address) =>
        {
            (name, answer)
        }
        _ => (from_name, sender.clone()),
    };
    let opened = match from == sender {
        true => format!("Email to the support inbox {address}"),
        false => format!(
            "Email to the support inbox {address} from {sender}, answered at its Reply-To {from}"
        ),
    };
    // Kept on one line: the name goes into the `To:` of every reply.
    let name = name
        .map(|name| mail::fitted_display_name(&name))
        .filter(|name| !name.is_empty());
    if !addressed_to(&email.to, &address) {
        errors.push(FieldError::new(
            "to",
            format!("'{}' is not the support inbox's address", email.to.trim()),
        ));
    }
    let message_id = recorded_message_id(&email.message_id);
    if message_id.is_none() {
        errors.push(FieldError::new("message-id", "must not be empty"));
    }
    if email.subject.chars().count() > MAX_SUBJECT_CHARS {
        errors.push(FieldError::new(
            "subject",
            format!("must be at most {MAX_SUBJECT_CHARS} characters"),
        ));
    }
    if text.chars().count() > MAX_TEXT_CHARS {
        errors.push(FieldError::new(
            "text",
            format!("must be at most {MAX_TEXT_CHARS} characters"),
        ));
    }
    if email.attachments.len() > MAX_ATTACHMENTS {
        errors.push(FieldError::new(
            "attachments",
            format!("must be at most {MAX_ATTACHMENTS}"),
        ));
    }
    let too_long = |text: &String, most: usize| text.chars().count() > most;
    if email.attachments.iter().any(|a| {
        too_long(&a.name, MAX_ATTACHMENT_TEXT_CHARS)
            || too_long(&a.content_type, MAX_ATTACHMENT_TEXT_CHARS)
    }) {
        errors.push(FieldError::new(
            "attachments",
            format!(
                "each name and content-type must be at most {MAX_ATTACHMENT_TEXT_CHARS} characters"
            ),
        ));
    }
    let id_problem =
        format!("must be at most {MAX_MESSAGE_ID_CHARS} characters, as a mail header holds");
    if too_long(&email.message_id, MAX_MESSAGE_ID_CHARS) {
        errors.push(FieldError::new("message-id", id_problem.clone()));
    }
    if email
        .in_reply_to
        .as_ref()
        .is_some_and(|id| too_long(id, MAX_MESSAGE_ID_CHARS))
    {
        errors.push(FieldError::new("in-reply-to", id_problem.clone()));
    }
    if email.references.len() > MAX_REFERENCES {
        errors.push(FieldError::new(
            "references",
            format!("must be at most {MAX_REFERENCES} message ids, the nearest ancestors"),
        ));
    } else if email
        .references
        .iter()
        .any(|id| too_long(id, MAX_MESSAGE_ID_CHARS))
    {
        errors.push(FieldError::new(
            "references",
            format!("each id {id_problem}"),
        ));
    }
    if let Some(bounce) = &email.bounce {
        let parts = [
            &bounce.message_id,
            &bounce.recipient,
            &bounce.action,
            &bounce.status,
            &bounce.diagnostic,
        ];
        if parts
            .into_iter()
            .flatten()
            .any(|text| too_long(text, MAX_MESSAGE_ID_CHARS))
        {
            errors.push(FieldError::new("bounce", format!("each part {id_problem}")));
        }
    }
    let Some(message_id) = message_id.filter(|_| errors.is_empty()) else {
        return Err(ApiError::validation(errors));
    };
    // Some mailers reuse a Message-ID: the store keeps another message under
    // an id seen before under an id made from this digest of its content,
    // and only the same message sent again is a duplicate.
    let digest = mail::content_digest(&sender, &email);
    let at = Timestamp::now();

    let thread = match mail::intake(&email, thread) {
        mail::Intake::Drop => {
            return Ok(InboundResult {
                ticket: None,
                created: false,
                outcome: InboundOutcome::Dropped,
            });
        }
        mail::Intake::RecordBounce(number) => {
            let bounce = email.bounce.as_ref().expect("a bounce to record");
            return record_bounce(store, bounce, &sender, &message_id, &digest, number, at).await;
        }
        mail::Intake::Join(number) => Some(number),
        mail::Intake::Open => None,
    };
    let body = message_body(&email, text);

    if let Some(number) = thread {
        let automatic = mail::Automatic::of(&email);
        // How the email joined the ticket, told by the change that joined it.
        let joined = std::sync::Arc::new(std::sync::OnceLock::new());
        let joining = std::sync::Arc::clone(&joined);
        let workspace = store.workspace().await?;
        let (number, added) = store
            .record_inbound_reply(&message_id, &digest, number, move |ticket| {
                let (change, entries, outcome) = mail::join(
                    ticket,
                    &workspace,
                    &from,
                    name.as_deref(),
                    &body,
                    automatic,
                    at,
                );
                let _ = joining.set(outcome);
                Ok(((change, entries, Vec::new()), outcome.in_customers_thread()))
            })
            .await?;
        let outcome = match joined.get().copied() {
            Some(Joined::Appended) if added => InboundOutcome::Appended,
            Some(Joined::Reopened) if added => InboundOutcome::Reopened,
            Some(Joined::HeldAsNote) if added => InboundOutcome::HeldAsNote,
            Some(Joined::AutoReply) if added => InboundOutcome::AutoReply,
            _ => InboundOutcome::Duplicate,
        };
        return Ok(InboundResult {
            ticket: Some(number),
            created: false,
            outcome,
        });
    }

    let facts = RuleFacts {
        channel: Some(Channel::Email),
        environment: Some(Environment::Production),
        requester_email: Some(from.clone()),
        ..RuleFacts::default()
    };
    let priority = rules::decide_priority(loaded.rules(), &facts, None);
    let team = rules::decide_team(loaded.rules(), &facts, loaded.default_team());
    let method = loaded.assignment.method;
    let subject = match email.subject.trim() {
        "" => format!("Email from {from}"),
        subject => subject.to_string(),
    };
    let requester = Requester {
        name: name.clone(),
        email: Some(from.clone()),
        external_id: None,
        phone: None,
    };
    let team_key = team.value.clone();
    let (number, created) = store
        .record_inbound_email(&message_id, &digest, team_key.as_deref(), move |state| {
            let assignee = handoff::assign(
                method,
                team.value.as_deref(),
                &state.candidates,
                state.last_assigned.as_deref(),
            );
            let mut timeline = vec![
                NewEntry::system("created", opened, at),
                NewEntry {
                    kind: TimelineKind::Message,
                    author_kind: AuthorKind::Customer,
                    author: name.clone().or_else(|| Some(from.clone())),
                    event: None,
                    body: Some(body),
                    channel: Some(Channel::Email),
                    at,
                    dated_by_sender: false,
                },
            ];
            timeline.push(assignment_entry(&assignee, at));
            NewTicket {
                subject,
                priority: priority.value,
                requester,
                assignee: assignee.value,
                team: team.value.clone(),
                agent: None,
                channel: Channel::Email,
                environment: Environment::Production,
                fields: Default::default(),
                context: Default::default(),
                handoff: None,
                created_at: at,
                timeline,
            }
        })
        .await?;
    Ok(InboundResult {
        ticket: Some(number),
        created,
        outcome: if created {
            InboundOutcome::Created
        } else {
            InboundOutcome::Duplicate
        },
    })
}

/// Records `bounce`, a report from `reporter` of the desk's email on ticket
/// `number`, there ([`mail::bounced`]): it moves nothing.
async fn record_bounce(
    store: &Store,
    bounce: &crate::api::InboundBounce,
    reporter: &str,
    message_id: &str,
    digest: &str,
    number: u64,
    at: Timestamp,
) -> ApiResult<InboundResult> {
    let entry = mail::bounced(bounce, reporter, at);
    let (number, added) = store
        .record_inbound_reply(message_id, digest, number, move |_| {
            Ok(((Default::default(), vec![entry], Vec::new()), false))
        })
        .await?;
    Ok(InboundResult {
        ticket: Some(number),
        created: false,
        outcome: match added {
            true => InboundOutcome::Bounce,
            false => InboundOutcome::Duplicate,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::{not_one_mailbox, parse_mailbox, recorded_message_id};

    #[test]
    fn one_mailbox_is_taken_and_a_list_is_not() {
        for one in [
            "carol@example.com",
            "Carol Diaz <carol@example.com>",
            "\"Diaz, Carol\" <carol@example.com>",
            "\"Carol <CJ> Diaz\" <carol@example.com>",
            "\"Carol \\\"CJ\\\" Diaz\" <carol@example.com>",
            // Built by the SMTP intake from a name ending in a backslash.
            "\"Carol\\\" <carol@example.com>",
        ] {
            assert_eq!(not_one_mailbox(one), None, "{one}");
        }
        for many in [
            "Zed <zed@example.com>, Eve <eve@example.com>",
            "zed@example.com, eve@example.com",
            "zed@example.com;eve@example.com",
            "Zed <zed@example.com> Eve <eve@example.com>",
            "<zed@example.com> <eve@example.com>",
            "Zed <zed@example.com <eve@example.com>>",
            // An open quote does not hide the second address.
            "\"Zed <zed@example.com>, Eve <eve@example.com>",
        ] {
            assert!(not_one_mailbox(many).is_some(), "{many}");
        }
    }

    #[test]
    fn message_ids_are_recorded_bracketed_however_they_came() {
        for id in ["<a1@x>", "a1@x", "  < a1@x >  "] {
            assert_eq!(recorded_message_id(id).as_deref(), Some("<a1@x>"), "{id}");
        }
        assert_eq!(recorded_message_id(" <> "), None);
        assert_eq!(recorded_message_id(""), None);
    }

    #[test]
    fn mailboxes_split_into_name_and_address() {
        assert_eq!(
            parse_mailbox("\"Carol Diaz\" <carol@example.com>"),
            (Some("Carol Diaz".into()), "carol@example.com".into())
        );
        assert_eq!(
            parse_mailbox("\"Jo \\\"The Boss\\\" Smith\" <boss@example.com>"),
            (
                Some("Jo \"The Boss\" Smith".into()),
                "boss@example.com".into()
            )
        );
        assert_eq!(
            parse_mailbox("\"C:\\\\temp\\\" <carol@example.com>")
                .0
                .as_deref(),
            Some("C:\\temp\\"),
            "an escaped backslash, and a lone one left at the end"
        );
        assert_eq!(
            parse_mailbox(" carol@example.com "),
            (None, "carol@example.com".into())
        );
        assert_eq!(
            parse_mailbox("<carol@example.com>"),
            (None, "carol@example.com".into())
        );
    }
}
