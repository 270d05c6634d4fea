//! The search page: every objective and indicator with the text a search
//! compares.

use serde::Serialize;

use super::renderer::Renderer;
use crate::diagnostics::Diagnostic;
use crate::render::views::objective;
use crate::render::views::{Link, paths};

impl Renderer<'_> {
    pub(super) fn search(&self) -> Result<(), Diagnostic> {
        let ctx = &self.ctx;
        let mut items = Vec::new();
        for (o, objective) in ctx.plan.objectives.iter().enumerate() {
            let summary = objective::objective_summary(ctx, o, false);
            items.push(SearchItem {
                kind: ctx.t("search_type_objective"),
                title: objective.title.clone(),
                href: summary.href.clone(),
                context: summary.kind_label.clone(),
                text: search_text(&[
                    &objective.title,
                    &objective.id,
                    &summary.kind_label,
                    objective.owners.as_deref().unwrap_or(""),
                    &summary.responsible.join(" "),
                ]),
            });
            for indicator in &objective.indicators {
                items.push(SearchItem {
                    kind: ctx.t("search_type_indicator"),
                    title: indicator.name.clone(),
                    href: paths::indicator(&objective.id, &indicator.id),
                    context: objective.title.clone(),
                    text: search_text(&[
                        &indicator.name,
                        indicator.algorithm.as_deref().unwrap_or(""),
                        indicator.note.as_deref().unwrap_or(""),
                        indicator.source.as_deref().unwrap_or(""),
                        &objective.title,
                    ]),
                });
            }
        }
        let all = ctx.fill("search_all", &[("count", &items.len().to_string())]);
        let title = ctx.t("search_title");
        let page = self.page(
            paths::SEARCH,
            title.clone(),
            ctx.t("search_intro"),
            vec![Link {
                href: paths::SEARCH.into(),
                text: title,
            }],
        );
        self.emit("search.html", page, &[("items", &items), ("all", &all)])
    }
}

/// Lower case, accents folded: what the search compares.
fn search_text(parts: &[&str]) -> String {
    crate::syntax::fold(&parts.join(" ")).trim_end().to_string()
}

#[derive(Debug, Serialize)]
struct SearchItem {
    kind: String,
    title: String,
    href: String,
    context: String,
    text: String,
}
