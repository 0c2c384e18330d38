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
/// A PostgreSQL desk to run in-process (or to serve), instead of any context:
/// `postgres://user@host/db`. The password is better in `PGPASSWORD` or
/// `~/.pgpass` than in the URL.
pub const DESKCTL_DATABASE_URL: &str = "DESKCTL_DATABASE_URL";
/// The PostgreSQL password file, instead of `~/.pgpass`: read by the
/// driver, not by deskctl, which names it when it was passed over.
pub const PGPASSFILE: &str = "PGPASSFILE";
/// The keys that seal stored secrets (32 bytes in base64 each, the first
/// sealing), instead of the key file `secret.key` beside the config.
pub const DESKCTL_SECRET_KEY: &str = "DESKCTL_SECRET_KEY";
/// The CLI's config file (contexts); credentials are kept beside it.
pub const DESKCTL_CONFIG: &str = "DESKCTL_CONFIG";
/// Log filter for `deskctl serve` (tracing's `EnvFilter` syntax), e.g. `debug`.
pub const DESKCTL_LOG: &str = "DESKCTL_LOG";
/// Any value but `0` or `false` acts as `--no-input`.
pub const DESKCTL_NO_INPUT: &str = "DESKCTL_NO_INPUT";
/// Set by CI services; any value but `0` or `false` acts as `--no-input`.
pub const CI: &str = "CI";
/// The pager for long output on a terminal (default `less`); empty or `cat`
/// turns paging off.
pub const PAGER: &str = "PAGER";
/// less's options; deskctl sets `FRX` for the pager when it is unset.
pub const LESS: &str = "LESS";
/// The terminal width tables fit into, instead of the terminal's own.
pub const COLUMNS: &str = "COLUMNS";
/// Any value turns color off (<https://no-color.org>), but for
/// `CLICOLOR_FORCE`, which asks for it explicitly, as gh lets it.
pub const NO_COLOR: &str = "NO_COLOR";
/// `0` turns color off; another value lets a terminal of unknown colors
/// have it (<https://bixense.com/clicolors>).
pub const CLICOLOR: &str = "CLICOLOR";
/// Any value but `0` turns color on, even when piped and over `NO_COLOR`
/// (<https://bixense.com/clicolors>).
pub const CLICOLOR_FORCE: &str = "CLICOLOR_FORCE";
/// The terminal's type; `dumb` cannot be drawn on full-screen.
pub const TERM: &str = "TERM";

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
        DESKCTL_DATABASE_URL,
        "a PostgreSQL desk (postgres://…) to run in-process or serve",
    ),
    (
        DESKCTL_SECRET_KEY,
        "the key(s) sealing stored secrets, instead of secret.key beside the config",
    ),
    (
        DESKCTL_CONFIG,
        "the config file; credentials.yaml and secret.key are kept beside it",
    ),
    (
        DESKCTL_LOG,
        "log filter for `deskctl serve`, e.g. `info` or `debug`",
    ),
    (
        DESKCTL_NO_INPUT,
        "never prompt, as --no-input does (also when CI is set)",
    ),
    (
        PAGER,
        "the pager for long output on a terminal (default less)",
    ),
    (COLUMNS, "the width tables fit into"),
    (NO_COLOR, "turn color off (as CLICOLOR=0 does)"),
    (
        CLICOLOR_FORCE,
        "color even when piped, NO_COLOR set or TERM=dumb (unless 0)",
    ),
];

/// The values of deskctl's environment variables; empty values count as unset.
#[derive(Debug, Clone, Default)]
pub struct EnvVars {
    pub context: Option<String>,
    pub server: Option<String>,
    pub token: Option<SecretString>,
    pub desk: Option<PathBuf>,
    /// `DESKCTL_DATABASE_URL`: it may carry a password.
    pub database: Option<SecretString>,
    /// `DESKCTL_SECRET_KEY`: the keys that seal stored secrets.
    pub secret_key: Option<SecretString>,
    pub config: Option<PathBuf>,
    pub log: Option<String>,
    /// `DESKCTL_NO_INPUT` or `CI` asks for no prompts.
    pub no_input: bool,
    /// The pager command line, unless paging is turned off.
    pub pager: Option<String>,
    /// Whether `LESS` is set (deskctl then leaves less's options alone).
    pub less_set: bool,
    pub columns: Option<usize>,
    /// `NO_COLOR` set, or `CLICOLOR=0`: no color unless forced.
    pub no_color: bool,
    /// `CLICOLOR` set to anything but `0`: color on a terminal whatever
    /// `TERM` says.
    pub clicolor: bool,
    /// `CLICOLOR_FORCE` set to anything but `0`: color wherever it goes.
    pub clicolor_force: bool,
    /// `TERM` is `dumb`, or unset on Unix: a terminal that cannot be
    /// drawn on full-screen.
    pub dumb_terminal: bool,
}

