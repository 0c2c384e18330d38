//! Freshdesk: a ticket with a private note, basic auth with an agent's API
//! key, webhooks from automation rules authenticated by a token the admin puts
//! in the rule's Authorization header (Freshdesk does not sign them).
//! See ../shared/reference/platform-apis.md §1 and docs/integrations/freshdesk.md.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use jiff::Timestamp;
use serde::Deserialize;
use serde_json::{Value, json};

use super::signing::{body_digest, same};
use super::{
    Answer, Connection, Connector, Delivered, Escalation, ExternalEvent, Http, InboundWebhook,
    Progress, Verified, WebhookError, failed, html_paragraphs, passed,
};
use crate::api::{ExternalStatus, IntegrationKind, Priority, TestCheck};
use crate::server::delivery::Failure;

const KIND: IntegrationKind = IntegrationKind::Freshdesk;
/// Freshdesk's `source` for a ticket that started in a chat.
const SOURCE_CHAT: u8 = 7;
/// Freshdesk's `status` for an open ticket.
const STATUS_OPEN: u8 = 2;

pub struct Freshdesk;

/// Freshdesk's priorities: 1 low, 2 medium, 3 high, 4 urgent.
pub fn priority(priority: Priority) -> String {
    match priority {
        Priority::Low => "1",
        Priority::Medium => "2",
        Priority::High => "3",
        Priority::Urgent => "4",
    }
    .to_string()
}

/// The tag that marks the ticket of a handoff: Freshdesk tickets have no
/// external id field, so a repeated delivery searches for this tag.
pub fn handoff_tag(handoff: &str) -> String {
    format!("desk-{handoff}")
}

fn base(connection: &Connection) -> Result<String, Failure> {
    let domain = connection.required("domain")?;
    let host = domain
        .trim()
        .trim_start_matches("https://")
        .trim_end_matches('/');
    let host = if host.contains('.') {
        host.to_string()
    } else {
        format!("{host}.freshdesk.com")
    };
    Ok(connection.base_url_or(|| format!("https://{host}")))
}

fn authorized(
    connection: &Connection,
    request: reqwest::RequestBuilder,
) -> Result<reqwest::RequestBuilder, Failure> {
    let key = connection.required("api-key")?;
    // The password is ignored; Freshdesk documents `X`.
    Ok(request.basic_auth(key, Some("X")))
}

