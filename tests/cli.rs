#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]
//! The command line, as a user runs it.

mod common;

use common::copy_dir;

use std::fs;
use std::path::Path;

use common::cruscotto;

/// A copy of a fixture site in a temporary folder, so builds do not touch
/// the repository.
fn copy_site(fixture: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(Path::new(fixture), dir.path());
    dir
}

/// `cruscotto build --root <site>` fails; its standard error.
fn build_fails(site: &Path) -> String {
    let output = cruscotto()
        .args(["build", "--root"])
        .arg(site)
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// `cruscotto build --root <site>` succeeds.
fn build(site: &Path) {
    cruscotto()
        .args(["build", "--root"])
        .arg(site)
        .assert()
        .success();
}

#[test]
fn check_prints_the_summary_and_succeeds() {
    let output = cruscotto()
        .args(["check", "--root", "fixtures/every-shape"])
        .output()
        .expect("run");
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("Ente di prova - PIAO 2023-2025 (anno di riferimento 2023)"),
        "{stdout}"
    );
    // Area A 2022 rises from 80,48% to 81,06%: quota-percentuale now scores
    // the printed 0,17 (0,17 / 0,18 = 94,44%) instead of the computed 0,1647.
    assert!(stdout.contains("81,06% parziale"), "{stdout}");
    // 4 warnings of the source, 8 final results below target with no cause
    // (rapporto-anno-precedente gives one, crescita-conteggio 2023 is a
    // monitoring reading), no IPA code for the catalogue.
    assert!(stdout.contains("0 errori, 13 avvisi"), "{stdout}");
    // 2023: the plan's 83,33% is area B's, which is `ente`'s on its own
    // indicator `meta` (the default rule scores an objective on its own
    // indicators): it rests on that one target of the five the top-level
    // objectives have, not on the operational objectives' targets.
    assert!(
        stdout.contains("si basa su 1 target su 5, in 1 ambiti su 2; 0 valori di monitoraggio"),
        "{stdout}"
    );
    assert!(
        stdout.contains("si basa su 9 target su 9, in 1 ambiti su 2; 0 valori di monitoraggio"),
        "{stdout}"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("content/area-a/01-strategico.md:31"),
        "{stderr}"
    );
}

#[test]
fn check_fails_on_errors() {
    let output = cruscotto()
        .args(["check", "--root", "fixtures/broken"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("controllo non superato: 24 errori"),
        "{stderr}"
    );
}

#[test]
fn build_writes_open_data() {
    let site = copy_site("fixtures/every-shape");
    build(site.path());
    let csv = fs::read_to_string(site.path().join("output/dati/indicatori.csv")).expect("csv");
    let mut lines = csv.split("\r\n");
    let header = lines.next().expect("header");
    for column in [
        "objective_id",
        "objective_kind",
        "ambito",
        "indicator_id",
        "indicator_name",
        "year",
        "unit",
        "target_operator",
        "target_value",
        "target_original_value",
        "target_text",
        "value",
        "numerator",
        "denominator",
        "printed_value",
        "achievement_pct",
        "status",
        "note",
        "source",
    ] {
        assert!(header.split(',').any(|c| c == column), "no column {column}");
    }
    // quota-percentuale 2022: the source prints 0,17 but 106 / 64.356 × 100
    // = 0,164709 (6 decimals) does not round to it: the printed value is the
    // value, the computed one the check; against >= 0,18: 0,17 / 0,18 =
    // 94,444444%.
    let row = csv
        .lines()
        .find(|l| l.contains(",quota-percentuale,") && l.contains(",2022,true,percent,"))
        .expect("row");
    assert!(row.contains(",0.17,,final,,106,64356,"), "{row}");
    assert!(row.contains(",0.17,true,0.164709,"), "{row}");
    assert!(row.contains(",94.444444,"), "{row}");
    assert!(row.contains(",parzialmente_raggiunto,"), "{row}");
    // The revised 2023 target keeps the original value.
    let row = csv
        .lines()
        .find(|l| l.contains(",quota-percentuale,") && l.contains(",2023,true,percent,"))
        .expect("row");
    assert!(
        row.contains(",threshold,>=,20,,15,,20%,>= 15%,Aggiornato sui risultati 2022,"),
        "{row}"
    );
    // Missing values are empty cells, never 0.
    assert!(row.contains(",,,,,,,,,,non_valutabile,"), "{row}");
    let json: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(site.path().join("output/dati/piao.json")).expect("json"),
    )
    .expect("valid JSON");
    assert_eq!(json["objectives"].as_array().map(Vec::len), Some(4));
}

