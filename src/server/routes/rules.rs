//! `/v1/rules/{kind}`: the ordered priority and assignment rules.

use super::{ApiRoutes, Created, routes};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;

use super::change_workspace;
use crate::api::{Problem, Role, Rule, RuleCreate, RuleKind, RuleMove};
use crate::domain::validate;
use crate::domain::validate::Checks;
use crate::domain::workspace::Snapshot;
use crate::domain::workspace::change::{self, NewRule};
use crate::server::AppState;
use crate::server::auth::{self, Principal, generate_id};
use crate::server::error::{ApiError, ApiResult};
use crate::server::json::{ApiJson, ApiPath};

pub fn add(routes: ApiRoutes) -> ApiRoutes {
    routes
        .with(routes!(list, create))
        .with(routes!(show, remove))
        .with(routes!(move_rule))
}

fn kind(text: &str) -> ApiResult<RuleKind> {
    text.parse().map_err(|_| {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "rule_kind_not_found",
            format!(
                "there are no '{}' rules: use priority or assignment",
                crate::api::echoed(text)
            ),
        )
    })
}

/// One list of rules, in order: the first match wins.
#[utoipa::path(get, path = "/v1/rules/{kind}", tag = "rules",
    params(("kind" = String, Path, description = "`priority` or `assignment`")),
    responses((status = 200, body = Vec<Rule>), (status = 404, body = Problem)))]
async fn list(
    State(state): State<AppState>,
    principal: Principal,
    ApiPath(kind_text): ApiPath<String>,
) -> ApiResult<Json<Vec<Rule>>> {
    principal.require_operator()?;
    let kind = kind(&kind_text)?;
    Ok(Json(state.store.workspace().await?.rules(kind).to_vec()))
}

/// Add a rule, last or at `position`.
#[utoipa::path(post, path = "/v1/rules/{kind}", tag = "rules",
    params(("kind" = String, Path, description = "`priority` or `assignment`")),
    request_body = RuleCreate,
    responses((status = 201, body = Rule,
            headers(("Location" = String, description = "The new rule: `/v1/rules/{kind}/{id}`"))),
        (status = 422, body = Problem)))]
async fn create(
    State(state): State<AppState>,
    _caller: auth::Manager,
    ApiPath(kind_text): ApiPath<String>,
    ApiJson(body): ApiJson<RuleCreate>,
) -> ApiResult<Created<Rule>> {
    let kind = kind(&kind_text)?;
    let name = body
        .name
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty());
    let mut checks = Checks::new();
    validate::check_rule(&mut checks, name.as_deref(), &body.conditions);
    match kind {
        RuleKind::Priority => {
            if body.priority.is_none() {
                checks.push("priority", "a priority rule needs the priority it sets");
            }
            if body.team.is_some() {
                checks.push(
                    "team",
                    "a priority rule sets no team: use an assignment rule",
                );
            }
        }
        RuleKind::Assignment => {
            match &body.team {
                Some(team) => {
                    checks.slug("team", team);
                }
                None => {
                    checks.push("team", "an assignment rule needs the team it routes to");
                }
            }
            if body.priority.is_some() {
                checks.push(
                    "priority",
                    "an assignment rule sets no priority: use a priority rule",
                );
            }
        }
    }
    if body.position == Some(0) {
        checks.push("position", "positions start at 1");
    }
    checks.finish()?;
    let id = generate_id("rule");
    let new = NewRule {
        id: id.clone(),
        kind,
        name,
        match_mode: body.match_mode,
        conditions: body.conditions,
        priority: body.priority,
        team: body.team,
        position: body.position,
    };
    let workspace = change_workspace(&state, None, |ws, _| change::add_rule(ws, new)).await?;
    Ok(Created {
        location: format!("/v1/rules/{kind_text}/{id}"),
        body: rule(&workspace, kind, &id)?,
    })
}

/// Show one rule.
#[utoipa::path(get, path = "/v1/rules/{kind}/{id}", tag = "rules",
    params(("kind" = String, Path, description = "`priority` or `assignment`"),
        ("id" = String, Path, description = "The rule's id")),
    responses((status = 200, body = Rule), (status = 404, body = Problem)))]
async fn show(
    State(state): State<AppState>,
    principal: Principal,
    ApiPath((kind_text, id)): ApiPath<(String, String)>,
) -> ApiResult<Json<Rule>> {
    principal.require_operator()?;
    let kind = kind(&kind_text)?;
    Ok(Json(rule(&*state.store.workspace().await?, kind, &id)?))
}

/// Remove a rule; the rules after it move up.
#[utoipa::path(delete, path = "/v1/rules/{kind}/{id}", tag = "rules",
    params(("kind" = String, Path, description = "`priority` or `assignment`"),
        ("id" = String, Path, description = "The rule's id")),
    responses((status = 204), (status = 404, body = Problem)))]
async fn remove(
    State(state): State<AppState>,
    principal: Principal,
    ApiPath((kind_text, id)): ApiPath<(String, String)>,
) -> ApiResult<StatusCode> {
    principal.require(Role::Manager)?;
    let kind = kind(&kind_text)?;
    change_workspace(&state, None, |ws, _| change::remove_rule(ws, kind, &id)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Move a rule to another position; positions past the end move it last.
#[utoipa::path(post, path = "/v1/rules/{kind}/{id}/move", tag = "rules",
    params(("kind" = String, Path, description = "`priority` or `assignment`"),
        ("id" = String, Path, description = "The rule's id")),
    request_body = RuleMove,
    responses((status = 200, body = Rule), (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn move_rule(
    State(state): State<AppState>,
    _caller: auth::Manager,
    ApiPath((kind_text, id)): ApiPath<(String, String)>,
    ApiJson(body): ApiJson<RuleMove>,
) -> ApiResult<Json<Rule>> {
    if body.position == 0 {
        return Err(ApiError::validation(vec![crate::api::FieldError::new(
            "position",
            "positions start at 1",
        )]));
    }
    let kind = kind(&kind_text)?;
    let workspace = change_workspace(&state, None, |ws, _| {
        change::move_rule(ws, kind, &id, body.position)
    })
    .await?;
    Ok(Json(rule(&workspace, kind, &id)?))
}

/// The rule `id` of `workspace`'s `kind` list, or 404.
fn rule(workspace: &Snapshot, kind: RuleKind, id: &str) -> ApiResult<Rule> {
    workspace
        .rules(kind)
        .iter()
        .find(|r| r.id == id)
        .cloned()
        .ok_or_else(|| crate::domain::Refusal::not_found("rule", id).into())
}
