use std::path::{Path, PathBuf};

use clap::Args;

use super::{read_handoff, read_handoffs};
use crate::api::{
    DecisionDifference, Environment, HandoffRequest, WhatIfOutcome, WhatIfRequest, WhatIfResult,
};
use crate::cli::document::read_what_if_document;
use crate::cli::names::{Named, OrSuggest};
use crate::cli::{Session, wire_enum_parser};
use crate::error::{CliError, CliResult};

/// Handoffs sent to the service per what-if request, to stay under its body limit.
const WHAT_IF_BATCH: usize = 100;

#[derive(Debug, Args)]
pub struct HandoffPreviewArgs {
    /// The handoff, JSON or YAML (`-` for stdin); with --with, also many handoffs
    /// as JSON Lines: a file named *.jsonl or *.ndjson, or any input whose first
    /// line is a whole JSON object with more lines after it, as `jq -c` prints
    /// (see docs/handoff-format.md)
    #[arg(short = 'f', long = "file", value_name = "FILE")]
    pub file: PathBuf,
    /// Preview as this agent instead of the file's
    #[arg(long, value_name = "KEY")]
    #[arg(add = crate::cli::complete::agents())]
    pub agent: Option<String>,
    /// Preview in this environment instead of the file's
    #[arg(long = "env", value_name = "ENV",
        value_parser = wire_enum_parser::<Environment>(Environment::NAMES))]
    pub environment: Option<Environment>,
    /// Compare with the workspace as this desk document would make it (what-if);
    /// exits 3 when any handoff would be decided differently
    #[arg(long = "with", value_name = "DESK_YAML")]
    pub with: Option<PathBuf>,
}

/// Runs the real pipeline on the current context's desk and stores nothing.
pub async fn cmd_handoff_preview(session: &Session, args: HandoffPreviewArgs) -> CliResult {
    let stdin = Path::new("-");
    if args.file == stdin && args.with.as_deref() == Some(stdin) {
        // Read first, the handoffs would leave the document empty, and its error mislead.
        return Err(CliError::usage(
            "`-f -` and `--with -` both read stdin, which can be read once: give the handoffs \
             or the document as a file",
        ));
    }
    if let Some(document) = &args.with {
        return what_if(session, &args, document).await;
    }
    let request = read_handoff(
        session,
        &args.file,
        args.agent.as_deref(),
        args.environment,
        "with `--with DESK_YAML`, handoff preview compares many handoffs with a desk document",
    )?;
    let client = session.client().await?;
    let decision = client
        .preview_handoff(&request)
        .await
        .or_suggest(&client, &[(Named::Agent, &request.agent)])
        .await?;
    session.ui.print_item(&super::PreviewView {
        decision,
        context: request.context,
    })
}

async fn what_if(session: &Session, args: &HandoffPreviewArgs, with: &Path) -> CliResult {
    let handoffs = read_handoffs(session, &args.file, args.agent.as_deref(), args.environment)?;
    let document = read_what_if_document(session, with)?;
    let client = session.client().await?;
    let mut results: Vec<WhatIfResult> = Vec::with_capacity(handoffs.len());
    for (batch, chunk) in handoffs.chunks(WHAT_IF_BATCH).enumerate() {
        let report = client
            .what_if(&WhatIfRequest {
                document: document.clone(),
                handoffs: chunk.to_vec(),
            })
            .await?;
        results.extend(report.results.into_iter().map(|mut result| {
            result.index += batch * WHAT_IF_BATCH;
            result
        }));
    }
    let different = results.iter().filter(|r| !r.differences.is_empty()).count();
    session.ui.print_value(&results, || {
        results
            .iter()
            .map(|r| row(r, &handoffs[r.index]))
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    session.ui.info(&format!(
        "{different} of {} would be decided differently under {}",
        results.len(),
        with.display()
    ));
    if different > 0 {
        Err(CliError::changes_present())
    } else {
        Ok(())
    }
}

fn shown(value: &Option<serde_json::Value>) -> String {
    match value {
        None => "(none)".into(),
        Some(serde_json::Value::String(text)) => text.clone(),
        Some(other) => other.to_string(),
    }
}

/// `#3 shop/web  team billing → support; priority high → urgent`, or `same`.
/// A value of several lines (the summary) is only said to change, to keep one
/// row per handoff; `-o json` has both.
fn row(result: &WhatIfResult, handoff: &HandoffRequest) -> String {
    let describe = |d: &DecisionDifference| {
        let (current, proposed) = (shown(&d.current), shown(&d.proposed));
        if current.contains('\n') || proposed.contains('\n') {
            format!("{} changed", d.field)
        } else {
            format!("{} {current} → {proposed}", d.field)
        }
    };
    let change = if result.differences.is_empty() {
        match &result.current {
            WhatIfOutcome::Decision(decision) => format!(
                "same: team {}, priority {}",
                decision.team.value.as_deref().unwrap_or("(none)"),
                decision.priority.value
            ),
            WhatIfOutcome::Rejected(problem) => format!("same: refused ({})", problem.code),
        }
    } else {
        result
            .differences
            .iter()
            .map(describe)
            .collect::<Vec<_>>()
            .join("; ")
    };
    format!(
        "#{}\t{}/{}\t{change}",
        result.index + 1,
        handoff.agent,
        handoff.channel
    )
}
