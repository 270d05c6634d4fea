//! The narratives' Markdown as the loader sees it: the same options as the
//! renderer, the links and images it holds, and how deep it nests (block
//! quotes and lists thousands deep would make the HTML sanitiser crawl).

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag};

/// How deep quotes, lists and emphasis may nest in a narrative.
pub const MAX_DEPTH: usize = 32;

/// The Markdown options of the narratives: the reader and the renderer
/// must agree on what is a link.
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// A link or an image written in a narrative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkdownUrl {
    /// Byte range of the link in the Markdown.
    pub range: Range<usize>,
    pub url: String,
    pub is_image: bool,
}

/// What the loader checks in a narrative.
#[derive(Debug, Default)]
pub struct Narrative {
    /// Every link and image (inline, reference, autolink), as the renderer
    /// will see them.
    pub urls: Vec<MarkdownUrl>,
    /// Where the nesting first goes past [`MAX_DEPTH`], if it does.
    pub too_deep: Option<Range<usize>>,
}

pub fn read(markdown: &str) -> Narrative {
    let mut narrative = Narrative::default();
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                depth += 1;
                if depth > MAX_DEPTH && narrative.too_deep.is_none() {
                    // One character, whole (it may take several bytes).
                    let width = markdown[range.start..]
                        .chars()
                        .next()
                        .map_or(0, char::len_utf8);
                    narrative.too_deep = Some(range.start..range.start + width);
                }
                match tag {
                    Tag::Link { dest_url, .. } => narrative.urls.push(MarkdownUrl {
                        range,
                        url: dest_url.into_string(),
                        is_image: false,
                    }),
                    Tag::Image { dest_url, .. } => narrative.urls.push(MarkdownUrl {
                        range,
                        url: dest_url.into_string(),
                        is_image: true,
                    }),
                    _ => {}
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    narrative
}

#[cfg(test)]
mod tests {
    use super::*;

    fn markdown_urls(markdown: &str) -> Vec<MarkdownUrl> {
        read(markdown).urls
    }

    #[test]
    fn links_of_every_form_are_found_with_their_place() {
        let md = "a [x](javascript:a) b <vbscript:b> ![i](HTTP://h/i.png)\n\n[r][ref]\n\n[ref]: data:text/html,x\n";
        let urls: Vec<(String, bool)> = markdown_urls(md)
            .into_iter()
            .map(|u| (u.url, u.is_image))
            .collect();
        assert_eq!(
            urls,
            [
                ("javascript:a".to_string(), false),
                ("vbscript:b".to_string(), false),
                ("HTTP://h/i.png".to_string(), true),
                ("data:text/html,x".to_string(), false),
            ]
        );
        assert_eq!(&md[markdown_urls(md)[0].range.clone()], "[x](javascript:a)");
    }

    #[test]
    fn deep_nesting_is_found_at_its_place() {
        assert!(read("> uno\n> > due\n").too_deep.is_none());
        let deep = format!("testo\n\n{}x\n", "> ".repeat(100));
        let at = read(&deep).too_deep.expect("too deep");
        assert_eq!(&deep[..at.start].matches('\n').count(), &2);
        assert!(read(&format!("{}x", "- ".repeat(100))).too_deep.is_some());
        // The paragraph inside 32 quotes starts with a two-byte letter.
        let quoted = format!("{}èra", "> ".repeat(32));
        let at = read(&quoted).too_deep.expect("too deep");
        assert_eq!(&quoted[at], "è");
    }
}
