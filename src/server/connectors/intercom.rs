//! Intercom: a contact, then a conversation opened by the customer's own last
//! message (or a ticket, with a ticket type), Desk's priority and team as
//! tags, mapped values as custom attributes, and the agents' note (details,
//! context, summary, transcript) as an admin note; Bearer token with a
//! pinned `Intercom-Version`; webhooks signed with `sha1=` HMAC-SHA1 of the
//! raw body. Every request follows Intercom's own OpenAPI description of
//! that version (tests/data/intercom-2.11.yaml; a test validates them).
//! See ../shared/reference/platform-apis.md §5.

use std::time::Duration;

use jiff::Timestamp;
use serde_json::{Value, json};

use super::escalation::MARK;
use super::http::{classify, unreadable};
use super::signing::{check_header, hmac_sha1_header};
use super::{
    Answer, Connection, Connector, Delivered, Escalation, EventClock, ExternalEvent, Http,
    InboundWebhook, Lookup, Progress, Step, Verified, WebhookError, create_once, event_time,
    failed, html_paragraphs, passed, text_or_number, warning,
};
use crate::api::{ExternalStatus, IntegrationKind, TestCheck};
use crate::net::Failure;

const KIND: IntegrationKind = IntegrationKind::Intercom;
/// The longest ticket title Desk sends: Intercom documents no limit, and a
/// title is read at a glance in its inbox list.
const TITLE_CHARS: usize = 255;
/// The API version every call pins, so a workspace's default cannot change
/// the shapes this connector reads.
pub const API_VERSION: &str = "2.11";
pub const SIGNATURE_HEADER: &str = "x-hub-signature";

pub struct Intercom;

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

/// How long Intercom's search may lag a new contact, conversation or ticket.
/// Intercom documents no figure; its search is an index, so a repeated
/// delivery does not believe "not found" until this long after its create.
pub const SEARCH_LAG: Duration = Duration::from_secs(60);

/// A search body: all of `conditions` (`field`, `operator`, `value`).
fn search(conditions: &[(&str, &str, Value)]) -> Value {
    let value: Vec<Value> = conditions
        .iter()
        .map(|(field, operator, value)| {
            json!({"field": field, "operator": operator, "value": value})
        })
        .collect();
    json!({"query": {"operator": "AND", "value": value}})
}

/// What a delivery makes: a conversation, or a ticket of the connection's
/// ticket type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Made {
    Conversation,
    Ticket,
}

impl Made {
    fn of(connection: &Connection) -> Made {
        match connection.setting("ticket-type-id") {
            Some(_) => Made::Ticket,
            None => Made::Conversation,
        }
    }

    /// What it is called, for people.
    fn noun(self) -> &'static str {
        match self {
            Made::Conversation => "conversation",
            Made::Ticket => "ticket",
        }
    }

    /// The path segment of its API: `conversations` or `tickets`.
    fn path(self) -> &'static str {
        match self {
            Made::Conversation => "conversations",
            Made::Ticket => "tickets",
        }
    }
}

/// What `connection` makes: a conversation, or a ticket with a ticket type.
pub fn made_noun(connection: &Connection) -> &'static str {
    Made::of(connection).noun()
}

