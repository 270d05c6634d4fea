//! What the pages know about the other editions of the plan, and the views
//! of the two pages about them: the archive (`edizioni/`, every edition
//! with its period, approving act and date) and what changed since the
//! previous edition (`modifiche/`); and the banner on every page of an
//! earlier edition, linking to the same page in the current one.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::compare::{Change, ChangeKind, Item, Revision, Value, edition_label};
use crate::model::PlanInfo;
use crate::render::format::date;
use crate::render::views::{Ctx, Link, paths};

/// The archive page, in the current edition's output.
pub const ARCHIVE: &str = "edizioni/index.html";
/// What changed since the previous edition.
pub const CHANGES: &str = "modifiche/index.html";

/// What the render of one edition knows about the others.
#[derive(Debug, Default)]
pub struct Editions<'a> {
    /// This edition's id.
    pub id: String,
    /// Every edition, the current one first, then the earlier ones from
    /// the newest: the archive page (current edition only; empty for an
    /// earlier one).
    pub list: Vec<Listed<'a>>,
    /// This edition's changes since the one before it.
    pub changes: Option<Changes<'a>>,
    /// Set when the edition rendered is an earlier one.
    pub archived: Option<Archived>,
}

/// An edition in the archive.
#[derive(Debug)]
pub struct Listed<'a> {
    pub info: &'a PlanInfo,
    /// Its home page, relative to the current site's root.
    pub href: String,
    pub current: bool,
}

/// What changed since the edition before.
#[derive(Debug)]
pub struct Changes<'a> {
    pub previous_id: &'a str,
    pub previous: &'a PlanInfo,
    /// The previous edition's root, relative to this one's (`edizioni/2023/`
    /// from the current edition, `../2023/` from an earlier one): what was
    /// removed links there.
    pub previous_root: String,
    pub list: &'a [Change],
}

/// What an earlier edition's pages say about the current one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Archived {
    /// The current edition's label.
    pub current: String,
    /// The current edition's pages (`obiettivi/x/index.html`): a page of the
    /// earlier edition links to the same page in the current one, or to its
    /// home when it has no such page.
    pub current_pages: BTreeSet<String>,
}

/// From an earlier edition's root (`edizioni/<id>/`) to the site's.
pub const TO_CURRENT: &str = "../../";

/// What every page of an edition shows about the editions, in the footer
/// (and, on an earlier edition, the banner).
#[derive(Debug, Clone, Serialize)]
pub struct EditionsView {
    /// The archive page, relative to this edition's root.
    pub archive_href: String,
    /// The `modifiche/` page, when this edition has one.
    pub changes_href: Option<String>,
    /// On an earlier edition's pages: what the banner says.
    pub banner: Option<String>,
}

pub fn editions_view(ctx: &Ctx, editions: &Editions) -> EditionsView {
    let info = &ctx.plan.config.plan;
    EditionsView {
        archive_href: match editions.archived {
            Some(_) => format!("{TO_CURRENT}{ARCHIVE}"),
            None => ARCHIVE.to_string(),
        },
        changes_href: editions.changes.as_ref().map(|_| CHANGES.to_string()),
        banner: editions.archived.as_ref().map(|archived| {
            ctx.fill(
                "edition_banner_text",
                &[
                    ("edition", &edition_label(info)),
                    ("period", &info.period.to_string()),
                    ("current", &archived.current),
                ],
            )
        }),
    }
}

/// On a page of an earlier edition: where the banner links, relative to
/// this edition's root.
#[derive(Debug, Clone, Serialize)]
pub struct BannerLink {
    pub href: String,
    pub text: String,
}

