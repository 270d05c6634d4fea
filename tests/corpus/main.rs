#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]
//! A corpus of broken and hostile inputs, each a small change to
//! `fixtures/every-shape` after a good build: `cruscotto build` must exit
//! with status 1 (never crash), name the file (and the line, where there is
//! one) and leave the previous output byte for byte as it was.
//!
//! The inputs are made here from the tables of cases, the 50 MB file too:
//! nothing large is kept in the repository.

mod config_cases;
mod edits;
mod objective_cases;
mod site_cases;

#[path = "../common/mod.rs"]
mod common;

use common::{copy_dir, snapshot};

use std::fs;
use std::path::Path;

use assert_cmd::Command;

#[test]
fn every_broken_input_is_refused_with_its_place_and_the_output_kept() {
    let temp = tempfile::tempdir().expect("temp dir");
    let good = temp.path().join("good");
    copy_dir(Path::new("fixtures/every-shape"), &good);
    Command::cargo_bin("cruscotto")
        .expect("binary")
        .args(["build", "--root"])
        .arg(&good)
        .assert()
        .success();
    let before = snapshot(&good.join("output"));
    assert!(before.len() > 20, "the good build wrote its files");

    let mut cases = config_cases::cases();
    cases.extend(objective_cases::cases());
    cases.extend(site_cases::cases());
    assert!(cases.len() >= 60, "{} cases", cases.len());
    let mut failures = Vec::new();
    for (n, case) in cases.iter().enumerate() {
        let site = temp.path().join(format!("case-{n}"));
        copy_dir(&good, &site);
        (case.edit)(&site);
        // In English: the cases quote the English messages.
        let output = Command::cargo_bin("cruscotto")
            .expect("binary")
            .args(["build", "--lang", "en", "--root"])
            .arg(&site)
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&output.stderr);
        let place = match case.line {
            // codespan quotes `path:line:column`.
            Some(line) => format!("{}:{line}:", case.file),
            None => case.file.to_string(),
        };
        let mut problems = Vec::new();
        if output.status.code() != Some(1) {
            problems.push(format!("exit status {:?}, not 1", output.status));
        }
        if !stderr.contains(&place) {
            problems.push(format!("no `{place}` in the message"));
        }
        if !stderr.contains(case.says) {
            problems.push(format!("no `{}` in the message", case.says));
        }
        if snapshot(&site.join("output")) != before {
            problems.push("the previous output changed".to_string());
        }
        if !problems.is_empty() {
            let shown: String = stderr.chars().take(3000).collect();
            failures.push(format!("{}: {}\n{shown}", case.name, problems.join("; ")));
        }
        let _ = fs::remove_dir_all(&site);
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}
