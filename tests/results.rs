#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]
//! The year's results from a filled data-collection sheet: `fixtures/results`
//! has its 2023 sheet as CSV; the tests write the same sheet as xlsx (typed
//! cells, as Excel saves them) and check that both give the numbers worked
//! out by hand here.

use std::fs;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use assert_cmd::Command;
use cruscotto::engine::scoring::Status;
use cruscotto::engine::{Evaluation, Reason, ValueStatus, YearResult};
use cruscotto::model::{Plan, PlanIndex};
use rust_decimal::Decimal;

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).expect("decimal")
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/results")
}

/// A copy of the fixture without its sheet.
fn copy_without_sheet() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::copy(
        fixture().join("cruscotto.yaml"),
        dir.path().join("cruscotto.yaml"),
    )
    .expect("copy");
    fs::create_dir_all(dir.path().join("content")).expect("mkdir");
    fs::create_dir_all(dir.path().join("rilevazioni")).expect("mkdir");
    for entry in fs::read_dir(fixture().join("content")).expect("content") {
        let path = entry.expect("entry").path();
        fs::copy(
            &path,
            dir.path()
                .join("content")
                .join(path.file_name().expect("name")),
        )
        .expect("copy");
    }
    dir
}

/// The fixture's CSV sheet written as an xlsx workbook, with numbers as
/// number cells and the monitoring date as a date cell.
fn write_xlsx(path: &Path) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(fixture().join("rilevazioni/2023.csv"))
        .expect("csv");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    for (r, record) in reader.records().enumerate() {
        let record = record.expect("row");
        for (c, cell) in record.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            if cell.is_empty() {
                continue;
            }
            let plain = cell.replace('.', "").replace(',', ".");
            if r > 0 && c == 6 && plain.parse::<f64>().is_ok() && !cell.contains('/') {
                sheet
                    .write_number(r, c, plain.parse::<f64>().unwrap())
                    .expect("number");
            } else if r > 0 && c == 7 {
                let parts: Vec<u16> = cell.split('/').map(|p| p.parse().unwrap()).collect();
                let date = ExcelDateTime::from_ymd(parts[2], parts[1] as u8, parts[0] as u8)
                    .expect("date");
                sheet
                    .write_datetime_with_format(r, c, &date, &date_format)
                    .expect("date");
            } else {
                sheet.write_string(r, c, cell).expect("text");
            }
        }
    }
    workbook.save(path).expect("save xlsx");
}

fn evaluate(root: &Path) -> (Plan, Evaluation) {
    let checked = cruscotto::check(root);
    assert_eq!(
        checked.diagnostics.errors(),
        0,
        "{}",
        checked
            .diagnostics
            .render(&checked.sources, cruscotto::diagnostics::Lang::En)
    );
    checked.evaluated.expect("evaluated")
}

fn year<'a>(plan: &Plan, evaluation: &'a Evaluation, id: &str) -> &'a YearResult {
    let index = PlanIndex::new(plan);
    let (o, i) = index.indicators[id];
    &evaluation.indicators[o][i].years[&2023]
}

fn reason(y: &YearResult) -> Option<Reason> {
    y.assessment.as_ref().and_then(|a| a.reason)
}

fn achievement(y: &YearResult) -> Option<Decimal> {
    y.assessment
        .as_ref()
        .and_then(|a| a.score.as_ref())
        .map(|s| s.achievement.round_dp(2))
}

