//! The author's commands that write content: `init` starts a site from a
//! preset, `new` scaffolds an objective or an indicator.
//!
//! Nothing here overwrites a file: a new site needs an empty folder, a new
//! objective a file name that is free, a new indicator an id no other
//! indicator has.

mod scaffold;

use std::fs;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use crate::diagnostics::{Diagnostic, Message, io_reason, problem, text};

pub use scaffold::{NewIndicator, NewObjective, new_indicator, new_objective, unique_id};

static PRESETS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/src/authoring/presets");

/// The sites `init` can start from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    CameraDiCommercio,
    Comune,
}

impl Preset {
    pub const ALL: [Preset; 2] = [Preset::CameraDiCommercio, Preset::Comune];

    pub fn code(self) -> &'static str {
        match self {
            Preset::CameraDiCommercio => "camera-di-commercio",
            Preset::Comune => "comune",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }

    fn dir(self) -> Option<&'static Dir<'static>> {
        PRESETS.get_dir(self.code())
    }
}

/// The editor settings of a new site: VS Code's YAML extension validates
/// `cruscotto.yaml` against the schema that `cruscotto schema` writes.
pub const VSCODE_SETTINGS: &str = r#"{
  "yaml.schemas": {
    "./schema/cruscotto.schema.json": "cruscotto.yaml"
  }
}
"#;

const GITIGNORE: &str =
    "# The built site: `cruscotto build` writes it again from the content.\n/output/\n";

/// Writes a new site from `preset` into `dir`, which must be missing or
/// empty. Returns the files written, relative to `dir`.
pub fn init(dir: &Path, preset: Preset) -> Result<Vec<PathBuf>, Diagnostic> {
    if let Ok(mut entries) = fs::read_dir(dir) {
        if entries.next().is_some() {
            return Err(problem::init_folder_not_empty().in_file(dir));
        }
    } else if dir.exists() {
        return Err(problem::init_not_a_folder().in_file(dir));
    }
    let Some(files) = preset.dir() else {
        return Err(problem::internal_error(text::bug_preset_missing(
            preset.code(),
        )));
    };
    let mut written = Vec::new();
    let mut put = |path: &Path, bytes: &[u8]| -> Result<(), Diagnostic> {
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| io_error(parent, text::doing_create_folder(), &e))?;
        }
        fs::write(&target, bytes).map_err(|e| io_error(&target, text::doing_write_file(), &e))?;
        written.push(path.to_path_buf());
        Ok(())
    };
    let mut stack = vec![files];
    while let Some(folder) = stack.pop() {
        for file in folder.files() {
            let relative = file
                .path()
                .strip_prefix(preset.code())
                .unwrap_or(file.path());
            put(relative, file.contents())?;
        }
        stack.extend(folder.dirs());
    }
    put(
        Path::new(".vscode/settings.json"),
        VSCODE_SETTINGS.as_bytes(),
    )?;
    put(Path::new(".gitignore"), GITIGNORE.as_bytes())?;
    written.extend(crate::schema::write(dir, &dir.join(crate::schema::DIR))?);
    written.sort();
    Ok(written)
}

pub(crate) fn io_error(path: &Path, doing: Message, error: &std::io::Error) -> Diagnostic {
    problem::write_failed(doing, io_reason(error)).in_file(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_is_compiled_in() {
        for preset in Preset::ALL {
            let dir = preset.dir().expect("preset folder");
            assert!(
                dir.get_file(format!("{}/cruscotto.yaml", preset.code()))
                    .is_some()
            );
        }
    }

    #[test]
    fn init_refuses_a_folder_with_files() {
        let dir = tempfile::tempdir().expect("temp");
        fs::write(dir.path().join("appunti.txt"), "x").expect("write");
        let error = init(dir.path(), Preset::Comune).expect_err("refused");
        assert_eq!(error.code(), "init-folder-not-empty");
        assert_eq!(fs::read_dir(dir.path()).expect("read").count(), 1);
    }

    #[test]
    fn init_writes_the_site_and_the_editor_settings() {
        let dir = tempfile::tempdir().expect("temp");
        let site = dir.path().join("sito");
        let files = init(&site, Preset::CameraDiCommercio).expect("init");
        assert!(files.contains(&PathBuf::from("cruscotto.yaml")));
        assert!(files.contains(&PathBuf::from(".vscode/settings.json")));
        assert!(files.iter().any(|f| f.starts_with("content")));
        let config = fs::read_to_string(site.join("cruscotto.yaml")).expect("config");
        assert!(config.starts_with("# yaml-language-server: $schema=schema/cruscotto.schema.json"));
    }
}
