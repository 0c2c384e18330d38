//! The handoff pipeline (design §3): what happens when an AI agent hands a
//! conversation over to people, and why.
//!
//! Everything here is pure: the caller loads the workspace ([`Workspace`]) and the
//! decided team's operators ([`Candidate`]s), passes the instant `at`, and stores
//! whatever comes back. A real handoff and a dry-run preview run exactly this code,
//! so they decide alike.
//!
//! The caller's sequence:
//!
//! 1. [`validate_request`]: the request's own shape (every problem at once).
//! 2. [`plan`]: steps 1–5 and 7–8 and the outcome (step 9) against the workspace.
//!    An `Err` is a [`Rejection`]: nothing may be stored.
//! 3. Load the candidates of [`Plan::candidates_from`] and the team's
//!    round-robin position, then [`Plan::decide`] (steps 6 and 7): the full
//!    [`HandoffDecision`] — also for a preview, which reports whom it *would*
//!    assign (the caller simply does not record the assignment).
//!
//! # Rejections ([`validate_request`], status and `code`)
//!
//! - 422 `requester_missing` (`requester`): no requester, or one with no name,
//!   email or external id (blank text counts as none).
//! - 422 `invalid_requester_email` (`requester.email`): an email that is not an
//!   address ([`check_customer_email`], the support inbox's rule for senders).
//! - 422 `invalid_requester_phone` (`requester.phone`): see [`phone_problem`].
//! - 422 `field_too_long` (`requester.name`, `requester.email`,
//!   `requester.external-id`, `requester.phone`, `reason`, `summary`,
//!   `context.<key>`): text longer than its limit in [`TEXT_LIMITS`] (context:
//!   [`MAX_CONTEXT_KEY_CHARS`] for a key, [`MAX_CONTEXT_TEXT_CHARS`] for a
//!   string value).
//!
//! The caller validates the request [`normalize_request`] made: the
//! requester's texts and the reason trimmed, a blank one left out.
//! - 422 `transcript_empty` (`transcript`): no messages.
//! - 413 `transcript_too_large` (`transcript`): more than
//!   [`MAX_TRANSCRIPT_MESSAGES`] messages; (`transcript[i].text`): a message longer
//!   than [`MAX_MESSAGE_CHARS`] characters (Unicode scalar values).
//! - 422 `invalid_transcript` (`transcript[i].text`): a message whose text is empty
//!   or only white space. `i` counts from 0.
//! - 422 `invalid_transcript` (`transcript[i].at`): a message dated more than
//!   [`MAX_CLOCK_SKEW`] after the instant the handoff is received, or before a
//!   message ahead of it (see [`message_time_problems`]).
//! - 413 `context_too_large` (`context`): more than [`MAX_CONTEXT_KEYS`] keys.
//! - 422 `invalid_context_value` (`context.<key>`): a value that is `null`, an array
//!   or an object.
//!
//! Per-message and per-key problems are reported one by one up to
//! [`MAX_REPORTED_PER_CODE`] of each code; beyond that one more rejection of the same
//! code (field `transcript` or `context`) says how many more there are.
//!
//! # Rejections ([`plan`], step 1)
//!
//! - 422 `agent_not_found` (`agent`): the workspace has no such agent.
//! - 422 `handover_not_configured` (`agent`): the agent has no handover action.
//! - 422 `handover_disabled` (`agent`): its handover action is switched off.
//! - 422 `channel_not_allowed` (`channel`): the action is not offered on the
//!   request's channel; the message lists the channels it is offered on.
//!
//! # The decision
//!
//! - **Context keys** (step 2): a key that breaks the convention
//!   ([`rules::is_context_key`]) is listed in `invalid_context_keys` with a warning
//!   and is never used — neither for fields nor in the facts rules test. When the
//!   key, lowercased with `_` and spaces turned into dashes, is a ticket field's key,
//!   the warning suggests it.
//! - **Fields** (step 3): a ticket field whose key *exactly* equals a valid context
//!   key takes the value converted to the field's type (see [`convert`]). A value
//!   that does not convert is listed in `field_mismatches` with a warning and not
//!   applied. Valid keys without a field are `unmatched_context_keys`. So every valid
//!   key lands in exactly one of `fields`, `field_mismatches` and
//!   `unmatched_context_keys`. All lists are sorted by key.
//! - **Email** (beside step 3): an inbox handoff on the `email` channel whose
//!   requester has no email address is warned about: a reply goes by email
//!   there, so none can reach the customer.
//! - **Priority and team** (steps 4–5): [`rules::decide_priority`] and
//!   [`rules::decide_team`] on facts made of the channel, the agent's key, the
//!   environment, the reason as given, the requester's email and the valid context
//!   keys whose values are strings, numbers or booleans. No team at all (no rule
//!   matched, no default team) is a warning.
//! - **Assignee** (step 6): see [`assign`]. A ticket for an external platform
//!   gets no Desk operator (the platform assigns its own agents), and no warning
//!   for it: no Desk ticket is made, so no rotation or load of Desk's moves.
//! - **What the customer sees** (step 7, completed by [`Plan::decide`]):
//!   [`button::availability`], which `actions status` shares — the auto-reply
//!   (with a warning) when business hours are closed at `at`, or, for an inbox
//!   ticket, when the routed team has no members or nobody in it is online and
//!   under capacity, or the ticket has no team; the waiting label otherwise. A
//!   ticket for an external platform goes to that platform's team, which Desk
//!   cannot see: Desk's own operators do not count, only business hours.
//!   `customer_sees.reason` says which applied.
//! - **Summary** (step 8): see [`summarize`]; the request's own `summary`, when not
//!   blank, replaces it. **Subject**: see [`subject`].
//! - **Outcome** (step 9): see [`outcome`].
//!
//! Warnings come in step order: invalid context keys, field mismatches, unusable
//! context values, no team, no email address to reply to, and (from [`Plan::decide`]) nobody available and nobody
//! assigned in an inbox team that has a method to assign by.
//!
//! [`plan`] does not repeat [`validate_request`], but it is total: given a request
//! that validation would refuse, it still decides without panicking (a `null`, array
//! or object value is never used: a mismatch when a field has its key, otherwise
//! unmatched, with a warning).

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde_json::{Number, Value};

use super::assignment::{self, Candidate, TeamState};
use super::button;
use super::hours::{self, Schedule};
use super::platform;
use super::reply;
use super::rules;
use crate::api::{
    Agent, AssigneeDecision, AssignmentMethod, AssignmentSettings, Availability, ContextValue,
    CustomerView, Decided, Environment, FieldMismatch, FieldType, FieldValue, HandoffDecision,
    HandoffOutcome, HandoffRequest, HandoffSettings, MessageRole, Priority, Requester, Rule,
    RuleFacts, TicketField, TranscriptMessage,
};
use crate::domain::suggest::did_you_mean_question;
use crate::domain::validate::{MAX_EMAIL_LEN, check_customer_email};

/// Everything about the workspace the pipeline reads, loaded by the caller.
#[derive(Debug, Clone, Copy)]
pub struct Workspace<'a> {
    /// `None`: the request named an unknown agent.
    pub agent: Option<&'a Agent>,
    /// Every agent's key: the nearest is suggested for an unknown one.
    pub agent_keys: &'a [String],
    pub fields: &'a [TicketField],
    /// Both kinds, any order.
    pub rules: &'a [Rule],
    pub default_team: Option<&'a str>,
    pub assignment: &'a AssignmentSettings,
    pub handoff: &'a HandoffSettings,
    pub schedule: &'a Schedule,
}

/// Why a handoff is refused: nothing may be stored for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    /// The HTTP status: 422, or 413 for the size limits.
    pub status: u16,
    /// The problem's machine-readable `code`, one of the constants of this module.
    pub code: &'static str,
    /// The request field at fault, e.g. `requester.email`, `transcript[3].text`,
    /// `context.order-id`.
    pub field: String,
    pub message: String,
}

impl Rejection {
    pub(crate) fn new(
        status: u16,
        code: &'static str,
        field: impl Into<String>,
        message: String,
    ) -> Self {
        Self {
            status,
            code,
            field: field.into(),
            message,
        }
    }
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({}): {}", self.code, self.field, self.message)
    }
}

/// The status to answer a list of rejections with: 413 when any of them is about
/// size (the client must send less, whatever else it fixes), else 422.
pub fn status_of(rejections: &[Rejection]) -> u16 {
    if rejections.iter().any(|r| r.status == 413) {
        413
    } else {
        422
    }
}

/// The most messages a handoff's transcript may hold.
pub const MAX_TRANSCRIPT_MESSAGES: usize = 1000;
/// The longest transcript message, in characters (Unicode scalar values).
pub const MAX_MESSAGE_CHARS: usize = 20_000;
/// The most keys a handoff's context object may hold.
pub const MAX_CONTEXT_KEYS: usize = 200;
/// How many per-message or per-key rejections of one code are reported one by one;
/// the rest are counted in one more rejection.
pub const MAX_REPORTED_PER_CODE: usize = 10;

/// The longest quoted customer message in a summary, ellipsis included.
pub const SUMMARY_QUOTE_CHARS: usize = 140;
/// The longest subject, ellipsis included.
pub const SUBJECT_CHARS: usize = 80;

/// How far after the desk's clock a message's own time (`at`) may be: the
/// sender's clock may run a little ahead. A message dated within it is
/// stored at the moment the desk received it ([`message_time`]).
pub const MAX_CLOCK_SKEW: jiff::SignedDuration = jiff::SignedDuration::from_mins(5);

/// A text field longer than its limit (see [`TEXT_LIMITS`]).
pub const FIELD_TOO_LONG: &str = "field_too_long";
/// The longest requester name and external id, in characters.
pub const MAX_REQUESTER_NAME_CHARS: usize = 200;
pub const MAX_EXTERNAL_ID_CHARS: usize = 200;
/// The longest phone number, in characters: E.164's 15 digits with room for
/// the spaces, brackets and extension people write.
pub const MAX_PHONE_CHARS: usize = 32;
/// The longest reason and summary, in characters.
pub const MAX_REASON_CHARS: usize = 1000;
pub const MAX_SUMMARY_CHARS: usize = 4000;
/// The longest text of each free-text field of a handoff, in characters.
pub const TEXT_LIMITS: &[(&str, usize)] = &[
    ("requester.name", MAX_REQUESTER_NAME_CHARS),
    ("requester.email", MAX_EMAIL_LEN),
    ("requester.external-id", MAX_EXTERNAL_ID_CHARS),
    ("requester.phone", MAX_PHONE_CHARS),
    ("reason", MAX_REASON_CHARS),
    ("summary", MAX_SUMMARY_CHARS),
];
/// The longest context key, and the longest context string, in characters.
pub const MAX_CONTEXT_KEY_CHARS: usize = 100;
/// How much of a context key over [`MAX_CONTEXT_KEY_CHARS`] its refusal repeats.
const ECHOED_KEY_CHARS: usize = 40;
pub const MAX_CONTEXT_TEXT_CHARS: usize = 4000;

/// No requester, or one with no name, email or external id.
pub const REQUESTER_MISSING: &str = "requester_missing";
/// The requester's email is not an address.
pub const INVALID_REQUESTER_EMAIL: &str = "invalid_requester_email";
/// The requester's phone is not a phone number.
pub const INVALID_REQUESTER_PHONE: &str = "invalid_requester_phone";
/// The transcript has no messages.
pub const TRANSCRIPT_EMPTY: &str = "transcript_empty";
/// Too many messages, or a message too long.
pub const TRANSCRIPT_TOO_LARGE: &str = "transcript_too_large";
/// A message with empty text.
pub const INVALID_TRANSCRIPT: &str = "invalid_transcript";
/// A context value that is not a string, number or boolean.
pub const INVALID_CONTEXT_VALUE: &str = "invalid_context_value";
/// Too many context keys.
pub const CONTEXT_TOO_LARGE: &str = "context_too_large";
/// The workspace has no agent with the request's key.
pub const AGENT_NOT_FOUND: &str = "agent_not_found";
/// The agent has no handover action.
pub const HANDOVER_NOT_CONFIGURED: &str = "handover_not_configured";
/// The agent's handover action is disabled.
pub const HANDOVER_DISABLED: &str = "handover_disabled";
/// The handover action is not offered on the request's channel.
pub const CHANNEL_NOT_ALLOWED: &str = "channel_not_allowed";

// --- validation ----------------------------------------------------------------

