//! cruscotto: the performance section of a PIAO, from Markdown and YAML to a
//! static site with open data.
//!
//! One pipeline, one module per stage:
//! [`load`] -> [`validate`] -> [`engine`] -> [`render`] (-> [`print`], for
//! the PDF) -> [`write`]. Around it, the author's tools: [`authoring`]
//! (`init`, `new`), [`schema`] and the preview [`serve`].

pub mod authoring;
pub mod compare;
pub mod diagnostics;
pub mod editions;
pub mod engine;
pub mod load;
pub mod model;
pub mod print;
pub mod render;
pub mod schema;
pub mod serve;
pub mod syntax;
pub mod validate;
pub mod write;

use std::path::Path;

use diagnostics::{Diagnostics, Sources};
use engine::Evaluation;
use model::Plan;

/// What loading, validating and evaluating a site gives.
#[derive(Debug)]
pub struct Checked {
    pub sources: Sources,
    pub diagnostics: Diagnostics,
    /// Present when the content could be read and had no errors (the
    /// earlier editions' included).
    pub evaluated: Option<(Plan, Evaluation)>,
    /// The earlier editions under `edizioni/`, and what changed since the
    /// last one.
    pub editions: editions::Editions,
}

/// Runs the first three stages on the site under `root`, and on its
/// earlier editions.
pub fn check(root: &Path) -> Checked {
    let mut sources = Sources::new();
    let mut diagnostics = Diagnostics::new();
    let evaluated = check_into(root, &mut sources, &mut diagnostics);
    let editions = editions::load(
        root,
        evaluated.as_ref().map(|(plan, _)| plan),
        &mut sources,
        &mut diagnostics,
    );
    diagnostics.sort();
    let evaluated = evaluated.filter(|_| !diagnostics.has_errors());
    Checked {
        sources,
        diagnostics,
        evaluated,
        editions,
    }
}

/// Loads, validates and evaluates one site (its problems added to
/// `diagnostics`, which must not hold errors of another site yet).
pub(crate) fn check_into(
    root: &Path,
    sources: &mut Sources,
    diagnostics: &mut Diagnostics,
) -> Option<(Plan, Evaluation)> {
    let plan = load::load(root, sources, diagnostics);
    if let Some(plan) = &plan {
        validate::validate(plan, sources, diagnostics);
    }
    match plan {
        Some(plan) if !diagnostics.has_errors() => {
            let mut evaluation = engine::evaluate(&plan);
            diagnostics.extend(std::mem::take(&mut evaluation.diagnostics));
            Some((plan, evaluation))
        }
        _ => None,
    }
}

/// Renders every output file of an evaluated site, its earlier editions
/// included, in memory (sorted by path); an earlier edition that
/// `previous` holds unchanged is taken from there. `build_site` writes the
/// files as they are rendered instead.
#[allow(clippy::too_many_arguments)]
pub fn render_site(
    root: &Path,
    plan: &Plan,
    evaluation: &Evaluation,
    editions: &editions::Editions,
    sources: &mut Sources,
    options: render::site::Options,
    previous: &dyn editions::reuse::Previous,
) -> Result<(Vec<write::OutputFile>, editions::build::Report), Diagnostics> {
    let theme = load_theme(root, plan, sources)?;
    let files = write::Collect::default();
    let known = editions::build::current(plan, editions);
    let record = editions::build::Record::new(&files);
    let current = render::site::Options {
        editions: known.as_ref(),
        ..options
    };
    render_into(plan, evaluation, &theme, &record, current)?;
    let pages = record.into_pages();
    let report = editions::build::earlier(
        root, editions, plan, &pages, sources, &files, previous, options,
    )?;
    Ok((files.into_files(), report))
}

/// What the PDFs are printed from: the pages, with their styles, fonts and
/// images.
pub(crate) const PRINTED: &[&str] = &["assets", "piao", "relazione"];

