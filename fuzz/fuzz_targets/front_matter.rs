//! The objective loader on any file: front-matter split, YAML tree, every
//! key and value reader. It must report, never panic or overflow the stack.
#![no_main]

use cruscotto::diagnostics::{Diagnostics, Sources};
use cruscotto::load::objective::{Defaults, read};
use cruscotto::load::tree;
use cruscotto::model::Language;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let mut sources = Sources::new();
    let source = sources.add("content/fuzz.md", text.to_string());
    let mut diags = Diagnostics::new();
    // The Comune's tree: three levels, kinds other than the default's.
    let tree = tree::preset("comune", Language::It).expect("preset");
    let defaults = Defaults {
        reference_year: Some(2023),
        tree: &tree,
    };
    let _ = read(text, source, defaults, &mut diags);
    let _ = diags.render(&sources, cruscotto::diagnostics::Lang::En);
});
