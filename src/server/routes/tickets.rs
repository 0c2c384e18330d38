//! `/v1/tickets`: the inbox. Views and filters, timelines, and the actions
//! operators take, each recorded on the ticket's timeline.

use super::{ApiRoutes, routes};
use axum::Json;
use axum::extract::{FromRequestParts, State};
use axum::http::HeaderMap;

use super::{page_limit, parse_instant};
use crate::api::{
    AssignRequest, ConversationAppend, ConversationState, NoteRequest, Page, PageQuery,
    PriorityRequest, Problem, ReplyRequest, RequesterTicket, Role, TakeQuery, Ticket, TicketDetail,
    TicketQuery, TicketView, read_ticket_cursor, write_ticket_cursor,
};
use crate::domain::tickets::{self, Action, Actor, Assignment, Outgoing};
use crate::domain::{Refusal, mail};
use crate::server::AppState;
use crate::server::auth::{self, AtLeast, Principal, generate_id};
use crate::server::delivery::compose;
use crate::server::error::{ApiError, ApiResult};
use crate::server::idempotency;
use crate::server::json::{ApiJson, ApiPath, ApiQuery, JsonBody, WrittenPage, accepts_json_lines};
use crate::server::store::{IdempotencyKey, Recorded, Store, stored_now, stored_time};
use crate::server::store::{TicketFilter, Viewer};

pub fn add(routes: ApiRoutes) -> ApiRoutes {
    routes
        .with(routes!(list))
        .with(routes!(show))
        .with(routes!(assign))
        .with(routes!(unassign))
        .with(routes!(take))
        .with(routes!(set_priority))
        .with(routes!(note))
        .with(routes!(reply))
        .with(routes!(takeover))
        .with(routes!(resolve))
        .with(routes!(reopen))
        .with(routes!(append_conversation))
        .with(routes!(requester_tickets))
}

/// The caller as the ticket rules see them.
pub(crate) async fn actor(store: &Store, principal: &Principal) -> ApiResult<Actor> {
    Ok(match principal {
        Principal::LocalOwner => Actor::Desk,
        Principal::Ingest { token_id } => Actor::Platform {
            token: token_id.clone(),
        },
        Principal::Operator { handle, role, .. } => {
            let workspace = store.workspace().await?;
            Actor::Operator {
                handle: handle.clone(),
                role: *role,
                teams: workspace
                    .operator(handle)
                    .map(|o| o.teams.clone())
                    .unwrap_or_default(),
            }
        }
    })
}

/// A ticket an operator's write names, with its caller, once the caller may
/// address a write to it ([`tickets::may_address`]): an extractor of the
/// request's parts, so the check comes before the body is read and a caller
/// who may not see the ticket is refused as they would be for any body (403,
/// or 404 to a platform), never told what the body should hold.
///
/// The ticket was read then, outside its lock, for this check alone: the
/// write decides again under the lock, on the ticket as it is by then (see
/// [`act_once`]).
pub(crate) struct Writable {
    principal: Principal,
    actor: Actor,
    number: u64,
}

/// [`Writable`] for an assignment, which an operator may address to a ticket
/// someone holds: assigning it to themselves is a take, and a take of a held
/// ticket answers "409 taken", not that it is hidden.
pub(crate) struct Assignable(Writable);

/// A ticket the AI agent platform (or a manager) may add conversation to
/// ([`tickets::may_append`]), with where it came from: the platform cannot
/// read the ticket, only its origin.
pub(crate) struct Appendable {
    principal: Principal,
    actor: Actor,
    number: u64,
    origin: tickets::Origin,
}

impl Writable {
    /// Reads the ticket the path names for the operator the request comes from,
    /// and checks that they may address a write (`assigning`: an assignment) to it.
    async fn read(
        parts: &mut axum::http::request::Parts,
        state: &AppState,
        assigning: bool,
    ) -> ApiResult<Writable> {
        let AtLeast(principal) = auth::AnyOperator::from_request_parts(parts, state).await?;
        let ApiPath(number) = ApiPath::<u64>::from_request_parts(parts, state).await?;
        let actor = actor(&state.store, &principal).await?;
        let ticket = state.store.get_ticket(number).await?.ticket;
        tickets::may_address(&actor, &ticket, assigning)?;
        Ok(Writable {
            principal,
            actor,
            number,
        })
    }
}

