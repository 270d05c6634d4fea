//! `dati/catalogo.jsonld`: the open data as a DCAT-AP_IT catalogue, the
//! profile the national catalogue harvests: a catalogue with one dataset,
//! one distribution per data file (format, addresses, licence, size, media
//! type, SHA-256), the body as publisher and rights holder, the licence.
//!
//! The JSON-LD context is written in the file, so that reading it needs no
//! other address. Everything comes from the config and the files: the same
//! content gives the same bytes.

use serde_json::json;

use super::dictionary::PACKAGE_TABLES;
use super::{CATALOGUE_PATH, DATA_PAGE, JSON_PATH, PACKAGE_PATH, about, licence, sha256_hex, url};
use crate::model::{Date, Plan, Year};
use crate::write::OutputFile;

pub const THEME: &str = "http://publications.europa.eu/resource/authority/data-theme/GOVE";
const THEMES: &str = "http://publications.europa.eu/resource/authority/data-theme";
pub const FREQUENCY: &str = "http://publications.europa.eu/resource/authority/frequency/ANNUAL";
pub const LANGUAGE: &str = "http://publications.europa.eu/resource/authority/language/ITA";
const FILE_TYPES: &str = "http://publications.europa.eu/resource/authority/file-type/";
const MEDIA_TYPES: &str = "http://www.iana.org/assignments/media-types/";

/// The catalogue of `files` (each data file and the data package).
pub(super) fn catalogue(plan: &Plan, files: &[&OutputFile]) -> Result<Vec<u8>, String> {
    let config = &plan.config;
    let about = about(plan);
    let node = |name: &str| format!("{}#{name}", url(plan, CATALOGUE_PATH));
    let text = |value: &str| json!({ "@value": value, "@language": "it" });
    let date = |d: Date| json!({ "@value": d.to_string(), "@type": "xsd:date" });
    let licence = licence::of(config.site.data_license);
    let ente = json!({ "@id": node("ente") });
    let data_page = json!({ "@id": url(plan, DATA_PAGE) });
    let modified = date(config.plan.last_updated);

    let mut distributions = Vec::new();
    let mut distribution_ids = Vec::new();
    for file in files {
        let path = file.path.to_string_lossy();
        let (title, description, format, media) = describe(&path)?;
        let id = node(&format!(
            "distribuzione-{}",
            path.trim_start_matches("dati/").replace('.', "-")
        ));
        distribution_ids.push(json!({ "@id": id }));
        distributions.push(json!({
            "@id": id,
            "@type": ["dcatapit:Distribution", "dcat:Distribution"],
            "dct:title": text(title),
            "dct:description": text(description),
            "dct:format": { "@id": format!("{FILE_TYPES}{format}") },
            "dcat:mediaType": { "@id": format!("{MEDIA_TYPES}{media}") },
            "dcat:accessURL": data_page,
            "dcat:downloadURL": { "@id": url(plan, &path) },
            "dct:license": { "@id": licence.vocabulary },
            "dct:modified": modified,
            "dcat:byteSize": { "@value": file.bytes.len().to_string(), "@type": "xsd:decimal" },
            "spdx:checksum": {
                "@type": "spdx:Checksum",
                "spdx:algorithm": { "@id": "spdx:checksumAlgorithm_sha256" },
                "spdx:checksumValue": { "@value": sha256_hex(&file.bytes), "@type": "xsd:hexBinary" },
            },
        }));
    }

    let (first, last) = years(plan);
    let mut dataset = json!({
        "@id": node("dataset"),
        "@type": ["dcatapit:Dataset", "dcat:Dataset"],
        "dct:identifier": about.identifier,
        "dct:title": text(&about.title),
        "dct:description": text(&about.description),
        "dct:modified": modified,
        "dcat:theme": { "@id": THEME },
        "dct:publisher": ente,
        "dct:rightsHolder": ente,
        "dct:accrualPeriodicity": { "@id": FREQUENCY },
        "dct:language": { "@id": LANGUAGE },
        "dcat:keyword": about.keywords.iter().map(|k| text(k)).collect::<Vec<_>>(),
        "dcat:landingPage": data_page,
        "dct:temporal": { "@id": node("periodo") },
        "dct:license": { "@id": licence.vocabulary },
        "dcat:distribution": distribution_ids,
    });
    if let Some(approval) = &config.plan.approval {
        dataset["dct:issued"] = date(approval.date);
    }
    let mut graph = vec![
        json!({
            "@id": node("catalogo"),
            "@type": ["dcatapit:Catalog", "dcat:Catalog"],
            "dct:title": text(&format!("Dati aperti della sezione Performance - {}", config.ente.name)),
            "dct:description": text(&format!(
                "Il catalogo dei dati aperti sugli obiettivi, gli indicatori e i risultati della sezione Performance del {}, pubblicato dall'ente {}.",
                config.plan.edition, config.ente.name
            )),
            "dct:publisher": ente,
            "dct:modified": modified,
            "dct:language": { "@id": LANGUAGE },
            "foaf:homepage": { "@id": config.site.base_url },
            "dcat:themeTaxonomy": { "@id": THEMES },
            "dct:license": { "@id": licence.vocabulary },
            "dcat:dataset": { "@id": node("dataset") },
        }),
        dataset,
    ];
    graph.extend(distributions);
    graph.push(json!({
        "@id": node("ente"),
        "@type": ["dcatapit:Agent", "foaf:Agent"],
        "dct:identifier": about.owner,
        "foaf:name": text(&config.ente.name),
    }));
    graph.push(json!({
        "@id": licence.vocabulary,
        "@type": ["dcatapit:LicenseDocument", "dct:LicenseDocument"],
        "dct:type": { "@id": licence.kind },
        "foaf:name": text(licence.name),
        "owl:versionInfo": licence.version,
        "rdfs:seeAlso": { "@id": licence.url },
    }));
    graph.push(json!({
        "@id": node("periodo"),
        "@type": ["dcatapit:PeriodOfTime", "dct:PeriodOfTime"],
        "dcatapit:startDate": date(Date { year: first, month: 1, day: 1 }),
        "dcatapit:endDate": date(Date { year: last, month: 12, day: 31 }),
    }));
    let document = json!({
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "dcatapit": "http://dati.gov.it/onto/dcatapit#",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "owl": "http://www.w3.org/2002/07/owl#",
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
            "spdx": "http://spdx.org/rdf/terms#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@graph": graph,
    });
    let mut text = serde_json::to_string_pretty(&document)
        .map_err(|e| format!("cannot write the catalogue: {e}"))?;
    text.push('\n');
    Ok(text.into_bytes())
}

