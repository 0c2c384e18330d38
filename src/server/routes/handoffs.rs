//! `/v1/handoffs`: AI agents escalate conversations; previews run the same
//! pipeline and store nothing.

use std::time::{Duration, Instant};

use super::{ApiRoutes, Created, routes};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::{Extension, Json};
use jiff::Timestamp;

use super::page_limit;
use crate::api::{
    AssigneeDecision, AssignmentSettings, FieldError, Handoff, HandoffDecision, HandoffOutcome,
    HandoffQuery, HandoffRequest, HandoffSettings, IntegrationKind, Page, PageQuery, Problem, Role,
    WaitQuery, WhatIfOutcome, WhatIfReport, WhatIfRequest, WhatIfResult,
};
use crate::domain::assignment::Loads;
use crate::domain::handoff::{self, Rejection, Workspace};
use crate::domain::hours::Schedule;
use crate::domain::tickets::{NewEntry, NewTicket};
use crate::domain::what_if;
use crate::domain::workspace::Snapshot;
use crate::domain::workspace::document;
use crate::server::AppState;
use crate::server::auth::{self, Principal, generate_id, generate_ordered_id};
use crate::server::delivery::{self, Deliverer, LocalBudget, compose};
use crate::server::error::{ApiError, ApiResult};
use crate::server::idempotency;
use crate::server::json::{ApiJson, ApiPath, ApiQuery, JsonBody, PartJson};
use crate::server::store::Store;
use crate::server::store::{Finished, HandoffWrite, Recorded};

pub fn add(routes: ApiRoutes) -> ApiRoutes {
    routes
        .with(routes!(list, create))
        .with(routes!(preview))
        .with(routes!(what_if))
        .with(routes!(show))
}

/// Ingest tokens (the AI agent platform) and managers may send handoffs.
fn may_send(principal: &Principal) -> ApiResult<()> {
    match principal {
        Principal::Ingest { .. } => Ok(()),
        other => other.require(Role::Manager),
    }
}

fn rejection(rejection: Rejection) -> ApiError {
    ApiError {
        errors: vec![FieldError::new(rejection.field, rejection.message.clone())],
        ..ApiError::new(
            StatusCode::from_u16(rejection.status).unwrap_or(StatusCode::UNPROCESSABLE_ENTITY),
            rejection.code,
            rejection.message,
        )
    }
}

fn rejections(all: Vec<Rejection>) -> ApiError {
    refused("the handoff", all)
}

/// The handoff a body holds; or, when parts of it do not read, every
/// problem at once: those of its shape, and those [`handoff::validate_request`]
/// finds in the rest, received `at` (none about a part reading dropped: a
/// misspelt `requester` key is not also a requester without a name).
fn sent_handoff(body: PartJson<HandoffRequest>, at: Timestamp) -> ApiResult<HandoffRequest> {
    let unread = match body.0 {
        Ok(request) => return Ok(request),
        Err(unread) => unread,
    };
    let Some(mut partly) = unread.partly else {
        return Err(unread.error);
    };
    let Some(read) = partly.read.take() else {
        return Err(unread.error);
    };
    let found = handoff::validate_request(&handoff::normalize_request(read), at).err();
    let also: Vec<Rejection> = found
        .unwrap_or_default()
        .into_iter()
        .filter_map(|rejection| {
            let field = partly.as_sent(&rejection.field)?;
            Some(Rejection { field, ..rejection })
        })
        .collect();
    if also.is_empty() {
        return Err(unread.error);
    }
    let shape = partly
        .problems
        .into_iter()
        .map(|problem| Rejection::new(422, "invalid_body", problem.field, problem.message));
    Err(rejections(shape.chain(also).collect()))
}

/// The answer to `whole` (e.g. "the append") refused for `all` its problems.
pub(crate) fn refused(whole: &str, mut all: Vec<Rejection>) -> ApiError {
    if all.len() == 1 {
        return rejection(all.remove(0));
    }
    // Several problems: the most severe status leads (413 over 422).
    let status = all.iter().map(|r| r.status).max().unwrap_or(422);
    let code = all
        .iter()
        .find(|r| r.status == status)
        .map_or("invalid_handoff", |r| r.code);
    ApiError {
        errors: all
            .iter()
            .map(|r| FieldError::new(r.field.clone(), r.message.clone()))
            .collect(),
        ..ApiError::new(
            StatusCode::from_u16(status).unwrap_or(StatusCode::UNPROCESSABLE_ENTITY),
            code,
            format!("{whole} has {} problems", all.len()),
        )
    }
}

