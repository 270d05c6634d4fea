//! What the open-data page and the objective pages show of the data: the
//! files to download, the licence, and the dictionary as tables, from the
//! same description as `datapackage.json`.

use serde::Serialize;

use super::paths;
use crate::model::Plan;
use crate::render::data::dictionary::{
    CHANGES, Code, HISTORY, INDICATORS, OBJECTIVES, TABLES, Table,
};
use crate::render::data::{CATALOGUE_PATH, JSON_PATH, PACKAGE_PATH, licence, objective_csv_path};

#[derive(Debug, Serialize)]
pub struct DataPage {
    pub licence: LicenceView,
    /// The data files, then the dictionary and the catalogue.
    pub files: Vec<Download>,
    pub package: Download,
    pub catalogue: Download,
    pub tables: Vec<TableView>,
}

#[derive(Debug, Serialize)]
pub struct LicenceView {
    pub name: &'static str,
    pub short_name: &'static str,
    pub href: &'static str,
    pub terms: &'static str,
    /// How to cite the source.
    pub attribution: String,
}

#[derive(Debug, Serialize)]
pub struct Download {
    /// Relative to the site root.
    pub href: String,
    pub title: &'static str,
    pub description: &'static str,
    pub format: &'static str,
}

#[derive(Debug, Serialize)]
pub struct TableView {
    /// The fragment of its section on the page.
    pub anchor: String,
    pub title: &'static str,
    /// As a reader finds it: `dati/indicatori.csv`.
    pub path: &'static str,
    pub description: &'static str,
    pub columns: Vec<ColumnView>,
    pub primary_key: &'static [&'static str],
    pub references: Vec<Reference>,
}

#[derive(Debug, Serialize)]
pub struct ColumnView {
    pub name: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    pub kind: &'static str,
    pub unit: Option<&'static str>,
    pub required: bool,
    pub codes: Vec<Code>,
}

/// A foreign key, for people: these columns name a row of that file.
#[derive(Debug, Serialize)]
pub struct Reference {
    pub fields: &'static [&'static str],
    pub path: &'static str,
    pub anchor: String,
    pub reference: &'static [&'static str],
}

fn anchor(table: &Table) -> String {
    format!("file-{}", table.name)
}

/// The open-data page; `changes`: the site has earlier editions, and so
/// `modifiche.csv`.
pub fn data_page(plan: &Plan, changes: bool) -> DataPage {
    let present = |table: &Table| changes || table.path != CHANGES.path;
    let config = &plan.config;
    let licence = licence::of(config.site.data_license);
    let update = config
        .plan
        .update
        .as_ref()
        .map(|u| format!(", {u}"))
        .unwrap_or_default();
    let mut files: Vec<Download> = [&INDICATORS, &OBJECTIVES, &HISTORY, &CHANGES]
        .into_iter()
        .filter(|table| present(table))
        .map(|table| Download {
            href: table.path.to_string(),
            title: table.title,
            description: table.description,
            format: "CSV",
        })
        .collect();
    files.push(Download {
        href: JSON_PATH.to_string(),
        title: "Il piano completo",
        description: "Tutto il piano valutato: obiettivi, indicatori, target, serie storiche, risultati con il loro calcolo, gradi di raggiungimento di obiettivi, ambiti e piano.",
        format: "JSON",
    });
    DataPage {
        licence: LicenceView {
            name: licence.name,
            short_name: licence.short_name,
            href: licence.url,
            terms: licence.terms,
            attribution: format!(
                "{}, {} ({}{update})",
                config.ente.name, config.plan.title, config.plan.edition
            ),
        },
        files,
        package: Download {
            href: PACKAGE_PATH.to_string(),
            title: "Dizionario dei dati",
            description: "La descrizione di ogni file e di ogni colonna, con i codici ammessi e le chiavi, in formato Frictionless Data Package: un programma può controllare i file con essa.",
            format: "JSON",
        },
        catalogue: Download {
            href: CATALOGUE_PATH.to_string(),
            title: "Scheda del catalogo",
            description: "La descrizione dei dati secondo il profilo DCAT-AP_IT, per i cataloghi dei dati aperti come il catalogo nazionale.",
            format: "JSON-LD",
        },
        tables: TABLES
            .iter()
            .filter(|table| present(table))
            .map(|table| TableView {
                anchor: anchor(table),
                title: table.title,
                path: table.path,
                description: table.description,
                columns: table
                    .fields
                    .iter()
                    .map(|field| ColumnView {
                        name: field.name,
                        title: field.title,
                        description: field.description,
                        kind: field.kind.label(),
                        unit: field.unit,
                        required: field.required,
                        codes: field.codes.map(|c| c.list(plan)).unwrap_or_default(),
                    })
                    .collect(),
                primary_key: table.primary_key,
                references: table
                    .foreign_keys
                    .iter()
                    .filter_map(|fk| {
                        let target = if fk.table.is_empty() {
                            *table
                        } else {
                            *TABLES.iter().find(|t| t.name == fk.table)?
                        };
                        Some(Reference {
                            fields: fk.fields,
                            path: target.path,
                            anchor: anchor(target),
                            reference: fk.reference,
                        })
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// The data links of an objective's page.
#[derive(Debug, Serialize)]
pub struct ObjectiveData {
    /// Its own CSV: its indicators and years.
    pub csv: String,
    /// The open-data page.
    pub all: &'static str,
}

pub fn objective_data(id: &str) -> ObjectiveData {
    ObjectiveData {
        csv: objective_csv_path(id),
        all: paths::DATA,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The data files give the pages' addresses as the pages are published.
    #[test]
    fn the_data_files_know_the_pages_addresses() {
        assert_eq!(
            crate::render::data::DATA_PAGE,
            paths::DATA.trim_end_matches("index.html")
        );
        assert_eq!(
            crate::render::data::DOCUMENT_PAGE,
            paths::DOCUMENT.trim_end_matches("index.html")
        );
    }
}
