//! What the command line prints, and how it ends: the diagnostics for
//! people or for scripts, the closing line with counts and time, the exit
//! status; and the author's commands `init`, `new`, `schema`, `serve`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Args, Subcommand, ValueEnum};

use cruscotto::authoring::{self, NewIndicator, NewObjective, Preset};
use cruscotto::diagnostics::{Diagnostic, Diagnostics, Sources};
use cruscotto::model::Unit;

/// How a run ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// 0: done (warnings included).
    Success,
    /// 1: the content (or the theme) has errors.
    ContentErrors,
    /// 2: a wrong command line, or a file that could not be read or written.
    Io,
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> Self {
        match status {
            Status::Success => ExitCode::SUCCESS,
            Status::ContentErrors => ExitCode::from(1),
            Status::Io => ExitCode::from(2),
        }
    }
}

/// A failed check is a usage problem when there is no site at all.
pub fn content_failure(root: &Path) -> Status {
    if root.join(cruscotto::load::CONFIG_FILE).is_file() {
        Status::ContentErrors
    } else {
        Status::Io
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people: each problem with its line quoted and the fix.
    Human,
    /// For scripts and CI: one JSON object per line and per problem, on
    /// standard output.
    Json,
}

#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Print only the problems (errors and warnings), nothing else.
    #[arg(long, short, global = true)]
    quiet: bool,
    /// How to print the problems.
    #[arg(long, value_enum, default_value = "human", global = true)]
    format: Format,
}

/// Where and how the messages of a run go.
#[derive(Debug)]
pub struct Output {
    quiet: bool,
    format: Format,
}

impl Output {
    pub fn new(args: OutputArgs) -> Self {
        Output {
            quiet: args.quiet,
            format: args.format,
        }
    }

    pub fn diagnostics(&self, diagnostics: &Diagnostics, sources: &Sources) {
        match self.format {
            Format::Human => eprint!("{}", diagnostics.render(sources)),
            Format::Json => print!("{}", diagnostics.render_json(sources)),
        }
    }

    pub fn problem(&self, problem: Diagnostic) {
        self.diagnostics(&Diagnostics::from(problem), &Sources::new());
    }

    /// What the command produced for people (the summary of `check`).
    pub fn result(&self, text: &str) {
        if !self.quiet && self.format == Format::Human {
            print!("{text}");
        }
    }

    /// The last line of a successful run, with the time it took.
    pub fn closing(&self, text: &str, started: Instant) {
        if self.quiet {
            return;
        }
        let line = format!("{text} in {}", elapsed(started));
        match self.format {
            Format::Human => println!("{line}"),
            Format::Json => eprintln!("{line}"),
        }
    }

    /// The last line of a failed run: always printed, on standard error.
    pub fn failure(&self, text: &str, started: Instant) {
        eprintln!("{text} in {}", elapsed(started));
    }

    /// A line for people, unless `--quiet`.
    pub fn note(&self, text: &str) {
        if !self.quiet {
            match self.format {
                Format::Human => println!("{text}"),
                Format::Json => eprintln!("{text}"),
            }
        }
    }
}

fn elapsed(started: Instant) -> String {
    let ms = started.elapsed().as_millis();
    if ms < 10_000 {
        format!("{ms} ms")
    } else {
        format!("{}.{} s", ms / 1000, ms % 1000 / 100)
    }
}

/// `1 error, 2 warnings`.
pub fn counts(diagnostics: &Diagnostics) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {}",
        plural(diagnostics.errors(), "error"),
        plural(diagnostics.warnings(), "warning")
    )
}

/// The earlier editions and what changed since the last one, for the
/// summary of `check` (nothing without earlier editions).
pub fn editions_summary(editions: &cruscotto::editions::Editions) -> String {
    use cruscotto::compare::{ChangeKind, Revision};
    let Some(previous) = editions.previous() else {
        return String::new();
    };
    let list: Vec<String> = editions
        .earlier
        .iter()
        .map(|e| {
            format!(
                "{} ({})",
                e.folder.display(),
                cruscotto::compare::edition_label(&e.plan.config.plan)
            )
        })
        .collect();
    let changes = editions.changes.as_deref().unwrap_or_default();
    let shown = changes.iter().filter(|c| c.is_visible()).count();
    let targets = changes
        .iter()
        .filter(|c| c.kind == ChangeKind::Target && c.is_visible())
        .count();
    let undeclared = changes
        .iter()
        .filter(|c| matches!(c.revision, Some(Revision::Undeclared)))
        .count();
    format!(
        "\nEarlier editions: {}\nChanges since {}: {shown}, of which {targets} targets changed \
         ({undeclared} without a declared revision)\n",
        list.join(", "),
        previous.folder.display()
    )
}

