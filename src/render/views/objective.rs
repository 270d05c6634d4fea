//! The objective pages' views: an objective with its indicators, their
//! targets, values, workings and charts; and the objective summaries the
//! home, ambito and servizio pages list.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::engine::{IndicatorResult, Rollup, Unassessable, ValueStatus};
use crate::model::{Indicator, Objective, Observed, Owners, RollupRule, Year};
use crate::render::format::date;
use crate::render::markdown;
use crate::render::views::charts::{ChartView, indicator_chart};
use crate::render::views::working::working_lines;
use crate::render::views::{
    Ctx, Link, StatusView, TargetView, assessment_status, deviation_text, formula_words,
    kind_label, measure_label, mismatch_text, mix_shares, paths, responsible_lines, rollup_status,
    share_text, target_view, upper_first, value_status_text, value_text,
};

#[derive(Debug, Clone, Serialize)]
pub struct AchievementCell {
    pub year: Year,
    pub text: String,
    pub status: StatusView,
}

pub fn achievements(ctx: &Ctx, rollup: &Rollup) -> Vec<AchievementCell> {
    rollup
        .years
        .iter()
        .map(|(year, y)| AchievementCell {
            year: *year,
            text: y
                .achievement
                .map_or_else(|| ctx.t("achievement_none"), |a| ctx.format.percent(a)),
            status: rollup_status(ctx, y),
        })
        .collect()
}

#[derive(Debug, Clone, Serialize)]
pub struct ObjectiveSummary {
    pub id: String,
    pub href: String,
    pub title: String,
    pub kind: String,
    pub kind_label: String,
    /// The glossary's entry for the kind, if it has one.
    pub kind_href: Option<String>,
    pub period: String,
    pub new: bool,
    pub achievements: Vec<AchievementCell>,
    pub children: Vec<ObjectiveSummary>,
    pub indicator_count: usize,
    /// Its weight among the objectives of the same level, when they are not
    /// all weighed alike.
    pub weight: Option<String>,
    /// Who answers for it, one line each.
    pub responsible: Vec<String>,
}

pub fn objective_summary(ctx: &Ctx, position: usize, with_children: bool) -> ObjectiveSummary {
    let objective = &ctx.plan.objectives[position];
    ObjectiveSummary {
        id: objective.id.clone(),
        href: paths::objective(&objective.id),
        title: objective.title.clone(),
        kind: ctx.plan.kind(objective).id.clone(),
        kind_label: kind_label(ctx, objective),
        kind_href: crate::render::views::glossary::kind_term(ctx.plan.kind(objective)),
        period: objective.period.to_string(),
        new: objective.new,
        achievements: achievements(ctx, &ctx.evaluation.objectives[position]),
        // The whole subtree: as deep as the declared levels (validated, so
        // no circle).
        children: if with_children {
            ctx.index
                .children(position)
                .iter()
                .map(|&c| objective_summary(ctx, c, true))
                .collect()
        } else {
            Vec::new()
        },
        indicator_count: objective.indicators.len(),
        weight: weight_text(ctx, position),
        responsible: responsible_lines(objective),
    }
}

/// The weight of an objective, shown when its siblings (the top-level
/// objectives of its ambito, or the children of its parent) are not all
/// weighed alike: equal weights say nothing.
fn weight_text(ctx: &Ctx, position: usize) -> Option<String> {
    let plan = ctx.plan;
    let objective = &plan.objectives[position];
    let siblings: Vec<&Objective> = match objective.parent.as_ref() {
        Some(parent) => ctx
            .index
            .objectives
            .get(&parent.id)
            .map(|&p| {
                ctx.index
                    .children(p)
                    .iter()
                    .map(|&c| &plan.objectives[c])
                    .collect()
            })
            .unwrap_or_default(),
        None => plan
            .objectives
            .iter()
            .filter(|o| {
                plan.is_top_level(o)
                    && o.ambito.as_ref().map(|a| &a.id) == objective.ambito.as_ref().map(|a| &a.id)
            })
            .collect(),
    };
    siblings
        .iter()
        .any(|o| o.weight != objective.weight)
        .then(|| ctx.exact(objective.weight))
}

