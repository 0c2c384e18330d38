//! `deskctl auth status`: who the CLI acts as on its target, with which role,
//! against which service and version, and where the token comes from.

use clap::{Args, Subcommand};
use serde::Serialize;

use super::Session;
use crate::api::Role;
use crate::config::Target;
use crate::error::CliResult;
use crate::ui::{Detail, Tabular, Ui};

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum AuthCommand {
    /// Who you are on the current target (or --context), your role, the
    /// service's URL and version, and your token's id and where it comes
    /// from (tokens never expire: revoke them)
    #[command(
        after_help = "Examples:\n  deskctl auth status\n  deskctl auth status --context prod\n  deskctl auth status -o json"
    )]
    Status(AuthStatusArgs),
}

#[derive(Debug, Args)]
pub struct AuthStatusArgs {}

pub async fn dispatch(session: &Session, command: AuthCommand) -> CliResult {
    match command {
        AuthCommand::Status(args) => cmd_auth_status(session, args).await,
    }
}

/// What `auth status` reports. Never holds a token.
#[derive(Debug, Serialize)]
pub struct AuthStatus {
    /// The context's name, `local`, or the `--server` URL.
    pub context: String,
    /// The service URL; none for the local desk.
    pub server: Option<String>,
    /// The local desk file; none for a service.
    pub desk: Option<String>,
    /// The deskctl release serving the API, and the API version.
    pub version: String,
    pub api: String,
    /// `local-owner`, `operator` or `ingest`.
    pub kind: String,
    pub operator: Option<String>,
    pub role: Option<Role>,
    /// `stored`, `DESKCTL_TOKEN`, or `not needed` for the local desk.
    pub token: String,
    /// The id of the token in use (`tokens list`, `tokens revoke`); none for
    /// the local desk.
    pub token_id: Option<String>,
    /// When the token stops working; deskctl tokens never expire (revoke them
    /// with `deskctl tokens revoke`), so this is always null.
    pub token_expires_at: Option<String>,
}

pub async fn cmd_auth_status(session: &Session, _args: AuthStatusArgs) -> CliResult {
    let target = session.target()?;
    let client = session.client().await?;
    let version = client.version().await?;
    let me = client.me().await?;
    client.close().await;
    let (server, desk, token) = match &target {
        Target::Local { path } => (
            None,
            Some(path.display().to_string()),
            "not needed".to_string(),
        ),
        Target::Database { .. } => (None, Some(target.label()), "not needed".to_string()),
        Target::Remote { server, .. } => (
            Some(server.clone()),
            None,
            if session.env.token.is_some() {
                crate::env::DESKCTL_TOKEN.to_string()
            } else {
                "stored".to_string()
            },
        ),
    };
    let status = AuthStatus {
        context: target.label(),
        server,
        desk,
        version: version.version,
        api: version.api,
        kind: me.kind,
        operator: me.operator,
        role: me.role,
        token,
        token_id: me.token,
        token_expires_at: None,
    };
    session.ui.print_item(&status)
}

impl AuthStatus {
    fn who(&self) -> String {
        let role = self.role.map(|r| format!(" ({r})")).unwrap_or_default();
        match (self.kind.as_str(), &self.operator) {
            ("local-owner", _) => format!("the local desk's owner{role}"),
            ("ingest", _) => "an ingest token (handoffs and inbound mail only)".into(),
            (_, Some(handle)) => format!("{handle}{role}"),
            (kind, None) => format!("{kind}{role}"),
        }
    }

    fn token_text(&self) -> String {
        match (self.token.as_str(), &self.token_id) {
            ("not needed", _) => "not needed (the local desk trusts its file's owner)".into(),
            (source, Some(id)) => format!(
                "{id} ({source}); never expires (revoke it with `deskctl tokens revoke {id}`)"
            ),
            (source, None) => {
                format!("{source}; never expires (revoke it with `deskctl tokens revoke`)")
            }
        }
    }
}

impl Tabular for AuthStatus {
    fn columns(_wide: bool) -> Vec<&'static str> {
        vec!["CONTEXT", "SERVER", "VERSION", "USER", "ROLE", "TOKEN"]
    }

    fn cells(&self, _ui: &Ui, _wide: bool) -> Vec<String> {
        vec![
            self.context.clone(),
            self.server
                .clone()
                .or_else(|| self.desk.clone())
                .unwrap_or_default(),
            self.version.clone(),
            self.operator.clone().unwrap_or_else(|| self.kind.clone()),
            self.role.map_or_else(|| "-".into(), |r| r.to_string()),
            self.token.clone(),
        ]
    }

    fn name(&self) -> String {
        self.operator.clone().unwrap_or_else(|| self.kind.clone())
    }
}

impl Detail for AuthStatus {
    fn fields(&self, _ui: &Ui) -> Vec<(&'static str, String)> {
        let mut fields = vec![("Context", self.context.clone())];
        match (&self.server, &self.desk) {
            (Some(server), _) => fields.push(("Server", server.clone())),
            (None, Some(desk)) => fields.push(("Desk", desk.clone())),
            (None, None) => {}
        }
        fields.extend([
            (
                "Version",
                format!("deskctl {} (API {})", self.version, self.api),
            ),
            ("Signed in as", self.who()),
            ("Token", self.token_text()),
        ]);
        fields
    }
}
