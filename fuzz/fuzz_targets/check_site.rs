//! The whole `check` (and the render, when it passes) on a generated site:
//! the every-shape fixture with one of its files replaced by the input.
//! The first byte picks the file; the rest is its new text.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

const FILES: [&str; 5] = [
    "cruscotto.yaml",
    "content/area-a/01-strategico.md",
    "content/area-a/01-strategico/01-operativo.md",
    "content/area-b/01-ente.md",
    "content/area-b/01-ente/01-tempi.md",
];

fn copy(from: &Path, to: &Path) {
    for file in FILES {
        let target = to.join(file);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).expect("folder");
        }
        std::fs::copy(from.join(file), target).expect("copy");
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, text)) = data.split_first() else {
        return;
    };
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/every-shape");
    let site = tempfile::tempdir().expect("temporary folder");
    copy(&fixture, site.path());
    let file = FILES[usize::from(pick) % FILES.len()];
    std::fs::write(site.path().join(file), text).expect("write");
    let mut checked = cruscotto::check(site.path());
    let _ = checked.diagnostics.render(&checked.sources, cruscotto::diagnostics::Lang::En);
    if let Some((plan, evaluation)) = &checked.evaluated {
        let _ = cruscotto::render_site(
            site.path(),
            plan,
            evaluation,
            &checked.editions,
            &mut checked.sources,
            cruscotto::render::site::Options::default(),
            &cruscotto::editions::reuse::Nothing,
        );
    }
});
