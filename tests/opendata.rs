#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]
//! The open data as a reuser takes them: the files of a built site read
//! back with the `csv` crate and compared with the engine, cell by cell,
//! for the whole default site; the data package validated by an
//! independent validator (Python's frictionless); the DCAT-AP_IT catalogue
//! read by an independent JSON-LD parser (rdflib) and checked for every
//! mandatory field and against the files it lists; the licence everywhere.
//!
//! The Python tools live in a virtual environment under target/frictionless,
//! which `.ci/install-frictionless` makes (this test runs it when missing;
//! it needs python3 with venv: Debian's python3 and python3-venv).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use sha2::{Digest, Sha256};

use cruscotto::engine::Evaluation;
use cruscotto::model::{Observed, Plan, PlanIndex, TargetKind, Unit};
use cruscotto::render::data::dictionary::{self, Table, Type};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `cruscotto build --root ROOT --output OUT`.
fn build(root: &Path, output: &Path) {
    let out = assert_cmd::Command::cargo_bin("cruscotto")
        .expect("binary")
        .arg("build")
        .arg("--root")
        .arg(root)
        .arg("--output")
        .arg(output)
        .output()
        .expect("run cruscotto build");
    assert!(
        out.status.success(),
        "cruscotto build --root {} failed:\n{}",
        root.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn evaluated(root: &Path) -> (Plan, Evaluation) {
    cruscotto::check(root).evaluated.expect("the site checks")
}

/// A CSV read back: its header and rows.
struct Csv {
    path: PathBuf,
    header: Vec<String>,
    rows: Vec<csv::StringRecord>,
}

impl Csv {
    fn read(path: &Path) -> Csv {
        let mut reader =
            csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let header = reader
            .headers()
            .expect("a header row")
            .iter()
            .map(str::to_string)
            .collect();
        let rows = reader
            .records()
            .map(|r| r.unwrap_or_else(|e| panic!("{}: {e}", path.display())))
            .collect();
        Csv {
            path: path.to_path_buf(),
            header,
            rows,
        }
    }

    fn col(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{}: no column {name}", self.path.display()))
    }

    fn cell<'r>(&self, row: &'r csv::StringRecord, name: &str) -> &'r str {
        &row[self.col(name)]
    }
}

