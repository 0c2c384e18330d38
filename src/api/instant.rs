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

/// `at` without its fraction of a second: how a moment is shown to people,
/// and written where the API spells it in a time zone (`at_desk`).
pub fn to_the_second(at: Timestamp) -> Timestamp {
    Timestamp::from_second(at.as_second()).unwrap_or(at)
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

/// The sentence for `text` when it is a well-formed date or date and time
/// that lies past either end of the time line deskctl keeps (jiff's:
/// -9999-01-02 to 9999-12-30, so that any offset stays in range), rather than
/// the library's overflow message or a claim that it is no date at all.
/// `None` for anything else, which the caller describes. Asked once reading
/// `text` as a moment has failed: a date late in 9999 itself may be in range.
pub fn out_of_range(text: &str) -> Option<String> {
    let text = text.trim();
    let pieces = jiff::fmt::temporal::Pieces::parse(text).ok()?;
    (pieces.date().year().abs() >= 9999).then(|| {
        format!(
            "'{}' is out of range: moments run from -9999-01-02 to 9999-12-30T22:00:00Z",
            super::echoed(text)
        )
    })
}

/// A span of time as a person writes one (`2h`, `3 days`, `2 hours ago`,
/// `P1D`), its unit words in any case (`2 DAYS`, `1W`), as `Yesterday` and
/// `NOW` are read: jiff's friendly format knows lowercase units only.
pub fn span(text: &str) -> Option<jiff::Span> {
    let text = text.trim();
    text.parse()
        .ok()
        .or_else(|| text.to_ascii_lowercase().parse().ok())
}

/// The one sentence for a time given as `text` in a query that does not
/// read as an instant (`error` is why), for every parameter that takes one.
pub fn not_an_instant(text: &str, error: &jiff::Error) -> String {
    let said = out_of_range(text).unwrap_or_else(|| {
        format!(
            "'{}' is not an RFC 3339 instant like 2026-03-29T07:30:00Z: {error}",
            super::echoed(text)
        )
    });
    // A query string reads a bare `+` as a space, so an offset such as
    // `+05:30` sent unencoded arrives as ` 05:30`.
    let plus_sent_bare = text.contains(' ') && text.replace(' ', "+").parse::<Timestamp>().is_ok();
    match plus_sent_bare {
        true => {
            format!("{said} (a `+` in a URL's query string reads as a space: write it as `%2B`)")
        }
        false => said,
    }
}

/// Reads an `Option<Timestamp>` given as text (a query parameter), refusing
/// a text that is no instant in [`not_an_instant`]'s words:
/// `#[serde(deserialize_with = "crate::api::instant::deserialize_option")]`.
pub fn deserialize_option<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Timestamp>, D::Error> {
    let text: Option<String> = serde::Deserialize::deserialize(deserializer)?;
    text.map(|text| {
        text.parse()
            .map_err(|error| serde::de::Error::custom(not_an_instant(&text, &error)))
    })
    .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_offset_whose_plus_arrived_as_a_space_says_to_encode_it() {
        let said = |text: &str| not_an_instant(text, &text.parse::<Timestamp>().unwrap_err());
        let hint = "write it as `%2B`";
        let bare_plus = said("2026-12-07T11:40:00 05:30");
        assert!(
            bare_plus.contains("'2026-12-07T11:40:00 05:30'"),
            "{bare_plus}"
        );
        assert!(bare_plus.contains(hint), "{bare_plus}");
        for no_plus_meant in ["2026-12-07 11:40:00", "2026-12-07T11:40:00 -05:30", "soon"] {
            let message = said(no_plus_meant);
            assert!(!message.contains(hint), "{message}");
        }
    }

    #[test]
    fn dates_past_either_end_are_said_to_be_out_of_range() {
        for text in [
            "9999-12-31",
            "9999-12-31T00:00:00Z",
            " 9999-12-31T23:59:59+01:00 ",
            "-009999-01-01T00:00:00Z",
        ] {
            let said = out_of_range(text).unwrap_or_else(|| panic!("{text}: no sentence"));
            assert!(said.contains("out of range"), "{said}");
            assert!(said.contains(text.trim()), "{said}");
        }
        for text in ["2026-03-29", "2026-03-29T07:30:00Z", "yesterday", "2h", ""] {
            assert_eq!(out_of_range(text), None, "{text}");
        }
    }

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
