//! Stage 1: read `cruscotto.yaml` and every objective file under `content/`.
//!
//! Nothing here stops at the first problem: every file is read and every
//! problem is reported, each at its file and line.

mod config;
mod objective;
pub mod sheet;
pub mod values;
pub mod yaml;

use std::fs;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Diagnostics, Sources};
use crate::model::{Config, Objective, Plan};

pub use config::CONFIG_FILE;
pub use objective::split_front_matter;

pub const CONTENT_DIR: &str = "content";

/// Reads the site under `root`. Returns the plan when the config could be
/// read; the objectives' problems are in `diags` either way.
pub fn load(root: &Path, sources: &mut Sources, diags: &mut Diagnostics) -> Option<Plan> {
    let config = read_config(root, sources, diags);
    let defaults = objective::Defaults {
        reference_year: config.as_ref().map(|c| c.plan.reference_year),
    };
    let mut objectives = parents_first(read_objectives(root, defaults, sources, diags));
    sheet::merge(root, &mut objectives, sources, diags);
    Some(Plan {
        config: config?,
        objectives,
    })
}

fn read_config(root: &Path, sources: &mut Sources, diags: &mut Diagnostics) -> Option<Config> {
    let path = root.join(CONFIG_FILE);
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => {
            diags.push(
                Diagnostic::error(format!("cannot read the site config: {error}"))
                    .in_file(display_path(root, &path))
                    .help(format!(
                        "run cruscotto in a site folder (one with {CONFIG_FILE} and {CONTENT_DIR}/), \
                         or pass --root with the folder"
                    )),
            );
            return None;
        }
    };
    let source = sources.add(display_path(root, &path), text);
    let text = sources.text(source).to_string();
    config::read(&text, source, diags)
}

fn read_objectives(
    root: &Path,
    defaults: objective::Defaults,
    sources: &mut Sources,
    diags: &mut Diagnostics,
) -> Vec<Objective> {
    let dir = root.join(CONTENT_DIR);
    if !dir.is_dir() {
        diags.push(
            Diagnostic::error(format!("there is no {CONTENT_DIR}/ folder"))
                .in_file(display_path(root, &dir))
                .help(format!(
                    "create {CONTENT_DIR}/ with one .md file per objective (see docs/content-format.md)"
                )),
        );
        return Vec::new();
    }
    let mut objectives = Vec::new();
    // Sorted walk: objectives keep the order of their file paths.
    for entry in WalkDir::new(&dir).sort_by_file_name() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let path = error
                    .path()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| dir.clone());
                diags.push(
                    Diagnostic::error(format!("cannot read this folder: {error}"))
                        .in_file(display_path(root, &path)),
                );
                continue;
            }
        };
        let path = entry.path();
        if !entry.file_type().is_file() || path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let text = match fs::read_to_string(path) {
            Ok(text) => text,
            Err(error) => {
                diags.push(
                    Diagnostic::error(format!("cannot read this file: {error}"))
                        .in_file(display_path(root, path))
                        .help("objective files must be UTF-8 text"),
                );
                continue;
            }
        };
        let source = sources.add(display_path(root, path), text);
        let text = sources.text(source).to_string();
        if let Some(objective) = objective::read(&text, source, defaults, diags) {
            objectives.push(objective);
        }
    }
    objectives
}

/// Each top-level objective (in file path order) followed by its
/// operational objectives (in file path order); operational objectives whose
/// parent is unknown come last, for validation to report.
fn parents_first(objectives: Vec<Objective>) -> Vec<Objective> {
    let (top, mut operational): (Vec<_>, Vec<_>) =
        objectives.into_iter().partition(|o| o.kind.is_top_level());
    let mut ordered = Vec::with_capacity(top.len() + operational.len());
    for parent in top {
        let id = parent.id.clone();
        ordered.push(parent);
        let (children, rest): (Vec<_>, Vec<_>) = operational
            .into_iter()
            .partition(|o| o.parent.as_ref().is_some_and(|p| p.id == id));
        ordered.extend(children);
        operational = rest;
    }
    ordered.extend(operational);
    ordered
}

/// Paths in messages are relative to the site root, as the user wrote them.
fn display_path(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}
