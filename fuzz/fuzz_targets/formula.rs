//! Formulas: parsed, then evaluated with every term given a value, so that
//! overflow and division by zero are errors, never panics.
#![no_main]

use cruscotto::engine::formula::{Terms, evaluate};
use cruscotto::model::Year;
use cruscotto::syntax::formula::parse_formula;
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;

struct Everything;

impl Terms for Everything {
    fn measure(&self, name: &str, year: Year) -> Option<Decimal> {
        // Some names have no value, to exercise the missing-terms path.
        (!name.starts_with('z')).then(|| Decimal::from(name.len()) * Decimal::from(year))
    }
    fn indicator(&self, id: &str, _year: Year) -> Option<Decimal> {
        Some(Decimal::from(id.len()))
    }
    fn counts(&self, _year: Year, _threshold: Decimal) -> (usize, usize) {
        (1, 2)
    }
}

fuzz_target!(|text: &str| {
    if let Ok(expr) = parse_formula(text) {
        let _ = evaluate(&expr, 2023, &Everything);
    }
});
