//! Targets as the plan prints them: `>= 0,21% (140)`, `zero`, `entro il
//! 31/12/2023`, `+10%`, `≤ dato medio nazionale`, `da def.` and the rest of
//! the forms listed in docs/content-format.md.

use crate::model::{Benchmark, Comparator, TargetKind, Unit};
use crate::syntax::date::split_date;
use crate::syntax::number::split_quantity;

/// A target read from text, before it is tied to a place in a file.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedTarget {
    pub kind: TargetKind,
    pub qualifier: Option<String>,
    pub unit: Option<Unit>,
}

pub const TARGET_HELP: &str = "write a target like `>= 0,21%`, `<= 3`, `100%`, `zero`, \
    `entro il 31/12/2023`, `+10%`, `> media triennio precedente`, `≤ dato medio nazionale` \
    or `da def.` (see docs/content-format.md)";

/// The longest target read: the plans' longest, with its qualifier, is
/// under 100 characters.
pub const MAX_TARGET_CHARS: usize = 500;

pub fn parse_target(text: &str) -> Result<ParsedTarget, String> {
    super::within(text, MAX_TARGET_CHARS, "target")?;
    let trimmed = text.trim();
    let lower = trimmed.to_lowercase();
    if trimmed.is_empty() {
        return Err("the target is empty".into());
    }
    if ["da def.", "da def", "da definire"].contains(&lower.as_str()) {
        return Ok(plain(TargetKind::ToBeDefined, None));
    }
    if let Some(rest) = strip_word_ci(trimmed, "zero") {
        return Ok(plain(TargetKind::Zero, qualifier(rest)));
    }
    if let Some(rest) = strip_word_ci(trimmed, "entro") {
        let rest = strip_word_ci(rest, "il").unwrap_or(rest);
        return deadline(rest).ok_or_else(|| {
            format!("`{trimmed}` has no date after `entro`: write it like `entro il 31/12/2023` or `entro il 30/4`")
        });
    }
    if trimmed.starts_with(|c: char| c.is_ascii_digit())
        && trimmed.contains('/')
        && let Some(target) = deadline(trimmed)
    {
        return Ok(target);
    }
    let (comparator, rest) = split_comparator(trimmed);
    let rest_lower = rest.to_lowercase();
    if let Some(benchmark) = benchmark(&rest_lower) {
        let comparator = comparator.ok_or_else(|| {
            format!(
                "`{trimmed}` needs a comparator: write e.g. `<= {}`",
                rest.trim()
            )
        })?;
        return Ok(plain(
            TargetKind::Benchmark {
                comparator,
                benchmark,
            },
            None,
        ));
    }
    if let Some(years) = mean_of_previous(&rest_lower) {
        let comparator = comparator.ok_or_else(|| {
            format!(
                "`{trimmed}` needs a comparator: write e.g. `> {}`",
                rest.trim()
            )
        })?;
        return Ok(plain(
            TargetKind::MeanOfPrevious { comparator, years },
            None,
        ));
    }
    let signed = rest.trim_start().starts_with(['+', '-', '−']);
    let (quantity, after) =
        split_quantity(rest).ok_or_else(|| format!("`{trimmed}` is not a target I can read"))?;
    let kind = match comparator {
        // A bare signed value is a change on the previous year: `+10%`.
        None if signed && rest.trim_start().starts_with('+') => TargetKind::Change {
            comparator: Comparator::Ge,
            delta: quantity.value,
        },
        None if signed => TargetKind::Change {
            comparator: Comparator::Le,
            delta: quantity.value,
        },
        None => TargetKind::Threshold {
            comparator: Comparator::Ge,
            value: quantity.value,
            explicit: false,
        },
        Some(comparator) => TargetKind::Threshold {
            comparator,
            value: quantity.value,
            explicit: true,
        },
    };
    Ok(ParsedTarget {
        kind,
        qualifier: qualifier(after),
        unit: quantity.unit,
    })
}

/// Reads the revised value of a target. A bare value (`20%`, `-3,00%`) keeps
/// the comparator of the original, as the printed pairs `>= 15% 20%` mean.
pub fn parse_revision(text: &str, original: &TargetKind) -> Result<ParsedTarget, String> {
    let parsed = parse_target(text)?;
    let inherited = match (original, &parsed.kind) {
        (
            TargetKind::Threshold { comparator, .. },
            TargetKind::Threshold {
                value,
                explicit: false,
                ..
            }
            | TargetKind::Change { delta: value, .. },
        ) if !has_comparator(text) => Some(TargetKind::Threshold {
            comparator: *comparator,
            value: *value,
            explicit: true,
        }),
        _ => None,
    };
    Ok(match inherited {
        Some(kind) => ParsedTarget { kind, ..parsed },
        None => parsed,
    })
}

