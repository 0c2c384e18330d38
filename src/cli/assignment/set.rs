use clap::Args;

use crate::api::AssignmentMethod;
use crate::cli::{Session, wire_enum_parser};
use crate::error::{CliError, CliResult};

#[derive(Debug, Args)]
pub struct AssignmentSetArgs {
    /// manual: tickets wait to be taken; balanced: the available operator with the
    /// fewest open tickets; round-robin: available operators in turn
    #[arg(long, value_parser = wire_enum_parser::<AssignmentMethod>(AssignmentMethod::NAMES))]
    pub method: Option<AssignmentMethod>,
    /// Turn the support inbox on for this address: email to it opens a ticket
    #[arg(long, value_name = "ADDRESS", conflicts_with = "no_support_inbox")]
    pub support_inbox: Option<String>,
    /// Turn the support inbox off
    #[arg(long)]
    pub no_support_inbox: bool,
}

pub async fn cmd_assignment_set(session: &Session, args: AssignmentSetArgs) -> CliResult {
    if args.method.is_none() && args.support_inbox.is_none() && !args.no_support_inbox {
        return Err(CliError::usage("nothing to change")
            .with_hint("pass --method, --support-inbox ADDRESS or --no-support-inbox"));
    }
    let client = session.writer("change the assignment settings").await?;
    let mut settings = client.get_assignment().await?;
    if let Some(method) = args.method {
        settings.method = method;
    }
    if let Some(address) = args.support_inbox {
        settings.support_inbox.enabled = true;
        settings.support_inbox.address = Some(address);
    }
    if args.no_support_inbox {
        settings.support_inbox.enabled = false;
    }
    let settings = client.put_assignment(&settings).await?;
    session.ui.success("Updated the assignment settings");
    session.ui.print_item(&settings)
}
