//! Sendbird Desk: a ticket through the Desk Platform API (a customer, then the
//! ticket), made visible to agents by the customer's first message and given
//! the summary through the Chat API, since a ticket is a Chat group channel.
//! Desk's webhooks are signed with HMAC-SHA1 of the body keyed with the Desk
//! API token. See ../shared/reference/platform-apis.md §3.
//!
//! The two APIs live on two hosts (`desk-api-{app}.sendbird.com/platform/v1`
//! and `api-{app}.sendbird.com/v3`). A base URL override replaces both hosts:
//! Desk calls go to `{base-url}/platform/v1/…` and Chat calls to
//! `{base-url}/v3/…`, whose paths never overlap, so one proxy or test double
//! can serve both.

use jiff::Timestamp;
use serde::Deserialize;
use serde_json::{Value, json};

use super::signing::{check_header, hmac_sha1_header};
use super::{
    Answer, Connection, Connector, Delivered, Escalation, ExternalEvent, Http, InboundWebhook,
    Progress, Verified, WebhookError, failed, passed,
};
use crate::api::{ExternalStatus, IntegrationKind, Priority, TestCheck};
use crate::client::segment;
use crate::server::delivery::Failure;

const KIND: IntegrationKind = IntegrationKind::SendbirdDesk;
pub const SIGNATURE_HEADER: &str = "x-hub-signature";
const DESK_TOKEN_HEADER: &str = "SENDBIRDDESKAPITOKEN";
const CHAT_TOKEN_HEADER: &str = "Api-Token";
/// Desk requires a Content-Type on every request, with this charset spelling.
const DESK_CONTENT_TYPE: &str = "application/json; charset=utf8";
/// Desk's limit on a ticket's title (the group channel's name).
const MAX_CHANNEL_NAME: usize = 100;
/// The custom types of the two messages deskctl posts, so that a repeated
/// delivery can tell whether an earlier attempt posted them.
const FIRST_MESSAGE_TYPE: &str = "deskctl-handoff";
const SUMMARY_TYPE: &str = "deskctl-summary";
/// Chat API code for a resource that does not exist (answered with HTTP 400).
const CHAT_NOT_FOUND: u64 = 400201;

pub struct SendbirdDesk;

/// Desk's priorities: LOW, MEDIUM, HIGH, URGENT.
pub fn priority(priority: Priority) -> String {
    match priority {
        Priority::Low => "LOW",
        Priority::Medium => "MEDIUM",
        Priority::High => "HIGH",
        Priority::Urgent => "URGENT",
    }
    .to_string()
}

/// The Desk Platform API's root: `…/platform/v1`.
fn desk_base(connection: &Connection) -> Result<String, Failure> {
    let app = connection.required("application-id")?;
    let root = connection.base_url_or(|| format!("https://desk-api-{app}.sendbird.com"));
    Ok(format!("{root}/platform/v1"))
}

/// The Chat Platform API's root: `…/v3`.
fn chat_base(connection: &Connection) -> Result<String, Failure> {
    let app = connection.required("application-id")?;
    let root = connection.base_url_or(|| format!("https://api-{app}.sendbird.com"));
    Ok(format!("{root}/v3"))
}

fn desk(
    connection: &Connection,
    request: reqwest::RequestBuilder,
) -> Result<reqwest::RequestBuilder, Failure> {
    let token = connection.required("desk-api-token")?;
    Ok(request
        .header(DESK_TOKEN_HEADER, token)
        .header(http::header::CONTENT_TYPE, DESK_CONTENT_TYPE))
}

fn chat(
    connection: &Connection,
    request: reqwest::RequestBuilder,
) -> Result<reqwest::RequestBuilder, Failure> {
    let token = connection.required("chat-api-token")?;
    Ok(request.header(CHAT_TOKEN_HEADER, token))
}

/// Sendbird's error bodies: `{"error": true, "code": 400108, "message": "…"}`,
/// or a bare `{"message": …}` / `{"detail": …}` from Desk.
fn explain(answer: &Answer) -> Option<String> {
    let body = answer.value();
    let message = body["message"]
        .as_str()
        .or_else(|| body["detail"].as_str())
        .filter(|text| !text.is_empty())?;
    Some(match body["code"].as_u64() {
        Some(code) => format!("{message} (code {code})"),
        None => message.to_string(),
    })
}

