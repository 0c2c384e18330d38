//! `deskctl rules`: ordered priority and assignment rules; the first match wins.

mod add;
mod list;
mod move_rule;
mod remove;

use clap::Subcommand;

use super::Session;
use crate::api::{Condition, ConditionOp, MatchMode, Rule, RuleKind};
use crate::client::Client;
use crate::error::{CliError, CliResult, ExitKind};
use crate::ui::{Detail, Tabular, Ui};

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum RulesCommand {
    /// List rules in the order they are tried
    #[command(visible_alias = "ls")]
    #[command(after_help = "Examples:\n  deskctl rules list\n  deskctl rules list priority")]
    List(list::RulesListArgs),
    /// Add a rule
    #[command(
        after_help = "Examples:\n  deskctl rules add priority --when channel=telegram --priority high\n  deskctl rules add assignment --when 'reason contains invoice' --team billing \\\n      --name invoices\n  deskctl rules add priority --any --when context.plan=gold \\\n      --when 'requester.email contains @vip.' --priority urgent --position 1"
    )]
    Add(add::RulesAddArgs),
    /// Remove a rule
    #[command(visible_alias = "rm")]
    #[command(after_help = "Examples:\n  deskctl rules remove rule_3f9c0a1b2d4e")]
    Remove(remove::RulesRemoveArgs),
    /// Move a rule to another position in its list
    #[command(after_help = "Examples:\n  deskctl rules move rule_3f9c0a1b2d4e 1")]
    Move(move_rule::RulesMoveArgs),
}

pub async fn dispatch(session: &Session, command: RulesCommand) -> CliResult {
    match command {
        RulesCommand::List(args) => list::cmd_rules_list(session, args).await,
        RulesCommand::Add(args) => add::cmd_rules_add(session, args).await,
        RulesCommand::Remove(args) => remove::cmd_rules_remove(session, args).await,
        RulesCommand::Move(args) => move_rule::cmd_rules_move(session, args).await,
    }
}

/// The list a rule id belongs to: ids are unique across both lists.
async fn find_rule(client: &Client, id: &str) -> CliResult<Rule> {
    for kind in [RuleKind::Priority, RuleKind::Assignment] {
        if let Some(rule) = client
            .list_rules(kind)
            .await?
            .into_iter()
            .find(|r| r.id == id)
        {
            return Ok(rule);
        }
    }
    Err(
        CliError::new(ExitKind::NotFound, format!("rule '{id}' does not exist"))
            .with_hint("see the ids with `deskctl rules list`"),
    )
}

/// Parses a condition as written after `--when`:
/// `FIELD=VALUE`, `FIELD!=VALUE`, `FIELD~REGEX`, `FIELD in A,B`, `FIELD contains X`,
/// `FIELD matches REGEX`, `FIELD equals X`, `FIELD not-equals X`, `FIELD exists`.
pub(crate) fn parse_condition(text: &str) -> Result<Condition, String> {
    let text = text.trim();
    let condition = |field: &str, op: ConditionOp, operand: Option<&str>| {
        let field = field.trim().to_string();
        let operand = operand.map(str::trim).unwrap_or_default();
        match op {
            ConditionOp::Exists => Condition {
                field,
                op,
                value: None,
                values: Vec::new(),
            },
            ConditionOp::In => Condition {
                field,
                op,
                value: None,
                values: operand
                    .split(',')
                    .map(|v| v.trim().to_string())
                    .filter(|v| !v.is_empty())
                    .collect(),
            },
            _ => Condition {
                field,
                op,
                value: Some(operand.to_string()),
                values: Vec::new(),
            },
        }
    };
    let said = crate::api::echoed(text);
    let mut words = text.splitn(3, char::is_whitespace);
    let (first, second, rest) = (words.next(), words.next(), words.next());
    if let (Some(field), Some(op)) = (first, second)
        && let Ok(op) = op.parse::<ConditionOp>()
    {
        return match (op, rest) {
            (ConditionOp::Exists, None) => Ok(condition(field, op, None)),
            (ConditionOp::Exists, Some(_)) => Err(format!("'{said}': exists takes no value")),
            (_, None) => Err(format!("'{said}': {op} needs a value after it")),
            (_, Some(operand)) => Ok(condition(field, op, Some(operand))),
        };
    }
    for (symbol, op) in [
        ("!=", ConditionOp::NotEquals),
        ("=", ConditionOp::Equals),
        ("~", ConditionOp::Matches),
    ] {
        if let Some((field, operand)) = text.split_once(symbol)
            && !field.trim().is_empty()
        {
            return Ok(condition(field, op, Some(operand)));
        }
    }
    Err(format!(
        "'{said}' is not a condition: write FIELD=VALUE, FIELD!=VALUE, FIELD~REGEX, \
         'FIELD in A,B', 'FIELD contains X' or 'FIELD exists'"
    ))
}

