//! Timing a whole `cruscotto build` process, for the benchmarks.
#![allow(dead_code)]

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// GNU time, for peak memory and CPU time (Debian package `time`).
pub const GNU_TIME: &str = "/usr/bin/time";

/// GNU time's "%M %U %S": peak KB, and user plus system time.
pub fn gnu_time_figures(file: &Path) -> (u64, Duration) {
    let text = fs::read_to_string(file).expect("GNU time's output");
    let fields: Vec<&str> = text
        .lines()
        .last()
        .unwrap_or_default()
        .split_whitespace()
        .collect();
    let kb: u64 = fields[0].parse().expect("peak memory");
    let seconds: f64 = fields[1..]
        .iter()
        .map(|f| f.parse::<f64>().expect("CPU seconds"))
        .sum();
    (kb, Duration::from_secs_f64(seconds))
}

pub fn median(times: &[Duration]) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    sorted[sorted.len() / 2]
}

/// Runs `cruscotto build`; with `rss`, under GNU time writing the peak
/// resident memory (KB) into that file.
pub fn run_build(binary: &Path, site: &Path, output: &Path, rss: Option<&Path>) -> Duration {
    let mut command = match rss {
        Some(file) => {
            let mut c = Command::new(GNU_TIME);
            c.args(["-f", "%M %U %S", "-o"]).arg(file).arg(binary);
            c
        }
        None => Command::new(binary),
    };
    command
        .args(["build", "--root"])
        .arg(site)
        .arg("--output")
        .arg(output)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    let start = Instant::now();
    let status = command.status().expect("run cruscotto build");
    let elapsed = start.elapsed();
    assert!(
        status.success(),
        "cruscotto build failed on {}",
        site.display()
    );
    elapsed
}
