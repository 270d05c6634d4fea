//! Stage 5: writing the rendered files.
//!
//! The site is written into a staging folder beside the output, file by file
//! as the pages are rendered, and swapped in only when every file is written:
//! a failed build leaves the previous output untouched. The staging folder is
//! the copy the last build swapped out, kept and brought up to date: a file
//! whose bytes are already there is left alone, one whose bytes are in the
//! live output is hard-linked from it, and only the others are written (each
//! into a new file renamed in place, so no shared copy is ever changed); the
//! files the new site no longer has are deleted. So a one-file edit writes a
//! handful of files, and no build creates and deletes the whole tree. The
//! swap is one atomic exchange of the two folders on Linux; elsewhere three
//! renames, and a build killed between them is recovered by the next one.
//! `SHA256SUMS` at the root lists every file with its SHA-256.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use sha2::{Digest, Sha256};

use crate::diagnostics::{Diagnostic, Message, io_reason, problem, text};

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

/// Where the rendered files go, one at a time, from any thread.
pub trait Sink: Sync {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic>;
}

/// A sink that keeps the files in memory.
#[derive(Debug, Default)]
pub struct Collect(Mutex<Vec<OutputFile>>);

impl Collect {
    /// The files, sorted by path (rendering order depends on the threads).
    pub fn into_files(self) -> Vec<OutputFile> {
        let mut files = self.0.into_inner().unwrap_or_else(|e| e.into_inner());
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }
}

impl Sink for Collect {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).push(file);
        Ok(())
    }
}

/// A sink that passes every file on to another and keeps a copy of those
/// under some folders (for the PDFs: the pages Chromium prints and the
/// styles, fonts and images they load).
pub struct Keep<'a> {
    inner: &'a dyn Sink,
    folders: &'a [&'a str],
    kept: Collect,
}

impl<'a> Keep<'a> {
    pub fn new(inner: &'a dyn Sink, folders: &'a [&'a str]) -> Self {
        Keep {
            inner,
            folders,
            kept: Collect::default(),
        }
    }

    /// The copies kept, sorted by path.
    pub fn into_kept(self) -> Vec<OutputFile> {
        self.kept.into_files()
    }
}

impl std::fmt::Debug for Keep<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Keep")
            .field("folders", &self.folders)
            .field("kept", &self.kept)
            .finish_non_exhaustive()
    }
}

impl Sink for Keep<'_> {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic> {
        if self
            .folders
            .iter()
            .any(|folder| file.path.starts_with(folder))
        {
            self.kept.put(file.clone())?;
        }
        self.inner.put(file)
    }
}

/// Marks a folder as written by cruscotto, so that a later build may replace
/// it; a folder without it is never deleted.
pub const MARKER: &str = ".cruscotto-build";
const MARKER_TEXT: &str =
    "Written by cruscotto build: the next build replaces this whole folder.\n";

/// The checksums of every file of the output, in `sha256sum -c` format.
pub const SUMS: &str = "SHA256SUMS";

/// What a build wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Every file of the new output, `SHA256SUMS` and the marker included.
    pub files: usize,
    /// Of those, the ones written anew (the others were unchanged and kept).
    pub written: usize,
}

/// A new output being written beside the current one.
#[derive(Debug)]
pub struct Staging {
    /// The output folder (a symlink given as `--output` is followed).
    output: PathBuf,
    staging: PathBuf,
    previous: PathBuf,
    /// Path (with `/`) -> SHA-256 in hex, of every file written so far.
    sums: Mutex<BTreeMap<String, String>>,
    /// Folders already created in the staging folder.
    dirs: Mutex<HashSet<PathBuf>>,
    written: AtomicUsize,
}

