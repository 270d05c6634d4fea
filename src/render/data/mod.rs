//! Open data: the files under `dati/` and what describes them.
//!
//! - `indicatori.csv`, one row per indicator and year, and the same columns
//!   per objective in `obiettivi/<id>.csv`;
//! - `obiettivi.csv`, one row per objective and year;
//! - `serie-storiche.csv`, the historical series as printed;
//! - `piao.json`, the whole evaluated plan;
//! - `datapackage.json`, the Frictionless Data Package: the dictionary of
//!   every CSV, with keys, licence, sizes and checksums;
//! - `catalogo.jsonld`, the DCAT-AP_IT catalogue entry.
//!
//! Plain machine formats: `.` decimal point, ISO dates, percentages in
//! percentage points, empty cells for missing values (never 0), numbers
//! rounded half away from zero to 6 decimals. The CSVs are pure RFC 4180
//! (UTF-8, CRLF, a header row): their licence and dictionary live in the
//! package and the catalogue. [`dictionary`] describes every column once.

pub mod catalogue;
pub mod dictionary;
mod history;
mod indicators;
mod json;
pub mod licence;
mod objectives;
mod package;

use rust_decimal::Decimal;

use crate::diagnostics::{Diagnostic, problem};
use crate::engine::Evaluation;
use crate::model::{Expr, Objective, Op, Owners, Period, Plan, PlanIndex, TargetKind};
use crate::render::format::machine;
use crate::write::OutputFile;
use dictionary::Table;

pub use indicators::objective_csv_path;
pub use json::piao_json;

pub const JSON_PATH: &str = "dati/piao.json";
/// The open-data page and the plan document, as the catalogue and the
/// package address them.
pub const DATA_PAGE: &str = "dati/";
pub const DOCUMENT_PAGE: &str = "piao/";
pub const PACKAGE_PATH: &str = "dati/datapackage.json";
pub const CATALOGUE_PATH: &str = "dati/catalogo.jsonld";

/// Every data file of the site, except the charts' (see `render::series`).
/// `extra` are data files written elsewhere (`modifiche.csv`, see
/// `render::changes`), described with the others in the package and the
/// catalogue.
pub fn files(
    plan: &Plan,
    evaluation: &Evaluation,
    extra: Vec<OutputFile>,
) -> Result<Vec<OutputFile>, Diagnostic> {
    let index = PlanIndex::new(plan);
    let infos: Vec<ObjectiveInfo> = (0..plan.objectives.len())
        .map(|o| ObjectiveInfo::new(plan, &index, o))
        .collect();
    let ((indicators, objectives), (history, json)) = rayon::join(
        || {
            rayon::join(
                || indicators::files(plan, evaluation, &infos),
                || objectives::csv(plan, evaluation, &infos),
            )
        },
        || rayon::join(|| history::csv(plan), || piao_json(plan, evaluation)),
    );
    let (indicators, per_objective) = indicators.map_err(bug(dictionary::INDICATORS.path))?;
    let mut main = vec![
        OutputFile::new(dictionary::INDICATORS.path, indicators),
        OutputFile::new(
            dictionary::OBJECTIVES.path,
            objectives.map_err(bug(dictionary::OBJECTIVES.path))?,
        ),
        OutputFile::new(
            dictionary::HISTORY.path,
            history.map_err(bug(dictionary::HISTORY.path))?,
        ),
    ];
    main.extend(extra);
    main.push(OutputFile::new(JSON_PATH, json.map_err(bug(JSON_PATH))?));
    let package = OutputFile::new(
        PACKAGE_PATH,
        package::datapackage(plan, &main).map_err(bug(PACKAGE_PATH))?,
    );
    let mut listed: Vec<&OutputFile> = main.iter().collect();
    listed.push(&package);
    let catalogue = OutputFile::new(
        CATALOGUE_PATH,
        catalogue::catalogue(plan, &listed).map_err(bug(CATALOGUE_PATH))?,
    );
    let mut files: Vec<OutputFile> = main.into_iter().collect();
    files.push(package);
    files.push(catalogue);
    files.extend(per_objective);
    Ok(files)
}

/// Writing the data cannot fail on valid content: if it does, it is ours.
fn bug(path: &'static str) -> impl Fn(String) -> Diagnostic {
    move |message| problem::internal_error(message).in_file(path)
}

/// What every row about an objective says of it.
#[derive(Debug)]
pub(crate) struct ObjectiveInfo<'a> {
    objective: &'a Objective,
    /// Its kind's declared level: 1 under an ambito, 2 for their children...
    level: u32,
    /// Its kind's declared id.
    kind: &'a str,
    ambito: Option<&'a str>,
    ambito_title: Option<&'a str>,
    servizi: String,
    servizi_names: String,
}

