#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]
//! Every kind of mistake in one run, each with file, line and a fix: the
//! rendered report is a snapshot in each language, reviewed like code; and
//! the reference of every code (docs/diagnostics.md) is up to date.

use std::path::Path;

use cruscotto::diagnostics::Lang;

#[test]
fn every_mistake_is_reported_in_one_run() {
    let checked = cruscotto::check(Path::new("fixtures/broken"));
    assert!(checked.evaluated.is_none());
    assert_eq!(
        checked.diagnostics.errors(),
        24,
        "{}",
        checked.diagnostics.render_short(&checked.sources, Lang::En)
    );
    for diagnostic in checked.diagnostics.iter() {
        assert!(
            diagnostic.span.is_some(),
            "no place for: {}",
            diagnostic.code()
        );
        assert!(diagnostic.has_help(), "no fix for: {}", diagnostic.code());
    }
    insta::assert_snapshot!(checked.diagnostics.render(&checked.sources, Lang::En));
    insta::assert_snapshot!(
        "every_mistake_in_italian",
        checked.diagnostics.render(&checked.sources, Lang::It)
    );
    // For scripts: the same problems, one JSON object each, codes included.
    insta::assert_snapshot!(
        "every_mistake_as_json",
        checked.diagnostics.render_json(&checked.sources, Lang::It)
    );
}

/// docs/diagnostics.md is generated from the catalogue; this test fails
/// when it is out of date and, with `CRUSCOTTO_BLESS=1`, writes it again.
#[test]
fn the_reference_of_the_codes_is_up_to_date() {
    let expected = cruscotto::diagnostics::reference::markdown();
    let path = Path::new(cruscotto::diagnostics::reference::PATH);
    if std::env::var_os("CRUSCOTTO_BLESS").is_some() {
        std::fs::write(path, &expected).expect("write the reference");
    }
    let found = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        found == expected,
        "{} is out of date: run `CRUSCOTTO_BLESS=1 cargo test --test diagnostics` and commit it",
        path.display()
    );
    // Every code is in it, with both languages.
    for stage in cruscotto::diagnostics::codes::STAGES {
        for code in stage.codes {
            let heading = format!("### `{}`\n", code.id);
            let at = found
                .find(&heading)
                .unwrap_or_else(|| panic!("no {heading}"));
            let entry = &found[at..];
            let entry = &entry[..entry[4..].find("### ").map_or(entry.len(), |e| e + 4)];
            assert!(entry.contains("- **Italiano.** "), "{entry}");
            assert!(entry.contains("- **English.** "), "{entry}");
            assert!(entry.contains("*Cosa scrivere:*"), "{entry}");
        }
    }
}

#[test]
fn a_site_without_config_says_where_to_run() {
    let dir = tempfile::tempdir().expect("temp dir");
    let checked = cruscotto::check(dir.path());
    let text = checked
        .diagnostics
        .render(&checked.sources, cruscotto::diagnostics::Lang::En);
    assert!(text.contains("cruscotto.yaml"), "{text}");
    assert!(text.contains("--root"), "{text}");
}

#[test]
fn division_by_zero_names_the_year_and_the_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("cruscotto.yaml"),
        "ente: { name: E }\nplan: { title: P, edition: E, period: 2023-2025, reference_year: 2023, last_updated: 1/1/2023 }\nsite: { base_url: https://ente.example.org/ }\nambiti: [{ id: a, title: A }]\n",
    )
    .expect("write");
    std::fs::create_dir(dir.path().join("content")).expect("mkdir");
    std::fs::write(
        dir.path().join("content/o.md"),
        "---\nid: o\nkind: ente\nambito: a\nperiod: 2023\ntitle: O\nindicators:\n  - id: r\n    name: R\n    unit: ratio\n    formula: a / b\n    measures: { a: {}, b: {} }\n    series:\n      2022: { a: 3, b: 0 }\n---\n",
    )
    .expect("write");
    let checked = cruscotto::check(dir.path());
    let text = checked
        .diagnostics
        .render_short(&checked.sources, cruscotto::diagnostics::Lang::En);
    assert!(
        text.contains(
            "error: content/o.md:14: in 2022 the formula of `r` divides by zero: `b` is 0"
        ),
        "{text}"
    );
    assert!(checked.evaluated.is_none());
}
