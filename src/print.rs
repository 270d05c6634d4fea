//! Stage 4b: printing a rendered document to PDF with headless Chromium.
//!
//! Chromium lays the page out with CSS paged media (the page box, running
//! header and "pagina N di M" come from the document's CSS) and writes the
//! outline (bookmarks) from the headings and a tagged PDF. It cannot number
//! a table of contents, so the document is printed twice: the first
//! printing's outline says on which page each heading fell, the second
//! shows those pages. The metadata are then set from the content, not the
//! clock, so that the same content gives the same file.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use lopdf::{Document, Object, StringFormat};

use crate::diagnostics::{Diagnostic, io_reason, problem, text};
use crate::model::Date;
use crate::write::OutputFile;

/// The environment variable naming the Chromium to use.
pub const CHROMIUM_VARIABLE: &str = "CRUSCOTTO_CHROMIUM";
const CHROMIUM_NAMES: [&str; 4] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
];
/// A printing that takes longer than this is stopped.
const TIMEOUT: Duration = Duration::from_secs(180);
/// How many printings may be needed for the page numbers to settle.
const MAX_PRINTINGS: usize = 3;

/// What the PDF says about itself.
#[derive(Debug, Clone)]
pub struct Metadata {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub date: Date,
    /// The published site's address: links to other pages point there.
    pub site_url: String,
}

/// A document to print: the page, by its path in the site, and the
/// headings whose pages the table of contents shows.
#[derive(Debug)]
pub struct Printing {
    pub html: Vec<u8>,
    /// (anchor, heading text) in document order.
    pub headings: Vec<(String, String)>,
    /// Whether the page shows on which page its headings fall (a table of
    /// contents with page numbers), which takes a second printing.
    pub numbered: bool,
}

/// Finds Chromium: the one named by `CRUSCOTTO_CHROMIUM`, else the first
/// of the usual names on the PATH.
pub fn find_chromium() -> Result<PathBuf, Diagnostic> {
    if let Some(named) = std::env::var_os(CHROMIUM_VARIABLE) {
        let path = PathBuf::from(&named);
        if path.is_file() {
            return Ok(path);
        }
        return Err(problem::chromium_variable_not_a_file(
            CHROMIUM_VARIABLE,
            &path,
        ));
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for dir in std::env::split_paths(&path) {
        for name in CHROMIUM_NAMES {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Ok(candidate);
            }
        }
    }
    Err(problem::chromium_missing(CHROMIUM_VARIABLE))
}

/// Prints `page` (a path in the site, e.g. `piao/index.html`) to PDF.
/// `files` are the site's files the page needs (its styles and fonts);
/// `render` gives the page with the table of contents showing the page
/// numbers it is passed (a placeholder on the first printing).
pub fn print_pdf(
    chromium: &Path,
    files: &[OutputFile],
    page: &str,
    mut render: impl FnMut(Option<&BTreeMap<String, usize>>) -> Result<Printing, Diagnostic>,
    metadata: &Metadata,
) -> Result<Vec<u8>, Diagnostic> {
    let work = tempfile::Builder::new()
        .prefix("cruscotto-print-")
        .tempdir()
        .map_err(|e| problem::print_io_failed(text::doing_create_print_folder(), io_reason(&e)))?;
    let site = work.path().join("site");
    for file in files {
        write_file(&site.join(&file.path), &file.bytes)?;
    }
    let mut printing = render(None)?;
    let mut pdf = Vec::new();
    let mut numbers: Option<BTreeMap<String, usize>> = None;
    for _ in 0..MAX_PRINTINGS {
        write_file(&site.join(page), &printing.html)?;
        pdf = run_chromium(chromium, work.path(), &site.join(page))?;
        if !printing.numbered {
            break;
        }
        let found = heading_pages(&pdf, &printing.headings)?;
        if numbers.as_ref() == Some(&found) {
            break;
        }
        printing = render(Some(&found))?;
        numbers = Some(found);
    }
    let printed_from = format!("file://{}/", site.display());
    finish(&pdf, metadata, &printing.headings, &printed_from)
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| {
            problem::print_io_failed(text::doing_create_print_folder(), io_reason(&e))
                .in_file(parent)
        })?;
    }
    fs::write(path, bytes).map_err(|e| {
        problem::print_io_failed(text::doing_write_print_file(), io_reason(&e)).in_file(path)
    })
}

