//! Intercom: a contact, then a conversation from it (or a ticket, with a
//! ticket type), then the summary and transcript as an internal note; Bearer
//! token with a pinned `Intercom-Version`; webhooks signed with `sha1=`
//! HMAC-SHA1 of the raw body. See ../shared/reference/platform-apis.md §5.

use jiff::Timestamp;
use serde_json::{Value, json};

use super::http::classify;
use super::signing::{check_header, hmac_sha1_header};
use super::{
    Answer, Connection, Connector, Delivered, Escalation, ExternalEvent, Http, InboundWebhook,
    Progress, Verified, WebhookError, failed, html_paragraphs, passed, text_or_number, warning,
};
use crate::api::{ExternalStatus, IntegrationKind, Priority, TestCheck};
use crate::server::delivery::Failure;

const KIND: IntegrationKind = IntegrationKind::Intercom;
/// The API version every call pins, so a workspace's default cannot change
/// the shapes this connector reads.
pub const API_VERSION: &str = "2.11";
pub const SIGNATURE_HEADER: &str = "x-hub-signature";

pub struct Intercom;

/// Intercom's priority is binary: high and urgent are `priority`.
pub fn priority(priority: Priority) -> String {
    match priority {
        Priority::Low | Priority::Medium => "not_priority",
        Priority::High | Priority::Urgent => "priority",
    }
    .to_string()
}

fn region(connection: &Connection) -> &str {
    connection.setting("region").unwrap_or("us")
}

fn base(connection: &Connection) -> String {
    connection.base_url_or(|| match region(connection) {
        "eu" => "https://api.eu.intercom.io".into(),
        "au" => "https://api.au.intercom.io".into(),
        _ => "https://api.intercom.io".into(),
    })
}

