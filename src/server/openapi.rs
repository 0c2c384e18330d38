//! What the route annotations cannot say once per route, added to the OpenAPI
//! document in one place: unique `noun_verb` operation ids, a description on
//! every response, the problem+json errors every route can answer, the
//! `servers` entry and the error examples.
//!
//! The document stays the service's: routes, parameters and schemas come from
//! the handlers' annotations and the wire types; this only completes them.

use serde_json::{Map, Value, json};

use crate::domain::{handoff, tickets, validate};

/// The address `deskctl serve` listens on by default.
const DEFAULT_SERVER: &str = "http://127.0.0.1:7070";

/// The errors documented once, under `components.responses`, by status.
const ERRORS: &[(u16, &str, &str, &str)] = &[
    (
        400,
        "BadRequest",
        "The request is malformed: JSON that does not parse (`malformed_json`; a UTF-8 \
         byte-order mark before it is read past), arrays and objects nested more than 127 \
         levels deep (`nested_too_deeply`), a query parameter of the wrong type or one the \
         operation does not declare (`invalid_query`: every operation refuses a parameter it \
         does not list, none is ignored), a path segment of the wrong type (`invalid_path`); \
         `errors` names the parameter. Or a request that is not HTTP/1.1 the service can \
         read, a malformed request line or header (`malformed_request`; the connection is \
         closed).",
        "malformed_json",
    ),
    (
        401,
        "Unauthenticated",
        "No bearer token, or one that is unknown, revoked or expired.",
        "unauthenticated",
    ),
    (
        403,
        "Forbidden",
        "The token's role does not allow this.",
        "forbidden",
    ),
    (404, "NotFound", "The resource does not exist.", "not_found"),
    (
        408,
        "RequestTimeout",
        "The request body did not arrive within 30 seconds; the connection is closed.",
        "request_timeout",
    ),
    (
        409,
        "Conflict",
        "The request conflicts with the current state.",
        "conflict",
    ),
    (
        413,
        "PayloadTooLarge",
        "The request is too large. `body_too_large`: the body is larger than the limit, 32 MiB \
         for a workspace document (`/v1/config`, `/v1/config/plan`, `/v1/handoffs/what-if`), \
         1 MiB for any other. `transcript_too_large`: a handoff's transcript or a \
         conversation append holds more messages than its `maxItems`, or a message longer \
         than its `maxLength`; `errors` names each. `context_too_large`: a handoff's context \
         has more keys than its `maxProperties`.",
        "body_too_large",
    ),
    (
        414,
        "UriTooLong",
        "The request's target (path and query) is longer than the service reads; the \
         connection is closed.",
        "uri_too_long",
    ),
    (
        415,
        "UnsupportedMediaType",
        "The request body was not sent as `application/json` (`unsupported_media_type`; \
         JSON is UTF-8, so a body declared in another `charset` is refused too), \
         or was sent compressed (`unsupported_content_encoding`, with `Accept-Encoding: \
         identity`): the service decodes no `Content-Encoding`.",
        "unsupported_media_type",
    ),
    (
        422,
        "ValidationFailed",
        "A field is invalid; `errors` names each one. Or, with code `not_an_operator`, the \
         request needs an operator and the caller is none (the local desk, acting as its owner).",
        "validation_failed",
    ),
    (
        429,
        "RateLimited",
        "The caller's address or token spent its request budget; see `Retry-After`.",
        "rate_limited",
    ),
    (
        431,
        "HeadersTooLarge",
        "The request's headers are more or larger than the service reads; the connection is \
         closed.",
        "headers_too_large",
    ),
    (
        500,
        "InternalError",
        "The service failed: a database fault (its log says which), `desk_read_only` when \
         the user running it may not write its SQLite desk file or the directory holding it, \
         or `secret_key_unavailable` when the route seals, opens or signs with the service's \
         secret key and none is configured.",
        "internal_error",
    ),
    (
        503,
        "Unavailable",
        "The service is stopping, at its connection cap, or cannot reach its \
         database; the disk holding the desk or the database server's is full \
         (`disk_full`); on a SQLite desk, its file was removed or replaced under the service (`desk_file_replaced`); see \
         `Retry-After`. The health check also answers it while the desk's writes fail \
         because it was made read-only to the service's user (`desk_read_only`).",
        "shutting_down",
    ),
];

