//! Problems found in the content, collected across every stage and reported
//! together, like a compiler: each names the file, the line, what is wrong and
//! what to write instead.

use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term;

/// Index of a file in [`Sources`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SourceId(usize);

/// A byte range in one source file: where a value was written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Span {
    pub source: SourceId,
    pub range: Range<usize>,
}

impl Span {
    pub fn new(source: SourceId, range: Range<usize>) -> Self {
        Span { source, range }
    }
}

/// How the files compiled into cruscotto (the default theme's) end their
/// names in messages.
pub const BUILT_IN: &str = " (built in)";

/// Every file read, kept so that diagnostics can quote the lines they point at.
#[derive(Debug, Default)]
pub struct Sources {
    files: Vec<(PathBuf, String)>,
}

impl Sources {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, path: impl Into<PathBuf>, text: String) -> SourceId {
        self.files.push((path.into(), text));
        SourceId(self.files.len() - 1)
    }

    /// How many files were read so far: the files read after this point
    /// have ids from it on (see [`Sources::prefix_since`]).
    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Puts `prefix` before the paths of the files read since `start`
    /// ([`Sources::len`] then), but those built into cruscotto: a site read
    /// as a folder of another (an earlier edition, `edizioni/2023`) names
    /// its files from the outer site's root.
    pub fn prefix_since(&mut self, start: usize, prefix: &Path) {
        for (path, _) in self.files.iter_mut().skip(start) {
            if path.is_relative() && !path.to_string_lossy().ends_with(BUILT_IN) {
                *path = prefix.join(&*path);
            }
        }
    }

    pub fn path(&self, id: SourceId) -> &Path {
        &self.files[id.0].0
    }

    pub fn text(&self, id: SourceId) -> &str {
        &self.files[id.0].1
    }

    /// 1-based line and column of a byte offset.
    pub fn line_col(&self, span: &Span) -> (usize, usize) {
        let text = self.text(span.source);
        let offset = span.range.start.min(text.len());
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, col)
    }

    /// `path:line` of a span, for one-line listings.
    pub fn location(&self, span: &Span) -> String {
        let (line, _) = self.line_col(span);
        format!("{}:{}", self.path(span.source).display(), line)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    /// Where the problem is; `None` only for problems with no file (or with a
    /// file that could not be read: then `path` names it).
    pub span: Option<Span>,
    pub path: Option<PathBuf>,
    /// A short label under the quoted source.
    pub label: Option<String>,
    /// What to write instead.
    pub help: Option<String>,
    /// A stable name of the kind of problem, for scripts (`--format json`).
    pub code: Option<&'static str>,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            span: None,
            path: None,
            label: None,
            help: None,
            code: None,
        }
    }

    pub fn warning(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message)
        }
    }

    pub fn at(mut self, span: &Span) -> Self {
        self.span = Some(span.clone());
        self
    }

    pub fn in_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.path = Some(path.into());
        self
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn code(mut self, code: &'static str) -> Self {
        self.code = Some(code);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The problems of one run, in the order they were found.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    pub fn errors(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.items.len() - self.errors()
    }

    /// Puts `prefix` before the relative paths of the problems that name a
    /// file without a place in it (see [`Sources::prefix_since`] for the
    /// others).
    pub fn prefix_paths(&mut self, prefix: &Path) {
        for d in &mut self.items {
            if let Some(path) = &mut d.path
                && path.is_relative()
                && !path.to_string_lossy().ends_with(BUILT_IN)
            {
                *path = prefix.join(&*path);
            }
        }
    }

    /// Keeps only the errors.
    pub fn retain_errors(&mut self) {
        self.items.retain(Diagnostic::is_error);
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Sorts by file and position so that reports read top to bottom,
    /// errors of a file before its warnings at the same place.
    pub fn sort(&mut self) {
        self.items.sort_by(|a, b| {
            let key = |d: &Diagnostic| {
                (
                    d.span.as_ref().map(|s| (s.source, s.range.start)),
                    std::cmp::Reverse(d.severity),
                )
            };
            key(a).cmp(&key(b))
        });
    }

    /// Renders every diagnostic as plain text with the quoted source lines.
    pub fn render(&self, sources: &Sources) -> String {
        let mut files = SimpleFiles::new();
        for (path, text) in &sources.files {
            files.add(path.display().to_string(), text.as_str());
        }
        let config = term::Config::default();
        let mut out = String::new();
        for d in &self.items {
            let mut report = match d.severity {
                Severity::Error => Report::error(),
                Severity::Warning => Report::warning(),
            };
            let mut message = d.message.clone();
            if d.span.is_none()
                && let Some(path) = &d.path
            {
                message = format!("{}: {message}", path.display());
            }
            report = report.with_message(message);
            if let Some(span) = &d.span {
                let mut label = Label::primary(span.source.0, span.range.clone());
                if let Some(text) = &d.label {
                    label = label.with_message(text.clone());
                }
                report = report.with_labels(vec![label]);
            }
            if let Some(help) = &d.help {
                report = report.with_notes(vec![format!("help: {help}")]);
            }
            match term::emit_into_string(&config, &files, &report) {
                Ok(text) => out.push_str(&text),
                // A span out of range is a bug of ours; still say what we know.
                Err(_) => {
                    let _ = writeln!(out, "{}", d.message);
                }
            }
        }
        out
    }

    /// One line per diagnostic: `warning: path:line: message`.
    pub fn render_short(&self, sources: &Sources) -> String {
        let mut out = String::new();
        for d in &self.items {
            let kind = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let place = match (&d.span, &d.path) {
                (Some(span), _) => format!("{}: ", sources.location(span)),
                (None, Some(path)) => format!("{}: ", path.display()),
                (None, None) => String::new(),
            };
            let _ = writeln!(out, "{kind}: {place}{}", d.message);
        }
        out
    }
}

impl Diagnostics {
    /// One JSON object per line and per diagnostic, for scripts and CI:
    /// `file`, `line`, `column` (1-based; null when the problem has no
    /// place), `severity`, `code`, `message`, `help`.
    pub fn render_json(&self, sources: &Sources) -> String {
        let mut out = String::new();
        for d in &self.items {
            let (file, line, column) = match (&d.span, &d.path) {
                (Some(span), _) => {
                    let (line, column) = sources.line_col(span);
                    (
                        Some(sources.path(span.source).display().to_string()),
                        Some(line),
                        Some(column),
                    )
                }
                (None, Some(path)) => (Some(path.display().to_string()), None, None),
                (None, None) => (None, None, None),
            };
            let object = serde_json::json!({
                "file": file,
                "line": line,
                "column": column,
                "severity": match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                },
                "code": d.code,
                "message": d.message,
                "help": d.help,
            });
            let _ = writeln!(out, "{object}");
        }
        out
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Self {
        Diagnostics {
            items: vec![diagnostic],
        }
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

/// The closest of `candidates` to `word`, for "did you mean" hints.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_are_one_based() {
        let mut sources = Sources::new();
        let id = sources.add("a.md", "ab\ncdé\nf".to_string());
        assert_eq!(sources.line_col(&Span::new(id, 0..1)), (1, 1));
        assert_eq!(sources.line_col(&Span::new(id, 4..5)), (2, 2));
        assert_eq!(sources.location(&Span::new(id, 9..10)), "a.md:3");
    }

    #[test]
    fn suggestions_pick_the_closest_word() {
        let keys = ["formula", "algorithm", "targets"];
        assert_eq!(did_you_mean("formola", keys), Some("formula"));
        assert_eq!(did_you_mean("target", keys), Some("targets"));
        assert_eq!(did_you_mean("zzz", keys), None);
    }

    #[test]
    fn render_quotes_the_line_and_the_help() {
        let mut sources = Sources::new();
        let id = sources.add("content/a.md", "---\nkind: strano\n---\n".to_string());
        let mut diags = Diagnostics::new();
        diags.push(
            Diagnostic::error("unknown objective kind `strano`")
                .at(&Span::new(id, 10..16))
                .label("not a kind")
                .help("write one of: strategico-comune, strategico-specifico, ente, operativo"),
        );
        let text = diags.render(&sources);
        assert!(text.contains("content/a.md:2:7"), "{text}");
        assert!(text.contains("kind: strano"), "{text}");
        assert!(text.contains("help: write one of"), "{text}");
    }

    #[test]
    fn json_gives_one_object_per_diagnostic() {
        let mut sources = Sources::new();
        let id = sources.add("content/a.md", "---\nkind: strano\n---\n".to_string());
        let mut diags = Diagnostics::new();
        diags.push(
            Diagnostic::error("unknown objective kind `strano`")
                .at(&Span::new(id, 10..16))
                .code("kind")
                .help("write one of: ente, operativo"),
        );
        diags.push(Diagnostic::warning("no file here"));
        let text = diags.render_json(&sources);
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).expect("json"))
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["file"], "content/a.md");
        assert_eq!(lines[0]["line"], 2);
        assert_eq!(lines[0]["column"], 7);
        assert_eq!(lines[0]["severity"], "error");
        assert_eq!(lines[0]["code"], "kind");
        assert_eq!(lines[0]["help"], "write one of: ente, operativo");
        assert_eq!(lines[1]["severity"], "warning");
        assert!(lines[1]["line"].is_null());
    }
}
