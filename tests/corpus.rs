#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]
//! A corpus of broken and hostile inputs, each a small change to
//! `fixtures/every-shape` after a good build: `cruscotto build` must exit
//! with status 1 (never crash), name the file (and the line, where there is
//! one) and leave the previous output byte for byte as it was.
//!
//! The inputs are made here from the table below, the 50 MB file too:
//! nothing large is kept in the repository.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

const CONFIG: &str = "cruscotto.yaml";
const STRATEGIC: &str = "content/area-a/01-strategico.md";
const ENTE: &str = "content/area-b/01-ente.md";
const TEMPI: &str = "content/area-b/01-ente/01-tempi.md";
/// The first line of the narrative in [`STRATEGIC`], after the last line.
const NARRATIVE_END: usize = 124;

/// Where the message must point: a file and, where the problem has one, a line.
struct Case {
    name: &'static str,
    edit: Box<dyn Fn(&Path)>,
    file: &'static str,
    line: Option<usize>,
    /// A piece of the message, for cases where the place alone says little.
    says: &'static str,
}

fn case(
    name: &'static str,
    file: &'static str,
    line: Option<usize>,
    says: &'static str,
    edit: impl Fn(&Path) + 'static,
) -> Case {
    Case {
        name,
        edit: Box::new(edit),
        file,
        line,
        says,
    }
}

/// Replaces the only occurrence of `from` in `file` with `to`.
fn replace(site: &Path, file: &str, from: &str, to: &str) {
    let path = site.join(file);
    let text = fs::read_to_string(&path).expect("read");
    assert_eq!(text.matches(from).count(), 1, "`{from}` in {file}");
    fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

fn edit(file: &'static str, from: &'static str, to: impl Into<String>) -> impl Fn(&Path) {
    let to = to.into();
    move |site: &Path| replace(site, file, from, &to)
}

fn write(file: &'static str, bytes: impl Into<Vec<u8>>) -> impl Fn(&Path) {
    let bytes = bytes.into();
    move |site: &Path| {
        let path = site.join(file);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, &bytes).expect("write");
    }
}

fn append_narrative(markdown: impl Into<String>) -> impl Fn(&Path) {
    let markdown = markdown.into();
    move |site: &Path| {
        let path = site.join(STRATEGIC);
        let mut text = fs::read_to_string(&path).expect("read");
        text.push_str(&markdown);
        text.push('\n');
        fs::write(path, text).expect("write");
    }
}

fn symlink(link: &'static str, to: impl Into<PathBuf>) -> impl Fn(&Path) {
    let to = to.into();
    move |site: &Path| std::os::unix::fs::symlink(&to, site.join(link)).expect("symlink")
}

/// Moves `folder` out of the site and leaves a link to it in its place.
fn linked_out(folder: &'static str) -> impl Fn(&Path) {
    move |site: &Path| {
        let outside = site.with_extension(format!("{}-outside", folder.replace('/', "-")));
        fs::create_dir_all(&outside).expect("mkdir");
        let moved = outside.join(folder);
        if site.join(folder).exists() {
            fs::rename(site.join(folder), &moved).expect("move");
        } else {
            fs::create_dir_all(moved.join("default/static")).expect("mkdir");
            fs::write(
                moved.join("default/static/segreto.txt"),
                "da non pubblicare",
            )
            .expect("write");
        }
        std::os::unix::fs::symlink(&moved, site.join(folder)).expect("symlink");
    }
}

/// A minimal top-level objective with the given extra lines.
fn objective(id: &str, extra: &str) -> String {
    format!(
        "---\nid: {id}\nkind: ente\nambito: area-b\nperiod: 2023\ntitle: \"Altro\"\n{extra}---\n"
    )
}

const ONE_INDICATOR: &str = "indicators:\n  - id: altro-indicatore\n    name: \"Altro\"\n    unit: number\n    target: \">= 1\"\n";

