//! `dati/modifiche.csv`: what changed between the previous edition and this
//! one, one row per change, as on the `modifiche/` page (plus the declared
//! revisions that do not start from the previous edition's target, which
//! the page leaves to `check`). Its columns are in the data dictionary
//! ([`CHANGES`]), so it is in the data package and the catalogue too.
//! Plain machine formats, like the other data files: `.` decimal point,
//! the targets as written, empty cells for what does not apply.

use crate::compare::{Change, Item, Value};
use crate::diagnostics::{Diagnostic, problem};
use crate::render::data::dictionary::CHANGES;
use crate::render::data::{Row, write_csv};
use crate::render::format::machine;
use crate::write::OutputFile;

/// `dati/modifiche.csv` of `changes` from the edition `previous` to
/// `current` (their ids).
pub fn file(previous: &str, current: &str, changes: &[Change]) -> Result<OutputFile, Diagnostic> {
    changes_csv(previous, current, changes)
        .map(|bytes| OutputFile::new(CHANGES.path, bytes))
        .map_err(|message| problem::internal_error(message).in_file(CHANGES.path))
}

/// The CSV of `changes`, with the dictionary's columns (see
/// [`CHANGES`]): RFC 4180 like the other data files.
pub fn changes_csv(previous: &str, current: &str, changes: &[Change]) -> Result<Vec<u8>, String> {
    let rows: Vec<Row> = changes
        .iter()
        .map(|change| {
            let (id, name, objective, year) = match &change.item {
                Item::Plan => ("", "", "", String::new()),
                Item::Ambito { id, title } => (id.as_str(), title.as_str(), "", String::new()),
                Item::Servizio { id, name } => (id.as_str(), name.as_str(), "", String::new()),
                Item::Objective { id, title } => (id.as_str(), title.as_str(), "", String::new()),
                Item::Indicator {
                    id,
                    name,
                    objective,
                    ..
                } => (
                    id.as_str(),
                    name.as_str(),
                    objective.as_str(),
                    String::new(),
                ),
                Item::Target {
                    indicator,
                    name,
                    objective,
                    year,
                    ..
                } => (
                    indicator.as_str(),
                    name.as_str(),
                    objective.as_str(),
                    year.to_string(),
                ),
            };
            let revision = change.revision.as_ref();
            vec![
                ("previous_edition", previous.to_string()),
                ("current_edition", current.to_string()),
                ("item", change.item.code().to_string()),
                ("change", change.kind.code().to_string()),
                ("id", id.to_string()),
                ("name", name.to_string()),
                ("objective_id", objective.to_string()),
                ("year", year),
                (
                    "previous",
                    change.before.as_ref().map(value).unwrap_or_default(),
                ),
                (
                    "current",
                    change.after.as_ref().map(value).unwrap_or_default(),
                ),
                (
                    "revision",
                    revision.map(|r| r.code().to_string()).unwrap_or_default(),
                ),
                (
                    "revision_original",
                    revision
                        .and_then(|r| r.original())
                        .unwrap_or_default()
                        .to_string(),
                ),
                (
                    "revision_reason",
                    revision
                        .and_then(|r| r.reason())
                        .unwrap_or_default()
                        .to_string(),
                ),
            ]
        })
        .collect();
    write_csv(&CHANGES, &rows)
}

/// A value in machine form: a period `2023-2025`, a weight `1.5`, the
/// Servizi's names separated by `; ` (`all` for every Servizio).
fn value(value: &Value) -> String {
    match value {
        Value::Text(text) => text.clone(),
        Value::Period(period) => period.to_string(),
        Value::Year(year) => year.to_string(),
        Value::Weight(weight) => machine(*weight),
        Value::Servizi(None) => "all".to_string(),
        Value::Servizi(Some(names)) => names.join("; "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{ChangeKind, Revision};
    use crate::model::Period;
    use crate::render::data::dictionary::Codes;

    /// Every code the comparison writes is one the dictionary explains.
    #[test]
    fn the_dictionary_knows_every_code() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/editions");
        let checked = crate::check(&root);
        let (plan, _) = checked.evaluated.as_ref().expect("the fixture builds");
        let changes = checked.editions.changes.as_deref().expect("changes");
        let known = |codes: Codes| -> Vec<String> {
            codes.list(plan).into_iter().map(|c| c.code).collect()
        };
        let kinds = known(Codes::Change);
        for kind in ChangeKind::ALL {
            assert!(kinds.contains(&kind.code().to_string()), "{}", kind.code());
        }
        let (items, revisions) = (known(Codes::ChangeItem), known(Codes::Revision));
        let mut seen = (Vec::new(), Vec::new());
        for change in changes {
            assert!(items.contains(&change.item.code().to_string()));
            seen.0.push(change.item.code());
            if let Some(revision) = &change.revision {
                assert!(revisions.contains(&revision.code().to_string()));
                seen.1.push(revision.code());
            }
        }
        seen.0.sort_unstable();
        seen.0.dedup();
        seen.1.sort_unstable();
        seen.1.dedup();
        assert_eq!(seen.0.len(), items.len(), "the fixture has every item");
        assert_eq!(seen.1.len(), revisions.len(), "and every revision");
    }

    #[test]
    fn one_row_per_change_in_machine_form() {
        let changes = [
            Change {
                item: Item::Plan,
                kind: ChangeKind::Period,
                before: Some(Value::Period(Period {
                    start: 2023,
                    end: 2025,
                })),
                after: Some(Value::Period(Period {
                    start: 2024,
                    end: 2026,
                })),
                revision: None,
                span: None,
            },
            Change {
                item: Item::Target {
                    indicator: "tempo".into(),
                    name: "Tempo medio".into(),
                    objective: "ob".into(),
                    objective_title: "Obiettivo".into(),
                    year: 2024,
                },
                kind: ChangeKind::Target,
                before: Some(Value::Text("<= 30".into())),
                after: Some(Value::Text("<= 20".into())),
                revision: Some(Revision::Mismatch {
                    declared: "<= 25".into(),
                    reason: Some("=nuovo gestionale".into()),
                }),
                span: None,
            },
            Change {
                item: Item::Objective {
                    id: "ob".into(),
                    title: "Obiettivo".into(),
                },
                kind: ChangeKind::Weight,
                before: Some(Value::Weight(rust_decimal::Decimal::new(15, 1))),
                after: Some(Value::Weight(rust_decimal::Decimal::from(2))),
                revision: None,
                span: None,
            },
        ];
        let csv =
            String::from_utf8(changes_csv("2023", "2024", &changes).expect("csv")).expect("utf-8");
        assert_eq!(
            csv.split("\r\n").collect::<Vec<_>>(),
            [
                "previous_edition,current_edition,item,change,id,name,objective_id,year,previous,current,revision,revision_original,revision_reason",
                "2023,2024,plan,period_changed,,,,,2023-2025,2024-2026,,,",
                "2023,2024,target,target_changed,tempo,Tempo medio,ob,2024,<= 30,<= 20,original_differs,<= 25,'=nuovo gestionale",
                "2023,2024,objective,weight_changed,ob,Obiettivo,,,1.5,2,,,",
                "",
            ]
        );
    }
}
