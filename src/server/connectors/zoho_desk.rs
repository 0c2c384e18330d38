//! Zoho Desk: a ticket with a private comment, OAuth access tokens refreshed
//! in the account's data centre, webhooks authenticated by a token in their
//! URL (Zoho Desk does not sign them).
//! See ../shared/reference/platform-apis.md §6 and docs/integrations/zoho-desk.md.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use std::time::{Duration, Instant};

use http::StatusCode;
use jiff::{SignedDuration, Timestamp};
use serde_json::{Value, json};

use super::http::classify;
use super::signing::{body_digest, same};
use super::{
    Answer, Connection, Connector, Delivered, Escalation, ExternalEvent, Http, InboundWebhook,
    Progress, Verified, WebhookError, failed, html_paragraphs, passed, text_or_number, warning,
};
use crate::api::{ExternalStatus, IntegrationKind, Priority, TestCheck};
use crate::server::delivery::Failure;

const KIND: IntegrationKind = IntegrationKind::ZohoDesk;
/// How long before its end a cached access token is refreshed anyway.
const TOKEN_MARGIN: Duration = Duration::from_secs(60);
/// How far before the handoff was accepted a ticket found by the duplicate
/// guard may have been made (clocks differ).
const CLOCK_SLACK: SignedDuration = SignedDuration::from_mins(5);

pub struct ZohoDesk;

/// Zoho Desk's default priorities: Low, Medium, High (no Urgent).
pub fn priority(priority: Priority) -> String {
    match priority {
        Priority::Low => "Low",
        Priority::Medium => "Medium",
        Priority::High | Priority::Urgent => "High",
    }
    .to_string()
}

/// Where a connection's calls go: the Desk API, and the OAuth token call in
/// the same data centre. A base URL override serves both (the token call at
/// `{base}/oauth/v2/token`).
struct Hosts {
    desk: String,
    token_url: String,
}

fn hosts(connection: &Connection) -> Result<Hosts, Failure> {
    if let Some(base) = &connection.base_url {
        let desk = base.trim_end_matches('/').to_string();
        let token_url = format!("{desk}/oauth/v2/token");
        return Ok(Hosts { desk, token_url });
    }
    let (desk, accounts) = match connection.required("data-center")? {
        "ca" => (
            "desk.zohocloud.ca".to_string(),
            "accounts.zohocloud.ca".to_string(),
        ),
        dc => (format!("desk.zoho.{dc}"), format!("accounts.zoho.{dc}")),
    };
    Ok(Hosts {
        desk: format!("https://{desk}"),
        token_url: format!("https://{accounts}/oauth/v2/token"),
    })
}

/// Access tokens live an hour: they are kept in memory (never stored, never
/// shown) by token URL and client credentials, so a delivery does not make a
/// token call per attempt.
static TOKENS: LazyLock<Mutex<HashMap<String, (String, Instant)>>> =
    LazyLock::new(Default::default);

fn cache_key(token_url: &str, client_id: &str, secret: &str, refresh: &str) -> String {
    body_digest(format!("{token_url}\n{client_id}\n{secret}\n{refresh}").as_bytes())
}

