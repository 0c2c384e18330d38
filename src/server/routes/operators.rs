//! `/v1/operators`: the people who work tickets.

use super::{ApiRoutes, Created, routes};
use axum::Json;
use axum::extract::State;

use super::{change_workspace, change_workspace_as, page_of};
use crate::api::{
    Availability, AvailabilityUpdate, FieldError, Operator, OperatorCreate, OperatorRemoved,
    OperatorUpdate, Page, PageQuery, Problem, RemoveOperatorQuery, Role, TicketCountBy, TicketView,
};
use crate::domain::assignment;
use crate::domain::tickets;
use crate::domain::validate;
use crate::domain::validate::Checks;
use crate::domain::workspace::Snapshot;
use crate::domain::workspace::change::{self, NewOperator};
use crate::server::AppState;
use crate::server::auth::{self, AtLeast, Principal};
use crate::server::error::{ApiError, ApiResult};
use crate::server::json::{ApiJson, ApiPath, ApiQuery, JsonBody};
use crate::server::store::{Holder, TicketFilter, Viewer, stored_now};

pub fn add(routes: ApiRoutes) -> ApiRoutes {
    routes
        .with(routes!(list, create))
        .with(routes!(show, update, remove))
        .with(routes!(set_availability))
}

/// List operators, ordered by handle.
#[utoipa::path(get, path = "/v1/operators", tag = "operators", params(PageQuery),
    responses((status = 200, body = Page<Operator>), (status = 401, body = Problem), (status = 403, body = Problem)))]
async fn list(
    State(state): State<AppState>,
    principal: Principal,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> ApiResult<JsonBody<Page<Operator>>> {
    principal.require_operator()?;
    let workspace = state.store.workspace().await?;
    Ok(JsonBody(page_of(&workspace.operators, &query, |o| {
        o.handle.clone()
    })?))
}

/// Add an operator. Managers add operators; only owners give the owner or manager role.
#[utoipa::path(post, path = "/v1/operators", tag = "operators", request_body = OperatorCreate,
    responses((status = 201, body = Operator,
            headers(("Location" = String, description = "The new operator: `/v1/operators/{handle}`"))),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn create(
    State(state): State<AppState>,
    AtLeast(principal): auth::Manager,
    ApiJson(body): ApiJson<OperatorCreate>,
) -> ApiResult<Created<Operator>> {
    let role = body.role.unwrap_or(Role::Operator);
    principal.require(if role == Role::Operator {
        Role::Manager
    } else {
        Role::Owner
    })?;
    validate::check_new_operator(&body.handle, &body.name, &body.email, &body.teams)?;
    let handle = body.handle.clone();
    let new = NewOperator {
        handle: body.handle,
        name: body.name.trim().to_string(),
        email: body.email,
        signature: body.signature,
        role,
        availability: body.availability.unwrap_or(Availability::Offline),
        teams: validate::dedup(body.teams),
        capacity: body.capacity,
    };
    let workspace =
        change_workspace(&state, None, |ws, at| change::add_operator(ws, new, at)).await?;
    Ok(Created {
        location: format!("/v1/operators/{handle}"),
        body: operator(&workspace, &handle)?,
    })
}

/// Show one operator.
#[utoipa::path(get, path = "/v1/operators/{handle}", tag = "operators",
    params(("handle" = String, Path, description = "The operator's handle")),
    responses((status = 200, body = Operator), (status = 404, body = Problem)))]
async fn show(
    State(state): State<AppState>,
    principal: Principal,
    ApiPath(handle): ApiPath<String>,
) -> ApiResult<Json<Operator>> {
    principal.require_operator()?;
    Ok(Json(operator(&*state.store.workspace().await?, &handle)?))
}

