//! Stage 2: checks across files. Every reference must resolve, every id be
//! unique, every target fit its objective and its indicator's unit.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostics::{Diagnostic, Diagnostics, Sources, Span, did_you_mean};
use crate::model::{
    Expr, Indicator, Objective, ObjectiveKind, Owners, Plan, PlanIndex, Ref, ServiziRule, Target,
    TargetKind, Unit,
};

pub fn validate(plan: &Plan, sources: &Sources, diags: &mut Diagnostics) {
    let index = PlanIndex::new(plan);
    unique_ids(plan, sources, diags);
    let known = Known::new(plan);
    for objective in &plan.objectives {
        references(plan, &index, &known, objective, diags);
        for indicator in &objective.indicators {
            targets(objective, indicator, diags);
            formula(plan, &index, objective, indicator, diags);
        }
    }
    cycles(plan, &index, diags);
    note_labels(plan, sources, diags);
    every_ambito_has_objectives(plan, diags);
}

/// A site with no objectives, or an ambito none of them belongs to, would
/// publish empty pages.
fn every_ambito_has_objectives(plan: &Plan, diags: &mut Diagnostics) {
    if plan.objectives.is_empty() {
        diags.push(
            Diagnostic::error("there are no objectives in content/")
                .in_file(crate::load::CONTENT_DIR)
                .help(
                    "write one .md file per objective under content/ (see docs/content-format.md)",
                ),
        );
        return;
    }
    for ambito in &plan.config.ambiti {
        let used = plan
            .objectives
            .iter()
            .any(|o| o.ambito.as_ref().is_some_and(|r| r.id == ambito.id));
        if !used {
            diags.push(
                // A warning: a new site lists its ambiti before their objectives.
                Diagnostic::warning(format!("the ambito `{}` has no objectives", ambito.id))
                    .at(&ambito.span)
                    .help(format!(
                        "write `ambito: {0}` in the objectives that belong to it (`cruscotto new obiettivo \"TITOLO\" --ambito {0}`), or delete the ambito",
                        ambito.id
                    )),
            );
        }
    }
}

fn first_written(sources: &Sources, span: &Span) -> String {
    format!("first written at {}", sources.location(span))
}

/// Reports every id written again after its first use.
fn duplicates<'a>(
    items: impl IntoIterator<Item = (&'a str, &'a Span)>,
    what: &str,
    help: &str,
    sources: &Sources,
    diags: &mut Diagnostics,
) {
    let mut seen: BTreeMap<&str, &Span> = BTreeMap::new();
    for (id, span) in items {
        if let Some(first) = seen.insert(id, span) {
            diags.push(
                Diagnostic::error(format!("the {what} id `{id}` is used twice"))
                    .at(span)
                    .label(first_written(sources, first))
                    .help(help),
            );
        }
    }
}

fn unique_ids(plan: &Plan, sources: &Sources, diags: &mut Diagnostics) {
    let config = &plan.config;
    let ambiti = config.ambiti.iter().map(|a| (a.id.as_str(), &a.span));
    duplicates(
        ambiti,
        "ambito",
        "give each ambito its own id",
        sources,
        diags,
    );
    let servizi = config.servizi.iter().map(|s| (s.id.as_str(), &s.span));
    duplicates(
        servizi,
        "Servizio",
        "give each Servizio its own id",
        sources,
        diags,
    );
    let objectives = plan.objectives.iter().map(|o| (o.id.as_str(), &o.span));
    let help = "ids become page addresses: give each objective its own id";
    duplicates(objectives, "objective", help, sources, diags);
    let indicators = plan.indicators().map(|(_, _, i)| (i.id.as_str(), &i.span));
    let help = "indicator ids must be unique in the whole site: make this one more specific";
    duplicates(indicators, "indicator", help, sources, diags);
}

fn unknown(what: &str, reference: &Ref, known: Vec<&str>) -> Diagnostic {
    let mut diagnostic =
        Diagnostic::error(format!("there is no {what} `{}`", reference.id)).at(&reference.span);
    match did_you_mean(&reference.id, known.iter().copied()) {
        Some(close) => {
            diagnostic = diagnostic
                .label(format!("did you mean `{close}`?"))
                .help(format!("write `{close}`"));
        }
        None => {
            let mut list = known.join(", ");
            if list.len() > 300 {
                list = format!("{}, ...", &list[..list.floor_char_boundary(300)]);
            }
            diagnostic = diagnostic.help(format!("write one of: {list}"));
        }
    }
    diagnostic
}

