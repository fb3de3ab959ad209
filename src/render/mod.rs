//! Renderers: they read a checked [`crate::model::Report`] and never see TOML or files.

pub mod conventions;
pub mod docx;
pub mod html;
pub mod memo;
pub mod text;
