//! Stage 1: read `cruscotto.yaml` and every objective file under `content/`.
//!
//! Nothing here stops at the first problem: every file is read and every
//! problem is reported, each at its file and line.

mod config;
pub mod files;
pub mod objective;
mod series;
pub mod sheet;
mod targets;
pub mod tree;
pub mod values;
pub mod yaml;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::diagnostics::{Diagnostics, Sources, problem};
use crate::model::{Config, Language, Objective, Plan};

pub use config::CONFIG_FILE;
pub use objective::split_front_matter;

pub const CONTENT_DIR: &str = "content";

/// Reads the site under `root`. Returns the plan when the config could be
/// read; the objectives' problems are in `diags` either way.
pub fn load(root: &Path, sources: &mut Sources, diags: &mut Diagnostics) -> Option<Plan> {
    let config = read_config(root, sources, diags);
    let fallback;
    let tree = match &config {
        Some(config) => &config.tree,
        None => {
            fallback = tree::default_tree(crate::model::Language::It);
            &fallback
        }
    };
    let defaults = objective::Defaults {
        reference_year: config.as_ref().map(|c| c.plan.reference_year),
        tree,
    };
    let objectives = read_objectives(root, defaults, sources, diags);
    let mut objectives = parents_first(objectives, tree);
    sheet::merge(root, &mut objectives, sources, diags);
    if let Some(config) = &config {
        theme_exists(root, &config.site, diags);
    }
    Some(Plan {
        config: config?,
        objectives,
    })
}

/// The site's language as `cruscotto.yaml` sets it (`site.language`, Italian
/// when not written), read on its own so that a run can choose the language
/// of its messages before anything else; `None` when there is no config or
/// it cannot be read.
pub fn site_language(root: &Path) -> Option<Language> {
    let text = std::fs::read_to_string(root.join(CONFIG_FILE)).ok()?;
    let mut sources = Sources::new();
    let source = sources.add(CONFIG_FILE, text.clone());
    let root = yaml::parse(&text, 0..text.len(), source, &mut Diagnostics::new())?;
    let yaml::NodeKind::Map(entries) = &root.kind else {
        return None;
    };
    let value = |entries: &'_ [(yaml::Node, yaml::Node)], key: &str| {
        entries
            .iter()
            .find(|(k, _)| k.as_str() == Some(key))
            .map(|(_, v)| v.clone())
    };
    let language = match value(entries, "site").map(|site| site.kind) {
        Some(yaml::NodeKind::Map(site)) => value(&site, "language"),
        _ => None,
    };
    Some(match language.as_ref().and_then(yaml::Node::as_str) {
        Some(code) if code.trim() == "en" => Language::En,
        _ => Language::It,
    })
}

fn read_config(root: &Path, sources: &mut Sources, diags: &mut Diagnostics) -> Option<Config> {
    let path = root.join(CONFIG_FILE);
    if !path.exists() {
        diags.push(problem::no_config(CONFIG_FILE, CONTENT_DIR).in_file(display_path(root, &path)));
        return None;
    }
    let source = files::read_text(&path, &display_path(root, &path), sources, diags)?;
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
        diags.push(problem::no_content_folder(CONTENT_DIR).in_file(display_path(root, &dir)));
        return Vec::new();
    }
    let mut objectives = Vec::new();
    // Sorted walk: objectives keep the order of their file paths.
    for found in files::walk(root, &dir, diags).unwrap_or_default() {
        let is_md = found.path.extension().is_some_and(|e| e == "md")
            || found.shown.extension().is_some_and(|e| e == "md");
        let hidden = found
            .shown
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if found.is_dir {
            if is_md {
                diags.push(problem::folder_named_md(&found.shown).in_file(&found.shown));
            }
            continue;
        }
        if !is_md {
            if !hidden {
                diags.push(problem::not_an_objective_file(&found.shown).in_file(&found.shown));
            }
            continue;
        }
        let Some(source) = files::read_text(&found.path, &found.shown, sources, diags) else {
            continue;
        };
        let text = sources.text(source).to_string();
        if let Some(objective) = objective::read(&text, source, defaults, diags) {
            objectives.push(objective);
        }
    }
    objectives
}

/// `site.theme` names a folder of the site's themes/.
fn theme_exists(root: &Path, site: &crate::model::SiteSettings, diags: &mut Diagnostics) {
    let (Some(name), Some(span)) = (&site.theme, &site.theme_span) else {
        return;
    };
    if !root.join("themes").join(name).is_dir() {
        diags.push(problem::theme_missing(name, CONFIG_FILE).at(span));
    }
}

/// Each top-level objective (in file path order) followed by the objectives
/// under it, depth first, each level in file path order; objectives whose
/// parent is unknown (or that go round in a circle) come last, for
/// validation to report.
fn parents_first(objectives: Vec<Objective>, tree: &crate::model::Tree) -> Vec<Objective> {
    let is_top = |o: &Objective| tree.kinds.get(o.kind).is_some_and(|k| k.is_top_level());
    let ids: HashSet<String> = objectives.iter().map(|o| o.id.clone()).collect();
    // Children grouped by their parent's id once: linear in the objectives.
    let mut children: HashMap<String, Vec<Objective>> = HashMap::new();
    let mut top = Vec::new();
    let mut orphans = Vec::new();
    for objective in objectives {
        match objective.parent.as_ref().map(|p| p.id.clone()) {
            Some(parent) if !is_top(&objective) && ids.contains(&parent) => {
                children.entry(parent).or_default().push(objective);
            }
            _ if is_top(&objective) => top.push(objective),
            _ => orphans.push(objective),
        }
    }
    let mut ordered = Vec::with_capacity(ids.len());
    // Depth first without recursion: a stack of the objectives to place.
    let mut stack: Vec<Objective> = top.into_iter().rev().collect();
    while let Some(objective) = stack.pop() {
        // A repeated id (reported by validation) gets its children once.
        if let Some(own) = children.remove(&objective.id) {
            stack.extend(own.into_iter().rev());
        }
        ordered.push(objective);
    }
    // What is left hangs from no top-level objective: an orphan or a circle.
    let mut left: Vec<Objective> = children.into_values().flatten().collect();
    left.sort_by_key(|o| o.source);
    ordered.extend(orphans);
    ordered.extend(left);
    ordered
}

use files::display_path;

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    /// Each top-level objective is followed by its operational objectives,
    /// each group in file order, on the default site.
    #[test]
    fn parents_come_first_and_children_keep_file_order() {
        let mut sources = Sources::new();
        let mut diags = Diagnostics::new();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let plan = load(root, &mut sources, &mut diags).expect("the default site loads");
        let position = |source| sources.path(source).to_path_buf();
        let mut current: Option<&Objective> = None;
        let mut last_child: Option<PathBuf> = None;
        let mut operational = 0;
        for objective in &plan.objectives {
            if plan.is_top_level(objective) {
                current = Some(objective);
                last_child = None;
                continue;
            }
            operational += 1;
            let parent = current.expect("an operational objective after its parent");
            assert_eq!(
                objective.parent.as_ref().map(|p| p.id.as_str()),
                Some(parent.id.as_str()),
                "{} follows {}",
                objective.id,
                parent.id
            );
            let path = position(objective.source);
            assert!(last_child.as_ref().is_none_or(|last| *last < path));
            last_child = Some(path);
        }
        assert!(
            operational > 10,
            "the default site has operational objectives"
        );
    }
}
