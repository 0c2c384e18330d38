//! The declarative workspace document (`apiVersion: deskctl/v1`, `kind: Desk`)
//! and the plan of changes that applying one would make.
//!
//! The document is what `deskctl validate` and `apply` read from YAML, what
//! `export` writes and the body of `PUT /v1/config`. Every section is optional:
//! an absent section is left alone. Types that hold read-only server state
//! (ids, timestamps, `*_set`, fingerprints) have a spec type here without it.

use std::collections::BTreeMap;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{
    AssignmentSettings, BusinessHours, Condition, FieldType, HandoffSettings, HandoverAction,
    IntegrationKind, MatchMode, NotificationSettings, Priority, Role, SmtpTls,
};

wire_enum! {
    /// The version of the document format.
    ApiVersion {
        V1 = "deskctl/v1",
    }
}

wire_enum! {
    /// What the document describes.
    DocumentKind {
        /// A whole Desk workspace.
        Desk = "Desk",
    }
}

/// A whole workspace as one document. Sections that are absent are left alone
/// by `apply`; a present section describes that part of the workspace fully.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(title = "Desk workspace document")]
pub struct DeskDocument {
    /// Always `deskctl/v1`.
    #[serde(rename = "apiVersion")]
    pub api_version: ApiVersion,
    /// Always `Desk`.
    pub kind: DocumentKind,
    /// The people who work tickets, by handle.
    /// One at a time: `deskctl operators add|set|remove`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operators: Option<Vec<OperatorSpec>>,
    /// Groups of operators tickets are routed to; exactly one is the default.
    /// One at a time: `deskctl teams add|set|remove`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend(
        "if" = {"minItems": 1},
        "then" = {
            "contains": {"properties": {"default": {"const": true}}, "required": ["default"]},
            "maxContains": 1,
        },
    ))]
    pub teams: Option<Vec<TeamSpec>>,
    /// Ticket fields, set from handoff context keys of the same key.
    /// One at a time: `deskctl fields add|set|remove`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticket_fields: Option<Vec<TicketFieldSpec>>,
    /// How new tickets get an operator, and the support inbox.
    /// One at a time: `deskctl assignment set`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignment: Option<AssignmentSettings>,
    /// When people are there to answer.
    /// One at a time: `deskctl hours set`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_hours: Option<BusinessHours>,
    /// Who is told what, and when.
    /// One at a time: `deskctl notifications set`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notifications: Option<NotificationSettings>,
    /// How handoffs are treated.
    /// One at a time: `deskctl handoff settings set`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handoff: Option<HandoffSettings>,
    /// The SMTP server replies and notices are sent through.
    /// One at a time: `deskctl email set`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<EmailSpec>,
    /// The AI agent platform's delivery webhook.
    /// One at a time: `deskctl delivery set`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery: Option<DeliverySpec>,
    /// Ordered priority and assignment rules.
    /// One at a time: `deskctl rules add|remove|move`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<RulesSpec>,
    /// Connected external help desks and chat platforms, by kind.
    /// One at a time: `deskctl integrations connect|disconnect`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integrations: Option<Vec<IntegrationSpec>>,
    /// AI agents and their handover actions, by key.
    /// One at a time: `deskctl agents add|set|remove` and `deskctl actions set`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agents: Option<Vec<AgentSpec>>,
}

impl DeskDocument {
    /// A document with no sections: applying it changes nothing.
    pub fn empty() -> Self {
        Self {
            api_version: ApiVersion::V1,
            kind: DocumentKind::Desk,
            operators: None,
            teams: None,
            ticket_fields: None,
            assignment: None,
            business_hours: None,
            notifications: None,
            handoff: None,
            email: None,
            delivery: None,
            rules: None,
            integrations: None,
            agents: None,
        }
    }
}

impl Default for DeskDocument {
    fn default() -> Self {
        Self::empty()
    }
}

fn default_role() -> Role {
    Role::Operator
}

fn is_default_role(role: &Role) -> bool {
    *role == Role::Operator
}

