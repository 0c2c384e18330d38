//! `/v1/inbound/email`: the support inbox. Email to its address opens a ticket
//! handled by people, with no AI involved.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use jiff::Timestamp;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::handoffs::{Loaded, assignment_entry};
use crate::api::{
    AuthorKind, Channel, Environment, FieldError, InboundEmail, InboundResult, Problem, Requester,
    Role, RuleFacts, TimelineKind,
};
use crate::domain::tickets::{NewEntry, NewTicket};
use crate::domain::validate::check_email;
use crate::domain::{handoff, rules};
use crate::server::AppState;
use crate::server::auth::Principal;
use crate::server::error::{ApiError, ApiResult};
use crate::server::json::ApiJson;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(receive))
}

/// The longest subject and body taken from an email.
const MAX_SUBJECT_CHARS: usize = 300;
const MAX_TEXT_CHARS: usize = 100_000;

/// `Name <address>` or `address` → (name, address).
fn parse_mailbox(text: &str) -> (Option<String>, String) {
    let text = text.trim();
    match (text.rfind('<'), text.rfind('>')) {
        (Some(open), Some(close)) if open < close => {
            let name = text[..open].trim().trim_matches('"').trim();
            (
                (!name.is_empty()).then(|| name.to_string()),
                text[open + 1..close].trim().to_string(),
            )
        }
        _ => (None, text.to_string()),
    }
}

/// Open a ticket from an email to the support inbox. A message id seen before
/// creates nothing and answers with its ticket (200).
#[utoipa::path(post, path = "/v1/inbound/email", tag = "inbound", request_body = InboundEmail,
    responses((status = 201, body = InboundResult), (status = 200, body = InboundResult),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn receive(
    State(state): State<AppState>,
    principal: Principal,
    ApiJson(email): ApiJson<InboundEmail>,
) -> ApiResult<(StatusCode, Json<InboundResult>)> {
    match &principal {
        Principal::Ingest { .. } => {}
        other => other.require(Role::Manager)?,
    }
    let loaded = Loaded::load(&state.store, "").await?;
    let inbox = &loaded.assignment.support_inbox;
    let address = match (&inbox.address, inbox.enabled) {
        (Some(address), true) => address.clone(),
        _ => {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "support_inbox_disabled",
                "the support inbox is off; turn it on with `deskctl assignment set --support-inbox ADDRESS`",
            ));
        }
    };
    let (name, from) = parse_mailbox(&email.from);
    let (_, to) = parse_mailbox(&email.to);
    let mut errors = Vec::new();
    if let Err(message) = check_email(&from) {
        errors.push(FieldError::new("from", message));
    }
    if !to.eq_ignore_ascii_case(&address) {
        errors.push(FieldError::new(
            "to",
            format!("'{to}' is not the support inbox's address"),
        ));
    }
    if email.message_id.trim().is_empty() {
        errors.push(FieldError::new("message-id", "must not be empty"));
    }
    if email.subject.chars().count() > MAX_SUBJECT_CHARS {
        errors.push(FieldError::new(
            "subject",
            format!("must be at most {MAX_SUBJECT_CHARS} characters"),
        ));
    }
    if email.text.chars().count() > MAX_TEXT_CHARS {
        errors.push(FieldError::new(
            "text",
            format!("must be at most {MAX_TEXT_CHARS} characters"),
        ));
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
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
    let at = Timestamp::now();
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
    let (number, created) = state
        .store
        .record_inbound_email(email.message_id.trim(), team.value.as_deref(), |state| {
            let assignee = handoff::assign(
                method,
                team.value.as_deref(),
                &state.candidates,
                state.last_assigned.as_deref(),
            );
            let mut timeline = vec![
                NewEntry::system(
                    "created",
                    format!("Email to the support inbox {address}"),
                    at,
                ),
                NewEntry {
                    kind: TimelineKind::Message,
                    author_kind: AuthorKind::Customer,
                    author: name.clone().or_else(|| Some(from.clone())),
                    event: None,
                    body: Some(email.text.clone()),
                    channel: Some(Channel::Email),
                    at,
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
                timeline,
            }
        })
        .await?;
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((
        status,
        Json(InboundResult {
            ticket: number,
            created,
        }),
    ))
}

#[cfg(test)]
mod tests {
    use super::parse_mailbox;

    #[test]
    fn mailboxes_split_into_name_and_address() {
        assert_eq!(
            parse_mailbox("\"Carol Diaz\" <carol@example.com>"),
            (Some("Carol Diaz".into()), "carol@example.com".into())
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
