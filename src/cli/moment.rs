//! Moments given on the command line (`--at`, `--created-since`, `--since`):
//! exact instants, local dates and times in the caller's zone, and times
//! relative to now. jiff parses each form; this file only says which to try.

use jiff::civil::{Date, DateTime};
use jiff::tz::{AmbiguousOffset, TimeZone};
use jiff::{Timestamp, Zoned};

use crate::api::instant::out_of_range;

const FORMS: &str = "use RFC 3339 (2026-03-29T07:30:00Z), a local date and time (2026-03-29T09:30) \
                     or date (2026-03-29), now, today, yesterday, or a time ago (2h, 30m, 3 days, 1w)";

/// A moment: an RFC 3339 instant; a local date and time or a date in the
/// caller's time zone (refused when the clocks skip it or pass it twice, rather
/// than moved); `now`, `today`, `yesterday`; or a duration ago (`2h`, `3 days`,
/// `2h ago`).
pub(crate) fn parse_instant(text: &str) -> Result<Timestamp, String> {
    parse_instant_at(text, &Timestamp::now().to_zoned(TimeZone::system()))
}

fn parse_instant_at(text: &str, now: &Zoned) -> Result<Timestamp, String> {
    let text = text.trim();
    if let Ok(at) = text.parse::<Timestamp>() {
        return Ok(at);
    }
    if let Ok(zoned) = text.parse::<Zoned>() {
        return Ok(zoned.timestamp());
    }
    let tz = now.time_zone();
    let start_of = |date: Date| -> Result<Timestamp, String> {
        date.to_zoned(tz.clone())
            .map(|zoned| zoned.timestamp())
            .map_err(|e| out_of_range(text).unwrap_or_else(|| e.to_string()))
    };
    match text.to_ascii_lowercase().as_str() {
        "now" => return Ok(now.timestamp()),
        "today" => return start_of(now.date()),
        "yesterday" => {
            let yesterday = now.date().yesterday().map_err(|e| e.to_string())?;
            return start_of(yesterday);
        }
        _ => {}
    }
    if let Ok(civil) = text.parse::<DateTime>() {
        // A bare date parses as a date and time too: it means its day's start.
        if !text.contains(['T', 't', ' ']) {
            return start_of(civil.date());
        }
        return local(civil, tz, text);
    }
    if let Some(span) = crate::api::instant::span(text) {
        return now
            .checked_sub(span.abs())
            .map(|zoned| zoned.timestamp())
            .map_err(|e| format!("'{}' reaches too far back: {e}", crate::api::echoed(text)));
    }
    Err(out_of_range(text).unwrap_or_else(|| {
        let text = crate::api::echoed(text);
        format!("'{text}' is not a moment: {FORMS}")
    }))
}

