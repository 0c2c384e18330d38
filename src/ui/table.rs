//! Tables for people, gh's way: every row on one line of the terminal. Columns
//! that fit keep their width; when the row is too wide, the flexible columns
//! share what is left and are cut short with `…`. Fixed columns (numbers, states,
//! times) are cut only when nothing else would make the row fit. On a narrow
//! terminal a table may first leave out its optional columns (`-o wide` its
//! extra ones before them). Nothing wraps.

use comfy_table::{Attribute, Cell, CellAlignment, Color, ContentArrangement, Row, Table, presets};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Space between columns.
const GAP: usize = 2;
/// The narrowest a cut column is worth showing; below it, optional columns go.
const MIN_CUT: usize = 16;
/// The narrowest a cut column may be before it goes too (`ab…`), rather than
/// cut a fixed column.
const MIN_STUB: usize = 3;

/// Which columns are kept whole and which may be left out.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Layout<'a> {
    /// Columns never cut short unless nothing else makes the row fit.
    pub fixed: &'a [&'a str],
    /// Columns left out, in this order, while the table cannot fit otherwise.
    pub optional: &'a [&'a str],
}

/// A table's text at `width` columns, one line per row, without trailing spaces.
pub(crate) fn render(
    headers: &[&str],
    rows: Vec<Vec<String>>,
    layout: Layout<'_>,
    width: usize,
    color: bool,
) -> String {
    // One line per cell, whatever the value holds.
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|cells| {
            cells
                .into_iter()
                .map(|c| c.replace(['\n', '\t', '\r'], " "))
                .collect()
        })
        .collect();
    let kept = kept_columns(headers, &rows, layout, width);
    let headers: Vec<&str> = kept.iter().map(|&i| headers[i]).collect();
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|mut cells| {
            kept.iter()
                .map(|&i| std::mem::take(&mut cells[i]))
                .collect()
        })
        .collect();
    let natural = natural_widths(&headers, &rows);
    let is_fixed: Vec<bool> = headers.iter().map(|h| layout.fixed.contains(h)).collect();
    let mut widths = fit_widths(&natural, &is_fixed, width);
    if widths.iter().sum::<usize>() + GAP * widths.len().saturating_sub(1) > width {
        // The fixed columns alone are too wide: cut them too rather than wrap.
        widths = fit_widths(&natural, &vec![false; natural.len()], width);
    }
    let headers = headers.as_slice();

    let mut table = Table::new();
    table
        .load_style(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Disabled);
    if color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table.set_header(Row::from(headers.iter().zip(&widths).map(|(h, &w)| {
        let cell = Cell::new(truncate(h, w));
        if color {
            cell.add_attribute(Attribute::Bold)
        } else {
            cell
        }
    })));
    for cells in rows {
        table.add_row(Row::from(
            cells
                .into_iter()
                .zip(headers.iter().zip(&widths))
                .map(|(value, (column, &w))| styled(column, truncate(&value, w), color)),
        ));
    }
    let last = headers.len().saturating_sub(1);
    for (index, column) in table.column_iter_mut().enumerate() {
        let gap = if index == last { 0 } else { GAP as u16 };
        column.set_padding((0, gap));
        column.set_cell_alignment(CellAlignment::Left);
    }
    let mut text = String::new();
    for line in table.lines() {
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}

/// Each column's widest cell, header included.
fn natural_widths(headers: &[&str], rows: &[Vec<String>]) -> Vec<usize> {
    (0..headers.len())
        .map(|column| {
            rows.iter()
                .filter_map(|cells| cells.get(column))
                .map(|cell| cell.width())
                .chain(std::iter::once(headers[column].width()))
                .max()
                .unwrap_or(0)
        })
        .collect()
}

/// The columns shown: all of them, less optional ones (in their order) while
/// the fixed columns and a useful width of each cut one do not fit.
fn kept_columns(
    headers: &[&str],
    rows: &[Vec<String>],
    layout: Layout<'_>,
    width: usize,
) -> Vec<usize> {
    let natural = natural_widths(headers, rows);
    let mut kept: Vec<usize> = (0..headers.len()).collect();
    let least = |kept: &[usize]| -> usize {
        let cells: usize = kept
            .iter()
            .map(|&i| {
                if layout.fixed.contains(&headers[i]) {
                    natural[i]
                } else {
                    natural[i].min(MIN_CUT)
                }
            })
            .sum();
        cells + GAP * kept.len().saturating_sub(1)
    };
    for optional in layout.optional {
        if least(&kept) <= width {
            break;
        }
        kept.retain(|&i| headers[i] != *optional);
    }
    // Still too narrow for the fixed columns whole beside a stub of each cut
    // one: the cut columns go, from the right, then fixed ones from the
    // right, so that numbers, states and times are never cut short.
    let fixed = |i: usize| layout.fixed.contains(&headers[i]);
    let stubs = |kept: &[usize]| -> usize {
        let cells: usize = kept
            .iter()
            .map(|&i| {
                if fixed(i) {
                    natural[i]
                } else {
                    natural[i].min(MIN_STUB)
                }
            })
            .sum();
        cells + GAP * kept.len().saturating_sub(1)
    };
    while kept.len() > 1 && stubs(&kept) > width {
        let last_cut = kept.iter().rposition(|&i| !fixed(i));
        kept.remove(last_cut.unwrap_or(kept.len() - 1));
    }
    kept
}

