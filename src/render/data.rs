//! Open data: `dati/indicatori.csv` (one row per indicator and year with a
//! target or a value) and `dati/piao.json` (the whole evaluated plan).
//! Plain machine formats: `.` decimal point, ISO dates, percentages in
//! percentage points, empty cells for missing values (never 0).

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::engine::{Evaluation, IndicatorResult, Rollup, YearResult};
use crate::model::{
    Expr, Indicator, Objective, Observed, Op, Owners, Plan, PlanIndex, SeriesEntry, Target,
    TargetEntry, TargetKind, Year,
};
use crate::render::format::machine;

pub const CSV_COLUMNS: [&str; 35] = [
    "objective_id",
    "objective_kind",
    "ambito",
    "indicator_id",
    "indicator_name",
    "common",
    "year",
    "unit",
    "target_kind",
    "target_operator",
    "target_value",
    "target_original_value",
    "target_text",
    "target_original_text",
    "target_revision_reason",
    "value",
    "value_status",
    "as_of",
    "numerator",
    "denominator",
    "measures",
    "printed_value",
    "printed_mismatch",
    "computed_value",
    "value_note",
    "achievement_pct",
    "achievement_raw_pct",
    "deviation",
    "status",
    "not_assessable_reason",
    "neutralisation_reason",
    "cause",
    "action",
    "note",
    "source",
];

fn number(value: Option<Decimal>) -> String {
    value.map(machine).unwrap_or_default()
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

pub fn target_kind_code(kind: &TargetKind) -> &'static str {
    match kind {
        TargetKind::Threshold { .. } => "threshold",
        TargetKind::Zero => "zero",
        TargetKind::Deadline { .. } => "deadline",
        TargetKind::Change { .. } => "change",
        TargetKind::MeanOfPrevious { .. } => "mean_of_previous",
        TargetKind::Benchmark { .. } => "benchmark",
        TargetKind::ToBeDefined => "to_be_defined",
    }
}

/// The target's own value: a number, a date, or (for targets resolved from
/// the data) the value it was resolved to.
fn target_value(target: &Target, year: Year, result: Option<&YearResult>) -> String {
    match &target.kind {
        TargetKind::Threshold { value, .. } => machine(*value),
        TargetKind::Change { delta, .. } => machine(*delta),
        TargetKind::Zero => "0".into(),
        TargetKind::Deadline {
            day,
            month,
            year: due,
        } => crate::syntax::date::PartialDate {
            day: *day,
            month: *month,
            year: *due,
        }
        .with_year(year)
        .map_or_else(String::new, |d| d.to_string()),
        TargetKind::MeanOfPrevious { .. } | TargetKind::Benchmark { .. } => number(
            result
                .and_then(|r| r.assessment.as_ref())
                .and_then(|a| a.compared.as_ref())
                .map(|c| c.target),
        ),
        TargetKind::ToBeDefined => String::new(),
    }
}

/// The measures of a ratio formula `a / b` (optionally `* k`).
pub fn ratio_measures(expr: &Expr) -> Option<(&str, &str)> {
    match expr {
        Expr::Binary(Op::Div, a, b) => match (a.as_ref(), b.as_ref()) {
            (Expr::Measure(a), Expr::Measure(b)) => Some((a, b)),
            _ => None,
        },
        Expr::Binary(Op::Mul, inner, k) if matches!(k.as_ref(), Expr::Number(_)) => {
            ratio_measures(inner)
        }
        _ => None,
    }
}

fn printed(entry: Option<&SeriesEntry>) -> (Option<Decimal>, String) {
    match entry.map(|e| &e.observed) {
        Some(Observed::Value(p)) => (Some(p.value), String::new()),
        Some(Observed::NotAvailable(text) | Observed::NotDone(text)) => (None, text.clone()),
        Some(Observed::Date(_)) | None => (None, String::new()),
    }
}

fn status_code(result: Option<&YearResult>) -> &'static str {
    result
        .and_then(|r| r.assessment.as_ref())
        .map_or("", |a| a.status.code())
}

