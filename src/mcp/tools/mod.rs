//! The copilot's tools: each reads through the API client and nothing else, so
//! what a tool shows is what the API shows that caller. There is no tool that
//! writes, and a name that is not listed here is refused.
//!
//! Each tool is one file: its arguments (with their JSON Schema), its
//! structured result (with its schema), the calls it makes, and the short text
//! an assistant can quote.

mod count_tickets;
mod get_handoff;
mod get_ticket;
mod list_operators;
mod list_tickets;
mod search_tickets;

use std::borrow::Cow;
use std::collections::BTreeMap;

use jiff::Timestamp;
use rmcp::ErrorData;
use rmcp::model::{CallToolResult, ContentBlock, JsonObject, Tool, ToolAnnotations};
use schemars::JsonSchema;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::api::{
    FieldCondition, Page, Requester, Ticket, TicketQuery, cursor_problem, id_problem, name_problem,
    search_text_problem,
};
use crate::client::{Client, ClientError};

use count_tickets::CountTickets;
use get_handoff::GetHandoff;
use get_ticket::GetTicket;
use list_operators::ListOperators;
use list_tickets::ListTickets;
use search_tickets::SearchTickets;

/// One read-only tool.
pub trait CopilotTool {
    const NAME: &'static str;
    const TITLE: &'static str;
    const DESCRIPTION: &'static str;
    type Args: DeserializeOwned + JsonSchema + 'static;
    type Output: Serialize + JsonSchema + 'static;

    async fn run(client: &Client, args: Self::Args) -> Result<Self::Output, ToolError>;

    /// The result as short text an assistant can quote: ticket numbers first.
    fn text(output: &Self::Output) -> String;
}

/// Every tool, as `tools/list` describes it.
pub fn definitions() -> Vec<Tool> {
    vec![
        definition::<ListTickets>(),
        definition::<SearchTickets>(),
        definition::<GetTicket>(),
        definition::<CountTickets>(),
        definition::<GetHandoff>(),
        definition::<ListOperators>(),
    ]
}

/// Runs the tool called `name`. A name that is not a tool is a protocol error
/// naming it (the copilot has no tool that writes, whatever the caller asks);
/// everything that goes wrong inside a tool is a tool error the assistant reads.
pub async fn call(
    client: &Client,
    name: &str,
    arguments: Option<JsonObject>,
) -> Result<CallToolResult, ErrorData> {
    match name {
        ListTickets::NAME => Ok(run::<ListTickets>(client, arguments).await),
        SearchTickets::NAME => Ok(run::<SearchTickets>(client, arguments).await),
        GetTicket::NAME => Ok(run::<GetTicket>(client, arguments).await),
        CountTickets::NAME => Ok(run::<CountTickets>(client, arguments).await),
        GetHandoff::NAME => Ok(run::<GetHandoff>(client, arguments).await),
        ListOperators::NAME => Ok(run::<ListOperators>(client, arguments).await),
        other => Err(unknown_tool(other)),
    }
}

/// The answer to an ingest token calling `name`: refused as the API refuses
/// it the inbox, whatever the tool (a name that is not a tool is still
/// the protocol error every caller gets).
pub fn refuse_ingest(name: &str) -> Result<CallToolResult, ErrorData> {
    if !definitions().iter().any(|tool| tool.name == name) {
        return Err(unknown_tool(name));
    }
    Ok(ToolError::Refused(
        "ingest tokens read no tickets or handoffs through the copilot: use an operator's token"
            .into(),
    )
    .into_result())
}

fn definition<T: CopilotTool>() -> Tool {
    Tool::new(T::NAME, T::DESCRIPTION, JsonObject::new())
        .with_title(T::TITLE)
        .with_input_schema::<T::Args>()
        .with_output_schema::<T::Output>()
        .with_annotations(
            ToolAnnotations::with_title(T::TITLE)
                .read_only(true)
                .destructive(false)
                .idempotent(true)
                .open_world(false),
        )
}

