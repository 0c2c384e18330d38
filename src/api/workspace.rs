//! Workspace configuration: AI agents and their handover actions, settings,
//! ticket fields and rules.

use std::collections::BTreeMap;

use jiff::Timestamp;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::Environment;

wire_enum! {
    /// Where a customer talks to an AI agent.
    Channel {
        Web = "web",
        HelpPage = "help-page",
        Telegram = "telegram",
        Whatsapp = "whatsapp",
        Email = "email",
    }
}

wire_enum! {
    /// A ticket's priority, lowest first.
    Priority {
        Low = "low",
        Medium = "medium",
        High = "high",
        Urgent = "urgent",
    }
}

wire_enum! {
    /// How new tickets get an operator.
    AssignmentMethod {
        /// Tickets stay unassigned until someone takes them.
        Manual = "manual",
        /// The available operator with the fewest open tickets.
        Balanced = "balanced",
        /// Available operators in turn.
        RoundRobin = "round-robin",
    }
}

wire_enum! {
    /// The type of a ticket field: what values it holds.
    FieldType {
        Text = "text",
        Number = "number",
        Dropdown = "dropdown",
        Checkbox = "checkbox",
        Date = "date",
    }
}

wire_enum! {
    /// A day of the week; documents also take the three-letter form (`mon`),
    /// as `deskctl hours set --days` does.
    Weekday {
        #[serde(alias = "mon")]
        Monday = "monday",
        #[serde(alias = "tue")]
        Tuesday = "tuesday",
        #[serde(alias = "wed")]
        Wednesday = "wednesday",
        #[serde(alias = "thu")]
        Thursday = "thursday",
        #[serde(alias = "fri")]
        Friday = "friday",
        #[serde(alias = "sat")]
        Saturday = "saturday",
        #[serde(alias = "sun")]
        Sunday = "sunday",
    }
}

/// A day as a document may write it: what the JSON Schema lists for
/// [`Weekday`], whose three-letter forms are serde aliases a derived schema
/// would leave out.
#[derive(schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)]
enum WeekdayName {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    pub fn to_jiff(self) -> jiff::civil::Weekday {
        use jiff::civil::Weekday as W;
        match self {
            Weekday::Monday => W::Monday,
            Weekday::Tuesday => W::Tuesday,
            Weekday::Wednesday => W::Wednesday,
            Weekday::Thursday => W::Thursday,
            Weekday::Friday => W::Friday,
            Weekday::Saturday => W::Saturday,
            Weekday::Sunday => W::Sunday,
        }
    }
}

wire_enum! {
    /// How a rule's conditions combine.
    MatchMode {
        /// Every condition must hold.
        All = "all",
        /// At least one condition must hold.
        Any = "any",
    }
}

wire_enum! {
    /// How a condition compares its field.
    ConditionOp {
        Equals = "equals",
        NotEquals = "not-equals",
        /// The field equals one of `values`.
        In = "in",
        /// The field contains `value` as a substring.
        Contains = "contains",
        /// The field matches the regular expression `value`.
        Matches = "matches",
        /// The field is present (for context keys and the requester's email).
        Exists = "exists",
    }
}

wire_enum! {
    /// Which list a rule belongs to.
    RuleKind {
        /// Conditions → a ticket priority.
        Priority = "priority",
        /// Conditions → a team.
        Assignment = "assignment",
    }
}

/// An AI agent that may hand conversations over to people.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Agent {
    /// Unique slug, e.g. `shop-assistant`.
    pub key: String,
    pub name: String,
    /// The agent's handover action, when it has one.
    #[serde(default)]
    pub handover: Option<HandoverAction>,
    #[schema(value_type = String, format = DateTime)]
    #[serde(serialize_with = "crate::api::instant::serialize")]
    pub created_at: Timestamp,
    #[schema(value_type = String, format = DateTime)]
    #[serde(serialize_with = "crate::api::instant::serialize")]
    pub updated_at: Timestamp,
}

/// `POST /v1/agents`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AgentCreate {
    pub key: String,
    pub name: String,
}

/// `PATCH /v1/agents/{key}`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AgentUpdate {
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::api::not_null::deserialize"
    )]
    #[schema(nullable = false)]
    pub name: Option<String>,
}

