//! The message catalogue: every sentence cruscotto says to people, in
//! Italian and in English, one Fluent file per language (`messages/it.ftl`,
//! `messages/en.ftl`). Code says which problem and with which values (a
//! [`Message`]); the catalogue says the sentence, in the language of the run.
//!
//! Fluent (Project Fluent's `.ftl` format) gives each message its id, its
//! `.label` and `.help`, named placeholders (`{ $name }`) and plural forms
//! (`{ $count -> [one] ... *[other] ... }`), which the closing lines need.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The language of the messages of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    It,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::It, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::It => "it",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language of a run: Italian when the site's language is Italian
    /// (`site_italian`, when the config could be read) or the locale is
    /// (`LC_ALL`, else `LC_MESSAGES`, else `LANG`, the first one set and not
    /// empty, starts with `it`); English otherwise.
    pub fn for_run(site_italian: bool, env: impl Fn(&str) -> Option<String>) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(&env)
            .find(|value| !value.is_empty());
        if site_italian || locale.is_some_and(|l| l.starts_with("it")) {
            Lang::It
        } else {
            Lang::En
        }
    }

    /// The Fluent source of the catalogue in this language.
    pub fn source(self) -> &'static str {
        match self {
            Lang::It => include_str!("messages/it.ftl"),
            Lang::En => include_str!("messages/en.ftl"),
        }
    }
}

/// A value put into a message's placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Shown as it is: an id, a file name, what the author wrote.
    Text(String),
    /// A count or a year: plural forms choose by it; shown without grouping.
    Number(i64),
    /// Another message of the catalogue, said in the same language (a part
    /// of a sentence: "the indicator", "did you mean ...").
    Message(Message),
}

impl Arg {
    /// Items shown one after the other, separated by commas.
    pub fn list<T: AsRef<str>>(items: impl IntoIterator<Item = T>) -> Arg {
        let items: Vec<String> = items.into_iter().map(|i| i.as_ref().to_string()).collect();
        Arg::Text(items.join(", "))
    }

    /// Items shown as code, each between backticks: `a`, `b`.
    pub fn codes<T: AsRef<str>>(items: impl IntoIterator<Item = T>) -> Arg {
        Arg::list(items.into_iter().map(|i| format!("`{}`", i.as_ref())))
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_string())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Self {
        Arg::Text(text.clone())
    }
}

impl From<&std::path::Path> for Arg {
    fn from(path: &std::path::Path) -> Self {
        Arg::Text(path.display().to_string())
    }
}

impl From<&std::path::PathBuf> for Arg {
    fn from(path: &std::path::PathBuf) -> Self {
        Arg::Text(path.display().to_string())
    }
}

impl From<Message> for Arg {
    fn from(message: Message) -> Self {
        Arg::Message(message)
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                i64::try_from(n).map_or_else(|_| Arg::Text(n.to_string()), Arg::Number)
            }
        }
    )*};
}
number_args!(i32, i64, u8, u16, u32, u64, usize);

/// One entry of the catalogue with the values for its placeholders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    pub fn new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Self {
        Message { id, args }
    }

    /// The message's sentence in `lang`.
    pub fn format(&self, lang: Lang) -> String {
        self.pattern(lang, None)
            .unwrap_or_else(|| self.id.to_string())
    }

    /// One of the message's attributes (`label`, `help`) in `lang`, if the
    /// catalogue gives it one.
    pub fn attribute(&self, lang: Lang, name: &str) -> Option<String> {
        self.pattern(lang, Some(name))
    }

    fn pattern(&self, lang: Lang, attribute: Option<&str>) -> Option<String> {
        let bundle = bundle(lang);
        let message = bundle.get_message(self.id)?;
        let pattern = match attribute {
            None => message.value()?,
            Some(name) => message.get_attribute(name)?.value(),
        };
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            let value = match value {
                Arg::Text(text) => FluentValue::String(Cow::Borrowed(text.as_str())),
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Message(inner) => FluentValue::String(Cow::Owned(inner.format(lang))),
            };
            args.set(*name, value);
        }
        // The catalogue's tests check every placeholder against the values
        // the code gives, so formatting has no errors to report.
        let mut errors = Vec::new();
        Some(
            bundle
                .format_pattern(pattern, Some(&args), &mut errors)
                .into_owned(),
        )
    }
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    let bundles = BUNDLES.get_or_init(|| [make_bundle(Lang::It), make_bundle(Lang::En)]);
    match lang {
        Lang::It => &bundles[0],
        Lang::En => &bundles[1],
    }
}

fn make_bundle(lang: Lang) -> Bundle {
    let locale = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![locale]);
    // No Unicode isolation marks around values: the text goes to a terminal.
    bundle.set_use_isolating(false);
    // A syntax error in the catalogue drops only that entry; the catalogue's
    // tests fail on any.
    let resource = match FluentResource::try_new(lang.source().to_string()) {
        Ok(resource) => resource,
        Err((resource, _)) => resource,
    };
    let _ = bundle.add_resource(resource);
    bundle
}

/// The parsed catalogue of a language, for the tests and the reference.
pub fn resource(lang: Lang) -> Result<FluentResource, String> {
    FluentResource::try_new(lang.source().to_string())
        .map_err(|(_, errors)| format!("{}.ftl: {errors:?}", lang.code()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    #[test]
    fn the_language_of_a_run() {
        assert_eq!(
            Lang::for_run(true, env(&[("LANG", "en_US.UTF-8")])),
            Lang::It
        );
        assert_eq!(Lang::for_run(false, env(&[])), Lang::En);
        assert_eq!(
            Lang::for_run(false, env(&[("LANG", "it_IT.UTF-8")])),
            Lang::It
        );
        // LC_ALL wins over LC_MESSAGES, which wins over LANG; empty ones are skipped.
        let all = [("LC_ALL", "C"), ("LC_MESSAGES", "it_IT"), ("LANG", "it_IT")];
        assert_eq!(Lang::for_run(false, env(&all)), Lang::En);
        let messages = [("LC_ALL", ""), ("LC_MESSAGES", "it_IT"), ("LANG", "C")];
        assert_eq!(Lang::for_run(false, env(&messages)), Lang::It);
        assert_eq!(Lang::for_run(false, env(&[("LANG", "de_DE")])), Lang::En);
    }

    #[test]
    fn numbers_choose_plural_forms_and_messages_nest() {
        let count = |n: i64| {
            Message::new(
                "cli-counts",
                vec![("errors", Arg::Number(n)), ("warnings", Arg::Number(1))],
            )
        };
        assert_eq!(count(1).format(Lang::It), "1 errore, 1 avviso");
        assert_eq!(count(2).format(Lang::It), "2 errori, 1 avviso");
        assert_eq!(count(0).format(Lang::En), "0 errors, 1 warning");
        assert_eq!(count(1).format(Lang::En), "1 error, 1 warning");
        let nested = Message::new("cli-check-failed", vec![("counts", Arg::Message(count(3)))]);
        assert_eq!(
            nested.format(Lang::It),
            "controllo non superato: 3 errori, 1 avviso"
        );
    }
}
