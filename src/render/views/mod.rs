//! View structs: what templates and charts see. Built from the plan and its
//! evaluation, with every number already formatted for people and every
//! label taken from the theme's translations. Templates never see the domain
//! types.
//!
//! This module holds what every view builder shares: the context ([`Ctx`]),
//! the pages' paths, links, and the texts several views use (statuses,
//! targets, values). The builders are its submodules, each using only this
//! module and the ones listed before it: `working` (how a number was
//! computed), `charts` (what the charts draw, and the series CSV),
//! `objective` (the objective pages), `open_data` (the open-data page and
//! the objectives' data links), `index_rows`, `document` (the plan
//! document), `relazione` (the Relazione). The site assembles pages from
//! them.

pub mod charts;
pub mod document;
pub mod editions;
pub mod glossary;
pub mod index_rows;
pub mod objective;
pub mod open_data;
pub mod relazione;
pub mod working;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::engine::formula::term_key;
use crate::engine::scoring::{Score, Status};
use crate::engine::{Assessment, Evaluation, Missing, Reason, ValueStatus, YearResult};
use crate::model::{
    Comparator, Expr, Indicator, Observed, Op, Plan, PlanIndex, TargetEntry, TargetKind, Year,
};
use crate::render::format::{NumberFormat, date};
use crate::render::i18n::Labels;
use crate::syntax::target::{has_comparator, leading_comparator};

/// Shared by every view builder.
#[derive(Debug)]
pub struct Ctx<'a> {
    pub plan: &'a Plan,
    pub evaluation: &'a Evaluation,
    pub index: PlanIndex,
    pub labels: &'a Labels,
    pub format: NumberFormat,
}

impl<'a> Ctx<'a> {
    pub fn new(plan: &'a Plan, evaluation: &'a Evaluation, labels: &'a Labels) -> Self {
        Ctx {
            plan,
            evaluation,
            index: PlanIndex::new(plan),
            labels,
            format: NumberFormat::for_language(plan.config.site.language),
        }
    }

    pub fn t(&self, key: &str) -> String {
        self.labels.get(key)
    }

    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        self.labels.fill(key, values)
    }

    pub fn value(&self, value: Decimal, indicator: &Indicator) -> String {
        self.format.value(value, indicator.unit, indicator.decimals)
    }

    /// A value in workings: two more decimals than on pages, no trailing
    /// zeros, so that `0,1647%` and a target of `0,18%` read as written.
    pub fn precise(&self, value: Decimal, indicator: &Indicator) -> String {
        let rounded = value
            .round_dp_with_strategy(
                indicator.decimals + 2,
                rust_decimal::RoundingStrategy::MidpointAwayFromZero,
            )
            .normalize();
        self.format.value(rounded, indicator.unit, rounded.scale())
    }

    /// A number with its own decimals (at most 6), for workings.
    pub fn exact(&self, value: Decimal) -> String {
        let normalized = value.round_dp(6).normalize();
        self.format.number(normalized, normalized.scale())
    }

    pub fn objective_position(&self, id: &str) -> usize {
        self.index.objectives.get(id).copied().unwrap_or_default()
    }

    /// The latest year up to the reference year in which anything was
    /// assessed; the reference year when nothing was.
    pub fn last_assessed_year(&self) -> Year {
        let reference = self.plan.config.plan.reference_year;
        self.evaluation
            .plan
            .years
            .iter()
            .filter(|(year, y)| **year <= reference && y.achievement.is_some())
            .map(|(year, _)| *year)
            .max()
            .unwrap_or(reference)
    }
}

