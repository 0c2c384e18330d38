//! One module per resource. Handlers are thin: authorize, validate, call the
//! store, answer. Each registers its paths with the OpenAPI document.

pub mod agents;
pub mod config;
pub mod events;
pub mod fields;
pub mod handoffs;
pub mod inbound;
pub mod integrations;
pub mod meta;
pub mod operators;
pub mod outbox;
pub mod requesters;
pub mod rules;
pub mod settings;
pub mod teams;
pub mod ticket_counts;
pub mod tickets;
pub mod tokens;

use std::sync::Arc;

use axum::Router;
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouter};

use crate::api::{DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, Page, PageQuery, Role};
use crate::domain::Refusal;
use crate::domain::workspace::{Snapshot, change, document};

use super::AppState;
use super::auth::Principal;
use super::error::{ApiError, ApiResult};
use super::store::LeavingTeam;

/// The API's routes as they are gathered: with the OpenAPI description of
/// each operation, for the document alone ([`crate::server::openapi`]), or
/// plain, to serve them. utoipa writes every operation and every schema it
/// names eagerly and keeps each path's operations in a map of large entries;
/// a local command such as `tickets list --limit 30` builds the routes only
/// to call one, and building them described was most of its router's time.
pub enum ApiRoutes {
    Described(Box<OpenApiRouter<AppState>>),
    Plain(Router<AppState>),
}

/// Handlers that share a path, each on the methods of its `#[utoipa::path]`,
/// as [`routes!`] writes them: described, or plain.
pub struct Handlers<Described, Plain> {
    pub described: Described,
    pub plain: Plain,
}

impl ApiRoutes {
    /// These routes and `handlers`, added in their way.
    pub fn with<Described, Plain>(self, handlers: Handlers<Described, Plain>) -> ApiRoutes
    where
        Described: FnOnce() -> UtoipaMethodRouter<AppState>,
        Plain: FnOnce(Router<AppState>) -> Router<AppState>,
    {
        match self {
            ApiRoutes::Described(router) => {
                ApiRoutes::Described(Box::new(router.routes((handlers.described)())))
            }
            ApiRoutes::Plain(router) => ApiRoutes::Plain((handlers.plain)(router)),
        }
    }

    pub fn into_router(self) -> Router<AppState> {
        match self {
            ApiRoutes::Described(router) => (*router).into(),
            ApiRoutes::Plain(router) => router,
        }
    }

    /// The OpenAPI document of the routes (empty when they were added plain).
    pub fn into_openapi(self) -> utoipa::openapi::OpenApi {
        match self {
            ApiRoutes::Described(router) => router.into_openapi(),
            ApiRoutes::Plain(_) => utoipa::openapi::OpenApi::default(),
        }
    }
}

/// The [`Handlers`] named: `utoipa_axum::routes!` for the described routes;
/// for the plain ones, each handler on the path and methods its
/// `#[utoipa::path]` declares, so that both routers serve the same.
macro_rules! routes {
    ($($handler:ident),+ $(,)?) => {
        $crate::server::routes::Handlers {
            described: || utoipa_axum::routes!($($handler),+),
            plain: |mut router: axum::Router<$crate::server::AppState>| {
                use utoipa_axum::PathItemExt as _;
                $(
                    utoipa_axum::paste! {
                        let methods = <[<__path_ $handler>] as utoipa::Path>::methods();
                        let path = <[<__path_ $handler>] as utoipa::Path>::path();
                        let operation: fn() -> utoipa::openapi::path::Operation =
                            <[<__path_ $handler>] as utoipa::Path>::operation;
                    }
                    let mut method_router = axum::routing::MethodRouter::new();
                    for method in &methods {
                        method_router = method_router.on(method.to_method_filter(), $handler);
                    }
                    let method_router = method_router.route_layer(axum::middleware::from_fn(
                        $crate::server::routes::refuse_undeclared_query(operation),
                    ));
                    // A second handler on a path joins the first's methods.
                    router = router.route(&path, method_router);
                )+
                router
            },
        }
    };
}
pub(crate) use routes;

