//! Business hours: whether the desk is open at an instant, and when that changes.
//!
//! This module owns the meaning of the business-hours setting. The model:
//!
//! - A **span** starts on every working day that is not a holiday, at `start` in
//!   the desk's time zone, and ends at `end` the same day — or the next day when
//!   `overnight` is set (e.g. 22:00–06:00). With `overnight`, `end == start` is a
//!   span of a full day.
//! - Spans are half-open: the desk is open at the instant a span starts and closed
//!   at the instant it ends.
//! - A holiday cancels the span that **starts** on that date. The span that started
//!   the evening before a holiday still runs into the holiday morning; a span
//!   starting on a holiday evening does not run at all.
//! - Local times are resolved to instants with jiff's *compatible* disambiguation,
//!   the behaviour of RFC 5545 and `java.time`: a time inside a spring-forward gap
//!   moves later by the gap's length (02:30 on a day that jumps 02:00 → 03:00
//!   becomes 03:30), and a time that occurs twice in a fall-back fold is the first
//!   (earlier) occurrence. A span whose start and end resolve to the same or to
//!   reversed instants (only possible when its start falls in a gap and its end
//!   shortly after the gap) is empty: the desk does not open that day.
//! - Spans that touch or overlap merge, so a change reported by
//!   [`Schedule::next_change`] is always a real flip between open and closed.
//! - When the setting is disabled, the desk is always open.

use std::collections::BTreeSet;

use jiff::civil::{Date, DateTime, Time, Weekday};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

use crate::api::{BusinessHours, FieldError, HoursCheck};

/// How many days after `at` [`Schedule::next_change`] searches: a little over two
/// years, so that even a yearly holiday is found.
pub const LOOKAHEAD_DAYS: i64 = 2 * 366 + 2;

/// A span starts on one local date and ends at the latest on the next one (a
/// 24-hour overnight span, stretched by a DST change), so any span containing an
/// instant started at most this many local dates before the instant's own date.
const LOOKBEHIND_DAYS: i64 = 2;

/// An example stated in every error about the time zone.
const ZONE_EXAMPLE: &str = "an IANA time zone name such as Europe/Berlin, America/New_York or UTC";

/// A validated business-hours setting, ready to answer questions about instants.
///
/// Build it with [`Schedule::from_settings`]; its invariants (a known zone, valid
/// times, `end` after `start` unless overnight) hold from then on.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    enabled: bool,
    timezone: TimeZone,
    /// Indexed by [`Weekday::to_monday_zero_offset`].
    working_days: [bool; 7],
    start: Time,
    end: Time,
    overnight: bool,
    holidays: BTreeSet<Date>,
}

/// An interval of instants `[start, end)` during which the desk is open.
type Interval = (Timestamp, Timestamp);

impl Schedule {
    /// Validates every part of `settings`, returning every problem at once.
    ///
    /// The setting is validated even when it is disabled, so that a bad setting is
    /// never stored and later switched on. Error fields: `timezone`, `start`, `end`,
    /// `days`, `holidays`.
    pub fn from_settings(settings: &BusinessHours) -> Result<Schedule, Vec<FieldError>> {
        let mut errors = Vec::new();

        let timezone = match TimeZone::get(&settings.timezone) {
            Ok(timezone) => Some(timezone),
            Err(_) => {
                errors.push(FieldError::new(
                    "timezone",
                    format!(
                        "unknown time zone '{}': use {ZONE_EXAMPLE}",
                        settings.timezone
                    ),
                ));
                None
            }
        };

        let start = parse_time(&settings.start)
            .map_err(|message| errors.push(FieldError::new("start", message)))
            .ok();
        let end = parse_time(&settings.end)
            .map_err(|message| errors.push(FieldError::new("end", message)))
            .ok();
        if let (Some(start), Some(end)) = (start, end)
            && let Err(message) = check_order(start, end, settings.overnight)
        {
            errors.push(FieldError::new("end", message));
        }

        let mut working_days = [false; 7];
        let mut repeated_days = BTreeSet::new();
        for (index, day) in settings.days.iter().enumerate() {
            let slot = &mut working_days[day_index(day.to_jiff())];
            if *slot && repeated_days.insert(*day) {
                errors.push(FieldError::new(
                    format!("days[{index}]"),
                    format!("{day} is listed more than once"),
                ));
            }
            *slot = true;
        }

        let mut holidays = BTreeSet::new();
        let mut repeated_holidays = BTreeSet::new();
        for (index, text) in settings.holidays.iter().enumerate() {
            let field = format!("holidays[{index}]");
            match parse_date(text) {
                Ok(date) => {
                    if !holidays.insert(date) && repeated_holidays.insert(date) {
                        errors.push(FieldError::new(
                            field,
                            format!("{date} is listed more than once"),
                        ));
                    }
                }
                Err(message) => errors.push(FieldError::new(field, message)),
            }
        }

        match (timezone, start, end) {
            (Some(timezone), Some(start), Some(end)) if errors.is_empty() => Ok(Schedule {
                enabled: settings.enabled,
                timezone,
                working_days,
                start,
                end,
                overnight: settings.overnight,
                holidays,
            }),
            _ => Err(errors),
        }
    }

    /// Whether business hours apply at all; when not, the desk is always open.
    pub fn enabled(&self) -> bool {
        self.enabled
    }

    /// The desk's time zone.
    pub fn timezone(&self) -> &TimeZone {
        &self.timezone
    }

    /// Whether a span starts on `day` (holidays aside).
    pub fn works_on(&self, day: Weekday) -> bool {
        self.working_days[day_index(day)]
    }

    /// The local time each span starts.
    pub fn start(&self) -> Time {
        self.start
    }

    /// The local time each span ends (on the next day when [`Self::overnight`]).
    pub fn end(&self) -> Time {
        self.end
    }

    /// Whether each span ends the day after it starts.
    pub fn overnight(&self) -> bool {
        self.overnight
    }

    /// The dates on which no span starts.
    pub fn holidays(&self) -> &BTreeSet<Date> {
        &self.holidays
    }

    /// Whether the desk is open at `at`. Always true when disabled.
    pub fn is_open(&self, at: Timestamp) -> bool {
        if !self.enabled {
            return true;
        }
        self.dates_around(at, LOOKBEHIND_DAYS, 1)
            .filter_map(|date| self.span(date))
            .any(|span| contains(span, at))
    }

