//! Request-body and query extractors whose rejections are problem+json, with the
//! position and field serde reported, instead of axum's plain-text rejections;
//! and the JSON body every page of a list is answered with (or JSON lines, for
//! a page of tickets).

mod objects;

use axum::body::Bytes;
use axum::extract::path::ErrorKind as PathErrorKind;
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRequest, FromRequestParts, RawPathParams, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;
use serde_json::error::Category;

use self::objects::Objects;
use super::error::ApiError;
use crate::api::{FieldError, JSON_LINES, NEXT_CURSOR_HEADER};
use crate::domain::validate;

/// A JSON response body, serialized into a `Vec` (serde_json's fastest
/// writer): every page of a list is one. axum's `Json` writes through
/// `BytesMut`'s `BufMut`, a capacity check per fragment: for pages of a
/// thousand tickets, a sixth of the CPU time `tickets list --all -o jsonl` took.
pub struct JsonBody<T>(pub T);

impl<T: serde::Serialize> axum::response::IntoResponse for JsonBody<T> {
    fn into_response(self) -> axum::response::Response {
        match serde_json::to_vec(&self.0) {
            Ok(body) => (
                [(
                    axum::http::header::CONTENT_TYPE,
                    axum::http::HeaderValue::from_static("application/json"),
                )],
                body,
            )
                .into_response(),
            Err(error) => ApiError::internal(error).into_response(),
        }
    }
}

/// A page whose tickets the store wrote as JSON lines already: answered as
/// serializing a [`crate::api::Page`] of them would be, or, to a client that
/// accepts [`JSON_LINES`], as the lines themselves with the next page's cursor
/// in [`NEXT_CURSOR_HEADER`]. Neither parses the tickets again.
pub struct WrittenPage {
    /// One ticket a line, each line ending in `\n`.
    pub lines: Vec<u8>,
    pub next_cursor: Option<String>,
    pub as_lines: bool,
}

impl WrittenPage {
    /// `{"items":[…],"next_cursor":…}`, the lines joined by commas.
    fn into_json(self) -> Vec<u8> {
        let mut body = Vec::with_capacity(self.lines.len() + 64);
        body.extend_from_slice(b"{\"items\":[");
        let mut rest = self.lines.as_slice();
        while let Some(end) = memchr::memchr(b'\n', rest) {
            body.extend_from_slice(&rest[..end]);
            body.push(b',');
            rest = &rest[end + 1..];
        }
        if body.ends_with(b",") {
            body.pop();
        }
        body.push(b']');
        if let Some(cursor) = &self.next_cursor {
            body.extend_from_slice(b",\"next_cursor\":");
            // A string always serializes.
            serde_json::to_writer(&mut body, cursor).expect("a string serializes");
        }
        body.push(b'}');
        body
    }
}

impl axum::response::IntoResponse for WrittenPage {
    fn into_response(self) -> axum::response::Response {
        use axum::http::{HeaderValue, header::CONTENT_TYPE};
        if !self.as_lines {
            let content_type = [(CONTENT_TYPE, HeaderValue::from_static("application/json"))];
            return (content_type, self.into_json()).into_response();
        }
        let mut response = (
            [(CONTENT_TYPE, HeaderValue::from_static(JSON_LINES))],
            self.lines,
        )
            .into_response();
        // A cursor is a stored instant and a number: always a valid value.
        if let Some(cursor) = self.next_cursor.and_then(|c| HeaderValue::try_from(c).ok()) {
            response.headers_mut().insert(NEXT_CURSOR_HEADER, cursor);
        }
        response
    }
}

/// Whether a request's `Accept` headers ask for [`JSON_LINES`] before JSON:
/// they name it with a quality above zero and not below `application/json`'s.
pub fn accepts_json_lines(headers: &axum::http::HeaderMap) -> bool {
    let mut lines = None;
    let mut json = None;
    for (media, quality) in accept_ranges(headers) {
        if media.eq_ignore_ascii_case(JSON_LINES) {
            lines = Some(quality);
        } else if media.eq_ignore_ascii_case("application/json") {
            json = Some(quality);
        }
    }
    lines.is_some_and(|lines| lines > 0.0 && json.is_none_or(|json| lines >= json))
}

/// Whether a request's `Accept` headers take `media` (`type/subtype`): the
/// most specific range that matches it (`type/subtype`, then `type/*`, then
/// `*/*`) has a quality above zero, as RFC 9110 (12.5.1) reads them. A
/// request without `Accept` takes anything.
pub fn accepts(headers: &axum::http::HeaderMap, media: &str) -> bool {
    if !headers.contains_key(axum::http::header::ACCEPT) {
        return true;
    }
    let kind = media.split('/').next().unwrap_or_default();
    let specificity = |range: &str| -> Option<u8> {
        let (range_kind, range_sub) = range.split_once('/')?;
        if range.eq_ignore_ascii_case(media) {
            Some(2)
        } else if range_sub == "*" && range_kind.eq_ignore_ascii_case(kind) {
            Some(1)
        } else {
            (range == "*/*").then_some(0)
        }
    };
    accept_ranges(headers)
        .filter_map(|(range, quality)| Some((specificity(range)?, quality)))
        .max_by_key(|(specificity, _)| *specificity)
        .is_some_and(|(_, quality)| quality > 0.0)
}

