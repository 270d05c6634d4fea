//! Numbers as Italian documents print them (`65.991`, `0,17`, `15,02%`,
//! `€ 48,46`) or in plain form (`0.17`), read exactly into decimals.

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::diagnostics::{Diagnostic, problem, text};
use crate::model::Unit;

/// A number read from text, with the decimals it was written with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    pub value: Decimal,
    pub decimals: u32,
    /// The unit sign written with it, if any.
    pub unit: Option<Unit>,
}

/// The significant digits an exact decimal holds.
pub const MAX_DIGITS: u32 = 28;

/// Reads a bare number: `65.991`, `-8,75`, `0.17`, `- 6,00`.
pub fn parse_number(text: &str) -> Result<(Decimal, u32), Diagnostic> {
    // Digits, separators and a sign: more than twice the digits kept exactly.
    super::within(text, 80, text::subject_number())?;
    let trimmed = text.trim();
    let (negative, digits) = match trimmed.strip_prefix('-').or(trimmed.strip_prefix('−')) {
        Some(rest) => (true, rest.trim_start()),
        None => (
            false,
            trimmed.strip_prefix('+').unwrap_or(trimmed).trim_start(),
        ),
    };
    if digits.is_empty()
        || !digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(problem::not_a_number(trimmed));
    }
    let (integer, fraction) = match digits.split_once(',') {
        Some((integer, fraction)) => {
            if fraction.contains([',', '.']) {
                return Err(problem::number_two_decimal_separators(trimmed));
            }
            if integer.contains('.') && !is_grouped(integer) {
                return Err(problem::number_dot_and_comma(trimmed));
            }
            (integer.replace('.', ""), fraction)
        }
        None if is_grouped(digits) => (digits.replace('.', ""), ""),
        None => match digits.split_once('.') {
            Some((_, fraction)) if fraction.contains('.') => {
                return Err(problem::number_misplaced_dots(trimmed));
            }
            Some((integer, fraction)) => (integer.to_string(), fraction),
            None => (digits.to_string(), ""),
        },
    };
    if integer.is_empty() && fraction.is_empty() {
        return Err(problem::not_a_number(trimmed));
    }
    let plain = if fraction.is_empty() {
        integer
    } else {
        format!(
            "{}.{fraction}",
            if integer.is_empty() { "0" } else { &integer }
        )
    };
    let value = Decimal::from_str(&plain).map_err(|_| problem::number_too_large(trimmed))?;
    let decimals = u32::try_from(fraction.len()).unwrap_or(u32::MAX);
    // More digits than exact decimals hold would be rounded: refuse them.
    if value.scale() != decimals {
        return Err(problem::number_too_many_digits(trimmed, MAX_DIGITS));
    }
    Ok((if negative { -value } else { value }, decimals))
}

/// `65.991`, `1.234.567`: digits in groups of three after the first.
fn is_grouped(digits: &str) -> bool {
    let mut groups = digits.split('.');
    let first = groups.next().unwrap_or("");
    let rest: Vec<&str> = groups.collect();
    !rest.is_empty()
        && (1..=3).contains(&first.len())
        && rest
            .iter()
            .all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
}

/// Reads a number with an optional unit sign: `15,02%`, `€ 48,46`, `3 gg`.
pub fn parse_quantity(text: &str) -> Result<Quantity, Diagnostic> {
    super::within(text, 200, text::subject_number())?;
    let Some((quantity, rest)) = split_quantity(text) else {
        // The number's own reason (too many digits, misplaced dots) if it has one.
        let digits = text.trim().trim_start_matches('€').trim_end_matches('%');
        return Err(parse_number(digits)
            .err()
            .unwrap_or_else(|| problem::not_a_number(text.trim())));
    };
    if rest.trim().is_empty() {
        Ok(quantity)
    } else {
        Err(problem::number_followed_by_text(text.trim(), rest.trim()))
    }
}

