//! The achievement chart: one bar per objective, with the thresholds.

use plotters::style::text_anchor::HPos;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::{
    AXIS, Axis, ChartText, Font, Frame, INK, MAX_TICKS, MUTED, Mark, PAPER, Rect, SMALL_MARK,
    render, text_width, wrap,
};
use crate::engine::scoring::Status;
use crate::model::Unit;
use crate::render::format::NumberFormat;

/// One objective's achievement.
#[derive(Debug, Clone, Copy)]
pub struct Bar<'a> {
    pub label: &'a str,
    /// Achievement in % (0 to the cap).
    pub value: Decimal,
    pub status: Status,
    pub status_label: &'a str,
}

/// The words of the achievement chart.
#[derive(Debug, Clone, Copy)]
pub struct BarLabels<'a> {
    /// Under the axis: "Grado di raggiungimento".
    pub axis: &'a str,
    /// Over the line at `partial_from`: "soglia parziale 70%".
    pub partial_threshold: &'a str,
    /// Over the line at 100: "pieno 100%".
    pub full_threshold: &'a str,
}

/// Horizontal bars of achievement, one per objective in the caller's order,
/// with reference lines at `partial_from` and 100. Each bar's status is
/// shown by its pattern, a marker and its written label. `None` without bars.
pub fn achievement_svg(
    id: &str,
    text: ChartText,
    labels: BarLabels,
    bars: &[Bar],
    partial_from: Decimal,
    format: &NumberFormat,
    frame: Frame,
) -> Option<String> {
    let (text_px, small_px) = (frame.text, frame.small);
    if bars.is_empty() {
        return None;
    }
    let hundred = Decimal::ONE_HUNDRED;
    let top_value = bars
        .iter()
        .map(|b| b.value)
        .chain([hundred, partial_from])
        .max()?;
    let axis = Axis::between(Decimal::ZERO, top_value, MAX_TICKS)?;
    let axis_max = axis.max.to_f64()?;

    let width = f64::from(frame.width);
    let left = 20.0;
    // Room at the right for half the last tick's label, centred on it.
    let last_tick = format.value(axis.max, Unit::Percent, axis.decimals);
    let right = (width - 6.0 - text_width(&last_tick, small_px) / 2.0).min(width - 24.0);
    let x = |value: f64| left + value.clamp(0.0, axis_max) / axis_max * (right - left);

    // Threshold labels over their lines, on two rows when they would touch.
    let row_height = frame.line();
    let thresholds = Threshold::lay_out(
        [
            (x(partial_from.to_f64()?), labels.partial_threshold, true),
            (x(100.0), labels.full_threshold, false),
        ],
        (4.0, width - 4.0),
        8.0,
        row_height,
        small_px,
    );
    let bars_top = thresholds
        .iter()
        .map(|t| t.y + row_height / 2.0 + 6.0)
        .fold(0.0, f64::max);

    // Each row: the objective's whole name on as many lines as it takes
    // (its status at the right of the first), then the bar.
    let bar_height = (text_px * 1.1).round();
    let mut rows: Vec<Row> = Vec::new();
    let mut top = bars_top;
    for bar in bars {
        let row = Row::lay_out(bar, top, (left, right), format, frame);
        top = row.bar_top() + bar_height + 14.0;
        rows.push(row);
    }
    let axis_y = top - 8.0;
    let ticks_y = axis_y + 8.0 + small_px / 2.0;
    let title_y = ticks_y + small_px + 8.0;
    let height = (title_y + small_px / 2.0 + 10.0).ceil();
    let size = (frame.width, height as u32);

    render(id, &text, size, frame.class, |c| {
        c.line(&[(left, bars_top), (left, axis_y)], AXIS, 1)?;
        c.line(&[(left, axis_y), (right, axis_y)], AXIS, 1)?;
        for tick in &axis.ticks {
            let tx = x(tick.to_f64()?);
            c.line(&[(tx, axis_y), (tx, axis_y + 5.0)], AXIS, 1)?;
            let label = format.value(*tick, Unit::Percent, axis.decimals);
            c.text(
                &label,
                (tx, ticks_y),
                Font::new(small_px, MUTED, HPos::Center),
            )?;
        }
        c.text(
            labels.axis,
            ((left + right) / 2.0, title_y),
            Font::new(small_px, INK, HPos::Center),
        )?;

        for row in &rows {
            let bar_top = row.bar_top();
            let value = row.bar.value.to_f64()?;
            if row.bar.status != Status::NonValutabile && value > 0.0 {
                let area = Rect {
                    x0: left,
                    y0: bar_top,
                    x1: x(value).max(left + 2.0),
                    y1: bar_top + bar_height,
                };
                c.status_fill(row.bar.status, area)?;
            }
            for (i, line) in row.lines.iter().enumerate() {
                let y = row.top + row.line * (i as f64 + 0.5);
                c.text(line, (left, y), Font::new(text_px, INK, HPos::Left))?;
            }
            let y = row.top + row.line / 2.0;
            if let Some(amount) = &row.amount {
                c.text(
                    amount,
                    (row.amount_x, y),
                    Font::new(text_px, INK, HPos::Right),
                )?;
            }
            c.mark(Mark::Status(row.bar.status), (row.marker_x, y))?;
            let status_end = (right - STATUS_INSET, y);
            c.text(
                row.bar.status_label,
                status_end,
                Font::new(text_px, INK, HPos::Right),
            )?;
        }

        // The reference lines, over the bars, broken where they would cross
        // a row's words or the other line's label.
        for (i, line) in thresholds.iter().enumerate() {
            let mut blocked: Vec<(f64, f64)> = rows
                .iter()
                .filter_map(|row| row.words_cover(line.x))
                .collect();
            for (j, other) in thresholds.iter().enumerate() {
                if i != j && other.y > line.y && other.covers(line.x) {
                    blocked.push((other.y - row_height / 2.0, other.y + row_height / 2.0));
                }
            }
            blocked.sort_by(|a, b| a.0.total_cmp(&b.0));
            let mut from = line.y + row_height / 2.0 - 2.0;
            let mut pieces = Vec::new();
            for (start, end) in blocked {
                pieces.push((from, start));
                from = from.max(end);
            }
            pieces.push((from, axis_y));
            for (y0, y1) in pieces {
                if y1 - y0 < 2.0 {
                    continue;
                }
                let segment = [(line.x, y0), (line.x, y1)];
                c.line(&segment, PAPER, 4)?;
                if line.dashed {
                    c.dashed(&segment, INK, 2)?;
                } else {
                    c.line(&segment, INK, 2)?;
                }
            }
            let font = Font::new(small_px, INK, line.anchor);
            c.text(line.label, (line.label_x, line.y), font)?;
        }
        Some(())
    })
}

