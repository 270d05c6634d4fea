//! The data-collection sheets: `rilevazioni/YEAR.csv` or `rilevazioni/YEAR.xlsx`,
//! written by `cruscotto rilevazione`, filled in by the office and merged
//! into the indicators' series here, in the load stage.
//!
//! Every sheet becomes a source whose line N is the sheet's row N (an xlsx
//! sheet is shown as its cells separated by commas), so that every problem
//! points at its row; messages name the column too.

mod read;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use rust_decimal::Decimal;

use crate::diagnostics::{
    Arg, Diagnostic, Diagnostics, Message, SourceId, Sources, Span, did_you_mean, problem, text,
};
use crate::load::series::{measure_value, observed};
use crate::load::values::parse_year;
use crate::model::{Date, Objective, Observed, Printed, SeriesEntry, Unit, Year};
use crate::syntax::date::parse_date;
use read::{Cell, Row, SheetKind, read_csv, read_xlsx, row_span};

pub const SHEET_DIR: &str = "rilevazioni";

/// The columns of a sheet, in the order `cruscotto rilevazione` writes them.
pub const COLUMNS: [&str; 9] = [
    "objective_id",
    "indicator_id",
    "measure",
    "name",
    "unit",
    "target",
    "value",
    "as_of",
    "cause",
];

/// Read when present, not written: the office's corrective action.
pub const OPTIONAL_COLUMNS: [&str; 1] = ["action"];

/// Columns a sheet cannot do without.
const REQUIRED: [&str; 3] = ["indicator_id", "measure", "value"];

/// A cell as the file holds it: text (every CSV cell), or a typed xlsx cell.
#[derive(Debug, Default)]
struct Collected {
    value: Option<(Observed, Span)>,
    measures: BTreeMap<String, (Option<Decimal>, Span)>,
    as_of: Option<(Date, Span)>,
    cause: Option<(String, Span)>,
    action: Option<(String, Span)>,
    /// The first row about it.
    span: Option<Span>,
}

/// Reads every sheet under `rilevazioni/` and merges it into the
/// objectives' series. A folder without sheets is fine.
pub fn merge(
    root: &Path,
    objectives: &mut [Objective],
    sources: &mut Sources,
    diags: &mut Diagnostics,
) {
    let dir = root.join(SHEET_DIR);
    if !dir.is_dir() {
        return;
    }
    let mut entries: Vec<_> = match fs::read_dir(&dir) {
        Ok(entries) => entries.filter_map(Result::ok).map(|e| e.path()).collect(),
        Err(error) => {
            let shown = super::display_path(root, &dir);
            diags.push(
                problem::folder_unreadable(&shown, crate::diagnostics::io_reason(&error))
                    .in_file(shown),
            );
            return;
        }
    };
    entries.sort();
    let mut years: BTreeMap<Year, String> = BTreeMap::new();
    for path in entries.into_iter().filter(|p| p.is_file()) {
        // Hidden files and the lock files a spreadsheet keeps beside an open
        // sheet (`~$2023.xlsx`, `.~lock.2023.xlsx#`) are not sheets.
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') || name.starts_with("~$") {
            continue;
        }
        let shown = super::display_path(root, &path);
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let kind = match extension.as_deref() {
            Some("csv") => SheetKind::Csv,
            Some("xlsx") => SheetKind::Xlsx,
            Some("xls" | "ods" | "xlsm") => {
                diags.push(problem::sheet_format_not_read(SHEET_DIR).in_file(&shown));
                continue;
            }
            _ => {
                diags.push(problem::not_a_sheet(SHEET_DIR).in_file(&shown));
                continue;
            }
        };
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let Some(year) = parse_year(stem) else {
            diags.push(
                problem::sheet_name_not_a_year(stem, SHEET_DIR, extension.unwrap_or_default())
                    .in_file(&shown),
            );
            continue;
        };
        if let Some(first) = years.get(&year) {
            diags.push(problem::second_sheet_for_year(year, first).in_file(&shown));
            continue;
        }
        years.insert(year, shown.display().to_string());
        let read = match kind {
            SheetKind::Csv => read_csv(&path, &shown, sources, diags),
            SheetKind::Xlsx => read_xlsx(&path, &shown, sources, diags),
        };
        if let Some((source, rows)) = read {
            let sheet = Sheet {
                source,
                year,
                sources,
            };
            sheet.merge_rows(&rows, objectives, diags);
        }
    }
}

