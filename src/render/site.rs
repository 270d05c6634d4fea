//! The HTML site: one Tera template per kind of page, fed with view structs.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Mutex;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};

use crate::diagnostics::Diagnostic;
use crate::engine::Evaluation;
use crate::model::{ObjectiveKind, Owners, Plan};
use crate::render::document::{self, Pages};
use crate::render::format::date;
use crate::render::index_rows::{IndexRow, index_rows};
use crate::render::series;
use crate::render::theme::Theme;
use crate::render::views::{self, Ctx, Link, ObjectiveSummary, paths};
use crate::write::{Collect, OutputFile, Sink};

#[derive(Debug, Serialize)]
struct SiteView {
    lang: &'static str,
    ente: String,
    ente_short: String,
    address: Option<String>,
    website: Option<String>,
    footer_links: Vec<Link>,
    trasparenza: Option<String>,
    title: String,
    edition: String,
    update: Option<String>,
    period: String,
    reference_year: i32,
    last_updated: String,
    last_updated_iso: String,
    approval: String,
    smvp: Option<Link>,
    base_url: String,
}

#[derive(Debug, Serialize)]
struct NavItem {
    href: String,
    text: String,
    current: bool,
}

#[derive(Debug, Serialize)]
struct PageView {
    title: String,
    description: String,
    path: String,
    /// Prefix from this page to the site root: "", "../", "../../"; for the
    /// 404 page, which is served at any address, the absolute base URL.
    root: String,
    canonical: String,
    breadcrumbs: Vec<Link>,
    nav: Vec<NavItem>,
}

/// What every template gets, plus the page's own data.
struct Renderer<'a> {
    /// The templates, with the site and the labels in the global context
    /// (serialised once, not once per page).
    tera: Tera,
    ctx: Ctx<'a>,
    site: SiteView,
    /// Where each template comes from, for messages.
    origins: &'a BTreeMap<String, String>,
    options: Options,
    /// Where each page goes as soon as it is rendered.
    sink: &'a dyn Sink,
    /// The addresses of the pages, for the sitemap.
    sitemap: Mutex<Vec<String>>,
}

/// What a build asks of the render besides the content.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// The plan document is also printed to PDF: pages link to it.
    pub pdf: bool,
}

impl<'a> Renderer<'a> {
    /// Compiles the theme's templates and builds what every page shares,
    /// put once into Tera's global context.
    fn new(
        plan: &'a Plan,
        evaluation: &'a Evaluation,
        theme: &'a Theme,
        options: Options,
        sink: &'a dyn Sink,
    ) -> Result<Self, Diagnostic> {
        let mut tera = Tera::new();
        let templates: Vec<(&str, &str)> = theme
            .templates
            .iter()
            .map(|(name, text)| (name.as_str(), text.as_str()))
            .collect();
        // Tera's message names the template and the line; the help says where
        // the theme's templates live.
        tera.add_raw_templates(templates).map_err(|e| {
            let (message, file) = name_template_files(&e.to_string(), &theme.origins);
            let diagnostic =
                Diagnostic::error(format!("a template of the theme cannot be read: {message}"))
                    .help("fix the template named above (a site's own templates are under themes/<name>/templates/)");
            match file {
                Some(file) => diagnostic.in_file(file),
                None => diagnostic,
            }
        })?;
        let ctx = Ctx::new(plan, evaluation, &theme.labels);
        let site = site_view(&ctx);
        tera.global_context().insert("site", &site);
        tera.global_context().insert("t", &theme.labels);
        Ok(Renderer {
            tera,
            ctx,
            site,
            origins: &theme.origins,
            options,
            sink,
            sitemap: Mutex::new(Vec::new()),
        })
    }
}