/// Renders an evaluated site into `output`, each file written into the
/// staging folder as soon as it is rendered (the whole site is never held
/// in memory), and swaps it in when every file is written: on any error the
/// previous output is untouched. With `options.pdf`, the plan document and
/// the Relazione are printed from the rendered pages, and their PDFs join
/// the staging folder (and SHA256SUMS) before the swap. The earlier
/// editions go under `edizioni/<id>/`: each rendered, or, when nothing it
/// depends on changed since the last build, its files taken from the
/// output as they are. `progress` is told of each stage and each file
/// written.
#[allow(clippy::too_many_arguments)]
pub fn build_site(
    root: &Path,
    plan: &Plan,
    evaluation: &Evaluation,
    editions: &editions::Editions,
    sources: &mut Sources,
    output: &Path,
    options: render::site::Options,
    progress: &dyn Progress,
) -> Result<(write::Written, editions::build::Report), BuildFailure> {
    let theme = load_theme(root, plan, sources).map_err(BuildFailure::Content)?;
    let staging = write::Staging::begin(output).map_err(|d| BuildFailure::Output(d.into()))?;
    let previous = editions::reuse::OutputFolder::open(staging.output());
    let known = editions::build::current(plan, editions);
    let current = render::site::Options {
        editions: known.as_ref(),
        ..options
    };
    progress.stage(BuildStage::Pages);
    let pages = if options.pdf {
        let keep = write::Keep::new(&staging, PRINTED);
        let told = Told {
            sink: &keep,
            progress,
        };
        let record = editions::build::Record::new(&told);
        render_into(plan, evaluation, &theme, &record, current).map_err(BuildFailure::Content)?;
        let pages = record.into_pages();
        let kept = keep.into_kept();
        progress.stage(BuildStage::Printing);
        for pdf in render_pdfs(plan, evaluation, &theme, &kept).map_err(BuildFailure::Content)? {
            write::Sink::put(&staging, pdf).map_err(|d| BuildFailure::Output(d.into()))?;
            progress.file();
        }
        pages
    } else {
        let told = Told {
            sink: &staging,
            progress,
        };
        let record = editions::build::Record::new(&told);
        render_into(plan, evaluation, &theme, &record, current).map_err(BuildFailure::Content)?;
        record.into_pages()
    };
    if !editions.earlier.is_empty() {
        progress.stage(BuildStage::Editions);
    }
    let told = Told {
        sink: &staging,
        progress,
    };
    let report = editions::build::earlier(
        root, editions, plan, &pages, sources, &told, &previous, options,
    )
    .map_err(BuildFailure::Content)?;
    progress.stage(BuildStage::Finishing);
    let written = staging
        .commit()
        .map_err(|d| BuildFailure::Output(d.into()))?;
    Ok((written, report))
}

/// Told as a build goes, so that a person at a terminal sees it move (the
/// command line draws a progress bar); [`Quietly`] tells no one.
pub trait Progress: Sync {
    /// A stage of the build begins.
    fn stage(&self, _stage: BuildStage) {}
    /// A file of the site is written (pages render on several threads).
    fn file(&self) {}
}

/// The stages of [`build_site`], in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuildStage {
    /// The pages and the data files are rendered and written.
    Pages,
    /// Chromium prints the PDFs (`--pdf`).
    Printing,
    /// The earlier editions are rendered, or taken from the last build.
    Editions,
    /// The checksums are written and the new site swapped in.
    Finishing,
}

/// No progress to tell.
#[derive(Debug)]
pub struct Quietly;

impl Progress for Quietly {}

/// A sink that tells `progress` of each file it passes on.
struct Told<'a> {
    sink: &'a dyn write::Sink,
    progress: &'a dyn Progress,
}

impl write::Sink for Told<'_> {
    fn put(&self, file: write::OutputFile) -> Result<(), diagnostics::Diagnostic> {
        self.sink.put(file)?;
        self.progress.file();
        Ok(())
    }
}

/// Why a build wrote nothing: the content (or the theme, or printing) could
/// not be rendered, or the output folder could not be written.
#[derive(Debug)]
pub enum BuildFailure {
    Content(Diagnostics),
    Output(Diagnostics),
}

