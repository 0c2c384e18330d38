use clap::Args;

use super::availability_parser;
use crate::api::{Availability, AvailabilityUpdate};
use crate::cli::Session;
use crate::cli::names::{Named, OrSuggest};
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct OperatorsAvailabilityArgs {
    /// The operator's handle
    #[arg(add = crate::cli::complete::operators())]
    pub handle: String,
    /// The new availability; only `online` operators are assigned new tickets
    #[arg(value_parser = availability_parser())]
    pub availability: Availability,
}

pub async fn cmd_operators_availability(
    session: &Session,
    args: OperatorsAvailabilityArgs,
) -> CliResult {
    let client = session
        .writer(&format!("set {} {}", args.handle, args.availability))
        .await?;
    let operator = client
        .set_operator_availability(
            &args.handle,
            &AvailabilityUpdate {
                availability: args.availability,
            },
        )
        .await
        .or_suggest(&client, &[(Named::Operator, &args.handle)])
        .await?;
    session
        .ui
        .success(&format!("{} is {}", operator.handle, operator.availability));
    session.ui.print_item(&operator)
}
