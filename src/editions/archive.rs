//! `cruscotto edizione nuova --id ID`: starts the next edition.
//!
//! The current edition is copied, as it is, into `edizioni/<its id>/`
//! (`cruscotto.yaml`, `content/`, `rilevazioni/`, `themes/`); then the
//! root's `cruscotto.yaml` moves on: the reference year (by default to the
//! next one), the period and the Relazione's year by as many years, the
//! years in the edition's label, `edition_id` set to the new id, and the
//! approving act commented out (the new edition has none yet). Objectives
//! and indicators keep their ids, so that the two editions can be compared.
//!
//! Nothing is ever overwritten: a folder that exists is a refusal, the copy
//! is made in a hidden folder and renamed into place when complete, and the
//! new config replaces the old one in one rename.

use std::fs;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics, Message, Sources, io_reason, problem, text};
use crate::load::CONFIG_FILE;
use crate::load::yaml::{self, Node, NodeKind};
use crate::model::{Period, Year};

use super::DIR;

/// What the current edition is made of: copied into the archive.
pub const ARCHIVED: [&str; 4] = [CONFIG_FILE, "content", "rilevazioni", "themes"];

/// What starting the next edition did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Started {
    /// `edizioni/<id>`, relative to the site root.
    pub archived: PathBuf,
    /// How many files were copied there.
    pub files: usize,
    /// The archived edition's reference year.
    pub previous_year: Year,
    /// The new edition's id, reference year and period.
    pub id: String,
    pub reference_year: Year,
    pub period: Period,
    /// The new edition's label (`plan.edition`), and whether it still holds
    /// the previous period (it did not name it: to be written by hand).
    pub edition: String,
    pub edition_changed: bool,
    /// The approving act was commented out.
    pub approval_removed: bool,
}

/// Why the next edition was not started.
#[derive(Debug)]
pub enum Refused {
    /// The current edition has errors: an edition is archived as it was
    /// published, so it must build.
    Content(Box<crate::Checked>),
    /// The request cannot be done (an id taken, a folder in the way, a file
    /// that cannot be written); nothing was changed.
    Request(Diagnostic),
}

/// Starts the edition `id` of the site under `root`, whose reference year
/// becomes `year` (default: the current one's next).
pub fn start_next(root: &Path, id: &str, year: Option<Year>) -> Result<Started, Refused> {
    if !crate::load::values::is_id(id) {
        return Err(Refused::Request(problem::invalid_edition_id(
            id,
            DIR,
            crate::load::values::slug(id),
        )));
    }
    let taken = Path::new(DIR).join(id);
    if exists(&root.join(&taken)) {
        return Err(Refused::Request(
            problem::edition_id_exists(id).in_file(&taken),
        ));
    }
    let checked = crate::check(root);
    let Some((plan, _)) = &checked.evaluated else {
        return Err(Refused::Content(Box::new(checked)));
    };
    let info = &plan.config.plan;
    let current_id = info.edition_id();
    if current_id == id {
        return Err(Refused::Request(
            problem::edition_id_is_current(id).in_file(CONFIG_FILE),
        ));
    }
    let archived = Path::new(DIR).join(&current_id);
    if exists(&root.join(&archived)) {
        return Err(Refused::Request(
            problem::current_edition_archived_already(&current_id, &archived, CONFIG_FILE)
                .in_file(&archived),
        ));
    }
    let config_path = root.join(CONFIG_FILE);
    let text = fs::read_to_string(&config_path).map_err(|e| {
        Refused::Request(problem::file_unreadable(io_reason(&e)).in_file(CONFIG_FILE))
    })?;
    let year = year.unwrap_or(info.reference_year + 1);
    let shift = year - info.reference_year;
    let period = Period {
        start: info.period.start + shift,
        end: info.period.end + shift,
    };
    let moved = move_on(&text, info, id, year, period).map_err(Refused::Request)?;

    let files = copy_edition(root, &archived).map_err(Refused::Request)?;
    // The new config replaces the old in one rename.
    let temporary = root.join(format!(".{CONFIG_FILE}.nuova"));
    fs::write(&temporary, &moved.text)
        .and_then(|()| fs::rename(&temporary, &config_path))
        .map_err(|e| {
            let _ = fs::remove_file(&temporary);
            Refused::Request(
                io_error(Path::new(CONFIG_FILE), text::doing_write_file(), &e)
                    .help(text::help_config_unchanged(&archived, CONFIG_FILE)),
            )
        })?;
    Ok(Started {
        archived,
        files,
        previous_year: info.reference_year,
        id: id.to_string(),
        reference_year: year,
        period,
        edition: moved.edition,
        edition_changed: moved.edition_changed,
        approval_removed: moved.approval_removed,
    })
}

