//! The corpus's building blocks: a case, and the edits that make a broken
//! site out of a good one.

use std::fs;
use std::path::{Path, PathBuf};

pub const CONFIG: &str = "cruscotto.yaml";
pub const STRATEGIC: &str = "content/area-a/01-strategico.md";
pub const ENTE: &str = "content/area-b/01-ente.md";
pub const TEMPI: &str = "content/area-b/01-ente/01-tempi.md";
/// The first line of the narrative in [`STRATEGIC`], after the last line.
pub const NARRATIVE_END: usize = 124;

/// Where the message must point: a file and, where the problem has one, a line.
pub struct Case {
    pub name: &'static str,
    pub edit: Box<dyn Fn(&Path)>,
    pub file: &'static str,
    pub line: Option<usize>,
    /// A piece of the message, for cases where the place alone says little.
    pub says: &'static str,
}

pub fn case(
    name: &'static str,
    file: &'static str,
    line: Option<usize>,
    says: &'static str,
    edit: impl Fn(&Path) + 'static,
) -> Case {
    Case {
        name,
        edit: Box::new(edit),
        file,
        line,
        says,
    }
}

/// Replaces the only occurrence of `from` in `file` with `to`.
pub fn replace(site: &Path, file: &str, from: &str, to: &str) {
    let path = site.join(file);
    let text = fs::read_to_string(&path).expect("read");
    assert_eq!(text.matches(from).count(), 1, "`{from}` in {file}");
    fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

pub fn edit(file: &'static str, from: &'static str, to: impl Into<String>) -> impl Fn(&Path) {
    let to = to.into();
    move |site: &Path| replace(site, file, from, &to)
}

pub fn write(file: &'static str, bytes: impl Into<Vec<u8>>) -> impl Fn(&Path) {
    let bytes = bytes.into();
    move |site: &Path| {
        let path = site.join(file);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, &bytes).expect("write");
    }
}

pub fn append_narrative(markdown: impl Into<String>) -> impl Fn(&Path) {
    let markdown = markdown.into();
    move |site: &Path| {
        let path = site.join(STRATEGIC);
        let mut text = fs::read_to_string(&path).expect("read");
        text.push_str(&markdown);
        text.push('\n');
        fs::write(path, text).expect("write");
    }
}

pub fn symlink(link: &'static str, to: impl Into<PathBuf>) -> impl Fn(&Path) {
    let to = to.into();
    move |site: &Path| std::os::unix::fs::symlink(&to, site.join(link)).expect("symlink")
}

/// Moves `folder` out of the site and leaves a link to it in its place.
pub fn linked_out(folder: &'static str) -> impl Fn(&Path) {
    move |site: &Path| {
        let outside = site.with_extension(format!("{}-outside", folder.replace('/', "-")));
        fs::create_dir_all(&outside).expect("mkdir");
        let moved = outside.join(folder);
        if site.join(folder).exists() {
            fs::rename(site.join(folder), &moved).expect("move");
        } else {
            fs::create_dir_all(moved.join("default/static")).expect("mkdir");
            fs::write(
                moved.join("default/static/segreto.txt"),
                "da non pubblicare",
            )
            .expect("write");
        }
        std::os::unix::fs::symlink(&moved, site.join(folder)).expect("symlink");
    }
}

/// A minimal top-level objective with the given extra lines.
pub fn objective(id: &str, extra: &str) -> String {
    format!(
        "---\nid: {id}\nkind: ente\nambito: area-b\nperiod: 2023\ntitle: \"Altro\"\n{extra}---\n"
    )
}

pub const ONE_INDICATOR: &str = "indicators:\n  - id: altro-indicatore\n    name: \"Altro\"\n    unit: number\n    target: \">= 1\"\n";
