//! The domain: the plan as the office wrote it. Objectives, indicators,
//! targets, series and measures live here, with where they were written
//! (spans, for diagnostics) and nothing about how they are shown.

use std::collections::BTreeMap;
use std::fmt;

use rust_decimal::Decimal;

use crate::diagnostics::{SourceId, Span};

mod index;
mod tree;

pub use index::PlanIndex;
pub use tree::{ObjectiveKind, ServiziRule, Tree, Words};

pub type Year = i32;

/// A calendar date, as the content writes it (`31/12/2023`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: Year,
    pub month: u8,
    pub day: u8,
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl fmt::Display for Date {
    /// ISO 8601, the machine form used in data files.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A span of years, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub start: Year,
    pub end: Year,
}

impl Period {
    pub fn contains(&self, year: Year) -> bool {
        (self.start..=self.end).contains(&year)
    }

    pub fn years(&self) -> impl Iterator<Item = Year> {
        self.start..=self.end
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.start == self.end {
            write!(f, "{}", self.start)
        } else {
            write!(f, "{}-{}", self.start, self.end)
        }
    }
}

/// Everything the content says: the site settings and every objective.
#[derive(Debug, Clone)]
pub struct Plan {
    pub config: Config,
    pub objectives: Vec<Objective>,
}

impl Plan {
    /// The declared kind of an objective.
    pub fn kind(&self, objective: &Objective) -> &ObjectiveKind {
        let kinds = &self.config.tree.kinds;
        kinds.get(objective.kind).unwrap_or(&kinds[0])
    }

    /// Each declared kind with the number of objectives of that kind.
    pub fn kind_counts(&self) -> Vec<(&ObjectiveKind, usize)> {
        self.config
            .tree
            .kinds
            .iter()
            .enumerate()
            .map(|(k, kind)| (kind, self.objectives.iter().filter(|o| o.kind == k).count()))
            .collect()
    }

    /// Whether an objective sits directly under an ambito.
    pub fn is_top_level(&self, objective: &Objective) -> bool {
        self.kind(objective).is_top_level()
    }

    /// Every indicator with its position: (objective, indicator, the indicator).
    pub fn indicators(&self) -> impl Iterator<Item = (usize, usize, &Indicator)> {
        self.objectives
            .iter()
            .enumerate()
            .flat_map(|(o, objective)| {
                objective
                    .indicators
                    .iter()
                    .enumerate()
                    .map(move |(i, ind)| (o, i, ind))
            })
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    pub ente: Ente,
    pub plan: PlanInfo,
    pub site: SiteSettings,
    pub scoring: ScoringRules,
    /// Whether `scoring:` is written in the config (the body's SMVP rules),
    /// or the rules are the tool's defaults.
    pub scoring_declared: bool,
    /// The kinds of objectives and how they nest (`objectives:`).
    pub tree: Tree,
    pub ambiti: Vec<Ambito>,
    pub servizi: Vec<Servizio>,
}

#[derive(Debug, Clone, Default)]
pub struct Ente {
    pub name: String,
    pub short_name: Option<String>,
    pub website: Option<String>,
    pub address: Option<String>,
    pub links: Links,
    /// The body's code in the Indice delle Pubbliche Amministrazioni (IPA,
    /// `cciaa_ge`, `c_h501`): it identifies the body and its open data in
    /// the national data catalogue.
    pub ipa_code: Option<String>,
}

/// Footer links every Italian public site carries.
#[derive(Debug, Clone, Default)]
pub struct Links {
    pub note_legali: Option<String>,
    pub privacy: Option<String>,
    pub accessibilita: Option<String>,
    pub amministrazione_trasparente: Option<String>,
}

#[derive(Debug, Clone)]
pub struct PlanInfo {
    pub title: String,
    pub edition: String,
    /// The id of this edition (`plan.edition_id`), the folder it is archived
    /// in (`edizioni/<id>/`) when the next one starts; default: the
    /// reference year.
    pub edition_id: Option<Ref>,
    pub update: Option<String>,
    pub period: Period,
    pub reference_year: Year,
    pub last_updated: Date,
    pub approval: Option<Approval>,
    pub smvp: Option<Smvp>,
    /// The year the Relazione sulla performance reports on (default: the
    /// reference year).
    pub relazione_year: Option<Year>,
}

impl PlanInfo {
    /// The edition's id: `edition_id`, else the reference year.
    pub fn edition_id(&self) -> String {
        self.edition_id
            .as_ref()
            .map_or_else(|| self.reference_year.to_string(), |r| r.id.clone())
    }

