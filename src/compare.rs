//! What changed between two editions of the plan, computed from their
//! contents by id: the plan's edition, period and reference year; ambiti and
//! Servizi added, removed or renamed; objectives and indicators added,
//! removed or renamed, their periods, Servizi and weights; and every target
//! whose value changed, with the revision the newer edition declares for it.
//!
//! Pure: two plans in, a list of changes out (no files, no formatting). The
//! warnings for revisions that are missing or do not match are made here
//! too, at the line of the newer edition's content.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use crate::diagnostics::{Diagnostics, Span, problem};
use crate::model::{
    Objective, Owners, Period, Plan, PlanInfo, Target, TargetEntry, TargetKind, Year,
};

/// One difference between the previous edition and the current one.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub item: Item,
    pub kind: ChangeKind,
    /// The value in the previous edition (`None` for an addition).
    pub before: Option<Value>,
    /// The value in the current edition (`None` for a removal).
    pub after: Option<Value>,
    /// For a changed target: how it matches the revision the current
    /// content declares.
    pub revision: Option<Revision>,
    /// Where the current content writes it, for warnings.
    pub span: Option<Span>,
}

/// What a change is about. Names and titles are the current edition's,
/// or the previous one's for what was removed.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Plan,
    Ambito {
        id: String,
        title: String,
    },
    Servizio {
        id: String,
        name: String,
    },
    Objective {
        id: String,
        title: String,
    },
    Indicator {
        id: String,
        name: String,
        objective: String,
        objective_title: String,
    },
    Target {
        indicator: String,
        name: String,
        objective: String,
        objective_title: String,
        year: Year,
    },
}

impl Change {
    /// Whether the change shows on the page: not a revision that only
    /// disagrees with the previous edition while the target in force is
    /// the same (that is a warning, and a row of the data).
    pub fn is_visible(&self) -> bool {
        !(self.kind == ChangeKind::Target && self.before == self.after)
    }
}

impl Item {
    /// The word used in data files.
    pub fn code(&self) -> &'static str {
        match self {
            Item::Plan => "plan",
            Item::Ambito { .. } => "ambito",
            Item::Servizio { .. } => "servizio",
            Item::Objective { .. } => "objective",
            Item::Indicator { .. } => "indicator",
            Item::Target { .. } => "target",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ChangeKind {
    Added,
    Removed,
    /// A new title or name.
    Renamed,
    /// The edition's label (`plan.edition`, `plan.update`).
    Edition,
    Period,
    ReferenceYear,
    Servizi,
    Weight,
    /// The target in force of a year.
    Target,
}

impl ChangeKind {
    pub const ALL: [ChangeKind; 9] = [
        ChangeKind::Added,
        ChangeKind::Removed,
        ChangeKind::Renamed,
        ChangeKind::Edition,
        ChangeKind::Period,
        ChangeKind::ReferenceYear,
        ChangeKind::Servizi,
        ChangeKind::Weight,
        ChangeKind::Target,
    ];

    /// The word used in data files.
    pub fn code(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Renamed => "renamed",
            ChangeKind::Edition => "edition_changed",
            ChangeKind::Period => "period_changed",
            ChangeKind::ReferenceYear => "reference_year_changed",
            ChangeKind::Servizi => "servizi_changed",
            ChangeKind::Weight => "weight_changed",
            ChangeKind::Target => "target_changed",
        }
    }
}

/// A value on one side of a change.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A title, a name, an edition's label, a target as written.
    Text(String),
    Period(Period),
    Year(Year),
    Weight(Decimal),
    /// Servizi by name (every Servizio: `None`).
    Servizi(Option<Vec<String>>),
}

/// How a changed target matches the revision declared in the current
/// content (`target:` the original, `revised:` the one in force).
#[derive(Debug, Clone, PartialEq)]
pub enum Revision {
    /// The current content declares the revision, and its original (as
    /// written) is the previous edition's target.
    Declared {
        original: String,
        reason: Option<String>,
    },
    /// The target changed and the current content declares no revision.
    Undeclared,
    /// The current content declares a revision whose original is not the
    /// previous edition's target.
    Mismatch {
        declared: String,
        reason: Option<String>,
    },
}