/// Every file under `dir`, by relative path.
fn files_of(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e.path().strip_prefix(dir).expect("prefix");
            (
                relative.display().to_string(),
                fs::read(e.path()).expect("read"),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn two_builds_are_byte_identical() {
    let out = tempfile::tempdir().expect("temp dir");
    // The fixture uses every shape; the default site is the real content.
    for root in ["fixtures/every-shape", "."] {
        for name in ["first", "second"] {
            cruscotto()
                .args(["build", "--root", root, "--output"])
                .arg(out.path().join(name))
                .assert()
                .success();
        }
        let first = files_of(&out.path().join("first"));
        assert!(first.len() > 20, "{root}: a whole site");
        assert_eq!(first, files_of(&out.path().join("second")), "{root}");
    }
}

#[test]
fn a_failed_build_leaves_the_previous_output() {
    let site = copy_site("fixtures/every-shape");
    build(site.path());
    let before = fs::read(site.path().join("output/dati/indicatori.csv")).expect("csv");
    let file = site.path().join("content/area-b/01-ente.md");
    let text = fs::read_to_string(&file)
        .expect("read")
        .replace("kind: ente", "kind: entte");
    fs::write(&file, text).expect("write");
    let stderr = build_fails(site.path());
    assert!(
        stderr.contains("la cartella di destinazione non è stata toccata"),
        "{stderr}"
    );
    assert_eq!(
        fs::read(site.path().join("output/dati/indicatori.csv")).expect("csv"),
        before
    );
}

#[test]
fn an_english_build_uses_english_labels_and_number_format() {
    let site = copy_site("fixtures/every-shape");
    let config = site.path().join("cruscotto.yaml");
    let text = fs::read_to_string(&config)
        .expect("read")
        .replace("language: it", "language: en");
    fs::write(&config, text).expect("write");
    build(site.path());
    let home = fs::read_to_string(site.path().join("output/index.html")).expect("home");
    assert!(home.contains("<html lang=\"en\">"), "lang");
    assert!(home.contains("Open data"), "English navigation");
    assert!(!home.contains("Dati aperti"), "no Italian navigation");
    let page = fs::read_to_string(site.path().join("output/obiettivi/strategico/index.html"))
        .expect("page");
    // 3.671 in Italian is 3,671 in English; 94,44% is 94.44%.
    assert!(page.contains("3,671"), "English thousands");
    assert!(page.contains("94.44%"), "English decimals");
    assert!(page.contains("Partly achieved"), "English status");
}

#[test]
fn a_site_theme_overrides_a_template_and_labels() {
    let site = copy_site("fixtures/every-shape");
    let theme = site.path().join("themes/default");
    fs::create_dir_all(theme.join("i18n")).expect("mkdir");
    fs::create_dir_all(theme.join("templates")).expect("mkdir");
    fs::write(theme.join("i18n/it.yaml"), "nav_home: \"Inizio\"\n").expect("labels");
    let servizi = "{% extends \"base.html\" %}{% block content %}<h1>Uffici dell'ente</h1>{% endblock content %}";
    fs::write(theme.join("templates/servizi.html"), servizi).expect("template");
    build(site.path());
    let home = fs::read_to_string(site.path().join("output/index.html")).expect("home");
    assert!(home.contains(">Inizio</a>"), "overridden label");
    assert!(home.contains("Dati aperti"), "other labels stay");
    let servizi =
        fs::read_to_string(site.path().join("output/servizi/index.html")).expect("servizi");
    assert!(
        servizi.contains("<h1>Uffici dell&#39;ente</h1>")
            || servizi.contains("<h1>Uffici dell'ente</h1>"),
        "{servizi}"
    );
}

#[test]
fn a_broken_template_is_reported_and_nothing_is_written() {
    let site = copy_site("fixtures/every-shape");
    let templates = site.path().join("themes/default/templates");
    fs::create_dir_all(&templates).expect("mkdir");
    fs::write(templates.join("servizi.html"), "{% extends \"base.html\" %}{% block content %}{{ nonexistent.field }}{% endblock content %}").expect("write");
    let stderr = build_fails(site.path());
    assert!(stderr.contains("servizi.html"), "{stderr}");
    // The message names the site's own file, with the line and the column.
    assert!(
        stderr.contains("errore[template-failed]: themes/default/templates/servizi.html:"),
        "{stderr}"
    );
    assert!(stderr.contains("servizi.html:1:48"), "{stderr}");
    assert!(!site.path().join("output").exists());
}

#[test]
fn an_ambito_without_objectives_is_a_warning_with_its_line() {
    let site = copy_site("fixtures/every-shape");
    let config = site.path().join("cruscotto.yaml");
    let text = fs::read_to_string(&config).expect("config");
    let text = text.replacen(
        "servizi:\n",
        "  - id: area-nuova\n    title: \"Area nuova\"\nservizi:\n",
        1,
    );
    fs::write(&config, text).expect("write config");
    let output = cruscotto()
        .args(["check", "--root"])
        .arg(site.path())
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr
            .contains("avviso[ambito-without-objectives]: l'ambito `area-nuova` non ha obiettivi"),
        "{stderr}"
    );
    assert!(stderr.contains("cruscotto.yaml:"), "{stderr}");
    assert!(stderr.contains("--ambito area-nuova"), "{stderr}");
}

/// Plans print targets outside an objective's period (the previous cycle's,
/// next year's): kept without a word; only a year far from both periods is
/// pointed out, as a possible typo.
#[test]
fn a_target_outside_the_period_is_kept_and_a_far_one_is_a_warning() {
    let site = copy_site("fixtures/every-shape");
    let file = site.path().join("content/area-a/01-strategico.md");
    let text = fs::read_to_string(&file).expect("objective");
    let check = |text: String| {
        fs::write(&file, text).expect("write");
        let output = cruscotto()
            .args(["check", "--root"])
            .arg(site.path())
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert_eq!(output.status.code(), Some(0), "{stderr}");
        stderr
    };
    // 2021 and 2026: a year before the objective's period 2022-2024 and a
    // year after the plan's 2023-2025.
    for year in ["2021", "2026"] {
        let stderr =
            check(text.replacen("2022: \">= 3.500\"", &format!("{year}: \">= 3.500\""), 1));
        assert!(
            !stderr.contains("target-year-far-from-period"),
            "{year}: {stderr}"
        );
    }
    let stderr = check(text.replacen("2022: \">= 3.500\"", "2032: \">= 3.500\"", 1));
    assert!(
        stderr.contains(
            "avviso[target-year-far-from-period]: l'anno del target, 2032, è lontano dal periodo dell'obiettivo 2022-2024 e da quello del piano 2023-2025"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("01-strategico.md:37"), "{stderr}");
}

#[test]
fn an_objective_with_an_empty_list_of_indicators_is_a_warning_with_its_line() {
    let site = copy_site("fixtures/every-shape");
    let area = fs::read_dir(site.path().join("content"))
        .expect("content")
        .filter_map(Result::ok)
        .find(|e| e.path().is_dir())
        .expect("an ambito folder")
        .path();
    let config = fs::read_to_string(site.path().join("cruscotto.yaml")).expect("config");
    let ambito = config
        .lines()
        .find_map(|l| l.trim().strip_prefix("- id: "))
        .expect("an ambito id")
        .to_string();
    fs::write(
        area.join("99-vuoto.md"),
        format!(
            "---\nid: vuoto\nkind: strategico-specifico\nambito: {ambito}\nperiod: 2023\ntitle: \"Vuoto\"\nindicators: []\n---\n"
        ),
    )
    .expect("write");
    let output = cruscotto()
        .args(["check", "--root"])
        .arg(site.path())
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("avviso[indicators-empty]: l'elenco degli indicatori è vuoto"),
        "{stderr}"
    );
    assert!(stderr.contains("99-vuoto.md:7"), "{stderr}");
}

#[test]
fn the_published_files_verify_with_sha256sum() {
    let site = copy_site("fixtures/every-shape");
    build(site.path());
    let output = site.path().join("output");
    let sums = fs::read_to_string(output.join("SHA256SUMS")).expect("SHA256SUMS");
    let listed: Vec<&str> = sums
        .lines()
        .map(|line| line.split_once("  ").expect("hash  path").1)
        .collect();
    let mut sorted = listed.clone();
    sorted.sort();
    assert_eq!(listed, sorted, "sorted by path");
    let files: Vec<String> = files_of(&output)
        .into_iter()
        .map(|(path, _)| path)
        .filter(|path| path != "SHA256SUMS")
        .collect();
    assert_eq!(listed, files, "every file is listed");
    let data_page = fs::read_to_string(output.join("dati/index.html")).expect("data page");
    assert!(
        data_page.contains("sha256sum -c SHA256SUMS")
            && data_page.contains("href=\"../SHA256SUMS\""),
        "the open-data page says how to verify"
    );
    let check = std::process::Command::new("sha256sum")
        .args(["--check", "--strict", "--quiet", "SHA256SUMS"])
        .current_dir(&output)
        .output()
        .expect("run sha256sum");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    // A changed file is caught.
    fs::write(output.join("index.html"), "altered").expect("write");
    let check = std::process::Command::new("sha256sum")
        .args(["--check", "--quiet", "SHA256SUMS"])
        .current_dir(&output)
        .output()
        .expect("run sha256sum");
    assert!(!check.status.success());
}

/// The number of files a build wrote anew, from its message.
fn written_by(site: &Path) -> usize {
    let output = cruscotto()
        .args(["build", "--root"])
        .arg(site)
        .output()
        .expect("run");
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    let (_, rest) = stdout.split_once(" (").expect("the counts");
    rest.split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{stdout}"))
}

#[cfg(unix)]
#[test]
fn a_one_file_edit_writes_a_handful_of_files() {
    use std::os::unix::fs::MetadataExt;
    let site = copy_site("fixtures/every-shape");
    let all = written_by(site.path());
    assert!(all > 20, "the first build writes every file");
    let output = site.path().join("output");
    let inode = |path: &str| fs::metadata(output.join(path)).expect("meta").ino();
    let (style, home) = (inode("assets/style.css"), inode("index.html"));
    assert_eq!(
        written_by(site.path()),
        0,
        "nothing changed, nothing written"
    );
    let file = site
        .path()
        .join("content/area-a/01-strategico/01-operativo.md");
    let mut text = fs::read_to_string(&file).expect("read");
    text.push_str("\nUna frase aggiunta alla descrizione.\n");
    fs::write(&file, text).expect("write");
    let written = written_by(site.path());
    // The objective's page, the plan document, the open data and SHA256SUMS.
    assert!(
        (1..=6).contains(&written),
        "{written} of {all} files written"
    );
    assert!(
        fs::read_to_string(output.join("dati/piao.json"))
            .expect("json")
            .contains("Una frase aggiunta")
    );
    assert_eq!(inode("assets/style.css"), style, "unchanged files are kept");
    assert_eq!(inode("index.html"), home);
}

#[test]
fn the_output_does_not_depend_on_the_number_of_threads() {
    let out = tempfile::tempdir().expect("temp dir");
    for threads in ["1", "4"] {
        cruscotto()
            .env("RAYON_NUM_THREADS", threads)
            .args(["build", "--output"])
            .arg(out.path().join(threads))
            .assert()
            .success();
    }
    let one = files_of(&out.path().join("1"));
    assert!(one.len() > 100, "the default site");
    assert_eq!(one, files_of(&out.path().join("4")));
}

#[cfg(unix)]
#[test]
fn an_output_given_as_a_symlink_is_built_where_it_points() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::create_dir_all(dir.path().join("www/site")).expect("mkdir");
    std::os::unix::fs::symlink("www/site", dir.path().join("published")).expect("symlink");
    for _ in 0..2 {
        cruscotto()
            .args(["build", "--root", "fixtures/every-shape", "--output"])
            .arg(dir.path().join("published"))
            .assert()
            .success();
    }
    assert!(dir.path().join("www/site/index.html").is_file());
    let link = fs::symlink_metadata(dir.path().join("published")).expect("meta");
    assert!(link.file_type().is_symlink(), "the link is kept");
}

/// Page weight at the seed's size: every HTML page under 200 KB, the
/// style sheet under 30 KB.
#[test]
fn pages_of_the_default_site_are_light() {
    let out = tempfile::tempdir().expect("temp dir");
    cruscotto()
        .args(["build", "--output"])
        .arg(out.path())
        .assert()
        .success();
    for (path, bytes) in files_of(out.path()) {
        if path.ends_with(".html") {
            assert!(bytes.len() < 200 * 1024, "{path}: {} bytes", bytes.len());
        }
        if path.ends_with(".css") {
            assert!(bytes.len() < 30 * 1024, "{path}: {} bytes", bytes.len());
        }
    }
}
