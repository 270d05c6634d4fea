//! One objective file: YAML front-matter, then the narrative in Markdown.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::diagnostics::{Arg, Diagnostics, SourceId, Span, did_you_mean, problem, text};
use crate::load::series::series;
use crate::load::targets::target_entry;
use crate::load::values::{self, text};
use crate::load::yaml::{self, Fields, Node, NodeKind};
use crate::model::{
    Formula, Indicator, Measure, Objective, Owners, Period, Responsible, SourceNote, Tree, Unit,
    Year,
};
use crate::syntax::formula::parse_formula;
use crate::syntax::{shorten, url};

/// What the config gives every objective file.
#[derive(Debug, Clone, Copy)]
pub struct Defaults<'a> {
    /// The year of a target written without one, and of objectives below
    /// level 1 written without a period.
    pub reference_year: Option<Year>,
    /// The kinds of objectives the site declares.
    pub tree: &'a Tree,
}

/// Splits `---` front-matter from the body: (yaml, its byte offset, body).
pub fn split_front_matter(file: &str) -> Option<(&str, usize, &str)> {
    let start = if file.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &file[start..];
    let after_open = rest
        .strip_prefix("---\n")
        .or_else(|| rest.strip_prefix("---\r\n"))?;
    let yaml_offset = file.len() - after_open.len();
    let mut position = 0;
    for line in after_open.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let yaml = &after_open[..position];
            let body = &after_open[position + line.len()..];
            return Some((yaml, yaml_offset, body));
        }
        position += line.len();
    }
    None
}

pub fn read(
    file: &str,
    source: SourceId,
    defaults: Defaults,
    diags: &mut Diagnostics,
) -> Option<Objective> {
    let Some((yaml_text, offset, body)) = split_front_matter(file) else {
        diags.push(
            problem::no_front_matter()
                .at(&Span::new(source, 0..file.find('\n').unwrap_or(file.len()))),
        );
        return None;
    };
    let root = yaml::parse(file, offset..offset + yaml_text.len(), source, diags)?;
    let mut fields = Fields::of(&root, text::subject_objective(), diags)?;
    let id = fields
        .require("id", diags)
        .and_then(|n| values::id(n, "id", diags));
    let kind_node = fields.require("kind", diags);
    let kind = kind_node.and_then(|n| objective_kind(n, defaults.tree, diags));
    let ambito = fields
        .get("ambito")
        .and_then(|n| values::id(n, "ambito", diags));
    let period_node = fields.get("period");
    let period = period_node.and_then(|n| values::period(n, "period", diags));
    let title = fields
        .require("title", diags)
        .and_then(|n| values::non_empty_text(n, "title", diags));
    let new = fields
        .get("new")
        .and_then(|n| values::flag(n, "new", diags))
        .unwrap_or(false);
    let parent = fields
        .get("parent")
        .and_then(|n| values::id(n, "parent", diags));
    let servizi_node = fields.get("servizi");
    let servizi = match servizi_node {
        Some(node) if node.as_str() == Some("all") => Owners::All,
        Some(node) => Owners::Servizi(values::id_list(node, "servizi", diags)),
        None => Owners::Servizi(Vec::new()),
    };
    let owners = fields.get("owners").and_then(|n| text(n, "owners", diags));
    let responsible = fields
        .get("responsible")
        .map(|n| responsible(n, diags))
        .unwrap_or_default();
    let remark = fields.get("remark").and_then(|n| text(n, "remark", diags));
    let weight = weight(&mut fields, diags);
    let head = fields.head_span();

    let level = kind.map(|k| defaults.tree.kinds[k].level);
    let period = match (period, level) {
        (Some(period), _) => Some(period),
        // Objectives below level 1 are yearly: the reference year's.
        (None, Some(level)) if level > 1 => defaults.reference_year.map(|year| Period {
            start: year,
            end: year,
        }),
        (None, Some(_)) if period_node.is_none() => {
            diags.push(problem::objective_without_period().at(&head));
            None
        }
        (None, _) => None,
    };
    let target_year = defaults.reference_year.or(period.map(|p| p.end));
    let indicators = match fields.get("indicators") {
        Some(node) => {
            let items = values::items(node, "indicators", diags);
            if items.is_empty() && matches!(node.kind, NodeKind::Seq(_)) {
                // A warning: an objective is written before its indicators
                // (`cruscotto new obiettivo`, then `new indicatore`).
                diags.push(problem::indicators_empty().at(&node.span));
            }
            items
                .iter()
                .filter_map(|item| indicator(item, target_year, diags))
                .collect()
        }
        None => {
            diags.push(problem::objective_without_indicators().at(&head));
            Vec::new()
        }
    };
    let notes = fields
        .get("notes")
        .map(|n| {
            values::items(n, "notes", diags)
                .iter()
                .filter_map(|item| source_note(item, diags))
                .collect()
        })
        .unwrap_or_default();
    fields.finish(diags);
    narrative_links(file, body, source, diags);

    // With a valid id the objective is kept even when other keys are wrong
    // (already reported), so that references to it still resolve.
    let id = id?;
    let kind = kind.unwrap_or_else(|| {
        defaults
            .tree
            .first_of_level(if parent.is_some() { 2 } else { 1 })
    });
    Some(Objective {
        id: id.id,
        kind,
        ambito,
        period: period.unwrap_or(Period {
            start: 0,
            end: 9999,
        }),
        title: title.unwrap_or_default(),
        new,
        parent,
        servizi,
        owners,
        responsible,
        remark,
        weight,
        indicators,
        notes,
        body: body.trim().to_string(),
        source,
        span: id.span,
    })
}