/// A JSON body, sent with the Content-Type Desk insists on.
fn desk_json(request: reqwest::RequestBuilder, body: &Value) -> reqwest::RequestBuilder {
    request.body(body.to_string())
}

#[derive(Deserialize)]
struct Results<T> {
    results: Vec<T>,
}

#[derive(Deserialize)]
struct Customer {
    id: u64,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Ticket {
    id: u64,
    channel_url: String,
    #[serde(default)]
    channel_name: Option<String>,
    #[serde(default)]
    customer: Option<Customer>,
    #[serde(default)]
    created_at: Option<String>,
}

#[derive(Deserialize)]
struct Messages {
    messages: Vec<Value>,
}

impl SendbirdDesk {
    fn channel_name(escalation: &Escalation) -> String {
        escalation.subject.chars().take(MAX_CHANNEL_NAME).collect()
    }

    /// Makes the customer's Chat user unless it exists.
    async fn ensure_user(
        &self,
        http: &Http,
        connection: &Connection,
        escalation: &Escalation,
        user: &str,
    ) -> Result<(), Failure> {
        let base = chat_base(connection)?;
        let client = http.client().await?;
        let request = chat(
            connection,
            client.get(format!("{base}/users/{}", segment(user))),
        )?;
        let answer = http.fetch(KIND, request).await?;
        let missing = answer.status == http::StatusCode::NOT_FOUND
            || answer.value()["code"].as_u64() == Some(CHAT_NOT_FOUND);
        if answer.status.is_success() {
            return Ok(());
        }
        if !missing {
            return Err(super::http::classify(KIND, &answer, explain(&answer)));
        }
        let request = chat(
            connection,
            client.post(format!("{base}/users")).json(&json!({
                "user_id": user,
                "nickname": escalation.requester_name(),
                "profile_url": "",
            })),
        )?;
        http.send(KIND, request, explain).await?;
        Ok(())
    }

    /// The Desk customer of Chat user `user`, made when there is none.
    async fn customer(
        &self,
        http: &Http,
        connection: &Connection,
        escalation: &Escalation,
        user: &str,
    ) -> Result<u64, Failure> {
        let base = desk_base(connection)?;
        let client = http.client().await?;
        let request = desk(
            connection,
            client
                .get(format!("{base}/customers"))
                .query(&[("sendbird_id", user)]),
        )?;
        let found: Results<Customer> = http.send(KIND, request, explain).await?.json(KIND)?;
        if let Some(customer) = found.results.first() {
            return Ok(customer.id);
        }
        let body = json!({"sendbirdId": user, "displayName": escalation.requester_name()});
        let request = desk(
            connection,
            desk_json(client.post(format!("{base}/customers")), &body),
        )?;
        let created: Customer = http.send(KIND, request, explain).await?.json(KIND)?;
        Ok(created.id)
    }

    /// The ticket an earlier attempt made for this handoff: the customer's
    /// ticket with this title, made since the handoff was accepted.
    async fn find_ticket(
        &self,
        http: &Http,
        connection: &Connection,
        escalation: &Escalation,
        customer: u64,
    ) -> Result<Option<Ticket>, Failure> {
        let base = desk_base(connection)?;
        let request = desk(
            connection,
            http.client().await?.get(format!("{base}/tickets")).query(&[
                ("customer_id", customer.to_string()),
                ("limit", "100".to_string()),
            ]),
        )?;
        let found: Results<Ticket> = http.send(KIND, request, explain).await?.json(KIND)?;
        let name = Self::channel_name(escalation);
        Ok(found.results.into_iter().find(|ticket| {
            let made_since = ticket
                .created_at
                .as_deref()
                .and_then(|at| at.parse::<Timestamp>().ok())
                .is_none_or(|at| at >= escalation.created_at);
            ticket.customer.as_ref().map(|c| c.id) == Some(customer)
                && ticket.channel_name.as_deref() == Some(name.as_str())
                && made_since
        }))
    }

