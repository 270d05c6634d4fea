//! The home page and the ambito pages: how the body is doing, year by
//! year, and each ambito's objectives.

use rayon::prelude::*;
use serde::Serialize;

use super::renderer::{Renderer, first_error};
use crate::diagnostics::Diagnostic;
use crate::render::views::charts::{self, SummaryCharts};
use crate::render::views::objective::{self, ObjectiveSummary};
use crate::render::views::{self, Ctx, Link, paths};

impl Renderer<'_> {
    pub(super) fn home(&self) -> Result<(), Diagnostic> {
        let ctx = &self.ctx;
        let plan = ctx.plan;
        let ambiti: Vec<AmbitoView> = (0..plan.config.ambiti.len())
            .map(|a| ambito_view(ctx, a))
            .collect();
        // The first screen: the latest year with results, then the year in
        // course when it has none yet.
        let latest = ctx.last_assessed_year();
        let reference = plan.config.plan.reference_year;
        let has_results = ctx
            .evaluation
            .plan
            .years
            .get(&latest)
            .is_some_and(|y| y.achievement.is_some());
        let mut lead_years = Vec::new();
        if has_results {
            lead_years.push((latest, "home_latest_heading"));
        }
        if !has_results || latest != reference {
            lead_years.push((reference, "home_current_heading"));
        }
        let years: Vec<YearSummary> = lead_years
            .into_iter()
            .filter_map(|(year, heading)| year_summary(ctx, year, heading))
            .collect();
        let ambiti_lines: Vec<AmbitoLine> = (0..plan.config.ambiti.len())
            .map(|a| ambito_line(ctx, a, latest))
            .collect();
        let indicators: usize = plan.objectives.iter().map(|o| o.indicators.len()).sum();
        let counts = ctx.fill(
            "home_counts",
            &[
                ("objectives", &plan.objectives.len().to_string()),
                ("indicators", &indicators.to_string()),
                (
                    "ambiti",
                    &views::counted(plan.config.ambiti.len(), &plan.config.tree.ambito),
                ),
            ],
        );
        // The kinds the site declares, those it has objectives of, with
        // their names (never "0 obiettivi strategici comuni").
        let kinds: Vec<KindCount> = plan
            .kind_counts()
            .into_iter()
            .map(|(kind, count)| {
                let counted = views::counted(count, &kind.words);
                KindCount {
                    label: counted[counted.find(' ').map_or(0, |i| i + 1)..].to_string(),
                    count,
                }
            })
            .filter(|k| k.count > 0)
            .collect();
        let intro = ctx.fill(
            "home_intro",
            &[("edition", &self.site.edition), ("ente", &self.site.ente)],
        );
        // What the year's counts and overall achievement cover, by the rule.
        let others = views::kinds_named(ctx, false);
        let scope = (!others.is_empty()).then(|| match plan.config.scoring.rollup {
            crate::model::RollupRule::Own => ctx.fill(
                "rollup_scope_own",
                &[
                    ("top_level", &views::kinds_named(ctx, true)),
                    ("others", &others),
                ],
            ),
            _ => ctx.fill("rollup_scope_children", &[("others", &others)]),
        });
        let reference_note = ctx.fill(
            "home_reference_note",
            &[("year", &self.site.reference_year.to_string())],
        );
        let page = self.page(
            paths::HOME,
            self.site.name.clone(),
            intro.clone(),
            Vec::new(),
        );
        self.emit(
            "index.html",
            page,
            &[
                ("intro", &intro),
                ("counts", &counts),
                ("kinds", &kinds),
                ("years", &years),
                ("ambiti", &ambiti),
                ("ambiti_lines", &ambiti_lines),
                ("latest_year", &latest),
                ("reference_note", &reference_note),
                ("scope", &scope),
                ("charts", &charts::home_charts(ctx)),
                ("pdf_href", &self.pdf_href()),
                ("relazione", &views::relazione_link(ctx)),
            ],
        )
    }

    pub(super) fn ambiti(&self) -> Result<(), Diagnostic> {
        first_error(
            (0..self.ctx.plan.config.ambiti.len())
                .into_par_iter()
                .map(|a| {
                    let view = ambito_view(&self.ctx, a);
                    let ambito = &self.ctx.plan.config.ambiti[a];
                    let page = self.page(
                        &paths::ambito(&ambito.id),
                        ambito.title.clone(),
                        format!(
                            "{}: {}",
                            self.ctx.plan.config.tree.ambito.singular, ambito.title
                        ),
                        vec![Link {
                            href: paths::ambito(&ambito.id),
                            text: ambito.title.clone(),
                        }],
                    );
                    self.emit(
                        "ambito.html",
                        page,
                        &[("ambito", &view), ("charts", &SummaryCharts::default())],
                    )
                }),
        )
    }
}

