//! Freshchat (Freshworks Conversations API v2): the customer's user, found by
//! reference id or made, then a conversation in the web chat topic named
//! `Sendbird Integration` opened by the customer's own last message, then the
//! agents' note (details, context, summary, transcript) as a private note. Webhooks are signed with RSA (PKCS#1 v1.5, SHA-256) over
//! the raw body. See ../shared/reference/freshchat.md.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use jiff::Timestamp;
use rsa::RsaPublicKey;
use rsa::pkcs1::DecodeRsaPublicKey;
use rsa::pkcs1v15::{Signature, VerifyingKey};
use rsa::pkcs8::DecodePublicKey;
use rsa::sha2::Sha256;
use rsa::signature::Verifier;
use rsa::traits::PublicKeyParts;
use serde::Deserialize;
use serde_json::{Value, json};

use super::http::unreadable;
use super::{
    Answer, Connection, Connector, Delivered, Escalation, EventClock, ExternalEvent, Http,
    InboundWebhook, Lookup, Progress, Verified, WebhookError, create_once, event_time, failed,
    passed, warning,
};
use crate::api::{ExternalStatus, IntegrationKind, Priority, TestCheck};
use crate::net::Failure;
use crate::net::segment;

const KIND: IntegrationKind = IntegrationKind::Freshchat;
pub const SIGNATURE_HEADER: &str = "x-freshchat-signature";
/// The web chat topic handoffs open conversations in; matched exactly.
pub const TOPIC: &str = "Sendbird Integration";
const PAGE_SIZE: usize = 100;
/// Freshworks keys are 2048-bit; anything smaller is not theirs.
const MIN_KEY_BITS: usize = 2048;

pub struct Freshchat;

/// Freshchat's conversation priorities: Low, Medium, High, Urgent.
pub fn priority(priority: Priority) -> String {
    match priority {
        Priority::Low => "Low",
        Priority::Medium => "Medium",
        Priority::High => "High",
        Priority::Urgent => "Urgent",
    }
    .to_string()
}

/// The API root (`…/v2`) from the admin's chat URL, normalised: a scheme
/// added when missing, trailing slashes and a pasted `/v2` removed. A
/// Freshdesk URL is refused: it is the ticketing API, not Freshchat's.
pub fn api_root(chat_url: &str) -> Result<String, String> {
    let trimmed = chat_url.trim().trim_end_matches('/');
    let with_scheme = if trimmed.contains("://") {
        trimmed.to_string()
    } else {
        format!("https://{trimmed}")
    };
    let root = with_scheme.trim_end_matches("/v2").trim_end_matches('/');
    let url = reqwest::Url::parse(root).map_err(|e| format!("'{chat_url}' is not a URL: {e}"))?;
    let host = url.host_str().unwrap_or_default();
    if host.ends_with(".freshdesk.com") {
        return Err(format!(
            "'{chat_url}' is a Freshdesk URL: give the chat URL from Admin Settings > API \
             Settings (e.g. https://acme.freshchat.com)"
        ));
    }
    if url.scheme() != "https" {
        return Err(format!("'{chat_url}' must be https://"));
    }
    Ok(format!("{root}/v2"))
}

fn base(connection: &Connection) -> Result<String, Failure> {
    if let Some(url) = &connection.base_url {
        return Ok(format!("{}/v2", url.trim_end_matches('/')));
    }
    api_root(connection.required("chat-url")?).map_err(Failure::permanent)
}

fn authorized(
    connection: &Connection,
    request: reqwest::RequestBuilder,
) -> Result<reqwest::RequestBuilder, Failure> {
    let key = connection.required("api-key")?;
    Ok(request
        .bearer_auth(key)
        .header(http::header::ACCEPT, "application/json"))
}

/// Freshchat's error bodies: `{"code": 404, "status": "AGENT_NOT_FOUND",
/// "message": "agent not found"}`.
fn explain(answer: &Answer) -> Option<String> {
    let body = answer.value();
    let message = body["message"].as_str().filter(|text| !text.is_empty());
    let status = body["status"].as_str().filter(|text| !text.is_empty());
    match (status, message) {
        (Some(status), Some(message)) => Some(format!("{status}: {message}")),
        (None, Some(text)) | (Some(text), None) => Some(text.to_string()),
        (None, None) => None,
    }
}

