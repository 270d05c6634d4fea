//! The status mix: one 100% stacked bar per ambito, its targets by status.

use plotters::style::text_anchor::HPos;

use super::{
    AXIS, ChartText, Font, Frame, INK, Mark, PAPER, Rect, draw_legend, legend_layout, render,
    text_width, wrap,
};
use crate::engine::rollup::StatusCounts;
use crate::engine::scoring::Status;

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

/// One 100% stacked bar per ambito with its targets by status, and a
/// legend. Each segment has its fill and pattern and, where it fits, its
/// count. `None` when there is no target to show.
pub fn status_mix_svg(
    id: &str,
    text: ChartText,
    labels: MixLabels,
    rows: &[MixRow],
    frame: Frame,
) -> Option<String> {
    let text_px = frame.text;
    if rows.iter().all(|r| r.counts.total() == 0) {
        return None;
    }
    let width = f64::from(frame.width);
    let left = 12.0;
    let right = width - 12.0;
    let legend: Vec<(Mark, &str)> = Status::ALL
        .iter()
        .zip(labels.statuses)
        .map(|(s, l)| (Mark::Swatch(*s), l))
        .collect();
    let (legend_places, legend_bottom) = legend_layout(&legend, (left, right), 6.0, frame);
    let rows_top = legend_bottom + 12.0;
    // Each row: the ambito's whole name on as many lines as it takes, then
    // its bar.
    let line = frame.line();
    let bar_height = (text_px * 1.6).round();
    let labels_of: Vec<Vec<String>> = rows
        .iter()
        .map(|r| wrap(r.label, text_px, right - left, right - left))
        .collect();
    let mut tops = Vec::new();
    let mut top = rows_top;
    for lines in &labels_of {
        tops.push(top);
        top += line * lines.len() as f64 + 4.0 + bar_height + 12.0;
    }
    let height = top.ceil();

    render(id, &text, (frame.width, height as u32), frame.class, |c| {
        draw_legend(c, &legend_places, frame)?;
        for ((row, top), lines) in rows.iter().zip(&tops).zip(&labels_of) {
            for (i, label) in lines.iter().enumerate() {
                c.text(
                    label,
                    (left, top + line * (i as f64 + 0.5)),
                    Font::new(text_px, INK, HPos::Left),
                )?;
            }
            let bar_top = top + line * lines.len() as f64 + 4.0;
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
                let needed = text_width(&number, text_px) + 8.0;
                if x1 - x0 >= needed + 4.0 {
                    let center = ((x0 + x1) / 2.0, bar_top + bar_height / 2.0);
                    let backing = Rect::around(center, 0.0).grow(needed / 2.0, 9.0);
                    c.rect(backing, PAPER)?;
                    c.text(&number, center, Font::new(text_px, INK, HPos::Center))?;
                }
            }
        }
        Some(())
    })
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    const MIX_LABELS: MixLabels<'static> = MixLabels {
        statuses: [
            "Raggiunto",
            "Parzialmente raggiunto",
            "Non raggiunto",
            "Non valutabile",
        ],
    };

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

    #[test]
    fn status_mix_segments_are_proportional() {
        let rows = sample_mix();
        let svg = status_mix_svg("mix", TEXT, MIX_LABELS, &rows, Frame::COMPACT).expect("chart");
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
                }],
                Frame::COMPACT
            ),
            None
        );
    }

    #[test]
    fn same_input_same_bytes() {
        let rows = sample_mix();
        let make = || status_mix_svg("m", TEXT, MIX_LABELS, &rows, Frame::COMPACT).expect("chart");
        assert_eq!(make(), make());
    }

    #[test]
    fn sample_is_legible() {
        assert_legible(
            &status_mix_svg("m", TEXT, MIX_LABELS, &sample_mix(), Frame::COMPACT).expect("chart"),
        );
    }

    #[test]
    #[ignore]
    fn write_samples() {
        super::super::testing::write_samples(vec![(
            "mix",
            status_mix_svg("m", TEXT, MIX_LABELS, &sample_mix(), Frame::COMPACT),
        )]);
    }
}
