//! Charts for the pages, as inline SVG: an indicator's series against its
//! targets, the achievement of each objective, the mix of statuses per
//! ambito.
//!
//! Pure: data in, SVG text out, the same bytes for the same data. Values
//! stay exact decimals until a pixel is placed; every number shown is
//! formatted with the caller's [`NumberFormat`], every word comes from the
//! caller. Drawing goes through plotters' SVG backend; the layout (ticks,
//! label placement, text widths) is computed here. Text widths are
//! estimated from fixed metrics close to DejaVu Sans, wider than most
//! sans-serif fonts, so nothing depends on the fonts of the machine and
//! estimated boxes err on the side of room.
//!
//! Every chart reads in black and white: the value series, the targets and
//! the benchmarks differ by marker shape and line style, the statuses by
//! pattern and by their written label, never by colour alone. Every colour
//! has at least 3:1 contrast against white.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::RangeInclusive;

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::engine::rollup::StatusCounts;
use crate::engine::scoring::Status;
use crate::model::{Unit, Year};
use crate::render::format::NumberFormat;

/// The accessible name and text description of a chart.
#[derive(Debug, Clone, Copy)]
pub struct ChartText<'a> {
    pub title: &'a str,
    pub description: &'a str,
}

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

/// One ambito's targets by status.
#[derive(Debug, Clone, Copy)]
pub struct MixRow<'a> {
    pub label: &'a str,
    pub counts: StatusCounts,
}

/// The names of the statuses, in [`Status::ALL`] order.
#[derive(Debug, Clone, Copy)]
pub struct MixLabels<'a> {
    pub statuses: [&'a str; 4],
}

// ---------------------------------------------------------------------------
// Look

/// Width of every chart, in viewBox units; the page scales it.
const WIDTH: u32 = 520;
const SERIES_HEIGHT: u32 = 320;

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

/// Font sizes in viewBox units: at 343 px wide on a phone, 16 is still 8.6 px.
const TEXT_PX: f64 = 16.0;
const SMALL_PX: f64 = 15.0;

