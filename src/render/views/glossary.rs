//! Which words the glossary explains, and where a page links to them.

use crate::render::views::paths;

/// The glossary's terms, in the order a reader meets them; each is the
/// anchor of its entry and the key of its labels (`glossary_<id>_term`,
/// `glossary_<id>_text`, with `_` for `-`).
pub const TERMS: [&str; 16] = [
    "piao",
    "performance",
    "ambito",
    "obiettivo-strategico",
    "obiettivo-di-ente",
    "obiettivo-operativo",
    "servizio",
    "indicatore",
    "target",
    "grado-di-raggiungimento",
    "stato",
    "non-valutabile",
    "monitoraggio",
    "relazione",
    "oiv",
    "smvp",
];

/// The address of a term's entry, from the site root.
pub fn term(id: &str) -> String {
    format!("{}#{id}", paths::GLOSSARY)
}

/// The entry that explains an objective of this kind (by its code).
pub fn kind_term(kind: &str) -> Option<String> {
    match kind {
        "strategico-comune" | "strategico-specifico" | "strategico" => {
            Some(term("obiettivo-strategico"))
        }
        "ente" => Some(term("obiettivo-di-ente")),
        "operativo" | "esecutivo" => Some(term("obiettivo-operativo")),
        _ => None,
    }
}
