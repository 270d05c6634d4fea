//! The text summary `cruscotto check` prints: what was read and how each
//! objective did, year by year.

use std::fmt::Write as _;

use crate::diagnostics::{Arg, Lang, text};
use crate::engine::Evaluation;
use crate::engine::rollup::YearRollup;
use crate::engine::scoring::Status;
use crate::model::Plan;
use crate::render::format::NumberFormat;

fn status_word(status: Status) -> &'static str {
    match status {
        Status::Raggiunto => "raggiunto",
        Status::ParzialmenteRaggiunto => "parziale",
        Status::NonRaggiunto => "non raggiunto",
        Status::NonValutabile => "n.v.",
    }
}

fn cell(rollup: Option<&YearRollup>, format: &NumberFormat) -> String {
    match rollup {
        Some(YearRollup {
            achievement: Some(a),
            status,
            ..
        }) => format!("{} {}", format.percent(*a), status_word(*status)),
        Some(_) => "n.v.".to_string(),
        None => "-".to_string(),
    }
}

/// The summary, its words in `lang` (the run's language); the numbers as
/// the site writes them.
pub fn render(plan: &Plan, evaluation: &Evaluation, lang: Lang) -> String {
    let format = NumberFormat::for_language(plan.config.site.language);
    let mut out = String::new();
    let config = &plan.config;
    let kinds: Vec<String> = plan
        .kind_counts()
        .into_iter()
        .map(|(kind, count)| format!("{count} {}", kind.id))
        .collect();
    let indicators: usize = plan.objectives.iter().map(|o| o.indicators.len()).sum();
    let targets: usize = plan
        .objectives
        .iter()
        .flat_map(|o| &o.indicators)
        .map(|i| i.targets.len())
        .sum();
    let _ = writeln!(
        out,
        "{}",
        text::summary_title(
            &config.ente.name,
            &config.plan.edition,
            config.plan.reference_year
        )
        .format(lang)
    );
    let _ = writeln!(
        out,
        "{}",
        text::summary_counts(
            config.ambiti.len(),
            plan.objectives.len(),
            Arg::list(kinds),
            indicators,
            targets
        )
        .format(lang)
    );
    let years = crate::render::summary_years(plan, evaluation);
    let width = 44;
    let _ = writeln!(out);
    let mut header = format!("{:<width$}", text::summary_achievement().format(lang));
    for year in &years {
        let _ = write!(header, "  {:<24}", year);
    }
    let _ = writeln!(out, "{}", header.trim_end());
    let index = crate::model::PlanIndex::new(plan);
    for (a, ambito) in config.ambiti.iter().enumerate() {
        let mut line = format!("{:<width$}", truncate(&ambito.title, width - 1));
        for year in &years {
            let _ = write!(
                line,
                "  {:<24}",
                cell(evaluation.ambiti[a].years.get(year), &format)
            );
        }
        let _ = writeln!(out, "{}", line.trim_end());
        for (o, objective) in plan.objectives.iter().enumerate() {
            if index.ambito_of(plan, objective) != Some(ambito.id.as_str()) {
                continue;
            }
            // Two spaces per level of the tree.
            let indent = "  ".repeat(
                usize::try_from(plan.kind(objective).level)
                    .unwrap_or(1)
                    .min(8),
            );
            let indent = indent.as_str();
            let mut line = format!(
                "{indent}{:<w$}",
                truncate(&objective.id, width - 1 - indent.len()),
                w = width - indent.len()
            );
            for year in &years {
                let _ = write!(
                    line,
                    "  {:<24}",
                    cell(evaluation.objectives[o].years.get(year), &format)
                );
            }
            let _ = writeln!(out, "{}", line.trim_end());
        }
    }
    let mut line = format!("{:<width$}", text::summary_plan().format(lang));
    for year in &years {
        let _ = write!(
            line,
            "  {:<24}",
            cell(evaluation.plan.years.get(year), &format)
        );
    }
    let _ = writeln!(out, "{}", line.trim_end());
    let _ = writeln!(out);
    for year in &years {
        if let Some(y) = evaluation.plan.years.get(year) {
            let c = &y.counts;
            let _ = writeln!(
                out,
                "{}",
                text::summary_year(
                    *year,
                    c.total(),
                    c.raggiunto,
                    c.parzialmente_raggiunto,
                    c.non_raggiunto,
                    c.non_valutabile
                )
                .format(lang)
            );
            let reasons: Vec<String> = crate::engine::Reason::ALL
                .iter()
                .filter(|r| c.not_assessable.get(**r) > 0)
                .map(|r| format!("{} {}", c.not_assessable.get(*r), r.code()))
                .collect();
            if !reasons.is_empty() {
                let _ = writeln!(
                    out,
                    "      {}",
                    text::summary_not_assessable(Arg::list(reasons)).format(lang)
                );
            }
            let _ = writeln!(
                out,
                "      {}",
                text::summary_rests_on(
                    c.assessed(),
                    c.total(),
                    y.parts_assessed,
                    y.parts,
                    c.monitoring
                )
                .format(lang)
            );
        }
    }
    out
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}
