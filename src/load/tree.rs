//! `objectives:` in `cruscotto.yaml`: the kinds of objectives of the body's
//! plan, their levels and names, declared or taken from a preset.

use crate::diagnostics::{Arg, Diagnostics, Message, did_you_mean, problem, text};
use crate::load::values::{self, text};
use crate::load::yaml::{Fields, Node};
use crate::model::{Language, ObjectiveKind, ServiziRule, Tree, Words};

/// The presets, by code: the first is the default of a config without
/// `objectives:`.
pub const PRESETS: [&str; 3] = ["camera-di-commercio", "comune", "amministrazione-centrale"];

/// The deepest level a tree may declare.
pub const MAX_LEVEL: u32 = 9;

/// One kind of a preset: id, singular and plural in Italian, then English,
/// level, Servizi.
type PresetKind = (
    &'static str,
    [&'static str; 2],
    [&'static str; 2],
    u32,
    ServiziRule,
);

fn preset_parts(code: &str) -> Option<(Vec<PresetKind>, [[&'static str; 2]; 2])> {
    use ServiziRule::{None as No, Optional, Required};
    Some(match code {
        // Today's four kinds: the Camere di Commercio's plans.
        "camera-di-commercio" => (
            vec![
                (
                    "strategico-comune",
                    ["Obiettivo strategico comune", "obiettivi strategici comuni"],
                    ["Common strategic objective", "common strategic objectives"],
                    1,
                    No,
                ),
                (
                    "strategico-specifico",
                    [
                        "Obiettivo strategico specifico",
                        "obiettivi strategici specifici",
                    ],
                    [
                        "Specific strategic objective",
                        "specific strategic objectives",
                    ],
                    1,
                    No,
                ),
                (
                    "ente",
                    ["Obiettivo di ente", "obiettivi di ente"],
                    ["Body-wide objective", "body-wide objectives"],
                    1,
                    No,
                ),
                (
                    "operativo",
                    ["Obiettivo operativo", "obiettivi operativi"],
                    ["Operational objective", "operational objectives"],
                    2,
                    Required,
                ),
            ],
            [["Ambito", "ambiti"], ["Area", "areas"]],
        ),
        // A Comune: the DUP's strategic and operational objectives, the
        // PEG's executive ones; ambiti are the lines of the mandate.
        "comune" => (
            vec![
                (
                    "strategico",
                    ["Obiettivo strategico", "obiettivi strategici"],
                    ["Strategic objective", "strategic objectives"],
                    1,
                    No,
                ),
                (
                    "operativo",
                    ["Obiettivo operativo", "obiettivi operativi"],
                    ["Operational objective", "operational objectives"],
                    2,
                    Optional,
                ),
                (
                    "esecutivo",
                    ["Obiettivo esecutivo (PEG)", "obiettivi esecutivi (PEG)"],
                    ["Executive objective", "executive objectives"],
                    3,
                    Required,
                ),
            ],
            [
                ["Linea di mandato", "linee di mandato"],
                ["Line of the mandate", "lines of the mandate"],
            ],
        ),
        // A ministry or another central administration: specific (three-
        // year) objectives under the political priorities, annual ones
        // assigned to the centres of responsibility.
        "amministrazione-centrale" => (
            vec![
                (
                    "specifico",
                    ["Obiettivo specifico", "obiettivi specifici"],
                    ["Specific objective", "specific objectives"],
                    1,
                    No,
                ),
                (
                    "annuale",
                    ["Obiettivo annuale", "obiettivi annuali"],
                    ["Annual objective", "annual objectives"],
                    2,
                    Required,
                ),
            ],
            [
                ["Priorità politica", "priorità politiche"],
                ["Political priority", "political priorities"],
            ],
        ),
        _ => return None,
    })
}

/// A preset's tree, with its names in `language`.
pub fn preset(code: &str, language: Language) -> Option<Tree> {
    let (kinds, ambito) = preset_parts(code)?;
    let at = usize::from(language == Language::En);
    let preset = PRESETS.into_iter().find(|p| *p == code);
    let kinds: Vec<ObjectiveKind> = kinds
        .iter()
        .map(|(id, it, en, level, servizi)| {
            let words = if at == 0 { it } else { en };
            ObjectiveKind {
                id: (*id).to_string(),
                words: Words {
                    singular: words[0].to_string(),
                    plural: words[1].to_string(),
                },
                level: *level,
                parents: Vec::new(),
                servizi: *servizi,
                span: None,
            }
        })
        .collect();
    let kinds = with_default_parents(kinds);
    Some(Tree {
        preset,
        kinds,
        ambito: Words {
            singular: ambito[at][0].to_string(),
            plural: ambito[at][1].to_string(),
        },
    })
}

/// The tree of a config without `objectives:`: the Camere di Commercio's.
pub fn default_tree(language: Language) -> Tree {
    preset(PRESETS[0], language).unwrap_or_else(unreachable_tree)
}

/// Never used: the first preset exists. Kept total so that no input can
/// make the loader panic.
fn unreachable_tree() -> Tree {
    Tree {
        preset: None,
        kinds: vec![ObjectiveKind {
            id: "obiettivo".into(),
            words: Words {
                singular: "Obiettivo".into(),
                plural: "obiettivi".into(),
            },
            level: 1,
            parents: Vec::new(),
            servizi: ServiziRule::None,
            span: None,
        }],
        ambito: Words {
            singular: "Ambito".into(),
            plural: "ambiti".into(),
        },
    }
}

/// Kinds below level 1 without `parents` may hang from every kind of the
/// level above.
fn with_default_parents(mut kinds: Vec<ObjectiveKind>) -> Vec<ObjectiveKind> {
    let levels: Vec<(String, u32)> = kinds.iter().map(|k| (k.id.clone(), k.level)).collect();
    for kind in &mut kinds {
        if kind.level > 1 && kind.parents.is_empty() {
            kind.parents = levels
                .iter()
                .filter(|(_, level)| *level + 1 == kind.level)
                .map(|(id, _)| id.clone())
                .collect();
        }
    }
    kinds
}

/// Reads `objectives:`. Any mistake is reported and a stand-in tree (the
/// preset a misspelt name means, else the default) lets the objectives
/// still be checked.
pub fn read(node: &Node, language: Language, diags: &mut Diagnostics) -> Tree {
    read_tree(node, language, diags).unwrap_or_else(|| default_tree(language))
}

fn read_tree(node: &Node, language: Language, diags: &mut Diagnostics) -> Option<Tree> {
    let mut fields = Fields::of(node, text::subject_section("objectives"), diags)?;
    let preset_node = fields.get("preset");
    let kinds_node = fields.get("kinds");
    let ambito_node = fields.get("ambito");
    fields.finish(diags);
    let base = match preset_node {
        Some(node) => {
            let code = text(node, "preset", diags)?;
            match preset(&code, language) {
                Some(tree) => Some(tree),
                None => {
                    let close = did_you_mean(&code, PRESETS);
                    diags.push(
                        problem::unknown_preset(&code, Arg::list(PRESETS))
                            .at(&node.span)
                            .suggest(close),
                    );
                    // The preset meant stands in, so that the objectives are
                    // checked against its kinds, not reported one by one.
                    return close.and_then(|close| preset(close, language));
                }
            }
        }
        None => None,
    };
    let mut tree = match (base, kinds_node) {
        (Some(_), Some(kinds)) => {
            diags.push(problem::preset_and_kinds().at(&kinds.span));
            return None;
        }
        (Some(tree), None) => tree,
        (None, Some(kinds)) => Tree {
            preset: None,
            kinds: declared_kinds(kinds, diags)?,
            ambito: default_tree(language).ambito,
        },
        (None, None) => {
            diags.push(problem::no_preset_nor_kinds().at(&node.span));
            return None;
        }
    };
    if let Some(node) = ambito_node {
        tree.ambito = words(node, text::subject_section("ambito"), diags)?;
    }
    Some(tree)
}

fn words(node: &Node, what: Message, diags: &mut Diagnostics) -> Option<Words> {
    let mut fields = Fields::of(node, what, diags)?;
    let words = singular_plural(&mut fields, diags);
    fields.finish(diags);
    words
}

/// `singular:` and `plural:`, both required.
fn singular_plural(fields: &mut Fields, diags: &mut Diagnostics) -> Option<Words> {
    let singular = fields
        .require("singular", diags)
        .and_then(|n| values::non_empty_text(n, "singular", diags));
    let plural = fields
        .require("plural", diags)
        .and_then(|n| values::non_empty_text(n, "plural", diags));
    Some(Words {
        singular: singular?,
        plural: plural?,
    })
}

fn declared_kinds(node: &Node, diags: &mut Diagnostics) -> Option<Vec<ObjectiveKind>> {
    let items = values::items(node, "kinds", diags);
    if items.is_empty() {
        diags.push(problem::no_kinds().at(&node.span));
        return None;
    }
    let mut kinds = Vec::new();
    let mut ok = true;
    for item in items {
        match kind(item, diags) {
            Some(kind) => kinds.push(kind),
            None => ok = false,
        }
    }
    if !ok {
        return None;
    }
    let mut seen: Vec<&str> = Vec::new();
    for kind in &kinds {
        if seen.contains(&kind.id.as_str()) {
            diags.push(problem::duplicate_kind(&kind.id).at(kind.span.as_ref()?));
            ok = false;
        }
        seen.push(&kind.id);
    }
    if !kinds.iter().any(ObjectiveKind::is_top_level) {
        diags.push(problem::no_top_level_kind().at(&node.span));
        return None;
    }
    for kind in &kinds {
        let span = kind.span.as_ref()?;
        if kind.level == 1 && !kind.parents.is_empty() {
            diags.push(problem::top_level_kind_with_parents(&kind.id).at(span));
            ok = false;
        }
        for parent in &kind.parents {
            match kinds.iter().find(|k| &k.id == parent) {
                None => {
                    let ids: Vec<&str> = kinds.iter().map(|k| k.id.as_str()).collect();
                    diags.push(
                        problem::unknown_parent_kind(&kind.id, parent, Arg::list(ids)).at(span),
                    );
                    ok = false;
                }
                Some(p) if p.level >= kind.level => {
                    diags.push(
                        problem::parent_kind_not_above(&kind.id, kind.level, parent, p.level)
                            .at(span),
                    );
                    ok = false;
                }
                Some(_) => {}
            }
        }
        if kind.level > 1
            && kind.parents.is_empty()
            && !kinds.iter().any(|k| k.level + 1 == kind.level)
        {
            diags.push(
                problem::kind_without_level_above(&kind.id, kind.level, kind.level - 1).at(span),
            );
            ok = false;
        }
    }
    ok.then(|| with_default_parents(kinds))
}

fn kind(node: &Node, diags: &mut Diagnostics) -> Option<ObjectiveKind> {
    let mut fields = Fields::of(node, text::subject_kind(), diags)?;
    let id = fields
        .require("id", diags)
        .and_then(|n| values::id(n, "id", diags));
    let words = singular_plural(&mut fields, diags);
    let level_node = fields.require("level", diags);
    let level = level_node.and_then(|node| {
        let written = text(node, "level", diags)?;
        match written.parse::<u32>() {
            Ok(level) if (1..=MAX_LEVEL).contains(&level) => Some(level),
            _ => {
                diags.push(problem::invalid_level(written, MAX_LEVEL).at(&node.span));
                None
            }
        }
    });
    let parents = fields
        .get("parents")
        .map(|n| values::id_list(n, "parents", diags))
        .unwrap_or_default();
    let servizi_node = fields.get("servizi");
    fields.finish(diags);
    let servizi = match servizi_node {
        None => None,
        Some(node) => match text(node, "servizi", diags)?.as_str() {
            "required" => Some(ServiziRule::Required),
            "optional" => Some(ServiziRule::Optional),
            "none" => Some(ServiziRule::None),
            other => {
                diags.push(problem::unknown_servizi_rule(other).at(&node.span));
                return None;
            }
        },
    };
    let id = id?;
    let level = level?;
    Some(ObjectiveKind {
        words: words?,
        servizi: servizi.unwrap_or(if level == 1 {
            ServiziRule::None
        } else {
            ServiziRule::Required
        }),
        level,
        parents: parents.into_iter().map(|r| r.id).collect(),
        span: Some(id.span),
        id: id.id,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_is_the_camere_tree() {
        let tree = default_tree(Language::It);
        assert_eq!(
            tree.ids(),
            [
                "strategico-comune",
                "strategico-specifico",
                "ente",
                "operativo"
            ]
        );
        let operativo = &tree.kinds[3];
        assert_eq!(operativo.level, 2);
        assert_eq!(
            operativo.parents,
            ["strategico-comune", "strategico-specifico", "ente"]
        );
        assert_eq!(operativo.servizi, ServiziRule::Required);
        assert_eq!(tree.ambito.singular, "Ambito");
    }

    #[test]
    fn the_comune_tree_has_three_levels() {
        let tree = preset("comune", Language::It).expect("comune");
        assert_eq!(tree.ids(), ["strategico", "operativo", "esecutivo"]);
        assert_eq!(tree.depth(), 3);
        assert_eq!(tree.kinds[2].parents, ["operativo"]);
        assert_eq!(tree.kinds[1].servizi, ServiziRule::Optional);
        assert_eq!(tree.ambito.plural, "linee di mandato");
        let english = preset("comune", Language::En).expect("comune");
        assert_eq!(english.kinds[0].words.plural, "strategic objectives");
    }

    #[test]
    fn every_preset_is_a_valid_tree() {
        for code in PRESETS {
            let tree = preset(code, Language::It).expect(code);
            assert!(tree.kinds.iter().any(ObjectiveKind::is_top_level), "{code}");
            for kind in &tree.kinds {
                assert_eq!(
                    kind.parents.is_empty(),
                    kind.level == 1,
                    "{code} {}",
                    kind.id
                );
                for parent in &kind.parents {
                    let p = tree.position(parent).expect("declared parent");
                    assert!(tree.kinds[p].level < kind.level);
                }
            }
        }
    }
}
