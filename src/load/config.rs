//! `cruscotto.yaml`: the body, the plan, the scoring rules, ambiti and Servizi.

use crate::diagnostics::{Arg, Diagnostics, SourceId, problem, text};
use crate::load::values::{self, text};
use crate::load::yaml::{self, Fields, Node};
use crate::model::{
    Ambito, Approval, Config, DataLicense, Date, Ente, Language, Links, Period, PlanInfo,
    RollupRule, ScoringRule, ScoringRules, Servizio, SiteSettings, Smvp, ValueChoice,
};

pub const CONFIG_FILE: &str = "cruscotto.yaml";

/// Reads the config. A required value that is missing or wrong is reported
/// and replaced by a stand-in, so that the objectives can still be checked
/// against the rest; `None` only when the file is not YAML at all.
pub fn read(text_of_file: &str, source: SourceId, diags: &mut Diagnostics) -> Option<Config> {
    let root = yaml::parse(text_of_file, 0..text_of_file.len(), source, diags)?;
    let mut fields = Fields::of(&root, text::subject_config(), diags)?;
    let ente = fields.require("ente", diags).and_then(|n| ente(n, diags));
    let plan = fields.require("plan", diags).and_then(|n| plan(n, diags));
    let site = fields.require("site", diags).and_then(|n| site(n, diags));
    let scoring = fields.get("scoring").and_then(|n| scoring(n, diags));
    let language = site.as_ref().map_or(Language::It, |s| s.language);
    let tree = match fields.get("objectives") {
        Some(node) => super::tree::read(node, language, diags),
        None => super::tree::default_tree(language),
    };
    let ambiti = fields
        .require("ambiti", diags)
        .map(|n| ambiti(n, diags))
        .unwrap_or_default();
    let servizi = fields
        .get("servizi")
        .map(|n| servizi(n, diags))
        .unwrap_or_default();
    fields.finish(diags);
    Some(Config {
        ente: ente.unwrap_or_default(),
        plan: plan.unwrap_or_else(stand_in_plan),
        site: site.unwrap_or_else(|| SiteSettings {
            language: Language::It,
            title: None,
            base_url: "/".into(),
            theme: None,
            theme_span: None,
            data_license: DataLicense::default(),
        }),
        scoring_declared: scoring.is_some(),
        scoring: scoring.unwrap_or_default(),
        tree,
        ambiti,
        servizi,
    })
}

fn stand_in_plan() -> PlanInfo {
    PlanInfo {
        title: String::new(),
        edition: String::new(),
        edition_id: None,
        update: None,
        period: Period {
            start: 2000,
            end: 2000,
        },
        reference_year: 2000,
        last_updated: Date {
            year: 2000,
            month: 1,
            day: 1,
        },
        approval: None,
        smvp: None,
        relazione_year: None,
    }
}

fn optional_text(
    fields: &mut Fields,
    key: &'static str,
    diags: &mut Diagnostics,
) -> Option<String> {
    fields.get(key).and_then(|n| text(n, key, diags))
}

fn required_text(
    fields: &mut Fields,
    key: &'static str,
    diags: &mut Diagnostics,
) -> Option<String> {
    fields
        .require(key, diags)
        .and_then(|n| values::non_empty_text(n, key, diags))
}

fn optional_url(fields: &mut Fields, key: &'static str, diags: &mut Diagnostics) -> Option<String> {
    fields.get(key).and_then(|n| values::url(n, key, diags))
}

fn ente(node: &Node, diags: &mut Diagnostics) -> Option<Ente> {
    let mut fields = Fields::of(node, text::subject_section("ente"), diags)?;
    let name = required_text(&mut fields, "name", diags);
    let short_name = optional_text(&mut fields, "short_name", diags);
    let website = optional_url(&mut fields, "website", diags);
    let address = optional_text(&mut fields, "address", diags);
    let links = match fields.get("links") {
        Some(node) => links(node, diags),
        None => Links::default(),
    };
    let ipa_code = match fields.get("ipa_code") {
        Some(node) => ipa_code(node, diags),
        None => {
            diags.push(problem::no_ipa_code().at(&node.span));
            None
        }
    };
    fields.finish(diags);
    Some(Ente {
        name: name.unwrap_or_default(),
        short_name,
        website,
        address,
        links,
        ipa_code,
    })
}

/// An IPA code: letters, digits and `_` (`cciaa_ge`, `c_h501`, `agid`).
fn ipa_code(node: &Node, diags: &mut Diagnostics) -> Option<String> {
    let code = text(node, "ipa_code", diags)?;
    let code = code.trim();
    let valid = (2..=32).contains(&code.len())
        && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if valid {
        return Some(code.to_string());
    }
    diags.push(problem::invalid_ipa_code(code).at(&node.span));
    None
}