/// Links and images of the narrative: only addresses a public page may
/// hold, and no image from another host (the reader's browser would ask
/// that host for it).
fn narrative_links(file: &str, body: &str, source: SourceId, diags: &mut Diagnostics) {
    let offset = file.len() - body.len();
    let narrative = crate::syntax::markdown::read(body);
    if let Some(range) = narrative.too_deep {
        diags.push(
            problem::narrative_too_deep(crate::syntax::markdown::MAX_DEPTH)
                .at(&Span::new(source, offset + range.start..offset + range.end)),
        );
    }
    for link in narrative.urls {
        let span = Span::new(source, offset + link.range.start..offset + link.range.end);
        let shown = shorten(&link.url);
        match url::check(&link.url) {
            Err(why) => diags.push(problem::link_not_allowed(shown, why).at(&span)),
            Ok(target) if link.is_image && target.is_other_host() => {
                diags.push(problem::image_on_other_host(shown).at(&span))
            }
            Ok(_) => {}
        }
    }
}

fn objective_kind(node: &Node, tree: &Tree, diags: &mut Diagnostics) -> Option<usize> {
    let code = text(node, "kind", diags)?;
    let kind = tree.position(&code);
    if kind.is_none() {
        let codes = tree.ids();
        diags.push(
            problem::unknown_kind(&code, Arg::list(&codes), crate::load::CONFIG_FILE)
                .at(&node.span)
                .suggest(did_you_mean(&code, codes.iter().copied())),
        );
    }
    kind
}