fn cases() -> Vec<Case> {
    let deep_brackets = format!("{}a{}", "(".repeat(100_000), ")".repeat(100_000));
    let many_terms = vec!["assistite"; 100_000].join(" + ");
    let nested = format!("{}assistite{}", "(".repeat(40), ")".repeat(40));
    let fifty_mb = {
        let mut text = objective("enorme", ONE_INDICATOR).into_bytes();
        text.resize(50 * 1024 * 1024, b'a');
        text
    };
    vec![
        // cruscotto.yaml
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
            "an ambito with no objectives",
            CONFIG,
            Some(37),
            "the ambito `area-c` has no objectives",
            edit(
                CONFIG,
                "servizi:\n",
                "  - id: area-c\n    title: \"Area C\"\nservizi:\n",
            ),
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
            "recursion limit",
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
        case(
            "no config at all",
            CONFIG,
            None,
            "there is no site config",
            |site: &Path| fs::remove_file(site.join(CONFIG)).expect("remove"),
        ),
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
            "indicators: []",
            "content/area-b/02-vuoto.md",
            Some(7),
            "the list of indicators is empty",
            write(
                "content/area-b/02-vuoto.md",
                objective("vuoto", "indicators: []\n"),
            ),
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
            "a target year outside the period",
            STRATEGIC,
            Some(37),
            "outside the objective's period",
            edit(STRATEGIC, "2022: \">= 3.500\"", "2030: \">= 3.500\""),
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
            "recursion limit",
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
            "nested more than 32 levels",
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
        // Narratives
        case(
            "a javascript: link",
            STRATEGIC,
            Some(NARRATIVE_END),
            "`javascript:` addresses",
            append_narrative("[clicca](javascript:alert(1))"),
        ),
        case(
            "an upper-case JAVASCRIPT: link",
            STRATEGIC,
            Some(NARRATIVE_END),
            "`javascript:` addresses",
            append_narrative("[clicca](JAVASCRIPT:alert(1))"),
        ),
        case(
            "a javascript: link with an encoded tab",
            STRATEGIC,
            Some(NARRATIVE_END),
            "`javascript:` addresses",
            append_narrative("[clicca](java&#x09;script:alert(1))"),
        ),
        case(
            "a vbscript: autolink",
            STRATEGIC,
            Some(NARRATIVE_END),
            "`vbscript:` addresses",
            append_narrative("<vbscript:msgbox(1)>"),
        ),
        case(
            "a data: reference link",
            STRATEGIC,
            Some(NARRATIVE_END),
            "`data:` addresses",
            append_narrative("[apri][r]\n\n[r]: data:text/html;base64,PHNjcmlwdD4="),
        ),
        case(
            "an image from another host, upper-case scheme",
            STRATEGIC,
            Some(NARRATIVE_END),
            "is on another site",
            append_narrative("![logo](HTTP://example.org/logo.png)"),
        ),
        case(
            "an image from another host, no scheme",
            STRATEGIC,
            Some(NARRATIVE_END),
            "is on another site",
            append_narrative("![logo](//cdn.example.org/logo.png)"),
        ),
        case(
            "a data: image",
            STRATEGIC,
            Some(NARRATIVE_END),
            "`data:` addresses",
            append_narrative("![x](data:image/svg+xml;base64,PHN2Zz4=)"),
        ),
        case(
            "100,000 nested quotes in the narrative",
            STRATEGIC,
            Some(NARRATIVE_END),
            "more than 32 deep",
            append_narrative(format!("{}testo", "> ".repeat(100_000))),
        ),
        case(
            "a list 100,000 deep in the narrative",
            STRATEGIC,
            Some(NARRATIVE_END),
            "more than 32 deep",
            append_narrative(format!("{}x", "- ".repeat(100_000))),
        ),
        // Files and folders
        case(
            "a folder named .md",
            "content/area-a/cartella.md",
            None,
            "is a folder",
            |site: &Path| fs::create_dir(site.join("content/area-a/cartella.md")).expect("mkdir"),
        ),
        case(
            "a dangling link",
            "content/area-a/rotto.md",
            None,
            "which does not exist",
            symlink("content/area-a/rotto.md", "/nonexistent/rotto.md"),
        ),
        case(
            "a link out of the site",
            "content/area-a/fuori.md",
            None,
            "outside the site folder",
            symlink("content/area-a/fuori.md", "/etc/hostname"),
        ),
        case(
            "a link to a folder",
            "content/area-c",
            None,
            "links to folders are not followed",
            symlink("content/area-c", "area-a"),
        ),
        case(
            "content/ a link out of the site",
            "content",
            None,
            "outside the site folder",
            linked_out("content"),
        ),
        case(
            "themes/ a link out of the site",
            "themes/default",
            None,
            "outside the site folder",
            linked_out("themes"),
        ),
        case(
            "no objectives",
            "content",
            None,
            "there are no objectives",
            |site: &Path| {
                fs::remove_dir_all(site.join("content")).expect("remove");
                fs::create_dir(site.join("content")).expect("mkdir");
            },
        ),
        case(
            "no content folder",
            "content",
            None,
            "there is no content/ folder",
            |site: &Path| fs::remove_dir_all(site.join("content")).expect("remove"),
        ),
        // Themes
        case(
            "a broken template",
            "themes/default/templates/404.html",
            Some(3),
            "cannot be read",
            write(
                "themes/default/templates/404.html",
                "{% extends \"base.html\" %}\n{% block content %}\n{{ oops( }}\n{% endblock content %}\n",
            ),
        ),
        case(
            "a translation that is not a label",
            "themes/default/i18n/it.yaml",
            Some(2),
            "a label must be a single line",
            write(
                "themes/default/i18n/it.yaml",
                "nav_home: \"Inizio\"\nnav_data: [a, b]\n",
            ),
        ),
    ]
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for entry in fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in fs::read_dir(&folder).expect("read dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path.strip_prefix(dir).expect("inside").to_path_buf();
                files.insert(relative, fs::read(&path).expect("read"));
            }
        }
    }
    files
}

