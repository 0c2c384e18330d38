//! `/v1/tickets`: the inbox. Views and filters, timelines, and the actions
//! operators take, each recorded on the ticket's timeline.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use jiff::Timestamp;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{page_limit, parse_instant};
use crate::api::{
    AssignRequest, AuthorKind, Availability, ConversationAppend, ConversationState, MessageRole,
    NoteRequest, Page, PageQuery, PriorityRequest, Problem, ReplyRequest, RequesterTicket, Role,
    Ticket, TicketDetail, TicketQuery, TicketStatus, TicketView, TimelineKind,
};
use crate::server::AppState;
use crate::server::auth::{Principal, generate_id};
use crate::server::delivery::compose;
use crate::server::error::{ApiError, ApiResult};
use crate::server::json::{ApiJson, ApiQuery};
use crate::server::routing::reply::reply_channel;
use crate::server::store::outbox::SendingChange;
use crate::server::store::tickets::{NewEntry, TicketChange, TicketFilter, Viewer};
use crate::server::store::{Store, StoreError, stored_time};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(show))
        .routes(routes!(assign))
        .routes(routes!(unassign))
        .routes(routes!(take))
        .routes(routes!(set_priority))
        .routes(routes!(note))
        .routes(routes!(reply))
        .routes(routes!(takeover))
        .routes(routes!(resolve))
        .routes(routes!(reopen))
        .routes(routes!(append_conversation))
        .routes(routes!(requester_tickets))
}

/// The longest note or reply.
const MAX_BODY_CHARS: usize = 20_000;

/// Owners and managers see every ticket; operators see their own and the
/// unassigned tickets of their teams.
pub(crate) async fn may_see(
    store: &Store,
    principal: &Principal,
    ticket: &Ticket,
) -> ApiResult<()> {
    if principal.require(Role::Manager).is_ok() {
        return Ok(());
    }
    principal.require_operator()?;
    let handle = principal.handle().unwrap_or_default();
    if ticket.assignee.as_deref() == Some(handle) {
        return Ok(());
    }
    if ticket.assignee.is_none() {
        let operator = store.get_operator(handle).await?;
        if ticket
            .team
            .as_ref()
            .is_some_and(|team| operator.teams.contains(team))
        {
            return Ok(());
        }
    }
    Err(ApiError::forbidden(format!(
        "ticket {} is not assigned to you or unassigned in one of your teams",
        ticket.number
    )))
}

/// Operators act only on tickets assigned to them; owners and managers on any.
fn may_act(principal: &Principal, ticket: &Ticket, action: &str) -> Result<(), StoreError> {
    if principal.require(Role::Manager).is_ok() {
        return Ok(());
    }
    if principal.handle().is_some() && ticket.assignee.as_deref() == principal.handle() {
        return Ok(());
    }
    Err(StoreError::Forbidden(format!(
        "only the ticket's assignee, a manager or an owner may {action} ticket {}",
        ticket.number
    )))
}

fn not_resolved(ticket: &Ticket, action: &str) -> Result<(), StoreError> {
    if ticket.status == TicketStatus::Resolved {
        return Err(StoreError::Conflict {
            code: "ticket_resolved",
            detail: format!(
                "ticket {} is resolved: reopen it before you {action} it",
                ticket.number
            ),
        });
    }
    Ok(())
}

/// Who did something, for the timeline.
fn actor(principal: &Principal) -> (AuthorKind, Option<String>) {
    match principal.handle() {
        Some(handle) => (AuthorKind::Operator, Some(handle.to_string())),
        None => (AuthorKind::System, Some("owner".into())),
    }
}

fn event(principal: &Principal, name: &str, body: String) -> NewEntry {
    let (author_kind, author) = actor(principal);
    NewEntry::event(author_kind, author, name, body, Timestamp::now())
}

