//! Reusing an unchanged earlier edition's output instead of rendering it
//! again.
//!
//! An earlier edition's pages depend on its own files, on the edition
//! before it (its `modifiche/` page), on what the current edition tells
//! it (the banner: the current edition's label and pages, the site's
//! address) and on cruscotto itself. All of that goes into a fingerprint
//! (SHA-256), written with the edition's output as
//! `edizioni/<id>/.cruscotto-edizione`. The next build computes the
//! fingerprint again; when the previous output holds the same one, and
//! every file `SHA256SUMS` lists for the edition is there with its
//! checksum, those files are taken as they are (the write stage then keeps
//! them, or hard-links them): the edition is not rendered.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io;
use std::path::Path;

use crate::write::{OutputFile, SUMS, sha256_hex};

use super::archive::ARCHIVED;

/// The file that holds an edition's fingerprint, in its output folder.
pub const STAMP: &str = ".cruscotto-edizione";

/// This build of cruscotto: its version and a fingerprint of the sources
/// it was built from (see build.rs), templates and translations included.
pub const TOOL: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    "+",
    env!("CRUSCOTTO_SOURCE_HASH")
);

/// The SHA-256 of a site's inputs under `folder`: every file of
/// `cruscotto.yaml`, `content/`, `rilevazioni/` and `themes/`, as a list of
/// each path with its own SHA-256, in path order.
pub fn inputs(folder: &Path) -> io::Result<String> {
    let mut list = String::new();
    for part in ARCHIVED {
        let path = folder.join(part);
        if fs::symlink_metadata(&path).is_err() {
            continue;
        }
        for entry in walkdir::WalkDir::new(&path)
            .follow_links(true)
            .sort_by_file_name()
        {
            let entry = entry.map_err(io::Error::other)?;
            if !entry.file_type().is_file() {
                continue;
            }
            let relative = entry.path().strip_prefix(folder).unwrap_or(entry.path());
            let name = relative.to_string_lossy().replace('\\', "/");
            let bytes = fs::read(entry.path())?;
            // A name cannot hold a line break here: ids and folders of the
            // site; escaped anyway, so that two lists never read the same.
            list.push_str(&format!("{} {:?}\n", sha256_hex(&bytes), name));
        }
    }
    Ok(sha256_hex(list.as_bytes()))
}

/// The fingerprint of an edition's output: this cruscotto, its inputs, its
/// predecessor's inputs, and what the rest of the site tells its pages
/// (`context`, serialised by the caller).
pub fn fingerprint(inputs: &str, predecessor: Option<&str>, context: &[u8]) -> String {
    let mut parts = Vec::new();
    for part in [
        TOOL.as_bytes(),
        inputs.as_bytes(),
        predecessor.unwrap_or("").as_bytes(),
        context,
    ] {
        // Each part with its length: the parts cannot run into each other.
        parts.extend_from_slice(&(part.len() as u64).to_le_bytes());
        parts.extend_from_slice(part);
    }
    sha256_hex(&parts)
}

/// What the stamp file holds.
pub fn stamp(fingerprint: &str) -> String {
    format!("cruscotto {TOOL}\n{fingerprint}\n")
}

/// A previous output an edition's files can be taken from.
pub trait Previous: Sync {
    /// Every file of the previous output under `folder` (`edizioni/<id>`),
    /// by path relative to the output, if that edition's stamp holds
    /// `fingerprint` and every file is intact; else `None`.
    fn edition(&self, folder: &str, fingerprint: &str) -> Option<Vec<OutputFile>>;
}

/// No previous output: every edition is rendered.
#[derive(Debug, Default)]
pub struct Nothing;

impl Previous for Nothing {
    fn edition(&self, _: &str, _: &str) -> Option<Vec<OutputFile>> {
        None
    }
}

/// The output folder of the last build, with its `SHA256SUMS`.
#[derive(Debug)]
pub struct OutputFolder {
    root: std::path::PathBuf,
    /// Path -> SHA-256 in hex, as `SHA256SUMS` lists them; `None` when the
    /// folder has no readable list (then nothing is reused).
    sums: Option<BTreeMap<String, String>>,
}

impl OutputFolder {
    pub fn open(output: &Path) -> Self {
        let sums = fs::read_to_string(output.join(SUMS)).ok().map(|text| {
            text.lines()
                // A name `sha256sum` had to escape (`\` first) is never one
                // of an edition's: it is left out, and the edition rendered.
                .filter(|line| !line.starts_with('\\'))
                .filter_map(|line| line.split_once("  "))
                .map(|(hash, path)| (path.to_string(), hash.to_string()))
                .collect()
        });
        OutputFolder {
            root: output.to_path_buf(),
            sums,
        }
    }
}