impl FromRequestParts<AppState> for Writable {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &AppState,
    ) -> ApiResult<Self> {
        Writable::read(parts, state, false).await
    }
}

impl FromRequestParts<AppState> for Assignable {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &AppState,
    ) -> ApiResult<Self> {
        Ok(Assignable(Writable::read(parts, state, true).await?))
    }
}

impl FromRequestParts<AppState> for Appendable {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &AppState,
    ) -> ApiResult<Self> {
        let principal = Principal::from_request_parts(parts, state).await?;
        let ApiPath(number) = ApiPath::<u64>::from_request_parts(parts, state).await?;
        let actor = actor(&state.store, &principal).await?;
        if !matches!(principal, Principal::Ingest { .. }) {
            principal.require(Role::Manager)?;
        }
        let origin = state.store.ticket_origin(number).await?;
        tickets::may_append(&actor, number, &origin)?;
        Ok(Appendable {
            principal,
            actor,
            number,
            origin,
        })
    }
}

/// Decides `action` on ticket `number` for the caller, under the write lock,
/// and stores the change with what it sends. A ticket the caller may not see
/// is refused before anything about its state is told.
async fn act(
    state: &AppState,
    principal: &Principal,
    number: u64,
    action: Action,
) -> ApiResult<Ticket> {
    let actor = actor(&state.store, principal).await?;
    let ticket = state.store.get_ticket(number).await?.ticket;
    Ok(act_once(
        state,
        principal,
        actor,
        Seen::Read(Box::new(ticket)),
        action,
        None,
    )
    .await?
    .into_inner())
}

/// What a write knows of its ticket before it takes the ticket's lock.
enum Seen {
    /// The ticket as read just now, for what is answered before the lock:
    /// whether the caller may see it, and whether the write changes nothing.
    Read(Box<Ticket>),
    /// The number of a ticket the caller was found to reach before the
    /// request's body was read ([`Writable`], [`Appendable`]), for a write
    /// that is never answered before the lock (a note, a reply, an append):
    /// reading the ticket again would only repeat that check, which the
    /// write's decision makes again under the lock anyway. (The platform may
    /// not read the tickets it appends to at all: the append carries where the
    /// ticket came from.)
    Addressed(u64),
}