impl Revision {
    /// The word used in data files.
    pub fn code(&self) -> &'static str {
        match self {
            Revision::Declared { .. } => "declared",
            Revision::Undeclared => "not_declared",
            Revision::Mismatch { .. } => "original_differs",
        }
    }

    pub fn reason(&self) -> Option<&str> {
        match self {
            Revision::Declared { reason, .. } | Revision::Mismatch { reason, .. } => {
                reason.as_deref()
            }
            Revision::Undeclared => None,
        }
    }

    /// The original target the current content declares, as written.
    pub fn original(&self) -> Option<&str> {
        match self {
            Revision::Declared { original, .. } => Some(original),
            Revision::Mismatch { declared, .. } => Some(declared),
            Revision::Undeclared => None,
        }
    }
}

/// Every change from `previous` to `current`, in a stable order: the plan,
/// ambiti, Servizi, then objectives in the current edition's order (those
/// removed after them, in the previous edition's order), each followed by
/// its indicators and their targets by year.
pub fn compare(previous: &Plan, current: &Plan) -> Vec<Change> {
    let mut changes = Vec::new();
    plan_changes(previous, current, &mut changes);
    config_changes(previous, current, &mut changes);
    objective_changes(previous, current, &mut changes);
    changes
}

fn change(item: Item, kind: ChangeKind, before: Option<Value>, after: Option<Value>) -> Change {
    Change {
        item,
        kind,
        before,
        after,
        revision: None,
        span: None,
    }
}

fn plan_changes(previous: &Plan, current: &Plan, out: &mut Vec<Change>) {
    let (p, c) = (&previous.config.plan, &current.config.plan);
    let label = edition_label;
    if label(p) != label(c) {
        out.push(change(
            Item::Plan,
            ChangeKind::Edition,
            Some(Value::Text(label(p))),
            Some(Value::Text(label(c))),
        ));
    }
    if p.period != c.period {
        out.push(change(
            Item::Plan,
            ChangeKind::Period,
            Some(Value::Period(p.period)),
            Some(Value::Period(c.period)),
        ));
    }
    if p.reference_year != c.reference_year {
        out.push(change(
            Item::Plan,
            ChangeKind::ReferenceYear,
            Some(Value::Year(p.reference_year)),
            Some(Value::Year(c.reference_year)),
        ));
    }
}

/// The label of an edition: "PIAO 2023-2025, Aggiornamento 2023".
pub fn edition_label(info: &PlanInfo) -> String {
    match &info.update {
        Some(update) => format!("{}, {update}", info.edition),
        None => info.edition.clone(),
    }
}

/// Added, removed and renamed entries of two lists of `(id, name)`.
fn named_changes(
    previous: &[(&str, &str)],
    current: &[(&str, &str)],
    item: impl Fn(&str, &str) -> Item,
    out: &mut Vec<Change>,
) {
    let before: BTreeMap<&str, &str> = previous.iter().copied().collect();
    let after: BTreeSet<&str> = current.iter().map(|(id, _)| *id).collect();
    for (id, name) in current {
        match before.get(id) {
            None => out.push(change(
                item(id, name),
                ChangeKind::Added,
                None,
                Some(Value::Text((*name).to_string())),
            )),
            Some(old) if normalise(old) != normalise(name) => out.push(change(
                item(id, name),
                ChangeKind::Renamed,
                Some(Value::Text((*old).to_string())),
                Some(Value::Text((*name).to_string())),
            )),
            Some(_) => {}
        }
    }
    for (id, name) in previous.iter().filter(|(id, _)| !after.contains(id)) {
        out.push(change(
            item(id, name),
            ChangeKind::Removed,
            Some(Value::Text((*name).to_string())),
            None,
        ));
    }
}

