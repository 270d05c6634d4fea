//! Reading a sheet's cells: CSV (UTF-8, comma or semicolon) or the first
//! sheet of an xlsx workbook (calamine), into rows of typed cells; the sheet
//! becomes a source whose line N is its row N.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use rust_decimal::Decimal;

use super::it_date;
use crate::diagnostics::{Diagnostics, Message, SourceId, Sources, Span, io_reason, problem, text};
use crate::model::{Date, Year};

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Cell {
    Text(String),
    Number(Decimal),
    Date(Date),
}

impl Cell {
    pub(super) fn is_empty(&self) -> bool {
        matches!(self, Cell::Text(t) if t.trim().is_empty())
    }

    pub(super) fn shown(&self) -> String {
        match self {
            Cell::Text(t) => t.replace(['\n', '\r'], " "),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => it_date(*d),
        }
    }
}

#[derive(Debug)]
pub(super) struct Row {
    pub(super) number: usize,
    pub(super) cells: Vec<Cell>,
}

/// What one sheet says about one indicator in its year.
#[derive(Debug, Clone, Copy)]
pub(super) enum SheetKind {
    Csv,
    Xlsx,
}

pub(super) fn read_csv(
    path: &Path,
    shown: &Path,
    sources: &mut Sources,
    diags: &mut Diagnostics,
) -> Option<(SourceId, Vec<Row>)> {
    let text = match fs::read(path).map(String::from_utf8) {
        Ok(Ok(text)) => text,
        Ok(Err(_)) => {
            diags.push(problem::sheet_not_utf8().in_file(shown));
            return None;
        }
        Err(error) => {
            diags.push(problem::file_unreadable(io_reason(&error)).in_file(shown));
            return None;
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
    // Excel in Italian saves CSV with semicolons: take whichever the header uses.
    let header = text.lines().next().unwrap_or("");
    let delimiter = if header.matches(';').count() > header.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        match record {
            Ok(record) => rows.push(Row {
                number: record.position().map_or(0, |p| p.line() as usize),
                cells: record.iter().map(|c| Cell::Text(c.to_string())).collect(),
            }),
            Err(error) => {
                diags.push(problem::sheet_not_csv(error.to_string()).in_file(shown));
                return None;
            }
        }
    }
    let source = sources.add(shown, text);
    Some((source, rows))
}

/// Rows and columns a workbook sheet may use: far more than any plan's
/// indicators, and a bound on what a damaged file can make us hold.
const MAX_ROWS: u32 = 100_000;
const MAX_COLUMNS: u32 = 32;

pub(super) fn read_xlsx(
    path: &Path,
    shown: &Path,
    sources: &mut Sources,
    diags: &mut Diagnostics,
) -> Option<(SourceId, Vec<Row>)> {
    use calamine::{Data, Reader, Xlsx};
    let fail = |diags: &mut Diagnostics, reason: Message| {
        diags.push(problem::workbook_unreadable(reason).in_file(shown));
    };
    let mut workbook: Xlsx<_> = match calamine::open_workbook(path) {
        Ok(workbook) => workbook,
        Err(error) => {
            fail(diags, text::io_other(error.to_string()));
            return None;
        }
    };
    let Some(name) = workbook.sheet_names().first().cloned() else {
        fail(diags, text::workbook_without_sheets());
        return None;
    };
    // Cells are read one by one, never as the dense rectangle around them: a
    // stray cell at XFD1048576 must not make the sheet 17 billion cells.
    let mut reader = match workbook.worksheet_cells_reader(&name) {
        Ok(reader) => reader,
        Err(error) => {
            fail(diags, text::io_other(error.to_string()));
            return None;
        }
    };
    let mut by_row: BTreeMap<u32, BTreeMap<u32, Data>> = BTreeMap::new();
    let mut problems = Vec::new();
    loop {
        let cell = match reader.next_cell() {
            Ok(Some(cell)) => cell,
            Ok(None) => break,
            Err(error) => {
                fail(diags, text::io_other(error.to_string()));
                return None;
            }
        };
        let data = Data::from(cell.get_value().clone());
        if data == Data::Empty {
            continue;
        }
        let (r, c) = cell.get_position();
        let number = r as usize + 1;
        if r >= MAX_ROWS {
            fail(diags, text::workbook_too_many_rows(number, MAX_ROWS));
            return None;
        }
        if c >= MAX_COLUMNS {
            problems.push((number, c as usize, problem::cell_beyond_columns()));
            continue;
        }
        by_row.entry(r).or_default().insert(c, data);
    }
    let mut rows = Vec::new();
    for (r, cells) in by_row {
        let number = r as usize + 1;
        let width = cells.keys().next_back().map_or(0, |c| *c as usize + 1);
        let mut row = vec![Cell::Text(String::new()); width];
        for (c, data) in cells {
            let column = c as usize;
            row[column] = match data {
                Data::Empty => Cell::Text(String::new()),
                Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => {
                    Cell::Text(text)
                }
                Data::Bool(b) => Cell::Text(b.to_string()),
                Data::Int(n) => Cell::Number(Decimal::from(n)),
                // A number cell holds a binary fraction: its shortest decimal
                // form is the number as typed (Excel keeps 15 digits).
                Data::Float(f) => match float_cell(f) {
                    Ok(n) => Cell::Number(n),
                    Err(FloatCell::TooPrecise(text)) => {
                        problems.push((
                            number,
                            column,
                            problem::cell_number_too_precise(
                                text,
                                crate::syntax::number::MAX_DIGITS,
                            ),
                        ));
                        Cell::Text(String::new())
                    }
                    Err(FloatCell::OutOfRange) => {
                        problems.push((
                            number,
                            column,
                            problem::cell_number_out_of_range(f.to_string()),
                        ));
                        Cell::Text(String::new())
                    }
                },
                Data::DateTime(dt) => {
                    let (year, month, day, ..) = dt.to_ymd_hms_milli();
                    Cell::Date(Date {
                        year: Year::from(year),
                        month,
                        day,
                    })
                }
                Data::Error(error) => {
                    problems.push((number, column, problem::cell_error(error.to_string())));
                    Cell::Text(String::new())
                }
            };
        }
        rows.push(Row { number, cells: row });
    }
    // The source text: line N shows row N, its cells separated by commas.
    let last = rows.last().map_or(0, |r| r.number);
    let mut lines = vec![String::new(); last];
    for row in &rows {
        lines[row.number - 1] = row
            .cells
            .iter()
            .map(Cell::shown)
            .collect::<Vec<_>>()
            .join(", ");
    }
    let source = sources.add(shown, lines.join("\n") + "\n");
    for (number, column, problem) in problems {
        let span = row_span(sources, source, number);
        diags.push(
            problem
                .at(&span)
                .within(text::about_cell(number, column_letter(column))),
        );
    }
    Some((source, rows))
}

/// `A`, `B`, ... `AA` for a 0-based column.
fn column_letter(mut column: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'A' + (column % 26) as u8));
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    letters.iter().rev().collect()
}