/// The config of the next edition, as text.
#[derive(Debug)]
struct Moved {
    text: String,
    edition: String,
    edition_changed: bool,
    approval_removed: bool,
}

/// The config text with the plan moved on: each value replaced where it is
/// written, so that comments and layout stay.
fn move_on(
    text: &str,
    info: &crate::model::PlanInfo,
    id: &str,
    year: Year,
    period: Period,
) -> Result<Moved, Diagnostic> {
    let mut sources = Sources::new();
    let source = sources.add(CONFIG_FILE, text.to_string());
    let mut diagnostics = Diagnostics::new();
    let root = yaml::parse(text, 0..text.len(), source, &mut diagnostics);
    let plan = root.as_ref().and_then(|root| entry(root, "plan"));
    let Some((_, plan)) = plan.filter(|(_, plan)| {
        matches!(plan.kind, NodeKind::Map(_)) && !text[plan.span.range.clone()].starts_with('{')
    }) else {
        return Err(problem::plan_not_in_block_form(CONFIG_FILE).in_file(CONFIG_FILE));
    };
    let shift = year - info.reference_year;
    let old_period = info.period.to_string();
    let new_period = period.to_string();
    // (byte range, replacement), applied from the end.
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let scalar = |key: &str| entry(plan, key).filter(|(_, v)| v.as_str().is_some());
    if let Some((_, value)) = scalar("reference_year") {
        edits.push((value.span.range.clone(), year.to_string()));
    }
    if let Some((_, value)) = scalar("period") {
        edits.push((value.span.range.clone(), new_period.clone()));
    }
    if let Some((_, value)) = scalar("relazione_year")
        && let Some(old) = info.relazione_year
    {
        edits.push((value.span.range.clone(), (old + shift).to_string()));
    }
    let mut edition = info.edition.clone();
    let mut edition_changed = false;
    if let Some((_, value)) = scalar("edition") {
        let written = &text[value.span.range.clone()];
        if shift != 0 && written.contains(&old_period) {
            edits.push((
                value.span.range.clone(),
                written.replace(&old_period, &new_period),
            ));
            edition = edition.replace(&old_period, &new_period);
            edition_changed = true;
        }
    }
    if let Some((_, value)) = scalar("update") {
        let written = &text[value.span.range.clone()];
        let old_year = info.reference_year.to_string();
        if shift != 0 && written.contains(&old_year) {
            edits.push((
                value.span.range.clone(),
                written.replace(&old_year, &year.to_string()),
            ));
        }
    }
    match scalar("edition_id") {
        Some((_, value)) => edits.push((value.span.range.clone(), id.to_string())),
        None => {
            // A line of its own after `edition:` (or at the end of `plan:`).
            let (after, key_start) = match entry(plan, "edition") {
                Some((key, value)) => (value.span.range.end, key.span.range.start),
                None => (plan.span.range.end, plan.span.range.start),
            };
            let indent = indent_at(text, key_start);
            let end = line_end(text, after);
            edits.push((
                end..end,
                format!(
                    "\n{indent}edition_id: {id}                     # the folder under {DIR}/ where this edition goes when the next one starts"
                ),
            ));
        }
    }
    let mut approval_removed = false;
    if let Some((key, value)) = entry(plan, "approval") {
        let start = line_start(text, key.span.range.start);
        let end = line_end(text, value.span.range.end.max(key.span.range.end));
        let indent = indent_at(text, key.span.range.start);
        let mut replacement = format!(
            "{indent}# approval: this edition's approving act (act, date) goes here once it is \
             adopted; the previous edition's act was:\n"
        );
        for line in text[start..end].lines() {
            let rest = line
                .strip_prefix(indent.as_str())
                .unwrap_or(line.trim_start());
            replacement.push_str(&format!("{indent}# {rest}\n"));
        }
        edits.push((start..end, replacement.trim_end_matches('\n').to_string()));
        approval_removed = true;
    }
    edits.sort_by_key(|(range, _)| std::cmp::Reverse(range.start));
    let mut moved = text.to_string();
    for (range, replacement) in edits {
        moved.replace_range(range, &replacement);
    }
    // What is written must read back: the edits are ours.
    let mut check = Diagnostics::new();
    let reparsed = yaml::parse(&moved, 0..moved.len(), source, &mut check);
    if reparsed.is_none() || check.has_errors() {
        return Err(
            problem::internal_error(text::bug_next_config(CONFIG_FILE)).in_file(CONFIG_FILE)
        );
    }
    Ok(Moved {
        text: moved,
        edition,
        edition_changed,
        approval_removed,
    })
}

