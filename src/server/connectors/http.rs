//! The HTTP side every connector shares: one client, one attempt timeout, and
//! one reading of what a platform's answer means for a delivery — success,
//! wait as told and try again, or stop with the platform's own message.

use std::time::Duration;

use bytes::Bytes;
use http::{HeaderMap, StatusCode};
use serde::de::DeserializeOwned;

use crate::api::IntegrationKind;
use crate::net::{Failure, describe};

/// The longest one platform call may take.
pub const CALL_TIMEOUT: Duration = Duration::from_secs(20);

/// The HTTP client connectors call their platforms with; built on first use.
#[derive(Debug, Default)]
pub struct Http {
    client: tokio::sync::OnceCell<reqwest::Client>,
}

/// A platform's answer, read whole.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Answer {
    /// The body as `T`; a body the connector cannot read is [`unreadable`].
    pub fn json<T: DeserializeOwned>(&self, kind: IntegrationKind) -> Result<T, Failure> {
        serde_json::from_slice(&self.body).map_err(|error| {
            unreadable(
                kind,
                self,
                &format!("with a body deskctl cannot read ({error})"),
            )
        })
    }

    /// The answer when it is a success, else the [`Failure`] its status
    /// means ([`classify`]), worded with `explain`.
    pub fn success(
        &self,
        kind: IntegrationKind,
        explain: fn(&Answer) -> Option<String>,
    ) -> Result<&Answer, Failure> {
        if self.status.is_success() {
            Ok(self)
        } else {
            Err(classify(kind, self, explain(self)))
        }
    }

    /// The body as loose JSON (`null` when it is not JSON).
    pub fn value(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or(serde_json::Value::Null)
    }
}

impl Http {
    pub async fn client(&self) -> Result<&reqwest::Client, Failure> {
        self.client
            .get_or_try_init(|| async {
                // reqwest is built without a default crypto provider; ring is ours.
                let _ = rustls::crypto::ring::default_provider().install_default();
                reqwest::Client::builder()
                    .connect_timeout(Duration::from_secs(5))
                    .timeout(CALL_TIMEOUT)
                    .redirect(reqwest::redirect::Policy::none())
                    .dns_resolver(crate::net::GuardedResolver)
                    .user_agent(concat!("deskctl/", env!("CARGO_PKG_VERSION")))
                    .build()
            })
            .await
            .map_err(|error| {
                Failure::transient(format!(
                    "cannot build the HTTP client: {}",
                    describe(&error.without_url())
                ))
            })
    }

    /// Sends `request` and reads the whole answer, whatever its status; only a
    /// platform that cannot be reached is a failure (a transient one).
    pub async fn fetch(
        &self,
        kind: IntegrationKind,
        request: reqwest::RequestBuilder,
    ) -> Result<Answer, Failure> {
        let response = request.send().await.map_err(|error| {
            // URLs may carry tokens (Zoho's token call): never show them.
            let error = error.without_url();
            let what = if error.is_timeout() {
                format!("did not answer within {} s", CALL_TIMEOUT.as_secs())
            } else {
                format!("cannot be reached: {}", describe(&error))
            };
            Failure::transient(format!("{} {what}", kind.title()))
        })?;
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.bytes().await.map_err(|error| {
            Failure::transient(format!(
                "{} stopped answering mid-way: {}",
                kind.title(),
                describe(&error.without_url())
            ))
        })?;
        Ok(Answer {
            status,
            headers,
            body,
        })
    }

    /// Sends `request`; a success is the answer, anything else a [`Failure`]
    /// classified by [`classify`], worded with `explain` (which reads the
    /// platform's error body).
    pub async fn send(
        &self,
        kind: IntegrationKind,
        request: reqwest::RequestBuilder,
        explain: fn(&Answer) -> Option<String>,
    ) -> Result<Answer, Failure> {
        let answer = self.fetch(kind, request).await?;
        answer.success(kind, explain)?;
        Ok(answer)
    }
}

/// What a success whose body the connector cannot read (not JSON, empty, or
/// without what it had to say, such as the id of what it made) means, said
/// as `answered {status} {what}`: tried again, never permanent. The platform
/// most likely acted; giving up would tell the AI agent platform to fall back
/// while the ticket exists, whereas the next attempt's duplicate guard looks
/// up what this one made (only a 4xx spares it that) and carries on from it.
pub fn unreadable(kind: IntegrationKind, answer: &Answer, what: &str) -> Failure {
    Failure::transient(format!(
        "{} answered {} {what}: {}",
        kind.title(),
        answer.status,
        excerpt(&answer.body)
    ))
}

