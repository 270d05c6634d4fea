//! Stage 3: the evaluation engine. Pure: a [`Plan`] in, an [`Evaluation`]
//! out, no file or clock. Every number is a `rust_decimal::Decimal`; each
//! computed value keeps its working so the site can show how it was found.

pub mod formula;
pub mod rollup;
pub mod scoring;

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;
use serde::Serialize;

use crate::diagnostics::{Arg, Diagnostic, Diagnostics, problem, text};
use crate::model::{
    Benchmark, ChangeMeasure, Comparator, Date, Indicator, Observed, Plan, PlanIndex, Printed,
    ScoringRules, SeriesEntry, TargetEntry, TargetKind, Unit, ValueChoice, Year,
};
use formula::{EvalError, Term, Terms};
pub use rollup::{ReasonCounts, Rollup, StatusCounts, YearRollup};
use scoring::{Score, Status};

/// The evaluated plan, aligned with the plan: `indicators[o][i]` is the
/// result of `plan.objectives[o].indicators[i]`.
#[derive(Debug, Clone)]
pub struct Evaluation {
    pub indicators: Vec<Vec<IndicatorResult>>,
    /// One per objective, in the plan's order.
    pub objectives: Vec<Rollup>,
    /// One per ambito, in the config's order.
    pub ambiti: Vec<Rollup>,
    pub plan: Rollup,
    /// Problems found in the data (division by zero, printed values that do
    /// not match their measures).
    pub diagnostics: Diagnostics,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct IndicatorResult {
    /// Every year with a target or a series entry.
    pub years: BTreeMap<Year, YearResult>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearResult {
    /// The official value: the printed one, or the one computed from the
    /// measures when nothing was printed, when both agree, or when the
    /// config chooses computed values.
    pub value: Option<Decimal>,
    /// The completion date, for date indicators.
    pub date: Option<Date>,
    /// Final, or a monitoring reading; `None` when there is no value.
    pub value_status: Option<ValueStatus>,
    /// The date of a monitoring reading.
    pub as_of: Option<Date>,
    /// How the value was computed, when a formula computed it.
    pub working: Option<Working>,
    /// The computed value differs from the printed one beyond its rounding.
    pub mismatch: bool,
    /// Why there is no value.
    pub missing: Option<Missing>,
    /// The check against the target, when the year has one.
    pub assessment: Option<Assessment>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueStatus {
    Final,
    Monitoring,
}

impl ValueStatus {
    pub fn code(self) -> &'static str {
        match self {
            ValueStatus::Final => "final",
            ValueStatus::Monitoring => "monitoring",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Working {
    pub formula: String,
    #[serde(skip)]
    pub expr: crate::model::Expr,
    pub terms: Vec<Term>,
    pub result: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "reason", content = "detail", rename_all = "snake_case")]
pub enum Missing {
    /// The source printed no value: `ND`, a blank, or words.
    Printed(String),
    /// A deadline's work was not completed (`non realizzato`), as printed.
    NotDone(String),
    /// The series has no entry for the year.
    NotInSeries,
    /// The formula needs values the series does not give.
    Terms(Vec<String>),
    /// None of the indicators a meta-indicator looks at could be assessed.
    NothingAssessed,
    /// The formula could not be computed (division by zero, overflow).
    Invalid,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    pub status: Status,
    /// The numbers compared, when the target is numeric.
    pub compared: Option<Compared>,
    pub score: Option<Score>,
    pub unassessable: Option<Unassessable>,
    /// Why the year is not assessable, in one of six kinds.
    pub reason: Option<Reason>,
}

/// What was compared with what.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Compared {
    pub actual: Decimal,
    pub comparator: Comparator,
    pub target: Decimal,
    pub basis: Basis,
}

/// Where the compared numbers come from, when not simply value and target.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "basis", rename_all = "snake_case")]
pub enum Basis {
    Value,
    /// The change on the value of a base year (the previous year unless
    /// the target names one), in the indicator's unit or in %.
    Change {
        previous: Decimal,
        relative: bool,
        base: Year,
    },
    /// The mean of the indicator's values in earlier years.
    MeanOfPrevious {
        years: Vec<(Year, Decimal)>,
    },
    Benchmark {
        benchmark: BenchmarkKind,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BenchmarkKind {
    NationalMean,
    ClusterMean,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "reason", content = "detail", rename_all = "snake_case")]
pub enum Unassessable {
    NoValue,
    /// The source says the value is not available (`ND`, or words).
    NotAvailable(String),
    TargetToBeDefined,
    NoPreviousValue(Year),
    NoEarlierValues(Vec<Year>),
    NoBenchmark(BenchmarkKind),
    NoCompletionDate,
    /// Not completed yet at a monitoring reading before the due date.
    NotYetDue(Date),
    /// The due date of a deadline cannot be a date (`31/2`).
    InvalidDueDate,
    Overflow,
    /// The content declares the year's target neutralised, with this reason.
    Neutralised(String),
}

impl Unassessable {
    pub fn reason(&self) -> Reason {
        match self {
            Unassessable::NoValue | Unassessable::NoCompletionDate | Unassessable::NotYetDue(_) => {
                Reason::NoValue
            }
            Unassessable::NotAvailable(_) => Reason::NotAvailable,
            Unassessable::TargetToBeDefined => Reason::TargetToBeDefined,
            Unassessable::NoPreviousValue(_)
            | Unassessable::NoEarlierValues(_)
            | Unassessable::NoBenchmark(_) => Reason::ComparisonMissing,
            Unassessable::InvalidDueDate | Unassessable::Overflow => Reason::TargetNotMeasurable,
            Unassessable::Neutralised(_) => Reason::Neutralised,
        }
    }
}

/// The kinds of "not assessable", kept apart in badges, counts, filters and
/// data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The year has not ended or its value has not come in yet.
    NoValue,
    /// The source says not available (ND).
    NotAvailable,
    /// The target is still to be defined.
    TargetToBeDefined,
    /// The value the target compares with (a previous year, a mean, a
    /// benchmark) is missing.
    ComparisonMissing,
    /// A value exists but the target cannot be measured against it.
    TargetNotMeasurable,
    /// A formal neutralisation declared in the content (SMVP).
    Neutralised,
}

impl Reason {
    pub const ALL: [Reason; 6] = [
        Reason::NoValue,
        Reason::NotAvailable,
        Reason::TargetToBeDefined,
        Reason::ComparisonMissing,
        Reason::TargetNotMeasurable,
        Reason::Neutralised,
    ];

    /// The code used in data files.
    pub fn code(self) -> &'static str {
        match self {
            Reason::NoValue => "no_value",
            Reason::NotAvailable => "not_available",
            Reason::TargetToBeDefined => "target_to_be_defined",
            Reason::ComparisonMissing => "comparison_missing",
            Reason::TargetNotMeasurable => "target_not_measurable",
            Reason::Neutralised => "neutralised",
        }
    }
}

pub fn evaluate(plan: &Plan) -> Evaluation {
    let index = PlanIndex::new(plan);
    let mut diagnostics = Diagnostics::new();
    let mut results: Vec<Vec<Option<IndicatorResult>>> = plan
        .objectives
        .iter()
        .map(|o| vec![None; o.indicators.len()])
        .collect();
    for (o, i) in evaluation_order(plan, &index) {
        let result = evaluate_indicator(plan, &index, o, i, &results, &mut diagnostics);
        results[o][i] = Some(result);
    }
    let indicators: Vec<Vec<IndicatorResult>> = results
        .into_iter()
        .map(|row| row.into_iter().map(Option::unwrap_or_default).collect())
        .collect();
    let (objectives, ambiti, whole) = rollup::roll_up(plan, &index, &indicators);
    missing_causes(plan, &indicators, &mut diagnostics);
    Evaluation {
        indicators,
        objectives,
        ambiti,
        plan: whole,
        diagnostics,
    }
}

/// Indicators in an order where each comes after those it depends on;
/// any left in a circle (already reported by validation) come last.
fn evaluation_order(plan: &Plan, index: &PlanIndex) -> Vec<(usize, usize)> {
    let graph = crate::validate::dependencies(plan, index);
    let mut done = BTreeSet::new();
    let mut order = Vec::new();
    loop {
        let ready: Vec<(usize, usize)> = graph
            .iter()
            .filter(|(node, deps)| !done.contains(*node) && deps.iter().all(|d| done.contains(d)))
            .map(|(node, _)| *node)
            .collect();
        if ready.is_empty() {
            break;
        }
        for node in ready {
            done.insert(node);
            order.push(node);
        }
    }
    order.extend(graph.keys().filter(|n| !done.contains(*n)));
    order
}

/// Looks up measures in the indicator's series, other indicators' values and
/// the achievements of the indicators in a meta-indicator's scope.
struct Context<'a> {
    plan: &'a Plan,
    index: &'a PlanIndex,
    indicator: &'a Indicator,
    objective: usize,
    results: &'a [Vec<Option<IndicatorResult>>],
}

impl Terms for Context<'_> {
    fn measure(&self, name: &str, year: Year) -> Option<Decimal> {
        self.indicator
            .series
            .get(&year)?
            .measures
            .get(name)
            .copied()
            .flatten()
    }

