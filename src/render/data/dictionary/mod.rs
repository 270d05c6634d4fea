//! The data dictionary: every column of every data file, with its Italian
//! title and description, type, unit, allowed codes and keys. The one
//! description from which the writers take their headers, `datapackage.json`
//! its Table Schemas and the open-data page its tables. This module holds
//! what a column and a file are, and the codes; `tables` the files.

use crate::engine::Reason;
use crate::engine::scoring::Status;
use crate::model::{ObjectiveKind, Plan, Unit};

/// The type of a column, as Table Schema names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    String,
    Integer,
    Number,
    Boolean,
    /// ISO 8601: `2023-12-31`.
    Date,
}

impl Type {
    pub fn code(self) -> &'static str {
        match self {
            Type::String => "string",
            Type::Integer => "integer",
            Type::Number => "number",
            Type::Boolean => "boolean",
            Type::Date => "date",
        }
    }

    /// In words, for the open-data page.
    pub fn label(self) -> &'static str {
        match self {
            Type::String => "testo",
            Type::Integer => "numero intero",
            Type::Number => "numero (punto decimale)",
            Type::Boolean => "true o false",
            Type::Date => "data (AAAA-MM-GG)",
        }
    }
}

/// The values a coded column may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codes {
    ObjectiveKind,
    Unit,
    TargetKind,
    Operator,
    ValueStatus,
    Status,
    Reason,
    /// What a row of `serie-storiche.csv` holds.
    Quantity,
    /// What a row of `modifiche.csv` is about, how it changed, and how a
    /// changed target matches the declared revision.
    ChangeItem,
    Change,
    Revision,
}

/// A code and what it means.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Code {
    pub code: String,
    pub meaning: String,
}

fn codes(list: &[(&str, &str)]) -> Vec<Code> {
    list.iter()
        .map(|(code, meaning)| Code {
            code: (*code).to_string(),
            meaning: (*meaning).to_string(),
        })
        .collect()
}

impl Codes {
    /// The codes of this site (the objective kinds are the site's).
    pub fn list(self, plan: &Plan) -> Vec<Code> {
        match self {
            Codes::ObjectiveKind => plan
                .config
                .tree
                .kinds
                .iter()
                .map(|kind| Code {
                    code: kind.id.clone(),
                    meaning: kind_meaning(kind),
                })
                .collect(),
            Codes::Unit => Unit::ALL
                .iter()
                .map(|unit| Code {
                    code: unit.code().to_string(),
                    meaning: unit_meaning(*unit).to_string(),
                })
                .collect(),
            Codes::TargetKind => codes(&[
                ("threshold", "una soglia (>= 0,21%, <= 3, 100%)"),
                ("zero", "il valore deve essere 0"),
                ("deadline", "entro una data"),
                (
                    "change",
                    "una variazione rispetto all'anno precedente o a un anno di base (+10%, +10 p.p., +5% rispetto al 2020)",
                ),
                (
                    "mean_of_previous",
                    "un confronto con la media degli anni precedenti",
                ),
                (
                    "benchmark",
                    "un confronto con un dato di riferimento (media nazionale o del cluster)",
                ),
                ("to_be_defined", "target da definire"),
            ]),
            Codes::Operator => codes(&[
                (">=", "maggiore o uguale"),
                (">", "maggiore"),
                ("<=", "minore o uguale (per le scadenze: entro la data)"),
                ("<", "minore"),
                ("=", "uguale (target zero)"),
            ]),
            Codes::ValueStatus => codes(&[
                ("final", "valore definitivo"),
                (
                    "monitoring",
                    "rilevazione di monitoraggio, non ancora definitiva (data in as_of)",
                ),
            ]),
            Codes::Status => Status::ALL
                .iter()
                .map(|status| Code {
                    code: status.code().to_string(),
                    meaning: status_meaning(*status).to_string(),
                })
                .collect(),
            Codes::Reason => Reason::ALL
                .iter()
                .map(|reason| Code {
                    code: reason.code().to_string(),
                    meaning: reason_meaning(*reason).to_string(),
                })
                .collect(),
            Codes::Quantity => codes(&[
                ("value", "il valore dell'indicatore"),
                (
                    "measure",
                    "una misura da cui l'indicatore si calcola (in measure)",
                ),
                ("cluster_mean", "la media del cluster di riferimento"),
                ("national_mean", "la media nazionale"),
            ]),
            Codes::ChangeItem => codes(&[
                ("plan", "il piano (edizione, periodo, anno di riferimento)"),
                ("ambito", "un ambito"),
                ("servizio", "un Servizio"),
                ("objective", "un obiettivo"),
                ("indicator", "un indicatore"),
                ("target", "il target di un indicatore in un anno"),
            ]),
            Codes::Change => codes(&[
                ("added", "aggiunto in questa edizione"),
                ("removed", "non più presente in questa edizione"),
                ("renamed", "stesso codice, nuovo titolo o nome"),
                ("edition_changed", "nuova edizione del piano"),
                ("period_changed", "nuovo periodo"),
                ("reference_year_changed", "nuovo anno di riferimento"),
                ("servizi_changed", "altri Servizi responsabili"),
                ("weight_changed", "nuovo peso"),
                ("target_changed", "nuovo target in vigore per l'anno"),
            ]),
            Codes::Revision => codes(&[
                (
                    "declared",
                    "il target è rivisto e la revisione parte dal target dell'edizione precedente",
                ),
                (
                    "not_declared",
                    "il target è cambiato senza una revisione dichiarata",
                ),
                (
                    "original_differs",
                    "la revisione dichiarata parte da un target diverso da quello dell'edizione precedente",
                ),
            ]),
        }
    }
}

