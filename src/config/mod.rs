//! The CLI's own configuration: contexts (which Desk service to talk to), the
//! credentials file that holds their tokens, and which target a command uses.
//!
//! Precedence: a flag, then an environment variable, then the current context,
//! then the local desk.

mod files;

pub use files::{ConfigFile, ContextEntry, Credentials, atomic_write};

use std::path::{Path, PathBuf};

use secrecy::{ExposeSecret, SecretString};

use crate::api::Environment;
use crate::client::{ServerUrlProblem, check_server_url};
use crate::domain::urls::shown_url;
use crate::env::EnvVars;

/// The reserved name of the local desk in `context list` and `context use`.
pub const LOCAL_CONTEXT: &str = "local";

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("context '{name}' does not exist")]
    UnknownContext { name: String, known: Vec<String> },
    #[error("cannot read {path}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Every problem of the file, each at its place (never empty).
    #[error("{path} is not a valid deskctl config file")]
    Parse {
        path: PathBuf,
        problems: Vec<crate::manifest::Diagnostic>,
    },
    #[error("cannot write {path}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot find the home directory to keep deskctl's files in; set {0}")]
    NoHome(&'static str),
    #[error("{first} and {second} are both set; unset one of them")]
    Ambiguous {
        first: &'static str,
        second: &'static str,
    },
    /// A database URL for something other than PostgreSQL: only its scheme
    /// is kept, since the rest may hold a password.
    #[error(
        "the database URL must start with postgres:// or postgresql://{}",
        match scheme {
            Some(scheme) => format!(", not {scheme}://"),
            None => String::new(),
        }
    )]
    DatabaseScheme { scheme: Option<String> },
    /// A server URL no client can use, from `origin` (`--server`,
    /// `DESKCTL_SERVER`, `context 'prod'`); `url` never shows a password.
    #[error("{origin}: the server URL '{url}' {problem}")]
    ServerUrl {
        origin: String,
        /// The context to fix with `context set`, when one holds the URL.
        context: Option<String>,
        url: String,
        problem: ServerUrlProblem,
    },
    /// A token that cannot be sent: `whose` says where it came from
    /// (`DESKCTL_TOKEN: the token`); the token itself is never shown.
    #[error("{whose} {problem}, which no HTTP header can carry")]
    Token {
        whose: String,
        problem: &'static str,
        /// The context to store a new token for, when its stored one is bad.
        context: Option<String>,
    },
}

/// Why `token` cannot be sent as a bearer token, if it cannot: a header
/// value holds no control character (a line break would end the header)
/// and, as deskctl sends it, nothing beyond ASCII.
pub fn token_problem(token: &str) -> Option<&'static str> {
    if token.chars().any(char::is_control) {
        Some("holds a line break or another control character")
    } else if !token.is_ascii() {
        Some("holds a character beyond ASCII")
    } else {
        None
    }
}

/// Whether `name` can name a context: it is typed on command lines and in
/// `DESKCTL_CONTEXT`, so it holds ASCII letters, digits, dashes, dots and
/// underscores only, and is not `.` or `..`, which read as directories.
/// (`local`, the local desk's name, is refused apart.)
pub fn is_valid_context_name(name: &str) -> bool {
    !name.is_empty()
        && name != "."
        && name != ".."
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
}

/// The first variable set that picks the target over the current context,
/// in [`resolve_target`]'s order: while it is set, `context use` changes
/// nothing that commands use.
pub fn overriding_variable(env: &EnvVars) -> Option<&'static str> {
    [
        (env.database.is_some(), crate::env::DESKCTL_DATABASE_URL),
        (env.context.is_some(), crate::env::DESKCTL_CONTEXT),
        (env.server.is_some(), crate::env::DESKCTL_SERVER),
        (env.desk.is_some(), crate::env::DESKCTL_DESK),
    ]
    .into_iter()
    .find_map(|(set, name)| set.then_some(name))
}

/// What picks the target [`resolve_target`] resolves: the flag or the
/// variable set, else `current-context`, else `default` (the local desk).
pub fn chosen_by(flags: &TargetFlags, env: &EnvVars, config: &ConfigFile) -> &'static str {
    let flag = [
        (flags.desk.is_some(), "--desk"),
        (flags.database.is_some(), "--database"),
        (flags.server.is_some(), "--server"),
        (flags.context.is_some(), "--context"),
    ]
    .into_iter()
    .find_map(|(set, name)| set.then_some(name));
    flag.or_else(|| overriding_variable(env))
        .unwrap_or(match config.current_context {
            Some(_) => "current-context",
            None => "default",
        })
}

