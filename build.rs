//! Gives the binary a fingerprint of the sources it was built from
//! (`CRUSCOTTO_SOURCE_HASH`): with the version, it tells whether an earlier
//! edition's output was made by this very build of cruscotto, and so may be
//! reused instead of rendered again (see src/editions/reuse.rs). A change
//! to any source file, template or translation gives another fingerprint.

use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};

const INPUTS: [&str; 4] = ["src", "themes/default", "Cargo.lock", "build.rs"];

fn main() {
    let mut files = Vec::new();
    for input in INPUTS {
        println!("cargo:rerun-if-changed={input}");
        collect(Path::new(input), &mut files);
    }
    files.sort();
    let mut hasher = DefaultHasher::new();
    for file in &files {
        hasher.write(file.to_string_lossy().as_bytes());
        let bytes = std::fs::read(file).unwrap_or_default();
        hasher.write_usize(bytes.len());
        hasher.write(&bytes);
    }
    println!(
        "cargo:rustc-env=CRUSCOTTO_SOURCE_HASH={:016x}",
        hasher.finish()
    );
}

fn collect(path: &Path, files: &mut Vec<PathBuf>) {
    if path.is_file() {
        files.push(path.to_path_buf());
    } else if let Ok(entries) = std::fs::read_dir(path) {
        for entry in entries.flatten() {
            collect(&entry.path(), files);
        }
    }
}
