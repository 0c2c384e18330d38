//! Display widths as a terminal draws text: per grapheme cluster, the way
//! ratatui lays out its cells. A family emoji joined with ZWJ, a skin-tone
//! modifier, a flag or a letter with combining marks is one thing on the
//! screen; summed per `char` it would count as several and push every later
//! column out of place.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The display columns `text` takes on one line.
pub(crate) fn columns(text: &str) -> usize {
    text.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// The start of `text` that fits in `width` display columns; a character
/// that would straddle the edge (a full-width one, an emoji sequence) is left
/// out whole, never split.
pub(crate) fn clip(text: &str, width: usize) -> &str {
    let mut used = 0;
    for (at, grapheme) in text.grapheme_indices(true) {
        used += grapheme.width();
        if used > width {
            return &text[..at];
        }
    }
    text
}

/// `text` cut to at most `width` display columns, ending in `…` when cut.
pub(crate) fn truncate(text: &str, width: usize) -> String {
    if columns(text) <= width {
        return text.to_string();
    }
    match width {
        0 => String::new(),
        _ => format!("{}…", clip(text, width - 1)),
    }
}

/// `text` in exactly `width` display columns: cut with `…` when longer,
/// padded with spaces when shorter (also where a two-column character did
/// not fit before the `…`).
pub(crate) fn cell(text: &str, width: usize) -> String {
    let mut cut = truncate(text, width);
    let used = columns(&cut);
    cut.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    const FAMILY: &str = "👨\u{200d}👩\u{200d}👧";
    const THUMBS_UP_MEDIUM: &str = "👍🏽";
    const GERMAN_FLAG: &str = "🇩🇪";
    const E_ACUTE_COMBINING: &str = "e\u{301}";

    #[test]
    fn an_emoji_sequence_or_a_combined_letter_is_measured_as_drawn() {
        assert_eq!(columns(FAMILY), 2);
        assert_eq!(columns(THUMBS_UP_MEDIUM), 2);
        assert_eq!(columns(GERMAN_FLAG), 2);
        assert_eq!(columns(E_ACUTE_COMBINING), 1);
        assert_eq!(columns("日本語"), 6);
        assert_eq!(columns("Refund 😀👍🏽👨‍👩‍👧 please 🇩🇪"), 23);
    }

    #[test]
    fn a_cut_never_splits_a_sequence_and_fills_exactly_the_width() {
        let subject = format!("a{THUMBS_UP_MEDIUM}{FAMILY}{GERMAN_FLAG}{E_ACUTE_COMBINING}z");
        assert_eq!(columns(&subject), 9);
        assert_eq!(clip(&subject, 3), format!("a{THUMBS_UP_MEDIUM}"));
        assert_eq!(clip(&subject, 4), format!("a{THUMBS_UP_MEDIUM}"));
        assert_eq!(
            clip(&subject, 8),
            format!("a{THUMBS_UP_MEDIUM}{FAMILY}{GERMAN_FLAG}{E_ACUTE_COMBINING}")
        );
        assert_eq!(truncate(&subject, 4), format!("a{THUMBS_UP_MEDIUM}…"));
        assert_eq!(truncate(&subject, 9), subject);
        assert_eq!(truncate("日本語です", 5), "日本…");
        assert_eq!(truncate("abc", 0), "");
        for width in 0..12 {
            let shown = cell(&subject, width);
            assert_eq!(columns(&shown), width, "{shown:?}");
            assert!(subject.starts_with(shown.trim_end_matches([' ', '…'])));
        }
        // The combining mark stays with its letter.
        assert_eq!(cell("ae\u{301}b", 3), "ae\u{301}b");
        assert_eq!(cell("ae\u{301}bc", 3), "ae\u{301}…");
    }
}