impl<'a> ObjectiveInfo<'a> {
    fn new(plan: &'a Plan, index: &PlanIndex, o: usize) -> Self {
        let objective = &plan.objectives[o];
        let ambito = index.ambito_of(plan, objective);
        let servizi: Vec<(&str, &str)> = match &objective.servizi {
            Owners::All => plan
                .config
                .servizi
                .iter()
                .map(|s| (s.id.as_str(), s.name.as_str()))
                .collect(),
            Owners::Servizi(list) => list
                .iter()
                .map(|r| {
                    let name = plan.config.servizi.iter().find(|s| s.id == r.id);
                    (r.id.as_str(), name.map_or("", |s| s.name.as_str()))
                })
                .collect(),
        };
        ObjectiveInfo {
            objective,
            level: plan.kind(objective).level,
            kind: &plan.kind(objective).id,
            ambito,
            ambito_title: ambito
                .and_then(|id| plan.config.ambiti.iter().find(|a| a.id == id))
                .map(|a| a.title.as_str()),
            servizi: join(servizi.iter().map(|s| s.0)),
            servizi_names: join(servizi.iter().map(|s| s.1)),
        }
    }

    fn period(&self) -> Period {
        self.objective.period
    }

    /// The columns every file starts an objective's row with, up to the
    /// Servizi.
    fn columns(&self) -> Row {
        let o = self.objective;
        vec![
            ("objective_id", o.id.clone()),
            ("objective_title", o.title.clone()),
            ("objective_kind", self.kind.to_string()),
            ("objective_level", self.level.to_string()),
            (
                "parent_id",
                o.parent.as_ref().map(|p| p.id.clone()).unwrap_or_default(),
            ),
            ("ambito", self.ambito.unwrap_or_default().to_string()),
            (
                "ambito_title",
                self.ambito_title.unwrap_or_default().to_string(),
            ),
            ("servizi", self.servizi.clone()),
            ("servizi_names", self.servizi_names.clone()),
        ]
    }
}

/// Values of a multi-valued cell: `a;b`.
fn join<'s>(items: impl Iterator<Item = &'s str>) -> String {
    items.collect::<Vec<_>>().join(";")
}

/// A row of a CSV: each cell with its column's name, in the dictionary's
/// order (checked as the file is written).
pub type Row = Vec<(&'static str, String)>;

/// The CSV of `table`: RFC 4180, CRLF, a header row from the dictionary,
/// every free-text cell safe from spreadsheets.
pub fn write_csv(table: &Table, rows: &[Row]) -> Result<Vec<u8>, String> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let fail = |e: csv::Error| format!("cannot write {}: {e}", table.path);
    writer.write_record(table.names()).map_err(fail)?;
    for row in rows {
        if !row.iter().map(|(name, _)| *name).eq(table.names()) {
            let names: Vec<&str> = row.iter().map(|(name, _)| *name).collect();
            return Err(format!(
                "a row of {} has the columns {names:?}, not the dictionary's",
                table.path
            ));
        }
        // A coded cell holds one of the dictionary's codes (`=` for a zero
        // target's operator): nothing a spreadsheet would run.
        let cells = row.iter().zip(table.fields).map(|((_, cell), field)| {
            if field.codes.is_some() {
                cell.clone()
            } else {
                spreadsheet_safe(cell)
            }
        });
        writer.write_record(cells).map_err(fail)?;
    }
    writer
        .into_inner()
        .map_err(|e| format!("cannot write {}: {e}", table.path))
}

fn number(value: Option<Decimal>) -> String {
    value.map(machine).unwrap_or_default()
}

fn flag(value: bool) -> String {
    value.to_string()
}

fn target_kind_code(kind: &TargetKind) -> &'static str {
    match kind {
        TargetKind::Threshold { .. } => "threshold",
        TargetKind::Zero => "zero",
        TargetKind::Deadline { .. } => "deadline",
        TargetKind::Change { .. } => "change",
        TargetKind::MeanOfPrevious { .. } => "mean_of_previous",
        TargetKind::Benchmark { .. } => "benchmark",
        TargetKind::ToBeDefined => "to_be_defined",
    }
}

/// The measures of a ratio formula `a / b` (optionally `* k`).
pub fn ratio_measures(expr: &Expr) -> Option<(&str, &str)> {
    match expr {
        Expr::Binary(Op::Div, a, b) => match (a.as_ref(), b.as_ref()) {
            (Expr::Measure(a), Expr::Measure(b)) => Some((a, b)),
            _ => None,
        },
        Expr::Binary(Op::Mul, inner, k) if matches!(k.as_ref(), Expr::Number(_)) => {
            ratio_measures(inner)
        }
        _ => None,
    }
}