struct Sheet<'s> {
    source: SourceId,
    year: Year,
    sources: &'s Sources,
}

impl Sheet<'_> {
    fn merge_rows(&self, rows: &[Row], objectives: &mut [Objective], diags: &mut Diagnostics) {
        let Some((header_at, header)) = rows
            .iter()
            .enumerate()
            .find(|(_, r)| r.cells.iter().any(|c| !c.is_empty()))
        else {
            diags.push(problem::sheet_empty().in_file(self.sources.path(self.source)));
            return;
        };
        let Some(columns) = self.columns(header, diags) else {
            return;
        };
        let mut ids: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        for (o, objective) in objectives.iter().enumerate() {
            for (i, indicator) in objective.indicators.iter().enumerate() {
                ids.entry(indicator.id.clone()).or_insert((o, i));
            }
        }
        let mut collected: BTreeMap<(usize, usize), Collected> = BTreeMap::new();
        for row in &rows[header_at + 1..] {
            if row.cells.iter().all(Cell::is_empty) {
                continue;
            }
            self.row(row, &columns, &ids, objectives, &mut collected, diags);
        }
        for ((o, i), sheet) in collected {
            let indicator = &mut objectives[o].indicators[i];
            self.merge_entry(&indicator.id, &mut indicator.series, sheet, diags);
        }
    }

    fn span(&self, row: &Row) -> Span {
        row_span(self.sources, self.source, row.number)
    }

    /// A problem of one cell: at its row, naming its column.
    fn error(&self, row: &Row, column: &str, problem: Diagnostic) -> Diagnostic {
        problem
            .at(&self.span(row))
            .within(text::about_cell(row.number, format!("`{column}`")))
    }

    /// Column name -> position; every unknown or repeated name is an error.
    fn columns(
        &self,
        header: &Row,
        diags: &mut Diagnostics,
    ) -> Option<BTreeMap<&'static str, usize>> {
        let known: Vec<&'static str> = COLUMNS.iter().chain(&OPTIONAL_COLUMNS).copied().collect();
        let mut columns = BTreeMap::new();
        let mut ok = true;
        for (position, cell) in header.cells.iter().enumerate() {
            let name = cell.shown().trim().to_lowercase();
            if name.is_empty() {
                continue;
            }
            match known.iter().find(|k| **k == name) {
                Some(key) if columns.contains_key(key) => {
                    ok = false;
                    diags.push(self.error(header, key, problem::sheet_column_twice()));
                }
                Some(key) => {
                    columns.insert(*key, position);
                }
                None => {
                    // Reported, and the rows are still read for their own problems.
                    diags.push(
                        problem::unknown_sheet_column(
                            &name,
                            Arg::list(COLUMNS),
                            Arg::list(OPTIONAL_COLUMNS),
                        )
                        .at(&self.span(header))
                        .within(text::about_row(header.number))
                        .suggest(did_you_mean(&name, known.iter().copied())),
                    );
                }
            }
        }
        for required in REQUIRED {
            if !columns.contains_key(required) {
                ok = false;
                diags.push(
                    problem::sheet_column_missing(required, Arg::list(COLUMNS))
                        .at(&self.span(header))
                        .within(text::about_row(header.number)),
                );
            }
        }
        ok.then_some(columns)
    }

    fn row(
        &self,
        row: &Row,
        columns: &BTreeMap<&'static str, usize>,
        ids: &BTreeMap<String, (usize, usize)>,
        objectives: &[Objective],
        collected: &mut BTreeMap<(usize, usize), Collected>,
        diags: &mut Diagnostics,
    ) {
        let empty = Cell::Text(String::new());
        let cell = |name: &str| {
            columns
                .get(name)
                .and_then(|&c| row.cells.get(c))
                .unwrap_or(&empty)
        };
        let text = |name: &str| cell(name).shown().trim().to_string();
        let id = text("indicator_id");
        let has_data = ["value", "as_of", "cause", "action"]
            .iter()
            .any(|c| !cell(c).is_empty());
        if id.is_empty() {
            if has_data {
                diags.push(self.error(row, "indicator_id", problem::sheet_row_without_indicator()));
            }
            return;
        }
        let Some(&(o, i)) = ids.get(&id) else {
            diags.push(
                self.error(row, "indicator_id", problem::sheet_unknown_indicator(&id))
                    .suggest(did_you_mean(&id, ids.keys().map(String::as_str))),
            );
            return;
        };
        let objective = &objectives[o];
        let indicator = &objective.indicators[i];
        let objective_id = text("objective_id");
        if !objective_id.is_empty() && objective_id != objective.id {
            diags.push(self.error(
                row,
                "objective_id",
                problem::sheet_wrong_objective(&id, &objective.id, &objective_id),
            ));
            return;
        }
        let span = self.span(row);
        let entry = collected.entry((o, i)).or_default();
        entry.span.get_or_insert_with(|| span.clone());
        let twice = |column: &str, first: &Span| {
            self.error(
                row,
                column,
                problem::sheet_given_twice(&id, self.sources.location(first)),
            )
        };
        let measure = text("measure");
        if !measure.is_empty() {
            if !indicator.measures.iter().any(|m| m.name == measure) {
                let names: Vec<&str> = indicator.measures.iter().map(|m| m.name.as_str()).collect();
                let mut diagnostic = self.error(
                    row,
                    "measure",
                    problem::sheet_unknown_measure(&measure, &id, Arg::list(&names)),
                );
                if names.is_empty() {
                    diagnostic = diagnostic.help(text::help_indicator_without_measures(&id));
                }
                diags.push(diagnostic.suggest(did_you_mean(&measure, names)));
                return;
            }
            for column in ["cause", "action"] {
                if !cell(column).is_empty() {
                    diags.push(self.error(
                        row,
                        column,
                        problem::sheet_cause_on_measure(column, &id),
                    ));
                }
            }
            if let Some(value) = self.measure_cell(row, cell("value"), &measure, diags) {
                match entry.measures.get(&measure) {
                    Some((_, first)) => diags.push(twice("value", first)),
                    None => {
                        entry
                            .measures
                            .insert(measure.clone(), (value, span.clone()));
                    }
                }
            }
        } else {
            if let Some(value) = self.value_cell(row, cell("value"), indicator.unit, diags) {
                match &entry.value {
                    Some((_, first)) => diags.push(twice("value", first)),
                    None => entry.value = Some((value, span.clone())),
                }
            }
            for (column, slot) in [("cause", &mut entry.cause), ("action", &mut entry.action)] {
                let value = text(column);
                if value.is_empty() {
                    continue;
                }
                match slot {
                    Some((_, first)) => diags.push(twice(column, first)),
                    None => *slot = Some((value, span.clone())),
                }
            }
        }
        if let Some(as_of) = self.date_cell(row, cell("as_of"), diags) {
            match &entry.as_of {
                Some((first, at)) if *first != as_of => diags.push(self.error(
                    row,
                    "as_of",
                    problem::sheet_another_date(&id, self.sources.location(at)),
                )),
                Some(_) => {}
                None => entry.as_of = Some((as_of, span.clone())),
            }
        }
    }

    /// A measure: a number, or ND (not available); `None` when empty or wrong.
    fn measure_cell(
        &self,
        row: &Row,
        cell: &Cell,
        measure: &str,
        diags: &mut Diagnostics,
    ) -> Option<Option<Decimal>> {
        match cell {
            Cell::Number(n) => Some(Some(*n)),
            Cell::Date(_) => {
                diags.push(self.error(row, "value", problem::sheet_date_where_number_goes()));
                None
            }
            Cell::Text(text) if text.trim().is_empty() => None,
            Cell::Text(text) if crate::syntax::is_not_available(text.trim()) => Some(None),
            Cell::Text(text) => {
                let mut local = Diagnostics::new();
                let value = measure_value(text.trim(), &self.span(row), measure, &mut local);
                self.relabel(row, "value", local, diags);
                value.map(Some)
            }
        }
    }

    /// The indicator's own value: a number, a date (date indicators), or
    /// words meaning not available.
    fn value_cell(
        &self,
        row: &Row,
        cell: &Cell,
        unit: Unit,
        diags: &mut Diagnostics,
    ) -> Option<Observed> {
        match cell {
            Cell::Number(n) if unit != Unit::Date => Some(Observed::Value(Printed {
                value: *n,
                text: n.to_string(),
                decimals: n.scale(),
            })),
            Cell::Number(_) => {
                diags.push(self.error(row, "value", problem::sheet_number_where_date_goes()));
                None
            }
            Cell::Date(d) if unit == Unit::Date => Some(Observed::Date(*d)),
            Cell::Date(_) => {
                diags.push(self.error(row, "value", problem::sheet_date_where_number_goes()));
                None
            }
            Cell::Text(text) if text.trim().is_empty() => None,
            Cell::Text(text) => {
                let mut local = Diagnostics::new();
                let value = observed(
                    text.trim(),
                    &self.span(row),
                    Some(unit),
                    text::help_sheet_value(),
                    &mut local,
                );
                self.relabel(row, "value", local, diags);
                value
            }
        }
    }

    fn date_cell(&self, row: &Row, cell: &Cell, diags: &mut Diagnostics) -> Option<Date> {
        match cell {
            Cell::Date(d) => Some(*d),
            Cell::Text(text) if text.trim().is_empty() => None,
            Cell::Text(text) => match parse_date(text.trim()) {
                Ok(date) => Some(date),
                Err(problem) => {
                    diags.push(
                        self.error(row, "as_of", problem)
                            .help(text::help_reading_date()),
                    );
                    None
                }
            },
            Cell::Number(n) => {
                diags.push(
                    self.error(row, "as_of", problem::not_a_date(n.to_string()))
                        .help(text::help_reading_date()),
                );
                None
            }
        }
    }

    /// Problems found by the content's parsers, with the row and column.
    fn relabel(&self, row: &Row, column: &str, local: Diagnostics, diags: &mut Diagnostics) {
        for d in local {
            diags.push(d.within(text::about_cell(row.number, format!("`{column}`"))));
        }
    }

    /// Puts what the sheet says into the series; a figure the content gives
    /// otherwise is an error, never overwritten.
    fn merge_entry(
        &self,
        id: &str,
        series: &mut BTreeMap<Year, SeriesEntry>,
        sheet: Collected,
        diags: &mut Diagnostics,
    ) {
        let year = self.year;
        let Some(first_span) = sheet.span.clone() else {
            return;
        };
        let has_value = sheet.value.is_some() || !sheet.measures.is_empty();
        if !series.contains_key(&year) && !has_value {
            for (what, span) in [
                (
                    text::given_reading_date(),
                    sheet.as_of.as_ref().map(|a| &a.1),
                ),
                (text::given_cause(), sheet.cause.as_ref().map(|c| &c.1)),
                (text::given_action(), sheet.action.as_ref().map(|c| &c.1)),
            ] {
                if let Some(span) = span {
                    diags.push(problem::sheet_data_without_value(year, what, id).at(span));
                }
            }
            return;
        }
        let entry = series
            .entry(year)
            .or_insert_with(|| SeriesEntry::empty(first_span.clone()));
        let content = self.sources.location(&entry.span);
        let conflict = |column: &str,
                        what: Message,
                        content_says: Arg,
                        sheet_says: Arg,
                        span: &Span| {
            let (row, _) = self.sources.line_col(span);
            problem::sheet_differs_from_content(year, sheet_says, what, id, content_says, &content)
                .at(span)
                .within(text::about_cell(row, format!("`{column}`")))
        };
        let content_had_value = matches!(
            entry.observed,
            Observed::Value(_) | Observed::Date(_) | Observed::NotDone(_)
        ) || entry.measures.values().any(Option::is_some);
        if let Some((value, span)) = sheet.value {
            match (&entry.observed, &value) {
                (Observed::Value(a), Observed::Value(b)) if a.value == b.value => {}
                (Observed::Date(a), Observed::Date(b)) if a == b => {}
                (Observed::NotDone(_), Observed::NotDone(_)) => {}
                (Observed::NotAvailable(_), _) => entry.observed = value,
                (old, new) => diags.push(conflict(
                    "value",
                    text::what_value(),
                    observed_text(old),
                    observed_text(new),
                    &span,
                )),
            }
        }
        for (name, (value, span)) in sheet.measures {
            match (entry.measures.get(&name).copied().flatten(), value) {
                (Some(a), Some(b)) if a == b => {}
                (Some(a), b) => diags.push(conflict(
                    "value",
                    text::what_measure(&name),
                    Arg::from(a.to_string()),
                    Arg::from(b.map_or("ND".into(), |b| b.to_string())),
                    &span,
                )),
                (None, b) => {
                    entry.measures.insert(name, b);
                }
            }
        }
        if has_value {
            let sheet_as_of = sheet.as_of.as_ref().map(|a| a.0);
            match (content_had_value, entry.as_of, sheet_as_of) {
                (true, a, b) if a != b => diags.push(conflict(
                    "as_of",
                    text::what_kind_of_value(),
                    Arg::from(
                        a.map_or_else(text::value_final, |d| text::value_monitoring_at(it_date(d))),
                    ),
                    Arg::from(b.map_or_else(text::value_final_as_of_empty, |d| {
                        text::value_monitoring_at(it_date(d))
                    })),
                    sheet.as_of.as_ref().map_or(&first_span, |a| &a.1),
                )),
                _ => entry.as_of = sheet_as_of.or(entry.as_of),
            }
        } else if let Some((as_of, span)) = sheet.as_of
            && entry.as_of != Some(as_of)
        {
            match entry.as_of {
                Some(other) => diags.push(conflict(
                    "as_of",
                    text::what_reading_date(),
                    Arg::from(it_date(other)),
                    Arg::from(it_date(as_of)),
                    &span,
                )),
                None => entry.as_of = Some(as_of),
            }
        }
        for (column, what, slot, given) in [
            ("cause", text::what_cause(), &mut entry.cause, sheet.cause),
            (
                "action",
                text::what_action(),
                &mut entry.action,
                sheet.action,
            ),
        ] {
            let Some((text, span)) = given else { continue };
            match slot {
                Some(existing) if *existing != text => diags.push(conflict(
                    column,
                    what,
                    Arg::from(format!("«{existing}»")),
                    Arg::from(format!("«{text}»")),
                    &span,
                )),
                Some(_) => {}
                None => *slot = Some(text),
            }
        }
    }
}

/// `30/09/2022`, as the office writes it.
pub(super) fn it_date(date: Date) -> String {
    format!("{:02}/{:02}/{}", date.day, date.month, date.year)
}

fn observed_text(observed: &Observed) -> Arg {
    match observed {
        Observed::Value(p) => Arg::from(&p.text),
        Observed::Date(d) => Arg::from(it_date(*d)),
        Observed::NotDone(t) => Arg::from(t),
        Observed::NotAvailable(t) if t.is_empty() => Arg::from(text::value_blank()),
        Observed::NotAvailable(t) => Arg::from(t),
    }
}
