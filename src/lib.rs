//! cruscotto: the performance section of a PIAO, from Markdown and YAML to a
//! static site with open data.
//!
//! One pipeline, one module per stage:
//! [`load`] -> [`validate`] -> [`engine`] -> [`render`] -> [`write`].

pub mod diagnostics;
pub mod load;
pub mod model;
pub mod syntax;