/// The tags that show agents Desk's priority and team: Intercom 2.11 cannot
/// set a conversation's own priority (no stable version documents it), and
/// has no team field Desk's teams map to.
fn tags(connection: &Connection, escalation: &Escalation) -> Vec<String> {
    let priority = connection.priority(escalation.priority, |p| p.to_string());
    let mut tags = vec![format!("Desk priority: {priority}")];
    if let Some(team) = &escalation.team {
        tags.push(format!("Desk team: {team}"));
    }
    tags
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

    /// Sends `body`, whatever the answer's status.
    async fn fetch(
        &self,
        method: reqwest::Method,
        path: &str,
        body: &Value,
    ) -> Result<Answer, Failure> {
        let request = self.request(method, path).await?.json(body);
        self.http.fetch(KIND, request).await
    }

    /// Sends `body`; anything but a success is a [`Failure`].
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
        text_or_number(&answer.success(KIND, explain)?.value()["id"])
            .ok_or_else(|| unreadable(KIND, &answer, "to GET /me without an admin id"))
    }

    /// The hits of a search at `path` (`/contacts/search`, …), as `(id,
    /// role)`. An answer deskctl cannot read, or without its `list`, is no
    /// proof of "none": a transient failure, never a second create.
    async fn hits(
        &self,
        path: &str,
        list: &str,
        query: Value,
    ) -> Result<Vec<(String, String)>, Failure> {
        let answer = self.fetch(reqwest::Method::POST, path, &query).await?;
        let found: Value = answer.success(KIND, explain)?.json(KIND)?;
        let items = found[list]
            .as_array()
            .ok_or_else(|| unreadable(KIND, &answer, &format!("without its {list} list")))?;
        Ok(items
            .iter()
            .filter_map(|item| {
                let id = text_or_number(&item["id"])?;
                let role = item["role"].as_str().unwrap_or("user").to_string();
                Some((id, role))
            })
            .collect())
    }

    /// The first hit of a search at `path`, as [`Api::hits`] reads them.
    async fn first(
        &self,
        path: &str,
        list: &str,
        query: Value,
    ) -> Result<Option<(String, String)>, Failure> {
        Ok(self.hits(path, list, query).await?.into_iter().next())
    }

    /// The requester's contact, as `(id, role)`: found by external id, else
    /// by email, else made with every identifier the handoff has.
    async fn contact(
        &self,
        escalation: &Escalation,
        progress: &mut Progress,
    ) -> Result<(String, String), Failure> {
        let requester = &escalation.requester;
        let keys: Vec<(&str, &str)> = [
            ("external_id", &requester.external_id),
            ("email", &requester.email),
        ]
        .into_iter()
        .filter_map(|(field, value)| value.as_deref().map(|value| (field, value)))
        .collect();
        for (field, value) in &keys {
            let query = json!({"query": {"field": field, "operator": "=", "value": value}});
            if let Some(found) = self.first("/contacts/search", "data", query).await? {
                return Ok(found);
            }
        }
        // A user needs an external id or an email; without either the
        // customer can only be a lead.
        let role = if keys.is_empty() { "lead" } else { "user" };
        let mut body = json!({"role": role, "name": escalation.requester_name()});
        for (key, value) in [
            ("external_id", &requester.external_id),
            ("email", &requester.email),
            ("phone", &requester.phone),
        ] {
            if let Some(value) = value {
                body[key] = json!(value);
            }
        }
        // Only a lead (nothing to search by) is made without a look-up.
        let find = async {
            match keys.first() {
                Some((field, value)) => {
                    let query = json!({"query": {"field": field, "operator": "=", "value": value}});
                    self.first("/contacts/search", "data", query).await
                }
                None => Ok(None),
            }
        };
        create_once(
            progress,
            "contact",
            Lookup::Indexed(SEARCH_LAG),
            find,
            self.fetch(reqwest::Method::POST, "/contacts", &body),
            |answer| {
                let created = created(answer)?;
                let id = text_or_number(&created["id"])
                    .ok_or_else(|| unreadable(KIND, answer, "without the contact's id"))?;
                Ok((id, role.to_string()))
            },
        )
        .await
    }

    /// The conversation or ticket an earlier attempt made. A create in 2.11
    /// carries nothing of Desk's that the search matches exactly (custom
    /// attributes can only be set by a later update), so the search is by
    /// the contact and the `created_at` the delivery set, and each hit is
    /// read for the note that claims it ([`claim`]): another handoff's is
    /// never taken, even of the same customer and second. Several hits that
    /// no handoff has claimed yet are not guessed between: the other
    /// handoffs' deliveries claim theirs with their notes, so look again.
    async fn find(
        &self,
        made: Made,
        escalation: &Escalation,
        contact: &str,
    ) -> Result<Option<String>, Failure> {
        let path = format!("/{}/search", made.path());
        let query = search(&[
            ("contact_ids", "=", json!(contact)),
            ("created_at", "=", json!(escalation.created_at.as_second())),
        ]);
        let mut unclaimed = Vec::new();
        for (id, _) in self.hits(&path, made.path(), query).await? {
            let notes = self.notes(made, &id).await?;
            match claim(notes.iter().map(String::as_str), &escalation.mark()) {
                Claim::Ours => return Ok(Some(id)),
                Claim::Another => {}
                Claim::Nobody => unclaimed.push(id),
            }
        }
        if unclaimed.len() > 1 {
            return Err(Failure {
                error: format!(
                    "an earlier attempt may have made the {noun}, and the contact has {count} \
                     {noun}s made in the same second that no handoff has claimed yet ({ids}): \
                     looking again in {lag} s, once the other handoffs have noted theirs",
                    noun = made.noun(),
                    count = unclaimed.len(),
                    ids = unclaimed.join(", "),
                    lag = SEARCH_LAG.as_secs(),
                ),
                permanent: false,
                retry_after: Some(SEARCH_LAG),
            });
        }
        Ok(unclaimed.pop())
    }

    /// The create of what a delivery makes. A conversation opens with the
    /// customer's own last message, as the customer (the only thing they
    /// see); a ticket names its contact. Both carry the handoff's acceptance
    /// time as `created_at`, which the guard finds them by.
    fn create_body(&self, made: Made, escalation: &Escalation, contact: &str, role: &str) -> Value {
        let created_at = escalation.created_at.as_second();
        match made {
            Made::Conversation => json!({
                "from": {"type": role, "id": contact},
                "body": escalation.customer_words(),
                "created_at": created_at,
            }),
            Made::Ticket => {
                let mut attributes = self
                    .connection
                    .mapped_object(escalation)
                    .unwrap_or_else(|| json!({}));
                attributes["_default_title_"] = json!(escalation.title(TITLE_CHARS));
                attributes["_default_description_"] = json!(escalation.customer_words());
                json!({
                    "ticket_type_id": self.connection.setting("ticket-type-id"),
                    "contacts": [{"id": contact}],
                    "created_at": created_at,
                    "ticket_attributes": attributes,
                })
            }
        }
    }

    /// The bodies of the notes on a conversation or ticket.
    async fn notes(&self, made: Made, id: &str) -> Result<Vec<String>, Failure> {
        let answer = self.get(&format!("/{}/{id}", made.path())).await?;
        // A body deskctl cannot read is no proof the note is missing: a
        // transient failure, not a second note.
        let item: Value = answer.success(KIND, explain)?.json(KIND)?;
        let (parts, list) = match made {
            Made::Conversation => (
                &item["conversation_parts"]["conversation_parts"],
                "conversation_parts",
            ),
            Made::Ticket => (&item["ticket_parts"]["ticket_parts"], "ticket_parts"),
        };
        let parts = parts
            .as_array()
            .ok_or_else(|| unreadable(KIND, &answer, &format!("without its {list}")))?;
        Ok(parts
            .iter()
            .filter(|part| part["part_type"] == "note")
            .filter_map(|part| part["body"].as_str().map(str::to_string))
            .collect())
    }

    /// Whether the conversation or ticket already has this handoff's note.
    async fn noted(
        &self,
        made: Made,
        id: &str,
        escalation: &Escalation,
    ) -> Result<Option<()>, Failure> {
        let notes = self.notes(made, id).await?;
        let ours = claim(notes.iter().map(String::as_str), &escalation.mark()) == Claim::Ours;
        Ok(ours.then_some(()))
    }
}

