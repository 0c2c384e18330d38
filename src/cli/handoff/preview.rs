use std::path::PathBuf;

use clap::Args;

use super::read_handoff;
use crate::api::Environment;
use crate::cli::{Session, wire_enum_parser};
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct HandoffPreviewArgs {
    /// The handoff, JSON or YAML (`-` for stdin); see docs/handoff-format.md
    #[arg(short = 'f', long = "file", value_name = "FILE")]
    pub file: PathBuf,
    /// Preview as this agent instead of the file's
    #[arg(long, value_name = "KEY")]
    pub agent: Option<String>,
    /// Preview in this environment instead of the file's
    #[arg(long = "env", value_name = "ENV",
        value_parser = wire_enum_parser::<Environment>(Environment::NAMES))]
    pub environment: Option<Environment>,
}

/// Runs the real pipeline on the current context's desk and stores nothing.
pub async fn cmd_handoff_preview(session: &Session, args: HandoffPreviewArgs) -> CliResult {
    let request = read_handoff(session, &args.file, args.agent, args.environment)?;
    let client = session.client().await?;
    let decision = client.preview_handoff(&request).await?;
    session.ui.print_item(&super::PreviewView {
        decision,
        context: request.context,
    })
}
