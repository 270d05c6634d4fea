//! The progress bar of a long build: drawn on standard error, only for a
//! person at a terminal (see [`super::Output::progress`]), cleared when the
//! build ends so that the closing line stays alone.

use std::path::Path;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use cruscotto::diagnostics::{Lang, text};
use cruscotto::{BuildStage, Progress};

use super::Output;

/// A build's progress: a bar when the number of files is known (the
/// previous build's, from its SHA256SUMS), else a spinner with the count.
#[derive(Debug)]
pub struct Bar {
    bar: Option<ProgressBar>,
    lang: Lang,
}

impl Bar {
    /// A bar for a build into `output`, or nothing when `out` draws none.
    pub fn start(out: &Output, output: &Path) -> Bar {
        let lang = out.lang();
        if !out.progress() {
            return Bar { bar: None, lang };
        }
        // Every file of the last build but the list itself: what this one
        // will write, give or take the content's edits.
        let expected = std::fs::read_to_string(output.join("SHA256SUMS"))
            .ok()
            .map(|sums| sums.lines().count() as u64);
        let files = text::progress_files().format(lang);
        let (bar, template) = match expected {
            Some(total) => (
                ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr()),
                format!(
                    "{{spinner}} {{msg:24}} [{{bar:30}}] {{pos}}/{{len}} {files} · {{elapsed}}"
                ),
            ),
            None => (
                ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
                format!("{{spinner}} {{msg:24}} {{pos}} {files} · {{elapsed}}"),
            ),
        };
        if let Ok(style) = ProgressStyle::with_template(&template) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(text::progress_checking().format(lang));
        bar.enable_steady_tick(Duration::from_millis(120));
        Bar {
            bar: Some(bar),
            lang,
        }
    }

    /// Clears the bar: the build's own lines follow.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        self.finish();
    }
}

impl Progress for Bar {
    fn stage(&self, stage: BuildStage) {
        if let Some(bar) = &self.bar {
            let message = match stage {
                BuildStage::Pages => text::progress_pages(),
                BuildStage::Printing => text::progress_printing(),
                BuildStage::Editions => text::progress_editions(),
                BuildStage::Finishing => {
                    // Every file is written: the bar is full, whatever the
                    // last build's count said.
                    if let Some(total) = bar.length() {
                        bar.set_position(total.max(bar.position()));
                    }
                    text::progress_finishing()
                }
            };
            bar.set_message(message.format(self.lang));
        }
    }

    fn file(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }
}
