//! `/v1/ticket-fields`: fields set on tickets from context keys with the same key.

use super::{ApiRoutes, Created, routes};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;

use super::{change_workspace, page_of};
use crate::api::{
    Page, PageQuery, Problem, Role, TicketField, TicketFieldCreate, TicketFieldUpdate,
};
use crate::domain::validate;
use crate::domain::validate::{Checks, check_field_options};
use crate::domain::workspace::Snapshot;
use crate::domain::workspace::change;
use crate::server::AppState;
use crate::server::auth::{self, Principal};
use crate::server::error::ApiResult;
use crate::server::json::{ApiJson, ApiPath, ApiQuery, JsonBody};

pub fn add(routes: ApiRoutes) -> ApiRoutes {
    routes
        .with(routes!(list, create))
        .with(routes!(show, update, remove))
}

/// List ticket fields, ordered by key.
#[utoipa::path(get, path = "/v1/ticket-fields", tag = "ticket-fields", params(PageQuery),
    responses((status = 200, body = Page<TicketField>), (status = 401, body = Problem)))]
async fn list(
    State(state): State<AppState>,
    principal: Principal,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> ApiResult<JsonBody<Page<TicketField>>> {
    principal.require_operator()?;
    let workspace = state.store.workspace().await?;
    Ok(JsonBody(page_of(&workspace.fields, &query, |f| {
        f.key.clone()
    })?))
}

/// Add a ticket field.
#[utoipa::path(post, path = "/v1/ticket-fields", tag = "ticket-fields", request_body = TicketFieldCreate,
    responses((status = 201, body = TicketField,
            headers(("Location" = String, description = "The new field: `/v1/ticket-fields/{key}`"))),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn create(
    State(state): State<AppState>,
    _caller: auth::Manager,
    ApiJson(mut body): ApiJson<TicketFieldCreate>,
) -> ApiResult<Created<TicketField>> {
    body.name = body.name.trim().to_string();
    body.options = validate::trimmed(body.options);
    let mut checks = Checks::new();
    checks.slug("key", &body.key).name("name", &body.name);
    check_field_options(&mut checks, body.field_type, &body.options);
    checks.finish()?;
    let workspace =
        change_workspace(&state, None, |ws, at| change::add_field(ws, &body, at)).await?;
    Ok(Created {
        location: format!("/v1/ticket-fields/{}", body.key),
        body: field(&workspace, &body.key)?,
    })
}

/// Show one ticket field.
#[utoipa::path(get, path = "/v1/ticket-fields/{key}", tag = "ticket-fields",
    params(("key" = String, Path, description = "The field's key")),
    responses((status = 200, body = TicketField), (status = 404, body = Problem)))]
async fn show(
    State(state): State<AppState>,
    principal: Principal,
    ApiPath(key): ApiPath<String>,
) -> ApiResult<Json<TicketField>> {
    principal.require_operator()?;
    Ok(Json(field(&*state.store.workspace().await?, &key)?))
}

/// Rename a ticket field or replace a dropdown's options. The type cannot change.
#[utoipa::path(patch, path = "/v1/ticket-fields/{key}", tag = "ticket-fields",
    params(("key" = String, Path, description = "The field's key")),
    request_body = TicketFieldUpdate,
    responses((status = 200, body = TicketField), (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn update(
    State(state): State<AppState>,
    _caller: auth::Manager,
    ApiPath(key): ApiPath<String>,
    ApiJson(mut body): ApiJson<TicketFieldUpdate>,
) -> ApiResult<Json<TicketField>> {
    let current = field(&*state.store.workspace().await?, &key)?;
    body.name = body.name.map(|n| n.trim().to_string());
    body.options = body.options.map(validate::trimmed);
    let mut checks = Checks::new();
    if body.name.is_none() && body.options.is_none() {
        checks.push("body", "nothing to change: name at least one field");
    }
    if let Some(name) = &body.name {
        checks.name("name", name);
    }
    if let Some(options) = &body.options {
        check_field_options(&mut checks, current.field_type, options);
    }
    checks.finish()?;
    let workspace = change_workspace(&state, None, |ws, at| {
        change::update_field(ws, &key, &body, at)
    })
    .await?;
    Ok(Json(field(&workspace, &key)?))
}

/// Remove a ticket field.
#[utoipa::path(delete, path = "/v1/ticket-fields/{key}", tag = "ticket-fields",
    params(("key" = String, Path, description = "The field's key")),
    responses((status = 204), (status = 404, body = Problem)))]
async fn remove(
    State(state): State<AppState>,
    principal: Principal,
    ApiPath(key): ApiPath<String>,
) -> ApiResult<StatusCode> {
    principal.require(Role::Manager)?;
    change_workspace(&state, None, |ws, _| change::remove_field(ws, &key)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The ticket field `key` of `workspace`, or 404.
fn field(workspace: &Snapshot, key: &str) -> ApiResult<TicketField> {
    workspace
        .field(key)
        .cloned()
        .ok_or_else(|| crate::domain::Refusal::not_found("ticket field", key).into())
}
