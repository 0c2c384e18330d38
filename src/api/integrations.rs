//! Integrations: connections to the external help desks a handover action can
//! send its tickets to, what each kind needs to connect, how a connection test
//! went, and what the platform has done with a delivered ticket since.

use std::collections::BTreeMap;
use std::fmt;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::Priority;

wire_enum! {
    /// The external platforms Desk delivers tickets to.
    IntegrationKind {
        /// Sendbird Desk (Desk Platform API and Chat API).
        SendbirdDesk = "sendbird-desk",
        /// Freshworks' Freshchat (conversations in a topic).
        Freshchat = "freshchat",
        Freshdesk = "freshdesk",
        /// Zendesk Support (Ticketing API).
        Zendesk = "zendesk",
        /// Salesforce Service Cloud (Cases).
        Salesforce = "salesforce",
        /// Intercom (conversations, or tickets of a ticket type).
        Intercom = "intercom",
        /// Zoho Desk.
        ZohoDesk = "zoho-desk",
    }
}

/// One setting an integration kind takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SettingSpec {
    /// Its name, e.g. `subdomain` or `api-token`.
    pub key: &'static str,
    /// Write-only: taken from stdin, a file, an environment variable or a
    /// prompt, never returned or printed; the service keeps a fingerprint.
    pub secret: bool,
    pub required: bool,
    /// For people: what it is and where to find it.
    pub help: &'static str,
    /// The values it may take, when they are few; empty when any text goes.
    pub choices: &'static [&'static str],
}

const fn setting(key: &'static str, required: bool, help: &'static str) -> SettingSpec {
    SettingSpec {
        key,
        secret: false,
        required,
        help,
        choices: &[],
    }
}

const fn secret(key: &'static str, required: bool, help: &'static str) -> SettingSpec {
    SettingSpec {
        key,
        secret: true,
        required,
        help,
        choices: &[],
    }
}

const SENDBIRD_DESK: &[SettingSpec] = &[
    setting(
        "application-id",
        true,
        "The Sendbird application id (Dashboard > Settings > Application > General); case-sensitive",
    ),
    setting(
        "group-key",
        false,
        "The Desk team (group key) new tickets go to; none lets Desk route them",
    ),
    secret(
        "desk-api-token",
        true,
        "A Desk API token (Dashboard > Settings > Desk > Credentials); also signs Desk's webhooks",
    ),
    secret(
        "chat-api-token",
        true,
        "A Chat API token (master or secondary), to create the customer's chat user and the \
         related chat that holds the agents' note",
    ),
];

const FRESHCHAT: &[SettingSpec] = &[
    setting(
        "chat-url",
        true,
        "The account's chat URL, e.g. https://acme.freshchat.com (Admin Settings > API \
         Settings > Your chat URL); /v2 is added",
    ),
    setting(
        "webhook-public-key",
        false,
        "The RSA public key Freshchat signs its webhooks with (Admin Settings > Conversation \
         Webhooks > Authentication), as shown",
    ),
    secret(
        "api-key",
        true,
        "A Freshchat API key (Admin Settings > API Settings > Generate Token)",
    ),
];

const FRESHDESK: &[SettingSpec] = &[
    setting(
        "domain",
        true,
        "The helpdesk's domain: acme or acme.freshdesk.com",
    ),
    secret(
        "api-key",
        true,
        "The API key of the agent tickets are created as (Profile settings > View API key)",
    ),
    secret(
        "webhook-token",
        false,
        "The value the automation rule's webhook sends in its Authorization header (or as its \
         basic-auth password)",
    ),
];

const ZENDESK: &[SettingSpec] = &[
    setting(
        "subdomain",
        true,
        "The account's subdomain: acme for acme.zendesk.com",
    ),
    setting(
        "email",
        true,
        "The email address of the agent the API token belongs to",
    ),
    secret(
        "api-token",
        true,
        "An API token (Admin Center > Apps and integrations > Zendesk API)",
    ),
    secret(
        "webhook-secret",
        false,
        "The webhook's signing secret, to verify X-Zendesk-Webhook-Signature",
    ),
];

const SALESFORCE: &[SettingSpec] = &[
    setting(
        "my-domain",
        true,
        "The org's My Domain: acme for acme.my.salesforce.com (or the whole host, for sandboxes)",
    ),
    setting(
        "client-id",
        true,
        "The consumer key of the external client app with the client credentials flow enabled",
    ),
    setting(
        "api-version",
        false,
        "The REST API version, e.g. 62.0 (default 62.0)",
    ),
    setting(
        "external-id-field",
        false,
        "The Case text field marked External ID that keeps the handoff id: Cases are upserted \
         by it, so a repeated delivery never makes a second (default Desk_Handoff_Id__c)",
    ),
    setting(
        "contact-id-field",
        false,
        "A Contact field marked External ID (e.g. Desk_Customer_Id__c) that keeps the \
         customer's id on the AI agent platform: a handoff's Case is tied to that Contact",
    ),
    setting(
        "origin",
        false,
        "The Case Origin picklist value (default Email for email handoffs, else Web)",
    ),
    secret("client-secret", true, "The consumer secret of that app"),
    secret(
        "webhook-token",
        false,
        "The value a Flow's HTTP callout sends in its Authorization header",
    ),
];

