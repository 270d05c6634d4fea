//! `cruscotto new`: a new objective file, or a new indicator appended to an
//! objective's front-matter, with every field written and commented.

use std::fs;
use std::path::{Path, PathBuf};

use super::io_error;
use crate::diagnostics::{Arg, Diagnostic, Message, Sources, did_you_mean, problem, text};
use crate::load::{CONTENT_DIR, split_front_matter, values::slug};
use crate::model::{ObjectiveKind, Plan, ServiziRule, Unit};

/// What `cruscotto new obiettivo` is asked for.
#[derive(Debug, Clone)]
pub struct NewObjective {
    pub title: String,
    /// The id of a kind the site declares; `None`: the first kind that fits
    /// (of level 1 without `parent`, else one the parent's kind may hold).
    pub kind: Option<String>,
    /// For objectives of level 1.
    pub ambito: Option<String>,
    /// For objectives below level 1.
    pub parent: Option<String>,
    /// Ids of Servizi, for kinds assigned to Servizi.
    pub servizi: Vec<String>,
}

/// What `cruscotto new indicatore` is asked for.
#[derive(Debug, Clone)]
pub struct NewIndicator {
    /// The id of the objective that gets the indicator.
    pub objective: String,
    pub name: String,
    pub unit: Unit,
}

/// Words left out of ids: they make them long and say nothing.
const STOP_WORDS: &[&str] = &[
    "a", "ad", "agli", "ai", "al", "alla", "alle", "allo", "con", "da", "dagli", "dai", "dal",
    "dalla", "dalle", "degli", "dei", "del", "della", "delle", "dello", "di", "e", "ed", "gli",
    "i", "il", "in", "l", "la", "le", "lo", "negli", "nei", "nel", "nella", "nelle", "per", "su",
    "sui", "sul", "sulla", "sulle", "tra", "un", "una", "uno",
];

const ID_WORDS: usize = 5;