/// Whose a conversation or ticket is, by its notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Claim {
    /// A note carries this handoff's mark.
    Ours,
    /// A note opens with another handoff's mark.
    Another,
    /// No note is a handoff's.
    Nobody,
}

/// Whose the item with these note bodies (HTML) is: this handoff's when a
/// note carries `mark`; another handoff's when a note's text opens with
/// [`MARK`] (an operator's note that only mentions a handoff claims
/// nothing); else nobody's yet.
fn claim<'a>(notes: impl IntoIterator<Item = &'a str>, mark: &str) -> Claim {
    let mut found = Claim::Nobody;
    for body in notes {
        if body.contains(mark) {
            return Claim::Ours;
        }
        if opening_text(body).starts_with(MARK) {
            found = Claim::Another;
        }
    }
    found
}

/// An HTML body's text from its first character, past the tags and
/// white space before it.
fn opening_text(mut body: &str) -> &str {
    loop {
        body = body.trim_start();
        match body.strip_prefix('<').and_then(|tag| tag.split_once('>')) {
            Some((_, rest)) => body = rest,
            None => return body,
        }
    }
}

/// A create's answer as its body, or the failure a refusal means.
fn created(answer: &Answer) -> Result<Value, Failure> {
    answer.success(KIND, explain)?.json(KIND)
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
                                 {region}: set it with `deskctl integrations connect intercom \
                                 --set region={hosted}`"
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
            _ => api.contact(escalation, progress).await?,
        };
        progress.set("contact", &contact);
        progress.set("contact-role", &role);
        let made = Made::of(connection);
        let id = match progress.get("made") {
            Some(id) => id.to_string(),
            None => {
                let body = api.create_body(made, escalation, &contact, &role);
                let id = create_once(
                    progress,
                    Step {
                        key: "made",
                        what: made.noun(),
                    },
                    Lookup::Indexed(SEARCH_LAG),
                    api.find(made, escalation, &contact),
                    api.fetch(reqwest::Method::POST, &format!("/{}", made.path()), &body),
                    |answer| {
                        let created = created(answer)?;
                        let id = match made {
                            Made::Conversation => &created["conversation_id"],
                            Made::Ticket => &created["id"],
                        };
                        text_or_number(id).ok_or_else(|| {
                            unreadable(KIND, answer, &format!("without the {}'s id", made.path()))
                        })
                    },
                )
                .await?;
                progress.set("made", &id);
                id
            }
        };
        let delivered = Delivered {
            id: id.clone(),
            url: None,
        };
        progress.made(&delivered);
        let path = made.path();
        let admin = match progress.get("admin") {
            Some(admin) => admin.to_string(),
            None => api.admin().await?,
        };
        progress.set("admin", &admin);
        // Setting attributes and tags twice changes nothing: no guard needed.
        if made == Made::Conversation
            && progress.get("attributes").is_none()
            && let Some(attributes) = connection.mapped_object(escalation)
        {
            api.send(
                reqwest::Method::PUT,
                &format!("/conversations/{id}"),
                &json!({ "custom_attributes": attributes }),
            )
            .await?;
            progress.set("attributes", "set");
        }
        if progress.get("tags").is_none() {
            for name in tags(connection, escalation) {
                let tag = api.post("/tags", &json!({ "name": name })).await?;
                let tag = text_or_number(&tag["id"])
                    // Making a tag again changes nothing: try again.
                    .ok_or_else(|| {
                        Failure::transient(format!(
                            "Intercom answered the tag's create without its id: {tag}"
                        ))
                    })?;
                api.post(
                    &format!("/{path}/{id}/tags"),
                    &json!({"id": tag, "admin_id": admin}),
                )
                .await?;
            }
            progress.set("tags", "added");
        }
        if progress.get("note").is_none() {
            let body = json!({
                "message_type": "note",
                "type": "admin",
                "admin_id": admin,
                "body": html_paragraphs(&escalation.agent_note()),
            });
            create_once(
                progress,
                "note",
                Lookup::Direct,
                api.noted(made, &id, escalation),
                api.fetch(reqwest::Method::POST, &format!("/{path}/{id}/reply"), &body),
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
        let secret = connection.webhook_key("client-secret")?;
        let expected = hmac_sha1_header(secret.as_bytes(), webhook.body);
        let signature = webhook.header(SIGNATURE_HEADER);
        check_header(signature, &expected, "X-Hub-Signature")?;
        Ok(Verified::kept(replay_key(webhook.body, expected)))
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
        // The notification's `created_at`, in seconds: Intercom's time.
        let occurred_at = event_time(&body["created_at"], EventClock::UnixSeconds, "created_at");
        Ok(vec![ExternalEvent {
            id,
            status,
            occurred_at,
        }])
    }
}

