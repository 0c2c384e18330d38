use std::io::Read;
use std::path::PathBuf;

use clap::Args;

use crate::api::{InboundOutcome, InboundResult};
use crate::cli::Session;
use crate::client::ClientError;
use crate::domain::mail::{MAX_MESSAGE_BYTES, parse_message};
use crate::error::{CliError, CliResult, ExitKind};

#[derive(Debug, Args)]
pub struct InboxReceiveArgs {
    /// The address the message was delivered to (the envelope recipient, e.g.
    /// Postfix's ${recipient}); without it, the To and Cc headers must name the
    /// support inbox's address
    #[arg(long, value_name = "ADDRESS")]
    pub to: Option<String>,
    /// Read the message from this file instead of stdin (exit 66 when it
    /// cannot be read)
    #[arg(long, short = 'f', value_name = "PATH")]
    pub file: Option<PathBuf>,
}

/// Reads one message, parses it here (nothing is sent unless it parses), and
/// hands it to the support inbox's pipeline. Exit codes follow sysexits, as an
/// MTA's pipe transport reads them: 65 bounces malformed or refused mail, 66
/// says the input could not be read, 75 asks the MTA to try again later.
pub async fn cmd_inbox_receive(session: &Session, args: InboxReceiveArgs) -> CliResult {
    let raw = read_message(args.file.as_ref())?;
    let email = parse_message(&raw, args.to.as_deref()).map_err(|malformed| {
        CliError::new(
            ExitKind::DataError,
            format!("refused the message: {malformed}"),
        )
        .with_hint("nothing was stored")
    })?;
    let client = session
        .writer("take an email into the support inbox")
        .await
        .map_err(deferred)?;
    let result = client.receive_email(&email).await.map_err(for_an_mta)?;
    report(session, &result)
}

fn read_message(file: Option<&PathBuf>) -> CliResult<Vec<u8>> {
    let mut raw = Vec::new();
    let limit = MAX_MESSAGE_BYTES as u64 + 1;
    let read = match file {
        Some(path) => std::fs::File::open(path)
            .and_then(|f| f.take(limit).read_to_end(&mut raw))
            .map_err(|e| format!("cannot read {}: {e}", path.display())),
        None => std::io::stdin()
            .lock()
            .take(limit)
            .read_to_end(&mut raw)
            .map_err(|e| format!("cannot read the message from stdin: {e}")),
    };
    // A file that is not there will not be there on a retry either: 75
    // would have the MTA try again for days.
    read.map_err(|message| CliError::new(ExitKind::NoInput, message))?;
    Ok(raw)
}

/// The service's refusals in the terms an MTA acts on: mail the inbox
/// refuses as invalid (400, 413, 422) bounces; anything that may pass later
/// (unreachable, not allowed yet, the inbox off, a server error) is deferred.
fn for_an_mta(error: ClientError) -> CliError {
    let bounce = matches!(
        &error,
        ClientError::Api { status, .. }
            if matches!(status.as_u16(), 400 | 413 | 422)
    );
    let mut cli = CliError::from(error);
    cli.kind = if bounce {
        ExitKind::DataError
    } else {
        ExitKind::TempFail
    };
    cli
}

/// An error before the message reached the service: the MTA tries again later.
fn deferred(mut error: CliError) -> CliError {
    if !matches!(error.kind, ExitKind::Interrupted | ExitKind::BrokenPipe) {
        error.kind = ExitKind::TempFail;
    }
    error
}

fn report(session: &Session, result: &InboundResult) -> CliResult {
    let Some(n) = result.ticket else {
        session.ui.success(
            "Dropped: a delivery report or read receipt about no email the desk sent, or a \
             delivery report of no failure; \
             nothing was stored",
        );
        return session.ui.print_value_only(result);
    };
    let message = match result.outcome {
        InboundOutcome::Created => format!("Opened ticket {n}"),
        InboundOutcome::Appended => format!("Added the reply to ticket {n}"),
        InboundOutcome::Reopened => format!("Added the reply to ticket {n} and reopened it"),
        InboundOutcome::HeldAsNote => {
            format!("Held the email as a note on ticket {n}: its sender is not the requester")
        }
        InboundOutcome::AutoReply => {
            format!("Held the email as a note on ticket {n}: it is an automatic reply")
        }
        InboundOutcome::Duplicate => {
            format!("Already received: the message is on ticket {n}, nothing changed")
        }
        InboundOutcome::Bounce => {
            format!("Recorded the bounce on ticket {n}: an email the desk sent did not arrive")
        }
        InboundOutcome::Dropped => {
            "Dropped: a delivery report of no failure; nothing was stored".into()
        }
    };
    session.ui.success(&message);
    session.ui.print_value(result, || n.to_string())
}