/// A CSV cell that spreadsheets will not run (OWASP "CSV injection"): text
/// starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
/// leading `'`. Numbers (`-8.75`, `+10%`, `-0,5`) are left as they are.
pub fn spreadsheet_safe(cell: &str) -> String {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !is_plain_number(cell) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// `-8.75`, `+10%`, `-1.234,5`: a sign, digits with `.` or `,`, maybe `%`.
fn is_plain_number(cell: &str) -> bool {
    let body = cell.strip_prefix(['+', '-']).unwrap_or(cell);
    let body = body.strip_suffix('%').unwrap_or(body);
    body.starts_with(|c: char| c.is_ascii_digit())
        && body.ends_with(|c: char| c.is_ascii_digit())
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

pub fn indicators_csv(plan: &Plan, evaluation: &Evaluation) -> Result<Vec<u8>, String> {
    let index = PlanIndex::new(plan);
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let fail = |e: csv::Error| format!("cannot write the CSV: {e}");
    writer.write_record(CSV_COLUMNS).map_err(fail)?;
    for (o, objective) in plan.objectives.iter().enumerate() {
        let ambito = index.ambito_of(plan, objective).unwrap_or_default();
        for (i, indicator) in objective.indicators.iter().enumerate() {
            let results = &evaluation.indicators[o][i];
            for (year, result) in &results.years {
                let target = indicator.targets.get(year);
                let has_value = result.value.is_some() || result.date.is_some();
                if target.is_none() && !has_value {
                    continue;
                }
                let kind = &plan.kind(objective).id;
                let row = csv_row(objective, kind, ambito, indicator, *year, target, result);
                writer
                    .write_record(row.iter().map(|cell| spreadsheet_safe(cell)))
                    .map_err(fail)?;
            }
        }
    }
    writer
        .into_inner()
        .map_err(|e| format!("cannot write the CSV: {e}"))
}

fn csv_row(
    objective: &Objective,
    kind: &str,
    ambito: &str,
    indicator: &Indicator,
    year: Year,
    target: Option<&TargetEntry>,
    result: &YearResult,
) -> Vec<String> {
    let entry = indicator.series.get(&year);
    let (printed_value, printed_text) = printed(entry);
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
    let score = result.assessment.as_ref().and_then(|a| a.score.as_ref());
    let value = match (result.value, result.date) {
        (Some(v), _) => machine(v),
        (None, Some(d)) => d.to_string(),
        (None, None) => String::new(),
    };
    vec![
        objective.id.clone(),
        kind.into(),
        ambito.into(),
        indicator.id.clone(),
        indicator.name.clone(),
        indicator.common.to_string(),
        year.to_string(),
        indicator.unit.code().into(),
        effective.map_or("", |t| target_kind_code(&t.kind)).into(),
        effective.map_or("", operator).into(),
        effective
            .map(|t| target_value(t, year, Some(result)))
            .unwrap_or_default(),
        revised
            .map(|t| target_value(&t.original, year, None))
            .unwrap_or_default(),
        effective.map(|t| t.text.clone()).unwrap_or_default(),
        revised.map(|t| t.original.text.clone()).unwrap_or_default(),
        revised.and_then(|t| t.reason.clone()).unwrap_or_default(),
        value,
        result
            .value_status
            .map(|s| s.code().to_string())
            .unwrap_or_default(),
        result.as_of.map(|d| d.to_string()).unwrap_or_default(),
        numerator,
        denominator,
        measures.join(";"),
        number(printed_value),
        if printed_value.is_some() && result.working.is_some() {
            result.mismatch.to_string()
        } else {
            String::new()
        },
        number(result.working.as_ref().map(|w| w.result)),
        printed_text,
        number(score.map(|s| s.achievement)),
        number(score.map(|s| s.achievement_raw)),
        number(score.and_then(|s| s.deviation)),
        status_code(Some(result)).into(),
        result
            .assessment
            .as_ref()
            .and_then(|a| a.reason)
            .map(|r| r.code().to_string())
            .unwrap_or_default(),
        target
            .and_then(|t| t.neutralised.clone())
            .unwrap_or_default(),
        entry.and_then(|e| e.cause.clone()).unwrap_or_default(),
        entry.and_then(|e| e.action.clone()).unwrap_or_default(),
        indicator.note.clone().unwrap_or_default(),
        indicator.source.clone().unwrap_or_default(),
    ]
}

/// The whole evaluated plan, for `dati/piao.json`.
#[derive(Debug, Serialize)]
struct JsonPlan<'a> {
    ente: JsonEnte<'a>,
    plan: JsonPlanInfo<'a>,
    scoring: JsonScoring,
    ambiti: Vec<JsonAmbito<'a>>,
    servizi: Vec<JsonServizio<'a>>,
    objectives: Vec<JsonObjective<'a>>,
    rollup: &'a Rollup,
}

#[derive(Debug, Serialize)]
struct JsonEnte<'a> {
    name: &'a str,
    short_name: Option<&'a str>,
    website: Option<&'a str>,
}

