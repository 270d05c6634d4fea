#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]
//! Values and targets as plans print them, one case each, on a copy of
//! `fixtures/every-shape` with one line changed: either accepted with the
//! right meaning, or refused with the file, the line and what to write
//! instead. No value is ever read as "not available" without a word.

#[path = "common/mod.rs"]
mod common;

use std::fs;
use std::path::Path;
use std::str::FromStr;

use cruscotto::Checked;
use cruscotto::engine::scoring::{Rule, Status};
use cruscotto::engine::{Basis, Missing, Reason, Unassessable, YearResult};
use cruscotto::model::{ChangeMeasure, Date, Observed, PlanIndex, TargetKind};
use rust_decimal::Decimal;

const STRATEGIC: &str = "content/area-a/01-strategico.md";
const OPERATIONAL: &str = "content/area-a/01-strategico/01-operativo.md";
const TEMPI: &str = "content/area-b/01-ente/01-tempi.md";

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).expect("decimal")
}

/// Checks a copy of every-shape with `from` replaced by `to` in `file`;
/// returns the result and the 1-based line where `to` starts.
fn check_with(file: &str, from: &str, to: &str) -> (Checked, usize) {
    let temp = tempfile::tempdir().expect("temp dir");
    let root = temp.path().join("site");
    common::copy_dir(Path::new("fixtures/every-shape"), &root);
    let path = root.join(file);
    let text = fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "{file} has no `{from}`");
    let edited = text.replacen(from, to, 1);
    let line = edited[..edited.find(to).expect("edited")]
        .matches('\n')
        .count()
        + 1;
    fs::write(&path, edited).expect("write");
    (cruscotto::check(&root), line)
}

/// The edit is refused: an error at `file:line` whose message and help say
/// what is wrong and what to write.
fn refused(file: &str, from: &str, to: &str, message: &str, help: &str) {
    let (checked, line) = check_with(file, from, to);
    let errors: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == cruscotto::diagnostics::Severity::Error)
        .collect();
    let found = errors.iter().any(|e| {
        let place = e.span.as_ref().map(|s| checked.sources.location(s));
        let said = e.said(cruscotto::diagnostics::Lang::En);
        place.as_deref() == Some(&format!("{file}:{line}"))
            && said.message.contains(message)
            && said.help.as_deref().is_some_and(|h| h.contains(help))
    });
    assert!(
        found && checked.evaluated.is_none(),
        "`{to}`: expected an error at {file}:{line} saying `{message}` with help `{help}`:\n{}",
        checked
            .diagnostics
            .render(&checked.sources, cruscotto::diagnostics::Lang::En)
    );
}

/// The edit is accepted: the site checks without errors.
fn accepted(file: &str, from: &str, to: &str) -> Checked {
    let (checked, _) = check_with(file, from, to);
    assert_eq!(
        checked.diagnostics.errors(),
        0,
        "`{to}`:\n{}",
        checked
            .diagnostics
            .render(&checked.sources, cruscotto::diagnostics::Lang::En)
    );
    checked
}

fn year_of<'c>(checked: &'c Checked, id: &str, year: i32) -> &'c YearResult {
    let (plan, evaluation) = checked.evaluated.as_ref().expect("evaluated");
    let index = PlanIndex::new(plan);
    let &(o, i) = index.indicators.get(id).expect(id);
    &evaluation.indicators[o][i].years[&year]
}

fn target_of(checked: &Checked, id: &str, year: i32) -> TargetKind {
    let (plan, _) = checked.evaluated.as_ref().expect("evaluated");
    let index = PlanIndex::new(plan);
    index.indicator(plan, id).expect(id).targets[&year]
        .effective()
        .kind
        .clone()
}

// Values that are not a number, a date, ND or declared text.

const COUNT_2020: &str = "      2020: \"2.660\"";

#[test]
fn two_minus_signs_are_refused() {
    refused(
        STRATEGIC,
        COUNT_2020,
        "      2020: \"--5\"",
        "`--5` is not a number",
        "write a number like 65.991",
    );
}