    /// The year of the Relazione: `relazione_year`, else the reference year.
    pub fn relazione_year(&self) -> Year {
        self.relazione_year.unwrap_or(self.reference_year)
    }
}

/// The act that approved the plan.
#[derive(Debug, Clone)]
pub struct Approval {
    pub act: String,
    pub date: Date,
}

/// The body's measurement and evaluation system (Sistema di Misurazione e
/// Valutazione della Performance).
#[derive(Debug, Clone)]
pub struct Smvp {
    pub title: String,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    It,
    En,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::It => "it",
            Language::En => "en",
        }
    }
}

#[derive(Debug, Clone)]
pub struct SiteSettings {
    pub language: Language,
    /// The site's own name (`site.title`), shown in every page's header and
    /// title; `None`: the theme's label ("Performance").
    pub title: Option<String>,
    pub base_url: String,
    pub theme: Option<String>,
    /// Where `theme:` was written, for a theme that does not exist.
    pub theme_span: Option<Span>,
    /// The licence of the open data.
    pub data_license: DataLicense,
}

/// The licences the open data may be published under: open licences that
/// allow any reuse (D.Lgs. 33/2013 art. 7, the AgID guidelines on open
/// data), by their SPDX-style code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DataLicense {
    /// Creative Commons Attribution 4.0, the guidelines' default.
    #[default]
    CcBy40,
    /// Creative Commons CC0 1.0: public domain.
    Cc010,
    /// Creative Commons Attribution-ShareAlike 4.0.
    CcBySa40,
    /// Italian Open Data License 2.0.
    Iodl20,
}

impl DataLicense {
    pub const ALL: [DataLicense; 4] = [
        DataLicense::CcBy40,
        DataLicense::Cc010,
        DataLicense::CcBySa40,
        DataLicense::Iodl20,
    ];

    /// The code written in `cruscotto.yaml` and in the data package.
    pub fn code(self) -> &'static str {
        match self {
            DataLicense::CcBy40 => "CC-BY-4.0",
            DataLicense::Cc010 => "CC0-1.0",
            DataLicense::CcBySa40 => "CC-BY-SA-4.0",
            DataLicense::Iodl20 => "IODL-2.0",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// How achievement is scored: the body's SMVP rules, as settings.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoringRules {
    /// Achievement (in %) from which a missed target is partly reached.
    pub partial_from: Decimal,
    /// Achievement (in %) counted at most in roll-ups.
    pub cap: Decimal,
    pub higher_is_better: ScoringRule,
    pub lower_is_better: ScoringRule,
    /// Which figure counts when the source prints a value its measures do
    /// not reproduce.
    pub values: ValueChoice,
    /// How an objective with children is scored.
    pub rollup: RollupRule,
}

impl Default for ScoringRules {
    fn default() -> Self {
        ScoringRules {
            partial_from: Decimal::from(70),
            cap: Decimal::from(100),
            higher_is_better: ScoringRule::Proportional,
            lower_is_better: ScoringRule::Proportional,
            values: ValueChoice::Printed,
            rollup: RollupRule::Own,
        }
    }
}

/// How an objective with children (an objective of a lower level that
/// names it as `parent`) is scored: the SMVP's rule, one for the whole plan,
/// applied to achievement and to the counts of outcomes alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RollupRule {
    /// On its own indicators only (the default): the children are scored
    /// apart and enter no parent's figures.
    Own,
    /// On its children: the weighted mean of theirs (an objective without
    /// children with targets that year is scored on its own indicators).
    Children,
    /// A weighted mix of the two: `own` and `children` are the weights.
    Mixed { own: Decimal, children: Decimal },
}

impl RollupRule {
    pub fn code(self) -> &'static str {
        match self {
            RollupRule::Own => "own",
            RollupRule::Children => "children",
            RollupRule::Mixed { .. } => "mixed",
        }
    }
}

/// The official figure of a year whose printed value and measures disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueChoice {
    /// The value as published (the default): the computed one is a check.
    Printed,
    /// The value recomputed from the measures.
    Computed,
}

