//! Editions: a body adopts a new plan every year, and every earlier one
//! stays online for five years (D.Lgs. 33/2013 art. 8 c. 3).
//!
//! A site folder holds its earlier editions under `edizioni/<id>/`, each a
//! complete site of its own (`cruscotto.yaml`, `content/`, `rilevazioni/`,
//! `themes/`) as the office left it when that edition was published. The
//! current edition stays at the root. Here: finding and reading the earlier
//! editions (every problem named with the edition's folder), putting them
//! in order, and comparing each with the one before it ([`crate::compare`]);
//! [`archive`] starts the next edition; [`reuse`] tells whether an earlier
//! edition's output can be taken as it is; [`build`] renders them.

pub mod archive;
pub mod build;
pub mod reuse;

use std::cmp::Ordering;
use std::path::{Path, PathBuf};

use crate::compare::{self, Change};
use crate::diagnostics::{Diagnostics, Sources, io_reason, problem};
use crate::engine::Evaluation;
use crate::load::CONFIG_FILE;
use crate::model::{Plan, PlanInfo};

/// The folder of the earlier editions, in the site and in the output.
pub const DIR: &str = "edizioni";

/// An earlier edition, read and evaluated.
#[derive(Debug)]
pub struct Edition {
    /// Its folder's name: the last part of its address.
    pub id: String,
    /// `edizioni/<id>`: relative to the site root and to the output.
    pub folder: PathBuf,
    /// As the office wrote it, but for `site.base_url`: the edition is
    /// published under the site's own address, at `edizioni/<id>/`.
    pub plan: Plan,
    pub evaluation: Evaluation,
    /// What changed since the edition before it, if there is one.
    pub changes: Option<Vec<Change>>,
}

/// The earlier editions of a site, and what changed since the last one.
#[derive(Debug, Default)]
pub struct Editions {
    /// Oldest first: by reference year, then date of approval, then date
    /// of last update, then id.
    pub earlier: Vec<Edition>,
    /// What changed in the current edition since the newest earlier one.
    pub changes: Option<Vec<Change>>,
}

impl Editions {
    /// The edition the current one is compared with.
    pub fn previous(&self) -> Option<&Edition> {
        self.earlier.last()
    }
}

/// Reads every earlier edition under `root/edizioni/`, and compares each
/// with the one before it and the current one (`current`, when it could be
/// read) with the newest. An earlier edition's errors are reported with its
/// folder (`edizioni/2023/content/...`); its warnings are not (it is
/// archived as published: `cruscotto check --root edizioni/2023` shows
/// them). The current edition's targets that changed without a declared
/// revision, or with a revision that does not start from the previous
/// edition's target, are warnings.
pub fn load(
    root: &Path,
    current: Option<&Plan>,
    sources: &mut Sources,
    diagnostics: &mut Diagnostics,
) -> Editions {
    let mut earlier = Vec::new();
    for (id, folder) in folders(root, current, diagnostics) {
        let start = sources.len();
        let mut found = Diagnostics::new();
        let evaluated = crate::check_into(&root.join(&folder), sources, &mut found);
        sources.prefix_since(start, &folder);
        found.prefix_paths(&folder);
        found.retain_errors();
        let failed = found.has_errors();
        diagnostics.extend(found);
        if let (Some((mut plan, evaluation)), false) = (evaluated, failed) {
            if let Some(current) = current {
                plan.config.site.base_url = format!("{}{DIR}/{id}/", current.config.site.base_url);
            }
            earlier.push(Edition {
                id,
                folder,
                plan,
                evaluation,
                changes: None,
            });
        }
    }
    earlier.sort_by(|a, b| order(&a.plan.config.plan, &b.plan.config.plan).then(a.id.cmp(&b.id)));
    for i in 1..earlier.len() {
        let changes = compare::compare(&earlier[i - 1].plan, &earlier[i].plan);
        earlier[i].changes = Some(changes);
    }
    let changes = match (earlier.last(), current) {
        (Some(previous), Some(current)) => {
            if order(&previous.plan.config.plan, &current.config.plan) == Ordering::Greater {
                diagnostics.push(
                    problem::earlier_edition_more_recent(
                        &previous.folder,
                        previous.plan.config.plan.reference_year,
                        current.config.plan.reference_year,
                    )
                    .in_file(CONFIG_FILE),
                );
            }
            let changes = compare::compare(&previous.plan, current);
            diagnostics.extend(compare::revision_warnings(
                &changes,
                &previous.folder.display().to_string(),
            ));
            Some(changes)
        }
        _ => None,
    };
    Editions { earlier, changes }
}

/// Which edition comes first: reference year, date of the approving act,
/// date of last update.
fn order(a: &PlanInfo, b: &PlanInfo) -> Ordering {
    let key = |p: &PlanInfo| {
        (
            p.reference_year,
            p.approval.as_ref().map(|a| a.date),
            p.last_updated,
        )
    };
    key(a).cmp(&key(b))
}

/// The folders of the earlier editions, `(id, edizioni/<id>)`, sorted by
/// name; what cannot be an edition is reported.
fn folders(
    root: &Path,
    current: Option<&Plan>,
    diagnostics: &mut Diagnostics,
) -> Vec<(String, PathBuf)> {
    let dir = root.join(DIR);
    let Ok(meta) = std::fs::symlink_metadata(&dir) else {
        return Vec::new();
    };
    if !meta.is_dir() {
        diagnostics.push(problem::editions_not_a_folder(DIR).in_file(DIR));
        return Vec::new();
    }
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(error) => {
            diagnostics.push(problem::folder_unreadable(DIR, io_reason(&error)).in_file(DIR));
            return Vec::new();
        }
    };
    let current_id = current.map(|p| p.config.plan.edition_id());
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let folder = Path::new(DIR).join(&name);
        let kind = entry.file_type().ok();
        if kind.is_some_and(|k| k.is_symlink()) {
            diagnostics.push(problem::edition_is_a_link(DIR).in_file(&folder));
            continue;
        }
        if !kind.is_some_and(|k| k.is_dir()) {
            diagnostics.push(problem::edition_not_a_folder(&folder, DIR).in_file(&folder));
            continue;
        }
        if !crate::load::values::is_id(&name) {
            diagnostics.push(
                problem::invalid_edition_folder(&name, DIR, crate::load::values::slug(&name))
                    .in_file(&folder),
            );
            continue;
        }
        if !root.join(&folder).join(CONFIG_FILE).is_file() {
            diagnostics
                .push(problem::edition_without_config(&folder, CONFIG_FILE).in_file(&folder));
            continue;
        }
        if current_id.as_deref() == Some(name.as_str()) {
            let mut diagnostic = problem::edition_id_taken(&folder, &name, CONFIG_FILE);
            diagnostic = match current.and_then(|p| p.config.plan.edition_id.as_ref()) {
                Some(written) => diagnostic.at(&written.span),
                None => diagnostic.in_file(CONFIG_FILE),
            };
            diagnostics.push(diagnostic);
            continue;
        }
        found.push((name, folder));
    }
    found.sort();
    found
}
