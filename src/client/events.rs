//! The event stream (`GET /v1/events`) as the client reads it: Server-Sent
//! Events over HTTP or from the local desk in-process, parsed by
//! `eventsource-stream`, and reconnected with `Last-Event-ID` when the
//! connection drops, so a reader misses nothing across a server restart, even
//! one before the first event arrived: a stream that starts with the next
//! change takes its place from the service's `Desk-Last-Event-ID`.

use std::pin::Pin;
use std::time::Duration;

use bytes::Bytes;
use eventsource_stream::Eventsource;
use futures_util::{Stream, StreamExt};
use http::header::AUTHORIZATION;
use http::{Method, StatusCode};
use http_body_util::BodyExt;
use secrecy::ExposeSecret;

use super::{ApiResponse, Client, ClientError, ClientResult, Transport};
use crate::api::{EVENT_RESET, Event, EventReset, STREAM_PLACE_HEADER};

/// How long a stream may stay silent before it is taken for dead: the server
/// sends a keep-alive every 15 s.
pub(super) const READ_TIMEOUT: Duration = Duration::from_secs(45);

/// The longest wait between two reconnection attempts.
const MAX_BACKOFF: Duration = Duration::from_secs(10);

type Frames = Pin<
    Box<
        dyn Stream<
                Item = Result<
                    eventsource_stream::Event,
                    eventsource_stream::EventStreamError<String>,
                >,
            > + Send,
    >,
>;

/// The body of a stream, as it arrives.
type Chunks = Pin<Box<dyn Stream<Item = Result<Bytes, String>> + Send>>;

/// What reading the stream gives.
#[derive(Debug, Clone, PartialEq)]
pub enum StreamItem {
    Event(Box<Event>),
    /// The place asked for is not kept: reload what is shown, then go on.
    Reset(EventReset),
    /// Connected (again): events flow.
    Connected,
    /// The connection dropped; the stream reconnects by itself, with what
    /// went wrong and when it tries next.
    Disconnected {
        reason: String,
        retry_in: Duration,
    },
}

/// A live stream of events that resumes after the last one it gave.
pub struct EventStream<'a> {
    client: &'a Client,
    last_id: Option<u64>,
    frames: Option<Frames>,
    /// Failed reconnections in a row.
    failures: u32,
    /// Whether the next connection is a reconnection.
    connected_once: bool,
}

impl Client {
    /// The event stream, from after event `after` (`None`: from the next
    /// change). Connects at once: an unreachable service or a refused token is
    /// an error here; later drops are reconnected by [`EventStream::next`].
    pub async fn events(&self, after: Option<u64>) -> ClientResult<EventStream<'_>> {
        let mut stream = EventStream {
            client: self,
            last_id: after,
            frames: None,
            failures: 0,
            connected_once: false,
        };
        stream.frames = Some(stream.connect().await?);
        stream.connected_once = true;
        Ok(stream)
    }

    /// Opens `/v1/events`, resuming after `last_id`: the frames, and the
    /// place the service says the stream goes on after (none from a service
    /// that does not tell it).
    async fn open_events(&self, last_id: Option<u64>) -> ClientResult<(Frames, Option<u64>)> {
        let path = "/v1/events";
        let (chunks, place): (Chunks, Option<u64>) = match &self.transport {
            Transport::Http {
                base, streaming, ..
            } => {
                let mut builder = streaming
                    .request(Method::GET, format!("{base}{path}"))
                    .header(http::header::ACCEPT, "text/event-stream");
                if let Some(token) = &self.token {
                    builder = builder.bearer_auth(token.expose_secret());
                }
                if let Some(id) = last_id {
                    builder = builder.header("Last-Event-ID", id.to_string());
                }
                let response = builder
                    .send()
                    .await
                    .map_err(|error| self.attempt_error(self.unanswered(error)))?;
                if !response.status().is_success() {
                    let status = response.status();
                    let headers = response.headers().clone();
                    let body = response.bytes().await.unwrap_or_default();
                    return Err(self.error_from(ApiResponse {
                        status,
                        headers,
                        body,
                    }));
                }
                let place = stream_place(response.headers());
                let chunks = Box::pin(futures_util::stream::unfold(
                    response,
                    |mut response| async move {
                        match response.chunk().await {
                            Ok(Some(chunk)) => Some((Ok(chunk), response)),
                            Ok(None) => None,
                            Err(error) => {
                                Some((Err(super::without_query(error).to_string()), response))
                            }
                        }
                    },
                ));
                (chunks, place)
            }
            Transport::InProcess(target) => {
                let mut builder = http::Request::builder()
                    .method(Method::GET)
                    .uri(path)
                    .header(http::header::ACCEPT, "text/event-stream");
                if let Some(token) = &self.token {
                    builder =
                        builder.header(AUTHORIZATION, format!("Bearer {}", token.expose_secret()));
                }
                if let Some(id) = last_id {
                    builder = builder.header("Last-Event-ID", id.to_string());
                }
                let request = builder
                    .body(axum::body::Body::empty())
                    .expect("a GET without a body builds");
                let response = target.call(request).await;
                let (parts, body) = response.into_parts();
                if !parts.status.is_success() {
                    let body = body
                        .collect()
                        .await
                        .map(|c| c.to_bytes())
                        .unwrap_or_default();
                    return Err(self.error_from(ApiResponse {
                        status: parts.status,
                        headers: parts.headers,
                        body,
                    }));
                }
                let chunks = Box::pin(
                    body.into_data_stream()
                        .map(|chunk| chunk.map_err(|e| e.to_string())),
                );
                (chunks, stream_place(&parts.headers))
            }
        };
        Ok((Box::pin(chunks.eventsource()), place))
    }
}