fn check_body(body: &str) -> ApiResult<String> {
    let body = body.trim();
    if body.is_empty() {
        return Err(ApiError::validation(vec![crate::api::FieldError::new(
            "body",
            "must not be empty",
        )]));
    }
    if body.chars().count() > MAX_BODY_CHARS {
        return Err(ApiError::validation(vec![crate::api::FieldError::new(
            "body",
            format!("must be at most {MAX_BODY_CHARS} characters"),
        )]));
    }
    Ok(body.to_string())
}

/// Loads a ticket the caller may see, then changes it.
async fn act(
    state: &AppState,
    principal: &Principal,
    number: u64,
    change: impl FnOnce(&Ticket) -> Result<(TicketChange, Vec<NewEntry>), StoreError>,
) -> ApiResult<Json<Ticket>> {
    principal.require_operator()?;
    let detail = state.store.get_ticket(number).await?;
    may_see(&state.store, principal, &detail.ticket).await?;
    Ok(Json(state.store.change_ticket(number, change).await?))
}

/// [`act`] for a change that sends something: the messages are queued in the
/// change's transaction, and delivered from the outbox.
async fn act_sending(
    state: &AppState,
    principal: &Principal,
    number: u64,
    change: impl FnOnce(&Ticket) -> Result<SendingChange, StoreError>,
) -> ApiResult<Json<Ticket>> {
    principal.require_operator()?;
    let detail = state.store.get_ticket(number).await?;
    may_see(&state.store, principal, &detail.ticket).await?;
    Ok(Json(
        state.store.change_ticket_sending(number, change).await?,
    ))
}

/// The operator acting, for what is sent in their name; none for the local
/// desk's owner.
async fn sender(store: &Store, principal: &Principal) -> ApiResult<Option<crate::api::Operator>> {
    match principal.handle() {
        Some(handle) => Ok(Some(store.get_operator(handle).await?)),
        None => Ok(None),
    }
}

/// The tickets `query` selects for `principal`: its view, filters and cursor,
/// within what the caller's role sees. The list and the counts share it.
pub(crate) fn ticket_filter(principal: &Principal, query: &TicketQuery) -> ApiResult<TicketFilter> {
    let view = query.view.unwrap_or(TicketView::All);
    let me = principal.handle().map(str::to_string);
    if view == TicketView::Mine && me.is_none() {
        return Err(ApiError::validation(vec![crate::api::FieldError::new(
            "view",
            "the local desk acts as its owner, not as an operator: filter by assignee instead",
        )]));
    }
    let viewer = if principal.require(Role::Manager).is_ok() {
        Viewer::Everyone
    } else {
        Viewer::Operator(me.clone().unwrap_or_default())
    };
    let since = |field: &str, text: &Option<String>| -> ApiResult<Option<String>> {
        text.as_deref()
            .map(|t| parse_instant(field, t).map(stored_time))
            .transpose()
    };
    let after = match query.cursor.as_deref() {
        None => None,
        Some(cursor) => Some(
            cursor
                .split_once('|')
                .and_then(|(at, n)| Some((at.to_string(), n.parse::<u64>().ok()?)))
                .ok_or_else(|| {
                    ApiError::validation(vec![crate::api::FieldError::new(
                        "cursor",
                        "not a cursor this service gave out",
                    )])
                })?,
        ),
    };
    Ok(TicketFilter {
        view,
        me,
        viewer,
        status: query.status,
        priority: query.priority,
        assignee: query.assignee.clone(),
        team: query.team.clone(),
        channel: query.channel,
        agent: query.agent.clone(),
        requester: query.requester.clone(),
        text: query.q.clone().filter(|q| !q.trim().is_empty()),
        created_since: since("created_since", &query.created_since)?,
        updated_since: since("updated_since", &query.updated_since)?,
        after,
    })
}

/// Tickets in a view, filtered, newest activity first.
#[utoipa::path(get, path = "/v1/tickets", tag = "tickets", params(TicketQuery),
    responses((status = 200, body = Page<Ticket>), (status = 401, body = Problem)))]
