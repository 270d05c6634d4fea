//! Dates as Italian plans print them: `31/12/2023`, `30.06.2023`, `30/4`
//! (no year), `2023-12-31`, `15 luglio 2023`, `settembre 2020`, `SETTEMBRE
//! 2020`, `I semestre 2023`. A month, a semester or a quarter without a day
//! means its last day: a deadline `entro giugno 2023` is 30/06/2023.

use crate::diagnostics::{Diagnostic, problem};
use crate::model::{Date, Year};

/// A date as written: a month with an optional day (none: the month's last
/// day) and an optional year (none: the year it is read in).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartialDate {
    pub day: Option<u8>,
    pub month: u8,
    pub year: Option<Year>,
}

impl PartialDate {
    pub fn with_year(self, year: Year) -> Option<Date> {
        let year = self.year.unwrap_or(year);
        let day = match self.day {
            Some(day) => day,
            None => days_in(year, self.month)?,
        };
        valid(year, self.month, day).then_some(Date {
            year,
            month: self.month,
            day,
        })
    }
}

const MONTHS: [(&str, &str); 12] = [
    ("gennaio", "gen"),
    ("febbraio", "feb"),
    ("marzo", "mar"),
    ("aprile", "apr"),
    ("maggio", "mag"),
    ("giugno", "giu"),
    ("luglio", "lug"),
    ("agosto", "ago"),
    ("settembre", "set"),
    ("ottobre", "ott"),
    ("novembre", "nov"),
    ("dicembre", "dic"),
];

/// Reads a date at the start of `text`; returns it and what follows.
pub fn split_date(text: &str) -> Option<(PartialDate, &str)> {
    split_numeric(text).or_else(|| split_spelled(text))
}

/// `31/12/2023`, `30/4`, `30.06.2023`, `2023-12-31`, `31-12-2023`.
fn split_numeric(text: &str) -> Option<(PartialDate, &str)> {
    let text = text.trim_start();
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '/' || c == '-' || c == '.'))
        .unwrap_or(text.len());
    let token = text[..end].trim_end_matches(['.', '-']);
    let rest = &text[token.len()..];
    let parts: Vec<&str> = if token.contains('/') {
        token.split('/').collect()
    } else if token.contains('-') {
        let mut parts: Vec<&str> = token.split('-').collect();
        // ISO (year first) or day-month-year.
        if parts.first().is_some_and(|p| p.len() == 4) {
            parts.reverse();
        }
        parts
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
        // A year of two or four digits: `1.2.3` is not a date.
        [d, m, y] if y.len() == 2 || y.len() == 4 => {
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
    Some((
        PartialDate {
            day: Some(day),
            month,
            year,
        },
        rest,
    ))
}

/// `15 luglio 2023`, `luglio 2023`, `LUGLIO`, `I semestre 2023`, `terzo
/// trimestre 2023`.
fn split_spelled(text: &str) -> Option<(PartialDate, &str)> {
    let text = text.trim_start();
    let (first, after_first) = word(text)?;
    let digits = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    // A day before the month's name: "15 luglio".
    let (day, month_text) = if digits(first) {
        let day: u8 = first.parse().ok().filter(|d| (1..=31).contains(d))?;
        (Some(day), after_first)
    } else {
        (None, text)
    };
    let (month, after) = match month(month_text) {
        Some(found) => found,
        None if day.is_none() => period_of_year(text)?,
        None => return None,
    };
    let (year, rest) = match word(after) {
        Some((w, rest)) if w.len() == 4 && digits(w) => (w.parse::<Year>().ok(), rest),
        _ => (None, after),
    };
    if let Some(day) = day
        && !valid(year.unwrap_or(2024), month, day)
    {
        return None;
    }
    Some((PartialDate { day, month, year }, rest))
}

/// A month's name (or its abbreviation, with or without the dot), any case.
fn month(text: &str) -> Option<(u8, &str)> {
    let (w, rest) = word(text)?;
    let lower = w.to_lowercase();
    let name = lower.trim_end_matches('.');
    let position = MONTHS
        .iter()
        .position(|(full, short)| name == *full || (name == *short && name.len() == 3))?;
    Some((u8::try_from(position + 1).ok()?, rest))
}

/// `I semestre`, `2° semestre`, `secondo semestre`, `IV trimestre`, `primo
/// quadrimestre`: the last month of that part of the year.
fn period_of_year(text: &str) -> Option<(u8, &str)> {
    let (ordinal, rest) = word(text)?;
    let (unit, rest) = word(rest)?;
    let months = match unit.to_lowercase().as_str() {
        "semestre" => 6,
        "quadrimestre" => 4,
        "trimestre" => 3,
        _ => return None,
    };
    let n: u8 = match ordinal.to_lowercase().trim_end_matches(['°', 'º']) {
        "i" | "1" | "primo" => 1,
        "ii" | "2" | "secondo" => 2,
        "iii" | "3" | "terzo" => 3,
        "iv" | "4" | "quarto" => 4,
        _ => return None,
    };
    (n >= 1 && n * months <= 12).then_some((n * months, rest))
}

/// The first word of `text` (up to a space) and what follows it.
fn word(text: &str) -> Option<(&str, &str)> {
    let text = text.trim_start();
    let end = text.find(char::is_whitespace).unwrap_or(text.len());
    (end > 0).then(|| (&text[..end], &text[end..]))
}

/// Reads a whole date with a year: `15/07/2023`, `luglio 2023`.
pub fn parse_date(text: &str) -> Result<Date, Diagnostic> {
    super::within(text, 100, crate::diagnostics::text::subject_date())?;
    match split_date(text) {
        Some((date, rest)) if rest.trim().is_empty() => match date.year {
            Some(year) => date
                .with_year(year)
                .ok_or_else(|| problem::not_a_date(text.trim())),
            None => Err(problem::date_without_year(text.trim())),
        },
        _ => Err(problem::not_a_date(text.trim())),
    }
}

/// Whether `text` reads as a date with a year (for messages about a date
/// written where a number goes).
pub fn is_date(text: &str) -> bool {
    parse_date(text).is_ok()
}

fn days_in(year: Year, month: u8) -> Option<u8> {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    Some(match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    })
}

