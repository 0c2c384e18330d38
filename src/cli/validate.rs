use clap::Args;

use crate::cli::Session;
use crate::cli::document::{
    DocumentArgs, SecretsArgs, read_sources, read_sources_showing, verdict,
};
use crate::error::CliResult;
use crate::manifest;
use crate::manifest::diagnostic::Report;
use crate::ui::OutputFormat;

#[derive(Debug, Args)]
pub struct ValidateArgs {
    #[command(flatten)]
    pub documents: DocumentArgs,
    #[command(flatten)]
    pub secrets: SecretsArgs,
}

/// Checks a workspace document offline: syntax, types, unknown and repeated
/// keys, key conventions, references between sections and secret references.
/// Several documents are checked as the one they combine into. Every problem
/// is shown with file:line:column (`-o json|jsonl|yaml`: all of them as one
/// [`Report`] on stdout instead); exits 1 when there is an error.
pub async fn cmd_validate(session: &Session, args: ValidateArgs) -> CliResult {
    let as_data = matches!(
        session.ui.format,
        OutputFormat::Json | OutputFormat::Jsonl | OutputFormat::Yaml
    );
    let print = |report: Report| session.ui.print_value(&report, String::new);
    let sources = if as_data {
        read_sources_showing(&args.documents, &|shown, diagnostics| {
            print(Report::new([(shown.name.as_str(), diagnostics)]))
        })?
    } else {
        read_sources(session, &args.documents)?
    };
    let checked = manifest::check_all(&sources, args.secrets.lookup());
    if as_data {
        print(Report::new(checked.files.iter().map(|file| {
            (file.shown.name.as_str(), file.diagnostics.as_slice())
        })))?;
    } else {
        for file in &checked.files {
            session.ui.diagnostics(&file.shown, &file.diagnostics);
        }
    }
    verdict(&checked)?;
    let mut notes = Vec::new();
    if sources.len() > 1 {
        notes.push(format!("{} documents", sources.len()));
    }
    match checked.warnings() {
        0 => {}
        1 => notes.push("1 warning".to_string()),
        n => notes.push(format!("{n} warnings")),
    }
    let (name, is) = (args.documents.name(), args.documents.is_or_are());
    session.ui.success(&match notes.as_slice() {
        [] => format!("{name} {is} valid"),
        notes => format!("{name} {is} valid ({})", notes.join(", ")),
    });
    Ok(())
}