pub(crate) fn load_theme(
    root: &Path,
    plan: &Plan,
    sources: &mut Sources,
) -> Result<render::theme::Theme, Diagnostics> {
    let mut diagnostics = Diagnostics::new();
    let theme = render::theme::load(
        root,
        plan.config.site.theme.as_deref(),
        plan.config.site.theme_span.as_ref(),
        plan.config.site.language,
        sources,
        &mut diagnostics,
    );
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    Ok(theme)
}

/// Renders the pages and the data files into `sink`.
pub(crate) fn render_into(
    plan: &Plan,
    evaluation: &Evaluation,
    theme: &render::theme::Theme,
    sink: &dyn write::Sink,
    options: render::site::Options,
) -> Result<(), Diagnostics> {
    // The data files are built while the pages render.
    let (pages, data) = rayon::join(
        || render::site::render(plan, evaluation, theme, options, sink),
        || {
            let changes = options.editions.and_then(|known| {
                let changes = known.changes.as_ref()?;
                Some(render::changes::file(
                    changes.previous_id,
                    &known.id,
                    changes.list,
                ))
            });
            render::data::files(plan, evaluation, changes.transpose()?.into_iter().collect())?
                .into_iter()
                .try_for_each(|file| sink.put(file))
        },
    );
    pages?;
    data?;
    Ok(())
}

/// Prints the plan document (`piao/index.html`) and the Relazione
/// (`relazione/index.html`) to the PDFs beside them: `piao.pdf`, filed as
/// the PIAO's performance section, and `relazione.pdf`. `files` are the
/// pages with what they load (`assets/`, `piao/`, `relazione/`).
pub fn render_pdfs(
    plan: &Plan,
    evaluation: &Evaluation,
    theme: &render::theme::Theme,
    files: &[write::OutputFile],
) -> Result<Vec<write::OutputFile>, Diagnostics> {
    use render::views::document::{self, Pages};
    use render::views::paths;
    let chromium = print::find_chromium()?;
    let options = render::site::Options {
        pdf: true,
        ..Default::default()
    };
    let config = &plan.config;
    let labels = &theme.labels;
    let mut pdfs = Vec::new();

    let metadata = print::Metadata {
        title: format!("{} - {}", config.plan.title, config.plan.edition),
        author: config.ente.name.clone(),
        subject: labels.get("document_section"),
        date: config.plan.last_updated,
        site_url: config.site.base_url.clone(),
    };
    let bytes = print::print_pdf(
        &chromium,
        files,
        paths::DOCUMENT,
        |pages| {
            let pages = pages.map_or(Pages::Placeholder, Pages::Known);
            let (view, html) =
                render::site::render_document(plan, evaluation, theme, options, pages)?;
            Ok(print::Printing {
                html,
                headings: document::headings(&view, &|key| labels.get(key)),
                numbered: true,
            })
        },
        &metadata,
    )
    .map_err(|d| d.in_file(document::PDF_PATH))?;
    pdfs.push(write::OutputFile::new(document::PDF_PATH, bytes));

    if let Some(page) = files.iter().find(|f| f.path == Path::new(paths::RELAZIONE)) {
        let html = String::from_utf8_lossy(&page.bytes).into_owned();
        let headings = print::html_headings(&html);
        let metadata = print::Metadata {
            title: headings
                .first()
                .map_or_else(|| labels.get("document_title"), |(_, t)| t.clone()),
            subject: labels.fill(
                "relazione_title",
                &[(
                    "year",
                    &config
                        .plan
                        .relazione_year
                        .unwrap_or(config.plan.reference_year)
                        .to_string(),
                )],
            ),
            ..metadata
        };
        let bytes = print::print_pdf(
            &chromium,
            files,
            paths::RELAZIONE,
            |_| {
                Ok(print::Printing {
                    html: page.bytes.clone(),
                    headings: headings.clone(),
                    numbered: false,
                })
            },
            &metadata,
        )
        .map_err(|d| d.in_file(paths::RELAZIONE_PDF))?;
        pdfs.push(write::OutputFile::new(paths::RELAZIONE_PDF, bytes));
    }
    Ok(pdfs)
}
