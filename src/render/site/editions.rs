//! The pages about the editions: the archive (`edizioni/`, current edition
//! only) and what changed since the previous edition (`modifiche/`).

use super::renderer::Renderer;
use crate::diagnostics::Diagnostic;
use crate::render::views::Link;
use crate::render::views::editions::{ARCHIVE, CHANGES, archive_view, changes_view};

impl Renderer<'_> {
    pub(super) fn editions(&self) -> Result<(), Diagnostic> {
        let Some(editions) = self.options.editions else {
            return Ok(());
        };
        if editions.archived.is_none() && editions.list.len() > 1 {
            let view = archive_view(&self.ctx, editions);
            let page = self.section_page(ARCHIVE, "editions_title", "editions_intro");
            self.emit("editions.html", page, &[("archive", &view)])?;
        }
        if let Some(changes) = &editions.changes {
            let view = changes_view(&self.ctx, changes);
            let title = self.ctx.t("changes_title");
            let page = self.page(
                CHANGES,
                title.clone(),
                view.intro.clone(),
                vec![Link {
                    href: CHANGES.into(),
                    text: title,
                }],
            );
            self.emit("changes.html", page, &[("changes", &view)])?;
        }
        Ok(())
    }
}