    fn indicator(&self, id: &str, year: Year) -> Option<Decimal> {
        let &(o, i) = self.index.indicators.get(id)?;
        self.results[o][i].as_ref()?.years.get(&year)?.value
    }

    fn counts(&self, year: Year, threshold: Decimal) -> (usize, usize) {
        let mut above = 0;
        let mut assessed = 0;
        for (o, i) in self
            .index
            .scope_of(self.plan, self.objective, self.indicator)
        {
            let score = self.results[o][i]
                .as_ref()
                .and_then(|r| r.years.get(&year))
                .and_then(|y| y.assessment.as_ref())
                .and_then(|a| a.score.as_ref());
            if let Some(score) = score {
                assessed += 1;
                if score.achievement >= threshold {
                    above += 1;
                }
            }
        }
        (above, assessed)
    }
}

fn evaluate_indicator(
    plan: &Plan,
    index: &PlanIndex,
    o: usize,
    i: usize,
    results: &[Vec<Option<IndicatorResult>>],
    diagnostics: &mut Diagnostics,
) -> IndicatorResult {
    let indicator = &plan.objectives[o].indicators[i];
    let context = Context {
        plan,
        index,
        indicator,
        objective: o,
        results,
    };
    let years: BTreeSet<Year> = indicator
        .targets
        .keys()
        .chain(indicator.series.keys())
        .copied()
        .collect();
    let mut out = IndicatorResult::default();
    for year in years {
        let mut result = value_at(&context, year, Some(diagnostics));
        if let Some(entry) = indicator.targets.get(&year) {
            result.assessment = Some(assess(&context, entry, year, &result, &plan.config.scoring));
        }
        out.years.insert(year, result);
    }
    out
}

