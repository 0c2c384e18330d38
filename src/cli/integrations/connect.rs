use std::collections::BTreeMap;
use std::path::Path;

use clap::Args;

use super::{kind_parser, print_report};
use crate::api::{IntegrationKind, IntegrationPut, Priority, SettingSpec};
use crate::cli::Session;
use crate::cli::secret::{SecretSource, read_secret};
use crate::domain::workspace::connection::{self, Misnamed};
use crate::error::{CliError, CliResult};

pub(super) const EXAMPLES: &str = "Examples:
  deskctl integrations connect zendesk --set subdomain=acme \\
      --set email=bot@acme.com --secret api-token=env:ZD_TOKEN
  deskctl integrations connect freshdesk --set domain=acme --secret api-key \\
      --no-test
  deskctl integrations connect zendesk --field order-id=360001234 \\
      --priority urgent=urgent";

#[derive(Debug, Args)]
#[command(after_long_help = crate::cli::help::integration_settings_help(EXAMPLES))]
pub struct IntegrationsConnectArgs {
    /// The platform
    #[arg(value_parser = kind_parser())]
    pub kind: IntegrationKind,
    /// A setting, e.g. `--set subdomain=acme` (repeat for each; see the list below)
    #[arg(long = "set", value_name = "KEY=VALUE", value_parser = KeyValue)]
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
    #[arg(long = "field", value_name = "KEY=FIELD", value_parser = KeyValue)]
    pub fields: Vec<(String, String)>,
    /// Stop sending a context key or Desk value to the platform
    #[arg(long, value_name = "KEY")]
    pub unmap_field: Vec<String>,
    /// Use this platform value for a Desk priority: PRIORITY=VALUE, e.g. urgent=Critical
    #[arg(long = "priority", value_name = "PRIORITY=VALUE", value_parser = priority_value())]
    pub priorities: Vec<(Priority, String)>,
    /// Save without testing the connection
    #[arg(long)]
    pub no_test: bool,
}

/// `KEY=VALUE`, as `--set`, `--field` and `--priority` take it. Text that is
/// not is refused without being repeated (clap's own error would quote it):
/// it may be a secret typed on the wrong flag, or without its name.
#[derive(Debug, Clone, Copy)]
struct KeyValue;

impl clap::builder::TypedValueParser for KeyValue {
    type Value = (String, String);

    fn parse_ref(
        &self,
        command: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Self::Value, clap::Error> {
        let flag = arg
            .and_then(clap::Arg::get_long)
            .map_or_else(|| "this flag".to_string(), |long| format!("--{long}"));
        let refuse = |what: &str| {
            clap::Error::raw(
                clap::error::ErrorKind::ValueValidation,
                format!(
                    "{flag} takes KEY=VALUE, and the value given {what} (it is not repeated \
                     here: it may be a secret)"
                ),
            )
            .format(&mut command.clone())
        };
        match value.to_str().map(|text| text.split_once('=')) {
            Some(Some((key, value))) if !key.is_empty() => Ok((key.to_string(), value.to_string())),
            Some(Some(_)) => Err(refuse("has nothing before its `=`")),
            Some(None) => Err(refuse("has no `=`")),
            None => Err(refuse("is not UTF-8")),
        }
    }
}

fn priority_value() -> impl clap::builder::TypedValueParser<Value = (Priority, String)> {
    use clap::builder::TypedValueParser;
    KeyValue.try_map(|(priority, value)| Ok::<_, String>((priority.parse::<Priority>()?, value)))
}

/// Connects (or changes) an integration: what is given replaces what is kept,
/// the rest stays; then tests it, unless `--no-test`.
pub async fn cmd_integrations_connect(
    session: &Session,
    args: IntegrationsConnectArgs,
) -> CliResult {
    let kind = args.kind;
    // Names are checked as the service checks them, before any secret is
    // read or anything is sent: a misspelt or misplaced one is a usage error.
    for (key, _) in &args.settings {
        check_name(kind, key, Flag::Set)?;
    }
    for key in &args.unset {
        check_name(kind, key, Flag::Unset)?;
    }
    for name in &args.remove_secret {
        check_name(kind, name, Flag::RemoveSecret)?;
    }
    // Read every secret before anything is sent, so a bad source changes nothing.
    let mut secrets: BTreeMap<String, Option<String>> = BTreeMap::new();
    for given in &args.secrets {
        let (name, source) = match given.split_once('=') {
            Some((name, source)) => (name, Some(source)),
            None => (given.as_str(), None),
        };
        let spec = check_name(
            kind,
            name,
            Flag::Secret {
                named: source.is_some(),
            },
        )?;
        let source = match source {
            None => SecretSource::Prompt,
            Some("-") => SecretSource::Stdin,
            // Anything else may be the secret itself: never repeated.
            Some(source) => match source.split_once(':') {
                Some(("env", var)) => SecretSource::Env(var),
                Some(("file", path)) => SecretSource::File(Path::new(path)),
                _ => {
                    return Err(CliError::usage(format!(
                        "--secret {name}=…: the value must be env:NAME, file:PATH or - (stdin); \
                         secrets are never taken on the command line"
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

/// The flag a name was given with.
#[derive(Debug, Clone, Copy)]
enum Flag {
    Set,
    Unset,
    /// `named`: given as `NAME=SOURCE`; a bare `--secret TEXT` may be the
    /// secret itself, typed where its name goes.
    Secret {
        named: bool,
    },
    RemoveSecret,
}

/// `key`'s setting or secret, or a usage error saying which flag it takes
/// (with the name it is likely a misspelling of). A value given with it is
/// never repeated: it may be a secret on the wrong flag.
fn check_name(kind: IntegrationKind, key: &str, flag: Flag) -> CliResult<&'static SettingSpec> {
    let secret = matches!(flag, Flag::Secret { .. } | Flag::RemoveSecret);
    let given = match flag {
        Flag::Set => format!("--set {key}=…"),
        Flag::Unset => format!("--unset {key}"),
        Flag::Secret { .. } => format!("--secret {key}"),
        Flag::RemoveSecret => format!("--remove-secret {key}"),
    };
    let misnamed = match connection::check_name(kind, key, secret) {
        Ok(spec) => return Ok(spec),
        Err(misnamed) => misnamed,
    };
    let error = match misnamed {
        Misnamed::Unknown { nearest, known } => {
            let sort = if secret { "secret" } else { "setting" };
            let error = match flag {
                Flag::Secret { named: false } => CliError::usage(format!(
                    "--secret: {kind} has no secret by the name given (it is not repeated here: \
                     it may be the secret itself; secrets are never taken on the command line)"
                )),
                _ => CliError::usage(format!("{given}: {kind} has no {sort} '{key}'")),
            };
            let known = format!("its {sort}s: {}", known.join(", "));
            match nearest {
                Some(nearest) => error.with_hint(format!("did you mean '{nearest}'? ({known})")),
                None => error.with_hint(known),
            }
        }
        Misnamed::Secret => CliError::usage(format!(
            "{given}: {key} is a secret: give it with --secret {key}=env:NAME (or file:PATH, or - \
             for stdin), remove it with --remove-secret {key}; secrets are never taken on the \
             command line"
        )),
        Misnamed::NotSecret => CliError::usage(format!(
            "{given}: {key} is a setting, not a secret: give it with --set {key}=VALUE, remove it \
             with --unset {key}"
        )),
    };
    Err(error)
}
