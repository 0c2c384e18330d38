//! A page of tickets written as JSON straight from their rows.
//!
//! Building each [`crate::api::Ticket`] (a `String` per text column, the JSON
//! columns decoded into values), serializing it and dropping it took 40% of the
//! CPU time of `tickets list --all -o jsonl`. Here each row is serialized while
//! SQLite holds it: text borrowed, the JSON columns checked and copied as they
//! are stored (written by serde from the same maps, so already in the form
//! serializing them again gives), instants reshaped from their stored form.
//! The output is byte for byte what serializing the `Ticket` gives; the tests
//! compare the two for tickets of every shape.

use std::fmt;

use jiff::Timestamp;
use serde::Serialize;
use serde_json::value::RawValue;

use super::direct::{Direct, Row, each};
use super::parse_time;
use crate::api::{Channel, Environment, Priority, TicketStatus};
use crate::server::store::rows::Fields;
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
    fields: &'r RawValue,
    context: &'r RawValue,
    ai_paused: bool,
    handoff: Option<&'r str>,
    created_at: WireTime<'r>,
    last_activity_at: WireTime<'r>,
    /// `last_activity_at` as stored: where the next page starts.
    #[serde(skip)]
    stored_activity: &'r str,
}

/// `api::Requester` as the tickets table keeps it (no phone).
#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct RequesterRow<'r> {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'r str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'r str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    external_id: Option<&'r str>,
}

impl<'r> TicketRow<'r> {
    fn read(row: &'r Row<'_, '_>) -> StoreResult<TicketRow<'r>> {
        let text = |column: &str| {
            row.borrowed_text(column)?
                .ok_or_else(|| StoreError::Corrupt(format!("{column} is unexpectedly empty")))
        };
        let json = |column: &str, what: &str| -> StoreResult<&'r RawValue> {
            serde_json::from_str(text(column)?)
                .map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))
        };
        let stored_activity = text("last_activity_at")?;
        Ok(TicketRow {
            number: row.int("number")? as u64,
            subject: text("subject")?,
            status: row.parsed("status")?,
            priority: row.parsed("priority")?,
            requester: RequesterRow {
                name: row.borrowed_text("requester_name")?,
                email: row.borrowed_text("requester_email")?,
                external_id: row.borrowed_text("requester_external_id")?,
            },
            assignee: row.borrowed_text("assignee")?,
            team: row.borrowed_text("team_key")?,
            agent: row.borrowed_text("agent_key")?,
            channel: row.parsed("channel")?,
            environment: row.parsed("environment")?,
            fields: json("fields", "ticket fields")?,
            context: json("context", "ticket context")?,
            ai_paused: row.flag("ai_paused")?,
            handoff: row.borrowed_text("handoff_id")?,
            created_at: WireTime::of(text("created_at")?)?,
            last_activity_at: WireTime::of(stored_activity)?,
            stored_activity,
        })
    }
}

/// An instant as the API writes it (jiff's RFC 3339: fractional seconds
/// without trailing zeros), from its stored form.
enum WireTime<'r> {
    /// As `store::stored_time` writes it, `YYYY-MM-DDTHH:MM:SS.ffffffZ`:
    /// the seconds and the fraction's digits that are not trailing zeros.
    Stored { seconds: &'r str, fraction: &'r str },
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
            true => WireTime::Stored {
                seconds: &stored[..19],
                fraction: stored[20..26].trim_end_matches('0'),
            },
            false => WireTime::Parsed(at),
        })
    }
}

impl fmt::Display for WireTime<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WireTime::Stored {
                seconds,
                fraction: "",
            } => write!(f, "{seconds}Z"),
            WireTime::Stored { seconds, fraction } => write!(f, "{seconds}.{fraction}Z"),
            WireTime::Parsed(at) => at.fmt(f),
        }
    }
}

impl Serialize for WireTime<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The tickets `sql` selects (the tickets table's columns, at most `limit`
/// plus one) written as a page of at most `limit`.
pub(super) fn write_page(
    conn: &Direct,
    sql: &str,
    params: impl rusqlite::Params,
    limit: u32,
) -> StoreResult<TicketPage> {
    let limit = limit as usize;
    // A ticket is about 450 bytes of JSON.
    let mut items = Vec::with_capacity(512 * limit.min(500) + 2);
    items.push(b'[');
    let mut len = 0;
    let mut last = None;
    let mut more = false;
    each(conn, sql, params, |row| {
        if len == limit {
            more = true;
            return Ok(false);
        }
        let ticket = TicketRow::read(row)?;
        if len > 0 {
            items.push(b',');
        }
        serde_json::to_writer(&mut items, &ticket)
            .map_err(|e| StoreError::Corrupt(format!("ticket {}: {e}", ticket.number)))?;
        len += 1;
        if len == limit {
            last = Some((ticket.stored_activity.to_string(), ticket.number));
        }
        Ok(true)
    })?;
    items.push(b']');
    Ok(TicketPage {
        items,
        len,
        next_after: last.filter(|_| more),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::store::stored_time;

    fn wire(stored: &str) -> String {
        serde_json::to_string(&WireTime::of(stored).unwrap()).unwrap()
    }

    #[test]
    fn stored_instants_are_written_as_serializing_the_timestamp_writes_them() {
        let base = Timestamp::from_second(1_795_000_000).unwrap();
        let micros = [
            0, 1, 10, 100, 1_000, 10_000, 100_000, 120_000, 341_972, 341_970, 999_999, 500_000,
        ];
        for (second, micro) in (0..).zip(micros) {
            let at = base + jiff::SignedDuration::new(second * 3_607, micro * 1_000);
            let stored = stored_time(at);
            assert_eq!(
                wire(&stored),
                serde_json::to_string(&at).unwrap(),
                "{stored}"
            );
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
            assert_eq!(wire(other), serde_json::to_string(&at).unwrap(), "{other}");
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