/// What [`refuse_undeclared_query`] runs before a handler.
type QueryGuard = std::pin::Pin<Box<dyn Future<Output = axum::response::Response> + Send>>;

/// The middleware that refuses any query sent to a route whose operation
/// declares no query parameter (`400 invalid_query`, see
/// [`crate::server::json::undeclared_query`]), as [`crate::server::json::ApiQuery`]
/// refuses the parameters a route that declares some does not know. Whether
/// the operation declares any is read from its description on the route's
/// first request, not when the routes are built: described, the routes would
/// cost a local command most of its start (see [`ApiRoutes`]).
pub(crate) fn refuse_undeclared_query(
    operation: fn() -> utoipa::openapi::path::Operation,
) -> impl Fn(axum::extract::Request, axum::middleware::Next) -> QueryGuard + Clone + Send + Sync + 'static
{
    let declares_query = Arc::new(std::sync::OnceLock::new());
    move |request, next| {
        let declares = *declares_query.get_or_init(|| {
            use utoipa::openapi::{RefOr, path::ParameterIn};
            operation()
                .parameters
                .iter()
                .flatten()
                .any(|parameter| match parameter {
                    RefOr::T(parameter) => parameter.parameter_in == ParameterIn::Query,
                    // A shared parameter, unread here: trusted to be one.
                    RefOr::Ref(_) => true,
                })
        });
        let refused = match request.uri().query() {
            Some(query) if !declares => crate::server::json::undeclared_query(query),
            _ => None,
        };
        Box::pin(async move {
            match refused {
                Some(refused) => axum::response::IntoResponse::into_response(refused),
                None => next.run(request).await,
            }
        })
    }
}

/// A `201 Created` answer: `body`, with `Location` naming the path where the
/// new resource is read. Without it the created resource would be the target
/// URI (RFC 9110 §15.3.2), `/v1/handoffs` for a handoff, and a client would
/// have to build the path itself.
pub(crate) struct Created<T> {
    pub location: String,
    pub body: T,
}

impl<T: serde::Serialize> axum::response::IntoResponse for Created<T> {
    fn into_response(self) -> axum::response::Response {
        let mut response = (axum::http::StatusCode::CREATED, axum::Json(self.body)).into_response();
        // Keys and ids are slugs and `[a-z0-9_]`: always a valid value.
        if let Ok(location) = axum::http::HeaderValue::try_from(self.location) {
            response
                .headers_mut()
                .insert(axum::http::header::LOCATION, location);
        }
        response
    }
}

/// Changes the workspace with `change`, given the instant to stamp what it
/// changes (as stored: to the microsecond), and answers the workspace after it.
/// The open and pending tickets of a team it removes go where `leaving` says;
/// with `None`, nowhere: the team may then hold none, unless it is the last
/// ([`crate::domain::tickets::team_leaving_unmoved`], in the change's
/// transaction).
pub(crate) async fn change_workspace(
    state: &AppState,
    leaving: Option<LeavingTeam<'_>>,
    change: impl FnOnce(&mut Snapshot, jiff::Timestamp) -> Result<(), Refusal> + Send,
) -> ApiResult<Arc<Snapshot>> {
    let at = super::store::stored_now();
    let sealing = state.store.sealing();
    Ok(state
        .store
        .change_workspace(None, leaving, |ws| {
            let before = document::secret_values(ws);
            change(ws, at)?;
            document::refuse_sealing_elsewhere_keys(&before, ws, &sealing)?;
            document::forget_replaced_references(&before, ws);
            Ok(())
        })
        .await?)
}

/// [`change_workspace`] on behalf of `principal`: refused, in the same
/// transaction, when it changes an owner and the caller is not one
/// ([`change::only_owners_change_owners`]), whatever the route changed.
pub(crate) async fn change_workspace_as(
    state: &AppState,
    principal: &Principal,
    leaving: Option<LeavingTeam<'_>>,
    change: impl FnOnce(&mut Snapshot, jiff::Timestamp) -> Result<(), Refusal> + Send,
) -> ApiResult<Arc<Snapshot>> {
    let by_owner = principal.require(Role::Owner).is_ok();
    let change = |ws: &mut Snapshot, at| {
        let before = ws.clone();
        change(ws, at)?;
        change::only_owners_change_owners(by_owner, &before, ws)
    };
    change_workspace(state, leaving, change).await
}