impl Staging {
    /// Starts a build of `output`: recovers a build interrupted during the
    /// swap, refuses a folder cruscotto did not write, and creates the
    /// staging folder.
    pub fn begin(output: &Path) -> Result<Staging, Diagnostic> {
        let output = follow_symlinks(output)?;
        let name = output
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .ok_or_else(|| problem::output_without_name().in_file(&output))?;
        let parent = match output.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let staging = parent.join(format!(".{name}.staging"));
        let previous = parent.join(format!(".{name}.previous"));
        recover(&output, &previous, &staging)?;
        if exists(&output) && !ours(&output) && !is_empty_dir(&output) {
            return Err(problem::output_not_ours().in_file(&output));
        }
        fs::create_dir_all(&parent)
            .map_err(|e| io_error(&parent, text::doing_create_folder(), &e))?;
        if exists(&staging) && !ours(&staging) && !is_empty_dir(&staging) {
            return Err(problem::folder_in_the_way().in_file(&staging));
        }
        if !exists(&staging) {
            fs::create_dir(&staging)
                .map_err(|e| io_error(&staging, text::doing_create_folder(), &e))?;
        }
        let mut dirs = HashSet::new();
        dirs.insert(staging.clone());
        let staging = Staging {
            output,
            staging,
            previous,
            sums: Mutex::new(BTreeMap::new()),
            dirs: Mutex::new(dirs),
            written: AtomicUsize::new(0),
        };
        staging.store(MARKER, MARKER_TEXT.as_bytes())?;
        staging.record(
            MARKER.to_string(),
            MARKER_TEXT.as_bytes(),
            Path::new(MARKER),
        )?;
        Ok(staging)
    }

    /// The output folder the build replaces (symlinks followed).
    pub fn output(&self) -> &Path {
        &self.output
    }

    /// Writes `SHA256SUMS` and swaps the new output in.
    pub fn commit(self) -> Result<Written, Diagnostic> {
        let sums = std::mem::take(&mut *self.sums.lock().unwrap_or_else(|e| e.into_inner()));
        let mut text = String::new();
        for (path, hash) in &sums {
            text.push_str(&sums_line(path, hash));
        }
        let files = sums.len() + 1;
        self.prune(&sums);
        self.store(SUMS, text.as_bytes())?;
        swap(&self.staging, &self.output, &self.previous)?;
        Ok(Written {
            files,
            written: self.written.load(Ordering::Relaxed),
        })
    }

    /// Puts one file into the staging folder: left alone when it already
    /// has these bytes, hard-linked from the live output when that has them,
    /// else written. Never written in place: a new file is renamed over the
    /// old, whose inode the live output may share.
    fn store(&self, relative: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        let target = self.staging.join(relative);
        if same_bytes(&target, bytes) {
            return Ok(());
        }
        let shown = self.output.join(relative);
        if let Some(dir) = target.parent() {
            self.create_dir(dir)?;
        }
        if fs::symlink_metadata(&target).is_ok_and(|m| m.is_dir()) {
            // A folder of the old copy where the new site has a file goes,
            // unless this build put files in it.
            let inside = format!("{relative}/");
            let sums = self.sums.lock().unwrap_or_else(|e| e.into_inner());
            if sums.keys().any(|k| k.starts_with(&inside)) {
                return Err(bug(&shown, text::bug_file_over_folder()));
            }
            drop(sums);
            remove_tree(&target).map_err(|e| io_error(&shown, text::doing_replace_folder(), &e))?;
        }
        // A read-only folder of the old copy is made writable by its owner.
        if let Some(dir) = target.parent()
            && fs::metadata(dir).is_ok_and(|m| m.permissions().readonly())
        {
            make_writable(dir);
        }
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        let temporary = target.with_file_name(format!(".{name}.cruscotto-new"));
        let old = self.output.join(relative);
        let _ = fs::remove_file(&temporary);
        let linked = same_bytes(&old, bytes) && fs::hard_link(&old, &temporary).is_ok();
        if !linked {
            fs::write(&temporary, bytes)
                .map_err(|e| io_error(&shown, text::doing_write_file(), &e))?;
            self.written.fetch_add(1, Ordering::Relaxed);
        }
        fs::rename(&temporary, &target).map_err(|e| io_error(&shown, text::doing_write_file(), &e))
    }

