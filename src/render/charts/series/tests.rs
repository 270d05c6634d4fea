//! The series chart's tests: what it draws, read back from the SVG.

use super::super::testing::*;
use super::*;
use crate::model::Language;

const LABELS: SeriesLabels<'static> = SeriesLabels {
    value: "Valore",
    target: "Target",
    original_target: "Target originario",
    not_available: "n.d.",
    national_mean: "Media nazionale",
    cluster_mean: "Media cluster",
    monitoring: "Dato di monitoraggio",
    axis_not_from_zero: "L'asse verticale non parte da zero.",
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
        from_zero: false,
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

#[test]
fn root_is_accessible_and_scalable() {
    let format = it();
    let mut chart = percent_series(&format);
    chart.id = "ind-1";
    chart.text = ChartText {
        title: "Quota <imprese> & \"servizi\"",
        description: "Valori: 2020 10,03%; l'anno 2022 n.d.",
    };
    let svg = series_svg(&chart, Frame::COMPACT).expect("chart");
    assert!(svg.starts_with(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 480 346\" class=\"chart chart-compact\" \
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
            && matches!(attr(t, "font-size"), Some("17" | "18"))
    }));
}

#[test]
fn one_marker_per_value_and_target() {
    let format = it();
    let svg = series_svg(&count_series(&format), Frame::COMPACT).expect("chart");
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

    let svg = series_svg(&days_series(&format), Frame::COMPACT).expect("chart");
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
    let svg = series_svg(&chart, Frame::COMPACT).expect("chart");
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
    let svg = series_svg(&count_series(&format), Frame::COMPACT).expect("chart");
    assert!(!has_text(&svg, "Dato di monitoraggio"));
}

#[test]
fn not_available_is_a_gap_with_a_note() {
    let format = it();
    let svg = series_svg(&percent_series(&format), Frame::COMPACT).expect("chart");
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
    let svg = series_svg(&broken, Frame::COMPACT).expect("chart");
    let lines = tags(&svg, "polyline")
        .into_iter()
        .filter(|l| attr(l, "stroke") == Some("#0066CC") && attr(l, "stroke-width") == Some("3"))
        .count();
    // Two runs, plus the legend's sample.
    assert_eq!(lines, 2 + 1);
    assert_eq!(value_markers(&svg).len(), 4 + 1);
}

#[test]
fn a_revised_target_shows_its_original_hollow() {
    let format = it();
    let svg = series_svg(&percent_series(&format), Frame::COMPACT).expect("chart");
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
    let svg = series_svg(&plain, Frame::COMPACT).expect("chart");
    assert!(polygons_filled(&svg, "#FFFFFF").is_empty());
    assert!(!has_text(&svg, "Target originario"));
    // A "revision" to the same value is no revision.
    plain.targets[1].original = Some(plain.targets[1].value);
    assert_eq!(series_svg(&plain, Frame::COMPACT), Some(svg));
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
    let svg = series_svg(&met, Frame::COMPACT).expect("chart");
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
    let svg = series_svg(&percent_series(&format), Frame::COMPACT).expect("chart");
    for tick in ["0%", "5%", "10%", "15%", "20%", "25%"] {
        assert!(has_text(&svg, tick), "{tick}");
    }
    assert!(has_text(&svg, "10,03%") && has_text(&svg, "15,02%"));

    let svg = series_svg(&days_series(&format), Frame::COMPACT).expect("chart");
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
    let svg = series_svg(&small, Frame::COMPACT).expect("chart");
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
    let svg = series_svg(&large, Frame::COMPACT).expect("chart");
    assert!(has_text(&svg, "€ 70.000"), "{svg}");
    assert!(has_text(&svg, "€ 65.991,00"));
}

#[test]
fn counts_and_shares_start_at_zero_and_other_axes_say_when_they_do_not() {
    let format = it();
    let mut small = chart(
        "small",
        Unit::Percent,
        &format,
        &[(2020, Some("0.17")), (2021, Some("0.21"))],
        &[],
        &[],
    );
    small.from_zero = true;
    let svg = series_svg(&small, Frame::COMPACT).expect("chart");
    assert!(has_text(&svg, "0,00%"), "{svg}");
    assert!(!has_text(&svg, "L&apos;asse verticale non parte da zero."));
    // Days far from zero: the axis leaves zero out and says so.
    let far = chart(
        "far",
        Unit::Days,
        &format,
        &[(2020, Some("95.5")), (2021, Some("98.2"))],
        &[],
        &[],
    );
    for frame in [Frame::COMPACT, Frame::WIDE] {
        let svg = series_svg(&far, frame).expect("chart");
        assert!(!has_text(&svg, "0 gg"), "{svg}");
        assert!(
            has_text(&svg, "L&apos;asse verticale non parte da zero."),
            "{svg}"
        );
        assert_legible(&svg);
    }
}

#[test]
fn same_input_same_bytes() {
    let format = it();
    for build in [percent_series, days_series, count_series] {
        let first = series_svg(&build(&format), Frame::COMPACT).expect("chart");
        let second = series_svg(&build(&format), Frame::COMPACT).expect("chart");
        assert_eq!(first, second);
    }
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
    assert_eq!(series_svg(&all_nd, Frame::COMPACT), None);
    let single = chart("one", Unit::Number, &format, &[(2021, Some("3"))], &[], &[]);
    assert_eq!(series_svg(&single, Frame::COMPACT), None);
    // Outside the years shown counts as nothing.
    let outside = chart(
        "out",
        Unit::Number,
        &format,
        &[(2021, Some("3")), (2030, Some("4"))],
        &[(2019, "2", None)],
        &[],
    );
    assert_eq!(series_svg(&outside, Frame::COMPACT), None);
    // One value and one target are two numbers.
    let pair = chart(
        "two",
        Unit::Number,
        &format,
        &[(2021, Some("3"))],
        &[(2022, "5", None)],
        &[],
    );
    assert!(series_svg(&pair, Frame::COMPACT).is_some());
    // Equal values still get an axis.
    let flat = chart(
        "flat",
        Unit::Number,
        &format,
        &[(2020, Some("0")), (2021, Some("0"))],
        &[],
        &[],
    );
    assert!(series_svg(&flat, Frame::COMPACT).is_some());
}

#[test]
fn samples_are_legible() {
    let format = it();
    for build in [percent_series, days_series, count_series] {
        assert_legible(&series_svg(&build(&format), Frame::COMPACT).expect("chart"));
    }
}

#[test]
#[ignore]
fn write_samples() {
    let format = it();
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
        axis_not_from_zero: "The vertical axis does not start at zero.",
    };
    super::super::testing::write_samples(vec![
        (
            "percent",
            series_svg(&percent_series(&format), Frame::COMPACT),
        ),
        ("days", series_svg(&days_series(&format), Frame::COMPACT)),
        ("count", series_svg(&count_series(&format), Frame::COMPACT)),
        ("long", series_svg(&long, Frame::COMPACT)),
        ("long-wide", series_svg(&long, Frame::WIDE)),
    ]);
}
