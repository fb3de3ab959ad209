//! JSON Schemas (draft-07) of an entry file and of report.toml, derived from the raw types
//! in [`crate::raw`] so that they cannot drift from what the loader accepts.
//!
//! Editors (taplo, Even Better TOML) read them through a `#:schema` first line and flag an
//! unknown key or a wrong type while the author types. The schemas describe the TOML shape:
//! an absent key is how TOML says "none", so the `null` that schemars adds for `Option` is
//! removed, and dates are `"type": "string", "format": "date"`, which taplo maps to TOML's
//! local dates.

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::Value;

use crate::raw::{RawEntry, RawReport};

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

/// Which file a schema describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Entry,
    Report,
}

impl Kind {
    /// The file name the schema is committed and looked for under.
    pub fn file_name(self) -> &'static str {
        match self {
            Kind::Entry => "entry.schema.json",
            Kind::Report => "report.schema.json",
        }
    }
}

/// The schema as a JSON value.
pub fn schema(kind: Kind) -> Value {
    let mut settings = SchemaSettings::draft07();
    // One self-contained object is easier for editors and people to read than `$ref`s.
    settings.inline_subschemas = true;
    let generator = settings.into_generator();
    let schema = match kind {
        Kind::Entry => generator.into_root_schema_for::<RawEntry>(),
        Kind::Report => generator.into_root_schema_for::<RawReport>(),
    };
    let mut value = schema.to_value();
    strip_null(&mut value);
    unwrap_descriptions(&mut value);
    value
}

/// The schema as pretty-printed JSON with a final newline: what `schema` prints and what
/// the committed files hold.
pub fn schema_text(kind: Kind) -> String {
    let mut s = serde_json::to_string_pretty(&schema(kind)).unwrap_or_default();
    s.push('\n');
    s
}

/// Doc comments are wrapped at 100 columns; an editor's hover wraps text itself, so the
/// line breaks inside a paragraph become spaces.
fn unwrap_descriptions(v: &mut Value) {
    match v {
        Value::Object(map) => {
            if let Some(Value::String(d)) = map.get_mut("description") {
                *d = d
                    .split("\n\n")
                    .map(|para| para.split('\n').collect::<Vec<_>>().join(" "))
                    .collect::<Vec<_>>()
                    .join("\n\n");
            }
            map.values_mut().for_each(unwrap_descriptions);
        }
        Value::Array(items) => items.iter_mut().for_each(unwrap_descriptions),
        _ => {}
    }
}

/// Removes `null` alternatives everywhere: TOML has no null, a key is present or absent.
/// Also drops the formats that only describe Rust's number types.
fn strip_null(v: &mut Value) {
    match v {
        Value::Object(map) => {
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types.remove(0);
                    map.insert("type".into(), only);
                }
            }
            for key in ["anyOf", "oneOf"] {
                let Some(Value::Array(alts)) = map.get_mut(key) else {
                    continue;
                };
                alts.retain(|a| a.get("type").is_none_or(|t| t != "null"));
                if alts.len() == 1 {
                    // Lift the one alternative into this schema, keeping its description.
                    let only = alts.remove(0);
                    map.remove(key);
                    if let Value::Object(inner) = only {
                        for (k, val) in inner {
                            map.entry(k).or_insert(val);
                        }
                    }
                }
            }
            if map.get("default").is_some_and(Value::is_null) {
                map.remove("default");
            }
            // `int64`, `double`: Rust's widths, not TOML's; only `date` means something to
            // an editor.
            if map.get("format").is_some_and(|f| f != "date") {
                map.remove("format");
            }
            for val in map.values_mut() {
                strip_null(val);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(strip_null),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn props(v: &Value) -> Vec<String> {
        v["properties"]
            .as_object()
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default()
    }

    #[test]
    fn entry_schema_describes_the_toml_shape() {
        let s = schema(Kind::Entry);
        assert_eq!(s["$schema"], "http://json-schema.org/draft-07/schema#");
        assert_eq!(s["additionalProperties"], false);
        assert_eq!(s["required"], serde_json::json!(["number"]));
        assert_eq!(s["properties"]["title"]["type"], "string");
        let start = &s["properties"]["event"]["properties"]["start"];
        assert_eq!(start["type"], "string");
        assert_eq!(start["format"], "date");
        assert!(!schema_text(Kind::Entry).contains("null"));
    }

    #[test]
    fn canonical_key_lists_match_the_schema() {
        let mut keys = props(&schema(Kind::Entry));
        let mut canonical: Vec<String> = crate::raw::ENTRY_KEYS
            .iter()
            .map(|s| s.to_string())
            .collect();
        keys.sort();
        canonical.sort();
        assert_eq!(keys, canonical);
        let report = schema(Kind::Report);
        for (table, table_keys) in crate::raw::REPORT_KEYS {
            let mut got = props(&report["properties"][table]);
            let mut want: Vec<String> = table_keys.iter().map(|s| s.to_string()).collect();
            got.sort();
            want.sort();
            assert_eq!(got, want, "[{table}]");
        }
    }
}
