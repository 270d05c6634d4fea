//! Rolling achievement up: indicators -> objectives -> ambiti -> plan.
//!
//! An objective's achievement is the weighted mean of its assessable
//! indicators' (capped) achievement; an ambito's, the weighted mean of its
//! top-level objectives; the plan's, the mean of its ambiti. Indicators that
//! cannot be assessed are left out, never counted as zero.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;
use serde::Serialize;

use crate::engine::IndicatorResult;
use crate::engine::scoring::Status;
use crate::model::{Plan, PlanIndex, ScoringRules, Year};

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Rollup {
    pub years: BTreeMap<Year, YearRollup>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearRollup {
    /// Achievement in %, or `None` when nothing could be assessed.
    pub achievement: Option<Decimal>,
    pub status: Status,
    /// Targets of that year by status (for ambiti and the plan: every
    /// indicator of their objectives, operational ones included).
    pub counts: StatusCounts,
}

impl YearRollup {
    fn new(
        achievement: Option<Decimal>,
        all_reached: bool,
        counts: StatusCounts,
        rules: &ScoringRules,
    ) -> Self {
        YearRollup {
            achievement,
            status: status_of(achievement, all_reached, rules),
            counts,
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct StatusCounts {
    pub raggiunto: usize,
    pub parzialmente_raggiunto: usize,
    pub non_raggiunto: usize,
    pub non_valutabile: usize,
}

impl StatusCounts {
    pub fn add(&mut self, status: Status) {
        match status {
            Status::Raggiunto => self.raggiunto += 1,
            Status::ParzialmenteRaggiunto => self.parzialmente_raggiunto += 1,
            Status::NonRaggiunto => self.non_raggiunto += 1,
            Status::NonValutabile => self.non_valutabile += 1,
        }
    }

    pub fn merge(&mut self, other: &StatusCounts) {
        self.raggiunto += other.raggiunto;
        self.parzialmente_raggiunto += other.parzialmente_raggiunto;
        self.non_raggiunto += other.non_raggiunto;
        self.non_valutabile += other.non_valutabile;
    }

    pub fn total(&self) -> usize {
        self.raggiunto + self.parzialmente_raggiunto + self.non_raggiunto + self.non_valutabile
    }

    pub fn get(&self, status: Status) -> usize {
        match status {
            Status::Raggiunto => self.raggiunto,
            Status::ParzialmenteRaggiunto => self.parzialmente_raggiunto,
            Status::NonRaggiunto => self.non_raggiunto,
            Status::NonValutabile => self.non_valutabile,
        }
    }
}

/// A weighted mean of the parts that have a value.
fn weighted_mean(parts: &[(Decimal, Option<Decimal>)]) -> Option<Decimal> {
    let mut sum = Decimal::ZERO;
    let mut weights = Decimal::ZERO;
    for (weight, value) in parts {
        if let Some(value) = value {
            sum = sum.checked_add(value.checked_mul(*weight)?)?;
            weights = weights.checked_add(*weight)?;
        }
    }
    (!weights.is_zero())
        .then(|| sum.checked_div(weights))
        .flatten()
}

/// Status of a roll-up: reached when every assessed part was reached,
/// else by the bands on the mean.
fn status_of(achievement: Option<Decimal>, all_reached: bool, rules: &ScoringRules) -> Status {
    match achievement {
        None => Status::NonValutabile,
        Some(a) => Status::from_bands(all_reached, a, rules),
    }
}

pub fn roll_up(
    plan: &Plan,
    index: &PlanIndex,
    indicators: &[Vec<IndicatorResult>],
) -> (Vec<Rollup>, Vec<Rollup>, Rollup) {
    let rules = &plan.config.scoring;
    let objectives: Vec<Rollup> = plan
        .objectives
        .iter()
        .zip(indicators)
        .map(|(objective, results)| {
            let years: BTreeSet<Year> = objective
                .indicators
                .iter()
                .flat_map(|i| i.targets.keys().copied())
                .collect();
            let mut rollup = Rollup::default();
            for year in years {
                let mut parts = Vec::new();
                let mut counts = StatusCounts::default();
                for (indicator, result) in objective.indicators.iter().zip(results) {
                    let Some(assessment) =
                        result.years.get(&year).and_then(|y| y.assessment.as_ref())
                    else {
                        continue;
                    };
                    counts.add(assessment.status);
                    parts.push((
                        indicator.weight,
                        assessment.score.as_ref().map(|s| s.achievement),
                    ));
                }
                let all_reached = counts.raggiunto == counts.total() - counts.non_valutabile;
                rollup.years.insert(
                    year,
                    YearRollup::new(weighted_mean(&parts), all_reached, counts, rules),
                );
            }
            rollup
        })
        .collect();

    let ambiti: Vec<Rollup> = plan
        .config
        .ambiti
        .iter()
        .map(|ambito| {
            let members: Vec<usize> = plan
                .objectives
                .iter()
                .enumerate()
                .filter(|(_, o)| index.ambito_of(plan, o) == Some(ambito.id.as_str()))
                .map(|(position, _)| position)
                .collect();
            combine(
                members.iter().map(|&o| {
                    let objective = &plan.objectives[o];
                    (
                        objective.weight,
                        &objectives[o],
                        objective.kind.is_top_level(),
                    )
                }),
                rules,
            )
        })
        .collect();
    let whole = combine(ambiti.iter().map(|r| (Decimal::ONE, r, true)), rules);
    (objectives, ambiti, whole)
}

/// Combines roll-ups: achievement from the parts marked as counting, status
/// counts from all of them.
fn combine<'a>(
    parts: impl Iterator<Item = (Decimal, &'a Rollup, bool)>,
    rules: &ScoringRules,
) -> Rollup {
    let parts: Vec<(Decimal, &Rollup, bool)> = parts.collect();
    let years: BTreeSet<Year> = parts
        .iter()
        .flat_map(|(_, r, _)| r.years.keys().copied())
        .collect();
    let mut rollup = Rollup::default();
    for year in years {
        let mut counts = StatusCounts::default();
        let mut means = Vec::new();
        let mut all_reached = true;
        for (weight, part, counting) in &parts {
            let Some(y) = part.years.get(&year) else {
                continue;
            };
            counts.merge(&y.counts);
            if *counting {
                means.push((*weight, y.achievement));
                if y.achievement.is_some() && y.status != Status::Raggiunto {
                    all_reached = false;
                }
            }
        }
        rollup.years.insert(
            year,
            YearRollup::new(weighted_mean(&means), all_reached, counts, rules),
        );
    }
    rollup
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).expect("decimal")
    }

    #[test]
    fn weighted_mean_skips_the_unassessable() {
        // (100 × 1 + 50 × 3) / 4 = 62,5; the missing part is not a zero.
        let parts = [
            (d("1"), Some(d("100"))),
            (d("3"), Some(d("50"))),
            (d("5"), None),
        ];
        assert_eq!(weighted_mean(&parts), Some(d("62.5")));
        assert_eq!(weighted_mean(&[(d("1"), None)]), None);
    }

    #[test]
    fn status_of_a_rollup() {
        let rules = ScoringRules::default();
        assert_eq!(status_of(Some(d("100")), true, &rules), Status::Raggiunto);
        assert_eq!(
            status_of(Some(d("98")), false, &rules),
            Status::ParzialmenteRaggiunto
        );
        assert_eq!(
            status_of(Some(d("60")), false, &rules),
            Status::NonRaggiunto
        );
        assert_eq!(status_of(None, true, &rules), Status::NonValutabile);
    }
}