/// The ids a reference may name, listed once for the whole plan (not once
/// per objective: that grew with the square of the objectives).
struct Known<'p> {
    ambiti: Vec<&'p str>,
    ambiti_set: BTreeSet<&'p str>,
    /// Objective ids by the position of their kind.
    by_kind: BTreeMap<usize, Vec<&'p str>>,
    servizi: Vec<&'p str>,
    servizi_set: BTreeSet<&'p str>,
}

impl<'p> Known<'p> {
    fn new(plan: &'p Plan) -> Self {
        let ambiti: Vec<&str> = plan.config.ambiti.iter().map(|a| a.id.as_str()).collect();
        let servizi: Vec<&str> = plan.config.servizi.iter().map(|s| s.id.as_str()).collect();
        let mut by_kind: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
        for objective in &plan.objectives {
            by_kind
                .entry(objective.kind)
                .or_default()
                .push(objective.id.as_str());
        }
        Known {
            ambiti_set: ambiti.iter().copied().collect(),
            servizi_set: servizi.iter().copied().collect(),
            ambiti,
            servizi,
            by_kind,
        }
    }

    /// The objectives whose kind may be a parent of `kind`.
    fn parents_for(&self, plan: &Plan, kind: &ObjectiveKind) -> Vec<&'p str> {
        kind.parents
            .iter()
            .filter_map(|id| plan.config.tree.position(id))
            .flat_map(|k| self.by_kind.get(&k).into_iter().flatten().copied())
            .collect()
    }
}

/// "un obiettivo `operativo`" in messages: the kind's id and its name.
fn kind_words(kind: &ObjectiveKind) -> String {
    format!("`{}` ({})", kind.id, kind.words.singular.to_lowercase())
}

fn references(
    plan: &Plan,
    index: &PlanIndex,
    known: &Known,
    objective: &Objective,
    diags: &mut Diagnostics,
) {
    let ambiti = &known.ambiti;
    let tree = &plan.config.tree;
    let kind = plan.kind(objective);
    if let Some(ambito) = &objective.ambito
        && !known.ambiti_set.contains(ambito.id.as_str())
    {
        diags.push(unknown("ambito", ambito, ambiti.clone()).help(format!(
            "use an ambito declared in cruscotto.yaml: {}",
            ambiti.join(", ")
        )));
    }
    if kind.is_top_level() {
        if objective.ambito.is_none() {
            diags.push(
                Diagnostic::error(format!("the objective `{}` has no `ambito`", objective.id))
                    .at(&objective.span)
                    .help(format!(
                        "add `ambito: ...` with one of: {}",
                        ambiti.join(", ")
                    )),
            );
        }
        if let Some(parent) = &objective.parent {
            let deeper: Vec<&str> = tree
                .kinds
                .iter()
                .filter(|k| !k.is_top_level())
                .map(|k| k.id.as_str())
                .collect();
            diags.push(
                Diagnostic::error(format!(
                    "an objective of kind {} sits under an ambito and has no `parent`",
                    kind_words(kind)
                ))
                .at(&parent.span)
                .help(if deeper.is_empty() {
                    "delete the `parent` line".to_string()
                } else {
                    format!(
                        "write the kind of objective it is (`kind: {}`), or delete the `parent` line",
                        deeper.join("` or `kind: ")
                    )
                }),
            );
        }
    } else {
        let candidates = || known.parents_for(plan, kind);
        match &objective.parent {
            None => diags.push(
                Diagnostic::error(format!(
                    "the objective `{}` of kind {} has no `parent`",
                    objective.id,
                    kind_words(kind)
                ))
                .at(&objective.span)
                .help(format!(
                    "add `parent: ...` with the id of the objective it serves (an objective of kind {})",
                    kind.parents.join(" or ")
                )),
            ),
            Some(parent) => match index.objective(plan, &parent.id) {
                None => diags.push(unknown("objective", parent, candidates())),
                Some(p) if !kind.parents.contains(&plan.kind(p).id) => diags.push(
                    Diagnostic::error(format!(
                        "`{}` is of kind {}, which cannot be the parent of an objective of kind {}",
                        parent.id,
                        kind_words(plan.kind(p)),
                        kind_words(kind)
                    ))
                    .at(&parent.span)
                    .help(format!(
                        "the parent of a `{}` objective is of kind {} (see `objectives` in cruscotto.yaml): write the id of one of those, or change this objective's `kind`",
                        kind.id,
                        kind.parents.join(" or ")
                    )),
                ),
                Some(p) => {
                    if let (Some(own), Some(theirs)) =
                        (&objective.ambito, index.ambito_of(plan, p))
                        && own.id != theirs
                    {
                        diags.push(
                            Diagnostic::error(format!(
                                "the ambito `{}` differs from the parent's `{theirs}`",
                                own.id
                            ))
                            .at(&own.span)
                            .help("delete the `ambito` line: an objective under another takes its ambito"),
                        );
                    }
                }
            },
        }
    }
    let has_servizi = matches!(&objective.servizi, Owners::All)
        || matches!(&objective.servizi, Owners::Servizi(s) if !s.is_empty());
    let servizi = &known.servizi;
    match (kind.servizi, &objective.servizi) {
        (ServiziRule::None, _) if has_servizi => diags.push(
            Diagnostic::error(format!(
                "objectives of kind {} are not assigned to Servizi",
                kind_words(kind)
            ))
            .at(&objective.span)
            .help(
                "move `servizi` to the objectives under this one, or name who answers for it with `responsible:`",
            ),
        ),
        (ServiziRule::Required, Owners::Servizi(list)) if list.is_empty() => diags.push(
            Diagnostic::error(format!(
                "the objective `{}` of kind {} has no Servizio",
                objective.id,
                kind_words(kind)
            ))
            .at(&objective.span)
            .help(format!(
                "add `servizi: [...]` with ids from cruscotto.yaml ({}), or `servizi: all`",
                servizi.join(", ")
            )),
        ),
        (_, Owners::Servizi(list)) => {
            for servizio in list {
                if !known.servizi_set.contains(servizio.id.as_str()) {
                    diags.push(unknown("Servizio", servizio, servizi.clone()));
                }
            }
        }
        _ => {}
    }
}

