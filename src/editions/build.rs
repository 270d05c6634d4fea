//! Rendering the earlier editions into the output, each under
//! `edizioni/<id>/`, or taking its previous output as it is when nothing
//! it depends on changed (see [`super::reuse`]).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Serialize;

use crate::compare::edition_label;
use crate::diagnostics::{Diagnostic, Diagnostics, Sources, io_reason, problem};
use crate::model::Plan;
use crate::render::site::Options;
use crate::render::views::editions::{Archived, Changes, Editions as Known, Listed};
use crate::write::{OutputFile, SUMS, Sink};

use super::reuse::{self, Previous};
use super::{DIR, Edition, Editions};

/// What became of the earlier editions in a build.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Rendered, by id.
    pub rendered: Vec<String>,
    /// Unchanged: the previous output taken as it is, by id.
    pub reused: Vec<String>,
}

/// What the current edition's render knows about the editions: the archive
/// (when there are earlier editions) and what changed since the last one.
pub fn current<'a>(plan: &'a Plan, editions: &'a Editions) -> Option<Known<'a>> {
    let previous = editions.previous()?;
    let mut list = vec![Listed {
        info: &plan.config.plan,
        href: crate::render::views::paths::HOME.to_string(),
        current: true,
    }];
    list.extend(editions.earlier.iter().rev().map(|e| Listed {
        info: &e.plan.config.plan,
        href: format!("{DIR}/{}/{}", e.id, crate::render::views::paths::HOME),
        current: false,
    }));
    Some(Known {
        id: plan.config.plan.edition_id(),
        list,
        changes: editions.changes.as_deref().map(|list| Changes {
            previous_id: &previous.id,
            previous: &previous.plan.config.plan,
            previous_root: format!("{DIR}/{}/", previous.id),
            list,
        }),
        archived: None,
    })
}

/// Records the pages a render writes (their paths), passing them on.
pub struct Record<'a> {
    inner: &'a dyn Sink,
    pages: Mutex<BTreeSet<String>>,
}

impl<'a> Record<'a> {
    pub fn new(inner: &'a dyn Sink) -> Self {
        Record {
            inner,
            pages: Mutex::new(BTreeSet::new()),
        }
    }

    /// The pages written (`.html` files), by path.
    pub fn into_pages(self) -> BTreeSet<String> {
        self.pages.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl std::fmt::Debug for Record<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Record").finish_non_exhaustive()
    }
}

impl Sink for Record<'_> {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic> {
        if file.path.extension().is_some_and(|e| e == "html") {
            let path = file.path.to_string_lossy().replace('\\', "/");
            self.pages
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(path);
        }
        self.inner.put(file)
    }
}

/// Puts every file under a folder of the output (`edizioni/<id>/`).
struct Under<'a> {
    inner: &'a dyn Sink,
    folder: PathBuf,
}

impl Sink for Under<'_> {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic> {
        self.inner
            .put(OutputFile::new(self.folder.join(file.path), file.bytes))
    }
}

/// Passes every file on, keeping its SHA-256: an earlier edition gets a
/// `SHA256SUMS` of its own, so that a copy of its folder can be checked
/// alone (the output's lists every file too).
struct Sums<'a> {
    inner: &'a dyn Sink,
    sums: Mutex<BTreeMap<String, String>>,
}

impl Sums<'_> {
    fn into_file(self) -> OutputFile {
        let sums = self.sums.into_inner().unwrap_or_else(|e| e.into_inner());
        let text: String = sums
            .iter()
            .map(|(path, hash)| crate::write::sums_line(path, hash))
            .collect();
        OutputFile::new(SUMS, text)
    }
}

impl Sink for Sums<'_> {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic> {
        let path = file.path.to_string_lossy().replace('\\', "/");
        let hash = crate::write::sha256_hex(&file.bytes);
        self.sums
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path, hash);
        self.inner.put(file)
    }
}

/// Passes every file on, and refuses a page of an earlier edition that
/// does not show the banner (an edition's own theme may replace
/// `base.html` with one written before editions had it).
struct Bannered<'a> {
    inner: &'a dyn Sink,
    /// The edition's theme (`default`, or `site.theme`).
    theme: &'a str,
}

/// What every page of an earlier edition holds: the banner's class.
const BANNER: &str = "class=\"edition-banner\"";

impl Sink for Bannered<'_> {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic> {
        let is_page = file.path.extension().is_some_and(|e| e == "html");
        let text = String::from_utf8_lossy(&file.bytes);
        // A page that only sends the reader elsewhere has no banner.
        let redirect = text.contains("http-equiv=\"refresh\"");
        if is_page && !redirect && !text.contains(BANNER) {
            return Err(problem::edition_page_without_banner(&file.path)
                .in_file(format!("themes/{}/templates/base.html", self.theme)));
        }
        self.inner.put(file)
    }
}

