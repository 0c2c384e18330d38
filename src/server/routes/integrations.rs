//! `/v1/integrations`: connections to external platforms (owners connect,
//! test and disconnect; managers read), their deliveries, and the webhooks
//! platforms post back, which carry no bearer token: each is verified the way
//! its platform signs.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use jiff::Timestamp;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::api::{
    Integration, IntegrationKind, IntegrationPut, OutboxKind, OutboxMessage, OutboxQuery,
    OutboxState, Page, PageQuery, Problem, Role, TestReport, WebhookReceipt,
};
use crate::server::AppState;
use crate::server::auth::Principal;
use crate::server::connectors::{self, Http, InboundWebhook, WebhookError};
use crate::server::error::{ApiError, ApiResult};
use crate::server::json::{ApiJson, ApiQuery};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(show, put, disconnect))
        .routes(routes!(test))
        .routes(routes!(deliveries))
        .routes(routes!(webhook))
}

/// The `{kind}` of a path: one of the platforms Desk connects to.
fn kind(text: &str) -> ApiResult<IntegrationKind> {
    text.parse().map_err(|_| {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "unknown_integration",
            format!(
                "there is no integration kind '{text}': use one of {}",
                IntegrationKind::NAMES.join(", ")
            ),
        )
    })
}

/// The connected integrations.
#[utoipa::path(get, path = "/v1/integrations", tag = "integrations",
    responses((status = 200, body = Vec<Integration>), (status = 403, body = Problem)))]
async fn list(
    State(state): State<AppState>,
    principal: Principal,
) -> ApiResult<Json<Vec<Integration>>> {
    principal.require(Role::Manager)?;
    Ok(Json(state.store.list_integrations().await?))
}

/// One integration: its settings, its secrets as fingerprints, its status
/// and last test, and the webhook path to give the platform.
#[utoipa::path(get, path = "/v1/integrations/{kind}", tag = "integrations",
    params(("kind" = String, Path, description = "The platform, e.g. `zendesk`")),
    responses((status = 200, body = Integration), (status = 404, body = Problem)))]
async fn show(
    State(state): State<AppState>,
    principal: Principal,
    Path(text): Path<String>,
) -> ApiResult<Json<Integration>> {
    principal.require(Role::Manager)?;
    Ok(Json(state.store.get_integration(kind(&text)?).await?))
}

/// Connect, or change a connection. Settings and field mappings are replaced
/// whole; secrets not named are kept, `null` removes one. A changed
/// connection is untested until `POST …/test`.
#[utoipa::path(put, path = "/v1/integrations/{kind}", tag = "integrations",
    params(("kind" = String, Path, description = "The platform, e.g. `zendesk`")),
    request_body = IntegrationPut,
    responses((status = 200, body = Integration), (status = 201, body = Integration),
        (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn put(
    State(state): State<AppState>,
    principal: Principal,
    Path(text): Path<String>,
    ApiJson(request): ApiJson<IntegrationPut>,
) -> ApiResult<(StatusCode, Json<Integration>)> {
    principal.require(Role::Owner)?;
    let kind = kind(&text)?;
    let stored = state.store.connection(kind).await?;
    let connection =
        connectors::merge(kind, &request, stored.as_ref()).map_err(ApiError::validation)?;
    let (integration, created) = state.store.save_integration(&connection).await?;
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(integration)))
}

/// Disconnect: forget the settings and secrets. Refused while a handover
/// action sends tickets there.
#[utoipa::path(delete, path = "/v1/integrations/{kind}", tag = "integrations",
    params(("kind" = String, Path, description = "The platform, e.g. `zendesk`")),
    responses((status = 204), (status = 404, body = Problem), (status = 409, body = Problem)))]
async fn disconnect(
    State(state): State<AppState>,
    principal: Principal,
    Path(text): Path<String>,
) -> ApiResult<StatusCode> {
    principal.require(Role::Owner)?;
    state.store.delete_integration(kind(&text)?).await?;
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
    Path(text): Path<String>,
) -> ApiResult<Json<TestReport>> {
    principal.require(Role::Owner)?;
    let kind = kind(&text)?;
    let connection = state.store.connection(kind).await?.ok_or_else(|| {
        crate::server::store::StoreError::NotFound {
            what: "integration",
            key: kind.to_string(),
        }
    })?;
    let checks = connectors::test(&Http::default(), &connection).await;
    let report = TestReport::new(checks, Timestamp::now());
    state.store.record_test(kind, &report).await?;
    Ok(Json(report))
}

/// Deliveries to one platform, newest first: state, attempts, last error.
#[utoipa::path(get, path = "/v1/integrations/{kind}/deliveries", tag = "integrations",
    params(("kind" = String, Path, description = "The platform, e.g. `zendesk`"), PageQuery,
        ("state" = Option<String>, Query, description = "Only deliveries in this state")),
    responses((status = 200, body = Page<OutboxMessage>), (status = 403, body = Problem)))]
async fn deliveries(
    State(state): State<AppState>,
    principal: Principal,
    Path(text): Path<String>,
    ApiQuery(query): ApiQuery<DeliveriesQuery>,
) -> ApiResult<Json<Page<OutboxMessage>>> {
    principal.require(Role::Manager)?;
    let outbox_query = OutboxQuery {
        state: query.state,
        kind: Some(OutboxKind::Integration),
        integration: Some(kind(&text)?),
        limit: query.limit,
        cursor: query.cursor,
        ..OutboxQuery::default()
    };
    Ok(Json(
        super::outbox::page(&state.store, &outbox_query).await?,
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
/// token), refused when tampered with, unsigned or replayed; its events move
/// the external status of the handoffs whose tickets they are about.
#[utoipa::path(post, path = "/v1/integrations/{kind}/webhook", tag = "integrations",
    params(("kind" = String, Path, description = "The platform, e.g. `zendesk`")),
    request_body(content = String, description = "The platform's event, as it signed it"),
    security(()),
    responses((status = 200, body = WebhookReceipt), (status = 400, body = Problem),
        (status = 401, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
async fn webhook(
    State(state): State<AppState>,
    Path(text): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Json<WebhookReceipt>> {
    let kind = kind(&text)?;
    let Some(connection) = state.store.connection(kind).await? else {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "integration_not_connected",
            format!("the {kind} integration is not connected"),
        ));
    };
    let inbound = InboundWebhook {
        headers: &headers,
        query: query.as_deref(),
        body: &body,
    };
    let (verified, events) = connectors::receive(&connection, &inbound, Timestamp::now()).map_err(
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
        .accept_webhook(kind, &verified.replay_key, &events)
        .await?;
    Ok(Json(WebhookReceipt {
        events: events.len() as u32,
        updated,
    }))
}
