//! Stage 2: checks across files. Every reference must resolve, every id be
//! unique, every target fit its objective and its indicator's unit.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostics::{
    Arg, Diagnostic, Diagnostics, Sources, Span, did_you_mean, problem, text,
};
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
            targets(plan, objective, indicator, diags);
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
        diags.push(problem::no_objectives().in_file(crate::load::CONTENT_DIR));
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
                problem::ambito_without_objectives(&ambito.id).at(&ambito.span),
            );
        }
    }
}

/// Reports every id written again after its first use.
fn duplicates<'a>(
    items: impl IntoIterator<Item = (&'a str, &'a Span)>,
    problem: fn(Arg, Arg) -> Diagnostic,
    sources: &Sources,
    diags: &mut Diagnostics,
) {
    let mut seen: BTreeMap<&str, &Span> = BTreeMap::new();
    for (id, span) in items {
        if let Some(first) = seen.insert(id, span) {
            diags.push(problem(id.into(), sources.location(first).into()).at(span));
        }
    }
}

fn unique_ids(plan: &Plan, sources: &Sources, diags: &mut Diagnostics) {
    let config = &plan.config;
    let ambiti = config.ambiti.iter().map(|a| (a.id.as_str(), &a.span));
    duplicates(ambiti, problem::duplicate_ambito, sources, diags);
    let servizi = config.servizi.iter().map(|s| (s.id.as_str(), &s.span));
    duplicates(servizi, problem::duplicate_servizio, sources, diags);
    let objectives = plan.objectives.iter().map(|o| (o.id.as_str(), &o.span));
    duplicates(objectives, problem::duplicate_objective, sources, diags);
    let indicators = plan.indicators().map(|(_, _, i)| (i.id.as_str(), &i.span));
    duplicates(indicators, problem::duplicate_indicator, sources, diags);
}

