//! Dates as Italian documents write them: `31/12/2023`, `30/4` (no year),
//! and the ISO form `2023-12-31`.

use crate::model::{Date, Year};

pub const DATE_HELP: &str = "write a date as day/month/year, e.g. 31/12/2023 (or 2023-12-31)";

/// A day and month with an optional year, as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartialDate {
    pub day: u8,
    pub month: u8,
    pub year: Option<Year>,
}

impl PartialDate {
    pub fn with_year(self, year: Year) -> Option<Date> {
        let year = self.year.unwrap_or(year);
        valid(year, self.month, self.day).then_some(Date {
            year,
            month: self.month,
            day: self.day,
        })
    }
}

/// Reads a date at the start of `text`; returns it and what follows.
pub fn split_date(text: &str) -> Option<(PartialDate, &str)> {
    let text = text.trim_start();
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '/' || c == '-' || c == '.'))
        .unwrap_or(text.len());
    let token = text[..end].trim_end_matches(['.', '-']);
    let rest = &text[token.len()..];
    let parts: Vec<&str> = if token.contains('/') {
        token.split('/').collect()
    } else if token.contains('-') {
        // ISO: year-month-day.
        let mut iso: Vec<&str> = token.split('-').collect();
        iso.reverse();
        iso
    } else {
        token.split('.').collect()
    };
    let number = |s: &str| {
        s.parse::<u32>()
            .ok()
            .filter(|_| !s.is_empty() && s.len() <= 4)
    };
    let (day, month, year) = match parts.as_slice() {
        [d, m] => (number(d)?, number(m)?, None),
        [d, m, y] => {
            let y = number(y)?;
            // Two-digit years: "22/1/23" is 2023.
            let y = if y < 100 { 2000 + y } else { y };
            (number(d)?, number(m)?, Some(Year::try_from(y).ok()?))
        }
        _ => return None,
    };
    let (day, month) = (u8::try_from(day).ok()?, u8::try_from(month).ok()?);
    // Without a year, check against a leap year so that 29/2 is accepted.
    if !valid(year.unwrap_or(2024), month, day) {
        return None;
    }
    Some((PartialDate { day, month, year }, rest))
}

/// Reads a whole date with a year: `15/07/2023`.
pub fn parse_date(text: &str) -> Result<Date, String> {
    super::within(text, 100, "date")?;
    match split_date(text) {
        Some((date, rest)) if rest.trim().is_empty() => match date.year {
            Some(year) => date
                .with_year(year)
                .ok_or_else(|| format!("`{}` is not a date", text.trim())),
            None => Err(format!("`{}` has no year", text.trim())),
        },
        _ => Err(format!("`{}` is not a date", text.trim())),
    }
}

fn valid(year: Year, month: u8, day: u8) -> bool {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn italian_and_iso_dates() {
        let date = |y, m, d| Date {
            year: y,
            month: m,
            day: d,
        };
        assert_eq!(parse_date("31/12/2023"), Ok(date(2023, 12, 31)));
        assert_eq!(parse_date("31/07/2023"), Ok(date(2023, 7, 31)));
        assert_eq!(parse_date("2023-07-31"), Ok(date(2023, 7, 31)));
        assert_eq!(parse_date("22/1/23"), Ok(date(2023, 1, 22)));
        assert!(parse_date("30/4").is_err(), "no year");
        assert!(parse_date("31/4/2023").is_err(), "April has 30 days");
        assert!(parse_date("29/2/2023").is_err());
        assert_eq!(parse_date("29/2/2024"), Ok(date(2024, 2, 29)));
        assert!(
            parse_date(&"1/".repeat(100_000))
                .expect_err("long")
                .contains("characters long")
        );
    }

    #[test]
    fn day_and_month_without_year() {
        let (date, rest) = split_date("30/4 circa").expect("date");
        assert_eq!((date.day, date.month, date.year), (30, 4, None));
        assert_eq!(rest, " circa");
        assert_eq!(
            date.with_year(2023),
            Some(Date {
                year: 2023,
                month: 4,
                day: 30
            })
        );
        assert!(split_date("15").is_none());
    }
}
