//! The reference of every code (`docs/diagnostics.md`), generated from the
//! catalogue, and what the catalogue's tests need to read it: the
//! placeholders and the sentences of each message as templates.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use fluent_bundle::FluentResource;
use fluent_syntax::ast;

use super::Lang;
use super::catalogue::resource;
use super::codes::STAGES;

/// Where the reference is, in the repository.
pub const PATH: &str = "docs/diagnostics.md";

/// One message of a catalogue: its sentence and attributes as patterns.
#[derive(Debug)]
pub struct Entry<'r> {
    pub value: Option<&'r ast::Pattern<&'r str>>,
    pub attributes: BTreeMap<&'r str, &'r ast::Pattern<&'r str>>,
}

/// The messages (not the terms) of a parsed catalogue, by id.
pub fn entries(resource: &FluentResource) -> BTreeMap<&str, Entry<'_>> {
    resource
        .entries()
        .filter_map(|entry| match entry {
            ast::Entry::Message(message) => Some((
                message.id.name,
                Entry {
                    value: message.value.as_ref(),
                    attributes: message
                        .attributes
                        .iter()
                        .map(|a| (a.id.name, &a.value))
                        .collect(),
                },
            )),
            _ => None,
        })
        .collect()
}

/// The names of the values a pattern puts in (following the messages it
/// quotes, which see the same values).
pub fn placeholders(resource: &FluentResource, pattern: &ast::Pattern<&str>) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut seen = BTreeSet::new();
    collect_pattern(resource, pattern, &mut names, &mut seen);
    names
}

fn collect_pattern<'r>(
    resource: &'r FluentResource,
    pattern: &ast::Pattern<&'r str>,
    names: &mut BTreeSet<String>,
    seen: &mut BTreeSet<&'r str>,
) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            collect_expression(resource, expression, names, seen);
        }
    }
}

fn collect_expression<'r>(
    resource: &'r FluentResource,
    expression: &ast::Expression<&'r str>,
    names: &mut BTreeSet<String>,
    seen: &mut BTreeSet<&'r str>,
) {
    match expression {
        ast::Expression::Inline(inline) => collect_inline(resource, inline, names, seen),
        ast::Expression::Select { selector, variants } => {
            collect_inline(resource, selector, names, seen);
            for variant in variants {
                collect_pattern(resource, &variant.value, names, seen);
            }
        }
    }
}

fn collect_inline<'r>(
    resource: &'r FluentResource,
    inline: &ast::InlineExpression<&'r str>,
    names: &mut BTreeSet<String>,
    seen: &mut BTreeSet<&'r str>,
) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            names.insert(id.name.to_string());
        }
        ast::InlineExpression::MessageReference { id, attribute } => {
            if !seen.insert(id.name) {
                return;
            }
            let all = entries(resource);
            if let Some(entry) = all.get(id.name) {
                let pattern = match attribute {
                    Some(a) => entry.attributes.get(a.name).copied(),
                    None => entry.value,
                };
                if let Some(pattern) = pattern {
                    collect_pattern(resource, pattern, names, seen);
                }
            }
        }
        ast::InlineExpression::Placeable { expression } => {
            collect_expression(resource, expression, names, seen);
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                collect_inline(resource, argument, names, seen);
            }
        }
        // A term has values of its own; literals have none.
        ast::InlineExpression::TermReference { .. }
        | ast::InlineExpression::StringLiteral { .. }
        | ast::InlineExpression::NumberLiteral { .. } => {}
    }
}

/// A pattern as a template for the reference: values as `‹name›`, quoted
/// messages and terms written out, a choice as its default.
pub fn template(resource: &FluentResource, pattern: &ast::Pattern<&str>, lang: Lang) -> String {
    let mut out = String::new();
    write_pattern(resource, pattern, &mut out, 0, lang);
    out
}

