//! Broken and hostile `cruscotto.yaml` files.

use std::fs;
use std::path::Path;

use crate::edits::*;

pub fn cases() -> Vec<Case> {
    vec![
        // cruscotto.yaml
        case(
            "a licence the open data cannot have",
            CONFIG,
            Some(29),
            "`GPL-3.0` is not a licence for the open data",
            edit(
                CONFIG,
                "  base_url: \"https://ente.example.org/performance\"",
                "  base_url: \"https://ente.example.org/performance\"\n  data_license: GPL-3.0",
            ),
        ),
        case(
            "an IPA code with a space",
            CONFIG,
            Some(6),
            "`cciaa ge` is not an IPA code",
            edit(
                CONFIG,
                "  short_name: \"Prova\"",
                "  short_name: \"Prova\"\n  ipa_code: \"cciaa ge\"",
            ),
        ),
        case(
            "unknown key in the config",
            CONFIG,
            Some(5),
            "unknown key `shortname`",
            edit(CONFIG, "  short_name:", "  shortname:"),
        ),
        case(
            "a list where a text goes",
            CONFIG,
            Some(6),
            "must be a single value",
            edit(
                CONFIG,
                "  website: \"https://ente.example.org/\"",
                "  website: [a, b]",
            ),
        ),
        case(
            "javascript: website",
            CONFIG,
            Some(6),
            "`javascript:` addresses are not allowed",
            edit(
                CONFIG,
                "\"https://ente.example.org/\"",
                "\"javascript:alert(1)\"",
            ),
        ),
        case(
            "upper-case JavaScript: footer link",
            CONFIG,
            Some(10),
            "`javascript:` addresses",
            edit(
                CONFIG,
                "\"https://ente.example.org/privacy\"",
                "\"JavaScript:alert(1)\"",
            ),
        ),
        case(
            "data: footer link",
            CONFIG,
            Some(9),
            "`data:` addresses",
            edit(
                CONFIG,
                "\"https://ente.example.org/note-legali\"",
                "\"data:text/html;base64,PHNjcmlwdD4=\"",
            ),
        ),
        case(
            "vbscript: footer link",
            CONFIG,
            Some(11),
            "`vbscript:` addresses",
            edit(
                CONFIG,
                "\"https://ente.example.org/accessibilita\"",
                "\"vbscript:msgbox(1)\"",
            ),
        ),
        case(
            "javascript: with a tab in the SMVP link",
            CONFIG,
            Some(25),
            "`javascript:` addresses",
            edit(
                CONFIG,
                "\"https://ente.example.org/smvp\"",
                "\"java\\tscript:alert(1)\"",
            ),
        ),
        case(
            "a relative base_url",
            CONFIG,
            Some(28),
            "not a full web address",
            edit(
                CONFIG,
                "\"https://ente.example.org/performance\"",
                "\"/performance/\"",
            ),
        ),
        case(
            "a javascript: base_url",
            CONFIG,
            Some(28),
            "`javascript:` addresses",
            edit(
                CONFIG,
                "\"https://ente.example.org/performance\"",
                "\"javascript://ente.example.org/\"",
            ),
        ),
        case(
            "an absolute theme path",
            CONFIG,
            Some(28),
            "not the name of a folder under themes/",
            edit(
                CONFIG,
                "  language: it\n",
                "  language: it\n  theme: /etc\n",
            ),
        ),
        case(
            "a theme path with ..",
            CONFIG,
            Some(28),
            "not the name of a folder under themes/",
            edit(
                CONFIG,
                "  language: it\n",
                "  language: it\n  theme: ../../altro\n",
            ),
        ),
        case(
            "a theme that does not exist",
            CONFIG,
            Some(28),
            "the theme `inesistente` does not exist",
            edit(
                CONFIG,
                "  language: it\n",
                "  language: it\n  theme: inesistente\n",
            ),
        ),
        case(
            "an empty body name",
            CONFIG,
            Some(4),
            "`name` is empty",
            edit(CONFIG, "\"Ente di prova\"", "\"\""),
        ),
        case(
            "an empty plan title",
            CONFIG,
            Some(14),
            "`title` is empty",
            edit(CONFIG, "\"Piano di prova\"", "\"  \""),
        ),
        case(
            "an impossible date",
            CONFIG,
            Some(19),
            "`31/02/2023` is not a date",
            edit(CONFIG, "31/01/2023", "31/02/2023"),
        ),
        case(
            "a thirteenth month",
            CONFIG,
            Some(22),
            "is not a date",
            edit(CONFIG, "30/01/2023", "30/13/2023"),
        ),
        case(
            "a reference year outside the period",
            CONFIG,
            Some(18),
            "outside the plan's period",
            edit(CONFIG, "reference_year: 2023", "reference_year: 2030"),
        ),
        case(
            "a duplicate ambito id",
            CONFIG,
            Some(35),
            "the ambito id `area-a` is used twice",
            edit(CONFIG, "  - id: area-b", "  - id: area-a"),
        ),
        case(
            "a key written twice",
            CONFIG,
            Some(5),
            "first written on line 4",
            edit(CONFIG, "  short_name: \"Prova\"", "  name: \"Prova\""),
        ),
        case(
            "an unknown language",
            CONFIG,
            Some(27),
            "the language `fr`",
            edit(CONFIG, "language: it", "language: fr"),
        ),
        case(
            "a negative threshold",
            CONFIG,
            Some(30),
            "above zero",
            edit(CONFIG, "partial_from: 70", "partial_from: -5"),
        ),
        case(
            "an empty config",
            CONFIG,
            Some(1),
            "must be a mapping",
            write(CONFIG, ""),
        ),
        case(
            "a YAML alias",
            CONFIG,
            Some(5),
            "unknown anchor",
            edit(CONFIG, "\"Prova\"", "*nome"),
        ),
        case(
            "100,000 nested brackets in the config",
            CONFIG,
            Some(7),
            "nested too deep",
            edit(
                CONFIG,
                "\"Via Roma 1, 00100 Roma\"",
                format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
            ),
        ),
        case(
            "a byte that is not UTF-8 in the config",
            CONFIG,
            Some(14),
            "not UTF-8",
            move |site: &Path| {
                let path = site.join(CONFIG);
                let bytes = fs::read(&path).expect("read");
                let text = String::from_utf8(bytes).expect("utf-8");
                let mut bytes = text
                    .replacen("Piano di prova", "Piano di prov", 1)
                    .into_bytes();
                let at = text.find("Piano di prova").expect("title") + "Piano di prov".len();
                bytes.insert(at, 0xE0);
                fs::write(path, bytes).expect("write");
            },
        ),
        case(
            "bad YAML",
            CONFIG,
            Some(4),
            "not valid YAML",
            edit(
                CONFIG,
                "  name: \"Ente di prova\"",
                "  name: \"Ente di prova\" x: [",
            ),
        ),
        // The kinds of objectives and the roll-up rule.
        case(
            "an unknown preset of objectives",
            CONFIG,
            Some(30),
            "did you mean `comune`?",
            edit(
                CONFIG,
                "scoring:\n",
                "objectives:\n  preset: comun\nscoring:\n",
            ),
        ),
        case(
            "a kind whose parent is not above it",
            CONFIG,
            Some(33),
            "names `figlio` (level 2) as a parent",
            edit(
                CONFIG,
                "scoring:\n",
                "objectives:\n  kinds:\n    - { id: padre, singular: P, plural: p, level: 1 }\n    - { id: figlio, singular: F, plural: f, level: 2, parents: [padre] }\n    - { id: nipote, singular: N, plural: n, level: 2, parents: [figlio] }\nscoring:\n",
            ),
        ),
        case(
            "a roll-up rule that is not one",
            CONFIG,
            Some(31),
            "is not a roll-up rule",
            edit(
                CONFIG,
                "  partial_from: 70\n",
                "  partial_from: 70\n  rollup: figli\n",
            ),
        ),
        case(
            "a mixed roll-up with a weight of zero",
            CONFIG,
            Some(31),
            "the weight `own` must be above zero",
            edit(
                CONFIG,
                "  partial_from: 70\n",
                "  partial_from: 70\n  rollup: { own: 0, children: 60 }\n",
            ),
        ),
        case(
            "a Comune's kind on a Camera's site",
            TEMPI,
            Some(3),
            "`esecutivo` is not a kind of objective of this site",
            edit(TEMPI, "kind: operativo", "kind: esecutivo"),
        ),
        case(
            "an objective under one of a kind that cannot hold it",
            TEMPI,
            Some(4),
            "`operativo-uno` is of kind `operativo`",
            edit(TEMPI, "parent: ente", "parent: operativo-uno"),
        ),
        case(
            "a level-1 objective with a parent",
            ENTE,
            Some(4),
            "sits under an ambito and has no `parent`",
            edit(ENTE, "kind: ente\n", "kind: ente\nparent: strategico\n"),
        ),
        // No config at all is no site: exit status 2, tested with the other
        // statuses in tests/authoring.rs.
    ]
}