fn links(node: &Node, diags: &mut Diagnostics) -> Links {
    let Some(mut fields) = Fields::of(node, text::subject_section("links"), diags) else {
        return Links::default();
    };
    let links = Links {
        note_legali: optional_url(&mut fields, "note_legali", diags),
        privacy: optional_url(&mut fields, "privacy", diags),
        accessibilita: optional_url(&mut fields, "accessibilita", diags),
        amministrazione_trasparente: optional_url(
            &mut fields,
            "amministrazione_trasparente",
            diags,
        ),
    };
    fields.finish(diags);
    links
}

fn plan(node: &Node, diags: &mut Diagnostics) -> Option<PlanInfo> {
    let mut fields = Fields::of(node, text::subject_section("plan"), diags)?;
    let title = required_text(&mut fields, "title", diags);
    let edition = required_text(&mut fields, "edition", diags);
    let edition_id = fields
        .get("edition_id")
        .and_then(|n| values::id(n, "edition_id", diags));
    let update = optional_text(&mut fields, "update", diags);
    let period = fields
        .require("period", diags)
        .and_then(|n| values::period(n, "period", diags));
    let reference = fields.require("reference_year", diags);
    let reference_year = reference.and_then(|n| values::year(n, "reference_year", diags));
    let last_updated = fields
        .require("last_updated", diags)
        .and_then(|n| values::date(n, "last_updated", diags));
    let approval = fields.get("approval").and_then(|n| approval(n, diags));
    let smvp = fields.get("smvp").and_then(|n| smvp(n, diags));
    let relazione = fields.get("relazione_year");
    let relazione_year = relazione.and_then(|n| values::year(n, "relazione_year", diags));
    fields.finish(diags);
    if let (Some(period), Some(year), Some(node)) = (period, relazione_year, relazione)
        && !(period.start - 1..=period.end).contains(&year)
    {
        diags.push(
            problem::relazione_year_outside_period(
                year,
                period.to_string(),
                period.start - 1,
                period.end,
            )
            .at(&node.span),
        );
    }
    if let (Some(period), Some(year), Some(node)) = (period, reference_year, reference)
        && !period.contains(year)
    {
        diags.push(
            problem::reference_year_outside_period(
                year,
                period.to_string(),
                period.start,
                period.end,
            )
            .at(&node.span),
        );
    }
    let stand_in = stand_in_plan();
    let period = period.unwrap_or(stand_in.period);
    Some(PlanInfo {
        title: title.unwrap_or_default(),
        edition: edition.unwrap_or_default(),
        edition_id,
        update,
        period,
        reference_year: reference_year.unwrap_or(period.start),
        last_updated: last_updated.unwrap_or(stand_in.last_updated),
        approval,
        smvp,
        relazione_year,
    })
}

fn approval(node: &Node, diags: &mut Diagnostics) -> Option<Approval> {
    let mut fields = Fields::of(node, text::subject_section("approval"), diags)?;
    let act = required_text(&mut fields, "act", diags);
    let date = fields
        .require("date", diags)
        .and_then(|n| values::date(n, "date", diags));
    fields.finish(diags);
    Some(Approval {
        act: act?,
        date: date?,
    })
}

fn smvp(node: &Node, diags: &mut Diagnostics) -> Option<Smvp> {
    let mut fields = Fields::of(node, text::subject_section("smvp"), diags)?;
    let title = required_text(&mut fields, "title", diags);
    let url = optional_url(&mut fields, "url", diags);
    fields.finish(diags);
    Some(Smvp { title: title?, url })
}

fn site(node: &Node, diags: &mut Diagnostics) -> Option<SiteSettings> {
    let mut fields = Fields::of(node, text::subject_section("site"), diags)?;
    let language = match fields.get("language") {
        None => Some(Language::It),
        Some(node) => match text(node, "language", diags).as_deref() {
            Some("it") => Some(Language::It),
            Some("en") => Some(Language::En),
            Some(other) => {
                diags.push(problem::unknown_language(other).at(&node.span));
                None
            }
            None => None,
        },
    };
    let title = optional_text(&mut fields, "title", diags).filter(|t| !t.is_empty());
    let base_url = fields.require("base_url", diags).and_then(|node| {
        let url = values::url(node, "base_url", diags)?;
        if crate::syntax::url::is_absolute_web(&url) {
            return Some(url);
        }
        diags.push(problem::base_url_not_absolute(url).at(&node.span));
        None
    });
    let theme_node = fields.get("theme");
    let theme = theme_node.and_then(|node| {
        let name = text(node, "theme", diags)?;
        if is_theme_name(&name) {
            return Some(name);
        }
        diags.push(problem::theme_not_a_name(name).at(&node.span));
        None
    });
    let data_license = fields.get("data_license").and_then(|node| {
        let code = text(node, "data_license", diags)?;
        let license = DataLicense::from_code(code.trim());
        if license.is_none() {
            let codes = Arg::codes(DataLicense::ALL.iter().map(|l| l.code()));
            diags.push(problem::unknown_data_licence(code, codes).at(&node.span));
        }
        license
    });
    fields.finish(diags);
    let mut base_url = base_url.unwrap_or_default();
    if !base_url.ends_with('/') {
        base_url.push('/');
    }
    Some(SiteSettings {
        language: language.unwrap_or(Language::It),
        title,
        base_url,
        theme,
        theme_span: theme_node.map(|n| n.span.clone()),
        data_license: data_license.unwrap_or_default(),
    })
}