/// An id made from a title: its first meaningful words, with `-2`, `-3`...
/// when `taken` already has it.
pub fn unique_id(title: &str, taken: &[&str]) -> String {
    let slug = slug(title);
    let words: Vec<&str> = slug
        .split('-')
        .filter(|w| !w.is_empty() && !STOP_WORDS.contains(w))
        .take(ID_WORDS)
        .collect();
    let base = if words.is_empty() {
        "obiettivo".to_string()
    } else {
        words.join("-")
    };
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id.as_str()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// Writes a new objective file; returns its path, relative to `root`.
pub fn new_objective(
    root: &Path,
    plan: &Plan,
    sources: &Sources,
    request: &NewObjective,
) -> Result<PathBuf, Diagnostic> {
    let taken: Vec<&str> = plan.objectives.iter().map(|o| o.id.as_str()).collect();
    let id = unique_id(&request.title, &taken);
    let config = &plan.config;
    let tree = &config.tree;
    let parent = match &request.parent {
        Some(_) => {
            let parents: Vec<&str> = plan
                .objectives
                .iter()
                .filter(|o| {
                    let kind = &plan.kind(o).id;
                    tree.kinds.iter().any(|k| k.parents.contains(kind))
                })
                .map(|o| o.id.as_str())
                .collect();
            let parent_id = known(
                request.parent.as_deref(),
                "--parent",
                What::Objective,
                &parents,
            )?;
            plan.objectives.iter().find(|o| o.id == parent_id)
        }
        None => None,
    };
    let kind = match (&request.kind, parent) {
        (Some(kind), _) => {
            let ids = tree.ids();
            let id = known(Some(kind), "--kind", What::Kind, &ids)?;
            &tree.kinds[tree.position(id).unwrap_or(0)]
        }
        (None, Some(parent)) => {
            let parent_kind = &plan.kind(parent).id;
            tree.kinds
                .iter()
                .find(|k| k.parents.contains(parent_kind))
                .unwrap_or(&tree.kinds[0])
        }
        (None, None) => &tree.kinds[tree.first_of_level(1)],
    };
    let servizi: Vec<&str> = config.servizi.iter().map(|s| s.id.as_str()).collect();
    match kind.servizi {
        ServiziRule::Required if request.servizi.is_empty() => {
            return Err(missing("--servizi", What::Servizio, &servizi));
        }
        ServiziRule::None if !request.servizi.is_empty() => {
            return Err(problem::new_servizi_not_assigned(&kind.id));
        }
        _ => {}
    }
    for servizio in &request.servizi {
        known(Some(servizio), "--servizi", What::Servizio, &servizi)?;
    }
    let (folder, front) = if kind.is_top_level() {
        if request.parent.is_some() {
            return Err(problem::new_top_level_with_parent(&kind.id));
        }
        let ambiti: Vec<&str> = config.ambiti.iter().map(|a| a.id.as_str()).collect();
        let ambito = known(request.ambito.as_deref(), "--ambito", What::Ambito, &ambiti)?;
        let position = ambiti.iter().position(|a| *a == ambito).unwrap_or(0);
        // Beside the other objectives of the ambito, or in a new numbered folder.
        let folder = plan
            .objectives
            .iter()
            .find(|o| o.ambito.as_ref().is_some_and(|a| a.id == ambito))
            .and_then(|o| sources.path(o.source).parent().map(Path::to_path_buf))
            .unwrap_or_else(|| {
                Path::new(CONTENT_DIR).join(format!("{:02}-{ambito}", position + 1))
            });
        let period = &config.plan.period;
        let front = top_level_front(
            &id,
            request,
            kind,
            ambito,
            &format!("{}-{}", period.start, period.end),
        );
        (folder, front)
    } else {
        let Some(parent) = parent else {
            let candidates: Vec<&str> = plan
                .objectives
                .iter()
                .filter(|o| kind.parents.contains(&plan.kind(o).id))
                .map(|o| o.id.as_str())
                .collect();
            return Err(missing("--parent", What::Objective, &candidates));
        };
        if !kind.parents.contains(&plan.kind(parent).id) {
            return Err(problem::new_parent_of_wrong_kind(
                &parent.id,
                &plan.kind(parent).id,
                &kind.id,
                Arg::codes(&kind.parents),
            ));
        }
        // The folder named after the parent's file, as in the default site.
        let folder = sources.path(parent.source).with_extension("");
        let front = child_front(&id, request, kind, &parent.id, config.plan.reference_year);
        (folder, front)
    };
    let number = fs::read_dir(root.join(&folder))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
                .count()
        })
        .unwrap_or(0)
        + 1;
    let path = folder.join(format!("{number:02}-{id}.md"));
    let target = root.join(&path);
    if target.exists() {
        return Err(problem::new_file_exists().in_file(&path));
    }
    fs::create_dir_all(root.join(&folder))
        .map_err(|e| io_error(&root.join(&folder), text::doing_create_folder(), &e))?;
    let text = format!(
        "---\n{front}\
         # The indicators, in the order they are shown: add each with\n\
         # cruscotto new indicatore \"NOME\" --obiettivo {id}\n\
         indicators: []\n\
         ---\n\
         The narrative of the objective, in Markdown: why it matters and how it is pursued.\n\
         Replace this text with the plan's own.\n"
    );
    fs::write(&target, text).map_err(|e| io_error(&target, text::doing_write_file(), &e))?;
    Ok(path)
}

fn indicator_ids(plan: &Plan) -> Vec<&str> {
    plan.objectives
        .iter()
        .flat_map(|o| o.indicators.iter().map(|i| i.id.as_str()))
        .collect()
}

/// What an option of `new` names, for its messages.
#[derive(Debug, Clone, Copy)]
enum What {
    Objective,
    Kind,
    Servizio,
    Ambito,
}

impl What {
    /// "the objective", "the Servizio".
    fn the(self) -> Message {
        match self {
            What::Objective => text::subject_objective(),
            What::Kind => text::subject_the_kind(),
            What::Servizio => text::subject_the_servizio(),
            What::Ambito => text::subject_the_ambito(),
        }
    }

    /// "an objective", "a Servizio".
    fn one(self) -> Message {
        match self {
            What::Objective => text::subject_an_objective(),
            What::Kind => text::subject_kind(),
            What::Servizio => text::subject_servizio(),
            What::Ambito => text::subject_ambito(),
        }
    }
}

