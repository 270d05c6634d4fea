//! Charts for the pages, as inline SVG: an indicator's series against its
//! targets, the achievement of each objective, the mix of statuses per
//! ambito.
//!
//! Pure: data in, SVG text out, the same bytes for the same data. Values
//! stay exact decimals until a pixel is placed; every number shown is
//! formatted with the caller's
//! [`NumberFormat`](crate::render::format::NumberFormat), every word comes
//! from the caller. Drawing goes through plotters' SVG backend; the layout (ticks,
//! label placement, text widths) is computed here. Text widths are
//! estimated from fixed metrics close to DejaVu Sans, wider than most
//! sans-serif fonts, so nothing depends on the fonts of the machine and
//! estimated boxes err on the side of room.
//!
//! Every chart reads in black and white: the value series, the targets and
//! the benchmarks differ by marker shape and line style, the statuses by
//! pattern and by their written label, never by colour alone. Every colour
//! has at least 3:1 contrast against white.
//!
//! This module holds what the kinds share: the look (colours, sizes, the
//! statuses' patterns), the y axis, the legend, text metrics and the
//! canvas; each kind of chart is a module of its own.

pub mod achievement;
pub mod series;
pub mod status_mix;
#[cfg(test)]
mod testing;

use std::fmt::Write as _;

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::engine::scoring::Status;

/// The accessible name and text description of a chart.
#[derive(Debug, Clone, Copy)]
pub struct ChartText<'a> {
    pub title: &'a str,
    pub description: &'a str,
}

// ---------------------------------------------------------------------------
// Look

/// The size a chart is drawn for: its width in viewBox units and its text
/// sizes. The page shows each chart in two frames, one for phones and one
/// for wider screens (CSS picks by the window's width), so that the text
/// stays readable at either size: a viewBox scales text with it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub width: u32,
    /// Words and numbers.
    pub text: f64,
    /// Value labels, ticks of the bar chart, notes.
    pub small: f64,
    /// The class of the `<svg>`, for the page's CSS.
    pub class: &'static str,
}

impl Frame {
    /// Phones and narrow windows: shown at 343 px wide on a 375 px phone,
    /// where the smallest text is 17 × 343 / 480 = 12.1 px (Chartability:
    /// at least 12 px).
    pub const COMPACT: Frame = Frame {
        width: 480,
        text: 18.0,
        small: 17.0,
        class: "chart chart-compact",
    };
    /// Desktop: shown at about its own width (the page lets it grow to
    /// 60rem), the text at the size of the page's small print.
    pub const WIDE: Frame = Frame {
        width: 960,
        text: 15.0,
        small: 14.0,
        class: "chart chart-wide",
    };

    /// The height of a line of text.
    fn line(&self) -> f64 {
        (self.text * 1.3).round()
    }
}

const VALUE: RGBColor = RGBColor(0x00, 0x66, 0xCC);
const TARGET: RGBColor = RGBColor(0xA6, 0x1E, 0x4D);
const BENCHMARK: RGBColor = RGBColor(0x4D, 0x4D, 0x4D);
const INK: RGBColor = RGBColor(0x1A, 0x1A, 0x1A);
/// Tick labels and notes: 7:1 against white.
const MUTED: RGBColor = RGBColor(0x59, 0x59, 0x59);
/// Axis lines: 4.5:1 against white.
const AXIS: RGBColor = RGBColor(0x76, 0x76, 0x76);
/// Grid lines: decorative, the tick labels carry the values.
const GRID: RGBColor = RGBColor(0xDD, 0xDD, 0xDD);
const PAPER: RGBColor = RGBColor(0xFF, 0xFF, 0xFF);

/// Value markers: a filled circle on a white halo.
const VALUE_RADIUS: i32 = 5;
const DIAMOND: f64 = 8.0;
/// Half the size of the small markers: benchmarks and statuses.
const SMALL_MARK: f64 = 5.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pattern {
    Solid,
    Stripes,
    CrossHatch,
    Plain,
}

/// How a status is drawn: a colour for its marker and outline, a light
/// tint to fill, and a pattern that tells it apart in black and white.
#[derive(Debug, Clone, Copy)]
struct StatusLook {
    color: RGBColor,
    tint: RGBColor,
    pattern: Pattern,
}