/// A condition as `parse_condition` reads it back.
pub(crate) fn condition_text(condition: &Condition) -> String {
    let value = condition.value.as_deref().unwrap_or_default();
    match condition.op {
        ConditionOp::Equals => format!("{}={value}", condition.field),
        ConditionOp::NotEquals => format!("{}!={value}", condition.field),
        ConditionOp::Matches => format!("{}~{value}", condition.field),
        ConditionOp::Contains => format!("{} contains {value}", condition.field),
        ConditionOp::In => format!("{} in {}", condition.field, condition.values.join(",")),
        ConditionOp::Exists => format!("{} exists", condition.field),
    }
}

fn when_text(rule: &Rule) -> String {
    if rule.conditions.is_empty() {
        return "always".into();
    }
    let joiner = match rule.match_mode {
        MatchMode::All => " and ",
        MatchMode::Any => " or ",
    };
    rule.conditions
        .iter()
        .map(condition_text)
        .collect::<Vec<_>>()
        .join(joiner)
}

fn then_text(rule: &Rule) -> String {
    match (&rule.priority, &rule.team) {
        (Some(priority), _) => format!("priority {priority}"),
        (None, Some(team)) => format!("team {team}"),
        (None, None) => "-".into(),
    }
}

impl Tabular for Rule {
    fn columns(_wide: bool) -> Vec<&'static str> {
        vec!["KIND", "#", "ID", "NAME", "WHEN", "THEN"]
    }

    fn cells(&self, _ui: &Ui, _wide: bool) -> Vec<String> {
        vec![
            self.kind.to_string(),
            self.position.to_string(),
            self.id.clone(),
            self.name.clone().unwrap_or_else(|| "-".into()),
            when_text(self),
            then_text(self),
        ]
    }

    fn name(&self) -> String {
        self.id.clone()
    }

    fn fixed_columns() -> &'static [&'static str] {
        &["KIND", "#", "ID"]
    }
}

impl Detail for Rule {
    fn fields(&self, ui: &Ui) -> Vec<(&'static str, String)> {
        let cells = self.cells(ui, false);
        vec![
            ("Kind", cells[0].clone()),
            ("Position", cells[1].clone()),
            ("Id", cells[2].clone()),
            ("Name", cells[3].clone()),
            ("When", cells[4].clone()),
            ("Then", cells[5].clone()),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> (String, ConditionOp, Option<String>, Vec<String>) {
        let c = parse_condition(text).unwrap();
        (c.field, c.op, c.value, c.values)
    }

    #[test]
    fn symbols_and_words_both_parse() {
        assert_eq!(
            parsed("channel=email"),
            (
                "channel".into(),
                ConditionOp::Equals,
                Some("email".into()),
                vec![]
            )
        );
        assert_eq!(parsed("agent!=bot").1, ConditionOp::NotEquals);
        assert_eq!(
            parsed("requester.email~@acme\\.com$").2.as_deref(),
            Some("@acme\\.com$")
        );
        assert_eq!(
            parsed("context.plan in gold, platinum").3,
            vec!["gold".to_string(), "platinum".to_string()]
        );
        assert_eq!(
            parsed("reason contains refund now").2.as_deref(),
            Some("refund now")
        );
        assert_eq!(parsed("context.order-id exists").1, ConditionOp::Exists);
        assert_eq!(parsed("channel not-equals web").1, ConditionOp::NotEquals);
    }

    #[test]
    fn a_value_may_contain_the_symbols() {
        assert_eq!(parsed("context.note=a=b").2.as_deref(), Some("a=b"));
    }

    #[test]
    fn malformed_conditions_say_how_to_write_one() {
        assert!(
            parse_condition("channel")
                .unwrap_err()
                .contains("FIELD=VALUE")
        );
        assert!(
            parse_condition("channel equals")
                .unwrap_err()
                .contains("needs a value")
        );
        assert!(
            parse_condition("x exists now")
                .unwrap_err()
                .contains("no value")
        );
        assert!(parse_condition("=email").is_err());
    }

    #[test]
    fn conditions_read_back_as_written() {
        for text in [
            "channel=email",
            "agent!=bot",
            "requester.email~@acme\\.com$",
            "context.plan in gold,platinum",
            "reason contains refund",
            "context.order-id exists",
        ] {
            assert_eq!(condition_text(&parse_condition(text).unwrap()), text);
        }
    }
}
