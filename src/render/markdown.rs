//! The objectives' narratives, from Markdown to HTML.
//!
//! Raw HTML in the Markdown is shown as text, not passed through: the pages
//! must stay valid, accessible and free of scripts or third-party requests.
//! Headings start at level 3, under the page's own h1 and h2.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

pub fn to_html(markdown: &str) -> String {
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    );
    let mut in_external_image = false;
    let events = parser.map(|event| match event {
        Event::Html(text) | Event::InlineHtml(text) => Event::Text(text),
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: demote(level),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(demote(level))),
        // An image from another host would be a third-party request: link to it instead.
        Event::Start(Tag::Image {
            dest_url,
            title,
            id,
            ..
        }) if is_external(&dest_url) => {
            in_external_image = true;
            Event::Start(Tag::Link {
                link_type: pulldown_cmark::LinkType::Inline,
                dest_url,
                title,
                id,
            })
        }
        Event::End(TagEnd::Image) if in_external_image => {
            in_external_image = false;
            Event::End(TagEnd::Link)
        }
        other => other,
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    out
}

fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H3,
        HeadingLevel::H2 => HeadingLevel::H4,
        HeadingLevel::H3 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

fn is_external(url: &CowStr) -> bool {
    url.starts_with("http://") || url.starts_with("https://") || url.starts_with("//")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_emphasis() {
        assert_eq!(
            to_html("Uno **due**.\n\nTre."),
            "<p>Uno <strong>due</strong>.</p>\n<p>Tre.</p>\n"
        );
    }

    #[test]
    fn raw_html_is_text() {
        let html = to_html("a <script>alert(1)</script> b");
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn headings_are_demoted_and_external_images_become_links() {
        assert_eq!(to_html("# Titolo"), "<h3>Titolo</h3>\n");
        let html = to_html("![logo](https://example.org/logo.png)");
        assert!(
            html.contains("<a href=\"https://example.org/logo.png\">logo</a>"),
            "{html}"
        );
        assert!(!html.contains("<img"), "{html}");
    }
}
