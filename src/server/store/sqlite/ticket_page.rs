//! A page of tickets written as JSON lines straight from their rows.
//!
//! Building each [`crate::api::Ticket`] (a `String` per text column, the JSON
//! columns decoded into values), serializing it and dropping it took 40% of the
//! CPU time of `tickets list --all -o jsonl`. Here each row is serialized from
//! its copied values: text borrowed, the JSON columns checked and copied as they
//! are stored (written by serde from the same maps, so already in the form
//! serializing them again gives), instants copied when stored in the API's
//! form and reshaped when not.
//! The output is byte for byte what serializing the `Ticket` gives; the tests
//! compare the two for tickets of every shape.

use std::borrow::Cow;
use std::fmt;

use jiff::Timestamp;
use rusqlite::types::ValueRef;
use serde::Serialize;
use serde_json::value::RawValue;

use super::direct::{Direct, Row, each};
use super::parse_time;
use crate::api::instant::Micros;
use crate::api::{Channel, Environment, Priority, TicketStatus};
use crate::server::store::{StoreError, StoreResult, TicketPage};

/// A ticket's row, borrowed, in `api::Ticket`'s fields and order.
#[derive(Serialize)]
struct TicketRow<'r> {
    number: u64,
    subject: &'r str,
    status: TicketStatus,
    priority: Priority,
    requester: RequesterRow<'r>,
    assignee: Option<&'r str>,
    team: Option<&'r str>,
    agent: Option<&'r str>,
    channel: Channel,
    environment: Environment,
    fields: StoredJson<'r>,
    context: StoredJson<'r>,
    ai_paused: bool,
    handoff: Option<&'r str>,
    created_at: WireTime<'r>,
    last_activity_at: WireTime<'r>,
    /// `last_activity_at` as stored: where the next page starts.
    #[serde(skip)]
    stored_activity: &'r str,
}

/// `api::Requester` as the tickets table keeps it.
#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct RequesterRow<'r> {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'r str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'r str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    external_id: Option<&'r str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    phone: Option<&'r str>,
}

impl<'r> TicketRow<'r> {
    fn read(row: &CopiedRow<'r>) -> StoreResult<TicketRow<'r>> {
        let json = |column: Column, what: &str| {
            stored_json(row.required_text(column)?)
                .map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))
        };
        let stored_activity = row.required_text(Column::LastActivityAt)?;
        Ok(TicketRow {
            number: row.int(Column::Number)? as u64,
            subject: row.required_text(Column::Subject)?,
            status: row.parsed(Column::Status)?,
            priority: row.parsed(Column::Priority)?,
            requester: RequesterRow {
                name: row.text(Column::RequesterName)?,
                email: row.text(Column::RequesterEmail)?,
                external_id: row.text(Column::RequesterExternalId)?,
                phone: row.text(Column::RequesterPhone)?,
            },
            assignee: row.text(Column::Assignee)?,
            team: row.text(Column::Team)?,
            agent: row.text(Column::Agent)?,
            channel: row.parsed(Column::Channel)?,
            environment: row.parsed(Column::Environment)?,
            fields: json(Column::Fields, "ticket fields")?,
            context: json(Column::Context, "ticket context")?,
            ai_paused: row.int(Column::AiPaused)? == 1,
            handoff: row.text(Column::Handoff)?,
            created_at: WireTime::of(row.required_text(Column::CreatedAt)?)?,
            last_activity_at: WireTime::of(stored_activity)?,
            stored_activity,
        })
    }
}

/// A JSON column's value as it is written into a page: borrowed as stored
/// (serde wrote it, compact), or, stored with line breaks between its tokens
/// (not by deskctl), written compact, since a page is one ticket a line.
type StoredJson<'r> = Cow<'r, RawValue>;

fn stored_json(stored: &str) -> serde_json::Result<StoredJson<'_>> {
    let raw: &RawValue = serde_json::from_str(stored)?;
    Ok(match memchr::memchr2(b'\n', b'\r', stored.as_bytes()) {
        None => Cow::Borrowed(raw),
        Some(_) => Cow::Owned(serde_json::value::to_raw_value(&serde_json::from_str::<
            serde_json::Value,
        >(stored)?)?),
    })
}

