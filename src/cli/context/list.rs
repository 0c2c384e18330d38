use clap::Args;

use super::ContextView;
use crate::cli::Session;
use crate::config::{LOCAL_CONTEXT, Target, chosen_by, resolve_target};
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct ContextListArgs {}

pub fn cmd_context_list(session: &Session, _args: ContextListArgs) -> CliResult {
    let config = session.load_config()?;
    // The list shows only whether a token is stored: a credentials file
    // that cannot be read leaves that unknown, not the contexts unlisted.
    let credentials = match session.load_credentials() {
        Ok(credentials) => Some(credentials),
        Err(error) => {
            let why = std::iter::once(error.message)
                .chain(error.causes)
                .collect::<Vec<_>>()
                .join(": ");
            session
                .ui
                .warn(&format!("{why}; each context's token is shown as unknown"));
            None
        }
    };
    // The context commands use now, and what picked it (as `context show`
    // says): none when they use a bare URL or another desk file, or when the
    // flags and variables do not resolve.
    let in_use = resolve_target(
        &session.flags,
        &session.env,
        &config,
        &credentials.clone().unwrap_or_default(),
        &session.paths.default_desk,
    )
    .ok()
    .and_then(|target| match target {
        Target::Local { path } if path == session.paths.default_desk => {
            Some(LOCAL_CONTEXT.to_string())
        }
        Target::Remote {
            context: Some(name),
            ..
        } => Some(name),
        _ => None,
    });
    let by = chosen_by(&session.flags, &session.env, &config);
    let chosen = |name: &str| (in_use.as_deref() == Some(name)).then(|| by.to_string());
    let mut views = vec![ContextView {
        name: LOCAL_CONTEXT.to_string(),
        current: config.current_context.is_none(),
        server: None,
        desk: Some(session.paths.default_desk.display().to_string()),
        environment: None,
        protected: false,
        token: "not needed".into(),
        chosen_by: chosen(LOCAL_CONTEXT),
    }];
    views.extend(config.contexts.iter().map(|entry| {
        ContextView {
            name: entry.name.clone(),
            current: config.current_context.as_deref() == Some(entry.name.as_str()),
            // A config written before user info was refused may still hold a password.
            server: Some(crate::domain::urls::shown_url(&entry.server)),
            desk: None,
            environment: entry.environment,
            protected: entry.protected,
            token: match &credentials {
                Some(credentials) if credentials.token(&entry.name).is_some() => "stored",
                Some(_) => "none",
                None => "unknown",
            }
            .into(),
            chosen_by: chosen(&entry.name),
        }
    }));
    session.ui.print_list(&views, "contexts")
}