/// `token` if it can be sent, else why not, naming `whose` it is.
pub fn checked_token(
    token: SecretString,
    whose: String,
    context: Option<&str>,
) -> Result<SecretString, ConfigError> {
    match token_problem(token.expose_secret()) {
        None => Ok(token),
        Some(problem) => Err(ConfigError::Token {
            whose,
            problem,
            context: context.map(str::to_string),
        }),
    }
}

/// `server` checked as the client will use it, before anything shows it
/// or sends to it.
pub fn checked_server(
    server: &str,
    origin: String,
    context: Option<&str>,
) -> Result<String, ConfigError> {
    check_server_url(server).map_err(|problem| ConfigError::ServerUrl {
        origin,
        context: context.map(str::to_string),
        url: shown_url(server),
        problem,
    })
}

/// The schemes a database URL may have: PostgreSQL's, as libpq takes them.
const DATABASE_SCHEMES: &[&str] = &["postgres", "postgresql"];

/// Refuses a database URL that does not name PostgreSQL, before anything
/// tries to connect: sqlx takes any scheme as PostgreSQL's, so `http://…`
/// would be used as one and `sqlite://…` reported as a server out of reach.
pub fn check_database_url(url: &str) -> Result<(), ConfigError> {
    match crate::domain::urls::scheme(url) {
        Some(scheme)
            if DATABASE_SCHEMES
                .iter()
                .any(|known| scheme.eq_ignore_ascii_case(known)) =>
        {
            Ok(())
        }
        other => Err(ConfigError::DatabaseScheme {
            scheme: other.map(str::to_ascii_lowercase),
        }),
    }
}

/// Where deskctl keeps its files.
#[derive(Debug, Clone)]
pub struct Paths {
    pub config: PathBuf,
    pub credentials: PathBuf,
    /// The key file sealing stored secrets, when `DESKCTL_SECRET_KEY` is unset.
    pub secret_key: PathBuf,
    /// The local desk used when nothing else is chosen.
    pub default_desk: PathBuf,
}

impl Paths {
    /// XDG directories (`~/.config/deskctl`, `~/.local/share/deskctl`), with
    /// `DESKCTL_CONFIG` overriding the config file.
    pub fn resolve(env: &EnvVars) -> Result<Paths, ConfigError> {
        use etcetera::BaseStrategy;
        let dirs = etcetera::choose_base_strategy()
            .map_err(|_| ConfigError::NoHome(crate::env::DESKCTL_CONFIG))?;
        let config = env
            .config
            .clone()
            .unwrap_or_else(|| dirs.config_dir().join("deskctl").join("config.yaml"));
        let dir = config.parent().unwrap_or(Path::new("."));
        let credentials = dir.join("credentials.yaml");
        let secret_key = dir.join("secret.key");
        Ok(Paths {
            config,
            credentials,
            secret_key,
            default_desk: dirs.data_dir().join("deskctl").join("desk.sqlite"),
        })
    }
}

/// The target flags given on the command line.
#[derive(Debug, Clone, Default)]
pub struct TargetFlags {
    pub context: Option<String>,
    pub server: Option<String>,
    pub desk: Option<PathBuf>,
    /// `--database URL`: it may carry a password.
    pub database: Option<SecretString>,
}

/// What a command talks to.
#[derive(Debug, Clone)]
pub enum Target {
    /// The service in-process, on a SQLite file.
    Local { path: PathBuf },
    /// The service in-process, on a PostgreSQL database.
    Database { url: SecretString },
    /// A Desk service over HTTP.
    Remote {
        /// The context it came from; none for `--server`/`DESKCTL_SERVER`.
        context: Option<String>,
        server: String,
        token: Option<SecretString>,
        environment: Option<Environment>,
        protected: bool,
    },
}

impl Target {
    /// The context's name, `local`, or the bare server URL.
    pub fn label(&self) -> String {
        match self {
            Target::Local { .. } => LOCAL_CONTEXT.to_string(),
            Target::Database { url } => crate::net::redacted_url(url.expose_secret()),
            Target::Remote {
                context: Some(name),
                ..
            } => name.clone(),
            Target::Remote { server, .. } => server.clone(),
        }
    }

    /// The target for people: `the local desk`, `context 'prod'` or the URL.
    pub fn describe(&self) -> String {
        match self {
            Target::Local { .. } => "the local desk".to_string(),
            Target::Database { url } => format!(
                "the desk in {}",
                crate::net::redacted_url(url.expose_secret())
            ),
            Target::Remote {
                context: Some(name),
                ..
            } => format!("context '{name}'"),
            Target::Remote { server, .. } => server.clone(),
        }
    }