/// An instant as the API writes it ([`crate::api::instant`]), from its
/// stored form.
enum WireTime<'r> {
    /// Already in that form, as `store::stored_time` writes it.
    Stored(&'r str),
    /// Any other form SQLite may hold, parsed.
    Parsed(Timestamp),
}

impl<'r> WireTime<'r> {
    fn of(stored: &'r str) -> StoreResult<WireTime<'r>> {
        const SHAPE: &[u8; 27] = b"0000-00-00T00:00:00.000000Z";
        // Parsed whatever its form, so that a stored value that is no instant
        // is reported as it is when a whole ticket is read.
        let at = parse_time(stored)?;
        let bytes = stored.as_bytes();
        let shaped = bytes.len() == SHAPE.len()
            && bytes.iter().zip(SHAPE).all(|(byte, shape)| match shape {
                b'0' => byte.is_ascii_digit(),
                separator => byte == separator,
            });
        Ok(match shaped {
            true => WireTime::Stored(stored),
            false => WireTime::Parsed(at),
        })
    }
}

impl fmt::Display for WireTime<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WireTime::Stored(stored) => f.write_str(stored),
            WireTime::Parsed(at) => Micros(*at).fmt(f),
        }
    }
}

impl Serialize for WireTime<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The columns a page is written from, in the order [`Batch`] keeps them.
#[derive(Clone, Copy)]
enum Column {
    Number,
    Subject,
    Status,
    Priority,
    RequesterName,
    RequesterEmail,
    RequesterExternalId,
    RequesterPhone,
    Assignee,
    Team,
    Agent,
    Channel,
    Environment,
    Fields,
    Context,
    AiPaused,
    Handoff,
    CreatedAt,
    LastActivityAt,
}

/// The tickets table's name of each [`Column`], in its order.
pub(super) const COLUMN_NAMES: [&str; 19] = [
    "number",
    "subject",
    "status",
    "priority",
    "requester_name",
    "requester_email",
    "requester_external_id",
    "requester_phone",
    "assignee",
    "team_key",
    "agent_key",
    "channel",
    "environment",
    "fields",
    "context",
    "ai_paused",
    "handoff_id",
    "created_at",
    "last_activity_at",
];

impl Column {
    fn name(self) -> &'static str {
        COLUMN_NAMES[self as usize]
    }
}

/// Rows from this many on are copied on the statement's thread and written
/// on a second one (see [`write_rows`]); a smaller page, a terminal's 30 or
/// a tool's 50, is not worth the thread.
const SPLIT_FROM: usize = 100;

/// Rows copied and handed over at a time.
const BATCH_ROWS: usize = 64;

/// Batches copied and not yet written, at most: the copying thread waits
/// for the writing one beyond that.
const BATCHES_IN_FLIGHT: usize = 4;

/// One value of a copied row.
#[derive(Clone, Copy)]
enum Cell {
    Null,
    Integer(i64),
    /// Bytes of [`Batch::bytes`], not yet checked to be UTF-8.
    Text {
        start: usize,
        end: usize,
    },
    /// A real number or a blob: no ticket column holds one.
    Other,
}

/// Rows copied off the statement, each [`COLUMN_NAMES`]' values in order,
/// for another thread to write.
struct Batch {
    bytes: Vec<u8>,
    cells: Vec<Cell>,
}

impl Batch {
    fn with_room(rows: usize) -> Batch {
        Batch {
            // A ticket's texts are about 400 bytes.
            bytes: Vec::with_capacity(512 * rows),
            cells: Vec::with_capacity(COLUMN_NAMES.len() * rows),
        }
    }

    fn rows(&self) -> usize {
        self.cells.len() / COLUMN_NAMES.len()
    }

    /// Copies the values of `row` at `positions` (one per [`Column`]).
    fn copy(&mut self, row: &Row<'_, '_>, positions: &[usize]) -> StoreResult<()> {
        for &position in positions {
            let cell = match row.get_ref(position)? {
                ValueRef::Null => Cell::Null,
                ValueRef::Integer(int) => Cell::Integer(int),
                ValueRef::Text(text) => {
                    let start = self.bytes.len();
                    self.bytes.extend_from_slice(text);
                    Cell::Text {
                        start,
                        end: self.bytes.len(),
                    }
                }
                ValueRef::Real(_) | ValueRef::Blob(_) => Cell::Other,
            };
            self.cells.push(cell);
        }
        Ok(())
    }

