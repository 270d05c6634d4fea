//! The servizi: the list, and a page per servizio with its objectives.

use rayon::prelude::*;
use serde::Serialize;

use super::renderer::{Renderer, first_error};
use crate::diagnostics::Diagnostic;
use crate::model::Owners;
use crate::render::views::objective::{self, ObjectiveSummary};
use crate::render::views::{Link, paths};

impl Renderer<'_> {
    pub(super) fn servizi(&self) -> Result<(), Diagnostic> {
        let ctx = &self.ctx;
        let plan = ctx.plan;
        let views: Vec<ServizioView> = plan
            .config
            .servizi
            .iter()
            .map(|servizio| {
                let mut has_all = false;
                let objectives: Vec<ObjectiveSummary> = plan
                    .objectives
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| match &o.servizi {
                        Owners::All => {
                            has_all = true;
                            true
                        }
                        Owners::Servizi(list) => list.iter().any(|r| r.id == servizio.id),
                    })
                    .map(|(position, _)| objective::objective_summary(ctx, position, false))
                    .collect();
                ServizioView {
                    id: servizio.id.clone(),
                    href: paths::servizio(&servizio.id),
                    name: servizio.name.clone(),
                    count: ctx.fill(
                        "servizio_count",
                        &[("count", &objectives.len().to_string())],
                    ),
                    objectives,
                    includes_all: has_all,
                }
            })
            .collect();
        let title = self.ctx.t("servizi_title");
        let intro = self.ctx.t("servizi_intro");
        let page = self.page(
            paths::SERVIZI,
            title.clone(),
            intro,
            vec![Link {
                href: paths::SERVIZI.into(),
                text: title.clone(),
            }],
        );
        self.emit("servizi.html", page, &[("servizi", &views)])?;
        first_error(views.par_iter().map(|view| {
            let page = self.page(
                &view.href,
                view.name.clone(),
                format!("{}: {}", self.ctx.t("servizio_label"), view.name),
                vec![
                    Link {
                        href: paths::SERVIZI.into(),
                        text: title.clone(),
                    },
                    Link {
                        href: view.href.clone(),
                        text: view.name.clone(),
                    },
                ],
            );
            self.emit("servizio.html", page, &[("servizio", view)])
        }))
    }
}

#[derive(Debug, Serialize)]
struct ServizioView {
    id: String,
    href: String,
    name: String,
    count: String,
    objectives: Vec<ObjectiveSummary>,
    includes_all: bool,
}