/// Intercom's error bodies: `{"type": "error.list", "errors": [{"code",
/// "message"}]}`.
fn explain(answer: &Answer) -> Option<String> {
    let body = answer.value();
    let text = body["errors"]
        .as_array()?
        .iter()
        .map(|error| {
            let code = error["code"].as_str().unwrap_or("error");
            match error["message"].as_str() {
                Some(message) => format!("{code}: {message}"),
                None => code.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("; ");
    (!text.is_empty()).then_some(text)
}

/// The line that marks what a delivery made with its handoff id, so that a
/// repeated delivery finds it by search.
fn marker(escalation: &Escalation) -> String {
    format!("Desk handoff {}", escalation.handoff)
}

/// A search body: all of `conditions` (`field`, `operator`, `value`).
fn search(conditions: &[(&str, &str, &str)]) -> Value {
    let value: Vec<Value> = conditions
        .iter()
        .map(|(field, operator, value)| {
            json!({"field": field, "operator": operator, "value": value})
        })
        .collect();
    json!({"query": {"operator": "AND", "value": value}})
}

/// A calling context: the connection and its base URL.
struct Api<'a> {
    http: &'a Http,
    connection: &'a Connection,
    base: String,
}

impl Api<'_> {
    async fn request(
        &self,
        method: reqwest::Method,
        path: &str,
    ) -> Result<reqwest::RequestBuilder, Failure> {
        let token = self.connection.required("access-token")?;
        Ok(self
            .http
            .client()
            .await?
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(token)
            .header("Intercom-Version", API_VERSION)
            .header(reqwest::header::ACCEPT, "application/json"))
    }

    async fn get(&self, path: &str) -> Result<Answer, Failure> {
        let request = self.request(reqwest::Method::GET, path).await?;
        self.http.fetch(KIND, request).await
    }

    async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        body: &Value,
    ) -> Result<Value, Failure> {
        let request = self.request(method, path).await?.json(body);
        Ok(self.http.send(KIND, request, explain).await?.value())
    }

    async fn post(&self, path: &str, body: &Value) -> Result<Value, Failure> {
        self.send(reqwest::Method::POST, path, body).await
    }

    /// The admin notes are written as: the setting, else the token's own.
    async fn admin(&self) -> Result<String, Failure> {
        if let Some(admin) = self.connection.setting("admin-id") {
            return Ok(admin.to_string());
        }
        let answer = self.get("/me").await?;
        if !answer.status.is_success() {
            return Err(classify(KIND, &answer, explain(&answer)));
        }
        text_or_number(&answer.value()["id"])
            .ok_or_else(|| Failure::permanent("Intercom's GET /me answered without an admin id"))
    }

    /// The contact for the requester, as `(id, role)`: found by external id
    /// or email, else created.
    async fn contact(&self, escalation: &Escalation) -> Result<(String, String), Failure> {
        let requester = &escalation.requester;
        let key = requester
            .external_id
            .as_deref()
            .map(|id| ("external_id", id))
            .or_else(|| requester.email.as_deref().map(|email| ("email", email)));
        if let Some((field, value)) = key {
            let found = self
                .post(
                    "/contacts/search",
                    &json!({"query": {"field": field, "operator": "=", "value": value}}),
                )
                .await?;
            if let Some(contact) = found["data"].as_array().and_then(|data| data.first())
                && let Some(id) = text_or_number(&contact["id"])
            {
                let role = contact["role"].as_str().unwrap_or("user").to_string();
                return Ok((id, role));
            }
        }
        // A user needs an external id or an email; without either the
        // customer can only be a lead.
        let role = if key.is_some() { "user" } else { "lead" };
        let mut body = json!({"role": role, "name": escalation.requester_name()});
        if let Some(id) = &requester.external_id {
            body["external_id"] = json!(id);
        }
        if let Some(email) = &requester.email {
            body["email"] = json!(email);
        }
        let created = self.post("/contacts", &body).await?;
        let id = text_or_number(&created["id"])
            .ok_or_else(|| Failure::permanent("Intercom created a contact without an id"))?;
        Ok((id, role.to_string()))
    }

    /// The conversation or ticket an earlier attempt made, by the marker
    /// its body carries.
    async fn find(
        &self,
        escalation: &Escalation,
        contact: &str,
    ) -> Result<Option<String>, Failure> {
        let marker = marker(escalation);
        let (path, list, field) = match self.connection.setting("ticket-type-id") {
            Some(_) => ("/tickets/search", "tickets", "_default_description_"),
            None => ("/conversations/search", "conversations", "source.body"),
        };
        let query = search(&[("contact_ids", "=", contact), (field, "~", marker.as_str())]);
        let found = self.post(path, &query).await?;
        Ok(found[list]
            .as_array()
            .and_then(|items| items.first())
            .and_then(|item| text_or_number(&item["id"])))
    }

    async fn create_conversation(
        &self,
        escalation: &Escalation,
        contact: &str,
        role: &str,
    ) -> Result<String, Failure> {
        let body = format!(
            "{}\n\n{}\n\n{}",
            escalation.subject,
            escalation.transcript_text(),
            marker(escalation)
        );
        let created = self
            .post(
                "/conversations",
                &json!({"from": {"type": role, "id": contact}, "body": body}),
            )
            .await?;
        text_or_number(&created["conversation_id"]).ok_or_else(|| {
            Failure::permanent("Intercom created the message without a conversation_id")
        })
    }

    async fn create_ticket(
        &self,
        escalation: &Escalation,
        contact: &str,
        ticket_type: &str,
    ) -> Result<String, Failure> {
        let mut attributes = self
            .connection
            .mapped_object(&escalation.fields)
            .unwrap_or_else(|| json!({}));
        attributes["_default_title_"] = json!(escalation.subject);
        attributes["_default_description_"] =
            json!(format!("{}\n\n{}", escalation.summary, marker(escalation)));
        let body = json!({
            "ticket_type_id": ticket_type,
            "contacts": [{"id": contact}],
            "ticket_attributes": attributes,
        });
        let created = self.post("/tickets", &body).await?;
        text_or_number(&created["id"])
            .ok_or_else(|| Failure::permanent("Intercom created a ticket without an id"))
    }
}

