//! The charts of the site, fed from the evaluation: one per indicator with
//! values (its series, targets and benchmarks, with a text description and a
//! CSV of exactly the data drawn), and the summary charts of the home and
//! ambito pages. This module chooses what to draw and says it in words;
//! `render::charts` draws it.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::engine::scoring::Status;
use crate::engine::{Basis, IndicatorResult, YearResult};
use crate::model::{Indicator, TargetEntry, TargetKind, Unit, Year};
use crate::render::charts::achievement::{self, Bar, BarLabels};
use crate::render::charts::series::{self, Benchmarks, SeriesChart, SeriesLabels, TargetMark};
use crate::render::charts::status_mix::{self, MixLabels, MixRow};
use crate::render::charts::{ChartText, Frame};
use crate::render::data::dictionary::CHART;
use crate::render::data::{Row, write_csv};
use crate::render::format::machine;
use crate::render::views::{Ctx, paths, status_view};

/// The chart of an indicator, as its page shows it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ChartView {
    /// Drawn for phones; `svg_wide` for wider screens (CSS shows one).
    pub svg: Option<String>,
    pub svg_wide: Option<String>,
    /// Shown instead of the chart when it cannot be drawn.
    pub fallback: Option<String>,
    pub csv_href: Option<String>,
}

/// Summary charts of the home and ambito pages, when they can be drawn.
#[derive(Debug, Default, Serialize)]
pub struct SummaryCharts {
    pub achievement: Option<ChartBlock>,
    pub mix: Option<ChartBlock>,
}

/// A chart and its visible caption.
#[derive(Debug, Serialize)]
pub struct ChartBlock {
    /// Drawn for phones; `svg_wide` for wider screens (CSS shows one).
    pub svg: String,
    pub svg_wide: String,
    pub title: String,
}

/// A chart drawn in both frames: the phones' one with `id`, the wide one
/// with `id-wide`, so that the ids in the page stay unique.
fn both_frames(id: &str, draw: impl Fn(&str, Frame) -> Option<String>) -> Option<(String, String)> {
    Some((
        draw(id, Frame::COMPACT)?,
        draw(&format!("{id}-wide"), Frame::WIDE)?,
    ))
}

/// One year of an indicator's chart: exactly what is drawn and exported.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesPoint {
    pub year: Year,
    pub value: Option<Decimal>,
    pub printed: Option<String>,
    /// The date of a monitoring reading; `None` for a final value.
    pub as_of: Option<crate::model::Date>,
    /// The value recomputed from the measures, when it disagrees with the
    /// printed one.
    pub check: Option<Decimal>,
    pub target: Option<Decimal>,
    pub original_target: Option<Decimal>,
    pub national_mean: Option<Decimal>,
    pub cluster_mean: Option<Decimal>,
}

/// The points of an indicator's chart, one per year from the first year with
/// data or a target to the last of the objective's period.
pub fn series_points(ctx: &Ctx, o: usize, i: usize) -> Vec<SeriesPoint> {
    let objective = &ctx.plan.objectives[o];
    let indicator = &objective.indicators[i];
    let result = &ctx.evaluation.indicators[o][i];
    let first = result
        .years
        .keys()
        .next()
        .copied()
        .unwrap_or(objective.period.start);
    let last = result
        .years
        .keys()
        .next_back()
        .copied()
        .unwrap_or(objective.period.end)
        .max(objective.period.end);
    (first.min(objective.period.start)..=last)
        .map(|year| {
            let y = result.years.get(&year);
            let entry = indicator.series.get(&year);
            let (target, original_target) = indicator
                .targets
                .get(&year)
                .map(|t| target_marks(t, y))
                .unwrap_or_default();
            SeriesPoint {
                year,
                value: y.and_then(|y| y.value),
                printed: entry.map(|e| match &e.observed {
                    crate::model::Observed::Value(p) => p.text.clone(),
                    crate::model::Observed::Date(d) => d.to_string(),
                    crate::model::Observed::NotDone(text)
                    | crate::model::Observed::NotAvailable(text) => text.clone(),
                }),
                as_of: y.and_then(|y| y.as_of),
                check: y
                    .filter(|y| y.mismatch)
                    .and_then(|y| y.working.as_ref())
                    .map(|w| w.result)
                    .filter(|c| Some(*c) != y.and_then(|y| y.value)),
                target,
                original_target,
                national_mean: entry.and_then(|e| e.national_mean),
                cluster_mean: entry.and_then(|e| e.cluster_mean),
            }
        })
        .collect()
}