/// Each media range of a request's `Accept` headers with its quality (1
/// unless `q` says otherwise; a `q` that is no number counts as 0).
fn accept_ranges(headers: &axum::http::HeaderMap) -> impl Iterator<Item = (&str, f32)> {
    headers
        .get_all(axum::http::header::ACCEPT)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(|range| {
            let mut parts = range.split(';');
            let media = parts.next().unwrap_or_default().trim();
            let quality = parts
                .filter_map(|parameter| parameter.split_once('='))
                .find(|(name, _)| name.trim().eq_ignore_ascii_case("q"))
                .map_or(1.0, |(_, q)| q.trim().parse::<f32>().unwrap_or(0.0));
            (media, quality)
        })
}

/// A JSON request body: an object, as the API's schemas describe every one.
/// A text anywhere in it that holds a NUL character is refused (422, each
/// such field named): every text a request writes passes here, so no route
/// can store one (see [`validate::NUL_MESSAGE`]). So is a whole number no
/// 64-bit integer holds, which reading would round
/// ([`validate::INEXACT_NUMBER_MESSAGE`]).
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match PartJson::<T>::from_request(req, state).await?.0 {
            Ok(value) => Ok(ApiJson(value)),
            Err(unread) => Err(unread.error),
        }
    }
}

/// A JSON request body as [`ApiJson`] reads it, or, when it is JSON but not
/// all a `T`, the refusal with what could be read of it: a route whose own
/// checks need no workspace (a handoff's) adds theirs, so that every problem
/// of the body is answered at once.
pub struct PartJson<T>(pub Result<T, Unread<T>>);

/// A body [`PartJson`] could not read: `error` answers it; `partly`, when
/// it is JSON, holds what could be read of it.
pub struct Unread<T> {
    pub error: ApiError,
    pub partly: Option<PartlyRead<T>>,
}

impl<T> Unread<T> {
    /// A body of which nothing could be read.
    fn nothing_read(error: ApiError) -> Self {
        Unread {
            error,
            partly: None,
        }
    }
}

impl<S, T> FromRequest<S> for PartJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let body = json_bytes(req, state).await?;
        let value = match read_body_partly(&body) {
            Ok(value) => value,
            Err(unread) => return Ok(PartJson(Err(*unread))),
        };
        // JSON cannot hold a raw NUL in a string, only the escape `\u0000`:
        // a body without that sequence has no NUL, and is not parsed again.
        if memchr::memmem::find(&body, br"\u0000").is_some() {
            let problems = validate::nul_problems(&read_body::<serde_json::Value>(&body)?);
            if !problems.is_empty() {
                return Err(ApiError::validation(problems));
            }
        }
        let problems = validate::inexact_number_problems(&body);
        if !problems.is_empty() {
            return Err(ApiError::validation(problems));
        }
        Ok(PartJson(Ok(value)))
    }
}

/// The JSON body of an email to the support inbox: as [`ApiJson`], but a NUL
/// in its texts is taken, for the inbox's intake to replace: refusing a
/// customer's mail would lose it.
pub struct MailJson<T>(pub T);

impl<S, T> FromRequest<S> for MailJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        Ok(MailJson(read_body(&json_bytes(req, state).await?)?))
    }
}

/// The body of a request that says it is JSON, within the route's limit.
async fn json_bytes<S: Send + Sync>(req: Request, state: &S) -> Result<Bytes, ApiError> {
    if !json_content_type(req.headers()) {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "the request body must be sent with `Content-Type: application/json`",
        ));
    }
    if let Some(charset) = other_charset(req.headers()) {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            format!(
                "the request body is declared `charset={charset}`, but JSON is read as UTF-8 \
                 only (RFC 8259): send it as UTF-8, with `charset=utf-8` or no charset"
            ),
        ));
    }
    let limit = super::body_limit(req.uri().path());
    let body = match Bytes::from_request(req, state).await {
        Ok(body) => body,
        Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return Err(too_large(limit));
        }
        Err(rejection) => {
            return Err(ApiError::new(
                rejection.status(),
                "invalid_body",
                rejection.body_text(),
            ));
        }
    };
    Ok(body)
}

/// Whether a request says its body is JSON: `application/json`, or a type
/// with the `+json` suffix, as axum's `Json` accepts.
fn json_content_type(headers: &axum::http::HeaderMap) -> bool {
    headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<mime::Mime>().ok())
        .is_some_and(|mime| {
            mime.type_() == "application"
                && (mime.subtype() == "json" || mime.suffix().is_some_and(|name| name == "json"))
        })
}