    /// Deletes from the staging folder what the new site does not have.
    fn prune(&self, sums: &BTreeMap<String, String>) {
        for entry in walkdir::WalkDir::new(&self.staging)
            .min_depth(1)
            .contents_first(true)
            .into_iter()
            .flatten()
        {
            let Ok(relative) = entry.path().strip_prefix(&self.staging) else {
                continue;
            };
            let relative = relative.to_string_lossy().replace('\\', "/");
            if entry.file_type().is_dir() {
                // Fails, as it should, unless the folder is left empty.
                let _ = fs::remove_dir(entry.path());
            } else if relative != SUMS && !sums.contains_key(&relative) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }

    /// Adds a file's checksum to `SHA256SUMS`.
    fn record(&self, relative: String, bytes: &[u8], path: &Path) -> Result<(), Diagnostic> {
        let hash = sha256_hex(bytes);
        let mut sums = self.sums.lock().unwrap_or_else(|e| e.into_inner());
        if sums.insert(relative, hash).is_some() {
            return Err(bug(path, text::bug_same_path()));
        }
        Ok(())
    }

    fn create_dir(&self, dir: &Path) -> Result<(), Diagnostic> {
        let mut dirs = self.dirs.lock().unwrap_or_else(|e| e.into_inner());
        if !dirs.contains(dir) {
            // A file of the old copy where the new site has a folder goes,
            // unless this build wrote it.
            for ancestor in dir.ancestors().take_while(|a| *a != self.staging) {
                if fs::symlink_metadata(ancestor).is_ok_and(|m| !m.is_dir()) {
                    let relative = ancestor
                        .strip_prefix(&self.staging)
                        .map(|r| r.to_string_lossy().replace('\\', "/"))
                        .unwrap_or_default();
                    let sums = self.sums.lock().unwrap_or_else(|e| e.into_inner());
                    if !sums.contains_key(&relative) {
                        let _ = fs::remove_file(ancestor);
                    }
                }
            }
            fs::create_dir_all(dir).map_err(|e| {
                let shown = dir
                    .strip_prefix(&self.staging)
                    .map_or_else(|_| dir.to_path_buf(), |r| self.output.join(r));
                io_error(&shown, text::doing_create_folder(), &e)
            })?;
            dirs.insert(dir.to_path_buf());
        }
        Ok(())
    }
}

impl Sink for Staging {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic> {
        let relative = relative_path(&file.path)?;
        if relative == SUMS || relative == MARKER {
            return Err(bug(&file.path, text::bug_reserved_name()));
        }
        self.store(&relative, &file.bytes)?;
        self.record(relative, &file.bytes, &file.path)
    }
}

/// Writes the files as a whole new output (all or nothing).
pub fn write_site(output: &Path, files: &[OutputFile]) -> Result<Written, Diagnostic> {
    let staging = Staging::begin(output)?;
    for file in files {
        staging.put(file.clone())?;
    }
    staging.commit()
}

/// The path inside the output, with `/`; only plain names.
fn relative_path(path: &Path) -> Result<String, Diagnostic> {
    let mut parts = Vec::new();
    for component in path.components() {
        match component {
            Component::Normal(part) => parts.push(part.to_string_lossy().into_owned()),
            _ => {
                return Err(bug(path, text::bug_path_outside()));
            }
        }
    }
    if parts.is_empty() {
        return Err(bug(path, text::bug_no_name()));
    }
    Ok(parts.join("/"))
}

/// One line of `SHA256SUMS`, as `sha256sum` writes it (a name with a
/// backslash or a line break is escaped and the line starts with `\`).
pub(crate) fn sums_line(path: &str, hash: &str) -> String {
    if path.contains(['\\', '\n', '\r']) {
        let escaped = path
            .replace('\\', "\\\\")
            .replace('\n', "\\n")
            .replace('\r', "\\r");
        format!("\\{hash}  {escaped}\n")
    } else {
        format!("{hash}  {path}\n")
    }
}

/// The SHA-256 of `bytes` in lower-case hex, as `SHA256SUMS` lists it (the
/// data catalogue gives the same checksums).
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        text.push(char::from(DIGITS[usize::from(byte >> 4)]));
        text.push(char::from(DIGITS[usize::from(byte & 0xf)]));
    }
    text
}

/// True when `old` is a regular file holding exactly `bytes` (read in
/// blocks: the old copy of a large file is never held whole).
fn same_bytes(old: &Path, bytes: &[u8]) -> bool {
    use std::io::Read;
    match fs::symlink_metadata(old) {
        Ok(meta) if meta.is_file() && meta.len() == bytes.len() as u64 => {
            let Ok(mut file) = fs::File::open(old) else {
                return false;
            };
            let mut block = vec![0; 64 * 1024];
            let mut rest = bytes;
            while !rest.is_empty() {
                let wanted = rest.len().min(block.len());
                if file.read_exact(&mut block[..wanted]).is_err()
                    || block[..wanted] != rest[..wanted]
                {
                    return false;
                }
                rest = &rest[wanted..];
            }
            true
        }
        _ => false,
    }
}

/// `--output` given as a symlink: the build goes into the folder it points
/// to, and the link stays.
fn follow_symlinks(output: &Path) -> Result<PathBuf, Diagnostic> {
    let mut path = output.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&path)
                    .map_err(|e| io_error(&path, text::doing_read_link(), &e))?;
                path = match path.parent() {
                    Some(parent) if target.is_relative() => parent.join(target),
                    _ => target,
                };
            }
            _ => return Ok(path),
        }
    }
    Err(problem::output_link_loop().in_file(output))
}

