use clap::Args;

use crate::api::RuleKind;
use crate::cli::{Session, wire_enum_parser};
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct RulesListArgs {
    /// Only this list: `priority` or `assignment` (default: both)
    #[arg(value_parser = wire_enum_parser::<RuleKind>(RuleKind::NAMES))]
    pub kind: Option<RuleKind>,
}

pub async fn cmd_rules_list(session: &Session, args: RulesListArgs) -> CliResult {
    let client = session.client().await?;
    let kinds = match args.kind {
        Some(kind) => vec![kind],
        None => vec![RuleKind::Priority, RuleKind::Assignment],
    };
    let mut rules = Vec::new();
    for kind in kinds {
        rules.extend(client.list_rules(kind).await?);
    }
    session.ui.print_list(&rules, "rules")
}
