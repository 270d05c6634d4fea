//! Themes: templates, static files and translations.
//!
//! The default theme is compiled into the binary from `themes/default/`, so
//! cruscotto works from any folder. A site's own `themes/<name>/` (name from
//! `site.theme`, else `default`) overrides it file by file: a template, a
//! static file, or single labels of a translation file.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};
use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Diagnostics, Sources};
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
            read_labels(
                &format!("themes/default/{path} (built in)"),
                text,
                sources,
                diags,
                &mut labels,
            );
        }
    }
    let name = theme.unwrap_or("default");
    let dir = root.join("themes").join(name);
    if dir.is_dir() {
        for entry in WalkDir::new(&dir).sort_by_file_name().into_iter() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    diags.push(
                        Diagnostic::error(format!("cannot read the theme: {error}")).in_file(&dir),
                    );
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                continue;
            }
            let Ok(relative) = entry.path().strip_prefix(&dir) else {
                continue;
            };
            let relative = relative.to_string_lossy().replace('\\', "/");
            let shown = format!("themes/{name}/{relative}");
            let bytes = match fs::read(entry.path()) {
                Ok(bytes) => bytes,
                Err(error) => {
                    diags.push(
                        Diagnostic::error(format!("cannot read the theme file: {error}"))
                            .in_file(&shown),
                    );
                    continue;
                }
            };
            if let Some(template) = relative.strip_prefix("templates/") {
                templates.insert(
                    template.to_string(),
                    String::from_utf8_lossy(&bytes).into_owned(),
                );
                origins.insert(template.to_string(), shown.clone());
            } else if let Some(file) = relative.strip_prefix("static/") {
                statics.insert(PathBuf::from(file), bytes);
            } else if relative == i18n_file {
                read_labels(
                    &shown,
                    String::from_utf8_lossy(&bytes).into_owned(),
                    sources,
                    diags,
                    &mut labels,
                );
            }
        }
    } else if theme.is_some() {
        diags.push(
            Diagnostic::error(format!("the theme `{name}` does not exist"))
                .in_file(format!("themes/{name}"))
                .help("create the folder with the templates or static files to override, or delete `theme` from cruscotto.yaml"),
        );
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

/// Reads a flat `key: "label"` file into `labels` (later files win).
fn read_labels(
    path: &str,
    text: String,
    sources: &mut Sources,
    diags: &mut Diagnostics,
    labels: &mut BTreeMap<String, String>,
) {
    let source = sources.add(path, text);
    let text = sources.text(source).to_string();
    let Some(root) = yaml::parse(&text, source, 0, diags) else {
        return;
    };
    let NodeKind::Map(entries) = &root.kind else {
        diags.push(
            Diagnostic::error("a translation file is a list of `key: \"label\"` lines")
                .at(&root.span)
                .help("write one label per line, e.g. `nav_home: \"Panoramica\"`"),
        );
        return;
    };
    for (key, value) in entries {
        match (key.as_str(), value.as_str()) {
            (Some(key), Some(value)) => {
                labels.insert(key.to_string(), value.to_string());
            }
            _ => diags.push(
                Diagnostic::error("a label must be a single line of text")
                    .at(&value.span)
                    .help("write `key: \"label\"`"),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels_of(language: Language) -> Labels {
        let mut sources = Sources::new();
        let mut diags = Diagnostics::new();
        let theme = load(
            Path::new("/nonexistent"),
            None,
            language,
            &mut sources,
            &mut diags,
        );
        assert!(diags.is_empty(), "{}", diags.render(&sources));
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
        let theme = load(dir.path(), None, Language::It, &mut sources, &mut diags);
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