/// Zoho Desk's error bodies: `{"errorCode": "INVALID_DATA", "message": "…",
/// "errors": [{"fieldName": "/departmentId", "errorType": "invalid",
/// "errorMessage": "…"}]}`.
fn explain(answer: &Answer) -> Option<String> {
    let body = answer.value();
    let head = [body["errorCode"].as_str(), body["message"].as_str()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(": ");
    let errors: Vec<String> = body["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .filter_map(|error| {
                    let field = error["fieldName"].as_str().unwrap_or_default();
                    let field = field.trim_start_matches('/');
                    let what = error["errorMessage"]
                        .as_str()
                        .or_else(|| error["errorType"].as_str())?;
                    Some(if field.is_empty() {
                        what.to_string()
                    } else {
                        format!("{field}: {what}")
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let mut text = head;
    if !errors.is_empty() {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&format!("({})", errors.join("; ")));
    }
    (!text.is_empty()).then_some(text)
}

fn error_code(answer: &Answer) -> String {
    answer.value()["errorCode"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// An access token and whether it came from the cache (then a 401 may only
/// mean it was revoked early, and a fresh one is worth one more try).
struct Token {
    value: String,
    cached: bool,
}

/// Calls to one connection's Desk with a valid access token.
struct Session<'a> {
    http: &'a Http,
    connection: &'a Connection,
    hosts: Hosts,
    token: Token,
}

impl<'a> Session<'a> {
    async fn open(http: &'a Http, connection: &'a Connection) -> Result<Session<'a>, Failure> {
        let hosts = hosts(connection)?;
        let token = access_token(http, connection, &hosts, true).await?;
        Ok(Session {
            http,
            connection,
            hosts,
            token,
        })
    }

    /// Sends the request `build` makes (from the client and the Desk base
    /// URL) with the token and, when `scoped`, the orgId header; whatever the
    /// answer's status.
    async fn fetch(
        &mut self,
        scoped: bool,
        build: impl Fn(&reqwest::Client, &str) -> reqwest::RequestBuilder,
    ) -> Result<Answer, Failure> {
        let client = self.http.client().await?;
        let org = self.connection.required("org-id")?;
        let request = |token: &str| {
            let request = build(client, &self.hosts.desk)
                .header("authorization", format!("Zoho-oauthtoken {token}"));
            if scoped {
                request.header("orgId", org)
            } else {
                request
            }
        };
        let answer = self.http.fetch(KIND, request(&self.token.value)).await?;
        if answer.status != StatusCode::UNAUTHORIZED || !self.token.cached {
            return Ok(answer);
        }
        self.token = access_token(self.http, self.connection, &self.hosts, false).await?;
        self.http.fetch(KIND, request(&self.token.value)).await
    }

    /// As [`Session::fetch`] with the orgId header; only a success is an answer.
    async fn send(
        &mut self,
        build: impl Fn(&reqwest::Client, &str) -> reqwest::RequestBuilder,
    ) -> Result<Answer, Failure> {
        let answer = self.fetch(true, build).await?;
        if answer.status.is_success() {
            Ok(answer)
        } else {
            Err(classify(KIND, &answer, explain(&answer)))
        }
    }
}

/// An access token for `connection`: the cached one while it lives (when
/// `cached` allows), else a new one from the refresh token. Zoho answers a
/// failed refresh with HTTP 200 and `{"error": "…"}`, so the body decides.
async fn access_token(
    http: &Http,
    connection: &Connection,
    hosts: &Hosts,
    cached: bool,
) -> Result<Token, Failure> {
    let client_id = connection.required("client-id")?;
    let client_secret = connection.required("client-secret")?;
    let refresh_token = connection.required("refresh-token")?;
    let key = cache_key(&hosts.token_url, client_id, client_secret, refresh_token);
    {
        let mut tokens = TOKENS.lock().expect("token cache lock");
        match tokens.get(&key) {
            Some((value, until)) if cached && *until > Instant::now() => {
                return Ok(Token {
                    value: value.clone(),
                    cached: true,
                });
            }
            _ => {
                tokens.remove(&key);
            }
        }
    }
    let request = http.client().await?.post(&hosts.token_url).query(&[
        ("refresh_token", refresh_token),
        ("client_id", client_id),
        ("client_secret", client_secret),
        ("grant_type", "refresh_token"),
    ]);
    let answer = http.fetch(KIND, request).await?;
    let body = answer.value();
    if answer.status.is_success()
        && let Some(token) = body["access_token"].as_str().filter(|t| !t.is_empty())
    {
        let lifetime = Duration::from_secs(body["expires_in"].as_u64().unwrap_or(3600));
        let until = Instant::now() + lifetime.saturating_sub(TOKEN_MARGIN);
        TOKENS
            .lock()
            .expect("token cache lock")
            .insert(key, (token.to_string(), until));
        return Ok(Token {
            value: token.to_string(),
            cached: false,
        });
    }
    if answer.status == StatusCode::TOO_MANY_REQUESTS || answer.status.is_server_error() {
        return Err(classify(KIND, &answer, None));
    }
    let dc = connection.setting("data-center").unwrap_or("com");
    let error = body["error"].as_str().unwrap_or_default();
    Err(Failure::permanent(match error {
        "invalid_client" => format!(
            "Zoho refused the OAuth client (invalid_client): check client-id and client-secret, \
             and that the client was made in the Zoho API Console of the '{dc}' data centre \
             (a client from another data centre is unknown here)"
        ),
        "invalid_code" => format!(
            "Zoho refused the refresh token (invalid_code): it is wrong, revoked, or was issued \
             in another data centre than '{dc}'; generate a new one for this client"
        ),
        "" => format!(
            "Zoho's token call answered {} without an access token: {}",
            answer.status,
            super::http::excerpt(&answer.body)
        ),
        other => format!("Zoho refused to refresh the access token: {other}"),
    }))
}

impl ZohoDesk {
    /// The ticket an earlier attempt made: Zoho Desk has no external-id
    /// field, so the guard searches the requester's tickets with this subject
    /// and takes one made since the handoff was accepted.
    async fn find(
        &self,
        session: &mut Session<'_>,
        escalation: &Escalation,
    ) -> Result<Option<(String, Option<String>)>, Failure> {
        let mut query = vec![
            ("subject", escalation.subject.clone()),
            ("limit", "10".to_string()),
        ];
        if let Some(email) = &escalation.requester.email {
            query.push(("email", email.clone()));
        }
        let answer = session
            .send(|client, base| {
                client
                    .get(format!("{base}/api/v1/tickets/search"))
                    .query(&query)
            })
            .await?;
        // No match is 204 No Content.
        if answer.status == StatusCode::NO_CONTENT || answer.body.is_empty() {
            return Ok(None);
        }
        let found: Value = answer.json(KIND)?;
        let since = escalation.created_at - CLOCK_SLACK;
        let ticket = found["data"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|ticket| {
                ticket["subject"].as_str() == Some(escalation.subject.as_str())
                    && ticket["createdTime"]
                        .as_str()
                        .and_then(|time| time.parse::<Timestamp>().ok())
                        .is_some_and(|created| created >= since)
            });
        Ok(ticket.and_then(|ticket| {
            let id = text_or_number(&ticket["id"])?;
            Some((id, ticket["webUrl"].as_str().map(str::to_string)))
        }))
    }

    fn ticket_body(connection: &Connection, escalation: &Escalation) -> Result<Value, Failure> {
        let mut contact = json!({ "lastName": escalation.requester_name() });
        if let Some(email) = &escalation.requester.email {
            contact["email"] = json!(email);
        }
        let mut ticket = json!({
            "subject": escalation.subject,
            "departmentId": connection.required("department-id")?,
            "contact": contact,
            "description": html_paragraphs(&escalation.summary),
            "priority": connection.priority(escalation.priority, priority),
            "channel": "Chat",
        });
        if let Some(custom) = connection.mapped_object(&escalation.fields) {
            ticket["cf"] = custom;
        }
        Ok(ticket)
    }
}

impl Connector for ZohoDesk {
    async fn test(&self, http: &Http, connection: &Connection) -> Vec<TestCheck> {
        let mut session = match Session::open(http, connection).await {
            Ok(session) => session,
            Err(failure) if failure.permanent => return vec![failed("credentials", failure.error)],
            Err(failure) => return vec![failed("reachable", failure.error)],
        };
        let mut checks = vec![passed(
            "credentials",
            format!(
                "refreshed an access token at {}",
                session.hosts.token_url.trim_end_matches("/oauth/v2/token")
            ),
        )];
        let org = connection.setting("org-id").unwrap_or_default().to_string();
        let organizations = match session
            .fetch(false, |client, base| {
                client.get(format!("{base}/api/v1/organizations"))
            })
            .await
        {
            Ok(answer) => answer,
            Err(failure) => {
                checks.push(failed("reachable", failure.error));
                return checks;
            }
        };
        let said = |answer: &Answer| explain(answer).unwrap_or_else(|| answer.status.to_string());
        match organizations.status.as_u16() {
            200 => {
                let body = organizations.value();
                let seen: Vec<(String, String)> = body["data"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|org| {
                        let id = text_or_number(&org["id"])?;
                        let name = org["companyName"].as_str().unwrap_or_default().to_string();
                        Some((id, name))
                    })
                    .collect();
                if let Some((_, name)) = seen.iter().find(|(id, _)| *id == org) {
                    checks.push(passed("organization", format!("{name} ({org})")));
                } else {
                    let listed = seen
                        .iter()
                        .map(|(id, name)| format!("{id} ({name})"))
                        .collect::<Vec<_>>()
                        .join(", ");
                    checks.push(failed(
                        "organization",
                        format!(
                            "the token's user is not in organization {org}; it can use: {}",
                            if listed.is_empty() { "none" } else { &listed }
                        ),
                    ));
                    return checks;
                }
            }
            401 if error_code(&organizations) == "SCOPE_MISMATCH" => {
                checks.push(failed(
                    "permission",
                    format!(
                        "the refresh token lacks a scope ({}): make one with Desk.tickets.ALL, \
                         Desk.basic.READ and Desk.search.READ",
                        said(&organizations)
                    ),
                ));
                return checks;
            }
            404 => {
                checks.push(failed(
                    "reachable",
                    format!(
                        "there is no Zoho Desk API at {}: check the data centre ({})",
                        session.hosts.desk,
                        said(&organizations)
                    ),
                ));
                return checks;
            }
            _ => {
                checks.push(failed(
                    "credentials",
                    format!(
                        "Zoho Desk refused the access token: {}",
                        said(&organizations)
                    ),
                ));
                return checks;
            }
        }
        let department = connection
            .setting("department-id")
            .unwrap_or_default()
            .to_string();
        let answer = match session
            .fetch(true, |client, base| {
                client.get(format!("{base}/api/v1/departments/{department}"))
            })
            .await
        {
            Ok(answer) => answer,
            Err(failure) => {
                checks.push(failed("reachable", failure.error));
                return checks;
            }
        };
        checks.push(
            match (answer.status.as_u16(), error_code(&answer).as_str()) {
                (200, _) => {
                    let body = answer.value();
                    let name = body["name"].as_str().unwrap_or_default();
                    if body["isEnabled"] == json!(false) {
                        warning(
                            "department",
                            format!("{name} ({department}) is disabled: tickets cannot go to it"),
                        )
                    } else {
                        passed("department", format!("{name} ({department})"))
                    }
                }
                (_, "OAUTH_ORG_MISMATCH") => failed(
                    "organization",
                    format!(
                        "the token is not valid for organization {org} ({}): check org-id",
                        said(&answer)
                    ),
                ),
                (_, "SCOPE_MISMATCH") => failed(
                    "permission",
                    format!(
                        "the refresh token may not read departments ({}): it needs Desk.basic.READ",
                        said(&answer)
                    ),
                ),
                (403, _) => failed(
                    "permission",
                    format!(
                        "the token's user may not read departments ({})",
                        said(&answer)
                    ),
                ),
                (404 | 422, _) => failed(
                    "department",
                    format!(
                        "there is no department {department} in organization {org} ({}): check \
                     department-id",
                        said(&answer)
                    ),
                ),
                _ => failed(
                    "department",
                    classify(KIND, &answer, explain(&answer)).error,
                ),
            },
        );
        checks
    }

    async fn deliver(
        &self,
        http: &Http,
        connection: &Connection,
        escalation: &Escalation,
        progress: &mut Progress,
    ) -> Result<Delivered, Failure> {
        let mut session = Session::open(http, connection).await?;
        if progress.get("ticket").is_none() {
            let found = if progress.may_have_made("ticket") {
                self.find(&mut session, escalation).await?
            } else {
                None
            };
            let (id, url) = match found {
                Some(found) => found,
                None => {
                    let body = Self::ticket_body(connection, escalation)?;
                    progress.sending("ticket");
                    let answer = session
                        .fetch(true, |client, base| {
                            client.post(format!("{base}/api/v1/tickets")).json(&body)
                        })
                        .await?;
                    progress.answered("ticket", answer.status);
                    if !answer.status.is_success() {
                        return Err(classify(KIND, &answer, explain(&answer)));
                    }
                    let created: Value = answer.json(KIND)?;
                    let id = text_or_number(&created["id"]).ok_or_else(|| {
                        Failure::permanent(
                            "Zoho Desk made the ticket but did not say its id; look for it \
                             before retrying",
                        )
                    })?;
                    (id, created["webUrl"].as_str().map(str::to_string))
                }
            };
            progress.set("ticket", &id);
            if let Some(url) = url {
                progress.set("url", url);
            }
        }
        let ticket = progress.get("ticket").unwrap_or_default().to_string();
        if progress.get("comment").is_none() {
            let comment = json!({
                "content": escalation.note_text(),
                "isPublic": false,
                "contentType": "plainText",
            });
            session
                .send(|client, base| {
                    client
                        .post(format!("{base}/api/v1/tickets/{ticket}/comments"))
                        .json(&comment)
                })
                .await?;
            progress.set("comment", "added");
        }
        Ok(Delivered {
            url: progress.get("url").map(str::to_string),
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
        match webhook.query_param("token") {
            None => Err(WebhookError::Unauthenticated(
                "the request is not authenticated: the URL has no ?token=".into(),
            )),
            Some(given) if same(&given, token) => Ok(Verified {
                // The token is the same on every request; the events carry
                // their own times, so the body tells one delivery from another.
                replay_key: body_digest(webhook.body),
            }),
            Some(_) => Err(WebhookError::Unauthenticated(
                "the URL's token is not the webhook token".into(),
            )),
        }
    }

    fn events(&self, webhook: &InboundWebhook<'_>) -> Result<Vec<ExternalEvent>, WebhookError> {
        let body: Value = serde_json::from_slice(webhook.body)
            .map_err(|error| WebhookError::Malformed(format!("the body is not JSON: {error}")))?;
        let items = match body {
            Value::Array(items) => items,
            item @ Value::Object(_) => vec![item],
            _ => {
                return Err(WebhookError::Malformed(
                    "the body is not a list of events".into(),
                ));
            }
        };
        let mut events = Vec::new();
        for item in &items {
            // Comment and thread events are about a ticket, not its state.
            if !matches!(
                item["eventType"].as_str(),
                Some("Ticket_Add" | "Ticket_Update")
            ) {
                continue;
            }
            let ticket = &item["payload"];
            let id = text_or_number(&ticket["id"]).ok_or_else(|| {
                WebhookError::Malformed("a ticket event has no payload.id".into())
            })?;
            let state = ticket["statusType"]
                .as_str()
                .or_else(|| ticket["status"].as_str())
                .ok_or_else(|| {
                    WebhookError::Malformed(format!("the event for ticket {id} has no status"))
                })?;
            let assigned = text_or_number(&ticket["assigneeId"]).is_some();
            let status = if state.eq_ignore_ascii_case("closed") {
                ExternalStatus::Resolved
            } else if assigned {
                ExternalStatus::Assigned
            } else {
                ExternalStatus::Created
            };
            events.push(ExternalEvent { id, status });
        }
        Ok(events)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn priorities_map_to_zohos_defaults() {
        let mapped: Vec<String> = [
            Priority::Low,
            Priority::Medium,
            Priority::High,
            Priority::Urgent,
        ]
        .into_iter()
        .map(priority)
        .collect();
        assert_eq!(mapped, ["Low", "Medium", "High", "High"]);
    }

    #[test]
    fn error_bodies_are_read_with_each_field() {
        let answer = Answer {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            headers: Default::default(),
            body: bytes::Bytes::from_static(
                br#"{"errorCode":"INVALID_DATA","message":"The data is invalid due to validation restrictions","errors":[{"fieldName":"/departmentId","errorType":"invalid","errorMessage":"The department is not available"}]}"#,
            ),
        };
        assert_eq!(
            explain(&answer).unwrap(),
            "INVALID_DATA: The data is invalid due to validation restrictions (departmentId: \
             The department is not available)"
        );
        assert_eq!(error_code(&answer), "INVALID_DATA");
    }

    fn connection(dc: &str, base_url: Option<&str>) -> Connection {
        Connection {
            kind: KIND,
            settings: [("data-center".to_string(), dc.to_string())].into(),
            secrets: Default::default(),
            base_url: base_url.map(str::to_string),
            fields: Default::default(),
            priorities: Default::default(),
        }
    }

    #[test]
    fn the_token_call_goes_to_the_same_data_centre() {
        let eu = hosts(&connection("eu", None)).unwrap();
        assert_eq!(eu.desk, "https://desk.zoho.eu");
        assert_eq!(eu.token_url, "https://accounts.zoho.eu/oauth/v2/token");
        let ca = hosts(&connection("ca", None)).unwrap();
        assert_eq!(ca.desk, "https://desk.zohocloud.ca");
        assert_eq!(ca.token_url, "https://accounts.zohocloud.ca/oauth/v2/token");
        let fake = hosts(&connection("eu", Some("http://127.0.0.1:9/"))).unwrap();
        assert_eq!(fake.desk, "http://127.0.0.1:9");
        assert_eq!(fake.token_url, "http://127.0.0.1:9/oauth/v2/token");
    }

    fn webhook(body: &str) -> Result<Vec<ExternalEvent>, WebhookError> {
        let headers = http::HeaderMap::new();
        ZohoDesk.events(&InboundWebhook {
            headers: &headers,
            query: None,
            body: body.as_bytes(),
        })
    }

    #[test]
    fn event_lists_are_read() {
        let events = webhook(
            r#"[{"eventType":"Ticket_Update","orgId":"7","eventTime":"1700000000000","payload":{"id":"501","status":"Closed","statusType":"Closed","assigneeId":"9"}},
                {"eventType":"Ticket_Comment_Add","payload":{"ticketId":"501"}},
                {"eventType":"Ticket_Update","payload":{"id":"502","status":"Escalated","statusType":"Open","assigneeId":"9"}},
                {"eventType":"Ticket_Add","payload":{"id":503,"status":"Open","assigneeId":null}}]"#,
        )
        .unwrap();
        let event = |id: &str, status| ExternalEvent {
            id: id.into(),
            status,
        };
        assert_eq!(
            events,
            [
                event("501", ExternalStatus::Resolved),
                event("502", ExternalStatus::Assigned),
                event("503", ExternalStatus::Created),
            ]
        );
        assert!(matches!(
            webhook(r#"[{"eventType":"Ticket_Update","payload":{"status":"Open"}}]"#),
            Err(WebhookError::Malformed(_))
        ));
        assert!(matches!(
            webhook(r#"[{"eventType":"Ticket_Update","payload":{"id":"1"}}]"#),
            Err(WebhookError::Malformed(_))
        ));
        assert!(matches!(
            webhook("\"hello\""),
            Err(WebhookError::Malformed(_))
        ));
    }
}
