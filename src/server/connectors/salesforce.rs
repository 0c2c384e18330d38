//! Salesforce Service Cloud: a Case (REST API) with the summary and transcript
//! as private CaseComments, a Bearer token from the OAuth client credentials
//! flow, and webhooks from a Flow's HTTP callout carrying a shared token.
//! See ../shared/reference/platform-apis.md §4.

use std::sync::Mutex;

use jiff::Timestamp;
use serde::Deserialize;
use serde_json::{Value, json};

use super::http::classify;
use super::signing::{canonical_key, event_key, same};
use super::{
    Answer, Connection, Connector, Delivered, Escalation, EventClock, ExternalEvent, Http,
    InboundWebhook, Lookup, Progress, Verified, WebhookError, create_once, event_time, failed,
    passed, split_bytes,
};
use crate::api::{Channel, ExternalStatus, IntegrationKind, Priority, TestCheck};
use crate::net::Failure;
use crate::net::segment;

const KIND: IntegrationKind = IntegrationKind::Salesforce;
const DEFAULT_API_VERSION: &str = "62.0";
/// CaseComment.CommentBody holds at most this many bytes.
pub const COMMENT_BYTES: usize = 4000;
/// The Case `Subject` field's length, in characters.
const SUBJECT_CHARS: usize = 255;
const DESCRIPTION_CHARS: usize = 32_000;
const SUPPLIED_NAME_CHARS: usize = 80;
const SUPPLIED_PHONE_CHARS: usize = 40;

pub struct Salesforce;

/// Salesforce's default Case priorities: Low, Medium, High (no Urgent).
pub fn priority(priority: Priority) -> String {
    match priority {
        Priority::Low => "Low",
        Priority::Medium => "Medium",
        Priority::High | Priority::Urgent => "High",
    }
    .to_string()
}

/// The host the token call goes to: the base URL override, else the org's
/// My Domain (`acme` → `https://acme.my.salesforce.com`, or a whole host).
fn login_base(connection: &Connection) -> Result<String, Failure> {
    let domain = connection.required("my-domain")?;
    let host = domain
        .trim()
        .trim_start_matches("https://")
        .trim_end_matches('/');
    Ok(connection.base_url_or(|| {
        if host.contains('.') {
            format!("https://{host}")
        } else {
            format!("https://{host}.my.salesforce.com")
        }
    }))
}

fn api_version(connection: &Connection) -> String {
    connection
        .setting("api-version")
        .unwrap_or(DEFAULT_API_VERSION)
        .trim_start_matches(['v', 'V'])
        .to_string()
}

