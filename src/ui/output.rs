//! Data on stdout in the chosen format. Each displayable type says how it looks
//! as a table row and as a detail view; JSON, YAML and names come from its wire type.

use std::io::Write;

use comfy_table::{Attribute, Cell, ContentArrangement, Table, presets};
use jiff::Timestamp;
use serde::Serialize;

use super::{OutputFormat, Ui};
use crate::error::CliResult;

/// A type shown as a row of a table.
pub trait Tabular: Serialize {
    /// Column headers; `wide` adds more.
    fn columns(wide: bool) -> Vec<&'static str>;
    /// The cells of this row, in the order of `columns(wide)`.
    fn cells(&self, ui: &Ui, wide: bool) -> Vec<String>;
    /// What `-o name` prints: the handle, key or id.
    fn name(&self) -> String;
}

/// A type shown on its own as `label: value` lines.
pub trait Detail: Tabular {
    fn fields(&self, ui: &Ui) -> Vec<(&'static str, String)>;
}

impl Ui {
    /// Prints a list in the chosen format. `noun` names the items for the note
    /// printed on stderr when a terminal would otherwise show nothing.
    pub fn print_list<T: Tabular>(&self, items: &[T], noun: &str) -> CliResult {
        let mut out = std::io::stdout().lock();
        match self.format {
            OutputFormat::Json => {
                serde_json::to_writer_pretty(&mut out, items).map_err(std::io::Error::from)?;
                writeln!(out)?;
            }
            OutputFormat::Jsonl => {
                for item in items {
                    serde_json::to_writer(&mut out, item).map_err(std::io::Error::from)?;
                    writeln!(out)?;
                }
            }
            OutputFormat::Yaml => out.write_all(to_yaml(&items).as_bytes())?,
            OutputFormat::Name => {
                for item in items {
                    writeln!(out, "{}", item.name())?;
                }
            }
            OutputFormat::Table | OutputFormat::Wide => {
                let wide = self.format == OutputFormat::Wide;
                if items.is_empty() {
                    if self.stdout_tty {
                        self.info(&format!("No {noun}."));
                    }
                } else if self.stdout_tty {
                    let mut table = Table::new();
                    // Natural column widths, as kubectl prints them: squeezing
                    // columns to the terminal wraps values into unreadable pieces.
                    table
                        .load_style(presets::NOTHING)
                        .set_content_arrangement(ContentArrangement::Disabled);
                    table.set_header(T::columns(wide).into_iter().map(|h| {
                        let cell = Cell::new(h);
                        if self.color {
                            cell.add_attribute(Attribute::Bold)
                        } else {
                            cell
                        }
                    }));
                    if self.color {
                        table.enforce_styling();
                    }
                    for item in items {
                        table.add_row(item.cells(self, wide));
                    }
                    for column in table.column_iter_mut() {
                        column.set_padding((0, 2));
                    }
                    // comfy-table pads every cell by one; trim each line's end.
                    for line in table.to_string().lines() {
                        writeln!(out, "{}", line.trim_end())?;
                    }
                } else {
                    // Piped: one record per line, tab-separated, no header, no
                    // truncation, so `cut` and `awk` work.
                    drop(out);
                    return self.print_rows(items);
                }
            }
        }
        out.flush()?;
        Ok(())
    }

    /// Prints items as records, without a table's header or alignment, so pages
    /// can be written as they arrive: JSON lines, names, or tab-separated values.
    pub fn print_rows<T: Tabular>(&self, items: &[T]) -> CliResult {
        let mut out = std::io::stdout().lock();
        for item in items {
            match self.format {
                OutputFormat::Jsonl | OutputFormat::Json | OutputFormat::Yaml => {
                    serde_json::to_writer(&mut out, item).map_err(std::io::Error::from)?;
                    writeln!(out)?;
                }
                OutputFormat::Name => writeln!(out, "{}", item.name())?,
                OutputFormat::Table | OutputFormat::Wide => {
                    let wide = self.format == OutputFormat::Wide;
                    let cells: Vec<String> = item
                        .cells(self, wide)
                        .into_iter()
                        .map(|cell| cell.replace(['\t', '\n'], " "))
                        .collect();
                    writeln!(out, "{}", cells.join("\t"))?;
                }
            }
        }
        out.flush()?;
        Ok(())
    }

