use clap::Args;

use crate::cli::Session;
use crate::error::{CliError, CliResult, ExitKind};

#[derive(Debug, Args)]
pub struct OutboxRetryArgs {
    /// The messages' ids (see `deskctl outbox list --state dead`)
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<u64>,
}

/// Queues each message again and shows where it stands afterwards: on the local
/// desk it has been tried once already; a server's worker tries it at once.
pub async fn cmd_outbox_retry(session: &Session, args: OutboxRetryArgs) -> CliResult {
    let client = session.writer("queue outbound messages again").await?;
    let mut retried = Vec::new();
    let mut failures: Vec<(u64, CliError)> = Vec::new();
    for &id in &args.ids {
        let outcome = match client.retry_outbound(id).await {
            Ok(_) => client.get_outbound(id).await,
            Err(error) => Err(error),
        };
        match outcome {
            Ok(message) => {
                session.ui.success(&format!("Queued message {id} again"));
                retried.push(message);
            }
            Err(error) => failures.push((id, error.into())),
        }
    }
    session.ui.print_list(&retried, "outbound messages")?;
    match failures.len() {
        0 => Ok(()),
        1 if args.ids.len() == 1 => Err(failures.remove(0).1),
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
                format!(
                    "{count} of {} messages could not be queued again",
                    args.ids.len()
                ),
            ))
        }
    }
}
