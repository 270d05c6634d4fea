#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]
//! The plan document: `piao/index.html` and, with `build --pdf`, `piao.pdf`.
//!
//! The PDF checks need Chromium and poppler's `pdfinfo` and `pdftotext`
//! (Debian: apt-get install chromium poppler-utils); `.ci/run` installs them.

mod common;

use common::html_text;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use cruscotto::model::Plan;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn cruscotto() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("cruscotto").expect("binary")
}

fn default_plan() -> Plan {
    let checked = cruscotto::check(&repo());
    checked.evaluated.expect("the default site evaluates").0
}

fn build(output: &Path, extra: &[&str]) {
    let out = cruscotto()
        .arg("build")
        .arg("--output")
        .arg(output)
        .args(extra)
        .current_dir(repo())
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "build failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Text with its whitespace runs made single spaces, for searching.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn top_level_titles(plan: &Plan) -> Vec<String> {
    plan.objectives
        .iter()
        .filter(|o| plan.is_top_level(o))
        .map(|o| o.title.clone())
        .collect()
}

/// `text` names every top-level objective and every note label of `plan`.
fn assert_holds_the_plan(text: &str, plan: &Plan) {
    for title in top_level_titles(plan) {
        assert!(
            text.contains(&squeeze(&title)),
            "missing objective: {title}"
        );
    }
    for label in note_labels(plan) {
        assert!(text.contains(&label), "missing note: {label}");
    }
}

fn note_labels(plan: &Plan) -> Vec<String> {
    let mut labels: Vec<String> = plan
        .indicators()
        .filter_map(|(_, _, i)| i.note.clone())
        .chain(
            plan.objectives
                .iter()
                .flat_map(|o| o.notes.iter().filter_map(|n| n.label.clone())),
        )
        .collect();
    labels.sort();
    labels.dedup();
    labels
}

