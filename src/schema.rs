//! `cruscotto schema`: JSON Schemas (draft 2020-12) of `cruscotto.yaml` and
//! of an objective's front-matter, for editors and scripts.
//!
//! The descriptions are in Italian, for the office that writes the content.
//! The schemas know the site: `ambito`, `parent`, `servizi` and `scope`
//! list the ids the site defines, so that an editor completes them.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::diagnostics::{Diagnostic, io_reason, problem, text};
use crate::model::{DataLicense, Plan, Unit};

/// Where `init` and `schema` put the schemas, under the site's root.
pub const DIR: &str = "schema";
pub const CONFIG_SCHEMA: &str = "cruscotto.schema.json";
pub const OBJECTIVE_SCHEMA: &str = "obiettivo.schema.json";

const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The ids of a site that the schemas offer; empty lists when the site
/// could not be read (then any id is accepted).
#[derive(Debug, Clone, Default)]
pub struct SiteIds {
    pub ambiti: Vec<String>,
    pub servizi: Vec<String>,
    pub objectives: Vec<String>,
    /// The objectives others may name as `parent`.
    pub parents: Vec<String>,
    /// The kinds of objectives the site declares (empty: any id).
    pub kinds: Vec<String>,
}

impl SiteIds {
    pub fn of(plan: &Plan) -> Self {
        SiteIds {
            ambiti: plan.config.ambiti.iter().map(|a| a.id.clone()).collect(),
            servizi: plan.config.servizi.iter().map(|s| s.id.clone()).collect(),
            objectives: plan.objectives.iter().map(|o| o.id.clone()).collect(),
            parents: plan
                .objectives
                .iter()
                .filter(|o| {
                    let kind = &plan.kind(o).id;
                    plan.config
                        .tree
                        .kinds
                        .iter()
                        .any(|k| k.parents.contains(kind))
                })
                .map(|o| o.id.clone())
                .collect(),
            kinds: plan
                .config
                .tree
                .ids()
                .into_iter()
                .map(String::from)
                .collect(),
        }
    }
}

fn text(description: &str) -> Value {
    json!({ "type": "string", "description": description })
}

/// A number as the content writes it: plain YAML (`0.17`, `65991`) or text
/// in the Italian form (`"65.991"`, `"0,17"`, `"15,02%"`).
fn number(description: &str) -> Value {
    json!({ "type": ["number", "string"], "description": description })
}