/// The workspace as the pipeline reads it, loaded from the store.
pub(crate) struct Loaded {
    agent: Option<crate::api::Agent>,
    agent_keys: Vec<String>,
    fields: Vec<crate::api::TicketField>,
    rules: Vec<crate::api::Rule>,
    default_team: Option<String>,
    pub(crate) assignment: AssignmentSettings,
    handoff: HandoffSettings,
    schedule: Schedule,
}

impl Loaded {
    /// The workspace now, as the pipeline reads it for `agent`.
    pub(crate) async fn load(store: &Store, agent: &str) -> ApiResult<Loaded> {
        let workspace = store.workspace().await?;
        Loaded::from_snapshot(&workspace, agent).map_err(ApiError::validation)
    }

    /// The workspace `snapshot` as the pipeline reads it for `agent`.
    fn from_snapshot(snapshot: &Snapshot, agent: &str) -> Result<Loaded, Vec<FieldError>> {
        let mut rules = snapshot.priority_rules.clone();
        rules.extend(snapshot.assignment_rules.iter().cloned());
        Ok(Loaded {
            agent: snapshot.agents.iter().find(|a| a.key == agent).cloned(),
            agent_keys: snapshot.agents.iter().map(|a| a.key.clone()).collect(),
            fields: snapshot.fields.clone(),
            rules,
            default_team: snapshot
                .teams
                .iter()
                .find(|t| t.default)
                .map(|t| t.key.clone()),
            assignment: snapshot.assignment.clone(),
            handoff: snapshot.handoff.clone(),
            schedule: Schedule::from_settings(&snapshot.business_hours)?,
        })
    }

    pub(crate) fn workspace(&self) -> Workspace<'_> {
        Workspace {
            agent: self.agent.as_ref(),
            agent_keys: &self.agent_keys,
            fields: &self.fields,
            rules: &self.rules,
            default_team: self.default_team.as_deref(),
            assignment: &self.assignment,
            handoff: &self.handoff,
            schedule: &self.schedule,
        }
    }

    pub(crate) fn rules(&self) -> &[crate::api::Rule] {
        &self.rules
    }

    pub(crate) fn default_team(&self) -> Option<&str> {
        self.default_team.as_deref()
    }
}

/// The timeline entry saying whom a new ticket went to, and why.
pub(crate) fn assignment_entry(assignee: &AssigneeDecision, at: Timestamp) -> NewEntry {
    match &assignee.value {
        Some(handle) => NewEntry::system(
            "assigned",
            format!("Assigned to {handle}: {}", assignee.reason),
            at,
        ),
        None => NewEntry::system(
            "unassigned",
            format!("Not assigned: {}", assignee.reason),
            at,
        ),
    }
}

/// The ticket an inbox handoff opens: the summary, the transcript and the
/// assignment on its timeline.
fn new_ticket(decision: &HandoffDecision, request: &HandoffRequest, at: Timestamp) -> NewTicket {
    let system = |event: &str, body: String| NewEntry::system(event, body, at);
    let customer = request
        .requester
        .as_ref()
        .and_then(handoff::who)
        .map(str::to_string);
    let mut timeline = vec![
        system(
            "created",
            handoff::handed_over(decision, request.reason.as_deref()),
        ),
        system("summary", decision.summary.clone()),
    ];
    timeline.extend(request.transcript.iter().map(|message| {
        let agent = Some(decision.agent.clone());
        NewEntry::transcript(message, customer.clone(), agent, decision.channel, at)
    }));
    timeline.push(assignment_entry(&decision.assignee, at));
    NewTicket {
        subject: decision.subject.clone(),
        priority: decision.priority.value,
        requester: request.requester.clone().unwrap_or_default(),
        assignee: decision.assignee.value.clone(),
        team: decision.team.value.clone(),
        agent: Some(decision.agent.clone()),
        channel: decision.channel,
        environment: decision.environment,
        fields: decision
            .fields
            .iter()
            .map(|f| (f.key.clone(), f.value.clone()))
            .collect(),
        context: request.context.clone(),
        handoff: None,
        created_at: at,
        timeline,
    }
}

