//! cruscotto: the performance section of a PIAO, from Markdown and YAML to a
//! static site with open data.
//!
//! One pipeline, one module per stage:
//! [`load`] -> [`validate`] -> [`engine`] -> [`render`] (-> [`print`], for
//! the PDF) -> [`write`]. Around it, the author's tools: [`authoring`]
//! (`init`, `new`), [`schema`] and the preview [`serve`].

pub mod authoring;
pub mod diagnostics;
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
    /// Present when the content could be read and had no errors.
    pub evaluated: Option<(Plan, Evaluation)>,
}

/// Runs the first three stages on the site under `root`.
pub fn check(root: &Path) -> Checked {
    let mut sources = Sources::new();
    let mut diagnostics = Diagnostics::new();
    let plan = load::load(root, &mut sources, &mut diagnostics);
    if let Some(plan) = &plan {
        validate::validate(plan, &sources, &mut diagnostics);
    }
    let evaluated = match plan {
        Some(plan) if !diagnostics.has_errors() => {
            let mut evaluation = engine::evaluate(&plan);
            diagnostics.extend(std::mem::take(&mut evaluation.diagnostics));
            Some((plan, evaluation))
        }
        _ => None,
    };
    diagnostics.sort();
    let evaluated = evaluated.filter(|_| !diagnostics.has_errors());
    Checked {
        sources,
        diagnostics,
        evaluated,
    }
}

/// Renders every output file of an evaluated site, in memory (sorted by
/// path). `build_site` writes them as they are rendered instead.
pub fn render_site(
    root: &Path,
    plan: &Plan,
    evaluation: &Evaluation,
    sources: &mut Sources,
    options: render::site::Options,
) -> Result<Vec<write::OutputFile>, Diagnostics> {
    let theme = load_theme(root, plan, sources)?;
    let files = write::Collect::default();
    render_into(plan, evaluation, &theme, &files, options)?;
    Ok(files.into_files())
}

/// Renders an evaluated site into `output`, each file written into the
/// staging folder as soon as it is rendered (the whole site is never held
/// in memory), and swaps it in when every file is written: on any error the
/// previous output is untouched. With `options.pdf`, the plan document and
/// the Relazione are printed from the rendered pages, and their PDFs join
/// the staging folder (and SHA256SUMS) before the swap.
/// `progress` is told of each stage and each file written.
pub fn build_site(
    root: &Path,
    plan: &Plan,
    evaluation: &Evaluation,
    sources: &mut Sources,
    output: &Path,
    options: render::site::Options,
    progress: &dyn Progress,
) -> Result<write::Written, BuildFailure> {
    let theme = load_theme(root, plan, sources).map_err(BuildFailure::Content)?;
    let staging = write::Staging::begin(output).map_err(|d| BuildFailure::Output(d.into()))?;
    progress.stage(BuildStage::Pages);
    if options.pdf {
        // What Chromium loads to print: the pages' styles, fonts and images.
        let keep = write::Keep::new(&staging, &["assets", "piao", "relazione"]);
        let told = Told {
            sink: &keep,
            progress,
        };
        render_into(plan, evaluation, &theme, &told, options).map_err(BuildFailure::Content)?;
        let kept = keep.into_kept();
        progress.stage(BuildStage::Printing);
        for pdf in render_pdfs(plan, evaluation, &theme, &kept).map_err(BuildFailure::Content)? {
            write::Sink::put(&staging, pdf).map_err(|d| BuildFailure::Output(d.into()))?;
            progress.file();
        }
    } else {
        let told = Told {
            sink: &staging,
            progress,
        };
        render_into(plan, evaluation, &theme, &told, options).map_err(BuildFailure::Content)?;
    }
    progress.stage(BuildStage::Finishing);
    staging.commit().map_err(|d| BuildFailure::Output(d.into()))
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

fn load_theme(
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
fn render_into(
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
            render::data::files(plan, evaluation)?
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
    let options = render::site::Options { pdf: true };
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