/// [`act`], made once per idempotency key with `once`: a key seen before
/// answers the ticket as it stands, and decides nothing.
///
/// What is decided here on `seen` only answers early: the write itself is
/// decided again under the ticket's lock, on the ticket as it is by then
/// (`tickets::decide` in the store's change), so a change made meanwhile is
/// never written over.
async fn act_once(
    state: &AppState,
    principal: &Principal,
    actor: Actor,
    seen: Seen,
    action: Action,
    once: Option<IdempotencyKey>,
) -> ApiResult<Recorded<Ticket>> {
    let action = action.as_taken_by(&actor);
    let number = match seen {
        Seen::Read(ticket) => {
            match (&action, tickets::may_see(&actor, &ticket)) {
                // Taking is decided under the lock: of two operators taking the
                // same ticket, the loser hears it was taken, not that it is hidden.
                (Action::Take { .. }, Err(_)) => {}
                (_, Err(refusal)) => return Err(refusal.into()),
                (_, Ok(())) => {
                    if tickets::changes_nothing(&actor, &ticket, &action)? {
                        return Ok(Recorded::Created(*ticket));
                    }
                }
            }
            ticket.number
        }
        Seen::Addressed(number) => number,
    };
    // Who replies, for what is sent in their name; none for the local desk's owner.
    let sender = match principal.handle() {
        Some(handle) => state.store.workspace().await?.operator(handle).cloned(),
        None => None,
    };
    let thread = match &action {
        Action::Reply { .. } => {
            let inbox = &state.store.workspace().await?.assignment.support_inbox;
            compose::EmailThread {
                reply_to: inbox.address.clone().filter(|_| inbox.enabled),
                message_ids: state
                    .store
                    .inbound_message_ids(number, mail::MAX_THREAD_IDS)
                    .await?,
            }
        }
        _ => compose::EmailThread::default(),
    };
    // Most actions are decided on the ticket alone: only those that read the
    // workspace pay for the query that sees whether it changed.
    let workspace = match action.reads_workspace() {
        true => state.store.workspace().await?,
        false => std::sync::Arc::new(crate::domain::workspace::Snapshot::empty()),
    };
    let recorded = state
        .store
        .change_ticket_seeing_messages(number, once, move |ticket, last_message_at| {
            let at = stored_now();
            let action = match action {
                Action::Append {
                    messages, origin, ..
                } => Action::Append {
                    messages,
                    origin,
                    last_message_at,
                },
                action => action,
            };
            let decision = tickets::decide(&actor, ticket, action, &workspace, at)?;
            let outgoing = decision.outgoing.map(|outgoing| match outgoing {
                Outgoing::Reply { channel, text } => compose::reply(
                    ticket,
                    channel,
                    sender.as_ref(),
                    &text,
                    at,
                    generate_id("msg"),
                    &thread,
                ),
                Outgoing::Takeover => {
                    compose::takeover(ticket, sender.as_ref(), at, generate_id("msg"))
                }
            });
            Ok((
                decision.change,
                decision.entries,
                outgoing.into_iter().collect(),
            ))
        })
        .await?;
    Ok(recorded)
}

/// The tickets `query` selects for `principal`: its view, filters (the
/// `field` conditions read as the workspace's fields' types) and cursor,
/// within what the caller's role sees. The list and the counts share it.
pub(crate) async fn ticket_filter(
    store: &Store,
    principal: &Principal,
    query: &TicketQuery,
) -> ApiResult<TicketFilter> {
    let too_long = query.text_problems();
    if !too_long.is_empty() {
        return Err(ApiError::validation(too_long));
    }
    let view = query.view.unwrap_or(TicketView::All);
    let me = principal.handle().map(str::to_string);
    let contradictions = query.contradictions(me.as_deref());
    if !contradictions.is_empty() {
        return Err(ApiError::validation(contradictions));
    }
    if view == TicketView::Mine && me.is_none() {
        return Err(Refusal::NotAnOperator(
            "the mine view is an operator's, and the local desk acts as its owner: filter by \
             assignee instead"
                .into(),
        )
        .into());
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
    let sort = query.sort.unwrap_or_default();
    let after = match query.cursor.as_deref() {
        None => None,
        Some(cursor) => Some(
            read_ticket_cursor(sort, cursor)
                .map(|(activity, number)| (stored_time(activity), number))
                .ok_or_else(|| {
            ApiError::validation(vec![crate::api::FieldError::new(
                "cursor",
                "not a cursor this service gave out for this sort: pass the `next_cursor` of \
                 the previous page, with the same sort",
            )])
        })?),
    };
    let fields = match query.field.as_slice() {
        [] => Vec::new(),
        conditions => {
            let workspace = store.workspace().await?;
            crate::domain::field_conditions::wanted_values(&workspace.fields, conditions)
                .map_err(ApiError::validation)?
        }
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
        text: query.q.clone(),
        created_since: since("created_since", &query.created_since)?,
        updated_since: since("updated_since", &query.updated_since)?,
        fields,
        sort,
        after,
    })
}