async fn run<T: CopilotTool>(client: &Client, arguments: Option<JsonObject>) -> CallToolResult {
    let outcome = match super::args::parse::<T::Args>(arguments) {
        Ok(args) => T::run(client, args).await,
        Err(error) => Err(error),
    };
    match outcome {
        Ok(output) => {
            let structured = serde_json::to_value(&output).expect("tool results serialize");
            let mut result = CallToolResult::success(vec![ContentBlock::text(T::text(&output))]);
            result.structured_content = Some(structured);
            result
        }
        Err(error) => error.into_result(),
    }
}

/// The answer to a tool name that does not exist: JSON-RPC's invalid params,
/// as the MCP specification asks, with the tools that do.
fn unknown_tool(name: &str) -> ErrorData {
    let tools: Vec<Cow<'static, str>> = definitions().into_iter().map(|tool| tool.name).collect();
    ErrorData::invalid_params(
        format!(
            "unknown tool '{name}': the Desk copilot only reads, with the tools {}",
            tools.join(", ")
        ),
        Some(json!({ "tool": name, "tools": tools })),
    )
}

/// Why a tool gave no result.
#[derive(Debug)]
pub enum ToolError {
    /// An argument is missing, unknown, or of the wrong type or value.
    Argument { field: String, message: String },
    /// The service refused (role, not found, ...) or could not be reached.
    Service(ClientError),
    /// The caller may not use the tools at all (403, as the API would say).
    Refused(String),
    /// The question has no answer, e.g. a ticket that no handoff created.
    Unanswerable { code: &'static str, message: String },
}

impl ToolError {
    pub fn argument(field: impl Into<String>, message: impl Into<String>) -> Self {
        ToolError::Argument {
            field: field.into(),
            message: message.into(),
        }
    }

    /// `error` from listing, counting or searching tickets in a `view`: the
    /// API refuses the `mine` view to a caller who is no operator (the local
    /// desk's owner, `not_an_operator`), and that argument is what to change,
    /// named as every other bad argument is.
    pub fn of_view(error: ClientError) -> Self {
        if error.code() == Some(crate::api::NOT_AN_OPERATOR) {
            return ToolError::argument("view", error.to_string());
        }
        ToolError::Service(error)
    }