impl ValueChoice {
    pub fn code(self) -> &'static str {
        match self {
            ValueChoice::Printed => "printed",
            ValueChoice::Computed => "computed",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScoringRule {
    /// In proportion to the distance from the target.
    Proportional,
    /// All (met) or nothing.
    Binary,
}

/// An area grouping objectives.
#[derive(Debug, Clone)]
pub struct Ambito {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    pub span: Span,
}

/// An office that answers for operational objectives.
#[derive(Debug, Clone)]
pub struct Servizio {
    pub id: String,
    pub name: String,
    pub span: Span,
}

/// Who answers for an operational objective.
#[derive(Debug, Clone, PartialEq)]
pub enum Owners {
    Servizi(Vec<Ref>),
    /// Every Servizio ("tutti i servizi quando parte un bando").
    All,
}

/// A reference to something by id, with where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Ref {
    pub id: String,
    pub span: Span,
}

/// A person or role who answers for an objective (dirigente,
/// responsabile): a name, a role, or both.
#[derive(Debug, Clone, PartialEq)]
pub struct Responsible {
    pub name: Option<String>,
    pub role: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Objective {
    pub id: String,
    /// The position of its kind in `config.tree.kinds`.
    pub kind: usize,
    /// Written for top-level objectives; the others take their root's.
    pub ambito: Option<Ref>,
    pub period: Period,
    pub title: String,
    pub new: bool,
    pub parent: Option<Ref>,
    pub servizi: Owners,
    /// The owners as printed in the source document.
    pub owners: Option<String>,
    /// Who answers for it (dirigente, responsabile).
    pub responsible: Vec<Responsible>,
    pub remark: Option<String>,
    pub weight: Decimal,
    pub indicators: Vec<Indicator>,
    /// Source notes printed but referenced by no indicator.
    pub notes: Vec<SourceNote>,
    /// The narrative, in Markdown.
    pub body: String,
    pub source: SourceId,
    /// Where the id is written.
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Percentage points: 15.02 means 15,02%.
    Percent,
    Number,
    Euro,
    Days,
    Ratio,
    /// A completion date, for deadline targets.
    Date,
}

impl Unit {
    pub const ALL: [Unit; 6] = [
        Unit::Percent,
        Unit::Number,
        Unit::Euro,
        Unit::Days,
        Unit::Ratio,
        Unit::Date,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Unit::Percent => "percent",
            Unit::Number => "number",
            Unit::Euro => "euro",
            Unit::Days => "days",
            Unit::Ratio => "ratio",
            Unit::Date => "date",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|u| u.code() == code)
    }
}

#[derive(Debug, Clone)]
pub struct Indicator {
    pub id: String,
    pub name: String,
    /// OC: an indicator common to every Camera, set by Unioncamere.
    pub common: bool,
    pub new: bool,
    pub remark: Option<String>,
    /// How it is computed, in words, as printed.
    pub algorithm: Option<String>,
    pub formula: Option<Formula>,
    pub unit: Unit,
    /// Decimals shown on pages.
    pub decimals: u32,
    pub weight: Decimal,
    pub measures: Vec<Measure>,
    /// The note label as printed ("Nota 6").
    pub note: Option<String>,
    pub note_remark: Option<String>,
    /// The data source (Fonte), as printed.
    pub source: Option<String>,
    pub targets: BTreeMap<Year, TargetEntry>,
    /// Written as one `target:` with no year, as plans print a yearly
    /// objective's target (`≥ 15`).
    pub single_target: bool,
    pub series: BTreeMap<Year, SeriesEntry>,
    /// Objectives whose indicators a meta-indicator looks at.
    pub scope: Option<Vec<Ref>>,
    /// Baseline for a linear scale on targets at or below zero.
    pub baseline: Option<Decimal>,
    pub span: Span,
}

/// A quantity a formula uses: `imprese_attive`.
#[derive(Debug, Clone)]
pub struct Measure {
    pub name: String,
    pub label: Option<String>,
    pub source: Option<String>,
    pub span: Span,
}

/// The target of one year, with its revision if it was changed.
#[derive(Debug, Clone)]
pub struct TargetEntry {
    pub original: Target,
    pub revised: Option<Target>,
    pub reason: Option<String>,
    /// A formal neutralisation of the year's target (SMVP), with its reason:
    /// the year is not assessed.
    pub neutralised: Option<String>,
}

impl TargetEntry {
    /// The target in force: the revised one when there is one.
    pub fn effective(&self) -> &Target {
        self.revised.as_ref().unwrap_or(&self.original)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub kind: TargetKind,
    /// As written in the content.
    pub text: String,
    /// Words after the value: "(orientativamente 120 imprese)".
    pub qualifier: Option<String>,
    /// The unit sign written with the value (`%`, `€`, `gg`), if any.
    pub unit: Option<Unit>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Comparator {
    #[serde(rename = ">=")]
    Ge,
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = "<=")]
    Le,
    #[serde(rename = "<")]
    Lt,
}

impl Comparator {
    pub fn holds(self, actual: Decimal, target: Decimal) -> bool {
        match self {
            Comparator::Ge => actual >= target,
            Comparator::Gt => actual > target,
            Comparator::Le => actual <= target,
            Comparator::Lt => actual < target,
        }
    }

    pub fn higher_is_better(self) -> bool {
        matches!(self, Comparator::Ge | Comparator::Gt)
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::Ge => ">=",
            Comparator::Gt => ">",
            Comparator::Le => "<=",
            Comparator::Lt => "<",
        }
    }
}

/// How a change on a base year is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeMeasure {
    /// In % of the base value: `+10%` on a count.
    Relative,
    /// In the indicator's own unit: `+5` on a count, `+10 p.p.` (points) on
    /// a percentage.
    Absolute,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Benchmark {
    NationalMean,
    ClusterMean,
}