impl Connector for Intercom {
    async fn test(&self, http: &Http, connection: &Connection) -> Vec<TestCheck> {
        const CHECK: &str = "credentials";
        let api = Api {
            http,
            connection,
            base: base(connection),
        };
        let answer = match api.get("/me").await {
            Ok(answer) => answer,
            Err(failure) => return vec![failed(CHECK, failure.error)],
        };
        let said = explain(&answer).unwrap_or_else(|| answer.status.to_string());
        let region = region(connection);
        let mut checks = match answer.status.as_u16() {
            200 => {
                let me = answer.value();
                let email = me["email"].as_str().unwrap_or("an admin");
                let hosted = me["app"]["region"].as_str().map(str::to_ascii_lowercase);
                match hosted {
                    Some(hosted) if hosted != region => {
                        return vec![failed(
                            "region",
                            format!(
                                "the workspace is hosted in region {hosted}, but region is \
                                 {region}: connect again with region {hosted}"
                            ),
                        )];
                    }
                    _ => vec![passed(
                        CHECK,
                        format!("signed in to {} as {email}", api.base),
                    )],
                }
            }
            401 => {
                return vec![failed(
                    CHECK,
                    format!(
                        "Intercom refused the access token ({said}): check it, and that the \
                         workspace is hosted in region {region} (a token is only known to its \
                         own region's host)"
                    ),
                )];
            }
            403 => {
                return vec![failed(
                    "permission",
                    format!("the app may not read admins ({said}): give it the Read admins scope"),
                )];
            }
            _ => return vec![failed(CHECK, classify(KIND, &answer, Some(said)).error)],
        };
        if let Some(admin) = connection.setting("admin-id") {
            checks.push(match api.get(&format!("/admins/{admin}")).await {
                Ok(answer) if answer.status.is_success() => {
                    passed("admin", format!("notes are written as admin {admin}"))
                }
                Ok(answer) if answer.status == http::StatusCode::NOT_FOUND => failed(
                    "admin",
                    format!("there is no admin {admin} in this workspace: check admin-id"),
                ),
                Ok(answer) => failed("admin", classify(KIND, &answer, explain(&answer)).error),
                Err(failure) => failed("admin", failure.error),
            });
        }
        if let Some(ticket_type) = connection.setting("ticket-type-id") {
            checks.push(
                match api.get(&format!("/ticket_types/{ticket_type}")).await {
                    Ok(answer) if answer.status.is_success() => {
                        let found = answer.value();
                        let name = found["name"].as_str().unwrap_or_default();
                        if found["archived"].as_bool() == Some(true) {
                            failed(
                                "ticket type",
                                format!("ticket type {ticket_type} ({name}) is archived"),
                            )
                        } else {
                            passed(
                                "ticket type",
                                format!("tickets are of type {ticket_type} ({name})"),
                            )
                        }
                    }
                    Ok(answer) if answer.status == http::StatusCode::NOT_FOUND => failed(
                        "ticket type",
                        format!(
                            "there is no ticket type {ticket_type}: GET /ticket_types lists them \
                         (Settings > Tickets)"
                        ),
                    ),
                    Ok(answer) => failed(
                        "ticket type",
                        classify(KIND, &answer, explain(&answer)).error,
                    ),
                    Err(failure) => failed("ticket type", failure.error),
                },
            );
        }
        if connection.secret("client-secret").is_none() {
            checks.push(warning(
                "webhooks",
                "no client-secret is set: Intercom's webhooks cannot be verified and are refused",
            ));
        }
        checks
    }

    async fn deliver(
        &self,
        http: &Http,
        connection: &Connection,
        escalation: &Escalation,
        progress: &mut Progress,
    ) -> Result<Delivered, Failure> {
        let api = Api {
            http,
            connection,
            base: base(connection),
        };
        let (contact, role) = match (progress.get("contact"), progress.get("contact-role")) {
            (Some(id), Some(role)) => (id.to_string(), role.to_string()),
            _ => api.contact(escalation).await?,
        };
        progress.set("contact", &contact);
        progress.set("contact-role", &role);
        let ticket_type = connection.setting("ticket-type-id");
        let mut made = progress.get("made").map(str::to_string);
        if made.is_none() && progress.may_have_created() {
            made = api.find(escalation, &contact).await?;
        }
        let made = match (made, ticket_type) {
            (Some(id), _) => id,
            (None, Some(ticket_type)) => {
                api.create_ticket(escalation, &contact, ticket_type).await?
            }
            (None, None) => api.create_conversation(escalation, &contact, &role).await?,
        };
        progress.set("made", &made);
        if ticket_type.is_none() && progress.get("update").is_none() {
            let priority = connection.priority(escalation.priority, priority);
            let mut update = serde_json::Map::new();
            if priority != "not_priority" {
                update.insert("priority".into(), json!(priority));
            }
            if let Some(attributes) = connection.mapped_object(&escalation.fields) {
                update.insert("custom_attributes".into(), attributes);
            }
            if !update.is_empty() {
                api.send(
                    reqwest::Method::PUT,
                    &format!("/conversations/{made}"),
                    &Value::Object(update),
                )
                .await?;
            }
            progress.set("update", "done");
        }
        if progress.get("note").is_none() {
            let admin = api.admin().await?;
            let kind = if ticket_type.is_some() {
                "tickets"
            } else {
                "conversations"
            };
            let body = json!({
                "message_type": "note",
                "type": "admin",
                "admin_id": admin,
                "body": html_paragraphs(&escalation.note_text()),
            });
            api.post(&format!("/{kind}/{made}/reply"), &body).await?;
            progress.set("note", "added");
        }
        Ok(Delivered {
            id: made,
            url: None,
        })
    }

    fn verify(
        &self,
        connection: &Connection,
        webhook: &InboundWebhook<'_>,
        _now: Timestamp,
    ) -> Result<Verified, WebhookError> {
        let secret = connection.webhook_key("client-secret")?;
        let expected = hmac_sha1_header(secret.as_bytes(), webhook.body);
        let signature = webhook.header(SIGNATURE_HEADER);
        check_header(signature, &expected, "X-Hub-Signature")?;
        Ok(Verified {
            replay_key: expected,
        })
    }

