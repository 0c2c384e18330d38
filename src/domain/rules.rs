//! Priority and assignment rules: what a condition means, when a rule matches, and
//! which priority and team a handoff gets (design §3, steps 4 and 5).
//!
//! This module owns the semantics of conditions:
//!
//! - Fields: `channel`, `agent`, `environment`, `reason`, `requester.email` and
//!   `context.<key>` (key: lowercase letters, digits and dashes).
//! - A missing fact (no requester email, no such context key, …) never satisfies
//!   `equals`, `in`, `contains`, `matches` or `exists`, and always satisfies
//!   `not-equals`: a ticket without an email is indeed "not from alice@…".
//! - Comparisons are exact and case-sensitive, except on `requester.email`, which
//!   compares case-insensitively (including `matches`): mail systems treat
//!   `Alice@Example.com` and `alice@example.com` as the same mailbox in practice,
//!   and requesters type their address however they like.
//! - `matches` searches for the regular expression anywhere in the value; anchor it
//!   with `^…$` to match the whole value.
//! - Context values compare as text ([`ContextValue::as_text`]): `42`, `true`;
//!   except that `equals`, `not-equals` and `in` compare a number as a number:
//!   `context.items=3` holds for `3`, `3.0` and `3e0` (one value in JSON), and
//!   an operand that is not a number never equals one. `contains` and
//!   `matches` search the number's text.
//! - A condition that [`validate_condition`] rejects never holds (validation keeps
//!   such conditions out of storage; this only makes the evaluation total).
//!
//! Rules are tried in `position` order and the first match wins; a rule without
//! conditions matches everything.
//!
//! [`ContextValue::as_text`]: crate::api::ContextValue::as_text

use std::borrow::Cow;

use regex::{Regex, RegexBuilder};

use crate::api::{
    Channel, Condition, ConditionOp, ContextValue, Environment, MatchMode, Priority, Rule,
    RuleFacts, RuleKind,
};
use crate::domain::field_conditions::same_number;

/// The fields a condition may test, stated in every error about an unknown field.
pub const FIELD_RULE: &str =
    "use channel, agent, environment, reason, requester.email or context.<key>";

/// [`Field::parse`]'s rule as a regular expression, for the document's JSON
/// Schema (a property test holds the two to the same answers).
pub const FIELD_PATTERN: &str =
    r"^(channel|agent|environment|reason|requester\.email|context\.[a-z0-9-]+)$";

/// The rule for context keys, stated in every error about one.
pub const CONTEXT_KEY_RULE: &str = "lowercase letters, digits and dashes only (^[a-z0-9-]+$)";

/// The largest compiled program a `matches` pattern may produce, so that one
/// pathological pattern cannot make every handoff slow.
const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// The field a condition tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field<'a> {
    Channel,
    Agent,
    Environment,
    Reason,
    RequesterEmail,
    /// `context.<key>`, holding the key.
    Context(&'a str),
}

impl<'a> Field<'a> {
    /// Parses a condition's `field`, explaining what is allowed when it is wrong.
    pub fn parse(field: &'a str) -> Result<Self, String> {
        match field {
            "channel" => Ok(Field::Channel),
            "agent" => Ok(Field::Agent),
            "environment" => Ok(Field::Environment),
            "reason" => Ok(Field::Reason),
            "requester.email" => Ok(Field::RequesterEmail),
            _ => match field.strip_prefix("context.") {
                Some(key) if is_context_key(key) => Ok(Field::Context(key)),
                Some(key) => Err(format!(
                    "invalid context key '{key}' in '{field}': use {CONTEXT_KEY_RULE}"
                )),
                None => Err(format!("unknown field '{field}': {FIELD_RULE}")),
            },
        }
    }

    /// The value of this field in `facts`, as text; `None` when it is missing.
    pub fn fact(self, facts: &RuleFacts) -> Option<Cow<'_, str>> {
        match self {
            Field::Channel => facts.channel.map(|channel| Cow::Borrowed(channel.as_str())),
            Field::Agent => facts.agent.as_deref().map(Cow::Borrowed),
            Field::Environment => facts.environment.map(|env| Cow::Borrowed(env.as_str())),
            Field::Reason => facts.reason.as_deref().map(Cow::Borrowed),
            Field::RequesterEmail => facts.requester_email.as_deref().map(Cow::Borrowed),
            Field::Context(key) => facts.context.get(key).map(|value| match value {
                ContextValue::Text(text) => Cow::Borrowed(text.as_str()),
                other => Cow::Owned(other.as_text()),
            }),
        }
    }

    /// Whether comparisons on this field ignore case (see the module documentation).
    fn ignores_case(self) -> bool {
        self == Field::RequesterEmail
    }
}

/// Whether `key` is a usable context key: `^[a-z0-9-]+$`.
pub fn is_context_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// What is wrong with a condition, and which of its keys it is about, so
/// that the error is shown where it was written (a bad pattern at `value`,
/// not at the condition's first line).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ConditionError {
    /// `field`, `op`, `value`, `values` or `values[i]`.
    pub key: String,
    pub message: String,
}

impl ConditionError {
    fn at(key: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            key: key.into(),
            message: message.into(),
        }
    }
}

/// A condition checked once and ready to evaluate: its field parsed and its
/// pattern compiled.
struct Compiled<'c> {
    field: Field<'c>,
    op: ConditionOp,
    value: Option<&'c str>,
    values: &'c [String],
    pattern: Option<Regex>,
}