/// What the customer sees while waiting for, and once connected to, a person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HandoverLabels {
    /// Shown while the customer waits for a person.
    #[serde(default = "default_waiting_label")]
    #[schemars(
        length(min = 1, max = crate::domain::validate::MAX_TEXT_CHARS),
        regex(pattern = crate::domain::validate::NOT_BLANK_PATTERN)
    )]
    pub waiting: String,
    /// Shown once a person has joined.
    #[serde(default = "default_connected_label")]
    #[schemars(
        length(min = 1, max = crate::domain::validate::MAX_TEXT_CHARS),
        regex(pattern = crate::domain::validate::NOT_BLANK_PATTERN)
    )]
    pub connected: String,
}

impl Default for HandoverLabels {
    fn default() -> Self {
        Self {
            waiting: default_waiting_label(),
            connected: default_connected_label(),
        }
    }
}

fn default_waiting_label() -> String {
    "Connecting you with a member of our team…".into()
}

fn default_connected_label() -> String {
    "You are now chatting with a member of our team.".into()
}

fn default_action_name() -> String {
    "Escalate_To_Human".into()
}

fn default_auto_reply() -> String {
    "Our team is not available right now. We have your message and will get back to you as soon as we can."
        .into()
}

fn default_platform() -> String {
    "inbox".into()
}

fn default_channels() -> Vec<Channel> {
    vec![Channel::Web, Channel::HelpPage]
}

fn yes() -> bool {
    true
}

/// An agent's handover action ("Escalate to Human"): when and how the agent
/// hands a conversation to people. `PUT /v1/agents/{key}/handover` takes it whole;
/// absent fields take their defaults.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(extend(
    "if" = {"properties": {"enabled": {"const": false}}, "required": ["enabled"]},
    "else" = {"properties": {"channels": {"minItems": 1}}},
))]
pub struct HandoverAction {
    /// What the agent calls the action, e.g. `Escalate_To_Human`.
    #[serde(default = "default_action_name")]
    #[schemars(regex(pattern = crate::domain::validate::ACTION_NAME_UNTRIMMED_PATTERN))]
    pub name: String,
    /// Whether the agent offers the action; a disabled one is kept but never used.
    #[serde(default = "yes")]
    pub enabled: bool,
    /// `inbox` (Desk's own) or the kind of a connected integration.
    #[serde(default = "default_platform")]
    #[schemars(example = &"zendesk", transform = platform_names)]
    pub platform: String,
    /// Guidance for the agent: what the action does, what data moves, when to use it.
    #[serde(default)]
    #[schemars(
        length(max = crate::domain::validate::MAX_GUIDANCE_CHARS),
        example = &"Use when the customer asks for a person or a refund over 100 EUR."
    )]
    pub when_to_use: String,
    /// Where escalation is offered.
    #[serde(default = "default_channels")]
    pub channels: Vec<Channel>,
    /// The priority of tickets no priority rule decides; absent means `medium`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_priority: Option<Priority>,
    /// Show a "talk to a human" button in the chat widget.
    #[serde(default = "yes")]
    pub human_button: bool,
    /// Messages exchanged before the button appears.
    #[serde(default)]
    #[schemars(example = 3)]
    pub message_threshold: u32,
    /// What the customer sees while waiting for, and once connected to, a person.
    #[serde(default)]
    pub labels: HandoverLabels,
    /// Shown when nobody is available (outside business hours, or nobody online).
    #[serde(default = "default_auto_reply")]
    #[schemars(
        length(min = 1, max = crate::domain::validate::MAX_TEXT_CHARS),
        regex(pattern = crate::domain::validate::NOT_BLANK_PATTERN)
    )]
    pub auto_reply: String,
}

/// The platforms a handover action may name, as the schema's choices:
/// Desk's inbox and each integration kind.
fn platform_names(schema: &mut schemars::Schema) {
    let mut names = vec![crate::domain::platform::INBOX];
    names.extend(crate::domain::platform::INTEGRATION_KINDS);
    schema.insert("enum".into(), names.into());
}

impl Default for HandoverAction {
    fn default() -> Self {
        serde_json::from_str("{}").expect("every field has a default")
    }
}

/// Why the human button is hidden.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct HiddenReason {
    /// `no_action`, `action_disabled`, `button_off`, `below_threshold`,
    /// `outside_business_hours` or `nobody_online` (nobody in Desk can answer:
    /// the message says why, e.g. nobody in the team is online and under capacity).
    pub code: String,
    pub message: String,
}

