//! Data on stdout in the chosen format. Each displayable type says how it looks
//! as a table row and as a detail view; JSON, YAML and names come from its wire type.

use std::io::Write;

use serde::Serialize;

use super::table::{self, tone_style};
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
    /// Columns kept whole when a table is narrowed to the terminal (numbers,
    /// states, times); the others may be cut short with `…`.
    fn fixed_columns() -> &'static [&'static str] {
        &[]
    }
    /// Columns a narrow terminal leaves out, in this order, before cutting the
    /// others to nothing; `-o wide` leaves out its own extra columns first.
    fn optional_columns() -> &'static [&'static str] {
        &[]
    }
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
            OutputFormat::Yaml => out.write_all(to_yaml(&items).as_bytes())?,
            OutputFormat::Table | OutputFormat::Wide if self.stdout_tty => {
                if items.is_empty() {
                    self.info(&format!("No {noun}."));
                } else {
                    let (text, columns) = self.table_text(items);
                    out.write_all(text.as_bytes())?;
                    *self.last_table_lock() = Some(columns);
                }
            }
            // Piped tables, JSON lines and names are records, one per line.
            OutputFormat::Table | OutputFormat::Wide | OutputFormat::Jsonl | OutputFormat::Name => {
                drop(out);
                return self.print_rows(items);
            }
        }
        out.flush()?;
        Ok(())
    }

    /// Refuses `-o name` for a command that prints a document, before it asks
    /// for one: a document has no names, and YAML a script did not ask for
    /// would pass for an answer.
    pub fn documentable(&self) -> CliResult {
        if self.format == OutputFormat::Name {
            return Err(crate::error::CliError::usage(
                "a document has no names to print: use -o yaml (the default), -o json or -o jsonl",
            ));
        }
        Ok(())
    }

    /// Refuses the formats a stream of changes cannot be printed in (`what`
    /// streams until interrupted): a JSON array or a YAML document cannot go
    /// on once printed, and changes after it would make it neither.
    pub fn streamable(&self, what: &str) -> CliResult {
        match self.format {
            OutputFormat::Json | OutputFormat::Yaml => {
                let format = clap::ValueEnum::to_possible_value(&self.format)
                    .expect("every format has a name");
                Err(crate::error::CliError::usage(format!(
                    "{what} cannot print -o {}: use -o jsonl for a stream of changes",
                    format.get_name()
                )))
            }
            _ => Ok(()),
        }
    }

    /// Prints one item that changed while a list is watched: on a terminal a
    /// table row like the list's (one line, cut to fit, without the header
    /// printed above it), else a record as [`Ui::print_rows`] writes it.
    pub fn print_update<T: Tabular>(&self, item: &T) -> CliResult {
        if !(self.stdout_tty && self.format_is_for_people()) {
            return self.print_rows(std::slice::from_ref(item));
        }
        // Under a table printed before, in its columns and widths, so
        // that every column stays under its header.
        let mut last_table = self.last_table_lock();
        let row = match last_table.as_ref() {
            Some(columns) => {
                let rows = self.table_cells(std::slice::from_ref(item));
                table::render_rows(&T::columns(self.wide()), rows, columns, self.color)
            }
            None => {
                let (text, columns) = self.table_text(std::slice::from_ref(item));
                *last_table = Some(columns);
                text.lines()
                    .skip(1)
                    .map(|line| format!("{line}\n"))
                    .collect()
            }
        };
        self.write_stdout(&row)
    }

    fn wide(&self) -> bool {
        self.format == OutputFormat::Wide
    }

    /// The layout of the last table printed; a panic while it was held
    /// left a layout as good as any.
    fn last_table_lock(&self) -> std::sync::MutexGuard<'_, Option<table::Columns>> {
        self.last_table
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Tells that a watched item left the view: in JSON formats `record` as a
    /// line on stdout, where a program reading the records needs it; for
    /// people and in names, `message` on stderr.
    pub fn print_departure<T: Serialize>(&self, record: &T, message: &str) -> CliResult {
        match self.format {
            OutputFormat::Jsonl | OutputFormat::Json | OutputFormat::Yaml => {
                let line = serde_json::to_string(record).map_err(std::io::Error::from)?;
                self.write_stdout(&format!("{line}\n"))
            }
            OutputFormat::Table | OutputFormat::Wide | OutputFormat::Name => {
                self.info(message);
                Ok(())
            }
        }
    }

    /// Each item's cells, made [`super::printable`].
    fn table_cells<T: Tabular>(&self, items: &[T]) -> Vec<Vec<String>> {
        items
            .iter()
            .map(|item| {
                let cells = item.cells(self, self.wide()).into_iter();
                cells
                    .map(|cell| super::printable(&cell).into_owned())
                    .collect()
            })
            .collect()
    }

    /// `items` as a table at the terminal's width, header first, their text
    /// made [`super::printable`]; and the columns it was laid out in.
    fn table_text<T: Tabular>(&self, items: &[T]) -> (String, table::Columns) {
        let wide = self.wide();
        let rows = self.table_cells(items);
        // `-o wide` shows every column that fits; on a terminal too narrow
        // for them all its own columns go first, then those the default
        // table leaves out, in the same order: it never shows less than
        // the default table at the same width.
        let optional: Vec<&str> = match wide {
            true => {
                let default = T::columns(false);
                T::columns(true)
                    .into_iter()
                    .rev()
                    .filter(|column| !default.contains(column))
                    .chain(T::optional_columns().iter().copied())
                    .collect()
            }
            false => T::optional_columns().to_vec(),
        };
        let layout = table::Layout {
            fixed: T::fixed_columns(),
            optional: &optional,
        };
        table::render(&T::columns(wide), rows, layout, self.width, self.color)
    }

    /// Prints items as records, without a table's header or alignment, so pages
    /// can be written as they arrive: JSON lines, names, or tab-separated values
    /// (untruncated, and uncolored unless `--color always`, so `cut` and `awk`
    /// work).
    pub fn print_rows<T: Tabular>(&self, items: &[T]) -> CliResult {
        // Stdout flushes at every newline by itself: one write per page, not
        // one per record (a million records of `--all` were a million writes).
        let mut out = std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
        for item in items {
            match self.format {
                OutputFormat::Jsonl | OutputFormat::Json | OutputFormat::Yaml => {
                    serde_json::to_writer(&mut out, item).map_err(std::io::Error::from)?;
                    writeln!(out)?;
                }
                OutputFormat::Name => writeln!(out, "{}", super::printable(&item.name()))?,
                OutputFormat::Table | OutputFormat::Wide => {
                    let wide = self.format == OutputFormat::Wide;
                    // Color only when asked for (`--color always`): as on
                    // a terminal, states stand out; the tabs stay as they are.
                    let cells: Vec<String> = item
                        .cells(self, wide)
                        .into_iter()
                        .zip(T::columns(wide))
                        .map(|(cell, column)| {
                            // Made printable first, so that a `\r\n` is one space.
                            let cell = super::printable(&cell).replace(['\t', '\n'], " ");
                            match table::tone(column, &cell) {
                                Some(tone) => self.paint(tone_style(tone), &cell),
                                None => cell,
                            }
                        })
                        .collect();
                    writeln!(out, "{}", cells.join("\t"))?;
                }
            }
        }
        out.flush()?;
        Ok(())
    }

    /// Prints lines already written, each ending in `\n` (JSON lines as the
    /// service wrote them).
    pub fn print_lines(&self, lines: &[bytes::Bytes]) -> CliResult {
        let mut out = std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
        for line in lines {
            out.write_all(line)?;
        }
        out.flush()?;
        Ok(())
    }

    /// Prints a value that has no text: its JSON or YAML, and nothing with
    /// any other format (the status line on stderr says what happened).
    pub fn print_value_only<T: serde::Serialize>(&self, value: &T) -> CliResult {
        match self.format {
            OutputFormat::Json | OutputFormat::Jsonl | OutputFormat::Yaml => {
                self.print_value_as_is(value, String::new)
            }
            _ => Ok(()),
        }
    }

    /// Prints a whole value: its JSON or YAML, or for people `text()` made
    /// [`super::printable`].
    pub fn print_value<T: serde::Serialize>(
        &self,
        value: &T,
        text: impl FnOnce() -> String,
    ) -> CliResult {
        self.print_value_as_is(value, || super::printable(&text()).into_owned())
    }

    /// Prints a whole value like [`Ui::print_value`], but `text()` as it is:
    /// text whose pieces from outside were made [`super::printable`] before
    /// it was colored, or a document that must keep the exact text.
    pub(super) fn print_value_as_is<T: serde::Serialize>(
        &self,
        value: &T,
        text: impl FnOnce() -> String,
    ) -> CliResult {
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

    /// Prints a workspace document as a file holds it, its text exact, since
    /// `export > desk.yaml` must apply back as it was: YAML (which writes
    /// control characters as escapes itself), or JSON with `-o json|jsonl`.
    pub fn print_document<T: serde::Serialize>(&self, document: &T) -> CliResult {
        self.print_value_as_is(document, || to_yaml(document).trim_end().to_string())
    }

    /// Prints one item in the chosen format.
    pub fn print_item<T: Detail>(&self, item: &T) -> CliResult {
        let text = self.item_text(item)?;
        self.write_stdout(&text)
    }

    /// Prints one item like [`Ui::print_item`], through the pager when a person
    /// reads it on a terminal it does not fit (unless `paging` is off).
    pub fn print_item_paged<T: Detail>(&self, item: &T, paging: bool) -> CliResult {
        let text = self.item_text(item)?;
        if paging && self.format_is_for_people() {
            self.page(&text)
        } else {
            self.write_stdout(&text)
        }
    }

    /// Whether the format is a table or detail view for people (not JSON,
    /// YAML or names for a program).
    pub(crate) fn format_is_for_people(&self) -> bool {
        matches!(self.format, OutputFormat::Table | OutputFormat::Wide)
    }

    pub(super) fn write_stdout(&self, text: &str) -> CliResult {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())?;
        out.flush()?;
        Ok(())
    }

    fn item_text<T: Detail>(&self, item: &T) -> CliResult<String> {
        let mut out = Vec::new();
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
            OutputFormat::Name => writeln!(out, "{}", super::printable(&item.name()))?,
            OutputFormat::Table | OutputFormat::Wide => {
                let fields = item.fields(self);
                let width = fields
                    .iter()
                    .map(|(label, _)| label.len())
                    .max()
                    .unwrap_or(0);
                for (label, value) in fields {
                    let value = super::printable(&value).into_owned();
                    let pad = " ".repeat(width - label.len());
                    let shown = match table::tone(label, &value) {
                        Some(tone) => self.paint(tone_style(tone), &value),
                        None => value.clone(),
                    };
                    let label = self.header(&format!("{label}:"));
                    if value.contains('\n') {
                        writeln!(out, "{label}")?;
                        for line in value.lines() {
                            writeln!(out, "  {line}")?;
                        }
                    } else {
                        writeln!(out, "{label}{pad} {shown}")?;
                    }
                }
            }
        }
        Ok(String::from_utf8(out).expect("rendered text is UTF-8"))
    }
}