/// The numbers of the 2023 sheet, worked out by hand.
fn check_merged(plan: &Plan, evaluation: &Evaluation) {
    // pratiche-online: measures from the sheet, 450 / 600 × 100 = 75%;
    // >= 60%: 125% capped at 100%, reached; a final value.
    let y = year(plan, evaluation, "pratiche-online");
    assert_eq!(y.value, Some(d("75")));
    assert_eq!(achievement(y), Some(d("100")));
    assert_eq!(y.value_status, Some(ValueStatus::Final));
    // imprese-assistite: 150 at 30/09/2023, a monitoring reading;
    // 150 / 200 = 75%, partly reached.
    let y = year(plan, evaluation, "imprese-assistite");
    assert_eq!(y.value, Some(d("150")));
    assert_eq!(y.value_status, Some(ValueStatus::Monitoring));
    assert_eq!(
        y.as_of.map(|d| d.to_string()).as_deref(),
        Some("2023-09-30")
    );
    assert_eq!(achievement(y), Some(d("75")));
    // eventi: 5 / 10 = 50%, not reached, with its cause from the sheet.
    let y = year(plan, evaluation, "eventi");
    assert_eq!(achievement(y), Some(d("50")));
    assert_eq!(
        y.assessment.as_ref().map(|a| a.status),
        Some(Status::NonRaggiunto)
    );
    let index = PlanIndex::new(plan);
    let eventi = index.indicator(plan, "eventi").expect("eventi");
    assert_eq!(
        eventi.series[&2023].cause.as_deref(),
        Some("Cinque eventi annullati per l'allerta meteo di ottobre")
    );
    // tempo-medio: 40 days against <= 30: 30 / 40 = 75%, partly reached.
    assert_eq!(
        achievement(year(plan, evaluation, "tempo-medio")),
        Some(d("75"))
    );
    // The six reasons, one each.
    let reasons = [
        ("gradimento", Reason::TargetToBeDefined),
        ("crescita-utenti", Reason::ComparisonMissing),
        ("progetto-sospeso", Reason::Neutralised),
        ("corsi", Reason::NotAvailable),
        ("verifiche", Reason::NoValue),
        ("regolamento", Reason::TargetNotMeasurable),
    ];
    for (id, expected) in reasons {
        assert_eq!(reason(year(plan, evaluation, id)), Some(expected), "{id}");
    }
    // gradimento keeps its value 82,5 although not assessable; crescita-utenti
    // 1.200 is 1200.
    assert_eq!(year(plan, evaluation, "gradimento").value, Some(d("82.5")));
    assert_eq!(
        year(plan, evaluation, "crescita-utenti").value,
        Some(d("1200"))
    );
    // Roll-ups: servizi (100 + 75 + 50) / 3 = 75%; organizzazione 75%; the
    // plan 75%, on 4 of the 10 targets of 2023, 1 monitoring reading.
    let y = &evaluation.plan.years[&2023];
    assert_eq!(y.achievement.map(|a| a.round_dp(2)), Some(d("75")));
    assert_eq!((y.counts.assessed(), y.counts.total()), (4, 10));
    assert_eq!(y.counts.monitoring, 1);
    assert_eq!((y.parts_assessed, y.parts), (2, 2));
    for r in Reason::ALL {
        assert_eq!(y.counts.not_assessable.get(r), 1, "{r:?}");
    }
}

#[test]
fn the_csv_sheet_is_merged() {
    let (plan, evaluation) = evaluate(&fixture());
    check_merged(&plan, &evaluation);
}

#[test]
fn the_xlsx_sheet_gives_the_same_results() {
    let dir = copy_without_sheet();
    write_xlsx(&dir.path().join("rilevazioni/2023.xlsx"));
    let (plan, evaluation) = evaluate(dir.path());
    check_merged(&plan, &evaluation);
}

#[test]
fn check_warns_for_each_final_shortfall_without_a_cause() {
    let checked = cruscotto::check(&fixture());
    let warnings: Vec<String> = checked
        .diagnostics
        .iter()
        .filter(|d| !d.is_error())
        .map(|d| {
            format!(
                "{}: {}",
                d.span
                    .as_ref()
                    .map(|s| checked.sources.location(s))
                    .unwrap_or_default(),
                d.said(cruscotto::diagnostics::Lang::En).message
            )
        })
        .collect();
    // eventi gives a cause, imprese-assistite is a monitoring reading: only
    // tempo-medio is left, at its line in the content.
    assert_eq!(
        warnings,
        [
            "content/02-organizzazione.md:8: 2023: `tempo-medio` fell short of its target and gives no cause"
        ]
    );
}

