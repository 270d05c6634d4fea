//! "Come è calcolato": the working of every computed number, in words, for
//! the objective pages and the Relazione.

use rust_decimal::Decimal;

use crate::engine::formula::Term;
use crate::engine::scoring::Rule;
use crate::engine::{Assessment, Basis, BenchmarkKind, Unassessable, YearResult};
use crate::model::{Expr, Indicator, Year};
use crate::render::format::date;
use crate::render::views::{
    Ctx, comparator_text, expression, formula_words, key_words, status_view,
};

/// "Come è calcolato": the formula with its values, the comparison, the rule.
pub fn working_lines(
    ctx: &Ctx,
    indicator: &Indicator,
    year: Year,
    result: &YearResult,
) -> Vec<String> {
    let mut lines = Vec::new();
    let year_text = year.to_string();
    match &result.working {
        Some(working) => {
            let words = |key: &str| key_words(ctx, indicator, &working.expr, key);
            lines.push(ctx.fill(
                "working_formula",
                &[("formula", &formula_words(ctx, indicator, &working.expr))],
            ));
            let values: Vec<String> = working
                .terms
                .iter()
                .filter(|t| t.years.is_empty())
                .map(|t| format!("{} {}", words(&t.key), ctx.exact(t.value)))
                .collect();
            if !values.is_empty() {
                lines.push(ctx.fill(
                    "working_values",
                    &[("year", &year_text), ("values", &values.join("; "))],
                ));
            }
            for term in working.terms.iter().filter(|t| !t.years.is_empty()) {
                let listed: Vec<String> = term
                    .years
                    .iter()
                    .map(|(y, v)| format!("{} ({y})", ctx.exact(*v)))
                    .collect();
                lines.push(ctx.fill(
                    "working_mean",
                    &[
                        ("term", &words(&term.key)),
                        ("values", &listed.join(", ")),
                        ("mean", &ctx.exact(term.value)),
                    ],
                ));
            }
            let computation = substitute(ctx, &working.expr, &working.terms);
            let shown = ctx
                .format
                .value(working.result, indicator.unit, indicator.decimals + 2);
            lines.push(ctx.fill(
                "working_computation",
                &[("computation", &computation), ("result", &shown)],
            ));
            if let Some(value) = result
                .value
                .filter(|v| result.mismatch && *v != working.result)
            {
                lines.push(ctx.fill(
                    "working_printed_counts",
                    &[("value", &ctx.value(value, indicator))],
                ));
            }
        }
        None => {
            if let Some(value) = result.value {
                lines.push(ctx.fill(
                    "working_printed",
                    &[("value", &ctx.value(value, indicator))],
                ));
            }
        }
    }
    if let Some(assessment) = &result.assessment {
        lines.extend(assessment_lines(ctx, indicator, result.value, assessment));
    }
    lines
}

