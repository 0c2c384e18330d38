//! `/v1/teams`: groups of operators that tickets are routed to.

use super::{ApiRoutes, Created, routes};
use axum::Json;
use axum::extract::State;

use super::{change_workspace_as, page_of};
use crate::api::{
    Page, PageQuery, Problem, RemoveTeamQuery, Role, Team, TeamCreate, TeamRemoved, TeamUpdate,
};
use crate::domain::tickets;
use crate::domain::validate;
use crate::domain::validate::Checks;
use crate::domain::workspace::Snapshot;
use crate::domain::workspace::change::{self, NewTeam};
use crate::server::AppState;
use crate::server::auth::{self, AtLeast, Principal};
use crate::server::error::ApiResult;
use crate::server::json::{ApiJson, ApiPath, ApiQuery, JsonBody};

pub fn add(routes: ApiRoutes) -> ApiRoutes {
    routes
        .with(routes!(list, create))
        .with(routes!(show, update, remove))
}

/// List teams, ordered by key.
#[utoipa::path(get, path = "/v1/teams", tag = "teams", params(PageQuery),
    responses((status = 200, body = Page<Team>), (status = 401, body = Problem)))]
async fn list(
    State(state): State<AppState>,
    principal: Principal,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> ApiResult<JsonBody<Page<Team>>> {
    principal.require_operator()?;
    let workspace = state.store.workspace().await?;
    Ok(JsonBody(page_of(&workspace.teams, &query, |t| {
        t.key.clone()
    })?))
}

/// Add a team. The first team becomes the default. Only an owner adds an
/// owner to a team (only an owner changes an owner); a manager is refused, 403.
#[utoipa::path(post, path = "/v1/teams", tag = "teams", request_body = TeamCreate,
    responses((status = 201, body = Team,
            headers(("Location" = String, description = "The new team: `/v1/teams/{key}`"))),
        (status = 403, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
async fn create(
    State(state): State<AppState>,
    AtLeast(principal): auth::Manager,
    ApiJson(body): ApiJson<TeamCreate>,
) -> ApiResult<Created<Team>> {
    validate::check_new_team(&body.key, &body.name, &body.members)?;
    let key = body.key.clone();
    let new = NewTeam {
        key: body.key,
        name: body.name.trim().to_string(),
        default: body.default,
        members: validate::dedup(body.members),
    };
    let workspace = change_workspace_as(&state, &principal, None, |ws, at| {
        change::add_team(ws, new, at)
    })
    .await?;
    Ok(Created {
        location: format!("/v1/teams/{key}"),
        body: team(&workspace, &key)?,
    })
}

/// Show one team.
#[utoipa::path(get, path = "/v1/teams/{key}", tag = "teams",
    params(("key" = String, Path, description = "The team's key")),
    responses((status = 200, body = Team), (status = 404, body = Problem)))]
async fn show(
    State(state): State<AppState>,
    principal: Principal,
    ApiPath(key): ApiPath<String>,
) -> ApiResult<Json<Team>> {
    principal.require_operator()?;
    Ok(Json(team(&*state.store.workspace().await?, &key)?))
}

/// Change a team; `default: true` moves the default here. Only an owner
/// adds an owner to `members` or leaves one out (only an owner changes an
/// owner); a manager is refused, 403, and nothing changes.
#[utoipa::path(patch, path = "/v1/teams/{key}", tag = "teams",
    params(("key" = String, Path, description = "The team's key")),
    request_body = TeamUpdate,
    responses((status = 200, body = Team), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn update(
    State(state): State<AppState>,
    AtLeast(principal): auth::Manager,
    ApiPath(key): ApiPath<String>,
    ApiJson(body): ApiJson<TeamUpdate>,
) -> ApiResult<Json<Team>> {
    let mut checks = Checks::new();
    if body.is_empty() {
        checks.push("body", "nothing to change: name at least one field");
    }
    if let Some(name) = &body.name {
        checks.name("name", name);
    }
    if let Some(members) = &body.members {
        checks.slugs("members", members);
    }
    checks.finish()?;
    let body = TeamUpdate {
        name: body.name.map(|n| n.trim().to_string()),
        members: body.members.map(validate::dedup),
        ..body
    };
    let workspace = change_workspace_as(&state, &principal, None, |ws, at| {
        change::update_team(ws, &key, &body, at)
    })
    .await?;
    Ok(Json(team(&workspace, &key)?))
}

/// Remove a team. The default team can be removed only when it is the last
/// one. Its open and pending tickets are moved to `move-to`, each with a
/// `team-changed` event (their assignees keep them); a team that has any is
/// refused (409 `team_has_tickets`) without it, unless it is the last team:
/// they are then left without one (`team-removed`). The answer counts them.
/// A team with an owner among its members is an owner's to remove (only an
/// owner changes an owner): a manager is refused, 403, before any ticket moves.
#[utoipa::path(delete, path = "/v1/teams/{key}", tag = "teams",
    params(("key" = String, Path, description = "The team's key"), RemoveTeamQuery),
    responses((status = 200, body = TeamRemoved), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn remove(
    State(state): State<AppState>,
    principal: Principal,
    ApiPath(key): ApiPath<String>,
    ApiQuery(query): ApiQuery<RemoveTeamQuery>,
) -> ApiResult<Json<TeamRemoved>> {
    principal.require(Role::Manager)?;
    let workspace = state.store.workspace().await?;
    let by_owner = principal.require(Role::Owner).is_ok();
    let move_to = tickets::plan_team_removal(&workspace, &key, query.move_to.as_deref(), by_owner)?;
    // Counted and moved in the removal's transaction: a ticket routed to the
    // team meanwhile moves with the others, or is refused with them.
    let mut open_tickets = 0;
    let leaving = |team: &str, open, after: &Snapshot| {
        open_tickets = open;
        tickets::team_leaving(team, open, move_to.as_deref(), after)
    };
    change_workspace_as(&state, &principal, Some(Box::new(leaving)), |ws, at| {
        change::remove_team(ws, &key, at)
    })
    .await?;
    Ok(Json(TeamRemoved {
        key,
        open_tickets,
        moved_to: move_to,
    }))
}

/// The team `key` of `workspace`, or 404.
fn team(workspace: &Snapshot, key: &str) -> ApiResult<Team> {
    workspace
        .team(key)
        .cloned()
        .ok_or_else(|| crate::domain::Refusal::not_found("team", key).into())
}
