#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]
//! Acceptance test: the seed document (the 2023 update of the "Performance di
//! Ente" section of the PIAO, extracted from its PDF to tab-separated text)
//! walked side by side with the encoded site in `content/`.
//!
//! The seed is parsed here, never copied: note labels, objective titles,
//! indicator rows (name, algorithm, target, note) and the Fonte / Serie
//! storica tables are read from the text and compared with what the crate's
//! own loader reads from `content/`. Every problem names the seed line.
//!
//! The seed is the source document as extracted from its PDF, kept in
//! `fixtures/seed/`; the environment variable `CRUSCOTTO_SEED` may name
//! another copy (to try the test on a changed document).

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::OnceLock;

use assert_cmd::Command;
use rust_decimal::{Decimal, RoundingStrategy};

use cruscotto::Checked;
use cruscotto::model::{Indicator, Objective, Observed, Plan, SeriesEntry, Unit, Year};

const SEED_FILE: &str = "piao-2023-performance.txt";

// ---------------------------------------------------------------------------
// Exceptions: what parsing cannot reconcile by itself, each with its reason.
// Every exception must be used, so that a stale one fails the test.
// ---------------------------------------------------------------------------

/// Note labels printed with a typo: (as printed, as meant, why).
const LABEL_EXCEPTIONS: &[(&str, &str, &str)] = &[(
    "Nota 104 is",
    "Nota 104 bis",
    "the source table (line 1078) prints `is` for `bis`; the indicator table (line 1043) prints Nota 104 bis",
)];

/// Words of objective titles printed differently in two places of the seed:
/// (as printed, as the content writes it, why).
const TITLE_EXCEPTIONS: &[(&str, &str, &str)] = &[(
    "AMMINISTR.VO",
    "AMMINISTRATIVO",
    "the page heading (line 976) abbreviates the word the overview table (line 21) prints in full",
)];

/// Words the PDF extraction split with a space, written whole in the
/// content: (as extracted, as the content writes it, where).
const EXTRACTION_BREAKS: &[(&str, &str, &str)] = &[
    (
        "COMUNICAZI ONE",
        "COMUNICAZIONE",
        "the owner of an operational objective (line 462); line 1105 prints it whole",
    ),
    (
        "impresa inungiorno.gov",
        "impresainungiorno.gov",
        "the portal's name in an algorithm (line 73); the narrative prints it whole",
    ),
];

/// The defects of the seed that the checker must point out, as printed: a
/// value that disagrees with its NUM/DEN (note label, year, printed value).
const PRINTED_MISMATCHES: &[(&str, Year, &str)] = &[
    ("Nota 7", 2022, "6,22"),      // 4.012 / 64.356 = 6,23%
    ("Nota 15", 2022, "11,4%"),    // 80 (Nota 14) / 708 = 11,30%
    ("Nota 94 bis", 2020, "2,96"), // 178,68 / 58 = 3,08
];

// ---------------------------------------------------------------------------
// Normalisation
// ---------------------------------------------------------------------------

fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' => 'a',
        'è' | 'é' | 'ê' => 'e',
        'ì' | 'í' | 'î' => 'i',
        'ò' | 'ó' | 'ô' => 'o',
        'ù' | 'ú' | 'û' => 'u',
        c => c,
    }
}

