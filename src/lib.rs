//! cruscotto: the performance section of a PIAO, from Markdown and YAML to a
//! static site with open data.
//!
//! One pipeline, one module per stage:
//! [`load`] -> [`validate`] -> [`engine`] -> [`render`] -> [`write`].

pub mod diagnostics;
pub mod engine;
pub mod load;
pub mod model;
pub mod render;
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

/// Renders every output file of an evaluated site, in memory.
pub fn render_site(
    root: &Path,
    plan: &Plan,
    evaluation: &Evaluation,
    sources: &mut Sources,
) -> Result<Vec<write::OutputFile>, Diagnostics> {
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
    let mut files = render::site::render(plan, evaluation, &theme)?;
    // Serialising the data cannot fail on valid content: if it does, it is ours.
    let data = |path: &'static str, bytes: Result<Vec<u8>, String>| {
        bytes.map(|b| write::OutputFile::new(path, b)).map_err(|message| {
            diagnostics::Diagnostic::error(message)
                .in_file(path)
                .help("this is a bug of cruscotto's: please report it with the content that causes it")
        })
    };
    files.push(data(
        "dati/indicatori.csv",
        render::data::indicators_csv(plan, evaluation),
    )?);
    files.push(data(
        "dati/piao.json",
        render::data::piao_json(plan, evaluation),
    )?);
    Ok(files)
}