/// A value's name as the reference shows it to a reader of `lang`.
fn value_name(name: &str, lang: Lang) -> &str {
    if lang == Lang::En {
        return name;
    }
    match name {
        "above" => "livello sopra",
        "address" => "indirizzo",
        "ambiti" => "ambiti",
        "ambito" | "parent_ambito" => "ambito",
        "base" => "anno di partenza",
        "before" => "prima",
        "after" => "dopo",
        "byte" => "byte",
        "change" => "variazione",
        "character" => "carattere",
        "choice" => "scelta",
        "circle" => "cerchio",
        "code" => "codice",
        "column" => "colonna",
        "columns" => "colonne",
        "computed" => "valore calcolato",
        "config" => "file di configurazione",
        "content" => "nei contenuti",
        "context" => "contesto",
        "count" => "numero",
        "current_year" => "anno attuale",
        "declared" => "dichiarato",
        "deeper" => "tipi più in basso",
        "detail" => "dettaglio",
        "digit" => "cifra",
        "divisor" => "divisore",
        "doing" => "operazione",
        "example" => "esempio",
        "extension" => "estensione",
        "file" => "file",
        "first" => "primo",
        "folder" => "cartella",
        "formula" => "formula",
        "found" => "trovato",
        "function" => "funzione",
        "functions" => "funzioni",
        "id" => "id",
        "ids" => "id possibili",
        "image" => "immagine",
        "indicator" => "indicatore",
        "key" => "chiave",
        "keys" => "chiavi",
        "kind" | "kind_id" | "parent_kind" => "tipo",
        "kinds" => "tipi",
        "label" => "etichetta",
        "language" => "lingua",
        "languages" => "lingue",
        "last" => "ultimo",
        "length" => "lunghezza",
        "level" | "parent_level" => "livello",
        "licence" => "licenza",
        "licences" => "licenze",
        "link" => "collegamento",
        "max" => "massimo",
        "measure" => "misura",
        "measures" => "misure",
        "name" => "nome",
        "number" => "numero",
        "objective" => "obiettivo",
        "option" => "opzione",
        "optional" => "facoltative",
        "others" => "altri",
        "page" => "pagina",
        "parent" => "genitore",
        "parents" => "genitori",
        "path" => "percorso",
        "period" => "periodo",
        "plan_period" => "periodo del piano",
        "place" => "posto",
        "points" => "punti",
        "preset" => "insieme predefinito",
        "presets" => "insiemi predefiniti",
        "previous" => "edizione precedente",
        "printed" => "valore stampato",
        "program" => "programma",
        "reason" => "motivo",
        "remark" => "nota",
        "rest" => "resto",
        "rule" => "regola",
        "scheme" => "schema",
        "second" => "secondo",
        "seconds" => "secondi",
        "servizi" => "Servizi",
        "sheet" => "nel foglio",
        "size" => "dimensione",
        "status" => "esito",
        "target" => "target",
        "template" => "modello",
        "text" => "testo",
        "unit" => "unità",
        "units" => "unità possibili",
        "url" => "indirizzo",
        "value" => "valore",
        "variable" => "variabile",
        "what" => "che cosa",
        "written" => "scritto",
        "year" => "anno",
        "years" => "anni",
        other => other,
    }
}

fn write_pattern(
    resource: &FluentResource,
    pattern: &ast::Pattern<&str>,
    out: &mut String,
    depth: usize,
    lang: Lang,
) {
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => out.push_str(value),
            ast::PatternElement::Placeable { expression } => {
                write_expression(resource, expression, out, depth, lang);
            }
        }
    }
}

fn write_expression(
    resource: &FluentResource,
    expression: &ast::Expression<&str>,
    out: &mut String,
    depth: usize,
    lang: Lang,
) {
    match expression {
        ast::Expression::Inline(inline) => write_inline(resource, inline, out, depth, lang),
        ast::Expression::Select { variants, .. } => {
            if let Some(variant) = variants.iter().find(|v| v.default) {
                write_pattern(resource, &variant.value, out, depth, lang);
            }
        }
    }
}