/// The indicator's value in a year: computed by the formula when its terms
/// are there (and checked against the printed value), else as printed.
/// Diagnostics are reported only when `diagnostics` is given, so that looking
/// up earlier years does not repeat them.
fn value_at(context: &Context, year: Year, diagnostics: Option<&mut Diagnostics>) -> YearResult {
    let indicator = context.indicator;
    let entry = indicator.series.get(&year);
    let printed = entry.and_then(|e| match &e.observed {
        Observed::Value(printed) => Some(printed),
        _ => None,
    });
    let mut result = YearResult {
        value: None,
        date: None,
        value_status: None,
        as_of: None,
        working: None,
        mismatch: false,
        missing: None,
        assessment: None,
    };
    if indicator.unit == Unit::Date {
        match entry.map(|e| &e.observed) {
            Some(Observed::Date(date)) => result.date = Some(*date),
            _ => result.missing = Some(missing_from_series(entry)),
        }
        return with_status(result, entry);
    }
    let computed = indicator
        .formula
        .as_ref()
        .map(|f| (f, formula::evaluate(&f.expr, year, context)));
    match computed {
        Some((formula, Ok((value, terms)))) => {
            let working = Working {
                formula: formula.text.clone(),
                expr: formula.expr.clone(),
                terms,
                result: value,
            };
            result.value = Some(value);
            if let (Some(printed), Some(entry)) = (printed, entry)
                && !agrees(value, printed)
            {
                result.mismatch = true;
                let choice = context.plan.config.scoring.values;
                if choice == ValueChoice::Printed {
                    result.value = Some(printed.value);
                }
                if let Some(diagnostics) = diagnostics {
                    diagnostics.push(mismatch(indicator, year, &working, printed, entry, choice));
                }
            }
            result.working = Some(working);
        }
        Some((formula, Err(error))) => {
            if let Some(printed) = printed {
                result.value = Some(printed.value);
            } else {
                result.missing = Some(match &error {
                    EvalError::Missing(terms) => match entry {
                        Some(e) if e.measures.is_empty() => missing_from_series(Some(e)),
                        None if !uses_other_data(&formula.expr) => Missing::NotInSeries,
                        _ => Missing::Terms(terms.clone()),
                    },
                    EvalError::NothingAssessed => Missing::NothingAssessed,
                    EvalError::DivisionByZero(_) | EvalError::Overflow => Missing::Invalid,
                });
            }
            let problem = match &error {
                EvalError::DivisionByZero(divisor) => Some(
                    problem::division_by_zero(year, &indicator.id, divisor.to_string())
                        .at(entry.map_or(&formula.span, |e| &e.span)),
                ),
                EvalError::Overflow => {
                    Some(problem::formula_overflow(year, &indicator.id).at(&formula.span))
                }
                EvalError::Missing(_) | EvalError::NothingAssessed => None,
            };
            if let (Some(diagnostics), Some(problem)) = (diagnostics, problem) {
                diagnostics.push(problem);
            }
        }
        None => match printed {
            Some(printed) => result.value = Some(printed.value),
            None => result.missing = Some(missing_from_series(entry)),
        },
    }
    with_status(result, entry)
}