/// Tickets in a view, filtered, newest activity first (or as `sort` asks).
///
/// A request that accepts `application/x-ndjson` gets the page's tickets one
/// a line instead, with the next page's cursor in the `Desk-Next-Cursor`
/// header: a client streaming every ticket copies the lines as they are.
#[utoipa::path(get, path = "/v1/tickets", tag = "tickets", params(TicketQuery),
    responses((status = 200, content(
            (Page<Ticket> = "application/json"),
            (Ticket = "application/x-ndjson")),
        headers(("Desk-Next-Cursor" = String,
            description = "With `application/x-ndjson`: the next page's cursor (absent on the last page)")),
        description = "A page of tickets: a `Page` in JSON, or with `Accept: application/x-ndjson` one `Ticket` a line"),
        (status = 401, body = Problem), (status = 422, body = Problem)))]
async fn list(
    State(state): State<AppState>,
    principal: Principal,
    headers: axum::http::HeaderMap,
    ApiQuery(query): ApiQuery<TicketQuery>,
) -> ApiResult<WrittenPage> {
    principal.require_operator()?;
    let limit = page_limit(&PageQuery {
        limit: query.limit,
        cursor: None,
    })?;
    let filter = ticket_filter(&state.store, &principal, &query).await?;
    let page = state.store.list_tickets(&filter, limit).await?;
    Ok(WrittenPage {
        lines: page.items,
        next_cursor: page
            .next_after
            .map(|(activity, number)| write_ticket_cursor(filter.sort, &activity, number)),
        as_lines: accepts_json_lines(&headers),
    })
}

/// A ticket with its timeline, in order.
#[utoipa::path(get, path = "/v1/tickets/{number}", tag = "tickets",
    params(("number" = u64, Path, description = "The ticket's number")),
    responses((status = 200, body = TicketDetail), (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn show(
    State(state): State<AppState>,
    AtLeast(principal): auth::AnyOperator,
    ApiPath(number): ApiPath<u64>,
) -> ApiResult<Json<TicketDetail>> {
    let actor = actor(&state.store, &principal).await?;
    let detail = state.store.get_ticket(number).await?;
    tickets::may_see(&actor, &detail.ticket)?;
    Ok(Json(detail))
}

/// Assign a ticket to an operator, or move it to a team, or both (managers
/// and owners; an operator assigns only to themselves, which is a take,
/// decided as `POST /v1/tickets/{number}/take` decides it; assigning
/// anyone else or moving the ticket is refused, 403 `assign_needs_manager`).
/// An operator who is not online (`operator_unavailable`), who has no room
/// under their capacity (`operator_at_capacity`) or who is not in the
/// ticket's team, the new one when it moves (`operator_not_in_team`), is
/// refused, 409, unless `force` is set. Moved to a team without `to`, the
/// ticket keeps an assignee who is in that team and is otherwise unassigned;
/// its timeline records `team-changed` (and `unassigned`), and the event is
/// `ticket.updated`. Already so, it is answered as it is, unchanged. With
/// `expect_assignee`, a ticket whose assignee changed since the caller saw
/// it is refused (409 `assignee_changed`) rather than taken from whoever
/// has it now.
#[utoipa::path(post, path = "/v1/tickets/{number}/assign", tag = "tickets",
    params(("number" = u64, Path, description = "The ticket's number")),
    request_body = AssignRequest,
    responses((status = 200, body = Ticket), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn assign(
    State(state): State<AppState>,
    Assignable(Writable {
        principal, number, ..
    }): Assignable,
    ApiJson(body): ApiJson<AssignRequest>,
) -> ApiResult<Json<Ticket>> {
    let assignment = Assignment::new(body.to, body.team)?;
    let open_tickets = match &assignment.to {
        Some(to) => open_tickets(&state.store, to).await?,
        None => 0,
    };
    let action = Action::Assign(Assignment {
        open_tickets,
        force: body.force,
        expect: body.expect_assignee,
        ..assignment
    });
    // Whether it changes nothing is answered before the lock: on the ticket
    // read again now, as close to the write as can be, not on the one read
    // before the body.
    Ok(Json(act(&state, &principal, number, action).await?))
}

/// How many open and pending tickets operator `handle` has now, for the
/// guard of assignment by hand. Read before the ticket's write lock: two
/// leads assigning to the same operator at once may both find room, which a
/// guard that warns people (and yields to `force`) can live with.
pub(crate) async fn open_tickets(store: &Store, handle: &str) -> ApiResult<u32> {
    Ok(store
        .assignment_loads()
        .await?
        .operators
        .into_iter()
        .find(|candidate| candidate.handle == handle)
        .map_or(0, |candidate| candidate.open_tickets))
}

/// Unassign a ticket.
#[utoipa::path(post, path = "/v1/tickets/{number}/unassign", tag = "tickets",
    params(("number" = u64, Path, description = "The ticket's number")),
    responses((status = 200, body = Ticket), (status = 404, body = Problem), (status = 409, body = Problem)))]
async fn unassign(
    State(state): State<AppState>,
    AtLeast(principal): auth::AnyOperator,
    ApiPath(number): ApiPath<u64>,
) -> ApiResult<Json<Ticket>> {
    Ok(Json(
        act(&state, &principal, number, Action::Unassign).await?,
    ))
}

/// Take an unassigned ticket: assign it to yourself. Guarded as `POST
/// /v1/tickets/{number}/assign` is: if you are not online
/// (`operator_unavailable`), have no room under your capacity
/// (`operator_at_capacity`) or are not in the ticket's team (a manager's
/// take, `operator_not_in_team`), it is refused, 409, unless `force` is set.
/// A ticket someone holds is refused (409 `ticket_taken`); one already yours
/// is answered as it is, unchanged. Exactly one of two operators taking the
/// same ticket at once wins; the other gets 409.
#[utoipa::path(post, path = "/v1/tickets/{number}/take", tag = "tickets",
    params(("number" = u64, Path, description = "The ticket's number"), TakeQuery),
    responses((status = 200, body = Ticket), (status = 404, body = Problem), (status = 409, body = Problem)))]