#[test]
fn the_html_document_holds_the_plan_and_no_results() {
    let temp = tempfile::tempdir().expect("temp dir");
    let output = temp.path().join("out");
    build(&output, &[]);
    let html = fs::read_to_string(output.join("piao/index.html")).expect("piao/index.html");
    let text = html_text(&html);
    let plan = default_plan();

    assert_holds_the_plan(&text, &plan);
    // The struck-through original of a revised target, and its new value
    // (Nota 6: 2023 >= 15% revised to 20%), the comparator written as on
    // every page.
    assert!(html.contains("≥ 15%</del>"), "revised target lost");
    assert!(html.contains("≥ 20%</ins>"), "revised target lost");
    // The approving act is not in the config: said so, not left blank.
    assert!(text.contains("Estremi dell'atto di approvazione non indicati"));
    // A series line as the source prints it.
    assert!(
        text.contains("2021: 15,02% Num 9.910 - Den 65.991"),
        "Nota 6 series"
    );
    assert!(
        text.contains("2021: 0,17 (112 imprese su 65.991 attive)"),
        "Nota 1 series"
    );

    // A plan: no results, statuses, achievement, workings or checker words,
    // and no formulas with identifiers.
    for word in [
        "status-",
        "Raggiunto",
        "Non valutabile",
        "Grado di raggiungimento",
        "Come è calcolato",
        "imprese_attive",
        "non corrisponde",
    ] {
        assert!(!html.contains(word), "the document shows `{word}`");
    }
    // Without --pdf there is no PDF to link to.
    assert!(!html.contains("piao.pdf"));
    assert!(!output.join("piao.pdf").exists());

    // The former printable page sends readers to the document.
    let redirect = fs::read_to_string(output.join("stampa/index.html")).expect("stampa/");
    assert!(redirect.contains(r#"content="0; url=../piao/index.html""#));
}

fn tool_output(program: &str, args: &[&str], pdf: &Path) -> String {
    let mut command = Command::new(program);
    command.args(args).arg(pdf);
    if program == "pdftotext" {
        // To standard output.
        command.arg("-");
    }
    let out = command.output().unwrap_or_else(|e| {
        panic!("`{program}` could not run ({e}): install poppler-utils (.ci/run does)")
    });
    assert!(out.status.success(), "{program} failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_pdf_is_an_a4_document_with_page_numbers_and_bookmarks() {
    let temp = tempfile::tempdir().expect("temp dir");
    let output = temp.path().join("out");
    build(&output, &["--pdf"]);
    let pdf = output.join("piao.pdf");
    let plan = default_plan();

    let info = tool_output("pdfinfo", &[], &pdf);
    let field = |name: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(&format!("{name}:")))
            .map(str::trim)
            .unwrap_or_else(|| panic!("pdfinfo shows no {name}:\n{info}"))
            .to_string()
    };
    assert!(field("Page size").ends_with("(A4)"), "{info}");
    let pages: usize = field("Pages").parse().expect("page count");
    assert!((20..=40).contains(&pages), "{pages} pages");
    assert_eq!(field("Author"), plan.config.ente.name);
    assert!(field("Title").starts_with(&plan.config.plan.title));
    assert_eq!(field("Tagged"), "yes");
    // The dates are the content's (plan.last_updated: 26/11/2026), not the clock's.
    assert!(field("CreationDate").contains("Nov 26"), "{info}");

    // Every page carries its number, and the whole text every top-level
    // objective and every note label.
    for page in 1..=pages {
        let number = page.to_string();
        let text = tool_output(
            "pdftotext",
            &["-f", &number, "-l", &number, "-layout"],
            &pdf,
        );
        assert!(
            squeeze(&text).contains(&format!("pagina {page} di {pages}")),
            "page {page} has no page number:\n{text}"
        );
    }
    let text = squeeze(&tool_output("pdftotext", &[], &pdf).replace("-\n", ""));
    assert_holds_the_plan(&text, &plan);
    assert!(!text.contains("Raggiunto"), "the document shows results");

    // Bookmarks: every ambito and top-level objective, with the page it starts on,
    // which the table of contents shows.
    let document = lopdf::Document::load(&pdf).expect("read the PDF");
    let toc = document.get_toc().expect("an outline");
    let titles: Vec<&str> = toc.toc.iter().map(|e| e.title.as_str()).collect();
    for ambito in &plan.config.ambiti {
        assert!(
            titles.contains(&ambito.title.as_str()),
            "no bookmark for {}",
            ambito.title
        );
    }
    for (n, title) in top_level_titles(&plan).iter().enumerate() {
        let heading = format!("{}. {title}", n + 1);
        let entry = toc
            .toc
            .iter()
            .find(|e| e.title == heading)
            .unwrap_or_else(|| panic!("no bookmark for {heading}"));
        let contents = tool_output("pdftotext", &["-f", "2", "-l", "2", "-layout"], &pdf);
        let line = contents
            .lines()
            .find(|l| {
                l.contains(&format!("{}. ", n + 1))
                    && l.trim_end().ends_with(|c: char| c.is_ascii_digit())
            })
            .unwrap_or_else(|| panic!("{heading} not in the contents:\n{contents}"));
        assert!(
            line.trim_end().ends_with(&format!(" {}", entry.page)),
            "the contents give another page for {heading} than its bookmark ({}): {line}",
            entry.page
        );
    }

    // The Relazione is printed beside it, with the same page style.
    let relazione = output.join("relazione.pdf");
    let info = tool_output("pdfinfo", &[], &relazione);
    assert!(info.contains("(A4)"), "{info}");
    assert!(info.contains("Relazione sulla performance"), "{info}");
    let text = squeeze(&tool_output("pdftotext", &[], &relazione));
    assert!(
        text.contains("pagina 1 di "),
        "the Relazione has no page numbers"
    );

    // The same content gives the same file.
    let again = temp.path().join("again");
    build(&again, &["--pdf"]);
    for name in ["piao.pdf", "relazione.pdf"] {
        let bytes = fs::read(output.join(name)).unwrap();
        assert!(
            bytes == fs::read(again.join(name)).unwrap(),
            "two builds gave different {name}"
        );
        // Links to the site's pages point at the published site, not at the
        // folder Chromium printed from.
        assert!(
            !bytes.windows(8).any(|w| w == b"file:///"),
            "{name} links to local files"
        );
    }
    // SHA256SUMS lists the PDFs too, and they verify.
    let sums = fs::read_to_string(output.join("SHA256SUMS")).expect("SHA256SUMS");
    for name in ["piao.pdf", "relazione.pdf"] {
        assert!(
            sums.lines()
                .any(|line| line.ends_with(&format!("  {name}"))),
            "SHA256SUMS does not list {name}"
        );
    }
    let check = std::process::Command::new("sha256sum")
        .args(["-c", "--quiet", "SHA256SUMS"])
        .current_dir(&output)
        .output()
        .expect("sha256sum");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    // The pages link to it.
    for page in ["index.html", "dati/index.html", "piao/index.html"] {
        let html = fs::read_to_string(output.join(page)).expect(page);
        assert!(html.contains("piao.pdf"), "{page} does not link the PDF");
    }
    let html = fs::read_to_string(output.join("relazione/index.html")).expect("relazione");
    assert!(
        html.contains("relazione.pdf"),
        "the Relazione does not link its PDF"
    );
}

#[test]
fn without_chromium_pdf_fails_and_leaves_the_output_as_it_was() {
    let temp = tempfile::tempdir().expect("temp dir");
    let output = temp.path().join("out");
    build(&output, &[]);
    let before = fs::read(output.join("index.html")).expect("index");

    // No Chromium on the PATH, none named.
    let empty = temp.path().join("empty-path");
    fs::create_dir_all(&empty).expect("mkdir");
    let out = cruscotto()
        .args(["build", "--pdf", "--output"])
        .arg(&output)
        .current_dir(repo())
        .env("PATH", &empty)
        .env_remove(cruscotto::print::CHROMIUM_VARIABLE)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    // The default site is Italian: so are its messages.
    assert!(
        stderr.contains("errore[chromium-missing]: --pdf ha bisogno di Chromium"),
        "{stderr}"
    );
    assert!(stderr.contains("apt-get install chromium"), "{stderr}");
    assert!(
        stderr.contains("la cartella di destinazione non è stata toccata"),
        "{stderr}"
    );

    // A Chromium named that is not there.
    let out = cruscotto()
        .args(["build", "--pdf", "--output"])
        .arg(&output)
        .current_dir(repo())
        .env(
            cruscotto::print::CHROMIUM_VARIABLE,
            temp.path().join("nowhere"),
        )
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("CRUSCOTTO_CHROMIUM indica"), "{stderr}");

    assert_eq!(fs::read(output.join("index.html")).expect("index"), before);
    assert!(!output.join("piao.pdf").exists());
}