/// `, 2 earlier editions: 1 rendered, 1 unchanged and reused` (nothing
/// without earlier editions).
pub fn editions(report: &cruscotto::editions::build::Report) -> String {
    let (rendered, reused) = (report.rendered.len(), report.reused.len());
    match rendered + reused {
        0 => String::new(),
        1 if reused == 1 => ", 1 earlier edition unchanged and reused".to_string(),
        1 => ", 1 earlier edition rendered".to_string(),
        all => {
            format!(", {all} earlier editions: {rendered} rendered, {reused} unchanged and reused")
        }
    }
}

pub fn preset(text: &str) -> Result<Preset, String> {
    Preset::from_code(text).ok_or_else(|| {
        let all: Vec<&str> = Preset::ALL.iter().map(|p| p.code()).collect();
        format!("write one of: {}", all.join(", "))
    })
}

fn unit(text: &str) -> Result<Unit, String> {
    Unit::from_code(text).ok_or_else(|| {
        let all: Vec<&str> = Unit::ALL.iter().map(|u| u.code()).collect();
        format!("write one of: {}", all.join(", "))
    })
}

#[derive(Debug, Subcommand)]
pub enum New {
    /// A new objective file, in the folder of its ambito (or of its parent).
    #[command(name = "obiettivo")]
    Obiettivo {
        /// The title, as in the plan: the id is made from it.
        title: String,
        /// One of the kinds the site declares (`objectives` in
        /// cruscotto.yaml); default: the first kind the parent may hold with
        /// --parent, else the first kind of level 1.
        #[arg(long)]
        kind: Option<String>,
        /// The ambito's id (objectives of level 1).
        #[arg(long)]
        ambito: Option<String>,
        /// The id of the objective one level up (objectives below level 1).
        #[arg(long)]
        parent: Option<String>,
        /// The ids of the Servizi that answer for it, separated by commas
        /// (kinds assigned to Servizi).
        #[arg(long, value_delimiter = ',')]
        servizi: Vec<String>,
    },
    /// A new indicator at the end of an objective's list.
    #[command(name = "indicatore")]
    Indicatore {
        /// The name, as in the plan: the id is made from it.
        name: String,
        /// The id of the objective that gets it.
        #[arg(long = "obiettivo")]
        objective: String,
        /// percent, number, euro, days, ratio or date.
        #[arg(long, default_value = "number", value_parser = unit)]
        unit: Unit,
    },
}

pub fn init(out: &Output, dir: &Path, preset: Preset) -> Status {
    match authoring::init(dir, preset) {
        Ok(files) => {
            for file in &files {
                out.note(&format!("  {}", file.display()));
            }
            out.note(&format!(
                "created a new site ({}) in {}: try `cruscotto check --root {}`, then `cruscotto serve --root {}`",
                preset.code(),
                dir.display(),
                dir.display(),
                dir.display()
            ));
            Status::Success
        }
        Err(problem) => {
            out.problem(problem);
            Status::Io
        }
    }
}

