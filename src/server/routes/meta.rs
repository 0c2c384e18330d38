//! `/v1/health` and `/v1/version`: unauthenticated, for load balancers and clients.

use std::time::Duration;

use super::{ApiRoutes, routes};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;

use crate::api::{Health, Me, VersionInfo};
use crate::server::AppState;
use crate::server::auth::Principal;
use crate::server::error::{ApiError, ApiResult};
use crate::server::store::StoreError;

pub fn add(routes: ApiRoutes) -> ApiRoutes {
    routes
        .with(routes!(health))
        .with(routes!(version))
        .with(routes!(me))
}

/// How long the health check waits for the database. Load balancers probe
/// with timeouts of a few seconds: a database that cannot be reached must be
/// a prompt 503, not a wait for the pool's own timeout and a probe timed out.
const HEALTH_DATABASE_TIMEOUT: Duration = Duration::from_secs(2);

/// Whether the service is up and its database answers (within 2 seconds).
#[utoipa::path(get, path = "/v1/health", tag = "meta", security(()),
    responses((status = 200, body = Health), (status = 503, body = crate::api::Problem)))]
async fn health(State(state): State<AppState>) -> ApiResult<Json<Health>> {
    match tokio::time::timeout(HEALTH_DATABASE_TIMEOUT, state.store.ping()).await {
        // Not ready, as for a full disk: a 503, which the desk's writes are
        // not (no retry mends them), and no error logged at every probe (the
        // store logged it once).
        Ok(Err(StoreError::ReadOnly(detail))) => {
            return Err(ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "desk_read_only",
                detail,
            ));
        }
        Ok(answered) => answered?,
        Err(_) => {
            return Err(StoreError::Unavailable(format!(
                "the database did not answer within {} seconds",
                HEALTH_DATABASE_TIMEOUT.as_secs()
            ))
            .into());
        }
    }
    Ok(Json(Health {
        status: "ok".into(),
    }))
}

/// The release serving the API.
#[utoipa::path(get, path = "/v1/version", tag = "meta", security(()),
    responses((status = 200, body = VersionInfo)))]
async fn version() -> Json<VersionInfo> {
    Json(VersionInfo {
        version: env!("CARGO_PKG_VERSION").into(),
        api: "v1".into(),
    })
}

/// Who the caller is: the local desk's owner, an operator (with role) or an ingest token.
#[utoipa::path(get, path = "/v1/me", tag = "meta",
    responses((status = 200, body = Me), (status = 401, body = crate::api::Problem)))]
async fn me(principal: Principal) -> Json<Me> {
    Json(match principal {
        Principal::LocalOwner => Me {
            kind: "local-owner".into(),
            operator: None,
            role: Some(crate::api::Role::Owner),
            token: None,
        },
        Principal::Operator {
            token_id,
            handle,
            role,
        } => Me {
            kind: "operator".into(),
            operator: Some(handle),
            role: Some(role),
            token: Some(token_id),
        },
        Principal::Ingest { token_id } => Me {
            kind: "ingest".into(),
            operator: None,
            role: None,
            token: Some(token_id),
        },
    })
}
