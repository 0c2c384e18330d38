use clap::Args;

use super::ContextView;
use crate::cli::Session;
use crate::config::LOCAL_CONTEXT;
use crate::error::CliResult;

#[derive(Debug, Args)]
pub struct ContextListArgs {}

pub fn cmd_context_list(session: &Session, _args: ContextListArgs) -> CliResult {
    let config = session.load_config()?;
    let credentials = session.load_credentials()?;
    let mut views = vec![ContextView {
        name: LOCAL_CONTEXT.to_string(),
        current: config.current_context.is_none(),
        server: None,
        desk: Some(session.paths.default_desk.display().to_string()),
        environment: None,
        protected: false,
        token: "not needed".into(),
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
            token: if credentials.token(&entry.name).is_some() {
                "stored"
            } else {
                "none"
            }
            .into(),
        }
    }));
    session.ui.print_list(&views, "contexts")
}
