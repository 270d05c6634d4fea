//! Stage 4: turning the evaluated plan into files (in memory). Formatting for
//! people lives here, and only here.
//!
//! Data flows one way: the leaves (`format`, `i18n`, `markdown`, `theme`)
//! -> `charts` (drawing only, given plain values and words) -> `views`
//! (what templates and charts get, built from the plan and its evaluation)
//! -> `site` (which template, which path, for every page). `data`, `sheet`
//! and `summary` write the other outputs from the leaves. No two modules
//! use each other.

pub mod changes;
pub mod charts;
pub mod data;
pub mod format;
pub mod i18n;
pub mod markdown;
pub mod sheet;
pub mod site;
pub mod summary;
pub mod theme;
pub mod views;

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