/// Change an operator. Absent fields are left alone; `null` clears `signature` and `capacity`.
/// Only owners change roles, and only an owner changes an owner (their address gets
/// the owners' alerts, replies go out under their name): a manager is refused, 403.
#[utoipa::path(patch, path = "/v1/operators/{handle}", tag = "operators",
    params(("handle" = String, Path, description = "The operator's handle")),
    request_body = OperatorUpdate,
    responses((status = 200, body = Operator), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn update(
    State(state): State<AppState>,
    AtLeast(principal): auth::Manager,
    ApiPath(handle): ApiPath<String>,
    ApiJson(body): ApiJson<OperatorUpdate>,
) -> ApiResult<Json<Operator>> {
    principal.require(if body.role.is_some() {
        Role::Owner
    } else {
        Role::Manager
    })?;
    let mut checks = Checks::new();
    if body.is_empty() {
        checks.push("body", "nothing to change: name at least one field");
    }
    if let Some(name) = &body.name {
        checks.name("name", name);
    }
    if let Some(email) = &body.email {
        checks.email("email", email);
    }
    if let Some(teams) = &body.teams {
        checks.slugs("teams", teams);
    }
    checks.finish()?;
    let body = OperatorUpdate {
        name: body.name.map(|n| n.trim().to_string()),
        teams: body.teams.map(validate::dedup),
        ..body
    };
    let by_owner = principal.require(Role::Owner).is_ok();
    let workspace = change_workspace_as(&state, &principal, None, |ws, at| {
        change::only_owners_change_owner(by_owner, ws, &handle)?;
        change::update_operator(ws, &handle, &body, at)
    })
    .await?;
    Ok(Json(operator(&workspace, &handle)?))
}

/// Remove an operator, with their team memberships and tokens. Their open
/// and pending tickets are unassigned first, each with an `unassigned` event,
/// or handed to `reassign-to`, which is refused (409) as `POST
/// /v1/tickets/{number}/assign` refuses an operator (not online, no room
/// under their capacity, not in a ticket's team) unless `force` is set; the
/// answer counts them. Their resolved tickets
/// keep them as `assignee` (who handled them); one reopened later is
/// unassigned, with an `unassigned` event. Adding the handle again gives that
/// history to the new operator.
#[utoipa::path(delete, path = "/v1/operators/{handle}", tag = "operators",
    params(("handle" = String, Path, description = "The operator's handle"), RemoveOperatorQuery),
    responses((status = 200, body = OperatorRemoved), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn remove(
    State(state): State<AppState>,
    principal: Principal,
    ApiPath(handle): ApiPath<String>,
    ApiQuery(query): ApiQuery<RemoveOperatorQuery>,
) -> ApiResult<Json<OperatorRemoved>> {
    principal.require(Role::Manager)?;
    let workspace = state.store.workspace().await?;
    if operator(&workspace, &handle)?.role != Role::Operator {
        principal.require(Role::Owner)?;
    }
    let to = query.reassign_to.as_deref().map(str::trim);
    match to {
        Some(to) if to == handle => {
            return Err(ApiError::validation(vec![FieldError::new(
                "reassign-to",
                format!("'{to}' is the operator being removed: name another operator"),
            )]));
        }
        Some(to) if workspace.operator(to).is_none() => {
            return Err(ApiError::validation(vec![FieldError::new(
                "reassign-to",
                format!("operator '{to}' does not exist"),
            )]));
        }
        _ => {}
    }
    // Refused removals (the last owner) are refused before any ticket moves.
    change::remove_operator(&mut (*workspace).clone(), &handle, stored_now())?;
    if let Some(to) = to.and_then(|to| workspace.operator(to))
        && !query.force
    {
        let open = super::tickets::open_tickets(&state.store, &to.handle).await?;
        let handed = state
            .store
            .ticket_counts(
                &TicketFilter {
                    view: TicketView::Mine,
                    me: Some(handle.clone()),
                    ..TicketFilter::everything(Viewer::Everyone)
                },
                TicketCountBy::Team,
            )
            .await?;
        let handed: Vec<(Option<&str>, u32)> = handed
            .iter()
            .map(|(team, count)| (team.as_deref(), *count as u32))
            .collect();
        assignment::check_by_hand(to, open, &handed, 0).map_err(|refused| {
            refused.refusal(&format!(
                "hand {handle}'s tickets over anyway by forcing it, or name someone else"
            ))
        })?;
    }
    let at = stored_now();
    let open_tickets = state
        .store
        .release_tickets(Holder::Operator(&handle), |_| {
            tickets::released(&handle, to, at)
        })
        .await?;
    change_workspace(&state, None, |ws, at| {
        change::remove_operator(ws, &handle, at)
    })
    .await?;
    Ok(Json(OperatorRemoved {
        handle,
        open_tickets,
        reassigned_to: to.map(str::to_string),
    }))
}

/// Set whether an operator takes new tickets. Operators may set their own;
/// managers set anyone's but an owner's (only an owner changes an owner).
#[utoipa::path(put, path = "/v1/operators/{handle}/availability", tag = "operators",
    params(("handle" = String, Path, description = "The operator's handle")),
    request_body = AvailabilityUpdate,
    responses((status = 200, body = Operator), (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn set_availability(
    State(state): State<AppState>,
    AvailabilityOf { principal, handle }: AvailabilityOf,
    ApiJson(body): ApiJson<AvailabilityUpdate>,
) -> ApiResult<Json<Operator>> {
    let by_owner = principal.require(Role::Owner).is_ok();
    let workspace = change_workspace_as(&state, &principal, None, |ws, at| {
        change::only_owners_change_owner(by_owner, ws, &handle)?;
        change::set_availability(ws, &handle, body.availability, at)
    })
    .await?;
    Ok(Json(operator(&workspace, &handle)?))
}

/// The operator of the path whose availability the caller may set, their
/// own or (a manager's or owner's) anyone's: checked from the request's
/// parts, so a caller who may not is refused whatever body they sent.
struct AvailabilityOf {
    principal: Principal,
    handle: String,
}

impl axum::extract::FromRequestParts<AppState> for AvailabilityOf {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &AppState,
    ) -> ApiResult<Self> {
        let principal = Principal::from_request_parts(parts, state).await?;
        let ApiPath(handle) = ApiPath::<String>::from_request_parts(parts, state).await?;
        if principal.handle() != Some(handle.as_str()) {
            principal.require(Role::Manager).map_err(|_| {
                ApiError::forbidden("operators may set only their own availability")
            })?;
        }
        Ok(AvailabilityOf { principal, handle })
    }
}

/// The operator `handle` of `workspace`, or 404.
fn operator(workspace: &Snapshot, handle: &str) -> ApiResult<Operator> {
    workspace
        .operator(handle)
        .cloned()
        .ok_or_else(|| crate::domain::Refusal::not_found("operator", handle).into())
}