/// An operator as the document states it. Availability is not part of the
/// document: it is the operator's own, changed as they come and go.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct OperatorSpec {
    /// Unique slug: lowercase letters, digits and dashes, e.g. `alice`.
    #[schemars(regex(pattern = crate::domain::validate::SLUG_PATTERN), example = &"alice")]
    pub handle: String,
    /// The name customers see.
    #[schemars(length(min = 1, max = crate::domain::validate::MAX_NAME_LEN), regex(pattern = crate::domain::validate::NOT_BLANK_PATTERN), example = &"Alice Martin")]
    pub name: String,
    /// The address replies are sent from.
    #[schemars(
        email,
        regex(pattern = crate::domain::validate::EMAIL_PATTERN),
        length(max = crate::domain::validate::MAX_EMAIL_LEN),
        example = &"alice@acme.example"
    )]
    pub email: String,
    /// Appended to email replies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = &"Alice, Acme Support")]
    pub signature: Option<String>,
    /// `owner`, `manager` or `operator` (the default).
    #[serde(default = "default_role", skip_serializing_if = "is_default_role")]
    pub role: Role,
    /// Keys of the teams the operator belongs to (the same membership as a
    /// team's `members`; either or both may state it). Left out, the
    /// operator's memberships are left alone; `[]` takes them out of every
    /// team whose `members` the document does not list them in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(inner(regex(pattern = crate::domain::validate::SLUG_PATTERN)), example = ["billing"])]
    pub teams: Option<Vec<String>>,
    /// The most open tickets the operator takes; absent means no limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = 8)]
    pub capacity: Option<u32>,
}

fn is_false(value: &bool) -> bool {
    !value
}

/// A team as the document states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TeamSpec {
    /// Unique slug, e.g. `billing`.
    #[schemars(regex(pattern = crate::domain::validate::SLUG_PATTERN), example = &"billing")]
    pub key: String,
    /// The team's name, as lists and plans show it.
    #[schemars(length(min = 1, max = crate::domain::validate::MAX_NAME_LEN), regex(pattern = crate::domain::validate::NOT_BLANK_PATTERN), example = &"Billing")]
    pub name: String,
    /// Tickets no assignment rule routes go to the default team; exactly one
    /// team of the section is the default.
    #[serde(default, skip_serializing_if = "is_false")]
    pub default: bool,
    /// Handles of the members (the same membership as an operator's `teams`).
    /// Left out, the team's memberships are left alone; `[]` takes out every
    /// operator whose `teams` the document does not list it in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(inner(regex(pattern = crate::domain::validate::SLUG_PATTERN)), example = ["alice", "bob"])]
    pub members: Option<Vec<String>>,
}

/// A ticket field as the document states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(extend(
    "if" = {"properties": {"type": {"const": "dropdown"}}, "required": ["type"]},
    "then" = {"required": ["options"], "properties": {"options": {"minItems": 1}}},
    "else" = {"properties": {"options": {"maxItems": 0}}},
))]
pub struct TicketFieldSpec {
    /// Lowercase letters, digits and dashes, e.g. `order-id`; handoff context
    /// keys of the same name fill it.
    #[schemars(regex(pattern = crate::domain::validate::SLUG_PATTERN), example = &"order-id")]
    pub key: String,
    /// The field's name, as operators see it on a ticket.
    #[schemars(length(min = 1, max = crate::domain::validate::MAX_NAME_LEN), regex(pattern = crate::domain::validate::NOT_BLANK_PATTERN), example = &"Order ID")]
    pub name: String,
    /// `text`, `number`, `dropdown`, `checkbox` or `date`.
    #[serde(rename = "type")]
    pub field_type: FieldType,
    /// The choices of a dropdown, each once; only dropdowns have them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(
        inner(regex(pattern = crate::domain::validate::NOT_BLANK_PATTERN)),
        extend("uniqueItems" = true),
        example = ["free", "pro", "enterprise"]
    )]
    pub options: Vec<String>,
}