/// A build stopped between the renames of the fallback swap leaves the
/// last complete site in `.previous`: with no output, it is put back; beside
/// a complete output, it becomes the staging folder (or goes, if there is
/// one).
fn recover(output: &Path, previous: &Path, staging: &Path) -> Result<(), Diagnostic> {
    if !exists(previous) || !ours(previous) {
        return Ok(());
    }
    if !exists(output) {
        fs::rename(previous, output)
            .map_err(|e| io_error(previous, text::doing_restore_previous(), &e))
    } else if !exists(staging) {
        fs::rename(previous, staging)
            .map_err(|e| io_error(previous, text::doing_move_leftover(), &e))
    } else {
        remove_leftover(previous)
    }
}

/// Deletes a leftover folder of an earlier build, if it is one of ours.
fn remove_leftover(path: &Path) -> Result<(), Diagnostic> {
    if !exists(path) {
        return Ok(());
    }
    if !ours(path) && !is_empty_dir(path) {
        return Err(problem::folder_in_the_way().in_file(path));
    }
    remove_tree(path).map_err(|e| io_error(path, text::doing_remove_leftover(), &e))
}

/// Swaps the staging folder in: one atomic exchange where the system has
/// it, else two renames (recovered by [`recover`] if interrupted).
fn swap(staging: &Path, output: &Path, previous: &Path) -> Result<(), Diagnostic> {
    if !exists(output) {
        return fs::rename(staging, output)
            .map_err(|e| io_error(output, text::doing_move_site(), &e));
    }
    match exchange(staging, output) {
        // The staging path now holds the previous output: the next build
        // brings it up to date.
        Ok(()) => return Ok(()),
        Err(e) if !unsupported(&e) => {
            return Err(io_error(output, text::doing_swap_site(), &e));
        }
        Err(_) => {}
    }
    swap_by_renames(staging, output, previous)
}