/// Title, description, file type and media type of a data file.
fn describe(
    path: &str,
) -> Result<(&'static str, &'static str, &'static str, &'static str), String> {
    if let Some(table) = PACKAGE_TABLES.iter().find(|t| t.path == path) {
        return Ok((table.title, table.description, "CSV", "text/csv"));
    }
    match path {
        JSON_PATH => Ok((
            "Il piano completo (JSON)",
            "Tutto il piano valutato: obiettivi, indicatori, target, serie storiche, risultati con il loro calcolo, gradi di raggiungimento di obiettivi, ambiti e piano.",
            "JSON",
            "application/json",
        )),
        PACKAGE_PATH => Ok((
            "Dizionario dei dati (Frictionless Data Package)",
            "La descrizione di ogni file e di ogni colonna: titoli e descrizioni, tipi, unità, codici ammessi, chiavi, licenza, dimensioni e impronte SHA-256.",
            "JSON",
            "application/json",
        )),
        _ => Err(format!("the catalogue has no description of {path}")),
    }
}

/// The years the data cover: from the first year of any series, target or
/// objective to the last.
fn years(plan: &Plan) -> (Year, Year) {
    let period = plan.config.plan.period;
    let mut first = period.start;
    let mut last = period.end;
    for objective in &plan.objectives {
        first = first.min(objective.period.start);
        last = last.max(objective.period.end);
        for indicator in &objective.indicators {
            for year in indicator.series.keys().chain(indicator.targets.keys()) {
                first = first.min(*year);
                last = last.max(*year);
            }
        }
    }
    (first, last)
}
