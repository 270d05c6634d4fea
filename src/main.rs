//! The command line: `cruscotto check` and `cruscotto build`.

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
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { root } => check(&root),
        Command::Build { root, output, pdf } => build(&root, output, pdf),
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

fn build(root: &std::path::Path, output: Option<PathBuf>, pdf: bool) -> ExitCode {
    let mut checked = cruscotto::check(root);
    report(&checked);
    let Some((plan, evaluation)) = &checked.evaluated else {
        eprintln!(
            "build failed, the output folder is untouched: {}",
            counts(&checked)
        );
        return ExitCode::FAILURE;
    };
    let output = output.unwrap_or_else(|| root.join("output"));
    let options = cruscotto::render::site::Options { pdf };
    let rendered = cruscotto::render_site(root, plan, evaluation, &mut checked.sources, options)
        .and_then(|mut files| {
            if pdf {
                let document =
                    cruscotto::render_pdf(root, plan, evaluation, &mut checked.sources, &files)?;
                files.push(document);
            }
            Ok(files)
        });
    let files = match rendered {
        Ok(files) => files,
        Err(problems) => {
            eprint!("{}", problems.render(&checked.sources));
            eprintln!("build failed, the output folder is untouched");
            return ExitCode::FAILURE;
        }
    };
    match cruscotto::write::write_site(&output, &files) {
        Ok(()) => {
            println!(
                "wrote {} files to {} ({})",
                files.len(),
                output.display(),
                counts(&checked)
            );
            ExitCode::SUCCESS
        }
        Err(problem) => {
            let diagnostics = cruscotto::diagnostics::Diagnostics::from(problem);
            eprint!("{}", diagnostics.render(&checked.sources));
            eprintln!("build failed, the previous output is untouched");
            ExitCode::FAILURE
        }
    }
}