/// Accept a handoff. Development and staging record a preview (unless the
/// workspace turned that off); production opens a ticket. Committed before the
/// answer; an `Idempotency-Key` already accepted returns the first result (200).
/// With `?wait=N` an external delivery is given up to N seconds to be delivered
/// or to fail, and the answer shows which (`external.outcome`).
#[utoipa::path(post, path = "/v1/handoffs", tag = "handoffs", request_body = HandoffRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes the request safe to repeat: 1 to 200 visible ASCII characters, no space or tab"), WaitQuery),
    responses((status = 201, body = Handoff,
            headers(("Location" = String, description = "The new handoff: `/v1/handoffs/{id}`"))),
        (status = 200, description = "A replay of an accepted idempotency key", body = Handoff),
        (status = 409, body = Problem), (status = 413, body = Problem), (status = 422, body = Problem)))]
async fn create(
    State(state): State<AppState>,
    principal: Principal,
    local: Option<Extension<LocalBudget>>,
    headers: HeaderMap,
    ApiQuery(wait): ApiQuery<WaitQuery>,
    body: PartJson<HandoffRequest>,
) -> ApiResult<axum::response::Response> {
    may_send(&principal)?;
    let request = sent_handoff(body, Timestamp::now())?;
    let wait = Waiting::new(wait_for(&wait)?, local);
    let key = idempotency::key(&headers)?;
    let sent_by = principal.ingest_token().map(str::to_string);
    // The request as sent tells a replay from a reused key; the pipeline
    // takes it normalized.
    let sha = idempotency::request_hash(&request, sent_by.as_deref());
    let request = handoff::normalize_request(request);
    // One instant for all the handoff writes: its own, its ticket's and
    // the ticket's first timeline entries.
    let at = crate::server::store::stored_now();
    let workspace = state.store.workspace().await?;
    let planned = planned(&request, &workspace, at);
    let plan = match planned {
        Ok(planned) => planned,
        Err(refused) => {
            // A replay returns the first result even if the workspace changed
            // since. An accepted handoff's key is otherwise checked where it is
            // recorded, in the same transaction, saving a read on every handoff.
            return match key {
                Some(key) => match replayed(&state.store, &key, &sha, &wait).await? {
                    Some(first) => Ok(Json(first).into_response()),
                    None => Err(refused),
                },
                None => Err(refused),
            };
        }
    };
    let notifications = &workspace.notifications;
    let write = HandoffWrite {
        id: generate_ordered_id("hof"),
        idempotency_key: key,
        sent_by,
        request_sha256: sha,
        request: request.clone(),
        team: plan.candidates_from().map(str::to_string),
        at,
    };
    let alert = handoff::alerts_owners(
        notifications.email_owners_on_human_request,
        request.reason.as_deref(),
    );
    let owners: Vec<compose::Address> = match alert {
        true => workspace
            .operators
            .iter()
            .filter(|o| o.role == Role::Owner)
            .map(|o| compose::Address {
                name: Some(o.name.clone()),
                email: o.email.clone(),
            })
            .collect(),
        false => Vec::new(),
    };
    let handoff_id = write.id.clone();
    let connections = workspace.clone();
    let recorded = state
        .store
        .record_handoff(write, move |team| {
            let outcome = plan.outcome();
            let decision = plan.decide(team);
            let ticket =
                (outcome == HandoffOutcome::Ticket).then(|| new_ticket(&decision, &request, at));
            let delivery =
                match outcome {
                    HandoffOutcome::External => decision
                        .platform
                        .parse::<IntegrationKind>()
                        .ok()
                        .map(|kind| {
                            let made = connections
                                .connection(kind)
                                .map_or("ticket", crate::server::connectors::made_noun);
                            compose::escalation(kind, made, &handoff_id, &decision, &request, at)
                        }),
                    _ => None,
                };
            let notices = match (&ticket, owners.is_empty()) {
                (Some(ticket), false) => {
                    let ticket = ticket.clone();
                    let summary = decision.summary.clone();
                    let notices = move |number| {
                        owners
                            .into_iter()
                            .map(|owner| {
                                let id = generate_id("msg");
                                compose::owner_notice(owner, number, &ticket, &summary, at, id)
                            })
                            .collect()
                    };
                    Some(Box::new(notices) as Box<dyn FnOnce(u64) -> Vec<_> + Send>)
                }
                _ => None,
            };
            Finished {
                decision,
                ticket,
                delivery,
                notices,
            }
        })
        .await?;
    Ok(match recorded {
        Recorded::Created(handoff) => Created {
            location: format!("/v1/handoffs/{}", handoff.id),
            body: awaited(&state.store, handoff, &wait).await?,
        }
        .into_response(),
        Recorded::Replayed(handoff) => {
            Json(awaited(&state.store, handoff, &wait).await?).into_response()
        }
    })
}

