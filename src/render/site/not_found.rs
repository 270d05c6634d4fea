//! The 404 page, served at any address: its style inline, allowed by hash.

use std::path::Path;

use super::renderer::Renderer;
use crate::diagnostics::Diagnostic;
use crate::render::theme::Theme;
use crate::render::views::paths;

impl Renderer<'_> {
    pub(super) fn not_found(&self, theme: &Theme) -> Result<(), Diagnostic> {
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
}

/// The SHA-256 of `bytes` in base64, as a Content-Security-Policy hash.
fn base64_sha256(bytes: &[u8]) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(bytes))
}
