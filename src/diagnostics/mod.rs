//! Problems found in the content, collected across every stage and reported
//! together, like a compiler: each names the file, the line, what is wrong and
//! what to write instead.

use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term;

mod catalogue;
pub mod codes;
pub mod reference;

pub use catalogue::{Arg, Lang, Message};
pub use codes::{problem, text};

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

impl Severity {
    /// The word for scripts (`--format json`).
    pub fn code(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }

    /// The word for people, in `lang`.
    pub fn word(self, lang: Lang) -> String {
        match self {
            Severity::Error => text::severity_error().format(lang),
            Severity::Warning => text::severity_warning().format(lang),
        }
    }
}

/// One problem: which one and with which values (its code, a message of the
/// catalogue), where it is, and what to write instead. The sentences come
/// from the catalogue, in the language of the run, when it is reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The problem: its id is the diagnostic's code.
    pub message: Message,
    /// Where the problem is; `None` only for problems with no file (or with a
    /// file that could not be read: then `path` names it).
    pub span: Option<Span>,
    pub path: Option<PathBuf>,
    /// A short label under the quoted source, in place of the catalogue's
    /// `.label` of the code.
    label: Option<Message>,
    /// What to write instead, in place of the catalogue's `.help`.
    help: Option<Message>,
    /// What the message is about, said before it, outermost first (`row 3,
    /// column value: the measure num: ...`).
    context: Vec<Message>,
}

/// A diagnostic's sentences in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    pub message: String,
    pub label: Option<String>,
    pub help: Option<String>,
}