/// The target of a year on the scale of the values, and the original one
/// when it was revised.
fn target_marks(
    entry: &TargetEntry,
    result: Option<&YearResult>,
) -> (Option<Decimal>, Option<Decimal>) {
    let on_scale = |kind: &TargetKind, resolved: bool| match kind {
        TargetKind::Threshold { value, .. } => Some(*value),
        TargetKind::Zero => Some(Decimal::ZERO),
        TargetKind::MeanOfPrevious { .. } | TargetKind::Benchmark { .. } if resolved => result
            .and_then(|r| r.assessment.as_ref())
            .and_then(|a| a.compared.as_ref())
            .map(|c| c.target),
        TargetKind::Change { delta, .. } if resolved => result
            .and_then(|r| r.assessment.as_ref())
            .and_then(|a| a.compared.as_ref())
            .and_then(|c| match c.basis {
                Basis::Change {
                    previous,
                    relative: false,
                    ..
                } => previous.checked_add(*delta),
                Basis::Change {
                    previous,
                    relative: true,
                    ..
                } => previous
                    .checked_mul(Decimal::ONE_HUNDRED.checked_add(*delta)?)?
                    .checked_div(Decimal::ONE_HUNDRED),
                _ => None,
            }),
        _ => None,
    };
    let target = on_scale(&entry.effective().kind, true);
    let original = entry
        .revised
        .as_ref()
        .and_then(|_| on_scale(&entry.original.kind, false));
    (target, original)
}

/// Whether an indicator has at least one value (it then gets a chart and
/// a CSV of its series).
pub fn has_values(result: &IndicatorResult) -> bool {
    result.years.values().any(|y| y.value.is_some())
}

/// Whether an indicator gets a chart and a series CSV: at least one numeric
/// value (date indicators have none).
pub fn has_chart(ctx: &Ctx, o: usize, i: usize) -> bool {
    ctx.plan.objectives[o].indicators[i].unit != Unit::Date
        && has_values(&ctx.evaluation.indicators[o][i])
}

