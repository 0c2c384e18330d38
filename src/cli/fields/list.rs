use clap::Args;

use crate::cli::Session;
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct FieldsListArgs {}

pub async fn cmd_fields_list(session: &Session, _args: FieldsListArgs) -> CliResult {
    let client = session.client().await?;
    let fields = client.list_fields().await?;
    session.ui.print_list(&fields, "ticket fields")
}
