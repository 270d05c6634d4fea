//! The pages made to print: the plan document (with its page style and the
//! redirect from the former printable page) and the Relazione.

use tera::Context;

use super::renderer::Renderer;
use crate::diagnostics::Diagnostic;
use crate::render::views::document::{self, Pages};
use crate::render::views::relazione::relazione_view;
use crate::render::views::{Link, paths};
use crate::write::OutputFile;

impl Renderer<'_> {
    /// The plan document, its page style, and a redirect from the former
    /// printable page's address.
    pub(super) fn document(&self) -> Result<(), Diagnostic> {
        let view = document::document_view(&self.ctx, Pages::None);
        self.document_page(&view)?;
        let mut context = Context::new();
        context.insert("target", "../piao/index.html");
        let html = self.render_template("redirect.html", paths::PRINT, &context)?;
        self.sink.put(OutputFile::new(paths::PRINT, html))
    }

    pub(super) fn document_page(&self, view: &document::DocumentView) -> Result<(), Diagnostic> {
        self.page_css(document::PAGE_CSS, &self.ctx.t("document_section"))?;
        let page = self.section_page(paths::DOCUMENT, "document_title", "document_intro");
        self.emit(
            "document.html",
            page,
            &[("document", view), ("pdf_href", &self.pdf_href())],
        )
    }

    /// The Relazione sulla performance: a page of its own, with its own template.
    pub(super) fn relazione(&self) -> Result<(), Diagnostic> {
        let view = relazione_view(&self.ctx);
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
}