fn status_look(status: Status) -> StatusLook {
    match status {
        Status::Raggiunto => StatusLook {
            color: RGBColor(0x2E, 0x7D, 0x32),
            tint: RGBColor(0x2E, 0x7D, 0x32),
            pattern: Pattern::Solid,
        },
        Status::ParzialmenteRaggiunto => StatusLook {
            color: RGBColor(0x8A, 0x4F, 0x00),
            tint: RGBColor(0xF8, 0xE1, 0xB8),
            pattern: Pattern::Stripes,
        },
        Status::NonRaggiunto => StatusLook {
            color: TARGET,
            tint: RGBColor(0xF6, 0xD9, 0xE3),
            pattern: Pattern::CrossHatch,
        },
        Status::NonValutabile => StatusLook {
            color: BENCHMARK,
            tint: RGBColor(0xEE, 0xEE, 0xEE),
            pattern: Pattern::Plain,
        },
    }
}

// ---------------------------------------------------------------------------
// Y axis

/// A y axis: at most six ticks at round steps (1, 2 or 5 times a power
/// of ten), covering every value, and zero when asked or when the values
/// are not far from it.
#[derive(Debug, Clone, PartialEq)]
struct Axis {
    ticks: Vec<Decimal>,
    /// Decimals of the step, for the tick labels.
    decimals: u32,
    min: Decimal,
    max: Decimal,
}

const MAX_TICKS: usize = 6;

impl Axis {
    /// With `from_zero`, zero is always on the axis; otherwise only when
    /// it is at most one span away from the values.
    fn for_values(values: &[Decimal], from_zero: bool) -> Option<Axis> {
        let mut lo = values.iter().copied().min()?;
        let mut hi = values.iter().copied().max()?;
        if lo > Decimal::ZERO && (from_zero || lo.checked_mul(Decimal::TWO)? <= hi) {
            lo = Decimal::ZERO;
        }
        if hi < Decimal::ZERO && (from_zero || hi.checked_mul(Decimal::TWO)? >= lo) {
            hi = Decimal::ZERO;
        }
        // All zero: just 0 and 1.
        if lo.is_zero() && hi.is_zero() {
            return Axis::between(Decimal::ZERO, Decimal::ONE, 2);
        }
        // All equal: from zero to the value.
        if lo == hi {
            lo = lo.min(Decimal::ZERO);
            hi = hi.max(Decimal::ZERO);
        }
        Axis::between(lo, hi, MAX_TICKS)
    }

    /// Ticks from at most `lo` to at least `hi` (`lo < hi`).
    fn between(lo: Decimal, hi: Decimal, max_ticks: usize) -> Option<Axis> {
        let intervals = Decimal::from(max_ticks.checked_sub(1)?);
        let raw = hi.checked_sub(lo)?.checked_div(intervals)?;
        if raw <= Decimal::ZERO {
            return None;
        }
        // The power of ten at or just under the raw step.
        let mut power = Decimal::ONE;
        while power > raw && power.scale() < 20 {
            power = power.checked_div(Decimal::TEN)?;
        }
        while power.checked_mul(Decimal::TEN)? <= raw {
            power = power.checked_mul(Decimal::TEN)?;
        }
        for factor in [1, 2, 5, 10, 20, 50, 100] {
            let step = power.checked_mul(Decimal::from(factor))?.normalize();
            let min = lo.checked_div(step)?.floor().checked_mul(step)?;
            let max = hi.checked_div(step)?.ceil().checked_mul(step)?;
            let count = max.checked_sub(min)?.checked_div(step)?.to_usize()? + 1;
            if count <= max_ticks {
                let ticks = (0..count)
                    .map(|i| min.checked_add(step.checked_mul(Decimal::from(i))?))
                    .collect::<Option<Vec<_>>>()?;
                return Some(Axis {
                    ticks,
                    decimals: step.scale(),
                    min,
                    max,
                });
            }
        }
        None
    }
}

// ---------------------------------------------------------------------------
// Legend

