//! `/v1/tickets`: the inbox's tickets.

use axum::Json;
use axum::extract::{Path, State};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::api::{Problem, Role, Ticket, TicketDetail};
use crate::server::AppState;
use crate::server::auth::Principal;
use crate::server::error::{ApiError, ApiResult};
use crate::server::store::Store;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(show))
}

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