impl EnvVars {
    pub fn from_process() -> Self {
        Self::from_lookup(|name| std::env::var_os(name))
    }

    pub fn from_lookup(lookup: impl Fn(&str) -> Option<OsString>) -> Self {
        let get = |name: &str| lookup(name).filter(|value| !value.is_empty());
        let text = |name: &str| get(name).and_then(|v| v.into_string().ok());
        let truthy = |name: &str| {
            text(name).is_some_and(|v| {
                !matches!(v.trim().to_ascii_lowercase().as_str(), "0" | "false" | "no")
            })
        };
        // An empty PAGER is a choice (no pager), not an unset one.
        let pager = match lookup(PAGER).map(|v| v.to_string_lossy().trim().to_string()) {
            None => Some("less".to_string()),
            Some(pager) if pager.is_empty() || pager == "cat" => None,
            Some(pager) => Some(pager),
        };
        EnvVars {
            context: text(DESKCTL_CONTEXT),
            server: text(DESKCTL_SERVER),
            token: text(DESKCTL_TOKEN).map(|t| SecretString::from(t.trim().to_string())),
            desk: get(DESKCTL_DESK).map(PathBuf::from),
            database: get(DESKCTL_DATABASE_URL)
                .map(|v| SecretString::from(v.to_string_lossy().into_owned())),
            secret_key: get(DESKCTL_SECRET_KEY)
                .map(|v| SecretString::from(v.to_string_lossy().into_owned())),
            config: get(DESKCTL_CONFIG).map(PathBuf::from),
            log: text(DESKCTL_LOG),
            no_input: truthy(DESKCTL_NO_INPUT) || truthy(CI),
            pager,
            less_set: lookup(LESS).is_some(),
            columns: text(COLUMNS)
                .and_then(|v| v.trim().parse().ok())
                .filter(|&n| n > 0),
            no_color: get(NO_COLOR).is_some() || text(CLICOLOR).as_deref() == Some("0"),
            clicolor: text(CLICOLOR).is_some_and(|v| v != "0"),
            clicolor_force: text(CLICOLOR_FORCE).is_some_and(|v| v != "0"),
            dumb_terminal: match text(TERM) {
                Some(term) => term == "dumb",
                None => cfg!(unix),
            },
        }
    }
}

/// The variable a document's `${env:NAME}` secret reference names, read when
/// the document is checked or applied; an empty value counts as unset.
pub fn document_secret(name: &str) -> Option<OsString> {
    std::env::var_os(name).filter(|value| !value.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(pairs: &[(&str, &str)]) -> EnvVars {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        EnvVars::from_lookup(|name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| OsString::from(v))
        })
    }

    #[test]
    fn ci_and_deskctl_no_input_turn_prompts_off_unless_false() {
        assert!(!vars(&[]).no_input);
        assert!(vars(&[(CI, "true")]).no_input);
        assert!(vars(&[(CI, "1")]).no_input);
        assert!(vars(&[(DESKCTL_NO_INPUT, "yes")]).no_input);
        assert!(!vars(&[(CI, "false")]).no_input);
        assert!(!vars(&[(DESKCTL_NO_INPUT, "0")]).no_input);
        assert!(!vars(&[(CI, "")]).no_input);
    }

    #[test]
    fn the_pager_defaults_to_less_and_cat_or_empty_turn_it_off() {
        assert_eq!(vars(&[]).pager.as_deref(), Some("less"));
        assert_eq!(
            vars(&[(PAGER, "more -s")]).pager.as_deref(),
            Some("more -s")
        );
        assert_eq!(vars(&[(PAGER, "cat")]).pager, None);
        assert_eq!(vars(&[(PAGER, " ")]).pager, None);
        assert_eq!(vars(&[(PAGER, "")]).pager, None);
    }

    #[test]
    fn columns_must_be_a_positive_number() {
        assert_eq!(vars(&[(COLUMNS, "60")]).columns, Some(60));
        assert_eq!(vars(&[(COLUMNS, "0")]).columns, None);
        assert_eq!(vars(&[(COLUMNS, "wide")]).columns, None);
        assert!(vars(&[(TERM, "dumb")]).dumb_terminal);
        assert!(!vars(&[(TERM, "xterm-256color")]).dumb_terminal);
        assert_eq!(vars(&[]).dumb_terminal, cfg!(unix));
    }
}