#[derive(Debug, Serialize)]
struct KindCount {
    label: String,
    count: usize,
}

#[derive(Debug, Serialize)]
struct YearSummary {
    year: i32,
    heading: String,
    /// The overall achievement alone, to show large.
    figure: Option<String>,
    counts: String,
    /// The not assessable ones by reason.
    reasons: Option<String>,
    achievement: Option<String>,
    /// What the achievement rests on.
    rests_on: Option<String>,
    mix: Vec<MixItem>,
}

#[derive(Debug, Serialize)]
struct MixItem {
    status: views::StatusView,
    count: usize,
}

fn year_summary(ctx: &Ctx, year: i32, heading: &str) -> Option<YearSummary> {
    let y = ctx.evaluation.plan.years.get(&year)?;
    let c = &y.counts;
    let year_text = year.to_string();
    Some(YearSummary {
        year,
        heading: ctx.fill(heading, &[("year", &year_text)]),
        figure: y.achievement.map(|a| ctx.format.percent(a)),
        counts: if c.assessed() == 0 {
            ctx.fill(
                "home_year_counts_none",
                &[("year", &year_text), ("total", &c.total().to_string())],
            )
        } else {
            ctx.fill(
                "home_year_counts",
                &[
                    ("year", &year_text),
                    ("total", &c.total().to_string()),
                    ("reached", &c.raggiunto.to_string()),
                    ("partial", &c.parzialmente_raggiunto.to_string()),
                    ("missed", &c.non_raggiunto.to_string()),
                    ("unassessable", &c.non_valutabile.to_string()),
                ],
            )
        },
        achievement: y.achievement.map(|_| ctx.t("home_latest_figure")),
        // The badges below name the reasons when something was assessed.
        reasons: (c.assessed() == 0)
            .then(|| views::reasons_text(ctx, c))
            .flatten(),
        rests_on: y.achievement.map(|_| views::rests_on(ctx, year, y)),
        mix: crate::engine::scoring::Status::ALL
            .iter()
            .filter(|s| **s != crate::engine::scoring::Status::NonValutabile)
            .map(|s| MixItem {
                status: views::status_view(ctx, *s),
                count: c.get(*s),
            })
            .chain(
                views::reason_mix(ctx, c)
                    .into_iter()
                    .map(|(status, count)| MixItem { status, count }),
            )
            .filter(|item| item.count > 0 && c.assessed() > 0)
            .collect(),
    })
}

/// An ambito in the home page's list: how it did in the latest year with
/// results.
#[derive(Debug, Serialize)]
struct AmbitoLine {
    title: String,
    href: String,
    achievement: Option<String>,
    status: Option<views::StatusView>,
    /// "2 obiettivi su 4 valutati", or why none is.
    note: String,
}

fn ambito_line(ctx: &Ctx, a: usize, year: i32) -> AmbitoLine {
    let ambito = &ctx.plan.config.ambiti[a];
    let y = ctx.evaluation.ambiti[a].years.get(&year);
    let year_text = year.to_string();
    AmbitoLine {
        title: ambito.title.clone(),
        href: paths::ambito(&ambito.id),
        achievement: y.and_then(|y| y.achievement).map(|v| ctx.format.percent(v)),
        status: y
            .filter(|y| y.counts.total() > 0)
            .map(|y| views::rollup_status(ctx, y)),
        note: match y {
            Some(y) if y.achievement.is_some() => ctx.fill(
                "home_ambito_assessed",
                &[
                    ("assessed", &y.parts_assessed.to_string()),
                    ("parts", &y.parts.to_string()),
                ],
            ),
            Some(y) if y.counts.total() > 0 => {
                ctx.fill("home_ambito_none", &[("year", &year_text)])
            }
            _ => ctx.fill("home_ambito_no_targets", &[("year", &year_text)]),
        },
    }
}

#[derive(Debug, Serialize)]
struct AmbitoView {
    id: String,
    href: String,
    title: String,
    description: Option<String>,
    achievements: Vec<objective::AchievementCell>,
    objectives: Vec<ObjectiveSummary>,
}

fn ambito_view(ctx: &Ctx, a: usize) -> AmbitoView {
    let ambito = &ctx.plan.config.ambiti[a];
    AmbitoView {
        id: ambito.id.clone(),
        href: paths::ambito(&ambito.id),
        title: ambito.title.clone(),
        description: ambito.description.clone(),
        achievements: objective::achievements(ctx, &ctx.evaluation.ambiti[a]),
        objectives: ctx
            .plan
            .objectives
            .iter()
            .enumerate()
            .filter(|(_, o)| {
                ctx.plan.is_top_level(o) && o.ambito.as_ref().is_some_and(|r| r.id == ambito.id)
            })
            .map(|(position, _)| objective::objective_summary(ctx, position, true))
            .collect(),
    }
}
