//! The HTML site: one Tera template per kind of page, fed with view structs.
//! `renderer` holds what every page shares; each other module renders one
//! kind of page from the views, and this one runs them all.

mod documents;
mod editions;
mod glossary;
mod home;
mod indicators;
mod method;
mod not_found;
mod objectives;
mod open_data;
mod renderer;
mod search;
mod servizi;

use std::path::Path;

use rayon::prelude::*;

use crate::diagnostics::{Arg, Diagnostic, problem};
use crate::engine::Evaluation;
use crate::model::Plan;
use crate::render::theme::Theme;
use crate::render::views::document::{self, Pages};
use crate::render::views::paths;
use crate::write::{Collect, OutputFile, Sink};

pub use renderer::Options;
use renderer::{Renderer, first_error};

/// Renders every page into `sink`, the pages on all cores. The pages are
/// the same whatever the order the threads finish in; of several failures
/// the first in page order is reported.
pub fn render(
    plan: &Plan,
    evaluation: &Evaluation,
    theme: &Theme,
    options: Options,
    sink: &dyn Sink,
) -> Result<(), Diagnostic> {
    let renderer = Renderer::new(plan, evaluation, theme, options, sink)?;
    // The sections of the site, each a task (those with many pages split
    // further).
    first_error((0..15).into_par_iter().map(|section| match section {
        0 => renderer.home(),
        1 => renderer.ambiti(),
        2 => renderer.objectives(),
        3 => renderer.servizi(),
        4 => renderer.indicators(),
        5 => renderer.method(),
        6 => renderer.open_data(),
        7 => renderer.search(),
        8 => renderer.document(),
        9 => renderer.relazione(),
        10 => renderer.series_files(),
        11 => renderer.not_found(theme),
        12 => renderer.editions(),
        13 => renderer.glossary(),
        _ => theme.statics.iter().try_for_each(|(path, bytes)| {
            sink.put(OutputFile::new(
                Path::new("assets").join(path),
                bytes.clone(),
            ))
        }),
    }))?;
    renderer.sitemap_xml()?;
    let missing = theme.labels.missing();
    if !missing.is_empty() {
        return Err(problem::labels_missing(Arg::list(missing)).in_file(format!(
            "themes/default/i18n/{}.yaml",
            plan.config.site.language.code()
        )));
    }
    Ok(())
}

/// The plan document's page (`piao/index.html`) for printing, with the
/// table of contents showing `pages`.
pub fn render_document(
    plan: &Plan,
    evaluation: &Evaluation,
    theme: &Theme,
    options: Options,
    pages: Pages,
) -> Result<(document::DocumentView, Vec<u8>), Diagnostic> {
    let files = Collect::default();
    let renderer = Renderer::new(plan, evaluation, theme, options, &files)?;
    let view = document::document_view(&renderer.ctx, pages);
    renderer.document_page(&view)?;
    drop(renderer);
    let html = files
        .into_files()
        .into_iter()
        .find(|f| f.path == Path::new(paths::DOCUMENT))
        .map(|f| f.bytes)
        .unwrap_or_default();
    Ok((view, html))
}
