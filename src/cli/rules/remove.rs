use clap::Args;

use super::find_rule;
use crate::cli::Session;
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct RulesRemoveArgs {
    /// The rule's id (see `deskctl rules list`)
    pub id: String,
}

pub async fn cmd_rules_remove(session: &Session, args: RulesRemoveArgs) -> CliResult {
    let (client, rule) = session
        .destroyer(&format!("remove rule {}", args.id), async |client| {
            find_rule(client, &args.id).await
        })
        .await?;
    client.delete_rule(rule.kind, &rule.id).await?;
    session.ui.success(&format!(
        "Removed {} rule {} (was #{})",
        rule.kind, rule.id, rule.position
    ));
    Ok(())
}