/// Column widths that fit `total` columns, gh's rule: fixed columns keep their
/// natural width; columns narrower than an even share of what is left keep
/// theirs; the rest share the remainder, and what is still left goes to the
/// cut columns from the left. Only fixed columns wider than the terminal can
/// make a row overflow.
fn fit_widths(natural: &[usize], fixed: &[bool], total: usize) -> Vec<usize> {
    let count = natural.len();
    let mut widths: Vec<Option<usize>> =
        (0..count).map(|i| fixed[i].then_some(natural[i])).collect();
    let available = |widths: &[Option<usize>]| {
        let used: usize = widths.iter().flatten().sum();
        total.saturating_sub(GAP * count.saturating_sub(1) + used)
    };
    let unset = |widths: &[Option<usize>]| widths.iter().filter(|w| w.is_none()).count();
    // Twice: a column fixed in the first round leaves more for the others.
    for _ in 0..2 {
        let Some(share) = available(&widths).checked_div(unset(&widths)) else {
            break;
        };
        for (width, &want) in widths.iter_mut().zip(natural) {
            if width.is_none() && want <= share {
                *width = Some(want);
            }
        }
    }
    if let Some(share) = available(&widths).checked_div(unset(&widths)) {
        for width in widths.iter_mut().filter(|w| w.is_none()) {
            *width = Some(share.max(1));
        }
    }
    let mut widths: Vec<usize> = widths.into_iter().map(|w| w.unwrap_or(0)).collect();
    let mut spare = available(&widths.iter().copied().map(Some).collect::<Vec<_>>());
    for (width, &want) in widths.iter_mut().zip(natural) {
        let more = want.saturating_sub(*width).min(spare);
        *width += more;
        spare -= more;
    }
    widths
}

/// `text` cut to `width` display columns, ending in `…` when cut.
pub(super) fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut cut = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        cut.push(c);
        used += w;
    }
    if width > 0 {
        cut.push('…');
    }
    cut
}

fn styled(column: &str, value: String, color: bool) -> Cell {
    let tone = if color { tone(column, &value) } else { None };
    let cell = Cell::new(value);
    match tone {
        Some(Tone::Good) => cell.fg(Color::Green),
        Some(Tone::Warn) => cell.fg(Color::Yellow),
        Some(Tone::Bad) => cell.fg(Color::Red).add_attribute(Attribute::Bold),
        Some(Tone::Quiet) => cell.add_attribute(Attribute::Dim),
        None => cell,
    }
}

/// How a state stands out when color is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tone {
    Good,
    Warn,
    Bad,
    Quiet,
}

