//! Rolling achievement up: indicators -> objectives (-> their parents, down
//! a tree of any depth) -> ambiti -> plan, by one rule for the whole plan
//! (`scoring.rollup`, the SMVP's):
//!
//! - `own` (the default): an objective's achievement is the weighted mean of
//!   its assessable indicators' (capped) achievement; its children are scored
//!   apart and enter no parent's figures;
//! - `children`: an objective with children that have targets in the year
//!   takes the weighted mean of theirs (objective weights); one without, its
//!   own indicators';
//! - a weighted mix of the two.
//!
//! An ambito's achievement is the weighted mean of its top-level objectives',
//! the plan's the mean of its ambiti. The counts of outcomes of every
//! roll-up are exactly the targets its achievement rests on, so that counts
//! and percentages always agree. Indicators that cannot be assessed are left
//! out, never counted as zero.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;
use serde::Serialize;

use crate::engine::scoring::Status;
use crate::engine::{Assessment, IndicatorResult, Reason, ValueStatus};
use crate::model::{Plan, PlanIndex, RollupRule, ScoringRules, Year};

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
    /// and its children when the rule counts them; top-level objectives for
    /// an ambito, ambiti for the plan): how many there are, and how many
    /// have an achievement.
    pub parts: usize,
    pub parts_assessed: usize,
    /// For an objective scored on its children (or on a mix): the mean of
    /// its own indicators and the mean of its children, the two the
    /// achievement combines.
    pub own: Option<Decimal>,
    pub children: Option<Decimal>,
    /// Whether the children entered the achievement this year.
    pub from_children: bool,
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
            own: None,
            children: None,
            from_children: false,
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
    let own: Vec<Rollup> = plan
        .objectives
        .iter()
        .zip(indicators)
        .map(|(objective, results)| {
            own_rollup(
                objective.indicators.iter().map(|i| i.weight).zip(results),
                &objective
                    .indicators
                    .iter()
                    .flat_map(|i| i.targets.keys().copied())
                    .collect(),
                rules,
            )
        })
        .collect();
    let objectives = match rules.rollup {
        RollupRule::Own => own,
        rule => with_children(plan, index, own, rule, rules),
    };

    let ambiti: Vec<Rollup> = plan
        .config
        .ambiti
        .iter()
        .map(|ambito| {
            combine(
                plan.objectives
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| {
                        plan.is_top_level(o) && index.ambito_of(plan, o) == Some(ambito.id.as_str())
                    })
                    .map(|(position, o)| (o.weight, &objectives[position])),
                rules,
            )
        })
        .collect();
    let whole = combine(ambiti.iter().map(|r| (Decimal::ONE, r)), rules);
    (objectives, ambiti, whole)
}

