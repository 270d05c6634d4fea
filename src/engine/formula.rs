//! Evaluating a formula for one year, keeping the value of every term so
//! that the working can be shown.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::{Expr, Op, Year};

/// Where a formula finds its values.
pub trait Terms {
    /// A measure of the indicator in a year.
    fn measure(&self, name: &str, year: Year) -> Option<Decimal>;
    /// Another indicator's value in a year.
    fn indicator(&self, id: &str, year: Year) -> Option<Decimal>;
    /// (count of indicators in scope at or above `threshold`%, count assessed).
    fn counts(&self, year: Year, threshold: Decimal) -> (usize, usize);
}

/// One term of a formula with the value it took.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Term {
    /// The term as written: `imprese_attive`, `prev(t)`, `count_assessed()`.
    pub key: String,
    pub value: Decimal,
    /// For `mean_prev`: the values averaged, by year.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub years: Vec<(Year, Decimal)>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum EvalError {
    /// Terms with no value that year, as `name (year)`.
    Missing(Vec<String>),
    /// The divisor is zero; the text of the divisor.
    DivisionByZero(String),
    /// Nothing in the meta-indicator's scope could be assessed.
    NothingAssessed,
    /// A result too large for exact decimals.
    Overflow,
}

/// The key of a leaf term, as the working shows it.
pub fn term_key(expr: &Expr) -> Option<String> {
    Some(match expr {
        Expr::Measure(name) => name.clone(),
        Expr::Prev(name) => format!("prev({name})"),
        Expr::MeanPrev(name, years) => format!("mean_prev({name}, {years})"),
        Expr::Indicator(id) => format!("indicator({id})"),
        Expr::CountAbove(threshold) => format!("count_above({threshold})"),
        Expr::CountAssessed => "count_assessed()".to_string(),
        Expr::Number(_) | Expr::Neg(_) | Expr::Binary(..) => return None,
    })
}

/// Evaluates `expr` for `year`; on success returns the value and the terms
/// it used, in order of appearance.
pub fn evaluate(
    expr: &Expr,
    year: Year,
    terms: &dyn Terms,
) -> Result<(Decimal, Vec<Term>), EvalError> {
    let mut used = Vec::new();
    let mut missing = Vec::new();
    let value = eval(expr, year, terms, &mut used, &mut missing)?;
    if !missing.is_empty() {
        missing.dedup();
        return Err(EvalError::Missing(missing));
    }
    let mut seen = std::collections::BTreeSet::new();
    used.retain(|t: &Term| seen.insert(t.key.clone()));
    Ok((value.unwrap_or_default(), used))
}

/// `None` means "missing, recorded in `missing`": evaluation goes on so that
/// every missing term is listed at once.
fn eval(
    expr: &Expr,
    year: Year,
    terms: &dyn Terms,
    used: &mut Vec<Term>,
    missing: &mut Vec<String>,
) -> Result<Option<Decimal>, EvalError> {
    let mut leaf =
        |value: Option<Decimal>, missing_as: String, years: Vec<(Year, Decimal)>| match value {
            Some(value) => {
                if let Some(key) = term_key(expr) {
                    used.push(Term { key, value, years });
                }
                Some(value)
            }
            None => {
                missing.push(missing_as);
                None
            }
        };
    Ok(match expr {
        Expr::Number(n) => Some(*n),
        Expr::Measure(name) => leaf(
            terms.measure(name, year),
            format!("{name} ({year})"),
            Vec::new(),
        ),
        Expr::Prev(name) => leaf(
            terms.measure(name, year - 1),
            format!("{name} ({})", year - 1),
            Vec::new(),
        ),
        Expr::MeanPrev(name, count) => {
            let count = i32::try_from(*count).unwrap_or(i32::MAX);
            let mut values = Vec::new();
            let mut gaps = Vec::new();
            for y in (year.saturating_sub(count)..year).rev() {
                match terms.measure(name, y) {
                    Some(v) => values.push((y, v)),
                    None => gaps.push(format!("{name} ({y})")),
                }
            }
            values.sort_by_key(|(y, _)| *y);
            if gaps.is_empty() {
                let sum = values
                    .iter()
                    .try_fold(Decimal::ZERO, |acc, (_, v)| acc.checked_add(*v))
                    .ok_or(EvalError::Overflow)?;
                let mean = sum
                    .checked_div(Decimal::from(values.len().max(1)))
                    .ok_or(EvalError::Overflow)?;
                leaf(Some(mean), String::new(), values)
            } else {
                missing.extend(gaps);
                None
            }
        }
        Expr::Indicator(id) => leaf(
            terms.indicator(id, year),
            format!("indicator({id}) ({year})"),
            Vec::new(),
        ),
        Expr::CountAbove(threshold) => {
            let (above, _) = terms.counts(year, *threshold);
            leaf(Some(Decimal::from(above)), String::new(), Vec::new())
        }
        Expr::CountAssessed => {
            let (_, assessed) = terms.counts(year, Decimal::ZERO);
            leaf(Some(Decimal::from(assessed)), String::new(), Vec::new())
        }
        Expr::Neg(inner) => eval(inner, year, terms, used, missing)?.map(|v| -v),
        Expr::Binary(op, left, right) => {
            let a = eval(left, year, terms, used, missing)?;
            let b = eval(right, year, terms, used, missing)?;
            match (a, b) {
                (Some(a), Some(b)) => Some(apply(*op, a, b, right)?),
                _ => None,
            }
        }
    })
}

fn apply(op: Op, a: Decimal, b: Decimal, right: &Expr) -> Result<Decimal, EvalError> {
    let result = match op {
        Op::Add => a.checked_add(b),
        Op::Sub => a.checked_sub(b),
        Op::Mul => a.checked_mul(b),
        Op::Div if b.is_zero() => {
            return Err(if right.is_meta() {
                EvalError::NothingAssessed
            } else {
                EvalError::DivisionByZero(describe(right))
            });
        }
        Op::Div => a.checked_div(b),
    };
    result.ok_or(EvalError::Overflow)
}