/// The charset a JSON request declares when it is not UTF-8: its bytes
/// would be read as UTF-8 all the same, and text in another encoding then
/// either fails with a message about a code point or, worse, reads as other
/// characters than were sent.
fn other_charset(headers: &axum::http::HeaderMap) -> Option<String> {
    let mime = headers
        .get(axum::http::header::CONTENT_TYPE)?
        .to_str()
        .ok()?
        .parse::<mime::Mime>()
        .ok()?;
    let charset = mime.get_param(mime::CHARSET)?;
    let utf8 = ["utf-8", "utf8"]
        .iter()
        .any(|name| charset.as_str().eq_ignore_ascii_case(name));
    (!utf8).then(|| charset.to_string())
}

/// The byte-order mark some Windows tools write before UTF-8 text: RFC 8259
/// lets a reader ignore it, and an integrator's file sent as is carries it.
const BYTE_ORDER_MARK: &[u8] = b"\xEF\xBB\xBF";

/// Reads a request body as a `T`, its structs from objects only.
pub(crate) fn read_body<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    read_body_partly(body).map_err(|unread| unread.error)
}

/// [`read_body`], and when the body is JSON but not all a `T`, what could be
/// read of it besides the error.
fn read_body_partly<T: DeserializeOwned>(body: &[u8]) -> Result<T, Box<Unread<T>>> {
    let body = body.strip_prefix(BYTE_ORDER_MARK).unwrap_or(body);
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    match T::deserialize(Objects(&mut deserializer)).and_then(|value| {
        deserializer.end()?;
        Ok(value)
    }) {
        Ok(value) => Ok(value),
        Err(error) => Err(Box::new(body_error::<T>(body, error))),
    }
}

/// The answer to a body that [`read_body`] could not read as a `T` (with
/// `error`): the body is read again to find where the error is. Only then:
/// serde_path_to_error copies every key it passes, and a handoff has dozens.
/// A body that is JSON is read once more as a value, to find every value in
/// it the route does not read, not only the first ([`PartlyRead`]).
#[cold]
fn body_error<T: DeserializeOwned>(body: &[u8], error: serde_json::Error) -> Unread<T> {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let located = match serde_path_to_error::deserialize::<_, T>(Objects(&mut deserializer)) {
        Err(located) => located,
        // The value read; what follows it is the error, about the whole body.
        Ok(_) => return Unread::nothing_read(body_rejection(&error, "")),
    };
    let first = body_rejection(located.inner(), &path_text(located.path()));
    // serde_json calls an enum given anything but a string or an object a
    // syntax error ("expected value"), though the JSON is fine: whether the
    // body parses tells. (A number beyond f64 and a nesting too deep do not.)
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(body) else {
        return Unread::nothing_read(first);
    };
    let partly = read_partly::<T>(value);
    let at = format!(
        "at line {} column {}",
        located.inner().line(),
        located.inner().column()
    );
    match shape_problems(&partly.problems, &at) {
        Some(error) => Unread {
            error,
            partly: Some(partly),
        },
        None => Unread::nothing_read(first),
    }
}

/// What could be read of a body that is JSON but not all a `T`.
pub struct PartlyRead<T> {
    /// Every value the route does not read (an unknown key, a wrong type, a
    /// missing key), each at its JSON path, in `errors[]`'s words.
    pub problems: Vec<FieldError>,
    /// The `T` read with each offending entry dropped; `None` when that
    /// still does not read (a key it needs was missing or dropped).
    pub read: Option<T>,
    /// The paths of the entries dropped, as sent.
    dropped: Vec<Vec<Step>>,
    /// Array entries dropped, by the array's path, as sent.
    removed: Vec<(Vec<Step>, usize)>,
}

impl<T> PartlyRead<T> {
    /// `field` (`transcript[1].text`), a path into [`Self::read`], as a path
    /// into the body as sent (`transcript[3].text`, two entries before it
    /// dropped); `None` when it is, holds or is in an entry dropped: its
    /// problem follows from that entry's, reported already. A context key
    /// is one step whatever it holds (`context.order.id`).
    pub fn as_sent(&self, field: &str) -> Option<String> {
        let read: Vec<Step> = match field.strip_prefix("context.") {
            Some(key) => vec![Step::Key("context".into()), Step::Key(key.into())],
            None => field_steps(field),
        };
        let sent = as_sent(&read, &self.removed);
        let related = |gone: &Vec<Step>| gone.starts_with(&sent) || sent.starts_with(gone);
        match self.dropped.iter().any(related) {
            true => None,
            false => Some(steps_text(&sent)),
        }
    }
}

/// `transcript[3].text` as steps: `transcript`, `3`, `text`.
fn field_steps(field: &str) -> Vec<Step> {
    let mut steps = Vec::new();
    for part in field.split('.') {
        let mut pieces = part.split('[');
        if let Some(key) = pieces.next().filter(|key| !key.is_empty()) {
            steps.push(Step::Key(key.to_string()));
        }
        for index in pieces {
            match index.trim_end_matches(']').parse() {
                Ok(index) => steps.push(Step::Index(index)),
                Err(_) => steps.push(Step::Key(format!("[{index}"))),
            }
        }
    }
    steps
}