/// The shapes a chart draws, also as legend samples.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Value,
    /// A value that is a monitoring reading: a hollow circle.
    Monitoring,
    Target,
    OriginalTarget,
    National,
    Cluster,
    /// A status's marker, beside its written label.
    Status(Status),
    /// A status's fill and pattern, for legends.
    Swatch(Status),
}

const SAMPLE_WIDTH: f64 = 24.0;

/// Legend items left to right, wrapping to new rows: each item's sample
/// centre and text start, and the bottom of the last row.
fn legend_layout(
    items: &[(Mark, &str)],
    (left, right): (f64, f64),
    top: f64,
    frame: Frame,
) -> (Vec<LegendPlace>, f64) {
    let row_height = frame.line().max(24.0);
    let mut places = Vec::new();
    let mut x = left;
    let mut row = 0.0;
    for (mark, label) in items {
        let label_width = text_width(label, frame.text);
        let item = SAMPLE_WIDTH + 6.0 + label_width;
        if x > left && x + item > right {
            x = left;
            row += 1.0;
        }
        let y = top + row * row_height + row_height / 2.0;
        let text_start = x + SAMPLE_WIDTH + 6.0;
        places.push(LegendPlace {
            mark: *mark,
            label: fit(label, frame.text, right - text_start),
            sample: (x + SAMPLE_WIDTH / 2.0, y),
            text_start,
        });
        x += item + 20.0;
    }
    (places, top + (row + 1.0) * row_height)
}

/// A legend item, placed.
#[derive(Debug, Clone)]
struct LegendPlace {
    mark: Mark,
    label: String,
    /// The centre of the sample.
    sample: (f64, f64),
    text_start: f64,
}

fn draw_legend(c: &Canvas, places: &[LegendPlace], frame: Frame) -> Option<()> {
    for place in places {
        let (x, y) = place.sample;
        if place.mark == Mark::Value {
            // The line and its marker, without the halo that would break it.
            let half = SAMPLE_WIDTH / 2.0;
            c.line(&[(x - half, y), (x + half, y)], VALUE, 3)?;
            c.circle(place.sample, VALUE_RADIUS, VALUE)?;
        } else {
            c.mark(place.mark, place.sample)?;
        }
        let font = Font::new(frame.text, INK, HPos::Left);
        c.text(&place.label, (place.text_start, y), font)?;
    }
    Some(())
}

// ---------------------------------------------------------------------------
// Drawing

/// A text's size, colour and horizontal anchor; texts are centred
/// vertically on their y.
#[derive(Clone, Copy)]
struct Font {
    px: f64,
    color: RGBColor,
    anchor: HPos,
}

impl Font {
    fn new(px: f64, color: RGBColor, anchor: HPos) -> Self {
        Font { px, color, anchor }
    }
}

/// An axis-aligned box, for layout.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Rect {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl Rect {
    fn around((x, y): (f64, f64), half: f64) -> Rect {
        Rect {
            x0: x - half,
            y0: y - half,
            x1: x + half,
            y1: y + half,
        }
    }

    fn grow(self, dx: f64, dy: f64) -> Rect {
        Rect {
            x0: self.x0 - dx,
            y0: self.y0 - dy,
            x1: self.x1 + dx,
            y1: self.y1 + dy,
        }
    }

    fn overlaps(&self, other: &Rect) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }

    fn contains(&self, other: &Rect) -> bool {
        other.x0 >= self.x0 && other.x1 <= self.x1 && other.y0 >= self.y0 && other.y1 <= self.y1
    }

    /// Whether the segment from `a` to `b` passes through the box
    /// (Liang-Barsky clipping).
    fn crosses(&self, a: (f64, f64), b: (f64, f64)) -> bool {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let mut t0: f64 = 0.0;
        let mut t1: f64 = 1.0;
        for (p, q) in [
            (-dx, a.0 - self.x0),
            (dx, self.x1 - a.0),
            (-dy, a.1 - self.y0),
            (dy, self.y1 - a.1),
        ] {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
            }
        }
        t0 <= t1
    }
}

/// The box a text covers when drawn at `at` with `anchor`, centred
/// vertically, with a little room around.
fn text_box(text: &str, at: (f64, f64), px: f64, anchor: HPos) -> Rect {
    let w = text_width(text, px);
    let x0 = match anchor {
        HPos::Left => at.0,
        HPos::Center => at.0 - w / 2.0,
        HPos::Right => at.0 - w,
    };
    Rect {
        x0: x0 - 2.0,
        y0: at.1 - px / 2.0 - 2.0,
        x1: x0 + w + 2.0,
        y1: at.1 + px / 2.0 + 2.0,
    }
}

