//! `cruscotto serve`: a preview of the site on 127.0.0.1, rebuilt in memory
//! whenever the content, the themes, the measurements or the config change.
//!
//! Open pages reload themselves through server-sent events. The script that
//! listens for them is added to the pages only here, when they are served:
//! a published build never has it. When the content has errors, the last
//! good build keeps being served, with the errors on top of every page
//! (and in the terminal) until they are fixed.

use std::collections::HashMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};
use tiny_http::{Header, Request, Response, Server};

use crate::diagnostics::{
    Diagnostic, Diagnostics, Lang, Severity, Sources, io_reason, problem, text,
};

/// The addresses the preview adds to the site; no page of a site can have
/// them (ids never start with `_`).
pub const EVENTS: &str = "/__cruscotto/events";
pub const SCRIPT: &str = "/__cruscotto/reload.js";
pub const STYLE: &str = "/__cruscotto/overlay.css";

/// The folders watched under the site's root, with the config file.
pub const WATCHED: [&str; 4] = ["content", "themes", "rilevazioni", crate::editions::DIR];

const RELOAD_JS: &str = "\
// Added by `cruscotto serve` only: reloads the page when the site is rebuilt.
(function () {
  if (!window.EventSource) { return; }
  var events = new EventSource('/__cruscotto/events');
  events.addEventListener('reload', function () { window.location.reload(); });
})();
";

const OVERLAY_CSS: &str = "\
#cruscotto-errori { position: fixed; inset: 0 0 auto 0; max-height: 70vh; overflow: auto;
  z-index: 2147483647; margin: 0; padding: 1rem 1.5rem; background: #fff; color: #1a1a1a;
  border-bottom: 4px solid #a4001d; box-shadow: 0 2px 12px rgb(0 0 0 / 35%); font: 1rem/1.5 system-ui, sans-serif; }
#cruscotto-errori h2 { margin: 0 0 .5rem; font-size: 1.2rem; color: #a4001d; }
#cruscotto-errori li { margin: .5rem 0; }
#cruscotto-errori code { font-family: ui-monospace, monospace; font-weight: bold; }
#cruscotto-errori .aiuto { color: #333; }
@media print { #cruscotto-errori { display: none; } }
";

/// One problem as the overlay shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// `path:line:column`, or the path, or nothing.
    pub place: String,
    pub message: String,
    pub help: Option<String>,
}

/// What is being served.
#[derive(Debug)]
struct Site {
    /// The last good build, by path (`obiettivi/x/index.html`).
    files: Arc<HashMap<String, Vec<u8>>>,
    /// The errors of the last build, when it failed.
    problems: Vec<Problem>,
    /// The language of the preview's messages and overlay.
    lang: Lang,
}

/// The result of one build in memory: the files, or the problems and the
/// text to print in the terminal.
#[derive(Debug)]
pub enum Build {
    Built {
        files: HashMap<String, Vec<u8>>,
        /// The warnings, rendered for the terminal.
        report: String,
        warnings: usize,
    },
    Failed {
        problems: Vec<Problem>,
        report: String,
    },
}

/// Builds the site under `root` in memory, as `build` would (no PDF); the
/// problems are said in `lang`. An earlier edition whose files `last` (the
/// last good build) holds unchanged is taken from there.
pub fn build(root: &Path, last: Option<&HashMap<String, Vec<u8>>>, lang: Lang) -> Build {
    let mut checked = crate::check(root);
    let report = checked.diagnostics.render(&checked.sources, lang);
    let Some((plan, evaluation)) = &checked.evaluated else {
        return Build::Failed {
            problems: problems(&checked.diagnostics, &checked.sources, lang),
            report,
        };
    };
    let options = crate::render::site::Options::default();
    let previous = crate::editions::reuse::InMemory(last);
    match crate::render_site(
        root,
        plan,
        evaluation,
        &checked.editions,
        &mut checked.sources,
        options,
        &previous,
    ) {
        Ok((files, _)) => Build::Built {
            files: files
                .into_iter()
                .map(|f| (f.path.to_string_lossy().replace('\\', "/"), f.bytes))
                .collect(),
            report,
            warnings: checked.diagnostics.warnings(),
        },
        Err(diagnostics) => Build::Failed {
            problems: problems(&diagnostics, &checked.sources, lang),
            report: diagnostics.render(&checked.sources, lang),
        },
    }
}

fn problems(diagnostics: &Diagnostics, sources: &Sources, lang: Lang) -> Vec<Problem> {
    diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| (d, d.said(lang)))
        .map(|(d, said)| Problem {
            place: match (&d.span, &d.path) {
                (Some(span), _) => {
                    let (line, column) = sources.line_col(span);
                    format!("{}:{line}:{column}", sources.path(span.source).display())
                }
                (None, Some(path)) => path.display().to_string(),
                (None, None) => String::new(),
            },
            message: said.message,
            help: said.help,
        })
        .collect()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The errors as an alert on top of the page, in `lang`.
