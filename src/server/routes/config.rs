//! `/v1/config`: the whole workspace as one document. Export it with its
//! revision, plan a desired document against it, and apply one atomically,
//! guarded by the revision it was planned against (`If-Match`).
//!
//! Owners and managers change configuration; a document that touches
//! operators' roles, email, delivery or integrations needs an owner.

use std::collections::BTreeMap;

use super::{ApiRoutes, routes};
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::api::{
    ChangeAction, ConfigApplied, ConfigRequest, DeskDocument, Plan, Problem, Role, Section,
    TicketCountBy, TicketStatus, WorkspaceConfig,
};
use crate::domain::workspace::document::{self, Audience, PreparedSecrets, Sealing, SecretsGiven};
use crate::domain::workspace::{Snapshot, change};
use crate::domain::{Refusal, tickets};
use crate::server::AppState;
use crate::server::auth::{self, AtLeast, Principal, generate_id};
use crate::server::error::{ApiError, ApiResult};
use crate::server::json::ApiJson;
use crate::server::store::{Store, StoreError, TicketFilter, Viewer, stored_now};

pub fn add(routes: ApiRoutes) -> ApiRoutes {
    routes.with(routes!(export, apply)).with(routes!(plan))
}

/// What the caller may see and change.
fn audience(principal: &Principal) -> ApiResult<Audience> {
    principal.require(Role::Manager)?;
    Ok(if principal.require(Role::Owner).is_ok() {
        Audience::Owner
    } else {
        Audience::Manager
    })
}

/// `"42"`: a revision as an entity tag.
fn etag(revision: u64) -> HeaderValue {
    HeaderValue::from_str(&format!("\"{revision}\"")).expect("digits are a valid header")
}

/// What an `If-Match` or `If-None-Match` header names (RFC 9110 §13.1.1,
/// §13.1.2): `*`, any current revision, or a list of entity tags, each a
/// revision (`"42"`; `W/"42"` and a bare `42` read alike) or a tag that is
/// none of this service's (`"v1"`), which matches no revision.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Revisions {
    Any,
    Listed(Vec<Option<u64>>),
}

impl Revisions {
    /// `value` as a header's list, or `None` when it is none.
    fn read(value: &HeaderValue) -> Option<Revisions> {
        let text = value.to_str().ok()?.trim();
        if text == "*" {
            return Some(Revisions::Any);
        }
        let mut tags = Vec::new();
        // A list may hold empty elements (RFC 9110 §5.6.1): skipped.
        for member in text.split(',').map(str::trim).filter(|m| !m.is_empty()) {
            let tag = member.strip_prefix("W/").unwrap_or(member);
            let opaque = match tag.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
                Some(opaque) if !opaque.contains('"') => opaque,
                Some(_) => return None,
                None if !tag.is_empty() && tag.bytes().all(|b| b.is_ascii_digit()) => tag,
                None => return None,
            };
            tags.push(opaque.parse().ok());
        }
        (!tags.is_empty()).then_some(Revisions::Listed(tags))
    }

    /// Whether the workspace at `revision` is one this names.
    fn names(&self, revision: u64) -> bool {
        match self {
            Revisions::Any => true,
            Revisions::Listed(tags) => tags.contains(&Some(revision)),
        }
    }
}

/// The revisions an `If-Match` header names: required, and readable.
fn if_match(headers: &HeaderMap) -> ApiResult<Revisions> {
    let value = headers.get(header::IF_MATCH).ok_or_else(|| {
        ApiError::new(
            StatusCode::PRECONDITION_REQUIRED,
            "revision_required",
            "applying needs the revision it was planned against: send `If-Match: \"<revision>\"` \
             with the revision from GET /v1/config or POST /v1/config/plan",
        )
    })?;
    Revisions::read(value).ok_or_else(|| {
        ApiError::validation(vec![crate::api::FieldError::new(
            "If-Match",
            "must be a revision like \"42\" as GET /v1/config returns it, a list of them, or `*`",
        )])
    })
}

/// The revision to apply against, as the store guards it, for what
/// `If-Match` names and the workspace's `current` revision: none for `*`
/// (any current revision, RFC 9110 §13.1.1); `current` when the list names
/// it, so that the store refuses the apply if the workspace moves meanwhile;
/// refused when it names no revision the workspace is at.
fn revision_to_apply_at(wanted: &Revisions, current: u64) -> ApiResult<Option<u64>> {
    match wanted {
        Revisions::Any => Ok(None),
        _ if wanted.names(current) => Ok(Some(current)),
        Revisions::Listed(tags) => Err(match tags.iter().flatten().next() {
            Some(&expected) => StoreError::StaleRevision { expected, current }.into(),
            None => ApiError::new(
                StatusCode::PRECONDITION_FAILED,
                "revision_mismatch",
                format!(
                    "If-Match names no revision of this workspace (it is at revision {current}); \
                     nothing was applied: plan again against the current workspace"
                ),
            ),
        }),
    }
}

