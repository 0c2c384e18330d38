//! The workspace's configuration as one value, [`Snapshot`]: what handoffs are
//! decided against, what documents are planned against, and what every
//! configuration change turns into another value (see [`change`] and
//! [`document::after`]); the store then writes only the difference.
//!
//! A snapshot carries the stored secrets themselves: never let them leave the
//! service.

pub mod change;
pub mod connection;
pub mod document;
pub mod fingerprints;

use std::fmt;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

pub use self::connection::{Connection, DESK_VALUES};
pub use self::fingerprints::Fingerprints;
use crate::api::{
    Agent, AssignmentSettings, BusinessHours, DeliverySettings, EmailSettings, FieldError,
    HandoffSettings, Integration, IntegrationKind, IntegrationStatus, NotificationSettings,
    Operator, Rule, RuleKind, SecretInfo, SmtpTls, Team, TestReport, TicketField,
};
use crate::domain::urls::without_credentials;

/// The place of the SMTP password among the stored secrets.
pub const EMAIL_PASSWORD: &str = "email.password";
/// The place of the delivery webhook's secret among the stored secrets.
pub const DELIVERY_SECRET: &str = "delivery.secret";

/// The workspace's configuration, as one consistent value. Lists are in
/// their stored order: operators by handle, teams and fields and agents by
/// key, integrations by kind, rules by position; each operator's teams and
/// each team's members sorted.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// Moves on with every configuration change (what `If-Match` guards).
    pub revision: u64,
    /// Moves on with every change to anything here, availability and
    /// connection tests included: what caches of the snapshot are keyed by.
    pub generation: u64,
    pub operators: Vec<Operator>,
    pub teams: Vec<Team>,
    pub fields: Vec<TicketField>,
    pub assignment: AssignmentSettings,
    pub business_hours: BusinessHours,
    pub notifications: NotificationSettings,
    pub handoff: HandoffSettings,
    /// With the password itself.
    pub email: SmtpConfig,
    /// With the secret itself.
    pub delivery: WebhookConfig,
    pub priority_rules: Vec<Rule>,
    pub assignment_rules: Vec<Rule>,
    pub agents: Vec<Agent>,
    /// With the secrets themselves.
    pub integrations: Vec<IntegrationRecord>,
    /// The `${env:…}`/`${file:…}` reference each stored secret was applied
    /// from, by [`document::secret_key`], so `export` names it again.
    pub secret_references: std::collections::BTreeMap<String, String>,
    /// How stored secrets show: set by the store that read the snapshot, from
    /// the keys that seal them; never stored.
    pub fingerprints: Fingerprints,
    /// The stored secrets no key at hand opens, by place. They stay sealed
    /// in this snapshot, so what needs one fails (see
    /// [`Snapshot::unusable_secret`]) and everything else works: set by the
    /// store that read the snapshot; never stored.
    pub sealed_away: std::collections::BTreeMap<String, SealedAway>,
}

/// A stored secret no key at hand opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealedAway {
    /// Why, and what to do; never the secret or its sealed value.
    pub why: String,
    /// Whether it is sealed under a key this process lacks, on a database
    /// replicas share: a replica holding that key uses it, so a value sealed
    /// here instead would break it there. (Not so for one that fails to open
    /// under a key at hand, or on a desk of its own.)
    pub key_elsewhere: bool,
}

/// A connected integration: the connection and what its tests found.
#[derive(Debug, Clone, PartialEq)]
pub struct IntegrationRecord {
    pub connection: Connection,
    pub status: IntegrationStatus,
    pub last_test: Option<TestReport>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

impl IntegrationRecord {
    pub fn kind(&self) -> IntegrationKind {
        self.connection.kind
    }