#[test]
fn nan_is_refused() {
    refused(
        STRATEGIC,
        COUNT_2020,
        "      2020: NaN",
        "`NaN` is not a number",
        "{ text: ",
    );
}

#[test]
fn a_date_where_a_number_goes_is_refused() {
    refused(
        STRATEGIC,
        COUNT_2020,
        "      2020: \"settembre 2020\"",
        "`settembre 2020` is a date, but the indicator's unit is number",
        "`unit: date`",
    );
    refused(
        STRATEGIC,
        COUNT_2020,
        "      2020: \"31/12/2020\"",
        "is a date",
        "`unit: date`",
    );
}

#[test]
fn more_than_28_decimals_are_refused() {
    let value = format!("      2020: \"0,{}1\"", "0".repeat(28));
    refused(
        STRATEGIC,
        COUNT_2020,
        &value,
        "has more digits than can be kept exactly (at most 28)",
        "write a number like",
    );
    // In a target and a measure too.
    refused(
        STRATEGIC,
        "      2022: \">= 3.500\"",
        &format!("      2022: \">= 0,{}1\"", "0".repeat(28)),
        "has more digits than can be kept exactly",
        "write a target like",
    );
    refused(
        STRATEGIC,
        "assistite: 106,",
        &format!("assistite: \"0,{}1\",", "0".repeat(28)),
        "has more digits than can be kept exactly",
        "write a number like",
    );
}

#[test]
fn digits_of_other_alphabets_are_refused() {
    for digits in ["２６６０", "٢٦٦٠"] {
        refused(
            STRATEGIC,
            COUNT_2020,
            &format!("      2020: \"{digits}\""),
            "which is not one of 0-9",
            "with the digits 0-9",
        );
    }
}

#[test]
fn free_text_must_be_declared() {
    refused(
        STRATEGIC,
        "      2021: { text: \"manifestazioni annullate\" }",
        "      2021: \"manifestazioni annullate\"",
        "`manifestazioni annullate` is not a number",
        "`{ text: \"manifestazioni annullate\" }`",
    );
    // Declared, it is kept as printed and the year has no value.
    let checked = accepted(STRATEGIC, COUNT_2020, COUNT_2020);
    let (plan, _) = checked.evaluated.as_ref().expect("evaluated");
    let index = PlanIndex::new(plan);
    let conteggio = index.indicator(plan, "conteggio").expect("conteggio");
    assert_eq!(
        conteggio.series[&2021].observed,
        Observed::NotAvailable("manifestazioni annullate".into())
    );
    assert_eq!(
        year_of(&checked, "conteggio", 2021).missing,
        Some(Missing::Printed("manifestazioni annullate".into()))
    );
    // A value and a text at once: which one is meant?
    refused(
        STRATEGIC,
        "      2021: { text: \"manifestazioni annullate\" }",
        "      2021: { value: 5, text: \"manifestazioni annullate\" }",
        "has both a `value` and a `text`",
        "move the words to `remark`",
    );
}

#[test]
fn not_available_stays_not_available() {
    for nd in ["ND", "nd", "n.d.", "N.D.", "—"] {
        let checked = accepted(STRATEGIC, COUNT_2020, &format!("      2020: \"{nd}\""));
        assert_eq!(year_of(&checked, "conteggio", 2020).value, None, "{nd}");
    }
}

// Targets.