#[derive(Debug, Serialize)]
struct JsonPlanInfo<'a> {
    title: &'a str,
    edition: &'a str,
    update: Option<&'a str>,
    period: String,
    reference_year: Year,
    last_updated: String,
    approval_act: Option<&'a str>,
    approval_date: Option<String>,
}

#[derive(Debug, Serialize)]
struct JsonScoring {
    partial_from: Decimal,
    cap: Decimal,
    higher_is_better: &'static str,
    lower_is_better: &'static str,
    values: &'static str,
}

#[derive(Debug, Serialize)]
struct JsonAmbito<'a> {
    id: &'a str,
    title: &'a str,
    rollup: &'a Rollup,
}

#[derive(Debug, Serialize)]
struct JsonServizio<'a> {
    id: &'a str,
    name: &'a str,
}

#[derive(Debug, Serialize)]
struct JsonObjective<'a> {
    id: &'a str,
    kind: &'a str,
    ambito: Option<&'a str>,
    period: String,
    title: &'a str,
    new: bool,
    parent: Option<&'a str>,
    servizi: Vec<&'a str>,
    owners: Option<&'a str>,
    remark: Option<&'a str>,
    weight: Decimal,
    narrative: &'a str,
    rollup: &'a Rollup,
    indicators: Vec<JsonIndicator<'a>>,
}

#[derive(Debug, Serialize)]
struct JsonIndicator<'a> {
    id: &'a str,
    name: &'a str,
    common: bool,
    new: bool,
    remark: Option<&'a str>,
    algorithm: Option<&'a str>,
    formula: Option<&'a str>,
    unit: &'static str,
    weight: Decimal,
    measures: Vec<JsonMeasure<'a>>,
    note: Option<&'a str>,
    source: Option<&'a str>,
    targets: BTreeMap<Year, JsonTarget<'a>>,
    series: BTreeMap<Year, JsonSeries<'a>>,
    results: &'a IndicatorResult,
}

#[derive(Debug, Serialize)]
struct JsonMeasure<'a> {
    name: &'a str,
    label: Option<&'a str>,
    source: Option<&'a str>,
}

#[derive(Debug, Serialize)]
struct JsonTarget<'a> {
    kind: &'static str,
    text: &'a str,
    qualifier: Option<&'a str>,
    original_text: Option<&'a str>,
    revision_reason: Option<&'a str>,
    neutralisation_reason: Option<&'a str>,
}

#[derive(Debug, Serialize)]
struct JsonSeries<'a> {
    printed: Option<&'a str>,
    printed_value: Option<Decimal>,
    value_status: &'static str,
    as_of: Option<String>,
    cause: Option<&'a str>,
    action: Option<&'a str>,
    measures: BTreeMap<&'a str, Option<Decimal>>,
    remark: Option<&'a str>,
    cluster_mean: Option<Decimal>,
    national_mean: Option<Decimal>,
}

