//! The chart of an indicator's series: its yearly values against its
//! targets and benchmarks.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;

use plotters::style::text_anchor::HPos;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::{
    AXIS, Axis, ChartText, DIAMOND, Font, Frame, GRID, MUTED, Mark, PAPER, Rect, SMALL_MARK,
    TARGET, VALUE, VALUE_RADIUS, draw_legend, legend_layout, render, text_box, text_width,
};
use crate::model::{Unit, Year};
use crate::render::format::NumberFormat;

/// The words of a series chart's legend.
#[derive(Debug, Clone, Copy)]
pub struct SeriesLabels<'a> {
    pub value: &'a str,
    pub target: &'a str,
    pub original_target: &'a str,
    /// Written at the foot of a year whose value is not available: "n.d.".
    pub not_available: &'a str,
    pub national_mean: &'a str,
    pub cluster_mean: &'a str,
    /// A value that is a monitoring reading, not yet final.
    pub monitoring: &'a str,
    /// Under the plot when the y axis does not start at zero.
    pub axis_not_from_zero: &'a str,
}

/// The target of one year, in the indicator's unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TargetMark {
    pub year: Year,
    /// The target in force.
    pub value: Decimal,
    /// The value before a revision, if the target was revised.
    pub original: Option<Decimal>,
}

/// The benchmarks of one year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Benchmarks {
    pub year: Year,
    pub national: Option<Decimal>,
    pub cluster: Option<Decimal>,
}

/// An indicator's yearly values against its targets and benchmarks.
#[derive(Debug, Clone)]
pub struct SeriesChart<'a> {
    /// Unique in the page, without spaces: the ids inside the SVG start with it.
    pub id: &'a str,
    /// The y axis starts at zero (counts, shares); otherwise it may leave
    /// zero out when the values are far from it, and says so.
    pub from_zero: bool,
    pub text: ChartText<'a>,
    pub labels: SeriesLabels<'a>,
    pub unit: Unit,
    /// Decimals of the values written next to the points.
    pub decimals: u32,
    pub format: &'a NumberFormat,
    /// The x axis: every year of it gets a place, even without data.
    pub years: RangeInclusive<Year>,
    /// `None`: not available (ND), drawn as a gap, never as zero.
    pub values: Vec<(Year, Option<Decimal>)>,
    /// Years whose value is a monitoring reading: a hollow marker.
    pub monitoring: Vec<Year>,
    pub targets: Vec<TargetMark>,
    pub benchmarks: Vec<Benchmarks>,
}

/// Benchmarks sit beside the year's x, national left and cluster right.
const BENCHMARK_SHIFT: f64 = 14.0;