/// `GET /v1/agents/{key}/handover/status`: would the customer see the human
/// button, and what text would they see on escalating.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct HandoverStatus {
    pub agent: String,
    #[schema(value_type = String, format = DateTime)]
    #[serde(serialize_with = "crate::api::instant::serialize")]
    pub at: Timestamp,
    pub messages: u32,
    /// Whether the button is shown.
    pub button_visible: bool,
    /// Every reason it is hidden, in the order they are checked.
    pub hidden_because: Vec<HiddenReason>,
    /// Whether business hours are open at `at` (always true when they are off).
    pub business_hours_open: bool,
    /// The members of `team` who are online, capacity aside (0 when there is
    /// no team); operators online in other teams do not answer its customers.
    /// Only those also under capacity do, and none for an external platform:
    /// `customer_reason` says who can.
    pub operators_online: u32,
    /// The team status assumes the agent's handoffs go to: the first assignment
    /// rule that matches all of the agent's handoffs, else the default team; none
    /// when there is neither. A handoff itself is routed on all its facts.
    #[serde(default)]
    pub team: Option<String>,
    /// Why that team: the rule or the default team.
    #[serde(default)]
    pub team_reason: Option<String>,
    /// Other teams that assignment rules testing more than the agent (channel,
    /// reason, context…) may route some of its handoffs to instead; empty when
    /// the agent's handoffs always go to `team`.
    #[serde(default)]
    pub may_route_to: Vec<String>,
    /// `waiting-label` or `auto-reply`; none when the action is disabled.
    #[serde(default)]
    pub customer_sees: Option<String>,
    /// The text the customer sees on escalating.
    #[serde(default)]
    pub customer_text: Option<String>,
    /// Why they see it: business hours, and for the inbox who in `team` is online
    /// and under capacity (as a handoff's `customer_sees.reason` says); for an
    /// external platform Desk's operators do not count.
    #[serde(default)]
    pub customer_reason: Option<String>,
}

/// Query of `PUT /v1/agents/{key}/handover`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct HandoverPutQuery {
    /// Point the action at an integration whose last connection test failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub force: Option<bool>,
}

/// Query of `GET /v1/agents/{key}/handover/status`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct HandoverStatusQuery {
    /// Messages exchanged so far (default: the threshold, so only other reasons hide it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub messages: Option<u32>,
    /// The moment to evaluate, RFC 3339 (default: now).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(format = DateTime)]
    pub at: Option<String>,
}

/// The support inbox: email to its address opens a ticket handled by people.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend(
    "if" = {"properties": {"enabled": {"const": true}}, "required": ["enabled"]},
    "then" = {"required": ["address"]},
))]
pub struct SupportInbox {
    /// Whether email to the address opens tickets; enabled needs an address.
    #[serde(default)]
    pub enabled: bool,
    /// The address customers write to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        email,
        regex(pattern = crate::domain::validate::EMAIL_PATTERN),
        length(max = crate::domain::validate::MAX_EMAIL_LEN),
        example = &"support@acme.example"
    )]
    pub address: Option<String>,
}

/// `/v1/settings/assignment`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct AssignmentSettings {
    /// `balanced` (the default: the available operator with the fewest open
    /// tickets), `round-robin`, or `manual` (tickets wait to be picked up).
    #[serde(default = "default_method")]
    pub method: AssignmentMethod,
    /// Inbound email to the support address opens a ticket handled by people.
    #[serde(default)]
    pub support_inbox: SupportInbox,
}

fn default_method() -> AssignmentMethod {
    AssignmentMethod::Balanced
}

impl Default for AssignmentSettings {
    fn default() -> Self {
        Self {
            method: default_method(),
            support_inbox: SupportInbox::default(),
        }
    }
}

