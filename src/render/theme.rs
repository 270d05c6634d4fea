//! Themes: templates, static files and translations.
//!
//! The default theme is compiled into the binary from `themes/default/`, so
//! cruscotto works from any folder. A site's own `themes/<name>/` (name from
//! `site.theme`, else `default`) overrides it file by file: a template, a
//! static file, or single labels of a translation file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use crate::diagnostics::{Diagnostics, SourceId, Sources, Span, problem};
use crate::load::files;
use crate::load::yaml::{self, NodeKind};
use crate::model::Language;
use crate::render::i18n::Labels;

static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

#[derive(Debug)]
pub struct Theme {
    /// Template name (path under `templates/`) -> text.
    pub templates: BTreeMap<String, String>,
    /// Template name -> the file it was read from, for messages.
    pub origins: BTreeMap<String, String>,
    /// Path under `static/` -> bytes, copied to `assets/`.
    pub statics: BTreeMap<PathBuf, Vec<u8>>,
    pub labels: Labels,
}

pub fn load(
    root: &Path,
    theme: Option<&str>,
    theme_span: Option<&Span>,
    language: Language,
    sources: &mut Sources,
    diags: &mut Diagnostics,
) -> Theme {
    let mut templates = BTreeMap::new();
    let mut origins = BTreeMap::new();
    let mut statics = BTreeMap::new();
    let mut labels = BTreeMap::new();
    let i18n_file = format!("i18n/{}.yaml", language.code());
    for file in all_files(&DEFAULT_THEME) {
        let path = file.path().to_string_lossy().replace('\\', "/");
        if let Some(name) = path.strip_prefix("templates/") {
            templates.insert(
                name.to_string(),
                String::from_utf8_lossy(file.contents()).into_owned(),
            );
            origins.insert(
                name.to_string(),
                format!("themes/default/{path} (built in)"),
            );
        } else if let Some(name) = path.strip_prefix("static/") {
            statics.insert(PathBuf::from(name), file.contents().to_vec());
        } else if path == i18n_file {
            let text = String::from_utf8_lossy(file.contents()).into_owned();
            let source = sources.add(format!("themes/default/{path} (built in)"), text);
            read_labels(source, sources, diags, &mut labels);
        }
    }
    let name = theme.unwrap_or("default");
    let dir = root.join("themes").join(name);
    if dir.is_dir() {
        for found in files::walk(root, &dir, diags).unwrap_or_default() {
            if found.is_dir {
                continue;
            }
            let Ok(relative) = found.shown.strip_prefix(Path::new("themes").join(name)) else {
                continue;
            };
            let relative = relative.to_string_lossy().replace('\\', "/");
            if let Some(file) = relative.strip_prefix("static/") {
                let limit = files::MAX_STATIC_BYTES;
                let Some(bytes) =
                    files::read_bytes(&found.path, &found.shown, limit, sources, diags)
                else {
                    continue;
                };
                let bytes = if is_text(file) {
                    files::normalise_line_ends(bytes)
                } else {
                    bytes
                };
                statics.insert(PathBuf::from(file), bytes);
                continue;
            }
            let template = relative.strip_prefix("templates/");
            if template.is_none() && relative != i18n_file {
                continue;
            }
            let Some(source) = files::read_text(&found.path, &found.shown, sources, diags) else {
                continue;
            };
            let text = sources.text(source).to_string();
            let shown = found.shown.to_string_lossy().replace('\\', "/");
            match template {
                Some(template) => {
                    templates.insert(template.to_string(), text);
                    origins.insert(template.to_string(), shown);
                }
                None => read_labels(source, sources, diags, &mut labels),
            }
        }
    } else if theme.is_some() {
        let mut diagnostic = problem::theme_missing(name, crate::load::CONFIG_FILE);
        diagnostic = match theme_span {
            Some(span) => diagnostic.at(span),
            None => diagnostic.in_file(format!("themes/{name}")),
        };
        diags.push(diagnostic);
    }
    Theme {
        templates,
        origins,
        statics,
        labels: Labels::new(labels),
    }
}

fn all_files<'a>(dir: &'a Dir<'a>) -> Vec<&'a include_dir::File<'a>> {
    let mut files: Vec<&include_dir::File> = dir.files().collect();
    for sub in dir.dirs() {
        files.extend(all_files(sub));
    }
    files.sort_by(|a, b| a.path().cmp(b.path()));
    files
}

/// Static files whose line ends are made plain, as the site's text is.
fn is_text(file: &str) -> bool {
    let extension = file.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    ["css", "js", "svg", "txt", "html", "xml", "json"].contains(&extension.as_str())
}

/// Reads a flat `key: "label"` file into `labels` (later files win).
fn read_labels(
    source: SourceId,
    sources: &Sources,
    diags: &mut Diagnostics,
    labels: &mut BTreeMap<String, String>,
) {
    let text = sources.text(source).to_string();
    let Some(root) = yaml::parse(&text, 0..text.len(), source, diags) else {
        return;
    };
    let NodeKind::Map(entries) = &root.kind else {
        diags.push(problem::labels_not_a_mapping().at(&root.span));
        return;
    };
    for (key, value) in entries {
        match (key.as_str(), value.as_str()) {
            (Some(key), Some(value)) => {
                labels.insert(key.to_string(), value.to_string());
            }
            _ => diags.push(problem::label_not_text().at(&value.span)),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;

    fn labels_of(language: Language) -> Labels {
        let mut sources = Sources::new();
        let mut diags = Diagnostics::new();
        let theme = load(
            Path::new("/nonexistent"),
            None,
            None,
            language,
            &mut sources,
            &mut diags,
        );
        assert!(
            diags.is_empty(),
            "{}",
            diags.render(&sources, crate::diagnostics::Lang::En)
        );
        theme.labels
    }

    #[test]
    fn both_languages_have_the_same_labels() {
        let italian: Vec<String> = labels_of(Language::It).keys().map(String::from).collect();
        let english: Vec<String> = labels_of(Language::En).keys().map(String::from).collect();
        assert!(!italian.is_empty());
        assert_eq!(italian, english);
    }

    #[test]
    fn the_default_theme_has_its_templates_and_styles() {
        let mut sources = Sources::new();
        let mut diags = Diagnostics::new();
        let theme = load(
            Path::new("/nonexistent"),
            None,
            None,
            Language::It,
            &mut sources,
            &mut diags,
        );
        assert!(theme.templates.contains_key("base.html"));
        assert!(theme.statics.contains_key(Path::new("style.css")));
    }

    #[test]
    fn a_site_theme_overrides_single_files_and_labels() {
        let dir = tempfile::tempdir().expect("temp dir");
        let theme_dir = dir.path().join("themes/default");
        fs::create_dir_all(theme_dir.join("i18n")).expect("mkdir");
        fs::create_dir_all(theme_dir.join("static")).expect("mkdir");
        fs::write(theme_dir.join("i18n/it.yaml"), "nav_home: \"Inizio\"\n").expect("write");
        fs::write(theme_dir.join("static/extra.css"), "body{}").expect("write");
        let mut sources = Sources::new();
        let mut diags = Diagnostics::new();
        let theme = load(
            dir.path(),
            None,
            None,
            Language::It,
            &mut sources,
            &mut diags,
        );
        assert_eq!(theme.labels.get("nav_home"), "Inizio");
        assert_eq!(
            theme.labels.get("nav_data"),
            "Dati aperti",
            "other labels stay"
        );
        assert!(theme.statics.contains_key(Path::new("extra.css")));
        assert!(theme.statics.contains_key(Path::new("style.css")));
    }
}