/// Salesforce's REST errors: a JSON array of `{message, errorCode, fields}`.
fn explain(answer: &Answer) -> Option<String> {
    let body = answer.value();
    let errors = body.as_array()?;
    let text = errors
        .iter()
        .map(|error| {
            let code = error["errorCode"].as_str().unwrap_or("ERROR");
            let message = error["message"].as_str().unwrap_or_default();
            let fields: Vec<&str> = error["fields"]
                .as_array()
                .map(|fields| fields.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            if fields.is_empty() {
                format!("{code}: {message}")
            } else {
                format!("{code}: {message} (fields: {})", fields.join(", "))
            }
        })
        .collect::<Vec<_>>()
        .join("; ");
    (!text.is_empty()).then_some(text)
}

/// The first `errorCode` of an error body.
fn error_code(answer: &Answer) -> Option<String> {
    answer.value()[0]["errorCode"].as_str().map(str::to_string)
}

/// The token endpoint's errors, `{"error": "invalid_client_id",
/// "error_description": "client identifier invalid"}`, said as which
/// credential is wrong.
fn token_problem(connection: &Connection, answer: &Answer) -> String {
    let body = answer.value();
    let error = body["error"].as_str().unwrap_or_default();
    let description = body["error_description"].as_str().unwrap_or_default();
    let client_id = connection.setting("client-id").unwrap_or_default();
    match error {
        "invalid_client_id" => format!(
            "Salesforce does not know the client id {client_id} ({description}): use the \
             consumer key of the external client app"
        ),
        "invalid_client" => format!(
            "Salesforce refused the client secret for client id {client_id} ({description}): \
             use that app's consumer secret"
        ),
        "invalid_grant" | "unsupported_grant_type" => format!(
            "Salesforce refused the client credentials flow ({error}: {description}): enable \
             \"Client Credentials Flow\" on the app and choose its run-as user"
        ),
        _ if answer.status == http::StatusCode::NOT_FOUND => format!(
            "there is no Salesforce org at {}: check my-domain ({})",
            login_base(connection).unwrap_or_default(),
            connection.setting("my-domain").unwrap_or_default()
        ),
        _ => {
            let said = [error, description]
                .into_iter()
                .filter(|text| !text.is_empty())
                .collect::<Vec<_>>()
                .join(": ");
            classify(KIND, answer, (!said.is_empty()).then_some(said)).error
        }
    }
}

#[derive(Deserialize)]
struct TokenAnswer {
    access_token: String,
    instance_url: String,
}

/// A signed-in session: a token and the REST API's base for this org.
struct Session {
    /// Renewed in place when Salesforce says the session expired; never held
    /// across a call.
    token: Mutex<String>,
    /// `{instance}/services/data/vNN.N`.
    api: String,
    /// The org's instance, for links.
    instance: String,
}

impl Session {
    /// Fetches a token with the client credentials flow.
    async fn open(http: &Http, connection: &Connection) -> Result<Session, Failure> {
        let base = login_base(connection)?;
        let client_id = connection.required("client-id")?;
        let client_secret = connection.required("client-secret")?;
        let form = serde_urlencoded::to_string([
            ("grant_type", "client_credentials"),
            ("client_id", client_id),
            ("client_secret", client_secret),
        ])
        .expect("a form of strings encodes");
        let request = http
            .client()
            .await?
            .post(format!("{base}/services/oauth2/token"))
            .header(
                reqwest::header::CONTENT_TYPE,
                "application/x-www-form-urlencoded",
            )
            .header(reqwest::header::ACCEPT, "application/json")
            .body(form);
        let answer = http.fetch(KIND, request).await?;
        if !answer.status.is_success() {
            let transient = answer.status.is_server_error()
                || answer.status == http::StatusCode::TOO_MANY_REQUESTS;
            let problem = token_problem(connection, &answer);
            return Err(if transient {
                classify(KIND, &answer, Some(problem))
            } else {
                Failure::permanent(problem)
            });
        }
        let token: TokenAnswer = answer.json(KIND)?;
        // The base URL override stands in for the org's instance too.
        let instance = match &connection.base_url {
            Some(_) => base,
            None => token.instance_url.trim_end_matches('/').to_string(),
        };
        Ok(Session {
            token: Mutex::new(token.access_token),
            api: format!("{instance}/services/data/v{}", api_version(connection)),
            instance,
        })
    }

    /// Sends the request `build` makes (given the API base) with the token and
    /// reads the answer, whatever its status; an expired session (401
    /// `INVALID_SESSION_ID`) gets a new token and one more try.
    async fn fetch(
        &self,
        http: &Http,
        connection: &Connection,
        build: impl Fn(&reqwest::Client, &str) -> reqwest::RequestBuilder,
    ) -> Result<Answer, Failure> {
        let mut renewed = false;
        loop {
            let token = self.token.lock().expect("session token lock").clone();
            let request = build(http.client().await?, &self.api).bearer_auth(token);
            let answer = http.fetch(KIND, request).await?;
            if answer.status == http::StatusCode::UNAUTHORIZED
                && error_code(&answer).as_deref() == Some("INVALID_SESSION_ID")
                && !renewed
            {
                let fresh = Session::open(http, connection).await?;
                let token = fresh.token.into_inner().expect("session token lock");
                *self.token.lock().expect("session token lock") = token;
                renewed = true;
                continue;
            }
            return Ok(answer);
        }
    }

    /// [`Session::fetch`], with anything but a success as a [`Failure`].
    async fn send(
        &self,
        http: &Http,
        connection: &Connection,
        build: impl Fn(&reqwest::Client, &str) -> reqwest::RequestBuilder,
    ) -> Result<Answer, Failure> {
        let answer = self.fetch(http, connection, build).await?;
        if answer.status.is_success() {
            Ok(answer)
        } else {
            Err(failure(&answer))
        }
    }
}

/// What a failed answer means. A 403 `REQUEST_LIMIT_EXCEEDED` is the org's API
/// allocation running out: transient, with no wait told, so the outbox backs
/// off; other answers as [`classify`] says.
fn failure(answer: &Answer) -> Failure {
    if answer.status == http::StatusCode::FORBIDDEN
        && error_code(answer).as_deref() == Some("REQUEST_LIMIT_EXCEEDED")
    {
        return Failure::transient(format!(
            "Salesforce answered 403 Forbidden: {}",
            explain(answer).unwrap_or_default()
        ));
    }
    classify(KIND, answer, explain(answer))
}

/// Quotes `text` for a SOQL string literal.
fn soql_quote(text: &str) -> String {
    let escaped = text.replace('\\', "\\\\").replace('\'', "\\'");
    format!("'{escaped}'")
}

#[derive(Deserialize)]
struct Created {
    id: String,
    #[serde(default = "yes")]
    success: bool,
    #[serde(default)]
    errors: Vec<Value>,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
struct Query {
    records: Vec<Value>,
}

/// A record read by an external id with `?fields=Id`.
#[derive(Deserialize)]
struct Record {
    #[serde(rename = "Id")]
    id: String,
}

/// The Case field that keeps the handoff id, unless the connection names
/// another.
pub const EXTERNAL_ID_FIELD: &str = "Desk_Handoff_Id__c";

fn external_id_field(connection: &Connection) -> &str {
    connection
        .setting("external-id-field")
        .unwrap_or(EXTERNAL_ID_FIELD)
}

/// The first `max` characters of `text`.
fn cut(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

impl Salesforce {
    /// The requester's Contact: by the Contact field that keeps their id on
    /// the AI agent platform (when the connection names one), else the one
    /// Contact with their email. A read, never a create: a customer with no
    /// Contact is named on the Case by its Supplied* fields.
    async fn contact(
        session: &Session,
        http: &Http,
        connection: &Connection,
        escalation: &Escalation,
    ) -> Result<Option<String>, Failure> {
        let requester = &escalation.requester;
        if let (Some(field), Some(id)) = (
            connection.setting("contact-id-field"),
            &requester.external_id,
        ) {
            let path = format!("/sobjects/Contact/{field}/{}", segment(id));
            if let Some(contact) = read_by_external_id(session, http, connection, &path).await? {
                return Ok(Some(contact));
            }
        }
        let Some(email) = &requester.email else {
            return Ok(None);
        };
        let soql = format!(
            "SELECT Id FROM Contact WHERE Email = {} LIMIT 2",
            soql_quote(email)
        );
        let found = query(session, http, connection, &soql).await?;
        // Two Contacts with one email: neither is surely the customer.
        Ok(match found.records.as_slice() {
            [one] => one["Id"].as_str().map(str::to_string),
            _ => None,
        })
    }

    /// The Case: the customer's own words as its description (a customer
    /// sees their Cases in a portal), the requester with every identifier,
    /// mapped values in their fields. The handoff id is not in the body: the
    /// upsert's URL names it.
    fn case_body(connection: &Connection, escalation: &Escalation, contact: Option<&str>) -> Value {
        let origin = connection
            .setting("origin")
            .map(str::to_string)
            .unwrap_or_else(|| match escalation.channel {
                Channel::Email => "Email".into(),
                _ => "Web".into(),
            });
        let requester = &escalation.requester;
        let mut case = serde_json::Map::new();
        case.insert("Subject".into(), json!(escalation.title(SUBJECT_CHARS)));
        case.insert(
            "Description".into(),
            json!(cut(&escalation.customer_words(), DESCRIPTION_CHARS)),
        );
        case.insert(
            "Priority".into(),
            json!(connection.priority(escalation.priority, priority)),
        );
        case.insert("Origin".into(), json!(origin));
        case.insert(
            "SuppliedName".into(),
            json!(cut(&escalation.requester_name(), SUPPLIED_NAME_CHARS)),
        );
        if let Some(email) = &requester.email {
            case.insert("SuppliedEmail".into(), json!(email));
        }
        if let Some(phone) = &requester.phone {
            case.insert(
                "SuppliedPhone".into(),
                json!(cut(phone, SUPPLIED_PHONE_CHARS)),
            );
        }
        if let Some(contact) = contact {
            case.insert("ContactId".into(), json!(contact));
        }
        for (field, value) in connection.mapped(escalation) {
            case.insert(field, value);
        }
        Value::Object(case)
    }

    /// The Case of this handoff, read by its external id; none when there is
    /// none (404).
    async fn find(
        session: &Session,
        http: &Http,
        connection: &Connection,
        escalation: &Escalation,
    ) -> Result<Option<String>, Failure> {
        let path = case_path(connection, escalation);
        read_by_external_id(session, http, connection, &path).await
    }

    /// Whether the Case already has `piece` as a private comment.
    async fn commented(
        session: &Session,
        http: &Http,
        connection: &Connection,
        case: &str,
        piece: &str,
    ) -> Result<Option<String>, Failure> {
        let soql = format!(
            "SELECT Id, CommentBody FROM CaseComment WHERE ParentId = {}",
            soql_quote(case)
        );
        let found = query(session, http, connection, &soql).await?;
        Ok(found
            .records
            .iter()
            .find(|record| record["CommentBody"].as_str() == Some(piece))
            .and_then(|record| record["Id"].as_str())
            .map(str::to_string))
    }
}

impl Salesforce {
    /// Whether Contact has `name`, marked External ID.
    async fn check_contact_field(
        session: &Session,
        http: &Http,
        connection: &Connection,
        name: &str,
    ) -> TestCheck {
        let answer = match session
            .fetch(http, connection, |client, api| {
                client.get(format!("{api}/sobjects/Contact/describe"))
            })
            .await
        {
            Ok(answer) if answer.status.is_success() => answer,
            Ok(answer) => return failed("contact id", failure(&answer).error),
            Err(failure) => return failed("contact id", failure.error),
        };
        let described = answer.value();
        let spec = described["fields"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|field| field["name"].as_str() == Some(name));
        match spec {
            None => failed(
                "contact id",
                format!("Contact has no field {name}: create it (Text, External ID, Unique)"),
            ),
            Some(spec) if spec["externalId"].as_bool() != Some(true) => failed(
                "contact id",
                format!("Contact.{name} is not marked External ID: edit the field"),
            ),
            Some(_) => passed(
                "contact id",
                format!("customers are tied to the Contact whose {name} is their id"),
            ),
        }
    }
}

/// The Id of the record at `path` (`/sobjects/{object}/{field}/{value}`),
/// read by an external id; none when no record has it (404) or several do
/// (300: the field is not marked Unique, and none is surely the one).
async fn read_by_external_id(
    session: &Session,
    http: &Http,
    connection: &Connection,
    path: &str,
) -> Result<Option<String>, Failure> {
    let answer = session
        .fetch(http, connection, |client, api| {
            client
                .get(format!("{api}{path}"))
                .query(&[("fields", "Id")])
        })
        .await?;
    match answer.status.as_u16() {
        // An answer deskctl cannot read is no proof the record is missing:
        // a transient failure, not a second Case or a Case without its
        // Contact.
        200 => Ok(Some(answer.json::<Record>(KIND)?.id)),
        300 | 404 => Ok(None),
        _ => Err(failure(&answer)),
    }
}

/// `/sobjects/Case/{external id field}/{handoff}`: where the Case of a
/// handoff is upserted and read.
fn case_path(connection: &Connection, escalation: &Escalation) -> String {
    format!(
        "/sobjects/Case/{}/{}",
        external_id_field(connection),
        segment(&escalation.handoff)
    )
}

async fn query(
    session: &Session,
    http: &Http,
    connection: &Connection,
    soql: &str,
) -> Result<Query, Failure> {
    session
        .send(http, connection, |client, api| {
            client.get(format!("{api}/query")).query(&[("q", soql)])
        })
        .await?
        .json(KIND)
}

/// A create's answer: 201 `{id, success, errors}` (an upsert that updated
/// answers 200 with the same body), or the failure a refusal means.
fn created(answer: &Answer) -> Result<String, Failure> {
    if !answer.status.is_success() {
        return Err(failure(answer));
    }
    let created: Created = answer.json(KIND)?;
    if !created.success {
        return Err(Failure::permanent(format!(
            "Salesforce did not create the record: {}",
            Value::Array(created.errors)
        )));
    }
    Ok(created.id)
}

impl Connector for Salesforce {
    async fn test(&self, http: &Http, connection: &Connection) -> Vec<TestCheck> {
        let session = match Session::open(http, connection).await {
            Ok(session) => session,
            Err(failure) => return vec![failed("credentials", failure.error)],
        };
        let mut checks = vec![passed(
            "credentials",
            format!(
                "the client credentials flow gave a token for {}",
                session.instance
            ),
        )];
        let describe = session
            .fetch(http, connection, |client, api| {
                client.get(format!("{api}/sobjects/Case/describe"))
            })
            .await;
        let answer = match describe {
            Ok(answer) => answer,
            Err(failure) => {
                checks.push(failed("permission", failure.error));
                return checks;
            }
        };
        let said = explain(&answer).unwrap_or_else(|| answer.status.to_string());
        let problem = match answer.status.as_u16() {
            200 => None,
            403 if error_code(&answer).as_deref() != Some("REQUEST_LIMIT_EXCEEDED") => {
                Some(format!(
                    "the run-as user may not read Cases ({said}): give it API Enabled and \
                     Read/Create on Case"
                ))
            }
            404 => Some(format!(
                "API version v{} is not available on this org ({said}): set api-version",
                api_version(connection)
            )),
            _ => Some(failure(&answer).error),
        };
        if let Some(problem) = problem {
            checks.push(failed("permission", problem));
            return checks;
        }
        let described = answer.value();
        if described["createable"].as_bool() == Some(false) {
            checks.push(failed(
                "permission",
                "the run-as user may read Cases but not create them: give it Create on Case",
            ));
        } else {
            checks.push(passed("permission", "the run-as user may create Cases"));
        }
        let fields = described["fields"].as_array().cloned().unwrap_or_default();
        let field = |name: &str| {
            fields
                .iter()
                .find(|field| field["name"].as_str() == Some(name))
                .cloned()
        };
        let name = external_id_field(connection);
        checks.push(match field(name) {
            None => failed(
                "external id",
                format!(
                    "Case has no field {name}: create it (Text, External ID, Unique) or set \
                     external-id-field; deliveries upsert Cases by it"
                ),
            ),
            Some(spec) if spec["externalId"].as_bool() != Some(true) => failed(
                "external id",
                format!("Case.{name} is not marked External ID: edit the field"),
            ),
            Some(_) => passed("external id", format!("Case.{name} keeps the handoff id")),
        });
        if let Some(name) = connection.setting("contact-id-field") {
            checks.push(Self::check_contact_field(&session, http, connection, name).await);
        }
        let missing: Vec<&str> = connection
            .fields
            .values()
            .map(String::as_str)
            .filter(|name| field(name).is_none())
            .collect();
        if !missing.is_empty() {
            checks.push(failed(
                "fields",
                format!("Case has no field {}", missing.join(", ")),
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
        let session = Session::open(http, connection).await?;
        let case = match progress.get("case") {
            Some(id) => id.to_string(),
            None => {
                let contact = Self::contact(&session, http, connection, escalation).await?;
                let body = Self::case_body(connection, escalation, contact.as_deref());
                let path = case_path(connection, escalation);
                // An upsert by the external id: even two attempts racing make one Case.
                let id = create_once(
                    progress,
                    "case",
                    Lookup::Direct,
                    Self::find(&session, http, connection, escalation),
                    session.fetch(http, connection, |client, api| {
                        client.patch(format!("{api}{path}")).json(&body)
                    }),
                    created,
                )
                .await?;
                progress.set("case", &id);
                id
            }
        };
        let delivered = Delivered {
            url: Some(format!("{}/lightning/r/Case/{case}/view", session.instance)),
            id: case.clone(),
        };
        progress.made(&delivered);
        let pieces = split_bytes(&escalation.agent_note(), COMMENT_BYTES);
        for (index, piece) in pieces.iter().enumerate() {
            let step = format!("comment-{}", index + 1);
            if progress.get(&step).is_some() {
                continue;
            }
            let body = json!({"ParentId": case, "CommentBody": piece, "IsPublished": false});
            let id = create_once(
                progress,
                &step,
                Lookup::Direct,
                Self::commented(&session, http, connection, &case, piece),
                session.fetch(http, connection, |client, api| {
                    client
                        .post(format!("{api}/sobjects/CaseComment/"))
                        .json(&body)
                }),
                created,
            )
            .await?;
            progress.set(&step, id);
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
        let given = webhook.header("authorization").ok_or_else(|| {
            WebhookError::Unauthenticated(
                "the request carries no Authorization header with the webhook token".into(),
            )
        })?;
        let given = given.trim();
        let given = given.strip_prefix("Bearer ").unwrap_or(given).trim();
        if !same(given, token) {
            return Err(WebhookError::Unauthenticated(
                "the Authorization header does not carry the webhook token".into(),
            ));
        }
        // The token is the same on every call: the Case and the time of the
        // change the body names tell one call from its replay.
        Ok(Verified::kept(replay_key(webhook.body)))
    }

    fn events(&self, webhook: &InboundWebhook<'_>) -> Result<Vec<ExternalEvent>, WebhookError> {
        let body: Value = serde_json::from_slice(webhook.body)
            .map_err(|error| WebhookError::Malformed(format!("the body is not JSON: {error}")))?;
        let pick = |keys: &[&str]| keys.iter().map(|key| &body[*key]).find(|v| !v.is_null());
        let id = pick(&["case_id", "Id"])
            .and_then(Value::as_str)
            .filter(|id| !id.is_empty())
            .ok_or_else(|| WebhookError::Malformed("the body has no case_id".into()))?;
        let closed = match pick(&["is_closed", "IsClosed"]) {
            Some(Value::Bool(closed)) => *closed,
            Some(Value::String(text)) => text.eq_ignore_ascii_case("true"),
            _ => false,
        };
        let status = pick(&["status", "Status"]).and_then(Value::as_str);
        let owner = pick(&["owner_id", "OwnerId"])
            .and_then(Value::as_str)
            .unwrap_or_default();
        let status = if closed || status.is_some_and(|s| s.eq_ignore_ascii_case("closed")) {
            ExternalStatus::Resolved
        } else if owner.starts_with("005") {
            // 005 is the key prefix of User ids; a queue (00G) is nobody yet.
            ExternalStatus::Assigned
        } else if status.is_some() || !owner.is_empty() {
            ExternalStatus::Created
        } else {
            return Err(WebhookError::Malformed(
                "the body has neither status, is_closed nor owner_id".into(),
            ));
        };
        // The Flow's `changed_at` (or the Case's `LastModifiedDate`):
        // Salesforce's time.
        let occurred_at = pick(&["changed_at", "LastModifiedDate"])
            .and_then(|at| event_time(at, EventClock::Text, "changed_at"));
        Ok(vec![ExternalEvent {
            id: id.to_string(),
            status,
            occurred_at,
        }])
    }
}

/// The event a body is about: its Case and `changed_at`, whatever the bytes; a
/// body without them keys by its canonical form.
fn replay_key(body: &[u8]) -> String {
    let Ok(value) = serde_json::from_slice::<Value>(body) else {
        return canonical_key(body);
    };
    let pick = |keys: &[&str]| {
        keys.iter()
            .filter_map(|key| value[*key].as_str())
            .map(str::trim)
            .find(|text| !text.is_empty())
    };
    match (
        pick(&["case_id", "Id"]),
        pick(&["changed_at", "LastModifiedDate"]),
    ) {
        (Some(id), Some(at)) => event_key(&["case", id, at]),
        _ => canonical_key(body),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urgent_is_high_in_the_default_picklist() {
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

    fn answer(status: u16, body: &str) -> Answer {
        Answer {
            status: http::StatusCode::from_u16(status).unwrap(),
            headers: Default::default(),
            body: bytes::Bytes::from(body.to_string()),
        }
    }

    #[test]
    fn error_arrays_are_read_with_their_fields() {
        let body = r#"[{"message":"Required fields are missing: [Subject]","errorCode":"REQUIRED_FIELD_MISSING","fields":["Subject"]},{"message":"bad","errorCode":"INVALID_FIELD"}]"#;
        assert_eq!(
            explain(&answer(400, body)).unwrap(),
            "REQUIRED_FIELD_MISSING: Required fields are missing: [Subject] (fields: Subject); \
             INVALID_FIELD: bad"
        );
        assert_eq!(explain(&answer(400, "{}")), None);
        assert_eq!(
            error_code(&answer(403, body)).as_deref(),
            Some("REQUIRED_FIELD_MISSING")
        );
    }

    #[test]
    fn long_text_is_cut_at_character_boundaries_within_the_byte_limit() {
        let text = "é".repeat(3000); // 6000 bytes, no line breaks
        let pieces = split_bytes(&text, COMMENT_BYTES);
        assert_eq!(pieces.len(), 2);
        assert!(pieces.iter().all(|piece| piece.len() <= COMMENT_BYTES));
        assert_eq!(pieces.concat(), text);
        let lines = format!("{}\n{}", "a".repeat(3000), "b".repeat(3000));
        let pieces = split_bytes(&lines, COMMENT_BYTES);
        assert_eq!(pieces[0], format!("{}\n", "a".repeat(3000)));
        assert_eq!(pieces[1], "b".repeat(3000));
        assert_eq!(split_bytes("short", COMMENT_BYTES), ["short"]);
    }

    #[test]
    fn soql_literals_are_escaped() {
        assert_eq!(soql_quote(r"it's a \ test"), r"'it\'s a \\ test'");
    }

    fn webhook(body: &str) -> Result<Vec<ExternalEvent>, WebhookError> {
        let headers = http::HeaderMap::new();
        Salesforce.events(&InboundWebhook {
            headers: &headers,
            query: None,
            body: body.as_bytes(),
        })
    }

    fn status_of(body: &str) -> ExternalStatus {
        webhook(body).unwrap()[0].status
    }

    #[test]
    fn flow_callout_bodies_are_read() {
        assert_eq!(
            webhook(r#"{"case_id":"500A","status":"Closed","is_closed":true}"#).unwrap(),
            [ExternalEvent {
                id: "500A".into(),
                status: ExternalStatus::Resolved,
                occurred_at: None,
            }]
        );
        // The Flow's `changed_at`, else the Case's own `LastModifiedDate`.
        let at = |body| webhook(body).unwrap()[0].occurred_at;
        assert_eq!(
            at(r#"{"case_id":"500A","is_closed":true,"changed_at":"2027-01-15T09:00:00.000Z"}"#),
            Some("2027-01-15T09:00:00Z".parse().unwrap())
        );
        assert_eq!(
            at(
                r#"{"Id":"500A","IsClosed":true,"LastModifiedDate":"2027-01-15T09:00:00.000+0000"}"#
            ),
            Some("2027-01-15T09:00:00Z".parse().unwrap())
        );
        assert_eq!(
            status_of(r#"{"case_id":"500A","status":"Working","owner_id":"005X"}"#),
            ExternalStatus::Assigned
        );
        assert_eq!(
            status_of(r#"{"Id":"500A","Status":"New","OwnerId":"00GQ"}"#),
            ExternalStatus::Created
        );
        assert_eq!(
            status_of(r#"{"Id":"500A","Status":"Solved","IsClosed":"true"}"#),
            ExternalStatus::Resolved
        );
        assert!(matches!(
            webhook(r#"{"status":"Closed"}"#),
            Err(WebhookError::Malformed(_))
        ));
        assert!(matches!(
            webhook(r#"{"case_id":"500A"}"#),
            Err(WebhookError::Malformed(_))
        ));
        assert!(matches!(webhook("<xml/>"), Err(WebhookError::Malformed(_))));
    }
}