/// Ambiti and Servizi (the config's lists) added, removed or renamed.
fn config_changes(previous: &Plan, current: &Plan, out: &mut Vec<Change>) {
    let ambito = |id: &str, title: &str| Item::Ambito {
        id: id.to_string(),
        title: title.to_string(),
    };
    named_changes(&ambiti(previous), &ambiti(current), ambito, out);
    let servizio = |id: &str, name: &str| Item::Servizio {
        id: id.to_string(),
        name: name.to_string(),
    };
    named_changes(&servizi_of(previous), &servizi_of(current), servizio, out);
}

fn ambiti(plan: &Plan) -> Vec<(&str, &str)> {
    let list = plan.config.ambiti.iter();
    list.map(|a| (a.id.as_str(), a.title.as_str())).collect()
}

fn servizi_of(plan: &Plan) -> Vec<(&str, &str)> {
    let list = plan.config.servizi.iter();
    list.map(|s| (s.id.as_str(), s.name.as_str())).collect()
}

fn objective_changes(previous: &Plan, current: &Plan, out: &mut Vec<Change>) {
    let before: BTreeMap<&str, &Objective> = previous
        .objectives
        .iter()
        .map(|o| (o.id.as_str(), o))
        .collect();
    let after: BTreeSet<&str> = current.objectives.iter().map(|o| o.id.as_str()).collect();
    // Indicators by id across the whole plan: an indicator may move to
    // another objective and keep its id.
    let indicators_before: BTreeMap<&str, (&Objective, usize)> = previous
        .objectives
        .iter()
        .flat_map(|o| {
            o.indicators
                .iter()
                .enumerate()
                .map(move |(i, ind)| (ind.id.as_str(), (o, i)))
        })
        .collect();
    let indicators_after: BTreeSet<&str> = current
        .objectives
        .iter()
        .flat_map(|o| o.indicators.iter().map(|i| i.id.as_str()))
        .collect();
    for objective in &current.objectives {
        let item = || Item::Objective {
            id: objective.id.clone(),
            title: objective.title.clone(),
        };
        match before.get(objective.id.as_str()) {
            None => out.push(change(
                item(),
                ChangeKind::Added,
                None,
                Some(Value::Text(objective.title.clone())),
            )),
            Some(old) => {
                if normalise(&old.title) != normalise(&objective.title) {
                    out.push(change(
                        item(),
                        ChangeKind::Renamed,
                        Some(Value::Text(old.title.clone())),
                        Some(Value::Text(objective.title.clone())),
                    ));
                }
                if old.period != objective.period {
                    out.push(change(
                        item(),
                        ChangeKind::Period,
                        Some(Value::Period(old.period)),
                        Some(Value::Period(objective.period)),
                    ));
                }
                let (old_servizi, new_servizi) = (
                    servizi(previous, &old.servizi),
                    servizi(current, &objective.servizi),
                );
                if owner_ids(&old.servizi) != owner_ids(&objective.servizi) {
                    out.push(change(
                        item(),
                        ChangeKind::Servizi,
                        Some(old_servizi),
                        Some(new_servizi),
                    ));
                }
                if old.weight != objective.weight {
                    out.push(change(
                        item(),
                        ChangeKind::Weight,
                        Some(Value::Weight(old.weight.normalize())),
                        Some(Value::Weight(objective.weight.normalize())),
                    ));
                }
            }
        }
        for indicator in &objective.indicators {
            let old = indicators_before.get(indicator.id.as_str()).copied();
            indicator_changes(objective, indicator, old, out);
        }
    }
    for old in previous
        .objectives
        .iter()
        .filter(|o| !after.contains(o.id.as_str()))
    {
        out.push(change(
            Item::Objective {
                id: old.id.clone(),
                title: old.title.clone(),
            },
            ChangeKind::Removed,
            Some(Value::Text(old.title.clone())),
            None,
        ));
    }
    for old in &previous.objectives {
        for indicator in old
            .indicators
            .iter()
            .filter(|i| !indicators_after.contains(i.id.as_str()))
        {
            out.push(change(
                Item::Indicator {
                    id: indicator.id.clone(),
                    name: indicator.name.clone(),
                    objective: old.id.clone(),
                    objective_title: old.title.clone(),
                },
                ChangeKind::Removed,
                Some(Value::Text(indicator.name.clone())),
                None,
            ));
        }
    }
}