/// The chart of an indicator's series, or `None` when there is nothing to
/// draw: no available value, or fewer than two numbers among the values
/// and the targets (only years in `years` count).
///
/// Values: a solid line with filled circles, each value written beside its
/// point, the line broken at years without a value; a year given as `None`
/// gets the `not_available` note at the foot of the plot. Targets: filled
/// diamonds; the original of a revised one a hollow diamond joined to it by
/// dashes; a target the value's marker would hide stands just right of it.
/// Benchmarks: a square (national) left of the year, a cross (cluster)
/// right of it. The legend lists only what is drawn.
pub fn series_svg(chart: &SeriesChart, frame: Frame) -> Option<String> {
    let (text_px, small_px) = (frame.text, frame.small);
    let (first, last) = (*chart.years.start(), *chart.years.end());
    // A century of years is no chart (and keeps the arithmetic small).
    if first > last || i64::from(last) - i64::from(first) >= 100 {
        return None;
    }
    let years: Vec<Year> = chart.years.clone().collect();
    let in_range = |year: &Year| chart.years.contains(year);

    let values: BTreeMap<Year, Option<Decimal>> = chart
        .values
        .iter()
        .filter(|(year, _)| in_range(year))
        .copied()
        .collect();
    let points: Vec<(Year, Decimal)> = values
        .iter()
        .filter_map(|(year, value)| value.map(|v| (*year, v)))
        .collect();
    // The original is drawn only when the revision changed the value.
    let targets: BTreeMap<Year, (Decimal, Option<Decimal>)> = chart
        .targets
        .iter()
        .filter(|t| in_range(&t.year))
        .map(|t| (t.year, (t.value, t.original.filter(|o| *o != t.value))))
        .collect();
    let benchmarks: BTreeMap<Year, (Option<Decimal>, Option<Decimal>)> = chart
        .benchmarks
        .iter()
        .filter(|b| in_range(&b.year) && (b.national.is_some() || b.cluster.is_some()))
        .map(|b| (b.year, (b.national, b.cluster)))
        .collect();
    if points.is_empty() || points.len() + targets.len() < 2 {
        return None;
    }

    let numbers: Vec<Decimal> = points
        .iter()
        .map(|(_, v)| *v)
        .chain(
            targets
                .values()
                .flat_map(|(v, o)| std::iter::once(*v).chain(*o)),
        )
        .chain(
            benchmarks
                .values()
                .flat_map(|(n, c)| n.iter().chain(c).copied()),
        )
        .collect();
    let axis = Axis::for_values(&numbers, chart.from_zero)?;

    let format = chart.format;
    let unit = chart.unit;
    let tick_labels: Vec<String> = axis
        .ticks
        .iter()
        .map(|t| match unit {
            Unit::Date => format.number(*t, axis.decimals),
            unit => format.value(*t, unit, axis.decimals),
        })
        .collect();

    // Legend: only what is drawn.
    let labels = &chart.labels;
    let mut legend = vec![(Mark::Value, labels.value)];
    if !chart.monitoring.is_empty() {
        legend.push((Mark::Monitoring, labels.monitoring));
    }
    if !targets.is_empty() {
        legend.push((Mark::Target, labels.target));
    }
    if targets.values().any(|(_, o)| o.is_some()) {
        legend.push((Mark::OriginalTarget, labels.original_target));
    }
    if benchmarks.values().any(|(n, _)| n.is_some()) {
        legend.push((Mark::National, labels.national_mean));
    }
    if benchmarks.values().any(|(_, c)| c.is_some()) {
        legend.push((Mark::Cluster, labels.cluster_mean));
    }

    let width = f64::from(frame.width);
    // An axis without zero says so under the years.
    let without_zero = axis.min > Decimal::ZERO || axis.max < Decimal::ZERO;
    let note_height = if without_zero { frame.line() } else { 0.0 };
    let height = (300.0 + 2.0 * frame.line() + note_height).round();
    let tick_width = tick_labels
        .iter()
        .map(|l| text_width(l, text_px))
        .fold(0.0, f64::max);
    let left = (8.0 + tick_width + 10.0).round();
    let right = width - 12.0;
    let (legend_places, legend_bottom) = legend_layout(&legend, (8.0, width - 8.0), 6.0, frame);
    let plot = Plot {
        left,
        right,
        top: legend_bottom + 16.0,
        bottom: height - note_height - 12.0 - text_px,
        // An axis that starts at zero stands on the x axis; any other
        // starts a little above it, so that the lowest points and their
        // labels stay off the axis line.
        lift: if axis.min.is_zero() { 0.0 } else { 12.0 },
        first,
        count: years.len(),
        min: axis.min.to_f64()?,
        max: axis.max.to_f64()?,
    };

    let size = (frame.width, height as u32);
    render(chart.id, &chart.text, size, frame.class, |c| {
        // What value labels must not cover.
        let mut obstacles: Vec<Rect> = Vec::new();
        let mut segments: Vec<Segment> = Vec::new();

        // Grid, axes and tick labels.
        for (tick, label) in axis.ticks.iter().zip(&tick_labels) {
            let y = plot.y(tick.to_f64()?);
            let color = if tick.is_zero() { AXIS } else { GRID };
            c.line(&[(plot.left, y), (plot.right, y)], color, 1)?;
            let at = (plot.left - 10.0, y);
            c.text(label, at, Font::new(text_px, MUTED, HPos::Right))?;
            obstacles.push(text_box(label, at, text_px, HPos::Right));
        }
        c.line(
            &[(plot.left, plot.bottom), (plot.right, plot.bottom)],
            AXIS,
            1,
        )?;
        let year_width = text_width("0000", text_px) + 6.0;
        let every = (year_width / plot.band()).ceil().max(1.0) as usize;
        for (i, year) in years.iter().enumerate() {
            let x = plot.x(*year);
            c.line(&[(x, plot.bottom), (x, plot.bottom + 5.0)], AXIS, 1)?;
            if i % every == 0 {
                let y = plot.bottom + 8.0 + text_px / 2.0;
                c.text(
                    &year.to_string(),
                    (x, y),
                    Font::new(text_px, MUTED, HPos::Center),
                )?;
            }
        }

        for (year, (national, cluster)) in &benchmarks {
            let x = plot.x(*year);
            if let Some(n) = national {
                let at = (x - BENCHMARK_SHIFT, plot.y(n.to_f64()?));
                c.mark(Mark::National, at)?;
                obstacles.push(Rect::around(at, SMALL_MARK + 1.0));
            }
            if let Some(cl) = cluster {
                let at = (x + BENCHMARK_SHIFT, plot.y(cl.to_f64()?));
                c.mark(Mark::Cluster, at)?;
                obstacles.push(Rect::around(at, SMALL_MARK + 1.0));
            }
        }

        // The values' line, broken where a year has no value.
        let mut run: Vec<(f64, f64)> = Vec::new();
        let mut previous: Option<Year> = None;
        for (year, value) in &points {
            let at = (plot.x(*year), plot.y(value.to_f64()?));
            if previous.is_some_and(|p| p.checked_add(1) != Some(*year)) {
                c.line(&run, VALUE, 3)?;
                run.clear();
            }
            if let Some(&from) = run.last() {
                segments.push((from, at));
            }
            run.push(at);
            previous = Some(*year);
        }
        c.line(&run, VALUE, 3)?;

        let markers: Vec<(f64, f64)> = points
            .iter()
            .map(|(year, value)| Some((plot.x(*year), plot.y(value.to_f64()?))))
            .collect::<Option<_>>()?;
        let marker_of: BTreeMap<Year, (f64, f64)> = points
            .iter()
            .map(|(year, _)| *year)
            .zip(markers.iter().copied())
            .collect();
        // A target the value's marker would hide stands beside it, right.
        let beside_value = |year: Year, y: f64| match marker_of.get(&year) {
            Some(&(x, value_y)) if (value_y - y).abs() < DIAMOND + f64::from(VALUE_RADIUS) => {
                x + DIAMOND + f64::from(VALUE_RADIUS) + 3.0
            }
            _ => plot.x(year),
        };

        // Targets: the original of a revised one hollow, joined by a dashed
        // line to the one in force.
        for (year, (value, original)) in &targets {
            let y = plot.y(value.to_f64()?);
            let at = (beside_value(*year, y), y);
            if let Some(original) = original {
                let y = plot.y(original.to_f64()?);
                let mut from = (beside_value(*year, y), y);
                // So close that the marker in force would hide it: beside.
                if from.0 == at.0 && (at.1 - from.1).abs() < 2.0 * DIAMOND + 2.0 {
                    from.0 = at.0 - 2.0 * DIAMOND - 2.0;
                }
                c.mark(Mark::OriginalTarget, from)?;
                obstacles.push(Rect::around(from, DIAMOND + 1.0));
                let gap = DIAMOND + 2.0;
                if from.0 == at.0 && (at.1 - from.1).abs() > 2.0 * gap + 4.0 {
                    let sign = (at.1 - from.1).signum();
                    let (a, b) = ((at.0, from.1 + sign * gap), (at.0, at.1 - sign * gap));
                    c.dashed(&[a, b], TARGET, 2)?;
                    segments.push((a, b));
                }
            }
            c.mark(Mark::Target, at)?;
            obstacles.push(Rect::around(at, DIAMOND + 1.0));
        }

        for ((year, _), at) in points.iter().zip(&markers) {
            let mark = if chart.monitoring.contains(year) {
                Mark::Monitoring
            } else {
                Mark::Value
            };
            c.mark(mark, *at)?;
            obstacles.push(Rect::around(*at, f64::from(VALUE_RADIUS) + 2.0));
        }

        // Not available: a note at the foot of the plot, no marker; higher
        // up when a target or benchmark sits there.
        for (year, value) in &values {
            if value.is_some() {
                continue;
            }
            let mut at = (plot.x(*year), plot.bottom - 4.0 - small_px / 2.0);
            let note = |at| text_box(labels.not_available, at, small_px, HPos::Center);
            while obstacles.iter().any(|o| o.overlaps(&note(at))) && at.1 > plot.top + small_px {
                at.1 -= 6.0;
            }
            // On white, so that a grid line does not run through it.
            c.rect(note(at).grow(-1.0, -2.0), PAPER)?;
            c.text(
                labels.not_available,
                at,
                Font::new(small_px, MUTED, HPos::Center),
            )?;
            obstacles.push(note(at));
        }

        // Each value written beside its point, where it covers least:
        // between the legend and the x axis, off the tick labels.
        let bounds = Rect {
            x0: 0.0,
            y0: plot.top - 10.0,
            x1: width,
            y1: plot.bottom + 2.0,
        };
        for ((_, value), at) in points.iter().zip(&markers) {
            let label = match unit {
                Unit::Date => format.number(*value, chart.decimals),
                unit => format.value(*value, unit, chart.decimals),
            };
            let place = place_label(&label, *at, small_px, bounds, &obstacles, &segments);
            c.text(&label, place.0, Font::new(small_px, VALUE, place.1))?;
            obstacles.push(text_box(&label, place.0, small_px, place.1));
        }

        if without_zero {
            c.text(
                labels.axis_not_from_zero,
                (8.0, height - note_height / 2.0 - 4.0),
                Font::new(small_px, MUTED, HPos::Left),
            )?;
        }
        draw_legend(c, &legend_places, frame)?;
        Some(())
    })
}