/// What a failed answer means: 408, 429 and 5xx are transient, with the wait
/// the platform asked for; other answers are permanent (a 401 will not fix
/// itself, a 422 will not become valid).
pub fn classify(kind: IntegrationKind, answer: &Answer, said: Option<String>) -> Failure {
    let said = said.unwrap_or_else(|| excerpt(&answer.body));
    let mut error = format!("{} answered {}", kind.title(), answer.status);
    if !said.is_empty() {
        error.push_str(": ");
        error.push_str(&said);
    }
    let transient = answer.status == StatusCode::REQUEST_TIMEOUT
        || answer.status == StatusCode::TOO_MANY_REQUESTS
        || answer.status.is_server_error();
    if transient {
        Failure {
            error,
            permanent: false,
            retry_after: wait_asked(&answer.headers),
        }
    } else {
        Failure::permanent(error)
    }
}

/// How long the platform asked to wait: `Retry-After` (seconds or a date),
/// else `X-RateLimit-Reset` (Intercom: a Unix time; small numbers are taken as
/// seconds), else `ratelimit-reset` (Zendesk: seconds).
pub fn wait_asked(headers: &HeaderMap) -> Option<Duration> {
    if let Some(wait) = crate::net::retry_after(headers) {
        return Some(wait);
    }
    let number = |name: &str| -> Option<u64> {
        headers
            .get(name)?
            .to_str()
            .ok()?
            .trim()
            .split('.')
            .next()?
            .parse()
            .ok()
    };
    if let Some(reset) = number("x-ratelimit-reset") {
        // A Unix time has ten digits; a wait in seconds does not.
        if reset > 1_000_000_000 {
            let now = jiff::Timestamp::now().as_second().max(0) as u64;
            return Some(Duration::from_secs(reset.saturating_sub(now)));
        }
        return Some(Duration::from_secs(reset));
    }
    number("ratelimit-reset").map(Duration::from_secs)
}

/// The start of a body, on one line, for an error message.
pub fn excerpt(body: &[u8]) -> String {
    String::from_utf8_lossy(body)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(300)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    fn answer(status: u16, headers: &[(&'static str, &str)], body: &str) -> Answer {
        let mut map = HeaderMap::new();
        for (name, value) in headers {
            map.insert(*name, HeaderValue::from_str(value).unwrap());
        }
        Answer {
            status: StatusCode::from_u16(status).unwrap(),
            headers: map,
            body: Bytes::from(body.to_string()),
        }
    }

    #[test]
    fn rate_limits_and_server_errors_are_transient_with_the_wait_asked() {
        let limited = answer(429, &[("retry-after", "7")], "slow down");
        let failure = classify(IntegrationKind::Zendesk, &limited, None);
        assert!(!failure.permanent);
        assert_eq!(failure.retry_after, Some(Duration::from_secs(7)));
        assert_eq!(
            failure.error,
            "Zendesk answered 429 Too Many Requests: slow down"
        );
        let busy = answer(503, &[], "");
        assert!(!classify(IntegrationKind::Freshdesk, &busy, None).permanent);
    }

    #[test]
    fn a_success_that_cannot_be_read_is_tried_again() {
        for body in ["{not json", "", r#"{"ticket":{}}"#] {
            let made = answer(201, &[], body);
            let failure = made.json::<Ticket>(IntegrationKind::Zendesk).unwrap_err();
            assert!(!failure.permanent, "{body:?}");
            assert!(
                failure
                    .error
                    .starts_with("Zendesk answered 201 Created with a body deskctl cannot read"),
                "{}",
                failure.error
            );
        }
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Ticket {
        ticket: Id,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Id {
        id: u64,
    }

    #[test]
    fn client_errors_are_permanent_with_the_platform_message() {
        for status in [400, 401, 403, 404, 422] {
            let failure = classify(
                IntegrationKind::Zendesk,
                &answer(status, &[("retry-after", "7")], "{}"),
                Some("Couldn't authenticate you".into()),
            );
            assert!(failure.permanent, "{status}");
            assert_eq!(failure.retry_after, None);
            assert!(failure.error.ends_with(": Couldn't authenticate you"));
        }
    }

    #[test]
    fn the_reset_headers_tell_the_wait() {
        let in_30 = (jiff::Timestamp::now().as_second() + 30).to_string();
        let epoch = answer(429, &[("x-ratelimit-reset", &in_30)], "");
        let wait = wait_asked(&epoch.headers).unwrap();
        assert!(wait <= Duration::from_secs(30) && wait >= Duration::from_secs(28));
        let delta = answer(429, &[("ratelimit-reset", "41")], "");
        assert_eq!(wait_asked(&delta.headers), Some(Duration::from_secs(41)));
        assert_eq!(wait_asked(&answer(429, &[], "").headers), None);
    }
}