/// Renders every page into `sink`, the pages on all cores. The pages are
/// the same whatever the order the threads finish in; of several failures
/// the first in page order is reported.
pub fn render(
    plan: &Plan,
    evaluation: &Evaluation,
    theme: &Theme,
    options: Options,
    sink: &dyn Sink,
) -> Result<(), Diagnostic> {
    let renderer = Renderer::new(plan, evaluation, theme, options, sink)?;
    // The sections of the site, each a task (those with many pages split
    // further).
    first_error((0..12).into_par_iter().map(|section| match section {
        0 => renderer.home(),
        1 => renderer.ambiti(),
        2 => renderer.objectives(),
        3 => renderer.servizi(),
        4 => renderer.indicators(),
        5 => renderer.simple_pages(),
        6 => renderer.search(),
        7 => renderer.document(),
        8 => renderer.relazione(),
        9 => renderer.series_files(),
        10 => renderer.not_found(theme),
        _ => theme.statics.iter().try_for_each(|(path, bytes)| {
            sink.put(OutputFile::new(
                Path::new("assets").join(path),
                bytes.clone(),
            ))
        }),
    }))?;
    renderer.sitemap_xml()?;
    let missing = theme.labels.missing();
    if !missing.is_empty() {
        return Err(Diagnostic::error(format!(
            "the theme's translation file has no label for: {}",
            missing.join(", ")
        ))
        .in_file(format!(
            "themes/default/i18n/{}.yaml",
            plan.config.site.language.code()
        ))
        .help("add the missing keys to the translation file"));
    }
    Ok(())
}

/// The first failure, in the order of the items (not of the threads).
fn first_error(
    results: impl IndexedParallelIterator<Item = Result<(), Diagnostic>>,
) -> Result<(), Diagnostic> {
    let results: Vec<_> = results.collect();
    results.into_iter().collect()
}

/// The plan document's page (`piao/index.html`) for printing, with the
/// table of contents showing `pages`.
pub fn render_document(
    plan: &Plan,
    evaluation: &Evaluation,
    theme: &Theme,
    options: Options,
    pages: Pages,
) -> Result<(document::DocumentView, Vec<u8>), Diagnostic> {
    let files = Collect::default();
    let renderer = Renderer::new(plan, evaluation, theme, options, &files)?;
    let view = document::document_view(&renderer.ctx, pages);
    renderer.document_page(&view)?;
    drop(renderer);
    let html = files
        .into_files()
        .into_iter()
        .find(|f| f.path == Path::new(paths::DOCUMENT))
        .map(|f| f.bytes)
        .unwrap_or_default();
    Ok((view, html))
}

fn site_view(ctx: &Ctx) -> SiteView {
    let config = &ctx.plan.config;
    let links = &config.ente.links;
    let footer_links = [
        ("footer_note_legali", &links.note_legali),
        ("footer_privacy", &links.privacy),
        ("footer_accessibilita", &links.accessibilita),
        ("footer_trasparenza", &links.amministrazione_trasparente),
    ]
    .into_iter()
    .filter_map(|(key, href)| {
        href.as_ref().map(|href| Link {
            href: href.clone(),
            text: ctx.t(key),
        })
    })
    .collect();
    SiteView {
        lang: config.site.language.code(),
        ente: config.ente.name.clone(),
        ente_short: config
            .ente
            .short_name
            .clone()
            .unwrap_or_else(|| config.ente.name.clone()),
        address: config.ente.address.clone(),
        website: config.ente.website.clone(),
        footer_links,
        trasparenza: links.amministrazione_trasparente.clone(),
        title: config.plan.title.clone(),
        edition: config.plan.edition.clone(),
        update: config.plan.update.clone(),
        period: config.plan.period.to_string(),
        reference_year: config.plan.reference_year,
        last_updated: date(config.plan.last_updated),
        last_updated_iso: config.plan.last_updated.to_string(),
        approval: match &config.plan.approval {
            Some(a) => ctx.fill(
                "footer_approval_text",
                &[("act", &a.act), ("date", &date(a.date))],
            ),
            None => ctx.t("footer_approval_missing"),
        },
        smvp: config.plan.smvp.as_ref().map(|s| Link {
            href: s.url.clone().unwrap_or_default(),
            text: s.title.clone(),
        }),
        base_url: config.site.base_url.clone(),
    }
}

const NAV: [(&str, &str); 7] = [
    ("nav_home", paths::HOME),
    ("nav_indicators", paths::INDICATORS),
    ("nav_servizi", paths::SERVIZI),
    ("nav_method", paths::METHOD),
    ("nav_data", paths::DATA),
    ("nav_search", paths::SEARCH),
    ("nav_document", paths::DOCUMENT),
];