    pub fn is_protected(&self) -> bool {
        matches!(
            self,
            Target::Remote {
                protected: true,
                ..
            }
        )
    }
}

/// Picks the target: flags, then environment, then the current context, then
/// the local desk. The token is `DESKCTL_TOKEN` or the one stored for the context.
pub fn resolve_target(
    flags: &TargetFlags,
    env: &EnvVars,
    config: &ConfigFile,
    credentials: &Credentials,
    default_desk: &Path,
) -> Result<Target, ConfigError> {
    let bare_server = |server: &str, origin: &str| {
        Ok(Target::Remote {
            context: None,
            server: checked_server(server, origin.to_string(), None)?,
            token: env_token(env)?,
            environment: None,
            protected: false,
        })
    };
    let local = |path: &Path| Target::Local {
        path: path.to_path_buf(),
    };
    if let Some(path) = &flags.desk {
        return Ok(local(path));
    }
    if let Some(url) = &flags.database {
        check_database_url(url.expose_secret())?;
        return Ok(Target::Database { url: url.clone() });
    }
    if let Some(server) = &flags.server {
        return bare_server(server, "--server");
    }
    if let Some(name) = &flags.context {
        return named_context(name, env, config, credentials, default_desk);
    }
    if let Some(url) = &env.database {
        let other = [
            (env.context.is_some(), crate::env::DESKCTL_CONTEXT),
            (env.server.is_some(), crate::env::DESKCTL_SERVER),
            (env.desk.is_some(), crate::env::DESKCTL_DESK),
        ]
        .into_iter()
        .find_map(|(set, name)| set.then_some(name));
        return match other {
            Some(second) => Err(ConfigError::Ambiguous {
                first: crate::env::DESKCTL_DATABASE_URL,
                second,
            }),
            None => {
                check_database_url(url.expose_secret())?;
                Ok(Target::Database { url: url.clone() })
            }
        };
    }
    match (&env.context, &env.server, &env.desk) {
        (Some(_), Some(_), _) => Err(ConfigError::Ambiguous {
            first: crate::env::DESKCTL_CONTEXT,
            second: crate::env::DESKCTL_SERVER,
        }),
        (Some(_), None, Some(_)) => Err(ConfigError::Ambiguous {
            first: crate::env::DESKCTL_CONTEXT,
            second: crate::env::DESKCTL_DESK,
        }),
        (None, Some(_), Some(_)) => Err(ConfigError::Ambiguous {
            first: crate::env::DESKCTL_SERVER,
            second: crate::env::DESKCTL_DESK,
        }),
        (Some(name), None, None) => named_context(name, env, config, credentials, default_desk),
        (None, Some(server), None) => bare_server(server, crate::env::DESKCTL_SERVER),
        (None, None, Some(path)) => Ok(local(path)),
        (None, None, None) => match &config.current_context {
            Some(name) => named_context(name, env, config, credentials, default_desk),
            None => Ok(local(default_desk)),
        },
    }
}

/// `DESKCTL_TOKEN`, if set, checked.
fn env_token(env: &EnvVars) -> Result<Option<SecretString>, ConfigError> {
    env.token
        .clone()
        .map(|token| {
            checked_token(
                token,
                format!("{}: the token", crate::env::DESKCTL_TOKEN),
                None,
            )
        })
        .transpose()
}