/// The ordered rule lists. An absent list is left alone; rule order matters:
/// the first matching rule of each list wins.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RulesSpec {
    /// Conditions → a ticket priority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<Vec<PriorityRuleSpec>>,
    /// Conditions → a team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignment: Option<Vec<AssignmentRuleSpec>>,
}

fn default_match() -> MatchMode {
    MatchMode::All
}

fn is_match_all(mode: &MatchMode) -> bool {
    *mode == MatchMode::All
}

/// A priority rule: when its conditions hold, the ticket gets `priority`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PriorityRuleSpec {
    /// A name to recognise the rule by in plans and lists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = crate::domain::validate::MAX_NAME_LEN), regex(pattern = crate::domain::validate::NOT_BLANK_PATTERN), example = &"Refunds are urgent")]
    pub name: Option<String>,
    /// `all` (the default) or `any` of the conditions must hold.
    #[serde(
        rename = "match",
        default = "default_match",
        skip_serializing_if = "is_match_all"
    )]
    pub match_mode: MatchMode,
    /// The tests of the handoff; `match` says whether all or any must hold.
    pub conditions: Vec<Condition>,
    /// The priority tickets the rule matches get.
    pub priority: Priority,
}

/// An assignment rule: when its conditions hold, the ticket goes to `team`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct AssignmentRuleSpec {
    /// A name to recognise the rule by in plans and lists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = crate::domain::validate::MAX_NAME_LEN), regex(pattern = crate::domain::validate::NOT_BLANK_PATTERN), example = &"Billing questions")]
    pub name: Option<String>,
    /// `all` (the default) or `any` of the conditions must hold.
    #[serde(
        rename = "match",
        default = "default_match",
        skip_serializing_if = "is_match_all"
    )]
    pub match_mode: MatchMode,
    /// The tests of the handoff; `match` says whether all or any must hold.
    pub conditions: Vec<Condition>,
    /// The key of a team of the workspace.
    #[schemars(regex(pattern = crate::domain::validate::SLUG_PATTERN), example = &"billing")]
    pub team: String,
}

fn default_tls() -> SmtpTls {
    SmtpTls::Starttls
}

/// The SMTP settings as the document states them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct EmailSpec {
    /// The SMTP server's host name; absent means email is not set up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        regex(pattern = crate::domain::workspace::SMTP_HOST_PATTERN),
        extend("not" = {"pattern": "://"}),
        example = &"smtp.acme.example"
    )]
    pub host: Option<String>,
    /// The SMTP port; absent means the TLS mode's usual one (25, 587 or 465).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::api::port::deserialize"
    )]
    #[schemars(with = "Option<u16>", range(min = 1), example = 587)]
    pub port: Option<u16>,
    /// The user name to log in with; absent sends without logging in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = &"desk@acme.example")]
    pub username: Option<String>,
    /// `none`, `starttls` (the default) or `tls`.
    #[serde(default = "default_tls")]
    pub tls: SmtpTls,
    /// The sender of the desk's own mail, e.g. `Acme Support <support@acme.example>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = &"Acme Support <support@acme.example>")]
    pub from: Option<String>,
    /// The password to log in with: `${env:NAME}` or `${file:PATH}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = &"${env:SMTP_PASSWORD}")]
    pub password: Option<SecretValue>,
}

/// The delivery webhook as the document states it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DeliverySpec {
    /// The platform's delivery webhook (`https://…`); absent means not set up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        url,
        regex(pattern = crate::domain::validate::HTTP_URL_PATTERN),
        example = &"https://ai.acme.example/desk/events"
    )]
    pub url: Option<String>,
    /// The signing secret (16 or more characters): `${env:NAME}` or `${file:PATH}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = &"${env:DESK_WEBHOOK_SECRET}")]
    pub secret: Option<SecretValue>,
}

