//! Reading a tool call's arguments against the tool's own input schema, so that
//! every mistake names the argument at fault: an assistant can correct itself
//! only if it is told which argument to change.

use rmcp::handler::server::tool::schema_for_input;
use rmcp::model::JsonObject;
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::tools::ToolError;

/// The arguments of a call, as `T`: an argument the schema does not list, a
/// required one missing, or one of the wrong type or value is an error naming it.
pub fn parse<T: DeserializeOwned + JsonSchema + 'static>(
    arguments: Option<JsonObject>,
) -> Result<T, ToolError> {
    let schema = schema_for_input::<T>().expect("the tools' argument schemas are objects");
    let arguments = arguments.unwrap_or_default();
    let known: Vec<&String> = schema
        .get("properties")
        .and_then(Value::as_object)
        .map(|properties| properties.keys().collect())
        .unwrap_or_default();
    if let Some(unknown) = arguments.keys().find(|key| !known.contains(key)) {
        let takes = if known.is_empty() {
            "this tool takes no arguments".to_string()
        } else {
            let names: Vec<&str> = known.iter().map(|name| name.as_str()).collect();
            format!("this tool takes {}", names.join(", "))
        };
        return Err(ToolError::argument(
            unknown,
            format!("is not an argument of this tool: {takes}"),
        ));
    }
    let required = schema
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str);
    for name in required {
        if arguments.get(name).is_none_or(Value::is_null) {
            return Err(ToolError::argument(name, "is required"));
        }
    }
    let mut given = Value::Object(arguments);
    whole_numbers_as_integers(&schema, &mut given);
    // A NUL would reach the API, which refuses it, as the parameter's name:
    // named here as the argument the assistant wrote.
    if let Some(problem) = crate::domain::validate::nul_problems(&given)
        .into_iter()
        .next()
    {
        return Err(ToolError::argument(problem.field, problem.message));
    }
    serde_path_to_error::deserialize(given.clone()).map_err(|error| {
        let field = error.path().to_string();
        // serde's own message names Rust types ("expected u64"); the schema
        // says what the argument takes in the JSON terms the caller wrote in.
        let message = match (given.get(&field), expected(&schema, &field)) {
            (Some(value), Some(expected)) => format!("expected {expected}, not {}", shown(value)),
            _ => error.into_inner().to_string(),
        };
        ToolError::argument(field, message)
    })
}

/// Each argument the schema types `integer` and the caller wrote as a
/// number with a zero fraction (`10042.0`), as the integer it is: JSON
/// Schema counts it one, and so do clients that hold every number as a
/// float; serde would refuse it as "not a whole number".
fn whole_numbers_as_integers(schema: &JsonObject, given: &mut Value) {
    let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
        return;
    };
    let Some(arguments) = given.as_object_mut() else {
        return;
    };
    for (name, value) in arguments.iter_mut() {
        let integer = match properties.get(name).and_then(|p| p.get("type")) {
            Some(Value::String(kind)) => kind == "integer",
            Some(Value::Array(kinds)) => kinds.iter().any(|kind| kind == "integer"),
            _ => false,
        };
        let Some(number) = value.as_f64().filter(|_| integer && value.is_f64()) else {
            continue;
        };
        // Within ±2^53 every whole float is the integer it says.
        const EXACT: f64 = 9_007_199_254_740_992.0;
        if number.fract() == 0.0 && number.abs() <= EXACT {
            *value = Value::from(number as i64);
        }
    }
}

/// What the schema lets argument `name` be, in JSON terms: "one of open,
/// pending, resolved", "a whole number from 1 to 100", "a string".
fn expected(schema: &JsonObject, name: &str) -> Option<String> {
    let property = schema.get("properties")?.get(name)?;
    let mut values = Vec::new();
    let mut kinds = Vec::new();
    describe(schema, property, &mut values, &mut kinds);
    if !values.is_empty() {
        return Some(format!("one of {}", values.join(", ")));
    }
    (!kinds.is_empty()).then(|| kinds.join(" or "))
}

/// Gathers the values (of an enumeration) or the kinds of value `schema`
/// allows, through `$ref`, `anyOf` and `oneOf`; `null` is left out, as
/// leaving an argument out says the same.
fn describe(root: &JsonObject, schema: &Value, values: &mut Vec<String>, kinds: &mut Vec<String>) {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference.trim_start_matches("#/$defs/");
        if let Some(definition) = root.get("$defs").and_then(|defs| defs.get(name)) {
            describe(root, definition, values, kinds);
        }
    }
    for key in ["anyOf", "oneOf"] {
        for branch in schema
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            describe(root, branch, values, kinds);
        }
    }
    let listed = schema
        .get("enum")
        .and_then(Value::as_array)
        .into_iter()
        .flatten();
    values.extend(
        listed
            .chain(schema.get("const"))
            .filter_map(Value::as_str)
            .map(String::from),
    );
    if !values.is_empty() {
        return;
    }
    let types: Vec<&str> = match schema.get("type") {
        Some(Value::String(kind)) => vec![kind.as_str()],
        Some(Value::Array(list)) => list.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    for kind in types {
        let described = match kind {
            "integer" => whole_number(schema),
            "number" => "a number".into(),
            "string" => "a string".into(),
            "boolean" => "true or false".into(),
            "object" => "an object".into(),
            "array" => "an array".into(),
            _ => continue,
        };
        kinds.push(described);
    }
}

