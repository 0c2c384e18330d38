//! `deskctl apply -f FILE…`: make the workspace match a document, atomically.

use clap::Args;

use crate::api::{ChangeAction, ConfigApplied, Plan};
use crate::cli::Session;
use crate::cli::diff::{plan_changing_nothing, warn_of};
use crate::cli::document::{DocumentArgs, SecretsArgs, read_config_request};
use crate::error::{CliError, CliResult, ExitKind};

#[derive(Debug, Args)]
pub struct ApplyArgs {
    #[command(flatten)]
    pub documents: DocumentArgs,
    /// Show the plan and apply nothing (exit 3 when there are changes)
    #[arg(long)]
    pub dry_run: bool,
    /// Also delete what the document's sections do not list
    #[arg(long)]
    pub prune: bool,
    // --skip-secrets: with --dry-run only, since applying needs the values.
    #[command(flatten)]
    pub secrets: SecretsArgs,
}

/// Plans, shows the plan on stderr, asks for a typed `yes` (or takes --yes),
/// then applies in one transaction guarded by the planned revision: a
/// concurrent change applies nothing (exit 6). What was applied goes to
/// stdout for `-o json|jsonl|yaml|name` (see [`crate::ui::Ui::print_applied`]),
/// "no changes" included; `--dry-run` prints the plan as `diff` does.
pub async fn cmd_apply(session: &Session, args: ApplyArgs) -> CliResult {
    if args.secrets.skip_secrets && !args.dry_run {
        return Err(CliError::usage(
            "--skip-secrets plans without the secrets, and applying needs them: add --dry-run, \
             or give the secrets",
        ));
    }
    let (request, places) =
        read_config_request(session, &args.documents, &args.secrets, args.prune)?;
    let located = |error: CliError| places.locate(session, error);
    let name = args.documents.name();
    let no_changes = || {
        session
            .ui
            .success(&format!("No changes. The workspace matches {name}."))
    };
    if args.dry_run {
        let plan = plan_changing_nothing(session, &request)
            .await
            .map_err(located)?;
        warn_of(session, &plan);
        session.ui.print_plan(&plan)?;
        if !plan.has_changes() {
            no_changes();
            return Ok(());
        }
        return Err(CliError::changes_present());
    }
    let client = session.planner().await?;
    let plan = client
        .plan_config(&request)
        .await
        .map_err(|error| located(error.into()))?;
    warn_of(session, &plan);
    let revision = planned_against(&plan)?;
    if !plan.has_changes() {
        no_changes();
        // Nothing to apply is an answer too: the plan, and the revision as it stays.
        return session.ui.print_applied(&ConfigApplied { plan, revision });
    }
    session.ui.show_plan(&plan);
    let summary = plan.summary;
    let total = summary.add + summary.change + summary.remove;
    // A whole plan, deletions included, hangs on a typed `yes`, not a keypress.
    session.ui.confirm_typed(&format!(
        "apply {total} change{} to {} ({} to add, {} to change, {} to remove)",
        if total == 1 { "" } else { "s" },
        session.target()?.describe(),
        summary.add,
        summary.change,
        summary.remove
    ))?;
    // One request, one transaction: there is no count to show, only the wait.
    let spinner = session
        .ui
        .spinner(&format!("Applying {total} changes in one transaction"));
    let applied = match client.apply_config(&request, &revision).await {
        Ok(applied) => applied,
        Err(error) if error.status() == Some(http::StatusCode::PRECONDITION_FAILED) => {
            spinner.finish_and_clear();
            // A retried request whose first attempt did commit also ends here:
            // when the workspace now matches the document, the apply happened.
            let now = client.plan_config(&request).await?;
            if !now.has_changes() {
                session.ui.success(&format!(
                    "The workspace matches {name} (it changed since the plan, to what the \
                     document says)."
                ));
                let revision = planned_against(&now)?;
                return session.ui.print_applied(&ConfigApplied {
                    plan: now,
                    revision,
                });
            }
            return Err(
                CliError::new(ExitKind::Conflict, CliError::from(error).message).with_hint(
                    "the workspace changed since the plan: run the apply again to plan against it",
                ),
            );
        }
        Err(error) => {
            spinner.finish_and_clear();
            return Err(located(error.into()));
        }
    };
    spinner.finish_and_clear();
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
    session.ui.print_applied(&applied)
}

/// The revision `plan` was made against, which an apply is guarded by.
fn planned_against(plan: &Plan) -> CliResult<String> {
    plan.revision
        .clone()
        .ok_or_else(|| CliError::general("the service's plan names no revision to apply against"))
}