/// Whether the text starts with a comparator (`>=`, `≥`, `> =`, ...).
pub fn has_comparator(text: &str) -> bool {
    split_comparator(text.trim()).0.is_some()
}

/// The comparator a text starts with, in any spelling, and the rest.
pub fn leading_comparator(text: &str) -> (Option<Comparator>, &str) {
    split_comparator(text.trim())
}

fn plain(kind: TargetKind, qualifier: Option<String>) -> ParsedTarget {
    ParsedTarget {
        kind,
        qualifier,
        unit: None,
    }
}

fn deadline(text: &str) -> Option<ParsedTarget> {
    let (date, rest) = split_date(text)?;
    Some(ParsedTarget {
        kind: TargetKind::Deadline {
            day: date.day,
            month: date.month,
            year: date.year,
        },
        qualifier: qualifier(rest),
        unit: Some(Unit::Date),
    })
}

fn qualifier(rest: &str) -> Option<String> {
    let rest = rest.trim();
    (!rest.is_empty()).then(|| rest.to_string())
}

/// `>=`, `> =`, `≥`, `=>`, `>`, `<=`, `≤`, `<`, with any spaces.
fn split_comparator(text: &str) -> (Option<Comparator>, &str) {
    const FORMS: [(&str, Comparator); 10] = [
        ("≥", Comparator::Ge),
        ("≤", Comparator::Le),
        (">=", Comparator::Ge),
        ("=>", Comparator::Ge),
        ("<=", Comparator::Le),
        ("=<", Comparator::Le),
        ("> =", Comparator::Ge),
        ("< =", Comparator::Le),
        (">", Comparator::Gt),
        ("<", Comparator::Lt),
    ];
    for (form, comparator) in FORMS {
        if let Some(rest) = text.strip_prefix(form) {
            return (Some(comparator), rest.trim_start());
        }
    }
    (None, text)
}

fn benchmark(lower: &str) -> Option<Benchmark> {
    let text = lower.trim();
    let national = ["dato medio nazionale", "media nazionale", "media naz."];
    let cluster = [
        "dato medio cluster",
        "media cluster",
        "media clus.",
        "media del cluster",
    ];
    if national.iter().any(|f| text.starts_with(f)) {
        Some(Benchmark::NationalMean)
    } else if cluster.iter().any(|f| text.starts_with(f)) {
        Some(Benchmark::ClusterMean)
    } else {
        None
    }
}

