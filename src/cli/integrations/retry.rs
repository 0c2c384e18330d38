use clap::Args;

use crate::api::OutboxRef;
use crate::cli::Session;
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct IntegrationsRetryArgs {
    /// The deliveries' ids (see `deskctl integrations deliveries --state dead`)
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<OutboxRef>,
}

/// Deliveries are outbox messages: queued again the same way.
pub async fn cmd_integrations_retry(session: &Session, args: IntegrationsRetryArgs) -> CliResult {
    crate::cli::outbox::retry_messages(session, &args.ids, "deliveries").await
}
