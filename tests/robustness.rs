#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]
//! Whole builds under unusual but legitimate conditions: a site saved with
//! Windows line endings, text that a spreadsheet would run, a narrative
//! with links of every allowed kind.

mod common;

use common::snapshot;

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn build(root: &Path, output: &Path) {
    Command::cargo_bin("cruscotto")
        .expect("binary")
        .args(["build", "--root"])
        .arg(root)
        .arg("--output")
        .arg(output)
        .assert()
        .success();
}

const TEXT: [&str; 7] = ["yaml", "md", "html", "xml", "css", "js", "txt"];

/// Copies `from` to `to`; with `crlf`, every text file gets `\r\n` line ends.
fn copy_dir(from: &Path, to: &Path, crlf: bool) {
    fs::create_dir_all(to).expect("mkdir");
    for entry in fs::read_dir(from).expect("read dir").flatten() {
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &target, crlf);
            continue;
        }
        let text = path
            .extension()
            .is_some_and(|e| TEXT.contains(&e.to_string_lossy().as_ref()));
        let bytes = fs::read(&path).expect("read");
        if crlf && text {
            let text = String::from_utf8(bytes).expect("utf-8");
            assert!(!text.contains('\r'), "{} has CR already", path.display());
            fs::write(&target, text.replace('\n', "\r\n")).expect("write");
        } else {
            fs::write(&target, bytes).expect("write");
        }
    }
}

/// The default site (config, content and its theme folder), copied.
fn default_site(to: &Path, crlf: bool) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    fs::create_dir_all(to).expect("mkdir");
    let config = fs::read_to_string(repo.join("cruscotto.yaml")).expect("config");
    let config = if crlf {
        config.replace('\n', "\r\n")
    } else {
        config
    };
    fs::write(to.join("cruscotto.yaml"), config).expect("write");
    copy_dir(&repo.join("content"), &to.join("content"), crlf);
    copy_dir(&repo.join("themes"), &to.join("themes"), crlf);
}

#[test]
fn a_site_saved_with_windows_line_ends_builds_the_same_bytes() {
    let temp = tempfile::tempdir().expect("temp dir");
    let (lf, crlf) = (temp.path().join("lf"), temp.path().join("crlf"));
    default_site(&lf, false);
    default_site(&crlf, true);
    let crlf_config = fs::read(crlf.join("cruscotto.yaml")).expect("config");
    assert!(crlf_config.windows(2).any(|w| w == b"\r\n"));
    build(&lf, &temp.path().join("out-lf"));
    build(&crlf, &temp.path().join("out-crlf"));
    let (a, b) = (
        snapshot(&temp.path().join("out-lf")),
        snapshot(&temp.path().join("out-crlf")),
    );
    assert!(a.contains_key(Path::new("dati/piao.json")));
    let differ: Vec<&PathBuf> = a
        .keys()
        .filter(|path| a.get(*path) != b.get(*path))
        .collect();
    assert!(differ.is_empty(), "differ: {differ:?}");
    assert_eq!(a.len(), b.len());
    let json = String::from_utf8(a[Path::new("dati/piao.json")].clone()).expect("json");
    assert!(!json.contains("\\r"), "a CR in the data");
}

/// Splits an RFC 4180 record into its cells (the test's names and texts
/// have no line breaks).
fn cells(line: &str) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(line.as_bytes());
    let record = reader.records().next().expect("a record").expect("csv");
    record.iter().map(str::to_string).collect()
}