fn targets(objective: &Objective, indicator: &Indicator, diags: &mut Diagnostics) {
    for (year, entry) in &indicator.targets {
        if !objective.period.contains(*year) {
            diags.push(
                Diagnostic::error(format!(
                    "the target year {year} is outside the objective's period {}",
                    objective.period
                ))
                .at(&entry.original.span)
                .help(format!(
                    "use a year from {} to {}, or widen the objective's `period`",
                    objective.period.start, objective.period.end
                )),
            );
        }
        for target in std::iter::once(&entry.original).chain(&entry.revised) {
            target_unit(indicator, target, diags);
            if let TargetKind::Change {
                base: Some(base), ..
            } = target.kind
                && base >= *year
            {
                diags.push(
                    Diagnostic::error(format!(
                        "the base year {base} is not before the target's year {year}"
                    ))
                    .at(&target.span)
                    .help("a change is measured on an earlier year: name a year before the target's (`rispetto al 2020`)"),
                );
            }
        }
    }
}

fn target_unit(indicator: &Indicator, target: &Target, diags: &mut Diagnostics) {
    let is_deadline = matches!(target.kind, TargetKind::Deadline { .. });
    if is_deadline != (indicator.unit == Unit::Date) {
        let help = if is_deadline {
            "a deadline needs `unit: date` on the indicator (its value is the completion date)"
        } else {
            "an indicator with `unit: date` takes deadlines: `entro il 31/12/2023`"
        };
        diags.push(
            Diagnostic::error(format!(
                "the target `{}` does not fit the indicator's unit `{}`",
                target.text,
                indicator.unit.code()
            ))
            .at(&target.span)
            .help(help),
        );
        return;
    }
    if let Some(sign) = target.unit {
        let fits = sign == indicator.unit
            // `+10%` on a count is a relative change.
            || (sign == Unit::Percent && matches!(target.kind, TargetKind::Change { .. }));
        if !fits {
            diags.push(
                Diagnostic::error(format!(
                    "the target `{}` is in {} but the indicator's unit is {}",
                    target.text,
                    sign.code(),
                    indicator.unit.code()
                ))
                .at(&target.span)
                .help(format!(
                    "write `unit: {}` on the indicator, or write the target without the unit sign",
                    sign.code()
                )),
            );
        }
    }
}

