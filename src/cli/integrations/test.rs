use clap::Args;

use super::{kind_parser, print_report};
use crate::api::IntegrationKind;
use crate::cli::Session;
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct IntegrationsTestArgs {
    /// The platform
    #[arg(value_parser = kind_parser())]
    pub kind: IntegrationKind,
}

pub async fn cmd_integrations_test(session: &Session, args: IntegrationsTestArgs) -> CliResult {
    let client = session
        .writer(&format!("test the {} integration", args.kind))
        .await?;
    let report = client.test_integration(args.kind).await?;
    print_report(session, args.kind, &report)
}