#[derive(Debug, Clone, Serialize)]
pub struct ObjectiveView {
    pub summary: ObjectiveSummary,
    pub remark: Option<String>,
    pub ambito: Option<Link>,
    pub parent: Option<Link>,
    pub servizi: Vec<Link>,
    pub all_servizi: bool,
    pub owners: Option<String>,
    pub weight: Option<String>,
    /// The heading of the objectives under this one: their kind's name
    /// when they share one ("Obiettivi operativi").
    pub children_heading: String,
    /// How the achievement takes in the children, when it has some.
    pub rollup: Vec<String>,
    pub narrative: String,
    pub indicators: Vec<IndicatorView>,
    pub notes: Vec<NoteView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NoteView {
    pub label: String,
    pub source: Option<String>,
    pub series: Vec<(Year, String)>,
}

pub fn objective_view(ctx: &Ctx, position: usize) -> ObjectiveView {
    let objective = &ctx.plan.objectives[position];
    let ambito = ctx.index.ambito_of(ctx.plan, objective).and_then(|id| {
        ctx.plan
            .config
            .ambiti
            .iter()
            .find(|a| a.id == id)
            .map(|a| Link {
                href: paths::ambito(&a.id),
                text: a.title.clone(),
            })
    });
    let parent = objective.parent.as_ref().and_then(|p| {
        ctx.index.objective(ctx.plan, &p.id).map(|o| Link {
            href: paths::objective(&o.id),
            text: o.title.clone(),
        })
    });
    let (servizi, all_servizi) = match &objective.servizi {
        Owners::All => (Vec::new(), true),
        Owners::Servizi(list) => (
            list.iter()
                .filter_map(|r| ctx.plan.config.servizi.iter().find(|s| s.id == r.id))
                .map(|s| Link {
                    href: paths::servizio(&s.id),
                    text: s.name.clone(),
                })
                .collect(),
            false,
        ),
    };
    ObjectiveView {
        summary: objective_summary(ctx, position, true),
        remark: objective.remark.clone(),
        ambito,
        parent,
        servizi,
        all_servizi,
        owners: objective.owners.clone(),
        weight: weight_text(ctx, position),
        children_heading: children_heading(ctx, position),
        rollup: rollup_lines(ctx, position),
        narrative: markdown::to_html(&objective.body),
        indicators: objective
            .indicators
            .iter()
            .enumerate()
            .map(|(i, indicator)| {
                let result = &ctx.evaluation.indicators[position][i];
                indicator_view(
                    ctx,
                    objective,
                    indicator,
                    result,
                    indicator_chart(ctx, position, i),
                )
            })
            .collect(),
        notes: objective
            .notes
            .iter()
            .map(|note| NoteView {
                label: note.label.clone().unwrap_or_default(),
                source: note.source.clone(),
                series: note
                    .series
                    .iter()
                    .map(|(year, entry)| (*year, printed_text(ctx, &entry.observed)))
                    .collect(),
            })
            .collect(),
    }
}

/// "Obiettivi esecutivi (PEG)" when the children share a kind, else
/// "Obiettivi collegati".
fn children_heading(ctx: &Ctx, position: usize) -> String {
    let children = ctx.index.children(position);
    let mut kinds = children.iter().map(|&c| ctx.plan.objectives[c].kind);
    match kinds.next() {
        Some(first) if kinds.all(|k| k == first) => {
            upper_first(&ctx.plan.config.tree.kinds[first].words.plural)
        }
        _ => ctx.t("objective_children"),
    }
}

/// How an objective with children got its achievement, by the plan's rule:
/// its own indicators only (said once), or year by year the children's
/// weighted mean, or the mix of the two with its shares.
fn rollup_lines(ctx: &Ctx, position: usize) -> Vec<String> {
    let children = ctx.index.children(position);
    if children.is_empty() {
        return Vec::new();
    }
    let rule = ctx.plan.config.scoring.rollup;
    if rule == RollupRule::Own {
        return vec![ctx.t("rollup_own_only")];
    }
    let none = ctx.t("achievement_none");
    let percent = |a: Option<Decimal>| a.map_or_else(|| none.clone(), |a| ctx.format.percent(a));
    ctx.evaluation.objectives[position]
        .years
        .iter()
        .filter(|(_, y)| y.from_children && y.achievement.is_some())
        .map(|(year, y)| {
            let year_text = year.to_string();
            match rule {
                // Only one of the two parts could be assessed: the mix is that part.
                RollupRule::Mixed { .. } if y.own.is_none() => ctx.fill(
                    "rollup_from_children",
                    &[
                        ("year", &year_text),
                        ("achievement", &percent(y.achievement)),
                    ],
                ),
                RollupRule::Mixed { .. } if y.children.is_none() => ctx.fill(
                    "rollup_own_fallback",
                    &[
                        ("year", &year_text),
                        ("achievement", &percent(y.achievement)),
                    ],
                ),
                RollupRule::Mixed { own, children } => {
                    let (own_share, children_share) = mix_shares(own, children);
                    ctx.fill(
                        "rollup_mixed",
                        &[
                            ("year", &year_text),
                            ("own_weight", &share_text(ctx, own_share)),
                            ("own", &percent(y.own)),
                            ("children_weight", &share_text(ctx, children_share)),
                            ("children", &percent(y.children)),
                            ("achievement", &percent(y.achievement)),
                        ],
                    )
                }
                _ => ctx.fill(
                    "rollup_from_children",
                    &[
                        ("year", &year_text),
                        ("achievement", &percent(y.achievement)),
                    ],
                ),
            }
        })
        .collect()
}

fn printed_text(ctx: &Ctx, observed: &Observed) -> String {
    match observed {
        Observed::Value(printed) => printed.text.clone(),
        Observed::Date(d) => date(*d),
        Observed::NotDone(text) => text.clone(),
        Observed::NotAvailable(text) if text.is_empty() => ctx.t("achievement_none"),
        Observed::NotAvailable(text) => text.clone(),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct IndicatorView {
    pub id: String,
    pub anchor: String,
    pub name: String,
    pub common: bool,
    pub new: bool,
    pub remark: Option<String>,
    pub algorithm: Option<String>,
    pub formula: Option<String>,
    pub unit: String,
    pub measures: Vec<MeasureView>,
    pub note: Option<String>,
    pub note_remark: Option<String>,
    pub source: Option<String>,
    pub weight: Option<String>,
    pub years: Vec<IndicatorYearView>,
    pub series: Vec<SeriesRowView>,
    pub measure_columns: Vec<String>,
    pub has_benchmarks: bool,
    pub has_remarks: bool,
    pub chart: ChartView,
}

#[derive(Debug, Clone, Serialize)]
pub struct MeasureView {
    /// Its label, or its name in words.
    pub label: String,
    pub source: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct IndicatorYearView {
    pub year: Year,
    pub target: Option<TargetView>,
    pub value: String,
    pub value_available: bool,
    /// Final, or a monitoring reading with its date.
    pub value_status: Option<String>,
    pub monitoring: bool,
    /// The recomputed value, as a check, when it disagrees with the printed one.
    pub mismatch: Option<String>,
    /// Why the result differs from the target, and what is done about it.
    pub cause: Option<String>,
    pub action: Option<String>,
    pub achievement: Option<String>,
    pub achievement_raw: Option<String>,
    pub status: Option<StatusView>,
    pub deviation: Option<String>,
    pub working: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SeriesRowView {
    pub year: Year,
    pub printed: String,
    pub computed: Option<String>,
    pub mismatch: bool,
    pub measures: Vec<String>,
    pub remark: Option<String>,
    pub benchmarks: Option<String>,
}

pub fn indicator_view(
    ctx: &Ctx,
    objective: &Objective,
    indicator: &Indicator,
    result: &IndicatorResult,
    chart: ChartView,
) -> IndicatorView {
    let measure_names: Vec<&str> = indicator.measures.iter().map(|m| m.name.as_str()).collect();
    let measure_columns: Vec<String> = measure_names
        .iter()
        .map(|name| measure_label(indicator, name))
        .collect();
    let years = result
        .years
        .iter()
        .filter(|(year, _)| indicator.targets.contains_key(year))
        .map(|(year, y)| {
            let assessment = y.assessment.as_ref();
            let score = assessment.and_then(|a| a.score.as_ref());
            let entry = indicator.series.get(year);
            IndicatorYearView {
                year: *year,
                target: indicator.targets.get(year).map(|t| target_view(ctx, t)),
                value: value_text(ctx, indicator, y),
                value_available: y.value.is_some() || y.date.is_some(),
                value_status: value_status_text(ctx, y),
                monitoring: y.value_status == Some(ValueStatus::Monitoring),
                mismatch: mismatch_text(ctx, indicator, *year, y),
                cause: entry.and_then(|e| e.cause.clone()),
                action: entry.and_then(|e| e.action.clone()),
                achievement: score.map(|s| ctx.format.percent(s.achievement)),
                achievement_raw: score
                    .filter(|s| s.achievement_raw != s.achievement)
                    .map(|s| {
                        ctx.fill(
                            "achievement_raw",
                            &[("raw", &ctx.format.percent(s.achievement_raw))],
                        )
                    }),
                status: assessment.map(|a| assessment_status(ctx, a)),
                deviation: score.and_then(|s| deviation_text(ctx, indicator, s)),
                // A year with no value and nothing else to explain has no working.
                working: if y.value.is_none()
                    && y.date.is_none()
                    && assessment.is_none_or(|a| a.unassessable == Some(Unassessable::NoValue))
                {
                    Vec::new()
                } else {
                    working_lines(ctx, indicator, *year, y)
                },
            }
        })
        .collect();
    let series = indicator
        .series
        .iter()
        .map(|(year, entry)| {
            let computed = result
                .years
                .get(year)
                .and_then(|y| y.working.as_ref().map(|w| ctx.value(w.result, indicator)));
            SeriesRowView {
                year: *year,
                printed: printed_text(ctx, &entry.observed),
                computed,
                mismatch: result.years.get(year).is_some_and(|y| y.mismatch),
                measures: measure_names
                    .iter()
                    .map(|name| match entry.measures.get(*name) {
                        Some(Some(v)) => ctx.exact(*v),
                        _ => String::new(),
                    })
                    .collect(),
                remark: entry.remark.clone(),
                benchmarks: benchmarks_text(
                    ctx,
                    indicator,
                    entry.national_mean,
                    entry.cluster_mean,
                ),
            }
        })
        .collect::<Vec<_>>();
    IndicatorView {
        id: indicator.id.clone(),
        anchor: paths::indicator_anchor(&indicator.id),
        name: indicator.name.clone(),
        common: indicator.common,
        new: indicator.new,
        remark: indicator.remark.clone(),
        algorithm: indicator.algorithm.clone(),
        formula: indicator
            .formula
            .as_ref()
            .map(|f| formula_words(ctx, indicator, &f.expr)),
        unit: ctx.t(&format!("unit_{}", indicator.unit.code())),
        measures: indicator
            .measures
            .iter()
            .map(|m| MeasureView {
                label: measure_label(indicator, &m.name),
                source: m.source.clone(),
            })
            .collect(),
        note: indicator.note.clone(),
        note_remark: indicator.note_remark.clone(),
        source: indicator.source.clone(),
        // Shown when the objective's indicators are not all weighed alike.
        weight: objective
            .indicators
            .iter()
            .any(|i| i.weight != indicator.weight)
            .then(|| ctx.exact(indicator.weight)),
        has_benchmarks: series.iter().any(|s| s.benchmarks.is_some()),
        has_remarks: series.iter().any(|s| s.remark.is_some()),
        years,
        series,
        measure_columns,
        chart,
    }
}

fn benchmarks_text(
    ctx: &Ctx,
    indicator: &Indicator,
    national: Option<Decimal>,
    cluster: Option<Decimal>,
) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(v) = cluster {
        parts.push(format!(
            "{}: {}",
            ctx.t("benchmark_cluster_mean"),
            ctx.value(v, indicator)
        ));
    }
    if let Some(v) = national {
        parts.push(format!(
            "{}: {}",
            ctx.t("benchmark_national_mean"),
            ctx.value(v, indicator)
        ));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}