impl<'c> Compiled<'c> {
    fn new(condition: &'c Condition) -> Result<Self, ConditionError> {
        let field =
            Field::parse(&condition.field).map_err(|error| ConditionError::at("field", error))?;
        let op = condition.op;
        let value = condition.value.as_deref();
        let values = condition.values.as_slice();

        // An operand the operator does not take is wrong where it is written;
        // one it lacks, at the operator that wants it.
        match op {
            ConditionOp::Equals
            | ConditionOp::NotEquals
            | ConditionOp::Contains
            | ConditionOp::Matches => {
                if value.is_none() || !values.is_empty() {
                    return Err(ConditionError::at(
                        if values.is_empty() { "op" } else { "values" },
                        format!("'{op}' compares with one operand: set value (and not values)"),
                    ));
                }
            }
            ConditionOp::In => {
                if values.is_empty() || value.is_some() {
                    return Err(ConditionError::at(
                        if value.is_some() { "value" } else { "op" },
                        "'in' compares with a list: set a non-empty values (and not value)",
                    ));
                }
            }
            ConditionOp::Exists => {
                if value.is_some() || !values.is_empty() {
                    return Err(ConditionError::at(
                        if value.is_some() { "value" } else { "values" },
                        "'exists' only tests that the field is present: set neither value nor \
                         values",
                    ));
                }
            }
        }

        // Channels and environments have fixed names: comparing with any other
        // name is a typo that would silently never (or always) match.
        if matches!(
            op,
            ConditionOp::Equals | ConditionOp::NotEquals | ConditionOp::In
        ) {
            let operands = value
                .map(|value| ("value".to_string(), value))
                .into_iter()
                .chain(
                    values
                        .iter()
                        .enumerate()
                        .map(|(index, value)| (format!("values[{index}]"), value.as_str())),
                );
            for (key, operand) in operands {
                match field {
                    Field::Channel if operand.parse::<Channel>().is_err() => {
                        return Err(ConditionError::at(
                            key,
                            format!(
                                "unknown channel '{operand}': use {}",
                                Channel::NAMES.join(", ")
                            ),
                        ));
                    }
                    Field::Environment if operand.parse::<Environment>().is_err() => {
                        return Err(ConditionError::at(
                            key,
                            format!(
                                "unknown environment '{operand}': use {}",
                                Environment::NAMES.join(", ")
                            ),
                        ));
                    }
                    _ => {}
                }
            }
        }

        let pattern = match (op, value) {
            (ConditionOp::Matches, Some(pattern)) => {
                Some(build_regex(pattern, field.ignores_case()).map_err(|error| {
                    ConditionError::at(
                        "value",
                        format!("'{pattern}' is not a valid regular expression: {error}"),
                    )
                })?)
            }
            _ => None,
        };

        Ok(Compiled {
            field,
            op,
            value,
            values,
            pattern,
        })
    }

    fn holds(&self, facts: &RuleFacts) -> bool {
        let fact = self.field.fact(facts);
        let fold = self.field.ignores_case();
        let number = match self.field {
            Field::Context(key) => match facts.context.get(key) {
                Some(ContextValue::Number(number)) => Some(number),
                _ => None,
            },
            _ => None,
        };
        let same = |a: &str, b: &str| match number {
            // `3`, `3.0` and `3e0` are one JSON value: the text it came as
            // is the sender's serializer's choice, not the customer's fact.
            Some(number) => same_number(number, b),
            None if fold => a.to_lowercase() == b.to_lowercase(),
            None => a == b,
        };
        match (self.op, fact.as_deref(), self.value) {
            (ConditionOp::Exists, fact, _) => fact.is_some(),
            (ConditionOp::Equals, Some(fact), Some(value)) => same(fact, value),
            (ConditionOp::NotEquals, fact, Some(value)) => {
                fact.is_none_or(|fact| !same(fact, value))
            }
            (ConditionOp::In, Some(fact), _) => self.values.iter().any(|value| same(fact, value)),
            (ConditionOp::Contains, Some(fact), Some(value)) => {
                if fold {
                    fact.to_lowercase().contains(&value.to_lowercase())
                } else {
                    fact.contains(value)
                }
            }
            (ConditionOp::Matches, Some(fact), _) => self
                .pattern
                .as_ref()
                .is_some_and(|pattern| pattern.is_match(fact)),
            _ => false,
        }
    }
}

fn build_regex(pattern: &str, ignore_case: bool) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern)
        .case_insensitive(ignore_case)
        .size_limit(REGEX_SIZE_LIMIT)
        .build()
}

/// Checks that a condition can be evaluated: a known field, the operands its
/// operator needs, a compiling pattern, known channel and environment names.
///
/// The error states the rule that was broken, e.g. `unknown field 'chanel': use
/// channel, agent, environment, reason, requester.email or context.<key>`.
pub fn validate_condition(condition: &Condition) -> Result<(), ConditionError> {
    Compiled::new(condition).map(|_| ())
}

/// Whether `condition` holds for `facts` (see the module documentation for missing
/// facts and case). An invalid condition never holds.
pub fn condition_holds(condition: &Condition, facts: &RuleFacts) -> bool {
    Compiled::new(condition).is_ok_and(|compiled| compiled.holds(facts))
}

/// Whether every (`all`) or some (`any`) condition of `rule` holds. A rule without
/// conditions is a catch-all and matches in both modes.
pub fn rule_matches(rule: &Rule, facts: &RuleFacts) -> bool {
    if rule.conditions.is_empty() {
        return true;
    }
    let mut results = rule
        .conditions
        .iter()
        .map(|condition| condition_holds(condition, facts));
    match rule.match_mode {
        MatchMode::All => results.all(|holds| holds),
        MatchMode::Any => results.any(|holds| holds),
    }
}

pub use crate::api::{Decided, DecisionSource};

fn source_of(rule: &Rule) -> DecisionSource {
    DecisionSource::Rule {
        id: rule.id.clone(),
        position: rule.position,
        name: rule.name.clone(),
    }
}

/// The rules of `kind` that yield an outcome, with it, by `position` (then
/// `id`, should two share one). The slice's order does not matter.
fn in_order<'r, T>(
    rules: &'r [Rule],
    kind: RuleKind,
    outcome: impl Fn(&'r Rule) -> Option<T>,
) -> Vec<(&'r Rule, T)> {
    let mut candidates: Vec<(&Rule, T)> = rules
        .iter()
        .filter(|rule| rule.kind == kind)
        .filter_map(|rule| outcome(rule).map(|value| (rule, value)))
        .collect();
    candidates.sort_by(|(a, _), (b, _)| (a.position, &a.id).cmp(&(b.position, &b.id)));
    candidates
}

