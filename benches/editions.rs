#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]
//! `cargo bench --bench editions`: how long `cruscotto build` takes on the
//! default site with earlier editions (each a whole copy of it, under
//! `edizioni/`), when their output is reused and when it is not.
//!
//! For each number of earlier editions (`--editions 0,2,4`, default), the
//! site is built once, then `--runs` times (default 7) with the output of
//! the last build in place:
//! - reuse: nothing changed, so every earlier edition's files are taken
//!   from the output (checked against SHA256SUMS) instead of rendered;
//! - no reuse: before each run, a comment is added to every earlier
//!   edition's `cruscotto.yaml`, so each is rendered again.
//!
//! Printed: pages, the median wall time of each (with the spread), and the
//! median CPU time (user plus system, from GNU time when `/usr/bin/time`
//! is installed: steadier than wall time on a busy machine).

#[path = "../tests/common/mod.rs"]
mod common;
mod timing;

use std::fs;
use std::path::Path;
use std::time::Duration;

use timing::{GNU_TIME, gnu_time_figures, median, run_build};

fn main() {
    let mut counts = vec![0, 2, 4];
    let mut runs = 7;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--editions" => {
                let list = args.next().expect("--editions needs a list, e.g. 0,2,4");
                counts = list
                    .split(',')
                    .map(|s| s.trim().parse().expect("--editions: whole numbers"))
                    .collect();
            }
            "--runs" => {
                runs = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("--runs needs a number");
            }
            // cargo passes --bench.
            _ => {}
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let binary = Path::new(env!("CARGO_BIN_EXE_cruscotto"));
    let work = std::env::temp_dir().join(format!("cruscotto-editions-{}", std::process::id()));
    let gnu_time = Path::new(GNU_TIME).is_file();
    println!("cruscotto build of the default site with earlier editions, median of {runs} runs");
    println!(
        "{:>9} {:>6} {:>22} {:>10} {:>22} {:>10}",
        "editions", "pages", "reuse (spread)", "cpu", "no reuse (spread)", "cpu"
    );
    for &count in &counts {
        let site = work.join(format!("e{count}"));
        make_site(root, &site, count);
        let output = site.join("output");
        // Twice: the second build leaves the staging copy beside the
        // output, as every later build finds it.
        run_build(binary, &site, &output, None);
        run_build(binary, &site, &output, None);
        let pages = walkdir::WalkDir::new(&output)
            .into_iter()
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
            .count();
        let cpu_file = site.join("cpu.txt");
        let mut reuse = (Vec::new(), Vec::new());
        let mut again = (Vec::new(), Vec::new());
        // Interleaved, so that both see the same machine.
        for run in 0..runs {
            let cpu = gnu_time.then_some(cpu_file.as_path());
            reuse.0.push(run_build(binary, &site, &output, cpu));
            reuse.1.extend(cpu.map(|file| gnu_time_figures(file).1));
            for edition in 0..count {
                let config = site.join(format!("edizioni/e{edition}/cruscotto.yaml"));
                let text = fs::read_to_string(&config).expect("config");
                fs::write(&config, format!("{text}# run {run}\n")).expect("write");
            }
            again.0.push(run_build(binary, &site, &output, cpu));
            again.1.extend(cpu.map(|file| gnu_time_figures(file).1));
        }
        println!(
            "{count:>9} {pages:>6} {:>22} {:>10} {:>22} {:>10}",
            with_spread(&reuse.0),
            median_text(&reuse.1),
            with_spread(&again.0),
            median_text(&again.1),
        );
        let _ = fs::remove_dir_all(&site);
    }
    let _ = fs::remove_dir_all(&work);
}

/// The default site with `count` earlier editions: copies of it, each with
/// its own label and an earlier date of last update (so that they come
/// before the current one).
fn make_site(root: &Path, site: &Path, count: usize) {
    for part in ["content", "rilevazioni", "themes"] {
        if root.join(part).is_dir() {
            common::copy_dir(&root.join(part), &site.join(part));
        }
    }
    let config = fs::read_to_string(root.join("cruscotto.yaml")).expect("config");
    fs::write(site.join("cruscotto.yaml"), &config).expect("write");
    for edition in 0..count {
        let folder = site.join(format!("edizioni/e{edition}"));
        common::copy_dir(&root.join("content"), &folder.join("content"));
        let text = config
            .replace(
                "edition: \"PIAO 2023-2025\"",
                &format!("edition: \"PIAO 2023-2025, versione {edition}\""),
            )
            .replace(
                "last_updated: 26/11/2026",
                &format!("last_updated: {:02}/01/2023", edition + 1),
            );
        assert_ne!(
            text, config,
            "the default site's config changed: update the bench"
        );
        fs::write(folder.join("cruscotto.yaml"), text).expect("write");
    }
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

fn with_spread(times: &[Duration]) -> String {
    let (min, max) = (
        times.iter().min().copied().unwrap_or_default(),
        times.iter().max().copied().unwrap_or_default(),
    );
    format!(
        "{} ({}-{})",
        ms(median(times)),
        ms(min).trim_end_matches(" ms"),
        ms(max)
    )
}

fn median_text(times: &[Duration]) -> String {
    if times.is_empty() {
        "-".to_string()
    } else {
        ms(median(times))
    }
}