#[test]
fn rilevazione_writes_the_sheet_and_reads_it_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let xlsx = dir.path().join("2023.xlsx");
    Command::cargo_bin("cruscotto")
        .expect("binary")
        .args(["rilevazione", "--year", "2023", "--root"])
        .arg(fixture())
        .arg("--output")
        .arg(&xlsx)
        .assert()
        .success();
    use calamine::{Reader, Xlsx};
    let mut workbook: Xlsx<_> = calamine::open_workbook(&xlsx).expect("open");
    let range = workbook
        .worksheet_range_at(0)
        .expect("sheet")
        .expect("range");
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(
        rows[0],
        [
            "objective_id",
            "indicator_id",
            "measure",
            "name",
            "unit",
            "target",
            "value",
            "as_of",
            "cause"
        ]
    );
    // One row per indicator (10) and per measure (2 of pratiche-online).
    assert_eq!(rows.len(), 1 + 10 + 2);
    // Known values are filled in, as text: the sheet's measures, the
    // monitoring reading with its date, the cause.
    assert_eq!(
        rows[2][..7],
        [
            "servizi-digitali",
            "pratiche-online",
            "online",
            "Pratiche presentate online",
            "",
            "",
            "450"
        ]
    );
    assert_eq!(rows[4][6..8], ["150", "30/09/2023"]);
    assert_eq!(
        rows[5][8],
        "Cinque eventi annullati per l'allerta meteo di ottobre"
    );
    assert_eq!(rows[4][5], ">= 200");
    // It refuses to overwrite a sheet.
    Command::cargo_bin("cruscotto")
        .expect("binary")
        .args(["rilevazione", "--year", "2023", "--root"])
        .arg(fixture())
        .arg("--output")
        .arg(&xlsx)
        .assert()
        .failure();
    // The CSV form on standard output, read back by a build: same figures.
    let output = Command::cargo_bin("cruscotto")
        .expect("binary")
        .args(["rilevazione", "--year", "2023", "--root"])
        .arg(fixture())
        .output()
        .expect("run");
    assert!(output.status.success());
    let site = copy_without_sheet();
    fs::write(site.path().join("rilevazioni/2023.csv"), &output.stdout).expect("write");
    let (plan, evaluation) = evaluate(site.path());
    check_merged(&plan, &evaluation);
    // And the workbook written by the command, put in place as it is.
    let site = copy_without_sheet();
    fs::copy(&xlsx, site.path().join("rilevazioni/2023.xlsx")).expect("copy");
    let (plan, evaluation) = evaluate(site.path());
    check_merged(&plan, &evaluation);
}

#[test]
fn every_bad_cell_is_reported_with_its_row_and_column() {
    let site = copy_without_sheet();
    let sheet = "\
objective_id,indicator_id,measure,name,unit,target,value,as_of,cause,valore
servizi-digitali,pratiche-onlin,,,,,75,,,
organizzazione-interna,eventi,,,,,5,,,
servizi-digitali,pratiche-online,online,,,,quattrocento,,,
servizi-digitali,pratiche-online,onlin,,,,450,,,
servizi-digitali,imprese-assistite,,,,,150,31/09/2023,,
servizi-digitali,eventi,,,,,\"5,5,5\",,,
";
    fs::write(site.path().join("rilevazioni/2023.csv"), sheet).expect("write");
    let checked = cruscotto::check(site.path());
    insta::assert_snapshot!(
        checked
            .diagnostics
            .render(&checked.sources, cruscotto::diagnostics::Lang::En)
    );
    insta::assert_snapshot!(
        "every_bad_cell_in_italian",
        checked
            .diagnostics
            .render(&checked.sources, cruscotto::diagnostics::Lang::It)
    );
}

#[test]
fn a_figure_in_both_the_content_and_the_sheet_must_agree() {
    let site = copy_without_sheet();
    let content = site.path().join("content/01-servizi-digitali.md");
    let text = fs::read_to_string(&content).expect("read").replace(
        "      2023: \">= 200\"\n",
        "      2023: \">= 200\"\n    series:\n      2023: { value: 140, as_of: 30/09/2023 }\n",
    );
    fs::write(&content, text).expect("write");
    fs::copy(
        fixture().join("rilevazioni/2023.csv"),
        site.path().join("rilevazioni/2023.csv"),
    )
    .expect("copy");
    let checked = cruscotto::check(site.path());
    insta::assert_snapshot!(
        checked
            .diagnostics
            .render(&checked.sources, cruscotto::diagnostics::Lang::En)
    );
}

fn build(root: &Path, extra: &[&str]) -> tempfile::TempDir {
    let output = tempfile::tempdir().expect("temp dir");
    Command::cargo_bin("cruscotto")
        .expect("binary")
        .args(["build", "--root"])
        .arg(root)
        .arg("--output")
        .arg(output.path())
        .args(extra)
        .assert()
        .success();
    output
}