    /// A tool result marked as an error: text saying what went wrong (and which
    /// argument), and the same as structured content.
    fn into_result(self) -> CallToolResult {
        let (text, error) = match self {
            ToolError::Argument { field, message } => (
                format!("Invalid argument {field}: {message}"),
                json!({ "code": "invalid_argument", "field": field, "message": message }),
            ),
            ToolError::Refused(message) => (
                format!("Not allowed: {message}"),
                json!({ "code": "forbidden", "status": 403, "message": message }),
            ),
            ToolError::Unanswerable { code, message } => {
                (message.clone(), json!({ "code": code, "message": message }))
            }
            ToolError::Service(ClientError::Api {
                status, problem, ..
            }) => {
                // The API names the parameter at fault; the tools' arguments have its names.
                if let Some(first) = problem.errors.first() {
                    return ToolError::argument(first.field.clone(), first.message.clone())
                        .into_result();
                }
                let detail = problem
                    .detail
                    .clone()
                    .unwrap_or_else(|| problem.title.clone());
                let text = match status.as_u16() {
                    401 => format!("Not authenticated: {detail}"),
                    403 => format!("Not allowed: {detail}"),
                    404 => format!("Not found: {detail}"),
                    _ => detail.clone(),
                };
                let error = json!({
                    "code": problem.code,
                    "status": status.as_u16(),
                    "message": detail,
                });
                (text, error)
            }
            ToolError::Service(other) => {
                let message = error_chain(&other);
                (
                    format!("The Desk service could not answer: {message}"),
                    json!({ "code": "service_unavailable", "message": message }),
                )
            }
        };
        let mut result = CallToolResult::error(vec![ContentBlock::text(text)]);
        result.structured_content = Some(json!({ "error": error }));
        result
    }
}

impl From<ClientError> for ToolError {
    fn from(error: ClientError) -> Self {
        ToolError::Service(error)
    }
}

/// An error and its causes, on one line.
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// How many tickets a list returns unless asked for another number; an
/// assistant reads every one, so pages stay short.
pub const DEFAULT_LIMIT: u32 = 20;
/// The most tickets one call returns.
pub const MAX_LIMIT: u32 = 100;

/// A page size given to a tool, checked against [`MAX_LIMIT`].
pub fn limit(limit: Option<u32>) -> Result<u32, ToolError> {
    match limit {
        None => Ok(DEFAULT_LIMIT),
        Some(limit) if (1..=MAX_LIMIT).contains(&limit) => Ok(limit),
        Some(limit) => Err(ToolError::argument(
            "limit",
            format!("{limit} is out of range: use 1 to {MAX_LIMIT}"),
        )),
    }
}

/// A moment given to a tool: an RFC 3339 instant, a date (its start, in UTC),
/// or a span back from now such as `24h`, `7d` or `2 weeks`. The API takes
/// the instant.
pub fn since(field: &str, text: Option<&str>) -> Result<Option<String>, ToolError> {
    let Some(text) = text.map(str::trim).filter(|text| !text.is_empty()) else {
        return Ok(None);
    };
    let utc = jiff::tz::TimeZone::UTC;
    let at = if let Ok(at) = text.parse::<Timestamp>() {
        at
    } else if let Ok(date) = text.parse::<jiff::civil::Date>() {
        date.to_zoned(utc)
            .map_err(|e| {
                let why = crate::api::instant::out_of_range(text).unwrap_or_else(|| e.to_string());
                ToolError::argument(field, why)
            })?
            .timestamp()
    } else if let Some(span) = crate::api::instant::span(text) {
        // A span is always counted back from now; one written `-5d` asks for
        // something else (the future?), and is refused rather than guessed.
        // `5 days ago` is negative too, and says just what is meant.
        if span.is_negative() && !text.to_ascii_lowercase().ends_with("ago") {
            return Err(ToolError::argument(
                field,
                format!(
                    "'{text}' is a negative span: a span counts back from now, so write it \
                     without a sign, like {}",
                    text.trim_start_matches('-')
                ),
            ));
        }
        Timestamp::now()
            .to_zoned(utc)
            .checked_sub(span.abs())
            .map_err(|e| ToolError::argument(field, e.to_string()))?
            .timestamp()
    } else {
        let why = crate::api::instant::out_of_range(text).unwrap_or_else(|| {
            format!(
                "'{text}' is not a moment: use an instant like 2026-03-29T07:30:00Z, a date \
                 like 2026-03-29, or a span back from now like 24h, 7d or 2 weeks"
            )
        });
        return Err(ToolError::argument(field, why));
    };
    Ok(Some(at.to_string()))
}

/// A text filter as the API takes it: blank means none.
fn non_blank(value: Option<String>) -> Option<String> {
    value.filter(|value| !value.trim().is_empty())
}

/// A text searched for: blank means none (the tool leaves it out, as the
/// API refuses a blank search), and one longer than the API searches for is
/// a bad argument named here.
pub fn search_text(field: &str, value: Option<String>) -> Result<Option<String>, ToolError> {
    bounded(field, value, search_text_problem)
}

/// A handle, key or email filtered by, as the API takes it: blank means
/// none, and one longer than any can be is a bad argument named here.
pub fn name(field: &str, value: Option<String>) -> Result<Option<String>, ToolError> {
    bounded(field, value, name_problem)
}

/// The id of something the service made (a handoff's), as the API takes
/// it: blank means none, and one longer than any id is a bad argument named
/// here.
pub fn id(field: &str, value: Option<String>) -> Result<Option<String>, ToolError> {
    bounded(field, value, id_problem)
}

/// The `cursor` of a list, as the API takes it: blank means none, and one
/// longer than any the API gives out is a bad argument named here.
pub fn cursor(value: Option<String>) -> Result<Option<String>, ToolError> {
    bounded("cursor", value, cursor_problem)
}

/// `value` unless blank (none) or what `problem` finds wrong with it (a bad
/// argument `field`). Sent, a value too long would make a URL no server
/// takes, reported as the service being down.
fn bounded(
    field: &str,
    value: Option<String>,
    problem: fn(&str) -> Option<String>,
) -> Result<Option<String>, ToolError> {
    let value = non_blank(value);
    match value.as_deref().and_then(problem) {
        Some(problem) => Err(ToolError::argument(field, problem)),
        None => Ok(value),
    }
}

/// The `field` argument's schema: ticket field values by key, each a
/// string, a number or true or false, as a ticket's `fields` holds them.
pub fn field_values_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": ["object", "null"],
        "additionalProperties": {"type": ["string", "number", "boolean"]},
    })
}