/// `/v1/settings/business-hours`. When enabled, the human button shows only while open.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BusinessHours {
    /// Whether the hours apply; off, the desk counts as always open.
    #[serde(default)]
    pub enabled: bool,
    /// An IANA time zone, e.g. `Europe/Berlin`, in any case: stored as the time
    /// zone database spells it (`europe/berlin` is `Europe/Berlin`).
    #[serde(default = "default_timezone")]
    #[schemars(example = &"Europe/Berlin")]
    pub timezone: String,
    /// Working days; a span starts on each of them.
    #[serde(default = "default_days")]
    #[schemars(with = "Vec<WeekdayName>", extend("uniqueItems" = true))]
    pub days: Vec<Weekday>,
    /// `HH:MM`, local time.
    #[serde(default = "default_start")]
    #[schemars(regex(pattern = crate::domain::hours::TIME_PATTERN), example = &"08:30")]
    pub start: String,
    /// `HH:MM`, local time; before `start` only with `overnight`.
    #[serde(default = "default_end")]
    #[schemars(regex(pattern = crate::domain::hours::TIME_PATTERN), example = &"18:00")]
    pub end: String,
    /// The span ends the next day (e.g. 22:00–06:00).
    #[serde(default)]
    pub overnight: bool,
    /// Dates (`YYYY-MM-DD`) on which no span starts.
    #[serde(default)]
    #[schemars(
        extend(
            "items" = {
                "type": "string",
                "format": "date",
                "pattern": crate::domain::hours::DATE_PATTERN,
            },
            "uniqueItems" = true,
        ),
        example = ["2026-12-25", "2027-01-01"]
    )]
    pub holidays: Vec<String>,
}

fn default_timezone() -> String {
    "UTC".into()
}

fn default_days() -> Vec<Weekday> {
    vec![
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
    ]
}

fn default_start() -> String {
    "09:00".into()
}

fn default_end() -> String {
    "17:00".into()
}

impl Default for BusinessHours {
    fn default() -> Self {
        serde_json::from_str("{}").expect("every field has a default")
    }
}

/// `GET /v1/settings/business-hours/check?at=T`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct HoursCheck {
    #[schema(value_type = String, format = DateTime)]
    #[serde(serialize_with = "crate::api::instant::serialize")]
    pub at: Timestamp,
    /// `at` in the desk's time zone to the whole second, RFC 9557
    /// (`2026-03-29T09:00:00+02:00[Europe/Berlin]`).
    pub at_desk: String,
    pub enabled: bool,
    pub open: bool,
    /// When open changes to closed or back; none when it never does.
    #[serde(default)]
    #[schema(value_type = Option<String>, format = DateTime)]
    #[serde(serialize_with = "crate::api::instant::serialize_option")]
    pub next_change: Option<Timestamp>,
    #[serde(default)]
    pub next_change_desk: Option<String>,
    /// Why it is closed when that is a holiday, e.g. `closed for the holiday 2026-12-25`.
    #[serde(default)]
    pub note: Option<String>,
}

/// Query of the business-hours check.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AtQuery {
    /// The moment, RFC 3339 (default: now).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(format = DateTime)]
    pub at: Option<String>,
}

/// `/v1/settings/notifications`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct NotificationSettings {
    /// Email every owner when a customer asks for a human (a handoff with reason
    /// `explicit-request`; not when the AI could not resolve it): one alert per ticket.
    #[serde(default)]
    pub email_owners_on_human_request: bool,
}

/// `/v1/settings/handoff`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct HandoffSettings {
    /// Handoffs from development and staging record a preview instead of a ticket.
    #[serde(default = "yes")]
    pub preview_in_non_production: bool,
}

impl Default for HandoffSettings {
    fn default() -> Self {
        Self {
            preview_in_non_production: true,
        }
    }
}

/// A ticket field, set from a context key with the same key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TicketField {
    /// Lowercase letters, digits and dashes, e.g. `order-id`.
    pub key: String,
    pub name: String,
    #[serde(rename = "type")]
    pub field_type: FieldType,
    /// The choices of a dropdown; empty otherwise.
    #[serde(default)]
    pub options: Vec<String>,
    #[schema(value_type = String, format = DateTime)]
    #[serde(serialize_with = "crate::api::instant::serialize")]
    pub created_at: Timestamp,
    #[schema(value_type = String, format = DateTime)]
    #[serde(serialize_with = "crate::api::instant::serialize")]
    pub updated_at: Timestamp,
}

/// `POST /v1/ticket-fields`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TicketFieldCreate {
    pub key: String,
    pub name: String,
    #[serde(rename = "type")]
    pub field_type: FieldType,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
}

/// `PATCH /v1/ticket-fields/{key}`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TicketFieldUpdate {
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::api::not_null::deserialize"
    )]
    #[schema(nullable = false)]
    pub name: Option<String>,
    /// Replaces a dropdown's choices.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::api::not_null::deserialize"
    )]
    #[schema(nullable = false)]
    pub options: Option<Vec<String>>,
}

