//! `dati/indicatori.csv`: one row per indicator and year (every year with a
//! target or an entry in the series), and the same rows of each objective
//! in `dati/obiettivi/<id>.csv`.

use rayon::prelude::*;

use super::dictionary::INDICATORS;
use super::{ObjectiveInfo, Row, flag, number, ratio_measures, target_kind_code, write_csv};
use crate::engine::{Evaluation, YearResult};
use crate::model::{Date, Indicator, Observed, Target, TargetEntry, TargetKind, Year};
use crate::render::format::machine;
use crate::syntax::date::PartialDate;
use crate::write::OutputFile;

/// The CSV of one objective's indicators.
pub fn objective_csv_path(id: &str) -> String {
    format!("dati/obiettivi/{id}.csv")
}

/// The whole file, and one per objective.
pub(super) fn files(
    plan: &crate::model::Plan,
    evaluation: &Evaluation,
    infos: &[ObjectiveInfo],
) -> Result<(Vec<u8>, Vec<OutputFile>), String> {
    let rows: Vec<Vec<Row>> = infos
        .par_iter()
        .enumerate()
        .map(|(o, info)| objective_rows(info, &plan.objectives[o].indicators, evaluation, o))
        .collect();
    let per_objective = rows
        .par_iter()
        .zip(infos)
        .map(|(rows, info)| {
            let path = objective_csv_path(&info.objective.id);
            write_csv(&INDICATORS, rows).map(|bytes| OutputFile::new(path, bytes))
        })
        .collect::<Result<Vec<_>, String>>()?;
    let all: Vec<Row> = rows.into_iter().flatten().collect();
    Ok((write_csv(&INDICATORS, &all)?, per_objective))
}

fn objective_rows(
    info: &ObjectiveInfo,
    indicators: &[Indicator],
    evaluation: &Evaluation,
    o: usize,
) -> Vec<Row> {
    let mut rows = Vec::new();
    for (i, indicator) in indicators.iter().enumerate() {
        for (year, result) in &evaluation.indicators[o][i].years {
            rows.push(row(info, indicator, *year, result));
        }
    }
    rows
}

/// A deadline's date, in the target's year when it names none; none when
/// that is no date (`entro il 29/2` in 2023: the target is not measurable).
fn due_date(target: &Target, year: Year) -> Option<Date> {
    match target.kind {
        TargetKind::Deadline {
            day,
            month,
            year: due,
        } => PartialDate {
            day,
            month,
            year: due,
        }
        .with_year(year),
        _ => None,
    }
}

/// `>=`, `<=`, ... for thresholds; `=` for zero; `<=` for deadlines (done by).
fn operator(target: &Target) -> &'static str {
    match &target.kind {
        TargetKind::Threshold { comparator, .. }
        | TargetKind::Change { comparator, .. }
        | TargetKind::MeanOfPrevious { comparator, .. }
        | TargetKind::Benchmark { comparator, .. } => comparator.symbol(),
        TargetKind::Zero => "=",
        TargetKind::Deadline { .. } => "<=",
        TargetKind::ToBeDefined => "",
    }
}

/// The target's own number, or (for targets resolved from the data) the
/// number it was resolved to; dates go to their own column.
fn target_value(target: &Target, result: Option<&YearResult>) -> String {
    match &target.kind {
        TargetKind::Threshold { value, .. } => machine(*value),
        TargetKind::Change { delta, .. } => machine(*delta),
        TargetKind::Zero => "0".into(),
        TargetKind::MeanOfPrevious { .. } | TargetKind::Benchmark { .. } => number(
            result
                .and_then(|r| r.assessment.as_ref())
                .and_then(|a| a.compared.as_ref())
                .map(|c| c.target),
        ),
        TargetKind::Deadline { .. } | TargetKind::ToBeDefined => String::new(),
    }
}

