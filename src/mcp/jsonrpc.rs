//! JSON-RPC 2.0's own errors where rmcp's say the wrong thing. rmcp reads a
//! request whose params do not fit its method as a request for some other,
//! unknown method, and answers "method not found" with the bare method name;
//! JSON-RPC asks for "Invalid params" (-32602), and a caller can only correct
//! a request it is told what is wrong with.

use rmcp::model::{
    CallToolRequestParams, ErrorCode, ErrorData, InitializeRequestParams, PaginatedRequestParams,
};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// JSON-RPC's -32601 for `method`, named.
pub fn method_not_found(method: &str) -> ErrorData {
    ErrorData::new(
        ErrorCode::METHOD_NOT_FOUND,
        format!("Method not found: {method}"),
        None,
    )
}

/// `response`, rmcp's answer to a request for `method`, with JSON-RPC's
/// wording when it is rmcp's own -32601: rmcp words it as the bare method
/// name (`"message": "resources/list"`), whichever method the copilot does
/// not serve, and answers some before any handler of ours is asked.
/// Whether it changed anything.
pub fn reword_method_not_found(response: &mut Value, method: &str) -> bool {
    let Some(error) = response.get_mut("error").and_then(Value::as_object_mut) else {
        return false;
    };
    let bare = error.get("code").and_then(Value::as_i64)
        == Some(ErrorCode::METHOD_NOT_FOUND.0.into())
        && error.get("message").and_then(Value::as_str) == Some(method);
    if bare {
        error.insert("message".into(), method_not_found(method).message.into());
    }
    bare
}

/// Why `params` do not fit `method`, if it is a method the copilot serves
/// and they do not. Asked of requests rmcp could not read as that method.
pub fn params_problem(method: &str, params: Option<&Value>) -> Option<ErrorData> {
    let problem = match method {
        "tools/call" => tool_call_problem(params),
        "initialize" => initialize_problem(params),
        "tools/list" => optional_params_problem::<PaginatedRequestParams>(params),
        "ping" | "server/discover" => optional_params_problem::<Value>(params),
        _ => None,
    }?;
    Some(ErrorData::invalid_params(
        format!("Invalid params: {problem}"),
        None,
    ))
}

/// What a JSON value is, in a phrase: "a string", "an array".
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn tool_call_problem(params: Option<&Value>) -> Option<String> {
    let Some(params) = params else {
        return Some(
            "tools/call needs params: an object with the tool's \"name\" and its \"arguments\""
                .into(),
        );
    };
    let Some(object) = params.as_object() else {
        return Some(format!(
            "params must be an object with the tool's \"name\" and its \"arguments\", not {}",
            kind(params)
        ));
    };
    match object.get("name") {
        None => return Some("params.name is missing: the name of the tool to call".into()),
        Some(Value::String(_)) => {}
        Some(other) => {
            return Some(format!(
                "params.name must be a string, the tool's name, not {}",
                kind(other)
            ));
        }
    }
    match object.get("arguments") {
        None | Some(Value::Null | Value::Object(_)) => {}
        Some(other) => {
            return Some(format!(
                "params.arguments must be an object of the tool's arguments by name, not {}",
                kind(other)
            ));
        }
    }
    serde_problem::<CallToolRequestParams>(params)
}

fn initialize_problem(params: Option<&Value>) -> Option<String> {
    let Some(params) = params else {
        return Some(
            "initialize needs params: an object with \"protocolVersion\", \"capabilities\" and \
             \"clientInfo\""
                .into(),
        );
    };
    let Some(object) = params.as_object() else {
        return Some(format!(
            "params must be an object with \"protocolVersion\", \"capabilities\" and \
             \"clientInfo\", not {}",
            kind(params)
        ));
    };
    let wants = [
        (
            "protocolVersion",
            "a string such as \"2025-11-25\"",
            Value::is_string as fn(&Value) -> bool,
        ),
        (
            "capabilities",
            "an object (it may be empty)",
            Value::is_object,
        ),
        (
            "clientInfo",
            "an object with the client's \"name\" and \"version\"",
            Value::is_object,
        ),
    ];
    for (name, what, fits) in wants {
        match object.get(name) {
            None => return Some(format!("params.{name} is missing: {what}")),
            Some(value) if !fits(value) => {
                return Some(format!("params.{name} must be {what}, not {}", kind(value)));
            }
            Some(_) => {}
        }
    }
    serde_problem::<InitializeRequestParams>(params)
}