/// The workspace as a document `PUT /v1/config` accepts unchanged, with its
/// revision (also the `ETag`). Secrets are `${hmac:…}` fingerprints, never
/// values, and `secret_references` the references `deskctl export` writes
/// them as; managers get no email, delivery or integrations section.
///
/// With `If-None-Match` naming the current revision (or `*`), the answer is
/// `304 Not Modified`, without the document: a client polling for changes
/// reads the workspace only when it moved.
#[utoipa::path(get, path = "/v1/config", tag = "config",
    params(("If-None-Match" = Option<String>, Header, description = "A revision read before (`\"42\"`), a list of them, or `*`: unchanged since, the answer is 304")),
    responses((status = 200, body = WorkspaceConfig, headers(("ETag" = String, description = "The revision"))),
        (status = 304, description = "The workspace is still at a revision `If-None-Match` names; no body",
            headers(("ETag" = String, description = "The revision"))),
        (status = 403, body = Problem)))]
async fn export(
    State(state): State<AppState>,
    principal: Principal,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let audience = audience(&principal)?;
    let snapshot = state.store.workspace().await?;
    // An unreadable If-None-Match is no condition (RFC 9110 §13.1.2 reads
    // tags weakly, as W/"42" is read here anyway).
    if headers
        .get(header::IF_NONE_MATCH)
        .and_then(Revisions::read)
        .is_some_and(|unchanged| unchanged.names(snapshot.revision))
    {
        return Ok((
            StatusCode::NOT_MODIFIED,
            [(header::ETAG, etag(snapshot.revision))],
        )
            .into_response());
    }
    let document = document::current_document(&snapshot, audience);
    let body = WorkspaceConfig {
        revision: snapshot.revision.to_string(),
        secret_references: document::export_references(&snapshot, &document),
        document,
    };
    Ok(([(header::ETAG, etag(snapshot.revision))], Json(body)).into_response())
}

/// The document ready to plan against `current`: normalized as
/// single-resource writes store values, secrets prepared as `sealing` here
/// allows, checked; with what the plan must warn of.
fn desired(
    request: ConfigRequest,
    current: &Snapshot,
    sealing: &Sealing,
    given: SecretsGiven,
) -> Result<PreparedSecrets, Refusal> {
    let normalized = document::normalize(request.document);
    let prepared = document::prepare_secrets(
        normalized,
        current,
        &request.secret_references,
        sealing,
        given,
    )?;
    document::check(&prepared.document, current, request.prune)?;
    document::check_pruned_platforms(&prepared.document, current, request.prune)?;
    Ok(prepared)
}

/// Refuses a plan a manager may not carry out or read: operators' roles,
/// owners themselves (their profile or their teams, `next` against
/// `current`, as every route decides it), email, delivery and integrations
/// are the owners'.
fn authorize(
    principal: &Principal,
    desired: &DeskDocument,
    plan: &Plan,
    current: &Snapshot,
    next: &Snapshot,
) -> Result<(), Refusal> {
    let owners_section = [
        (desired.email.is_some(), "email"),
        (desired.delivery.is_some(), "delivery"),
        (desired.integrations.is_some(), "integrations"),
    ]
    .into_iter()
    .find_map(|(present, name)| present.then_some(name));
    if let Some(section) = owners_section {
        return principal.require(Role::Owner).map_err(|error| {
            Refusal::Forbidden(format!(
                "the document has a `{section}` section, which only owners may plan or apply: {}",
                error.detail
            ))
        });
    }
    let touches_roles = plan
        .sections
        .iter()
        .filter(|s| s.section == Section::Operators)
        .flat_map(|s| &s.changes)
        .any(|planned| match planned.action {
            ChangeAction::Add => planned
                .fields
                .iter()
                .any(|f| f.field == "role" && f.new != Some(serde_json::json!("operator"))),
            ChangeAction::Change => planned.fields.iter().any(|f| f.field == "role"),
            ChangeAction::Remove => true,
            ChangeAction::Unmanaged => false,
        });
    if touches_roles {
        return principal.require(Role::Owner).map_err(|error| {
            Refusal::Forbidden(format!(
                "the plan gives, changes or removes operators' roles, which only owners may do: {}",
                error.detail
            ))
        });
    }
    // Through a `teams` section as much as an `operators` one.
    change::only_owners_change_owners(principal.require(Role::Owner).is_ok(), current, next)
}