    /// Prints a whole value: its JSON or YAML, or for people `text()`.
    pub fn print_value<T: serde::Serialize>(
        &self,
        value: &T,
        text: impl FnOnce() -> String,
    ) -> crate::error::CliResult {
        let mut out = std::io::stdout().lock();
        match self.format {
            OutputFormat::Json => {
                serde_json::to_writer_pretty(&mut out, value).map_err(std::io::Error::from)?;
                writeln!(out)?;
            }
            OutputFormat::Jsonl => {
                serde_json::to_writer(&mut out, value).map_err(std::io::Error::from)?;
                writeln!(out)?;
            }
            OutputFormat::Yaml => out.write_all(to_yaml(value).as_bytes())?,
            _ => writeln!(out, "{}", text())?,
        }
        out.flush()?;
        Ok(())
    }

    /// Prints one item in the chosen format.
    pub fn print_item<T: Detail>(&self, item: &T) -> CliResult {
        let mut out = std::io::stdout().lock();
        match self.format {
            OutputFormat::Json => {
                serde_json::to_writer_pretty(&mut out, item).map_err(std::io::Error::from)?;
                writeln!(out)?;
            }
            OutputFormat::Jsonl => {
                serde_json::to_writer(&mut out, item).map_err(std::io::Error::from)?;
                writeln!(out)?;
            }
            OutputFormat::Yaml => out.write_all(to_yaml(item).as_bytes())?,
            OutputFormat::Name => writeln!(out, "{}", item.name())?,
            OutputFormat::Table | OutputFormat::Wide => {
                let fields = item.fields(self);
                let width = fields
                    .iter()
                    .map(|(label, _)| label.len())
                    .max()
                    .unwrap_or(0);
                for (label, value) in fields {
                    let pad = " ".repeat(width - label.len());
                    let label = self.header(&format!("{label}:"));
                    if value.contains('\n') {
                        writeln!(out, "{label}")?;
                        for line in value.lines() {
                            writeln!(out, "  {line}")?;
                        }
                    } else {
                        writeln!(out, "{label}{pad} {value}")?;
                    }
                }
            }
        }
        out.flush()?;
        Ok(())
    }

    /// A time for people: relative on a terminal, RFC 3339 when piped.
    pub fn time(&self, at: Timestamp) -> String {
        if self.stdout_tty {
            relative(at, Timestamp::now())
        } else {
            at.to_string()
        }
    }
}

pub(crate) fn to_yaml<T: Serialize + ?Sized>(value: &T) -> String {
    // Go through JSON so YAML shows exactly the wire form (e.g. RFC 3339 times).
    let json = serde_json::to_value(value).expect("wire types serialize");
    serde_saphyr::to_string(&json).expect("JSON values serialize as YAML")
}

/// "just now", "5 minutes ago", "3 days ago", "in 2 hours".
pub fn relative(at: Timestamp, now: Timestamp) -> String {
    let seconds = now.as_second() - at.as_second();
    let (amount, future) = (seconds.unsigned_abs(), seconds < 0);
    let (count, unit) = match amount {
        0..45 => return "just now".to_string(),
        45..3_600 => (amount.div_ceil(60).max(1), "minute"),
        3_600..86_400 => (amount / 3_600, "hour"),
        86_400..2_592_000 => (amount / 86_400, "day"),
        2_592_000..31_536_000 => (amount / 2_592_000, "month"),
        _ => (amount / 31_536_000, "year"),
    };
    let plural = if count == 1 { "" } else { "s" };
    if future {
        format!("in {count} {unit}{plural}")
    } else {
        format!("{count} {unit}{plural} ago")
    }
}

impl Ui {
    /// An exact moment for people: in the caller's time zone on a terminal,
    /// RFC 3339 when piped.
    pub fn instant(&self, at: Timestamp) -> String {
        if self.stdout_tty {
            at.to_zoned(jiff::tz::TimeZone::system())
                .strftime("%Y-%m-%d %H:%M:%S %Z")
                .to_string()
        } else {
            at.to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ago(seconds: i64) -> String {
        let now = Timestamp::from_second(1_800_000_000).unwrap();
        relative(
            Timestamp::from_second(1_800_000_000 - seconds).unwrap(),
            now,
        )
    }

    #[test]
    fn relative_times_read_naturally() {
        assert_eq!(ago(5), "just now");
        assert_eq!(ago(60), "1 minute ago");
        assert_eq!(ago(5 * 60), "5 minutes ago");
        assert_eq!(ago(2 * 3_600 + 10), "2 hours ago");
        assert_eq!(ago(86_400), "1 day ago");
        assert_eq!(ago(400 * 86_400), "1 year ago");
        assert_eq!(ago(-3 * 3_600), "in 3 hours");
    }
}
