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
        let years: Vec<YearSummary> = crate::render::summary_years(plan, ctx.evaluation)
            .into_iter()
            .filter_map(|year| year_summary(ctx, year))
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
    counts: String,
    /// The not assessable ones by reason.
    reasons: Option<String>,
    achievement: Option<String>,
    /// What the achievement rests on.
    rests_on: String,
    mix: Vec<MixItem>,
}

#[derive(Debug, Serialize)]
struct MixItem {
    status: views::StatusView,
    count: usize,
}

fn year_summary(ctx: &Ctx, year: i32) -> Option<YearSummary> {
    let y = ctx.evaluation.plan.years.get(&year)?;
    let c = &y.counts;
    let year_text = year.to_string();
    Some(YearSummary {
        year,
        heading: ctx.fill("home_year_heading", &[("year", &year_text)]),
        counts: ctx.fill(
            "home_year_counts",
            &[
                ("year", &year_text),
                ("total", &c.total().to_string()),
                ("reached", &c.raggiunto.to_string()),
                ("partial", &c.parzialmente_raggiunto.to_string()),
                ("missed", &c.non_raggiunto.to_string()),
                ("unassessable", &c.non_valutabile.to_string()),
            ],
        ),
        achievement: Some(match y.achievement {
            Some(a) => ctx.fill(
                "home_year_achievement",
                &[("achievement", &ctx.format.percent(a))],
            ),
            None => ctx.fill("home_year_no_achievement", &[("year", &year_text)]),
        }),
        reasons: views::reasons_text(ctx, c),
        rests_on: views::rests_on(ctx, year, y),
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
            .collect(),
    })
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