/// The handoff as the workspace would take it now: the pipeline's plan, or why
/// it is refused.
fn planned(
    request: &HandoffRequest,
    workspace: &Snapshot,
    at: Timestamp,
) -> ApiResult<handoff::Plan> {
    handoff::validate_request(request, at).map_err(rejections)?;
    let loaded = Loaded::from_snapshot(workspace, &request.agent).map_err(ApiError::validation)?;
    let plan = handoff::plan(request, &loaded.workspace(), at).map_err(rejection)?;
    if plan.outcome() == HandoffOutcome::External {
        external_platform(workspace, &loaded)?;
    }
    Ok(plan)
}

/// The first result of the handoff accepted with `key`, if any; refused if
/// `key` was accepted for a different request.
async fn replayed(
    store: &Store,
    key: &str,
    sha: &str,
    wait: &Waiting,
) -> ApiResult<Option<Handoff>> {
    let Some((first, first_sha)) = store.find_handoff_by_key(key).await? else {
        return Ok(None);
    };
    crate::server::store::check_replay(key, sha, &first_sha, "handoff")?;
    Ok(Some(awaited(store, first, wait).await?))
}

/// The longest `?wait=`, well inside the service's request time limit.
pub const MAX_WAIT_SECONDS: u32 = 20;

fn wait_for(query: &WaitQuery) -> ApiResult<Duration> {
    match query.wait {
        None => Ok(Duration::ZERO),
        Some(seconds) if seconds <= MAX_WAIT_SECONDS => Ok(Duration::from_secs(seconds.into())),
        Some(seconds) => Err(ApiError::validation(vec![FieldError::new(
            "wait",
            format!("{seconds} is more than the {MAX_WAIT_SECONDS} seconds a request may wait"),
        )])),
    }
}

/// How long a request watches a handoff's delivery, and whether it comes
/// from the local desk, whose budget bounds it.
struct Waiting {
    wait: Duration,
    local: Option<LocalBudget>,
}

impl Waiting {
    fn new(wait: Duration, local: Option<Extension<LocalBudget>>) -> Self {
        Self {
            wait,
            local: local.map(|Extension(budget)| budget),
        }
    }
}

