//! Whether a `DESKCTL_LOG` filter says what it most likely means.
//!
//! tracing's filter syntax reads a bare word that is not a level as a target:
//! `wran` logs only what target `wran` says, which is nothing, so a typo
//! silenced every line, errors included. A bare word must be a level or a
//! target deskctl logs under; `target=level` directives are left to tracing.

use crate::domain::suggest::did_you_mean_question;

/// The levels a filter may name, quietest last.
pub(super) const LEVELS: &[&str] = &["error", "warn", "info", "debug", "trace", "off"];

/// The crates whose log lines reach `serve`'s log: deskctl's own and those of
/// the libraries it serves with (tracing events, and `log` records bridged).
/// Kept by hand: a test checks each is still a dependency, and fails when a
/// dependency that depends on `tracing` or `log` is added until it is put
/// here or among those the test knows are left out.
pub(super) const TARGETS: &[&str] = &[
    "deskctl",
    "axum",
    "h2",
    "hyper",
    "hyper_util",
    "lettre",
    "reqwest",
    "rmcp",
    "rustls",
    "sqlx",
    "tokio",
    "tower",
    "tower_http",
];

/// The first bare word of `filter` that is neither a level nor a target
/// under one of [`TARGETS`], as a warning (a sentence) that names the levels.
pub(super) fn check(filter: &str) -> Result<(), String> {
    let unknown = filter
        .split(',')
        .map(str::trim)
        .filter(|directive| !directive.is_empty() && !directive.contains(['=', '[']))
        .find(|word| !is_level(word) && !is_known_target(word));
    match unknown {
        None => Ok(()),
        Some(word) => {
            let hint = did_you_mean_question(word, LEVELS.iter().chain(TARGETS).copied())
                .map_or_else(|| ".".into(), |question| format!("; {question}"));
            Err(format!(
                "DESKCTL_LOG: '{word}' is neither a level ({}) nor a target deskctl logs \
                 under ({}){hint}",
                LEVELS.join(", "),
                TARGETS.join(", ")
            ))
        }
    }
}

/// The warning (a sentence) for a filter tracing cannot read at all.
pub(super) fn unreadable(filter: &str, error: &str) -> String {
    format!(
        "DESKCTL_LOG: cannot read '{filter}' ({error}); give a level ({}) or \
         TARGET=LEVEL directives, e.g. `info,deskctl=debug,sqlx=warn`.",
        LEVELS.join(", ")
    )
}

/// A level as tracing reads one: its name in any case, or 0 (off) to 5 (trace).
fn is_level(word: &str) -> bool {
    LEVELS.iter().any(|level| level.eq_ignore_ascii_case(word))
        || matches!(word, "0" | "1" | "2" | "3" | "4" | "5")
}

