#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]
//! Editions, on `fixtures/editions`: the current edition (PIAO 2024-2026)
//! at the root and the earlier one (PIAO 2023-2025) in `edizioni/2023/`.
//!
//! What changed between them, worked out by hand from the two contents
//! (ids on the left, the 2023 edition's value -> the 2024 edition's):
//!
//! - the plan: edition PIAO 2023-2025 -> PIAO 2024-2026, period 2023-2025
//!   -> 2024-2026, reference year 2023 -> 2024;
//! - ambiti: `organizzazione` renamed ("Organizzazione" -> "Organizzazione
//!   e personale"), `trasparenza` added;
//! - Servizi: `personale` renamed, `comunicazione` added, `archivio` removed;
//! - `servizi-digitali`: period 2023-2025 -> 2023-2026, weight 1 -> 2;
//!   - `pratiche-online`: weight 1 -> 2; 2024 `>= 70%` -> `>= 75%`, a
//!     revision declared from `>= 70%` (matches); 2026 `>= 85%` new;
//!   - `imprese-assistite`: renamed; 2024 `>= 200` -> `>= 250` with no
//!     revision declared (a warning at its line, 36); 2025 new;
//!   - `eventi` removed, `webinar` added;
//! - `sportello-online` (operational, one year): period 2023 -> 2024 (the
//!   reference year), Servizi "Sportello unico" -> "Sportello unico;
//!   Comunicazione"; its indicator's target moves from 2023 to 2024;
//! - `organizzazione-interna`: renamed; `tempo-medio` 2024 `<= 30` ->
//!   `<= 20`, declared as a revision from `<= 25`, which is not what the
//!   2023 edition set (a warning at the line of `target: "<= 25"`, 14);
//!   `corsi` unchanged;
//! - `trasparenza-dati` and its indicator added; `archivio-unico` and its
//!   indicator removed.

mod common;

use common::{copy_dir, snapshot};

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

const FIXTURE: &str = "fixtures/editions";

/// The binary, speaking English: the tests quote its English lines.
fn cruscotto() -> Command {
    let mut command = Command::cargo_bin("cruscotto").expect("binary");
    command.args(["--lang", "en"]);
    command
}

fn copy_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(Path::new(FIXTURE), dir.path());
    dir
}

