#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]
//! What a citizen reads on the public pages of the default site: plain
//! Italian, no identifiers or formulas in a program's notation, targets
//! written alike everywhere (while the data files keep them as printed).

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The site in `root` (relative to the repository), built into `cell` once
/// for every test of this file.
fn built(root: &str, cell: &'static OnceLock<tempfile::TempDir>) -> &'static Path {
    let dir = cell.get_or_init(|| {
        let temp = tempfile::tempdir().expect("temp dir");
        let out = assert_cmd::Command::cargo_bin("cruscotto")
            .expect("binary")
            .arg("build")
            .arg("--root")
            .arg(repo().join(root))
            .arg("--output")
            .arg(temp.path().join("site"))
            .output()
            .expect("run cruscotto build");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        temp
    });
    Box::leak(dir.path().join("site").into_boxed_path())
}

/// The default site.
fn site() -> &'static Path {
    static SITE: OnceLock<tempfile::TempDir> = OnceLock::new();
    built(".", &SITE)
}

fn page(path: &str) -> String {
    fs::read_to_string(site().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every HTML page of the site, by path.
fn pages() -> Vec<(String, String)> {
    let mut pages = Vec::new();
    for entry in walkdir(site()) {
        if entry.extension().is_some_and(|e| e == "html") {
            let rel = entry
                .strip_prefix(site())
                .expect("inside")
                .to_string_lossy()
                .into_owned();
            pages.push((rel, fs::read_to_string(&entry).expect("read")));
        }
    }
    pages.sort();
    pages
}

fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in fs::read_dir(&folder).expect("read dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files
}

fn text(html: &str) -> String {
    common::html_text(html)
}

/// The pages written for citizens: all but the open-data page, whose data
/// dictionary names the files' columns on purpose.
fn public_pages() -> Vec<(String, String)> {
    pages()
        .into_iter()
        .filter(|(path, _)| !path.starts_with("dati/"))
        .collect()
}

#[test]
fn public_pages_show_no_identifiers_or_program_notation() {
    let mut problems = Vec::new();
    for (path, html) in public_pages() {
        let text = text(&html);
        for word in text.split(|c: char| c.is_whitespace() || "«»()[],;:".contains(c)) {
            let identifier = word.contains('_')
                && word
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit());
            if identifier {
                problems.push(format!("{path}: `{word}`"));
            }
        }
        for notation in [
            "indicator(",
            "count_above(",
            "count_assessed(",
            "mean_prev(",
            "prev(",
            "? no",
            "? sì",
            "Più alto è meglio",
            "Più basso è meglio",
            "pieno 100",
        ] {
            if text.contains(notation) {
                problems.push(format!("{path}: `{notation}`"));
            }
        }
    }
    problems.dedup();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_working_speaks_plain_italian_with_the_measures_names() {
    let html = page("obiettivi/transizione-digitale/index.html");
    let text = text(&html);
    // The algorithm in words among the facts, the formula with the
    // measures' names in "Come è calcolato".
    assert!(text.contains("Come si calcola"), "{text}");
    assert!(
        text.contains(
            "Formula: «Imprese assistite per la digitalizzazione e l'adozione di tecnologie 4.0 nell'anno» / «Imprese attive al 31/12» × 100"
        ),
        "{text}"
    );
    assert!(text.contains("Calcolo: 106 / 64.356 × 100 = 0,1647%."));
    assert!(text.contains("Il valore 0,1647% non rispetta il target ≥ 0,18%."));
    assert!(text.contains("Esito: parzialmente raggiunto."));
    // A value that cannot be computed names what is missing in words.
    let html = page("obiettivi/sviluppo-internazionalizzazione-imprese/index.html");
    assert!(
        text_of(&html).contains(
            "non calcolabile, mancano i dati: «Livello di supporto alle imprese in tema di internazionalizzazione» (2023)"
        ),
        "{}",
        text_of(&html)
    );
}

fn text_of(html: &str) -> String {
    text(html)
}

#[test]
fn targets_read_alike_on_every_page_and_as_printed_in_the_data() {
    let mut problems = Vec::new();
    for (path, html) in public_pages() {
        let text = text(&html);
        for spelling in [">=", "<=", "=>", "=<", "> =", "< ="] {
            if text.contains(spelling) {
                problems.push(format!("{path}: `{spelling}`"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The revised target of Nota 6 (2023: >= 15% revised to 20%) reads the
    // same on the objective page and in the index: the original struck
    // through, the one in force with its comparator.
    let revised =
        "≥ 15%</del> <ins><span class=\"visually-hidden\">Target rivisto: </span>≥ 20%</ins>";
    assert!(page("obiettivi/transizione-burocratica-semplificazione/index.html").contains(revised));
    assert!(page("indicatori/index.html").contains(revised));
    // The data keep the text as printed.
    let csv = page("dati/indicatori.csv");
    assert!(csv.contains(">= 15%"), "the CSV keeps the printed target");
}

#[test]
fn the_home_page_leads_with_how_the_body_is_doing() {
    let html = page("index.html");
    let main = &html[html.find("<main").expect("main")..];
    let text = text(main);
    // First the latest year with results and what it rests on, then the
    // year in course, then the ambiti; the plan's counts come last.
    let results = text.find("Il 2022: i risultati").expect("the 2022 card");
    let figure = text.find("98,41%").expect("the overall achievement");
    let rests_on = text
        .find("Calcolato su 9 dei 18 target del 2022")
        .expect("what it rests on");
    let current = text.find("Il 2023, anno in corso").expect("the 2023 card");
    let ambiti = text.find("Ambiti Come sono andati").expect("the ambiti");
    let counts = text.find("70 obiettivi").expect("the counts");
    assert!(
        results < figure && figure < rests_on && rests_on < current,
        "{text}"
    );
    assert!(current < ambiti && ambiti < counts, "{text}");
    // The edition is in the header, not printed again before the results.
    assert!(!text[..figure].contains("PIAO 2023-2025"), "{text}");
    // Each ambito with how it did in 2022.
    assert!(
        text.contains("Obiettivi strategici comuni 96,83%"),
        "{text}"
    );
    // The menu folds on phones without JavaScript.
    assert!(html.contains("<details class=\"nav-compact\">"));
}

/// `fixtures/every-shape`: its config names its SMVP and writes its
/// scoring rules.
fn every_shape() -> &'static Path {
    static SITE: OnceLock<tempfile::TempDir> = OnceLock::new();
    built("fixtures/every-shape", &SITE)
}

#[test]
fn the_methodology_says_whose_rules_apply() {
    // The default site names no SMVP and writes no rules: the tool's
    // defaults, said so, also in the Relazione.
    let defaults = "L'ente non ha indicato il proprio Sistema di Misurazione e Valutazione della Performance (SMVP) né le sue regole: i calcoli usano le regole predefinite";
    assert!(text(&page("metodologia/index.html")).contains(defaults));
    assert!(text(&page("relazione/index.html")).contains(defaults));
    // A site with `plan.smvp` and `scoring:`: the body's SMVP.
    let html = fs::read_to_string(every_shape().join("metodologia/index.html")).expect("page");
    assert!(
        text(&html).contains("Le regole sono quelle del Sistema di Misurazione e Valutazione della Performance (SMVP) dell'ente"),
        "{}",
        text(&html)
    );
}

#[test]
fn a_glossary_explains_the_terms_and_pages_link_to_it() {
    let html = page("glossario/index.html");
    for (id, term) in [
        ("piao", "PIAO"),
        ("ambito", "Ambito"),
        ("obiettivo-strategico", "Obiettivo strategico"),
        ("obiettivo-operativo", "Obiettivo operativo"),
        ("indicatore", "Indicatore"),
        ("target", "Target"),
        ("grado-di-raggiungimento", "Grado di raggiungimento"),
        ("oiv", "OIV"),
        ("smvp", "SMVP"),
    ] {
        assert!(
            html.contains(&format!("<dt id=\"{id}\">{term}</dt>")),
            "{id}"
        );
    }
    // Linked where the terms appear: every page's footer, the kind of an
    // objective, the words of its indicators, the home page's achievement.
    for (path, html) in public_pages() {
        // Pages with the site's footer (not the redirect of an old address).
        if html.contains("class=\"site-footer\"") {
            assert!(
                page(&path).contains("glossario/index.html\">Glossario</a>"),
                "{path}"
            );
        }
    }
    let objective = page("obiettivi/transizione-digitale/index.html");
    assert!(objective.contains("<a href=\"../../glossario/index.html#obiettivo-strategico\">Obiettivo strategico comune</a>"));
    assert!(
        objective
            .contains("glossario/index.html#grado-di-raggiungimento\">grado di raggiungimento</a>")
    );
    assert!(page("index.html").contains("glossario/index.html#grado-di-raggiungimento"));
    assert!(page("metodologia/index.html").contains("glossario/index.html#smvp"));
}