/// A folder name under themes/: no path, no `..`.
fn is_theme_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

fn scoring(node: &Node, diags: &mut Diagnostics) -> Option<ScoringRules> {
    let mut fields = Fields::of(node, text::subject_section("scoring"), diags)?;
    let defaults = ScoringRules::default();
    let mut percent = |key: &'static str,
                       default: rust_decimal::Decimal,
                       diags: &mut Diagnostics| match fields.get(key) {
        None => Some(default),
        Some(node) => {
            let value = values::decimal(node, key, diags)?;
            if value <= rust_decimal::Decimal::ZERO {
                diags.push(
                    problem::percentage_not_positive(key, default.to_string()).at(&node.span),
                );
                return None;
            }
            Some(value)
        }
    };
    let partial_from = percent("partial_from", defaults.partial_from, diags);
    let cap = percent("cap", defaults.cap, diags);
    let mut rule = |key: &'static str, diags: &mut Diagnostics| match fields.get(key) {
        None => Some(ScoringRule::Proportional),
        Some(node) => match text(node, key, diags).as_deref() {
            Some("proportional") => Some(ScoringRule::Proportional),
            Some("binary") => Some(ScoringRule::Binary),
            Some(other) => {
                diags.push(problem::unknown_scoring_rule(other, key).at(&node.span));
                None
            }
            None => None,
        },
    };
    let higher = rule("higher_is_better", diags);
    let lower = rule("lower_is_better", diags);
    let values = match fields.get("values") {
        None => Some(ValueChoice::Printed),
        Some(node) => match text(node, "values", diags).as_deref() {
            Some("printed") => Some(ValueChoice::Printed),
            Some("computed") => Some(ValueChoice::Computed),
            Some(other) => {
                diags.push(problem::unknown_value_choice(other).at(&node.span));
                None
            }
            None => None,
        },
    };
    let rollup = fields.get("rollup").and_then(|n| rollup(n, diags));
    fields.finish(diags);
    Some(ScoringRules {
        partial_from: partial_from.unwrap_or(defaults.partial_from),
        cap: cap.unwrap_or(defaults.cap),
        higher_is_better: higher.unwrap_or(defaults.higher_is_better),
        lower_is_better: lower.unwrap_or(defaults.lower_is_better),
        values: values.unwrap_or(defaults.values),
        rollup: rollup.unwrap_or(defaults.rollup),
    })
}

/// `rollup: own`, `rollup: children`, or the weights of a mix.
fn rollup(node: &Node, diags: &mut Diagnostics) -> Option<RollupRule> {
    if let Some(word) = node.as_str() {
        return match word.trim() {
            "own" => Some(RollupRule::Own),
            "children" => Some(RollupRule::Children),
            other => {
                diags.push(problem::unknown_rollup_rule(other).at(&node.span));
                None
            }
        };
    }
    let mut fields = Fields::of(node, text::subject_section("rollup"), diags)?;
    let mut weight = |key: &'static str, diags: &mut Diagnostics| {
        let node = fields.require(key, diags)?;
        let value = values::decimal(node, key, diags)?;
        if value <= rust_decimal::Decimal::ZERO {
            diags.push(problem::rollup_weight_not_positive(key).at(&node.span));
            return None;
        }
        Some(value)
    };
    let own = weight("own", diags);
    let children = weight("children", diags);
    fields.finish(diags);
    Some(RollupRule::Mixed {
        own: own?,
        children: children?,
    })
}

fn ambiti(node: &Node, diags: &mut Diagnostics) -> Vec<Ambito> {
    let mut out = Vec::new();
    for item in values::items(node, "ambiti", diags) {
        let Some(mut fields) = Fields::of(item, text::subject_ambito(), diags) else {
            continue;
        };
        let id = fields
            .require("id", diags)
            .and_then(|n| values::id(n, "id", diags));
        let title = required_text(&mut fields, "title", diags);
        let description = optional_text(&mut fields, "description", diags);
        fields.finish(diags);
        if let (Some(id), Some(title)) = (id, title) {
            out.push(Ambito {
                id: id.id,
                title,
                description,
                span: id.span,
            });
        }
    }
    out
}

fn servizi(node: &Node, diags: &mut Diagnostics) -> Vec<Servizio> {
    let mut out = Vec::new();
    for item in values::items(node, "servizi", diags) {
        let Some(mut fields) = Fields::of(item, text::subject_servizio(), diags) else {
            continue;
        };
        let id = fields
            .require("id", diags)
            .and_then(|n| values::id(n, "id", diags));
        let name = required_text(&mut fields, "name", diags);
        fields.finish(diags);
        if let (Some(id), Some(name)) = (id, name) {
            out.push(Servizio {
                id: id.id,
                name,
                span: id.span,
            });
        }
    }
    out
}
