//! Instants on the wire: RFC 3339 in UTC with exactly six fractional digits
//! (`2026-11-21T12:00:01.500000Z`), the precision the store keeps. Every
//! timestamp the API writes then has one length and sorts as text in time
//! order, as the ticket pages the store writes already did; jiff's own form
//! drops trailing zeros (`…01.5Z`) and carries nanoseconds when an instant
//! has them. Any RFC 3339 instant is read.
//!
//! For a field: `#[serde(serialize_with = "crate::api::instant::serialize")]`,
//! or `serialize_option` for an `Option<Timestamp>`; fields are read with
//! jiff's own `Deserialize`. (Not `with`: schemars takes its module for a type.)

use std::fmt;

use jiff::Timestamp;
use jiff::fmt::temporal::DateTimePrinter;
use serde::Serializer;

/// Six digits, the rest truncated.
static PRINTER: DateTimePrinter = DateTimePrinter::new().precision(Some(6));

/// An instant as the API writes it.
pub struct Micros(pub Timestamp);

impl fmt::Display for Micros {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        PRINTER
            .print_timestamp(&self.0, jiff::fmt::StdFmtWrite(f))
            .map_err(|_| fmt::Error)
    }
}

pub fn serialize<S: Serializer>(at: &Timestamp, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(&Micros(*at))
}

/// [`serialize`] for an `Option<Timestamp>`.
pub fn serialize_option<S: Serializer>(
    at: &Option<Timestamp>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match at {
        Some(at) => serializer.collect_str(&Micros(*at)),
        None => serializer.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_instant_has_six_digits_whatever_its_precision() {
        let at: Timestamp = "2026-11-21T12:00:01.5Z".parse().unwrap();
        assert_eq!(Micros(at).to_string(), "2026-11-21T12:00:01.500000Z");
        let whole: Timestamp = "2026-11-21T12:00:01Z".parse().unwrap();
        assert_eq!(Micros(whole).to_string(), "2026-11-21T12:00:01.000000Z");
        // Nanoseconds are cut, not rounded up into the next microsecond.
        let fine: Timestamp = "2026-11-21T12:00:01.123456789Z".parse().unwrap();
        assert_eq!(Micros(fine).to_string(), "2026-11-21T12:00:01.123456Z");
    }

    #[test]
    fn fields_write_six_digits_and_read_any() {
        #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
        struct At {
            #[serde(serialize_with = "super::serialize")]
            at: Timestamp,
            #[serde(default, serialize_with = "super::serialize_option")]
            until: Option<Timestamp>,
        }
        let read: At =
            serde_json::from_str(r#"{"at": "2026-11-21T12:00:01.5Z", "until": null}"#).unwrap();
        assert_eq!(
            serde_json::to_string(&read).unwrap(),
            r#"{"at":"2026-11-21T12:00:01.500000Z","until":null}"#
        );
        let read: At = serde_json::from_str(r#"{"at": "2026-11-21T12:00:01Z"}"#).unwrap();
        assert_eq!(read.until, None);
    }
}