async fn take(
    State(state): State<AppState>,
    AtLeast(principal): auth::AnyOperator,
    ApiPath(number): ApiPath<u64>,
    ApiQuery(query): ApiQuery<TakeQuery>,
) -> ApiResult<Json<Ticket>> {
    let open_tickets = match principal.handle() {
        Some(handle) => open_tickets(&state.store, handle).await?,
        None => 0,
    };
    let action = Action::Take {
        open_tickets,
        force: query.force,
    };
    Ok(Json(act(&state, &principal, number, action).await?))
}

/// Change a ticket's priority.
#[utoipa::path(post, path = "/v1/tickets/{number}/priority", tag = "tickets",
    params(("number" = u64, Path, description = "The ticket's number")),
    request_body = PriorityRequest,
    responses((status = 200, body = Ticket), (status = 404, body = Problem), (status = 409, body = Problem)))]
async fn set_priority(
    State(state): State<AppState>,
    Writable {
        principal, number, ..
    }: Writable,
    ApiJson(body): ApiJson<PriorityRequest>,
) -> ApiResult<Json<Ticket>> {
    let action = Action::SetPriority(body.priority);
    // Read again, as an assignment is: whether it changes nothing is answered
    // before the lock.
    Ok(Json(act(&state, &principal, number, action).await?))
}

/// The idempotency key a write on ticket `number` was sent with, if any,
/// bound to what it asks (`what` and `body`) and to who asks it: the key
/// sent again by another operator or ingest token, for another ticket, as
/// another kind of write or with another body is a reused key (409), never
/// a replay of someone else's write. Every ticket write that takes a key
/// (reply, note, conversation append) hashes this one tuple.
fn once_per_key(
    headers: &HeaderMap,
    principal: &Principal,
    number: u64,
    what: &str,
    body: &impl serde::Serialize,
) -> ApiResult<Option<IdempotencyKey>> {
    let Some(key) = idempotency::key(headers)? else {
        return Ok(None);
    };
    let request = (what, number, principal.handle(), body);
    Ok(Some(IdempotencyKey {
        key,
        request_sha256: idempotency::request_hash(&request, principal.ingest_token()),
    }))
}