/// The limits the service's checks hold request bodies to, as (schema,
/// property, keyword, value), stated from the checks' own constants: utoipa's
/// attributes take literals only, which would be a second copy of each.
const LIMITS: &[(&str, &str, &str, usize)] = &[
    (
        "Requester",
        "name",
        "maxLength",
        handoff::MAX_REQUESTER_NAME_CHARS,
    ),
    ("Requester", "email", "maxLength", validate::MAX_EMAIL_LEN),
    (
        "Requester",
        "external-id",
        "maxLength",
        handoff::MAX_EXTERNAL_ID_CHARS,
    ),
    ("Requester", "phone", "maxLength", handoff::MAX_PHONE_CHARS),
    (
        "HandoffRequest",
        "reason",
        "maxLength",
        handoff::MAX_REASON_CHARS,
    ),
    (
        "HandoffRequest",
        "summary",
        "maxLength",
        handoff::MAX_SUMMARY_CHARS,
    ),
    ("HandoffRequest", "transcript", "minItems", 1),
    (
        "HandoffRequest",
        "transcript",
        "maxItems",
        handoff::MAX_TRANSCRIPT_MESSAGES,
    ),
    (
        "HandoffRequest",
        "context",
        "maxProperties",
        handoff::MAX_CONTEXT_KEYS,
    ),
    (
        "TranscriptMessage",
        "text",
        "maxLength",
        handoff::MAX_MESSAGE_CHARS,
    ),
    ("ConversationAppend", "messages", "minItems", 1),
    (
        "ConversationAppend",
        "messages",
        "maxItems",
        handoff::MAX_TRANSCRIPT_MESSAGES,
    ),
    ("NoteRequest", "body", "maxLength", tickets::MAX_BODY_CHARS),
    ("ReplyRequest", "body", "maxLength", tickets::MAX_BODY_CHARS),
];

/// Adds [`LIMITS`] to the schemas, and what a handoff's context keys and
/// values may be.
fn state_limits(schemas: &mut Value) {
    for (schema, property, keyword, value) in LIMITS {
        if let Some(property) = schemas
            .pointer_mut(&format!("/{schema}/properties/{property}"))
            .and_then(Value::as_object_mut)
        {
            property.insert((*keyword).into(), json!(value));
        }
    }
    if let Some(context) = schemas
        .pointer_mut("/HandoffRequest/properties/context")
        .and_then(Value::as_object_mut)
    {
        context.insert(
            "propertyNames".into(),
            json!({"maxLength": handoff::MAX_CONTEXT_KEY_CHARS}),
        );
        context.insert(
            "additionalProperties".into(),
            json!({
                "type": ["string", "number", "boolean"],
                "maxLength": handoff::MAX_CONTEXT_TEXT_CHARS,
            }),
        );
    }
}

/// Makes each page's items a reference to their schema: utoipa writes a
/// generic's argument inline, so `Page_Ticket` held a copy of `Ticket`, and
/// a client generated from the document got a second, unrelated type for
/// a listed ticket. Only an exact copy is replaced.
fn refer_to_page_items(schemas: &mut Value) {
    let Some(all) = schemas.as_object() else {
        return;
    };
    let pages: Vec<(String, String)> = all
        .keys()
        .filter_map(|name| {
            let item = name.strip_prefix("Page_")?;
            let inline = all[name].pointer("/properties/items/items")?;
            (all.get(item) == Some(inline)).then(|| (name.clone(), item.to_string()))
        })
        .collect();
    for (page, item) in pages {
        schemas[page.as_str()]["properties"]["items"]["items"] =
            json!({"$ref": format!("#/components/schemas/{item}")});
    }
}