/// Rounds every number the way the CSV does, so both files agree.
fn rounded(value: Decimal) -> Decimal {
    value
        .round_dp_with_strategy(6, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

pub fn piao_json(plan: &Plan, evaluation: &Evaluation) -> Result<Vec<u8>, String> {
    pretty_json(json_document(plan, evaluation)).map(String::into_bytes)
}

fn json_document<'a>(plan: &'a Plan, evaluation: &'a Evaluation) -> JsonPlan<'a> {
    let index = PlanIndex::new(plan);
    let config = &plan.config;
    let rule = |r: crate::model::ScoringRule| match r {
        crate::model::ScoringRule::Proportional => "proportional",
        crate::model::ScoringRule::Binary => "binary",
    };
    let objectives = plan
        .objectives
        .iter()
        .enumerate()
        .map(|(o, objective)| JsonObjective {
            id: &objective.id,
            kind: &plan.kind(objective).id,
            ambito: index.ambito_of(plan, objective),
            period: objective.period.to_string(),
            title: &objective.title,
            new: objective.new,
            parent: objective.parent.as_ref().map(|p| p.id.as_str()),
            servizi: match &objective.servizi {
                Owners::All => config.servizi.iter().map(|s| s.id.as_str()).collect(),
                Owners::Servizi(list) => list.iter().map(|r| r.id.as_str()).collect(),
            },
            owners: objective.owners.as_deref(),
            remark: objective.remark.as_deref(),
            weight: objective.weight,
            narrative: &objective.body,
            rollup: &evaluation.objectives[o],
            indicators: objective
                .indicators
                .iter()
                .enumerate()
                .map(|(i, indicator)| json_indicator(indicator, &evaluation.indicators[o][i]))
                .collect(),
        })
        .collect();
    JsonPlan {
        ente: JsonEnte {
            name: &config.ente.name,
            short_name: config.ente.short_name.as_deref(),
            website: config.ente.website.as_deref(),
        },
        plan: JsonPlanInfo {
            title: &config.plan.title,
            edition: &config.plan.edition,
            update: config.plan.update.as_deref(),
            period: config.plan.period.to_string(),
            reference_year: config.plan.reference_year,
            last_updated: config.plan.last_updated.to_string(),
            approval_act: config.plan.approval.as_ref().map(|a| a.act.as_str()),
            approval_date: config.plan.approval.as_ref().map(|a| a.date.to_string()),
        },
        scoring: JsonScoring {
            partial_from: config.scoring.partial_from,
            cap: config.scoring.cap,
            higher_is_better: rule(config.scoring.higher_is_better),
            lower_is_better: rule(config.scoring.lower_is_better),
            values: config.scoring.values.code(),
        },
        ambiti: config
            .ambiti
            .iter()
            .zip(&evaluation.ambiti)
            .map(|(a, rollup)| JsonAmbito {
                id: &a.id,
                title: &a.title,
                rollup,
            })
            .collect(),
        servizi: config
            .servizi
            .iter()
            .map(|s| JsonServizio {
                id: &s.id,
                name: &s.name,
            })
            .collect(),
        objectives,
        rollup: &evaluation.plan,
    }
}

/// The document as `serde_json` pretty-prints it, numbers rounded, with the
/// objectives turned into JSON one at a time and appended to the text,
/// instead of the whole plan held as one `serde_json::Value`, many times the
/// size of the text.
fn pretty_json(mut document: JsonPlan) -> Result<String, String> {
    let objectives = std::mem::take(&mut document.objectives);
    let rest = pretty(&document)?;
    const PLACE: &str = "\n  \"objectives\": [],\n";
    let (head, tail) = match rest.split_once(PLACE) {
        Some(parts) if !objectives.is_empty() => parts,
        _ => return Ok(rest + "\n"),
    };
    let mut text = String::new();
    text.push_str(head);
    text.push_str("\n  \"objectives\": [\n");
    for (n, objective) in objectives.iter().enumerate() {
        if n > 0 {
            text.push_str(",\n");
        }
        // Each objective sits two levels deep: four spaces more on every
        // line (JSON strings hold no line breaks).
        for (l, line) in pretty(objective)?.lines().enumerate() {
            if l > 0 {
                text.push('\n');
            }
            text.push_str("    ");
            text.push_str(line);
        }
    }
    text.push_str("\n  ],\n");
    text.push_str(tail);
    text.push('\n');
    Ok(text)
}

/// One value as pretty JSON, its numbers rounded.
fn pretty<T: Serialize>(value: &T) -> Result<String, String> {
    let error = |e: serde_json::Error| format!("cannot write the JSON: {e}");
    let mut value = serde_json::to_value(value).map_err(error)?;
    round_numbers(&mut value);
    serde_json::to_string_pretty(&value).map_err(error)
}

/// Rounds every JSON number to 6 decimals (exactly: through Decimal), in
/// place.
fn round_numbers(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Number(n) => {
            let text = n.to_string();
            if already_rounded(&text) {
                return;
            }
            if let Ok(d) = text.parse::<Decimal>()
                && let Ok(Value::Number(r)) = serde_json::from_str(&rounded(d).to_string())
            {
                *n = r;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(round_numbers),
        Value::Object(map) => map.values_mut().for_each(round_numbers),
        _ => {}
    }
}

/// A number written as `rounded` would write it: at most 6 decimals, no
/// trailing zero, no exponent, not zero (which may be `-0`). Most numbers of
/// the plan are, and skip the round trip through Decimal.
fn already_rounded(text: &str) -> bool {
    if text.contains(['e', 'E']) || !text.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        return false;
    }
    match text.split_once('.') {
        None => true,
        Some((_, decimals)) => decimals.len() <= 6 && !decimals.ends_with('0'),
    }
}

fn json_indicator<'a>(indicator: &'a Indicator, results: &'a IndicatorResult) -> JsonIndicator<'a> {
    JsonIndicator {
        id: &indicator.id,
        name: &indicator.name,
        common: indicator.common,
        new: indicator.new,
        remark: indicator.remark.as_deref(),
        algorithm: indicator.algorithm.as_deref(),
        formula: indicator.formula.as_ref().map(|f| f.text.as_str()),
        unit: indicator.unit.code(),
        weight: indicator.weight,
        measures: indicator
            .measures
            .iter()
            .map(|m| JsonMeasure {
                name: &m.name,
                label: m.label.as_deref(),
                source: m.source.as_deref(),
            })
            .collect(),
        note: indicator.note.as_deref(),
        source: indicator.source.as_deref(),
        targets: indicator
            .targets
            .iter()
            .map(|(year, entry)| {
                let effective = entry.effective();
                (
                    *year,
                    JsonTarget {
                        kind: target_kind_code(&effective.kind),
                        text: &effective.text,
                        qualifier: effective.qualifier.as_deref(),
                        original_text: entry.revised.as_ref().map(|_| entry.original.text.as_str()),
                        revision_reason: entry.reason.as_deref(),
                        neutralisation_reason: entry.neutralised.as_deref(),
                    },
                )
            })
            .collect(),
        series: indicator
            .series
            .iter()
            .map(|(year, entry)| {
                let (printed_text, printed_value) = match &entry.observed {
                    Observed::Value(p) => (Some(p.text.as_str()), Some(p.value)),
                    Observed::NotAvailable(text) | Observed::NotDone(text) => {
                        (Some(text.as_str()), None)
                    }
                    Observed::Date(_) => (None, None),
                };
                (
                    *year,
                    JsonSeries {
                        printed: printed_text,
                        printed_value,
                        value_status: match entry.as_of {
                            Some(_) => "monitoring",
                            None => "final",
                        },
                        as_of: entry.as_of.map(|d| d.to_string()),
                        cause: entry.cause.as_deref(),
                        action: entry.action.as_deref(),
                        measures: entry
                            .measures
                            .iter()
                            .map(|(k, v)| (k.as_str(), *v))
                            .collect(),
                        remark: entry.remark.as_deref(),
                        cluster_mean: entry.cluster_mean,
                        national_mean: entry.national_mean,
                    },
                )
            })
            .collect(),
        results,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// piao.json as one `serde_json::Value`, the way it was written before
    /// the objectives were split out: the bytes must not change.
    #[test]
    fn the_json_is_the_same_as_the_whole_document_pretty_printed() {
        for root in ["fixtures/every-shape", "."] {
            let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(root);
            let checked = crate::check(&root);
            let (plan, evaluation) = checked.evaluated.as_ref().expect("the site checks");
            let fast = piao_json(plan, evaluation).expect("json");
            let document = json_document(plan, evaluation);
            let mut value = serde_json::to_value(&document).expect("value");
            round_numbers(&mut value);
            let mut whole = serde_json::to_string_pretty(&value).expect("text");
            whole.push('\n');
            assert!(whole.contains("\"objectives\": [\n"));
            assert_eq!(String::from_utf8(fast).expect("utf-8"), whole);
        }
    }

    #[test]
    fn text_cells_cannot_become_formulas_and_numbers_stay_numbers() {
        for (cell, safe) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
            ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
            ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
            ("\t=1", "'\t=1"),
            ("- non disponibile", "'- non disponibile"),
            ("-", "'-"),
            ("-8.75", "-8.75"),
            ("+10%", "+10%"),
            ("-1.234,5", "-1.234,5"),
            ("0.17", "0.17"),
            ("Grado di coinvolgimento", "Grado di coinvolgimento"),
            ("", ""),
        ] {
            assert_eq!(spreadsheet_safe(cell), safe, "{cell}");
        }
    }

    #[test]
    fn numbers_skip_the_round_trip_only_when_it_would_not_change_them() {
        for text in [
            "2023", "-7", "0.5", "15.02", "-8.75", "1.123456", "100", "65991",
        ] {
            assert!(already_rounded(text), "{text}");
            let d: Decimal = text.parse().expect("decimal");
            assert_eq!(rounded(d).to_string(), text);
        }
        for (text, expected) in [
            ("1.50", "1.5"),
            ("0.1234565", "0.123457"),
            ("-0", "0"),
            ("0.000", "0"),
            ("2.0000001", "2"),
        ] {
            assert!(!already_rounded(text), "{text}");
            let mut value: serde_json::Value = serde_json::from_str(text).expect("json");
            round_numbers(&mut value);
            assert_eq!(value.to_string(), expected);
        }
    }
}