/// The key and value of `key` in a mapping node.
fn entry<'n>(node: &'n Node, key: &str) -> Option<(&'n Node, &'n Node)> {
    match &node.kind {
        NodeKind::Map(entries) => entries
            .iter()
            .find(|(k, _)| k.as_str() == Some(key))
            .map(|(k, v)| (k, v)),
        _ => None,
    }
}

fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// The end of the line holding `at` (before its line break; a comment on
/// the line stays on it).
fn line_end(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    if at > 0 && text[..at].ends_with('\n') {
        return at - 1;
    }
    text[at..].find('\n').map_or(text.len(), |i| at + i)
}

fn indent_at(text: &str, at: usize) -> String {
    let start = line_start(text, at);
    text[start..at].chars().take_while(|c| *c == ' ').collect()
}

/// Copies the edition's files into `edizioni/<id>/` (through a hidden
/// folder renamed into place once complete). Returns how many were copied.
fn copy_edition(root: &Path, archived: &Path) -> Result<usize, Diagnostic> {
    let target = root.join(archived);
    let name = archived
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let staging = root.join(DIR).join(format!(".{name}.nuova"));
    if exists(&staging) {
        // A copy an interrupted run left: copies only, ours to remove.
        fs::remove_dir_all(&staging)
            .map_err(|e| io_error(&staging, text::doing_remove_leftover(), &e))?;
    }
    let mut files = 0;
    for part in ARCHIVED {
        let from = root.join(part);
        if !exists(&from) {
            continue;
        }
        for entry in walkdir::WalkDir::new(&from)
            .follow_links(true)
            .sort_by_file_name()
        {
            let entry = entry.map_err(|e| {
                let reason = match e.io_error() {
                    Some(io) => io_reason(io),
                    None => text::io_other(e.to_string()),
                };
                problem::file_unreadable(reason)
                    .in_file(e.path().map_or_else(|| from.clone(), Path::to_path_buf))
            })?;
            let relative = entry.path().strip_prefix(root).unwrap_or(entry.path());
            let to = staging.join(relative);
            if entry.file_type().is_dir() {
                fs::create_dir_all(&to)
                    .map_err(|e| io_error(&to, text::doing_create_folder(), &e))?;
            } else {
                if let Some(parent) = to.parent() {
                    fs::create_dir_all(parent)
                        .map_err(|e| io_error(parent, text::doing_create_folder(), &e))?;
                }
                fs::copy(entry.path(), &to)
                    .map_err(|e| io_error(relative, text::doing_copy_file(), &e))?;
                files += 1;
            }
        }
    }
    fs::rename(&staging, &target)
        .map_err(|e| io_error(archived, text::doing_create_folder(), &e))?;
    Ok(files)
}