/// "a whole number", with the range the schema gives it.
fn whole_number(schema: &Value) -> String {
    let bound = |key| schema.get(key).and_then(Value::as_i64);
    match (bound("minimum"), bound("maximum")) {
        (Some(low), Some(high)) => format!("a whole number from {low} to {high}"),
        (Some(low), None) => format!("a whole number, {low} or more"),
        (None, Some(high)) => format!("a whole number, {high} or less"),
        (None, None) => "a whole number".into(),
    }
}

/// A value as the caller wrote it, a long string cut short.
pub(super) fn shown(value: &Value) -> String {
    const LONGEST: usize = 60;
    match value {
        Value::String(text) if text.chars().count() > LONGEST => {
            let start: String = text.chars().take(LONGEST).collect();
            format!("the string \"{start}…\"")
        }
        Value::String(_) => format!("the string {value}"),
        Value::Number(_) => format!("the number {value}"),
        Value::Bool(_) => value.to_string(),
        Value::Null => "null".into(),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::TicketStatus;
    use serde::Deserialize;
    use serde_json::json;

    #[derive(Debug, Deserialize, JsonSchema)]
    #[serde(deny_unknown_fields)]
    struct Args {
        number: u64,
        #[serde(default)]
        status: Option<TicketStatus>,
    }

    fn parse_json(value: Value) -> Result<Args, ToolError> {
        match value {
            Value::Object(map) => parse::<Args>(Some(map)),
            _ => unreachable!(),
        }
    }

    fn field(result: Result<Args, ToolError>) -> (String, String) {
        match result.unwrap_err() {
            ToolError::Argument { field, message } => (field, message),
            other => panic!("not an argument error: {other:?}"),
        }
    }

    #[test]
    fn good_arguments_are_read() {
        let args = parse_json(json!({"number": 10042, "status": "open"})).unwrap();
        assert_eq!(args.number, 10042);
        assert_eq!(args.status, Some(TicketStatus::Open));
        let args = parse_json(json!({"number": 10042, "status": null})).unwrap();
        assert_eq!(args.status, None);
    }

    #[test]
    fn a_nul_in_an_argument_names_it() {
        let (name, message) = field(parse_json(json!({"number": 1, "status": "open\u{0}"})));
        assert_eq!(name, "status");
        assert!(message.contains("NUL character"), "{message}");
    }

    #[test]
    fn a_wrong_value_names_its_argument() {
        let (name, message) = field(parse_json(json!({"number": 1, "status": "opne"})));
        assert_eq!(name, "status");
        assert!(
            message.contains("opne") && message.contains("resolved"),
            "{message}"
        );
        let (name, message) = field(parse_json(json!({"number": "ten"})));
        assert_eq!(name, "number");
        assert_eq!(
            message,
            "expected a whole number, 0 or more, not the string \"ten\""
        );
    }

    #[test]
    fn a_wrong_type_is_said_in_json_terms_not_rust_ones() {
        let cases = [
            (
                json!({"number": -1}),
                "number",
                "a whole number, 0 or more, not the number -1",
            ),
            (
                json!({"number": 1.5}),
                "number",
                "a whole number, 0 or more, not the number 1.5",
            ),
            (
                json!({"number": 1, "status": 5}),
                "status",
                "one of open, pending, resolved, not the number 5",
            ),
            (
                json!({"number": 1, "status": {}}),
                "status",
                "one of open, pending, resolved, not an object",
            ),
            (
                json!({"number": 1, "status": "opne"}),
                "status",
                "one of open, pending, resolved, not the string \"opne\"",
            ),
        ];
        for (arguments, name, expected) in cases {
            let (field_name, message) = field(parse_json(arguments.clone()));
            assert_eq!(field_name, name, "{arguments}");
            assert_eq!(message, format!("expected {expected}"), "{arguments}");
            for rust in ["u64", "map", "string or"] {
                assert!(!message.contains(rust), "{message}");
            }
        }
    }

    #[test]
    fn a_whole_number_written_with_a_fraction_is_the_integer_it_is() {
        let args = parse_json(json!({"number": 10042.0})).unwrap();
        assert_eq!(args.number, 10042);
        let args = parse_json(json!({"number": 1e4})).unwrap();
        assert_eq!(args.number, 10000);
        let (name, message) = field(parse_json(json!({"number": 10042.5})));
        assert_eq!(name, "number");
        assert_eq!(
            message,
            "expected a whole number, 0 or more, not the number 10042.5"
        );
        let (_, message) = field(parse_json(json!({"number": -1.0})));
        assert_eq!(
            message,
            "expected a whole number, 0 or more, not the number -1"
        );
        // Past 2^53 a float is no longer sure to be the integer it reads as.
        let (_, message) = field(parse_json(json!({"number": 1e20})));
        assert!(
            message.starts_with("expected a whole number, 0 or more, not the number 1"),
            "{message}"
        );
    }

    #[test]
    fn a_missing_argument_is_named() {
        assert_eq!(field(parse_json(json!({}))).0, "number");
        assert_eq!(field(parse::<Args>(None)).0, "number");
        assert_eq!(field(parse_json(json!({"number": null}))).0, "number");
    }

    #[test]
    fn an_unknown_argument_is_named_with_the_ones_the_tool_takes() {
        let (name, message) = field(parse_json(json!({"number": 1, "ticket": 2})));
        assert_eq!(name, "ticket");
        assert!(message.contains("number, status"), "{message}");
    }
}
