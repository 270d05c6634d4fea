//! Scoring one indicator in one year against its target, by the rules in
//! the config (the body's SMVP). Pure arithmetic on decimals.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::{Comparator, Date, ScoringRule, ScoringRules};

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Raggiunto,
    ParzialmenteRaggiunto,
    NonRaggiunto,
    NonValutabile,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Raggiunto,
        Status::ParzialmenteRaggiunto,
        Status::NonRaggiunto,
        Status::NonValutabile,
    ];

    /// The code used in data files.
    pub fn code(self) -> &'static str {
        match self {
            Status::Raggiunto => "raggiunto",
            Status::ParzialmenteRaggiunto => "parzialmente_raggiunto",
            Status::NonRaggiunto => "non_raggiunto",
            Status::NonValutabile => "non_valutabile",
        }
    }

    /// Status from achievement when the target is not met.
    pub fn from_bands(met: bool, achievement: Decimal, rules: &ScoringRules) -> Status {
        if met {
            Status::Raggiunto
        } else if achievement >= rules.partial_from {
            Status::ParzialmenteRaggiunto
        } else {
            Status::NonRaggiunto
        }
    }
}

/// The rule applied, with its numbers, so the working can be shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum Rule {
    /// Higher is better: actual / target.
    Ratio { actual: Decimal, target: Decimal },
    /// Lower is better: 100% when actual <= target, else target / actual.
    InverseRatio { actual: Decimal, target: Decimal },
    /// All or nothing: the target is met or not.
    Binary { actual: Decimal, target: Decimal },
    /// A target at or below zero, on the line from a baseline (0%) to the
    /// target (100%).
    Linear {
        actual: Decimal,
        target: Decimal,
        baseline: Decimal,
    },
    /// The value must be zero.
    Zero { actual: Decimal },
    /// Done by the due date; `delay`: the days after it (0 when on time).
    Deadline { done: Date, due: Date, delay: i64 },
    /// Not done (`non realizzato`) by the due date.
    NotDone { due: Date },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    /// Achievement in %, as computed (may exceed 100 or fall below 0).
    pub achievement_raw: Decimal,
    /// Achievement in %, within 0 and the cap: what roll-ups count.
    pub achievement: Decimal,
    pub met: bool,
    pub status: Status,
    /// Actual minus target (scostamento), where both are numbers.
    pub deviation: Option<Decimal>,
    /// The deviation in % of the target.
    pub deviation_pct: Option<Decimal>,
    pub rule: Rule,
}

/// Scores a number against a numeric target with a comparator; `None` when
/// the numbers are too large to divide exactly.
pub fn score_threshold(
    actual: Decimal,
    comparator: Comparator,
    target: Decimal,
    baseline: Option<Decimal>,
    rules: &ScoringRules,
) -> Option<Score> {
    let met = comparator.holds(actual, target);
    let binary = |met: bool| if met { HUNDRED } else { Decimal::ZERO };
    let percent = |a: Decimal, b: Decimal| a.checked_div(b)?.checked_mul(HUNDRED);
    let (raw, rule) = if target <= Decimal::ZERO {
        match baseline.filter(|b| *b != target) {
            Some(baseline) => (
                percent(actual.checked_sub(baseline)?, target.checked_sub(baseline)?)?,
                Rule::Linear {
                    actual,
                    target,
                    baseline,
                },
            ),
            None => (binary(met), Rule::Binary { actual, target }),
        }
    } else if comparator.higher_is_better() {
        match rules.higher_is_better {
            ScoringRule::Proportional => (percent(actual, target)?, Rule::Ratio { actual, target }),
            ScoringRule::Binary => (binary(met), Rule::Binary { actual, target }),
        }
    } else {
        match rules.lower_is_better {
            ScoringRule::Proportional if actual <= target || actual <= Decimal::ZERO => {
                (HUNDRED, Rule::InverseRatio { actual, target })
            }
            ScoringRule::Proportional => (
                percent(target, actual)?,
                Rule::InverseRatio { actual, target },
            ),
            ScoringRule::Binary => (binary(met), Rule::Binary { actual, target }),
        }
    };
    // A met target counts in full; a missed one never does.
    let raw = if met {
        raw.max(HUNDRED)
    } else {
        raw.min(HUNDRED)
    };
    Some(finish(raw, met, Some((actual, target)), rule, rules))
}