/// The plan of `desired` against `current`, and the workspace it leaves:
/// what apply refuses, the plan refuses too.
fn plan_against(
    desired: &PreparedSecrets,
    current: &Snapshot,
    prune: bool,
    at: jiff::Timestamp,
) -> Result<(Plan, Snapshot), Refusal> {
    let document = &desired.document;
    let next = document::after(current, document, prune, at, &mut || generate_id("rule"))?;
    let live = document::current_document(current, Audience::Owner);
    let mut plan = crate::domain::plan::plan(document, &live, prune, &current.fingerprints);
    plan.revision = Some(current.revision.to_string());
    plan.warnings = desired.warnings.clone();
    Ok((plan, next))
}

/// What applying the document would change, against the live workspace, and
/// the revision the plan was made against. Changes nothing.
#[utoipa::path(post, path = "/v1/config/plan", tag = "config", request_body = ConfigRequest,
    responses((status = 200, body = Plan), (status = 403, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
async fn plan(
    State(state): State<AppState>,
    AtLeast(principal): auth::Manager,
    ApiJson(request): ApiJson<ConfigRequest>,
) -> ApiResult<Json<Plan>> {
    audience(&principal)?;
    let open_by_team = open_tickets_by_team(&state.store, &request).await?;
    let held = held_by_operators(&state.store, &request).await?;
    let current = state.store.workspace().await?;
    let prune = request.prune;
    let given = if request.skip_secrets {
        SecretsGiven::References
    } else {
        SecretsGiven::Values
    };
    let desired = desired(request, &current, &state.store.sealing(), given)?;
    let (mut plan, next) = plan_against(&desired, &current, prune, stored_now())?;
    authorize(&principal, &desired.document, &plan, &current, &next)?;
    tickets::check_pruned_teams(&plan, &open_by_team, next.teams.len())?;
    crate::domain::plan::note_operator_removals(&mut plan, &held.open_tickets, &held.tokens);
    Ok(Json(plan))
}

/// Open and pending tickets and tokens, counted by operator handle.
#[derive(Default)]
struct HeldByOperators {
    open_tickets: BTreeMap<String, u64>,
    tokens: BTreeMap<String, u64>,
}

/// What each operator holds, when the document can remove operators
/// (`prune` and an `operators` section): removing one leaves their tickets
/// unassigned and revokes their tokens, and the plan says so. For a plan
/// only: applying counts them in its transaction
/// ([`crate::server::store::Released`]).
async fn held_by_operators(store: &Store, request: &ConfigRequest) -> ApiResult<HeldByOperators> {
    let mut held = HeldByOperators::default();
    if !request.prune || request.document.operators.is_none() {
        return Ok(held);
    }
    for status in [TicketStatus::Open, TicketStatus::Pending] {
        let filter = TicketFilter {
            status: Some(status),
            ..TicketFilter::everything(Viewer::Everyone)
        };
        for (handle, count) in store
            .ticket_counts(&filter, TicketCountBy::Assignee)
            .await?
        {
            if let Some(handle) = handle {
                *held.open_tickets.entry(handle).or_default() += count;
            }
        }
    }
    let mut after: Option<(jiff::Timestamp, String)> = None;
    loop {
        let page = store
            .list_tokens(
                after.as_ref().map(|(time, id)| (*time, id.as_str())),
                crate::api::MAX_PAGE_LIMIT,
            )
            .await?;
        for token in &page {
            if let Some(handle) = &token.operator {
                *held.tokens.entry(handle.clone()).or_default() += 1;
            }
        }
        match page.last() {
            Some(last) if page.len() == crate::api::MAX_PAGE_LIMIT as usize => {
                after = Some((last.created_at, last.id.clone()));
            }
            _ => return Ok(held),
        }
    }
}

/// Open and pending tickets counted by team, when the document can remove
/// teams (`prune` and a `teams` section), for a plan's
/// [`tickets::check_pruned_teams`] (applying counts them in its transaction).
async fn open_tickets_by_team(
    store: &Store,
    request: &ConfigRequest,
) -> ApiResult<Vec<(Option<String>, u64)>> {
    if !request.prune || request.document.teams.is_none() {
        return Ok(Vec::new());
    }
    let mut counts = Vec::new();
    for status in [TicketStatus::Open, TicketStatus::Pending] {
        let filter = TicketFilter {
            status: Some(status),
            ..TicketFilter::everything(Viewer::Everyone)
        };
        counts.extend(store.ticket_counts(&filter, TicketCountBy::Team).await?);
    }
    Ok(counts)
}

/// Apply a document in one transaction, if the workspace is still at the
/// `If-Match` revision (412 otherwise, and nothing changes). Answers with the
/// plan carried out and the revision after it; applying the same document
/// again changes nothing. With `prune`, a team that still holds open or
/// pending tickets is refused (409 `pruned_team_has_tickets`): a document
/// cannot say where they go; move them with the team's removal first.
///
/// `If-Match` takes a list of revisions too (applied if the workspace is at
/// any of them), and `*`: applied whatever the revision, as `deskctl apply`
/// never does; a weak tag (`W/"42"`, as a compressing proxy rewrites an
/// ETag) reads as the revision.
#[utoipa::path(put, path = "/v1/config", tag = "config", request_body = ConfigRequest,
    params(("If-Match" = String, Header, description = "The revision the plan was made against (`\"42\"`), a list of revisions, or `*` for any")),
    responses((status = 200, body = ConfigApplied, headers(("ETag" = String, description = "The revision after applying"))),
        (status = 403, body = Problem), (status = 409, body = Problem), (status = 412, body = Problem),
        (status = 422, body = Problem), (status = 428, body = Problem)))]
