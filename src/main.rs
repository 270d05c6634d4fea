//! The command line: `check`, `build`, `rilevazione`, and the author's
//! `init`, `new`, `schema` and `serve`.
//!
//! Exit statuses: 0 success, 1 errors in the content (or the theme), 2 a
//! wrong command line or a file that could not be read or written.

mod cli;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};
use cruscotto::diagnostics::{problem, text};

use cli::{Output, Status};

#[derive(Debug, Parser)]
#[command(
    name = "cruscotto",
    version,
    about = "The performance section of a PIAO as a static site with open data"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    output: cli::OutputArgs,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate and evaluate the content, and print a summary.
    Check {
        /// The site folder (with cruscotto.yaml and content/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Build the site and its open data into the output folder.
    Build {
        /// The site folder (with cruscotto.yaml and content/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site; default: output/ under the root.
        #[arg(long)]
        output: Option<PathBuf>,
        /// Also print the plan document to piao.pdf (A4), with headless Chromium.
        #[arg(long)]
        pdf: bool,
        /// The year the Relazione sulla performance reports on; default:
        /// plan.relazione_year, else the reference year.
        #[arg(long)]
        year: Option<i32>,
    },
    /// Write the data-collection sheet of a year's results, to fill in and
    /// put in rilevazioni/YEAR.xlsx or rilevazioni/YEAR.csv.
    Rilevazione {
        /// The year of the results.
        #[arg(long)]
        year: i32,
        /// The site folder (with cruscotto.yaml and content/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The file to write: .xlsx for a workbook, anything else for CSV;
        /// without it, CSV on standard output.
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Start a new site in DIR (a new or empty folder), ready to build.
    Init {
        /// The folder of the new site.
        dir: PathBuf,
        /// The kind of body: camera-di-commercio or comune.
        #[arg(long, default_value = "camera-di-commercio")]
        preset: String,
    },
    /// Add an objective file or an indicator, with every field commented.
    New {
        #[command(subcommand)]
        what: cli::New,
        /// The site folder (with cruscotto.yaml and content/).
        #[arg(long, default_value = ".", global = true)]
        root: PathBuf,
    },
    /// Editions of the plan: `edizione nuova` archives the current one in
    /// edizioni/ and starts the next.
    Edizione {
        #[command(subcommand)]
        what: cli::Edizione,
        /// The site folder (with cruscotto.yaml and content/).
        #[arg(long, default_value = ".", global = true)]
        root: PathBuf,
    },
    /// Write the JSON Schemas of cruscotto.yaml and of the objectives'
    /// front-matter, for the editor.
    Schema {
        /// The site folder (with cruscotto.yaml and content/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write them; default: schema/ under the root.
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Preview the site on this computer, rebuilt at every change.
    Serve {
        /// The site folder (with cruscotto.yaml and content/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The port on 127.0.0.1 (0: any free port).
        #[arg(long, default_value_t = 8000)]
        port: u16,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let started = Instant::now();
    let root = match &cli.command {
        Command::Check { root }
        | Command::Build { root, .. }
        | Command::Rilevazione { root, .. }
        | Command::New { root, .. }
        | Command::Edizione { root, .. }
        | Command::Schema { root, .. }
        | Command::Serve { root, .. } => Some(root.as_path()),
        Command::Init { .. } => None,
    };
    let out = match Output::new(cli.output, root) {
        Ok(out) => out,
        Err((out, problem)) => {
            out.problem(problem);
            return Status::Io.into();
        }
    };
    let status = match cli.command {
        Command::Check { root } => check(&out, &root, started),
        Command::Build {
            root,
            output,
            pdf,
            year,
        } => build(&out, &root, output, pdf, year, started),
        Command::Rilevazione { year, root, output } => rilevazione(&out, year, &root, output),
        Command::Init { dir, preset } => match cli::preset(&preset) {
            Ok(preset) => cli::init(&out, &dir, preset),
            Err(problem) => {
                out.problem(problem);
                Status::Io
            }
        },
        Command::New { what, root } => cli::new(&out, &root, what),
        Command::Edizione { what, root } => cli::edizione(&out, &root, what),
        Command::Schema { root, output } => cli::schema(&out, &root, output),
        Command::Serve { root, port } => cli::serve(&out, &root, port),
    };
    status.into()
}

fn check(out: &Output, root: &std::path::Path, started: Instant) -> Status {
    let checked = cruscotto::check(root);
    out.diagnostics(&checked.diagnostics, &checked.sources);
    match &checked.evaluated {
        Some((plan, evaluation)) => {
            out.result(&cruscotto::render::summary::render(
                plan,
                evaluation,
                out.lang(),
            ));
            out.result(&cli::editions_summary(out, &checked.editions));
            out.closing(cli::counts(&checked.diagnostics), started);
            Status::Success
        }
        None => {
            out.failure(
                text::cli_check_failed(cli::counts(&checked.diagnostics)),
                started,
            );
            cli::content_failure(root)
        }
    }
}

fn build(
    out: &Output,
    root: &std::path::Path,
    output: Option<PathBuf>,
    pdf: bool,
    year: Option<i32>,
    started: Instant,
) -> Status {
    let output = output.unwrap_or_else(|| root.join("output"));
    let bar = cli::Bar::start(out, &output);
    let mut checked = cruscotto::check(root);
    bar.finish();
    out.diagnostics(&checked.diagnostics, &checked.sources);
    if let (Some(year), Some((plan, _))) = (year, checked.evaluated.as_mut()) {
        plan.config.plan.relazione_year = Some(year);
    }
    let Some((plan, evaluation)) = &checked.evaluated else {
        out.failure(
            text::cli_build_failed(cli::counts(&checked.diagnostics)),
            started,
        );
        return cli::content_failure(root);
    };
    let options = cruscotto::render::site::Options {
        pdf,
        ..Default::default()
    };
    let bar = cli::Bar::start(out, &output);
    let built = cruscotto::build_site(
        root,
        plan,
        evaluation,
        &checked.editions,
        &mut checked.sources,
        &output,
        options,
        &bar,
    );
    bar.finish();
    match built {
        Ok((written, editions)) => {
            out.closing(
                text::cli_built(
                    written.files,
                    &output,
                    written.written,
                    written.files.saturating_sub(written.written),
                    cli::editions(&editions),
                    cli::counts(&checked.diagnostics),
                ),
                started,
            );
            Status::Success
        }
        Err(cruscotto::BuildFailure::Content(problems)) => {
            out.diagnostics(&problems, &checked.sources);
            out.failure(text::cli_build_failed_untouched(), started);
            Status::ContentErrors
        }
        Err(cruscotto::BuildFailure::Output(problems)) => {
            out.diagnostics(&problems, &checked.sources);
            out.failure(text::cli_build_failed_output(), started);
            Status::Io
        }
    }
}

fn rilevazione(out: &Output, year: i32, root: &std::path::Path, output: Option<PathBuf>) -> Status {
    let checked = cruscotto::check(root);
    out.diagnostics(&checked.diagnostics, &checked.sources);
    let Some((plan, _)) = &checked.evaluated else {
        eprintln!(
            "{}",
            out.say(text::cli_sheet_not_written(cli::counts(
                &checked.diagnostics
            )))
        );
        return cli::content_failure(root);
    };
    let Some(rows) = cruscotto::render::sheet::rows(plan, year) else {
        out.problem(problem::sheet_year_outside_plan(
            year,
            plan.config.plan.period.to_string(),
        ));
        return Status::Io;
    };
    let Some(output) = output else {
        return match cruscotto::render::sheet::csv(&rows) {
            Ok(bytes) => {
                use std::io::Write as _;
                match std::io::stdout().write_all(&bytes) {
                    Ok(()) => Status::Success,
                    Err(e) => {
                        out.problem(problem::write_failed(
                            text::doing_write_file(),
                            cruscotto::diagnostics::io_reason(&e),
                        ));
                        Status::Io
                    }
                }
            }
            Err(message) => {
                out.problem(problem::internal_error(message));
                Status::Io
            }
        };
    };
    if output.exists() {
        out.problem(problem::sheet_file_exists().in_file(&output));
        return Status::Io;
    }
    let xlsx = output
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    let bytes = if xlsx {
        cruscotto::render::sheet::xlsx(&rows, year)
    } else {
        cruscotto::render::sheet::csv(&rows)
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(message) => {
            out.problem(problem::internal_error(message));
            return Status::Io;
        }
    };
    match std::fs::write(&output, bytes) {
        Ok(()) => {
            out.note(text::cli_sheet_written(
                year,
                &output,
                rows.len(),
                cruscotto::load::sheet::SHEET_DIR,
                if xlsx { "xlsx" } else { "csv" },
            ));
            Status::Success
        }
        Err(e) => {
            out.problem(
                problem::write_failed(
                    text::doing_write_file(),
                    cruscotto::diagnostics::io_reason(&e),
                )
                .in_file(&output),
            );
            Status::Io
        }
    }
}