/// Completes `doc` (the router's document as JSON); see the module docs.
pub(crate) fn finish(doc: &mut Value) {
    // utoipa copies Cargo.toml's license, and the crate declares none: a
    // license named "" says nothing (redocly warns of it), no license is honest.
    if let Some(info) = doc["info"].as_object_mut()
        && info["license"]["name"].as_str().is_some_and(str::is_empty)
    {
        info.remove("license");
    }
    doc["servers"] = json!([{
        "url": DEFAULT_SERVER,
        "description": "`deskctl serve` on its default address (see `--listen`)",
    }]);
    let components = doc
        .as_object_mut()
        .expect("a document is an object")
        .entry("components")
        .or_insert_with(|| json!({}));
    if let Some(schemas) = components.get_mut("schemas") {
        state_limits(schemas);
        refer_to_page_items(schemas);
    }
    let responses = components
        .as_object_mut()
        .expect("components is an object")
        .entry("responses")
        .or_insert_with(|| json!({}));
    for (status, name, description, code) in ERRORS {
        responses[*name] = json!({
            "description": description,
            "content": {
                crate::api::PROBLEM_CONTENT_TYPE: {
                    "schema": {"$ref": "#/components/schemas/Problem"},
                    "example": example(*status, code, description),
                }
            }
        });
    }
    responses["Unauthenticated"]["headers"] = json!({
        "WWW-Authenticate": {
            "description": "The challenge (RFC 6750): `Bearer realm=\"deskctl\"`, with \
                            `error=\"invalid_token\"` when the token sent was refused.",
            "schema": {"type": "string"},
        }
    });
    // Every 429 and 503 says when to ask again (error.rs, listen.rs): stated
    // so that a client generated from the document can read it.
    for name in ["RateLimited", "Unavailable"] {
        responses[name]["headers"] = json!({
            "Retry-After": {
                "description": "Seconds to wait before sending the request again.",
                "required": true,
                "schema": {"type": "integer", "minimum": 1},
            }
        });
    }
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    for (path, item) in paths.iter_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for (method, operation) in item.iter_mut() {
            if let Some(operation) = operation.as_object_mut() {
                complete_operation(path, method, operation);
            }
        }
    }
}

fn example(status: u16, code: &str, description: &str) -> Value {
    let reason = axum::http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("Error");
    json!({
        "type": format!("urn:deskctl:problem:{code}"),
        "title": reason,
        "status": status,
        "detail": description,
        "code": code,
    })
}