async fn list(
    State(state): State<AppState>,
    principal: Principal,
    ApiQuery(query): ApiQuery<TicketQuery>,
) -> ApiResult<Json<Page<Ticket>>> {
    principal.require_operator()?;
    let limit = page_limit(&PageQuery {
        limit: query.limit,
        cursor: None,
    })?;
    let filter = ticket_filter(&principal, &query)?;
    let mut items = state.store.list_tickets(&filter, limit + 1).await?;
    let next_cursor = if items.len() > limit as usize {
        items.truncate(limit as usize);
        items
            .last()
            .map(|t| format!("{}|{}", stored_time(t.last_activity_at), t.number))
    } else {
        None
    };
    Ok(Json(Page { items, next_cursor }))
}

/// A ticket with its timeline, in order.
#[utoipa::path(get, path = "/v1/tickets/{number}", tag = "tickets",
    params(("number" = u64, Path, description = "The ticket's number")),
    responses((status = 200, body = TicketDetail), (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn show(
    State(state): State<AppState>,
    principal: Principal,
    Path(number): Path<u64>,
) -> ApiResult<Json<TicketDetail>> {
    principal.require_operator()?;
    let detail = state.store.get_ticket(number).await?;
    may_see(&state.store, &principal, &detail.ticket).await?;
    Ok(Json(detail))
}

/// Assign a ticket to an operator (managers and owners). An operator who is not
/// online is refused unless `force` is set.
#[utoipa::path(post, path = "/v1/tickets/{number}/assign", tag = "tickets",
    params(("number" = u64, Path, description = "The ticket's number")),
    request_body = AssignRequest,
    responses((status = 200, body = Ticket), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn assign(
    State(state): State<AppState>,
    principal: Principal,
    Path(number): Path<u64>,
    ApiJson(body): ApiJson<AssignRequest>,
) -> ApiResult<Json<Ticket>> {
    principal.require(Role::Manager)?;
    let operator = match state.store.get_operator(&body.to).await {
        Ok(operator) => operator,
        Err(StoreError::NotFound { .. }) => {
            return Err(ApiError::validation(vec![crate::api::FieldError::new(
                "to",
                format!("operator '{}' does not exist", body.to),
            )]));
        }
        Err(error) => return Err(error.into()),
    };
    if operator.availability != Availability::Online && !body.force {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "operator_unavailable",
            format!(
                "{} is {}: assign anyway with --force, or pick someone online",
                operator.handle, operator.availability
            ),
        ));
    }
    act(&state, &principal, number, |ticket| {
        not_resolved(ticket, "assign")?;
        Ok((
            TicketChange {
                assignee: Some(Some(operator.handle.clone())),
                ..TicketChange::default()
            },
            vec![event(
                &principal,
                "assigned",
                format!("Assigned to {}", operator.handle),
            )],
        ))
    })
    .await
}

/// Unassign a ticket.
#[utoipa::path(post, path = "/v1/tickets/{number}/unassign", tag = "tickets",
    params(("number" = u64, Path, description = "The ticket's number")),
    responses((status = 200, body = Ticket), (status = 404, body = Problem), (status = 409, body = Problem)))]
async fn unassign(
    State(state): State<AppState>,
    principal: Principal,
    Path(number): Path<u64>,
) -> ApiResult<Json<Ticket>> {
    act(&state, &principal, number, |ticket| {
        may_act(&principal, ticket, "unassign")?;
        not_resolved(ticket, "unassign")?;
        let Some(previous) = &ticket.assignee else {
            return Err(StoreError::Conflict {
                code: "ticket_unassigned",
                detail: format!("ticket {} is not assigned to anyone", ticket.number),
            });
        };
        Ok((
            TicketChange {
                assignee: Some(None),
                ..TicketChange::default()
            },
            vec![event(
                &principal,
                "unassigned",
                format!("Unassigned from {previous}"),
            )],
        ))
    })
    .await
}

/// Take an unassigned ticket: assign it to yourself. Exactly one of two
/// operators taking the same ticket at once wins; the other gets 409.
#[utoipa::path(post, path = "/v1/tickets/{number}/take", tag = "tickets",
    params(("number" = u64, Path, description = "The ticket's number")),
    responses((status = 200, body = Ticket), (status = 404, body = Problem), (status = 409, body = Problem)))]
