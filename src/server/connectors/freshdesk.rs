//! Freshdesk: a ticket with the customer's words as its description and the
//! agents' note as a private note, basic auth with an agent's API
//! key, webhooks from automation rules authenticated by a token the admin puts
//! in the rule's Authorization header (Freshdesk does not sign them).
//! See ../shared/reference/platform-apis.md §1 and docs/integrations/freshdesk.md.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use jiff::Timestamp;
use serde::Deserialize;
use serde_json::{Value, json};

use super::escalation::slug;
use super::signing::{canonical_key, event_key, same};
use super::{
    Answer, Connection, Connector, Delivered, Escalation, EventClock, ExternalEvent, Http,
    InboundWebhook, Lookup, Progress, Verified, WebhookError, create_once, event_time, failed,
    html_paragraphs, number_text, passed,
};
use crate::api::{ExternalStatus, IntegrationKind, Priority, TestCheck};
use crate::net::Failure;

const KIND: IntegrationKind = IntegrationKind::Freshdesk;
/// Freshdesk's limit on a ticket's subject (it refuses a longer one).
const SUBJECT_CHARS: usize = 255;
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
/// external id field, so a repeated delivery looks for this tag among the
/// requester's tickets.
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

/// What a create answers, or a contact as the contact list gives it.
#[derive(Deserialize)]
struct Id {
    id: u64,
}

/// `GET /tickets/{id}/conversations`: what the note guard reads of each
/// note or reply.
#[derive(Deserialize)]
struct Conversation {
    private: bool,
    #[serde(default)]
    body: String,
    #[serde(default)]
    body_text: String,
}

#[derive(Deserialize)]
struct Listed {
    id: u64,
    #[serde(default)]
    tags: Vec<String>,
}

/// How many of the requester's newest tickets the guard reads.
const GUARD_PAGE: &str = "100";

/// A create's answer as what it made, or the failure a refusal means.
fn created(answer: &Answer) -> Result<u64, Failure> {
    let made: Id = answer.success(KIND, explain)?.json(KIND)?;
    Ok(made.id)
}

impl Freshdesk {
    async fn get(
        &self,
        http: &Http,
        connection: &Connection,
        url: String,
        query: &[(&str, &str)],
    ) -> Result<Answer, Failure> {
        let request = authorized(connection, http.client().await?.get(url).query(query))?;
        http.send(KIND, request, explain).await
    }

    /// The ticket an earlier attempt made: among the requester's newest
    /// tickets (the ticket list filtered by requester, newest first: the
    /// records themselves, not the search index, which lags new tickets by
    /// minutes), the one with the handoff's tag.
    async fn find(
        &self,
        http: &Http,
        connection: &Connection,
        base: &str,
        escalation: &Escalation,
    ) -> Result<Option<u64>, Failure> {
        let requester = &escalation.requester;
        let filter = match (&requester.email, &requester.external_id, &requester.phone) {
            (Some(email), _, _) => ("email", email.clone()),
            (None, Some(id), _) | (None, None, Some(id)) => {
                let field = if requester.external_id.is_some() {
                    "unique_external_id"
                } else {
                    "phone"
                };
                // An answer deskctl cannot read is no proof the contact is
                // missing: a transient failure, not a second ticket.
                let contacts: Vec<Id> = self
                    .get(
                        http,
                        connection,
                        format!("{base}/api/v2/contacts"),
                        &[(field, id)],
                    )
                    .await?
                    .json(KIND)?;
                match contacts.first() {
                    Some(contact) => ("requester_id", contact.id.to_string()),
                    // No contact: the ticket (which makes it) was not made.
                    None => return Ok(None),
                }
            }
            (None, None, None) => return Ok(None),
        };
        let listed: Vec<Listed> = self
            .get(
                http,
                connection,
                format!("{base}/api/v2/tickets"),
                &[
                    (filter.0, filter.1.as_str()),
                    ("order_by", "created_at"),
                    ("order_type", "desc"),
                    ("per_page", GUARD_PAGE),
                ],
            )
            .await?
            .json(KIND)?;
        let tag = handoff_tag(&escalation.handoff);
        Ok(listed
            .into_iter()
            .find(|ticket| ticket.tags.contains(&tag))
            .map(|ticket| ticket.id))
    }