fn write_inline(
    resource: &FluentResource,
    inline: &ast::InlineExpression<&str>,
    out: &mut String,
    depth: usize,
    lang: Lang,
) {
    // Quoted messages and terms nest a few levels; a loop is the catalogue's bug.
    if depth > 8 {
        return;
    }
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            let _ = write!(out, "‹{}›", value_name(id.name, lang));
        }
        ast::InlineExpression::StringLiteral { value } => out.push_str(value),
        ast::InlineExpression::NumberLiteral { value } => out.push_str(value),
        ast::InlineExpression::MessageReference { id, attribute } => {
            let all = entries(resource);
            let pattern = all.get(id.name).and_then(|entry| match attribute {
                Some(a) => entry.attributes.get(a.name).copied(),
                None => entry.value,
            });
            if let Some(pattern) = pattern {
                write_pattern(resource, pattern, out, depth + 1, lang);
            }
        }
        ast::InlineExpression::TermReference { id, .. } => {
            let term = resource.entries().find_map(|entry| match entry {
                ast::Entry::Term(term) if term.id.name == id.name => Some(&term.value),
                _ => None,
            });
            if let Some(pattern) = term {
                write_pattern(resource, pattern, out, depth + 1, lang);
            }
        }
        ast::InlineExpression::Placeable { expression } => {
            write_expression(resource, expression, out, depth, lang);
        }
        ast::InlineExpression::FunctionReference { .. } => {}
    }
}

/// `docs/diagnostics.md`: every code with its severity, what it means and
/// what to write, in Italian and in English.
pub fn markdown() -> String {
    let resources: Vec<(Lang, FluentResource)> = Lang::ALL
        .into_iter()
        .filter_map(|lang| resource(lang).ok().map(|r| (lang, r)))
        .collect();
    let mut out = String::from(
        "# Messaggi e codici · Messages and codes\n\n\
         <!-- Generated from src/diagnostics/messages/*.ftl: do not edit. \
         `CRUSCOTTO_BLESS=1 cargo test --test diagnostics` writes it again. -->\n\n\
         Ogni problema che `cruscotto` segnala ha un codice stabile, lo stesso in ogni \
         lingua: compare tra parentesi quadre (`errore[unknown-key]`) e nel campo `code` \
         di `--format json`. Qui, per ogni codice, la gravità, che cosa significa e che \
         cosa scrivere; `‹nome›` sta per un valore preso dai contenuti.\n\n\
         Every problem `cruscotto` reports has a stable code, the same in every language: \
         it is shown in square brackets (`error[unknown-key]`) and in the `code` field of \
         `--format json`. Here, for each code, its severity, what it means and what to \
         write; `‹name›` is a value taken from the content.\n",
    );
    for stage in STAGES {
        if stage.codes.is_empty() {
            continue;
        }
        let _ = write!(out, "\n## {} · {}\n", stage.it, stage.en);
        for code in stage.codes {
            let severity = match code.severity {
                super::Severity::Error => "errore · error",
                super::Severity::Warning => "avviso · warning",
            };
            let _ = write!(out, "\n### `{}`\n\n{severity}\n", code.id);
            for (lang, resource) in &resources {
                let all = entries(resource);
                let Some(entry) = all.get(code.id) else {
                    continue;
                };
                let (name, fix) = match lang {
                    Lang::It => ("Italiano", "Cosa scrivere"),
                    Lang::En => ("English", "What to write"),
                };
                let meaning = entry
                    .value
                    .map(|p| template(resource, p, *lang))
                    .unwrap_or_default();
                let _ = write!(out, "\n- **{name}.** {}", one_line(&meaning));
                if let Some(help) = entry.attributes.get("help") {
                    let _ = write!(
                        out,
                        ". *{fix}:* {}",
                        one_line(&template(resource, help, *lang))
                    );
                }
                out.push('\n');
            }
        }
    }
    out
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