/// Paths of pages, relative to the site root.
pub mod paths {
    pub fn objective(id: &str) -> String {
        format!("obiettivi/{id}/index.html")
    }
    pub fn ambito(id: &str) -> String {
        format!("ambiti/{id}/index.html")
    }
    pub fn servizio(id: &str) -> String {
        format!("servizi/{id}/index.html")
    }
    pub fn indicator_anchor(id: &str) -> String {
        format!("ind-{id}")
    }
    pub fn indicator(objective: &str, indicator: &str) -> String {
        format!(
            "{}#{}",
            objective_path(objective),
            indicator_anchor(indicator)
        )
    }
    fn objective_path(id: &str) -> String {
        objective(id)
    }
    pub fn series_csv(indicator: &str) -> String {
        format!("dati/serie/{indicator}.csv")
    }
    pub const HOME: &str = "index.html";
    pub const INDICATORS: &str = "indicatori/index.html";
    pub const SERVIZI: &str = "servizi/index.html";
    pub const METHOD: &str = "metodologia/index.html";
    pub const DATA: &str = "dati/index.html";
    pub const SEARCH: &str = "cerca/index.html";
    pub const GLOSSARY: &str = "glossario/index.html";
    pub const PRINT: &str = "stampa/index.html";
    pub const DOCUMENT: &str = "piao/index.html";
    pub const RELAZIONE: &str = "relazione/index.html";
    pub const RELAZIONE_PDF: &str = "relazione.pdf";
    pub const RELAZIONE_PAGE_CSS: &str = "relazione/pagina.css";
    pub const NOT_FOUND: &str = "404.html";
}

