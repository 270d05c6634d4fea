//! The glossary: the words of the performance cycle in plain Italian, each
//! with its own anchor, so that pages can link a term to its meaning.

use serde::Serialize;

use super::renderer::Renderer;
use crate::diagnostics::Diagnostic;
use crate::render::views::{glossary, paths};

impl Renderer<'_> {
    pub(super) fn glossary(&self) -> Result<(), Diagnostic> {
        // A body-wide objective is a kind of the Camere di Commercio: the
        // entry only where the site declares it.
        let has_ente = self
            .ctx
            .plan
            .config
            .tree
            .kinds
            .iter()
            .any(|k| k.id == "ente");
        let entries: Vec<Entry> = glossary::TERMS
            .iter()
            .filter(|id| **id != "obiettivo-di-ente" || has_ente)
            .map(|id| Entry {
                id,
                term: self
                    .ctx
                    .t(&format!("glossary_{}_term", id.replace('-', "_"))),
                text: self
                    .ctx
                    .t(&format!("glossary_{}_text", id.replace('-', "_"))),
            })
            .collect();
        let page = self.section_page(paths::GLOSSARY, "glossary_title", "glossary_intro");
        self.emit("glossary.html", page, &[("entries", &entries)])
    }
}

#[derive(Debug, Serialize)]
struct Entry {
    id: &'static str,
    term: String,
    text: String,
}
