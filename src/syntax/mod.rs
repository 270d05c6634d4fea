//! The small languages of the content: numbers, dates, targets, formulas.
//! Pure text-to-value parsers; the loader ties their errors to file and line.

pub mod date;
pub mod formula;
pub mod number;
pub mod target;
pub mod url;

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
