#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]
//! The editor's schemas accept every file of the default site, of the
//! fixtures and of the presets, checked by an independent validator; and
//! they reject what the loader rejects.

use std::fs;
use std::path::{Path, PathBuf};

use cruscotto::diagnostics::{Diagnostics, Sources};
use cruscotto::load::yaml::{self, Node, NodeKind};
use cruscotto::schema::{self, SiteIds};
use serde_json::{Map, Value, json};

/// A YAML tree as JSON, typing plain scalars as YAML's core schema does
/// (what an editor's YAML extension sees).
fn to_json(node: &Node) -> Value {
    match &node.kind {
        NodeKind::Null => Value::Null,
        NodeKind::Scalar { text, quoted: true } => Value::String(text.clone()),
        NodeKind::Scalar {
            text,
            quoted: false,
        } => match text.as_str() {
            "true" | "True" | "TRUE" => Value::Bool(true),
            "false" | "False" | "FALSE" => Value::Bool(false),
            _ => {
                let numeric = !text.is_empty()
                    && text
                        .trim_start_matches(['-', '+'])
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == '.')
                    && text.matches('.').count() <= 1
                    && text
                        .trim_start_matches(['-', '+'])
                        .starts_with(|c: char| c.is_ascii_digit());
                match serde_json::from_str::<serde_json::Number>(text.trim_start_matches('+')) {
                    Ok(number) if numeric => Value::Number(number),
                    _ => Value::String(text.clone()),
                }
            }
        },
        NodeKind::Seq(items) => Value::Array(items.iter().map(to_json).collect()),
        NodeKind::Map(entries) => {
            let mut map = Map::new();
            for (key, value) in entries {
                map.insert(key.as_str().unwrap_or_default().to_string(), to_json(value));
            }
            Value::Object(map)
        }
    }
}

fn parse(text: &str) -> Value {
    let mut sources = Sources::new();
    let id = sources.add("x.yaml", text.to_string());
    let mut diags = Diagnostics::new();
    let node = yaml::parse(text, 0..text.len(), id, &mut diags).expect("yaml");
    to_json(&node)
}

fn files(dir: &Path, ext: &str, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files(&path, ext, found);
        } else if path.extension().is_some_and(|e| e == ext) {
            found.push(path);
        }
    }
}

fn errors(validator: &jsonschema::Validator, value: &Value) -> Vec<String> {
    validator
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// Every site's config and objectives validate against its own schemas.
fn validate_site(root: &Path) {
    let mut sources = Sources::new();
    let mut diags = Diagnostics::new();
    let plan = cruscotto::load::load(root, &mut sources, &mut diags).expect("plan");
    let config = jsonschema::validator_for(&schema::config_schema()).expect("config schema");
    let objective =
        jsonschema::validator_for(&schema::objective_schema(&SiteIds::of(&plan))).expect("schema");

    let text = fs::read_to_string(root.join("cruscotto.yaml")).expect("config");
    let problems = errors(&config, &parse(&text));
    assert!(problems.is_empty(), "{}: {problems:#?}", root.display());

    let mut found = Vec::new();
    files(&root.join("content"), "md", &mut found);
    assert!(!found.is_empty());
    for file in found {
        let text = fs::read_to_string(&file).expect("read");
        let (front, _, _) = cruscotto::load::split_front_matter(&text).expect("front-matter");
        let problems = errors(&objective, &parse(front));
        assert!(problems.is_empty(), "{}: {problems:#?}", file.display());
    }
}

#[test]
fn the_default_site_and_the_fixtures_validate() {
    validate_site(Path::new("."));
    validate_site(Path::new("fixtures/every-shape"));
    validate_site(Path::new("fixtures/editions"));
    validate_site(Path::new("fixtures/editions/edizioni/2023"));
    validate_site(Path::new("src/authoring/presets/camera-di-commercio"));
    validate_site(Path::new("src/authoring/presets/comune"));
}

#[test]
fn the_schemas_are_valid_draft_2020_12() {
    let draft = jsonschema::draft202012::meta::validate;
    draft(&schema::config_schema()).expect("config schema");
    draft(&schema::objective_schema(&SiteIds::default())).expect("objective schema");
}

#[test]
fn the_schemas_reject_what_the_loader_rejects() {
    let site = SiteIds {
        ambiti: vec!["area-a".into()],
        servizi: vec!["ufficio-uno".into()],
        objectives: vec!["strategico".into()],
        parents: vec!["strategico".into()],
        kinds: [
            "strategico-comune",
            "strategico-specifico",
            "ente",
            "operativo",
        ]
        .map(String::from)
        .to_vec(),
    };
    let objective = jsonschema::validator_for(&schema::objective_schema(&site)).expect("schema");
    let good = parse(
        "id: nuovo\nkind: strategico-specifico\nambito: area-a\nperiod: 2023-2025\ntitle: \"T\"\n\
         indicators:\n  - id: x\n    name: \"X\"\n    unit: percent\n    targets: { 2023: \">= 1\" }\n\
         \x20   series: { 2022: { value: \"0,5\", num: 65.991 } }\n",
    );
    assert!(
        errors(&objective, &good).is_empty(),
        "{:#?}",
        errors(&objective, &good)
    );
    for (change, bad) in [
        ("kind", json!("strategico")),
        ("ambito", json!("area-z")),
        ("formula", json!("x")),
        ("period", json!("2023/2025")),
    ] {
        let mut value = good.clone();
        value[change] = bad;
        assert!(!errors(&objective, &value).is_empty(), "{change} accepted");
    }
    let mut wrong_unit = good.clone();
    wrong_unit["indicators"][0]["unit"] = json!("percento");
    assert!(!errors(&objective, &wrong_unit).is_empty());
    let mut wrong_year = good;
    wrong_year["indicators"][0]["targets"] = json!({ "duemila": ">= 1" });
    assert!(!errors(&objective, &wrong_year).is_empty());

    let config = jsonschema::validator_for(&schema::config_schema()).expect("schema");
    let text = fs::read_to_string("fixtures/every-shape/cruscotto.yaml").expect("config");
    let mut value = parse(&text);
    value["site"]["language"] = json!("fr");
    assert!(!errors(&config, &value).is_empty());
}
