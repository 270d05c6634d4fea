//! The methodology page: how targets are scored.

use serde::Serialize;

use super::renderer::Renderer;
use crate::diagnostics::Diagnostic;
use crate::render::views::{self, paths};

impl Renderer<'_> {
    /// How targets are scored: the rules in force, the statuses, the reasons.
    pub(super) fn method(&self) -> Result<(), Diagnostic> {
        let config = &self.ctx.plan.config;
        let scoring = &config.scoring;
        let partial = self.ctx.format.percent_short(scoring.partial_from);
        let cap = self.ctx.format.percent_short(scoring.cap);
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
            source: views::rules_source(&self.ctx),
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
            rollup: views::rollup_rule_text(&self.ctx),
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
        )
    }
}

#[derive(Debug, Serialize)]
struct MethodView {
    /// Whose rules these are: the body's SMVP, or the tool's defaults.
    source: String,
    smvp: Option<String>,
    smvp_href: Option<String>,
    higher: String,
    lower: String,
    cap: String,
    partial: String,
    missed: String,
    /// Which figure counts where the printed value and its measures disagree.
    values: String,
    /// How objectives roll up, sentence by sentence.
    rollup: Vec<String>,
}
