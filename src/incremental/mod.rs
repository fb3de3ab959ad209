//! Incremental rebuilds for `watch`: after a save, only what the changed files touch is
//! done again. [`Session`] keeps every file's load and check results and re-does the
//! changed files' ([`check`]); [`Outputs`] keeps every entry's rendered HTML and DOCX
//! body and renders again only the entries whose checked value changed ([`render`]).
//! The results are the same bytes a full `build` writes (tests compare them).

mod check;
mod render;

pub use check::{Changes, Session};
pub use render::Outputs;
