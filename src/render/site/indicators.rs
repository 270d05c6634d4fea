//! The indicators index: every indicator in one table, to filter and sort.

use serde::Serialize;

use super::renderer::Renderer;
use crate::diagnostics::Diagnostic;
use crate::render::views::index_rows::{IndexRow, index_rows, index_years};
use crate::render::views::{self, Link, paths};

impl Renderer<'_> {
    pub(super) fn indicators(&self) -> Result<(), Diagnostic> {
        let rows: Vec<IndexRow> = index_rows(&self.ctx);
        let year = self.site.reference_year.to_string();
        let columns = IndexColumns {
            indicator: self.ctx.t("indicators_col_indicator"),
            ambito: self.ctx.plan.config.tree.ambito.singular.clone(),
            objective: self.ctx.t("indicators_col_objective"),
            servizio: self.ctx.t("indicators_col_servizio"),
            last_value: self.ctx.t("indicators_col_last_value"),
            target: self.ctx.t("indicators_col_target"),
            status: self.ctx.t("indicators_col_status"),
        };
        let years = index_years(&self.ctx);
        let ambiti: Vec<Link> = self
            .ctx
            .plan
            .config
            .ambiti
            .iter()
            .map(|a| Link {
                href: a.id.clone(),
                text: a.title.clone(),
            })
            .collect();
        let statuses: Vec<views::StatusView> = crate::engine::scoring::Status::ALL
            .iter()
            .map(|s| views::status_view(&self.ctx, *s))
            .collect();
        let reasons: Vec<views::StatusView> = crate::engine::Reason::ALL
            .iter()
            .map(|r| views::reason_view(&self.ctx, *r))
            .collect();
        let caption = self
            .ctx
            .fill("indicators_caption", &[("count", &rows.len().to_string())]);
        let title = self.ctx.t("indicators_title");
        let page = self.page(
            paths::INDICATORS,
            title.clone(),
            self.ctx.fill("indicators_intro", &[("year", &year)]),
            vec![Link {
                href: paths::INDICATORS.into(),
                text: title,
            }],
        );
        self.emit(
            "indicators.html",
            page,
            &[
                ("rows", &rows),
                ("columns", &columns),
                ("ambiti", &ambiti),
                ("statuses", &statuses),
                ("reasons", &reasons),
                ("caption", &caption),
                ("years", &years),
                ("year", &year),
            ],
        )
    }
}

#[derive(Debug, Serialize)]
struct IndexColumns {
    indicator: String,
    ambito: String,
    objective: String,
    servizio: String,
    last_value: String,
    target: String,
    status: String,
}
