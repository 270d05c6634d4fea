//! The small languages of the content: numbers, dates, targets, formulas.
//! Pure text-to-value parsers; the loader ties their errors to file and line.

pub mod date;
pub mod formula;
pub mod markdown;
pub mod number;
pub mod target;
pub mod url;

use crate::diagnostics::{Diagnostic, Message, problem};

/// Lower case with the accents of Italian folded (`Qualità` -> `qualita`),
/// for ids and searches.
pub fn fold(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| match c {
            'à' | 'á' => 'a',
            'è' | 'é' => 'e',
            'ì' | 'í' => 'i',
            'ò' | 'ó' => 'o',
            'ù' | 'ú' => 'u',
            c => c,
        })
        .collect()
}

/// `ND`, `nd`, `n.d.`, `-` or blank: printed as not available.
pub fn is_not_available(text: &str) -> bool {
    matches!(
        text.trim().to_lowercase().as_str(),
        "" | "nd" | "n.d." | "n.d" | "-"
    )
}

/// A value quoted in a message: long ones are cut, so that a mistake in a
/// huge value still gives a readable message.
pub fn shorten(text: &str) -> String {
    const MAX: usize = 80;
    match text.char_indices().nth(MAX) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

/// Refuses a value longer than `max` characters before a parser reads it.
pub fn within(text: &str, max: usize, what: Message) -> Result<(), Diagnostic> {
    let length = text.chars().count();
    if length > max {
        return Err(problem::too_long(shorten(text.trim()), length, max, what));
    }
    Ok(())
}
