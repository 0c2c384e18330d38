//! `/v1/agents`: AI agents and their handover actions.

use super::{ApiRoutes, Created, routes};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;

use super::{change_workspace, page_of, parse_instant};
use crate::api::{
    Agent, AgentCreate, AgentUpdate, HandoverAction, HandoverPutQuery, HandoverStatus,
    HandoverStatusQuery, Page, PageQuery, Problem, Role, RuleKind,
};
use crate::domain::button::{self, ButtonInputs};
use crate::domain::hours::Schedule;
use crate::domain::rules;
use crate::domain::validate;
use crate::domain::validate::Checks;
use crate::domain::workspace::Snapshot;
use crate::domain::workspace::change;
use crate::domain::{Refusal, platform};
use crate::server::AppState;
use crate::server::auth::{self, Principal};
use crate::server::error::{ApiError, ApiResult};
use crate::server::json::{ApiJson, ApiPath, ApiQuery, JsonBody};

pub fn add(routes: ApiRoutes) -> ApiRoutes {
    routes
        .with(routes!(list, create))
        .with(routes!(show, update, remove))
        .with(routes!(get_handover, put_handover, delete_handover))
        .with(routes!(handover_status))
}

/// List AI agents, ordered by key.
#[utoipa::path(get, path = "/v1/agents", tag = "agents", params(PageQuery),
    responses((status = 200, body = Page<Agent>), (status = 401, body = Problem)))]
async fn list(
    State(state): State<AppState>,
    principal: Principal,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> ApiResult<JsonBody<Page<Agent>>> {
    principal.require_operator()?;
    let workspace = state.store.workspace().await?;
    Ok(JsonBody(page_of(&workspace.agents, &query, |a| {
        a.key.clone()
    })?))
}

/// Add an AI agent.
#[utoipa::path(post, path = "/v1/agents", tag = "agents", request_body = AgentCreate,
    responses((status = 201, body = Agent,
            headers(("Location" = String, description = "The new agent: `/v1/agents/{key}`"))),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn create(
    State(state): State<AppState>,
    _caller: auth::Manager,
    ApiJson(body): ApiJson<AgentCreate>,
) -> ApiResult<Created<Agent>> {
    Checks::new()
        .slug("key", &body.key)
        .name("name", &body.name)
        .finish()?;
    let workspace = change_workspace(&state, None, |ws, at| {
        change::add_agent(ws, &body.key, body.name.trim(), at)
    })
    .await?;
    Ok(Created {
        location: format!("/v1/agents/{}", body.key),
        body: agent(&workspace, &body.key)?,
    })
}

/// Show one AI agent with its handover action.
#[utoipa::path(get, path = "/v1/agents/{key}", tag = "agents",
    params(("key" = String, Path, description = "The agent's key")),
    responses((status = 200, body = Agent), (status = 404, body = Problem)))]
async fn show(
    State(state): State<AppState>,
    principal: Principal,
    ApiPath(key): ApiPath<String>,
) -> ApiResult<Json<Agent>> {
    principal.require_operator()?;
    Ok(Json(agent(&*state.store.workspace().await?, &key)?))
}

/// Rename an AI agent.
#[utoipa::path(patch, path = "/v1/agents/{key}", tag = "agents",
    params(("key" = String, Path, description = "The agent's key")),
    request_body = AgentUpdate,
    responses((status = 200, body = Agent), (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn update(
    State(state): State<AppState>,
    _caller: auth::Manager,
    ApiPath(key): ApiPath<String>,
    ApiJson(body): ApiJson<AgentUpdate>,
) -> ApiResult<Json<Agent>> {
    let Some(name) = body.name else {
        return Err(ApiError::validation(vec![crate::api::FieldError::new(
            "body",
            "nothing to change: name at least one field",
        )]));
    };
    Checks::new().name("name", &name).finish()?;
    let workspace = change_workspace(&state, None, |ws, at| {
        change::rename_agent(ws, &key, name.trim(), at)
    })
    .await?;
    Ok(Json(agent(&workspace, &key)?))
}

/// Remove an AI agent and its handover action.
#[utoipa::path(delete, path = "/v1/agents/{key}", tag = "agents",
    params(("key" = String, Path, description = "The agent's key")),
    responses((status = 204), (status = 404, body = Problem)))]
async fn remove(
    State(state): State<AppState>,
    principal: Principal,
    ApiPath(key): ApiPath<String>,
) -> ApiResult<StatusCode> {
    principal.require(Role::Manager)?;
    change_workspace(&state, None, |ws, _| change::remove_agent(ws, &key)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Show an agent's handover action.
#[utoipa::path(get, path = "/v1/agents/{key}/handover", tag = "agents",
    params(("key" = String, Path, description = "The agent's key")),
    responses((status = 200, body = HandoverAction), (status = 404, body = Problem)))]
async fn get_handover(
    State(state): State<AppState>,
    principal: Principal,
    ApiPath(key): ApiPath<String>,
) -> ApiResult<Json<HandoverAction>> {
    principal.require_operator()?;
    let agent = agent(&*state.store.workspace().await?, &key)?;
    agent.handover.map(Json).ok_or_else(|| no_action(&key))
}

fn no_action(key: &str) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "handover_not_found",
        format!("agent '{key}' has no handover action; set one first"),
    )
}