/// `media triennio precedente`, `media ultimo biennio`, `media ultimi 4 anni`.
fn mean_of_previous(lower: &str) -> Option<u32> {
    let text = lower.trim();
    let rest = text.strip_prefix("media")?.trim_start();
    let rest = rest
        .strip_prefix("del ")
        .or_else(|| rest.strip_prefix("dell'"))
        .unwrap_or(rest)
        .trim_start();
    let rest = ["ultimo ", "ultimi ", "anni "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .unwrap_or(rest)
        .trim_start();
    if rest.starts_with("triennio") {
        return Some(3);
    }
    if rest.starts_with("biennio") {
        return Some(2);
    }
    let (count, tail) = rest.split_once(' ')?;
    let years: u32 = count.parse().ok()?;
    (tail.starts_with("anni") && years > 0).then_some(years)
}

fn strip_word_ci<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    let head = text.get(..word.len())?;
    if !head.eq_ignore_ascii_case(word) {
        return None;
    }
    let tail = &text[word.len()..];
    match tail.chars().next() {
        Some(c) if c.is_alphanumeric() => None,
        _ => Some(tail.trim_start()),
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use rust_decimal::Decimal;

    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).expect("decimal")
    }

    fn threshold(comparator: Comparator, value: &str) -> TargetKind {
        TargetKind::Threshold {
            comparator,
            value: d(value),
            explicit: true,
        }
    }

    #[test]
    fn a_huge_target_is_refused_with_a_short_message() {
        let huge = format!(">= 1 {}", "x".repeat(100_000));
        let message = parse_target(&huge).expect_err("huge");
        assert!(message.contains("more than the 500"), "{message}");
        assert!(message.len() < 300, "{message}");
    }

    #[test]
    fn comparators_in_every_spelling() {
        for (text, comparator, value) in [
            (">= 0,21%", Comparator::Ge, "0.21"),
            ("≥ 15", Comparator::Ge, "15"),
            ("≥100%", Comparator::Ge, "100"),
            ("> = 80", Comparator::Ge, "80"),
            (">=700", Comparator::Ge, "700"),
            ("> 10%", Comparator::Gt, "10"),
            ("<=3", Comparator::Le, "3"),
            ("≤ -8,75", Comparator::Le, "-8.75"),
            ("< 60 gg", Comparator::Lt, "60"),
            (">= - 6,00%", Comparator::Ge, "-6.00"),
            (">= 90,00 %", Comparator::Ge, "90.00"),
        ] {
            let parsed = parse_target(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(parsed.kind, threshold(comparator, value), "{text}");
        }
        assert_eq!(
            parse_target("< 60 gg").map(|t| t.unit),
            Ok(Some(Unit::Days))
        );
        assert_eq!(
            parse_target(">= 0,21%").map(|t| t.unit),
            Ok(Some(Unit::Percent))
        );
    }

    #[test]
    fn bare_values_mean_at_least() {
        let parsed = parse_target("100%").expect("bare");
        assert_eq!(
            parsed.kind,
            TargetKind::Threshold {
                comparator: Comparator::Ge,
                value: d("100"),
                explicit: false
            }
        );
        assert_eq!(parsed.unit, Some(Unit::Percent));
    }

    #[test]
    fn qualifiers_are_kept() {
        for (text, qualifier) in [
            (
                ">= 0,18% (orientativamente 120 imprese)",
                "(orientativamente 120 imprese)",
            ),
            (
                ">=90% del personale individuato",
                "del personale individuato",
            ),
            (">= 142 (livello prepandemia)", "(livello prepandemia)"),
            ("> 1 N", "N"),
            (
                ">= 60,00 % in sede di monitoraggio si valuterà se fattibile innalzamento a 70%",
                "in sede di monitoraggio si valuterà se fattibile innalzamento a 70%",
            ),
        ] {
            let parsed = parse_target(text).expect(text);
            assert_eq!(parsed.qualifier.as_deref(), Some(qualifier), "{text}");
        }
    }

    #[test]
    fn zero_deadlines_and_undefined() {
        assert_eq!(parse_target("zero").map(|t| t.kind), Ok(TargetKind::Zero));
        assert_eq!(parse_target("Zero").map(|t| t.kind), Ok(TargetKind::Zero));
        assert_eq!(
            parse_target("da def.").map(|t| t.kind),
            Ok(TargetKind::ToBeDefined)
        );
        for (text, day, month, year) in [
            ("entro il 31/12/2023", 31, 12, Some(2023)),
            ("entro il 30/4", 30, 4, None),
            ("entro 30/7", 30, 7, None),
            ("entro 31/12", 31, 12, None),
            ("31/07/2023", 31, 7, Some(2023)),
        ] {
            let parsed = parse_target(text).expect(text);
            assert_eq!(
                parsed.kind,
                TargetKind::Deadline { day, month, year },
                "{text}"
            );
            assert_eq!(parsed.unit, Some(Unit::Date));
        }
        assert!(parse_target("entro il mese").is_err());
    }

    #[test]
    fn relative_targets() {
        assert_eq!(
            parse_target("+10%").map(|t| t.kind),
            Ok(TargetKind::Change {
                comparator: Comparator::Ge,
                delta: d("10")
            })
        );
        assert_eq!(
            parse_target("-5").map(|t| t.kind),
            Ok(TargetKind::Change {
                comparator: Comparator::Le,
                delta: d("-5")
            })
        );
        assert_eq!(
            parse_target("> media triennio precedente").map(|t| t.kind),
            Ok(TargetKind::MeanOfPrevious {
                comparator: Comparator::Gt,
                years: 3
            })
        );
        assert_eq!(
            parse_target(">= media ultimi 2 anni").map(|t| t.kind),
            Ok(TargetKind::MeanOfPrevious {
                comparator: Comparator::Ge,
                years: 2
            })
        );
        assert_eq!(
            parse_target("≤ dato medio nazionale").map(|t| t.kind),
            Ok(TargetKind::Benchmark {
                comparator: Comparator::Le,
                benchmark: Benchmark::NationalMean
            })
        );
        assert_eq!(
            parse_target(">= media clus.").map(|t| t.kind),
            Ok(TargetKind::Benchmark {
                comparator: Comparator::Ge,
                benchmark: Benchmark::ClusterMean
            })
        );
        assert!(
            parse_target("dato medio nazionale").is_err(),
            "needs a comparator"
        );
    }

    #[test]
    fn revisions_inherit_the_comparator() {
        let original = parse_target(">= 15%").expect("original").kind;
        let revised = parse_revision("20%", &original).expect("revised");
        assert_eq!(revised.kind, threshold(Comparator::Ge, "20"));
        let original = parse_target(">= - 6,20%").expect("original").kind;
        let revised = parse_revision("-3,00%", &original).expect("revised");
        assert_eq!(revised.kind, threshold(Comparator::Ge, "-3.00"));
        let revised = parse_revision("> 21%", &original).expect("explicit");
        assert_eq!(revised.kind, threshold(Comparator::Gt, "21"));
    }

    #[test]
    fn unreadable_targets_are_refused() {
        assert!(parse_target("").is_err());
        assert!(parse_target("tanti").is_err());
        assert!(parse_target(">= molti").is_err());
        assert!(parse_target(">= 1.2.3").is_err());
    }
}