/// The first rule of `kind`, in order, that matches `facts` and yields an
/// outcome.
fn first_match<'r, T>(
    rules: &'r [Rule],
    kind: RuleKind,
    facts: &RuleFacts,
    outcome: impl Fn(&'r Rule) -> Option<T>,
) -> Option<Decided<T>> {
    in_order(rules, kind, outcome)
        .into_iter()
        .find(|(rule, _)| rule_matches(rule, facts))
        .map(|(rule, value)| Decided {
            value,
            source: source_of(rule),
        })
}

/// A handoff's priority: the first matching priority rule's, else the action's
/// default, else `medium`.
///
/// Only rules of kind `priority` that set a priority take part; a rule without one
/// (which validation never stores) decides nothing.
pub fn decide_priority(
    rules: &[Rule],
    facts: &RuleFacts,
    action_default: Option<Priority>,
) -> Decided<Priority> {
    let default = match action_default {
        Some(value) => Decided {
            value,
            source: DecisionSource::ActionDefault,
        },
        None => Decided {
            value: Priority::Medium,
            source: DecisionSource::Fallback,
        },
    };
    first_match(rules, RuleKind::Priority, facts, |rule| rule.priority).unwrap_or(default)
}

/// A handoff's team: the first matching assignment rule's, else the default team,
/// else none.
///
/// Only rules of kind `assignment` that name a team take part.
pub fn decide_team(
    rules: &[Rule],
    facts: &RuleFacts,
    default_team: Option<&str>,
) -> Decided<Option<String>> {
    first_match(rules, RuleKind::Assignment, facts, |rule| rule.team.clone())
        .map(|decided| Decided {
            value: Some(decided.value),
            source: decided.source,
        })
        .unwrap_or_else(|| match default_team {
            Some(team) => Decided {
                value: Some(team.to_string()),
                source: DecisionSource::DefaultTeam,
            },
            None => Decided {
                value: None,
                source: DecisionSource::NoTeam,
            },
        })
}

/// Where an AI agent's handoffs go when nothing but the agent is known, as
/// `actions status` assumes it (a handoff itself is routed by
/// [`decide_team`], on all its facts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentRoute {
    /// The team of the first assignment rule that matches every handoff of the
    /// agent (one without conditions, or whose conditions on `agent` settle
    /// it), else the default team, else none.
    pub team: Decided<Option<String>>,
    /// Other teams that earlier rules, testing more than the agent (channel,
    /// reason, context…), may send some of its handoffs to instead; in rule
    /// order, each once.
    pub may_route_to: Vec<String>,
}

/// The route of `agent`'s handoffs as far as the agent alone decides it (see
/// [`AgentRoute`]).
pub fn agent_route(rules: &[Rule], agent: &str, default_team: Option<&str>) -> AgentRoute {
    let facts = RuleFacts {
        agent: Some(agent.to_string()),
        ..RuleFacts::default()
    };
    let mut maybe: Vec<&String> = Vec::new();
    let mut team = None;
    for (rule, rule_team) in in_order(rules, RuleKind::Assignment, |rule| rule.team.as_ref()) {
        match matches_on_agent(rule, &facts) {
            Some(true) => {
                team = Some(Decided {
                    value: Some(rule_team.clone()),
                    source: source_of(rule),
                });
                break;
            }
            Some(false) => {}
            None => maybe.push(rule_team),
        }
    }
    let team = team.unwrap_or_else(|| decide_team(&[], &facts, default_team));
    let mut may_route_to: Vec<String> = Vec::new();
    for other in maybe {
        if team.value.as_ref() != Some(other) && !may_route_to.contains(other) {
            may_route_to.push(other.clone());
        }
    }
    AgentRoute { team, may_route_to }
}

