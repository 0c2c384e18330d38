//! Reading a desired-state document for `diff`, `apply` and `handoff preview
//! --with`: parsed with every problem located, secret references resolved
//! (`${env:NAME}`, `${file:PATH}` relative to the document) so the service
//! receives values and never a reference it cannot follow.

use std::path::Path;

use crate::api::{DeskDocument, SecretForm, SecretValue};
use crate::cli::Session;
use crate::error::CliError;
use crate::manifest::parse::parse;
use crate::manifest::{Diagnostic, Source};

/// The document at `path` (`-` for stdin), with its secrets resolved.
pub(crate) fn read_document(session: &Session, path: &Path) -> Result<DeskDocument, CliError> {
    let text = session.read_text(path)?;
    let (name, dir) = if path.as_os_str() == "-" {
        (
            "<stdin>".to_string(),
            std::env::current_dir().unwrap_or_default(),
        )
    } else {
        (
            path.display().to_string(),
            path.parent().map(Path::to_path_buf).unwrap_or_default(),
        )
    };
    let source = Source::new(name.clone(), text, &dir);
    let mut document = parse(&source)
        .map_err(|diagnostics| invalid(&source, &diagnostics))?
        .document;
    let mut problems = Vec::new();
    let mut resolve = |field: &str, secret: &mut Option<SecretValue>| {
        let Some(value) = secret.as_ref() else { return };
        let resolved = match value.form() {
            SecretForm::Env(variable) => std::env::var(variable)
                .map_err(|_| format!("{field}: environment variable {variable} is not set")),
            SecretForm::File(file) => std::fs::read_to_string(dir.join(file))
                .map(|text| text.trim_end_matches(['\n', '\r']).to_string())
                .map_err(|e| format!("{field}: cannot read {file}: {e}")),
            SecretForm::Literal(_) | SecretForm::Fingerprint(_) => return,
            SecretForm::Malformed => Err(format!(
                "{field}: use ${{env:NAME}} or ${{file:PATH}} for a secret"
            )),
        };
        match resolved {
            Ok(text) => *secret = Some(SecretValue::new(text)),
            Err(problem) => problems.push(problem),
        }
    };
    if let Some(email) = document.email.as_mut() {
        resolve("email.password", &mut email.password);
    }
    if let Some(delivery) = document.delivery.as_mut() {
        resolve("delivery.secret", &mut delivery.secret);
    }
    for (index, integration) in document.integrations.iter_mut().flatten().enumerate() {
        for (key, secret) in integration.secrets.iter_mut() {
            let mut slot = Some(secret.clone());
            resolve(&format!("integrations[{index}].secrets.{key}"), &mut slot);
            if let Some(value) = slot {
                *secret = value;
            }
        }
    }
    if problems.is_empty() {
        Ok(document)
    } else {
        let mut error = CliError::general(format!("{name}: secrets cannot be resolved"));
        error.details = problems;
        Err(error)
    }
}

fn invalid(source: &Source, diagnostics: &[Diagnostic]) -> CliError {
    let mut error = CliError::general(format!(
        "{} is not a valid desk document ({} problems)",
        source.name,
        diagnostics.len()
    ))
    .with_hint("`deskctl validate -f FILE` explains each problem");
    error.details = diagnostics
        .iter()
        .map(|d| format!("{}:{}: {}", source.name, d.pos, d.message))
        .collect();
    error
}
