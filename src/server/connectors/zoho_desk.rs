//! Zoho Desk: a ticket with the customer's words as its description, the
//! handoff id in a custom field and the agents' note as a private comment
//! (a customer without an email tied to their contact by external id, when a
//! contact field keeps it); OAuth access tokens refreshed
//! in the account's data centre, webhooks authenticated by a token in their
//! URL (Zoho Desk does not sign them).
//! See ../shared/reference/platform-apis.md §6 and docs/integrations/zoho-desk.md.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use std::time::{Duration, Instant};

use http::StatusCode;
use jiff::Timestamp;
use serde_json::{Value, json};

use super::http::{classify, unreadable};
use super::signing::{body_digest, canonical_key, event_key, same};
use super::{
    Answer, Connection, Connector, Delivered, Escalation, EventClock, ExternalEvent, Http,
    InboundWebhook, Lookup, Progress, Verified, WebhookError, create_once, event_time, failed,
    html_paragraphs, passed, text_or_number, warning,
};
use crate::api::{ExternalStatus, IntegrationKind, Priority, TestCheck};
use crate::net::Failure;

const KIND: IntegrationKind = IntegrationKind::ZohoDesk;
/// Zoho Desk's limit on a ticket's subject.
const SUBJECT_CHARS: usize = 255;
/// How long before its end a cached access token is refreshed anyway.
const TOKEN_MARGIN: Duration = Duration::from_secs(60);

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
#[derive(Clone)]
struct Token {
    value: String,
    cached: bool,
}

/// Calls to one connection's Desk with a valid access token.
struct Session<'a> {
    http: &'a Http,
    connection: &'a Connection,
    hosts: Hosts,
    /// Renewed in place when Zoho refuses a cached one; never held across a call.
    token: Mutex<Token>,
}

