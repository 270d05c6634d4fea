//! The objectives' narratives, from Markdown to HTML.
//!
//! Raw HTML in the Markdown is shown as text, not passed through: the pages
//! must stay valid, accessible and free of scripts or third-party requests.
//! Headings start at level 3, under the page's own h1 and h2. The loader
//! refuses links the pages may not hold; the HTML is sanitised all the same
//! (ammonia), so that nothing but text, tables and safe links reaches a page.

use std::collections::HashSet;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Parser, Tag, TagEnd, html};

use crate::syntax::url;

pub fn to_html(markdown: &str) -> String {
    let parser = Parser::new_ext(markdown, crate::syntax::markdown::options());
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
    sanitise(&out)
}

/// Table cells' alignment as classes: the pages' Content-Security-Policy
/// allows no inline style.
const ALIGNMENTS: [(&str, &str); 3] = [
    (" style=\"text-align: left\"", " class=\"text-left\""),
    (" style=\"text-align: center\"", " class=\"text-center\""),
    (" style=\"text-align: right\"", " class=\"text-right\""),
];

fn sanitise(html: &str) -> String {
    let mut html = html.to_string();
    for (style, class) in ALIGNMENTS {
        html = html.replace(style, class);
    }
    let classes: HashSet<&str> = ["text-left", "text-center", "text-right"].into();
    ammonia::Builder::default()
        .url_schemes(url::SCHEMES.into())
        .link_rel(None)
        .allowed_classes([("th", classes.clone()), ("td", classes)].into())
        .attribute_filter(|element, attribute, value| {
            let other_host = element == "img"
                && attribute == "src"
                && url::check(value).is_ok_and(url::Target::is_other_host);
            (!other_host).then_some(value.into())
        })
        .clean(&html)
        .to_string()
}

fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H3,
        HeadingLevel::H2 => HeadingLevel::H4,
        HeadingLevel::H3 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// Any address that is not a path of this site (the loader has refused
/// those already; this keeps the renderer safe on its own).
fn is_external(dest: &CowStr) -> bool {
    !matches!(url::check(dest), Ok(url::Target::Relative))
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
        let html = to_html("![logo](HTTP://example.org/logo.png)");
        assert!(!html.contains("<img"), "upper-case scheme: {html}");
    }

    #[test]
    fn script_addresses_never_reach_the_page() {
        for markdown in [
            "[a](javascript:alert(1))",
            "[a](JavaScript:alert(1))",
            "[a](java&#x09;script:alert(1))",
            "<javascript:alert(1)>",
            "<VBSCRIPT:msgbox(1)>",
            "[a][r]\n\n[r]: data:text/html;base64,PHNjcmlwdD4=",
            "![a](data:image/svg+xml;base64,PHN2Zz4=)",
        ] {
            let html = to_html(markdown).to_lowercase();
            assert!(!html.contains("<script"), "{markdown} -> {html}");
            for bad in ["javascript:", "vbscript:", "data:"] {
                // Shown as text at most, never as an address.
                assert!(!html.contains(&format!("=\"{bad}")), "{markdown} -> {html}");
            }
        }
        assert_eq!(
            to_html("[scrivici](mailto:urp@example.it)"),
            "<p><a href=\"mailto:urp@example.it\">scrivici</a></p>\n"
        );
    }

    #[test]
    fn table_alignment_is_a_class_not_a_style() {
        let html = to_html("| a | b |\n|:--|--:|\n| 1 | 2 |\n");
        assert!(html.contains("<th class=\"text-left\">a</th>"), "{html}");
        assert!(html.contains("<td class=\"text-right\">2</td>"), "{html}");
        assert!(!html.contains("style"), "{html}");
    }
}
