//! The JSON Schema of TOML dates, which JSON has not: what `schemars(with = …)` names for
//! the raw types' date fields.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

/// A TOML local date (`2017-04-02`) as JSON Schema and taplo describe it.
pub struct TomlDate;

impl JsonSchema for TomlDate {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "TomlDate".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date"
        })
    }
}

/// report.toml's `document.date`: a TOML date, or the `"TODO: …"` placeholder `import`
/// leaves when it finds none.
pub struct DateOrPlaceholder;

impl JsonSchema for DateOrPlaceholder {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "DateOrPlaceholder".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "anyOf": [
                { "type": "string", "format": "date" },
                { "type": "string", "pattern": format!("^{}", crate::raw::PLACEHOLDER_PREFIX) }
            ]
        })
    }
}
