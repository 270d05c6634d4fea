#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]
//! The charts as they reach the pages and the data files.

use std::fs;
use std::path::Path;

use assert_cmd::Command;

fn built() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    Command::cargo_bin("cruscotto")
        .expect("binary")
        .args(["build", "--root", "fixtures/every-shape", "--output"])
        .arg(dir.path().join("site"))
        .assert()
        .success();
    dir
}

fn read(dir: &Path, path: &str) -> String {
    fs::read_to_string(dir.join("site").join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The inline SVG of an indicator's chart on its objective page.
fn chart<'a>(page: &'a str, indicator: &str) -> &'a str {
    let start = page
        .find(&format!(
            "aria-labelledby=\"chart-{indicator}-title chart-{indicator}-desc\""
        ))
        .unwrap_or_else(|| panic!("no chart for {indicator}"));
    let start = page[..start].rfind("<svg").expect("svg start");
    let end = start + page[start..].find("</svg>").expect("svg end") + "</svg>".len();
    &page[start..end]
}

#[test]
fn an_indicator_chart_is_inline_accessible_svg_with_its_gap_and_targets() {
    let dir = built();
    let page = read(dir.path(), "obiettivi/strategico/index.html");
    let svg = chart(&page, "quota-percentuale");
    assert!(svg.contains("role=\"img\""));
    assert!(svg.contains(
        "<title id=\"chart-quota-percentuale-title\">Andamento: Quota in percentuale</title>"
    ));
    // The description says what the chart shows, in Italian numbers.
    assert!(
        svg.contains("Valori: 2020 n.d.; 2021 0,17%; 2022 0,17%. Target: 2022 0,18%; 2023 20%."),
        "{svg}"
    );
    assert!(svg.contains("sotto il target 0,18%"), "{svg}");
    // 2020 is ND in the source: a labelled gap, never a zero.
    assert!(svg.contains(">\nn.d.\n<"), "{svg}");
    // Percent axis labels in Italian format.
    assert!(svg.contains(">\n15%\n<"), "{svg}");
    // No fixed size: it scales with the page.
    let root = &svg[..svg.find('>').expect("root")];
    assert!(
        !root.contains(" width=") && root.contains("viewBox"),
        "{root}"
    );
}

#[test]
fn negative_values_and_benchmarks_are_drawn_on_a_labelled_axis() {
    let dir = built();
    let page = read(dir.path(), "obiettivi/strategico/index.html");
    let svg = chart(&page, "ritardo");
    assert!(svg.contains("-8,75 gg"), "{svg}");
    assert!(
        svg.contains("Media nazionale") && svg.contains("Media cluster"),
        "legend"
    );
}

#[test]
fn every_chart_has_its_data_as_csv_and_a_table() {
    let dir = built();
    let csv = read(dir.path(), "dati/serie/quota-percentuale.csv");
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines[0],
        "year,value,value_status,as_of,computed_check,printed,target,target_original,national_mean,cluster_mean,unit,indicator_id,indicator_name"
    );
    let id = ",quota-percentuale,Quota in percentuale";
    // 2023: no value yet, target revised from 15 to 20.
    assert!(
        lines.contains(&format!("2020,,,,,ND,,,,,percent{id}").as_str()),
        "{csv}"
    );
    // 2022: the source prints 0,17; 106 / 64.356 × 100 = 0,164709 does not
    // round to it, so the printed value counts and the computed one is the check.
    assert!(
        lines.contains(&format!("2022,0.17,final,,0.164709,\"0,17\",0.18,,,,percent{id}").as_str()),
        "{csv}"
    );
    assert!(
        lines.contains(&format!("2023,,,,,,20,15,,,percent{id}").as_str()),
        "{csv}"
    );
    let page = read(dir.path(), "obiettivi/strategico/index.html");
    assert!(page.contains("href=\"../../dati/serie/quota-percentuale.csv\" download"));
    assert!(page.contains("Serie storica – Dati del grafico"));
    // The printed 0,17 is the value; 106 / 64.356 × 100 = 0,164709 is the
    // visible check, 0,17 − 0,164709 = 0,005291 off.
    assert!(page.contains(
        "Ricalcolato dalle misure: 0,1647%, diverso dal valore pubblicato 0,17 (scarto 0,0053%); vale il valore pubblicato."
    ));
    assert!(page.contains("vale il valore pubblicato, 0,17%."));
}

#[test]
fn a_series_that_cannot_be_drawn_degrades_to_the_table_with_a_sentence() {
    let dir = built();
    let page = read(dir.path(), "obiettivi/operativo-uno/index.html");
    assert!(
        !page.contains("chart-solo-valore-title"),
        "no chart for a single point"
    );
    let section = &page[page.find("id=\"ind-solo-valore\"").expect("section")..];
    let section = &section[..section.find("</section>").expect("end")];
    assert!(
        section.contains("Il grafico non è disponibile"),
        "{section}"
    );
    assert!(
        section.contains("<table class=\"series-table\">"),
        "{section}"
    );
}

#[test]
fn the_home_page_has_the_summary_charts() {
    let dir = built();
    let home = read(dir.path(), "index.html");
    assert!(home.contains("<figcaption>Grado di raggiungimento per obiettivo, 2023</figcaption>"));
    assert!(home.contains("aria-labelledby=\"chart-achievement-title chart-achievement-desc\""));
    assert!(home.contains("aria-labelledby=\"chart-mix-title chart-mix-desc\""));
}

/// Every chart comes twice: for phones, with text of at least 12 px in the
/// 343 px column of a 375 px phone, and wide for desktops; ids unique.
#[test]
fn every_chart_has_a_phone_and_a_desktop_drawing_with_readable_text() {
    let dir = built();
    for path in ["index.html", "obiettivi/strategico/index.html"] {
        let page = read(dir.path(), path);
        let compact: Vec<&str> = page
            .match_indices("class=\"chart chart-compact\"")
            .map(|(i, _)| &page[..i])
            .collect();
        let wide = page.matches("class=\"chart chart-wide\"").count();
        assert!(!compact.is_empty(), "{path}: no chart");
        assert_eq!(compact.len(), wide, "{path}: a drawing per frame");
        for (start, _) in page.match_indices("<svg ") {
            let svg = &page[start..start + page[start..].find("</svg>").expect("end")];
            let root = &svg[..svg.find('>').expect("root")];
            let width: f64 = root
                .split("viewBox=\"0 0 ")
                .nth(1)
                .and_then(|v| v.split(' ').next())
                .expect("viewBox")
                .parse()
                .expect("width");
            let smallest = svg
                .split(" font-size=\"")
                .skip(1)
                .map(|s| s[..s.find('"').expect("end")].parse::<f64>().expect("size"))
                .fold(f64::MAX, f64::min);
            if root.contains("chart-compact") {
                assert!(
                    smallest * 343.0 / width >= 12.0,
                    "{path}: {root}: {smallest}"
                );
            } else {
                // Shown from a 1024 px window, at 960 px or more.
                assert!(
                    smallest * 960.0 / width >= 12.0,
                    "{path}: {root}: {smallest}"
                );
            }
        }
        let mut ids: Vec<&str> = page
            .split(" id=\"")
            .skip(1)
            .map(|s| &s[..s.find('"').expect("end")])
            .collect();
        let count = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), count, "{path}: ids are unique");
    }
}