/// An objective scored on its own indicators: `(weight, result)` of each.
fn own_rollup<'a>(
    indicators: impl Iterator<Item = (Decimal, &'a IndicatorResult)> + Clone,
    years: &BTreeSet<Year>,
    rules: &ScoringRules,
) -> Rollup {
    let mut rollup = Rollup::default();
    for &year in years {
        let mut parts = Vec::new();
        let mut counts = StatusCounts::default();
        for (weight, result) in indicators.clone() {
            let Some((assessment, value)) = result
                .years
                .get(&year)
                .and_then(|y| Some((y.assessment.as_ref()?, y.value_status)))
            else {
                continue;
            };
            counts.add_assessment(assessment, value);
            parts.push((weight, assessment.score.as_ref().map(|s| s.achievement)));
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
}

/// Objectives scored on their children (or on a mix of theirs and their
/// own indicators): children first, from the deepest level up, so that each
/// parent combines figures already rolled up.
fn with_children(
    plan: &Plan,
    index: &PlanIndex,
    own: Vec<Rollup>,
    rule: RollupRule,
    rules: &ScoringRules,
) -> Vec<Rollup> {
    let mut order: Vec<usize> = (0..plan.objectives.len()).collect();
    order.sort_by_key(|&o| std::cmp::Reverse(plan.kind(&plan.objectives[o]).level));
    let mut done: Vec<Option<Rollup>> = vec![None; own.len()];
    for o in order {
        let children: Vec<(Decimal, &Rollup)> = index
            .children(o)
            .iter()
            .map(|&c| {
                (
                    plan.objectives[c].weight,
                    done[c].as_ref().unwrap_or(&own[c]),
                )
            })
            .collect();
        let rolled = if children.is_empty() {
            own[o].clone()
        } else {
            parent_rollup(&own[o], &children, rule, rules)
        };
        done[o] = Some(rolled);
    }
    done.into_iter()
        .zip(own)
        .map(|(rolled, own)| rolled.unwrap_or(own))
        .collect()
}

/// A parent's roll-up from its own and its children's, by the rule.
fn parent_rollup(
    own: &Rollup,
    children: &[(Decimal, &Rollup)],
    rule: RollupRule,
    rules: &ScoringRules,
) -> Rollup {
    let years: BTreeSet<Year> = own
        .years
        .keys()
        .chain(children.iter().flat_map(|(_, r)| r.years.keys()))
        .copied()
        .collect();
    let mut rollup = Rollup::default();
    for year in years {
        let from_children = combine(
            children
                .iter()
                .filter(|(_, r)| r.years.contains_key(&year))
                .map(|(w, r)| (*w, *r)),
            rules,
        )
        .years
        .remove(&year);
        let own_year = own.years.get(&year);
        // No child has a target this year: the objective's own indicators.
        let Some(children_year) = from_children else {
            if let Some(own_year) = own_year {
                rollup.years.insert(year, own_year.clone());
            }
            continue;
        };
        let own_achievement = own_year.and_then(|y| y.achievement);
        let (achievement, counts, parts) = match rule {
            RollupRule::Children | RollupRule::Own => (
                children_year.achievement,
                children_year.counts,
                (children_year.parts, children_year.parts_assessed),
            ),
            RollupRule::Mixed {
                own: own_weight,
                children: children_weight,
            } => {
                let mut counts = children_year.counts;
                let (mut parts, mut assessed) = (children_year.parts, children_year.parts_assessed);
                if let Some(own_year) = own_year {
                    counts.merge(&own_year.counts);
                    parts += own_year.parts;
                    assessed += own_year.parts_assessed;
                }
                (
                    weighted_mean(&[
                        (own_weight, own_achievement),
                        (children_weight, children_year.achievement),
                    ]),
                    counts,
                    (parts, assessed),
                )
            }
        };
        let all_reached = counts.raggiunto == counts.assessed();
        let mut year_rollup = YearRollup::new(achievement, all_reached, counts, parts, rules);
        year_rollup.own = own_achievement;
        year_rollup.children = children_year.achievement;
        year_rollup.from_children = true;
        rollup.years.insert(year, year_rollup);
    }
    rollup
}

/// Combines roll-ups `(weight, rollup)`: the weighted mean of their
/// achievements, the sum of their counts.
fn combine<'a>(parts: impl Iterator<Item = (Decimal, &'a Rollup)>, rules: &ScoringRules) -> Rollup {
    let parts: Vec<(Decimal, &Rollup)> = parts.collect();
    let years: BTreeSet<Year> = parts
        .iter()
        .flat_map(|(_, r)| r.years.keys().copied())
        .collect();
    let mut rollup = Rollup::default();
    for year in years {
        let mut counts = StatusCounts::default();
        let mut means = Vec::new();
        let mut all_reached = true;
        for (weight, part) in &parts {
            let Some(y) = part.years.get(&year) else {
                continue;
            };
            counts.merge(&y.counts);
            means.push((*weight, y.achievement));
            if y.achievement.is_some() && y.status != Status::Raggiunto {
                all_reached = false;
            }
        }
        let assessed = means.iter().filter(|(_, a)| a.is_some()).count();
        rollup.years.insert(
            year,
            YearRollup::new(
                weighted_mean(&means),
                all_reached,
                counts,
                (parts.len(), assessed),
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

    /// A roll-up of one year with an achievement (or none) and counts of
    /// (raggiunti, parziali, non raggiunti, non valutabili).
    fn rolled(year: Year, achievement: Option<&str>, counts: [usize; 4]) -> Rollup {
        let rules = ScoringRules::default();
        let counts = StatusCounts {
            raggiunto: counts[0],
            parzialmente_raggiunto: counts[1],
            non_raggiunto: counts[2],
            non_valutabile: counts[3],
            ..StatusCounts::default()
        };
        let all_reached = counts.raggiunto == counts.assessed();
        let parts = (counts.total(), counts.assessed());
        let mut rollup = Rollup::default();
        rollup.years.insert(
            year,
            YearRollup::new(achievement.map(d), all_reached, counts, parts, &rules),
        );
        rollup
    }

    #[test]
    fn a_parent_on_its_children_takes_their_weighted_mean_and_their_counts() {
        let rules = ScoringRules::default();
        let own = rolled(2024, Some("100"), [1, 0, 0, 0]);
        let a = rolled(2024, Some("40"), [0, 0, 1, 0]);
        let b = rolled(2024, Some("100"), [2, 0, 0, 1]);
        // (40 × 1 + 100 × 3) / 4 = 85; the own indicator does not enter.
        let parent = parent_rollup(
            &own,
            &[(d("1"), &a), (d("3"), &b)],
            RollupRule::Children,
            &rules,
        );
        let y = &parent.years[&2024];
        assert_eq!(y.achievement, Some(d("85")));
        assert_eq!(y.status, Status::ParzialmenteRaggiunto);
        assert_eq!(
            (
                y.counts.raggiunto,
                y.counts.non_raggiunto,
                y.counts.non_valutabile
            ),
            (2, 1, 1)
        );
        assert_eq!(
            (y.own, y.children, y.from_children),
            (Some(d("100")), Some(d("85")), true)
        );
    }

    #[test]
    fn a_mixed_rule_weighs_own_and_children_and_counts_both() {
        let rules = ScoringRules::default();
        let own = rolled(2024, Some("62"), [0, 0, 1, 0]);
        let child = rolled(2024, Some("79.0625"), [2, 1, 1, 0]);
        let mix = RollupRule::Mixed {
            own: d("40"),
            children: d("60"),
        };
        // 40% × 62 + 60% × 79,0625 = 72,2375.
        let y = &parent_rollup(&own, &[(d("1"), &child)], mix, &rules).years[&2024];
        assert_eq!(y.achievement, Some(d("72.2375")));
        assert_eq!(y.counts.total(), 5);
        // Children not assessable: the own indicators alone, not a zero.
        let unassessed = rolled(2024, None, [0, 0, 0, 2]);
        let y = &parent_rollup(&own, &[(d("1"), &unassessed)], mix, &rules).years[&2024];
        assert_eq!(y.achievement, Some(d("62")));
        assert_eq!((y.counts.total(), y.counts.assessed()), (3, 1));
    }

    #[test]
    fn without_children_that_year_a_parent_keeps_its_own_figures() {
        let rules = ScoringRules::default();
        let own = rolled(2022, Some("90"), [0, 1, 0, 0]);
        let child = rolled(2023, Some("50"), [0, 0, 1, 0]);
        let parent = parent_rollup(&own, &[(d("1"), &child)], RollupRule::Children, &rules);
        assert_eq!(parent.years[&2022], own.years[&2022]);
        assert!(!parent.years[&2022].from_children);
        assert_eq!(parent.years[&2023].achievement, Some(d("50")));
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