pub fn new(out: &Output, root: &Path, what: New) -> Status {
    let mut sources = Sources::new();
    let mut diagnostics = Diagnostics::new();
    let Some(plan) = cruscotto::load::load(root, &mut sources, &mut diagnostics) else {
        out.diagnostics(&diagnostics, &sources);
        return content_failure(root);
    };
    let created = match what {
        New::Obiettivo {
            title,
            kind,
            ambito,
            parent,
            servizi,
        } => {
            let request = NewObjective {
                title,
                kind,
                ambito,
                parent,
                servizi,
            };
            authoring::new_objective(root, &plan, &sources, &request).map(|path| {
                format!(
                    "created {}: edit it, then run `cruscotto check`",
                    path.display()
                )
            })
        }
        New::Indicatore {
            name,
            objective,
            unit,
        } => {
            let request = NewIndicator {
                objective,
                name,
                unit,
            };
            authoring::new_indicator(root, &plan, &sources, &request).map(|(path, id)| {
                format!(
                    "added the indicator `{id}` to {}: edit it, then run `cruscotto check`",
                    path.display()
                )
            })
        }
    };
    match created {
        Ok(message) => {
            // The editor's completion follows the new ids.
            let schema = root.join(cruscotto::schema::DIR);
            if schema.is_dir()
                && let Err(problem) = cruscotto::schema::write(root, &schema)
            {
                out.problem(problem);
            }
            out.note(&message);
            Status::Success
        }
        Err(problem) => {
            out.problem(problem);
            Status::Io
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Edizione {
    /// Archive the current edition in edizioni/<its id>/ and start the next
    /// one: the reference year, the period and the edition's label move on,
    /// ids stay.
    #[command(name = "nuova")]
    Nuova {
        /// The id of the new edition (lowercase letters, digits and
        /// dashes), e.g. its reference year: 2024.
        #[arg(long)]
        id: String,
        /// The reference year of the new edition; default: the next year.
        #[arg(long)]
        year: Option<i32>,
    },
}

pub fn edizione(out: &Output, root: &Path, what: Edizione) -> Status {
    let Edizione::Nuova { id, year } = what;
    match cruscotto::editions::archive::start_next(root, &id, year) {
        Ok(started) => {
            out.note(&format!(
                "archived the current edition in {} ({} files): the next build publishes it there",
                started.archived.display(),
                started.files
            ));
            out.note(&format!(
                "{} now describes the edition {}: reference year {}, period {}, label {:?}",
                root.join(cruscotto::load::CONFIG_FILE).display(),
                started.id,
                started.reference_year,
                started.period,
                started.edition
            ));
            let mut still = vec!["plan.last_updated"];
            if !started.edition_changed {
                still.push("plan.edition (it does not name the period)");
            }
            if started.approval_removed {
                still.push("plan.approval, once the new edition is adopted");
            } else {
                still.push("plan.approval, once the new edition is adopted (optional)");
            }
            still.push(
                "the objectives, indicators and targets of the new plan (a revised target: \
                 `target:` the previous edition's, `revised:` the new one, `reason:`)",
            );
            out.note(&format!("still to write: {}", still.join("; ")));
            let checked = cruscotto::check(root);
            let (errors, warnings) = (checked.diagnostics.errors(), checked.diagnostics.warnings());
            out.note(
                &if errors == 0 || started.previous_year == started.reference_year {
                    format!(
                        "`cruscotto check` lists {errors} errors and {warnings} warnings now, each \
                     with its file and line (among them, the targets that changed without a \
                     declared revision)"
                    )
                } else {
                    format!(
                        "the content still speaks of {} where the new edition needs {}: \
                     `cruscotto check` lists {errors} errors and {warnings} warnings, each with \
                     its file and line",
                        started.previous_year, started.reference_year
                    )
                },
            );
            Status::Success
        }
        Err(cruscotto::editions::archive::Refused::Content(checked)) => {
            out.diagnostics(&checked.diagnostics, &checked.sources);
            eprintln!(
                "nothing was changed: the current edition has {}; an edition is archived as \
                 it was published, so fix them first",
                counts(&checked.diagnostics)
            );
            content_failure(root)
        }
        Err(cruscotto::editions::archive::Refused::Request(problem)) => {
            out.problem(problem);
            Status::Io
        }
    }
}

pub fn schema(out: &Output, root: &Path, output: Option<PathBuf>) -> Status {
    let dir = output.unwrap_or_else(|| root.join(cruscotto::schema::DIR));
    match cruscotto::schema::write(root, &dir) {
        Ok(files) => {
            for file in files {
                out.note(&format!("wrote {}", file.display()));
            }
            Status::Success
        }
        Err(problem) => {
            out.problem(problem);
            Status::Io
        }
    }
}

pub fn serve(out: &Output, root: &Path, port: u16) -> Status {
    match cruscotto::serve::serve(root, port, out.is_quiet()) {
        Ok(()) => Status::Success,
        Err(problem) => {
            out.problem(problem);
            Status::Io
        }
    }
}

impl Output {
    pub fn is_quiet(&self) -> bool {
        self.quiet
    }
}