/// Freshdesk's error bodies: `{"description": "Validation failed", "errors":
/// [{"field": "email", "message": "…", "code": "invalid_value"}]}`, or
/// `{"code": "invalid_credentials", "message": "…"}`.
fn explain(answer: &Answer) -> Option<String> {
    let body = answer.value();
    let head = body["description"]
        .as_str()
        .or_else(|| body["message"].as_str())
        .map(str::to_string);
    let errors: Vec<String> = body["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .filter_map(|error| {
                    let message = error["message"].as_str()?;
                    Some(match error["field"].as_str() {
                        Some(field) if !field.is_empty() => format!("{field}: {message}"),
                        _ => message.to_string(),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let mut text = head.unwrap_or_default();
    if !errors.is_empty() {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&format!("({})", errors.join("; ")));
    }
    (!text.is_empty()).then_some(text)
}

#[derive(Deserialize)]
struct TicketId {
    id: u64,
}

#[derive(Deserialize)]
struct SearchResults {
    results: Vec<TicketId>,
}

impl Freshdesk {
    /// The ticket an earlier attempt made, found by its handoff tag.
    async fn find(
        &self,
        http: &Http,
        connection: &Connection,
        base: &str,
        handoff: &str,
    ) -> Result<Option<u64>, Failure> {
        let client = http.client().await?;
        let query = format!("\"tag:'{}'\"", handoff_tag(handoff));
        let request = authorized(
            connection,
            client
                .get(format!("{base}/api/v2/search/tickets"))
                .query(&[("query", query)]),
        )?;
        let answer = http.send(KIND, request, explain).await?;
        let found: SearchResults = answer.json(KIND)?;
        Ok(found.results.first().map(|ticket| ticket.id))
    }

    fn ticket_body(connection: &Connection, escalation: &Escalation) -> Result<Value, Failure> {
        let chosen = connection.priority(escalation.priority, priority);
        let priority: u8 = chosen
            .trim()
            .parse()
            .ok()
            .filter(|value| (1..=4).contains(value))
            .ok_or_else(|| {
                Failure::permanent(format!(
                    "the Freshdesk priority for {} is '{chosen}', but Freshdesk takes 1 (low) \
                     to 4 (urgent): fix it with `deskctl integrations connect freshdesk \
                     --priority`",
                    escalation.priority
                ))
            })?;
        let mut ticket = json!({
            "name": escalation.requester_name(),
            "subject": escalation.subject,
            "description": html_paragraphs(&escalation.summary),
            "priority": priority,
            "status": STATUS_OPEN,
            "source": SOURCE_CHAT,
            "tags": ["deskctl", handoff_tag(&escalation.handoff), format!("agent-{}", escalation.agent)],
        });
        // Freshdesk needs one way to find or make the contact.
        match (
            &escalation.requester.email,
            &escalation.requester.external_id,
        ) {
            (Some(email), _) => ticket["email"] = json!(email),
            (None, Some(external_id)) => ticket["unique_external_id"] = json!(external_id),
            (None, None) => {
                return Err(Failure::permanent(
                    "Freshdesk needs the requester's email or external id to make a ticket, \
                     and the handoff has neither",
                ));
            }
        }
        if let Some(custom_fields) = connection.mapped_object(&escalation.fields) {
            ticket["custom_fields"] = custom_fields;
        }
        Ok(ticket)
    }
}

impl Connector for Freshdesk {
    async fn test(&self, http: &Http, connection: &Connection) -> Vec<TestCheck> {
        const CHECK: &str = "credentials";
        let prepared = async {
            let base = base(connection)?;
            let request = http.client().await?.get(format!("{base}/api/v2/agents/me"));
            Ok::<_, Failure>((base.clone(), authorized(connection, request)?))
        };
        let (base, request) = match prepared.await {
            Ok(prepared) => prepared,
            Err(failure) => return vec![failed(CHECK, failure.error)],
        };
        let answer = match http.fetch(KIND, request).await {
            Ok(answer) => answer,
            Err(failure) => return vec![failed("reachable", failure.error)],
        };
        let said = || explain(&answer).unwrap_or_else(|| answer.status.to_string());
        let message = match answer.status.as_u16() {
            200 => {
                let agent = answer.value();
                let who = agent["contact"]["email"]
                    .as_str()
                    .or_else(|| agent["contact"]["name"].as_str())
                    .unwrap_or("the API key's agent");
                return vec![passed(CHECK, format!("signed in to {base} as {who}"))];
            }
            401 => format!(
                "Freshdesk refused the API key ({}): copy it again from the agent's Profile \
                 settings > View API key",
                said()
            ),
            403 => format!(
                "the API key's agent may not use the API ({}): it needs an agent role that can \
                 create tickets, and the account a plan with API access (not Free)",
                said()
            ),
            404 => format!(
                "there is no Freshdesk helpdesk at {base}: check the domain ({})",
                connection.setting("domain").unwrap_or_default()
            ),
            _ => super::http::classify(KIND, &answer, explain(&answer)).error,
        };
        vec![failed(CHECK, message)]
    }

    async fn deliver(
        &self,
        http: &Http,
        connection: &Connection,
        escalation: &Escalation,
        progress: &mut Progress,
    ) -> Result<Delivered, Failure> {
        let base = base(connection)?;
        let client = http.client().await?;
        let mut ticket = progress.get("ticket").map(str::to_string);
        if ticket.is_none() && progress.may_have_made("ticket") {
            ticket = self
                .find(http, connection, &base, &escalation.handoff)
                .await?
                .map(|id| id.to_string());
        }
        let ticket = match ticket {
            Some(id) => id,
            None => {
                let body = Self::ticket_body(connection, escalation)?;
                let request = authorized(
                    connection,
                    client.post(format!("{base}/api/v2/tickets")).json(&body),
                )?;
                progress.sending("ticket");
                let answer = http.fetch(KIND, request).await?;
                progress.answered("ticket", answer.status);
                if !answer.status.is_success() {
                    return Err(super::http::classify(KIND, &answer, explain(&answer)));
                }
                let created: TicketId = answer.json(KIND)?;
                created.id.to_string()
            }
        };
        progress.set("ticket", &ticket);
        if progress.get("note").is_none() {
            let request = authorized(
                connection,
                client
                    .post(format!("{base}/api/v2/tickets/{ticket}/notes"))
                    .json(
                        &json!({"body": html_paragraphs(&escalation.note_text()), "private": true}),
                    ),
            )?;
            http.send(KIND, request, explain).await?;
            progress.set("note", "added");
        }
        Ok(Delivered {
            url: Some(format!("{base}/a/tickets/{ticket}")),
            id: ticket,
        })
    }

    fn verify(
        &self,
        connection: &Connection,
        webhook: &InboundWebhook<'_>,
        _now: Timestamp,
    ) -> Result<Verified, WebhookError> {
        let token = connection.webhook_key("webhook-token")?;
        let authorization = webhook.header("authorization").ok_or_else(|| {
            WebhookError::Unauthenticated(
                "the request is not authenticated: no Authorization header".into(),
            )
        })?;
        if !presented_tokens(authorization)
            .iter()
            .any(|given| same(given, token))
        {
            return Err(WebhookError::Unauthenticated(
                "the Authorization header does not carry the webhook token".into(),
            ));
        }
        // Freshdesk adds no timestamp or id: the body (which the rule makes
        // carry the ticket id and its update time) tells one event from another.
        Ok(Verified {
            replay_key: body_digest(webhook.body),
        })
    }

    fn events(&self, webhook: &InboundWebhook<'_>) -> Result<Vec<ExternalEvent>, WebhookError> {
        let body: Value = serde_json::from_slice(webhook.body)
            .map_err(|error| WebhookError::Malformed(format!("the body is not JSON: {error}")))?;
        // The body docs/integrations/freshdesk.md gives, or the same fields
        // under `freshdesk_webhook` (the simple content picker's wrapper).
        let body = body.get("freshdesk_webhook").unwrap_or(&body);
        let id = match &body["ticket_id"] {
            Value::String(text) if !text.trim().is_empty() => text.trim().to_string(),
            Value::Number(number) => number.to_string(),
            _ => {
                return Err(WebhookError::Malformed(
                    "the body has no ticket_id: configure the rule's body as \
                     docs/integrations/freshdesk.md shows"
                        .into(),
                ));
            }
        };
        let assigned = body["agent"]
            .as_str()
            .is_some_and(|agent| !agent.trim().is_empty());
        let status = match &body["status"] {
            Value::String(text) => text.trim().to_ascii_lowercase(),
            Value::Number(number) => number.to_string(),
            _ => return Err(WebhookError::Malformed("the body has no status".into())),
        };
        let status = match status.as_str() {
            "resolved" | "closed" | "4" | "5" => ExternalStatus::Resolved,
            "" => return Err(WebhookError::Malformed("the body has no status".into())),
            // Open, Pending and the account's own statuses are all open ones.
            _ if assigned => ExternalStatus::Assigned,
            _ => ExternalStatus::Created,
        };
        Ok(vec![ExternalEvent { id, status }])
    }
}

/// The values an Authorization header may carry the token as: the whole
/// value, a bearer token, or either half of basic-auth credentials (the
/// rule's "username and password" or "API key" authentication).
fn presented_tokens(authorization: &str) -> Vec<String> {
    let value = authorization.trim();
    let mut tokens = vec![value.to_string()];
    let (scheme, rest) = value.split_once(' ').unwrap_or((value, ""));
    let rest = rest.trim();
    if scheme.eq_ignore_ascii_case("bearer") {
        tokens.push(rest.to_string());
    } else if scheme.eq_ignore_ascii_case("basic")
        && let Ok(decoded) = BASE64.decode(rest)
        && let Ok(decoded) = String::from_utf8(decoded)
        && let Some((user, password)) = decoded.split_once(':')
    {
        tokens.push(user.to_string());
        tokens.push(password.to_string());
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn priorities_map_to_freshdesks_numbers() {
        let mapped: Vec<String> = [
            Priority::Low,
            Priority::Medium,
            Priority::High,
            Priority::Urgent,
        ]
        .into_iter()
        .map(priority)
        .collect();
        assert_eq!(mapped, ["1", "2", "3", "4"]);
    }

    fn answer(body: &'static str) -> Answer {
        Answer {
            status: http::StatusCode::BAD_REQUEST,
            headers: Default::default(),
            body: bytes::Bytes::from_static(body.as_bytes()),
        }
    }

    #[test]
    fn error_bodies_are_read_with_each_field() {
        assert_eq!(
            explain(&answer(
                r#"{"description":"Validation failed","errors":[{"field":"email","message":"It should be a valid email address","code":"invalid_value"},{"field":"cf_order","message":"Unexpected/invalid field in request","code":"invalid_field"}]}"#
            ))
            .unwrap(),
            "Validation failed (email: It should be a valid email address; cf_order: \
             Unexpected/invalid field in request)"
        );
        assert_eq!(
            explain(&answer(
                r#"{"code":"invalid_credentials","message":"You have to be logged in to perform this action."}"#
            ))
            .unwrap(),
            "You have to be logged in to perform this action."
        );
        assert_eq!(explain(&answer("<html>bad gateway</html>")), None);
    }

    #[test]
    fn domains_are_taken_short_or_whole() {
        let connection = |domain: &str| Connection {
            kind: KIND,
            settings: [("domain".to_string(), domain.to_string())].into(),
            secrets: Default::default(),
            base_url: None,
            fields: Default::default(),
            priorities: Default::default(),
        };
        assert_eq!(
            base(&connection("acme")).unwrap(),
            "https://acme.freshdesk.com"
        );
        assert_eq!(
            base(&connection("https://acme.freshdesk.com/")).unwrap(),
            "https://acme.freshdesk.com"
        );
    }

    #[test]
    fn the_token_is_found_in_each_form_of_authorization() {
        let basic = format!("Basic {}", BASE64.encode("desk:tok-1"));
        assert!(presented_tokens(&basic).contains(&"tok-1".to_string()));
        assert!(presented_tokens("Bearer tok-1").contains(&"tok-1".to_string()));
        assert!(presented_tokens("tok-1").contains(&"tok-1".to_string()));
        assert!(!presented_tokens("Basic !!!").contains(&"tok-1".to_string()));
    }

    fn webhook(body: &str) -> Result<Vec<ExternalEvent>, WebhookError> {
        let headers = http::HeaderMap::new();
        Freshdesk.events(&InboundWebhook {
            headers: &headers,
            query: None,
            body: body.as_bytes(),
        })
    }

    #[test]
    fn rule_bodies_are_read() {
        let event = |id: &str, status| ExternalEvent {
            id: id.into(),
            status,
        };
        assert_eq!(
            webhook(r#"{"ticket_id":42,"status":"Resolved","agent":"ann@acme.example"}"#).unwrap(),
            [event("42", ExternalStatus::Resolved)]
        );
        assert_eq!(
            webhook(r#"{"ticket_id":"42","status":"Open","agent":"ann@acme.example"}"#).unwrap(),
            [event("42", ExternalStatus::Assigned)]
        );
        assert_eq!(
            webhook(
                r#"{"freshdesk_webhook":{"ticket_id":7,"status":"Waiting on Customer","agent":""}}"#
            )
            .unwrap(),
            [event("7", ExternalStatus::Created)]
        );
        assert_eq!(
            webhook(r#"{"ticket_id":7,"status":5}"#).unwrap(),
            [event("7", ExternalStatus::Resolved)]
        );
        assert!(matches!(
            webhook(r#"{"status":"Open"}"#),
            Err(WebhookError::Malformed(_))
        ));
        assert!(matches!(
            webhook(r#"{"ticket_id":7}"#),
            Err(WebhookError::Malformed(_))
        ));
        assert!(matches!(
            webhook("ticket=7"),
            Err(WebhookError::Malformed(_))
        ));
    }
}
