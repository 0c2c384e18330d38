use clap::Args;

use super::parse_condition;
use crate::api::{Condition, MatchMode, Priority, RuleCreate, RuleKind};
use crate::cli::names::{Named, OrSuggest};
use crate::cli::{Session, wire_enum_parser};
use crate::error::{CliError, CliResult};

#[derive(Debug, Args)]
pub struct RulesAddArgs {
    /// Which list: `priority` (sets a priority) or `assignment` (routes to a team)
    #[arg(value_parser = wire_enum_parser::<RuleKind>(RuleKind::NAMES))]
    pub kind: RuleKind,
    /// A condition (repeat for several): FIELD=VALUE, FIELD!=VALUE, FIELD~REGEX,
    /// 'FIELD in A,B', 'FIELD contains X', 'FIELD exists'. Fields: channel, agent,
    /// environment, reason, requester.email, context.<key>. None: always matches
    #[arg(long = "when", value_name = "CONDITION", value_parser = parse_condition)]
    pub conditions: Vec<Condition>,
    /// Match when any condition holds (default: all must)
    #[arg(long)]
    pub any: bool,
    /// The priority a priority rule sets
    #[arg(long, value_parser = wire_enum_parser::<Priority>(Priority::NAMES))]
    pub priority: Option<Priority>,
    /// The team an assignment rule routes to
    #[arg(long, value_name = "KEY")]
    #[arg(add = crate::cli::complete::teams())]
    pub team: Option<String>,
    /// A name for the rule
    #[arg(long)]
    pub name: Option<String>,
    /// Insert at this 1-based position (default: last)
    #[arg(long, value_name = "N", value_parser = crate::cli::whole_number::<u32>(0, u32::MAX))]
    pub position: Option<u32>,
}

pub async fn cmd_rules_add(session: &Session, args: RulesAddArgs) -> CliResult {
    match args.kind {
        RuleKind::Priority if args.priority.is_none() => {
            return Err(CliError::usage("a priority rule needs --priority"));
        }
        RuleKind::Assignment if args.team.is_none() => {
            return Err(CliError::usage("an assignment rule needs --team"));
        }
        _ => {}
    }
    let body = RuleCreate {
        name: args.name,
        match_mode: if args.any {
            MatchMode::Any
        } else {
            MatchMode::All
        },
        conditions: args.conditions,
        priority: args.priority,
        team: args.team,
        position: args.position,
    };
    let client = session.writer(&format!("add a {} rule", args.kind)).await?;
    let team: Vec<_> = body
        .team
        .iter()
        .map(|k| (Named::Team, k.as_str()))
        .collect();
    let rule = client
        .create_rule(args.kind, &body)
        .await
        .or_suggest(&client, &team)
        .await?;
    session.ui.success(&format!(
        "Added {} rule {} at position {}",
        rule.kind, rule.id, rule.position
    ));
    session.ui.print_item(&rule)
}
