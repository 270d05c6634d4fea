//! The servizi: the list, and a page per servizio with its objectives.

use rayon::prelude::*;
use serde::Serialize;

use super::renderer::{Renderer, first_error};
use crate::diagnostics::Diagnostic;
use crate::model::Owners;
use crate::render::views::objective::{self, ObjectiveSummary};
use std::collections::BTreeSet;

use rust_decimal::Decimal;

use crate::engine::YearRollup;
use crate::engine::scoring::Status;
use crate::model::Year;
use crate::render::views::{Ctx, Link, paths};

impl Renderer<'_> {
    pub(super) fn servizi(&self) -> Result<(), Diagnostic> {
        let ctx = &self.ctx;
        let plan = ctx.plan;
        let views: Vec<ServizioView> = plan
            .config
            .servizi
            .iter()
            .map(|servizio| {
                let mut has_all = false;
                let positions: Vec<usize> = plan
                    .objectives
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| match &o.servizi {
                        Owners::All => {
                            has_all = true;
                            true
                        }
                        Owners::Servizi(list) => list.iter().any(|r| r.id == servizio.id),
                    })
                    .map(|(position, _)| position)
                    .collect();
                let objectives: Vec<ObjectiveSummary> = positions
                    .iter()
                    .map(|&position| objective::objective_summary(ctx, position, false))
                    .collect();
                ServizioView {
                    id: servizio.id.clone(),
                    href: paths::servizio(&servizio.id),
                    name: servizio.name.clone(),
                    count: match objectives.len() {
                        1 => ctx.t("servizio_count_one"),
                        n => ctx.fill("servizio_count", &[("count", &n.to_string())]),
                    },
                    results: results(ctx, &positions),
                    objectives,
                    includes_all: has_all,
                }
            })
            .collect();
        let title = self.ctx.t("servizi_title");
        let intro = self.ctx.t("servizi_intro");
        let page = self.page(
            paths::SERVIZI,
            title.clone(),
            intro,
            vec![Link {
                href: paths::SERVIZI.into(),
                text: title.clone(),
            }],
        );
        self.emit("servizi.html", page, &[("servizi", &views)])?;
        first_error(views.par_iter().map(|view| {
            let page = self.page(
                &view.href,
                view.name.clone(),
                format!("{}: {}", self.ctx.t("servizio_label"), view.name),
                vec![
                    Link {
                        href: paths::SERVIZI.into(),
                        text: title.clone(),
                    },
                    Link {
                        href: view.href.clone(),
                        text: view.name.clone(),
                    },
                ],
            );
            self.emit("servizio.html", page, &[("servizio", view)])
        }))
    }
}

#[derive(Debug, Serialize)]
struct ServizioView {
    id: String,
    href: String,
    name: String,
    count: String,
    /// How its objectives went, year by year.
    results: Vec<String>,
    objectives: Vec<ObjectiveSummary>,
    includes_all: bool,
}

/// "2024: su 3 obiettivi, 1 raggiunti, ...; grado medio 79,06%": the
/// objectives of a Servizio by their status in each year they have
/// targets, and the plain mean of the achievement of those assessed.
fn results(ctx: &Ctx, positions: &[usize]) -> Vec<String> {
    let years: BTreeSet<Year> = positions
        .iter()
        .flat_map(|&o| ctx.evaluation.objectives[o].years.keys().copied())
        .collect();
    years
        .into_iter()
        .map(|year| {
            let rollups: Vec<&YearRollup> = positions
                .iter()
                .filter_map(|&o| ctx.evaluation.objectives[o].years.get(&year))
                .collect();
            let count = |status: Status| rollups.iter().filter(|y| y.status == status).count();
            let mut text = ctx.fill(
                "servizio_results",
                &[
                    ("year", &year.to_string()),
                    ("total", &rollups.len().to_string()),
                    ("reached", &count(Status::Raggiunto).to_string()),
                    ("partial", &count(Status::ParzialmenteRaggiunto).to_string()),
                    ("missed", &count(Status::NonRaggiunto).to_string()),
                    ("unassessable", &count(Status::NonValutabile).to_string()),
                ],
            );
            let assessed: Vec<Decimal> = rollups.iter().filter_map(|y| y.achievement).collect();
            let mean = assessed
                .iter()
                .try_fold(Decimal::ZERO, |sum, a| sum.checked_add(*a))
                .and_then(|sum| sum.checked_div(Decimal::from(assessed.len())));
            if let Some(mean) = mean.filter(|_| !assessed.is_empty()) {
                text.push(' ');
                text.push_str(&ctx.fill(
                    "servizio_results_achievement",
                    &[("achievement", &ctx.format.percent(mean))],
                ));
            }
            text
        })
        .collect()
}
