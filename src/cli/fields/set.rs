use clap::Args;

use crate::api::TicketFieldUpdate;
use crate::cli::Session;
use crate::cli::names::{Named, OrSuggest};
use crate::error::{CliError, CliResult};

#[derive(Debug, Args)]
pub struct FieldsSetArgs {
    /// The field's key
    #[arg(add = crate::cli::complete::fields())]
    pub key: String,
    /// The field's name
    #[arg(long)]
    pub name: Option<String>,
    /// A dropdown choice (repeat for several; replaces the options)
    #[arg(long = "option", value_name = "CHOICE")]
    pub options: Vec<String>,
}

pub async fn cmd_fields_set(session: &Session, args: FieldsSetArgs) -> CliResult {
    if args.name.is_none() && args.options.is_empty() {
        return Err(CliError::usage("nothing to change").with_hint("pass --name or --option"));
    }
    let update = TicketFieldUpdate {
        name: args.name,
        options: (!args.options.is_empty()).then_some(args.options),
    };
    let client = session
        .writer(&format!("change ticket field {}", args.key))
        .await?;
    let field = client
        .update_field(&args.key, &update)
        .await
        .or_suggest(&client, &[(Named::Field, &args.key)])
        .await?;
    session
        .ui
        .success(&format!("Updated ticket field {}", field.key));
    session.ui.print_item(&field)
}
