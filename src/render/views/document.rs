//! The plan as the document an office files: sottosezione 2.2
//! "Performance" of its PIAO, in the order and structure of the printed
//! section. A plan document holds the plan only: no results, statuses,
//! achievement or checker warnings (those belong to the site and the
//! Relazione), and the algorithm in words instead of formulas.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{Expr, Indicator, Objective, Observed, Op, Owners, SeriesEntry, Year};
use crate::render::format::date;
use crate::render::markdown;
use crate::render::views::{self, Ctx, TargetView};

/// Page numbers of the document's headings, by anchor, once a first
/// printing has shown where they fall.
pub type PageNumbers = BTreeMap<String, usize>;

/// Where the table of contents shows its page numbers: nowhere (the HTML
/// version), a placeholder as wide as a page number (the first printing, so
/// that the layout does not move), or the pages found.
#[derive(Debug, Clone, Copy)]
pub enum Pages<'a> {
    None,
    Placeholder,
    Known(&'a PageNumbers),
}

#[derive(Debug, Serialize)]
pub struct DocumentView {
    pub cover: CoverView,
    pub toc: Vec<TocEntry>,
    pub summary: Vec<SummaryAmbito>,
    pub ambiti: Vec<DocAmbito>,
    /// Whether page numbers are shown in the table of contents.
    pub paged: bool,
    /// Whether the plan numbers its notes ("Nota 6"): without labels, the
    /// indicators' tables have no note column.
    pub note_labels: bool,
}

#[derive(Debug, Serialize)]
pub struct CoverView {
    pub ente: String,
    pub title: String,
    pub edition: String,
    pub update: Option<String>,
    pub period: String,
    pub reference_year: Year,
    /// The approving act, or a plain sentence saying it is not given.
    pub approval: String,
    pub approval_given: bool,
    pub last_updated: String,
}

#[derive(Debug, Serialize)]
pub struct TocEntry {
    pub anchor: String,
    pub text: String,
    pub page: Option<String>,
    pub children: Vec<TocEntry>,
}

/// One ambito of the summary table, as the source's first table.
#[derive(Debug, Serialize)]
pub struct SummaryAmbito {
    pub title: String,
    pub rows: Vec<SummaryRow>,
}

#[derive(Debug, Serialize)]
pub struct SummaryRow {
    pub anchor: String,
    pub kind_label: String,
    pub title: String,
    pub new: bool,
    pub period: String,
}

#[derive(Debug, Serialize)]
pub struct DocAmbito {
    pub anchor: String,
    pub heading: String,
    pub objectives: Vec<DocObjective>,
}

#[derive(Debug, Serialize)]
pub struct DocObjective {
    pub anchor: String,
    pub heading: String,
    pub kind_label: String,
    pub responsible: Option<String>,
    /// What the objectives under it are: "Obiettivi operativi".
    pub operational_intro: String,
    pub period: String,
    pub new: bool,
    pub remark: Option<String>,
    pub indicators: Vec<DocIndicator>,
    pub operational: Vec<DocOperational>,
    pub narrative: String,
    pub notes: Vec<DocNote>,
}

#[derive(Debug, Serialize)]
pub struct DocOperational {
    pub anchor: String,
    pub title: String,
    /// 1 for a child of the top-level objective, 2 for a grandchild...
    pub depth: usize,
    /// Its heading's level (4 for a child, down to 6).
    pub heading_level: usize,
    pub kind_label: String,
    pub period: String,
    pub new: bool,
    pub owners: String,
    pub responsible: Option<String>,
    pub remark: Option<String>,
    pub indicators: Vec<DocIndicator>,
    pub narrative: String,
}