/// Room between the status words and the right end of the axis, where the
/// line at 100 usually stands.
const STATUS_INSET: f64 = 6.0;

/// One bar's row, laid out: its words over the bar.
#[derive(Debug)]
struct Row<'a> {
    bar: &'a Bar<'a>,
    top: f64,
    /// The height of a line of words.
    line: f64,
    /// The objective's whole name, in lines: the first leaves room for
    /// the status (and may be empty), the others take the whole width.
    lines: Vec<String>,
    /// Where the longest line ends, and the first.
    label_end: f64,
    first_end: f64,
    /// The achievement, right-aligned at `amount_x`; none when not assessed.
    amount: Option<String>,
    amount_x: f64,
    marker_x: f64,
    /// Where the status words start.
    words_start: f64,
}

impl<'a> Row<'a> {
    fn lay_out(
        bar: &'a Bar<'a>,
        top: f64,
        (left, right): (f64, f64),
        format: &NumberFormat,
        frame: Frame,
    ) -> Self {
        let px = frame.text;
        let status_start = right - STATUS_INSET - text_width(bar.status_label, px);
        let marker_x = status_start - 6.0 - SMALL_MARK;
        let amount_x = marker_x - SMALL_MARK - 8.0;
        let amount = (bar.status != Status::NonValutabile).then(|| format.percent(bar.value));
        let words_start = match &amount {
            Some(a) => amount_x - text_width(a, px),
            None => marker_x - SMALL_MARK,
        };
        let lines = wrap(
            bar.label,
            px,
            (words_start - 16.0 - left).max(0.0),
            right - left,
        );
        let label_end = left + lines.iter().map(|l| text_width(l, px)).fold(0.0, f64::max);
        let first_end = left + lines.first().map_or(0.0, |l| text_width(l, px));
        Row {
            bar,
            top,
            line: frame.line(),
            lines,
            label_end,
            first_end,
            amount,
            amount_x,
            marker_x,
            words_start,
        }
    }

