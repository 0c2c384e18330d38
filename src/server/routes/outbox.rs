//! `/v1/outbox`: the messages the desk sends — pending, delivered or dead —
//! and putting a dead one back in the queue. Owners and managers; deliveries
//! to integrations, like the integrations themselves, owners only.

use super::{ApiRoutes, routes};
use axum::Json;
use axum::extract::State;

use super::{into_page, page_limit};
use crate::api::{
    FieldError, OutboxKind, OutboxMessage, OutboxQuery, OutboxRef, Page, PageQuery, Problem, Role,
};
use crate::server::auth::{self, Principal};
use crate::server::error::{ApiError, ApiResult};
use crate::server::json::{ApiPath, ApiQuery, JsonBody, invalid_path};
use crate::server::{AppState, Store};

pub fn add(routes: ApiRoutes) -> ApiRoutes {
    routes
        .with(routes!(list))
        .with(routes!(show))
        .with(routes!(retry))
}

/// Outbound messages, newest first, with their attempts and last error.
/// Deliveries to integrations are listed to owners only: a manager's list
/// leaves them out, and asking for them (`kind=integration`, `integration`)
/// is refused.
#[utoipa::path(get, path = "/v1/outbox", tag = "outbox", params(OutboxQuery),
    responses((status = 200, body = Page<OutboxMessage>), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn list(
    State(state): State<AppState>,
    auth::AtLeast(principal): auth::Manager,
    ApiQuery(query): ApiQuery<OutboxQuery>,
) -> ApiResult<JsonBody<Page<OutboxMessage>>> {
    let asks_for_integrations =
        query.kind == Some(OutboxKind::Integration) || query.integration.is_some();
    let with_integrations = match principal.require(Role::Owner) {
        Ok(()) => true,
        Err(refused) if asks_for_integrations => return Err(refused),
        Err(_) => false,
    };
    Ok(JsonBody(
        page(&state.store, &query, with_integrations).await?,
    ))
}

/// A page of the messages `query` matches (its limit and cursor included),
/// deliveries to integrations only `with_integrations`.
pub(crate) async fn page(
    store: &Store,
    query: &OutboxQuery,
    with_integrations: bool,
) -> ApiResult<Page<OutboxMessage>> {
    let limit = page_limit(&PageQuery {
        limit: query.limit,
        cursor: None,
    })?;
    let before = query
        .cursor
        .as_deref()
        .map(|cursor| {
            // Digits past the length limit would still parse (leading zeros).
            if let Some(problem) = crate::api::cursor_problem(cursor) {
                return Err(ApiError::validation(vec![FieldError::new(
                    "cursor", problem,
                )]));
            }
            cursor.parse::<u64>().map_err(|_| {
                ApiError::validation(vec![FieldError::new(
                    "cursor",
                    "not a cursor this service gave out",
                )])
            })
        })
        .transpose()?;
    if query.ticket.is_some_and(|n| i64::try_from(n).is_err()) {
        return Err(ApiError::validation(vec![FieldError::new(
            "ticket",
            "no ticket has a number this large",
        )]));
    }
    let items = store
        .list_outbox(query, with_integrations, before, limit + 1)
        .await?;
    Ok(into_page(items, limit, |m| m.id.to_string()))
}

/// The id of the message `text` (the `{id}` of a path) names: an id in the
/// outbox, or the id the message went out with.
async fn outbound_id(store: &Store, text: &str) -> ApiResult<u64> {
    match text.parse::<OutboxRef>() {
        Ok(OutboxRef::Id(id)) => Ok(id),
        Ok(OutboxRef::Delivery(delivery_id)) => Ok(store.find_outbound(&delivery_id).await?),
        Err(problem) => Err(invalid_path("id", text, &problem)),
    }
}

/// One outbound message, with what it says.
#[utoipa::path(get, path = "/v1/outbox/{id}", tag = "outbox",
    params(("id" = String, Path, description = OUTBOX_ID)),
    responses((status = 200, body = OutboxMessage), (status = 404, body = Problem),
        (status = 409, description = "Two messages went out with that id (`ambiguous_delivery_id`)", body = Problem)))]
async fn show(
    State(state): State<AppState>,
    principal: Principal,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<Json<OutboxMessage>> {
    principal.require(Role::Manager)?;
    let id = outbound_id(&state.store, &id).await?;
    let message = state.store.get_outbound(id).await?;
    require_owner_for_integrations(&principal, &message)?;
    Ok(Json(message))
}

/// Refuses a manager a delivery to an integration: integrations are owners
/// only, their deliveries as much as their settings.
fn require_owner_for_integrations(principal: &Principal, message: &OutboxMessage) -> ApiResult<()> {
    if message.kind == OutboxKind::Integration {
        principal.require(Role::Owner)?;
    }
    Ok(())
}

/// Queue a dead message again, with a fresh set of attempts, or try a pending
/// one now (after the earlier messages of its ticket to the same place, which
/// are tried now too). A delivered message is a conflict.
#[utoipa::path(post, path = "/v1/outbox/{id}/retry", tag = "outbox",
    params(("id" = String, Path, description = OUTBOX_ID)),
    responses((status = 200, body = OutboxMessage), (status = 404, body = Problem), (status = 409, body = Problem)))]
async fn retry(
    State(state): State<AppState>,
    principal: Principal,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<Json<OutboxMessage>> {
    principal.require(Role::Manager)?;
    let id = outbound_id(&state.store, &id).await?;
    require_owner_for_integrations(&principal, &state.store.get_outbound(id).await?)?;
    Ok(Json(state.store.retry_outbound(id).await?))
}

/// What `{id}` of `/v1/outbox/{id}` takes.
const OUTBOX_ID: &str = "The message's id (`42`), or the id it went out with, as the \
    receiver saw it: a delivery webhook's `X-Desk-Delivery` (`msg_…`, `evt_…`) or an \
    email's Message-ID local part";