fn to_yaml<T: Serialize + ?Sized>(value: &T) -> String {
    // Go through JSON so YAML shows exactly the wire form (e.g. RFC 3339 times).
    // Transcoded as it is read, not through `serde_json::Value`, whose objects
    // sort their keys: each object keeps the order `-o json` prints, so a desk
    // document starts with `apiVersion` and `kind`.
    let json = serde_json::to_string(value).expect("wire types serialize");
    let mut reader = serde_json::Deserializer::from_str(&json);
    serde_saphyr::to_string(&serde_transcode::Transcoder::new(&mut reader))
        .expect("JSON values serialize as YAML")
}

#[cfg(test)]
mod tests {
    use super::to_yaml;

    #[test]
    fn yaml_keeps_each_objects_keys_in_wire_order_and_reads_back_as_the_json() {
        #[derive(serde::Serialize)]
        struct Agent {
            zeta: Option<u8>,
            alpha: f64,
            name: &'static str,
        }
        #[derive(serde::Serialize)]
        struct Document {
            kind: &'static str,
            agents: Vec<Agent>,
            api_version: u64,
        }
        let document = Document {
            kind: "Desk",
            agents: vec![Agent {
                zeta: None,
                alpha: 1.5,
                name: "tab\there: \"quoted\"",
            }],
            api_version: u64::MAX,
        };
        let yaml = to_yaml(&document);
        let at = |key: &str| {
            yaml.find(&format!("{key}:"))
                .unwrap_or_else(|| panic!("{key}: {yaml}"))
        };
        assert!(at("kind") < at("agents"), "{yaml}");
        assert!(at("agents") < at("api_version"), "{yaml}");
        assert!(
            at("zeta") < at("alpha") && at("alpha") < at("name"),
            "{yaml}"
        );
        let read: serde_json::Value = serde_saphyr::from_str(&yaml).unwrap();
        assert_eq!(read, serde_json::to_value(&document).unwrap(), "{yaml}");
    }
}