async fn take(
    State(state): State<AppState>,
    principal: Principal,
    Path(number): Path<u64>,
) -> ApiResult<Json<Ticket>> {
    let Some(handle) = principal.handle().map(str::to_string) else {
        return Err(ApiError::validation(vec![crate::api::FieldError::new(
            "operator",
            "only an operator can take a ticket; the local desk acts as its owner: use assign",
        )]));
    };
    // Checked under the write lock, so that of two operators taking the same
    // ticket one wins and the other gets a conflict, not a forbidden read.
    let teams = state.store.get_operator(&handle).await?.teams;
    let manager = principal.require(Role::Manager).is_ok();
    let ticket = state
        .store
        .change_ticket(number, |ticket| {
            if let Some(assignee) = &ticket.assignee {
                return Err(StoreError::Conflict {
                    code: "ticket_taken",
                    detail: format!("ticket {} is already assigned to {assignee}", ticket.number),
                });
            }
            if !manager && !ticket.team.as_ref().is_some_and(|t| teams.contains(t)) {
                return Err(StoreError::Forbidden(format!(
                    "ticket {} is not in one of your teams",
                    ticket.number
                )));
            }
            not_resolved(ticket, "take")?;
            Ok((
                TicketChange {
                    assignee: Some(Some(handle.clone())),
                    ..TicketChange::default()
                },
                vec![event(&principal, "assigned", format!("Taken by {handle}"))],
            ))
        })
        .await?;
    Ok(Json(ticket))
}

/// Change a ticket's priority.
#[utoipa::path(post, path = "/v1/tickets/{number}/priority", tag = "tickets",
    params(("number" = u64, Path, description = "The ticket's number")),
    request_body = PriorityRequest,
    responses((status = 200, body = Ticket), (status = 404, body = Problem), (status = 409, body = Problem)))]
async fn set_priority(
    State(state): State<AppState>,
    principal: Principal,
    Path(number): Path<u64>,
    ApiJson(body): ApiJson<PriorityRequest>,
) -> ApiResult<Json<Ticket>> {
    act(&state, &principal, number, |ticket| {
        may_act(&principal, ticket, "change the priority of")?;
        not_resolved(ticket, "change the priority of")?;
        Ok((
            TicketChange {
                priority: Some(body.priority),
                ..TicketChange::default()
            },
            vec![event(
                &principal,
                "priority-changed",
                format!("Priority {} → {}", ticket.priority, body.priority),
            )],
        ))
    })
    .await
}