/// Whether `rule` matches every handoff with the agent of `facts` (`Some(true)`),
/// none of them (`Some(false)`), or depends on more than the agent (`None`).
/// A condition on another field is unknown; an invalid one never holds.
fn matches_on_agent(rule: &Rule, facts: &RuleFacts) -> Option<bool> {
    if rule.conditions.is_empty() {
        return Some(true);
    }
    let known: Vec<Option<bool>> = rule
        .conditions
        .iter()
        .map(|condition| match Field::parse(&condition.field) {
            Ok(Field::Agent) | Err(_) => Some(condition_holds(condition, facts)),
            Ok(_) => None,
        })
        .collect();
    let (settles, other) = match rule.match_mode {
        // One failing condition fails `all`; one holding condition satisfies `any`.
        MatchMode::All => (false, true),
        MatchMode::Any => (true, false),
    };
    if known.contains(&Some(settles)) {
        Some(settles)
    } else if known.iter().all(|k| *k == Some(other)) {
        Some(other)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn cond(field: &str, op: ConditionOp, value: Option<&str>, values: &[&str]) -> Condition {
        Condition {
            field: field.into(),
            op,
            value: value.map(str::to_string),
            values: values.iter().map(|v| v.to_string()).collect(),
        }
    }

    fn eq(field: &str, value: &str) -> Condition {
        cond(field, ConditionOp::Equals, Some(value), &[])
    }

    fn facts() -> RuleFacts {
        RuleFacts {
            channel: Some(Channel::Web),
            agent: Some("shop-assistant".into()),
            environment: Some(Environment::Production),
            reason: Some("explicit-request".into()),
            requester_email: Some("Alice@Example.com".into()),
            context: [
                ("order-id".to_string(), ContextValue::Text("A-1042".into())),
                (
                    "total".to_string(),
                    ContextValue::Number(serde_json::Number::from(250)),
                ),
                ("vip".to_string(), ContextValue::Flag(true)),
            ]
            .into_iter()
            .collect(),
        }
    }

    fn rule(id: &str, kind: RuleKind, position: u32, conditions: Vec<Condition>) -> Rule {
        Rule {
            id: id.into(),
            kind,
            position,
            name: None,
            match_mode: MatchMode::All,
            conditions,
            priority: (kind == RuleKind::Priority).then_some(Priority::High),
            team: (kind == RuleKind::Assignment).then(|| format!("team-{id}")),
        }
    }

    // --- agent_route -----------------------------------------------------------

    fn to_team(id: &str, position: u32, team: &str, conditions: Vec<Condition>) -> Rule {
        Rule {
            team: Some(team.into()),
            ..rule(id, RuleKind::Assignment, position, conditions)
        }
    }

    #[test]
    fn an_agents_route_is_the_default_team_when_no_rule_settles_it() {
        let route = agent_route(&[], "shop", Some("support"));
        assert_eq!(route.team.value.as_deref(), Some("support"));
        assert_eq!(route.team.source, DecisionSource::DefaultTeam);
        assert!(route.may_route_to.is_empty());
        let route = agent_route(&[], "shop", None);
        assert_eq!(route.team.value, None);
        assert_eq!(route.team.source, DecisionSource::NoTeam);
    }

    #[test]
    fn a_rule_on_the_agent_alone_settles_its_route_and_earlier_rules_on_more_may_not() {
        let rules = [
            // Tests the channel: may send some of shop's handoffs to billing.
            to_team("r1", 1, "billing", vec![eq("channel", "email")]),
            // Another agent's: never shop's.
            to_team("r2", 2, "faq-team", vec![eq("agent", "faq")]),
            // Also billing: listed once.
            to_team("r3", 3, "billing", vec![eq("reason", "invoice")]),
            // shop's, whatever else: this is the route.
            to_team("r4", 4, "sales", vec![eq("agent", "shop")]),
            // After the route: never reached.
            to_team("r5", 5, "vip", vec![eq("channel", "web")]),
        ];
        let route = agent_route(&rules, "shop", Some("support"));
        assert_eq!(route.team.value.as_deref(), Some("sales"));
        assert!(
            matches!(&route.team.source, DecisionSource::Rule { id, .. } if id == "r4"),
            "{:?}",
            route.team.source
        );
        assert_eq!(route.may_route_to, ["billing"]);

        // For faq, r2 settles it; r1 may still route email elsewhere.
        let route = agent_route(&rules, "faq", Some("support"));
        assert_eq!(route.team.value.as_deref(), Some("faq-team"));
        assert_eq!(route.may_route_to, ["billing"]);
    }

    #[test]
    fn match_modes_decide_what_the_agent_alone_settles() {
        let both = vec![eq("agent", "shop"), eq("channel", "web")];
        // all: the agent holds, the channel is unknown: maybe.
        let route = agent_route(
            &[to_team("a", 1, "web", both.clone())],
            "shop",
            Some("support"),
        );
        assert_eq!(route.team.value.as_deref(), Some("support"));
        assert_eq!(route.may_route_to, ["web"]);
        // all: the agent fails: never, whatever the channel.
        let route = agent_route(
            &[to_team("a", 1, "web", both.clone())],
            "faq",
            Some("support"),
        );
        assert!(route.may_route_to.is_empty());
        // any: the agent holds: always.
        let any = Rule {
            match_mode: MatchMode::Any,
            ..to_team("a", 1, "web", both)
        };
        let route = agent_route(std::slice::from_ref(&any), "shop", Some("support"));
        assert_eq!(route.team.value.as_deref(), Some("web"));
        // any: the agent fails, the channel may hold: maybe.
        let route = agent_route(&[any], "faq", Some("support"));
        assert_eq!(route.team.value.as_deref(), Some("support"));
        assert_eq!(route.may_route_to, ["web"]);
        // A catch-all settles it; a rule to the assumed team is no exception.
        let rules = [
            to_team("a", 1, "support", vec![eq("channel", "email")]),
            to_team("b", 2, "support", vec![]),
        ];
        let route = agent_route(&rules, "shop", Some("billing"));
        assert_eq!(route.team.value.as_deref(), Some("support"));
        assert!(route.may_route_to.is_empty());
        // Priority rules play no part.
        let priority = rule("p", RuleKind::Priority, 1, vec![]);
        assert_eq!(
            agent_route(&[priority], "shop", Some("support"))
                .team
                .value
                .as_deref(),
            Some("support")
        );
    }

    fn holds(condition: Condition) -> bool {
        assert_eq!(validate_condition(&condition), Ok(()), "{condition:?}");
        condition_holds(&condition, &facts())
    }

    // --- validation ----------------------------------------------------------

    #[test]
    fn unknown_fields_are_rejected_with_the_list_of_fields() {
        let error = validate_condition(&eq("chanel", "web")).unwrap_err();
        assert_eq!(error.key, "field");
        assert_eq!(
            error.message,
            "unknown field 'chanel': use channel, agent, environment, reason, \
             requester.email or context.<key>"
        );
        assert!(validate_condition(&eq("requester.name", "x")).is_err());
        assert!(validate_condition(&eq("context", "x")).is_err());
    }

    #[test]
    fn context_keys_follow_the_key_rule() {
        assert_eq!(validate_condition(&eq("context.order-id", "1")), Ok(()));
        assert_eq!(validate_condition(&eq("context.tier2", "1")), Ok(()));
        for bad in [
            "context.Order",
            "context.order_id",
            "context.",
            "context.a.b",
        ] {
            let error = validate_condition(&eq(bad, "1")).unwrap_err();
            assert!(error.message.contains("^[a-z0-9-]+$"), "{bad}: {error}");
        }
    }

    #[test]
    fn each_operator_needs_its_own_operands() {
        use ConditionOp::*;
        for op in [Equals, NotEquals, Contains, Matches] {
            assert_eq!(
                validate_condition(&cond("reason", op, Some("x"), &[])),
                Ok(())
            );
            let missing = validate_condition(&cond("reason", op, None, &[])).unwrap_err();
            assert!(missing.message.contains("set value"), "{op}: {missing}");
            assert_eq!(missing.key, "op");
            let both = validate_condition(&cond("reason", op, Some("x"), &["y"])).unwrap_err();
            assert_eq!(both.key, "values");
            assert!(validate_condition(&cond("reason", op, None, &["y"])).is_err());
        }
        assert_eq!(
            validate_condition(&cond("reason", In, None, &["a", "b"])),
            Ok(())
        );
        let empty = validate_condition(&cond("reason", In, None, &[])).unwrap_err();
        assert!(empty.message.contains("non-empty values"), "{empty}");
        assert_eq!(empty.key, "op");
        let value = validate_condition(&cond("reason", In, Some("a"), &["a"])).unwrap_err();
        assert_eq!(value.key, "value");
        assert_eq!(
            validate_condition(&cond("reason", Exists, None, &[])),
            Ok(())
        );
        let value = validate_condition(&cond("reason", Exists, Some("a"), &[])).unwrap_err();
        assert_eq!(value.key, "value");
        let values = validate_condition(&cond("reason", Exists, None, &["a"])).unwrap_err();
        assert_eq!(values.key, "values");
    }

    #[test]
    fn patterns_must_compile() {
        let error =
            validate_condition(&cond("reason", ConditionOp::Matches, Some("refund(("), &[]))
                .unwrap_err();
        assert_eq!(error.key, "value");
        assert!(error.message.contains("'refund(('"), "{error}");
        assert!(
            error.message.contains("not a valid regular expression"),
            "{error}"
        );
        // An invalid pattern never matches, even if it slipped past validation.
        assert!(!condition_holds(
            &cond("reason", ConditionOp::Matches, Some("("), &[]),
            &facts()
        ));
    }

    #[test]
    fn channel_and_environment_operands_must_be_known_names() {
        use ConditionOp::*;
        let error = validate_condition(&eq("channel", "webb")).unwrap_err();
        assert_eq!(
            error,
            ConditionError::at(
                "value",
                "unknown channel 'webb': use web, help-page, telegram, whatsapp, email"
            )
        );
        assert!(validate_condition(&cond("channel", NotEquals, Some("sms"), &[])).is_err());
        let second = validate_condition(&cond("channel", In, None, &["web", "sms"])).unwrap_err();
        assert_eq!(second.key, "values[1]");
        let error = validate_condition(&eq("environment", "prod")).unwrap_err();
        assert!(
            error.message.contains("development, staging, production"),
            "{error}"
        );
        // Substring and pattern tests may use any text.
        assert_eq!(
            validate_condition(&cond("channel", Contains, Some("we"), &[])),
            Ok(())
        );
        assert_eq!(
            validate_condition(&cond("environment", Matches, Some("^prod"), &[])),
            Ok(())
        );
    }

    // --- every operator on every kind of field -------------------------------

    #[test]
    fn equals_and_not_equals() {
        use ConditionOp::NotEquals;
        assert!(holds(eq("channel", "web")));
        assert!(!holds(eq("channel", "email")));
        assert!(holds(eq("agent", "shop-assistant")));
        assert!(!holds(eq("agent", "Shop-Assistant")), "case-sensitive");
        assert!(holds(eq("environment", "production")));
        assert!(holds(eq("reason", "explicit-request")));
        assert!(holds(eq("requester.email", "alice@example.com")));
        assert!(holds(eq("context.order-id", "A-1042")));
        assert!(!holds(eq("context.order-id", "a-1042")), "case-sensitive");
        assert!(holds(eq("context.total", "250")));
        assert!(holds(eq("context.vip", "true")));

        assert!(holds(cond("channel", NotEquals, Some("email"), &[])));
        assert!(!holds(cond("channel", NotEquals, Some("web"), &[])));
        assert!(holds(cond("agent", NotEquals, Some("other"), &[])));
        assert!(!holds(cond(
            "environment",
            NotEquals,
            Some("production"),
            &[]
        )));
        assert!(holds(cond(
            "reason",
            NotEquals,
            Some("failed-resolution"),
            &[]
        )));
        assert!(!holds(cond(
            "requester.email",
            NotEquals,
            Some("ALICE@example.COM"),
            &[]
        )));
        assert!(!holds(cond("context.total", NotEquals, Some("250"), &[])));
    }

    #[test]
    fn numbers_compare_as_numbers_whatever_text_they_came_as() {
        let with_items = |items: &str| RuleFacts {
            context: [(
                "items".to_string(),
                ContextValue::Number(items.parse().unwrap()),
            )]
            .into(),
            ..RuleFacts::default()
        };
        let ne = |value: &str| cond("context.items", ConditionOp::NotEquals, Some(value), &[]);
        let isin = |values: &[&str]| cond("context.items", ConditionOp::In, None, values);
        for sent in ["3", "3.0", "3e0", "0.3e1"] {
            let facts = with_items(sent);
            assert!(condition_holds(&eq("context.items", "3"), &facts), "{sent}");
            assert!(
                condition_holds(&eq("context.items", "3.0"), &facts),
                "{sent}"
            );
            assert!(!condition_holds(&ne("3"), &facts), "{sent}");
            assert!(condition_holds(&ne("4"), &facts), "{sent}");
            assert!(condition_holds(&isin(&["2", "3"]), &facts), "{sent}");
            assert!(!condition_holds(&eq("context.items", "three"), &facts));
            assert!(condition_holds(&ne("three"), &facts));
        }
        // Whole numbers compare exactly where a float would round them.
        let big = with_items("9007199254740993");
        assert!(condition_holds(
            &eq("context.items", "9007199254740993"),
            &big
        ));
        assert!(!condition_holds(
            &eq("context.items", "9007199254740992"),
            &big
        ));
        // A text is compared as the text it is.
        let text = RuleFacts {
            context: [("items".to_string(), ContextValue::Text("3.0".into()))].into(),
            ..RuleFacts::default()
        };
        assert!(!condition_holds(&eq("context.items", "3"), &text));
        assert!(condition_holds(&eq("context.items", "3.0"), &text));
    }

    #[test]
    fn in_lists() {
        let isin = |field: &str, values: &[&str]| holds(cond(field, ConditionOp::In, None, values));
        assert!(isin("channel", &["email", "web"]));
        assert!(!isin("channel", &["email", "telegram"]));
        assert!(isin("agent", &["shop-assistant"]));
        assert!(isin("environment", &["staging", "production"]));
        assert!(!isin("environment", &["development", "staging"]));
        assert!(isin("reason", &["explicit-request", "failed-resolution"]));
        assert!(isin(
            "requester.email",
            &["bob@example.com", "ALICE@EXAMPLE.COM"]
        ));
        assert!(isin("context.order-id", &["A-1042"]));
        assert!(!isin("context.order-id", &["A-1043"]));
        assert!(isin("context.total", &["100", "250"]));
    }

    #[test]
    fn contains_substrings() {
        let has =
            |field: &str, value: &str| holds(cond(field, ConditionOp::Contains, Some(value), &[]));
        assert!(has("channel", "we"));
        assert!(has("agent", "shop"));
        assert!(!has("agent", "SHOP"), "case-sensitive");
        assert!(has("environment", "prod"));
        assert!(has("reason", "request"));
        assert!(has("requester.email", "@EXAMPLE.com"), "case-insensitive");
        assert!(has("context.order-id", "104"));
        assert!(has("context.total", "25"));
        assert!(has("context.vip", "ru"));
        assert!(
            has("reason", ""),
            "every present value contains the empty string"
        );
    }

    #[test]
    fn matches_patterns_anywhere_unless_anchored() {
        let matches = |field: &str, pattern: &str| {
            holds(cond(field, ConditionOp::Matches, Some(pattern), &[]))
        };
        assert!(matches("channel", "^(web|email)$"));
        assert!(matches("agent", "assist"));
        assert!(!matches("agent", "^assist"));
        assert!(matches("environment", "^prod"));
        assert!(matches("reason", "^explicit-"));
        assert!(!matches("reason", "^Explicit-"), "case-sensitive");
        assert!(
            matches("requester.email", "^alice@example\\.com$"),
            "case-insensitive"
        );
        assert!(matches("context.order-id", "^A-\\d+$"));
        assert!(matches("context.total", "^[0-9]{3}$"));
        assert!(matches("context.vip", "^true$"));
    }

    #[test]
    fn exists_tests_presence() {
        let exists = |field: &str, facts: &RuleFacts| {
            condition_holds(&cond(field, ConditionOp::Exists, None, &[]), facts)
        };
        let full = facts();
        let empty = RuleFacts::default();
        for field in [
            "channel",
            "agent",
            "environment",
            "reason",
            "requester.email",
            "context.order-id",
        ] {
            assert!(exists(field, &full), "{field}");
            assert!(!exists(field, &empty), "{field}");
        }
        assert!(!exists("context.coupon", &full));
    }

    #[test]
    fn a_missing_fact_satisfies_only_not_equals() {
        use ConditionOp::*;
        let empty = RuleFacts::default();
        for field in [
            "channel",
            "agent",
            "environment",
            "reason",
            "requester.email",
            "context.coupon",
        ] {
            let operand = if field == "environment" {
                "production"
            } else {
                "web"
            };
            for (condition, expected) in [
                (cond(field, Equals, Some(operand), &[]), false),
                (cond(field, In, None, &[operand]), false),
                (cond(field, Contains, Some(""), &[]), false),
                (cond(field, Matches, Some(".*"), &[]), false),
                (cond(field, Exists, None, &[]), false),
                (cond(field, NotEquals, Some(operand), &[]), true),
            ] {
                assert_eq!(validate_condition(&condition), Ok(()));
                assert_eq!(
                    condition_holds(&condition, &empty),
                    expected,
                    "{condition:?}"
                );
            }
        }
    }

    #[test]
    fn invalid_conditions_never_hold() {
        let f = facts();
        assert!(!condition_holds(&eq("chanel", "web"), &f));
        assert!(!condition_holds(
            &cond("reason", ConditionOp::NotEquals, None, &[]),
            &f
        ));
        assert!(!condition_holds(
            &cond("channel", ConditionOp::NotEquals, Some("sms"), &[]),
            &f
        ));
    }

    // --- rules ---------------------------------------------------------------

    #[test]
    fn all_any_and_catch_all() {
        let mut r = rule(
            "r",
            RuleKind::Priority,
            1,
            vec![eq("channel", "web"), eq("agent", "nope")],
        );
        assert!(!rule_matches(&r, &facts()));
        r.match_mode = MatchMode::Any;
        assert!(rule_matches(&r, &facts()));
        r.conditions = vec![eq("agent", "nope"), eq("reason", "nope")];
        assert!(!rule_matches(&r, &facts()));
        r.conditions.clear();
        assert!(
            rule_matches(&r, &facts()),
            "any with no conditions is a catch-all"
        );
        r.match_mode = MatchMode::All;
        assert!(
            rule_matches(&r, &facts()),
            "all with no conditions is a catch-all"
        );
        assert!(rule_matches(&r, &RuleFacts::default()));
    }

    #[test]
    fn first_match_by_position_wins_whatever_the_slice_order() {
        let mut urgent = rule("a", RuleKind::Priority, 3, vec![eq("channel", "web")]);
        urgent.priority = Some(Priority::Urgent);
        let mut low = rule("b", RuleKind::Priority, 1, vec![eq("channel", "email")]);
        low.priority = Some(Priority::Low);
        let mut high = rule(
            "c",
            RuleKind::Priority,
            2,
            vec![eq("agent", "shop-assistant")],
        );
        high.priority = Some(Priority::High);
        high.name = Some("shop".into());
        let rules = vec![urgent, low, high];
        let decided = decide_priority(&rules, &facts(), Some(Priority::Low));
        assert_eq!(decided.value, Priority::High);
        assert_eq!(
            decided.source,
            DecisionSource::Rule {
                id: "c".into(),
                position: 2,
                name: Some("shop".into())
            }
        );
    }

    #[test]
    fn rules_of_the_other_kind_are_ignored() {
        let rules = vec![
            rule("t", RuleKind::Assignment, 1, vec![]),
            rule("p", RuleKind::Priority, 2, vec![eq("channel", "email")]),
        ];
        let decided = decide_priority(&rules, &facts(), None);
        assert_eq!(decided.source, DecisionSource::Fallback);
        let decided = decide_team(&rules, &facts(), None);
        assert_eq!(decided.value.as_deref(), Some("team-t"));
    }

    #[test]
    fn priority_defaults_to_the_action_then_medium() {
        let rules = vec![rule(
            "p",
            RuleKind::Priority,
            1,
            vec![eq("channel", "email")],
        )];
        assert_eq!(
            decide_priority(&rules, &facts(), Some(Priority::Urgent)),
            Decided {
                value: Priority::Urgent,
                source: DecisionSource::ActionDefault
            }
        );
        assert_eq!(
            decide_priority(&[], &facts(), None),
            Decided {
                value: Priority::Medium,
                source: DecisionSource::Fallback
            }
        );
    }

    #[test]
    fn team_defaults_to_the_default_team_then_none() {
        let rules = vec![rule(
            "a",
            RuleKind::Assignment,
            1,
            vec![eq("channel", "email")],
        )];
        assert_eq!(
            decide_team(&rules, &facts(), Some("support")),
            Decided {
                value: Some("support".into()),
                source: DecisionSource::DefaultTeam
            }
        );
        assert_eq!(
            decide_team(&rules, &facts(), None),
            Decided {
                value: None,
                source: DecisionSource::NoTeam
            }
        );
        let rules = vec![rule(
            "a",
            RuleKind::Assignment,
            1,
            vec![eq("channel", "web")],
        )];
        assert_eq!(
            decide_team(&rules, &facts(), Some("support"))
                .value
                .as_deref(),
            Some("team-a")
        );
    }

    #[test]
    fn a_rule_without_an_outcome_decides_nothing() {
        let mut broken = rule("x", RuleKind::Priority, 1, vec![]);
        broken.priority = None;
        let mut fine = rule("y", RuleKind::Priority, 2, vec![]);
        fine.priority = Some(Priority::Low);
        let decided = decide_priority(&[broken, fine], &facts(), None);
        assert_eq!(decided.value, Priority::Low);
    }

    #[test]
    fn decisions_serialize_flat_with_a_kebab_case_source() {
        let decided = Decided {
            value: Priority::High,
            source: DecisionSource::Rule {
                id: "rule_1".into(),
                position: 1,
                name: None,
            },
        };
        assert_eq!(
            serde_json::to_value(&decided).unwrap(),
            serde_json::json!({"value": "high", "source": "rule", "id": "rule_1", "position": 1})
        );
        let decided = Decided {
            value: None::<String>,
            source: DecisionSource::NoTeam,
        };
        assert_eq!(
            serde_json::to_value(&decided).unwrap(),
            serde_json::json!({"value": null, "source": "no-team"})
        );
        assert_eq!(
            serde_json::to_value(DecisionSource::ActionDefault).unwrap(),
            serde_json::json!({"source": "action-default"})
        );
    }

    // --- properties ----------------------------------------------------------

    const FIELDS: &[&str] = &[
        "channel",
        "agent",
        "environment",
        "reason",
        "requester.email",
        "context.tier",
        "context.order-id",
    ];
    const OPERANDS: &[&str] = &[
        "web",
        "email",
        "production",
        "staging",
        "shop",
        "support-bot",
        "refund",
        "explicit-request",
        "alice@example.com",
        "gold",
        "42",
        "^s",
        "e",
    ];

    fn any_condition() -> impl Strategy<Value = Condition> {
        let op = proptest::sample::select(vec![
            ConditionOp::Equals,
            ConditionOp::NotEquals,
            ConditionOp::In,
            ConditionOp::Contains,
            ConditionOp::Matches,
            ConditionOp::Exists,
        ]);
        (
            proptest::sample::select(FIELDS),
            op,
            proptest::sample::select(OPERANDS),
            proptest::collection::vec(proptest::sample::select(OPERANDS), 1..3),
        )
            .prop_map(|(field, op, value, values)| match op {
                ConditionOp::In => cond(field, op, None, &values),
                ConditionOp::Exists => cond(field, op, None, &[]),
                _ => cond(field, op, Some(value), &[]),
            })
    }

    fn any_facts() -> impl Strategy<Value = RuleFacts> {
        let maybe = |names: &'static [&'static str]| {
            proptest::option::of(proptest::sample::select(names).prop_map(str::to_string))
        };
        (
            proptest::option::of(proptest::sample::select(vec![Channel::Web, Channel::Email])),
            maybe(&["shop", "support-bot"]),
            proptest::option::of(proptest::sample::select(vec![
                Environment::Staging,
                Environment::Production,
            ])),
            maybe(&["explicit-request", "refund"]),
            maybe(&["alice@example.com", "ALICE@example.com", "bob@example.com"]),
            maybe(&["gold", "silver"]),
            maybe(&["42", "7"]),
        )
            .prop_map(
                |(channel, agent, environment, reason, email, tier, order)| {
                    let mut context = std::collections::BTreeMap::new();
                    if let Some(tier) = tier {
                        context.insert("tier".to_string(), ContextValue::Text(tier));
                    }
                    if let Some(order) = order {
                        let number: serde_json::Number = order.parse().unwrap();
                        context.insert("order-id".to_string(), ContextValue::Number(number));
                    }
                    RuleFacts {
                        channel,
                        agent,
                        environment,
                        reason,
                        requester_email: email,
                        context,
                    }
                },
            )
    }

    fn any_rule() -> impl Strategy<Value = Rule> {
        (
            proptest::collection::vec(any_condition(), 0..3),
            any::<bool>(),
            any::<bool>(),
            proptest::sample::select(vec![
                Priority::Low,
                Priority::Medium,
                Priority::High,
                Priority::Urgent,
            ]),
            proptest::sample::select(vec!["billing", "support", "vip"]),
        )
            .prop_map(|(conditions, any, priority_kind, priority, team)| Rule {
                id: String::new(),
                kind: if priority_kind {
                    RuleKind::Priority
                } else {
                    RuleKind::Assignment
                },
                position: 0,
                name: None,
                match_mode: if any { MatchMode::Any } else { MatchMode::All },
                conditions,
                priority: Some(priority),
                team: Some(team.to_string()),
            })
    }

    /// Rules with distinct positions 1..=n, shuffled in the slice.
    fn any_rules() -> impl Strategy<Value = Vec<Rule>> {
        proptest::collection::vec(any_rule(), 0..8)
            .prop_flat_map(|rules| {
                let n = rules.len();
                (
                    Just(rules),
                    Just((1..=n as u32).collect::<Vec<_>>()).prop_shuffle(),
                )
            })
            .prop_map(|(rules, positions)| {
                rules
                    .into_iter()
                    .zip(positions)
                    .map(|(mut rule, position)| {
                        rule.position = position;
                        rule.id = format!("rule_{position}");
                        rule
                    })
                    .collect()
            })
    }

    /// The lowest-positioned matching rule of `kind`, found the slow, obvious way.
    fn reference(rules: &[Rule], kind: RuleKind, facts: &RuleFacts) -> Option<Rule> {
        rules
            .iter()
            .filter(|rule| rule.kind == kind && rule_matches(rule, facts))
            .min_by_key(|rule| rule.position)
            .cloned()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn the_decision_is_the_lowest_positioned_matching_rule_or_a_default(
            rules in any_rules(),
            facts in any_facts(),
            action_default in proptest::option::of(Just(Priority::Low)),
            default_team in proptest::option::of(Just("general")),
        ) {
            let priority = decide_priority(&rules, &facts, action_default);
            match reference(&rules, RuleKind::Priority, &facts) {
                Some(rule) => {
                    prop_assert_eq!(priority.value, rule.priority.unwrap());
                    prop_assert_eq!(priority.source, source_of(&rule));
                }
                None => prop_assert!(matches!(
                    priority.source,
                    DecisionSource::ActionDefault | DecisionSource::Fallback
                )),
            }
            let team = decide_team(&rules, &facts, default_team);
            match reference(&rules, RuleKind::Assignment, &facts) {
                Some(rule) => {
                    prop_assert_eq!(team.value, rule.team.clone());
                    prop_assert_eq!(team.source, source_of(&rule));
                }
                None => {
                    prop_assert!(matches!(
                        team.source,
                        DecisionSource::DefaultTeam | DecisionSource::NoTeam
                    ));
                    prop_assert_eq!(team.value.as_deref(), default_team);
                }
            }
        }

        #[test]
        fn adding_a_non_matching_rule_never_changes_the_decision(
            rules in any_rules(),
            extra in any_rule(),
            position in 0u32..10,
            facts in any_facts(),
        ) {
            prop_assume!(!rule_matches(&extra, &facts));
            let before_priority = decide_priority(&rules, &facts, None);
            let before_team = decide_team(&rules, &facts, Some("general"));
            // Inserted anywhere, even sharing a position with an existing rule.
            let mut more = rules.clone();
            more.insert(0, Rule { id: "rule_extra".into(), position, ..extra });
            prop_assert_eq!(decide_priority(&more, &facts, None), before_priority);
            prop_assert_eq!(decide_team(&more, &facts, Some("general")), before_team);
        }

        #[test]
        fn slice_order_does_not_matter(
            rules in any_rules().prop_shuffle(),
            facts in any_facts(),
        ) {
            let mut reversed = rules.clone();
            reversed.reverse();
            prop_assert_eq!(
                decide_priority(&rules, &facts, None),
                decide_priority(&reversed, &facts, None)
            );
            prop_assert_eq!(
                decide_team(&rules, &facts, None),
                decide_team(&reversed, &facts, None)
            );
        }

        #[test]
        fn not_equals_is_the_negation_of_equals(
            field in proptest::sample::select(FIELDS),
            value in proptest::sample::select(OPERANDS),
            facts in any_facts(),
        ) {
            let equal = cond(field, ConditionOp::Equals, Some(value), &[]);
            let unequal = cond(field, ConditionOp::NotEquals, Some(value), &[]);
            prop_assume!(validate_condition(&equal).is_ok());
            prop_assert_ne!(condition_holds(&equal, &facts), condition_holds(&unequal, &facts));
        }

        #[test]
        fn in_is_equals_to_any_of_its_values(
            field in proptest::sample::select(FIELDS),
            values in proptest::collection::vec(proptest::sample::select(OPERANDS), 1..4),
            facts in any_facts(),
        ) {
            let values: Vec<&str> = values.to_vec();
            let within = cond(field, ConditionOp::In, None, &values);
            prop_assume!(validate_condition(&within).is_ok());
            let any_equal = values
                .iter()
                .any(|value| condition_holds(&eq(field, value), &facts));
            prop_assert_eq!(condition_holds(&within, &facts), any_equal);
        }

        #[test]
        fn requester_email_ignores_case(
            email in "[A-Za-z]{1,8}@[A-Za-z]{1,8}\\.com",
            flips in proptest::collection::vec(any::<bool>(), 20),
        ) {
            let varied: String = email
                .chars()
                .zip(flips.iter().cycle())
                .map(|(c, flip)| if *flip { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
                .collect();
            let facts = RuleFacts { requester_email: Some(email.clone()), ..RuleFacts::default() };
            prop_assert!(condition_holds(&eq("requester.email", &varied), &facts));
            prop_assert!(condition_holds(
                &cond("requester.email", ConditionOp::Contains, Some(&varied), &[]),
                &facts
            ));
            prop_assert!(condition_holds(
                &cond("requester.email", ConditionOp::Matches, Some(&regex::escape(&varied)), &[]),
                &facts
            ));
        }
    }

    proptest! {
        /// The schema's pattern says exactly what the check says.
        #[test]
        fn the_field_pattern_is_the_field_check(
            value in "(channel|agent|environment|reason|requester[.]email|context[.]?|Channel|)[a-zA-Z0-9 .-]{0,4}"
        ) {
            let pattern = regex::Regex::new(FIELD_PATTERN).unwrap();
            prop_assert_eq!(pattern.is_match(&value), Field::parse(&value).is_ok(), "{:?}", value);
        }
    }
}