#[test]
fn targets_not_yet_defined() {
    for (text, qualifier) in [
        ("n.d.", None),
        ("N.D.", None),
        ("nd", None),
        ("—", None),
        ("da def.", None),
        ("da definire", None),
        ("da definire dopo la gara", Some("dopo la gara")),
    ] {
        let checked = accepted(
            STRATEGIC,
            "      2022: \">= 3.500\"",
            &format!("      2022: \"{text}\""),
        );
        assert_eq!(
            target_of(&checked, "conteggio", 2022),
            TargetKind::ToBeDefined
        );
        let (plan, _) = checked.evaluated.as_ref().expect("evaluated");
        let index = PlanIndex::new(plan);
        let target = &index
            .indicator(plan, "conteggio")
            .expect("conteggio")
            .targets[&2022];
        assert_eq!(target.original.qualifier.as_deref(), qualifier, "{text}");
        assert_eq!(target.original.text, text, "kept as printed");
        let assessment = year_of(&checked, "conteggio", 2022)
            .assessment
            .as_ref()
            .expect("assessed");
        assert_eq!(assessment.reason, Some(Reason::TargetToBeDefined), "{text}");
    }
}

#[test]
fn a_bare_percent_change_on_a_percentage_asks_which_is_meant() {
    refused(
        TEMPI,
        "    target: { target: \"+10%\", change: points }",
        "    target: \"+10%\"",
        "can mean two things: a change of +10 percentage points, or of +10% of the base value",
        "write `+10 p.p.` for percentage points",
    );
}

#[test]
fn points_and_relative_changes_are_both_writable() {
    // tasso-evasione: 60% in 2022, 72% in 2023: +12 points.
    for written in [
        "    target: \"+10 p.p.\"",
        "    target: { target: \"+10%\", change: points }",
    ] {
        let checked = accepted(
            TEMPI,
            "    target: { target: \"+10%\", change: points }",
            written,
        );
        assert!(matches!(
            target_of(&checked, "tasso-evasione", 2023),
            TargetKind::Change {
                measure: ChangeMeasure::Absolute,
                base: None,
                ..
            }
        ));
        let compared = year_of(&checked, "tasso-evasione", 2023)
            .assessment
            .as_ref()
            .and_then(|a| a.compared.as_ref())
            .cloned()
            .expect("compared");
        assert_eq!(compared.actual, d("12"), "{written}");
        assert!(matches!(
            compared.basis,
            Basis::Change {
                relative: false,
                ..
            }
        ));
    }
    // Relative on a percentage: (72 − 60) / 60 = +20% against +10%: met.
    let checked = accepted(
        TEMPI,
        "    target: { target: \"+10%\", change: points }",
        "    target: { target: \"+10%\", change: relative }",
    );
    let compared = year_of(&checked, "tasso-evasione", 2023)
        .assessment
        .as_ref()
        .and_then(|a| a.compared.clone())
        .expect("compared");
    assert_eq!(compared.actual, d("20"));
    // Points on a count make no sense.
    refused(
        TEMPI,
        // The count's `+10%` (the rate's is written with `change:`).
        "    target: \"+10%\"",
        "    target: \"+10 p.p.\"",
        "is in percentage points, but the indicator is not a percentage",
        "write `+10%` for a relative change",
    );
}

#[test]
fn changes_on_a_named_base_year() {
    // conteggio: 2.660 in 2020, 3.671 in 2022: +38,007...% on 2020.
    for text in [">= baseline 2020 + 30%", "+30% rispetto al 2020"] {
        let checked = accepted(
            STRATEGIC,
            "      2022: \">= 3.500\"",
            &format!("      2022: \"{text}\""),
        );
        let result = year_of(&checked, "conteggio", 2022);
        let assessment = result.assessment.as_ref().expect("assessed");
        let compared = assessment.compared.as_ref().expect("compared");
        assert_eq!(
            compared.basis,
            Basis::Change {
                previous: d("2660"),
                relative: true,
                base: 2020
            },
            "{text}"
        );
        // (3.671 − 2.660) / 2.660 × 100 = 38,0075...%
        assert_eq!(compared.actual.round_dp(4), d("38.0075"), "{text}");
        assert_eq!(assessment.status, Status::Raggiunto, "{text}");
    }
    // The base year must come before the target's.
    refused(
        STRATEGIC,
        "      2022: \">= 3.500\"",
        "      2022: \"+5% rispetto al 2023\"",
        "the base year 2023 is not before the target's year 2022",
        "name a year before the target's",
    );
    // A base year with no value: not assessable, never a zero.
    let checked = accepted(
        STRATEGIC,
        "      2022: \">= 3.500\"",
        "      2022: \"+5% rispetto al 2019\"",
    );
    let assessment = year_of(&checked, "conteggio", 2022)
        .assessment
        .as_ref()
        .expect("assessed");
    assert_eq!(
        assessment.unassessable,
        Some(Unassessable::NoPreviousValue(2019))
    );
}

