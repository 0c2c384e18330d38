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
    serde_path_to_error::deserialize(Value::Object(arguments)).map_err(|error| {
        let field = error.path().to_string();
        ToolError::argument(field, error.into_inner().to_string())
    })
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
    fn a_wrong_value_names_its_argument() {
        let (name, message) = field(parse_json(json!({"number": 1, "status": "opne"})));
        assert_eq!(name, "status");
        assert!(
            message.contains("opne") && message.contains("resolved"),
            "{message}"
        );
        let (name, message) = field(parse_json(json!({"number": "ten"})));
        assert_eq!(name, "number");
        assert!(message.contains("invalid type"), "{message}");
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