/// The tone of a value in a column (or a detail view's label) that holds a
/// state a person scans for: status, priority, availability, delivery state.
pub(crate) fn tone(column: &str, value: &str) -> Option<Tone> {
    let column = column.to_ascii_lowercase();
    match (column.as_str(), value) {
        ("status", "open") => Some(Tone::Good),
        ("status", "pending") => Some(Tone::Warn),
        ("status", "resolved") => Some(Tone::Quiet),
        ("priority", "urgent") => Some(Tone::Bad),
        ("priority", "high") => Some(Tone::Warn),
        ("priority", "low") => Some(Tone::Quiet),
        ("availability", "online") => Some(Tone::Good),
        ("availability", "away" | "busy") => Some(Tone::Warn),
        ("availability", "offline") => Some(Tone::Quiet),
        ("state", "delivered" | "connected") => Some(Tone::Good),
        ("state", "pending" | "retrying") => Some(Tone::Warn),
        ("state", "dead" | "failed" | "error") => Some(Tone::Bad),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADERS: &[&str] = &["STATUS", "NUMBER", "REQUESTER", "SUBJECT", "ACTIVITY"];
    const FIXED: &[&str] = &["STATUS", "NUMBER", "ACTIVITY"];

    fn rows() -> Vec<Vec<String>> {
        (1..=3)
            .map(|n| {
                vec![
                    "open".into(),
                    format!("1000{n}"),
                    format!("A Very Long Requester Name Of Forty-Nine Characters {n}"),
                    format!("My order number {n} has not arrived and I would like to know where"),
                    "5 minutes ago".into(),
                ]
            })
            .collect()
    }

    fn lines(width: usize) -> Vec<String> {
        let layout = Layout {
            fixed: FIXED,
            optional: &[],
        };
        render(HEADERS, rows(), layout, width, false)
            .lines()
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn every_row_is_one_line_that_fits_the_width() {
        for width in [200, 120, 100, 80, 60, 50] {
            let lines = lines(width);
            assert_eq!(lines.len(), 4, "at {width}: {lines:#?}");
            for line in &lines {
                // ASCII and `…`: one column per char.
                let used = line.chars().count();
                assert!(used <= width, "at {width}: {line:?} is {used}");
            }
        }
    }

    #[test]
    fn a_wide_terminal_shows_everything_whole() {
        let lines = lines(200);
        assert!(lines[1].contains("A Very Long Requester Name Of Forty-Nine Characters 1"));
        assert!(lines[1].contains("to know where"));
        assert!(!lines[1].contains('…'));
    }

    #[test]
    fn a_narrow_terminal_cuts_flexible_columns_and_keeps_fixed_ones() {
        for width in [80, 60] {
            let lines = lines(width);
            assert!(lines[1].starts_with("open    10001"), "{lines:#?}");
            assert!(lines[1].ends_with("5 minutes ago"), "{lines:#?}");
            assert!(lines[1].contains('…'), "{lines:#?}");
            assert!(lines[0].contains("REQUESTER") && lines[0].contains("SUBJECT"));
        }
    }

    #[test]
    fn cut_columns_use_the_whole_width() {
        let lines = lines(100);
        assert_eq!(lines[1].chars().count(), 100, "{lines:#?}");
        assert!(
            lines[1].contains("A Very Long Requester Name Of For…"),
            "{lines:#?}"
        );
    }

    #[test]
    fn widths_follow_ghs_rule() {
        // Fixed 10 and 5; the short flexible column keeps its 4; the long ones share.
        assert_eq!(
            fit_widths(&[10, 4, 50, 60, 5], &[true, false, false, false, true], 60),
            vec![10, 4, 17, 16, 5]
        );
        // Enough room: every column whole.
        assert_eq!(fit_widths(&[3, 4], &[false, false], 80), vec![3, 4]);
        // No room at all: a cut column still shows its `…`.
        assert_eq!(fit_widths(&[30, 30], &[true, false], 20), vec![30, 1]);
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("日本語です", 5), "日本…");
    }

    #[test]
    fn a_terminal_too_narrow_for_every_column_drops_columns_rather_than_cut_numbers() {
        for width in [40, 30, 25] {
            let lines = lines(width);
            assert!(
                lines.iter().all(|l| l.chars().count() <= width),
                "{lines:#?}"
            );
            assert!(
                lines[1].starts_with("open    10001"),
                "at {width}: {lines:#?}"
            );
        }
        assert!(lines(30)[1].ends_with("5 minutes ago"), "{:#?}", lines(30));
        let narrowest = lines(15);
        assert_eq!(narrowest[1], "open    10001", "{narrowest:#?}");
        // A fixed column wider than the terminal alone is cut rather than wrap.
        assert!(
            lines(4).iter().all(|l| l.chars().count() <= 4),
            "{:#?}",
            lines(4)
        );
    }

    #[test]
    fn a_narrow_terminal_leaves_out_optional_columns_first() {
        let layout = Layout {
            fixed: FIXED,
            optional: &["REQUESTER"],
        };
        let narrow = render(HEADERS, rows(), layout, 50, false);
        assert!(!narrow.contains("REQUESTER"), "{narrow}");
        assert!(
            narrow.contains("SUBJECT") && narrow.contains("10001"),
            "{narrow}"
        );
        assert!(narrow.lines().all(|l| l.chars().count() <= 50), "{narrow}");
        let wide = render(HEADERS, rows(), layout, 200, false);
        assert!(wide.contains("REQUESTER"), "{wide}");
    }

    #[test]
    fn status_and_priority_stand_out_only_with_color() {
        assert_eq!(tone("PRIORITY", "urgent"), Some(Tone::Bad));
        assert_eq!(tone("Status", "open"), Some(Tone::Good));
        assert_eq!(tone("SUBJECT", "urgent"), None);
        let row = || vec![vec!["open".to_string()]];
        let colored = render(&["STATUS"], row(), Layout::default(), 80, true);
        assert!(colored.contains("\x1b["), "{colored:?}");
        let plain = render(&["STATUS"], row(), Layout::default(), 80, false);
        assert!(!plain.contains('\x1b'), "{plain:?}");
    }
}