/// Checks the request's own shape (no workspace needed), received at `at`,
/// reporting every problem, not just the first (see the module documentation
/// for the codes).
pub fn validate_request(request: &HandoffRequest, at: Timestamp) -> Result<(), Vec<Rejection>> {
    let mut problems = Vec::new();

    match &request.requester {
        None => problems.push(Rejection::new(
            422,
            REQUESTER_MISSING,
            "requester",
            "the handoff names no requester: set requester.name, requester.email or \
             requester.external-id"
                .into(),
        )),
        Some(requester) => {
            if who(requester).is_none() {
                problems.push(Rejection::new(
                    422,
                    REQUESTER_MISSING,
                    "requester",
                    "the requester has no name, email or external id: set at least one".into(),
                ));
            }
            if let Some(email) = &requester.email
                && let Err(message) = check_customer_email(email)
            {
                problems.push(Rejection::new(
                    422,
                    INVALID_REQUESTER_EMAIL,
                    "requester.email",
                    message,
                ));
            }
            if let Some(message) = requester.phone.as_deref().and_then(phone_problem) {
                problems.push(Rejection::new(
                    422,
                    INVALID_REQUESTER_PHONE,
                    "requester.phone",
                    message,
                ));
            }
        }
    }

    let requester = request.requester.as_ref();
    let texts = [
        requester.and_then(|r| r.name.as_deref()),
        requester.and_then(|r| r.email.as_deref()),
        requester.and_then(|r| r.external_id.as_deref()),
        requester.and_then(|r| r.phone.as_deref()),
        request.reason.as_deref(),
        request.summary.as_deref(),
    ];
    for ((field, limit), text) in TEXT_LIMITS.iter().zip(texts) {
        if let Some(text) = text
            && text.chars().count() > *limit
        {
            problems.push(Rejection::new(
                422,
                FIELD_TOO_LONG,
                *field,
                format!(
                    "{field} has {} characters; at most {limit} are accepted",
                    text.chars().count()
                ),
            ));
        }
    }
    let mut long_context = Capped::new(422, FIELD_TOO_LONG, "context", "keys");
    for (key, value) in &request.context {
        if key.chars().count() > MAX_CONTEXT_KEY_CHARS {
            // The field stays `context`: a path holding the whole key would
            // repeat what is too long. The message names its start.
            let start: String = key.chars().take(ECHOED_KEY_CHARS).collect();
            long_context.push(
                "context".to_string(),
                format!(
                    "the context key '{start}…' has {} characters; at most \
                     {MAX_CONTEXT_KEY_CHARS} are accepted",
                    key.chars().count()
                ),
            );
        } else if value
            .as_str()
            .is_some_and(|text| text.chars().count() > MAX_CONTEXT_TEXT_CHARS)
        {
            long_context.push(
                format!("context.{key}"),
                format!("context.{key} is longer than {MAX_CONTEXT_TEXT_CHARS} characters"),
            );
        }
    }
    long_context.finish(&mut problems);

    let transcript = &request.transcript;
    if transcript.is_empty() {
        problems.push(Rejection::new(
            422,
            TRANSCRIPT_EMPTY,
            "transcript",
            "the transcript has no messages: send the conversation so far, oldest first".into(),
        ));
    }
    if transcript.len() > MAX_TRANSCRIPT_MESSAGES {
        problems.push(Rejection::new(
            413,
            TRANSCRIPT_TOO_LARGE,
            "transcript",
            format!(
                "the transcript has {} messages; at most {MAX_TRANSCRIPT_MESSAGES} are accepted",
                transcript.len()
            ),
        ));
    }
    problems.extend(too_long_messages(
        transcript,
        "transcript",
        "the transcript",
    ));
    let mut empty = Capped::new(422, INVALID_TRANSCRIPT, "transcript", "messages");
    for (i, message) in transcript.iter().enumerate() {
        if message.text.trim().is_empty() {
            empty.push(
                format!("transcript[{i}].text"),
                format!("message {i} of the transcript has no text"),
            );
        }
    }
    empty.finish(&mut problems);
    let mut misdated = Capped::new(422, INVALID_TRANSCRIPT, "transcript", "messages");
    for (i, message) in message_time_problems(transcript, at) {
        misdated.push(format!("transcript[{i}].at"), message);
    }
    misdated.finish(&mut problems);

    if request.context.len() > MAX_CONTEXT_KEYS {
        problems.push(Rejection::new(
            413,
            CONTEXT_TOO_LARGE,
            "context",
            format!(
                "the context has {} keys; at most {MAX_CONTEXT_KEYS} are accepted",
                request.context.len()
            ),
        ));
    }
    let mut bad_values = Capped::new(422, INVALID_CONTEXT_VALUE, "context", "context values");
    for (key, value) in &request.context {
        if let Some(kind) = non_scalar(value) {
            bad_values.push(
                format!("context.{key}"),
                format!(
                    "the value of context key '{key}' is {kind}: context values are strings, \
                     numbers or booleans"
                ),
            );
        }
    }
    bad_values.finish(&mut problems);

    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// The messages of `messages` longer than [`MAX_MESSAGE_CHARS`], each a 413
/// `transcript_too_large` naming `{list}[i].text` (the first
/// [`MAX_REPORTED_PER_CODE`]; the rest counted in one more, field `list`):
/// one answer for a message too long, whether a handoff's transcript
/// (`list` `transcript`) or an append (`messages`) holds it. `whole` names
/// what holds them in the message, e.g. "the transcript". A blank message is
/// refused for having no text, whatever its length, so not here.
pub fn too_long_messages(
    messages: &[TranscriptMessage],
    list: &'static str,
    whole: &str,
) -> Vec<Rejection> {
    let mut too_long = Capped::new(413, TRANSCRIPT_TOO_LARGE, list, "messages");
    for (i, message) in messages.iter().enumerate() {
        // Bytes first: no text of fewer bytes can have more characters.
        if message.text.len() <= MAX_MESSAGE_CHARS || message.text.trim().is_empty() {
            continue;
        }
        let chars = message.text.chars().count();
        if chars > MAX_MESSAGE_CHARS {
            too_long.push(
                format!("{list}[{i}].text"),
                format!(
                    "message {i} of {whole} has {chars} characters; \
                     at most {MAX_MESSAGE_CHARS} are accepted"
                ),
            );
        }
    }
    let mut problems = Vec::new();
    too_long.finish(&mut problems);
    problems
}

/// What is wrong with the times (`at`) of `messages`, received at `at`, by
/// message index: a time more than [`MAX_CLOCK_SKEW`] ahead of the desk's
/// clock, or one earlier than a message before it (messages come oldest
/// first). Messages without a time are not compared.
pub fn message_time_problems(
    messages: &[TranscriptMessage],
    at: Timestamp,
) -> Vec<(usize, String)> {
    let latest = at.saturating_add(MAX_CLOCK_SKEW).unwrap_or(at);
    let mut problems = Vec::new();
    let mut previous: Option<(usize, Timestamp)> = None;
    for (i, message) in messages.iter().enumerate() {
        let Some(sent) = message.at else { continue };
        if sent > latest {
            problems.push((
                i,
                format!(
                    "message {i} is dated {sent}, in the future: the desk's clock says {}, \
                     and a message may be dated at most {} minutes ahead of it",
                    crate::api::instant::Micros(at),
                    MAX_CLOCK_SKEW.as_mins()
                ),
            ));
        } else if let Some((before, earlier)) = previous.filter(|(_, earlier)| sent < *earlier) {
            problems.push((
                i,
                format!(
                    "message {i} is dated {sent}, before message {before} ({earlier}): \
                     messages come oldest first"
                ),
            ));
        }
        if sent <= latest && previous.is_none_or(|(_, earlier)| sent >= earlier) {
            previous = Some((i, sent));
        }
    }
    problems
}

/// The time a message is recorded at, received at `at`: its own when it has
/// one, but never after `at`, so nothing recorded later is dated by a clock
/// that runs ahead of the desk's.
pub fn message_time(sent: Option<Timestamp>, at: Timestamp) -> Timestamp {
    sent.map_or(at, |sent| sent.min(at))
}

/// The request as the pipeline takes it: the requester's name, email,
/// external id and phone, and the reason, without the white space around
/// them, and each that is blank left out, so `"dana@example.com "` is Dana's
/// address and `""` no address at all. Every step then reads one reason:
/// `"explicit-request\n"` matches a rule's `reason=explicit-request` as it
/// alerts the owners and reads in the summary. The name is one line
/// ([`super::mail::one_line`]: a tab, line break or other control character a
/// space, runs of them one), as every table shows it and as `--requester`
/// is typed; the external id stays as sent, since the platform looks its
/// customer's tickets up by it.
pub fn normalize_request(mut request: HandoffRequest) -> HandoffRequest {
    if let Some(name) = request.requester.as_mut().and_then(|r| r.name.as_mut()) {
        *name = super::mail::one_line(name);
    }
    let requester = request.requester.as_mut();
    let texts = requester.into_iter().flat_map(|requester| {
        [
            &mut requester.name,
            &mut requester.email,
            &mut requester.external_id,
            &mut requester.phone,
        ]
    });
    for text in texts.chain([&mut request.reason]) {
        *text = text
            .take()
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty());
    }
    request
}

/// What is wrong with a phone number, if anything. Platforms write numbers
/// every way (`+15550100`, `+1 (555) 010-0100 ext. 7`, `1-800-FLOWERS`), so
/// the rule is liberal: a digit at least, and only digits, letters, spaces
/// and `+ - ( ) . / # * , ;`.
pub fn phone_problem(phone: &str) -> Option<String> {
    let allowed = |c: char| c.is_ascii_alphanumeric() || PHONE_PUNCTUATION.contains(c);
    if let Some(bad) = phone.chars().find(|c| !allowed(*c)) {
        return Some(format!(
            "a phone number holds digits, letters, spaces and + - ( ) . / # * , ; only, \
             not {bad:?}"
        ));
    }
    if !phone.chars().any(|c| c.is_ascii_digit()) {
        return Some("a phone number needs at least one digit".into());
    }
    None
}

/// The phone number a search for a requester may be: `text` as a handoff's
/// phone is taken (trimmed, and plausible by [`phone_problem`]); `None` when
/// it cannot be one (`dana@example.com`, `Dana`). The stores then compare
/// it with each ticket's phone with the punctuation and spaces
/// [`phone_problem`] allows left out and ASCII letters in lower case, so
/// `+49 151 1234-5678` finds `+4915112345678`.
pub fn phone_query(text: &str) -> Option<&str> {
    let text = text.trim();
    (!text.is_empty() && phone_problem(text).is_none()).then_some(text)
}

/// The punctuation and spaces a phone number may hold besides digits and
/// letters, which a search for it leaves out ([`phone_query`]).
pub const PHONE_PUNCTUATION: &str = " +-()./#*,;";

/// Collects rejections of one code, reporting at most [`MAX_REPORTED_PER_CODE`]
/// one by one and counting the rest.
struct Capped {
    status: u16,
    code: &'static str,
    field: &'static str,
    what: &'static str,
    reported: Vec<Rejection>,
    more: usize,
}

impl Capped {
    fn new(status: u16, code: &'static str, field: &'static str, what: &'static str) -> Self {
        Self {
            status,
            code,
            field,
            what,
            reported: Vec::new(),
            more: 0,
        }
    }

    fn push(&mut self, field: String, message: String) {
        if self.reported.len() < MAX_REPORTED_PER_CODE {
            self.reported
                .push(Rejection::new(self.status, self.code, field, message));
        } else {
            self.more += 1;
        }
    }

    fn finish(self, problems: &mut Vec<Rejection>) {
        problems.extend(self.reported);
        if self.more > 0 {
            problems.push(Rejection::new(
                self.status,
                self.code,
                self.field,
                format!(
                    "{} more {} have the same problem ({}); only the first \
                     {MAX_REPORTED_PER_CODE} are listed",
                    self.more, self.what, self.code
                ),
            ));
        }
    }
}

/// What a JSON value is when it is not a string, number or boolean.
fn non_scalar(value: &Value) -> Option<&'static str> {
    match value {
        Value::Null => Some("null"),
        Value::Array(_) => Some("an array"),
        Value::Object(_) => Some("an object"),
        Value::String(_) | Value::Number(_) | Value::Bool(_) => None,
    }
}

/// The value as rules see it; `None` when it is not a string, number or boolean.
fn context_value(value: &Value) -> Option<ContextValue> {
    match value {
        Value::String(text) => Some(ContextValue::Text(text.clone())),
        Value::Number(number) => Some(ContextValue::Number(number.clone())),
        Value::Bool(flag) => Some(ContextValue::Flag(*flag)),
        _ => None,
    }
}

// --- the plan --------------------------------------------------------------------

/// Steps 1–5 and 7–8 of the pipeline and its outcome: everything but the assignee.
/// Complete it with [`Plan::decide`].
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    decision: HandoffDecision,
    /// Step 7 so far: whether business hours are open at the handoff's instant.
    hours_open: bool,
    waiting_label: String,
    auto_reply: String,
}

impl Plan {
    /// The team the ticket goes to (the caller loads that team's candidates).
    pub fn team(&self) -> Option<&str> {
        self.decision.team.value.as_deref()
    }

    pub fn outcome(&self) -> HandoffOutcome {
        self.decision.outcome
    }

    /// The workspace's assignment method.
    pub fn method(&self) -> AssignmentMethod {
        self.decision.assignee.method
    }

    /// Whether Desk assigns one of its operators: only to a ticket in its own
    /// inbox. A ticket for an external platform is that platform's to assign.
    fn assigns_in_desk(&self) -> bool {
        self.decision.platform == platform::INBOX
    }

    /// The team whose members (and round-robin position) the caller loads for
    /// [`Plan::decide`]: the decided team, or none for an external platform,
    /// since Desk's operators play no part there.
    pub fn candidates_from(&self) -> Option<&str> {
        if self.assigns_in_desk() {
            self.team()
        } else {
            None
        }
    }

    /// Steps 6 and 7 from the state of [`Plan::candidates_from`]'s team: the
    /// full decision.
    pub fn decide(self, team: &TeamState) -> HandoffDecision {
        let assignee = self.assign(&team.candidates, team.last_assigned.as_deref());
        self.finish(assignee, &team.candidates)
    }

    /// [`assign`] with this plan's method and team; nobody, with the reason, for
    /// an external platform.
    fn assign(&self, candidates: &[Candidate], last_assigned: Option<&str>) -> AssigneeDecision {
        if !self.assigns_in_desk() {
            return AssigneeDecision {
                value: None,
                method: self.method(),
                reason: format!(
                    "the ticket goes to {}, which assigns its own agents: Desk's operators \
                     are not assigned",
                    self.decision.platform
                ),
            };
        }
        assign(self.method(), self.team(), candidates, last_assigned)
    }

    /// Completes the decision with the assignee (step 6) and what the customer sees
    /// (step 7), from the decided team's `candidates` (the same ones [`assign`] got).
    ///
    /// Nobody available is a warning; so is nobody assigned although the ticket has
    /// a team in Desk's inbox and the method is not manual (the assignee's reason
    /// says why).
    fn finish(self, assignee: AssigneeDecision, candidates: &[Candidate]) -> HandoffDecision {
        let assigns_in_desk = self.assigns_in_desk();
        let mut decision = self.decision;
        let answerers = button::answerers(
            &decision.platform,
            decision.team.value.as_deref(),
            candidates,
        );
        let (available, reason) = button::availability(self.hours_open, &answerers);
        decision.customer_sees = if available {
            CustomerView {
                kind: button::WAITING_LABEL.into(),
                text: self.waiting_label,
                reason,
            }
        } else {
            decision.warnings.push(format!(
                "nobody is available ({reason}): the customer sees the auto-reply"
            ));
            CustomerView {
                kind: button::AUTO_REPLY.into(),
                text: self.auto_reply,
                reason,
            }
        };
        if assigns_in_desk
            && assignee.value.is_none()
            && assignee.method != AssignmentMethod::Manual
            && decision.team.value.is_some()
        {
            decision
                .warnings
                .push(format!("nobody is assigned: {}", assignee.reason));
        }
        decision.assignee = assignee;
        decision
    }
}

/// The warning for a handoff on email whose requester has no address.
pub const NO_EMAIL_TO_REPLY_TO: &str = "the conversation is on email but the requester has no \
     email address: no reply from the ticket can reach the customer";

/// What is said of a handoff naming the agent `key` that the workspace, with
/// agents `keys`, lacks: `there is no AI agent 'shpo': did you mean 'shop'?`.
fn no_agent(key: &str, keys: &[String]) -> String {
    match did_you_mean_question(key, keys.iter().map(String::as_str)) {
        Some(question) => format!("there is no AI agent '{key}': {question}"),
        None => format!("there is no AI agent '{key}'"),
    }
}