#[derive(Debug, Clone, Serialize)]
pub struct Link {
    /// Relative to the site root; templates prefix it with `page.root`.
    pub href: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct StatusView {
    pub code: &'static str,
    /// Why a target is not assessable (its code), when it is not.
    pub reason: Option<&'static str>,
    pub label: String,
    /// A symbol beside the label, so status never rests on colour alone.
    pub symbol: &'static str,
}

impl StatusView {
    /// The codes a filter matches: the status, and the reason if any.
    pub fn filter_codes(&self) -> String {
        match self.reason {
            Some(reason) => format!("{} {reason}", self.code),
            None => self.code.to_string(),
        }
    }
}

pub fn status_view(ctx: &Ctx, status: Status) -> StatusView {
    StatusView {
        code: status.code(),
        reason: None,
        label: ctx.t(&format!("status_{}", status.code())),
        symbol: match status {
            Status::Raggiunto => "✓",
            Status::ParzialmenteRaggiunto => "◐",
            Status::NonRaggiunto => "✗",
            Status::NonValutabile => "–",
        },
    }
}

/// The badge of a not assessable target: the reason is the label.
pub fn reason_view(ctx: &Ctx, reason: Reason) -> StatusView {
    StatusView {
        reason: Some(reason.code()),
        label: ctx.t(&format!("reason_{}", reason.code())),
        ..status_view(ctx, Status::NonValutabile)
    }
}

/// The badge of a roll-up: its status; when nothing in it could be assessed
/// and all for the same reason, that reason.
pub fn rollup_status(ctx: &Ctx, y: &crate::engine::YearRollup) -> StatusView {
    let reasons: Vec<Reason> = Reason::ALL
        .into_iter()
        .filter(|r| y.counts.not_assessable.get(*r) > 0)
        .collect();
    match (y.achievement, reasons.as_slice()) {
        (None, [only]) => reason_view(ctx, *only),
        _ => status_view(ctx, y.status),
    }
}

/// The badge of an assessed year: its status, or why it is not assessable.
pub fn assessment_status(ctx: &Ctx, assessment: &Assessment) -> StatusView {
    match assessment.reason {
        Some(reason) => reason_view(ctx, reason),
        None => status_view(ctx, assessment.status),
    }
}

/// "dato di monitoraggio al 30/09/2022", or "dato definitivo".
pub fn value_status_text(ctx: &Ctx, result: &YearResult) -> Option<String> {
    match (result.value_status?, result.as_of) {
        (ValueStatus::Monitoring, Some(as_of)) => {
            Some(ctx.fill("value_monitoring", &[("date", &date(as_of))]))
        }
        _ => Some(ctx.t("value_final")),
    }
}

pub fn comparator_text(ctx: &Ctx, comparator: Comparator) -> String {
    ctx.t(match comparator {
        Comparator::Ge => "comparator_ge",
        Comparator::Gt => "comparator_gt",
        Comparator::Le => "comparator_le",
        Comparator::Lt => "comparator_lt",
    })
}

#[derive(Debug, Clone, Serialize)]
pub struct TargetView {
    pub text: String,
    pub original: Option<String>,
    pub reason: Option<String>,
}

/// A target as pages show it: its comparator in one spelling (`>=`, `=>`
/// and `> =` all read `≥`), one space after it; the rest as written. The
/// data files keep the text as printed.
pub fn shown_target(ctx: &Ctx, text: &str) -> String {
    match leading_comparator(text) {
        (Some(comparator), rest) => format!("{} {rest}", comparator_text(ctx, comparator)),
        (None, _) => text.trim().to_string(),
    }
}

/// The target of a year as every page shows it: the one in force, and the
/// original one when it was revised (a bare revised value, `>= 15% 20%`,
/// takes the original's comparator, so that it reads on its own).
pub fn target_view(ctx: &Ctx, entry: &TargetEntry) -> TargetView {
    let text = match (&entry.revised, &entry.effective().kind) {
        (Some(revised), TargetKind::Threshold { comparator, .. })
            if !has_comparator(&revised.text) =>
        {
            format!(
                "{} {}",
                comparator_text(ctx, *comparator),
                revised.text.trim()
            )
        }
        _ => shown_target(ctx, &entry.effective().text),
    };
    TargetView {
        text,
        original: entry
            .revised
            .as_ref()
            .map(|_| shown_target(ctx, &entry.original.text)),
        reason: entry.reason.clone(),
    }
}

/// The value of a year as a reader sees it, or why there is none.
pub fn value_text(ctx: &Ctx, indicator: &Indicator, result: &YearResult) -> String {
    if let Some(value) = result.value {
        return ctx.value(value, indicator);
    }
    if let Some(d) = result.date {
        return date(d);
    }
    match &result.missing {
        Some(Missing::Printed(text)) if crate::syntax::is_not_available(text) => {
            ctx.t("missing_nd")
        }
        Some(Missing::Printed(text)) => ctx.fill("missing_printed", &[("text", text)]),
        Some(Missing::NotDone(_)) => ctx.t("missing_not_done"),
        Some(Missing::Terms(terms)) => ctx.fill(
            "missing_terms",
            &[("terms", &missing_terms_words(ctx, indicator, terms))],
        ),
        Some(Missing::NothingAssessed) => ctx.t("missing_nothing_assessed"),
        Some(Missing::Invalid) => ctx.t("missing_invalid"),
        Some(Missing::NotInSeries) | None => ctx.t("missing_not_in_series"),
    }
}

/// A formula as a reader sees it: every term by its name («Imprese attive
/// al 31/12», not `imprese_attive`), `×` for `*`, brackets only where
/// needed.
pub fn formula_words(ctx: &Ctx, indicator: &Indicator, expr: &Expr) -> String {
    expression(expr, 0, &mut |leaf| term_words(ctx, indicator, leaf))
}

/// An expression written out, each leaf (a term or a number) by `leaf`.
pub fn expression(
    expr: &Expr,
    parent_precedence: u8,
    leaf: &mut dyn FnMut(&Expr) -> String,
) -> String {
    let precedence = |op: Op| match op {
        Op::Add | Op::Sub => 1,
        Op::Mul | Op::Div => 2,
    };
    match expr {
        Expr::Neg(inner) => format!("−{}", expression(inner, 3, leaf)),
        Expr::Binary(op, a, b) => {
            let p = precedence(*op);
            let text = format!(
                "{} {} {}",
                expression(a, p, leaf),
                op.symbol(),
                // The right side of - and / needs brackets at equal precedence.
                expression(b, p + 1, leaf)
            );
            if p < parent_precedence {
                format!("({text})")
            } else {
                text
            }
        }
        other => leaf(other),
    }
}

/// A term of a formula in words: a measure by its label in guillemets,
/// another indicator by its name, the meta-indicators' counts as what they
/// count; a number as a number.
pub fn term_words(ctx: &Ctx, indicator: &Indicator, term: &Expr) -> String {
    let measure = |name: &str| format!("«{}»", measure_label(indicator, name));
    match term {
        Expr::Number(n) => ctx.exact(*n),
        Expr::Measure(name) => measure(name),
        Expr::Prev(name) => ctx.fill("term_prev", &[("measure", &measure(name))]),
        Expr::MeanPrev(name, years) => ctx.fill(
            "term_mean_prev",
            &[("measure", &measure(name)), ("years", &years.to_string())],
        ),
        Expr::Indicator(id) => format!(
            "«{}»",
            ctx.index
                .indicator(ctx.plan, id)
                .map_or_else(|| id.replace(['_', '-'], " "), |i| i.name.clone())
        ),
        Expr::CountAbove(threshold) => ctx.fill(
            "term_count_above",
            &[("threshold", &ctx.format.percent_short(*threshold))],
        ),
        Expr::CountAssessed => ctx.t("term_count_assessed"),
        Expr::Neg(_) | Expr::Binary(..) => formula_words(ctx, indicator, term),
    }
}

/// A measure's label, or its name with spaces when it has none.
pub fn measure_label(indicator: &Indicator, name: &str) -> String {
    indicator
        .measures
        .iter()
        .find(|m| m.name == name)
        .and_then(|m| m.label.clone())
        .unwrap_or_else(|| name.replace('_', " "))
}

/// The term of a formula a working's key names (`prev(t)`), in words.
pub fn key_words(ctx: &Ctx, indicator: &Indicator, expr: &Expr, key: &str) -> String {
    let mut found = None;
    expr.walk(&mut |e| {
        if found.is_none() && term_key(e).as_deref() == Some(key) {
            found = Some(e.clone());
        }
    });
    match found {
        Some(term) => term_words(ctx, indicator, &term),
        None => key.to_string(),
    }
}

/// The terms a formula could not find, in words: the engine names each
/// `key (year)`.
fn missing_terms_words(ctx: &Ctx, indicator: &Indicator, terms: &[String]) -> String {
    let words: Vec<String> = terms
        .iter()
        .map(|term| {
            let (key, year) = term
                .rsplit_once(" (")
                .map_or((term.as_str(), ""), |(k, y)| (k, y.trim_end_matches(')')));
            let words = match &indicator.formula {
                Some(formula) => key_words(ctx, indicator, &formula.expr, key),
                None => key.to_string(),
            };
            if year.is_empty() {
                words
            } else {
                format!("{words} ({year})")
            }
        })
        .collect();
    words.join("; ")
}

/// The check of a printed value its measures do not reproduce: the other
/// figure and the discrepancy.
pub fn mismatch_text(
    ctx: &Ctx,
    indicator: &Indicator,
    year: Year,
    result: &YearResult,
) -> Option<String> {
    if !result.mismatch {
        return None;
    }
    let printed = indicator
        .series
        .get(&year)
        .and_then(|e| match &e.observed {
            Observed::Value(p) => Some(p),
            _ => None,
        })?;
    let computed = result.working.as_ref()?.result;
    let difference = (computed - printed.value).abs();
    let values = [
        ("printed", printed.text.as_str()),
        ("computed", &ctx.precise(computed, indicator)),
        ("difference", &ctx.precise(difference, indicator)),
    ];
    Some(match ctx.plan.config.scoring.values {
        crate::model::ValueChoice::Printed => ctx.fill("indicator_mismatch", &values),
        crate::model::ValueChoice::Computed => ctx.fill("indicator_mismatch_computed", &values),
    })
}

pub fn deviation_text(ctx: &Ctx, indicator: &Indicator, score: &Score) -> Option<String> {
    // A deadline's deviation is the delay of a late completion.
    if let crate::engine::scoring::Rule::Deadline { delay, .. } = score.rule {
        return match delay {
            0 => None,
            1 => Some(ctx.t("deviation_delay_one")),
            days => Some(ctx.fill("deviation_delay", &[("days", &days.to_string())])),
        };
    }
    let deviation = score.deviation?;
    let sign = if deviation > Decimal::ZERO { "+" } else { "" };
    // A difference of percentages is in percentage points.
    let value = if indicator.unit == crate::model::Unit::Percent {
        let rounded = deviation.round_dp(indicator.decimals + 2).normalize();
        format!(
            "{sign}{} {}",
            ctx.format.number(rounded, rounded.scale()),
            ctx.t("unit_points")
        )
    } else {
        format!("{sign}{}", ctx.precise(deviation, indicator))
    };
    Some(match score.deviation_pct {
        Some(pct) => {
            let sign = if pct > Decimal::ZERO { "+" } else { "" };
            format!("{value} ({sign}{})", ctx.format.percent(pct))
        }
        None => value,
    })
}

/// What a year's overall achievement rests on: "Calcolato su 9 dei 18
/// target del 2022, in 2 ambiti su 6; 2 valori sono di monitoraggio".
pub fn rests_on(ctx: &Ctx, year: Year, rollup: &crate::engine::YearRollup) -> String {
    let c = &rollup.counts;
    let year_text = year.to_string();
    if c.assessed() == 0 {
        return ctx.fill("rests_on_none", &[("year", &year_text)]);
    }
    let mut text = ctx.fill(
        "rests_on",
        &[
            ("assessed", &c.assessed().to_string()),
            ("total", &c.total().to_string()),
            ("year", &year_text),
            (
                "ambiti",
                &counted(rollup.parts_assessed, &ctx.plan.config.tree.ambito),
            ),
            ("all_ambiti", &rollup.parts.to_string()),
        ],
    );
    text.push_str(&match c.monitoring {
        0 => ctx.t("rests_on_final"),
        1 => ctx.t("rests_on_monitoring_one"),
        n => ctx.fill("rests_on_monitoring_many", &[("count", &n.to_string())]),
    });
    text
}

/// The not assessable targets by reason, for counts: one badge per reason
/// that occurs.
pub fn reason_mix(ctx: &Ctx, counts: &crate::engine::StatusCounts) -> Vec<(StatusView, usize)> {
    Reason::ALL
        .iter()
        .map(|r| (reason_view(ctx, *r), counts.not_assessable.get(*r)))
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// "dato non ancora disponibile (3), target da definire (1)".
pub fn reasons_list(ctx: &Ctx, counts: &crate::engine::StatusCounts) -> Option<String> {
    let parts: Vec<String> = reason_mix(ctx, counts)
        .into_iter()
        .map(|(view, n)| format!("{} ({n})", view.label.to_lowercase()))
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// "Non valutabili: dato non ancora disponibile (3), target da definire (1)."
pub fn reasons_text(ctx: &Ctx, counts: &crate::engine::StatusCounts) -> Option<String> {
    reasons_list(ctx, counts).map(|list| ctx.fill("home_year_reasons", &[("reasons", &list)]))
}

/// The link to the Relazione, for the home and open-data pages.
pub fn relazione_link(ctx: &Ctx) -> Link {
    let year = ctx.plan.config.plan.relazione_year().to_string();
    Link {
        href: paths::RELAZIONE.into(),
        text: ctx.fill("relazione_link", &[("year", &year)]),
    }
}

/// Whose rules the scores follow, in a sentence: the body's SMVP when the
/// config names it and writes its rules (`plan.smvp`, `scoring:`), else
/// what is missing, and that the tool's defaults apply.
pub fn rules_source(ctx: &Ctx) -> String {
    let config = &ctx.plan.config;
    match (&config.plan.smvp, config.scoring_declared) {
        (Some(smvp), true) => ctx.fill("rules_source_smvp", &[("title", &smvp.title)]),
        (Some(smvp), false) => ctx.fill("rules_source_smvp_defaults", &[("title", &smvp.title)]),
        (None, true) => ctx.t("rules_source_config"),
        (None, false) => ctx.t("rules_source_defaults"),
    }
}

/// "3 obiettivi strategici", "1 obiettivo strategico": a count with the
/// declared words (the singular in lower case, as in a sentence).
pub fn counted(count: usize, words: &crate::model::Words) -> String {
    if count == 1 {
        format!("1 {}", lower_first(&words.singular))
    } else {
        format!("{count} {}", words.plural)
    }
}

/// The first letter in lower case: a label ("Obiettivo strategico") used in
/// a sentence. Leaves an acronym ("PEG ...") alone.
pub fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if !second.is_uppercase() => first
            .to_lowercase()
            .chain(text[first.len_utf8()..].chars())
            .collect(),
        _ => text.to_string(),
    }
}

/// The first letter in upper case: a plural ("obiettivi operativi") used as
/// a heading.
pub fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "a, b e c": items in a sentence.
pub fn joined(ctx: &Ctx, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{}{}{last}", rest.join(", "), ctx.t("list_and")),
    }
}