/// Drops markup tags (`<p>`, `</i>`, `<small>`) but not comparators (`< 15`).
fn strip_tags(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let name = after.strip_prefix('/').unwrap_or(after);
        let letters = name.chars().take_while(char::is_ascii_alphabetic).count();
        if letters > 0 && name[letters..].starts_with('>') {
            out.push(' ');
            rest = &name[letters + 1..];
        } else {
            out.push('<');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Lower case, accents folded, markup dropped, every run of characters other
/// than letters and digits one space: `QUALITA'` and `qualità` both give
/// `qualita`, `DELL' INTERNAZIONALIZZAZIONE` and `dell'internazionalizzazione`
/// both give `dell internazionalizzazione`.
fn normalize(text: &str) -> String {
    let mut out = String::new();
    for c in strip_tags(text)
        .chars()
        .flat_map(char::to_lowercase)
        .map(fold)
    {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

/// The `OC` and `new` marks printed before a name (`OC`, `OC new`, `NEW`,
/// `<i>new</i>`), taken off a normalised text: (text, OC, new). In `new
/// target 2023 e 2024` (or `new: target ...`) the mark is on the targets, not
/// on the indicator: `new` is taken off, `target 2023 e 2024` stays, and the
/// indicator is not new.
fn strip_marks(normalized: &str) -> (String, bool, bool) {
    let words: Vec<&str> = normalized.split(' ').filter(|w| !w.is_empty()).collect();
    let (mut common, mut new) = (false, false);
    let mut start = 0;
    while let Some(word) = words.get(start) {
        match *word {
            "oc" => common = true,
            "new" if words.get(start + 1) != Some(&"target") => new = true,
            "new" => {}
            _ => break,
        }
        start += 1;
    }
    (words[start..].join(" "), common, new)
}

/// `haystack` without the first whole-word occurrence of `needle`.
fn remove_words(haystack: &str, needle: &str) -> Option<String> {
    if needle.is_empty() {
        return None;
    }
    let padded = format!(" {haystack} ");
    let at = padded.find(&format!(" {needle} "))?;
    let rest = format!("{} {}", &padded[..at], &padded[at + needle.len() + 2..]);
    Some(rest.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Targets compared as printed: case, spaces and `:` ignored, and the dash
/// printed between an original and a revised value (`16%-23%`) dropped.
fn compact_target(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_whitespace() || c == ':' || (c == '-' && out.ends_with('%')) {
            continue;
        }
        out.push(c);
    }
    out
}

fn is_period(word: &str) -> bool {
    word.len() >= 4
        && word.starts_with("20")
        && word.chars().all(|c| c.is_ascii_digit() || c == '-')
}

fn label_key(label: &str) -> String {
    let key = normalize(label);
    for (printed, meant, _) in LABEL_EXCEPTIONS {
        if key == normalize(printed) {
            return normalize(meant);
        }
    }
    key
}

fn title_key(title: &str) -> String {
    let mut title = title.to_string();
    for (printed, meant, _) in TITLE_EXCEPTIONS {
        title = title.replace(printed, meant);
    }
    normalize(&title)
}

/// Numbers printed in a text, Italian style (`65.991`, `0,17`, `-9,53`);
/// the word `zero` is 0.
fn numbers(text: &str) -> Vec<Decimal> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts_number = chars[i].is_ascii_digit()
            || (chars[i] == '-' && chars.get(i + 1).is_some_and(char::is_ascii_digit));
        let after_word = i > 0 && chars[i - 1].is_alphanumeric();
        if !starts_number || after_word {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < chars.len()
            && (chars[i].is_ascii_digit()
                || ((chars[i] == '.' || chars[i] == ',')
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
        {
            i += 1;
        }
        let token: String = chars[start..i].iter().collect();
        let plain = if token.contains(',') {
            token.replace('.', "").replace(',', ".")
        } else if token.split('.').skip(1).all(|group| group.len() == 3) {
            token.replace('.', "")
        } else {
            token
        };
        out.push(Decimal::from_str(&plain).expect("a number"));
    }
    if normalize(text).split(' ').any(|w| w == "zero") {
        out.push(Decimal::ZERO);
    }
    out
}

fn round(value: Decimal, decimals: u32) -> Decimal {
    value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
}

fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).expect("a decimal")
}

// ---------------------------------------------------------------------------
// The seed, parsed
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Comune,
    Specifico,
    Ente,
    Operativo,
}

impl Kind {
    const PRINTED: [(&'static str, Kind); 4] = [
        ("OBIETTIVO STRATEGICO COMUNE", Kind::Comune),
        ("OBIETTIVO STRATEGICO SPECIFICO", Kind::Specifico),
        ("OBIETTIVO DI ENTE", Kind::Ente),
        ("OBIETTIVO OPERATIVO", Kind::Operativo),
    ];

    /// The kind's id in the default tree (the camera-di-commercio preset).
    fn model(self) -> &'static str {
        match self {
            Kind::Comune => "strategico-comune",
            Kind::Specifico => "strategico-specifico",
            Kind::Ente => "ente",
            Kind::Operativo => "operativo",
        }
    }
}

/// A row of the overview table (the first block of the seed).
#[derive(Debug)]
struct OverviewRow {
    line: usize,
    /// The ambito, printed on the first row of each and carried down.
    ambito: String,
    kind: Kind,
    title: String,
    new: bool,
    /// The period printed after the title (`2022-2024`, `2023`), if any.
    period: Option<String>,
}

/// An objective heading in the body of the seed.
#[derive(Debug)]
struct SeedObjective {
    line: usize,
    kind: Kind,
    title: String,
    new: bool,
    /// The top-level objective an operational one is printed under.
    parent: Option<usize>,
}

/// A row of an indicator table.
#[derive(Debug)]
struct SeedRow {
    line: usize,
    objective: usize,
    /// The name cell, with the prefix cell (`OC`, `new target ...`) if any.
    name: String,
    algorithm: String,
    target: String,
    /// The note label, and the line it is printed on.
    note: Option<(String, usize)>,
}

/// A block of a Fonte / Serie storica table.
#[derive(Debug)]
struct SeedNote {
    line: usize,
    label: String,
    /// Words printed after the label (`trattandosi di partecipanti ...`).
    remark: String,
    source: String,
    series: String,
}

/// A paragraph of narrative, with the top-level objective it follows.
#[derive(Debug)]
struct Paragraph {
    line: usize,
    text: String,
    objective: usize,
}

#[derive(Debug, Default)]
struct Seed {
    /// The ambito of the overview row being read.
    ambito: String,
    overview: Vec<OverviewRow>,
    objectives: Vec<SeedObjective>,
    rows: Vec<SeedRow>,
    notes: Vec<SeedNote>,
    paragraphs: Vec<Paragraph>,
}

#[derive(Debug, Default)]
struct Walk {
    top: Option<usize>,
    current: Option<usize>,
    /// After an "OBIETTIVI OPERATIVI" line, until the next page.
    operational_zone: bool,
    /// A heading whose title is on the next non-blank line.
    pending: Option<(Kind, bool)>,
    /// Inside an indicator table: whether rows start with a prefix cell.
    table: Option<bool>,
    /// Rows printed without their note label, waiting for the labels printed
    /// below the table.
    unlabelled: VecDeque<usize>,
    /// Inside a Fonte / Serie storica table.
    sources: bool,
    block: Option<SeedNote>,
}

/// `Nota 12`, `Nota 19 bis`, `nota 57`, `Nota 104 is` at the start of a text:
/// (label, the rest).
fn parse_label(text: &str) -> Option<(String, String)> {
    let text = text.trim();
    if !text.get(..5)?.eq_ignore_ascii_case("nota ") {
        return None;
    }
    let after = &text[5..];
    let digits = after.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let mut label = format!("{} {}", &text[..4], &after[..digits]);
    let mut rest = &after[digits..];
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    rest = rest.trim_start();
    for suffix in ["bis", "ter", "is"] {
        if let Some(tail) = rest.strip_prefix(suffix)
            && (tail.is_empty() || tail.starts_with(' '))
        {
            label = format!("{label} {suffix}");
            rest = tail;
            break;
        }
    }
    Some((label, rest.trim().to_string()))
}

/// A target cell that also holds the note label (`>80% Nota 108`).
fn split_trailing_label(cell: &str) -> Option<(String, String)> {
    let lower = cell.to_lowercase();
    let at = lower.rfind("nota ")?;
    let (label, rest) = parse_label(&cell[at..])?;
    let target = cell[..at].trim();
    (rest.is_empty() && !target.is_empty()).then(|| (target.to_string(), label))
}

fn heading(text: &str) -> Option<(Kind, &str)> {
    Kind::PRINTED
        .iter()
        .find_map(|(printed, kind)| text.strip_prefix(printed).map(|rest| (*kind, rest)))
}

/// The title in a heading: after the period and `- NEW`, the words in
/// capitals up to the owner (`Servizio ...`, `azienda Riviere`, `tutti i
/// servizi ...`), with the bold markup dropped: (title, new).
fn heading_title(text: &str) -> (String, bool) {
    let text = text.replace('\t', " ").replace("**", " ");
    let mut words = text.split_whitespace().peekable();
    let mut new = false;
    while let Some(word) = words.peek() {
        if is_period(word) || *word == "-" {
            words.next();
        } else if *word == "NEW" {
            new = true;
            words.next();
        } else {
            break;
        }
    }
    let title: Vec<&str> = words
        .take_while(|w| !w.chars().any(char::is_lowercase))
        .collect();
    (title.join(" "), new)
}

fn is_capitals_line(text: &str) -> bool {
    !text.contains('\t')
        && text.chars().any(char::is_alphabetic)
        && !text.chars().any(char::is_lowercase)
        && text.split_whitespace().count() >= 3
        && !text.starts_with("**")
        && !text.ends_with("**")
}

fn is_paragraph(text: &str) -> bool {
    !text.contains('\t')
        && text.chars().any(char::is_lowercase)
        && !text.starts_with("Servizio")
        && (text.chars().count() >= 100 || text.ends_with('.'))
}

impl Seed {
    fn parse(text: &str) -> Seed {
        let lines: Vec<&str> = text.lines().collect();
        let mut seed = Seed::default();
        let mut n = 0;
        while n < lines.len() && lines[n].trim().is_empty() {
            n += 1;
        }
        // The overview table: the first block of lines.
        while n < lines.len() && !lines[n].trim().is_empty() {
            seed.overview_row(n + 1, lines[n]);
            n += 1;
        }
        let mut walk = Walk::default();
        for i in n..lines.len() {
            let next = lines[i + 1..]
                .iter()
                .map(|l| l.trim())
                .find(|l| !l.is_empty())
                .unwrap_or("");
            seed.body_line(&mut walk, i + 1, lines[i], next);
        }
        seed.finish_block(&mut walk);
        seed.expect_labelled(&walk, lines.len());
        seed
    }

    fn overview_row(&mut self, line: usize, text: &str) {
        let cells: Vec<&str> = text.split('\t').map(str::trim).collect();
        if let Some(ambito) = cells.iter().find_map(|c| c.strip_prefix("AMBITO ")) {
            self.ambito = ambito.to_string();
        }
        // The title row of the table ("PERFORMANCE DI ENTE ... obiettivi di
        // Ente") names no kind: no objective.
        let Some(k) = cells
            .iter()
            .position(|c| Kind::PRINTED.iter().any(|(p, _)| p == c))
        else {
            return;
        };
        let kind = Kind::PRINTED
            .iter()
            .find(|(p, _)| *p == cells[k])
            .unwrap()
            .1;
        let title = cells.get(k + 1).copied().unwrap_or("");
        // The first row of an ambito may print only the kind and the period
        // (a header row): no objective.
        if title.is_empty() || is_period(title) {
            return;
        }
        let new = cells[..k].iter().any(|c| normalize(c) == "new");
        let period = cells[k + 2..]
            .iter()
            .find(|c| is_period(c))
            .map(|c| c.to_string());
        self.overview.push(OverviewRow {
            line,
            ambito: self.ambito.clone(),
            kind,
            title: title.to_string(),
            new,
            period,
        });
    }

    fn add_objective(
        &mut self,
        walk: &mut Walk,
        line: usize,
        kind: Kind,
        title: String,
        new: bool,
    ) {
        assert!(
            !title.is_empty(),
            "seed line {line}: a heading without a title"
        );
        self.expect_labelled(walk, line);
        let parent = if kind == Kind::Operativo {
            Some(walk.top.unwrap_or_else(|| {
                panic!("seed line {line}: an operational objective before any strategic one")
            }))
        } else {
            walk.top = Some(self.objectives.len());
            None
        };
        walk.current = Some(self.objectives.len());
        self.objectives.push(SeedObjective {
            line,
            kind,
            title,
            new,
            parent,
        });
    }

    fn expect_labelled(&self, walk: &Walk, line: usize) {
        if let Some(&row) = walk.unlabelled.front() {
            panic!(
                "seed line {}: no note label found for this row before line {line}",
                self.rows[row].line
            );
        }
    }

    fn finish_block(&mut self, walk: &mut Walk) {
        if let Some(block) = walk.block.take() {
            self.notes.push(block);
        }
    }

    fn end_sources(&mut self, walk: &mut Walk) {
        self.finish_block(walk);
        walk.sources = false;
    }

    fn body_line(&mut self, walk: &mut Walk, number: usize, line: &str, next: &str) {
        let text = line.trim();
        if let Some((kind, new)) = walk.pending {
            if text.is_empty() {
                return;
            }
            let (title, also_new) = heading_title(text);
            walk.pending = None;
            self.add_objective(walk, number, kind, title, new || also_new);
            return;
        }
        if let Some(leading) = walk.table {
            if text.is_empty() {
                walk.table = None;
            } else {
                self.row(walk, number, line, leading);
            }
            return;
        }
        if text.is_empty() {
            self.finish_block(walk);
            return;
        }
        if let Some((kind, rest)) = heading(text) {
            self.end_sources(walk);
            let (title, new) = heading_title(rest);
            if title.is_empty() {
                walk.pending = Some((kind, new));
            } else {
                self.add_objective(walk, number, kind, title, new);
            }
            return;
        }
        let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
        if cells.contains(&"Indicatore") && cells.contains(&"Algoritmo") {
            self.end_sources(walk);
            self.expect_labelled(walk, number);
            walk.table = Some(line.starts_with('\t'));
            return;
        }
        if ["AMBITO", "**AMBITO", "PERFORMANCE DI"]
            .iter()
            .any(|p| text.starts_with(p))
        {
            self.end_sources(walk);
            walk.operational_zone = false;
            return;
        }
        if text == "OBIETTIVI OPERATIVI" {
            walk.operational_zone = true;
            return;
        }
        if cells.contains(&"Fonte") {
            walk.sources = true;
        }
        if walk.sources {
            self.source_line(walk, number, &cells);
            return;
        }
        if let Some((label, rest)) = parse_label(text)
            && rest.is_empty()
        {
            // A label printed below its table: the rows take them in order.
            let Some(row) = walk.unlabelled.pop_front() else {
                panic!(
                    "seed line {number}: `{label}` printed below a table, but no row lacks its label"
                );
            };
            self.rows[row].note = Some((label, number));
            return;
        }
        if is_capitals_line(text)
            && (next.starts_with("Servizio") || next.starts_with("Indicatore"))
        {
            // A title printed without the "OBIETTIVO ..." prefix (page 14).
            let (title, new) = heading_title(text);
            let kind = if walk.operational_zone {
                Kind::Operativo
            } else {
                let key = title_key(&title);
                self.overview
                    .iter()
                    .find(|o| title_key(&o.title) == key)
                    .unwrap_or_else(|| panic!("seed line {number}: `{title}` has no prefix and is not in the overview table"))
                    .kind
            };
            self.add_objective(walk, number, kind, title, new);
            return;
        }
        if is_paragraph(text)
            && let Some(objective) = walk.top
        {
            self.paragraphs.push(Paragraph {
                line: number,
                text: text.to_string(),
                objective,
            });
        }
    }

    fn row(&mut self, walk: &mut Walk, number: usize, line: &str, leading: bool) {
        let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
        let (prefix, rest) = if leading {
            (cells[0], &cells[1..])
        } else {
            ("", &cells[..])
        };
        let (Some(name), Some(algorithm)) = (rest.first(), rest.get(1)) else {
            panic!("seed line {number}: an indicator row without name and algorithm: {line}");
        };
        let tail: Vec<&str> = rest[2..]
            .iter()
            .copied()
            .filter(|c| !c.is_empty())
            .collect();
        let (target, note) = match tail.as_slice() {
            [target, note] => match parse_label(note) {
                Some((label, rest)) if rest.is_empty() => (target.to_string(), Some(label)),
                _ => panic!("seed line {number}: `{note}` is not a note label"),
            },
            [cell] => match split_trailing_label(cell) {
                Some((target, label)) => (target, Some(label)),
                None => (cell.to_string(), None),
            },
            _ => panic!("seed line {number}: cannot tell the target and the note in: {line}"),
        };
        let objective = walk.current.unwrap_or_else(|| {
            panic!("seed line {number}: an indicator table before any objective")
        });
        if note.is_none() {
            walk.unlabelled.push_back(self.rows.len());
        }
        self.rows.push(SeedRow {
            line: number,
            objective,
            name: format!("{prefix} {name}").trim().to_string(),
            algorithm: algorithm.to_string(),
            target,
            note: note.map(|label| (label, number)),
        });
    }

    fn source_line(&mut self, walk: &mut Walk, number: usize, cells: &[&str]) {
        let mut rest = cells;
        if let Some((label, remark)) = parse_label(cells[0]) {
            self.finish_block(walk);
            walk.block = Some(SeedNote {
                line: number,
                label,
                remark,
                source: String::new(),
                series: String::new(),
            });
            rest = &cells[1..];
        }
        let Some(block) = walk.block.as_mut() else {
            return;
        };
        for cell in rest {
            if cell.is_empty() || *cell == "Fonte" || *cell == "Serie storica" {
                continue;
            }
            let field = if starts_with_year(cell) || !block.series.is_empty() {
                &mut block.series
            } else {
                &mut block.source
            };
            if !field.is_empty() {
                field.push(' ');
            }
            field.push_str(cell);
        }
    }

    /// Every note label printed, with its line: in the indicator tables
    /// (rows and labels below the tables) and in the source tables.
    fn labels(&self) -> Vec<(String, usize)> {
        let mut labels: Vec<(String, usize)> = self
            .rows
            .iter()
            .filter_map(|r| r.note.clone())
            .chain(self.notes.iter().map(|n| (n.label.clone(), n.line)))
            .collect();
        labels.sort_by_key(|(_, line)| *line);
        labels
    }
}

fn starts_with_year(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() >= 5
        && text.starts_with("20")
        && bytes[2..4].iter().all(u8::is_ascii_digit)
        && bytes[4] == b':'
}

/// A printed series split by year: `2020: ND 2021: 0,17 (...)`.
fn series_by_year(series: &str) -> Vec<(Year, String)> {
    let mut marks = Vec::new();
    for (at, _) in series.char_indices() {
        let before_ok = at == 0 || series[..at].ends_with(|c: char| !c.is_alphanumeric());
        if before_ok && starts_with_year(&series[at..]) {
            marks.push(at);
        }
    }
    marks
        .iter()
        .enumerate()
        .map(|(i, &at)| {
            let end = marks.get(i + 1).copied().unwrap_or(series.len());
            let year = series[at..at + 4].parse().expect("a year");
            (year, series[at + 5..end].trim().to_string())
        })
        .collect()
}

fn seed_path() -> PathBuf {
    match std::env::var_os("CRUSCOTTO_SEED") {
        Some(path) => PathBuf::from(path),
        None => Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/seed")
            .join(SEED_FILE),
    }
}

fn seed() -> &'static Seed {
    static SEED: OnceLock<Seed> = OnceLock::new();
    SEED.get_or_init(|| {
        let path = seed_path();
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "cannot read the seed document {} ({e}); set CRUSCOTTO_SEED to its path",
                path.display()
            )
        });
        // The extraction's broken words, mended as the content writes them.
        let mut text = text;
        for (printed, meant, why) in EXTRACTION_BREAKS {
            assert!(
                text.contains(printed),
                "stale extraction break `{printed}` ({why})"
            );
            text = text.replace(printed, meant);
        }
        Seed::parse(&text)
    })
}

