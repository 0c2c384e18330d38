use clap::Args;

use super::find_rule;
use crate::cli::Session;
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct RulesMoveArgs {
    /// The rule's id (see `deskctl rules list`)
    pub id: String,
    /// The new 1-based position; past the end moves it last
    #[arg(value_parser = crate::cli::whole_number::<u32>(1, u32::MAX))]
    pub position: u32,
}

pub async fn cmd_rules_move(session: &Session, args: RulesMoveArgs) -> CliResult {
    let client = session.writer(&format!("move rule {}", args.id)).await?;
    let rule = find_rule(&client, &args.id).await?;
    let moved = client.move_rule(rule.kind, &rule.id, args.position).await?;
    session.ui.success(&format!(
        "Moved {} rule {} from #{} to #{}",
        moved.kind, moved.id, rule.position, moved.position
    ));
    Ok(())
}
