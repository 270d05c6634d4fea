//! The open-data page, and the CSV of each indicator's chart beside it.

use rayon::prelude::*;

use super::renderer::{Renderer, first_error};
use crate::diagnostics::{Diagnostic, problem};
use crate::render::views::charts;
use crate::render::views::{self, Link, paths};
use crate::write::OutputFile;

impl Renderer<'_> {
    /// The open-data page: the licence, the data files, the dictionary of
    /// their columns, the series CSVs.
    pub(super) fn open_data(&self) -> Result<(), Diagnostic> {
        let series: Vec<Link> = self
            .ctx
            .plan
            .indicators()
            .filter(|(o, i, _)| charts::has_chart(&self.ctx, *o, *i))
            .map(|(_, _, indicator)| Link {
                href: paths::series_csv(&indicator.id),
                text: indicator.name.clone(),
            })
            .collect();
        let page = self.section_page(paths::DATA, "data_title", "data_intro");
        self.emit(
            "data.html",
            page,
            &[
                ("series", &series),
                (
                    "data",
                    &crate::render::views::open_data::data_page(
                        self.ctx.plan,
                        self.options.editions.is_some_and(|e| e.changes.is_some()),
                    ),
                ),
                ("pdf_href", &self.pdf_href()),
                ("relazione", &views::relazione_link(&self.ctx)),
            ],
        )
    }

    /// The CSV of each indicator's chart data, beside the pages.
    pub(super) fn series_files(&self) -> Result<(), Diagnostic> {
        let indicators: Vec<_> = self.ctx.plan.indicators().collect();
        first_error(indicators.par_iter().map(|&(o, i, indicator)| {
            if !charts::has_chart(&self.ctx, o, i) {
                return Ok(());
            }
            let path = paths::series_csv(&indicator.id);
            let bytes = charts::series_csv(&self.ctx, o, i)
                .map_err(|message| problem::internal_error(message).in_file(&path))?;
            self.sink.put(OutputFile::new(path, bytes))
        }))
    }
}