/// The plural names of the kinds of objectives, level 1 (`top`) or below,
/// that the site has objectives of: "obiettivi strategici comuni,
/// obiettivi strategici specifici e obiettivi di ente".
pub fn kinds_named(ctx: &Ctx, top: bool) -> String {
    let names: Vec<String> = ctx
        .plan
        .kind_counts()
        .into_iter()
        .filter(|(kind, count)| kind.is_top_level() == top && *count > 0)
        .map(|(kind, _)| kind.words.plural.clone())
        .collect();
    joined(ctx, &names)
}

/// How the plan's roll-up rule reads for a reader: one sentence per part
/// (indicators to objectives, objectives to those above them, to the
/// ambiti and the plan, what "reached" means).
pub fn rollup_rule_text(ctx: &Ctx) -> Vec<String> {
    let tree = &ctx.plan.config.tree;
    let mut lines = vec![ctx.t("method_rollup")];
    let below = kinds_named(ctx, false);
    if !below.is_empty() {
        lines.push(match ctx.plan.config.scoring.rollup {
            crate::model::RollupRule::Own => ctx.fill("method_rollup_own", &[("children", &below)]),
            crate::model::RollupRule::Children => {
                ctx.fill("method_rollup_children", &[("children", &below)])
            }
            crate::model::RollupRule::Mixed { own, children } => {
                let (own, children) = mix_shares(own, children);
                ctx.fill(
                    "method_rollup_mixed",
                    &[
                        ("children", &below),
                        ("own", &share_text(ctx, own)),
                        ("children_weight", &share_text(ctx, children)),
                    ],
                )
            }
        });
    }
    lines.push(ctx.fill(
        "method_rollup_top",
        &[
            ("ambito", &lower_first(&tree.ambito.singular)),
            ("ambiti", &tree.ambito.plural),
            ("top_level", &kinds_named(ctx, true)),
        ],
    ));
    lines.push(ctx.t("method_rollup_reached"));
    lines
}

