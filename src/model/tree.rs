//! The kinds of objectives a site declares, and how they nest.

use crate::diagnostics::Span;

/// The kinds of objectives of a body's plan, their levels and names:
/// declared in `cruscotto.yaml` under `objectives:`, or one of the presets
/// (`camera-di-commercio`, the default; `comune`; `amministrazione-centrale`).
#[derive(Debug, Clone, PartialEq)]
pub struct Tree {
    /// The preset it comes from, if any.
    pub preset: Option<&'static str>,
    /// In the order declared; never empty, at least one of level 1.
    pub kinds: Vec<ObjectiveKind>,
    /// What an ambito is called: "Ambito", "Missione", "Linea di mandato".
    pub ambito: Words,
}

impl Tree {
    /// The position of a kind by id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.kinds.iter().position(|k| k.id == id)
    }

    pub fn ids(&self) -> Vec<&str> {
        self.kinds.iter().map(|k| k.id.as_str()).collect()
    }

    /// The kind an objective of `level` takes when its own cannot be read.
    pub fn first_of_level(&self, level: u32) -> usize {
        self.kinds
            .iter()
            .position(|k| k.level == level)
            .or_else(|| self.kinds.iter().position(|k| k.level == 1))
            .unwrap_or(0)
    }

    /// The deepest level declared.
    pub fn depth(&self) -> u32 {
        self.kinds.iter().map(|k| k.level).max().unwrap_or(1)
    }
}

/// A name in its two forms: singular as a label ("Obiettivo strategico"),
/// plural as in a sentence ("3 obiettivi strategici").
#[derive(Debug, Clone, PartialEq)]
pub struct Words {
    pub singular: String,
    pub plural: String,
}

/// A kind of objective: "obiettivo strategico" (level 1, under an ambito),
/// "obiettivo operativo" (level 2, under a strategic one), and so on down.
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectiveKind {
    /// The word written in `kind:` and in the data files.
    pub id: String,
    pub words: Words,
    /// 1 for objectives under an ambito; a child's level is deeper than its
    /// parent's.
    pub level: u32,
    /// The kinds an objective of this kind may name as `parent` (none at
    /// level 1).
    pub parents: Vec<String>,
    pub servizi: ServiziRule,
    /// Where it is declared (`None` for a preset).
    pub span: Option<Span>,
}

impl ObjectiveKind {
    pub fn is_top_level(&self) -> bool {
        self.level == 1
    }
}

/// Whether objectives of a kind are assigned to Servizi.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServiziRule {
    /// Every objective names its Servizi (or `all`).
    Required,
    Optional,
    /// Objectives of this kind have no Servizi (strategic ones).
    None,
}

impl ServiziRule {
    pub fn code(self) -> &'static str {
        match self {
            ServiziRule::Required => "required",
            ServiziRule::Optional => "optional",
            ServiziRule::None => "none",
        }
    }
}
