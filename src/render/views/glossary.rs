//! Which words the glossary explains, and where a page links to them.

use crate::model::ObjectiveKind;
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

/// The entry that explains an objective of this kind: a body-wide
/// objective, a strategic one (level 1) or an operational one (below).
pub fn kind_term(kind: &ObjectiveKind) -> Option<String> {
    Some(if kind.id == "ente" {
        term("obiettivo-di-ente")
    } else if kind.is_top_level() {
        term("obiettivo-strategico")
    } else {
        term("obiettivo-operativo")
    })
}