pub fn indicator_chart(ctx: &Ctx, o: usize, i: usize) -> ChartView {
    let indicator = &ctx.plan.objectives[o].indicators[i];
    if !has_chart(ctx, o, i) {
        return ChartView::default();
    }
    let points = series_points(ctx, o, i);
    let csv_href = Some(paths::series_csv(&indicator.id));
    let Some(first) = points.first().map(|p| p.year) else {
        return ChartView::default();
    };
    let last = points.last().map_or(first, |p| p.year);
    let title = ctx.fill("chart_title", &[("name", &indicator.name)]);
    let description = describe(ctx, indicator, &points);
    let labels = [
        ctx.t("chart_value"),
        ctx.t("chart_target"),
        ctx.t("chart_original_target"),
        ctx.t("chart_not_available"),
        ctx.t("chart_national_mean"),
        ctx.t("chart_cluster_mean"),
        ctx.t("chart_monitoring"),
        ctx.t("chart_axis_not_from_zero"),
    ];
    let id = format!("chart-{}", indicator.id);
    let chart = SeriesChart {
        id: &id,
        // Counts and shares are read against zero.
        from_zero: matches!(indicator.unit, Unit::Number | Unit::Percent),
        text: ChartText {
            title: &title,
            description: &description,
        },
        labels: SeriesLabels {
            value: &labels[0],
            target: &labels[1],
            original_target: &labels[2],
            not_available: &labels[3],
            national_mean: &labels[4],
            cluster_mean: &labels[5],
            monitoring: &labels[6],
            axis_not_from_zero: &labels[7],
        },
        unit: indicator.unit,
        decimals: indicator.decimals,
        format: &ctx.format,
        years: first..=last,
        // A year is a labelled gap ("n.d.") when the source says so, or when
        // it is past and has no value; later years simply have no point yet.
        values: points
            .iter()
            .filter(|p| {
                p.value.is_some()
                    || p.printed.is_some()
                    || p.year < ctx.plan.config.plan.reference_year
            })
            .map(|p| (p.year, p.value))
            .collect(),
        monitoring: points
            .iter()
            .filter(|p| p.value.is_some() && p.as_of.is_some())
            .map(|p| p.year)
            .collect(),
        targets: points
            .iter()
            .filter_map(|p| {
                p.target.map(|value| TargetMark {
                    year: p.year,
                    value,
                    original: p.original_target,
                })
            })
            .collect(),
        benchmarks: points
            .iter()
            .filter(|p| p.national_mean.is_some() || p.cluster_mean.is_some())
            .map(|p| Benchmarks {
                year: p.year,
                national: p.national_mean,
                cluster: p.cluster_mean,
            })
            .collect(),
    };
    let drawn = both_frames(&id, |id, frame| {
        series::series_svg(
            &SeriesChart {
                id,
                ..chart.clone()
            },
            frame,
        )
    });
    match drawn {
        Some((svg, wide)) => ChartView {
            svg: Some(svg),
            svg_wide: Some(wide),
            fallback: None,
            csv_href,
        },
        None => ChartView {
            svg: None,
            svg_wide: None,
            fallback: Some(ctx.t("chart_fallback")),
            csv_href,
        },
    }
}

/// "Valori: 2020 n.d.; 2021 15,02%. Target: 2022 14%. Ultimo valore (2021):
/// 15,02%, sopra il target 14%."
fn describe(ctx: &Ctx, indicator: &Indicator, points: &[SeriesPoint]) -> String {
    let value = |v: Decimal| ctx.value(v, indicator);
    let values: Vec<String> = points
        .iter()
        .filter(|p| p.value.is_some() || p.printed.is_some())
        .map(|p| {
            let shown = p.value.map_or_else(|| ctx.t("chart_not_available"), value);
            match p.as_of {
                Some(as_of) => format!(
                    "{} {shown} ({})",
                    p.year,
                    ctx.fill(
                        "value_monitoring",
                        &[("date", &crate::render::format::date(as_of))]
                    )
                ),
                None => format!("{} {shown}", p.year),
            }
        })
        .collect();
    // Targets as numbers with their own decimals: "2023 20%", not "20,00%".
    let target = |t: Decimal| ctx.precise(t, indicator);
    let targets: Vec<String> = points
        .iter()
        .filter_map(|p| p.target.map(|t| format!("{} {}", p.year, target(t))))
        .collect();
    let mut text = ctx.fill(
        "chart_description_values",
        &[("values", &values.join("; "))],
    );
    if !targets.is_empty() {
        text.push(' ');
        text.push_str(&ctx.fill(
            "chart_description_targets",
            &[("targets", &targets.join("; "))],
        ));
    }
    if let Some(p) = points
        .iter()
        .rev()
        .find(|p| p.value.is_some() && p.target.is_some())
    {
        let (Some(v), Some(t)) = (p.value, p.target) else {
            return text;
        };
        let position = ctx.t(match v.cmp(&t) {
            std::cmp::Ordering::Greater => "chart_above",
            std::cmp::Ordering::Less => "chart_below",
            std::cmp::Ordering::Equal => "chart_equal",
        });
        text.push(' ');
        text.push_str(&ctx.fill(
            "chart_description_last",
            &[
                ("year", &p.year.to_string()),
                ("value", &value(v)),
                ("position", &position),
                ("target", &target(t)),
            ],
        ));
    }
    text
}