/// A connected external platform (see `deskctl integrations show KIND` for
/// what each kind takes). At most one integration per kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(transform = settings_of_each_kind)]
pub struct IntegrationSpec {
    /// The platform; handover actions name it as their `platform`.
    pub kind: IntegrationKind,
    /// The kind's non-secret settings by name (subdomain, account, …).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[schemars(example = serde_json::json!({"subdomain": "acme", "email": "desk@acme.example"}))]
    pub settings: BTreeMap<String, String>,
    /// The kind's secrets by name: `${env:NAME}` or `${file:PATH}`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[schemars(example = serde_json::json!({"api-token": "${env:ZENDESK_TOKEN}"}))]
    pub secrets: BTreeMap<String, SecretValue>,
    /// Talk to the platform here instead of its documented host: a sandbox or a proxy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        url,
        regex(pattern = crate::domain::validate::HTTP_URL_PATTERN),
        example = &"https://acme-sandbox.zendesk.com"
    )]
    pub base_url: Option<String>,
    /// Context key (or one of Desk's own values: `desk.team`, `desk.priority`,
    /// `desk.reason`, …) → the platform's custom field that receives its value.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[schemars(example = serde_json::json!({"order-id": "360001234567", "desk.team": "360007654321"}))]
    pub fields: BTreeMap<String, String>,
    /// Desk priority → the platform's value, replacing the usual mapping.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[schemars(
        example = serde_json::json!({"urgent": "critical"}),
        transform = describe_priorities
    )]
    pub priorities: BTreeMap<Priority, String>,
}

/// States, for each kind, the settings and secrets it takes, from the specs
/// `integrations connect` and `validate` check against: their names (any
/// other is refused), which are required, and a setting's choices; a setting
/// is not blank.
fn settings_of_each_kind(schema: &mut schemars::Schema) {
    use serde_json::{Map, Value, json};
    let rules: Vec<Value> = IntegrationKind::NAMES
        .iter()
        .filter_map(|name| name.parse::<IntegrationKind>().ok())
        .map(|kind| {
            let part = |secret: bool| {
                let specs = || kind.settings().iter().filter(move |s| s.secret == secret);
                let properties: Map<String, Value> = specs()
                    .map(|spec| {
                        let mut property = if secret {
                            json!({"$ref": "#/$defs/SecretValue"})
                        } else {
                            json!({
                                "type": "string",
                                "pattern": crate::domain::validate::NOT_BLANK_PATTERN,
                            })
                        };
                        property["description"] = spec.help.into();
                        if !spec.choices.is_empty() {
                            property["enum"] = spec.choices.into();
                        }
                        (spec.key.to_string(), property)
                    })
                    .collect();
                let required: Vec<&str> = specs()
                    .filter(|spec| spec.required)
                    .map(|spec| spec.key)
                    .collect();
                json!({"properties": properties, "required": required, "additionalProperties": false})
            };
            let sections: Vec<&str> = [("settings", false), ("secrets", true)]
                .into_iter()
                .filter(|(_, secret)| {
                    kind.settings()
                        .iter()
                        .any(|spec| spec.secret == *secret && spec.required)
                })
                .map(|(section, _)| section)
                .collect();
            json!({
                "if": {"properties": {"kind": {"const": kind.as_str()}}, "required": ["kind"]},
                "then": {
                    "properties": {"settings": part(false), "secrets": part(true)},
                    "required": sections,
                },
            })
        })
        .collect();
    schema.insert("allOf".into(), rules.into());
}

/// Describes each priority of an integration's `priorities` map, whose
/// properties schemars makes from the enum without a word.
fn describe_priorities(schema: &mut schemars::Schema) {
    let Some(properties) = schema
        .get_mut("properties")
        .and_then(|properties| properties.as_object_mut())
    else {
        return;
    };
    for (priority, property) in properties.iter_mut() {
        if let Some(property) = property.as_object_mut() {
            property.insert(
                "description".into(),
                format!("The platform's value for Desk's `{priority}` priority.").into(),
            );
            // Zendesk's own names, as an example of a platform's values.
            let example = if priority == "medium" {
                "normal"
            } else {
                priority
            };
            property.insert("examples".into(), serde_json::json!([example]));
        }
    }
}