fn run_chromium(chromium: &Path, work: &Path, page: &Path) -> Result<Vec<u8>, Diagnostic> {
    let pdf = work.join("print.pdf");
    let _ = fs::remove_file(&pdf);
    let mut command = Command::new(chromium);
    command
        .arg("--headless")
        .arg("--disable-gpu")
        .arg("--disable-background-networking")
        .arg("--disable-component-update")
        .arg("--disable-sync")
        .arg("--disable-extensions")
        .arg("--no-first-run")
        .arg("--no-default-browser-check")
        .arg(format!(
            "--user-data-dir={}",
            work.join("profile").display()
        ))
        .arg("--no-pdf-header-footer")
        .arg("--generate-pdf-document-outline")
        .arg(format!("--print-to-pdf={}", pdf.display()));
    // Chromium refuses to start its sandbox as root.
    if running_as_root() {
        command.arg("--no-sandbox");
    }
    let url = format!("file://{}", page.display());
    command
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let mut child = command
        .spawn()
        .map_err(|e| problem::chromium_not_started(chromium, io_reason(&e), CHROMIUM_VARIABLE))?;
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(problem::chromium_timeout(TIMEOUT.as_secs()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(50)),
            Err(e) => {
                return Err(problem::chromium_failed(e.to_string(), String::new()));
            }
        }
    };
    let mut stderr = String::new();
    if let Some(mut pipe) = child.stderr.take() {
        use std::io::Read;
        let _ = pipe.read_to_string(&mut stderr);
    }
    match fs::read(&pdf) {
        Ok(bytes) if status.success() && !bytes.is_empty() => Ok(bytes),
        _ => Err(problem::chromium_failed(
            status.to_string(),
            last_lines(&stderr),
        )),
    }
}

fn last_lines(text: &str) -> String {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines.is_empty() {
        String::new()
    } else {
        format!(": {}", lines[lines.len().saturating_sub(3)..].join(" | "))
    }
}

fn running_as_root() -> bool {
    fs::read_to_string("/proc/self/status").is_ok_and(|status| {
        status
            .lines()
            .find_map(|l| l.strip_prefix("Uid:"))
            .and_then(|ids| ids.split_whitespace().nth(1))
            == Some("0")
    })
}

/// On which page each heading fell, by the PDF's outline.
fn heading_pages(
    pdf: &[u8],
    headings: &[(String, String)],
) -> Result<BTreeMap<String, usize>, Diagnostic> {
    let document =
        Document::load_mem(pdf).map_err(|e| problem::printed_pdf_unreadable(e.to_string()))?;
    let toc = document
        .get_toc()
        .map_err(|e| problem::printed_pdf_without_outline(e.to_string()))?;
    let titles: Vec<&str> = toc.toc.iter().map(|e| e.title.as_str()).collect();
    Ok(match_headings(&titles, headings)
        .into_iter()
        .map(|(entry, heading)| (headings[heading].0.clone(), toc.toc[entry].page))
        .collect())
}

/// Pairs outline entries with headings, both in document order: (entry,
/// heading) positions. Chromium writes an entry's title from the laid-out
/// lines, so that a wrapped heading loses the space at the wrap, text set in
/// capitals by the style comes in capitals, and the first line may come
/// twice ("RIGA UNORIGA UNO RIGA DUE"): entries are compared without spaces
/// or case, by their end.
fn match_headings(titles: &[&str], headings: &[(String, String)]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut next_entry = 0;
    for (h, (_, text)) in headings.iter().enumerate() {
        let wanted = squeeze(text);
        if wanted.is_empty() {
            continue;
        }
        if let Some(offset) = titles[next_entry..]
            .iter()
            .position(|title| squeeze(title).ends_with(&wanted))
        {
            pairs.push((next_entry + offset, h));
            next_entry += offset + 1;
        }
    }
    pairs
}

/// The headings of a page (`<h2 id="x">text</h2>`), in order, with their
/// ids: for a page whose view does not list them.
pub fn html_headings(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<h") {
        rest = &rest[start + 2..];
        let Some(level) = rest.chars().next().filter(|c| ('1'..='6').contains(c)) else {
            continue;
        };
        let Some(open_end) = rest.find('>') else {
            break;
        };
        let attributes = &rest[1..open_end];
        let close = format!("</h{level}>");
        let Some(end) = rest.find(&close) else {
            break;
        };
        let inner = &rest[open_end + 1..end];
        let id = attributes
            .split("id=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or_default();
        out.push((id.to_string(), text_of(inner)));
        rest = &rest[end..];
    }
    out
}