/// The data of an indicator's chart as CSV: the same rows, machine numbers.
pub fn series_csv(ctx: &Ctx, o: usize, i: usize) -> Result<Vec<u8>, String> {
    let indicator = &ctx.plan.objectives[o].indicators[i];
    let number = |v: Option<Decimal>| v.map(machine).unwrap_or_default();
    let rows: Vec<Row> = series_points(ctx, o, i)
        .into_iter()
        .map(|p| {
            vec![
                ("year", p.year.to_string()),
                ("value", number(p.value)),
                (
                    "value_status",
                    match (p.value, p.as_of) {
                        (None, _) => String::new(),
                        (Some(_), None) => "final".into(),
                        (Some(_), Some(_)) => "monitoring".into(),
                    },
                ),
                ("as_of", p.as_of.map(|d| d.to_string()).unwrap_or_default()),
                ("computed_check", number(p.check)),
                ("printed", p.printed.clone().unwrap_or_default()),
                ("target", number(p.target)),
                ("target_original", number(p.original_target)),
                ("national_mean", number(p.national_mean)),
                ("cluster_mean", number(p.cluster_mean)),
                ("unit", indicator.unit.code().to_string()),
                ("indicator_id", indicator.id.clone()),
                ("indicator_name", indicator.name.clone()),
            ]
        })
        .collect();
    write_csv(&CHART, &rows)
}

/// The year the summary charts show: the latest assessed up to the
/// reference year.
fn chart_year(ctx: &Ctx) -> Year {
    ctx.last_assessed_year()
}

/// Achievement bars for the given objectives in the chart year, best first.
fn achievement_chart(ctx: &Ctx, id: &str, objectives: &[usize], year: Year) -> Option<ChartBlock> {
    let mut rows: Vec<(String, Decimal, Status)> = objectives
        .iter()
        .filter_map(|&o| {
            let y = ctx.evaluation.objectives[o].years.get(&year)?;
            Some((
                ctx.plan.objectives[o].title.clone(),
                y.achievement?,
                y.status,
            ))
        })
        .collect();
    // Best first; equal achievements keep the plan's order.
    rows.sort_by_key(|row| std::cmp::Reverse(row.1));
    if rows.is_empty() {
        return None;
    }

    // Short status words leave the objective's name more room in the chart.
    let statuses: BTreeMap<&'static str, String> = Status::ALL
        .iter()
        .map(|s| (s.code(), ctx.t(&format!("status_short_{}", s.code()))))
        .collect();
    let bars: Vec<Bar> = rows
        .iter()
        .map(|(label, value, status)| Bar {
            label,
            value: *value,
            status: *status,
            status_label: statuses.get(status.code()).map_or("", String::as_str),
        })
        .collect();
    let year_text = year.to_string();
    let title = ctx.fill("chart_achievement_title", &[("year", &year_text)]);
    let list: Vec<String> = rows
        .iter()
        .map(|(name, value, status)| {
            format!(
                "{name} {} ({})",
                ctx.format.percent(*value),
                status_view(ctx, *status).label.to_lowercase()
            )
        })
        .collect();
    let description = ctx.fill(
        "chart_achievement_description",
        &[
            ("count", &rows.len().to_string()),
            ("year", &year_text),
            ("list", &list.join("; ")),
        ],
    );
    let partial = ctx.fill(
        "chart_partial_threshold",
        &[(
            "value",
            &ctx.format
                .percent_short(ctx.plan.config.scoring.partial_from),
        )],
    );
    let full = ctx.fill(
        "chart_full_threshold",
        &[("value", &ctx.format.percent_short(Decimal::ONE_HUNDRED))],
    );
    let axis = ctx.t("chart_achievement_axis");
    let (svg, svg_wide) = both_frames(id, |id, frame| {
        achievement::achievement_svg(
            id,
            ChartText {
                title: &title,
                description: &description,
            },
            BarLabels {
                axis: &axis,
                partial_threshold: &partial,
                full_threshold: &full,
            },
            &bars,
            ctx.plan.config.scoring.partial_from,
            &ctx.format,
            frame,
        )
    })?;
    Some(ChartBlock {
        svg,
        svg_wide,
        title,
    })
}

