use std::path::PathBuf;

use clap::Args;

use super::read_handoff;
use crate::api::DeliveryState;
use crate::api::Environment;
use crate::cli::names::{Named, OrSuggest};
use crate::cli::{Session, wire_enum_parser};
use crate::error::{CliError, CliResult};

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
    /// Seconds to wait for a delivery to an external platform to be delivered or
    /// to fail (0 to 20; the local desk waits 5 at most). A failed delivery exits 1
    #[arg(long, value_name = "SECONDS", default_value_t = 10,
        value_parser = crate::cli::whole_number::<u32>(0, 20))]
    pub wait: u32,
    /// Do not wait for the delivery's outcome (the same as `--wait 0`)
    #[arg(long, conflicts_with = "wait")]
    pub no_wait: bool,
}

/// Why a delivery still pending after `wait` seconds will yet go out: the
/// service's workers retry it; the local desk, which has none, spent at most
/// its own budget, and a later command tries again.
fn still_pending(
    client: &crate::client::Client,
    handoff: &crate::api::Handoff,
    wait: u32,
) -> String {
    if client.local_desk().is_none() {
        return format!("no outcome within {wait} s: it is retried in the background");
    }
    let budget = crate::server::delivery::LOCAL_BUDGET.as_secs();
    let delivery = handoff.external.as_ref().map_or(0, |e| e.delivery);
    format!(
        "no outcome within {} s: it stays pending, and the next deskctl command that changes \
         something tries again (`deskctl integrations retry {delivery}` at once, or `deskctl \
         serve` on this desk)",
        u64::from(wait).min(budget)
    )
}

pub async fn cmd_handoff_send(session: &Session, args: HandoffSendArgs) -> CliResult {
    let request = read_handoff(
        session,
        &args.file,
        args.agent.as_deref(),
        args.environment,
        "send them one at a time; `handoff preview --with DESK_YAML` previews many",
    )?;
    let key = args
        .idempotency_key
        .unwrap_or_else(|| crate::server::auth::generate_id("idem"));
    let client = session
        .writer(&format!(
            "send a {} handoff for agent {}",
            request.environment, request.agent
        ))
        .await?;
    let wait = if args.no_wait { 0 } else { args.wait };
    let (handoff, replayed) = client
        .send_handoff(&request, &key, wait)
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
        None => match &handoff.external {
            Some(external) => format!(
                "{} delivery {}, {}",
                external.kind.title(),
                external.delivery,
                super::delivery_text(&external.outcome, &session.ui)
            ),
            None => format!("{} (no ticket)", handoff.outcome),
        },
    };
    if replayed {
        session.ui.info(&format!(
            "Idempotency key {key} was accepted before: nothing new was created"
        ));
    }
    let state = handoff.external.as_ref().map(|e| e.outcome.state);
    if state == Some(DeliveryState::Failed) {
        session.ui.print_item(&handoff)?;
        return Err(CliError::general(format!(
            "handoff {} was accepted, but its delivery failed: {what}",
            handoff.id
        ))
        .with_hint(format!(
            "fix the cause, then queue it again with `deskctl integrations retry {}`",
            handoff.external.as_ref().map_or(0, |e| e.delivery)
        )));
    }
    match state {
        Some(state) if state.is_pending() && wait > 0 => session.ui.warn(&format!(
            "Handoff {}: {what}; {} (`deskctl handoff show {}`)",
            handoff.id,
            still_pending(&client, &handoff, wait),
            handoff.id
        )),
        _ => session
            .ui
            .success(&format!("Handoff {}: {what}", handoff.id)),
    }
    session.ui.print_item(&handoff)
}