    fn each_row(&self) -> impl Iterator<Item = CopiedRow<'_>> {
        self.cells
            .chunks_exact(COLUMN_NAMES.len())
            .map(|cells| CopiedRow {
                bytes: &self.bytes,
                cells,
            })
    }
}

/// A row of a [`Batch`].
struct CopiedRow<'b> {
    bytes: &'b [u8],
    cells: &'b [Cell],
}

impl<'b> CopiedRow<'b> {
    fn text(&self, column: Column) -> StoreResult<Option<&'b str>> {
        match self.cells[column as usize] {
            Cell::Null => Ok(None),
            Cell::Text { start, end } => std::str::from_utf8(&self.bytes[start..end])
                .map(Some)
                .map_err(|_| StoreError::Corrupt(format!("{} is not UTF-8 text", column.name()))),
            _ => Err(StoreError::Corrupt(format!(
                "{} is not text",
                column.name()
            ))),
        }
    }

    fn required_text(&self, column: Column) -> StoreResult<&'b str> {
        self.text(column)?
            .ok_or_else(|| StoreError::Corrupt(format!("{} is unexpectedly empty", column.name())))
    }

    fn int(&self, column: Column) -> StoreResult<i64> {
        match self.cells[column as usize] {
            Cell::Integer(int) => Ok(int),
            Cell::Null => Err(StoreError::Corrupt(format!(
                "{} is unexpectedly empty",
                column.name()
            ))),
            _ => Err(StoreError::Corrupt(format!(
                "{} is not an integer",
                column.name()
            ))),
        }
    }

    /// A column holding one of an enum's wire names.
    fn parsed<T: std::str::FromStr<Err = String>>(&self, column: Column) -> StoreResult<T> {
        self.required_text(column)?
            .parse()
            .map_err(StoreError::Corrupt)
    }
}

/// A page's JSON lines, written a batch of rows at a time.
struct PageWriter {
    items: Vec<u8>,
    len: usize,
    limit: usize,
    /// The `limit`th ticket's `(stored last_activity_at, number)`.
    last: Option<(String, u64)>,
}

impl PageWriter {
    fn new(limit: usize) -> PageWriter {
        // A ticket is about 450 bytes of JSON.
        PageWriter {
            items: Vec::with_capacity(512 * limit.min(500)),
            len: 0,
            limit,
            last: None,
        }
    }

    fn write(&mut self, batch: &Batch) -> StoreResult<()> {
        for row in batch.each_row() {
            let ticket = TicketRow::read(&row)?;
            serde_json::to_writer(&mut self.items, &ticket)
                .map_err(|e| StoreError::Corrupt(format!("ticket {}: {e}", ticket.number)))?;
            self.items.push(b'\n');
            self.len += 1;
            if self.len == self.limit {
                self.last = Some((ticket.stored_activity.to_string(), ticket.number));
            }
        }
        Ok(())
    }

    /// The page, `more` when a ticket beyond it was found.
    fn finish(self, more: bool) -> TicketPage {
        TicketPage {
            items: self.items,
            len: self.len,
            next_after: self.last.filter(|_| more),
        }
    }
}

/// The tickets `sql` selects (the tickets table's columns, at most `limit`
/// plus one) written as a page of at most `limit`, one ticket a line.
pub(super) fn write_page(
    conn: &Direct,
    sql: &str,
    params: impl rusqlite::Params,
    limit: u32,
) -> StoreResult<TicketPage> {
    let limit = limit as usize;
    write_rows(conn, sql, params, limit, BATCH_ROWS, limit >= SPLIT_FROM)
}