/// The text of an HTML fragment: tags dropped, the entities templates write undone.
fn text_of(fragment: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in fragment.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Gives the outline's entries the headings' own text (see `match_headings`).
fn fix_outline(document: &mut Document, headings: &[(String, String)]) {
    let mut items = Vec::new();
    if let Ok(catalog) = document.catalog()
        && let Ok(Object::Reference(outlines)) = catalog.get(b"Outlines")
        && let Ok(root) = document.get_dictionary(*outlines)
        && let Ok(Object::Reference(first)) = root.get(b"First")
    {
        outline_items(document, *first, &mut items, 0);
    }
    let titles: Vec<String> = items
        .iter()
        .map(|id| {
            document
                .get_dictionary(*id)
                .ok()
                .and_then(|d| d.get(b"Title").ok())
                .map(title_text)
                .unwrap_or_default()
        })
        .collect();
    let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
    for (entry, heading) in match_headings(&titles, headings) {
        if let Ok(Object::Dictionary(item)) = document.get_object_mut(items[entry]) {
            item.set("Title", text_string(&headings[heading].1));
        }
    }
}

/// The outline's entries depth first, as the headings come in the document.
fn outline_items(
    document: &Document,
    first: lopdf::ObjectId,
    out: &mut Vec<lopdf::ObjectId>,
    depth: usize,
) {
    // An outline is shallow; the bound only guards against a cycle.
    const MAX_DEPTH: usize = 16;
    const MAX_ITEMS: usize = 100_000;
    let mut current = Some(first);
    while let Some(id) = current {
        if depth > MAX_DEPTH || out.len() > MAX_ITEMS || out.contains(&id) {
            return;
        }
        out.push(id);
        let Ok(item) = document.get_dictionary(id) else {
            return;
        };
        if let Ok(Object::Reference(child)) = item.get(b"First") {
            outline_items(document, *child, out, depth + 1);
        }
        current = match item.get(b"Next") {
            Ok(Object::Reference(next)) => Some(*next),
            _ => None,
        };
    }
}

/// A PDF text string as text: UTF-16BE with its mark, or one byte a character.
fn title_text(object: &Object) -> String {
    match object {
        Object::String(bytes, _) if bytes.starts_with(&[0xFE, 0xFF]) => {
            let units: Vec<u16> = bytes[2..]
                .chunks_exact(2)
                .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        Object::String(bytes, _) => bytes.iter().map(|&b| char::from(b)).collect(),
        _ => String::new(),
    }
}

/// Title, author, subject and dates from the content (Chromium's own dates
/// are the clock's); the creator is cruscotto; the outline's entries read as
/// the headings.
fn finish(
    pdf: &[u8],
    metadata: &Metadata,
    headings: &[(String, String)],
    printed_from: &str,
) -> Result<Vec<u8>, Diagnostic> {
    let mut document =
        Document::load_mem(pdf).map_err(|e| problem::printed_pdf_unreadable(e.to_string()))?;
    fix_outline(&mut document, headings);
    renumber_structure_ids(&mut document);
    publish_links(&mut document, printed_from, &metadata.site_url);
    let date = format!(
        "D:{:04}{:02}{:02}000000Z",
        metadata.date.year, metadata.date.month, metadata.date.day
    );
    let info_id = match document.trailer.get(b"Info") {
        Ok(Object::Reference(id)) => Some(*id),
        _ => None,
    };
    let mut info = info_id
        .and_then(|id| document.get_dictionary(id).ok().cloned())
        .unwrap_or_default();
    info.set("Title", text_string(&metadata.title));
    info.set("Author", text_string(&metadata.author));
    info.set("Subject", text_string(&metadata.subject));
    info.set("Creator", text_string("cruscotto"));
    info.set(
        "CreationDate",
        Object::String(date.clone().into_bytes(), StringFormat::Literal),
    );
    info.set(
        "ModDate",
        Object::String(date.into_bytes(), StringFormat::Literal),
    );
    match info_id {
        Some(id) => {
            document.objects.insert(id, Object::Dictionary(info));
        }
        None => {
            let id = document.add_object(Object::Dictionary(info));
            document.trailer.set("Info", Object::Reference(id));
        }
    }
    let mut bytes = Vec::new();
    document
        .save_to(&mut bytes)
        .map_err(|e| problem::internal_error(format!("PDF: {e}")))?;
    Ok(bytes)
}

/// Links to the site's other pages point at the folder the page was printed
/// from: they are made to point at the published site.
fn publish_links(document: &mut Document, printed_from: &str, site_url: &str) {
    fn visit(object: &mut Object, from: &[u8], to: &[u8]) {
        match object {
            Object::Dictionary(d) => {
                if let Ok(Object::String(uri, _)) = d.get_mut(b"URI")
                    && let Some(rest) = uri.strip_prefix(from)
                {
                    let mut published = to.to_vec();
                    published.extend_from_slice(rest);
                    *uri = published;
                }
                d.iter_mut().for_each(|(_, v)| visit(v, from, to));
            }
            Object::Array(items) => items.iter_mut().for_each(|i| visit(i, from, to)),
            _ => {}
        }
    }
    for object in document.objects.values_mut() {
        visit(object, printed_from.as_bytes(), site_url.as_bytes());
    }
}

/// Chromium names the elements of the tagged structure after its DOM nodes
/// (`node00000195`), whose numbers vary from run to run. They are numbered
/// again in their order, so that the same page gives the same file; the
/// order is kept, since the ID tree is sorted by them.
fn renumber_structure_ids(document: &mut Document) {
    fn is_node_id(bytes: &[u8]) -> bool {
        bytes.len() == 12 && bytes.starts_with(b"node") && bytes[4..].iter().all(u8::is_ascii_digit)
    }
    fn collect(object: &Object, ids: &mut std::collections::BTreeSet<Vec<u8>>) {
        match object {
            Object::String(bytes, _) if is_node_id(bytes) => {
                ids.insert(bytes.clone());
            }
            Object::Array(items) => items.iter().for_each(|i| collect(i, ids)),
            Object::Dictionary(d) => d.iter().for_each(|(_, v)| collect(v, ids)),
            _ => {}
        }
    }
    fn rename(object: &mut Object, names: &BTreeMap<Vec<u8>, Vec<u8>>) {
        match object {
            Object::String(bytes, _) => {
                if let Some(name) = names.get(bytes.as_slice()) {
                    bytes.clone_from(name);
                }
            }
            Object::Array(items) => items.iter_mut().for_each(|i| rename(i, names)),
            Object::Dictionary(d) => d.iter_mut().for_each(|(_, v)| rename(v, names)),
            _ => {}
        }
    }
    let mut ids = std::collections::BTreeSet::new();
    for object in document.objects.values() {
        collect(object, &mut ids);
    }
    let names: BTreeMap<Vec<u8>, Vec<u8>> = ids
        .into_iter()
        .enumerate()
        .map(|(n, id)| (id, format!("node{:08}", n + 1).into_bytes()))
        .collect();
    for object in document.objects.values_mut() {
        rename(object, &names);
    }
}

/// A PDF text string: plain when ASCII, UTF-16BE with its mark otherwise.
fn text_string(text: &str) -> Object {
    if text.is_ascii() {
        return Object::String(text.as_bytes().to_vec(), StringFormat::Literal);
    }
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_strings_keep_accents() {
        assert_eq!(
            text_string("PIAO"),
            Object::String(b"PIAO".to_vec(), StringFormat::Literal)
        );
        let Object::String(bytes, StringFormat::Hexadecimal) = text_string("Attività") else {
            unreachable!("non-ASCII text is written as UTF-16")
        };
        assert_eq!(&bytes[..2], &[0xFE, 0xFF]);
        assert_eq!(bytes.len(), 2 + 2 * "Attività".chars().count());
    }

    #[test]
    fn headings_match_the_outline_as_chromium_writes_it() {
        let headings: Vec<(String, String)> = [
            ("toc", "Indice"),
            ("a", "Obiettivi strategici comuni"),
            ("o1", "1. Favorire la transizione digitale"),
            ("o2", "2. Sostenere le imprese del settore agroalimentare"),
        ]
        .iter()
        .map(|(a, t)| (a.to_string(), t.to_string()))
        .collect();
        let titles = [
            "Piano integrato",
            "IndiceIndice",
            "OBIETTIVI STRATEGICI COMUNIOBIETTIVI STRATEGICI COMUNI",
            "1. Favorire la transizione digitale",
            "Un obiettivo operativo",
            "2. Sostenere le imprese del2. Sostenere le imprese del settoreagroalimentare",
        ];
        assert_eq!(
            match_headings(&titles, &headings),
            vec![(1, 0), (2, 1), (3, 2), (5, 3)]
        );
    }

    #[test]
    fn headings_are_read_from_the_page() {
        let html = r#"<h1 id="t">Relazione <span class="h1-sub">Ente</span></h1><p>x</p><h2 id="a">Dell&#39;anno &amp; altro</h2><hr>"#;
        assert_eq!(
            html_headings(html),
            vec![
                ("t".to_string(), "Relazione Ente".to_string()),
                ("a".to_string(), "Dell'anno & altro".to_string()),
            ]
        );
    }

    #[test]
    fn a_heading_missing_from_the_outline_is_skipped() {
        let headings = vec![
            ("x".to_string(), "Assente".to_string()),
            ("y".to_string(), "Presente".to_string()),
        ];
        assert_eq!(match_headings(&["Presente"], &headings), vec![(0, 1)]);
    }
}
