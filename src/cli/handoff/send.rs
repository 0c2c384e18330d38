use std::path::PathBuf;

use clap::Args;

use super::read_handoff;
use crate::api::Environment;
use crate::cli::names::{Named, OrSuggest};
use crate::cli::{Session, wire_enum_parser};
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct HandoffSendArgs {
    /// The handoff, JSON or YAML (`-` for stdin); see docs/handoff-format.md
    #[arg(short = 'f', long = "file", value_name = "FILE")]
    pub file: PathBuf,
    /// Send as this agent instead of the file's
    #[arg(long, value_name = "KEY")]
    #[arg(add = crate::cli::complete::agents())]
    pub agent: Option<String>,
    /// Send in this environment instead of the file's
    #[arg(long = "env", value_name = "ENV",
        value_parser = wire_enum_parser::<Environment>(Environment::NAMES))]
    pub environment: Option<Environment>,
    /// Make the send repeatable: the same key never creates a second ticket
    /// (default: a new random key, so retries after a lost answer are safe)
    #[arg(long, value_name = "KEY")]
    pub idempotency_key: Option<String>,
}

pub async fn cmd_handoff_send(session: &Session, args: HandoffSendArgs) -> CliResult {
    let request = read_handoff(session, &args.file, args.agent, args.environment)?;
    let key = args
        .idempotency_key
        .unwrap_or_else(|| crate::server::auth::generate_id("idem"));
    let client = session
        .writer(&format!(
            "send a {} handoff for agent {}",
            request.environment, request.agent
        ))
        .await?;
    let (handoff, replayed) = client
        .send_handoff(&request, &key)
        .await
        .or_suggest(&client, &[(Named::Agent, &request.agent)])
        .await?;
    let what = match handoff.ticket {
        Some(number) => format!(
            "ticket {number}{}",
            handoff
                .decision
                .assignee
                .value
                .as_ref()
                .map(|h| format!(", assigned to {h}"))
                .unwrap_or_default()
        ),
        None => format!("{} (no ticket)", handoff.outcome),
    };
    if replayed {
        session.ui.info(&format!(
            "Idempotency key {key} was accepted before: nothing new was created"
        ));
    }
    session
        .ui
        .success(&format!("Handoff {}: {what}", handoff.id));
    session.ui.print_item(&handoff)
}