impl EventStream<'_> {
    /// The id of the last event given, or before any the place the stream
    /// opened at: what a reconnection resumes after.
    pub fn last_id(&self) -> Option<u64> {
        self.last_id
    }

    async fn connect(&mut self) -> ClientResult<Frames> {
        let (frames, place) = self.client.open_events(self.last_id).await?;
        self.last_id = resume_after(self.last_id, place);
        Ok(frames)
    }

    /// The next thing that happens: an event, a reset, or a change of the
    /// connection. Errors only for what reconnecting cannot mend (a token
    /// revoked, a role taken away).
    pub async fn next(&mut self) -> ClientResult<StreamItem> {
        loop {
            let Some(frames) = self.frames.as_mut() else {
                let wait = backoff(self.failures);
                if self.failures > 0 {
                    tokio::time::sleep(wait).await;
                }
                match self.connect().await {
                    Ok(frames) => {
                        self.frames = Some(frames);
                        self.failures = 0;
                        if self.connected_once {
                            return Ok(StreamItem::Connected);
                        }
                        self.connected_once = true;
                        continue;
                    }
                    Err(error) if mendable(&error) => {
                        self.failures += 1;
                        return Ok(StreamItem::Disconnected {
                            reason: disconnected_because(&error),
                            retry_in: backoff(self.failures),
                        });
                    }
                    Err(error) => return Err(error),
                }
            };
            let reason = match frames.next().await {
                Some(Ok(frame)) => {
                    if let Some(item) = self.read(frame)? {
                        return Ok(item);
                    }
                    continue;
                }
                Some(Err(error)) => format!("the stream broke: {error}"),
                None => "the service closed the stream".to_string(),
            };
            self.frames = None;
            self.failures = 1;
            return Ok(StreamItem::Disconnected {
                reason,
                retry_in: backoff(self.failures),
            });
        }
    }

    fn read(&mut self, frame: eventsource_stream::Event) -> ClientResult<Option<StreamItem>> {
        let invalid = |detail: String| ClientError::InvalidResponse {
            target: self.client.target(),
            status: StatusCode::OK,
            detail,
        };
        if frame.event == EVENT_RESET {
            let reset: EventReset = serde_json::from_str(&frame.data)
                .map_err(|e| invalid(format!("cannot read a reset event: {e}")))?;
            self.last_id = Some(reset.id);
            return Ok(Some(StreamItem::Reset(reset)));
        }
        if frame.data.is_empty() {
            return Ok(None);
        }
        let event: Event = serde_json::from_str(&frame.data)
            .map_err(|e| invalid(format!("cannot read event '{}': {e}", frame.id)))?;
        self.last_id = Some(event.id);
        Ok(Some(StreamItem::Event(Box::new(event))))
    }
}