    fn events(&self, webhook: &InboundWebhook<'_>) -> Result<Vec<ExternalEvent>, WebhookError> {
        let body: Value = serde_json::from_slice(webhook.body)
            .map_err(|error| WebhookError::Malformed(format!("the body is not JSON: {error}")))?;
        let topic = body["topic"]
            .as_str()
            .ok_or_else(|| WebhookError::Malformed("the body has no topic".into()))?;
        let item = &body["data"]["item"];
        let status = match topic {
            "conversation.admin.assigned" => ExternalStatus::Assigned,
            "conversation.admin.closed" => ExternalStatus::Resolved,
            "conversation.admin.opened" => ExternalStatus::Reopened,
            "ticket.state.updated" => {
                // `ticket_state` is an object with a category from 2.12, a
                // plain state name before.
                let state = &item["ticket_state"];
                let category = state["category"].as_str().or(state.as_str());
                match category {
                    Some("resolved") => ExternalStatus::Resolved,
                    Some("in_progress" | "waiting_on_customer") => ExternalStatus::Assigned,
                    Some("submitted") => ExternalStatus::Created,
                    Some(other) => {
                        return Err(WebhookError::Malformed(format!(
                            "unknown ticket state '{other}'"
                        )));
                    }
                    None => {
                        return Err(WebhookError::Malformed(
                            "the ticket has no ticket_state".into(),
                        ));
                    }
                }
            }
            // `ping` when the subscription is saved, and topics Desk has no
            // status for: accepted, nothing to do.
            _ => return Ok(Vec::new()),
        };
        let id = text_or_number(&item["id"])
            .ok_or_else(|| WebhookError::Malformed("the body has no data.item.id".into()))?;
        Ok(vec![ExternalEvent { id, status }])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn high_and_urgent_are_priority() {
        let mapped: Vec<String> = [
            Priority::Low,
            Priority::Medium,
            Priority::High,
            Priority::Urgent,
        ]
        .into_iter()
        .map(priority)
        .collect();
        assert_eq!(
            mapped,
            ["not_priority", "not_priority", "priority", "priority"]
        );
    }

    #[test]
    fn error_lists_are_read() {
        let answer = Answer {
            status: http::StatusCode::UNAUTHORIZED,
            headers: Default::default(),
            body: bytes::Bytes::from_static(
                br#"{"type":"error.list","request_id":"f93e","errors":[{"code":"unauthorized","message":"Access Token Invalid"},{"code":"parameter_invalid"}]}"#,
            ),
        };
        assert_eq!(
            explain(&answer).unwrap(),
            "unauthorized: Access Token Invalid; parameter_invalid"
        );
    }

    fn webhook(body: &str) -> Result<Vec<ExternalEvent>, WebhookError> {
        let headers = http::HeaderMap::new();
        Intercom.events(&InboundWebhook {
            headers: &headers,
            query: None,
            body: body.as_bytes(),
        })
    }

    fn event(topic: &str, item: &str) -> Vec<ExternalEvent> {
        webhook(&format!(
            r#"{{"type":"notification_event","id":"notif_1","topic":"{topic}","data":{{"item":{item}}}}}"#
        ))
        .unwrap()
    }

    fn status(id: &str, status: ExternalStatus) -> Vec<ExternalEvent> {
        vec![ExternalEvent {
            id: id.into(),
            status,
        }]
    }

    #[test]
    fn topics_become_statuses() {
        let conversation = r#"{"type":"conversation","id":"36000324324"}"#;
        assert_eq!(
            event("conversation.admin.assigned", conversation),
            status("36000324324", ExternalStatus::Assigned)
        );
        assert_eq!(
            event("conversation.admin.closed", conversation),
            status("36000324324", ExternalStatus::Resolved)
        );
        assert_eq!(
            event("conversation.admin.opened", conversation),
            status("36000324324", ExternalStatus::Reopened)
        );
        assert_eq!(
            event(
                "ticket.state.updated",
                r#"{"type":"ticket","id":1295,"ticket_state":{"category":"resolved"}}"#
            ),
            status("1295", ExternalStatus::Resolved)
        );
        assert_eq!(
            event(
                "ticket.state.updated",
                r#"{"type":"ticket","id":"1295","ticket_state":"in_progress"}"#
            ),
            status("1295", ExternalStatus::Assigned)
        );
        assert_eq!(event("ping", r#"{"type":"ping"}"#), []);
        assert_eq!(event("conversation.user.replied", conversation), []);
    }

    #[test]
    fn unreadable_bodies_are_malformed() {
        for body in [
            "not json",
            r#"{"data":{}}"#,
            r#"{"topic":"conversation.admin.closed","data":{"item":{}}}"#,
            r#"{"topic":"ticket.state.updated","data":{"item":{"id":"1"}}}"#,
        ] {
            assert!(
                matches!(webhook(body), Err(WebhookError::Malformed(_))),
                "{body}"
            );
        }
    }
}