/// `responsible: "Dirigente del Settore Finanze"`, `{ name: ..., role: ... }`,
/// or a list of them.
fn responsible(node: &Node, diags: &mut Diagnostics) -> Vec<Responsible> {
    let one = |node: &Node, diags: &mut Diagnostics| -> Option<Responsible> {
        match &node.kind {
            NodeKind::Map(_) => {
                let mut fields = Fields::of(node, text::subject_responsible(), diags)?;
                let name = fields.get("name").and_then(|n| text(n, "name", diags));
                let role = fields.get("role").and_then(|n| text(n, "role", diags));
                fields.finish(diags);
                let (name, role) = (
                    name.filter(|t| !t.is_empty()),
                    role.filter(|t| !t.is_empty()),
                );
                if name.is_none() && role.is_none() {
                    diags.push(problem::responsible_without_name().at(&node.span));
                    return None;
                }
                Some(Responsible { name, role })
            }
            _ => values::non_empty_text(node, "responsible", diags).map(|name| Responsible {
                name: Some(name),
                role: None,
            }),
        }
    };
    match &node.kind {
        NodeKind::Seq(items) => items.iter().filter_map(|i| one(i, diags)).collect(),
        _ => one(node, diags).into_iter().collect(),
    }
}

fn weight(fields: &mut Fields, diags: &mut Diagnostics) -> Decimal {
    let Some(node) = fields.get("weight") else {
        return Decimal::ONE;
    };
    match values::decimal(node, "weight", diags) {
        Some(w) if w > Decimal::ZERO => w,
        Some(_) => {
            diags.push(problem::weight_not_positive().at(&node.span));
            Decimal::ONE
        }
        None => Decimal::ONE,
    }
}

fn indicator(node: &Node, target_year: Option<Year>, diags: &mut Diagnostics) -> Option<Indicator> {
    let mut fields = Fields::of(node, text::subject_indicator(), diags)?;
    let id = fields
        .require("id", diags)
        .and_then(|n| values::id(n, "id", diags));
    let name = fields
        .require("name", diags)
        .and_then(|n| values::non_empty_text(n, "name", diags));
    let common = fields
        .get("common")
        .and_then(|n| values::flag(n, "common", diags))
        .unwrap_or(false);
    let new = fields
        .get("new")
        .and_then(|n| values::flag(n, "new", diags))
        .unwrap_or(false);
    let remark = fields.get("remark").and_then(|n| text(n, "remark", diags));
    let algorithm = fields
        .get("algorithm")
        .and_then(|n| text(n, "algorithm", diags));
    let formula = fields.get("formula").and_then(|n| formula(n, diags));
    let unit = fields.require("unit", diags).and_then(|n| unit(n, diags));
    let decimals = match fields.get("decimals") {
        None => 2,
        Some(node) => match text(node, "decimals", diags).map(|t| t.parse::<u32>()) {
            Some(Ok(n)) if n <= 6 => n,
            Some(_) => {
                diags.push(problem::invalid_decimals(6).at(&node.span));
                2
            }
            None => 2,
        },
    };
    let weight = weight(&mut fields, diags);
    let measures = fields
        .get("measures")
        .map(|n| measures(n, diags))
        .unwrap_or_default();
    let note = fields.get("note").and_then(|n| text(n, "note", diags));
    let note_remark = fields
        .get("note_remark")
        .and_then(|n| text(n, "note_remark", diags));
    let source = fields.get("source").and_then(|n| text(n, "source", diags));
    let targets_node = fields.get("targets");
    let single_target = fields.get("target");
    let series_node = fields.get("series");
    let scope = fields
        .get("scope")
        .map(|n| values::id_list(n, "scope", diags));
    let baseline = fields
        .get("baseline")
        .and_then(|n| values::decimal(n, "baseline", diags));
    fields.finish(diags);

    let mut targets = BTreeMap::new();
    if let Some(node) = targets_node {
        for (key, value) in values::entries(node, "targets", diags) {
            let Some(year) = values::year(key, "targets", diags) else {
                continue;
            };
            if let Some(entry) = target_entry(value, unit, diags) {
                targets.insert(year, entry);
            }
        }
    }
    if let Some(node) = single_target {
        if targets_node.is_some() {
            diags.push(problem::target_and_targets().at(&node.span));
        } else if let (Some(entry), Some(year)) = (target_entry(node, unit, diags), target_year) {
            targets.insert(year, entry);
        }
    }
    let measure_names: Vec<&str> = measures.iter().map(|m: &Measure| m.name.as_str()).collect();
    let series = match (series_node, unit) {
        (Some(node), Some(unit)) => series(node, &measure_names, Some(unit), diags),
        _ => BTreeMap::new(),
    };
    let id = id?;
    Some(Indicator {
        id: id.id,
        name: name?,
        common,
        new,
        remark,
        algorithm,
        formula,
        unit: unit?,
        decimals,
        weight,
        measures,
        note,
        note_remark,
        source,
        single_target: single_target.is_some() && targets_node.is_none(),
        targets,
        series,
        scope,
        baseline,
        span: id.span,
    })
}

