#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]
//! `cargo bench`: how long a build takes on the default site and on a site
//! ten times its size (the seed's content copied with suffixed ids). Prints
//! the median and the spread of several runs of each stage; no assertion on
//! time (machines are noisy), the figures are for reading.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const RUNS: usize = 7;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let work = std::env::temp_dir().join(format!("cruscotto-bench-{}", std::process::id()));
    let _ = fs::remove_dir_all(&work);
    for copies in [1, 10] {
        let site = work.join(format!("x{copies}"));
        make_site(root, &site, copies);
        measure(&site, copies);
    }
    let _ = fs::remove_dir_all(&work);
}

fn measure(site: &Path, copies: usize) {
    let mut check = Vec::new();
    let mut render = Vec::new();
    let mut write = Vec::new();
    let mut summary = String::new();
    for run in 0..RUNS {
        let start = Instant::now();
        let mut checked = cruscotto::check(site);
        check.push(start.elapsed());
        let Some((plan, evaluation)) = &checked.evaluated else {
            eprintln!("{}", checked.diagnostics.render(&checked.sources));
            panic!("the benchmark site does not check");
        };
        if run == 0 {
            let indicators: usize = plan.objectives.iter().map(|o| o.indicators.len()).sum();
            summary = format!(
                "{} objectives, {indicators} indicators",
                plan.objectives.len()
            );
        }
        let start = Instant::now();
        let files = cruscotto::render_site(
            site,
            plan,
            evaluation,
            &mut checked.sources,
            Default::default(),
        )
        .expect("render");
        render.push(start.elapsed());
        let start = Instant::now();
        cruscotto::write::write_site(&site.join("output"), &files).expect("write");
        write.push(start.elapsed());
    }
    println!("site x{copies} ({summary}), {RUNS} runs:");
    for (stage, times) in [
        ("load+validate+evaluate", &mut check),
        ("render", &mut render),
        ("write", &mut write),
    ] {
        times.sort();
        println!(
            "  {stage:<24} median {:>8.1} ms   (min {:.1}, max {:.1})",
            ms(times[RUNS / 2]),
            ms(times[0]),
            ms(times[RUNS - 1])
        );
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The default site, its content copied `copies` times with every id made
/// unique by a suffix.
fn make_site(root: &Path, site: &Path, copies: usize) {
    fs::create_dir_all(site.join("content")).expect("mkdir");
    fs::copy(root.join("cruscotto.yaml"), site.join("cruscotto.yaml")).expect("config");
    let files: Vec<PathBuf> = walkdir::WalkDir::new(root.join("content"))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.into_path())
        .collect();
    for copy in 0..copies {
        for file in &files {
            let relative = file.strip_prefix(root.join("content")).expect("prefix");
            let target = site
                .join("content")
                .join(format!("copia-{copy:02}"))
                .join(relative);
            fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
            let text = fs::read_to_string(file).expect("read");
            fs::write(target, suffix_ids(&text, copy)).expect("write");
        }
    }
}

fn suffix_ids(text: &str, copy: usize) -> String {
    let suffix = format!("-c{copy}");
    let mut out = String::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        let line = if let Some(rest) = ["id: ", "- id: ", "parent: "]
            .iter()
            .find_map(|k| trimmed.strip_prefix(k))
        {
            let indent = &line[..line.len() - trimmed.len()];
            let key = &trimmed[..trimmed.len() - rest.len()];
            format!("{indent}{key}{}{suffix}", rest.trim())
        } else if let Some(start) = line.find("indicator(") {
            let end = line[start..].find(')').map_or(line.len(), |e| start + e);
            format!("{}{suffix}{}", &line[..end], &line[end..])
        } else {
            line.to_string()
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}