impl Renderer<'_> {
    /// A page of the main navigation: its title and intro from the labels.
    fn section_page(&self, path: &str, title_key: &str, intro_key: &str) -> PageView {
        let title = self.ctx.t(title_key);
        let trail = vec![Link {
            href: path.into(),
            text: title.clone(),
        }];
        self.page(path, title, self.ctx.t(intro_key), trail)
    }

    fn page(&self, path: &str, title: String, description: String, trail: Vec<Link>) -> PageView {
        let depth = path.matches('/').count();
        let root = if path == paths::NOT_FOUND {
            self.site.base_url.clone()
        } else {
            "../".repeat(depth)
        };
        // The section lives under "Amministrazione Trasparente": linked when
        // the config gives its address, named anyway.
        let mut breadcrumbs = vec![Link {
            href: self.site.trasparenza.clone().unwrap_or_default(),
            text: self.ctx.t("breadcrumb_trasparenza"),
        }];
        breadcrumbs.push(Link {
            href: paths::HOME.to_string(),
            text: self.ctx.t("breadcrumb_performance"),
        });
        breadcrumbs.extend(trail);
        // The section a page belongs to is the current nav item.
        let section = path.split('/').next().unwrap_or_default();
        let nav = NAV
            .iter()
            .map(|(key, href)| NavItem {
                href: (*href).to_string(),
                text: self.ctx.t(key),
                current: *href == path
                    || (href.contains('/') && href.split('/').next() == Some(section)),
            })
            .collect();
        PageView {
            title,
            description,
            path: path.to_string(),
            root,
            canonical: format!(
                "{}{}",
                self.site.base_url,
                path.trim_end_matches("index.html")
            ),
            breadcrumbs,
            nav,
        }
    }

    fn emit(
        &self,
        template: &str,
        page: PageView,
        data: &[(&str, &dyn erased::Value)],
    ) -> Result<(), Diagnostic> {
        let mut context = Context::new();
        context.insert("page", &page);
        for (key, value) in data {
            value.insert_into(&mut context, key);
        }
        let html = self.render_template(template, &page.path, &context)?;
        if page.path != paths::NOT_FOUND {
            self.sitemap
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(page.canonical.clone());
        }
        self.sink.put(OutputFile::new(page.path, html))
    }

    fn home(&self) -> Result<(), Diagnostic> {
        let ctx = &self.ctx;
        let plan = ctx.plan;
        let ambiti: Vec<AmbitoView> = (0..plan.config.ambiti.len())
            .map(|a| ambito_view(ctx, a))
            .collect();
        let years: Vec<YearSummary> = crate::render::summary_years(plan, ctx.evaluation)
            .into_iter()
            .filter_map(|year| year_summary(ctx, year))
            .collect();
        let top_level = plan
            .objectives
            .iter()
            .filter(|o| o.kind.is_top_level())
            .count();
        let indicators: usize = plan.objectives.iter().map(|o| o.indicators.len()).sum();
        let counts = ctx.fill(
            "home_counts",
            &[
                ("objectives", &plan.objectives.len().to_string()),
                ("top_level", &top_level.to_string()),
                (
                    "operational",
                    &(plan.objectives.len() - top_level).to_string(),
                ),
                ("indicators", &indicators.to_string()),
                ("ambiti", &plan.config.ambiti.len().to_string()),
            ],
        );
        let kinds: Vec<KindCount> = ObjectiveKind::ALL
            .iter()
            .map(|kind| KindCount {
                label: ctx.t(&format!("kinds_{}", kind.code())),
                count: plan.objectives.iter().filter(|o| o.kind == *kind).count(),
            })
            .collect();
        let intro = ctx.fill(
            "home_intro",
            &[("edition", &self.site.edition), ("ente", &self.site.ente)],
        );
        let reference_note = ctx.fill(
            "home_reference_note",
            &[("year", &self.site.reference_year.to_string())],
        );
        let page = self.page(paths::HOME, ctx.t("home_title"), intro.clone(), Vec::new());
        self.emit(
            "index.html",
            page,
            &[
                ("intro", &intro),
                ("counts", &counts),
                ("kinds", &kinds),
                ("years", &years),
                ("ambiti", &ambiti),
                ("reference_note", &reference_note),
                ("charts", &series::home_charts(ctx)),
                ("pdf_href", &self.pdf_href()),
                ("relazione", &views::relazione_link(ctx)),
            ],
        )
    }

    fn ambiti(&self) -> Result<(), Diagnostic> {
        first_error(
            (0..self.ctx.plan.config.ambiti.len())
                .into_par_iter()
                .map(|a| {
                    let view = ambito_view(&self.ctx, a);
                    let ambito = &self.ctx.plan.config.ambiti[a];
                    let page = self.page(
                        &paths::ambito(&ambito.id),
                        ambito.title.clone(),
                        format!("{}: {}", self.ctx.t("ambito_label"), ambito.title),
                        vec![Link {
                            href: paths::ambito(&ambito.id),
                            text: ambito.title.clone(),
                        }],
                    );
                    self.emit(
                        "ambito.html",
                        page,
                        &[("ambito", &view), ("charts", &SummaryCharts::default())],
                    )
                }),
        )
    }

    fn trail_of(&self, position: usize) -> Vec<Link> {
        let plan = self.ctx.plan;
        let objective = &plan.objectives[position];
        let mut trail = Vec::new();
        if let Some(ambito) = self
            .ctx
            .index
            .ambito_of(plan, objective)
            .and_then(|id| plan.config.ambiti.iter().find(|a| a.id == id))
        {
            trail.push(Link {
                href: paths::ambito(&ambito.id),
                text: ambito.title.clone(),
            });
        }
        if let Some(parent) = objective
            .parent
            .as_ref()
            .and_then(|p| self.ctx.index.objective(plan, &p.id))
        {
            trail.push(Link {
                href: paths::objective(&parent.id),
                text: parent.title.clone(),
            });
        }
        trail.push(Link {
            href: paths::objective(&objective.id),
            text: objective.title.clone(),
        });
        trail
    }

    fn objectives(&self) -> Result<(), Diagnostic> {
        first_error(
            (0..self.ctx.plan.objectives.len())
                .into_par_iter()
                .map(|position| {
                    // Built here, not kept: the view (charts included) is
                    // needed by this page only.
                    let view = &views::objective_view(&self.ctx, position);
                    let objective = &self.ctx.plan.objectives[position];
                    let description = format!("{}: {}", view.summary.kind_label, objective.title);
                    let page = self.page(
                        &paths::objective(&objective.id),
                        objective.title.clone(),
                        description,
                        self.trail_of(position),
                    );
                    let data = crate::render::data::page::objective_data(&objective.id);
                    self.emit(
                        "objective.html",
                        page,
                        &[("objective", view), ("data", &data)],
                    )
                }),
        )
    }

    fn servizi(&self) -> Result<(), Diagnostic> {
        let ctx = &self.ctx;
        let plan = ctx.plan;
        let views: Vec<ServizioView> = plan
            .config
            .servizi
            .iter()
            .map(|servizio| {
                let mut has_all = false;
                let objectives: Vec<ObjectiveSummary> = plan
                    .objectives
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| match &o.servizi {
                        Owners::All => {
                            has_all = true;
                            true
                        }
                        Owners::Servizi(list) => list.iter().any(|r| r.id == servizio.id),
                    })
                    .map(|(position, _)| views::objective_summary(ctx, position, false))
                    .collect();
                ServizioView {
                    id: servizio.id.clone(),
                    href: paths::servizio(&servizio.id),
                    name: servizio.name.clone(),
                    count: ctx.fill(
                        "servizio_count",
                        &[("count", &objectives.len().to_string())],
                    ),
                    objectives,
                    includes_all: has_all,
                }
            })
            .collect();
        let title = self.ctx.t("servizi_title");
        let intro = self.ctx.t("servizi_intro");
        let page = self.page(
            paths::SERVIZI,
            title.clone(),
            intro,
            vec![Link {
                href: paths::SERVIZI.into(),
                text: title.clone(),
            }],
        );
        self.emit("servizi.html", page, &[("servizi", &views)])?;
        first_error(views.par_iter().map(|view| {
            let page = self.page(
                &view.href,
                view.name.clone(),
                format!("{}: {}", self.ctx.t("servizio_label"), view.name),
                vec![
                    Link {
                        href: paths::SERVIZI.into(),
                        text: title.clone(),
                    },
                    Link {
                        href: view.href.clone(),
                        text: view.name.clone(),
                    },
                ],
            );
            self.emit("servizio.html", page, &[("servizio", view)])
        }))
    }

    fn indicators(&self) -> Result<(), Diagnostic> {
        let rows: Vec<IndexRow> = index_rows(&self.ctx);
        let year = self.site.reference_year.to_string();
        let columns = IndexColumns {
            indicator: self.ctx.t("indicators_col_indicator"),
            ambito: self.ctx.t("indicators_col_ambito"),
            objective: self.ctx.t("indicators_col_objective"),
            servizio: self.ctx.t("indicators_col_servizio"),
            last_value: self.ctx.t("indicators_col_last_value"),
            target: self.ctx.fill("indicators_col_target", &[("year", &year)]),
            status: self.ctx.fill("indicators_col_status", &[("year", &year)]),
        };
        let ambiti: Vec<Link> = self
            .ctx
            .plan
            .config
            .ambiti
            .iter()
            .map(|a| Link {
                href: a.id.clone(),
                text: a.title.clone(),
            })
            .collect();
        let statuses: Vec<views::StatusView> = crate::engine::scoring::Status::ALL
            .iter()
            .map(|s| views::status_view(&self.ctx, *s))
            .collect();
        let reasons: Vec<views::StatusView> = crate::engine::Reason::ALL
            .iter()
            .map(|r| views::reason_view(&self.ctx, *r))
            .collect();
        let caption = self
            .ctx
            .fill("indicators_caption", &[("count", &rows.len().to_string())]);
        let page = self.section_page(paths::INDICATORS, "indicators_title", "indicators_intro");
        self.emit(
            "indicators.html",
            page,
            &[
                ("rows", &rows),
                ("columns", &columns),
                ("ambiti", &ambiti),
                ("statuses", &statuses),
                ("reasons", &reasons),
                ("caption", &caption),
            ],
        )
    }

    fn simple_pages(&self) -> Result<(), Diagnostic> {
        let config = &self.ctx.plan.config;
        let scoring = &config.scoring;
        let partial = self.ctx.format.percent(scoring.partial_from);
        let cap = self.ctx.format.percent(scoring.cap);
        let rule = |higher: bool| {
            let proportional = if higher {
                scoring.higher_is_better
            } else {
                scoring.lower_is_better
            } == crate::model::ScoringRule::Proportional;
            match (higher, proportional) {
                (true, true) => "method_higher_proportional",
                (true, false) => "method_higher_binary",
                (false, true) => "method_lower_proportional",
                (false, false) => "method_lower_binary",
            }
        };
        let method = MethodView {
            smvp: self
                .site
                .smvp
                .as_ref()
                .map(|s| self.ctx.fill("method_smvp", &[("title", &s.text)])),
            smvp_href: self
                .site
                .smvp
                .as_ref()
                .map(|s| s.href.clone())
                .filter(|h| !h.is_empty()),
            higher: self.ctx.t(rule(true)),
            lower: self.ctx.t(rule(false)),
            cap: self.ctx.fill("method_cap", &[("cap", &cap)]),
            partial: self
                .ctx
                .fill("method_status_partial", &[("partial", &partial)]),
            missed: self
                .ctx
                .fill("method_status_missed", &[("partial", &partial)]),
            values: self.ctx.t(match scoring.values {
                crate::model::ValueChoice::Printed => "relazione_rule_printed",
                crate::model::ValueChoice::Computed => "relazione_rule_computed",
            }),
        };
        let page = self.section_page(paths::METHOD, "method_title", "method_intro");
        let statuses: Vec<views::StatusView> = crate::engine::scoring::Status::ALL
            .iter()
            .map(|s| views::status_view(&self.ctx, *s))
            .collect();
        let reasons: Vec<views::StatusView> = crate::engine::Reason::ALL
            .iter()
            .map(|r| views::reason_view(&self.ctx, *r))
            .collect();
        self.emit(
            "method.html",
            page,
            &[
                ("method", &method),
                ("statuses", &statuses),
                ("reasons", &reasons),
            ],
        )?;

        let series: Vec<Link> = self
            .ctx
            .plan
            .indicators()
            .filter(|(o, i, _)| series::has_chart(&self.ctx, *o, *i))
            .map(|(_, _, indicator)| Link {
                href: paths::series_csv(&indicator.id),
                text: indicator.name.clone(),
            })
            .collect();
        let page = self.section_page(paths::DATA, "data_title", "data_intro");
        self.emit(
            "data.html",
            page,
            &[
                ("series", &series),
                ("data", &crate::render::data::page::data_page(self.ctx.plan)),
                ("pdf_href", &self.pdf_href()),
                ("relazione", &views::relazione_link(&self.ctx)),
            ],
        )
    }

    fn search(&self) -> Result<(), Diagnostic> {
        let ctx = &self.ctx;
        let mut items = Vec::new();
        for (o, objective) in ctx.plan.objectives.iter().enumerate() {
            let summary = views::objective_summary(ctx, o, false);
            items.push(SearchItem {
                kind: ctx.t("search_type_objective"),
                title: objective.title.clone(),
                href: summary.href.clone(),
                context: summary.kind_label.clone(),
                text: search_text(&[
                    &objective.title,
                    &objective.id,
                    &summary.kind_label,
                    objective.owners.as_deref().unwrap_or(""),
                ]),
            });
            for indicator in &objective.indicators {
                items.push(SearchItem {
                    kind: ctx.t("search_type_indicator"),
                    title: indicator.name.clone(),
                    href: paths::indicator(&objective.id, &indicator.id),
                    context: objective.title.clone(),
                    text: search_text(&[
                        &indicator.name,
                        indicator.algorithm.as_deref().unwrap_or(""),
                        indicator.note.as_deref().unwrap_or(""),
                        indicator.source.as_deref().unwrap_or(""),
                        &objective.title,
                    ]),
                });
            }
        }
        let all = ctx.fill("search_all", &[("count", &items.len().to_string())]);
        let title = ctx.t("search_title");
        let page = self.page(
            paths::SEARCH,
            title.clone(),
            ctx.t("search_intro"),
            vec![Link {
                href: paths::SEARCH.into(),
                text: title,
            }],
        );
        self.emit("search.html", page, &[("items", &items), ("all", &all)])
    }

    /// The CSV of each indicator's chart data, beside the pages.
    fn series_files(&self) -> Result<(), Diagnostic> {
        let indicators: Vec<_> = self.ctx.plan.indicators().collect();
        first_error(indicators.par_iter().map(|&(o, i, indicator)| {
            if !series::has_chart(&self.ctx, o, i) {
                return Ok(());
            }
            let path = paths::series_csv(&indicator.id);
            let bytes = series::series_csv(&self.ctx, o, i)
                .map_err(|message| Diagnostic::error(message).in_file(&path))?;
            self.sink.put(OutputFile::new(path, bytes))
        }))
    }

    /// The plan document, its page style, and a redirect from the former
    /// printable page's address.
    fn document(&self) -> Result<(), Diagnostic> {
        let view = document::document_view(&self.ctx, Pages::None);
        self.document_page(&view)?;
        let mut context = Context::new();
        context.insert("target", "../piao/index.html");
        let html = self.render_template("redirect.html", paths::PRINT, &context)?;
        self.sink.put(OutputFile::new(paths::PRINT, html))
    }

    fn document_page(&self, view: &document::DocumentView) -> Result<(), Diagnostic> {
        self.page_css(document::PAGE_CSS, &self.ctx.t("document_section"))?;
        let page = self.section_page(paths::DOCUMENT, "document_title", "document_intro");
        self.emit(
            "document.html",
            page,
            &[("document", view), ("pdf_href", &self.pdf_href())],
        )
    }

    /// The page box, running header and page numbers of a printed document
    /// (`section`: its name, in the header).
    fn page_css(&self, path: &str, section: &str) -> Result<(), Diagnostic> {
        let css_string = |text: &str| {
            text.replace('\\', "\\\\")
                .replace('"', "\\\"")
                .replace(['\n', '\r'], " ")
        };
        let header = match &self.site.update {
            Some(update) => format!("{} · {} · {update}", self.site.ente, self.site.edition),
            None => format!("{} · {}", self.site.ente, self.site.edition),
        };
        let mut context = Context::new();
        context.insert("header", &css_string(&header));
        context.insert("section", &css_string(section));
        context.insert("page_word", &css_string(&self.ctx.t("document_page")));
        context.insert("of_word", &css_string(&self.ctx.t("document_page_of")));
        let css = self.render_template("document-page.css", path, &context)?;
        self.sink.put(OutputFile::new(path, css))
    }

    /// The plan document's PDF, when the build prints it.
    fn pdf_href(&self) -> Option<&'static str> {
        self.options.pdf.then_some(document::PDF_PATH)
    }

    fn render_template(
        &self,
        template: &str,
        path: &str,
        context: &Context,
    ) -> Result<String, Diagnostic> {
        self.tera.render(template, context).map_err(|e| {
            Diagnostic::error(format!("the template `{template}` failed for {path}: {e}"))
                .in_file(self.origins.get(template).map_or(template, String::as_str))
                .help("check the template against the data the page gives it")
        })
    }

    /// The Relazione sulla performance: a page of its own, with its own template.
    fn relazione(&self) -> Result<(), Diagnostic> {
        let view = crate::render::relazione::relazione_view(&self.ctx);
        let trail = vec![Link {
            href: paths::RELAZIONE.into(),
            text: view.title.clone(),
        }];
        let description = view.summary.first().cloned().unwrap_or_default();
        self.page_css(paths::RELAZIONE_PAGE_CSS, &view.title)?;
        let page = self.page(paths::RELAZIONE, view.title.clone(), description, trail);
        let pdf_href = self.options.pdf.then_some(paths::RELAZIONE_PDF);
        self.emit(
            "relazione.html",
            page,
            &[("relazione", &view), ("pdf_href", &pdf_href)],
        )
    }

    fn not_found(&self, theme: &Theme) -> Result<(), Diagnostic> {
        // Served at any address, so its style is inline (fonts fall back to
        // the system's).
        let css = theme
            .statics
            .get(Path::new("style.css"))
            .map(|bytes| String::from_utf8_lossy(bytes).into_owned())
            .unwrap_or_default();
        let page = self.page(
            paths::NOT_FOUND,
            self.ctx.t("notfound_title"),
            self.ctx.t("notfound_text"),
            Vec::new(),
        );
        // The Content-Security-Policy allows this one inline style by its hash.
        let hash = format!("sha256-{}", base64_sha256(css.as_bytes()));
        self.emit(
            "404.html",
            page,
            &[("inline_css", &css), ("inline_css_hash", &hash)],
        )
    }

    fn sitemap_xml(&self) -> Result<(), Diagnostic> {
        let mut context = Context::new();
        let mut urls = std::mem::take(&mut *self.sitemap.lock().unwrap_or_else(|e| e.into_inner()));
        urls.sort();
        context.insert("urls", &urls);
        context.insert("lastmod", &self.site.last_updated_iso);
        let xml = self.render_template("sitemap.xml", "sitemap.xml", &context)?;
        self.sink.put(OutputFile::new("sitemap.xml", xml))
    }
}