impl Diagnostic {
    /// A problem of the catalogue; the functions of [`problem`] make them.
    pub fn new(severity: Severity, message: Message) -> Self {
        Diagnostic {
            severity,
            message,
            span: None,
            path: None,
            label: None,
            help: None,
            context: Vec::new(),
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

    /// A label of its own instead of the code's.
    pub fn label(mut self, label: Message) -> Self {
        self.label = Some(label);
        self
    }

    /// A fix of its own instead of the code's.
    pub fn help(mut self, help: Message) -> Self {
        self.help = Some(help);
        self
    }

    /// "Did you mean `close`?" under the quoted source, when there is a close word.
    pub fn suggest(self, close: Option<&str>) -> Self {
        match close {
            Some(close) => self.label(text::did_you_mean(close)),
            None => self,
        }
    }

    /// What the message is about, said before it (and before what was
    /// said before it so far).
    pub fn within(mut self, context: Message) -> Self {
        self.context.insert(0, context);
        self
    }

    /// The stable name of the kind of problem, for scripts and the docs.
    pub fn code(&self) -> &'static str {
        self.message.id
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Whether the problem says what to write (in its own help or its code's).
    pub fn has_help(&self) -> bool {
        self.help.is_some() || self.message.attribute(Lang::En, "help").is_some()
    }

    /// The message, its label and its help in `lang`.
    pub fn said(&self, lang: Lang) -> Said {
        let mut message = self.message.format(lang);
        for context in self.context.iter().rev() {
            message = format!("{}: {message}", context.format(lang));
        }
        let label = match &self.label {
            Some(label) => Some(label.format(lang)),
            None => self.message.attribute(lang, "label"),
        };
        let help = match &self.help {
            Some(help) => Some(help.format(lang)),
            None => self.message.attribute(lang, "help"),
        };
        Said {
            message,
            label,
            help,
        }
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

    /// Renders every diagnostic for people, in `lang`: the header with the
    /// code, the quoted source lines with the label, and the fix.
    pub fn render(&self, sources: &Sources, lang: Lang) -> String {
        let mut files = SimpleFiles::new();
        for (path, text) in &sources.files {
            files.add(path.display().to_string(), text.as_str());
        }
        let config = term::Config::default();
        let help_word = text::help_prefix().format(lang);
        let mut out = String::new();
        for d in &self.items {
            let said = d.said(lang);
            let mut report = match d.severity {
                Severity::Error => Report::error(),
                Severity::Warning => Report::warning(),
            };
            let mut message = said.message.clone();
            if d.span.is_none()
                && let Some(path) = &d.path
            {
                message = format!("{}: {message}", path.display());
            }
            report = report.with_code(d.code()).with_message(message);
            if let Some(span) = &d.span {
                let mut label = Label::primary(span.source.0, span.range.clone());
                if let Some(text) = &said.label {
                    label = label.with_message(text.clone());
                }
                report = report.with_labels(vec![label]);
            }
            let mut notes = Vec::new();
            // Without a quoted line, the label ("did you mean ...?") is a note.
            if d.span.is_none()
                && let Some(label) = &said.label
            {
                notes.push(label.clone());
            }
            if let Some(help) = &said.help {
                notes.push(format!("{help_word}: {help}"));
            }
            report = report.with_notes(notes);
            match term::emit_into_string(&config, &files, &report) {
                // codespan says the severity in English, first on the header.
                Ok(text) => {
                    let english = d.severity.code();
                    match text.strip_prefix(english) {
                        Some(rest) => {
                            out.push_str(&d.severity.word(lang));
                            out.push_str(rest);
                        }
                        None => out.push_str(&text),
                    }
                }
                // A span out of range is a bug of ours; still say what we know.
                Err(_) => {
                    let _ = writeln!(out, "{}: {}", d.severity.word(lang), said.message);
                }
            }
        }
        out
    }

    /// One line per diagnostic: `warning: path:line: message`.
    pub fn render_short(&self, sources: &Sources, lang: Lang) -> String {
        let mut out = String::new();
        for d in &self.items {
            let place = match (&d.span, &d.path) {
                (Some(span), _) => format!("{}: ", sources.location(span)),
                (None, Some(path)) => format!("{}: ", path.display()),
                (None, None) => String::new(),
            };
            let _ = writeln!(
                out,
                "{}: {place}{}",
                d.severity.word(lang),
                d.said(lang).message
            );
        }
        out
    }
}

impl Diagnostics {
    /// One JSON object per line and per diagnostic, for scripts and CI:
    /// `file`, `line`, `column` (1-based; null when the problem has no
    /// place), `severity`, `code`, `message`, `help` (in `lang`).
    pub fn render_json(&self, sources: &Sources, lang: Lang) -> String {
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
            let said = d.said(lang);
            let object = serde_json::json!({
                "file": file,
                "line": line,
                "column": column,
                "severity": d.severity.code(),
                "code": d.code(),
                "message": said.message,
                "help": said.help,
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

/// Why a file or folder could not be read or written, in words of the
/// catalogue for the usual reasons, else as the system says it.
pub fn io_reason(error: &std::io::Error) -> Message {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => text::io_not_found(),
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => text::io_permission_denied(),
        ErrorKind::AlreadyExists => text::io_already_exists(),
        ErrorKind::IsADirectory => text::io_is_a_folder(),
        ErrorKind::NotADirectory => text::io_not_a_folder(),
        ErrorKind::StorageFull => text::io_disk_full(),
        _ => text::io_other(error.to_string()),
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

    fn strano(id: SourceId) -> Diagnostic {
        problem::unknown_kind("strano", Arg::list(["ente", "operativo"]), "cruscotto.yaml")
            .at(&Span::new(id, 10..16))
            .suggest(Some("ente"))
    }

    #[test]
    fn render_quotes_the_line_the_code_and_the_help_in_each_language() {
        let mut sources = Sources::new();
        let id = sources.add("content/a.md", "---\nkind: strano\n---\n".to_string());
        let diags = Diagnostics::from(strano(id));
        let text = diags.render(&sources, Lang::En);
        assert!(
            text.starts_with("error[unknown-kind]: `strano` is not a kind"),
            "{text}"
        );
        assert!(text.contains("content/a.md:2:7"), "{text}");
        assert!(text.contains("kind: strano"), "{text}");
        assert!(text.contains("did you mean `ente`?"), "{text}");
        assert!(
            text.contains("help: write one of: ente, operativo"),
            "{text}"
        );
        let text = diags.render(&sources, Lang::It);
        assert!(
            text.starts_with("errore[unknown-kind]: `strano` non è un tipo"),
            "{text}"
        );
        assert!(text.contains("forse intendevi `ente`?"), "{text}");
        assert!(
            text.contains("come correggere: scrivi uno di questi: ente, operativo"),
            "{text}"
        );
        let short = diags.render_short(&sources, Lang::It);
        assert!(
            short.starts_with("errore: content/a.md:2: `strano`"),
            "{short}"
        );
    }

    #[test]
    fn contexts_come_first_and_a_label_without_a_line_is_a_note() {
        let mut sources = Sources::new();
        let id = sources.add("rilevazioni/2023.csv", "a,b\n".to_string());
        let diagnostic = problem::not_a_number("x")
            .at(&Span::new(id, 0..1))
            .within(text::about_measure("num"))
            .within(text::about_cell(3, "`value`"));
        assert_eq!(
            diagnostic.said(Lang::En).message,
            "row 3, column `value`: the measure `num`: `x` is not a number"
        );
        assert_eq!(
            diagnostic.said(Lang::It).message,
            "riga 3, colonna `value`: la misura `num`: `x` non è un numero"
        );
        let diags = Diagnostics::from(
            problem::new_unknown_id(text::subject_the_ambito(), "aera", Arg::list(["area"]))
                .suggest(Some("area")),
        );
        let text = diags.render(&sources, Lang::En);
        assert!(text.contains("= did you mean `area`?"), "{text}");
    }

    #[test]
    fn json_gives_one_object_per_diagnostic() {
        let mut sources = Sources::new();
        let id = sources.add("content/a.md", "---\nkind: strano\n---\n".to_string());
        let mut diags = Diagnostics::from(strano(id));
        diags.push(problem::no_objectives());
        let text = diags.render_json(&sources, Lang::It);
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).expect("json"))
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["file"], "content/a.md");
        assert_eq!(lines[0]["line"], 2);
        assert_eq!(lines[0]["column"], 7);
        assert_eq!(lines[0]["severity"], "error");
        assert_eq!(lines[0]["code"], "unknown-kind");
        assert_eq!(
            lines[0]["message"],
            "`strano` non è un tipo di obiettivo di questo sito"
        );
        assert!(
            lines[0]["help"]
                .as_str()
                .is_some_and(|h| h.starts_with("scrivi uno di questi"))
        );
        assert_eq!(lines[1]["code"], "no-objectives");
        assert!(lines[1]["line"].is_null());
    }
}