/// The text of a sub-expression, for messages.
pub fn describe(expr: &Expr) -> String {
    match expr {
        Expr::Number(n) => n.to_string(),
        Expr::Neg(inner) => format!("-{}", describe(inner)),
        Expr::Binary(op, a, b) => format!("({} {} {})", describe(a), op.symbol(), describe(b)),
        leaf => term_key(leaf).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::str::FromStr;

    use super::*;
    use crate::syntax::formula::parse_formula;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).expect("decimal")
    }

    #[derive(Default)]
    struct Fixture {
        measures: BTreeMap<(String, Year), Decimal>,
        indicators: BTreeMap<(String, Year), Decimal>,
        achievements: Vec<Decimal>,
    }

    impl Terms for Fixture {
        fn measure(&self, name: &str, year: Year) -> Option<Decimal> {
            self.measures.get(&(name.to_string(), year)).copied()
        }
        fn indicator(&self, id: &str, year: Year) -> Option<Decimal> {
            self.indicators.get(&(id.to_string(), year)).copied()
        }
        fn counts(&self, _: Year, threshold: Decimal) -> (usize, usize) {
            let above = self
                .achievements
                .iter()
                .filter(|a| **a >= threshold)
                .count();
            (above, self.achievements.len())
        }
    }

    fn with_measures(values: &[(&str, Year, &str)]) -> Fixture {
        let mut fixture = Fixture::default();
        for (name, year, value) in values {
            fixture.measures.insert((name.to_string(), *year), d(value));
        }
        fixture
    }

    fn run(
        formula: &str,
        year: Year,
        fixture: &Fixture,
    ) -> Result<(Decimal, Vec<Term>), EvalError> {
        evaluate(&parse_formula(formula).expect("formula"), year, fixture)
    }

    #[test]
    fn ratio_in_percent() {
        // 106 / 64.356 × 100 = 0,16470880...%
        let fixture = with_measures(&[("num", 2022, "106"), ("den", 2022, "64356")]);
        let (value, terms) = run("num / den * 100", 2022, &fixture).expect("value");
        assert_eq!(value.round_dp(4), d("0.1647"));
        assert_eq!(
            terms.iter().map(|t| t.key.as_str()).collect::<Vec<_>>(),
            ["num", "den"]
        );
    }

    #[test]
    fn previous_year_and_mean_of_earlier_years() {
        let fixture = with_measures(&[
            ("t", 2021, "80"),
            ("t", 2022, "88"),
            ("x", 2019, "40"),
            ("x", 2020, "48.46"),
            ("x", 2021, "46.72"),
            ("x", 2022, "50"),
        ]);
        // 88 / 80 = 1,1
        assert_eq!(
            run("t / prev(t)", 2022, &fixture).expect("ratio").0,
            d("1.1")
        );
        // 88 - 80 = 8
        assert_eq!(run("t - prev(t)", 2022, &fixture).expect("diff").0, d("8"));
        // mean(40; 48,46; 46,72) = 135,18 / 3 = 45,06; 50 / 45,06 = 1,10963...
        let (value, terms) = run("x / mean_prev(x, 3)", 2022, &fixture).expect("mean");
        assert_eq!(value.round_dp(5), d("1.10963"));
        assert_eq!(terms[1].value, d("45.06"));
        assert_eq!(terms[1].years.len(), 3);
    }

    #[test]
    fn missing_terms_are_all_listed() {
        let fixture = with_measures(&[("num", 2022, "1")]);
        assert_eq!(
            run("num / den + prev(num)", 2022, &fixture),
            Err(EvalError::Missing(vec![
                "den (2022)".into(),
                "num (2021)".into()
            ]))
        );
        assert_eq!(
            run(
                "x / mean_prev(x, 2)",
                2022,
                &with_measures(&[("x", 2022, "3"), ("x", 2021, "3")])
            ),
            Err(EvalError::Missing(vec!["x (2020)".into()]))
        );
    }

    #[test]
    fn division_by_zero_is_an_error_but_an_empty_scope_is_not() {
        let fixture = with_measures(&[("num", 2022, "3"), ("den", 2022, "0")]);
        assert_eq!(
            run("num / den", 2022, &fixture),
            Err(EvalError::DivisionByZero("den".into()))
        );
        assert_eq!(
            run(
                "count_above(90) / count_assessed() * 100",
                2023,
                &Fixture::default()
            ),
            Err(EvalError::NothingAssessed)
        );
    }

    #[test]
    fn meta_indicators_count_achievements() {
        let fixture = Fixture {
            achievements: vec![d("100"), d("95"), d("89.99"), d("50")],
            ..Fixture::default()
        };
        // 2 of 4 at or above 90%: 50%.
        let (value, _) =
            run("count_above(90) / count_assessed() * 100", 2023, &fixture).expect("meta");
        assert_eq!(value, d("50"));
    }

    #[test]
    fn other_indicators_and_overflow() {
        let mut fixture = with_measures(&[("esportatrici", 2022, "708")]);
        fixture
            .indicators
            .insert(("supporto".into(), 2022), d("80"));
        // 80 / 708 × 100 = 11,2994...
        let (value, _) =
            run("indicator(supporto) / esportatrici * 100", 2022, &fixture).expect("value");
        assert_eq!(value.round_dp(4), d("11.2994"));
        let big = with_measures(&[("a", 2022, "79000000000000000000000000000")]);
        assert_eq!(run("a * a", 2022, &big), Err(EvalError::Overflow));
    }
}