/// The SHA-256 of `bytes` in base64, as a Content-Security-Policy hash.
fn base64_sha256(bytes: &[u8]) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(bytes))
}

/// Tera names a template by its name (`404.html`); say which file of which
/// theme it is (`themes/default/templates/404.html`).
fn name_template_files<'o>(
    message: &str,
    origins: &'o BTreeMap<String, String>,
) -> (String, Option<&'o str>) {
    let mut message = message.to_string();
    let mut file = None;
    for (name, origin) in origins {
        for (tera, ours) in [
            (format!("--> {name}:"), format!("--> {origin}:")),
            (format!("'{name}'"), format!("'{origin}'")),
        ] {
            if message.contains(&tera) {
                message = message.replace(&tera, &ours);
                file.get_or_insert(origin.as_str());
            }
        }
    }
    (message, file)
}

/// Lower case, accents folded: what the search compares.
pub fn search_text(parts: &[&str]) -> String {
    crate::syntax::fold(&parts.join(" ")).trim_end().to_string()
}

#[derive(Debug, Serialize)]
struct KindCount {
    label: String,
    count: usize,
}

#[derive(Debug, Serialize)]
struct YearSummary {
    year: i32,
    heading: String,
    counts: String,
    /// The not assessable ones by reason.
    reasons: Option<String>,
    achievement: Option<String>,
    /// What the achievement rests on.
    rests_on: String,
    mix: Vec<MixItem>,
}