/// An AI agent as the document states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct AgentSpec {
    /// Unique slug, e.g. `shop-assistant`.
    #[schemars(regex(pattern = crate::domain::validate::SLUG_PATTERN), example = &"shop-assistant")]
    pub key: String,
    /// The agent's name, as lists and handoffs show it.
    #[schemars(length(min = 1, max = crate::domain::validate::MAX_NAME_LEN), regex(pattern = crate::domain::validate::NOT_BLANK_PATTERN), example = &"Shop Assistant")]
    pub name: String,
    /// The agent's handover action; absent means the agent has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handover: Option<HandoverAction>,
}

/// A secret in a document: `${env:NAME}` (an environment variable of the
/// process reading the document), `${file:PATH}` (a file, relative to the
/// document's directory) or, warned about, the secret itself.
///
/// On the wire (`PUT /v1/config`) it carries the resolved value; the service
/// describes stored secrets as `${hmac:…}` fingerprints, never values. Its
/// `Debug` never shows the text.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(transparent)]
#[schema(value_type = String)]
#[schemars(transform = SecretValue::schema_forms)]
pub struct SecretValue(pub String);

/// What a [`SecretValue`]'s text says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretForm<'a> {
    /// `${env:NAME}`.
    Env(&'a str),
    /// `${file:PATH}`.
    File(&'a str),
    /// `${hmac:HEX}` (or, from older exports, `${sha256:HEX}`; or
    /// `${sealed-sha256:HEX}`, shown for one no key at hand opens): the
    /// fingerprint of a stored secret.
    Fingerprint(&'a str),
    /// `${…}` that is none of the above.
    Malformed,
    /// The secret itself.
    Literal(&'a str),
}

impl SecretValue {
    /// The prefixes of a stored secret's fingerprint: keyed, the plain hash
    /// of older exports, and the hash of a sealed value no key at hand opens.
    pub const FINGERPRINT_PREFIXES: [&'static str; 3] = ["hmac:", "sha256:", "sealed-sha256:"];

    pub fn new(text: impl Into<String>) -> Self {
        Self(text.into())
    }

    /// The value standing for a stored secret with this fingerprint (`hmac:…`).
    pub fn from_fingerprint(fingerprint: &str) -> Self {
        Self(format!("${{{fingerprint}}}"))
    }

    pub fn form(&self) -> SecretForm<'_> {
        let text = self.0.as_str();
        let Some(inner) = text
            .strip_prefix("${")
            .and_then(|rest| rest.strip_suffix('}'))
        else {
            return SecretForm::Literal(text);
        };
        if let Some(name) = inner.strip_prefix("env:") {
            SecretForm::Env(name)
        } else if let Some(path) = inner.strip_prefix("file:") {
            SecretForm::File(path)
        } else if Self::FINGERPRINT_PREFIXES
            .iter()
            .any(|prefix| inner.starts_with(prefix))
        {
            SecretForm::Fingerprint(inner)
        } else {
            SecretForm::Malformed
        }
    }

    /// Regular expressions of the forms `validate` takes: a reference
    /// (`${env:NAME}` with a name a variable can have, `${file:PATH}` naming
    /// a file), a fingerprint, or a secret written out that does not read as
    /// a mistyped reference (starting with `${`, or naming `${env:` or
    /// `${file:` in it), which is warned about.
    pub const REFERENCE_PATTERN: &'static str = r"^\$\{(env:[A-Za-z_][A-Za-z0-9_]*|file:[\s\S]*\S[\s\S]*|(hmac|sha256|sealed-sha256):[\s\S]*)\}$";
    /// See [`Self::REFERENCE_PATTERN`]: what a secret written out must not match.
    pub const MISTYPED_REFERENCE_PATTERN: &'static str = r"^\s*\$\{|\$\{env:|\$\{file:";

    /// A text that reads as a reference is a well-formed one. (No `anyOf`:
    /// an editor would say only that it matches none of them.)
    fn schema_forms(schema: &mut schemars::Schema) {
        schema.insert(
            "if".into(),
            serde_json::json!({"pattern": Self::MISTYPED_REFERENCE_PATTERN}),
        );
        schema.insert(
            "then".into(),
            serde_json::json!({"pattern": Self::REFERENCE_PATTERN}),
        );
    }

    /// The text: a reference, a fingerprint or the secret itself. Never print it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SecretValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.form() {
            SecretForm::Env(_) | SecretForm::File(_) | SecretForm::Fingerprint(_) => {
                write!(f, "SecretValue({})", self.0)
            }
            SecretForm::Malformed | SecretForm::Literal(_) => f.write_str("SecretValue(redacted)"),
        }
    }
}

wire_enum! {
    /// A top-level section of the document.
    Section {
        Operators = "operators",
        Teams = "teams",
        TicketFields = "ticket-fields",
        Assignment = "assignment",
        BusinessHours = "business-hours",
        Notifications = "notifications",
        Handoff = "handoff",
        Email = "email",
        Delivery = "delivery",
        PriorityRules = "rules.priority",
        AssignmentRules = "rules.assignment",
        Integrations = "integrations",
        Agents = "agents",
    }
}

wire_enum! {
    /// What applying a plan does to one resource.
    ChangeAction {
        /// The resource is created.
        Add = "add",
        /// Some of its fields change.
        Change = "change",
        /// The resource is deleted (only with prune).
        Remove = "remove",
        /// The resource exists but its section does not list it; without prune it stays.
        Unmanaged = "unmanaged",
    }
}

/// One field of a resource that a change sets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, JsonSchema)]
pub struct FieldChange {
    /// The field's document name, e.g. `email` or `handover.channels`.
    pub field: String,
    /// The value now; absent when the field is unset, or when `sensitive`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old: Option<serde_json::Value>,
    /// The value after applying; absent when the field becomes unset, or when `sensitive`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<serde_json::Value>,
    /// A secret: its values are never shown, only that it changes.
    #[serde(default, skip_serializing_if = "is_false")]
    pub sensitive: bool,
}

/// One resource that applying the plan adds, changes or removes, or leaves unmanaged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, JsonSchema)]
pub struct Change {
    pub action: ChangeAction,
    /// The resource: a handle or key, `#2 (name)` for a rule; empty for a
    /// settings section.
    pub resource: String,
    /// What it sets: every field for an add, the differing ones for a change,
    /// none for a remove or unmanaged resource.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldChange>,
    /// What removing an operator also does, beyond the document; absent when
    /// it does nothing more.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effects: Option<RemovalEffects>,
}

/// What removing an operator does to what they hold.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema, JsonSchema,
)]
pub struct RemovalEffects {
    /// Their open and pending tickets, left unassigned.
    pub unassigned_tickets: u64,
    /// Their tokens, revoked.
    pub revoked_tokens: u64,
}