    /// The first instant after `at` at which the desk goes from open to closed or
    /// back.
    ///
    /// `None` when disabled, or when nothing changes within [`LOOKAHEAD_DAYS`]
    /// (no working days at all, or open around the clock with no holiday ahead).
    pub fn next_change(&self, at: Timestamp) -> Option<Timestamp> {
        if !self.enabled {
            return None;
        }
        // Sweep the spans in order, merging those that touch or overlap, until a
        // merged interval starts after `at` (closed now, opens then) or contains
        // `at` (open now, closes at its end). Spans come in order of their start:
        // the same local time on consecutive dates never resolves to an earlier
        // instant, since no zone's offset moves by more than a day at once.
        let mut merged: Option<Interval> = None;
        for span in self
            .dates_around(at, LOOKBEHIND_DAYS, LOOKAHEAD_DAYS)
            .filter_map(|date| self.span(date))
        {
            merged = match merged {
                Some((start, end)) if span.0 <= end => Some((start, end.max(span.1))),
                Some(done) => {
                    if let Some(flip) = flip_after(done, at) {
                        return Some(flip);
                    }
                    Some(span)
                }
                None => Some(span),
            };
        }
        // The last interval may go on past the horizon: its end is unknown, but a
        // start after `at` is a real opening.
        merged.map(|(start, _)| start).filter(|start| *start > at)
    }

    /// The holiday that explains why the desk is closed at `at`: the date whose
    /// span would have covered `at` had it not been a holiday.
    ///
    /// `None` when the desk is open, or closed for any other reason.
    pub fn holiday_at(&self, at: Timestamp) -> Option<Date> {
        if !self.enabled || self.is_open(at) {
            return None;
        }
        self.dates_around(at, LOOKBEHIND_DAYS, 1)
            .filter(|date| self.holidays.contains(date))
            .find(|date| {
                self.regular_span(*date)
                    .is_some_and(|span| contains(span, at))
            })
    }

    /// `at` in the desk's zone to the whole second, RFC 9557:
    /// `2026-03-29T09:00:00+02:00[Europe/Berlin]` (the instant itself keeps
    /// its fraction where the API writes it as one).
    pub fn in_desk_zone(&self, at: Timestamp) -> String {
        crate::api::instant::to_the_second(at)
            .to_zoned(self.timezone.clone())
            .to_string()
    }

    /// The span that starts on `date`, if any.
    fn span(&self, date: Date) -> Option<Interval> {
        if self.holidays.contains(&date) {
            return None;
        }
        self.regular_span(date)
    }

    /// The span that starts on `date` if it is a working day, ignoring holidays.
    fn regular_span(&self, date: Date) -> Option<Interval> {
        if !self.works_on(date.weekday()) {
            return None;
        }
        let start = self.resolve(date.to_datetime(self.start))?;
        let end_date = if self.overnight {
            date.tomorrow().ok()?
        } else {
            date
        };
        let end = self.resolve(end_date.to_datetime(self.end))?;
        (start < end).then_some((start, end))
    }

    /// The instant of a local time, by compatible disambiguation (see the module
    /// documentation). `None` only at the very edges of jiff's supported range.
    fn resolve(&self, local: DateTime) -> Option<Timestamp> {
        self.timezone
            .to_ambiguous_timestamp(local)
            .compatible()
            .ok()
    }

    /// The local dates from `before` days before `at`'s local date to `after`
    /// days after it, in order.
    fn dates_around(
        &self,
        at: Timestamp,
        before: i64,
        after: i64,
    ) -> impl Iterator<Item = Date> + use<> {
        let today = at.to_zoned(self.timezone.clone()).date();
        (-before..=after).filter_map(move |offset| today.checked_add(offset.days()).ok())
    }
}

/// Checks `settings` and answers whether the desk is open at `at`, when that next
/// changes, and — when closed for a holiday — which one.
pub fn check(settings: &BusinessHours, at: Timestamp) -> Result<HoursCheck, Vec<FieldError>> {
    let schedule = Schedule::from_settings(settings)?;
    let next_change = schedule.next_change(at);
    Ok(HoursCheck {
        at,
        at_desk: schedule.in_desk_zone(at),
        enabled: schedule.enabled(),
        open: schedule.is_open(at),
        next_change,
        next_change_desk: next_change.map(|instant| schedule.in_desk_zone(instant)),
        note: schedule
            .holiday_at(at)
            .map(|date| format!("closed for the holiday {date}")),
    })
}

/// The setting as it is stored: the time zone as the time zone database spells
/// it, days in week order and holidays in date order, each once, so that none
/// of these is a change between two settings that mean the same.
pub fn normalize(settings: &mut BusinessHours) {
    settings.timezone = canonical_timezone(&settings.timezone);
    settings.days.sort();
    settings.days.dedup();
    settings.holidays.sort();
    settings.holidays.dedup();
}

/// `name` as the time zone database spells it. The lookup ignores case, so
/// `EUROPE/BERLIN` is Europe/Berlin; kept as typed, it would differ from
/// `Europe/Berlin` in a diff and read oddly in an export. A link keeps its own
/// name (`US/Eastern` stays, in its database spelling). A name the database
/// does not know is returned as it is, for validation to report.
pub fn canonical_timezone(name: &str) -> String {
    TimeZone::get(name)
        .ok()
        .and_then(|zone| zone.iana_name().map(str::to_string))
        .unwrap_or_else(|| name.to_string())
}

/// [`parse_time`]'s rule as a regular expression, for the document's JSON Schema.
pub const TIME_PATTERN: &str = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

/// The shape [`parse_date`] reads; the schema's `format: date` adds that the
/// date exists, as `parse_date` does.
pub const DATE_PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

/// Parses a strict 24-hour `HH:MM`.
pub fn parse_time(text: &str) -> Result<Time, String> {
    let invalid = || {
        format!(
            "'{text}' is not a time: use 24-hour HH:MM from 00:00 to 23:59, e.g. 09:00 or 17:30"
        )
    };
    let bytes = text.as_bytes();
    if bytes.len() != 5 || bytes[2] != b':' {
        return Err(invalid());
    }
    let hour = two_digits(&bytes[0..2]).ok_or_else(invalid)?;
    let minute = two_digits(&bytes[3..5]).ok_or_else(invalid)?;
    if hour > 23 || minute > 59 {
        return Err(invalid());
    }
    Time::new(hour as i8, minute as i8, 0, 0).map_err(|_| invalid())
}