fn valid(year: Year, month: u8, day: u8) -> bool {
    days_in(year, month).is_some_and(|days| (1..=days).contains(&day))
}

/// Days from `from` to `to` (negative when `to` is earlier): the delay of a
/// late completion.
pub fn days_between(from: Date, to: Date) -> i64 {
    day_number(to) - day_number(from)
}

/// Days since a fixed origin (the proleptic Gregorian calendar).
fn day_number(date: Date) -> i64 {
    // Howard Hinnant's days_from_civil.
    let (y, m, d) = (
        i64::from(date.year),
        i64::from(date.month),
        i64::from(date.day),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: Year, m: u8, d: u8) -> Date {
        Date {
            year: y,
            month: m,
            day: d,
        }
    }

    #[test]
    fn italian_and_iso_dates() {
        assert_eq!(parse_date("31/12/2023"), Ok(date(2023, 12, 31)));
        assert_eq!(parse_date("31/07/2023"), Ok(date(2023, 7, 31)));
        assert_eq!(parse_date("2023-07-31"), Ok(date(2023, 7, 31)));
        assert_eq!(parse_date("31-07-2023"), Ok(date(2023, 7, 31)));
        assert_eq!(parse_date("30.06.2023"), Ok(date(2023, 6, 30)));
        assert_eq!(parse_date("22/1/23"), Ok(date(2023, 1, 22)));
        assert!(parse_date("30/4").is_err(), "no year");
        assert!(parse_date("1.2.3").is_err(), "a year of one digit");
        assert!(parse_date("31/4/2023").is_err(), "April has 30 days");
        assert!(parse_date("29/2/2023").is_err());
        assert_eq!(parse_date("29/2/2024"), Ok(date(2024, 2, 29)));
        assert!(parse_date(&"1/".repeat(100_000)).expect_err("long").code() == "too-long");
    }

    #[test]
    fn months_semesters_and_spelled_days_mean_their_last_day() {
        assert_eq!(parse_date("settembre 2020"), Ok(date(2020, 9, 30)));
        assert_eq!(parse_date("SETTEMBRE 2020"), Ok(date(2020, 9, 30)));
        assert_eq!(parse_date("Febbraio 2024"), Ok(date(2024, 2, 29)));
        assert_eq!(parse_date("febbraio 2023"), Ok(date(2023, 2, 28)));
        assert_eq!(parse_date("dic. 2023"), Ok(date(2023, 12, 31)));
        assert_eq!(parse_date("15 luglio 2023"), Ok(date(2023, 7, 15)));
        assert_eq!(parse_date("I semestre 2023"), Ok(date(2023, 6, 30)));
        assert_eq!(parse_date("II semestre 2023"), Ok(date(2023, 12, 31)));
        assert_eq!(parse_date("2° semestre 2023"), Ok(date(2023, 12, 31)));
        assert_eq!(parse_date("terzo trimestre 2023"), Ok(date(2023, 9, 30)));
        assert_eq!(parse_date("I quadrimestre 2023"), Ok(date(2023, 4, 30)));
        assert!(parse_date("V trimestre 2023").is_err());
        assert!(parse_date("31 giugno 2023").is_err());
        assert!(parse_date("settembre").is_err(), "no year");
        assert!(parse_date("marzolino 2023").is_err());
        assert!(parse_date("2023").is_err(), "a year alone is not a day");
    }

    #[test]
    fn day_and_month_without_year() {
        let (date, rest) = split_date("30/4 circa").expect("date");
        assert_eq!((date.day, date.month, date.year), (Some(30), 4, None));
        assert_eq!(rest, " circa");
        assert_eq!(date.with_year(2023), Some(self::date(2023, 4, 30)));
        assert!(split_date("15").is_none());
        let (date, rest) = split_date("giugno (fase 1)").expect("month");
        assert_eq!((date.day, date.month, date.year), (None, 6, None));
        assert_eq!(rest.trim(), "(fase 1)");
        let february = PartialDate {
            day: None,
            month: 2,
            year: None,
        };
        assert_eq!(february.with_year(2024), Some(self::date(2024, 2, 29)));
    }

    #[test]
    fn days_between_dates() {
        assert_eq!(days_between(date(2023, 6, 30), date(2023, 7, 15)), 15);
        assert_eq!(days_between(date(2023, 12, 31), date(2024, 3, 1)), 61);
        assert_eq!(days_between(date(2024, 3, 1), date(2023, 12, 31)), -61);
        assert_eq!(days_between(date(2020, 1, 1), date(2021, 1, 1)), 366);
    }
}