#[derive(Debug, Serialize)]
struct MixItem {
    status: views::StatusView,
    count: usize,
}

fn year_summary(ctx: &Ctx, year: i32) -> Option<YearSummary> {
    let y = ctx.evaluation.plan.years.get(&year)?;
    let c = &y.counts;
    let year_text = year.to_string();
    Some(YearSummary {
        year,
        heading: ctx.fill("home_year_heading", &[("year", &year_text)]),
        counts: ctx.fill(
            "home_year_counts",
            &[
                ("year", &year_text),
                ("total", &c.total().to_string()),
                ("reached", &c.raggiunto.to_string()),
                ("partial", &c.parzialmente_raggiunto.to_string()),
                ("missed", &c.non_raggiunto.to_string()),
                ("unassessable", &c.non_valutabile.to_string()),
            ],
        ),
        achievement: Some(match y.achievement {
            Some(a) => ctx.fill(
                "home_year_achievement",
                &[("achievement", &ctx.format.percent(a))],
            ),
            None => ctx.fill("home_year_no_achievement", &[("year", &year_text)]),
        }),
        reasons: views::reasons_text(ctx, c),
        rests_on: views::rests_on(ctx, year, y),
        mix: crate::engine::scoring::Status::ALL
            .iter()
            .filter(|s| **s != crate::engine::scoring::Status::NonValutabile)
            .map(|s| MixItem {
                status: views::status_view(ctx, *s),
                count: c.get(*s),
            })
            .chain(
                views::reason_mix(ctx, c)
                    .into_iter()
                    .map(|(status, count)| MixItem { status, count }),
            )
            .collect(),
    })
}