    /// The ticket: the customer's own words as its description (the
    /// requester sees it in the portal), the handoff's tag, mapped values as
    /// custom fields, and the requester by email, else external id, else
    /// phone (Freshdesk finds or makes the contact by it).
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
        let mut tags = vec![
            "deskctl".to_string(),
            handoff_tag(&escalation.handoff),
            format!("agent-{}", slug(&escalation.agent)),
        ];
        if let Some(team) = &escalation.team {
            tags.push(format!("desk-team-{}", slug(team)));
        }
        let mut ticket = json!({
            "name": escalation.requester_name(),
            "subject": escalation.title(SUBJECT_CHARS),
            "description": html_paragraphs(&escalation.customer_words()),
            "priority": priority,
            "status": STATUS_OPEN,
            "source": SOURCE_CHAT,
            "tags": tags,
        });
        let requester = &escalation.requester;
        match (&requester.email, &requester.external_id, &requester.phone) {
            (Some(email), _, _) => ticket["email"] = json!(email),
            (None, Some(id), _) => ticket["unique_external_id"] = json!(id),
            (None, None, Some(phone)) => ticket["phone"] = json!(phone),
            (None, None, None) => {
                return Err(Failure::permanent(
                    "Freshdesk needs the requester's email, external id or phone to make a \
                     ticket, and the handoff has none",
                ));
            }
        }
        if let Some(custom_fields) = connection.mapped_object(escalation) {
            ticket["custom_fields"] = custom_fields;
        }
        Ok(ticket)
    }

    /// Whether the ticket already has this handoff's note (an earlier
    /// attempt's answer lost): a private note naming the handoff.
    async fn noted(
        &self,
        http: &Http,
        connection: &Connection,
        base: &str,
        ticket: &str,
        escalation: &Escalation,
    ) -> Result<Option<()>, Failure> {
        // A list deskctl cannot read is no proof the note is missing: a
        // transient failure, not a second note.
        let listed: Vec<Conversation> = self
            .get(
                http,
                connection,
                format!("{base}/api/v2/tickets/{ticket}/conversations"),
                &[("per_page", "100")],
            )
            .await?
            .json(KIND)?;
        let mark = escalation.mark();
        let found = listed.iter().any(|note| {
            note.private && (note.body_text.contains(&mark) || note.body.contains(&mark))
        });
        Ok(found.then_some(()))
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
        let ticket = match progress.get("ticket") {
            Some(id) => id.to_string(),
            None => {
                let body = Self::ticket_body(connection, escalation)?;
                let id = create_once(
                    progress,
                    "ticket",
                    Lookup::Direct,
                    async { self.find(http, connection, &base, escalation).await },
                    async {
                        let request = client.post(format!("{base}/api/v2/tickets")).json(&body);
                        http.fetch(KIND, authorized(connection, request)?).await
                    },
                    created,
                )
                .await?;
                progress.set("ticket", id.to_string());
                id.to_string()
            }
        };
        let delivered = Delivered {
            url: Some(format!("{base}/a/tickets/{ticket}")),
            id: ticket.clone(),
        };
        progress.made(&delivered);
        if progress.get("note").is_none() {
            let note = json!({"body": html_paragraphs(&escalation.agent_note()), "private": true});
            create_once(
                progress,
                "note",
                Lookup::Direct,
                async {
                    self.noted(http, connection, &base, &ticket, escalation)
                        .await
                },
                async {
                    let request = client
                        .post(format!("{base}/api/v2/tickets/{ticket}/notes"))
                        .json(&note);
                    http.fetch(KIND, authorized(connection, request)?).await
                },
                |answer| created(answer).map(|_| ()),
            )
            .await?;
            progress.set("note", "added");
        }
        Ok(delivered)
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
        // carry the ticket id and its update time) names the event.
        Ok(Verified::kept(replay_key(webhook.body)))
    }

    fn events(&self, webhook: &InboundWebhook<'_>) -> Result<Vec<ExternalEvent>, WebhookError> {
        let body: Value = serde_json::from_slice(webhook.body)
            .map_err(|error| WebhookError::Malformed(format!("the body is not JSON: {error}")))?;
        // The body docs/integrations/freshdesk.md gives, or the same fields
        // under `freshdesk_webhook` (the simple content picker's wrapper).
        let body = body.get("freshdesk_webhook").unwrap_or(&body);
        let Some(id) = ticket_id(&body["ticket_id"]) else {
            return Err(WebhookError::Malformed(
                "the body has no ticket_id: configure the rule's body as \
                 docs/integrations/freshdesk.md shows"
                    .into(),
            ));
        };
        let assigned = body["agent"]
            .as_str()
            .is_some_and(|agent| !agent.trim().is_empty());
        let status = match &body["status"] {
            Value::String(text) => text.trim().to_ascii_lowercase(),
            Value::Number(number) => number_text(number),
            _ => return Err(WebhookError::Malformed("the body has no status".into())),
        };
        let status = match status.as_str() {
            "resolved" | "closed" | "4" | "5" => ExternalStatus::Resolved,
            "" => return Err(WebhookError::Malformed("the body has no status".into())),
            // Open, Pending and the account's own statuses are all open ones.
            _ if assigned => ExternalStatus::Assigned,
            _ => ExternalStatus::Created,
        };
        // The ticket's `updated_at` the rule's body carries: Freshdesk's time.
        let occurred_at = event_time(&body["updated_at"], EventClock::Text, "updated_at");
        Ok(vec![ExternalEvent {
            id,
            status,
            occurred_at,
        }])
    }
}