/// The most problems of one body reported: past it, the rest is noise.
const MAX_BODY_PROBLEMS: usize = 100;

/// One step into a JSON value.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    Key(String),
    Index(usize),
}

/// Reads `value` as a `T`; on an error, records it, drops the entry at its
/// path and reads again, so every unknown key and wrong type is found in one
/// pass (as the manifest reads a file). A key missing where an entry was
/// dropped follows from that entry's problem: what held it is dropped too,
/// unreported (a message with a wrong `role` is not also one without).
fn read_partly<T: DeserializeOwned>(mut value: serde_json::Value) -> PartlyRead<T> {
    let mut problems = Vec::new();
    let mut dropped: Vec<Vec<Step>> = Vec::new();
    // Array entries dropped, by the array's path, as sent: the paths of
    // later errors count the entries as sent.
    let mut removed: Vec<(Vec<Step>, usize)> = Vec::new();
    let mut read = None;
    while problems.len() < MAX_BODY_PROBLEMS {
        let error = match serde_path_to_error::deserialize::<_, T>(Objects(&value)) {
            Ok(value) => {
                read = Some(value);
                break;
            }
            Err(error) => error,
        };
        let Some(at) = steps(error.path()) else { break };
        let sent = as_sent(&at, &removed);
        let message = without_position(error.inner());
        let missing = message.starts_with("missing field `");
        let follows = missing
            && dropped
                .iter()
                .any(|gone| gone.len() > sent.len() && gone.starts_with(&sent));
        if !follows {
            let (field, message) = located(&steps_text(&sent), &message, "body");
            problems.push(FieldError::new(field, message));
        }
        if (missing && !follows) || !remove(&mut value, &at) {
            break;
        }
        if let Some((Step::Index(index), array)) = sent.split_last() {
            removed.push((array.to_vec(), *index));
        }
        dropped.push(sent);
    }
    PartlyRead {
        problems,
        read,
        dropped,
        removed,
    }
}

/// serde_path_to_error's path as steps; `None` for a step into an enum.
fn steps(path: &serde_path_to_error::Path) -> Option<Vec<Step>> {
    path.iter()
        .map(|segment| match segment {
            serde_path_to_error::Segment::Map { key } => Some(Step::Key(key.clone())),
            serde_path_to_error::Segment::Seq { index } => Some(Step::Index(*index)),
            _ => None,
        })
        .collect()
}

/// `at`, a path into the value with `removed` array entries dropped, as a
/// path into the value as sent.
fn as_sent(at: &[Step], removed: &[(Vec<Step>, usize)]) -> Vec<Step> {
    let mut sent = Vec::with_capacity(at.len());
    for step in at {
        let step = match step {
            Step::Index(index) => {
                let mut gone: Vec<usize> = removed
                    .iter()
                    .filter(|(array, _)| *array == sent)
                    .map(|(_, index)| *index)
                    .collect();
                gone.sort_unstable();
                let index = gone
                    .into_iter()
                    .fold(*index, |index, gone| index + usize::from(gone <= index));
                Step::Index(index)
            }
            key => key.clone(),
        };
        sent.push(step);
    }
    sent
}

/// Removes the entry at `at` from `value`; `false` when there is none (the
/// whole value is at the empty path).
fn remove(value: &mut serde_json::Value, at: &[Step]) -> bool {
    let Some((last, parent)) = at.split_last() else {
        return false;
    };
    let mut holder = Some(value);
    for step in parent {
        holder = holder.and_then(|value| match step {
            Step::Key(key) => value.get_mut(key),
            Step::Index(index) => value.get_mut(*index),
        });
    }
    match (holder, last) {
        (Some(serde_json::Value::Object(object)), Step::Key(key)) => object.remove(key).is_some(),
        (Some(serde_json::Value::Array(array)), Step::Index(index)) if *index < array.len() => {
            array.remove(*index);
            true
        }
        _ => false,
    }
}

/// `transcript[2].role`, as serde_path_to_error writes a path.
fn steps_text(steps: &[Step]) -> String {
    let mut text = String::new();
    for step in steps {
        match step {
            Step::Key(key) => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(key);
            }
            Step::Index(index) => text.push_str(&format!("[{index}]")),
        }
    }
    text
}

/// The answer to a body that is JSON with `problems` (none: `None`), the
/// first of them found `at` a line and column.
fn shape_problems(problems: &[FieldError], at: &str) -> Option<ApiError> {
    const NAMED_IN_DETAIL: usize = 3;
    let detail = match problems {
        [] => return None,
        [one] if one.field == "body" => format!("{} ({at})", one.message),
        [one] => format!("{}: {} ({at})", one.field, one.message),
        many => {
            let named: Vec<String> = many
                .iter()
                .take(NAMED_IN_DETAIL)
                .map(|problem| format!("{}: {}", problem.field, problem.message))
                .collect();
            let more = if many.len() > NAMED_IN_DETAIL {
                "; …"
            } else {
                ""
            };
            format!("{} problems: {}{more}", many.len(), named.join("; "))
        }
    };
    Some(ApiError {
        detail: format!("the request body does not match the expected shape: {detail}"),
        errors: problems.to_vec(),
        ..ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body", "")
    })
}

