//! `/v1/settings/*`: assignment, business hours, notifications, handoff, email and
//! delivery settings. Each section is read and replaced whole; absent fields take
//! their defaults, except secrets: write-only, kept when left out.

use super::{ApiRoutes, routes};
use axum::Json;
use axum::extract::State;

use super::{change_workspace, parse_instant};
use crate::api::{
    AssignmentSettings, AtQuery, BusinessHours, DeliverySettings, EmailSettings, HandoffSettings,
    HoursCheck, NotificationSettings, Problem, Role,
};
use crate::domain::Refusal;
use crate::domain::hours;
use crate::domain::validate;
use crate::server::AppState;
use crate::server::auth::{self, Principal};
use crate::server::error::{ApiError, ApiResult};
use crate::server::json::{ApiJson, ApiQuery};

pub fn add(routes: ApiRoutes) -> ApiRoutes {
    routes
        .with(routes!(get_assignment, put_assignment))
        .with(routes!(get_hours, put_hours))
        .with(routes!(check_hours))
        .with(routes!(get_notifications, put_notifications))
        .with(routes!(get_handoff, put_handoff))
        .with(routes!(get_email, put_email))
        .with(routes!(get_delivery, put_delivery))
}

/// How new tickets are assigned, and the support inbox.
#[utoipa::path(get, path = "/v1/settings/assignment", tag = "settings",
    responses((status = 200, body = AssignmentSettings)))]
async fn get_assignment(
    State(state): State<AppState>,
    principal: Principal,
) -> ApiResult<Json<AssignmentSettings>> {
    principal.require_operator()?;
    Ok(Json(state.store.workspace().await?.assignment.clone()))
}

/// Replace the assignment settings.
#[utoipa::path(put, path = "/v1/settings/assignment", tag = "settings",
    request_body = AssignmentSettings,
    responses((status = 200, body = AssignmentSettings), (status = 422, body = Problem)))]
async fn put_assignment(
    State(state): State<AppState>,
    _caller: auth::Manager,
    ApiJson(mut body): ApiJson<AssignmentSettings>,
) -> ApiResult<Json<AssignmentSettings>> {
    validate::normalize_assignment(&mut body);
    validate::check_assignment(&body)?;
    let value = body.clone();
    change_workspace(&state, None, |ws, _| {
        ws.assignment = value;
        Ok(())
    })
    .await?;
    Ok(Json(body))
}

/// Business hours.
#[utoipa::path(get, path = "/v1/settings/business-hours", tag = "settings",
    responses((status = 200, body = BusinessHours)))]
async fn get_hours(
    State(state): State<AppState>,
    principal: Principal,
) -> ApiResult<Json<BusinessHours>> {
    principal.require_operator()?;
    Ok(Json(state.store.workspace().await?.business_hours.clone()))
}

/// Replace the business hours. The time zone must be a known IANA zone.
#[utoipa::path(put, path = "/v1/settings/business-hours", tag = "settings",
    request_body = BusinessHours,
    responses((status = 200, body = BusinessHours), (status = 422, body = Problem)))]
async fn put_hours(
    State(state): State<AppState>,
    _caller: auth::Manager,
    ApiJson(mut body): ApiJson<BusinessHours>,
) -> ApiResult<Json<BusinessHours>> {
    hours::Schedule::from_settings(&body).map_err(ApiError::validation)?;
    hours::normalize(&mut body);
    let value = body.clone();
    change_workspace(&state, None, |ws, _| {
        ws.business_hours = value;
        Ok(())
    })
    .await?;
    Ok(Json(body))
}

/// Whether business hours are open at `at` (default now), and when that next changes.
#[utoipa::path(get, path = "/v1/settings/business-hours/check", tag = "settings",
    params(AtQuery),
    responses((status = 200, body = HoursCheck), (status = 422, body = Problem)))]
async fn check_hours(
    State(state): State<AppState>,
    principal: Principal,
    ApiQuery(query): ApiQuery<AtQuery>,
) -> ApiResult<Json<HoursCheck>> {
    principal.require_operator()?;
    let at = match &query.at {
        Some(text) => parse_instant("at", text)?,
        None => super::now_to_the_second(),
    };
    let workspace = state.store.workspace().await?;
    Ok(Json(
        hours::check(&workspace.business_hours, at).map_err(ApiError::validation)?,
    ))
}

/// Notification settings.
#[utoipa::path(get, path = "/v1/settings/notifications", tag = "settings",
    responses((status = 200, body = NotificationSettings)))]
async fn get_notifications(
    State(state): State<AppState>,
    principal: Principal,
) -> ApiResult<Json<NotificationSettings>> {
    principal.require_operator()?;
    Ok(Json(state.store.workspace().await?.notifications.clone()))
}

