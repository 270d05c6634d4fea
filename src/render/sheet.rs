//! The data-collection sheet of a year, for `cruscotto rilevazione`: one row
//! per indicator and one per measure of its formula, with what is already
//! known filled in. CSV (UTF-8, header row) or xlsx.

use crate::load::sheet::COLUMNS;
use crate::model::{Observed, Plan, Year};
use crate::render::format::date;

/// The rows of the sheet for `year`, without the header: every indicator of
/// an objective whose period holds the year, or with a target or a value
/// for it. `None` when no objective covers the year.
pub fn rows(plan: &Plan, year: Year) -> Option<Vec<[String; 9]>> {
    let mut rows = Vec::new();
    for objective in &plan.objectives {
        for indicator in &objective.indicators {
            let covered = objective.period.contains(year)
                || indicator.targets.contains_key(&year)
                || indicator.series.contains_key(&year);
            if !covered {
                continue;
            }
            let entry = indicator.series.get(&year);
            let value = entry.map_or_else(String::new, |e| match &e.observed {
                Observed::Value(p) => p.value.to_string(),
                Observed::Date(d) => date(*d),
                Observed::NotDone(text) | Observed::NotAvailable(text) => text.clone(),
            });
            let target = indicator
                .targets
                .get(&year)
                .map(|t| t.effective().text.clone())
                .unwrap_or_default();
            rows.push([
                objective.id.clone(),
                indicator.id.clone(),
                String::new(),
                indicator.name.clone(),
                indicator.unit.code().to_string(),
                target,
                value,
                entry.and_then(|e| e.as_of).map(date).unwrap_or_default(),
                entry.and_then(|e| e.cause.clone()).unwrap_or_default(),
            ]);
            for measure in &indicator.measures {
                let value = entry
                    .and_then(|e| e.measures.get(&measure.name).copied().flatten())
                    .map(|v| v.to_string())
                    .unwrap_or_default();
                rows.push([
                    objective.id.clone(),
                    indicator.id.clone(),
                    measure.name.clone(),
                    measure
                        .label
                        .clone()
                        .unwrap_or_else(|| measure.name.clone()),
                    String::new(),
                    String::new(),
                    value,
                    String::new(),
                    String::new(),
                ]);
            }
        }
    }
    (!rows.is_empty()).then_some(rows)
}

pub fn csv(rows: &[[String; 9]]) -> Result<Vec<u8>, String> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let fail = |e: csv::Error| format!("cannot write the sheet: {e}");
    writer.write_record(COLUMNS).map_err(fail)?;
    for row in rows {
        writer.write_record(row).map_err(fail)?;
    }
    writer
        .into_inner()
        .map_err(|e| format!("cannot write the sheet: {e}"))
}

/// An xlsx workbook with one sheet. Every cell is text (also those left to
/// fill in): what the office types is read back exactly as typed, never
/// through a binary fraction.
pub fn xlsx(rows: &[[String; 9]], year: Year) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Format, Workbook};
    let fail = |e: rust_xlsxwriter::XlsxError| format!("cannot write the workbook: {e}");
    let text = Format::new().set_num_format("@");
    let header = Format::new().set_bold().set_num_format("@");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet
        .set_name(format!("Rilevazione {year}"))
        .map_err(fail)?;
    let widths = [24.0, 32.0, 20.0, 60.0, 10.0, 24.0, 14.0, 12.0, 48.0];
    for (c, width) in widths.iter().enumerate() {
        let c = u16::try_from(c).map_err(|e| e.to_string())?;
        sheet.set_column_width(c, *width).map_err(fail)?;
        sheet.set_column_format(c, &text).map_err(fail)?;
    }
    for (c, name) in COLUMNS.iter().enumerate() {
        let c = u16::try_from(c).map_err(|e| e.to_string())?;
        sheet
            .write_string_with_format(0, c, *name, &header)
            .map_err(fail)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r + 1).map_err(|e| e.to_string())?;
        for (c, value) in row.iter().enumerate() {
            let c = u16::try_from(c).map_err(|e| e.to_string())?;
            if !value.is_empty() {
                sheet
                    .write_string_with_format(r, c, value, &text)
                    .map_err(fail)?;
            }
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(fail)?;
    workbook.save_to_buffer().map_err(fail)
}