/// Runs a command that must succeed: its standard output.
fn succeeds(command: &mut Command) -> String {
    let out = command.output().expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `cruscotto build --root <root> --output <output>`: its closing line.
fn build(root: &Path, output: &Path) -> String {
    let mut command = cruscotto();
    command
        .args(["build", "--root"])
        .arg(root)
        .arg("--output")
        .arg(output);
    succeeds(&mut command)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string()
}

/// Replaces `from` with `to` in a file (which must hold it).
fn edit(path: &Path, from: &str, to: &str) {
    let text = read(path);
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    fs::write(path, text.replace(from, to)).expect("write");
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_change_list_is_the_one_worked_by_hand() {
    let dir = tempfile::tempdir().expect("temp");
    let output = dir.path().join("output");
    build(Path::new(FIXTURE), &output);
    let expected = "\
previous_edition,current_edition,item,change,id,name,objective_id,year,previous,current,revision,revision_original,revision_reason
2023,2024,plan,edition_changed,,,,,PIAO 2023-2025,PIAO 2024-2026,,,
2023,2024,plan,period_changed,,,,,2023-2025,2024-2026,,,
2023,2024,plan,reference_year_changed,,,,,2023,2024,,,
2023,2024,ambito,renamed,organizzazione,Organizzazione e personale,,,Organizzazione,Organizzazione e personale,,,
2023,2024,ambito,added,trasparenza,Trasparenza,,,,Trasparenza,,,
2023,2024,servizio,renamed,personale,Personale e formazione,,,Personale,Personale e formazione,,,
2023,2024,servizio,added,comunicazione,Comunicazione,,,,Comunicazione,,,
2023,2024,servizio,removed,archivio,Archivio e protocollo,,,Archivio e protocollo,,,,
2023,2024,objective,period_changed,servizi-digitali,Portare online i servizi ai cittadini e alle imprese,,,2023-2025,2023-2026,,,
2023,2024,objective,weight_changed,servizi-digitali,Portare online i servizi ai cittadini e alle imprese,,,1,2,,,
2023,2024,indicator,weight_changed,pratiche-online,Quota di pratiche presentate online,servizi-digitali,,1,2,,,
2023,2024,target,target_changed,pratiche-online,Quota di pratiche presentate online,servizi-digitali,2024,>= 70%,>= 75%,declared,>= 70%,Il risultato del 2023 ha superato le attese
2023,2024,target,added,pratiche-online,Quota di pratiche presentate online,servizi-digitali,2026,,>= 85%,,,
2023,2024,indicator,renamed,imprese-assistite,\"Imprese assistite dallo sportello digitale, in sede e a distanza\",servizi-digitali,,Imprese assistite allo sportello digitale,\"Imprese assistite dallo sportello digitale, in sede e a distanza\",,,
2023,2024,target,target_changed,imprese-assistite,\"Imprese assistite dallo sportello digitale, in sede e a distanza\",servizi-digitali,2024,>= 200,>= 250,not_declared,,
2023,2024,target,added,imprese-assistite,\"Imprese assistite dallo sportello digitale, in sede e a distanza\",servizi-digitali,2025,,>= 250,,,
2023,2024,indicator,added,webinar,Webinar sui servizi online,servizi-digitali,,,Webinar sui servizi online,,,
2023,2024,objective,period_changed,sportello-online,Aprire lo sportello online per le pratiche edilizie,,,2023,2024,,,
2023,2024,objective,servizi_changed,sportello-online,Aprire lo sportello online per le pratiche edilizie,,,Sportello unico,Sportello unico; Comunicazione,,,
2023,2024,target,removed,pratiche-edilizie-online,Pratiche edilizie presentate online,sportello-online,2023,>= 150,,,,
2023,2024,target,added,pratiche-edilizie-online,Pratiche edilizie presentate online,sportello-online,2024,,>= 150,,,
2023,2024,objective,renamed,organizzazione-interna,Migliorare l'organizzazione interna e i tempi di pagamento,,,Migliorare l'organizzazione interna,Migliorare l'organizzazione interna e i tempi di pagamento,,,
2023,2024,target,target_changed,tempo-medio,Tempo medio di pagamento delle fatture,organizzazione-interna,2024,<= 30,<= 20,original_differs,<= 25,Il nuovo gestionale delle fatture accorcia i tempi
2023,2024,objective,added,trasparenza-dati,Pubblicare i dati del Comune in formato aperto,,,,Pubblicare i dati del Comune in formato aperto,,,
2023,2024,indicator,added,dataset-pubblicati,Insiemi di dati pubblicati in formato aperto,trasparenza-dati,,,Insiemi di dati pubblicati in formato aperto,,,
2023,2024,objective,removed,archivio-unico,Avviare l'archivio unico digitale,,,Avviare l'archivio unico digitale,,,,
2023,2024,indicator,removed,eventi,Incontri informativi sui servizi online,servizi-digitali,,Incontri informativi sui servizi online,,,,
2023,2024,indicator,removed,fascicoli-digitali,Fascicoli digitalizzati,archivio-unico,,Fascicoli digitalizzati,,,,
";
    let csv = read(&output.join("dati/modifiche.csv"));
    assert!(
        csv.ends_with("\r\n") && !csv.replace("\r\n", "").contains('\n'),
        "CRLF"
    );
    assert_eq!(csv.replace("\r\n", "\n"), expected);

    // The page says the same, in words: both targets side by side, with the
    // revision and its reason; what was removed links to the 2023 edition.
    let page = read(&output.join("modifiche/index.html"));
    for text in [
        "Le differenze tra questa edizione, PIAO 2024-2026, e la precedente, PIAO 2023-2025",
        "Prima (PIAO 2023-2025)",
        "Ora (PIAO 2024-2026)",
        "<td data-label=\"Prima (PIAO 2023-2025)\">&gt;= 200</td>",
        "<td data-label=\"Ora (PIAO 2024-2026)\">&gt;= 250</td>",
        "Target cambiato, senza revisione indicata",
        "Target rivisto, a partire da &lt;= 25",
        "Motivo: Il risultato del 2023 ha superato le attese",
        "Target cambiati rispetto all&#39;edizione precedente (7)",
        "href=\"../edizioni/2023/obiettivi/archivio-unico/index.html\">Avviare l&#39;archivio unico digitale</a>",
        "href=\"../obiettivi/trasparenza-dati/index.html\">Pubblicare i dati del Comune in formato aperto</a>",
        "prima: Migliorare l&#39;organizzazione interna",
        "da 2023-2025 a 2023-2026",
        "da Sportello unico a Sportello unico, Comunicazione",
        "da 1 a 2",
    ] {
        assert!(page.contains(text), "modifiche/ lacks {text:?}");
    }
}

#[test]
fn check_warns_of_targets_changed_without_a_matching_revision() {
    let out = cruscotto()
        .args(["check", "--format", "json", "--root", FIXTURE])
        .output()
        .expect("run");
    assert!(out.status.success());
    let warnings: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("json"))
        .collect();
    let places: Vec<(String, u64, String)> = warnings
        .iter()
        .map(|w| {
            (
                w["file"].as_str().unwrap_or_default().to_string(),
                w["line"].as_u64().unwrap_or_default(),
                w["code"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert_eq!(
        places,
        [
            (
                "content/01-servizi-digitali.md".to_string(),
                36,
                "revision-not-declared".to_string()
            ),
            (
                "content/02-organizzazione-interna.md".to_string(),
                14,
                "revision-original-differs".to_string()
            ),
        ],
        "only these two: the earlier edition's own warnings are not repeated"
    );
    let checked = cruscotto::check(Path::new(FIXTURE));
    insta::assert_snapshot!(
        checked
            .diagnostics
            .render(&checked.sources, cruscotto::diagnostics::Lang::En)
    );
}

#[test]
fn the_archive_lists_every_edition_with_period_act_and_date() {
    let dir = tempfile::tempdir().expect("temp");
    let output = dir.path().join("output");
    build(Path::new(FIXTURE), &output);
    let page = read(&output.join("edizioni/index.html"));
    let rows: Vec<&str> = page.split("<tr>").skip(2).collect();
    assert_eq!(rows.len(), 2, "the current edition and the earlier one");
    for (row, texts) in rows.iter().zip([
        [
            "href=\"../index.html\">PIAO 2024-2026</a>",
            "in vigore",
            "2024-2026",
            "Delibera di Giunta n. 5 del <time datetime=\"2024-01-25\">25/01/2024</time>",
        ],
        [
            "href=\"../edizioni/2023/index.html\">PIAO 2023-2025</a>",
            "2023-2025",
            "2023",
            "Delibera di Giunta n. 8 del <time datetime=\"2023-01-27\">27/01/2023</time>",
        ],
    ]) {
        for text in texts {
            assert!(row.contains(text), "{text:?} not in {row}");
        }
    }
    // The open-data page offers the changes; the sitemap has both pages.
    let data = read(&output.join("dati/index.html"));
    assert!(data.contains("href=\"../dati/modifiche.csv\" download>"));
    let sitemap = read(&output.join("sitemap.xml"));
    for url in [
        "performance/edizioni/</loc>",
        "performance/modifiche/</loc>",
    ] {
        assert!(sitemap.contains(url), "{url}");
    }
    // Every page's footer links the archive and the changes.
    let home = read(&output.join("index.html"));
    assert!(home.contains("href=\"edizioni/index.html\">Tutte le edizioni del piano</a>"));
    assert!(home.contains("href=\"modifiche/index.html\">Cosa è cambiato</a>"));
}

#[test]
fn an_earlier_edition_is_published_whole_under_its_own_address_with_a_banner() {
    let dir = tempfile::tempdir().expect("temp");
    let output = dir.path().join("output");
    build(Path::new(FIXTURE), &output);
    let edition = output.join("edizioni/2023");
    for path in [
        "index.html",
        "obiettivi/archivio-unico/index.html",
        "obiettivi/servizi-digitali/index.html",
        "piao/index.html",
        "relazione/index.html",
        "dati/indicatori.csv",
        "dati/piao.json",
        "assets/style.css",
        "sitemap.xml",
    ] {
        assert!(edition.join(path).is_file(), "edizioni/2023/{path}");
    }
    // Its own data: the 2023 edition's objectives, not the current ones.
    let data = read(&edition.join("dati/indicatori.csv"));
    assert!(data.contains("archivio-unico") && !data.contains("trasparenza-dati"));
    // Its own address under the site's.
    let page = read(&edition.join("obiettivi/servizi-digitali/index.html"));
    assert!(page.contains(
        "<link rel=\"canonical\" href=\"https://www.valfiorita.example.it/performance/edizioni/2023/obiettivi/servizi-digitali/\">"
    ));
    // The banner: which edition, and the same objective in the current one.
    assert!(page.contains(
        "Questa pagina fa parte del PIAO 2023-2025 (periodo 2023-2025), che non è più in vigore: il piano in vigore è il PIAO 2024-2026."
    ));
    assert!(page.contains(
        "href=\"../../../../obiettivi/servizi-digitali/index.html\">Questa pagina nel piano in vigore</a>"
    ));
    assert!(page.contains("href=\"../../../../edizioni/index.html\">Tutte le edizioni</a>"));
    // An objective the current edition no longer has: its home.
    let gone = read(&edition.join("obiettivi/archivio-unico/index.html"));
    assert!(gone.contains(
        "href=\"../../../../index.html\">Nel piano in vigore questa pagina non c&#39;è più: vai alla pagina iniziale</a>"
    ));
    // Every page of the earlier edition has the banner; none of the current.
    for (path, bytes) in snapshot(&output) {
        let name = path.to_string_lossy().replace('\\', "/");
        if !name.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8_lossy(&bytes);
        let banner = html.contains("class=\"edition-banner\"");
        let earlier = name.starts_with("edizioni/2023/") && !name.ends_with("stampa/index.html");
        assert_eq!(banner, earlier, "{name}");
    }
    // The current edition's own pages are where they always were.
    assert!(
        output
            .join("obiettivi/trasparenza-dati/index.html")
            .is_file()
    );
    assert!(!output.join("obiettivi/archivio-unico").exists());
}

#[test]
fn an_unchanged_edition_is_taken_from_the_last_output_not_rendered_again() {
    let site = copy_site();
    let dir = tempfile::tempdir().expect("temp");
    let output = dir.path().join("output");
    let first = build(site.path(), &output);
    assert!(first.contains("1 earlier edition rendered"), "{first}");
    let second = build(site.path(), &output);
    assert!(
        second.contains("1 earlier edition unchanged and reused"),
        "{second}"
    );

    // Proof that it is not rendered: a page of the earlier edition, changed
    // in the output (and in SHA256SUMS, so that it reads as intact), stays
    // as it is through a build, where a render would write it again.
    let page = output.join("edizioni/2023/obiettivi/archivio-unico/index.html");
    let marked = read(&page).replace("<h1>", "<h1>MARCATO ");
    replace_in_output(
        &output,
        "edizioni/2023/obiettivi/archivio-unico/index.html",
        &marked,
    );
    let third = build(site.path(), &output);
    assert!(third.contains("unchanged and reused"), "{third}");
    assert!(
        read(&page).contains("MARCATO"),
        "taken as it was, not rendered"
    );

    // A change to the current edition's label (the banner says it) renders
    // the earlier edition again: the mark is gone.
    let config = site.path().join("cruscotto.yaml");
    edit(&config, "PIAO 2024-2026\"", "PIAO 2024-2026 (bis)\"");
    let fourth = build(site.path(), &output);
    assert!(fourth.contains("1 earlier edition rendered"), "{fourth}");
    assert!(!read(&page).contains("MARCATO"));
    assert!(read(&page).contains("il piano in vigore è il PIAO 2024-2026 (bis)"));

    // So does a change to the earlier edition itself, and a page changed in
    // the output without its checksum.
    replace_in_output(
        &output,
        "edizioni/2023/obiettivi/archivio-unico/index.html",
        &marked,
    );
    let content = site
        .path()
        .join("edizioni/2023/content/03-archivio-unico.md");
    edit(&content, "di tutti gli uffici", "degli uffici");
    let fifth = build(site.path(), &output);
    assert!(fifth.contains("1 earlier edition rendered"), "{fifth}");
    assert!(read(&page).contains("degli uffici") && !read(&page).contains("MARCATO"));
    edit(&page, "<h1>", "<h1>MARCATO ");
    let sixth = build(site.path(), &output);
    assert!(sixth.contains("1 earlier edition rendered"), "{sixth}");
    assert!(!read(&page).contains("MARCATO"));
}

/// Changes a file of a built output and its line in SHA256SUMS.
fn replace_in_output(output: &Path, path: &str, text: &str) {
    use sha2::Digest as _;
    let hex = |bytes: &[u8]| -> String {
        sha2::Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    };
    let file = output.join(path);
    let old = hex(&fs::read(&file).expect("read"));
    let new = hex(text.as_bytes());
    // A new file, not the shared inode (the staging copy may be a hard link).
    fs::remove_file(&file).expect("rm");
    fs::write(&file, text).expect("write");
    let sums = output.join("SHA256SUMS");
    fs::write(
        &sums,
        read(&sums).replace(&format!("{old}  {path}"), &format!("{new}  {path}")),
    )
    .expect("write");
}

#[test]
fn building_twice_gives_the_same_bytes_and_reuse_changes_none() {
    let dir = tempfile::tempdir().expect("temp");
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    build(Path::new(FIXTURE), &a);
    build(Path::new(FIXTURE), &b);
    let first = snapshot(&a);
    assert_eq!(first, snapshot(&b), "two fresh builds");
    build(Path::new(FIXTURE), &a);
    assert_eq!(first, snapshot(&a), "a build reusing the earlier edition");
}

#[test]
fn the_next_edition_archives_this_one_and_every_address_stays() {
    let site = copy_site();
    let dir = tempfile::tempdir().expect("temp");
    let output = dir.path().join("output");
    build(site.path(), &output);
    let before: Vec<PathBuf> = snapshot(&output).into_keys().collect();

    let stdout = succeeds(
        cruscotto()
            .args(["edizione", "nuova", "--id", "2025", "--root"])
            .arg(site.path()),
    );
    assert!(
        stdout.contains("archived the current edition in edizioni/2024 (5 files)"),
        "{stdout}"
    );
    // The archive is the current edition as it was, byte for byte.
    for file in [
        "cruscotto.yaml",
        "content/01-servizi-digitali.md",
        "content/01-servizi-digitali/01-sportello-online.md",
        "content/03-trasparenza-dati.md",
    ] {
        assert_eq!(
            fs::read(site.path().join("edizioni/2024").join(file)).expect("archived"),
            fs::read(Path::new(FIXTURE).join(file)).expect("original"),
            "{file}"
        );
    }
    let config = read(&site.path().join("cruscotto.yaml"));
    for text in [
        "edition: \"PIAO 2025-2027\"",
        "edition_id: 2025",
        "period: 2025-2027",
        "reference_year: 2025",
        "relazione_year: 2024",
        "  # approval:",
    ] {
        assert!(config.contains(text), "{text:?} in\n{config}");
    }

    // The next build publishes three editions (the one-year objective
    // moved on to 2025 first: the office writes the new plan), and every
    // address of the last build is still there: the earlier edition's
    // where it was, the current one's under edizioni/2024/.
    let path = site.path().join("content/03-trasparenza-dati.md");
    edit(
        &path,
        "period: 2024
",
        "period: 2025
",
    );
    let closing = build(site.path(), &output);
    assert!(closing.contains("2 earlier editions"), "{closing}");
    let after = snapshot(&output);
    for path in &before {
        let name = path.to_string_lossy().replace('\\', "/");
        let now = if name.starts_with("edizioni/")
            || name == "SHA256SUMS"
            || name == ".cruscotto-build"
        {
            name.clone()
        } else {
            format!("edizioni/2024/{name}")
        };
        assert!(
            after.contains_key(Path::new(&now)),
            "{name} is not at {now}"
        );
    }
    let archive = read(&output.join("edizioni/index.html"));
    assert!(
        archive.contains("PIAO 2025-2027")
            && archive.contains("PIAO 2024-2026")
            && archive.contains("PIAO 2023-2025")
    );
    // The 2024 edition keeps its own changes since 2023, at its address.
    let changes = read(&output.join("edizioni/2024/dati/modifiche.csv"));
    assert!(changes.starts_with("previous_edition,current_edition"));
    assert!(changes.contains("\n2023,2024,target,target_changed,tempo-medio,"));
    assert!(
        read(&output.join("edizioni/2024/modifiche/index.html"))
            .contains("href=\"../../2023/obiettivi/archivio-unico/index.html\"")
    );

    // Once more with the same id: refused, nothing touched.
    let archived = snapshot(&site.path().join("edizioni"));
    let config = read(&site.path().join("cruscotto.yaml"));
    for id in ["2025", "2023"] {
        let out = cruscotto()
            .args(["edizione", "nuova", "--id", id, "--root"])
            .arg(site.path())
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(2), "{id}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("is the id of the current edition")
                || stderr.contains("an earlier edition already has the id `2023`"),
            "{stderr}"
        );
    }
    assert_eq!(snapshot(&site.path().join("edizioni")), archived);
    assert_eq!(read(&site.path().join("cruscotto.yaml")), config);
}

/// `cruscotto check --root <site>` fails with errors in the content: its
/// standard error.
fn check_fails(site: &Path) -> String {
    let out = cruscotto()
        .args(["check", "--root"])
        .arg(site)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn an_earlier_edition_that_cannot_be_read_is_an_error_naming_its_folder() {
    let site = copy_site();
    let file = site
        .path()
        .join("edizioni/2023/content/03-archivio-unico.md");
    // Written for a tool that took `obiettivo:` for the title.
    edit(&file, "title:", "obiettivo:");
    let stderr = check_fails(site.path());
    assert!(
        stderr.contains("edizioni/2023/content/03-archivio-unico.md:6:1"),
        "{stderr}"
    );
    assert!(stderr.contains("unknown key `obiettivo`"), "{stderr}");
    // The build writes nothing.
    let dir = tempfile::tempdir().expect("temp");
    let output = dir.path().join("output");
    cruscotto()
        .args(["build", "--root"])
        .arg(site.path())
        .arg("--output")
        .arg(&output)
        .assert()
        .code(1);
    assert!(!output.exists());

    // A folder that is not a site, and an id that cannot be an address.
    let site = copy_site();
    fs::create_dir_all(site.path().join("edizioni/vuota")).expect("mkdir");
    fs::create_dir_all(site.path().join("edizioni/Anno 2022")).expect("mkdir");
    let stderr = check_fails(site.path());
    assert!(
        stderr.contains("edizioni/vuota: the earlier edition edizioni/vuota has no cruscotto.yaml"),
        "{stderr}"
    );
    assert!(
        stderr.contains("`Anno 2022` cannot be the id of an edition"),
        "{stderr}"
    );
}

#[test]
fn an_earlier_edition_whose_own_theme_hides_the_banner_is_refused() {
    let site = copy_site();
    // An edition archived with its own base.html, written before editions.
    let base = include_str!("../themes/default/templates/base.html")
        .replace("{% include \"partials/edition-banner.html\" %}", "");
    let templates = site.path().join("edizioni/2023/themes/default/templates");
    fs::create_dir_all(&templates).expect("mkdir");
    fs::write(templates.join("base.html"), base).expect("write");
    let dir = tempfile::tempdir().expect("temp");
    let out = cruscotto()
        .args(["build", "--root"])
        .arg(site.path())
        .arg("--output")
        .arg(dir.path().join("output"))
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("edizioni/2023/themes/default/templates/base.html: the page"),
        "{stderr}"
    );
    assert!(
        stderr.contains("does not say which edition it is"),
        "{stderr}"
    );
    assert!(!dir.path().join("output").exists());
}

#[test]
fn the_preview_reuses_an_unchanged_edition_from_its_last_build() {
    let site = copy_site();
    let cruscotto::serve::Build::Built { files, .. } =
        cruscotto::serve::build(site.path(), None, cruscotto::diagnostics::Lang::En)
    else {
        panic!("the site builds");
    };
    let page = "edizioni/2023/obiettivi/archivio-unico/index.html";
    assert!(files.contains_key(page));
    let mut last = files.clone();
    last.insert(page.to_string(), b"dalla build precedente".to_vec());
    let cruscotto::serve::Build::Built { files: again, .. } =
        cruscotto::serve::build(site.path(), Some(&last), cruscotto::diagnostics::Lang::En)
    else {
        panic!("the site builds");
    };
    assert_eq!(
        again[page], b"dalla build precedente",
        "taken from the last build"
    );
    assert_eq!(again.len(), files.len());
}