#[derive(Debug, Clone, PartialEq)]
pub enum TargetKind {
    /// `>= 0,21%`, or a bare `100%` (read as `>=`, `explicit` false).
    Threshold {
        comparator: Comparator,
        value: Decimal,
        explicit: bool,
    },
    /// `zero`.
    Zero,
    /// `entro il 31/12/2023`, `entro giugno 2023`, `I semestre 2023`;
    /// without a year, the target's own year; without a day (a month),
    /// the month's last day.
    Deadline {
        day: Option<u8>,
        month: u8,
        year: Option<Year>,
    },
    /// `+10%`, `+10 p.p.`, `+5% rispetto al 2020`, `>= baseline 2020 +
    /// 10%`: a change on the value of a base year (the previous year unless
    /// named), compared with `delta`.
    Change {
        comparator: Comparator,
        delta: Decimal,
        measure: ChangeMeasure,
        /// The base year; `None`: the year before the target's.
        base: Option<Year>,
    },
    /// `> media triennio precedente`: compared with the mean of the
    /// indicator's values in the `years` previous years.
    MeanOfPrevious { comparator: Comparator, years: u32 },
    /// `≤ dato medio nazionale`.
    Benchmark {
        comparator: Comparator,
        benchmark: Benchmark,
    },
    /// `da def.`, `da definire`, `n.d.`, `—`: not yet set.
    ToBeDefined,
}

/// What the source printed for one year.
#[derive(Debug, Clone)]
pub struct SeriesEntry {
    pub observed: Observed,
    /// Measure values printed for that year (`None`: printed blank).
    pub measures: BTreeMap<String, Option<Decimal>>,
    pub remark: Option<String>,
    pub cluster_mean: Option<Decimal>,
    pub national_mean: Option<Decimal>,
    /// The date of a monitoring reading; `None` for a final value.
    pub as_of: Option<Date>,
    /// Why the result differs from the target (causa dello scostamento).
    pub cause: Option<String>,
    /// What the office does about it (azione correttiva).
    pub action: Option<String>,
    pub span: Span,
}

impl SeriesEntry {
    /// An entry with nothing printed, written at `span`.
    pub fn empty(span: Span) -> Self {
        SeriesEntry {
            observed: Observed::NotAvailable(String::new()),
            measures: BTreeMap::new(),
            remark: None,
            cluster_mean: None,
            national_mean: None,
            as_of: None,
            cause: None,
            action: None,
            span,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Observed {
    /// A value as printed: the number and the text it came from.
    Value(Printed),
    /// A completion date.
    Date(Date),
    /// Not completed (`non realizzato`), as printed: for date indicators.
    NotDone(String),
    /// Nothing usable: `ND`, a blank, or words declared with `text:`
    /// ("manifestazioni annullate").
    NotAvailable(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Printed {
    pub value: Decimal,
    pub text: String,
    /// Decimals printed: a value printed with 2 decimals is exact to ±0,005.
    pub decimals: u32,
}

/// A note of the source document that no indicator refers to.
#[derive(Debug, Clone)]
pub struct SourceNote {
    /// "Nota 29"; bodies that do not number their notes leave it out.
    pub label: Option<String>,
    pub source: Option<String>,
    pub series: BTreeMap<Year, SeriesEntry>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Formula {
    pub text: String,
    pub expr: Expr,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Add,
    Sub,
    Mul,
    Div,
}

impl Op {
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Add => "+",
            Op::Sub => "−",
            Op::Mul => "×",
            Op::Div => "/",
        }
    }
}

/// A formula, parsed.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Number(Decimal),
    /// A measure in the year being evaluated.
    Measure(String),
    /// `prev(x)`: a measure in year n-1.
    Prev(String),
    /// `mean_prev(x, 3)`: the mean of a measure over years n-3..n-1.
    MeanPrev(String, u32),
    /// `indicator(id)`: another indicator's value in the same year.
    Indicator(String),
    /// `count_above(90)`: indicators in scope with achievement of at least 90%.
    CountAbove(Decimal),
    /// `count_assessed()`: indicators in scope that could be assessed.
    CountAssessed,
    Neg(Box<Expr>),
    Binary(Op, Box<Expr>, Box<Expr>),
}

impl Expr {
    /// Visits every node, depth first.
    pub fn walk(&self, visit: &mut impl FnMut(&Expr)) {
        visit(self);
        match self {
            Expr::Neg(inner) => inner.walk(visit),
            Expr::Binary(_, a, b) => {
                a.walk(visit);
                b.walk(visit);
            }
            _ => {}
        }
    }

    /// Whether the formula looks at other indicators' achievement.
    pub fn is_meta(&self) -> bool {
        let mut meta = false;
        self.walk(&mut |e| meta |= matches!(e, Expr::CountAbove(_) | Expr::CountAssessed));
        meta
    }
}