/// What an earlier edition's pages take from the rest of the site: part of
/// its fingerprint.
#[derive(Debug, Serialize)]
struct Context<'a> {
    base_url: &'a str,
    current: &'a str,
    current_pages: &'a BTreeSet<String>,
    pdf: bool,
}

/// Renders every earlier edition into `sink` under `edizioni/<id>/`, or
/// puts there its output from `previous` when it is unchanged. `current`
/// is the current edition, whose pages are `current_pages`.
#[allow(clippy::too_many_arguments)]
pub fn earlier(
    root: &Path,
    editions: &Editions,
    current: &Plan,
    current_pages: &BTreeSet<String>,
    sources: &mut Sources,
    sink: &dyn Sink,
    previous: &dyn Previous,
    options: Options,
) -> Result<Report, Diagnostics> {
    let mut report = Report::default();
    let current_label = edition_label(&current.config.plan);
    let archived = Archived {
        current: current_label.clone(),
        current_pages: current_pages.clone(),
    };
    let mut predecessor: Option<String> = None;
    for (i, edition) in editions.earlier.iter().enumerate() {
        let folder = edition.folder.to_string_lossy().replace('\\', "/");
        let inputs = reuse::inputs(&root.join(&edition.folder)).map_err(|e| {
            Diagnostics::from(problem::edition_unreadable(io_reason(&e)).in_file(&edition.folder))
        })?;
        let context = Context {
            base_url: &edition.plan.config.site.base_url,
            current: &current_label,
            current_pages,
            pdf: options.pdf,
        };
        let context = serde_json::to_vec(&context).unwrap_or_default();
        let fingerprint = reuse::fingerprint(&inputs, predecessor.as_deref(), &context);
        // Its successor's `modifiche/` names it and links into its folder.
        predecessor = Some(format!("{folder}\n{inputs}"));
        if let Some(files) = previous.edition(&folder, &fingerprint) {
            for file in files {
                sink.put(file).map_err(Diagnostics::from)?;
            }
            report.reused.push(edition.id.clone());
            continue;
        }
        let before = i.checked_sub(1).map(|p| &editions.earlier[p]);
        let under = Under {
            inner: sink,
            folder: edition.folder.clone(),
        };
        let sums = Sums {
            inner: &under,
            sums: Mutex::new(BTreeMap::new()),
        };
        render_one(root, edition, before, &archived, sources, &sums, options)?;
        sums.put(OutputFile::new(reuse::STAMP, reuse::stamp(&fingerprint)))
            .map_err(Diagnostics::from)?;
        under.put(sums.into_file()).map_err(Diagnostics::from)?;
        report.rendered.push(edition.id.clone());
    }
    Ok(report)
}

/// Renders one earlier edition into `sink`, paths relative to its folder
/// (and, with `options.pdf`, prints its document and Relazione).
fn render_one(
    root: &Path,
    edition: &Edition,
    before: Option<&Edition>,
    archived: &Archived,
    sources: &mut Sources,
    sink: &dyn Sink,
    options: Options,
) -> Result<(), Diagnostics> {
    let plan = &edition.plan;
    let start = sources.len();
    let theme = crate::load_theme(&root.join(&edition.folder), plan, sources);
    sources.prefix_since(start, &edition.folder);
    let theme = theme.map_err(|mut d| {
        d.prefix_paths(&edition.folder);
        d
    })?;
    let known = Known {
        id: edition.id.clone(),
        list: Vec::new(),
        changes: match (before, &edition.changes) {
            (Some(before), Some(list)) => Some(Changes {
                previous_id: &before.id,
                previous: &before.plan.config.plan,
                previous_root: format!("../{}/", before.id),
                list,
            }),
            _ => None,
        },
        archived: Some(archived.clone()),
    };
    let options = Options {
        editions: Some(&known),
        ..options
    };
    let bannered = Bannered {
        inner: sink,
        theme: plan.config.site.theme.as_deref().unwrap_or("default"),
    };
    let sink: &dyn Sink = &bannered;
    let named = |mut d: Diagnostics| {
        d.prefix_paths(&edition.folder);
        d
    };
    if options.pdf {
        let keep = crate::write::Keep::new(sink, crate::PRINTED);
        crate::render_into(plan, &edition.evaluation, &theme, &keep, options).map_err(named)?;
        let kept = keep.into_kept();
        for pdf in crate::render_pdfs(plan, &edition.evaluation, &theme, &kept).map_err(named)? {
            sink.put(pdf).map_err(Diagnostics::from)?;
        }
    } else {
        crate::render_into(plan, &edition.evaluation, &theme, sink, options).map_err(named)?;
    }
    Ok(())
}