// ---------------------------------------------------------------------------
// The content, read by the crate's own loader
// ---------------------------------------------------------------------------

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn checked() -> &'static Checked {
    static CHECKED: OnceLock<Checked> = OnceLock::new();
    CHECKED.get_or_init(|| cruscotto::check(root()))
}

/// The default site built by `cruscotto build`, in a temporary folder.
fn built_site() -> tempfile::TempDir {
    let output = tempfile::tempdir().expect("temp dir");
    Command::cargo_bin("cruscotto")
        .expect("binary")
        .args(["build", "--root"])
        .arg(root())
        .arg("--output")
        .arg(output.path())
        .assert()
        .success();
    output
}

fn plan() -> &'static Plan {
    let checked = checked();
    match &checked.evaluated {
        Some((plan, _)) => plan,
        None => panic!(
            "the content does not check:\n{}",
            checked
                .diagnostics
                .render_short(&checked.sources, cruscotto::diagnostics::Lang::En)
        ),
    }
}

/// The content objectives with this (normalised) title.
fn objectives_titled(plan: &Plan, key: &str) -> Vec<usize> {
    (0..plan.objectives.len())
        .filter(|&o| normalize(&plan.objectives[o].title) == key)
        .collect()
}

fn indicator_by_note<'p>(plan: &'p Plan, label: &str) -> (usize, usize, &'p Indicator) {
    let key = label_key(label);
    let found: Vec<(usize, usize, &Indicator)> = plan
        .indicators()
        .filter(|(_, _, indicator)| indicator.note.as_deref().map(label_key) == Some(key.clone()))
        .collect();
    assert_eq!(found.len(), 1, "one indicator with the note {label}");
    found[0]
}