/// Where a stream resumes from once connected: its own place if it had one,
/// else the one the service gave it. A stream that asked for a place keeps
/// it even when the service tells another (a reset is coming): were the
/// connection to drop before the reset arrived, the reconnection must ask
/// again and be told to reload, not quietly go on from the service's place.
fn resume_after(asked: Option<u64>, told: Option<u64>) -> Option<u64> {
    asked.or(told)
}

/// The place a stream goes on after, as the service tells it.
fn stream_place(headers: &http::HeaderMap) -> Option<u64> {
    headers
        .get(STREAM_PLACE_HEADER)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// Whether reconnecting may mend `error`: the service was unreachable,
/// stopping or overloaded; not a refused token or a bad request.
fn mendable(error: &ClientError) -> bool {
    match error {
        ClientError::Api { status, .. } => {
            status.is_server_error() || *status == StatusCode::TOO_MANY_REQUESTS
        }
        ClientError::Unreachable { .. } | ClientError::Timeout { .. } => true,
        _ => false,
    }
}

/// Why a stream could not connect, said for a caller that reconnects by
/// itself: the error, but for a service that is stopping, whose answer asks
/// the sender of a request to send it again.
fn disconnected_because(error: &ClientError) -> String {
    match error.code() {
        Some(crate::api::SHUTTING_DOWN) => "the service is stopping".to_string(),
        _ => error.to_string(),
    }
}

/// 0.5 s, 1 s, 2 s, … up to [`MAX_BACKOFF`].
fn backoff(failures: u32) -> Duration {
    let wait = Duration::from_millis(500) * 2u32.saturating_pow(failures.saturating_sub(1).min(8));
    wait.min(MAX_BACKOFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stopping_service_is_said_without_its_advice_to_send_again() {
        let refused = |code: &str, detail: &str| ClientError::Api {
            status: StatusCode::SERVICE_UNAVAILABLE,
            problem: Box::new(crate::api::Problem {
                kind: format!("urn:deskctl:problem:{code}"),
                title: "Service Unavailable".into(),
                status: 503,
                detail: Some(detail.into()),
                code: code.into(),
                errors: Vec::new(),
            }),
            request_id: None,
        };
        let stopping = refused(
            crate::api::SHUTTING_DOWN,
            "the service is stopping; send the request again",
        );
        assert!(mendable(&stopping));
        assert_eq!(disconnected_because(&stopping), "the service is stopping");
        let down = refused("database_unavailable", "the database did not answer");
        assert_eq!(disconnected_because(&down), "the database did not answer");
    }

    #[test]
    fn reconnections_back_off_to_a_ceiling() {
        assert_eq!(backoff(1), Duration::from_millis(500));
        assert_eq!(backoff(2), Duration::from_secs(1));
        assert_eq!(backoff(3), Duration::from_secs(2));
        assert_eq!(backoff(30), MAX_BACKOFF);
    }

    #[test]
    fn a_new_stream_takes_the_place_it_is_told_and_a_resumed_one_keeps_its_own() {
        assert_eq!(resume_after(None, Some(42)), Some(42));
        assert_eq!(resume_after(None, Some(0)), Some(0), "an empty desk");
        assert_eq!(resume_after(Some(7), Some(42)), Some(7));
        // A service that does not tell it: from the next change, as before.
        assert_eq!(resume_after(None, None), None);
    }

    #[test]
    fn the_place_is_read_from_its_header_and_anything_else_is_not_a_place() {
        let told = |value: &str| {
            let mut headers = http::HeaderMap::new();
            headers.insert(STREAM_PLACE_HEADER, value.parse().unwrap());
            stream_place(&headers)
        };
        assert_eq!(told("42"), Some(42));
        assert_eq!(told("0"), Some(0));
        assert_eq!(told("-1"), None);
        assert_eq!(told("latest"), None);
        assert_eq!(stream_place(&http::HeaderMap::new()), None);
    }
}