/// What identifies a notification: its `id`, which Intercom keeps when it
/// sends the notification again (only `delivery_attempts` and the signature
/// change); a body without one, by its signature.
fn replay_key(body: &[u8], signature: String) -> String {
    serde_json::from_slice::<Value>(body)
        .ok()
        .and_then(|body| text_or_number(&body["id"]))
        .map_or(signature, |id| format!("notification {id}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_is_claimed_by_the_handoff_whose_note_opens_it() {
        let ours = "Desk handoff hof_1kbp3sm80zzzzzzzzzzzz";
        let note =
            |id: &str| format!("<p>Desk handoff {id} from AI agent shop<br>Channel: web</p>");
        let own = note("hof_1kbp3sm80zzzzzzzzzzzz");
        let other = note("hof_1kbp3sm81000000000000");
        assert_eq!(claim([own.as_str()], ours), Claim::Ours);
        assert_eq!(claim([other.as_str(), own.as_str()], ours), Claim::Ours);
        assert_eq!(claim([other.as_str()], ours), Claim::Another);
        // Intercom may wrap or space a note's HTML differently.
        assert_eq!(
            claim(["<div> <p><b>Desk handoff hof_x</b></p></div>"], ours),
            Claim::Another
        );
        assert_eq!(claim([], ours), Claim::Nobody);
        // An operator's note that only mentions a handoff claims nothing.
        assert_eq!(
            claim(["<p>see Desk handoff hof_x for the order</p>"], ours),
            Claim::Nobody
        );
    }

    #[test]
    fn a_notification_sent_again_has_the_same_replay_key() {
        let first = br#"{"type":"notification_event","id":"notif_c","topic":"conversation.admin.closed","delivery_attempts":1,"first_sent_at":1800000000,"created_at":1800000000}"#;
        let again = br#"{"type":"notification_event","id":"notif_c","topic":"conversation.admin.closed","delivery_attempts":2,"first_sent_at":1800000000,"created_at":1800000000}"#;
        let other = br#"{"type":"notification_event","id":"notif_o","topic":"conversation.admin.opened","delivery_attempts":1,"created_at":1800000000}"#;
        let key = |body: &[u8]| replay_key(body, hmac_sha1_header(b"secret", body));
        assert_eq!(key(first), "notification notif_c");
        assert_eq!(key(first), key(again));
        assert_ne!(key(first), key(other));
        // Without an id, the signature tells requests apart.
        assert_eq!(key(b"{}"), hmac_sha1_header(b"secret", b"{}"));
        assert_eq!(key(b"not json"), hmac_sha1_header(b"secret", b"not json"));
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
            occurred_at: None,
        }]
    }

    #[test]
    fn the_notifications_created_at_is_intercoms_time() {
        let events = webhook(
            r#"{"type":"notification_event","topic":"conversation.admin.opened","created_at":1800000000,"data":{"item":{"id":"1"}}}"#,
        )
        .unwrap();
        assert_eq!(
            events[0].occurred_at,
            Timestamp::from_second(1_800_000_000).ok()
        );
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
