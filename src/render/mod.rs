//! Stage 4: turning the evaluated plan into files (in memory). Formatting for
//! people lives here, and only here.

pub mod changes;
pub mod charts;
pub mod data;
pub mod document;
pub mod editions;
pub mod format;
pub mod i18n;
pub mod index_rows;
pub mod markdown;
pub mod relazione;
pub mod series;
pub mod sheet;
pub mod site;
pub mod summary;
pub mod theme;
pub mod views;
pub mod working;

use std::collections::BTreeSet;

use crate::engine::Evaluation;
use crate::model::{Plan, Year};

/// Years worth showing in summaries: those in which something was assessed,
/// and the reference year.
pub fn summary_years(plan: &Plan, evaluation: &Evaluation) -> Vec<Year> {
    let mut years: BTreeSet<Year> = evaluation
        .plan
        .years
        .iter()
        .filter(|(_, y)| y.achievement.is_some())
        .map(|(year, _)| *year)
        .collect();
    years.insert(plan.config.plan.reference_year);
    years.into_iter().collect()
}