fn object(description: &str, properties: Value, required: &[&str]) -> Value {
    json!({
        "type": "object",
        "description": description,
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

/// An id of the site when the site has some; else any id.
fn id_of(ids: &[String], description: &str) -> Value {
    let mut schema = json!({ "type": "string", "description": description });
    if ids.is_empty() {
        schema["$ref"] = json!("#/$defs/id");
    } else {
        schema["enum"] = json!(ids);
    }
    schema
}

fn period(description: &str) -> Value {
    json!({
        "description": description,
        "anyOf": [
            { "type": "integer", "minimum": 1900, "maximum": 2999 },
            { "type": "string", "pattern": "^[0-9]{4}( *- *[0-9]{4})?$" }
        ]
    })
}

fn by_year(item: Value, description: &str) -> Value {
    json!({
        "type": "object",
        "description": description,
        "patternProperties": { "^[0-9]{4}$": item },
        "additionalProperties": false,
    })
}

fn common_defs() -> Value {
    json!({
        "id": {
            "type": "string",
            "description": "Un identificativo: lettere minuscole senza accenti, cifre e trattini (es. transizione-digitale).",
            "pattern": "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$"
        },
        "date": {
            "type": "string",
            "description": "Una data: giorno/mese/anno (es. 31/01/2025, anche 31.01.2025 o 31 gennaio 2025); un mese (gennaio 2025) o un semestre (I semestre 2025) valgono il loro ultimo giorno."
        },
        "words": {
            "type": "object",
            "description": "Un nome al singolare (come etichetta) e al plurale (come in una frase).",
            "properties": {
                "singular": { "type": "string", "description": "Al singolare, come etichetta (es. Missione)." },
                "plural": { "type": "string", "description": "Al plurale, come in una frase (es. missioni)." }
            },
            "required": ["singular", "plural"],
            "additionalProperties": false
        }
    })
}

/// The schema of `cruscotto.yaml`.
pub fn config_schema() -> Value {
    let licenses: Vec<&str> = DataLicense::ALL.iter().map(|l| l.code()).collect();
    let link = |d: &str| json!({ "type": "string", "format": "uri", "description": d });
    let rule = json!({
        "type": "string",
        "enum": ["proportional", "binary"],
        "description": "proportional: il grado di raggiungimento in proporzione al target; binary: 1 se raggiunto, altrimenti 0."
    });
    json!({
        "$schema": DRAFT,
        "$id": "https://cruscotto.invalid/schema/cruscotto.schema.json",
        "title": "cruscotto.yaml",
        "description": "Il sito: l'ente, il piano, le regole di misurazione, gli ambiti e i Servizi. Il formato è descritto in docs/content-format.md.",
        "type": "object",
        "required": ["ente", "plan", "site", "ambiti"],
        "additionalProperties": false,
        "$defs": common_defs(),
        "properties": {
            "ente": object("L'ente che pubblica il piano.", json!({
                "name": text("Il nome dell'ente, come nel piano."),
                "short_name": text("Facoltativo: un nome breve per le intestazioni delle pagine."),
                "website": link("Facoltativo: il sito dell'ente."),
                "address": text("Facoltativo: l'indirizzo, mostrato a piè di pagina."),
                "links": object("Facoltativo: i collegamenti a piè di pagina.", json!({
                    "note_legali": link("Le note legali."),
                    "privacy": link("L'informativa sulla privacy."),
                    "accessibilita": link("La dichiarazione di accessibilità."),
                    "amministrazione_trasparente": link("La sezione Amministrazione trasparente: le briciole di pane vi rimandano."),
                }), &[]),
                "ipa_code": {
                    "type": "string",
                    "pattern": "^[A-Za-z0-9_]{2,32}$",
                    "description": "Il codice IPA dell'ente (Indice delle Pubbliche Amministrazioni, es. cciaa_ge): identifica l'ente e i suoi dati nel catalogo dei dati aperti (dati/catalogo.jsonld)."
                },
            }), &["name"]),
            "plan": object("Il piano: titolo, edizione, periodo, anno di riferimento.", json!({
                "title": text("Il titolo del piano."),
                "edition": text("L'edizione (es. PIAO 2025-2027)."),
                "edition_id": {
                    "description": "Facoltativo: il codice dell'edizione (lettere minuscole, cifre e trattini, es. 2025), la cartella edizioni/<codice>/ in cui sarà archiviata quando inizia la successiva (predefinito: l'anno di riferimento).",
                    "anyOf": [
                        { "type": "integer", "minimum": 0 },
                        { "$ref": "#/$defs/id" }
                    ]
                },
                "update": text("Facoltativo: l'aggiornamento (es. Aggiornamento 2025)."),
                "period": period("Gli anni del piano (es. 2025-2027)."),
                "reference_year": { "type": "integer", "description": "L'anno di cui il sito rende conto: i suoi target sono confrontati con i suoi valori." },
                "relazione_year": { "type": "integer", "description": "Facoltativo: l'anno di cui riferisce la Relazione sulla performance (predefinito: l'anno di riferimento)." },
                "last_updated": { "$ref": "#/$defs/date", "description": "La data di ultimo aggiornamento mostrata sulle pagine (giorno/mese/anno)." },
                "approval": object("Facoltativo: l'atto di approvazione.", json!({
                    "act": text("L'atto (es. Delibera di Giunta n. 10)."),
                    "date": { "$ref": "#/$defs/date", "description": "La data dell'atto." },
                }), &["act", "date"]),
                "smvp": object("Facoltativo: il Sistema di misurazione e valutazione della performance.", json!({
                    "title": text("Il titolo del sistema."),
                    "url": link("Dove leggerlo."),
                }), &["title"]),
            }), &["title", "edition", "period", "reference_year", "last_updated"]),
            "site": object("Le impostazioni del sito.", json!({
                "language": { "type": "string", "enum": ["it", "en"], "description": "La lingua delle pagine." },
                "title": text("Facoltativo: il nome del sito, in testa a ogni pagina (predefinito: Performance)."),
                "base_url": link("L'indirizzo a cui il sito sarà pubblicato (per sitemap.xml)."),
                "theme": text("Facoltativo: il tema in themes/<nome>/."),
                "data_license": {
                    "type": "string",
                    "enum": licenses,
                    "description": "Facoltativo: la licenza dei dati aperti (predefinita CC-BY-4.0, Creative Commons Attribuzione 4.0)."
                },
            }), &["base_url"]),
            "scoring": object("Facoltativo: le regole di misurazione del SMVP.", json!({
                "partial_from": number("La percentuale di raggiungimento da cui un target mancato è parzialmente raggiunto (predefinito 70)."),
                "cap": number("Il tetto al grado di raggiungimento nelle aggregazioni (predefinito 100)."),
                "higher_is_better": rule.clone(),
                "lower_is_better": rule,
                "values": { "type": "string", "enum": ["printed", "computed"], "description": "Quale valore si misura quando quello stampato non corrisponde al calcolo sulle misure: lo stampato (predefinito) o il calcolato." },
                "rollup": {
                    "description": "Come si valuta un obiettivo che ne ha altri sotto di sé: own (sui propri indicatori, predefinito), children (sugli obiettivi sottostanti) o una media pesata { own: 40, children: 60 }.",
                    "anyOf": [
                        { "type": "string", "enum": ["own", "children"] },
                        object("Una media pesata dei propri indicatori e degli obiettivi sottostanti.", json!({
                            "own": number("Il peso dei propri indicatori."),
                            "children": number("Il peso degli obiettivi sottostanti."),
                        }), &["own", "children"]),
                    ]
                },
            }), &[]),
            "objectives": object("Facoltativo: i tipi di obiettivo del piano e come si annidano (predefinito: preset camera-di-commercio).", json!({
                "preset": { "type": "string", "enum": crate::load::tree::PRESETS, "description": "Un insieme di tipi già pronto: camera-di-commercio (predefinito), comune (DUP e PEG), amministrazione-centrale." },
                "ambito": { "$ref": "#/$defs/words", "description": "Facoltativo: come si chiama un ambito (es. Missione, missioni)." },
                "kinds": {
                    "type": "array",
                    "description": "I tipi di obiettivo, dal livello 1 (sotto un ambito) in giù; al posto di preset.",
                    "items": object("Un tipo di obiettivo.", json!({
                        "id": { "$ref": "#/$defs/id", "description": "La parola scritta in kind: e nei dati." },
                        "singular": text("Al singolare, come etichetta (es. Obiettivo operativo)."),
                        "plural": text("Al plurale, come in una frase (es. obiettivi operativi)."),
                        "level": { "type": "integer", "minimum": 1, "maximum": crate::load::tree::MAX_LEVEL, "description": "1 per gli obiettivi sotto un ambito, 2 per i loro figli, e così via." },
                        "parents": { "type": "array", "items": { "$ref": "#/$defs/id" }, "description": "Facoltativo: i tipi che possono esserne il parent (predefinito: tutti quelli del livello superiore)." },
                        "servizi": { "type": "string", "enum": ["required", "optional", "none"], "description": "Facoltativo: se gli obiettivi sono assegnati ai Servizi (predefinito: none al livello 1, required sotto)." },
                    }), &["id", "singular", "plural", "level"]),
                },
            }), &[]),
            "ambiti": {
                "type": "array",
                "description": "Gli ambiti del piano, nell'ordine in cui sono mostrati.",
                "items": object("Un ambito.", json!({
                    "id": { "$ref": "#/$defs/id" },
                    "title": text("Il titolo dell'ambito."),
                    "description": text("Facoltativo: una descrizione."),
                }), &["id", "title"]),
            },
            "servizi": {
                "type": "array",
                "description": "I Servizi (uffici, Settori) responsabili degli obiettivi.",
                "items": object("Un Servizio.", json!({
                    "id": { "$ref": "#/$defs/id" },
                    "name": text("Il nome del Servizio."),
                }), &["id", "name"]),
            },
        },
    })
}

/// The schema of an objective's front-matter, with the ids of `site`.
pub fn objective_schema(site: &SiteIds) -> Value {
    let units: Vec<&str> = Unit::ALL.iter().map(|u| u.code()).collect();
    let target_text = json!({
        "type": ["string", "number"],
        "description": "Un target: \">= 0,21%\", \"<= 30 gg\", \"zero\", \"entro il 31/12\", \"+10%\", \"entro giugno 2025\", \"+2 p.p.\", \"+5% rispetto al 2020\", \"> media triennio precedente\", \"da definire\", \"n.d.\"..."
    });
    let target = json!({
        "anyOf": [
            target_text,
            object("Un target rivisto: l'originale, quello in vigore e il motivo.", json!({
                "target": target_text,
                "revised": target_text,
                "reason": text("Facoltativo: perché è stato rivisto."),
                "neutralised": text("Facoltativo: il target è neutralizzato (non valutabile secondo il SMVP), con il motivo."),
                "change": { "type": "string", "enum": ["points", "relative"], "description": "Facoltativo: come si intende una variazione scritta con % su un indicatore percentuale: in punti percentuali (points) o in % del valore di partenza (relative)." },
            }), &["target"])
        ]
    });
    let printed = json!({
        "type": ["number", "string", "null"],
        "description": "Il valore come stampato (un numero; per gli indicatori con unit: date la data di completamento o non realizzato), ND se non disponibile."
    });
    let series_entry = json!({
        "anyOf": [
            printed,
            {
                "type": "object",
                "description": "Il valore stampato e/o le misure (le chiavi di measures), con note e benchmark.",
                "properties": {
                    "value": printed,
                    "text": text("Le parole stampate al posto di un valore (es. manifestazioni annullate): il valore non è disponibile."),
                    "remark": text("Facoltativo: un testo stampato accanto al valore."),
                    "cluster_mean": number("Facoltativo: la media del cluster per quell'anno."),
                    "national_mean": number("Facoltativo: il dato medio nazionale per quell'anno."),
                    "as_of": { "$ref": "#/$defs/date", "description": "Facoltativo: la data di un valore di monitoraggio (vuoto: valore definitivo)." },
                    "cause": text("Facoltativo: la causa dello scostamento dal target."),
                    "action": text("Facoltativo: l'azione correttiva."),
                },
                "additionalProperties": { "type": ["number", "string", "null"], "description": "Una misura, per nome." }
            }
        ]
    });
    let series = by_year(
        series_entry,
        "I valori per anno, come stampati nella fonte.",
    );
    let responsible = object(
        "Un responsabile.",
        json!({
            "name": text("Il nome (es. Maria Rossi)."),
            "role": text("Il ruolo (es. Dirigente del Settore Finanze)."),
        }),
        &[],
    );
    let mut servizi = id_of(&site.servizi, "Un Servizio di cruscotto.yaml.");
    if let Some(ids) = servizi.get_mut("enum").and_then(Value::as_array_mut) {
        ids.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
    }
    let indicator = object(
        "Un indicatore.",
        json!({
            "id": { "$ref": "#/$defs/id", "description": "Unico in tutto il sito." },
            "name": text("Il nome dell'indicatore, come nel piano."),
            "common": { "type": "boolean", "description": "Facoltativo: indicatore comune (OC)." },
            "new": { "type": "boolean", "description": "Facoltativo: nuovo in questa edizione del piano." },
            "remark": text("Facoltativo: un testo stampato con il nome."),
            "algorithm": text("Come si calcola, in parole, come nel piano."),
            "formula": text("Facoltativo: il calcolo sulle misure, es. num / den * 100."),
            "unit": { "type": "string", "enum": units, "description": "L'unità di misura." },
            "decimals": { "type": "integer", "minimum": 0, "maximum": 10, "description": "Facoltativo: i decimali mostrati (predefinito 2)." },
            "weight": number("Facoltativo: il peso nell'aggregazione dell'obiettivo (predefinito 1)."),
            "measures": {
                "type": "object",
                "description": "Le misure usate dalla formula, per nome.",
                "additionalProperties": object("Una misura.", json!({
                    "label": text("Che cosa misura."),
                    "source": text("Facoltativo: la fonte."),
                }), &["label"]),
            },
            "note": text("Facoltativo: l'etichetta della nota, come stampata (es. Nota 1)."),
            "note_remark": text("Facoltativo: il testo stampato dopo l'etichetta."),
            "source": text("Facoltativo: la fonte, come stampata."),
            "targets": by_year(target.clone(), "I target per anno."),
            "target": target,
            "series": series.clone(),
            "scope": {
                "type": "array",
                "description": "Facoltativo: gli obiettivi contati da count_above() e count_assessed().",
                "items": id_of(&site.objectives, "Un obiettivo del sito."),
            },
            "baseline": number("Facoltativo: il valore di partenza per un target minore o uguale a zero."),
        }),
        &["id", "name", "unit"],
    );
    json!({
        "$schema": DRAFT,
        "$id": "https://cruscotto.invalid/schema/obiettivo.schema.json",
        "title": "Obiettivo",
        "description": "Il front-matter di un file di obiettivo in content/. Il formato è descritto in docs/content-format.md.",
        "type": "object",
        "required": ["id", "kind", "title"],
        "additionalProperties": false,
        "$defs": common_defs(),
        "properties": {
            "id": { "$ref": "#/$defs/id", "description": "Identificativo stabile: diventa l'indirizzo della pagina." },
            "kind": kind_schema(&site.kinds),
            "ambito": id_of(&site.ambiti, "L'ambito (solo per gli obiettivi di livello 1: gli altri prendono quello del loro ramo)."),
            "period": period("Gli anni dell'obiettivo, o un solo anno."),
            "title": text("Il titolo dell'obiettivo."),
            "new": { "type": "boolean", "description": "Facoltativo: nuovo in questa edizione del piano." },
            "remark": text("Facoltativo: un testo stampato con l'obiettivo."),
            "weight": number("Facoltativo: il peso nell'aggregazione (predefinito 1)."),
            "parent": id_of(&site.parents, "L'obiettivo del livello superiore a cui questo contribuisce."),
            "servizi": {
                "description": "I Servizi responsabili: una lista di id, o all per tutti.",
                "anyOf": [
                    { "type": "array", "items": servizi },
                    { "type": "string", "const": "all" },
                    servizi_single(&site.servizi),
                ]
            },
            "owners": text("Facoltativo: i responsabili come stampati."),
            "responsible": {
                "description": "Facoltativo: chi risponde dell'obiettivo (dirigente, responsabile): un nome o un ruolo, { name, role }, o una lista.",
                "anyOf": [
                    { "type": "string" },
                    responsible.clone(),
                    { "type": "array", "items": { "anyOf": [{ "type": "string" }, responsible] } },
                ]
            },
            "indicators": { "type": "array", "description": "Gli indicatori, nell'ordine in cui sono mostrati.", "items": indicator },
            "notes": {
                "type": "array",
                "description": "Facoltativo: note della fonte non legate a un indicatore.",
                "items": object("Una nota.", json!({
                    "label": text("Facoltativo: l'etichetta (es. Nota 29)."),
                    "source": text("Facoltativo: la fonte."),
                    "series": series,
                }), &[]),
            },
        },
    })
}

/// The kinds the site declares; without a site, any id.
fn kind_schema(kinds: &[String]) -> Value {
    id_of(
        kinds,
        "Il tipo di obiettivo, fra quelli dichiarati in cruscotto.yaml (objectives).",
    )
}

fn servizi_single(ids: &[String]) -> Value {
    id_of(ids, "Un solo Servizio.")
}

/// Both schemas, as pretty JSON with a final newline.
pub fn render(site: &SiteIds) -> [(&'static str, String); 2] {
    let pretty = |value: &Value| {
        let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
        text.push('\n');
        text
    };
    [
        (CONFIG_SCHEMA, pretty(&config_schema())),
        (OBJECTIVE_SCHEMA, pretty(&objective_schema(site))),
    ]
}

/// Writes both schemas for the site under `root` into `dir`; returns the
/// files written, relative to `root` when `dir` is under it.
pub fn write(root: &Path, dir: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    // The ids of the site as far as it can be read: a site with mistakes
    // still gets the ids it has.
    let mut sources = crate::diagnostics::Sources::new();
    let mut diagnostics = crate::diagnostics::Diagnostics::new();
    let site = crate::load::load(root, &mut sources, &mut diagnostics)
        .map(|plan| SiteIds::of(&plan))
        .unwrap_or_default();
    write_ids(&site, root, dir)
}

fn write_ids(site: &SiteIds, root: &Path, dir: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let io = |path: &Path, e: std::io::Error| {
        problem::write_failed(text::doing_write_file(), io_reason(&e)).in_file(path)
    };
    fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
    let mut written = Vec::new();
    for (name, text) in render(site) {
        let path = dir.join(name);
        fs::write(&path, text).map_err(|e| io(&path, e))?;
        written.push(
            path.strip_prefix(root)
                .map_or(path.clone(), Path::to_path_buf),
        );
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_site_ids_become_enums() {
        let site = SiteIds {
            ambiti: vec!["area-a".into()],
            servizi: vec!["ufficio".into()],
            objectives: vec!["a".into(), "b".into()],
            parents: vec!["a".into()],
            kinds: vec!["strategico".into(), "operativo".into()],
        };
        let schema = objective_schema(&site);
        assert_eq!(schema["properties"]["ambito"]["enum"], json!(["area-a"]));
        assert_eq!(schema["properties"]["parent"]["enum"], json!(["a"]));
        let kinds = &schema["properties"]["kind"]["enum"];
        assert_eq!(kinds, &json!(["strategico", "operativo"]));
    }

    #[test]
    fn without_a_site_any_id_is_accepted() {
        let schema = objective_schema(&SiteIds::default());
        assert_eq!(schema["properties"]["ambito"]["$ref"], json!("#/$defs/id"));
        assert!(schema["properties"]["ambito"].get("enum").is_none());
    }
}
