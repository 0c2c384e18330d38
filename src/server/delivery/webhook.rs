//! The delivery webhook to the AI agent platform: its stored settings (secret
//! included, never shown), the signature scheme (docs/delivery.md) and one
//! attempt at one event.

use std::time::Duration;

use hmac::{Hmac, KeyInit, Mac};
use http::StatusCode;
use sha2::Sha256;

use super::{Attempt, Failure, describe};
use crate::domain::workspace::WebhookConfig;
use crate::server::auth::hex;

/// `sha256=` and the hex HMAC-SHA256 of `<timestamp>.<raw body>`.
pub const SIGNATURE_HEADER: &str = "x-desk-signature";
/// Unix seconds when the request was signed; part of the signed text.
pub const TIMESTAMP_HEADER: &str = "x-desk-timestamp";
/// The event's id, the same on every attempt.
pub const DELIVERY_HEADER: &str = "x-desk-delivery";
/// The event's type: `reply`, `takeover`, `handoff-delivered` or `handoff-failed`.
pub const EVENT_HEADER: &str = "x-desk-event";
/// The signature of a delivery: `sha256=` and the hex HMAC-SHA256, keyed with
/// the secret, of the timestamp, a dot and the raw body.
pub fn signature(secret: &[u8], timestamp: i64, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes keys of any length");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    format!("sha256={}", hex(&mac.finalize().into_bytes()))
}

/// How an answer settles an attempt: 2xx delivered; 408, 429 and 5xx worth
/// another try (after `Retry-After` when given); anything else permanent.
pub fn classify(status: StatusCode, retry_after: Option<Duration>, body: &str) -> Attempt {
    if status.is_success() {
        return Attempt::Delivered;
    }
    let said: String = body
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(200)
        .collect();
    let mut error = format!("the delivery webhook answered {status}");
    if !said.is_empty() {
        error.push_str(": ");
        error.push_str(&said);
    }
    let transient = status == StatusCode::REQUEST_TIMEOUT
        || status == StatusCode::TOO_MANY_REQUESTS
        || status.is_server_error();
    if status.is_redirection() {
        error.push_str(" (redirects are not followed: set the final URL)");
    }
    Attempt::Failed(Failure {
        error,
        permanent: !transient,
        retry_after: if transient { retry_after } else { None },
    })
}

/// What every event ([`crate::api::DeliveryEvent`], [`crate::api::HandoffEvent`])
/// has, for the headers.
#[derive(serde::Deserialize)]
struct EventHead {
    id: String,
    #[serde(rename = "type")]
    event_type: String,
}

/// Posts events; the HTTP client is built on first use, so a local desk that
/// sends nothing never pays for it.
#[derive(Debug, Default)]
pub struct WebhookSender {
    client: tokio::sync::OnceCell<reqwest::Client>,
}

impl WebhookSender {
    async fn client(&self) -> Result<&reqwest::Client, reqwest::Error> {
        self.client
            .get_or_try_init(|| async {
                // reqwest is built without a default crypto provider; ring is ours.
                let _ = rustls::crypto::ring::default_provider().install_default();
                reqwest::Client::builder()
                    .connect_timeout(Duration::from_secs(5))
                    .redirect(reqwest::redirect::Policy::none())
                    .dns_resolver(crate::net::GuardedResolver)
                    .user_agent(concat!("deskctl/", env!("CARGO_PKG_VERSION")))
                    .build()
            })
            .await
    }

    /// One attempt to post `body` (an event as queued), signed now.
    pub async fn send(&self, config: &WebhookConfig, body: &str, timeout: Duration) -> Attempt {
        let (Some(url), Some(secret)) = (&config.url, &config.secret) else {
            return Attempt::transient(
                "the delivery webhook is not set up: set it with \
                 `deskctl delivery set --url URL --secret-stdin`",
            );
        };
        let event: EventHead = match serde_json::from_str(body) {
            Ok(event) => event,
            Err(error) => return Attempt::permanent(format!("unreadable event: {error}")),
        };
        let client = match self.client().await {
            Ok(client) => client,
            Err(error) => {
                return Attempt::transient(format!(
                    "cannot build the HTTP client: {}",
                    describe(&error.without_url())
                ));
            }
        };
        let timestamp = jiff::Timestamp::now().as_second();
        let request = client
            .post(url)
            .timeout(timeout)
            .header(http::header::CONTENT_TYPE, "application/json")
            .header(TIMESTAMP_HEADER, timestamp.to_string())
            .header(
                SIGNATURE_HEADER,
                signature(secret.as_bytes(), timestamp, body.as_bytes()),
            )
            .header(DELIVERY_HEADER, &event.id)
            .header(EVENT_HEADER, &event.event_type)
            .body(body.to_string());
        let response = match request.send().await {
            Ok(response) => response,
            // The URL may carry a token of the platform's: keep it out of errors.
            Err(error) if error.is_timeout() => {
                return Attempt::transient(format!(
                    "the delivery webhook did not answer within {}",
                    super::seconds(timeout)
                ));
            }
            Err(error) => {
                return Attempt::transient(format!(
                    "cannot reach the delivery webhook: {}",
                    describe(&error.without_url())
                ));
            }
        };
        let status = response.status();
        let retry_after = crate::net::retry_after(response.headers());
        let text = if status.is_success() {
            String::new()
        } else {
            response.text().await.unwrap_or_default()
        };
        classify(status, retry_after, &text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_covers_the_timestamp_and_the_body() {
        // echo -n '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'whsec-0123456789abcdef'
        let signed = signature(b"whsec-0123456789abcdef", 1_700_000_000, br#"{"a":1}"#);
        assert_eq!(
            signed,
            "sha256=d77c78ac4da074c56908b55eac30358b2a7bfc573be4c76819af5102e8dcf939"
        );
        assert_ne!(
            signed,
            signature(b"whsec-0123456789abcdef", 1_700_000_001, br#"{"a":1}"#)
        );
    }

    #[test]
    fn answers_are_classified_as_the_platform_meant_them() {
        let wait = Some(Duration::from_secs(7));
        assert_eq!(
            classify(StatusCode::NO_CONTENT, None, ""),
            Attempt::Delivered
        );
        for status in [408, 429, 500, 502, 503] {
            let status = StatusCode::from_u16(status).unwrap();
            match classify(status, wait, "busy") {
                Attempt::Failed(failure) => {
                    assert!(!failure.permanent, "{status}");
                    assert_eq!(failure.retry_after, wait);
                }
                other => panic!("{other:?}"),
            }
        }
        for status in [301, 400, 401, 404, 410, 422] {
            let status = StatusCode::from_u16(status).unwrap();
            assert!(
                matches!(classify(status, wait, ""), Attempt::Failed(f) if f.permanent && f.retry_after.is_none()),
                "{status}"
            );
        }
    }

    #[test]
    fn a_url_needs_a_long_enough_secret() {
        let config = WebhookConfig {
            url: Some("ftp://x".into()),
            secret: Some("short".into()),
        };
        let fields: Vec<String> = config.check().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["url", "secret"]);
        let no_secret = WebhookConfig {
            url: Some("https://ai.example.com/hook".into()),
            secret: None,
        };
        assert_eq!(no_secret.check()[0].field, "secret");
        assert!(!format!("{config:?}").contains("short"));
    }
}