/// The same page in the current edition, or its home when it has none.
pub fn banner_link(ctx: &Ctx, archived: &Archived, path: &str) -> BannerLink {
    let home = path == paths::HOME || path == paths::NOT_FOUND;
    if !home && archived.current_pages.contains(path) {
        BannerLink {
            href: format!("{TO_CURRENT}{path}"),
            text: ctx.t("edition_banner_same"),
        }
    } else {
        BannerLink {
            href: format!("{TO_CURRENT}{}", paths::HOME),
            text: ctx.t(if home {
                "edition_banner_home"
            } else {
                "edition_banner_missing"
            }),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct ArchiveView {
    pub caption: String,
    pub rows: Vec<ArchiveRow>,
    pub changes_href: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ArchiveRow {
    pub label: String,
    pub href: String,
    pub current: bool,
    pub period: String,
    pub reference_year: i32,
    pub approval: String,
    pub approval_date: Option<String>,
    pub approval_date_iso: Option<String>,
    pub last_updated: String,
    pub last_updated_iso: String,
}

pub fn archive_view(ctx: &Ctx, editions: &Editions) -> ArchiveView {
    ArchiveView {
        caption: ctx.fill(
            "editions_caption",
            &[("count", &editions.list.len().to_string())],
        ),
        rows: editions
            .list
            .iter()
            .map(|listed| {
                let info = listed.info;
                ArchiveRow {
                    label: edition_label(info),
                    href: listed.href.clone(),
                    current: listed.current,
                    period: info.period.to_string(),
                    reference_year: info.reference_year,
                    approval: info
                        .approval
                        .as_ref()
                        .map_or_else(|| ctx.t("editions_approval_missing"), |a| a.act.clone()),
                    approval_date: info.approval.as_ref().map(|a| date(a.date)),
                    approval_date_iso: info.approval.as_ref().map(|a| a.date.to_string()),
                    last_updated: date(info.last_updated),
                    last_updated_iso: info.last_updated.to_string(),
                }
            })
            .collect(),
        changes_href: editions.changes.as_ref().map(|_| CHANGES.to_string()),
    }
}

#[derive(Debug, Serialize)]
pub struct ChangesView {
    pub intro: String,
    /// Nothing changed.
    pub empty: bool,
    /// The plan's own changes, one sentence each.
    pub plan: Vec<String>,
    pub targets: Vec<TargetRow>,
    pub targets_caption: String,
    pub before_heading: String,
    pub after_heading: String,
    /// Objectives, indicators, ambiti, Servizi: each with its groups.
    pub sections: Vec<Section>,
    pub previous_href: String,
}

#[derive(Debug, Serialize)]
pub struct TargetRow {
    pub objective: Link,
    pub indicator: Link,
    pub year: i32,
    pub before: Option<String>,
    pub after: Option<String>,
    /// "nuovo target", "target non più previsto".
    pub note: Option<String>,
    pub revision: Option<String>,
    pub reason: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Section {
    pub id: &'static str,
    pub heading: String,
    pub groups: Vec<Group>,
}

#[derive(Debug, Serialize)]
pub struct Group {
    pub heading: String,
    pub items: Vec<GroupItem>,
}

#[derive(Debug, Serialize)]
pub struct GroupItem {
    pub link: Link,
    /// Where it is: "nell'obiettivo ...".
    pub context: Option<String>,
    /// What changed: "da ... a ...".
    pub detail: Option<String>,
}

const GROUPS: [(ChangeKind, &str); 6] = [
    (ChangeKind::Added, "changes_group_added"),
    (ChangeKind::Removed, "changes_group_removed"),
    (ChangeKind::Renamed, "changes_group_renamed"),
    (ChangeKind::Period, "changes_group_period"),
    (ChangeKind::Servizi, "changes_group_servizi"),
    (ChangeKind::Weight, "changes_group_weight"),
];

pub fn changes_view(ctx: &Ctx, changes: &Changes) -> ChangesView {
    let current = edition_label(&ctx.plan.config.plan);
    let previous = edition_label(changes.previous);
    let visible: Vec<&Change> = changes.list.iter().filter(|c| c.is_visible()).collect();
    let from_to = |change: &Change| {
        ctx.fill(
            "changes_from_to",
            &[
                ("before", &shown(ctx, change.before.as_ref())),
                ("after", &shown(ctx, change.after.as_ref())),
            ],
        )
    };
    let plan = visible
        .iter()
        .filter(|c| c.item == Item::Plan)
        .map(|c| {
            let key = match c.kind {
                ChangeKind::Edition => "changes_plan_edition",
                ChangeKind::Period => "changes_plan_period",
                _ => "changes_plan_reference_year",
            };
            format!("{} {}", ctx.t(key), from_to(c))
        })
        .collect();
    let targets: Vec<TargetRow> = visible
        .iter()
        .filter_map(|c| {
            let Item::Target {
                indicator,
                name,
                objective,
                objective_title,
                year,
            } = &c.item
            else {
                return None;
            };
            let root = if c.kind == ChangeKind::Removed {
                changes.previous_root.as_str()
            } else {
                ""
            };
            Some(TargetRow {
                objective: Link {
                    href: format!("{root}{}", paths::objective(objective)),
                    text: objective_title.clone(),
                },
                indicator: Link {
                    href: format!("{root}{}", paths::indicator(objective, indicator)),
                    text: name.clone(),
                },
                year: *year,
                before: c.before.as_ref().map(|v| shown(ctx, Some(v))),
                after: c.after.as_ref().map(|v| shown(ctx, Some(v))),
                note: match c.kind {
                    ChangeKind::Added => Some(ctx.t("changes_target_added")),
                    ChangeKind::Removed => Some(ctx.t("changes_target_removed")),
                    _ => None,
                },
                revision: c.revision.as_ref().map(|r| match r {
                    Revision::Declared { .. } => ctx.t("changes_revision_declared"),
                    Revision::Undeclared => ctx.t("changes_revision_undeclared"),
                    Revision::Mismatch { declared, .. } => {
                        ctx.fill("changes_revision_mismatch", &[("original", declared)])
                    }
                }),
                reason: c
                    .revision
                    .as_ref()
                    .and_then(Revision::reason)
                    .map(|reason| ctx.fill("changes_reason", &[("reason", reason)])),
            })
        })
        .collect();
    let sections = [
        ("modifiche-obiettivi", "changes_objectives_heading"),
        ("modifiche-indicatori", "changes_indicators_heading"),
        ("modifiche-ambiti", "changes_ambiti_heading"),
        ("modifiche-servizi", "changes_servizi_heading"),
    ]
    .into_iter()
    .enumerate()
    .map(|(n, (id, heading))| Section {
        id,
        heading: ctx.t(heading),
        groups: GROUPS
            .iter()
            .map(|(kind, key)| Group {
                heading: ctx.t(key),
                items: visible
                    .iter()
                    .filter(|c| c.kind == *kind && section_of(&c.item) == Some(n))
                    .map(|c| group_item(ctx, changes, c, &from_to))
                    .collect(),
            })
            .filter(|g| !g.items.is_empty())
            .collect(),
    })
    .filter(|s| !s.groups.is_empty())
    .collect();
    ChangesView {
        intro: ctx.fill(
            "changes_intro",
            &[("current", &current), ("previous", &previous)],
        ),
        empty: visible.is_empty(),
        plan,
        targets_caption: ctx.fill(
            "changes_targets_caption",
            &[("count", &targets.len().to_string())],
        ),
        targets,
        before_heading: ctx.fill("changes_before", &[("edition", &previous)]),
        after_heading: ctx.fill("changes_after", &[("edition", &current)]),
        sections,
        previous_href: format!("{}{}", changes.previous_root, paths::HOME),
    }
}

/// Which section of the page a change goes in (targets and the plan have
/// their own).
fn section_of(item: &Item) -> Option<usize> {
    match item {
        Item::Objective { .. } => Some(0),
        Item::Indicator { .. } => Some(1),
        Item::Ambito { .. } => Some(2),
        Item::Servizio { .. } => Some(3),
        Item::Plan | Item::Target { .. } => None,
    }
}

fn group_item(
    ctx: &Ctx,
    changes: &Changes,
    change: &Change,
    from_to: &dyn Fn(&Change) -> String,
) -> GroupItem {
    // What was removed is in the previous edition only.
    let root = if change.kind == ChangeKind::Removed {
        changes.previous_root.as_str()
    } else {
        ""
    };
    let (href, text, context) = match &change.item {
        Item::Objective { id, title } => (paths::objective(id), title.clone(), None),
        Item::Indicator {
            id,
            name,
            objective,
            objective_title,
        } => (
            paths::indicator(objective, id),
            name.clone(),
            Some(ctx.fill("changes_in_objective", &[("objective", objective_title)])),
        ),
        Item::Ambito { id, title } => (paths::ambito(id), title.clone(), None),
        Item::Servizio { id, name } => (paths::servizio(id), name.clone(), None),
        Item::Plan | Item::Target { .. } => (String::new(), String::new(), None),
    };
    let detail = match change.kind {
        ChangeKind::Added | ChangeKind::Removed => None,
        ChangeKind::Renamed => Some(ctx.fill(
            "changes_was",
            &[("before", &shown(ctx, change.before.as_ref()))],
        )),
        _ => Some(from_to(change)),
    };
    GroupItem {
        link: Link {
            href: format!("{root}{href}"),
            text,
        },
        context,
        detail,
    }
}

/// A value as a page shows it.
fn shown(ctx: &Ctx, value: Option<&Value>) -> String {
    match value {
        None => String::new(),
        Some(Value::Text(text)) => text.clone(),
        Some(Value::Period(period)) => period.to_string(),
        Some(Value::Year(year)) => year.to_string(),
        Some(Value::Weight(weight)) => ctx.format.number(*weight, weight.scale()),
        Some(Value::Servizi(None)) => ctx.t("changes_all_servizi"),
        Some(Value::Servizi(Some(names))) => names.join(", "),
    }
}