/// `handoff` once its external delivery is delivered or failed, or as it stands
/// when `wait` runs out. Meanwhile this request delivers what is due itself (the
/// outbox's leases keep it from clashing with the delivery worker), so the wait
/// works the same on the local desk and on `deskctl serve`.
///
/// The wait bounds only how long this request watches, never an attempt: an
/// attempt cut short mid-create looks like a lost answer, and the next one's
/// look-up can miss a ticket the platform is still making, so it makes a
/// second one. Each attempt therefore runs on a task of its own with the
/// attempt's own time limit, and goes on after the wait is over.
///
/// Except on the local desk: no worker finishes an attempt after its command
/// exits, so the wait is the local desk's own budget (5 seconds at most), and
/// an attempt still under way then is cut short as its delivery after any
/// change would cut it, with its failure recorded and its claim given up.
async fn awaited(store: &Store, handoff: Handoff, waiting: &Waiting) -> ApiResult<Handoff> {
    let pending = |h: &Handoff| {
        h.external
            .as_ref()
            .is_some_and(|e| e.outcome.state.is_pending())
    };
    let wait = waiting.wait;
    if wait.is_zero() || !pending(&handoff) {
        return Ok(handoff);
    }
    if let Some(budget) = &waiting.local {
        budget
            .deliver_due(&Deliverer::new(store.clone()), wait)
            .await?;
        return Ok(store.get_handoff(&handoff.id).await?);
    }
    let start = Instant::now();
    let deliverer = Deliverer::new(store.clone());
    let mut handoff = handoff;
    loop {
        let left = wait.saturating_sub(start.elapsed());
        if !pending(&handoff) || left < Duration::from_millis(50) {
            return Ok(handoff);
        }
        let attempt = tokio::spawn({
            let deliverer = deliverer.clone();
            async move { deliverer.deliver_one(delivery::ATTEMPT_TIMEOUT).await }
        });
        let attempted = match tokio::time::timeout(left, attempt).await {
            Ok(finished) => finished.map_err(ApiError::internal)??,
            // The attempt is still under way: the handoff as it stands now.
            Err(_) => return Ok(store.get_handoff(&handoff.id).await?),
        };
        if attempted.is_none() {
            // Nothing due: ours waits for a later attempt, or another worker has it.
            let next = handoff
                .external
                .as_ref()
                .and_then(|e| e.outcome.next_attempt_at)
                .map(|at| Duration::try_from(at.duration_since(Timestamp::now())))
                .and_then(Result::ok)
                .unwrap_or(Duration::ZERO);
            let left = wait.saturating_sub(start.elapsed());
            if next >= left {
                return Ok(handoff);
            }
            tokio::time::sleep(next.max(Duration::from_millis(100)).min(left)).await;
        }
        handoff = store.get_handoff(&handoff.id).await?;
    }
}

/// The handover action's platform must be connected for a handoff to go there:
/// otherwise the handoff is refused rather than accepted and never delivered.
fn external_platform(workspace: &Snapshot, loaded: &Loaded) -> ApiResult<IntegrationKind> {
    let platform = loaded
        .agent
        .as_ref()
        .and_then(|agent| agent.handover.as_ref())
        .map(|action| action.platform.as_str())
        .unwrap_or_default();
    let kind = platform.parse::<IntegrationKind>().ok();
    match kind {
        Some(kind) if workspace.integration(kind).is_some() => Ok(kind),
        _ => Err(ApiError::new(
            StatusCode::CONFLICT,
            "integration_not_connected",
            format!(
                "the handover action sends tickets to '{platform}', which is not connected: \
                 connect it, or set the action's platform to `inbox`"
            ),
        )),
    }
}

/// Run the whole pipeline without storing anything: what would happen.
#[utoipa::path(post, path = "/v1/handoffs/preview", tag = "handoffs", request_body = HandoffRequest,
    responses((status = 200, body = HandoffDecision), (status = 413, body = Problem), (status = 422, body = Problem)))]
async fn preview(
    State(state): State<AppState>,
    principal: Principal,
    body: PartJson<HandoffRequest>,
) -> ApiResult<Json<HandoffDecision>> {
    match &principal {
        Principal::Ingest { .. } => {}
        other => other.require_operator()?,
    }
    let request = sent_handoff(body, Timestamp::now())?;
    let request = handoff::normalize_request(request);
    let at = Timestamp::now();
    handoff::validate_request(&request, at).map_err(rejections)?;
    let loaded = Loaded::load(&state.store, &request.agent).await?;
    let plan = handoff::plan(&request, &loaded.workspace(), at).map_err(rejection)?;
    let team = state.store.team_state(plan.candidates_from()).await?;
    Ok(Json(plan.decide(&team)))
}

/// One handoff through the pipeline against `snapshot`, as a preview runs it.
fn decide_in(
    snapshot: &Snapshot,
    loads: &Loads,
    request: &HandoffRequest,
    at: Timestamp,
) -> WhatIfOutcome {
    let request = &handoff::normalize_request(request.clone());
    let outcome = (|| {
        handoff::validate_request(request, at).map_err(rejections)?;
        let loaded = Loaded::from_snapshot(snapshot, &request.agent)
            .map_err(|errors| ApiError::validation(errors).at_path("business-hours"))?;
        let plan = handoff::plan(request, &loaded.workspace(), at).map_err(rejection)?;
        let team = what_if::team_state(snapshot, loads, plan.candidates_from());
        Ok::<_, ApiError>(plan.decide(&team))
    })();
    match outcome {
        Ok(decision) => WhatIfOutcome::Decision(Box::new(decision)),
        Err(error) => WhatIfOutcome::Rejected(Box::new(error.to_problem())),
    }
}

