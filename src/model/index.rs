//! Lookups over a plan by id, and its tree: children, ancestors,
//! descendants, an objective's ambito.

use std::collections::BTreeMap;

use super::{Indicator, Objective, Plan};

/// Lookups by id over a plan, built once.
#[derive(Debug, Default)]
pub struct PlanIndex {
    /// Objective id -> position in `Plan::objectives` (the first, if repeated).
    pub objectives: BTreeMap<String, usize>,
    /// Indicator id -> (objective position, indicator position).
    pub indicators: BTreeMap<String, (usize, usize)>,
    /// Objective position -> positions of its operational objectives.
    pub children: BTreeMap<usize, Vec<usize>>,
}

impl PlanIndex {
    pub fn new(plan: &Plan) -> Self {
        let mut index = PlanIndex::default();
        for (o, objective) in plan.objectives.iter().enumerate() {
            index.objectives.entry(objective.id.clone()).or_insert(o);
            for (i, indicator) in objective.indicators.iter().enumerate() {
                index
                    .indicators
                    .entry(indicator.id.clone())
                    .or_insert((o, i));
            }
        }
        for (o, objective) in plan.objectives.iter().enumerate() {
            if let Some(parent) = &objective.parent
                && let Some(&p) = index.objectives.get(&parent.id)
            {
                index.children.entry(p).or_default().push(o);
            }
        }
        index
    }

    pub fn objective<'p>(&self, plan: &'p Plan, id: &str) -> Option<&'p Objective> {
        self.objectives.get(id).map(|&o| &plan.objectives[o])
    }

    pub fn indicator<'p>(&self, plan: &'p Plan, id: &str) -> Option<&'p Indicator> {
        self.indicators
            .get(id)
            .map(|&(o, i)| &plan.objectives[o].indicators[i])
    }

    pub fn children(&self, objective: usize) -> &[usize] {
        self.children.get(&objective).map_or(&[], Vec::as_slice)
    }

    /// The ambito of an objective: its own, or its nearest ancestor's.
    pub fn ambito_of<'p>(&self, plan: &'p Plan, objective: &'p Objective) -> Option<&'p str> {
        let mut current = objective;
        // At most one step per objective: a circle of parents (reported by
        // validation) ends the walk.
        for _ in 0..=plan.objectives.len() {
            if let Some(ambito) = &current.ambito {
                return Some(&ambito.id);
            }
            current = self.objective(plan, &current.parent.as_ref()?.id)?;
        }
        None
    }

    /// The objectives under `objective`, each followed by its own (depth
    /// first, children in plan order), with their depth below it (1 for a
    /// child).
    pub fn descendants(&self, objective: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut seen = std::collections::BTreeSet::from([objective]);
        let mut stack: Vec<(usize, usize)> = self
            .children(objective)
            .iter()
            .rev()
            .map(|&c| (c, 1))
            .collect();
        while let Some((position, depth)) = stack.pop() {
            if !seen.insert(position) {
                continue;
            }
            out.push((position, depth));
            stack.extend(
                self.children(position)
                    .iter()
                    .rev()
                    .map(|&c| (c, depth + 1)),
            );
        }
        out
    }

    /// The objectives above `objective`, nearest first.
    pub fn ancestors(&self, plan: &Plan, objective: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut current = objective;
        while let Some(parent) = plan.objectives[current].parent.as_ref()
            && let Some(&p) = self.objectives.get(&parent.id)
            && p != objective
            && !out.contains(&p)
        {
            out.push(p);
            current = p;
        }
        out
    }

    /// The indicators a meta-indicator of `objective` looks at: those of the
    /// objectives in `scope`, or of the objective's children.
    pub fn scope_of(
        &self,
        plan: &Plan,
        objective: usize,
        indicator: &Indicator,
    ) -> Vec<(usize, usize)> {
        let objectives: Vec<usize> = match &indicator.scope {
            Some(scope) => scope
                .iter()
                .filter_map(|r| self.objectives.get(&r.id).copied())
                .collect(),
            None => self.children(objective).to_vec(),
        };
        objectives
            .into_iter()
            .flat_map(|o| (0..plan.objectives[o].indicators.len()).map(move |i| (o, i)))
            .filter(|&(o, i)| plan.objectives[o].indicators[i].id != indicator.id)
            .collect()
    }
}
