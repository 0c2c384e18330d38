//! Webhook signature schemes platforms use, compared in constant time.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use super::WebhookError;
use crate::server::auth::hex;

/// Base64 of HMAC-SHA256 over `message` (Zendesk: timestamp + body).
pub fn hmac_sha256_base64(key: &[u8], message: &[&[u8]]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes keys of any length");
    for part in message {
        mac.update(part);
    }
    BASE64.encode(mac.finalize().into_bytes())
}

/// `sha1=` and the hex HMAC-SHA1 of `body` (Intercom, Sendbird Desk).
pub fn hmac_sha1_header(key: &[u8], body: &[u8]) -> String {
    let mut mac = Hmac::<Sha1>::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(body);
    format!("sha1={}", hex(&mac.finalize().into_bytes()))
}

/// The hex SHA-256 of a webhook's body: the replay key of platforms that sign
/// nothing, whose bodies carry their own ids and times.
pub fn body_digest(body: &[u8]) -> String {
    hex(&Sha256::digest(body))
}

/// The replay key of an event from a platform that neither signs nor numbers
/// its calls (Freshdesk, Salesforce, Zoho Desk): what the event says it is —
/// the ticket and the time of the change, as `parts` — not the bytes that
/// carried it, so the same event with a trailing space, its keys reordered or
/// its id as a string instead of a number is still the same event.
pub fn event_key(parts: &[&str]) -> String {
    format!("event:{}", parts.join("\u{1f}"))
}

/// The replay key of a JSON body that lacks the fields naming its event: a
/// digest of its canonical form (keys sorted, no insignificant whitespace,
/// strings trimmed), so formatting alone never makes a replay look new. A
/// body that is not JSON keys by its bytes (it is refused as malformed later).
pub fn canonical_key(body: &[u8]) -> String {
    match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(value) => {
            let mut text = String::new();
            canonical(&value, &mut text);
            format!("json:{}", hex(&Sha256::digest(text.as_bytes())))
        }
        Err(_) => body_digest(body),
    }
}

fn canonical(value: &serde_json::Value, out: &mut String) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(key.trim().to_string()).to_string());
                out.push(':');
                canonical(&map[key], out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(item, out);
            }
            out.push(']');
        }
        Value::String(text) => out.push_str(&Value::String(text.trim().to_string()).to_string()),
        other => out.push_str(&other.to_string()),
    }
}

/// Whether `given` equals `expected`, in time that does not depend on where
/// they differ.
pub fn same(given: &str, expected: &str) -> bool {
    given.len() == expected.len() && bool::from(given.as_bytes().ct_eq(expected.as_bytes()))
}

/// Checks a header against the value it must have, naming the header when it
/// is missing or wrong.
pub fn check_header(given: Option<&str>, expected: &str, header: &str) -> Result<(), WebhookError> {
    match given {
        None => Err(WebhookError::Unauthenticated(format!(
            "the request is not signed: no {header} header"
        ))),
        Some(given) if same(given.trim(), expected) => Ok(()),
        Some(_) => Err(WebhookError::Unauthenticated(format!(
            "the {header} signature does not match the body"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmac_sha256_matches_a_known_value() {
        // printf '%s' '1700000000{"a":1}' | openssl dgst -sha256 -hmac secret -binary | base64
        assert_eq!(
            hmac_sha256_base64(b"secret", &[b"1700000000", br#"{"a":1}"#]),
            "86FWgFUUlefScwLE0Z5MvtxlDxn6W0A3PADL6lKmRAY="
        );
    }

    #[test]
    fn hmac_sha1_matches_a_known_value() {
        // printf '%s' '{"a":1}' | openssl dgst -sha1 -hmac secret
        assert_eq!(
            hmac_sha1_header(b"secret", br#"{"a":1}"#),
            "sha1=f8446672f033e4b2beafc5ca3a71eafcd2cafb6e"
        );
    }

    #[test]
    fn headers_are_compared_exactly() {
        assert!(check_header(Some("abc"), "abc", "X-Sig").is_ok());
        assert!(check_header(Some("abd"), "abc", "X-Sig").is_err());
        assert!(check_header(Some("ab"), "abc", "X-Sig").is_err());
        let missing = check_header(None, "abc", "X-Sig").unwrap_err();
        assert_eq!(
            missing,
            WebhookError::Unauthenticated("the request is not signed: no X-Sig header".into())
        );
    }
}

#[cfg(test)]
mod replay_tests {
    use super::*;

    #[test]
    fn formatting_does_not_make_a_body_new() {
        let key = canonical_key(br#"{"a":1,"b":"x"}"#);
        assert_eq!(key, canonical_key(b"{ \"b\" : \"x \",\n \"a\": 1 }  "));
        assert_ne!(key, canonical_key(br#"{"a":2,"b":"x"}"#));
    }
}
