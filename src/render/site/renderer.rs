//! What every page of the site shares: the compiled templates, the site's
//! header and footer, the page frame (title, breadcrumbs, navigation) and
//! the one way a page is rendered and handed to the sink.

use std::collections::BTreeMap;
use std::sync::Mutex;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};

use crate::diagnostics::{Diagnostic, problem};
use crate::engine::Evaluation;
use crate::model::Plan;
use crate::render::format::date;
use crate::render::theme::Theme;
use crate::render::views::document;
use crate::render::views::editions::{BannerLink, Editions, banner_link, editions_view};
use crate::render::views::{self, Ctx, Link, paths};
use crate::write::{OutputFile, Sink};

#[derive(Debug, Serialize)]
pub(super) struct SiteView {
    lang: &'static str,
    pub(super) ente: String,
    ente_short: String,
    address: Option<String>,
    website: Option<String>,
    footer_links: Vec<Link>,
    trasparenza: Option<String>,
    title: String,
    pub(super) edition: String,
    pub(super) update: Option<String>,
    period: String,
    pub(super) reference_year: i32,
    last_updated: String,
    last_updated_iso: String,
    approval: String,
    pub(super) smvp: Option<Link>,
    base_url: String,
    /// The site's name (`site.title`, else the theme's "Performance").
    pub(super) name: String,
    /// What the site calls an ambito.
    words: SiteWords,
}

/// The declared names templates use: "Linea di mandato", "Linee di
/// mandato", and the same in lower case for sentences.
#[derive(Debug, Serialize)]
struct SiteWords {
    ambito: String,
    ambiti: String,
    ambito_lower: String,
    ambiti_lower: String,
}

#[derive(Debug, Serialize)]
struct NavItem {
    href: String,
    text: String,
    current: bool,
}

#[derive(Debug, Serialize)]
pub(super) struct PageView {
    title: String,
    description: String,
    path: String,
    /// Prefix from this page to the site root: "", "../", "../../"; for the
    /// 404 page, which is served at any address, the absolute base URL.
    root: String,
    canonical: String,
    breadcrumbs: Vec<Link>,
    nav: Vec<NavItem>,
    /// On a page of an earlier edition: the same page (or the home) in the
    /// current one.
    edition: Option<BannerLink>,
}

/// What every template gets, plus the page's own data.
pub(super) struct Renderer<'a> {
    /// The templates, with the site and the labels in the global context
    /// (serialised once, not once per page).
    tera: Tera,
    pub(super) ctx: Ctx<'a>,
    pub(super) site: SiteView,
    /// Where each template comes from, for messages.
    origins: &'a BTreeMap<String, String>,
    pub(super) options: Options<'a>,
    /// Where each page goes as soon as it is rendered.
    pub(super) sink: &'a dyn Sink,
    /// The addresses of the pages, for the sitemap.
    sitemap: Mutex<Vec<String>>,
}

/// What a build asks of the render besides the content.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options<'a> {
    /// The plan document is also printed to PDF: pages link to it.
    pub pdf: bool,
    /// The other editions of the plan, when the site has earlier ones.
    pub editions: Option<&'a Editions<'a>>,
}

impl<'a> Renderer<'a> {
    /// Compiles the theme's templates and builds what every page shares,
    /// put once into Tera's global context.
    pub(super) fn new(
        plan: &'a Plan,
        evaluation: &'a Evaluation,
        theme: &'a Theme,
        options: Options<'a>,
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
            let diagnostic = problem::template_unreadable(message);
            match file {
                Some(file) => diagnostic.in_file(file),
                None => diagnostic,
            }
        })?;
        let ctx = Ctx::new(plan, evaluation, &theme.labels);
        let site = site_view(&ctx);
        tera.global_context().insert("site", &site);
        tera.global_context().insert("t", &theme.labels);
        let editions = options.editions.map(|e| editions_view(&ctx, e));
        tera.global_context().insert("editions", &editions);
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

/// The first failure, in the order of the items (not of the threads).
pub(super) fn first_error(
    results: impl IndexedParallelIterator<Item = Result<(), Diagnostic>>,
) -> Result<(), Diagnostic> {
    let results: Vec<_> = results.collect();
    results.into_iter().collect()
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
        name: config
            .site
            .title
            .clone()
            .unwrap_or_else(|| ctx.t("site_section")),
        words: SiteWords {
            ambito: config.tree.ambito.singular.clone(),
            ambiti: views::upper_first(&config.tree.ambito.plural),
            ambito_lower: views::lower_first(&config.tree.ambito.singular),
            ambiti_lower: config.tree.ambito.plural.clone(),
        },
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
    pub(super) fn section_page(&self, path: &str, title_key: &str, intro_key: &str) -> PageView {
        let title = self.ctx.t(title_key);
        let trail = vec![Link {
            href: path.into(),
            text: title.clone(),
        }];
        self.page(path, title, self.ctx.t(intro_key), trail)
    }

    pub(super) fn page(
        &self,
        path: &str,
        title: String,
        description: String,
        trail: Vec<Link>,
    ) -> PageView {
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
            edition: self
                .options
                .editions
                .and_then(|e| e.archived.as_ref())
                .map(|archived| banner_link(&self.ctx, archived, path)),
        }
    }

    pub(super) fn emit(
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

    /// The plan document's PDF, when the build prints it.
    pub(super) fn pdf_href(&self) -> Option<&'static str> {
        self.options.pdf.then_some(document::PDF_PATH)
    }

    pub(super) fn render_template(
        &self,
        template: &str,
        path: &str,
        context: &Context,
    ) -> Result<String, Diagnostic> {
        self.tera.render(template, context).map_err(|e| {
            problem::template_failed(template, path, e.to_string())
                .in_file(self.origins.get(template).map_or(template, String::as_str))
        })
    }

    pub(super) fn sitemap_xml(&self) -> Result<(), Diagnostic> {
        let mut context = Context::new();
        let mut urls = std::mem::take(&mut *self.sitemap.lock().unwrap_or_else(|e| e.into_inner()));
        urls.sort();
        context.insert("urls", &urls);
        context.insert("lastmod", &self.site.last_updated_iso);
        let xml = self.render_template("sitemap.xml", "sitemap.xml", &context)?;
        self.sink.put(OutputFile::new("sitemap.xml", xml))
    }
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