fn indicator_changes(
    objective: &Objective,
    indicator: &crate::model::Indicator,
    old: Option<(&Objective, usize)>,
    out: &mut Vec<Change>,
) {
    let item = || Item::Indicator {
        id: indicator.id.clone(),
        name: indicator.name.clone(),
        objective: objective.id.clone(),
        objective_title: objective.title.clone(),
    };
    let Some((old_objective, i)) = old else {
        out.push(change(
            item(),
            ChangeKind::Added,
            None,
            Some(Value::Text(indicator.name.clone())),
        ));
        return;
    };
    let old = &old_objective.indicators[i];
    if normalise(&old.name) != normalise(&indicator.name) {
        out.push(change(
            item(),
            ChangeKind::Renamed,
            Some(Value::Text(old.name.clone())),
            Some(Value::Text(indicator.name.clone())),
        ));
    }
    if old.weight != indicator.weight {
        out.push(change(
            item(),
            ChangeKind::Weight,
            Some(Value::Weight(old.weight.normalize())),
            Some(Value::Weight(indicator.weight.normalize())),
        ));
    }
    let years: BTreeSet<Year> = old
        .targets
        .keys()
        .chain(indicator.targets.keys())
        .copied()
        .collect();
    for year in years {
        let item = Item::Target {
            indicator: indicator.id.clone(),
            name: indicator.name.clone(),
            objective: objective.id.clone(),
            objective_title: objective.title.clone(),
            year,
        };
        out.extend(target_change(
            item,
            old.targets.get(&year),
            indicator.targets.get(&year),
        ));
    }
}

/// The change of one year's target, if any. A declared revision whose
/// original is not the previous edition's target is listed even when the
/// target in force is the same (`before` and `after` equal), for the
/// warning and the data.
fn target_change(
    item: Item,
    before: Option<&TargetEntry>,
    after: Option<&TargetEntry>,
) -> Option<Change> {
    let text = |target: &Target| Value::Text(target.text.trim().to_string());
    match (before, after) {
        (None, None) => None,
        (None, Some(after)) => Some(Change {
            span: Some(after.effective().span.clone()),
            ..change(item, ChangeKind::Added, None, Some(text(after.effective())))
        }),
        (Some(before), None) => Some(change(
            item,
            ChangeKind::Removed,
            Some(text(before.effective())),
            None,
        )),
        (Some(before), Some(after)) => {
            let in_force = before.effective();
            let changed = !same_target(in_force, after.effective());
            let revision = match &after.revised {
                // The same revision as the previous edition's, carried over.
                Some(revised)
                    if before
                        .revised
                        .as_ref()
                        .is_some_and(|r| same_target(r, revised))
                        && same_target(&before.original, &after.original) =>
                {
                    None
                }
                Some(_) if same_target(&after.original, in_force) => {
                    changed.then(|| Revision::Declared {
                        original: after.original.text.trim().to_string(),
                        reason: after.reason.clone(),
                    })
                }
                Some(_) => Some(Revision::Mismatch {
                    declared: after.original.text.trim().to_string(),
                    reason: after.reason.clone(),
                }),
                None => changed.then_some(Revision::Undeclared),
            };
            if !changed && revision.is_none() {
                return None;
            }
            Some(Change {
                revision,
                span: Some(after.original.span.clone()),
                ..change(
                    item,
                    ChangeKind::Target,
                    Some(text(in_force)),
                    Some(text(after.effective())),
                )
            })
        }
    }
}