#[test]
fn every_broken_input_is_refused_with_its_place_and_the_output_kept() {
    let temp = tempfile::tempdir().expect("temp dir");
    let good = temp.path().join("good");
    copy_dir(Path::new("fixtures/every-shape"), &good);
    Command::cargo_bin("cruscotto")
        .expect("binary")
        .args(["build", "--root"])
        .arg(&good)
        .assert()
        .success();
    let before = snapshot(&good.join("output"));
    assert!(before.len() > 20, "the good build wrote its files");

    let cases = cases();
    assert!(cases.len() >= 60, "{} cases", cases.len());
    let mut failures = Vec::new();
    for (n, case) in cases.iter().enumerate() {
        let site = temp.path().join(format!("case-{n}"));
        copy_dir(&good, &site);
        (case.edit)(&site);
        let output = Command::cargo_bin("cruscotto")
            .expect("binary")
            .args(["build", "--root"])
            .arg(&site)
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&output.stderr);
        let place = match case.line {
            // codespan quotes `path:line:column`.
            Some(line) => format!("{}:{line}:", case.file),
            None => case.file.to_string(),
        };
        let mut problems = Vec::new();
        if output.status.code() != Some(1) {
            problems.push(format!("exit status {:?}, not 1", output.status));
        }
        if !stderr.contains(&place) {
            problems.push(format!("no `{place}` in the message"));
        }
        if !stderr.contains(case.says) {
            problems.push(format!("no `{}` in the message", case.says));
        }
        if snapshot(&site.join("output")) != before {
            problems.push("the previous output changed".to_string());
        }
        if !problems.is_empty() {
            let shown: String = stderr.chars().take(3000).collect();
            failures.push(format!("{}: {}\n{shown}", case.name, problems.join("; ")));
        }
        let _ = fs::remove_dir_all(&site);
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}
