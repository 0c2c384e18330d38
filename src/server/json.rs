//! Request-body and query extractors whose rejections are problem+json, with the
//! position and field serde reported, instead of axum's plain-text rejections;
//! and the JSON body every page of a list is answered with (or JSON lines, for
//! a page of tickets).

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use super::error::ApiError;
use crate::api::{FieldError, JSON_LINES, NEXT_CURSOR_HEADER};

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
    let ranges = headers
        .get_all(axum::http::header::ACCEPT)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','));
    for range in ranges {
        let mut parts = range.split(';');
        let media = parts.next().unwrap_or_default().trim();
        let quality = parts
            .filter_map(|parameter| parameter.split_once('='))
            .find(|(name, _)| name.trim().eq_ignore_ascii_case("q"))
            .map_or(1.0, |(_, q)| q.trim().parse::<f32>().unwrap_or(0.0));
        if media.eq_ignore_ascii_case(JSON_LINES) {
            lines = Some(quality);
        } else if media.eq_ignore_ascii_case("application/json") {
            json = Some(quality);
        }
    }
    lines.is_some_and(|lines| lines > 0.0 && json.is_none_or(|json| lines >= json))
}

/// A JSON request body.
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let limit = super::body_limit(req.uri().path());
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(value)) => Ok(ApiJson(value)),
            Err(rejection) => Err(json_rejection(rejection, limit)),
        }
    }
}

/// `limit`: the body limit of the request's path, for the message.
fn json_rejection(rejection: JsonRejection, limit: usize) -> ApiError {
    match rejection {
        JsonRejection::JsonDataError(e) => ApiError {
            errors: vec![FieldError::new("body", source_message(&e))],
            ..ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_body",
                format!(
                    "the request body does not match the expected shape: {}",
                    source_message(&e)
                ),
            )
        },
        JsonRejection::JsonSyntaxError(e) => ApiError::new(
            StatusCode::BAD_REQUEST,
            "malformed_json",
            format!("the request body is not valid JSON: {}", source_message(&e)),
        ),
        JsonRejection::MissingJsonContentType(_) => ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "the request body must be sent with `Content-Type: application/json`",
        ),
        JsonRejection::BytesRejection(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            too_large(limit)
        }
        other => ApiError::new(other.status(), "invalid_body", other.body_text()),
    }
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

/// The innermost error message: serde's, with its line and column.
fn source_message(error: &(dyn std::error::Error + 'static)) -> String {
    let mut current = error;
    while let Some(source) = current.source() {
        current = source;
    }
    current.to_string()
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
        let query = crate::api::gather_repeated(parts.uri.query().unwrap_or_default());
        let deserializer =
            serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
        match serde_path_to_error::deserialize::<_, T>(deserializer) {
            Ok(value) => Ok(ApiQuery(value)),
            Err(e) => Err(ApiError {
                errors: vec![FieldError::new("query", e.to_string())],
                ..ApiError::new(
                    StatusCode::BAD_REQUEST,
                    "invalid_query",
                    format!("invalid query string: {e}"),
                )
            }),
        }
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