/// One test of a rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = operands_of_each_op)]
pub struct Condition {
    /// `channel`, `agent`, `environment`, `reason`, `requester.email` or `context.<key>`.
    #[schemars(regex(pattern = crate::domain::rules::FIELD_PATTERN), example = &"context.plan")]
    pub field: String,
    /// How the field is tested: `equals`, `not-equals`, `in`, `contains`,
    /// `matches` (a regular expression) or `exists`.
    pub op: ConditionOp,
    /// The operand of `equals`, `not-equals`, `contains` and `matches`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = &"enterprise")]
    pub value: Option<String>,
    /// The operands of `in`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(example = ["pro", "enterprise"])]
    pub values: Vec<String>,
}

/// States in a condition's schema what `domain::rules::validate_condition`
/// asks of its operands: `value` for the operators that compare with one,
/// a non-empty `values` for `in`, neither for `exists`; and a channel's or an
/// environment's names where one is compared with.
fn operands_of_each_op(schema: &mut schemars::Schema) {
    let when = |ops: &[ConditionOp], then: serde_json::Value| {
        let ops: Vec<&str> = ops.iter().map(|op| op.as_str()).collect();
        serde_json::json!({
            "if": {"properties": {"op": {"enum": ops}}, "required": ["op"]},
            "then": then,
        })
    };
    let none = serde_json::json!({"maxItems": 0});
    let mut rules = vec![
        when(
            &[
                ConditionOp::Equals,
                ConditionOp::NotEquals,
                ConditionOp::Contains,
                ConditionOp::Matches,
            ],
            serde_json::json!({"required": ["value"], "properties": {"values": none}}),
        ),
        when(
            &[ConditionOp::In],
            serde_json::json!({
                "required": ["values"],
                "properties": {"value": false, "values": {"minItems": 1}},
            }),
        ),
        when(
            &[ConditionOp::Exists],
            serde_json::json!({"properties": {"value": false, "values": none}}),
        ),
    ];
    for (field, names) in [
        ("channel", Channel::NAMES),
        ("environment", Environment::NAMES),
    ] {
        let compared =
            [ConditionOp::Equals, ConditionOp::NotEquals, ConditionOp::In].map(ConditionOp::as_str);
        rules.push(serde_json::json!({
            "if": {
                "properties": {"field": {"const": field}, "op": {"enum": compared}},
                "required": ["field", "op"],
            },
            "then": {
                "properties": {
                    "value": {"enum": names},
                    "values": {"items": {"enum": names}},
                },
            },
        }));
    }
    schema.insert("allOf".into(), rules.into());
}

/// An ordered rule: when its conditions hold, it sets a priority (priority rules)
/// or a team (assignment rules). The first matching rule of each list wins.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Rule {
    /// Stable identifier, e.g. `rule_3f9a0c1b2d4e`.
    pub id: String,
    pub kind: RuleKind,
    /// 1-based position in its list.
    pub position: u32,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(rename = "match")]
    pub match_mode: MatchMode,
    pub conditions: Vec<Condition>,
    /// The priority a priority rule sets.
    #[serde(default)]
    pub priority: Option<Priority>,
    /// The team an assignment rule routes to.
    #[serde(default)]
    pub team: Option<String>,
}

/// `POST /v1/rules/{kind}`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleCreate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "match", default = "default_match")]
    pub match_mode: MatchMode,
    pub conditions: Vec<Condition>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    /// Where to insert it, 1-based; default: last.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<u32>,
}

fn default_match() -> MatchMode {
    MatchMode::All
}

/// `POST /v1/rules/{kind}/{id}/move`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleMove {
    /// The new 1-based position.
    pub position: u32,
}

/// A value in a handoff's context object: a string, a number or a boolean.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ContextValue {
    Text(String),
    Number(serde_json::Number),
    Flag(bool),
}

impl ContextValue {
    /// The value as rules compare it.
    pub fn as_text(&self) -> String {
        match self {
            ContextValue::Text(text) => text.clone(),
            ContextValue::Number(number) => number.to_string(),
            ContextValue::Flag(flag) => flag.to_string(),
        }
    }
}

/// The facts of a conversation that rules test.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RuleFacts {
    pub channel: Option<Channel>,
    pub agent: Option<String>,
    pub environment: Option<Environment>,
    pub reason: Option<String>,
    pub requester_email: Option<String>,
    pub context: BTreeMap<String, ContextValue>,
}
