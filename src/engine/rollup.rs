//! Rolling achievement up: indicators -> objectives -> ambiti -> plan.
//!
//! An objective's achievement is the weighted mean of its assessable
//! indicators' (capped) achievement; an ambito's, the weighted mean of its
//! top-level objectives; the plan's, the mean of its ambiti. Indicators that
//! cannot be assessed are left out, never counted as zero.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;
use serde::Serialize;

use crate::engine::scoring::Status;
use crate::engine::{Assessment, IndicatorResult, Reason, ValueStatus};
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
    /// What the achievement is the mean of (indicators for an objective,
    /// top-level objectives for an ambito, ambiti for the plan): how many
    /// there are, and how many have an achievement.
    pub parts: usize,
    pub parts_assessed: usize,
}

impl YearRollup {
    fn new(
        achievement: Option<Decimal>,
        all_reached: bool,
        counts: StatusCounts,
        parts: (usize, usize),
        rules: &ScoringRules,
    ) -> Self {
        YearRollup {
            achievement,
            status: status_of(achievement, all_reached, rules),
            counts,
            parts: parts.0,
            parts_assessed: parts.1,
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct StatusCounts {
    pub raggiunto: usize,
    pub parzialmente_raggiunto: usize,
    pub non_raggiunto: usize,
    pub non_valutabile: usize,
    /// Of the assessed targets, those scored on a monitoring reading.
    pub monitoring: usize,
    /// The not assessable ones, by reason.
    pub not_assessable: ReasonCounts,
}

/// Not assessable targets by [`Reason`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ReasonCounts {
    pub no_value: usize,
    pub not_available: usize,
    pub target_to_be_defined: usize,
    pub comparison_missing: usize,
    pub target_not_measurable: usize,
    pub neutralised: usize,
}

impl ReasonCounts {
    fn slot(&mut self, reason: Reason) -> &mut usize {
        match reason {
            Reason::NoValue => &mut self.no_value,
            Reason::NotAvailable => &mut self.not_available,
            Reason::TargetToBeDefined => &mut self.target_to_be_defined,
            Reason::ComparisonMissing => &mut self.comparison_missing,
            Reason::TargetNotMeasurable => &mut self.target_not_measurable,
            Reason::Neutralised => &mut self.neutralised,
        }
    }

    pub fn get(&self, reason: Reason) -> usize {
        match reason {
            Reason::NoValue => self.no_value,
            Reason::NotAvailable => self.not_available,
            Reason::TargetToBeDefined => self.target_to_be_defined,
            Reason::ComparisonMissing => self.comparison_missing,
            Reason::TargetNotMeasurable => self.target_not_measurable,
            Reason::Neutralised => self.neutralised,
        }
    }
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

    /// Counts one assessed year: its status, its reason when not
    /// assessable, and whether it rests on a monitoring reading.
    pub fn add_assessment(&mut self, assessment: &Assessment, value: Option<ValueStatus>) {
        self.add(assessment.status);
        if let Some(reason) = assessment.reason {
            *self.not_assessable.slot(reason) += 1;
        } else if value == Some(ValueStatus::Monitoring) {
            self.monitoring += 1;
        }
    }

    pub fn merge(&mut self, other: &StatusCounts) {
        self.raggiunto += other.raggiunto;
        self.parzialmente_raggiunto += other.parzialmente_raggiunto;
        self.non_raggiunto += other.non_raggiunto;
        self.non_valutabile += other.non_valutabile;
        self.monitoring += other.monitoring;
        for reason in Reason::ALL {
            *self.not_assessable.slot(reason) += other.not_assessable.get(reason);
        }
    }

    /// Targets with an achievement.
    pub fn assessed(&self) -> usize {
        self.total() - self.non_valutabile
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
                    let Some((assessment, value)) = result
                        .years
                        .get(&year)
                        .and_then(|y| Some((y.assessment.as_ref()?, y.value_status)))
                    else {
                        continue;
                    };
                    counts.add_assessment(assessment, value);
                    parts.push((
                        indicator.weight,
                        assessment.score.as_ref().map(|s| s.achievement),
                    ));
                }
                let all_reached = counts.raggiunto == counts.assessed();
                let assessed = parts.iter().filter(|(_, a)| a.is_some()).count();
                rollup.years.insert(
                    year,
                    YearRollup::new(
                        weighted_mean(&parts),
                        all_reached,
                        counts,
                        (parts.len(), assessed),
                        rules,
                    ),
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
        let counting_parts = parts.iter().filter(|(_, _, counting)| *counting).count();
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
        let assessed = means.iter().filter(|(_, a)| a.is_some()).count();
        rollup.years.insert(
            year,
            YearRollup::new(
                weighted_mean(&means),
                all_reached,
                counts,
                (counting_parts, assessed),
                rules,
            ),
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
