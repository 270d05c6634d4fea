//! Broken and hostile objective files: front-matter, values, formulas.

use std::fs;
use std::path::Path;

use crate::edits::*;

pub fn cases() -> Vec<Case> {
    let deep_brackets = format!("{}a{}", "(".repeat(100_000), ")".repeat(100_000));
    let many_terms = vec!["assistite"; 100_000].join(" + ");
    let nested = format!("{}assistite{}", "(".repeat(40), ")".repeat(40));
    let fifty_mb = {
        let mut text = objective("enorme", ONE_INDICATOR).into_bytes();
        text.resize(50 * 1024 * 1024, b'a');
        text
    };
    vec![
        // Objective files
        case(
            "unknown key in an indicator",
            STRATEGIC,
            Some(10),
            "did you mean `common`?",
            edit(STRATEGIC, "    common: true", "    comon: true"),
        ),
        case(
            "an unknown kind",
            STRATEGIC,
            Some(3),
            "is not a kind of objective",
            edit(STRATEGIC, "kind: strategico-comune", "kind: strategico"),
        ),
        case(
            "an unknown ambito",
            STRATEGIC,
            Some(4),
            "there is no ambito `area-z`",
            edit(STRATEGIC, "ambito: area-a", "ambito: area-z"),
        ),
        case(
            "an empty objective title",
            STRATEGIC,
            Some(6),
            "`title` is empty",
            edit(
                STRATEGIC,
                "\"Un obiettivo strategico con ogni forma\"",
                "\"\"",
            ),
        ),
        case(
            "an empty indicator name",
            STRATEGIC,
            Some(11),
            "`name` is empty",
            edit(STRATEGIC, "\"Quota in percentuale\"", "''"),
        ),
        case(
            "no indicators",
            "content/area-b/02-vuoto.md",
            Some(2),
            "has no `indicators`",
            write("content/area-b/02-vuoto.md", objective("vuoto", "")),
        ),
        case(
            "a key written twice, the line of the first",
            STRATEGIC,
            Some(7),
            "first written on line 2",
            edit(STRATEGIC, "new: true\n", "id: doppio\n"),
        ),
        case(
            "a duplicate indicator id",
            STRATEGIC,
            Some(32),
            "the indicator id `quota-percentuale` is used twice",
            edit(STRATEGIC, "  - id: conteggio", "  - id: quota-percentuale"),
        ),
        case(
            "a duplicate objective id",
            "content/area-b/02-doppio.md",
            Some(2),
            "the objective id `strategico` is used twice",
            write(
                "content/area-b/02-doppio.md",
                objective("strategico", ONE_INDICATOR),
            ),
        ),
        case(
            "an unknown parent",
            TEMPI,
            Some(4),
            "there is no objective `enti`",
            edit(TEMPI, "parent: ente", "parent: enti"),
        ),
        case(
            "an unknown Servizio",
            TEMPI,
            Some(6),
            "there is no Servizio `ufficio-tre`",
            edit(TEMPI, "servizi: all", "servizi: [ufficio-tre]"),
        ),
        case(
            "an operational objective as a parent",
            "content/area-b/01-ente/02-ciclo.md",
            Some(4),
            "parent",
            write(
                "content/area-b/01-ente/02-ciclo.md",
                "---\nid: ciclo\nkind: operativo\nparent: tempi\ntitle: \"Ciclo\"\nservizi: all\nindicators:\n  - id: ciclo-indicatore\n    name: \"Ciclo\"\n    unit: number\n    target: \">= 1\"\n---\n",
            ),
        ),
        case(
            "division by zero",
            STRATEGIC,
            Some(31),
            "divides by zero",
            edit(STRATEGIC, "attive: 64.356", "attive: 0"),
        ),
        case(
            "an unfinished formula",
            STRATEGIC,
            Some(13),
            "cannot be read",
            edit(STRATEGIC, "assistite / attive * 100", "assistite /"),
        ),
        case(
            "an unknown function",
            STRATEGIC,
            Some(13),
            "unknown function `media`",
            edit(STRATEGIC, "assistite / attive * 100", "media(assistite)"),
        ),
        case(
            "a formula 100,000 brackets deep",
            STRATEGIC,
            Some(13),
            "characters long",
            edit(STRATEGIC, "assistite / attive * 100", deep_brackets),
        ),
        case(
            "a formula of 100,000 terms",
            STRATEGIC,
            Some(13),
            "characters long",
            edit(STRATEGIC, "assistite / attive * 100", many_terms),
        ),
        case(
            "a formula 40 brackets deep",
            STRATEGIC,
            Some(13),
            "nested more than 32 deep",
            edit(STRATEGIC, "assistite / attive * 100", nested),
        ),
        case(
            "40 minus signs",
            STRATEGIC,
            Some(13),
            "nested more than 32 deep",
            edit(
                STRATEGIC,
                "assistite / attive * 100",
                format!("{}assistite", "-".repeat(40)),
            ),
        ),
        case(
            "the mean of millions of years",
            STRATEGIC,
            Some(56),
            "at most 20 years",
            edit(
                STRATEGIC,
                "mean_prev(interventi, 3)",
                "mean_prev(interventi, 44444444)",
            ),
        ),
        case(
            "a measure the formula does not know",
            STRATEGIC,
            Some(13),
            "`attivi`",
            edit(
                STRATEGIC,
                "assistite / attive * 100",
                "assistite / attivi * 100",
            ),
        ),
        case(
            "a huge number",
            STRATEGIC,
            Some(30),
            "too large",
            edit(
                STRATEGIC,
                "attive: 65.991",
                "attive: 99999999999999999999999999999999",
            ),
        ),
        case(
            "more digits than kept exactly",
            STRATEGIC,
            Some(30),
            "kept exactly",
            edit(
                STRATEGIC,
                "value: \"0,17\", assistite: 112",
                "value: \"0,170000000000000000000000000000001\", assistite: 112",
            ),
        ),
        case(
            "a 100,000-digit number",
            STRATEGIC,
            Some(42),
            "characters long",
            edit(
                STRATEGIC,
                "2022: 3.671",
                format!("2022: {}", "9".repeat(100_000)),
            ),
        ),
        case(
            "a malformed number",
            STRATEGIC,
            Some(42),
            "`3.6.7.1`",
            edit(STRATEGIC, "2022: 3.671", "2022: 3.6.7.1"),
        ),
        case(
            "an unreadable target",
            STRATEGIC,
            Some(37),
            "is not a target I can read",
            edit(STRATEGIC, "\">= 3.500\"", "\">= tanti\""),
        ),
        case(
            "an impossible deadline",
            STRATEGIC,
            Some(37),
            "target",
            edit(STRATEGIC, "\">= 3.500\"", "\"entro il 31/02/2022\""),
        ),
        case(
            "a 100,000-character target",
            STRATEGIC,
            Some(37),
            "more than the 500",
            edit(
                STRATEGIC,
                "\">= 3.500\"",
                format!("\">= 3.500 {}\"", "x".repeat(100_000)),
            ),
        ),
        case(
            "an unknown unit",
            STRATEGIC,
            Some(14),
            "`percento` is not a unit",
            edit(
                STRATEGIC,
                "    unit: percent\n    weight: 2",
                "    unit: percento\n    weight: 2",
            ),
        ),
        case(
            "too many decimals",
            STRATEGIC,
            Some(58),
            "`decimals`",
            edit(STRATEGIC, "decimals: 3", "decimals: 9"),
        ),
        case(
            "100,000 nested brackets in front-matter",
            STRATEGIC,
            Some(19),
            "nested too deep",
            edit(
                STRATEGIC,
                "note: \"Nota 1\"",
                format!("note: {}{}", "[".repeat(100_000), "]".repeat(100_000)),
            ),
        ),
        case(
            "a mapping 40 levels deep",
            STRATEGIC,
            Some(77),
            "nested too deep here (at most 32 levels)",
            edit(
                STRATEGIC,
                "      tempo: { label: \"Tempo medio\" }\n",
                (0..40)
                    .map(|i| format!("{}k{i}:\n", "  ".repeat(i + 3)))
                    .collect::<String>(),
            ),
        ),
        case(
            "a tab for indentation",
            STRATEGIC,
            Some(32),
            "not valid YAML",
            edit(STRATEGIC, "  - id: conteggio", "\t- id: conteggio"),
        ),
        case(
            "a year that is not a year",
            STRATEGIC,
            Some(29),
            "year",
            edit(
                STRATEGIC,
                "      2020: ND\n      2021: { value",
                "      20x0: ND\n      2021: { value",
            ),
        ),
        case(
            "a flag that is neither true nor false",
            STRATEGIC,
            Some(7),
            "true or false",
            edit(STRATEGIC, "new: true", "new: forse"),
        ),
        case(
            "an id with spaces",
            STRATEGIC,
            Some(9),
            "id",
            edit(
                STRATEGIC,
                "  - id: quota-percentuale",
                "  - id: Quota Percentuale!",
            ),
        ),
        case(
            "no front-matter",
            "content/area-b/02-testo.md",
            Some(1),
            "no front-matter",
            write("content/area-b/02-testo.md", "Solo un testo.\n"),
        ),
        case(
            "an empty file",
            "content/area-b/02-vuoto.md",
            Some(1),
            "no front-matter",
            write("content/area-b/02-vuoto.md", ""),
        ),
        case(
            "front-matter never closed",
            ENTE,
            Some(1),
            "no front-matter",
            edit(
                ENTE,
                "    target: \">= 90,00 %\"\n---\n",
                "    target: \">= 90,00 %\"\n",
            ),
        ),
        case(
            "a byte that is not UTF-8 in an objective",
            STRATEGIC,
            Some(11),
            "the byte 0xFF",
            move |site: &Path| {
                let path = site.join(STRATEGIC);
                let text = fs::read_to_string(&path).expect("read");
                let mut bytes = text.clone().into_bytes();
                bytes[text.find("Quota in percentuale").expect("name")] = 0xFF;
                fs::write(path, bytes).expect("write");
            },
        ),
        case(
            "a 50 MB file",
            "content/area-b/02-enorme.md",
            Some(1),
            "50 MB, more than the 2 MB",
            write("content/area-b/02-enorme.md", fifty_mb),
        ),
        case(
            "a Windows file with a mistake",
            STRATEGIC,
            Some(10),
            "did you mean `common`?",
            |site: &Path| {
                replace(site, STRATEGIC, "    common: true", "    comon: true");
                let path = site.join(STRATEGIC);
                let text = fs::read_to_string(&path).expect("read");
                fs::write(path, text.replace('\n', "\r\n")).expect("write");
            },
        ),
        case(
            "a byte-order mark and a mistake",
            STRATEGIC,
            Some(10),
            "did you mean `common`?",
            |site: &Path| {
                replace(site, STRATEGIC, "    common: true", "    comon: true");
                let path = site.join(STRATEGIC);
                let text = fs::read_to_string(&path).expect("read");
                fs::write(path, format!("\u{feff}{text}")).expect("write");
            },
        ),
    ]
}
