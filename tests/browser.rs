#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]
//! The built sites, as a browser and a validator see them.
//!
//! Builds the default site, `fixtures/every-shape`, `fixtures/results`,
//! `fixtures/comune` (a Comune's tree, three levels deep) and
//! `fixtures/editions` (two editions of a plan), then runs
//! `tests/browser/check-site.mjs` on each: axe-core accessibility checks in
//! headless Chromium, third-party requests, console and page errors, pages
//! with JavaScript disabled, every page at 320 and 375 px wide (no sideways
//! scrolling, nothing overflowing its box), pa11y on a page of each kind,
//! internal links and fragments, and the Nu Html Checker; then `interactions.mjs` drives the indicators table and the
//! search with and without JavaScript. Needs Node.js with npm, Debian's Chromium at /usr/bin/chromium and
//! a Java runtime; `.ci/run` installs them.

mod common;

use common::copy_dir;

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn harness_dir() -> PathBuf {
    repo().join("tests").join("browser")
}

const CHROMIUM: &str = "/usr/bin/chromium";

/// `what` runs, or the test fails saying what to install.
fn require_tool(program: &str, args: &[&str], install: &str) {
    match Command::new(program).args(args).output() {
        Ok(_) => {}
        Err(err) => panic!(
            "`{program}` could not be run ({err}). The browser checks need {install}; \
             .ci/run installs it on a fresh machine."
        ),
    }
}

fn require_tools() {
    require_tool(
        "node",
        &["--version"],
        "Node.js 20 or later with npm (Debian: apt-get install nodejs npm)",
    );
    assert!(
        Path::new(CHROMIUM).exists(),
        "{CHROMIUM} is missing. The browser checks need Debian's Chromium \
         (apt-get install chromium); .ci/run installs it on a fresh machine."
    );
    require_tool(
        "java",
        &["-version"],
        "a Java 17 runtime for the Nu Html Checker (apt-get install openjdk-17-jre-headless)",
    );
}

/// Installs the harness's npm packages from its lock file when they are missing
/// (`--ignore-scripts`: vnu-jar's postinstall would try to download a JDK).
fn ensure_npm_deps() {
    let dir = harness_dir();
    let installed = ["playwright-core", "axe-core", "vnu-jar", "pa11y"]
        .iter()
        .all(|package| dir.join("node_modules").join(package).is_dir());
    if installed {
        return;
    }
    let status = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund", "--ignore-scripts"])
        .current_dir(&dir)
        .status()
        .unwrap_or_else(|err| {
            panic!(
                "npm could not be run ({err}): the browser checks need Node.js 20 or later \
                 with npm (Debian: apt-get install nodejs npm) to install {}",
                dir.join("package.json").display()
            )
        });
    assert!(
        status.success(),
        "`npm ci` failed in {} ({status})",
        dir.display()
    );
}

/// `cruscotto build --root <root> --output <output> [extra]`.
fn build(root: &Path, output: &Path, extra: &[&str]) {
    let out = assert_cmd::Command::cargo_bin("cruscotto")
        .expect("binary")
        .arg("build")
        .arg("--root")
        .arg(root)
        .arg("--output")
        .arg(output)
        .args(extra)
        .output()
        .expect("run cruscotto build");
    assert!(
        out.status.success(),
        "cruscotto build --root {} failed ({}):\n{}{}",
        root.display(),
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The largest objective page of a built site (the most to look at), if it has any.
fn objective_page(site: &Path) -> Option<String> {
    std::fs::read_dir(site.join("obiettivi"))
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let page = entry.path().join("index.html");
            let size = std::fs::metadata(&page).ok()?.len();
            let id = entry.file_name().to_string_lossy().into_owned();
            Some((size, id))
        })
        // The largest, then the first id in order among equals.
        .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.cmp(&a.1)))
        .map(|(_, id)| format!("obiettivi/{id}/index.html"))
}

