//! What the source printed for each year: values, measures, words declared
//! as such, completion dates. A value that is none of these is an error at
//! its line, never read as "not available".

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::diagnostics::{Arg, Diagnostics, Message, Span, did_you_mean, problem, text};
use crate::load::values::{self, text};
use crate::load::yaml::{Fields, Node, NodeKind};
use crate::model::{Observed, Printed, SeriesEntry, Unit, Year};
use crate::syntax::date::parse_date;
use crate::syntax::number::{parse_number, split_quantity};
use crate::syntax::shorten;

/// `unit` is `None` for notes tied to no indicator: any unit sign goes.
pub(super) fn series(
    node: &Node,
    measures: &[&str],
    unit: Option<Unit>,
    diags: &mut Diagnostics,
) -> BTreeMap<Year, SeriesEntry> {
    let mut out = BTreeMap::new();
    for (key, value) in values::entries(node, "series", diags) {
        let Some(year) = values::year(key, "series", diags) else {
            continue;
        };
        if let Some(entry) = series_entry(value, measures, unit, diags) {
            out.insert(year, entry);
        }
    }
    out
}

fn series_entry(
    node: &Node,
    measures: &[&str],
    unit: Option<Unit>,
    diags: &mut Diagnostics,
) -> Option<SeriesEntry> {
    let mut entry = SeriesEntry::empty(node.span.clone());
    match &node.kind {
        NodeKind::Null => {}
        NodeKind::Scalar { text, .. } => {
            entry.observed = observed(text, &node.span, unit, text::help_free_text(), diags)?;
        }
        NodeKind::Map(_) => {
            let mut fields = Fields::of(node, text::subject_series_entry(), diags)?;
            let value = fields.get("value");
            let words = fields.get("text");
            match (value, words) {
                (Some(_), Some(words)) => {
                    diags.push(problem::value_and_text().at(&words.span));
                    return None;
                }
                (Some(value), None) => {
                    let text = text(value, "value", diags)?;
                    entry.observed =
                        observed(&text, &value.span, unit, text::help_free_text(), diags)?;
                }
                (None, Some(words)) => {
                    entry.observed =
                        Observed::NotAvailable(values::non_empty_text(words, "text", diags)?);
                }
                (None, None) => {}
            }
            entry.remark = fields.get("remark").and_then(|n| text(n, "remark", diags));
            entry.as_of = fields
                .get("as_of")
                .and_then(|n| values::date(n, "as_of", diags));
            entry.cause = fields.get("cause").and_then(|n| text(n, "cause", diags));
            entry.action = fields.get("action").and_then(|n| text(n, "action", diags));
            entry.cluster_mean = fields
                .get("cluster_mean")
                .and_then(|n| values::decimal(n, "cluster_mean", diags));
            entry.national_mean = fields
                .get("national_mean")
                .and_then(|n| values::decimal(n, "national_mean", diags));
            for (key, value) in fields.rest() {
                let Some(name) = key.as_str() else { continue };
                if !measures.contains(&name) {
                    let keys = [
                        "value",
                        "text",
                        "as_of",
                        "cause",
                        "action",
                        "remark",
                        "cluster_mean",
                        "national_mean",
                    ];
                    let declared = if measures.is_empty() {
                        Arg::from(text::no_measures_declared())
                    } else {
                        Arg::list(measures)
                    };
                    diags.push(
                        problem::unknown_series_key(name, Arg::list(keys), declared)
                            .at(&key.span)
                            .suggest(did_you_mean(name, measures.iter().copied())),
                    );
                    continue;
                }
                let measure = match &value.kind {
                    NodeKind::Null => Some(None),
                    NodeKind::Scalar { text, .. } if crate::syntax::is_not_available(text) => {
                        Some(None)
                    }
                    _ => text(value, name, diags)
                        .and_then(|t| measure_value(&t, &value.span, name, diags))
                        .map(Some),
                };
                if let Some(measure) = measure {
                    entry.measures.insert(name.to_string(), measure);
                }
            }
        }
        NodeKind::Seq(_) => {
            diags.push(problem::series_entry_list().at(&node.span));
            return None;
        }
    }
    Some(entry)
}

