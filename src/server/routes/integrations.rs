//! `/v1/integrations`: connections to external platforms (owners only, as
//! the email and delivery settings are: their settings, secrets' fingerprints
//! and test errors are not for managers), their deliveries, and the webhooks
//! platforms post back, which carry no bearer token: each is verified the way
//! its platform signs.

use super::{ApiRoutes, routes};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use jiff::Timestamp;

use super::change_workspace;
use crate::api::{
    Integration, IntegrationKind, IntegrationPut, OutboxKind, OutboxMessage, OutboxQuery,
    OutboxState, Page, PageQuery, Problem, Role, TestReport, WebhookReceipt,
};
use crate::domain::Refusal;
use crate::domain::external;
use crate::domain::workspace::{Snapshot, change, connection};
use crate::server::AppState;
use crate::server::auth::{self, Principal};
use crate::server::connectors::{self, Http, InboundWebhook, WebhookError};
use crate::server::error::{ApiError, ApiResult};
use crate::server::json::{ApiJson, ApiPath, ApiQuery, JsonBody};

pub fn add(routes: ApiRoutes) -> ApiRoutes {
    routes
        .with(routes!(list))
        .with(routes!(show, put, disconnect))
        .with(routes!(test))
        .with(routes!(deliveries))
        .with(routes!(webhook))
}

/// The `{kind}` of a path: one of the platforms Desk connects to.
fn kind(text: &str) -> ApiResult<IntegrationKind> {
    text.parse().map_err(|_| {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "unknown_integration",
            format!(
                "there is no integration kind '{}': use one of {}",
                crate::api::echoed(text),
                IntegrationKind::NAMES.join(", ")
            ),
        )
    })
}

/// The connected integrations (owners only).
#[utoipa::path(get, path = "/v1/integrations", tag = "integrations",
    responses((status = 200, body = Vec<Integration>), (status = 403, body = Problem)))]
async fn list(
    State(state): State<AppState>,
    principal: Principal,
) -> ApiResult<Json<Vec<Integration>>> {
    principal.require(Role::Owner)?;
    let workspace = state.store.workspace().await?;
    Ok(Json(
        workspace
            .integrations
            .iter()
            .map(|i| i.view(&workspace))
            .collect(),
    ))
}

/// One integration (owners only): its settings, its secrets as
/// fingerprints, its status and last test, and the webhook path to give the
/// platform.
#[utoipa::path(get, path = "/v1/integrations/{kind}", tag = "integrations",
    params(("kind" = String, Path, description = "The platform, e.g. `zendesk`")),
    responses((status = 200, body = Integration), (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn show(
    State(state): State<AppState>,
    principal: Principal,
    ApiPath(text): ApiPath<String>,
) -> ApiResult<Json<Integration>> {
    principal.require(Role::Owner)?;
    let kind = kind(&text)?;
    Ok(Json(integration(&*state.store.workspace().await?, kind)?))
}

/// Connect, or change a connection. Settings and field mappings are replaced
/// whole; secrets not named are kept, `null` removes one. A changed
/// connection is untested until `POST …/test`. A new secret is refused (409)
/// on a replica lacking the key the stored one is sealed with, which other
/// replicas hold.
#[utoipa::path(put, path = "/v1/integrations/{kind}", tag = "integrations",
    params(("kind" = String, Path, description = "The platform, e.g. `zendesk`")),
    request_body = IntegrationPut,
    responses((status = 200, body = Integration), (status = 201, body = Integration),
        (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn put(
    State(state): State<AppState>,
    _caller: auth::Owner,
    ApiPath(text): ApiPath<String>,
    ApiJson(request): ApiJson<IntegrationPut>,
) -> ApiResult<(StatusCode, Json<Integration>)> {
    let kind = kind(&text)?;
    let mut created = false;
    let workspace = change_workspace(&state, None, |ws, at| {
        let connection =
            connection::merge(kind, &request, ws.connection(kind)).map_err(Refusal::Invalid)?;
        created = change::save_integration(ws, connection, at);
        Ok(())
    })
    .await?;
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(integration(&workspace, kind)?)))
}

/// Disconnect: forget the settings and secrets. Refused while a handover
/// action sends tickets there.
#[utoipa::path(delete, path = "/v1/integrations/{kind}", tag = "integrations",
    params(("kind" = String, Path, description = "The platform, e.g. `zendesk`")),
    responses((status = 204), (status = 404, body = Problem), (status = 409, body = Problem)))]
async fn disconnect(
    State(state): State<AppState>,
    principal: Principal,
    ApiPath(text): ApiPath<String>,
) -> ApiResult<StatusCode> {
    principal.require(Role::Owner)?;
    let kind = kind(&text)?;
    change_workspace(&state, None, |ws, _| change::remove_integration(ws, kind)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Test the connection: the platform's cheap authenticated call and its
/// prerequisites. The report is kept, and sets the status.
#[utoipa::path(post, path = "/v1/integrations/{kind}/test", tag = "integrations",
    params(("kind" = String, Path, description = "The platform, e.g. `zendesk`")),
    responses((status = 200, body = TestReport), (status = 404, body = Problem)))]
