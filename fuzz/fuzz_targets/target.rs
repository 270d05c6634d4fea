//! Targets and their revisions, in every form the plans print.
#![no_main]

use cruscotto::syntax::target::{parse_revision, parse_target};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(original) = parse_target(text) {
        let _ = parse_revision(text, &original.kind);
        let _ = parse_revision(">= 15%", &original.kind);
    }
});