/// `value` when it is one of `ids`; else what to write instead.
fn known<'a>(
    value: Option<&str>,
    option: &str,
    what: What,
    ids: &[&'a str],
) -> Result<&'a str, Diagnostic> {
    let Some(value) = value else {
        return Err(missing(option, what, ids));
    };
    ids.iter().copied().find(|id| *id == value).ok_or_else(|| {
        problem::new_unknown_id(what.the(), value, Arg::list(ids))
            .suggest(did_you_mean(value, ids.iter().copied()))
    })
}

fn missing(option: &str, what: What, ids: &[&str]) -> Diagnostic {
    let problem = problem::new_option_missing(option, Arg::list(ids));
    if ids.is_empty() {
        problem.help(text::help_none_yet(what.one()))
    } else {
        problem
    }
}

fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| format!("\"{}\"", text.replace('"', "'")))
}

/// The comment above `kind:` in a new objective: what kind it is.
fn kinds_comment(kind: &ObjectiveKind) -> String {
    format!(
        "# The kind ({}): one of the kinds under `objectives` in cruscotto.yaml.\n",
        lower_first(&kind.words.singular)
    )
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn top_level_front(
    id: &str,
    request: &NewObjective,
    kind: &ObjectiveKind,
    ambito: &str,
    period: &str,
) -> String {
    format!(
        "# Stable identifier: it becomes the page's address (obiettivi/<id>/).\n\
         id: {id}\n\
         {comment}\
         kind: {kind}\n\
         # The ambito, one of the ids in cruscotto.yaml.\n\
         ambito: {ambito}\n\
         # The years the objective covers (first-last), or a single year.\n\
         period: {period}\n\
         title: {title}\n\
         # Optional: true when the objective is new in this edition of the plan.\n\
         new: false\n\
         # Optional: any text printed with the objective.\n\
         # remark: \"...\"\n\
         # Optional: its weight in the ambito's roll-up (default 1).\n\
         # weight: 1\n\
         # Optional: who answers for it, a name, a role or both.\n\
         # responsible: {{ name: \"...\", role: \"...\" }}\n\
         # Optional: source notes printed but tied to no indicator.\n\
         # notes:\n\
         #   - label: \"Nota 1\"\n\
         #     source: \"...\"\n",
        comment = kinds_comment(kind),
        kind = kind.id,
        title = quoted(&request.title),
    )
}

fn child_front(
    id: &str,
    request: &NewObjective,
    kind: &ObjectiveKind,
    parent: &str,
    year: i32,
) -> String {
    let servizi = match (kind.servizi, request.servizi.is_empty()) {
        (ServiziRule::None, _) => String::new(),
        (_, false) => format!(
            "# The Servizi that answer for it: ids from cruscotto.yaml, or `all`.\n\
             servizi: [{}]\n",
            request.servizi.join(", ")
        ),
        (_, true) => {
            "# Optional: the Servizi that answer for it: ids from cruscotto.yaml, or `all`.\n\
             # servizi: [...]\n"
                .to_string()
        }
    };
    format!(
        "# Stable identifier: it becomes the page's address (obiettivi/<id>/).\n\
         id: {id}\n\
         {comment}\
         kind: {kind}\n\
         # The id of the objective it serves (one level up).\n\
         parent: {parent}\n\
         # Optional: objectives below level 1 default to plan.reference_year.\n\
         period: {year}\n\
         title: {title}\n\
         {servizi}\
         # Optional: who answers for it, a name, a role or both.\n\
         # responsible: {{ name: \"...\", role: \"...\" }}\n\
         # Optional: the owners as printed in the plan.\n\
         # owners: 'Servizio \"...\"'\n\
         # Optional: true when the objective is new in this edition of the plan.\n\
         new: false\n\
         # Optional: its weight among the objectives under the same parent (default 1).\n\
         # weight: 1\n",
        comment = kinds_comment(kind),
        kind = kind.id,
        title = quoted(&request.title),
    )
}

/// One indicator as a YAML list item, every field commented; `indent` is
/// the indentation of the list's `-`.
fn indicator_block(id: &str, name: &str, unit: Unit, year: i32, indent: &str) -> String {
    let lines = [
        "# Each indicator: its id is unique in the whole site.".to_string(),
        format!("- id: {id}"),
        format!("  name: {}", quoted(name)),
        "  # How it is computed, in words, as printed in the plan.".to_string(),
        "  # algorithm: \"N. ... / N. ... * 100\"".to_string(),
        "  # Optional: the same in arithmetic on the measures, with exact decimals.".to_string(),
        "  # formula: numeratore / denominatore * 100".to_string(),
        "  # percent | number | euro | days | ratio | date".to_string(),
        format!("  unit: {}", unit.code()),
        "  # Optional: decimals shown on pages (default 2).".to_string(),
        "  # decimals: 2".to_string(),
        "  # Optional: true for an indicator common to every Camera (OC); new in this edition."
            .to_string(),
        "  # common: false".to_string(),
        "  # new: false".to_string(),
        "  # Optional: the data the formula uses, with their sources.".to_string(),
        "  # measures:".to_string(),
        "  #   numeratore: { label: \"...\", source: \"...\" }".to_string(),
        "  #   denominatore: { label: \"...\", source: \"...\" }".to_string(),
        "  # Optional: the note label and the source (Fonte) as printed.".to_string(),
        "  # note: \"Nota 1\"".to_string(),
        "  # source: \"...\"".to_string(),
        "  # Optional: its weight in the objective's roll-up (default 1).".to_string(),
        "  # weight: 1".to_string(),
        "  # A target per year: \">= 0,20%\", \"<= 30 gg\", zero, \"entro il 31/12\", \"entro giugno\", \"+10%\", \"+2 p.p.\", \"da definire\"."
            .to_string(),
        "  # targets:".to_string(),
        format!("  #   {year}: \">= 10\""),
        "  # What was measured per year: a value, ND when not available, or the measures."
            .to_string(),
        "  # series:".to_string(),
        format!("  #   {}: 8", year - 1),
    ];
    lines
        .iter()
        .map(|line| format!("{indent}{line}\n"))
        .collect()
}

/// Appends an indicator to an objective's front-matter; returns the file
/// (relative to `root`) and the new indicator's id.
pub fn new_indicator(
    root: &Path,
    plan: &Plan,
    sources: &Sources,
    request: &NewIndicator,
) -> Result<(PathBuf, String), Diagnostic> {
    let ids: Vec<&str> = plan.objectives.iter().map(|o| o.id.as_str()).collect();
    let objective_id = known(
        Some(&request.objective),
        "--obiettivo",
        What::Objective,
        &ids,
    )?;
    let Some(objective) = plan.objectives.iter().find(|o| o.id == objective_id) else {
        return Err(missing("--obiettivo", What::Objective, &ids));
    };
    let path = sources.path(objective.source).to_path_buf();
    let target = root.join(&path);
    let text = fs::read_to_string(&target).map_err(|e| {
        problem::file_unreadable(crate::diagnostics::io_reason(&e)).in_file(&target)
    })?;
    let id = unique_id(&request.name, &indicator_ids(plan));
    let updated = insert_indicator(
        &text,
        &id,
        &request.name,
        request.unit,
        plan.config.plan.reference_year,
    )
    .ok_or_else(|| problem::new_indicators_not_found().in_file(&path))?;
    fs::write(&target, updated).map_err(|e| io_error(&target, text::doing_write_file(), &e))?;
    Ok((path, id))
}

/// The file's text with the indicator appended to `indicators:` (created
/// before the closing `---` when missing); `None` when the front-matter or
/// the list cannot be found.
fn insert_indicator(text: &str, id: &str, name: &str, unit: Unit, year: i32) -> Option<String> {
    let (yaml, offset, _) = split_front_matter(text)?;
    let end_of_yaml = offset + yaml.len();
    let mut lines = Vec::new();
    let mut position = offset;
    for line in yaml.split_inclusive('\n') {
        lines.push((position, line));
        position += line.len();
    }
    let is_top_key = |line: &str| {
        !line.starts_with([' ', '\t', '#', '-', '\r', '\n']) && !line.trim().is_empty()
    };
    let Some(start) = lines.iter().position(|(_, l)| l.starts_with("indicators:")) else {
        let block = indicator_block(id, name, unit, year, "  ");
        return Some(format!(
            "{}indicators:\n{block}{}",
            &text[..end_of_yaml],
            &text[end_of_yaml..]
        ));
    };
    let header = lines[start].1;
    let inline = header["indicators:".len()..].trim();
    if !inline.is_empty() && !inline.starts_with('#') {
        // `indicators: []` and other inline forms: only the empty list is rewritten.
        if inline != "[]" {
            return None;
        }
        let (at, line) = lines[start];
        let block = indicator_block(id, name, unit, year, "  ");
        return Some(format!(
            "{}indicators:\n{block}{}",
            &text[..at],
            &text[at + line.len()..]
        ));
    }
    // The list's indentation, from its first item.
    let indent = lines[start + 1..]
        .iter()
        .map(|(_, l)| *l)
        .find(|l| l.trim_start().starts_with("- "))
        .map(|l| &l[..l.len() - l.trim_start().len()])
        .unwrap_or("  ");
    // The list ends at the next top-level key, before any blank lines or
    // comments that lead to it.
    let mut end = lines[start + 1..]
        .iter()
        .position(|(_, l)| is_top_key(l))
        .map_or(lines.len(), |i| start + 1 + i);
    while end > start + 1 {
        let line = lines[end - 1].1.trim();
        if line.is_empty() || (line.starts_with('#') && !lines[end - 1].1.starts_with(indent)) {
            end -= 1;
        } else {
            break;
        }
    }
    let at = lines.get(end).map_or(end_of_yaml, |(at, _)| *at);
    let mut before = text[..at].to_string();
    if !before.ends_with('\n') {
        before.push('\n');
    }
    Some(format!(
        "{before}{}{}",
        indicator_block(id, name, unit, year, indent),
        &text[at..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_keep_the_first_meaningful_words_and_stay_unique() {
        let title = "Favorire la transizione digitale delle imprese del territorio";
        assert_eq!(
            unique_id(title, &[]),
            "favorire-transizione-digitale-imprese-territorio"
        );
        assert_eq!(unique_id("Più qualità", &["piu-qualita"]), "piu-qualita-2");
        assert_eq!(
            unique_id("Più qualità", &["piu-qualita", "piu-qualita-2"]),
            "piu-qualita-3"
        );
        assert_eq!(unique_id("!!", &[]), "obiettivo");
    }

    #[test]
    fn an_indicator_goes_at_the_end_of_the_list() {
        let text =
            "---\nid: a\nindicators:\n  - id: uno\n    name: \"Uno\"\n\nnotes: []\n---\nTesto\n";
        let out = insert_indicator(text, "due", "Due", Unit::Percent, 2025).expect("inserted");
        let uno = out.find("- id: uno").expect("uno");
        let due = out.find("  - id: due").expect("due");
        let notes = out.find("notes: []").expect("notes");
        assert!(uno < due && due < notes, "{out}");
        assert!(out.contains("    unit: percent\n"), "{out}");
        assert!(out.ends_with("---\nTesto\n"), "{out}");
    }

    #[test]
    fn an_objective_without_indicators_gets_the_list() {
        let text = "---\nid: a\ntitle: \"A\"\n---\nTesto\n";
        let out = insert_indicator(text, "due", "Due", Unit::Number, 2025).expect("inserted");
        assert!(out.contains("title: \"A\"\nindicators:\n  # Each"), "{out}");
        let empty = "---\nid: a\nindicators: []\n---\n";
        let out = insert_indicator(empty, "due", "Due", Unit::Number, 2025).expect("inserted");
        assert!(out.contains("indicators:\n  # Each"), "{out}");
        assert!(!out.contains("[]\n  #"), "{out}");
    }

    #[test]
    fn an_inline_list_is_left_alone() {
        let text = "---\nid: a\nindicators: [{ id: x }]\n---\n";
        assert_eq!(
            insert_indicator(text, "due", "Due", Unit::Number, 2025),
            None
        );
    }
}