/// [`write_page`] in batches of `batch_rows`; when `split`, each batch is
/// written on a second thread while the next is read.
///
/// Reading rows (SQLite's stepping and the page cache's `pread`s) and
/// writing them (checking their texts and JSON, reshaping instants,
/// encoding) each took about half of `tickets list --all -o jsonl`'s time
/// on one thread. Copying a row's values, about 500 bytes, costs little
/// beside either.
pub(super) fn write_rows(
    conn: &Direct,
    sql: &str,
    params: impl rusqlite::Params,
    limit: usize,
    batch_rows: usize,
    split: bool,
) -> StoreResult<TicketPage> {
    let mut page = PageWriter::new(limit);
    if !split {
        let mut written = Ok(());
        let more = copy_rows(conn, sql, params, limit, batch_rows, |batch| {
            written = page.write(&batch);
            written.is_ok()
        })?;
        written?;
        return Ok(page.finish(more));
    }
    std::thread::scope(|scope| {
        let (hand_over, batches) = std::sync::mpsc::sync_channel::<Batch>(BATCHES_IN_FLIGHT);
        let writer = scope.spawn(move || {
            for batch in batches {
                page.write(&batch)?;
            }
            Ok(page)
        });
        // A writer that failed drops `batches`, and the copying stops; the
        // copying's end drops `hand_over`, and the writing ends.
        let more = copy_rows(conn, sql, params, limit, batch_rows, move |batch| {
            hand_over.send(batch).is_ok()
        });
        let page: StoreResult<PageWriter> = writer
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        Ok(page?.finish(more?))
    })
}

/// Steps `sql`'s statement, copying up to `limit` rows into batches of
/// `batch_rows` handed to `take`, until it answers `false`; answers whether a
/// row beyond `limit` was found.
fn copy_rows(
    conn: &Direct,
    sql: &str,
    params: impl rusqlite::Params,
    limit: usize,
    batch_rows: usize,
    mut take: impl FnMut(Batch) -> bool,
) -> StoreResult<bool> {
    let mut positions: Option<[usize; COLUMN_NAMES.len()]> = None;
    let mut batch = Batch::with_room(batch_rows);
    let mut copied = 0;
    let mut more = false;
    let mut taking = true;
    each(conn, sql, params, |row| {
        if copied == limit {
            more = true;
            return Ok(false);
        }
        let positions = match positions {
            Some(positions) => positions,
            None => {
                let mut found = [0; COLUMN_NAMES.len()];
                for (position, name) in found.iter_mut().zip(COLUMN_NAMES) {
                    *position = row.index(name)?;
                }
                *positions.insert(found)
            }
        };
        batch.copy(row, &positions)?;
        copied += 1;
        if batch.rows() == batch_rows {
            taking = take(std::mem::replace(&mut batch, Batch::with_room(batch_rows)));
        }
        Ok(taking)
    })?;
    if taking && batch.rows() > 0 {
        take(batch);
    }
    Ok(more)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::store::stored_time;

    fn wire(stored: &str) -> String {
        serde_json::to_string(&WireTime::of(stored).unwrap()).unwrap()
    }

    #[test]
    fn stored_instants_are_written_as_the_api_writes_them() {
        let base = Timestamp::from_second(1_795_000_000).unwrap();
        let micros = [
            0, 1, 10, 100, 1_000, 10_000, 100_000, 120_000, 341_972, 341_970, 999_999, 500_000,
        ];
        for (second, micro) in (0..).zip(micros) {
            let at = base + jiff::SignedDuration::new(second * 3_607, micro * 1_000);
            let stored = stored_time(at);
            assert_eq!(wire(&stored), format!("\"{}\"", Micros(at)), "{stored}");
        }
    }

    #[test]
    fn instants_in_another_form_are_parsed_and_nonsense_is_corrupt() {
        for other in [
            "2026-11-20T00:00:00Z",
            "2026-11-20T00:00:00.5Z",
            "2026-11-20T01:00:00+01:00",
        ] {
            let at: Timestamp = other.parse().unwrap();
            assert_eq!(wire(other), format!("\"{}\"", Micros(at)), "{other}");
        }
        for nonsense in [
            "yesterday",
            "2026-13-20T00:00:00.000000Z",
            "2026-11-20T24:00:00.000000Z",
        ] {
            assert!(
                matches!(WireTime::of(nonsense), Err(StoreError::Corrupt(_))),
                "{nonsense}"
            );
        }
    }
}