/// Each handoff's decision today and with a document laid over the workspace
/// (as `apply` without prune would leave it), and how they differ. Stores
/// nothing and changes nothing.
#[utoipa::path(post, path = "/v1/handoffs/what-if", tag = "handoffs", request_body = WhatIfRequest,
    responses((status = 200, body = WhatIfReport), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn what_if(
    State(state): State<AppState>,
    principal: Principal,
    ApiJson(request): ApiJson<WhatIfRequest>,
) -> ApiResult<Json<WhatIfReport>> {
    principal.require_operator()?;
    let current = state.store.workspace().await?;
    let loads = state.store.assignment_loads().await?;
    let document = document::normalize(request.document);
    let at = Timestamp::now();
    let proposed = what_if::overlay(&current, &document, at)?;
    let results: Vec<WhatIfResult> = request
        .handoffs
        .iter()
        .enumerate()
        .map(|(index, handoff)| {
            let today = decide_in(&current, &loads, handoff, at);
            let next = decide_in(&proposed, &loads, handoff, at);
            WhatIfResult {
                index,
                differences: what_if::differences(&today, &next),
                current: today,
                proposed: next,
            }
        })
        .collect();
    let different = results.iter().filter(|r| !r.differences.is_empty()).count();
    Ok(Json(WhatIfReport { results, different }))
}

/// Recorded handoffs, newest first.
#[utoipa::path(get, path = "/v1/handoffs", tag = "handoffs", params(HandoffQuery),
    responses((status = 200, body = Page<Handoff>), (status = 401, body = Problem)))]
async fn list(
    State(state): State<AppState>,
    _caller: auth::Manager,
    ApiQuery(query): ApiQuery<HandoffQuery>,
) -> ApiResult<JsonBody<Page<Handoff>>> {
    let limit = page_limit(&PageQuery {
        limit: query.limit,
        cursor: None,
    })?;
    let too_long = query.text_problems();
    if !too_long.is_empty() {
        return Err(ApiError::validation(too_long));
    }
    if let Some(cursor) = query.cursor.as_deref() {
        let given = cursor.split_once('|').is_some_and(|(time, id)| {
            time.parse::<jiff::Timestamp>().is_ok() && id.starts_with("hof_")
        });
        if !given {
            return Err(super::bad_cursor());
        }
    }
    let mut items = state.store.list_handoffs(&query, limit + 1).await?;
    let next_cursor = if items.len() > limit as usize {
        items.truncate(limit as usize);
        items.last().map(|h| {
            format!(
                "{}|{}",
                crate::server::store::stored_time(h.created_at),
                h.id
            )
        })
    } else {
        None
    };
    Ok(JsonBody(Page { items, next_cursor }))
}

/// One recorded handoff with its full decision and, for an external platform, how
/// its delivery stands; `?wait=` waits for the delivery's outcome. An ingest
/// token reads the handoffs it sent, and no other token's.
#[utoipa::path(get, path = "/v1/handoffs/{id}", tag = "handoffs",
    params(("id" = String, Path, description = "The handoff's id"), WaitQuery),
    responses((status = 200, body = Handoff), (status = 404, body = Problem)))]
async fn show(
    State(state): State<AppState>,
    principal: Principal,
    local: Option<Extension<LocalBudget>>,
    ApiPath(id): ApiPath<String>,
    ApiQuery(wait): ApiQuery<WaitQuery>,
) -> ApiResult<Json<Handoff>> {
    match principal.ingest_token() {
        // The AI agent platform reads what became of the handoffs it sent,
        // and no other platform's: those are not found, as a wrong id is.
        Some(token) => {
            if state.store.handoff_sender(&id).await?.as_deref() != Some(token) {
                return Err(crate::server::store::StoreError::NotFound {
                    what: "handoff",
                    key: id,
                }
                .into());
            }
        }
        None => principal.require(Role::Manager)?,
    }
    let wait = Waiting::new(wait_for(&wait)?, local);
    let handoff = state.store.get_handoff(&id).await?;
    Ok(Json(awaited(&state.store, handoff, &wait).await?))
}
