use clap::Args;

use crate::cli::Session;
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct FieldsShowArgs {
    /// The field's key
    pub key: String,
}

pub async fn cmd_fields_show(session: &Session, args: FieldsShowArgs) -> CliResult {
    let client = session.client().await?;
    let field = client.get_field(&args.key).await?;
    session.ui.print_item(&field)
}
