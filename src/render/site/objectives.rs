//! The objective pages, one per objective, with the trail from its ambito.

use rayon::prelude::*;

use super::renderer::{Renderer, first_error};
use crate::diagnostics::Diagnostic;
use crate::render::views::objective;
use crate::render::views::{Link, paths};

impl Renderer<'_> {
    pub(super) fn objectives(&self) -> Result<(), Diagnostic> {
        first_error(
            (0..self.ctx.plan.objectives.len())
                .into_par_iter()
                .map(|position| {
                    // Built here, not kept: the view (charts included) is
                    // needed by this page only.
                    let view = &objective::objective_view(&self.ctx, position);
                    let objective = &self.ctx.plan.objectives[position];
                    let description = format!("{}: {}", view.summary.kind_label, objective.title);
                    let page = self.page(
                        &paths::objective(&objective.id),
                        objective.title.clone(),
                        description,
                        self.trail_of(position),
                    );
                    let data = crate::render::views::open_data::objective_data(&objective.id);
                    self.emit(
                        "objective.html",
                        page,
                        &[("objective", view), ("data", &data)],
                    )
                }),
        )
    }

    /// The breadcrumbs of an objective: its ambito, the objectives above it
    /// (from the top level down), itself.
    fn trail_of(&self, position: usize) -> Vec<Link> {
        let plan = self.ctx.plan;
        let objective = &plan.objectives[position];
        let mut trail = Vec::new();
        if let Some(ambito) = self
            .ctx
            .index
            .ambito_of(plan, objective)
            .and_then(|id| plan.config.ambiti.iter().find(|a| a.id == id))
        {
            trail.push(Link {
                href: paths::ambito(&ambito.id),
                text: ambito.title.clone(),
            });
        }
        for ancestor in self.ctx.index.ancestors(plan, position).into_iter().rev() {
            let ancestor = &plan.objectives[ancestor];
            trail.push(Link {
                href: paths::objective(&ancestor.id),
                text: ancestor.title.clone(),
            });
        }
        trail.push(Link {
            href: paths::objective(&objective.id),
            text: objective.title.clone(),
        });
        trail
    }
}
