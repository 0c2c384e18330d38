//! Zendesk Support: the requester's user (found by email or external id, or
//! made), then a ticket (Ticketing API) opened by the customer's own words,
//! then the agents' note as a private comment; basic auth with an API token;
//! webhooks signed with HMAC-SHA256 over timestamp + body.
//! See ../shared/reference/platform-apis.md §2.

use jiff::{SignedDuration, Timestamp};
use serde::Deserialize;
use serde_json::{Value, json};

use super::escalation::slug;
use super::http::{classify, excerpt};
use super::signing::{check_header, hmac_sha256_base64};
use super::{
    Answer, Connection, Connector, Delivered, Escalation, EventClock, ExternalEvent, Http,
    InboundWebhook, Lookup, Progress, Verified, WebhookError, create_once, event_time, failed,
    passed, text_or_number,
};
use crate::api::{ExternalStatus, IntegrationKind, Priority, TestCheck};
use crate::net::Failure;

const KIND: IntegrationKind = IntegrationKind::Zendesk;
pub const SIGNATURE_HEADER: &str = "x-zendesk-webhook-signature";
pub const TIMESTAMP_HEADER: &str = "x-zendesk-webhook-signature-timestamp";
/// How far a webhook's timestamp may be from now before it counts as a replay.
const WEBHOOK_WINDOW: SignedDuration = SignedDuration::from_mins(5);
/// Zendesk's limit on a ticket's subject.
const SUBJECT_CHARS: usize = 150;
/// The most of the agents' note one private comment carries. Zendesk keeps a
/// comment to about 64 KB, counted on the HTML it makes of the text (line
/// breaks and escapes grow it), so a longer note goes in several comments,
/// each well under that.
const NOTE_BYTES: usize = 32_000;

pub struct Zendesk;

/// Zendesk's priorities: low, normal, high, urgent.
pub fn priority(priority: Priority) -> String {
    match priority {
        Priority::Low => "low",
        Priority::Medium => "normal",
        Priority::High => "high",
        Priority::Urgent => "urgent",
    }
    .to_string()
}

fn base(connection: &Connection) -> Result<String, Failure> {
    let subdomain = connection.required("subdomain")?;
    Ok(connection.base_url_or(|| format!("https://{subdomain}.zendesk.com")))
}

fn authorized(
    connection: &Connection,
    request: reqwest::RequestBuilder,
) -> Result<reqwest::RequestBuilder, Failure> {
    let email = connection.required("email")?;
    let token = connection.required("api-token")?;
    Ok(request.basic_auth(format!("{email}/token"), Some(token)))
}

