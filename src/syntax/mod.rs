//! The small languages of the content: numbers, dates, targets, formulas.
//! Pure text-to-value parsers; the loader ties their errors to file and line.

pub mod date;
pub mod formula;
pub mod number;
pub mod target;
