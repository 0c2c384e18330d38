//! `/v1/health` and `/v1/version`: unauthenticated, for load balancers and clients.

use super::{ApiRoutes, routes};
use axum::Json;
use axum::extract::State;

use crate::api::{Health, Me, VersionInfo};
use crate::server::AppState;
use crate::server::auth::Principal;
use crate::server::error::ApiResult;

pub fn add(routes: ApiRoutes) -> ApiRoutes {
    routes
        .with(routes!(health))
        .with(routes!(version))
        .with(routes!(me))
}

/// Whether the service is up and its database answers.
#[utoipa::path(get, path = "/v1/health", tag = "meta", security(()),
    responses((status = 200, body = Health), (status = 503, body = crate::api::Problem)))]
async fn health(State(state): State<AppState>) -> ApiResult<Json<Health>> {
    state.store.ping().await?;
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
        },
        Principal::Operator { handle, role, .. } => Me {
            kind: "operator".into(),
            operator: Some(handle),
            role: Some(role),
        },
        Principal::Ingest { .. } => Me {
            kind: "ingest".into(),
            operator: None,
            role: None,
        },
    })
}