/// Zendesk's error bodies: `{"error": "RecordInvalid", "description": "…",
/// "details": {"requester": [{"description": "…"}]}}`, or a bare text.
fn explain(answer: &Answer) -> Option<String> {
    let body = answer.value();
    let error = match &body["error"] {
        Value::String(text) => Some(text.clone()),
        Value::Object(object) => object
            .get("title")
            .and_then(Value::as_str)
            .map(str::to_string),
        _ => None,
    };
    let description = body["description"].as_str().map(str::to_string);
    let details: Vec<String> = body["details"]
        .as_object()
        .map(|details| {
            details
                .values()
                .filter_map(Value::as_array)
                .flatten()
                .filter_map(|detail| detail["description"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let mut text = [error, description]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(": ");
    if !details.is_empty() {
        text.push_str(&format!(" ({})", details.join("; ")));
    }
    (!text.is_empty()).then_some(text)
}

#[derive(Deserialize)]
struct TicketEnvelope {
    ticket: Id,
}

#[derive(Deserialize)]
struct UserEnvelope {
    user: Id,
}

#[derive(Deserialize)]
struct Id {
    id: u64,
}

#[derive(Deserialize)]
struct TicketList {
    tickets: Vec<Id>,
}

/// `GET /tickets/{id}/comments`: what the note guard reads of each comment.
#[derive(Deserialize)]
struct CommentList {
    comments: Vec<Comment>,
}

#[derive(Deserialize)]
struct Comment {
    public: bool,
    #[serde(default)]
    body: String,
}

/// The id in a create's answer (`{"ticket": {"id": …}}`, `{"user": …}`), or
/// the failure a refusal means.
fn created<T: serde::de::DeserializeOwned>(
    answer: &Answer,
    id: impl FnOnce(T) -> u64,
) -> Result<u64, Failure> {
    answer.success(KIND, explain)?.json(KIND).map(id)
}

impl Zendesk {
    /// The ticket an earlier attempt made, by its external id (the Tickets
    /// list filtered by `external_id`: the records themselves, no search).
    async fn find(
        &self,
        http: &Http,
        connection: &Connection,
        base: &str,
        handoff: &str,
    ) -> Result<Option<u64>, Failure> {
        let client = http.client().await?;
        let request = authorized(
            connection,
            client
                .get(format!("{base}/api/v2/tickets"))
                .query(&[("external_id", handoff)]),
        )?;
        let answer = http.send(KIND, request, explain).await?;
        let list: TicketList = answer.json(KIND)?;
        Ok(list.tickets.first().map(|ticket| ticket.id))
    }

    /// Whether the ticket already has the private comment opening with
    /// `mark` (a piece of this handoff's note).
    async fn noted(
        &self,
        http: &Http,
        connection: &Connection,
        base: &str,
        ticket: &str,
        mark: &str,
    ) -> Result<Option<()>, Failure> {
        let client = http.client().await?;
        let request = authorized(
            connection,
            client.get(format!("{base}/api/v2/tickets/{ticket}/comments")),
        )?;
        // A list deskctl cannot read is no proof the note is missing: a
        // transient failure, not a second note.
        let listed: CommentList = http.send(KIND, request, explain).await?.json(KIND)?;
        let noted = listed
            .comments
            .iter()
            .any(|comment| !comment.public && comment.body.contains(mark));
        Ok(noted.then_some(()))
    }

    /// The requester's Zendesk user, tied to their existing record by email
    /// or external id: `POST /users/create_or_update` finds the user by either
    /// (and updates the name and phone), or makes one. Idempotent, so it needs
    /// no guard. None when the handoff has neither identifier: the ticket then
    /// names the requester inline and Zendesk makes an anonymous user with it.
    async fn requester(
        &self,
        http: &Http,
        connection: &Connection,
        base: &str,
        escalation: &Escalation,
    ) -> Result<Option<u64>, Failure> {
        let requester = &escalation.requester;
        if requester.email.is_none() && requester.external_id.is_none() {
            return Ok(None);
        }
        let mut user = json!({"name": escalation.requester_name()});
        for (key, value) in [
            ("email", &requester.email),
            ("external_id", &requester.external_id),
            ("phone", &requester.phone),
        ] {
            if let Some(value) = value {
                user[key] = json!(value);
            }
        }
        let client = http.client().await?;
        let request = authorized(
            connection,
            client
                .post(format!("{base}/api/v2/users/create_or_update"))
                .json(&json!({ "user": user })),
        )?;
        let answer = http.fetch(KIND, request).await?;
        created(&answer, |user: UserEnvelope| user.user.id).map(Some)
    }

    /// The ticket: the customer's own words as its first comment, public and
    /// written as the requester (what Zendesk shows when a customer writes
    /// in; a private first comment depends on an account setting, so the
    /// agents' note follows as a comment of its own); the handoff id as
    /// `external_id`; mapped values as custom fields, which Zendesk names by
    /// number.
    fn ticket_body(
        connection: &Connection,
        escalation: &Escalation,
        requester: Option<u64>,
    ) -> Result<Value, Failure> {
        let mut custom_fields = Vec::new();
        for (id, value) in connection.mapped(escalation) {
            let id: u64 = id.trim().parse().map_err(|_| {
                Failure::permanent(format!(
                    "'{id}' is not a Zendesk custom field id (a number): map it again with \
                     `deskctl integrations connect zendesk --field KEY=ID`"
                ))
            })?;
            custom_fields.push(json!({"id": id, "value": value}));
        }
        let mut tags = vec![
            "deskctl".to_string(),
            format!("agent-{}", slug(&escalation.agent)),
        ];
        if let Some(team) = &escalation.team {
            tags.push(format!("desk-team-{}", slug(team)));
        }
        let mut ticket = json!({
            "subject": escalation.title(SUBJECT_CHARS),
            "comment": {"body": escalation.customer_words(), "public": true},
            "priority": connection.priority(escalation.priority, priority),
            "external_id": escalation.handoff,
            "tags": tags,
        });
        match requester {
            Some(id) => {
                ticket["requester_id"] = json!(id);
                ticket["comment"]["author_id"] = json!(id);
            }
            None => ticket["requester"] = json!({"name": escalation.requester_name()}),
        }
        if !custom_fields.is_empty() {
            ticket["custom_fields"] = json!(custom_fields);
        }
        Ok(json!({ "ticket": ticket }))
    }
}

impl Connector for Zendesk {
    async fn test(&self, http: &Http, connection: &Connection) -> Vec<TestCheck> {
        const CHECK: &str = "credentials";
        let prepared = async {
            let base = base(connection)?;
            let request = http.client().await?.get(format!("{base}/api/v2/users/me"));
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
        let email = connection.setting("email").unwrap_or_default();
        let message = match answer.status.as_u16() {
            200 if serde_json::from_slice::<Value>(&answer.body).is_err() => {
                // A login page or a proxy's: not Zendesk's API, so nothing
                // was learnt about the credentials.
                return vec![failed(
                    "reachable",
                    format!(
                        "{base}/api/v2/users/me answered 200 with something other than JSON \
                         ({}): not Zendesk's API, so the credentials could not be checked; \
                         check the subdomain (or the base URL)",
                        excerpt(&answer.body)
                    ),
                )];
            }
            // Rate limited, or Zendesk in trouble: the credentials were not
            // judged, so no verdict on them.
            429 | 408 | 500..=599 => {
                let busy = classify(KIND, &answer, explain(&answer));
                let why = match answer.status.as_u16() {
                    429 => "Zendesk is rate limiting this account",
                    _ => "Zendesk could not answer",
                };
                let when = match busy.retry_after {
                    Some(wait) => format!("in {} s", wait.as_secs().max(1)),
                    None => "later".to_string(),
                };
                return vec![failed(
                    "reachable",
                    format!(
                        "{}: {why}, so the credentials could not be checked; try again {when}",
                        busy.error
                    ),
                )];
            }
            200 => {
                let user = &answer.value()["user"];
                return match (user["id"].as_u64(), user["role"].as_str()) {
                    (Some(_), Some("admin" | "agent")) => vec![passed(
                        CHECK,
                        format!(
                            "signed in to {base} as {email} ({})",
                            user["role"].as_str().unwrap_or_default()
                        ),
                    )],
                    (Some(_), Some(role)) => vec![failed(
                        "permission",
                        format!(
                            "{email} is a Zendesk {role}, not an agent or admin: it cannot \
                             create tickets; use an agent's API token"
                        ),
                    )],
                    _ => vec![failed(
                        CHECK,
                        "Zendesk did not recognise the email and API token (it answered as \
                         an anonymous user): check both, and that token access is enabled in \
                         Admin Center > Apps and integrations > Zendesk API",
                    )],
                };
            }
            401 => format!(
                "Zendesk refused the email and API token ({}): check that the token belongs \
                 to {email} and that token access is enabled",
                explain(&answer).unwrap_or_else(|| "401".into())
            ),
            403 => format!(
                "{email} may not use the API ({}): it needs an agent or admin role",
                explain(&answer).unwrap_or_else(|| "403".into())
            ),
            404 => format!(
                "there is no Zendesk account at {base}: check the subdomain ({})",
                connection.setting("subdomain").unwrap_or_default()
            ),
            _ => classify(KIND, &answer, explain(&answer)).error,
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
        let requester = match progress.get("requester") {
            Some(id) => id.parse().ok(),
            None => {
                let id = self.requester(http, connection, &base, escalation).await?;
                progress.set("requester", id.map(|id| id.to_string()).unwrap_or_default());
                id
            }
        };
        let ticket = match progress.get("ticket") {
            Some(id) => id.to_string(),
            None => {
                let body = Self::ticket_body(connection, escalation, requester)?;
                let id = create_once(
                    progress,
                    "ticket",
                    Lookup::Direct,
                    async {
                        self.find(http, connection, &base, &escalation.handoff)
                            .await
                    },
                    async {
                        let request = client.post(format!("{base}/api/v2/tickets")).json(&body);
                        http.fetch(KIND, authorized(connection, request)?).await
                    },
                    |answer| created(answer, |ticket: TicketEnvelope| ticket.ticket.id),
                )
                .await?;
                progress.set("ticket", id.to_string());
                id.to_string()
            }
        };
        let delivered = Delivered {
            url: Some(format!("{base}/agent/tickets/{ticket}")),
            id: ticket.clone(),
        };
        progress.made(&delivered);
        // One private comment per piece of the note; the first keeps the
        // step name deliveries queued before notes were cut still use.
        for (index, piece) in escalation.agent_note_pieces(NOTE_BYTES).iter().enumerate() {
            let step = match index {
                0 => "note".to_string(),
                _ => format!("note-{}", index + 1),
            };
            if progress.get(&step).is_some() {
                continue;
            }
            let note = json!({"ticket": {"comment": {"body": piece, "public": false}}});
            let mark = escalation.piece_mark(piece);
            create_once(
                progress,
                &step,
                Lookup::Direct,
                self.noted(http, connection, &base, &ticket, &mark),
                async {
                    let request = client
                        .put(format!("{base}/api/v2/tickets/{ticket}"))
                        .json(&note);
                    http.fetch(KIND, authorized(connection, request)?).await
                },
                |answer| created(answer, |ticket: TicketEnvelope| ticket.ticket.id).map(|_| ()),
            )
            .await?;
            progress.set(&step, "added");
        }
        Ok(delivered)
    }

    fn verify(
        &self,
        connection: &Connection,
        webhook: &InboundWebhook<'_>,
        now: Timestamp,
    ) -> Result<Verified, WebhookError> {
        let secret = connection.webhook_key("webhook-secret")?;
        let timestamp = webhook.header(TIMESTAMP_HEADER).ok_or_else(|| {
            WebhookError::Unauthenticated(format!(
                "the request is not signed: no {TIMESTAMP_HEADER} header"
            ))
        })?;
        let expected = hmac_sha256_base64(secret.as_bytes(), &[timestamp.as_bytes(), webhook.body]);
        let signature = webhook.header(SIGNATURE_HEADER);
        check_header(signature, &expected, SIGNATURE_HEADER)?;
        let signed_at: Timestamp = timestamp.trim().parse().map_err(|_| {
            // `9999-12-31T23:59:59Z` is RFC 3339, only past the time line.
            WebhookError::Unauthenticated(match crate::api::instant::out_of_range(timestamp) {
                Some(why) => format!("{TIMESTAMP_HEADER}: {why}"),
                None => format!("{TIMESTAMP_HEADER} is not an RFC 3339 time: {timestamp}"),
            })
        })?;
        if (now - WEBHOOK_WINDOW) > signed_at || signed_at > (now + WEBHOOK_WINDOW) {
            return Err(WebhookError::Unauthenticated(format!(
                "the signature was made at {signed_at}, more than 5 minutes from now: a replay \
                 or a clock far off"
            )));
        }
        Ok(Verified {
            replay_key: format!("{timestamp} {}", signature.unwrap_or_default()),
            // A request signed up to a window ahead was received at least a
            // window before its signature expires: after two windows no
            // copy of it passes the time check, and its receipt can go.
            forget_before: Some(now - WEBHOOK_WINDOW - WEBHOOK_WINDOW),
        })
    }

    fn events(&self, webhook: &InboundWebhook<'_>) -> Result<Vec<ExternalEvent>, WebhookError> {
        let body: Value = serde_json::from_slice(webhook.body)
            .map_err(|error| WebhookError::Malformed(format!("the body is not JSON: {error}")))?;
        // A trigger's webhook with the body docs/integrations/zendesk.md gives, or an
        // event subscription's `zen:event-type:ticket.*` event.
        // The time is Zendesk's: the event's `time`, or the ticket's
        // `updated_at` the trigger's body carries.
        let (id, status, assignee, occurred_at) = if let Some(detail) = body.get("detail") {
            let status = body["event"]["current"]
                .as_str()
                .or_else(|| detail["status"].as_str());
            (
                text_or_number(&detail["id"]),
                status,
                detail["assignee_id"].clone(),
                event_time(&body["time"], EventClock::Text, "time"),
            )
        } else {
            (
                text_or_number(&body["ticket_id"]),
                body["status"].as_str(),
                body["assignee_id"].clone(),
                event_time(&body["updated_at"], EventClock::Text, "updated_at"),
            )
        };
        let id = id.ok_or_else(|| {
            WebhookError::Malformed("the body has no ticket id (ticket_id or detail.id)".into())
        })?;
        let assigned = match &assignee {
            Value::Null => false,
            Value::String(text) => !text.is_empty(),
            _ => true,
        };
        let status = match status.map(str::to_ascii_lowercase).as_deref() {
            Some("solved" | "closed") => ExternalStatus::Resolved,
            Some("new" | "open" | "pending" | "hold") if assigned => ExternalStatus::Assigned,
            Some("new" | "open" | "pending" | "hold") => ExternalStatus::Created,
            Some(other) => {
                return Err(WebhookError::Malformed(format!(
                    "unknown ticket status '{other}'"
                )));
            }
            None => return Err(WebhookError::Malformed("the body has no status".into())),
        };
        Ok(vec![ExternalEvent {
            id,
            status,
            occurred_at,
        }])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn priorities_map_to_zendesks_values() {
        let mapped: Vec<String> = [
            Priority::Low,
            Priority::Medium,
            Priority::High,
            Priority::Urgent,
        ]
        .into_iter()
        .map(priority)
        .collect();
        assert_eq!(mapped, ["low", "normal", "high", "urgent"]);
    }

    #[test]
    fn error_bodies_are_read_with_their_details() {
        let answer = Answer {
            status: http::StatusCode::UNPROCESSABLE_ENTITY,
            headers: Default::default(),
            body: bytes::Bytes::from_static(
                br#"{"error":"RecordInvalid","description":"Record validation errors","details":{"requester":[{"description":"Requester: Email is invalid","error":"InvalidValue"}]}}"#,
            ),
        };
        assert_eq!(
            explain(&answer).unwrap(),
            "RecordInvalid: Record validation errors (Requester: Email is invalid)"
        );
    }

    fn webhook(body: &str) -> Result<Vec<ExternalEvent>, WebhookError> {
        let headers = http::HeaderMap::new();
        Zendesk.events(&InboundWebhook {
            headers: &headers,
            query: None,
            body: body.as_bytes(),
        })
    }

    #[test]
    fn trigger_and_event_bodies_are_read() {
        assert_eq!(
            webhook(r#"{"ticket_id":"35","status":"Solved"}"#).unwrap(),
            [ExternalEvent {
                id: "35".into(),
                status: ExternalStatus::Resolved,
                occurred_at: None,
            }]
        );
        assert_eq!(
            webhook(r#"{"ticket_id":35,"status":"open","assignee_id":"9"}"#).unwrap()[0].status,
            ExternalStatus::Assigned
        );
        assert_eq!(
            webhook(
                r#"{"type":"zen:event-type:ticket.status_changed","detail":{"id":"7","status":"OPEN"},"event":{"current":"SOLVED","previous":"OPEN"}}"#
            )
            .unwrap()[0],
            ExternalEvent {
                id: "7".into(),
                status: ExternalStatus::Resolved,
                occurred_at: None,
            }
        );
        assert!(matches!(webhook("{}"), Err(WebhookError::Malformed(_))));
        assert!(matches!(
            webhook(r#"{"ticket_id":"1","status":"exploded"}"#),
            Err(WebhookError::Malformed(_))
        ));
    }

    #[test]
    fn the_time_is_zendesks_own() {
        let at = |text: &str| Some(text.parse::<Timestamp>().unwrap());
        // A trigger's `{{ticket.updated_at_with_timestamp}}`, to the minute.
        let trigger =
            webhook(r#"{"ticket_id":"35","status":"open","updated_at":"2027-01-15T09:05Z"}"#)
                .unwrap();
        assert_eq!(trigger[0].occurred_at, at("2027-01-15T09:05:00Z"));
        // An event's `time`, to the nanosecond, kept to the microsecond.
        let event = webhook(
            r#"{"type":"zen:event-type:ticket.status_changed","time":"2027-01-15T09:05:18.030024021Z","detail":{"id":"7","updated_at":"2020-01-01T00:00:00Z"},"event":{"current":"SOLVED"}}"#,
        )
        .unwrap();
        assert_eq!(event[0].occurred_at, at("2027-01-15T09:05:18.030024Z"));
        // Unreadable: applied as one without a time, not refused.
        let unreadable =
            webhook(r#"{"ticket_id":"35","status":"open","updated_at":"May 18, 2014"}"#).unwrap();
        assert_eq!(unreadable[0].occurred_at, None);
    }
}