/// Set an agent's handover action, whole: absent fields take their defaults.
#[utoipa::path(put, path = "/v1/agents/{key}/handover", tag = "agents",
    params(("key" = String, Path, description = "The agent's key"), HandoverPutQuery),
    request_body = HandoverAction,
    responses((status = 200, body = HandoverAction), (status = 404, body = Problem),
        (status = 409, description = "The platform's last connection test failed (`integration_test_failed`); `?force=true` points the action there anyway", body = Problem),
        (status = 422, body = Problem)))]
async fn put_handover(
    State(state): State<AppState>,
    _caller: auth::Manager,
    ApiPath(key): ApiPath<String>,
    ApiQuery(query): ApiQuery<HandoverPutQuery>,
    ApiJson(body): ApiJson<HandoverAction>,
) -> ApiResult<Json<HandoverAction>> {
    let action = validate::normalize_action(body);
    let force = query.force.unwrap_or(false);
    let workspace = change_workspace(&state, None, |ws, at| {
        // Checked in the change: the platform must be connected as it commits.
        validate::validate_action(&action, &ws.connected_kinds())?;
        let already_there = ws
            .agent(&key)
            .and_then(|agent| agent.handover.as_ref())
            .is_some_and(|current| current.platform == action.platform);
        if !force
            && !already_there
            && let Some(record) = ws
                .integrations
                .iter()
                .find(|i| i.kind().as_str() == action.platform)
            && let Err(message) =
                platform::check_tested(&action.platform, record.last_test.as_ref())
        {
            return Err(Refusal::conflict("integration_test_failed", message));
        }
        change::set_handover(ws, &key, Some(action), at)
    })
    .await?;
    let agent = agent(&workspace, &key)?;
    agent.handover.map(Json).ok_or_else(|| no_action(&key))
}

/// Remove an agent's handover action.
#[utoipa::path(delete, path = "/v1/agents/{key}/handover", tag = "agents",
    params(("key" = String, Path, description = "The agent's key")),
    responses((status = 204), (status = 404, body = Problem)))]
async fn delete_handover(
    State(state): State<AppState>,
    principal: Principal,
    ApiPath(key): ApiPath<String>,
) -> ApiResult<StatusCode> {
    principal.require(Role::Manager)?;
    if agent(&*state.store.workspace().await?, &key)?
        .handover
        .is_none()
    {
        return Err(no_action(&key));
    }
    change_workspace(&state, None, |ws, at| {
        change::set_handover(ws, &key, None, at)
    })
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Whether the customer would see the human button now (or at `at`), why not,
/// and what they would see on escalating. Ingest tokens may ask.
#[utoipa::path(get, path = "/v1/agents/{key}/handover/status", tag = "agents",
    params(("key" = String, Path, description = "The agent's key"), HandoverStatusQuery),
    responses((status = 200, body = HandoverStatus), (status = 404, body = Problem)))]
async fn handover_status(
    State(state): State<AppState>,
    principal: Principal,
    ApiPath(key): ApiPath<String>,
    ApiQuery(query): ApiQuery<HandoverStatusQuery>,
) -> ApiResult<Json<HandoverStatus>> {
    if !matches!(principal, Principal::Ingest { .. }) {
        principal.require_operator()?;
    }
    let at = match &query.at {
        Some(text) => parse_instant("at", text)?,
        None => super::now_to_the_second(),
    };
    let workspace = state.store.workspace().await?;
    let agent = agent(&workspace, &key)?;
    let schedule =
        Schedule::from_settings(&workspace.business_hours).map_err(ApiError::validation)?;
    let messages = query.messages.unwrap_or_else(|| {
        agent
            .handover
            .as_ref()
            .map_or(0, |action| action.message_threshold)
    });
    let business_hours_open = schedule.is_open(at);
    // Who could answer, decided as a handoff's step 7 decides it, for the team
    // the agent's handoffs go to as far as the agent alone tells.
    let route = rules::agent_route(
        workspace.rules(RuleKind::Assignment),
        &agent.key,
        workspace.default_team(),
    );
    let team = state.store.team_state(route.team.value.as_deref()).await?;
    let platform = agent
        .handover
        .as_ref()
        .map_or(platform::INBOX, |action| action.platform.as_str());
    let answerers = button::answerers(platform, route.team.value.as_deref(), &team.candidates);
    let decision = button::evaluate(&ButtonInputs {
        action: agent.handover.as_ref(),
        messages,
        hours_open: business_hours_open,
        answerers: &answerers,
    });
    Ok(Json(HandoverStatus {
        agent: agent.key,
        at,
        messages,
        button_visible: decision.visible,
        hidden_because: decision.hidden_because,
        business_hours_open,
        operators_online: button::online_members(&team.candidates),
        team_reason: Some(route.team.source.explain()),
        team: route.team.value,
        may_route_to: route.may_route_to,
        customer_sees: decision.customer_sees.map(str::to_string),
        customer_text: decision.customer_text,
        customer_reason: decision.customer_reason,
    }))
}

/// The agent `key` of `workspace`, or 404.
fn agent(workspace: &Snapshot, key: &str) -> ApiResult<Agent> {
    workspace
        .agent(key)
        .cloned()
        .ok_or_else(|| crate::domain::Refusal::not_found("agent", key).into())
}