/// `deskctl`, `deskctl::server::listen`, `sqlx`, …
fn is_known_target(word: &str) -> bool {
    let krate = word.split("::").next().unwrap_or(word);
    TARGETS.contains(&krate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_and_target_directives_pass() {
        for filter in [
            "info",
            "WARN",
            "debug,rmcp=warn",
            "deskctl=debug,sqlx=warn",
            "tower_http=trace",
            "info,deskctl::server::store::feed=debug",
            "deskctl",
            "deskctl::server",
            "sqlx, info",
            "[request]=debug",
            "3",
        ] {
            assert_eq!(check(filter), Ok(()), "{filter}");
        }
    }

    #[test]
    fn a_misspelt_level_is_named_with_the_levels_and_a_suggestion() {
        let warning = check("wran").unwrap_err();
        assert!(warning.contains("'wran'"), "{warning}");
        assert!(
            warning.contains("error, warn, info, debug, trace, off"),
            "{warning}"
        );
        assert!(warning.ends_with("did you mean 'warn'?"), "{warning}");
        assert!(
            check("Debgu")
                .unwrap_err()
                .contains("did you mean 'debug'?")
        );
        // Among directives that are fine.
        let warning = check("deskctl=debug,inof").unwrap_err();
        assert!(warning.contains("did you mean 'info'?"), "{warning}");
    }

    #[test]
    fn a_word_close_to_nothing_gets_no_suggestion() {
        let warning = check("verbose").unwrap_err();
        assert!(
            warning.contains("'verbose' is neither a level"),
            "{warning}"
        );
        assert!(!warning.contains("did you mean"), "{warning}");
        assert!(warning.ends_with(")."), "{warning}");
    }

    #[test]
    fn an_unreadable_filter_names_the_levels_and_an_example() {
        let warning = unreadable("nonsense[[[", "invalid field filter");
        assert!(warning.contains("'nonsense[[['"), "{warning}");
        assert!(warning.contains("invalid field filter"), "{warning}");
        assert!(warning.contains("error, warn, info"), "{warning}");
    }

    /// The packages of Cargo.lock, each with the packages it depends on.
    fn locked_packages() -> Vec<(String, Vec<String>)> {
        let lock = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.lock"));
        let mut packages: Vec<(String, Vec<String>)> = Vec::new();
        let mut in_dependencies = false;
        for line in lock.lines() {
            if let Some(name) = line.strip_prefix("name = ") {
                packages.push((name.trim_matches('"').to_string(), Vec::new()));
            } else if line == "dependencies = [" {
                in_dependencies = true;
            } else if line == "]" {
                in_dependencies = false;
            } else if in_dependencies && let Some((_, dependencies)) = packages.last_mut() {
                // ` "name",` or ` "name version",` when two versions are locked.
                let dependency = line.trim().trim_matches([',', '"']);
                let name = dependency.split(' ').next().unwrap_or(dependency);
                dependencies.push(name.to_string());
            }
        }
        packages
    }

    #[test]
    fn every_target_is_a_dependency() {
        let packages = locked_packages();
        for target in TARGETS {
            let package = target.replace('_', "-");
            assert!(
                packages.iter().any(|(name, _)| *name == package),
                "{target} is in TARGETS but no longer in Cargo.lock: remove it"
            );
        }
    }

    #[test]
    fn every_dependency_that_logs_is_a_target_or_known_to_be_left_out() {
        // They depend on `tracing` or `log`, but are not offered as bare
        // words; a `TARGET=LEVEL` directive still reaches any of them.
        const LEFT_OUT: &[&str] = &[
            // The logging machinery itself.
            "tracing",
            "tracing-log",
            "tracing-subscriber",
            // Their main records (rejections, queries) go under `axum::` and
            // `sqlx::`; the rest under their own module paths.
            "axum-core",
            "sqlx-core",
            "sqlx-mysql",
            "sqlx-postgres",
            "sqlx-sqlite",
            // The inbox's terminal interface, not `serve`.
            "termwiz",
            "wezterm-bidi",
            "wezterm-dynamic",
            // Tests only.
            "wiremock",
            // Android only.
            "jni",
            // Beneath the service, at debug or trace level if at all.
            "iana-time-zone",
            "jiff",
            "jiff-core",
            "mio",
            "rustls-platform-verifier",
        ];
        let logging: Vec<String> = locked_packages()
            .into_iter()
            .filter(|(_, dependencies)| dependencies.iter().any(|d| d == "tracing" || d == "log"))
            .map(|(name, _)| name)
            .collect();
        assert!(logging.iter().any(|name| name == "deskctl"), "{logging:?}");
        for name in &logging {
            let target = name.replace('-', "_");
            assert!(
                TARGETS.contains(&target.as_str()) || LEFT_OUT.contains(&name.as_str()),
                "{name} depends on tracing or log: add `{target}` to TARGETS if its \
                 records reach serve's log, else to LEFT_OUT in this test"
            );
        }
        for name in LEFT_OUT {
            assert!(
                logging.contains(&name.to_string()),
                "{name} in LEFT_OUT no longer depends on tracing or log: remove it"
            );
        }
    }
}