fn formula(
    plan: &Plan,
    index: &PlanIndex,
    objective: &Objective,
    indicator: &Indicator,
    diags: &mut Diagnostics,
) {
    let declared: Vec<&str> = indicator.measures.iter().map(|m| m.name.as_str()).collect();
    let mut used = BTreeSet::new();
    let Some(formula) = &indicator.formula else {
        if !indicator.measures.is_empty() {
            diags.push(
                Diagnostic::warning(format!(
                    "the indicator `{}` declares measures but has no formula",
                    indicator.id
                ))
                .at(&indicator.span)
                .help("add `formula: ...` to compute the value from the measures"),
            );
        }
        return;
    };
    if indicator.unit == Unit::Date {
        diags.push(
            Diagnostic::error("a date indicator cannot have a formula")
                .at(&formula.span)
                .help("delete the formula: the value of a date indicator is the completion date in the series"),
        );
    }
    let mut problems = Vec::new();
    formula.expr.walk(&mut |expr| match expr {
        Expr::Measure(name) | Expr::Prev(name) | Expr::MeanPrev(name, _) => {
            used.insert(name.clone());
            if !declared.contains(&name.as_str()) {
                let mut d = Diagnostic::error(format!(
                    "the formula uses `{name}`, which is not a measure of this indicator"
                ))
                .at(&formula.span);
                d = match did_you_mean(name, declared.iter().copied()) {
                    Some(close) => d.label(format!("did you mean `{close}`?")).help(format!("write `{close}`")),
                    None => d.help(format!(
                        "declare it under `measures:` (`{name}: {{ label: \"...\", source: \"...\" }}`)"
                    )),
                };
                problems.push(d);
            }
        }
        Expr::Indicator(id) => {
            if index.indicator(plan, id).is_none() {
                let known: Vec<&str> = index.indicators.keys().map(String::as_str).collect();
                let reference = Ref {
                    id: id.clone(),
                    span: formula.span.clone(),
                };
                problems.push(unknown("indicator", &reference, known));
            } else if id == &indicator.id {
                problems.push(
                    Diagnostic::error("the formula refers to its own indicator")
                        .at(&formula.span)
                        .help("use measures, or prev(x) for the previous year"),
                );
            }
        }
        _ => {}
    });
    for problem in problems {
        diags.push(problem);
    }
    if formula.expr.is_meta() {
        match &indicator.scope {
            Some(scope) => {
                for reference in scope {
                    if index.objective(plan, &reference.id).is_none() {
                        // Listed only when needed: building it for every scope grew
                        // with the square of the objectives.
                        let known = plan.objectives.iter().map(|o| o.id.as_str()).collect();
                        diags.push(unknown("objective", reference, known));
                    }
                }
            }
            None => {
                let position = index
                    .objectives
                    .get(&objective.id)
                    .copied()
                    .unwrap_or_default();
                if index.children(position).is_empty() {
                    diags.push(
                        Diagnostic::error("count_above() and count_assessed() look at the indicators of the operational objectives, and this objective has none")
                            .at(&formula.span)
                            .help("add `scope: [objective-id, ...]` with the objectives to look at"),
                    );
                }
            }
        }
    } else if let Some(scope) = &indicator.scope
        && let Some(first) = scope.first()
    {
        diags.push(
            Diagnostic::warning("`scope` is only used by count_above() and count_assessed()")
                .at(&first.span)
                .help("delete `scope`, or use the counting functions in the formula"),
        );
    }
    for measure in &indicator.measures {
        if !used.contains(&measure.name) {
            diags.push(
                Diagnostic::warning(format!(
                    "the measure `{}` is not used by the formula",
                    measure.name
                ))
                .at(&measure.span)
                .help(format!(
                    "use it in `formula: {}` or delete it",
                    formula.text
                )),
            );
        }
    }
}