/// A measure as printed: a number, with a unit sign if the source shows one
/// (`82,10%` is the measure 82,10).
pub(crate) fn measure_value(
    text: &str,
    span: &Span,
    name: &str,
    diags: &mut Diagnostics,
) -> Option<Decimal> {
    match crate::syntax::number::parse_quantity(text) {
        Ok(quantity) => Some(quantity.value),
        Err(problem) => {
            diags.push(problem.at(span).within(text::about_measure(name)));
            None
        }
    }
}

/// A value as printed: a number, a date or `non realizzato` (for date
/// indicators), `ND`. Anything else is an error at `span`, never read as
/// not available: words the source prints instead of a value are written
/// with `text:` (`free_text_help` says how, where the value is written).
pub(crate) fn observed(
    text: &str,
    span: &Span,
    unit: Option<Unit>,
    free_text_help: Message,
    diags: &mut Diagnostics,
) -> Option<Observed> {
    let trimmed = text.trim();
    if crate::syntax::is_not_available(trimmed) || ["—", "–"].contains(&trimmed) {
        return Some(Observed::NotAvailable(trimmed.to_string()));
    }
    if trimmed.eq_ignore_ascii_case("zero") && unit != Some(Unit::Date) {
        return Some(Observed::Value(Printed {
            value: Decimal::ZERO,
            text: trimmed.to_string(),
            decimals: 0,
        }));
    }
    let error = |problem: crate::diagnostics::Diagnostic, diags: &mut Diagnostics| {
        diags.push(problem.at(span));
        None
    };
    if let Some(digit) = trimmed
        .chars()
        .find(|c| c.is_numeric() && !c.is_ascii_digit())
    {
        return error(
            problem::foreign_digit(shorten(trimmed), digit.to_string()),
            diags,
        );
    }
    if unit == Some(Unit::Date) {
        if is_not_done(trimmed) {
            return Some(Observed::NotDone(trimmed.to_string()));
        }
        return match parse_date(trimmed) {
            Ok(date) => Some(Observed::Date(date)),
            Err(problem) => error(
                problem
                    .within(text::about_completion_date())
                    .help(text::help_completion_date()),
                diags,
            ),
        };
    }
    match split_quantity(trimmed) {
        Some((quantity, rest)) if rest.trim().is_empty() => {
            let mismatch = quantity.unit.zip(unit).filter(|(sign, unit)| sign != unit);
            if let Some((sign, unit)) = mismatch {
                diags.push(
                    problem::value_in_another_unit(trimmed, sign.code(), unit.code()).at(span),
                );
                return None;
            }
            Some(Observed::Value(Printed {
                value: quantity.value,
                text: trimmed.to_string(),
                decimals: quantity.decimals,
            }))
        }
        // A note tied to no indicator may print a date (a deadline's series).
        _ if unit.is_none() && crate::syntax::date::is_date(trimmed) => {
            parse_date(trimmed).ok().map(Observed::Date)
        }
        // A date where a number goes: `settembre 2020`, `31/12/2023`.
        _ if crate::syntax::date::is_date(trimmed) => error(
            problem::date_where_number_goes(
                shorten(trimmed),
                unit.map_or_else(
                    || Arg::from(text::subject_number()),
                    |u| Arg::from(u.code()),
                ),
            ),
            diags,
        ),
        Some((_, rest)) => {
            let number = &trimmed[..trimmed.len() - rest.len()];
            error(
                problem::value_with_words(
                    shorten(trimmed),
                    number.trim(),
                    rest.trim().trim_start_matches('(').trim_end_matches(')'),
                ),
                diags,
            )
        }
        None => {
            // The number's own reason (too long, too many digits, two signs)
            // if it looks like one; else words, which need `text:`.
            let numberish = trimmed.chars().any(|c| c.is_ascii_digit());
            let problem = match parse_number(trimmed) {
                Err(reason) if numberish => reason,
                _ => problem::not_a_number(shorten(trimmed)).help(free_text_help),
            };
            error(problem, diags)
        }
    }
}

/// `non realizzato` and its forms: a deadline's result when the work was
/// not completed.
pub(crate) fn is_not_done(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    [
        "non realizzato",
        "non realizzata",
        "non realizzati",
        "non completato",
        "non completata",
    ]
    .contains(&lower.as_str())
}
