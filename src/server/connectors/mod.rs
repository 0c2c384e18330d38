//! Connectors: one module per external platform, behind one trait.
//!
//! A connector turns an [`Escalation`] (a handoff bound for its platform, as
//! queued in the outbox) into a ticket there, tests a connection, and reads
//! the platform's webhooks. It never touches the store: the delivery worker
//! hands it the [`Connection`] and records what it answers, and the webhook
//! route records the events it reads.
//!
//! Every connector follows the same rules:
//! - it sends what its platform documents (../shared/reference), no more;
//! - it carries the whole handoff: the customer with every identifier, the
//!   mapped values in the platform's fields, and everything else in the
//!   agents' note ([`Escalation::agent_note`]), which goes only where agents
//!   see it; where the customer sees, only the customer's own words;
//! - every create goes through the one duplicate guard, [`create_once`];
//! - rate limits and server errors are transient ([`Http::send`] reads
//!   `Retry-After`, `X-RateLimit-Reset` and `ratelimit-reset`); other 4xx
//!   answers are permanent, with the platform's own message;
//! - errors never carry a secret.

pub mod escalation;
pub mod freshchat;
pub mod freshdesk;
pub mod guard;
pub mod http;
pub mod intercom;
pub mod salesforce;
pub mod sendbird_desk;
pub mod signing;
pub mod zendesk;
pub mod zoho_desk;

use std::collections::BTreeMap;
use std::fmt;
use std::future::Future;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

pub use self::escalation::{DESK_VALUES, Escalation, html_paragraphs, split_bytes};
pub use self::guard::{Lookup, Progress, create_once};
pub use self::http::{Answer, Http};
use super::delivery::Failure;
use crate::api::{
    ExternalStatus, FieldError, IntegrationKind, IntegrationPut, Priority, TestCheck,
};

/// A connection as the service keeps it: settings and secrets in clear.
#[derive(Clone, PartialEq)]
pub struct Connection {
    pub kind: IntegrationKind,
    pub settings: BTreeMap<String, String>,
    pub secrets: BTreeMap<String, String>,
    pub base_url: Option<String>,
    /// Desk field key → the platform's custom field.
    pub fields: BTreeMap<String, String>,
    /// Desk priority → the platform's value, overriding the connector's mapping.
    pub priorities: BTreeMap<Priority, String>,
}

impl fmt::Debug for Connection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Connection")
            .field("kind", &self.kind)
            .field("settings", &self.settings)
            .field("secrets", &self.secrets.keys().collect::<Vec<_>>())
            .field("base_url", &self.base_url)
            .field("fields", &self.fields)
            .field("priorities", &self.priorities)
            .finish()
    }
}

impl Connection {
    /// A non-secret setting, if set.
    pub fn setting(&self, key: &str) -> Option<&str> {
        self.settings
            .get(key)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    /// A secret, if stored.
    pub fn secret(&self, key: &str) -> Option<&str> {
        self.secrets
            .get(key)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    /// A setting the kind requires; its absence is permanent until someone
    /// connects the integration again.
    pub fn required(&self, key: &str) -> Result<&str, Failure> {
        self.setting(key)
            .or_else(|| self.secret(key))
            .ok_or_else(|| {
                Failure::permanent(format!(
                    "the {} integration has no {key}: set it with `deskctl integrations \
                     connect {}`",
                    self.kind.title(),
                    self.kind
                ))
            })
    }

    /// The setting or secret `key` that verifies the platform's webhooks; a
    /// connection without it refuses every webhook, saying how to set it.
    pub fn webhook_key(&self, key: &str) -> Result<&str, WebhookError> {
        self.setting(key)
            .or_else(|| self.secret(key))
            .ok_or_else(|| {
                let kind = self.kind;
                let source = if kind.setting(key).is_some_and(|spec| spec.secret) {
                    format!("--secret {key}=env:VAR")
                } else {
                    format!("--set {key}=…")
                };
                WebhookError::Unauthenticated(format!(
                    "webhooks cannot be verified: {key} is not set (`deskctl integrations connect \
                 {kind} {source}`)"
                ))
            })
    }

    /// The base URL override, without a trailing slash, or `default`.
    pub fn base_url_or(&self, default: impl FnOnce() -> String) -> String {
        self.base_url
            .clone()
            .unwrap_or_else(default)
            .trim_end_matches('/')
            .to_string()
    }

    /// The platform's value for `priority`: the connection's own mapping when
    /// it has one, else the connector's.
    pub fn priority(&self, priority: Priority, usual: impl FnOnce(Priority) -> String) -> String {
        self.priorities
            .get(&priority)
            .cloned()
            .unwrap_or_else(|| usual(priority))
    }
}

/// What a connector made on its platform.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delivered {
    /// The platform's id of the ticket (conversation, case).
    pub id: String,
    /// A link for people, when the platform gives one.
    #[serde(default)]
    pub url: Option<String>,
}

/// A webhook as it arrived: verified against the raw bytes.
#[derive(Debug, Clone, Copy)]
pub struct InboundWebhook<'a> {
    pub headers: &'a ::http::HeaderMap,
    /// The raw query string, if any (some platforms can only add a token there).
    pub query: Option<&'a str>,
    pub body: &'a [u8],
}