/// Estimated advance of a text in a sans-serif font, in the units of `px`.
/// Close to DejaVu Sans, the widest common one: estimates err wide.
fn text_width(text: &str, px: f64) -> f64 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            '0'..='9' | '€' | '$' | '#' | '_' | '+' | '=' | '<' | '>' | '≥' | '≤' => 0.64,
            ' ' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' | '/' => 0.34,
            'i' | 'j' | 'l' => 0.28,
            'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' => 0.42,
            'm' => 0.98,
            'w' => 0.82,
            'M' | 'W' => 0.99,
            '%' => 0.95,
            '…' | '—' => 1.0,
            '–' => 0.5,
            'A'..='Z' => 0.74,
            'a'..='z' => 0.62,
            c if c.is_alphabetic() => 0.64,
            _ => 0.8,
        })
        .sum();
    em * px
}

/// `text`, shortened with an ellipsis to fit `width`.
fn fit(text: &str, px: f64, width: f64) -> String {
    if text_width(text, px) <= width {
        return text.to_string();
    }
    let mut out: String = text.chars().collect();
    while !out.is_empty() && text_width(&out, px) + text_width("…", px) > width {
        out.pop();
    }
    let mut out = out.trim_end().to_string();
    out.push('…');
    out
}

/// `text` in lines broken between words, the first no wider than `first`,
/// the others than `width` (a word too wide for the first line starts the
/// second, leaving the first empty); a word wider than a line is
/// shortened with an ellipsis.
fn wrap(text: &str, px: f64, first: f64, width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let limit = |lines: &Vec<String>| if lines.is_empty() { first } else { width };
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate, px) <= limit(&lines) {
            line = candidate;
        } else if line.is_empty() && lines.is_empty() {
            lines.push(String::new());
            line = word.to_string();
        } else if line.is_empty() {
            line = word.to_string();
        } else {
            let full = std::mem::replace(&mut line, word.to_string());
            lines.push(full);
        }
    }
    lines.push(line);
    let limits: Vec<f64> = (0..lines.len())
        .map(|i| if i == 0 { first } else { width })
        .collect();
    lines
        .into_iter()
        .zip(limits)
        .map(|(line, limit)| fit(&line, px, limit))
        .collect()
}

/// Hatching lines at 45 degrees across a box, `spacing` apart, as one
/// polyline that runs along the box's edges between lines: `/` lines, or
/// `\` when `mirror`.
fn hatch(area: Rect, spacing: f64, mirror: bool) -> Vec<(f64, f64)> {
    let (w, h) = (area.x1 - area.x0, area.y1 - area.y0);
    let mut points = Vec::new();
    if w <= 1.0 || h <= 1.0 || spacing <= 0.0 {
        return points;
    }
    // Line c runs from (c, h) up to (c + h, 0), in box coordinates,
    // clipped to the box: its low end on the left or bottom edge, its high
    // end on the top or right edge.
    let mut lines = Vec::new();
    let mut c = spacing / 2.0 - h;
    while c < w {
        let (t0, t1) = ((-c).max(0.0), h.min(w - c));
        if t1 - t0 > 1.0 {
            lines.push(((c + t0, h - t0), c < 0.0, (c + t1, h - t1), c + h > w));
        }
        c += spacing;
    }
    let mut previous: Option<(bool, bool)> = None;
    for (i, (low, low_on_left, high, high_on_right)) in lines.into_iter().enumerate() {
        if i % 2 == 0 {
            // From the previous line's low end along the left/bottom edges.
            if previous.is_some_and(|(left, _)| left) && !low_on_left {
                points.push((0.0, h));
            }
            points.push(low);
            points.push(high);
        } else {
            if previous.is_some_and(|(_, right)| !right) && high_on_right {
                points.push((w, 0.0));
            }
            points.push(high);
            points.push(low);
        }
        previous = Some((low_on_left, high_on_right));
    }
    points
        .into_iter()
        .map(|(u, v)| {
            let x = if mirror { area.x1 - u } else { area.x0 + u };
            (x, area.y0 + v)
        })
        .collect()
}