/// The `field` argument as the API's `field=KEY=VALUE` conditions, every
/// one to hold. A value is sent as text, which the service reads as the
/// field's type: `5` and `"5"` find the same number. A key no field can
/// have, or a value longer than the API searches for, is a bad argument
/// named here, in the API's words.
pub fn field_conditions(
    given: Option<BTreeMap<String, Value>>,
) -> Result<Vec<FieldCondition>, ToolError> {
    let mut conditions = Vec::new();
    for (key, value) in given.into_iter().flatten() {
        let value = match value {
            Value::String(text) => text,
            Value::Number(number) => number.to_string(),
            Value::Bool(flag) => flag.to_string(),
            other => {
                return Err(ToolError::argument(
                    "field",
                    format!(
                        "{key}: expected a string, a number or true or false, not {}",
                        super::args::shown(&other)
                    ),
                ));
            }
        };
        conditions.push(FieldCondition { key, value });
    }
    // A key with `=` would be sent as another key and value.
    let problem = conditions
        .iter()
        .find_map(crate::domain::field_conditions::condition_problem);
    match problem {
        Some(problem) => Err(ToolError::argument("field", problem)),
        None => Ok(conditions),
    }
}

/// `query` as the API takes it, unless it is too long to send
/// ([`crate::client::url_problem`]). Every other filter is bounded well
/// within it; many long `field` values together are not, and are a bad
/// argument named here rather than a service that seems to be down.
pub fn sendable(query: TicketQuery) -> Result<TicketQuery, ToolError> {
    // The longer of the two paths it is sent to.
    let path = format!("/v1/tickets/counts?{}", crate::client::encode_query(&query));
    match crate::client::url_problem(&path) {
        Some(problem) => Err(ToolError::argument("field", problem.to_string())),
        None => Ok(query),
    }
}

/// After an answer with no tickets: the first filter that names something
/// the desk does not have — an `assignee` no operator has as handle, a
/// `team` no team has as key, or a `field` ([`unknown_field_condition`]) —
/// as a bad argument with the nearest name, as `deskctl tickets list` says
/// it: a misspelt handle never reads as "no tickets". Checked only once
/// nothing matched, as a removed operator's or team's tickets are still
/// found by its name.
pub async fn unknown_filter(client: &Client, query: &TicketQuery) -> Result<(), ToolError> {
    if let Some(handle) = &query.assignee
        && let Ok(operators) = client.list_operators().await
    {
        let handles = operators.iter().map(|operator| operator.handle.as_str());
        unknown_name("assignee", "operator", handle, handles)?;
    }
    if let Some(key) = &query.team {
        unknown_team(client, key).await?;
    }
    unknown_field_condition(client, &query.field).await
}

/// A bad argument `team` when the desk has no team `key`. A list of teams
/// that cannot be read says nothing: the answer stands as it is.
pub async fn unknown_team(client: &Client, key: &str) -> Result<(), ToolError> {
    match client.list_teams().await {
        Ok(teams) => unknown_name(
            "team",
            "team",
            key,
            teams.iter().map(|team| team.key.as_str()),
        ),
        Err(_) => Ok(()),
    }
}

/// The most names a refusal lists; past that it points to where they are.
const NAMES_LISTED: usize = 20;