/// Parses a strict `YYYY-MM-DD` calendar date; the error names `text`.
pub fn parse_date(text: &str) -> Result<Date, String> {
    read_date(text).map_err(|problem| format!("'{text}' is {problem}"))
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// [`parse_date`] for callers that show `text` themselves (clap does): the
/// error says what is wrong without repeating it, and for a day or month
/// the calendar lacks, which one.
pub fn read_date(text: &str) -> Result<Date, String> {
    let malformed = || "not a date: use YYYY-MM-DD, e.g. 2026-12-25".to_string();
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return Err(malformed());
    }
    let year = two_digits(&bytes[0..2])
        .zip(two_digits(&bytes[2..4]))
        .map(|(high, low)| high * 100 + low)
        .ok_or_else(malformed)?;
    let month = two_digits(&bytes[5..7]).ok_or_else(malformed)?;
    let day = two_digits(&bytes[8..10]).ok_or_else(malformed)?;
    let Some(month_name) = MONTH_NAMES.get(usize::from(month).wrapping_sub(1)) else {
        return Err(format!(
            "not a date: there is no month {month:02}; use YYYY-MM-DD"
        ));
    };
    let first = Date::new(year as i16, month as i8, 1).map_err(|_| malformed())?;
    let days = first.days_in_month();
    if day == 0 || day > days as u16 {
        return Err(format!("not a date: {month_name} {year} has {days} days"));
    }
    Date::new(year as i16, month as i8, day as i8).map_err(|_| malformed())
}

/// The value of two ASCII digits.
fn two_digits(bytes: &[u8]) -> Option<u16> {
    match bytes {
        [tens @ b'0'..=b'9', ones @ b'0'..=b'9'] => {
            Some(u16::from(tens - b'0') * 10 + u16::from(ones - b'0'))
        }
        _ => None,
    }
}

/// Whether `end` may follow `start`: within one day it must be later; overnight it
/// must not be (the span ends the next day, `end == start` being 24 hours).
fn check_order(start: Time, end: Time, overnight: bool) -> Result<(), String> {
    let (start_text, end_text) = (hhmm(start), hhmm(end));
    if overnight && end > start {
        Err(format!(
            "with overnight the hours end the next day, so end ({end_text}) must not be \
             after start ({start_text}); turn overnight off for hours within one day"
        ))
    } else if !overnight && end <= start {
        Err(format!(
            "end ({end_text}) must be after start ({start_text}); for hours that end the \
             next day, like 22:00–06:00, set overnight (end equal to start with overnight \
             means around the clock)"
        ))
    } else {
        Ok(())
    }
}

fn hhmm(time: Time) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

fn day_index(day: Weekday) -> usize {
    // 0..=6 by construction.
    day.to_monday_zero_offset() as usize
}

fn contains((start, end): Interval, at: Timestamp) -> bool {
    start <= at && at < end
}

