//! `dati/serie-storiche.csv`: the historical series as the source printed
//! them, one row per indicator, year and quantity (the value, each measure,
//! the benchmarks), so that every number of a "Serie storica" table is a
//! cell of its own, with the printed text, the source and the remarks.
//!
//! The series of a note no indicator refers to has no indicator to key it:
//! it is in `piao.json` (`objectives[].notes`), and `check` points it out.

use rust_decimal::Decimal;

use super::dictionary::HISTORY;
use super::{Row, number, write_csv};
use crate::model::{Indicator, Objective, Observed, Plan, SeriesEntry, Year};

pub(super) fn csv(plan: &Plan) -> Result<Vec<u8>, String> {
    let mut rows = Vec::new();
    for objective in &plan.objectives {
        for indicator in &objective.indicators {
            for (year, entry) in &indicator.series {
                year_rows(objective, indicator, *year, entry, &mut rows);
            }
        }
    }
    write_csv(&HISTORY, &rows)
}

/// What one cell of the row holds.
enum Quantity<'a> {
    Value,
    Measure {
        name: &'a str,
        label: Option<&'a str>,
    },
    ClusterMean,
    NationalMean,
}

fn year_rows(
    objective: &Objective,
    indicator: &Indicator,
    year: Year,
    entry: &SeriesEntry,
    rows: &mut Vec<Row>,
) {
    let row = |quantity: Quantity, printed: String, value: Option<Decimal>, date: String| {
        let has_value = value.is_some() || !date.is_empty();
        let (code, measure, label, unit) = match quantity {
            Quantity::Value => ("value", "", None, indicator.unit.code()),
            Quantity::Measure { name, label } => ("measure", name, label, ""),
            Quantity::ClusterMean => ("cluster_mean", "", None, indicator.unit.code()),
            Quantity::NationalMean => ("national_mean", "", None, indicator.unit.code()),
        };
        vec![
            ("objective_id", objective.id.clone()),
            ("indicator_id", indicator.id.clone()),
            ("indicator_name", indicator.name.clone()),
            ("note", indicator.note.clone().unwrap_or_default()),
            ("source", indicator.source.clone().unwrap_or_default()),
            ("year", year.to_string()),
            ("quantity", code.to_string()),
            ("measure", measure.to_string()),
            ("measure_label", label.unwrap_or_default().to_string()),
            ("unit", unit.to_string()),
            ("printed", printed),
            ("value", number(value)),
            ("value_date", date),
            (
                "value_status",
                match (has_value, entry.as_of) {
                    (false, _) => "",
                    (true, None) => "final",
                    (true, Some(_)) => "monitoring",
                }
                .to_string(),
            ),
            (
                "as_of",
                entry.as_of.map(|d| d.to_string()).unwrap_or_default(),
            ),
            ("remark", entry.remark.clone().unwrap_or_default()),
        ]
    };
    // A year printed blank whose measures or benchmarks are printed has no
    // value row: nothing was printed for the value itself.
    let blank = matches!(&entry.observed, Observed::NotAvailable(t) if t.is_empty());
    let others =
        !entry.measures.is_empty() || entry.cluster_mean.is_some() || entry.national_mean.is_some();
    if !(blank && others) {
        let (printed, value, date) = match &entry.observed {
            Observed::Value(p) => (p.text.clone(), Some(p.value), String::new()),
            Observed::NotAvailable(text) | Observed::NotDone(text) => {
                (text.clone(), None, String::new())
            }
            Observed::Date(d) => (String::new(), None, d.to_string()),
        };
        rows.push(row(Quantity::Value, printed, value, date));
    }
    // The measures in the order the indicator declares them, then any other.
    let declared = indicator.measures.iter().map(|m| m.name.as_str());
    let others = entry
        .measures
        .keys()
        .map(String::as_str)
        .filter(|name| !indicator.measures.iter().any(|m| m.name == *name));
    for name in declared.chain(others) {
        let Some(value) = entry.measures.get(name) else {
            continue;
        };
        let label = indicator
            .measures
            .iter()
            .find(|m| m.name == name)
            .and_then(|m| m.label.as_deref());
        rows.push(row(
            Quantity::Measure { name, label },
            String::new(),
            *value,
            String::new(),
        ));
    }
    if let Some(mean) = entry.cluster_mean {
        rows.push(row(
            Quantity::ClusterMean,
            String::new(),
            Some(mean),
            String::new(),
        ));
    }
    if let Some(mean) = entry.national_mean {
        rows.push(row(
            Quantity::NationalMean,
            String::new(),
            Some(mean),
            String::new(),
        ));
    }
}