/// A local date and time in `tz`, only when it names exactly one instant.
fn local(civil: DateTime, tz: &TimeZone, text: &str) -> Result<Timestamp, String> {
    let zone = tz.iana_name().unwrap_or("your time zone");
    let ambiguous = tz.to_ambiguous_zoned(civil);
    let with_offset = |offset: jiff::tz::Offset| match civil.to_zoned(TimeZone::fixed(offset)) {
        Ok(zoned) => zoned.strftime("%Y-%m-%dT%H:%M%:z").to_string(),
        Err(_) => format!("{civil}{offset}"),
    };
    match ambiguous.offset() {
        AmbiguousOffset::Unambiguous { .. } => ambiguous
            .unambiguous()
            .map(|zoned| zoned.timestamp())
            .map_err(|e| out_of_range(text).unwrap_or_else(|| e.to_string())),
        AmbiguousOffset::Gap { before, .. } => Err(format!(
            "'{text}' does not exist in {zone}: the clocks skip it that day; give an offset \
             (e.g. {}) or a time outside the gap",
            with_offset(before)
        )),
        AmbiguousOffset::Fold { before, after } => Err(format!(
            "'{text}' happens twice in {zone}: the clocks go back that day; give an offset, \
             {} for the first or {} for the second",
            with_offset(before),
            with_offset(after)
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn berlin(text: &str) -> Zoned {
        format!("{text}[Europe/Berlin]").parse().unwrap()
    }

    fn at(text: &str) -> Result<String, String> {
        parse_instant_at(text, &berlin("2026-03-30T15:00:00+02:00")).map(|t| t.to_string())
    }

    #[test]
    fn exact_instants_are_taken_as_they_are() {
        assert_eq!(at("2026-03-29T07:30:00Z").unwrap(), "2026-03-29T07:30:00Z");
        assert_eq!(
            at("2026-03-29T09:30+02:00").unwrap(),
            "2026-03-29T07:30:00Z"
        );
    }

    #[test]
    fn local_times_and_dates_are_in_the_callers_zone() {
        assert_eq!(at("2026-03-29T09:30").unwrap(), "2026-03-29T07:30:00Z");
        assert_eq!(at("2026-03-28").unwrap(), "2026-03-27T23:00:00Z");
    }

    #[test]
    fn times_ago_and_named_days_count_back_from_now() {
        assert_eq!(at("now").unwrap(), "2026-03-30T13:00:00Z");
        assert_eq!(at("2h").unwrap(), "2026-03-30T11:00:00Z");
        assert_eq!(at("2 hours ago").unwrap(), "2026-03-30T11:00:00Z");
        assert_eq!(at("30m").unwrap(), "2026-03-30T12:30:00Z");
        // Across the spring-forward night, a day ago is the same wall-clock time.
        assert_eq!(at("1 day").unwrap(), "2026-03-29T13:00:00Z");
        assert_eq!(at("today").unwrap(), "2026-03-29T22:00:00Z");
        assert_eq!(at("Yesterday").unwrap(), "2026-03-28T23:00:00Z");
    }

    #[test]
    fn every_form_the_help_names_reads_in_any_case() {
        // The forms of `--created-since`'s help (docs/cli.md), each as
        // written there, in capitals and capitalised.
        let forms = [
            ("2h", "2026-03-30T11:00:00Z"),
            ("30m", "2026-03-30T12:30:00Z"),
            ("3 days", "2026-03-27T14:00:00Z"),
            ("1w", "2026-03-23T14:00:00Z"),
            ("2 hours ago", "2026-03-30T11:00:00Z"),
            ("now", "2026-03-30T13:00:00Z"),
            ("today", "2026-03-29T22:00:00Z"),
            ("yesterday", "2026-03-28T23:00:00Z"),
            ("2026-03-29", "2026-03-28T23:00:00Z"),
            ("2026-03-29T09:30", "2026-03-29T07:30:00Z"),
            ("2026-03-29T07:30:00Z", "2026-03-29T07:30:00Z"),
        ];
        for (form, want) in forms {
            let mut capital = form.chars();
            let capitalised: String = capital
                .next()
                .map(|c| c.to_uppercase().chain(capital).collect())
                .unwrap_or_default();
            for text in [form.to_string(), form.to_uppercase(), capitalised] {
                assert_eq!(at(&text).as_deref(), Ok(want), "{text}");
            }
        }
    }

    #[test]
    fn a_local_time_the_clocks_skip_is_refused_not_moved() {
        let error = at("2026-03-29T02:30").unwrap_err();
        assert!(error.contains("does not exist in Europe/Berlin"), "{error}");
        assert!(error.contains("2026-03-29T02:30+01:00"), "{error}");
    }

    #[test]
    fn a_local_time_the_clocks_pass_twice_asks_which() {
        let error = at("2026-10-25T02:30").unwrap_err();
        assert!(error.contains("happens twice"), "{error}");
        assert!(
            error.contains("+02:00") && error.contains("+01:00"),
            "{error}"
        );
    }

    #[test]
    fn moments_past_the_end_of_time_say_so() {
        for text in ["9999-12-31", "9999-12-31T00:00:00Z", "9999-12-31T09:30"] {
            let error = at(text).unwrap_err();
            assert!(error.contains("out of range"), "{text}: {error}");
            assert!(!error.contains("timestamp"), "{text}: {error}");
        }
        assert!(at("9999-12-30").is_ok());
    }

    #[test]
    fn anything_else_says_which_forms_work() {
        let error = at("soonish").unwrap_err();
        assert!(
            error.contains("is not a moment") && error.contains("2h"),
            "{error}"
        );
    }
}
