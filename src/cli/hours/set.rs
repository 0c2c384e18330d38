use clap::Args;

use crate::api::Weekday;
use crate::cli::Session;
use crate::error::{CliError, CliResult};

#[derive(Debug, Args)]
pub struct HoursSetArgs {
    /// Turn business hours on or off
    #[arg(long, value_name = "BOOL")]
    pub enabled: Option<bool>,
    /// An IANA time zone, e.g. `Europe/Berlin`
    #[arg(long, value_name = "ZONE")]
    pub timezone: Option<String>,
    /// Working days, comma-separated: `mon,tue,wed` or full names (replaces the list)
    #[arg(long, value_name = "DAYS", value_delimiter = ',', value_parser = parse_weekday)]
    pub days: Vec<Weekday>,
    /// When a working day's span starts, `HH:MM` local time
    #[arg(long, value_name = "HH:MM")]
    pub start: Option<String>,
    /// When it ends, `HH:MM`; before the start only with --overnight true
    #[arg(long, value_name = "HH:MM")]
    pub end: Option<String>,
    /// The span ends the next day (e.g. 22:00–06:00)
    #[arg(long, value_name = "BOOL")]
    pub overnight: Option<bool>,
    /// Add a holiday, `YYYY-MM-DD` (repeat for several)
    #[arg(long = "holiday", value_name = "DATE", value_parser = parse_holiday)]
    pub holidays: Vec<String>,
    /// Remove a holiday (repeat for several)
    #[arg(long = "remove-holiday", value_name = "DATE", value_parser = parse_holiday)]
    pub remove_holidays: Vec<String>,
}

fn parse_weekday(text: &str) -> Result<Weekday, String> {
    let lower = text.trim().to_ascii_lowercase();
    Weekday::NAMES
        .iter()
        .find(|name| **name == lower || (lower.len() >= 3 && name.starts_with(&lower)))
        .map(|name| name.parse().expect("a listed day"))
        .ok_or_else(|| {
            let text = crate::api::echoed(text);
            format!("'{text}' is not a day: use mon, tue, wed, thu, fri, sat or sun")
        })
}

/// A holiday flag's date, checked where the flag names it: once merged with
/// the stored holidays, the service could only point at a place in a list
/// the user never sees.
fn parse_holiday(text: &str) -> Result<String, String> {
    crate::domain::hours::read_date(text).map(|_| text.to_string())
}

pub async fn cmd_hours_set(session: &Session, args: HoursSetArgs) -> CliResult {
    let nothing = args.enabled.is_none()
        && args.timezone.is_none()
        && args.days.is_empty()
        && args.start.is_none()
        && args.end.is_none()
        && args.overnight.is_none()
        && args.holidays.is_empty()
        && args.remove_holidays.is_empty();
    if nothing {
        return Err(CliError::usage("nothing to change").with_hint(
            "pass --enabled, --timezone, --days, --start, --end, --overnight, --holiday or \
             --remove-holiday",
        ));
    }
    let client = session.writer("change the business hours").await?;
    let mut hours = client.get_business_hours().await?;
    if let Some(enabled) = args.enabled {
        hours.enabled = enabled;
    }
    if let Some(zone) = args.timezone {
        hours.timezone = zone;
    }
    if !args.days.is_empty() {
        hours.days = args.days;
    }
    if let Some(start) = args.start {
        hours.start = start;
    }
    if let Some(end) = args.end {
        hours.end = end;
    }
    if let Some(overnight) = args.overnight {
        hours.overnight = overnight;
    }
    if let Some(both) = args
        .holidays
        .iter()
        .find(|d| args.remove_holidays.contains(d))
    {
        return Err(CliError::usage(format!(
            "holiday {both} is both added and removed: name it once"
        )));
    }
    // A date that is not a holiday is not found, as a rule or a team that the
    // desk does not have: a mistyped date must not pass for a removal.
    if let Some(missing) = args
        .remove_holidays
        .iter()
        .find(|date| !hours.holidays.contains(date))
    {
        let listed = match hours.holidays.is_empty() {
            true => "there are none".to_string(),
            false => format!("they are {}", hours.holidays.join(", ")),
        };
        return Err(CliError::new(
            crate::error::ExitKind::NotFound,
            format!("{missing} is not one of the holidays ({listed})"),
        ));
    }
    hours
        .holidays
        .retain(|date| !args.remove_holidays.contains(date));
    for date in args.holidays {
        if !hours.holidays.contains(&date) {
            hours.holidays.push(date);
        }
    }
    let hours = client.put_business_hours(&hours).await?;
    session.ui.success("Updated the business hours");
    session.ui.print_item(&hours)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_take_full_names_and_abbreviations() {
        assert_eq!(parse_weekday("mon"), Ok(Weekday::Monday));
        assert_eq!(parse_weekday("Thursday"), Ok(Weekday::Thursday));
        assert_eq!(parse_weekday("SAT"), Ok(Weekday::Saturday));
        assert!(parse_weekday("mo").is_err());
        assert!(parse_weekday("funday").is_err());
    }

    #[test]
    fn a_holiday_that_is_not_a_date_is_refused_naming_the_flag_and_why() {
        use clap::Parser;
        #[derive(Debug, Parser)]
        struct Command {
            #[command(flatten)]
            args: HoursSetArgs,
        }
        for flag in ["--holiday", "--remove-holiday"] {
            let error = Command::try_parse_from(["hours", flag, "2027-03-28", flag, "2027-02-30"])
                .unwrap_err();
            assert_eq!(error.kind(), clap::error::ErrorKind::ValueValidation);
            let message = error.to_string();
            assert!(
                message.contains(&format!("invalid value '2027-02-30' for '{flag} <DATE>'"))
                    && message.contains("not a date: February 2027 has 28 days"),
                "{message}"
            );
        }
        let parsed = Command::try_parse_from(["hours", "--holiday", "2028-02-29"]).unwrap();
        assert_eq!(parsed.args.holidays, ["2028-02-29"]);
    }
}