/// One page of a list ordered by `key`: the items after the cursor (the key of
/// the last item of the previous page).
pub(crate) fn page_of<T: Clone>(
    items: &[T],
    query: &PageQuery,
    key: impl Fn(&T) -> String,
) -> ApiResult<Page<T>> {
    let limit = page_limit(query)?;
    let after = query.cursor.as_deref().unwrap_or("");
    if !after.is_empty() && crate::domain::validate::check_slug(after).is_err() {
        return Err(bad_cursor());
    }
    let rest: Vec<T> = items
        .iter()
        .filter(|item| key(item).as_str() > after)
        .take(limit as usize + 1)
        .cloned()
        .collect();
    Ok(into_page(rest, limit, key))
}

/// A cursor that no page of this list could have given: refused, not read
/// as "from the start", so a mangled cursor cannot silently restart a walk.
pub(crate) fn bad_cursor() -> ApiError {
    ApiError::validation(vec![crate::api::FieldError::new(
        "cursor",
        "not a cursor this service gave out: pass the `next_cursor` of the previous page",
    )])
}

/// The page size a query asks for, within bounds.
pub(crate) fn page_limit(query: &PageQuery) -> ApiResult<u32> {
    match query.limit {
        None => Ok(DEFAULT_PAGE_LIMIT),
        Some(limit) if (1..=MAX_PAGE_LIMIT).contains(&limit) => Ok(limit),
        Some(limit) => Err(ApiError::validation(vec![crate::api::FieldError::new(
            "limit",
            format!("{limit} is out of range: use 1 to {MAX_PAGE_LIMIT}"),
        )])),
    }
}

/// An instant given in a query, RFC 3339 (e.g. `2026-03-29T07:30:00Z`); one
/// that does not read is refused as a query that serde reads refuses it
/// (`/v1/handoffs?since=`): `400 invalid_query`.
pub(crate) fn parse_instant(field: &str, text: &str) -> ApiResult<jiff::Timestamp> {
    text.parse::<jiff::Timestamp>().map_err(|e| {
        let why = crate::api::instant::not_an_instant(text, &e);
        crate::server::json::query_refused(field.to_string(), why)
    })
}

/// Now, without the fraction of a second nobody wants to read.
pub(crate) fn now_to_the_second() -> jiff::Timestamp {
    crate::api::instant::to_the_second(jiff::Timestamp::now())
}

/// Cuts a list fetched with `limit + 1` rows into a page and its cursor.
pub(crate) fn into_page<T>(mut items: Vec<T>, limit: u32, key: impl Fn(&T) -> String) -> Page<T> {
    let next_cursor = if items.len() > limit as usize {
        items.truncate(limit as usize);
        items.last().map(key)
    } else {
        None
    };
    Page { items, next_cursor }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_page_points_at_its_last_item() {
        let page = into_page(vec![1, 2, 3], 2, |n| n.to_string());
        assert_eq!(page.items, [1, 2]);
        assert_eq!(page.next_cursor.as_deref(), Some("2"));
    }

    #[test]
    fn the_last_page_has_no_cursor() {
        let page = into_page(vec![1, 2], 2, |n| n.to_string());
        assert_eq!(page.items, [1, 2]);
        assert_eq!(page.next_cursor, None);
    }

    #[test]
    fn limits_outside_the_range_are_refused() {
        for limit in [0, MAX_PAGE_LIMIT + 1] {
            let query = PageQuery {
                limit: Some(limit),
                cursor: None,
            };
            assert_eq!(page_limit(&query).unwrap_err().errors[0].field, "limit");
        }
        assert_eq!(
            page_limit(&PageQuery::default()).unwrap(),
            DEFAULT_PAGE_LIMIT
        );
    }
}
