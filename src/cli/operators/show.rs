use clap::Args;

use crate::cli::Session;
use crate::cli::names::{Named, OrSuggest};
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct OperatorsShowArgs {
    /// The operator's handle
    #[arg(add = crate::cli::complete::operators())]
    pub handle: String,
}

pub async fn cmd_operators_show(session: &Session, args: OperatorsShowArgs) -> CliResult {
    let client = session.client().await?;
    let operator = client
        .get_operator(&args.handle)
        .await
        .or_suggest(&client, &[(Named::Operator, &args.handle)])
        .await?;
    session.ui.print_item(&operator)
}
