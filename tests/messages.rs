#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]
//! The language of a run's messages and the progress bar of a build, as a
//! person (or a script) meets them: through the binary.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use assert_cmd::cargo::cargo_bin;

/// The binary with exactly the locale variables given, and no CI marker.
fn cruscotto(locale: &[(&str, &str)]) -> Command {
    let mut command = Command::new(cargo_bin("cruscotto"));
    for name in ["LC_ALL", "LC_MESSAGES", "LANG", "CI"] {
        command.env_remove(name);
    }
    for (name, value) in locale {
        command.env(name, value);
    }
    command
}

/// (status, stdout, stderr).
fn run(command: &mut Command) -> (i32, String, String) {
    let output = command.output().expect("run");
    (
        output.status.code().expect("exit status"),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// A copy of `fixtures/every-shape` in English, with an unknown unit.
fn english_site_with_a_mistake() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    common::copy_dir(Path::new("fixtures/every-shape"), dir.path());
    let config = dir.path().join("cruscotto.yaml");
    let text = fs::read_to_string(&config).expect("config");
    assert!(text.contains("  language: it\n"));
    fs::write(
        &config,
        text.replace("  language: it\n", "  language: en\n"),
    )
    .expect("write");
    let objective = dir.path().join("content/area-a/01-strategico.md");
    let text = fs::read_to_string(&objective).expect("objective");
    let broken = text.replacen("unit: percent", "unit: percento", 1);
    assert_ne!(broken, text);
    fs::write(&objective, broken).expect("write");
    dir
}

#[test]
fn an_italian_site_speaks_italian_whatever_the_locale() {
    for locale in [
        &[][..],
        &[("LANG", "en_US.UTF-8")][..],
        &[("LC_ALL", "C")][..],
    ] {
        let (status, stdout, stderr) =
            run(cruscotto(locale).args(["check", "--root", "fixtures/broken"]));
        assert_eq!(status, 1);
        assert_eq!(stdout, "");
        assert!(
            stderr.contains("errore[unknown-kind]: `strategico-comun` non è un tipo di obiettivo"),
            "{stderr}"
        );
        assert!(stderr.contains("= come correggere: "), "{stderr}");
        assert!(
            stderr.contains("controllo non superato: 24 errori, 3 avvisi in "),
            "{stderr}"
        );
    }
}

#[test]
fn an_english_site_follows_the_locale() {
    let site = english_site_with_a_mistake();
    let root = site.path().to_str().expect("path");
    let check = |locale: &[(&str, &str)], extra: &[&str]| {
        let mut command = cruscotto(locale);
        command.args(["check", "--root", root]).args(extra);
        run(&mut command)
    };
    // No locale, or an English one: English.
    for locale in [&[][..], &[("LANG", "en_GB.UTF-8")][..]] {
        let (status, _, stderr) = check(locale, &[]);
        assert_eq!(status, 1);
        assert!(
            stderr.contains("error[unknown-unit]: `percento` is not a unit"),
            "{stderr}"
        );
        assert!(stderr.contains("check failed: 1 error, "), "{stderr}");
    }
    // An Italian locale, by LC_ALL, LC_MESSAGES or LANG: Italian.
    for locale in [
        &[("LANG", "it_IT.UTF-8")][..],
        &[("LC_MESSAGES", "it_IT.UTF-8"), ("LANG", "C")][..],
        &[("LC_ALL", "it_CH"), ("LANG", "en_US.UTF-8")][..],
    ] {
        let (_, _, stderr) = check(locale, &[]);
        assert!(
            stderr.contains("errore[unknown-unit]: `percento` non è un'unità di misura"),
            "{locale:?}: {stderr}"
        );
        assert!(
            stderr.contains("controllo non superato: 1 errore, "),
            "{stderr}"
        );
    }
    // LC_ALL set to another language wins over an Italian LANG.
    let (_, _, stderr) = check(&[("LC_ALL", "C"), ("LANG", "it_IT.UTF-8")], &[]);
    assert!(stderr.contains("error[unknown-unit]"), "{stderr}");
    // --lang chooses, whatever the site and the locale say.
    let (_, _, stderr) = check(&[("LANG", "it_IT.UTF-8")], &["--lang", "en"]);
    assert!(stderr.contains("`percento` is not a unit"), "{stderr}");
    let (_, _, stderr) = check(&[], &["--lang", "it"]);
    assert!(
        stderr.contains("`percento` non è un'unità di misura"),
        "{stderr}"
    );
    // A language cruscotto does not speak is a usage error.
    let (status, _, stderr) = check(&[], &["--lang", "fr"]);
    assert_eq!(status, 2);
    assert!(
        stderr.contains("error[unknown-message-language]: `fr`"),
        "{stderr}"
    );
    assert!(stderr.contains("`it`, `en`"), "{stderr}");
}

#[test]
fn json_keeps_its_codes_and_says_the_message_in_the_run_s_language() {
    let site = english_site_with_a_mistake();
    let root = site.path().to_str().expect("path");
    let object = |locale: &[(&str, &str)]| {
        let (status, stdout, _) =
            run(cruscotto(locale).args(["check", "--format", "json", "--root", root]));
        assert_eq!(status, 1);
        stdout
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("json"))
            .find(|o| o["code"] == "unknown-unit")
            .expect("the unknown unit")
    };
    let english = object(&[]);
    let italian = object(&[("LANG", "it_IT.UTF-8")]);
    assert_eq!(english["message"], "`percento` is not a unit");
    assert_eq!(italian["message"], "`percento` non è un'unità di misura");
    for key in ["file", "line", "column", "severity", "code"] {
        assert_eq!(english[key], italian[key], "{key}");
    }
    assert_eq!(english["file"], "content/area-a/01-strategico.md");
}