/// How deep serde_json reads arrays and objects in one another (its
/// recursion limit is 128: the 128th level is refused).
const MAX_NESTING: usize = 127;

/// The answer to a body serde_json found `error` in, at `path`.
fn body_rejection(error: &serde_json::Error, path: &str) -> ApiError {
    let message = without_position(error);
    let at = format!("at line {} column {}", error.line(), error.column());
    match (error.classify(), message.as_str()) {
        // Valid JSON, though serde_json files the number under syntax: the
        // value is the problem, at its place.
        (_, "number out of range") => {
            shape_error(path, "number out of range: beyond ±1.8e308", &at)
        }
        (Category::Data, _) => shape_error(path, &message, &at),
        // The path to where it stopped would be as long as the nesting.
        (_, "recursion limit exceeded") => ApiError::new(
            StatusCode::BAD_REQUEST,
            "nested_too_deeply",
            format!(
                "the request body nests arrays and objects more than {MAX_NESTING} levels \
                 deep, the most the service reads ({at})"
            ),
        ),
        (Category::Syntax | Category::Eof | Category::Io, _) => ApiError::new(
            StatusCode::BAD_REQUEST,
            "malformed_json",
            format!("the request body is not valid JSON: {message} {at}"),
        ),
    }
}

/// A body that is JSON but not what the route reads: `message` about the
/// value at `path`, found `at` a line and column.
fn shape_error(path: &str, message: &str, at: &str) -> ApiError {
    let (field, message) = located(path, message, "body");
    let place = match path {
        "" => String::new(),
        _ => format!("{field}: "),
    };
    ApiError {
        detail: format!(
            "the request body does not match the expected shape: {place}{message} ({at})"
        ),
        errors: vec![FieldError::new(field, message)],
        ..ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body", "")
    }
}

/// serde_json's message without the " at line L column C" it ends with.
fn without_position(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    match message.strip_suffix(&suffix) {
        Some(message) => message.to_string(),
        None => message,
    }
}

/// `requester.name`, `transcript[2].role`; empty for the whole value.
fn path_text(path: &serde_path_to_error::Path) -> String {
    match path.iter().next() {
        Some(_) => path.to_string(),
        None => String::new(),
    }
}

/// An error serde found at `path` as `errors[]` gives it: the field is the
/// JSON path of the offending value, or of the key that is missing, or
/// `whole` when the error is about all of it; the message in JSON's words
/// (an array, an object; not serde's sequence and map).
fn located(path: &str, message: &str, whole: &str) -> (String, String) {
    let mut field = path.to_string();
    // A key missing or given twice is named, not what holds it.
    let missing = message
        .strip_prefix("missing field `")
        .or_else(|| message.strip_prefix("duplicate field `"))
        .and_then(|rest| rest.strip_suffix('`'));
    if let Some(key) = missing {
        if !field.is_empty() {
            field.push('.');
        }
        field.push_str(key);
    }
    if field.is_empty() {
        field = whole.to_string();
    }
    let message = message
        .replace("invalid type: sequence", "invalid type: array")
        .replace("invalid type: map", "invalid type: object")
        .replace("expected a sequence", "expected an array")
        .replace("expected a map", "expected an object")
        // A parsed value's words for an enum (a request's are all names).
        .replace("expected string or map", "expected a string");
    (field, message)
}

/// The answer to a body over `limit` bytes.
pub fn too_large(limit: usize) -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "body_too_large",
        format!(
            "the request body is larger than the limit of {} MiB ({limit} bytes)",
            limit / (1024 * 1024)
        ),
    )
}

/// Query parameters.
pub struct ApiQuery<T>(pub T);

impl<S, T> FromRequestParts<S> for ApiQuery<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let raw = parts.uri.query().unwrap_or_default();
        // A NUL would reach the store's search as text no database handles
        // alike: refused here, for every parameter of every list.
        let with_nul: Vec<FieldError> = form_urlencoded::parse(raw.as_bytes())
            .filter(|(name, value)| name.contains('\0') || value.contains('\0'))
            .map(|(name, _)| FieldError::new(name.replace('\0', "\\u0000"), validate::NUL_MESSAGE))
            .collect();
        if !with_nul.is_empty() {
            let detail = format!(
                "invalid query string: {}: {}",
                with_nul[0].field,
                validate::NUL_MESSAGE
            );
            return Err(ApiError {
                errors: with_nul,
                ..ApiError::new(StatusCode::BAD_REQUEST, "invalid_query", detail)
            });
        }
        let query = crate::api::gather_repeated(raw);
        let deserializer =
            serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
        match serde_path_to_error::deserialize::<_, T>(deserializer) {
            Ok(value) => Ok(ApiQuery(value)),
            Err(e) => {
                let message = e
                    .inner()
                    .to_string()
                    .replace("unknown field", "unknown parameter");
                let (field, mut message) = located(&path_text(e.path()), &message, "query");
                let given = form_urlencoded::parse(query.as_bytes())
                    .find(|(name, _)| *name == field)
                    .map(|(_, value)| value);
                if let Some(words) =
                    given.and_then(|given| number_problem(&field, &given, &message))
                {
                    message = words;
                }
                Err(query_refused(field, message))
            }
        }
    }
}