/// Two targets say the same: same form and value, same words after it (a
/// different way of writing, `>=` or `≥`, `15%` or `15` on a percentage, is
/// not a change; the sign matters for a change on the previous year, where
/// `+10%` and `+10` differ).
pub fn same_target(a: &Target, b: &Target) -> bool {
    let unit_matters = matches!(a.kind, TargetKind::Change { .. });
    let same_kind = match (&a.kind, &b.kind) {
        // `100%` is read as `>= 100%`: written either way, the same target.
        (
            TargetKind::Threshold {
                comparator: c1,
                value: v1,
                ..
            },
            TargetKind::Threshold {
                comparator: c2,
                value: v2,
                ..
            },
        ) => c1 == c2 && v1 == v2,
        (k1, k2) => k1 == k2,
    };
    same_kind
        && a.qualifier.as_deref().map(normalise) == b.qualifier.as_deref().map(normalise)
        && (!unit_matters || a.unit == b.unit)
}

/// Blanks collapsed, so that a re-wrapped title is not a new one.
fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn owner_ids(owners: &Owners) -> Option<BTreeSet<&str>> {
    match owners {
        Owners::All => None,
        Owners::Servizi(list) => Some(list.iter().map(|r| r.id.as_str()).collect()),
    }
}

/// The Servizi of an objective by name (by id when the config has no name).
fn servizi(plan: &Plan, owners: &Owners) -> Value {
    match owners {
        Owners::All => Value::Servizi(None),
        Owners::Servizi(list) => Value::Servizi(Some(
            list.iter()
                .map(|r| {
                    plan.config
                        .servizi
                        .iter()
                        .find(|s| s.id == r.id)
                        .map_or_else(|| r.id.clone(), |s| s.name.clone())
                })
                .collect(),
        )),
    }
}

