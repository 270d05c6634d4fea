//! `dati/modifiche.csv`: what changed between the previous edition and this
//! one, one row per change, as on the `modifiche/` page (plus the declared
//! revisions that do not start from the previous edition's target, which
//! the page leaves to `check`). Plain machine formats, like the other data
//! files: `.` decimal point, the targets as written, empty cells for what
//! does not apply.

use crate::compare::{Change, Item, Value};
use crate::render::data::spreadsheet_safe;
use crate::render::format::machine;

/// Where the file goes.
pub const PATH: &str = "dati/modifiche.csv";

/// The columns, with what each holds (for the open-data page and the
/// data dictionary).
pub const COLUMNS: [(&str, &str); 13] = [
    (
        "previous_edition",
        "l'edizione precedente, con cui si confronta (il suo codice: la cartella edizioni/<codice>/)",
    ),
    ("current_edition", "questa edizione (il suo codice)"),
    (
        "item",
        "che cosa cambia: plan (il piano), ambito, servizio, objective (obiettivo), indicator (indicatore), target",
    ),
    (
        "change",
        "come cambia: added, removed, renamed, edition_changed, period_changed, reference_year_changed, servizi_changed, weight_changed, target_changed",
    ),
    (
        "id",
        "il codice dell'ambito, del Servizio, dell'obiettivo o dell'indicatore (per un target: dell'indicatore)",
    ),
    (
        "name",
        "il titolo o il nome, in questa edizione (nella precedente, per ciò che è stato tolto)",
    ),
    ("objective_id", "l'obiettivo dell'indicatore o del target"),
    ("year", "l'anno del target"),
    (
        "previous",
        "il valore nell'edizione precedente (il target in vigore, come scritto; vuoto per un'aggiunta)",
    ),
    (
        "current",
        "il valore in questa edizione (vuoto per ciò che è stato tolto)",
    ),
    (
        "revision",
        "per un target cambiato: declared (revisione dichiarata), not_declared (nessuna revisione dichiarata), original_differs (la revisione dichiarata parte da un target diverso da quello dell'edizione precedente)",
    ),
    (
        "revision_original",
        "il target originario che questa edizione dichiara nella revisione, come scritto",
    ),
    ("revision_reason", "il motivo della revisione"),
];

/// The CSV of `changes` from the edition `previous` to `current` (ids).
pub fn changes_csv(previous: &str, current: &str, changes: &[Change]) -> Result<Vec<u8>, String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| format!("cannot write {PATH}: {e}");
    writer
        .write_record(COLUMNS.iter().map(|(name, _)| *name))
        .map_err(fail)?;
    for change in changes {
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
        let row = [
            previous.to_string(),
            current.to_string(),
            change.item.code().to_string(),
            change.kind.code().to_string(),
            id.to_string(),
            spreadsheet_safe(name),
            objective.to_string(),
            year,
            change.before.as_ref().map(value).unwrap_or_default(),
            change.after.as_ref().map(value).unwrap_or_default(),
            revision.map(|r| r.code().to_string()).unwrap_or_default(),
            spreadsheet_safe(revision.and_then(|r| r.original()).unwrap_or_default()),
            spreadsheet_safe(revision.and_then(|r| r.reason()).unwrap_or_default()),
        ];
        writer.write_record(&row).map_err(fail)?;
    }
    writer
        .into_inner()
        .map_err(|e| format!("cannot write {PATH}: {e}"))
}

/// A value in machine form: a period `2023-2025`, a weight `1.5`, the
/// Servizi's names separated by `; ` (`all` for every Servizio).
fn value(value: &Value) -> String {
    match value {
        Value::Text(text) => spreadsheet_safe(text),
        Value::Period(period) => period.to_string(),
        Value::Year(year) => year.to_string(),
        Value::Weight(weight) => machine(*weight),
        Value::Servizi(None) => "all".to_string(),
        Value::Servizi(Some(names)) => spreadsheet_safe(&names.join("; ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{ChangeKind, Revision};
    use crate::model::Period;

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
            csv.lines().collect::<Vec<_>>(),
            [
                "previous_edition,current_edition,item,change,id,name,objective_id,year,previous,current,revision,revision_original,revision_reason",
                "2023,2024,plan,period_changed,,,,,2023-2025,2024-2026,,,",
                "2023,2024,target,target_changed,tempo,Tempo medio,ob,2024,<= 30,<= 20,original_differs,<= 25,'=nuovo gestionale",
                "2023,2024,objective,weight_changed,ob,Obiettivo,,,1.5,2,,,",
            ]
        );
    }
}