/// Runs the harness on a site and prints its report; `Err` names the failure.
fn check_site(site: &Path, extra: &[String]) -> Result<(), String> {
    let script = harness_dir().join("check-site.mjs");
    let out = Command::new("node")
        .arg(&script)
        .arg(site)
        .args(extra)
        .current_dir(harness_dir())
        .output()
        .expect("run node tests/browser/check-site.mjs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    print!("{stdout}");
    eprint!("{stderr}");
    let summary = stdout
        .lines()
        .rev()
        .find(|line| line.starts_with("browser checks:"))
        .unwrap_or("(no summary line)");
    if out.status.success() {
        Ok(())
    } else {
        Err(format!("{} ({}): {summary}", site.display(), out.status))
    }
}

/// Sorting, filtering and search with JavaScript, and complete pages without.
fn interactions(site: &Path) -> Result<(), String> {
    let out = Command::new("node")
        .arg(harness_dir().join("interactions.mjs"))
        .arg(site)
        .current_dir(harness_dir())
        .output()
        .expect("run node tests/browser/interactions.mjs");
    print!("{}", String::from_utf8_lossy(&out.stdout));
    eprint!("{}", String::from_utf8_lossy(&out.stderr));
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{} ({}): interactions failed",
            site.display(),
            out.status
        ))
    }
}

#[test]
fn built_sites_pass_the_browser_checks() {
    require_tools();
    ensure_npm_deps();

    let temp = tempfile::tempdir().expect("temp dir");
    let site = temp.path().join("site");
    let fixture = temp.path().join("fixture");
    // With the PDF, so that the links to it are checked too.
    build(&repo(), &site, &["--pdf"]);
    build(&repo().join("fixtures").join("every-shape"), &fixture, &[]);
    let results = temp.path().join("results");
    build(&repo().join("fixtures").join("results"), &results, &[]);
    let comune = temp.path().join("comune");
    build(&repo().join("fixtures").join("comune"), &comune, &[]);
    // Two editions: the archive, the changes, the earlier edition's pages
    // with their banner.
    let editions = temp.path().join("editions");
    build(&repo().join("fixtures").join("editions"), &editions, &[]);

    let mut pages = Vec::new();
    for page in [
        "index.html",
        "indicatori/index.html",
        "piao/index.html",
        "relazione/index.html",
    ] {
        if site.join(page).is_file() {
            pages.push(page.to_string());
        }
    }
    pages.extend(objective_page(&site));
    let mut args = Vec::new();
    if !pages.is_empty() {
        let screenshots = harness_dir().join("screenshots");
        args = vec![
            "--screenshots".to_string(),
            screenshots.to_string_lossy().into_owned(),
            "--pages".to_string(),
            pages.join(","),
        ];
    }
    // Both sites are checked before failing, so one run shows every problem.
    let failures: Vec<String> = [
        check_site(&site, &args),
        check_site(&fixture, &[]),
        check_site(&results, &[]),
        check_site(&comune, &[]),
        check_site(&editions, &[]),
        interactions(&fixture),
    ]
    .into_iter()
    .filter_map(Result::err)
    .collect();
    assert!(
        failures.is_empty(),
        "browser checks failed (the reports are above; the sites are kept only while \
         the test runs: rebuild with `cruscotto build --output DIR` and rerun \
         `node tests/browser/check-site.mjs DIR`):\n{}",
        failures.join("\n")
    );
}

/// The pages' Content-Security-Policy is enforced in the checks: a page
/// that breaks it (an inline style and an inline script) fails, naming it.
#[test]
fn a_page_that_breaks_the_content_security_policy_fails_the_checks() {
    require_tools();
    ensure_npm_deps();

    let temp = tempfile::tempdir().expect("temp dir");
    let built = temp.path().join("built");
    build(&repo().join("fixtures").join("every-shape"), &built, &[]);
    // One page with its assets is enough.
    let site = temp.path().join("site");
    let page = std::fs::read_to_string(built.join("metodologia/index.html")).expect("page");
    let broken = page.replacen(
        "</h1>",
        "</h1><p style=\"color: #333\">stile in linea</p><script>document.title = 'x';</script>",
        1,
    );
    assert_ne!(broken, page, "the page has an <h1>");
    std::fs::create_dir_all(site.join("metodologia")).expect("mkdir");
    std::fs::write(site.join("metodologia/index.html"), broken).expect("write");
    copy_dir(&built.join("assets"), &site.join("assets"));

    let script = harness_dir().join("check-site.mjs");
    let out = Command::new("node")
        .arg(&script)
        .arg(&site)
        .current_dir(harness_dir())
        .output()
        .expect("run node tests/browser/check-site.mjs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{stdout}");
    assert!(
        stdout.contains("Content-Security-Policy violation: style-src-attr"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Content-Security-Policy violation: script-src-elem"),
        "{stdout}"
    );
}