/// A CSV cell that spreadsheets will not run (OWASP "CSV injection"): text
/// starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
/// leading `'`. Numbers (`-8.75`, `+10%`, `-0,5`) are left as they are.
fn spreadsheet_safe(cell: &str) -> String {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !is_plain_number(cell) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// `-8.75`, `+10%`, `-1.234,5`: a sign, digits with `.` or `,`, maybe `%`.
fn is_plain_number(cell: &str) -> bool {
    let body = cell.strip_prefix(['+', '-']).unwrap_or(cell);
    let body = body.strip_suffix('%').unwrap_or(body);
    body.starts_with(|c: char| c.is_ascii_digit())
        && body.ends_with(|c: char| c.is_ascii_digit())
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

/// Files as published: their bytes, SHA-256 and address.
fn sha256_hex(bytes: &[u8]) -> String {
    crate::write::sha256_hex(bytes)
}

/// Where a file of the site is published.
fn url(plan: &Plan, path: &str) -> String {
    format!("{}{path}", plan.config.site.base_url)
}

/// The dataset, as the data package and the catalogue describe it.
#[derive(Debug)]
struct About {
    /// Who publishes it: the IPA code, or the host of the body's website.
    owner: String,
    /// `ipa:performance-piao-2023-2025`: the IPA code, or the host of the
    /// body's website when the config has none.
    identifier: String,
    /// The package's name: the identifier as lower-case letters and `-`.
    name: String,
    title: String,
    description: String,
    keywords: Vec<String>,
}

fn about(plan: &Plan) -> About {
    let config = &plan.config;
    let ente = &config.ente;
    let edition = slug(&format!("performance {}", config.plan.edition));
    let owner = match &ente.ipa_code {
        Some(code) => code.clone(),
        None => host(ente.website.as_deref().unwrap_or(&config.site.base_url)),
    };
    let update = config
        .plan
        .update
        .as_ref()
        .map(|u| format!(", {u}"))
        .unwrap_or_default();
    About {
        identifier: format!("{owner}:{edition}"),
        name: slug(&format!("{owner} {edition}")),
        title: format!(
            "Performance: obiettivi, indicatori e risultati - {} - {}",
            config.plan.edition, ente.name
        ),
        description: format!(
            "Gli obiettivi, gli indicatori, i target, le serie storiche e i risultati della sezione \
             Performance del {} ({}{update}) dell'ente {}: una riga per indicatore e anno \
             (indicatori.csv), per obiettivo e anno (obiettivi.csv), per valore delle serie \
             storiche come pubblicate (serie-storiche.csv), e il piano completo con i calcoli \
             (piao.json). Il dizionario dei dati è in datapackage.json.",
            config.plan.title, config.plan.edition, ente.name
        ),
        owner,
        keywords: vec![
            "performance".into(),
            "PIAO".into(),
            "obiettivi".into(),
            "indicatori".into(),
            "amministrazione trasparente".into(),
            ente.short_name.clone().unwrap_or_else(|| ente.name.clone()),
        ],
    }
}

/// The host of a web address: `www.example.it`.
fn host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.split(['/', '?', '#'])
        .next()
        .unwrap_or(rest)
        .to_string()
}

/// Lower-case letters, digits and `-`, accents folded.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in crate::syntax::fold(text).chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cells_cannot_become_formulas_and_numbers_stay_numbers() {
        for (cell, safe) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
            ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
            ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
            ("\t=1", "'\t=1"),
            ("- non disponibile", "'- non disponibile"),
            ("-", "'-"),
            ("-8.75", "-8.75"),
            ("+10%", "+10%"),
            ("-1.234,5", "-1.234,5"),
            ("0.17", "0.17"),
            ("Grado di coinvolgimento", "Grado di coinvolgimento"),
            ("", ""),
        ] {
            assert_eq!(spreadsheet_safe(cell), safe, "{cell}");
        }
    }

    #[test]
    fn a_row_out_of_the_dictionary_order_is_refused() {
        let table = &dictionary::CHART;
        let mut row: Row = table.names().map(|n| (n, String::new())).collect();
        assert!(write_csv(table, std::slice::from_ref(&row)).is_ok());
        row.swap(0, 1);
        let error = write_csv(table, &[row]).expect_err("refused");
        assert!(error.contains("not the dictionary's"), "{error}");
    }

    #[test]
    fn levels_follow_the_parents() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/comune");
        let checked = crate::check(&root);
        let (plan, _) = checked.evaluated.as_ref().expect("the site checks");
        let index = PlanIndex::new(plan);
        for (o, objective) in plan.objectives.iter().enumerate() {
            let info = ObjectiveInfo::new(plan, &index, o);
            let depth = index.ancestors(plan, o).len() + 1;
            assert_eq!(info.level as usize, depth, "{}", objective.id);
        }
    }
}
