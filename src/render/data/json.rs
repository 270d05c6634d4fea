//! `dati/piao.json`: the whole evaluated plan, with its licence.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use super::licence::{self, LicenceJson};
use super::target_kind_code;
use crate::engine::{Evaluation, IndicatorResult, Rollup};
use crate::model::{Indicator, Observed, Owners, Plan, PlanIndex, SeriesEntry, SourceNote, Year};

/// The whole evaluated plan, for `dati/piao.json`.
#[derive(Debug, Serialize)]
struct JsonPlan<'a> {
    license: LicenceJson,
    ente: JsonEnte<'a>,
    plan: JsonPlanInfo<'a>,
    scoring: JsonScoring,
    /// The kinds of objectives the site declares, from level 1 down.
    kinds: Vec<JsonKind<'a>>,
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
    ipa_code: Option<&'a str>,
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
    /// How an objective with objectives under it is scored: `own`,
    /// `children`, or `mixed` with the two weights.
    rollup: &'static str,
    rollup_own_weight: Option<Decimal>,
    rollup_children_weight: Option<Decimal>,
}

#[derive(Debug, Serialize)]
struct JsonKind<'a> {
    id: &'a str,
    singular: &'a str,
    plural: &'a str,
    level: u32,
    parents: &'a [String],
}

#[derive(Debug, Serialize)]
struct JsonResponsible<'a> {
    name: Option<&'a str>,
    role: Option<&'a str>,
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
    /// The kind's level: 1 under an ambito, 2 under those, ...
    level: u32,
    ambito: Option<&'a str>,
    period: String,
    title: &'a str,
    new: bool,
    parent: Option<&'a str>,
    servizi: Vec<&'a str>,
    owners: Option<&'a str>,
    responsible: Vec<JsonResponsible<'a>>,
    remark: Option<&'a str>,
    weight: Decimal,
    narrative: &'a str,
    rollup: &'a Rollup,
    indicators: Vec<JsonIndicator<'a>>,
    /// Source notes printed but referenced by no indicator.
    notes: Vec<JsonNote<'a>>,
}

#[derive(Debug, Serialize)]
struct JsonNote<'a> {
    label: Option<&'a str>,
    source: Option<&'a str>,
    series: BTreeMap<Year, JsonSeries<'a>>,
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
            level: plan.kind(objective).level,
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
            responsible: objective
                .responsible
                .iter()
                .map(|r| JsonResponsible {
                    name: r.name.as_deref(),
                    role: r.role.as_deref(),
                })
                .collect(),
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
            notes: objective.notes.iter().map(json_note).collect(),
        })
        .collect();
    JsonPlan {
        license: licence::json(config.site.data_license),
        ente: JsonEnte {
            name: &config.ente.name,
            short_name: config.ente.short_name.as_deref(),
            website: config.ente.website.as_deref(),
            ipa_code: config.ente.ipa_code.as_deref(),
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
            rollup: config.scoring.rollup.code(),
            rollup_own_weight: match config.scoring.rollup {
                crate::model::RollupRule::Mixed { own, .. } => Some(own),
                _ => None,
            },
            rollup_children_weight: match config.scoring.rollup {
                crate::model::RollupRule::Mixed { children, .. } => Some(children),
                _ => None,
            },
        },
        kinds: config
            .tree
            .kinds
            .iter()
            .map(|k| JsonKind {
                id: &k.id,
                singular: &k.words.singular,
                plural: &k.words.plural,
                level: k.level,
                parents: &k.parents,
            })
            .collect(),
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
        series: json_series(&indicator.series),
        results,
    }
}

fn json_note(note: &SourceNote) -> JsonNote<'_> {
    JsonNote {
        label: note.label.as_deref(),
        source: note.source.as_deref(),
        series: json_series(&note.series),
    }
}

fn json_series(series: &BTreeMap<Year, SeriesEntry>) -> BTreeMap<Year, JsonSeries<'_>> {
    series
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
        .collect()
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
