#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]
//! `cargo bench`: how long `cruscotto build` takes, as a whole process, on the
//! default site and on sites 10, 100 and 300 times its size (the seed's content
//! copied with suffixed ids, so every copy is a valid plan of its own), and,
//! when `hugo` is installed, how long Hugo takes to build a site with the same
//! number of pages, in the same run, interleaved.
//!
//! `cargo bench -- --quick` runs 1x and 10x only (about a minute);
//! `--sizes 1,10,100` and `--runs 5` choose the sizes and the runs per size;
//! `--keep DIR` generates the sites in DIR and leaves them there (to profile).
//!
//! Printed per size: pages, median wall time of the runs (and the spread),
//! pages per second, peak memory (from GNU time, when `/usr/bin/time` is
//! installed), the largest page, the median of `cruscotto check` (load,
//! validate, evaluate), and Hugo's median and the ratio. No assertion on time
//! (machines are noisy): the figures are for reading.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

mod timing;

use timing::{GNU_TIME, gnu_time_figures, median, run_build};

struct Options {
    sizes: Vec<usize>,
    runs: Option<usize>,
    /// Where to generate the sites and keep them; default: a temporary
    /// folder, deleted at the end.
    keep: Option<PathBuf>,
}

fn options() -> Options {
    let mut options = Options {
        sizes: vec![1, 10, 100, 300],
        runs: None,
        keep: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--quick" => options.sizes = vec![1, 10],
            "--sizes" => {
                let list = args.next().expect("--sizes needs a list, e.g. 1,10,100");
                options.sizes = list
                    .split(',')
                    .map(|s| s.trim().parse().expect("--sizes: whole numbers"))
                    .collect();
            }
            "--runs" => {
                options.runs = Some(
                    args.next()
                        .and_then(|n| n.parse().ok())
                        .expect("--runs needs a number"),
                );
            }
            "--keep" => {
                options.keep = Some(PathBuf::from(args.next().expect("--keep needs a folder")));
            }
            // cargo passes --bench; other flags are cargo's own.
            _ => {}
        }
    }
    options
}

fn main() {
    let options = options();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let binary = Path::new(env!("CARGO_BIN_EXE_cruscotto"));
    let work = options.keep.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!("cruscotto-bench-{}", std::process::id()))
    });
    let _ = fs::remove_dir_all(&work);
    let hugo = Command::new("hugo")
        .arg("version")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    let gnu_time = Path::new(GNU_TIME).is_file();
    println!("cruscotto build, whole process, median of the runs");
    match &hugo {
        Some(version) => println!("compared with {version}"),
        None => println!("hugo is not installed: no comparison"),
    }
    if !gnu_time {
        println!("{GNU_TIME} is not installed: no peak memory");
    }
    println!();
    println!(
        "{:>5} {:>7} {:>6} {:>11} {:>8} {:>9} {:>22} {:>9} {:>11} {:>6}",
        "size",
        "pages",
        "runs",
        "build",
        "pages/s",
        "peak MB",
        "largest page (KB)",
        "check",
        "hugo",
        "ratio"
    );
    let mut results = Vec::new();
    for &copies in &options.sizes {
        let site = work.join(format!("x{copies}"));
        make_site(root, &site, copies);
        let runs = options.runs.unwrap_or(if copies >= 100 { 3 } else { 5 });
        let result = measure(binary, &site, copies, runs, hugo.is_some(), gnu_time);
        println!("{}", result.line(copies, runs));
        results.push((copies, result));
        if options.keep.is_none() {
            let _ = fs::remove_dir_all(&site);
        }
    }
    if let (Some((_, ten)), Some((_, hundred))) = (
        results.iter().find(|(c, _)| *c == 10),
        results.iter().find(|(c, _)| *c == 100),
    ) {
        println!(
            "\n100x takes {:.1} times 10x (linear: 10)",
            hundred.build.as_secs_f64() / ten.build.as_secs_f64()
        );
    }
    match &options.keep {
        Some(dir) => println!("the sites are kept in {}", dir.display()),
        None => {
            let _ = fs::remove_dir_all(&work);
        }
    }
}

struct Measured {
    pages: usize,
    build: Duration,
    spread: (Duration, Duration),
    peak_kb: Option<u64>,
    /// User plus system time of the build: steadier than wall time on a
    /// busy machine.
    cpu: Option<Duration>,
    hugo_cpu: Option<Duration>,
    largest: (String, u64),
    check: Duration,
    hugo: Option<Duration>,
}

impl Measured {
    fn line(&self, copies: usize, runs: usize) -> String {
        let secs = self.build.as_secs_f64();
        let hugo = self.hugo.map_or("-".to_string(), format_time);
        let ratio = self.hugo.map_or("-".to_string(), |h| {
            format!("{:.2}", secs / h.as_secs_f64())
        });
        format!(
            "{:>4}x {:>7} {:>6} {:>11} {:>8.0} {:>9} {:>22} {:>9} {:>11} {:>6}",
            copies,
            self.pages,
            runs,
            format_time(self.build),
            self.pages as f64 / secs,
            self.peak_kb
                .map_or("-".to_string(), |kb| format!("{:.1}", kb as f64 / 1024.0)),
            format!("{} {}", self.largest.0, self.largest.1 / 1024),
            format_time(self.check),
            hugo,
            ratio,
        ) + &format!(
            "   (build min {}, max {}; CPU {}, Hugo's {})",
            format_time(self.spread.0),
            format_time(self.spread.1),
            self.cpu.map_or("-".to_string(), format_time),
            self.hugo_cpu.map_or("-".to_string(), format_time)
        )
    }
}

