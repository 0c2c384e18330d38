//! Whether a `DESKCTL_LOG` filter says what it most likely means.
//!
//! tracing's filter syntax reads a bare word that is not a level as a target:
//! `wran` logs only what target `wran` says, which is nothing, so a typo
//! silenced every line, errors included. A bare word must be a level or a
//! target deskctl logs under; `target=level` directives are left to tracing.

use crate::domain::suggest::did_you_mean;

/// The levels a filter may name, quietest last.
pub(super) const LEVELS: &[&str] = &["error", "warn", "info", "debug", "trace", "off"];

/// The crates whose log lines reach `serve`'s log: deskctl's own and those of
/// the libraries it serves with (tracing events, and `log` records bridged).
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
            let hint = did_you_mean(word, LEVELS.iter().chain(TARGETS).copied())
                .map_or_else(|| ".".into(), |close| format!("; did you mean '{close}'?"));
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
}
