//! The rows of the indicators index: one per indicator, with its latest
//! value and its target and status in every year of the plan (the page
//! shows one year at a time, the reference year without JavaScript).

use serde::Serialize;

use crate::engine::ValueStatus;
use crate::model::{Owners, Year};
use crate::render::views::{
    Ctx, StatusView, TargetView, assessment_status, paths, target_view, value_status_text,
    value_text,
};

/// An indicator's target and status in one year.
#[derive(Debug, Clone, Serialize)]
pub struct IndexYear {
    pub year: Year,
    /// Shown without JavaScript: the reference year.
    pub shown: bool,
    /// `None`: no target that year.
    pub target: Option<TargetView>,
    pub status: Option<StatusView>,
    /// What the status filter matches: the status and its reason, or empty.
    pub codes: String,
}

/// The years the index can show: every year with a target, the reference
/// year first among equals (it is the one shown without JavaScript).
pub fn index_years(ctx: &Ctx) -> Vec<Year> {
    let mut years: Vec<Year> = ctx
        .plan
        .indicators()
        .flat_map(|(_, _, indicator)| indicator.targets.keys().copied())
        .chain([ctx.plan.config.plan.reference_year])
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// For the indicators index: one row per indicator.
#[derive(Debug, Clone, Serialize)]
pub struct IndexRow {
    pub name: String,
    pub href: String,
    pub common: bool,
    pub ambito: String,
    pub ambito_id: String,
    pub objective: String,
    pub objective_href: String,
    pub servizi: String,
    pub last_value: String,
    pub last_year: Option<Year>,
    /// Sort key of the last value: the number, or empty.
    pub last_sort: String,
    /// The target and status of every year in [`index_years`], in order.
    pub years: Vec<IndexYear>,
    pub last_status: Option<StatusView>,
    pub last_status_year: Option<Year>,
}

pub fn index_rows(ctx: &Ctx) -> Vec<IndexRow> {
    let reference = ctx.plan.config.plan.reference_year;
    let years = index_years(ctx);
    let mut rows = Vec::new();
    for (o, objective) in ctx.plan.objectives.iter().enumerate() {
        let ambito_id = ctx
            .index
            .ambito_of(ctx.plan, objective)
            .unwrap_or_default()
            .to_string();
        let ambito = ctx
            .plan
            .config
            .ambiti
            .iter()
            .find(|a| a.id == ambito_id)
            .map(|a| a.title.clone())
            .unwrap_or_default();
        let servizi = match &objective.servizi {
            Owners::All => ctx.t("objective_all_servizi"),
            Owners::Servizi(list) if list.is_empty() => ctx.t("achievement_none"),
            Owners::Servizi(list) => list
                .iter()
                .filter_map(|r| ctx.plan.config.servizi.iter().find(|s| s.id == r.id))
                .map(|s| s.name.clone())
                .collect::<Vec<_>>()
                .join("; "),
        };
        for (i, indicator) in objective.indicators.iter().enumerate() {
            let result = &ctx.evaluation.indicators[o][i];
            let last = result
                .years
                .iter()
                .rev()
                .find(|(_, y)| y.value.is_some() || y.date.is_some());
            let last_scored = result
                .years
                .iter()
                .rev()
                .find(|(_, y)| y.assessment.as_ref().is_some_and(|a| a.score.is_some()));
            rows.push(IndexRow {
                name: indicator.name.clone(),
                href: paths::indicator(&objective.id, &indicator.id),
                common: indicator.common,
                ambito: ambito.clone(),
                ambito_id: ambito_id.clone(),
                objective: objective.title.clone(),
                objective_href: paths::objective(&objective.id),
                servizi: servizi.clone(),
                last_value: last.map_or_else(
                    || ctx.t("achievement_none"),
                    |(_, y)| match (y.value_status, y.as_of) {
                        (Some(ValueStatus::Monitoring), Some(_)) => format!(
                            "{} ({})",
                            value_text(ctx, indicator, y),
                            value_status_text(ctx, y).unwrap_or_default()
                        ),
                        _ => value_text(ctx, indicator, y),
                    },
                ),
                last_year: last.map(|(year, _)| *year),
                last_sort: last
                    .and_then(|(_, y)| y.value)
                    .map(|v| v.normalize().to_string())
                    .unwrap_or_default(),
                years: years
                    .iter()
                    .map(|year| {
                        let status = result
                            .years
                            .get(year)
                            .and_then(|y| y.assessment.as_ref())
                            .map(|a| assessment_status(ctx, a));
                        IndexYear {
                            year: *year,
                            shown: *year == reference,
                            target: indicator.targets.get(year).map(|t| target_view(ctx, t)),
                            codes: status
                                .as_ref()
                                .map(StatusView::filter_codes)
                                .unwrap_or_default(),
                            status,
                        }
                    })
                    .collect(),
                last_status: last_scored
                    .and_then(|(_, y)| y.assessment.as_ref())
                    .map(|a| assessment_status(ctx, a)),
                last_status_year: last_scored.map(|(year, _)| *year),
            });
        }
    }
    rows
}