/// The refusal of the query `raw` sent to a route that declares no query
/// parameter: `400 invalid_query` naming the first parameter, as [`ApiQuery`]
/// names one its type does not have, so a client that believes it filters or
/// pages is told it does not. `None` when `raw` holds no parameter (`?`).
pub(crate) fn undeclared_query(raw: &str) -> Option<ApiError> {
    let (name, _) = form_urlencoded::parse(raw.as_bytes()).next()?;
    let mut shown: String = name.chars().take(MAX_ECHOED_SEGMENT).collect();
    if shown.len() < name.len() {
        shown.push('…');
    }
    let shown = shown.replace('\0', "\\u0000");
    let message = format!("unknown parameter `{shown}`: this endpoint takes no query parameters");
    Some(query_refused(shown, message))
}

/// The answer to a query parameter `field` that does not read as its type
/// (`message` says why): `400 invalid_query`, whether serde found it or a
/// route reading the parameter itself did.
pub(crate) fn query_refused(field: String, message: String) -> ApiError {
    ApiError {
        detail: format!("invalid query string: {field}: {message}"),
        errors: vec![FieldError::new(field, message)],
        ..ApiError::new(StatusCode::BAD_REQUEST, "invalid_query", "")
    }
}

/// What is wrong with `given`, the value of the query parameter `field`
/// that serde could not read as a number, in words, with the range of a
/// page's `limit`: Rust's own ("invalid digit found in string") names neither
/// the value nor what it should be. Every number a query takes is a whole
/// number, 0 or more. `None` for other errors.
fn number_problem(field: &str, given: &str, message: &str) -> Option<String> {
    let problem = match message {
        "invalid digit found in string" | "cannot parse integer from empty string" => {
            "is not a whole number (0 or more)"
        }
        "number too large to fit in target type" => "is too large",
        _ => return None,
    };
    let shown: String = given.chars().take(MAX_ECHOED_SEGMENT).collect();
    let more = if shown.len() < given.len() { "…" } else { "" };
    let range = match field {
        "limit" => format!(": use 1 to {}", crate::api::MAX_PAGE_LIMIT),
        _ => String::new(),
    };
    Some(format!("'{shown}{more}' {problem}{range}"))
}

/// Path parameters: a segment of the wrong type is refused naming the
/// parameter, in words (axum says "Invalid URL: Cannot parse `abc` to a `u64`").
pub struct ApiPath<T>(pub T);

impl<S, T> FromRequestParts<S> for ApiPath<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(value)) => Ok(ApiPath(value)),
            Err(PathRejection::FailedToDeserializePathParams(failed)) => {
                // A parameter read alone, or by position, is reported without
                // its name: the route's parameters say it.
                let names = match RawPathParams::from_request_parts(parts, state).await {
                    Ok(params) => params.iter().map(|(name, _)| name.to_string()).collect(),
                    Err(_) => Vec::new(),
                };
                Err(path_rejection(failed.into_kind(), &names))
            }
            // A handler reading parameters its route does not have.
            Err(other) => Err(ApiError::internal(other.body_text())),
        }
    }
}

/// The most of a path segment repeated in an error.
const MAX_ECHOED_SEGMENT: usize = 64;

/// The answer to a path parameter that did not read as its type; `names`
/// are the route's parameters, in order.
fn path_rejection(kind: PathErrorKind, names: &[String]) -> ApiError {
    let name = |index: usize| names.get(index).cloned().unwrap_or_else(|| "path".into());
    let (parameter, value, problem) = match kind {
        PathErrorKind::ParseErrorAtKey {
            key,
            value,
            expected_type,
        } => {
            let problem = type_problem(&key, &value, expected_type);
            (key, value, problem)
        }
        PathErrorKind::ParseErrorAtIndex {
            index,
            value,
            expected_type,
        } => {
            let parameter = name(index);
            let problem = type_problem(&parameter, &value, expected_type);
            (parameter, value, problem)
        }
        PathErrorKind::ParseError {
            value,
            expected_type,
        } => {
            let parameter = name(0);
            let problem = type_problem(&parameter, &value, expected_type);
            (parameter, value, problem)
        }
        PathErrorKind::InvalidUtf8InPathParam { key } => {
            let message = "is not UTF-8 text once percent-decoded";
            return invalid_path_message(&key, message.into());
        }
        PathErrorKind::DeserializeError {
            key,
            value,
            message,
        } => (key, value, format!(": {message}")),
        other => return ApiError::internal(other),
    };
    invalid_path(&parameter, &value, &problem)
}

