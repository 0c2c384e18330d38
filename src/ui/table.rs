//! Tables for people, gh's way: every row on one line of the terminal. Columns
//! that fit keep their width; when the row is too wide, the flexible columns
//! share what is left and are cut short with `…`. Fixed columns (numbers, states,
//! times) are cut only when nothing else would make the row fit. On a narrow
//! terminal a table may first leave out its optional columns (`-o wide` its
//! extra ones before them). Nothing wraps.

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

/// Which columns a table shows and how wide each is: kept after the table
/// is printed, so that rows printed under it later (a watch's) line up with
/// its header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Columns {
    /// The indexes of the columns shown.
    kept: Vec<usize>,
    /// The width of each column shown.
    widths: Vec<usize>,
}

/// A table's text at `width` columns, one line per row, without trailing
/// spaces, and the columns it was laid out in.
pub(crate) fn render(
    headers: &[&str],
    rows: Vec<Vec<String>>,
    layout: Layout<'_>,
    width: usize,
    color: bool,
) -> (String, Columns) {
    let rows = one_line_cells(rows);
    let columns = lay_out(headers, &rows, layout, width);
    let mut text = String::new();
    let header = headers.iter().map(|h| h.to_string()).collect();
    push_line(&mut text, headers, header, &columns, color, true);
    for cells in rows {
        push_line(&mut text, headers, cells, &columns, color, false);
    }
    (text, columns)
}

/// Rows laid out in `columns` of an earlier table, without its header.
pub(crate) fn render_rows(
    headers: &[&str],
    rows: Vec<Vec<String>>,
    columns: &Columns,
    color: bool,
) -> String {
    let mut text = String::new();
    for cells in one_line_cells(rows) {
        push_line(&mut text, headers, cells, columns, color, false);
    }
    text
}

/// One line per cell, whatever the value holds.
fn one_line_cells(rows: Vec<Vec<String>>) -> Vec<Vec<String>> {
    rows.into_iter()
        .map(|cells| {
            cells
                .into_iter()
                .map(|c| c.replace(['\n', '\t', '\r'], " "))
                .collect()
        })
        .collect()
}

/// The columns kept at `width` and their widths.
fn lay_out(headers: &[&str], rows: &[Vec<String>], layout: Layout<'_>, width: usize) -> Columns {
    let kept = kept_columns(headers, rows, layout, width);
    let kept_headers: Vec<&str> = kept.iter().map(|&i| headers[i]).collect();
    let kept_rows: Vec<Vec<String>> = rows
        .iter()
        .map(|cells| kept.iter().map(|&i| cells[i].clone()).collect())
        .collect();
    let natural = natural_widths(&kept_headers, &kept_rows);
    let is_fixed: Vec<bool> = kept_headers
        .iter()
        .map(|h| layout.fixed.contains(h))
        .collect();
    let mut widths = fit_widths(&natural, &is_fixed, width);
    if widths.iter().sum::<usize>() + GAP * widths.len().saturating_sub(1) > width {
        // The fixed columns alone are too wide: cut them too rather than wrap.
        widths = fit_widths(&natural, &vec![false; natural.len()], width);
    }
    Columns { kept, widths }
}

/// One row in `columns`: each cell cut and padded to its column's width,
/// [`GAP`] between columns, no trailing spaces. Laid out here rather than by
/// a table crate, so that every width is measured one way: per grapheme
/// cluster, as the terminal draws it.
fn push_line(
    text: &mut String,
    headers: &[&str],
    mut cells: Vec<String>,
    columns: &Columns,
    color: bool,
    header: bool,
) {
    let mut line = String::new();
    for (index, (&column, &width)) in columns.kept.iter().zip(&columns.widths).enumerate() {
        if index > 0 {
            line.push_str(&" ".repeat(GAP));
        }
        let value = cells
            .get_mut(column)
            .map(std::mem::take)
            .unwrap_or_default();
        let cut = super::width::truncate(&value, width);
        let padding = width.saturating_sub(super::width::columns(&cut));
        let style = match (color, header) {
            (false, _) => None,
            (true, true) => Some(anstyle::Style::new().bold()),
            (true, false) => headers
                .get(column)
                .and_then(|h| tone(h, &value))
                .map(tone_style),
        };
        match style {
            Some(style) => line.push_str(&format!("{style}{cut}{style:#}")),
            None => line.push_str(&cut),
        }
        line.push_str(&" ".repeat(padding));
    }
    text.push_str(line.trim_end());
    text.push('\n');
}

