//! What the charts' tests share: sample numbers and words, and reading an
//! SVG back (its tags, texts and their boxes).

use std::str::FromStr;

use plotters::style::text_anchor::HPos;
use rust_decimal::Decimal;

use super::{ChartText, Rect, text_box};
use crate::model::Language;
use crate::render::format::NumberFormat;

pub fn d(text: &str) -> Decimal {
    Decimal::from_str(text).expect("decimal")
}

pub fn it() -> NumberFormat {
    NumberFormat::for_language(Language::It)
}

pub const TEXT: ChartText<'static> = ChartText {
    title: "Grado di raggiungimento per obiettivo, 2023",
    description: "Quattro obiettivi valutati.",
};

// --- Reading the SVG back --------------------------------------------

/// The opening tags of every `name` element.
pub fn tags<'s>(svg: &'s str, name: &str) -> Vec<&'s str> {
    let open = format!("<{name} ");
    svg.match_indices(&open)
        .map(|(i, _)| {
            let end = svg[i..].find('>').expect("tag end");
            &svg[i..i + end + 1]
        })
        .collect()
}

pub fn attr<'s>(tag: &'s str, name: &str) -> Option<&'s str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')?;
    Some(&tag[start..start + end])
}

pub fn num(tag: &str, name: &str) -> f64 {
    attr(tag, name).expect(name).parse().expect("number")
}

/// Every text: its opening tag and its content.
pub fn texts(svg: &str) -> Vec<(&str, &str)> {
    svg.match_indices("<text ")
        .map(|(i, _)| {
            let open_end = i + svg[i..].find('>').expect("tag end") + 1;
            let close = open_end + svg[open_end..].find("</text>").expect("close");
            (&svg[i..open_end], svg[open_end..close].trim())
        })
        .collect()
}

pub fn text_x(svg: &str, content: &str) -> Vec<f64> {
    texts(svg)
        .into_iter()
        .filter(|(_, c)| *c == content)
        .map(|(tag, _)| num(tag, "x"))
        .collect()
}

pub fn has_text(svg: &str, content: &str) -> bool {
    texts(svg).iter().any(|(_, c)| *c == content)
}

/// Value markers: blue circles of the marker's radius (legend included).
pub fn value_markers(svg: &str) -> Vec<f64> {
    tags(svg, "circle")
        .into_iter()
        .filter(|t| attr(t, "fill") == Some("#0066CC") && attr(t, "r") == Some("5"))
        .map(|t| num(t, "cx"))
        .collect()
}

pub fn polygons_filled<'s>(svg: &'s str, fill: &str) -> Vec<&'s str> {
    tags(svg, "polygon")
        .into_iter()
        .filter(|t| attr(t, "fill") == Some(fill))
        .collect()
}

/// The estimated box of every text, as drawn.
pub fn text_boxes(svg: &str) -> Vec<(String, Rect)> {
    texts(svg)
        .into_iter()
        .map(|(tag, content)| {
            let anchor = match attr(tag, "text-anchor") {
                Some("end") => HPos::Right,
                Some("middle") => HPos::Center,
                _ => HPos::Left,
            };
            let content = content
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">");
            let at = (num(tag, "x"), num(tag, "y"));
            let area = text_box(&content, at, num(tag, "font-size"), anchor).grow(-2.0, -2.0);
            (content, area)
        })
        .collect()
}

pub fn view_box(svg: &str) -> Rect {
    let root = tags(svg, "svg")[0];
    let v: Vec<f64> = attr(root, "viewBox")
        .expect("viewBox")
        .split(' ')
        .map(|n| n.parse().expect("number"))
        .collect();
    Rect {
        x0: v[0],
        y0: v[1],
        x1: v[2],
        y1: v[3],
    }
}

/// No two texts overlap, and every text is inside the picture.
pub fn assert_legible(svg: &str) {
    let boxes = text_boxes(svg);
    let frame = view_box(svg);
    for (i, (a, area)) in boxes.iter().enumerate() {
        assert!(frame.contains(area), "{a:?} at {area:?} is cut off");
        for (b, other) in &boxes[i + 1..] {
            assert!(!area.overlaps(other), "{a:?} overlaps {b:?}");
        }
    }
}

/// Outlined boxes (bars, segments, swatches): x and width.
pub fn outlines(svg: &str) -> Vec<(f64, f64, f64)> {
    tags(svg, "rect")
        .into_iter()
        .filter(|t| attr(t, "fill") == Some("none"))
        .map(|t| (num(t, "x"), num(t, "y"), num(t, "width")))
        .collect()
}

/// Writes sample charts as `NAME.svg` to `$CHARTS_DIR` (default: the
/// temporary folder's `charts`), to look at:
/// `cargo test --lib write_samples -- --ignored`.
pub fn write_samples(files: Vec<(&str, Option<String>)>) {
    let dir = std::env::var_os("CHARTS_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("charts"));
    std::fs::create_dir_all(&dir).expect("folder");
    for (name, svg) in files {
        std::fs::write(dir.join(format!("{name}.svg")), svg.expect("chart")).expect("write");
    }
}