/// The swap where folders cannot be exchanged: the output moves aside to
/// `.previous`, the new site moves in, the previous copy becomes the
/// staging folder.
fn swap_by_renames(staging: &Path, output: &Path, previous: &Path) -> Result<(), Diagnostic> {
    remove_leftover(previous)?;
    fs::rename(output, previous).map_err(|e| io_error(output, text::doing_move_previous(), &e))?;
    if let Err(e) = fs::rename(staging, output) {
        // Put the previous site back: nothing is lost.
        let _ = fs::rename(previous, output);
        return Err(io_error(output, text::doing_move_site(), &e));
    }
    // The previous copy becomes the staging folder of the next build.
    let _ = fs::rename(previous, staging);
    Ok(())
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// The exchange is not available here (old kernel, some file systems).
fn unsupported(error: &io::Error) -> bool {
    error.kind() == io::ErrorKind::Unsupported
        || error.kind() == io::ErrorKind::InvalidInput
        || matches!(error.raw_os_error(), Some(code) if code == 38 /* ENOSYS */ || code == 95 /* EOPNOTSUPP */)
}

/// Deletes a folder; when that fails (a read-only folder inside), makes its
/// folders writable by their owner and tries again.
fn remove_tree(path: &Path) -> io::Result<()> {
    match fs::remove_dir_all(path) {
        Ok(()) => Ok(()),
        Err(first) => {
            for entry in walkdir::WalkDir::new(path).into_iter().flatten() {
                if entry.file_type().is_dir() {
                    make_writable(entry.path());
                }
            }
            fs::remove_dir_all(path).map_err(|_| first)
        }
    }
}

#[cfg(unix)]
fn make_writable(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    if let Ok(meta) = fs::metadata(dir) {
        let mut permissions = meta.permissions();
        permissions.set_mode(permissions.mode() | 0o700);
        let _ = fs::set_permissions(dir, permissions);
    }
}

#[cfg(not(unix))]
fn make_writable(dir: &Path) {
    if let Ok(meta) = fs::metadata(dir) {
        let mut permissions = meta.permissions();
        #[allow(clippy::permissions_set_readonly_false)]
        permissions.set_readonly(false);
        let _ = fs::set_permissions(dir, permissions);
    }
}

fn exists(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}

fn ours(path: &Path) -> bool {
    path.join(MARKER).is_file()
}

fn is_empty_dir(path: &Path) -> bool {
    fs::read_dir(path).is_ok_and(|mut entries| entries.next().is_none())
}

fn io_error(path: &Path, doing: Message, error: &io::Error) -> Diagnostic {
    problem::write_failed(doing, io_reason(error)).in_file(path)
}

fn bug(path: &Path, what: Message) -> Diagnostic {
    problem::internal_error(what).in_file(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(path: &Path) -> String {
        fs::read_to_string(path).expect("read")
    }

    #[test]
    fn replaces_a_previous_build_and_refuses_foreign_folders() {
        let dir = tempfile::tempdir().expect("temp dir");
        let output = dir.path().join("output");
        write_site(&output, &[OutputFile::new("a/b.txt", "one")]).expect("first build");
        assert_eq!(read(&output.join("a/b.txt")), "one");
        write_site(&output, &[OutputFile::new("c.txt", "two")]).expect("second build");
        assert!(
            !output.join("a/b.txt").exists(),
            "the old site is replaced whole"
        );
        assert_eq!(read(&output.join("c.txt")), "two");
        // The previous copy stays beside, for the next build to update.
        assert_eq!(read(&dir.path().join(".output.staging/a/b.txt")), "one");
        assert!(!dir.path().join(".output.previous").exists());
        write_site(&output, &[OutputFile::new("d.txt", "three")]).expect("third build");
        assert!(
            !output.join("a/b.txt").exists() && !output.join("c.txt").exists(),
            "files and folders the site no longer has are gone"
        );
        assert_eq!(read(&output.join("d.txt")), "three");

        let foreign = dir.path().join("documents");
        fs::create_dir_all(&foreign).expect("mkdir");
        fs::write(foreign.join("keep.txt"), "precious").expect("write");
        assert!(write_site(&foreign, &[OutputFile::new("x", "y")]).is_err());
        assert_eq!(read(&foreign.join("keep.txt")), "precious");
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
        assert_eq!(read(&output.join("index.html")), "old");
        assert!(!output.join("x").exists());
    }

    #[cfg(unix)]
    #[test]
    fn unchanged_files_are_kept_and_only_changed_ones_written() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let output = dir.path().join("output");
        let site = |page: &str| {
            vec![
                OutputFile::new("index.html", "home"),
                OutputFile::new("obiettivi/a/index.html", page.to_string()),
                OutputFile::new("assets/style.css", "body{}"),
            ]
        };
        let first = write_site(&output, &site("one")).expect("first build");
        assert_eq!(first.files, 5, "three files, the marker and SHA256SUMS");
        assert_eq!(first.written, 5);
        let inode = |path: &str| fs::metadata(output.join(path)).expect("meta").ino();
        let (home, page) = (inode("index.html"), inode("obiettivi/a/index.html"));
        let second = write_site(&output, &site("two")).expect("second build");
        assert_eq!(
            second.written, 2,
            "the changed page and SHA256SUMS are written, the rest is kept"
        );
        assert_eq!(inode("index.html"), home, "an unchanged file is kept");
        assert_ne!(inode("obiettivi/a/index.html"), page);
        assert_eq!(read(&output.join("obiettivi/a/index.html")), "two");
        let third = write_site(&output, &site("two")).expect("third build");
        assert_eq!(third.written, 0, "nothing changed, nothing written");
    }

    #[test]
    fn sha256sums_lists_every_file_sorted() {
        let dir = tempfile::tempdir().expect("temp dir");
        let output = dir.path().join("output");
        write_site(
            &output,
            &[
                OutputFile::new("b.txt", "abc"),
                OutputFile::new("a/z.txt", ""),
            ],
        )
        .expect("build");
        let sums = read(&output.join(SUMS));
        let marker = hex(&Sha256::digest(MARKER_TEXT.as_bytes()));
        assert_eq!(
            sums.lines().collect::<Vec<_>>(),
            [
                format!("{marker}  {MARKER}"),
                // The SHA-256 of "" and of "abc".
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  a/z.txt".into(),
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  b.txt".into(),
            ]
        );
        assert_eq!(
            sums_line("a\\b", "00"),
            "\\00  a\\\\b\n",
            "escaped as sha256sum does"
        );
    }

    #[test]
    fn an_interrupted_swap_is_recovered_and_the_previous_copy_kept() {
        let dir = tempfile::tempdir().expect("temp dir");
        let output = dir.path().join("output");
        write_site(&output, &[OutputFile::new("index.html", "last good")]).expect("build");
        // Killed between the two renames of the fallback swap: the last
        // complete site is in .previous and there is no output.
        let previous = dir.path().join(".output.previous");
        fs::rename(&output, &previous).expect("rename");
        let staging = Staging::begin(&output).expect("begin");
        assert_eq!(
            read(&output.join("index.html")),
            "last good",
            "the next start puts the previous output back"
        );
        assert!(!previous.exists());
        drop(staging);
        // A failed build after that leaves it as it was.
        let bad = [OutputFile::new("x", "f"), OutputFile::new("x/y", "g")];
        assert!(write_site(&output, &bad).is_err());
        assert_eq!(read(&output.join("index.html")), "last good");
    }

    #[test]
    fn the_swap_by_renames_replaces_the_output_and_leaves_no_copy() {
        let dir = tempfile::tempdir().expect("temp dir");
        let output = dir.path().join("output");
        write_site(&output, &[OutputFile::new("index.html", "old")]).expect("build");
        let staging = dir.path().join(".output.staging");
        let previous = dir.path().join(".output.previous");
        fs::create_dir_all(&staging).expect("mkdir");
        fs::write(staging.join(MARKER), MARKER_TEXT).expect("write");
        fs::write(staging.join("index.html"), "new").expect("write");
        swap_by_renames(&staging, &output, &previous).expect("swap");
        assert_eq!(read(&output.join("index.html")), "new");
        assert_eq!(
            read(&staging.join("index.html")),
            "old",
            "the previous copy is the next staging folder"
        );
        assert!(!previous.exists());
    }

    #[test]
    fn the_swap_exchanges_the_folders_in_one_step() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        fs::create_dir_all(&a).expect("mkdir");
        fs::create_dir_all(&b).expect("mkdir");
        fs::write(a.join("f"), "a").expect("write");
        fs::write(b.join("f"), "b").expect("write");
        match exchange(&a, &b) {
            Ok(()) => {
                assert_eq!(read(&a.join("f")), "b");
                assert_eq!(read(&b.join("f")), "a");
            }
            // Not on this system: the fallback is tested by the other tests.
            Err(e) => assert!(unsupported(&e), "{e}"),
        }
        if cfg!(target_os = "linux") {
            assert_eq!(read(&a.join("f")), "b", "Linux exchanges atomically");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_output_builds_into_its_target() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("www");
        let link = dir.path().join("output");
        std::os::unix::fs::symlink("www", &link).expect("symlink");
        write_site(&link, &[OutputFile::new("index.html", "one")]).expect("first build");
        write_site(&link, &[OutputFile::new("index.html", "two")]).expect("second build");
        assert!(
            fs::symlink_metadata(&link)
                .expect("meta")
                .file_type()
                .is_symlink(),
            "the link stays a link"
        );
        assert_eq!(read(&target.join("index.html")), "two");
        assert_eq!(read(&link.join("index.html")), "two");
    }

    #[cfg(unix)]
    #[test]
    fn read_only_files_and_folders_in_the_old_output_do_not_stop_later_builds() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let output = dir.path().join("output");
        let files = |text: &str| {
            vec![
                OutputFile::new("dati/piao.json", text.to_string()),
                OutputFile::new("index.html", text.to_string()),
            ]
        };
        write_site(&output, &files("one")).expect("first build");
        let readonly = |path: &Path, mode: u32| {
            fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("chmod");
        };
        readonly(&output.join("dati/piao.json"), 0o444);
        readonly(&output.join("index.html"), 0o444);
        readonly(&output.join("dati"), 0o555);
        for text in ["two", "three"] {
            write_site(&output, &files(text)).expect("a later build");
            assert_eq!(read(&output.join("dati/piao.json")), text);
        }
    }

    #[test]
    fn a_file_may_become_a_folder_and_back() {
        let dir = tempfile::tempdir().expect("temp dir");
        let output = dir.path().join("output");
        for files in [
            vec![OutputFile::new("x", "file")],
            vec![OutputFile::new("x/y", "in a folder")],
            vec![OutputFile::new("x", "file again")],
            vec![OutputFile::new("x/y", "in a folder again")],
        ] {
            write_site(&output, &files).expect("build");
            assert_eq!(files_of(&output).len(), 3, "the file, marker, SHA256SUMS");
            assert_eq!(
                read(&output.join(&files[0].path)),
                String::from_utf8_lossy(&files[0].bytes)
            );
        }
    }

    fn files_of(dir: &Path) -> Vec<PathBuf> {
        walkdir::WalkDir::new(dir)
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| e.into_path())
            .collect()
    }
}