// Deadlines.

const DEADLINE: &str = "    target: \"entro il 31/7\"";

fn due_and_status(checked: &Checked) -> (Option<Date>, Status) {
    let result = year_of(checked, "scadenza", 2023);
    let assessment = result.assessment.as_ref().expect("assessed");
    let due = match assessment.score.as_ref().map(|s| &s.rule) {
        Some(Rule::Deadline { due, .. } | Rule::NotDone { due }) => Some(*due),
        _ => None,
    };
    (due, assessment.status)
}

#[test]
fn deadlines_in_every_printed_form() {
    let date = |y, m, d| Date {
        year: y,
        month: m,
        day: d,
    };
    // `scadenza` was completed on 15/07/2023.
    for (text, due, status) in [
        ("entro luglio 2023", date(2023, 7, 31), Status::Raggiunto),
        ("entro LUGLIO 2023", date(2023, 7, 31), Status::Raggiunto),
        ("entro il 2023", date(2023, 12, 31), Status::Raggiunto),
        (
            "entro il I semestre 2023",
            date(2023, 6, 30),
            Status::NonRaggiunto,
        ),
        ("II semestre 2023", date(2023, 12, 31), Status::Raggiunto),
        ("luglio 2023", date(2023, 7, 31), Status::Raggiunto),
        ("31/12/2023", date(2023, 12, 31), Status::Raggiunto),
        ("30.06.2023", date(2023, 6, 30), Status::NonRaggiunto),
        ("entro giugno", date(2023, 6, 30), Status::NonRaggiunto),
        (
            "entro il 15 luglio 2023",
            date(2023, 7, 15),
            Status::Raggiunto,
        ),
    ] {
        let checked = accepted(OPERATIONAL, DEADLINE, &format!("    target: \"{text}\""));
        assert_eq!(due_and_status(&checked), (Some(due), status), "{text}");
    }
}

#[test]
fn a_late_completion_shows_its_delay() {
    // `scadenza-mancata`: due 30/04/2023, done 02/05/2023: two days late.
    let checked = accepted(OPERATIONAL, DEADLINE, DEADLINE);
    let score = year_of(&checked, "scadenza-mancata", 2023)
        .assessment
        .as_ref()
        .and_then(|a| a.score.clone())
        .expect("scored");
    assert_eq!(score.status, Status::NonRaggiunto);
    assert!(
        matches!(score.rule, Rule::Deadline { delay: 2, .. }),
        "{:?}",
        score.rule
    );
}

#[test]
fn not_done_is_missed_once_the_deadline_has_passed() {
    // A final "non realizzato": missed, not "not assessable".
    let checked = accepted(
        OPERATIONAL,
        "      2023: 15/07/2023",
        "      2023: \"non realizzato\"",
    );
    let result = year_of(&checked, "scadenza", 2023);
    assert_eq!(
        result.missing,
        Some(Missing::NotDone("non realizzato".into()))
    );
    assert_eq!(
        due_and_status(&checked),
        (
            Some(Date {
                year: 2023,
                month: 7,
                day: 31
            }),
            Status::NonRaggiunto
        )
    );
    // A monitoring reading before the due date: not yet due.
    let checked = accepted(
        OPERATIONAL,
        "      2023: 15/07/2023",
        "      2023: { value: \"non realizzato\", as_of: 30/06/2023 }",
    );
    let assessment = year_of(&checked, "scadenza", 2023)
        .assessment
        .as_ref()
        .expect("assessed");
    assert_eq!(assessment.reason, Some(Reason::NoValue));
    assert!(matches!(
        assessment.unassessable,
        Some(Unassessable::NotYetDue(_))
    ));
    // After the due date: missed.
    let checked = accepted(
        OPERATIONAL,
        "      2023: 15/07/2023",
        "      2023: { value: \"non realizzato\", as_of: 30/09/2023 }",
    );
    assert_eq!(due_and_status(&checked).1, Status::NonRaggiunto);
    // Anything else where a completion date goes says what to write.
    refused(
        OPERATIONAL,
        "      2023: 15/07/2023",
        "      2023: \"quasi finito\"",
        "a date indicator's value is the completion date: `quasi finito` is not a date",
        "or `non realizzato` when it was not completed",
    );
}