fn complete_operation(path: &str, method: &str, operation: &mut Map<String, Value>) {
    let tag = operation
        .get("tags")
        .and_then(|tags| tags.get(0))
        .and_then(Value::as_str)
        .unwrap_or("meta")
        .replace('-', "_");
    if let Some(id) = operation.get("operationId").and_then(Value::as_str) {
        let verb = id.to_string();
        let id = if verb.starts_with(&format!("{tag}_")) {
            verb
        } else {
            format!("{tag}_{verb}")
        };
        operation.insert("operationId".into(), Value::String(id));
    }
    let public = operation
        .get("security")
        .and_then(Value::as_array)
        .is_some_and(|schemes| {
            schemes
                .iter()
                .all(|s| s.as_object().is_some_and(Map::is_empty))
        });
    let has_body = operation.contains_key("requestBody");
    let params: Vec<String> = operation
        .get("parameters")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|p| p.get("in").and_then(Value::as_str).map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let responses = operation
        .entry("responses")
        .or_insert_with(|| json!({}))
        .as_object_mut()
        .expect("responses is an object");
    // What the handler declared: described, errors as problem+json.
    for (status, response) in responses.iter_mut() {
        let code: u16 = status.parse().unwrap_or(0);
        if code >= 400
            && let Some((_, name, _, _)) = ERRORS.iter().find(|(s, ..)| *s == code)
        {
            *response = json!({"$ref": format!("#/components/responses/{name}")});
            continue;
        }
        let Some(response) = response.as_object_mut() else {
            continue;
        };
        if !response.contains_key("description") {
            let reason = axum::http::StatusCode::from_u16(code)
                .ok()
                .and_then(|s| s.canonical_reason())
                .unwrap_or("The answer");
            response.insert("description".into(), Value::String(reason.into()));
        }
        if code >= 400
            && let Some(content) = response.get_mut("content").and_then(Value::as_object_mut)
            && let Some(schema) = content.remove("application/json")
        {
            content.insert(crate::api::PROBLEM_CONTENT_TYPE.into(), schema);
        }
    }
    // What every route of its kind can answer.
    let mut add = |status: u16| {
        let (_, name, _, _) = ERRORS
            .iter()
            .find(|(s, ..)| *s == status)
            .expect("a documented error");
        responses
            .entry(status.to_string())
            .or_insert_with(|| json!({"$ref": format!("#/components/responses/{name}")}));
    };
    if !public {
        add(401);
        add(403);
    }
    // Any query parameter the operation does not declare is refused
    // (routes::refuse_undeclared_query, json::ApiQuery); any request may be
    // one the HTTP layer cannot read (listen::unreadable).
    add(400);
    add(414);
    add(431);
    if has_body {
        add(400);
        add(408);
        add(413);
        add(415);
        add(422);
    }
    if params.iter().any(|p| p == "query" || p == "header") {
        add(400);
        add(422);
    }
    if params.iter().any(|p| p == "path") {
        add(400);
        add(404);
    }
    if method != "get" {
        // Refused for the state it would change (a duplicate, a ticket already taken).
        add(409);
    }
    // The probes are never counted against a budget, so never refused with a 429.
    if !super::PROBES.contains(&path) {
        add(429);
    }
    // Any route may meet a database fault.
    add(500);
    add(503);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every limit lands on a property the service's schemas have.
    #[test]
    fn the_checks_limits_are_stated_in_the_schemas() {
        let doc = crate::server::openapi();
        let schemas = &doc["components"]["schemas"];
        for (schema, property, keyword, value) in LIMITS {
            let stated = &schemas[schema]["properties"][property][keyword];
            assert_eq!(stated, &json!(value), "{schema}.{property} {keyword}");
        }
        let context = &schemas["HandoffRequest"]["properties"]["context"];
        assert_eq!(context["propertyNames"]["maxLength"], 100);
        assert_eq!(context["additionalProperties"]["maxLength"], 4000);
        assert_eq!(schemas["Requester"]["properties"]["name"]["maxLength"], 200);
    }

    /// A page's items are its item type's schema by reference, not a copy
    /// that a generated client would make a second type of.
    #[test]
    fn every_page_refers_to_its_items_schema() {
        let doc = crate::server::openapi();
        let schemas = doc["components"]["schemas"].as_object().unwrap();
        let pages: Vec<&String> = schemas.keys().filter(|n| n.starts_with("Page_")).collect();
        assert!(pages.len() >= 9, "{pages:?}");
        for page in pages {
            let item = page.strip_prefix("Page_").unwrap();
            assert_eq!(
                schemas[page]["properties"]["items"]["items"],
                json!({"$ref": format!("#/components/schemas/{item}")}),
                "{page}"
            );
        }
    }

    /// Every `$ref` names a component the document has: a schema used only
    /// by a query's parameters is not registered by utoipa on its own, and
    /// the checkers CI runs (openapi-spec-validator, redocly) refuse the
    /// document then; this finds it without them.
    #[test]
    fn every_reference_resolves() {
        fn refs<'a>(value: &'a Value, found: &mut Vec<&'a str>) {
            match value {
                Value::Object(map) => {
                    if let Some(Value::String(target)) = map.get("$ref") {
                        found.push(target);
                    }
                    map.values().for_each(|value| refs(value, found));
                }
                Value::Array(items) => items.iter().for_each(|value| refs(value, found)),
                _ => {}
            }
        }
        let doc = crate::server::openapi();
        let mut found = Vec::new();
        refs(&doc, &mut found);
        assert!(found.len() > 100, "{}", found.len());
        for target in found {
            let pointer = target
                .strip_prefix('#')
                .unwrap_or_else(|| panic!("{target}"));
            assert!(doc.pointer(pointer).is_some(), "unresolved {target}");
        }
    }

    #[test]
    fn operation_ids_are_prefixed_with_their_noun_once() {
        let mut doc = json!({"paths": {
            "/v1/teams": {"get": {"tags": ["teams"], "operationId": "list", "responses": {"200": {}}}},
            "/v1/ticket-fields": {"get": {"tags": ["ticket-fields"], "operationId": "ticket_fields_list", "responses": {}}},
        }});
        finish(&mut doc);
        assert_eq!(
            doc["paths"]["/v1/teams"]["get"]["operationId"],
            "teams_list"
        );
        assert_eq!(
            doc["paths"]["/v1/ticket-fields"]["get"]["operationId"],
            "ticket_fields_list"
        );
        assert_eq!(
            doc["paths"]["/v1/teams"]["get"]["responses"]["200"]["description"],
            "OK"
        );
        assert_eq!(
            doc["paths"]["/v1/teams"]["get"]["responses"]["401"]["$ref"],
            "#/components/responses/Unauthenticated"
        );
    }

    #[test]
    fn a_401_documents_its_challenge_and_a_body_its_time_limit() {
        let mut doc = json!({"paths": {
            "/v1/teams": {"post": {"tags": ["teams"], "operationId": "create",
                "requestBody": {}, "responses": {}}},
        }});
        finish(&mut doc);
        let challenge = &doc["components"]["responses"]["Unauthenticated"]["headers"];
        assert_eq!(challenge["WWW-Authenticate"]["schema"]["type"], "string");
        for name in ["RateLimited", "Unavailable"] {
            let wait = &doc["components"]["responses"][name]["headers"]["Retry-After"];
            assert_eq!(wait["schema"]["type"], "integer", "{name}");
            assert_eq!(wait["required"], true, "{name}");
        }
        let responses = &doc["paths"]["/v1/teams"]["post"]["responses"];
        assert_eq!(
            responses["408"]["$ref"],
            "#/components/responses/RequestTimeout"
        );
        assert_eq!(
            doc["components"]["responses"]["RequestTimeout"]["content"]
                [crate::api::PROBLEM_CONTENT_TYPE]["example"]["code"],
            "request_timeout"
        );
    }

    /// Every code the service answers 413 with is named by the one 413
    /// response all routes with a body share.
    #[test]
    fn the_413_response_names_every_code_a_413_carries() {
        let (.., description, _) = ERRORS
            .iter()
            .find(|(status, ..)| *status == 413)
            .expect("a documented 413");
        for code in [
            "body_too_large",
            handoff::TRANSCRIPT_TOO_LARGE,
            handoff::CONTEXT_TOO_LARGE,
        ] {
            assert!(
                description.contains(&format!("`{code}`")),
                "{code} is not named: {description}"
            );
        }
    }

    #[test]
    fn public_routes_do_not_promise_a_401() {
        let mut doc = json!({"paths": {
            "/v1/health": {"get": {"tags": ["meta"], "operationId": "health", "security": [{}], "responses": {}}},
        }});
        finish(&mut doc);
        let responses = &doc["paths"]["/v1/health"]["get"]["responses"];
        assert!(responses.get("401").is_none());
        assert!(responses.get("503").is_some());
        // No budget counts a probe (see `PROBES`).
        assert!(responses.get("429").is_none());
        assert_eq!(
            responses["500"]["$ref"],
            "#/components/responses/InternalError"
        );
    }
}