/// Marks a value final or a monitoring reading, from its series entry.
fn with_status(mut result: YearResult, entry: Option<&SeriesEntry>) -> YearResult {
    let not_done = matches!(result.missing, Some(Missing::NotDone(_)));
    if result.value.is_some() || result.date.is_some() || not_done {
        result.as_of = entry.and_then(|e| e.as_of);
        result.value_status = Some(match result.as_of {
            Some(_) => ValueStatus::Monitoring,
            None => ValueStatus::Final,
        });
    }
    result
}

/// Warns for every final result below its target that gives no cause: the
/// list an OIV asks for before validating the Relazione.
fn missing_causes(plan: &Plan, indicators: &[Vec<IndicatorResult>], diagnostics: &mut Diagnostics) {
    for (o, i, indicator) in plan.indicators() {
        for (year, result) in &indicators[o][i].years {
            let short = result
                .assessment
                .as_ref()
                .and_then(|a| a.score.as_ref())
                .is_some_and(|s| !s.met);
            let cause = indicator.series.get(year).and_then(|e| e.cause.as_ref());
            if short && result.value_status == Some(ValueStatus::Final) && cause.is_none() {
                diagnostics.push(
                    problem::shortfall_without_cause(*year, &indicator.id).at(&indicator.span),
                );
            }
        }
    }
}