const INTERCOM: &[SettingSpec] = &[
    SettingSpec {
        key: "region",
        secret: false,
        required: false,
        help: "Where the workspace is hosted (default us)",
        choices: &["us", "eu", "au"],
    },
    setting(
        "admin-id",
        false,
        "The admin that notes and tags are written as (default: the token's own admin, from \
         GET /me)",
    ),
    setting(
        "ticket-type-id",
        false,
        "Create tickets of this ticket type instead of conversations",
    ),
    secret(
        "access-token",
        true,
        "The app's access token (Developer Hub > your app > Authentication)",
    ),
    secret(
        "client-secret",
        false,
        "The app's client secret, to verify X-Hub-Signature on webhooks",
    ),
];

const ZOHO_DESK: &[SettingSpec] = &[
    SettingSpec {
        key: "data-center",
        secret: false,
        required: true,
        help: "The account's data centre: the domain ending of desk.zoho.<dc>",
        choices: &[
            "com", "eu", "in", "com.au", "jp", "com.cn", "ca", "sa", "uk", "ae", "sg",
        ],
    },
    setting("client-id", true, "The OAuth client id (Zoho API Console)"),
    setting(
        "org-id",
        true,
        "The Desk organization id (Setup > Developer Space > API)",
    ),
    setting("department-id", true, "The department new tickets go to"),
    setting(
        "handoff-field",
        false,
        "The ticket custom field (API name) that keeps the handoff id, so a repeated delivery \
         finds the ticket it made (default cf_desk_handoff: create a single-line field \
         \"Desk handoff\")",
    ),
    setting(
        "contact-id-field",
        false,
        "A contact custom field (API name, e.g. cf_desk_customer_id) that keeps the customer's \
         external id, so customers without an email are tied to their contact",
    ),
    secret("client-secret", true, "The OAuth client secret"),
    secret(
        "refresh-token",
        true,
        "An OAuth refresh token with the Desk.tickets.ALL, Desk.contacts.ALL, Desk.basic.READ, \
         Desk.settings.READ and Desk.search.READ scopes",
    ),
    secret(
        "webhook-token",
        false,
        "A token the webhook's URL carries as ?token=…, since Zoho Desk does not sign webhooks",
    ),
];

impl IntegrationKind {
    /// The settings this kind takes, secrets included.
    pub fn settings(self) -> &'static [SettingSpec] {
        match self {
            IntegrationKind::SendbirdDesk => SENDBIRD_DESK,
            IntegrationKind::Freshchat => FRESHCHAT,
            IntegrationKind::Freshdesk => FRESHDESK,
            IntegrationKind::Zendesk => ZENDESK,
            IntegrationKind::Salesforce => SALESFORCE,
            IntegrationKind::Intercom => INTERCOM,
            IntegrationKind::ZohoDesk => ZOHO_DESK,
        }
    }

    /// The setting called `key`, if this kind has one.
    pub fn setting(self, key: &str) -> Option<&'static SettingSpec> {
        self.settings().iter().find(|spec| spec.key == key)
    }

    /// The platform's name for people.
    pub fn title(self) -> &'static str {
        match self {
            IntegrationKind::SendbirdDesk => "Sendbird Desk",
            IntegrationKind::Freshchat => "Freshchat",
            IntegrationKind::Freshdesk => "Freshdesk",
            IntegrationKind::Zendesk => "Zendesk",
            IntegrationKind::Salesforce => "Salesforce",
            IntegrationKind::Intercom => "Intercom",
            IntegrationKind::ZohoDesk => "Zoho Desk",
        }
    }

    /// The priorities the platform takes, where it has a fixed set of them
    /// (Zendesk's, Freshdesk's numbers, Sendbird Desk's): a connection may
    /// map Desk's priorities only to these. None where they are the
    /// workspace's own (Salesforce's and Zoho Desk's picklists, Freshchat's
    /// property) or Desk's own tag (Intercom).
    pub fn priority_values(self) -> Option<&'static [&'static str]> {
        match self {
            IntegrationKind::Zendesk => Some(&["low", "normal", "high", "urgent"]),
            IntegrationKind::Freshdesk => Some(&["1", "2", "3", "4"]),
            IntegrationKind::SendbirdDesk => Some(&["LOW", "MEDIUM", "HIGH", "URGENT"]),
            IntegrationKind::Freshchat
            | IntegrationKind::Salesforce
            | IntegrationKind::Intercom
            | IntegrationKind::ZohoDesk => None,
        }
    }

    /// Where the platform posts its webhooks, under the service's URL.
    pub fn webhook_path(self) -> String {
        format!("/v1/integrations/{self}/webhook")
    }
}