/// A number as the data files write it: the exact value rounded half away
/// from zero to 6 decimals.
fn data_number(value: Decimal) -> Decimal {
    value
        .round_dp_with_strategy(6, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

fn parse(cell: &str) -> Option<Decimal> {
    (!cell.is_empty()).then(|| {
        Decimal::from_str(cell).unwrap_or_else(|e| panic!("`{cell}` is not a number: {e}"))
    })
}

/// The cell holds `expected`, rounded as the data files round; empty for
/// `None`.
fn assert_number(cell: &str, expected: Option<Decimal>, what: &str) {
    assert_eq!(parse(cell), expected.map(data_number), "{what}: `{cell}`");
}

fn text<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// `2023-12-31`: ISO 8601, and a day the calendar has.
fn is_date(cell: &str) -> bool {
    let parts: Vec<u32> = cell.split('-').filter_map(|p| p.parse().ok()).collect();
    let [year, month, day] = parts[..] else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    cell.len() == 10 && (1..=days).contains(&day)
}

/// Every cell of a CSV has its column's type, code and presence, as the
/// dictionary says.
fn check_types(csv: &Csv, table: &Table, plan: &Plan) {
    let names: Vec<&str> = table.names().collect();
    assert_eq!(
        csv.header,
        names,
        "{}: the dictionary's columns",
        csv.path.display()
    );
    for (r, row) in csv.rows.iter().enumerate() {
        for (field, cell) in table.fields.iter().zip(row.iter()) {
            let at = format!("{} row {} `{}`", csv.path.display(), r + 2, field.name);
            if cell.is_empty() {
                assert!(!field.required, "{at}: empty");
                continue;
            }
            match field.kind {
                Type::String => {}
                Type::Integer => assert!(cell.parse::<i64>().is_ok(), "{at}: `{cell}`"),
                Type::Number => assert!(Decimal::from_str(cell).is_ok(), "{at}: `{cell}`"),
                Type::Boolean => assert!(cell == "true" || cell == "false", "{at}: `{cell}`"),
                Type::Date => assert!(is_date(cell), "{at}: `{cell}`"),
            }
            if let Some(codes) = field.codes {
                let list = codes.list(plan);
                assert!(
                    list.iter().any(|c| c.code == cell),
                    "{at}: `{cell}` is no code"
                );
            }
        }
    }
}

#[test]
fn every_csv_reads_back_with_the_engines_numbers_for_the_whole_default_site() {
    for root in [
        repo(),
        repo().join("fixtures/every-shape"),
        repo().join("fixtures/results"),
    ] {
        read_back(&root);
    }
}

/// Reads every CSV of the site built from `root` and compares it with the
/// engine's evaluation of the same content.
fn read_back(root: &Path) {
    let (plan, evaluation) = evaluated(root);
    let index = PlanIndex::new(&plan);
    let temp = tempfile::tempdir().expect("temp dir");
    let site = temp.path().join("site");
    build(root, &site);

    // indicatori.csv: one row per indicator and evaluated year, its numbers
    // the engine's.
    let indicators = Csv::read(&site.join("dati/indicatori.csv"));
    check_types(&indicators, &dictionary::INDICATORS, &plan);
    let mut seen = BTreeSet::new();
    for row in &indicators.rows {
        let c = |name: &str| indicators.cell(row, name);
        let id = c("indicator_id");
        let year: i32 = c("year").parse().expect("year");
        assert!(seen.insert((id.to_string(), year)), "{id} {year} twice");
        let &(o, i) = index.indicators.get(id).expect("a known indicator");
        let objective = &plan.objectives[o];
        let indicator = &objective.indicators[i];
        let result = &evaluation.indicators[o][i].years[&year];
        let at = format!("indicatori.csv {id} {year}");
        assert_eq!(c("objective_id"), objective.id, "{at}");
        assert_eq!(c("objective_title"), objective.title, "{at}");
        assert_eq!(c("in_period"), objective.period.contains(year).to_string());
        assert_number(c("value"), result.value, &format!("{at} value"));
        assert_eq!(c("value_date"), text(result.date), "{at}");
        assert_eq!(
            c("value_status"),
            text(result.value_status.map(|s| s.code())),
            "{at}"
        );
        assert_eq!(c("as_of"), text(result.as_of), "{at}");
        assert_number(
            c("computed_value"),
            result.working.as_ref().map(|w| w.result),
            &format!("{at} computed"),
        );
        let assessment = result.assessment.as_ref();
        let score = assessment.and_then(|a| a.score.as_ref());
        assert_number(
            c("achievement_pct"),
            score.map(|s| s.achievement),
            &format!("{at} achievement"),
        );
        assert_number(
            c("achievement_raw_pct"),
            score.map(|s| s.achievement_raw),
            &format!("{at} raw achievement"),
        );
        assert_number(
            c("deviation"),
            score.and_then(|s| s.deviation),
            &format!("{at} deviation"),
        );
        assert_eq!(
            c("status"),
            text(assessment.map(|a| a.status.code())),
            "{at}"
        );
        assert_eq!(
            c("not_assessable_reason"),
            text(assessment.and_then(|a| a.reason).map(|r| r.code())),
            "{at}"
        );
        let entry = indicator.series.get(&year);
        let printed = entry.and_then(|e| match &e.observed {
            Observed::Value(p) => Some(p.value),
            _ => None,
        });
        assert_number(c("printed_value"), printed, &format!("{at} printed"));
        // Every measure of the year, as name=value.
        let measures: BTreeMap<String, Decimal> = c("measures")
            .split(';')
            .filter(|m| !m.is_empty())
            .map(|m| {
                let (name, value) = m.split_once('=').expect("name=value");
                (name.to_string(), Decimal::from_str(value).expect("number"))
            })
            .collect();
        let expected: BTreeMap<String, Decimal> = entry
            .map(|e| {
                e.measures
                    .iter()
                    .filter_map(|(k, v)| v.map(|v| (k.clone(), data_number(v))))
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(measures, expected, "{at} measures");
        if let Some((num, den)) = indicator
            .formula
            .as_ref()
            .and_then(|f| cruscotto::render::data::ratio_measures(&f.expr))
        {
            let measure = |name: &str| entry.and_then(|e| e.measures.get(name).copied().flatten());
            assert_number(c("numerator"), measure(num), &format!("{at} numerator"));
            assert_number(c("denominator"), measure(den), &format!("{at} denominator"));
        }
        // The target in force: its number, its date, or the number it was
        // resolved to.
        match indicator.targets.get(&year).map(|t| &t.effective().kind) {
            Some(TargetKind::Threshold { value, .. }) => {
                assert_number(c("target_value"), Some(*value), &at);
            }
            Some(TargetKind::Zero) => assert_eq!(c("target_value"), "0", "{at}"),
            Some(TargetKind::Change { delta, .. }) => {
                assert_number(c("target_value"), Some(*delta), &at);
            }
            Some(TargetKind::MeanOfPrevious { .. } | TargetKind::Benchmark { .. }) => {
                let compared = assessment
                    .and_then(|a| a.compared.as_ref())
                    .map(|c| c.target);
                assert_number(c("target_value"), compared, &at);
            }
            Some(TargetKind::Deadline { .. }) => {
                // The due date, unless the calendar has no such day (then
                // the target is not measurable).
                let measurable = assessment.and_then(|a| a.reason)
                    != Some(cruscotto::engine::Reason::TargetNotMeasurable);
                assert!(c("target_value").is_empty(), "{at}");
                assert_eq!(c("target_date").is_empty(), !measurable, "{at}");
            }
            Some(TargetKind::ToBeDefined) | None => {
                assert!(c("target_value").is_empty(), "{at}");
            }
        }
    }
    let evaluated_years: usize = evaluation
        .indicators
        .iter()
        .flatten()
        .map(|r| r.years.len())
        .sum();
    assert_eq!(
        seen.len(),
        evaluated_years,
        "a row for every evaluated year"
    );

    // obiettivi.csv: every objective's roll-up, year by year.
    let objectives = Csv::read(&site.join("dati/obiettivi.csv"));
    check_types(&objectives, &dictionary::OBJECTIVES, &plan);
    let mut objective_years = BTreeSet::new();
    for row in &objectives.rows {
        let c = |name: &str| objectives.cell(row, name);
        let id = c("objective_id");
        let year: i32 = c("year").parse().expect("year");
        assert!(
            objective_years.insert((id.to_string(), year)),
            "{id} {year}"
        );
        let o = index.objectives[id];
        let at = format!("obiettivi.csv {id} {year}");
        let rollup = evaluation.objectives[o].years.get(&year);
        assert_number(
            c("achievement_pct"),
            rollup.and_then(|r| r.achievement),
            &at,
        );
        assert_eq!(c("status"), text(rollup.map(|r| r.status.code())), "{at}");
        let counts = rollup.map(|r| r.counts).unwrap_or_default();
        for (column, count) in [
            ("targets", counts.total()),
            ("targets_reached", counts.raggiunto),
            ("targets_partly_reached", counts.parzialmente_raggiunto),
            ("targets_missed", counts.non_raggiunto),
            ("targets_not_assessable", counts.non_valutabile),
            ("targets_monitoring", counts.monitoring),
            ("not_assessable_no_value", counts.not_assessable.no_value),
            (
                "not_assessable_comparison_missing",
                counts.not_assessable.comparison_missing,
            ),
            (
                "not_assessable_neutralised",
                counts.not_assessable.neutralised,
            ),
        ] {
            assert_eq!(c(column), count.to_string(), "{at} {column}");
        }
        assert_eq!(
            c("indicators"),
            plan.objectives[o].indicators.len().to_string()
        );
    }
    for (o, objective) in plan.objectives.iter().enumerate() {
        for year in evaluation.objectives[o]
            .years
            .keys()
            .chain(evaluation.indicators[o].iter().flat_map(|r| r.years.keys()))
        {
            assert!(
                objective_years.contains(&(objective.id.clone(), *year)),
                "obiettivi.csv has no row for {} {year}",
                objective.id
            );
        }
    }

    // serie-storiche.csv: every number of every series, as printed.
    let history = Csv::read(&site.join("dati/serie-storiche.csv"));
    check_types(&history, &dictionary::HISTORY, &plan);
    let mut written = BTreeSet::new();
    for row in &history.rows {
        let c = |name: &str| history.cell(row, name);
        if let Some(value) = parse(c("value")) {
            written.insert((
                c("indicator_id").to_string(),
                c("year").to_string(),
                c("quantity").to_string(),
                c("measure").to_string(),
                value,
            ));
        }
    }
    let mut expected = BTreeSet::new();
    for (_, _, indicator) in plan.indicators() {
        for (year, entry) in &indicator.series {
            let mut add = |quantity: &str, measure: &str, value: Decimal| {
                expected.insert((
                    indicator.id.clone(),
                    year.to_string(),
                    quantity.to_string(),
                    measure.to_string(),
                    data_number(value),
                ));
            };
            if let Observed::Value(p) = &entry.observed {
                add("value", "", p.value);
            }
            for (name, value) in &entry.measures {
                if let Some(value) = value {
                    add("measure", name, *value);
                }
            }
            if let Some(mean) = entry.cluster_mean {
                add("cluster_mean", "", mean);
            }
            if let Some(mean) = entry.national_mean {
                add("national_mean", "", mean);
            }
        }
    }
    assert_eq!(written, expected, "the numbers of the series");

    // dati/obiettivi/<id>.csv: the rows of indicatori.csv of that objective.
    for objective in &plan.objectives {
        let own = Csv::read(&site.join(format!("dati/obiettivi/{}.csv", objective.id)));
        assert_eq!(own.header, indicators.header);
        let rows: Vec<&csv::StringRecord> = indicators
            .rows
            .iter()
            .filter(|r| indicators.cell(r, "objective_id") == objective.id)
            .collect();
        assert_eq!(
            own.rows.iter().collect::<Vec<_>>(),
            rows,
            "{}",
            objective.id
        );
    }

    // dati/serie/<indicator>.csv: the chart's values are the engine's.
    let mut charts = 0;
    for (o, i, indicator) in plan.indicators() {
        let path = site.join(format!("dati/serie/{}.csv", indicator.id));
        let values = evaluation.indicators[o][i]
            .years
            .values()
            .any(|y| y.value.is_some());
        // A chart for every indicator with a number, none for the others.
        assert_eq!(
            path.exists(),
            indicator.unit != Unit::Date && values,
            "{}",
            path.display()
        );
        if !path.exists() {
            continue;
        }
        charts += 1;
        let chart = Csv::read(&path);
        check_types(&chart, &dictionary::CHART, &plan);
        for row in &chart.rows {
            let year: i32 = chart.cell(row, "year").parse().expect("year");
            let value = evaluation.indicators[o][i]
                .years
                .get(&year)
                .and_then(|y| y.value);
            assert_number(
                chart.cell(row, "value"),
                value,
                &format!("{} {year}", path.display()),
            );
        }
    }
    assert!(charts > 0, "{charts} chart files");
}

/// The Python tools of target/frictionless, installed when missing.
fn python() -> PathBuf {
    let python = repo().join("target/frictionless/bin/python");
    let script = repo().join(".ci/install-frictionless");
    let status = Command::new("bash")
        .arg(&script)
        .status()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", script.display()));
    assert!(
        status.success() && python.exists(),
        "{} failed: it needs python3 with venv (Debian: apt-get install python3 python3-venv); \
         .ci/run installs them on a fresh machine",
        script.display()
    );
    python
}

/// The report of `frictionless validate` on a built site's package.
fn frictionless_report(python: &Path, site: &Path) -> serde_json::Value {
    let out = Command::new(python)
        .args([
            "-m",
            "frictionless",
            "validate",
            "--json",
            "datapackage.json",
        ])
        .current_dir(site.join("dati"))
        .output()
        .expect("run frictionless");
    let stdout = String::from_utf8_lossy(&out.stdout);
    serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "frictionless gave no report ({e}):\n{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// `frictionless validate` on a built site's package: valid, every
/// resource checked (sizes and SHA-256 included).
fn validate_package(python: &Path, site: &Path, resources: &[&str]) {
    let report = frictionless_report(python, site);
    assert_eq!(
        report["valid"],
        serde_json::Value::Bool(true),
        "{}: {report:#}",
        site.display()
    );
    let tasks = report["tasks"].as_array().expect("tasks");
    let names: Vec<&str> = tasks.iter().filter_map(|t| t["name"].as_str()).collect();
    assert_eq!(names, resources);
    for task in tasks {
        assert_eq!(task["valid"], serde_json::Value::Bool(true), "{task}");
    }
}

#[test]
fn the_data_package_validates_with_an_independent_validator() {
    let python = python();
    let temp = tempfile::tempdir().expect("temp dir");
    let resources = ["indicatori", "obiettivi", "serie-storiche", "piao"];
    for root in [
        repo(),
        repo().join("fixtures/every-shape"),
        repo().join("fixtures/results"),
    ] {
        let site = temp.path().join(root.file_name().expect("name"));
        build(&root, &site);
        validate_package(&python, &site, &resources);
    }
    // With earlier editions: the changes since the previous one too, and
    // each earlier edition's own package.
    let site = temp.path().join("editions");
    build(&repo().join("fixtures/editions"), &site);
    let with_changes = [
        "indicatori",
        "obiettivi",
        "serie-storiche",
        "modifiche",
        "piao",
    ];
    validate_package(&python, &site, &with_changes);
    validate_package(&python, &site.join("edizioni/2023"), &resources);
}

/// A package whose file does not match it fails the validator: the check
/// can fail.
#[test]
fn a_file_that_differs_from_the_package_fails_the_validator() {
    let python = python();
    let temp = tempfile::tempdir().expect("temp dir");
    let site = temp.path().join("site");
    build(&repo().join("fixtures/every-shape"), &site);
    let path = site.join("dati/obiettivi.csv");
    let text = fs::read_to_string(&path).expect("csv");
    // Same size, another value: the checksum and the type both catch it.
    fs::write(&path, text.replacen(",2022,true,", ",20x2,true,", 1)).expect("write");
    let report = frictionless_report(&python, &site);
    assert_eq!(report["valid"], serde_json::Value::Bool(false));
    let errors = report.to_string();
    assert!(errors.contains("hash-count"), "{errors}");
    assert!(errors.contains("type-error"), "{errors}");
}

/// The catalogue as RDF, read by rdflib: (subject, predicate, object) with
/// full IRIs; literals keep their lexical form.
fn triples(python: &Path, catalogue: &Path) -> Vec<(String, String, String)> {
    let out = Command::new(python)
        .arg("-c")
        .arg(
            "import sys, rdflib\n\
             g = rdflib.Graph()\n\
             g.parse(sys.argv[1], format='json-ld')\n\
             for s, p, o in g:\n\
             \x20   print(s, p, o, sep='\\t')\n",
        )
        .arg(catalogue)
        .output()
        .expect("run rdflib");
    assert!(
        out.status.success(),
        "rdflib cannot read {}: {}",
        catalogue.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(|line| {
            let mut parts = line.splitn(3, '\t');
            let mut next = || parts.next().expect("three parts").to_string();
            (next(), next(), next())
        })
        .collect()
}

const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const DCAT: &str = "http://www.w3.org/ns/dcat#";
const DCT: &str = "http://purl.org/dc/terms/";
const DCATAPIT: &str = "http://dati.gov.it/onto/dcatapit#";
const FOAF: &str = "http://xmlns.com/foaf/0.1/";

/// The mandatory properties of DCAT-AP_IT, by class (the national
/// guidelines' table "Overview profilo"), and the recommended ones the
/// issue asks for (language, publisher; download URL, byte size, media type
/// and checksum of each distribution).
fn mandatory() -> Vec<(String, Vec<String>)> {
    let dct = |p: &str| format!("{DCT}{p}");
    let dcat = |p: &str| format!("{DCAT}{p}");
    vec![
        (
            format!("{DCATAPIT}Catalog"),
            vec![
                dct("title"),
                dct("description"),
                dct("publisher"),
                dct("modified"),
                dcat("dataset"),
            ],
        ),
        (
            format!("{DCATAPIT}Dataset"),
            vec![
                dct("identifier"),
                dct("title"),
                dct("description"),
                dct("modified"),
                dcat("theme"),
                dct("rightsHolder"),
                dct("accrualPeriodicity"),
                dcat("distribution"),
                dct("publisher"),
                dct("language"),
            ],
        ),
        (
            format!("{DCATAPIT}Distribution"),
            vec![
                dct("format"),
                dcat("accessURL"),
                dct("license"),
                dcat("downloadURL"),
                dcat("byteSize"),
                dcat("mediaType"),
                "http://spdx.org/rdf/terms#checksum".to_string(),
            ],
        ),
        (
            format!("{DCATAPIT}Agent"),
            vec![dct("identifier"), format!("{FOAF}name")],
        ),
        (
            format!("{DCATAPIT}LicenseDocument"),
            vec![dct("type"), format!("{FOAF}name")],
        ),
    ]
}

/// Checks a built site's catalogue: every mandatory field, and each
/// distribution against the file it describes. Returns the dataset's
/// identifier and the licence's IRI.
fn check_catalogue(python: &Path, site: &Path, base_url: &str) -> (String, String) {
    let triples = triples(python, &site.join("dati/catalogo.jsonld"));
    let of = |subject: &str, predicate: &str| -> Vec<String> {
        triples
            .iter()
            .filter(|(s, p, _)| s == subject && p == predicate)
            .map(|(_, _, o)| o.clone())
            .collect()
    };
    let typed = |class: &str| -> Vec<String> {
        triples
            .iter()
            .filter(|(_, p, o)| p == RDF_TYPE && o == class)
            .map(|(s, _, _)| s.clone())
            .collect()
    };
    for (class, properties) in mandatory() {
        let subjects = typed(&class);
        assert!(!subjects.is_empty(), "no {class}");
        for subject in &subjects {
            for property in &properties {
                assert!(
                    !of(subject, property).is_empty(),
                    "{subject} ({class}) has no {property}"
                );
            }
        }
    }
    // One distribution per data file, each as the file is.
    let mut listed = BTreeSet::new();
    for distribution in typed(&format!("{DCATAPIT}Distribution")) {
        let url = of(&distribution, &format!("{DCAT}downloadURL")).remove(0);
        let path = url.strip_prefix(base_url).expect("under the base URL");
        let bytes = fs::read(site.join(path)).expect("the listed file exists");
        assert_eq!(
            of(&distribution, &format!("{DCAT}byteSize")),
            [bytes.len().to_string()],
            "{path}"
        );
        let checksum = of(&distribution, "http://spdx.org/rdf/terms#checksum").remove(0);
        let hex: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(
            of(&checksum, "http://spdx.org/rdf/terms#checksumValue"),
            [hex],
            "{path}"
        );
        listed.insert(path.to_string());
    }
    let expected: BTreeSet<String> = [
        "dati/indicatori.csv",
        "dati/obiettivi.csv",
        "dati/serie-storiche.csv",
        "dati/piao.json",
        "dati/datapackage.json",
    ]
    .map(String::from)
    .into();
    assert_eq!(listed, expected);
    let dataset = typed(&format!("{DCATAPIT}Dataset")).remove(0);
    let licence = typed(&format!("{DCATAPIT}LicenseDocument")).remove(0);
    for distribution in typed(&format!("{DCATAPIT}Distribution")) {
        assert_eq!(
            of(&distribution, &format!("{DCT}license")),
            std::slice::from_ref(&licence)
        );
    }
    let identifier = of(&dataset, &format!("{DCT}identifier")).remove(0);
    (identifier, licence)
}

#[test]
fn the_catalogue_has_every_mandatory_dcat_ap_it_field_and_matches_its_files() {
    let python = python();
    let temp = tempfile::tempdir().expect("temp dir");
    // The default site has no IPA code: the catalogue names the body by its
    // site's host, and is complete all the same.
    let site = temp.path().join("site");
    build(&repo(), &site);
    let (identifier, licence) = check_catalogue(
        &python,
        &site,
        "https://www.example.org/amministrazione-trasparente/performance/",
    );
    assert_eq!(identifier, "www.example.org:performance-piao-2023-2025");
    assert_eq!(
        licence,
        "https://w3id.org/italia/controlled-vocabulary/licences/A21_CCBY40"
    );
    // fixtures/results has one, and publishes under CC0.
    let results = temp.path().join("results");
    build(&repo().join("fixtures/results"), &results);
    let (identifier, licence) = check_catalogue(
        &python,
        &results,
        "https://risultati.example.org/performance/",
    );
    assert!(
        identifier.starts_with("ente_risultati:performance-"),
        "{identifier}"
    );
    assert_eq!(
        licence,
        "https://w3id.org/italia/controlled-vocabulary/licences/A11_CCO10"
    );
}

#[test]
fn the_licence_is_in_every_files_metadata_and_on_the_page_and_the_csvs_stay_pure() {
    let temp = tempfile::tempdir().expect("temp dir");
    for (root, code, name) in [
        (repo(), "CC-BY-4.0", "CC BY 4.0"),
        (repo().join("fixtures/results"), "CC0-1.0", "CC0 1.0"),
    ] {
        let site = temp.path().join(root.file_name().expect("name"));
        build(&root, &site);
        let read_json = |path: &str| -> serde_json::Value {
            serde_json::from_str(&fs::read_to_string(site.join(path)).expect(path)).expect(path)
        };
        let package = read_json("dati/datapackage.json");
        assert_eq!(package["licenses"][0]["name"], code);
        for resource in package["resources"].as_array().expect("resources") {
            assert_eq!(
                resource["licenses"][0]["name"], code,
                "{}",
                resource["name"]
            );
        }
        assert_eq!(read_json("dati/piao.json")["license"]["name"], code);
        let catalogue = fs::read_to_string(site.join("dati/catalogo.jsonld")).expect("catalogue");
        assert!(catalogue.contains(&format!("({name})")), "{code}");
        let page = fs::read_to_string(site.join("dati/index.html")).expect("page");
        assert!(page.contains(&format!("({name})</a>")), "{code}");
        assert!(page.contains("rel=\"license\""));
        assert!(page.contains(
            "<link rel=\"alternate\" type=\"application/ld+json\" href=\"../dati/catalogo.jsonld\""
        ));
        // The CSVs start with their header: no comment, no licence line.
        // (modifiche.csv is only on a site with earlier editions.)
        for table in dictionary::PACKAGE_TABLES
            .into_iter()
            .filter(|t| t.path != dictionary::CHANGES.path)
        {
            let text = fs::read_to_string(site.join(table.path)).expect("csv");
            let header: Vec<&str> = table.names().collect();
            assert!(
                text.starts_with(&format!("{}\r\n", header.join(","))),
                "{}",
                table.path
            );
        }
    }
}

#[test]
fn each_objective_page_links_its_own_data_and_the_whole_dataset() {
    let temp = tempfile::tempdir().expect("temp dir");
    let site = temp.path().join("site");
    build(&repo().join("fixtures/every-shape"), &site);
    let (plan, _) = evaluated(&repo().join("fixtures/every-shape"));
    for objective in &plan.objectives {
        let page = fs::read_to_string(site.join(format!("obiettivi/{}/index.html", objective.id)))
            .expect("objective page");
        let csv = format!("../../dati/obiettivi/{}.csv", objective.id);
        assert!(
            page.contains(&format!(
                "<link rel=\"alternate\" type=\"text/csv\" href=\"{csv}\""
            )),
            "{}",
            objective.id
        );
        assert!(
            page.contains(&format!("<a href=\"{csv}\" download>")),
            "{}",
            objective.id
        );
        assert!(
            page.contains("<a href=\"../../dati/index.html\">"),
            "{}",
            objective.id
        );
        assert!(
            site.join(format!("dati/obiettivi/{}.csv", objective.id))
                .is_file()
        );
    }
}

/// The open-data page shows the dictionary the package holds: every
/// column of every file, with its title.
#[test]
fn the_data_page_shows_the_packages_dictionary() {
    let temp = tempfile::tempdir().expect("temp dir");
    let site = temp.path().join("site");
    build(&repo().join("fixtures/every-shape"), &site);
    let page = fs::read_to_string(site.join("dati/index.html")).expect("page");
    let package: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(site.join("dati/datapackage.json")).expect("package"),
    )
    .expect("json");
    for resource in package["resources"].as_array().expect("resources") {
        let Some(fields) = resource["schema"]["fields"].as_array() else {
            continue;
        };
        let section = &page[page
            .find(&format!(
                "<code>dati/{}</code></h3>",
                resource["path"].as_str().expect("path")
            ))
            .expect("a section per file")..];
        for field in fields {
            let name = field["name"].as_str().expect("name");
            let title = field["title"]
                .as_str()
                .expect("title")
                .replace('\'', "&#39;");
            assert!(
                section.contains(&format!("<code>{name}</code></th>"))
                    && section.contains(&format!("<strong>{title}.</strong>")),
                "{name}"
            );
        }
    }
}