    fn ticket_body(connection: &Connection, escalation: &Escalation, customer: u64) -> Value {
        let mut ticket = json!({
            "channelName": Self::channel_name(escalation),
            "customerId": customer,
            "priority": connection.priority(escalation.priority, priority),
        });
        if let Some(group) = connection.setting("group-key") {
            ticket["groupKey"] = json!(group);
        }
        let fields: serde_json::Map<String, Value> = connection
            .mapped_fields(&escalation.fields)
            .map(|(key, value)| (key.to_string(), value.clone()))
            .collect();
        if !fields.is_empty() {
            // Desk takes custom fields as a JSON-encoded string, not an object.
            ticket["customFields"] = json!(Value::Object(fields).to_string());
        }
        ticket
    }

    /// Whether a message of `custom_type` is already in the channel.
    async fn posted(
        &self,
        http: &Http,
        connection: &Connection,
        channel: &str,
        custom_type: &str,
    ) -> Result<bool, Failure> {
        let base = chat_base(connection)?;
        let now = Timestamp::now().as_millisecond().to_string();
        let request = chat(
            connection,
            http.client()
                .await?
                .get(format!(
                    "{base}/group_channels/{}/messages",
                    segment(channel)
                ))
                .query(&[
                    ("message_ts", now.as_str()),
                    ("prev_limit", "200"),
                    ("next_limit", "0"),
                    ("custom_types", custom_type),
                ]),
        )?;
        let found: Messages = http.send(KIND, request, explain).await?.json(KIND)?;
        Ok(found
            .messages
            .iter()
            .any(|message| message["custom_type"].as_str() == Some(custom_type)))
    }

    /// Posts a message into the ticket's channel unless an earlier attempt
    /// may have and did.
    async fn post_once(
        &self,
        http: &Http,
        connection: &Connection,
        progress: &mut Progress,
        channel: &str,
        message: Value,
    ) -> Result<(), Failure> {
        let custom_type = message["custom_type"].as_str().unwrap_or_default();
        if progress.get(custom_type).is_some() {
            return Ok(());
        }
        let already = progress.may_have_created()
            && self.posted(http, connection, channel, custom_type).await?;
        if !already {
            let base = chat_base(connection)?;
            let request = chat(
                connection,
                http.client()
                    .await?
                    .post(format!(
                        "{base}/group_channels/{}/messages",
                        segment(channel)
                    ))
                    .json(&message),
            )?;
            http.send(KIND, request, explain).await?;
        }
        progress.set(custom_type, "posted");
        Ok(())
    }
}

impl Connector for SendbirdDesk {
    async fn test(&self, http: &Http, connection: &Connection) -> Vec<TestCheck> {
        let app = connection.setting("application-id").unwrap_or_default();
        let mut checks = Vec::new();
        let desk_call = async {
            let base = desk_base(connection)?;
            let request = desk(
                connection,
                http.client()
                    .await?
                    .get(format!("{base}/agents"))
                    .query(&[("limit", "1")]),
            )?;
            http.fetch(KIND, request).await
        };
        checks.push(match desk_call.await {
            Err(failure) => failed("desk-api-token", failure.error),
            Ok(answer) => match answer.status.as_u16() {
                200..=299 => passed("desk-api-token", format!("the Desk API of {app} answers")),
                401 | 403 => failed(
                    "desk-api-token",
                    format!(
                        "Desk refused the Desk API token ({}): copy a token from Dashboard > \
                         Settings > Desk > Credentials",
                        explain(&answer).unwrap_or_else(|| answer.status.to_string())
                    ),
                ),
                404 => failed(
                    "application-id",
                    format!(
                        "there is no Desk for application {app}: check the application id \
                         (case-sensitive) and that Desk is enabled for it"
                    ),
                ),
                _ => failed(
                    "desk-api-token",
                    super::http::classify(KIND, &answer, explain(&answer)).error,
                ),
            },
        });
        let chat_call = async {
            let base = chat_base(connection)?;
            let request = chat(
                connection,
                http.client()
                    .await?
                    .get(format!("{base}/users"))
                    .query(&[("limit", "1")]),
            )?;
            http.fetch(KIND, request).await
        };
        checks.push(match chat_call.await {
            Err(failure) => failed("chat-api-token", failure.error),
            Ok(answer) if answer.status.is_success() => {
                passed("chat-api-token", format!("the Chat API of {app} answers"))
            }
            Ok(answer) if matches!(answer.status.as_u16(), 401 | 403) => failed(
                "chat-api-token",
                format!(
                    "the Chat API refused the Chat API token ({}): use the master token or a \
                     secondary token from Dashboard > Settings > Application > General",
                    explain(&answer).unwrap_or_else(|| answer.status.to_string())
                ),
            ),
            Ok(answer) => failed(
                "chat-api-token",
                super::http::classify(KIND, &answer, explain(&answer)).error,
            ),
        });
        checks
    }