fn format_time(d: Duration) -> String {
    if d.as_secs_f64() < 1.0 {
        format!("{:.0} ms", d.as_secs_f64() * 1000.0)
    } else {
        format!("{:.2} s", d.as_secs_f64())
    }
}

fn measure(
    binary: &Path,
    site: &Path,
    copies: usize,
    runs: usize,
    hugo: bool,
    gnu_time: bool,
) -> Measured {
    let output = site.join("output");
    let rss_file = site.join("rss.txt");
    // One build first, for the page count Hugo is given and the page sizes.
    run_build(binary, site, &output, None);
    let (pages, largest) = pages_of(&output);
    let hugo_site = site.join("hugo");
    if hugo {
        make_hugo_site(&hugo_site, pages);
    }
    let mut builds = Vec::new();
    let mut checks = Vec::new();
    let mut hugos = Vec::new();
    let mut peak = None;
    let mut cpus = Vec::new();
    let mut hugo_cpus = Vec::new();
    // Interleaved: each run builds with cruscotto, then with Hugo.
    for _ in 0..runs {
        let rss = gnu_time.then_some(rss_file.as_path());
        builds.push(run_build(binary, site, &output, rss));
        if gnu_time {
            let (kb, cpu) = gnu_time_figures(&rss_file);
            cpus.push(cpu);
            peak = Some(peak.map_or(kb, |p: u64| p.max(kb)));
        }
        let start = Instant::now();
        let status = Command::new(binary)
            .args(["check", "--root"])
            .arg(site)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .expect("run cruscotto check");
        assert!(status.success(), "cruscotto check failed at {copies}x");
        checks.push(start.elapsed());
        if hugo {
            let mut command = if gnu_time {
                let mut c = Command::new(GNU_TIME);
                c.args(["-f", "%M %U %S", "-o"]).arg(&rss_file).arg("hugo");
                c
            } else {
                Command::new("hugo")
            };
            let start = Instant::now();
            let status = command
                .args(["--quiet", "--source"])
                .arg(&hugo_site)
                .arg("--destination")
                .arg(hugo_site.join("public"))
                .status()
                .expect("run hugo");
            assert!(status.success(), "hugo failed");
            hugos.push(start.elapsed());
            if gnu_time {
                hugo_cpus.push(gnu_time_figures(&rss_file).1);
            }
        }
    }
    builds.sort();
    Measured {
        pages,
        build: median(&builds),
        spread: (builds[0], builds[builds.len() - 1]),
        peak_kb: peak,
        cpu: (!cpus.is_empty()).then(|| median(&cpus)),
        hugo_cpu: (!hugo_cpus.is_empty()).then(|| median(&hugo_cpus)),
        largest,
        check: median(&checks),
        hugo: (!hugos.is_empty()).then(|| median(&hugos)),
    }
}

/// The number of HTML pages and the largest of them (path, bytes).
fn pages_of(output: &Path) -> (usize, (String, u64)) {
    let mut pages = 0;
    let mut largest = (String::new(), 0);
    for entry in walkdir::WalkDir::new(output)
        .into_iter()
        .filter_map(Result::ok)
    {
        if entry.path().extension().is_some_and(|e| e == "html") {
            pages += 1;
            let size = entry.metadata().map_or(0, |m| m.len());
            if size > largest.1 {
                let path = entry.path().strip_prefix(output).expect("under output");
                largest = (path.display().to_string(), size);
            }
        }
    }
    (pages, largest)
}

/// A Hugo site with `pages` HTML pages: a home, one section page and
/// `pages - 2` content pages, each ~300 words of Markdown with a table.
fn make_hugo_site(site: &Path, pages: usize) {
    let _ = fs::remove_dir_all(site);
    fs::create_dir_all(site.join("content/p")).expect("mkdir");
    fs::create_dir_all(site.join("layouts/_default")).expect("mkdir");
    fs::write(
        site.join("hugo.toml"),
        "baseURL = 'https://www.example.org/'\nlanguageCode = 'it'\ntitle = 'Bench'\n\
         disableKinds = ['taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT', '404']\n",
    )
    .expect("config");
    let layout = "<!doctype html><html lang=\"it\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head>\
                  <body><nav>{{ range .Site.Menus.main }}{{ .Name }}{{ end }}</nav><main><h1>{{ .Title }}</h1>{{ .Content }}\
                  {{ range .Pages }}<p><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></p>{{ end }}</main></body></html>\n";
    fs::write(site.join("layouts/_default/single.html"), layout).expect("layout");
    fs::write(site.join("layouts/_default/list.html"), layout).expect("layout");
    let words = "La Camera di Commercio misura ogni anno i risultati dei propri obiettivi \
                 strategici e operativi, confrontando il valore raggiunto con il target \
                 fissato nel piano e pubblicando i dati in formato aperto. ";
    let body: String = words.repeat(10);
    let table = "\n| anno | target | valore |\n|---|---|---|\n| 2021 | 90% | 92,5% |\n\
                 | 2022 | 92% | 91,0% |\n| 2023 | 95% | 96,2% |\n";
    for n in 0..pages.saturating_sub(2) {
        fs::write(
            site.join(format!("content/p/{n:05}.md")),
            format!("---\ntitle: \"Obiettivo {n}\"\n---\n\n{body}\n{table}\n{body}\n"),
        )
        .expect("page");
    }
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
                .join(format!("copia-{copy:03}"))
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