/// Whether a seed name cell is this indicator's name: the name, and around
/// it only what the content keeps elsewhere (the remark, or the reason of a
/// target revision printed in the name cell).
fn name_matches(seed_name: &str, indicator: &Indicator) -> bool {
    let (core, _, _) = strip_marks(&normalize(seed_name));
    let Some(left) = remove_words(&core, &normalize(&indicator.name)) else {
        return false;
    };
    if left.is_empty() {
        return true;
    }
    let remark = indicator
        .remark
        .as_deref()
        .map(|r| strip_marks(&normalize(r)).0);
    if remark.as_deref() == Some(left.as_str()) {
        return true;
    }
    indicator
        .targets
        .values()
        .filter_map(|t| t.reason.as_deref())
        .any(|reason| normalize(reason) == left)
}

/// The unit a printed target names: `%`, `gg`, a deadline.
fn printed_unit(target: &str) -> Option<Unit> {
    let lower = target.to_lowercase();
    let is_date = |w: &str| {
        w.split('/').count() >= 2
            && w.split('/')
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    };
    if lower.starts_with("entro") || lower.split_whitespace().next().is_some_and(is_date) {
        Some(Unit::Date)
    } else if lower.contains('%') {
        Some(Unit::Percent)
    } else if lower.split_whitespace().any(|w| w == "gg") {
        Some(Unit::Days)
    } else {
        None
    }
}

/// Targets that say nothing of the unit: `zero`, `da def.`.
fn is_unitless(target: &str) -> bool {
    let lower = target.trim().to_lowercase();
    lower == "zero" || lower.starts_with("da def")
}

/// The targets of an indicator as the seed prints them in one cell.
fn content_targets(indicator: &Indicator, with_years: bool) -> String {
    let mut parts = Vec::new();
    for (year, entry) in &indicator.targets {
        if with_years {
            parts.push(year.to_string());
        }
        parts.push(entry.original.text.clone());
        if let Some(revised) = &entry.revised {
            parts.push(revised.text.clone());
        }
    }
    parts.join(" ")
}

/// Differences between a printed series and the content's series.
fn series_problems(printed: &str, series: &BTreeMap<Year, SeriesEntry>) -> Vec<String> {
    let mut problems = Vec::new();
    let by_year = series_by_year(printed);
    if by_year.is_empty() {
        problems.push(format!("no year read in the printed series `{printed}`"));
    }
    let printed_years: BTreeSet<Year> = by_year.iter().map(|(y, _)| *y).collect();
    for year in series.keys().filter(|y| !printed_years.contains(y)) {
        problems.push(format!(
            "the content has a {year} entry the seed does not print"
        ));
    }
    for (year, text) in by_year {
        let Some(entry) = series.get(&year) else {
            problems.push(format!("{year}: printed `{text}`, missing in the content"));
            continue;
        };
        let printed_numbers = numbers(&text);
        let mut values: Vec<Decimal> = entry.measures.values().flatten().copied().collect();
        if let Observed::Value(p) = &entry.observed {
            values.push(p.value);
        }
        values.extend(entry.cluster_mean);
        values.extend(entry.national_mean);
        let mut known = values.clone();
        known.extend(entry.remark.as_deref().map(numbers).unwrap_or_default());
        if printed_numbers.is_empty() {
            // Not available: `ND`, a blank, words, or the NUM/DEN template
            // printed with nothing filled in (`Num - Den`).
            let words = normalize(&text);
            let words = if words == "num den" {
                String::new()
            } else {
                words
            };
            let content_words = match &entry.observed {
                Observed::NotAvailable(t) => normalize(t),
                other => format!("{other:?}"),
            };
            if !values.is_empty() || content_words != words {
                problems.push(format!(
                    "{year}: printed `{text}`, the content has {:?}",
                    entry.observed
                ));
            }
            continue;
        }
        for number in &printed_numbers {
            if !known.contains(number) {
                problems.push(format!(
                    "{year}: `{number}` printed in `{text}` is not in the content"
                ));
            }
        }
        for value in &values {
            if !printed_numbers.contains(value) {
                problems.push(format!(
                    "{year}: the content has `{value}`, the seed prints `{text}`"
                ));
            }
        }
    }
    problems
}

