//! The "did you mean" of every message about a name that does not exist: a
//! context, an operator or team, a document key, an enum value, a log level.
//! One function, so a typo gets the same suggestion wherever it is made.

/// The one of `known` that a mistyped `word` most likely meant; none when
/// nothing is close, as a far-fetched guess misleads more than a list does.
///
/// Close is at most a third of the word's letters edited (at least one; a
/// swapped pair is one edit), or alike by Jaro–Winkler above 0.85, which
/// rewards a shared start, so `order` finds `order-id`. Letter case is
/// ignored: names are lowercase and `Debug` means `debug`. The fewest edits
/// win, then the most alike; among equals, the first of `known`.
///
/// ```
/// use deskctl::domain::suggest::did_you_mean;
///
/// assert_eq!(did_you_mean("alcie", ["bob", "alice"]), Some("alice"));
/// assert_eq!(did_you_mean("zed", ["bob", "alice"]), None);
/// ```
pub fn did_you_mean<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.to_lowercase();
    let allowed = (word.chars().count() / 3).max(1);
    known
        .into_iter()
        .map(|name| {
            let lowered = name.to_lowercase();
            (
                strsim::damerau_levenshtein(&word, &lowered),
                strsim::jaro_winkler(&word, &lowered),
                name,
            )
        })
        .filter(|&(edits, similarity, _)| edits <= allowed || similarity > 0.85)
        // `min_by` keeps the first of equals, so the order of `known` breaks ties.
        .min_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)))
        .map(|(_, _, name)| name)
}

/// `did you mean 'alice'?`, for the one of `known` that [`did_you_mean`]
/// finds: how every message about a mistyped name asks it.
pub fn did_you_mean_question<'a>(
    word: &str,
    known: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    did_you_mean(word, known).map(|nearest| format!("did you mean '{nearest}'?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mistyped_name_finds_the_one_an_edit_or_a_swap_away() {
        let known = ["alice", "bob", "support", "billing", "local", "prod"];
        assert_eq!(did_you_mean("bbo", known), Some("bob"));
        assert_eq!(did_you_mean("alcie", known), Some("alice"));
        assert_eq!(did_you_mean("suport", known), Some("support"));
        assert_eq!(did_you_mean("locl", known), Some("local"));
        assert_eq!(did_you_mean("prdo", known), Some("prod"));
        // A third of a longer word may be wrong.
        assert_eq!(did_you_mean("alicia", known), Some("alice"));
    }

    #[test]
    fn the_question_names_the_nearest_and_nothing_close_asks_nothing() {
        let known = ["alice", "bob"];
        assert_eq!(
            did_you_mean_question("alcie", known).as_deref(),
            Some("did you mean 'alice'?")
        );
        assert_eq!(did_you_mean_question("zed", known), None);
    }

    #[test]
    fn a_word_close_to_nothing_finds_nothing() {
        let known = ["alice", "bob", "support", "billing", "local", "prod"];
        assert_eq!(did_you_mean("zed", known), None);
        assert_eq!(did_you_mean("x", known), None);
        assert_eq!(
            did_you_mean("zzz", ["handle", "name", "email", "teams"]),
            None
        );
        assert_eq!(did_you_mean("anything", []), None);
        // A short start of a long name is not enough to guess it.
        assert_eq!(did_you_mean("to", ["error", "warn", "tower"]), None);
    }

    #[test]
    fn a_shared_start_finds_a_longer_name() {
        assert_eq!(
            did_you_mean("order", ["plan", "order-id"]),
            Some("order-id")
        );
        assert_eq!(
            did_you_mean("team", ["handle", "name", "email", "teams"]),
            Some("teams")
        );
    }

    #[test]
    fn document_keys_and_values_find_theirs() {
        let keys = [
            "handle",
            "name",
            "email",
            "teams",
            "enabled",
            "platform",
            "connected",
        ];
        for (typo, meant) in [
            ("emial", "email"),
            ("naem", "name"),
            ("enabeld", "enabled"),
            ("platfrom", "platform"),
            ("conected", "connected"),
        ] {
            assert_eq!(did_you_mean(typo, keys), Some(meant), "{typo}");
        }
        let methods = ["balanced", "round-robin", "manual"];
        assert_eq!(did_you_mean("round-robbin", methods), Some("round-robin"));
    }

    #[test]
    fn case_is_ignored_and_the_name_is_given_as_known() {
        let levels = ["error", "warn", "info", "debug", "trace", "off"];
        assert_eq!(did_you_mean("wran", levels), Some("warn"));
        assert_eq!(did_you_mean("Debgu", levels), Some("debug"));
        assert_eq!(did_you_mean("INOF", levels), Some("info"));
        assert_eq!(did_you_mean("verbose", levels), None);
        assert_eq!(did_you_mean("email", ["Email"]), Some("Email"));
    }

    #[test]
    fn the_fewest_edits_win_then_the_most_alike_then_the_first() {
        // `tema` is one swap from `team`, two edits from `teams`.
        assert_eq!(did_you_mean("tema", ["teams", "team"]), Some("team"));
        // One edit from both: `bob` is alike at the start.
        assert_eq!(did_you_mean("bo", ["ob", "bob"]), Some("bob"));
        // Equally close both ways: the first given.
        assert_eq!(did_you_mean("cat", ["bat", "hat"]), Some("bat"));
        assert_eq!(did_you_mean("cat", ["hat", "bat"]), Some("hat"));
    }
}
