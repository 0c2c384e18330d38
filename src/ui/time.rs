//! Times for people: relative on a terminal ("5 minutes ago"), exact and in the
//! caller's time zone where a moment matters, RFC 3339 when piped.

use jiff::fmt::friendly::{Designator, Spacing, SpanPrinter};
use jiff::tz::TimeZone;
use jiff::{RoundMode, SpanRound, Timestamp, Unit, ZonedDifference};

use super::Ui;
// Moments as people read them, in tables and details: to the whole second,
// so that a column's times have one width and one moment shown in two zones
// reads the same. `-o json` keeps the API's precision.
use crate::api::instant::to_the_second;

impl Ui {
    /// A time for people: relative on a terminal, RFC 3339 when piped.
    pub fn time(&self, at: Timestamp) -> String {
        if self.stdout_tty {
            relative(at, Timestamp::now())
        } else {
            to_the_second(at).to_string()
        }
    }

    /// An exact moment for people: in the caller's time zone on a terminal,
    /// RFC 3339 in UTC when piped.
    pub fn instant(&self, at: Timestamp) -> String {
        if self.stdout_tty {
            self.local_instant(at)
        } else {
            to_the_second(at).to_string()
        }
    }

    /// A moment in the caller's time zone whatever the output: labelled "yours",
    /// it must not turn into UTC when piped. RFC 3339 with the zone when piped.
    pub fn local_instant(&self, at: Timestamp) -> String {
        let zoned = to_the_second(at).to_zoned(TimeZone::system());
        if self.stdout_tty {
            zoned.strftime("%Y-%m-%d %H:%M:%S %Z").to_string()
        } else {
            zoned.to_string()
        }
    }
}

/// A moment the API wrote as text with its zone (RFC 9557, e.g. a time at
/// the desk), to the whole second as [`to_the_second`]; text that is no such
/// moment is shown as it came.
pub fn zoned_to_the_second(text: &str) -> String {
    match text.parse::<jiff::Zoned>() {
        Ok(zoned) => to_the_second(zoned.timestamp())
            .to_zoned(zoned.time_zone().clone())
            .to_string(),
        Err(_) => text.to_string(),
    }
}

/// "just now", "5 minutes ago", "3 days ago", "in 2 hours": the largest unit
/// only, counted in whole units (jiff does the calendar and the words).
pub fn relative(at: Timestamp, now: Timestamp) -> String {
    let seconds = (now.as_second() - at.as_second()).unsigned_abs();
    if seconds < 45 {
        return "just now".to_string();
    }
    let now = now.to_zoned(TimeZone::UTC);
    let at = at.to_zoned(TimeZone::UTC);
    let Ok(span) = at.since(ZonedDifference::new(&now).largest(Unit::Year)) else {
        return to_the_second(at.timestamp()).to_string();
    };
    let unit = [Unit::Year, Unit::Month, Unit::Day, Unit::Hour, Unit::Minute]
        .into_iter()
        .find(|&unit| units(&span, unit) != 0)
        .unwrap_or(Unit::Minute);
    let rounded = span
        .round(
            SpanRound::new()
                .largest(unit)
                .smallest(unit)
                .mode(RoundMode::Trunc)
                .relative(&now),
        )
        .unwrap_or(span);
    // 45 to 59 seconds truncate to no minutes: call it one.
    let rounded = if rounded.is_zero() {
        jiff::Span::new().minutes(if span.is_negative() { -1 } else { 1 })
    } else {
        rounded
    };
    let printer = SpanPrinter::new()
        .designator(Designator::Verbose)
        .spacing(Spacing::BetweenUnitsAndDesignators);
    if rounded.is_negative() {
        // Negative spans print as "… ago".
        printer.span_to_string(&rounded)
    } else {
        format!("in {}", printer.span_to_string(&rounded))
    }
}

/// How many of `unit` a span holds (in that unit's own field).
fn units(span: &jiff::Span, unit: Unit) -> i64 {
    match unit {
        Unit::Year => i64::from(span.get_years()),
        Unit::Month => i64::from(span.get_months()),
        Unit::Day => i64::from(span.get_days()),
        Unit::Hour => i64::from(span.get_hours()),
        _ => span.get_minutes(),
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
    fn people_read_moments_to_the_whole_second() {
        let at: Timestamp = "2026-12-07T04:09:52.519162073Z".parse().unwrap();
        assert_eq!(to_the_second(at).to_string(), "2026-12-07T04:09:52Z");
        let whole: Timestamp = "2026-12-07T06:08:46Z".parse().unwrap();
        assert_eq!(to_the_second(whole), whole);
        assert_eq!(
            zoned_to_the_second("2026-12-07T15:09:52.519162073+11:00[Australia/Sydney]"),
            "2026-12-07T15:09:52+11:00[Australia/Sydney]"
        );
        assert_eq!(
            zoned_to_the_second("2026-03-30T15:30:00+02:00[Europe/Berlin]"),
            "2026-03-30T15:30:00+02:00[Europe/Berlin]"
        );
        assert_eq!(zoned_to_the_second("tomorrow"), "tomorrow");
    }

    #[test]
    fn relative_times_read_naturally() {
        assert_eq!(ago(5), "just now");
        assert_eq!(ago(50), "1 minute ago");
        assert_eq!(ago(60), "1 minute ago");
        assert_eq!(ago(5 * 60), "5 minutes ago");
        assert_eq!(ago(2 * 3_600 + 10), "2 hours ago");
        assert_eq!(ago(86_400), "1 day ago");
        assert_eq!(ago(3 * 86_400 + 5 * 3_600), "3 days ago");
        assert_eq!(ago(40 * 86_400), "1 month ago");
        assert_eq!(ago(400 * 86_400), "1 year ago");
        assert_eq!(ago(-3 * 3_600), "in 3 hours");
        assert_eq!(ago(-50), "in 1 minute");
    }
}
