//! The workspace's configuration as one value: what handoffs are decided
//! against, what documents are planned against and applied to, with the
//! stored secrets themselves (never let them leave the service).

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::api::{
    Agent, AssignmentSettings, BusinessHours, DeliverySettings, EmailSettings, FieldError,
    HandoffSettings, IntegrationKind, NotificationSettings, Operator, Priority, Rule, SmtpTls,
    Team, TicketField, secret_fingerprint,
};

/// The workspace's configuration, read in one transaction.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub revision: u64,
    pub operators: Vec<Operator>,
    pub teams: Vec<Team>,
    pub fields: Vec<TicketField>,
    pub assignment: AssignmentSettings,
    pub business_hours: BusinessHours,
    pub notifications: NotificationSettings,
    pub handoff: HandoffSettings,
    /// With the password itself: never let it leave the service.
    pub email: SmtpConfig,
    /// With the secret itself: never let it leave the service.
    pub delivery: WebhookConfig,
    pub priority_rules: Vec<Rule>,
    pub assignment_rules: Vec<Rule>,
    pub agents: Vec<Agent>,
    /// With the secrets themselves: never let them leave the service.
    pub integrations: Vec<Connection>,
}

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

/// The email settings as stored: [`EmailSettings`] with the password itself.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct SmtpConfig {
    #[serde(default)]
    pub host: Option<String>,
    #[serde(default)]
    pub port: Option<u16>,
    #[serde(default)]
    pub username: Option<String>,
    #[serde(default)]
    pub password: Option<String>,
    #[serde(default = "starttls")]
    pub tls: SmtpTls,
    #[serde(default)]
    pub from: Option<String>,
}

fn starttls() -> SmtpTls {
    SmtpTls::Starttls
}

impl Default for SmtpConfig {
    fn default() -> Self {
        serde_json::from_str("{}").expect("every field has a default")
    }
}

impl fmt::Debug for SmtpConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SmtpConfig")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "(redacted)"))
            .field("tls", &self.tls)
            .field("from", &self.from)
            .finish()
    }
}

fn trimmed(value: Option<String>) -> Option<String> {
    value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

impl SmtpConfig {
    /// What the API shows: everything but the password, which only shows as set
    /// or not, and its fingerprint.
    pub fn view(&self) -> EmailSettings {
        EmailSettings {
            host: self.host.clone(),
            port: self.port,
            username: self.username.clone(),
            tls: self.tls,
            from: self.from.clone(),
            password: None,
            password_set: self.password.is_some(),
            password_fingerprint: self.password.as_deref().map(secret_fingerprint),
        }
    }

    /// These settings replaced by `update`: a password left out is kept, `null`
    /// removes it. Blank values count as none.
    pub fn updated(&self, update: EmailSettings) -> SmtpConfig {
        SmtpConfig {
            host: trimmed(update.host),
            port: update.port,
            username: trimmed(update.username),
            password: match update.password {
                None => self.password.clone(),
                Some(password) => password,
            },
            tls: update.tls,
            from: trimmed(update.from),
        }
    }

    /// Every problem with these settings.
    pub fn check(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if let Some(host) = &self.host
            && (host.contains("://") || host.contains(char::is_whitespace) || host.len() > 253)
        {
            errors.push(FieldError::new(
                "host",
                format!("'{host}' is not a host name: use a name like smtp.example.com"),
            ));
        }
        if self.port == Some(0) {
            errors.push(FieldError::new("port", "must be 1 to 65535"));
        }
        match &self.password {
            Some(password) if password.is_empty() => {
                errors.push(FieldError::new(
                    "password",
                    "must not be empty; send null to remove it",
                ));
            }
            Some(_) if self.username.is_none() => {
                errors.push(FieldError::new(
                    "password",
                    "a password needs a username to log in with",
                ));
            }
            _ => {}
        }
        if let Some(from) = &self.from
            && let Err(error) = from.parse::<lettre::message::Mailbox>()
        {
            errors.push(FieldError::new(
                "from",
                format!(
                    "'{from}' is not an address like 'Acme Support <support@acme.example>': {error}"
                ),
            ));
        }
        errors
    }
}

/// The shortest secret accepted.
pub const MIN_SECRET_LEN: usize = 16;

/// The delivery settings as stored: [`DeliverySettings`] with the secret itself.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct WebhookConfig {
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub secret: Option<String>,
}

impl fmt::Debug for WebhookConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WebhookConfig")
            .field("url", &self.url)
            .field("secret", &self.secret.as_ref().map(|_| "(redacted)"))
            .finish()
    }
}

impl WebhookConfig {
    /// What the API shows: the secret only as set or not, and its fingerprint.
    pub fn view(&self) -> DeliverySettings {
        DeliverySettings {
            url: self.url.clone(),
            secret: None,
            secret_set: self.secret.is_some(),
            secret_fingerprint: self.secret.as_deref().map(secret_fingerprint),
        }
    }

    /// These settings replaced by `update`: a secret left out is kept, `null`
    /// removes it.
    pub fn updated(&self, update: DeliverySettings) -> WebhookConfig {
        WebhookConfig {
            url: update
                .url
                .map(|u| u.trim().to_string())
                .filter(|u| !u.is_empty()),
            secret: match update.secret {
                None => self.secret.clone(),
                Some(secret) => secret,
            },
        }
    }

    /// Every problem with these settings. A URL needs a secret: events are
    /// always signed.
    pub fn check(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if let Some(url) = &self.url {
            match url::Url::parse(url) {
                Ok(parsed)
                    if matches!(parsed.scheme(), "http" | "https")
                        && parsed.host_str().is_some() => {}
                _ => errors.push(FieldError::new(
                    "url",
                    format!(
                        "'{url}' is not an http(s) URL like https://ai.example.com/desk/events"
                    ),
                )),
            }
            if self.secret.is_none() {
                errors.push(FieldError::new(
                    "secret",
                    "the delivery webhook needs a signing secret (deliveries are always signed)",
                ));
            }
        }
        if let Some(secret) = &self.secret
            && (secret.chars().count() < MIN_SECRET_LEN || secret.trim() != secret)
        {
            errors.push(FieldError::new(
                "secret",
                format!(
                    "must be at least {MIN_SECRET_LEN} characters, without leading or trailing spaces"
                ),
            ));
        }
        errors
    }
}
