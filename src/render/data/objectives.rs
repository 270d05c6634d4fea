//! `dati/obiettivi.csv`: one row per objective and year, with its
//! achievement, status and the counts of its targets by outcome.

use std::collections::BTreeSet;

use super::dictionary::OBJECTIVES;
use super::{ObjectiveInfo, Row, flag, number, write_csv};
use crate::engine::rollup::YearRollup;
use crate::engine::{Evaluation, Reason};
use crate::model::{Plan, Year};

pub(super) fn csv(
    plan: &Plan,
    evaluation: &Evaluation,
    infos: &[ObjectiveInfo],
) -> Result<Vec<u8>, String> {
    let mut rows = Vec::new();
    for (o, info) in infos.iter().enumerate() {
        let rollup = &evaluation.objectives[o];
        let results = &evaluation.indicators[o];
        // Every year of the period, of a target or of a value: each year an
        // indicator row names has its objective row.
        let years: BTreeSet<Year> = info
            .period()
            .years()
            .chain(rollup.years.keys().copied())
            .chain(results.iter().flat_map(|r| r.years.keys().copied()))
            .collect();
        for year in years {
            let with_value = results
                .iter()
                .filter(|r| {
                    r.years
                        .get(&year)
                        .is_some_and(|y| y.value.is_some() || y.date.is_some())
                })
                .count();
            rows.push(row(
                info,
                year,
                plan.objectives[o].indicators.len(),
                with_value,
                rollup.years.get(&year),
            ));
        }
    }
    write_csv(&OBJECTIVES, &rows)
}

fn row(
    info: &ObjectiveInfo,
    year: Year,
    indicators: usize,
    with_value: usize,
    rollup: Option<&YearRollup>,
) -> Row {
    let objective = info.objective;
    let period = info.period();
    let counts = rollup.map(|r| r.counts).unwrap_or_default();
    let reasons = |reason: Reason| counts.not_assessable.get(reason).to_string();
    let mut row = info.columns();
    row.extend([
        ("owners", objective.owners.clone().unwrap_or_default()),
        ("period_start", period.start.to_string()),
        ("period_end", period.end.to_string()),
        ("new", flag(objective.new)),
        ("weight", number(Some(objective.weight))),
        ("year", year.to_string()),
        ("in_period", flag(period.contains(year))),
        ("indicators", indicators.to_string()),
        ("indicators_with_value", with_value.to_string()),
        (
            "achievement_pct",
            number(rollup.and_then(|r| r.achievement)),
        ),
        (
            "status",
            rollup
                .map(|r| r.status.code().to_string())
                .unwrap_or_default(),
        ),
        ("targets", counts.total().to_string()),
        ("targets_reached", counts.raggiunto.to_string()),
        (
            "targets_partly_reached",
            counts.parzialmente_raggiunto.to_string(),
        ),
        ("targets_missed", counts.non_raggiunto.to_string()),
        ("targets_not_assessable", counts.non_valutabile.to_string()),
        ("targets_monitoring", counts.monitoring.to_string()),
        ("not_assessable_no_value", reasons(Reason::NoValue)),
        (
            "not_assessable_not_available",
            reasons(Reason::NotAvailable),
        ),
        (
            "not_assessable_target_to_be_defined",
            reasons(Reason::TargetToBeDefined),
        ),
        (
            "not_assessable_comparison_missing",
            reasons(Reason::ComparisonMissing),
        ),
        (
            "not_assessable_target_not_measurable",
            reasons(Reason::TargetNotMeasurable),
        ),
        ("not_assessable_neutralised", reasons(Reason::Neutralised)),
    ]);
    row
}