/// "Obiettivo operativo (livello 2)": the kind's declared name and level.
fn kind_meaning(kind: &ObjectiveKind) -> String {
    format!("{} (livello {})", kind.words.singular, kind.level)
}

fn unit_meaning(unit: Unit) -> &'static str {
    match unit {
        Unit::Percent => "percentuale, in punti (15.02 significa 15,02%)",
        Unit::Number => "numero",
        Unit::Euro => "euro",
        Unit::Days => "giorni",
        Unit::Ratio => "rapporto",
        Unit::Date => "data di completamento",
    }
}

fn status_meaning(status: Status) -> &'static str {
    match status {
        Status::Raggiunto => "raggiunto",
        Status::ParzialmenteRaggiunto => "parzialmente raggiunto",
        Status::NonRaggiunto => "non raggiunto",
        Status::NonValutabile => "non valutabile (il motivo è in not_assessable_reason)",
    }
}

fn reason_meaning(reason: Reason) -> &'static str {
    match reason {
        Reason::NoValue => "dato non ancora disponibile",
        Reason::NotAvailable => "dato non disponibile (ND nella fonte)",
        Reason::TargetToBeDefined => "target da definire",
        Reason::ComparisonMissing => {
            "manca il dato di confronto (anno precedente, media, benchmark)"
        }
        Reason::TargetNotMeasurable => "target non misurabile",
        Reason::Neutralised => "target neutralizzato formalmente",
    }
}

/// A column of a data file.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    pub kind: Type,
    pub unit: Option<&'static str>,
    pub codes: Option<Codes>,
    /// Never empty.
    pub required: bool,
}

const fn field(
    name: &'static str,
    kind: Type,
    title: &'static str,
    description: &'static str,
) -> Field {
    Field {
        name,
        title,
        description,
        kind,
        unit: None,
        codes: None,
        required: false,
    }
}

const fn text(name: &'static str, title: &'static str, description: &'static str) -> Field {
    field(name, Type::String, title, description)
}

const fn integer(name: &'static str, title: &'static str, description: &'static str) -> Field {
    field(name, Type::Integer, title, description)
}

const fn number(name: &'static str, title: &'static str, description: &'static str) -> Field {
    field(name, Type::Number, title, description)
}

const fn boolean(name: &'static str, title: &'static str, description: &'static str) -> Field {
    field(name, Type::Boolean, title, description)
}

const fn date(name: &'static str, title: &'static str, description: &'static str) -> Field {
    field(name, Type::Date, title, description)
}

impl Field {
    const fn required(mut self) -> Self {
        self.required = true;
        self
    }

    const fn unit(mut self, unit: &'static str) -> Self {
        self.unit = Some(unit);
        self
    }

    const fn codes(mut self, codes: Codes) -> Self {
        self.codes = Some(codes);
        self
    }
}

/// A key of a file pointing at the rows of another (or of itself, when
/// `table` is empty).
#[derive(Debug, Clone, Copy)]
pub struct ForeignKey {
    pub fields: &'static [&'static str],
    pub table: &'static str,
    pub reference: &'static [&'static str],
}

/// A data file and its columns.
#[derive(Debug, Clone, Copy)]
pub struct Table {
    /// The resource's name in `datapackage.json`.
    pub name: &'static str,
    /// Where it is written, relative to the output folder.
    pub path: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    pub fields: &'static [Field],
    pub primary_key: &'static [&'static str],
    pub foreign_keys: &'static [ForeignKey],
}

impl Table {
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.fields.iter().map(|f| f.name)
    }

    /// The file name, relative to `dati/`.
    pub fn file(&self) -> &'static str {
        self.path.strip_prefix("dati/").unwrap_or(self.path)
    }
}

mod tables;

pub use tables::{CHANGES, CHART, HISTORY, INDICATORS, OBJECTIVES, PACKAGE_TABLES, TABLES};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_keys_name_columns() {
        for table in TABLES {
            let names: Vec<&str> = table.names().collect();
            let mut sorted = names.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), names.len(), "{}", table.name);
            for key in table.primary_key {
                assert!(names.contains(key), "{}: {key}", table.name);
            }
            for fk in table.foreign_keys {
                let target = if fk.table.is_empty() {
                    *table
                } else {
                    **TABLES.iter().find(|t| t.name == fk.table).expect("table")
                };
                assert_eq!(fk.fields.len(), fk.reference.len());
                for name in fk.fields {
                    assert!(names.contains(name), "{}: {name}", table.name);
                }
                // The referenced columns are (the start of) the primary key.
                assert_eq!(
                    fk.reference,
                    &target.primary_key[..fk.reference.len()],
                    "{}",
                    table.name
                );
            }
            for field in table.fields {
                assert!(!field.title.is_empty() && !field.description.is_empty());
            }
        }
    }

    /// The names scripts already read stay.
    #[test]
    fn the_columns_of_the_first_release_keep_their_names() {
        let names: Vec<&str> = INDICATORS.names().collect();
        for old in [
            "objective_id",
            "objective_kind",
            "ambito",
            "indicator_id",
            "indicator_name",
            "common",
            "year",
            "unit",
            "target_kind",
            "target_operator",
            "target_value",
            "target_original_value",
            "target_text",
            "target_original_text",
            "target_revision_reason",
            "value",
            "value_status",
            "as_of",
            "numerator",
            "denominator",
            "measures",
            "printed_value",
            "printed_mismatch",
            "computed_value",
            "value_note",
            "achievement_pct",
            "achievement_raw_pct",
            "deviation",
            "status",
            "not_assessable_reason",
            "neutralisation_reason",
            "cause",
            "action",
            "note",
            "source",
        ] {
            assert!(names.contains(&old), "{old}");
        }
    }
}
