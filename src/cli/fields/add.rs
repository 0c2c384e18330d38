use clap::Args;

use crate::api::{FieldType, TicketFieldCreate};
use crate::cli::{Session, wire_enum_parser};
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct FieldsAddArgs {
    /// Unique key: lowercase letters, digits and dashes; a context key with the
    /// same key sets the field, e.g. `order-id`
    pub key: String,
    /// The field's name
    #[arg(long)]
    pub name: String,
    /// What values the field holds
    #[arg(long = "type", value_name = "TYPE",
        value_parser = wire_enum_parser::<FieldType>(FieldType::NAMES))]
    pub field_type: FieldType,
    /// A dropdown choice (repeat for several)
    #[arg(long = "option", value_name = "CHOICE")]
    pub options: Vec<String>,
}

pub async fn cmd_fields_add(session: &Session, args: FieldsAddArgs) -> CliResult {
    let body = TicketFieldCreate {
        key: args.key,
        name: args.name,
        field_type: args.field_type,
        options: args.options,
    };
    let client = session
        .writer(&format!("add ticket field {}", body.key))
        .await?;
    let field = client.create_field(&body).await?;
    session.ui.success(&format!(
        "Added ticket field {} ({})",
        field.key, field.field_type
    ));
    session.ui.print_item(&field)
}
