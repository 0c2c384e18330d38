//! `/v1/events`: the event stream, as Server-Sent Events. Every change the
//! desk commits is one event, read from the store (so every replica serves the
//! same stream), in id order, filtered by the caller's role as `tickets list`
//! is. `Last-Event-ID` (or `?after=`) resumes with nothing missed while the
//! events are kept ([`EVENT_RETENTION_DAYS`](crate::api::EVENT_RETENTION_DAYS));
//! past that, a `reset` event says to reload.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::time::Duration;

use super::{ApiRoutes, routes};
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};

use crate::api::{
    EVENT_RESET, Event, EventQuery, EventReset, FieldError, MAX_STREAMS_PER_TOKEN, Problem, Role,
    STREAM_PLACE_HEADER,
};
use crate::server::AppState;
use crate::server::auth::Principal;
use crate::server::error::{ApiError, ApiResult};
use crate::server::json::ApiQuery;
use crate::server::store::{EventWatch, Store, StreamSlot, Viewer};

pub fn add(routes: ApiRoutes) -> ApiRoutes {
    routes.with(routes!(stream))
}

/// Events read from the store at once, at most.
const BATCH: u32 = 200;

/// How often a quiet stream sends a comment, so proxies and clients can tell
/// a live stream from a dead connection.
pub const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// The stream of changes, as Server-Sent Events: `id:` is the event's id,
/// `event:` its kind, `data:` the event as JSON. Without `Last-Event-ID` or
/// `after`, it starts with the next change. Every stream first tells its
/// place, the id it goes on after, in the `Desk-Last-Event-ID` header and as
/// the `id:` of its first frame (a `reset`, or `: ready` with no data, which
/// `EventSource` records without dispatching it): a client that reconnects
/// with it before any event arrived misses nothing. Owners and managers see
/// every event; operators those about their own tickets and their teams'
/// unassigned ones (and `ticket.hidden` when one leaves that view). One token
/// holds at most 16 streams open on one process (429 past that).
#[utoipa::path(get, path = "/v1/events", tag = "events", params(EventQuery,
        ("Last-Event-ID" = Option<u64>, Header, description = "Resume after this event id")),
    responses(
        (status = 200, content_type = "text/event-stream", body = Event,
         headers(("Desk-Last-Event-ID" = u64,
            description = "The id the stream goes on after: resume with it until an event arrives")),
         description = "A stream of events; a `reset` event carries an `EventReset`"),
        (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 422, body = Problem),
        (status = 429, body = Problem,
         description = "The token already holds as many streams as one token may")))]
async fn stream(
    State(state): State<AppState>,
    principal: Principal,
    headers: HeaderMap,
    ApiQuery(query): ApiQuery<EventQuery>,
) -> ApiResult<Response> {
    principal.require_operator()?;
    let viewer = if principal.require(Role::Manager).is_ok() {
        Viewer::Everyone
    } else {
        Viewer::Operator(principal.handle().unwrap_or_default().to_string())
    };
    let after = query
        .after
        .as_deref()
        .map(|id| event_id("after", id))
        .transpose()?;
    let resume = match headers.get("last-event-id") {
        Some(value) => Some(event_id(
            "Last-Event-ID",
            value.to_str().unwrap_or_default(),
        )?),
        None => after,
    };
    let bounds = state.store.event_bounds().await?;
    let (after, reset) = match resume {
        None => (bounds.last, None),
        Some(id) if id > bounds.last => (
            bounds.last,
            Some(format!(
                "event {id} was never sent by this desk (its last is {})",
                bounds.last
            )),
        ),
        Some(id) if id < bounds.pruned_through => (
            bounds.last,
            Some(format!(
                "events after {id} are no longer kept (they are kept {} days)",
                crate::api::EVENT_RETENTION_DAYS
            )),
        ),
        Some(id) => (id, None),
    };
    // The token is looked at again as the stream goes on: a stream must not
    // outlive its token's revocation or its operator's lower role.
    let token_hash = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(crate::server::auth::bearer_secret)
        .map(crate::server::auth::hash_secret);
    let slot = match token_hash.as_deref() {
        Some(hash) => match state.store.claim_event_stream(hash) {
            Some(slot) => Some(slot),
            None => return Ok(too_many_streams()),
        },
        None => None,
    };
    let opening = match reset {
        Some(reason) => SseEvent::default()
            .id(after.to_string())
            .event(EVENT_RESET)
            .json_data(EventReset { id: after, reason })
            .expect("resets serialize"),
        // No data: EventSource takes the id as its last without dispatching
        // anything, and older deskctl clients skip the frame.
        None => SseEvent::default().comment("ready").id(after.to_string()),
    };
    let reader = Reader {
        watch: state.store.watch_events(),
        store: state.store,
        principal,
        token_hash,
        viewer,
        after,
        buffer: VecDeque::new(),
        opening: Some(opening),
        _slot: slot,
    };
    let events = futures_util::stream::unfold(reader, |mut reader| async move {
        let next = reader.next().await?;
        Some((Ok::<_, Infallible>(next), reader))
    });
    Ok((
        [(STREAM_PLACE_HEADER, after.to_string())],
        Sse::new(events).keep_alive(KeepAlive::new().interval(KEEP_ALIVE)),
    )
        .into_response())
}