/// The webhook key as Freshchat shows it: armoured as `RSA PUBLIC KEY` though
/// its content is SubjectPublicKeyInfo, sometimes pasted on one line or with
/// literal `\n`s. Armour and whitespace are dropped, then the DER is read as
/// SPKI, else as PKCS#1.
pub fn public_key(text: &str) -> Result<RsaPublicKey, String> {
    let base64: String = text
        .replace("\\n", "\n")
        .split("-----")
        .filter(|part| {
            let part = part.trim();
            !(part.starts_with("BEGIN ") || part.starts_with("END "))
        })
        .flat_map(str::split_whitespace)
        .collect();
    let der = BASE64
        .decode(base64.trim())
        .map_err(|_| "the webhook public key is not a PEM or base64 key".to_string())?;
    let key = RsaPublicKey::from_public_key_der(&der)
        .or_else(|_| RsaPublicKey::from_pkcs1_der(&der))
        .map_err(|_| "the webhook public key is not an RSA public key".to_string())?;
    if key.size() * 8 < MIN_KEY_BITS {
        return Err(format!(
            "the webhook public key has {} bits; Freshchat's keys have {MIN_KEY_BITS}",
            key.size() * 8
        ));
    }
    Ok(key)
}

/// Checks `signature` (base64) over `body` with `key`: RSASSA-PKCS1-v1_5 with
/// SHA-256 over the exact bytes received.
pub fn check_signature(key: &RsaPublicKey, body: &[u8], signature: &str) -> bool {
    let Ok(bytes) = BASE64.decode(signature.trim()) else {
        return false;
    };
    let Ok(signature) = Signature::try_from(bytes.as_slice()) else {
        return false;
    };
    VerifyingKey::<Sha256>::new(key.clone())
        .verify(body, &signature)
        .is_ok()
}

#[derive(Deserialize)]
struct Channel {
    id: String,
    name: String,
    #[serde(default = "enabled_by_default")]
    enabled: bool,
}

fn enabled_by_default() -> bool {
    true
}

#[derive(Deserialize)]
struct ChannelPage {
    channels: Vec<Channel>,
    #[serde(default)]
    pagination: Option<Pagination>,
}

#[derive(Deserialize)]
struct Pagination {
    #[serde(default)]
    total_pages: Option<u64>,
}

#[derive(Deserialize)]
struct User {
    id: String,
    #[serde(default)]
    reference_id: Option<String>,
}

#[derive(Deserialize)]
struct Users {
    users: Vec<User>,
}

#[derive(Deserialize)]
struct Conversation {
    #[serde(alias = "id")]
    conversation_id: String,
    #[serde(default)]
    channel_id: Option<String>,
    #[serde(default)]
    status: Option<String>,
}

#[derive(Deserialize)]
struct Conversations {
    conversations: Vec<Conversation>,
}

#[derive(Deserialize)]
struct Agent {
    id: String,
}

#[derive(Deserialize)]
struct Agents {
    agents: Vec<Agent>,
}

impl Freshchat {
    /// Every channel (topic) named exactly [`TOPIC`], reading every page.
    async fn topics(&self, http: &Http, connection: &Connection) -> Result<Vec<Channel>, Failure> {
        let base = base(connection)?;
        let client = http.client().await?;
        let mut found = Vec::new();
        for page in 1.. {
            let request = authorized(
                connection,
                client.get(format!("{base}/channels")).query(&[
                    ("page", page.to_string()),
                    ("items_per_page", PAGE_SIZE.to_string()),
                ]),
            )?;
            let answer: ChannelPage = http.send(KIND, request, explain).await?.json(KIND)?;
            let last = answer.channels.len() < PAGE_SIZE
                || answer
                    .pagination
                    .and_then(|p| p.total_pages)
                    .is_some_and(|total| page >= total);
            found.extend(answer.channels.into_iter().filter(|c| c.name == TOPIC));
            if last {
                break;
            }
        }
        Ok(found)
    }

    /// The topic's id for a delivery: the enabled one when names repeat.
    async fn topic(&self, http: &Http, connection: &Connection) -> Result<String, Failure> {
        let topics = self.topics(http, connection).await?;
        topics
            .iter()
            .find(|topic| topic.enabled)
            .or(topics.first())
            .map(|topic| topic.id.clone())
            .ok_or_else(|| {
                Failure::permanent(format!(
                    "Freshchat has no web chat topic named '{TOPIC}': create it (Admin > Web \
                     Chat > Topics), then retry the delivery"
                ))
            })
    }