/// Add an internal note: never shown to the customer. With an
/// `Idempotency-Key`, the same note sent again (a retry after a timeout) is
/// added once, as a reply is.
#[utoipa::path(post, path = "/v1/tickets/{number}/notes", tag = "tickets",
    params(("number" = u64, Path, description = "The ticket's number"),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes the request safe to repeat: 1 to 200 visible ASCII characters, no space or tab")),
    request_body = NoteRequest,
    responses((status = 200, body = Ticket), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn note(
    State(state): State<AppState>,
    Writable {
        principal,
        actor,
        number,
    }: Writable,
    headers: HeaderMap,
    ApiJson(body): ApiJson<NoteRequest>,
) -> ApiResult<Json<Ticket>> {
    let once = once_per_key(&headers, &principal, number, "note", &body)?;
    let action = Action::Note(tickets::check_body(&body.body)?);
    let seen = Seen::Addressed(number);
    let ticket = act_once(&state, &principal, actor, seen, action, once).await?;
    Ok(Json(ticket.into_inner()))
}

/// Reply to the customer. The channel is the live chat once taken over, else
/// email when an address is on file; `channel` overrides. The reply is queued
/// for delivery in the same transaction: by email, or through the delivery webhook.
/// A live reply while the AI still answers the chat is refused, 409
/// `ai_still_answering` (take the ticket over first); one with no way to
/// reach the customer, 409 `no_reply_channel`.
///
/// With an `Idempotency-Key`, the same reply sent again (a retry after a
/// timeout) is sent once: the key and body already accepted from the same
/// operator answer the ticket as it stands now, and queue nothing. The key
/// with another body, on another ticket or from another operator is `409
/// idempotency_key_reused`; a reply refused keeps no key.
#[utoipa::path(post, path = "/v1/tickets/{number}/messages", tag = "tickets",
    params(("number" = u64, Path, description = "The ticket's number"),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes the request safe to repeat: 1 to 200 visible ASCII characters, no space or tab")),
    request_body = ReplyRequest,
    responses((status = 200, body = Ticket), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn reply(
    State(state): State<AppState>,
    Writable {
        principal,
        actor,
        number,
    }: Writable,
    headers: HeaderMap,
    ApiJson(body): ApiJson<ReplyRequest>,
) -> ApiResult<Json<Ticket>> {
    let once = once_per_key(&headers, &principal, number, "reply", &body)?;
    let action = Action::Reply {
        text: tickets::check_body(&body.body)?,
        channel: body.channel,
    };
    let seen = Seen::Addressed(number);
    let ticket = act_once(&state, &principal, actor, seen, action, once).await?;
    Ok(Json(ticket.into_inner()))
}

/// Take the conversation over from the AI: it stops answering the customer.
/// The AI agent platform is told through the delivery webhook.
#[utoipa::path(post, path = "/v1/tickets/{number}/takeover", tag = "tickets",
    params(("number" = u64, Path, description = "The ticket's number")),
    responses((status = 200, body = Ticket), (status = 404, body = Problem), (status = 409, body = Problem)))]
async fn takeover(
    State(state): State<AppState>,
    AtLeast(principal): auth::AnyOperator,
    ApiPath(number): ApiPath<u64>,
) -> ApiResult<Json<Ticket>> {
    Ok(Json(
        act(&state, &principal, number, Action::Takeover).await?,
    ))
}

/// Resolve a ticket. A ticket already resolved is answered as it is, unchanged.
#[utoipa::path(post, path = "/v1/tickets/{number}/resolve", tag = "tickets",
    params(("number" = u64, Path, description = "The ticket's number")),
    responses((status = 200, body = Ticket), (status = 404, body = Problem), (status = 409, body = Problem)))]
async fn resolve(
    State(state): State<AppState>,
    AtLeast(principal): auth::AnyOperator,
    ApiPath(number): ApiPath<u64>,
) -> ApiResult<Json<Ticket>> {
    Ok(Json(
        act(&state, &principal, number, Action::Resolve).await?,
    ))
}