/// Each column's widest cell, header included.
fn natural_widths(headers: &[&str], rows: &[Vec<String>]) -> Vec<usize> {
    (0..headers.len())
        .map(|column| {
            rows.iter()
                .filter_map(|cells| cells.get(column))
                .map(|cell| super::width::columns(cell))
                .chain(std::iter::once(super::width::columns(headers[column])))
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

/// How a [`Tone`] is drawn.
pub(crate) fn tone_style(tone: Tone) -> anstyle::Style {
    use anstyle::{AnsiColor, Style};
    match tone {
        Tone::Good => AnsiColor::Green.on_default(),
        Tone::Warn => AnsiColor::Yellow.on_default(),
        Tone::Bad => AnsiColor::Red.on_default().bold(),
        Tone::Quiet => Style::new().dimmed(),
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
            .0
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
        let (narrow, _) = render(HEADERS, rows(), layout, 50, false);
        assert!(!narrow.contains("REQUESTER"), "{narrow}");
        assert!(
            narrow.contains("SUBJECT") && narrow.contains("10001"),
            "{narrow}"
        );
        assert!(narrow.lines().all(|l| l.chars().count() <= 50), "{narrow}");
        let (wide, _) = render(HEADERS, rows(), layout, 200, false);
        assert!(wide.contains("REQUESTER"), "{wide}");
    }

    #[test]
    fn rows_printed_later_keep_the_tables_columns_and_widths() {
        let layout = Layout {
            fixed: FIXED,
            optional: &["REQUESTER"],
        };
        let short = vec![vec![
            "open".into(),
            "10001".into(),
            "Dana".into(),
            "Parcel".into(),
            "now".into(),
        ]];
        let (table, columns) = render(HEADERS, short, layout, 50, false);
        let header = table.lines().next().unwrap();
        let later = render_rows(HEADERS, rows(), &columns, false);
        let column = |line: &str, text: &str| {
            line.find(text)
                .map(|at| crate::ui::width::columns(&line[..at]))
        };
        for line in later.lines() {
            assert_eq!(
                column(line, "5 minut"),
                column(header, "ACTIVITY"),
                "{table}{later}"
            );
            assert!(
                line.contains("My ord… "),
                "cut as the header's column: {later}"
            );
        }
    }

    #[test]
    fn emoji_sequences_keep_the_columns_in_place() {
        let mut rows = rows();
        rows[0][3] = "Refund 😀👍🏽👨\u{200d}👩\u{200d}👧 please 🇩🇪 and more words here".into();
        for width in [60, 80, 120] {
            let (table, _) = render(
                HEADERS,
                rows.clone(),
                Layout {
                    fixed: FIXED,
                    optional: &[],
                },
                width,
                false,
            );
            let lines: Vec<&str> = table.lines().collect();
            let end = crate::ui::width::columns(lines[2]);
            assert_eq!(crate::ui::width::columns(lines[1]), end, "{table}");
            assert!(end <= width, "{table}");
        }
    }

    #[test]
    fn status_and_priority_stand_out_only_with_color() {
        assert_eq!(tone("PRIORITY", "urgent"), Some(Tone::Bad));
        assert_eq!(tone("Status", "open"), Some(Tone::Good));
        assert_eq!(tone("SUBJECT", "urgent"), None);
        let row = || vec![vec!["open".to_string()]];
        let (colored, _) = render(&["STATUS"], row(), Layout::default(), 80, true);
        assert!(colored.contains("\x1b["), "{colored:?}");
        let (plain, _) = render(&["STATUS"], row(), Layout::default(), 80, false);
        assert!(!plain.contains('\x1b'), "{plain:?}");
    }
}