fn assessment_lines(
    ctx: &Ctx,
    indicator: &Indicator,
    value: Option<Decimal>,
    assessment: &Assessment,
) -> Vec<String> {
    let mut lines = Vec::new();
    let show = |v: Decimal| ctx.precise(v, indicator);
    if let Some(compared) = &assessment.compared {
        match &compared.basis {
            Basis::Value => {}
            Basis::Change {
                previous, relative, ..
            } => {
                let this_year = value.unwrap_or_default();
                let (key, change) = if *relative {
                    (
                        "working_change_relative",
                        ctx.format.percent(compared.actual),
                    )
                } else {
                    ("working_change", show(compared.actual))
                };
                lines.push(ctx.fill(
                    key,
                    &[
                        ("value", &show(this_year)),
                        ("previous", &show(*previous)),
                        ("change", &change),
                    ],
                ));
            }
            Basis::MeanOfPrevious { years } => {
                let listed: Vec<String> = years
                    .iter()
                    .map(|(y, v)| format!("{} ({y})", show(*v)))
                    .collect();
                lines.push(ctx.fill(
                    "working_mean_target",
                    &[
                        ("years", &listed.join(", ")),
                        ("mean", &show(compared.target)),
                    ],
                ));
            }
            Basis::Benchmark { benchmark } => {
                let name = ctx.t(match benchmark {
                    BenchmarkKind::NationalMean => "benchmark_national_mean",
                    BenchmarkKind::ClusterMean => "benchmark_cluster_mean",
                });
                lines.push(ctx.fill(
                    "working_benchmark",
                    &[("benchmark", &name), ("value", &show(compared.target))],
                ));
            }
        }
        let relative = matches!(compared.basis, Basis::Change { relative: true, .. });
        let shown = |v: Decimal| {
            if relative {
                ctx.format.percent(v)
            } else {
                show(v)
            }
        };
        let key = if compared.comparator.holds(compared.actual, compared.target) {
            "working_comparison_met"
        } else {
            "working_comparison_missed"
        };
        lines.push(ctx.fill(
            key,
            &[
                ("actual", &shown(compared.actual)),
                ("comparator", &comparator_text(ctx, compared.comparator)),
                ("target", &shown(compared.target)),
            ],
        ));
    }
    if let Some(score) = &assessment.score {
        let raw = ctx.format.percent(score.achievement_raw);
        // Values in the indicator's unit, as the calculation above shows
        // them; a change or a mean keeps its plain number.
        let on_value = assessment
            .compared
            .as_ref()
            .is_none_or(|c| matches!(c.basis, Basis::Value));
        let plain = |v: Decimal| {
            if on_value {
                ctx.precise(v, indicator)
            } else {
                ctx.exact(v)
            }
        };
        lines.push(match &score.rule {
            Rule::Ratio { actual, target } => ctx.fill(
                "rule_ratio",
                &[
                    ("actual", &plain(*actual)),
                    ("target", &plain(*target)),
                    ("raw", &raw),
                ],
            ),
            Rule::InverseRatio { actual, target } if score.met || actual <= target => {
                ctx.t("rule_inverse_ratio_met")
            }
            Rule::InverseRatio { actual, target } => ctx.fill(
                "rule_inverse_ratio",
                &[
                    ("actual", &plain(*actual)),
                    ("target", &plain(*target)),
                    ("raw", &raw),
                ],
            ),
            Rule::Binary { .. } => ctx.fill("rule_binary", &[("raw", &raw)]),
            Rule::Linear { baseline, .. } => ctx.fill(
                "rule_linear",
                &[("baseline", &plain(*baseline)), ("raw", &raw)],
            ),
            Rule::Zero { .. } => ctx.fill("rule_zero", &[("raw", &raw)]),
            Rule::Deadline {
                done,
                due,
                delay: 0,
            } => ctx.fill(
                "rule_deadline",
                &[("done", &date(*done)), ("due", &date(*due)), ("raw", &raw)],
            ),
            Rule::Deadline { done, due, delay } => ctx.fill(
                if *delay == 1 {
                    "rule_deadline_late_one"
                } else {
                    "rule_deadline_late"
                },
                &[
                    ("done", &date(*done)),
                    ("due", &date(*due)),
                    ("days", &delay.to_string()),
                    ("raw", &raw),
                ],
            ),
            Rule::NotDone { due } => {
                ctx.fill("rule_not_done", &[("due", &date(*due)), ("raw", &raw)])
            }
        });
        if score.achievement_raw > score.achievement {
            lines.push(ctx.fill(
                "rule_capped",
                &[(
                    "cap",
                    &ctx.format.percent_short(ctx.plan.config.scoring.cap),
                )],
            ));
        }
    }
    let status = status_view(ctx, assessment.status).label.to_lowercase();
    let status = match &assessment.unassessable {
        Some(reason) => format!("{status} ({})", unassessable_text(ctx, reason)),
        None => status,
    };
    lines.push(ctx.fill("rule_status", &[("status", &status)]));
    lines
}

pub fn unassessable_text(ctx: &Ctx, reason: &Unassessable) -> String {
    match reason {
        Unassessable::NoValue => ctx.t("unassessable_no_value"),
        Unassessable::TargetToBeDefined => ctx.t("unassessable_to_be_defined"),
        Unassessable::NoPreviousValue(year) => {
            ctx.fill("unassessable_no_previous", &[("year", &year.to_string())])
        }
        Unassessable::NoEarlierValues(years) => {
            let years: Vec<String> = years.iter().map(Year::to_string).collect();
            ctx.fill("unassessable_no_earlier", &[("years", &years.join(", "))])
        }
        Unassessable::NoBenchmark(_) => ctx.t("unassessable_no_benchmark"),
        Unassessable::NoCompletionDate => ctx.t("unassessable_no_completion"),
        Unassessable::NotYetDue(due) => {
            ctx.fill("unassessable_not_yet_due", &[("due", &date(*due))])
        }
        Unassessable::Overflow => ctx.t("unassessable_overflow"),
        Unassessable::NotAvailable(text) if crate::syntax::is_not_available(text) => {
            ctx.t("unassessable_not_available")
        }
        Unassessable::NotAvailable(text) => {
            ctx.fill("unassessable_not_available_text", &[("text", text)])
        }
        Unassessable::InvalidDueDate => ctx.t("unassessable_invalid_due_date"),
        Unassessable::Neutralised(reason) => {
            ctx.fill("unassessable_neutralised", &[("reason", reason)])
        }
    }
}

/// The formula with each term replaced by its value: `106 / 64.356 × 100`.
fn substitute(ctx: &Ctx, expr: &Expr, terms: &[Term]) -> String {
    expression(expr, 0, &mut |leaf| match leaf {
        Expr::Number(n) => ctx.exact(*n),
        leaf => {
            let key = crate::engine::formula::term_key(leaf).unwrap_or_default();
            terms
                .iter()
                .find(|t| t.key == key)
                .map_or(key, |t| ctx.exact(t.value))
        }
    })
}