    /// What the API shows: secrets only as fingerprints, and why one cannot
    /// be used, if so (see [`Snapshot::sealed_away`]).
    pub fn view(&self, workspace: &Snapshot) -> Integration {
        let connection = &self.connection;
        let kind = connection.kind;
        Integration {
            kind,
            settings: connection.settings.clone(),
            secrets: connection
                .secrets
                .iter()
                .map(|(name, value)| {
                    let info = SecretInfo {
                        fingerprint: workspace.fingerprints.of(value),
                        unusable: workspace
                            .unusable_secret(&format!("integrations.{kind}.{name}"))
                            .map(str::to_string),
                    };
                    (name.clone(), info)
                })
                .collect(),
            base_url: connection.base_url.as_deref().map(without_credentials),
            fields: connection.fields.clone(),
            priorities: connection.priorities.clone(),
            status: self.status,
            last_test: self.last_test.clone(),
            webhook_path: connection.kind.webhook_path(),
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
    }
}

impl Snapshot {
    /// An empty workspace: what a new desk holds.
    pub fn empty() -> Snapshot {
        Snapshot {
            revision: 1,
            generation: 0,
            operators: Vec::new(),
            teams: Vec::new(),
            fields: Vec::new(),
            assignment: AssignmentSettings::default(),
            business_hours: BusinessHours::default(),
            notifications: NotificationSettings::default(),
            handoff: HandoffSettings::default(),
            email: SmtpConfig::default(),
            delivery: WebhookConfig::default(),
            priority_rules: Vec::new(),
            assignment_rules: Vec::new(),
            agents: Vec::new(),
            integrations: Vec::new(),
            secret_references: Default::default(),
            fingerprints: Fingerprints::unkeyed(),
            sealed_away: Default::default(),
        }
    }

    /// Every stored secret, each with the name of its place
    /// (`email.password`, `delivery.secret`, `integrations.KIND.NAME`): what
    /// the store seals at rest.
    pub fn secrets_mut(&mut self) -> Vec<(String, &mut String)> {
        let mut secrets = Vec::new();
        if let Some(password) = &mut self.email.password {
            secrets.push((EMAIL_PASSWORD.to_string(), password));
        }
        if let Some(secret) = &mut self.delivery.secret {
            secrets.push((DELIVERY_SECRET.to_string(), secret));
        }
        for integration in &mut self.integrations {
            let kind = integration.connection.kind;
            for (name, value) in &mut integration.connection.secrets {
                secrets.push((format!("integrations.{kind}.{name}"), value));
            }
        }
        secrets
    }

    /// Why the secret at `place` (`email.password`, `delivery.secret`)
    /// cannot be used now, if it is sealed away: what would use it must fail
    /// with this, never use the sealed value.
    pub fn unusable_secret(&self, place: &str) -> Option<&str> {
        self.sealed_away.get(place).map(|away| away.why.as_str())
    }

    /// The email settings as the API shows them.
    pub fn email_view(&self) -> EmailSettings {
        self.email
            .view(&self.fingerprints, self.unusable_secret(EMAIL_PASSWORD))
    }

    /// The delivery webhook's settings as the API shows them.
    pub fn delivery_view(&self) -> DeliverySettings {
        self.delivery
            .view(&self.fingerprints, self.unusable_secret(DELIVERY_SECRET))
    }

    /// [`Snapshot::unusable_secret`] for any secret of integration `kind`.
    pub fn unusable_integration_secret(&self, kind: IntegrationKind) -> Option<&str> {
        let prefix = format!("integrations.{kind}.");
        self.sealed_away
            .iter()
            .find(|(place, _)| place.starts_with(&prefix))
            .map(|(_, away)| away.why.as_str())
    }

    pub fn operator(&self, handle: &str) -> Option<&Operator> {
        self.operators.iter().find(|o| o.handle == handle)
    }

    pub fn team(&self, key: &str) -> Option<&Team> {
        self.teams.iter().find(|t| t.key == key)
    }

    pub fn field(&self, key: &str) -> Option<&TicketField> {
        self.fields.iter().find(|f| f.key == key)
    }

    pub fn agent(&self, key: &str) -> Option<&Agent> {
        self.agents.iter().find(|a| a.key == key)
    }

    pub fn integration(&self, kind: IntegrationKind) -> Option<&IntegrationRecord> {
        self.integrations.iter().find(|i| i.kind() == kind)
    }

    pub fn connection(&self, kind: IntegrationKind) -> Option<&Connection> {
        self.integration(kind).map(|i| &i.connection)
    }

    /// The kinds connected now: the platforms a handover action may name.
    pub fn connected_kinds(&self) -> Vec<String> {
        self.integrations
            .iter()
            .map(|i| i.kind().to_string())
            .collect()
    }

    pub fn default_team(&self) -> Option<&str> {
        self.teams
            .iter()
            .find(|t| t.default)
            .map(|t| t.key.as_str())
    }

    pub fn rules(&self, kind: RuleKind) -> &[Rule] {
        match kind {
            RuleKind::Priority => &self.priority_rules,
            RuleKind::Assignment => &self.assignment_rules,
        }
    }