#[test]
fn usage_errors_of_ours_are_diagnostics_in_the_run_s_language() {
    let temp = tempfile::tempdir().expect("temp dir");
    let site = temp.path().join("sito");
    let (status, _, stderr) = run(cruscotto(&[("LANG", "it_IT.UTF-8")]).args([
        "init",
        site.to_str().expect("path"),
        "--preset",
        "comun",
    ]));
    assert_eq!(status, 2);
    assert!(
        stderr.contains("errore[unknown-site-preset]: --preset: `comun` non è"),
        "{stderr}"
    );
    assert!(stderr.contains("forse intendevi `comune`?"), "{stderr}");
    assert!(!site.exists());
    let (status, _, stderr) =
        run(cruscotto(&[]).args(["init", site.to_str().expect("path"), "--preset", "comun"]));
    assert_eq!(status, 2);
    assert!(
        stderr.contains("error[unknown-site-preset]: --preset: `comun` is not"),
        "{stderr}"
    );
}

/// A build of the every-shape fixture into a fresh folder, its standard
/// error as it reaches whoever reads it.
fn build_stderr(command: &mut Command, output: &Path) -> String {
    let (status, _, stderr) = run(command.args([
        "build",
        "--root",
        "fixtures/every-shape",
        "--output",
        output.to_str().expect("path"),
    ]));
    assert_eq!(status, 0, "{stderr}");
    stderr
}

#[test]
fn no_progress_reaches_a_pipe() {
    let temp = tempfile::tempdir().expect("temp dir");
    let output = temp.path().join("out");
    // A terminal type that could draw, but standard error is a pipe.
    let stderr = build_stderr(cruscotto(&[]).env("TERM", "xterm-256color"), &output);
    // Twice: the second build knows how many files to expect.
    let again = build_stderr(cruscotto(&[]).env("TERM", "xterm-256color"), &output);
    for stderr in [stderr, again] {
        assert!(!stderr.contains('\r'), "{stderr:?}");
        assert!(!stderr.contains("\u{1b}[2K"), "{stderr:?}");
        for stage in [
            "controllo dei contenuti",
            "pagine e dati",
            "il sito va al suo posto",
        ] {
            assert!(!stderr.contains(stage), "{stage} in {stderr:?}");
        }
        // The problems are all there is.
        assert!(stderr.contains("avviso["), "{stderr}");
    }
}

/// The build run on a pseudo-terminal (util-linux `script`), as a person
/// at a terminal runs it; what the terminal received.
fn build_on_a_terminal(env: &[(&str, &str)], output: &Path) -> String {
    let command = format!(
        "{} build --root fixtures/every-shape --output {}",
        cargo_bin("cruscotto").display(),
        output.display()
    );
    let mut script = Command::new("script");
    script.args(["-qec", &command, "/dev/null"]);
    for name in ["LC_ALL", "LC_MESSAGES", "LANG", "CI"] {
        script.env_remove(name);
    }
    script.env("TERM", "xterm-256color");
    for (name, value) in env {
        script.env(name, value);
    }
    let out = script
        .output()
        .expect("script (util-linux) runs the build on a terminal");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_terminal_gets_a_progress_bar_unless_dumb_or_in_ci() {
    let temp = tempfile::tempdir().expect("temp dir");
    let output = temp.path().join("out");
    let first = build_on_a_terminal(&[], &output);
    assert!(first.contains("controllo dei contenuti"), "{first:?}");
    assert!(first.contains("pagine e dati"), "{first:?}");
    assert!(first.contains(" file · "), "{first:?}");
    // A rebuild knows how many files to expect: a bar with its length.
    let second = build_on_a_terminal(&[], &output);
    assert!(second.contains("] "), "{second:?}");
    let total = fs::read_to_string(output.join("SHA256SUMS"))
        .expect("sums")
        .lines()
        .count();
    assert!(second.contains(&format!("/{total} file")), "{second:?}");
    // The closing line is left alone once the bar is cleared.
    assert!(second.contains("scritti "), "{second:?}");
    for env in [&[("TERM", "dumb")][..], &[("CI", "true")][..]] {
        let text = build_on_a_terminal(env, &output);
        assert!(!text.contains("pagine e dati"), "{env:?}: {text:?}");
        assert!(text.contains("scritti "), "{text:?}");
    }
    // --quiet and --format json draw none either.
    let output_arg = output.to_str().expect("path");
    for flag in ["--quiet", "--format json"] {
        let command = format!(
            "{} build {flag} --root fixtures/every-shape --output {output_arg}",
            cargo_bin("cruscotto").display(),
        );
        let out = Command::new("script")
            .args(["-qec", &command, "/dev/null"])
            .env_remove("CI")
            .env("TERM", "xterm-256color")
            .output()
            .expect("script");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(!text.contains("pagine e dati"), "{flag}: {text:?}");
    }
}