    fn bar_top(&self) -> f64 {
        self.top + self.line * self.lines.len().max(1) as f64 + 4.0
    }

    /// The stretch of a vertical line at `x` the row's words would cross.
    fn words_cover(&self, x: f64) -> Option<(f64, f64)> {
        let first_line = (self.top, self.top + self.line);
        let below_first = (self.top + self.line, self.bar_top() - 4.0);
        let on_first = x <= self.first_end + 4.0 || x >= self.words_start - 4.0;
        let on_others = self.lines.len() > 1 && x <= self.label_end + 4.0;
        match (on_first, on_others) {
            (true, true) => Some((first_line.0, below_first.1)),
            (true, false) => Some(first_line),
            (false, true) => Some(below_first),
            (false, false) => None,
        }
    }
}

/// A reference line of the achievement chart and its label.
#[derive(Clone, Copy)]
struct Threshold<'a> {
    x: f64,
    label: &'a str,
    dashed: bool,
    /// Where the label is anchored, and how.
    label_x: f64,
    anchor: HPos,
    /// The middle of the label's row; the line starts under it.
    y: f64,
    extent: (f64, f64),
}

impl<'a> Threshold<'a> {
    /// Labels centred over their lines, inside `(lo, hi)`. When two would
    /// touch, the right line's label goes on the first row and the left
    /// one's on the second, ending at its line, so that neither label
    /// stands over the other line.
    fn lay_out(
        lines: [(f64, &'a str, bool); 2],
        (lo, hi): (f64, f64),
        top: f64,
        row_height: f64,
        px: f64,
    ) -> [Threshold<'a>; 2] {
        let first_row = top + row_height / 2.0;
        let centred = |(x, label, dashed): (f64, &'a str, bool)| {
            let extent = clamp_box(label, x, px, lo, hi);
            Threshold {
                x,
                label,
                dashed,
                label_x: (extent.0 + extent.1) / 2.0,
                anchor: HPos::Center,
                y: first_row,
                extent,
            }
        };
        let [a, b] = lines.map(centred);
        if a.extent.1 + 10.0 <= b.extent.0 || b.extent.1 + 10.0 <= a.extent.0 {
            return [a, b];
        }
        let (left, right) = if a.x <= b.x { (a, b) } else { (b, a) };
        let width = text_width(left.label, px);
        let end = left.x.max(lo + width);
        let lower = Threshold {
            label_x: end,
            anchor: HPos::Right,
            y: first_row + row_height,
            extent: (end - width, end),
            ..left
        };
        if a.x <= b.x {
            [lower, right]
        } else {
            [right, lower]
        }
    }

    fn covers(&self, x: f64) -> bool {
        (self.extent.0 - 4.0..=self.extent.1 + 4.0).contains(&x)
    }
}

/// The horizontal extent of a label centred at `x`, moved inside `[lo, hi]`.
fn clamp_box(label: &str, x: f64, px: f64, lo: f64, hi: f64) -> (f64, f64) {
    let w = text_width(label, px);
    let x0 = (x - w / 2.0).min(hi - w).max(lo);
    (x0, x0 + w)
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;
    use crate::model::Language;

    const BAR_LABELS: BarLabels<'static> = BarLabels {
        axis: "Grado di raggiungimento",
        partial_threshold: "soglia parziale 70%",
        full_threshold: "pieno 100%",
    };

    fn sample_bars() -> Vec<Bar<'static>> {
        vec![
            Bar {
                label: "1.1 Transizione digitale e semplificazione dei servizi alle imprese",
                value: d("100"),
                status: Status::Raggiunto,
                status_label: "Raggiunto",
            },
            Bar {
                label: "1.2 Internazionalizzazione",
                value: d("96.95"),
                status: Status::ParzialmenteRaggiunto,
                status_label: "Parzialmente raggiunto",
            },
            Bar {
                label: "2.1 Salute gestionale",
                value: d("41.5"),
                status: Status::NonRaggiunto,
                status_label: "Non raggiunto",
            },
            Bar {
                label: "3.1 Prevenzione della corruzione",
                value: d("0"),
                status: Status::NonValutabile,
                status_label: "Non valutabile",
            },
        ]
    }

