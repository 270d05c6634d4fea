//! The Relazione sulla performance (D.Lgs. 150/2009 art. 10) of one year, as
//! a page of its own: a summary for citizens, how the year went, every
//! objective with its indicators, the shortfalls with their causes, the
//! scoring rules and the data sources.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::engine::ValueStatus;
use crate::engine::scoring::Status;
use crate::model::{ScoringRule, ValueChoice, Year};
use crate::render::views::charts::{SummaryCharts, year_charts};
use crate::render::views::working::unassessable_text;
use crate::render::views::{
    self, Ctx, Link, StatusView, assessment_status, mismatch_text, paths, status_view, value_text,
};

#[derive(Debug, Serialize)]
pub struct RelazioneView {
    pub year: Year,
    pub title: String,
    /// The summary for citizens, one paragraph each.
    pub summary: Vec<String>,
    /// Targets of the year by outcome (reasons apart).
    pub outcomes: Vec<OutcomeRow>,
    pub total: usize,
    pub achievement: Option<String>,
    pub rests_on: String,
    pub ambiti: Vec<RollupRow>,
    pub objectives: Vec<RollupRow>,
    pub charts: SummaryCharts,
    pub details: Vec<ObjectiveResults>,
    pub shortfalls: Vec<Shortfall>,
    pub rules: Vec<String>,
    pub sources: Vec<String>,
    pub data: Vec<Link>,
}

#[derive(Debug, Serialize)]
pub struct OutcomeRow {
    pub status: StatusView,
    pub count: usize,
}

/// An ambito or objective: achievement, status and targets assessed.
#[derive(Debug, Serialize)]
pub struct RollupRow {
    pub title: String,
    pub href: String,
    pub kind: Option<String>,
    pub operational: bool,
    /// The level of its kind (1 under an ambito), for the indentation.
    pub level: u32,
    pub achievement: String,
    pub status: StatusView,
    pub assessed: String,
}

#[derive(Debug, Serialize)]
pub struct ObjectiveResults {
    pub id: String,
    pub title: String,
    pub href: String,
    pub kind: String,
    pub achievement: String,
    pub status: StatusView,
    pub indicators: Vec<IndicatorResults>,
}