/// Reopen a resolved ticket. A ticket that is not resolved is answered as it is,
/// unchanged.
#[utoipa::path(post, path = "/v1/tickets/{number}/reopen", tag = "tickets",
    params(("number" = u64, Path, description = "The ticket's number")),
    responses((status = 200, body = Ticket), (status = 404, body = Problem), (status = 409, body = Problem)))]
async fn reopen(
    State(state): State<AppState>,
    AtLeast(principal): auth::AnyOperator,
    ApiPath(number): ApiPath<u64>,
) -> ApiResult<Json<Ticket>> {
    Ok(Json(act(&state, &principal, number, Action::Reopen).await?))
}

/// Append later customer and AI messages to an open ticket. The answer says
/// whether the AI must stop.
///
/// The AI agent platform appends with the ingest token that sent the handoff
/// that opened the ticket: any other ticket (another platform's, one a person
/// handed over, the support inbox's) is `404 ticket_not_found` to it, as a
/// ticket that does not exist. Managers and owners append to any ticket.
///
/// With an `Idempotency-Key`, the same messages sent again (a retry after a
/// timeout) are added once: the key and body already accepted answer the
/// ticket as it stands, adding nothing; the key with another body, another
/// ticket or from another token is `409 idempotency_key_reused`.
///
/// One append holds at most as many messages as a handoff's transcript
/// (`maxItems`), each at most as long as a transcript's (`maxLength`); more
/// is `413 transcript_too_large`, as in a handoff, and adds nothing.
#[utoipa::path(post, path = "/v1/tickets/{number}/conversation", tag = "tickets",
    params(("number" = u64, Path, description = "The ticket's number"),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes the request safe to repeat: 1 to 200 visible ASCII characters, no space or tab")),
    request_body = ConversationAppend,
    responses((status = 200, body = ConversationState), (status = 404, body = Problem), (status = 409, body = Problem),
        (status = 413, body = Problem)))]
async fn append_conversation(
    State(state): State<AppState>,
    Appendable {
        principal,
        actor,
        number,
        origin,
    }: Appendable,
    headers: HeaderMap,
    ApiJson(body): ApiJson<ConversationAppend>,
) -> ApiResult<Json<ConversationState>> {
    let once = once_per_key(&headers, &principal, number, "conversation", &body)?;
    tickets::check_appended_size(&body.messages)
        .map_err(|all| super::handoffs::refused("the append", all))?;
    tickets::check_appended(&body.messages, jiff::Timestamp::now())?;
    // Whose ticket it is was checked before the body was read, and so before
    // the key is looked up: a platform's key on a ticket not its own is not
    // found, as on a ticket that does not exist.
    let action = Action::Append {
        messages: body.messages,
        origin,
        // Read in the write, by the store: see `act_once`.
        last_message_at: None,
    };
    let seen = Seen::Addressed(number);
    let ticket = act_once(&state, &principal, actor, seen, action, once)
        .await?
        .into_inner();
    Ok(Json(ConversationState {
        ticket: ticket.number,
        ai_paused: ticket.ai_paused,
        status: ticket.status,
    }))
}

/// A customer's open and closed tickets, by external id or email, newest
/// first, a page at a time, for staff (managers and owners). The chat widget
/// uses a requester token and `/v1/requesters/me/tickets` instead: an ingest
/// token reads no one's tickets.
#[utoipa::path(get, path = "/v1/requesters/{id}/tickets", tag = "tickets",
    params(("id" = String, Path, description = "The customer's external id or email"), PageQuery),
    responses((status = 200, body = Page<RequesterTicket>), (status = 403, body = Problem)))]
async fn requester_tickets(
    State(state): State<AppState>,
    principal: Principal,
    ApiPath(id): ApiPath<String>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> ApiResult<JsonBody<Page<RequesterTicket>>> {
    principal.require(Role::Manager)?;
    let page = super::requesters::requester_page(&state.store, &id, None, &query).await?;
    Ok(JsonBody(page))
}
