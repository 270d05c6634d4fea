//! Numbers as written in the content: bare, with units, followed by text.
#![no_main]

use cruscotto::syntax::number::{parse_number, parse_quantity, split_quantity};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok((value, decimals)) = parse_number(text) {
        // The decimals written are the decimals kept.
        assert_eq!(value.scale(), decimals, "{text}");
    }
    let _ = parse_quantity(text);
    if let Some((_, rest)) = split_quantity(text) {
        assert!(text.ends_with(rest));
    }
});