async fn apply(
    State(state): State<AppState>,
    AtLeast(principal): auth::Manager,
    headers: HeaderMap,
    ApiJson(request): ApiJson<ConfigRequest>,
) -> ApiResult<Response> {
    audience(&principal)?;
    let wanted = if_match(&headers)?;
    let expected = match wanted {
        Revisions::Any => None,
        _ => revision_to_apply_at(&wanted, state.store.workspace().await?.revision)?,
    };
    let prune = request.prune;
    let references = request.secret_references.clone();
    let sealing = state.store.sealing();
    // Checked and planned against the workspace as the transaction sees it,
    // each pruned team's tickets counted there, and what each removed
    // operator held counted as the transaction released it.
    let mut carried_out = None;
    let pruned = |team: &str, open, after: &Snapshot| {
        tickets::pruned_team_leaving(team, open, after.teams.len())
    };
    let (applied, released) = state
        .store
        .change_workspace_releasing(expected, Some(Box::new(pruned)), |workspace| {
            // Applied secrets are values: a reference left is refused.
            let desired = desired(request, workspace, &sealing, SecretsGiven::Values)?;
            desired.applicable_here()?;
            let (plan, mut next) = plan_against(&desired, workspace, prune, stored_now())?;
            authorize(&principal, &desired.document, &plan, workspace, &next)?;
            document::remember_references(&mut next, &desired.document, &references);
            *workspace = next;
            carried_out = Some(plan);
            Ok(())
        })
        .await?;
    let mut plan = carried_out.expect("a change that succeeded made its plan");
    crate::domain::plan::note_operator_removals(&mut plan, &released.tickets, &released.tokens);
    if plan.has_changes() {
        tracing::info!(
            revision = applied.revision,
            add = plan.summary.add,
            change = plan.summary.change,
            remove = plan.summary.remove,
            "applied a configuration document"
        );
    }
    let body = ConfigApplied {
        revision: applied.revision.to_string(),
        plan,
    };
    Ok(([(header::ETAG, etag(applied.revision))], Json(body)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(value: &str) -> Option<Revisions> {
        Revisions::read(&HeaderValue::from_str(value).unwrap())
    }

    #[test]
    fn if_match_reads_a_revision_a_list_of_tags_or_any() {
        use Revisions::{Any, Listed};
        assert_eq!(read("\"42\""), Some(Listed(vec![Some(42)])));
        assert_eq!(read("W/\"42\""), Some(Listed(vec![Some(42)])));
        assert_eq!(read(" 42 "), Some(Listed(vec![Some(42)])));
        assert_eq!(read("*"), Some(Any));
        assert_eq!(
            read("\"v1\", W/\"7\",, \"9\""),
            Some(Listed(vec![None, Some(7), Some(9)]))
        );
        for unreadable in [
            "",
            " , ",
            "yesterday",
            "\"42",
            "42\"",
            "\"4\"2\"",
            "W/",
            "**",
            "-1",
        ] {
            assert_eq!(read(unreadable), None, "{unreadable:?}");
        }
    }

    #[test]
    fn a_list_applies_at_the_revision_it_names_and_any_at_none() {
        let listed = read("\"x\", \"7\", \"9\"").unwrap();
        assert_eq!(revision_to_apply_at(&listed, 9).unwrap(), Some(9));
        assert_eq!(revision_to_apply_at(&listed, 7).unwrap(), Some(7));
        assert_eq!(revision_to_apply_at(&Revisions::Any, 9).unwrap(), None);
        let stale = revision_to_apply_at(&listed, 10).unwrap_err();
        assert_eq!(stale.status, StatusCode::PRECONDITION_FAILED);
        assert_eq!(stale.code, "revision_mismatch");
        assert!(
            stale.detail.contains("since revision 7"),
            "{}",
            stale.detail
        );
        let none_of_ours = revision_to_apply_at(&read("\"x\"").unwrap(), 10).unwrap_err();
        assert_eq!(none_of_ours.status, StatusCode::PRECONDITION_FAILED);
        assert!(
            none_of_ours.detail.contains("at revision 10"),
            "{}",
            none_of_ours.detail
        );
    }
}