#[test]
fn text_that_a_spreadsheet_would_run_is_neutralised_and_numbers_stay_numbers() {
    let temp = tempfile::tempdir().expect("temp dir");
    let site = temp.path().join("site");
    copy_dir(Path::new("fixtures/every-shape"), &site, false);
    let file = site.join("content/area-a/01-strategico.md");
    let text = fs::read_to_string(&file).expect("read");
    let text = text
        .replacen(
            "name: \"Indice negativo\"",
            "name: \"=HYPERLINK(\\\"https://example.org\\\";\\\"clic\\\")\"",
            1,
        )
        .replacen(
            "source: \"Rilevazione; Movimprese\"",
            "source: \"@SUM(A1:A9)\"",
            1,
        )
        .replacen(
            "reason: \"Aggiornato sui risultati 2022\"",
            "reason: \"-2+3+cmd|' /C calc'!A0\"",
            1,
        );
    fs::write(&file, text).expect("write");
    let output = temp.path().join("out");
    build(&site, &output);

    let csv = fs::read_to_string(output.join("dati/indicatori.csv")).expect("csv");
    let mut lines = csv.split("\r\n").filter(|l| !l.is_empty());
    let header = cells(lines.next().expect("header"));
    let column = |name: &str| header.iter().position(|h| h == name).expect(name);
    let rows: Vec<Vec<String>> = lines.map(cells).collect();
    let of = |id: &str| -> Vec<&Vec<String>> {
        rows.iter()
            .filter(|r| r[column("indicator_id")] == id)
            .collect()
    };
    for row in of("equilibrio") {
        assert_eq!(
            row[column("indicator_name")],
            "'=HYPERLINK(\"https://example.org\";\"clic\")"
        );
        // The negative values and targets of the same rows stay numbers.
        for name in ["value", "target_value"] {
            let cell = &row[column(name)];
            if !cell.is_empty() {
                assert!(cell.starts_with('-'), "{name}: {cell}");
                assert!(
                    cell.parse::<rust_decimal::Decimal>().is_ok(),
                    "{name}: {cell}"
                );
            }
        }
    }
    for row in of("quota-percentuale") {
        assert_eq!(row[column("source")], "'@SUM(A1:A9)");
    }
    let revised = of("quota-percentuale")
        .into_iter()
        .find(|r| r[column("year")] == "2023")
        .expect("2023");
    assert_eq!(
        revised[column("target_revision_reason")],
        "'-2+3+cmd|' /C calc'!A0"
    );

    // The chart data of the negative index: numbers as they were.
    let series = fs::read_to_string(output.join("dati/serie/equilibrio.csv")).expect("series");
    assert!(series.contains("\r\n2022,-8.4,"), "{series}");
}

#[test]
fn every_allowed_kind_of_link_reaches_the_page() {
    let temp = tempfile::tempdir().expect("temp dir");
    let site = temp.path().join("site");
    copy_dir(Path::new("fixtures/every-shape"), &site, false);
    let file = site.join("content/area-a/01-strategico.md");
    let mut text = fs::read_to_string(&file).expect("read");
    text.push_str(
        "\n[scrivici](MAILTO:urp@example.it), [chiamaci](tel:+39010123456), \
         [i dati](../../dati/), <HTTPS://www.example.org/relazione> e [un riferimento][r].\n\n\
         [r]: https://example.org/piano\n",
    );
    fs::write(&file, text).expect("write");
    let output = temp.path().join("out");
    build(&site, &output);
    let page = fs::read_to_string(output.join("obiettivi/strategico/index.html")).expect("page");
    for href in [
        "href=\"MAILTO:urp@example.it\"",
        "href=\"tel:+39010123456\"",
        "href=\"../../dati/\"",
        "href=\"HTTPS://www.example.org/relazione\"",
        "href=\"https://example.org/piano\"",
    ] {
        assert!(page.contains(href), "{href}");
    }
}

#[test]
fn a_formula_at_the_length_limit_is_evaluated() {
    let temp = tempfile::tempdir().expect("temp dir");
    let site = temp.path().join("site");
    copy_dir(Path::new("fixtures/every-shape"), &site, false);
    let file = site.join("content/area-a/01-strategico.md");
    // 480 terms in one chain: the deepest tree 1,000 characters can make.
    let formula = format!("({}) / attive * 100", vec!["a"; 480].join("-"));
    assert!(formula.len() <= 1_000);
    let text = fs::read_to_string(&file)
        .expect("read")
        .replacen("assistite / attive * 100", &formula, 1)
        .replacen("assistite: {", "a: {", 1)
        .replace("assistite: 1", "a: 1");
    fs::write(&file, text).expect("write");
    let output = temp.path().join("out");
    build(&site, &output);
    let json = fs::read_to_string(output.join("dati/piao.json")).expect("json");
    // 2022: (106 - 479 × 106) / 64.356 × 100
    assert!(json.contains("-78.73"), "the value of 2022");
}