/// A straight line from one point to another.
type Segment = ((f64, f64), (f64, f64));

/// The plot area of a series chart and its scales.
#[derive(Debug, Clone, Copy)]
struct Plot {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    /// How far above `bottom` the axis's lowest value stands.
    lift: f64,
    first: Year,
    count: usize,
    min: f64,
    max: f64,
}

impl Plot {
    fn band(&self) -> f64 {
        (self.right - self.left) / self.count as f64
    }

    /// Years sit in the middle of equal bands, off the plot's edges.
    fn x(&self, year: Year) -> f64 {
        self.left + self.band() * (f64::from(year - self.first) + 0.5)
    }

    fn y(&self, value: f64) -> f64 {
        let (low, span) = (self.bottom - self.lift, self.max - self.min);
        low - (value - self.min) / span * (low - self.top)
    }
}

/// Where a value label goes: above or below its point, or beside it,
/// whichever stays in the plot and covers the fewest markers, lines and
/// other labels (ties: the first in that order).
fn place_label(
    label: &str,
    at: (f64, f64),
    small_px: f64,
    bounds: Rect,
    obstacles: &[Rect],
    segments: &[Segment],
) -> ((f64, f64), HPos) {
    let offset = f64::from(VALUE_RADIUS) + 4.0 + small_px / 2.0;
    let side = f64::from(VALUE_RADIUS) + 6.0;
    let (x, y) = at;
    let candidates = [
        ((x, y - offset), HPos::Center),
        ((x, y + offset), HPos::Center),
        ((x + 4.0, y - offset), HPos::Left),
        ((x - 4.0, y - offset), HPos::Right),
        ((x + 4.0, y + offset), HPos::Left),
        ((x - 4.0, y + offset), HPos::Right),
        ((x + side, y), HPos::Left),
        ((x - side, y), HPos::Right),
    ];
    let mut best = candidates[0];
    let mut best_cost = usize::MAX;
    for (place, anchor) in candidates {
        let area = text_box(label, place, small_px, anchor);
        let mut cost = 0;
        if !bounds.contains(&area) {
            // Just touching the x axis is better than crossing a line.
            cost += if bounds.grow(0.0, 4.0).contains(&area) {
                2
            } else {
                100
            };
        }
        cost += 10 * obstacles.iter().filter(|o| o.overlaps(&area)).count();
        cost += 3 * segments
            .iter()
            .filter(|(a, b)| area.crosses(*a, *b))
            .count();
        if cost < best_cost {
            best = (place, anchor);
            best_cost = cost;
        }
    }
    best
}

#[cfg(test)]
mod tests;