fn named_context(
    name: &str,
    env: &EnvVars,
    config: &ConfigFile,
    credentials: &Credentials,
    default_desk: &Path,
) -> Result<Target, ConfigError> {
    if name == LOCAL_CONTEXT {
        return Ok(Target::Local {
            path: default_desk.to_path_buf(),
        });
    }
    let entry = config.get(name)?;
    Ok(Target::Remote {
        context: Some(entry.name.clone()),
        server: checked_server(
            &entry.server,
            format!("context '{}'", entry.name),
            Some(&entry.name),
        )?,
        token: match env_token(env)? {
            Some(token) => Some(token),
            None => credentials
                .token(name)
                .map(|t| {
                    checked_token(
                        SecretString::from(t.to_string()),
                        format!("context '{}': the stored token", entry.name),
                        Some(&entry.name),
                    )
                })
                .transpose()?,
        },
        environment: entry.environment,
        protected: entry.protected,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::ExposeSecret;

    #[test]
    fn only_postgres_urls_name_a_database() {
        for url in [
            "postgres://desk@db/desk",
            "postgresql://desk:pw@db:5432/desk",
            "POSTGRES:///desk?host=/run/postgresql",
            "postgres://desk:pa#ss@db/desk",
        ] {
            assert!(check_database_url(url).is_ok(), "{url}");
        }
        let scheme_of = |url: &str| match check_database_url(url) {
            Err(ConfigError::DatabaseScheme { scheme }) => scheme,
            other => panic!("{url}: {other:?}"),
        };
        assert_eq!(scheme_of("http://desk:pw@db/desk").as_deref(), Some("http"));
        assert_eq!(scheme_of("mysql://desk@db/desk").as_deref(), Some("mysql"));
        assert_eq!(
            scheme_of("SQLite:///tmp/x.sqlite").as_deref(),
            Some("sqlite")
        );
        // No scheme at all: nothing of the text is kept, it may hold a password.
        assert_eq!(scheme_of("desk:secret@db/desk"), None);
        assert_eq!(scheme_of("sqlite:desk.sqlite"), None);
        assert_eq!(scheme_of("/var/lib/desk.sqlite"), None);
        assert_eq!(scheme_of("db.internal/desk"), None);
    }

    fn config() -> ConfigFile {
        ConfigFile {
            current_context: Some("staging".into()),
            contexts: vec![
                ContextEntry {
                    name: "staging".into(),
                    server: "http://staging:7070".into(),
                    environment: Some(Environment::Staging),
                    protected: false,
                },
                ContextEntry {
                    name: "prod".into(),
                    server: "http://prod:7070".into(),
                    environment: Some(Environment::Production),
                    protected: true,
                },
            ],
        }
    }

    fn credentials() -> Credentials {
        let mut credentials = Credentials::default();
        credentials.set_token("staging", "desk_staging".into());
        credentials.set_token("prod", "desk_prod".into());
        credentials
    }

    fn resolve(flags: TargetFlags, env: EnvVars, config: &ConfigFile) -> Target {
        resolve_target(
            &flags,
            &env,
            config,
            &credentials(),
            Path::new("/data/desk.sqlite"),
        )
        .unwrap()
    }

    fn server_and_token(target: &Target) -> (String, Option<String>) {
        match target {
            Target::Remote { server, token, .. } => (
                server.clone(),
                token.as_ref().map(|t| t.expose_secret().to_string()),
            ),
            Target::Local { path } => (path.display().to_string(), None),
            Target::Database { url } => (url.expose_secret().to_string(), None),
        }
    }

    #[test]
    fn a_database_url_picks_an_in_process_postgresql_desk_and_conflicts_with_other_targets() {
        let url = "postgres://desk:s3cret@db.example.com/desk";
        let flags = TargetFlags {
            database: Some(SecretString::from(url)),
            ..TargetFlags::default()
        };
        let target = resolve(flags, EnvVars::default(), &config());
        assert!(matches!(&target, Target::Database { url: u } if u.expose_secret() == url));
        assert_eq!(
            target.describe(),
            "the desk in postgres://desk:***@db.example.com/desk"
        );
        assert!(!format!("{target:?}").contains("s3cret"));

        let env = EnvVars {
            database: Some(SecretString::from(url)),
            ..EnvVars::default()
        };
        let target = resolve(TargetFlags::default(), env.clone(), &config());
        assert!(matches!(target, Target::Database { .. }));
        let both = EnvVars {
            server: Some("http://desk:7070".into()),
            ..env
        };
        let error = resolve_target(
            &TargetFlags::default(),
            &both,
            &config(),
            &credentials(),
            Path::new("/data/desk.sqlite"),
        )
        .unwrap_err();
        assert!(
            error.to_string().contains("DESKCTL_DATABASE_URL"),
            "{error}"
        );
    }

    #[test]
    fn without_anything_configured_the_local_desk_is_used() {
        let target = resolve(
            TargetFlags::default(),
            EnvVars::default(),
            &ConfigFile::default(),
        );
        assert_eq!(server_and_token(&target).0, "/data/desk.sqlite");
    }

    #[test]
    fn the_current_context_is_used_with_its_stored_token() {
        let target = resolve(TargetFlags::default(), EnvVars::default(), &config());
        assert_eq!(
            server_and_token(&target),
            ("http://staging:7070".into(), Some("desk_staging".into()))
        );
    }

    #[test]
    fn the_environment_beats_the_current_context() {
        let env = EnvVars {
            context: Some("prod".into()),
            ..EnvVars::default()
        };
        let target = resolve(TargetFlags::default(), env, &config());
        assert!(target.is_protected());
        assert_eq!(server_and_token(&target).0, "http://prod:7070");

        let env = EnvVars {
            desk: Some("/tmp/other.sqlite".into()),
            ..EnvVars::default()
        };
        let target = resolve(TargetFlags::default(), env, &config());
        assert_eq!(server_and_token(&target).0, "/tmp/other.sqlite");
    }

    #[test]
    fn a_flag_beats_the_environment() {
        let env = EnvVars {
            context: Some("prod".into()),
            ..EnvVars::default()
        };
        let flags = TargetFlags {
            desk: Some("/tmp/flag.sqlite".into()),
            ..TargetFlags::default()
        };
        assert_eq!(
            server_and_token(&resolve(flags, env.clone(), &config())).0,
            "/tmp/flag.sqlite"
        );
        let flags = TargetFlags {
            context: Some("staging".into()),
            ..TargetFlags::default()
        };
        assert_eq!(
            server_and_token(&resolve(flags, env, &config())).0,
            "http://staging:7070"
        );
    }

    #[test]
    fn the_token_variable_beats_the_stored_token() {
        let env = EnvVars {
            token: Some(SecretString::from("desk_from_env")),
            ..EnvVars::default()
        };
        let target = resolve(TargetFlags::default(), env, &config());
        assert_eq!(
            server_and_token(&target).1.as_deref(),
            Some("desk_from_env")
        );
    }

    #[test]
    fn a_token_no_header_can_carry_is_refused_naming_where_it_came_from() {
        assert_eq!(token_problem("desk_abc"), None);
        assert!(
            token_problem("desk_a\ndesk_b")
                .unwrap()
                .contains("line break")
        );
        assert!(token_problem("desk_\u{7f}").is_some());
        assert!(token_problem("desk_é").unwrap().contains("beyond ASCII"));
        let env = EnvVars {
            token: Some(SecretString::from("desk_a\ndesk_b")),
            ..EnvVars::default()
        };
        let flags = TargetFlags {
            context: Some("prod".into()),
            ..TargetFlags::default()
        };
        let error = resolve_target(&flags, &env, &config(), &credentials(), Path::new("/d"))
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with("DESKCTL_TOKEN: the token holds a line break"),
            "{error}"
        );
        assert!(!error.contains("desk_a"), "{error}");
    }

    #[test]
    fn local_names_the_local_desk() {
        let flags = TargetFlags {
            context: Some(LOCAL_CONTEXT.into()),
            ..TargetFlags::default()
        };
        assert!(matches!(
            resolve(flags, EnvVars::default(), &config()),
            Target::Local { .. }
        ));
    }

    #[test]
    fn an_unknown_context_is_an_error_listing_the_known_ones() {
        let flags = TargetFlags {
            context: Some("nope".into()),
            ..TargetFlags::default()
        };
        let error = resolve_target(
            &flags,
            &EnvVars::default(),
            &config(),
            &credentials(),
            Path::new("/d"),
        )
        .unwrap_err();
        match error {
            ConfigError::UnknownContext { name, known } => {
                assert_eq!(name, "nope");
                assert_eq!(known, ["staging", "prod"]);
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn context_names_are_letters_digits_dashes_dots_and_underscores() {
        for name in ["prod", "eu-west.2", "a_b", "..a", "A1"] {
            assert!(is_valid_context_name(name), "{name}");
        }
        for name in ["", ".", "..", "x/../y", "/", "a*", "a:b", "ä", "a b", "a\n"] {
            assert!(!is_valid_context_name(name), "{name:?}");
        }
    }

    #[test]
    fn what_picks_the_target_follows_the_order_of_precedence() {
        let env = EnvVars {
            context: Some("prod".into()),
            server: Some("http://x".into()),
            ..EnvVars::default()
        };
        assert_eq!(overriding_variable(&env), Some("DESKCTL_CONTEXT"));
        assert_eq!(
            chosen_by(&TargetFlags::default(), &env, &config()),
            "DESKCTL_CONTEXT"
        );
        let flags = TargetFlags {
            context: Some("staging".into()),
            ..TargetFlags::default()
        };
        assert_eq!(chosen_by(&flags, &env, &config()), "--context");
        let none = EnvVars::default();
        assert_eq!(overriding_variable(&none), None);
        assert_eq!(
            chosen_by(&TargetFlags::default(), &none, &config()),
            "current-context"
        );
        assert_eq!(
            chosen_by(&TargetFlags::default(), &none, &ConfigFile::default()),
            "default"
        );
    }

    #[test]
    fn two_target_variables_at_once_are_ambiguous() {
        let env = EnvVars {
            server: Some("http://x".into()),
            desk: Some("/tmp/d".into()),
            ..EnvVars::default()
        };
        let error = resolve_target(
            &TargetFlags::default(),
            &env,
            &config(),
            &credentials(),
            Path::new("/d"),
        )
        .unwrap_err();
        assert!(matches!(error, ConfigError::Ambiguous { .. }));
    }
}
