//! A tip for a verb from another tool's vocabulary (`tickets close`,
//! `operators get`): clap suggests only names spelled alike, so `resolv`
//! gets "did you mean 'resolve'", `close` got nothing and `operators get`
//! got `set`. A tip, not an alias: the tree keeps one name for each verb.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// deskctl's verbs and the words other CLIs (gh, kubectl, jira) use for
/// them; the first verb the mistyped command's noun has is the tip.
const SYNONYMS: &[(&str, &[&str])] = &[
    ("resolve", &["close", "done", "finish", "solve"]),
    ("reopen", &["unresolve"]),
    (
        "show",
        &["view", "get", "describe", "info", "display", "cat"],
    ),
    ("remove", &["delete", "del", "rm", "destroy"]),
    ("revoke", &["delete", "del", "rm", "remove"]),
    ("disconnect", &["delete", "del", "rm", "remove"]),
    ("add", &["create", "new"]),
    ("set", &["edit", "update", "modify", "patch"]),
    ("note", &["comment"]),
    ("reply", &["respond", "answer"]),
];

/// Words for searching, and where each noun searches: a flag of its list,
/// which is the tip (`tickets search refund` → `list --search`).
const SEARCH_WORDS: &[&str] = &["search", "find", "grep"];
const SEARCHED_BY: &[(&str, &str)] = &[("tickets", "list --search")];

/// `error` with a tip naming the verb a synonym stands for, when clap
/// refused an unknown subcommand and the noun it was given to (found by
/// walking `args` down `command`) has that verb. It takes the place of
/// clap's tip, which goes by spelling alone (`operators get` got `set`).
pub fn with_synonym_tip(
    mut error: clap::Error,
    command: &mut clap::Command,
    args: &[OsString],
) -> clap::Error {
    if error.kind() != ErrorKind::InvalidSubcommand {
        return error;
    }
    let Some(ContextValue::String(given)) = error.get(ContextKind::InvalidSubcommand) else {
        return error;
    };
    let given = given.clone();
    command.build();
    // The noun: the last subcommand named before the unknown word (flags
    // and their values name none).
    let mut noun: &clap::Command = command;
    for arg in args.iter().skip(1).filter_map(|arg| arg.to_str()) {
        if arg == given {
            break;
        }
        if let Some(sub) = noun.find_subcommand(arg) {
            noun = sub;
        }
    }
    let searched = SEARCHED_BY
        .iter()
        .filter(|_| SEARCH_WORDS.contains(&given.as_str()))
        .find(|(name, _)| noun.get_name() == *name)
        .map(|(_, tip)| *tip);
    let verb = SYNONYMS
        .iter()
        .filter(|(_, words)| words.contains(&given.as_str()))
        .map(|(verb, _)| *verb)
        .find(|verb| noun.find_subcommand(verb).is_some())
        .or(searched);
    if let Some(verb) = verb {
        error.insert(
            ContextKind::SuggestedSubcommand,
            ContextValue::Strings(vec![verb.to_string()]),
        );
    }
    error
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tip(line: &str) -> Option<String> {
        let args: Vec<OsString> = line.split(' ').map(OsString::from).collect();
        let error = crate::cli::command()
            .try_get_matches_from(&args)
            .expect_err("an unknown verb");
        let error = with_synonym_tip(error, &mut crate::cli::command(), &args);
        match error.get(ContextKind::SuggestedSubcommand) {
            Some(ContextValue::Strings(verbs)) => Some(verbs.join(",")),
            _ => None,
        }
    }

    #[test]
    fn another_tools_verb_gets_the_one_deskctl_has_for_that_noun() {
        assert_eq!(
            tip("deskctl tickets close 10042").as_deref(),
            Some("resolve")
        );
        assert_eq!(tip("deskctl tickets view 10042").as_deref(), Some("show"));
        assert_eq!(
            tip("deskctl -o json tickets get 10042").as_deref(),
            Some("show")
        );
        assert_eq!(
            tip("deskctl operators delete bob").as_deref(),
            Some("remove")
        );
        // Meaning over spelling: `get` is one edit from `set`.
        assert_eq!(tip("deskctl operators get bob").as_deref(), Some("show"));
        // The same word, another noun's verb.
        assert_eq!(tip("deskctl tokens delete 7").as_deref(), Some("revoke"));
        // Searching is a flag of the list.
        assert_eq!(
            tip("deskctl tickets search refund").as_deref(),
            Some("list --search")
        );
        assert_eq!(tip("deskctl operators search bob"), None);
        // A noun without such a verb gets no tip rather than a wrong one.
        assert_eq!(tip("deskctl tickets delete 10042"), None);
        assert_eq!(tip("deskctl tickets frobnicate 10042"), None);
        // clap's own suggestion for a near spelling stays.
        assert_eq!(
            tip("deskctl tickets resolv 10042").as_deref(),
            Some("reply,resolve")
        );
    }
}