/// Add an internal note: never shown to the customer.
#[utoipa::path(post, path = "/v1/tickets/{number}/notes", tag = "tickets",
    params(("number" = u64, Path, description = "The ticket's number")),
    request_body = NoteRequest,
    responses((status = 200, body = Ticket), (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn note(
    State(state): State<AppState>,
    principal: Principal,
    Path(number): Path<u64>,
    ApiJson(body): ApiJson<NoteRequest>,
) -> ApiResult<Json<Ticket>> {
    let text = check_body(&body.body)?;
    act(&state, &principal, number, |ticket| {
        may_act(&principal, ticket, "add a note to")?;
        let (author_kind, author) = actor(&principal);
        Ok((
            TicketChange::default(),
            vec![NewEntry {
                kind: TimelineKind::Note,
                author_kind,
                author,
                event: None,
                body: Some(text),
                channel: None,
                at: Timestamp::now(),
            }],
        ))
    })
    .await
}

/// Reply to the customer. The channel is the live chat once taken over, else
/// email when an address is on file; `channel` overrides. The reply is queued
/// for delivery in the same transaction: by email, or through the delivery webhook.
#[utoipa::path(post, path = "/v1/tickets/{number}/messages", tag = "tickets",
    params(("number" = u64, Path, description = "The ticket's number")),
    request_body = ReplyRequest,
    responses((status = 200, body = Ticket), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn reply(
    State(state): State<AppState>,
    principal: Principal,
    Path(number): Path<u64>,
    ApiJson(body): ApiJson<ReplyRequest>,
) -> ApiResult<Json<Ticket>> {
    let text = check_body(&body.body)?;
    let sender = sender(&state.store, &principal).await?;
    act_sending(&state, &principal, number, |ticket| {
        may_act(&principal, ticket, "reply on")?;
        not_resolved(ticket, "reply on")?;
        let channel = reply_channel(
            ticket.channel,
            ticket.ai_paused,
            ticket.requester.email.is_some(),
            body.channel,
        )
        .map_err(|detail| StoreError::Conflict {
            code: "no_reply_channel",
            detail,
        })?;
        let (author_kind, author) = actor(&principal);
        let at = Timestamp::now();
        let message = compose::reply(
            ticket,
            channel,
            sender.as_ref(),
            &text,
            at,
            generate_id("msg"),
        );
        let mut entries = vec![NewEntry {
            kind: TimelineKind::Message,
            author_kind,
            author,
            event: None,
            body: Some(text),
            channel: Some(channel),
            at,
        }];
        // Answered: the ticket waits on the customer now.
        if ticket.status != TicketStatus::Pending {
            entries.push(event(
                &principal,
                "status-changed",
                format!("Status {} → pending", ticket.status),
            ));
        }
        Ok((
            TicketChange {
                status: Some(TicketStatus::Pending),
                ..TicketChange::default()
            },
            entries,
            vec![message],
        ))
    })
    .await
}

/// Take the conversation over from the AI: it stops answering the customer.
/// The AI agent platform is told through the delivery webhook.
#[utoipa::path(post, path = "/v1/tickets/{number}/takeover", tag = "tickets",
    params(("number" = u64, Path, description = "The ticket's number")),
    responses((status = 200, body = Ticket), (status = 404, body = Problem), (status = 409, body = Problem)))]
async fn takeover(
    State(state): State<AppState>,
    principal: Principal,
    Path(number): Path<u64>,
) -> ApiResult<Json<Ticket>> {
    let sender = sender(&state.store, &principal).await?;
    act_sending(&state, &principal, number, |ticket| {
        may_act(&principal, ticket, "take over")?;
        not_resolved(ticket, "take over")?;
        if ticket.ai_paused {
            return Err(StoreError::Conflict {
                code: "already_taken_over",
                detail: format!("ticket {} is already taken over", ticket.number),
            });
        }
        let notice = compose::takeover(
            ticket,
            sender.as_ref(),
            Timestamp::now(),
            generate_id("msg"),
        );
        Ok((
            TicketChange {
                ai_paused: Some(true),
                ..TicketChange::default()
            },
            vec![event(
                &principal,
                "taken-over",
                "Taken over: the AI stops answering".into(),
            )],
            vec![notice],
        ))
    })
    .await
}

/// Resolve a ticket.
#[utoipa::path(post, path = "/v1/tickets/{number}/resolve", tag = "tickets",
    params(("number" = u64, Path, description = "The ticket's number")),
    responses((status = 200, body = Ticket), (status = 404, body = Problem), (status = 409, body = Problem)))]
async fn resolve(
    State(state): State<AppState>,
    principal: Principal,
    Path(number): Path<u64>,
) -> ApiResult<Json<Ticket>> {
    act(&state, &principal, number, |ticket| {
        may_act(&principal, ticket, "resolve")?;
        not_resolved(ticket, "resolve")?;
        Ok((
            TicketChange {
                status: Some(TicketStatus::Resolved),
                ..TicketChange::default()
            },
            vec![event(&principal, "resolved", "Resolved".into())],
        ))
    })
    .await
}

/// Reopen a resolved ticket.
#[utoipa::path(post, path = "/v1/tickets/{number}/reopen", tag = "tickets",
    params(("number" = u64, Path, description = "The ticket's number")),
    responses((status = 200, body = Ticket), (status = 404, body = Problem), (status = 409, body = Problem)))]