fn pixel((x, y): (f64, f64)) -> (i32, i32) {
    (x.round() as i32, y.round() as i32)
}

/// The size to give plotters for a font of `px`: its SVG backend writes
/// the size divided by 1.24 (which [`tidy_font_sizes`] rounds back).
fn plotters_font_size(px: f64) -> f64 {
    px * 1.24
}

/// Writes every `font-size` as the whole or short number it was meant to
/// be: plotters divides by 1.24, leaving `15.000000000000002`.
fn tidy_font_sizes(svg: &str) -> Option<String> {
    const KEY: &str = " font-size=\"";
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(i) = rest.find(KEY) {
        let start = i + KEY.len();
        let end = start + rest[start..].find('"')?;
        let size: f64 = rest[start..end].parse().ok()?;
        let size = Decimal::from_f64_retain(size)?.round_dp(2).normalize();
        out.push_str(&rest[..start]);
        write!(out, "{size}").ok()?;
        rest = &rest[end..];
    }
    out.push_str(rest);
    Some(out)
}

/// A drawing area with the few primitives the charts use.
struct Canvas<'a, 'b> {
    area: &'b DrawingArea<SVGBackend<'a>, Shift>,
}

impl Canvas<'_, '_> {
    fn line(&self, points: &[(f64, f64)], color: RGBColor, width: u32) -> Option<()> {
        if points.len() < 2 {
            return Some(());
        }
        let points: Vec<(i32, i32)> = points.iter().copied().map(pixel).collect();
        self.area
            .draw(&PathElement::new(points, color.stroke_width(width)))
            .ok()
    }

    fn dashed(&self, points: &[(f64, f64)], color: RGBColor, width: u32) -> Option<()> {
        let points: Vec<(i32, i32)> = points.iter().copied().map(pixel).collect();
        self.area
            .draw(&DashedPathElement::new(
                points,
                6,
                4,
                color.stroke_width(width),
            ))
            .ok()
    }

    fn polygon(&self, points: &[(f64, f64)], color: RGBColor) -> Option<()> {
        let points: Vec<(i32, i32)> = points.iter().copied().map(pixel).collect();
        self.area.draw(&Polygon::new(points, color.filled())).ok()
    }

    fn rect(&self, area: Rect, color: RGBColor) -> Option<()> {
        let corners = [pixel((area.x0, area.y0)), pixel((area.x1, area.y1))];
        self.area
            .draw(&Rectangle::new(corners, color.filled()))
            .ok()
    }

    fn outline(&self, area: Rect, color: RGBColor) -> Option<()> {
        let corners = [pixel((area.x0, area.y0)), pixel((area.x1, area.y1))];
        self.area
            .draw(&Rectangle::new(corners, color.stroke_width(1)))
            .ok()
    }

    fn circle(&self, at: (f64, f64), radius: i32, color: RGBColor) -> Option<()> {
        self.area
            .draw(&Circle::new(pixel(at), radius, color.filled()))
            .ok()
    }

    fn text(&self, text: &str, at: (f64, f64), font: Font) -> Option<()> {
        let style = TextStyle::from(FontDesc::new(
            FontFamily::SansSerif,
            plotters_font_size(font.px),
            FontStyle::Normal,
        ))
        .color(&font.color)
        .pos(Pos::new(font.anchor, VPos::Center));
        self.area
            .draw(&Text::new(text.to_string(), pixel(at), style))
            .ok()
    }

    fn diamond(&self, (x, y): (f64, f64), r: f64, color: RGBColor) -> Option<()> {
        self.polygon(&[(x, y - r), (x + r, y), (x, y + r), (x - r, y)], color)
    }