    /// The customer's Freshchat user, found by reference id or made.
    async fn user(
        &self,
        http: &Http,
        connection: &Connection,
        escalation: &Escalation,
    ) -> Result<String, Failure> {
        let base = base(connection)?;
        let client = http.client().await?;
        let reference = escalation.customer_key();
        let request = authorized(
            connection,
            client
                .get(format!("{base}/users"))
                .query(&[("reference_id", reference.as_str())]),
        )?;
        let found: Users = http.send(KIND, request, explain).await?.json(KIND)?;
        // Trust a match only when it is ours (the filter may be ignored).
        if let Some(user) = found
            .users
            .into_iter()
            .find(|user| user.reference_id.as_deref() == Some(reference.as_str()))
        {
            return Ok(user.id);
        }
        let mut body = json!({
            "reference_id": reference,
            "first_name": escalation.requester_name(),
        });
        for (key, value) in [
            ("email", &escalation.requester.email),
            ("phone", &escalation.requester.phone),
        ] {
            if let Some(value) = value {
                body[key] = json!(value);
            }
        }
        let request = authorized(connection, client.post(format!("{base}/users")).json(&body))?;
        let created: User = http.send(KIND, request, explain).await?.json(KIND)?;
        Ok(created.id)
    }

    /// The conversation an earlier attempt made: the user's open
    /// conversation in the topic (Freshchat keeps one per user and topic).
    async fn find_conversation(
        &self,
        http: &Http,
        connection: &Connection,
        user: &str,
        topic: &str,
    ) -> Result<Option<String>, Failure> {
        let base = base(connection)?;
        let client = http.client().await?;
        let request = authorized(
            connection,
            client.get(format!("{base}/users/{}/conversations", segment(user))),
        )?;
        let list: Conversations = http.send(KIND, request, explain).await?.json(KIND)?;
        for listed in list.conversations {
            if listed.status.as_deref() == Some("resolved") {
                continue;
            }
            let request = authorized(
                connection,
                client.get(format!(
                    "{base}/conversations/{}",
                    segment(&listed.conversation_id)
                )),
            )?;
            let full: Conversation = http.send(KIND, request, explain).await?.json(KIND)?;
            if full.channel_id.as_deref() == Some(topic)
                && full.status.as_deref() != Some("resolved")
            {
                return Ok(Some(full.conversation_id));
            }
        }
        Ok(None)
    }

    /// The conversation, opened by the customer's own last message (a
    /// conversation needs one; the customer sees it, and it is theirs), with
    /// the priority and mapped values as its properties.
    fn conversation_body(
        connection: &Connection,
        escalation: &Escalation,
        user: &str,
        topic: &str,
    ) -> Value {
        let mut properties = serde_json::Map::new();
        properties.insert(
            "priority".into(),
            json!(connection.priority(escalation.priority, priority)),
        );
        properties.extend(connection.mapped(escalation));
        json!({
            "channel_id": topic,
            "users": [{"id": user}],
            "messages": [{
                "message_parts": [{"text": {"content": escalation.customer_words()}}],
                "actor_type": "user",
                "actor_id": user,
                "message_type": "normal",
            }],
            "status": "new",
            "properties": properties,
        })
    }

    /// Whether the conversation already has this handoff's private note.
    async fn noted(
        &self,
        http: &Http,
        connection: &Connection,
        conversation: &str,
        escalation: &Escalation,
    ) -> Result<Option<()>, Failure> {
        let base = base(connection)?;
        let request = authorized(
            connection,
            http.client()
                .await?
                .get(format!(
                    "{base}/conversations/{}/messages",
                    segment(conversation)
                ))
                .query(&[("items_per_page", PAGE_SIZE.to_string())]),
        )?;
        // A list deskctl cannot read is no proof the note is missing: a
        // transient failure, not a second note.
        let answer = http.send(KIND, request, explain).await?;
        let listed: Value = answer.json(KIND)?;
        let messages = listed["messages"]
            .as_array()
            .ok_or_else(|| unreadable(KIND, &answer, "without its messages"))?;
        let mark = escalation.mark();
        let noted = messages.iter().any(|message| {
            message["message_type"] == "private"
                && message["message_parts"][0]["text"]["content"]
                    .as_str()
                    .is_some_and(|text| text.contains(&mark))
        });
        Ok(noted.then_some(()))
    }

