//! Which addresses a public page may hold: web pages (`http`, `https`),
//! e-mail (`mailto`), phone numbers (`tel`) and pages of the site itself.
//! Anything else (`javascript:`, `data:`, `vbscript:`, `file:`...) could run
//! a script or read the reader's files, and is refused. Schemes are compared
//! as browsers compare them: in any case, with blanks and tabs ignored.

use crate::diagnostics::{Arg, Message, text};

/// What an address that may be published points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// `http://` or `https://`, or `//host/...`: another site.
    Web,
    Mail,
    Phone,
    /// A path on this site: `../dati/`, `#nota-1`, `logo.png`.
    Relative,
}

impl Target {
    /// On another host: loading it (as an image) would be a third-party request.
    pub fn is_other_host(self) -> bool {
        matches!(self, Target::Web)
    }
}

/// The schemes a page may link to.
pub const SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// Classifies `url`, or says why it may not be published.
pub fn check(url: &str) -> Result<Target, Message> {
    // Browsers drop leading and trailing controls and blanks, and tabs and
    // line breaks anywhere: `java\tscript:` is `javascript:`.
    let cleaned: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if cleaned.chars().any(char::is_control) {
        return Err(text::url_control_characters());
    }
    match scheme(&cleaned) {
        Some(scheme) => match scheme.to_ascii_lowercase().as_str() {
            "http" | "https" => Ok(Target::Web),
            "mailto" => Ok(Target::Mail),
            "tel" => Ok(Target::Phone),
            other => Err(text::url_scheme_not_allowed(
                other,
                Arg::list(SCHEMES.map(|s| format!("{s}:"))),
            )),
        },
        // `//host/x` and `\\host\x` are other hosts, with the page's scheme.
        None if cleaned.starts_with(['/', '\\']) && cleaned[1..].starts_with(['/', '\\']) => {
            Ok(Target::Web)
        }
        None => Ok(Target::Relative),
    }
}

/// The scheme of an absolute address: letters, digits, `+ - .` before the
/// first `:`, which must come before any `/ ? #`.
fn scheme(url: &str) -> Option<&str> {
    let colon = url.find(':')?;
    let candidate = &url[..colon];
    let valid = candidate.starts_with(|c: char| c.is_ascii_alphabetic())
        && candidate
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some(candidate)
}

/// A full web address (`https://host/...`), as `site.base_url` must be.
pub fn is_absolute_web(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["http://", "https://"].iter().any(|prefix| {
        lower
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.split('/').next().is_some_and(|host| !host.is_empty()))
    }) && check(url).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_mail_phone_and_relative_addresses() {
        assert_eq!(check("https://www.example.it/a"), Ok(Target::Web));
        assert_eq!(check("HTTP://EXAMPLE.IT"), Ok(Target::Web));
        assert_eq!(check("//cdn.example.org/x.png"), Ok(Target::Web));
        assert_eq!(check("/\\cdn.example.org/x.png"), Ok(Target::Web));
        assert_eq!(check("MailTo:urp@example.it"), Ok(Target::Mail));
        assert_eq!(check("tel:+390183793111"), Ok(Target::Phone));
        assert_eq!(check("../dati/"), Ok(Target::Relative));
        assert_eq!(check("#nota-1"), Ok(Target::Relative));
        assert_eq!(check("a/b:c"), Ok(Target::Relative));
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " java\tscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "DATA:image/png;base64,AAAA",
            "file:///etc/passwd",
        ] {
            assert!(check(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn base_urls_are_full_web_addresses() {
        assert!(is_absolute_web("https://www.example.it/performance/"));
        assert!(is_absolute_web("HTTP://example.it"));
        assert!(!is_absolute_web("/performance/"));
        assert!(!is_absolute_web("www.example.it"));
        assert!(!is_absolute_web("https:///x"));
        assert!(!is_absolute_web("javascript:alert(1)//https://x"));
    }
}