#[derive(Debug, Serialize)]
struct AmbitoView {
    id: String,
    href: String,
    title: String,
    description: Option<String>,
    achievements: Vec<views::AchievementCell>,
    objectives: Vec<ObjectiveSummary>,
}

fn ambito_view(ctx: &Ctx, a: usize) -> AmbitoView {
    let ambito = &ctx.plan.config.ambiti[a];
    AmbitoView {
        id: ambito.id.clone(),
        href: paths::ambito(&ambito.id),
        title: ambito.title.clone(),
        description: ambito.description.clone(),
        achievements: views::achievements(ctx, &ctx.evaluation.ambiti[a]),
        objectives: ctx
            .plan
            .objectives
            .iter()
            .enumerate()
            .filter(|(_, o)| {
                o.kind.is_top_level() && o.ambito.as_ref().is_some_and(|r| r.id == ambito.id)
            })
            .map(|(position, _)| views::objective_summary(ctx, position, true))
            .collect(),
    }
}

/// Summary charts of the home and ambito pages, when they can be drawn.
#[derive(Debug, Default, Serialize)]
pub struct SummaryCharts {
    pub achievement: Option<ChartBlock>,
    pub mix: Option<ChartBlock>,
}

/// A chart and its visible caption.
#[derive(Debug, Serialize)]
pub struct ChartBlock {
    pub svg: String,
    pub title: String,
}

#[derive(Debug, Serialize)]
struct ServizioView {
    id: String,
    href: String,
    name: String,
    count: String,
    objectives: Vec<ObjectiveSummary>,
    includes_all: bool,
}

#[derive(Debug, Serialize)]
struct IndexColumns {
    indicator: String,
    ambito: String,
    objective: String,
    servizio: String,
    last_value: String,
    target: String,
    status: String,
}

#[derive(Debug, Serialize)]
struct MethodView {
    smvp: Option<String>,
    smvp_href: Option<String>,
    higher: String,
    lower: String,
    cap: String,
    partial: String,
    missed: String,
    /// Which figure counts where the printed value and its measures disagree.
    values: String,
}

#[derive(Debug, Serialize)]
struct SearchItem {
    kind: String,
    title: String,
    href: String,
    context: String,
    text: String,
}

/// Lets `emit` take page data of different types.
mod erased {
    use serde::Serialize;
    use tera::Context;

    pub trait Value {
        fn insert_into(&self, context: &mut Context, key: &str);
    }

    impl<T: Serialize + ?Sized> Value for T {
        fn insert_into(&self, context: &mut Context, key: &str) {
            context.insert(key.to_string(), self);
        }
    }
}