/// The span of a 1-based line (row) of a source.
pub(super) fn row_span(sources: &Sources, source: SourceId, number: usize) -> Span {
    let text = sources.text(source);
    let mut start = 0;
    for _ in 1..number {
        match text[start..].find('\n') {
            Some(end) => start += end + 1,
            None => break,
        }
    }
    let end = text[start..].find('\n').map_or(text.len(), |e| start + e);
    Span::new(source, start..end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
    }

    #[test]
    fn rows_are_lines() {
        let mut sources = Sources::new();
        let id = sources.add("s.csv", "a,b\nc,d\n\ne".to_string());
        assert_eq!(row_span(&sources, id, 1).range, 0..3);
        assert_eq!(row_span(&sources, id, 2).range, 4..7);
        assert_eq!(row_span(&sources, id, 4).range, 9..10);
    }
}

enum FloatCell {
    /// More decimals than a decimal keeps: read as is it would be rounded
    /// (1e-30 would become 0).
    TooPrecise(String),
    OutOfRange,
}

/// The decimal a spreadsheet's number cell shows: its shortest decimal form,
/// refused when it has more digits than can be kept exactly.
fn float_cell(f: f64) -> Result<Decimal, FloatCell> {
    let text = format!("{f}");
    let decimals = text.split_once('.').map_or(0, |(_, d)| d.len());
    let value = text.parse::<Decimal>().map_err(|_| FloatCell::OutOfRange)?;
    if usize::try_from(value.scale()).ok() != Some(decimals) {
        return Err(FloatCell::TooPrecise(text));
    }
    Ok(value)
}

#[cfg(test)]
mod float_tests {
    use super::*;

    #[test]
    fn a_number_cell_is_never_rounded_to_zero() {
        assert_eq!(float_cell(0.17).ok(), Some(Decimal::new(17, 2)));
        assert_eq!(float_cell(65991.0).ok(), Some(Decimal::from(65991)));
        assert!(matches!(float_cell(1e-30), Err(FloatCell::TooPrecise(_))));
        assert!(matches!(float_cell(1e30), Err(FloatCell::OutOfRange)));
    }
}