/// Runs steps 1–5 and 7–8 and decides the outcome, at the instant `at` (see the
/// module documentation). `Err` when step 1 refuses the handoff.
pub fn plan(
    request: &HandoffRequest,
    workspace: &Workspace,
    at: Timestamp,
) -> Result<Plan, Rejection> {
    // Step 1: agent, action, channel.
    let agent = workspace.agent.ok_or_else(|| {
        Rejection::new(
            422,
            AGENT_NOT_FOUND,
            "agent",
            no_agent(&request.agent, workspace.agent_keys),
        )
    })?;
    let action = agent.handover.as_ref().ok_or_else(|| {
        Rejection::new(
            422,
            HANDOVER_NOT_CONFIGURED,
            "agent",
            format!(
                "the AI agent '{}' has no handover action: configure one first",
                agent.key
            ),
        )
    })?;
    if !action.enabled {
        return Err(Rejection::new(
            422,
            HANDOVER_DISABLED,
            "agent",
            format!(
                "the handover action '{}' of the AI agent '{}' is disabled",
                action.name, agent.key
            ),
        ));
    }
    if !action.channels.contains(&request.channel) {
        let allowed = if action.channels.is_empty() {
            "it is offered on no channel".to_string()
        } else {
            let names: Vec<&str> = action.channels.iter().map(|c| c.as_str()).collect();
            format!("allowed: {}", names.join(", "))
        };
        return Err(Rejection::new(
            422,
            CHANNEL_NOT_ALLOWED,
            "channel",
            format!(
                "the handover action '{}' of the AI agent '{}' is not offered on channel \
                 '{}'; {allowed}",
                action.name, agent.key, request.channel
            ),
        ));
    }

    let mut warnings = Vec::new();

    // Step 2: the key convention.
    let mut fields_by_key: BTreeMap<&str, &TicketField> = BTreeMap::new();
    for field in workspace.fields {
        fields_by_key.entry(field.key.as_str()).or_insert(field);
    }
    let mut valid: BTreeMap<&str, &Value> = BTreeMap::new();
    let mut invalid_context_keys = Vec::new();
    for (key, value) in &request.context {
        if rules::is_context_key(key) {
            valid.insert(key, value);
        } else {
            let mut warning = format!(
                "context key '{key}' is not used: context keys use {}",
                rules::CONTEXT_KEY_RULE
            );
            let suggestion = suggest_key(key);
            if fields_by_key.contains_key(suggestion.as_str()) {
                warning.push_str(&format!(
                    "; send it as '{suggestion}' to set the ticket field '{suggestion}'"
                ));
            }
            warnings.push(warning);
            invalid_context_keys.push(key.clone());
        }
    }

    // Step 3: fields from exactly matching keys.
    let mut fields = Vec::new();
    let mut field_mismatches = Vec::new();
    let mut unmatched_context_keys = Vec::new();
    let mut unusable = Vec::new();
    for (&key, &value) in &valid {
        match fields_by_key.get(key) {
            Some(field) => match convert(field, value) {
                Ok(converted) => fields.push(FieldValue {
                    key: key.to_string(),
                    name: field.name.clone(),
                    field_type: field.field_type,
                    value: converted,
                }),
                Err(message) => {
                    warnings.push(format!(
                        "context key '{key}': {message}, so the {} field '{key}' is not set",
                        field.field_type
                    ));
                    field_mismatches.push(FieldMismatch {
                        key: key.to_string(),
                        value: value.clone(),
                        message,
                    });
                }
            },
            None => {
                if let Some(kind) = non_scalar(value) {
                    unusable.push(format!(
                        "context key '{key}' is not used: its value is {kind}; context values \
                         are strings, numbers or booleans"
                    ));
                }
                unmatched_context_keys.push(key.to_string());
            }
        }
    }
    warnings.extend(unusable);

    // Steps 4–5: priority and team.
    let facts = rule_facts(request, &agent.key, &valid);
    let priority: Decided<Priority> =
        rules::decide_priority(workspace.rules, &facts, action.default_priority);
    let team = rules::decide_team(workspace.rules, &facts, workspace.default_team);
    if team.value.is_none() {
        warnings.push(
            "no assignment rule matched and there is no default team: the ticket has no team, \
             so nobody is assigned"
                .into(),
        );
    }

    // An inbox ticket's replies to a conversation held by email go by email
    // (`reply::is_live`): with no address, none can reach the customer.
    let email = request.requester.as_ref().and_then(|r| r.email.as_deref());
    if action.platform == platform::INBOX && !reply::is_live(request.channel) && email.is_none() {
        warnings.push(NO_EMAIL_TO_REPLY_TO.into());
    }

    // Step 7 needs the team's members: Plan::decide completes it.
    let hours_open = workspace.schedule.is_open(at);

    // Step 8: summary and subject.
    let summary = match request.summary.as_deref().map(str::trim) {
        Some(own) if !own.is_empty() => own.to_string(),
        _ => summarize(request, agent, &fields),
    };

    Ok(Plan {
        decision: HandoffDecision {
            agent: agent.key.clone(),
            action: action.name.clone(),
            platform: action.platform.clone(),
            environment: request.environment,
            channel: request.channel,
            outcome: outcome(request.environment, workspace.handoff, &action.platform),
            subject: subject(request),
            priority,
            team,
            assignee: AssigneeDecision {
                value: None,
                method: workspace.assignment.method,
                reason: "not decided yet".into(),
            },
            fields,
            field_mismatches,
            unmatched_context_keys,
            invalid_context_keys,
            warnings,
            customer_sees: CustomerView {
                kind: button::WAITING_LABEL.into(),
                text: action.labels.waiting.clone(),
                reason: "not decided yet".into(),
            },
            summary,
        },
        hours_open,
        waiting_label: action.labels.waiting.clone(),
        auto_reply: action.auto_reply.clone(),
    })
}

/// The facts rules test: only valid context keys with scalar values take part.
fn rule_facts(request: &HandoffRequest, agent: &str, valid: &BTreeMap<&str, &Value>) -> RuleFacts {
    RuleFacts {
        channel: Some(request.channel),
        agent: Some(agent.to_string()),
        environment: Some(request.environment),
        reason: request.reason.clone(),
        requester_email: request.requester.as_ref().and_then(|r| r.email.clone()),
        context: valid
            .iter()
            .filter_map(|(key, value)| context_value(value).map(|v| (key.to_string(), v)))
            .collect(),
    }
}

/// The key a broken one was probably meant to be: lowercased, `_` and spaces as
/// dashes.
fn suggest_key(key: &str) -> String {
    key.trim()
        .chars()
        .map(|c| match c {
            '_' | ' ' => '-',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// Converts a context value to `field`'s type, or says why it does not convert:
///
/// - `text`: strings as they are; numbers and booleans as their text.
/// - `number`: JSON numbers; strings that parse as a finite number (Rust's float
///   syntax, no surrounding white space: `42`, `-4.5`, `1e3`), stored as an integer
///   when they are one; booleans never.
/// - `checkbox`: booleans; the strings `true` and `false` (exactly); nothing else.
/// - `dropdown`: a string, or a number's text, that is exactly one of the options.
/// - `date`: a string `YYYY-MM-DD` that is a real calendar date.
///
/// `null`, arrays and objects never convert.
pub fn convert(field: &TicketField, value: &Value) -> Result<Value, String> {
    if let Some(kind) = non_scalar(value) {
        return Err(format!(
            "the value is {kind}, not a string, number or boolean"
        ));
    }
    match field.field_type {
        FieldType::Text => Ok(Value::String(scalar_text(value))),
        FieldType::Number => match value {
            Value::Number(number) => Ok(Value::Number(number.clone())),
            Value::String(text) => parse_number(text)
                .map(Value::Number)
                .ok_or_else(|| format!("'{text}' is not a number")),
            _ => Err(format!("{value} is a boolean, not a number")),
        },
        FieldType::Checkbox => match value {
            Value::Bool(flag) => Ok(Value::Bool(*flag)),
            Value::String(text) if text == "true" => Ok(Value::Bool(true)),
            Value::String(text) if text == "false" => Ok(Value::Bool(false)),
            Value::String(text) => Err(format!("'{text}' is not true or false")),
            _ => Err(format!("{value} is not true or false")),
        },
        FieldType::Dropdown => {
            if value.is_boolean() {
                return Err(format!(
                    "{value} is a boolean, not one of the options{}",
                    options_list(field)
                ));
            }
            let text = scalar_text(value);
            if field.options.contains(&text) {
                Ok(Value::String(text))
            } else {
                Err(format!(
                    "'{text}' is not one of the options{}",
                    options_list(field)
                ))
            }
        }
        FieldType::Date => match value {
            Value::String(text) => {
                hours::parse_date(text).map(|date| Value::String(date.to_string()))
            }
            _ => Err(format!(
                "{value} is not a date: use YYYY-MM-DD, e.g. 2026-12-25"
            )),
        },
    }
}

fn options_list(field: &TicketField) -> String {
    if field.options.is_empty() {
        " (the field has no options)".into()
    } else {
        format!(": {}", field.options.join(", "))
    }
}

/// A scalar's text: strings as they are, numbers and booleans as JSON writes them.
fn scalar_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// A finite number from text: an integer when it is one, else a float.
fn parse_number(text: &str) -> Option<Number> {
    if let Ok(int) = text.parse::<i64>() {
        return Some(int.into());
    }
    if let Ok(int) = text.parse::<u64>() {
        return Some(int.into());
    }
    text.parse::<f64>()
        .ok()
        .filter(|float| float.is_finite())
        .and_then(Number::from_f64)
}

/// Step 9's switch, in one place: development and staging record a preview while
/// `handoff.preview-in-non-production` is on; otherwise the action's platform
/// decides — `inbox` makes a ticket in Desk, anything else an external ticket.
pub fn outcome(
    environment: Environment,
    settings: &HandoffSettings,
    platform: &str,
) -> HandoffOutcome {
    let non_production = matches!(environment, Environment::Development | Environment::Staging);
    if non_production && settings.preview_in_non_production {
        HandoffOutcome::Preview
    } else if platform == "inbox" {
        HandoffOutcome::Ticket
    } else {
        HandoffOutcome::External
    }
}

// --- summary and subject ----------------------------------------------------------

/// Who the requester is, for people: the name, else the email, else the external
/// id; blank text counts as none. It is also the author of the customer's
/// messages on the ticket, those of the handoff and those appended later.
pub fn who(requester: &Requester) -> Option<&str> {
    [&requester.name, &requester.email, &requester.external_id]
        .into_iter()
        .flatten()
        .map(|text| text.trim())
        .find(|text| !text.is_empty())
}

/// Every way to reach a requester, for a person to read: who they are, the
/// platform's id for them and their phone. The CLI's detail views and the
/// copilot's ticket lines both list them, each once.
#[derive(Debug, PartialEq, Eq)]
pub struct Reach<'r> {
    /// `Name <email>`, else the name, else the email; `None` without either.
    pub known_as: Option<String>,
    pub external_id: Option<&'r str>,
    pub phone: Option<&'r str>,
}

/// [`Reach`] of `requester`.
pub fn reach(requester: &Requester) -> Reach<'_> {
    let known_as = match (&requester.name, &requester.email) {
        (Some(name), Some(email)) => Some(format!("{name} <{email}>")),
        (Some(text), None) | (None, Some(text)) => Some(text.clone()),
        (None, None) => None,
    };
    Reach {
        known_as,
        external_id: requester.external_id.as_deref(),
        phone: requester.phone.as_deref(),
    }
}

/// Who the requester is, white space collapsed; `None` when the request does not
/// say (only when validation was skipped).
fn who_of(request: &HandoffRequest) -> Option<String> {
    request.requester.as_ref().and_then(who).map(collapse)
}

/// White space runs (newlines included) as single spaces, trimmed. Other
/// control characters stay, as [`crate::domain::mail::subject_line`] keeps
/// them: the text is the customer's or the agent's, and a terminal shows
/// them escaped where it is drawn (`ui::printable`). What goes in a mail
/// header drops them too ([`crate::domain::mail::one_line`]).
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` with its white space collapsed, cut to at most `max` characters: when
/// longer, the first `max - 1` characters (trailing space dropped) and `…`.
pub fn cut(text: &str, max: usize) -> String {
    let text = collapse(text);
    if text.chars().count() <= max {
        return text;
    }
    let mut short: String = text.chars().take(max.saturating_sub(1)).collect();
    short.truncate(short.trim_end().len());
    short.push('…');
    short
}

/// The customer's messages that have text, in order.
fn customer_messages(request: &HandoffRequest) -> impl Iterator<Item = &str> {
    request
        .transcript
        .iter()
        .filter(|m| m.role == MessageRole::Customer && !m.text.trim().is_empty())
        .map(|m| m.text.as_str())
}

/// The reason a handoff gives when the customer asked for a person.
pub const EXPLICIT_REQUEST: &str = "explicit-request";

/// Whether a handoff's ticket alerts the owners by email: only when the
/// setting is on and the customer asked for a human (reason
/// `explicit-request`), as the setting says; never when the AI gave up on its
/// own (`failed-resolution`) or for any other reason.
pub fn alerts_owners(setting: bool, reason: Option<&str>) -> bool {
    setting && reason.map(str::trim) == Some(EXPLICIT_REQUEST)
}

/// The text of a handed-over ticket's `created` entry: who handed it over,
/// where, and why (the reason in words), so the operator reads the reason even
/// when the agent's own summary replaced Desk's, which states it.
pub fn handed_over(decision: &HandoffDecision, reason: Option<&str>) -> String {
    let by = format!(
        "Handed over by agent {} on {} ({})",
        decision.agent, decision.channel, decision.environment
    );
    match reason_in_words(reason) {
        Some(reason) => format!("{by}: {reason}"),
        None => by,
    }
}

/// The reason in words; `None` when there is none.
fn reason_in_words(reason: Option<&str>) -> Option<String> {
    match reason.map(str::trim) {
        None | Some("") => None,
        Some("explicit-request") => Some("the customer asked for a human".into()),
        Some("failed-resolution") => Some("the AI could not resolve the issue".into()),
        Some(other) => Some(cut(other, SUMMARY_QUOTE_CHARS)),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A field's value in a summary: strings unquoted, others as JSON writes them.
fn shown(value: &Value) -> String {
    cut(&scalar_text(value), SUMMARY_QUOTE_CHARS)
}

/// Step 8: a brief summary, one fact per line, the same text for the same input.
///
/// ```text
/// Alice talked to Shop Assistant (shop) on web: 3 messages, 2 from the customer.
/// Reason: the customer asked for a human.
/// First customer message: "Where is my order?"
/// Last customer message: "I want to talk to a person."
/// Fields set: order-id = A-1001, vip = true.
/// ```
///
/// Who is the requester's name, else email, else external id. The agent shows as
/// its name with its key (just the key when they are equal). Quoted messages have
/// their white space collapsed and are cut to [`SUMMARY_QUOTE_CHARS`] characters
/// with an ellipsis; a single customer message is quoted once ("Customer
/// message"), none is said so. The reason line is left out when there is no
/// reason; the fields line when no field is set.
pub fn summarize(request: &HandoffRequest, agent: &Agent, fields: &[FieldValue]) -> String {
    let agent_name = collapse(&agent.name);
    let agent_shown = if agent_name.is_empty() || agent_name == agent.key {
        agent.key.clone()
    } else {
        format!("{agent_name} ({})", agent.key)
    };
    let customer: Vec<&str> = customer_messages(request).collect();
    let from_customer = request
        .transcript
        .iter()
        .filter(|m| m.role == MessageRole::Customer)
        .count();

    let mut lines = vec![format!(
        "{} talked to {agent_shown} on {}: {}, {} from the customer.",
        who_of(request).unwrap_or_else(|| "An unknown customer".into()),
        request.channel,
        plural(request.transcript.len(), "message", "messages"),
        from_customer
    )];
    if let Some(reason) = reason_in_words(request.reason.as_deref()) {
        let stop = if reason.ends_with(['.', '!', '?', '…']) {
            ""
        } else {
            "."
        };
        lines.push(format!("Reason: {reason}{stop}"));
    }
    match customer.as_slice() {
        [] => lines.push("The customer wrote no message.".into()),
        [only] => lines.push(format!(
            "Customer message: \"{}\"",
            cut(only, SUMMARY_QUOTE_CHARS)
        )),
        [first, .., last] => {
            lines.push(format!(
                "First customer message: \"{}\"",
                cut(first, SUMMARY_QUOTE_CHARS)
            ));
            lines.push(format!(
                "Last customer message: \"{}\"",
                cut(last, SUMMARY_QUOTE_CHARS)
            ));
        }
    }
    if !fields.is_empty() {
        let set: Vec<String> = fields
            .iter()
            .map(|f| format!("{} = {}", f.key, shown(&f.value)))
            .collect();
        lines.push(format!("Fields set: {}.", set.join(", ")));
    }
    lines.join("\n")
}

/// The ticket's subject: the first customer message (white space collapsed) cut to
/// [`SUBJECT_CHARS`] characters with an ellipsis; without one, `Conversation with
/// <who>`.
pub fn subject(request: &HandoffRequest) -> String {
    match customer_messages(request).next() {
        Some(first) => cut(first, SUBJECT_CHARS),
        None => cut(
            &format!(
                "Conversation with {}",
                who_of(request).unwrap_or_else(|| "an unknown customer".into())
            ),
            SUBJECT_CHARS,
        ),
    }
}

// --- step 6 ---------------------------------------------------------------------

/// Step 6: who gets the ticket, by `method` among the team's `candidates`
/// ([`assignment::pick`]; `last_assigned` is the team's round-robin position).
///
/// Nobody for manual assignment ("manual assignment: the ticket waits to be
/// taken"), for no team ("no team to assign within"), for a team with no members,
/// and when nobody is online and under capacity (the reason counts who is not
/// online and who is at capacity). Otherwise the reason explains the pick, e.g.
/// `balanced: bob has the fewest open tickets (2) among 3 available` or
/// `round-robin: carol is next after bob among 3 available`.
///
/// A preview calls this too: it reports whom the handoff *would* assign.
pub fn assign(
    method: AssignmentMethod,
    team: Option<&str>,
    candidates: &[Candidate],
    last_assigned: Option<&str>,
) -> AssigneeDecision {
    let decision = |value: Option<String>, reason: String| AssigneeDecision {
        value,
        method,
        reason,
    };
    if method == AssignmentMethod::Manual {
        return decision(
            None,
            "manual assignment: the ticket waits to be taken".into(),
        );
    }
    let Some(team) = team else {
        return decision(None, "no team to assign within".into());
    };
    if candidates.is_empty() {
        return decision(None, format!("team {team} has no members"));
    }
    let available: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| assignment::is_available(c))
        .collect();
    let Some(handle) = assignment::pick(method, candidates, last_assigned) else {
        let offline = candidates
            .iter()
            .filter(|c| c.availability != Availability::Online)
            .count();
        let full = candidates.len() - offline;
        let mut parts = Vec::new();
        if offline > 0 {
            parts.push(format!("{offline} not online"));
        }
        if full > 0 {
            parts.push(format!("{full} at capacity"));
        }
        return decision(
            None,
            format!(
                "nobody in team {team} is online and under capacity ({}: {})",
                plural(candidates.len(), "member", "members"),
                parts.join(", ")
            ),
        );
    };
    let n = available.len();
    let reason = match method {
        AssignmentMethod::Manual => unreachable!("manual returned above"),
        AssignmentMethod::Balanced => balanced_reason(&handle, &available, team),
        AssignmentMethod::RoundRobin => {
            let among = format!("among {n} available");
            match last_assigned {
                None => format!("round-robin: {handle} starts the rotation {among}"),
                Some(last) if handle.as_str() > last => {
                    format!("round-robin: {handle} is next after {last} {among}")
                }
                Some(last) => format!(
                    "round-robin: {handle} is next after {last} (the rotation starts over) {among}"
                ),
            }
        }
    };
    decision(Some(handle), reason)
}

