//! Dates: full dates, day and month only, what follows them.
#![no_main]

use cruscotto::syntax::date::{parse_date, split_date};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(date) = parse_date(text) {
        assert!((1..=12).contains(&date.month) && (1..=31).contains(&date.day));
    }
    if let Some((date, rest)) = split_date(text) {
        assert!(text.ends_with(rest));
        let _ = date.with_year(2023);
    }
});