/// Where the open/closed state changes after `at` within one merged interval, if
/// it does: its start when it lies ahead, its end when it contains `at`.
fn flip_after((start, end): Interval, at: Timestamp) -> Option<Timestamp> {
    if start > at {
        Some(start)
    } else if at < end {
        Some(end)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Weekday as Day;
    use jiff::{SignedDuration, Zoned};
    use proptest::prelude::*;

    const WEEKDAYS: &[Day] = &[
        Day::Monday,
        Day::Tuesday,
        Day::Wednesday,
        Day::Thursday,
        Day::Friday,
    ];
    const EVERY_DAY: &[Day] = &[
        Day::Monday,
        Day::Tuesday,
        Day::Wednesday,
        Day::Thursday,
        Day::Friday,
        Day::Saturday,
        Day::Sunday,
    ];

    #[test]
    fn a_time_zone_is_spelt_as_the_database_spells_it() {
        for (typed, stored) in [
            ("EUROPE/BERLIN", "Europe/Berlin"),
            ("europe/berlin", "Europe/Berlin"),
            ("Europe/Berlin", "Europe/Berlin"),
            ("america/new_york", "America/New_York"),
            (
                "AMERICA/ARGENTINA/BUENOS_AIRES",
                "America/Argentina/Buenos_Aires",
            ),
            ("utc", "UTC"),
            ("etc/utc", "Etc/UTC"),
            ("us/eastern", "US/Eastern"),
            ("Mars/Olympus_Mons", "Mars/Olympus_Mons"),
            ("", ""),
        ] {
            assert_eq!(canonical_timezone(typed), stored, "{typed}");
        }
    }

    #[test]
    fn normalizing_makes_settings_that_mean_the_same_equal() {
        let mut typed = settings(
            "EUROPE/BERLIN",
            &[Day::Friday, Day::Monday, Day::Friday],
            "09:00",
            "17:00",
            false,
            &["2026-12-26", "2026-12-25", "2026-12-26"],
        );
        normalize(&mut typed);
        let canonical = settings(
            "Europe/Berlin",
            &[Day::Monday, Day::Friday],
            "09:00",
            "17:00",
            false,
            &["2026-12-25", "2026-12-26"],
        );
        assert_eq!(typed, canonical);
        assert_eq!(
            Schedule::from_settings(&typed),
            Schedule::from_settings(&canonical)
        );
    }

    fn settings(
        zone: &str,
        days: &[Day],
        start: &str,
        end: &str,
        overnight: bool,
        holidays: &[&str],
    ) -> BusinessHours {
        BusinessHours {
            enabled: true,
            timezone: zone.into(),
            days: days.to_vec(),
            start: start.into(),
            end: end.into(),
            overnight,
            holidays: holidays.iter().map(|h| h.to_string()).collect(),
        }
    }

    fn schedule(
        zone: &str,
        days: &[Day],
        start: &str,
        end: &str,
        overnight: bool,
        holidays: &[&str],
    ) -> Schedule {
        Schedule::from_settings(&settings(zone, days, start, end, overnight, holidays))
            .expect("valid settings")
    }

    /// An instant written in UTC, so expectations never depend on the code under test.
    fn utc(text: &str) -> Timestamp {
        text.parse().expect("an RFC 3339 instant")
    }

    /// A local time with an unambiguous offset, e.g. `2026-06-10T09:00+02:00[Europe/Berlin]`.
    fn local(text: &str) -> Timestamp {
        text.parse::<Zoned>()
            .expect("an RFC 9557 instant")
            .timestamp()
    }

    fn just_before(at: Timestamp) -> Timestamp {
        at - SignedDuration::from_nanos(1)
    }

    fn fields(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|e| e.field.as_str()).collect()
    }

    // --- ordinary days -------------------------------------------------------

    #[test]
    fn open_at_the_start_instant_and_closed_at_the_end_instant() {
        let s = schedule("Europe/Berlin", WEEKDAYS, "09:00", "17:00", false, &[]);
        // Wednesday 2026-06-10, CEST (+02:00).
        let opens = utc("2026-06-10T07:00:00Z");
        let closes = utc("2026-06-10T15:00:00Z");
        assert!(!s.is_open(just_before(opens)));
        assert!(s.is_open(opens));
        assert!(s.is_open(just_before(closes)));
        assert!(!s.is_open(closes));
        assert_eq!(s.next_change(just_before(opens)), Some(opens));
        assert_eq!(s.next_change(opens), Some(closes));
        assert_eq!(s.next_change(utc("2026-06-10T12:00:00Z")), Some(closes));
        assert_eq!(
            s.next_change(closes),
            Some(utc("2026-06-11T07:00:00Z")),
            "closed at the end instant, so the next change is Thursday's opening"
        );
    }

    #[test]
    fn weekends_are_closed_and_friday_evening_changes_on_monday() {
        let s = schedule("Europe/Berlin", WEEKDAYS, "09:00", "17:00", false, &[]);
        assert!(!s.is_open(local("2026-06-13T12:00+02:00[Europe/Berlin]")));
        assert!(!s.is_open(local("2026-06-14T12:00+02:00[Europe/Berlin]")));
        assert_eq!(
            s.next_change(local("2026-06-12T17:00+02:00[Europe/Berlin]")),
            Some(local("2026-06-15T09:00+02:00[Europe/Berlin]"))
        );
        assert_eq!(
            s.holiday_at(local("2026-06-13T12:00+02:00[Europe/Berlin]")),
            None
        );
    }

    #[test]
    fn a_zone_without_dst_is_a_fixed_offset_all_year() {
        let s = schedule("Asia/Tokyo", WEEKDAYS, "09:00", "18:00", false, &[]);
        // Sunday noon UTC → Monday 09:00 JST is 00:00Z.
        assert_eq!(
            s.next_change(utc("2026-06-14T12:00:00Z")),
            Some(utc("2026-06-15T00:00:00Z"))
        );
        // Around the European and American DST dates nothing moves in Tokyo.
        for (open, close) in [
            ("2026-03-09T00:00:00Z", "2026-03-09T09:00:00Z"),
            ("2026-03-30T00:00:00Z", "2026-03-30T09:00:00Z"),
            ("2026-10-26T00:00:00Z", "2026-10-26T09:00:00Z"),
            ("2026-11-02T00:00:00Z", "2026-11-02T09:00:00Z"),
        ] {
            let (open, close) = (utc(open), utc(close));
            assert!(!s.is_open(just_before(open)));
            assert!(s.is_open(open));
            assert_eq!(s.next_change(open), Some(close));
        }
    }

    // --- holidays ------------------------------------------------------------

    #[test]
    fn a_holiday_closes_its_day_and_says_so() {
        let s = schedule(
            "Europe/Berlin",
            WEEKDAYS,
            "09:00",
            "17:00",
            false,
            &["2026-12-25"],
        );
        let christmas_noon = local("2026-12-25T12:00+01:00[Europe/Berlin]");
        assert!(!s.is_open(christmas_noon));
        assert_eq!(
            s.holiday_at(christmas_noon),
            Some(jiff::civil::date(2026, 12, 25))
        );
        // Closed on the evening anyway: the holiday explains nothing there.
        assert_eq!(
            s.holiday_at(local("2026-12-25T20:00+01:00[Europe/Berlin]")),
            None
        );
        // Thursday's close → Monday's opening, skipping the holiday and the weekend.
        assert_eq!(
            s.next_change(local("2026-12-24T17:00+01:00[Europe/Berlin]")),
            Some(local("2026-12-28T09:00+01:00[Europe/Berlin]"))
        );
        // A holiday on a non-working day changes nothing and explains nothing.
        let s = schedule(
            "Europe/Berlin",
            WEEKDAYS,
            "09:00",
            "17:00",
            false,
            &["2026-12-26"],
        );
        assert_eq!(
            s.holiday_at(local("2026-12-26T12:00+01:00[Europe/Berlin]")),
            None
        );
    }

    #[test]
    fn a_holiday_cancels_the_overnight_span_starting_on_it_but_not_the_one_ending_on_it() {
        // Wednesday 2026-06-10 is a holiday; UTC keeps the arithmetic obvious.
        let s = schedule("UTC", WEEKDAYS, "22:00", "06:00", true, &["2026-06-10"]);
        // Tuesday evening's span runs into the holiday morning.
        assert!(s.is_open(utc("2026-06-10T05:00:00Z")));
        assert_eq!(s.holiday_at(utc("2026-06-10T05:00:00Z")), None);
        assert_eq!(
            s.next_change(utc("2026-06-10T05:00:00Z")),
            Some(utc("2026-06-10T06:00:00Z"))
        );
        // The span that would start on the holiday evening does not.
        for closed in ["2026-06-10T23:00:00Z", "2026-06-11T03:00:00Z"] {
            assert!(!s.is_open(utc(closed)), "{closed}");
            assert_eq!(
                s.holiday_at(utc(closed)),
                Some(jiff::civil::date(2026, 6, 10))
            );
        }
        // Between spans it is closed, but not because of the holiday.
        assert_eq!(s.holiday_at(utc("2026-06-10T12:00:00Z")), None);
        assert_eq!(
            s.next_change(utc("2026-06-10T06:00:00Z")),
            Some(utc("2026-06-11T22:00:00Z"))
        );
    }

    // --- overnight -----------------------------------------------------------

    #[test]
    fn overnight_hours_run_across_midnight() {
        let s = schedule("Europe/Berlin", WEEKDAYS, "22:00", "06:00", true, &[]);
        let z = |t: &str| local(&format!("{t}+02:00[Europe/Berlin]"));
        assert!(!s.is_open(just_before(z("2026-06-10T22:00"))));
        assert!(s.is_open(z("2026-06-10T22:00")));
        assert!(s.is_open(z("2026-06-10T23:59")));
        assert!(s.is_open(z("2026-06-11T00:00")));
        assert!(s.is_open(z("2026-06-11T05:59")));
        assert!(!s.is_open(z("2026-06-11T06:00")));
        assert!(!s.is_open(z("2026-06-11T12:00")));
        assert_eq!(
            s.next_change(z("2026-06-10T23:00")),
            Some(z("2026-06-11T06:00"))
        );
        assert_eq!(
            s.next_change(z("2026-06-11T06:00")),
            Some(z("2026-06-11T22:00"))
        );
    }

    #[test]
    fn overnight_hours_cross_the_week_boundary_from_the_last_working_day() {
        let s = schedule("Europe/Berlin", WEEKDAYS, "22:00", "06:00", true, &[]);
        let z = |t: &str| local(&format!("{t}+02:00[Europe/Berlin]"));
        // Friday night's span runs into Saturday morning.
        assert!(s.is_open(z("2026-06-12T23:00")));
        assert!(s.is_open(z("2026-06-13T03:00")));
        assert_eq!(
            s.next_change(z("2026-06-13T03:00")),
            Some(z("2026-06-13T06:00"))
        );
        // No span starts on Saturday or Sunday, so Monday early morning is closed too.
        assert!(!s.is_open(z("2026-06-13T23:00")));
        assert!(!s.is_open(z("2026-06-14T23:00")));
        assert!(!s.is_open(z("2026-06-15T03:00")));
        assert_eq!(
            s.next_change(z("2026-06-13T06:00")),
            Some(z("2026-06-15T22:00"))
        );
    }

    #[test]
    fn twenty_four_hour_spans_merge_into_one_opening() {
        // 00:00–00:00 overnight on weekdays: open from Monday 00:00 to Saturday 00:00.
        let s = schedule("UTC", WEEKDAYS, "00:00", "00:00", true, &[]);
        assert!(s.is_open(utc("2026-06-10T12:00:00Z")));
        assert_eq!(
            s.next_change(utc("2026-06-10T12:00:00Z")),
            Some(utc("2026-06-13T00:00:00Z")),
            "adjacent spans merge: the next change is a real closing"
        );
        assert_eq!(
            s.next_change(utc("2026-06-13T00:00:00Z")),
            Some(utc("2026-06-15T00:00:00Z"))
        );
        // Not at midnight: 09:00–09:00 is just as continuous.
        let s = schedule("Europe/Berlin", WEEKDAYS, "09:00", "09:00", true, &[]);
        assert_eq!(
            s.next_change(local("2026-06-10T12:00+02:00[Europe/Berlin]")),
            Some(local("2026-06-13T09:00+02:00[Europe/Berlin]"))
        );
    }

    #[test]
    fn around_the_clock_never_changes_unless_a_holiday_interrupts() {
        let s = schedule("Europe/Berlin", EVERY_DAY, "00:00", "00:00", true, &[]);
        let at = utc("2026-03-29T01:30:00Z");
        assert!(s.is_open(at));
        assert_eq!(s.next_change(at), None);

        let s = schedule("UTC", EVERY_DAY, "00:00", "00:00", true, &["2026-12-25"]);
        assert_eq!(
            s.next_change(utc("2026-01-01T00:00:00Z")),
            Some(utc("2026-12-25T00:00:00Z"))
        );
        assert_eq!(
            s.next_change(utc("2026-12-25T05:00:00Z")),
            Some(utc("2026-12-26T00:00:00Z"))
        );
        assert_eq!(s.next_change(utc("2026-12-26T00:00:00Z")), None);
    }

    #[test]
    fn no_working_days_is_always_closed_and_never_changes() {
        let s = schedule("UTC", &[], "09:00", "17:00", false, &[]);
        assert!(!s.is_open(utc("2026-06-10T12:00:00Z")));
        assert_eq!(s.next_change(utc("2026-06-10T12:00:00Z")), None);
    }

    #[test]
    fn disabled_hours_are_always_open_and_never_change() {
        let mut hours = settings(
            "Europe/Berlin",
            &[],
            "09:00",
            "17:00",
            false,
            &["2026-12-25"],
        );
        hours.enabled = false;
        let s = Schedule::from_settings(&hours).unwrap();
        for at in ["2026-12-25T12:00:00Z", "2026-06-13T03:00:00Z"] {
            assert!(s.is_open(utc(at)));
            assert_eq!(s.next_change(utc(at)), None);
            assert_eq!(s.holiday_at(utc(at)), None);
        }
        let check = check(&hours, utc("2026-12-25T12:00:00Z")).unwrap();
        assert!(!check.enabled);
        assert!(check.open);
        assert_eq!(check.next_change, None);
        assert_eq!(check.note, None);
    }

    // --- DST: Europe/Berlin, 2026-03-29 (02:00 CET → 03:00 CEST at 01:00Z) -----

    #[test]
    fn berlin_spring_forward_next_change_lands_on_the_right_utc_instant() {
        let s = schedule("Europe/Berlin", EVERY_DAY, "09:00", "17:00", false, &[]);
        // Saturday closes at 17:00 CET = 16:00Z; Sunday opens at 09:00 CEST = 07:00Z.
        assert_eq!(
            s.next_change(utc("2026-03-28T12:00:00Z")),
            Some(utc("2026-03-28T16:00:00Z"))
        );
        assert_eq!(
            s.next_change(utc("2026-03-28T16:00:00Z")),
            Some(utc("2026-03-29T07:00:00Z"))
        );
        let check = check(
            &settings("Europe/Berlin", EVERY_DAY, "09:00", "17:00", false, &[]),
            utc("2026-03-28T20:00:00Z"),
        )
        .unwrap();
        assert!(!check.open);
        assert_eq!(check.at_desk, "2026-03-28T21:00:00+01:00[Europe/Berlin]");
        assert_eq!(
            check.next_change_desk.as_deref(),
            Some("2026-03-29T09:00:00+02:00[Europe/Berlin]")
        );
    }

    /// The desk's time is written to the whole second, as people read it;
    /// the instant keeps its fraction.
    #[test]
    fn the_desk_time_of_an_instant_with_a_fraction_is_to_the_whole_second() {
        let at = utc("2026-03-28T20:00:05.123456789Z");
        let check = check(
            &settings("Europe/Berlin", EVERY_DAY, "09:00", "17:00", false, &[]),
            at,
        )
        .unwrap();
        assert_eq!(check.at, at);
        assert_eq!(check.at_desk, "2026-03-28T21:00:05+01:00[Europe/Berlin]");
    }

    #[test]
    fn berlin_spring_forward_span_starting_in_the_gap_starts_later() {
        // 02:30 does not exist on 2026-03-29: it resolves to 03:30 CEST = 01:30Z.
        let s = schedule("Europe/Berlin", EVERY_DAY, "02:30", "08:00", false, &[]);
        assert!(
            !s.is_open(utc("2026-03-29T01:15:00Z")),
            "03:15 CEST: not yet"
        );
        assert!(s.is_open(utc("2026-03-29T01:30:00Z")));
        assert_eq!(
            s.next_change(utc("2026-03-29T00:30:00Z")),
            Some(utc("2026-03-29T01:30:00Z"))
        );
        assert_eq!(
            s.next_change(utc("2026-03-29T01:30:00Z")),
            Some(utc("2026-03-29T06:00:00Z")),
            "08:00 CEST"
        );
    }

    #[test]
    fn berlin_spring_forward_span_ending_in_the_gap_ends_later() {
        // 00:00–02:30: the end resolves to 03:30 CEST = 01:30Z.
        let s = schedule("Europe/Berlin", EVERY_DAY, "00:00", "02:30", false, &[]);
        assert!(s.is_open(utc("2026-03-29T01:15:00Z")));
        assert_eq!(
            s.next_change(utc("2026-03-28T23:30:00Z")),
            Some(utc("2026-03-29T01:30:00Z"))
        );
    }

    #[test]
    fn berlin_spring_forward_overnight_span_is_an_hour_shorter() {
        // Saturday 22:00 CET = 21:00Z to Sunday 06:00 CEST = 04:00Z: seven hours.
        let s = schedule("Europe/Berlin", EVERY_DAY, "22:00", "06:00", true, &[]);
        assert!(s.is_open(utc("2026-03-28T21:00:00Z")));
        assert_eq!(
            s.next_change(utc("2026-03-28T22:00:00Z")),
            Some(utc("2026-03-29T04:00:00Z"))
        );
        assert!(!s.is_open(utc("2026-03-29T04:00:00Z")));
    }

    #[test]
    fn a_span_inside_the_gap_that_resolves_backwards_is_empty() {
        // 02:30 → 03:30 CEST but 03:15 stays 03:15 CEST: no span on 2026-03-29.
        let s = schedule("Europe/Berlin", EVERY_DAY, "02:30", "03:15", false, &[]);
        assert!(!s.is_open(utc("2026-03-29T01:10:00Z")));
        assert_eq!(
            s.next_change(utc("2026-03-28T12:00:00Z")),
            Some(utc("2026-03-30T00:30:00Z")),
            "the next span is Monday's 02:30 CEST"
        );
    }

    // --- DST: Europe/Berlin, 2026-10-25 (03:00 CEST → 02:00 CET at 01:00Z) -----

    #[test]
    fn berlin_fall_back_next_change_lands_on_the_right_utc_instant() {
        let s = schedule("Europe/Berlin", EVERY_DAY, "09:00", "17:00", false, &[]);
        // Saturday closes at 17:00 CEST = 15:00Z; Sunday opens at 09:00 CET = 08:00Z.
        assert_eq!(
            s.next_change(utc("2026-10-24T15:00:00Z")),
            Some(utc("2026-10-25T08:00:00Z"))
        );
        assert_eq!(
            s.next_change(utc("2026-10-25T08:00:00Z")),
            Some(utc("2026-10-25T16:00:00Z"))
        );
    }

    #[test]
    fn berlin_fall_back_span_starting_in_the_fold_starts_at_the_first_occurrence() {
        // 02:30 happens twice; the span starts at the first, 02:30 CEST = 00:30Z.
        let s = schedule("Europe/Berlin", EVERY_DAY, "02:30", "10:00", false, &[]);
        assert!(!s.is_open(utc("2026-10-25T00:15:00Z")));
        assert!(s.is_open(utc("2026-10-25T00:30:00Z")));
        assert!(
            s.is_open(utc("2026-10-25T01:30:00Z")),
            "02:30 CET, second time"
        );
        assert_eq!(
            s.next_change(utc("2026-10-24T23:00:00Z")),
            Some(utc("2026-10-25T00:30:00Z"))
        );
        assert_eq!(
            s.next_change(utc("2026-10-25T00:30:00Z")),
            Some(utc("2026-10-25T09:00:00Z")),
            "10:00 CET"
        );
    }

    #[test]
    fn berlin_fall_back_span_ending_in_the_fold_ends_at_the_first_occurrence() {
        let s = schedule("Europe/Berlin", EVERY_DAY, "00:00", "02:30", false, &[]);
        assert!(s.is_open(utc("2026-10-25T00:15:00Z")));
        assert!(
            !s.is_open(utc("2026-10-25T01:30:00Z")),
            "02:30 CET: already closed"
        );
        assert_eq!(
            s.next_change(utc("2026-10-24T23:00:00Z")),
            Some(utc("2026-10-25T00:30:00Z"))
        );
    }

    #[test]
    fn berlin_fall_back_overnight_span_is_an_hour_longer() {
        // Saturday 22:00 CEST = 20:00Z to Sunday 06:00 CET = 05:00Z: nine hours.
        let s = schedule("Europe/Berlin", EVERY_DAY, "22:00", "06:00", true, &[]);
        assert_eq!(
            s.next_change(utc("2026-10-24T21:00:00Z")),
            Some(utc("2026-10-25T05:00:00Z"))
        );
        assert!(s.is_open(utc("2026-10-25T04:59:00Z")));
    }

    // --- DST: America/New_York, 2026-03-08 (02:00 EST → 03:00 EDT at 07:00Z) ---

    #[test]
    fn new_york_spring_forward() {
        let s = schedule("America/New_York", EVERY_DAY, "09:00", "17:00", false, &[]);
        // Saturday closes 17:00 EST = 22:00Z; Sunday opens 09:00 EDT = 13:00Z.
        assert_eq!(
            s.next_change(utc("2026-03-07T22:00:00Z")),
            Some(utc("2026-03-08T13:00:00Z"))
        );
        assert_eq!(
            s.next_change(utc("2026-03-08T13:00:00Z")),
            Some(utc("2026-03-08T21:00:00Z"))
        );

        // A span starting in the gap: 02:30 → 03:30 EDT = 07:30Z.
        let s = schedule("America/New_York", EVERY_DAY, "02:30", "08:00", false, &[]);
        assert!(!s.is_open(utc("2026-03-08T07:15:00Z")));
        assert!(s.is_open(utc("2026-03-08T07:30:00Z")));
        assert_eq!(
            s.next_change(utc("2026-03-08T06:00:00Z")),
            Some(utc("2026-03-08T07:30:00Z"))
        );

        // Overnight across the change: 22:00 EST = 03:00Z to 06:00 EDT = 10:00Z.
        let s = schedule("America/New_York", EVERY_DAY, "22:00", "06:00", true, &[]);
        assert_eq!(
            s.next_change(utc("2026-03-08T05:00:00Z")),
            Some(utc("2026-03-08T10:00:00Z"))
        );
    }

    // --- DST: America/New_York, 2026-11-01 (02:00 EDT → 01:00 EST at 06:00Z) ---

    #[test]
    fn new_york_fall_back() {
        let s = schedule("America/New_York", EVERY_DAY, "09:00", "17:00", false, &[]);
        // Saturday closes 17:00 EDT = 21:00Z; Sunday opens 09:00 EST = 14:00Z.
        assert_eq!(
            s.next_change(utc("2026-10-31T22:00:00Z")),
            Some(utc("2026-11-01T14:00:00Z"))
        );

        // A span ending in the fold ends at the first 01:30 (EDT) = 05:30Z.
        let s = schedule("America/New_York", EVERY_DAY, "00:00", "01:30", false, &[]);
        assert!(s.is_open(utc("2026-11-01T05:15:00Z")));
        assert!(
            !s.is_open(utc("2026-11-01T06:30:00Z")),
            "01:30 EST, second time"
        );
        assert_eq!(
            s.next_change(utc("2026-11-01T04:30:00Z")),
            Some(utc("2026-11-01T05:30:00Z"))
        );

        // A span starting in the fold starts at the first 01:30 (EDT) = 05:30Z.
        let s = schedule("America/New_York", EVERY_DAY, "01:30", "09:00", false, &[]);
        assert_eq!(
            s.next_change(utc("2026-11-01T04:00:00Z")),
            Some(utc("2026-11-01T05:30:00Z"))
        );
        assert_eq!(
            s.next_change(utc("2026-11-01T05:30:00Z")),
            Some(utc("2026-11-01T14:00:00Z")),
            "09:00 EST"
        );
    }

    // --- check ---------------------------------------------------------------

    #[test]
    fn check_formats_instants_in_the_desk_zone_and_explains_holidays() {
        let hours = settings(
            "Europe/Berlin",
            WEEKDAYS,
            "09:00",
            "17:00",
            false,
            &["2026-12-25"],
        );
        let at = utc("2026-12-25T11:00:00Z");
        let check = check(&hours, at).unwrap();
        assert_eq!(check.at, at);
        assert_eq!(check.at_desk, "2026-12-25T12:00:00+01:00[Europe/Berlin]");
        assert!(check.enabled);
        assert!(!check.open);
        assert_eq!(check.next_change, Some(utc("2026-12-28T08:00:00Z")));
        assert_eq!(
            check.next_change_desk.as_deref(),
            Some("2026-12-28T09:00:00+01:00[Europe/Berlin]")
        );
        assert_eq!(
            check.note.as_deref(),
            Some("closed for the holiday 2026-12-25")
        );
    }

    // --- validation ----------------------------------------------------------

    #[test]
    fn every_problem_is_reported_at_once() {
        let mut hours = settings(
            "Mars/Olympus_Mons",
            &[Day::Monday, Day::Tuesday, Day::Monday],
            "25:00",
            "17:00",
            false,
            &["2026-12-25", "2026-13-01", "2026-12-25", "25.12.2026"],
        );
        hours.enabled = false; // a bad setting is refused even while switched off
        let errors = Schedule::from_settings(&hours).unwrap_err();
        assert_eq!(
            fields(&errors),
            [
                "timezone",
                "start",
                "days[2]",
                "holidays[1]",
                "holidays[2]",
                "holidays[3]"
            ]
        );
        assert!(errors[0].message.contains("'Mars/Olympus_Mons'"));
        assert!(errors[0].message.contains("Europe/Berlin"));
        assert!(errors[1].message.contains("'25:00'"));
        assert!(errors[1].message.contains("HH:MM"));
        assert!(errors[2].message.contains("monday"));
        assert!(errors[3].message.contains("'2026-13-01'"));
        assert!(errors[3].message.contains("YYYY-MM-DD"));
        assert!(
            errors[4]
                .message
                .contains("2026-12-25 is listed more than once")
        );
        assert!(errors[5].message.contains("'25.12.2026'"));
    }

    #[test]
    fn end_before_start_is_reported_with_the_overnight_hint_alongside_other_problems() {
        let hours = settings(
            "Europe/Berln",
            &[Day::Friday, Day::Friday],
            "22:00",
            "06:00",
            false,
            &["2026-02-30"],
        );
        let errors = Schedule::from_settings(&hours).unwrap_err();
        assert_eq!(
            fields(&errors),
            ["timezone", "end", "days[1]", "holidays[0]"]
        );
        assert!(
            errors[1].message.contains("overnight"),
            "{}",
            errors[1].message
        );
        assert!(errors[1].message.contains("22:00–06:00"));
    }

    #[test]
    fn order_of_start_and_end_depends_on_overnight() {
        let check = |start: &str, end: &str, overnight| {
            Schedule::from_settings(&settings("UTC", WEEKDAYS, start, end, overnight, &[]))
                .map(|_| ())
                .map_err(|errors| fields(&errors).join(","))
        };
        assert_eq!(check("09:00", "17:00", false), Ok(()));
        assert_eq!(check("09:00", "09:00", false), Err("end".into()));
        assert_eq!(check("22:00", "06:00", true), Ok(()));
        assert_eq!(check("09:00", "09:00", true), Ok(()), "24 hours");
        assert_eq!(check("09:00", "17:00", true), Err("end".into()));
        assert_eq!(check("9:00", "24:00", false), Err("start,end".into()));
    }

    #[test]
    fn times_and_dates_are_strict() {
        assert_eq!(parse_time("00:00"), Ok(Time::midnight()));
        assert_eq!(parse_time("23:59"), Ok(jiff::civil::time(23, 59, 0, 0)));
        for bad in [
            "24:00", "12:60", "9:00", "09:00:00", "0900", "09.00", "", "+9:00", "ab:cd",
        ] {
            assert!(parse_time(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_date("2028-02-29"), Ok(jiff::civil::date(2028, 2, 29)));
        assert_eq!(parse_date("0000-01-01"), Ok(jiff::civil::date(0, 1, 1)));
        assert_eq!(
            parse_date("2027-02-30"),
            Err("'2027-02-30' is not a date: February 2027 has 28 days".into())
        );
        assert_eq!(
            read_date("2026-04-31"),
            Err("not a date: April 2026 has 30 days".into())
        );
        assert_eq!(
            read_date("2026-01-00"),
            Err("not a date: January 2026 has 31 days".into())
        );
        assert_eq!(
            read_date("2026-13-01"),
            Err("not a date: there is no month 13; use YYYY-MM-DD".into())
        );
        assert_eq!(
            read_date("2026-00-10"),
            Err("not a date: there is no month 00; use YYYY-MM-DD".into())
        );
        assert_eq!(
            read_date("25.12.2026"),
            Err("not a date: use YYYY-MM-DD, e.g. 2026-12-25".into())
        );
        for bad in [
            "2026-02-29",
            "2026-1-01",
            "20261225",
            "2026/12/25",
            "2026-12-25T00:00",
            "",
        ] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_default_setting_is_valid() {
        let s = Schedule::from_settings(&BusinessHours::default()).unwrap();
        assert!(!s.enabled());
        assert!(s.works_on(Weekday::Monday) && !s.works_on(Weekday::Sunday));
    }

    // --- properties ----------------------------------------------------------

    const ZONES: &[&str] = &[
        "UTC",
        "Europe/Berlin",
        "America/New_York",
        "Asia/Tokyo",
        "Australia/Sydney",
        "Australia/Lord_Howe", // a 30-minute DST shift
        "America/Santiago",    // DST changes at midnight
        "Asia/Kolkata",
        "Pacific/Chatham",
    ];

    fn hhmm_strategy() -> impl Strategy<Value = (u8, u8)> {
        (0u8..24, prop_oneof![Just(0u8), Just(30), 0u8..60])
    }

    prop_compose! {
        fn any_hours()(
            zone in proptest::sample::select(ZONES),
            day_bits in 0u8..128,
            a in hhmm_strategy(),
            b in hhmm_strategy(),
            overnight in any::<bool>(),
            holidays in proptest::collection::vec(0i64..730, 0..6),
        ) -> BusinessHours {
            let days = EVERY_DAY
                .iter()
                .enumerate()
                .filter(|(i, _)| day_bits & (1 << i) != 0)
                .map(|(_, day)| *day)
                .collect::<Vec<_>>();
            let (low, high) = if a <= b { (a, b) } else { (b, a) };
            // Overnight needs end <= start; otherwise end > start (equal → overnight).
            let overnight = overnight || low == high;
            let (start, end) = if overnight { (high, low) } else { (low, high) };
            let first = jiff::civil::date(2026, 1, 1);
            let mut holidays: Vec<String> = holidays
                .into_iter()
                .map(|offset| first.checked_add(offset.days()).unwrap().to_string())
                .collect();
            holidays.sort();
            holidays.dedup();
            BusinessHours {
                enabled: true,
                timezone: zone.to_string(),
                days,
                start: format!("{:02}:{:02}", start.0, start.1),
                end: format!("{:02}:{:02}", end.0, end.1),
                overnight,
                holidays,
            }
        }
    }

    /// Any instant in 2026–2027, to the nanosecond.
    fn any_instant() -> impl Strategy<Value = Timestamp> {
        let from = utc("2026-01-01T00:00:00Z").as_second();
        let to = utc("2028-01-01T00:00:00Z").as_second();
        (from..to, 0i32..1_000_000_000)
            .prop_map(|(second, nanos)| Timestamp::new(second, nanos).unwrap())
    }

    /// Instants within a day and a half of a DST change of one of the test zones.
    fn near_a_transition() -> impl Strategy<Value = Timestamp> {
        let changes = [
            "2026-03-29T01:00:00Z",
            "2026-10-25T01:00:00Z",
            "2026-03-08T07:00:00Z",
            "2026-11-01T06:00:00Z",
            "2026-04-04T15:00:00Z", // Sydney and Lord Howe fall back
            "2026-10-03T16:00:00Z", // Sydney and Lord Howe spring forward
            "2026-04-05T03:00:00Z", // Santiago falls back at midnight
            "2026-09-06T04:00:00Z", // Santiago springs forward at midnight
        ];
        (
            proptest::sample::select(changes.to_vec()),
            -129_600i64..129_600,
        )
            .prop_map(|(change, offset)| utc(change) + SignedDuration::from_secs(offset))
    }

    fn assert_next_change_is_a_real_flip(
        s: &Schedule,
        at: Timestamp,
        probe: f64,
    ) -> Result<(), TestCaseError> {
        let open = s.is_open(at);
        match s.next_change(at) {
            Some(next) => {
                prop_assert!(next > at);
                prop_assert_eq!(s.is_open(just_before(next)), open);
                prop_assert_ne!(s.is_open(next), open);
                // Nothing changes anywhere in between.
                let between = at + (next.duration_since(at).mul_f64(probe));
                prop_assert_eq!(s.is_open(between.min(just_before(next))), open);
            }
            None => {
                let later = at + SignedDuration::from_hours((probe * 24.0 * 700.0) as i64);
                prop_assert_eq!(s.is_open(later), open);
            }
        }
        if s.holiday_at(at).is_some() {
            prop_assert!(!open);
        }
        Ok(())
    }

    proptest! {
        /// The schema's pattern says exactly what `parse_time` says.
        #[test]
        fn the_time_pattern_is_the_time_parser(value in "[0-9:]{3,6}") {
            let pattern = regex::Regex::new(TIME_PATTERN).unwrap();
            prop_assert_eq!(pattern.is_match(&value), parse_time(&value).is_ok(), "{:?}", value);
        }

        #[test]
        fn every_date_parsed_has_the_date_shape(value in "[0-9-]{8,11}") {
            let pattern = regex::Regex::new(DATE_PATTERN).unwrap();
            if parse_date(&value).is_ok() {
                prop_assert!(pattern.is_match(&value), "{:?}", value);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn next_change_is_a_real_flip(
            hours in any_hours(),
            at in any_instant(),
            probe in 0.0f64..1.0,
        ) {
            let s = Schedule::from_settings(&hours).expect("generated settings are valid");
            assert_next_change_is_a_real_flip(&s, at, probe)?;
        }

        #[test]
        fn next_change_is_a_real_flip_around_dst_changes(
            hours in any_hours(),
            at in near_a_transition(),
            probe in 0.0f64..1.0,
        ) {
            let s = Schedule::from_settings(&hours).expect("generated settings are valid");
            assert_next_change_is_a_real_flip(&s, at, probe)?;
        }

        #[test]
        fn following_changes_alternate(hours in any_hours(), at in any_instant()) {
            let s = Schedule::from_settings(&hours).unwrap();
            let mut at = at;
            let mut open = s.is_open(at);
            for _ in 0..6 {
                let Some(next) = s.next_change(at) else { break };
                prop_assert!(next > at);
                prop_assert_ne!(s.is_open(next), open);
                open = !open;
                at = next;
            }
        }

        #[test]
        fn disabled_hours_are_open_whatever_the_setting(
            hours in any_hours(),
            at in any_instant(),
        ) {
            let s = Schedule::from_settings(&BusinessHours { enabled: false, ..hours }).unwrap();
            prop_assert!(s.is_open(at));
            prop_assert_eq!(s.next_change(at), None);
        }
    }
}