fn balanced_reason(handle: &str, available: &[&Candidate], team: &str) -> String {
    let Some(picked) = available.iter().find(|c| c.handle == handle) else {
        return format!("balanced: {handle}");
    };
    let open = picked.open_tickets;
    if available.len() == 1 {
        return format!(
            "balanced: {handle} is the only one available in team {team} ({})",
            plural(open as usize, "open ticket", "open tickets")
        );
    }
    let mut reason = format!(
        "balanced: {handle} has the fewest open tickets ({open}) among {} available",
        available.len()
    );
    let tied: Vec<&&Candidate> = available
        .iter()
        .filter(|c| c.open_tickets == open && c.handle != handle)
        .collect();
    if !tied.is_empty() {
        let names: Vec<&str> = tied.iter().map(|c| c.handle.as_str()).collect();
        let by_handle = tied
            .iter()
            .any(|c| c.last_assigned_at == picked.last_assigned_at);
        let when = if picked.last_assigned_at.is_none() {
            "has not been assigned a ticket yet"
        } else {
            "was assigned least recently"
        };
        reason.push_str(&format!("; tied with {}, {handle} ", names.join(", ")));
        if by_handle {
            reason.push_str(&format!("{when} and comes first by handle"));
        } else {
            reason.push_str(when);
        }
    }
    reason
}

#[cfg(test)]
mod alert_tests {
    use super::alerts_owners;

    #[test]
    fn only_a_customer_asking_for_a_human_alerts_the_owners() {
        assert!(alerts_owners(true, Some("explicit-request")));
        assert!(alerts_owners(true, Some(" explicit-request ")));
        assert!(!alerts_owners(false, Some("explicit-request")));
        assert!(!alerts_owners(true, Some("failed-resolution")));
        assert!(!alerts_owners(true, Some("refund")));
        assert!(!alerts_owners(true, None));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{
        BusinessHours, Channel, Condition, ConditionOp, DecisionSource, HandoverAction, MatchMode,
        RuleKind, TranscriptMessage,
    };
    use proptest::prelude::*;
    use serde_json::json;

    fn ts(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    /// Monday 2026-06-08 10:00 UTC: open under the default Monday–Friday 09–17.
    fn monday() -> Timestamp {
        ts("2026-06-08T10:00:00Z")
    }

    /// Saturday 2026-06-13 10:00 UTC: closed.
    fn saturday() -> Timestamp {
        ts("2026-06-13T10:00:00Z")
    }

    fn field(key: &str, field_type: FieldType, options: &[&str]) -> TicketField {
        TicketField {
            key: key.into(),
            name: format!("Field {key}"),
            field_type,
            options: options.iter().map(|o| o.to_string()).collect(),
            created_at: monday(),
            updated_at: monday(),
        }
    }

    fn ticket_fields() -> Vec<TicketField> {
        vec![
            field("order-id", FieldType::Text, &[]),
            field("count", FieldType::Number, &[]),
            field("vip", FieldType::Checkbox, &[]),
            field("tier", FieldType::Dropdown, &["gold", "silver", "7"]),
            field("due", FieldType::Date, &[]),
        ]
    }

    fn agent(action: Option<HandoverAction>) -> Agent {
        Agent {
            key: "shop".into(),
            name: "Shop Assistant".into(),
            handover: action,
            created_at: monday(),
            updated_at: monday(),
        }
    }

    fn cond(field: &str, op: ConditionOp, value: Option<&str>) -> Condition {
        Condition {
            field: field.into(),
            op,
            value: value.map(str::to_string),
            values: vec![],
        }
    }

    fn eq(field: &str, value: &str) -> Condition {
        cond(field, ConditionOp::Equals, Some(value))
    }

    fn priority_rule(id: &str, position: u32, conditions: Vec<Condition>, p: Priority) -> Rule {
        Rule {
            id: id.into(),
            kind: RuleKind::Priority,
            position,
            name: Some(format!("rule {id}")),
            match_mode: MatchMode::All,
            conditions,
            priority: Some(p),
            team: None,
        }
    }

    fn team_rule(id: &str, position: u32, conditions: Vec<Condition>, team: &str) -> Rule {
        Rule {
            id: id.into(),
            kind: RuleKind::Assignment,
            position,
            name: None,
            match_mode: MatchMode::All,
            conditions,
            priority: None,
            team: Some(team.into()),
        }
    }

    /// A workspace, owned, from which [`Workspace`] views are borrowed.
    #[derive(Debug)]
    struct Fixture {
        agent: Option<Agent>,
        agent_keys: Vec<String>,
        fields: Vec<TicketField>,
        rules: Vec<Rule>,
        default_team: Option<String>,
        assignment: AssignmentSettings,
        handoff: HandoffSettings,
        schedule: Schedule,
        operators_online: u32,
    }

    impl Fixture {
        fn new() -> Self {
            Self {
                agent: Some(agent(Some(HandoverAction::default()))),
                agent_keys: vec!["shop".into()],
                fields: ticket_fields(),
                rules: vec![],
                default_team: Some("support".into()),
                assignment: AssignmentSettings::default(),
                handoff: HandoffSettings::default(),
                schedule: Schedule::from_settings(&BusinessHours::default()).unwrap(),
                operators_online: 2,
            }
        }

        fn with_hours(mut self) -> Self {
            let hours = BusinessHours {
                enabled: true,
                ..BusinessHours::default()
            };
            self.schedule = Schedule::from_settings(&hours).unwrap();
            self
        }

        fn action(&mut self) -> &mut HandoverAction {
            self.agent.as_mut().unwrap().handover.as_mut().unwrap()
        }

        fn ws(&self) -> Workspace<'_> {
            Workspace {
                agent: self.agent.as_ref(),
                agent_keys: &self.agent_keys,
                fields: &self.fields,
                rules: &self.rules,
                default_team: self.default_team.as_deref(),
                assignment: &self.assignment,
                handoff: &self.handoff,
                schedule: &self.schedule,
            }
        }

        fn plan(&self, request: &HandoffRequest) -> Result<Plan, Rejection> {
            plan(request, &self.ws(), monday())
        }

        /// The team's members: alice, online unless `operators_online` is 0.
        fn team(&self) -> Vec<Candidate> {
            let mut alice = online("alice", 0);
            if self.operators_online == 0 {
                alice.availability = Availability::Away;
            }
            vec![alice]
        }

        /// The decision, with the team of [`Fixture::team`].
        fn decide(&self, request: &HandoffRequest) -> HandoffDecision {
            let plan = self.plan(request).unwrap();
            let team = self.team();
            let assignee = plan.assign(&team, None);
            plan.finish(assignee, &team)
        }
    }

    fn message(role: MessageRole, text: &str) -> TranscriptMessage {
        TranscriptMessage {
            role,
            text: text.into(),
            at: None,
        }
    }

    fn request() -> HandoffRequest {
        HandoffRequest {
            agent: "shop".into(),
            environment: Environment::Production,
            channel: Channel::Web,
            requester: Some(Requester {
                name: Some("Alice".into()),
                email: Some("alice@example.com".into()),
                external_id: Some("u-1".into()),
                phone: None,
            }),
            transcript: vec![
                message(MessageRole::Customer, "Where is my order?"),
                message(MessageRole::Ai, "Let me check that for you."),
                message(MessageRole::Customer, "I want to talk to a person."),
            ],
            context: BTreeMap::new(),
            reason: Some("explicit-request".into()),
            summary: None,
        }
    }

    fn with_context(pairs: &[(&str, Value)]) -> HandoffRequest {
        let mut request = request();
        request.context = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
        request
    }

    fn codes(rejections: &[Rejection]) -> Vec<&'static str> {
        rejections.iter().map(|r| r.code).collect()
    }

    // --- validate_request ----------------------------------------------------

    #[test]
    fn a_good_request_validates() {
        assert_eq!(validate_request(&request(), monday()), Ok(()));
        let mut only_id = request();
        only_id.requester = Some(Requester {
            external_id: Some("u-1".into()),
            ..Requester::default()
        });
        assert_eq!(validate_request(&only_id, monday()), Ok(()));
    }

