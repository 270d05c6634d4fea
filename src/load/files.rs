//! Reading the site's files: a size limit, UTF-8 with the line of a bad
//! byte, Windows line endings made plain, and the rules for symbolic links
//! (never followed out of the site folder, always reported).

use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostics::{Diagnostics, SourceId, Sources, Span, io_reason, problem};

/// The largest text file read: the longest objective of the default site is
/// under 40 KB.
pub const MAX_TEXT_BYTES: u64 = 2 * 1024 * 1024;
/// The largest static file of a theme (an image, a font).
pub const MAX_STATIC_BYTES: u64 = 20 * 1024 * 1024;

/// Paths in messages are relative to the site root, as the user wrote them.
pub fn display_path(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}

/// `\r\n` -> `\n`, so that a site saved on Windows reads as the same site.
pub fn normalise_line_ends(bytes: Vec<u8>) -> Vec<u8> {
    if !bytes.windows(2).any(|w| w == b"\r\n") {
        return bytes;
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut iter = bytes.iter().peekable();
    while let Some(&b) = iter.next() {
        if b == b'\r' && iter.peek() == Some(&&b'\n') {
            continue;
        }
        out.push(b);
    }
    out
}

/// Reads at most `limit` bytes of `path`; a larger file is an error.
/// `shown` is the path in messages.
pub fn read_bytes(
    path: &Path,
    shown: &Path,
    limit: u64,
    sources: &mut Sources,
    diags: &mut Diagnostics,
) -> Option<Vec<u8>> {
    let mut bytes = Vec::new();
    let read = fs::File::open(path).and_then(|file| file.take(limit + 1).read_to_end(&mut bytes));
    if let Err(error) = read {
        diags.push(problem::file_unreadable(io_reason(&error)).in_file(shown));
        return None;
    }
    if bytes.len() as u64 > limit {
        let size = fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
        // Quote the first line only, so that the message stays readable.
        let first: Vec<u8> = bytes
            .iter()
            .take(200)
            .take_while(|&&b| b != b'\n')
            .copied()
            .collect();
        let first = String::from_utf8_lossy(&first).into_owned();
        let span = Span::new(sources.add(shown, first.clone()), 0..first.len());
        diags.push(
            problem::file_too_large(size.div_ceil(1024 * 1024), limit / (1024 * 1024)).at(&span),
        );
        return None;
    }
    Some(bytes)
}

/// Reads a text file of the site into `sources`: at most
/// [`MAX_TEXT_BYTES`], UTF-8, line ends made plain.
pub fn read_text(
    path: &Path,
    shown: &Path,
    sources: &mut Sources,
    diags: &mut Diagnostics,
) -> Option<SourceId> {
    let bytes = normalise_line_ends(read_bytes(path, shown, MAX_TEXT_BYTES, sources, diags)?);
    match String::from_utf8(bytes) {
        Ok(text) => Some(sources.add(shown, text)),
        Err(error) => {
            let at = error.utf8_error().valid_up_to();
            let byte = error.as_bytes().get(at).copied().unwrap_or_default();
            let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
            // The text before the bad byte is the same in the lossy copy.
            let end = text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
            let span = Span::new(sources.add(shown, text), at..end);
            diags.push(problem::file_not_utf8(format!("0x{byte:02X}")).at(&span));
            None
        }
    }
}

/// A file or folder found under a folder of the site.
#[derive(Debug)]
pub struct Found {
    /// Where to read it.
    pub path: PathBuf,
    /// Relative to the site root, for messages.
    pub shown: PathBuf,
    pub is_dir: bool,
}

/// Every file and folder under `dir` (a folder of the site under `root`), in
/// path order. Symbolic links are reported: a link that leads out of the
/// site folder, that leads nowhere or to a folder is an error and is not
/// followed; a link to a file of the site is a warning, and the file is read.
/// `None` when `dir` itself may not be read.
pub fn walk(root: &Path, dir: &Path, diags: &mut Diagnostics) -> Option<Vec<Found>> {
    let site = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let shown_dir = display_path(root, dir);
    // The folder itself, or a folder above it, may be a link.
    match fs::canonicalize(dir) {
        Ok(real) if real == site.join(&shown_dir) => {}
        Ok(real) if real.starts_with(&site) => diags.push(
            problem::folder_link_inside(&shown_dir, &display_path(&site, &real))
                .in_file(&shown_dir),
        ),
        Ok(real) => {
            diags.push(problem::folder_link_outside(&shown_dir, &real).in_file(&shown_dir));
            return None;
        }
        Err(error) => {
            diags.push(
                problem::folder_unreadable(&shown_dir, io_reason(&error)).in_file(&shown_dir),
            );
            return None;
        }
    }
    let mut found = Vec::new();
    for entry in WalkDir::new(dir).min_depth(1).sort_by_file_name() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let path = error
                    .path()
                    .map_or_else(|| dir.to_path_buf(), Path::to_path_buf);
                let shown = display_path(root, &path);
                let reason = match error.io_error() {
                    Some(io) => io_reason(io),
                    None => crate::diagnostics::text::io_other(error.to_string()),
                };
                diags.push(problem::folder_unreadable(&shown, reason).in_file(&shown));
                continue;
            }
        };
        let path = entry.path().to_path_buf();
        let shown = display_path(root, &path);
        if !entry.path_is_symlink() {
            found.push(Found {
                is_dir: entry.file_type().is_dir(),
                path,
                shown,
            });
            continue;
        }
        let target = fs::read_link(&path).unwrap_or_default();
        match fs::canonicalize(&path) {
            Err(_) => diags.push(problem::link_broken(&shown, &target).in_file(&shown)),
            Ok(real) if !real.starts_with(&site) => {
                diags.push(problem::file_link_outside(&shown, &real).in_file(&shown));
            }
            Ok(real) if real.is_dir() => diags
                .push(problem::link_to_folder(&shown, &display_path(&site, &real)).in_file(&shown)),
            Ok(real) => {
                diags.push(
                    problem::file_link_inside(&shown, &display_path(&site, &real)).in_file(&shown),
                );
                found.push(Found {
                    path: real,
                    shown,
                    is_dir: false,
                });
            }
        }
    }
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_line_ends_become_plain() {
        assert_eq!(normalise_line_ends(b"a\r\nb\rc\r\n".to_vec()), b"a\nb\rc\n");
        assert_eq!(normalise_line_ends(b"a\nb".to_vec()), b"a\nb");
    }

    #[test]
    fn a_bad_byte_is_reported_at_its_line() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.md");
        fs::write(&path, b"---\r\nid: a\r\ntitle: caff\xe8\r\n").expect("write");
        let mut sources = Sources::new();
        let mut diags = Diagnostics::new();
        assert!(read_text(&path, Path::new("content/a.md"), &mut sources, &mut diags).is_none());
        let text = diags.render_short(&sources, crate::diagnostics::Lang::En);
        assert!(
            text.contains("content/a.md:3: this file is not UTF-8 text: the byte 0xE8"),
            "{text}"
        );
    }

    #[test]
    fn a_file_over_the_limit_is_refused_without_reading_it_all() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("big.md");
        fs::write(&path, vec![b'a'; 3 * 1024 * 1024]).expect("write");
        let mut sources = Sources::new();
        let mut diags = Diagnostics::new();
        assert!(read_text(&path, Path::new("content/big.md"), &mut sources, &mut diags).is_none());
        let text = diags.render_short(&sources, crate::diagnostics::Lang::En);
        assert!(
            text.contains("content/big.md:1: this file is 3 MB, more than the 2 MB"),
            "{text}"
        );
    }

    #[test]
    fn links_are_reported_and_only_files_of_the_site_are_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let site = dir.path().join("site");
        let content = site.join("content");
        fs::create_dir_all(content.join("a")).expect("mkdir");
        fs::write(content.join("a/uno.md"), "---\n").expect("write");
        fs::write(dir.path().join("fuori.md"), "---\n").expect("write");
        let link =
            |to: &Path, at: &str| std::os::unix::fs::symlink(to, content.join(at)).expect("link");
        link(Path::new("a/uno.md"), "copia.md");
        link(&dir.path().join("fuori.md"), "fuori.md");
        link(Path::new("manca.md"), "rotto.md");
        link(Path::new("a"), "cartella");
        let mut diags = Diagnostics::new();
        let found = walk(&site, &content, &mut diags).expect("walked");
        let files: Vec<String> = found
            .iter()
            .filter(|f| !f.is_dir)
            .map(|f| f.shown.display().to_string())
            .collect();
        assert_eq!(files, ["content/a/uno.md", "content/copia.md"]);
        let text = Diagnostics::render_short(&diags, &Sources::new(), crate::diagnostics::Lang::En);
        assert_eq!((diags.errors(), diags.warnings()), (3, 1), "{text}");
        for expected in [
            "warning: content/copia.md: content/copia.md is a link to content/a/uno.md",
            "error: content/fuori.md: content/fuori.md is a link to",
            "outside the site folder",
            "error: content/rotto.md: content/rotto.md is a link to manca.md, which does not exist",
            "error: content/cartella: content/cartella is a link to the folder content/a",
        ] {
            assert!(text.contains(expected), "{expected}\n{text}");
        }
    }
}