    async fn deliver(
        &self,
        http: &Http,
        connection: &Connection,
        escalation: &Escalation,
        progress: &mut Progress,
    ) -> Result<Delivered, Failure> {
        let user = escalation.customer_key();
        if progress.get("user").is_none() {
            self.ensure_user(http, connection, escalation, &user)
                .await?;
            progress.set("user", &user);
        }
        let customer = match progress.get("customer").and_then(|id| id.parse().ok()) {
            Some(id) => id,
            None => {
                let id = self.customer(http, connection, escalation, &user).await?;
                progress.set("customer", id.to_string());
                id
            }
        };
        let (ticket, channel) = match (progress.get("ticket"), progress.get("channel")) {
            (Some(ticket), Some(channel)) => (ticket.to_string(), channel.to_string()),
            _ => {
                let found = if progress.may_have_created() {
                    self.find_ticket(http, connection, escalation, customer)
                        .await?
                } else {
                    None
                };
                let ticket = match found {
                    Some(ticket) => ticket,
                    None => {
                        let base = desk_base(connection)?;
                        let body = Self::ticket_body(connection, escalation, customer);
                        let request = desk(
                            connection,
                            desk_json(http.client().await?.post(format!("{base}/tickets")), &body),
                        )?;
                        http.send(KIND, request, explain).await?.json(KIND)?
                    }
                };
                progress.set("ticket", ticket.id.to_string());
                progress.set("channel", &ticket.channel_url);
                (ticket.id.to_string(), ticket.channel_url)
            }
        };
        let first = json!({
            "message_type": "MESG",
            "user_id": user,
            "message": escalation.last_customer_message(),
            "custom_type": FIRST_MESSAGE_TYPE,
        });
        self.post_once(http, connection, progress, &channel, first)
            .await?;
        let summary = json!({
            "message_type": "ADMM",
            "message": escalation.note_text(),
            "custom_type": SUMMARY_TYPE,
            "data": json!({"handoff": escalation.handoff}).to_string(),
        });
        self.post_once(http, connection, progress, &channel, summary)
            .await?;
        Ok(Delivered {
            id: ticket,
            url: None,
        })
    }

    fn verify(
        &self,
        connection: &Connection,
        webhook: &InboundWebhook<'_>,
        _now: Timestamp,
    ) -> Result<Verified, WebhookError> {
        let token = connection.webhook_key("desk-api-token")?;
        let expected = hmac_sha1_header(token.as_bytes(), webhook.body);
        let signature = webhook.header(SIGNATURE_HEADER);
        check_header(signature, &expected, SIGNATURE_HEADER)?;
        Ok(Verified {
            replay_key: expected,
        })
    }