fn exists(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}

fn io_error(path: &Path, doing: Message, error: &std::io::Error) -> Diagnostic {
    problem::write_failed(doing, io_reason(error)).in_file(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Approval, Date, PlanInfo};

    fn info() -> PlanInfo {
        PlanInfo {
            title: "Piano".into(),
            edition: "PIAO 2023-2025".into(),
            edition_id: None,
            update: Some("Aggiornamento 2023".into()),
            period: Period {
                start: 2023,
                end: 2025,
            },
            reference_year: 2023,
            last_updated: Date {
                year: 2023,
                month: 1,
                day: 30,
            },
            approval: Some(Approval {
                act: "Delibera n. 10".into(),
                date: Date {
                    year: 2023,
                    month: 1,
                    day: 30,
                },
            }),
            smvp: None,
            relazione_year: Some(2022),
        }
    }

    #[test]
    fn the_config_moves_on_in_place_keeping_comments() {
        let text = "\
ente:
  name: \"Ente\"
plan:
  title: \"Piano\"
  edition: \"PIAO 2023-2025\"   # as printed
  update: \"Aggiornamento 2023\"
  period: 2023-2025
  reference_year: 2023
  relazione_year: 2022
  last_updated: 30/01/2023
  approval:
    act: \"Delibera n. 10\"
    date: 30/01/2023
site:
  base_url: \"https://example.org/\"
";
        let period = Period {
            start: 2024,
            end: 2026,
        };
        let moved = move_on(text, &info(), "2024", 2024, period).expect("moved");
        assert_eq!(
            moved.text,
            "\
ente:
  name: \"Ente\"
plan:
  title: \"Piano\"
  edition: \"PIAO 2024-2026\"   # as printed
  edition_id: 2024                     # the folder under edizioni/ where this edition goes when the next one starts
  update: \"Aggiornamento 2024\"
  period: 2024-2026
  reference_year: 2024
  relazione_year: 2023
  last_updated: 30/01/2023
  # approval: this edition's approving act (act, date) goes here once it is adopted; the previous edition's act was:
  # approval:
  #   act: \"Delibera n. 10\"
  #   date: 30/01/2023
site:
  base_url: \"https://example.org/\"
"
        );
        assert!(moved.edition_changed && moved.approval_removed);
        assert_eq!(moved.edition, "PIAO 2024-2026");
    }

    #[test]
    fn an_edition_id_already_written_is_replaced() {
        let text = "plan:\n  edition: \"Piano\"\n  edition_id: primo\n  period: 2023\n  reference_year: 2023\n";
        let mut info = info();
        info.edition = "Piano".into();
        info.update = None;
        info.approval = None;
        info.period = Period {
            start: 2023,
            end: 2023,
        };
        let period = Period {
            start: 2023,
            end: 2023,
        };
        let moved = move_on(text, &info, "secondo", 2023, period).expect("moved");
        assert_eq!(
            moved.text,
            "plan:\n  edition: \"Piano\"\n  edition_id: secondo\n  period: 2023\n  reference_year: 2023\n"
        );
        assert!(!moved.edition_changed, "the label does not name the period");
    }

    #[test]
    fn a_plan_on_one_line_is_refused() {
        let text = "plan: { edition: x, period: 2023, reference_year: 2023 }\n";
        let period = Period {
            start: 2024,
            end: 2024,
        };
        assert!(move_on(text, &info(), "2024", 2024, period).is_err());
    }
}
