use clap::Args;

use crate::cli::Session;
use crate::cli::names::{Named, OrSuggest};
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct FieldsShowArgs {
    /// The field's key
    #[arg(add = crate::cli::complete::fields())]
    pub key: String,
}

pub async fn cmd_fields_show(session: &Session, args: FieldsShowArgs) -> CliResult {
    let client = session.client().await?;
    let field = client
        .get_field(&args.key)
        .await
        .or_suggest(&client, &[(Named::Field, &args.key)])
        .await?;
    session.ui.print_item(&field)
}
