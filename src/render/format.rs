//! Numbers and dates for people: `65.991`, `0,17%`, `31/12/2023` in
//! Italian, `65,991`, `0.17%`, `31/12/2023` in English.
//!
//! Rounding is explicit: values are rounded half away from zero
//! ("arrotondamento commerciale") to the decimals shown, and only here, at
//! the very end; every computation before works on the exact decimals.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::{Date, Language, Unit};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberFormat {
    thousands: char,
    decimal: char,
}

impl NumberFormat {
    pub fn for_language(language: Language) -> Self {
        match language {
            Language::It => NumberFormat {
                thousands: '.',
                decimal: ',',
            },
            Language::En => NumberFormat {
                thousands: ',',
                decimal: '.',
            },
        }
    }

    /// `value` rounded to `decimals`, with separators: `65.991`, `0,16`.
    pub fn number(&self, value: Decimal, decimals: u32) -> String {
        let rounded =
            value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
        let text = format!("{:.*}", decimals as usize, rounded.abs());
        let (integer, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let mut out = String::new();
        // Rounding can give -0,00: no sign then.
        if rounded.is_sign_negative() && !rounded.is_zero() {
            out.push('-');
        }
        let digits = integer.len();
        for (i, c) in integer.chars().enumerate() {
            if i > 0 && (digits - i) % 3 == 0 {
                out.push(self.thousands);
            }
            out.push(c);
        }
        if !fraction.is_empty() {
            out.push(self.decimal);
            out.push_str(fraction);
        }
        out
    }

    /// A whole number without decimals, otherwise `decimals`.
    pub fn amount(&self, value: Decimal, decimals: u32) -> String {
        if value.fract().is_zero() {
            self.number(value, 0)
        } else {
            self.number(value, decimals)
        }
    }

    /// A value with its unit: `15,02%`, `€ 48,46`, `2,96 gg`, `3.671`.
    pub fn value(&self, value: Decimal, unit: Unit, decimals: u32) -> String {
        match unit {
            Unit::Percent => format!("{}%", self.number(value, decimals)),
            Unit::Euro => format!("€ {}", self.number(value, decimals)),
            Unit::Days => format!("{} gg", self.amount(value, decimals)),
            Unit::Ratio => self.number(value, decimals),
            Unit::Number | Unit::Date => self.amount(value, decimals),
        }
    }

    /// An achievement or share in %: `96,95%`.
    pub fn percent(&self, value: Decimal) -> String {
        format!("{}%", self.number(value, 2))
    }

    /// A percentage with only the decimals it needs (at most 2), for
    /// settings and thresholds: `70%`, `12,5%`.
    pub fn percent_short(&self, value: Decimal) -> String {
        let value = value
            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
            .normalize();
        format!("{}%", self.number(value, value.scale()))
    }
}

/// `31/12/2023`: day/month/year in both languages (the Italian
/// administration's form, understood by English readers in Europe).
pub fn date(date: Date) -> String {
    format!("{:02}/{:02}/{}", date.day, date.month, date.year)
}

/// A number for data files: plain, `.` decimal point, at most 6 decimals,
/// no trailing zeros.
pub fn machine(value: Decimal) -> String {
    value
        .round_dp_with_strategy(6, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
        .to_string()
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).expect("decimal")
    }

    const IT: NumberFormat = NumberFormat {
        thousands: '.',
        decimal: ',',
    };

    #[test]
    fn italian_numbers() {
        assert_eq!(IT.number(d("65991"), 0), "65.991");
        assert_eq!(IT.number(d("1234567.891"), 2), "1.234.567,89");
        assert_eq!(IT.number(d("0.164708"), 2), "0,16");
        assert_eq!(IT.number(d("-8.75"), 2), "-8,75");
        assert_eq!(IT.number(d("-0.001"), 2), "0,00");
        assert_eq!(IT.number(d("999"), 0), "999");
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(IT.number(d("2.235"), 2), "2,24");
        assert_eq!(IT.number(d("-2.235"), 2), "-2,24");
        assert_eq!(IT.number(d("0.125"), 2), "0,13");
    }

    #[test]
    fn values_with_units() {
        assert_eq!(IT.value(d("15.0172"), Unit::Percent, 2), "15,02%");
        assert_eq!(IT.value(d("48.46"), Unit::Euro, 2), "€ 48,46");
        assert_eq!(IT.value(d("3671"), Unit::Number, 2), "3.671");
        assert_eq!(IT.value(d("2.5"), Unit::Number, 2), "2,50");
        assert_eq!(IT.value(d("3"), Unit::Days, 2), "3 gg");
        assert_eq!(IT.value(d("1.0516"), Unit::Ratio, 2), "1,05");
        let en = NumberFormat::for_language(Language::En);
        assert_eq!(en.value(d("65991.5"), Unit::Percent, 1), "65,991.5%");
    }

    #[test]
    fn dates_and_machine_numbers() {
        assert_eq!(
            date(Date {
                year: 2023,
                month: 7,
                day: 1
            }),
            "01/07/2023"
        );
        assert_eq!(machine(d("0.16470880726")), "0.164709");
        assert_eq!(machine(d("15.00")), "15");
        assert_eq!(machine(d("-8.75")), "-8.75");
    }
}