    #[test]
    fn achievement_has_a_bar_per_objective_and_both_thresholds() {
        let format = it();
        let bars = sample_bars();
        let svg = achievement_svg(
            "ach",
            TEXT,
            BAR_LABELS,
            &bars,
            d("70"),
            &format,
            Frame::COMPACT,
        )
        .expect("chart");
        assert!(svg.contains("aria-labelledby=\"ach-title ach-desc\""));
        // Three bars drawn; the objective that could not be assessed has none.
        let drawn = outlines(&svg);
        assert_eq!(drawn.len(), 3);
        let full = drawn[0].2;
        assert!((drawn[1].2 / full - 0.9695).abs() < 0.01);
        assert!((drawn[2].2 / full - 0.415).abs() < 0.01);
        // Every objective's words: label, achievement and status.
        for text in ["96,95%", "100,00%", "41,50%", "Raggiunto", "Non valutabile"] {
            assert!(has_text(&svg, text), "{text}");
        }
        assert!(!has_text(&svg, "0,00%"));
        // Each objective's whole name, on as many lines as it takes: two
        // names that begin alike never read the same.
        let words: Vec<&str> = texts(&svg).into_iter().map(|(_, t)| t).collect();
        let all = words.join(" ");
        for bar in &bars {
            assert!(all.contains(bar.label), "{} in {all}", bar.label);
        }
        assert!(!all.contains('…'), "{all}");
        // The thresholds: a labelled dashed line at 70 and a solid one at 100.
        let x = |value: f64| drawn[0].0 + value / 100.0 * full;
        assert!(has_text(&svg, "soglia parziale 70%") && has_text(&svg, "pieno 100%"));
        let vertical_at = |at: f64| {
            tags(&svg, "polyline")
                .into_iter()
                .filter(|l| attr(l, "stroke") == Some("#1A1A1A"))
                .filter(|l| {
                    let points = attr(l, "points").expect("points");
                    points.split_whitespace().all(|p| {
                        (p.split(',').next().expect("x").parse::<f64>().expect("x") - at).abs()
                            <= 1.0
                    })
                })
                .count()
        };
        assert!(vertical_at(x(70.0)) > 10, "dashed line at 70");
        assert!(
            (1..=10).contains(&vertical_at(x(100.0))),
            "solid line at 100"
        );
        // Status markers differ in shape: circle, triangle, cross, ring.
        assert!(
            tags(&svg, "circle")
                .iter()
                .any(|c| attr(c, "fill") == Some("#2E7D32"))
        );
        assert_eq!(polygons_filled(&svg, "#8A4F00").len(), 1);
        assert_eq!(
            achievement_svg("e", TEXT, BAR_LABELS, &[], d("70"), &format, Frame::COMPACT),
            None
        );
    }

    #[test]
    fn same_input_same_bytes() {
        let format = it();
        let bars = sample_bars();
        let make = || {
            achievement_svg(
                "a",
                TEXT,
                BAR_LABELS,
                &bars,
                d("70"),
                &format,
                Frame::COMPACT,
            )
            .expect("chart")
        };
        assert_eq!(make(), make());
    }

    #[test]
    fn sample_is_legible() {
        let bars = sample_bars();
        assert_legible(
            &achievement_svg("a", TEXT, BAR_LABELS, &bars, d("70"), &it(), Frame::COMPACT)
                .expect("chart"),
        );
    }

    #[test]
    #[ignore]
    fn write_samples() {
        let format = it();
        let bars = sample_bars();
        let en = NumberFormat::for_language(Language::En);
        let close = BarLabels {
            axis: "Achievement",
            partial_threshold: "partial threshold 95%",
            full_threshold: "full 100%",
        };
        super::super::testing::write_samples(vec![
            (
                "achievement",
                achievement_svg(
                    "a",
                    TEXT,
                    BAR_LABELS,
                    &bars,
                    d("70"),
                    &format,
                    Frame::COMPACT,
                ),
            ),
            (
                "close",
                achievement_svg("c", TEXT, close, &bars[1..3], d("95"), &en, Frame::WIDE),
            ),
        ]);
    }
}