/// 400 `invalid_path`: path parameter `parameter`'s `value` (echoed up to
/// [`MAX_ECHOED_SEGMENT`] characters) and what is wrong with it (`problem`:
/// "is not a whole number").
pub(crate) fn invalid_path(parameter: &str, value: &str, problem: &str) -> ApiError {
    let shown: String = value.chars().take(MAX_ECHOED_SEGMENT).collect();
    let more = if shown.len() < value.len() { "…" } else { "" };
    let separator = if problem.starts_with(':') { "" } else { " " };
    invalid_path_message(parameter, format!("'{shown}{more}'{separator}{problem}"))
}

fn invalid_path_message(parameter: &str, message: String) -> ApiError {
    ApiError {
        detail: format!("the path parameter `{parameter}` is invalid: {message}"),
        errors: vec![FieldError::new(parameter, message)],
        ..ApiError::new(StatusCode::BAD_REQUEST, "invalid_path", "")
    }
}

/// What is wrong with `value`, which did not read as the Rust type
/// `expected_type`, in words. Digits alone are a whole number, only one too
/// large for any ticket (or other thing `parameter` numbers) to have.
fn type_problem(parameter: &str, value: &str, expected_type: &str) -> String {
    let unsigned = matches!(
        expected_type,
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize"
    );
    if unsigned && !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return match parameter {
            "number" => "is too large: no ticket has a number this large".into(),
            _ => format!("is too large: no {parameter} is this large"),
        };
    }
    format!("is not {}", what_is(expected_type))
}