    fn mark(&self, mark: Mark, at: (f64, f64)) -> Option<()> {
        let (x, y) = at;
        match mark {
            Mark::Value => {
                self.circle(at, VALUE_RADIUS + 2, PAPER)?;
                self.circle(at, VALUE_RADIUS, VALUE)
            }
            Mark::Monitoring => {
                self.circle(at, VALUE_RADIUS + 2, PAPER)?;
                self.circle(at, VALUE_RADIUS, VALUE)?;
                self.circle(at, VALUE_RADIUS - 2, PAPER)
            }
            Mark::Target => self.diamond(at, DIAMOND, TARGET),
            Mark::OriginalTarget => {
                self.diamond(at, DIAMOND, TARGET)?;
                self.diamond(at, DIAMOND - 3.0, PAPER)
            }
            Mark::National => {
                let s = SMALL_MARK;
                self.polygon(
                    &[
                        (x - s, y - s),
                        (x + s, y - s),
                        (x + s, y + s),
                        (x - s, y + s),
                    ],
                    BENCHMARK,
                )
            }
            Mark::Cluster => {
                let s = SMALL_MARK;
                self.line(&[(x - s, y - s), (x + s, y + s)], BENCHMARK, 2)?;
                self.line(&[(x - s, y + s), (x + s, y - s)], BENCHMARK, 2)
            }
            Mark::Status(status) => {
                let color = status_look(status).color;
                let s = SMALL_MARK;
                match status {
                    Status::Raggiunto => self.circle(at, 6, color),
                    Status::ParzialmenteRaggiunto => self.polygon(
                        &[(x, y - s - 1.0), (x + s + 1.0, y + s), (x - s - 1.0, y + s)],
                        color,
                    ),
                    Status::NonRaggiunto => {
                        self.line(&[(x - s, y - s), (x + s, y + s)], color, 3)?;
                        self.line(&[(x - s, y + s), (x + s, y - s)], color, 3)
                    }
                    Status::NonValutabile => {
                        self.circle(at, 6, color)?;
                        self.circle(at, 4, PAPER)
                    }
                }
            }
            Mark::Swatch(status) => {
                let area = Rect::around(at, 0.0).grow(SAMPLE_WIDTH / 2.0, 8.0);
                self.status_fill(status, area)
            }
        }
    }

    /// A box in a status's fill and pattern, outlined in its colour.
    fn status_fill(&self, status: Status, area: Rect) -> Option<()> {
        let look = status_look(status);
        self.rect(area, look.tint)?;
        match look.pattern {
            Pattern::Solid | Pattern::Plain => {}
            Pattern::Stripes => self.line(&hatch(area, 7.0, false), look.color, 2)?,
            Pattern::CrossHatch => {
                self.line(&hatch(area, 9.0, false), look.color, 1)?;
                self.line(&hatch(area, 9.0, true), look.color, 1)?;
            }
        }
        self.outline(area, look.color)
    }
}

/// Draws with plotters into a string, then makes the root fit for inline
/// HTML: no fixed size (the page's CSS scales the viewBox), an accessible
/// name and description, no focus stop.
fn render(
    id: &str,
    text: &ChartText,
    size: (u32, u32),
    class: &str,
    draw: impl FnOnce(&Canvas) -> Option<()>,
) -> Option<String> {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        area.fill(&PAPER).ok()?;
        draw(&Canvas { area: &area })?;
        area.present().ok()?;
    }
    let body = match svg.find("?>") {
        Some(end) if svg.starts_with("<?xml") => &svg[end + 2..],
        _ => &svg,
    }
    .trim_start();
    if !body.starts_with("<svg") {
        return None;
    }
    let rest = &body[body.find('>')? + 1..];
    let id = escape(id);
    let mut out = String::with_capacity(svg.len() + 512);
    write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" class=\"{class}\" \
         role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" focusable=\"false\">\n\
         <title id=\"{id}-title\">{title}</title>\n<desc id=\"{id}-desc\">{desc}</desc>",
        w = size.0,
        h = size.1,
        title = escape(text.title),
        desc = escape(text.description),
    )
    .ok()?;
    out.push_str(&tidy_font_sizes(rest)?);
    Some(out)
}