/// A reference to an id that does not exist (`problem` says of what), with
/// the closest id or the ids to choose from.
fn unknown(problem: fn(Arg) -> Diagnostic, reference: &Ref, known: Vec<&str>) -> Diagnostic {
    let diagnostic = problem(reference.id.as_str().into()).at(&reference.span);
    match did_you_mean(&reference.id, known.iter().copied()) {
        Some(close) => diagnostic
            .suggest(Some(close))
            .help(text::write_value(close)),
        None => {
            let mut list = known.join(", ");
            if list.len() > 300 {
                list = format!("{}, ...", &list[..list.floor_char_boundary(300)]);
            }
            diagnostic.help(text::write_one_of(list))
        }
    }
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
        diags.push(
            unknown(problem::unknown_ambito, ambito, ambiti.clone())
                .help(text::help_declared_ambiti(Arg::list(ambiti))),
        );
    }
    if kind.is_top_level() {
        if objective.ambito.is_none() {
            diags.push(
                problem::objective_without_ambito(&objective.id, Arg::list(ambiti))
                    .at(&objective.span),
            );
        }
        if let Some(parent) = &objective.parent {
            let deeper: Vec<&str> = tree
                .kinds
                .iter()
                .filter(|k| !k.is_top_level())
                .map(|k| k.id.as_str())
                .collect();
            let mut diagnostic =
                problem::top_level_with_parent(kind_words(kind), Arg::codes(&deeper))
                    .at(&parent.span);
            if deeper.is_empty() {
                diagnostic = diagnostic.help(text::delete_parent());
            }
            diags.push(diagnostic);
        }
    } else {
        let candidates = || known.parents_for(plan, kind);
        match &objective.parent {
            None => diags.push(
                problem::objective_without_parent(
                    &objective.id,
                    kind_words(kind),
                    Arg::codes(&kind.parents),
                )
                .at(&objective.span),
            ),
            Some(parent) => match index.objective(plan, &parent.id) {
                None => diags.push(unknown(problem::unknown_objective, parent, candidates())),
                Some(p) if !kind.parents.contains(&plan.kind(p).id) => diags.push(
                    problem::parent_of_wrong_kind(
                        &parent.id,
                        kind_words(plan.kind(p)),
                        kind_words(kind),
                        &kind.id,
                        Arg::codes(&kind.parents),
                    )
                    .at(&parent.span),
                ),
                Some(p) => {
                    if let (Some(own), Some(theirs)) = (&objective.ambito, index.ambito_of(plan, p))
                        && own.id != theirs
                    {
                        diags.push(
                            problem::ambito_differs_from_parent(&own.id, theirs).at(&own.span),
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
        (ServiziRule::None, _) if has_servizi => {
            diags.push(problem::servizi_not_assigned(kind_words(kind)).at(&objective.span));
        }
        (ServiziRule::Required, Owners::Servizi(list)) if list.is_empty() => diags.push(
            problem::objective_without_servizi(&objective.id, kind_words(kind), Arg::list(servizi))
                .at(&objective.span),
        ),
        (_, Owners::Servizi(list)) => {
            for servizio in list {
                if !known.servizi_set.contains(servizio.id.as_str()) {
                    diags.push(unknown(
                        problem::unknown_servizio,
                        servizio,
                        servizi.clone(),
                    ));
                }
            }
        }
        _ => {}
    }
}

/// A target may fall outside its objective's period: plans print the
/// previous cycle's target beside the new ones, or the next year's for a
/// one-year objective, and the period shown stays the one printed. A year
/// far from both the objective's and the plan's periods is more likely a
/// typo (`2032` for `2023`): a warning, since long-term targets exist.
fn targets(plan: &Plan, objective: &Objective, indicator: &Indicator, diags: &mut Diagnostics) {
    let plan_period = plan.config.plan.period;
    let first = objective
        .period
        .start
        .min(plan_period.start)
        .saturating_sub(1);
    let last = objective.period.end.max(plan_period.end).saturating_add(1);
    for (year, entry) in &indicator.targets {
        if !(first..=last).contains(year) {
            diags.push(
                problem::target_year_far_from_period(
                    *year,
                    objective.period.to_string(),
                    plan_period.to_string(),
                    first,
                    last,
                )
                .at(&entry.original.span),
            );
        }
        for target in std::iter::once(&entry.original).chain(&entry.revised) {
            target_unit(indicator, target, diags);
            if let TargetKind::Change {
                base: Some(base), ..
            } = target.kind
                && base >= *year
            {
                diags.push(problem::base_year_not_before(base, *year).at(&target.span));
            }
        }
    }
}

fn target_unit(indicator: &Indicator, target: &Target, diags: &mut Diagnostics) {
    let is_deadline = matches!(target.kind, TargetKind::Deadline { .. });
    if is_deadline != (indicator.unit == Unit::Date) {
        let problem = if is_deadline {
            problem::deadline_on_non_date(&target.text, indicator.unit.code())
        } else {
            problem::value_target_on_date(&target.text)
        };
        diags.push(problem.at(&target.span));
        return;
    }
    if let Some(sign) = target.unit {
        let fits = sign == indicator.unit
            // `+10%` on a count is a relative change.
            || (sign == Unit::Percent && matches!(target.kind, TargetKind::Change { .. }));
        if !fits {
            diags.push(
                problem::target_in_another_unit(&target.text, sign.code(), indicator.unit.code())
                    .at(&target.span),
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
            diags.push(problem::measures_without_formula(&indicator.id).at(&indicator.span));
        }
        return;
    };
    if indicator.unit == Unit::Date {
        diags.push(problem::formula_on_date_indicator().at(&formula.span));
    }
    let mut problems = Vec::new();
    formula.expr.walk(&mut |expr| match expr {
        Expr::Measure(name) | Expr::Prev(name) | Expr::MeanPrev(name, _) => {
            used.insert(name.clone());
            if !declared.contains(&name.as_str()) {
                let mut d = problem::formula_unknown_measure(name).at(&formula.span);
                if let Some(close) = did_you_mean(name, declared.iter().copied()) {
                    d = d.suggest(Some(close)).help(text::write_value(close));
                }
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
                problems.push(unknown(problem::unknown_indicator, &reference, known));
            } else if id == &indicator.id {
                problems.push(problem::formula_refers_to_itself().at(&formula.span));
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
                        diags.push(unknown(problem::unknown_objective, reference, known));
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
                    diags.push(problem::counting_without_children().at(&formula.span));
                }
            }
        }
    } else if let Some(scope) = &indicator.scope
        && let Some(first) = scope.first()
    {
        diags.push(problem::scope_without_counting().at(&first.span));
    }
    for measure in &indicator.measures {
        if !used.contains(&measure.name) {
            diags.push(problem::measure_not_used(&measure.name, &formula.text).at(&measure.span));
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
                    problem::indicators_in_a_circle(format!(
                        "{} -> {}",
                        names.join(" -> "),
                        names[0]
                    ))
                    .at(span),
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
                problem::note_label_reused(
                    first.note.as_deref().unwrap_or_default(),
                    indicators.len(),
                    Arg::list(others),
                    &second.id,
                )
                .at(&first.span),
            );
        }
    }
    // Only a numbered note can be referenced: a body that does not number
    // its notes gets no warning about them.
    for objective in &plan.objectives {
        for note in &objective.notes {
            if let Some(label) = &note.label {
                diags.push(problem::note_not_referenced(label).at(&note.span));
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
