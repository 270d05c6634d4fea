//! What the command line prints, and how it ends: the diagnostics for
//! people or for scripts, the closing line with counts and time, the exit
//! status; and the author's commands `init`, `new`, `schema`, `serve`.

mod progress;

pub use progress::Bar;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Args, Subcommand, ValueEnum};

use cruscotto::authoring::{self, NewIndicator, NewObjective, Preset};
use cruscotto::diagnostics::{
    Arg, Diagnostic, Diagnostics, Lang, Message, Sources, did_you_mean, problem, text,
};
use cruscotto::model::{Language, Unit};

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
    /// The language of the messages: it or en. Without it, Italian when the
    /// site's language (site.language) or the locale is Italian, else English.
    #[arg(long, global = true)]
    lang: Option<String>,
}

/// Where and how the messages of a run go, and in which language.
#[derive(Debug)]
pub struct Output {
    quiet: bool,
    format: Format,
    lang: Lang,
    progress: bool,
}

impl Output {
    /// The output of a run on the site under `root` (`None` for `init`,
    /// which has no site yet). The language is decided here, once: `--lang`,
    /// else Italian when the site's language is Italian (when its config can
    /// be read) or the locale is, else English. A `--lang` that is neither
    /// is reported, in that language's place, and ends the run.
    pub fn new(args: OutputArgs, root: Option<&Path>) -> Result<Self, (Self, Diagnostic)> {
        let site_italian = root.and_then(cruscotto::load::site_language) == Some(Language::It);
        let automatic = Lang::for_run(site_italian, |name| std::env::var(name).ok());
        let chosen = args
            .lang
            .as_deref()
            .map(|code| Lang::from_code(code.trim()));
        let lang = chosen.flatten().unwrap_or(automatic);
        let output = Output {
            quiet: args.quiet,
            format: args.format,
            lang,
            progress: !args.quiet && args.format == Format::Human && progress_allowed(),
        };
        match (chosen, args.lang) {
            (Some(None), Some(code)) => {
                let codes = Arg::codes(Lang::ALL.map(Lang::code));
                Err((output, problem::unknown_message_language(code, codes)))
            }
            _ => Ok(output),
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// A message of the catalogue in the run's language.
    pub fn say(&self, message: Message) -> String {
        message.format(self.lang)
    }

    /// Whether a progress bar may be drawn: on a terminal, for people.
    pub fn progress(&self) -> bool {
        self.progress
    }

    pub fn diagnostics(&self, diagnostics: &Diagnostics, sources: &Sources) {
        match self.format {
            Format::Human => eprint!("{}", diagnostics.render(sources, self.lang)),
            Format::Json => print!("{}", diagnostics.render_json(sources, self.lang)),
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
    pub fn closing(&self, message: Message, started: Instant) {
        if self.quiet {
            return;
        }
        let line = self.say(text::cli_in(message, elapsed(started)));
        match self.format {
            Format::Human => println!("{line}"),
            Format::Json => eprintln!("{line}"),
        }
    }

    /// The last line of a failed run: always printed, on standard error.
    pub fn failure(&self, message: Message, started: Instant) {
        eprintln!("{}", self.say(text::cli_in(message, elapsed(started))));
    }

    /// A line for people, unless `--quiet`.
    pub fn note(&self, message: Message) {
        self.line(&self.say(message));
    }

    /// A line of the command's own (a file name), unless `--quiet`.
    pub fn line(&self, line: &str) {
        if !self.quiet {
            match self.format {
                Format::Human => println!("{line}"),
                Format::Json => eprintln!("{line}"),
            }
        }
    }
}

/// A progress bar is for a person at a terminal: never in a pipe, a file,
/// a CI log or a terminal that cannot redraw a line.
fn progress_allowed() -> bool {
    use std::io::IsTerminal as _;
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
    std::io::stderr().is_terminal() && !dumb && !ci
}

/// The time a run took: `840 ms`, `12.3 s` (`12,3 s` in Italian).
fn elapsed(started: Instant) -> Message {
    let ms = started.elapsed().as_millis();
    let ms = u64::try_from(ms).unwrap_or(u64::MAX);
    if ms < 10_000 {
        text::cli_time_ms(ms)
    } else {
        text::cli_time_s(ms / 1000, ms % 1000 / 100)
    }
}

/// `1 error, 2 warnings`.
pub fn counts(diagnostics: &Diagnostics) -> Message {
    text::cli_counts(diagnostics.errors(), diagnostics.warnings())
}

/// The earlier editions and what changed since the last one, for the
/// summary of `check` (nothing without earlier editions).
pub fn editions_summary(out: &Output, editions: &cruscotto::editions::Editions) -> String {
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
        "\n{}\n{}\n",
        out.say(text::summary_earlier_editions(Arg::list(list))),
        out.say(text::summary_changes_since(
            &previous.folder,
            shown,
            targets,
            undeclared
        ))
    )
}

/// `, 2 earlier editions: 1 rendered, 1 unchanged and reused` (nothing
/// without earlier editions).
pub fn editions(report: &cruscotto::editions::build::Report) -> Message {
    let (rendered, reused) = (report.rendered.len(), report.reused.len());
    text::cli_built_editions(rendered + reused, rendered, reused)
}

/// The preset `--preset` names, or what to write instead.
pub fn preset(code: &str) -> Result<Preset, Diagnostic> {
    Preset::from_code(code.trim()).ok_or_else(|| {
        let presets = || Preset::ALL.iter().map(|p| p.code());
        problem::unknown_site_preset(code, Arg::list(presets()))
            .within(text::about_option("--preset"))
            .suggest(did_you_mean(code.trim(), presets()))
    })
}

/// The unit `--unit` names, or what to write instead.
pub fn unit(code: &str) -> Result<Unit, Diagnostic> {
    Unit::from_code(code.trim()).ok_or_else(|| {
        problem::unknown_unit(code, Arg::list(Unit::ALL.map(Unit::code)))
            .within(text::about_option("--unit"))
            .suggest(did_you_mean(code.trim(), Unit::ALL.map(Unit::code)))
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
        #[arg(long, default_value = "number")]
        unit: String,
    },
}

pub fn init(out: &Output, dir: &Path, preset: Preset) -> Status {
    match authoring::init(dir, preset) {
        Ok(files) => {
            for file in &files {
                out.line(&format!("  {}", file.display()));
            }
            out.note(text::cli_init_done(preset.code(), dir));
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
            authoring::new_objective(root, &plan, &sources, &request)
                .map(|path| text::cli_new_objective(&path))
        }
        New::Indicatore {
            name,
            objective,
            unit,
        } => {
            let unit = match self::unit(&unit) {
                Ok(unit) => unit,
                Err(problem) => {
                    out.problem(problem);
                    return Status::Io;
                }
            };
            let request = NewIndicator {
                objective,
                name,
                unit,
            };
            authoring::new_indicator(root, &plan, &sources, &request)
                .map(|(path, id)| text::cli_new_indicator(id, &path))
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
            out.note(message);
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
            out.note(text::cli_edition_archived(&started.archived, started.files));
            out.note(text::cli_edition_started(
                root.join(cruscotto::load::CONFIG_FILE).as_path(),
                &started.id,
                started.reference_year,
                started.period.to_string(),
                format!("{:?}", started.edition),
            ));
            let mut still = vec![text::still_last_updated()];
            if !started.edition_changed {
                still.push(text::still_edition());
            }
            still.push(text::still_approval(if started.approval_removed {
                "yes"
            } else {
                "no"
            }));
            still.push(text::still_objectives());
            let still: Vec<String> = still.into_iter().map(|m| out.say(m)).collect();
            out.note(text::cli_edition_still_to_write(still.join("; ")));
            let checked = cruscotto::check(root);
            let counts = counts(&checked.diagnostics);
            out.note(
                if checked.diagnostics.errors() == 0
                    || started.previous_year == started.reference_year
                {
                    text::cli_edition_check_lists(counts)
                } else {
                    text::cli_edition_content_behind(
                        started.previous_year,
                        started.reference_year,
                        counts,
                    )
                },
            );
            Status::Success
        }
        Err(cruscotto::editions::archive::Refused::Content(checked)) => {
            out.diagnostics(&checked.diagnostics, &checked.sources);
            eprintln!(
                "{}",
                out.say(text::cli_edition_refused(counts(&checked.diagnostics)))
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
                out.note(text::cli_wrote(&file));
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
    match cruscotto::serve::serve(root, port, out.is_quiet(), out.lang()) {
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