/// Params a method may go without: when given, an object that reads as `T`.
fn optional_params_problem<T: DeserializeOwned>(params: Option<&Value>) -> Option<String> {
    match params {
        None | Some(Value::Null) => None,
        Some(Value::Object(_)) => serde_problem::<T>(params?),
        Some(other) => Some(format!("params must be an object, not {}", kind(other))),
    }
}

/// What rmcp's reading of `params` as `T` refused, at which member.
fn serde_problem<T: DeserializeOwned>(params: &Value) -> Option<String> {
    serde_path_to_error::deserialize::<_, T>(params.clone())
        .err()
        .map(|error| {
            let path = error.path().to_string();
            format!("params.{path}: {}", error.into_inner())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn problem(method: &str, params: Option<Value>) -> String {
        let error = params_problem(method, params.as_ref()).expect("a problem");
        assert_eq!(error.code, ErrorCode::INVALID_PARAMS);
        error.message.into_owned()
    }

    #[test]
    fn a_tool_call_that_does_not_fit_says_what_is_wrong() {
        assert!(problem("tools/call", None).contains("needs params"));
        assert!(problem("tools/call", Some(json!([1]))).contains("not an array"));
        let message = problem("tools/call", Some(json!({"arguments": {}})));
        assert!(message.contains("params.name is missing"), "{message}");
        let message = problem("tools/call", Some(json!({"name": 7})));
        assert!(
            message.contains("params.name must be a string"),
            "{message}"
        );
        for arguments in [json!("10001"), json!([10001])] {
            let params = json!({"name": "get_ticket", "arguments": arguments});
            let message = problem("tools/call", Some(params));
            assert!(
                message.contains("params.arguments must be an object"),
                "{message}"
            );
        }
    }

    #[test]
    fn an_initialize_that_does_not_fit_says_what_is_wrong() {
        assert!(problem("initialize", None).contains("needs params"));
        let message = problem("initialize", Some(json!({"capabilities": {}})));
        assert!(
            message.contains("params.protocolVersion is missing"),
            "{message}"
        );
        let params = json!({"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": 1});
        let message = problem("initialize", Some(params));
        assert!(
            message.contains("params.clientInfo must be an object"),
            "{message}"
        );
    }

    #[test]
    fn rmcps_bare_method_not_found_is_worded_as_json_rpc_words_it() {
        let mut response = json!({"jsonrpc": "2.0", "id": 5,
            "error": {"code": -32601, "message": "resources/list"}});
        assert!(reword_method_not_found(&mut response, "resources/list"));
        assert_eq!(
            response["error"]["message"],
            "Method not found: resources/list"
        );
        let mut other = json!({"jsonrpc": "2.0", "id": 6,
            "error": {"code": -32602, "message": "tools/call"}});
        let before = other.clone();
        assert!(!reword_method_not_found(&mut other, "tools/call"));
        assert_eq!(other, before, "only rmcp's bare -32601 is reworded");
    }

    #[test]
    fn params_that_fit_and_methods_not_served_are_no_problem_here() {
        let call = json!({"name": "get_ticket", "arguments": {"number": 1}});
        assert!(params_problem("tools/call", Some(&call)).is_none());
        assert!(params_problem("tools/list", None).is_none());
        assert!(params_problem("resources/list", Some(&json!("x"))).is_none());
        assert_eq!(
            method_not_found("resources/list").message,
            "Method not found: resources/list"
        );
    }
}