fn unit(node: &Node, diags: &mut Diagnostics) -> Option<Unit> {
    let code = text(node, "unit", diags)?;
    let unit = Unit::from_code(&code);
    if unit.is_none() {
        let codes = Unit::ALL.map(Unit::code);
        let alias = match code.as_str() {
            "%" | "percentuale" => Some("percent"),
            "€" | "eur" => Some("euro"),
            "gg" | "giorni" => Some("days"),
            "numero" | "count" => Some("number"),
            "data" => Some("date"),
            _ => did_you_mean(&code, codes),
        };
        diags.push(
            problem::unknown_unit(&code, Arg::list(codes))
                .at(&node.span)
                .suggest(alias),
        );
    }
    unit
}

fn formula(node: &Node, diags: &mut Diagnostics) -> Option<Formula> {
    let text = text(node, "formula", diags)?;
    match parse_formula(&text) {
        Ok(expr) => Some(Formula {
            text,
            expr,
            span: node.span.clone(),
        }),
        Err(problem) => {
            diags.push(
                problem
                    .at(&node.span)
                    .within(text::about_formula(shorten(&text))),
            );
            None
        }
    }
}

fn measures(node: &Node, diags: &mut Diagnostics) -> Vec<Measure> {
    let mut out = Vec::new();
    for (key, value) in values::entries(node, "measures", diags) {
        let Some(name) = text(key, "measures", diags) else {
            continue;
        };
        if !is_measure_name(&name) {
            diags.push(problem::invalid_measure_name(&name).at(&key.span));
            continue;
        }
        let (label, source) = match &value.kind {
            NodeKind::Null => (None, None),
            _ => match Fields::of(value, text::subject_measure(), diags) {
                Some(mut fields) => {
                    let label = fields.get("label").and_then(|n| text(n, "label", diags));
                    let source = fields.get("source").and_then(|n| text(n, "source", diags));
                    fields.finish(diags);
                    (label, source)
                }
                None => (None, None),
            },
        };
        out.push(Measure {
            name,
            label,
            source,
            span: key.span.clone(),
        });
    }
    out
}

fn is_measure_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !crate::syntax::formula::FUNCTIONS.contains(&name)
}

fn source_note(node: &Node, diags: &mut Diagnostics) -> Option<SourceNote> {
    let mut fields = Fields::of(node, text::subject_note(), diags)?;
    let label = fields
        .get("label")
        .and_then(|n| text(n, "label", diags))
        .filter(|l| !l.is_empty());
    let source = fields.get("source").and_then(|n| text(n, "source", diags));
    let series_node = fields.get("series");
    fields.finish(diags);
    let series = series_node
        .map(|n| series(n, &[], None, diags))
        .unwrap_or_default();
    Some(SourceNote {
        label,
        source,
        series,
        span: node.span.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_split_from_the_body() {
        let file = "---\nid: a\n---\nBody text.\n";
        let (yaml, offset, body) = split_front_matter(file).expect("front-matter");
        assert_eq!(yaml, "id: a\n");
        assert_eq!(&file[offset..offset + 5], "id: a");
        assert_eq!(body, "Body text.\n");
        assert!(split_front_matter("id: a\n").is_none());
        assert!(split_front_matter("---\nid: a\n").is_none(), "unclosed");
    }
}