fn fail_on(problems: &[String], what: &str) {
    assert!(
        problems.is_empty(),
        "{} {what}:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

// ---------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------

#[test]
fn the_seed_parses_into_the_documented_shape() {
    let seed = seed();
    let count = |kind| seed.overview.iter().filter(|o| o.kind == kind).count();
    // docs: 19 top-level objectives: 4 strategici comuni, 7 specifici, 8 di ente.
    assert_eq!(
        (
            count(Kind::Comune),
            count(Kind::Specifico),
            count(Kind::Ente)
        ),
        (4, 7, 8),
        "overview table: {:#?}",
        seed.overview
    );
    // Every top-level objective of the overview has its page, in order.
    let pages: Vec<String> = seed
        .objectives
        .iter()
        .filter(|o| o.kind != Kind::Operativo)
        .map(|o| title_key(&o.title))
        .collect();
    let overview: Vec<String> = seed.overview.iter().map(|o| title_key(&o.title)).collect();
    assert_eq!(pages, overview, "the pages follow the overview table");
    for objective in &seed.objectives {
        if objective.kind != Kind::Operativo {
            let row = seed
                .overview
                .iter()
                .find(|o| title_key(&o.title) == title_key(&objective.title))
                .unwrap();
            assert_eq!(row.kind, objective.kind, "seed line {}", objective.line);
        }
    }
    // Every row got its note label, and every source block a series.
    for row in &seed.rows {
        assert!(row.note.is_some(), "seed line {}: no note label", row.line);
        assert!(!row.target.is_empty(), "seed line {}: no target", row.line);
    }
    for note in &seed.notes {
        let years: Vec<Year> = series_by_year(&note.series)
            .iter()
            .map(|(y, _)| *y)
            .collect();
        assert_eq!(
            years,
            [2020, 2021, 2022],
            "seed line {}: {note:?}",
            note.line
        );
        assert!(!note.source.is_empty(), "seed line {}: no Fonte", note.line);
    }
    // The exceptions are all needed.
    let labels = seed.labels();
    for (printed, _, why) in LABEL_EXCEPTIONS {
        assert!(
            labels.iter().any(|(l, _)| l == printed),
            "stale label exception `{printed}` ({why})"
        );
    }
    for (printed, _, why) in TITLE_EXCEPTIONS {
        assert!(
            seed.objectives.iter().any(|o| o.title.contains(printed)),
            "stale title exception `{printed}` ({why})"
        );
    }
}

#[test]
fn every_seed_note_label_is_encoded() {
    let plan = plan();
    let mut encoded = BTreeSet::new();
    for objective in &plan.objectives {
        encoded.extend(
            objective
                .indicators
                .iter()
                .filter_map(|i| i.note.as_deref())
                .map(label_key),
        );
        encoded.extend(
            objective
                .notes
                .iter()
                .map(|n| label_key(n.label.as_deref().unwrap_or_default())),
        );
    }
    let problems: Vec<String> = seed()
        .labels()
        .into_iter()
        .filter(|(label, _)| !encoded.contains(&label_key(label)))
        .map(|(label, line)| {
            format!(
                "seed line {line}: `{label}` is neither an indicator's note nor an objective's note"
            )
        })
        .collect();
    fail_on(&problems, "note labels missing");
}

/// The period of each objective is the one the overview table prints, even
/// where an indicator sets targets for other years.
#[test]
fn the_periods_are_the_seeds() {
    let seed = seed();
    let plan = plan();
    let mut problems = Vec::new();
    let mut compared = 0;
    for row in &seed.overview {
        let Some(printed) = &row.period else { continue };
        if let [o] = objectives_titled(plan, &title_key(&row.title)).as_slice() {
            compared += 1;
            let encoded = plan.objectives[*o].period.to_string();
            if &encoded != printed {
                problems.push(format!(
                    "seed line {}: `{}` prints the period {printed}, the content has {encoded}",
                    row.line, row.title
                ));
            }
        }
    }
    assert!(compared >= 17, "periods compared: {compared}");
    fail_on(&problems, "periods");
}

#[test]
fn every_seed_objective_is_encoded_with_its_kind_and_parent() {
    let seed = seed();
    let plan = plan();
    let mut problems = Vec::new();
    for row in &seed.overview {
        let found = objectives_titled(plan, &title_key(&row.title));
        match found.as_slice() {
            [o] => {
                let objective = &plan.objectives[*o];
                if plan.kind(objective).id != row.kind.model() {
                    problems.push(format!(
                        "seed line {}: `{}` is {:?} in the content",
                        row.line,
                        row.title,
                        plan.kind(objective).id
                    ));
                }
                let ambito = objective
                    .ambito
                    .as_ref()
                    .and_then(|a| plan.config.ambiti.iter().find(|c| c.id == a.id))
                    .map(|a| normalize(&a.title))
                    .unwrap_or_default();
                if row.ambito.is_empty() || !ambito.starts_with(&normalize(&row.ambito)) {
                    problems.push(format!(
                        "seed line {}: `{}` is in the ambito `{}`, the content in {:?}",
                        row.line,
                        row.title,
                        row.ambito,
                        objective.ambito.as_ref().map(|a| &a.id)
                    ));
                }
                if objective.new != row.new {
                    problems.push(format!(
                        "seed line {}: `{}`: new is {} in the content",
                        row.line, row.title, objective.new
                    ));
                }
            }
            [] => problems.push(format!(
                "seed line {}: objective `{}` missing",
                row.line, row.title
            )),
            _ => problems.push(format!(
                "seed line {}: objective `{}` encoded {} times",
                row.line,
                row.title,
                found.len()
            )),
        }
    }
    for objective in &seed.objectives {
        let found = objectives_titled(plan, &title_key(&objective.title));
        let [o] = found.as_slice() else {
            problems.push(format!(
                "seed line {}: objective `{}` found {} times in the content",
                objective.line,
                objective.title,
                found.len()
            ));
            continue;
        };
        let encoded = &plan.objectives[*o];
        if plan.kind(encoded).id != objective.kind.model() {
            problems.push(format!(
                "seed line {}: `{}` is {:?} in the content",
                objective.line,
                objective.title,
                plan.kind(encoded).id
            ));
        }
        if objective.new && !encoded.new {
            problems.push(format!(
                "seed line {}: `{}` is printed new",
                objective.line, objective.title
            ));
        }
        if let Some(parent) = objective.parent {
            let parent_title = title_key(&seed.objectives[parent].title);
            let encoded_parent = encoded
                .parent
                .as_ref()
                .and_then(|p| plan.objectives.iter().find(|o| o.id == p.id))
                .map(|p| normalize(&p.title));
            if encoded_parent.as_deref() != Some(parent_title.as_str()) {
                problems.push(format!(
                    "seed line {}: `{}` is printed under `{}`, its parent in the content is {:?}",
                    objective.line, objective.title, seed.objectives[parent].title, encoded.parent
                ));
            }
        }
    }
    // The site lists objectives in the seed's order: each top-level
    // objective followed by its operational ones.
    let printed: Vec<String> = seed
        .objectives
        .iter()
        .map(|o| title_key(&o.title))
        .collect();
    let encoded: Vec<String> = plan
        .objectives
        .iter()
        .map(|o| normalize(&o.title))
        .collect();
    if problems.is_empty() && printed != encoded {
        let at = printed
            .iter()
            .zip(&encoded)
            .position(|(a, b)| a != b)
            .unwrap_or(printed.len().min(encoded.len()));
        problems.push(format!(
            "the objectives are not in the seed's order: seed line {} prints `{}` where the content has `{}`",
            seed.objectives.get(at).map_or(0, |o| o.line),
            printed.get(at).map_or("", String::as_str),
            encoded.get(at).map_or("", String::as_str)
        ));
    }
    fail_on(&problems, "objective problems");
}

#[test]
fn the_counts_match_the_seed() {
    let seed = seed();
    let plan = plan();
    let mut seed_counts: BTreeMap<Kind, usize> = BTreeMap::new();
    for objective in &seed.objectives {
        *seed_counts.entry(objective.kind).or_default() += 1;
    }
    for kind in [Kind::Comune, Kind::Specifico, Kind::Ente, Kind::Operativo] {
        let overview = seed.overview.iter().filter(|o| o.kind == kind).count();
        let printed = seed_counts.get(&kind).copied().unwrap_or_default();
        if kind != Kind::Operativo {
            assert_eq!(printed, overview, "{kind:?}: pages and overview table");
        }
        let encoded = plan
            .objectives
            .iter()
            .filter(|o| plan.kind(o).id == kind.model())
            .count();
        assert_eq!(encoded, printed, "{kind:?} objectives: content vs seed");
    }
    let indicators: usize = plan.objectives.iter().map(|o| o.indicators.len()).sum();
    assert_eq!(
        indicators,
        seed.rows.len(),
        "indicators: content vs rows of the seed's indicator tables"
    );
    let notes: usize = plan.objectives.iter().map(|o| o.notes.len()).sum();
    let referenced: BTreeSet<String> = seed
        .rows
        .iter()
        .filter_map(|r| r.note.as_ref().map(|(l, _)| label_key(l)))
        .collect();
    let unreferenced: BTreeSet<String> = seed
        .notes
        .iter()
        .map(|n| label_key(&n.label))
        .filter(|l| !referenced.contains(l))
        .collect();
    assert_eq!(
        notes,
        unreferenced.len(),
        "unreferenced notes: {unreferenced:?}"
    );
}

#[test]
fn every_seed_indicator_row_is_encoded_in_its_objective() {
    let seed = seed();
    let plan = plan();
    let reference_year = plan.config.plan.reference_year;
    let mut used: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut last_matched: BTreeMap<usize, usize> = BTreeMap::new();
    let mut problems = Vec::new();
    for row in &seed.rows {
        let seed_objective = &seed.objectives[row.objective];
        let found = objectives_titled(plan, &title_key(&seed_objective.title));
        let Some(&o) = found.first() else {
            problems.push(format!(
                "seed line {}: `{}`: its objective `{}` is missing",
                row.line, row.name, seed_objective.title
            ));
            continue;
        };
        let objective: &Objective = &plan.objectives[o];
        let Some((i, indicator)) = objective
            .indicators
            .iter()
            .enumerate()
            .find(|(i, indicator)| !used.contains(&(o, *i)) && name_matches(&row.name, indicator))
        else {
            problems.push(format!(
                "seed line {}: indicator `{}` missing in objective `{}`",
                row.line, row.name, objective.id
            ));
            continue;
        };
        used.insert((o, i));
        let at = format!("seed line {} (`{}`)", row.line, indicator.id);
        // The indicators of an objective keep the seed's order.
        if let Some(&before) = last_matched.get(&o)
            && i < before
        {
            problems.push(format!(
                "{at}: printed after `{}`, written before it",
                objective.indicators[before].id
            ));
        }
        last_matched.insert(o, i);
        let (_, common, new) = strip_marks(&normalize(&row.name));
        if indicator.common != common {
            problems.push(format!(
                "{at}: printed OC: {common}, content common: {}",
                indicator.common
            ));
        }
        if indicator.new != new {
            problems.push(format!(
                "{at}: printed new: {new}, content new: {}",
                indicator.new
            ));
        }
        let (label, label_line) = row.note.clone().unwrap_or_default();
        if indicator.note.as_deref().map(label_key) != Some(label_key(&label)) {
            problems.push(format!(
                "{at}: note printed `{label}` (line {label_line}), content {:?}",
                indicator.note
            ));
        }
        if indicator.algorithm.as_deref().map(normalize) != Some(normalize(&row.algorithm)) {
            problems.push(format!(
                "{at}: algorithm printed `{}`, content {:?}",
                row.algorithm, indicator.algorithm
            ));
        }
        // Targets: printed per year (`2022 >= 14% 2023 >= 15% 20%`) or, for
        // the reference year, without one.
        let with_years = row.target.trim_start().starts_with("20");
        if !with_years && indicator.targets.keys().ne([reference_year].iter()) {
            problems.push(format!(
                "{at}: target `{}` printed without a year, the content has years {:?}",
                row.target,
                indicator.targets.keys().collect::<Vec<_>>()
            ));
        }
        if let Some(unit) = printed_unit(&row.target)
            && unit != indicator.unit
        {
            problems.push(format!(
                "{at}: target `{}` is in {}, the content's unit is {}",
                row.target,
                unit.code(),
                indicator.unit.code()
            ));
        }
        if printed_unit(&row.target).is_none()
            && !is_unitless(&row.target)
            && matches!(indicator.unit, Unit::Percent | Unit::Date)
        {
            problems.push(format!(
                "{at}: target `{}` is a plain number, the content's unit is {}",
                row.target,
                indicator.unit.code()
            ));
        }
        let encoded = content_targets(indicator, with_years);
        if compact_target(&encoded) != compact_target(&row.target) {
            problems.push(format!(
                "{at}: target printed `{}`, content `{encoded}`",
                row.target
            ));
        }
    }
    fail_on(&problems, "indicator problems");
}

#[test]
fn every_seed_source_table_matches_the_content() {
    let seed = seed();
    let plan = plan();
    // Everything that carries a note label in the content: (label, where,
    // remark, source, series).
    type Holder<'p> = (
        String,
        String,
        Option<&'p str>,
        Option<&'p str>,
        &'p BTreeMap<Year, SeriesEntry>,
    );
    let mut holders: Vec<Holder> = Vec::new();
    for objective in &plan.objectives {
        for indicator in &objective.indicators {
            if let Some(note) = &indicator.note {
                holders.push((
                    label_key(note),
                    indicator.id.clone(),
                    indicator.note_remark.as_deref(),
                    indicator.source.as_deref(),
                    &indicator.series,
                ));
            }
        }
        for note in &objective.notes {
            holders.push((
                label_key(note.label.as_deref().unwrap_or_default()),
                format!("{} (notes)", objective.id),
                None,
                note.source.as_deref(),
                &note.series,
            ));
        }
    }
    let mut problems = Vec::new();
    let mut matched_blocks = BTreeSet::new();
    for (key, id, remark, source, series) in &holders {
        let blocks: Vec<(usize, &SeedNote)> = seed
            .notes
            .iter()
            .enumerate()
            .filter(|(_, n)| label_key(&n.label) == *key)
            .collect();
        if blocks.is_empty() {
            problems.push(format!("`{id}`: no source table prints `{key}`"));
            continue;
        }
        // A reused label (Nota 73) has a table in each place: one must match.
        let mut first_problems = None;
        for (b, block) in &blocks {
            let mut mine = Vec::new();
            if normalize(source.unwrap_or_default()) != normalize(&block.source) {
                mine.push(format!(
                    "Fonte printed `{}`, content {source:?}",
                    block.source
                ));
            }
            if normalize(remark.unwrap_or_default()) != normalize(&block.remark) {
                mine.push(format!(
                    "remark printed `{}`, content {remark:?}",
                    block.remark
                ));
            }
            mine.extend(series_problems(&block.series, series));
            if mine.is_empty() {
                matched_blocks.insert(*b);
                first_problems = None;
                break;
            }
            first_problems.get_or_insert_with(|| {
                mine.iter()
                    .map(|p| format!("seed line {} `{}` / `{id}`: {p}", block.line, block.label))
                    .collect::<Vec<_>>()
            });
        }
        problems.extend(first_problems.unwrap_or_default());
    }
    for (b, block) in seed.notes.iter().enumerate() {
        if !matched_blocks.contains(&b) && holders.iter().any(|h| h.0 == label_key(&block.label)) {
            problems.push(format!(
                "seed line {}: no content matches this `{}` table",
                block.line, block.label
            ));
        }
    }
    fail_on(&problems, "source table problems");
}

#[test]
fn every_narrative_paragraph_is_kept_with_its_objective() {
    let seed = seed();
    let plan = plan();
    let mut problems = Vec::new();
    for paragraph in &seed.paragraphs {
        let title = &seed.objectives[paragraph.objective].title;
        let found = objectives_titled(plan, &title_key(title));
        let body = found
            .first()
            .map(|&o| normalize(&plan.objectives[o].body))
            .unwrap_or_default();
        if !format!(" {body} ").contains(&format!(" {} ", normalize(&paragraph.text))) {
            problems.push(format!(
                "seed line {}: paragraph not in the body of `{title}`: {}",
                paragraph.line, paragraph.text
            ));
        }
    }
    fail_on(&problems, "narrative paragraphs missing");
}

#[test]
fn the_checker_passes_and_reports_the_seed_defects() {
    let checked = checked();
    let report = checked
        .diagnostics
        .render_short(&checked.sources, cruscotto::diagnostics::Lang::En);
    assert_eq!(checked.diagnostics.errors(), 0, "{report}");
    assert!(checked.evaluated.is_some(), "{report}");
    assert!(!report.lines().any(|l| l.starts_with("error")), "{report}");
    let warnings: Vec<&str> = report
        .lines()
        .filter(|l| l.starts_with("warning: "))
        .collect();
    let plan = plan();
    let mut expected = Vec::new();
    // Printed values that disagree with their NUM/DEN.
    for (label, year, printed) in PRINTED_MISMATCHES {
        let (_, _, indicator) = indicator_by_note(plan, label);
        expected.push(format!(
            "{year}: the source prints {printed} for `{}`, but its measures give",
            indicator.id
        ));
    }
    let mismatches = warnings
        .iter()
        .filter(|w| w.contains("the source prints"))
        .count();
    assert_eq!(
        mismatches,
        PRINTED_MISMATCHES.len(),
        "printed values that disagree with their measures: only the seed's own\n{report}"
    );
    // Labels used by several rows of the seed's indicator tables.
    let mut uses: BTreeMap<String, usize> = BTreeMap::new();
    for row in &seed().rows {
        if let Some((label, _)) = &row.note {
            *uses.entry(label.clone()).or_default() += 1;
        }
    }
    let reused: Vec<(&String, &usize)> = uses.iter().filter(|(_, n)| **n > 1).collect();
    assert_eq!(
        reused.iter().map(|(l, _)| l.as_str()).collect::<Vec<_>>(),
        ["Nota 73", "Nota 88"],
        "labels the seed prints on several rows"
    );
    for (label, count) in reused {
        expected.push(format!(
            "the note label \"{label}\" is used by {count} indicators"
        ));
    }
    // Labels of source tables that no row refers to.
    let referenced: BTreeSet<String> = uses.keys().map(|l| label_key(l)).collect();
    let unreferenced: Vec<&str> = seed()
        .notes
        .iter()
        .filter(|n| !referenced.contains(&label_key(&n.label)))
        .map(|n| n.label.as_str())
        .collect();
    assert_eq!(unreferenced, ["Nota 29"], "source tables no row refers to");
    for label in unreferenced {
        expected.push(format!("\"{label}\" is referenced by no indicator"));
    }
    let missing: Vec<&String> = expected
        .iter()
        .filter(|e| !warnings.iter().any(|w| w.contains(e.as_str())))
        .collect();
    assert!(
        missing.is_empty(),
        "warnings missing: {missing:#?}\nreport:\n{report}"
    );
}

/// One hand-checked 2022 figure: the indicator (by its note label), the
/// value, the achievement before and after the cap, and the status.
struct SpotCheck {
    note: &'static str,
    value: &'static str,
    achievement_raw: &'static str,
    achievement: &'static str,
    status: &'static str,
    /// `final`, or `monitoring` with the date of the reading (ISO).
    value_status: &'static str,
    as_of: &'static str,
}

// The seed prints a 2022 target and a 2022 value for nine indicators only
// (the test checks that set is exactly these nine); the tenth check is the
// one 2022 target whose value is printed blank.
const SPOT_CHECKS: &[SpotCheck] = &[
    // Nota 1: 106 / 64.356 × 100 = 0,1647%; target >= 0,18%: 0,1647 / 0,18 = 91,50%
    SpotCheck {
        note: "Nota 1",
        value: "0.1647",
        achievement_raw: "91.50",
        achievement: "91.50",
        status: "parzialmente_raggiunto",
        value_status: "final",
        as_of: "",
    },
    // Nota 7: printed 6,22%, while 4.012 / 64.356 × 100 = 6,2341% does not
    // round to it: the printed value counts (the computed one is the check);
    // target >= 5%: 6,22 / 5 = 124,40%, capped at 100%
    SpotCheck {
        note: "Nota 7",
        value: "6.22",
        achievement_raw: "124.40",
        achievement: "100.00",
        status: "raggiunto",
        value_status: "final",
        as_of: "",
    },
    // Nota 8: 102 / 167 × 100 = 61,0778%; target >= 63%: 61,0778 / 63 = 96,95%
    SpotCheck {
        note: "Nota 8",
        value: "61.0778",
        achievement_raw: "96.95",
        achievement: "96.95",
        status: "parzialmente_raggiunto",
        value_status: "final",
        as_of: "",
    },
    // Nota 9: 3.671 pratiche; target >= 3.500: 3.671 / 3.500 = 104,89%, capped at 100%
    SpotCheck {
        note: "Nota 9",
        value: "3671",
        achievement_raw: "104.89",
        achievement: "100.00",
        status: "raggiunto",
        value_status: "final",
        as_of: "",
    },
    // Nota 14: 80 imprese; target >= 80: 80 / 80 = 100%
    SpotCheck {
        note: "Nota 14",
        value: "80",
        achievement_raw: "100.00",
        achievement: "100.00",
        status: "raggiunto",
        value_status: "final",
        as_of: "",
    },
    // Nota 15: printed 11,4%, while 80 (Nota 14) / 708 × 100 = 11,2994% does
    // not round to it: the printed value counts; target >= 10,8%: 11,4 / 10,8
    // = 105,56%, capped
    SpotCheck {
        note: "Nota 15",
        value: "11.4",
        achievement_raw: "105.56",
        achievement: "100.00",
        status: "raggiunto",
        value_status: "final",
        as_of: "",
    },
    // Nota 38: 108 imprese (dato al monitoraggio); target >= 66: 108 / 66 = 163,64%, capped at 100%
    SpotCheck {
        note: "Nota 38",
        value: "108",
        achievement_raw: "163.64",
        achievement: "100.00",
        status: "raggiunto",
        value_status: "monitoring",
        as_of: "2022-09-30",
    },
    // Nota 43: 241 giovani (dato al monitoraggio); target >= 140: 241 / 140 = 172,14%, capped at 100%
    SpotCheck {
        note: "Nota 43",
        value: "241",
        achievement_raw: "172.14",
        achievement: "100.00",
        status: "raggiunto",
        value_status: "monitoring",
        as_of: "2022-09-30",
    },
    // Nota 69: -8,75 days; target ≤ 0, a target at or below zero: met or not (no baseline): -8,75 <= 0, 100%
    SpotCheck {
        note: "Nota 69",
        value: "-8.75",
        achievement_raw: "100.00",
        achievement: "100.00",
        status: "raggiunto",
        value_status: "final",
        as_of: "",
    },
];

/// Nota 6: target 2022 >= 14%, the 2022 value printed as an empty "Num - Den":
/// not assessable, never zero.
const BLANK_2022: &str = "Nota 6";

#[test]
fn ten_2022_figures_checked_by_hand_in_the_engine_the_csv_and_the_summary() {
    let checked = checked();
    let (plan, evaluation) = checked.evaluated.as_ref().expect("evaluated");
    let year: Year = 2022;

    // The set of 2022 targets with a value is exactly the spot-checked one.
    let mut assessed = BTreeSet::new();
    for (o, objective) in plan.objectives.iter().enumerate() {
        for (i, indicator) in objective.indicators.iter().enumerate() {
            let score = evaluation.indicators[o][i]
                .years
                .get(&year)
                .and_then(|r| r.assessment.as_ref())
                .and_then(|a| a.score.as_ref());
            if score.is_some() {
                assessed.insert(label_key(indicator.note.as_deref().unwrap_or_default()));
            }
        }
    }
    let spot: BTreeSet<String> = SPOT_CHECKS.iter().map(|s| label_key(s.note)).collect();
    assert_eq!(assessed, spot, "2022 targets with a value");

    // The engine.
    for check in SPOT_CHECKS {
        let (o, i, indicator) = indicator_by_note(plan, check.note);
        let result = &evaluation.indicators[o][i].years[&year];
        let value = result.value.expect("a 2022 value");
        assert_eq!(round(value, 4), dec(check.value), "{}: value", check.note);
        let assessment = result.assessment.as_ref().expect("assessed");
        let score = assessment.score.as_ref().expect("scored");
        assert_eq!(
            round(score.achievement_raw, 2),
            dec(check.achievement_raw),
            "{} ({}): raw achievement",
            check.note,
            indicator.id
        );
        assert_eq!(
            round(score.achievement, 2),
            dec(check.achievement),
            "{} ({}): achievement",
            check.note,
            indicator.id
        );
        assert_eq!(
            assessment.status.code(),
            check.status,
            "{} ({}): status",
            check.note,
            indicator.id
        );
        assert_eq!(
            result.value_status.map(|s| s.code()),
            Some(check.value_status),
            "{}: final or monitoring",
            check.note
        );
        assert_eq!(
            result.as_of.map(|d| d.to_string()).unwrap_or_default(),
            check.as_of,
            "{}: as of",
            check.note
        );
    }
    let (o, i, blank) = indicator_by_note(plan, BLANK_2022);
    let result = &evaluation.indicators[o][i].years[&year];
    assert!(
        blank.targets.contains_key(&year) && result.value.is_none(),
        "{BLANK_2022}"
    );
    let assessment = result.assessment.as_ref().expect("assessed");
    assert_eq!(assessment.status.code(), "non_valutabile", "{BLANK_2022}");
    assert!(assessment.score.is_none(), "{BLANK_2022}");

    // The CSV written by `cruscotto build`.
    let output = built_site();
    // The home page's headline says what it rests on.
    let home = std::fs::read_to_string(output.path().join("index.html")).expect("home page");
    assert!(
        home.contains(
            "<strong>98,41%</strong> <span>grado di raggiungimento complessivo dei target valutati"
        ),
        "the 2022 headline"
    );
    assert!(
        home.contains(
            "Calcolato su 9 dei 18 target del 2022, in 2 ambiti su 6; 2 valori sono di monitoraggio, non ancora definitivi."
        ),
        "what the 2022 headline rests on"
    );
    // The Relazione reports on 2022 (plan.relazione_year), with the two
    // monitoring readings marked and the same headline.
    let relazione =
        std::fs::read_to_string(output.path().join("relazione/index.html")).expect("relazione");
    assert!(relazione.contains("Relazione sulla performance 2022"));
    assert!(relazione.contains("In media i target valutati sono stati raggiunti al 98,41%."));
    assert_eq!(
        relazione
            .matches("value-monitoring\">dato di monitoraggio al 30/09/2022</span>")
            .count(),
        2,
        "the two monitoring readings of 2022"
    );
    let mut reader =
        csv::Reader::from_path(output.path().join("dati/indicatori.csv")).expect("indicatori.csv");
    let headers = reader.headers().expect("header").clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name} in {headers:?}"))
    };
    let (id_col, year_col) = (column("indicator_id"), column("year"));
    let (value_col, raw_col, achievement_col, status_col) = (
        column("value"),
        column("achievement_raw_pct"),
        column("achievement_pct"),
        column("status"),
    );
    let (value_status_col, as_of_col) = (column("value_status"), column("as_of"));
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a CSV row")).collect();
    let row_of = |id: &str| {
        let found: Vec<&csv::StringRecord> = rows
            .iter()
            .filter(|r| &r[id_col] == id && &r[year_col] == "2022")
            .collect();
        assert_eq!(found.len(), 1, "one 2022 CSV row for {id}");
        found[0].clone()
    };
    let csv_number = |text: &str, decimals: u32| round(dec(text), decimals);
    for check in SPOT_CHECKS {
        let (_, _, indicator) = indicator_by_note(plan, check.note);
        let row = row_of(&indicator.id);
        assert_eq!(
            csv_number(&row[value_col], 4),
            dec(check.value),
            "CSV {}: value",
            check.note
        );
        assert_eq!(
            csv_number(&row[raw_col], 2),
            dec(check.achievement_raw),
            "CSV {}: raw",
            check.note
        );
        assert_eq!(
            csv_number(&row[achievement_col], 2),
            dec(check.achievement),
            "CSV {}: achievement",
            check.note
        );
        assert_eq!(&row[status_col], check.status, "CSV {}: status", check.note);
        assert_eq!(
            (&row[value_status_col], &row[as_of_col]),
            (check.value_status, check.as_of),
            "CSV {}: final or monitoring",
            check.note
        );
    }
    let row = row_of(&blank.id);
    assert_eq!(
        (&row[value_col], &row[achievement_col]),
        ("", ""),
        "CSV {BLANK_2022}"
    );
    assert_eq!(&row[status_col], "non_valutabile", "CSV {BLANK_2022}");

    // The summary of `cruscotto check` (in Italian, the site's language): a
    // 2022 column and the 2022 counts.
    let output = Command::cargo_bin("cruscotto")
        .expect("binary")
        .args(["check", "--root"])
        .arg(root())
        .output()
        .expect("run");
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    let header = stdout
        .lines()
        .find(|l| l.starts_with("Grado di raggiungimento"))
        .unwrap_or_else(|| panic!("no achievement table:\n{stdout}"));
    assert!(header.split_whitespace().any(|w| w == "2022"), "{header}");
    let printed_2022 = seed()
        .rows
        .iter()
        .filter(|r| {
            r.target.split_whitespace().any(|w| {
                w.strip_prefix("2022").is_some_and(|rest| {
                    rest.is_empty() || rest.starts_with([':', '>', '<', '≥', '≤'])
                })
            })
        })
        .count();
    let met = SPOT_CHECKS
        .iter()
        .filter(|s| s.status == "raggiunto")
        .count();
    let partly = SPOT_CHECKS
        .iter()
        .filter(|s| s.status == "parzialmente_raggiunto")
        .count();
    let missed = SPOT_CHECKS.len() - met - partly;
    let line = format!(
        "2022: {printed_2022} target: {met} raggiunti, {partly} parzialmente raggiunti, {missed} non raggiunti, {} non valutabili",
        printed_2022 - SPOT_CHECKS.len()
    );
    assert!(
        stdout.lines().any(|l| l == line),
        "expected `{line}` in:\n{stdout}"
    );
    // What the 2022 headline rests on: the nine assessed targets, in the two
    // ambiti that have any, two of them on monitoring readings (Note 38, 43).
    let monitoring = SPOT_CHECKS
        .iter()
        .filter(|s| s.value_status == "monitoring")
        .count();
    let rests = format!(
        "      il raggiungimento del piano si basa su {} target su {printed_2022}, in 2 ambiti su 6; {monitoring} {}",
        SPOT_CHECKS.len(),
        if monitoring == 1 {
            "valore di monitoraggio"
        } else {
            "valori di monitoraggio"
        }
    );
    assert!(
        stdout.lines().any(|l| l == rests),
        "expected `{rests}` in:\n{stdout}"
    );
}