async fn test(
    State(state): State<AppState>,
    principal: Principal,
    ApiPath(text): ApiPath<String>,
) -> ApiResult<Json<TestReport>> {
    principal.require(Role::Owner)?;
    let kind = kind(&text)?;
    let workspace = state.store.workspace().await?;
    let connection = workspace
        .connection(kind)
        .ok_or_else(|| Refusal::not_found("integration", kind.as_str()))?;
    let checks = match workspace.unusable_integration_secret(kind) {
        Some(why) => vec![connectors::failed("credentials", why)],
        None => connectors::test(&Http::default(), connection).await,
    };
    let report = TestReport::new(checks, Timestamp::now());
    let recorded = report.clone();
    change_workspace(&state, None, |ws, _| {
        change::record_test(ws, kind, recorded)
    })
    .await?;
    Ok(Json(report))
}

/// Deliveries to one platform, newest first: state, attempts, last error
/// (owners only).
#[utoipa::path(get, path = "/v1/integrations/{kind}/deliveries", tag = "integrations",
    params(("kind" = String, Path, description = "The platform, e.g. `zendesk`"), PageQuery,
        ("state" = Option<String>, Query, description = "Only deliveries in this state")),
    responses((status = 200, body = Page<OutboxMessage>), (status = 403, body = Problem)))]
async fn deliveries(
    State(state): State<AppState>,
    _caller: auth::Owner,
    ApiPath(text): ApiPath<String>,
    ApiQuery(query): ApiQuery<DeliveriesQuery>,
) -> ApiResult<JsonBody<Page<OutboxMessage>>> {
    let outbox_query = OutboxQuery {
        state: query.state,
        kind: Some(OutboxKind::Integration),
        integration: Some(kind(&text)?),
        limit: query.limit,
        cursor: query.cursor,
        ..OutboxQuery::default()
    };
    Ok(JsonBody(
        super::outbox::page(&state.store, &outbox_query, true).await?,
    ))
}

/// Query of the deliveries list.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct DeliveriesQuery {
    #[serde(default)]
    state: Option<OutboxState>,
    #[serde(default)]
    limit: Option<u32>,
    #[serde(default)]
    cursor: Option<String>,
}

/// A platform's webhook: verified the way that platform signs (no bearer
/// token), refused when tampered with or unsigned; its events move the
/// external status of the handoffs whose tickets they are about. The same
/// event again is acknowledged (`replay: true`) and applied no second time.
#[utoipa::path(post, path = "/v1/integrations/{kind}/webhook", tag = "integrations",
    params(("kind" = String, Path, description = "The platform, e.g. `zendesk`"),
        ("token" = Option<String>, Query, description = "Zoho Desk's webhook token, which it \
            can only send in the URL (docs/integrations/zoho-desk.md). The query is the \
            platform's: what else it adds there is not refused")),
    request_body(content = String, description = "The platform's event, as it signed it"),
    security(()),
    responses((status = 200, body = WebhookReceipt), (status = 400, body = Problem),
        (status = 401, body = Problem), (status = 404, body = Problem),
        (status = 503, body = Problem)))]
async fn webhook(
    State(state): State<AppState>,
    ApiPath(text): ApiPath<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Json<WebhookReceipt>> {
    let kind = kind(&text)?;
    let workspace = state.store.workspace().await?;
    let Some(connection) = workspace.connection(kind) else {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "integration_not_connected",
            format!("the {kind} integration is not connected"),
        ));
    };
    if let Some(why) = workspace.unusable_integration_secret(kind) {
        // The caller is the platform, unauthenticated so far: the key's id and
        // where it is kept are for the log. A 503 has it send the event again.
        tracing::error!(%kind, %why, "cannot verify a webhook");
        return Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "secret_key_unavailable",
            format!(
                "the {kind} integration cannot verify webhooks now: its secret is sealed with \
                 a key this service does not have; send the event again later"
            ),
        ));
    }
    let inbound = InboundWebhook {
        headers: &headers,
        query: query.as_deref(),
        body: &body,
    };
    let (verified, events) = connectors::receive(connection, &inbound, Timestamp::now()).map_err(
        |error| match error {
            WebhookError::Unauthenticated(detail) => {
                tracing::warn!(%kind, %detail, "refused a webhook");
                ApiError::unauthenticated("webhook_signature_invalid", detail)
            }
            WebhookError::Malformed(detail) => {
                ApiError::new(StatusCode::BAD_REQUEST, "webhook_malformed", detail)
            }
        },
    )?;
    let updated = state
        .store
        .accept_webhook(
            kind,
            &crate::server::auth::hash_secret(&verified.replay_key),
            &events,
            external::apply,
            verified.forget_before,
        )
        .await?;
    if updated.is_none() {
        tracing::info!(%kind, "acknowledged a webhook event received before");
    }
    Ok(Json(WebhookReceipt {
        events: events.len() as u32,
        replay: updated.is_none(),
        updated: updated.unwrap_or_default(),
    }))
}

/// The integration `kind` of `workspace` as the API shows it, or 404.
fn integration(workspace: &Snapshot, kind: IntegrationKind) -> ApiResult<Integration> {
    workspace
        .integration(kind)
        .map(|i| i.view(workspace))
        .ok_or_else(|| Refusal::not_found("integration", kind.as_str()).into())
}