/// `PUT /v1/integrations/{kind}`: connect, or change a connection. Settings and
/// field mappings are replaced whole; a secret that is not named keeps its
/// stored value, and `null` removes it.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct IntegrationPut {
    /// The kind's non-secret settings by name (see `deskctl integrations show KIND`).
    #[serde(default)]
    pub settings: BTreeMap<String, String>,
    /// Write-only: the kind's secrets by name.
    #[serde(default)]
    #[schema(value_type = BTreeMap<String, Option<String>>, write_only)]
    pub secrets: BTreeMap<String, Option<String>>,
    /// Talk to the platform here instead of its documented host: a sandbox, a
    /// proxy, or a test double. `https://…` (or `http://` on loopback).
    #[serde(default)]
    pub base_url: Option<String>,
    /// Context key → the platform's custom field (its id or API name) that
    /// receives its value (converted when a ticket field has that key); or one
    /// of Desk's own values (`desk.team`, `desk.priority`, `desk.reason`,
    /// `desk.handoff`, `desk.agent`, `desk.channel`, `desk.environment`). Every
    /// context key, mapped or not, also reaches agents in the ticket's note.
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
    /// Desk priority → the platform's value, replacing the usual mapping (e.g.
    /// `urgent: Critical` for a Salesforce org with that picklist value).
    #[serde(default)]
    pub priorities: BTreeMap<Priority, String>,
}

impl fmt::Debug for IntegrationPut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secrets: BTreeMap<&str, &str> = self
            .secrets
            .iter()
            .map(|(name, value)| {
                let shown = if value.is_some() {
                    "(redacted)"
                } else {
                    "(remove)"
                };
                (name.as_str(), shown)
            })
            .collect();
        f.debug_struct("IntegrationPut")
            .field("settings", &self.settings)
            .field("secrets", &secrets)
            .field("base_url", &self.base_url)
            .field("fields", &self.fields)
            .field("priorities", &self.priorities)
            .finish()
    }
}

wire_enum! {
    /// Whether a connection works, as far as its last test could tell.
    IntegrationStatus {
        /// Saved, never tested.
        Untested = "untested",
        /// The last test passed.
        Connected = "connected",
        /// The last test failed.
        Error = "error",
    }
}

wire_enum! {
    /// How one check of a connection test went.
    CheckOutcome {
        Ok = "ok",
        /// Works, but something needs attention.
        Warning = "warning",
        Failed = "failed",
    }
}

/// One check of a connection test: a call made, or a prerequisite.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TestCheck {
    /// What was checked, e.g. `credentials` or `web chat topic`.
    pub check: String,
    pub outcome: CheckOutcome,
    /// What was found; on failure, exactly what is wrong and what to do.
    pub message: String,
}

/// `POST /v1/integrations/{kind}/test`: the platform's cheap authenticated call
/// and its prerequisites.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TestReport {
    /// No check failed.
    pub ok: bool,
    #[schema(value_type = String, format = DateTime)]
    #[serde(serialize_with = "crate::api::instant::serialize")]
    pub at: Timestamp,
    pub checks: Vec<TestCheck>,
}

impl TestReport {
    pub fn new(checks: Vec<TestCheck>, at: Timestamp) -> TestReport {
        TestReport {
            ok: checks
                .iter()
                .all(|check| check.outcome != CheckOutcome::Failed),
            at,
            checks,
        }
    }
}

/// A stored secret, as the API shows it: only whether it changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct SecretInfo {
    /// `hmac:` and 12 hex digits, a keyed fingerprint of the secret;
    /// `sealed-sha256:` and 12 hex digits, a hash of its sealed value, while
    /// no key the service holds opens it.
    pub fingerprint: String,
    /// Why the secret cannot be used now: no key the service holds opens it.
    /// Deliveries wait and webhooks are refused with `503` until the key is
    /// back or the secret is entered again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unusable: Option<String>,
}

