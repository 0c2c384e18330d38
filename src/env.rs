//! Every environment variable deskctl reads, in one place, read once at start-up.

use std::ffi::OsString;
use std::path::PathBuf;

use secrecy::SecretString;

/// The context to use instead of the current one.
pub const DESKCTL_CONTEXT: &str = "DESKCTL_CONTEXT";
/// A service URL to use instead of any context.
pub const DESKCTL_SERVER: &str = "DESKCTL_SERVER";
/// The token to send, instead of the one stored for the context.
pub const DESKCTL_TOKEN: &str = "DESKCTL_TOKEN";
/// The local desk file to use.
pub const DESKCTL_DESK: &str = "DESKCTL_DESK";
/// The CLI's config file (contexts); credentials are kept beside it.
pub const DESKCTL_CONFIG: &str = "DESKCTL_CONFIG";
/// Log filter for `deskctl serve` (tracing's `EnvFilter` syntax), e.g. `debug`.
pub const DESKCTL_LOG: &str = "DESKCTL_LOG";
/// Any value turns color off (<https://no-color.org>).
pub const NO_COLOR: &str = "NO_COLOR";

/// Every documented variable with what it does, for `--help` and docs.
pub const DOCUMENTED: &[(&str, &str)] = &[
    (
        DESKCTL_CONTEXT,
        "the context to use instead of the current one",
    ),
    (
        DESKCTL_SERVER,
        "a Desk service URL to use instead of any context",
    ),
    (
        DESKCTL_TOKEN,
        "the API token to send (overrides the context's stored token)",
    ),
    (DESKCTL_DESK, "the local desk file to use"),
    (
        DESKCTL_CONFIG,
        "the config file; credentials.yaml is kept beside it",
    ),
    (
        DESKCTL_LOG,
        "log filter for `deskctl serve`, e.g. `info` or `debug`",
    ),
    (NO_COLOR, "turn color off"),
];

/// The values of deskctl's environment variables; empty values count as unset.
#[derive(Debug, Clone, Default)]
pub struct EnvVars {
    pub context: Option<String>,
    pub server: Option<String>,
    pub token: Option<SecretString>,
    pub desk: Option<PathBuf>,
    pub config: Option<PathBuf>,
    pub log: Option<String>,
    pub no_color: bool,
}

impl EnvVars {
    pub fn from_process() -> Self {
        Self::from_lookup(|name| std::env::var_os(name))
    }

    pub fn from_lookup(lookup: impl Fn(&str) -> Option<OsString>) -> Self {
        let get = |name: &str| lookup(name).filter(|value| !value.is_empty());
        let text = |name: &str| get(name).and_then(|v| v.into_string().ok());
        EnvVars {
            context: text(DESKCTL_CONTEXT),
            server: text(DESKCTL_SERVER),
            token: text(DESKCTL_TOKEN).map(|t| SecretString::from(t.trim().to_string())),
            desk: get(DESKCTL_DESK).map(PathBuf::from),
            config: get(DESKCTL_CONFIG).map(PathBuf::from),
            log: text(DESKCTL_LOG),
            no_color: get(NO_COLOR).is_some(),
        }
    }
}

/// The variable a document's `${env:NAME}` secret reference names, read when
/// the document is checked or applied; an empty value counts as unset.
pub fn document_secret(name: &str) -> Option<OsString> {
    std::env::var_os(name).filter(|value| !value.is_empty())
}