impl InboundWebhook<'_> {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// A query parameter's value, percent-decoded.
    pub fn query_param(&self, name: &str) -> Option<String> {
        let query = self.query?;
        serde_urlencoded::from_str::<Vec<(String, String)>>(query)
            .ok()?
            .into_iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value)
    }
}

/// Why a webhook was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WebhookError {
    /// Not signed, signed wrongly, or too old: HTTP 401.
    Unauthenticated(String),
    /// Authentic, but not a body this connector can read: HTTP 400.
    Malformed(String),
}

/// A verified webhook: what identifies it, so the same request twice is
/// refused as a replay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    /// The signature (or the signed material) of the request.
    pub replay_key: String,
}

/// Something the platform did to a ticket Desk delivered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalEvent {
    /// The platform's id of the ticket, as [`Delivered::id`] recorded it.
    pub id: String,
    pub status: ExternalStatus,
}

/// The connection `put` asks for, on top of the stored one (whose secrets a
/// PUT that does not name them keeps), checked against the kind's settings:
/// unknown names, missing required settings, values outside the choices, a
/// base URL that is not `https://` (or `http://` on loopback, for tests).
pub fn merge(
    kind: IntegrationKind,
    put: &IntegrationPut,
    stored: Option<&Connection>,
) -> Result<Connection, Vec<FieldError>> {
    let mut errors = Vec::new();
    let known = |secret: bool| -> String {
        kind.settings()
            .iter()
            .filter(|spec| spec.secret == secret)
            .map(|spec| spec.key)
            .collect::<Vec<_>>()
            .join(", ")
    };
    for (key, value) in &put.settings {
        match kind.setting(key) {
            Some(spec) if !spec.secret => {
                if value.trim().is_empty() {
                    errors.push(FieldError::new(
                        format!("settings.{key}"),
                        "is empty: leave it out instead",
                    ));
                } else if !spec.choices.is_empty() && !spec.choices.contains(&value.as_str()) {
                    errors.push(FieldError::new(
                        format!("settings.{key}"),
                        format!("'{value}' is not one of: {}", spec.choices.join(", ")),
                    ));
                }
            }
            Some(_) => errors.push(FieldError::new(
                format!("settings.{key}"),
                "is a secret: send it in `secrets`, never with the settings",
            )),
            None => errors.push(FieldError::new(
                format!("settings.{key}"),
                format!(
                    "{kind} has no setting '{key}'; its settings: {}",
                    known(false)
                ),
            )),
        }
    }
    let mut secrets = stored.map(|c| c.secrets.clone()).unwrap_or_default();
    for (key, value) in &put.secrets {
        match kind.setting(key) {
            Some(spec) if spec.secret => match value {
                Some(value) if value.is_empty() => errors.push(FieldError::new(
                    format!("secrets.{key}"),
                    "is empty: send null to remove it",
                )),
                Some(value) => {
                    secrets.insert(key.clone(), value.clone());
                }
                None => {
                    secrets.remove(key);
                }
            },
            Some(_) => errors.push(FieldError::new(
                format!("secrets.{key}"),
                "is not a secret: send it in `settings`",
            )),
            None => errors.push(FieldError::new(
                format!("secrets.{key}"),
                format!("{kind} has no secret '{key}'; its secrets: {}", known(true)),
            )),
        }
    }
    for spec in kind.settings().iter().filter(|spec| spec.required) {
        let present = if spec.secret {
            secrets.contains_key(spec.key)
        } else {
            put.settings.contains_key(spec.key)
        };
        if !present {
            let place = if spec.secret { "secrets" } else { "settings" };
            errors.push(FieldError::new(
                format!("{place}.{}", spec.key),
                format!("is required: {}", spec.help),
            ));
        }
    }
    if let Some(url) = &put.base_url
        && let Err(message) = check_base_url(url)
    {
        errors.push(FieldError::new("base-url", message));
    }
    for (key, target) in &put.fields {
        let desk_value = key.starts_with("desk.");
        if desk_value && !DESK_VALUES.contains(&key.as_str()) {
            errors.push(FieldError::new(
                format!("fields.{key}"),
                format!("is not one of Desk's values: {}", DESK_VALUES.join(", ")),
            ));
        } else if !desk_value && crate::server::validate::check_slug(key).is_err() {
            errors.push(FieldError::new(
                format!("fields.{key}"),
                "is not a context key (lowercase letters, digits and dashes) or one of \
                 Desk's values (desk.team, desk.priority, …)",
            ));
        }
        if target.trim().is_empty() {
            errors.push(FieldError::new(
                format!("fields.{key}"),
                "names no platform field",
            ));
        } else if kind == IntegrationKind::Zendesk && target.trim().parse::<u64>().is_err() {
            errors.push(FieldError::new(
                format!("fields.{key}"),
                format!(
                    "'{target}' is not a Zendesk custom field id: Zendesk names its fields by \
                     number (Admin Center > Objects and rules > Fields)"
                ),
            ));
        }
    }
    for (priority, value) in &put.priorities {
        if value.trim().is_empty() {
            errors.push(FieldError::new(
                format!("priorities.{priority}"),
                "names no platform value",
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Connection {
        kind,
        settings: put.settings.clone(),
        secrets,
        base_url: put.base_url.clone(),
        fields: put.fields.clone(),
        priorities: put.priorities.clone(),
    })
}

fn check_base_url(url: &str) -> Result<(), String> {
    let parsed = reqwest::Url::parse(url).map_err(|e| format!("'{url}' is not a URL: {e}"))?;
    let loopback = match parsed.host() {
        Some(url::Host::Domain(name)) => name == "localhost",
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    };
    match parsed.scheme() {
        "https" => {}
        "http" if loopback => {}
        _ => {
            return Err(format!(
                "'{url}' must be https:// (http:// only on this machine, for tests): secrets \
                 travel with every call"
            ));
        }
    }
    if !parsed.username().is_empty() || parsed.password().is_some() || parsed.query().is_some() {
        return Err("must not carry credentials or a query: set them as settings".into());
    }
    Ok(())
}

/// The external status after `event` when it is `current`; none when the
/// event changes nothing. A resolved ticket that is opened or assigned again
/// is reopened; a failed or queued delivery is not moved by webhooks.
pub fn advance(current: ExternalStatus, event: ExternalStatus) -> Option<ExternalStatus> {
    use ExternalStatus::*;
    let next = match (current, event) {
        (Queued | Failed, _) => return None,
        (Resolved, Created | Assigned | Reopened) => Reopened,
        (_, Reopened) if current != Resolved => return None,
        (_, event) => event,
    };
    (next != current).then_some(next)
}

/// One external platform.
pub trait Connector: Sync {
    /// The platform's cheap authenticated call and its prerequisites, each
    /// reported as a check that says exactly what is wrong.
    fn test(
        &self,
        http: &Http,
        connection: &Connection,
    ) -> impl Future<Output = Vec<TestCheck>> + Send;

    /// One attempt at making the ticket for `escalation`, resuming from
    /// `progress` (which it updates as steps complete, success or not).
    fn deliver(
        &self,
        http: &Http,
        connection: &Connection,
        escalation: &Escalation,
        progress: &mut Progress,
    ) -> impl Future<Output = Result<Delivered, Failure>> + Send;

    /// Checks that a webhook comes from the platform, the way it signs.
    fn verify(
        &self,
        connection: &Connection,
        webhook: &InboundWebhook<'_>,
        now: Timestamp,
    ) -> Result<Verified, WebhookError>;

    /// The events in a verified webhook; events about tickets Desk did not
    /// make are for the caller to ignore.
    fn events(&self, webhook: &InboundWebhook<'_>) -> Result<Vec<ExternalEvent>, WebhookError>;
}

/// Runs `$body` with `$connector` bound to the connector of `$kind`.
macro_rules! with_connector {
    ($kind:expr, $connector:ident => $body:expr) => {
        match $kind {
            IntegrationKind::Zendesk => {
                let $connector = zendesk::Zendesk;
                $body
            }
            IntegrationKind::Freshdesk => {
                let $connector = freshdesk::Freshdesk;
                $body
            }
            IntegrationKind::ZohoDesk => {
                let $connector = zoho_desk::ZohoDesk;
                $body
            }
            IntegrationKind::Salesforce => {
                let $connector = salesforce::Salesforce;
                $body
            }
            IntegrationKind::Intercom => {
                let $connector = intercom::Intercom;
                $body
            }
            IntegrationKind::SendbirdDesk => {
                let $connector = sendbird_desk::SendbirdDesk;
                $body
            }
            IntegrationKind::Freshchat => {
                let $connector = freshchat::Freshchat;
                $body
            }
        }
    };
}

/// Tests `connection` with its platform's connector.
pub async fn test(http: &Http, connection: &Connection) -> Vec<TestCheck> {
    with_connector!(connection.kind, c => c.test(http, connection).await)
}

/// One attempt at delivering `escalation` with its platform's connector.
pub async fn deliver(
    http: &Http,
    connection: &Connection,
    escalation: &Escalation,
    progress: &mut Progress,
) -> Result<Delivered, Failure> {
    with_connector!(connection.kind, c => c.deliver(http, connection, escalation, progress).await)
}

/// Verifies a webhook and reads its events with its platform's connector.
pub fn receive(
    connection: &Connection,
    webhook: &InboundWebhook<'_>,
    now: Timestamp,
) -> Result<(Verified, Vec<ExternalEvent>), WebhookError> {
    with_connector!(connection.kind, c => {
        let verified = c.verify(connection, webhook, now)?;
        Ok((verified, c.events(webhook)?))
    })
}

/// An id as platforms send it, a string or a number, as text; none when it
/// is missing or empty.
pub fn text_or_number(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(text) if !text.is_empty() => Some(text.clone()),
        serde_json::Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

/// A check that passed.
pub fn passed(check: &str, message: impl Into<String>) -> TestCheck {
    TestCheck {
        check: check.to_string(),
        outcome: crate::api::CheckOutcome::Ok,
        message: message.into(),
    }
}

/// A check that failed.
pub fn failed(check: &str, message: impl Into<String>) -> TestCheck {
    TestCheck {
        check: check.to_string(),
        outcome: crate::api::CheckOutcome::Failed,
        message: message.into(),
    }
}

/// A check that passed with something to attend to.
pub fn warning(check: &str, message: impl Into<String>) -> TestCheck {
    TestCheck {
        check: check.to_string(),
        outcome: crate::api::CheckOutcome::Warning,
        message: message.into(),
    }
}

#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    /// An answer with `status` and `body`.
    pub fn answer(status: u16, body: &'static str) -> Answer {
        Answer {
            status: ::http::StatusCode::from_u16(status).unwrap(),
            headers: Default::default(),
            body: bytes::Bytes::from_static(body.as_bytes()),
        }
    }

    /// The events `connector` reads in an unsigned webhook with `body`.
    pub fn events(
        connector: &impl Connector,
        body: &str,
    ) -> Result<Vec<ExternalEvent>, WebhookError> {
        let headers = ::http::HeaderMap::new();
        connector.events(&InboundWebhook {
            headers: &headers,
            query: None,
            body: body.as_bytes(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ExternalStatus::*;

    #[test]
    fn webhooks_move_the_external_status_forward() {
        assert_eq!(advance(Created, Assigned), Some(Assigned));
        assert_eq!(advance(Assigned, Resolved), Some(Resolved));
        assert_eq!(advance(Resolved, Created), Some(Reopened));
        assert_eq!(advance(Resolved, Assigned), Some(Reopened));
        assert_eq!(advance(Resolved, Reopened), Some(Reopened));
        assert_eq!(advance(Reopened, Resolved), Some(Resolved));
        assert_eq!(advance(Assigned, Assigned), None);
        assert_eq!(advance(Assigned, Reopened), None);
        assert_eq!(advance(Queued, Resolved), None);
        assert_eq!(advance(Failed, Assigned), None);
    }

    fn zendesk_put() -> IntegrationPut {
        IntegrationPut {
            settings: [
                ("subdomain".to_string(), "acme".to_string()),
                ("email".to_string(), "admin@acme.example".to_string()),
            ]
            .into(),
            secrets: [("api-token".to_string(), Some("tok-1".to_string()))].into(),
            ..IntegrationPut::default()
        }
    }

    fn fields_of(errors: Vec<FieldError>) -> Vec<String> {
        errors.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_connection_keeps_stored_secrets_it_does_not_name() {
        let first = merge(IntegrationKind::Zendesk, &zendesk_put(), None).unwrap();
        let mut again = zendesk_put();
        again.secrets.clear();
        again
            .secrets
            .insert("webhook-secret".into(), Some("whsec".into()));
        let second = merge(IntegrationKind::Zendesk, &again, Some(&first)).unwrap();
        assert_eq!(second.secret("api-token"), Some("tok-1"));
        assert_eq!(second.secret("webhook-secret"), Some("whsec"));
        let mut removal = zendesk_put();
        removal.secrets = [("webhook-secret".to_string(), None)].into();
        let third = merge(IntegrationKind::Zendesk, &removal, Some(&second)).unwrap();
        assert_eq!(third.secret("webhook-secret"), None);
    }

    #[test]
    fn every_problem_with_a_connection_is_reported_at_once() {
        let mut put = zendesk_put();
        put.settings.remove("email");
        put.settings.insert("domain".into(), "acme".into());
        put.settings.insert("api-token".into(), "leak".into());
        put.secrets.insert("subdomain".into(), Some("x".into()));
        put.base_url = Some("http://zendesk.example".into());
        put.fields.insert("Order ID".into(), "360".into());
        let errors = fields_of(merge(IntegrationKind::Zendesk, &put, None).unwrap_err());
        assert_eq!(
            errors,
            [
                "settings.api-token",
                "settings.domain",
                "secrets.subdomain",
                "settings.email",
                "base-url",
                "fields.Order ID"
            ]
        );
    }

    #[test]
    fn mappings_name_context_keys_or_desks_values_and_zendesk_fields_by_number() {
        let mut put = zendesk_put();
        put.fields = [
            ("loyalty-tier", "360001"),
            ("desk.team", "360002"),
            ("desk.mood", "360003"),
            ("order-id", "cf_order"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let errors = merge(IntegrationKind::Zendesk, &put, None).unwrap_err();
        assert_eq!(fields_of(errors), ["fields.desk.mood", "fields.order-id"]);
        let freshdesk = IntegrationPut {
            settings: [("domain".to_string(), "acme".to_string())].into(),
            secrets: [("api-key".to_string(), Some("k".to_string()))].into(),
            fields: [("order-id".to_string(), "cf_order".to_string())].into(),
            ..IntegrationPut::default()
        };
        assert!(merge(IntegrationKind::Freshdesk, &freshdesk, None).is_ok());
    }

    #[test]
    fn a_required_secret_must_be_given_or_stored() {
        let mut put = zendesk_put();
        put.secrets.clear();
        assert_eq!(
            fields_of(merge(IntegrationKind::Zendesk, &put, None).unwrap_err()),
            ["secrets.api-token"]
        );
    }

    #[test]
    fn base_urls_are_https_or_loopback() {
        assert!(check_base_url("https://sandbox.example.com/").is_ok());
        assert!(check_base_url("http://127.0.0.1:8080").is_ok());
        assert!(check_base_url("http://localhost:8080").is_ok());
        assert!(check_base_url("http://example.com").is_err());
        assert!(check_base_url("https://user:pw@example.com").is_err());
        assert!(check_base_url("not a url").is_err());
    }

    #[test]
    fn choices_are_enforced() {
        let put = IntegrationPut {
            settings: [("region".to_string(), "mars".to_string())].into(),
            secrets: [("access-token".to_string(), Some("t".to_string()))].into(),
            ..IntegrationPut::default()
        };
        let errors = merge(IntegrationKind::Intercom, &put, None).unwrap_err();
        assert!(errors[0].message.contains("us, eu, au"), "{:?}", errors);
    }

    #[test]
    fn a_connection_never_shows_its_secrets() {
        let connection = Connection {
            kind: IntegrationKind::Zendesk,
            settings: [("subdomain".to_string(), "acme".to_string())].into(),
            secrets: [("api-token".to_string(), "tok-secret-1".to_string())].into(),
            base_url: None,
            fields: BTreeMap::new(),
            priorities: BTreeMap::new(),
        };
        let shown = format!("{connection:?}");
        assert!(
            !shown.contains("tok-secret-1") && shown.contains("api-token"),
            "{shown}"
        );
    }
}