fn date_cell(date: Option<Date>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

fn row(info: &ObjectiveInfo, indicator: &Indicator, year: Year, result: &YearResult) -> Row {
    let period = info.period();
    let target = indicator.targets.get(&year);
    let entry = indicator.series.get(&year);
    let (printed_value, printed_text) = match entry.map(|e| &e.observed) {
        Some(Observed::Value(p)) => (Some(p.value), String::new()),
        Some(Observed::NotAvailable(text) | Observed::NotDone(text)) => (None, text.clone()),
        Some(Observed::Date(_)) | None => (None, String::new()),
    };
    let (numerator, denominator) = indicator
        .formula
        .as_ref()
        .and_then(|f| ratio_measures(&f.expr))
        .map(|(a, b)| {
            let value =
                |name: &str| number(entry.and_then(|e| e.measures.get(name).copied().flatten()));
            (value(a), value(b))
        })
        .unwrap_or_default();
    let measures: Vec<String> = entry
        .map(|e| {
            e.measures
                .iter()
                .filter_map(|(name, v)| v.map(|v| format!("{name}={}", machine(v))))
                .collect()
        })
        .unwrap_or_default();
    let effective = target.map(TargetEntry::effective);
    let revised = target.filter(|t| t.revised.is_some());
    let assessment = result.assessment.as_ref();
    let score = assessment.and_then(|a| a.score.as_ref());
    let mut row = info.columns();
    row.extend([
        ("period_start", period.start.to_string()),
        ("period_end", period.end.to_string()),
        ("indicator_id", indicator.id.clone()),
        ("indicator_name", indicator.name.clone()),
        ("common", flag(indicator.common)),
        ("algorithm", indicator.algorithm.clone().unwrap_or_default()),
        (
            "formula",
            indicator
                .formula
                .as_ref()
                .map(|f| f.text.clone())
                .unwrap_or_default(),
        ),
        ("year", year.to_string()),
        ("in_period", flag(period.contains(year))),
        ("unit", indicator.unit.code().into()),
        (
            "target_kind",
            effective.map_or("", |t| target_kind_code(&t.kind)).into(),
        ),
        ("target_operator", effective.map_or("", operator).into()),
        (
            "target_value",
            effective
                .map(|t| target_value(t, Some(result)))
                .unwrap_or_default(),
        ),
        (
            "target_date",
            date_cell(effective.and_then(|t| due_date(t, year))),
        ),
        (
            "target_original_value",
            revised
                .map(|t| target_value(&t.original, None))
                .unwrap_or_default(),
        ),
        (
            "target_original_date",
            date_cell(revised.and_then(|t| due_date(&t.original, year))),
        ),
        (
            "target_text",
            effective.map(|t| t.text.clone()).unwrap_or_default(),
        ),
        (
            "target_original_text",
            revised.map(|t| t.original.text.clone()).unwrap_or_default(),
        ),
        (
            "target_revision_reason",
            revised.and_then(|t| t.reason.clone()).unwrap_or_default(),
        ),
        ("value", number(result.value)),
        ("value_date", date_cell(result.date)),
        (
            "value_status",
            result
                .value_status
                .map(|s| s.code().to_string())
                .unwrap_or_default(),
        ),
        ("as_of", date_cell(result.as_of)),
        ("numerator", numerator),
        ("denominator", denominator),
        ("measures", measures.join(";")),
        ("printed_value", number(printed_value)),
        (
            "printed_mismatch",
            if printed_value.is_some() && result.working.is_some() {
                flag(result.mismatch)
            } else {
                String::new()
            },
        ),
        (
            "computed_value",
            number(result.working.as_ref().map(|w| w.result)),
        ),
        ("value_note", printed_text),
        ("achievement_pct", number(score.map(|s| s.achievement))),
        (
            "achievement_raw_pct",
            number(score.map(|s| s.achievement_raw)),
        ),
        ("deviation", number(score.and_then(|s| s.deviation))),
        (
            "status",
            assessment.map_or("", |a| a.status.code()).to_string(),
        ),
        (
            "not_assessable_reason",
            assessment
                .and_then(|a| a.reason)
                .map(|r| r.code().to_string())
                .unwrap_or_default(),
        ),
        (
            "neutralisation_reason",
            target
                .and_then(|t| t.neutralised.clone())
                .unwrap_or_default(),
        ),
        (
            "cause",
            entry.and_then(|e| e.cause.clone()).unwrap_or_default(),
        ),
        (
            "action",
            entry.and_then(|e| e.action.clone()).unwrap_or_default(),
        ),
        ("note", indicator.note.clone().unwrap_or_default()),
        ("source", indicator.source.clone().unwrap_or_default()),
    ]);
    row
}