/// Value markers: a filled circle on a white halo.
const VALUE_RADIUS: i32 = 5;
const DIAMOND: f64 = 8.0;
/// Benchmarks sit beside the year's x, national left and cluster right.
const BENCHMARK_SHIFT: f64 = 14.0;
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
// Series chart

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
pub fn series_svg(chart: &SeriesChart) -> Option<String> {
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
    let axis = Axis::for_values(&numbers)?;

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

    let width = f64::from(WIDTH);
    let height = f64::from(SERIES_HEIGHT);
    let tick_width = tick_labels
        .iter()
        .map(|l| text_width(l, TEXT_PX))
        .fold(0.0, f64::max);
    let left = (8.0 + tick_width + 10.0).round();
    let right = width - 12.0;
    let (legend_places, legend_bottom) = legend_layout(&legend, 8.0, width - 8.0, 6.0);
    let plot = Plot {
        left,
        right,
        top: legend_bottom + 16.0,
        bottom: height - 36.0,
        // An axis that starts at zero stands on the x axis; any other
        // starts a little above it, so that the lowest points and their
        // labels stay off the axis line.
        lift: if axis.min.is_zero() { 0.0 } else { 12.0 },
        first,
        count: years.len(),
        min: axis.min.to_f64()?,
        max: axis.max.to_f64()?,
    };

    render(chart.id, &chart.text, (WIDTH, SERIES_HEIGHT), |c| {
        // What value labels must not cover.
        let mut obstacles: Vec<Rect> = Vec::new();
        let mut segments: Vec<Segment> = Vec::new();

        // Grid, axes and tick labels.
        for (tick, label) in axis.ticks.iter().zip(&tick_labels) {
            let y = plot.y(tick.to_f64()?);
            let color = if tick.is_zero() { AXIS } else { GRID };
            c.line(&[(plot.left, y), (plot.right, y)], color, 1)?;
            let at = (plot.left - 10.0, y);
            c.text(label, at, Font::new(TEXT_PX, MUTED, HPos::Right))?;
            obstacles.push(text_box(label, at, TEXT_PX, HPos::Right));
        }
        c.line(
            &[(plot.left, plot.bottom), (plot.right, plot.bottom)],
            AXIS,
            1,
        )?;
        let year_width = text_width("0000", TEXT_PX) + 6.0;
        let every = (year_width / plot.band()).ceil().max(1.0) as usize;
        for (i, year) in years.iter().enumerate() {
            let x = plot.x(*year);
            c.line(&[(x, plot.bottom), (x, plot.bottom + 5.0)], AXIS, 1)?;
            if i % every == 0 {
                let y = plot.bottom + 8.0 + TEXT_PX / 2.0;
                c.text(
                    &year.to_string(),
                    (x, y),
                    Font::new(TEXT_PX, MUTED, HPos::Center),
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
            let mut at = (plot.x(*year), plot.bottom - 4.0 - SMALL_PX / 2.0);
            let note = |at| text_box(labels.not_available, at, SMALL_PX, HPos::Center);
            while obstacles.iter().any(|o| o.overlaps(&note(at))) && at.1 > plot.top + SMALL_PX {
                at.1 -= 6.0;
            }
            // On white, so that a grid line does not run through it.
            c.rect(note(at).grow(-1.0, -2.0), PAPER)?;
            c.text(
                labels.not_available,
                at,
                Font::new(SMALL_PX, MUTED, HPos::Center),
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
            let place = place_label(&label, *at, bounds, &obstacles, &segments);
            c.text(&label, place.0, Font::new(SMALL_PX, VALUE, place.1))?;
            obstacles.push(text_box(&label, place.0, SMALL_PX, place.1));
        }

        draw_legend(c, &legend_places)?;
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
    bounds: Rect,
    obstacles: &[Rect],
    segments: &[Segment],
) -> ((f64, f64), HPos) {
    let offset = f64::from(VALUE_RADIUS) + 4.0 + SMALL_PX / 2.0;
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
        let area = text_box(label, place, SMALL_PX, anchor);
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

/// A y axis: at most six ticks at round steps (1, 2 or 5 times a power
/// of ten), covering every value, and zero when the values are not far
/// from it.
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
    fn for_values(values: &[Decimal]) -> Option<Axis> {
        let mut lo = values.iter().copied().min()?;
        let mut hi = values.iter().copied().max()?;
        // Zero is on the axis when it is at most one span away.
        if lo > Decimal::ZERO && lo.checked_mul(Decimal::TWO)? <= hi {
            lo = Decimal::ZERO;
        }
        if hi < Decimal::ZERO && hi.checked_mul(Decimal::TWO)? >= lo {
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
// Achievement chart

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
) -> Option<String> {
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

    let width = f64::from(WIDTH);
    let left = 20.0;
    let right = width - 24.0;
    let x = |value: f64| left + value.clamp(0.0, axis_max) / axis_max * (right - left);

    // Threshold labels over their lines, on two rows when they would touch.
    let row_height = 20.0;
    let thresholds = Threshold::lay_out(
        [
            (x(partial_from.to_f64()?), labels.partial_threshold, true),
            (x(100.0), labels.full_threshold, false),
        ],
        (4.0, width - 4.0),
        8.0,
        row_height,
    );
    let bars_top = thresholds
        .iter()
        .map(|t| t.y + row_height / 2.0 + 6.0)
        .fold(0.0, f64::max);

    // Each row: the label line, then the bar.
    let pitch = 56.0;
    let bar_height = 18.0;
    let rows: Vec<Row> = bars
        .iter()
        .enumerate()
        .map(|(i, bar)| Row::lay_out(bar, bars_top + pitch * i as f64, left, right, format))
        .collect();
    let axis_y = bars_top + pitch * bars.len() as f64 - 8.0;
    let ticks_y = axis_y + 8.0 + SMALL_PX / 2.0;
    let title_y = ticks_y + 24.0;
    let height = (title_y + SMALL_PX / 2.0 + 10.0).ceil();
    let size = (WIDTH, height as u32);

    render(id, &text, size, |c| {
        c.line(&[(left, bars_top), (left, axis_y)], AXIS, 1)?;
        c.line(&[(left, axis_y), (right, axis_y)], AXIS, 1)?;
        for tick in &axis.ticks {
            let tx = x(tick.to_f64()?);
            c.line(&[(tx, axis_y), (tx, axis_y + 5.0)], AXIS, 1)?;
            let label = format.value(*tick, Unit::Percent, axis.decimals);
            c.text(
                &label,
                (tx, ticks_y),
                Font::new(SMALL_PX, MUTED, HPos::Center),
            )?;
        }
        c.text(
            labels.axis,
            ((left + right) / 2.0, title_y),
            Font::new(SMALL_PX, INK, HPos::Center),
        )?;

        for row in &rows {
            let bar_top = row.top + 24.0;
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
            let y = row.top + 10.0;
            c.text(&row.label, (left, y), Font::new(TEXT_PX, INK, HPos::Left))?;
            if let Some(amount) = &row.amount {
                c.text(
                    amount,
                    (row.amount_x, y),
                    Font::new(TEXT_PX, INK, HPos::Right),
                )?;
            }
            c.mark(Mark::Status(row.bar.status), (row.marker_x, y))?;
            let status_end = (right - STATUS_INSET, y);
            c.text(
                row.bar.status_label,
                status_end,
                Font::new(TEXT_PX, INK, HPos::Right),
            )?;
        }

        // The reference lines, over the bars, broken where they would cross
        // a row's words or the other line's label.
        for (i, line) in thresholds.iter().enumerate() {
            let mut blocked: Vec<(f64, f64)> = rows
                .iter()
                .filter(|row| row.words_cover(line.x))
                .map(|row| (row.top, row.top + 20.0))
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
            let font = Font::new(SMALL_PX, INK, line.anchor);
            c.text(line.label, (line.label_x, line.y), font)?;
        }
        Some(())
    })
}

/// Room between the status words and the right end of the axis, where the
/// line at 100 usually stands.
const STATUS_INSET: f64 = 6.0;

/// One bar's row, laid out: its words on a line over the bar.
#[derive(Debug)]
struct Row<'a> {
    bar: &'a Bar<'a>,
    top: f64,
    /// The objective's label, shortened to leave room for the status.
    label: String,
    label_end: f64,
    /// The achievement, right-aligned at `amount_x`; none when not assessed.
    amount: Option<String>,
    amount_x: f64,
    marker_x: f64,
    /// Where the status words start.
    words_start: f64,
}

impl<'a> Row<'a> {
    fn lay_out(bar: &'a Bar<'a>, top: f64, left: f64, right: f64, format: &NumberFormat) -> Self {
        let status_start = right - STATUS_INSET - text_width(bar.status_label, TEXT_PX);
        let marker_x = status_start - 6.0 - SMALL_MARK;
        let amount_x = marker_x - SMALL_MARK - 8.0;
        let amount = (bar.status != Status::NonValutabile).then(|| format.percent(bar.value));
        let words_start = match &amount {
            Some(a) => amount_x - text_width(a, TEXT_PX),
            None => marker_x - SMALL_MARK,
        };
        let label = fit(bar.label, TEXT_PX, (words_start - 16.0 - left).max(0.0));
        let label_end = left + text_width(&label, TEXT_PX);
        Row {
            bar,
            top,
            label,
            label_end,
            amount,
            amount_x,
            marker_x,
            words_start,
        }
    }

    fn words_cover(&self, x: f64) -> bool {
        x <= self.label_end + 4.0 || x >= self.words_start - 4.0
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
    ) -> [Threshold<'a>; 2] {
        let first_row = top + row_height / 2.0;
        let centred = |(x, label, dashed): (f64, &'a str, bool)| {
            let extent = clamp_box(label, x, SMALL_PX, lo, hi);
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
        let width = text_width(left.label, SMALL_PX);
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

// ---------------------------------------------------------------------------
// Status mix chart

/// One 100% stacked bar per ambito with its targets by status, and a
/// legend. Each segment has its fill and pattern and, where it fits, its
/// count. `None` when there is no target to show.
pub fn status_mix_svg(
    id: &str,
    text: ChartText,
    labels: MixLabels,
    rows: &[MixRow],
) -> Option<String> {
    if rows.iter().all(|r| r.counts.total() == 0) {
        return None;
    }
    let width = f64::from(WIDTH);
    let left = 12.0;
    let right = width - 12.0;
    let legend: Vec<(Mark, &str)> = Status::ALL
        .iter()
        .zip(labels.statuses)
        .map(|(s, l)| (Mark::Swatch(*s), l))
        .collect();
    let (legend_places, legend_bottom) = legend_layout(&legend, left, right, 6.0);
    let rows_top = legend_bottom + 12.0;
    let pitch = 64.0;
    let bar_height = 28.0;
    let height = (rows_top + pitch * rows.len() as f64).ceil();

    render(id, &text, (WIDTH, height as u32), |c| {
        draw_legend(c, &legend_places)?;
        for (i, row) in rows.iter().enumerate() {
            let top = rows_top + pitch * i as f64;
            let label = fit(row.label, TEXT_PX, right - left);
            c.text(
                &label,
                (left, top + 10.0),
                Font::new(TEXT_PX, INK, HPos::Left),
            )?;
            let bar_top = top + 24.0;
            let total = row.counts.total();
            if total == 0 {
                let empty = Rect {
                    x0: left,
                    y0: bar_top,
                    x1: right,
                    y1: bar_top + bar_height,
                };
                c.outline(empty, AXIS)?;
                continue;
            }
            // Edges from cumulative counts, so the segments tile the bar.
            let span = right - left;
            let mut done = 0;
            for status in Status::ALL {
                let count = row.counts.get(status);
                if count == 0 {
                    continue;
                }
                let x0 = left + (span * done as f64 / total as f64).round();
                done += count;
                let x1 = left + (span * done as f64 / total as f64).round();
                let area = Rect {
                    x0,
                    y0: bar_top,
                    x1,
                    y1: bar_top + bar_height,
                };
                c.status_fill(status, area)?;
                let number = count.to_string();
                let needed = text_width(&number, TEXT_PX) + 8.0;
                if x1 - x0 >= needed + 4.0 {
                    let center = ((x0 + x1) / 2.0, bar_top + bar_height / 2.0);
                    let backing = Rect::around(center, 0.0).grow(needed / 2.0, 9.0);
                    c.rect(backing, PAPER)?;
                    c.text(&number, center, Font::new(TEXT_PX, INK, HPos::Center))?;
                }
            }
        }
        Some(())
    })
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
const LEGEND_ROW: f64 = 24.0;

/// Legend items left to right, wrapping to new rows: each item's sample
/// centre and text start, and the bottom of the last row.
fn legend_layout(
    items: &[(Mark, &str)],
    left: f64,
    right: f64,
    top: f64,
) -> (Vec<LegendPlace>, f64) {
    let mut places = Vec::new();
    let mut x = left;
    let mut row = 0.0;
    for (mark, label) in items {
        let label_width = text_width(label, TEXT_PX);
        let item = SAMPLE_WIDTH + 6.0 + label_width;
        if x > left && x + item > right {
            x = left;
            row += 1.0;
        }
        let y = top + row * LEGEND_ROW + LEGEND_ROW / 2.0;
        let text_start = x + SAMPLE_WIDTH + 6.0;
        places.push(LegendPlace {
            mark: *mark,
            label: fit(label, TEXT_PX, right - text_start),
            sample: (x + SAMPLE_WIDTH / 2.0, y),
            text_start,
        });
        x += item + 20.0;
    }
    (places, top + (row + 1.0) * LEGEND_ROW)
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

fn draw_legend(c: &Canvas, places: &[LegendPlace]) -> Option<()> {
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
        let font = Font::new(TEXT_PX, INK, HPos::Left);
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
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" class=\"chart\" \
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
    use std::str::FromStr;

    use super::*;
    use crate::model::Language;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).expect("decimal")
    }

    fn it() -> NumberFormat {
        NumberFormat::for_language(Language::It)
    }

    const LABELS: SeriesLabels<'static> = SeriesLabels {
        value: "Valore",
        target: "Target",
        original_target: "Target originario",
        not_available: "n.d.",
        national_mean: "Media nazionale",
        cluster_mean: "Media cluster",
        monitoring: "Dato di monitoraggio",
    };

    fn chart<'a>(
        id: &'a str,
        unit: Unit,
        format: &'a NumberFormat,
        values: &[(Year, Option<&str>)],
        targets: &[(Year, &str, Option<&str>)],
        benchmarks: &[(Year, Option<&str>, Option<&str>)],
    ) -> SeriesChart<'a> {
        SeriesChart {
            id,
            text: ChartText {
                title: "Andamento: indicatore",
                description: "Valori e target dal 2020 al 2024.",
            },
            labels: LABELS,
            unit,
            decimals: 2,
            format,
            years: 2020..=2024,
            values: values.iter().map(|(y, v)| (*y, v.map(d))).collect(),
            monitoring: Vec::new(),
            targets: targets
                .iter()
                .map(|(y, v, o)| TargetMark {
                    year: *y,
                    value: d(v),
                    original: o.map(d),
                })
                .collect(),
            benchmarks: benchmarks
                .iter()
                .map(|(y, n, c)| Benchmarks {
                    year: *y,
                    national: n.map(d),
                    cluster: c.map(d),
                })
                .collect(),
        }
    }

    /// Values 10,03 and 15,02%, 2022 not available; targets 14 (2022),
    /// 15 revised to 20 (2023), 16 revised to 23 (2024).
    fn percent_series(format: &NumberFormat) -> SeriesChart<'_> {
        chart(
            "perc",
            Unit::Percent,
            format,
            &[(2020, Some("10.03")), (2021, Some("15.02")), (2022, None)],
            &[
                (2022, "14", None),
                (2023, "20", Some("15")),
                (2024, "23", Some("16")),
            ],
            &[],
        )
    }

    /// Days, negative values, benchmarks in 2021.
    fn days_series(format: &NumberFormat) -> SeriesChart<'_> {
        chart(
            "days",
            Unit::Days,
            format,
            &[
                (2020, Some("15.98")),
                (2021, Some("31.28")),
                (2022, Some("-8.75")),
            ],
            &[(2022, "0", None), (2023, "-8.75", None)],
            &[(2021, Some("-9.65"), Some("-9.53"))],
        )
    }

    fn count_series(format: &NumberFormat) -> SeriesChart<'_> {
        chart(
            "count",
            Unit::Number,
            format,
            &[
                (2020, Some("164")),
                (2021, Some("245")),
                (2022, Some("194")),
            ],
            &[(2023, "110", None)],
            &[],
        )
    }

    // --- Reading the SVG back --------------------------------------------

    /// The opening tags of every `name` element.
    fn tags<'s>(svg: &'s str, name: &str) -> Vec<&'s str> {
        let open = format!("<{name} ");
        svg.match_indices(&open)
            .map(|(i, _)| {
                let end = svg[i..].find('>').expect("tag end");
                &svg[i..i + end + 1]
            })
            .collect()
    }

    fn attr<'s>(tag: &'s str, name: &str) -> Option<&'s str> {
        let key = format!(" {name}=\"");
        let start = tag.find(&key)? + key.len();
        let end = tag[start..].find('"')?;
        Some(&tag[start..start + end])
    }

    fn num(tag: &str, name: &str) -> f64 {
        attr(tag, name).expect(name).parse().expect("number")
    }

    /// Every text: its opening tag and its content.
    fn texts(svg: &str) -> Vec<(&str, &str)> {
        svg.match_indices("<text ")
            .map(|(i, _)| {
                let open_end = i + svg[i..].find('>').expect("tag end") + 1;
                let close = open_end + svg[open_end..].find("</text>").expect("close");
                (&svg[i..open_end], svg[open_end..close].trim())
            })
            .collect()
    }

    fn text_x(svg: &str, content: &str) -> Vec<f64> {
        texts(svg)
            .into_iter()
            .filter(|(_, c)| *c == content)
            .map(|(tag, _)| num(tag, "x"))
            .collect()
    }

    fn has_text(svg: &str, content: &str) -> bool {
        texts(svg).iter().any(|(_, c)| *c == content)
    }

    /// Value markers: blue circles of the marker's radius (legend included).
    fn value_markers(svg: &str) -> Vec<f64> {
        tags(svg, "circle")
            .into_iter()
            .filter(|t| attr(t, "fill") == Some("#0066CC") && attr(t, "r") == Some("5"))
            .map(|t| num(t, "cx"))
            .collect()
    }

    fn polygons_filled<'s>(svg: &'s str, fill: &str) -> Vec<&'s str> {
        tags(svg, "polygon")
            .into_iter()
            .filter(|t| attr(t, "fill") == Some(fill))
            .collect()
    }

    /// The estimated box of every text, as drawn.
    fn text_boxes(svg: &str) -> Vec<(String, Rect)> {
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

    fn view_box(svg: &str) -> Rect {
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
    fn assert_legible(svg: &str) {
        let boxes = text_boxes(svg);
        let frame = view_box(svg);
        for (i, (a, area)) in boxes.iter().enumerate() {
            assert!(frame.contains(area), "{a:?} at {area:?} is cut off");
            for (b, other) in &boxes[i + 1..] {
                assert!(!area.overlaps(other), "{a:?} overlaps {b:?}");
            }
        }
    }

    // --- Series chart -----------------------------------------------------

    #[test]
    fn root_is_accessible_and_scalable() {
        let format = it();
        let mut chart = percent_series(&format);
        chart.id = "ind-1";
        chart.text = ChartText {
            title: "Quota <imprese> & \"servizi\"",
            description: "Valori: 2020 10,03%; l'anno 2022 n.d.",
        };
        let svg = series_svg(&chart).expect("chart");
        assert!(svg.starts_with(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 520 320\" class=\"chart\" \
             role=\"img\" aria-labelledby=\"ind-1-title ind-1-desc\" focusable=\"false\">\n\
             <title id=\"ind-1-title\">Quota &lt;imprese&gt; &amp; &quot;servizi&quot;</title>\n\
             <desc id=\"ind-1-desc\">Valori: 2020 10,03%; l&#39;anno 2022 n.d.</desc>\n<rect "
        ));
        assert!(svg.trim_end().ends_with("</svg>"));
        assert_eq!(svg.matches("<svg").count(), 1);
        let root = tags(&svg, "svg")[0];
        assert!(attr(root, "width").is_none() && attr(root, "height").is_none());
        for absent in ["<?xml", "<script", "href", "clip-path", "url("] {
            assert!(!svg.contains(absent), "{absent}");
        }
        // Fonts as asked, in whole pixels.
        assert!(tags(&svg, "text").iter().all(|t| {
            attr(t, "font-family") == Some("sans-serif")
                && matches!(attr(t, "font-size"), Some("15" | "16"))
        }));
    }

    #[test]
    fn one_marker_per_value_and_target() {
        let format = it();
        let svg = series_svg(&count_series(&format)).expect("chart");
        // Three values, plus the legend's sample.
        assert_eq!(value_markers(&svg).len(), 3 + 1);
        // One target, plus the legend's sample; no original, no benchmark.
        assert_eq!(polygons_filled(&svg, "#A61E4D").len(), 1 + 1);
        assert!(polygons_filled(&svg, "#FFFFFF").is_empty());
        assert!(!has_text(&svg, "Target originario"));
        assert!(!has_text(&svg, "Media nazionale"));
        assert!(!has_text(&svg, "n.d."));
        for label in ["164", "245", "194"] {
            assert!(has_text(&svg, label), "{label}");
        }

        let svg = series_svg(&days_series(&format)).expect("chart");
        assert_eq!(value_markers(&svg).len(), 3 + 1);
        assert_eq!(polygons_filled(&svg, "#A61E4D").len(), 2 + 1);
        // National: a square (and its legend sample); cluster: a cross.
        assert_eq!(polygons_filled(&svg, "#4D4D4D").len(), 1 + 1);
        assert!(has_text(&svg, "Media nazionale") && has_text(&svg, "Media cluster"));
    }

    #[test]
    fn a_monitoring_reading_has_a_hollow_marker_and_a_legend_entry() {
        let format = it();
        let mut chart = count_series(&format);
        let year = chart.values.last().map(|(y, _)| *y).expect("a value");
        chart.monitoring = vec![year];
        let svg = series_svg(&chart).expect("chart");
        // Every value keeps its blue marker (three, plus the legend's sample,
        // plus the monitoring sample); the monitoring one, in the plot and in
        // the legend, has a white inside.
        assert_eq!(value_markers(&svg).len(), 3 + 2);
        let hollow = tags(&svg, "circle")
            .into_iter()
            .filter(|t| attr(t, "fill") == Some("#FFFFFF") && attr(t, "r") == Some("3"))
            .count();
        assert_eq!(hollow, 2);
        assert!(has_text(&svg, "Dato di monitoraggio"));
        // Without monitoring readings, no such entry.
        let svg = series_svg(&count_series(&format)).expect("chart");
        assert!(!has_text(&svg, "Dato di monitoraggio"));
    }

    #[test]
    fn not_available_is_a_gap_with_a_note() {
        let format = it();
        let svg = series_svg(&percent_series(&format)).expect("chart");
        let x2022 = text_x(&svg, "2022")[0];
        assert_eq!(text_x(&svg, "n.d."), vec![x2022]);
        let markers = value_markers(&svg);
        assert_eq!(markers.len(), 2 + 1);
        assert!(!markers.contains(&x2022));
        // The line stops at 2021: no line reaches 2022's x.
        for line in tags(&svg, "polyline") {
            if attr(line, "stroke") == Some("#0066CC") {
                let points = attr(line, "points").expect("points");
                assert!(!points.contains(&format!("{x2022},")), "{points}");
            }
        }

        // A gap in the middle breaks the line in two.
        let broken = chart(
            "gap",
            Unit::Percent,
            &format,
            &[
                (2020, Some("1")),
                (2021, Some("2")),
                (2022, None),
                (2023, Some("3")),
                (2024, Some("4")),
            ],
            &[],
            &[],
        );
        let svg = series_svg(&broken).expect("chart");
        let lines = tags(&svg, "polyline")
            .into_iter()
            .filter(|l| {
                attr(l, "stroke") == Some("#0066CC") && attr(l, "stroke-width") == Some("3")
            })
            .count();
        // Two runs, plus the legend's sample.
        assert_eq!(lines, 2 + 1);
        assert_eq!(value_markers(&svg).len(), 4 + 1);
    }

    #[test]
    fn a_revised_target_shows_its_original_hollow() {
        let format = it();
        let svg = series_svg(&percent_series(&format)).expect("chart");
        // Three targets in force, two originals (each a coloured diamond
        // with a white inside), and the two legend samples.
        assert_eq!(polygons_filled(&svg, "#A61E4D").len(), 3 + 2 + 2);
        let hollow = polygons_filled(&svg, "#FFFFFF");
        assert_eq!(hollow.len(), 2 + 1);
        assert!(has_text(&svg, "Target originario"));
        // The originals stand at their years' x, joined by dashes.
        let x2023 = text_x(&svg, "2023")[0];
        let x2024 = text_x(&svg, "2024")[0];
        for x in [x2023, x2024] {
            assert!(
                hollow.iter().any(|p| attr(p, "points")
                    .expect("points")
                    .starts_with(&format!("{x},"))),
                "no hollow diamond at {x}"
            );
        }
        let dashes = tags(&svg, "polyline")
            .into_iter()
            .filter(|l| attr(l, "stroke") == Some("#A61E4D"))
            .count();
        assert!(dashes >= 4, "{dashes}");

        // Not revised: no hollow marker, no legend entry.
        let mut plain = percent_series(&format);
        for target in &mut plain.targets {
            target.original = None;
        }
        let svg = series_svg(&plain).expect("chart");
        assert!(polygons_filled(&svg, "#FFFFFF").is_empty());
        assert!(!has_text(&svg, "Target originario"));
        // A "revision" to the same value is no revision.
        plain.targets[1].original = Some(plain.targets[1].value);
        assert_eq!(series_svg(&plain), Some(svg));
    }

    #[test]
    fn a_target_equal_to_its_value_stands_beside_it() {
        let format = it();
        let met = chart(
            "met",
            Unit::Number,
            &format,
            &[(2021, Some("70")), (2022, Some("80"))],
            &[(2022, "80", None), (2023, "100", Some("99"))],
            &[],
        );
        let svg = series_svg(&met).expect("chart");
        let x2022 = text_x(&svg, "2022")[0];
        let x2023 = text_x(&svg, "2023")[0];
        let diamond_x = |p: &&str| -> f64 {
            let points = attr(p, "points").expect("points");
            points.split(',').next().expect("x").parse().expect("x")
        };
        let targets: Vec<f64> = polygons_filled(&svg, "#A61E4D")
            .iter()
            .map(diamond_x)
            .collect();
        // Not hidden under the value's marker: to its right, clear of it.
        assert!(
            targets
                .iter()
                .any(|x| *x >= x2022 + DIAMOND + 5.0 && *x < x2023 - 20.0),
            "{targets:?}"
        );
        assert!(!targets.contains(&x2022));
        // An original too close to the revised target stands to its left.
        let hollow: Vec<f64> = polygons_filled(&svg, "#FFFFFF")
            .iter()
            .map(diamond_x)
            .collect();
        assert!(hollow.iter().any(|x| *x < x2023 - DIAMOND), "{hollow:?}");
        assert!(targets.contains(&x2023));
        assert_legible(&svg);
    }

    #[test]
    fn y_axis_in_italian_format() {
        let format = it();
        let svg = series_svg(&percent_series(&format)).expect("chart");
        for tick in ["0%", "5%", "10%", "15%", "20%", "25%"] {
            assert!(has_text(&svg, tick), "{tick}");
        }
        assert!(has_text(&svg, "10,03%") && has_text(&svg, "15,02%"));

        let svg = series_svg(&days_series(&format)).expect("chart");
        for tick in ["-10 gg", "0 gg", "10 gg", "20 gg", "30 gg", "40 gg"] {
            assert!(has_text(&svg, tick), "{tick}");
        }
        assert!(has_text(&svg, "-8,75 gg") && has_text(&svg, "31,28 gg"));

        let small = chart(
            "small",
            Unit::Percent,
            &format,
            &[(2020, Some("0.17")), (2021, Some("0.21"))],
            &[],
            &[],
        );
        let svg = series_svg(&small).expect("chart");
        // Far from zero: the axis leaves it out.
        for tick in ["0,17%", "0,18%", "0,19%", "0,20%", "0,21%"] {
            assert!(has_text(&svg, tick), "{tick}");
        }
        assert!(has_text(&svg, "0,17%"));

        let large = chart(
            "large",
            Unit::Euro,
            &format,
            &[(2020, Some("65991")), (2021, Some("48000.5"))],
            &[],
            &[],
        );
        let svg = series_svg(&large).expect("chart");
        assert!(has_text(&svg, "€ 70.000"), "{svg}");
        assert!(has_text(&svg, "€ 65.991,00"));
    }

    #[test]
    fn same_input_same_bytes() {
        let format = it();
        for build in [percent_series, days_series, count_series] {
            let first = series_svg(&build(&format)).expect("chart");
            let second = series_svg(&build(&format)).expect("chart");
            assert_eq!(first, second);
        }
        let bars = sample_bars();
        let make =
            || achievement_svg("a", TEXT, BAR_LABELS, &bars, d("70"), &format).expect("chart");
        assert_eq!(make(), make());
        let rows = sample_mix();
        let make = || status_mix_svg("m", TEXT, MIX_LABELS, &rows).expect("chart");
        assert_eq!(make(), make());
    }

    #[test]
    fn nothing_to_draw_gives_none() {
        let format = it();
        let all_nd = chart(
            "nd",
            Unit::Percent,
            &format,
            &[(2020, None), (2021, None)],
            &[(2022, "10", None), (2023, "12", None)],
            &[(2020, Some("5"), None)],
        );
        assert_eq!(series_svg(&all_nd), None);
        let single = chart("one", Unit::Number, &format, &[(2021, Some("3"))], &[], &[]);
        assert_eq!(series_svg(&single), None);
        // Outside the years shown counts as nothing.
        let outside = chart(
            "out",
            Unit::Number,
            &format,
            &[(2021, Some("3")), (2030, Some("4"))],
            &[(2019, "2", None)],
            &[],
        );
        assert_eq!(series_svg(&outside), None);
        // One value and one target are two numbers.
        let pair = chart(
            "two",
            Unit::Number,
            &format,
            &[(2021, Some("3"))],
            &[(2022, "5", None)],
            &[],
        );
        assert!(series_svg(&pair).is_some());
        // Equal values still get an axis.
        let flat = chart(
            "flat",
            Unit::Number,
            &format,
            &[(2020, Some("0")), (2021, Some("0"))],
            &[],
            &[],
        );
        assert!(series_svg(&flat).is_some());
    }

    #[test]
    fn axis_ticks_are_round_and_few() {
        let axis = |values: &[&str]| {
            let values: Vec<Decimal> = values.iter().map(|v| d(v)).collect();
            let axis = Axis::for_values(&values).expect("axis");
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

    #[test]
    fn samples_are_legible() {
        let format = it();
        for build in [percent_series, days_series, count_series] {
            assert_legible(&series_svg(&build(&format)).expect("chart"));
        }
        let bars = sample_bars();
        assert_legible(
            &achievement_svg("a", TEXT, BAR_LABELS, &bars, d("70"), &format).expect("chart"),
        );
        assert_legible(&status_mix_svg("m", TEXT, MIX_LABELS, &sample_mix()).expect("chart"));
    }

    // --- Achievement and status mix ---------------------------------------

    const TEXT: ChartText<'static> = ChartText {
        title: "Grado di raggiungimento per obiettivo, 2023",
        description: "Quattro obiettivi valutati.",
    };

    const BAR_LABELS: BarLabels<'static> = BarLabels {
        axis: "Grado di raggiungimento",
        partial_threshold: "soglia parziale 70%",
        full_threshold: "pieno 100%",
    };

    const MIX_LABELS: MixLabels<'static> = MixLabels {
        statuses: [
            "Raggiunto",
            "Parzialmente raggiunto",
            "Non raggiunto",
            "Non valutabile",
        ],
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

    fn counts(raggiunto: usize, parziale: usize, non: usize, nv: usize) -> StatusCounts {
        StatusCounts {
            raggiunto,
            parzialmente_raggiunto: parziale,
            non_raggiunto: non,
            non_valutabile: nv,
            ..StatusCounts::default()
        }
    }

    fn sample_mix() -> Vec<MixRow<'static>> {
        vec![
            MixRow {
                label: "Competitività delle imprese",
                counts: counts(6, 2, 1, 1),
            },
            MixRow {
                label: "Salute gestionale",
                counts: counts(3, 0, 0, 1),
            },
            MixRow {
                label: "Ambito senza target",
                counts: counts(0, 0, 0, 0),
            },
        ]
    }

    /// Outlined boxes (bars, segments, swatches): x and width.
    fn outlines(svg: &str) -> Vec<(f64, f64, f64)> {
        tags(svg, "rect")
            .into_iter()
            .filter(|t| attr(t, "fill") == Some("none"))
            .map(|t| (num(t, "x"), num(t, "y"), num(t, "width")))
            .collect()
    }

    #[test]
    fn achievement_has_a_bar_per_objective_and_both_thresholds() {
        let format = it();
        let bars = sample_bars();
        let svg = achievement_svg("ach", TEXT, BAR_LABELS, &bars, d("70"), &format).expect("chart");
        assert!(svg.contains("aria-labelledby=\"ach-title ach-desc\""));
        // Three bars drawn; the objective that could not be assessed has none.
        let drawn = outlines(&svg);
        assert_eq!(drawn.len(), 3);
        let full = drawn[0].2;
        assert!((drawn[1].2 / full - 0.9695).abs() < 0.01);
        assert!((drawn[2].2 / full - 0.415).abs() < 0.01);
        // Every objective's words: label, achievement and status.
        for text in [
            "96,95%",
            "100,00%",
            "41,50%",
            "Raggiunto",
            "Non valutabile",
            "2.1 Salute gestionale",
        ] {
            assert!(has_text(&svg, text), "{text}");
        }
        assert!(!has_text(&svg, "0,00%"));
        // A long label is shortened, not cut by the status.
        assert!(
            texts(&svg)
                .iter()
                .any(|(_, t)| t.starts_with("1.1 Transizione") && t.ends_with('…'))
        );
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
            achievement_svg("e", TEXT, BAR_LABELS, &[], d("70"), &format),
            None
        );
    }

    #[test]
    fn status_mix_segments_are_proportional() {
        let rows = sample_mix();
        let svg = status_mix_svg("mix", TEXT, MIX_LABELS, &rows).expect("chart");
        for label in MIX_LABELS.statuses {
            assert!(has_text(&svg, label), "{label}");
        }
        let boxes = outlines(&svg);
        // Four legend swatches, then the segments of each row, then the
        // empty row's frame.
        let legend_swatches = 4;
        let first: Vec<f64> = boxes[legend_swatches..legend_swatches + 4]
            .iter()
            .map(|b| b.2)
            .collect();
        let total: f64 = first.iter().sum();
        for (width, count) in first.iter().zip([6.0, 2.0, 1.0, 1.0]) {
            assert!((width / total - count / 10.0).abs() < 0.01, "{first:?}");
        }
        // The segments tile the bar.
        let row = &boxes[legend_swatches..legend_swatches + 4];
        for pair in row.windows(2) {
            assert_eq!(pair[0].0 + pair[0].2, pair[1].0);
        }
        let second: Vec<f64> = boxes[legend_swatches + 4..legend_swatches + 6]
            .iter()
            .map(|b| b.2)
            .collect();
        assert!(
            (second[0] / (second[0] + second[1]) - 0.75).abs() < 0.01,
            "{second:?}"
        );
        assert_eq!(boxes.len(), legend_swatches + 6 + 1);
        // Counts written in the segments wide enough.
        for count in ["6", "2", "3"] {
            assert!(has_text(&svg, count), "{count}");
        }
        assert_eq!(
            status_mix_svg(
                "none",
                TEXT,
                MIX_LABELS,
                &[MixRow {
                    label: "x",
                    counts: counts(0, 0, 0, 0)
                }]
            ),
            None
        );
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

    /// Writes the sample charts to `$CHARTS_DIR` (default: the temporary
    /// folder's `charts`), to look at: `cargo test --lib write_samples -- --ignored`.
    #[test]
    #[ignore]
    fn write_samples() {
        let dir = std::env::var_os("CHARTS_DIR")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|| std::env::temp_dir().join("charts"));
        std::fs::create_dir_all(&dir).expect("folder");
        let format = it();
        let bars = sample_bars();
        let files = [
            ("percent", series_svg(&percent_series(&format))),
            ("days", series_svg(&days_series(&format))),
            ("count", series_svg(&count_series(&format))),
            (
                "achievement",
                achievement_svg("a", TEXT, BAR_LABELS, &bars, d("70"), &format),
            ),
            ("mix", status_mix_svg("m", TEXT, MIX_LABELS, &sample_mix())),
        ];
        // Harder cases: English, a long range, long words, thresholds close.
        let en = NumberFormat::for_language(Language::En);
        let mut long = chart(
            "long",
            Unit::Euro,
            &en,
            &[
                (2016, Some("48.46")),
                (2017, Some("1234.5")),
                (2018, None),
                (2019, Some("980")),
                (2020, Some("1012.25")),
                (2021, None),
                (2022, Some("0")),
            ],
            &[
                (2021, "0", None),
                (2023, "1100", Some("1300")),
                (2024, "1150", None),
            ],
            &[
                (2019, Some("1000"), Some("950")),
                (2020, None, Some("1020")),
            ],
        );
        long.years = 2016..=2026;
        long.labels = SeriesLabels {
            value: "Measured value",
            target: "Target in force",
            original_target: "Target before the 2023 revision",
            not_available: "n/a",
            national_mean: "National average of the Chambers",
            cluster_mean: "Cluster average",
            monitoring: "Monitoring figure",
        };
        let close = BarLabels {
            axis: "Achievement",
            partial_threshold: "partial threshold 95%",
            full_threshold: "full 100%",
        };
        let files = files.into_iter().chain([
            ("long", series_svg(&long)),
            (
                "close",
                achievement_svg("c", TEXT, close, &bars[1..3], d("95"), &en),
            ),
        ]);
        for (name, svg) in files {
            std::fs::write(dir.join(format!("{name}.svg")), svg.expect("chart")).expect("write");
        }
    }
}
