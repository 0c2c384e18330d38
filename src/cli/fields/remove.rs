use clap::Args;

use crate::cli::Session;
use crate::cli::names::{Named, OrSuggest, must_exist};
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct FieldsRemoveArgs {
    /// The field's key
    #[arg(add = crate::cli::complete::fields())]
    pub key: String,
}

pub async fn cmd_fields_remove(session: &Session, args: FieldsRemoveArgs) -> CliResult {
    let (client, ()) = session
        .destroyer(
            &format!("remove ticket field {}", args.key),
            async |client| must_exist(client, Named::Field, &args.key).await,
        )
        .await?;
    client
        .delete_field(&args.key)
        .await
        .or_suggest(&client, &[(Named::Field, &args.key)])
        .await?;
    session
        .ui
        .success(&format!("Removed ticket field {}", args.key));
    Ok(())
}