/// Replace the notification settings.
#[utoipa::path(put, path = "/v1/settings/notifications", tag = "settings",
    request_body = NotificationSettings,
    responses((status = 200, body = NotificationSettings)))]
async fn put_notifications(
    State(state): State<AppState>,
    _caller: auth::Manager,
    ApiJson(body): ApiJson<NotificationSettings>,
) -> ApiResult<Json<NotificationSettings>> {
    let value = body.clone();
    change_workspace(&state, None, |ws, _| {
        ws.notifications = value;
        Ok(())
    })
    .await?;
    Ok(Json(body))
}

/// Handoff settings.
#[utoipa::path(get, path = "/v1/settings/handoff", tag = "settings",
    responses((status = 200, body = HandoffSettings)))]
async fn get_handoff(
    State(state): State<AppState>,
    principal: Principal,
) -> ApiResult<Json<HandoffSettings>> {
    principal.require_operator()?;
    Ok(Json(state.store.workspace().await?.handoff.clone()))
}

/// Replace the handoff settings.
#[utoipa::path(put, path = "/v1/settings/handoff", tag = "settings",
    request_body = HandoffSettings,
    responses((status = 200, body = HandoffSettings)))]
async fn put_handoff(
    State(state): State<AppState>,
    _caller: auth::Manager,
    ApiJson(body): ApiJson<HandoffSettings>,
) -> ApiResult<Json<HandoffSettings>> {
    let value = body.clone();
    change_workspace(&state, None, |ws, _| {
        ws.handoff = value;
        Ok(())
    })
    .await?;
    Ok(Json(body))
}

/// The SMTP server that sends email (owners only). The password is never
/// returned: only whether one is set, and its fingerprint.
#[utoipa::path(get, path = "/v1/settings/email", tag = "settings",
    responses((status = 200, body = EmailSettings), (status = 403, body = Problem)))]
async fn get_email(
    State(state): State<AppState>,
    principal: Principal,
) -> ApiResult<Json<EmailSettings>> {
    principal.require(Role::Owner)?;
    let workspace = state.store.workspace().await?;
    Ok(Json(workspace.email_view()))
}

/// Replace the email settings (owners only). A `password` left out keeps the
/// stored one; `null` removes it. A new password is refused (409) on a
/// replica lacking the key the stored one is sealed with, which other
/// replicas hold.
#[utoipa::path(put, path = "/v1/settings/email", tag = "settings",
    request_body = EmailSettings,
    responses((status = 200, body = EmailSettings), (status = 403, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn put_email(
    State(state): State<AppState>,
    _caller: auth::Owner,
    ApiJson(body): ApiJson<EmailSettings>,
) -> ApiResult<Json<EmailSettings>> {
    let workspace = change_workspace(&state, None, |ws, _| {
        let updated = ws.email.updated(body);
        let errors = updated.check();
        if !errors.is_empty() {
            return Err(Refusal::Invalid(errors));
        }
        ws.email = updated;
        Ok(())
    })
    .await?;
    Ok(Json(workspace.email_view()))
}

/// The AI agent platform's delivery webhook (owners only). The signing secret
/// is never returned: only whether one is set, and its fingerprint.
#[utoipa::path(get, path = "/v1/settings/delivery", tag = "settings",
    responses((status = 200, body = DeliverySettings), (status = 403, body = Problem)))]
async fn get_delivery(
    State(state): State<AppState>,
    principal: Principal,
) -> ApiResult<Json<DeliverySettings>> {
    principal.require(Role::Owner)?;
    let workspace = state.store.workspace().await?;
    Ok(Json(workspace.delivery_view()))
}

/// Replace the delivery webhook settings (owners only). A `secret` left out
/// keeps the stored one; `null` removes it. A URL needs a secret. A new
/// secret is refused (409) on a replica lacking the key the stored one is
/// sealed with, which other replicas hold.
#[utoipa::path(put, path = "/v1/settings/delivery", tag = "settings",
    request_body = DeliverySettings,
    responses((status = 200, body = DeliverySettings), (status = 403, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn put_delivery(
    State(state): State<AppState>,
    _caller: auth::Owner,
    ApiJson(body): ApiJson<DeliverySettings>,
) -> ApiResult<Json<DeliverySettings>> {
    let workspace = change_workspace(&state, None, |ws, _| {
        let updated = ws.delivery.updated(body);
        let errors = updated.check();
        if !errors.is_empty() {
            return Err(Refusal::Invalid(errors));
        }
        ws.delivery = updated;
        Ok(())
    })
    .await?;
    Ok(Json(workspace.delivery_view()))
}