fn mix_chart(ctx: &Ctx, year: Year) -> Option<ChartBlock> {
    let rows: Vec<(String, crate::engine::StatusCounts)> = ctx
        .plan
        .config
        .ambiti
        .iter()
        .zip(&ctx.evaluation.ambiti)
        .filter_map(|(ambito, rollup)| {
            let y = rollup.years.get(&year)?;
            (y.counts.total() > 0).then(|| (ambito.title.clone(), y.counts))
        })
        .collect();
    if rows.is_empty() {
        return None;
    }
    let labels: Vec<String> = Status::ALL
        .iter()
        .map(|s| status_view(ctx, *s).label)
        .collect();
    let year_text = year.to_string();
    let list: Vec<String> = rows
        .iter()
        .map(|(name, c)| {
            format!(
                "{name}: {} {}, {} {}, {} {}, {} {}",
                c.raggiunto,
                labels[0].to_lowercase(),
                c.parzialmente_raggiunto,
                labels[1].to_lowercase(),
                c.non_raggiunto,
                labels[2].to_lowercase(),
                c.non_valutabile,
                labels[3].to_lowercase()
            )
        })
        .collect();
    let ambito = crate::render::views::lower_first(&ctx.plan.config.tree.ambito.singular);
    let title = ctx.fill(
        "chart_mix_title",
        &[("year", &year_text), ("ambito", &ambito)],
    );
    let description = ctx.fill(
        "chart_mix_description",
        &[
            ("year", &year_text),
            ("list", &list.join("; ")),
            ("ambito", &ambito),
        ],
    );
    let mix_rows: Vec<MixRow> = rows
        .iter()
        .map(|(label, counts)| MixRow {
            label,
            counts: *counts,
        })
        .collect();
    let (svg, svg_wide) = both_frames("chart-mix", |id, frame| {
        status_mix::status_mix_svg(
            id,
            ChartText {
                title: &title,
                description: &description,
            },
            MixLabels {
                statuses: [&labels[0], &labels[1], &labels[2], &labels[3]],
            },
            &mix_rows,
            frame,
        )
    })?;
    Some(ChartBlock {
        svg,
        svg_wide,
        title,
    })
}

pub fn home_charts(ctx: &Ctx) -> SummaryCharts {
    year_charts(ctx, chart_year(ctx))
}

/// The summary charts of one year: achievement of the top-level objectives,
/// targets by status in each ambito.
pub fn year_charts(ctx: &Ctx, year: Year) -> SummaryCharts {
    let top: Vec<usize> = (0..ctx.plan.objectives.len())
        .filter(|&o| ctx.plan.is_top_level(&ctx.plan.objectives[o]))
        .collect();
    SummaryCharts {
        achievement: achievement_chart(ctx, "chart-achievement", &top, year),
        mix: mix_chart(ctx, year),
    }
}

pub fn ambito_charts(ctx: &Ctx, ambito: &str) -> SummaryCharts {
    let members: Vec<usize> = (0..ctx.plan.objectives.len())
        .filter(|&o| ctx.index.ambito_of(ctx.plan, &ctx.plan.objectives[o]) == Some(ambito))
        .collect();
    SummaryCharts {
        achievement: achievement_chart(ctx, "chart-achievement", &members, chart_year(ctx)),
        mix: None,
    }
}