/// `indicator(...)` references and meta-indicators must not go round in a
/// circle, or no value could be computed first.
fn cycles(plan: &Plan, index: &PlanIndex, diags: &mut Diagnostics) {
    let graph = dependencies(plan, index);
    let mut state: BTreeMap<(usize, usize), u8> = BTreeMap::new();
    let mut reported = BTreeSet::new();
    for &node in graph.keys() {
        let mut path = Vec::new();
        visit(node, &graph, &mut state, &mut path, &mut |cycle: &[(
            usize,
            usize,
        )]| {
            let mut key: Vec<_> = cycle.to_vec();
            key.sort();
            if reported.insert(key) {
                let (o, i) = cycle[0];
                let indicator = &plan.objectives[o].indicators[i];
                let names: Vec<&str> = cycle
                    .iter()
                    .map(|&(o, i)| plan.objectives[o].indicators[i].id.as_str())
                    .collect();
                let span = indicator
                    .formula
                    .as_ref()
                    .map_or(&indicator.span, |f| &f.span);
                diags.push(
                    Diagnostic::error(format!(
                        "these indicators depend on each other in a circle: {} -> {}",
                        names.join(" -> "),
                        names[0]
                    ))
                    .at(span)
                    .help("break the circle: one of them must be computed from measures only"),
                );
            }
        });
    }
}

fn visit(
    node: (usize, usize),
    graph: &BTreeMap<(usize, usize), Vec<(usize, usize)>>,
    state: &mut BTreeMap<(usize, usize), u8>,
    path: &mut Vec<(usize, usize)>,
    report: &mut impl FnMut(&[(usize, usize)]),
) {
    match state.get(&node) {
        Some(2) => return,
        Some(1) => {
            if let Some(start) = path.iter().position(|n| *n == node) {
                report(&path[start..]);
            }
            return;
        }
        _ => {}
    }
    state.insert(node, 1);
    path.push(node);
    for &next in graph.get(&node).map_or(&[][..], Vec::as_slice) {
        visit(next, graph, state, path, report);
    }
    path.pop();
    state.insert(node, 2);
}

/// For each indicator, the indicators whose results its formula needs.
pub fn dependencies(
    plan: &Plan,
    index: &PlanIndex,
) -> BTreeMap<(usize, usize), Vec<(usize, usize)>> {
    let mut graph = BTreeMap::new();
    for (o, objective) in plan.objectives.iter().enumerate() {
        for (i, indicator) in objective.indicators.iter().enumerate() {
            let mut deps = Vec::new();
            if let Some(formula) = &indicator.formula {
                formula.expr.walk(&mut |expr| {
                    if let Expr::Indicator(id) = expr
                        && let Some(&position) = index.indicators.get(id)
                    {
                        deps.push(position);
                    }
                });
                if formula.expr.is_meta() {
                    deps.extend(index.scope_of(plan, o, indicator));
                }
            }
            graph.insert((o, i), deps);
        }
    }
    graph
}

/// The source document's own defects: note labels used by more than one
/// indicator, and notes no indicator refers to.
fn note_labels(plan: &Plan, sources: &Sources, diags: &mut Diagnostics) {
    let mut uses: BTreeMap<String, Vec<&Indicator>> = BTreeMap::new();
    for objective in &plan.objectives {
        for indicator in &objective.indicators {
            if let Some(note) = &indicator.note {
                uses.entry(normalise_label(note))
                    .or_default()
                    .push(indicator);
            }
        }
    }
    for indicators in uses.values() {
        if let [first, second, ..] = indicators.as_slice() {
            let others: Vec<String> = indicators[1..]
                .iter()
                .map(|i| format!("`{}` ({})", i.id, sources.location(&i.span)))
                .collect();
            diags.push(
                Diagnostic::warning(format!(
                    "the note label \"{}\" is used by {} indicators",
                    first.note.as_deref().unwrap_or_default(),
                    indicators.len()
                ))
                .at(&first.span)
                .label(format!("also used by {}", others.join(", ")))
                .help(format!(
                    "the source document reuses this label: check which note each indicator refers to (first reuse: `{}`)",
                    second.id
                )),
            );
        }
    }
    // Only a numbered note can be referenced: a body that does not number
    // its notes gets no warning about them.
    for objective in &plan.objectives {
        for note in &objective.notes {
            if let Some(label) = &note.label {
                diags.push(
                    Diagnostic::warning(format!("\"{label}\" is referenced by no indicator"))
                        .at(&note.span)
                        .help("the source document prints this note but no indicator points to it"),
                );
            }
        }
    }
}

fn normalise_label(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}