    pub fn rules_mut(&mut self, kind: RuleKind) -> &mut Vec<Rule> {
        match kind {
            RuleKind::Priority => &mut self.priority_rules,
            RuleKind::Assignment => &mut self.assignment_rules,
        }
    }

    /// `next`, made from this snapshot by a change, with the counters it is
    /// stored under: the revision moves on when configuration changed (what a
    /// document describes: not availability, not connection tests), the
    /// generation when anything did. `None` when nothing changed.
    ///
    /// Secrets reach the store sealed, and a secret sealed again reads
    /// differently without having changed, so only their presence is compared
    /// here: whoever seals them says a secret's value changed by moving
    /// `next`'s revision on (see the store's `change_workspace`).
    pub fn changed_to(&self, mut next: Snapshot) -> Option<Snapshot> {
        let secret_changed = next.revision > self.revision;
        next.revision = self.revision;
        next.generation = self.generation;
        if next == *self {
            return None;
        }
        if secret_changed || self.configuration() != next.configuration() {
            next.revision += 1;
        }
        next.generation += 1;
        Some(next)
    }

    /// The configuration as a document, each secret only as present.
    fn configuration(&self) -> crate::api::DeskDocument {
        let mut bare = self.clone();
        for (_, secret) in bare.secrets_mut() {
            secret.clear();
        }
        bare.fingerprints = Fingerprints::unkeyed();
        document::current_document(&bare, document::Audience::Owner)
    }

    /// Every stored secret by the name of its place (see [`Snapshot::secrets_mut`]).
    pub fn secret_values(&self) -> std::collections::BTreeMap<String, String> {
        let mut copy = self.clone();
        copy.secrets_mut()
            .into_iter()
            .map(|(place, value)| (place, value.clone()))
            .collect()
    }
}

/// [`SmtpConfig::check`]'s rule for a host as regular expressions, for the
/// document's JSON Schema: no white space but around it (it is trimmed),
/// and (the schema's `not`) no `://`. Its length is the check's alone.
pub const SMTP_HOST_PATTERN: &str = r"^\s*\S*\s*$";

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

/// A text as `email set` stores it: trimmed, and none when nothing is left.
pub(crate) fn trimmed(value: Option<String>) -> Option<String> {
    value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

impl SmtpConfig {
    /// The port connections go to: the one set, else the TLS mode's own.
    pub fn effective_port(&self) -> u16 {
        self.port.unwrap_or_else(|| self.tls.default_port())
    }

    /// What the API shows: everything but the password, which only shows as set
    /// or not, its fingerprint, and why it cannot be used, if so.
    pub fn view(&self, fingerprints: &Fingerprints, unusable: Option<&str>) -> EmailSettings {
        EmailSettings {
            host: self.host.clone(),
            port: self.port,
            username: self.username.clone(),
            tls: self.tls,
            from: self.from.clone(),
            password: None,
            password_set: self.password.is_some(),
            password_fingerprint: self.password.as_deref().map(|p| fingerprints.of(p)),
            password_unusable: unusable.map(str::to_string),
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
        if self.password.as_deref().is_some_and(|p| !p.is_empty())
            && self.tls == crate::api::SmtpTls::None
            && !self
                .host
                .as_deref()
                .is_some_and(crate::domain::validate::is_loopback_host)
        {
            errors.push(FieldError::new(
                "tls",
                "`none` would send the SMTP password in clear to another host: use \
                 `starttls` or `tls` (plain text only to a relay on this machine)",
            ));
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
    /// What the API shows: the secret only as set or not, its fingerprint, and
    /// why it cannot be used, if so.
    pub fn view(&self, fingerprints: &Fingerprints, unusable: Option<&str>) -> DeliverySettings {
        DeliverySettings {
            url: self.url.as_deref().map(without_credentials),
            secret: None,
            secret_set: self.secret.is_some(),
            secret_fingerprint: self.secret.as_deref().map(|s| fingerprints.of(s)),
            secret_unusable: unusable.map(str::to_string),
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
            if crate::domain::urls::user_info(url).is_some() {
                errors.push(FieldError::new(
                    "url",
                    format!(
                        "'{}' {}: remove them; the receiver verifies each delivery by its \
                         signature, made with the delivery secret",
                        crate::domain::urls::shown_url(url),
                        crate::domain::validate::CARRIES_USER_INFO
                    ),
                ));
            } else if let Err(message) = crate::domain::validate::check_outbound_url(url) {
                errors.push(FieldError::new(
                    "url",
                    format!("{message}; e.g. https://ai.example.com/desk/events"),
                ));
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
