use clap::Args;

use crate::cli::Session;
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct AssignmentShowArgs {}

pub async fn cmd_assignment_show(session: &Session, _args: AssignmentShowArgs) -> CliResult {
    let client = session.client().await?;
    let settings = client.get_assignment().await?;
    session.ui.print_item(&settings)
}