/// Whether a formula takes values from outside the year's series entry.
fn uses_other_data(expr: &crate::model::Expr) -> bool {
    let mut other = false;
    expr.walk(&mut |e| {
        other |= matches!(
            e,
            crate::model::Expr::Indicator(_)
                | crate::model::Expr::CountAbove(_)
                | crate::model::Expr::CountAssessed
        );
    });
    other
}

fn missing_from_series(entry: Option<&SeriesEntry>) -> Missing {
    match entry.map(|e| &e.observed) {
        Some(Observed::NotAvailable(text)) => Missing::Printed(text.clone()),
        Some(Observed::NotDone(text)) => Missing::NotDone(text.clone()),
        _ => Missing::NotInSeries,
    }
}

/// A printed value agrees with the computed one when it is the computed one
/// rounded to the printed decimals (within half a unit of the last digit).
fn agrees(computed: Decimal, printed: &Printed) -> bool {
    let half_unit = Decimal::new(5, printed.decimals.saturating_add(1).min(28));
    (computed - printed.value).abs() <= half_unit
}

fn mismatch(
    indicator: &Indicator,
    year: Year,
    working: &Working,
    printed: &Printed,
    entry: &SeriesEntry,
    choice: ValueChoice,
) -> Diagnostic {
    let shown = working
        .result
        .round_dp(printed.decimals.saturating_add(2))
        .normalize();
    let terms: Vec<String> = working
        .terms
        .iter()
        .map(|t| format!("{} = {}", t.key, t.value.normalize()))
        .collect();
    let problem = match choice {
        ValueChoice::Printed => problem::printed_value_disagrees,
        ValueChoice::Computed => problem::computed_value_disagrees,
    };
    problem(
        Arg::from(year),
        Arg::from(&printed.text),
        Arg::from(&indicator.id),
        Arg::from(shown.to_string()),
    )
    .at(&entry.span)
    .label(text::working_with(&working.formula, Arg::list(terms)))
}