/// A body's `ticket_id` as one text however it is written: `77`, `"77"`
/// and `77.0` are the same ticket. `None` when there is none.
fn ticket_id(value: &Value) -> Option<String> {
    let id = match value {
        Value::String(text) => text.trim().to_string(),
        Value::Number(number) => number_text(number),
        _ => String::new(),
    };
    (!id.is_empty()).then_some(id)
}

/// The event a body is about: its ticket and `updated_at`, whatever the bytes
/// (the id as [`ticket_id`] reads it, the time in UTC when it can be read);
/// a body without them keys by its canonical form.
fn replay_key(body: &[u8]) -> String {
    let Ok(value) = serde_json::from_slice::<Value>(body) else {
        return canonical_key(body);
    };
    let value = value.get("freshdesk_webhook").unwrap_or(&value);
    let at = value["updated_at"]
        .as_str()
        .map(str::trim)
        .unwrap_or_default();
    let Some(id) = ticket_id(&value["ticket_id"]).filter(|_| !at.is_empty()) else {
        return canonical_key(body);
    };
    let at = event_time(&value["updated_at"], EventClock::Text, "updated_at")
        .map_or_else(|| at.to_string(), |at| at.to_string());
    event_key(&["ticket", &id, &at])
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
    fn an_event_written_differently_is_the_same_replay() {
        let key = |body: &str| replay_key(body.as_bytes());
        let first = key(r#"{"ticket_id": 77, "updated_at": "2027-01-15T09:00:00Z"}"#);
        for same in [
            r#"{"ticket_id": 77.0, "updated_at": "2027-01-15T09:00:00Z"}"#,
            r#"{"ticket_id": "77", "updated_at": "2027-01-15T10:00:00+01:00"}"#,
            r#"{"ticket_id": 77, "updated_at": "2027-01-15T09:00:00.000Z"}"#,
            r#"{"freshdesk_webhook": {"updated_at": " 2027-01-15T09:00:00Z", "ticket_id": 7.7e1}}"#,
        ] {
            assert_eq!(key(same), first, "{same}");
        }
        for other in [
            r#"{"ticket_id": 77.5, "updated_at": "2027-01-15T09:00:00Z"}"#,
            r#"{"ticket_id": 78, "updated_at": "2027-01-15T09:00:00Z"}"#,
            r#"{"ticket_id": 77, "updated_at": "2027-01-15T09:00:00+01:00"}"#,
        ] {
            assert_ne!(key(other), first, "{other}");
        }
        // A time that cannot be read keys by its text, as written.
        assert_ne!(
            key(r#"{"ticket_id": 77, "updated_at": "soon"}"#),
            key(r#"{"ticket_id": 77, "updated_at": "later"}"#)
        );
        assert_eq!(ticket_id(&json!(77.0)).as_deref(), Some("77"));
        assert_eq!(ticket_id(&json!(" 77 ")).as_deref(), Some("77"));
        assert_eq!(ticket_id(&json!(1e300)).as_deref(), Some("1e+300"));
        assert_eq!(ticket_id(&json!("")), None);
        assert_eq!(ticket_id(&Value::Null), None);
    }

    #[test]
    fn a_handoffs_tag_fits_freshdesks_limit() {
        // Freshdesk refuses a tag over 32 characters.
        let tag = handoff_tag(&crate::server::auth::generate_ordered_id("hof"));
        assert!(tag.chars().count() <= 32, "{tag}");
        assert!(tag.starts_with("desk-hof_"), "{tag}");
    }

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
            occurred_at: None,
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
        // A sender that writes every number as a float means the same.
        assert_eq!(
            webhook(r#"{"ticket_id":7.0,"status":4.0}"#).unwrap(),
            [event("7", ExternalStatus::Resolved)]
        );
        // The ticket's `updated_at` is Freshdesk's time of the change.
        assert_eq!(
            webhook(r#"{"freshdesk_webhook":{"ticket_id":7,"status":"Open","updated_at":"2027-01-15T09:00:00Z"}}"#)
                .unwrap()[0]
                .occurred_at,
            Some("2027-01-15T09:00:00Z".parse().unwrap())
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
