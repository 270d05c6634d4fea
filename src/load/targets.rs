//! An indicator's targets: the text of each year, its revision, and which
//! change a `%` means.

use crate::diagnostics::{Diagnostics, Span, problem, text};
use crate::load::values::text;
use crate::load::yaml::{Fields, Node, NodeKind};
use crate::model::{ChangeMeasure, Target, TargetEntry, TargetKind, Unit};
use crate::syntax::target::{ParsedTarget, parse_revision, parse_target};

/// A year's target: the text, or a mapping with its revision, the reason,
/// a neutralisation and, for a change written with `%` on a percentage,
/// which change is meant (`change: points` or `relative`).
pub(super) fn target_entry(
    node: &Node,
    unit: Option<Unit>,
    diags: &mut Diagnostics,
) -> Option<TargetEntry> {
    match &node.kind {
        NodeKind::Map(_) => {
            let mut fields = Fields::of(node, text::subject_the_target(), diags)?;
            let original_node = fields.require("target", diags);
            let revised_node = fields.get("revised");
            let reason = fields.get("reason").and_then(|n| text(n, "reason", diags));
            let neutralised = fields
                .get("neutralised")
                .and_then(|n| text(n, "neutralised", diags));
            let change = fields.get("change").and_then(|n| change_key(n, diags));
            fields.finish(diags);
            let original = target(original_node?, None, unit, change.as_ref(), diags)?;
            let revised = match revised_node {
                Some(n) => Some(target(n, Some(&original), unit, change.as_ref(), diags)?),
                None => None,
            };
            if let Some((_, span)) = &change {
                let is_change = |t: &Target| matches!(t.kind, TargetKind::Change { .. });
                if !is_change(&original) && !revised.as_ref().is_some_and(is_change) {
                    diags.push(problem::change_without_change_target().at(span));
                }
            }
            if revised.is_none() && reason.is_some() {
                diags.push(problem::reason_without_revision().at(&node.span));
            }
            Some(TargetEntry {
                original,
                revised,
                reason,
                neutralised,
            })
        }
        _ => Some(TargetEntry {
            original: target(node, None, unit, None, diags)?,
            revised: None,
            reason: None,
            neutralised: None,
        }),
    }
}

/// `change: points` or `change: relative`.
fn change_key(node: &Node, diags: &mut Diagnostics) -> Option<(ChangeMeasure, Span)> {
    match text(node, "change", diags)?.as_str() {
        "points" => Some((ChangeMeasure::Absolute, node.span.clone())),
        "relative" => Some((ChangeMeasure::Relative, node.span.clone())),
        other => {
            diags.push(problem::unknown_change(other).at(&node.span));
            None
        }
    }
}

fn target(
    node: &Node,
    original: Option<&Target>,
    unit: Option<Unit>,
    change: Option<&(ChangeMeasure, Span)>,
    diags: &mut Diagnostics,
) -> Option<Target> {
    let text = text(node, "target", diags)?;
    let parsed = match original {
        Some(original) => parse_revision(&text, &original.kind),
        None => parse_target(&text),
    };
    match parsed {
        Ok(ParsedTarget {
            mut kind,
            qualifier,
            unit: sign,
        }) => {
            if let TargetKind::Change { measure, .. } = &mut kind {
                *measure = change_measure(&text, *measure, sign, unit, change, &node.span, diags)?;
            }
            Some(Target {
                kind,
                text,
                qualifier,
                unit: sign,
                span: node.span.clone(),
            })
        }
        Err(problem) => {
            diags.push(problem.at(&node.span).within(text::about_target()));
            None
        }
    }
}

/// How a change is measured. `+10%` on a count is relative; on a
/// percentage it could be ten points or ten per cent of the base value, so
/// it must say which (`+10 p.p.`, or `change:`).
fn change_measure(
    text: &str,
    parsed: ChangeMeasure,
    sign: Option<Unit>,
    unit: Option<Unit>,
    change: Option<&(ChangeMeasure, Span)>,
    span: &Span,
    diags: &mut Diagnostics,
) -> Option<ChangeMeasure> {
    let percent_sign = sign == Some(Unit::Percent);
    let points = percent_sign && parsed == ChangeMeasure::Absolute;
    if points && unit.is_some_and(|u| u != Unit::Percent) {
        diags.push(problem::points_on_non_percentage(text).at(span));
        return None;
    }
    match change {
        Some((ChangeMeasure::Absolute, at)) if unit != Some(Unit::Percent) && !points => {
            diags.push(problem::change_points_on_non_percentage().at(at));
            None
        }
        Some((measure, _)) => Some(*measure),
        None if percent_sign && !points && unit == Some(Unit::Percent) => {
            let (number, after) = text.trim().split_once('%').unwrap_or((text.trim(), ""));
            let number = number.trim();
            let points = format!("{number} p.p.{after}");
            diags.push(
                problem::ambiguous_percent_change(text, number, points, text.trim()).at(span),
            );
            None
        }
        None => Some(parsed),
    }
}