fn assess(
    context: &Context,
    entry: &TargetEntry,
    year: Year,
    result: &YearResult,
    rules: &ScoringRules,
) -> Assessment {
    let unassessable = |detail: Unassessable| Assessment {
        status: Status::NonValutabile,
        compared: None,
        score: None,
        reason: Some(detail.reason()),
        unassessable: Some(detail),
    };
    let indicator = context.indicator;
    let target = entry.effective();
    if let Some(reason) = &entry.neutralised {
        return unassessable(Unassessable::Neutralised(reason.clone()));
    }
    let not_printed = || match &result.missing {
        Some(Missing::Printed(text)) => Some(Unassessable::NotAvailable(text.clone())),
        _ => None,
    };
    if matches!(target.kind, TargetKind::ToBeDefined) {
        return unassessable(Unassessable::TargetToBeDefined);
    }
    if let TargetKind::Deadline {
        day,
        month,
        year: due_year,
    } = target.kind
    {
        let due = crate::syntax::date::PartialDate {
            day,
            month,
            year: due_year,
        }
        .with_year(year);
        let not_done = matches!(result.missing, Some(Missing::NotDone(_)));
        return match (result.date, due) {
            (Some(done), Some(due)) => scored(None, scoring::score_deadline(done, due, rules)),
            (Some(_), None) => unassessable(Unassessable::InvalidDueDate),
            // Not done: missed, unless a monitoring reading comes before the
            // due date (the work may still be completed in time).
            (None, Some(due)) if not_done => match result.as_of {
                Some(as_of) if as_of <= due => unassessable(Unassessable::NotYetDue(due)),
                _ => scored(None, scoring::score_not_done(due, rules)),
            },
            (None, None) if not_done => unassessable(Unassessable::InvalidDueDate),
            (None, _) => unassessable(not_printed().unwrap_or(Unassessable::NoCompletionDate)),
        };
    }
    let Some(value) = result.value else {
        return unassessable(not_printed().unwrap_or(Unassessable::NoValue));
    };
    let compared = match &target.kind {
        TargetKind::Zero => return scored(None, scoring::score_zero(value, rules)),
        TargetKind::Threshold {
            comparator,
            value: target,
            ..
        } => Compared {
            actual: value,
            comparator: *comparator,
            target: *target,
            basis: Basis::Value,
        },
        TargetKind::Change {
            comparator,
            delta,
            measure,
            base,
        } => {
            let base = base.unwrap_or(year - 1);
            let Some(previous) = value_at(context, base, None).value else {
                return unassessable(Unassessable::NoPreviousValue(base));
            };
            // `+10%` on a count is a relative change; `+5` on a count and
            // `+10 p.p.` on a percentage, a change in the indicator's unit.
            let relative = *measure == ChangeMeasure::Relative;
            let change = if relative {
                match value
                    .checked_sub(previous)
                    .and_then(|d| d.checked_div(previous.abs()))
                    .and_then(|r| r.checked_mul(Decimal::ONE_HUNDRED))
                {
                    Some(change) => change,
                    None => return unassessable(Unassessable::NoPreviousValue(base)),
                }
            } else {
                value - previous
            };
            Compared {
                actual: change,
                comparator: *comparator,
                target: *delta,
                basis: Basis::Change {
                    previous,
                    relative,
                    base,
                },
            }
        }
        TargetKind::MeanOfPrevious { comparator, years } => {
            let count = i32::try_from(*years).unwrap_or(i32::MAX);
            let earlier: Vec<(Year, Option<Decimal>)> = (year.saturating_sub(count)..year)
                .map(|y| (y, value_at(context, y, None).value))
                .collect();
            let gaps: Vec<Year> = earlier
                .iter()
                .filter(|(_, v)| v.is_none())
                .map(|(y, _)| *y)
                .collect();
            if !gaps.is_empty() {
                return unassessable(Unassessable::NoEarlierValues(gaps));
            }
            let values: Vec<(Year, Decimal)> = earlier
                .into_iter()
                .filter_map(|(y, v)| v.map(|v| (y, v)))
                .collect();
            let sum = values
                .iter()
                .try_fold(Decimal::ZERO, |acc, (_, v)| acc.checked_add(*v));
            let Some(mean) = sum.and_then(|s| s.checked_div(Decimal::from(values.len().max(1))))
            else {
                return unassessable(Unassessable::Overflow);
            };
            Compared {
                actual: value,
                comparator: *comparator,
                target: mean,
                basis: Basis::MeanOfPrevious { years: values },
            }
        }
        TargetKind::Benchmark {
            comparator,
            benchmark,
        } => {
            let kind = match benchmark {
                Benchmark::NationalMean => BenchmarkKind::NationalMean,
                Benchmark::ClusterMean => BenchmarkKind::ClusterMean,
            };
            let entry = indicator.series.get(&year);
            let reference = match benchmark {
                Benchmark::NationalMean => entry.and_then(|e| e.national_mean),
                Benchmark::ClusterMean => entry.and_then(|e| e.cluster_mean),
            };
            let Some(reference) = reference else {
                return unassessable(Unassessable::NoBenchmark(kind));
            };
            Compared {
                actual: value,
                comparator: *comparator,
                target: reference,
                basis: Basis::Benchmark { benchmark: kind },
            }
        }
        TargetKind::ToBeDefined | TargetKind::Deadline { .. } => {
            return unassessable(Unassessable::NoValue);
        }
    };
    match scoring::score_threshold(
        compared.actual,
        compared.comparator,
        compared.target,
        indicator.baseline,
        rules,
    ) {
        Some(score) => scored(Some(compared), score),
        None => unassessable(Unassessable::Overflow),
    }
}

fn scored(compared: Option<Compared>, score: Score) -> Assessment {
    Assessment {
        status: score.status,
        compared,
        score: Some(score),
        unassessable: None,
        reason: None,
    }
}