/// A bad `argument` when `name` is none of the desk's `known` names of
/// `noun`: the nearest one, and the names when there are few.
fn unknown_name<'a>(
    argument: &str,
    noun: &str,
    name: &str,
    known: impl Iterator<Item = &'a str>,
) -> Result<(), ToolError> {
    let known: Vec<&str> = known.collect();
    if known.contains(&name) {
        return Ok(());
    }
    let said = match crate::domain::suggest::did_you_mean_question(name, known.iter().copied()) {
        Some(question) => format!("the desk has no {noun} '{name}': {question}"),
        None => format!("the desk has no {noun} '{name}'"),
    };
    let listed = match known.len() {
        0 => format!("it has no {noun}s"),
        n if n <= NAMES_LISTED => format!("its {noun}s are {}", known.join(", ")),
        n => format!(
            "its {n} {noun}s include {}, …",
            known[..NAMES_LISTED].join(", ")
        ),
    };
    Err(ToolError::argument(argument, format!("{said} ({listed})")))
}

/// After an answer with no tickets: the first `field` key the desk has no
/// field for, as a bad argument with the nearest key and the desk's keys, or
/// else a dropdown's value that is none of its options. The API compares such
/// a key or value as text (tickets keep a removed field's values and a removed
/// option), so without this a misspelt one reads as "no ticket matches".
async fn unknown_field_condition(
    client: &Client,
    conditions: &[FieldCondition],
) -> Result<(), ToolError> {
    if conditions.is_empty() {
        return Ok(());
    }
    let fields = client.list_fields().await?;
    let keys: Vec<&str> = fields.iter().map(|field| field.key.as_str()).collect();
    let Some(unknown) = conditions.iter().find(|c| !keys.contains(&c.key.as_str())) else {
        // Tickets keep an option removed from a dropdown, so the API looks for
        // any value; one that is no option of the field is most likely a typo.
        return match crate::domain::field_conditions::not_an_option(&fields, conditions) {
            Some(why) => Err(ToolError::argument("field", why)),
            None => Ok(()),
        };
    };
    let said = crate::domain::field_conditions::no_ticket_field(&unknown.key, keys.iter().copied());
    let known = match keys.is_empty() {
        true => "it has none".to_string(),
        false => format!("its fields are {}", keys.join(", ")),
    };
    Err(ToolError::argument("field", format!("{said} ({known})")))
}

/// What a customer or an AI agent wrote, on one line: each line break and
/// control character read as a space. The texts are a line per ticket or
/// per entry; a customer's name or subject must not start a line of its own
/// that reads as another ticket or as an operator's note.
pub fn flat(text: &str) -> String {
    crate::domain::mail::one_line(text)
}

/// `text` on one line and in double quotes, its own quotes escaped as JSON
/// escapes them: `"Refund \"now\""`, never a quote that seems to end it.
pub fn quoted(text: &str) -> String {
    Value::String(flat(text)).to_string()
}

/// A text of several lines (a message, a note, a summary) under the line
/// that introduces it: every line after the first indented, so none of them
/// starts at the margin, where only the entries themselves start.
pub fn indented(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let lines = text.split([
        '\n', '\r', '\u{0b}', '\u{0c}', '\u{85}', '\u{2028}', '\u{2029}',
    ]);
    lines.collect::<Vec<_>>().join("\n   ")
}

/// A ticket on one line: `#10042 open · high · "Subject" · requester · assignee · team · channel`.
pub fn ticket_line(ticket: &Ticket) -> String {
    let assignee = match &ticket.assignee {
        Some(handle) => format!("assigned to {handle}"),
        None => "unassigned".into(),
    };
    let team = match &ticket.team {
        Some(team) => format!("team {team}"),
        None => "no team".into(),
    };
    format!(
        "#{} {} · {} · {} · {} · {} · {} · {} · last activity {}",
        ticket.number,
        ticket.status,
        ticket.priority,
        quoted(&ticket.subject),
        requester(&ticket.requester),
        assignee,
        team,
        ticket.channel,
        ticket.last_activity_at
    )
}

/// A customer as one phrase, with every way to reach them the ticket has,
/// as `tickets show` lists them: `Jane Doe <jane@example.com>, customer id
/// wa-1, phone +15550100`; `customer wa-1` when the platform's id is all
/// there is to name them.
pub fn requester(requester: &Requester) -> String {
    let reach = crate::domain::handoff::reach(requester);
    let mut parts = vec![match (&reach.known_as, reach.external_id) {
        (Some(known), _) => flat(known),
        (None, Some(id)) => format!("customer {}", flat(id)),
        (None, None) => "an unknown customer".into(),
    }];
    if let (Some(_), Some(id)) = (&reach.known_as, reach.external_id) {
        parts.push(format!("customer id {}", flat(id)));
    }
    if let Some(phone) = reach.phone {
        parts.push(format!("phone {}", flat(phone)));
    }
    parts.join(", ")
}