/// What a value of the Rust type `expected_type` is, in words.
fn what_is(expected_type: &str) -> &'static str {
    match expected_type {
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => "a whole number (0 or more)",
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "a whole number",
        "f32" | "f64" => "a number",
        "bool" => "`true` or `false`",
        _ => "a value this parameter takes",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::response::IntoResponse;

    async fn parts(response: axum::response::Response) -> (StatusCode, String, Vec<u8>) {
        let status = response.status();
        let content_type = response.headers()[axum::http::header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .to_string();
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        (status, content_type, body.to_vec())
    }

    #[tokio::test]
    async fn a_json_body_is_the_value_serialized_as_axum_json_would() {
        let value = serde_json::json!({"items": [{"number": 10001, "subject": "Caf\u{e9} \"A\"\n"}], "next_cursor": null});
        let (status, content_type, body) = parts(JsonBody(&value).into_response()).await;
        let (_, axum_type, axum_body) = parts(axum::Json(&value).into_response()).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(content_type, axum_type);
        assert_eq!(content_type, "application/json");
        assert_eq!(body, axum_body);
        assert_eq!(
            serde_json::from_slice::<serde_json::Value>(&body).unwrap(),
            value
        );
    }

    #[tokio::test]
    async fn a_written_page_is_the_page_serialized_or_its_lines_with_the_cursor_in_a_header() {
        let items = [
            serde_json::json!({"number": 10002, "subject": "Caf\u{e9} \"A\"\n", "fields": {"a": [1, {"b": "x,y"}]}}),
            serde_json::json!({"number": 10001, "fields": {}}),
            serde_json::json!({"number": 10000}),
        ];
        for next_cursor in [None, Some("2026-11-20T00:00:00.000000Z|10001".to_string())] {
            for count in [0, 1, 3] {
                let items = items[..count].to_vec();
                let page = crate::api::Page {
                    items: items.clone(),
                    next_cursor: next_cursor.clone(),
                };
                let lines: String = items.iter().map(|item| format!("{item}\n")).collect();
                let written = |as_lines| WrittenPage {
                    lines: lines.clone().into_bytes(),
                    next_cursor: next_cursor.clone(),
                    as_lines,
                };

                let (status, content_type, body) = parts(written(false).into_response()).await;
                assert_eq!(status, StatusCode::OK);
                assert_eq!(content_type, "application/json");
                assert_eq!(
                    String::from_utf8(body).unwrap(),
                    serde_json::to_string(&page).unwrap()
                );

                let response = written(true).into_response();
                let cursor = response.headers().get(NEXT_CURSOR_HEADER).cloned();
                let (status, content_type, body) = parts(response).await;
                assert_eq!(status, StatusCode::OK);
                assert_eq!(content_type, JSON_LINES);
                assert_eq!(String::from_utf8(body).unwrap(), lines);
                assert_eq!(cursor.map(|c| c.to_str().unwrap().to_string()), next_cursor);
            }
        }
    }

    #[test]
    fn json_lines_are_answered_when_accepted_before_json() {
        let accepts = |values: &[&str]| {
            let mut headers = axum::http::HeaderMap::new();
            for value in values {
                headers.append(axum::http::header::ACCEPT, value.parse().unwrap());
            }
            accepts_json_lines(&headers)
        };
        assert!(accepts(&["application/x-ndjson"]));
        assert!(accepts(&["Application/X-NDJSON"]));
        assert!(accepts(&["application/json, application/x-ndjson"]));
        assert!(accepts(&["application/json;q=0.5", "application/x-ndjson"]));
        assert!(accepts(&[
            "application/x-ndjson;q=0.9, application/json;q=0.8"
        ]));
        assert!(!accepts(&[]));
        assert!(!accepts(&["*/*"]));
        assert!(!accepts(&["application/json"]));
        assert!(!accepts(&["application/x-ndjson;q=0"]));
        assert!(!accepts(&["application/x-ndjson;q=nonsense"]));
        assert!(!accepts(&["application/x-ndjson;q=0.5, application/json"]));
    }

    #[test]
    fn a_media_type_is_taken_by_its_own_range_or_a_wildcard_unless_weighed_zero() {
        let accepts = |values: &[&str], media: &str| {
            let mut headers = axum::http::HeaderMap::new();
            for value in values {
                headers.append(axum::http::header::ACCEPT, value.parse().unwrap());
            }
            accepts(&headers, media)
        };
        let json = "application/json";
        assert!(accepts(&[], json), "no Accept takes anything");
        assert!(accepts(&["*/*"], json));
        assert!(accepts(&["application/*"], json));
        assert!(accepts(&["Application/JSON"], json));
        assert!(accepts(&["text/html", "application/json;q=0.1"], json));
        assert!(accepts(&["*/*;q=0.8"], json));
        assert!(!accepts(&["text/*"], json));
        assert!(!accepts(&["text/event-stream"], json));
        assert!(!accepts(&["application/xml"], json));
        assert!(!accepts(&["*/*;q=0"], json));
        assert!(
            !accepts(&["application/json;q=0, */*"], json),
            "the most specific wins"
        );
        assert!(accepts(&["*/*;q=0, application/*"], json));
        assert!(accepts(&["text/*"], "text/event-stream"));
        assert!(!accepts(&["application/*"], "text/event-stream"));
    }

    #[test]
    fn an_error_is_located_at_its_json_path_in_jsons_words() {
        let at = |path, message| located(path, message, "body");
        assert_eq!(
            at("transcript[2].role", "unknown variant `bot`"),
            ("transcript[2].role".into(), "unknown variant `bot`".into())
        );
        // A missing key is where it should have been.
        assert_eq!(at("", "missing field `agent`").0, "agent");
        assert_eq!(
            at("transcript[0]", "missing field `role`").0,
            "transcript[0].role"
        );
        assert_eq!(
            at("", "invalid type: sequence, expected a map"),
            (
                "body".into(),
                "invalid type: array, expected an object".into()
            )
        );
        assert_eq!(
            at("teams", "invalid type: map, expected a sequence").1,
            "invalid type: object, expected an array"
        );
    }

    #[test]
    fn a_path_parameter_error_names_the_parameter_and_echoes_little() {
        let names = ["kind".to_string(), "id".to_string()];
        let error = path_rejection(
            PathErrorKind::ParseErrorAtIndex {
                index: 1,
                value: "9".repeat(200),
                expected_type: "u64",
            },
            &names,
        );
        assert_eq!(error.status, StatusCode::BAD_REQUEST);
        assert_eq!(error.errors[0].field, "id");
        let message = &error.errors[0].message;
        assert!(
            message.ends_with("…' is too large: no id is this large"),
            "{message}"
        );
        assert!(message.len() < 120, "{message}");
        let error = path_rejection(
            PathErrorKind::ParseError {
                value: "99999999999999999999".into(),
                expected_type: "u64",
            },
            &["number".to_string()],
        );
        assert_eq!(error.errors[0].field, "number");
        assert_eq!(
            error.errors[0].message,
            "'99999999999999999999' is too large: no ticket has a number this large"
        );
        for not_a_number in ["-1", "", "1e3", "12a"] {
            let error = path_rejection(
                PathErrorKind::ParseErrorAtKey {
                    key: "number".into(),
                    value: not_a_number.into(),
                    expected_type: "u64",
                },
                &[],
            );
            assert_eq!(
                error.errors[0].message,
                format!("'{not_a_number}' is not a whole number (0 or more)")
            );
        }
        let error = path_rejection(
            PathErrorKind::ParseError {
                value: "abc".into(),
                expected_type: "deskctl::Thing",
            },
            &[],
        );
        assert_eq!(error.errors[0].field, "path");
        assert_eq!(
            error.errors[0].message,
            "'abc' is not a value this parameter takes"
        );
    }

    #[tokio::test]
    async fn a_body_that_cannot_be_serialized_is_an_internal_error_problem() {
        // JSON object keys are strings: serde_json refuses a map keyed by pairs.
        let unserializable: std::collections::BTreeMap<(u8, u8), u8> = [((1, 2), 3)].into();
        let (status, content_type, body) = parts(JsonBody(unserializable).into_response()).await;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(content_type, "application/problem+json");
        let problem: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(problem["code"], "internal_error", "{problem}");
    }
}
