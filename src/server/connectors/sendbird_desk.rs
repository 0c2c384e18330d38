//! Sendbird Desk: a ticket through the Desk Platform API (a customer, then the
//! ticket), released to the agents' queue with `transfer_to_group`. A ticket
//! is a Chat group channel the customer reads, so nothing of the handoff is
//! posted there: the agents' note goes, through the Chat API, into a group
//! channel of its own that the customer is not in, attached to the ticket as
//! a related chat (agents see related chats beside the ticket). That
//! channel's URL, which the delivery chooses, is also how a repeated delivery
//! recognises the ticket it made.
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
    Lookup, Progress, Verified, WebhookError, create_once, failed, number_text, passed,
    split_bytes,
};
use crate::api::{ExternalStatus, IntegrationKind, Priority, TestCheck};
use crate::net::Failure;
use crate::net::segment;

const KIND: IntegrationKind = IntegrationKind::SendbirdDesk;
pub const SIGNATURE_HEADER: &str = "x-hub-signature";
const DESK_TOKEN_HEADER: &str = "SENDBIRDDESKAPITOKEN";
const CHAT_TOKEN_HEADER: &str = "Api-Token";
/// Desk requires a Content-Type on every request, with this charset spelling.
const DESK_CONTENT_TYPE: &str = "application/json; charset=utf8";
/// Desk's limit on a ticket's title (the group channel's name).
const MAX_CHANNEL_NAME: usize = 100;
/// The custom type of the related chat and of the note's messages in it.
const NOTE_TYPE: &str = "deskctl-handoff";
/// The longest piece of the note one message carries.
const NOTE_BYTES: usize = 4000;
/// The Chat user the related chats belong to (a channel needs a member; the
/// customer must not be one).
pub const NOTES_USER: &str = "deskctl-handoffs";
/// Chat API code for a resource that does not exist (answered with HTTP 400).
const CHAT_NOT_FOUND: u64 = 400201;
/// Chat API code for a unique value taken (a channel URL that exists).
const CHAT_TAKEN: u64 = 400202;
/// How many of the customer's tickets one page of the guard's look-up reads,
/// and how many pages at most.
const TICKET_PAGE: usize = 100;
const TICKET_PAGES: usize = 10;

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
    #[serde(default)]
    related_channels: Value,
}

#[derive(Deserialize)]
struct Messages {
    messages: Vec<Value>,
}

/// The related chat of a handoff: a URL the delivery chooses, so making it
/// twice is refused and finding it needs no search.
pub fn related_channel(handoff: &str) -> String {
    format!("deskctl-handoff-{handoff}")
}

/// Whether `ticket` lists `channel` among its related chats (Desk gives
/// them as a JSON-encoded string, or as a list).
fn relates(ticket: &Ticket, channel: &str) -> bool {
    let listed = match &ticket.related_channels {
        Value::String(text) => serde_json::from_str(text).unwrap_or(Value::Null),
        other => other.clone(),
    };
    listed
        .as_array()
        .into_iter()
        .flatten()
        .any(|related| related["channel_url"] == channel || related == channel)
}

/// Whether an answer says the thing is not there: 404, or the Chat API's
/// 400 with code 400201.
fn missing(answer: &Answer) -> bool {
    answer.status == http::StatusCode::NOT_FOUND
        || answer.value()["code"].as_u64() == Some(CHAT_NOT_FOUND)
}

/// A create's answer, or the failure a refusal means.
fn created(answer: &Answer) -> Result<Value, Failure> {
    answer.success(KIND, explain)?.json(KIND)
}

impl SendbirdDesk {
    fn channel_name(escalation: &Escalation) -> String {
        escalation.title(MAX_CHANNEL_NAME)
    }

    /// Makes Chat user `user` unless it exists. Making a user is idempotent
    /// by its id: a second create is refused, and then it exists.
    async fn ensure_user(
        &self,
        http: &Http,
        connection: &Connection,
        user: &str,
        body: Value,
    ) -> Result<(), Failure> {
        let base = chat_base(connection)?;
        let client = http.client().await?;
        let request = chat(
            connection,
            client.get(format!("{base}/users/{}", segment(user))),
        )?;
        let answer = http.fetch(KIND, request).await?;
        if answer.status.is_success() {
            return Ok(());
        }
        if !missing(&answer) {
            return Err(super::http::classify(KIND, &answer, explain(&answer)));
        }
        let request = chat(connection, client.post(format!("{base}/users")).json(&body))?;
        let answer = http.fetch(KIND, request).await?;
        // Made meanwhile (by a racing attempt): it exists.
        if answer.value()["code"].as_u64() == Some(CHAT_TAKEN) {
            return Ok(());
        }
        answer.success(KIND, explain)?;
        Ok(())
    }