/// Reads a number with its unit at the start of `text`; returns it and what
/// follows (a qualifier such as "(orientativamente 120 imprese)").
pub fn split_quantity(text: &str) -> Option<(Quantity, &str)> {
    let mut rest = text.trim_start();
    let mut unit = None;
    if let Some(after) = rest.strip_prefix('€') {
        unit = Some(Unit::Euro);
        rest = after.trim_start();
    }
    // The sign may be separated from the digits: "- 6,00%".
    let mut end = 0;
    let bytes: Vec<(usize, char)> = rest.char_indices().collect();
    let mut i = 0;
    if let Some(&(_, c)) = bytes.first()
        && (c == '-' || c == '+' || c == '−')
    {
        i = 1;
        while i < bytes.len() && bytes[i].1 == ' ' {
            i += 1;
        }
    }
    let digits_start = i;
    while i < bytes.len() && (bytes[i].1.is_ascii_digit() || bytes[i].1 == '.' || bytes[i].1 == ',')
    {
        i += 1;
    }
    // A trailing dot or comma is punctuation, not part of the number.
    while i > digits_start && matches!(bytes[i - 1].1, '.' | ',') {
        i -= 1;
    }
    if i == digits_start {
        return None;
    }
    if i < bytes.len() {
        end = bytes[i].0;
    } else if !bytes.is_empty() {
        end = rest.len();
    }
    let (value, decimals) = parse_number(&rest[..end]).ok()?;
    let mut after = &rest[end..];
    let trimmed = after.trim_start();
    if let Some(tail) = trimmed.strip_prefix('%') {
        unit = Some(Unit::Percent);
        after = tail;
    } else if let Some(tail) = trimmed.strip_prefix('€') {
        unit = Some(Unit::Euro);
        after = tail;
    } else if let Some(tail) = strip_word(trimmed, "giorni").or_else(|| strip_word(trimmed, "gg")) {
        unit = Some(Unit::Days);
        after = tail;
    }
    Some((
        Quantity {
            value,
            decimals,
            unit,
        },
        after,
    ))
}

/// Strips `word` when it is a whole word at the start of `text`.
fn strip_word<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    let tail = text.strip_prefix(word)?;
    match tail.chars().next() {
        Some(c) if c.is_alphanumeric() => None,
        _ => Some(tail),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).expect("decimal")
    }

    #[test]
    fn italian_thousands_and_decimals() {
        assert_eq!(parse_number("65.991"), Ok((d("65991"), 0)));
        assert_eq!(parse_number("1.234.567"), Ok((d("1234567"), 0)));
        assert_eq!(parse_number("0,17"), Ok((d("0.17"), 2)));
        assert_eq!(parse_number("1.134,5"), Ok((d("1134.5"), 1)));
        assert_eq!(parse_number("-8,75"), Ok((d("-8.75"), 2)));
        assert_eq!(parse_number("- 6,00"), Ok((d("-6.00"), 2)));
    }

    #[test]
    fn plain_decimals() {
        assert_eq!(parse_number("0.17"), Ok((d("0.17"), 2)));
        assert_eq!(parse_number("8.75"), Ok((d("8.75"), 2)));
        assert_eq!(parse_number("4000"), Ok((d("4000"), 0)));
        // Three digits after a single dot: Italian thousands, as documented.
        assert_eq!(parse_number("1.500"), Ok((d("1500"), 0)));
    }

    #[test]
    fn malformed_numbers_are_refused() {
        assert!(parse_number("1.2.3").is_err());
        assert!(parse_number("12,3,4").is_err());
        assert!(parse_number("1.23,4").is_err());
        assert!(parse_number("abc").is_err());
        assert!(parse_number("").is_err());
        assert!(parse_number(",").is_err());
        // Found by fuzzing: too many digits were rounded without a word.
        assert!(
            parse_number("26666,666888666666666666666666666666")
                .expect_err("digits")
                .code()
                == "number-too-many-digits"
        );
        assert!(
            parse_number(&"9".repeat(100_000))
                .expect_err("long")
                .message
                .format(crate::diagnostics::Lang::En)
                .contains("100000 characters long")
        );
        assert_eq!(
            parse_number("0,0000000000000000000000000001"),
            Ok((d("0.0000000000000000000000000001"), 28))
        );
    }

    #[test]
    fn quantities_with_units() {
        let q = parse_quantity("15,02%").expect("percent");
        assert_eq!(
            (q.value, q.decimals, q.unit),
            (d("15.02"), 2, Some(Unit::Percent))
        );
        let q = parse_quantity("€ 48,46").expect("euro");
        assert_eq!((q.value, q.unit), (d("48.46"), Some(Unit::Euro)));
        let q = parse_quantity("90,00 %").expect("spaced percent");
        assert_eq!((q.value, q.unit), (d("90.00"), Some(Unit::Percent)));
        let q = parse_quantity("60 gg").expect("days");
        assert_eq!((q.value, q.unit), (d("60"), Some(Unit::Days)));
        assert!(parse_quantity("15% circa").is_err());
    }

    #[test]
    fn split_keeps_the_qualifier() {
        let (q, rest) = split_quantity("0,18% (orientativamente 120 imprese)").expect("split");
        assert_eq!(q.value, d("0.18"));
        assert_eq!(rest.trim(), "(orientativamente 120 imprese)");
        let (q, rest) = split_quantity("1 N").expect("split");
        assert_eq!((q.value, q.unit, rest.trim()), (d("1"), None, "N"));
        let (q, rest) = split_quantity("2.000 (+2.000)").expect("split");
        assert_eq!((q.value, rest.trim()), (d("2000"), "(+2.000)"));
        assert!(split_quantity("gg 3").is_none());
        let (q, _) = split_quantity("3.").expect("trailing dot");
        assert_eq!(q.value, d("3"));
    }
}