/// Text for XML content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::testing::d;
    use super::*;

    #[test]
    fn axis_ticks_are_round_and_few() {
        let axis = |values: &[&str]| {
            let values: Vec<Decimal> = values.iter().map(|v| d(v)).collect();
            let axis = Axis::for_values(&values, false).expect("axis");
            let ticks: Vec<String> = axis.ticks.iter().map(|t| t.to_string()).collect();
            (ticks, axis.decimals)
        };
        assert_eq!(axis(&["10.03", "23"]).0, ["0", "5", "10", "15", "20", "25"]);
        assert_eq!(
            axis(&["-9.65", "31.28"]).0,
            ["-10", "0", "10", "20", "30", "40"]
        );
        assert_eq!(
            axis(&["110", "245"]).0,
            ["0", "50", "100", "150", "200", "250"]
        );
        // Far from zero: zero is left out.
        assert_eq!(
            axis(&["95.5", "98.2"]),
            (
                vec![
                    "95".into(),
                    "96".into(),
                    "97".into(),
                    "98".into(),
                    "99".into()
                ],
                0
            )
        );
        // Far from zero below it too; near it, zero is the top.
        assert_eq!(
            axis(&["-30", "-20"]).0,
            ["-30", "-28", "-26", "-24", "-22", "-20"]
        );
        assert_eq!(axis(&["-30", "-10"]).0, ["-30", "-20", "-10", "0"]);
        let (ticks, decimals) = axis(&["0.17", "0.21"]);
        assert_eq!((ticks.len(), decimals), (5, 2));
        assert_eq!(axis(&["0", "0"]), (vec!["0".into(), "1".into()], 0));
        assert_eq!(axis(&["5", "5"]).0, ["0", "1", "2", "3", "4", "5"]);
        for values in [
            &["1", "1000000"][..],
            &["-3", "7"],
            &["0.001", "0.002"],
            &["5", "5"],
        ] {
            let (ticks, _) = axis(values);
            assert!(
                (2..=MAX_TICKS).contains(&ticks.len()),
                "{values:?}: {ticks:?}"
            );
        }
    }

    /// Chartability: text of at least 12 px. On a 375 px phone the page's
    /// column is 343 px wide, and the compact frame is drawn at that width.
    #[test]
    fn the_compact_frame_keeps_text_at_12_px_on_a_phone() {
        let column = 375.0 - 2.0 * 16.0;
        let frame = Frame::COMPACT;
        let smallest = frame.small.min(frame.text) * column / f64::from(frame.width);
        assert!(smallest >= 12.0, "{smallest} px");
        // The wide frame is shown from 64rem, in a column up to 60rem:
        // its text is never scaled below its own size by much.
        let wide = Frame::WIDE;
        let narrowest: f64 = 1024.0 - 2.0 * 16.0;
        let scale = narrowest.min(f64::from(wide.width)) / f64::from(wide.width);
        assert!(wide.small * scale >= 12.0);
    }

    #[test]
    fn wrapped_labels_keep_every_word() {
        let text = "Perseguire un costante miglioramento nei tempi di pagamento (fornitori e beneficiari di contributi)";
        let lines = wrap(text, 18.0, 120.0, 400.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.join(" ").trim(), text);
        assert!(lines[0].is_empty() || text_width(&lines[0], 18.0) <= 120.0);
        for line in &lines[1..] {
            assert!(text_width(line, 18.0) <= 400.0, "{line}");
        }
        // A word too wide for the first line starts the second.
        let lines = wrap("Internazionalizzazione delle imprese", 18.0, 60.0, 400.0);
        assert_eq!(lines, ["", "Internazionalizzazione delle imprese"]);
    }

    #[test]
    fn hatching_stays_inside_its_box() {
        let area = Rect {
            x0: 10.0,
            y0: 20.0,
            x1: 110.0,
            y1: 46.0,
        };
        for mirror in [false, true] {
            let points = hatch(area, 7.0, mirror);
            assert!(points.len() > 20);
            for (x, y) in &points {
                assert!(
                    (10.0..=110.0).contains(x) && (20.0..=46.0).contains(y),
                    "{x},{y}"
                );
            }
            // Consecutive points never cut across the box's inside except
            // along the 45-degree lines.
            for pair in points.windows(2) {
                let (dx, dy) = (pair[1].0 - pair[0].0, pair[1].1 - pair[0].1);
                let diagonal = (dx.abs() - dy.abs()).abs() < 1e-9;
                let along_edge = dx == 0.0 || dy == 0.0;
                assert!(diagonal || along_edge, "{pair:?}");
            }
        }
    }
}