    #[test]
    fn free_text_longer_than_its_limit_is_refused_by_field() {
        let mut r = request();
        r.requester.as_mut().unwrap().name = Some("n".repeat(201));
        r.reason = Some("r".repeat(1001));
        r.summary = Some("s".repeat(4001));
        r.context
            .insert("note".into(), serde_json::Value::String("c".repeat(4001)));
        let problems = validate_request(&r, monday()).unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            ["requester.name", "reason", "summary", "context.note"]
        );
        assert!(
            problems
                .iter()
                .all(|p| p.code == FIELD_TOO_LONG && p.status == 422)
        );
        assert_eq!(
            problems[0].message,
            "requester.name has 201 characters; at most 200 are accepted"
        );
        // At the limit, counted in characters, not bytes.
        let mut r = request();
        r.requester.as_mut().unwrap().name = Some("é".repeat(200));
        r.summary = Some("s".repeat(4000));
        assert_eq!(validate_request(&r, monday()), Ok(()));
    }

    #[test]
    fn every_text_limit_takes_its_limit_and_refuses_one_more() {
        let with = |field: &str, text: String| {
            let mut r = request();
            let requester = r.requester.as_mut().unwrap();
            match field {
                "requester.name" => requester.name = Some(text),
                "requester.email" => requester.email = Some(text),
                "requester.external-id" => requester.external_id = Some(text),
                "requester.phone" => requester.phone = Some(text),
                "reason" => r.reason = Some(text),
                "summary" => r.summary = Some(text),
                other => panic!("no field {other}"),
            }
            validate_request(&r, monday())
        };
        for (field, limit) in TEXT_LIMITS {
            // An email of the limit's length: a local part of 64, a long domain.
            let text = |length: usize| match *field {
                "requester.email" => {
                    let domain = "d".repeat(length - 64 - 1 - 4);
                    format!("{}@{domain}.com", "a".repeat(64))
                }
                "requester.phone" => "5".repeat(length),
                _ => "x".repeat(length),
            };
            assert_eq!(with(field, text(*limit)), Ok(()), "{field}");
            let problems = with(field, text(limit + 1)).unwrap_err();
            assert!(
                problems
                    .iter()
                    .any(|p| p.code == FIELD_TOO_LONG && p.field == *field),
                "{field}: {problems:?}"
            );
        }
    }

    #[test]
    fn the_requester_is_trimmed_and_a_blank_text_left_out() {
        let mut r = request();
        r.requester = Some(Requester {
            name: Some("  Dana Reyes ".into()),
            email: Some("dana@example.com ".into()),
            external_id: Some(" ".into()),
            phone: Some("".into()),
        });
        let normalized = normalize_request(r);
        assert_eq!(
            normalized.requester,
            Some(Requester {
                name: Some("Dana Reyes".into()),
                email: Some("dana@example.com".into()),
                external_id: None,
                phone: None,
            })
        );
        assert_eq!(validate_request(&normalized, monday()), Ok(()));
        assert_eq!(normalize_request(request()), request());
    }

    #[test]
    fn an_email_conversation_without_an_address_is_warned_about() {
        let mut fx = Fixture::new();
        fx.action().channels = vec![Channel::Web, Channel::Email];
        let warned = |fx: &Fixture, channel: Channel, email: Option<&str>| {
            let mut r = request();
            r.channel = channel;
            r.requester.as_mut().unwrap().email = email.map(str::to_string);
            let warnings = fx.decide(&r).warnings;
            warnings.iter().any(|w| w == NO_EMAIL_TO_REPLY_TO)
        };
        assert!(warned(&fx, Channel::Email, None));
        assert!(!warned(&fx, Channel::Email, Some("alice@example.com")));
        assert!(
            !warned(&fx, Channel::Web, None),
            "a live chat is replied to live"
        );
        fx.action().platform = "zendesk".into();
        assert!(!warned(&fx, Channel::Email, None), "the platform replies");
    }

    #[test]
    fn the_created_entry_says_who_handed_over_where_and_why() {
        let mut r = request();
        r.summary = Some("The agent's own summary".into());
        let decision = Fixture::new().decide(&r);
        assert_eq!(
            handed_over(&decision, r.reason.as_deref()),
            "Handed over by agent shop on web (production): the customer asked for a human"
        );
        assert_eq!(
            handed_over(&decision, Some("refund over the limit")),
            "Handed over by agent shop on web (production): refund over the limit"
        );
        assert_eq!(
            handed_over(&decision, None),
            "Handed over by agent shop on web (production)"
        );
    }

    #[test]
    fn the_customer_is_named_by_name_else_email_else_external_id() {
        let requester = |name: Option<&str>, email: Option<&str>, id: Option<&str>| Requester {
            name: name.map(str::to_string),
            email: email.map(str::to_string),
            external_id: id.map(str::to_string),
            phone: Some("+15550100".into()),
        };
        let all = requester(Some("Dana"), Some("d@example.com"), Some("u-1"));
        assert_eq!(who(&all), Some("Dana"));
        let no_name = requester(None, Some("d@example.com"), Some("u-1"));
        assert_eq!(who(&no_name), Some("d@example.com"));
        assert_eq!(who(&requester(None, None, Some("u-1"))), Some("u-1"));
        assert_eq!(who(&requester(None, None, None)), None);
    }

    #[test]
    fn a_requesters_name_is_one_line_and_their_id_kept_as_sent() {
        let mut r = request();
        r.requester = Some(Requester {
            name: Some("Tab\tName\r\n  of\u{7}\u{1b}[31m Dana ".into()),
            external_id: Some("wa\t1".into()),
            ..Default::default()
        });
        let requester = normalize_request(r).requester.unwrap();
        assert_eq!(requester.name.as_deref(), Some("Tab Name of [31m Dana"));
        assert_eq!(requester.external_id.as_deref(), Some("wa\t1"));
        // A name of control characters alone is no name.
        let mut r = request();
        r.requester.as_mut().unwrap().name = Some("\u{7}\t\u{0}".into());
        assert_eq!(normalize_request(r).requester.unwrap().name, None);
    }

    #[test]
    fn every_way_to_reach_a_requester_is_kept() {
        let requester =
            |json: serde_json::Value| -> Requester { serde_json::from_value(json).unwrap() };
        let jurgen =
            requester(json!({"name": "Jürgen", "external-id": "wa-1", "phone": "+49 151"}));
        assert_eq!(
            reach(&jurgen),
            Reach {
                known_as: Some("Jürgen".into()),
                external_id: Some("wa-1"),
                phone: Some("+49 151")
            }
        );
        let rosa = requester(json!({"name": "Rosa", "email": "rosa@example.com"}));
        assert_eq!(
            reach(&rosa).known_as.as_deref(),
            Some("Rosa <rosa@example.com>")
        );
        let by_id = requester(json!({"external-id": "wa-2"}));
        assert_eq!(
            reach(&by_id),
            Reach {
                known_as: None,
                external_id: Some("wa-2"),
                phone: None
            }
        );
    }

    #[test]
    fn the_reason_is_trimmed_and_a_blank_one_left_out() {
        let with_reason = |reason: &str| {
            let mut r = request();
            r.reason = Some(reason.into());
            normalize_request(r).reason
        };
        assert_eq!(
            with_reason(" explicit-request\n"),
            Some(EXPLICIT_REQUEST.into())
        );
        assert_eq!(with_reason("refund asked"), Some("refund asked".into()));
        assert_eq!(with_reason(" \t"), None);
    }

    #[test]
    fn a_reason_sent_with_white_space_matches_the_rule_that_tests_it() {
        let rules = vec![priority_rule(
            "r1",
            1,
            vec![eq("reason", EXPLICIT_REQUEST)],
            Priority::Urgent,
        )];
        let mut fx = Fixture::new();
        fx.rules = rules;
        let mut r = request();
        r.reason = Some("explicit-request\n".into());
        let r = normalize_request(r);
        let decision = fx.decide(&r);
        assert_eq!(decision.priority.value, Priority::Urgent);
        assert!(
            decision
                .summary
                .contains("Reason: the customer asked for a human.")
        );
        assert!(alerts_owners(true, r.reason.as_deref()));
    }

    #[test]
    fn the_requester_email_follows_the_support_inboxs_rule() {
        let with_email = |email: &str| {
            let mut r = request();
            r.requester.as_mut().unwrap().email = Some(email.into());
            validate_request(&r, monday())
        };
        assert_eq!(with_email("\"john doe\"@example.com"), Ok(()));
        for bad in [
            ".a@example.com",
            "a..b@example.com",
            &format!("{}@example.com", "a".repeat(65)),
            "dana@localhost",
        ] {
            let problems = with_email(bad).unwrap_err();
            assert_eq!(codes(&problems), [INVALID_REQUESTER_EMAIL], "{bad}");
            assert_eq!(problems[0].field, "requester.email");
        }
    }

    #[test]
    fn a_phone_number_is_bounded_and_plausible() {
        for good in [
            "+15550100",
            "+1 (555) 010-0100 ext. 7",
            "1-800-FLOWERS",
            "555 0100;1",
        ] {
            assert_eq!(phone_problem(good), None, "{good}");
        }
        for (bad, why) in [
            ("call me", "at least one digit"),
            ("+1 555\n0100", "not '\\n'"),
            ("+1 555 <0100>", "not '<'"),
            ("📞 5550100", "not '📞'"),
        ] {
            let problem = phone_problem(bad).unwrap_or_default();
            assert!(problem.contains(why), "{bad}: {problem}");
        }
        let mut r = request();
        r.requester.as_mut().unwrap().phone = Some("5".repeat(900_000));
        let problems = validate_request(&r, monday()).unwrap_err();
        assert_eq!(codes(&problems), [FIELD_TOO_LONG]);
        assert_eq!(problems[0].field, "requester.phone");
        r.requester.as_mut().unwrap().phone = Some("ask at the desk".into());
        let problems = validate_request(&r, monday()).unwrap_err();
        assert_eq!(codes(&problems), [INVALID_REQUESTER_PHONE]);
        assert_eq!(problems[0].field, "requester.phone");
    }

    #[test]
    fn a_search_is_a_phone_number_when_a_handoff_would_take_it_as_one() {
        assert_eq!(
            phone_query(" +49 151 1234-5678 "),
            Some("+49 151 1234-5678")
        );
        assert_eq!(phone_query("015112345678"), Some("015112345678"));
        for not_a_phone in ["dana@example.com", "Dana", "Jürgen 1", "", "  "] {
            assert_eq!(phone_query(not_a_phone), None, "{not_a_phone}");
        }
    }

    #[test]
    fn the_requester_must_be_someone() {
        let mut r = request();
        r.requester = None;
        let problems = validate_request(&r, monday()).unwrap_err();
        assert_eq!(codes(&problems), [REQUESTER_MISSING]);
        assert_eq!(problems[0].field, "requester");
        assert_eq!(problems[0].status, 422);

        r.requester = Some(Requester {
            name: Some("  ".into()),
            ..Requester::default()
        });
        assert_eq!(
            codes(&validate_request(&r, monday()).unwrap_err()),
            [REQUESTER_MISSING]
        );
    }

    #[test]
    fn the_requester_email_must_be_an_address() {
        let mut r = request();
        r.requester.as_mut().unwrap().email = Some("alice-at-example".into());
        let problems = validate_request(&r, monday()).unwrap_err();
        assert_eq!(codes(&problems), [INVALID_REQUESTER_EMAIL]);
        assert_eq!(problems[0].field, "requester.email");
        assert!(
            problems[0].message.contains("alice-at-example"),
            "{}",
            problems[0].message
        );
    }

    #[test]
    fn the_transcript_must_have_messages_with_text() {
        let mut r = request();
        r.transcript.clear();
        let problems = validate_request(&r, monday()).unwrap_err();
        assert_eq!(codes(&problems), [TRANSCRIPT_EMPTY]);
        assert_eq!(
            (problems[0].status, problems[0].field.as_str()),
            (422, "transcript")
        );

        let mut r = request();
        r.transcript[1].text = " \n".into();
        let problems = validate_request(&r, monday()).unwrap_err();
        assert_eq!(codes(&problems), [INVALID_TRANSCRIPT]);
        assert_eq!(problems[0].field, "transcript[1].text");
    }

    #[test]
    fn message_times_may_be_past_or_a_little_ahead_but_not_in_the_future_or_out_of_order() {
        let dated = |at: &str| TranscriptMessage {
            at: Some(ts(at)),
            ..message(MessageRole::Customer, "hi")
        };
        let undated = message(MessageRole::Ai, "hello");
        // monday() is 10:00; the sender's clock may be 5 minutes ahead.
        let good = [
            dated("2026-06-08T09:00:00Z"),
            undated.clone(),
            dated("2026-06-08T09:00:00Z"),
            dated("2026-06-08T10:05:00Z"),
        ];
        assert_eq!(message_time_problems(&good, monday()), []);

        let bad = [
            dated("2026-06-08T09:30:00Z"),
            dated("2030-01-01T00:00:00Z"),
            undated,
            dated("2026-06-08T09:00:00Z"),
            dated("2026-06-08T09:45:00Z"),
            dated("2026-06-08T10:05:01Z"),
        ];
        let problems = message_time_problems(&bad, monday());
        let indexes: Vec<usize> = problems.iter().map(|(i, _)| *i).collect();
        assert_eq!(indexes, [1, 3, 5]);
        assert!(problems[0].1.contains("in the future"), "{}", problems[0].1);
        assert!(problems[0].1.contains("5 minutes"), "{}", problems[0].1);
        // The desk's clock as the API writes every instant: six digits.
        let now = monday() + jiff::SignedDuration::from_nanos(123_456_789);
        let ahead = message_time_problems(&bad[1..2], now);
        assert!(
            ahead[0]
                .1
                .contains("the desk's clock says 2026-06-08T10:00:00.123456Z,"),
            "{}",
            ahead[0].1
        );
        assert!(
            problems[1]
                .1
                .contains("before message 0 (2026-06-08T09:30:00Z)"),
            "{}",
            problems[1].1
        );

        let mut r = request();
        r.transcript[0].at = Some(ts("2026-06-08T09:50:00Z"));
        r.transcript[2].at = Some(ts("2026-06-08T11:00:00Z"));
        let problems = validate_request(&r, monday()).unwrap_err();
        assert_eq!(codes(&problems), [INVALID_TRANSCRIPT]);
        assert_eq!(
            (problems[0].status, problems[0].field.as_str()),
            (422, "transcript[2].at")
        );
        assert_eq!(validate_request(&r, ts("2026-06-08T11:00:00Z")), Ok(()));
    }

    #[test]
    fn a_message_is_recorded_at_its_own_time_but_never_after_it_was_received() {
        let past = ts("2026-06-08T09:00:00Z");
        assert_eq!(message_time(Some(past), monday()), past);
        assert_eq!(message_time(None, monday()), monday());
        let ahead = ts("2026-06-08T10:04:00Z");
        assert_eq!(message_time(Some(ahead), monday()), monday());
    }

    #[test]
    fn the_transcript_has_size_limits() {
        let mut r = request();
        r.transcript = vec![message(MessageRole::Customer, "hi"); MAX_TRANSCRIPT_MESSAGES];
        assert_eq!(validate_request(&r, monday()), Ok(()));
        r.transcript.push(message(MessageRole::Ai, "hello"));
        let problems = validate_request(&r, monday()).unwrap_err();
        assert_eq!(codes(&problems), [TRANSCRIPT_TOO_LARGE]);
        assert_eq!(
            (problems[0].status, problems[0].field.as_str()),
            (413, "transcript")
        );

        let mut r = request();
        // Characters, not bytes: 20 000 two-byte characters are fine.
        r.transcript[0].text = "é".repeat(MAX_MESSAGE_CHARS);
        assert_eq!(validate_request(&r, monday()), Ok(()));
        r.transcript[2].text = "x".repeat(MAX_MESSAGE_CHARS + 1);
        let problems = validate_request(&r, monday()).unwrap_err();
        assert_eq!(codes(&problems), [TRANSCRIPT_TOO_LARGE]);
        assert_eq!(problems[0].field, "transcript[2].text");
        assert_eq!(problems[0].status, 413);
        assert_eq!(status_of(&problems), 413);
    }

    #[test]
    fn context_values_must_be_scalars() {
        let r = with_context(&[
            ("a", Value::Null),
            ("b", json!([1])),
            ("c", json!({"x": 1})),
            ("d", json!("ok")),
            ("e", json!(1.5)),
            ("f", json!(false)),
        ]);
        let problems = validate_request(&r, monday()).unwrap_err();
        assert_eq!(codes(&problems), [INVALID_CONTEXT_VALUE; 3]);
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["context.a", "context.b", "context.c"]);
        assert!(problems[0].message.contains("null"));
        assert!(problems[1].message.contains("an array"));
        assert!(problems[2].message.contains("an object"));
    }

    #[test]
    fn the_context_has_a_size_limit() {
        let mut r = request();
        r.context = (0..MAX_CONTEXT_KEYS)
            .map(|i| (format!("k{i}"), json!(i)))
            .collect();
        assert_eq!(validate_request(&r, monday()), Ok(()));
        r.context.insert("one-more".into(), json!(1));
        let problems = validate_request(&r, monday()).unwrap_err();
        assert_eq!(codes(&problems), [CONTEXT_TOO_LARGE]);
        assert_eq!(
            (problems[0].status, problems[0].field.as_str()),
            (413, "context")
        );
    }

    #[test]
    fn a_context_key_too_long_is_named_by_its_start() {
        let mut r = request();
        let key = format!("order-{}", "x".repeat(MAX_CONTEXT_KEY_CHARS));
        r.context.insert(key, json!(1));
        let problems = validate_request(&r, monday()).unwrap_err();
        assert_eq!(codes(&problems), [FIELD_TOO_LONG]);
        assert_eq!(problems[0].field, "context");
        assert_eq!(
            problems[0].message,
            format!(
                "the context key 'order-{}…' has 106 characters; at most 100 are accepted",
                "x".repeat(34)
            )
        );
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let mut r = with_context(&[("bad", Value::Null)]);
        r.requester = Some(Requester {
            email: Some("nope".into()),
            ..Requester::default()
        });
        r.transcript = vec![
            message(MessageRole::Customer, ""),
            message(MessageRole::Ai, &"y".repeat(MAX_MESSAGE_CHARS + 1)),
        ];
        let problems = validate_request(&r, monday()).unwrap_err();
        assert_eq!(
            codes(&problems),
            [
                INVALID_REQUESTER_EMAIL,
                TRANSCRIPT_TOO_LARGE,
                INVALID_TRANSCRIPT,
                INVALID_CONTEXT_VALUE
            ]
        );
        assert_eq!(status_of(&problems), 413);
        r.transcript.pop();
        assert_eq!(status_of(&validate_request(&r, monday()).unwrap_err()), 422);
        // No requester at all and no transcript: both.
        r.requester = None;
        r.transcript.clear();
        assert_eq!(
            codes(&validate_request(&r, monday()).unwrap_err()),
            [REQUESTER_MISSING, TRANSCRIPT_EMPTY, INVALID_CONTEXT_VALUE]
        );
    }

    #[test]
    fn many_problems_of_one_kind_are_counted_past_the_cap() {
        let mut r = request();
        r.transcript = vec![message(MessageRole::Customer, ""); 25];
        let problems = validate_request(&r, monday()).unwrap_err();
        assert_eq!(problems.len(), MAX_REPORTED_PER_CODE + 1);
        assert!(problems.iter().all(|p| p.code == INVALID_TRANSCRIPT));
        let last = problems.last().unwrap();
        assert_eq!(last.field, "transcript");
        assert!(
            last.message.starts_with("15 more messages"),
            "{}",
            last.message
        );
    }

    // --- step 1 --------------------------------------------------------------

    #[test]
    fn step_one_refuses_an_unknown_agent() {
        let mut fx = Fixture::new();
        fx.agent = None;
        let rejection = fx.plan(&request()).unwrap_err();
        assert_eq!((rejection.status, rejection.code), (422, AGENT_NOT_FOUND));
        assert_eq!(rejection.field, "agent");
        assert!(rejection.message.contains("'shop'"));
    }

    #[test]
    fn an_unknown_agent_is_told_the_nearest_known_one() {
        let mut fx = Fixture::new();
        fx.agent = None;
        fx.agent_keys = vec!["billing".into(), "shop-eu".into()];
        let mut sent = request();
        sent.agent = "shop-e".into();
        let rejection = fx.plan(&sent).unwrap_err();
        assert_eq!(
            rejection.message,
            "there is no AI agent 'shop-e': did you mean 'shop-eu'?"
        );
        sent.agent = "warehouse".into();
        let rejection = fx.plan(&sent).unwrap_err();
        assert_eq!(rejection.message, "there is no AI agent 'warehouse'");
    }

    #[test]
    fn step_one_refuses_a_missing_or_disabled_action() {
        let mut fx = Fixture::new();
        fx.agent = Some(agent(None));
        assert_eq!(
            fx.plan(&request()).unwrap_err().code,
            HANDOVER_NOT_CONFIGURED
        );

        let mut fx = Fixture::new();
        fx.action().enabled = false;
        let rejection = fx.plan(&request()).unwrap_err();
        assert_eq!((rejection.status, rejection.code), (422, HANDOVER_DISABLED));
    }

    #[test]
    fn step_one_refuses_a_channel_the_action_does_not_offer() {
        let fx = Fixture::new();
        let mut r = request();
        r.channel = Channel::Telegram;
        let rejection = fx.plan(&r).unwrap_err();
        assert_eq!(
            (rejection.status, rejection.code),
            (422, CHANNEL_NOT_ALLOWED)
        );
        assert_eq!(rejection.field, "channel");
        assert!(
            rejection.message.contains("'telegram'"),
            "{}",
            rejection.message
        );
        assert!(
            rejection.message.ends_with("allowed: web, help-page"),
            "{}",
            rejection.message
        );

        let mut fx = Fixture::new();
        fx.action().channels.clear();
        let rejection = fx.plan(&request()).unwrap_err();
        assert!(
            rejection.message.ends_with("offered on no channel"),
            "{}",
            rejection.message
        );

        let mut fx = Fixture::new();
        fx.action().channels.push(Channel::Telegram);
        assert!(fx.plan(&r).is_ok());
    }

    // --- steps 2–3 -----------------------------------------------------------

    fn field_value(decision: &HandoffDecision, key: &str) -> Option<Value> {
        decision
            .fields
            .iter()
            .find(|f| f.key == key)
            .map(|f| f.value.clone())
    }

    fn mismatch(decision: &HandoffDecision, key: &str) -> Option<String> {
        decision
            .field_mismatches
            .iter()
            .find(|f| f.key == key)
            .map(|f| f.message.clone())
    }

    /// The converted value, or the mismatch message, of `key: value`.
    fn converted(key: &str, value: Value) -> Result<Value, String> {
        let decision = Fixture::new().decide(&with_context(&[(key, value)]));
        match (field_value(&decision, key), mismatch(&decision, key)) {
            (Some(value), None) => Ok(value),
            (None, Some(message)) => Err(message),
            other => panic!("{key}: {other:?}"),
        }
    }

    #[test]
    fn text_fields_take_any_scalar_as_text() {
        assert_eq!(converted("order-id", json!("A-1001")), Ok(json!("A-1001")));
        assert_eq!(converted("order-id", json!(1001)), Ok(json!("1001")));
        assert_eq!(converted("order-id", json!(2.5)), Ok(json!("2.5")));
        assert_eq!(converted("order-id", json!(true)), Ok(json!("true")));
        assert_eq!(converted("order-id", json!("")), Ok(json!("")));
    }

    #[test]
    fn number_fields_take_numbers_and_numeric_text() {
        assert_eq!(converted("count", json!(3)), Ok(json!(3)));
        assert_eq!(converted("count", json!(-2.5)), Ok(json!(-2.5)));
        assert_eq!(converted("count", json!("42")), Ok(json!(42)));
        assert_eq!(converted("count", json!("-4.5")), Ok(json!(-4.5)));
        assert_eq!(converted("count", json!("1e3")), Ok(json!(1000.0)));
        assert_eq!(
            converted("count", json!("18446744073709551615")),
            Ok(json!(u64::MAX))
        );
        for bad in ["abc", "", " 42", "inf", "NaN", "1,5", "infinity"] {
            let message = converted("count", json!(bad)).unwrap_err();
            assert!(message.contains("is not a number"), "{bad}: {message}");
        }
        let message = converted("count", json!(true)).unwrap_err();
        assert!(message.contains("boolean"), "{message}");
    }

    #[test]
    fn checkbox_fields_take_booleans_and_their_text() {
        assert_eq!(converted("vip", json!(true)), Ok(json!(true)));
        assert_eq!(converted("vip", json!(false)), Ok(json!(false)));
        assert_eq!(converted("vip", json!("true")), Ok(json!(true)));
        assert_eq!(converted("vip", json!("false")), Ok(json!(false)));
        for bad in [json!("yes"), json!("TRUE"), json!(1), json!(0)] {
            let message = converted("vip", bad.clone()).unwrap_err();
            assert!(message.contains("not true or false"), "{bad}: {message}");
        }
    }

    #[test]
    fn dropdown_fields_take_exactly_an_option() {
        assert_eq!(converted("tier", json!("gold")), Ok(json!("gold")));
        assert_eq!(converted("tier", json!(7)), Ok(json!("7")));
        assert_eq!(converted("tier", json!("7")), Ok(json!("7")));
        let message = converted("tier", json!("Gold")).unwrap_err();
        assert_eq!(message, "'Gold' is not one of the options: gold, silver, 7");
        let message = converted("tier", json!(true)).unwrap_err();
        assert!(message.contains("gold, silver, 7"), "{message}");

        let mut fx = Fixture::new();
        fx.fields = vec![field("tier", FieldType::Dropdown, &[])];
        let decision = fx.decide(&with_context(&[("tier", json!("gold"))]));
        assert!(mismatch(&decision, "tier").unwrap().contains("no options"));
    }

    #[test]
    fn date_fields_take_real_calendar_dates() {
        assert_eq!(
            converted("due", json!("2026-02-28")),
            Ok(json!("2026-02-28"))
        );
        assert_eq!(
            converted("due", json!("2028-02-29")),
            Ok(json!("2028-02-29"))
        );
        for bad in [
            "2026-02-30",
            "2026-2-3",
            "28/02/2026",
            "2026-02-28T10:00",
            "today",
        ] {
            let message = converted("due", json!(bad)).unwrap_err();
            assert!(message.contains("is not a date"), "{bad}: {message}");
        }
        assert!(
            converted("due", json!(20260228))
                .unwrap_err()
                .contains("not a date")
        );
    }

    #[test]
    fn a_mismatch_is_reported_with_its_value_and_a_warning_and_not_applied() {
        let decision = Fixture::new().decide(&with_context(&[("count", json!("lots"))]));
        assert!(decision.fields.is_empty());
        assert_eq!(
            decision.field_mismatches,
            [FieldMismatch {
                key: "count".into(),
                value: json!("lots"),
                message: "'lots' is not a number".into(),
            }]
        );
        assert_eq!(
            decision.warnings,
            ["context key 'count': 'lots' is not a number, so the number field 'count' is not set"]
        );
    }

    #[test]
    fn fields_match_exact_keys_only_and_broken_keys_are_never_used() {
        let decision = Fixture::new().decide(&with_context(&[
            ("Order-ID", json!("A-1")),
            ("order_id", json!("A-2")),
            ("order-id", json!("A-3")),
            ("tier", json!("gold")),
            ("color", json!("red")),
        ]));
        assert_eq!(field_value(&decision, "order-id"), Some(json!("A-3")));
        assert_eq!(decision.invalid_context_keys, ["Order-ID", "order_id"]);
        assert_eq!(decision.unmatched_context_keys, ["color"]);
        let keys: Vec<&str> = decision.fields.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(keys, ["order-id", "tier"], "sorted by key");
        let field = &decision.fields[1];
        assert_eq!(
            (field.name.as_str(), field.field_type),
            ("Field tier", FieldType::Dropdown)
        );
        assert_eq!(
            decision.warnings[0],
            "context key 'Order-ID' is not used: context keys use lowercase letters, digits and \
             dashes only (^[a-z0-9-]+$); send it as 'order-id' to set the ticket field 'order-id'"
        );
        assert!(decision.warnings[1].starts_with("context key 'order_id' is not used"));

        // Without the well-formed key, the field stays unset.
        let decision = Fixture::new().decide(&with_context(&[("Order-ID", json!("A-1"))]));
        assert!(decision.fields.is_empty());
        assert!(decision.field_mismatches.is_empty());
        assert!(decision.unmatched_context_keys.is_empty());
        assert_eq!(decision.invalid_context_keys, ["Order-ID"]);
    }

    #[test]
    fn a_key_with_no_suggestion_is_just_reported() {
        let decision = Fixture::new().decide(&with_context(&[("Colour", json!("red"))]));
        assert_eq!(
            decision.warnings,
            [
                "context key 'Colour' is not used: context keys use lowercase letters, digits and \
              dashes only (^[a-z0-9-]+$)"
            ]
        );
    }

    #[test]
    fn unusable_values_are_never_used_even_without_validation() {
        let mut fx = Fixture::new();
        fx.rules = vec![priority_rule(
            "p",
            1,
            vec![cond("context.extra", ConditionOp::Exists, None)],
            Priority::Urgent,
        )];
        let decision = fx.decide(&with_context(&[
            ("count", Value::Null),
            ("extra", json!([1, 2])),
        ]));
        assert!(decision.fields.is_empty());
        assert_eq!(decision.field_mismatches.len(), 1);
        assert!(decision.field_mismatches[0].message.contains("null"));
        assert_eq!(decision.unmatched_context_keys, ["extra"]);
        assert!(
            decision
                .warnings
                .iter()
                .any(|w| w.contains("'extra' is not used"))
        );
        assert_eq!(decision.priority.source, DecisionSource::Fallback);
    }

    // --- steps 4–5 -----------------------------------------------------------

    #[test]
    fn priority_comes_from_the_first_matching_rule_then_the_action_then_medium() {
        let mut fx = Fixture::new();
        fx.rules = vec![
            priority_rule("later", 2, vec![], Priority::Low),
            priority_rule("vip", 1, vec![eq("context.vip", "true")], Priority::Urgent),
        ];
        let decision = fx.decide(&with_context(&[("vip", json!(true))]));
        assert_eq!(decision.priority.value, Priority::Urgent);
        assert_eq!(
            decision.priority.source,
            DecisionSource::Rule {
                id: "vip".into(),
                position: 1,
                name: Some("rule vip".into())
            }
        );
        let decision = fx.decide(&request());
        assert_eq!(decision.priority.value, Priority::Low);

        fx.rules = vec![priority_rule(
            "email",
            1,
            vec![eq("channel", "email")],
            Priority::High,
        )];
        fx.action().default_priority = Some(Priority::High);
        let decision = fx.decide(&request());
        assert_eq!(
            (decision.priority.value, decision.priority.source),
            (Priority::High, DecisionSource::ActionDefault)
        );
        fx.action().default_priority = None;
        let decision = fx.decide(&request());
        assert_eq!(
            (decision.priority.value, decision.priority.source),
            (Priority::Medium, DecisionSource::Fallback)
        );
    }

    #[test]
    fn rules_see_the_request_facts() {
        let mut fx = Fixture::new();
        let facts_rule =
            |field: &str, value: &str| team_rule("t", 1, vec![eq(field, value)], "special");
        for (field, value) in [
            ("channel", "web"),
            ("agent", "shop"),
            ("environment", "production"),
            ("reason", "explicit-request"),
            ("requester.email", "ALICE@example.com"),
            ("context.tier", "gold"),
        ] {
            fx.rules = vec![facts_rule(field, value)];
            let decision = fx.decide(&with_context(&[("tier", json!("gold"))]));
            assert_eq!(decision.team.value.as_deref(), Some("special"), "{field}");
        }
        // A broken key is not a fact, even lowercased.
        fx.rules = vec![team_rule(
            "t",
            1,
            vec![cond("context.tier", ConditionOp::Exists, None)],
            "special",
        )];
        let decision = fx.decide(&with_context(&[("Tier", json!("gold"))]));
        assert_eq!(decision.team.source, DecisionSource::DefaultTeam);
    }

    #[test]
    fn team_comes_from_the_first_matching_rule_then_the_default_team_else_none() {
        let mut fx = Fixture::new();
        fx.rules = vec![team_rule(
            "billing",
            1,
            vec![eq("context.tier", "gold")],
            "billing",
        )];
        let decision = fx.decide(&with_context(&[("tier", json!("gold"))]));
        assert_eq!(decision.team.value.as_deref(), Some("billing"));
        assert!(matches!(decision.team.source, DecisionSource::Rule { .. }));

        let decision = fx.decide(&request());
        assert_eq!(
            (decision.team.value.as_deref(), &decision.team.source),
            (Some("support"), &DecisionSource::DefaultTeam)
        );
        assert!(decision.warnings.is_empty(), "{:?}", decision.warnings);

        fx.default_team = None;
        let plan = fx.plan(&request()).unwrap();
        assert_eq!(plan.team(), None);
        let assignee = plan.assign(&[online("alice", 0)], None);
        assert_eq!(assignee.reason, "no team to assign within");
        let decision = plan.finish(assignee, &[]);
        assert_eq!(decision.team.source, DecisionSource::NoTeam);
        assert_eq!(decision.assignee.value, None);
        assert_eq!(
            decision.warnings,
            [
                "no assignment rule matched and there is no default team: the ticket has no team, \
              so nobody is assigned",
                "nobody is available (the ticket has no team): the customer sees the auto-reply"
            ]
        );
    }

    // --- step 7 --------------------------------------------------------------

    #[test]
    fn the_customer_sees_the_waiting_label_when_someone_is_available() {
        let fx = Fixture::new().with_hours();
        let decision = fx.decide(&request());
        assert_eq!(
            decision.customer_sees,
            CustomerView {
                kind: "waiting-label".into(),
                text: HandoverAction::default().labels.waiting,
                reason: "1 of 1 member in team support online and under capacity".into(),
            }
        );
    }

    #[test]
    fn the_customer_sees_the_auto_reply_outside_hours_or_with_nobody_in_the_team() {
        let mut fx = Fixture::new().with_hours();
        fx.action().auto_reply = "We are closed.".into();
        let planned = plan(&request(), &fx.ws(), saturday()).unwrap();
        let team = fx.team();
        let decision = planned.finish(assign(AssignmentMethod::Manual, None, &[], None), &team);
        assert_eq!(
            decision.customer_sees,
            CustomerView {
                kind: "auto-reply".into(),
                text: "We are closed.".into(),
                reason: "outside business hours".into(),
            }
        );
        assert_eq!(
            decision.warnings,
            ["nobody is available (outside business hours): the customer sees the auto-reply"]
        );

        fx.operators_online = 0;
        let decision = fx.decide(&request());
        assert_eq!(decision.customer_sees.kind, "auto-reply");
        assert_eq!(
            decision.warnings[0],
            "nobody is available (nobody in team support is online and under capacity): the \
             customer sees the auto-reply"
        );
        let planned = plan(&request(), &fx.ws(), saturday()).unwrap();
        assert_eq!(
            planned
                .finish(assign(AssignmentMethod::Manual, None, &[], None), &[])
                .warnings[0],
            "nobody is available (outside business hours, team support has no members): the \
             customer sees the auto-reply"
        );
    }

    #[test]
    fn only_the_routed_team_counts_not_the_whole_workspace() {
        // Operators online elsewhere do not answer this team's customers: alice is at
        // capacity, so nobody in the team can take it.
        let fx = Fixture::new();
        let full = [Candidate {
            capacity: Some(1),
            ..online("alice", 1)
        }];
        let plan = fx.plan(&request()).unwrap();
        let decision = plan.clone().finish(plan.assign(&full, None), &full);
        assert_eq!(decision.customer_sees.kind, "auto-reply");
        assert_eq!(
            decision.customer_sees.reason,
            "nobody in team support is online and under capacity"
        );
        let decision = plan.clone().finish(plan.assign(&[], None), &[]);
        assert_eq!(decision.customer_sees.kind, "auto-reply");
        assert_eq!(decision.customer_sees.reason, "team support has no members");
        // Manual assignment assigns nobody, but someone online can still pick it up.
        let mut fx = Fixture::new();
        fx.assignment.method = AssignmentMethod::Manual;
        assert_eq!(fx.decide(&request()).customer_sees.kind, "waiting-label");
    }

    #[test]
    fn an_external_platform_does_not_count_desks_operators() {
        let mut fx = Fixture::new().with_hours();
        fx.action().platform = "zendesk".into();
        fx.operators_online = 0;
        let plan = fx.plan(&request()).unwrap();
        let decision = plan.clone().finish(plan.assign(&[], None), &[]);
        assert_eq!(decision.customer_sees.kind, "waiting-label");
        assert!(
            decision
                .customer_sees
                .reason
                .starts_with("the ticket goes to zendesk, whose agents Desk cannot see"),
            "{}",
            decision.customer_sees.reason
        );
        assert!(
            !decision
                .warnings
                .iter()
                .any(|w| w.contains("nobody is available")),
            "{:?}",
            decision.warnings
        );
        let planned = super::plan(&request(), &fx.ws(), saturday()).unwrap();
        let decision = planned.finish(assign(AssignmentMethod::Manual, None, &[], None), &[]);
        assert_eq!(decision.customer_sees.kind, "auto-reply");
        assert_eq!(decision.customer_sees.reason, "outside business hours");
    }

    #[test]
    fn an_external_platform_assigns_no_desk_operator_and_warns_of_nobody() {
        let mut fx = Fixture::new();
        fx.action().platform = "zendesk".into();
        fx.assignment.method = AssignmentMethod::RoundRobin;
        let team = TeamState {
            candidates: vec![online("alice", 0), online("bob", 0)],
            last_assigned: Some("alice".into()),
        };
        for environment in [Environment::Production, Environment::Development] {
            let request = HandoffRequest {
                environment,
                ..request()
            };
            let plan = fx.plan(&request).unwrap();
            assert_eq!(plan.team(), Some("support"), "still routed by the rules");
            assert_eq!(plan.candidates_from(), None, "no Desk operator to load");
            let decision = plan.clone().decide(&team);
            assert_eq!(decision.assignee.value, None);
            assert_eq!(decision.assignee.method, AssignmentMethod::RoundRobin);
            assert_eq!(
                decision.assignee.reason,
                "the ticket goes to zendesk, which assigns its own agents: Desk's operators \
                 are not assigned"
            );
            assert!(decision.warnings.is_empty(), "{:?}", decision.warnings);
            let nobody = plan.decide(&TeamState::default());
            assert_eq!(nobody.assignee.value, None);
            assert!(nobody.warnings.is_empty(), "{:?}", nobody.warnings);
        }

        // The inbox assigns from the team, where the rotation stands.
        fx.action().platform = "inbox".into();
        let plan = fx.plan(&request()).unwrap();
        assert_eq!(plan.candidates_from(), Some("support"));
        let decision = plan.decide(&team);
        assert_eq!(decision.assignee.value.as_deref(), Some("bob"));
    }

    #[test]
    fn the_customer_view_agrees_with_the_button_for_an_external_platform() {
        for (at, members_online) in [
            (monday(), 0),
            (monday(), 3),
            (saturday(), 0),
            (saturday(), 3),
        ] {
            let mut fx = Fixture::new().with_hours();
            fx.action().platform = "intercom".into();
            let team: Vec<Candidate> = (0..members_online)
                .map(|n| online(&format!("op{n}"), 0))
                .collect();
            let decision = plan(&request(), &fx.ws(), at)
                .unwrap()
                .finish(assign(AssignmentMethod::Manual, None, &[], None), &team);
            let answerers = button::answerers("intercom", Some("support"), &team);
            let button = button::evaluate(&button::ButtonInputs {
                action: fx.agent.as_ref().unwrap().handover.as_ref(),
                messages: 3,
                hours_open: fx.schedule.is_open(at),
                answerers: &answerers,
            });
            assert_eq!(
                Some(decision.customer_sees.kind.as_str()),
                button.customer_sees
            );
            assert_eq!(Some(decision.customer_sees.text), button.customer_text);
        }
    }

    // --- step 8 --------------------------------------------------------------

    #[test]
    fn the_summary_says_who_where_how_much_why_and_what_was_set() {
        let decision = Fixture::new().decide(&with_context(&[
            ("order-id", json!("A-1001")),
            ("vip", json!("true")),
            ("color", json!("red")),
        ]));
        assert_eq!(
            decision.summary,
            "Alice talked to Shop Assistant (shop) on web: 3 messages, 2 from the customer.\n\
             Reason: the customer asked for a human.\n\
             First customer message: \"Where is my order?\"\n\
             Last customer message: \"I want to talk to a person.\"\n\
             Fields set: order-id = A-1001, vip = true."
        );
    }

    #[test]
    fn the_summary_words_reasons_and_leaves_out_what_is_absent() {
        let fx = Fixture::new();
        let summary = |reason: Option<&str>| {
            let mut r = request();
            r.reason = reason.map(str::to_string);
            fx.decide(&r).summary
        };
        assert!(
            summary(Some("failed-resolution"))
                .contains("\nReason: the AI could not resolve the issue.\n")
        );
        assert!(summary(Some("refund over limit")).contains("\nReason: refund over limit.\n"));
        assert!(summary(Some("Angry!")).contains("\nReason: Angry!\n"));
        for none in [None, Some(""), Some("  ")] {
            let text = summary(none);
            assert!(!text.contains("Reason"), "{text}");
            assert!(!text.contains("Fields set"), "{text}");
        }
    }

    #[test]
    fn the_summary_quotes_one_message_once_and_notes_none() {
        let fx = Fixture::new();
        let mut r = request();
        r.requester = Some(Requester {
            email: Some("bob@example.com".into()),
            ..Requester::default()
        });
        r.transcript = vec![
            message(MessageRole::Ai, "Hello!"),
            message(MessageRole::Customer, "Help\n\nme   please"),
        ];
        let summary = fx.decide(&r).summary;
        assert_eq!(
            summary.lines().collect::<Vec<_>>(),
            [
                "bob@example.com talked to Shop Assistant (shop) on web: 2 messages, 1 from the customer.",
                "Reason: the customer asked for a human.",
                "Customer message: \"Help me please\"",
            ]
        );

        r.transcript = vec![message(MessageRole::Ai, "Escalating.")];
        r.requester = Some(Requester {
            external_id: Some("u-77".into()),
            ..Requester::default()
        });
        let summary = fx.decide(&r).summary;
        assert!(
            summary.starts_with(
                "u-77 talked to Shop Assistant (shop) on web: 1 message, 0 from the customer."
            ),
            "{summary}"
        );
        assert!(summary.contains("\nThe customer wrote no message."));
    }

    #[test]
    fn the_summary_cuts_long_messages_and_names_the_agent_by_key_when_it_has_no_other_name() {
        let mut fx = Fixture::new();
        fx.agent.as_mut().unwrap().name = "shop".into();
        let mut r = request();
        r.transcript[2].text = "z".repeat(500);
        let summary = fx.decide(&r).summary;
        assert!(
            summary.starts_with("Alice talked to shop on web"),
            "{summary}"
        );
        let last = summary.lines().find(|l| l.starts_with("Last")).unwrap();
        let quoted = last
            .trim_start_matches("Last customer message: \"")
            .trim_end_matches('"');
        assert_eq!(quoted.chars().count(), SUMMARY_QUOTE_CHARS);
        assert!(quoted.ends_with('…'));
    }

    #[test]
    fn the_summary_is_deterministic_and_the_agents_own_is_kept() {
        let fx = Fixture::new();
        let r = with_context(&[("tier", json!("gold")), ("count", json!("3"))]);
        assert_eq!(fx.decide(&r).summary, fx.decide(&r.clone()).summary);

        let mut own = r.clone();
        own.summary = Some("  Customer wants a refund.  ".into());
        let decision = fx.decide(&own);
        assert_eq!(decision.summary, "Customer wants a refund.");
        assert_eq!(
            decision.fields,
            fx.decide(&r).fields,
            "everything else is still decided"
        );
        own.summary = Some(" ".into());
        assert_eq!(fx.decide(&own).summary, fx.decide(&r).summary);
    }

    #[test]
    fn the_subject_is_the_first_customer_message_cut_to_eighty() {
        let fx = Fixture::new();
        assert_eq!(fx.decide(&request()).subject, "Where is my order?");
        let mut r = request();
        r.transcript
            .insert(0, message(MessageRole::Ai, "Hi, how can I help?"));
        r.transcript[1].text = format!("My  parcel\n{}", "x".repeat(200));
        let subject = fx.decide(&r).subject;
        assert_eq!(subject.chars().count(), SUBJECT_CHARS);
        assert!(subject.starts_with("My parcel xxx"));
        assert!(subject.ends_with('…'));
        let exactly = "e".repeat(SUBJECT_CHARS);
        r.transcript[1].text = exactly.clone();
        assert_eq!(fx.decide(&r).subject, exactly);
    }

    #[test]
    fn without_a_customer_message_the_subject_names_the_requester() {
        let fx = Fixture::new();
        let mut r = request();
        r.transcript = vec![message(MessageRole::Ai, "Escalating.")];
        assert_eq!(fx.decide(&r).subject, "Conversation with Alice");
        r.requester.as_mut().unwrap().name = None;
        assert_eq!(fx.decide(&r).subject, "Conversation with alice@example.com");
        r.requester.as_mut().unwrap().email = None;
        assert_eq!(fx.decide(&r).subject, "Conversation with u-1");
    }

    #[test]
    fn cut_keeps_short_text_and_ends_long_text_with_an_ellipsis() {
        assert_eq!(cut("short", 10), "short");
        assert_eq!(cut("  a \n b  ", 10), "a b");
        assert_eq!(cut("abcdefghijk", 10), "abcdefghi…");
        assert_eq!(
            cut("abcd efghijk", 6),
            "abcd…",
            "no space before the ellipsis"
        );
        assert_eq!(cut("ééééééé", 4), "ééé…");
    }

    // --- outcome -------------------------------------------------------------

    #[test]
    fn the_outcome_depends_on_the_environment_the_setting_and_the_platform() {
        let on = HandoffSettings {
            preview_in_non_production: true,
        };
        let off = HandoffSettings {
            preview_in_non_production: false,
        };
        use Environment::*;
        use HandoffOutcome::*;
        for (env, settings, platform, expected) in [
            (Development, &on, "inbox", Preview),
            (Staging, &on, "zendesk", Preview),
            (Production, &on, "inbox", Ticket),
            (Production, &on, "zendesk", External),
            (Development, &off, "inbox", Ticket),
            (Staging, &off, "freshdesk", External),
            (Production, &off, "inbox", Ticket),
        ] {
            assert_eq!(
                outcome(env, settings, platform),
                expected,
                "{env} {platform}"
            );
        }

        let mut fx = Fixture::new();
        let mut r = request();
        r.environment = Staging;
        assert_eq!(fx.plan(&r).unwrap().outcome(), Preview);
        fx.handoff.preview_in_non_production = false;
        fx.action().platform = "intercom".into();
        let decision = fx.decide(&r);
        assert_eq!(decision.outcome, External);
        assert_eq!(decision.platform, "intercom");
        assert_eq!(decision.action, "Escalate_To_Human");
        assert_eq!(
            (decision.environment, decision.channel),
            (Staging, Channel::Web)
        );
    }

    // --- step 6 --------------------------------------------------------------

    fn online(handle: &str, open_tickets: u32) -> Candidate {
        Candidate {
            handle: handle.into(),
            availability: Availability::Online,
            capacity: None,
            open_tickets,
            last_assigned_at: None,
        }
    }

    #[test]
    fn manual_assignment_assigns_nobody() {
        let decision = assign(
            AssignmentMethod::Manual,
            Some("support"),
            &[online("a", 0)],
            None,
        );
        assert_eq!(decision.value, None);
        assert_eq!(decision.method, AssignmentMethod::Manual);
        assert_eq!(
            decision.reason,
            "manual assignment: the ticket waits to be taken"
        );
        let decision = assign(AssignmentMethod::Manual, None, &[], None);
        assert_eq!(
            decision.reason,
            "manual assignment: the ticket waits to be taken"
        );
    }

    #[test]
    fn nobody_is_assigned_without_a_team_members_or_availability() {
        for method in [AssignmentMethod::Balanced, AssignmentMethod::RoundRobin] {
            let decision = assign(method, None, &[online("a", 0)], None);
            assert_eq!(
                (decision.value, decision.reason.as_str()),
                (None, "no team to assign within")
            );
            let decision = assign(method, Some("support"), &[], None);
            assert_eq!(decision.reason, "team support has no members");
            let team = [
                Candidate {
                    availability: Availability::Away,
                    ..online("alice", 0)
                },
                Candidate {
                    capacity: Some(2),
                    ..online("bob", 2)
                },
                Candidate {
                    availability: Availability::Offline,
                    ..online("carol", 0)
                },
            ];
            let decision = assign(method, Some("support"), &team, Some("alice"));
            assert_eq!(decision.value, None);
            assert_eq!(
                decision.reason,
                "nobody in team support is online and under capacity (3 members: 2 not online, 1 at capacity)"
            );
        }
    }

    #[test]
    fn balanced_explains_the_fewest_open_tickets() {
        let team = [online("alice", 3), online("bob", 2), online("carol", 5)];
        let decision = assign(AssignmentMethod::Balanced, Some("support"), &team, None);
        assert_eq!(decision.value.as_deref(), Some("bob"));
        assert_eq!(decision.method, AssignmentMethod::Balanced);
        assert_eq!(
            decision.reason,
            "balanced: bob has the fewest open tickets (2) among 3 available"
        );

        let team = [
            online("alice", 1),
            Candidate {
                availability: Availability::Busy,
                ..online("bob", 0)
            },
        ];
        let decision = assign(AssignmentMethod::Balanced, Some("support"), &team, None);
        assert_eq!(
            decision.reason,
            "balanced: alice is the only one available in team support (1 open ticket)"
        );
    }

    #[test]
    fn balanced_explains_how_a_tie_was_broken() {
        let earlier = Some(ts("2026-06-01T09:00:00Z"));
        let later = Some(ts("2026-06-02T09:00:00Z"));
        let team = [
            Candidate {
                last_assigned_at: later,
                ..online("alice", 1)
            },
            Candidate {
                last_assigned_at: earlier,
                ..online("bob", 1)
            },
        ];
        let decision = assign(AssignmentMethod::Balanced, Some("support"), &team, None);
        assert_eq!(
            decision.reason,
            "balanced: bob has the fewest open tickets (1) among 2 available; tied with alice, \
             bob was assigned least recently"
        );
        let team = [online("carol", 0), online("bob", 0)];
        let decision = assign(AssignmentMethod::Balanced, Some("support"), &team, None);
        assert_eq!(
            decision.reason,
            "balanced: bob has the fewest open tickets (0) among 2 available; tied with carol, \
             bob has not been assigned a ticket yet and comes first by handle"
        );
    }

    #[test]
    fn round_robin_explains_the_rotation() {
        let team = [online("alice", 9), online("bob", 0), online("carol", 0)];
        let method = AssignmentMethod::RoundRobin;
        let decision = assign(method, Some("support"), &team, None);
        assert_eq!(decision.value.as_deref(), Some("alice"));
        assert_eq!(
            decision.reason,
            "round-robin: alice starts the rotation among 3 available"
        );
        let decision = assign(method, Some("support"), &team, Some("alice"));
        assert_eq!(
            decision.reason,
            "round-robin: bob is next after alice among 3 available"
        );
        let decision = assign(method, Some("support"), &team, Some("carol"));
        assert_eq!(decision.value.as_deref(), Some("alice"));
        assert_eq!(
            decision.reason,
            "round-robin: alice is next after carol (the rotation starts over) among 3 available"
        );
    }

    #[test]
    fn finishing_records_the_assignee_and_warns_when_nobody_could_take_it() {
        let fx = Fixture::new();
        let plan = fx.plan(&request()).unwrap();
        assert_eq!(plan.method(), AssignmentMethod::Balanced);
        assert_eq!(plan.team(), Some("support"));
        let bob = [online("bob", 0)];
        let decision = plan.clone().finish(plan.assign(&bob, None), &bob);
        assert_eq!(decision.assignee.value.as_deref(), Some("bob"));
        assert!(decision.warnings.is_empty());

        let decision = plan.clone().finish(plan.assign(&[], None), &[]);
        assert_eq!(
            decision.warnings,
            [
                "nobody is available (team support has no members): the customer sees the \
                 auto-reply",
                "nobody is assigned: team support has no members"
            ]
        );

        let mut fx = Fixture::new();
        fx.assignment.method = AssignmentMethod::Manual;
        let plan = fx.plan(&request()).unwrap();
        let decision = plan.clone().finish(plan.assign(&bob, None), &bob);
        assert_eq!(decision.assignee.value, None);
        assert!(decision.warnings.is_empty(), "manual is not a problem");
    }

    #[test]
    fn the_decision_serializes_as_the_api_describes() {
        let decision = Fixture::new().decide(&with_context(&[("tier", json!("gold"))]));
        let value = serde_json::to_value(&decision).unwrap();
        assert_eq!(
            value["priority"],
            json!({"value": "medium", "source": "fallback"})
        );
        assert_eq!(
            value["team"],
            json!({"value": "support", "source": "default-team"})
        );
        assert_eq!(value["outcome"], json!("ticket"));
        assert_eq!(value["customer_sees"]["kind"], json!("waiting-label"));
        assert_eq!(
            value["fields"],
            json!([{"key": "tier", "name": "Field tier", "type": "dropdown", "value": "gold"}])
        );
    }

    // --- properties ----------------------------------------------------------

    const VALID_KEYS: &[&str] = &["order-id", "count", "vip", "tier", "due", "color", "x-1"];
    const INVALID_KEYS: &[&str] = &["Order-ID", "order_id", "VIP", "Tier", "bad key", "", "é"];

    fn any_value() -> impl Strategy<Value = Value> {
        prop_oneof![
            proptest::sample::select(vec![
                "gold",
                "silver",
                "bronze",
                "7",
                "42",
                "-4.5",
                "abc",
                "true",
                "false",
                "2026-02-28",
                "2026-02-30",
                "",
                "A-1001",
            ])
            .prop_map(|s| json!(s)),
            proptest::sample::select(vec![json!(7), json!(42), json!(-4.5), json!(0)]),
            any::<bool>().prop_map(Value::Bool),
            Just(Value::Null),
        ]
    }

    fn any_context(
        keys: &'static [&'static str],
    ) -> impl Strategy<Value = BTreeMap<String, Value>> {
        proptest::collection::btree_map(
            proptest::sample::select(keys).prop_map(str::to_string),
            any_value(),
            0..6,
        )
    }

    fn any_condition() -> impl Strategy<Value = Condition> {
        prop_oneof![
            proptest::sample::select(vec!["web", "help-page", "email"])
                .prop_map(|v| eq("channel", v)),
            proptest::sample::select(vec!["development", "production"])
                .prop_map(|v| eq("environment", v)),
            proptest::sample::select(vec!["explicit-request", "refund"])
                .prop_map(|v| eq("reason", v)),
            Just(cond(
                "requester.email",
                ConditionOp::Contains,
                Some("example")
            )),
            (
                proptest::sample::select(VALID_KEYS),
                proptest::sample::select(vec!["gold", "true", "42", "7", "abc"]),
            )
                .prop_map(|(key, v)| eq(&format!("context.{key}"), v)),
            proptest::sample::select(VALID_KEYS).prop_map(|key| cond(
                &format!("context.{key}"),
                ConditionOp::Exists,
                None
            )),
            proptest::sample::select(VALID_KEYS).prop_map(|key| cond(
                &format!("context.{key}"),
                ConditionOp::NotEquals,
                Some("gold")
            )),
        ]
    }

    fn any_rule() -> impl Strategy<Value = Rule> {
        (
            proptest::collection::vec(any_condition(), 0..3),
            any::<bool>(),
            any::<bool>(),
            proptest::sample::select(vec![Priority::Low, Priority::High, Priority::Urgent]),
            proptest::sample::select(vec!["billing", "vip", "support"]),
            1u32..6,
        )
            .prop_map(
                |(conditions, is_priority, any, priority, team, position)| Rule {
                    id: format!("rule_{position}_{team}"),
                    kind: if is_priority {
                        RuleKind::Priority
                    } else {
                        RuleKind::Assignment
                    },
                    position,
                    name: None,
                    match_mode: if any { MatchMode::Any } else { MatchMode::All },
                    conditions,
                    priority: is_priority.then_some(priority),
                    team: (!is_priority).then(|| team.to_string()),
                },
            )
    }

    fn any_request(keys: &'static [&'static str]) -> impl Strategy<Value = HandoffRequest> {
        (
            proptest::sample::select(vec![
                Environment::Development,
                Environment::Staging,
                Environment::Production,
            ]),
            proptest::sample::select(vec![Channel::Web, Channel::HelpPage, Channel::Email]),
            proptest::collection::vec((any::<bool>(), "[a-z ]{1,30}"), 1..5),
            any_context(keys),
            proptest::option::of(proptest::sample::select(vec![
                "explicit-request",
                "failed-resolution",
                "refund",
            ])),
            proptest::option::of(Just("Alice")),
        )
            .prop_map(
                |(environment, channel, transcript, context, reason, name)| HandoffRequest {
                    agent: "shop".into(),
                    environment,
                    channel,
                    requester: Some(Requester {
                        name: name.map(str::to_string),
                        email: Some("alice@example.com".into()),
                        external_id: None,
                        phone: None,
                    }),
                    transcript: transcript
                        .into_iter()
                        .map(|(customer, text)| {
                            let role = if customer {
                                MessageRole::Customer
                            } else {
                                MessageRole::Ai
                            };
                            message(role, &text)
                        })
                        .collect(),
                    context,
                    reason: reason.map(str::to_string),
                    summary: None,
                },
            )
    }

    fn any_fixture() -> impl Strategy<Value = Fixture> {
        (
            proptest::collection::vec(any_rule(), 0..6),
            proptest::option::of(Just("support")),
            any::<bool>(),
            0u32..2,
            proptest::sample::select(vec![
                AssignmentMethod::Manual,
                AssignmentMethod::Balanced,
                AssignmentMethod::RoundRobin,
            ]),
        )
            .prop_map(|(rules, default_team, preview, online, method)| {
                let mut fx = Fixture::new().with_hours();
                fx.rules = rules;
                fx.default_team = default_team.map(str::to_string);
                fx.handoff.preview_in_non_production = preview;
                fx.operators_online = online;
                fx.assignment.method = method;
                fx
            })
    }

    fn any_instant() -> impl Strategy<Value = Timestamp> {
        proptest::sample::select(vec![monday(), saturday()])
    }

    fn candidates() -> Vec<Candidate> {
        vec![online("alice", 2), online("bob", 1), online("carol", 1)]
    }

    fn run(
        fx: &Fixture,
        request: &HandoffRequest,
        at: Timestamp,
    ) -> Result<HandoffDecision, Rejection> {
        plan(request, &fx.ws(), at).map(|plan| {
            let mut team = candidates();
            if fx.operators_online == 0 {
                team.iter_mut()
                    .for_each(|c| c.availability = Availability::Offline);
            }
            let assignee = plan.assign(&team, Some("alice"));
            plan.finish(assignee, &team)
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn plan_is_deterministic(
            fx in any_fixture(),
            request in any_request(&["order-id", "count", "vip", "tier", "due", "color", "Order-ID", "VIP"]),
            at in any_instant(),
        ) {
            let first = run(&fx, &request, at);
            let second = run(&fx, &request.clone(), at);
            prop_assert_eq!(first, second);
        }

        #[test]
        fn every_valid_key_lands_in_exactly_one_list(
            fx in any_fixture(),
            valid in any_context(VALID_KEYS),
            invalid in any_context(INVALID_KEYS),
        ) {
            let mut request = request();
            request.context = valid.clone();
            request.context.extend(invalid.clone());
            let decision = run(&fx, &request, monday()).unwrap();
            for key in valid.keys() {
                let places = [
                    decision.fields.iter().filter(|f| &f.key == key).count(),
                    decision.field_mismatches.iter().filter(|f| &f.key == key).count(),
                    decision.unmatched_context_keys.iter().filter(|k| *k == key).count(),
                ];
                prop_assert_eq!(places.iter().sum::<usize>(), 1, "{}: {:?}", key, places);
                prop_assert!(!decision.invalid_context_keys.contains(key));
            }
            let invalid_keys: Vec<String> = invalid.keys().cloned().collect();
            prop_assert_eq!(&decision.invalid_context_keys, &invalid_keys);
            let total = decision.fields.len()
                + decision.field_mismatches.len()
                + decision.unmatched_context_keys.len();
            prop_assert_eq!(total, valid.len());
            // Sorted, by key.
            let field_keys: Vec<&String> = decision.fields.iter().map(|f| &f.key).collect();
            prop_assert!(field_keys.is_sorted());
            prop_assert!(decision.field_mismatches.iter().map(|f| &f.key).is_sorted());
            prop_assert!(decision.unmatched_context_keys.is_sorted());
        }

        #[test]
        fn invalid_keys_never_change_what_valid_keys_decide(
            fx in any_fixture(),
            request in any_request(VALID_KEYS),
            invalid in any_context(INVALID_KEYS),
            at in any_instant(),
        ) {
            let before = run(&fx, &request, at);
            let mut noisy = request.clone();
            noisy.context.extend(invalid.clone());
            let after = run(&fx, &noisy, at).map(|mut after| {
                let invalid_keys: Vec<String> = invalid.keys().cloned().collect();
                assert_eq!(after.invalid_context_keys, invalid_keys);
                after.invalid_context_keys.clear();
                after.warnings.retain(|w| {
                    !invalid
                        .keys()
                        .any(|key| w.starts_with(&format!("context key '{key}' is not used")))
                });
                after
            });
            prop_assert_eq!(after, before);
        }

        #[test]
        fn a_rule_that_matches_nothing_never_changes_the_decision(
            fx in any_fixture(),
            request in any_request(VALID_KEYS),
            extra in any_rule(),
            index in 0usize..8,
            at in any_instant(),
        ) {
            let valid: BTreeMap<&str, &Value> = request
                .context
                .iter()
                .map(|(k, v)| (k.as_str(), v))
                .collect();
            let facts = rule_facts(&request, "shop", &valid);
            prop_assume!(!rules::rule_matches(&extra, &facts));
            let before = run(&fx, &request, at);
            let mut fx = fx;
            let index = index.min(fx.rules.len());
            fx.rules.insert(index, extra);
            prop_assert_eq!(run(&fx, &request, at), before);
        }

        #[test]
        fn the_summary_and_subject_stay_brief(request in any_request(VALID_KEYS)) {
            let Ok(decision) = run(&Fixture::new(), &request, monday()) else {
                prop_assert_eq!(request.channel, Channel::Email);
                return Ok(());
            };
            prop_assert!(decision.subject.chars().count() <= SUBJECT_CHARS);
            prop_assert!(!decision.subject.is_empty());
            prop_assert!(decision.summary.lines().count() <= 5);
            prop_assert!(decision.summary.lines().all(|l| l.chars().count() <= 2 * SUMMARY_QUOTE_CHARS + 40));
        }
    }
}