    /// The agent the private note is written as: the account's first agent
    /// (Freshchat notes need one).
    async fn agent(&self, http: &Http, connection: &Connection) -> Result<String, Failure> {
        let base = base(connection)?;
        let request = authorized(
            connection,
            http.client()
                .await?
                .get(format!("{base}/agents"))
                .query(&[("items_per_page", "1")]),
        )?;
        let agents: Agents = http.send(KIND, request, explain).await?.json(KIND)?;
        agents
            .agents
            .into_iter()
            .next()
            .map(|agent| agent.id)
            .ok_or_else(|| {
                Failure::permanent("the Freshchat account has no agent to write the note as")
            })
    }
}

/// A create's answer as what it made, or the failure a refusal means.
fn created<T: serde::de::DeserializeOwned>(answer: &Answer) -> Result<T, Failure> {
    answer.success(KIND, explain)?.json(KIND)
}

impl Connector for Freshchat {
    async fn test(&self, http: &Http, connection: &Connection) -> Vec<TestCheck> {
        let mut checks = Vec::new();
        if let Some(key) = connection.setting("webhook-public-key") {
            checks.push(match public_key(key) {
                Ok(_) => passed("webhook key", "the webhook public key is an RSA key"),
                Err(message) => failed(
                    "webhook key",
                    format!("{message}: copy the Authentication key from Admin > Webhooks"),
                ),
            });
        }
        let base = match base(connection) {
            Ok(base) => base,
            Err(failure) => {
                checks.insert(0, failed("chat-url", failure.error));
                return checks;
            }
        };
        let call = async {
            let request = authorized(
                connection,
                http.client()
                    .await?
                    .get(format!("{base}/agents"))
                    .query(&[("items_per_page", "1")]),
            )?;
            http.fetch(KIND, request).await
        };
        let answer = match call.await {
            Ok(answer) => answer,
            Err(failure) => {
                checks.insert(
                    0,
                    failed(
                        "reachable",
                        format!("{}: check the chat URL ({base})", failure.error),
                    ),
                );
                return checks;
            }
        };
        let credentials = match answer.status.as_u16() {
            200..=299 => passed("api-key", format!("the API key works at {base}")),
            401 => failed(
                "api-key",
                format!(
                    "Freshchat refused the API key ({}): generate one under Admin Settings > \
                     API Settings; a new key replaces the old one",
                    explain(&answer).unwrap_or_else(|| "401".into())
                ),
            ),
            403 => failed(
                "api-key",
                format!(
                    "the API key may not read agents ({}): the admin who made it needs API \
                     access on this plan",
                    explain(&answer).unwrap_or_else(|| "403".into())
                ),
            ),
            404 => failed(
                "chat-url",
                format!(
                    "there is no Freshchat API at {base}: use the chat URL from Admin Settings \
                     > API Settings"
                ),
            ),
            _ => failed(
                "api-key",
                super::http::classify(KIND, &answer, explain(&answer)).error,
            ),
        };
        let working = credentials.outcome == crate::api::CheckOutcome::Ok;
        checks.insert(0, credentials);
        if !working {
            return checks;
        }
        let topic = match self.topics(http, connection).await {
            Err(failure) => failed("web chat topic", failure.error),
            Ok(topics) => match topics.as_slice() {
                [] => failed(
                    "web chat topic",
                    format!(
                        "there is no web chat topic named exactly '{TOPIC}' (the name is \
                         case-sensitive): create it under Admin > Web Chat > Topics"
                    ),
                ),
                [one] if !one.enabled => warning(
                    "web chat topic",
                    format!(
                        "the topic '{TOPIC}' ({}) is disabled: customers cannot reach it \
                         until it is enabled",
                        one.id
                    ),
                ),
                [one] => passed("web chat topic", format!("'{TOPIC}' is {}", one.id)),
                many => warning(
                    "web chat topic",
                    format!(
                        "{} topics are named '{TOPIC}' ({}): deliveries use {}; rename the \
                         others",
                        many.len(),
                        many.iter()
                            .map(|t| t.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                        many.iter().find(|t| t.enabled).unwrap_or(&many[0]).id
                    ),
                ),
            },
        };
        checks.push(topic);
        checks
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
        let topic = match progress.get("topic") {
            Some(topic) => topic.to_string(),
            None => self.topic(http, connection).await?,
        };
        progress.set("topic", &topic);
        let user = match progress.get("user") {
            Some(user) => user.to_string(),
            None => self.user(http, connection, escalation).await?,
        };
        progress.set("user", &user);
        let conversation = match progress.get("conversation") {
            Some(id) => id.to_string(),
            None => {
                let body = Self::conversation_body(connection, escalation, &user, &topic);
                let id = create_once(
                    progress,
                    "conversation",
                    Lookup::Direct,
                    self.find_conversation(http, connection, &user, &topic),
                    async {
                        let request = client.post(format!("{base}/conversations")).json(&body);
                        http.fetch(KIND, authorized(connection, request)?).await
                    },
                    |answer| created::<Conversation>(answer).map(|made| made.conversation_id),
                )
                .await?;
                progress.set("conversation", &id);
                id
            }
        };
        let delivered = Delivered {
            id: conversation.clone(),
            url: None,
        };
        progress.made(&delivered);
        if progress.get("note").is_none() {
            let agent = self.agent(http, connection).await?;
            let messages = format!("{base}/conversations/{}/messages", segment(&conversation));
            let note = json!({
                "message_parts": [{"text": {"content": escalation.agent_note()}}],
                "message_type": "private",
                "actor_type": "agent",
                "actor_id": agent,
            });
            create_once(
                progress,
                "note",
                Lookup::Direct,
                self.noted(http, connection, &conversation, escalation),
                async {
                    let request = client.post(&messages).json(&note);
                    http.fetch(KIND, authorized(connection, request)?).await
                },
                |answer| created::<Value>(answer).map(|_| ()),
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
        let key = connection.webhook_key("webhook-public-key")?;
        let key = public_key(key).map_err(WebhookError::Unauthenticated)?;
        let signature = webhook.header(SIGNATURE_HEADER).ok_or_else(|| {
            WebhookError::Unauthenticated(format!(
                "the request is not signed: no {SIGNATURE_HEADER} header"
            ))
        })?;
        if !check_signature(&key, webhook.body, signature) {
            return Err(WebhookError::Unauthenticated(format!(
                "the {SIGNATURE_HEADER} signature does not match the body"
            )));
        }
        Ok(Verified::kept(signature.trim()))
    }

    fn events(&self, webhook: &InboundWebhook<'_>) -> Result<Vec<ExternalEvent>, WebhookError> {
        let body: Value = serde_json::from_slice(webhook.body)
            .map_err(|error| WebhookError::Malformed(format!("the body is not JSON: {error}")))?;
        let action = body["action"].as_str().unwrap_or_default();
        let data = &body["data"];
        let (part, status) = match action {
            "conversation_resolution" => ("resolve", ExternalStatus::Resolved),
            "conversation_reopen" => ("reopen", ExternalStatus::Reopened),
            "conversation_assignment" => {
                let to_agent = data["assignment"]["to_agent_id"]
                    .as_str()
                    .is_some_and(|id| !id.trim().is_empty());
                let status = if to_agent {
                    ExternalStatus::Assigned
                } else {
                    ExternalStatus::Created
                };
                ("assignment", status)
            }
            // Messages (and events added later) do not move a conversation.
            "" => {
                return Err(WebhookError::Malformed("the body has no action".into()));
            }
            _ => return Ok(Vec::new()),
        };
        let id = data[part]["conversation"]["conversation_id"]
            .as_str()
            .filter(|id| !id.is_empty())
            .ok_or_else(|| {
                WebhookError::Malformed(format!(
                    "the {action} event has no data.{part}.conversation.conversation_id"
                ))
            })?;
        // The envelope's `action_time`: Freshchat's time.
        let occurred_at = event_time(&body["action_time"], EventClock::Text, "action_time");
        Ok(vec![ExternalEvent {
            id: id.to_string(),
            status,
            occurred_at,
        }])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::connectors::testing::{answer, events};

    #[derive(Deserialize)]
    struct Vector {
        pubkey_pem: String,
        body: String,
        x_freshchat_signature: String,
    }

    fn vector() -> Vector {
        serde_json::from_str(include_str!(
            "../../../tests/data/freshchat-webhook-signature.json"
        ))
        .unwrap()
    }

    #[test]
    fn priorities_map_to_freshchats_values() {
        let mapped: Vec<String> = [
            Priority::Low,
            Priority::Medium,
            Priority::High,
            Priority::Urgent,
        ]
        .into_iter()
        .map(priority)
        .collect();
        assert_eq!(mapped, ["Low", "Medium", "High", "Urgent"]);
    }

    #[test]
    fn the_reference_vector_verifies_over_the_raw_body_only() {
        let vector = vector();
        let key = public_key(&vector.pubkey_pem).unwrap();
        let body = vector.body.as_bytes();
        assert!(check_signature(&key, body, &vector.x_freshchat_signature));
        // One byte more, the same JSON re-serialised, or a signature one bit
        // off: all refused.
        let mut longer = body.to_vec();
        longer.push(b'\n');
        assert!(!check_signature(
            &key,
            &longer,
            &vector.x_freshchat_signature
        ));
        let reserialised =
            serde_json::to_vec_pretty(&serde_json::from_slice::<Value>(body).unwrap()).unwrap();
        assert!(!check_signature(
            &key,
            &reserialised,
            &vector.x_freshchat_signature
        ));
        let mut signature = BASE64.decode(&vector.x_freshchat_signature).unwrap();
        signature[10] ^= 1;
        assert!(!check_signature(&key, body, &BASE64.encode(signature)));
        assert!(!check_signature(&key, body, "not base64!"));
    }

    #[test]
    fn keys_are_read_however_they_were_pasted() {
        let pem = vector().pubkey_pem;
        let one_line = pem.replace('\n', " ");
        let escaped = pem.replace('\n', "\\n");
        let bare: String = pem
            .lines()
            .filter(|line| !line.starts_with("-----"))
            .collect();
        for text in [&pem, &one_line, &escaped, &bare] {
            assert!(public_key(text).is_ok(), "{text}");
        }
        assert!(public_key("hello").is_err());
        assert!(public_key("aGVsbG8gd29ybGQ=").is_err());
    }

    #[test]
    fn chat_urls_are_normalised() {
        assert_eq!(
            api_root("acme.freshchat.com").unwrap(),
            "https://acme.freshchat.com/v2"
        );
        assert_eq!(
            api_root("https://acme-123-abc.freshchat.com/v2/").unwrap(),
            "https://acme-123-abc.freshchat.com/v2"
        );
        assert!(
            api_root("https://acme.freshdesk.com")
                .unwrap_err()
                .contains("Freshdesk")
        );
        assert!(api_root("http://acme.freshchat.com").is_err());
    }

    #[test]
    fn error_bodies_are_read() {
        assert_eq!(
            explain(&answer(
                400,
                r#"{"code":400,"status":"INVALID_VALUE","message":"channel_id is invalid"}"#
            ))
            .unwrap(),
            "INVALID_VALUE: channel_id is invalid"
        );
        assert_eq!(explain(&answer(500, "oops")), None);
    }

    fn webhook(body: &str) -> Result<Vec<ExternalEvent>, WebhookError> {
        events(&Freshchat, body)
    }

    #[test]
    fn conversation_events_are_read() {
        assert_eq!(
            webhook(
                r#"{"action":"conversation_resolution","data":{"resolve":{"conversation":{"conversation_id":"c-1","status":"resolved"}}}}"#
            )
            .unwrap(),
            [ExternalEvent {
                id: "c-1".into(),
                status: ExternalStatus::Resolved,
                occurred_at: None,
            }]
        );
        // The envelope's `action_time` is Freshchat's time of the event.
        assert_eq!(
            webhook(
                r#"{"action":"conversation_reopen","action_time":"2027-01-15T09:00:00.250Z","data":{"reopen":{"conversation":{"conversation_id":"c-1"}}}}"#
            )
            .unwrap()[0]
                .occurred_at,
            Some("2027-01-15T09:00:00.25Z".parse().unwrap())
        );
        assert_eq!(
            webhook(
                r#"{"action":"conversation_assignment","data":{"assignment":{"to_agent_id":"a-9","conversation":{"conversation_id":"c-1"}}}}"#
            )
            .unwrap()[0]
                .status,
            ExternalStatus::Assigned
        );
        assert_eq!(
            webhook(
                r#"{"action":"conversation_assignment","data":{"assignment":{"to_agent_id":"","to_group_id":"g","conversation":{"conversation_id":"c-1"}}}}"#
            )
            .unwrap()[0]
                .status,
            ExternalStatus::Created
        );
        assert_eq!(
            webhook(
                r#"{"action":"conversation_reopen","data":{"reopen":{"conversation":{"conversation_id":"c-1","status":"reopened"}}}}"#
            )
            .unwrap()[0]
                .status,
            ExternalStatus::Reopened
        );
        assert_eq!(webhook(&vector().body), Ok(vec![]));
        assert!(matches!(
            webhook(r#"{"action":"conversation_resolution","data":{}}"#),
            Err(WebhookError::Malformed(_))
        ));
        assert!(matches!(webhook("{}"), Err(WebhookError::Malformed(_))));
    }
}
