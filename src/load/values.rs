//! Typed values read from YAML nodes, each problem reported at the node.

use rust_decimal::Decimal;

use crate::diagnostics::{Diagnostics, problem, text};
use crate::load::yaml::{Node, NodeKind};
use crate::model::{Date, Period, Ref, Year};
use crate::syntax::date::parse_date;
use crate::syntax::number::parse_number;

/// The text of a scalar; an error for lists and mappings.
pub fn text(node: &Node, key: &str, diags: &mut Diagnostics) -> Option<String> {
    match &node.kind {
        NodeKind::Scalar { text, .. } => Some(text.trim().to_string()),
        _ => {
            diags.push(problem::not_a_single_value(key, node.describe()).at(&node.span));
            None
        }
    }
}

/// The text of a scalar that must not be empty (a title, a name).
pub fn non_empty_text(node: &Node, key: &str, diags: &mut Diagnostics) -> Option<String> {
    let value = text(node, key, diags)?;
    if value.is_empty() {
        diags.push(problem::empty_value(key).at(&node.span));
        return None;
    }
    Some(value)
}

/// An address that a public page may link to (see [`crate::syntax::url`]).
pub fn url(node: &Node, key: &str, diags: &mut Diagnostics) -> Option<String> {
    let value = text(node, key, diags)?;
    match crate::syntax::url::check(&value) {
        Ok(_) => Some(value),
        Err(why) => {
            diags.push(problem::address_not_allowed(key, why).at(&node.span));
            None
        }
    }
}

pub fn flag(node: &Node, key: &str, diags: &mut Diagnostics) -> Option<bool> {
    match text(node, key, diags)?.as_str() {
        "true" => Some(true),
        "false" => Some(false),
        other => {
            diags.push(problem::not_a_flag(key, other).at(&node.span));
            None
        }
    }
}

pub fn year(node: &Node, key: &str, diags: &mut Diagnostics) -> Option<Year> {
    let text = text(node, key, diags)?;
    match parse_year(&text) {
        Some(year) => Some(year),
        None => {
            diags.push(problem::not_a_year(text).at(&node.span));
            None
        }
    }
}

pub fn parse_year(text: &str) -> Option<Year> {
    let text = text.trim();
    (text.len() == 4 && text.chars().all(|c| c.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// `2022-2024` or a single year `2023`.
pub fn period(node: &Node, key: &str, diags: &mut Diagnostics) -> Option<Period> {
    let text = text(node, key, diags)?;
    let parsed = match text.split_once(['-', '–']) {
        Some((start, end)) => parse_year(start).zip(parse_year(end)),
        None => parse_year(&text).map(|y| (y, y)),
    };
    match parsed {
        Some((start, end)) if start <= end => Some(Period { start, end }),
        Some(_) => {
            diags.push(problem::period_reversed(text).at(&node.span));
            None
        }
        None => {
            diags.push(problem::not_a_period(text).at(&node.span));
            None
        }
    }
}

pub fn decimal(node: &Node, key: &str, diags: &mut Diagnostics) -> Option<Decimal> {
    let text = text(node, key, diags)?;
    match parse_number(&text) {
        Ok((value, _)) => Some(value),
        Err(problem) => {
            diags.push(problem.at(&node.span).within(text::subject_key(key)));
            None
        }
    }
}

pub fn date(node: &Node, key: &str, diags: &mut Diagnostics) -> Option<Date> {
    let text = text(node, key, diags)?;
    match parse_date(&text) {
        Ok(date) => Some(date),
        Err(problem) => {
            diags.push(problem.at(&node.span).within(text::subject_key(key)));
            None
        }
    }
}

/// An id: lowercase letters, digits and dashes, as it goes into URLs.
pub fn id(node: &Node, key: &str, diags: &mut Diagnostics) -> Option<Ref> {
    let text = text(node, key, diags)?;
    if is_id(&text) {
        Some(Ref {
            id: text,
            span: node.span.clone(),
        })
    } else {
        diags.push(problem::invalid_id(&text, slug(&text)).at(&node.span));
        None
    }
}

pub fn is_id(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with('-')
        && !text.ends_with('-')
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// A valid id made from any text, for suggestions.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in crate::syntax::fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// A list of ids: `[a, b]`, or a single id.
pub fn id_list(node: &Node, key: &str, diags: &mut Diagnostics) -> Vec<Ref> {
    match &node.kind {
        NodeKind::Seq(items) => items
            .iter()
            .filter_map(|item| id(item, key, diags))
            .collect(),
        _ => id(node, key, diags).into_iter().collect(),
    }
}

/// Entries of a mapping, or an error at the node.
pub fn entries<'n>(node: &'n Node, key: &str, diags: &mut Diagnostics) -> &'n [(Node, Node)] {
    match &node.kind {
        NodeKind::Map(entries) => entries,
        _ => {
            diags.push(
                problem::not_a_mapping(text::subject_key(key), node.describe()).at(&node.span),
            );
            &[]
        }
    }
}

/// Items of a list, or an error at the node.
pub fn items<'n>(node: &'n Node, key: &str, diags: &mut Diagnostics) -> &'n [Node] {
    match &node.kind {
        NodeKind::Seq(items) => items,
        _ => {
            diags.push(problem::not_a_list(key, node.describe()).at(&node.span));
            &[]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_slugs() {
        assert!(is_id("transizione-digitale-2"));
        assert!(!is_id("Transizione"));
        assert!(!is_id("a_b"));
        assert!(!is_id("-a"));
        assert_eq!(slug("Qualità dei dati RI"), "qualita-dei-dati-ri");
    }

    #[test]
    fn years() {
        assert_eq!(parse_year("2023"), Some(2023));
        assert_eq!(parse_year("23"), None);
        assert_eq!(parse_year("20a3"), None);
    }
}
