//! `deskctl apply -f FILE`: make the workspace match a document, atomically.

use std::path::PathBuf;

use clap::Args;

use crate::api::{ChangeAction, ConfigRequest};
use crate::cli::Session;
use crate::cli::document::read_document;
use crate::error::{CliError, CliResult, ExitKind};
use crate::ui::plan::summary_line;

/// Deletions `--prune` makes after a confirmation on a terminal; more need `--yes`.
const PRUNE_WITHOUT_YES: u32 = 5;
/// Resources in a plan from which applying shows a progress bar.
const PROGRESS_FROM: u32 = 50;

#[derive(Debug, Args)]
pub struct ApplyArgs {
    /// The desk document, YAML (`-` for stdin)
    #[arg(short = 'f', long = "file", value_name = "FILE")]
    pub file: PathBuf,
    /// Show the plan and apply nothing (exit 3 when there are changes)
    #[arg(long)]
    pub dry_run: bool,
    /// Also delete what the document's sections do not list
    #[arg(long)]
    pub prune: bool,
}

/// Plans, shows the plan on stderr, confirms, then applies in one transaction
/// guarded by the planned revision: a concurrent change applies nothing (exit 6).
pub async fn cmd_apply(session: &Session, args: ApplyArgs) -> CliResult {
    let document = read_document(session, &args.file)?;
    let request = ConfigRequest {
        document,
        prune: args.prune,
    };
    let client = session.client().await?;
    let plan = client.plan_config(&request).await?;
    let name = args.file.display().to_string();
    if !plan.has_changes() {
        if args.dry_run {
            session
                .ui
                .print_value(&plan, || session.ui.plan_text(&plan))?;
        }
        session
            .ui
            .success(&format!("No changes. The workspace matches {name}."));
        return Ok(());
    }
    if args.dry_run {
        session
            .ui
            .print_value(&plan, || session.ui.plan_text(&plan))?;
        return Err(CliError::changes_present());
    }
    session.ui.info(&session.ui.plan_text(&plan));
    let removals = plan.summary.remove;
    if removals > PRUNE_WITHOUT_YES && !session.ui.assume_yes() {
        return Err(CliError::needs_flag(
            &format!("--prune would delete {removals} resources (more than {PRUNE_WITHOUT_YES})"),
            "--yes",
        ));
    }
    session
        .ui
        .confirm(&format!("apply these changes? {}", summary_line(&plan)))?;
    let revision = plan.revision.clone().ok_or_else(|| {
        CliError::general("the service's plan names no revision to apply against")
    })?;
    let total = plan.summary.add + plan.summary.change + plan.summary.remove;
    let bar = session.ui.progress(if total >= PROGRESS_FROM {
        u64::from(total)
    } else {
        0
    });
    bar.set_message("applying in one transaction");
    let applied = match client.apply_config(&request, &revision).await {
        Ok(applied) => applied,
        Err(error) if error.status() == Some(http::StatusCode::PRECONDITION_FAILED) => {
            bar.finish_and_clear();
            // A retried request whose first attempt did commit also ends here:
            // when the workspace now matches the document, the apply happened.
            if !client.plan_config(&request).await?.has_changes() {
                session.ui.success(&format!(
                    "The workspace matches {name} (it changed since the plan, to what the \
                     document says)."
                ));
                return Ok(());
            }
            return Err(
                CliError::new(ExitKind::Conflict, CliError::from(error).message).with_hint(
                    "the workspace changed since the plan: run the apply again to plan against it",
                ),
            );
        }
        Err(error) => return Err(error.into()),
    };
    bar.set_position(u64::from(total));
    bar.finish_and_clear();
    let done = |action| {
        applied
            .plan
            .sections
            .iter()
            .flat_map(|s| &s.changes)
            .filter(|c| c.action == action)
            .count()
    };
    session.ui.success(&format!(
        "Applied {name}: {} added, {} changed, {} removed (revision {}).",
        done(ChangeAction::Add),
        done(ChangeAction::Change),
        done(ChangeAction::Remove),
        applied.revision
    ));
    Ok(())
}
