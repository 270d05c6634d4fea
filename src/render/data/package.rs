//! `dati/datapackage.json`: a Frictionless Data Package describing the data
//! files: a Table Schema per CSV (the dictionary: names, Italian titles and
//! descriptions, types, units, allowed codes, primary and foreign keys),
//! the licence, and each file's size and SHA-256, so that a validator can
//! check the files against it.

use serde_json::{Value, json};

use super::dictionary::{Field, PACKAGE_TABLES, Table, Type};
use super::{DATA_PAGE, DOCUMENT_PAGE, JSON_PATH, about, licence, sha256_hex, url};
use crate::model::Plan;
use crate::write::OutputFile;

/// The package of `files` (the CSVs of the dictionary and `piao.json`).
pub(super) fn datapackage(plan: &Plan, files: &[OutputFile]) -> Result<Vec<u8>, String> {
    let about = about(plan);
    let licences = json!([licence::json(plan.config.site.data_license)]);
    let mut resources = Vec::new();
    for file in files {
        let path = file.path.to_string_lossy();
        let stats = |mut resource: Value| {
            resource["encoding"] = json!("utf-8");
            resource["bytes"] = json!(file.bytes.len());
            resource["hash"] = json!(format!("sha256:{}", sha256_hex(&file.bytes)));
            resource["licenses"] = licences.clone();
            resource
        };
        if let Some(table) = PACKAGE_TABLES.iter().find(|t| t.path == path) {
            let mut resource = stats(json!({
                "name": table.name,
                "path": table.file(),
                "profile": "tabular-data-resource",
                "title": table.title,
                "description": table.description,
                "format": "csv",
                "mediatype": "text/csv",
            }));
            resource["schema"] = schema(plan, table);
            resources.push(resource);
        } else if path == JSON_PATH {
            resources.push(stats(json!({
                "name": "piao",
                "path": "piao.json",
                "profile": "data-resource",
                "title": "Il piano completo",
                "description": "Tutto il piano valutato, in JSON: l'ente, il piano, le regole di misurazione, gli ambiti, i Servizi, gli obiettivi con i loro indicatori, target, serie storiche, risultati con il loro calcolo e gradi di raggiungimento di obiettivi, ambiti e piano.",
                "format": "json",
                "mediatype": "application/json",
            })));
        } else {
            return Err(format!("the data package has no description of {path}"));
        }
    }
    let config = &plan.config;
    let mut publisher = json!({ "title": config.ente.name, "role": "publisher" });
    if let Some(website) = &config.ente.website {
        publisher["path"] = json!(website);
    }
    let package = json!({
        "profile": "data-package",
        "name": about.name,
        "id": about.identifier,
        "title": about.title,
        "description": about.description,
        "homepage": url(plan, DATA_PAGE),
        "keywords": about.keywords,
        "licenses": licences,
        "contributors": [publisher],
        "sources": [{
            "title": format!("{}, {}", config.plan.title, config.plan.edition),
            "path": url(plan, DOCUMENT_PAGE),
        }],
        "resources": resources,
    });
    let mut text = serde_json::to_string_pretty(&package)
        .map_err(|e| format!("cannot write the data package: {e}"))?;
    text.push('\n');
    Ok(text.into_bytes())
}

/// The Table Schema of a CSV.
fn schema(plan: &Plan, table: &Table) -> Value {
    let fields: Vec<Value> = table.fields.iter().map(|f| field(plan, f)).collect();
    let foreign_keys: Vec<Value> = table
        .foreign_keys
        .iter()
        .map(|fk| {
            json!({
                "fields": fk.fields,
                "reference": { "resource": fk.table, "fields": fk.reference },
            })
        })
        .collect();
    let mut schema = json!({
        "fields": fields,
        "missingValues": [""],
        "foreignKeys": foreign_keys,
    });
    if !table.primary_key.is_empty() {
        schema["primaryKey"] = json!(table.primary_key);
    }
    schema
}

fn field(plan: &Plan, field: &Field) -> Value {
    let codes = field.codes.map(|c| c.list(plan)).unwrap_or_default();
    let mut description = field.description.to_string();
    if !codes.is_empty() {
        let meanings: Vec<String> = codes
            .iter()
            .map(|c| format!("{} = {}", c.code, c.meaning))
            .collect();
        description.push_str(&format!(" Valori: {}.", meanings.join("; ")));
    }
    let mut value = json!({
        "name": field.name,
        "type": field.kind.code(),
        "title": field.title,
        "description": description,
    });
    if field.kind == Type::Boolean {
        value["trueValues"] = json!(["true"]);
        value["falseValues"] = json!(["false"]);
    }
    if let Some(unit) = field.unit {
        value["unit"] = json!(unit);
    }
    let mut constraints = serde_json::Map::new();
    if field.required {
        constraints.insert("required".into(), json!(true));
    }
    if !codes.is_empty() {
        let list: Vec<&str> = codes.iter().map(|c| c.code.as_str()).collect();
        constraints.insert("enum".into(), json!(list));
    }
    if !constraints.is_empty() {
        value["constraints"] = Value::Object(constraints);
    }
    value
}