/// The warnings of `check` for the changes of the current edition: a
/// target that changed without a declared revision, and a declared
/// revision whose original is not the previous edition's target, each at
/// the target's line. `previous` names the previous edition (its folder).
pub fn revision_warnings(changes: &[Change], previous: &str) -> Diagnostics {
    let mut diagnostics = Diagnostics::new();
    for change in changes {
        let (
            Item::Target {
                indicator, year, ..
            },
            Some(span),
        ) = (&change.item, &change.span)
        else {
            continue;
        };
        let side = |value: &Option<Value>| match value {
            Some(Value::Text(text)) => text.clone(),
            _ => String::new(),
        };
        let (before, after) = (side(&change.before), side(&change.after));
        match &change.revision {
            Some(Revision::Undeclared) => diagnostics.push(
                problem::revision_not_declared(*year, indicator, &before, previous, &after)
                    .at(span),
            ),
            Some(Revision::Mismatch { declared, .. }) => diagnostics.push(
                problem::revision_original_differs(*year, indicator, declared, previous, &before)
                    .at(span),
            ),
            _ => {}
        }
    }
    diagnostics
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Sources;

    fn target(text: &str) -> Target {
        let parsed = crate::syntax::target::parse_target(text).expect("a target");
        let mut sources = Sources::new();
        let source = sources.add("t.md", text.to_string());
        Target {
            kind: parsed.kind,
            text: text.to_string(),
            qualifier: parsed.qualifier,
            unit: parsed.unit,
            span: Span::new(source, 0..text.len()),
        }
    }

    fn entry(original: &str, revised: Option<&str>) -> TargetEntry {
        TargetEntry {
            original: target(original),
            revised: revised.map(target),
            reason: revised.map(|_| "perché".to_string()),
            neutralised: None,
        }
    }

    fn item() -> Item {
        Item::Target {
            indicator: "i".into(),
            name: "I".into(),
            objective: "o".into(),
            objective_title: "O".into(),
            year: 2024,
        }
    }

    fn revision(before: &TargetEntry, after: &TargetEntry) -> Option<Option<Revision>> {
        target_change(item(), Some(before), Some(after)).map(|c| c.revision)
    }

    #[test]
    fn the_same_target_written_another_way_is_not_a_change() {
        assert!(same_target(&target(">= 15%"), &target("≥ 15")));
        assert!(same_target(&target("15%"), &target(">= 15 %")));
        assert!(same_target(&target("1.500"), &target(">= 1500")));
        assert!(!same_target(&target(">= 15%"), &target("> 15%")));
        assert!(!same_target(&target("+10%"), &target("+10")));
        assert!(!same_target(
            &target(">= 0,21% (140)"),
            &target(">= 0,21% (150)")
        ));
        assert!(same_target(
            &target(">= 0,21%  (orientativamente 140)"),
            &target(">= 0,21% (orientativamente 140)")
        ));
    }

    #[test]
    fn a_changed_target_is_matched_with_the_declared_revision() {
        let was = entry(">= 70%", None);
        // Declared: the original is the previous edition's target.
        assert_eq!(
            revision(&was, &entry(">= 70%", Some(">= 75%"))),
            Some(Some(Revision::Declared {
                original: ">= 70%".into(),
                reason: Some("perché".into())
            }))
        );
        // Not declared.
        assert_eq!(
            revision(&was, &entry(">= 75%", None)),
            Some(Some(Revision::Undeclared))
        );
        // Declared from another original.
        assert_eq!(
            revision(&was, &entry(">= 72%", Some(">= 75%"))),
            Some(Some(Revision::Mismatch {
                declared: ">= 72%".into(),
                reason: Some("perché".into())
            }))
        );
        // The same target in force, but a revision from another original:
        // listed (for the warning) though nothing changed.
        let same = target_change(item(), Some(&was), Some(&entry(">= 60%", Some(">= 70%"))))
            .expect("listed");
        assert!(matches!(same.revision, Some(Revision::Mismatch { .. })));
        assert!(!same.is_visible());
        // Unchanged, and a revision carried over from the previous edition.
        assert_eq!(revision(&was, &entry("≥ 70", None)), None);
        let revised = entry(">= 70%", Some(">= 75%"));
        assert_eq!(revision(&revised, &entry(">= 70%", Some(">= 75%"))), None);
        // A later revision of a revised target starts from the one in force.
        assert_eq!(
            revision(&revised, &entry(">= 75%", Some(">= 80%"))),
            Some(Some(Revision::Declared {
                original: ">= 75%".into(),
                reason: Some("perché".into())
            }))
        );
    }

    #[test]
    fn years_added_and_removed_are_changes_without_revision() {
        let added = target_change(item(), None, Some(&entry(">= 5", None))).expect("added");
        assert_eq!(added.kind, ChangeKind::Added);
        assert_eq!(added.after, Some(Value::Text(">= 5".into())));
        assert_eq!(added.revision, None);
        let removed = target_change(item(), Some(&entry(">= 5", None)), None).expect("removed");
        assert_eq!(removed.kind, ChangeKind::Removed);
        assert_eq!(removed.before, Some(Value::Text(">= 5".into())));
        assert!(target_change(item(), None, None).is_none());
    }

    #[test]
    fn warnings_name_both_targets_and_how_to_declare_the_revision() {
        let changes = vec![
            target_change(
                item(),
                Some(&entry(">= 70%", None)),
                Some(&entry(">= 75%", None)),
            )
            .expect("changed"),
        ];
        let warnings = revision_warnings(&changes, "edizioni/2023");
        let warning = warnings.iter().next().expect("a warning");
        assert!(!warning.is_error());
        let said = warning.said(crate::diagnostics::Lang::En);
        assert_eq!(warning.code(), "revision-not-declared");
        assert_eq!(
            said.message,
            "2024: the target of `i` was `>= 70%` in the previous edition (edizioni/2023) and \
             is now `>= 75%`, with no declared revision"
        );
        assert_eq!(
            said.help.as_deref(),
            Some(
                "declare the revision, so that the pages show both targets: \
                 `2024: { target: \">= 70%\", revised: \">= 75%\", reason: \"...\" }`"
            )
        );
    }
}
