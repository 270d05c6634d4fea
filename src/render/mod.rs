//! Stage 4: turning the evaluated plan into files (in memory). Formatting for
//! people lives here, and only here.

pub mod data;
pub mod format;
pub mod summary;