/// The answer to a token that already holds as many streams as it may. A
/// stream whose client went away gives its place back once the service sees
/// it gone, by its next keep-alive ([`KEEP_ALIVE`]) at the latest: that is
/// the `Retry-After` every 429 of the service carries.
fn too_many_streams() -> Response {
    let mut response = ApiError::new(
        axum::http::StatusCode::TOO_MANY_REQUESTS,
        "too_many_streams",
        format!(
            "this token already holds {MAX_STREAMS_PER_TOKEN} event streams open, the most one \
             token may: close one, or give each client a token of its own"
        ),
    )
    .into_response();
    response.headers_mut().insert(
        axum::http::header::RETRY_AFTER,
        axum::http::HeaderValue::from(KEEP_ALIVE.as_secs()),
    );
    response
}

/// The event id a client resumes after, given in `field`.
fn event_id(field: &str, text: &str) -> ApiResult<u64> {
    text.trim().parse().map_err(|_| {
        ApiError::validation(vec![FieldError::new(
            field,
            "must be the id of an event this stream sent (a whole number)",
        )])
    })
}

/// One stream's place in the log.
struct Reader {
    store: Store,
    watch: EventWatch,
    /// Who opened the stream, and the hash of the token they opened it with
    /// (none for the local desk's own caller).
    principal: Principal,
    token_hash: Option<String>,
    viewer: Viewer,
    /// Read up to this id.
    after: u64,
    buffer: VecDeque<Event>,
    /// The first frame, which tells the stream's place: a reset, or a frame
    /// with only an `id:`.
    opening: Option<SseEvent>,
    /// The stream's place among its token's, given back when it ends.
    _slot: Option<StreamSlot>,
}

impl Reader {
    /// Whether the caller's token still stands for who opened the stream,
    /// looked up again before each read of the log; when not (revoked, its
    /// operator removed or given another role), the stream ends, and the
    /// client's reconnection is answered as its token now deserves.
    async fn caller_still_allowed(&self) -> bool {
        let Some(hash) = &self.token_hash else {
            return true;
        };
        match self.store.find_token(hash).await {
            Ok(identity) if self.principal.still_is(identity.as_ref()) => true,
            Ok(_) => {
                tracing::info!("an event stream ended: its token was revoked or its role changed");
                false
            }
            Err(error) => {
                tracing::warn!(%error, "the event stream could not read the store");
                false
            }
        }
    }

    /// The next SSE event; `None` ends the stream (the service stops, or the
    /// store failed: the client resumes from its last id).
    async fn next(&mut self) -> Option<SseEvent> {
        if let Some(opening) = self.opening.take() {
            return Some(opening);
        }
        loop {
            if let Some(event) = self.buffer.pop_front() {
                return Some(
                    SseEvent::default()
                        .id(event.id.to_string())
                        .event(event.kind.as_str())
                        .json_data(&event)
                        .expect("events serialize"),
                );
            }
            if !self.caller_still_allowed().await {
                return None;
            }
            match self
                .store
                .events_after(self.after, &self.viewer, BATCH)
                .await
            {
                Ok(page) => {
                    self.after = page.through;
                    self.buffer = page.events.into();
                }
                Err(error) => {
                    tracing::warn!(%error, "the event stream could not read the store");
                    return None;
                }
            }
            if self.buffer.is_empty() && !self.watch.wait_after(self.after).await {
                return None;
            }
        }
    }
}