#[test]
fn a_deadline_moved_to_another_year_is_a_revision() {
    let checked = accepted(
        OPERATIONAL,
        DEADLINE,
        "    target: { target: \"entro il 31/7\", revised: \"entro marzo 2024\", reason: \"Proroga\" }",
    );
    assert_eq!(
        target_of(&checked, "scadenza", 2023),
        TargetKind::Deadline {
            day: None,
            month: 3,
            year: Some(2024)
        }
    );
    assert_eq!(
        due_and_status(&checked),
        (
            Some(Date {
                year: 2024,
                month: 3,
                day: 31
            }),
            Status::Raggiunto
        )
    );
}

// A spreadsheet of results: words in the value column are an error at
// their row and column, never "not available".

#[test]
fn words_in_a_sheet_value_are_refused_at_their_row() {
    let temp = tempfile::tempdir().expect("temp dir");
    let root = temp.path().join("site");
    common::copy_dir(Path::new("fixtures/results"), &root);
    let sheet = root.join("rilevazioni/2023.csv");
    let text = fs::read_to_string(&sheet).expect("sheet");
    let edited = text.replace(
        "servizi-digitali,eventi,,Eventi informativi realizzati,number,>= 10,5,",
        "servizi-digitali,eventi,,Eventi informativi realizzati,number,>= 10,annullati,",
    );
    assert_ne!(edited, text);
    fs::write(&sheet, edited).expect("write");
    let checked = cruscotto::check(&root);
    let found = checked.diagnostics.iter().any(|e| {
        let said = e.said(cruscotto::diagnostics::Lang::En);
        e.span.as_ref().map(|s| checked.sources.location(s))
            == Some("rilevazioni/2023.csv:6".into())
            && said
                .message
                .contains("row 6, column `value`: `annullati` is not a number")
            && said
                .help
                .as_deref()
                .is_some_and(|h| h.contains("ND when it is not available (say why in `cause`)"))
    });
    assert!(
        found && checked.evaluated.is_none(),
        "{}",
        checked
            .diagnostics
            .render(&checked.sources, cruscotto::diagnostics::Lang::En)
    );
}

// Notes tied to no indicator.

#[test]
fn an_unnumbered_note_gets_no_warning_and_may_print_a_date() {
    let from = "  - label: \"Nota 9\"\n    source: \"Rendicontazione\"\n    series: { 2020: ND, 2021: ND }";
    let (checked, _) = check_with(
        STRATEGIC,
        from,
        "  - source: \"Rendicontazione\"\n    series: { 2020: 30/06/2020, 2021: ND }",
    );
    assert_eq!(checked.diagnostics.errors(), 0);
    assert!(
        !checked
            .diagnostics
            .iter()
            .any(|d| d.code() == "note-not-referenced"),
        "{}",
        checked
            .diagnostics
            .render(&checked.sources, cruscotto::diagnostics::Lang::En)
    );
    let (plan, _) = checked.evaluated.as_ref().expect("evaluated");
    let note = plan
        .objectives
        .iter()
        .flat_map(|o| &o.notes)
        .next()
        .expect("the note");
    assert_eq!(note.label, None);
    assert_eq!(
        note.series[&2020].observed,
        Observed::Date(Date {
            year: 2020,
            month: 6,
            day: 30
        })
    );
}
