//! JSON Schemas (draft-07) of an entry file and of report.toml, derived from the raw types
//! in [`crate::raw`] so that they cannot drift from what the loader accepts.
//!
//! Editors (taplo, Even Better TOML) read them through a `#:schema` first line and flag an
//! unknown key or a wrong type while the author types. The schemas describe the TOML shape:
//! an absent key is how TOML says "none", so the `null` that schemars adds for `Option` is
//! removed, and dates are `"type": "string", "format": "date"`, which taplo maps to TOML's
//! local dates.

use schemars::generate::SchemaSettings;
use serde_json::Value;

use crate::raw::{RawEntry, RawReport};

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
    use crate::raw::shape;

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

    /// `raw::shape` lists exactly the schema's keys, required keys and types, table by
    /// table: the loader's messages, `fmt` and the writers agree with the raw types.
    #[test]
    fn the_shape_is_the_schema() {
        same_table(&schema(Kind::Entry), shape::ENTRY, "entry");
        same_table(&schema(Kind::Report), shape::REPORT, "report.toml");
    }

    fn same_table(s: &Value, keys: &[shape::Key], at: &str) {
        let sorted = |mut v: Vec<String>| {
            v.sort();
            v
        };
        assert_eq!(
            sorted(props(s)),
            sorted(keys.iter().map(|k| k.name.to_owned()).collect()),
            "{at}"
        );
        let required = s["required"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        let ours = keys
            .iter()
            .filter(|k| k.required)
            .map(|k| k.name.to_owned())
            .collect();
        assert_eq!(sorted(required), sorted(ours), "{at}: required keys");
        assert_eq!(s["additionalProperties"], false, "{at}");
        for k in keys {
            same_kind(
                &s["properties"][k.name],
                k.kind,
                &format!("{at}.{}", k.name),
            );
        }
    }

    fn same_kind(v: &Value, kind: shape::Kind, at: &str) {
        let date = |v: &Value| v["type"] == "string" && v["format"] == "date";
        match kind {
            shape::Kind::String => assert!(v["type"] == "string" && !date(v), "{at}: {v}"),
            shape::Kind::Integer => assert_eq!(v["type"], "integer", "{at}"),
            shape::Kind::Number => assert_eq!(v["type"], "number", "{at}"),
            shape::Kind::Boolean => assert_eq!(v["type"], "boolean", "{at}"),
            shape::Kind::Date => assert!(date(v), "{at}: {v}"),
            shape::Kind::DateOrPlaceholder => {
                let alternatives = v["anyOf"].as_array().cloned().unwrap_or_default();
                assert!(alternatives.iter().any(date), "{at}: {v}");
                assert!(
                    alternatives.iter().any(|a| a["pattern"].is_string()),
                    "{at}: {v}"
                );
            }
            shape::Kind::Array(inner) => {
                assert_eq!(v["type"], "array", "{at}");
                same_kind(&v["items"], *inner, &format!("{at}[]"));
            }
            shape::Kind::Table(keys) => {
                assert_eq!(v["type"], "object", "{at}");
                same_table(v, keys, at);
            }
            shape::Kind::Tables(keys) => {
                assert_eq!(v["type"], "array", "{at}");
                same_table(&v["items"], keys, &format!("{at}[]"));
            }
        }
    }
}