#[derive(Debug, Serialize)]
pub struct IndicatorResults {
    pub name: String,
    pub href: String,
    pub target: views::TargetView,
    pub value: String,
    pub value_status: Option<String>,
    pub monitoring: bool,
    pub check: Option<String>,
    pub achievement: Option<String>,
    pub deviation: Option<String>,
    pub status: StatusView,
    /// Why it is not assessable, in words.
    pub reason: Option<String>,
    pub cause: Option<String>,
    pub action: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Shortfall {
    pub indicator: String,
    pub href: String,
    pub objective: String,
    pub target: views::TargetView,
    pub value: String,
    pub monitoring: bool,
    pub achievement: String,
    pub status: StatusView,
    pub cause: Option<String>,
    pub action: Option<String>,
}

pub fn relazione_view(ctx: &Ctx) -> RelazioneView {
    let plan = ctx.plan;
    let year = plan.config.plan.relazione_year();
    let year_text = year.to_string();
    let rollup = ctx.evaluation.plan.years.get(&year);
    let counts = rollup.map(|y| y.counts).unwrap_or_default();
    let mut outcomes: Vec<OutcomeRow> = [
        Status::Raggiunto,
        Status::ParzialmenteRaggiunto,
        Status::NonRaggiunto,
    ]
    .iter()
    .map(|s| OutcomeRow {
        status: status_view(ctx, *s),
        count: counts.get(*s),
    })
    .collect();
    outcomes.extend(
        views::reason_mix(ctx, &counts)
            .into_iter()
            .map(|(status, count)| OutcomeRow { status, count }),
    );
    let achievement = rollup
        .and_then(|y| y.achievement)
        .map(|a| ctx.format.percent(a));
    let rests_on = rollup.map_or_else(
        || ctx.fill("rests_on_none", &[("year", &year_text)]),
        |y| views::rests_on(ctx, year, y),
    );

    let ambiti = plan
        .config
        .ambiti
        .iter()
        .zip(&ctx.evaluation.ambiti)
        .filter_map(|(ambito, r)| {
            let y = r.years.get(&year)?;
            Some(rollup_row(
                ctx,
                ambito.title.clone(),
                paths::ambito(&ambito.id),
                None,
                0,
                y,
            ))
        })
        .collect();
    let mut objectives = Vec::new();
    let mut details = Vec::new();
    let mut shortfalls = Vec::new();
    let mut sources = BTreeSet::new();
    for (o, objective) in plan.objectives.iter().enumerate() {
        let Some(y) = ctx.evaluation.objectives[o].years.get(&year) else {
            continue;
        };
        let kind = views::kind_label(ctx, objective);
        objectives.push(rollup_row(
            ctx,
            objective.title.clone(),
            paths::objective(&objective.id),
            Some(kind.clone()),
            plan.kind(objective).level,
            y,
        ));
        let mut indicators = Vec::new();
        for (i, indicator) in objective.indicators.iter().enumerate() {
            let Some(entry) = indicator.targets.get(&year) else {
                continue;
            };
            let Some(result) = ctx.evaluation.indicators[o][i].years.get(&year) else {
                continue;
            };
            let Some(assessment) = result.assessment.as_ref() else {
                continue;
            };
            if let Some(source) = &indicator.source {
                sources.insert(source.clone());
            }
            let series = indicator.series.get(&year);
            let score = assessment.score.as_ref();
            let target = views::target_view(ctx, entry);
            let value = value_text(ctx, indicator, result);
            let monitoring = result.value_status == Some(ValueStatus::Monitoring);
            let status = assessment_status(ctx, assessment);
            let href = paths::indicator(&objective.id, &indicator.id);
            let cause = series.and_then(|e| e.cause.clone());
            let action = series.and_then(|e| e.action.clone());
            if let Some(score) = score.filter(|s| !s.met) {
                shortfalls.push(Shortfall {
                    indicator: indicator.name.clone(),
                    href: href.clone(),
                    objective: objective.title.clone(),
                    target: target.clone(),
                    value: value.clone(),
                    monitoring,
                    achievement: ctx.format.percent(score.achievement),
                    status: status.clone(),
                    cause: cause.clone(),
                    action: action.clone(),
                });
            }
            indicators.push(IndicatorResults {
                name: indicator.name.clone(),
                href,
                target,
                value,
                value_status: views::value_status_text(ctx, result),
                monitoring,
                check: mismatch_text(ctx, indicator, year, result),
                achievement: score.map(|s| ctx.format.percent(s.achievement)),
                deviation: score.and_then(|s| views::deviation_text(ctx, indicator, s)),
                status,
                reason: assessment
                    .unassessable
                    .as_ref()
                    .map(|u| unassessable_text(ctx, u)),
                cause,
                action,
            });
        }
        if !indicators.is_empty() {
            details.push(ObjectiveResults {
                id: objective.id.clone(),
                title: objective.title.clone(),
                href: paths::objective(&objective.id),
                kind,
                achievement: y
                    .achievement
                    .map_or_else(|| ctx.t("achievement_none"), |a| ctx.format.percent(a)),
                status: views::rollup_status(ctx, y),
                indicators,
            });
        }
    }

    let summary = summary(ctx, year, achievement.as_deref(), &rests_on, &shortfalls);
    RelazioneView {
        year,
        title: ctx.fill("relazione_title", &[("year", &year_text)]),
        summary,
        outcomes,
        total: counts.total(),
        achievement,
        rests_on,
        ambiti,
        objectives,
        charts: year_charts(ctx, year),
        details,
        shortfalls,
        rules: rules(ctx),
        sources: sources.into_iter().collect(),
        data: vec![
            Link {
                href: "dati/indicatori.csv".into(),
                text: ctx.t("data_csv"),
            },
            Link {
                href: "dati/piao.json".into(),
                text: ctx.t("data_json"),
            },
        ],
    }
}

fn rollup_row(
    ctx: &Ctx,
    title: String,
    href: String,
    kind: Option<String>,
    level: u32,
    y: &crate::engine::YearRollup,
) -> RollupRow {
    RollupRow {
        title,
        href,
        kind,
        operational: level > 1,
        level,
        achievement: y
            .achievement
            .map_or_else(|| ctx.t("achievement_none"), |a| ctx.format.percent(a)),
        status: views::rollup_status(ctx, y),
        assessed: ctx.fill(
            "relazione_assessed",
            &[
                ("assessed", &y.counts.assessed().to_string()),
                ("total", &y.counts.total().to_string()),
            ],
        ),
    }
}

/// The summary for citizens, in plain Italian: what was promised, what was
/// done, what cannot be said yet, and why some targets were missed.
fn summary(
    ctx: &Ctx,
    year: Year,
    achievement: Option<&str>,
    rests_on: &str,
    shortfalls: &[Shortfall],
) -> Vec<String> {
    let year_text = year.to_string();
    let counts = ctx
        .evaluation
        .plan
        .years
        .get(&year)
        .map(|y| y.counts)
        .unwrap_or_default();
    let mut out = vec![ctx.fill(
        "relazione_summary_intro",
        &[("year", &year_text), ("ente", &ctx.plan.config.ente.name)],
    )];
    if counts.assessed() == 0 {
        out.push(ctx.fill(
            "relazione_summary_nothing",
            &[("year", &year_text), ("total", &counts.total().to_string())],
        ));
        return out;
    }
    out.push(ctx.fill(
        "relazione_summary_counts",
        &[
            ("year", &year_text),
            ("total", &counts.total().to_string()),
            ("assessed", &counts.assessed().to_string()),
            ("reached", &counts.raggiunto.to_string()),
            ("partial", &counts.parzialmente_raggiunto.to_string()),
            ("missed", &counts.non_raggiunto.to_string()),
        ],
    ));
    if let Some(reasons) = views::reasons_list(ctx, &counts) {
        out.push(ctx.fill(
            "relazione_summary_unassessable",
            &[
                ("count", &counts.non_valutabile.to_string()),
                ("reasons", &reasons),
            ],
        ));
    }
    if let Some(achievement) = achievement {
        out.push(format!(
            "{} {rests_on}",
            ctx.fill(
                "relazione_summary_achievement",
                &[("achievement", achievement)]
            )
        ));
    }
    if counts.monitoring > 0 {
        out.push(ctx.fill(
            "relazione_summary_monitoring",
            &[("count", &counts.monitoring.to_string())],
        ));
    }
    if !shortfalls.is_empty() {
        let without = shortfalls.iter().filter(|s| s.cause.is_none()).count();
        out.push(if without == 0 {
            ctx.fill(
                "relazione_summary_shortfalls",
                &[("count", &shortfalls.len().to_string())],
            )
        } else {
            ctx.fill(
                "relazione_summary_shortfalls_missing",
                &[
                    ("count", &shortfalls.len().to_string()),
                    ("without", &without.to_string()),
                ],
            )
        });
    }
    out
}

/// The scoring rules applied, from the config.
fn rules(ctx: &Ctx) -> Vec<String> {
    let scoring = &ctx.plan.config.scoring;
    let partial = ctx.format.percent_short(scoring.partial_from);
    vec![
        views::rules_source(ctx),
        ctx.t(match scoring.higher_is_better {
            ScoringRule::Proportional => "method_higher_proportional",
            ScoringRule::Binary => "method_higher_binary",
        }),
        ctx.t(match scoring.lower_is_better {
            ScoringRule::Proportional => "method_lower_proportional",
            ScoringRule::Binary => "method_lower_binary",
        }),
        ctx.fill(
            "method_cap",
            &[("cap", &ctx.format.percent_short(scoring.cap))],
        ),
        ctx.fill("method_status_partial", &[("partial", &partial)]),
        ctx.fill("method_status_missed", &[("partial", &partial)]),
        ctx.t(match scoring.values {
            ValueChoice::Printed => "relazione_rule_printed",
            ValueChoice::Computed => "relazione_rule_computed",
        }),
        ctx.t("relazione_rule_monitoring"),
        ctx.t("relazione_rule_unassessable"),
    ]
}