async fn reopen(
    State(state): State<AppState>,
    principal: Principal,
    Path(number): Path<u64>,
) -> ApiResult<Json<Ticket>> {
    act(&state, &principal, number, |ticket| {
        may_act(&principal, ticket, "reopen")?;
        if ticket.status != TicketStatus::Resolved {
            return Err(StoreError::Conflict {
                code: "ticket_not_resolved",
                detail: format!(
                    "ticket {} is {}, not resolved",
                    ticket.number, ticket.status
                ),
            });
        }
        Ok((
            TicketChange {
                status: Some(TicketStatus::Open),
                ..TicketChange::default()
            },
            vec![event(&principal, "reopened", "Reopened".into())],
        ))
    })
    .await
}

/// Append later customer and AI messages to an open ticket (the AI agent
/// platform, with an ingest token). The answer says whether the AI must stop.
#[utoipa::path(post, path = "/v1/tickets/{number}/conversation", tag = "tickets",
    params(("number" = u64, Path, description = "The ticket's number")),
    request_body = ConversationAppend,
    responses((status = 200, body = ConversationState), (status = 404, body = Problem), (status = 409, body = Problem)))]
async fn append_conversation(
    State(state): State<AppState>,
    principal: Principal,
    Path(number): Path<u64>,
    ApiJson(body): ApiJson<ConversationAppend>,
) -> ApiResult<Json<ConversationState>> {
    match &principal {
        Principal::Ingest { .. } => {}
        other => other.require(Role::Manager)?,
    }
    if body.messages.is_empty() {
        return Err(ApiError::validation(vec![crate::api::FieldError::new(
            "messages",
            "send at least one message",
        )]));
    }
    for (index, message) in body.messages.iter().enumerate() {
        if message.text.trim().is_empty() || message.text.chars().count() > MAX_BODY_CHARS {
            return Err(ApiError::validation(vec![crate::api::FieldError::new(
                format!("messages[{index}].text"),
                format!("must be 1 to {MAX_BODY_CHARS} characters"),
            )]));
        }
    }
    let ticket = state
        .store
        .change_ticket(number, |ticket| {
            if ticket.status == TicketStatus::Resolved {
                return Err(StoreError::Conflict {
                    code: "ticket_resolved",
                    detail: format!("ticket {} is resolved", ticket.number),
                });
            }
            let entries = body
                .messages
                .iter()
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
                    body: Some(message.text.clone()),
                    channel: Some(ticket.channel),
                    at: message.at.unwrap_or_else(Timestamp::now),
                })
                .collect();
            // A customer who writes again puts a waiting ticket back in the queue.
            let customer_wrote = body
                .messages
                .iter()
                .any(|m| m.role == MessageRole::Customer);
            let mut entries: Vec<NewEntry> = entries;
            let mut change = TicketChange::default();
            if customer_wrote && ticket.status == TicketStatus::Pending {
                change.status = Some(TicketStatus::Open);
                entries.push(NewEntry::system(
                    "status-changed",
                    "Status pending → open: the customer wrote again",
                    Timestamp::now(),
                ));
            }
            Ok((change, entries))
        })
        .await?;
    Ok(Json(ConversationState {
        ticket: ticket.number,
        ai_paused: ticket.ai_paused,
        status: ticket.status,
    }))
}

/// A customer's open and closed tickets, by external id or email: what the chat
/// widget's "View tickets" lists. Ingest tokens may ask.
#[utoipa::path(get, path = "/v1/requesters/{id}/tickets", tag = "tickets",
    params(("id" = String, Path, description = "The customer's external id or email")),
    responses((status = 200, body = Vec<RequesterTicket>)))]
async fn requester_tickets(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<RequesterTicket>>> {
    match &principal {
        Principal::Ingest { .. } => {}
        other => other.require(Role::Manager)?,
    }
    let tickets = state.store.requester_tickets(&id).await?;
    Ok(Json(
        tickets
            .into_iter()
            .map(|t| RequesterTicket {
                number: t.number,
                subject: t.subject,
                status: t.status,
                created_at: t.created_at,
                last_activity_at: t.last_activity_at,
            })
            .collect(),
    ))
}