/// Numbers of the seed's series tables that the content keeps in a remark
/// (text printed beside the value), not as a number of their own: (note,
/// year, number, why).
const REMARK_NUMBERS: &[(&str, Year, &str, &str)] = &[
    (
        "Nota 15",
        2022,
        "2021",
        "`aggiornato al 2021`: the year of the data Unioncamere supplied",
    ),
    (
        "Nota 94",
        2021,
        "75,92",
        "`nella piattaforma Pareto risulta 75,92`: another figure for the same value",
    ),
    (
        "Nota 104 bis",
        2022,
        "6",
        "`punteggi 6/5/4`: the scores counted",
    ),
    (
        "Nota 104 bis",
        2022,
        "5",
        "`punteggi 6/5/4`: the scores counted",
    ),
    (
        "Nota 104 bis",
        2022,
        "4",
        "`punteggi 6/5/4`: the scores counted",
    ),
];

#[test]
fn every_number_of_the_seed_series_tables_is_in_serie_storiche_csv() {
    let output = built_site();
    let mut reader = csv::Reader::from_path(output.path().join("dati/serie-storiche.csv"))
        .expect("serie-storiche.csv");
    let headers = reader.headers().expect("header").clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name} in {headers:?}"))
    };
    let (note_col, year_col, value_col, remark_col) = (
        column("note"),
        column("year"),
        column("value"),
        column("remark"),
    );
    // (note, year) -> the numbers of its rows, and those of its remarks.
    let mut cells: BTreeMap<(String, Year), (BTreeSet<Decimal>, BTreeSet<Decimal>)> =
        BTreeMap::new();
    for row in reader.records() {
        let row = row.expect("a CSV row");
        let key = (
            label_key(&row[note_col]),
            row[year_col].parse().expect("a year"),
        );
        let entry = cells.entry(key).or_default();
        if !row[value_col].is_empty() {
            entry.0.insert(dec(&row[value_col]));
        }
        entry.1.extend(numbers(&row[remark_col]));
    }
    let mut problems = Vec::new();
    let mut in_remarks = Vec::new();
    let mut count = 0;
    for block in &seed().notes {
        for (year, text) in series_by_year(&block.series) {
            let found = cells.get(&(label_key(&block.label), year));
            for number in numbers(&text) {
                count += 1;
                match found {
                    Some((values, _)) if values.contains(&number) => {}
                    Some((_, remarks)) if remarks.contains(&number) => {
                        in_remarks.push((label_key(&block.label), year, number));
                    }
                    _ => problems.push(format!(
                        "seed line {} `{}` {year}: `{number}` printed in `{text}` is not in \
                         serie-storiche.csv",
                        block.line, block.label
                    )),
                }
            }
        }
    }
    fail_on(&problems, "numbers missing from serie-storiche.csv");
    assert!(
        count >= 100,
        "only {count} numbers read in the seed's series tables"
    );
    let mut expected: Vec<(String, Year, Decimal)> = REMARK_NUMBERS
        .iter()
        .map(|(note, year, number, _)| (label_key(note), *year, numbers(number)[0]))
        .collect();
    expected.sort();
    in_remarks.sort();
    assert_eq!(in_remarks, expected, "the numbers found only in a remark");
}
