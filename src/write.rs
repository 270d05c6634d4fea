//! Stage 5: writing the rendered files. The whole site is written to a
//! staging folder beside the output and swapped in only when every file is
//! written, so a failed build leaves the previous output untouched.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;

/// A file of the site, by its path relative to the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

impl OutputFile {
    pub fn new(path: impl Into<PathBuf>, bytes: impl Into<Vec<u8>>) -> Self {
        OutputFile {
            path: path.into(),
            bytes: bytes.into(),
        }
    }
}

/// Marks a folder as written by cruscotto, so that a later build may replace
/// it; a folder without it is never deleted.
pub const MARKER: &str = ".cruscotto-build";
const MARKER_TEXT: &str =
    "Written by cruscotto build: the next build replaces this whole folder.\n";

pub fn write_site(output: &Path, files: &[OutputFile]) -> Result<(), Diagnostic> {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| Diagnostic::error("the output folder has no name").in_file(output))?;
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if output.exists() && !output.join(MARKER).is_file() && !is_empty_dir(output) {
        return Err(Diagnostic::error(
            "the output folder exists and was not written by cruscotto: it is left untouched",
        )
        .in_file(output)
        .help("choose an empty or new folder with --output, or delete this one if it can go"));
    }
    fs::create_dir_all(&parent).map_err(|e| io_error(&parent, "cannot create the folder", &e))?;
    let staging = parent.join(format!(".{name}.staging"));
    let previous = parent.join(format!(".{name}.previous"));
    remove_if_present(&staging)?;
    remove_if_present(&previous)?;
    if let Err(error) = write_all(&staging, files) {
        let _ = fs::remove_dir_all(&staging);
        return Err(error);
    }
    if output.exists() {
        fs::rename(output, &previous).map_err(|e| {
            let _ = fs::remove_dir_all(&staging);
            io_error(output, "cannot move the previous output aside", &e)
        })?;
    }
    if let Err(e) = fs::rename(&staging, output) {
        // Put the previous site back: nothing is lost.
        let _ = fs::rename(&previous, output);
        let _ = fs::remove_dir_all(&staging);
        return Err(io_error(output, "cannot move the new site in place", &e));
    }
    let _ = fs::remove_dir_all(&previous);
    Ok(())
}

fn write_all(staging: &Path, files: &[OutputFile]) -> Result<(), Diagnostic> {
    fs::create_dir_all(staging).map_err(|e| io_error(staging, "cannot create the folder", &e))?;
    fs::write(staging.join(MARKER), MARKER_TEXT)
        .map_err(|e| io_error(staging, "cannot write", &e))?;
    for file in files {
        let path = staging.join(&file.path);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(|e| io_error(dir, "cannot create the folder", &e))?;
        }
        fs::write(&path, &file.bytes).map_err(|e| io_error(&path, "cannot write the file", &e))?;
    }
    Ok(())
}

fn is_empty_dir(path: &Path) -> bool {
    fs::read_dir(path).is_ok_and(|mut entries| entries.next().is_none())
}

fn remove_if_present(path: &Path) -> Result<(), Diagnostic> {
    if path.exists() {
        fs::remove_dir_all(path)
            .map_err(|e| io_error(path, "cannot remove a leftover folder", &e))?;
    }
    Ok(())
}

fn io_error(path: &Path, what: &str, error: &io::Error) -> Diagnostic {
    Diagnostic::error(format!("{what}: {error}"))
        .in_file(path)
        .help("check that the folder is writable and the disk is not full")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_a_previous_build_and_refuses_foreign_folders() {
        let dir = tempfile::tempdir().expect("temp dir");
        let output = dir.path().join("output");
        write_site(&output, &[OutputFile::new("a/b.txt", "one")]).expect("first build");
        assert_eq!(
            fs::read_to_string(output.join("a/b.txt")).expect("read"),
            "one"
        );
        write_site(&output, &[OutputFile::new("c.txt", "two")]).expect("second build");
        assert!(
            !output.join("a/b.txt").exists(),
            "the old site is replaced whole"
        );
        assert_eq!(
            fs::read_to_string(output.join("c.txt")).expect("read"),
            "two"
        );
        assert!(!dir.path().join(".output.staging").exists());
        assert!(!dir.path().join(".output.previous").exists());

        let foreign = dir.path().join("documents");
        fs::create_dir_all(&foreign).expect("mkdir");
        fs::write(foreign.join("keep.txt"), "precious").expect("write");
        assert!(write_site(&foreign, &[OutputFile::new("x", "y")]).is_err());
        assert_eq!(
            fs::read_to_string(foreign.join("keep.txt")).expect("read"),
            "precious"
        );
    }

    #[test]
    fn a_failed_write_leaves_the_previous_output() {
        let dir = tempfile::tempdir().expect("temp dir");
        let output = dir.path().join("output");
        write_site(&output, &[OutputFile::new("index.html", "old")]).expect("first build");
        // A file path that cannot be created: a file where a folder must go.
        let bad = [
            OutputFile::new("x", "file"),
            OutputFile::new("x/y", "under a file"),
        ];
        assert!(write_site(&output, &bad).is_err());
        assert_eq!(
            fs::read_to_string(output.join("index.html")).expect("read"),
            "old"
        );
    }
}