#[derive(Debug, Serialize)]
pub struct DocIndicator {
    pub name: String,
    pub common: bool,
    pub new: bool,
    pub remark: Option<String>,
    pub algorithm: String,
    pub targets: Vec<DocTarget>,
    /// Why targets were revised, each reason once: plans print it under the
    /// indicator's name, not beside every year it concerns.
    pub revisions: Vec<String>,
    pub note: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct DocTarget {
    /// The year, unless the indicator has a single target written without one.
    pub year: Option<Year>,
    pub target: TargetView,
}

/// A row of the notes table: Nota | Fonte | Serie storica.
#[derive(Debug, Serialize)]
pub struct DocNote {
    pub label: String,
    pub source: Option<String>,
    pub series: Vec<String>,
}

/// Anchors of the document's sections.
pub mod anchors {
    pub const COVER: &str = "copertina";
    pub const CONTENTS: &str = "indice";
    pub const SUMMARY: &str = "sintesi";
    pub fn ambito(id: &str) -> String {
        format!("ambito-{id}")
    }
    pub fn objective(id: &str) -> String {
        format!("obiettivo-{id}")
    }
}

pub fn document_view(ctx: &Ctx, pages: Pages) -> DocumentView {
    let plan = ctx.plan;
    let config = &plan.config;
    let page_of = |anchor: &str| match pages {
        Pages::None => None,
        // As wide as the widest page number a document of this size has.
        Pages::Placeholder => Some("000".to_string()),
        Pages::Known(numbers) => Some(numbers.get(anchor).map_or(String::new(), usize::to_string)),
    };
    let cover = CoverView {
        ente: config.ente.name.clone(),
        title: config.plan.title.clone(),
        edition: config.plan.edition.clone(),
        update: config.plan.update.clone(),
        period: config.plan.period.to_string(),
        reference_year: config.plan.reference_year,
        approval: match &config.plan.approval {
            Some(a) => ctx.fill(
                "footer_approval_text",
                &[("act", &a.act), ("date", &date(a.date))],
            ),
            None => ctx.t("document_approval_missing"),
        },
        approval_given: config.plan.approval.is_some(),
        last_updated: date(config.plan.last_updated),
    };
    // Top-level objectives are numbered through the document, as printed.
    let mut number = 0;
    let ambiti: Vec<DocAmbito> = config
        .ambiti
        .iter()
        .map(|ambito| DocAmbito {
            anchor: anchors::ambito(&ambito.id),
            heading: ambito.title.clone(),
            objectives: top_level_of(ctx, &ambito.id)
                .into_iter()
                .map(|position| {
                    number += 1;
                    doc_objective(ctx, position, number)
                })
                .collect(),
        })
        .collect();
    let summary = config
        .ambiti
        .iter()
        .map(|ambito| SummaryAmbito {
            title: ambito.title.clone(),
            rows: top_level_of(ctx, &ambito.id)
                .into_iter()
                .map(|position| {
                    let o = &plan.objectives[position];
                    SummaryRow {
                        anchor: anchors::objective(&o.id),
                        kind_label: kind_label(ctx, o),
                        title: o.title.clone(),
                        new: o.new,
                        period: o.period.to_string(),
                    }
                })
                .collect(),
        })
        .filter(|a| !a.rows.is_empty())
        .collect();
    let mut toc = vec![TocEntry {
        anchor: anchors::SUMMARY.into(),
        text: ctx.t("document_summary_title"),
        page: page_of(anchors::SUMMARY),
        children: Vec::new(),
    }];
    toc.extend(ambiti.iter().map(|a| {
        TocEntry {
            anchor: a.anchor.clone(),
            text: a.heading.clone(),
            page: page_of(&a.anchor),
            children: a
                .objectives
                .iter()
                .map(|o| TocEntry {
                    anchor: o.anchor.clone(),
                    text: o.heading.clone(),
                    page: page_of(&o.anchor),
                    children: Vec::new(),
                })
                .collect(),
        }
    }));
    DocumentView {
        cover,
        toc,
        summary,
        ambiti,
        paged: !matches!(pages, Pages::None),
        note_labels: plan.indicators().any(|(_, _, i)| i.note.is_some())
            || plan
                .objectives
                .iter()
                .any(|o| o.notes.iter().any(|n| n.label.is_some())),
    }
}

/// Every heading of the document, in order, with its anchor: what a
/// printing's outline is matched against, for the page numbers of the table
/// of contents and the bookmarks' titles.
pub fn headings(view: &DocumentView, labels: &impl Fn(&str) -> String) -> Vec<(String, String)> {
    let mut out = vec![
        (anchors::COVER.to_string(), view.cover.title.clone()),
        (anchors::CONTENTS.to_string(), labels("document_contents")),
        (
            anchors::SUMMARY.to_string(),
            labels("document_summary_title"),
        ),
    ];
    for ambito in view.ambiti.iter().filter(|a| !a.objectives.is_empty()) {
        out.push((ambito.anchor.clone(), ambito.heading.clone()));
        for objective in &ambito.objectives {
            out.push((objective.anchor.clone(), objective.heading.clone()));
            for op in &objective.operational {
                out.push((op.anchor.clone(), op.title.clone()));
            }
        }
    }
    out
}

fn top_level_of(ctx: &Ctx, ambito: &str) -> Vec<usize> {
    ctx.plan
        .objectives
        .iter()
        .enumerate()
        .filter(|(_, o)| {
            ctx.plan.is_top_level(o) && o.ambito.as_ref().is_some_and(|r| r.id == ambito)
        })
        .map(|(position, _)| position)
        .collect()
}

fn kind_label(ctx: &Ctx, objective: &Objective) -> String {
    views::kind_label(ctx, objective)
}

fn doc_objective(ctx: &Ctx, position: usize, number: usize) -> DocObjective {
    let objective = &ctx.plan.objectives[position];
    let descendants = ctx.index.descendants(position);
    let mut notes = notes_of(ctx, objective);
    for &(child, _) in &descendants {
        notes.extend(notes_of(ctx, &ctx.plan.objectives[child]));
    }
    let mut kinds: Vec<usize> = descendants
        .iter()
        .map(|&(c, _)| ctx.plan.objectives[c].kind)
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    let kind_names: Vec<String> = kinds
        .iter()
        .map(|&k| ctx.plan.config.tree.kinds[k].words.plural.clone())
        .collect();
    // The source lists its notes by number; notes without one keep their place
    // after them.
    notes.sort_by_key(|(key, _)| *key);
    DocObjective {
        anchor: anchors::objective(&objective.id),
        heading: format!("{number}. {}", objective.title),
        kind_label: kind_label(ctx, objective),
        responsible: responsible_text(objective),
        operational_intro: views::upper_first(&views::joined(ctx, &kind_names)),
        period: objective.period.to_string(),
        new: objective.new,
        remark: objective.remark.clone(),
        indicators: doc_indicators(ctx, objective),
        operational: descendants
            .iter()
            .map(|&(c, depth)| {
                let child = &ctx.plan.objectives[c];
                DocOperational {
                    anchor: anchors::objective(&child.id),
                    title: child.title.clone(),
                    depth,
                    heading_level: (3 + depth).min(6),
                    kind_label: kind_label(ctx, child),
                    responsible: responsible_text(child),
                    period: child.period.to_string(),
                    new: child.new,
                    owners: owners_text(ctx, child),
                    remark: child.remark.clone(),
                    indicators: doc_indicators(ctx, child),
                    narrative: markdown::to_html(&child.body),
                }
            })
            .collect(),
        narrative: markdown::to_html(&objective.body),
        notes: notes.into_iter().map(|(_, note)| note).collect(),
    }
}

/// "Paolo Conti, Dirigente del Settore Affari generali; ...", when the
/// objective names who answers for it.
fn responsible_text(objective: &Objective) -> Option<String> {
    let names = views::responsible_lines(objective);
    (!names.is_empty()).then(|| names.join("; "))
}

/// Who answers for an objective, as printed when the content gives it.
fn owners_text(ctx: &Ctx, objective: &Objective) -> String {
    if let Some(printed) = &objective.owners {
        return printed.clone();
    }
    match &objective.servizi {
        Owners::All => ctx.t("objective_all_servizi"),
        Owners::Servizi(list) => list
            .iter()
            .filter_map(|r| ctx.plan.config.servizi.iter().find(|s| s.id == r.id))
            .map(|s| s.name.clone())
            .collect::<Vec<_>>()
            .join("; "),
    }
}

fn doc_indicators(ctx: &Ctx, objective: &Objective) -> Vec<DocIndicator> {
    objective
        .indicators
        .iter()
        .map(|indicator| DocIndicator {
            name: indicator.name.clone(),
            common: indicator.common,
            new: indicator.new,
            remark: indicator.remark.clone(),
            algorithm: indicator.algorithm.clone().unwrap_or_default(),
            targets: indicator
                .targets
                .iter()
                .map(|(year, entry)| DocTarget {
                    year: (!indicator.single_target).then_some(*year),
                    target: views::target_view(ctx, entry),
                })
                .collect(),
            revisions: indicator
                .targets
                .values()
                .filter_map(|entry| entry.reason.clone())
                .fold(Vec::new(), |mut reasons, reason| {
                    if !reasons.contains(&reason) {
                        reasons.push(reason);
                    }
                    reasons
                }),
            note: indicator.note.clone(),
        })
        .collect()
}

/// The notes table rows of one objective, each with its sort key (the
/// note's number, when its label has one).
fn notes_of(ctx: &Ctx, objective: &Objective) -> Vec<(u64, DocNote)> {
    let mut rows: Vec<(u64, DocNote)> = objective
        .indicators
        .iter()
        .filter(|i| i.note.is_some() || i.source.is_some() || !i.series.is_empty())
        .map(|indicator| {
            let label = indicator
                .note
                .clone()
                .unwrap_or_else(|| indicator.name.clone());
            let mut source = indicator.source.clone();
            if let Some(remark) = &indicator.note_remark {
                source = Some(match source {
                    Some(s) => format!("{s} {remark}"),
                    None => remark.clone(),
                });
            }
            DocNote {
                series: indicator
                    .series
                    .iter()
                    .map(|(year, entry)| series_line(ctx, Some(indicator), *year, entry))
                    .collect(),
                label,
                source,
            }
        })
        .map(|note| (note_number(&note.label), note))
        .collect();
    rows.extend(objective.notes.iter().map(|note| {
        (
            note_number(note.label.as_deref().unwrap_or_default()),
            DocNote {
                label: note
                    .label
                    .clone()
                    .unwrap_or_else(|| ctx.t("indicator_note")),
                source: note.source.clone(),
                series: note
                    .series
                    .iter()
                    .map(|(year, entry)| series_line(ctx, None, *year, entry))
                    .collect(),
            },
        )
    }));
    rows
}

/// The first number in a note label ("Nota 94 bis" -> 94); labels without
/// one sort after every numbered note.
fn note_number(label: &str) -> u64 {
    label
        .split(|c: char| !c.is_ascii_digit())
        .find(|part| !part.is_empty())
        .and_then(|digits| digits.parse().ok())
        .unwrap_or(u64::MAX)
}

/// One year of a historical series as the source prints it:
/// `2021: 15,02% Num 9.910 - Den 65.991`, `2021: 0,17 (112 imprese su 65.991 attive)`.
fn series_line(
    ctx: &Ctx,
    indicator: Option<&Indicator>,
    year: Year,
    entry: &SeriesEntry,
) -> String {
    let mut parts = vec![match &entry.observed {
        Observed::Value(printed) => printed.text.clone(),
        Observed::Date(d) => date(*d),
        Observed::NotDone(text) | Observed::NotAvailable(text) => text.clone(),
    }];
    let remark = entry.remark.as_deref().unwrap_or_default();
    let measures: Vec<(String, String)> = entry
        .measures
        .iter()
        .filter_map(|(name, value)| value.map(|v| (name.clone(), ctx.exact(v))))
        // A remark that already gives the figures ("112 imprese su 65.991
        // attive") is printed instead of them.
        .filter(|(_, text)| !remark.contains(text.as_str()))
        .collect();
    if !measures.is_empty() {
        let ratio = indicator
            .and_then(|i| i.formula.as_ref())
            .and_then(|f| ratio_measures(&f.expr));
        let label = |name: &str| -> String {
            match ratio {
                Some((num, _)) if num == name => ctx.t("document_series_num"),
                Some((_, den)) if den == name => ctx.t("document_series_den"),
                _ => indicator
                    .and_then(|i| i.measures.iter().find(|m| m.name == name))
                    .and_then(|m| m.label.clone())
                    .unwrap_or_else(|| name.to_string()),
            }
        };
        parts.push(
            measures
                .iter()
                .map(|(name, value)| format!("{} {value}", label(name)))
                .collect::<Vec<_>>()
                .join(" - "),
        );
    }
    if !remark.is_empty() {
        parts.push(format!("({remark})"));
    }
    let mut benchmarks = Vec::new();
    let show = |v| match indicator {
        Some(i) => ctx.value(v, i),
        None => ctx.exact(v),
    };
    if let Some(v) = entry.cluster_mean {
        benchmarks.push(format!("{}: {}", ctx.t("benchmark_cluster_mean"), show(v)));
    }
    if let Some(v) = entry.national_mean {
        benchmarks.push(format!("{}: {}", ctx.t("benchmark_national_mean"), show(v)));
    }
    parts.extend(benchmarks);
    let text = parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    format!("{year}: {text}").trim_end().to_string()
}

/// The numerator and denominator of a formula that is the ratio of two
/// measures (`a / b`, `a / b * 100`).
fn ratio_measures(expr: &Expr) -> Option<(&str, &str)> {
    match expr {
        Expr::Binary(Op::Div, a, b) => match (a.as_ref(), b.as_ref()) {
            (Expr::Measure(a), Expr::Measure(b)) => Some((a, b)),
            _ => None,
        },
        Expr::Binary(Op::Mul, a, b) => match (a.as_ref(), b.as_ref()) {
            (ratio, Expr::Number(_)) | (Expr::Number(_), ratio) => ratio_measures(ratio),
            _ => None,
        },
        _ => None,
    }
}

/// The page style of the document: page box, running header, page numbers.
pub const PAGE_CSS: &str = "piao/pagina.css";
/// The PDF, at the root of the output.
pub const PDF_PATH: &str = "piao.pdf";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn note_numbers_sort_as_printed() {
        assert_eq!(note_number("Nota 6"), 6);
        assert_eq!(note_number("Nota 94 bis"), 94);
        assert_eq!(note_number("Nota"), u64::MAX);
    }

    #[test]
    fn ratios_are_found_with_or_without_the_hundred() {
        let m = |n: &str| Box::new(Expr::Measure(n.into()));
        let div = Expr::Binary(Op::Div, m("a"), m("b"));
        assert_eq!(ratio_measures(&div), Some(("a", "b")));
        let pct = Expr::Binary(Op::Mul, Box::new(div), Box::new(Expr::Number(100.into())));
        assert_eq!(ratio_measures(&pct), Some(("a", "b")));
        let sum = Expr::Binary(Op::Add, m("a"), m("b"));
        assert_eq!(ratio_measures(&sum), None);
    }
}