pub fn overlay(problems: &[Problem], lang: Lang) -> String {
    let mut html = format!(
        "<section id=\"cruscotto-errori\" lang=\"{}\" role=\"alert\" aria-labelledby=\"cruscotto-errori-titolo\">\
         <h2 id=\"cruscotto-errori-titolo\">{}</h2><ol>",
        lang.code(),
        escape(&text::serve_overlay_title().format(lang))
    );
    let help_word = text::help_prefix().format(lang);
    for problem in problems {
        html.push_str("<li>");
        if !problem.place.is_empty() {
            html.push_str(&format!("<code>{}</code>: ", escape(&problem.place)));
        }
        html.push_str(&escape(&problem.message));
        if let Some(help) = &problem.help {
            html.push_str(&format!(
                "<br><span class=\"aiuto\">{}: {}</span>",
                escape(&help_word),
                escape(help)
            ));
        }
        html.push_str("</li>");
    }
    html.push_str("</ol></section>");
    html
}

/// A page as the preview serves it: with the reload script, and the
/// overlay when the last build failed.
pub fn inject(html: &str, problems: &[Problem], lang: Lang) -> String {
    let mut page = html.to_string();
    if let Some(at) = page.find("</head>") {
        page.insert_str(at, &format!("<link rel=\"stylesheet\" href=\"{STYLE}\">"));
    }
    let mut tail = String::new();
    if !problems.is_empty() {
        tail.push_str(&overlay(problems, lang));
    }
    tail.push_str(&format!("<script src=\"{SCRIPT}\"></script>"));
    match page.rfind("</body>") {
        Some(at) => page.insert_str(at, &tail),
        None => page.push_str(&tail),
    }
    page
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "xml" => "application/xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "pdf" => "application/pdf",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn header(name: &str, value: &str) -> Option<Header> {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

fn percent_decode(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(byte) = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// What a request for `url` gets: status, content type, body; or a
/// redirect to the folder's address.
#[derive(Debug, PartialEq, Eq)]
enum Answer {
    File(u16, &'static str, Vec<u8>),
    Redirect(String),
}

fn answer(site: &Site, url: &str) -> Answer {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let path = percent_decode(path);
    let key = path.trim_start_matches('/');
    if key.split('/').any(|part| part == "..") {
        return Answer::File(400, "text/plain; charset=utf-8", b"bad address".to_vec());
    }
    let page = |key: &str, status: u16| {
        site.files.get(key).map(|bytes| {
            let kind = content_type(key);
            let body = if kind.starts_with("text/html") {
                inject(&String::from_utf8_lossy(bytes), &site.problems, site.lang).into_bytes()
            } else {
                bytes.clone()
            };
            Answer::File(status, kind, body)
        })
    };
    let index = if key.is_empty() || key.ends_with('/') {
        format!("{key}index.html")
    } else {
        key.to_string()
    };
    if let Some(found) = page(&index, 200) {
        return found;
    }
    if site.files.contains_key(&format!("{key}/index.html")) {
        return Answer::Redirect(format!("{path}/"));
    }
    page("404.html", 404)
        .unwrap_or_else(|| Answer::File(404, "text/plain; charset=utf-8", b"not found".to_vec()))
}

type Clients = Arc<Mutex<Vec<Sender<()>>>>;

fn respond(request: Request, site: &Arc<Mutex<Site>>, clients: &Clients) {
    let url = request.url().to_string();
    let result = match url.split('?').next().unwrap_or("") {
        EVENTS => {
            let (sender, receiver) = mpsc::channel();
            clients
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(sender);
            stream_events(request, receiver);
            return;
        }
        SCRIPT => request.respond(with_type(
            Response::from_data(RELOAD_JS),
            "text/javascript; charset=utf-8",
        )),
        STYLE => request.respond(with_type(
            Response::from_data(OVERLAY_CSS),
            "text/css; charset=utf-8",
        )),
        _ => {
            let answer = answer(&site.lock().unwrap_or_else(PoisonError::into_inner), &url);
            match answer {
                Answer::File(status, kind, body) => request
                    .respond(with_type(Response::from_data(body), kind).with_status_code(status)),
                Answer::Redirect(to) => {
                    let mut response = Response::empty(301);
                    if let Some(h) = header("Location", &to) {
                        response.add_header(h);
                    }
                    request.respond(response)
                }
            }
        }
    };
    // A browser that went away: nothing to do.
    let _ = result;
}

fn with_type<R: std::io::Read>(mut response: Response<R>, kind: &str) -> Response<R> {
    if let Some(h) = header("Content-Type", kind) {
        response.add_header(h);
    }
    if let Some(h) = header("Cache-Control", "no-store") {
        response.add_header(h);
    }
    response
}

/// Keeps an event stream open; sends `reload` at every rebuild.
fn stream_events(request: Request, rebuilt: Receiver<()>) {
    let mut writer = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\
                Connection: close\r\n\r\n: cruscotto serve\n\n";
    if writer
        .write_all(head.as_bytes())
        .and_then(|()| writer.flush())
        .is_err()
    {
        return;
    }
    loop {
        let message = match rebuilt.recv_timeout(Duration::from_secs(15)) {
            Ok(()) => "event: reload\ndata: rebuilt\n\n",
            // A comment keeps the connection alive and notices a closed page.
            Err(mpsc::RecvTimeoutError::Timeout) => ": waiting\n\n",
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        };
        if writer
            .write_all(message.as_bytes())
            .and_then(|()| writer.flush())
            .is_err()
        {
            return;
        }
    }
}

fn listen_error(address: &str, error: impl std::fmt::Display) -> Diagnostic {
    problem::serve_port_unavailable(address, error.to_string())
}

/// Whether a changed path is one the site is built from.
fn relevant(root: &Path, path: &Path) -> bool {
    let Ok(relative) = path.strip_prefix(root) else {
        return false;
    };
    let mut parts = relative.components();
    match parts.next() {
        Some(first) => {
            let first = first.as_os_str();
            WATCHED.iter().any(|w| first == *w) || first == crate::load::CONFIG_FILE
        }
        None => false,
    }
}

/// Serves the site under `root` on 127.0.0.1:`port` until the process is
/// stopped. Prints the address, then each rebuild.
pub fn serve(root: &Path, port: u16, quiet: bool, lang: Lang) -> Result<(), Diagnostic> {
    let root = root
        .canonicalize()
        .map_err(|e| problem::serve_no_site_folder(io_reason(&e)).in_file(root))?;
    let site = Arc::new(Mutex::new(Site {
        files: Arc::new(HashMap::new()),
        problems: Vec::new(),
        lang,
    }));
    let clients: Clients = Arc::new(Mutex::new(Vec::new()));
    rebuild(&root, &site, &clients, quiet);

    let address = format!("127.0.0.1:{port}");
    let server = Server::http(&address).map_err(|e| listen_error(&address, e))?;
    let port = server.server_addr().to_ip().map_or(port, |a| a.port());

    let (events, changes) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        // Reading the files to rebuild opens them: only changes count, or
        // every rebuild would start the next.
        use notify::event::{AccessKind, AccessMode, EventKind};
        let change = match event.as_ref().map(|e| e.kind) {
            Ok(EventKind::Access(AccessKind::Close(AccessMode::Write))) => true,
            Ok(EventKind::Access(_)) | Err(_) => false,
            Ok(_) => true,
        };
        if change && let Ok(event) = event {
            let _ = events.send(event.paths);
        }
    })
    .map_err(|e| problem::serve_cannot_watch(e.to_string()).in_file(&root))?;
    watcher
        .watch(&root, RecursiveMode::NonRecursive)
        .map_err(|e| problem::serve_cannot_watch(e.to_string()).in_file(&root))?;
    let mut watched = Vec::new();
    for dir in WATCHED {
        let path = root.join(dir);
        if path.is_dir() && watcher.watch(&path, RecursiveMode::Recursive).is_ok() {
            watched.push(path);
        }
    }
    println!(
        "{}",
        text::serve_serving(format!("http://127.0.0.1:{port}/")).format(lang)
    );
    let _ = std::io::stdout().flush();

    {
        let (root, site, clients) = (root.clone(), Arc::clone(&site), Arc::clone(&clients));
        thread::spawn(move || {
            // The watcher lives as long as this thread.
            let mut watcher = watcher;
            while let Ok(paths) = changes.recv() {
                let mut changed: Vec<PathBuf> = paths;
                // Editors save in bursts: wait for the burst to end.
                while let Ok(more) = changes.recv_timeout(Duration::from_millis(30)) {
                    changed.extend(more);
                }
                for dir in WATCHED {
                    let path = root.join(dir);
                    if !watched.contains(&path)
                        && path.is_dir()
                        && watcher.watch(&path, RecursiveMode::Recursive).is_ok()
                    {
                        watched.push(path);
                    }
                }
                if changed.iter().any(|p| relevant(&root, p)) {
                    rebuild(&root, &site, &clients, quiet);
                }
            }
        });
    }

    for request in server.incoming_requests() {
        let (site, clients) = (Arc::clone(&site), Arc::clone(&clients));
        thread::spawn(move || respond(request, &site, &clients));
    }
    Ok(())
}

/// Milliseconds as a number for the catalogue (they fit easily).
fn ms_arg(ms: u128) -> i64 {
    i64::try_from(ms).unwrap_or(i64::MAX)
}

fn rebuild(root: &Path, site: &Arc<Mutex<Site>>, clients: &Clients, quiet: bool) {
    let started = Instant::now();
    let (last, lang) = {
        let site = site.lock().unwrap_or_else(PoisonError::into_inner);
        (Arc::clone(&site.files), site.lang)
    };
    let result = build(root, Some(&last), lang);
    drop(last);
    let ms = started.elapsed().as_millis();
    {
        let mut site = site.lock().unwrap_or_else(PoisonError::into_inner);
        match result {
            Build::Built {
                files,
                report,
                warnings,
            } => {
                if !quiet {
                    eprint!("{report}");
                    println!("{}", text::serve_rebuilt(ms_arg(ms), warnings).format(lang));
                }
                site.files = Arc::new(files);
                site.problems.clear();
            }
            Build::Failed { problems, report } => {
                eprint!("{report}");
                println!(
                    "{}",
                    text::serve_failed(problems.len(), ms_arg(ms)).format(lang)
                );
                site.problems = problems;
            }
        }
    }
    let _ = std::io::stdout().flush();
    clients
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .retain(|client| client.send(()).is_ok());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> Site {
        let mut files = HashMap::new();
        files.insert(
            "index.html".to_string(),
            b"<html><head><title>x</title></head><body><p>ciao</p></body></html>".to_vec(),
        );
        files.insert(
            "obiettivi/a/index.html".to_string(),
            b"<body>a</body>".to_vec(),
        );
        files.insert("dati/piao.json".to_string(), b"{}".to_vec());
        files.insert("404.html".to_string(), b"<body>non trovata</body>".to_vec());
        Site {
            files: Arc::new(files),
            problems: Vec::new(),
            lang: Lang::En,
        }
    }

    fn body(answer: Answer) -> (u16, String) {
        match answer {
            Answer::File(status, _, body) => (status, String::from_utf8_lossy(&body).into_owned()),
            Answer::Redirect(to) => (301, to),
        }
    }

    #[test]
    fn pages_get_the_reload_script_and_data_stays_as_built() {
        let site = site();
        let (status, page) = body(answer(&site, "/"));
        assert_eq!(status, 200);
        assert!(
            page.contains(&format!("<script src=\"{SCRIPT}\"></script></body>")),
            "{page}"
        );
        assert!(
            page.contains(&format!("href=\"{STYLE}\"></head>")),
            "{page}"
        );
        assert!(!page.contains("cruscotto-errori"), "{page}");
        assert_eq!(
            body(answer(&site, "/dati/piao.json")),
            (200, "{}".to_string())
        );
    }

    #[test]
    fn folders_redirect_and_unknown_addresses_get_the_404_page() {
        let site = site();
        assert_eq!(
            body(answer(&site, "/obiettivi/a")),
            (301, "/obiettivi/a/".to_string())
        );
        assert_eq!(body(answer(&site, "/obiettivi/a/?x=1")).0, 200);
        let (status, page) = body(answer(&site, "/nessuna"));
        assert_eq!(status, 404);
        assert!(page.contains("non trovata"), "{page}");
        assert_eq!(body(answer(&site, "/../segreti")).0, 400);
    }

    #[test]
    fn the_overlay_names_file_line_and_message() {
        let mut site = site();
        site.problems.push(Problem {
            place: "content/a.md:3:7".to_string(),
            message: "unknown unit `<x>`".to_string(),
            help: Some("write one of: percent, number".to_string()),
        });
        let (_, page) = body(answer(&site, "/"));
        assert!(page.contains("role=\"alert\""), "{page}");
        assert!(
            page.contains("<code>content/a.md:3:7</code>: unknown unit `&lt;x&gt;`"),
            "{page}"
        );
        assert!(
            page.contains("help: write one of: percent, number"),
            "{page}"
        );
    }

    #[test]
    fn only_the_sources_of_the_site_trigger_a_rebuild() {
        let root = Path::new("/sito");
        assert!(relevant(root, Path::new("/sito/content/a.md")));
        assert!(relevant(root, Path::new("/sito/cruscotto.yaml")));
        assert!(relevant(
            root,
            Path::new("/sito/themes/default/static/style.css")
        ));
        assert!(relevant(root, Path::new("/sito/rilevazioni/2025.yaml")));
        assert!(!relevant(root, Path::new("/sito/output/index.html")));
        assert!(!relevant(
            root,
            Path::new("/sito/schema/obiettivo.schema.json")
        ));
        assert!(!relevant(root, Path::new("/altro/content/a.md")));
    }
}
