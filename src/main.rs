//! The command line: `cruscotto check`, `cruscotto build` and
//! `cruscotto rilevazione`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "cruscotto",
    version,
    about = "The performance section of a PIAO as a static site with open data"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { root } => check(&root),
        Command::Build {
            root,
            output,
            pdf,
            year,
        } => build(&root, output, pdf, year),
        Command::Rilevazione { year, root, output } => rilevazione(year, &root, output),
    }
}

fn report(checked: &cruscotto::Checked) {
    eprint!("{}", checked.diagnostics.render(&checked.sources));
}

fn counts(checked: &cruscotto::Checked) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {}",
        plural(checked.diagnostics.errors(), "error"),
        plural(checked.diagnostics.warnings(), "warning")
    )
}

fn check(root: &std::path::Path) -> ExitCode {
    let checked = cruscotto::check(root);
    report(&checked);
    match &checked.evaluated {
        Some((plan, evaluation)) => {
            print!("{}", cruscotto::render::summary::render(plan, evaluation));
            println!("{}", counts(&checked));
            ExitCode::SUCCESS
        }
        None => {
            eprintln!("check failed: {}", counts(&checked));
            ExitCode::FAILURE
        }
    }
}

fn build(
    root: &std::path::Path,
    output: Option<PathBuf>,
    pdf: bool,
    year: Option<i32>,
) -> ExitCode {
    let mut checked = cruscotto::check(root);
    report(&checked);
    if let (Some(year), Some((plan, _))) = (year, checked.evaluated.as_mut()) {
        plan.config.plan.relazione_year = Some(year);
    }
    let Some((plan, evaluation)) = &checked.evaluated else {
        eprintln!(
            "build failed, the output folder is untouched: {}",
            counts(&checked)
        );
        return ExitCode::FAILURE;
    };
    let output = output.unwrap_or_else(|| root.join("output"));
    let options = cruscotto::render::site::Options { pdf };
    match cruscotto::build_site(
        root,
        plan,
        evaluation,
        &mut checked.sources,
        &output,
        options,
    ) {
        Ok(written) => {
            println!(
                "wrote {} files to {} ({} new or changed, {} unchanged and kept; {})",
                written.files,
                output.display(),
                written.written,
                written.files.saturating_sub(written.written),
                counts(&checked)
            );
            ExitCode::SUCCESS
        }
        Err(problems) => {
            eprint!("{}", problems.render(&checked.sources));
            eprintln!("build failed, the output folder is untouched");
            ExitCode::FAILURE
        }
    }
}

fn rilevazione(year: i32, root: &std::path::Path, output: Option<PathBuf>) -> ExitCode {
    let checked = cruscotto::check(root);
    report(&checked);
    let Some((plan, _)) = &checked.evaluated else {
        eprintln!("no sheet written: {}", counts(&checked));
        return ExitCode::FAILURE;
    };
    let Some(rows) = cruscotto::render::sheet::rows(plan, year) else {
        eprintln!(
            "error: no objective covers {year}: the plan runs {}; write a year of the plan",
            plan.config.plan.period
        );
        return ExitCode::FAILURE;
    };
    let Some(output) = output else {
        return match cruscotto::render::sheet::csv(&rows) {
            Ok(bytes) => {
                use std::io::Write as _;
                match std::io::stdout().write_all(&bytes) {
                    Ok(()) => ExitCode::SUCCESS,
                    Err(e) => {
                        eprintln!("error: cannot write the sheet: {e}");
                        ExitCode::FAILURE
                    }
                }
            }
            Err(message) => {
                eprintln!("error: {message}");
                ExitCode::FAILURE
            }
        };
    };
    if output.exists() {
        eprintln!(
            "error: {} already exists and may hold results: move it away, or pass another --output",
            output.display()
        );
        return ExitCode::FAILURE;
    }
    let xlsx = output
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    let bytes = if xlsx {
        cruscotto::render::sheet::xlsx(&rows, year)
    } else {
        cruscotto::render::sheet::csv(&rows)
    };
    let written = bytes.and_then(|bytes| {
        std::fs::write(&output, bytes)
            .map_err(|e| format!("cannot write {}: {e}", output.display()))
    });
    match written {
        Ok(()) => {
            println!(
                "wrote the {year} sheet to {} ({} rows): fill in value, as_of (empty for a final value) and cause, then put it in {}/{year}.{}",
                output.display(),
                rows.len(),
                cruscotto::load::sheet::SHEET_DIR,
                if xlsx { "xlsx" } else { "csv" }
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