pub fn score_zero(actual: Decimal, rules: &ScoringRules) -> Score {
    let met = actual.is_zero();
    let raw = if met { HUNDRED } else { Decimal::ZERO };
    finish(
        raw,
        met,
        Some((actual, Decimal::ZERO)),
        Rule::Zero { actual },
        rules,
    )
}

pub fn score_deadline(done: Date, due: Date, rules: &ScoringRules) -> Score {
    let met = done <= due;
    let raw = if met { HUNDRED } else { Decimal::ZERO };
    let delay = crate::syntax::date::days_between(due, done).max(0);
    finish(raw, met, None, Rule::Deadline { done, due, delay }, rules)
}

/// A deadline whose work was not done: missed.
pub fn score_not_done(due: Date, rules: &ScoringRules) -> Score {
    finish(Decimal::ZERO, false, None, Rule::NotDone { due }, rules)
}

fn finish(
    raw: Decimal,
    met: bool,
    numbers: Option<(Decimal, Decimal)>,
    rule: Rule,
    rules: &ScoringRules,
) -> Score {
    let achievement = raw.max(Decimal::ZERO).min(rules.cap);
    let deviation = numbers.and_then(|(actual, target)| actual.checked_sub(target));
    let deviation_pct =
        numbers
            .filter(|(_, target)| !target.is_zero())
            .and_then(|(actual, target)| {
                actual
                    .checked_sub(target)?
                    .checked_div(target.abs())?
                    .checked_mul(HUNDRED)
            });
    Score {
        achievement_raw: raw,
        achievement,
        met,
        status: Status::from_bands(met, achievement, rules),
        deviation,
        deviation_pct,
        rule,
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).expect("decimal")
    }

    fn rules() -> ScoringRules {
        ScoringRules::default()
    }

    #[test]
    fn higher_is_better_is_proportional_and_capped() {
        // 61,08% against >= 63%: 61.08 / 63 = 96.95%, partly reached.
        let score =
            score_threshold(d("61.08"), Comparator::Ge, d("63"), None, &rules()).expect("score");
        assert_eq!(score.achievement.round_dp(2), d("96.95"));
        assert_eq!(score.status, Status::ParzialmenteRaggiunto);
        assert_eq!(score.deviation, Some(d("-1.92")));
        // -1.92 / 63 = -3.0476...%
        assert_eq!(score.deviation_pct.map(|p| p.round_dp(2)), Some(d("-3.05")));
        // 6,22 against >= 5: 124.4% raw, 100% in roll-ups, reached.
        let score =
            score_threshold(d("6.22"), Comparator::Ge, d("5"), None, &rules()).expect("score");
        assert_eq!(score.achievement_raw, d("124.4"));
        assert_eq!(score.achievement, d("100"));
        assert_eq!(score.status, Status::Raggiunto);
        // 40 against >= 80: 50%, not reached (below the 70% band).
        let score =
            score_threshold(d("40"), Comparator::Ge, d("80"), None, &rules()).expect("score");
        assert_eq!(score.achievement, d("50"));
        assert_eq!(score.status, Status::NonRaggiunto);
    }

    #[test]
    fn strict_comparators_need_more_than_equality() {
        let score =
            score_threshold(d("10"), Comparator::Gt, d("10"), None, &rules()).expect("score");
        assert!(!score.met);
        assert_eq!(score.achievement, d("100"));
        assert_eq!(score.status, Status::ParzialmenteRaggiunto);
    }

    #[test]
    fn lower_is_better() {
        // 2,24 days against <= 3: met.
        let score =
            score_threshold(d("2.24"), Comparator::Le, d("3"), None, &rules()).expect("score");
        assert_eq!(
            (score.achievement, score.status),
            (d("100"), Status::Raggiunto)
        );
        // 4 days against <= 3: 3 / 4 = 75%, partly reached.
        let score = score_threshold(d("4"), Comparator::Le, d("3"), None, &rules()).expect("score");
        assert_eq!(
            (score.achievement, score.status),
            (d("75"), Status::ParzialmenteRaggiunto)
        );
        // 6 days against < 3: 50%.
        let score = score_threshold(d("6"), Comparator::Lt, d("3"), None, &rules()).expect("score");
        assert_eq!(
            (score.achievement, score.status),
            (d("50"), Status::NonRaggiunto)
        );
    }

    #[test]
    fn targets_at_or_below_zero_are_met_or_not() {
        // -8,75 days against <= 0: met.
        let score =
            score_threshold(d("-8.75"), Comparator::Le, d("0"), None, &rules()).expect("score");
        assert_eq!((score.achievement, score.met), (d("100"), true));
        // -8,33% against >= -6,00%: not met, 0%.
        let score =
            score_threshold(d("-8.33"), Comparator::Ge, d("-6"), None, &rules()).expect("score");
        assert_eq!(
            (score.achievement, score.status),
            (d("0"), Status::NonRaggiunto)
        );
        // With a baseline of -10: (-8.33 + 10) / (-6 + 10) = 1.67 / 4 = 41.75%.
        let score = score_threshold(
            d("-8.33"),
            Comparator::Ge,
            d("-6"),
            Some(d("-10")),
            &rules(),
        )
        .expect("score");
        assert_eq!(score.achievement, d("41.75"));
        assert!(matches!(score.rule, Rule::Linear { .. }));
    }

    #[test]
    fn binary_rules_from_the_config() {
        let rules = ScoringRules {
            higher_is_better: ScoringRule::Binary,
            ..ScoringRules::default()
        };
        let score =
            score_threshold(d("95"), Comparator::Ge, d("100"), None, &rules).expect("score");
        assert_eq!(
            (score.achievement, score.status),
            (d("0"), Status::NonRaggiunto)
        );
    }

    #[test]
    fn partial_band_is_a_setting() {
        let rules = ScoringRules {
            partial_from: d("90"),
            ..ScoringRules::default()
        };
        let score =
            score_threshold(d("85"), Comparator::Ge, d("100"), None, &rules).expect("score");
        assert_eq!(score.status, Status::NonRaggiunto);
    }

    #[test]
    fn zero_and_deadlines() {
        assert_eq!(score_zero(d("0"), &rules()).status, Status::Raggiunto);
        let missed = score_zero(d("1"), &rules());
        assert_eq!(
            (missed.achievement, missed.status),
            (d("0"), Status::NonRaggiunto)
        );
        let date = |m, d| Date {
            year: 2023,
            month: m,
            day: d,
        };
        assert_eq!(
            score_deadline(date(7, 15), date(7, 31), &rules()).status,
            Status::Raggiunto
        );
        assert_eq!(
            score_deadline(date(7, 31), date(7, 31), &rules()).status,
            Status::Raggiunto
        );
        let late = score_deadline(date(8, 15), date(7, 31), &rules());
        assert_eq!(
            (late.achievement, late.status),
            (d("0"), Status::NonRaggiunto)
        );
        assert!(matches!(late.rule, Rule::Deadline { delay: 15, .. }));
        let on_time = score_deadline(date(7, 15), date(7, 31), &rules());
        assert!(matches!(on_time.rule, Rule::Deadline { delay: 0, .. }));
        let not_done = score_not_done(date(7, 31), &rules());
        assert_eq!(
            (not_done.achievement, not_done.status, not_done.met),
            (d("0"), Status::NonRaggiunto, false)
        );
    }

    #[test]
    fn negative_actuals_never_count_below_zero() {
        let score =
            score_threshold(d("-5"), Comparator::Ge, d("10"), None, &rules()).expect("score");
        assert_eq!(score.achievement_raw, d("-50"));
        assert_eq!(score.achievement, d("0"));
    }
}
