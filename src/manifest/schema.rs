//! The JSON Schema of the workspace document, for editors (`deskctl schema`,
//! docs/desk.schema.json): generated from the same types `apply` parses, with
//! the rules `validate` applies (patterns, formats, lengths) taken from the
//! domain's own constants, never restated here.
//!
//! Knows no terminal; the schema is a value, printed by `cli::schema`.

use schemars::Schema;
use schemars::generate::SchemaSettings;
use serde_json::Value;

use crate::api::DeskDocument;

/// The schema's `$id`: names this version of the document format. It is an
/// identifier, not a download: editors take the schema from the document's
/// modeline (`# yaml-language-server: $schema=desk.schema.json`, a path
/// relative to the document) or from their settings.
pub const SCHEMA_ID: &str = "urn:deskctl:schema:desk:v1";

/// The JSON Schema of the document.
pub fn schema() -> Schema {
    let mut value = SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<DeskDocument>()
        .to_value();
    not_nullable(&mut value);
    let mut schema = Schema::try_from(value).expect("a schema stays an object");
    schema.insert("$id".into(), SCHEMA_ID.into());
    schema
}

/// The JSON Schema of the document, pretty-printed.
pub fn json_schema() -> String {
    serde_json::to_string_pretty(&schema()).expect("schemas serialize")
}

/// Makes every optional property a plain optional property. An absent section
/// is left alone, and `operators: null` is no way to say so; `anyOf [X, null]`
/// makes editors report "not valid under any of the given schemas" for a typo
/// inside X instead of the typo. So `anyOf [X, null]` becomes X, `type: [T,
/// "null"]` becomes T, and `default: null` (what absence means) goes.
fn not_nullable(value: &mut Value) {
    let is_null_type = |schema: &Value| schema.get("type") == Some(&Value::from("null"));
    match value {
        Value::Object(map) => {
            if let Some(Value::Array(any_of)) = map.get("anyOf")
                && any_of.len() == 2
                && any_of.iter().any(is_null_type)
            {
                let other = any_of.iter().find(|s| !is_null_type(s)).cloned();
                map.remove("anyOf");
                if let Some(Value::Object(other)) = other {
                    for (key, value) in other {
                        map.entry(key).or_insert(value);
                    }
                }
            }
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if let [only] = types.as_slice() {
                    let only = only.clone();
                    map.insert("type".into(), only);
                }
            }
            match map.get_mut("default") {
                Some(Value::Null) => {
                    map.remove("default");
                }
                Some(Value::Object(default)) => default.retain(|_, value| !value.is_null()),
                _ => {}
            }
            map.values_mut().for_each(not_nullable);
        }
        Value::Array(items) => items.iter_mut().for_each(not_nullable),
        _ => {}
    }
}
