#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]
//! The author's year through the binary: start a site, add objectives and
//! indicators, check, build, preview with live reload; and the exit
//! statuses and output formats that scripts rely on.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command as Process, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use assert_cmd::cargo::cargo_bin;

mod common;

use common::cruscotto;

/// Runs the binary; (status, stdout, stderr).
fn run(args: &[&str], root: Option<&Path>) -> (i32, String, String) {
    let mut command = cruscotto();
    command.args(args);
    if let Some(root) = root {
        command.arg("--root").arg(root);
    }
    let output = command.output().expect("run");
    (
        output.status.code().expect("exit status"),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// A GET on loopback: (status, body). HTTP/1.0, so that the body is plain.
fn get(port: u16, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .expect("timeout");
    write!(stream, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").expect("request");
    let mut response = Vec::new();
    stream.read_to_end(&mut response).expect("response");
    let text = String::from_utf8_lossy(&response).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("status");
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

/// The server, stopped when the test ends however it ends.
struct Server {
    child: Child,
    lines: mpsc::Receiver<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(root: &Path) -> (Server, u16) {
        let mut child = Process::new(cargo_bin("cruscotto"))
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C.UTF-8")
            .args(["serve", "--port", "0", "--root"])
            .arg(root)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("serve");
        let stdout = child.stdout.take().expect("stdout");
        let (send, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        let mut server = Server { child, lines };
        let line = server.wait_for("anteprima del sito su http://127.0.0.1:");
        let port = line
            .rsplit(':')
            .next()
            .and_then(|rest| rest.split('/').next())
            .and_then(|p| p.parse().ok())
            .expect("port");
        (server, port)
    }

    /// No line with `text` for a while: the server is idle.
    fn idle(&mut self, text: &str) {
        let until = Instant::now() + Duration::from_millis(1500);
        while let Some(left) = until.checked_duration_since(Instant::now()) {
            if let Ok(line) = self.lines.recv_timeout(left) {
                assert!(!line.contains(text), "the server went on: {line}");
            }
        }
    }

    /// The next line of the server's output that contains `text`.
    fn wait_for(&mut self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) if line.contains(text) => return line,
                Ok(_) => {}
                Err(_) => panic!("the server never printed {text:?}"),
            }
        }
    }
}

/// An open event stream; `reload` waits for the next reload event.
struct Events(TcpStream, String);

impl Events {
    fn open(port: u16) -> Events {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .expect("timeout");
        write!(
            stream,
            "GET /__cruscotto/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        )
        .expect("request");
        let mut events = Events(stream, String::new());
        events.until(": cruscotto serve");
        events
    }

    fn until(&mut self, text: &str) {
        let mut buffer = [0; 1024];
        while !self.1.contains(text) {
            let n = self
                .0
                .read(&mut buffer)
                .expect("the event stream went quiet");
            assert!(n > 0, "the event stream closed: {}", self.1);
            self.1.push_str(&String::from_utf8_lossy(&buffer[..n]));
        }
        let at = self.1.find(text).expect("found") + text.len();
        self.1.drain(..at);
    }

    fn reload(&mut self) {
        self.until("event: reload\n");
    }
}

#[test]
fn a_whole_authoring_session() {
    let temp = tempfile::tempdir().expect("temp");
    let site = temp.path().join("performance");
    let site_arg = site.to_str().expect("utf-8 path");

    // Start a site; a second init in the same folder is refused.
    let (status, stdout, _) = run(&["init", site_arg], None);
    assert_eq!(status, 0, "{stdout}");
    assert!(site.join("cruscotto.yaml").is_file());
    assert!(site.join("schema/obiettivo.schema.json").is_file());
    assert!(site.join(".vscode/settings.json").is_file());
    let (status, _, stderr) = run(&["init", site_arg, "--preset", "comune"], None);
    assert_eq!(status, 2);
    // No site yet, a locale that is not Italian: in English.
    assert!(
        stderr.contains("error[init-folder-not-empty]: "),
        "{stderr}"
    );
    assert!(stderr.contains("the folder is not empty"), "{stderr}");

    // Add an objective in the second ambito, an operational one under it,
    // and an indicator to the first objective.
    let (status, stdout, stderr) = run(
        &[
            "new",
            "obiettivo",
            "Ridurre i tempi di pagamento dei fornitori",
            "--ambito",
            "efficienza-servizi",
        ],
        Some(&site),
    );
    assert_eq!(status, 0, "{stderr}");
    let strategic = "content/02-efficienza-servizi/01-ridurre-tempi-pagamento-fornitori.md";
    assert!(stdout.contains(strategic), "{stdout}");
    let text = fs::read_to_string(site.join(strategic)).expect("objective");
    assert!(
        text.contains("id: ridurre-tempi-pagamento-fornitori\n"),
        "{text}"
    );
    assert!(text.contains("ambito: efficienza-servizi\n"), "{text}");
    assert!(text.contains("indicators: []\n"), "{text}");
    // Its first indicator replaces the empty list.
    let (status, _, stderr) = run(
        &[
            "new",
            "indicatore",
            "Tempestività dei pagamenti",
            "--obiettivo",
            "ridurre-tempi-pagamento-fornitori",
            "--unit",
            "days",
        ],
        Some(&site),
    );
    assert_eq!(status, 0, "{stderr}");
    let text = fs::read_to_string(site.join(strategic)).expect("objective");
    assert!(text.contains("indicators:\n  # Each indicator"), "{text}");
    assert!(text.contains("  - id: tempestivita-pagamenti\n"), "{text}");
    assert!(text.contains("    # formula:"), "{text}");

    let (status, _, stderr) = run(
        &[
            "new",
            "obiettivo",
            "Pagare le fatture entro trenta giorni",
            "--parent",
            "ridurre-tempi-pagamento-fornitori",
            "--servizi",
            "registro-imprese",
        ],
        Some(&site),
    );
    assert_eq!(status, 0, "{stderr}");
    let operational = site.join(
        "content/02-efficienza-servizi/01-ridurre-tempi-pagamento-fornitori/01-pagare-fatture-entro-trenta-giorni.md",
    );
    assert!(operational.is_file());
    // The same title again gets another id.
    let (status, stdout, _) = run(
        &[
            "new",
            "obiettivo",
            "Ridurre i tempi di pagamento dei fornitori",
            "--ambito",
            "efficienza-servizi",
        ],
        Some(&site),
    );
    assert_eq!(status, 0);
    assert!(
        stdout.contains("02-ridurre-tempi-pagamento-fornitori-2.md"),
        "{stdout}"
    );

    let (status, stdout, stderr) = run(
        &[
            "new",
            "indicatore",
            "Tempo medio di pagamento",
            "--obiettivo",
            "transizione-digitale",
            "--unit",
            "days",
        ],
        Some(&site),
    );
    assert_eq!(status, 0, "{stderr}");
    assert!(stdout.contains("tempo-medio-pagamento"), "{stdout}");
    let first = site.join("content/01-competitivita/01-transizione-digitale.md");
    let text = fs::read_to_string(&first).expect("objective");
    assert!(
        text.contains("  - id: tempo-medio-pagamento\n    name: \"Tempo medio di pagamento\"\n"),
        "{text}"
    );
    assert!(text.contains("    unit: days\n"), "{text}");
    // The schema follows the new ids.
    let schema = fs::read_to_string(site.join("schema/obiettivo.schema.json")).expect("schema");
    assert!(
        schema.contains("\"pagare-fatture-entro-trenta-giorni\""),
        "{schema}"
    );

    // A wrong ambito is a usage error, with the ids to choose from.
    let (status, _, stderr) = run(
        &[
            "new",
            "obiettivo",
            "Altro",
            "--ambito",
            "efficienza-servizio",
        ],
        Some(&site),
    );
    assert_eq!(status, 2);
    assert!(
        stderr.contains("forse intendevi `efficienza-servizi`?"),
        "{stderr}"
    );

    // What the scaffolds wrote is valid content, and the site builds.
    let (status, stdout, stderr) = run(&["check"], Some(&site));
    assert_eq!(status, 0, "{stdout}{stderr}");
    assert!(stdout.contains("0 errori, "), "{stdout}");
    let (status, _, stderr) = run(&["build"], Some(&site));
    assert_eq!(status, 0, "{stderr}");
    let index = fs::read_to_string(site.join("output/index.html")).expect("index");
    assert!(index.contains("Camera di Commercio di Esempio"));
    for file in walk(&site.join("output")) {
        let bytes = fs::read(&file).expect("read");
        assert!(
            !String::from_utf8_lossy(&bytes).contains("__cruscotto"),
            "{} has the preview's script",
            file.display()
        );
    }

    // Preview: pages come with the reload script, edits reload them.
    let (mut server, port) = Server::start(&site);
    let (status, page) = get(port, "/");
    assert_eq!(status, 200);
    assert!(
        page.contains("<script src=\"/__cruscotto/reload.js\"></script>"),
        "{page}"
    );
    let (status, script) = get(port, "/__cruscotto/reload.js");
    assert_eq!(status, 200);
    assert!(script.contains("EventSource"), "{script}");
    let (status, _) = get(port, "/obiettivi/transizione-digitale");
    assert_eq!(status, 301);
    let mut events = Events::open(port);

    let text = fs::read_to_string(&first).expect("objective");
    fs::write(
        &first,
        text.replace("delle imprese\"", "delle imprese liguri\""),
    )
    .expect("edit");
    events.reload();
    server.wait_for("ricostruito in");
    // Reading the files to rebuild is not a change: the server stays idle.
    server.idle("ricostruito in");
    let (status, page) = get(port, "/obiettivi/transizione-digitale/");
    assert_eq!(status, 200);
    assert!(
        page.contains("Favorire la transizione digitale delle imprese liguri"),
        "{page}"
    );

    // An error: the overlay names file, line and message; the last good
    // build is still served.
    let good = fs::read_to_string(&first).expect("objective");
    fs::write(&first, good.replace("unit: percent", "unit: percento")).expect("break");
    events.reload();
    server.wait_for("resta in anteprima l'ultima versione corretta");
    let (status, page) = get(port, "/obiettivi/transizione-digitale/");
    assert_eq!(status, 200);
    assert!(page.contains("id=\"cruscotto-errori\""), "{page}");
    assert!(
        page.contains("I contenuti hanno errori: questa è l&#39;ultima versione corretta")
            || page.contains("I contenuti hanno errori: questa è l'ultima versione corretta"),
        "{page}"
    );
    let line = good
        .lines()
        .position(|l| l.contains("unit: percent"))
        .expect("unit line")
        + 1;
    assert!(
        page.contains(&format!(
            "content/01-competitivita/01-transizione-digitale.md:{line}:"
        )),
        "{page}"
    );
    assert!(
        page.contains("`percento` non è un&#39;unità di misura")
            || page.contains("`percento` non è un'unità di misura"),
        "{page}"
    );
    assert!(page.contains("delle imprese liguri"), "{page}");

    // The fix clears it.
    fs::write(&first, &good).expect("fix");
    events.reload();
    server.wait_for("ricostruito in");
    let (_, page) = get(port, "/obiettivi/transizione-digitale/");
    assert!(!page.contains("id=\"cruscotto-errori\""), "{page}");
    drop(server);
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).expect("read") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else {
            found.push(path);
        }
    }
    found
}

#[test]
fn every_preset_builds_without_errors() {
    for preset in ["camera-di-commercio", "comune"] {
        let temp = tempfile::tempdir().expect("temp");
        let site = temp.path().join("sito");
        let (status, _, stderr) = run(
            &["init", site.to_str().expect("path"), "--preset", preset],
            None,
        );
        assert_eq!(status, 0, "{stderr}");
        let (status, stdout, stderr) = run(&["build"], Some(&site));
        assert_eq!(status, 0, "{preset}: {stderr}");
        assert!(
            // The second ambito waits for its first objective (the tutorial's),
            // and the IPA code for the office to write it.
            stdout.contains("; 0 errori, 2 avvisi) in "),
            "{preset}: {stdout}"
        );
    }
}

/// A Comune's site: `new obiettivo` follows the declared levels (strategico
/// under a line of the mandate, operativo under it, esecutivo under that),
/// each in the folder of its parent, with the kind that fits.
#[test]
fn new_objectives_follow_the_comune_s_levels() {
    let temp = tempfile::tempdir().expect("temp");
    let site = temp.path().join("comune");
    let (status, _, stderr) = run(
        &["init", site.to_str().expect("path"), "--preset", "comune"],
        None,
    );
    assert_eq!(status, 0, "{stderr}");
    let (status, stdout, stderr) = run(
        &[
            "new",
            "obiettivo",
            "Ridurre i rifiuti indifferenziati",
            "--ambito",
            "territorio-sostenibile",
        ],
        Some(&site),
    );
    assert_eq!(status, 0, "{stderr}");
    let strategic = "content/02-territorio-sostenibile/01-ridurre-rifiuti-indifferenziati.md";
    assert!(stdout.contains(strategic), "{stdout}");
    let text = fs::read_to_string(site.join(strategic)).expect("strategic");
    assert!(text.contains("kind: strategico\n"), "{text}");
    // Under it, an operational objective: the Settori are optional there.
    let (status, _, stderr) = run(
        &[
            "new",
            "obiettivo",
            "Estendere la raccolta porta a porta",
            "--parent",
            "ridurre-rifiuti-indifferenziati",
        ],
        Some(&site),
    );
    assert_eq!(status, 0, "{stderr}");
    let operational = "content/02-territorio-sostenibile/01-ridurre-rifiuti-indifferenziati/01-estendere-raccolta-porta-porta.md";
    let text = fs::read_to_string(site.join(operational)).expect("operational");
    assert!(text.contains("kind: operativo\n"), "{text}");
    assert!(text.contains("# servizi: [...]"), "{text}");
    // Under that, a PEG objective: it needs its Settori.
    let args = [
        "new",
        "obiettivo",
        "Consegnare i kit ai quartieri nord",
        "--parent",
        "estendere-raccolta-porta-porta",
    ];
    let (status, _, stderr) = run(&args, Some(&site));
    assert_eq!(status, 2, "{stderr}");
    assert!(stderr.contains("manca --servizi"), "{stderr}");
    let mut with_servizi = args.to_vec();
    with_servizi.extend(["--servizi", "servizi-demografici"]);
    let (status, _, stderr) = run(&with_servizi, Some(&site));
    assert_eq!(status, 0, "{stderr}");
    let executive = site.join(
        "content/02-territorio-sostenibile/01-ridurre-rifiuti-indifferenziati/01-estendere-raccolta-porta-porta/01-consegnare-kit-quartieri-nord.md",
    );
    let text = fs::read_to_string(&executive).expect("executive");
    assert!(text.contains("kind: esecutivo\n"), "{text}");
    assert!(text.contains("servizi: [servizi-demografici]\n"), "{text}");
    // A Camera's kind is not a Comune's.
    let (status, _, stderr) = run(
        &[
            "new",
            "obiettivo",
            "Altro",
            "--kind",
            "strategico-comune",
            "--ambito",
            "comune-digitale",
        ],
        Some(&site),
    );
    assert_eq!(status, 2);
    assert!(
        stderr.contains("scrivi uno di questi: strategico, operativo, esecutivo"),
        "{stderr}"
    );
    // A strategic objective cannot hang under another.
    let (status, _, stderr) = run(
        &[
            "new",
            "obiettivo",
            "Altro",
            "--kind",
            "strategico",
            "--parent",
            "servizi-digitali",
        ],
        Some(&site),
    );
    assert_eq!(status, 2);
    assert!(stderr.contains("stanno sotto un ambito"), "{stderr}");
    // What the scaffolds wrote checks (objectives without indicators are
    // warnings, as the tutorial says).
    let (status, stdout, stderr) = run(&["check"], Some(&site));
    assert_eq!(status, 0, "{stdout}{stderr}");
    assert!(stdout.contains("0 errori, "), "{stdout}");
}

#[test]
fn exit_statuses() {
    // 0: success, warnings included.
    assert_eq!(
        run(&["check"], Some(Path::new("fixtures/every-shape"))).0,
        0
    );
    // 1: errors in the content.
    assert_eq!(run(&["check"], Some(Path::new("fixtures/broken"))).0, 1);
    assert_eq!(run(&["build"], Some(Path::new("fixtures/broken"))).0, 1);
    // 2: a wrong command line, or no site where it should be.
    assert_eq!(run(&["chek"], None).0, 2);
    assert_eq!(run(&["check", "--format", "xml"], None).0, 2);
    let temp = tempfile::tempdir().expect("temp");
    let (status, _, stderr) = run(&["check"], Some(temp.path()));
    assert_eq!(status, 2, "{stderr}");
    assert!(stderr.contains("there is no site config"), "{stderr}");
    // 2: an output folder that cruscotto did not write.
    let foreign = temp.path().join("foreign");
    fs::create_dir_all(&foreign).expect("mkdir");
    fs::write(foreign.join("mine.txt"), "x").expect("write");
    let (status, _, stderr) = run(
        &[
            "build",
            "--root",
            "fixtures/every-shape",
            "--output",
            foreign.to_str().expect("path"),
        ],
        None,
    );
    assert_eq!(status, 2, "{stderr}");
    assert!(foreign.join("mine.txt").is_file());
}

#[test]
fn json_gives_one_object_per_problem() {
    let (status, stdout, stderr) = run(
        &["check", "--format", "json"],
        Some(Path::new("fixtures/broken")),
    );
    assert_eq!(status, 1);
    assert!(
        stderr.contains("controllo non superato: 24 errori"),
        "{stderr}"
    );
    let objects: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(
        objects.iter().filter(|o| o["severity"] == "error").count(),
        24
    );
    for object in &objects {
        for key in [
            "file", "line", "column", "severity", "code", "message", "help",
        ] {
            assert!(object.get(key).is_some(), "no {key} in {object}");
        }
    }
    let located = objects
        .iter()
        .find(|o| o["file"] == "content/04-yaml-rotto.md")
        .expect("the broken YAML file");
    assert!(located["line"].as_u64().is_some_and(|l| l > 1), "{located}");
    assert!(located["column"].as_u64().is_some(), "{located}");

    // Build too; nothing but JSON on standard output.
    let (status, stdout, _) = run(
        &["build", "--format", "json"],
        Some(Path::new("fixtures/broken")),
    );
    assert_eq!(status, 1);
    assert!(
        stdout
            .lines()
            .all(|l| serde_json::from_str::<serde_json::Value>(l).is_ok())
    );
}

#[test]
fn quiet_prints_only_the_problems() {
    let (status, stdout, stderr) = run(
        &["check", "--quiet"],
        Some(Path::new("fixtures/every-shape")),
    );
    assert_eq!(status, 0);
    assert_eq!(stdout, "");
    assert!(stderr.contains("avviso"), "{stderr}");
    let (status, stdout, _) = run(&["check"], Some(Path::new("fixtures/every-shape")));
    assert_eq!(status, 0);
    let last = stdout.lines().last().expect("closing line");
    assert!(last.starts_with("0 errori, 13 avvisi in "), "{last}");
    assert!(last.ends_with(" ms"), "{last}");
}