fn read(dir: &Path, path: &str) -> String {
    fs::read_to_string(dir.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_relazione_reports_the_year_of_the_config() {
    let out = build(&fixture(), &[]);
    let page = read(out.path(), "relazione/index.html");
    assert!(page.contains("<h1 id=\"relazione-title\">Relazione sulla performance 2023"));
    // The summary for citizens: 10 targets, 4 assessed: 1 reached
    // (pratiche-online), 2 in part (imprese-assistite, tempo-medio), 1 not
    // (eventi); the other 6, one per reason; (100 + 75 + 50) / 3 and 75: 75%.
    for text in [
        "Per il 2023 erano previsti 10 target e per 4 di questi c&#39;è già un risultato misurato. Raggiunti: 1; raggiunti in parte: 2; non raggiunti: 1.",
        "Gli altri 6 non si possono ancora valutare, per questi motivi: dato non ancora disponibile (1), dato non disponibile (1), target da definire (1), manca il dato di confronto (1), target non misurabile (1), non valutabile (neutralizzato) (1).",
        "In media i target valutati sono stati raggiunti al 75,00%. Calcolato su 4 dei 10 target del 2023, in 2 ambiti su 2; 1 valore è di monitoraggio, non ancora definitivo.",
        "il dato definitivo potrà essere diverso (risultati provvisori: 1).",
        "Un target non è stato raggiunto del tutto in 3 casi; per 2 di questi l&#39;ente non ha ancora spiegato il motivo.",
    ] {
        assert!(page.contains(text), "{text}");
    }
    // Every indicator with its value, final or monitoring with its date.
    assert!(page.contains("150<br><span class=\"small value-status value-monitoring\">dato di monitoraggio al 30/09/2023</span>"));
    assert!(page.contains("75,00%<br><span class=\"small value-status\">dato definitivo</span>"));
    // The reasons on the badges, the neutralisation with its reason.
    for label in [
        "Dato non ancora disponibile",
        "Dato non disponibile",
        "Target da definire",
        "Manca il dato di confronto",
        "Target non misurabile",
        "Non valutabile (neutralizzato)",
        "target neutralizzato: Progetto sospeso dalla Giunta con la delibera n. 12 del 2023",
    ] {
        assert!(page.contains(label), "{label}");
    }
    // The shortfalls: eventi with its cause, tempo-medio without one, the
    // monitoring reading of imprese-assistite marked.
    let shortfalls = &page[page.find("id=\"r-shortfalls\"").expect("shortfalls")..];
    assert!(shortfalls.contains("Cinque eventi annullati per l&#39;allerta meteo di ottobre"));
    assert!(shortfalls.contains("causa non ancora indicata"));
    assert!(shortfalls.contains("150 (dato di monitoraggio)"));
    // The rules and the sources.
    assert!(page.contains("vale il valore pubblicato"));
    assert!(page.contains("<li>Gestionale pratiche</li>"));
    // A print stylesheet for A4 applies to it.
    let css = read(out.path(), "assets/style.css");
    assert!(css.contains("@page relazione") && css.contains("size: A4"));
    assert!(css.contains(".relazione thead { display: table-header-group; }"));
    // Linked from the home page and the open-data page.
    for path in ["index.html", "dati/index.html"] {
        assert!(
            read(out.path(), path)
                .contains("relazione/index.html\">Relazione sulla performance 2023</a>"),
            "{path}"
        );
    }
}

#[test]
fn build_year_chooses_another_year() {
    let out = build(&fixture(), &["--year", "2024"]);
    let page = read(out.path(), "relazione/index.html");
    assert!(page.contains("Relazione sulla performance 2024"));
    assert!(
        page.contains(
            "Per il 2024 non c&#39;è ancora nessun risultato misurato (target previsti: 1)"
        )
    );
    // The objective of that one target, not assessable because its value
    // has not come in yet, says so on its badge.
    let objectives = &page[page
        .find("Grado di raggiungimento per obiettivo")
        .expect("table")..];
    assert!(objectives.contains("status-non_valutabile reason-no_value"));
    assert!(objectives.contains("Dato non ancora disponibile"));
}

#[test]
fn the_open_data_say_final_or_monitoring_the_reason_and_the_cause() {
    let out = build(&fixture(), &[]);
    let mut reader = csv::Reader::from_path(out.path().join("dati/indicatori.csv")).expect("csv");
    let headers = reader.headers().expect("header").clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let row = |id: &str| {
        rows.iter()
            .find(|r| &r[col("indicator_id")] == id && &r[col("year")] == "2023")
            .unwrap_or_else(|| panic!("{id}"))
    };
    let imprese = row("imprese-assistite");
    assert_eq!(
        (&imprese[col("value_status")], &imprese[col("as_of")]),
        ("monitoring", "2023-09-30")
    );
    let eventi = row("eventi");
    assert_eq!(&eventi[col("value_status")], "final");
    assert_eq!(
        &eventi[col("cause")],
        "Cinque eventi annullati per l'allerta meteo di ottobre"
    );
    let neutralised = row("progetto-sospeso");
    assert_eq!(&neutralised[col("status")], "non_valutabile");
    assert_eq!(&neutralised[col("not_assessable_reason")], "neutralised");
    assert_eq!(
        &neutralised[col("neutralisation_reason")],
        "Progetto sospeso dalla Giunta con la delibera n. 12 del 2023"
    );
    assert_eq!(&row("corsi")[col("not_assessable_reason")], "not_available");
    assert_eq!(&row("verifiche")[col("not_assessable_reason")], "no_value");
    let json: serde_json::Value =
        serde_json::from_str(&read(out.path(), "dati/piao.json")).expect("json");
    let imprese = &json["objectives"][0]["indicators"][1];
    assert_eq!(imprese["id"], "imprese-assistite");
    assert_eq!(imprese["series"]["2023"]["value_status"], "monitoring");
    assert_eq!(imprese["series"]["2023"]["as_of"], "2023-09-30");
    assert_eq!(
        imprese["results"]["years"]["2023"]["value_status"],
        "monitoring"
    );
    let eventi = &json["objectives"][0]["indicators"][2];
    assert_eq!(
        eventi["series"]["2023"]["cause"],
        "Cinque eventi annullati per l'allerta meteo di ottobre"
    );
    let sospeso = &json["objectives"][1]["indicators"][1];
    assert_eq!(
        sospeso["results"]["years"]["2023"]["assessment"]["reason"],
        "neutralised"
    );
    let counts = &json["rollup"]["years"]["2023"]["counts"];
    assert_eq!(counts["monitoring"], 1);
    assert_eq!(counts["not_assessable"]["target_to_be_defined"], 1);
}

#[test]
fn lock_files_of_an_open_sheet_are_not_sheets() {
    let site = copy_without_sheet();
    fs::copy(
        fixture().join("rilevazioni/2023.csv"),
        site.path().join("rilevazioni/2023.csv"),
    )
    .expect("copy");
    // What Excel and LibreOffice leave beside a sheet they have open.
    fs::write(site.path().join("rilevazioni/~$2023.xlsx"), b"lock").expect("write");
    fs::write(site.path().join("rilevazioni/.~lock.2023.csv#"), b"lock").expect("write");
    let (plan, evaluation) = evaluate(site.path());
    check_merged(&plan, &evaluation);
    // Any other file is pointed out, and a sheet not named after its year,
    // or a second sheet for the same year, is an error.
    fs::write(site.path().join("rilevazioni/note.txt"), b"appunti").expect("write");
    fs::write(
        site.path().join("rilevazioni/risultati.csv"),
        b"indicator_id,measure,value\n",
    )
    .expect("write");
    fs::write(site.path().join("rilevazioni/2023.xlsx"), b"not a workbook").expect("write");
    let checked = cruscotto::check(site.path());
    insta::assert_snapshot!(
        checked
            .diagnostics
            .render_short(&checked.sources, cruscotto::diagnostics::Lang::En)
    );
}

#[test]
fn a_stray_cell_far_away_is_reported_not_loaded() {
    use rust_xlsxwriter::Workbook;
    let site = copy_without_sheet();
    let path = site.path().join("rilevazioni/2023.xlsx");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    for (c, name) in ["indicator_id", "measure", "value"].iter().enumerate() {
        sheet.write_string(0, c as u16, *name).expect("header");
    }
    sheet.write_string(1, 0, "eventi").expect("id");
    sheet.write_number(1, 2, 5.0).expect("value");
    // A value typed far to the right of the sheet's columns.
    sheet.write_string(1, 40, "nota").expect("stray");
    workbook.save(&path).expect("save");
    let checked = cruscotto::check(site.path());
    assert_eq!(
        checked
            .diagnostics
            .render_short(&checked.sources, cruscotto::diagnostics::Lang::En)
            .trim(),
        "error: rilevazioni/2023.xlsx:2: row 2, column AO: a value beyond the columns of the sheet"
    );
    // A value in the very last cell of a worksheet: refused, without
    // building the 17 billion cells in between.
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "indicator_id").expect("header");
    sheet.write_string(1_048_575, 16_383, "x").expect("far");
    workbook.save(&path).expect("save");
    let checked = cruscotto::check(site.path());
    let report = checked
        .diagnostics
        .render_short(&checked.sources, cruscotto::diagnostics::Lang::En);
    assert!(
        report.contains("it has a value in row 1048576: a sheet holds at most 100000 rows"),
        "{report}"
    );
}
