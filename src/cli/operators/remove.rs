use clap::Args;

use crate::cli::Session;
use crate::cli::names::{Named, OrSuggest};
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct OperatorsRemoveArgs {
    /// The operator's handle
    #[arg(add = crate::cli::complete::operators())]
    pub handle: String,
}

pub async fn cmd_operators_remove(session: &Session, args: OperatorsRemoveArgs) -> CliResult {
    let client = session
        .destroyer(&format!(
            "remove operator {} with their tokens",
            args.handle
        ))
        .await?;
    client
        .delete_operator(&args.handle)
        .await
        .or_suggest(&client, &[(Named::Operator, &args.handle)])
        .await?;
    session
        .ui
        .success(&format!("Removed operator {}", args.handle));
    Ok(())
}
