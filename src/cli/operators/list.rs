use clap::Args;

use crate::cli::Session;
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct OperatorsListArgs {}

pub async fn cmd_operators_list(session: &Session, _args: OperatorsListArgs) -> CliResult {
    let client = session.client().await?;
    let operators = client.list_operators().await?;
    session.ui.print_list(&operators, "operators")
}