/// The changes to one section, in a stable order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, JsonSchema)]
pub struct SectionPlan {
    pub section: Section,
    pub changes: Vec<Change>,
}

/// How many resources each action touches.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema, JsonSchema,
)]
pub struct PlanSummary {
    pub add: u32,
    pub change: u32,
    pub remove: u32,
    pub unmanaged: u32,
}

impl PlanSummary {
    /// Whether applying would change anything (unmanaged resources change nothing).
    pub fn has_changes(&self) -> bool {
        self.add + self.change + self.remove > 0
    }
}

/// What applying a document would do: `POST /v1/config/plan`, and the first half of apply.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, ToSchema, JsonSchema)]
pub struct Plan {
    /// The workspace revision the plan was made against (opaque); apply refuses
    /// with a conflict when the workspace has moved on since.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<String>,
    /// Sections with at least one change or unmanaged resource, in document order.
    pub sections: Vec<SectionPlan>,
    pub summary: PlanSummary,
    /// What the plan could not check or applying it here will meet, by
    /// document path: a stored secret no key at hand opens, kept as stored
    /// rather than compared; a secret this service has no key to seal, or
    /// must not seal (a replica holding another key than the others). Never
    /// a secret's value.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl Plan {
    pub fn has_changes(&self) -> bool {
        self.summary.has_changes()
    }
}
