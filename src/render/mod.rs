//! Renderers: each reads a checked [`crate::model::Report`] and knows nothing of TOML or
//! the entries folder.

pub mod text;
