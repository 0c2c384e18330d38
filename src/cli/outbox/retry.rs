use clap::Args;

use crate::api::{OutboxRef, OutboxState};
use crate::cli::Session;
use crate::error::{CliError, CliResult, ExitKind};

#[derive(Debug, Args)]
pub struct OutboxRetryArgs {
    /// The messages' ids (see `deskctl outbox list --state dead`), or the ids
    /// they went out with (`msg_…`, `evt_…`: a webhook's X-Desk-Delivery)
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<OutboxRef>,
}

/// Queues each message again and shows where it stands afterwards: on the local
/// desk it has been tried once already; a server's worker tries it at once.
pub async fn cmd_outbox_retry(session: &Session, args: OutboxRetryArgs) -> CliResult {
    retry_messages(session, &args.ids, "outbound messages").await
}

/// Queues messages (`noun`: what they are to people) again, one by one,
/// summing up the ones that could not be.
pub(crate) async fn retry_messages(session: &Session, ids: &[OutboxRef], noun: &str) -> CliResult {
    let client = session.writer(&format!("queue {noun} again")).await?;
    let mut retried = Vec::new();
    let mut failures: Vec<(&OutboxRef, CliError)> = Vec::new();
    for id in ids {
        let outcome = match client.retry_outbound(id).await {
            // Looked up by the id in the outbox: a delivery id found it once.
            Ok(message) => client.get_outbound(&OutboxRef::Id(message.id)).await,
            Err(error) => Err(error),
        };
        match outcome {
            Ok(message) => {
                let named = match id {
                    OutboxRef::Id(_) => message.id.to_string(),
                    OutboxRef::Delivery(sent_as) => format!("{} ({sent_as})", message.id),
                };
                match message.state {
                    // Tried at once in-process (a local desk) and refused for good.
                    OutboxState::Dead => failures.push((
                        id,
                        CliError::general(format!(
                            "message {named} was tried again and failed: {}",
                            message
                                .last_error
                                .as_deref()
                                .unwrap_or("no reason recorded")
                        )),
                    )),
                    _ => session.ui.success(&format!("Queued message {named} again")),
                }
                retried.push(message);
            }
            Err(error) => failures.push((id, error.into())),
        }
    }
    session.ui.print_list(&retried, noun)?;
    match failures.len() {
        0 => Ok(()),
        1 if ids.len() == 1 => Err(failures.remove(0).1),
        count => {
            for (id, error) in &failures {
                session.ui.warn(&format!("message {id}: {}", error.message));
            }
            let kind = if failures.iter().all(|(_, e)| e.kind == failures[0].1.kind) {
                failures[0].1.kind
            } else {
                ExitKind::Error
            };
            Err(CliError::new(
                kind,
                format!("{count} of {} {noun} could not be queued again", ids.len()),
            ))
        }
    }
}
