//! report.toml's `[check]` table as written: a level (`"allow"`, `"warn"`, `"deny"`) by
//! warning code. Its keys come from [`crate::diag::Code::ALL`], so a warning added later
//! can be set without touching this file; its schema lists each code with its summary.

use std::borrow::Cow;
use std::collections::BTreeMap;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::Deserialize;
use toml::Spanned;

use crate::diag::{Code, Level, settable};

/// `W002 = "allow"` …, in code order. Deserializing refuses a key that is not a warning's
/// code, so that the loader reports it (E003) from the shape, where `[check]`'s keys are
/// the same codes.
#[derive(Debug, Clone, Default)]
pub struct RawLevels(pub Vec<(Code, Spanned<String>)>);

impl<'de> Deserialize<'de> for RawLevels {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map = BTreeMap::<String, Spanned<String>>::deserialize(d)?;
        let mut out = Vec::with_capacity(map.len());
        for (key, level) in map {
            match key.parse::<Code>() {
                Ok(code) if settable().any(|c| c == code) => out.push((code, level)),
                _ => {
                    return Err(serde::de::Error::custom(format!(
                        "`{key}` is not a warning's code"
                    )));
                }
            }
        }
        Ok(RawLevels(out))
    }
}

impl JsonSchema for RawLevels {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "RawLevels".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let levels: Vec<&str> = Level::ALL.iter().map(|l| l.as_str()).collect();
        let properties: serde_json::Map<String, serde_json::Value> = settable()
            .map(|c| {
                (
                    c.as_str().to_owned(),
                    serde_json::json!({
                        "description": c.summary(),
                        "type": "string",
                        "enum": levels,
                    }),
                )
            })
            .collect();
        let value = serde_json::json!({
            "type": "object",
            "properties": properties,
            "additionalProperties": false,
        });
        Schema::try_from(value).unwrap_or_default()
    }
}