    fn events(&self, webhook: &InboundWebhook<'_>) -> Result<Vec<ExternalEvent>, WebhookError> {
        let body: Value = serde_json::from_slice(webhook.body)
            .map_err(|error| WebhookError::Malformed(format!("the body is not JSON: {error}")))?;
        let event = body["eventType"].as_str().unwrap_or_default();
        if !event.to_ascii_uppercase().starts_with("TICKET") {
            // Agent and message events say nothing about a ticket's status.
            return Ok(Vec::new());
        }
        let ticket = &body["data"];
        let id = match &ticket["id"] {
            Value::Number(number) => number.to_string(),
            Value::String(text) if !text.is_empty() => text.clone(),
            _ => {
                return Err(WebhookError::Malformed(format!(
                    "the {event} event has no ticket id (data.id)"
                )));
            }
        };
        let status = match ticket["status2"].as_str() {
            Some(status) => ticket_status(status)?,
            None => event_status(event)?,
        };
        Ok(vec![ExternalEvent { id, status }])
    }
}

/// A ticket's `status2` as Desk reports it.
fn ticket_status(status: &str) -> Result<ExternalStatus, WebhookError> {
    Ok(match status.to_ascii_uppercase().as_str() {
        "INITIALIZED" | "PROACTIVE" | "PENDING" | "UNASSIGNED" => ExternalStatus::Created,
        "ACTIVE" | "IDLE" | "WORK_IN_PROGRESS" | "ASSIGNED" | "OPEN" => ExternalStatus::Assigned,
        "CLOSED" => ExternalStatus::Resolved,
        other => {
            return Err(WebhookError::Malformed(format!(
                "unknown ticket status '{other}'"
            )));
        }
    })
}

/// The status an event implies when its ticket carries no `status2`.
fn event_status(event: &str) -> Result<ExternalStatus, WebhookError> {
    let upper = event.to_ascii_uppercase();
    Ok(match upper.as_str() {
        "TICKET.CREATED" => ExternalStatus::Created,
        "TICKET.ASSIGNED" | "TICKET.TRANSFERRED" => ExternalStatus::Assigned,
        "TICKET.CLOSED" => ExternalStatus::Resolved,
        "TICKET.REOPENED" => ExternalStatus::Reopened,
        _ => {
            return Err(WebhookError::Malformed(format!(
                "the {event} event carries no ticket status (data.status2)"
            )));
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::connectors::testing::{answer, events};

    #[test]
    fn priorities_map_to_desks_values() {
        let mapped: Vec<String> = [
            Priority::Low,
            Priority::Medium,
            Priority::High,
            Priority::Urgent,
        ]
        .into_iter()
        .map(priority)
        .collect();
        assert_eq!(mapped, ["LOW", "MEDIUM", "HIGH", "URGENT"]);
    }

    #[test]
    fn error_bodies_are_read_with_their_code() {
        assert_eq!(
            explain(&answer(
                400,
                r#"{"error":true,"code":400108,"message":"Not authorized."}"#
            ))
            .unwrap(),
            "Not authorized. (code 400108)"
        );
        assert_eq!(
            explain(&answer(400, r#"{"detail":"Invalid customFields."}"#)).unwrap(),
            "Invalid customFields."
        );
        assert_eq!(explain(&answer(502, "Bad gateway")), None);
    }

    fn webhook(body: &str) -> Result<Vec<ExternalEvent>, WebhookError> {
        events(&SendbirdDesk, body)
    }

    #[test]
    fn ticket_events_are_read_by_status_then_event_type() {
        assert_eq!(
            webhook(r#"{"eventType":"TICKET.CLOSED","data":{"id":42,"status2":"CLOSED"}}"#)
                .unwrap(),
            [ExternalEvent {
                id: "42".into(),
                status: ExternalStatus::Resolved
            }]
        );
        assert_eq!(
            webhook(r#"{"eventType":"TICKET.ASSIGNED","data":{"id":7,"status2":"ACTIVE"}}"#)
                .unwrap()[0]
                .status,
            ExternalStatus::Assigned
        );
        assert_eq!(
            webhook(r#"{"eventType":"TICKET.REOPENED","data":{"id":"7"}}"#).unwrap()[0].status,
            ExternalStatus::Reopened
        );
        assert_eq!(
            webhook(r#"{"eventType":"AGENT.UPDATED","data":{}}"#),
            Ok(vec![])
        );
        assert!(matches!(
            webhook(r#"{"eventType":"TICKET.CLOSED","data":{}}"#),
            Err(WebhookError::Malformed(_))
        ));
        assert!(matches!(
            webhook(r#"{"eventType":"TICKET.UPDATED","data":{"id":1,"status2":"EXPLODED"}}"#),
            Err(WebhookError::Malformed(_))
        ));
        assert!(matches!(
            webhook("not json"),
            Err(WebhookError::Malformed(_))
        ));
    }
}