    /// The customer's Chat user: their id on the AI agent platform, their
    /// name, and their email and phone as the user's metadata.
    fn customer_user(escalation: &Escalation, user: &str) -> Value {
        let requester = &escalation.requester;
        let mut metadata = serde_json::Map::new();
        for (key, value) in [("email", &requester.email), ("phone", &requester.phone)] {
            if let Some(value) = value {
                metadata.insert(key.into(), json!(value));
            }
        }
        let mut body = json!({
            "user_id": user,
            "nickname": escalation.requester_name(),
            "profile_url": "",
        });
        if !metadata.is_empty() {
            body["metadata"] = Value::Object(metadata);
        }
        body
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

    /// Whether the related chat exists already.
    async fn related_exists(
        &self,
        http: &Http,
        connection: &Connection,
        channel: &str,
    ) -> Result<Option<()>, Failure> {
        let base = chat_base(connection)?;
        let request = chat(
            connection,
            http.client()
                .await?
                .get(format!("{base}/group_channels/{}", segment(channel))),
        )?;
        let answer = http.fetch(KIND, request).await?;
        if answer.status.is_success() {
            return Ok(Some(()));
        }
        if missing(&answer) {
            return Ok(None);
        }
        Err(super::http::classify(KIND, &answer, explain(&answer)))
    }

    /// The related chat: a group channel of [`NOTES_USER`] alone.
    fn related_body(escalation: &Escalation, channel: &str) -> Value {
        json!({
            "channel_url": channel,
            "name": format!("Desk handoff {}", escalation.handoff),
            "custom_type": NOTE_TYPE,
            "data": json!({"handoff": escalation.handoff}).to_string(),
            "is_distinct": false,
            "user_ids": [NOTES_USER],
            // Sendbird's published description requires `users`; the members
            // are `user_ids`.
            "users": [],
        })
    }

    /// The note's pieces already in the related chat, by their `data`.
    async fn posted(
        &self,
        http: &Http,
        connection: &Connection,
        channel: &str,
        data: &str,
    ) -> Result<Option<()>, Failure> {
        let base = chat_base(connection)?;
        let request = chat(
            connection,
            http.client()
                .await?
                .get(format!(
                    "{base}/group_channels/{}/messages",
                    segment(channel)
                ))
                // From the channel's beginning: no clock of ours involved.
                .query(&[
                    ("message_ts", "0"),
                    ("prev_limit", "0"),
                    ("next_limit", "200"),
                    ("custom_types", NOTE_TYPE),
                ]),
        )?;
        let found: Messages = http.send(KIND, request, explain).await?.json(KIND)?;
        Ok(found
            .messages
            .iter()
            .any(|message| message["data"].as_str() == Some(data))
            .then_some(()))
    }

    /// The ticket an earlier attempt made: the customer's ticket whose
    /// related chats include this handoff's (read from Desk's ticket list,
    /// not compared by time).
    async fn find_ticket(
        &self,
        http: &Http,
        connection: &Connection,
        customer: u64,
        channel: &str,
    ) -> Result<Option<String>, Failure> {
        let base = desk_base(connection)?;
        for page in 0..TICKET_PAGES {
            let request = desk(
                connection,
                http.client().await?.get(format!("{base}/tickets")).query(&[
                    ("customer_id", customer.to_string()),
                    ("limit", TICKET_PAGE.to_string()),
                    ("offset", (page * TICKET_PAGE).to_string()),
                ]),
            )?;
            let found: Results<Ticket> = http.send(KIND, request, explain).await?.json(KIND)?;
            if let Some(ticket) = found.results.iter().find(|t| relates(t, channel)) {
                return Ok(Some(ticket.id.to_string()));
            }
            if found.results.len() < TICKET_PAGE {
                break;
            }
        }
        Ok(None)
    }

    fn ticket_body(
        connection: &Connection,
        escalation: &Escalation,
        customer: u64,
        channel: &str,
    ) -> Value {
        let mut ticket = json!({
            "channelName": Self::channel_name(escalation),
            "customerId": customer,
            "priority": connection.priority(escalation.priority, priority),
            "relatedChannelUrls": channel,
        });
        if let Some(group) = connection.setting("group-key") {
            ticket["groupKey"] = json!(group);
        }
        if let Some(fields) = connection.mapped_object(escalation) {
            // Desk takes custom fields as a JSON-encoded string, not an object.
            ticket["customFields"] = json!(fields.to_string());
        }
        ticket
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
            let body = Self::customer_user(escalation, &user);
            self.ensure_user(http, connection, &user, body).await?;
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
        let chat_base = chat_base(connection)?;
        let client = http.client().await?;
        let channel = related_channel(&escalation.handoff);
        if progress.get("related").is_none() {
            let notes_user = json!({
                "user_id": NOTES_USER,
                "nickname": "Desk handoffs",
                "profile_url": "",
            });
            self.ensure_user(http, connection, NOTES_USER, notes_user)
                .await?;
            let body = Self::related_body(escalation, &channel);
            create_once(
                progress,
                "related",
                Lookup::Direct,
                self.related_exists(http, connection, &channel),
                async {
                    let request = client
                        .post(format!("{chat_base}/group_channels"))
                        .json(&body);
                    http.fetch(KIND, chat(connection, request)?).await
                },
                // A channel with this URL exists: it is this handoff's.
                |answer| match answer.value()["code"].as_u64() {
                    Some(CHAT_TAKEN) => Ok(()),
                    _ => created(answer).map(|_| ()),
                },
            )
            .await?;
            progress.set("related", &channel);
        }
        let note = escalation.agent_note();
        let pieces = split_bytes(&note, NOTE_BYTES);
        let messages = format!("{chat_base}/group_channels/{}/messages", segment(&channel));
        for (index, piece) in pieces.iter().enumerate() {
            let step = format!("note-{}", index + 1);
            if progress.get(&step).is_some() {
                continue;
            }
            let data = json!({"handoff": escalation.handoff, "part": index + 1}).to_string();
            // Written by the notes user, the related chat's one member.
            let body = json!({
                "message_type": "MESG",
                "user_id": NOTES_USER,
                "message": piece,
                "custom_type": NOTE_TYPE,
                "data": data,
                "is_silent": true,
            });
            create_once(
                progress,
                &step,
                Lookup::Direct,
                self.posted(http, connection, &channel, &data),
                async {
                    let request = client.post(&messages).json(&body);
                    http.fetch(KIND, chat(connection, request)?).await
                },
                |answer| created(answer).map(|_| ()),
            )
            .await?;
            progress.set(&step, "posted");
        }
        let desk_base = desk_base(connection)?;
        let ticket = match progress.get("ticket") {
            Some(ticket) => ticket.to_string(),
            None => {
                let body = Self::ticket_body(connection, escalation, customer, &channel);
                let id = create_once(
                    progress,
                    "ticket",
                    Lookup::Direct,
                    self.find_ticket(http, connection, customer, &channel),
                    async {
                        let request = client.post(format!("{desk_base}/tickets"));
                        http.fetch(KIND, desk(connection, desk_json(request, &body))?)
                            .await
                    },
                    |answer| {
                        created(answer)?;
                        answer
                            .json::<Ticket>(KIND)
                            .map(|ticket| ticket.id.to_string())
                    },
                )
                .await?;
                progress.set("ticket", &id);
                id
            }
        };
        let delivered = Delivered {
            id: ticket.clone(),
            url: None,
        };
        progress.made(&delivered);
        if progress.get("released").is_none() {
            // A new ticket waits, unseen by agents, for the customer's first
            // message; moving it to PENDING puts it in the queue without
            // speaking for the customer. Repeating it changes nothing.
            let id: u64 = ticket.parse().map_err(|_| {
                Failure::permanent(format!("the ticket id '{ticket}' is not Desk's (a number)"))
            })?;
            let mut body = json!({"tickets": [id], "status": "PENDING"});
            if let Some(group) = connection.setting("group-key") {
                body["groupKey"] = json!(group);
            }
            let request = client.post(format!("{desk_base}/tickets/transfer_to_group"));
            http.send(KIND, desk(connection, desk_json(request, &body))?, explain)
                .await?;
            progress.set("released", "pending");
        }
        Ok(delivered)
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
        Ok(Verified::kept(expected))
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
            Value::Number(number) => number_text(number),
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
        // Desk's webhook carries no time of the event (the ticket's
        // `closedAt` is only its closing): applied as it arrives.
        Ok(vec![ExternalEvent {
            id,
            status,
            occurred_at: None,
        }])
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
                status: ExternalStatus::Resolved,
                occurred_at: None,
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
        // `7.0` is ticket 7, the ticket an integer or a text names.
        assert_eq!(
            webhook(r#"{"eventType":"TICKET.REOPENED","data":{"id":7.0}}"#).unwrap()[0].id,
            "7"
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