impl<'a> Session<'a> {
    async fn open(http: &'a Http, connection: &'a Connection) -> Result<Session<'a>, Failure> {
        let hosts = hosts(connection)?;
        let token = access_token(http, connection, &hosts, true).await?;
        Ok(Session {
            http,
            connection,
            hosts,
            token: Mutex::new(token),
        })
    }

    fn token(&self) -> Token {
        self.token.lock().expect("session token lock").clone()
    }

    /// Sends the request `build` makes (from the client and the Desk base
    /// URL) with the token and, when `scoped`, the orgId header; whatever the
    /// answer's status.
    async fn fetch(
        &self,
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
        let token = self.token();
        let answer = self.http.fetch(KIND, request(&token.value)).await?;
        if answer.status != StatusCode::UNAUTHORIZED || !token.cached {
            return Ok(answer);
        }
        let fresh = access_token(self.http, self.connection, &self.hosts, false).await?;
        let value = fresh.value.clone();
        *self.token.lock().expect("session token lock") = fresh;
        self.http.fetch(KIND, request(&value)).await
    }

    /// As [`Session::fetch`] with the orgId header; only a success is an answer.
    async fn send(
        &self,
        build: impl Fn(&reqwest::Client, &str) -> reqwest::RequestBuilder,
    ) -> Result<Answer, Failure> {
        let answer = self.fetch(true, build).await?;
        answer.success(KIND, explain)?;
        Ok(answer)
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

/// The ticket field that keeps the handoff id, unless the connection names
/// another.
pub const HANDOFF_FIELD: &str = "cf_desk_handoff";
/// How many of the department's newest tickets the guard reads at once
/// (Zoho Desk's largest `limit`).
const GUARD_PAGE: usize = 100;
/// How many such pages the guard reads.
const GUARD_PAGES: usize = 10;
/// How long Zoho Desk's contact search may lag a new contact (undocumented;
/// a guess on the safe side).
const SEARCH_LAG: Duration = Duration::from_secs(60);

fn handoff_field(connection: &Connection) -> &str {
    connection.setting("handoff-field").unwrap_or(HANDOFF_FIELD)
}

/// A create's answer as the made record's id (and link), or the failure a
/// refusal means.
fn created(answer: &Answer) -> Result<(String, Option<String>), Failure> {
    let made: Value = answer.success(KIND, explain)?.json(KIND)?;
    let id = text_or_number(&made["id"])
        .ok_or_else(|| unreadable(KIND, answer, "without the id of what it made"))?;
    Ok((id, made["webUrl"].as_str().map(str::to_string)))
}

impl ZohoDesk {
    /// The ticket an earlier attempt made: among the department's newest
    /// tickets (the ticket list, newest first: the records themselves, not
    /// the search index), the one whose handoff field holds the handoff id.
    /// A retry may come hours after the create (backoff, a retry by hand), a
    /// busy department gets many tickets meanwhile: the list is read page
    /// after page, up to [`GUARD_PAGES`].
    async fn find(
        &self,
        session: &Session<'_>,
        escalation: &Escalation,
    ) -> Result<Option<(String, Option<String>)>, Failure> {
        let field = handoff_field(session.connection).to_string();
        let department = session.connection.required("department-id")?.to_string();
        let fields = format!("id,subject,webUrl,{field}");
        for page in 0..GUARD_PAGES {
            let from = (page * GUARD_PAGE).to_string();
            let limit = GUARD_PAGE.to_string();
            let answer = session
                .send(|client, base| {
                    client.get(format!("{base}/api/v1/tickets")).query(&[
                        ("departmentId", department.as_str()),
                        ("sortBy", "-createdTime"),
                        ("from", from.as_str()),
                        ("limit", limit.as_str()),
                        ("fields", fields.as_str()),
                    ])
                })
                .await?;
            if answer.status == StatusCode::NO_CONTENT || answer.body.is_empty() {
                return Ok(None);
            }
            let listed: Value = answer.json(KIND)?;
            let tickets = listed["data"]
                .as_array()
                .ok_or_else(|| unreadable(KIND, &answer, "without its data list"))?;
            let ticket = tickets.iter().find(|ticket| {
                // Asked-for custom fields come under `cf`, or beside the others.
                let value = ticket["cf"].get(&field).unwrap_or(&ticket[&field]);
                value.as_str() == Some(escalation.handoff.as_str())
            });
            if let Some(ticket) = ticket {
                return Ok(text_or_number(&ticket["id"])
                    .map(|id| (id, ticket["webUrl"].as_str().map(str::to_string))));
            }
            if tickets.len() < GUARD_PAGE {
                break;
            }
        }
        Ok(None)
    }

    /// The contact of a customer without an email, tied by external id: the
    /// contact whose `contact-id-field` holds it, else a new one that keeps
    /// it. None when the customer has an email (Zoho Desk finds or makes the
    /// contact by it) or nothing to tie by.
    async fn contact(
        &self,
        session: &Session<'_>,
        escalation: &Escalation,
        progress: &mut Progress,
    ) -> Result<Option<String>, Failure> {
        let requester = &escalation.requester;
        let (None, Some(external_id), Some(field)) = (
            &requester.email,
            &requester.external_id,
            session.connection.setting("contact-id-field"),
        ) else {
            return Ok(None);
        };
        let field = field.to_string();
        let mut contact = json!({
            "lastName": escalation.requester_name(),
            "cf": {field.clone(): external_id},
        });
        if let Some(phone) = &requester.phone {
            contact["phone"] = json!(phone);
        }
        if let Some(found) = self.find_contact(session, &field, external_id).await? {
            return Ok(Some(found));
        }
        let (id, _) = create_once(
            progress,
            "contact",
            Lookup::Indexed(SEARCH_LAG),
            async {
                let found = self.find_contact(session, &field, external_id).await?;
                Ok(found.map(|id| (id, None)))
            },
            session.fetch(true, |client, base| {
                client
                    .post(format!("{base}/api/v1/contacts"))
                    .json(&contact)
            }),
            created,
        )
        .await?;
        Ok(Some(id))
    }

    /// The contact whose `field` holds `external_id` (Zoho Desk's contact
    /// search: an index, so a contact made moments ago may not show yet).
    async fn find_contact(
        &self,
        session: &Session<'_>,
        field: &str,
        external_id: &str,
    ) -> Result<Option<String>, Failure> {
        let filter = format!("{field}:{external_id}");
        let answer = session
            .send(|client, base| {
                client
                    .get(format!("{base}/api/v1/contacts/search"))
                    .query(&[("customField1", filter.as_str()), ("limit", "1")])
            })
            .await?;
        if answer.status == StatusCode::NO_CONTENT || answer.body.is_empty() {
            return Ok(None);
        }
        let found: Value = answer.json(KIND)?;
        Ok(found["data"]
            .get(0)
            .and_then(|contact| text_or_number(&contact["id"])))
    }

    /// The ticket: the customer's own words as its description (the contact
    /// sees it in the help centre), the requester with every identifier,
    /// mapped values and the handoff id in custom fields (`cf`).
    fn ticket_body(
        connection: &Connection,
        escalation: &Escalation,
        contact: Option<&str>,
    ) -> Result<Value, Failure> {
        let requester = &escalation.requester;
        let mut ticket = json!({
            "subject": escalation.title(SUBJECT_CHARS),
            "departmentId": connection.required("department-id")?,
            "description": html_paragraphs(&escalation.customer_words()),
            "priority": connection.priority(escalation.priority, priority),
            "channel": "Chat",
        });
        match contact {
            Some(id) => ticket["contactId"] = json!(id),
            None => {
                let mut contact = json!({ "lastName": escalation.requester_name() });
                for (key, value) in [("email", &requester.email), ("phone", &requester.phone)] {
                    if let Some(value) = value {
                        contact[key] = json!(value);
                    }
                }
                ticket["contact"] = contact;
            }
        }
        for (key, value) in [("email", &requester.email), ("phone", &requester.phone)] {
            if let Some(value) = value {
                ticket[key] = json!(value);
            }
        }
        let mut custom = connection
            .mapped_object(escalation)
            .unwrap_or_else(|| json!({}));
        custom[handoff_field(connection)] = json!(escalation.handoff);
        ticket["cf"] = custom;
        Ok(ticket)
    }

    /// Whether the ticket already has this handoff's comment: a private
    /// comment naming the handoff.
    async fn commented(
        &self,
        session: &Session<'_>,
        ticket: &str,
        escalation: &Escalation,
    ) -> Result<Option<()>, Failure> {
        let answer = session
            .send(|client, base| {
                client
                    .get(format!("{base}/api/v1/tickets/{ticket}/comments"))
                    .query(&[("limit", "100")])
            })
            .await?;
        if answer.status == StatusCode::NO_CONTENT || answer.body.is_empty() {
            return Ok(None);
        }
        let listed: Value = answer.json(KIND)?;
        let mark = escalation.mark();
        let found = listed["data"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|comment| {
                comment["isPublic"] == json!(false)
                    && comment["content"]
                        .as_str()
                        .is_some_and(|text| text.contains(&mark))
            });
        Ok(found.then_some(()))
    }
}

/// Whether `module` (tickets, contacts) has the custom field `field`, as
/// check `check` saying what it is for.
async fn field_check(
    session: &Session<'_>,
    module: &str,
    field: &str,
    check: &str,
    purpose: &str,
) -> TestCheck {
    let answer = match session
        .fetch(true, |client, base| {
            client
                .get(format!("{base}/api/v1/organizationFields"))
                .query(&[("module", module)])
        })
        .await
    {
        Ok(answer) => answer,
        Err(failure) => return failed(check, failure.error),
    };
    if matches!(answer.status.as_u16(), 401 | 403) {
        return warning(
            check,
            format!(
                "cannot read the {module} fields to check {field} ({}): give the refresh \
                 token Desk.settings.READ",
                explain(&answer).unwrap_or_else(|| answer.status.to_string())
            ),
        );
    }
    if !answer.status.is_success() {
        return failed(check, classify(KIND, &answer, explain(&answer)).error);
    }
    let listed = answer.value();
    let found = listed["data"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|spec| spec["apiName"].as_str() == Some(field));
    if found {
        passed(check, format!("{module} field {field} {purpose}"))
    } else {
        failed(
            check,
            format!(
                "there is no {module} field {field}: create a single-line text field (Setup > \
                 Customization > Layouts and Fields) and give its API name here; it {purpose}"
            ),
        )
    }
}

impl Connector for ZohoDesk {
    async fn test(&self, http: &Http, connection: &Connection) -> Vec<TestCheck> {
        let session = match Session::open(http, connection).await {
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
                         Desk.contacts.ALL, Desk.basic.READ, Desk.settings.READ and \
                         Desk.search.READ",
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
                // The refresh gave a token Zoho Desk refuses: the credentials
                // did not work after all, and say so once.
                return vec![failed(
                    "credentials",
                    format!(
                        "Zoho Desk refused the access token: {}",
                        said(&organizations)
                    ),
                )];
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
        let field = handoff_field(connection);
        checks.push(
            field_check(
                &session,
                "tickets",
                field,
                "handoff field",
                "keeps the handoff id",
            )
            .await,
        );
        if let Some(field) = connection.setting("contact-id-field") {
            checks.push(
                field_check(
                    &session,
                    "contacts",
                    field,
                    "contact id",
                    "ties customers without an email to their contact",
                )
                .await,
            );
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
        let session = Session::open(http, connection).await?;
        if progress.get("ticket").is_none() {
            let contact = match progress.get("contact") {
                Some(id) => Some(id.to_string()),
                None => self.contact(&session, escalation, progress).await?,
            };
            if let Some(contact) = &contact {
                progress.set("contact", contact);
            }
            let body = Self::ticket_body(connection, escalation, contact.as_deref())?;
            let (id, url) = create_once(
                progress,
                "ticket",
                Lookup::Direct,
                self.find(&session, escalation),
                async {
                    session
                        .fetch(true, |client, base| {
                            client.post(format!("{base}/api/v1/tickets")).json(&body)
                        })
                        .await
                },
                created,
            )
            .await?;
            progress.set("ticket", &id);
            if let Some(url) = url {
                progress.set("url", url);
            }
        }
        let ticket = progress.get("ticket").unwrap_or_default().to_string();
        let delivered = Delivered {
            url: progress.get("url").map(str::to_string),
            id: ticket.clone(),
        };
        progress.made(&delivered);
        if progress.get("comment").is_none() {
            let comment = json!({
                "content": escalation.agent_note(),
                "isPublic": false,
                "contentType": "plainText",
            });
            create_once(
                progress,
                "comment",
                Lookup::Direct,
                self.commented(&session, &ticket, escalation),
                async {
                    session
                        .fetch(true, |client, base| {
                            client
                                .post(format!("{base}/api/v1/tickets/{ticket}/comments"))
                                .json(&comment)
                        })
                        .await
                },
                |answer| created(answer).map(|_| ()),
            )
            .await?;
            progress.set("comment", "added");
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
        match webhook.query_param("token") {
            None => Err(WebhookError::Unauthenticated(
                "the request is not authenticated: the URL has no ?token=".into(),
            )),
            // The token is the same on every request; each event names its
            // type, ticket and time, which tell one delivery from another.
            Some(given) if same(&given, token) => Ok(Verified::kept(replay_key(webhook.body))),
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
            // Each event's `eventTime`, in milliseconds: Zoho's time.
            let occurred_at = event_time(&item["eventTime"], EventClock::UnixMillis, "eventTime");
            events.push(ExternalEvent {
                id,
                status,
                occurred_at,
            });
        }
        Ok(events)
    }
}

/// The events a body carries: each one's type, ticket and `eventTime`, in
/// order, whatever the bytes; a body without them keys by its canonical form.
fn replay_key(body: &[u8]) -> String {
    let items = match serde_json::from_slice::<Value>(body) {
        Ok(Value::Array(items)) => items,
        Ok(item @ Value::Object(_)) => vec![item],
        _ => return canonical_key(body),
    };
    let mut parts = Vec::new();
    for item in &items {
        let kind = item["eventType"].as_str().map(str::trim);
        let id = text_or_number(&item["payload"]["id"]);
        let at = text_or_number(&item["eventTime"]);
        match (kind, id, at) {
            (Some(kind), Some(id), Some(at)) => parts.push(format!("{kind} {id} {at}")),
            _ => return canonical_key(body),
        }
    }
    if parts.is_empty() {
        return canonical_key(body);
    }
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    event_key(&parts)
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
            occurred_at: None,
        };
        assert_eq!(
            events,
            [
                // `eventTime` is Zoho's time, in milliseconds.
                ExternalEvent {
                    occurred_at: Timestamp::from_millisecond(1_700_000_000_000).ok(),
                    ..event("501", ExternalStatus::Resolved)
                },
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