impl Previous for OutputFolder {
    fn edition(&self, folder: &str, fingerprint: &str) -> Option<Vec<OutputFile>> {
        let sums = self.sums.as_ref()?;
        let prefix = format!("{folder}/");
        let stamp_path = format!("{prefix}{STAMP}");
        let written = fs::read_to_string(self.root.join(&stamp_path)).ok()?;
        if written != stamp(fingerprint) || !sums.contains_key(&stamp_path) {
            return None;
        }
        let mut files = Vec::new();
        for (path, hash) in sums.range(prefix.clone()..) {
            if !path.starts_with(&prefix) {
                break;
            }
            let bytes = fs::read(self.root.join(path)).ok()?;
            if sha256_hex(&bytes) != *hash {
                return None;
            }
            files.push(OutputFile::new(path, bytes));
        }
        Some(files)
    }
}

/// The files of the last build in memory (the preview's).
#[derive(Debug, Default)]
pub struct InMemory<'a>(pub Option<&'a HashMap<String, Vec<u8>>>);

impl Previous for InMemory<'_> {
    fn edition(&self, folder: &str, fingerprint: &str) -> Option<Vec<OutputFile>> {
        let files = self.0?;
        let prefix = format!("{folder}/");
        let written = files.get(&format!("{prefix}{STAMP}"))?;
        if *written != stamp(fingerprint).into_bytes() {
            return None;
        }
        let mut found: Vec<OutputFile> = files
            .iter()
            .filter(|(path, _)| path.starts_with(&prefix))
            .map(|(path, bytes)| OutputFile::new(path, bytes.clone()))
            .collect();
        found.sort_by(|a, b| a.path.cmp(&b.path));
        Some(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_inputs_hash_follows_every_byte_and_name_of_the_inputs() {
        let dir = tempfile::tempdir().expect("temp");
        let site = dir.path();
        fs::create_dir_all(site.join("content")).expect("mkdir");
        fs::write(site.join("cruscotto.yaml"), "a: 1\n").expect("write");
        fs::write(site.join("content/a.md"), "uno").expect("write");
        let first = inputs(site).expect("hash");
        assert_eq!(inputs(site).expect("hash"), first, "the same inputs");
        // Files that are not inputs do not count.
        fs::create_dir_all(site.join("output")).expect("mkdir");
        fs::write(site.join("output/index.html"), "x").expect("write");
        fs::write(site.join("appunti.txt"), "x").expect("write");
        assert_eq!(inputs(site).expect("hash"), first);
        fs::write(site.join("content/a.md"), "due").expect("write");
        let changed = inputs(site).expect("hash");
        assert_ne!(changed, first, "a changed byte");
        fs::rename(site.join("content/a.md"), site.join("content/b.md")).expect("mv");
        assert_ne!(inputs(site).expect("hash"), changed, "a renamed file");
        fs::create_dir_all(site.join("rilevazioni")).expect("mkdir");
        fs::write(site.join("rilevazioni/2023.csv"), "x").expect("write");
        assert_ne!(inputs(site).expect("hash"), changed, "a new sheet");
    }

    #[test]
    fn the_fingerprint_depends_on_each_part() {
        let base = fingerprint("a", Some("b"), b"c");
        assert_eq!(fingerprint("a", Some("b"), b"c"), base);
        assert_ne!(fingerprint("x", Some("b"), b"c"), base);
        assert_ne!(fingerprint("a", None, b"c"), base);
        assert_ne!(fingerprint("a", Some("b"), b"x"), base);
        // The parts cannot run into each other.
        assert_ne!(
            fingerprint("ab", None, b""),
            fingerprint("a", Some("b"), b"")
        );
    }

    #[test]
    fn an_edition_is_taken_from_the_output_only_whole_and_with_its_stamp() {
        let dir = tempfile::tempdir().expect("temp");
        let output = dir.path().join("output");
        let files = [
            OutputFile::new("index.html", "oggi"),
            OutputFile::new("edizioni/2023/index.html", "ieri"),
            OutputFile::new(format!("edizioni/2023/{STAMP}"), stamp("f1")),
            OutputFile::new("edizioni/2023-bis/index.html", "altro"),
        ];
        crate::write::write_site(&output, &files).expect("write");
        let previous = OutputFolder::open(&output);
        let found = previous.edition("edizioni/2023", "f1").expect("reused");
        let paths: Vec<_> = found.iter().map(|f| f.path.clone()).collect();
        assert_eq!(
            paths,
            [
                Path::new("edizioni/2023/.cruscotto-edizione"),
                Path::new("edizioni/2023/index.html")
            ]
        );
        assert!(
            previous.edition("edizioni/2023", "f2").is_none(),
            "another fingerprint"
        );
        assert!(
            previous.edition("edizioni/2022", "f1").is_none(),
            "no such edition"
        );
        // A file changed or gone since: rendered again.
        fs::write(output.join("edizioni/2023/index.html"), "altro").expect("write");
        assert!(
            OutputFolder::open(&output)
                .edition("edizioni/2023", "f1")
                .is_none()
        );
        fs::remove_file(output.join("edizioni/2023/index.html")).expect("rm");
        assert!(
            OutputFolder::open(&output)
                .edition("edizioni/2023", "f1")
                .is_none()
        );
        assert!(
            OutputFolder::open(&dir.path().join("none"))
                .edition("edizioni/2023", "f1")
                .is_none()
        );
    }
}
