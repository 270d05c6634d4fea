//! Targets as the plan prints them: `>= 0,21% (140)`, `zero`, `entro il
//! 31/12/2023`, `+10%`, `≤ dato medio nazionale`, `da def.` and the rest of
//! the forms listed in docs/content-format.md.

use crate::diagnostics::{Diagnostic, problem, text};
use crate::model::{Benchmark, ChangeMeasure, Comparator, TargetKind, Unit, Year};
use crate::syntax::date::split_date;
use crate::syntax::number::split_quantity;

/// A target read from text, before it is tied to a place in a file.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedTarget {
    pub kind: TargetKind,
    pub qualifier: Option<String>,
    pub unit: Option<Unit>,
}

/// The longest target read: the plans' longest, with its qualifier, is
/// under 100 characters.
pub const MAX_TARGET_CHARS: usize = 500;

pub fn parse_target(text: &str) -> Result<ParsedTarget, Diagnostic> {
    super::within(text, MAX_TARGET_CHARS, text::subject_target())?;
    let trimmed = text.trim();
    let lower = trimmed.to_lowercase();
    if trimmed.is_empty() {
        return Err(problem::target_empty());
    }
    // Not yet defined: `n.d.`, `—`, `da def.`, `da definire (con la Giunta)`.
    if crate::syntax::is_not_available(trimmed) || ["—", "–"].contains(&trimmed) {
        return Ok(plain(TargetKind::ToBeDefined, None));
    }
    for form in ["da definire", "da def.", "da def"] {
        if lower.starts_with(form) {
            let rest = &trimmed[form.len()..];
            if rest.is_empty() || !rest.starts_with(char::is_alphanumeric) {
                return Ok(plain(TargetKind::ToBeDefined, qualifier(rest)));
            }
        }
    }
    if let Some(rest) = strip_word_ci(trimmed, "zero") {
        return Ok(plain(TargetKind::Zero, qualifier(rest)));
    }
    if let Some(rest) = strip_word_ci(trimmed, "entro") {
        return deadline_after_entro(rest)
            .ok_or_else(|| problem::target_deadline_without_date(trimmed));
    }
    if let Some(target) = bare_deadline(trimmed) {
        return Ok(target);
    }
    let (comparator, rest) = split_comparator(trimmed);
    let rest_lower = rest.to_lowercase();
    if let Some(benchmark) = benchmark(&rest_lower) {
        let comparator = comparator.ok_or_else(|| {
            problem::target_without_comparator(trimmed, format!("<= {}", rest.trim()))
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
            problem::target_without_comparator(trimmed, format!("> {}", rest.trim()))
        })?;
        return Ok(plain(
            TargetKind::MeanOfPrevious { comparator, years },
            None,
        ));
    }
    if let Some(parsed) = baseline(trimmed, comparator, rest)? {
        return Ok(parsed);
    }
    let signed = rest.trim_start().starts_with(['+', '-', '−']);
    let (quantity, after) = split_quantity(rest).ok_or_else(|| {
        number_problem(rest).unwrap_or_else(|| problem::target_unreadable(trimmed))
    })?;
    if comparator.is_none() && signed {
        // A bare signed value is a change: `+10%`, `-5 gg`, `+2 p.p.`,
        // `+5% rispetto al 2020`.
        let (points, after) = points(after);
        let (base, after) = base_year(after)?;
        return Ok(change(
            if rest.trim_start().starts_with('+') {
                Comparator::Ge
            } else {
                Comparator::Le
            },
            quantity,
            points,
            base,
            after,
        ));
    }
    let kind = match comparator {
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

/// Why the number at the start of `text` cannot be read (too many digits,
/// misplaced separators), when it starts with one.
fn number_problem(text: &str) -> Option<Diagnostic> {
    let text = text.trim_start().trim_start_matches('€').trim_start();
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+' | '−' | ' ')))
        .unwrap_or(text.len());
    let number = text[..end].trim();
    if !number.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    // The number's reason, with the target's help: it is a target being read.
    crate::syntax::number::parse_number(number)
        .err()
        .map(|problem| problem.help(text::help_target()))
}

/// A change target: in % of the base value when written with `%` (the
/// loader asks which is meant on a percentage indicator), in points with
/// `p.p.`, else in the indicator's unit.
fn change(
    comparator: Comparator,
    quantity: crate::syntax::number::Quantity,
    points: bool,
    base: Option<Year>,
    after: &str,
) -> ParsedTarget {
    let relative = quantity.unit == Some(Unit::Percent) && !points;
    ParsedTarget {
        kind: TargetKind::Change {
            comparator,
            delta: quantity.value,
            measure: if relative {
                ChangeMeasure::Relative
            } else {
                ChangeMeasure::Absolute
            },
            base,
        },
        qualifier: qualifier(after),
        unit: if points {
            Some(Unit::Percent)
        } else {
            quantity.unit
        },
    }
}

/// Whether the change was written in percentage points: `p.p.`, `pp`,
/// `punti percentuali`, `punti`.
fn points(after: &str) -> (bool, &str) {
    let trimmed = after.trim_start();
    for form in ["punti percentuali", "punti", "p.p.", "p.p", "pp"] {
        if let Some(rest) = strip_word_ci(trimmed, form).or_else(|| {
            form.ends_with('.')
                .then(|| strip_prefix_ci(trimmed, form))
                .flatten()
        }) {
            return (true, rest);
        }
    }
    (false, after)
}

/// `rispetto al 2020`, `rispetto al valore del 2020`, `sul 2020`: the base
/// year of a change; `rispetto all'anno precedente` is the default.
fn base_year(after: &str) -> Result<(Option<Year>, &str), Diagnostic> {
    let trimmed = after.trim_start();
    let Some(rest) = strip_word_ci(trimmed, "rispetto")
        .and_then(|r| {
            strip_word_ci(r, "al")
                .or_else(|| strip_prefix_ci(r, "all'"))
                .or_else(|| strip_prefix_ci(r, "all’"))
        })
        .or_else(|| strip_word_ci(trimmed, "sul"))
    else {
        return Ok((None, after));
    };
    let mut rest = rest;
    for filler in ["valore", "dato", "anno", "del", "dell'anno", "base"] {
        rest = strip_word_ci(rest, filler).unwrap_or(rest);
    }
    if let Some(tail) = strip_word_ci(rest, "precedente") {
        return Ok((None, tail));
    }
    match year_at(rest) {
        Some((year, tail)) => Ok((Some(year), tail)),
        None => Err(problem::target_change_without_base_year(after.trim())),
    }
}

/// `>= baseline 2020 + 10%`, `<= baseline 2019 - 5 gg`, `>= baseline 2020`:
/// a change on a named base year, with its comparator.
fn baseline(
    trimmed: &str,
    comparator: Option<Comparator>,
    rest: &str,
) -> Result<Option<ParsedTarget>, Diagnostic> {
    let Some(after) = strip_word_ci(rest, "baseline").or_else(|| strip_word_ci(rest, "valore"))
    else {
        return Ok(None);
    };
    let Some((year, after)) = year_at(after) else {
        return Err(problem::target_baseline_without_year(trimmed));
    };
    let comparator = comparator.ok_or_else(|| {
        problem::target_without_comparator(trimmed, format!(">= {}", rest.trim()))
    })?;
    let after_trimmed = after.trim_start();
    if !after_trimmed.starts_with(['+', '-', '−']) {
        // The base value itself: `>= baseline 2020`.
        return Ok(Some(ParsedTarget {
            kind: TargetKind::Change {
                comparator,
                delta: rust_decimal::Decimal::ZERO,
                measure: ChangeMeasure::Absolute,
                base: Some(year),
            },
            qualifier: qualifier(after),
            unit: None,
        }));
    }
    // `+ 10%`: the sign may be apart from the number.
    let sign_negative = !after_trimmed.starts_with('+');
    let unsigned =
        after_trimmed[after_trimmed.chars().next().map_or(0, char::len_utf8)..].trim_start();
    let (mut quantity, tail) =
        split_quantity(unsigned).ok_or_else(|| problem::target_no_number_after_sign(trimmed))?;
    if sign_negative {
        quantity.value = -quantity.value;
    }
    let (points, tail) = points(tail);
    Ok(Some(change(comparator, quantity, points, Some(year), tail)))
}

/// A four-digit year at the start of `text`, and what follows.
fn year_at(text: &str) -> Option<(Year, &str)> {
    let text = text.trim_start();
    let digits = text.get(..4)?;
    let year = (digits.chars().all(|c| c.is_ascii_digit())
        && !text[4..].starts_with(|c: char| c.is_ascii_digit()))
    .then(|| digits.parse().ok())
    .flatten()?;
    Some((year, &text[4..]))
}

/// Reads the revised value of a target. A bare value (`20%`, `-3,00%`) keeps
/// the comparator of the original, as the printed pairs `>= 15% 20%` mean.
pub fn parse_revision(text: &str, original: &TargetKind) -> Result<ParsedTarget, Diagnostic> {
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
    Some(deadline_target(date, rest))
}

fn deadline_target(date: crate::syntax::date::PartialDate, rest: &str) -> ParsedTarget {
    ParsedTarget {
        kind: TargetKind::Deadline {
            day: date.day,
            month: date.month,
            year: date.year,
        },
        qualifier: qualifier(rest),
        unit: Some(Unit::Date),
    }
}

/// What follows `entro`: `il 31/12/2023`, `giugno 2023`, `il I semestre
/// 2023`, `il 2023`, `fine anno`, `la fine del 2023`.
fn deadline_after_entro(text: &str) -> Option<ParsedTarget> {
    let mut rest = text;
    for filler in ["il", "la", "fine", "del", "dell'anno"] {
        rest = strip_word_ci(rest, filler).unwrap_or(rest);
    }
    if let Some(target) = deadline(rest) {
        return Some(target);
    }
    // A year alone, or "fine anno": its last day.
    let end_of_year = |year: Option<Year>, rest: &str| {
        deadline_target(
            crate::syntax::date::PartialDate {
                day: Some(31),
                month: 12,
                year,
            },
            rest,
        )
    };
    if let Some((year, tail)) = year_at(rest) {
        return Some(end_of_year(Some(year), tail));
    }
    strip_word_ci(rest, "anno").map(|tail| end_of_year(None, tail))
}

/// A date written alone as a deadline: `31/07/2023`, `30.06.2023`,
/// `settembre 2020`, `I semestre 2023`; never a plain number.
fn bare_deadline(text: &str) -> Option<ParsedTarget> {
    let numeric = text.starts_with(|c: char| c.is_ascii_digit());
    if numeric {
        let token = text.split_whitespace().next().unwrap_or_default();
        let dotted_with_year =
            token.split('.').count() == 3 && token.rsplit('.').next().is_some_and(|y| y.len() == 4);
        if !(token.contains('/') || dotted_with_year) {
            // `15 luglio 2023` is a date; `15` or `1.500` are numbers.
            let (date, rest) = split_date(text)?;
            return (date.year.is_some()
                && !token.contains(['.', ','])
                && text[token.len()..]
                    .trim_start()
                    .starts_with(char::is_alphabetic))
            .then(|| deadline_target(date, rest));
        }
    }
    let (date, rest) = split_date(text)?;
    // A month or a semester needs its year to be a deadline on its own.
    (numeric || date.year.is_some()).then(|| deadline_target(date, rest))
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

/// `word` at the start of `text`, any case, whatever follows it.
fn strip_prefix_ci<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    let head = text.get(..word.len())?;
    head.eq_ignore_ascii_case(word)
        .then(|| text[word.len()..].trim_start())
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

    fn en(problem: Diagnostic) -> String {
        problem.said(crate::diagnostics::Lang::En).message
    }

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
        let message = en(parse_target(&huge).expect_err("huge"));
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
            let parsed = parse_target(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
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
            ("entro il 31/12/2023", Some(31), 12, Some(2023)),
            ("entro il 30/4", Some(30), 4, None),
            ("entro 30/7", Some(30), 7, None),
            ("entro 31/12", Some(31), 12, None),
            ("31/07/2023", Some(31), 7, Some(2023)),
            ("30.06.2023", Some(30), 6, Some(2023)),
            ("entro gennaio 2021", None, 1, Some(2021)),
            ("entro GENNAIO 2021", None, 1, Some(2021)),
            ("settembre 2020", None, 9, Some(2020)),
            ("SETTEMBRE 2020", None, 9, Some(2020)),
            ("I semestre 2023", None, 6, Some(2023)),
            ("entro il II semestre 2023", None, 12, Some(2023)),
            ("entro il 2023", Some(31), 12, Some(2023)),
            ("entro la fine del 2024", Some(31), 12, Some(2024)),
            ("entro fine anno", Some(31), 12, None),
            ("entro giugno", None, 6, None),
            ("entro il 15 luglio 2023", Some(15), 7, Some(2023)),
            ("15 luglio 2023", Some(15), 7, Some(2023)),
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
        // Numbers stay numbers.
        for text in ["1.500", "30.06", "100%", "2023", "15"] {
            assert!(
                matches!(
                    parse_target(text).map(|t| t.kind),
                    Ok(TargetKind::Threshold { .. })
                ),
                "{text}"
            );
        }
    }

    #[test]
    fn targets_not_yet_defined() {
        for text in [
            "n.d.",
            "N.D.",
            "nd",
            "ND",
            "—",
            "–",
            "-",
            "da definire",
            "Da definire",
        ] {
            let parsed = parse_target(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
            assert_eq!(parsed.kind, TargetKind::ToBeDefined, "{text}");
            assert_eq!(parsed.qualifier, None, "{text}");
        }
        let parsed = parse_target("da definire con la Giunta entro marzo").expect("text after");
        assert_eq!(parsed.kind, TargetKind::ToBeDefined);
        assert_eq!(
            parsed.qualifier.as_deref(),
            Some("con la Giunta entro marzo")
        );
        let parsed = parse_target("da def. (in attesa dei dati 2022)").expect("text after");
        assert_eq!(
            parsed.qualifier.as_deref(),
            Some("(in attesa dei dati 2022)")
        );
        assert!(parse_target("da definirsi").is_err());
    }

    fn change(
        comparator: Comparator,
        delta: &str,
        measure: ChangeMeasure,
        base: Option<Year>,
    ) -> TargetKind {
        TargetKind::Change {
            comparator,
            delta: d(delta),
            measure,
            base,
        }
    }

    #[test]
    fn changes_on_a_base_year() {
        use ChangeMeasure::{Absolute, Relative};
        for (text, expected, unit) in [
            (
                "+10%",
                change(Comparator::Ge, "10", Relative, None),
                Some(Unit::Percent),
            ),
            ("-5", change(Comparator::Le, "-5", Absolute, None), None),
            (
                "+10 p.p.",
                change(Comparator::Ge, "10", Absolute, None),
                Some(Unit::Percent),
            ),
            (
                "+2,5 punti percentuali",
                change(Comparator::Ge, "2.5", Absolute, None),
                Some(Unit::Percent),
            ),
            (
                "+5% rispetto al 2020",
                change(Comparator::Ge, "5", Relative, Some(2020)),
                Some(Unit::Percent),
            ),
            (
                "-3 gg rispetto al valore del 2021",
                change(Comparator::Le, "-3", Absolute, Some(2021)),
                Some(Unit::Days),
            ),
            (
                "+10% rispetto all'anno precedente",
                change(Comparator::Ge, "10", Relative, None),
                Some(Unit::Percent),
            ),
            (
                ">= baseline 2020 + 10%",
                change(Comparator::Ge, "10", Relative, Some(2020)),
                Some(Unit::Percent),
            ),
            (
                "<= baseline 2019 - 5",
                change(Comparator::Le, "-5", Absolute, Some(2019)),
                None,
            ),
            (
                ">= baseline 2020 + 3 p.p.",
                change(Comparator::Ge, "3", Absolute, Some(2020)),
                Some(Unit::Percent),
            ),
            (
                ">= baseline 2020",
                change(Comparator::Ge, "0", Absolute, Some(2020)),
                None,
            ),
        ] {
            let parsed = parse_target(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
            assert_eq!(parsed.kind, expected, "{text}");
            assert_eq!(parsed.unit, unit, "{text}");
            assert_eq!(parsed.qualifier, None, "{text}");
        }
        assert!(parse_target("+5% rispetto al").is_err());
        assert!(
            parse_target("baseline 2020 + 10%").is_err(),
            "needs a comparator"
        );
        assert!(parse_target(">= baseline + 10%").is_err(), "needs a year");
    }

    #[test]
    fn relative_targets() {
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
    fn a_number_that_cannot_be_kept_says_why() {
        let problem = parse_target(&format!(">= 0,{}1%", "0".repeat(28))).expect_err("29 decimals");
        assert_eq!(problem.code(), "number-too-many-digits");
        let problem = parse_target(">= 1.2.3").expect_err("dots");
        assert_eq!(problem.code(), "number-misplaced-dots");
    }

    #[test]
    fn unreadable_targets_are_refused() {
        assert!(parse_target("").is_err());
        assert!(parse_target("tanti").is_err());
        assert!(parse_target(">= molti").is_err());
        assert!(parse_target(">= 1.2.3").is_err());
    }
}