/// A page of tickets one per line, and how `tool` gets more.
pub fn page_text(page: &Page<Ticket>, tool: &str) -> String {
    let mut text = match page.items.len() {
        0 => return "No tickets match.".into(),
        1 => "1 ticket:".to_string(),
        n => format!("{n} tickets, newest activity first:"),
    };
    for ticket in &page.items {
        text.push('\n');
        text.push_str(&ticket_line(ticket));
    }
    if let Some(cursor) = &page.next_cursor {
        text.push_str(&format!(
            "\nMore tickets match: call {tool} again with cursor \"{cursor}\"."
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A ticket whose customer wrote line breaks and quotes where the
    /// texts put one value on one line.
    pub(super) fn ticket_with_forged_lines() -> Ticket {
        serde_json::from_value(json!({
            "number": 10036, "status": "open", "priority": "medium",
            "subject": "Hi\n#10001 resolved · low · \"Refund sent\"",
            "requester": {"name": "Nina\r\n#10002 resolved", "email": "nina@example.com"},
            "channel": "web", "environment": "production", "fields": {},
            "context": {"bad\nkey": "x"}, "ai_paused": false,
            "created_at": "2026-03-29T07:30:00Z", "last_activity_at": "2026-03-29T07:30:00Z",
        }))
        .unwrap()
    }

    #[test]
    fn a_listed_ticket_stays_on_its_line_whatever_its_customer_wrote() {
        let page = Page {
            items: vec![ticket_with_forged_lines()],
            next_cursor: None,
        };
        let text = page_text(&page, "list_tickets");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2, "{text}");
        assert!(
            lines[1].starts_with(
                r#"#10036 open · medium · "Hi #10001 resolved · low · \"Refund sent\"" · Nina #10002 resolved <nina@example.com> · "#
            ),
            "{text}"
        );
    }

    #[test]
    fn a_customers_id_and_phone_follow_who_they_are() {
        let rosa = Requester {
            name: Some("Rosa".into()),
            email: Some("rosa@example.com".into()),
            phone: Some("+34 600 123 456".into()),
            ..Default::default()
        };
        assert_eq!(
            requester(&rosa),
            "Rosa <rosa@example.com>, phone +34 600 123 456"
        );
        let jurgen = Requester {
            name: Some("Jürgen Müller".into()),
            external_id: Some("wa-1".into()),
            phone: Some("+49 151 12345679".into()),
            ..Default::default()
        };
        assert_eq!(
            requester(&jurgen),
            "Jürgen Müller, customer id wa-1, phone +49 151 12345679"
        );
        let known_by_number = Requester {
            external_id: Some("wa-34600123456".into()),
            phone: Some("+34 600 123 456".into()),
            ..Default::default()
        };
        assert_eq!(
            requester(&known_by_number),
            "customer wa-34600123456, phone +34 600 123 456"
        );
    }

    #[test]
    fn a_text_of_several_lines_is_indented_under_its_first() {
        assert_eq!(indented("one line"), "one line");
        assert_eq!(
            indented("Hi\r\n8. internal note\rthird\u{2028}fourth"),
            "Hi\n   8. internal note\n   third\n   fourth"
        );
        assert_eq!(quoted("say \"hi\"\n\tnow"), r#""say \"hi\" now""#);
    }

    #[test]
    fn every_listed_tool_is_read_only_and_has_object_schemas() {
        let tools = definitions();
        assert_eq!(tools.len(), 6);
        for tool in tools {
            let annotations = tool.annotations.as_ref().unwrap();
            assert_eq!(annotations.read_only_hint, Some(true), "{}", tool.name);
            assert_eq!(tool.input_schema.get("type"), Some(&json!("object")));
            assert_eq!(
                tool.output_schema.as_ref().unwrap().get("type"),
                Some(&json!("object")),
                "{}",
                tool.name
            );
        }
    }

    #[tokio::test]
    async fn every_listed_tool_is_called_by_its_name_and_no_other_name_is() {
        // Arguments are read before anything is sent: this client is never used.
        let client = Client::http("http://127.0.0.1:9", None).unwrap();
        for tool in definitions() {
            let arguments = json!({"not_an_argument": 1}).as_object().cloned();
            let result = call(&client, &tool.name, arguments).await.unwrap();
            let error = &result.structured_content.unwrap()["error"];
            assert_eq!(error["field"], "not_an_argument", "{}", tool.name);
        }
        let refused = call(&client, "resolve_ticket", None).await.unwrap_err();
        assert!(refused.message.contains("unknown tool 'resolve_ticket'"));
    }

    #[test]
    fn since_takes_instants_dates_and_spans_back_from_now() {
        assert_eq!(
            since("since", Some("2026-03-29T07:30:00Z")).unwrap(),
            Some("2026-03-29T07:30:00Z".into())
        );
        assert_eq!(
            since("since", Some("2026-03-29")).unwrap(),
            Some("2026-03-29T00:00:00Z".into())
        );
        let day_ago: Timestamp = since("since", Some("24h"))
            .unwrap()
            .unwrap()
            .parse()
            .unwrap();
        let expected = Timestamp::now() - jiff::SignedDuration::from_hours(24);
        assert!((day_ago - expected).get_seconds().abs() < 60);
        assert!(since("since", Some("7d")).unwrap().is_some());
        // Unit words in any case, as the CLI reads them.
        assert!(since("since", Some("2 DAYS")).unwrap().is_some());
        assert!(since("since", Some("5 Days Ago")).unwrap().is_some());
        assert_eq!(since("since", Some("  ")).unwrap(), None);
        let ago: Timestamp = since("since", Some("5 days ago"))
            .unwrap()
            .unwrap()
            .parse()
            .unwrap();
        let expected = Timestamp::now() - jiff::SignedDuration::from_hours(5 * 24);
        assert!((ago - expected).get_seconds().abs() < 60);
        match since("active_since", Some("yesterday-ish")).unwrap_err() {
            ToolError::Argument { field, message } => {
                assert_eq!(field, "active_since");
                assert!(message.contains("yesterday-ish"), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_moment_past_the_end_of_time_is_said_to_be_out_of_range() {
        for late in ["9999-12-31", "9999-12-31T00:00:00Z"] {
            match since("since", Some(late)).unwrap_err() {
                ToolError::Argument { field, message } => {
                    assert_eq!(field, "since");
                    assert!(message.contains("out of range"), "{message}");
                    assert!(!message.contains("timestamp"), "{message}");
                }
                other => panic!("{late}: {other:?}"),
            }
        }
    }

    #[test]
    fn a_negative_span_is_refused_not_read_as_a_span_back() {
        for negative in ["-5d", "-P5D", "-24h"] {
            match since("since", Some(negative)).unwrap_err() {
                ToolError::Argument { field, message } => {
                    assert_eq!(field, "since");
                    assert!(message.contains("negative"), "{message}");
                }
                other => panic!("{negative}: {other:?}"),
            }
        }
    }

    #[test]
    fn a_search_text_longer_than_the_api_searches_for_names_its_argument() {
        let longest = "x".repeat(crate::api::MAX_SEARCH_CHARS);
        assert_eq!(
            search_text("text", Some(longest.clone())).unwrap(),
            Some(longest)
        );
        assert_eq!(search_text("text", Some(" ".into())).unwrap(), None);
        let too_long = "é".repeat(crate::api::MAX_SEARCH_CHARS + 1);
        match search_text("requester", Some(too_long)).unwrap_err() {
            ToolError::Argument { field, message } => {
                assert_eq!(field, "requester");
                assert!(message.contains("1000"), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_name_id_or_cursor_longer_than_any_names_its_argument() {
        let longest = "x".repeat(crate::api::MAX_NAME_CHARS);
        assert_eq!(
            name("team", Some(longest.clone())).unwrap(),
            Some(longest.clone())
        );
        assert_eq!(name("team", Some("  ".into())).unwrap(), None);
        assert_eq!(id("id", Some(longest.clone())).unwrap(), Some(longest));
        let refused = [
            (
                "assignee",
                name("assignee", Some("é".repeat(crate::api::MAX_NAME_CHARS + 1))),
            ),
            (
                "cursor",
                cursor(Some("1".repeat(crate::api::MAX_CURSOR_CHARS + 1))),
            ),
            (
                "id",
                id("id", Some("h".repeat(crate::api::MAX_NAME_CHARS + 1))),
            ),
        ];
        for (argument, refusal) in refused {
            match refusal.unwrap_err() {
                ToolError::Argument { field, message } => {
                    assert_eq!(field, argument);
                    assert!(message.starts_with("at most "), "{message}");
                }
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn field_values_become_the_apis_conditions_sent_as_text() {
        let given = json!({"vip": true, "plan": "enterprise", "seats": 12, "ratio": 0.5});
        let conditions = field_conditions(serde_json::from_value(given).unwrap()).unwrap();
        let sent: Vec<String> = conditions.iter().map(|c| c.to_string()).collect();
        assert_eq!(
            sent,
            ["plan=enterprise", "ratio=0.5", "seats=12", "vip=true"]
        );
        assert!(field_conditions(None).unwrap().is_empty());
        let schema =
            rmcp::handler::server::tool::schema_for_input::<list_tickets::ListTicketsArgs>()
                .unwrap();
        assert_eq!(
            schema["properties"]["field"]["additionalProperties"],
            json!({"type": ["string", "number", "boolean"]}),
            "{schema:#?}"
        );
    }

    #[test]
    fn a_field_key_no_field_can_have_or_a_value_of_no_type_names_the_argument() {
        let refused = [
            (
                json!({"plan=pro": "x"}),
                "'plan=pro' cannot be a ticket field's key",
            ),
            (
                json!({"Plan": "pro"}),
                "'Plan' cannot be a ticket field's key",
            ),
            (json!({"": "pro"}), "'' cannot be a ticket field's key"),
            (
                json!({"plan": ["pro"]}),
                "plan: expected a string, a number or true or false, not an array",
            ),
            (
                json!({"plan": null}),
                "plan: expected a string, a number or true or false, not null",
            ),
            (
                json!({"plan": "x".repeat(crate::api::MAX_SEARCH_CHARS + 1)}),
                "plan: at most 1000 characters",
            ),
        ];
        for (given, said) in refused {
            match field_conditions(serde_json::from_value(given.clone()).unwrap()).unwrap_err() {
                ToolError::Argument { field, message } => {
                    assert_eq!(field, "field", "{given}");
                    assert!(message.starts_with(said), "{given}: {message}");
                }
                other => panic!("{given}: {other:?}"),
            }
        }
    }

    #[test]
    fn field_values_too_long_together_to_send_name_the_argument() {
        let asked = |count: usize| {
            let field: BTreeMap<String, Value> = (0..count)
                .map(|i| {
                    (
                        format!("k{i}"),
                        json!("v".repeat(crate::api::MAX_SEARCH_CHARS)),
                    )
                })
                .collect();
            serde_json::from_value::<list_tickets::ListTicketsArgs>(json!({ "field": field }))
                .unwrap()
                .query()
        };
        assert_eq!(asked(40).unwrap().field.len(), 40);
        match asked(100).unwrap_err() {
            ToolError::Argument { field, message } => {
                assert_eq!(field, "field");
                assert!(
                    message.contains("more than the 61440 a request to a Desk service may have"),
                    "{message}"
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn limits_outside_the_range_name_the_argument() {
        assert_eq!(limit(None).unwrap(), DEFAULT_LIMIT);
        assert_eq!(limit(Some(MAX_LIMIT)).unwrap(), MAX_LIMIT);
        for bad in [0, MAX_LIMIT + 1] {
            assert!(matches!(
                limit(Some(bad)),
                Err(ToolError::Argument { field, .. }) if field == "limit"
            ));
        }
    }
}
