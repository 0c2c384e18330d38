use std::collections::BTreeMap;
use std::path::Path;

use clap::Args;

use super::{kind_parser, print_report};
use crate::api::{IntegrationKind, IntegrationPut, Priority};
use crate::cli::Session;
use crate::cli::secret::{SecretSource, read_secret};
use crate::error::{CliError, CliResult};

pub(super) const EXAMPLES: &str = "Examples:
  deskctl integrations connect zendesk --set subdomain=acme --set email=bot@acme.com \\
      --secret api-token=env:ZD_TOKEN
  deskctl integrations connect freshdesk --set domain=acme --secret api-key --no-test
  deskctl integrations connect zendesk --field order-id=360001234 --priority urgent=urgent";

#[derive(Debug, Args)]
#[command(after_long_help = crate::cli::help::integration_settings_help(EXAMPLES))]
pub struct IntegrationsConnectArgs {
    /// The platform
    #[arg(value_parser = kind_parser())]
    pub kind: IntegrationKind,
    /// A setting, e.g. `--set subdomain=acme` (repeat for each; see the list below)
    #[arg(long = "set", value_name = "KEY=VALUE", value_parser = key_value)]
    pub settings: Vec<(String, String)>,
    /// Remove a setting kept from an earlier connect
    #[arg(long, value_name = "KEY")]
    pub unset: Vec<String>,
    /// A secret and where to read it: NAME=env:VAR, NAME=file:PATH, NAME=- (stdin),
    /// or just NAME to be asked for it. Never on the command line itself
    #[arg(long = "secret", value_name = "NAME[=SOURCE]")]
    pub secrets: Vec<String>,
    /// Remove a stored secret
    #[arg(long, value_name = "NAME")]
    pub remove_secret: Vec<String>,
    /// Call the platform here instead of its usual host (a sandbox, a proxy, a test double)
    #[arg(long, value_name = "URL", conflicts_with = "no_base_url")]
    pub base_url: Option<String>,
    /// Go back to the platform's usual host
    #[arg(long)]
    pub no_base_url: bool,
    /// Send a context key (a ticket field's value, converted) or one of Desk's
    /// own values (desk.team, desk.priority, desk.reason, desk.handoff,
    /// desk.agent, desk.channel, desk.environment) to a platform custom field:
    /// KEY=PLATFORM_FIELD
    #[arg(long = "field", value_name = "KEY=FIELD", value_parser = key_value)]
    pub fields: Vec<(String, String)>,
    /// Stop sending a context key or Desk value to the platform
    #[arg(long, value_name = "KEY")]
    pub unmap_field: Vec<String>,
    /// Use this platform value for a Desk priority: PRIORITY=VALUE, e.g. urgent=Critical
    #[arg(long = "priority", value_name = "PRIORITY=VALUE", value_parser = priority_value)]
    pub priorities: Vec<(Priority, String)>,
    /// Save without testing the connection
    #[arg(long)]
    pub no_test: bool,
}

fn key_value(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((key, value)) if !key.is_empty() => Ok((key.to_string(), value.to_string())),
        _ => Err(format!("'{text}' is not KEY=VALUE")),
    }
}

fn priority_value(text: &str) -> Result<(Priority, String), String> {
    let (priority, value) = key_value(text)?;
    Ok((priority.parse()?, value))
}

/// Connects (or changes) an integration: what is given replaces what is kept,
/// the rest stays; then tests it, unless `--no-test`.
pub async fn cmd_integrations_connect(
    session: &Session,
    args: IntegrationsConnectArgs,
) -> CliResult {
    let kind = args.kind;
    // Read every secret before anything is sent, so a bad source changes nothing.
    let mut secrets: BTreeMap<String, Option<String>> = BTreeMap::new();
    for given in &args.secrets {
        let (name, source) = match given.split_once('=') {
            Some((name, source)) => (name, Some(source)),
            None => (given.as_str(), None),
        };
        let Some(spec) = kind.setting(name).filter(|spec| spec.secret) else {
            return Err(unknown_secret(kind, name));
        };
        let source = match source {
            None => SecretSource::Prompt,
            Some("-") => SecretSource::Stdin,
            Some(source) => match source.split_once(':') {
                Some(("env", var)) => SecretSource::Env(var),
                Some(("file", path)) => SecretSource::File(Path::new(path)),
                _ => {
                    return Err(CliError::usage(format!(
                        "--secret {name}=…: '{source}' is not a source: use env:VAR, file:PATH \
                         or - (stdin); a secret itself never goes on the command line"
                    )));
                }
            },
        };
        let flag = format!("--secret {}=env:VAR", spec.key);
        let value = read_secret(
            session,
            source,
            &format!("{} {}", kind.title(), spec.key),
            &flag,
        )?;
        secrets.insert(spec.key.to_string(), Some(value));
    }
    for name in &args.remove_secret {
        if !kind.setting(name).is_some_and(|spec| spec.secret) {
            return Err(unknown_secret(kind, name));
        }
        secrets.insert(name.clone(), None);
    }
    let client = session.writer(&format!("connect {}", kind.title())).await?;
    let existing = match client.get_integration(kind).await {
        Ok(integration) => Some(integration),
        Err(error) if error.status() == Some(http::StatusCode::NOT_FOUND) => None,
        Err(error) => return Err(error.into()),
    };
    // Ask for required secrets neither given nor stored.
    for spec in kind.settings().iter().filter(|s| s.secret && s.required) {
        let stored = existing
            .as_ref()
            .is_some_and(|i| i.secrets.contains_key(spec.key));
        if !stored && !secrets.contains_key(spec.key) {
            let flag = format!("--secret {}=env:VAR", spec.key);
            let what = format!("{} {} ({})", kind.title(), spec.key, spec.help);
            let value = read_secret(session, SecretSource::Prompt, &what, &flag)?;
            secrets.insert(spec.key.to_string(), Some(value));
        }
    }
    let mut put = match &existing {
        Some(integration) => IntegrationPut {
            settings: integration.settings.clone(),
            secrets: BTreeMap::new(),
            base_url: integration.base_url.clone(),
            fields: integration.fields.clone(),
            priorities: integration.priorities.clone(),
        },
        None => IntegrationPut::default(),
    };
    put.secrets = secrets;
    put.settings.extend(args.settings);
    for key in &args.unset {
        put.settings.remove(key);
    }
    if let Some(url) = args.base_url {
        put.base_url = Some(url);
    }
    if args.no_base_url {
        put.base_url = None;
    }
    put.fields.extend(args.fields);
    for key in &args.unmap_field {
        put.fields.remove(key);
    }
    put.priorities.extend(args.priorities);
    let integration = client.put_integration(kind, &put).await?;
    let verb = if existing.is_some() {
        "Updated"
    } else {
        "Connected"
    };
    session.ui.success(&format!("{verb} {}", kind.title()));
    if args.no_test {
        return session.ui.print_item(&integration);
    }
    let report = client.test_integration(kind).await?;
    print_report(session, kind, &report)
}

fn unknown_secret(kind: IntegrationKind, name: &str) -> CliError {
    let secrets: Vec<&str> = kind
        .settings()
        .iter()
        .filter(|spec| spec.secret)
        .map(|spec| spec.key)
        .collect();
    CliError::usage(format!(
        "{kind} has no secret '{name}': its secrets are {}",
        secrets.join(", ")
    ))
}