/// `GET /v1/integrations/{kind}`: a connection, its secrets only as fingerprints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub struct Integration {
    pub kind: IntegrationKind,
    pub settings: BTreeMap<String, String>,
    /// The stored secrets by name.
    pub secrets: BTreeMap<String, SecretInfo>,
    #[serde(default)]
    pub base_url: Option<String>,
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
    #[serde(default)]
    pub priorities: BTreeMap<Priority, String>,
    pub status: IntegrationStatus,
    /// The last connection test.
    #[serde(default)]
    pub last_test: Option<TestReport>,
    /// The path under the service's URL to give the platform for its webhooks.
    pub webhook_path: String,
    #[schema(value_type = String, format = DateTime)]
    #[serde(serialize_with = "crate::api::instant::serialize")]
    pub created_at: Timestamp,
    #[schema(value_type = String, format = DateTime)]
    #[serde(serialize_with = "crate::api::instant::serialize")]
    pub updated_at: Timestamp,
}

wire_enum! {
    /// Where an external ticket stands on its platform.
    ExternalStatus {
        /// Queued for delivery.
        Queued = "queued",
        /// The platform has it; nobody picked it up yet.
        Created = "created",
        /// An agent on the platform took it.
        Assigned = "assigned",
        Resolved = "resolved",
        /// Resolved, then opened again.
        Reopened = "reopened",
        /// Delivery gave up (dead letter); `deskctl integrations retry` queues it again.
        Failed = "failed",
    }
}

wire_enum! {
    /// Where the delivery of a handoff to its platform stands.
    DeliveryState {
        /// Waiting for its first attempt.
        Queued = "queued",
        /// An attempt failed; another is due at `next_attempt_at` (`error` says why).
        Retrying = "retrying",
        /// The platform has the ticket (`id`, `url`).
        Delivered = "delivered",
        /// Given up (`error` says why); `deskctl integrations retry` queues it again.
        Failed = "failed",
    }
}

impl DeliveryState {
    /// Whether the outcome is still to come.
    pub fn is_pending(self) -> bool {
        matches!(self, DeliveryState::Queued | DeliveryState::Retrying)
    }
}

/// The delivery of a handoff to its platform: how it stands and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct DeliveryOutcome {
    pub state: DeliveryState,
    /// Attempts made so far.
    pub attempts: u32,
    /// Why the last attempt failed (`retrying`, `failed`).
    #[serde(default)]
    pub error: Option<String>,
    /// When the next attempt is due (`queued`, `retrying`).
    #[serde(default)]
    #[schema(value_type = Option<String>, format = DateTime)]
    #[serde(serialize_with = "crate::api::instant::serialize_option")]
    pub next_attempt_at: Option<Timestamp>,
}

/// What became of a handoff sent to an external platform.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ExternalTicket {
    pub kind: IntegrationKind,
    /// The outbox message that delivers it.
    pub delivery: u64,
    /// The platform's id of the ticket (conversation, case), once delivered.
    #[serde(default)]
    pub id: Option<String>,
    /// A link to it on the platform, when the platform gives one.
    #[serde(default)]
    pub url: Option<String>,
    pub status: ExternalStatus,
    #[schema(value_type = String, format = DateTime)]
    #[serde(serialize_with = "crate::api::instant::serialize")]
    pub updated_at: Timestamp,
    /// How the delivery stands: queued, retrying, delivered or failed, with the
    /// reason of the last failure.
    pub outcome: DeliveryOutcome,
}

/// `POST /v1/integrations/{kind}/webhook`: what an accepted webhook changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct WebhookReceipt {
    /// Events in the request.
    pub events: u32,
    /// The handoffs whose external status changed: not those an event about
    /// them arrived late for (timed by the platform before the last one
    /// applied).
    pub updated: Vec<String>,
    /// The same event was received before: it was applied then, and nothing
    /// is applied again. Platforms send an event again when they did not get
    /// the first answer, and only a 2xx stops them.
    pub replay: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_needs_a_secret_and_names_each_setting_once() {
        for name in IntegrationKind::NAMES {
            let kind: IntegrationKind = name.parse().unwrap();
            let specs = kind.settings();
            assert!(
                specs.iter().any(|s| s.secret && s.required),
                "{kind} has no required secret"
            );
            let mut keys: Vec<_> = specs.iter().map(|s| s.key).collect();
            keys.sort();
            keys.dedup();
            assert_eq!(keys.len(), specs.len(), "{kind} repeats a setting");
            for spec in specs {
                assert!(
                    spec.key
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                    "{kind}: {}",
                    spec.key
                );
            }
        }
    }

    #[test]
    fn debug_output_never_shows_a_secret() {
        let put = IntegrationPut {
            secrets: [("api-token".to_string(), Some("tok-123456".to_string()))].into(),
            ..IntegrationPut::default()
        };
        let shown = format!("{put:?}");
        assert!(!shown.contains("tok-123456"), "{shown}");
        assert!(shown.contains("(redacted)"));
    }
}