/// A share with only the decimals it has: "40%", "33,33%".
pub fn share_text(ctx: &Ctx, share: Decimal) -> String {
    format!("{}%", ctx.format.amount(share, 2))
}

/// The weights of a mixed roll-up as shares of 100%.
pub fn mix_shares(own: Decimal, children: Decimal) -> (Decimal, Decimal) {
    let share = |w: Decimal| {
        own.checked_add(children)
            .and_then(|total| w.checked_div(total))
            .and_then(|s| s.checked_mul(Decimal::ONE_HUNDRED))
            .map_or(Decimal::ZERO, |s| s.round_dp(2).normalize())
    };
    (share(own), share(children))
}

/// Who answers for an objective, one line each: "Paolo Conti, Dirigente
/// del Settore Affari generali".
pub fn responsible_lines(objective: &crate::model::Objective) -> Vec<String> {
    objective
        .responsible
        .iter()
        .map(|r| match (&r.name, &r.role) {
            (Some(name), Some(role)) => format!("{name}, {role}"),
            (Some(one), None) | (None, Some(one)) => one.clone(),
            (None, None) => String::new(),
        })
        .filter(|line| !line.is_empty())
        .collect()
}

/// The name of an objective's kind, as the site declares it ("Obiettivo
/// strategico").
pub fn kind_label(ctx: &Ctx, objective: &crate::model::Objective) -> String {
    ctx.plan.kind(objective).words.singular.clone()
}
