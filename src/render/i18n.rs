//! Labels of the site, from the theme's translation file (`i18n/<lang>.yaml`).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;

use serde::Serialize;

/// Every label, by key; `{name}` placeholders are filled by [`Labels::fill`].
#[derive(Debug, Default, Serialize)]
pub struct Labels {
    #[serde(flatten)]
    map: BTreeMap<String, String>,
    /// Keys asked for but not found: a bug in the theme, reported after
    /// rendering (pages are rendered on several threads).
    #[serde(skip)]
    missing: Mutex<BTreeSet<String>>,
}

impl Labels {
    pub fn new(map: BTreeMap<String, String>) -> Self {
        Labels {
            map,
            missing: Mutex::new(BTreeSet::new()),
        }
    }

    pub fn get(&self, key: &str) -> String {
        match self.map.get(key) {
            Some(text) => text.clone(),
            None => {
                self.missing
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(key.to_string());
                format!("[{key}]")
            }
        }
    }

    /// The label with its `{name}` placeholders replaced.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        let mut text = self.get(key);
        for (name, value) in values {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }

    pub fn missing(&self) -> Vec<String> {
        self.missing
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .cloned()
            .collect()
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.map.keys().map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_and_missing_keys() {
        let labels = Labels::new(BTreeMap::from([(
            "a".to_string(),
            "{n} obiettivi su {m}".to_string(),
        )]));
        assert_eq!(
            labels.fill("a", &[("n", "3"), ("m", "5")]),
            "3 obiettivi su 5"
        );
        assert_eq!(labels.get("b"), "[b]");
        assert_eq!(labels.missing(), ["b"]);
    }
}
